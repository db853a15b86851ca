"""The language of the human-readable output: which one, its words (`data/labels.toml`) and dates.

Rule for the default language: the first set one of `LC_ALL`, `LC_MESSAGES`, `LANG` decides; a
locale starting with `nl` gives Dutch, any other real locale (`en_GB.UTF-8`, `de_DE`) English.
When none is set, or it is `C`/`POSIX` (which names no language), the output is Dutch, the language
of the letters and of the register. `--lang nl|en` overrides the rule.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

LANGS = ("nl", "en")
DEFAULT = "nl"
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
_NO_LANGUAGE = ("C", "POSIX")


def resolve_lang(lang: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """`lang` when given, else the language the locale asks for (see the module docstring)."""
    if lang:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r} (use {' or '.join(LANGS)})")
        return lang
    env = os.environ if environ is None else environ
    locale = next((env[v] for v in _LOCALE_VARS if env.get(v)), "")
    name = locale.split(".")[0].split("@")[0]
    if not name or name in _NO_LANGUAGE:
        return DEFAULT
    return "nl" if name.lower().startswith("nl") else "en"


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict]:
    text = resources.files("toezegging_cli.data").joinpath("labels.toml").read_text("utf-8")
    return tomllib.loads(text)


def label(key: str, lang: str, **fields: object) -> str:
    """The word or template `key` in `lang`, filled with `fields`."""
    text = _labels()[lang][key]
    return text.format(**fields) if fields else text


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(iso)[:10])
    except (TypeError, ValueError):
        return None


def long_date(iso: str | None, lang: str) -> str:
    """'30 september 2023' (nl) / '30 September 2023' (en); the input as is when it is no date."""
    day = _day(iso)
    if day is None:
        return iso or ""
    return f"{day.day} {_labels()[lang]['months'][day.month - 1]} {day.year}"


def short_date(iso: str | None, lang: str) -> str:
    """'30-09-2023' (nl, as Dutch documents write it) / '2023-09-30' (en)."""
    day = _day(iso)
    if day is None:
        return iso or ""
    return day.strftime("%d-%m-%Y") if lang == "nl" else day.isoformat()


def both_dates(iso: str | None, lang: str) -> str:
    """'30 september 2023 (2023-09-30)': the readable date beside the ISO one."""
    day = _day(iso)
    return f"{long_date(iso, lang)} ({day.isoformat()})" if day else (iso or "")
