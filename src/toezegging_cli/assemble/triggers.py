"""The trigger phrases of `data/commitment_triggers.toml`, compiled once, and how a sentence is
matched against a list of them (one joined scan where the patterns allow it)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from toezegging_cli import precompiled, prefilter

WORD_LISTS = {"common_words", "parallel_prepositions", "counts"}  # plain words and numbers, not patterns


@dataclass(frozen=True)
class Triggers:
    earlier: tuple[re.Pattern, ...]
    mentions: tuple[re.Pattern, ...]
    restated: tuple[re.Pattern, ...]
    refusal: tuple[re.Pattern, ...]
    another: tuple[re.Pattern, ...]
    told: tuple[re.Pattern, ...]
    long_heading: tuple[re.Pattern, ...]
    request: tuple[re.Pattern, ...]
    request_exclude: tuple[re.Pattern, ...]
    request_points_back: tuple[re.Pattern, ...]
    anaphora: tuple[re.Pattern, ...]
    names_request: tuple[re.Pattern, ...]
    generic: tuple[re.Pattern, ...]
    new: tuple[re.Pattern, ...]
    needs_deadline: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    motion: tuple[re.Pattern, ...]
    partly: tuple[re.Pattern, ...]
    unfinished: tuple[re.Pattern, ...]
    postponed: tuple[re.Pattern, ...]
    later: tuple[re.Pattern, ...]
    refused: tuple[re.Pattern, ...]
    fulfilled: tuple[re.Pattern, ...]
    delivered: tuple[re.Pattern, ...]
    now: tuple[re.Pattern, ...]
    part: tuple[re.Pattern, ...]
    late: tuple[re.Pattern, ...]
    ahead: tuple[re.Pattern, ...]
    follows_up: tuple[re.Pattern, ...]
    asks_to_tell: tuple[re.Pattern, ...]
    not_ready: tuple[re.Pattern, ...]
    tells_more: tuple[re.Pattern, ...]
    predecessor: re.Pattern
    debate_refers_back: re.Pattern
    meeting_named_before: re.Pattern
    said_before: re.Pattern
    subject_member: re.Pattern
    motie: re.Pattern = re.compile(r"\bmoties?\b", re.I)


@lru_cache(maxsize=1)
def _raw() -> dict:
    """The parsed trigger file, read once per process (the patterns and the word lists share it), with
    the receivers of `[receivers]` put in where a pattern names them ('{kamer}', '{kamer_u}')."""
    raw = tomllib.loads(
        resources.files("toezegging_cli.data").joinpath("commitment_triggers.toml").read_text("utf-8")
    )
    receivers = raw.pop("receivers")

    def put_in(value):
        if isinstance(value, str):
            for name, alternation in receivers.items():
                value = value.replace("{" + name + "}", alternation)
            return value
        return [put_in(v) for v in value] if isinstance(value, list) else value

    return {section: {key: put_in(value) for key, value in fields.items()} for section, fields in raw.items()}


def trigger_patterns() -> list[tuple[str, int]]:
    """Every trigger pattern with its flags, for `precompiled`'s table."""
    return [(p, re.I) for section in _raw().values() for key, value in section.items()
            if key not in WORD_LISTS for p in ([value] if isinstance(value, str) else value)]


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    """The trigger phrases, compiled once per process."""
    raw = _raw()

    def comp(patterns: list[str]) -> tuple[re.Pattern, ...]:
        return tuple(precompiled.compile(p, re.I) for p in patterns)

    return Triggers(
        earlier=comp(raw["earlier"]["patterns"]),
        mentions=comp(raw["earlier"]["mentions"]),
        restated=comp(raw["earlier"]["restated"]),
        refusal=comp(raw["earlier"]["refusal"]),
        another=comp(raw["earlier"]["another"]),
        told=comp(raw["earlier"]["told"]),
        long_heading=comp(raw["earlier"]["long_heading"]),
        request=comp(raw["request"]["patterns"]),
        request_exclude=comp(raw["request"]["exclude"]),
        request_points_back=comp(raw["request"]["points_back"]),
        anaphora=comp(raw["anaphora"]["patterns"]),
        names_request=comp(raw["anaphora"]["names_request"]),
        generic=comp(raw["generic"]["patterns"]),
        new=comp(raw["new"]["patterns"]),
        needs_deadline=comp(raw["new"]["needs_deadline"]),
        exclude=comp(raw["new"]["exclude"]),
        motion=comp(raw["new"]["motion"]),
        partly=comp(raw["status"]["partly"]),
        unfinished=comp(raw["status"]["unfinished"]),
        postponed=comp(raw["status"]["postponed"]),
        later=comp(raw["status"]["later"]),
        refused=comp(raw["status"]["refused"]),
        fulfilled=comp(raw["status"]["fulfilled"]),
        delivered=comp(raw["status"]["delivered"]),
        now=comp(raw["status"]["now"]),
        part=comp(raw["status"]["part"]),
        late=comp(raw["status"]["late"]),
        ahead=comp(raw["status"]["ahead"]),
        follows_up=comp(raw["status"]["follows_up"]),
        asks_to_tell=comp(raw["status"]["asks_to_tell"]),
        not_ready=comp(raw["status"]["not_ready"]),
        tells_more=comp(raw["status"]["tells_more"]),
        predecessor=precompiled.compile(raw["made_by"]["predecessor"], re.I),
        debate_refers_back=precompiled.compile(raw["debate"]["refers_back"], re.I),
        meeting_named_before=precompiled.compile(raw["debate"]["meeting_named_before"], re.I),
        said_before=precompiled.compile(raw["debate"]["said_before"], re.I),
        subject_member=precompiled.compile(raw["request"]["subject_member"], re.I),
    )


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Long words that say nothing of what was promised (`status.common_words`)."""
    return frozenset(_raw()["status"]["common_words"])


@lru_cache(maxsize=1)
def parallel_prepositions() -> tuple[str, ...]:
    """Prepositions that open parallel phrases after a plural toezegging (`split._parallel_parts`)."""
    return tuple(_raw()["earlier"]["parallel_prepositions"])


@lru_cache(maxsize=1)
def counts() -> dict[str, int]:
    """Number words a general line counts toezeggingen with ('twee toezeggingen' → 2)."""
    return dict(_raw()["generic"]["counts"])


def _any(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """Whether any of `patterns` matches `text` (patterns that lack a word they need are skipped)."""
    return prefilter.of(patterns).any_match(text)


def _span(patterns: tuple[re.Pattern, ...], text: str) -> tuple[int, int] | None:
    """Span of the first pattern that matches, or None."""
    hit = prefilter.of(patterns).first(text)
    return hit[1].span() if hit else None
