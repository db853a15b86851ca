"""The Tweede Kamer calendar: recesses, Prinsjesdag and Verantwoordingsdag.

Recess periods come from `data/recesses.csv` (Tweede Kamer rows with their confidence and source).
That table has big gaps, so for a year it lacks the period is estimated from the pattern of the
known years and marked `estimated=True`. Every recess in the official list runs from a Friday (the
day after the last sitting) to a Monday (the day before the first sitting); the estimates keep that
shape:

- zomerreces: first Friday on or after 2 July, to the Monday 59 days later (2018, 2019, 2022–2026).
- kerstreces: the Friday of 16–22 December, to the Monday 24 days later (2017, 2023–2025).
- herfstreces: the Friday of 11–17 October, to the Monday 10 days later (2015, 2023).
- voorjaarsreces (krokusreces): the Friday of 13–19 February, to the Monday 10 days later (2024, 2026).
- meireces: the Friday of 20–26 April, to the Monday 17 days later (2023, 2024, 2026).
- verkiezingsreces: only in a year with a known election (`data/elections.csv`): from the Friday
  26 days before election day to election day (2023 and 2025 both fit exactly).

A known row missing one end (zomerreces 2021 start, kerstreces 2024 end) gets that end from the same
rule and is flagged estimated.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FRIDAY = 4

# name -> (month, first day of the 7-day range holding the starting Friday, length in days to the Monday)
_PATTERN: dict[str, tuple[int, int, int]] = {
    "zomerreces": (7, 2, 59),
    "kerstreces": (12, 16, 24),
    "herfstreces": (10, 11, 10),
    "voorjaarsreces": (2, 13, 10),
    "meireces": (4, 20, 17),
}
_VERKIEZINGSRECES_LEAD = 26  # days from the recess' first Friday to election day

ALIASES = {
    "krokusreces": "voorjaarsreces",
    "zomer": "zomerreces",
    "kerst": "kerstreces",
    "herfst": "herfstreces",
    "voorjaar": "voorjaarsreces",
    "krokus": "voorjaarsreces",
    "mei": "meireces",
    "verkiezingen": "verkiezingsreces",
}
NAMES = (*_PATTERN, "verkiezingsreces")


@dataclass(frozen=True)
class Recess:
    """One recess period (both days inclusive); `estimated` when not (fully) read from the table."""

    start: dt.date
    end: dt.date
    estimated: bool
    name: str = ""
    confidence: str = ""  # the table's confidence, or "estimated"
    source: str = ""


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, int], dict[str, str]]:
    """Rows of data/recesses.csv by (name, year the recess starts), loaded once."""
    path = resources.files("toezegging_cli") / "data" / "recesses.csv"
    out: dict[tuple[str, int], dict[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kamer"] != "TK":
                continue
            anchor = _date(row["start"]) or _date(row["end"])
            if anchor is None:
                continue
            out[(row["name"], anchor.year)] = row
    return out


@lru_cache(maxsize=1)
def elections() -> tuple[dt.date, ...]:
    """Tweede Kamer election days known to the project (data/elections.csv)."""
    path = resources.files("toezegging_cli") / "data" / "elections.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(sorted(dt.date.fromisoformat(r["election"]) for r in csv.DictReader(fh)))


def _friday_from(day: dt.date) -> dt.date:
    """The first Friday on or after `day`."""
    return day + dt.timedelta(days=(FRIDAY - day.weekday()) % 7)


def _friday_before(day: dt.date) -> dt.date:
    """The last Friday on or before `day`."""
    return day - dt.timedelta(days=(day.weekday() - FRIDAY) % 7)


def canonical(name: str) -> str:
    """Normalise a recess name ('Krokusreces' -> 'voorjaarsreces'); ValueError when unknown."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in NAMES:
        raise ValueError(f"unknown recess {name!r}; known: {', '.join(NAMES)}")
    return key


def _estimate(name: str, year: int) -> tuple[dt.date, dt.date] | None:
    if name == "verkiezingsreces":
        day = next((e for e in elections() if e.year == year), None)
        if day is None:
            return None
        return _friday_before(day - dt.timedelta(days=_VERKIEZINGSRECES_LEAD)), day
    month, first, length = _PATTERN[name]
    start = _friday_from(dt.date(year, month, first))
    return start, start + dt.timedelta(days=length)


@lru_cache(maxsize=512)
def recess(name: str, year: int) -> Recess | None:
    """The recess `name` starting in `year`: the table's row, else an estimate (None if none exists).

    A verkiezingsreces exists only in an election year; for a year without a known election the
    answer is None.
    """
    key = canonical(name)
    row = _table().get((key, year))
    if row is not None:
        start, end = _date(row["start"]), _date(row["end"])
        if start and end:
            return Recess(start, end, False, key, row["confidence"], row["source"])
        guess = _estimate(key, year)
        if key == "verkiezingsreces" or guess is None:
            return None
        length = guess[1] - guess[0]
        start = start or (end - length if end else guess[0])
        end = end or start + length
        return Recess(start, end, True, key, f"{row['confidence']}+estimated", row["source"])
    guess = _estimate(key, year)
    if guess is None:
        return None
    return Recess(guess[0], guess[1], True, key, "estimated", "")


def next_recess(after: dt.date, names: tuple[str, ...] = NAMES) -> Recess | None:
    """The first recess (of `names`) that starts after `after`."""
    found = [
        r
        for year in (after.year, after.year + 1)
        for name in names
        if (r := recess(name, year)) is not None and r.start > after
    ]
    return min(found, key=lambda r: r.start) if found else None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def prinsjesdag(year: int) -> dt.date:
    """Third Tuesday of September: the budget (Miljoenennota) is presented (Grondwet art. 65)."""
    return _nth_weekday(year, 9, 1, 3)


def verantwoordingsdag(year: int) -> dt.date:
    """Third Wednesday of May: the annual reports (jaarverslagen) over the previous year."""
    return _nth_weekday(year, 5, 2, 3)
