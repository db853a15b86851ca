"""Inputs of a batch: files, folders (walked for letters and transcripts), globs and stdin."""

from __future__ import annotations

import errno
import glob
import os
import stat as stat_mod
import sys
from dataclasses import dataclass

from toezegging_cli.batch.options import LETTER_SUFFIXES

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
