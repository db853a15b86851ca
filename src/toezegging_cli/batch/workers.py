"""Worker processes: each loads the pipeline once, runs letters and is killed when one exceeds its time."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from toezegging_cli.batch.inputs import Input
from toezegging_cli.batch.options import ExtractOptions
from toezegging_cli.errors import LetterError

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


def start_method(single: bool) -> str:
    """How worker processes start: `fork` for a single letter on Linux while this process runs one
    thread (the child reuses the modules already imported, which saves a fresh interpreter's start-up
    on the one-letter path), else `spawn` (a batch has the progress bar's thread, and a fork beside
    a running thread may copy a held lock)."""
    import multiprocessing

    if (single and sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods()):
        return "fork"
    return "spawn"


def _worker_main(conn: Any, options: ExtractOptions) -> None:
    """Body of a worker process: set up the engine, then process (index, path, data) messages."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the parent's handler
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
