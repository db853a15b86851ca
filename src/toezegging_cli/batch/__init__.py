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
import multiprocessing
import os
import shutil
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_any
from pathlib import Path
from typing import Any

from toezegging_cli.batch.inputs import (
    Input,
    UsageError,
    expand_inputs,
    walk_letters,
)
from toezegging_cli.batch.options import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    POLL_SECONDS,
    RECYCLE_AFTER,
    ExtractOptions,
    _err,
    _is_tty,
    _same_path,
    _sha256_file,
    pipeline_engine,
    shown,
)
from toezegging_cli.batch.output import (
    _SUFFIX_FORMATS,
    Output,
    Sink,
    StdoutClosed,
    default_format,
    prepare_resume,
)
from toezegging_cli.batch.workers import FatalError, Worker, _exit_description, start_method
from toezegging_cli.model import Report

# The names library users and the register take from `toezegging_cli.batch`.
__all__ = [
    "_SUFFIX_FORMATS",
    "ExtractOptions",
    "Input",
    "Outcome",
    "Run",
    "Sink",
    "UsageError",
    "_sha256_file",
    "expand_inputs",
    "pipeline_engine",
    "prepare_resume",
    "run_extract",
    "shown",
    "walk_letters",
]

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
        ctx = multiprocessing.get_context(start_method(self.single))
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
