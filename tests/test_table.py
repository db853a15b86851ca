"""The terminal report a clerk reads: Dutch or English, 80 or 120 columns, in the order that matters."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from toezegging_cli.batch import Sink
from toezegging_cli.commands import entities_table
from toezegging_cli.model import (
    Commitment,
    Deadline,
    Debate,
    Evidence,
    LetterMeta,
    Meeting,
    Member,
    Person,
    Report,
    Said,
    Signatory,
    Source,
)
from toezegging_cli.render import ics_text, render_table
from toezegging_cli.render.i18n import resolve_lang
from toezegging_cli.render.table import HIGHLIGHT, evidence_text, summary_line

REPO = Path(__file__).resolve().parents[1]
SIGNER = Person("Mark Harbers", "minister")


def _c(kind, status, sentence, end=None, start=100, text="", **kw) -> Commitment:
    deadline = Deadline(text or f"uiterlijk {end}", None, end, "day") if end else None
    return Commitment(kind=kind, status=status, subject=None, debate=kw.pop("debate", None),
                      members=kw.pop("members", []), made_by=kw.pop("made_by", SIGNER), deadline=deadline,
                      evidence=Evidence(kw.pop("page", 1), start, start + len(sentence), sentence),
                      confidence=0.9, **kw)


def letter_report() -> Report:
    """Two earlier commitments (postponed one first in the letter) and three new ones, out of
    deadline order, like the issue's example."""
    commitments = [
        _c("new", "open", "Ik zal uw Kamer voor het einde van het jaar informeren over de pilot.",
           "2023-12-31", 10, "voor het einde van het jaar"),
        _c("earlier", "postponed", "Zoals toegezegd aan het lid Kröger zou ik u in het voorjaar informeren; "
           "dat vergt meer tijd dan voorzien.", "2023-09-30", 200, "in het derde kwartaal van 2023",
           debate=Debate("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16"),
           members=[Member("Kröger", "GroenLinks", "letter")], page=2),
        _c("new", "open", "Ik stuur uw Kamer de evaluatie voor de zomer.", "2023-06-30", 300, "voor de zomer",
           page=3),
        _c("earlier", "fulfilled", "Met deze brief geef ik invulling aan de toezegging aan het lid Boswijk.",
           None, 400, members=[Member("Boswijk", "CDA", "members-table")], page=3),
        _c("new", "open", "Ik zal uw Kamer nader informeren.", None, 500, page=4),
    ]
    meta = LetterMeta(date="2023-05-10", subject="Emissies door de luchtvaart", reference="IENW/BSK-2023/1",
                      kamerstuk="31 936, nr. 1000", ministry="Infrastructuur en Waterstaat",
                      signatories=[Signatory("Mark Harbers", "minister")])
    return Report(source=Source("brieven/luchtvaart.pdf", "b" * 64, 4, "pdf"), letter=meta,
                  commitments=commitments)


def debate_report() -> Report:
    made = [
        _c("made", "open", "Ik kom daar voor de zomer schriftelijk op terug.", "2024-07-04", 50,
           "voor de zomer",
           made_by=Person("Madlener", "minister", "Infrastructuur en Waterstaat"), origin="list",
           members=[Member("Vedder", "CDA", "letter")],
           said=Said("Minister Madlener", "14.32", "Ik kom daar voor de zomer schriftelijk op terug.")),
        _c("made", "open", "Ik stuur u de brief over de A69 binnen twee weken.", "2024-03-01", 90,
           made_by=Person("Madlener", "minister"), origin="speech",
           said=Said("Minister Madlener", "15.02", "Ik stuur u de brief over de A69 binnen twee weken.")),
    ]
    return Report(source=Source("debat.xml", "c" * 64, 0, "vlos", "debate"), letter=LetterMeta(),
                  commitments=made, meeting=Meeting("Commissiedebat MIRT", "2024-02-15", "commissiedebat",
                                                    "Infrastructuur en Waterstaat"))


def flatten(out: str) -> str:
    """The text as a reader reads it: wrapped lines joined, frame characters left out."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", out).split())


def render(report: Report, width: int, lang: str, explain: bool = False) -> str:
    buf = io.StringIO()
    render_table([report], Console(file=buf, width=width, legacy_windows=False), lang=lang, explain=explain)
    return buf.getvalue()


def test_summary_line_counts_statuses_and_first_terms():
    report = letter_report()
    assert summary_line(report, "nl") == ("2 eerdere toezeggingen: 1 voldaan, 1 uitgesteld tot 30-09-2023 · "
                                          "3 nieuwe, eerste termijn 30-06-2023")
    assert summary_line(report, "en") == ("2 earlier commitments: 1 fulfilled, 1 postponed to 2023-09-30 · "
                                          "3 new, first deadline 2023-06-30")
    report.commitments = report.commitments[:2]
    assert summary_line(report, "nl") == ("1 eerdere toezegging: 1 uitgesteld tot 30-09-2023 · 1 nieuwe, "
                                          "eerste termijn 31-12-2023")
    report.commitments = []
    assert summary_line(report, "nl") == "geen toezeggingen"


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_table_order_words_and_width(width, lang):
    out = render(letter_report(), width, lang)
    assert max(len(line) for line in out.splitlines()) <= width
    flat = flatten(out)
    assert summary_line(letter_report(), lang) in flat
    # groups: fulfilled, postponed, new; new ones by deadline, the undated one last
    sentences = ["Met deze brief geef ik invulling", "Zoals toegezegd aan het lid Kröger",
                 "Ik stuur uw Kamer de evaluatie", "voor het einde van het jaar informeren over de pilot",
                 "Ik zal uw Kamer nader informeren"]
    places = [flat.index(s) for s in sentences]
    assert places == sorted(places)
    words = {"nl": ("Voldaan (1)", "Uitgesteld (1)", "Nieuw (3)", "Eerdere toezegging",
                    "Kamerlid (Fractie)", "Activiteit", "Termijn", "tot 30 september 2023 (2023-09-30)",
                    "16 juni 2022 (2022-06-16)",
                    "Datum: 10 mei 2023 (2023-05-10)", "4 pagina's", "p. 2"),
             "en": ("Fulfilled (1)", "Postponed (1)", "New (3)", "Earlier commitment", "MP (Party)", "Debate",
                    "Deadline", "until 30 September 2023 (2023-09-30)", "16 June 2022 (2022-06-16)",
                    "Date: 10 May 2023 (2023-05-10)", "4 pages", "p. 2")}[lang]
    for word in words:
        assert word in flat, word
    assert flat.index(words[0]) < flat.index(words[1]) < flat.index(words[2])
    assert "Kröger (GroenLinks)" in flat and "Commissiedebat Verduurzaming luchtvaart" in flat


def test_partly_fulfilled_sits_between_fulfilled_and_postponed():
    report = letter_report()
    report.commitments.append(_c("earlier", "partly_fulfilled", "Een eerste stand van zaken volgt hier.",
                                 None, 600))
    flat = flatten(render(report, 80, "nl"))
    assert flat.index("Voldaan (1)") < flat.index("Deels voldaan (1)") < flat.index("Uitgesteld (1)")


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_debate_report_shows_the_meeting_and_who_made_each_commitment(width, lang):
    out = render(debate_report(), width, lang)
    assert max(len(line) for line in out.splitlines()) <= width
    flat = flatten(out)
    assert "Commissiedebat MIRT" in flat
    assert ("Vergadering" if lang == "nl" else "Meeting") in flat
    assert ("Gemaakt in debat (2)" if lang == "nl" else "Made in debate (2)") in flat
    assert ("Bewindspersoon" if lang == "nl" else "Minister") in flat
    assert "Madlener (minister, Infrastructuur en Waterstaat)" in flat
    assert "Minister Madlener 15.02" in flat
    assert ("toezeggingenlijst van de voorzitter" if lang == "nl" else "the chair's list") in flat
    assert flat.index("brief over de A69") < flat.index("voor de zomer schriftelijk")  # by deadline
    assert summary_line(debate_report(), "nl") == "2 toezeggingen gemaakt in debat, eerste termijn 01-03-2024"
    assert "Ministerie" not in flat and "Ondertekend" not in flat and "p. 1" not in flat


def test_trigger_words_are_highlighted_in_the_evidence():
    c = letter_report().commitments[1]
    text = evidence_text(c)
    marked = [text.plain[s.start:s.end] for s in text.spans if s.style == HIGHLIGHT]
    assert "toegezegd" in marked
    buf = io.StringIO()
    render_table([letter_report()], Console(file=buf, width=80, force_terminal=True, color_system="standard"),
                 lang="nl")
    assert re.search(r"\x1b\[[\d;]*33mtoegezegd\x1b", buf.getvalue())  # yellow on a terminal


def test_folder_rows_one_line_of_summary_per_letter():
    for lang, width in (("nl", 80), ("en", 120)):
        sink = Sink("table", array=True, width=width, lang=lang, rows=True)
        out = sink.start() + sink.item(letter_report()) + sink.item(debate_report()) + sink.error(
            "kapot.pdf", "not a PDF") + sink.end()
        assert max(len(line) for line in out.splitlines()) <= width
        flat = flatten(out)
        assert flat.startswith("Brief Datum Samenvatting" if lang == "nl" else "Letter Date Summary")
        assert summary_line(letter_report(), lang) in flat
        assert ("10-05-2023" if lang == "nl" else "2023-05-10") in flat
        assert ("fout: not a PDF" if lang == "nl" else "error: not a PDF") in flat
        assert "Zoals toegezegd" not in flat  # rows only, no sentences


@pytest.mark.parametrize(("env", "lang"), [
    ({}, "nl"), ({"LANG": "C.UTF-8"}, "nl"), ({"LANG": "nl_NL.UTF-8"}, "nl"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"), ({"LANG": "nl_BE.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "nl_NL"}, "nl"), ({"LC_ALL": "POSIX", "LANG": "en_US"}, "nl"),
])
def test_default_language_rule(env, lang):
    assert resolve_lang(None, env) == lang
    assert resolve_lang("en", env) == "en"


def test_ics_summaries_follow_the_language():
    nl, en = ics_text([letter_report()]), ics_text([letter_report()], "en")
    assert "SUMMARY:Toezegging: " in nl and "Termijn: " in nl and "Status: Uitgesteld" in nl
    assert "SUMMARY:Commitment: " in en and "Deadline: " in en and "Status: Postponed" in en
    assert "Termijn" not in en


def test_tag_table_column_names_follow_the_language():
    assert re.search(r"soort.*tekst.*waarde.*pagina", entities_table([], lang="nl"))
    assert re.search(r"label.*text.*value.*page", entities_table([], lang="en"))


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "toezegging_cli", *args], capture_output=True, text=True,
                          timeout=300, env={**base, "COLUMNS": "80", **env}, cwd=REPO)


@pytest.mark.parametrize(("env", "args", "expect", "absent"), [
    ({"LANG": "en_GB.UTF-8"}, [], "Fulfilled (1)", "Voldaan"),
    ({"LANG": "nl_NL.UTF-8"}, [], "Voldaan (1)", "Fulfilled"),
    ({"LANG": "en_GB.UTF-8"}, ["--lang", "nl"], "Voldaan (1)", "Fulfilled"),
])
def test_extract_table_language_from_locale_and_option(env, args, expect, absent):
    sample = "samples/water-voortgang-toezeggingen-2024.pdf"
    proc = _cli("extract", sample, "--format", "table", "--reader", "pdfium", *args, env=env)
    assert proc.returncode == 0, proc.stderr
    assert expect in proc.stdout and absent not in proc.stdout
    assert max(len(line) for line in proc.stdout.splitlines()) <= 100  # not a terminal: the batch width


def test_extract_json_is_the_same_in_both_languages():
    sample = "samples/water-voortgang-toezeggingen-2024.pdf"
    nl = _cli("extract", sample, "--format", "json", "--reader", "pdfium", env={"LANG": "nl_NL.UTF-8"})
    en = _cli("extract", sample, "--format", "json", "--reader", "pdfium", "--lang", "en", env={})
    assert nl.returncode == en.returncode == 0
    assert nl.stdout == en.stdout and '"status": "postponed"' in nl.stdout


def test_error_lines_keep_their_one_line_form_in_both_languages(tmp_path):
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"no pdf at all")
    for lang in ("nl", "en"):
        proc = _cli("extract", str(bad), "--lang", lang, env={})
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert re.fullmatch(rf"toezegging: {re.escape(str(bad))}: .+\n", proc.stderr)


def test_version_names_model_build_date_and_data_hashes():
    proc = _cli("--version", env={})
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert re.fullmatch(r"toezegging \d+\.\d+\.\d+", lines[0])
    assert re.search(r"model toezegging_nl \S+, built \d{4}-\d{2}-\d{2}", proc.stdout)
    import hashlib

    triggers = (REPO / "src/toezegging_cli/data/commitment_triggers.toml").read_bytes()
    assert f"commitment_triggers.toml {hashlib.sha256(triggers).hexdigest()[:12]}" in proc.stdout


def test_shell_completion_completes_commands_and_options():
    complete = {"_TOEZEGGING_COMPLETE": "complete_bash", "COMP_WORDS": "toezegging ext", "COMP_CWORD": "1"}
    code = "import sys; from toezegging_cli.cli import app; app(prog_name='toezegging')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **complete}, cwd=REPO)
    assert run.stdout.split() == ["extract"]
    complete.update(COMP_WORDS="toezegging extract brief.pdf --la", COMP_CWORD="3")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, **complete}, cwd=REPO)
    assert run.stdout.split() == ["--lang"]
    # the shell named, not detected from the process tree (which differs between a terminal and CI)
    script = _cli("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "_TOEZEGGING_COMPLETE=complete_bash" in script.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(("lang", "header", "summary"), [
    ("nl_NL.UTF-8", "Brief Datum Samenvatting", "1 nieuwe"), ("en_GB.UTF-8", "Letter Date Summary", "1 new")])
def test_a_folder_on_a_terminal_gives_one_row_per_letter(tmp_path, monkeypatch, lang, header, summary):
    from test_batch import drive_cmd, make_folder
    from test_hostile import _run_in_terminal

    folder = make_folder(tmp_path / "brieven", 3)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, shown = _run_in_terminal(drive_cmd(paths=[str(folder)]), columns=80)
    assert code == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)
    rows = [line for line in text.splitlines() if line.startswith("b") and ".txt" in line]
    assert [r.split()[0] for r in rows] == ["b1.txt", "b2.txt", "b3.txt"]
    assert all(summary in r for r in rows)
    assert header in " ".join(text.split())
    assert "Ik zal uw Kamer" not in text  # no sentences: one row per letter
