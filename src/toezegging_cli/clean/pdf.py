"""PDF layout: sizes, the sidebar column, lines, reference markers, page furniture, footnotes, and the
whole document (`clean_pdf`)."""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from operator import attrgetter

from toezegging_cli.clean.layout import (
    Layout,
    Line,
    PageWords,
    TextLine,
    Word,
    dominant_size,
    normalize_chars,
)
from toezegging_cli.clean.paragraphs import join_lines
from toezegging_cli.model import Footnote

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
