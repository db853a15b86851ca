"""Tag letters with the Dutch pipeline: sentences and entities of the body and of each footnote.

`tag_letters` runs spaCy over all bodies and footnotes of many letters as one stream (`nlp.pipe`),
each text with its letter's reference date as context, so that year-less dates ('7 juli jl.',
'voor de zomer') resolve against the letter. A letter without a date gets the latest full date in
its text as reference, and a warning says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from toezegging_cli.model import Entity, Footnote, Letter

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc


@dataclass
class TaggedText:
    """One tagged text (a body or a footnote): sentence offsets, entities and the spaCy Doc."""

    text: str
    sentences: list[tuple[int, int]]  # char offsets of sentences in text
    entities: list[Entity]  # page filled for the body, the footnote's page for footnotes
    doc: Doc


@dataclass
class Tagged:
    """A tagged letter: its body, its footnotes and the date its relative dates resolve against."""

    body: TaggedText
    footnotes: list[tuple[Footnote, TaggedText]]
    ref_date: dt.date | None

    @property
    def entities(self) -> list[Entity]:
        """The body's entities (what the JSON `entities` list shows)."""
        return self.body.entities


def model_path() -> Path:
    """The saved pipeline: inside the installed package, else the repo's models/ folder."""
    from toezegging_cli.tag.pipeline import MODEL_NAME, REPO_MODEL_DIR

    packaged = Path(str(resources.files("toezegging_cli").joinpath("models", MODEL_NAME)))
    if (packaged / "config.cfg").exists():
        return packaged
    return REPO_MODEL_DIR


MAX_TEXT_CHARS = 20_000_000


@lru_cache(maxsize=1)
def load_pipeline() -> spacy.Language:
    """The shipped pipeline, loaded once per process (`loader.load`: as `spacy.load`, faster)."""
    from toezegging_cli.tag import loader

    loader.import_spacy()
    import toezegging_cli.tag.pipeline  # noqa: F401  (registers the component factories)

    path = model_path()
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {path}; run `toezegging build-model`")
    nlp = loader.load(path)
    # spaCy's default limit (1M characters) guards parsers that need memory per token; this
    # pipeline is rule-based and linear, and letters with long annexes exceed the default.
    nlp.max_length = MAX_TEXT_CHARS
    return nlp


def reference_date(letter: Letter) -> dt.date | None:
    """The letter's date; else the latest full date in its body, with a warning on the letter."""
    from toezegging_cli.tag.dates import infer_reference_date

    if letter.meta.date:
        try:
            return dt.date.fromisoformat(letter.meta.date)
        except ValueError:
            pass
    ref = infer_reference_date(letter.body)
    if ref is not None:
        warning = f"no letter date; dates resolved against {ref.isoformat()}, the latest date in the text"
        if warning not in letter.warnings:
            letter.warnings.append(warning)
    return ref


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence offsets without surrounding whitespace; whitespace-only sentences are dropped."""
    out = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words:
            continue
        start = words[0].idx
        end = words[-1].idx + len(words[-1].text)
        out.append((start, end))
    return out


def _tagged_text(doc: Doc, page_of) -> TaggedText:
    from toezegging_cli.tag.base import doc_text

    entities = [
        Entity(label=ent.label_, text=ent.text, start=ent.start_char, end=ent.end_char,
               page=page_of(ent.start_char), value=dict(ent._.value or {}))
        for ent in doc.ents
    ]
    return TaggedText(text=doc_text(doc), sentences=_sentences(doc), entities=entities, doc=doc)


def tag_letters(letters: Iterable[Letter], nlp=None) -> Iterator[tuple[Letter, Tagged]]:
    """Tag each letter (body and footnotes) in one `nlp.pipe` stream; yields in input order."""
    nlp = nlp or load_pipeline()

    def texts() -> Iterator[tuple[str, dict]]:
        for letter in letters:
            ref = reference_date(letter)
            yield letter.body, {"ref_date": ref, "letter": letter, "footnote": None}
            for footnote in letter.footnotes:
                yield footnote.text, {"ref_date": ref, "letter": letter, "footnote": footnote}

    tagged: Tagged | None = None
    for doc, context in nlp.pipe(texts(), as_tuples=True):
        letter, footnote = context["letter"], context["footnote"]
        if footnote is None:
            body = _tagged_text(doc, letter.page_at)
            tagged = Tagged(body=body, footnotes=[], ref_date=context["ref_date"])
        else:
            note = _tagged_text(doc, lambda _offset, page=footnote.page: page)
            tagged.footnotes.append((footnote, note))
        if len(tagged.footnotes) == len(letter.footnotes):
            yield letter, tagged


def tag_text(text: str, ref_date: dt.date | None, nlp=None) -> TaggedText:
    """Tag one text (page 1) against `ref_date`."""
    nlp = nlp or load_pipeline()
    doc = nlp.make_doc(text)
    doc._.ref_date = ref_date
    for _name, component in nlp.pipeline:
        doc = component(doc)
    return _tagged_text(doc, lambda _offset: 1)
