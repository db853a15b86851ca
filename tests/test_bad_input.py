"""Issue 5 through the real CLI: bad input gives one clear stderr line and an exit code, never a traceback,
and a batch mixing good and bad letters keeps every good letter's full result.

All fixtures are made here in tmp_path (reportlab/pypdf PDFs, encoded text, odd files); the corpus
letters are copied into tmp_path at test time, never into the repo.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pdfbytes import raw_pdf, text_pdf

GOOD_LINES = [
    "Den Haag, 5 juni 2018",
    "",
    "Geachte voorzitter,",
    "",
    "Met deze brief informeer ik uw Kamer over de coördinatie van het beleid voor de regio's.",
    "Ik zal uw Kamer voor de zomer van 2025 nader informeren over de resultaten.",
    "",
    "De minister van Binnenlandse Zaken en Koninkrijksrelaties,",
    "",
    "F. Rijkaart",
]
GOOD_TEXT = "\n".join(GOOD_LINES) + "\n"


def toezegging(*args: str, stdin: bytes | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run the installed command; stdout and stderr as text."""
    done = subprocess.run(["toezegging", *args], input=stdin, capture_output=True, timeout=timeout)
    done.stdout, done.stderr = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    return done


@pytest.fixture(scope="session")
def nlp():
    """The pipeline, loaded once in this process; skips until the tagging stage exists."""
    tag = pytest.importorskip("toezegging_cli.tag", reason="the tagging stage (tag.py) is not there yet")
    return tag.load_pipeline()


# --- fixtures: PDFs and files ---------------------------------------------------------------------


def pdf_bytes(lines: list[str] = GOOD_LINES, pages: int = 1) -> bytes:
    return text_pdf([lines] * pages)


def encrypted(data: bytes, user: str, owner: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf(path: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen import canvas

    png = path.with_suffix(".png.tmp")
    Image.new("RGB", (600, 300), "white").save(png, format="PNG")
    c = canvas.Canvas(str(path))
    c.drawImage(str(png), 72, 400, 450, 225)
    c.showPage()
    c.save()
    png.unlink()


def type3_without_unicode() -> bytes:
    """Dutch text set in a Type3 font whose codes are numbered in order of first use (as subsetting
    tools do) and which has no ToUnicode map: the glyphs show, the text layer is '(cid:N)' noise."""
    codes: dict[str, int] = {}
    lines = []
    for k, text in enumerate(GOOD_LINES * 3):
        for ch in text:
            codes.setdefault(ch, len(codes) + 1)
        hexes = "".join(f"{codes[ch]:02x}" for ch in text)
        lines.append(f"BT /T3 10 Tf 72 {780 - 14 * k} Td <{hexes}> Tj ET")
    content = "\n".join(lines).encode()
    n = len(codes)
    glyph = b"500 0 0 0 400 600 d1 0 0 400 600 re f"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /T3 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [1 "
        + b" ".join(b"/g%d" % c for c in range(1, n + 1))
        + b"] >> /FirstChar 1 /LastChar %d /Widths [" % n + b" ".join([b"500"] * n)
        + b"] /Resources << >> >>",
        b"<< " + b" ".join(b"/g%d 7 0 R" % c for c in range(1, n + 1)) + b" >>",
        b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream",
    ])


def make_bad_files(root: Path) -> dict[str, str]:
    """Write every kind of bad letter into `root`; {file name: the reason the reader must give}."""
    root.mkdir(parents=True, exist_ok=True)
    good_pdf = pdf_bytes()
    (root / "versleuteld.pdf").write_bytes(encrypted(good_pdf, user="geheim", owner="eigenaar"))
    (root / "afgekapt.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    image_only_pdf(root / "scan.pdf")
    (root / "type3.pdf").write_bytes(type3_without_unicode())
    (root / "pagina.pdf").write_text("<!DOCTYPE html><html><body>Pagina niet gevonden</body></html>")
    with zipfile.ZipFile(root / "archief.pdf", "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 50)
    (root / "ruis.pdf").write_bytes(random.Random(7).randbytes(5000))
    (root / "leeg.pdf").write_bytes(b"")
    (root / "leeg.txt").write_bytes(b"")
    (root / "binair.txt").write_bytes(random.Random(3).randbytes(4000))
    rng = random.Random(5)
    (root / "onzin.txt").write_text(" ".join(
        "".join(rng.choice("qxzjkvwbcdfghlmnprst0123456789") for _ in range(rng.randint(3, 12)))
        for _ in range(300)))
    return {
        "versleuteld.pdf": "encrypted PDF: give --password",
        "afgekapt.pdf": "truncated or corrupt PDF (no end-of-file marker)",
        "scan.pdf": "no text layer — scanned letter?",
        "type3.pdf": "text layer is garbage (fonts without Unicode mapping)",
        "pagina.pdf": "not a PDF (looks like HTML)",
        "archief.pdf": "not a PDF (looks like a ZIP archive (Word .docx?))",
        "ruis.pdf": "not a PDF (looks like binary data)",
        "leeg.pdf": "empty file (0 bytes)",
        "leeg.txt": "empty file (0 bytes)",
        "binair.txt": "binary content, not text (looks like binary data)",
        "onzin.txt": "text is garbage (no readable words)",
    }


def make_odd_good_files(root: Path) -> list[str]:
    """Letters that look odd but must be read: other encodings, owner-only encryption, English."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "utf8.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD_TEXT.encode("utf-16-le"))
    (root / "cp1252.txt").write_bytes(GOOD_TEXT.encode("cp1252"))
    (root / "eigenaar.pdf").write_bytes(encrypted(pdf_bytes(), user="", owner="eigenaar"))
    (root / "engels.txt").write_text(
        "The Hague, 5 June 2018\n\nDear Speaker,\n\n"
        + "The minister has informed the House about the progress of the programme and the plan. " * 5,
        encoding="utf-8")
    return ["utf8.txt", "utf16.txt", "cp1252.txt", "eigenaar.pdf", "engels.txt"]


def records(text: str) -> list[dict]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


# --- issue 5, done when ---------------------------------------------------------------------------


def test_mixed_batch_keeps_every_good_result(tmp_path, corpus_letters, nlp):
    """Corpus letters + odd good letters + every bad file, --workers 2, to a file: every good letter's
    full result (equal to extracting it alone), one error record and one stderr line per bad file."""
    from toezegging_cli.extract import extract_path
    from toezegging_cli.render import report_jsonl

    folder = tmp_path / "brieven"
    bad = make_bad_files(folder)
    odd = make_odd_good_files(folder)
    for letter in corpus_letters:
        shutil.copy(letter, folder / letter.name)
    out = tmp_path / "uit.jsonl"
    done = toezegging("extract", str(folder), "-o", str(out), "--workers", "2")
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr

    lines = records(out.read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    from toezegging_cli.render.schema import batch_line_schema

    validator = jsonschema.Draft202012Validator(batch_line_schema())
    assert [list(validator.iter_errors(r)) for r in lines] == [[]] * len(lines)
    got = {Path(r["source"]["path"]).name: r for r in lines}
    assert sorted(got) == sorted([*bad, *odd, *(p.name for p in corpus_letters)])
    for name, reason in bad.items():
        assert got[name] == {"source": {"path": str(folder / name)}, "error": reason}
    err_lines = done.stderr.splitlines()
    assert sorted(err_lines[:-1]) == sorted(f"toezegging: {folder / n}: {r}" for n, r in bad.items())

    total = 0
    for name in [*odd, *(p.name for p in corpus_letters)]:
        alone = json.loads(report_jsonl(extract_path(str(folder / name), nlp=nlp)))
        assert got[name] == alone, name
        total += len(alone["commitments"])
    warned = sum(bool(r.get("warnings")) for r in got.values())
    assert warned >= 1  # engels.txt
    assert err_lines[-1] == (f"toezegging: {len(got) - len(bad)} letters done, {total} commitments, "
                             f"{len(bad)} failed, {warned} with warnings")
    # the odd encodings read as the same letter
    base = got["utf8.txt"]
    for name in ("utf16.txt", "cp1252.txt"):
        assert got[name]["letter"] == base["letter"] and got[name]["commitments"] == base["commitments"]
    assert base["letter"]["date"] == "2018-06-05"
    assert "text does not look Dutch" in got["engels.txt"]["warnings"]


# --- one bad letter -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["versleuteld.pdf", "scan.pdf", "pagina.pdf", "binair.txt"])
def test_single_bad_letter_one_line_exit_2(tmp_path, nlp, name):
    reason = make_bad_files(tmp_path)[name]
    done = toezegging("extract", str(tmp_path / name))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"toezegging: {tmp_path / name}: {reason}\n"


def test_missing_path_and_empty_folder_exit_2(tmp_path):
    done = toezegging("extract", str(tmp_path / "weg.pdf"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"toezegging: {tmp_path}/weg.pdf: no such file\n"
    (tmp_path / "leeg").mkdir()
    done = toezegging("extract", str(tmp_path / "leeg"))
    assert (done.returncode, done.stderr) == (
        2, f"toezegging: no documents (.pdf, .txt, .html, .htm, .xml, .docx, .odt) in {tmp_path}/leeg\n")


def test_unwritable_output_and_resume_without_output(tmp_path):
    (tmp_path / "brief.txt").write_text(GOOD_TEXT, encoding="utf-8")
    done = toezegging("extract", str(tmp_path), "-o", str(tmp_path / "nergens" / "uit.jsonl"))
    assert done.returncode == 2
    assert done.stderr == (f"toezegging: {tmp_path}/nergens/uit.jsonl: cannot write output "
                           "(No such file or directory)\n")
    done = toezegging("extract", str(tmp_path), "--resume")
    assert (done.returncode, done.stderr) == (2, "toezegging: --resume needs --output\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="runs as root, which reads files whatever their mode")
def test_unreadable_file(tmp_path, nlp):
    path = tmp_path / "brief.txt"
    path.write_text(GOOD_TEXT, encoding="utf-8")
    path.chmod(0)
    try:
        done = toezegging("extract", str(path))
    finally:
        path.chmod(0o644)
    assert (done.returncode, done.stderr) == (2, f"toezegging: {path}: permission denied\n")


# --- options that change what is read --------------------------------------------------------------


def test_password_and_page_limit(tmp_path, nlp):
    (tmp_path / "dicht.pdf").write_bytes(encrypted(pdf_bytes(), user="geheim", owner="eigenaar"))
    done = toezegging("extract", str(tmp_path / "dicht.pdf"), "--password", "geheim")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["letter"]["date"] == "2018-06-05"
    done = toezegging("extract", str(tmp_path / "dicht.pdf"), "--password", "fout")
    assert done.returncode == 2
    assert done.stderr == f"toezegging: {tmp_path}/dicht.pdf: encrypted PDF: wrong password\n"
    (tmp_path / "lang.pdf").write_bytes(pdf_bytes(pages=3))
    done = toezegging("extract", str(tmp_path / "lang.pdf"), "--max-pages", "2")
    assert (done.returncode, done.stderr) == (2, f"toezegging: {tmp_path}/lang.pdf: too many pages (3 > 2)\n")


def test_stdin_letter(nlp):
    done = toezegging("extract", "-", stdin=GOOD_TEXT.encode("utf-8"))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["source"]["path"] == "-" and report["source"]["format"] == "stdin"
    assert report["letter"]["date"] == "2018-06-05"


# --- batches: loops, time limits, interruption, pipes -----------------------------------------------


def test_symlink_loop_is_one_error_line(tmp_path, nlp):
    folder = tmp_path / "brieven"
    folder.mkdir()
    (folder / "brief.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "lus").symlink_to(folder, target_is_directory=True)
    done = toezegging("extract", str(folder), timeout=120)
    assert done.returncode == 1
    assert [r.get("error") for r in records(done.stdout)] == [
        None, "symbolic link loop (leads back into a folder above it)"]
    assert done.stderr.splitlines()[0] == (f"toezegging: {folder}/lus: symbolic link loop "
                                           "(leads back into a folder above it)")


def test_time_limit_on_a_letter_that_never_arrives(tmp_path, nlp):
    """A named pipe nobody writes to: reading it blocks for ever, --timeout stops it."""
    (tmp_path / "brief.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pijp.txt")
    done = toezegging("extract", str(tmp_path / "pijp.txt"), str(tmp_path / "brief.txt"), "--timeout", "3")
    assert done.returncode == 1
    assert [r.get("error") for r in records(done.stdout)] == ["timed out after 3 s", None]
    assert done.stderr.splitlines()[0] == f"toezegging: {tmp_path}/pijp.txt: timed out after 3 s"


def test_resume_after_a_half_written_line(tmp_path, nlp):
    folder = tmp_path / "brieven"
    make_odd_good_files(folder)
    out = tmp_path / "uit.jsonl"
    assert toezegging("extract", str(folder), "-o", str(out)).returncode == 0
    full = out.read_text(encoding="utf-8")
    lines = full.splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")  # killed while writing
    redone = records("".join(lines[2:]))
    commitments = sum(len(r["commitments"]) for r in redone)
    warned = sum(bool(r["warnings"]) for r in redone)
    done = toezegging("extract", str(folder), "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (f"toezegging: 3 letters done, {commitments} commitments, 0 failed, "
                           f"{warned} with warnings, 2 skipped (already in {out})\n")
    assert out.read_text(encoding="utf-8") == full


def test_head_closes_stdout_early(tmp_path, nlp):
    folder = tmp_path / "brieven"
    make_odd_good_files(folder)
    done = subprocess.run(["bash", "-o", "pipefail", "-c", f"toezegging extract '{folder}' | head -1"],
                          capture_output=True, text=True, timeout=600)
    assert json.loads(done.stdout)["source"]["path"] == str(folder / "cp1252.txt")
    assert done.stderr == ""  # no traceback, no 'Exception ignored', no summary
    assert done.returncode == 141


def test_table_format_through_the_cli(tmp_path, nlp):
    """The table shows what the JSON holds: the letter's date and every commitment sentence, plain."""
    (tmp_path / "brief.txt").write_text(GOOD_TEXT, encoding="utf-8")
    report = json.loads(toezegging("extract", str(tmp_path / "brief.txt")).stdout)
    done = toezegging("extract", str(tmp_path / "brief.txt"), "--format", "table", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    table = " ".join(done.stdout.replace("│", " ").split())
    assert "Date: 5 June 2018 (2018-06-05)" in table
    for c in report["commitments"]:
        assert " ".join(c["evidence"]["sentence"].split()) in table
    if not report["commitments"]:
        assert "No commitments found in this letter." in table
