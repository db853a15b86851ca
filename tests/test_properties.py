"""Property tests: whatever text or bytes a letter holds, the text path gives a valid report (or the
reader's one-line LetterError) and its evidence indexes the letter; the runner's line handling holds
for any name and any interrupted output file.

Example counts are modest (the spaCy pipeline runs on every text example).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from toezegging_cli.batch import Input, prepare_resume, shown
from toezegging_cli.errors import LetterError

PIPELINE = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real letters (commitment phrases, dates, debates, members, closings, layout) mixed with
# arbitrary text, so that examples reach the tagger and the assembler, not only the reader's refusals.
FRAGMENTS = [
    "Den Haag, 5 juni 2018", "Geachte voorzitter,", "Met deze brief informeer ik uw Kamer over",
    "Ik zal uw Kamer", "voor de zomer van 2025", "nader informeren", "Zoals toegezegd aan het lid Kröger",
    "(GroenLinks-PvdA)", "in het commissiedebat Verduurzaming luchtvaart", "op 16 juni 2022",
    "heb ik toegezegd", "kom ik deze toezegging na", "in het derde kwartaal van 2023",
    "uiterlijk 1 januari 2026", "eind dit jaar", "Kamerstuk 31 293, nr. 3", "motie-Van der Lee",
    "De Kamer zal worden geïnformeerd",
    "De minister van Financiën,", "W.B. Hoekstra", "Betreft", "Ons kenmerk", "Pagina 1 van 2",
    ".", ",", ":", "\n", "\n\n", "\f", "1", "2", "•", "–", "…", "’", "[bold]", "\x1b[31m", "\u202e", "\t",
]

# (control characters come only from the fragments here; the next tests take any text at all)
words = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=10)
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), words)
sentences = st.lists(pieces, min_size=1, max_size=12).map(lambda parts: " ".join(parts) + ".")
letter_texts = st.lists(sentences, max_size=12).map(
    lambda ss: "Den Haag, 5 juni 2018\n\nGeachte voorzitter,\n\n" + " ".join(ss))


@pytest.fixture(scope="module")
def nlp():
    tag = pytest.importorskip("toezegging_cli.tag", reason="the tagging stage (tag.py) is not there yet")
    return tag.load_pipeline()


@pytest.fixture(scope="module")
def letter_file(tmp_path_factory):
    return tmp_path_factory.mktemp("eigenschappen") / "brief.txt"


@pytest.fixture(scope="module")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    from toezegging_cli.render.schema import report_schema

    return jsonschema.Draft202012Validator(report_schema())


def check_letter(data: bytes, path, nlp, validator) -> None:
    """Read `data` as a letter file and check the report the pipeline makes of it."""
    from toezegging_cli.extract import report_for
    from toezegging_cli.read import read_letter
    from toezegging_cli.render import report_jsonl

    path.write_bytes(data)
    try:
        letter = read_letter(str(path))
    except LetterError as exc:
        assert exc.reason and "\n" not in exc.reason
        event(f"reader refused it: {exc.reason[:30]}")
        return
    report = report_for(letter, nlp)
    event(f"commitments: {min(len(report.commitments), 2)}")
    body = letter.body
    for c in report.commitments:
        ev = c.evidence
        assert c.kind in {"earlier", "new"}
        assert c.status in {"fulfilled", "partly_fulfilled", "postponed", "open"}
        assert 1 <= ev.page <= max(1, letter.source.pages)
        if ev.footnote is None:
            assert 0 <= ev.start <= ev.end <= len(body)
            assert body[ev.start:ev.end] == ev.sentence
        else:
            note = next(f for f in letter.footnotes if f.number == ev.footnote)
            assert note.text[ev.start:ev.end] == ev.sentence
    assert list(validator.iter_errors(report.to_dict())) == []
    line = report_jsonl(report)
    assert "\n" not in line and json.loads(line) == json.loads(json.dumps(report.to_dict()))


@PIPELINE
@given(text=letter_texts)
def test_any_letter_text_gives_a_valid_report(text, nlp, letter_file, validator):
    check_letter(text.encode("utf-8"), letter_file, nlp, validator)


@PIPELINE
@given(text=st.text(max_size=400))
def test_any_unicode_gives_a_valid_report(text, nlp, letter_file, validator):
    check_letter(text.encode("utf-8"), letter_file, nlp, validator)


@PIPELINE
@given(data=st.binary(max_size=1500))
def test_any_bytes_give_a_report_or_a_reason(data, nlp, letter_file, validator):
    check_letter(data, letter_file, nlp, validator)


# --- the runner's own text handling (no pipeline) -------------------------------------------------


@settings(max_examples=300)
@given(name=st.text())
def test_shown_is_one_printable_line(name):
    out = shown(name)
    assert out.isprintable()
    assert "\x1b" not in out and "\n" not in out
    if name.isprintable():
        assert out == name


record = st.builds(
    lambda path, error: {"source": {"path": path}, "error": error} if error else
    {"schema_version": "1.0", "source": {"path": path, "sha256": "0" * 64}, "commitments": []},
    st.text(min_size=1, max_size=20).filter(lambda p: "\x00" not in p),
    st.one_of(st.none(), st.text(max_size=10)),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(record, max_size=8), tail=st.binary(max_size=40))
def test_resume_keeps_whole_lines_only(tmp_path, records, tail):
    """Any run cut short (whole records, then any partial write): --resume leaves whole JSON lines,
    all the records of letters not being redone, and nothing of the partial write."""
    out = tmp_path / "uit.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    out.write_bytes("".join(lines).encode("utf-8") + tail.replace(b"\n", b""))
    done = prepare_resume(out, [Input(str(tmp_path / "andere-brief.txt"))])
    assert done == set()
    assert out.read_text(encoding="utf-8") == "".join(lines)
