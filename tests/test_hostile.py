"""File names and letter text are data, never markup or terminal control: hostile input prints literally.

The runner is driven with test_batch's fake engine (real reader, sentences with 'zal' as commitments)
so these checks hold whatever the pipeline finds; the last test repeats the main one through the
real CLI when the pipeline is there.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from test_batch import drive_cmd, letter_text, options
from toezegging_cli.batch import run_extract

# (a file name cannot hold "/", so no closing tags there)
MARKUP_NAMES = ["[bold]vet.txt", "[link=mailto:a@kwaad.example]klik.txt", "[red on white]x.txt"]
# A sentence with rich markup, a blink sequence and an OSC 8 hyperlink around ordinary words.
HOSTILE_SENTENCE = (
    "Ik zal uw Kamer [bold]voor de zomer[/bold] informeren over \x1b[5mhet[/link] plan "
    "\x1b]8;;https://kwaad.example\x1b\\hier\x1b]8;;\x1b\\ en [link=https://kwaad.example]daar[/link]."
)


def hostile_letter() -> str:
    return (
        "Den Haag, 5 juni 2018\n\nGeachte voorzitter,\n\n"
        "Met deze brief informeer ik uw Kamer over het beleid en de planning van het werk.\n"
        f"{HOSTILE_SENTENCE}\n\nDe minister van Financiën,\n\nW.B. Hoekstra\n"
    )


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """Letters with hostile names and text, as a short relative path (so the table need not fold it)."""
    monkeypatch.chdir(tmp_path)
    root = Path("brieven")
    root.mkdir()
    for name in MARKUP_NAMES:
        (root / name).write_text(letter_text(1), encoding="utf-8")
    (root / "vijandig.txt").write_text(hostile_letter(), encoding="utf-8")
    (root / "kwaad\x1b[31mrood.pdf").write_text("<html>geen pdf</html>")
    (root / "twee\nregels.pdf").write_bytes(b"")
    (root / "om\u202ekeer.pdf").write_bytes(b"")
    return root


def test_table_shows_names_and_text_literally(folder, capsys):
    assert run_extract([str(folder)], options(), format="table") == 1
    out, err = capsys.readouterr()
    for name in MARKUP_NAMES:
        assert name in out
    assert "[bold]voor de zomer[/bold]" in out and "[link=https://kwaad.example]daar[/link]" in out
    assert "\x1b" not in out and "\x1b" not in err


def test_error_lines_escape_control_characters(folder, capsys):
    run_extract([str(folder)], options(), format="jsonl")
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert f"toezegging: {folder}/kwaad\\x1b[31mrood.pdf: not a PDF (looks like HTML)" in lines
    assert f"toezegging: {folder}/twee\\nregels.pdf: empty file (0 bytes)" in lines
    assert f"toezegging: {folder}/om\\u202ekeer.pdf: empty file (0 bytes)" in lines
    assert len(lines) == 4  # three bad files and the summary, each on one line
    assert "\x1b" not in err and "\u202e" not in err


def test_json_lines_keep_the_data_exact_and_one_line_each(folder, capsys):
    run_extract([str(folder)], options(), format="jsonl")
    out = capsys.readouterr().out
    assert "\x1b" not in out  # JSON escapes it
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 7
    paths = {r["source"]["path"] for r in records}
    assert f"{folder}/twee\nregels.pdf" in paths and f"{folder}/kwaad\x1b[31mrood.pdf" in paths
    hostile = next(r for r in records if r["source"]["path"].endswith("vijandig.txt"))
    sentence = hostile["commitments"][0]["evidence"]["sentence"]
    assert "[bold]voor de zomer[/bold]" in sentence and "[link=https://kwaad.example]daar[/link]" in sentence


def _run_in_terminal(cmd: list[str], columns: int = 200) -> tuple[int, str]:
    """Run `cmd` with stdout and stderr on a pseudo-terminal; its exit code and all it printed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns)}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    end = time.monotonic() + 120
    while time.monotonic() < end:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other side closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(leader)
    return proc.wait(timeout=30), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_colours_are_ours_and_letter_sequences_are_not(folder):
    code, shown_text = _run_in_terminal(drive_cmd(paths=[str(folder)], format="table"))
    assert code == 1
    # our own colours (trigger words are highlighted) may sit between the words; the markup stays literal
    assert "[bold]voor de zomer[/bold]" in re.sub(r"\x1b\[[0-9;]*m", "", shown_text)
    for name in MARKUP_NAMES:
        assert name in shown_text
    assert "\x1b[5m" not in shown_text  # the letter's blink
    assert "\x1b]8;;https://kwaad.example" not in shown_text  # the letter's hyperlink
    assert "\x1b[31mrood" not in shown_text  # the file name's colour
    assert "kwaad\\x1b[31mrood.pdf: not a PDF" in shown_text


def test_real_cli_table_and_errors(folder):
    pytest.importorskip("toezegging_cli.tag", reason="the tagging stage (tag.py) is not there yet")
    done = subprocess.run(["toezegging", "extract", str(folder), "--format", "table"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    for name in MARKUP_NAMES:
        assert name in done.stdout
    assert "\x1b" not in done.stdout and "\x1b" not in done.stderr
    assert "Traceback" not in done.stderr
    assert f"toezegging: {folder}/kwaad\\x1b[31mrood.pdf: not a PDF (looks like HTML)" in done.stderr
