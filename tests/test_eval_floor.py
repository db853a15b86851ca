"""The kept evaluation set (eval/) is scored on every run: no change may lower its figures.

The floors are the figures of the commit that set them (README, "Accuracy"); raise them when a
change lifts a figure. The test half is only scored, never read for rule writing (eval/README.md).
"""

from __future__ import annotations

import collections
import importlib.util
import json
import re
from pathlib import Path

import pytest

from toezegging_cli.evaluate import content_words, evaluate

EVAL = Path(__file__).resolve().parents[1] / "eval"

# split: (precision, recall, F1, field accuracy, letter accuracy)
FLOORS = {
    "dev": (0.93, 0.90, 0.91, 0.92, 0.98),
    "test": (0.94, 0.80, 0.87, 0.94, 0.99),
}


@pytest.fixture(scope="module")
def result():
    return evaluate(EVAL / "gold", EVAL / "letters")


def test_every_gold_file_has_its_letter(result):
    assert result.no_letter == []
    assert {s.split for s in result.letters} == {"dev", "test"}
    assert len(result.letters) >= 80


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_no_figure_drops_below_its_floor(result, split):
    part = result.subset(split)
    figures = (part.precision, part.recall, part.f1, part.field_accuracy, part.letter_accuracy)
    names = ("precision", "recall", "F1", "field accuracy", "letter accuracy")
    below = [f"{n} {round(v, 2)} < {f}" for n, v, f in zip(names, figures, FLOORS[split], strict=True)
             if round(v, 2) < f]
    assert below == [], f"{split}: " + "; ".join(below)


def test_every_gold_quote_can_be_matched():
    """A gold quote is verbatim from its letter and holds the three content words `evaluate` matches on
    (eval/README, Conventions): a shorter one would count as missed whatever the tool finds."""
    bad = []
    for gold in sorted((EVAL / "gold").glob("*/*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        text = re.sub(r"\s+", " ", (EVAL / "letters" / f"{name}.txt").read_text(encoding="utf-8"))
        for c in json.loads(gold.read_text(encoding="utf-8"))["commitments"]:
            quote = re.sub(r"\s+", " ", c["quote"]).strip()
            if quote not in text or len(content_words(quote)) < 3:
                bad.append(f"{name}: {quote[:60]}")
    assert bad == []


def _figures(s) -> tuple[int, int, float, float]:
    """What a user checks of one letter: commitments found, commitments invented (negated), field and
    letter-field accuracy; higher is better in each."""
    return (s.matched, s.matched - s.predicted, s.fields.accuracy(), s.letter_fields.accuracy())


def test_the_kept_pdfs_read_as_well_as_their_text_copies(result):
    """The ministry's own PDF of a kept letter (eval/pdf, eval/pdf/SOURCES.md) goes through the tool's
    PDF reader and layout cleaning: on the gold it does at least as well as its hand-made text copy on
    every figure, and at the floor the PDFs set (every commitment found, every field right)."""
    pdfs = evaluate(EVAL / "gold", EVAL / "pdf")
    assert len(pdfs.letters) >= 4
    texts = {s.name: s for s in result.letters}
    worse = [s.name for s in pdfs.letters
             if any(a < b for a, b in zip(_figures(s), _figures(texts[s.name]), strict=True))]
    assert worse == []
    assert min(pdfs.f1, pdfs.field_accuracy, pdfs.letter_accuracy) >= 1.0


def test_dev_letters_set_as_pdfs_find_what_their_text_finds(capsys, tmp_path):
    """eval/pdf_roundtrip.py sets dev letters as plain PDFs and reads them back: on the first 25 the PDF
    route finds the same commitments with the same fields as the text route (the letterhead of a flat
    site copy set as body text is not a PDF layout, so letter fields are not compared)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pdf_roundtrip", EVAL / "pdf_roundtrip.py")
    roundtrip = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(roundtrip)
    assert roundtrip.main(["--limit", "25", "--keep", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 25
    text, pdf = capsys.readouterr().out.splitlines()
    figures = [line.split("letters: ")[1].split("; letter")[0] for line in (text, pdf)]
    assert figures[0] == figures[1]


# eval/wordings: the labelled letter bodies (eval/wordings/README.md); file: (cases right, precision,
# recall, field accuracy)
WORDING_FLOORS = {
    "dates": (51, 1.00, 0.93, 0.96),
    "earlier": (117, 0.97, 0.99, 0.93),
    "followups": (42, 0.87, 0.97, 0.91),
    "long": (28, 0.94, 0.99, 0.94),
    "lookalikes": (132, 0.68, 0.90, 0.98),
    "mixed": (58, 0.89, 0.87, 0.93),
    "multi": (30, 0.99, 0.70, 0.92),
    "new": (126, 0.97, 0.95, 0.98),
    "oldstyle": (90, 0.95, 0.90, 0.93),
    "paragraphs": (64, 0.90, 0.91, 0.90),
    "requests": (87, 0.97, 0.94, 0.96),
    "terms": (116, 1.00, 0.97, 1.00),
    "verzamel": (28, 0.89, 0.94, 0.82),
}


def _wordings_runner():
    spec = importlib.util.spec_from_file_location("wordings_run", EVAL / "wordings" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(WORDING_FLOORS))
def test_no_wordings_figure_drops_below_its_floor(name):
    run = _wordings_runner()
    total = sum(run.tally(EVAL / "wordings" / f"{name}.jsonl").values(), collections.Counter())
    right, *floors = WORDING_FLOORS[name]
    figures = run.figures(total)
    below = [f"{n} {round(v, 2)} < {f}" for n, v, f in zip(("precision", "recall", "fields"), figures, floors,
                                                              strict=True) if round(v, 2) < f]
    if total["right"] < right:
        below.append(f"cases right {total['right']} < {right}")
    assert below == [], f"{name}: " + "; ".join(below)
