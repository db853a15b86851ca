"""The report a clerk reads on a terminal (rich), in Dutch or English.

Per letter (or debate): a panel with its metadata and a one-line summary ("2 eerdere toezeggingen:
1 voldaan, 1 uitgesteld tot 30-09-2023 · 3 nieuwe, eerste termijn 30-06-2023"), then the
commitments in the order they matter — voldaan, deels voldaan, uitgesteld, nieuw by deadline (a
debate's commitments by deadline) — each with its fields, page and the evidence sentence with the
trigger words highlighted; with `explain`, why it was found. A folder gives one summary row per
letter (`folder_header` / `folder_row`). Letter text is shown literally: no rich markup, no control
characters. Readable from 80 columns up.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from toezegging_cli.model import Commitment, Report
from toezegging_cli.render import _debate_name, clean_text
from toezegging_cli.render.i18n import both_dates, label, long_date, resolve_lang, short_date

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

GROUPS = ("fulfilled", "partly_fulfilled", "postponed", "open", "new", "made")
STATUSES = ("fulfilled", "partly_fulfilled", "postponed", "open")
KINDS = ("earlier", "new", "made")
HIGHLIGHT = "bold yellow"
PART = "underline"  # the words of a sentence that name this one of several commitments
_LONG_MATCH_WORDS = 6  # a longer trigger match is marked by its first and last words only
_EDGE_WORDS = 2


def _group(c: Commitment) -> str:
    return c.kind if c.kind in ("new", "made") else c.status


def _by_deadline(c: Commitment) -> tuple:
    end = c.deadline.end if c.deadline and c.deadline.end else "9999-99-99"
    return (end, c.evidence.footnote or 0, c.evidence.start)


def ordered(commitments: Iterable[Commitment]) -> list[tuple[str, list[Commitment]]]:
    """The commitments by group (voldaan, deels, uitgesteld, openstaand, nieuw, in debat); earlier
    ones in letter order, new and debate ones by deadline (undated last)."""
    groups: dict[str, list[Commitment]] = {g: [] for g in GROUPS}
    for c in commitments:
        groups.setdefault(_group(c), []).append(c)
    for key in ("new", "made"):
        groups[key].sort(key=_by_deadline)
    return [(g, cs) for g, cs in groups.items() if cs]


def _count(n: int, key: str, lang: str) -> str:
    return label(f"{key}.{'one' if n == 1 else 'many'}", lang, n=n)


def summary_line(report: Report, lang: str) -> str:
    """'2 eerdere toezeggingen: 1 voldaan, 1 uitgesteld tot 30-09-2023 · 3 nieuwe, eerste termijn …'."""
    cs = report.commitments
    parts = []
    earlier = [c for c in cs if c.kind == "earlier"]
    if earlier:
        counts = []
        for status in ("fulfilled", "partly_fulfilled", "postponed"):
            these = [c for c in earlier if c.status == status]
            if not these:
                continue
            ends = sorted(c.deadline.end for c in these if c.deadline and c.deadline.end)
            if status == "postponed" and ends:
                key = "summary.postponed_until" if len(these) == 1 else "summary.postponed_first"
                counts.append(label(key, lang, n=len(these), date=short_date(ends[0], lang)))
            else:
                counts.append(label(f"summary.{status}", lang, n=len(these)))
        parts.append(_count(len(earlier), "summary.earlier", lang) + ": " + ", ".join(counts))
    for kind in ("new", "made"):
        these = [c for c in cs if c.kind == kind]
        if not these:
            continue
        text = _count(len(these), f"summary.{kind}", lang)
        ends = sorted(c.deadline.end for c in these if c.deadline and c.deadline.end)
        if ends:
            text += ", " + label("summary.first_term", lang, date=short_date(ends[0], lang))
        parts.append(text)
    return " · ".join(parts) or label("summary.none", lang)


# --- pieces of a commitment -----------------------------------------------------------------------


def _person(name: str | None, role: str | None, portfolio: str | None, lang: str) -> str:
    if not name:
        return ""
    if name == "voorganger":
        return label("predecessor", lang)
    extra = ", ".join(clean_text(x) for x in (role, portfolio) if x)
    return clean_text(name) + (f" ({extra})" if extra else "")


def _deadline(c: Commitment, lang: str) -> str:
    d = c.deadline
    if d is None:
        return ""
    text = clean_text(d.text)
    if d.end:
        text += " → " + label("until", lang, date=both_dates(d.end, lang))
        if d.estimated:
            text += " " + label("explain.anchor.estimated", lang)
    return text


def _members(c: Commitment) -> str:
    return "; ".join(clean_text(m.name) + (f" ({clean_text(m.party)})" if m.party else "") for m in c.members)


def _fields(c: Commitment, report: Report, lang: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    debate = _debate_name(c)
    if c.debate and c.debate.date:
        debate = ", ".join(p for p in (debate, both_dates(c.debate.date, lang)) if p)
    rows.append((label("field.activity", lang), debate))
    member = f"{label('field.member', lang)} ({label('field.party', lang)})"
    rows.append((member, _members(c)))
    rows.append((label("field.deadline", lang), _deadline(c, lang)))
    signer = " en ".join(s.name for s in report.letter.signatories)
    if c.made_by and (c.kind == "made" or c.made_by.name != signer):
        rows.append((label("field.minister", lang),
                     _person(c.made_by.name, c.made_by.role, c.made_by.portfolio, lang)))
    if c.said or c.origin:
        said = " ".join(clean_text(x) for x in (c.said.speaker, c.said.time) if x) if c.said else ""
        if c.origin in ("list", "speech"):
            said += f" ({label('origin.' + c.origin, lang)})"
        rows.append((label("field.said", lang), said.strip()))
    return [(k, v) for k, v in rows if v]


def _marks(sentence: str) -> list[tuple[int, int]]:
    """Spans of the trigger words in the evidence sentence."""
    from toezegging_cli.assemble.explain import trigger_spans

    spans = []
    for a, b in trigger_spans(sentence):
        words = sentence[a:b].split()
        if len(words) <= _LONG_MATCH_WORDS:
            spans.append((a, b))
            continue
        head = " ".join(words[:_EDGE_WORDS])
        tail = " ".join(words[-_EDGE_WORDS:])
        spans.append((a, a + len(head)))
        spans.append((b - len(tail), b))
    return spans


def evidence_text(c: Commitment) -> Text:
    """The evidence sentence in quotes, its trigger words highlighted and, where the sentence names
    several commitments, this one's part underlined."""
    from rich.text import Text

    raw = c.evidence.sentence or (c.said.text if c.said else "")
    sentence = clean_text(raw)
    text = Text("“" + sentence + "”", style="italic")
    part = clean_text(c.evidence.part) if c.evidence.part else ""
    at = sentence.find(part) if part else -1
    if at >= 0:
        text.stylize(PART, at + 1, at + 1 + len(part))
    for a, b in _marks(sentence):
        text.stylize(HIGHLIGHT, a + 1, b + 1)
    return text


# --- explanation ----------------------------------------------------------------------------------


def _q(text: str | None) -> str:
    return f"„{clean_text(text)}”" if text else ""


def _number(x: float, lang: str) -> str:
    text = f"{x:g}"
    return text.replace(".", ",") if lang == "nl" else text


def deadline_explained(steps: dict[str, Any], lang: str) -> str:
    """'„voor de zomer” → zomerreces 2023 begint 7 juli → 6 juli 2023'."""
    out = [_q(steps.get("text"))]
    anchor = steps.get("anchor")
    if anchor:
        day = long_date(anchor["date"], lang)
        name = anchor["name"]
        if anchor["kind"] == "recess":
            day = day.rsplit(" ", 1)[0]
        else:
            name = name.capitalize()
        text = label(f"explain.anchor.{anchor['edge']}", lang, name=name, year=anchor["year"], date=day)
        out.append(text + (" " + label("explain.anchor.estimated", lang) if anchor.get("estimated") else ""))
    start, end = steps.get("start"), steps.get("end")
    ref = steps.get("reference_date")
    if end and start and start != end and start != ref:
        out.append(label("explain.window", lang, start=long_date(start, lang), end=long_date(end, lang)))
    elif end:
        out.append(long_date(end, lang))
    else:
        out.append(label("explain.open_end", lang))
    text = " → ".join(out)
    if steps.get("where") == "after":
        text += " " + label("explain.where.after", lang)
    if ref and steps.get("year_from_reference"):
        text += f" ({label('explain.reference', lang, date=long_date(ref, lang))})"
    return text


def explanation_rows(c: Commitment, lang: str) -> list[tuple[str, str]]:
    """The explanation in words: (part, text) for rule, status, debate, members, term, confidence."""
    e = c.explanation
    if not e:
        return [("", label("explain.none", lang))]
    triggers = " · ".join(f"{t['pattern']} {_q(t['text'])}" for t in e.get("triggers", []))
    rows = [(label("explain.rule", lang), e["rule"] + (f" — {triggers}" if triggers else ""))]
    if e.get("learned"):
        rows.append(("", label("explain.learned", lang, label=e["learned"]["label"],
                               score=_number(e["learned"]["score"], lang))))
    status = e.get("status") or {}
    if status:
        reason = status.get("reason")
        if reason in ("own", "scope"):
            text = (f"{label('status.' + status['value'], lang)} — {status['pattern']} {_q(status['text'])} "
                    f"{label('explain.status.' + reason, lang)}")
        else:
            text = label("explain.status." + reason, lang)
        rows.append((label("explain.status", lang), text))
    debate = e.get("debate")
    if debate:
        where = f" {label('explain.where.' + debate['where'], lang)}" if debate.get("where") else ""
        rows.append((label("explain.debate", lang), (_q(debate.get("text")) or _debate_name(c)) + where))
    if e.get("members"):
        rows.append((label("explain.members", lang), "; ".join(
            (f"{_q(m['text'])} → " if m.get("text") else "") + clean_text(m["name"])
            + (f" ({clean_text(m['party'])}, {m['party_source']})" if m.get("party") else "")
            for m in e["members"])))
    if e.get("deadline"):
        rows.append((label("explain.deadline", lang), deadline_explained(e["deadline"], lang)))
    rows.append((label("explain.confidence", lang),
                 f"{_number(c.confidence, lang)} ({label('confidence.' + e['confidence_reason'], lang)})"))
    return rows


def explanation_lines(c: Commitment, lang: str) -> list[str]:
    """The explanation as plain lines ('status: …')."""
    return [f"{k}: {v}" if k else v for k, v in explanation_rows(c, lang)]


# --- the report -----------------------------------------------------------------------------------


def _header(report: Report, lang: str) -> Text:
    from rich.text import Text

    head = Text()
    head.append(summary_line(report, lang), style="bold")

    def line(key: str, value: str, style: str = "") -> None:
        if value:
            head.append("\n")
            head.append(f"{label(key, lang)}: ", style="bold")
            head.append(value, style=style)

    meeting, meta, src = report.meeting, report.letter, report.source
    if meeting is not None:
        line("field.meeting", clean_text(meeting.title))
        line("field.date", both_dates(meeting.date, lang))
        line("field.kind", clean_text(meeting.kind))
        line("field.committee", clean_text(meeting.committee))
    else:
        line("field.date", both_dates(meta.date, lang))
        line("field.ministry", clean_text(meta.ministry))
        line("field.signed", "; ".join(_person(s.name, s.role, None, lang) for s in meta.signatories))
        line("field.kamerstuk", clean_text(meta.kamerstuk))
        line("field.reference", clean_text(meta.reference))
    pages = ""
    if src.pages:
        pages = ", " + label("pages.one" if src.pages == 1 else "pages.many", lang, n=src.pages)
    line("field.source", clean_text(src.path) + pages)
    for warning in report.warnings:
        line("field.warning", clean_text(warning), style="yellow")
    return head


def _title(report: Report) -> str:
    if report.meeting is not None and report.meeting.title:
        return clean_text(report.meeting.title)
    return clean_text(report.letter.subject) or clean_text(report.source.path) or "(brief)"


def _field_keys(lang: str) -> list[str]:
    member = f"{label('field.member', lang)} ({label('field.party', lang)})"
    return [label(f"field.{k}", lang) for k in ("activity", "deadline", "minister", "said")] + [member]


def _grid(rows: list[tuple[str, str]], key_width: int | None, style: str) -> Any:
    """Label and value side by side; long values wrap under their own column."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold " + style if style != "bold" else "bold", no_wrap=True, width=key_width)
    grid.add_column(overflow="fold", style="" if style == "bold" else style)
    for key, value in rows:
        grid.add_row(Text(key), Text(value))
    return grid


def _commitment(number: int, c: Commitment, report: Report, lang: str, explain: bool) -> Any:
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    where = label("page.short", lang, n=c.evidence.page)
    if c.evidence.footnote:
        where += f", {label('field.footnote', lang)} {c.evidence.footnote}"
    head = Text(f"{number}. ", style="bold")
    head.append(label(f"kind.{c.kind}", lang) if c.kind in KINDS else clean_text(c.kind),
                style="bold")
    head.append(f" · {label('status.' + c.status, lang) if c.status in STATUSES else clean_text(c.status)}")
    if report.source.kind != "debate":  # a transcript has no pages; the time of saying stands below
        head.append(f" · {where}")
    if c.subject and c.subject != report.letter.subject:
        head.append(f" · {clean_text(c.subject)}", style="cyan")
    width = max(len(key) for key in _field_keys(lang))
    parts: list[Any] = [head, _grid(_fields(c, report, lang), width, "bold"), evidence_text(c)]
    if explain:
        parts.append(Text(f"{label('explain.title', lang)}:", style="bold magenta"))
        parts.append(Padding(_grid(explanation_rows(c, lang), None, "magenta"), (0, 0, 0, 2)))
    return Group(*parts)


def render_table(reports: Iterable[Report], console: Console, lang: str | None = None,
                 explain: bool = False) -> None:
    """Print each report: metadata panel with summary, then the commitments grouped and ordered."""
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.text import Text

    lang = resolve_lang(lang)
    for report in reports:
        title = Text(_title(report), style="bold")
        console.print(Panel(_header(report, lang), title=title, title_align="left"))
        if not report.commitments:
            console.print(Text(label("no_commitments", lang), style="italic"))
            console.print()
            continue
        number = 0
        for group, commitments in ordered(report.commitments):
            console.rule(Text(f"{label('group.' + group, lang)} ({len(commitments)})", style="bold"),
                         align="left")
            for c in commitments:
                number += 1
                console.print(Padding(_commitment(number, c, report, lang, explain), (0, 0, 1, 1)))
        console.print()


# --- a folder: one row per letter -----------------------------------------------------------------


def _row_widths(width: int) -> tuple[int, int, int]:
    name = max(14, min(40, width * 3 // 10))
    date = 10
    return name, date, max(20, width - name - date - 2)


def _row(cells: tuple[Any, Any, Any], width: int, console_kwargs: dict[str, Any]) -> str:
    from rich.console import Console
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    for w in _row_widths(width):
        grid.add_column(width=w, overflow="fold")
    grid.add_row(*cells)
    buf = io.StringIO()
    Console(file=buf, width=width, **console_kwargs).print(grid)
    return buf.getvalue()


def folder_header(width: int, lang: str, console_kwargs: dict[str, Any]) -> str:
    """The column names of the one-row-per-letter view."""
    from rich.text import Text

    names = (label("folder.letter", lang), label("field.date", lang), label("field.summary", lang))
    return _row(tuple(Text(n, style="bold") for n in names), width, console_kwargs)


def folder_row(report: Report, width: int, lang: str, console_kwargs: dict[str, Any]) -> str:
    """One letter as one row: file name, date, summary line."""
    from rich.text import Text

    date = (report.meeting.date if report.meeting is not None else None) or report.letter.date
    return _row((Text(_name(report.source.path)), Text(short_date(date, lang)),
                 Text(summary_line(report, lang))), width, console_kwargs)


def folder_error_row(path: str, reason: str, width: int, lang: str, console_kwargs: dict[str, Any]) -> str:
    """The row of a letter that could not be read."""
    from rich.text import Text

    return _row((Text(_name(path)), Text(""), Text(label("folder.error", lang, text=clean_text(reason)),
                                                   style="red")), width, console_kwargs)


def _name(path: str) -> str:
    return clean_text(os.path.basename(path) or path)
