"""The chair's closing list of toezeggingen, read item by item.

At the end of a committee debate the chair reads what the bewindspersonen promised ("De minister
zegt toe …", "De Kamer ontvangt …", "Tot slot heb ik de toezegging staan dat …"), often with a
who-for ("Deze is gericht aan mevrouw Veltman"), a question about the term answered by the
minister ("Voor het NO MIRT."), a correction, an item withdrawn ("dan is het geen toezegging") or
an item an MP adds when the chair asks whether one was missed. The list starts at the chair's
first mention of the toezeggingen after which no bewindspersoon gives a long answer any more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toezegging_cli.assemble.debate.common import People, content_words, is_mp_turn, sentences, vocabulary
from toezegging_cli.assemble.debate.terms import find_term
from toezegging_cli.read.vlos import Speaker, Transcript, Turn


@dataclass
class ListItem:
    """One item as the chair read it: its words, the turn it was read in, the MPs named for it."""

    text: str
    turn: Turn
    role: str | None  # the role the item names: minister | staatssecretaris | minister-president
    members: list[Speaker] = field(default_factory=list)
    term: str | None = None  # a term agreed after the item was read, when the item has none
    term_change: tuple[str, str] | None = None  # (word read, word meant) for a corrected term


@dataclass
class ClosingList:
    """The items and where the list starts in the transcript (turn position, 0-based)."""

    items: list[ListItem]
    start: int


def _role(text: str) -> str | None:
    v = vocabulary()
    for role in ("minister-president", "staatssecretaris", "minister"):
        if v.one("roles", role).search(text):
            return role
    return None


def _start(transcript: Transcript) -> tuple[int, int] | None:
    """(turn position, sentence number) of the list's opening cue, or None without a list."""
    v = vocabulary()
    cue = v.any("closing", "start")
    limit = int(v.raw["closing"]["answer_words"])
    turns = transcript.turns
    # position of the last long answer by a bewindspersoon
    last_answer = max((k for k, t in enumerate(turns)
                       if t.speaker.is_minister and len(t.text.split()) >= limit), default=-1)
    for k in range(last_answer + 1, len(turns)):
        t = turns[k]
        if not t.chair:
            continue
        for n, s in enumerate(s for para in t.paragraphs for item in para for s in sentences(item)):
            if cue.search(s) and not s.rstrip().endswith("?"):
                return k, n
    return None


def is_item(sentence: str) -> bool:
    """A chair sentence read as a list item."""
    v = vocabulary()
    if sentence.rstrip().endswith("?") or v.any("closing", "not_item").search(sentence):
        return False
    return bool(v.any("closing", "item").search(sentence))


def _term(text: str, ref) -> str | None:
    found = find_term(text, ref)
    return found[0] if found else None


def read_closing_list(transcript: Transcript, people: People) -> ClosingList | None:
    """The chair's closing list, or None when the transcript has none."""
    where = _start(transcript)
    if where is None:
        return None
    v = vocabulary()
    end, enum = v.any("closing", "end"), v.one("closing", "enumerator")
    addressee = v.one("closing", "addressee")
    member_cue, override, add = (v.one("closing", "member"), v.one("closing", "member_override"),
                                 v.one("closing", "member_add"))
    missed, confirm = v.one("closing", "missed"), v.one("closing", "confirm")
    withdrawn = v.one("closing", "withdrawn")
    term_change = v.one("closing", "term_change")
    ref = transcript.meeting.date
    items: list[ListItem] = []
    seen: list[set[str]] = []
    awaiting_member = False
    offered: ListItem | None = None  # an item an MP adds, until the chair confirms it
    start_turn, start_sentence = where
    for k in range(start_turn, len(transcript.turns)):
        turn = transcript.turns[k]
        last = items[-1] if items else None
        if turn.chair:
            if offered is not None and confirm.search(turn.text):
                items.append(offered)
            offered = None
            n = -1
            for para in turn.paragraphs:
                for alinea_item in para:
                    ss = sentences(alinea_item)
                    j = 0
                    while j < len(ss):
                        n += 1
                        s = ss[j]
                        j += 1
                        if k == start_turn and n < start_sentence:
                            continue
                        if end.search(s):
                            return ClosingList(items, start_turn)
                        if withdrawn.search(s) and items:
                            items.pop()
                            seen.pop()
                            continue
                        if missed.search(s):
                            awaiting_member = True
                        body = enum.sub("", s).strip()
                        if is_item(body):
                            while j < len(ss) and addressee.search(ss[j]):
                                body += " " + ss[j]
                                j += 1
                                n += 1
                            words = content_words(body)
                            if any(len(words & w) >= 0.8 * min(len(words), len(w)) for w in seen if w):
                                continue  # the same item read again
                            item = ListItem(text=body, turn=turn, role=_role(body),
                                            members=people.named(body, member_cue))
                            items.append(item)
                            seen.append(words)
                            continue
                        last = items[-1] if items else None
                        if last is None:
                            continue
                        named = people.named(s, member_cue)
                        if (named and override.search(s)) or (named and add.search(s) and not last.members):
                            last.members = named
                        change = term_change.search(s)
                        if change:
                            last.term_change = (change.group(1), change.group(2))
                        elif last.term is None and _term(last.text, ref) is None:
                            last.term = _term(s, ref)
        elif turn.speaker.is_minister:
            if last is not None and last.term is None and _term(last.text, ref) is None \
                    and len(turn.text.split()) <= 25:
                last.term = _term(turn.text, ref)
        elif is_mp_turn(turn) and awaiting_member and re.search(r"\btoezegging\b", turn.text, re.I):
            for para in turn.paragraphs:
                for alinea_item in para:
                    ss = sentences(alinea_item)
                    at = next((i for i, s in enumerate(ss) if re.search(r"\btoezegging\b", s, re.I)), None)
                    if at is not None and offered is None:
                        text = " ".join(ss[at:])
                        offered = ListItem(text=text, turn=turn, role=_role(text), members=[turn.speaker])
            awaiting_member = False
    return ClosingList(items, start_turn)
