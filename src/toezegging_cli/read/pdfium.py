"""Extract positioned words from a PDF with pdfium (pypdfium2), into the same `clean.PageWords`
the pdfplumber reader gives, about ten times faster.

The words follow pdfplumber's rules (`extract_words` with size and font name kept, as read_pdf.py
calls it): a word ends at a whitespace character, where the font or size changes, where the next
character starts on another line (tops more than 3 pt apart) or more than 3 pt after the previous
one ends. Boxes are pdfplumber's: x0/x1 the character's origin and advance, `bottom` the font's
descent below the baseline and `top` one font size above it, measured from the page top.

Speed comes from not visiting every character from Python: the page text comes out in one call and
is cut at whitespace into runs; a run that lies in one text object (one font, size and line) needs
only the boxes of its first and last character. Pdfium's own additions are undone: it inserts a
space where characters are merely a little apart (pdfplumber joins them up to 3 pt), ends lines
with generated '\\r\\n', and gives a line-end hyphen as U+FFFE.
"""

from __future__ import annotations

import ctypes
import functools
import re
from collections import Counter

from toezegging_cli.clean import PageWords, Word
from toezegging_cli.errors import LetterError
from toezegging_cli.read.pdf import check_pdf_bytes

X_TOLERANCE = 3.0  # pdfplumber's defaults, as read_pdf.py uses them
Y_TOLERANCE = 3.0
HYPHEN = "\ufffe"  # how pdfium's text gives a hyphen that ends a line
TEXT_OBJECT = 1  # FPDF_PAGEOBJ_TEXT
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")  # 'ABCDEE+Verdana': one font, subset or not
_RUN = re.compile(r"[^\s\ufffe]*\ufffe|[^\s\ufffe]+")


class _Api:
    """The pdfium calls made per run of text, declared with plain integer handles (cheap to call)."""

    def __init__(self) -> None:
        import pypdfium2_raw

        lib = pypdfium2_raw.bindings._libs["pdfium"]
        vp, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double

        def fn(name, restype, *argtypes):
            f = getattr(lib, name)
            f.restype, f.argtypes = restype, list(argtypes)
            return f

        self.text_object = fn("FPDFText_GetTextObject", vp, vp, i)
        self.origin = fn("FPDFText_GetCharOrigin", i, vp, i, vp, vp)
        self.loose_box = fn("FPDFText_GetLooseCharBox", i, vp, i, vp)
        self.font_size = fn("FPDFText_GetFontSize", d, vp, i)
        self.font_info = fn("FPDFText_GetFontInfo", ctypes.c_ulong, vp, i, vp, ctypes.c_ulong, vp)
        self.matrix = fn("FPDFText_GetMatrix", i, vp, i, vp)
        self.is_generated = fn("FPDFText_IsGenerated", i, vp, i)
        self.count_objects = fn("FPDFPage_CountObjects", i, vp)
        self.page_object = fn("FPDFPage_GetObject", vp, vp, i)
        self.object_type = fn("FPDFPageObj_GetType", i, vp)

        def raw(name, restype):
            """A separate handle on the function without argument types: called per run with a
            `c_void_p` page handle, `c_void_p` buffer addresses and int indices (a third cheaper
            than converting declared arguments on every call)."""
            f = lib[name]
            f.restype = restype
            return f

        self.raw_text_object = raw("FPDFText_GetTextObject", vp)
        self.raw_origin = raw("FPDFText_GetCharOrigin", i)
        self.raw_loose_box = raw("FPDFText_GetLooseCharBox", i)
        self.raw_is_generated = raw("FPDFText_IsGenerated", i)
        self.raw_font_size = raw("FPDFText_GetFontSize", d)
        self.raw_font_info = raw("FPDFText_GetFontInfo", ctypes.c_ulong)  # buffer length: a c_ulong
        self.raw_matrix = raw("FPDFText_GetMatrix", i)


_API: _Api | None = None


def _api() -> _Api:
    global _API
    if _API is None:
        _API = _Api()
    return _API


@functools.lru_cache(maxsize=256)
def _font_name(raw: bytes) -> str:
    """A font's name as pdfplumber gives it: decoded, without the subset tag."""
    return _SUBSET_TAG.sub("", raw.decode("utf-8", "replace"))


class _Rect(ctypes.Structure):
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float),
                ("right", ctypes.c_float), ("bottom", ctypes.c_float)]


class _Matrix(ctypes.Structure):
    _fields_ = [(n, ctypes.c_float) for n in "abcdef"]


class _PageReader:
    """Runs and words of one page's pdfium text.

    A run is a tuple (text, start, end, text object, size, font, upright, x0, x1, x0 of its last
    character, top, bottom): characters [start, end) of pdfium's text in one text object (so one
    font, size and line) with pdfplumber's box.
    """

    def __init__(self, api: _Api, page: int, textpage: int, text: str, space: tuple[float, ...]):
        self.api, self.page, self.tp, self.text = api, page, textpage, text
        self.space = space  # pdfium's user space -> pdfplumber's page space, see `_page_space`
        self.plain = space[:4] == (1.0, 0.0, 0.0, 1.0)
        self.rect = _Rect()
        self.rect_p = ctypes.addressof(self.rect)
        self.mat = _Matrix()
        self.mat_p = ctypes.addressof(self.mat)
        self.xy = (ctypes.c_double * 2)()
        self.x_p = ctypes.addressof(self.xy)
        self.y_p = self.x_p + ctypes.sizeof(ctypes.c_double)
        self.name = ctypes.create_string_buffer(256)
        self.tp_v = ctypes.c_void_p(textpage)  # the handles and addresses as the raw calls take them
        self.rect_v, self.x_v, self.y_v = (ctypes.c_void_p(a) for a in (self.rect_p, self.x_p, self.y_p))
        self.name_p = ctypes.addressof(self.name)
        self.name_v, self.mat_v = ctypes.c_void_p(self.name_p), ctypes.c_void_p(self.mat_p)
        self.name_len = ctypes.c_ulong(256)
        self.objects: dict[int, tuple[float, str, bool]] = {}
        self.order: dict[int, int] | None = None

    def _object(self, obj: int, index: int) -> tuple[float, str, bool]:
        """(size, font name, upright) of the text object holding character `index`, as pdfplumber
        sees them: the size is the glyph height on the page, the name the font's without subset tag."""
        api, tp = self.api, self.tp_v
        size = api.raw_font_size(tp, index)
        n = api.raw_font_info(tp, index, self.name_v, self.name_len, None)
        font = _font_name(self.name.value) if 0 < n <= 256 else ""
        upright = False
        if api.raw_matrix(tp, index, self.mat_v):
            m, (ra, rb, rc, rd) = self.mat, self.space[:4]
            a, b = m.a * ra + m.b * rc, m.a * rb + m.b * rd
            c, d = m.c * ra + m.d * rc, m.c * rb + m.d * rd
            upright = a * d > 0 and b * c <= 0
            size *= (c * c + d * d) ** 0.5
        found = (size, font, upright)
        self.objects[obj or -index - 1] = found
        return found

    def _turned(self, ox: float, oy: float) -> tuple[float, float, float, float]:
        """(x0, x1, last x0, bottom) from the first character's origin and the last one's loose box,
        on a page pdfplumber turns (/Rotate)."""
        r = self.rect
        a, b, c, d, e, f, t = self.space
        start = a * ox + c * oy + e
        ends = [a * x + c * y + e for x in (r.left, r.right) for y in (r.bottom, r.top)]
        low = min(b * x + d * y + f for x in (r.left, r.right) for y in (r.bottom, r.top))
        return min(start, *ends), max(start, *ends), min(ends), t - low

    def _spans(self) -> list[tuple[int, int, int]]:
        """(start, end, text object) of every run: pdfium's text cut at whitespace and where the text
        object changes (a run in one object has one font, size and line).

        An object's characters are consecutive in pdfium's text, so a run whose first character
        shares its object with the next run's first lies wholly in that object: one call per run.
        """
        tp, text_object = self.tp_v, self.api.raw_text_object
        bounds = [m.span() for m in _RUN.finditer(self.text)]
        firsts = [text_object(tp, start) or 0 for start, _ in bounds]
        firsts.append(-1)
        spans: list[tuple[int, int, int]] = []
        for n, (start, end) in enumerate(bounds):
            first = firsts[n]
            if end - start == 1 or firsts[n + 1] == first or (text_object(tp, end - 1) or 0) == first:
                spans.append((start, end, first))
                continue
            seg, obj = start, first
            for k in range(start + 1, end):
                o = text_object(tp, k) or 0
                if o != obj:
                    spans.append((seg, k, obj))
                    seg, obj = k, o
            spans.append((seg, end, obj))
        return spans

    def _text_between(self, a: int, b: int) -> bool:
        """Whether the page draws text between objects `a` and `b`: text pdfium leaves out of its
        text (a space set as an object of its own), which pdfplumber sees and splits words at."""
        api = self.api
        if self.order is None:
            self.order = {api.page_object(self.page, k): k for k in range(api.count_objects(self.page))}
        i, j = self.order.get(a), self.order.get(b)
        if i is None or j is None:
            return False
        i, j = min(i, j), max(i, j)
        return any(api.object_type(api.page_object(self.page, k)) == TEXT_OBJECT for k in range(i + 1, j))

    def words(self) -> list[Word]:
        """pdfplumber's words: the runs with their boxes, joined where pdfplumber would not have split
        them (same font and size, same line, starting within 3 pt of the previous run's end, nothing
        but pdfium's own spaces between). One flat loop: this is the reader's hot path."""
        tp, text, objects = self.tp_v, self.text, self.objects
        api = self.api
        origin, loose_box, is_generated = api.raw_origin, api.raw_loose_box, api.raw_is_generated
        rect, rect_p, xy, x_p, y_p = self.rect, self.rect_v, self.xy, self.x_v, self.y_v
        plain = self.plain
        _, _, _, _, e, f, t = self.space
        words: list[Word] = []
        last: Word | None = None  # the word the previous run ended, None after a rotated run
        last_end = last_obj = 0
        last_x0 = 0.0
        for start, end, obj in self._spans():
            size, font, upright = objects.get(obj) or self._object(obj, start)
            if not upright:
                last = None
                continue
            piece = text[start:end]
            if HYPHEN in piece:
                piece = piece.replace(HYPHEN, "-")
            origin(tp, start, x_p, y_p)
            loose_box(tp, end - 1, rect_p)
            if plain:
                x0, x1, end_x0, bottom = xy[0] + e, rect.right + e, rect.left + e, t - (rect.bottom + f)
            else:
                x0, x1, end_x0, bottom = self._turned(xy[0], xy[1])
            top = bottom - size
            if (last is not None and size == last.size and font == last.fontname
                    and abs(top - last.top) <= Y_TOLERANCE and last_x0 <= x0 <= last.x1 + X_TOLERANCE
                    # nothing but pdfium's own spaces between the runs (most often one character)
                    and (is_generated(tp, last_end) if start - last_end == 1
                         else all(is_generated(tp, k) for k in range(last_end, start)))
                    and (obj == last_obj or not self._text_between(last_obj, obj))):
                last.text += piece
                last.x1 = max(last.x1, x1)
                last.top = min(last.top, top)
                last.bottom = max(last.bottom, bottom)
            else:
                last = Word(piece, x0, x1, top, bottom, size, font)
                words.append(last)
            last_end, last_obj, last_x0 = end, obj, end_x0
        return _dedupe(words)


def _dedupe(words: list[Word], tolerance: float = 1.0) -> list[Word]:
    """Drop words drawn twice at (nearly) the same place ('fake bold'), as `clean.dedupe_chars` does
    for characters: same text, font and size, x0 and top within `tolerance`."""
    seen: dict[tuple[str, int], list[Word]] = {}
    kept = []
    repeated = {text for text, n in Counter(w.text for w in words).items() if n > 1}
    for w in words:
        text = w.text
        if text not in repeated:  # a word whose text the page has once has no double
            kept.append(w)
            continue
        row = int(w.top // tolerance)
        above, here, below = seen.get((text, row - 1)), seen.get((text, row)), seen.get((text, row + 1))
        if (above or here or below) and (_has_double(above, w, tolerance) or _has_double(here, w, tolerance)
                                         or _has_double(below, w, tolerance)):
            continue
        if here is None:
            seen[(text, row)] = [w]
        else:
            here.append(w)
        kept.append(w)
    return kept


def _has_double(others: list[Word] | None, w: Word, tolerance: float) -> bool:
    if not others:
        return False
    size = round(w.size, 1)
    return any(abs(o.x0 - w.x0) <= tolerance and abs(o.top - w.top) <= tolerance
               and o.fontname == w.fontname and round(o.size, 1) == size for o in others)


def _page_space(page) -> tuple[tuple[float, ...], float, float]:
    """The map from pdfium's user space to pdfplumber's page space, and the page's width and height.

    pdfminer turns the page by its /Rotate and moves the media box to the origin; pdfplumber then
    shifts x back by the (turned) box's left edge and measures `top` down from its height. Returns
    (a, b, c, d, e, f, t): x' = a·x + c·y + e, y' = b·x + d·y + f, top = t - y'.
    """
    x0, y0, x1, y1 = page.get_mediabox()
    x0, x1 = sorted((x0, x1))
    y0, y1 = sorted((y0, y1))
    rotation = page.get_rotation() % 360
    if rotation == 90:
        m = (0.0, -1.0, 1.0, 0.0, -y0, x1)
    elif rotation == 180:
        m = (-1.0, 0.0, 0.0, -1.0, x1, y1)
    elif rotation == 270:
        m = (0.0, 1.0, -1.0, 0.0, y1, -x0)
    else:
        m = (1.0, 0.0, 0.0, 1.0, -x0, -y0)
    if rotation in (90, 270):
        left, width, height, top_shift = y0, y1 - y0, x1 - x0, -x0
    else:
        left, width, height, top_shift = x0, x1 - x0, y1 - y0, -y0
    a, b, c, d, e, f = m
    return (a, b, c, d, e + left, f, height + top_shift), width, height


def _handle(obj) -> int:
    """The address behind a pypdfium2 object, as the integer `_Api` calls take."""
    return ctypes.cast(obj.raw, ctypes.c_void_p).value or 0


def _load_error(exc: BaseException, data: bytes, path: str, password: str | None) -> LetterError:
    """The LetterError for a PDF pdfium cannot open, worded as the pdfplumber reader words it.

    Pdfium's error code outlives the call that set it, so a password error only counts when the
    file has an /Encrypt dictionary.
    """
    import pypdfium2.raw as raw
    from pypdfium2 import PdfiumError

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD and b"/Encrypt" in data:
        if password:
            return LetterError(path, "encrypted PDF: wrong password")
        return LetterError(path, "encrypted PDF: give --password")
    if not isinstance(exc, PdfiumError):
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return LetterError(path, f"corrupt PDF ({text[:80]})")
    detail = {raw.FPDF_ERR_FORMAT: "broken file structure", raw.FPDF_ERR_SECURITY: "unsupported encryption",
              raw.FPDF_ERR_PAGE: "broken page"}.get(code, "no readable catalog or pages")
    return LetterError(path, f"corrupt PDF ({detail})")


def extract_pages(data: bytes, path: str, *, password: str | None = None,
                  max_pages: int | None = None) -> list[PageWords]:
    """Words of every page (size and font name kept), fake-bold doubled words removed."""
    import pypdfium2 as pdfium

    check_pdf_bytes(data, path)
    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except Exception as exc:
        raise _load_error(exc, data, path, password) from exc
    out: list[PageWords] = []
    api = _api()
    try:
        n = len(doc)
        if not n:
            raise LetterError(path, "corrupt PDF (no pages)")
        if max_pages is not None and n > max_pages:
            raise LetterError(path, f"too many pages ({n} > {max_pages})")
        for k in range(n):
            page = doc[k]
            try:
                space, width, height = _page_space(page)
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                    reader = _PageReader(api, _handle(page), _handle(textpage), text, space)
                    words = reader.words() if text else []
                finally:
                    textpage.close()
            finally:
                page.close()
            out.append(PageWords(number=k + 1, width=width, height=height, words=words))
    except LetterError:
        raise
    except Exception as exc:
        raise _load_error(exc, data, path, password) from exc
    finally:
        doc.close()
    return out
