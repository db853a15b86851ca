"""Errors a user can cause with a bad input: each carries the file and a one-line reason."""

from __future__ import annotations


class LetterError(Exception):
    """A letter that cannot be read; `str()` is the one line shown to the user."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
