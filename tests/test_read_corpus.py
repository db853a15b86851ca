"""The real corpus letters come out clean: no sidebar, footer or footnote text in the body, no note
markers glued to words, sentences over page breaks whole, footnotes complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toezegging_cli.read import read_letter

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

FURNITURE = [
    "Ons kenmerk",
    "Postbus",
    "Pagina 1 van",
    "Rijnstraat 8",
    "Retouradres",
    "Hoogachtend",
    "Geachte voorzitter",
]


@pytest.fixture(scope="module")
def pdf_letters(corpus_pdfs):
    assert corpus_pdfs, "corpus has no PDFs"
    return {p.name: read_letter(str(p)) for p in corpus_pdfs}


def _sentences(body: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n\n", body) if s]


def test_no_sidebar_or_footer_text_in_body(pdf_letters):
    for name, letter in pdf_letters.items():
        for junk in FURNITURE:
            assert junk not in letter.body, f"{name}: {junk!r} in body"
        assert not re.search(r"Pagina \d+ van \d+", letter.body), name


def test_footnotes_leave_the_body(pdf_letters):
    for name, letter in pdf_letters.items():
        numbers = [f.number for f in letter.footnotes]
        assert numbers == list(range(1, len(numbers) + 1)), f"{name}: notes {numbers}"
        for note in letter.footnotes:
            assert note.text and 1 <= note.page <= letter.source.pages
            if len(note.text) >= 25:
                assert note.text not in letter.body, f"{name}: note {note.number} inside the body"


def test_no_marker_digits_glued_to_words(pdf_letters):
    for name, letter in pdf_letters.items():
        glued = [
            m.group(0)
            for m in re.finditer(r"\S*[a-z]{3,}\d\b\S*", letter.body)
            if not re.search(r"https?://|www\.|/", m.group(0))
        ]
        assert glued == [], f"{name}: {glued}"
        # a marker left standing between words: 'aangeboden 1 . In'
        assert not re.search(r"[a-z] \d{1,2} [.,;]", letter.body), name


def test_sentence_over_a_page_break_comes_out_whole(corpus_dir):
    letter = read_letter(str(corpus_dir / "letters" / "emissie-luchtvaart-2022.pdf"))
    sentence = (
        "Zoals aangegeven in de Hoofdlijnenbrief Schiphol van 24 juni 2022 is normering voor het kabinet "
        "het uitgangspunt."
    )
    start = letter.body.index(sentence)
    assert letter.page_at(start) == 1 and letter.page_at(start + len(sentence) - 1) == 2


def test_emissie_structure(corpus_dir):
    letter = read_letter(str(corpus_dir / "letters" / "emissie-luchtvaart-2022.pdf"))
    paragraphs = letter.body.split("\n\n")
    assert paragraphs[0].startswith("In de Kamer is de afgelopen jaren")
    # headings and list items are paragraphs of their own
    assert "1. Ultrafijn stof" in paragraphs
    assert "Kennisopbouw over emissie en effecten van ultrafijn stof" in paragraphs
    assert (
        "gezondheidsrisico’s van ultrafijn stof rond Schiphol aan de Kamer aangeboden. In die brief"
        in letter.body
    )
    assert letter.body.rstrip().endswith("te beperken.")  # the closing is not in the body
    assert len(letter.footnotes) == 16
    assert letter.footnotes[15].text.endswith("risicos-van-ultrafijnstof-in-de-buitenlucht")
    assert letter.source.pages == 9 and len(letter.page_starts) == 9
    assert letter.page_starts == sorted(letter.page_starts)


def test_hyphenation_and_real_hyphens_in_corpus(pdf_letters):
    body = pdf_letters["circulaire-economie-2023.pdf"].body
    assert "om- en bijscholing" in body
    assert "SER-verkenning" in body
    assert not re.search(r"[a-z]- [a-z]{3,}", body.replace("om- en", "")), "a hyphenated word left split"


def test_seed_letter_text_is_cleaned(corpus_dir):
    letter = read_letter(str(corpus_dir / "letters" / "integriteit-dialoogreeks-2025.txt"))
    assert [(f.number, f.text) for f in letter.footnotes] == [
        (1, "Mijn coördinerende verantwoordelijkheid reikt niet tot het ministerie van Defensie.")
    ]
    assert "mijn coördinerende rol voor het rijksbrede integriteitsbeleid" in letter.body
    assert "rol1" not in letter.body and "Defensie." not in letter.body
    assert "\n\nRijksbrede integriteitsbeleid\n\n" in letter.body
    assert (
        "Er is aangegeven dat de gesprekken voor de zomer zouden worden afgerond en dat uw Kamer hierover "
        "wordt geïnformeerd."
    ) in letter.body
    assert "F. Rijkaart" not in letter.body and not letter.body.rstrip().endswith("Koninkrijksrelaties,")
    assert all("\n" not in p for p in letter.body.split("\n\n"))
    assert letter.source.pages == 4 and letter.page_at(letter.body.index("Er bestaan grote verschillen")) == 2


def test_text_layouts_lose_their_header(corpus_letters):
    for path in corpus_letters:
        if path.suffix != ".txt":
            continue
        body = read_letter(str(path)).body
        for junk in (
            "BRIEF VAN",
            "Brief van de",
            "Aan de Voorzitter",
            "Den Haag,",
            "Brief regering",
            "Nummer:",
            "Vergaderjaar",
        ):
            assert junk not in body[:300], f"{path.name}: {junk!r}"
        assert not re.search(r"(?m)^Nr\. \d+", body), path.name


def test_lean_chars_equal_pdfplumber_chars(corpus_pdfs):
    """read_pdf.page_chars skips pdfplumber's per-character attribute copy for speed; the keys the
    words are built from must still be exactly what `page.chars` holds."""
    import pdfplumber

    from toezegging_cli.read.pdf import page_chars

    keys = ("text", "fontname", "size", "x0", "x1", "top", "bottom", "doctop", "upright")
    for path in [*corpus_pdfs, *sorted(SAMPLES.glob("*.pdf"))]:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                expected = [{k: c[k] for k in keys} for c in page.chars]
                assert page_chars(page) == expected, f"{path.name} page {page.page_number}"
