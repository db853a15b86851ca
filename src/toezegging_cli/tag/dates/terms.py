"""Handlers of open and relative terms: 'zo spoedig mogelijk', a condition ('zodra …', 'nadat …'), an event
('na de bijeenkomst'), a turn in a debate, 'volgende maand', recurring terms ('jaarlijks'); each returns
candidates (start, end, label, value) like the dated handlers of `handlers.py`."""

from __future__ import annotations

import datetime as dt
import re

from toezegging_cli.tag.dates.handlers import _Cand
from toezegging_cli.tag.dates.patterns import _ASAP_STOP, _F, _MAIN_CLAUSE, _MONTH, _WORD, TURN_PAST
from toezegging_cli.tag.dates.windows import (
    _add_months,
    _apply,
    _deadline,
    _month_end,
    _norm,
    _portion,
    _prefix,
    _Window,
)


def _h_unspec(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    end = m.end()
    if m["asap"]:
        end = _extend_after(text, end)
    return [(m.start(), end, "DEADLINE", _deadline(None, None, "unspecified"))]


_RE_AFTER = re.compile(r"\s+(?:na|nadat)(?!\w)", _F)


def _extend_after(text: str, end: int) -> int:
    """'zo spoedig mogelijk na ontvangst van het advies …': take the 'na …' condition along."""
    m = _RE_AFTER.match(text, end)
    if not m:
        return end
    pos, words = m.end(), 0
    while words < 30:
        w = _WORD.match(text, pos)
        if not w or _ASAP_STOP.fullmatch(w[1]):
            break
        pos, words = w.end(), words + 1
    return pos if words >= 1 else end


def _h_after_event(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'na de rondetafelbijeenkomst': a term set by an event, no dates."""
    return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, "event"))]


def _h_turn(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'tijdens mijn eerste termijn': a term set by a turn of the debate, no dates; not the turn a
    promise was made in ('In mijn eerste termijn heb ik toegezegd …')."""
    if TURN_PAST.match(text, m.end()):
        return []
    return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, "event"))]


_PAST_CLAUSE = re.compile(r"(?<![\w-])(?:had|hadden|was|waren|werd|werden|kon|konden)(?![\w-])", re.I)
# conditions that also tell the past or frame a question: 'voordat', 'nadat', 'indien'
_SUBORDINATE = re.compile(r"voordat|nadat|indien", re.I)
# a time inside such a clause is the time itself ('Nadat dit traject begin 2013 vastliep', 'voordat het
# zomerreces begint')
_TIME_INSIDE = re.compile(rf"\d|\b(?:{_MONTH})\b|reces|vakantie", re.I)
# a main clause in the perfect or past after it tells what happened ('Nadat de Kamer de motie aannam, heeft
# het kabinet …')
_PAST_MAIN = re.compile(r"\s*(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden)\b", re.I)
# 'indien' sets a term after informing ('u te berichten indien zich ontwikkelingen voordoen') or opening a
# sentence, not inside what the promise is about ('… of de toeslag wordt toegekend indien de aanvrager …'),
# and not as an offer ('Indien uw Kamer dat wenst')
_INFORMS_BEFORE = re.compile(r"(?:informeren|informeer|berichten|bericht|melden|inlichten|sturen|zenden|"
                             r"toezenden|toesturen|ontvangt|ontvangen)\s*,?\s*$", re.I)
_OFFER = re.compile(r"\b(?:wenst|wensen|wilt|willen|gewenst)\b", re.I)


def _h_condition(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'Zodra ik die informatie heb ontvangen': a term set by an event, no dates. A sentence-opening
    'Wanneer' counts only as a clause closed by a comma or by the main clause's verb and subject
    ('Wanneer dit advies is uitgebracht zal ik …'), not as a question."""
    end = m.end("clause")
    main = _MAIN_CLAUSE.search(text, m.start("clause"), end)  # 'Zodra … ontvangen zal ik die …'
    if not m["zodra"] and m["close"] != "," and (main is None or m["close"] == "?"):
        return []
    if _PAST_CLAUSE.search(m["clause"]):
        return []  # '… zodra de Kamer daarmee had ingestemd': an account of the past, no term
    word = (m["zodra"] or "").lower()
    if _SUBORDINATE.fullmatch(word) and (
            _TIME_INSIDE.search(m["clause"]) or (m["close"] == "," and _PAST_MAIN.match(text, m.end()))):
        return []
    if word == "indien" and (_OFFER.search(m["clause"]) or not (
            _INFORMS_BEFORE.search(text[:m.start()]) or re.search(r"(?:^|[.!?]\s+|\n)$", text[:m.start()]))):
        return []
    if main is not None:
        end = main.start()
    end = m.start("clause") + len(text[m.start("clause"): end].rstrip())  # not the space before a dash
    return [(m.start(), end, "DEADLINE", _deadline(None, None, "unspecified"))]


_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTH})(?!\w)", _F)  # 'begin van de maand juni'


def _h_coming(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'volgende week', 'deze maand', 'de komende maanden'; 'eind van de maand' (this month)."""
    which, unit = _norm(m["which"]), _norm(m["unit"])
    p = _prefix(text, m.start())
    if which == "de" and (p.pos is None or _MONTH_AFTER.match(text, m.end()) is not None):
        return []  # 'de maand' is this month only as the part of it named before ('eind van de maand')
    precision = "day" if unit.startswith("we") else "month"
    if ref is None:
        return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, precision))]
    if unit in ("weken", "maanden") or unit.startswith("half"):
        months = {"weken": 0, "maanden": 6}.get(unit, 6)
        end = ref + dt.timedelta(weeks=6) if unit == "weken" else _add_months(ref, months)
        return [(m.start(), m.end(), "DEADLINE", _deadline(ref, end, precision))]
    this = which in ("deze", "de")
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=0 if this else 1)
        start, end = (ref if this else monday), monday + dt.timedelta(days=6)
    else:
        first = ref.replace(day=1) if this else _add_months(ref.replace(day=1), 1)
        start, end = (ref if this else first), _month_end(first.year, first.month)
        if p.pos is not None or p.rel in ("before", "by", "in"):
            # 'eind volgende maand', 'in de loop van de volgende maand', 'voor het einde van deze maand':
            # the part of the month, under the relation words, as for a named month
            whole = _Window(first, end, "month")
            value = _apply(_portion(whole, p.pos, "month"), p, ref, "month", whole)
            return [(p.start, m.end(), "DEADLINE", value)]
    return [(m.start(), m.end(), "DEADLINE", _deadline(start, end, precision))]


def _h_recurring(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    word = _norm(m[0])
    if "kwartaal" in word or "driemaandelijks" in word:
        precision = "quarter"
    elif "maand" in word:
        precision = "month"
    elif "half" in word:
        precision = "quarter"
    elif "jaar" in word or "jaarlijks" in word:
        precision = "year"
    else:
        precision = "unspecified"
    return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, precision, recurring=True))]
