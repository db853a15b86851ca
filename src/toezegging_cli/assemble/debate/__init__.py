"""Commitments made in a debate, from its VLOS transcript: the chair's closing list and the
bewindspersonen's own promises in speech, linked to each other.

Every list item becomes a commitment (`origin: "list"`); the speech moment where it was made, when
found, is its `said`. A promise found in speech that no list item covers becomes a commitment of
its own (`origin: "speech"`) for a clerk to review. Debates without a list (plenary sittings)
rely on speech alone; `use_list=False` does the same for any debate (to score the speech detector
against the list).

Evidence of a debate commitment: `page` is the turn number in the transcript (1-based, in
document order), `sentence` the words (the chair's item, or the promise in speech), and
`start`/`end` their character offsets in that turn's text (paragraphs joined by spaces).
"""

from __future__ import annotations

import re

from toezegging_cli.assemble.debate.closing import ClosingList, ListItem, read_closing_list
from toezegging_cli.assemble.debate.common import People
from toezegging_cli.assemble.debate.link import Moment, link_items
from toezegging_cli.assemble.debate.repeats import merge_repeats
from toezegging_cli.assemble.debate.speech import SpeechPromise, asking_members, detect
from toezegging_cli.assemble.debate.terms import deadline
from toezegging_cli.model import (
    Commitment,
    Debate,
    Evidence,
    Member,
    Person,
    Report,
    Said,
)
from toezegging_cli.read.vlos import Speaker, Transcript, Turn

__all__ = ["assemble_debate", "report_for_transcript"]

LIST_CONFIDENCE = 0.95
SPEECH_CONFIDENCE = 0.6
_PLENARY = {"plenaire vergadering": "plenair debat"}


def _debate(transcript: Transcript, turn: Turn) -> Debate:
    from toezegging_cli.render.schema import debate_types

    kind = transcript.meeting.kind
    kind = _PLENARY.get(kind or "", kind)
    title = transcript.meeting.title
    if kind == "plenair debat" and turn.topic:
        title = turn.topic
    return Debate(type=kind if kind in debate_types() else None, title=title, date=transcript.meeting.date)


def _members(speakers: list[Speaker]) -> list[Member]:
    return [Member(name=s.name, party=s.party, party_source="transcript" if s.party else None)
            for s in speakers]


def _person(s: Speaker) -> Person:
    return Person(name=s.name, role=s.role, portfolio=s.portfolio)


def _evidence(turn: Turn, text: str) -> Evidence:
    whole = turn.text
    at = whole.find(text)
    if at < 0:
        at = 0
    return Evidence(page=turn.index, start=at, end=at + len(text), sentence=text)


def _said(p: SpeechPromise) -> Said:
    return Said(speaker=p.speaker.name, time=p.turn.time, text=p.text)


def _made_by(item: ListItem, linked: Moment | None, people: People) -> Speaker | None:
    if linked is not None:
        return linked.speaker
    ranked = people.by_role(item.role)
    return ranked[0] if ranked else people.main()


def _item_deadline(item: ListItem, ref: str | None):
    text = item.text
    if item.term_change:
        old, new = item.term_change
        text = re.sub(rf"\b{re.escape(old)}\b", new, text, count=1)
    found = deadline(text, ref)
    if found is None and item.term:
        found = deadline(item.term, ref)
    return found


def list_commitments(transcript: Transcript, people: People, closing: ClosingList,
                     promises: list[SpeechPromise]) -> tuple[list[Commitment], set[int]]:
    """A commitment per list item; also the ids of the speech promises the items took.

    Any moment of a promise (the first or a repeat) can be an item's `said`; the other moments of
    that promise are its `said_also`."""
    head = {id(m): p for p in promises for m in (p, *p.also)}
    moments = [m for p in promises for m in (p, *p.also)]
    links = link_items(closing.items, transcript, people, moments, closing.start)
    ref = transcript.meeting.date
    out = []
    for i, item in enumerate(closing.items):
        linked = links.get(i)
        who = _made_by(item, linked, people)
        said, also = None, []
        members = item.members
        if linked is not None:
            turn = transcript.turns[linked.position]
            said = Said(speaker=linked.speaker.name, time=turn.time, text=linked.text)
            if linked.promise is not None:
                group = head[id(linked.promise)]
                also = [_said(m) for m in (group, *group.also) if m is not linked.promise]
            if not members:
                members = (linked.promise.members if linked.promise
                           else asking_members(transcript, people, linked.position, linked.sentence))
        out.append(Commitment(
            kind="made", status="open", subject=None, debate=_debate(transcript, item.turn),
            members=_members(members), made_by=_person(who) if who else None,
            deadline=_item_deadline(item, ref), evidence=_evidence(item.turn, item.text),
            confidence=LIST_CONFIDENCE, origin="list", said=said, said_also=also,
        ))
    return out, {id(head[id(m.promise)]) for m in links.values() if m.promise is not None}


def speech_commitments(transcript: Transcript, promises: list[SpeechPromise]) -> list[Commitment]:
    """A commitment per speech promise; its repeats (assemble/debate/repeats.py) in `said_also`."""
    ref = transcript.meeting.date
    return [Commitment(
        kind="made", status="open", subject=None, debate=_debate(transcript, p.turn),
        members=_members(p.members), made_by=_person(p.speaker), deadline=deadline(p.text, ref),
        evidence=_evidence(p.turn, p.text), confidence=SPEECH_CONFIDENCE, origin="speech", said=_said(p),
        said_also=[_said(q) for q in p.also],
    ) for p in promises]


def assemble_debate(transcript: Transcript, *, use_list: bool = True) -> list[Commitment]:
    """The commitments of a debate: list items (linked to speech) and promises only made in speech."""
    people = People(transcript)
    promises = merge_repeats(transcript, detect(transcript, people))
    closing = read_closing_list(transcript, people) if use_list else None
    if closing is None:
        return speech_commitments(transcript, promises)
    listed, taken = list_commitments(transcript, people, closing, promises)
    rest = [p for p in promises if id(p) not in taken and p.position < closing.start]
    return listed + speech_commitments(transcript, rest)


def report_for_transcript(transcript: Transcript, *, use_list: bool = True) -> Report:
    """The Report of a debate transcript."""
    from toezegging_cli.model import LetterMeta

    return Report(
        source=transcript.source,
        letter=LetterMeta(date=transcript.meeting.date, subject=transcript.meeting.title),
        commitments=assemble_debate(transcript, use_list=use_list),
        warnings=list(transcript.warnings),
        meeting=transcript.meeting,
    )
