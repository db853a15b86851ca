"""The stored regex programs (`precompiled.py`) match exactly as `re.compile` does, the prefilter
literals stored with them are the ones worked out from the pattern, and a pattern the table lacks or
a table for another regex engine falls back to compiling."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from toezegging_cli import precompiled, prefilter
from toezegging_cli.assemble.triggers import trigger_patterns, triggers
from toezegging_cli.tag import model_path

REPO = Path(__file__).resolve().parents[1]
TEXTS = sorted((REPO / "eval" / "letters").glob("*.txt"))[:40]


def stored() -> dict:
    return json.loads((model_path() / precompiled.TABLE_NAME).read_text("utf-8"))


def test_table_is_for_this_engine_and_holds_every_trigger_and_tokenizer_pattern():
    table = stored()
    assert table["engine"] == precompiled.engine()
    keys = set(table["patterns"])
    missing = [p for p, flags in trigger_patterns() if f"{int(flags)}:{p}" not in keys]
    assert missing == []
    from toezegging_cli.tag import load_pipeline

    tokenizer = load_pipeline().tokenizer
    for search in (tokenizer.prefix_search, tokenizer.suffix_search, tokenizer.infix_finditer):
        assert f"0:{search.__self__.pattern}" in keys


def test_stored_patterns_match_as_freshly_compiled_ones():
    texts = [p.read_text("utf-8") for p in TEXTS]
    assert texts, "no evaluation letters"
    checked = 0
    for key in stored()["patterns"]:
        flags, text = key.split(":", 1)
        loaded, fresh = precompiled.compile(text, int(flags)), re.compile(text, int(flags))
        assert loaded is not fresh  # really built from the table, not re's cache
        assert (loaded.pattern, loaded.flags, loaded.groups, loaded.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for body in texts[:10]:
            assert [m.span() for m in loaded.finditer(body)] == [m.span() for m in fresh.finditer(body)]
        checked += 1
    assert checked > 200


def test_trigger_patterns_come_from_the_table():
    stored_programs = stored()["patterns"]
    pattern = triggers().earlier[0]
    assert f"{int(re.I)}:{pattern.pattern}" in stored_programs
    assert prefilter.required(pattern) == prefilter.analyse(pattern)
    assert precompiled.literals(pattern) == prefilter.analyse(pattern)


def test_every_stored_literal_group_is_the_one_worked_out():
    for pattern in (p for family in vars(triggers()).values()
                    for p in (family if isinstance(family, tuple) else (family,))):
        if precompiled.literals(pattern) is not None:
            assert precompiled.literals(pattern) == prefilter.analyse(pattern), pattern.pattern


def test_a_pattern_not_in_the_table_is_compiled():
    pattern = precompiled.compile(r"\bnieuw patroon dat nergens staat\b", re.I)
    assert pattern.search("Een Nieuw patroon dat nergens staat.")
    assert precompiled.literals(pattern) is None
    assert prefilter.required(pattern) == prefilter.analyse(pattern)


def test_a_table_for_another_engine_is_not_used(tmp_path, monkeypatch):
    table = stored()
    table["engine"] = [[3, 99], 0, 4]
    (tmp_path / precompiled.TABLE_NAME).write_text(json.dumps(table), encoding="utf-8")
    monkeypatch.setattr("toezegging_cli.tag.model_path", lambda: tmp_path)
    precompiled._table.cache_clear()
    precompiled._by_compiled_flags.cache_clear()
    try:
        assert precompiled._table() == {}
        text = next(iter(table["patterns"])).split(":", 1)[1]
        assert precompiled.compile(text).pattern == text
    finally:
        precompiled._table.cache_clear()
        precompiled._by_compiled_flags.cache_clear()


@pytest.mark.parametrize("pattern", [r"(?P<kort>\d+) (?P=kort)", r"(?i)a(b)?c", r"[^\W\d_]+-\w"])
def test_program_is_what_re_compiles(pattern):
    """The stored program of a pattern with named groups, inline flags and classes behaves as re's."""
    entry = precompiled.program(pattern)
    import _sre

    loaded = _sre.compile(pattern, entry["flags"], entry["code"], entry["groups"], entry["groupindex"],
                          tuple(entry["indexgroup"]))
    fresh = re.compile(pattern)
    assert (loaded.flags, loaded.groups, loaded.groupindex) == (fresh.flags, fresh.groups, fresh.groupindex)
    for text in ["12 12", "12 13", "ABC ac", "Kamer-lid tweede-Kamer 3-4"]:
        assert [m.groups() for m in loaded.finditer(text)] == [m.groups() for m in fresh.finditer(text)]
