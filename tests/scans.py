"""Make image-only PDFs ('scans') of real PDFs: pages rendered, slightly rotated, noised, saved as images.

Used by the OCR tests and `benchmarks/ocr_bench.py`; the scans are made at test time in a temporary
folder and never committed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest


def make_scan(pdf: Path, out: Path, *, dpi: int = 300, angle: float = 0.4, noise: float = 12.0,
              specks: float = 0.0005, seed: int = 1, max_pages: int | None = None) -> Path:
    """Write `out`: every page of `pdf` as a grey image at `dpi`, turned by `angle` degrees, with
    Gaussian grey noise of standard deviation `noise`, a share `specks` of pixels set to black or
    white, and no text layer."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(str(pdf))
    images = []
    try:
        for k in range(len(doc) if max_pages is None else min(max_pages, len(doc))):
            page = doc[k]
            image = page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
            page.close()
            image = image.rotate(angle, resample=Image.BILINEAR, expand=False, fillcolor=255)
            grey = np.asarray(image, dtype=np.float32) + rng.normal(0.0, noise, (image.height, image.width))
            spots = rng.random(grey.shape) < specks
            grey[spots] = rng.choice([0.0, 255.0], size=int(spots.sum()))
            images.append(Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L"))
    finally:
        doc.close()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return out


def _has_tesseract() -> bool:
    """Tesseract and its Dutch model are installed (the OCR tests need the real engine)."""
    from toezegging_cli.read import ocr

    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract
    except ImportError:
        return False
    return ocr.LANG in pytesseract.get_languages(config="")


needs_tesseract = pytest.mark.skipif(not _has_tesseract(),
                                     reason="Tesseract with the Dutch model is not installed")

