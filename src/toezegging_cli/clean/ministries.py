"""Ministry names as letters write them: the official names of `data/ministries.csv`, their
abbreviations, the host ministry of a portfolio ('minister voor X'), and the ministry an office line
names ('DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID')."""

from __future__ import annotations

import csv
import difflib
import re
from functools import cache
from importlib import resources


@cache
def _ministry_rows() -> tuple[dict[str, str], ...]:
    path = resources.files("toezegging_cli") / "data" / "ministries.csv"
    with path.open(encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@cache
def ministries() -> dict[str, str]:
    """Official ministry names (without 'Ministerie van'), keyed by their lower-case form."""
    return {row["name"].lower(): row["name"] for row in _ministry_rows()}


@cache
def ministry_abbreviations() -> dict[str, str]:
    """Ministry names keyed by their lower-case abbreviation ('ezk', 'ienw'); the first row wins."""
    out: dict[str, str] = {}
    for row in _ministry_rows():
        out.setdefault(row["abbreviation"].lower(), row["name"])
    return out


@cache
def portfolio_ministries() -> dict[str, str]:
    """Host ministry of a 'minister voor X' / 'staatssecretaris X' portfolio, keyed lower-case."""
    path = resources.files("toezegging_cli") / "data" / "portfolio_ministries.csv"
    with path.open(encoding="utf-8") as fh:
        return {row["portfolio"].lower(): row["ministry"] for row in csv.DictReader(fh)}


def host_ministry(portfolio: str | None, preposition: str | None) -> str | None:
    """Ministry of an office: 'van X' names it, unless X is a cabinet portfolio of the tables ('minister
    van Langdurige Zorg, Jeugd en Sport' works at VWS); 'voor X' or a bare portfolio is looked up."""
    if not portfolio:
        return None
    hosted = portfolio_ministries().get(re.sub(r"\s+", " ", portfolio).strip().lower())
    if preposition == "van":
        return known_ministry(portfolio) or hosted or portfolio
    return hosted


_PARTICLES = {"en", "van", "voor", "de", "der", "den", "het", "in", "op"}


def proper_case(name: str) -> str:
    """Official casing for a ministry or portfolio name ('SOCIALE ZAKEN EN WERKGELEGENHEID')."""
    name = re.sub(r"\s+", " ", name).strip(" ,.")
    known = ministries().get(name.lower())
    if known:
        return known
    if name.isupper():
        words = name.lower().split(" ")
        return " ".join(w if w in _PARTICLES and i else w.capitalize() for i, w in enumerate(words))
    return name


def known_ministry(text: str) -> str | None:
    """The official ministry name `text` starts with (longest match), else None."""
    low = re.sub(r"\s+", " ", text).strip().lower()
    best = None
    for key, name in ministries().items():
        if (low == key or low.startswith(key + " ") or low.startswith(key + ",")) and (
                best is None or len(name) > len(best)):
            best = name
    return best


def _in_office(row: dict[str, str], day: str) -> bool:
    """Whether the ministry of a `ministries.csv` row existed under its name on ISO `day`."""
    if (row["from"] and day < row["from"]) or (row["until"] and day >= row["until"]):
        return False
    return not any(a <= day < b for a, _, b in (g.partition("..") for g in row["gaps"].split()))


MISSPELLED = 0.95  # difflib ratio above which a ministry name is the official one with a typo


def complete_ministry(name: str | None, day: str | None) -> str | None:
    """The full name of a ministry cut short where the letterhead wrapped or the copy ended
    ('Infrastructuur en', 'Volksgezondheid', 'Sociale Zaken') or written by its old name ('Economische
    Zaken' in 2021): the one ministry of the letter's date whose name starts with it, else `name`."""
    if not name or not day:
        return name
    rows = [r for r in _ministry_rows() if _in_office(r, day)]
    low = re.sub(r"\s+", " ", name).strip(" ,.").lower()
    if any(r["name"].lower() == low for r in rows):
        return name
    stem = re.sub(r"(?:,| en)$", "", low)
    found = [r["name"] for r in rows if re.match(re.escape(stem) + r"(?:,| |$)", r["name"].lower())]
    if len(found) == 1:
        return found[0]
    # a letter misspelled in the copy ('Binnenlandse Zaken en Koninrijksrelaties')
    official = {r["name"].lower(): r["name"] for r in rows}
    close = difflib.get_close_matches(low, official, n=1, cutoff=MISSPELLED)
    return official[close[0]] if close else name


def ministry_of(office: str) -> str | None:
    """Ministry from an office text: 'MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID' -> proper name.

    'minister voor X' heads no ministry of its own: its host ministry comes from the portfolio table,
    else None.
    """
    m = re.search(r"\b(?:minister(?:s|-president)?|staatssecretaris(?:sen)?)\b(?:\s+en\s+"
                  r"(?:minister|staatssecretaris))?(?:\s*,\s*minister)?\s+(van|voor)\s+(.+)", office, re.I)
    if not m:
        # 'MINISTER BASIS- EN VOORTGEZET ONDERWIJS EN MEDIA': the preposition left out, as happens;
        # only a portfolio or ministry the tables know counts then
        bare = re.search(r"\b(?:minister|staatssecretaris)\s+(?!van\b|voor\b)([A-Z].+)", office, re.I)
        portfolio = proper_case(bare.group(1).strip(" ,.")) if bare else ""
        return (known_ministry(portfolio) or host_ministry(portfolio, None)) if portfolio else None
    # 'VAN OCW EN VOOR BASIS- EN VOORTGEZET ONDERWIJS', 'VOOR RECHTSBESCHERMING EN DE STAATSSECRETARIS …'
    portfolio = re.split(r"\s+en\s+(?:van|voor|de|het)\s+|\s+[–-]\s+|,\s*$", m.group(2).strip(),
                         flags=re.I)[0]
    portfolio = proper_case(portfolio.strip(" ,."))
    return host_ministry(portfolio, m.group(1).lower()) if portfolio else None
