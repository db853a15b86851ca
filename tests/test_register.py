"""The register: storing documents in SQLite, linking commitments across documents, the queries."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from register_fixtures import chain
from toezegging_cli.register.db import add_report, connect, normal_kamerstuk
from toezegging_cli.register.link import find_refs
from toezegging_cli.register.query import Filters, history, load, select, tracked

REPO = Path(__file__).resolve().parents[1]


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "toezegging_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "register.sqlite"
    con = connect(path)
    for report in chain():
        add_report(con, report)
    con.close()
    return path


def _by_sentence(items, start: str):
    return next(it for it in items if it["evidence"]["sentence"].startswith(start))


def test_refs_of_a_sentence():
    refs = find_refs(
        "In mijn brief van 12 maart 2024 (Kamerstuk 33 529, nr. 467) en die van 3 juli jl. met "
        "kenmerk 2024-0000123456 heb ik toegezegd",
        "2024-09-02",
    )
    assert ("kamerstuk", "33529-467") in refs
    assert ("letter_date", "2024-03-12") in refs
    assert ("kenmerk", "2024-0000123456") in refs
    assert find_refs("de brief van 20 december jl.", "2024-03-01") == [("letter_date", "2023-12-20")]
    assert normal_kamerstuk("34 775 A, nr. 66") == "34775-A-66"


def test_letter_chain_links_and_status(db: Path):
    con = connect(db)
    items = tracked(load(con), dt.date(2025, 9, 1))
    promise = _by_sentence(items, "Ik zal uw Kamer voor de zomer")
    assert promise["status"] == "fulfilled"
    assert promise["changed_by"]["kamerstuk"] == "33529-480"
    [step] = promise["history"]
    reasons = " | ".join(r["reason"] for r in step["reasons"])
    assert "cites Kamerstuk 33529-467" in reasons and "cites the letter of 2024-03-12" in reasons
    monuments = _by_sentence(items, "Over de afhandeling van mijnbouwschade")
    assert monuments["status"] == "postponed"
    assert monuments["deadline"]["end"] == "2025-06-20"  # the new term in force
    # the near miss of the same dossier is no link for either earlier commitment
    near = _by_sentence(items, "Ik informeer uw Kamer in het voorjaar")
    assert near["status"] == "open" and near["history"] == []
    # a linked earlier commitment is not listed on its own: it is a step of its origin
    assert not any(it["kind"] == "earlier" and it["document"]["kamerstuk"] == "33529-480" for it in items)


def test_debate_toezegging_answered_by_successor(db: Path):
    con = connect(db)
    items = tracked(load(con), dt.date(2025, 9, 1))
    made = _by_sentence(items, "De minister zegt toe de Kamer in het derde kwartaal")
    assert made["status"] == "postponed" and made["deadline"]["end"] == "2025-03-31"
    assert made["overdue"] is True
    reasons = [r["reason"] for r in made["history"][0]["reasons"]]
    assert "same meeting date 2022-06-16" in reasons
    assert "same MP named (kröger)" in reasons
    assert any(r.startswith("successor in office") and "Madlener" in r for r in reasons)
    other = _by_sentence(items, "De minister zegt toe een brief te sturen over nachtvluchten")
    assert other["status"] == "open" and other["history"] == []
    assert other["debate"] == {
        "type": "commissiedebat",
        "title": "Verduurzaming luchtvaart",
        "date": "2022-06-16",
    }


def test_order_of_adding_does_not_matter(tmp_path: Path):
    """Adding the answering letter before the documents it refers to gives the same links."""

    def links(reports):
        path = tmp_path / f"r{len(list(tmp_path.iterdir()))}.sqlite"
        con = connect(path)
        for r in reports:
            add_report(con, r)
        rows = con.execute(
            "SELECT e.evidence_sentence, t.evidence_sentence, l.score, l.accepted FROM links l"
            " JOIN commitments e ON e.id = l.earlier_id JOIN commitments t ON t.id = l.target_id"
        ).fetchall()
        return sorted(tuple(r) for r in rows)

    forward = links(chain())
    assert forward == links(list(reversed(chain())))
    assert sum(r[3] for r in forward) == 3


def test_same_document_twice_changes_nothing(db: Path):
    con = connect(db)
    before = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "commitments", "links")
    ]
    assert add_report(con, chain()[0]) is None
    after = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "commitments", "links")
    ]
    assert before == after and before[0] == 5


def test_filters(db: Path):
    con = connect(db)
    items = tracked(load(con), dt.date(2025, 9, 1))
    assert {it["id"] for it in select(items, Filters(member="kröger"))} == {
        _by_sentence(items, "De minister zegt toe de Kamer in het derde")["id"]
    }
    assert all(
        it["ministry"] == "Infrastructuur en Waterstaat" for it in select(items, Filters(ministry="water"))
    )
    assert {it["status"] for it in select(items, Filters(open=True))} <= {
        "open",
        "postponed",
        "partly_fulfilled",
    }
    overdue = select(items, Filters(overdue=True))
    assert overdue and all(it["deadline"]["end"] < "2025-09-01" for it in overdue)
    assert select(items, Filters(party="D66"))[0]["members"][0]["name"] == "Van Ginneken"
    assert all(
        "luchtvaart" in it["debate"]["title"].lower() for it in select(items, Filters(debate="luchtvaart"))
    )


def test_show_history(db: Path):
    con = connect(db)
    items = tracked(load(con), dt.date(2025, 9, 1))
    cid = _by_sentence(items, "Ik zal uw Kamer voor de zomer")["id"]
    result = cli("track", "show", str(cid), "--db", str(db), "--on", "2025-09-01", "--format", "table")
    assert result.returncode == 0, result.stderr
    assert (
        "fulfilled" in result.stdout and "33529-480" in result.stdout and "cites Kamerstuk" in result.stdout
    )
    # asked for by the answering earlier commitment, show tells what it refers to
    earlier = con.execute(
        "SELECT id FROM commitments WHERE evidence_sentence LIKE 'In mijn brief van 12 maart%'"
    ).fetchone()[0]
    item = history(con, earlier, dt.date(2025, 9, 1))
    assert item["id"] == cid and item["refers_to"][0]["accepted"]


def test_cli_formats_and_errors(db: Path, tmp_path: Path):
    listed = cli("track", "list", "--db", str(db), "--on", "2025-09-01", "--format", "json")
    assert listed.returncode == 0 and listed.stderr == ""
    data = json.loads(listed.stdout)
    assert len(data) == 5  # 3 new, 2 made; the 3 earlier ones are steps of them
    csv = cli("track", "list", "--db", str(db), "--format", "csv").stdout
    assert csv.startswith("\ufeffid,status,overdue") and len(csv.strip().splitlines()) == 6
    ics = cli("track", "list", "--db", str(db), "--format", "ics", "--overdue", "--on", "2025-09-01").stdout
    assert ics.count("BEGIN:VEVENT") == len([d for d in data if d["overdue"]])
    out = tmp_path / "l.jsonl"
    assert cli("track", "list", "--db", str(db), "-o", str(out)).returncode == 0
    assert len(out.read_text().splitlines()) == 5
    missing = cli("track", "list", "--db", str(tmp_path / "none.sqlite"))
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.startswith("toezegging: ") and len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "none.sqlite").exists()
    schema = cli("track", "schema").stdout
    assert "CREATE TABLE IF NOT EXISTS links" in schema
    con = sqlite3.connect(":memory:")
    con.executescript(schema)  # the printed schema is the one that builds a register


def test_add_bad_file_is_one_line_and_others_added(tmp_path: Path, corpus_dir: Path):
    good = corpus_dir / "letters" / "kst-35228-6.txt"
    bad = tmp_path / "leeg.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    db = tmp_path / "r.sqlite"
    result = cli("track", "add", str(good), str(bad), "--db", str(db))
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith(f"toezegging: {bad}")]
    assert len(lines) == 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT path FROM documents").fetchall() == [(str(good),)]
    again = cli("track", "add", str(good), "--db", str(db))
    assert again.returncode == 0 and "0 added, 1 already there" in again.stderr


def test_a_file_that_is_not_a_register_is_one_error_line(tmp_path: Path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database\n")
    report = ("track", "report", "-o", str(tmp_path / "x.html"))
    for args in (("track", "list"), report, ("track", "show", "1")):
        result = cli(*args, "--db", str(bogus))
        assert result.returncode == 2 and result.stdout == ""
        reason = "not a usable register database (file is not a database)"
        assert result.stderr == f"toezegging: {bogus}: {reason}\n"
    assert bogus.read_text() == "not a database\n"


def test_party_filter_matches_any_spelling_of_the_party():
    """Letters write the party as they like ('(GL)', '(CU)'); a filter on the party's name finds
    them, and one party is not taken for another."""
    from toezegging_cli.register.query import _same_party

    assert _same_party("GL", "GroenLinks") and _same_party("CU", "christenunie")
    assert _same_party("D66", "D66") and not _same_party("GL", "D66") and not _same_party(None, "GL")


def test_a_register_of_schema_1_gains_the_part_column_and_keeps_its_rows(tmp_path: Path):
    """A register made before commitments had parts opens, keeps its rows and stores parts after."""
    path = tmp_path / "old.sqlite"
    con = connect(path)
    add_report(con, chain()[0])
    before = con.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    con.execute("ALTER TABLE commitments DROP COLUMN evidence_part")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    con = connect(path)
    columns = {r["name"] for r in con.execute("PRAGMA table_info(commitments)")}
    assert "evidence_part" in columns
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "2"
    assert con.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == before


def test_toezeggingen_named_in_one_sentence_are_rows_of_their_own_with_their_part(tmp_path: Path):
    from letters import letter_of
    from toezegging_cli.extract import report_for

    body = ("Met deze brief doe ik mijn toezegging uit het algemeen overleg politie van 21 december gestand "
            "en mijn toezegging uit het algemeen overleg criminaliteitsbestrijding van 22 februari over de "
            "recherche.")
    con = connect(tmp_path / "r.sqlite")
    add_report(con, report_for(letter_of(body, "2018-03-12"), second_opinion=False))
    rows = con.execute("SELECT debate_title, evidence_part FROM commitments ORDER BY seq").fetchall()
    assert [r["debate_title"] for r in rows] == ["politie", "criminaliteitsbestrijding"]
    assert rows[1]["evidence_part"].startswith("mijn toezegging uit het algemeen overleg criminaliteit")
    items = tracked(load(con), dt.date(2018, 3, 12))
    assert [it["evidence"]["part"][:40] for it in items] == [r["evidence_part"][:40] for r in rows]
