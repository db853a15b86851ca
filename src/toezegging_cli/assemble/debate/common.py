"""Shared parts of the debate assembler: the trigger vocabulary, sentence splitting, and the people
of a transcript (MPs found by the way they are named, bewindspersonen by role)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from toezegging_cli.read.vlos import Speaker, Transcript, Turn

_F = re.IGNORECASE


@dataclass(frozen=True)
class Vocabulary:
    """The compiled patterns of data/debate_triggers.toml."""

    raw: dict[str, Any]

    def one(self, section: str, key: str) -> re.Pattern:
        return _compile(self.raw[section][key])

    def any(self, section: str, key: str) -> re.Pattern:
        return _compile("|".join(f"(?:{p})" for p in self.raw[section][key]))


@lru_cache(maxsize=64)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, _F)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The debate vocabulary, read once."""
    text = resources.files("toezegging_cli.data").joinpath("debate_triggers.toml").read_text("utf-8")
    return Vocabulary(tomllib.loads(text))


# --- sentences ------------------------------------------------------------------------------------

_ABBREV = re.compile(
    r"(?:\b(?:nr|nrs|art|blz|bijv|mr|dr|drs|ir|prof|mevr|o\.a|d\.d|t\.a\.v|i\.p\.v|e\.d|m\.n|z\.s\.m)\.|\b[A-Z]\.)$")
_SPLIT = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“'(]?[A-Z0-9ÁÉÍÓÚÄËÏÖÜ])")


def sentences(text: str) -> list[str]:
    """Split an alinea item into sentences (no split after common abbreviations or initials)."""
    return list(_sentences(text))


@lru_cache(maxsize=1 << 16)
def _sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _SPLIT.finditer(text):
        piece = text[start:m.start()].strip()
        if _ABBREV.search(piece):
            continue
        if piece:
            out.append(piece)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return tuple(out)


def fold(text: str) -> str:
    """Lower case without accents, for word comparison."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


_WORD = re.compile(r"[\w'’-]+")
_STOP_TEXT = """
aan al als bij dan dat de deze dit die door een en er dus haar heb hebben heeft hem het hier hij hun ik
in is je kan kunnen maar met mij mijn na naar niet nog nu of om ons onze ook op over te tot u uit uw van
voor was wat we wel werd wie wij worden wordt ze zal zich zij zijn zo zou zullen dan daar daarmee
"""
_STOP = frozenset(_STOP_TEXT.split())


def content_words(text: str, extra_stop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Words of four letters or more, stop words and `extra_stop` aside; crude stems (plural -en/-s)."""
    return _content_words(text, extra_stop)


@lru_cache(maxsize=1 << 16)
def _content_words(text: str, extra_stop: frozenset[str]) -> frozenset[str]:
    out = set()
    for w in _WORD.findall(fold(text)):
        w = w.strip("'’-")
        if len(w) < 4 or w in _STOP or w in extra_stop:
            continue
        for suffix in ("en", "s", "e"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


def clear_caches() -> None:
    """Forget the cached sentence splits and word sets (for timing a cold run)."""
    _sentences.cache_clear()
    _content_words.cache_clear()


# --- people ---------------------------------------------------------------------------------------

class People:
    """Who speaks in a transcript: MPs by their name forms, bewindspersonen by role."""

    def __init__(self, transcript: Transcript):
        self.ministers: list[Speaker] = [s for s in transcript.speakers if s.is_minister]
        self.words: dict[str, int] = {}
        for turn in transcript.turns:
            if turn.speaker.is_minister:
                self.words[turn.speaker.name] = self.words.get(turn.speaker.name, 0) + len(turn.text.split())
        self._forms: list[tuple[str, Speaker]] = []
        for s in transcript.speakers:
            if s.is_minister or not s.party:
                continue
            forms = {s.name}
            if s.first_name and s.name.lower().startswith(s.first_name.lower() + " "):
                rest = s.name[len(s.first_name) + 1:]
                forms.add(rest[:1].upper() + rest[1:])
            for form in forms:
                self._forms.append((fold(form), s))
        self._forms.sort(key=lambda f: -len(f[0]))

    def named(self, text: str, cue: re.Pattern) -> list[Speaker]:
        """MPs named in `text` right after a cue ('de heer', 'mevrouw'), in order, without repeats."""
        found: list[Speaker] = []
        low = fold(text)
        for m in cue.finditer(low):
            rest = low[m.end():]
            for form, sp in self._forms:
                if rest.startswith(form) and (len(rest) == len(form) or not rest[len(form)].isalnum()):
                    if sp not in found:
                        found.append(sp)
                    break
        return found

    def by_role(self, role: str | None) -> list[Speaker]:
        """Bewindspersonen with `role` (all of them when None), most words spoken first."""
        cands = [s for s in self.ministers if role is None or s.role == role]
        return sorted(cands, key=lambda s: -self.words.get(s.name, 0))

    def main(self) -> Speaker | None:
        """The bewindspersoon who spoke most."""
        ranked = self.by_role(None)
        return ranked[0] if ranked else None


def is_mp_turn(turn: Turn) -> bool:
    """A turn by an MP speaking for themselves (not in the chair, not a bewindspersoon)."""
    return not turn.chair and not turn.speaker.is_minister and turn.speaker.party is not None


def turn_sentences(turn: Turn) -> list[tuple[int, int, str]]:
    """(paragraph, item, sentence) of every sentence of a turn, items kept apart."""
    out = []
    for p, para in enumerate(turn.paragraphs):
        for i, item in enumerate(para):
            for s in sentences(item):
                out.append((p, i, s))
    return out
