"""The meeting a commitment was made at: the debate its sentences name (or the paragraph around them),
with the date it was held before the letter, and the meeting a restated new promise says it was made at."""

from __future__ import annotations

import datetime as dt
import re

from toezegging_cli.assemble.sentences import Sentence
from toezegging_cli.assemble.triggers import triggers
from toezegging_cli.model import Debate, Entity, Letter

PLENARY = "plenair debat"


def _debate(group: list[Sentence], all_sents: list[Sentence], next_start: int,
            ref: str | None) -> Debate | None:
    """The debate named in the trigger sentences, else the nearest one before them in the paragraph,
    else a debate held before the letter that the rest of the paragraph names ('… vergt meer tijd
    dan voorzien tijdens het Wetgevingsoverleg Defensie van 18 juni 2025').

    A debate named twice ('tijdens een VSO (…; VSO Raad Algemene Zaken)') takes its title and
    date from the later mention where the first lacks them.
    """
    first, last = group[0], group[-1]
    own = [e for s in group for e in s.entities if e.label == "DEBATE"]
    before: list[Entity] = []
    for s in reversed(all_sents[: first.index]):
        if s.paragraph != first.paragraph:
            break
        before = [e for e in s.entities if e.label == "DEBATE"]
        if before:
            break
    after: list[Entity] = []
    for s in all_sents[last.index + 1: next_start]:
        if s.paragraph != last.paragraph or s.roles & {"new", "earlier", "request"}:
            break
        after = [e for e in s.entities if e.label == "DEBATE" and e.value.get("date")
                 and (ref is None or e.value["date"] <= ref)]
        if after:
            break
    referred = not own and first.intro is not None
    if referred:  # an item of a list: the meeting its introduction names
        own = [e for e in all_sents[first.intro].entities if e.label == "DEBATE"]
    if not own and not before and any(triggers().meeting_named_before.search(s.text) for s in group):
        own = _last_meeting(all_sents[: first.index])  # 'In datzelfde debat heb ik toegezegd …'
    if not own and not before:
        own = _introduced(first, all_sents)
    if own and not (own[0].value.get("title") or own[0].value.get("date")):
        own = _named_before(own[0], all_sents, referred) or own
    for found in (own, before, after):
        if not found:
            continue
        value = dict(found[0].value)
        for e in found[1:]:
            if e.value.get("type") in (value.get("type"), None):
                for key in ("title", "date"):
                    value[key] = value.get(key) or e.value.get(key)
        if not value.get("date") and found is not after and len(found) == 1:
            value["date"] = _date_before(found[0], all_sents, ref)
        return Debate(type=value.get("type"), title=value.get("title"),
                      date=_held_before(value.get("date"), found[0].text, ref))
    return None


_YEAR_OR_AHEAD = re.compile(r"\b(?:1[89]|20)\d\d\b|\ba\.?\s?s\.|\baanstaande\b|\bkomende?\b", re.I)
UPCOMING_DAYS = 90  # a meeting this close after the letter may be the one a request looks ahead to


_GROUP = re.compile(r"\btoezeggingen\b", re.I)


def _introduced(first: Sentence, all_sents: list[Sentence]) -> list[Entity]:
    """The meeting of the line that introduces a run of toezeggingen, one paragraph each ('In deze brief
    ga ik in op de toezeggingen die ik heb gedaan tijdens het commissiedebat Acute zorg van 26 april
    2023.' and then 'Het lid Agema heb ik toegezegd …'): the nearest sentence before the item in its
    section that names a meeting, when that sentence names toezeggingen (plural) and one meeting only;
    an item between that names a meeting of its own ends the run."""
    for s in reversed(all_sents[: first.index]):
        if s.section != first.section:
            break
        named = {(e.value.get("type"), e.value.get("title"), e.value.get("date")): e for e in s.entities
                 if e.label == "DEBATE" and (e.value.get("title") or e.value.get("date"))}
        if len(named) > 1:
            return []
        if named:
            (meeting,) = named.values()
            # the plural outside the meeting's own name ('het AO moties en toezeggingen' introduces nothing)
            lo, hi = meeting.start - s.start, meeting.end - s.start
            return [meeting] if _GROUP.search(s.text[:lo] + " " + s.text[hi:]) else []
    return []


def _last_meeting(sents: list[Sentence]) -> list[Entity]:
    """The last DEBATE with a title or date in `sents`, as a list of at most one."""
    for s in reversed(sents):
        for e in reversed([x for x in s.entities if x.label == "DEBATE"]):
            if e.value.get("title") or e.value.get("date"):
                return [e]
    return []


def _held_before(day: str | None, written: str, ref: str | None) -> str | None:
    """The date of the meeting an earlier commitment was made in: a day written without its year
    ('het Algemeen Overleg Visserij van 4 juni' in a letter of January) is the last such day before
    the letter, not the nearest one after it; a meeting in the weeks after the letter ('met het oog
    op het Algemeen Overleg op 26 oktober') stays ahead."""
    if not day or ref is None or day <= ref or _YEAR_OR_AHEAD.search(written):
        return day
    if (dt.date.fromisoformat(day) - dt.date.fromisoformat(ref)).days <= UPCOMING_DAYS:
        return day
    try:
        earlier = dt.date.fromisoformat(day).replace(year=int(day[:4]) - 1).isoformat()
    except ValueError:  # 29 February
        return day
    return earlier if earlier <= ref else day


def _in_chamber(debate: Debate | None, letter: Letter) -> Debate | None:
    """A debate of unnamed kind in a letter to the Eerste Kamer is a plenary one: the Eerste Kamer
    debates bills and policy in its plenary sittings (eval/README, meeting types)."""
    if (debate is not None and debate.type is None and letter.meta.recipient == "Eerste Kamer"
            and (debate.title or debate.date)):
        return Debate(type=PLENARY, title=debate.title, date=debate.date)
    return debate


def _date_before(debate: Entity, group: list[Sentence], ref: str | None) -> str | None:
    """The day named earlier in the debate's own sentence, when the meeting has no date of its own ('Op
    1 oktober is tijdens het algemeen overleg Materieel verzocht …', 'Uw Kamer heeft mij op 11 februari
    2020 verzocht … in het kader van het schriftelijk overleg over …'): the day it was asked or promised
    there. Only a past day, and only the nearest one before the meeting."""
    host = _holding(debate, group)
    if host is None:
        return None
    days = [e for e in host.entities if e.label == "DATE" and e.end <= debate.start
            and e.value.get("precision") == "day" and e.value.get("date")
            and (ref is None or e.value["date"] <= ref)]
    return days[-1].value["date"] if days else None


def _holding(entity: Entity, sents: list[Sentence]) -> Sentence | None:
    """The sentence of `sents` that holds `entity`."""
    return next((s for s in sents if s.start <= entity.start < s.end), None)


def _named_before(e: Entity, all_sents: list[Sentence], referred: bool = False) -> list[Entity] | None:
    """The earlier mention of a meeting named again without title or date ('tijdens voornoemd algemeen
    overleg'; `referred`: known to be the same, as 'het AO' introducing a list of its toezeggingen): the
    nearest DEBATE of the same type before it in the letter that has a title or date."""
    host = _holding(e, all_sents)
    if host is None or (not referred
                        and not triggers().debate_refers_back.search(host.text[: e.start - host.start])):
        return None
    for s in reversed(all_sents[: host.index]):
        for prior in reversed([x for x in s.entities if x.label == "DEBATE"]):
            if prior.value.get("type") == e.value.get("type") and (
                    prior.value.get("title") or prior.value.get("date")):
                return [prior]
    return None


def _said_at(s: Sentence, sents: list[Sentence], letter: Letter, ref: str | None) -> Debate | None:
    """The meeting a new commitment's own sentence says it was announced or promised at before the letter
    ('Zoals gemeld in het vragenuur d.d. 29 juni jl. kunt u dit najaar de kabinetsreactie tegemoet zien'):
    a restated promise keeps where it was made (eval/README, restated promises)."""
    held = [e for e in s.entities if e.label == "DEBATE"
            and (not e.value.get("date") or ref is None or e.value["date"] <= ref)]
    if not held or not triggers().said_before.search(s.text):
        return None  # ('… reageren tijdens de voortzetting van de plenaire behandeling': where it is kept)
    return _in_chamber(_debate([s], sents, s.index + 1, ref), letter)
