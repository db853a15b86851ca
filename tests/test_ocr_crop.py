"""Cheaper OCR (read/ocr.py): pages cut to their ink, all pages in one Tesseract run.

The cut must not move or lose words: the words of a cropped page are those of the whole page, at the
same place in PDF points, and a scanned blank page (noise and specks only) is not sent to Tesseract.
Tesseract runs for real where it is installed with its Dutch model.
"""

from __future__ import annotations

from pathlib import Path

from scans import make_scan, needs_tesseract
from toezegging_cli.read import ocr

REPO = Path(__file__).resolve().parents[1]
PREVENTIE = REPO / "samples" / "preventie-voortgang-toezeggingen-2025.pdf"




def _noisy_page(seed: int = 3, width: int = 2480, height: int = 3508):
    """A scanned blank A4 page at 300 dpi: grey noise σ 12 around white and 0.05 % black/white specks."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(seed)
    grey = 245 + rng.normal(0.0, 12.0, (height, width))
    spots = rng.random(grey.shape) < 0.0005
    grey[spots] = rng.choice([0.0, 255.0], size=int(spots.sum()))
    return Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L")


def test_a_scanned_blank_page_has_no_ink():
    assert ocr.inked_area(_noisy_page(), 300) is None


def test_the_inked_area_holds_the_text_block_and_not_the_margins():
    from PIL import ImageDraw

    page = _noisy_page(seed=5)
    draw = ImageDraw.Draw(page)
    for k in range(12):  # lines of 'text': dark bars 30 px high between x 300 and 2100
        top = 600 + 60 * k
        draw.rectangle((300, top, 2100, top + 30), fill=30)
    left, top, right, bottom = ocr.inked_area(page, 300)
    assert left <= 300 and top <= 600 and right >= 2100 and bottom >= 600 + 60 * 11 + 30
    margin = round(ocr.INK_MARGIN * 300) + ocr.INK_CELL
    assert left >= 300 - margin and top >= 600 - margin
    assert right <= 2100 + margin and bottom <= 600 + 60 * 11 + 30 + margin


@needs_tesseract
def test_cropped_pages_in_one_run_give_the_words_of_whole_pages_in_place(tmp_path):
    """Two pages of a real letter, scanned and turned 0.4°: OCR'd cut to their ink in one Tesseract
    run and whole in a run each, the same words at the same place (within 1 pt)."""
    scan = make_scan(PREVENTIE, tmp_path / "scan.pdf", dpi=300, angle=0.4, max_pages=2)
    data = scan.read_bytes()
    now = ocr.ocr_pdf_pages(data, str(scan), [1, 2], settings=ocr.OcrSettings(crop=True, one_run=True))
    plain = ocr.ocr_pdf_pages(data, str(scan), [1, 2], settings=ocr.OcrSettings(crop=False, one_run=False))
    assert [p.number for p in now.pages] == [1, 2]
    for a, b in zip(now.pages, plain.pages, strict=True):
        assert len(a.words) > 100

        def near(w, words):
            return any(v.text == w.text and abs(v.x0 - w.x0) < 1 and abs(v.top - w.top) < 1 for v in words)

        # the reading order may differ (the layout step sorts by place); the words and places may not
        assert sum(near(w, b.words) for w in a.words) >= 0.98 * len(a.words)
        assert sum(near(w, a.words) for w in b.words) >= 0.98 * len(b.words)


@needs_tesseract
def test_a_scan_with_a_blank_page_reads_the_others(tmp_path):
    """A blank scanned page between two letter pages: no words for it, the others read."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(str(PREVENTIE))
    try:
        pages = [doc[k].render(scale=300 / 72, grayscale=True).to_pil().convert("L") for k in range(2)]
    finally:
        doc.close()
    blank = _noisy_page(width=pages[0].width, height=pages[0].height)
    buffer = io.BytesIO()
    pages[0].save(buffer, "PDF", resolution=300.0, save_all=True, append_images=[blank, pages[1]])
    result = ocr.ocr_pdf_pages(buffer.getvalue(), "scan.pdf", [1, 2, 3])
    assert [len(p.words) > 100 for p in result.pages] == [True, False, True]
    assert isinstance(blank, Image.Image)
