"""Layout cleaning: from positioned words (any PDF reader) or plain text to body lines and footnotes.

The PDF side works on a reader-neutral `PageWords` (words with x0, x1, top, bottom, size, fontname),
so every PDF reader shares these rules. Each step is a small function that decides from the page's
own text, never from coordinates fitted to one ministry's template: the sidebar column, page
furniture (page numbers, running headers), footnotes, reference markers, hyphenation and paragraph
joins. Metadata (header, closing) is taken out afterwards by `metadata.py`; `build_body` then joins
the remaining lines into the body text and its page map.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter

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


# ---------------------------------------------------------------------------------------------
# PDF: sizes, sidebar, lines


def dedupe_chars(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """Drop characters drawn twice at (nearly) the same place: 'fake bold' doubles every glyph.

    Works on any reader's char dicts with text, fontname, size, x0 and top; keeps the first of each
    group and the original order, in linear time. Kept characters sit in a grid of cells twice the
    tolerance wide, so a neighbour within the tolerance is in one of four cells.
    """
    kept: list[dict] = []
    grid: dict[tuple, list[tuple[float, float]]] = {}
    span = 2 * tolerance
    for c in chars:
        x, y = float(c["x0"]), float(c["top"])
        key = (c["text"], c.get("fontname"), round(float(c.get("size", 0)), 1))
        fx, fy = x / span, y / span
        cx, cy = int(fx // 1), int(fy // 1)
        nx = cx + 1 if fx - cx >= 0.5 else cx - 1
        ny = cy + 1 if fy - cy >= 0.5 else cy - 1
        if any(abs(px - x) <= tolerance and abs(py - y) <= tolerance
               for cell in ((cx, cy), (nx, cy), (cx, ny), (nx, ny))
               for px, py in grid.get((key, cell), ())):
            continue
        grid.setdefault((key, (cx, cy)), []).append((x, y))
        kept.append(c)
    return kept


def dominant_size(words: list[Word]) -> float:
    """The font size that carries most characters (the body size when given a page's words);
    on a tie the size met first."""
    if words and all(w.size == words[0].size for w in words):
        return round(words[0].size, 1)
    count: dict[float, int] = {}
    for w in words:
        size = round(w.size, 1)
        count[size] = count.get(size, 0) + len(w.text)
    return max(count, key=count.__getitem__) if count else 0.0


def find_sidebar_x(words: list[Word], page_width: float) -> float | None:
    """Left edge of a right-hand column (ministry, address, 'Ons kenmerk') set apart from the body.

    Found from the page itself: an x in the right third where at least three lines start, that no
    body word crosses, and that lies clear of the body text's right edge. None when the page has no
    such column (full-width text, as in a BNC fiche).
    """
    if len(words) < 3:
        return None
    starts: dict[float, set[int]] = {}
    right_third = 0.62 * page_width
    for w in words:
        if w.x0 >= right_third:
            starts.setdefault(round(w.x0), set()).add(round(w.top))
    by_x0 = sorted(words, key=_BY_X0)
    lefts = [w.x0 for w in by_x0]
    reach = list(itertools.accumulate([w.x1 for w in by_x0], max))  # rightmost end so far
    none: set[int] = set()
    for x in sorted(starts):
        k = bisect.bisect_left(lefts, x - 2)  # words[:k] start left of x - 2
        if k and reach[k - 1] > x + 0.5:
            continue  # a body word runs through: no column here
        if len(starts[x] | starts.get(x - 1, none) | starts.get(x + 1, none)) < 3:
            continue
        left = [w for w in words if w.x1 <= x - 2]
        right = [w for w in words if w.x0 >= x - 2]
        if not left or len(right) > len(left):
            continue
        if x - max(w.x1 for w in left) < 3:
            continue
        return min(w.x0 for w in right)
    return None


def crosses(words: list[Word], x: float) -> bool:
    """True when some word runs through the vertical line at `x`."""
    return any(w.x0 < x - 2 and w.x1 > x + 0.5 for w in words)


def split_sidebar(words: list[Word], x: float | None) -> tuple[list[Word], list[Word]]:
    """(body words, sidebar words) for a sidebar starting at `x` (None: no sidebar)."""
    if x is None:
        return list(words), []
    return [w for w in words if w.x0 < x - 2], [w for w in words if w.x0 >= x - 2]


_BY_TOP_X0 = attrgetter("top", "x0")
_BY_X0 = attrgetter("x0")
_BY_TOP = attrgetter("top")


def group_lines(words: list[Word]) -> list[Line]:
    """Words grouped into lines by vertical overlap (raised markers join their line), top to bottom.

    A word joins the most recent of the last four lines that it overlaps by at least half the
    smaller height. Hot path of both readers: plain comparisons, no tuples per word.
    """
    lines: list[list] = []  # [top, bottom, words]
    last: list = [None, None, None]
    for w in sorted(words, key=_BY_TOP_X0):
        wt, wb = w.top, w.bottom
        if wt == last[0] and wb == last[1] and wb - wt > 0.1:
            last[2].append(w)  # the common case: the same span as the line being built
            continue
        h = wb - wt if wb - wt > 0.1 else 0.1
        n = len(lines)
        for k in range(n - 1, max(-1, n - 5), -1):
            line = lines[k]
            top, bottom = line[0], line[1]
            lh = bottom - top if bottom - top > 0.1 else 0.1
            overlap = (bottom if bottom < wb else wb) - (top if top > wt else wt)
            if overlap / (h if h < lh else lh) >= 0.5:
                line[2].append(w)
                if wt < top:
                    line[0] = wt
                if wb > bottom:
                    line[1] = wb
                break
        else:
            lines.append([wt, wb, [w]])
        last = lines[-1]
    out = [Line(sorted(members, key=_BY_X0)) for _, _, members in lines]
    out.sort(key=_BY_TOP)
    return out


# ---------------------------------------------------------------------------------------------
# PDF: reference markers and line text

_MARKER_TEXT = re.compile(r"\d{1,3}(?:[,\-–]\d{1,3})*\)?")
_CLOSING_PUNCT = re.compile(r"^[.,;:!?)\]»”’'\"]")


def is_reference_marker(word: Word, line: Line) -> bool:
    """A footnote reference: digits set smaller than the line's text and raised above its baseline."""
    size = line.size
    return _is_marker(word, 0.85 * size, line.bottom - 0.15 * size)


def _is_marker(word: Word, max_size: float, max_bottom: float) -> bool:
    return word.size <= max_size and word.bottom < max_bottom and bool(_MARKER_TEXT.fullmatch(word.text))


def line_text(line: Line, *, drop_markers: bool = True) -> str:
    """The line's text: words glued where the PDF sets them touching, raised markers left out.

    A gap wider than four times the font size (separate columns, e.g. two signers side by side)
    becomes a tab.
    """
    parts: list[str] = []
    prev: Word | None = None
    after_marker = False
    max_size, max_bottom = 0.85 * line.size, line.bottom - 0.15 * line.size
    for w in line.words:
        if drop_markers and _is_marker(w, max_size, max_bottom):
            after_marker = True
            continue
        text = normalize_chars(w.text)
        if prev is None:
            parts.append(text)
        else:
            gap = w.x0 - prev.x1
            size = min(w.size, prev.size)
            if gap > 4 * max(size, 1):
                parts.append("\t" + text)
            elif gap < 0.12 * size or (after_marker and _CLOSING_PUNCT.match(text)):
                parts.append(text)
            else:
                parts.append(" " + text)
        prev = w
        after_marker = False
    return "".join(parts).strip(" ")


# ---------------------------------------------------------------------------------------------
# PDF: page furniture and footnotes

_PAGE_NUMBER = re.compile(
    r"(?:(?:pagina|page|blz\.?|p\.)\s*)?[-–]?\s*\d{1,4}\s*(?:(?:van|of|/)\s*\d{1,4})?\s*[-–]?", re.I)
_FOOTNOTE_LIKE = re.compile(r"\d{1,3}\s+\D")
# Furniture of the official publications (Kamerstukken): 'Tweede Kamer, vergaderjaar 2017–2018, 34 775 X,
# nr. 87 2' running footer and the 'ISSN 0921 - 7371' / 'kst-34775-X-87' imprint.
_KNOWN_FURNITURE = re.compile(
    r"(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s?[–-]\s?\d{4}, .*"
    r"|.*\bISSN \d{4}\s?-\s?\d{3}[\dX]\b.*|kst-\d+(?:-[A-Z]+)?-\d+(?:\s.*)?", re.I)


def is_page_number(text: str) -> bool:
    """'Pagina 2 van 9', '2/9', '- 3 -', '13'."""
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def drop_page_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Drop page numbers and running headers/footers from each page's lines.

    Page numbers count in the top or bottom eighth of a page; a running header or footer is a line
    in the top or bottom sixth that recurs (digits aside) at the same height on at least half of
    the pages.
    """
    def zone(line: Line, height: float, share: float) -> bool:
        return line.bottom < share * height or line.top > (1 - share) * height

    def key(line: Line) -> tuple[str, int]:
        return re.sub(r"\d+", "#", line.raw_text.lower()), round(line.top / 4)

    seen: Counter[tuple[str, int]] = Counter()
    if len(pages) >= 2:
        for lines, height in zip(pages, heights, strict=True):
            seen.update({key(ln) for ln in lines if zone(ln, height, 1 / 6)
                         and not _FOOTNOTE_LIKE.match(ln.raw_text)})
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for lines, height in zip(pages, heights, strict=True):
        kept = []
        for ln in lines:
            if zone(ln, height, 1 / 8) and (is_page_number(ln.raw_text)
                                            or _KNOWN_FURNITURE.fullmatch(ln.raw_text)):
                continue
            if len(pages) >= 2 and zone(ln, height, 1 / 6) and seen[key(ln)] >= need:
                continue
            kept.append(ln)
        out.append(kept)
    return out


def footnote_number(line: Line, expected: int | None = None) -> int | None:
    """The number a footnote line starts with, or None for a continuation line.

    A line starts a note when its first word is a number set smaller than the text after it (the
    usual superscript note number) or when it is the next number in sequence.
    """
    words = line.words
    if len(words) < 2 or not re.fullmatch(r"\d{1,3}", words[0].text):
        return None
    n = int(words[0].text)
    if words[0].size < words[1].size - 0.3 or n == expected:
        return n
    return None


def split_footnotes(lines: list[Line], body_size: float, last_number: int = 0,
                    ) -> tuple[list[Line], list[tuple[int, list[Line]]], list[Line]]:
    """Split a page's lines into (body lines, footnotes, continuation of the previous page's note).

    The footnote block is the run of lines at the page bottom set smaller than the body text; it
    starts at the first line that begins with a note number. Smaller lines above that number only
    count as a note's continuation when an earlier page had notes.
    """
    i = len(lines)
    while i > 0 and lines[i - 1].size < body_size - 0.4:
        i -= 1
    block = lines[i:]
    start = next((k for k, ln in enumerate(block) if footnote_number(ln, last_number + 1) is not None), None)
    if start is None:
        return lines, [], []
    carried = block[:start] if last_number else []
    body = lines[: i + (0 if last_number else start)]
    notes: list[tuple[int, list[Line]]] = []
    expected = last_number + 1
    for ln in block[start:]:
        n = footnote_number(ln, expected)
        if n is not None and (not notes or n > notes[-1][0]):
            notes.append((n, [ln]))
            expected = n + 1
        else:
            notes[-1][1].append(ln)
    return body, notes, carried


def drop_figure_text(lines: list[Line], body_size: float) -> list[Line]:
    """Drop the labels of a figure or diagram: three or more consecutive lines set clearly smaller
    than the body text and scattered over several columns (their left edges more than 20 pt apart).
    """
    out: list[Line] = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].size < 0.85 * body_size:
            j += 1
        run = lines[k:j]
        if len(run) >= 3 and max(ln.x0 for ln in run) - min(ln.x0 for ln in run) > 20:
            k = j
            continue
        out.extend(run if run else [lines[k]])
        k = j if run else k + 1
    return out


def footnote_text(lines: list[Line], *, numbered: bool = True) -> str:
    """A note's text: its lines joined, the leading note number left out."""
    texts = []
    for k, ln in enumerate(lines):
        if k == 0 and numbered:
            ln = Line(ln.words[1:])
        texts.append(line_text(ln))
    text = ""
    for t in texts:
        text = join_lines(text, t) if text else t
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------------------------
# Joining lines

_VOWELS = set("aeiouy")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$", re.I)
_ELLIPTIC_NEXT = {"en", "of", "tot", "noch", "dan"}


def join_lines(left: str, right: str, vocab: set[str] | None = None) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation.

    'gezond-' + 'heidsrisico's' gives 'gezondheidsrisico's'; a hyphen stays when the next part
    starts with a capital or digit ('GroenLinks-PvdA'), when the first part is an abbreviation
    ('RIVM-onderzoekprogramma'), when vowels meet ('economie-opgave'), and in 'om- en bijscholing'.
    Where the document spells the word elsewhere, that spelling (`vocab`) decides. A URL broken
    over a line is joined without a space.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if _URL_TAIL.search(left.rsplit(None, 1)[-1]) and not left.endswith((".", ",", ";", ")")):
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalnum():
        prefix = re.split(r"[\s/(]", left[:-1])[-1]
        head = re.match(r"[\w'’]+", right)
        first = head.group(0) if head else ""
        if first.lower() in _ELLIPTIC_NEXT:
            return left + " " + right
        if vocab and first:
            if f"{prefix}-{first}".lower() in vocab:
                return left + right
            if f"{prefix}{first}".lower() in vocab:
                return left[:-1] + right
        keep = (not right[0].islower()
                or sum(c.isupper() for c in prefix) >= 2 or prefix.isupper()
                or any(c.isdigit() for c in prefix)
                or (prefix[-1:].lower() in _VOWELS and right[0] in _VOWELS))
        return left + right if keep else left[:-1] + right
    return left + " " + right


_LIST_ITEM = re.compile(
    r"(?:[•\-–·▪●○◦*]|\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?|[a-z][.)]|\([a-z0-9]{1,2}\))\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;]['’”»)]*$")


def is_list_item(text: str) -> bool:
    """'1. ...', 'a) ...', '• ...', '- ...', '1.1 ...': a line that opens a list item or numbered heading."""
    return bool(_LIST_ITEM.match(text))


_STARTS_UPPER = re.compile(r"[\W_]*[A-ZÀ-Þ0-9]")


def breaks_paragraph(prev: TextLine, cur: TextLine) -> bool:
    """Whether a paragraph boundary lies between two consecutive body lines."""
    if cur.new_para or prev.heading != cur.heading or is_list_item(cur.text):
        return True
    starts_upper = bool(_STARTS_UPPER.match(cur.text))
    return prev.ends_early and starts_upper and not prev.text.endswith((",", "-"))


_BLANKS = re.compile(r"[ \t]+")


def build_body(lines: list[TextLine], pages: int, vocab: set[str] | None = None) -> tuple[str, list[int]]:
    """Join body lines into paragraphs ('\\n\\n' between them); return body and page start offsets."""
    paras: list[str] = []
    marks: list[tuple[int, int, int]] = []  # (page, paragraph index, offset in paragraph)
    prev: TextLine | None = None
    for ln in lines:
        text = _BLANKS.sub(" ", ln.text).strip()
        if not text:
            continue
        if prev is None or breaks_paragraph(prev, ln):
            paras.append(text)
            offset = 0
        else:
            joined = join_lines(paras[-1], text, vocab)
            offset = max(0, len(joined) - len(text))
            paras[-1] = joined
        if not marks or ln.page > marks[-1][0]:
            marks.append((ln.page, len(paras) - 1, offset))
        prev = ln
    body = "\n\n".join(paras)
    para_start = []
    pos = 0
    for p in paras:
        para_start.append(pos)
        pos += len(p) + 2
    starts = [0] * max(pages, 1)
    known = {page: para_start[pi] + off for page, pi, off in marks}
    nxt = len(body)
    for page in range(max(pages, 1), 1, -1):
        nxt = min(known.get(page, nxt), nxt)
        starts[page - 1] = nxt
    for k in range(1, len(starts)):
        starts[k] = max(starts[k], starts[k - 1])
    return body, starts


_VOCAB_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def document_vocab(lines: list[TextLine]) -> set[str]:
    """Lower-cased words of the document, to settle hyphenation by the document's own spelling."""
    return {w.lower() for w in _VOCAB_WORD.findall("\n".join(ln.text for ln in lines))}


# ---------------------------------------------------------------------------------------------
# PDF: the whole document


def pdf_text_lines(pages: list[list[Line]], page_numbers: list[int], body_size: float) -> list[TextLine]:
    """Turn each page's (cleaned) lines into TextLines: paragraph gaps, early ends, headings."""
    all_lines = [ln for lines in pages for ln in lines]
    body = [ln for ln in all_lines if abs(ln.size - body_size) < 0.5]
    pitches = []
    for lines in pages:
        main = [ln for ln in lines if abs(ln.size - body_size) < 0.5]
        pitches += [b.top - a.top for a, b in itertools.pairwise(main) if b.top > a.top]
    # the line pitch: the smallest step between body lines (no line sits closer than its font size)
    pitches = [p for p in pitches if p >= 0.95 * body_size]
    pitch = min(pitches) if pitches else body_size * 1.3
    x1s = sorted(ln.x1 for ln in body) or [0.0]
    right = x1s[int(0.95 * (len(x1s) - 1))]
    space = 0.3 * body_size

    flat: list[tuple[Line, int, bool]] = []
    for lines, number in zip(pages, page_numbers, strict=True):
        prev: Line | None = None
        for ln in lines:
            gap_break = prev is not None and ln.top - prev.top > 1.45 * max(pitch, prev.size * 1.2)
            flat.append((ln, number, gap_break))
            prev = ln
    out: list[TextLine] = []
    for k, (ln, number, gap_break) in enumerate(flat):
        text = line_text(ln)
        early = False
        if k + 1 < len(flat):
            nxt = flat[k + 1][0]
            first = next((w for w in nxt.words if not is_reference_marker(w, nxt)), None)
            if first is not None:
                early = ln.x1 + space + (first.x1 - first.x0) < right - 1
        out.append(TextLine(text=text, page=number, new_para=gap_break, ends_early=early,
                            heading=ln.bold, x0=ln.x0, size=ln.size))
    return out


def clean_pdf(pages: list[PageWords]) -> Layout:
    """Sidebar, furniture, footnotes and markers out; the rest as TextLines ready for metadata."""
    xs = [find_sidebar_x(p.words, p.width) for p in pages]
    found = [x for x in xs if x is not None]
    doc_x = statistics.median(found) if found else None
    bodies: list[list[Word]] = []
    sides: list[list[Word]] = []
    for p, x in zip(pages, xs, strict=True):
        if x is None and doc_x is not None and not crosses(p.words, doc_x):
            x = doc_x
        b, s = split_sidebar(p.words, x)
        bodies.append(b)
        sides.append(s)
    body_size = dominant_size([w for b in bodies for w in b])
    page_lines = drop_page_furniture([group_lines(b) for b in bodies], [p.height for p in pages])

    footnotes: list[Footnote] = []
    kept_pages: list[list[Line]] = []
    last = 0
    for p, lines in zip(pages, page_lines, strict=True):
        body, notes, carried = split_footnotes(lines, body_size, last)
        if carried and footnotes:
            extra = footnote_text(carried, numbered=False)
            footnotes[-1].text = f"{footnotes[-1].text} {extra}".strip()
        for n, note_lines in notes:
            footnotes.append(Footnote(number=n, text=footnote_text(note_lines), page=p.number))
            last = n
        kept_pages.append(drop_figure_text(body, body_size))
    lines = pdf_text_lines(kept_pages, [p.number for p in pages], body_size)

    sidebar: list[TextLine] = []
    for p, s in zip(pages, sides, strict=True):
        if s:
            side_lines = [ln for ln in group_lines(s) if not is_page_number(ln.raw_text)]
            sidebar = [TextLine(text=line_text(ln, drop_markers=False), page=p.number, heading=ln.bold,
                                x0=ln.x0, size=ln.size) for ln in side_lines]
            break
    return Layout(lines=lines, footnotes=footnotes, pages=len(pages), sidebar=sidebar)


# ---------------------------------------------------------------------------------------------
# Plain text

_EDITORIAL = re.compile(r"\s*\[(?:\.\.\.|…)[^\]]{0,40}\]\s*")


# Stored copies that flatten a letter onto one line ("… BRIEF VAN DE MINISTER … Aan de Voorzitter van
# de Tweede Kamer der Staten-Generaal Den Haag, 13 november 2009 Op 19 september …"): the addressee
# and the place-and-date line start and end header lines of their own.
_FLAT_ADDRESSEE = re.compile(
    r"(?<=\S)[ \t]+(?=Aan de Voorzitter van de (?:Tweede|Eerste) Kamer der Staten-Generaal\b)")
_FLAT_DATELINE = re.compile(
    r"(?<=\S)[ \t]+(Den Haag, \d{1,2} [a-z]+ \d{4})[ \t]+(?=[A-Z])")


def unflatten_header(text: str) -> str:
    """Line breaks around the addressee and the date line where a copy ran them into the body."""
    text = _FLAT_ADDRESSEE.sub("\n\n", text)
    return _FLAT_DATELINE.sub(lambda m: "\n\n" + m.group(1) + "\n\n", text)


def text_lines(text: str) -> tuple[list[TextLine], int]:
    """Split plain text into TextLines with pages and paragraph boundaries; return them and the page count.

    Pages end at form feeds or, for text copied out of a PDF, at runs of four or more blank lines.
    Text with long lines (one paragraph per line) breaks at every newline; wrapped text breaks at
    blank lines and where a line ends early (the next word would have fitted).
    """
    text = unflatten_header(text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = [normalize_chars(_EDITORIAL.sub(" ", ln)).rstrip() for ln in text.split("\n")]
    lengths = sorted(len(ln.strip()) for ln in raw if ln.strip())
    if not lengths:
        return [], 1
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = p90 <= 150
    width = lengths[int(0.95 * (len(lengths) - 1))]

    form_feeds = "\f" in text
    out: list[TextLine] = []
    page = 1
    blanks = 0
    page_break = False
    for ln in raw:
        if "\f" in ln:
            page += ln.count("\f")
            page_break = True
            ln = ln.replace("\f", "")
        stripped = ln.strip()
        if not stripped:
            blanks += 1
            continue
        if not form_feeds and blanks >= 4 and out:
            page += 1
            page_break = True
        new_para = not wrapped or blanks > 0 or not out
        if out and page_break and wrapped:
            new_para = bool(_SENTENCE_END.search(out[-1].text)) or not stripped[0].islower()
        out.append(TextLine(text=stripped, page=page, new_para=new_para))
        blanks = 0
        page_break = False
    if wrapped:
        for a, b in itertools.pairwise(out):
            first = b.text.split()[0]
            a.ends_early = len(a.text) + 1 + len(first) < 0.85 * width
    return out, page


_TEXT_NOTE = re.compile(r"(\d{1,3})\s+(\S.*)")
# A note number glued to a lower-case word ('rol1'), or after a word's full stop, closing bracket or
# quote ('voorstel.1 Met', 'Motie#21).1Met').
_TEXT_MARKER = re.compile(r"(?:(?<=[a-zà-ÿ]{3})|(?<=[a-zà-ÿ)»”’\"']\.)|(?<=[a-zà-ÿ][)»”’\"']))"
                          r"(\d{1,2})(?=[\s.,;:)\]]|$|[A-Z])")
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def strip_text_markers(lines: list[TextLine], first: int = 1) -> tuple[list[TextLine], list[int]]:
    """Remove note numbers glued to words in plain text ('rol1' -> 'rol', 'voorstel.1 Met').

    Without font sizes, a glued number only counts as a marker when the numbers found run in
    sequence from `first` (1, 2, 3 ...), which tells them from words with digits in them; numbers in
    URLs or after a code with digits ('2022D22249') never count. Returns the lines and the numbers
    removed.
    """
    expected = first
    found: list[int] = []
    out = []
    for ln in lines:
        text = ln.text
        pieces = []
        pos = 0
        for m in _TEXT_MARKER.finditer(text):
            token = text[text.rfind(" ", 0, m.start()) + 1: m.start()]
            if int(m.group(1)) != expected or re.search(r"/|www\.|@|_|=", token):
                continue
            if token[-1:].isalpha() and not _WORD_BEFORE.search(token.lstrip("(«“‘\"'")):
                continue
            expected += 1
            found.append(int(m.group(1)))
            pieces.append(text[pos:m.start()])
            if text[m.end():m.end() + 1].isalpha():
                pieces.append(" ")
            pos = m.end()
        pieces.append(text[pos:])
        out.append(TextLine(**{**ln.__dict__, "text": "".join(pieces)}))
    return out, found


def split_text_footnotes(lines: list[TextLine]) -> tuple[list[TextLine], list[Footnote]]:
    """Take footnotes out of plain text: a block of its own starting 'N text' whose N is a marker.

    The note numbers must match markers glued into the preceding text (e.g. 'rol1'), in sequence;
    the markers are removed with them.
    """
    stripped, markers = strip_text_markers(lines)
    if not markers:
        return stripped, []
    notes: list[Footnote] = []
    body: list[TextLine] = []
    current: Footnote | None = None
    wanted = set(markers)
    for k, ln in enumerate(stripped):
        m = _TEXT_NOTE.fullmatch(ln.text)
        starts_block = ln.new_para or (k > 0 and stripped[k - 1].ends_early)
        number = int(m.group(1)) if m else 0
        if m and starts_block and number in wanted and (not notes or number > notes[-1].number):
            current = Footnote(number=int(m.group(1)), text=m.group(2).strip(), page=ln.page)
            notes.append(current)
            continue
        if current is not None and not ln.new_para and ln.page == current.page:
            current.text = join_lines(current.text, ln.text)
            continue
        current = None
        body.append(ln)
    if not notes:
        return lines, []
    return body, notes


def clean_text(text: str) -> Layout:
    """Plain text to a Layout: lines with paragraph marks, footnotes taken out, markers removed."""
    lines, pages = text_lines(text)
    lines, notes = split_text_footnotes(lines)
    if not notes:
        lines, _ = strip_text_markers(lines)
    return Layout(lines=lines, footnotes=notes, pages=pages)


# ---------------------------------------------------------------------------------------------
# Text quality

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DUTCH = _wordset("""de het een en van in is dat op te voor met zijn niet aan er om ook als bij door
die dit deze wordt worden naar over ik u uw we wij zij hij heeft hebben zal kan nog of maar
tot uit meer al dan wel wat geen werd waar zo onder tussen hun haar ons onze mijn""")
_OTHER = _wordset("""the and of to is in that for with on are be this by as from at it not have has
which will an or der die und das ist nicht mit den zu von le la les et des est une pour dans
que qui sur pas""")


_OTHER_ONLY = _OTHER - _DUTCH


def stopword_shares(text: str) -> tuple[float, float, int]:
    """(share of Dutch stop words, share of English/German/French ones, number of words)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0, 0.0, 0
    nl = sum(map(_DUTCH.__contains__, words)) / len(words)
    other = sum(map(_OTHER_ONLY.__contains__, words)) / len(words)
    return nl, other, len(words)


_CID = re.compile(r"\(cid:\d+\)")
_UNREADABLE = re.compile("[\ue000-\uf8ff\x00-\x1f\ufffd]")  # private use, control, replacement


_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters, removed to count them


def looks_garbled(text: str) -> bool:
    """True for a text layer whose fonts map to no Unicode: (cid:NN), private-use or control
    characters, too few letters, or words from no language at all."""
    compact = "".join(text.split())
    if not compact:
        return False
    cids = len(_CID.findall(text))
    if cids * 6 > 0.1 * len(compact):
        return True
    if len(_UNREADABLE.findall(compact)) > 0.1 * len(compact):
        return True
    letters = len(compact) - len(_LETTERS.sub("", compact))
    if len(compact) >= 200 and letters < 0.4 * len(compact):
        return True
    nl, other, n = stopword_shares(text)
    return n >= 40 and nl + other < 0.04


def looks_dutch(text: str) -> bool:
    """Whether enough of the words are Dutch stop words (a Dutch text has about a third)."""
    nl, other, n = stopword_shares(text)
    return n < 30 or (nl >= 0.12 and nl >= other)
