"""Skip regexes that cannot match: the literal words a pattern needs, found by reading the pattern.

Most trigger patterns need some plain word ('toegezegd', one of 'informeren|berichten|…') that
most sentences lack, yet Python's `re` tries every pattern at every position of a sentence.
`required(p)` reads a compiled pattern and returns the groups of literals it cannot match without:
for each group, at least one of its strings occurs (in lower case) in any text the pattern matches.
`Prefilter` keeps, per pattern, the group of longest words, and runs a pattern only on a text that
holds one of them: the answers (`any_match`, `first_span`) are those of running every pattern.

Only ASCII literals are used; under `re.IGNORECASE` four other characters match ASCII letters
(`FOLD_SPECIAL`: 'İ', 'ı', 'ſ' and the Kelvin sign, whose `str.lower()` does not give the letter),
so a text holding one of them runs every pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from re import _parser as sre_parse  # the parser `re.compile` itself uses (Python 3.11+)
from re._constants import (
    AT,
    ATOMIC_GROUP,
    BRANCH,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)

# Non-ASCII characters that `re.IGNORECASE` matches to an ASCII character although `str.lower()`
# does not turn them into it (tests/test_fast_paths.py checks this against every code point).
FOLD_SPECIAL = frozenset("\u0130\u0131\u017f\u212a")

Requirement = frozenset[str]  # at least one of these strings occurs in the lower-cased text


def _simplify(group: set[str]) -> Requirement:
    """Drop strings that contain another string of the group: finding the shorter one suffices."""
    return frozenset(s for s in group if not any(o != s and o in s for o in group))


def _score(group: Requirement) -> int:
    return min(map(len, group))


def _best(groups: list[Requirement]) -> Requirement | None:
    """The most selective group: the one whose shortest string is longest."""
    return max(groups, key=_score) if groups else None


MAX_WORDS = 256  # strings an exact part may spell before it is treated as any text


def _exact(op, av) -> set[str] | None:
    """The strings (lower case) one parsed item matches when they are few and ASCII, else None."""
    if op is LITERAL:
        return {chr(av).lower()} if av < 128 else None
    if op is AT:  # zero width: the characters either side are still next to each other
        return {""}
    if op is SUBPATTERN:
        return _exact_sequence(av[-1])
    if op is BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            words = _exact_sequence(alternative)
            if words is None:
                return None
            union |= words
        return union if len(union) <= MAX_WORDS else None
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] == 0 and av[1] == 1:
        words = _exact_sequence(av[2])
        return None if words is None else words | {""}
    return None


def _product(left: set[str], right: set[str]) -> set[str] | None:
    if len(left) * len(right) > MAX_WORDS:
        return None
    return {a + b for a in left for b in right}


def _exact_sequence(items) -> set[str] | None:
    words: set[str] | None = {""}
    for op, av in items:
        part = _exact(op, av)
        if part is None:
            return None
        words = _product(words, part)
        if words is None:
            return None
    return words


def _requirement(words: set[str]) -> Requirement | None:
    """What a run of exact items requires: one of its strings (superstrings dropped)."""
    if "" in words:
        return None
    return _simplify(words)


def _sequence(items) -> list[Requirement]:
    """Every requirement of a concatenation of parsed items: each longest run of items that spell
    few strings requires one of them; other items add what they require inside."""
    out: list[Requirement] = []
    run: set[str] = {""}

    def flush() -> None:
        nonlocal run
        need = _requirement(run)
        if need:
            out.append(need)
        run = {""}

    for op, av in items:
        part = _exact(op, av)
        if part is not None:
            joined = _product(run, part)
            if joined is not None:
                run = joined
                continue
            flush()
            run = part
            continue
        flush()
        if op is SUBPATTERN:
            out += _sequence(av[-1])
        elif op is ATOMIC_GROUP:
            out += _sequence(av)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            if av[0] >= 1:
                out += _sequence(av[2])
        elif op is BRANCH:
            union: set[str] = set()
            for alternative in av[1]:
                best = _best(_sequence(alternative))
                if best is None:
                    union = set()
                    break
                union |= best
            if union:
                out.append(_simplify(union))
        # lookarounds add no characters to the match; classes, any character and back references
        # need no particular literal
    flush()
    return out


_WORD = re.compile(r"[a-z0-9]+")


def _words(group: Requirement) -> Requirement:
    """The group with each string cut to one of its words: a weaker need, but a few distinct words
    ('toezegging' for 'toezegging (t', 'toezeggingen, t', …) are cheaper to look for. Each string
    keeps the word that weighs most (length times the strings sharing it)."""
    split = {s: _WORD.findall(s) for s in group}
    shared = Counter(w for words in split.values() for w in set(words))
    return _simplify({max(words, key=lambda w: (shared[w] * len(w), w)) if words else s
                      for s, words in split.items()})


@cache
def required(pattern: re.Pattern) -> tuple[Requirement, ...]:
    """The literal groups `pattern` needs, most selective first; () when it needs none we can tell
    (stored with the pattern's program when `precompiled` has it, else worked out here)."""
    from toezegging_cli import precompiled

    stored = precompiled.literals(pattern)
    return stored if stored is not None else analyse(pattern)


def analyse(pattern: re.Pattern) -> tuple[Requirement, ...]:
    """`required`, worked out from the parsed pattern."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a pattern we cannot read is simply never skipped
        return ()
    groups = {_words(g) for g in _sequence(list(parsed)) if g and "" not in g}
    # a group with a string of no letters or digits (' ', '(') is too weak to keep
    groups = {g for g in groups if all(_WORD.fullmatch(w) for w in g)}
    return tuple(sorted(groups, key=lambda g: (-_score(g), len(g), sorted(g))))


@lru_cache(maxsize=256)  # a letter's sentences, read by several trigger families in turn
def lowered(text: str) -> str | None:
    """`text` in lower case for the literal tests; None when it holds a `FOLD_SPECIAL` character."""
    if not text.isascii() and not FOLD_SPECIAL.isdisjoint(text):
        return None
    return text.lower()


# Every literal a Prefilter looks for. A literal is a run of [a-z0-9], so it occurs in a text only
# inside one of the text's (lower-case) runs of [a-z0-9]: the literals in each such word are looked
# up once per process, and a text's literals are the union over its words.
_LITERALS: set[str] = set()


def _register(literals) -> None:
    new = set(literals) - _LITERALS
    if new:
        _LITERALS.update(new)
        _in_word.cache_clear()
        present.cache_clear()


@lru_cache(maxsize=1 << 16)
def _in_word(word: str) -> frozenset[str]:
    return frozenset(s for s in _LITERALS if s in word)


@lru_cache(maxsize=256)  # a letter's sentences, read by several trigger families in turn
def present(text: str) -> frozenset[str] | None:
    """The literals (of any Prefilter) that occur in `text` in lower case; None when the text holds a
    `FOLD_SPECIAL` character (then every pattern runs)."""
    low = lowered(text)
    if low is None:
        return None
    found: set[str] = set()
    for word in set(_WORD.findall(low)):
        found |= _in_word(word)
    return frozenset(found)


class Prefilter:
    """Patterns with the literals each needs; answers as if every pattern were run."""

    def __init__(self, patterns: tuple[re.Pattern, ...]):
        self.patterns = patterns
        self.all = list(enumerate(patterns))
        needs = []
        for p in patterns:
            groups = required(p) if len(patterns) > 1 else ()
            needs.append(groups[0] if groups else None)
        self.always = [(i, p) for i, p in self.all if needs[i] is None]
        self.literals = frozenset().union(*(n for n in needs if n))
        # literal -> the places of the patterns it lets through
        self.by_literal = {s: [i for i in range(len(patterns)) if needs[i] and s in needs[i]]
                           for s in self.literals}
        _register(self.literals)

    def candidates(self, text: str) -> list[tuple[int, re.Pattern]]:
        """(place, pattern) of the patterns that may match `text`, in their order."""
        if not self.literals:
            return self.all
        found = present(text)
        if found is None:
            return self.all
        mine = found & self.literals
        if not mine:
            return self.always
        places = {i for i, _ in self.always}
        for s in mine:
            places.update(self.by_literal[s])
        patterns = self.patterns
        return [(i, patterns[i]) for i in sorted(places)]

    def any_match(self, text: str) -> bool:
        """Whether any of the patterns matches `text`."""
        return any(p.search(text) for _, p in self.candidates(text))

    def first(self, text: str) -> tuple[int, re.Match] | None:
        """The place of the first pattern (in order) that matches `text`, and its match."""
        for i, p in self.candidates(text):
            m = p.search(text)
            if m:
                return i, m
        return None


_MADE: dict[int, tuple[tuple[re.Pattern, ...], Prefilter]] = {}


def of(patterns: tuple[re.Pattern, ...]) -> Prefilter:
    """The `Prefilter` of a tuple of patterns, made once per process (found by the tuple's identity:
    hashing a tuple of patterns on every call would cost more than the filter saves)."""
    made = _MADE.get(id(patterns))
    if made is None or made[0] is not patterns:
        made = _MADE[id(patterns)] = (patterns, Prefilter(patterns))
    return made[1]
