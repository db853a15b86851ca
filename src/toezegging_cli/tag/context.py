"""`letter_context` and `letter_lemmatizer`: the letter's reference date on the Doc; lemmas from a table."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
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

    def _ids(self, strings) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The table as sorted string ids of the lower-case forms and the ids of their lemmas, for
        one StringStore (the lemmas are added to it, as setting `token.lemma_` does)."""
        if getattr(self, "_ids_for", None) is not strings:
            pairs = sorted((get_string_id(form), strings.add(lemma))
                           for form, lemma in self.tables.get("lemmas", {}).items())
            self._id_table = (numpy.array([f for f, _ in pairs], dtype="uint64"),
                              numpy.array([lemma for _, lemma in pairs], dtype="uint64"))
            self._ids_for = strings
        return self._id_table

    def __call__(self, doc: Doc) -> Doc:
        """In arrays, not a Token object per word: the lemma of a word is its table entry, else its
        lower-case form (whose string id LOWER already holds); whitespace keeps its lemma."""
        if not len(doc):
            return doc
        forms, lemmas = self._ids(doc.vocab.strings)
        lower, space, old = doc.to_array([LOWER, IS_SPACE, LEMMA]).T
        lemma = lower.copy()
        if len(forms):
            at = numpy.minimum(numpy.searchsorted(forms, lower), len(forms) - 1)
            hit = forms[at] == lower
            lemma[hit] = lemmas[at[hit]]
        lemma = numpy.where(space != 0, old, lemma)
        doc.from_array([LEMMA], lemma.reshape(-1, 1))
        return doc
