"""Read a worker's first letter in a forked process while the worker loads the pipeline.

A fresh worker spends most of its first second importing spaCy and loading the pipeline; reading the
letter (pdfplumber's import and layout pass) does not need either. When the parent names the letter
a new worker will most likely get, the worker forks before importing spaCy; the fork reads that
letter on the other core and hands the `Letter` back through a pipe. The worker uses it only when
the letter it is then given has the same path and the read succeeded; otherwise (another letter, a
read error, a crash) it reads the letter itself, so errors, crashes and `--timeout` behave exactly
as without the prefetch. On one core nothing is forked.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import sys
import threading
import time
from typing import Any

from toezegging_cli.model import Letter


def _die_with_parent() -> None:
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class Prefetch:
    """One letter being read in a forked child process."""

    def __init__(self, path: str, data: bytes | None, options: Any):
        self.path = path
        self.fd, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: read, send, leave without running any cleanup
            code = 1
            try:
                os.close(self.fd)
                _die_with_parent()
                if data is not None:
                    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
                from toezegging_cli.read import read_letter

                letter = read_letter(path, reader=options.reader, password=options.password,
                                     max_pages=options.max_pages, ocr=options.ocr)
                payload = pickle.dumps(letter, protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                code = 0
            finally:
                os._exit(code)
        os.close(write)

    def take(self, path: str) -> Letter | None:
        """The letter read in the child when it is `path` and was read without error, else None."""
        payload = b""
        if path == self.path:
            with os.fdopen(self.fd, "rb") as pipe:
                payload = pipe.read()
        else:
            os.close(self.fd)
            with contextlib.suppress(OSError):
                os.kill(self.pid, 9)
        _, status = os.waitpid(self.pid, 0)
        if path != self.path or status != 0 or not payload:
            return None
        return pickle.loads(payload)


def start(first: tuple[str, bytes | None] | None, options: Any) -> Prefetch | None:
    """Fork a reader for `first` (path, stdin data) when there is a second core to run it on."""
    if first is None or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
        return None
    try:
        return Prefetch(first[0], first[1], options)
    except OSError:
        return None
