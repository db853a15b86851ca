"""Anchor handlers: each reads one kind of expression and returns candidates (start, end, label, value)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from toezegging_cli.tag import calendar as cal
from toezegging_cli.tag.dates.patterns import (
    _RE_MEETING_BEFORE,
    _alt,
)
from toezegging_cli.tag.dates.windows import (
    _add_months,
    _apply,
    _deadline,
    _has_context,
    _iso,
    _mode,
    _month_end,
    _norm,
    _pick,
    _portion,
    _Prefix,
    _prefix,
    _Window,
)
from toezegging_cli.tag.dates.words import (
    DAY,
    MONTH_ABBR,
    MONTHS,
    NUMBERS,
    ORDINALS,
    RECESS_WORDS,
    SEASONS,
    WEEKDAYS,
)

# ---------------------------------------------------------------------------------------------
# Anchor handlers: each returns candidates (start, end, label, value)

_Cand = tuple[int, int, str, dict[str, Any]]


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBR[word]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_day(
    day: int, month: int, year: int | None, ja: str | None, ref: dt.date | None, mode: str
) -> dt.date | None:
    """The date of a day/month (+year) with 'jl.'/'a.s.' or a mode (nearest, before, ongoing)."""
    if year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    options = [d for y in range(ref.year - 1, ref.year + 2) if (d := _safe_date(y, month, day))]
    if not options:
        return None
    ja = (ja or "").lower()
    if ja.startswith(("jl", "j.l", "l.l", "jongstl", "laatstl")):
        past = [d for d in options if d <= ref]
        return past[-1] if past else None
    if ja.startswith(("a.s", "aanst")):  # the letter's own day is the coming one, not a year later
        future = [d for d in options if d >= ref]
        return future[0] if future else None
    if mode == "recurring":
        return _safe_date(ref.year, month, day)
    if mode == "before":  # 'voor 22 mei' in a letter of 22 May: that day (a term just reached)
        return next((d for d in options if d >= ref), None)
    if mode == "ongoing":
        return next((d for d in options if d >= ref), None)
    return min(options, key=lambda d: abs((d - ref).days))


def _date_value(day: dt.date | None, precision: str = "day") -> dict[str, Any]:
    return {"date": _iso(day), "precision": precision}


def _day_candidates(
    text: str, ref: dt.date | None, s: int, e: int, day: int, month: int, year: int | None, ja: str | None
) -> list[_Cand]:
    """A day date: DEADLINE when a relation word makes it a term, else DATE."""
    if year is None and _safe_date(2000, month, day) is None:  # 2000 is a leap year
        return []
    if year is not None and _safe_date(year, month, day) is None:
        return []
    plain = (s, e, "DATE", _date_value(_resolve_day(day, month, year, ja, ref, "nearest")))
    p = _prefix(text, s)
    if p.rel is None or p.pos is not None or p.rel == "in":
        return [plain]
    if p.rel == "at" and p.rel_word in ("bij", "met", "samen met", "gelijktijdig met"):
        return [plain]
    if p.rel == "at" and not p.rec:
        # 'op 10 oktober' names a term only when that day is still ahead of the letter, and not
        # when it dates a meeting ('het commissiedebat Water op 16 april')
        d = _resolve_day(day, month, year, ja, ref, "nearest")
        if d is None or ref is None or d <= ref:
            return [plain]
        if p.rel_word == "op" and _RE_MEETING_BEFORE.search(text, max(0, p.start - 80), p.start):
            return [plain]
    else:
        d = _resolve_day(day, month, year, ja, ref, _mode(p))
    w = _Window(d, d, "day")
    return [plain, (p.start, e, "DEADLINE", _apply(w, p, ref, "day"))]


def _h_daydate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    year = int(m["year"]) if m["year"] else None
    return _day_candidates(
        text, ref, m.start(), m.end(), int(m["day"]), _month_number(m["mon"]), year, m["ja"]
    )


def _h_numdate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    return _day_candidates(text, ref, m.start(), m.end(), int(m["day"]), int(m["mon"]), int(m["year"]), None)


def _explicit_year(m: re.Match, ref: dt.date | None) -> tuple[bool, int | None]:
    """(a year was given, that year) from the 'van 2025' / 'van dit jaar' part of an anchor."""
    if m["year"]:
        return True, int(m["year"])
    if m["ryear"]:
        word = _norm(m["ryear"])
        if ref is None:
            return True, None
        if any(k in word for k in ("volgend", "komend", "nieuwe")):
            return True, ref.year + 1
        if any(k in word for k in ("vorig", "afgelopen")):
            return True, ref.year - 1
        return True, ref.year
    return False, None


_PERIOD_RELATIONS = frozenset({"before", "after", "around", "in", "by"})


def _period(
    m: re.Match,
    text: str,
    ref: dt.date | None,
    make,
    unit: str,
    standalone: bool,
    explicit: tuple[bool, int | None],
    plain_date: str | None = None,
) -> list[_Cand]:
    """Candidates of a yearly period anchor (month, season, quarter, half, year).

    `make(year)` gives the period's window in a year; `standalone` says whether the anchor is a
    term without relation words ('dit najaar', 'Q3 2023'); `plain_date` the DATE precision of a
    bare anchor with a year ('maart 2025').
    """
    given, year = explicit
    p = _prefix(text, m.start())
    if p.rel is not None and p.rel not in _PERIOD_RELATIONS:
        p = _Prefix(m.start())
    if not _has_context(p) and not standalone:
        if plain_date and given:
            w = make(year) if year is not None else None
            return [(m.start(), m.end(), "DATE", _date_value(w.start if w else None, plain_date))]
        return []
    if given:
        whole = make(year) if year is not None else None
    else:
        whole = _pick(make, ref, _mode(p) if p.pos is None or p.rel != "before" else "ongoing")
    if whole is None:
        value = _deadline(None, None, _unit_precision(unit), p.rec)
    else:
        value = _apply(_portion(whole, p.pos, unit), p, ref, unit, whole)
    return [(p.start, m.end(), "DEADLINE", value)]


def _unit_precision(unit: str) -> str:
    return "quarter" if unit == "half" else unit


def _h_month(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    month = MONTHS[m["mon"].lower()]

    def make(y: int) -> _Window:
        return _Window(dt.date(y, month, 1), _month_end(y, month), "month")

    return _period(m, text, ref, make, "month", False, _explicit_year(m, ref), plain_date="month")


def _season_window(season: str, y: int) -> _Window:
    first, last = SEASONS[season]
    end_year = y + 1 if last < first else y
    return _Window(dt.date(y, first, 1), _month_end(end_year, last), "season")


def _recess_window(name: str, y: int) -> _Window | None:
    r = cal.recess(name, y)
    return _Window(r.start, r.end, "event", r.estimated) if r else None


def _h_season(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    season = m["season"].lower()
    det = _norm(m["det"] or "")
    explicit = _explicit_year(m, ref)
    if not explicit[0] and det in ("dit", "deze") and season not in ("winter", "wintermaanden"):
        explicit = (True, ref.year if ref else None)
    standalone = explicit[0] or det not in ("", "het", "de")
    p = _prefix(text, m.start())
    if SEASONS[season] == (6, 8) and p.pos is None and (p.rel in ("before", "after", "around", "by")):
        return _summer_recess(m, text, ref, p, explicit)
    if det and ("volgend" in det) and not explicit[0]:
        whole = _pick(lambda y: _season_window(season, y), ref, "before")
        explicit = (True, whole.start.year if whole and whole.start else None)
    return _period(m, text, ref, lambda y: _season_window(season, y), "season", standalone, explicit)


def _summer_recess(
    m: re.Match, text: str, ref: dt.date | None, p: _Prefix, explicit: tuple[bool, int | None]
) -> list[_Cand]:
    """'voor de zomer' / 'na de zomer(reces)' / 'rond de zomer': terms set by the summer recess."""
    given, year = explicit
    if given:
        w = _recess_window("zomerreces", year) if year is not None else None
    else:
        w = _pick(lambda y: _recess_window("zomerreces", y), ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec))]
    if p.rel == "after":
        start = w.end + DAY
        value = _deadline(start, dt.date(w.end.year, 10, 31), "season", p.rec, w.estimated)
    elif p.rel == "around":
        y = w.start.year
        value = _deadline(dt.date(y, 6, 1), dt.date(y, 9, 30), "season", p.rec, w.estimated)
    else:
        value = _apply(w, p, ref, "event", whole=w)  # 'voor het einde van het zomerreces': its last day
    return [(p.start, m.end(), "DEADLINE", value)]


def _h_recess(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    name = RECESS_WORDS[m["recess"].lower()]
    p = _prefix(text, m.start())
    if p.rel not in ("before", "after", "around", "in", "by"):
        return []
    explicit = _explicit_year(m, ref)
    if name == "zomerreces" and p.rel in ("before", "after", "around", "by"):
        return _summer_recess(m, text, ref, p, explicit)
    if not name:  # 'het reces': the next recess of any kind
        r = cal.next_recess(ref) if ref else None
        w = _Window(r.start, r.end, "event", r.estimated) if r else None
    elif explicit[0]:
        w = _recess_window(name, explicit[1]) if explicit[1] is not None else None
    else:
        w = _pick(lambda y: _recess_window(name, y), ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec))]
    value = _apply(w, p, ref, "event", whole=w)
    if p.rel == "after" and value["end"] is None:
        value["end"] = _iso(w.end + dt.timedelta(days=28))
    return [(p.start, m.end(), "DEADLINE", value)]


def _quarter_window(q: int, y: int) -> _Window:
    first = 3 * (q - 1) + 1
    return _Window(dt.date(y, first, 1), _month_end(y, first + 2), "quarter")


def _h_quarter(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    explicit = _explicit_year(m, ref)
    if m["qrel"]:
        if ref is None:
            p = _prefix(text, m.start())
            return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "quarter", p.rec))]
        current = (ref.month - 1) // 3 + 1
        step = 0 if _norm(m["qrel"]) in ("dit", "deze", "het huidige", "het lopende") else 1
        q, y = current + step, ref.year
        if q > 4:
            q, y = 1, y + 1
        explicit = (True, y)
    else:
        q = int(m["qn"]) if m["qn"] else ORDINALS[m["qord"].lower()]
    return _period(m, text, ref, lambda y: _quarter_window(q, y), "quarter", explicit[0], explicit)


def _h_half(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    h = 1 if m["hord"].lower() in ("eerste", "1e") else 2

    def make(y: int) -> _Window:
        return _Window(dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter")

    explicit = _explicit_year(m, ref)
    return _period(m, text, ref, make, "half", explicit[0], explicit)


def _h_year(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    def make(y: int) -> _Window:
        return _Window(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")

    explicit = _explicit_year(m, ref)
    word = _norm(m["ryear"] or "")
    needs_position = word.startswith(("het jaar", "vorig", "het vorige", "afgelopen", "het afgelopen"))
    if needs_position and _prefix(text, m.start()).pos is None:
        return []  # 'het jaar' / 'vorig jaar' is a term only as 'eind(e) van het jaar'
    standalone = bool(word) and not needs_position
    cands = _period(m, text, ref, make, "year", standalone, explicit)
    if cands and word in ("dit jaar", "het huidige jaar", "het lopende jaar") and ref is not None:
        p = _prefix(text, m.start())
        if p.pos is None and p.rel in (None, "in", "by"):
            cands[0][3]["start"] = ref.isoformat()
    return cands


_DAY_EVENTS = ("prinsjesdag", "verantwoordingsdag", "kerst", "jaarwisseling")


def _h_event(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    kind = next(k for k in ("prinsjesdag", "verantwoordingsdag", "miljoenennota", "voorjaarsnota",
                            "najaarsnota", "behandeling", "jaarverslag", "begroting", "kerst",
                            "jaarwisseling") if m[k])  # fmt: skip
    p = _prefix(text, m.start())
    allowed = {
        "behandeling": {"before"},
        "begroting": {"at", "in"},
        "prinsjesdag": {"before", "after", "around", "at", "by", "in"},
        "verantwoordingsdag": {"before", "after", "around", "at", "by", "in"},
        "kerst": {"before", "after", "around", "at", "by", "in"},
        "jaarwisseling": {"before", "after", "around", "at", "by"},
    }.get(kind, {"before", "around", "at", "in", "by"})
    if p.rel not in allowed or p.pos is not None:
        return []
    if p.rel == "at" and p.rel_word in ("op", "per", "met ingang van") and kind not in _DAY_EVENTS:
        return []
    if kind == "begroting" and p.rel == "in" and p.rel_word != "in":
        return []
    given = m["year"] is not None
    year = int(m["year"]) if given else None
    estimated = kind == "behandeling"
    offset, day_of = {
        "prinsjesdag": (0, cal.prinsjesdag),
        "miljoenennota": (-1, cal.prinsjesdag),
        "begroting": (-1, cal.prinsjesdag),
        "verantwoordingsdag": (0, cal.verantwoordingsdag),
        "jaarverslag": (1, cal.verantwoordingsdag),
        "voorjaarsnota": (0, lambda y: dt.date(y, 6, 1)),
        "najaarsnota": (0, lambda y: dt.date(y, 11, 30)),
        "behandeling": (-1, lambda y: dt.date(y, 11, 1)),
        "kerst": (0, lambda y: dt.date(y, 12, 25)),
        "jaarwisseling": (0, lambda y: dt.date(y, 12, 31)),
    }[kind]

    def make(y: int) -> _Window:
        d = day_of(y)
        return _Window(d, d, "event", estimated)

    w = make(year + offset) if given and year is not None else _pick(make, ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec, estimated))]
    if kind in ("voorjaarsnota", "najaarsnota") and p.rel in ("at", "in", "by"):
        # sent 'not later than' its date: the note itself bounds the window
        start = ref if ref and ref <= w.end and not p.rec else None
        return [(p.start, m.end(), "DEADLINE", _deadline(start, w.end, "event", p.rec))]
    if kind == "jaarwisseling" and p.rel == "before":
        return [(p.start, m.end(), "DEADLINE", _deadline(None if p.rec else ref, w.end, "event", p.rec))]
    return [(p.start, m.end(), "DEADLINE", _apply(w, p, ref, "event"))]


def _h_debate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'voor het commissiedebat X (op 16 april)': before a meeting; end known only with its date."""
    p = _prefix(text, m.start())
    if p.rel != "before":
        return []
    end = m.end()
    day = None
    g = "w_" if m["w_day"] else "d_"  # the wide title closed by its date, or the plain one
    if m[g + "day"]:
        year = int(m[g + "year"]) if m[g + "year"] else None
        day = _resolve_day(int(m[g + "day"]), _month_number(m[g + "mon"]), year, m[g + "ja"], ref, "ongoing")
    else:
        end = m.start("title") + len(m["title"].rstrip())
    if day is None:
        return [(p.start, end, "DEADLINE", _deadline(None if p.rec else ref, None, "event", p.rec))]
    return [(p.start, end, "DEADLINE", _apply(_Window(day, day, "event"), p, ref, "event"))]


def _h_week(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'in de week van 12 mei': Monday to Sunday of that week."""
    year = int(m["w_year"]) if m["w_year"] else None
    day = _resolve_day(int(m["w_day"]), _month_number(m["w_mon"]), year, m["w_ja"], ref, "ongoing")
    if day is None:
        return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, "day"))]
    monday = day - dt.timedelta(days=day.weekday())
    return [(m.start(), m.end(), "DEADLINE", _deadline(monday, monday + dt.timedelta(days=6), "day"))]


def _h_weekno(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'in week 6 van 2009': Monday to Sunday of that ISO week; without a year, the first such week
    not yet over at the letter's date."""
    week = int(m["wn"])
    if m["wy"]:
        years = [int(m["wy"])]
    elif ref is not None:
        years = [ref.year, ref.year + 1]
    else:
        return []
    for year in years:
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            continue
        if m["wy"] or ref is None or monday + dt.timedelta(days=6) >= ref:
            break
    else:
        return []
    p = _prefix(text, m.start())
    start = p.start if p.rel or p.mods else m.start()
    window = _Window(monday, monday + dt.timedelta(days=6), "day")
    return [(start, m.end(), "DEADLINE", _apply(window, p, ref, "day"))]


_UNIT_DAYS = {"dag": 1, "werkdag": 1.4, "week": 7, "wek": 7}


def _h_weekday(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'aanstaande maandag', 'maandag a.s.': the first such day after the letter; 'volgende week
    dinsdag': that day in the next week; '(over)morgen' the day (two days) after the letter. A day still
    ahead, so a term ('voor' etc. apply)."""
    if ref is None:
        return []
    if m["tomorrow"]:
        day = ref + dt.timedelta(days=2 if m["tomorrow"].lower().startswith("over") else 1)
    elif m["wd3"]:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7)
        day = monday + dt.timedelta(days=WEEKDAYS[m["wd3"].lower()])
    else:
        wd = WEEKDAYS[(m["wd"] or m["wd2"]).lower()]
        day = ref + dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    p = _prefix(text, m.start())
    start = p.start if p.rel else m.start()
    return [(start, m.end(), "DEADLINE", _apply(_Window(day, day, "day"), p, ref, "day"))]


def _h_past_day(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'gisteren', 'eergisteren', 'vorige week donderdag', 'afgelopen dinsdag', 'dinsdag jl.': a day
    before the letter's date, a DATE (the day a meeting was held)."""
    if ref is None:
        return []
    if m["yesterday"]:
        day = ref - dt.timedelta(days=2 if m["yesterday"].lower().startswith("eer") else 1)
    elif m["lastweek"]:
        monday = ref - dt.timedelta(days=ref.weekday() + 7)
        day = monday + dt.timedelta(days=WEEKDAYS[m["lastweek"].lower()])
    else:
        wd = WEEKDAYS[(m["last"] or m["last2"]).lower()]
        day = ref - dt.timedelta(days=(ref.weekday() - wd - 1) % 7 + 1)
    return [(m.start(), m.end(), "DATE", _date_value(day))]


def _h_relative(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'binnen twee weken', 'over een half jaar': counted from the reference date."""
    raw = _norm(m["n"])
    n = float(raw) if raw.isdigit() else NUMBERS[raw]
    unit = _norm(m["unit"])
    if unit.startswith("half") or (unit == "jaar" and n < 1):
        n, unit = n * 12 if unit == "jaar" else n * 6, "maand"
    precision = "day"
    if ref is None:
        target = None
    elif unit.startswith(("dag", "werkdag", "week", "wek")):
        target = ref + dt.timedelta(days=round(n * _UNIT_DAYS[re.sub(r"en$", "", unit)]))
    else:
        months = n * (12 if unit.startswith("ja") else 3 if unit.startswith("kwarta") else 1)
        precision = "year" if unit.startswith("ja") else "quarter" if unit.startswith("kwarta") else "month"
        target = _add_months(ref, round(months))
    start = ref if m["rel"].lower() == "binnen" else target
    value = _deadline(start, target, precision)
    value["relative"] = True  # counted from the reference date, not from a date in the text
    return [(m.start(), m.end(), "DEADLINE", value)]


_MONTH_KEY = _alt(MONTHS)
