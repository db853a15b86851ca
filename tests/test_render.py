"""Renderers: what a user sees in the terminal, a spreadsheet and a calendar."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from toezegging_cli.model import (
    Commitment,
    Deadline,
    Debate,
    Evidence,
    LetterMeta,
    Member,
    Person,
    Report,
    Signatory,
    Source,
)
from toezegging_cli.render import (
    CSV_COLUMNS,
    csv_header,
    csv_rows,
    error_record,
    ics_text,
    render_table,
    report_json,
    report_jsonl,
    write_csv,
    write_ics,
)

LONG = (
    "De Kamer zal in de tweede helft van 2023 worden geïnformeerd over de voortgang van dit project, "
    "waarbij ook de resultaten van de pilot; de evaluatie, en de vervolgstappen aan bod komen \\ zo."
)


def make_report(path: str = "brieven/luchtvaart.pdf", sha: str = "a" * 64, **meta) -> Report:
    letter = LetterMeta(
        date="2022-12-22", subject="Emissies door de luchtvaart", reference="IENW/BSK-2022/268034",
        kamerstuk="31 936, nr. 989", ministry="Infrastructuur en Waterstaat", recipient="Tweede Kamer",
        signatories=[Signatory("Mark Harbers", "minister", "Infrastructuur en Waterstaat"),
                     Signatory("Vivianne Heijnen", "staatssecretaris")],
    )
    for k, v in meta.items():
        setattr(letter, k, v)
    earlier = Commitment(
        kind="earlier", status="postponed", subject="Zeer zorgwekkende stoffen",
        debate=Debate("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16"),
        members=[Member("Kröger", "GroenLinks", "letter"), Member("De Groot", None)],
        made_by=Person("Mark Harbers", "minister"),
        deadline=Deadline("in het derde kwartaal van 2023", "2023-07-01", "2023-09-30", "quarter"),
        evidence=Evidence(2, 100, 240, "Zoals toegezegd aan het lid Kröger in het Commissiedebat."),
        confidence=0.9,
    )
    new = Commitment(
        kind="new", status="open", subject="Emissies door de luchtvaart", debate=None, members=[],
        made_by=Person("Mark Harbers", "minister"),
        deadline=Deadline("in de tweede helft van 2023", "2023-07-01", "2023-12-31"),
        evidence=Evidence(3, 500, 500 + len(LONG), LONG), confidence=0.85,
    )
    undated = Commitment(
        kind="new", status="open", subject=None, debate=None, members=[], made_by=None,
        deadline=Deadline("binnenkort", None, None, "unspecified"),
        evidence=Evidence(4, 900, 950, "Ik zal uw Kamer binnenkort informeren."), confidence=0.7,
    )
    return Report(
        source=Source(path, sha, 4, "pdf"), letter=letter, commitments=[earlier, new, undated],
        warnings=["page 3: text layer looks garbled"],
    )


def table_output(reports, width: int = 120, terminal: bool = False, lang: str = "en") -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=terminal, color_system="standard" if terminal
                      else None, legacy_windows=False)
    render_table(reports, console, lang=lang)
    return buf.getvalue()


# --- JSON -----------------------------------------------------------------------------------------

def test_json_roundtrips_the_report_dict():
    report = make_report()
    text = report_json(report)
    assert json.loads(text) == report.to_dict()
    assert "Kröger" in text  # UTF-8 kept readable, not \u-escaped


@pytest.mark.parametrize("breaker", ["\n", "\u2028", "\u2029", "\x85"])
def test_jsonl_is_one_line_whatever_the_letter_contains(breaker):
    report = make_report()
    report.commitments[0].evidence.sentence = f"eerste{breaker}tweede"
    line = report_jsonl(report)
    assert len(line.splitlines()) == 1
    assert json.loads(line)["commitments"][0]["evidence"]["sentence"] == f"eerste{breaker}tweede"


def test_jsonl_error_record():
    line = report_jsonl(error_record("x/kapot.pdf", "not a PDF"))
    assert json.loads(line) == {"source": {"path": "x/kapot.pdf"}, "error": "not a PDF"}


# --- table ----------------------------------------------------------------------------------------

def test_table_shows_header_commitments_and_sentences():
    out = table_output([make_report()], width=200)
    for expected in ("Emissies door de luchtvaart", "2022-12-22", "Infrastructuur en Waterstaat",
                     "Mark Harbers", "31 936, nr. 989", "brieven/luchtvaart.pdf", "4 pages",
                     "text layer looks garbled", "Postponed", "Commissiedebat Verduurzaming luchtvaart",
                     "2022-06-16", "Kröger (GroenLinks)", "in het derde kwartaal van 2023", "2023-09-30",
                     "Zoals toegezegd aan het lid Kröger"):
        assert expected in out, expected
    # The sentence sits under its own row, after that row's fields.
    assert out.index("Kröger (GroenLinks)") < out.index("Zoals toegezegd aan het lid")
    assert out.index("Zoals toegezegd aan het lid") < out.index("in de tweede helft van 2023")


def test_table_says_when_a_letter_has_no_commitments():
    report = make_report()
    report.commitments = []
    assert "No commitments found" in table_output([report])


def test_table_prints_markup_in_letters_literally():
    report = make_report(subject="[bold red]Betreft[/bold red]", path="[link=https://evil.example]x[/link].pdf")
    report.commitments[0].evidence.sentence = "Zie [link=https://evil.example]hier[/link] en :smile: [/]"
    out = table_output([report], width=200, terminal=True)
    assert "[bold red]Betreft[/bold red]" in out
    assert "[link=https://evil.example]x[/link].pdf" in out
    assert "[link=https://evil.example]hier[/link] en :smile: [/]" in out
    assert "\x1b]8;" not in out  # no hyperlink escape was produced


def test_table_strips_terminal_control_characters():
    report = make_report(subject="Betreft\x1b[2J\x1b]0;pwned\x07 iets")
    report.commitments[0].evidence.sentence = "Zin\x1b[31m rood\x9b1m en \u202egnipmarts\u202c klaar."
    out = table_output([report], width=200)  # not a terminal: rich itself adds no escapes
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Betreft [2J ]0;pwned iets" in out


# --- CSV ------------------------------------------------------------------------------------------

def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_csv_has_the_register_columns_and_one_row_per_commitment():
    buf = io.StringIO(newline="")
    write_csv([make_report()], buf)
    text = buf.getvalue()
    assert text.splitlines()[0] == "\ufeff" + ",".join(CSV_COLUMNS)
    rows = read_csv(text)
    assert len(rows) == 3
    first = rows[0]
    assert first == {
        "Tekst": "Zoals toegezegd aan het lid Kröger in het Commissiedebat.",
        "Status": "Openstaand",
        "DatumNakoming": "2023-09-30",
        "Ministerie": "Infrastructuur en Waterstaat",
        "Bewindspersoon": "Mark Harbers; Vivianne Heijnen",
        "Kamerlid": "Kröger; De Groot",
        "Fractie": "GroenLinks;",  # aligned with Kamerlid; De Groot's party unknown
        "Activiteit": "Commissiedebat Verduurzaming luchtvaart",
        "ActiviteitDatum": "2022-06-16",
        "Document": "31 936, nr. 989",
        "Pagina": "2",
    }
    assert rows[1]["Tekst"] == LONG  # commas, semicolons and quotes survive quoting
    assert rows[2]["DatumNakoming"] == ""


def test_csv_status_uses_register_words():
    report = make_report()
    for c, status in zip(report.commitments, ("fulfilled", "partly_fulfilled", "open"), strict=True):
        c.status = status
    assert [r["Status"] for r in read_csv(csv_header() + csv_rows(report))] == [
        "Voldaan", "Deels Voldaan", "Openstaand"]


def test_csv_document_falls_back_to_reference_then_file_name():
    assert read_csv(csv_header() + csv_rows(make_report(kamerstuk=None)))[0]["Document"] == \
        "IENW/BSK-2022/268034"
    rows = read_csv(csv_header() + csv_rows(make_report(kamerstuk=None, reference=None)))
    assert rows[0]["Document"] == "brieven/luchtvaart.pdf"


def test_csv_bom_written_once_for_many_letters():
    buf = io.StringIO(newline="")
    write_csv([make_report(), make_report(path="b.pdf"), make_report(path="c.pdf")], buf)
    text = buf.getvalue()
    assert text.count("\ufeff") == 1
    assert len(read_csv(text)) == 9
    assert text.count("Tekst,Status") == 1


@pytest.mark.parametrize("evil", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formulas(evil):
    report = make_report(ministry=evil)
    report.commitments[0].evidence.sentence = evil
    row = read_csv(csv_header() + csv_rows(report))[0]
    assert row["Tekst"] == "'" + evil
    assert row["Ministerie"] == "'" + evil


# --- iCalendar ------------------------------------------------------------------------------------

def parse_ics(text: str):
    icalendar = pytest.importorskip("icalendar")
    return icalendar.Calendar.from_ical(text)


def test_ics_has_one_all_day_event_per_dated_commitment():
    import datetime as dt

    text = ics_text([make_report()])
    cal = parse_ics(text)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 2  # the undated commitment has no calendar day
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == [dt.date(2023, 9, 30), dt.date(2023, 12, 31)]
    assert all(not isinstance(s, dt.datetime) for s in starts)
    by_day = {e.decoded("DTSTART"): e for e in events}
    first = by_day[dt.date(2023, 9, 30)]
    assert str(first["SUMMARY"]) == "Toezegging: Zeer zorgwekkende stoffen"
    desc = str(by_day[dt.date(2023, 12, 31)]["DESCRIPTION"])
    assert LONG in desc  # ; , \ round-trip through escaping
    assert "pagina 3" in desc and "brieven/luchtvaart.pdf" in desc
    assert str(by_day[dt.date(2023, 12, 31)]["SUMMARY"]).startswith("Toezegging: De Kamer zal in de")


def test_ics_lines_are_crlf_and_at_most_75_octets():
    text = ics_text([make_report()])
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # the long description was folded
    # Folding never splits a multi-byte character: every physical line is valid UTF-8 on its own.
    for line in lines:
        line.encode("utf-8").decode("utf-8")


def test_ics_uids_are_stable_and_distinct():
    a = parse_ics(ics_text([make_report()]))
    b = parse_ics(ics_text([make_report(path="elders/kopie.pdf")]))  # same content, other path
    uids_a = [str(e["UID"]) for e in a.walk("VEVENT")]
    uids_b = [str(e["UID"]) for e in b.walk("VEVENT")]
    assert uids_a == uids_b
    assert len(set(uids_a)) == len(uids_a)
    assert all(u.endswith("@toezegging") for u in uids_a)
    other = parse_ics(ics_text([make_report(sha="b" * 64)]))
    assert not set(uids_a) & {str(e["UID"]) for e in other.walk("VEVENT")}


def test_ics_is_reproducible_and_one_calendar_for_many_letters():
    reports = [make_report(), make_report(sha="c" * 64, path="c.pdf")]
    buf = io.StringIO(newline="")
    write_ics(reports, buf)
    assert buf.getvalue() == ics_text(reports)
    assert buf.getvalue().count("BEGIN:VCALENDAR") == 1
    assert len(list(parse_ics(buf.getvalue()).walk("VEVENT"))) == 4


def test_ics_strips_control_characters_and_escapes_newlines():
    report = make_report()
    report.commitments[1].evidence.sentence = "Regel een\nregel twee\x1b[31m; klaar"
    cal = parse_ics(ics_text([report]))
    descs = [str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")]
    assert any(d.startswith("Regel een regel twee [31m; klaar") for d in descs)
    assert "\x1b" not in ics_text([report])


def test_commitments_named_in_one_sentence_get_their_own_row_uid_and_title():
    """Parts of one sentence (eval dev kst-29628-760): the spreadsheet's text is the part that names
    the toezegging, and each part has its own calendar UID though they share the sentence."""
    import dataclasses

    report = make_report()
    sentence = ("Hiermee doe ik mijn toezegging uit het AO Water van 4 april gestand en mijn toezegging uit "
                "het AO Bodem van 5 april.")
    first = report.commitments[0]
    parts = ["Hiermee doe ik mijn toezegging uit het AO Water van 4 april gestand",
             "mijn toezegging uit het AO Bodem van 5 april."]
    report.commitments[:1] = [
        dataclasses.replace(first, subject=report.letter.subject,
                            evidence=Evidence(2, 100, 100 + len(sentence), sentence, part=p)) for p in parts]
    rows = list(csv.reader(io.StringIO(csv_rows(report))))
    assert [r[0] for r in rows[:2]] == parts
    events = list(parse_ics(ics_text([report])).walk("VEVENT"))
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) == 3  # the two parts and the dated new promise
    assert str(events[1]["SUMMARY"]).endswith(": mijn toezegging uit het AO Bodem van 5 april.")
