"""Outputs of a batch: the formats, the sinks that write one whole record at a time, and `--resume`."""

from __future__ import annotations

import io
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Any

from toezegging_cli.batch.inputs import Input, UsageError
from toezegging_cli.batch.options import _same_path, _sha256_file
from toezegging_cli.model import Report

# --- output ---------------------------------------------------------------------------------------

_SUFFIX_FORMATS = {".csv": "csv", ".ics": "ics", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def default_format(output: Path | None, single: bool, stdout_tty: bool) -> str:
    """Table on a terminal; else JSON (one letter) or JSON lines (a batch); an --output file's
    suffix (.csv, .ics, .json, .jsonl) chooses for it."""
    if output is not None:
        return _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "json" if single else "jsonl")
    if stdout_tty:
        return "table"
    return "json" if single else "jsonl"


class Sink:
    """Turns results into the text of one output format, piece by piece (start, items, end)."""

    def __init__(self, fmt: str, *, array: bool, color: bool = False, width: int = 100,
                 lang: str | None = None, explain: bool = False, rows: bool = False):
        """`lang` for people's text (table, calendar), `explain` adds why each commitment was found,
        `rows` gives a table of one summary row per letter (a folder on a terminal)."""
        from toezegging_cli.render.i18n import resolve_lang

        if fmt not in ("table", "json", "jsonl", "csv", "ics"):
            raise UsageError(f"unknown format {fmt!r}")
        self.fmt, self.array, self.color, self.width = fmt, array, color, width
        self.lang, self.explain, self.rows = resolve_lang(lang), explain, rows and fmt == "table"
        self._items = 0

    def start(self) -> str:
        from toezegging_cli import render

        if self.fmt == "csv":
            return render.csv_header()
        if self.fmt == "ics":
            return render.ics_header()
        if self.fmt == "json" and self.array:
            return "["
        if self.rows:
            from toezegging_cli.render.table import folder_header

            return folder_header(self.width, self.lang, self._console_kwargs())
        return ""

    def _array_item(self, text: str) -> str:
        self._items += 1
        return ("\n" if self._items == 1 else ",\n") + textwrap.indent(text, "  ")

    def item(self, report: Report) -> str:
        from toezegging_cli import render

        if self.fmt == "jsonl":
            return render.report_jsonl(report, self.explain) + "\n"
        if self.fmt == "json":
            text = render.report_json(report, self.explain)
            return self._array_item(text) if self.array else text + "\n"
        if self.fmt == "csv":
            return render.csv_rows(report)
        if self.fmt == "ics":
            return render.ics_events(report, self.lang)
        if self.rows:
            from toezegging_cli.render.table import folder_row

            return folder_row(report, self.width, self.lang, self._console_kwargs())
        return self._table(report)

    def error(self, path: str, reason: str) -> str:
        from toezegging_cli import render

        if self.rows:
            from toezegging_cli.render.table import folder_error_row

            return folder_error_row(path, reason, self.width, self.lang, self._console_kwargs())
        record = render.error_record(path, reason)
        if self.fmt == "jsonl":
            return render.report_jsonl(record) + "\n"
        if self.fmt == "json" and self.array:
            return self._array_item(json.dumps(record, ensure_ascii=False, indent=2))
        return ""

    def end(self) -> str:
        from toezegging_cli import render

        if self.fmt == "json" and self.array:
            return "\n]\n" if self._items else "]\n"
        if self.fmt == "ics":
            return render.ics_footer()
        return ""

    def _console_kwargs(self) -> dict[str, Any]:
        return {"force_terminal": self.color, "no_color": None if self.color else True,
                "color_system": "auto" if self.color else None, "highlight": False, "emoji": False,
                "markup": False}

    def _table(self, report: Report) -> str:
        from rich.console import Console

        from toezegging_cli.render import render_table

        buf = io.StringIO()
        console = Console(file=buf, width=self.width, **self._console_kwargs())
        render_table([report], console, lang=self.lang, explain=self.explain)
        return buf.getvalue()


class StdoutClosed(Exception):
    """The reader of stdout went away (`| head`)."""


class Output:
    """Where results go: a file written with one write() per record, or stdout (flushed)."""

    def __init__(self, path: Path | None, *, append: bool = False):
        self.path = path
        self.fd: int | None = None
        if path is not None:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd = os.open(path, flags, 0o666)

    def write(self, text: str) -> None:
        if not text:
            return
        if self.fd is not None:
            view = memoryview(text.encode("utf-8"))
            while view:
                view = view[os.write(self.fd, view):]
            return
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError as exc:
            raise StdoutClosed from exc

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def prepare_resume(path: Path, inputs: list[Input]) -> set[str]:
    """Paths (normalised) of the inputs already done in the JSON-lines file `path`.

    A result counts when its source path is one of `inputs` and its sha256 matches the file now. The
    file is tidied for the rerun: a trailing partial line (an interrupted write) is cut off, and the
    lines of letters about to be redone (errors, changed files) are dropped, so it ends with one line
    per letter. It is rewritten atomically (temporary file + rename), and only when that changes it.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return set()
    wanted = {_same_path(i.path): i for i in inputs if i.path != "-" and i.error is None}
    done: set[str] = set()
    keep: list[bytes] = []
    complete = data[: data.rfind(b"\n") + 1]
    for line in complete.split(b"\n")[:-1]:
        try:
            record = json.loads(line)
            where = _same_path(record["source"]["path"])
        except (ValueError, TypeError, KeyError):
            continue  # not one of our records
        if where in wanted:
            if "error" in record or record["source"].get("sha256") != _sha256_file(wanted[where].path):
                continue  # redone in this run
            done.add(where)
        keep.append(line + b"\n")
    new = b"".join(keep)
    if new != data:
        tmp = Path(f"{path}.tmp-{os.getpid()}")
        with open(tmp, "wb") as fh:
            fh.write(new)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    return done
