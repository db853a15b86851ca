"""Regular expressions loaded precompiled: what `re` makes of the pipeline's patterns, stored at build time.

On every start, compiling the tokenizer's punctuation patterns and the trigger phrases, and parsing
the triggers for the literals the prefilter looks for, costs more than a tenth of a second, a tenth
of a one-letter run. `toezegging build-model` stores, for each of those patterns, the `_sre` program
`re` compiles it to and its prefilter literals, in `regex_table.json` inside the saved pipeline. At
run time `compile` takes the stored program only when the pattern text, its flags and this Python's
regex engine (version and `_sre.MAGIC`) all equal the stored ones, and compiles as usual otherwise:
an edited pattern or another Python costs time, never a different match. The fresh-build test keeps
the shipped table equal to a new build.
"""

from __future__ import annotations

import _sre
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from re import _compiler, _parser  # the two halves of re.compile, as it runs them
from typing import Any

TABLE_NAME = "regex_table.json"
_seen: list[tuple[str, int]] | None = None  # while `recording`: every pattern `compile` is asked for


def engine() -> list:
    """The regex engine the stored programs are for."""
    return [list(sys.version_info[:2]), _sre.MAGIC, _sre.CODESIZE]


def program(pattern: str, flags: int = 0) -> dict[str, Any]:
    """What `re.compile(pattern, flags)` hands to `_sre.compile` (as re/_compiler.py builds it)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return {"flags": flags | parsed.state.flags, "code": list(code), "groups": parsed.state.groups - 1,
            "groupindex": groupindex, "indexgroup": indexgroup}


def build_table(patterns: list[tuple[str, int]], literals: Any) -> dict[str, Any]:
    """The table for `patterns` ((text, flags) pairs); `literals(compiled)` gives a pattern's
    prefilter groups (`prefilter.analyse`)."""
    entries = {}
    for text, flags in patterns:
        key = f"{int(flags)}:{text}"
        if key not in entries:
            groups = literals(re.compile(text, flags))
            entries[key] = {**program(text, flags), "literals": [sorted(g) for g in groups]}
    return {"engine": engine(), "patterns": dict(sorted(entries.items()))}


def write_table(folder: Path, patterns: list[tuple[str, int]], literals: Any) -> Path:
    path = Path(folder) / TABLE_NAME
    path.write_text(json.dumps(build_table(patterns, literals), ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    return path


@cache
def _table() -> dict[str, Any]:
    """Stored programs by '<flags given>:<pattern>'; empty when the table is missing or for another engine."""
    from toezegging_cli.tag import model_path

    try:
        data = json.loads((model_path() / TABLE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("patterns", {}) if data.get("engine") == engine() else {}


@cache
def _by_compiled_flags() -> dict[str, Any]:
    """The same entries by '<flags of the compiled pattern>:<pattern>' (`re.I` becomes `re.I | re.U`)."""
    return {f"{entry['flags']}:{key.split(':', 1)[1]}": entry for key, entry in _table().items()}


@contextmanager
def recording() -> Iterator[list[tuple[str, int]]]:
    """Collect the (pattern, flags) pairs `compile` is asked for (the build step runs each
    component's `compile` inside this to learn which patterns to store)."""
    global _seen
    _seen = []
    try:
        yield _seen
    finally:
        _seen = None


def compile(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, from the stored program when there is one for this engine."""
    if _seen is not None:
        _seen.append((pattern, int(flags)))
    entry = _table().get(f"{int(flags)}:{pattern}")
    if entry is None:
        return re.compile(pattern, flags)
    return _sre.compile(pattern, entry["flags"], entry["code"], entry["groups"], entry["groupindex"],
                        tuple(entry["indexgroup"]))


def literals(pattern: re.Pattern) -> tuple[frozenset[str], ...] | None:
    """The stored prefilter groups of `pattern`, or None when the table does not hold it."""
    entry = _by_compiled_flags().get(f"{pattern.flags}:{pattern.pattern}")
    if entry is None:
        return None
    return tuple(frozenset(g) for g in entry["literals"])
