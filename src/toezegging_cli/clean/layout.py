"""The reader-neutral representation (words, lines, layout) and character normalisation."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cached_property

from toezegging_cli.model import Footnote

# ---------------------------------------------------------------------------------------------
# Reader-neutral representation


@dataclass(slots=True)
class Word:
    """One word as a PDF reader positions it (PDF points, `top`/`bottom` measured from the page top).

    Slotted: pages hold thousands, and the cleaning steps read their fields in tight loops.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    fontname: str = ""

    @property
    def bold(self) -> bool:
        return _bold_font(self.fontname)


@functools.lru_cache(maxsize=256)
def _bold_font(fontname: str) -> bool:
    return bool(_BOLD_FONT.search(fontname))


@dataclass
class PageWords:
    """The words of one page; what every PDF reader hands to `clean_pdf`."""

    number: int
    width: float
    height: float
    words: list[Word]


@dataclass
class Line:
    """Words sharing a baseline, left to right.

    `size` is the font size carrying most characters; `top` and `bottom` are those of the words in
    (about) that size, so a raised footnote marker does not lift the line; `x0`/`x1` span all words.
    Computed once, in one place: lines are built by the thousand and read many times.
    """

    words: list[Word]
    size: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    x0: float = field(init=False)
    x1: float = field(init=False)

    def __post_init__(self) -> None:
        words = self.words
        if not words:
            self.size = self.top = self.bottom = self.x0 = self.x1 = 0.0
            return
        first = words[0].size
        if all(w.size == first for w in words):
            self.size, main = round(first, 1), words
        else:
            self.size = size = dominant_size(words)
            main = [w for w in words if w.size >= 0.9 * size] or words
        self.top = min([w.top for w in main])
        self.bottom = max([w.bottom for w in main])
        self.x0 = min([w.x0 for w in words])
        self.x1 = max([w.x1 for w in words])

    @property
    def bold(self) -> bool:
        """Every word with a letter in it is set bold (and there is one)."""
        found = False
        for w in self.words:
            if any(map(str.isalpha, w.text)):
                if not w.bold:
                    return False
                found = True
        return found

    @cached_property
    def raw_text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class TextLine:
    """A line of letter text on its way to the body, with the layout facts the joins need.

    `new_para`: a paragraph boundary precedes the line (vertical gap, blank line);
    `ends_early`: the line stops where the next line's first word would still have fitted, so the
    break was forced (paragraph end, heading, list item); `heading`: bold or otherwise set apart.
    """

    text: str
    page: int
    new_para: bool = False
    ends_early: bool = False
    heading: bool = False
    x0: float | None = None
    size: float | None = None


@dataclass
class Layout:
    """A letter after layout cleaning: body lines (header and closing still in), footnotes, sidebar."""

    lines: list[TextLine]
    footnotes: list[Footnote]
    pages: int
    sidebar: list[TextLine] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Characters

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
# Symbol/Wingdings bullets that fonts place in the Unicode private use area.
_PUA_BULLETS = {"\uf0b7": "•", "\uf0a7": "•", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf0a8": "•",
                "\uf06e": "•", "\uf071": "•", "\uf02d": "-"}
_CHAR_MAP = str.maketrans({**_LIGATURES, **_PUA_BULLETS, "\u00a0": " ", "\u2007": " ", "\u202f": " ",
                           "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200b": "", "\ufeff": ""})


def normalize_chars(text: str) -> str:
    """Ligatures spelled out, odd spaces made plain, PUA bullets made '•', inner soft hyphens dropped.

    A soft hyphen at the very end stays: it marks a word broken over the line end (see `join_lines`).
    """
    if text.isascii():
        return text  # every character mapped here lies outside ASCII
    text = text.translate(_CHAR_MAP)
    if "\u00ad" in text:
        end = text.endswith("\u00ad")
        text = text.replace("\u00ad", "") + ("\u00ad" if end else "")
    return text

def dominant_size(words: list[Word]) -> float:
    """The font size that carries most characters (the body size when given a page's words);
    on a tie the size met first."""
    if words and all(w.size == words[0].size for w in words):
        return round(words[0].size, 1)
    raw: dict[float, int] = {}  # characters per size as read, then merged by rounded size: a
    for w in words:             # page has few sizes, so `round` runs per size, not per word
        raw[w.size] = raw.get(w.size, 0) + len(w.text)
    count: dict[float, int] = {}
    if any(size != size for size in raw):  # NaN: no two are equal; count word by word as such
        for w in words:
            size = round(w.size, 1)
            count[size] = count.get(size, 0) + len(w.text)
        return max(count, key=count.__getitem__)
    for size, n in raw.items():  # first-seen order kept: a tie goes to the size met first
        size = round(size, 1)
        count[size] = count.get(size, 0) + n
    return max(count, key=count.__getitem__) if count else 0.0
