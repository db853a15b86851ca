"""Results and the arithmetic of windows: matches, prefixes ('voor', 'eind', 'uiterlijk'), picking the
occurrence a reference date points at, portions of a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from toezegging_cli.tag.dates.patterns import _PREFIX_REACH, _RE_PREFIX
from toezegging_cli.tag.dates.words import DAY

# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class TimeMatch:
    """A time expression found in a text: character offsets, label and resolved value."""

    start: int
    end: int
    text: str
    label: str  # "DATE" | "DEADLINE"
    value: dict[str, Any]


@dataclass(frozen=True)
class _Window:
    start: dt.date | None
    end: dt.date | None
    precision: str
    estimated: bool = False


@dataclass
class _Prefix:
    start: int
    rec: bool = False
    rec_text: str = ""
    mods: set[str] = field(default_factory=set)
    rel: str | None = None  # before | after | around | in | at | by
    rel_word: str = ""
    pos: str | None = None  # begin | mid | end


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _deadline(start, end, precision, recurring=False, estimated=False) -> dict[str, Any]:
    return {
        "start": _iso(start),
        "end": _iso(end),
        "precision": precision,
        "recurring": recurring,
        "estimated": estimated,
    }


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - DAY


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    return dt.date(y, m + 1, min(day.day, _month_end(y, m + 1).day))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_REL_KIND = {
    "voor": "before", "vóór": "before", "vòòr": "before", "voorafgaand aan": "before",
    "voorafgaande aan": "before", "in aanloop naar": "before", "in de aanloop naar": "before",
    "ter voorbereiding op": "before", "ter voorbereiding van": "before",
    "na": "after", "ná": "after", "rond": "around", "rondom": "around", "omstreeks": "around",
    "in": "in", "in de loop van": "in", "tijdens": "in", "gedurende": "in",
    "op": "at", "per": "at", "met ingang van": "at", "bij": "at", "samen met": "at",
    "gelijktijdig met": "at", "met": "at",
    "tot en met": "by", "t/m": "by", "uiterlijk": "by", "uiterlijk op": "by",
}  # fmt: skip


def _prefix(text: str, at: int) -> _Prefix:
    """Read recurrence, modifiers, relation and position words right before offset `at`."""
    m = _RE_PREFIX.search(text, max(0, at - _PREFIX_REACH), at)
    if m is None or m.start() == at:
        return _Prefix(at)
    p = _Prefix(m.start())
    if m["rec"]:
        p.rec, p.rec_text = True, _norm(m["rec"])
    p.mods = set(_norm(m["mods"]).split()) if m["mods"] else set()
    if m["rel"]:
        word = _norm(m["rel"]).rstrip(":").strip()
        p.rel_word = word
        p.rel = _REL_KIND.get(word, "by")  # deadline / streefdatum
    elif "uiterlijk" in p.mods:
        p.rel, p.rel_word = "by", "uiterlijk"
    if m["pos"]:
        pos = _norm(m["pos"])
        if "helft" in pos:
            p.pos = "first_half" if ("eerste" in pos or "1e" in pos) else "second_half"
        else:
            p.pos = "end" if "eind" in pos else "begin" if ("begin" in pos or "start" in pos) else "mid"
    return p


def _pick(make, ref: dt.date | None, mode: str) -> _Window | None:
    """The occurrence of a yearly period `make(year)` a reference date points at.

    mode "before": the first one that starts after ref; "ongoing": the first not yet over;
    "recurring": the one of ref's year.
    """
    if ref is None:
        return None
    if mode == "recurring":
        return make(ref.year)
    for year in range(ref.year - 1, ref.year + 3):
        w = make(year)
        if w is None or w.start is None or w.end is None:
            continue
        if (mode == "before" and w.start > ref) or (mode != "before" and w.end >= ref):
            return w
    return None


def _portion(w: _Window, pos: str | None, unit: str) -> _Window:
    """Begin / middle / end part of a window ('eind 2023' -> Oct–Dec; 'half mei' -> 11–20 May)."""
    if pos is None or w.start is None or w.end is None:
        return w
    s, e = w.start, w.end
    if pos in ("first_half", "second_half"):  # 'in de tweede helft van oktober' -> 16–31 October
        cut = s.replace(day=15) if unit == "month" else s + (e - s) // 2
        a, b = (s, cut) if pos == "first_half" else (cut + DAY, e)
        return _Window(a, b, w.precision, w.estimated)
    if unit == "year":
        parts = {"begin": (s, _add_months(s, 3) - DAY), "mid": (_add_months(s, 5), _add_months(s, 7) - DAY),
                 "end": (_add_months(s, 9), e)}  # fmt: skip
    elif unit == "month":
        parts = {"begin": (s, s.replace(day=10)), "mid": (s.replace(day=11), s.replace(day=20)),
                 "end": (s.replace(day=21), e)}  # fmt: skip
    elif unit == "half":
        parts = {"begin": (s, _add_months(s, 2) - DAY), "mid": (_add_months(s, 2), _add_months(s, 4) - DAY),
                 "end": (_add_months(s, 4), e)}  # fmt: skip
    elif unit in ("quarter", "season"):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        mid = _add_months(s, (months - 1) // 2)
        parts = {"begin": (s, _add_months(s, 1) - DAY), "mid": (mid, _add_months(mid, 1) - DAY),
                 "end": (e.replace(day=1), e)}  # fmt: skip
    else:
        third = (e - s) // 3
        parts = {"begin": (s, s + third), "mid": (s + third, e - third), "end": (e - third, e)}
    a, b = parts[pos]
    return _Window(a, b, w.precision, w.estimated)


def _apply(
    w: _Window, p: _Prefix, ref: dt.date | None, unit: str, whole: _Window | None = None
) -> dict[str, Any]:
    """The DEADLINE value of window `w` under the relation words in `p`."""
    recurring = p.rec
    start, end = w.start, w.end
    until_ref = ref if ref is not None and not recurring else None
    if p.rel == "before":
        # 'voor het einde van het jaar' = by the end of the year
        end = whole.end if p.pos == "end" and whole is not None else w.start - DAY if w.start else None
        start = until_ref
    elif p.rel == "by":
        start = until_ref
    elif p.rel == "after":
        start = w.end + DAY if w.end else None
        soon = p.mods & {"kort", "spoedig", "vlak", "direct", "meteen"}
        end = start + dt.timedelta(days=27) if start and soon else None
    elif p.rel == "around" and unit in ("day", "event"):
        start = w.start - dt.timedelta(days=7) if w.start else None
        end = w.end + dt.timedelta(days=7) if w.end else None
    if "uiterlijk" in p.mods and p.rel in ("in", "at", None):
        start = until_ref
    if start is not None and end is not None and start > end:
        start = None
    return _deadline(start, end, w.precision, recurring, w.estimated)


def _mode(p: _Prefix) -> str:
    """Which occurrence a prefix points at: 'voor de zomer' the next one; 'voor het einde van het
    meireces', 'in de zomer' the one not yet over."""
    if p.rec:
        return "recurring"
    return "before" if p.rel == "before" and p.pos != "end" else "ongoing"


def _has_context(p: _Prefix) -> bool:
    return p.rel is not None or p.pos is not None or p.rec or "later" in p.mods or "nog" in p.mods
