"""`track report`: the register as one self-contained HTML page (inline CSS and JS, no network).

The page is complete as HTML (counts per ministry and status, a timeline of terms with the overdue
ones marked at the chosen day, every commitment with its evidence, source and links); the inline
script only adds sorting and filtering. The filter state lives in the address's fragment
(`overzicht.html#status=overdue&q=stikstof`), so a filtered view can be bookmarked and shared.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from importlib import resources
from typing import Any

STATUSES = ("open", "postponed", "partly_fulfilled", "fulfilled")

def _asset(name: str) -> str:
    """The page's inline stylesheet or script, kept beside this module (report.css, report.js)."""
    return resources.files("toezegging_cli.register").joinpath(name).read_text("utf-8")


def _e(text: Any) -> str:
    return html.escape("" if text is None else str(text))


def _status(status: str) -> str:
    return f'<span class="st st-{_e(status)}">{_e(status.replace("_", " "))}</span>'


def _counts(items: list[dict[str, Any]]) -> str:
    counts = Counter((it["ministry"] or "(unknown)", it["status"]) for it in items)
    overdue = Counter(it["ministry"] or "(unknown)" for it in items if it["overdue"])
    ministries = sorted({m for m, _ in counts})
    head = "".join(f"<th>{_e(s.replace('_', ' '))}</th>" for s in STATUSES)
    body = []
    for m in ministries:
        cells = "".join(f'<td class="n" data-status="{s}">{counts[(m, s)]}</td>' for s in STATUSES)
        total = sum(counts[(m, s)] for s in STATUSES)
        body.append(
            f'<tr data-ministry="{_e(m)}"><td>{_e(m)}</td>{cells}'
            f'<td class="n" data-status="overdue">{overdue[m]}</td><td class="n">{total}</td></tr>'
        )
    cells = "".join(f'<td class="n">{sum(counts[(m, s)] for m in ministries)}</td>' for s in STATUSES)
    body.append(
        f'<tr id="total"><th>total</th>{cells}<td class="n">{sum(overdue.values())}</td>'
        f'<td class="n">{len(items)}</td></tr>'
    )
    return (
        f'<table id="counts"><thead><tr><th>ministry</th>{head}<th>overdue</th><th>total</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _timeline(items: list[dict[str, Any]], on: dt.date) -> str:
    dated = []
    for it in items:
        d = it["deadline"] or {}
        try:
            end = dt.date.fromisoformat((d.get("end") or "")[:10])
        except ValueError:
            continue
        try:
            start = dt.date.fromisoformat((d.get("start") or "")[:10])
        except ValueError:
            start = end
        dated.append((end, min(start, end), it))
    if not dated:
        return "<p>No commitment has a dated term.</p>"
    dated.sort(key=lambda x: (x[0], x[2]["id"]))
    lo = min(min(s for _, s, _ in dated), on)
    hi = max(max(e for e, _, _ in dated), on)
    span = max(1, (hi - lo).days)

    def pct(day: dt.date) -> float:
        return round(100 * (day - lo).days / span, 2)

    rows = []
    for end, start, it in dated:
        cls = ' class="overdue"' if it["overdue"] else ""
        mark = ' <span class="mark">overdue</span>' if it["overdue"] else ""
        words = (it["evidence"]["part"] or it["evidence"]["sentence"] or "").split()
        label = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        rows.append(
            f'<tr{cls} data-id="{it["id"]}"><td class="n">{end.isoformat()}</td>'
            f'<td>{_status(it["status"])}{mark}</td>'
            f'<td style="width:40%"><div class="bar"><span style="left:{pct(start)}%;'
            f'width:{max(0.5, pct(end) - pct(start))}%"></span><i class="today" style="left:{pct(on)}%"></i>'
            f'</div></td><td><a href="#c{it["id"]}">#{it["id"]}</a> {_e(label)}</td></tr>'
        )
    return (
        f"<p><small>{_e(lo.isoformat())} – {_e(hi.isoformat())}; the black line is {_e(on.isoformat())}"
        f'</small></p><table id="timeline"><thead><tr><th>term ends</th><th>status</th><th>window</th>'
        f"<th>commitment</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _doc_label(doc: dict[str, Any]) -> str:
    return _e(doc["kamerstuk"] or doc["reference"] or doc["path"]) + (
        f" ({_e(doc['date'])})" if doc["date"] else ""
    )


def _links(it: dict[str, Any]) -> str:
    parts = []
    for s in it["history"] + it["candidates"]:
        kind = "link" if s["accepted"] else "candidate"
        why = "; ".join(r["reason"] for r in s["reasons"])
        parts.append(
            f'<li class="{kind}">{kind} {s["score"]:.2f}: {_status(s["status"])} in '
            f"{_doc_label(s['document'])}, p. {_e(s['evidence']['page'])} — "
            f"<q>{_e(s['evidence']['sentence'])}"
            f"</q> <small>({_e(why)})</small></li>"
        )
    return f'<ul class="links">{"".join(parts)}</ul>' if parts else ""


def _commitments(items: list[dict[str, Any]]) -> str:
    rows = []
    for it in sorted(items, key=lambda x: ((x["deadline"] or {}).get("end") or "9999", x["id"])):
        d = it["debate"] or {}
        debate = " ".join(v for v in (d.get("type"), d.get("title")) if v) + (
            f" ({d['date']})" if d.get("date") else ""
        )
        members = "; ".join(m["name"] + (f" ({m['party']})" if m["party"] else "") for m in it["members"])
        end = (it["deadline"] or {}).get("end") or ""
        term = _e((it["deadline"] or {}).get("text") or "")
        mark = ' <span class="mark">overdue</span>' if it["overdue"] else ""
        changed = f"<br><small>by {_doc_label(it['changed_by'])}</small>" if it["changed_by"] else ""
        cls = ' class="overdue"' if it["overdue"] else ""
        rows.append(
            f'<tr id="c{it["id"]}"{cls} data-status="{_e(it["status"])}"'
            f' data-ministry="{_e(it["ministry"] or "(unknown)")}">'
            f'<td class="n" data-sort="{it["id"]:08d}">{it["id"]}</td>'
            f'<td>{_status(it["status"])}{mark}{changed}</td>'
            f'<td data-sort="{_e(end)}">{_e(end)}<br><small>{term}</small></td>'
            f'<td>{_e(it["ministry"] or "")}</td>'
            f"<td>{_e(debate)}<br><small>{_e(members)}</small></td>"
            f"<td><q>{_e(it['evidence']['sentence'])}</q>{_links(it)}</td>"
            f"<td>{_doc_label(it['document'])}<br><small>p. {_e(it['evidence']['page'])}</small></td></tr>"
        )
    return (
        '<table id="commitments"><thead><tr><th>#</th><th>status</th><th>term ends</th><th>ministry</th>'
        "<th>debate / MPs</th><th>commitment (evidence)</th><th>source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def report_html(items: list[dict[str, Any]], on: dt.date, *, title: str = "Toezeggingen") -> str:
    """The whole page as one string."""
    ministries = sorted({it["ministry"] or "(unknown)" for it in items})
    options = "".join(f'<option value="{_e(m)}">{_e(m)}</option>' for m in ministries)
    statuses = "".join(f'<option value="{s}">{s.replace("_", " ")}</option>' for s in (*STATUSES, "overdue"))
    overdue = sum(it["overdue"] for it in items)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title>
<style>{_asset('report.css')}</style></head>
<body><header><h1>{_e(title)}</h1><p>{len(items)} commitments,
<span id="overdue-total">{overdue}</span> overdue on
<time id="on">{on.isoformat()}</time></p></header><main>
<section><h2>Per ministry and status</h2>{_counts(items)}</section>
<section><h2>Terms</h2>{_timeline(items, on)}</section>
<section><h2>Commitments</h2><div id="filters">
<input id="q" type="search" placeholder="Search text, MP, debate…">
<select id="status"><option value="">every status</option>{statuses}</select>
<select id="ministry"><option value="">every ministry</option>{options}</select>
<span><span id="shown">{len(items)}</span> shown</span></div>{_commitments(items)}</section>
</main><script>{_asset('report.js')}</script></body></html>
"""
