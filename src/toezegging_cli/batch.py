"""`toezegging extract`: one letter or a whole batch, in worker processes, streamed to stdout or a file.

Every letter runs in a worker process (at least one, also for a single file) that loads the spaCy
pipeline once and can be killed when the letter exceeds `--timeout`; a killed worker is replaced and
the batch goes on. Results are written in input order, one record at a time with a single write, so
an interrupted batch leaves only whole lines behind and `--resume` can pick up where it stopped.
Nothing is kept per letter after it is written, so memory stays flat over a long batch.

Paths and letter text are data: error lines escape control characters, and the table renderer
shows text literally (no rich markup).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import signal
import stat as stat_mod
import sys
import textwrap
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait as wait_any
from pathlib import Path
from typing import Any

from toezegging_cli.errors import LetterError
from toezegging_cli.model import Report

LETTER_SUFFIXES = (".pdf", ".txt", ".html", ".htm", ".xml", ".docx", ".odt")
RECYCLE_AFTER = 200  # letters per worker process before it is replaced (spaCy's string store grows)
POLL_SECONDS = 0.2  # how often the main loop looks at signals and deadlines while it waits
EXIT_INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}
EXIT_BROKEN_PIPE = 141  # what a shell reports for a tool stopped by SIGPIPE

Engine = Callable[["ExtractOptions"], Callable[[str], Report]]


def pipeline_engine(options: ExtractOptions) -> Callable[[str], Report]:
    """The standard engine: load the pipeline once, then read → tag → assemble each path."""
    from toezegging_cli import prefetch
    from toezegging_cli.extract import extract_path, report_for
    from toezegging_cli.tag import load_pipeline

    pending = prefetch.start(options.first, options)  # forked before spaCy is imported
    nlp = load_pipeline()

    def run(path: str) -> Report:
        nonlocal pending
        letter, pending = (pending.take(path) if pending is not None else None), None
        if letter is not None:
            return report_for(letter, nlp)
        return extract_path(path, reader=options.reader, password=options.password, ocr=options.ocr,
                            max_pages=options.max_pages, nlp=nlp)

    return run


@dataclass
class ExtractOptions:
    """How each letter is read. `engine` runs once in every worker process and returns the function
    that turns a path into a Report (library users and tests may pass their own top-level function)."""

    reader: str = "pdfplumber"
    password: str | None = None
    timeout: float | None = 120.0  # seconds per letter; None or <= 0: no limit
    max_pages: int | None = 500
    debug: bool = False
    engine: Engine = field(default=pipeline_engine)
    ocr: str = "auto"  # auto | always | never: OCR for PDF pages without a text layer
    first: tuple[str, bytes | None] | None = None  # in a worker: the letter it will likely get first
    dask: bool = False  # run on Dask distributed (dask_engine.py) instead of local worker processes
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster


# --- small helpers --------------------------------------------------------------------------------


def shown(text: str) -> str:
    """`text` safe for a terminal line: non-printable characters (ESC, newlines, bidi controls)
    written as Python escapes, so a hostile file name cannot move the cursor or recolour output."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _err(line: str) -> None:
    sys.stderr.write(shown(line) + "\n")
    sys.stderr.flush()


def _is_tty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _sha256_file(path: str) -> str | None:
    """Content hash of a regular file (never opens a FIFO or device), None when it cannot be read."""
    try:
        if not os.path.isfile(path):
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _same_path(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


# --- inputs ---------------------------------------------------------------------------------------


@dataclass
class Input:
    """One letter to process; `error` set when it fails before reading (missing, symlink loop)."""

    path: str
    error: str | None = None
    data: bytes | None = None  # stdin content for '-'


class UsageError(Exception):
    """A problem with the command line itself: reported as one line, exit code 2, before any work."""


def _is_letter_name(name: str) -> bool:
    return name.lower().endswith(LETTER_SUFFIXES)


def walk_letters(top: str) -> list[Input]:
    """Every .pdf/.txt under `top`, depth first in name order; hidden names skipped.

    Symbolic links are followed, except one leading back into a folder being walked (reported as an
    error input instead of recursing) or to a folder already walked by another route (skipped).
    """
    found: list[Input] = []
    visited: set[tuple[int, int]] = set()

    def visit(folder: str, ancestors: frozenset[tuple[int, int]]) -> None:
        st = os.stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in ancestors:
            found.append(Input(folder, error="symbolic link loop (leads back into a folder above it)"))
            return
        if key in visited:
            return
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(Input(folder, error=f"cannot list folder ({exc.strerror or exc})"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            try:
                target = os.stat(path)
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    found.append(Input(path, error="symbolic link loop"))
                elif _is_letter_name(entry.name):
                    found.append(Input(path, error="broken symbolic link (target missing)"))
                continue
            if stat_mod.S_ISDIR(target.st_mode):
                visit(path, ancestors | {key})
            elif stat_mod.S_ISREG(target.st_mode) and _is_letter_name(entry.name):
                found.append(Input(path))

    visit(top, frozenset())
    return found


def expand_inputs(args: list[str]) -> tuple[list[Input], bool]:
    """Inputs for the command-line arguments, and whether they name a single letter (not a batch).

    Folders are walked, globs expanded (also when quoted), '-' reads stdin; a missing path becomes
    an error input. Raises UsageError for a folder without letters or stdin named twice.
    """
    inputs: list[Input] = []
    single = len(args) == 1
    stdin_seen = False
    for arg in args:
        if arg == "-":
            if stdin_seen:
                raise UsageError("stdin ('-') given more than once")
            stdin_seen = True
            inputs.append(Input("-", data=sys.stdin.buffer.read()))
        elif os.path.isdir(arg):
            single = False
            letters = walk_letters(arg)
            if not letters:
                raise UsageError(f"no documents ({', '.join(LETTER_SUFFIXES)}) in {arg}")
            inputs.extend(letters)
        elif os.path.lexists(arg):
            try:
                os.stat(arg)
            except OSError as exc:
                reason = "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
                inputs.append(Input(arg, error=reason))
            else:
                inputs.append(Input(arg))
        elif glob.has_magic(arg):
            single = False
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                inputs.append(Input(arg, error="no files match this pattern"))
            for match in matches:
                if os.path.isdir(match):
                    inputs.extend(walk_letters(match))
                else:
                    inputs.append(Input(match))
        else:
            inputs.append(Input(arg, error="no such file"))
    return inputs, single


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


# --- worker processes -----------------------------------------------------------------------------


def _exit_with_parent() -> None:
    """End this worker soon after its parent is gone (even SIGKILLed), instead of finishing a letter
    nobody will read."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_main(conn: Any, options: ExtractOptions) -> None:
    """Body of a worker process: set up the engine, then process (index, path, data) messages."""
    _exit_with_parent()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # stdout carries the parent's data only
    if not options.debug:
        os.dup2(devnull, 2)  # library chatter; errors come back through the pipe
    if conn.poll(0):  # the letter this worker will likely get first, sent right after its start
        message = conn.recv()
        if message is None:
            return
        if message[0] == "first":
            options = replace(options, first=message[1:])
    try:
        run = options.engine(options)
    except BaseException as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        return
    conn.send(("ready",))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is not None and message[0] == "first":
            continue
        if message is None:
            # Done: skip the interpreter's teardown (freeing spaCy's objects one by one takes longer
            # than the letter); the worker has nothing to flush but its pipe.
            conn.close()
            os._exit(0)
        index, path, data = message
        try:
            if data is not None:
                sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
            report = run(path)
            conn.send(("ok", index, report))
        except LetterError as exc:
            conn.send(("fail", index, exc.reason, traceback.format_exc(), False))
        except Exception as exc:
            conn.send(("fail", index, f"internal error: {type(exc).__name__}: {exc}",
                       traceback.format_exc(), True))


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Start children with SIGINT ignored (kept across exec): Ctrl-C goes to the whole process group,
    and the parent, not each worker, decides how to stop."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


class Worker:
    """A worker process, the parent's end of its pipe, and the letter it is on."""

    def __init__(self, ctx: Any, options: ExtractOptions, first: Input | None = None):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, options), daemon=True)
        with _sigint_ignored():
            self.proc.start()
        child.close()
        if first is not None:  # read while the worker loads the pipeline (prefetch.py)
            self.conn.send(("first", first.path, first.data))
        self.ready = False
        self.task: int | None = None
        self.deadline: float | None = None
        self.done = 0

    def stop(self, *, kill: bool = False) -> None:
        if self.proc.is_alive():
            if not kill:
                with contextlib.suppress(OSError):
                    self.conn.send(None)
                self.proc.join(2)
            if self.proc.is_alive():
                self.proc.kill()
        self.proc.join()
        self.conn.close()


class FatalError(Exception):
    """The workers cannot start (e.g. the pipeline fails to load): the whole run stops."""

    def __init__(self, message: str, details: str | None = None):
        super().__init__(message)
        self.details = details


def _exit_description(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


# --- the run --------------------------------------------------------------------------------------


@dataclass
class Outcome:
    report: Report | None = None
    reason: str | None = None
    details: str | None = None  # traceback text, shown under --debug
    internal: bool = False


@dataclass
class Stats:
    letters: int = 0
    done: int = 0
    commitments: int = 0
    failed: int = 0
    internal: int = 0
    warned: int = 0  # letters with warnings (printed for a single letter, counted for a batch)
    skipped: int = 0


class Run:
    """One `extract` run: dispatch letters to workers, enforce time limits, emit in input order."""

    def __init__(self, inputs: list[Input], options: ExtractOptions, sink: Sink, out: Output, *,
                 workers: int, single: bool, progress: Any = None):
        self.inputs, self.options, self.sink, self.out = inputs, options, sink, out
        self.n_workers, self.single, self.progress = workers, single, progress
        self.task_id = None
        self.results: dict[int, Outcome] = {}
        self.next_emit = 0
        self.stats = Stats(letters=len(inputs))
        self.stop_signal: int | None = None
        self.pool: list[Worker] = []

    # signals: only set a flag; the loop looks at it at least every POLL_SECONDS
    def _on_signal(self, signum: int, frame: Any) -> None:
        self.stop_signal = signum

    @contextlib.contextmanager
    def signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        old = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)

    def emit(self, index: int, outcome: Outcome) -> None:
        inp = self.inputs[index]
        if outcome.report is not None:
            report = outcome.report
            self.stats.done += 1
            self.stats.commitments += len(report.commitments)
            self.stats.warned += bool(report.warnings)
            self.out.write(self.sink.item(report))
            if self.single:
                for warning in report.warnings:
                    _err(f"toezegging: {inp.path}: warning: {warning}")
        else:
            self.stats.failed += 1
            self.stats.internal += outcome.internal
            if self.options.debug and outcome.details:
                sys.stderr.write(outcome.details)
            _err(f"toezegging: {inp.path}: {outcome.reason}")
            if not self.single:
                self.out.write(self.sink.error(inp.path, outcome.reason or "failed"))
        if self.progress is not None:
            self.progress.update(self.task_id, advance=1, failed=self.stats.failed,
                                 name=shown(os.path.basename(inp.path))[:40])

    def emit_ready(self) -> None:
        while self.next_emit in self.results:
            self.emit(self.next_emit, self.results.pop(self.next_emit))
            self.next_emit += 1

    def emit_rest(self) -> None:
        """After a stop: write every finished letter, in input order, skipping the unfinished."""
        for index in sorted(self.results):
            self.emit(index, self.results.pop(index))

    def execute(self) -> None:
        """Process every input; returns early (leaving `stop_signal` set) on SIGINT/SIGTERM."""
        if self.progress is not None:
            self.task_id = self.progress.add_task("letters", total=len(self.inputs), failed=0, name="")
        queue: deque[int] = deque()
        for index, inp in enumerate(self.inputs):
            if inp.error is not None:
                self.results[index] = Outcome(reason=inp.error)
            else:
                queue.append(index)
        ctx = multiprocessing.get_context("spawn")
        size = min(self.n_workers, len(queue))
        window = max(4, 4 * size)  # how far ahead of the next letter to write workers may run
        timeout = self.options.timeout if self.options.timeout and self.options.timeout > 0 else None
        try:
            self.pool = [Worker(ctx, self.options, self.inputs[queue[i]]) for i in range(size)]
            while self.next_emit < len(self.inputs):
                self.emit_ready()
                if self.next_emit >= len(self.inputs) or self.stop_signal is not None:
                    break
                now = time.monotonic()
                for w in self.pool:
                    if w.ready and w.task is None and queue and queue[0] < self.next_emit + window:
                        index = queue.popleft()
                        inp = self.inputs[index]
                        w.conn.send((index, inp.path, inp.data))
                        w.task, w.deadline = index, (now + timeout if timeout else None)
                wait_for = POLL_SECONDS
                for w in self.pool:
                    if w.deadline is not None:
                        wait_for = min(wait_for, max(0.0, w.deadline - now))
                wait_any([w.conn for w in self.pool] + [w.proc.sentinel for w in self.pool], wait_for)
                for i, w in enumerate(self.pool):
                    if not self._poll(w) or self._timed_out(w, timeout):
                        self.pool[i] = self._replace(w, ctx, kill=True, needed=bool(queue))
                    elif w.task is None and w.done >= RECYCLE_AFTER and queue:
                        self.pool[i] = self._replace(w, ctx, kill=False, needed=True)
                self.pool = [w for w in self.pool if w is not None]
                if queue and not self.pool and self.stop_signal is None:
                    self.pool = [Worker(ctx, self.options)]
        finally:
            for w in self.pool:
                w.stop(kill=self.stop_signal is not None or w.task is not None)
            self.pool = []

    def _replace(self, w: Worker, ctx: Any, *, kill: bool, needed: bool) -> Worker | None:
        w.stop(kill=kill)
        return Worker(ctx, self.options) if needed and self.stop_signal is None else None

    def _poll(self, w: Worker) -> bool:
        """Take every message a worker has sent; False when the worker process has gone."""
        try:
            while w.conn.poll():
                self._handle(w, w.conn.recv())
        except (EOFError, OSError):
            pass
        if w.proc.is_alive():
            return True
        w.proc.join()
        if self.stop_signal is not None:
            return False  # it died of the same signal as this process: no verdict on its letter
        if not w.ready:
            raise FatalError(f"worker process ended during start-up ({_exit_description(w.proc.exitcode)})")
        if w.task is not None:
            self.results[w.task] = Outcome(
                reason=f"worker process crashed on this letter ({_exit_description(w.proc.exitcode)})")
            w.task = None
        return False

    def _handle(self, w: Worker, message: tuple) -> None:
        kind = message[0]
        if kind == "ready":
            w.ready = True
        elif kind == "fatal":
            raise FatalError(message[1], message[2])
        elif kind == "ok":
            self.results[message[1]] = Outcome(report=message[2])
            w.task, w.deadline, w.done = None, None, w.done + 1
        elif kind == "fail":
            _, index, reason, details, internal = message
            self.results[index] = Outcome(reason=reason, details=details, internal=internal)
            w.task, w.deadline, w.done = None, None, w.done + 1

    def _timed_out(self, w: Worker, timeout: float | None) -> bool:
        if w.task is None or w.deadline is None or time.monotonic() < w.deadline:
            return False
        self.results[w.task] = Outcome(reason=f"timed out after {timeout:g} s")
        w.task = None
        return True


def _progress(single: bool) -> Any:
    """A progress bar on stderr, or None when stderr is not a terminal (no noise in logs and pipes)."""
    if not _is_tty(sys.stderr):
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns: list[Any] = [SpinnerColumn(), TextColumn("extracting", markup=False)]
    if not single:
        columns += [BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[failed]} failed", markup=False),
                    TimeElapsedColumn(), TimeRemainingColumn()]
    columns.append(TextColumn("{task.fields[name]}", markup=False))
    return Progress(*columns, console=Console(stderr=True, highlight=False), transient=True,
                    redirect_stdout=_is_tty(sys.stdout), redirect_stderr=True)


def _summary(stats: Stats, *, output: Path | None, stopped: str | None) -> str:
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    parts = [f"{n(stats.done, 'letter')} done", n(stats.commitments, "commitment"),
             f"{stats.failed} failed"]
    if stats.warned:
        parts.append(f"{stats.warned} with warnings")
    if stats.skipped:
        parts.append(f"{stats.skipped} skipped (already in {output})")
    head = "toezegging: "
    if stopped:
        head += f"{stopped} after {stats.done + stats.failed} of {stats.letters} letters: "
    return head + ", ".join(parts)


def run_extract(paths: list[str], options: ExtractOptions, *, format: str | None = None,
                output: Path | str | None = None, workers: int = 1, resume: bool = False,
                lang: str | None = None, explain: bool = False) -> int:
    """Run `toezegging extract`; returns the exit code.

    0 every letter done; 1 some letters failed (one stderr line each, and an error record in JSON
    output); 2 a usage error or the single letter given could not be read; 3 an internal error;
    130/143 stopped by SIGINT/SIGTERM; 141 stdout closed by its reader.
    """
    output = Path(output) if output is not None else None
    try:
        return _run_extract(paths, options, format=format, output=output, workers=workers, resume=resume,
                            lang=lang, explain=explain)
    except UsageError as exc:
        _err(f"toezegging: {exc}")
        return 2
    except StdoutClosed:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    except FatalError as exc:
        if options.debug and exc.details:
            sys.stderr.write(exc.details)
        _err(f"toezegging: internal error: {exc}")
        return 3
    except Exception as exc:
        if options.debug:
            traceback.print_exc()
        _err(f"toezegging: internal error: {type(exc).__name__}: {exc}")
        return 3


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail (Python docs, SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run_extract(paths: list[str], options: ExtractOptions, *, format: str | None, output: Path | None,
                 workers: int, resume: bool, lang: str | None = None, explain: bool = False) -> int:
    if not paths:
        raise UsageError("no letters given")
    if resume and output is None:
        raise UsageError("--resume needs --output")
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if resume and (format or _SUFFIX_FORMATS.get(output.suffix.lower(), "jsonl")) != "jsonl":
        raise UsageError("--resume works only with --format jsonl")
    if options.dask:
        from toezegging_cli.dask_engine import require_distributed

        require_distributed()
    inputs, single = expand_inputs(paths)
    fmt = format or ("jsonl" if resume else default_format(output, single, _is_tty(sys.stdout)))
    stdout_tty = output is None and _is_tty(sys.stdout)
    width = shutil.get_terminal_size((100, 24)).columns if stdout_tty else 100
    # a folder on a terminal, format not chosen: one summary row per letter
    sink = Sink(fmt, array=not single, color=stdout_tty, width=width, lang=lang, explain=explain,
                rows=not single and stdout_tty and format is None)

    skipped = 0
    try:
        if resume:
            done = prepare_resume(output, inputs)
            todo = [i for i in inputs if i.path == "-" or _same_path(i.path) not in done]
            skipped = len(inputs) - len(todo)
            inputs = todo
        out = Output(output, append=resume)
    except OSError as exc:
        raise UsageError(f"{output}: cannot write output ({exc.strerror or exc})") from exc

    progress = _progress(single)
    run_class: type[Run] = Run
    if options.dask:
        from toezegging_cli.dask_engine import DaskRun as run_class
    run = run_class(inputs, options, sink, out, workers=workers, single=single, progress=progress)
    run.stats.skipped = skipped
    try:
        with run.signals(), progress if progress is not None else contextlib.nullcontext():
            out.write(sink.start())
            run.execute()
            if run.stop_signal is not None:
                run.emit_rest()
            out.write(sink.end())
    finally:
        out.close()

    stats = run.stats
    if run.stop_signal is not None:
        name = signal.Signals(run.stop_signal).name
        _err(_summary(stats, output=output, stopped=f"stopped by {name}"))
        return EXIT_INTERRUPTED.get(run.stop_signal, 130)
    if single and not skipped:
        return 0 if not stats.failed else (3 if stats.internal else 2)
    _err(_summary(stats, output=output, stopped=None))
    if stats.internal:
        return 3
    return 1 if stats.failed else 0
