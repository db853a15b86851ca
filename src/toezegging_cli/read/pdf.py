"""Extract positioned words from a PDF with pdfplumber, one pass per page, into `clean.PageWords`.

Only extraction lives here; the layout rules are in clean.py so another reader (pypdfium2) can
feed them the same `PageWords`. Every pdfminer/pdfplumber failure becomes a one-line `LetterError`.
"""

from __future__ import annotations

import io
import logging

from toezegging_cli.clean import PageWords, Word, dedupe_chars
from toezegging_cli.errors import LetterError


def check_pdf_bytes(data: bytes, path: str) -> None:
    """Refuse a PDF that was cut off before its end-of-file marker."""
    if b"%%EOF" not in data[-2048:]:
        raise LetterError(path, "truncated or corrupt PDF (no end-of-file marker)")


def password_error(exc: BaseException, path: str, password: str | None) -> LetterError | None:
    """The LetterError for a password failure anywhere in `exc`'s chain, else None."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    seen = exc
    while seen is not None:
        if isinstance(seen, PDFPasswordIncorrect) or any(isinstance(a, PDFPasswordIncorrect)
                                                          for a in getattr(seen, "args", ())):
            if password:
                return LetterError(path, "encrypted PDF: wrong password")
            return LetterError(path, "encrypted PDF: give --password")
        seen = seen.__cause__ or seen.__context__
    return None


def _reason(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip().splitlines()[0] if str(inner).strip() else type(inner).__name__
    return f"corrupt PDF ({text[:80]})"


def page_chars(page) -> list[dict]:
    """The page's characters as `page.chars` gives them, with only the keys word extraction reads.

    `page.chars` converts every attribute of every pdfminer character (colours, graphic state,
    matrix), which costs about as much as pdfminer's own parse; the words need text, font, size,
    box and direction. Coordinates follow pdfplumber: `top` measured down from the page top, both
    axes shifted by the media box's corner.
    """
    from pdfminer.layout import LTChar, LTContainer
    from pdfplumber.page import fix_fontname_bytes

    mb_x0, mb_top = page.mediabox[:2]
    height, doctop = page.height, page.initial_doctop
    out: list[dict] = []

    def walk(objs) -> None:
        for obj in objs:
            if isinstance(obj, LTChar):
                fontname = obj.fontname
                if isinstance(fontname, bytes):
                    fontname = fix_fontname_bytes(fontname)
                top = height - obj.y1 + mb_top
                out.append({"text": obj.get_text(), "fontname": fontname, "size": obj.size,
                            "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0, "top": top,
                            "bottom": height - obj.y0 + mb_top, "doctop": doctop + top,
                            "upright": obj.upright})
            elif isinstance(obj, LTContainer):
                walk(obj._objs)

    walk(page.layout._objs)
    return out


def extract_pages(data: bytes, path: str, *, password: str | None = None,
                  max_pages: int | None = None) -> list[PageWords]:
    """Words of every page (size and font name kept), fake-bold doubled characters removed."""
    import pdfplumber
    from pdfplumber.utils import extract_words

    check_pdf_bytes(data, path)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception as exc:
        raise password_error(exc, path, password) or LetterError(path, _reason(exc)) from exc
    out: list[PageWords] = []
    try:
        with pdf:
            pages = pdf.pages
            if not pages:
                raise LetterError(path, "corrupt PDF (no pages)")
            if max_pages is not None and len(pages) > max_pages:
                raise LetterError(path, f"too many pages ({len(pages)} > {max_pages})")
            for page in pages:
                chars = dedupe_chars(page_chars(page))
                words = extract_words(chars, extra_attrs=["size", "fontname"], use_text_flow=False,
                                      keep_blank_chars=False)
                out.append(PageWords(
                    number=page.page_number,
                    width=float(page.width),
                    height=float(page.height),
                    words=[Word(text=w["text"], x0=float(w["x0"]), x1=float(w["x1"]), top=float(w["top"]),
                                bottom=float(w["bottom"]), size=float(w["size"]), fontname=w["fontname"])
                           for w in words if w["upright"]],
                ))
                page.close()
    except LetterError:
        raise
    except Exception as exc:
        raise password_error(exc, path, password) or LetterError(path, _reason(exc)) from exc
    return out
