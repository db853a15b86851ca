"""The shipped example letters in samples/: present, current, and laid out like a real Kamerbrief.

Layout is checked with pdfplumber directly (not with the project's reader), so these tests say
whether the samples are fit to test the reader with.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

import pdfplumber
import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEED = "integriteit-dialoogreeks-2025"


@pytest.fixture(scope="module")
def make():
    """samples/make_samples.py as a module."""
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("make_samples", None)


@pytest.fixture(scope="module")
def pages(make) -> dict[str, list[dict]]:
    """Per sample: per page its chars, drawn lines and words (pdfplumber dicts)."""
    out = {}
    for spec in make.LETTERS:
        with pdfplumber.open(SAMPLES / spec.filename) as pdf:
            out[Path(spec.filename).stem] = [
                {"chars": list(p.chars), "lines": list(p.lines),
                 "words": p.extract_words(extra_attrs=["size"]),
                 "body_lines": p.crop((0, 0, 455, p.height)).extract_text_lines()}
                for p in pdf.pages]
    return out


def body_size(page_list: list[dict]) -> float:
    return Counter(round(c["size"], 1) for p in page_list for c in p["chars"]).most_common(1)[0][0]


def note_rule(page: dict) -> float | None:
    """Top of the short rule above the footnotes, if the page has one."""
    tops = [ln["top"] for ln in page["lines"] if ln["top"] > 600 and 100 < ln["x1"] - ln["x0"] < 200]
    return min(tops) if tops else None


def is_marker(c: dict, size: float) -> bool:
    """A footnote number: a digit well below the small print of sidebar and footnotes."""
    return c["text"].isdigit() and c["size"] < size - 2.5


def letter_text(page_list: list[dict]) -> str:
    """Body text of a letter in reading order, then its footnotes; sidebar, logo and markers left out."""
    size = body_size(page_list)
    body: list[str] = []
    notes: list[str] = []
    for page in page_list:
        rule = note_rule(page) or page["chars"][-1]["bottom"] + 1
        rows: dict[int, list[dict]] = {}
        for c in page["chars"]:
            if c["x0"] < 455 and c["top"] > 125 and not is_marker(c, size):
                rows.setdefault(round(c["bottom"]), []).append(c)
        for bottom, row in sorted(rows.items()):
            (body if bottom < rule else notes).append("".join(c["text"] for c in sorted(row, key=x0)))
    return re.sub(r"\s+", " ", " ".join(body + notes))


def x0(c: dict) -> float:
    return c["x0"]


def test_samples_exist_as_pdfs_of_two_pages_or_more(make, pages):
    names = {spec.filename for spec in make.LETTERS}
    assert len(names) >= 3
    assert {p.name for p in SAMPLES.glob("*.pdf")} == names
    for name in names:
        data = (SAMPLES / name).read_bytes()
        assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], name
    assert all(len(p) >= 2 for p in pages.values())
    assert max(len(p) for p in pages.values()) >= 3


def test_regenerating_gives_identical_bytes(make, tmp_path):
    assert make.main([str(tmp_path)]) == 0
    for spec in make.LETTERS:
        fresh = (tmp_path / spec.filename).read_bytes()
        assert fresh == (SAMPLES / spec.filename).read_bytes(), \
            f"{spec.filename} is stale: run python3 samples/make_samples.py"


def test_sidebar_lies_right_of_the_body_column_on_every_page(pages):
    for name, page_list in pages.items():
        size = body_size(page_list)
        columns = set()
        for number, page in enumerate(page_list, start=1):
            body_right = max(c["x1"] for c in page["chars"] if abs(c["size"] - size) < 0.1)
            side = [w for w in page["words"] if w["text"] in {"kenmerk", "Pagina"}]
            assert {w["text"] for w in side} == {"kenmerk", "Pagina"}, (name, number)
            footer = " ".join(w["text"] for w in page["words"] if w["top"] > 800)
            assert footer == f"Pagina {number} van {len(page_list)}", (name, number)
            for w in side:
                assert w["x0"] > body_right + 5, (name, number, w["text"])
                assert w["size"] < size, (name, number, w["text"])
            columns |= {round(min(w["x0"] for w in side))}
        assert len(columns) == 1, (name, columns)


def test_footnotes_are_smaller_and_marked_by_raised_digits_in_the_body(pages):
    for name, page_list in pages.items():
        size = body_size(page_list)
        noted = 0
        for number, page in enumerate(page_list, start=1):
            rule = note_rule(page)
            chars = [c for c in page["chars"] if c["x0"] < 455]
            below = [c for c in chars if rule is not None and rule < c["top"] < 800]
            assert all(c["size"] <= size - 1.5 for c in below), (name, number)
            labels = "".join(c["text"] for c in below if is_marker(c, size))
            body = [c for c in chars if rule is None or c["bottom"] < rule]
            words = [c for c in body if abs(c["size"] - size) < 0.1 and not c["text"].isspace()]
            markers = ""
            for c in (c for c in body if is_marker(c, size)):
                glued = [w for w in words
                         if abs(w["x1"] - c["x0"]) < 0.5 and w["top"] < c["bottom"] < w["bottom"]]
                if glued:
                    assert glued[0]["bottom"] - c["bottom"] > 2, (name, number, "marker not raised")
                    markers += c["text"]
            assert sorted(markers) == sorted(labels), (name, number, markers, labels)
            noted += len(labels)
        assert noted >= 1, name


def test_fictional_samples_carry_the_cases_they_are_made_for(pages):
    ends = {"hyphenated": False, "real hyphen": False, "page break in a sentence": False}
    for name, page_list in pages.items():
        if name == SEED:
            continue
        size = body_size(page_list)
        for page in page_list[:-1]:
            rule = note_rule(page) or 800
            body = [ln["text"] for ln in page["body_lines"]
                    if ln["top"] < rule and abs(ln["chars"][0]["size"] - size) < 0.1]
            ends["page break in a sentence"] |= not body[-1].rstrip().endswith((".", ":", ";"))
        for page in page_list:
            lines = [ln["text"].rstrip() for ln in page["body_lines"]]
            for line, following in pairwise(lines):
                if re.search(r"[a-z]-$", line) and following[:1].islower():
                    ends["hyphenated"] = True
                if re.search(r"[A-Za-z]-$", line) and following[:1].isupper():
                    ends["real hyphen"] = True
    assert all(ends.values()), ends


def test_expected_answers_fit_their_letters(pages):
    expected = sorted(SAMPLES.glob("*.expected.json"))
    assert len(expected) >= 2
    for path in expected:
        stem = path.name.removesuffix(".expected.json")
        assert stem in pages and stem != SEED, stem
        gold = json.loads(path.read_text(encoding="utf-8"))
        letter = gold["letter"]
        assert letter["ministry"] and letter["signatories"] and letter["recipient"] == "Tweede Kamer"
        text = letter_text(pages[stem])
        assert letter["subject"] in text and letter["date"]
        kinds = Counter(c["kind"] for c in gold["commitments"])
        assert kinds["earlier"] and kinds["new"], stem
        for c in gold["commitments"]:
            assert (c["kind"], c["status"]) in {("earlier", "fulfilled"), ("earlier", "partly_fulfilled"),
                                                ("earlier", "postponed"), ("new", "open")}
            assert re.sub(r"\s+", " ", c["quote"]) in text, (stem, c["quote"][:60])
            deadline = c["deadline"] or {}
            bounds = [date.fromisoformat(deadline[k]) for k in ("start", "end") if deadline.get(k)]
            assert bounds == sorted(bounds), (stem, deadline)
            assert not deadline or deadline["text"] in text, (stem, deadline)


def test_seed_sample_body_is_the_users_text(corpus_dir, pages):
    seed = (corpus_dir / "letters" / f"{SEED}.txt").read_text(encoding="utf-8")
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", seed)]
    paragraphs = [re.sub(r"(?<=[a-z])\d+(?= )", "", p) for p in paragraphs
                  if p and not re.match(r"\d+ ", p) and not p.startswith("De minister van")]
    text = letter_text(pages[SEED])
    assert len(paragraphs) > 10
    missing = [p[:60] for p in paragraphs if p not in text]
    assert not missing
    assert "Mijn coördinerende verantwoordelijkheid reikt niet tot het ministerie van Defensie." in text
