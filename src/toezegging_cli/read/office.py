"""Read Word (.docx, OOXML) and OpenDocument (.odt) letters into a `clean.Layout`.

Both are ZIP archives of XML, read here with lxml (no DTDs, no entity expansion, no network):
paragraphs become lines (one paragraph each, headings marked by style or bold), footnotes are taken
from their own part and their reference marks leave the text, and the page header (where ministries
put 'Ministerie van …', 'Ons kenmerk') becomes the layout's sidebar, which the metadata step reads
as it reads a PDF's sidebar. The archive is checked before it is opened: a file too large when
unpacked is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from toezegging_cli.clean import Layout, TextLine, normalize_chars
from toezegging_cli.errors import LetterError
from toezegging_cli.model import Footnote

MAX_UNPACKED = 100 * 1024 * 1024  # bytes an archive part may unpack to
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
ODT_MIME = b"application/vnd.oasis.opendocument.text"
_SPACES = re.compile(r"[ \t\u00a0]+")
_HEADING_STYLE = re.compile(r"^(?:heading|kop|titel|title|subtitle)", re.I)
# what a damaged archive raises while it is read: bad headers, unknown methods, broken deflate data,
# encrypted members, cut-off streams
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, RuntimeError,
              EOFError, OSError, KeyError, ValueError)


def kind(data: bytes) -> str | None:
    """'docx' or 'odt' for a Word or OpenDocument text archive, else None."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and z.read("mimetype").strip() == ODT_MIME and "content.xml" in names:
                return "odt"
    except ZIP_ERRORS:
        return None
    return None


def _parse(z: zipfile.ZipFile, name: str, path: str):
    from lxml import etree

    info = z.getinfo(name)
    if info.file_size > MAX_UNPACKED:
        raise LetterError(path, f"{name} unpacks to {info.file_size} bytes (over {MAX_UNPACKED})")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(z.read(name), parser)
    except etree.XMLSyntaxError as exc:
        raise LetterError(path, f"broken {name} ({str(exc).splitlines()[0][:60]})") from exc


def _line(text: str, heading: bool = False) -> TextLine | None:
    text = _SPACES.sub(" ", normalize_chars(text)).strip()
    return TextLine(text=text, page=1, new_para=True, ends_early=True, heading=heading) if text else None


def _open(data: bytes, path: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise LetterError(path, "corrupt archive (not a readable ZIP)") from exc


# ---------------------------------------------------------------------------------------------
# .docx


def _docx_text(p, notes_seen: list[int]) -> str:
    """A w:p's text: runs, tabs and breaks; footnote references noted and left out."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append(" ")
        elif tag == f"{W}footnoteReference":
            notes_seen.append(int(el.get(f"{W}id", "0")))
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _docx_heading(p) -> bool:
    style = p.find(f"{W}pPr/{W}pStyle")
    if style is not None and _HEADING_STYLE.match(style.get(f"{W}val", "")):
        return True
    runs = [r for r in p.iter(f"{W}r") if "".join(t.text or "" for t in r.iter(f"{W}t")).strip()]
    bolds = [r.find(f"{W}rPr/{W}b") for r in runs]
    return bool(runs) and all(b is not None and b.get(f"{W}val", "true") not in ("0", "false") for b in bolds)


def _docx_paragraphs(root, notes_seen: list[int]) -> list[TextLine]:
    """Lines of the body's paragraphs and table rows, in order; text boxes' paragraphs included."""
    lines: list[TextLine] = []
    body = root.find(f"{W}body")
    if body is None:
        body = root
    for el in body.iter(f"{W}p", f"{W}tr"):
        if el.tag == f"{W}tr":
            continue
        if any(a.tag == f"{W}p" for a in el.iterancestors()):
            continue  # a paragraph inside a text box inside a paragraph: read with its own
        if (row := next((a for a in el.iterancestors(f"{W}tr")), None)) is not None:
            cells = row.findall(f"{W}tc")
            if cells and el is next(cells[0].iter(f"{W}p"), None):
                text = "\t".join(" ".join(_docx_text(p, notes_seen) for p in c.iter(f"{W}p")) for c in cells)
                if line := _line(text):
                    lines.append(line)
            continue
        if line := _line(_docx_text(el, notes_seen), _docx_heading(el)):
            lines.append(line)
    return lines


def read_docx(data: bytes, path: str) -> Layout:
    """A .docx letter: body paragraphs, footnotes from word/footnotes.xml, headers as sidebar."""
    with _open(data, path) as z:
        names = set(z.namelist())
        seen: list[int] = []
        lines = _docx_paragraphs(_parse(z, "word/document.xml", path), seen)
        notes: list[Footnote] = []
        if "word/footnotes.xml" in names and seen:
            number = {fid: k + 1 for k, fid in enumerate(dict.fromkeys(seen))}
            for fn in _parse(z, "word/footnotes.xml", path).iter(f"{W}footnote"):
                if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                fid = int(fn.get(f"{W}id", "-1"))
                text = " ".join(_docx_text(p, []) for p in fn.iter(f"{W}p"))
                if fid in number and (line := _line(text)):
                    notes.append(Footnote(number=number[fid], text=line.text, page=1))
            notes.sort(key=lambda n: n.number)
        sidebar: list[TextLine] = []
        for name in sorted(n for n in names if re.fullmatch(r"word/header\d*\.xml", n)):
            sidebar += _docx_paragraphs(_parse(z, name, path), [])
    return Layout(lines=lines, footnotes=notes, pages=1, sidebar=sidebar)


# ---------------------------------------------------------------------------------------------
# .odt


def _odt_text(el, notes: list[Footnote]) -> str:
    """A text:p/text:h's text with spaces, tabs and breaks; notes collected and left out."""
    parts: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            cite = child.find(f"{TEXT}note-citation")
            text = " ".join(_odt_text(p, []) for p in (body.iter(f"{TEXT}p") if body is not None else []))
            label = (cite.text or "").strip() if cite is not None else ""
            number = int(label) if label.isdigit() else len(notes) + 1
            notes.append(Footnote(number=number, text=_SPACES.sub(" ", text).strip(), page=1))
        elif tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c", "1")))
        elif tag == f"{TEXT}tab":
            parts.append("\t")
        elif tag == f"{TEXT}line-break":
            parts.append(" ")
        elif tag != f"{OFFICE}annotation":
            parts.append(_odt_text(child, notes))
        parts.append(child.tail or "")
    return "".join(parts)


def _on_the_page(el) -> bool:
    """Inside a frame anchored to the page, not the text: a margin block (officielebekendmakingen's
    ODT copies put the document id and 'Gravenhage <year>' there), furniture like a PDF's sidebar."""
    return any(a.tag == f"{DRAW}frame" and a.get(f"{TEXT}anchor-type") == "page" for a in el.iterancestors())


def _odt_lines(root, notes: list[Footnote], margin: list[TextLine] | None = None) -> list[TextLine]:
    """Lines of paragraphs, headings and table rows; those of page-anchored frames go to `margin`."""
    lines: list[TextLine] = []
    for el in root.iter(f"{TEXT}p", f"{TEXT}h", f"{TABLE}table-row"):
        if margin is not None and _on_the_page(el):
            if line := _line(_odt_text(el, [])):
                margin.append(line)
            continue
        if el.tag == f"{TABLE}table-row":
            cells = el.findall(f"{TABLE}table-cell")
            text = "\t".join(" ".join(_odt_text(p, notes) for p in c.iter(f"{TEXT}p", f"{TEXT}h"))
                             for c in cells)
            if line := _line(text):
                lines.append(line)
            continue
        if any(a.tag in (f"{TEXT}note-body", f"{TABLE}table-cell") for a in el.iterancestors()):
            continue
        if line := _line(_odt_text(el, notes), heading=el.tag == f"{TEXT}h"):
            lines.append(line)
    return lines


def read_odt(data: bytes, path: str) -> Layout:
    """An .odt letter: body paragraphs and headings, footnotes from text:note, the page header as sidebar."""
    with _open(data, path) as z:
        content = _parse(z, "content.xml", path)
        body = content.find(f"{OFFICE}body/{OFFICE}text")
        notes: list[Footnote] = []
        sidebar: list[TextLine] = []
        lines = _odt_lines(body if body is not None else content, notes, sidebar)
        if "styles.xml" in z.namelist():
            styles = _parse(z, "styles.xml", path)
            for header in styles.iter(f"{STYLE}header", f"{STYLE}header-first"):
                sidebar += _odt_lines(header, [])
    return Layout(lines=lines, footnotes=notes, pages=1, sidebar=sidebar)


def read_office(data: bytes, path: str, fmt: str) -> Layout:
    """Dispatch on the archive kind found by `kind`."""
    try:
        return read_docx(data, path) if fmt == "docx" else read_odt(data, path)
    except ZIP_ERRORS as exc:
        raise LetterError(path, f"corrupt {fmt} archive ({type(exc).__name__})") from exc
