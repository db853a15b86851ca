"""Link each item of the chair's closing list to the speech moment where it was made.

A list item often names no bewindspersoon ("De Kamer ontvangt …"), and when it does, the role
alone does not say which of two ministers spoke. The moment is found by content: every sentence a
bewindspersoon spoke before the list is a candidate, scored by the item's words found in it and
the sentences around it (rare words of the transcript weigh more than common ones; a word of the
item also matches a longer compound in speech, "formatie" ~ "formatietafel"), plus a bonus when
the moment answers the MP the chair named; words in the moment's own sentence count extra, so the
sentence itself wins over its neighbours. Moments where the speech detector found a promise are
tried first; an item no promise fits takes the best plain sentence. An item naming a role is only
linked to speakers with that role. Each item takes the best moment still free (one moment per
item), and `made_by` is that moment's speaker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from toezegging_cli.assemble.debate.common import People, content_words, fold, turn_sentences, vocabulary
from toezegging_cli.assemble.debate.speech import SpeechPromise, asking_members
from toezegging_cli.read.vlos import Speaker, Transcript

BEFORE, AFTER = 3, 1  # sentences around a candidate that count as its context
PREFIX = 5  # a word this long or longer also matches speech words it begins ("formatie…")


@dataclass
class Moment:
    """Where a list item was made: the turn position, sentence number, words and speaker."""

    position: int
    sentence: int
    text: str
    speaker: Speaker
    promise: SpeechPromise | None
    score: float


@dataclass
class _Candidate:
    position: int
    sentence: int
    text: str
    speaker: Speaker
    words: frozenset[str]  # its own words and those of the sentences around it
    own: frozenset[str]  # its own words
    promise: SpeechPromise | None


@lru_cache(maxsize=1)
def _settings() -> tuple[frozenset[str], float, float, float, float]:
    raw = vocabulary().raw["link"]
    generic = frozenset(fold(w) for w in raw["generic"])
    return (generic, float(raw["min_overlap"]), float(raw["member_bonus"]), float(raw["own_weight"]),
            float(raw["min_share"]))


def _candidates(transcript: Transcript, end: int, promises: list[SpeechPromise]) -> list[_Candidate]:
    """Every bewindspersoon sentence before turn `end` with its context words; a detected promise
    replaces the sentence it starts at and spans the sentences it took."""
    generic = _settings()[0]
    at = {(p.position, p.sentence): p for p in promises if p.position < end}
    out = []
    for k, turn in enumerate(transcript.turns[:end]):
        if not turn.speaker.is_minister:
            continue
        ss = [s for _, _, s in turn_sentences(turn)]
        own = [content_words(s, generic) for s in ss]
        for n, s in enumerate(ss):
            p = at.get((k, n))
            span = len(p.text.split()) if p else len(s.split())
            last = n
            while p and last + 1 < len(ss) and sum(len(x.split()) for x in ss[n:last + 1]) < span:
                last += 1
            words = frozenset().union(*own[max(0, n - BEFORE):last + 1 + AFTER])
            out.append(_Candidate(k, n, p.text if p else s, turn.speaker, words,
                                  frozenset().union(*own[n:last + 1]), p))
    return out


def _weights(cands: list[_Candidate]) -> dict[str, float]:
    """Inverse document frequency of each word over the candidates' own sentences, 0..1."""
    df: dict[str, int] = {}
    for c in cands:
        for w in content_words(c.text, _settings()[0]):
            df[w] = df.get(w, 0) + 1
    n = max(len(cands), 2)
    return {w: max(0.2, math.log(n / d) / math.log(n)) for w, d in df.items()}


def _expand(words: frozenset[str], vocab: set[str]) -> dict[str, set[str]]:
    """Speech words matching each item word: itself, and compounds it begins (long words only); a
    hyphenated word ("R&D-actieplan") also matches what its parts match."""
    def matches(w: str) -> set[str]:
        hits = {w} & vocab
        if len(w) >= PREFIX:
            hits |= {v for v in vocab if v.startswith(w) or (len(v) >= PREFIX and w.startswith(v))}
        return hits

    out = {}
    for w in words:
        hits = matches(w).union(*(matches(p) for p in w.split("-") if len(p) >= 4 and p != w))
        if hits:
            out[w] = hits
    return out


def _overlap(expanded: dict[str, set[str]], words: frozenset[str], weight: dict[str, float]) -> float:
    return sum(max(weight.get(v, 1.0) for v in hits & words) for hits in expanded.values() if hits & words)


def link_items(items, transcript: Transcript, people: People, promises: list[SpeechPromise],
               end: int) -> dict[int, Moment]:
    """Item number -> the speech moment it was made at (items without a good enough moment left out)."""
    generic, need, member_bonus, own_weight, share = _settings()
    cands = _candidates(transcript, end, promises)
    if not cands:
        return {}
    weight = _weights(cands)
    vocab = set().union(*(c.words for c in cands))
    scored = []
    for i, item in enumerate(items):
        expanded = _expand(content_words(item.text, generic), vocab)
        # a short item cannot share much: it needs `share` of what it could share, at most `need`
        enough = min(need, share * sum(max(weight.get(v, 1.0) for v in hits) for hits in expanded.values()))
        asked = {m.name for m in item.members}
        for j, c in enumerate(cands):
            if item.role and c.speaker.role != item.role:
                continue
            overlap = _overlap(expanded, c.words, weight)
            if overlap < enough or overlap == 0:
                continue
            score = overlap + own_weight * _overlap(expanded, c.own, weight)
            if asked:
                members = c.promise.members if c.promise else asking_members(transcript, people, c.position,
                                                                            c.sentence)
                if asked & {m.name for m in members}:
                    score += member_bonus
            scored.append((score, -j, i, j))
    out: dict[int, Moment] = {}
    used: set[int] = set()
    # promises first: a list item records a promise, so a moment where the detector found one is
    # preferred over any sentence; items no promise fits take the best sentence
    for stage in (True, False):
        for score, _, i, j in sorted((x for x in scored if (cands[x[3]].promise is not None) == stage),
                                     reverse=True):
            if i in out or j in used:
                continue
            c = cands[j]
            out[i] = Moment(c.position, c.sentence, c.text, c.speaker, c.promise, score)
            used.add(j)
    return out
