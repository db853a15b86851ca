"""Shared parts of the pipeline components: entity placement, table-backed components, keys."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from toezegging_cli import precompiled

# When two candidate entities overlap and are equally long, the higher number wins.
LABEL_PRIORITY = {"DEBATE": 6, "MEMBER": 5, "MINISTER": 4, "DEADLINE": 3, "DATE": 2, "PARTY": 1}

if not Doc.has_extension("ref_date"):
    Doc.set_extension("ref_date", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", default=None)

_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_LETTER = r"[^\W\d_]"


def _key(name: str) -> str:
    """Comparison form of a name: case and diacritics folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """One regex alternative per word, longest first; spaces match any run of whitespace."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(f"(?i:{pattern})" if ignore_case else pattern)
    return "|".join(parts)


_NOT_AFTER_WORD = r"(?<![\w-])"
_WORDISH = re.compile(r"[\w-]")


class AfterWordFinder:
    r"""`finditer` of a regex that starts with `(?<![\w-])` (not inside a word), run as the regex
    without that lookbehind plus a check of the character before each match.

    Python's regex engine skips ahead by the first characters a pattern can start with only when the
    pattern starts with them; a leading lookbehind makes it try the whole pattern at every position.
    Gives the same matches as `regex.finditer` (patterns that may match the empty string, or do not
    start so, run as they are).
    """

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.rest = None
        if regex.pattern.startswith(_NOT_AFTER_WORD):
            rest = precompiled.compile(regex.pattern[len(_NOT_AFTER_WORD):], regex.flags)
            if rest.fullmatch("") is None and not _may_be_empty(rest):
                self.rest = rest

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.rest is None:
            yield from self.regex.finditer(text)
            return
        pos = 0
        while True:
            m = self.rest.search(text, pos)
            if m is None:
                return
            start = m.start()
            if start and _WORDISH.match(text, start - 1):
                pos = start + 1  # inside a word: the regex cannot match here, but may further on
                continue
            yield m
            pos = m.end()


def _may_be_empty(regex: re.Pattern) -> bool:
    from re import _parser

    return _parser.parse(regex.pattern, regex.flags).getwidth()[0] == 0


TEXT_KEY = "toezegging_text"  # doc.user_data key of the Doc's text (set by the tokenizer or doc_text)


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy joins every token's text on each access, and each
    component needs the whole text. Tokens never change their text, so the first join holds (the
    loader's tokenizer stores the text it was given, which spaCy's tokens reproduce exactly)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def add_entities(doc: Doc, found: list[tuple[Span, dict]]) -> None:
    """Merge new (span, value) pairs into `doc.ents`: longer spans first, then label priority."""
    candidates: list[tuple[Span, dict | None]] = [(s, None) for s in doc.ents]
    candidates += found
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), -LABEL_PRIORITY.get(c[0].label_, 0),
                                   c[0].start))
    taken = bytearray(len(doc))
    keep: list[tuple[Span, dict | None]] = []
    for span, value in candidates:
        if span.start == span.end or any(taken[span.start:span.end]):
            continue
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
        keep.append((span, value))
    for span, value in keep:
        if value is not None:
            span._.value = value
    doc.ents = sorted((s for s, _ in keep), key=lambda s: s.start)


class TableComponent:
    """A component whose tables come from the package data when the pipeline is built
    (`initialize`) and from its own folder when it is loaded (`from_disk`)."""

    file = "tables.json"

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.tables: dict[str, Any] = {}
        self._compiled: Any = None

    def collect(self) -> dict[str, Any]:
        """The component's tables from the package data files."""
        return {}

    def compile(self) -> Any:
        """Regexes and indexes made from the tables, once per process."""
        return None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = self.compile()
        return self._compiled

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.tables = _jsonable(self.collect())
        self._compiled = None

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.tables, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TableComponent:
        self.tables = json.loads(data.decode("utf-8"))
        self._compiled = None
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.tables, ensure_ascii=False, sort_keys=True, indent=1)
        (path / self.file).write_text(text + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TableComponent:
        file = Path(path) / self.file
        if file.exists():
            self.tables = json.loads(file.read_text(encoding="utf-8"))
        self._compiled = None
        return self
