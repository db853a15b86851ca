"""JSON Schema (draft 2020-12) of `Report.to_dict()` and of a JSON-lines error record.

`toezegging schema` prints `report_schema()`; the vocabularies below are the contract between the
stages that fill the model and the programs that read the output.
"""

from __future__ import annotations

from typing import Any

from toezegging_cli.model import SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"

KINDS = ("earlier", "new", "made")
STATUSES = ("fulfilled", "partly_fulfilled", "postponed", "open")
EARLIER_STATUSES = ("fulfilled", "partly_fulfilled", "postponed")
ROLES = ("minister", "staatssecretaris", "minister-president")
FORMATS = ("pdf", "txt", "stdin", "vlos", "html", "xml", "docx", "odt")
SOURCE_KINDS = ("letter", "debate")
ORIGINS = ("list", "speech")
PARTY_SOURCES = ("letter", "members-table", "transcript")
PRECISIONS = ("day", "month", "quarter", "season", "year", "event", "unspecified")
# Kinds of meeting every tagger must know; the shipped table (data/debate_types.csv) may add more.
BASE_DEBATE_TYPES = (
    "commissiedebat", "plenair debat", "notaoverleg", "wetgevingsoverleg", "algemeen overleg",
    "schriftelijk overleg", "mondelinge vragen", "begrotingsbehandeling", "tweeminutendebat",
)
ENTITY_LABELS = ("MEMBER", "PARTY", "MINISTER", "DEBATE", "DATE", "DEADLINE")
# --explain: the rule families of data/commitment_triggers.toml, and the learned second opinion
RULES = ("earlier", "request", "anaphora", "generic", "new", "new.needs_deadline", "learned")
STATUS_REASONS = ("own", "scope", "follow_up", "default", "open")


def debate_types() -> tuple[str, ...]:
    """The `debate.type` vocabulary: the base kinds plus the `type` column of the debate table."""
    import csv
    from importlib import resources

    table = resources.files("toezegging_cli.data").joinpath("debate_types.csv")
    extra: list[str] = []
    if table.is_file():
        with table.open(encoding="utf-8", newline="") as fh:
            extra = [row["type"] for row in csv.DictReader(fh) if row.get("type")]
    return tuple(dict.fromkeys([*BASE_DEBATE_TYPES, *extra]))


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _nullable_enum(values: tuple[str, ...]) -> dict[str, Any]:
    return {"enum": [*values, None]}


def _object(properties: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """A closed object: every property listed, all required unless `required` says otherwise."""
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


_STRING = {"type": "string"}
_TEXT = {"type": "string", "minLength": 1}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_PAGE = {"type": "integer", "minimum": 1}
_OFFSET = {"type": "integer", "minimum": 0}


def _source() -> dict[str, Any]:
    return _object({
        "path": {"type": "string", "description": "The letter's path as given ('-' for stdin)."},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$",
                   "description": "SHA-256 of the input bytes."},
        "pages": {"type": "integer", "minimum": 0},
        "format": {"enum": list(FORMATS)},
        "kind": {"enum": list(SOURCE_KINDS), "description": "letter, or debate (a VLOS transcript)."},
    })


def _person() -> dict[str, Any]:
    return _object({
        "name": _TEXT,
        "role": _nullable_enum(ROLES),
        "portfolio": _nullable(_TEXT),
    })


def _meeting() -> dict[str, Any]:
    return _object({
        "title": _nullable(_STRING),
        "date": _nullable(_DATE),
        "kind": {**_nullable(_STRING), "description": "commissiedebat, plenaire vergadering, notaoverleg, …"},
        "committee": _nullable(_STRING),
    })


def _letter() -> dict[str, Any]:
    signatory = _person()
    return _object({
        "date": {**_nullable(_DATE), "description": "Date of the letter; null when it states none."},
        "subject": {**_nullable(_STRING), "description": "'Betreft' line."},
        "reference": {**_nullable(_STRING), "description": "'Ons kenmerk'."},
        "kamerstuk": {**_nullable(_STRING), "description": "Kamerstuk number, e.g. '31 936, nr. 989'."},
        "ministry": {**_nullable(_STRING), "description": "Sending ministry, without 'Ministerie van'."},
        "recipient": _nullable(_STRING),
        "signatories": {"type": "array", "items": signatory},
    })


def _explanation() -> dict[str, Any]:
    """`--explain`: why a commitment was found (see assemble/explain.py)."""
    text = _nullable(_STRING)
    trigger = _object({
        "family": {"enum": [r for r in RULES if r != "learned"]},
        "pattern": {"type": "string", "description": "Place in data/commitment_triggers.toml, e.g. "
                                                     "'request.patterns[3]'."},
        "text": {**_STRING, "description": "The words the pattern matched."},
        "start": _OFFSET, "end": _OFFSET, "page": _PAGE,
    })
    status = _object({
        "value": {"enum": list(STATUSES)},
        "reason": {"enum": list(STATUS_REASONS),
                   "description": "own/scope: status words in the commitment's sentences or after them; "
                                  "follow_up: a later promise with a term; default: none found; open: new."},
        "pattern": _STRING, "text": _STRING,
    }, required=["value", "reason"])
    anchor = _object({
        "kind": {"enum": ["recess", "event"]}, "name": _STRING, "year": {"type": "integer"},
        "edge": {"enum": ["starts", "ends", "is"]}, "date": _DATE, "estimated": {"type": "boolean"},
    })
    deadline = _object({
        "text": _STRING, "where": {"enum": ["own", "after"]}, "anchor": _nullable(anchor),
        "reference_date": {**_nullable(_DATE), "description": "The letter's date the term is read from."},
        "year_from_reference": {"type": "boolean"},
        "start": _nullable(_DATE), "end": _nullable(_DATE), "precision": _nullable_enum(PRECISIONS),
        "estimated": {"type": "boolean"},
    })
    return _object({
        "rule": {"enum": list(RULES), "description": "The rule family that found the commitment."},
        "triggers": {"type": "array", "items": trigger},
        "status": status,
        "debate": _nullable(_object({
            "text": text, "where": _nullable_enum(("own", "before", "after", "heading")),
            "type": text, "title": text, "date": _nullable(_DATE)})),
        "members": {"type": "array", "items": _object({
            "text": text, "name": _TEXT, "party": text, "party_source": _nullable_enum(PARTY_SOURCES)})},
        "deadline": _nullable(deadline),
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "confidence_reason": {"enum": ["earlier", "request", "generic", "new", "new_deadline", "learned"]},
        "learned": _object({"label": _STRING, "score": {"type": "number"}}),
    }, required=["rule", "triggers", "status", "debate", "members", "deadline", "confidence",
                 "confidence_reason"])


def _commitment() -> dict[str, Any]:
    debate = _object({
        "type": _nullable_enum(debate_types()),
        "title": _nullable(_STRING),
        "date": _nullable(_DATE),
    })
    member = _object({
        "name": _TEXT,
        "party": _nullable(_TEXT),
        "party_source": {**_nullable_enum(PARTY_SOURCES),
                         "description": "'letter': as written; 'members-table': looked up by date; "
                                        "'transcript': the speaker's party in a debate transcript."},
    })
    deadline = _object({
        "text": {"type": "string", "description": "The term as the letter words it."},
        "start": _nullable(_DATE),
        "end": {**_nullable(_DATE), "description": "Last day on which the promise is still kept."},
        "precision": _nullable_enum(PRECISIONS),
        "recurring": {"type": "boolean"},
        "estimated": {"type": "boolean", "description": "Dates inferred (e.g. a recess) rather than stated."},
    })
    evidence = _object({
        "page": _PAGE,
        "start": _OFFSET,
        "end": _OFFSET,
        "sentence": _TEXT,
        "footnote": {**_nullable({"type": "integer", "minimum": 1}),
                     "description": "Footnote number when the commitment stands in a footnote."},
        "part": {**_nullable(_TEXT),
                 "description": "The words of the sentence that name this commitment, where one sentence "
                                "names several (each its own commitment)."},
    })
    return _object(
        {
            "kind": {"enum": list(KINDS),
                     "description": "earlier: made before and addressed by this letter; new: made in it."},
            "status": {"enum": list(STATUSES)},
            "subject": _nullable(_STRING),
            "debate": _nullable(debate),
            "members": {"type": "array", "items": member},
            "made_by": {**_nullable(_person()),
                        "description": "The bewindspersoon: the letter's signer ('voorganger' for a "
                                       "predecessor), or the speaker in a debate."},
            "deadline": _nullable(deadline),
            "evidence": evidence,
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "origin": {**_nullable_enum(ORIGINS),
                       "description": "Debates: the chair's closing list or the speech; null for letters."},
            "said": {**_nullable(_object({"speaker": _TEXT, "time": _nullable(_STRING), "text": _TEXT})),
                     "description": "Debates: where in the speech the commitment was made."},
            "said_also": {"type": "array",
                          "items": _object({"speaker": _TEXT, "time": _nullable(_STRING), "text": _TEXT}),
                          "description": "Debates: later moments where the same promise was said again."},
            "explanation": {**_nullable(_explanation()),
                            "description": "Only with --explain: why the commitment was found."},
        },
        required=["kind", "status", "subject", "debate", "members", "made_by", "deadline", "evidence",
                  "confidence", "origin", "said"],
        allOf=[
            {"if": {"properties": {"kind": {"const": "new"}}},
             "then": {"properties": {"status": {"const": "open"}}}},
            {"if": {"properties": {"kind": {"const": "earlier"}}},
             "then": {"properties": {"status": {"enum": list(EARLIER_STATUSES)}}}},
            {"if": {"properties": {"kind": {"const": "made"}}},
             "then": {"properties": {"status": {"const": "open"}}}},
        ],
    )


def _entity() -> dict[str, Any]:
    return _object({
        "label": {"enum": list(ENTITY_LABELS)},
        "text": _STRING,
        "start": _OFFSET,
        "end": _OFFSET,
        "page": _PAGE,
        "value": {"type": "object", "description": "Normalised value; its keys depend on the label."},
    })


def report_schema() -> dict[str, Any]:
    """Schema of one `extract --format json` document (and of each good JSON-lines record)."""
    return {
        "$schema": DRAFT,
        "$id": f"urn:toezegging:report:{SCHEMA_VERSION}",
        "title": "toezegging report",
        "description": "The commitments (toezeggingen) found in one Dutch Kamerbrief.",
        **_object({
            "schema_version": {"const": SCHEMA_VERSION},
            "source": _source(),
            "letter": _letter(),
            "meeting": {**_nullable(_meeting()), "description": "Debates: the meeting; null for letters."},
            "commitments": {"type": "array", "items": _commitment()},
            "entities": {"type": "array", "items": _entity()},
            "warnings": {"type": "array", "items": _STRING},
        }),
    }


def error_schema() -> dict[str, Any]:
    """Schema of the JSON-lines record written for a letter that could not be processed."""
    return {
        "$schema": DRAFT,
        "$id": f"urn:toezegging:error:{SCHEMA_VERSION}",
        "title": "toezegging error record",
        **_object(
            {
                "schema_version": {"const": SCHEMA_VERSION},
                "source": _object({"path": _STRING}),
                "error": {**_TEXT, "description": "One-line reason, e.g. 'not a PDF'."},
            },
            required=["source", "error"],
        ),
    }


def batch_line_schema() -> dict[str, Any]:
    """Schema of any line of `extract --format jsonl`: a report or an error record."""
    report, error = report_schema(), error_schema()
    for part in (report, error):
        part.pop("$schema")
    return {"$schema": DRAFT, "title": "toezegging JSON-lines record", "oneOf": [report, error]}
