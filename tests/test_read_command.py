"""`toezegging text`: body on stdout (or --output), notes on request, JSON, errors as one stderr line."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from toezegging_cli.cli import app
from toezegging_cli.commands import run_text

LETTER = """Den Haag, 5 juni 2018

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de [b]coördinatie[/b] van het beleid1 en de planning.

1 Zie de eerdere brief over dit onderwerp.

De minister van Financiën,

W.B. Hoekstra
"""


def test_run_text_prints_body_plain(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert run_text(str(path)) == 0
    out = capsys.readouterr().out
    assert (
        out
        == "Met deze brief informeer ik uw Kamer over de [b]coördinatie[/b] van het beleid en de planning.\n"
    )


def test_run_text_notes_and_output_file(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    target = tmp_path / "uit.txt"
    assert run_text(str(path), notes=True, output=target) == 0
    assert capsys.readouterr().out == ""
    assert target.read_text(encoding="utf-8").endswith("\n\n[1] Zie de eerdere brief over dit onderwerp.\n")


def test_run_text_json(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    assert run_text(str(path), format="json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["letter"]["date"] == "2018-06-05"
    assert data["letter"]["signatories"] == [
        {"name": "W.B. Hoekstra", "role": "minister", "portfolio": "Financiën"}
    ]
    assert data["footnotes"] == [{"number": 1, "text": "Zie de eerdere brief over dit onderwerp.", "page": 1}]
    assert data["source"]["format"] == "txt" and data["page_starts"] == [0]


def test_run_text_error_is_one_line_and_exit_2(tmp_path, capsys):
    path = tmp_path / "brief.pdf"
    path.write_text("<html><body>nee</body></html>")
    assert run_text(str(path)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"toezegging: {path}: not a PDF (looks like HTML)\n"


def test_run_text_debug_shows_traceback(tmp_path, capsys):
    assert run_text(str(tmp_path / "weg.txt"), debug=True) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and err.endswith(f"toezegging: {tmp_path / 'weg.txt'}: no such file\n")


def test_cli_text_command(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(app, ["text", str(path), "--notes"])
    assert result.exit_code == 0
    assert "[1] Zie de eerdere brief" in result.stdout
    result = CliRunner().invoke(app, ["text", str(tmp_path / "nergens.pdf")])
    assert result.exit_code == 2
