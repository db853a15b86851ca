"""The one data model every stage fills in and every renderer reads.

read → clean → tag → assemble → render all pass these dataclasses along; `to_dict` gives the
JSON shape (documented by `toezegging schema`).
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "2.2"


@dataclass
class Source:
    """Where a document came from: path as given, content hash, page count, input format and kind."""

    path: str
    sha256: str
    pages: int
    format: str  # "pdf" | "txt" | "stdin" | "vlos" | "html" | "xml" | "docx" | "odt"
    kind: str = "letter"  # "letter" | "debate"


@dataclass
class Footnote:
    """A footnote kept apart from the body: its number, text and the page it stands on."""

    number: int
    text: str
    page: int


@dataclass
class Signatory:
    """A signer from the closing of the letter, name as printed."""

    name: str
    role: str | None = None  # minister | staatssecretaris | minister-president
    portfolio: str | None = None


@dataclass
class LetterMeta:
    """Header and closing metadata; a field not in the letter stays None (never guessed)."""

    date: str | None = None
    subject: str | None = None
    reference: str | None = None
    kamerstuk: str | None = None
    ministry: str | None = None
    recipient: str | None = None
    signatories: list[Signatory] = field(default_factory=list)


@dataclass
class Letter:
    """A letter read and cleaned: body text, page of every body offset, footnotes, metadata.

    `page_starts[i]` is the body offset where page i+1 begins (page_starts[0] == 0), so the page of
    any offset is found by bisection without storing one number per character.
    """

    body: str
    page_starts: list[int]
    footnotes: list[Footnote]
    meta: LetterMeta
    source: Source
    warnings: list[str] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """Page number (1-based) of body character `offset`."""
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": asdict(self.source),
            "letter": asdict(self.meta),
            "body": self.body,
            "page_starts": list(self.page_starts),
            "footnotes": [asdict(f) for f in self.footnotes],
            "warnings": list(self.warnings),
        }


@dataclass
class Entity:
    """A tagged span of the body: label (MEMBER, PARTY, MINISTER, DEBATE, DATE, DEADLINE) and value."""

    label: str
    text: str
    start: int
    end: int
    page: int
    value: dict[str, Any]


@dataclass
class Debate:
    type: str | None
    title: str | None
    date: str | None


@dataclass
class Member:
    name: str
    party: str | None = None
    # "letter" (as written) | "members-table" (looked up by date) | "transcript" (a debate's XML)
    party_source: str | None = None


@dataclass
class Deadline:
    text: str
    start: str | None
    end: str | None
    precision: str | None = None  # day, month, quarter, season, year, event, unspecified
    recurring: bool = False
    estimated: bool = False


@dataclass
class Evidence:
    """Where a commitment is stated: page and the letter's own sentence with its body offsets.

    For a commitment made in a footnote, `footnote` holds its number and start/end index the
    footnote's text.
    """

    page: int
    start: int
    end: int
    sentence: str
    footnote: int | None = None
    # the words of the sentence that name this commitment, where one sentence names several
    # ('mijn toezegging uit het AO politie van 21 december …, mijn toezegging uit het vragenuur …')
    part: str | None = None


@dataclass
class Person:
    """The bewindspersoon who made a commitment: name as written, role and portfolio where known.

    In a letter it is the signer, or `name="voorganger"` where the letter says a predecessor made it.
    """

    name: str
    role: str | None = None  # minister | staatssecretaris | minister-president
    portfolio: str | None = None


@dataclass
class Said:
    """Where in a debate's speech a commitment was made: the speaker, the turn's time and the words."""

    speaker: str
    time: str | None
    text: str


@dataclass
class Meeting:
    """A debate's metadata from its transcript."""

    title: str | None = None
    date: str | None = None
    kind: str | None = None  # commissiedebat | plenaire vergadering | notaoverleg | wetgevingsoverleg | …
    committee: str | None = None


@dataclass
class Commitment:
    kind: str  # earlier | new (letters) | made (debates)
    status: str  # fulfilled | partly_fulfilled | postponed | open
    subject: str | None
    debate: Debate | None
    members: list[Member]
    made_by: Person | None
    deadline: Deadline | None
    evidence: Evidence
    confidence: float
    origin: str | None = None  # debates: "list" (chair's closing list) | "speech"; letters: None
    said: Said | None = None  # debates: the moment in the speech where it was made
    said_also: list[Said] = field(default_factory=list)  # debates: later moments it was said again
    # why it was found (rule, triggers, entities, deadline steps; see assemble/explain.py); in JSON
    # only with --explain
    explanation: dict[str, Any] | None = None


@dataclass
class Report:
    """Everything `extract` says about one letter."""

    source: Source
    letter: LetterMeta
    commitments: list[Commitment] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    meeting: Meeting | None = None  # debates only

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The JSON shape; each commitment's `explanation` only when `explain`."""
        commitments = [asdict(c) for c in self.commitments]
        for c in commitments:
            if not explain or c["explanation"] is None:
                del c["explanation"]
        return {
            "schema_version": SCHEMA_VERSION,
            "source": asdict(self.source),
            "letter": asdict(self.letter),
            "meeting": asdict(self.meeting) if self.meeting is not None else None,
            "commitments": commitments,
            "entities": [asdict(e) for e in self.entities],
            "warnings": list(self.warnings),
        }
