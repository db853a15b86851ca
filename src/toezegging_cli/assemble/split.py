"""One sentence that names several earlier commitments, one part each: 'mijn toezegging uit het
algemeen overleg politie van 21 december …, mijn toezegging uit het vragenuur van 13 februari …',
'de toezeggingen T03124 en T03125'. The kept evaluation set counts one commitment per toezegging or
request, also when one sentence names several (eval/README, Conventions); each part keeps the
meeting and members it names itself.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from toezegging_cli.assemble.sentences import Sentence

# the word that opens a part: a toezegging or a request named
_ANCHOR = re.compile(r"\b(?:toezegging(?:en)?|toegezegd|verzoek(?:en)?|verzocht|gevraagd)\b", re.I)
ANCHOR_REACH = 90  # characters from the anchor to the meeting it names
# a numbered toezegging of the registers
_NUMBERED = re.compile(r"\b(?:T|TZ)\d{4,}[\d-]*\b")


def _meeting_parts(s: Sentence) -> list[int]:
    """Offsets (in the sentence) where a part starts: the anchor before each of two or more
    different meetings, each anchor its own."""
    starts: list[int] = []
    seen: set[tuple] = set()
    anchors = [m.start() for m in _ANCHOR.finditer(s.text)]
    for e in s.entities:
        if e.label != "DEBATE" or not (e.value.get("date") or e.value.get("title")):
            continue
        at = e.start - s.start
        before = [a for a in anchors if at - ANCHOR_REACH <= a < at]
        key = (e.value.get("type"), e.value.get("title"), e.value.get("date"))
        if not before or key in seen or (starts and before[-1] <= starts[-1]):
            continue
        seen.add(key)
        starts.append(before[-1])
    return starts


def _numbered_parts(s: Sentence) -> list[int]:
    """Offsets of each distinct register number ('T03124') in the sentence, where each comes with
    words of its own ('T03124 aan het lid Ganzevoort en T03125 aan het lid Schalk'); a bare list
    ('(T01421, T01422 en T01970)') does not say which words belong to which number."""
    found: dict[str, tuple[int, int]] = {}
    for m in _NUMBERED.finditer(s.text):
        found.setdefault(m.group(0).upper(), (m.start(), m.end()))
    spans = sorted(found.values())
    for (_, end), (start, _) in itertools.pairwise(spans):
        if not _WORDS.search(_SEPARATOR.sub(" ", s.text[end:start])):
            return []
    return [start for start, _ in spans]


_TRAILING = re.compile(r"[\s,;•]*(?:\b(?:en|alsmede|evenals|als ook|net als))?[\s,;]*$", re.I)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SEPARATOR = re.compile(r"[;,•]\s*|\s(?:en|alsmede|evenals|als ook|net als)\s", re.I)


def _after_separator(text: str, prev: int, at: int) -> int:
    """Where the part whose anchor stands at `at` begins: after the last list separator between the
    previous anchor and it, else at the anchor."""
    last = None
    for m in _SEPARATOR.finditer(text, prev, at):
        last = m
    return last.end() if last is not None else at


def parts(s: Sentence) -> list[tuple[Sentence, str]]:
    """The sentence cut into the parts that each name one commitment: the sentence with only the
    entities inside the part, and the part's words; [] when it names one."""
    starts = _meeting_parts(s)
    if len(starts) < 2:
        starts = _numbered_parts(s)
    if len(starts) < 2:
        return []
    # a part starts after the separator before its anchor ('…; mijn toezegging uit …', '… en de
    # toezegging …'); what precedes the first part ('Met deze brief doe ik gestand …') belongs to it
    starts = [0] + [_after_separator(s.text, prev, at) for prev, at in itertools.pairwise(starts)]
    bounds = [*starts, len(s.text)]
    out = []
    for a, b in itertools.pairwise(bounds):
        lo, hi = s.start + a, s.start + b
        out.append((dataclasses.replace(
            s, entities=[e for e in s.entities if lo <= e.start < hi], roles=set(s.roles)),
            _TRAILING.sub("", s.text[a:b]).strip()))
    return out
