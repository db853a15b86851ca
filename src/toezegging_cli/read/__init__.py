"""Read one document — a letter (PDF, text file, HTML/XML, .docx/.odt or stdin) into a cleaned
`Letter`, or a debate transcript (VLOS XML) into a `read.vlos.Transcript`.

Dispatch is by content: bytes starting with '%PDF' are read as PDF (pages without a text layer
OCR'd, see `read/ocr.py`), a VLOS transcript by `read/vlos.py`, officielebekendmakingen XML and HTML
pages by `read/html.py`, Word and OpenDocument archives by `read/office.py`, other XML is refused by
the transcript reader, anything else is read as text, except that a '.pdf' file without the PDF
signature is refused. Every bad input raises `LetterError` with a one-line reason.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field

from toezegging_cli import clean
from toezegging_cli.clean import metadata
from toezegging_cli.errors import LetterError
from toezegging_cli.model import Letter, LetterMeta, Source

READERS = ("pdfplumber", "pdfium")


@dataclass
class Document:
    """A document's layout with what its reader adds: the format, the metadata the document states
    in its own fields (None where it has none) and warnings for the report."""

    layout: clean.Layout
    format: str
    fields: LetterMeta | None = None
    named: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def load_bytes(path: str) -> bytes:
    """The bytes at `path` ('-' reads stdin); LetterError for missing, unreadable or empty input."""
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data:
            raise LetterError(path, "empty input on stdin")
        return data
    if not os.path.exists(path):
        raise LetterError(path, "no such file")
    if os.path.isdir(path):
        raise LetterError(path, "is a directory, not a letter")
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except PermissionError as exc:
        raise LetterError(path, "permission denied") from exc
    except OSError as exc:
        raise LetterError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if not data:
        raise LetterError(path, "empty file (0 bytes)")
    return data


def is_pdf(data: bytes) -> bool:
    """PDF signature at the start (readers accept it within the first kilobyte)."""
    return b"%PDF-" in data[:1024]


def _pdf_pages(data: bytes, path: str, reader: str, password: str | None,
               max_pages: int | None) -> list[clean.PageWords]:
    if reader == "pdfplumber":
        from toezegging_cli.read.pdf import extract_pages
    elif reader == "pdfium":
        try:
            from toezegging_cli.read.pdfium import extract_pages  # type: ignore[import-not-found]
        except ImportError as exc:
            raise LetterError(path, "pdfium reader not available yet") from exc
    else:
        raise LetterError(path, f"unknown reader {reader!r} (use one of {', '.join(READERS)})")
    return extract_pages(data, path, password=password, max_pages=max_pages)


def read_source(data: bytes, path: str, *, reader: str = "pdfplumber", password: str | None = None,
                max_pages: int | None = None, ocr: str = "auto") -> Document:
    """A letter's bytes read by the reader their content calls for."""
    if is_pdf(data):
        from toezegging_cli.read.ocr import apply_ocr

        pages = _pdf_pages(data, path, reader, password, max_pages)
        pages, ocr_note = apply_ocr(pages, data, path, ocr, password)
        texts = [w.text for p in pages for w in p.words]
        if sum(map(len, texts)) < 30 * len(pages):
            hint = " (OCR is off: try --ocr auto)" if ocr == "never" else ""
            raise LetterError(path, f"no text layer — scanned letter?{hint}")
        if clean.looks_garbled(" ".join(texts)):
            raise LetterError(path, "text layer is garbage (fonts without Unicode mapping)")
        return Document(clean.clean_pdf(pages), "pdf", warnings=[ocr_note] if ocr_note else [])
    from toezegging_cli.read import html, office

    if path.lower().endswith(".pdf"):
        return Document(*read_layout(data, path, reader=reader, password=password, max_pages=max_pages))
    if html.is_ob_xml(data) or html.is_html(data):
        markup = html.read_xml(data, path) if html.is_ob_xml(data) else html.read_html(data, path)
        if not markup.layout.lines:
            raise LetterError(path, "no text in the document")
        fmt = "xml" if html.is_ob_xml(data) else "html"
        return Document(markup.layout, fmt, markup.fields, markup.named)
    if kind := office.kind(data):
        layout = office.read_office(data, path, kind)
        if not layout.lines:
            raise LetterError(path, f"no text in the {kind} document")
        if not layout.footnotes:  # text pasted from a PDF: note numbers glued to words ('rol1')
            layout.lines, _ = clean.strip_text_markers(layout.lines)
        return Document(layout, kind)
    layout, fmt = read_layout(data, path, reader=reader, password=password, max_pages=max_pages)
    return Document(layout, fmt)


def read_layout(data: bytes, path: str, *, reader: str = "pdfplumber", password: str | None = None,
                max_pages: int | None = None) -> tuple[clean.Layout, str]:
    """Layout-cleaned lines of a letter's bytes, and its format ('pdf', 'txt' or 'stdin')."""
    if is_pdf(data):
        doc = read_source(data, path, reader=reader, password=password, max_pages=max_pages, ocr="never")
        return doc.layout, doc.format
    if path.lower().endswith(".pdf"):
        from toezegging_cli.read.text import sniff

        raise LetterError(path, f"not a PDF (looks like {sniff(data)})")
    from toezegging_cli.read.text import decode_text

    text = decode_text(data, path)
    if not text.strip():
        raise LetterError(path, "no text in the file")
    layout = clean.clean_text(text)
    if max_pages is not None and layout.pages > max_pages:
        raise LetterError(path, f"too many pages ({layout.pages} > {max_pages})")
    if clean.looks_garbled(text):
        raise LetterError(path, "text is garbage (no readable words)")
    return layout, "stdin" if path == "-" else "txt"


def read_letter(path: str, *, reader: str = "pdfplumber", password: str | None = None,
                max_pages: int | None = None, ocr: str = "auto") -> Letter:
    """Read the letter at `path` ('-' = stdin) into a Letter with clean body, pages, notes, metadata."""
    path = os.fspath(path)
    return letter_from_bytes(load_bytes(path), path, reader=reader, password=password, max_pages=max_pages,
                             ocr=ocr)


def read_document(path: str, *, reader: str = "pdfplumber", password: str | None = None,
                  max_pages: int | None = None, ocr: str = "auto"):
    """A letter (`Letter`) or a debate transcript (`read.vlos.Transcript`), told apart by content."""
    from toezegging_cli.read import html, vlos

    path = os.fspath(path)
    data = load_bytes(path)
    if vlos.is_xml_document(data, path) and not html.is_ob_xml(data):
        return vlos.parse_transcript(data, path)
    return letter_from_bytes(data, path, reader=reader, password=password, max_pages=max_pages, ocr=ocr)


def letter_from_bytes(data: bytes, path: str, *, reader: str = "pdfplumber", password: str | None = None,
                      max_pages: int | None = None, ocr: str = "auto") -> Letter:
    """A letter's bytes read into a Letter (see `read_letter`)."""
    from toezegging_cli.read.vlos import is_vlos

    if is_vlos(data):
        raise LetterError(path, "a debate transcript (VLOS XML), not a letter: `toezegging extract` reads it")
    doc = read_source(data, path, reader=reader, password=password, max_pages=max_pages, ocr=ocr)
    layout, fmt = doc.layout, doc.format
    meta, body_lines = metadata.extract_metadata(layout.lines, layout.sidebar)
    body, page_starts = clean.build_body(body_lines, layout.pages, clean.document_vocab(layout.lines))
    warnings = list(doc.warnings)
    if doc.fields is not None and doc.named:
        from toezegging_cli.read.html import merge_fields

        meta = merge_fields(meta, doc.fields)
        warnings.append(f"metadata from the document's own fields: {', '.join(doc.named)}")
    if not body.strip():
        warnings.append("no body text found")
    elif not clean.looks_dutch(body):
        warnings.append("text does not look Dutch")
    if meta.date is None:
        warnings.append("no date in the letter header")
    return Letter(
        body=body,
        page_starts=page_starts,
        footnotes=layout.footnotes,
        meta=meta,
        source=Source(path=path, sha256=hashlib.sha256(data).hexdigest(), pages=layout.pages, format=fmt),
        warnings=warnings,
    )
