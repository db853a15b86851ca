"""Reading the register: the tracked commitments with the status their links give them, filters,
a commitment's history, and the output formats (table, JSON, JSON lines, CSV, iCalendar).

A tracked commitment is a promise: a new commitment of a letter, one made in a debate, or an
earlier commitment whose origin is not in the register (no accepted link). Its status is the one
the latest document that links to it states (fulfilled, partly fulfilled, postponed with a new
term), else as first written; it is overdue on a day when it is not fulfilled and its term in
force ended before that day.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from typing import Any

OUTSTANDING = ("open", "postponed", "partly_fulfilled")



def _same_party(written: str | None, wanted: str) -> bool:
    """One party however it is spelled: letters write 'GL' or 'CU' where the filter says
    'GroenLinks' or 'ChristenUnie' (`data/parties.csv` aliases)."""
    return bool(written) and _party_key(written) == _party_key(wanted)


@cache
def _party_key(name: str) -> str:
    """A party's canonical name in lower case, whichever of its spellings `name` is."""
    from toezegging_cli.tag.entity_data import party_aliases

    aliases = {k.lower(): v.lower() for k, v in party_aliases().items()}
    return aliases.get(name.lower(), name.lower())

def _doc(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "path": row["path"],
        "kind": row["kind"],
        "date": row["date"],
        "kamerstuk": row["kamerstuk"],
        "reference": row["reference"],
        "subject": row["subject"],
    }


def _deadline(row: sqlite3.Row) -> dict[str, Any] | None:
    if not row["deadline_text"] and not row["deadline_end"]:
        return None
    return {
        "text": row["deadline_text"],
        "start": row["deadline_start"],
        "end": row["deadline_end"],
        "precision": row["deadline_precision"],
    }


def _evidence(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "sentence": row["evidence_sentence"],
        "part": row["evidence_part"],
        "page": row["evidence_page"],
        "footnote": row["evidence_footnote"],
    }


@dataclass
class Register:
    """Everything read from one database, indexed for the queries."""

    docs: dict[int, sqlite3.Row]
    rows: dict[int, sqlite3.Row]
    members: dict[int, list[dict]]
    links: list[sqlite3.Row]


def load(con: sqlite3.Connection) -> Register:
    docs = {r["id"]: r for r in con.execute("SELECT * FROM documents")}
    rows = {r["id"]: r for r in con.execute("SELECT * FROM commitments ORDER BY document_id, seq")}
    members: dict[int, list[dict]] = {}
    for m in con.execute("SELECT * FROM members"):
        members.setdefault(m["commitment_id"], []).append({"name": m["name"], "party": m["party"]})
    links = con.execute("SELECT * FROM links ORDER BY score DESC, id").fetchall()
    return Register(docs, rows, members, links)


def _step(reg: Register, row: sqlite3.Row, link: sqlite3.Row | None = None) -> dict[str, Any]:
    doc = reg.docs[row["document_id"]]
    step = {
        "commitment": row["id"],
        "kind": row["kind"],
        "status": row["status"],
        "document": _doc(doc),
        "date": doc["date"],
        "evidence": _evidence(row),
        "deadline": _deadline(row),
    }
    if link is not None:
        step.update(score=link["score"], reasons=json.loads(link["reasons"]), accepted=bool(link["accepted"]))
    return step


def tracked(reg: Register, on: dt.date | None = None) -> list[dict[str, Any]]:
    """Every tracked commitment with its current status, term in force, history and links."""
    on = on or dt.date.today()
    parent = {lk["earlier_id"]: lk["target_id"] for lk in reg.links if lk["accepted"]}

    def root(cid: int) -> int:
        """The promise a commitment belongs to: follow accepted links back to the first document."""
        seen = set()
        while cid in parent and cid not in seen:
            seen.add(cid)
            cid = parent[cid]
        return cid

    incoming: dict[int, list[sqlite3.Row]] = {}
    for link in reg.links:
        incoming.setdefault(root(link["target_id"]), []).append(link)
    out = []
    for cid, row in reg.rows.items():
        if cid in parent:
            continue
        doc = reg.docs[row["document_id"]]
        steps = sorted(
            (
                _step(reg, reg.rows[lk["earlier_id"]], lk)
                for lk in incoming.get(cid, [])
                if lk["accepted"] or lk["earlier_id"] not in parent
            ),
            key=lambda s: (s["date"] or "", s["commitment"]),
        )
        status, deadline, changed_by = row["status"], _deadline(row), None
        for s in steps:
            if s["accepted"]:
                status, changed_by = s["status"], s["document"]
                if s["deadline"] and s["status"] != "fulfilled":
                    deadline = s["deadline"]
        end = (deadline or {}).get("end")
        meeting = doc["kind"] == "debate"
        out.append(
            {
                "id": cid,
                "kind": row["kind"],
                "status": status,
                "status_as_written": row["status"],
                "changed_by": changed_by,
                "overdue": status in OUTSTANDING and bool(end) and end < on.isoformat(),
                "subject": row["subject"],
                "ministry": row["ministry"],
                "debate": {
                    "type": doc["meeting_kind"] if meeting else row["debate_type"],
                    "title": doc["meeting_title"] if meeting else row["debate_title"],
                    "date": doc["meeting_date"] if meeting else row["debate_date"],
                },
                "members": reg.members.get(cid, []),
                "made_by": row["made_by_name"]
                or next((s["name"] for s in json.loads(doc["signatories"] or "[]")), None),
                "deadline": deadline,
                "evidence": _evidence(row),
                "document": _doc(doc),
                "history": [s for s in steps if s["accepted"]],
                "candidates": [s for s in steps if not s["accepted"]],
            }
        )
    return out


@dataclass
class Filters:
    open: bool = False
    overdue: bool = False
    due_before: str | None = None
    ministry: str | None = None
    member: str | None = None
    party: str | None = None
    debate: str | None = None


def select(items: list[dict[str, Any]], f: Filters) -> list[dict[str, Any]]:
    """The tracked commitments that pass every filter given, by term (earliest first), then id."""

    def keep(it: dict[str, Any]) -> bool:
        end = (it["deadline"] or {}).get("end")
        debate = " ".join(v for v in (it["debate"] or {}).values() if v).lower()
        return all(
            (
                not f.open or it["status"] in OUTSTANDING,
                not f.overdue or it["overdue"],
                not f.due_before or (bool(end) and end < f.due_before),
                not f.ministry or f.ministry.lower() in (it["ministry"] or "").lower(),
                not f.member or any(f.member.lower() in m["name"].lower() for m in it["members"]),
                not f.party or any(_same_party(m["party"], f.party) for m in it["members"]),
                not f.debate or f.debate.lower() in debate,
            )
        )

    return sorted(
        (it for it in items if keep(it)),
        key=lambda it: ((it["deadline"] or {}).get("end") or "9999", it["id"]),
    )


def outgoing(con: sqlite3.Connection, reg: Register, cid: int) -> list[dict[str, Any]]:
    """The links and candidates of an earlier commitment: what it refers to."""
    out = []
    for link in reg.links:
        if link["earlier_id"] == cid:
            out.append(_step(reg, reg.rows[link["target_id"]], link))
    return out


def history(con: sqlite3.Connection, cid: int, on: dt.date | None = None) -> dict[str, Any] | None:
    """`track show`: a commitment with its history (made, postponed, fulfilled) and its links."""
    reg = load(con)
    if cid not in reg.rows:
        return None
    row = reg.rows[cid]
    items = {it["id"]: it for it in tracked(reg, on)}
    refers_to = outgoing(con, reg, cid)
    parent = {lk["earlier_id"]: lk["target_id"] for lk in reg.links if lk["accepted"]}
    origin, seen = cid, set()
    while origin in parent and origin not in seen:  # a linked commitment: show the promise it belongs to
        seen.add(origin)
        origin = parent[origin]
    item = dict(items[origin])
    item["made"] = _step(reg, reg.rows[item["id"]])
    item["refers_to"] = refers_to if row["kind"] == "earlier" else []
    item["shown_for"] = cid
    return item


# --- output ---------------------------------------------------------------------------------------

LIST_COLUMNS = (
    "id",
    "status",
    "overdue",
    "deadline",
    "ministry",
    "debate",
    "members",
    "document",
    "page",
    "sentence",
)


def _flat(it: dict[str, Any]) -> list[Any]:
    d = it["debate"] or {}
    debate = " ".join(v for v in (d.get("type"), d.get("title")) if v)
    if d.get("date"):
        debate += f" ({d['date']})"
    doc = it["document"]
    return [
        it["id"],
        it["status"],
        "yes" if it["overdue"] else "",
        (it["deadline"] or {}).get("end") or "",
        it["ministry"] or "",
        debate.strip(),
        "; ".join(m["name"] + (f" ({m['party']})" if m["party"] else "") for m in it["members"]),
        doc["kamerstuk"] or doc["reference"] or doc["path"],
        it["evidence"]["page"],
        it["evidence"]["part"] or it["evidence"]["sentence"],
    ]


def list_text(items: list[dict[str, Any]], fmt: str, *, color: bool = False, width: int = 120) -> str:
    """The tracked commitments in one of the output formats."""
    from toezegging_cli import render

    if fmt == "json":
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(render.report_jsonl(it) + "\n" for it in items)
    if fmt == "csv":
        return "\ufeff" + render._csv_text([LIST_COLUMNS, *(_flat(it) for it in items)])
    if fmt == "ics":
        return _ics(items)
    return _table(items, color=color, width=width)


def _table(items: list[dict[str, Any]], *, color: bool, width: int) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from toezegging_cli.render import clean_text

    table = Table(show_lines=True, expand=True)
    table.add_column("id", no_wrap=True)
    table.add_column("status", min_width=9)
    table.add_column("term ends", no_wrap=True)
    for name, ratio in (("ministry", 2), ("debate / MP", 2), ("document", 2), ("sentence", 6)):
        table.add_column(name, ratio=ratio, overflow="fold")
    for it in items:
        row = _flat(it)
        status = Text(
            clean_text(it["status"]) + (" OVERDUE" if it["overdue"] else ""),
            style="bold red" if it["overdue"] else "",
        )
        who = " ".join(p for p in (row[5], row[6]) if p)
        table.add_row(
            Text(str(row[0])),
            status,
            Text(clean_text(row[3])),
            Text(clean_text(row[4])),
            Text(clean_text(who)),
            Text(clean_text(f"{row[7]} p.{row[8]}")),
            Text(clean_text(row[9])),
        )
    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        no_color=None if color else True,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(table)
    console.print(Text(f"{len(items)} commitment{'s' if len(items) != 1 else ''}"))
    return buf.getvalue()


def _ics(items: list[dict[str, Any]]) -> str:
    from toezegging_cli.render import _fold, _ics_escape, clean_text, ics_footer, ics_header

    out = [ics_header()]
    for it in items:
        end = (it["deadline"] or {}).get("end")
        try:
            due = dt.date.fromisoformat(end[:10]) if end else None
        except ValueError:
            due = None
        if due is None:
            continue
        sentence = clean_text(it["evidence"]["sentence"])
        words = (clean_text(it["evidence"]["part"]) if it["evidence"]["part"] else sentence).split()
        title = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        stamp = (it["document"]["date"] or end)[:10].replace("-", "") + "T000000Z"
        description = "\n".join(
            p
            for p in (
                sentence,
                f"Status: {it['status']}",
                f"Termijn: {clean_text(it['deadline']['text'])}",
                f"Bron: {clean_text(it['document']['path'])}, pagina {it['evidence']['page']}",
            )
            if p
        )
        for name, value in (
            ("BEGIN", "VEVENT"),
            ("UID", f"register-{it['document']['id']}-{it['id']}@toezegging"),
            ("DTSTAMP", stamp),
            ("DTSTART;VALUE=DATE", due.strftime("%Y%m%d")),
            ("DTEND;VALUE=DATE", (due + dt.timedelta(days=1)).strftime("%Y%m%d")),
            ("SUMMARY", _ics_escape(f"Toezegging: {title}")),
            ("DESCRIPTION", _ics_escape(description)),
            ("END", "VEVENT"),
        ):
            out.append(_fold(f"{name}:{value}"))
    out.append(ics_footer())
    return "".join(out)


def show_text(item: dict[str, Any], fmt: str) -> str:
    """`track show` output: JSON, or a readable history."""
    from toezegging_cli.render import clean_text

    if fmt in ("json", "jsonl"):
        return json.dumps(item, ensure_ascii=False, indent=None if fmt == "jsonl" else 2) + "\n"

    def line(s: dict[str, Any], label: str) -> str:
        doc = s["document"]
        where = f"{doc['kamerstuk'] or doc['path']}, p. {s['evidence']['page']}"
        term = f" — term: {clean_text(s['deadline']['text'])}" if s.get("deadline") else ""
        score = (
            f" [score {s['score']:.2f}: " + "; ".join(r["reason"] for r in s["reasons"]) + "]"
            if "score" in s
            else ""
        )
        return (
            f"{s['date'] or '????-??-??'}  {label:<16} {where}{term}{score}\n"
            f"            “{clean_text(s['evidence']['sentence'])}”\n"
        )

    out = [
        f"Commitment {item['id']}: {item['status']}" + (" (OVERDUE)" if item["overdue"] else "") + "\n",
        line(item["made"], "made" if item["kind"] != "earlier" else "first mentioned"),
    ]
    out += [line(s, s["status"]) for s in item["history"]]
    if item["candidates"]:
        out.append("Candidates (below the link threshold):\n")
        out += [line(s, s["status"]) for s in item["candidates"]]
    if item["refers_to"]:
        out.append(f"Commitment {item['shown_for']} refers to:\n")
        out += [line(s, "link" if s["accepted"] else "candidate") for s in item["refers_to"]]
    return "".join(out)
