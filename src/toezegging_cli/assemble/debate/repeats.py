"""One promise said twice is one promise: merge the speech detector's repeats.

A bewindspersoon often restates a promise: a few sentences on in the same answer ("Dat kan ik van
harte toezeggen. … Die toezegging kan ik dus doen."), or when the MP presses in an interruption
("Voor welke datum is dat dan?" — "Dat kunnen we toezeggen, een week voor de 23ste."). A promise
is a repeat of an earlier one by the same speaker when

* it is in the same turn, at most `same_turn_gap` sentences after it, answering the same MP; or
* it opens a reply to an MP's interruption at most `follow_turns` turns after it (or after one of
  its repeats), with no other bewindspersoon speaking in between, and either the MP the earlier
  promise answered asks when
  ("Voor welke datum is dat dan?"), or the interruption and the reply name a deliverable that the
  earlier promise named ("Ik wil niet vooruitlopen op dat actieplan. Ik stuur dat nog voor de
  zomer"). An MP who raises something new ("Er is namelijk ook nog iets als korpscheftaken") gets
  a promise of its own; "brief" alone is too common to say two letters are one.

The first moment stays the promise; the later ones are listed in its `also`.
"""

from __future__ import annotations

from functools import lru_cache

from toezegging_cli.assemble.debate.common import fold, is_mp_turn, turn_sentences, vocabulary
from toezegging_cli.assemble.debate.speech import SpeechPromise
from toezegging_cli.read.vlos import Transcript

OPENING = 3  # sentences at the start of a reply that answer the interruption before it


@lru_cache(maxsize=1)
def _settings() -> tuple[int, int]:
    raw = vocabulary().raw["repeats"]
    return int(raw["same_turn_gap"]), int(raw["follow_turns"])


def _when():
    return vocabulary().one("repeats", "when")


def _names(p: SpeechPromise) -> set[str]:
    return {m.name for m in p.members}


def _span(p: SpeechPromise) -> int:
    """Sentence number of the promise's last sentence (it may take its neighbours along)."""
    ss = turn_sentences(p.turn)
    n, words = p.sentence, len(p.text.split())
    while n + 1 < len(ss) and sum(len(s.split()) for _, _, s in ss[p.sentence:n + 1]) < words:
        n += 1
    return n


def _context(p: SpeechPromise) -> str:
    """The promise and the sentences around it."""
    ss = turn_sentences(p.turn)
    return " ".join(s for _, _, s in ss[max(0, p.sentence - 2):_span(p) + 2])


def _interruption(transcript: Transcript, p: SpeechPromise):
    """The MP turn a reply answers when the promise opens that reply, else None."""
    if p.sentence >= OPENING:
        return None
    for j in range(p.position - 1, max(-1, p.position - 4), -1):
        t = transcript.turns[j]
        if t.chair:
            continue
        return t if is_mp_turn(t) else None
    return None


def _same_turn(first: SpeechPromise, p: SpeechPromise, gap: int) -> bool:
    if first.turn is not p.turn or p.sentence - _span(first) > gap:
        return False
    return not (_names(first) and _names(p)) or _names(first) == _names(p)


def _deliverables(text: str) -> set[str]:
    """The named deliverables in a text ('dat actieplan', 'een updateje'), folded."""
    found = vocabulary().any("repeats", "deliverable").finditer(text)
    return {fold(m.group(0)).removesuffix("je") for m in found}


def _follow_up(transcript: Transcript, first: SpeechPromise, p: SpeechPromise) -> bool:
    follow = _settings()[1]
    if not 0 < p.position - first.position <= follow:
        return False
    between = transcript.turns[first.position + 1:p.position]
    if any(t.speaker.is_minister and t.speaker.name != p.speaker.name for t in between):
        return False
    asked = _interruption(transcript, p)
    if asked is None:
        return False
    if asked.speaker.name in _names(first) and _when().search(asked.text):
        return True
    ss = turn_sentences(p.turn)
    reply = " ".join(s for _, _, s in ss[:_span(p) + 1])
    return bool(_deliverables(asked.text + " " + reply) & _deliverables(_context(first)))


def merge_repeats(transcript: Transcript, promises: list[SpeechPromise]) -> list[SpeechPromise]:
    """The promises with each repeat folded into the first moment it repeats (transcript order)."""
    gap = _settings()[0]
    out: list[SpeechPromise] = []
    for p in promises:
        first = next((q for q in reversed(out) if q.speaker.name == p.speaker.name
                      and any(_same_turn(m, p, gap) or _follow_up(transcript, m, p) for m in (q, *q.also))),
                     None)
        if first is None:
            out.append(p)
        else:
            first.also.append(p)
            first.members = first.members + [m for m in p.members if m not in first.members]
    return out
