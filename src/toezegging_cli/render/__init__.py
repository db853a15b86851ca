"""Output renderers over `model.Report`: JSON, JSON lines, a rich table, CSV and iCalendar.

All functions are pure (text in, text out, or writes to a handle they are given), so the batch
runner can stream many letters: `csv_header`/`csv_rows` and `ics_header`/`ics_events`/`ics_footer`
write one file in pieces. Letter text is untrusted data: the table shows it literally (no rich
markup, no terminal control codes), CSV cells cannot start a spreadsheet formula, and iCalendar
text is escaped and folded as RFC 5545 requires.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from toezegging_cli.model import Commitment, Report

if TYPE_CHECKING:
    from rich.console import Console

# --- JSON -----------------------------------------------------------------------------------------

# Characters JSON leaves raw with ensure_ascii=False but that line splitters (str.splitlines, some
# editors) treat as line ends; escaped so a JSON-lines record stays one line.
_LINE_BREAKERS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def report_json(report: Report) -> str:
    """The report as indented JSON (the shape `toezegging schema` documents)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)


def report_jsonl(obj: Report | dict[str, Any]) -> str:
    """One JSON-lines record (no trailing newline): a Report, or a dict such as `error_record`."""
    data = obj.to_dict() if isinstance(obj, Report) else obj
    line = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _LINE_BREAKERS.items():
        line = line.replace(char, escape)
    return line


def error_record(path: str, error: str) -> dict[str, Any]:
    """The JSON-lines record of a letter that could not be processed (see `schema.error_schema`)."""
    return {"source": {"path": path}, "error": error}


# --- text hygiene ---------------------------------------------------------------------------------

# C0 and C1 control characters (ESC starts terminal sequences), DEL, and the Unicode bidi
# overrides/isolates that can make displayed text read differently from what it is.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str | None) -> str:
    """Letter text made safe to display: control characters removed, whitespace runs collapsed."""
    if not text:
        return ""
    return " ".join(_CONTROL.sub(" ", text).split())


# --- vocabulary shared by the renderers -----------------------------------------------------------

STATUS_LABELS = {
    "fulfilled": "fulfilled",
    "partly_fulfilled": "partly fulfilled",
    "postponed": "postponed",
    "open": "open",
}

# The Tweede Kamer register's status words (XSD `toezeggingstatus`). It has no "postponed": a
# commitment whose term is moved stays open with the new term, as the Eerste Kamer rappel records it.
REGISTER_STATUS = {
    "fulfilled": "Voldaan",
    "partly_fulfilled": "Deels Voldaan",
    "postponed": "Openstaand",
    "open": "Openstaand",
}


def _debate_name(commitment: Commitment) -> str:
    """'Commissiedebat Verduurzaming luchtvaart', as the register names an activity."""
    d = commitment.debate
    if d is None:
        return ""
    kind = clean_text(d.type)
    return " ".join(p for p in (kind[:1].upper() + kind[1:], clean_text(d.title)) if p)


def _members(commitment: Commitment, sep: str = "; ") -> str:
    return sep.join(
        clean_text(m.name) + (f" ({clean_text(m.party)})" if m.party else "") for m in commitment.members
    )


def _signers(report: Report) -> str:
    return "; ".join(clean_text(s.name) for s in report.letter.signatories)


# --- table ----------------------------------------------------------------------------------------

_COLUMNS = (("Kind", 2), ("Status", 3), ("Debate", 6), ("MP (party)", 4), ("Deadline", 5))


def render_table(reports: Iterable[Report], console: Console) -> None:
    """Print each letter as a header panel and a table of its commitments, sentence under each row."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    def grid() -> Table:
        # Same ratios in every row's grid, so the columns line up down the table.
        g = Table.grid(expand=True, padding=(0, 1))
        for _, ratio in _COLUMNS:
            g.add_column(ratio=ratio, overflow="fold")
        g.add_column(width=5, justify="right")
        return g

    for report in reports:
        meta, src = report.letter, report.source
        head = Text()

        def line(label: str, value: str, style: str = "", text: Text = head) -> None:
            if value:
                if text.plain:
                    text.append("\n")
                text.append(f"{label}: ", style="bold")
                text.append(value, style=style)

        line("Date", clean_text(meta.date))
        if report.meeting is not None:
            held = (report.meeting.kind, report.meeting.committee)
            line("Meeting", "; ".join(clean_text(x) for x in held if x))
        line("Ministry", clean_text(meta.ministry))
        line("Signed", "; ".join(
            clean_text(s.name) + (f" ({clean_text(s.role)})" if s.role else "") for s in meta.signatories
        ))
        line("Kamerstuk", clean_text(meta.kamerstuk))
        line("Reference", clean_text(meta.reference))
        pages = ""
        if src.pages and src.kind != "debate":
            pages = f", {src.pages} page{'s' if src.pages != 1 else ''}"
        line("Source", clean_text(src.path) + pages)
        for warning in report.warnings:
            line("Warning", clean_text(warning), style="yellow")
        title = Text(clean_text(meta.subject) or clean_text(src.path) or "(letter)", style="bold")
        console.print(Panel(head, title=title, title_align="left"))

        if not report.commitments:
            console.print(Text("No commitments found in this letter.", style="italic"))
            console.print()
            continue
        table = Table(show_header=False, show_lines=True, expand=True)
        table.add_column()
        header = grid()
        header.add_row(*(Text(name, style="bold") for name, _ in _COLUMNS), Text("Page", style="bold"))
        table.add_row(header)
        for c in report.commitments:
            row = grid()
            debate = _debate_name(c) or "—"
            if c.debate and c.debate.date:
                debate += f"\n{clean_text(c.debate.date)}"
            deadline = "—"
            if c.deadline:
                deadline = clean_text(c.deadline.text) or "—"
                if c.deadline.end:
                    deadline += f"\nuntil {clean_text(c.deadline.end)}"
            page = str(c.evidence.page) + (f" n{c.evidence.footnote}" if c.evidence.footnote else "")
            row.add_row(
                Text(clean_text(c.kind) + (f" ({clean_text(c.origin)})" if c.origin else "")),
                Text(STATUS_LABELS.get(c.status, clean_text(c.status))),
                Text(debate),
                Text(_members(c, "\n") or "—"),
                Text(deadline),
                Text(page),
            )
            sentence = Text(f"“{clean_text(c.evidence.sentence)}”", style="dim")
            table.add_row(Group(row, sentence))
        console.print(table)
        console.print()


# --- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = (
    "Tekst", "Status", "DatumNakoming", "Ministerie", "Bewindspersoon", "Kamerlid", "Fractie",
    "Activiteit", "ActiviteitDatum", "Document", "Pagina",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell: text cleaned, and never read by a spreadsheet as a formula."""
    text = clean_text(value if isinstance(value, str) else ("" if value is None else str(value)))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_text(rows: Iterable[Iterable[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buf.getvalue()


def csv_header() -> str:
    """Start of a CSV file: the UTF-8 byte-order mark (for spreadsheets) and the column names."""
    return "\ufeff" + _csv_text([CSV_COLUMNS])


def csv_rows(report: Report) -> str:
    """The CSV lines of one letter, one per commitment, in the register's columns."""
    meta = report.letter
    document = meta.kamerstuk or meta.reference or report.source.path
    rows = []
    for c in report.commitments:
        rows.append((
            c.evidence.sentence,
            REGISTER_STATUS.get(c.status, c.status),
            c.deadline.end if c.deadline else None,
            meta.ministry,
            c.made_by.name if report.source.kind == "debate" and c.made_by else _signers(report),
            "; ".join(m.name for m in c.members),
            "; ".join(m.party or "" for m in c.members) if any(m.party for m in c.members) else "",
            _debate_name(c),
            c.debate.date if c.debate else None,
            document,
            c.evidence.page,
        ))
    return _csv_text(rows)


def write_csv(reports: Iterable[Report], fh: TextIO) -> None:
    """Write all commitments as one CSV file (open `fh` with newline='' and UTF-8)."""
    fh.write(csv_header())
    for report in reports:
        fh.write(csv_rows(report))


# --- iCalendar ------------------------------------------------------------------------------------

_CRLF = "\r\n"
_SUMMARY_WORDS = 12


def _ics_escape(text: str) -> str:
    """RFC 5545 TEXT escaping; newlines become the two characters '\\n'."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    out, piece, size, limit = [], [], 0, 75
    for char in line:
        n = len(char.encode("utf-8"))
        if size + n > limit:
            out.append("".join(piece))
            piece, size, limit = [], 0, 74  # continuation lines start with one space
        piece.append(char)
        size += n
    out.append("".join(piece))
    return (_CRLF + " ").join(out) + _CRLF


def _prop(name: str, value: str) -> str:
    return _fold(f"{name}:{value}")


def _ics_date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(iso)[:10])
    except (TypeError, ValueError):
        return None


def _shorten(sentence: str, words: int = _SUMMARY_WORDS) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def commitment_uid(report: Report, commitment: Commitment) -> str:
    """Stable event id: the same letter content and evidence span always give the same UID."""
    ev = commitment.evidence
    key = f"{report.source.sha256 or report.source.path}:{ev.footnote or 0}:{ev.start}:{ev.end}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@toezegging"


def ics_header() -> str:
    """Start of an iCalendar file."""
    return "".join((
        _prop("BEGIN", "VCALENDAR"),
        _prop("VERSION", "2.0"),
        _prop("PRODID", "-//toezegging//toezegging CLI//NL"),
        _prop("CALSCALE", "GREGORIAN"),
        _prop("X-WR-CALNAME", "Toezeggingen"),
    ))


def ics_footer() -> str:
    return _prop("END", "VCALENDAR")


def ics_events(report: Report) -> str:
    """One all-day VEVENT per commitment whose deadline has an end date (the day it falls due)."""
    meta = report.letter
    # DTSTAMP must be a UTC date-time; taken from the letter's date, not the clock, so the same
    # letter always gives the same file.
    stamp_day = _ics_date(meta.date)
    out = []
    for c in report.commitments:
        due = _ics_date(c.deadline.end) if c.deadline else None
        if due is None:
            continue
        sentence = clean_text(c.evidence.sentence)
        subject = clean_text(c.subject)
        title = subject if subject and subject != clean_text(meta.subject) else _shorten(sentence)
        description = [sentence, ""]
        if c.deadline and c.deadline.text:
            description.append(f"Termijn: {clean_text(c.deadline.text)}")
        description.append(f"Status: {REGISTER_STATUS.get(c.status, clean_text(c.status))}")
        if c.debate:
            debate = _debate_name(c) + (f" ({clean_text(c.debate.date)})" if c.debate.date else "")
            if debate.strip():
                description.append(f"Debat: {debate.strip()}")
        if c.members:
            description.append(f"Kamerlid: {_members(c)}")
        if meta.subject:
            description.append(f"Brief: {clean_text(meta.subject)}")
        description.append(f"Bron: {clean_text(report.source.path)}, pagina {c.evidence.page}")
        stamp = (stamp_day or due).strftime("%Y%m%dT000000Z")
        out.extend((
            _prop("BEGIN", "VEVENT"),
            _prop("UID", commitment_uid(report, c)),
            _prop("DTSTAMP", stamp),
            _prop("DTSTART;VALUE=DATE", due.strftime("%Y%m%d")),
            _prop("DTEND;VALUE=DATE", (due + dt.timedelta(days=1)).strftime("%Y%m%d")),
            _prop("SUMMARY", _ics_escape(f"Toezegging: {title}")),
            _prop("DESCRIPTION", _ics_escape("\n".join(description))),
            _prop("TRANSP", "TRANSPARENT"),
            _prop("END", "VEVENT"),
        ))
    return "".join(out)


def ics_text(reports: Iterable[Report]) -> str:
    """A whole iCalendar file as one string."""
    return ics_header() + "".join(ics_events(r) for r in reports) + ics_footer()


def write_ics(reports: Iterable[Report], fh: TextIO) -> None:
    """Write an iCalendar file (open `fh` with newline='' so the CRLF line ends stay as they are)."""
    fh.write(ics_header())
    for report in reports:
        fh.write(ics_events(report))
    fh.write(ics_footer())

