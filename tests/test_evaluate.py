"""`evaluate`: the matching rules on small hand-made cases, and agreement with the corpus scorer."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from toezegging_cli.evaluate import (
    EvalResult,
    evaluate,
    format_text,
    match,
    overlap,
    run_evaluate,
    surname,
)

QUOTE = ("Zoals toegezegd aan het lid Kröger in het Commissiedebat Verduurzaming luchtvaart op 16 juni 2022 "
         "is het ministerie van IenW in gesprek gegaan met de Duurzame Luchtvaarttafel.")


def gold_commitment(**kw) -> dict:
    base = {"kind": "earlier", "status": "fulfilled", "quote": QUOTE,
            "debate": {"type": "commissiedebat", "title": "Verduurzaming luchtvaart", "date": "2022-06-16"},
            "members": [{"name": "Kröger", "party": "GroenLinks"}],
            "deadline": {"text": "in het derde kwartaal van 2023", "start": "2023-07-01",
                         "end": "2023-09-30"}}
    base.update(kw)
    return base


def pred_commitment(sentence: str = QUOTE, **kw) -> dict:
    base = {"kind": "earlier", "status": "fulfilled", "subject": None,
            "debate": {"type": "commissiedebat", "title": "Verduurzaming Luchtvaart", "date": "2022-06-16"},
            "members": [{"name": "S. Kröger", "party": "GroenLinks", "party_source": "letter"}],
            "made_by": None,
            "deadline": {"text": "derde kwartaal 2023", "start": "2023-07-01", "end": "2023-09-30",
                         "precision": "quarter", "recurring": False, "estimated": False},
            "evidence": {"page": 1, "start": 0, "end": len(sentence), "sentence": sentence, "footnote": None},
            "confidence": 0.9}
    base.update(kw)
    return base


GOLD_LETTER = {"date": "2022-12-22", "subject": "Emissies door de luchtvaart",
               "reference": "IENW/BSK-2022/268034", "ministry": "Infrastructuur en Waterstaat",
               "recipient": "Tweede Kamer", "signatories": [{"name": "Mark Harbers", "role": "minister"}]}
PRED_LETTER = {"date": "2022-12-22", "subject": "Emissies door de luchtvaart",
               "reference": "IENW/BSK-2022/268034", "kamerstuk": None,
               "ministry": "Ministerie van Infrastructuur en Waterstaat",
               "recipient": "Tweede Kamer", "signatories": [{"name": "M. Harbers", "role": "minister"}]}


def write_case(tmp_path: Path, name: str, gold: dict, suffix: str = ".txt") -> None:
    (tmp_path / "gold").mkdir(parents=True, exist_ok=True)
    (tmp_path / "letters").mkdir(parents=True, exist_ok=True)
    (tmp_path / "gold" / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "letters" / f"{name}{suffix}").write_text("brief", encoding="utf-8")


def fake(answers: dict[str, dict | Exception]):
    """An extract callable returning canned output per letter name (or raising)."""
    calls = []

    def run(path: Path) -> dict:
        calls.append(path)
        answer = answers[path.stem]
        if isinstance(answer, Exception):
            raise answer
        return answer

    run.calls = calls
    return run


def run_case(tmp_path, gold: dict, pred: dict) -> EvalResult:
    write_case(tmp_path, "brief", gold)
    return evaluate(tmp_path / "gold", tmp_path / "letters", extract=fake({"brief": pred}))


# --- matching rules -------------------------------------------------------------------------------

def test_overlap_needs_three_shared_content_words():
    assert overlap("de minister zal het rapport sturen", "het rapport zal de minister") == 0.0  # 2 shared
    assert overlap("rapport over luchtvaart emissies", "Het rapport over de luchtvaart en emissies.") == 1.0
    # Accents, case and punctuation do not matter; stop words and short words do not count.
    assert overlap("Kröger, luchtvaart; ontzwaveling", "kroger LUCHTVAART ontzwaveling") == 1.0
    assert overlap("dat is wat wij zijn", "dat is wat wij zijn") == 0.0


def test_overlap_is_share_of_the_shorter_text():
    short = "informeren voortgang project"
    long = "De Kamer zal in de tweede helft van 2023 worden geïnformeerd over de voortgang van dit project"
    assert overlap(short, long) == 0.0  # 'geïnformeerd' is not 'informeren': only two shared
    assert overlap("voortgang dit project tweede helft", long) == 1.0
    assert overlap("voortgang project tweede helft rapport", long) == pytest.approx(0.8)
    assert overlap("voortgang project tweede rapport brief", long) == pytest.approx(0.6)


def test_match_is_one_to_one_best_first():
    gold = [{"quote": "rapport luchtvaart emissies ontzwaveling kerosine"},
            {"quote": "rapport luchtvaart emissies geluid Schiphol"}]
    preds = [{"evidence": {"sentence": "Het rapport over luchtvaart, emissies en geluid rond Schiphol."}},
             {"evidence": {"sentence": "Rapport luchtvaart emissies ontzwaveling kerosine."}},
             {"evidence": {"sentence": "Rapport luchtvaart emissies ontzwaveling kerosine."}}]
    assert sorted(match(gold, preds)) == [(0, 2), (1, 0)]
    assert match(gold, [{"evidence": {"sentence": "Iets heel anders over de zorg."}}]) == []


@pytest.mark.parametrize(("name", "expected"), [
    ("het lid Van Waveren", "van waveren"),
    ("H. van Waveren", "van waveren"),
    ("Kröger", "kroger"),
    ("S. Kröger", "kroger"),
    ("Mark Harbers", "harbers"),
    ("De Groot", "de groot"),
])
def test_surname(name, expected):
    assert surname(name) == expected


def test_perfect_answer_scores_one(tmp_path):
    result = run_case(tmp_path, {"letter": GOLD_LETTER, "commitments": [gold_commitment()]},
                      {"letter": PRED_LETTER, "commitments": [pred_commitment()]})
    assert (result.tp, result.fp, result.fn) == (1, 0, 0)
    assert result.field_accuracy == 1.0 and result.letter_accuracy == 1.0
    assert set(result.fields.total) == {"kind", "status", "debate.date", "debate.type", "debate.title",
                                        "members", "members.party", "deadline.end"}
    assert result.summary() == ("commitments precision 1.00 recall 1.00 F1 1.00; "
                                "field accuracy 1.00; letter accuracy 1.00")


def test_deadline_end_within_fourteen_days(tmp_path):
    def end_ok(end):
        pred = pred_commitment(deadline={"text": "x", "start": None, "end": end})
        r = evaluate(*_one(tmp_path, end, pred))
        return r.fields.right.get("deadline.end", 0) == 1

    assert end_ok("2023-10-14")
    assert end_ok("2023-09-16")
    assert not end_ok("2023-10-15")
    assert not end_ok(None)


def _one(tmp_path, tag, pred):
    base = tmp_path / str(abs(hash(tag)))
    write_case(base, "brief", {"letter": {}, "commitments": [gold_commitment()]})
    return base / "gold", base / "letters", fake({"brief": {"commitments": [pred]}})


def test_deadline_text_compared_when_gold_has_no_end(tmp_path):
    gold = gold_commitment(deadline={"text": "na de zomer", "start": None, "end": None})
    r = run_case(tmp_path, {"letter": {}, "commitments": [gold]},
                 {"commitments": [pred_commitment(deadline={"text": "Na de zomer van 2024", "end": None})]})
    assert r.fields.total["deadline.text"] == 1 and r.fields.right["deadline.text"] == 1
    assert "deadline.end" not in r.fields.total


def test_wrong_fields_are_counted_per_field(tmp_path):
    pred = pred_commitment(
        kind="new", status="open",
        debate={"type": "plenair debat", "title": "Iets anders geheel", "date": "2022-06-17"},
        members=[{"name": "Kröger", "party": "PvdA"}, {"name": "Bontenbal", "party": "CDA"}],
    )
    r = run_case(tmp_path, {"letter": {}, "commitments": [gold_commitment()]}, {"commitments": [pred]})
    assert r.tp == 1
    assert {k: r.fields.right[k] for k in r.fields.total} == {
        "kind": 0, "status": 0, "debate.date": 0, "debate.type": 0, "debate.title": 0,
        "members": 0, "members.party": 0, "deadline.end": 1}
    assert r.field_accuracy == pytest.approx(1 / 8)


def test_very_verbose_says_what_each_wrong_field_should_have_been(tmp_path):
    pred = pred_commitment(kind="new", status="open")
    r = run_case(tmp_path, {"letter": {}, "commitments": [gold_commitment()]}, {"commitments": [pred]})
    gold = gold_commitment()
    detail = format_text(r, verbose=2)
    assert f"FIELD   status: want {gold['status']!r}, got 'open'" in detail
    assert f"FIELD   kind: want {gold['kind']!r}, got 'new'" in detail
    assert "wrong in" not in detail
    assert "field status wrong in 1 of 1" in format_text(r, verbose=1)  # the corpus scorer's layout
    assert {m["field"] for m in r.letters[0].to_dict()["wrong_fields"]} >= {"kind", "status"}


def test_letter_metadata_rules(tmp_path):
    pred_letter = dict(PRED_LETTER, date="2022-12-23", subject="Emissies van de luchtvaart",
                       reference=None, ministry="",
                       signatories=[{"name": "Mark Harbers"}, {"name": "Heijnen"}])
    r = run_case(tmp_path, {"letter": GOLD_LETTER, "commitments": []},
                 {"letter": pred_letter, "commitments": []})
    lt = r.letters[0].letter_fields
    assert lt.right == {"letter.date": 0, "letter.subject": 1, "letter.reference": 0, "letter.ministry": 0,
                        "letter.signatories": 0}
    assert (r.precision, r.recall) == (1.0, 1.0)  # nothing to find, nothing invented


def test_failing_letter_counts_as_empty_and_shows_error(tmp_path, capsys):
    write_case(tmp_path, "goed", {"letter": {}, "commitments": [gold_commitment()]})
    write_case(tmp_path, "kapot", {"letter": {}, "commitments": [gold_commitment()]}, suffix=".pdf")
    write_case(tmp_path, "zonder", {"letter": {}, "commitments": [gold_commitment()]})
    (tmp_path / "letters" / "zonder.txt").unlink()
    invented = pred_commitment("Iets heel anders gezegd hier.")
    extract = fake({"goed": {"commitments": [pred_commitment(), invented]},
                    "kapot": RuntimeError("no text layer\non page 1")})
    code = run_evaluate(tmp_path / "gold", tmp_path / "letters", verbose=True, extract=extract)
    assert code == 0
    out, err = capsys.readouterr()
    assert "kapot: extraction failed: RuntimeError: no text layer on page 1" in err
    assert "zonder: no letter file" in err
    lines = out.splitlines()
    assert any(line.startswith("kapot") and "RuntimeError: no text layer" in line for line in lines)
    assert "  goed: EXTRA   earlier: Iets heel anders gezegd hier." in lines
    assert any(line.startswith("  kapot: MISSED  earlier: Zoals toegezegd") for line in lines)
    # tp 1, fp 1 (the invention), fn 1 (the failed letter); the missing letter is not scored.
    assert lines[-1] == ("commitments precision 0.50 recall 0.50 F1 0.50; "
                         "field accuracy 1.00; letter accuracy 1.00")
    assert [p.name for p in extract.calls] == ["goed.txt", "kapot.pdf"]


def test_json_format(tmp_path, capsys):
    write_case(tmp_path, "brief", {"letter": GOLD_LETTER, "commitments": [gold_commitment()]})
    extract = fake({"brief": {"letter": PRED_LETTER, "commitments": [pred_commitment()]}})
    assert run_evaluate(tmp_path / "gold", tmp_path / "letters", format="json", extract=extract) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["commitments"] == {"gold": 1, "predicted": 1, "matched": 1,
                                   "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["letters"][0]["name"] == "brief" and data["letters"][0]["error"] is None
    assert data["fields"]["kind"] == {"right": 1, "total": 1, "accuracy": 1.0}


def test_bad_arguments(tmp_path, capsys):
    assert run_evaluate(tmp_path / "nope", tmp_path, extract=fake({})) == 2
    assert run_evaluate(tmp_path, tmp_path, format="csv", extract=fake({})) == 2
    assert capsys.readouterr().out == ""


def test_text_layout(tmp_path):
    r = run_case(tmp_path, {"letter": GOLD_LETTER, "commitments": [gold_commitment()]},
                 {"letter": PRED_LETTER, "commitments": [pred_commitment()]})
    text = format_text(r).splitlines()
    assert text[0] == f"{'letter':42} gold pred match fields  letter"
    assert text[1] == f"{'brief':42}    1    1     1   1.00   1.00 "
    assert text[2] == "field accuracy by field:"
    assert "  deadline.end           1/1  " in text


# --- agreement with the corpus scorer -------------------------------------------------------------

def test_same_figures_as_corpus_scorer(corpus_dir, tmp_path):
    """`evaluate` and the external `tools/score.py` print the same table and summary on the corpus."""
    scorer = corpus_dir.parent / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip(f"corpus scorer not found at {scorer}")
    gold, letters = corpus_dir / "gold", corpus_dir / "letters"
    cmd = f"{sys.executable} -m toezegging_cli extract {{file}} --format json"
    proc = subprocess.run([sys.executable, str(scorer), str(gold), str(letters), "--cmd", cmd, "--verbose"],
                          capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = proc.stdout.splitlines()
    start = lines.index(f"{'letter':42} gold pred match fields  letter")
    rows = [row.split(maxsplit=6) for row in lines[start + 1:lines.index("field accuracy by field:")]]
    failed = {row[0]: row[6] for row in rows if len(row) == 7}
    if failed:
        name, error = next(iter(failed.items()))
        pytest.skip(f"`toezegging extract` fails on {len(failed)} corpus letter(s), e.g. {name}: {error}")

    from toezegging_cli.evaluate import evaluate as run

    ours = format_text(run(gold, letters), verbose=True)
    assert ours.splitlines()[-1] == proc.stdout.splitlines()[-1]
    assert ours == proc.stdout


def test_cli_evaluate_command(tmp_path):
    """`toezegging evaluate` reaches run_evaluate with its options (no extraction needed here)."""
    from typer.testing import CliRunner

    from toezegging_cli.cli import app

    write_case(tmp_path, "brief", {"letter": {}, "commitments": [gold_commitment()]})
    (tmp_path / "letters" / "brief.txt").unlink()
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold"), str(tmp_path / "letters"),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["no_letter"] == ["brief"] and data["letters"] == []


FAKE_EXTRACT = """
import json, pathlib, sys
sys.stdout.write(pathlib.Path(sys.argv[1], pathlib.Path(sys.argv[2]).stem + ".json").read_text("utf-8"))
"""


def perturbed(gold: dict, seed: int) -> dict:
    """A plausible imperfect answer made from a gold file: some commitments right, some wrong, some
    missing, one invented, metadata partly off."""
    preds = []
    for k, g in enumerate(gold["commitments"]):
        variant = (k + seed) % 5
        if variant == 2:
            continue
        words = g["quote"].split()
        sentence = " ".join(words[::2]) if variant == 3 else g["quote"]
        dl = dict(g["deadline"]) if g.get("deadline") else None
        if dl and dl.get("end") and variant in (1, 4):
            shift = 20 if variant == 1 else 10
            dl["end"] = (dt.date.fromisoformat(dl["end"]) + dt.timedelta(days=shift)).isoformat()
        debate = dict(g["debate"]) if g.get("debate") else None
        if debate and variant == 3:
            debate["title"] = (debate.get("title") or "") + " en meer"
        members = [{"name": ("het lid " if variant == 1 else "") + m["name"],
                    "party": "VVD" if variant == 4 else m.get("party")} for m in g.get("members") or []]
        preds.append({
            "kind": "new" if variant == 1 else g["kind"], "status": "open" if variant == 1 else g["status"],
            "debate": debate, "members": members, "deadline": dl,
            "evidence": {"page": 1, "start": 0, "end": 1, "sentence": sentence},
        })
    if seed % 2:
        preds.append({"kind": "new", "status": "open", "evidence": {"sentence": "Een verzonnen toezegging."}})
    letter = dict(gold.get("letter") or {})
    if seed % 3 == 0:
        letter["date"], letter["subject"] = "2000-01-01", None
    return {"letter": letter, "commitments": preds}


def test_same_figures_as_corpus_scorer_on_canned_answers(corpus_dir, tmp_path):
    """Same output as `tools/score.py`, on the corpus gold with varied imperfect answers (no pipeline)."""
    scorer = corpus_dir.parent / "tools" / "score.py"
    if not scorer.exists():
        pytest.skip(f"corpus scorer not found at {scorer}")
    gold_dir, letters = corpus_dir / "gold", corpus_dir / "letters"
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    for seed, path in enumerate(sorted(gold_dir.glob("*.gold.json"))):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = path.name[: -len(".gold.json")]
        (pred_dir / f"{name}.json").write_text(json.dumps(perturbed(gold, seed), ensure_ascii=False), "utf-8")
    fake_cmd = tmp_path / "fake_extract.py"
    fake_cmd.write_text(FAKE_EXTRACT, encoding="utf-8")
    cmd = f"{sys.executable} {fake_cmd} {pred_dir} {{file}}"
    argv = [sys.executable, str(scorer), str(gold_dir), str(letters), "--cmd", cmd, "--verbose"]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]

    def canned(path: Path) -> dict:
        return json.loads((pred_dir / f"{path.stem}.json").read_text(encoding="utf-8"))

    ours = format_text(evaluate(gold_dir, letters, extract=canned), verbose=True)
    assert ours == proc.stdout
    assert "MISSED" in ours and "EXTRA" in ours and "wrong" in ours  # the answers really were imperfect


def test_default_extraction_streams_letters_through_one_pipeline(tmp_path, monkeypatch):
    """All letters go through one `reports_for` stream; a read error is charged to its own letter."""
    import toezegging_cli.extract as ex
    import toezegging_cli.read as rd
    from toezegging_cli.errors import LetterError
    from toezegging_cli.model import LetterMeta, Report, Source

    for name in ("a", "b", "c"):
        write_case(tmp_path, name, {"letter": {}, "commitments": [gold_commitment()]})
    streams = []

    class FakeLetter:
        def __init__(self, path):
            self.source = Source(path, "0" * 64, 1, "txt")

    def read_letter(path, **kw):
        if path.endswith("b.txt"):
            raise LetterError(path, "not a letter")
        return FakeLetter(path)

    def reports_for(letters, nlp=None, second_opinion=None):
        streams.append(1)
        for letter in letters:
            yield Report(letter.source, LetterMeta(), [])

    monkeypatch.setattr(rd, "read_letter", read_letter)
    monkeypatch.setattr(ex, "reports_for", reports_for)
    result = evaluate(tmp_path / "gold", tmp_path / "letters")
    assert streams == [1]
    assert [(s.name, s.gold, s.predicted, bool(s.error)) for s in result.letters] == [
        ("a", 1, 0, False), ("b", 1, 0, True), ("c", 1, 0, False)]
    assert result.letters[1].error.endswith("b.txt: not a letter")


def test_default_extraction_retries_one_by_one_when_the_stream_breaks(tmp_path, monkeypatch):
    import toezegging_cli.extract as ex
    import toezegging_cli.read as rd
    from toezegging_cli.model import LetterMeta, Report, Source

    for name in ("a", "b", "c"):
        write_case(tmp_path, name, {"letter": {}, "commitments": [gold_commitment()]})

    class FakeLetter:
        def __init__(self, path):
            self.source = Source(path, "0" * 64, 1, "txt")

    def reports_for(letters, nlp=None, second_opinion=None):
        for letter in letters:
            if letter.source.path.endswith("b.txt"):
                raise ValueError("tagger crashed")
            yield Report(letter.source, LetterMeta(), [])

    def extract_path(path, **kw):
        if path.endswith("b.txt"):
            raise ValueError("tagger crashed")
        return Report(Source(path, "0" * 64, 1, "txt"), LetterMeta(), [pred_report_commitment()])

    monkeypatch.setattr(rd, "read_letter", lambda path, **kw: FakeLetter(path))
    monkeypatch.setattr(ex, "reports_for", reports_for)
    monkeypatch.setattr(ex, "extract_path", extract_path)
    result = evaluate(tmp_path / "gold", tmp_path / "letters")
    # a came out of the stream (no commitments); c was retried alone (one matching commitment).
    assert [(s.name, s.predicted, s.error) for s in result.letters] == [
        ("a", 0, ""), ("b", 0, "ValueError: tagger crashed"), ("c", 1, "")]
    assert result.letters[2].matched == 1


def pred_report_commitment():
    from toezegging_cli.model import Commitment, Evidence

    return Commitment(kind="earlier", status="fulfilled", subject=None, debate=None, members=[], made_by=None,
                      deadline=None, evidence=Evidence(1, 0, len(QUOTE), QUOTE), confidence=0.9)
