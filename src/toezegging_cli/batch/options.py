"""What a batch run is told (`ExtractOptions`), its constants, and small helpers shared by its parts."""

from __future__ import annotations

import hashlib
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
