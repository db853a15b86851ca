"""Loaders of the package's entity data files (`data/*.csv`, `data/entity_cues.toml`).

Each file is read once per process, on first use (`lru_cache`), so importing this module costs
nothing. The rows keep their `source` column; see README, Data sources. `build_data.py` regenerates
the tables derived from the reference facts; the spaCy pipeline copies what it needs into its own
files when `toezegging build-model` runs, so tagging does not read these at run time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


def _text(name: str) -> str:
    return resources.files("toezegging_cli.data").joinpath(name).read_text("utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_text(name))))


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Party:
    party: str  # canonical name as the Tweede Kamer writes it
    full_name: str
    aliases: tuple[str, ...]  # every spelling letters use, case-sensitive
    seated_from: dt.date | None
    seated_until: dt.date | None
    source: str


@dataclass(frozen=True)
class MemberPeriod:
    """One member of the Tweede Kamer in one party for one period (both ends inclusive)."""

    name: str  # display form as the Kamer writes it ('Van Waveren', 'Inge van Dijk')
    surname: str  # 'Van Dijk'
    full_name: str
    party: str | None
    start: dt.date | None
    end: dt.date | None
    confidence: str
    source: str

    def seated_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class CabinetPost:
    """One minister or state secretary in one post for one period."""

    cabinet: str
    name: str
    full_name: str
    initials: str
    role: str  # minister | minister (zonder portefeuille) | staatssecretaris | minister-president
    portfolio: str
    party: str | None
    start: dt.date | None
    end: dt.date | None
    source: str

    @property
    def display_name(self) -> str:
        return self.full_name or f"{self.initials} {self.name}".strip()


@lru_cache(maxsize=1)
def parties() -> tuple[Party, ...]:
    return tuple(
        Party(r["party"], r["full_name"], tuple(a for a in r["aliases"].split("|") if a),
              _date(r["seated_from"]), _date(r["seated_until"]), r["source"])
        for r in _rows("parties.csv")
    )


@lru_cache(maxsize=1)
def party_aliases() -> dict[str, str]:
    """Every spelling of a party → its canonical name (also each canonical name to itself)."""
    out: dict[str, str] = {}
    for p in parties():
        out.setdefault(p.party, p.party)
        for alias in p.aliases:
            out.setdefault(alias, p.party)
    return out


@lru_cache(maxsize=1)
def members() -> tuple[MemberPeriod, ...]:
    return tuple(
        MemberPeriod(r["name"], r["surname"], r["full_name"], r["party"] or None, _date(r["start"]),
                     _date(r["end"]), r["confidence"], r["source"])
        for r in _rows("members.csv")
    )


@lru_cache(maxsize=1)
def cabinet() -> tuple[CabinetPost, ...]:
    return tuple(
        CabinetPost(r["cabinet"], r["name"], r["full_name"], r["initials"], r["role"], r["portfolio"],
                    r["party"] or None, _date(r["start"]), _date(r["end"]), r["source"])
        for r in _rows("cabinet.csv")
    )


@lru_cache(maxsize=1)
def ministries() -> tuple[tuple[str, str], ...]:
    """(name, abbreviation) of every ministry, current and historical."""
    return tuple((r["name"], r["abbreviation"]) for r in _rows("ministries.csv"))


@lru_cache(maxsize=1)
def portfolio_ministries() -> dict[str, str]:
    """Portfolio of a minister without a ministry of his own (or of a state secretary) → ministry."""
    return {r["portfolio"]: r["ministry"] for r in _rows("portfolio_ministries.csv")}


@lru_cache(maxsize=1)
def debate_types() -> tuple[tuple[str, str], ...]:
    """(type, variant as written): ('algemeen overleg', 'AO'), ('mondelinge vragen', 'vragenuur'), …"""
    return tuple((r["type"], r["variant"]) for r in _rows("debate_types.csv"))


@lru_cache(maxsize=1)
def abbreviations() -> tuple[tuple[str, bool], ...]:
    """(abbreviation, may end a sentence) for the tokenizer and the sentence splitter."""
    return tuple((r["abbreviation"], r["ends_sentence"] == "yes") for r in _rows("abbreviations.csv"))


@lru_cache(maxsize=1)
def lemmas() -> dict[str, str]:
    """Lower-case word form → lemma, for forms a blank Dutch pipeline leaves unlemmatised."""
    return {r["form"].lower(): r["lemma"] for r in _rows("lemmas.csv")}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The cue words of `entity_cues.toml` (member, motie, minister, debate sections)."""
    return tomllib.loads(_text("entity_cues.toml"))
