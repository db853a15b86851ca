"""Speed of debate transcripts (VLOS XML), run by hand: `python benchmarks/bench_debates.py [XML ...]`.

Target (issue 12): a transcript of 500 kB goes through (read + closing list + speech detector +
linking) in under 2 s on one core. The process is pinned to one CPU. Measured:

- every shared transcript (default: ../shared/debates beside the repo): size, turns, parse time,
  assemble time, total (best of --repeat);
- a transcript of about 500 kB built from the politie transcript by repeating the turns of its
  debate (the same speech over and over, so the closing list and the speech detector see a
  realistic mix), written to a temporary file and timed the same way;
- `toezegging extract FILE --format json` wall time on the largest file (interpreter start-up,
  worker process and all).

Table on stdout. Not collected by pytest (testpaths = tests).
"""

from __future__ import annotations

import argparse
import copy
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "debates"
TARGET_BYTES = 500_000
TARGET_SECONDS = 2.0
NS = "{http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0}"


def build_500k(seed: Path, out: Path, size: int = TARGET_BYTES) -> int:
    """Write a transcript of about `size` bytes: the seed's debate turns repeated; returns its size."""
    from lxml import etree

    root = etree.fromstring(seed.read_bytes())
    debate = max(root.iter(NS + "activiteithoofd"), key=lambda a: len(etree.tostring(a)))
    parts = list(debate.iter(NS + "activiteitdeel"))
    body = parts[:-1] if len(parts) > 1 else parts  # keep the closing list (the last part) at the end
    last = parts[-1]
    while len(etree.tostring(root)) < size:
        for part in body:
            last.addprevious(copy.deepcopy(part))
            if len(etree.tostring(root)) >= size:
                break
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    out.write_bytes(data)
    return len(data)


def time_one(path: Path, repeat: int) -> tuple[int, float, float, int]:
    """(turns, best parse seconds, best assemble seconds, commitments)."""
    from toezegging_cli.assemble.debate import report_for_transcript
    from toezegging_cli.assemble.debate.common import clear_caches
    from toezegging_cli.read.vlos import read_transcript

    best_parse = best_assemble = float("inf")
    turns = found = 0
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        transcript = read_transcript(str(path))
        t1 = time.perf_counter()
        report = report_for_transcript(transcript)
        t2 = time.perf_counter()
        best_parse, best_assemble = min(best_parse, t1 - t0), min(best_assemble, t2 - t1)
        turns, found = len(transcript.turns), len(report.commitments)
    return turns, best_parse, best_assemble, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    files = args.files or sorted(DEFAULT.glob("*.xml"))
    if not files:
        print(f"no transcripts (looked in {DEFAULT})", file=sys.stderr)
        return 2
    sys.path.insert(0, str(REPO / "src"))
    import toezegging_cli.assemble.debate  # noqa: F401  (import time kept out of the figures)

    with tempfile.TemporaryDirectory() as tmp:
        seed = next((f for f in files if "politie" in f.name), files[0])
        big = Path(tmp) / "synthetic-500k.vlos.xml"
        build_500k(seed, big)
        print(f"CPUs used: 1 (pinned); Python {sys.version.split()[0]}")
        print(f"{'transcript':58} {'kB':>6} {'turns':>6} {'parse s':>8} {'assemble s':>10} {'total s':>8} found")
        worst = 0.0
        for path in [*files, big]:
            turns, parse, assemble, found = time_one(path, args.repeat)
            kb = path.stat().st_size / 1000
            print(f"{path.name[:58]:58} {kb:6.0f} {turns:6} {parse:8.3f} {assemble:10.3f} "
                  f"{parse + assemble:8.3f} {found:5}")
            if path == big:
                worst = parse + assemble
        largest = max(files, key=lambda p: p.stat().st_size)
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "toezegging_cli", "extract", str(largest), "--format", "json"],
                       capture_output=True, env=env, check=False)
        wall = time.perf_counter() - t0
        print(f"`toezegging extract {largest.name} --format json` wall time: {wall:.2f} s")
        verdict = "met" if worst < TARGET_SECONDS else "NOT met"
        print(f"target: {big.stat().st_size / 1000:.0f} kB transcript in < {TARGET_SECONDS:g} s on one core: "
              f"{worst:.3f} s — {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
