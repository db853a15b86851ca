"""The speed-ups change no output: the fast loader (`tag/loader.py`, special cases added as texts
need them) tags every corpus, sample and evaluation letter exactly as `spacy.load` does; a worker's
prefetched first letter gives the report a plain read gives; the joined trigger regexes agree with
the patterns one by one. (`benchmarks/compare_outputs.py REF` compares whole runs against a commit.)"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest

from toezegging_cli.assemble import _any, triggers
from toezegging_cli.batch import ExtractOptions, pipeline_engine
from toezegging_cli.extract import report_for
from toezegging_cli.read import read_letter
from toezegging_cli.render import report_json
from toezegging_cli.tag import load_pipeline, loader, model_path
from toezegging_cli.tag.base import TEXT_KEY

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples").glob("*.pdf"))
EVAL = sorted(p for p in (REPO / "eval" / "letters").rglob("*") if p.suffix in {".pdf", ".txt"})
CORPUS_DIR = Path(os.environ.get("TOEZEGGING_CORPUS", REPO.parent / "shared" / "corpus")) / "letters"


def all_letters() -> list[Path]:
    corpus = sorted(p for p in CORPUS_DIR.iterdir() if p.suffix in {".pdf", ".txt"})
    return corpus + SAMPLES + EVAL


@pytest.fixture(scope="module")
def reference():
    """The shipped pipeline as spaCy's own loader builds it."""
    import spacy

    return spacy.load(model_path())


def test_fast_loader_tags_every_letter_as_spacy_load(reference):
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"development corpus not found at {CORPUS_DIR}; samples and eval letters still "
                    "checked in the other tests")
    fast = loader.load(model_path())  # lazy special cases for the first texts, then all of them
    letters = all_letters()
    assert len(letters) >= 100
    for path in letters:
        letter = read_letter(str(path), reader="pdfium")
        for text in [letter.body] + [note.text for note in letter.footnotes]:
            want = [(t.text, t.idx, t.norm_) for t in reference.make_doc(text)]
            doc = fast.make_doc(text)
            assert [(t.text, t.idx, t.norm_) for t in doc] == want, path.name
            assert doc.user_data[TEXT_KEY] == doc.text == text  # the text components read
        got = report_json(report_for(copy.deepcopy(letter), fast))
        assert got == report_json(report_for(copy.deepcopy(letter), reference)), path.name


def test_fresh_fast_loader_per_letter(reference):
    """Each letter as the first text of a fresh pipeline (the one-letter case: lazy special cases)."""
    for path in SAMPLES + EVAL[::8]:
        letter = read_letter(str(path), reader="pdfium")
        fast = loader.load(model_path())
        assert report_json(report_for(copy.deepcopy(letter), fast)) == \
            report_json(report_for(copy.deepcopy(letter), reference)), path.name
        assert fast.tokenizer.rules == reference.tokenizer.rules


def test_load_pipeline_is_the_fast_loader_with_the_shipped_tables(reference):
    nlp = load_pipeline()
    assert nlp.pipe_names == reference.pipe_names
    assert nlp.meta == reference.meta
    for name in nlp.pipe_names:
        ours, theirs = nlp.get_pipe(name), reference.get_pipe(name)
        assert getattr(ours, "tables", None) == getattr(theirs, "tables", None)


@pytest.mark.parametrize("first", ["same", "other"])
def test_prefetched_first_letter_gives_the_same_report(first):
    path, other = str(SAMPLES[0]), str(SAMPLES[1])
    plain = pipeline_engine(ExtractOptions())(path)
    hint = (path if first == "same" else other, None)
    prefetched = pipeline_engine(ExtractOptions(first=hint))(path)
    assert report_json(prefetched) == report_json(plain)


def test_joined_trigger_regexes_agree_with_each_pattern():
    t = triggers()
    sentences = []
    for path in SAMPLES + EVAL[:20]:
        body = read_letter(str(path), reader="pdfium").body
        sentences += [s for s in body.replace("\n", " ").split(". ") if s.strip()]
    groups = [v for v in vars(t).values() if isinstance(v, tuple)]
    assert groups
    for patterns in groups:
        for sentence in sentences:
            assert _any(patterns, sentence) == any(p.search(sentence) for p in patterns)


def test_fast_classifier_loader_scores_as_spacy_load():
    """The sentence classifier's fast loader (saved tokenizer read once, special cases added as
    sentences need them) gives the same tokens and the same label scores as `spacy.load`, over
    more sentences than make it load every special case."""
    import re

    import spacy

    from toezegging_cli.tag import sentence_classifier as sc

    path = sc.model_dir()
    fast, slow = sc._load_fast(path), spacy.load(path)
    assert fast.pipe_names == slow.pipe_names == [sc.COMPONENT]
    sentences = [s for p in EVAL for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))
                 if len(s.split()) > 4]
    assert len(sentences) > loader.EAGER_AFTER * sc.SENTENCES_PER_LETTER
    for text in sentences:
        assert [t.text for t in fast.make_doc(text)] == [t.text for t in slow.make_doc(text)], text
    assert [d.cats for d in fast.pipe(sentences)] == [d.cats for d in slow.pipe(sentences)]
