"""The scale part of `benchmarks/bench.py` (issue 16): one-letter latency in a fresh process, the
steady-state batch against bare extraction for both readers, letters/s and pages/s per core, Dask
against local workers on the same folder, and a projection for 10^5 letters / 10^6 pages."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ONE_LETTER = REPO / "samples" / "integriteit-dialoogreeks-2025.pdf"
TARGET_ONE = 1.0  # seconds, fresh process, median of 5
TARGET_PDFIUM_BATCH = 3.0  # steady-state end to end / bare pypdfium2 text extraction
TARGET_PLUMBER_BATCH = 1.0  # steady-state end to end / bare pdfplumber extract_text


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def one_letter(cmd: list[str], runs: int = 5) -> list[float]:
    """Wall seconds of `toezegging extract ONE_LETTER` in a fresh process, `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run([*cmd, "extract", str(ONE_LETTER)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"one letter failed: {proc.stderr.decode()[-500:]}")
    return times


def bare_pdfium(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    chars = 0
    try:
        for i in range(len(doc)):
            page = doc[i]
            text = page.get_textpage()
            chars += len(text.get_text_range())
            text.close()
            page.close()
    finally:
        doc.close()
    return chars


def bare_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def steady_state(paths: list[Path], reader: str, bare: Callable[[Path], int],
                 repeat: int) -> tuple[float, float]:
    """Seconds for bare extraction and for end to end (pipeline loaded) over all `paths`, best of
    `repeat` rounds, the two interleaved letter by letter so both see the same machine state."""
    from toezegging_cli.extract import extract_path
    from toezegging_cli.tag import load_pipeline

    nlp = load_pipeline()
    for path in paths[:20]:  # past the pipeline's first texts and every import
        extract_path(str(path), reader=reader, nlp=nlp)
        bare(path)
    rounds = []
    for _ in range(repeat):
        b = e = 0.0
        for path in paths:
            start = time.perf_counter()
            bare(path)
            b += time.perf_counter() - start
            start = time.perf_counter()
            extract_path(str(path), reader=reader, nlp=nlp)
            e += time.perf_counter() - start
        rounds.append((b, e))
    return min(r[0] for r in rounds), min(r[1] for r in rounds)


def run(paths: list[Path], folder: Path, pages: int, cmd: list[str], batch: Callable, out: Path,
        results: list[tuple[str, str]], repeat: int, workers: int = 2) -> None:
    """Print the scale figures; `folder` holds the batch's letters (`paths`, `pages` pages in all);
    `batch(folder, workers, reader, out, extra)` runs the CLI and returns (wall, cpu, lines)."""
    n = len(paths)
    log("one letter, fresh process")
    times = one_letter(cmd)
    median = statistics.median(times)
    print()
    print(f"One letter, fresh process: toezegging extract {ONE_LETTER.name}: median {median:.2f} s of "
          f"{len(times)} ({', '.join(f'{t:.2f}' for t in times)})")
    results.append((f"one letter, fresh process <= {TARGET_ONE} s", f"{median:.2f} s median of {len(times)} "
                    f"({'met' if median <= TARGET_ONE else 'NOT met'})"))

    print()
    print(f"Steady state, pipeline loaded, {n} letters / {pages} pages, in this process "
          f"(best of {repeat}):")
    rate = {}
    for reader, bare, target in (("pdfium", bare_pdfium, TARGET_PDFIUM_BATCH),
                                 ("pdfplumber", bare_pdfplumber, TARGET_PLUMBER_BATCH)):
        log(f"steady state, {reader}")
        b, e = steady_state(paths, reader, bare, repeat)
        ratio = e / b
        rate[reader] = (n / e, pages / e)
        print(f"  --reader {reader:10s}: bare extraction {b:6.2f} s, end to end {e:6.2f} s = {ratio:.2f}x; "
              f"per core {n / e:6.2f} letters/s, {pages / e:7.2f} pages/s")
        results.append((f"steady-state --reader {reader} <= {target}x bare extraction",
                        f"{ratio:.2f}x ({'met' if ratio <= target else 'NOT met'})"))

    print()
    print(f"Batch through the CLI on the same {n} letters (wall incl. start-up and pipeline load):")
    walls = {}
    for label, extra, w in (("local --workers 1", [], 1), (f"local --workers {workers}", [], workers),
                            (f"dask LocalCluster, {workers} workers", ["--engine", "dask"], workers)):
        log(f"batch: {label}")
        try:
            t, cpu, lines = batch(folder, w, "pdfium", out, extra)
        except SystemExit as exc:
            print(f"  {label:34s}: failed ({exc})")
            continue
        walls[label] = t
        print(f"  {label:34s}: {t:7.2f} s  {n / t:6.2f} letters/s  {pages / t:7.2f} pages/s  "
              f"(CPU {cpu:6.2f} s), {lines} records")
    local, dask = walls.get(f"local --workers {workers}"), walls.get(f"dask LocalCluster, {workers} workers")
    if local and dask:
        print(f"  dask / local workers, wall: {dask / local:.2f}x")
        results.append(("Dask vs local workers (same folder, same workers)",
                        f"{dask / local:.2f}x the wall time"))

    print()
    letters_s, pages_s = rate["pdfium"]
    print(f"Projection from the steady-state per-core rate with --reader pdfium ({letters_s:.2f} letters/s, "
          f"{pages_s:.1f} pages/s per core), for 10^5 letters and for 10^6 pages:")
    for cores in (2, 8, 16, 32, 64):
        h_letters = 1e5 / (letters_s * cores) / 3600
        h_pages = 1e6 / (pages_s * cores) / 3600
        print(f"  {cores:3d} cores: 10^5 letters {h_letters:6.2f} h, 10^6 pages {h_pages:6.2f} h")
