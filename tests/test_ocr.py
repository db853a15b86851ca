"""Scanned letters (read/ocr.py): image-only PDFs OCR'd with Tesseract's Dutch model.

The scans are made at test time from the corpus and sample PDFs (tests/scans.py: pages rendered at
200 or 300 dpi, turned a little, grey noise and specks, no text layer). Tesseract runs for real;
the tests that need it skip where it (or its Dutch model) is not installed.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scans import make_scan, needs_tesseract
from toezegging_cli.clean import PageWords, clean_pdf
from toezegging_cli.read import ocr

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


PREVENTIE = SAMPLES / "preventie-voortgang-toezeggingen-2025.pdf"


@pytest.fixture(scope="module")
def nlp():
    from toezegging_cli.tag import load_pipeline

    return load_pipeline()


def _f1(gold: dict, pred: dict) -> float:
    from toezegging_cli.evaluate import score_one

    s = score_one("scan", gold, pred)
    if not s.gold and not s.predicted:
        return 1.0
    p = s.matched / s.predicted if s.predicted else 0.0
    r = s.matched / s.gold if s.gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toezegging_cli", *args], capture_output=True, text=True,
                          timeout=600, env=env)


@needs_tesseract
@pytest.mark.parametrize("name, dpi, angle, least", [
    ("water-voortgang-toezeggingen-2024", 300, 0.4, 0.9),
    ("leven-lang-ontwikkelen-2025", 200, -0.6, 0.8),
])
def test_scan_gives_the_gold_commitments(tmp_path, nlp, name, dpi, angle, least):
    from toezegging_cli.extract import extract_path

    scan = make_scan(SAMPLES / f"{name}.pdf", tmp_path / f"{name}.pdf", dpi=dpi, angle=angle)
    gold = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = extract_path(str(scan), nlp=nlp).to_dict()
    assert _f1(gold, got) >= least
    warning = next(w for w in got["warnings"] if w.startswith("text from OCR"))
    assert "all pages" in warning
    assert float(warning.rsplit(" ", 1)[1].rstrip("%")) >= 80
    if dpi == 300:  # the header survives the scan too
        for key in ("date", "reference", "ministry"):
            assert got["letter"][key] == gold["letter"][key], key


@needs_tesseract
def test_corpus_scan_at_300_dpi_meets_the_gold(tmp_path, corpus_dir, nlp):
    """The corpus letter with most commitments, scanned: F1 >= 0.9 against its gold."""
    from toezegging_cli.extract import extract_path

    name = "emissie-luchtvaart-2022"
    scan = make_scan(corpus_dir / "letters" / f"{name}.pdf", tmp_path / f"{name}.pdf", dpi=300)
    gold = json.loads((corpus_dir / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))
    assert _f1(gold, extract_path(str(scan), nlp=nlp).to_dict()) >= 0.9


@needs_tesseract
def test_ocr_always_reads_a_born_digital_letter_like_its_text_layer(nlp):
    from toezegging_cli.extract import extract_path

    path = SAMPLES / "preventie-voortgang-toezeggingen-2025.pdf"
    gold = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = extract_path(str(path), nlp=nlp, ocr="always").to_dict()
    assert any(w.startswith("text from OCR") for w in got["warnings"])
    assert _f1(gold, got) >= 0.9
    plain = extract_path(str(path), nlp=nlp).to_dict()
    assert not any("OCR" in w for w in plain["warnings"])


@needs_tesseract
def test_ocr_never_refuses_a_scan_with_a_hint(tmp_path):
    scan = make_scan(PREVENTIE, tmp_path / "scan.pdf", max_pages=1)
    done = _cli("extract", str(scan), "--ocr", "never")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"toezegging: {scan}: no text layer — scanned letter? "
                           "(OCR is off: try --ocr auto)\n")


def test_missing_tesseract_says_how_to_install(tmp_path):
    """With no tesseract on PATH, a scan is one line that names the packages to install; a letter
    with text on some pages is read, with a warning for the pages left out."""
    scan = make_scan(PREVENTIE, tmp_path / "scan.pdf", max_pages=1)
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {"PATH": str(empty), "PYTHONPATH": ":".join(sys.path), "HOME": str(tmp_path)}
    done = _cli("extract", str(scan), env=env)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"toezegging: {scan}: no text layer — OCR needs Tesseract with its Dutch model: "
                           "apt-get install tesseract-ocr tesseract-ocr-nld "
                           "and pip install 'toezegging[ocr]'\n")

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for source in (SAMPLES / "water-voortgang-toezeggingen-2024.pdf", scan):
        for page in PdfReader(str(source)).pages:
            writer.add_page(page)
    mixed = tmp_path / "gemengd.pdf"
    with open(mixed, "wb") as fh:
        writer.write(fh)
    done = _cli("extract", str(mixed), "--format", "json", env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["commitments"]
    assert any(w.startswith("pages 4 have no text layer and were not read: OCR needs Tesseract")
               for w in report["warnings"])


# --- the hOCR → words step ------------------------------------------------------------------------


Line = tuple[tuple[int, int, int, int], float, float, float, list[tuple[str, int, int, int]]]


def _hocr(lines: list[Line]) -> bytes:
    """hOCR as Tesseract writes it: (line bbox, baseline slope, offset, x_size, [(word, x0, x1, conf)])."""
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
              '<div class="ocr_page" title="bbox 0 0 2480 3508">')
    for (x0, y0, x1, y1), slope, offset, size, words in lines:
        out.write(f'<span class="ocr_line" title="bbox {x0} {y0} {x1} {y1}; baseline {slope} {offset}; '
                  f'x_size {size}; x_descenders 8; x_ascenders 10">')
        for text, wx0, wx1, conf in words:
            out.write(f'<span class="ocrx_word" title="bbox {wx0} {y0} {wx1} {y1}; x_wconf {conf}">'
                      f"{text}</span> ")
        out.write("</span>")
    out.write("</div></body></html>")
    return out.getvalue().encode()


def test_words_of_a_turned_line_share_one_baseline_in_pdf_points():
    """A line 1.2 % askew (a baseline dropping 24 px over 2000 px) comes out as one line in points."""
    hocr = _hocr([
        ((200, 400, 2200, 460), 0.012, -10, 42.0,
         [("Ik", 200, 260, 96), ("zal", 290, 380, 95), ("uw", 410, 480, 90), ("Kamer", 510, 700, 93)]),
        ((200, 470, 2200, 530), 0.012, -10, 42.0, [("informeren.", 200, 500, 91)]),
    ])
    page, confs = ocr.words_from_hocr(hocr, 300, 1, 595.0, 842.0)
    assert confs == [96, 95, 90, 93, 91]
    first = page.words[:4]
    assert len({(w.top, w.bottom) for w in first}) == 1
    # turned back about the page centre: x moves by (y - centre)·sin(angle), a few points here
    assert first[0].x0 == pytest.approx(200 * 72 / 300, abs=5.0)
    assert page.words[4].x0 == pytest.approx(first[0].x0, abs=0.5)
    assert first[0].size == pytest.approx(42 * 72 / 300, abs=0.1)
    layout = clean_pdf([page])
    assert [ln.text for ln in layout.lines] == ["Ik zal uw Kamer", "informeren."]


_LINE = st.tuples(
    st.tuples(st.integers(0, 2400), st.integers(0, 3400), st.integers(0, 2480), st.integers(0, 3508)),
    st.floats(-0.2, 0.2), st.floats(-50, 50), st.floats(1, 200),
    st.lists(st.tuples(st.text("abcdeé.,1 <&", min_size=1, max_size=8).filter(str.strip),
                       st.integers(0, 2480), st.integers(0, 2480), st.integers(0, 100)), max_size=6))


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=8), st.sampled_from([150, 200, 300]))
def test_hocr_words_are_finite_boxes_for_any_page(lines, dpi):
    from html import escape

    safe = [(box, slope, off, size, [(escape(t), a, b, c) for t, a, b, c in words])
            for box, slope, off, size, words in lines]
    page, confs = ocr.words_from_hocr(_hocr(safe), dpi, 1, 595.0, 842.0)
    assert len(page.words) == len(confs)
    for w in page.words:
        assert all(math.isfinite(v) for v in (w.x0, w.x1, w.top, w.bottom, w.size))
        assert w.bottom > w.top and w.text.strip()
    clean_pdf([page])  # the layout step takes whatever OCR gives


def test_a_blank_page_of_a_born_digital_letter_is_not_ocrd(tmp_path):
    """Auto mode reads only pages without text that draw an image: a blank page is left alone."""
    from pdfbytes import text_pdf
    from toezegging_cli.read import read_letter

    data = text_pdf([["Den Haag, 5 juni 2018", "Geachte voorzitter,",
                      "Ik zal uw Kamer voor de zomer van 2025 nader informeren over de resultaten."], [""]])
    pages = [PageWords(number=1, width=595, height=842, words=[]),
             PageWords(number=2, width=595, height=842, words=[])]
    assert ocr.apply_ocr(pages, data, "x.pdf", "auto") == (pages, None)
    path = tmp_path / "leeg-blad.pdf"
    path.write_bytes(data)
    assert not any("OCR" in w for w in read_letter(str(path)).warnings)


def test_unknown_ocr_mode_is_refused():
    from toezegging_cli.errors import LetterError

    with pytest.raises(LetterError, match="unknown OCR mode"):
        ocr.apply_ocr([], b"", "x.pdf", "sometimes")
