"""Set each kept `dev` letter as a PDF and read it back: does the PDF path find what the text path finds?

The hidden letters users run come as PDFs as often as text; the kept set is text. This script sets
every `dev` letter's text in a plain A4 page (Helvetica 9 pt on 12 pt, the body width of a
Rijksoverheid letter, paragraphs as in the text, lines broken by width, long words hyphenated), runs
`toezegging extract` on the text and on the PDF in one process, and scores both against the gold. A
letter whose PDF scores lower than its text names a weakness of the PDF reader or the layout cleaning
(line joins, hyphens, page breaks, paragraphs) that no letterhead explains.

    python3 eval/pdf_roundtrip.py [--limit N] [--keep DIR] [-v]

Prints the two scores and, with -v, each letter whose PDF does worse. Only the `dev` half is set:
the test half is never read (eval/README.md).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from toezegging_cli.evaluate import evaluate

EVAL = Path(__file__).resolve().parent
FONT, SIZE, LEADING = "Helvetica", 9.0, 12.0
LEFT, RIGHT, TOP, BOTTOM = 79.6, 452.0, 100.0, 780.0


def _lines(paragraph: str) -> list[str]:
    """The paragraph broken into lines that fit the body width (a word too long for a line is cut
    with a hyphen)."""
    width = RIGHT - LEFT
    out: list[str] = []
    line = ""
    for word in paragraph.split():
        trial = f"{line} {word}" if line else word
        if stringWidth(trial, FONT, SIZE) <= width:
            line = trial
            continue
        if line:
            out.append(line)
        while stringWidth(word, FONT, SIZE) > width:
            cut = max(1, next(i for i in range(len(word), 0, -1)
                              if stringWidth(word[:i] + "-", FONT, SIZE) <= width))
            out.append(word[:cut] + "-")
            word = word[cut:]
        line = word
    if line:
        out.append(line)
    return out


def set_pdf(text: str, path: Path) -> None:
    """Write `text` as a PDF: paragraphs (blank-line separated in the text) a line apart."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, SIZE)
    y = TOP
    paragraphs = [p for p in text.replace("\r", "").split("\n\n") if p.strip()]
    for paragraph in paragraphs:
        for raw in paragraph.split("\n"):
            for line in _lines(raw) or [""]:
                if y > BOTTOM:
                    canvas.showPage()
                    canvas.setFont(FONT, SIZE)
                    y = TOP
                canvas.drawString(LEFT, A4[1] - y, line)
                y += LEADING
        y += LEADING
    canvas.save()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N dev letters")
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    parser.add_argument("-v", action="store_true", help="list each letter whose PDF does worse")
    args = parser.parse_args(argv)
    gold = EVAL / "gold" / "dev"
    names = sorted(p.name.removesuffix(".gold.json") for p in gold.glob("*.gold.json"))
    if args.limit:
        names = names[:args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pdfs = args.keep or work / "pdf"
        texts = work / "txt"
        golds = work / "gold"
        for folder in (pdfs, texts, golds):
            folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            text = (EVAL / "letters" / f"{name}.txt").read_text(encoding="utf-8")
            (texts / f"{name}.txt").write_text(text, encoding="utf-8")
            (golds / f"{name}.gold.json").write_bytes((gold / f"{name}.gold.json").read_bytes())
            set_pdf(text, pdfs / f"{name}.pdf")
        as_text, as_pdf = evaluate(golds, texts), evaluate(golds, pdfs)
    for label, result in (("text", as_text), ("pdf", as_pdf)):
        print(f"{label:5} {len(result.letters)} letters: commitments P {result.precision:.3f} "
              f"R {result.recall:.3f} F1 {result.f1:.3f}; field {result.field_accuracy:.3f}; "
              f"letter {result.letter_accuracy:.3f}")
    if args.v:
        texts_by_name = {s.name: s for s in as_text.letters}
        for s in as_pdf.letters:
            t = texts_by_name[s.name]
            if (s.matched, s.predicted - s.matched) != (t.matched, t.predicted - t.matched):
                print(f"  {s.name}: text matched {t.matched} of {t.gold} (+{t.predicted - t.matched}), "
                      f"pdf {s.matched} (+{s.predicted - s.matched})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
