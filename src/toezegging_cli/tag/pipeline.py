"""The Dutch spaCy pipeline for letters to parliament: tokenizer, sentences and entities.

No pretrained Dutch model is used: `build()` starts from `spacy.blank("nl")`, adds tokenizer special
cases for letter Dutch (titles and abbreviations, a full stop after a party name, percentages) and
these registered components, in order:

- `letter_context`: copies the reference date of the letter (`nlp.pipe(..., as_tuples=True)`
  context `{"ref_date": date}`) to `doc._.ref_date`;
- `letter_lemmatizer`: lemmas from a lookup table (`ministers` → `minister`);
- `letter_sentencizer`: sentence boundaries that respect abbreviations, initials, `nr. 3`,
  Kamerstuk references and decimals, and break at paragraphs;
- `time_entities`: DATE and DEADLINE from `dates.find_time_expressions`;
- `debate_entities`, `member_entities`, `minister_entities`, `party_entities`: DEBATE, MEMBER,
  MINISTER and PARTY from the data tables.

Every entity carries its normalised value in `span._.value`; `doc.ents` never overlap (the longer
span wins, then the label's priority). The tables come from the package data (`entity_data.py`)
when the pipeline is built and are saved in each component's own folder. Each component lives in
a module of its own (`context.py`, `sentences.py`, `time_entities.py`, `debate_entities.py`,
`member_entities.py`, `minister_entities.py`, `party_entities.py`; shared parts in `base.py`);
this module builds and saves the pipeline, so
`spacy.load("models/toezegging_nl")` works once this module is imported and reads no CSV. Regexes
are compiled on a component's first use, which keeps loading fast.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_suffix_regex

# The component modules register their factories with spaCy on import.
from toezegging_cli.tag import (  # noqa: F401
    context,
    debate_entities,
    entity_data,
    member_entities,
    minister_entities,
    party_entities,
    sentences,
    time_entities,
)
from toezegging_cli.tag.base import _LETTER, _UPPER, TableComponent

MODEL_NAME = "toezegging_nl"
MODEL_VERSION = "1.0.0"
REPO_MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / MODEL_NAME
PACKAGE_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / MODEL_NAME

COMPONENTS = ("letter_context", "letter_lemmatizer", "letter_sentencizer", "time_entities",
              "debate_entities", "member_entities", "minister_entities", "party_entities")


def _customize_tokenizer(nlp: Language) -> None:
    """Special cases of letter Dutch: abbreviations stay whole; a full stop after a party name, a
    per cent sign after a number, a note number after a closing bracket, a slash between names and a
    hyphen before a capital are tokens of their own."""
    tokenizer = nlp.tokenizer
    for abbreviation, _ends in entity_data.abbreviations():
        for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    for alias in entity_data.party_aliases():
        if " " not in alias and alias[-1].isalnum():
            tokenizer.add_special_case(alias + ".", [{ORTH: alias}, {ORTH: "."}])
    # a note number glued to a closing bracket, quote or a word's full stop ('(22 februari jl.)1',
    # '«Opvoeden»2', 'het onderwijsveld.2 Ik ga …') is a token
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9])%", r"(?<=[)\]»”])[0-9]{1,2}",
                r"(?<=[a-z]{2}\.)[0-9]{1,2}"]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # 'Bontenbal/Grinwis', 'motie-Van Nispen', 'CDA-Kamerlid': names and parties become tokens.
    infixes = [*nlp.Defaults.infixes, rf"(?<={_LETTER})/(?={_LETTER})", rf"(?<={_LETTER})-(?=[{_UPPER}])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build() -> Language:
    """A fresh pipeline with the tables of the package data."""
    nlp = spacy.blank("nl")
    _customize_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    for _name, component in nlp.pipeline:
        if isinstance(component, TableComponent):
            component.initialize()
    nlp.meta.update({
        "name": MODEL_NAME, "version": MODEL_VERSION,
        "description": "Letters to the Dutch parliament: sentences, MEMBER, PARTY, MINISTER, DEBATE, "
                       "DATE and DEADLINE (rule-based, built by `toezegging build-model`).",
        "author": "toezegging", "license": "MIT",
        "sources": [{"name": "toezegging_cli/data (see README, Data sources)"}],
        # shown by `toezegging --version`; the one field a rebuild changes when the data did not
        "build_date": dt.datetime.now(dt.UTC).date().isoformat(),
    })
    return nlp


def default_model_dir() -> Path:
    """The repo's models/ folder in a checkout, else the folder inside the installed package."""
    if (REPO_MODEL_DIR.parents[1] / "pyproject.toml").exists():
        return REPO_MODEL_DIR
    return PACKAGE_MODEL_DIR


def build_and_save(out: Path | None = None) -> Path:
    """Build the pipeline and save it to `out` (default: models/toezegging_nl), replacing an older
    saved pipeline there; returns the folder."""
    out = Path(out) if out is not None else default_model_dir()
    if out.exists():
        leftovers = {p.name for p in out.iterdir()} - {".gitkeep"}
        if leftovers and not (out / "config.cfg").exists():
            raise FileExistsError(f"{out} is not empty and holds no spaCy pipeline; not overwriting it")
        shutil.rmtree(out)
    nlp = build()
    nlp.to_disk(out)
    _write_regex_table(nlp, out)
    return out


def _write_regex_table(nlp: Language, out: Path) -> None:
    """Store the compiled patterns with the pipeline (`precompiled`): the tokenizer's of this pipeline
    and of the sentence classifier (spaCy's Dutch defaults), each component's, the trigger phrases."""
    from toezegging_cli import precompiled, prefilter
    from toezegging_cli.assemble.triggers import trigger_patterns

    patterns = []
    for tokenizer in (nlp.tokenizer, spacy.blank("nl").tokenizer):
        searches = (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer,
                    tokenizer.token_match, tokenizer.url_match)
        patterns += [(f.__self__.pattern, 0) for f in searches if f is not None]
    with precompiled.recording() as seen:
        for _name, component in nlp.pipeline:
            if isinstance(component, TableComponent):
                component.compile()
    precompiled.write_table(out, patterns + seen + trigger_patterns(), prefilter.analyse)
