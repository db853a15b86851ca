"""A learned second opinion on sentences: does this sentence state an earlier or a new commitment?

A spaCy `textcat_multilabel` (bag of words and word pairs) on `spacy.blank("nl")`, trained on the
sentences of the kept evaluation set's `dev` half (eval/gold/dev, eval/letters): a sentence is
labelled `earlier` or `new` when it carries a gold commitment's quote (the scorer's own overlap
rule), else neither. Training is seeded and runs at `toezegging build-model` time in a checkout
(where eval/ exists); the result is shipped in models/toezegging_sentences.

Sentences are lower-cased and digits masked before classification, so a year or a date does not
decide the label. `assemble` uses the scores only to add sentences the rules missed (see
`assemble/learned.py`); the rules stay the first opinion.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from toezegging_cli.tag.pipeline import PACKAGE_MODEL_DIR, REPO_MODEL_DIR

if TYPE_CHECKING:
    from spacy.language import Language

NAME = "toezegging_sentences"
COMPONENT = "textcat_multilabel"
SENTENCES_PER_LETTER = 50  # about; sets when the tokenizer loads all its special cases
LABELS = ("earlier", "new")
SEED = 7
EPOCHS = 15
REPO_DIR = REPO_MODEL_DIR.parent / NAME
PACKAGE_DIR = PACKAGE_MODEL_DIR.parent / NAME
REPO_EVAL = REPO_MODEL_DIR.parents[1] / "eval"
MIN_SENTENCE_WORDS = 4
_DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class LabelledSentence:
    """One training sentence: the letter it came from, its text and its labels."""

    letter: str
    text: str
    cats: dict[str, float]


def normalise(text: str) -> str:
    """What the classifier sees: lower case, digits masked, whitespace collapsed."""
    return " ".join(_DIGITS.sub("0", text.lower()).split())


def label(sentence: str, gold: dict) -> dict[str, float]:
    """The sentence's labels: a label is 1 when a gold commitment of that kind quotes the sentence
    (the scorer's overlap rule)."""
    from toezegging_cli.evaluate import MATCH_THRESHOLD, overlap

    cats = dict.fromkeys(LABELS, 0.0)
    for c in gold.get("commitments") or []:
        if c.get("kind") in cats and overlap(c.get("quote"), sentence) >= MATCH_THRESHOLD:
            cats[c["kind"]] = 1.0
    return cats


def labelled_sentences(gold_dir: Path, letters_dir: Path) -> list[LabelledSentence]:
    """The body and footnote sentences of every gold letter, labelled from its gold commitments."""
    from toezegging_cli.evaluate import gold_cases
    from toezegging_cli.read import read_letter
    from toezegging_cli.tag import tag_letters

    cases = gold_cases(Path(gold_dir), Path(letters_dir))
    golds = {str(path): (name, gold) for name, gold, path in cases}
    letters = (read_letter(str(path)) for _, _, path in cases)
    out: list[LabelledSentence] = []
    for letter, tagged in tag_letters(letters):
        name, gold = golds[letter.source.path]
        texts = [tagged.body] + [t for _, t in tagged.footnotes]
        for tt in texts:
            for start, end in tt.sentences:
                sentence = tt.text[start:end]
                if len(sentence.split()) < MIN_SENTENCE_WORDS:
                    continue
                out.append(LabelledSentence(name, sentence, label(sentence, gold)))
    return out


def train(examples: Iterable[LabelledSentence], *, seed: int = SEED, epochs: int = EPOCHS) -> Language:
    """A textcat_multilabel trained on `examples`, deterministically (seeded order and weights)."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("nl")
    textcat = nlp.add_pipe(COMPONENT, config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
        "no_output_layer": False, "length": 262144,
    }})
    for label in LABELS:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(normalise(e.text)), {"cats": e.cats}) for e in examples]
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(data)
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    nlp.meta.update({"name": NAME, "version": "1.0.0", "license": "MIT",
                     "description": "Sentence classifier: earlier / new commitment (second opinion).",
                     "build_date": dt.datetime.now(dt.UTC).date().isoformat()})
    return nlp


def build_and_save(out: Path | None = None, gold_dir: Path | None = None,
                   letters_dir: Path | None = None) -> Path | None:
    """Train on the dev half and save to `out` (default models/toezegging_sentences); None when the
    checkout holds no eval/ set to train on."""
    gold_dir = Path(gold_dir) if gold_dir else REPO_EVAL / "gold" / "dev"
    letters_dir = Path(letters_dir) if letters_dir else REPO_EVAL / "letters"
    if not gold_dir.is_dir() or not letters_dir.is_dir():
        return None
    examples = labelled_sentences(gold_dir, letters_dir)
    nlp = train(examples)
    out = Path(out) if out is not None else REPO_DIR
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    counts = {label: sum(e.cats[label] > 0 for e in examples) for label in LABELS}
    (out / "training.json").write_text(json.dumps(
        {"sentences": len(examples), "positives": counts, "seed": SEED, "epochs": EPOCHS,
         "letters": sorted({e.letter for e in examples})}, indent=1) + "\n", encoding="utf-8")
    return out


def model_dir() -> Path:
    """The shipped classifier: inside the installed package, else the repo's models/ folder."""
    packaged = Path(str(resources.files("toezegging_cli").joinpath("models", NAME)))
    return packaged if (packaged / "config.cfg").exists() else REPO_DIR


@lru_cache(maxsize=1)
def load() -> Language | None:
    """The shipped classifier, loaded once per process; None when none is shipped."""
    path = model_dir()
    return _load_fast(path) if (path / "config.cfg").exists() else None


def _load_fast(path: Path) -> Language:
    """The classifier saved at `path`, as `spacy.load(path)` returns it, in a fraction of the time.

    `spacy.load` builds the Dutch tokenizer twice (its ~4,700 special cases are most of the 0.6 s);
    here the saved tokenizer is read once, its special cases added as texts need them
    (`loader.bare_language`, as for the pipeline), and the one component is made from its saved
    config and weights. A folder holding anything but the one `textcat_multilabel` goes to
    `spacy.load`.
    """
    from toezegging_cli.tag import loader

    spacy = loader.import_spacy()
    from thinc.api import Config

    config = Config().from_disk(path / "config.cfg", interpolate=True)
    pipeline = list(config.get("nlp", {}).get("pipeline", []))
    if pipeline != [COMPONENT] or not (path / "tokenizer").is_file():
        return spacy.load(path)
    nlp = loader.bare_language(path)
    # its texts are sentences, not letters: load all special cases only after as many sentences as
    # a batch of letters holds
    nlp.tokenizer.eager_after = loader.EAGER_AFTER * SENTENCES_PER_LETTER
    settings = {k: v for k, v in config["components"][COMPONENT].items() if k != "factory"}
    nlp.add_pipe(COMPONENT, config=settings).from_disk(path / COMPONENT, exclude=["vocab"])
    return nlp


def score(texts: list[str], nlp: Language | None = None) -> list[dict[str, float]]:
    """Label scores of each sentence (empty dicts when no classifier is shipped)."""
    nlp = nlp or load()
    if nlp is None:
        return [{} for _ in texts]
    return [dict(doc.cats) for doc in nlp.pipe(normalise(t) for t in texts)]
