"""Bad input gives one LetterError with a one-line reason; odd but valid input is read correctly.

Every fixture is written by the test itself (reportlab/pypdf PDFs, encoded text files) in tmp_path.
"""

from __future__ import annotations

import codecs
import io
import os
import random
import sys
import zipfile

import pytest

from pdfbytes import LETTER, text_pdf
from pdfbytes import raw_pdf as _raw_pdf
from toezegging_cli.errors import LetterError
from toezegging_cli.read import read_letter


def write_pdf(path, pages: int = 1, lines: list[str] = LETTER) -> bytes:
    data = text_pdf([lines] * pages)
    path.write_bytes(data)
    return data


def encrypt(src, dst, user: str, owner: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(src).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    with open(dst, "wb") as fh:
        writer.write(fh)


def reason(path, **kw) -> str:
    with pytest.raises(LetterError) as info:
        read_letter(str(path), **kw)
    err = info.value
    assert err.path == str(path) and "\n" not in err.reason and err.reason
    return err.reason


# --- files that are not there or not letters --------------------------------------------------


def test_missing_file(tmp_path):
    assert reason(tmp_path / "nope.pdf") == "no such file"


def test_directory(tmp_path):
    assert "directory" in reason(tmp_path)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Met deze brief informeer ik uw Kamer.")
    path.chmod(0)
    try:
        assert "permission denied" in reason(path)
    finally:
        path.chmod(0o644)


def test_empty_files(tmp_path):
    for name in ("leeg.pdf", "leeg.txt"):
        (tmp_path / name).write_bytes(b"")
        assert "empty" in reason(tmp_path / name)


@pytest.mark.parametrize(
    ("content", "looks"),
    [
        (b"<!DOCTYPE html><html><body>Pagina niet gevonden</body></html>", "HTML"),
        (None, "ZIP"),
        (random.Random(7).randbytes(3000), "binary"),
    ],
    ids=["html", "zip", "random"],
)
def test_pdf_suffix_without_pdf_content(tmp_path, content, looks):
    path = tmp_path / "brief.pdf"
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", "<w:document/>" * 50)
    else:
        path.write_bytes(content)
    got = reason(path)
    assert got.startswith("not a PDF (looks like") and looks in got


def test_truncated_pdf(tmp_path):
    data = write_pdf(tmp_path / "heel.pdf")
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 2])
    assert "truncated" in reason(tmp_path / "half.pdf")


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    assert "corrupt PDF" in reason(path)


def test_binary_txt(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(random.Random(3).randbytes(4000))
    assert reason(path).startswith("binary content, not text")


# --- encryption -------------------------------------------------------------------------------


def test_user_password_pdf(tmp_path):
    write_pdf(tmp_path / "open.pdf")
    encrypt(tmp_path / "open.pdf", tmp_path / "dicht.pdf", user="geheim", owner="eigenaar")
    assert reason(tmp_path / "dicht.pdf") == "encrypted PDF: give --password"
    assert "wrong password" in reason(tmp_path / "dicht.pdf", password="fout")
    letter = read_letter(str(tmp_path / "dicht.pdf"), password="geheim")
    assert "coördinatie van het beleid" in letter.body


def test_owner_password_only_pdf_is_read(tmp_path):
    write_pdf(tmp_path / "open.pdf")
    encrypt(tmp_path / "open.pdf", tmp_path / "beperkt.pdf", user="", owner="eigenaar")
    letter = read_letter(str(tmp_path / "beperkt.pdf"))
    assert "coördinatie van het beleid" in letter.body
    assert [s.name for s in letter.meta.signatories] == ["F. Rijkaart"]


# --- PDFs without usable text -----------------------------------------------------------------


def test_image_only_pdf(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    Image.new("RGB", (400, 200), "white").save(tmp_path / "scan.png")
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(str(tmp_path / "scan.png"), 72, 400, 400, 200)
    c.showPage()
    c.save()
    assert reason(tmp_path / "scan.pdf") == "no text layer — scanned letter?"


def test_pdf_with_fonts_without_unicode(tmp_path):
    """A CID font without ToUnicode map: the text layer is '(cid:NN)' garbage."""
    rng = random.Random(1)
    content = "\n".join(
        f"BT /F1 10 Tf 72 {780 - 14 * k} Td <{''.join(f'{rng.randint(3, 90):04x}' for _ in range(60))}> Tj ET"
        for k in range(30)
    ).encode()
    path = tmp_path / "cid.pdf"
    path.write_bytes(
        _raw_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H "
                b"/DescendantFonts [6 0 R] >>",
                b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom "
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                b"/FontBBox [0 0 1000 1000] /DW 500 >>",
            ]
        )
    )
    assert "garbage" in reason(path)


def test_too_many_pages(tmp_path):
    write_pdf(tmp_path / "lang.pdf", pages=3)
    assert reason(tmp_path / "lang.pdf", max_pages=2) == "too many pages (3 > 2)"
    assert read_letter(str(tmp_path / "lang.pdf"), max_pages=3).source.pages == 3


def test_pdfium_reader_not_there_yet_or_working(tmp_path):
    write_pdf(tmp_path / "brief.pdf")
    try:
        letter = read_letter(str(tmp_path / "brief.pdf"), reader="pdfium")
    except LetterError as exc:
        assert exc.reason == "pdfium reader not available yet"
    else:
        assert "coördinatie van het beleid" in letter.body
    assert "unknown reader" in reason(tmp_path / "brief.pdf", reader="tesseract")


# --- text encodings and stdin -----------------------------------------------------------------

TEXT = "\n".join(LETTER) + "\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"])
def test_text_encodings_decoded(tmp_path, encoding):
    path = tmp_path / f"brief-{encoding}.txt"
    path.write_bytes(TEXT.encode(encoding))
    letter = read_letter(str(path))
    assert "coördinatie van het beleid" in letter.body
    assert letter.meta.date == "2018-06-05"
    assert [s.name for s in letter.meta.signatories] == ["F. Rijkaart"]
    assert letter.source.format == "txt"


def test_source_fields(tmp_path):
    import hashlib

    data = write_pdf(tmp_path / "brief.pdf", pages=2)
    letter = read_letter(str(tmp_path / "brief.pdf"))
    assert letter.source.sha256 == hashlib.sha256(data).hexdigest()
    assert (letter.source.pages, letter.source.format, letter.source.path) == (
        2,
        "pdf",
        str(tmp_path / "brief.pdf"),
    )
    assert len(letter.page_starts) == 2 and letter.page_starts[0] == 0


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_text_and_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode("utf-8")))
    letter = read_letter("-")
    assert letter.source.format == "stdin" and letter.source.path == "-"
    assert "coördinatie" in letter.body
    monkeypatch.setattr(sys, "stdin", _Stdin(write_pdf(tmp_path / "brief.pdf")))
    assert read_letter("-").source.format == "pdf"
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    assert reason("-") == "empty input on stdin"


# --- warnings ---------------------------------------------------------------------------------


def test_english_letter_warns_but_is_read(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(
        "The minister has informed the House about the progress of the programme and the plan. " * 5
    )
    letter = read_letter(str(path))
    assert "text does not look Dutch" in letter.warnings
    assert letter.body.startswith("The minister")


def test_missing_date_warns(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("\n".join(LETTER[2:]), encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.meta.date is None
    assert "no date in the letter header" in letter.warnings
    assert read_letter(str(_write(tmp_path / "met.txt", TEXT))).warnings == []


def _write(path, text):
    path.write_bytes(codecs.encode(text, "utf-8"))
    return path
