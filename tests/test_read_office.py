"""Word (.docx) and OpenDocument (.odt) letters (read/office.py).

Fixtures in tests/fixtures/office/ are the sample letters saved by LibreOffice (make_office.py
there): a page header with the sidebar, real footnotes. The corpus's real letter texts are turned
into .docx and .odt by LibreOffice at test time, where it is installed.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toezegging_cli.errors import LetterError
from toezegging_cli.read import office, read_letter, read_source

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "office"
SAMPLES = REPO / "samples"
OFFICE_FILES = sorted(FIXTURES.glob("*.docx")) + sorted(FIXTURES.glob("*.odt"))


@pytest.fixture(scope="module")
def nlp():
    from toezegging_cli.tag import load_pipeline

    return load_pipeline()


def _sentences(report: dict) -> list[tuple[str, str, str]]:
    return [(c["kind"], c["status"], " ".join(c["evidence"]["sentence"].split()))
            for c in report["commitments"]]


@pytest.mark.parametrize("path", OFFICE_FILES, ids=lambda p: p.name)
def test_office_letter_reads_like_its_pdf(path, nlp):
    """Header fields from the page header and the first lines, footnotes apart, and the commitments
    of the same letter as PDF."""
    from toezegging_cli.extract import extract_path

    got = extract_path(str(path), nlp=nlp).to_dict()
    pdf = extract_path(str(SAMPLES / f"{path.stem}.pdf"), nlp=nlp).to_dict()
    assert got["source"]["format"] == path.suffix[1:]
    for key in ("date", "subject", "reference", "ministry", "recipient"):
        assert got["letter"][key] == pdf["letter"][key], key
    names = [s["name"] for s in got["letter"]["signatories"]]
    assert names == [s["name"] for s in pdf["letter"]["signatories"]]
    assert _sentences(got) == _sentences(pdf)
    letter = read_letter(str(path))
    pdf_letter = read_letter(str(SAMPLES / f"{path.stem}.pdf"))
    notes = [(n.number, n.text) for n in letter.footnotes]
    assert notes == [(n.number, n.text) for n in pdf_letter.footnotes]
    for note in letter.footnotes:
        assert note.text not in letter.body
    assert "Ons kenmerk" not in letter.body and "Geachte" not in letter.body


def test_docx_footnote_mark_leaves_the_word():
    letter = read_letter(str(FIXTURES / "integriteit-dialoogreeks-2025.docx"))
    assert "coördinerende rol voor het rijksbrede integriteitsbeleid" in letter.body


def paragraph_per_line(text: str) -> str:
    """A text letter with each paragraph on one line, as a word processor holds it: hard-wrapped
    lines joined where the text reader would join them (LibreOffice makes every line a paragraph)."""
    from toezegging_cli.clean import breaks_paragraph, text_lines

    lines, _ = text_lines(text)
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and not breaks_paragraph(lines[k - 1], line) and line.page == lines[k - 1].page:
            out[-1] = f"{out[-1]} {line.text}"
        else:
            out.append(line.text)
    return "\n".join(out) + "\n"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_real_letter_texts_saved_by_libreoffice_give_the_same_commitments(tmp_path, corpus_dir, nlp, fmt):
    """The corpus's real letters (text copies) saved as Word/OpenDocument by LibreOffice."""
    from toezegging_cli.extract import extract_path

    texts = sorted((corpus_dir / "letters").glob("*.txt"))
    for text in texts:
        joined = paragraph_per_line(text.read_text(encoding="utf-8"))
        (tmp_path / text.name).write_text(joined, encoding="utf-8")
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", str(tmp_path),
                    *[str(tmp_path / t.name) for t in texts]], check=True, capture_output=True, timeout=300)
    compared = 0
    for text in texts:
        converted = tmp_path / f"{text.stem}.{fmt}"
        assert converted.exists(), converted
        got = extract_path(str(converted), nlp=nlp).to_dict()
        want = extract_path(str(text), nlp=nlp).to_dict()
        assert got["source"]["format"] == fmt
        assert _sentences(got) == _sentences(want), text.name
        assert got["letter"]["date"] == want["letter"]["date"], text.name
        compared += 1
    assert compared >= 5


# --- bad input ------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toezegging_cli", *args], capture_output=True, text=True,
                          timeout=300)


def _docx_with(document: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
    return out.getvalue()


def bad_office_files(root: Path) -> dict[str, str]:
    good = (FIXTURES / "water-voortgang-toezeggingen-2024.docx").read_bytes()
    files = {
        "afgekapt.docx": (good[: len(good) // 2],
                          "binary content, not text (looks like a ZIP archive (Word .docx?))"),
        "kapot.docx": (_docx_with(b"<w:document xmlns:w='x'><w:body><w:p>"), "broken word/document.xml ("),
        "leeg.docx": (_docx_with(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/"
                                 b"2006/main'><w:body/></w:document>"), "no text in the docx document"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    return {name: reason for name, (_, reason) in files.items()}


@pytest.mark.parametrize("name", ["afgekapt.docx", "kapot.docx", "leeg.docx"])
def test_bad_office_file_is_one_line_and_exit_2(tmp_path, name):
    reason = bad_office_files(tmp_path)[name]
    done = _cli("extract", str(tmp_path / name))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"toezegging: {tmp_path / name}: {reason}") and done.stderr.count("\n") == 1


def test_a_batch_of_new_formats_goes_on_past_bad_files(tmp_path):
    folder = tmp_path / "brieven"
    folder.mkdir()
    bad = bad_office_files(folder)
    for path in OFFICE_FILES[:2]:
        shutil.copy(path, folder / path.name)
    (folder / "kapot.xml").write_bytes(b"<officiele-publicatie><al>")
    bad["kapot.xml"] = "broken XML ("
    out = tmp_path / "uit.jsonl"
    done = _cli("extract", str(folder), "-o", str(out))
    assert done.returncode == 1 and done.stdout == ""
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    assert sorted(records) == sorted([*bad, *(p.name for p in OFFICE_FILES[:2])])
    for name, reason in bad.items():
        assert records[name]["error"].startswith(reason), name
    for path in OFFICE_FILES[:2]:
        assert records[path.name]["commitments"], path.name
    assert sum(line.startswith("toezegging: ") for line in done.stderr.splitlines()) == len(bad) + 1


def test_archive_parts_too_large_unpacked_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(office, "MAX_UNPACKED", 1000)
    data = (FIXTURES / "water-voortgang-toezeggingen-2024.docx").read_bytes()
    with pytest.raises(LetterError, match="unpacks to"):
        read_source(data, "groot.docx")


# --- fuzz -----------------------------------------------------------------------------------------

_SEEDS = [p.read_bytes() for p in OFFICE_FILES[:1] + [f for f in OFFICE_FILES if f.suffix == ".odt"][:1]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.integers(0, len(_SEEDS) - 1), seed=st.integers(0, 2**32 - 1), flips=st.integers(1, 40))
def test_damaged_office_files_give_a_letter_error_or_a_letter(which, seed, flips):
    rng = random.Random(seed)
    data = bytearray(_SEEDS[which])
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = read_source(bytes(data), "fuzz.docx")
    except LetterError as exc:
        assert "\n" not in str(exc)
        return
    assert all("\n" not in ln.text for ln in doc.layout.lines)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_kind_never_raises(data):
    assert office.kind(b"PK\x03\x04" + data) in (None, "docx", "odt")
