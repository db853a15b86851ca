"""Terms (deadlines) in debate speech: the project's date rules (tag/dates/) with the meeting's
date as reference, plus the event terms of data/debate_triggers.toml that the letter rules lack
("in het volgende halfjaarbericht politie", "voor het NO MIRT")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from toezegging_cli.assemble.debate.common import vocabulary
from toezegging_cli.model import Deadline


def _ref(ref: str | dt.date | None) -> dt.date | None:
    if isinstance(ref, str):
        try:
            return dt.date.fromisoformat(ref[:10])
        except ValueError:
            return None
    return ref


def find_term(text: str, ref: str | dt.date | None) -> tuple[str, dict[str, Any]] | None:
    """The first term in `text` as (words, DEADLINE value); None when there is none.

    Unspecified terms ('zo snel mogelijk') do not count: they set no term for a list item. Two terms
    side by side ('voor het BO MIRT in het najaar') are one.
    """
    from toezegging_cli.tag.dates import find_time_expressions

    day = _ref(ref)
    found = []
    for t in find_time_expressions(text, day):
        if t.label == "DEADLINE" and t.value.get("precision") != "unspecified":
            found.append((t.start, t.end, t.value))
    for m in vocabulary().any("deadline", "event").finditer(text):
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
            found.append((m.start(), m.end(), {"start": None, "end": None, "precision": "event",
                                               "recurring": False, "estimated": False}))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    start, end, value = found[0]
    for s, e, v in found[1:]:
        if text[end:s].strip() == "":
            end = e
            value = value if value.get("end") else v
        else:
            break
    return text[start:end], value


def deadline(text: str | None, ref: str | dt.date | None) -> Deadline | None:
    """The Deadline of the first term in `text`."""
    if not text:
        return None
    found = find_term(text, ref)
    if found is None:
        return None
    words, value = found
    return Deadline(text=words, start=value.get("start"), end=value.get("end"),
                    precision=value.get("precision"),
                    recurring=bool(value.get("recurring")), estimated=bool(value.get("estimated")))
