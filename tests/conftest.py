"""Shared fixtures: the development corpus lives beside the repo in ../shared (CI has it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("TOEZEGGING_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus folder (letters/ and gold/); skips where a user's clone lacks it."""
    if not (CORPUS / "letters").is_dir():
        pytest.skip(f"development corpus not found at {CORPUS} (only in CI and the dev workspace)")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_pdfs(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "letters").glob("*.pdf"))


@pytest.fixture(scope="session")
def corpus_letters(corpus_dir: Path) -> list[Path]:
    return sorted(p for p in (corpus_dir / "letters").iterdir() if p.suffix in {".pdf", ".txt"})
