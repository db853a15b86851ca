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
from typing import Any

STATUSES = ("open", "postponed", "partly_fulfilled", "fulfilled")

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#154273;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;opacity:.85}main{padding:16px 24px}section{background:#fff;border:1px solid #dde1e6;
border-radius:6px;padding:12px 16px;margin-bottom:16px}h2{font-size:16px;margin:0 0 8px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e6e9ed;padding:5px 7px;text-align:left;
vertical-align:top}th{background:#eef1f4;cursor:pointer;user-select:none;white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums}.st{padding:1px 6px;border-radius:9px;font-size:12px;
white-space:nowrap}.st-open{background:#e3ecf7}.st-postponed{background:#fdf0d5}.st-partly_fulfilled{background:#e9e3f5}
.st-fulfilled{background:#dcf1e1}.overdue .st{background:#f9d6d5}.mark{color:#b3261e;font-weight:600;font-size:12px}
tr.overdue td:first-child{border-left:4px solid #b3261e}q{color:#38424d}small{color:#5b6670}
.bar{position:relative;height:16px;background:#f0f2f5;border-radius:3px}.bar span{position:absolute;top:2px;
height:12px;border-radius:2px;background:#4f7cac;min-width:4px}.overdue .bar span{background:#b3261e}
.today{position:absolute;top:-2px;bottom:-2px;width:2px;background:#1d232a}#filters{display:flex;gap:10px;
flex-wrap:wrap;margin-bottom:8px}#filters input,#filters select{font:inherit;padding:3px 6px}
.links{margin:3px 0 0;padding-left:16px}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
"""

JS = """
(function(){
 const rows=[...document.querySelectorAll('#commitments tbody tr')];
 const q=document.getElementById('q'),st=document.getElementById('status'),mi=document.getElementById('ministry');
 const shown=document.getElementById('shown');
 function apply(){
  const text=q.value.trim().toLowerCase(),s=st.value,m=mi.value;let n=0;
  for(const r of rows){
   const ok=(!text||r.textContent.toLowerCase().includes(text))&&(!m||r.dataset.ministry===m)&&
    (!s||(s==='overdue'?r.classList.contains('overdue'):r.dataset.status===s));
   r.hidden=!ok;if(ok)n++;
  }
  shown.textContent=n;
  const h=new URLSearchParams();if(text)h.set('q',q.value.trim());if(s)h.set('status',s);if(m)h.set('ministry',m);
  const frag=h.toString();if(('#'+frag)!==location.hash&&(frag||location.hash))history.replaceState(null,'','#'+frag);
 }
 const init=new URLSearchParams(location.hash.slice(1));
 q.value=init.get('q')||'';st.value=init.get('status')||'';mi.value=init.get('ministry')||'';
 for(const el of [q,st,mi])el.addEventListener('input',apply);
 document.querySelectorAll('#commitments th').forEach((th,i)=>th.addEventListener('click',()=>{
  const asc=!th.classList.contains('asc');
  document.querySelectorAll('#commitments th').forEach(t=>t.classList.remove('asc','desc'));
  th.classList.add(asc?'asc':'desc');
  const key=r=>r.cells[i].dataset.sort??r.cells[i].textContent;
  rows.sort((a,b)=>{const x=key(a),y=key(b);const c=(x===''?1:0)-(y===''?1:0)||x.localeCompare(y,'nl',{numeric:true});
   return asc?c:-c;});
  const body=document.querySelector('#commitments tbody');rows.forEach(r=>body.appendChild(r));
 }));
 apply();
})();
"""


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
        body.append(f'<tr data-ministry="{_e(m)}"><td>{_e(m)}</td>{cells}'
                    f'<td class="n" data-status="overdue">{overdue[m]}</td><td class="n">{total}</td></tr>')
    cells = "".join(f'<td class="n">{sum(counts[(m, s)] for m in ministries)}</td>' for s in STATUSES)
    body.append(f'<tr id="total"><th>total</th>{cells}<td class="n">{sum(overdue.values())}</td>'
                f'<td class="n">{len(items)}</td></tr>')
    return (f'<table id="counts"><thead><tr><th>ministry</th>{head}<th>overdue</th><th>total</th></tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


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
        words = (it["evidence"]["sentence"] or "").split()
        label = " ".join(words[:14]) + (" …" if len(words) > 14 else "")
        rows.append(
            f'<tr{cls} data-id="{it["id"]}"><td class="n">{end.isoformat()}</td><td>{_status(it["status"])}{mark}</td>'
            f'<td style="width:40%"><div class="bar"><span style="left:{pct(start)}%;'
            f'width:{max(0.5, pct(end) - pct(start))}%"></span><i class="today" style="left:{pct(on)}%"></i>'
            f'</div></td><td><a href="#c{it["id"]}">#{it["id"]}</a> {_e(label)}</td></tr>')
    return (f'<p><small>{_e(lo.isoformat())} – {_e(hi.isoformat())}; the black line is {_e(on.isoformat())}'
            f"</small></p><table id=\"timeline\"><thead><tr><th>term ends</th><th>status</th><th>window</th>"
            f"<th>commitment</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _doc_label(doc: dict[str, Any]) -> str:
    return _e(doc["kamerstuk"] or doc["reference"] or doc["path"]) + (f" ({_e(doc['date'])})" if doc["date"] else "")


def _links(it: dict[str, Any]) -> str:
    parts = []
    for s in it["history"] + it["candidates"]:
        kind = "link" if s["accepted"] else "candidate"
        why = "; ".join(r["reason"] for r in s["reasons"])
        parts.append(f'<li class="{kind}">{kind} {s["score"]:.2f}: {_status(s["status"])} in '
                     f'{_doc_label(s["document"])}, p. {_e(s["evidence"]["page"])} — <q>{_e(s["evidence"]["sentence"])}'
                     f'</q> <small>({_e(why)})</small></li>')
    return f'<ul class="links">{"".join(parts)}</ul>' if parts else ""


def _commitments(items: list[dict[str, Any]]) -> str:
    rows = []
    for it in sorted(items, key=lambda x: ((x["deadline"] or {}).get("end") or "9999", x["id"])):
        d = it["debate"] or {}
        debate = " ".join(v for v in (d.get("type"), d.get("title")) if v) + (f" ({d['date']})" if d.get("date") else "")
        members = "; ".join(m["name"] + (f" ({m['party']})" if m["party"] else "") for m in it["members"])
        end = (it["deadline"] or {}).get("end") or ""
        term = _e((it["deadline"] or {}).get("text") or "")
        mark = ' <span class="mark">overdue</span>' if it["overdue"] else ""
        changed = f'<br><small>by {_doc_label(it["changed_by"])}</small>' if it["changed_by"] else ""
        cls = ' class="overdue"' if it["overdue"] else ""
        rows.append(
            f'<tr id="c{it["id"]}"{cls} data-status="{_e(it["status"])}" data-ministry="{_e(it["ministry"] or "(unknown)")}">'
            f'<td class="n" data-sort="{it["id"]:08d}">{it["id"]}</td><td>{_status(it["status"])}{mark}{changed}</td>'
            f'<td data-sort="{_e(end)}">{_e(end)}<br><small>{term}</small></td><td>{_e(it["ministry"] or "")}</td>'
            f'<td>{_e(debate)}<br><small>{_e(members)}</small></td>'
            f'<td><q>{_e(it["evidence"]["sentence"])}</q>{_links(it)}</td>'
            f'<td>{_doc_label(it["document"])}<br><small>p. {_e(it["evidence"]["page"])}</small></td></tr>')
    return ("<table id=\"commitments\"><thead><tr><th>#</th><th>status</th><th>term ends</th><th>ministry</th>"
            "<th>debate / MPs</th><th>commitment (evidence)</th><th>source</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def report_html(items: list[dict[str, Any]], on: dt.date, *, title: str = "Toezeggingen") -> str:
    """The whole page as one string."""
    ministries = sorted({it["ministry"] or "(unknown)" for it in items})
    options = "".join(f'<option value="{_e(m)}">{_e(m)}</option>' for m in ministries)
    statuses = "".join(f'<option value="{s}">{s.replace("_", " ")}</option>' for s in (*STATUSES, "overdue"))
    overdue = sum(it["overdue"] for it in items)
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{_e(title)}</title><style>{CSS}</style></head>
<body><header><h1>{_e(title)}</h1><p>{len(items)} commitments, <span id="overdue-total">{overdue}</span> overdue on
<time id="on">{on.isoformat()}</time></p></header><main>
<section><h2>Per ministry and status</h2>{_counts(items)}</section>
<section><h2>Terms</h2>{_timeline(items, on)}</section>
<section><h2>Commitments</h2><div id="filters"><input id="q" type="search" placeholder="Search text, MP, debate…">
<select id="status"><option value="">every status</option>{statuses}</select>
<select id="ministry"><option value="">every ministry</option>{options}</select>
<span><span id="shown">{len(items)}</span> shown</span></div>{_commitments(items)}</section>
</main><script>{JS}</script></body></html>
"""
