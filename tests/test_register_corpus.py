"""The register on real letters: `track list --overdue` agrees with the extract JSON of the same
letters, and `track add` killed with SIGKILL halfway loses and duplicates nothing when rerun."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_register import REPO, cli

ON = "2025-09-01"


def test_overdue_list_equals_extract_json(corpus_dir: Path, tmp_path: Path):
    letters = corpus_dir / "letters"
    out = tmp_path / "extract.jsonl"
    assert cli("extract", str(letters), "-o", str(out)).returncode == 0
    expected = set()
    for line in out.read_text().splitlines():
        record = json.loads(line)
        for c in record["commitments"]:
            end = (c["deadline"] or {}).get("end")
            if c["status"] != "fulfilled" and end and end < ON:
                expected.add((record["source"]["path"], c["evidence"]["sentence"]))
    db = tmp_path / "r.sqlite"
    assert cli("track", "add", str(letters), "--db", str(db)).returncode == 0
    # the corpus letters come from unrelated dossiers: no commitment is folded into another by a link
    assert sqlite3.connect(db).execute("SELECT count(*) FROM links WHERE accepted = 1").fetchone()[0] == 0
    listed = cli("track", "list", "--db", str(db), "--overdue", "--on", ON, "--format", "json")
    assert listed.returncode == 0
    got = {(it["document"]["path"], it["evidence"]["sentence"]) for it in json.loads(listed.stdout)}
    assert got == expected and len(expected) >= 3


def _generate(corpus_letters: Path, folder: Path, count: int) -> list[Path]:
    """`count` distinct small letters made of real letters' lines: a letter's header and closing
    around a deterministic choice of body paragraphs from it and from one other letter."""
    bases = []
    for path in sorted(corpus_letters.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        head = next((i for i, ln in enumerate(lines) if ln.startswith("Den Haag,")), None)
        if head is None or len(lines) - head < 3:
            continue
        bases.append((lines[: head + 1], lines[head + 1 : -1], lines[-1]))
    rng = random.Random(13)
    seen, made = set(), []
    while len(made) < count:
        header, body, closing = rng.choice(bases)
        _, other, _ = rng.choice(bases)
        picked = sorted(rng.sample(range(len(body)), rng.randint(1, len(body))))
        extra = rng.choice(other)
        text = "\n\n".join([*header, *(body[i] for i in picked), extra, closing]) + "\n"
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        path = folder / f"brief-{len(made):04d}.txt"
        path.write_text(text, encoding="utf-8")
        made.append(path)
    return made


def _snapshot(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    return sorted(
        con.execute(
            "SELECT d.sha256, c.seq, c.kind, c.status, c.evidence_sentence, c.deadline_end FROM documents d"
            " LEFT JOIN commitments c ON c.document_id = d.id"
        ).fetchall(),
        key=repr,
    )


def test_add_killed_halfway_and_rerun_loses_nothing(corpus_dir: Path, tmp_path: Path):
    folder = tmp_path / "brieven"
    folder.mkdir()
    files = _generate(corpus_dir / "letters", folder, 1000)
    db = tmp_path / "killed.sqlite"
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "toezegging_cli", "track", "add", str(folder), "--db", str(db)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    done = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                done = sqlite3.connect(db, timeout=5).execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if done >= 300:
                break
    assert proc.poll() is None, "track add finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    partial = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 300 <= partial < len(files)
    con.close()

    rerun = cli("track", "add", str(folder), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(files) - partial} added, {partial} already there, 0 failed" in rerun.stderr

    whole = tmp_path / "whole.sqlite"
    assert cli("track", "add", str(folder), "--db", str(whole)).returncode == 0
    con = sqlite3.connect(db)
    assert (
        con.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone() == (len(files),) * 2
    )
    assert _snapshot(db) == _snapshot(whole)
