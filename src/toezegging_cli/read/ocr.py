"""OCR for PDF pages without a text layer: Tesseract (Dutch model) through pytesseract.

Pages are rendered greyscale with pypdfium2 at `DPI`: at 200 dpi 10-pt text is about 28 px an em
(x-height 14 px), which Tesseract's LSTM (it scales each line to 36 px) reads as well as 300 dpi on
the OCR benchmark, with less than half the pixels to analyse; cut to their inked area (a page's
blank margins cost Tesseract's layout analysis time and hold nothing; a page with no ink is not
OCR'd), and all pages of a letter go through one Tesseract run (its model is loaded once). The
recognised words come back as the same `clean.PageWords` the PDF readers give, in PDF points, so the
layout cleaning (sidebar, footers, footnotes, paragraphs) treats a scan like a born-digital letter.
Tesseract's hOCR gives each line's baseline and text size: all words of a line share one top and
bottom (a slightly rotated scan would otherwise break lines apart), the page's skew is undone on the
word positions, and line sizes near the page's dominant size are set to it so body lines count as
one font size. `ocr` modes: 'auto' (pages without text), 'always', 'never'.
"""

from __future__ import annotations

import math
import os
import re
import statistics
import tempfile
from dataclasses import dataclass, field

from toezegging_cli.clean import PageWords, Word
from toezegging_cli.errors import LetterError

MODES = ("auto", "always", "never")
DPI = 200  # the lowest tried that reads 10-pt text (and 8-pt notes) as well as 300: benchmarks/ocr_bench.py
LANG = "nld"
PSM = 11  # Tesseract's sparse-text mode: words and their boxes, the layout step builds the lines
INK_CELL = 4  # the page is looked at in cells of 4×4 pixels to find its inked area
INK_LEVEL = 160  # a cell darker than this (mean grey) holds ink
INK_CELLS = 3  # a row or column of cells counts as inked with at least this many dark cells (not a speck)
INK_MARGIN = 0.15  # inches kept around the inked area
MIN_PAGE_CHARS = 30  # fewer characters than this on a page: no text layer
INSTALL = ("OCR needs Tesseract with its Dutch model: apt-get install tesseract-ocr tesseract-ocr-nld "
           "and pip install 'toezegging[ocr]'")

_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_WCONF = re.compile(r"x_wconf (\d+)")


@dataclass(frozen=True)
class OcrSettings:
    """How pages are OCR'd: render resolution, cut to the inked area, all pages in one Tesseract run."""

    dpi: int = DPI
    crop: bool = True
    one_run: bool = True


SETTINGS = OcrSettings()
# whole pages, a Tesseract run each: the settings before cropping and one run (the benchmark's 'before')
PLAIN = OcrSettings(dpi=300, crop=False, one_run=False)


@dataclass
class _Page:
    """A rendered page: number, size in points, image file, where the image sits in the page (pixels)."""

    number: int
    width: float
    height: float
    image: str | None
    offset: tuple[int, int] = (0, 0)
    hocr: bytes = field(default=b"", repr=False)


@dataclass
class OcrResult:
    """Pages read by OCR and the mean word confidence (0-100) over them."""

    pages: list[PageWords]
    confidence: float | None


def tesseract_ready(path: str) -> None:
    """Raise a one-line LetterError saying how to install when pytesseract or Tesseract (nld) is missing."""
    try:
        import pytesseract
    except ImportError as exc:
        raise LetterError(path, f"no text layer — {INSTALL}") from exc
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise LetterError(path, f"no text layer — {INSTALL}") from exc
    if LANG not in langs:
        raise LetterError(path, f"no text layer — Tesseract lacks the Dutch model: {INSTALL}")


def needs_ocr(page: PageWords) -> bool:
    """A page with (almost) no text in its text layer."""
    return sum(len(w.text) for w in page.words) < MIN_PAGE_CHARS


def _hocr_root(hocr: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    return etree.fromstring(hocr, parser) if hocr.strip() else None


def hocr_pages(hocr: bytes) -> list:
    """The `ocr_page` elements of a (multi-page) hOCR document, in order."""
    root = _hocr_root(hocr)
    if root is None:
        return []
    return [div for div in root.iter("{*}div") if div.get("class") == "ocr_page"]


def _hocr_lines(root, shift: tuple[int, int] = (0, 0)):
    """(line bbox, baseline (slope, offset), x_size, [(word bbox, text, confidence)]) per hOCR line;
    boxes moved by `shift` (where the OCR'd image sits in the page)."""
    if root is None:
        return
    dx, dy = shift

    def box(m):
        x0, y0, x1, y1 = map(int, m.groups())
        return x0 + dx, y0 + dy, x1 + dx, y1 + dy

    for line in root.iter("{*}span"):
        cls = line.get("class", "")
        if cls not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        title = line.get("title", "")
        bbox = _BBOX.search(title)
        if not bbox:
            continue
        base = _BASELINE.search(title)
        size = _XSIZE.search(title)
        words = []
        for w in line.iter("{*}span"):
            if w.get("class") != "ocrx_word":
                continue
            text = "".join(w.itertext()).strip()
            wbox = _BBOX.search(w.get("title", ""))
            if not text or not wbox:
                continue
            conf = _WCONF.search(w.get("title", ""))
            words.append((box(wbox), text, int(conf.group(1)) if conf else 0))
        if words:
            baseline = (float(base.group(1)), float(base.group(2))) if base else (0.0, 0.0)
            x_size = float(size.group(1)) if size else float(bbox.group(4)) - float(bbox.group(2))
            yield box(bbox), baseline, x_size, words


def words_from_hocr(hocr, dpi: float, number: int, width: float, height: float,
                    offset: tuple[int, int] = (0, 0)) -> tuple[PageWords, list[int]]:
    """PageWords (PDF points) from one page's hOCR (bytes, or its `ocr_page` element) rendered at
    `dpi`, of an image placed at `offset` pixels in the page; and the words' confidences."""
    scale = 72.0 / dpi
    root = _hocr_root(hocr) if isinstance(hocr, bytes) else hocr
    lines = list(_hocr_lines(root, offset))
    slopes = [slope for box, (slope, _), _, words in lines if box[2] - box[0] > 200 and abs(slope) < 0.05]
    skew = statistics.median(slopes) if slopes else 0.0
    cos, sin = math.cos(math.atan(skew)), math.sin(math.atan(skew))
    cx, cy = width / 2 / scale, height / 2 / scale
    sizes = [x_size * scale for _, _, x_size, _ in lines]
    body = statistics.median(sizes) if sizes else 10.0
    out: list[Word] = []
    confs: list[int] = []
    for (x0, _y0, _x1, y1), (slope, offset), x_size, words in lines:
        size = x_size * scale
        if abs(size - body) <= 0.15 * body:
            size = body
        mid = (x0 + _x1) / 2
        base_y = y1 + offset + slope * (mid - x0)
        # undo the page skew: rotate the line's baseline point about the page centre
        by = cy + (base_y - cy) * cos - (mid - cx) * sin
        bottom = by * scale + 0.2 * size
        top = bottom - size
        for (wx0, _wy0, wx1, _wy1), text, conf in words:
            shift = (base_y - cy) * sin
            nx0 = cx + (wx0 - cx) * cos + shift
            nx1 = cx + (wx1 - cx) * cos + shift
            out.append(Word(text, nx0 * scale, nx1 * scale, top, bottom, round(size, 1), ""))
            confs.append(conf)
    return PageWords(number=number, width=width, height=height, words=out), confs


def inked_area(image, dpi: int) -> tuple[int, int, int, int] | None:
    """The box (left, top, right, bottom; pixels) around the ink of a greyscale page image, with a
    margin; None when the page holds no ink. Looked at in cells of INK_CELL pixels, where a lone
    speck of scanner noise is too small to darken a cell and a row or column needs INK_CELLS dark
    cells, so noise neither widens the box nor makes a blank page look inked."""
    import numpy as np

    small = np.asarray(image.reduce(INK_CELL)) < INK_LEVEL
    rows = np.flatnonzero(small.sum(axis=1) >= INK_CELLS)
    cols = np.flatnonzero(small.sum(axis=0) >= INK_CELLS)
    if not len(rows) or not len(cols):
        return None
    pad = round(INK_MARGIN * dpi)
    return (max(int(cols[0]) * INK_CELL - pad, 0), max(int(rows[0]) * INK_CELL - pad, 0),
            min((int(cols[-1]) + 1) * INK_CELL + pad, image.width),
            min((int(rows[-1]) + 1) * INK_CELL + pad, image.height))


def _render(doc, n: int, folder: str, settings: OcrSettings) -> _Page:
    """Page `n` rendered greyscale, cut to its ink (settings.crop) and saved as PGM (quick to write)."""
    page = doc[n - 1]
    try:
        width, height = page.get_size()
        image = page.render(scale=settings.dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        page.close()
    offset = (0, 0)
    if settings.crop:
        box = inked_area(image, settings.dpi)
        if box is None:
            return _Page(n, width, height, None)
        image, offset = image.crop(box), box[:2]
    path = os.path.join(folder, f"page-{n}.pgm")
    image.save(path)
    return _Page(n, width, height, path, offset)


def _tesseract(path: str, pages: list[_Page], settings: OcrSettings) -> None:
    """Fill each page's hOCR: one Tesseract run for all (settings.one_run, a list file) or one a page."""
    import pytesseract

    config = f"--psm {PSM} --dpi {settings.dpi} -c tessedit_do_invert=0"
    todo = [p for p in pages if p.image]
    if not todo:
        return
    groups = [todo] if settings.one_run and len(todo) > 1 else [[p] for p in todo]
    for group in groups:
        source = group[0].image
        if len(group) > 1:
            source = os.path.join(os.path.dirname(group[0].image), "pages.txt")
            with open(source, "w", encoding="utf-8") as listing:
                listing.write("".join(f"{p.image}\n" for p in group))
        try:
            hocr = pytesseract.image_to_pdf_or_hocr(source, lang=LANG, extension="hocr", config=config)
        except pytesseract.TesseractError as exc:
            which = f"page {group[0].number}" if len(group) == 1 else \
                f"pages {group[0].number}-{group[-1].number}"
            raise LetterError(path, f"OCR failed on {which} ({str(exc).strip()[:80]})") from exc
        found = hocr_pages(hocr)
        if len(found) != len(group):
            raise LetterError(path, f"OCR failed: Tesseract read {len(found)} of {len(group)} pages")
        for page, element in zip(group, found, strict=True):
            page.hocr = element


def ocr_pdf_pages(data: bytes, path: str, numbers: list[int], *, password: str | None = None,
                  settings: OcrSettings | None = None) -> OcrResult:
    """OCR the pages `numbers` (1-based) of a PDF (with `settings`, else the module's SETTINGS);
    every Tesseract failure is a one-line LetterError."""
    import pypdfium2 as pdfium

    settings = settings or SETTINGS
    tesseract_ready(path)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract's threads slow it down on small pages
    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except Exception as exc:
        raise LetterError(path, f"corrupt PDF ({type(exc).__name__})") from exc
    out: list[PageWords] = []
    confs: list[int] = []
    try:
        with tempfile.TemporaryDirectory(prefix="toezegging-ocr-") as tmp:
            rendered = [_render(doc, n, tmp, settings) for n in numbers]
            _tesseract(path, rendered, settings)
            for page in rendered:
                if page.image is None:  # no ink: nothing to read
                    out.append(PageWords(number=page.number, width=page.width, height=page.height, words=[]))
                    continue
                words, page_confs = words_from_hocr(page.hocr, settings.dpi, page.number, page.width,
                                                    page.height, page.offset)
                out.append(words)
                confs += page_confs
    finally:
        doc.close()
    return OcrResult(pages=out, confidence=round(statistics.fmean(confs), 1) if confs else None)


def _with_images(data: bytes, numbers: list[int], password: str | None) -> list[int]:
    """The pages among `numbers` that draw an image (a scan is one); all of them where pdfium fails."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        doc = pdfium.PdfDocument(data, password=password or None)
    except Exception:
        return numbers
    try:
        found = []
        for n in numbers:
            page = doc[n - 1]
            try:
                if next(iter(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE])), None) is not None:
                    found.append(n)
            finally:
                page.close()
        return found
    finally:
        doc.close()


def apply_ocr(pages: list[PageWords], data: bytes, path: str, mode: str,
              password: str | None = None) -> tuple[list[PageWords], str | None]:
    """Replace the pages that need it by their OCR'd words; returns the pages and a report warning.

    'never' leaves the pages as they are; 'auto' OCRs the pages without a text layer that draw an
    image; 'always' every page.
    """
    if mode not in MODES:
        raise LetterError(path, f"unknown OCR mode {mode!r} (use one of {', '.join(MODES)})")
    if mode == "never":
        return pages, None
    todo = [p.number for p in pages if mode == "always" or needs_ocr(p)]
    if mode == "auto" and todo:
        todo = _with_images(data, todo, password)  # a blank page holds nothing to read
    if not todo:
        return pages, None
    if mode == "auto" and len(todo) < len(pages):
        try:
            tesseract_ready(path)
        except LetterError as exc:  # the letter has text: read it, and say what was left out
            return pages, f"pages {', '.join(map(str, todo))} have no text layer and were not read: " \
                          f"{exc.reason.removeprefix('no text layer — ')}"
    result = ocr_pdf_pages(data, path, todo, password=password)
    by_number = {p.number: p for p in result.pages}
    merged = [by_number.get(p.number, p) for p in pages]
    conf = f"{result.confidence:.0f}%" if result.confidence is not None else "n/a"
    which = "all pages" if len(todo) == len(pages) else f"pages {', '.join(map(str, todo))}"
    return merged, f"text from OCR (Tesseract, {LANG}) on {which}: mean word confidence {conf}"
