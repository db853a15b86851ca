"""The speed-ups change no output: the fast loader (`tag/loader.py`, special cases added as texts
need them) tags every corpus, sample and evaluation letter exactly as `spacy.load` does; a worker's
prefetched first letter gives the report a plain read gives; the joined trigger regexes agree with
the patterns one by one. (`benchmarks/compare_outputs.py REF` compares whole runs against a commit.)"""

from __future__ import annotations

import copy
import itertools
import os
import re
import sys
from pathlib import Path

import pytest

from toezegging_cli import prefilter
from toezegging_cli.assemble import _INNER_DOTS, _any, _masked, _span, triggers
from toezegging_cli.assemble.sentences import _plain
from toezegging_cli.batch import ExtractOptions, pipeline_engine
from toezegging_cli.extract import report_for
from toezegging_cli.read import read_letter
from toezegging_cli.render import report_json
from toezegging_cli.tag import load_pipeline, loader, model_path, tag_letters
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


def _trigger_groups() -> list[tuple[re.Pattern, ...]]:
    groups = [v for v in vars(triggers()).values() if isinstance(v, tuple)]
    assert len(groups) >= 10
    return groups


def _first_by_hand(patterns, text):
    for i, p in enumerate(patterns):
        m = p.search(text)
        if m:
            return i, m.span()
    return None


def _letter_texts() -> list[str]:
    """Every sentence of the corpus, sample and evaluation letters as assembly reads it (masked and
    not), and each sentence joined to the next (assembly joins a commitment's sentences)."""
    letters = [read_letter(str(p), reader="pdfium") for p in (all_letters() if CORPUS_DIR.is_dir()
                                                               else SAMPLES + EVAL)]
    texts = []
    for _letter, tagged in tag_letters(letters, load_pipeline()):
        for tt in [tagged.body] + [ft for _, ft in tagged.footnotes]:
            sents = [tt.text[a:b] for a, b in tt.sentences]
            texts += sents + [_masked(s) for s in sents]
            texts += [" ".join(pair) for pair in itertools.pairwise(sents)]
    return texts


def test_prefiltered_triggers_answer_as_every_pattern_run():
    """Assembly skips a trigger pattern on a sentence that lacks a word it needs: on every sentence of
    every letter, whether a family matches and which pattern matches first (and where) are what
    running each pattern gives."""
    texts = _letter_texts()
    assert len(texts) > 5000
    for text in texts:  # masking skips sentences without a dot inside
        assert _masked(text) == _INNER_DOTS.sub(lambda m: m.group(0).replace(".", " "), _plain(text))
    skipped = 0
    for patterns in _trigger_groups():
        pf = prefilter.of(patterns)
        for text in texts:
            want = _first_by_hand(patterns, text)
            assert _any(patterns, text) == (want is not None), (patterns, text)
            got = pf.first(text)
            assert (got and (got[0], got[1].span())) == want, text
            assert _span(patterns, text) == (want and want[1])
            skipped += len(patterns) - len(pf.candidates(text))
    assert skipped > 0.8 * sum(len(g) for g in _trigger_groups()) * len(texts)


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\btoegezegd\b", [{"toegezegd"}]),
    (r"\b(?:heb|hebben|had)\b[^.;]{0,160}\bbeloofd\b", [{"beloofd"}, {"heb", "had"}]),
    (r"\b(?:uw kamer|de kamer|u) (?:zal|zullen) worden", [{"worden"}]),
    (r"^op uw verzoek\b", [{"verzoek"}]),
    (r"toezegging(?:en)?", [{"toezegging"}]),
    (r"(?:foo)?bar", [{"bar"}]),
    (r"(?:a|[0-9]+)x", [{"x"}]),
    (r"geïnformeerd", [{"nformeerd"}, {"ge"}]),
    (r"[^.]{0,20}", []),
])
def test_required_literals(pattern, needs):
    assert [set(g) for g in prefilter.required(re.compile(pattern, re.I))] == needs


def test_prefilter_on_letters_that_fold_to_ascii():
    """'ſ', 'ı', 'İ' and the Kelvin sign match ASCII letters under re.IGNORECASE; a text with one of
    them runs every pattern, so it matches as without the filter."""
    patterns = (re.compile(r"\bstuur\b", re.I), re.compile(r"\binformeren\b", re.I),
                re.compile(r"\bkamer\b", re.I))
    for text, place in [("ik ſtuur u", 0), ("wij İnformeren u", 1), ("de \u212aamer", 2), ("dı", None)]:
        hit = prefilter.of(patterns).first(text)
        assert (hit and hit[0]) == place
        assert (hit and (hit[0], hit[1].span())) == _first_by_hand(patterns, text)


def test_fold_special_lists_every_character_ignorecase_matches_to_ascii():
    """Every non-ASCII character that `re.IGNORECASE` matches to an ASCII character, but whose
    `str.lower()` is not that character in lower case, is in `FOLD_SPECIAL`."""
    ascii_class = re.compile(r"[\x00-\x7f]", re.I)
    found = set()
    for code in range(0x80, sys.maxunicode + 1):
        if 0xD800 <= code < 0xE000:
            continue
        c = chr(code)
        if ascii_class.fullmatch(c):
            letters = [a for a in map(chr, range(128)) if re.fullmatch(re.escape(a), c, re.I)]
            if any(c.lower() != a.lower() for a in letters):
                found.add(c)
    assert found <= prefilter.FOLD_SPECIAL


def test_trigger_families_agree_with_each_pattern():
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


def test_lemmatizer_gives_every_word_its_table_lemma():
    """The lemmatizer works on arrays; each word still gets its `data/lemmas.csv` lemma or its lower-case
    form, and whitespace keeps its lemma, on every letter."""
    nlp = load_pipeline()
    table = nlp.get_pipe("letter_lemmatizer").tables["lemmas"]
    paths = all_letters() if CORPUS_DIR.is_dir() else SAMPLES + EVAL
    texts = ["", "   ", "De Kamerleden en ministers.\n\n  Moties"]
    for path in paths:
        letter = read_letter(str(path), reader="pdfium")
        texts += [letter.body] + [note.text for note in letter.footnotes]
    looked_up = 0
    for text in texts:
        doc = nlp.get_pipe("letter_lemmatizer")(nlp.make_doc(text))
        for token in doc:
            want = "" if token.is_space else table.get(token.lower_, token.lower_)
            assert token.lemma_ == want, (token.text, text[:60])
            looked_up += token.lower_ in table and not token.is_space
    assert looked_up > 100


def test_date_keys_found_alternative_by_alternative_hit_where_the_regex_does():
    """The date anchors' key patterns are searched alternative by alternative (plain words with
    `str.find`); their hits are those of the whole regex on every letter, and on words inside words,
    overlapping words and runs of spaces."""
    from toezegging_cli.tag.dates import _KEYS

    split = [k for k in _KEYS if k.parts is not None]
    assert len(split) >= 10 and len([k for k in split if k.words is not None]) >= 5
    letters = all_letters() if CORPUS_DIR.is_dir() else SAMPLES + EVAL
    texts = [read_letter(str(p), reader="pdfium").body.lower() for p in letters]
    texts += ["notariële jaarverslagnota", "zomerperiodezomer, wintermaanden", "z.s.m.zsm", "", "halfhelft",
              "2019 2020jaar 1919", "1e  jan 3 feb", "jaarlijks  per   kwartaal  per  jaar",
              "abo bo ao debat"]
    hits = 0
    for key in split:
        for text in texts:
            want = [m.span() for m in key.regex.finditer(text)]
            assert key.spans(text) == want, (key.regex.pattern, text[:60])
            hits += len(want)
    assert hits > 1000


def test_after_word_finder_matches_as_the_regex():
    """The PARTY regex runs without its leading lookbehind and checks the character before each hit
    (`tag.base.AfterWordFinder`); on every letter, and on names glued into words, it finds what the
    regex finds. The other components' regexes of that form agree too."""
    from toezegging_cli.tag.base import AfterWordFinder

    nlp = load_pipeline()
    regexes = [nlp.get_pipe("party_entities").compiled["regex"],
               nlp.get_pipe("minister_entities").compiled["regex"],
               nlp.get_pipe("member_entities").compiled["cue"],
               nlp.get_pipe("debate_entities").compiled["regex"]]
    letters = all_letters() if CORPUS_DIR.is_dir() else SAMPLES + EVAL
    texts = [read_letter(str(p), reader="pdfium").body for p in letters]
    texts += ["de VVD-fractie, xVVD, -PVV en PVV'er; GroenLinks-PvdA (D66)", "", "CDA"]
    found = 0
    for regex in regexes:
        finder = AfterWordFinder(regex)
        assert finder.rest is not None
        for text in texts:
            want = [(m.span(), m.group(0)) for m in regex.finditer(text)]
            assert [(m.span(), m.group(0)) for m in finder.finditer(text)] == want, text[:60]
            found += len(want)
    assert found > 300


def _dominant_size_by_word(words):
    count = {}
    for w in words:
        size = round(w.size, 1)
        count[size] = count.get(size, 0) + len(w.text)
    return max(count, key=count.__getitem__) if count else 0.0


def test_dominant_size_rounds_per_size_as_per_word():
    """`dominant_size` sums characters per size as read and rounds each size once; it picks the size
    rounding word by word picks, ties to the size met first, on every page of the PDFs and on
    made-up pages."""
    from toezegging_cli.clean import Word, dominant_size
    from toezegging_cli.read.pdfium import extract_pages

    pdfs = [p for p in (all_letters() if CORPUS_DIR.is_dir() else SAMPLES) if p.suffix == ".pdf"]
    pages = [pw.words for p in pdfs for pw in extract_pages(p.read_bytes(), str(p))]
    made = [[Word("ab", 0, 1, 0, 1, s) for s in sizes] for sizes in
            ([10.04, 9.96, 12.0], [12.0, 10.04, 9.96], [9.95, 10.0, 12.0, 12.0], [float("nan"), 10.0], [])]
    for words in pages + made:
        got, want = dominant_size(words), _dominant_size_by_word(words)
        assert got == want or (got != got and want != want)
    assert len(pages) > 30
