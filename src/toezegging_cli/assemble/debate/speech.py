"""Promises in a bewindspersoon's own speech, with the MP whose question each answers.

A sentence of a bewindspersoon's turn is a promise when it matches a promise pattern of
data/debate_triggers.toml ("Ik zeg toe", "Ik kom daar … per brief op terug", "Ik zal de Kamer …
informeren") and none of the not-a-promise patterns (motion appraisals, refusals, plans), or when
the turn opens with a yes ("Ja", "Zeker", "Geen enkel probleem") to an MP's request for one. The
detector never looks at the chair's closing list, so it can be scored against it.

The asking MP is, in this order: an MP named in the sentence or the one before it ("De heer
Boswijk vroeg daarnaar", "mevrouw Chakor"); the MP of the interruption the turn answers, for the
first sentences of the turn; the last MP named earlier in the turn ("Dan de vraag van mevrouw X");
that interruption's MP; the last MP named in, or answered by, the speaker's turns before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from toezegging_cli.assemble.debate.common import People, is_mp_turn, turn_sentences, vocabulary
from toezegging_cli.read.vlos import Speaker, Transcript, Turn

SHORT = 10  # words: a promise sentence this short takes its neighbour along as context
LOOKBACK_TURNS = 6  # bewindspersoon turns searched back for the MP being answered


@dataclass
class SpeechPromise:
    """A promise found in speech: who said it, where (turn, sentence), the words and the asking MP."""

    speaker: Speaker
    turn: Turn
    position: int  # turn position in the transcript (0-based)
    sentence: int  # sentence number within the turn
    text: str
    members: list[Speaker]
    also: list[SpeechPromise] = field(default_factory=list)  # later moments of the same promise


def _asked_before(turns: list[Turn], k: int) -> Speaker | None:
    """The MP whose interruption turn k answers (chair turns in between skipped)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        t = turns[j]
        if t.chair:
            continue
        return t.speaker if is_mp_turn(t) else None
    return None


def _request_before(turns: list[Turn], k: int) -> bool:
    v = vocabulary()
    for j in range(k - 1, max(-1, k - 4), -1):
        t = turns[j]
        if t.chair:
            continue
        return is_mp_turn(t) and bool(v.any("speech", "request").search(t.text))
    return False


def detect(transcript: Transcript, people: People) -> list[SpeechPromise]:
    """Every promise in the bewindspersonen's speech, in transcript order."""
    v = vocabulary()
    promise, not_promise = v.any("speech", "promise"), v.any("speech", "not_promise")
    yes, later = v.one("speech", "yes"), v.one("speech", "later_in_debate")
    turns = transcript.turns
    found: list[SpeechPromise] = []
    for k, turn in enumerate(turns):
        if not turn.speaker.is_minister:
            continue
        ss = turn_sentences(turn)
        last_hit = -2
        for n, (_p, _i, s) in enumerate(ss):
            hit = bool(promise.search(s)) and not not_promise.search(s)
            if (not hit and n == 0 and yes.search(s) and _request_before(turns, k)
                    and not any(not_promise.search(x) for _, _, x in ss[:2])):
                hit = True  # a yes, unless it or the sentence saying what it means is no promise
            if hit and any(later.search(x) for _, _, x in ss[max(0, n - 1):n + 2]):
                hit = False
            if not hit:
                continue
            members = asking_members(transcript, people, k, n)
            if n == last_hit + 1 and found and found[-1].turn is turn:
                prev = found[-1]
                prev.text += " " + s
                prev.members = prev.members or members
            else:
                text = s
                if len(s.split()) < SHORT:
                    if n > 0 and n - 1 != last_hit:
                        text = ss[n - 1][2] + " " + s
                    elif n + 1 < len(ss):
                        text = s + " " + ss[n + 1][2]
                found.append(SpeechPromise(turn.speaker, turn, k, n, text, members))
            last_hit = n
    return found


def asking_members(transcript: Transcript, people: People, k: int, n: int) -> list[Speaker]:
    """The MP(s) a bewindspersoon's sentence n of turn k answers, by the detector's rules."""
    cue = vocabulary().one("speech", "member")
    turns = transcript.turns
    ss = turn_sentences(turns[k])
    for m in (n, n - 1):
        if 0 <= m < len(ss) and (named := people.named(ss[m][2], cue)):
            return named
    asked = _asked_before(turns, k)
    if asked is not None and n < 3:
        return [asked]
    for m in range(n - 2, -1, -1):
        if named := people.named(ss[m][2], cue):
            return named[-1:]
    if asked is not None:
        return [asked]
    who, seen = turns[k].speaker.name, 0
    for j in range(k - 1, -1, -1):
        if turns[j].speaker.name != who:
            continue
        seen += 1
        if seen > LOOKBACK_TURNS:
            break
        for _, _, s in reversed(turn_sentences(turns[j])):
            if named := people.named(s, cue):
                return named[-1:]
        if (asked := _asked_before(turns, j)) is not None:
            return [asked]
    return []
