"""The pdfium reader (`--reader pdfium`) reads letters as the pdfplumber reader does, and fails alike.

Parity is checked on every corpus PDF and on the example letters in samples/: the cleaned body
(≥ 99 % equal characters), the page map, footnotes, metadata and, where the tagger is there, the
commitments found. Word-level cases and every LetterError case use small PDFs written here.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from pdfbytes import LETTER, text_pdf
from pdfbytes import raw_pdf as pdf_objects
from toezegging_cli.errors import LetterError
from toezegging_cli.model import Letter
from toezegging_cli.read import pdf as read_pdf
from toezegging_cli.read import pdfium as read_pdfium
from toezegging_cli.read import read_letter

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.pdf"))


def body_ratio(a: str, b: str) -> float:
    """Share of equal characters between two bodies (difflib, no junk heuristics)."""
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def both(path: Path) -> tuple[Letter, Letter]:
    return read_letter(str(path)), read_letter(str(path), reader="pdfium")


def assert_same_letter(plumber: Letter, pdfium: Letter) -> None:
    name = plumber.source.path
    ratio = body_ratio(plumber.body, pdfium.body)
    assert ratio >= 0.99, f"{name}: bodies only {ratio:.4f} alike"
    assert pdfium.source.pages == plumber.source.pages, name
    assert len(pdfium.page_starts) == len(plumber.page_starts), name
    slack = max(40, len(plumber.body) // 100)
    for page, (a, b) in enumerate(zip(plumber.page_starts, pdfium.page_starts, strict=True), 1):
        assert abs(a - b) <= slack, f"{name}: page {page} starts at {b}, pdfplumber {a}"
    assert [f.number for f in pdfium.footnotes] == [f.number for f in plumber.footnotes], name
    assert [f.page for f in pdfium.footnotes] == [f.page for f in plumber.footnotes], name
    for fa, fb in zip(plumber.footnotes, pdfium.footnotes, strict=True):
        assert body_ratio(fa.text, fb.text) >= 0.99, f"{name}: footnote {fa.number} differs"
    assert pdfium.meta == plumber.meta, name
    assert pdfium.warnings == plumber.warnings, name
    assert pdfium.source.sha256 == plumber.source.sha256 and pdfium.source.format == "pdf"


@pytest.fixture(scope="session")
def corpus_pairs(corpus_pdfs) -> list[tuple[Letter, Letter]]:
    assert corpus_pdfs, "no PDF letters in the corpus"
    return [both(p) for p in corpus_pdfs]


def test_corpus_pdfs_read_alike(corpus_pairs):
    for plumber, pdfium in corpus_pairs:
        assert len(plumber.body) > 2000
        assert_same_letter(plumber, pdfium)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_letters_read_alike(path):
    assert_same_letter(*both(path))


def test_corpus_commitments_alike(corpus_pairs):
    tag = pytest.importorskip("toezegging_cli.tag", reason="the tagger (toezegging_cli.tag) is not there yet")
    from toezegging_cli.extract import report_for

    nlp = tag.load_pipeline()

    def found(letter: Letter) -> list[tuple]:
        return [(c.kind, c.status, c.evidence.sentence, c.evidence.page)
                for c in report_for(letter, nlp).commitments]

    total = 0
    for plumber, pdfium in corpus_pairs:
        expected = found(plumber)
        assert found(pdfium) == expected, plumber.source.path
        total += len(expected)
    assert total > 0, "no commitments found in any corpus PDF: the comparison proves nothing"


# --- words on small PDFs written here -------------------------------------------------------------


def raw_pdf(content: str, extra_page: str = "") -> bytes:
    """A one-page PDF drawing `content` with Helvetica (/F1) and Times-Roman (/F2)."""
    return pdf_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + extra_page.encode()
        + b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content.encode() + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
    ])


def words(data: bytes, reader) -> list[tuple[str, float, float, float]]:
    return [(w.text, round(w.x0, 1), round(w.top), w.size)
            for page in reader.extract_pages(data, "test.pdf") for w in page.words]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # a space drawn as its own text object: pdfium leaves it out and puts in a space of its own
        ("BT /F1 10 Tf 72 780 Td (is) Tj ( ) Tj (een) Tj ET", ["is", "een"]),
        # the same with the space in another font
        ("BT /F1 10 Tf 72 780 Td (is) Tj /F2 10 Tf ( ) Tj /F1 10 Tf (een) Tj ET", ["is", "een"]),
        # kerning 2.5 pt wide, no space character: pdfium sees a space, pdfplumber (3 pt) one word
        ("BT /F1 10 Tf 72 780 Td [(is) -250 (een)] TJ ET", ["iseen"]),
        # two text objects 2.3 pt apart, nothing between: one word for pdfplumber
        ("BT /F1 10 Tf 72 780 Td (is) Tj ET BT /F1 10 Tf 81.5 780 Td (een) Tj ET", ["iseen"]),
        # more than 3 pt apart: two words
        ("BT /F1 10 Tf 72 780 Td (is) Tj ET BT /F1 10 Tf 83.5 780 Td (een) Tj ET", ["is", "een"]),
        # a raised, smaller note number glued to its word: a word of its own (size differs)
        ("BT /F1 10 Tf 72 780 Td (rol) Tj /F1 6 Tf 4 Ts (1) Tj 0 Ts /F1 10 Tf ( en) Tj ET",
         ["rol", "1", "en"]),
        # a change of font inside a word splits it, as pdfplumber's font grouping does
        ("BT /F1 10 Tf 72 780 Td (Kamer) Tj /F2 10 Tf (brief) Tj ET", ["Kamer", "brief"]),
        # text turned a quarter: left out, as pdfplumber leaves out words that are not upright
        ("BT /F1 10 Tf 72 780 Td (recht) Tj ET BT 0 1 -1 0 300 400 Tm /F1 10 Tf (gedraaid) Tj ET", ["recht"]),
    ],
    ids=["space-object", "space-other-font", "kerning", "objects-close", "objects-apart", "marker",
         "font-change", "turned-text"],
)
def test_words_as_pdfplumber_makes_them(content, expected):
    data = raw_pdf(content)
    got = words(data, read_pdfium)
    assert [w[0] for w in got] == expected
    plumber = words(data, read_pdf)
    assert [w[0] for w in plumber] == expected
    for a, b in zip(got, plumber, strict=True):
        assert a[0] == b[0] and abs(a[1] - b[1]) <= 0.5 and abs(a[2] - b[2]) <= 1 and a[3] == b[3]


def test_line_end_hyphen_and_lines():
    """Pdfium gives a line-end hyphen as U+FFFE and may join the lines around it: kept apart, '-'."""
    content = ("BT /F1 10 Tf 72 780 Td (de gezondheids-) Tj ET\n"
               "BT /F1 10 Tf 72 766 Td (risicos zijn klein) Tj ET")
    got = words(raw_pdf(content), read_pdfium)
    assert [w[0] for w in got] == ["de", "gezondheids-", "risicos", "zijn", "klein"]
    assert [w[:3] for w in got] == [w[:3] for w in words(raw_pdf(content), read_pdf)]


def test_fake_bold_drawn_twice_is_read_once():
    once = "BT /F1 10 Tf 72 780 Td (Geachte voorzitter,) Tj ET"
    twice = once + "\nBT /F1 10 Tf 72.3 780.2 Td (Geachte voorzitter,) Tj ET"
    assert [w[0] for w in words(raw_pdf(twice), read_pdfium)] == ["Geachte", "voorzitter,"]
    assert [w[0] for w in words(raw_pdf(twice), read_pdf)] == ["Geachte", "voorzitter,"]


def test_scaled_text_has_its_size_on_the_page():
    content = "q 0.5 0 0 0.5 72 700 cm BT /F1 20 Tf 0 0 Td (Geschaald) Tj ET Q"
    (got,) = words(raw_pdf(content), read_pdfium)
    assert got[0] == "Geschaald" and got[3] == pytest.approx(10.0)
    (plumber,) = words(raw_pdf(content), read_pdf)
    assert abs(got[1] - plumber[1]) <= 0.5 and abs(got[2] - plumber[2]) <= 1


@pytest.mark.parametrize("rotate", [90, 270])
def test_turned_page(rotate):
    """A page turned by /Rotate, with text drawn to stand upright on it: the same words and places."""
    matrix = "0 1 -1 0 500 100" if rotate == 90 else "0 -1 1 0 100 700"
    content = f"BT {matrix} Tm /F1 10 Tf (Dit staat rechtop) Tj ET"
    data = raw_pdf(content, f"/Rotate {rotate}")
    got, plumber = words(data, read_pdfium), words(data, read_pdf)
    assert [w[0] for w in got] == [w[0] for w in plumber] == ["Dit", "staat", "rechtop"]
    for a, b in zip(got, plumber, strict=True):
        assert abs(a[1] - b[1]) <= 0.5 and abs(a[2] - b[2]) <= 1
    page = read_pdfium.extract_pages(data, "test.pdf")[0]
    assert (page.width, page.height) == pytest.approx((842, 595))


# --- errors: the same reasons as the pdfplumber reader --------------------------------------------

def letter_pdf(path: Path, pages: int = 1) -> bytes:
    """The letter on page 1; further pages carry other sentences (a repeated page would be furniture)."""
    data = text_pdf([LETTER] + [
        [f"Op pagina {page + 1} volgt het {k}e punt van de uitwerking." for k in range(1, 8)]
        for page in range(1, pages)
    ])
    path.write_bytes(data)
    return data


def encrypt(src: Path, dst: Path, user: str, owner: str) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(src).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    with open(dst, "wb") as fh:
        writer.write(fh)


def reasons(path: Path, **kw) -> tuple[str, str]:
    """The LetterError reason of each reader (pdfplumber, pdfium) for `path`."""
    out = []
    for reader in ("pdfplumber", "pdfium"):
        with pytest.raises(LetterError) as info:
            read_letter(str(path), reader=reader, **kw)
        assert info.value.path == str(path) and "\n" not in info.value.reason
        out.append(info.value.reason)
    return out[0], out[1]


def test_letter_read_alike(tmp_path):
    letter_pdf(tmp_path / "brief.pdf", pages=2)
    plumber, pdfium = both(tmp_path / "brief.pdf")
    assert "coördinatie van het beleid" in pdfium.body
    assert pdfium.body == plumber.body and pdfium.page_starts == plumber.page_starts
    assert pdfium.meta == plumber.meta and pdfium.meta.date == "2018-06-05"


def test_truncated(tmp_path):
    data = letter_pdf(tmp_path / "heel.pdf")
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 2])
    plumber, pdfium = reasons(tmp_path / "half.pdf")
    assert pdfium == plumber and "truncated" in pdfium


def test_corrupt(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    plumber, pdfium = reasons(path)
    assert plumber.startswith("corrupt PDF (") and pdfium.startswith("corrupt PDF (")


NO_PAGES = pdf_objects([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def test_no_pages(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.write_bytes(NO_PAGES)
    plumber, pdfium = reasons(path)
    assert plumber.startswith("corrupt PDF (") and pdfium.startswith("corrupt PDF (")


def test_encrypted(tmp_path):
    letter_pdf(tmp_path / "open.pdf")
    encrypt(tmp_path / "open.pdf", tmp_path / "dicht.pdf", user="geheim", owner="eigenaar")
    assert reasons(tmp_path / "dicht.pdf") == ("encrypted PDF: give --password",) * 2
    assert reasons(tmp_path / "dicht.pdf", password="fout") == ("encrypted PDF: wrong password",) * 2
    letter = read_letter(str(tmp_path / "dicht.pdf"), reader="pdfium", password="geheim")
    assert "coördinatie van het beleid" in letter.body


def test_password_error_does_not_stick(tmp_path):
    """Pdfium keeps its last error code; a later broken, unencrypted file is not called encrypted."""
    letter_pdf(tmp_path / "open.pdf")
    encrypt(tmp_path / "open.pdf", tmp_path / "dicht.pdf", user="geheim", owner="eigenaar")
    reasons(tmp_path / "dicht.pdf")
    path = tmp_path / "leeg.pdf"
    path.write_bytes(NO_PAGES)
    assert reasons(path)[1].startswith("corrupt PDF (")


def test_owner_password_only_is_read(tmp_path):
    letter_pdf(tmp_path / "open.pdf")
    encrypt(tmp_path / "open.pdf", tmp_path / "beperkt.pdf", user="", owner="eigenaar")
    plumber, pdfium = both(tmp_path / "beperkt.pdf")
    assert pdfium.body == plumber.body and "coördinatie" in pdfium.body


def test_too_many_pages(tmp_path):
    letter_pdf(tmp_path / "lang.pdf", pages=3)
    assert reasons(tmp_path / "lang.pdf", max_pages=2) == ("too many pages (3 > 2)",) * 2


def test_scanned(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    Image.new("RGB", (400, 200), "white").save(tmp_path / "scan.png")
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(str(tmp_path / "scan.png"), 72, 400, 400, 200)
    c.showPage()
    c.save()
    assert reasons(tmp_path / "scan.pdf") == ("no text layer — scanned letter?",) * 2


def test_fonts_without_unicode(tmp_path):
    """A CID font without a ToUnicode map: garbage text for both readers."""
    import random

    rng = random.Random(1)
    content = "\n".join(
        f"BT /F1 10 Tf 72 {780 - 14 * k} Td <{''.join(f'{rng.randint(3, 90):04x}' for _ in range(60))}> Tj ET"
        for k in range(30))
    data = raw_pdf(content).replace(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Custom /Encoding /Identity-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Custom "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>] >>")
    # the object offsets moved: let both readers rebuild the cross-reference table
    (tmp_path / "cid.pdf").write_bytes(data)
    plumber, pdfium = reasons(tmp_path / "cid.pdf")
    assert "garbage" in plumber and "garbage" in pdfium
