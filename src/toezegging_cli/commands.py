"""Plain functions behind the single-letter CLI commands (`text`, ...); each returns an exit code.

Letter text is data: it goes to stdout (or --output) with plain writes, never through rich markup;
errors go to stderr as one line 'toezegging: <path>: <reason>'.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

from toezegging_cli.errors import LetterError
from toezegging_cli.model import Letter


def report_error(exc: LetterError, *, debug: bool = False) -> int:
    """Print a LetterError as one line on stderr (with traceback under --debug); return exit code 2."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    sys.stderr.write(f"toezegging: {exc.path}: {exc.reason}\n")
    return 2


def write_output(text: str, output: Path | str | None) -> None:
    """Write `text` to the file `output`, or to stdout."""
    if output is not None:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def letter_text(letter: Letter, *, notes: bool = False) -> str:
    """The cleaned body, with footnotes as '[n] text' lines after it when `notes`."""
    out = letter.body.rstrip("\n") + "\n"
    if notes and letter.footnotes:
        out += "\n" + "".join(f"[{f.number}] {f.text}\n" for f in letter.footnotes)
    return out


def _deliver(text: str, output: Path | str | None, path: str, warnings: list[str], *, debug: bool) -> int:
    """Write a command's result to stdout or `output`, then the letter's warnings to stderr."""
    try:
        write_output(text, output)
    except OSError as exc:
        return report_error(LetterError(str(output), f"cannot write output ({exc.strerror or exc})"),
                            debug=debug)
    for warning in warnings:
        sys.stderr.write(f"toezegging: {path}: warning: {warning}\n")
    return 0


def run_text(path: str, *, notes: bool = False, format: str | None = None, output: Path | str | None = None,
             reader: str = "pdfplumber", password: str | None = None, debug: bool = False,
             ocr: str = "auto") -> int:
    """`toezegging text`: print a letter's cleaned body (or the whole Letter as JSON)."""
    from toezegging_cli.read import read_letter

    try:
        letter = read_letter(path, reader=reader, password=password, ocr=ocr)
    except LetterError as exc:
        return report_error(exc, debug=debug)
    if format == "json":
        text = json.dumps(letter.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        text = letter_text(letter, notes=notes)
    return _deliver(text, output, path, letter.warnings, debug=debug)


def entities_table(entities: list, *, color: bool = False, width: int | None = None,
                   lang: str | None = None) -> str:
    """The entities as a rich table (label, text, value, page; column names in `lang`); letter text
    shown literally."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from toezegging_cli.render import clean_text
    from toezegging_cli.render.i18n import label, resolve_lang

    lang = resolve_lang(lang)
    table = Table(*(label(f"entities.{k}", lang) for k in ("label", "text", "value", "page")),
                  show_lines=False)
    for e in entities:
        value = ", ".join(f"{k}={v}" for k, v in e.value.items() if v not in (None, False, ""))
        table.add_row(Text(e.label), Text(clean_text(e.text)), Text(clean_text(value)), Text(str(e.page)))
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, no_color=None if color else True,
                      color_system="auto" if color else None, highlight=False, emoji=False, markup=False)
    console.print(table)
    return buf.getvalue()


def run_tag(path: str, *, format: str | None = None, output: Path | str | None = None,
            reader: str = "pdfplumber", password: str | None = None, debug: bool = False,
            lang: str | None = None, ocr: str = "auto") -> int:
    """`toezegging tag`: the entities of a letter's body, as a table or JSON."""
    from dataclasses import asdict

    from toezegging_cli.read import read_letter
    from toezegging_cli.tag import tag_letters

    if format in {"csv", "ics"}:
        sys.stderr.write(f"toezegging: {path}: --format {format} is not available for tag "
                         "(use table, json or jsonl)\n")
        return 2
    try:
        letter = read_letter(path, reader=reader, password=password, ocr=ocr)
    except LetterError as exc:
        return report_error(exc, debug=debug)
    _, tagged = next(tag_letters([letter]))
    terminal = output is None and sys.stdout.isatty()
    if format is None:
        format = "table" if terminal else "json"
    data = {"letter": asdict(letter.meta), "entities": [asdict(e) for e in tagged.entities]}
    if format == "table":
        text = entities_table(tagged.entities, color=terminal, lang=lang)
    elif format == "jsonl":
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _deliver(text, output, path, letter.warnings, debug=debug)
