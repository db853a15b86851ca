"""`letter_context` and `letter_lemmatizer`: the letter's reference date on the Doc; lemmas from a table."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import TableComponent, _date

# --- context, lemmas, sentences -------------------------------------------------------------------


@Language.factory("letter_context", assigns=["doc._.ref_date"])
def make_letter_context(nlp: Language, name: str):
    return LetterContext()


class LetterContext:
    """Sets `doc._.ref_date` from the `nlp.pipe(as_tuples=True)` context `{"ref_date": ...}`."""

    def __call__(self, doc: Doc) -> Doc:
        context = getattr(doc, "_context", None)
        if doc._.ref_date is None and isinstance(context, dict):
            doc._.ref_date = _date(context.get("ref_date"))
        return doc


@Language.factory("letter_lemmatizer", assigns=["token.lemma"])
def make_letter_lemmatizer(nlp: Language, name: str):
    return LetterLemmatizer(nlp, name)


class LetterLemmatizer(TableComponent):
    """Lemmas from `data/lemmas.csv`; any other word keeps its lower-case form as lemma."""

    def collect(self) -> dict[str, Any]:
        return {"lemmas": entity_data.lemmas()}

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self.tables.get("lemmas", {})
        for token in doc:
            if not token.is_space:
                token.lemma_ = lemmas.get(token.lower_, token.lower_)
        return doc
