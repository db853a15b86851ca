"""Why a commitment was found: the rule family and pattern, the entities used, the deadline's steps.

Assembly attaches an `explanation` dict to each commitment it makes (`attach`); JSON shows it with
`--explain` (`Report.to_dict(explain=True)`), the table prints it in words. The dict holds facts
only (family names, pattern places in `data/commitment_triggers.toml`, matched text, dates), no
prose, so it reads the same in every language:

- `rule`: the family that made the commitment: earlier, request, anaphora, generic, new,
  new.needs_deadline (a weak promise that counts only with a term), or learned (the second opinion);
- `triggers`: per sentence used, each family that matched, the pattern (`request.patterns[3]`),
  the words it matched and their offsets in the body (or footnote, as `evidence`);
- `status`: the status words and where they stood, or why the status is the default;
- `debate`, `members`: the tagged text each came from and where it stood;
- `deadline`: the term as written, where it stood (`own` sentences, or `after` them: a renewed
  term), the calendar anchor it was read against (a recess, Prinsjesdag) and the resulting window;
  `year_from_reference` when a year-less term took its year from the letter's date
  (`reference_date`);
- `confidence` and `confidence_reason`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from toezegging_cli.model import Commitment, Deadline

# family on a Sentence -> (Triggers attribute, place in commitment_triggers.toml)
FAMILIES = {
    "earlier": ("earlier", "earlier.patterns"),
    "earlier.mentions": ("mentions", "earlier.mentions"),
    "request": ("request", "request.patterns"),
    "anaphora": ("anaphora", "anaphora.patterns"),
    "generic": ("generic", "generic.patterns"),
    "new": ("new", "new.patterns"),
    "new.needs_deadline": ("needs_deadline", "new.needs_deadline"),
}
# a family whose sentences may have matched a second list of patterns
_VARIANTS = {"new": ["new", "new.needs_deadline"], "earlier": ["earlier", "earlier.mentions"]}
# status -> the status families that say it, in the order assembly reads them
STATUS_FAMILIES = {
    "partly_fulfilled": ("partly",),
    "postponed": ("postponed",),
    "fulfilled": ("delivered", "fulfilled"),
}
CONFIDENCE_REASONS = {  # rule -> key of the reason in data/labels.toml ("confidence.<key>")
    "earlier": "earlier", "anaphora": "earlier", "request": "request", "generic": "generic",
    "new": "new", "new.needs_deadline": "new", "learned": "learned",
}  # fmt: skip
_EVENTS = {  # words of a term -> the calendar day it is read against
    "prinsjesdag": "prinsjesdag", "miljoenennota": "prinsjesdag", "begroting": "prinsjesdag",
    "verantwoordingsdag": "verantwoordingsdag", "jaarverslag": "verantwoordingsdag",
}  # fmt: skip
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SUMMER = re.compile(r"\b(?:voor|na|rond|tot|vóór)\s+(?:de|het)\s+zomer\b", re.I)


def _first(patterns, text: str) -> tuple[int, re.Match] | None:
    """The place of the first pattern that matches `text`, and its match."""
    from toezegging_cli import prefilter

    return prefilter.of(patterns).first(text)


def _families(sent) -> list[str]:
    """The trigger families a sentence matched, in reading order (from its assembly roles)."""
    out = [f for f in ("earlier", "request", "anaphora", "generic") if f in sent.roles]
    if "new" in sent.roles:
        out.append("new")
    return out


def _trigger(sent, family: str, t) -> dict[str, Any] | None:
    from toezegging_cli.assemble import _masked

    text = _masked(sent.text)
    names = _VARIANTS.get(family, [family])
    for name in names:
        attr, place = FAMILIES[name]
        hit = _first(getattr(t, attr), text)
        if hit:
            i, m = hit
            return {"family": name, "pattern": f"{place}[{i}]", "text": sent.text[m.start():m.end()],
                    "start": sent.start + m.start(), "end": sent.start + m.end(), "page": sent.page}
    return None


def trigger_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of every trigger family's first match in a sentence (for highlighting a report read
    back without explanations)."""
    from toezegging_cli.assemble import _masked, triggers

    t, text, spans = triggers(), _masked(sentence), []
    for attr, _ in FAMILIES.values():
        hit = _first(getattr(t, attr), text)
        if hit:
            spans.append(hit[1].span())
    return spans


def _status(c: Commitment, group: list, sents: list, t) -> dict[str, Any]:
    if c.kind == "new":
        return {"value": c.status, "reason": "open"}
    last = group[-1]
    scope = [s for s in sents[last.index + 1:]
             if s.section == last.section and s.paragraph <= last.paragraph + 1]
    for where, part in (("own", group), ("scope", scope)):
        for family in STATUS_FAMILIES.get(c.status, ()):
            for s in part:
                hit = _first(getattr(t, family), s.text)
                if hit:
                    return {"value": c.status, "reason": where, "pattern": f"status.{family}[{hit[0]}]",
                            "text": s.text[hit[1].start():hit[1].end()]}
    return {"value": c.status, "reason": "follow_up" if c.status == "postponed" else "default"}


def _debate(c: Commitment, group: list, sents: list) -> dict[str, Any] | None:
    if c.debate is None:
        return None
    first, last = group[0], group[-1]
    para = [s for s in sents
            if first.paragraph <= s.paragraph <= last.paragraph and s.section == first.section]
    for s in (*group, *para):
        for e in s.entities:
            if e.label == "DEBATE" and (e.value.get("title"), e.value.get("date")) in {
                    (c.debate.title, c.debate.date), (c.debate.title, None), (None, c.debate.date)}:
                where = "own" if s in group else ("before" if s.index < first.index else "after")
                if s.heading:
                    where = "heading"
                return {"text": e.text, "where": where, "type": c.debate.type, "title": c.debate.title,
                        "date": c.debate.date}
    return {"text": None, "where": None, "type": c.debate.type, "title": c.debate.title,
            "date": c.debate.date}


def _members(c: Commitment, group: list) -> list[dict[str, Any]]:
    out = []
    for m in c.members:
        e = next((e for s in group for e in s.entities
                  if e.label == "MEMBER" and (e.value.get("name") or e.text) == m.name), None)
        out.append({"text": e.text if e else None, "name": m.name, "party": m.party,
                    "party_source": m.party_source})
    return out


def _anchor(deadline: Deadline) -> dict[str, Any] | None:
    """The calendar day or recess a term was read against, when its words name one."""
    from toezegging_cli.tag import calendar as cal
    from toezegging_cli.tag.dates import RECESS_WORDS

    text = deadline.text.lower()
    start, end = (dt.date.fromisoformat(d) if d else None for d in (deadline.start, deadline.end))
    years = sorted({d.year for d in (end, start) if d}, reverse=True)
    name = next((n for w, n in RECESS_WORDS.items() if n and re.search(rf"\b{w}\b", text)), None)
    if name is None and _SUMMER.search(text):
        name = "zomerreces"
    if name:
        for year in years:
            r = cal.recess(name, year)
            if r is None:
                continue
            edges = {"starts": r.start, "ends": r.end}
            day = dt.timedelta(days=1)
            if end in (r.start - day, r.start) or start == r.start:
                edge = "starts"
            elif start in (r.end + day, r.end) or end == r.end:
                edge = "ends"
            else:
                continue
            return {"kind": "recess", "name": name, "year": year, "edge": edge,
                    "date": edges[edge].isoformat(), "estimated": r.estimated}
    event = next((n for w, n in _EVENTS.items() if w in text), None)
    if event and years:
        day_of = cal.prinsjesdag if event == "prinsjesdag" else cal.verantwoordingsdag
        day = day_of(years[0])
        if day not in (start, end) and not (end and end + dt.timedelta(days=1) == day):
            return None
        return {"kind": "event", "name": event, "year": day.year, "edge": "is", "date": day.isoformat(),
                "estimated": False}
    return None


def deadline_steps(deadline: Deadline | None, ref: str | None, group: list = ()) -> dict[str, Any] | None:
    """How a term was normalised: as written → calendar anchor → window; `where` says whether the
    commitment's own sentences state it or a later sentence (a renewed term, a delay) does."""
    if deadline is None:
        return None
    return {
        "text": deadline.text,
        "where": "own" if any(deadline.text in s.text for s in group) or not group else "after",
        "anchor": _anchor(deadline),
        "reference_date": ref,  # the letter's date: where a 'voor …' window starts
        "year_from_reference": bool(ref) and not _YEAR.search(deadline.text),
        "start": deadline.start, "end": deadline.end, "precision": deadline.precision,
        "estimated": deadline.estimated,
    }


def _rule(c: Commitment, group: list) -> str:
    roles = set().union(*(s.roles for s in group))
    if c.kind == "new":
        return next((tr["family"] for s in group if (tr := _trigger(s, "new", _t()))), "new")
    if "generic" in roles:
        return "generic"
    if all("standalone" in s.roles for s in group if "earlier" in s.roles) and "request" not in roles:
        return "anaphora"  # a sentence pointing back that says enough to stand on its own
    for family in ("earlier", "request", "anaphora"):
        if family in roles:
            return family
    return c.kind


def _t():
    from toezegging_cli.assemble import triggers

    return triggers()


def attach(c: Commitment, group: list, sents: list, ref: str | None, *, rule: str | None = None,
           scores: dict[str, float] | None = None) -> Commitment:
    """Give `c` its explanation from the sentences `group` it was built from; returns `c`."""
    t = _t()
    rule = rule or _rule(c, group)
    triggers = [tr for s in group for f in _families(s) if (tr := _trigger(s, f, t))]
    c.explanation = {
        "rule": rule,
        "triggers": triggers,
        "status": _status(c, group, sents, t),
        "debate": _debate(c, group, sents),
        "members": _members(c, group),
        "deadline": deadline_steps(c.deadline, ref, group),
        "confidence": c.confidence,
        "confidence_reason": CONFIDENCE_REASONS.get(rule, rule),
    }
    if scores:
        label = max(scores, key=scores.get)
        c.explanation["learned"] = {"label": label, "score": round(scores[label], 3)}
    if c.kind == "new" and rule != "learned":
        c.explanation["confidence_reason"] = "new_deadline" if c.deadline is not None else "new"
    return c
