"""The JSON Schema describes exactly what `extract` writes: every field, no more, and valid values."""

from __future__ import annotations

import copy
import json

import pytest

jsonschema = pytest.importorskip("jsonschema")

from toezegging_cli.model import (  # noqa: E402
    SCHEMA_VERSION,
    Commitment,
    Deadline,
    Debate,
    Entity,
    Evidence,
    LetterMeta,
    Member,
    Person,
    Report,
    Signatory,
    Source,
)
from toezegging_cli.render import error_record  # noqa: E402
from toezegging_cli.render.schema import batch_line_schema, error_schema, report_schema  # noqa: E402


def validator(schema):
    cls = jsonschema.Draft202012Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def errors(schema, instance) -> list[str]:
    found = validator(schema).iter_errors(instance)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def full_report() -> Report:
    """A report in which every field of every dataclass is filled (and some nullable ones null)."""
    source = Source("brieven/luchtvaart.pdf", "0123456789abcdef" * 4, 5, "pdf")
    meta = LetterMeta(
        date="2022-12-22", subject="Emissies door de luchtvaart", reference="IENW/BSK-2022/268034",
        kamerstuk="31 936, nr. 989", ministry="Infrastructuur en Waterstaat", recipient="Tweede Kamer",
        signatories=[Signatory("Mark Harbers", "minister", "Infrastructuur en Waterstaat"),
                     Signatory("M. Rutte", "minister-president"), Signatory("J. Doe")],
    )
    earlier = Commitment(
        kind="earlier", status="partly_fulfilled", subject="Ultrafijnstof",
        debate=Debate("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16"),
        members=[Member("Kröger", "GroenLinks", "letter"), Member("Van Ginneken", "D66", "members-table"),
                 Member("De Groot")],
        made_by=Person("voorganger"),
        deadline=Deadline("voor de zomer", "2022-12-22", "2023-07-06", "season", recurring=True,
                          estimated=True),
        evidence=Evidence(2, 120, 260, "Zoals toegezegd aan het lid Kröger ..."),
        confidence=0.9,
    )
    new = Commitment(
        kind="new", status="open", subject=None, debate=Debate(None, None, None), members=[],
        made_by=None, deadline=Deadline("binnenkort", None, None), confidence=1.0,
        evidence=Evidence(5, 0, 40, "Ik zal uw Kamer daarover informeren.", footnote=3),
    )
    postponed = Commitment(
        kind="earlier", status="postponed", subject=None, debate=None, members=[],
        made_by=Person("Mark Harbers", "minister"),
        deadline=None, evidence=Evidence(1, 0, 10, "Het onderzoek loopt vertraging op."), confidence=0.0,
    )
    entities = [
        Entity("MEMBER", "het lid Kröger", 140, 154, 2, {"name": "Kröger"}),
        Entity("PARTY", "GroenLinks", 160, 170, 2, {"party": "GroenLinks"}),
        Entity("MINISTER", "de minister van IenW", 0, 20, 1, {}),
        Entity("DEBATE", "Commissiedebat Verduurzaming luchtvaart", 175, 215, 2, {"type": "commissiedebat"}),
        Entity("DATE", "16 juni 2022", 219, 231, 2, {"date": "2022-06-16"}),
        Entity("DEADLINE", "voor de zomer", 300, 313, 3, {"end": "2023-07-06"}),
    ]
    return Report(source, meta, [earlier, new, postponed], entities, ["page 4: no text layer"])


def test_schema_is_valid_draft_2020_12():
    for schema in (report_schema(), error_schema(), batch_line_schema()):
        jsonschema.Draft202012Validator.check_schema(schema)
    assert report_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_full_report_validates():
    data = full_report().to_dict()
    assert errors(report_schema(), data) == []
    assert data["schema_version"] == SCHEMA_VERSION


def test_minimal_report_validates():
    report = Report(Source("-", "f" * 64, 1, "stdin"), LetterMeta())
    assert errors(report_schema(), report.to_dict()) == []


def mutated(path: list, value=None, delete: bool = False) -> dict:
    data = copy.deepcopy(full_report().to_dict())
    target = data
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value", "delete"), [
    (["schema_version"], "0.9", False),
    (["schema_version"], None, True),
    (["source", "format"], "rtf", False),
    (["source", "sha256"], "not-a-hash", False),
    (["letter", "date"], "22 december 2022", False),
    (["letter", "date"], "2022-13-45", False),
    (["letter", "signatories", 0, "role"], "koning", False),
    (["letter", "surprise"], "x", False),
    (["commitments", 0, "kind"], "old", False),
    (["commitments", 0, "status"], "done", False),
    (["commitments", 0, "status"], "open", False),  # an earlier commitment is dealt with, not open
    (["commitments", 1, "status"], "fulfilled", False),  # a new commitment is open
    (["commitments", 0, "debate", "type"], "Commissiedebat", False),
    (["commitments", 0, "members", 0, "party_source"], "guess", False),
    (["commitments", 0, "members", 0, "name"], "", False),
    (["commitments", 0, "deadline", "precision"], "fortnight", False),
    (["commitments", 0, "deadline", "end"], "volgend jaar", False),
    (["commitments", 0, "deadline", "recurring"], "yes", False),
    (["commitments", 0, "evidence", "page"], 0, False),
    (["commitments", 0, "evidence", "sentence"], None, True),
    (["commitments", 0, "confidence"], 1.5, False),
    (["commitments", 0, "extra"], 1, False),
    (["entities", 0, "label"], "PERSON", False),
    (["warnings", 0], 3, False),
])
def test_schema_rejects_what_extract_must_not_write(path, value, delete):
    assert errors(report_schema(), mutated(path, value, delete)), f"accepted {path} = {value!r}"


def test_error_records_validate():
    assert errors(error_schema(), error_record("a.pdf", "not a PDF")) == []
    assert errors(error_schema(), {"source": {"path": "a.pdf"}}) != []
    assert errors(error_schema(), {"source": {"path": "a.pdf"}, "error": "x", "commitments": []}) != []
    line = batch_line_schema()
    assert errors(line, error_record("a.pdf", "not a PDF")) == []
    assert errors(line, full_report().to_dict()) == []
    assert errors(line, {"source": {"path": "a.pdf"}, "commitments": []}) != []


def test_schema_command_prints_the_schema():
    from typer.testing import CliRunner

    from toezegging_cli.cli import app

    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == report_schema()


def test_real_letters_validate(corpus_letters):
    """Every corpus letter's real `extract` output fits the schema."""
    try:
        from toezegging_cli import read, tag  # noqa: F401
        from toezegging_cli.extract import extract_path
    except ImportError as exc:
        pytest.skip(f"extraction pipeline not importable yet: {exc}")
    problems = []
    for path in corpus_letters:
        data = extract_path(str(path)).to_dict()
        problems += [f"{path.name}: {e}" for e in errors(report_schema(), data)]
    assert problems == []
