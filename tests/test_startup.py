"""The command line starts instantly: help, version and usage errors import no heavy library.

Each case runs `python -X importtime -m toezegging_cli ...` in a fresh process and reads the list of
modules it imported from stderr.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "pdfplumber", "pdfminer", "pypdfium2", "pypdfium2_raw", "rich.markdown",
         "pygments")
_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|(\s*)(\S+)$")


def imported(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "toezegging_cli", *args],
                          capture_output=True, text=True, timeout=60, env=env)
    modules = {m.group(2) for line in proc.stderr.splitlines() if (m := _IMPORT_LINE.match(line))}
    assert "toezegging_cli.cli" in modules, "importtime output not understood"
    return proc, modules


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize(
    ("args", "code", "shows"),
    [
        (["--help"], 0, "extract"),
        (["--version"], 0, "toezegging "),
        (["extract", "--help"], 0, "--workers"),
        (["extract", "--no-such-option", "x.pdf"], 2, "No such option"),
        (["extract", "--workers", "nul", "x.pdf"], 2, "--workers"),
        (["no-such-command"], 2, "No such command"),
    ],
    ids=["help", "version", "extract-help", "bad-option", "bad-value", "bad-command"],
)
def test_no_heavy_imports(args, code, shows):
    proc, modules = imported(*args)
    assert proc.returncode == code, proc.stderr[-2000:]
    assert shows in proc.stdout + proc.stderr
    assert heavy(modules) == []


def test_importtime_sees_heavy_imports(tmp_path):
    """The check above can fail: reading a PDF letter does show its PDF library in the list."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "brief.pdf"))
    c.drawString(72, 780, "Met deze brief informeer ik uw Kamer over de voortgang van het programma.")
    c.showPage()
    c.save()
    proc, modules = imported("text", "--reader", "pdfium", str(tmp_path / "brief.pdf"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "voortgang van het programma" in proc.stdout
    assert "pypdfium2" in heavy(modules)
