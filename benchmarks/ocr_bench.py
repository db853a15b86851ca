"""OCR benchmark, run by hand: `python benchmarks/ocr_bench.py [--dpi 200 300] [--skip-speed]`.

Turns the real PDFs with gold answers (the corpus PDFs in ../shared/corpus/letters with
../shared/corpus/gold, and samples/*.pdf with their *.expected.json) into image-only 'scans' — pages
rendered at 200 and 300 dpi, turned slightly, grey noise and specks added (`tests/scans.py`), in a
temporary folder — and prints, per scan resolution, the commitment precision/recall/F1 of
`toezegging extract` on the scans against the gold, beside the same figures for the original PDFs,
and the mean OCR confidence. Then it times `read_letter` on a 10-page scan (300 dpi) pinned to one
core (Tesseract with one thread). Table on stdout, progress on stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLES = REPO / "samples"
ANGLES = {200: -0.6, 300: 0.4}  # degrees each resolution's scans are turned by


def gold_pdfs() -> list[tuple[str, Path, Path]]:
    """(name, pdf, gold file) of every PDF with gold answers."""
    found = []
    for pdf in sorted((CORPUS / "letters").glob("*.pdf")):
        gold = CORPUS / "gold" / f"{pdf.stem}.gold.json"
        if gold.exists():
            found.append((pdf.stem, pdf, gold))
    for pdf in sorted(SAMPLES.glob("*.pdf")):
        gold = SAMPLES / f"{pdf.stem}.expected.json"
        if not gold.exists():  # the user's example: its answers are kept with the corpus
            gold = CORPUS / "gold" / f"{pdf.stem}.gold.json"
        if gold.exists():
            found.append((pdf.stem, pdf, gold))
    return found


def score(cases, letters_dir: Path, tmp: Path, label: str, nlp) -> tuple[object, float | None]:
    """Evaluate the letters of `letters_dir` against the cases' gold; mean OCR confidence too."""
    import re

    from toezegging_cli.evaluate import evaluate
    from toezegging_cli.extract import extract_path

    gold_dir = tmp / f"gold-{label}"
    gold_dir.mkdir(exist_ok=True)
    for name, _, gold in cases:
        shutil.copy(gold, gold_dir / f"{name}.gold.json")
    confs: list[int] = []

    def run(path: Path) -> dict:
        out = extract_path(str(path), nlp=nlp).to_dict()
        confs.extend(int(m.group(1)) for w in out["warnings"] if (m := re.search(r"confidence (\d+)%", w)))
        return out

    result = evaluate(gold_dir, letters_dir, extract=run)
    return result, (sum(confs) / len(confs) if confs else None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--render-dpi", type=int, default=None,
                        help="render pages for OCR at this resolution instead of read/ocr.py's DPI")
    parser.add_argument("--before", action="store_true",
                        help="score with the OCR settings before cropping and one run (ocr.PLAIN)")
    args = parser.parse_args()
    import dataclasses

    from toezegging_cli.read import ocr

    if args.before:
        ocr.SETTINGS = ocr.PLAIN
    if args.render_dpi:
        ocr.SETTINGS = dataclasses.replace(ocr.SETTINGS, dpi=args.render_dpi)
    from scans import make_scan
    from toezegging_cli.tag import load_pipeline

    nlp = load_pipeline()
    cases = gold_pdfs()
    if not cases:
        print("no PDFs with gold answers found (../shared/corpus absent?)", file=sys.stderr)
        return 1
    print(f"machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}; OCR {ocr.SETTINGS}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as name:
        tmp = Path(name)
        if args.speed_only:
            speed(tmp, make_scan)
            return 0
        originals = tmp / "originals"
        originals.mkdir()
        for case, pdf, _ in cases:
            shutil.copy(pdf, originals / f"{case}.pdf")
        result, _ = score(cases, originals, tmp, "orig", nlp)
        rows.append(("original PDFs", result, None))
        for dpi in args.dpi:
            folder = tmp / f"scans-{dpi}"
            folder.mkdir()
            for k, (case, pdf, _) in enumerate(cases):
                print(f"scan {dpi} dpi: {case}", file=sys.stderr)
                make_scan(pdf, folder / f"{case}.pdf", dpi=dpi, angle=ANGLES.get(dpi, 0.5), seed=k + dpi)
            result, conf = score(cases, folder, tmp, str(dpi), nlp)
            rows.append((f"scans {dpi} dpi", result, conf))
        print(f"{'input':16} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'conf':>6}")
        for label, result, conf in rows:
            gold = sum(s.gold for s in result.letters)
            pred = sum(s.predicted for s in result.letters)
            match = sum(s.matched for s in result.letters)
            p = match / pred if pred else 1.0
            r = match / gold if gold else 1.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            shown = f"{conf:5.1f}%" if conf is not None else "     -"
            print(f"{label:16} {gold:5} {pred:5} {match:5} {p:6.3f} {r:6.3f} {f1:6.3f} {shown}")
            for s in result.letters:
                print(f"    {s.name:40} gold {s.gold:2} pred {s.predicted:2} match {s.matched:2} "
                      f"{s.error[:50]}")
            print(f"    {result.summary()}")
        if not args.skip_speed:
            speed(tmp, make_scan)
    return 0


def speed(tmp: Path, make_scan, rounds: int = 2) -> None:
    """Time read_letter on a 10-page 300-dpi scan, this process and Tesseract pinned to one core:
    the OCR settings before this change (whole 300-dpi pages, one Tesseract run a page) and now,
    taken in turns so both see the same machine; the best of `rounds` runs each."""
    from toezegging_cli.read import ocr, read_letter

    longest = max(gold_pdfs() + [(p.stem, p, p) for p in sorted((CORPUS / "letters").glob("*.pdf"))],
                  key=lambda c: _pages(c[1]))
    scan = make_scan(longest[1], tmp / "ten.pdf", dpi=300, max_pages=10)
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    current = ocr.SETTINGS
    runs: dict[str, list[tuple[float, float, float, object]]] = {"before": [], "now": []}
    try:
        for _ in range(rounds):
            for label, settings in (("before", ocr.PLAIN), ("now", current)):
                ocr.SETTINGS = settings
                load = os.getloadavg()[0]
                before = os.times()
                start = time.perf_counter()
                letter = read_letter(str(scan))
                wall = time.perf_counter() - start
                after = os.times()
                cpu = sum(getattr(after, k) - getattr(before, k)
                          for k in ("user", "system", "children_user", "children_system"))
                runs[label].append((wall, cpu, load, letter))
    finally:
        ocr.SETTINGS = current
    same = runs["before"][0][3].body == runs["now"][0][3].body
    print(f"10-page scan ({longest[0]}, 300 dpi, {_pages(scan)} pages) on one core, best of {rounds}:")
    for label, settings in (("before", ocr.PLAIN), ("now", current)):
        wall, cpu, load, letter = min(runs[label], key=lambda r: r[1])
        print(f"  {label:6} ({settings.dpi} dpi, crop {'on' if settings.crop else 'off'}, "
              f"{'one Tesseract run' if settings.one_run else 'a run a page'}): {wall:.1f} s wall, "
              f"{cpu:.1f} s CPU (this process and Tesseract), load {load:.2f} at start; "
              f"{len(letter.body)} characters; {letter.warnings[0]}")
    print(f"  same body text before and now: {'yes' if same else 'no'}; "
          f"load {os.getloadavg()[0]:.2f} at the end")


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


if __name__ == "__main__":
    sys.exit(main())
