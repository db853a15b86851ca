"""The register: commitments of many documents in one SQLite file, linked across documents.

`db` (schema, adding documents), `link` (earlier commitment → the one it refers to), `people`
(cabinet posts, successors in office), `query` (status, filters, history, output formats), `html`
(the self-contained overview page). The `run_*` functions behind `toezegging track` return exit codes.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

DEFAULT_DB = "toezeggingen.sqlite"


def _fail(reason: str, where: str = "") -> int:
    from toezegging_cli.batch import shown

    sys.stderr.write(shown(f"toezegging: {where + ': ' if where else ''}{reason}") + "\n")
    return 2


def _guarded(run):
    """Run a `track` command; a file that is not an SQLite register gives one error line, exit 2."""
    import functools
    import sqlite3

    @functools.wraps(run)
    def wrapper(*args, **kwargs) -> int:
        try:
            return run(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            db = kwargs.get("db", args[0] if args and not isinstance(args[0], list) else DEFAULT_DB)
            return _fail(f"not a usable register database ({exc})", str(db))

    return wrapper


def _day(text: str | None) -> dt.date:
    return dt.date.fromisoformat(text) if text else dt.date.today()


def _existing(db: str | Path) -> bool:
    return Path(db).is_file()


@_guarded
def run_add(
    paths: list[str], *, db: str | Path = DEFAULT_DB, reader: str = "pdfplumber", max_pages: int = 500
) -> int:
    """`track add`: 0 all added (or already there), 1 some documents failed, 2 usage error."""
    from toezegging_cli.batch import UsageError
    from toezegging_cli.register.db import add_paths

    def progress(done: int, total: int, path: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done}/{total}")

    try:
        added, present, failed = add_paths(db, paths, reader=reader, max_pages=max_pages, progress=progress)
    except UsageError as exc:
        return _fail(str(exc))
    sys.stderr.write(f"toezegging: {db}: {added} added, {present} already there, {failed} failed\n")
    return 1 if failed else 0


def _items(db: str | Path, on: dt.date):
    from toezegging_cli.register.db import connect
    from toezegging_cli.register.query import load, tracked

    con = connect(db)
    try:
        return tracked(load(con), on)
    finally:
        con.close()


def _write(text: str, output: Path | None) -> int:
    from toezegging_cli.commands import write_output

    try:
        write_output(text, output)
    except OSError as exc:
        return _fail(f"cannot write output ({exc.strerror or exc})", str(output))
    return 0


def _format(fmt: str | None, output: Path | None) -> str:
    from toezegging_cli.batch import _SUFFIX_FORMATS

    if fmt:
        return fmt
    if output is not None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), "json")
    return "table" if sys.stdout.isatty() else "json"


@_guarded
def run_list(
    db: str | Path, filters, *, on: str | None = None, fmt: str | None = None, output: Path | None = None
) -> int:
    """`track list`: the tracked commitments that pass the filters, in the chosen format."""
    from toezegging_cli.register.query import list_text, select

    if not _existing(db):
        return _fail("no such register (add documents with `toezegging track add`)", str(db))
    try:
        day = _day(on)
    except ValueError:
        return _fail(f"--on {on!r} is not a date (YYYY-MM-DD)")
    items = select(_items(db, day), filters)
    fmt = _format(fmt, output)
    return _write(
        list_text(items, fmt, color=fmt == "table" and output is None and sys.stdout.isatty()), output
    )


@_guarded
def run_show(
    db: str | Path, cid: int, *, on: str | None = None, fmt: str | None = None, output: Path | None = None
) -> int:
    """`track show ID`: one commitment's history with the evidence of each step."""
    from toezegging_cli.register.db import connect
    from toezegging_cli.register.query import history, show_text

    if not _existing(db):
        return _fail("no such register", str(db))
    fmt = _format(fmt, output)
    if fmt in ("csv", "ics"):
        return _fail(f"--format {fmt} is not available for track show (use table, json or jsonl)")
    con = connect(db)
    try:
        item = history(con, cid, _day(on))
    finally:
        con.close()
    if item is None:
        return _fail(f"no commitment with id {cid}", str(db))
    return _write(show_text(item, fmt), output)


@_guarded
def run_report(db: str | Path, output: Path, *, on: str | None = None, title: str = "Toezeggingen") -> int:
    """`track report`: the self-contained HTML overview."""
    from toezegging_cli.register.html import report_html

    if not _existing(db):
        return _fail("no such register", str(db))
    try:
        day = _day(on)
    except ValueError:
        return _fail(f"--on {on!r} is not a date (YYYY-MM-DD)")
    return _write(report_html(_items(db, day), day, title=title), output)


def schema_text() -> str:
    """`track schema`: the SQL that creates the register, with a comment on every table."""
    from toezegging_cli.register.db import SCHEMA

    return SCHEMA.strip() + "\n"
