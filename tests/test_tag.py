"""The tagging API (tag_letters, tag_text) and the `toezegging tag` command."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from toezegging_cli.cli import app
from toezegging_cli.commands import entities_table, run_tag
from toezegging_cli.model import Entity, Footnote, Letter, LetterMeta, Source
from toezegging_cli.tag import Tagged, TaggedText, load_pipeline, tag_letters, tag_text

BODY = ("Zoals toegezegd aan het lid Kröger in het Commissiedebat Verduurzaming luchtvaart op 16 juni 2022 "
        "is het ministerie in gesprek gegaan.\n\n"
        "De Kamer wordt voor de zomer geïnformeerd over de motie Ellian c.s.")


def letter(body: str = BODY, date: str | None = "2022-12-22", footnotes=None, page_starts=None) -> Letter:
    return Letter(body=body, page_starts=page_starts or [0], footnotes=footnotes or [],
                  meta=LetterMeta(date=date), source=Source("brief.txt", "0" * 64, 1, "txt"))


def test_load_pipeline_is_cached():
    assert load_pipeline() is load_pipeline()


def test_tag_text_gives_sentences_and_entities():
    tagged = tag_text(BODY, dt.date(2022, 12, 22))
    assert isinstance(tagged, TaggedText) and tagged.text == BODY
    assert [BODY[s:e] for s, e in tagged.sentences] == [
        "Zoals toegezegd aan het lid Kröger in het Commissiedebat Verduurzaming luchtvaart op 16 juni 2022 "
        "is het ministerie in gesprek gegaan.",
        "De Kamer wordt voor de zomer geïnformeerd over de motie Ellian c.s."]
    assert [(e.label, e.text) for e in tagged.entities] == [
        ("MEMBER", "Kröger"), ("DEBATE", "Commissiedebat Verduurzaming luchtvaart op 16 juni 2022"),
        ("DEADLINE", "voor de zomer"), ("MEMBER", "Ellian")]
    for e in tagged.entities:
        assert BODY[e.start:e.end] == e.text and e.page == 1
    # the summer before which the Kamer hears is the one after the letter
    assert tagged.entities[2].value["end"].startswith("2023-07")


def test_tag_letters_keeps_order_pages_and_footnotes():
    second_page = BODY.index("De Kamer")
    notes = [Footnote(1, "Kamerstukken II 2021/22, 30175, nr. 414", 1),
             Footnote(2, "Motie van het lid Kröger c.s. van 7 juli jl.", 2)]
    letters = [letter(page_starts=[0, second_page], footnotes=notes),
               letter("Geen namen hier.", "2024-01-05"),
               letter("Het lid Kröger vroeg het.", "2024-06-01")]
    out = list(tag_letters(iter(letters)))
    assert [id(lt) for lt, _ in out] == [id(lt) for lt in letters]
    first = out[0][1]
    assert isinstance(first, Tagged) and first.ref_date == dt.date(2022, 12, 22)
    assert first.entities is first.body.entities
    assert {e.text: e.page for e in first.entities}["Ellian"] == 2
    assert {e.text: e.page for e in first.entities}["Kröger"] == 1
    assert [f.number for f, _ in first.footnotes] == [1, 2]
    note = first.footnotes[1][1]
    assert [(e.label, e.text, e.page) for e in note.entities] == [
        ("MEMBER", "Kröger", 2), ("DATE", "7 juli jl.", 2)]
    assert note.entities[1].value["date"] == "2022-07-07"  # 'jl.' against the letter's date
    assert out[1][1].entities == [] and out[1][1].footnotes == []
    assert out[2][1].entities[0].value["party"] == "GroenLinks-PvdA"


def test_letter_without_date_resolves_against_its_latest_date_and_says_so():
    undated = letter("Op 3 maart 2025 en op 24 april 2025 spraken wij. Ik informeer u eind van dit jaar.",
                     None)
    (_, tagged), = tag_letters([undated])
    assert tagged.ref_date == dt.date(2025, 4, 24)
    deadline = next(e for e in tagged.entities if e.label == "DEADLINE")
    assert deadline.value["end"] == "2025-12-31"
    warning = "no letter date; dates resolved against 2025-04-24, the latest date in the text"
    assert undated.warnings == [warning]
    list(tag_letters([undated]))
    assert undated.warnings == [warning]
    (_, tagged), = tag_letters([letter("Ik informeer u voor de zomer.", None)])
    assert tagged.ref_date is None


def test_run_tag_json(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text("Den Haag, 22 december 2022\n\nGeachte voorzitter,\n\n" + BODY + "\n", encoding="utf-8")
    assert run_tag(str(path), format="json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["letter"]["date"] == "2022-12-22"
    member = next(e for e in data["entities"] if e["label"] == "MEMBER")
    assert member["value"] == {"name": "Kröger", "party": "GroenLinks", "party_source": "members-table",
                               "role": None}
    assert set(member) == {"label", "text", "start", "end", "page", "value"}


def test_run_tag_errors(tmp_path, capsys):
    assert run_tag(str(tmp_path / "er-niet.pdf"), format="json") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"toezegging: {tmp_path / 'er-niet.pdf'}: ")
    assert len(captured.err.splitlines()) == 1
    assert run_tag(str(tmp_path / "x.txt"), format="csv") == 2


def test_table_shows_letter_text_literally():
    hostile = Entity("MEMBER", "[bold]Kröger[/bold]\x1b[31m", 0, 10, 1,
                     {"name": "[red]x[/red]", "party": None})
    shown = entities_table([hostile], width=120)
    assert "[bold]Kröger[/bold]" in shown
    assert "name=[red]x[/red]" in shown
    assert "\x1b" not in shown


def test_tag_command(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text("Den Haag, 22 december 2022\n\nGeachte voorzitter,\n\n" + BODY + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["tag", str(path), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "Kröger" in result.stdout and "DEBATE" in result.stdout
    out = tmp_path / "tags.json"
    result = CliRunner().invoke(app, ["tag", str(path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert [e["label"] for e in json.loads(out.read_text())["entities"]][:2] == ["MEMBER", "DEBATE"]


def test_letter_longer_than_spacys_default_limit_is_tagged(tmp_path):
    """Regression: a 1.1M-character text letter failed with spaCy's E088 instead of being read."""
    from toezegging_cli.extract import extract_path

    paragraph = "Ik zal uw Kamer voor de zomer van 2031 informeren over de voortgang. " * 20 + "\n\n"
    path = tmp_path / "lang.txt"
    path.write_text("Den Haag, 1 maart 2030\n\n" + paragraph * 800, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    report = extract_path(str(path))
    assert report.commitments and all(c.kind == "new" for c in report.commitments)
