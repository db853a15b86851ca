"""Bewindspersonen over time (data/cabinet.csv): who held which post when, and who succeeded whom.

A later letter answers a promise its signer made, or one of a predecessor in the same post: the
linker asks `same_office` whether the signer of the later document is the maker of the earlier
commitment, or held the same portfolio after them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from toezegging_cli.tag.entity_data import CabinetPost, cabinet, ministries, portfolio_ministries


def _words(name: str) -> str:
    """Lower-case name with hyphens and initials' dots turned into spaces: 'C. van X-Y' → 'c van x y'."""
    return " ".join(re.sub(r"[-.]", " ", name.lower()).split())


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except (TypeError, ValueError):
        return None


def _held_on(post: CabinetPost, day: dt.date | None) -> bool:
    if day is None:
        return True
    return (post.start is None or post.start <= day) and (post.end is None or day <= post.end)


def posts_of(name: str | None, day: str | None = None) -> list[CabinetPost]:
    """The cabinet posts of the person named (surname as written, with or without initials) held on
    `day` (every post when the day is unknown or none fits)."""
    if not name:
        return []
    written = f" {_words(name)} "
    found = [p for p in cabinet() if f" {_words(p.name)} " in written]
    on_day = [p for p in found if _held_on(p, _date(day))]
    return on_day or found


def _office(post: CabinetPost) -> tuple[str, str]:
    """The post as an office that passes from one person to the next: (role kind, portfolio)."""
    role = "staatssecretaris" if post.role.startswith("staatssecretaris") else post.role.split(" (")[0]
    return role, post.portfolio.lower()


def same_office(
    maker: str | None, made_on: str | None, signer: str | None, signed_on: str | None
) -> str | None:
    """'same person' or 'successor in office (<portfolio>)' when `signer` (of a later document)
    answers for a commitment `maker` made; None otherwise."""
    if not maker or not signer:
        return None
    if _words(maker).split()[-1:] == _words(signer).split()[-1:]:
        return "same person"
    before, after = posts_of(maker, made_on), posts_of(signer, signed_on)
    for a in before:
        for b in after:
            if (
                a.name != b.name
                and _office(a) == _office(b)
                and (a.start is None or b.start is None or b.start >= a.start)
            ):
                return f"successor in office ({b.portfolio})"
    return None


@lru_cache(maxsize=1)
def _ministry_names() -> dict[str, str]:
    return {name.lower(): name for name, _ in ministries()}


def ministry_of_portfolio(portfolio: str | None) -> str | None:
    """The ministry of a portfolio: itself when it is a ministry, else the portfolio table's entry."""
    if not portfolio:
        return None
    names = _ministry_names()
    if portfolio.lower() in names:
        return names[portfolio.lower()]
    table = {k.lower(): v for k, v in portfolio_ministries().items()}
    return table.get(portfolio.lower(), portfolio)
