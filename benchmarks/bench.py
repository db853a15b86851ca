"""Speed benchmark of toezegging, run by hand: `python benchmarks/bench.py [PDF ...]`.

On the same PDF letters (default: the development corpus, ../shared/corpus/letters beside the repo)
it measures, in one run so that every ratio compares figures taken on the same machine state:

- per letter: pages; bare pdfplumber `extract_text`; `read_letter` with the pdfplumber and the
  pdfium reader; tag + assemble; end to end (read + tag + assemble, pipeline loaded) with either
  reader, and end to end / bare pdfplumber; whether the pdfium reader gives the same body and
  commitments;
- `toezegging extract DIR -o out.jsonl` throughput with --workers 1 and 2 on a folder of copies;
- peak memory (largest RSS in the process tree) of a batch of 10 and of 200 letters;
- `toezegging --help` wall time;
- each reader's extraction of positioned words alone, and the layout cleaning both share;
- tag + assemble of all letters in one `nlp.pipe` stream against one call per letter (as a batch
  worker runs them, keeping the timeout per letter).

Timings are the best of --repeat runs, the readers' runs interleaved. The table goes to stdout,
progress to stderr. Not collected by pytest (testpaths = tests).
"""

from __future__ import annotations

import argparse
import difflib
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LETTERS = REPO.parent / "shared" / "corpus" / "letters"

# The targets.
TARGET_E2E = 1.2  # end-to-end / bare pdfplumber extract_text
TARGET_HELP = 0.3  # seconds
TARGET_WORKERS = 1.7  # letters/s with --workers 2 / with --workers 1
TARGET_MEMORY = 1.2  # peak RSS after 200 letters / after 10
TARGET_PDFIUM = 10.0  # pdfplumber read / pdfium read


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def machine() -> str:
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        model = platform.processor() or "?"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"machine: {cpus} CPUs ({model}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load}")


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


@dataclass
class Row:
    name: str
    pages: int = 0
    bare: list[float] = field(default_factory=list)
    read_plumber: list[float] = field(default_factory=list)
    read_pdfium: list[float] = field(default_factory=list)
    tag: list[float] = field(default_factory=list)
    e2e_plumber: list[float] = field(default_factory=list)
    e2e_pdfium: list[float] = field(default_factory=list)
    body_alike: float = 0.0
    same_commitments: bool = False

    def best(self, attr: str) -> float:
        return min(getattr(self, attr))


def bare_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def per_letter(paths: list[Path], repeat: int) -> list[Row]:
    from toezegging_cli.extract import extract_path, report_for
    from toezegging_cli.read import read_letter
    from toezegging_cli.tag import load_pipeline

    log("loading the pipeline")
    nlp = load_pipeline()
    for path in paths[:1]:  # warm up imports and caches outside the measurements
        bare_pdfplumber(path)
        extract_path(str(path), nlp=nlp)
        extract_path(str(path), reader="pdfium", nlp=nlp)
    rows = []
    for path in paths:
        log(f"timing {path.name}")
        row = Row(path.name)
        for _ in range(repeat):
            row.bare.append(timed(bare_pdfplumber, path)[0])
            t, plumber = timed(read_letter, str(path))
            row.read_plumber.append(t)
            t, pdfium = timed(read_letter, str(path), reader="pdfium")
            row.read_pdfium.append(t)
            t, report = timed(report_for, plumber, nlp)
            row.tag.append(t)
            row.e2e_plumber.append(timed(extract_path, str(path), nlp=nlp)[0])
            row.e2e_pdfium.append(timed(extract_path, str(path), reader="pdfium", nlp=nlp)[0])
        row.pages = plumber.source.pages
        row.body_alike = (1.0 if plumber.body == pdfium.body else
                          difflib.SequenceMatcher(None, plumber.body, pdfium.body, autojunk=False).ratio())

        def key(rep):
            return [(c.kind, c.status, c.evidence.sentence) for c in rep.commitments]

        row.same_commitments = key(report) == key(report_for(pdfium, nlp))
        rows.append(row)
    return rows


def extraction_only(paths: list[Path], repeat: int) -> tuple[float, float, float]:
    """Seconds (best of `repeat`, summed over the letters) of each reader's own extraction of
    positioned words, and of the layout cleaning both readers share (run on pdfium's words)."""
    from toezegging_cli import clean
    from toezegging_cli.read import pdf as read_pdf
    from toezegging_cli.read import pdfium as read_pdfium

    plumber = pdfium = shared = 0.0
    for path in paths:
        data = path.read_bytes()
        plumber += min(timed(read_pdf.extract_pages, data, str(path))[0] for _ in range(repeat))
        times = [timed(read_pdfium.extract_pages, data, str(path)) for _ in range(repeat)]
        pdfium += min(t for t, _ in times)
        pages = times[0][1]
        shared += min(timed(clean.clean_pdf, pages)[0] for _ in range(repeat))
    return plumber, pdfium, shared


def stream_vs_single(paths: list[Path], repeat: int, copies_each: int = 4) -> tuple[int, float, float]:
    """Tag + assemble the letters (each `copies_each` times) in one `nlp.pipe` stream, and one letter
    per call as a batch worker does; returns (letters, best stream seconds, best single seconds)."""
    from toezegging_cli.extract import reports_for
    from toezegging_cli.read import read_letter
    from toezegging_cli.tag import load_pipeline

    nlp = load_pipeline()
    letters = [read_letter(str(p)) for p in paths] * copies_each
    stream, single = [], []
    for _ in range(repeat):
        stream.append(timed(lambda: list(reports_for(letters, nlp)))[0])
        single.append(timed(lambda: [next(reports_for([x], nlp)) for x in letters])[0])
    return len(letters), min(stream), min(single)


COLUMNS = [("letter", 34), ("pages", 5), ("bare", 7), ("read", 7), ("pdfium", 7), ("speedup", 7),
           ("tag+asm", 7), ("e2e", 7), ("e2e/bare", 8), ("e2e-pdfium", 10), ("/bare", 6), ("body=", 7),
           ("same", 5)]


def line(cells: list[str]) -> str:
    widths = [w for _, w in COLUMNS]
    return " ".join(c.ljust(w) if k == 0 else c.rjust(w)
                    for k, (c, w) in enumerate(zip(cells, widths, strict=True)))


def print_letters(rows: list[Row]) -> dict[str, float]:
    """The per-letter table and its total row; returns the totals."""
    keys = ("bare", "read_plumber", "read_pdfium", "tag", "e2e_plumber", "e2e_pdfium")

    def cells(name: str, pages: int, b: dict[str, float]) -> list[str]:
        return [name[:34], str(pages), *(f"{b[k]:.3f}" for k in keys[:3]),
                f"{b['read_plumber'] / b['read_pdfium']:.1f}x", f"{b['tag']:.3f}", f"{b['e2e_plumber']:.3f}",
                f"{b['e2e_plumber'] / b['bare']:.2f}x", f"{b['e2e_pdfium']:.3f}",
                f"{b['e2e_pdfium'] / b['bare']:.2f}x"]

    print("Per letter (seconds, best of the repeats; bare = pdfplumber extract_text; read = read_letter with"
          " the pdfplumber reader; pdfium = read_letter --reader pdfium; tag+asm = tag and assemble;"
          " e2e = read+tag+assemble, pipeline loaded; body= share of equal body characters, same ="
          " same commitments, pdfium vs pdfplumber reader):")
    head = line([name for name, _ in COLUMNS])
    print(head)
    print("-" * len(head))
    total = dict.fromkeys(keys, 0.0)
    pages = 0
    for r in rows:
        b = {k: r.best(k) for k in keys}
        for k, v in b.items():
            total[k] += v
        pages += r.pages
        same = "yes" if r.same_commitments else "NO"
        print(line([*cells(r.name, r.pages, b), f"{r.body_alike:.4f}", same]))
    print("-" * len(head))
    print(line([*cells("total", pages, total), "", ""]))
    return {**total, "pages": pages}


def toezegging_cmd() -> list[str]:
    script = shutil.which("toezegging")
    return [script] if script else [sys.executable, "-m", "toezegging_cli"]


def help_time(runs: int) -> float:
    cmd = [*toezegging_cmd(), "--help"]
    times = []
    for _ in range(runs):
        t, proc = timed(subprocess.run, cmd, capture_output=True)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
        times.append(t)
    return statistics.median(times)


def copies(paths: list[Path], folder: Path, n: int) -> int:
    """`n` letters in `folder`: the given ones cycled, named so that each round lists every letter."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        src = paths[k % len(paths)]
        os.symlink(src.resolve(), folder / f"c{k // len(paths):04d}-{src.name}")
    return n


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch(folder: Path, workers: int, reader: str, out: Path,
          extra: list[str] | tuple[str, ...] = ()) -> tuple[float, float, int]:
    """Wall time, CPU time of the whole process tree, and lines written by one batch run."""
    cmd = [*toezegging_cmd(), "extract", str(folder), "-o", str(out), "--workers", str(workers),
           "--reader", reader, *extra]
    cpu = children_cpu()
    t, proc = timed(subprocess.run, cmd, capture_output=True)
    cpu = children_cpu() - cpu
    lines = out.read_text(encoding="utf-8").count("\n") if out.exists() else 0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return t, cpu, lines


_PEAK_CHILD = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
sys.stderr.write(proc.stderr[-1000:])
print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss(folder: Path, reader: str, out: Path) -> float:
    """Largest RSS (MiB) of any process of `toezegging extract folder --workers 1`, measured in a
    fresh process that runs only that command (Linux counts waited-for descendants in its
    RUSAGE_CHILDREN maximum)."""
    cmd = [*toezegging_cmd(), "extract", str(folder), "-o", str(out), "--workers", "1", "--reader", reader]
    proc = subprocess.run([sys.executable, "-c", _PEAK_CHILD, *cmd], capture_output=True, text=True,
                          check=True)
    code, kib = proc.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({code}): {proc.stderr}")
    return int(kib) / 1024


def mark(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path, help=f"PDF letters (default: {DEFAULT_LETTERS}/*.pdf)")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per letter (best is kept)")
    ap.add_argument("--batch-seconds", type=float, default=20.0,
                    help="rough length of the --workers 1 batch run; sets the number of copies")
    ap.add_argument("--memory", default="10,200", help="batch sizes for the peak-memory runs")
    ap.add_argument("--reader", default="pdfplumber", choices=["pdfplumber", "pdfium"],
                    help="reader of the batch and memory runs")
    ap.add_argument("--help-runs", type=int, default=9)
    ap.add_argument("--skip-batch", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-scale", action="store_true",
                    help="skip one-letter latency, steady state vs bare extraction, Dask, projection")
    ap.add_argument("--scale-letters", type=int, default=30, help="letters (copies) of the scale runs")
    args = ap.parse_args()

    paths = args.pdfs or sorted(DEFAULT_LETTERS.glob("*.pdf"))
    if not paths:
        ap.error(f"no PDF letters given and none in {DEFAULT_LETTERS}")
    for p in paths:
        if not p.is_file() or p.suffix.lower() != ".pdf":
            ap.error(f"not a PDF file: {p}")

    print(machine())
    print()
    rows = per_letter(paths, args.repeat)
    total = print_letters(rows)
    results: list[tuple[str, str]] = []
    e2e = total["e2e_plumber"] / total["bare"]
    e2e_pdfium = total["e2e_pdfium"] / total["bare"]
    results.append((f"end-to-end / bare pdfplumber <= {TARGET_E2E}",
                    f"{e2e:.2f}x with the pdfplumber reader ({mark(e2e <= TARGET_E2E)}), "
                    f"{e2e_pdfium:.2f}x with --reader pdfium ({mark(e2e_pdfium <= TARGET_E2E)})"))
    speedups = [r.best("read_plumber") / r.best("read_pdfium") for r in rows]
    same = all(r.body_alike >= 0.99 and r.same_commitments for r in rows)
    overall = total["read_plumber"] / total["read_pdfium"]
    results.append((f"pdfium reader >= {TARGET_PDFIUM:.0f}x faster, >= 99% body, same commitments",
                    f"{min(speedups):.1f}x on the slowest letter, {overall:.1f}x "
                    f"in total; bodies >= {min(r.body_alike for r in rows):.4f} alike, commitments "
                    f"{'the same' if all(r.same_commitments for r in rows) else 'DIFFER'} "
                    f"({mark(min(speedups) >= TARGET_PDFIUM and same)})"))

    log("timing the readers' extraction alone")
    ex_plumber, ex_pdfium, ex_shared = extraction_only(paths, args.repeat)
    print()
    print(f"Extraction of positioned words alone: pdfplumber {ex_plumber:.3f} s, pdfium {ex_pdfium:.3f} s "
          f"({ex_plumber / ex_pdfium:.1f}x); the layout cleaning both readers then share: {ex_shared:.3f} s")

    log("timing one nlp.pipe stream against one call per letter")
    n_stream, stream_s, single_s = stream_vs_single(paths, args.repeat)
    print()
    print(f"Tag + assemble of {n_stream} letters: one nlp.pipe stream {stream_s:.3f} s, one call per "
          f"letter {single_s:.3f} s (stream {single_s / stream_s:.2f}x as fast)")

    log("timing --help")
    help_s = help_time(args.help_runs)
    results.append((f"toezegging --help < {TARGET_HELP} s", f"{help_s:.3f} s median of {args.help_runs} "
                    f"({mark(help_s < TARGET_HELP)})"))

    with tempfile.TemporaryDirectory(prefix="toezegging-bench-") as tmp:
        tmpdir = Path(tmp)
        if not args.skip_batch:
            per_round = total["e2e_plumber" if args.reader == "pdfplumber" else "e2e_pdfium"]
            rounds = max(2, round(args.batch_seconds / max(per_round, 0.01)))
            n = copies(paths, tmpdir / "batch", rounds * len(paths))
            pages = rounds * int(total["pages"])
            print()
            print(f"Batch: toezegging extract DIR -o out.jsonl --reader {args.reader}, {n} letters "
                  f"({rounds} copies of each), {pages} pages, wall time incl. start and pipeline load:")
            speed = {}
            for workers in (1, 2):
                log(f"batch with --workers {workers}")
                t, cpu, lines = batch(tmpdir / "batch", workers, args.reader, tmpdir / f"out{workers}.jsonl")
                if lines != n:
                    raise SystemExit(f"--workers {workers}: {lines} lines written for {n} letters")
                speed[workers] = n / t
                print(f"  --workers {workers}: {t:7.2f} s  {n / t:6.2f} letters/s  {pages / t:7.2f} pages/s"
                      f"  (CPU {cpu:6.2f} s: {cpu / t:.2f} cores busy on average)")
            ratio = speed[2] / speed[1]
            print(f"  ratio --workers 2 / --workers 1: {ratio:.2f}x")
            results.append((f"--workers 2 >= {TARGET_WORKERS}x letters/s of --workers 1",
                            f"{ratio:.2f}x ({mark(ratio >= TARGET_WORKERS)})"))
        if not args.skip_memory:
            sizes = [int(x) for x in args.memory.split(",")]
            print()
            print(f"Peak memory: largest RSS of any process of toezegging extract DIR --workers 1 "
                  f"--reader {args.reader} (fresh process tree per run):")
            peaks = {}
            for size in sizes:
                log(f"memory run of {size} letters")
                copies(paths, tmpdir / f"mem{size}", size)
                peaks[size] = peak_rss(tmpdir / f"mem{size}", args.reader, tmpdir / f"mem{size}.jsonl")
                print(f"  {size:5d} letters: {peaks[size]:8.1f} MiB")
            if len(sizes) >= 2:
                growth = peaks[sizes[-1]] / peaks[sizes[0]]
                print(f"  ratio {sizes[-1]} / {sizes[0]} letters: {growth:.3f}")
                results.append((f"peak memory after {sizes[-1]} letters within 20% of after {sizes[0]}",
                                f"{growth:.3f}x ({mark(growth <= TARGET_MEMORY)})"))

        if not args.skip_scale:
            import bench_scale

            k = max(1, -(-args.scale_letters // len(paths)))
            copies(paths, tmpdir / "scale", k * len(paths))
            scale_paths = sorted((tmpdir / "scale").iterdir())
            bench_scale.run(scale_paths, tmpdir / "scale", k * int(total["pages"]), toezegging_cmd(), batch,
                            tmpdir / "scale.jsonl", results, args.repeat)

    print()
    print("Targets:")
    for target, got in results:
        print(f"  {target}: {got}")
    print(machine().replace("machine:", "machine at the end:"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
