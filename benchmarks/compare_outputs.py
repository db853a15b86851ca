"""Before/after check of a speed change: `python benchmarks/compare_outputs.py REF [--keep DIR]`.

Runs `toezegging extract` with both readers over the development corpus (../shared/corpus/letters),
samples/, eval/letters and eval/links/docs (the register linker's letters), once with the code and
models of git commit REF and once with the work tree, and compares the JSON lines byte for byte.
Prints one line per folder and reader; exit code 1 when any differs. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDERS = {"corpus": REPO.parent / "shared" / "corpus" / "letters", "samples": REPO / "samples",
           "eval": REPO / "eval" / "letters", "links": REPO / "eval" / "links" / "docs"}


def export(ref: str, into: Path) -> Path:
    """The src/ and models/ of commit `ref`, unpacked into `into`; returns its src folder."""
    data = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src", "models"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run(src: Path, folder: Path, reader: str, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-m", "toezegging_cli", "extract", str(folder), "--reader", reader,
                    "--workers", "2", "--format", "jsonl", "-o", str(out)],
                   cwd=REPO, env=env, capture_output=True, check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", help="git commit to compare with (e.g. main)")
    parser.add_argument("--keep", type=Path, help="write the outputs here instead of a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        before_src = export(args.ref, work / "before-tree")
        differ = 0
        for name, folder in FOLDERS.items():
            if not folder.is_dir():
                print(f"{name}: not present at {folder}, skipped")
                continue
            for reader in ("pdfplumber", "pdfium"):
                a, b = work / f"{name}-{reader}.before.jsonl", work / f"{name}-{reader}.after.jsonl"
                run(before_src, folder, reader, a)
                run(REPO / "src", folder, reader, b)
                same = a.exists() and b.exists() and filecmp.cmp(a, b, shallow=False)
                lines = len(b.read_text(encoding="utf-8").splitlines()) if b.exists() else 0
                print(f"{name:8s} {reader:10s} {lines:4d} letters  {'identical' if same else 'DIFFERENT'}")
                differ += not same
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
