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


def report_json(report: Report, explain: bool = False) -> str:
    """The report as indented JSON (the shape `toezegging schema` documents); `explain` adds each
    commitment's `explanation`."""
    return json.dumps(report.to_dict(explain), ensure_ascii=False, indent=2)


def report_jsonl(obj: Report | dict[str, Any], explain: bool = False) -> str:
    """One JSON-lines record (no trailing newline): a Report, or a dict such as `error_record`."""
    data = obj.to_dict(explain) if isinstance(obj, Report) else obj
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


def render_table(reports: Iterable[Report], console: Console, lang: str | None = None,
                 explain: bool = False) -> None:
    """The terminal report (`render/table.py`), in `lang` (default: the locale's rule, `render/i18n.py`)."""
    from toezegging_cli.render.table import render_table as render

    render(reports, console, lang=lang, explain=explain)


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
            c.evidence.part or c.evidence.sentence,  # the toezegging itself, where a sentence names several
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
    if ev.part:  # one sentence naming several commitments
        key += f":{ev.part}"
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


def ics_events(report: Report, lang: str = "nl") -> str:
    """One all-day VEVENT per commitment whose deadline has an end date (the day it falls due);
    summary and description in `lang`."""
    from toezegging_cli.render.i18n import label

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
        named = clean_text(c.evidence.part) if c.evidence.part else sentence
        title = subject if subject and subject != clean_text(meta.subject) else _shorten(named)
        description = [sentence, ""]
        if c.deadline and c.deadline.text:
            description.append(f"{label('field.deadline', lang)}: {clean_text(c.deadline.text)}")
        description.append(f"Status: {label('status.' + c.status, lang)}")
        if c.debate:
            debate = _debate_name(c) + (f" ({clean_text(c.debate.date)})" if c.debate.date else "")
            if debate.strip():
                description.append(f"{label('ics.debate', lang)}: {debate.strip()}")
        if c.members:
            description.append(f"{label('field.member', lang)}: {_members(c)}")
        if meta.subject:
            description.append(f"{label('ics.letter', lang)}: {clean_text(meta.subject)}")
        description.append(f"{label('field.source', lang)}: {clean_text(report.source.path)}, "
                           f"{label('ics.page', lang, n=c.evidence.page)}")
        stamp = (stamp_day or due).strftime("%Y%m%dT000000Z")
        out.extend((
            _prop("BEGIN", "VEVENT"),
            _prop("UID", commitment_uid(report, c)),
            _prop("DTSTAMP", stamp),
            _prop("DTSTART;VALUE=DATE", due.strftime("%Y%m%d")),
            _prop("DTEND;VALUE=DATE", (due + dt.timedelta(days=1)).strftime("%Y%m%d")),
            _prop("SUMMARY", _ics_escape(label("ics.summary", lang, text=title))),
            _prop("DESCRIPTION", _ics_escape("\n".join(description))),
            _prop("TRANSP", "TRANSPARENT"),
            _prop("END", "VEVENT"),
        ))
    return "".join(out)


def ics_text(reports: Iterable[Report], lang: str = "nl") -> str:
    """A whole iCalendar file as one string."""
    return ics_header() + "".join(ics_events(r, lang) for r in reports) + ics_footer()


def write_ics(reports: Iterable[Report], fh: TextIO, lang: str = "nl") -> None:
    """Write an iCalendar file (open `fh` with newline='' so the CRLF line ends stay as they are)."""
    fh.write(ics_header())
    for report in reports:
        fh.write(ics_events(report, lang))
    fh.write(ics_footer())

