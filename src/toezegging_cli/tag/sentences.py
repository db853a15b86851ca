"""`letter_sentencizer`: sentence boundaries of letter Dutch (abbreviations, initials, `nr. 3`, decimals)."""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import _UPPER, TableComponent


@Language.factory("letter_sentencizer", assigns=["token.is_sent_start"])
def make_letter_sentencizer(nlp: Language, name: str):
    return LetterSentencizer(nlp, name)


_INITIALS = re.compile(rf"(?:[{_UPPER}][a-z]?\.)+")
_CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
_OPENERS = {'"', "'", "“", "‘", "„", "(", "[", "«"}
_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_BULLET = re.compile(r"(?:[-•–—*·▪]|\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)])$")


def _closes(token) -> bool:
    """A token that may stand between a sentence's full stop and the space after it: a closing quote or
    bracket, or a note number ('… met het onderwijsveld.2 Ik ga …')."""
    return token.text in _CLOSERS or (token.text.isdigit() and len(token.text) <= 2)


def _closes_number_label(doc: Doc, i: int) -> bool:
    """A full stop closing a glued number label ('Kamerstuknr.', 'volgnr.'): a number follows."""
    return (doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_
            and doc[i - 1].text.lower().endswith("nr"))


class LetterSentencizer(TableComponent):
    """Sentence boundaries of letter Dutch.

    A sentence ends at . ! ? followed by whitespace and a capital, digit or quote (or the end), at a
    paragraph break, and before a bulleted line. It never ends at an abbreviation that cannot end
    a sentence (`data/abbreviations.csv`: 'nr.', 'mr.', 'i.v.m.'), at initials ('B.J. Bruins'), or
    inside numbers ('3.5', 'nr. 414', 'Kamerstukken II 2021/22, 30175, nr. 414'): the tokenizer
    keeps those as single tokens, so only a free-standing full stop or an abbreviation that may
    end a sentence ('jl.', 'c.s.', 'etc.') is a candidate.
    """

    def collect(self) -> dict[str, Any]:
        abbreviations = entity_data.abbreviations()
        return {
            "never_final": sorted(a.lower() for a, ends in abbreviations if not ends),
            "may_end": sorted(a.lower() for a, ends in abbreviations if ends),
        }

    def compile(self) -> frozenset[str]:
        return frozenset(self.tables.get("never_final", []))

    def _ends(self, token) -> bool:
        text = token.text
        if text in _FINAL:
            return True
        if len(text) < 2 or not text.endswith(".") or text.lower() in self.compiled:
            return False
        if text.lower().endswith("nr."):  # 'Kamerstuknr.', 'volgnr.': a number follows
            return False
        return not _INITIALS.fullmatch(text) and not any(c.isdigit() for c in text)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        starts = [False] * n
        if n:
            starts[0] = True
        for i, token in enumerate(doc):
            if token.is_space:
                j = self._next_word(doc, i)
                if j < n and (token.text.count("\n") >= 2 or ("\n" in token.text and
                                                                _BULLET.match(doc[j].text))):
                    starts[j] = True
                continue
            if not self._ends(token):
                continue
            if _closes_number_label(doc, i):
                continue
            j = i + 1
            while j < n and _closes(doc[j]) and not doc[j - 1].whitespace_:
                j += 1
            if j >= n or not (doc[j - 1].whitespace_ or doc[j].is_space):
                continue
            j = self._next_word(doc, j - 1)
            if j >= n:
                continue
            if token.text not in _FINAL:
                # an abbreviation that may end a sentence ('c.s.', 'jl.') ends one only before a
                # capitalised word, not before '(Kamerstuk …' or a number
                if doc[j].text[0].isupper():
                    starts[j] = True
            elif self._opens_sentence(doc, j):
                starts[j] = True
        if n:
            # one array write: setting token.is_sent_start one by one rescans the doc for each token
            column = numpy.array([1 if start else -1 for start in starts], dtype="int64")
            doc.from_array([SENT_START], column.astype("uint64").reshape(-1, 1))
        return doc

    @staticmethod
    def _next_word(doc: Doc, i: int) -> int:
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return j

    @staticmethod
    def _opens_sentence(doc: Doc, j: int) -> bool:
        first = doc[j].text[0]
        if first.isupper() or first.isdigit():
            return True
        if doc[j].text in _OPENERS and j + 1 < len(doc):
            nxt = doc[j + 1].text[0]
            return nxt.isupper() or nxt.isdigit() or doc[j].text != "("
        return False
