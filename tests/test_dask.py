"""`toezegging extract DIR --engine dask`: a LocalCluster gives the same records as local workers,
bad letters become error records, a letter over --timeout is recorded and the batch goes on, and
without Dask the option says how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from test_batch import jsonl, letter_text, make_folder, options
from toezegging_cli.batch import run_extract

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "letters"

pytest.importorskip("distributed", reason="Dask is an optional extra: pip install '.[dask]'")


def test_local_cluster_equals_one_local_worker_on_the_corpus(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip(f"development corpus not present at {CORPUS}")
    env_src = str(REPO / "src")
    runs = {}
    for name, extra in (("local", ["--workers", "1"]), ("dask", ["--engine", "dask", "--workers", "2"])):
        out = tmp_path / f"{name}.jsonl"
        done = subprocess.run([sys.executable, "-m", "toezegging_cli", "extract", str(CORPUS), "-o", str(out),
                               *extra], capture_output=True, text=True, timeout=600,
                              env={**_env(), "PYTHONPATH": env_src})
        assert done.returncode == 0, done.stderr
        runs[name] = out.read_text(encoding="utf-8").splitlines()
    assert len(runs["local"]) == len(list(p for p in CORPUS.iterdir() if p.suffix in {".pdf", ".txt"}))
    # Dask writes records as they complete; the records themselves are the same.
    assert sorted(runs["dask"]) == sorted(runs["local"])


def test_errors_and_timeout_on_dask(tmp_path, capsys):
    folder = make_folder(tmp_path / "in", 3, **{"kapot.txt": letter_text(9, "KAPOT"),
                                                "traag.txt": letter_text(8, "TRAAG"),
                                                "leeg.pdf": ""})
    out = tmp_path / "out.jsonl"
    opts = options(timeout=5, dask=True)
    assert run_extract([str(folder)], opts, output=out, workers=2) == 3  # 3: an internal error
    records = {}
    for r in jsonl(out.read_text(encoding="utf-8")):
        source = r["source"]["path"] if isinstance(r["source"], dict) else r["source"]
        records[Path(source).name] = r
    assert sorted(records) == ["b1.txt", "b2.txt", "b3.txt", "kapot.txt", "leeg.pdf", "traag.txt"]
    assert all(records[f"b{i}.txt"]["commitments"] for i in (1, 2, 3))
    assert records["kapot.txt"]["error"] == "internal error: ValueError: onverwacht"
    assert records["traag.txt"]["error"] == "timed out after 5 s"
    assert "error" in records["leeg.pdf"]


def test_resume_on_dask_skips_done_letters(tmp_path):
    folder = make_folder(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    first = [str(folder / "b1.txt"), str(folder / "b2.txt")]
    assert run_extract(first, options(dask=True), output=out, workers=1) == 0
    assert run_extract([str(folder)], options(dask=True), output=out, workers=1, resume=True) == 0
    names = sorted(Path(r["source"]["path"]).name for r in jsonl(out.read_text(encoding="utf-8")))
    assert names == ["b1.txt", "b2.txt", "b3.txt", "b4.txt"]


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def test_without_dask_the_option_says_how_to_install(tmp_path):
    folder = make_folder(tmp_path / "in", 1)
    code = ("import sys; sys.modules['distributed'] = None; "
            "from toezegging_cli.cli import main; sys.argv = ['toezegging', 'extract', sys.argv[1], "
            "'--engine', 'dask']; main()")
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True,
                          timeout=120, env={**_env(), "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == ("toezegging: --engine dask needs Dask distributed: "
                                   "pip install 'toezegging[dask]'")
