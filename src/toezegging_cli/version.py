"""What `toezegging --version` prints: the program, the shipped model and the data it reads.

Kept free of spaCy and PDF libraries so that `--version` stays instant: the model's meta.json is
read as plain JSON, and each data file is named with the start of its SHA-256, which changes with
every edit (the files carry no version of their own).
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

from toezegging_cli import __version__

MODELS = ("toezegging_nl", "toezegging_sentences")
HASH_CHARS = 12


def _model_dir(name: str) -> Path | None:
    """The model inside the installed package, else in the checkout's models/ folder."""
    packaged = Path(str(resources.files("toezegging_cli").joinpath("models", name)))
    repo = Path(__file__).resolve().parents[2] / "models" / name
    return next((p for p in (packaged, repo) if (p / "meta.json").is_file()), None)


def model_lines() -> list[str]:
    """One line per shipped model: name, version, build date, spaCy range."""
    lines = []
    for name in MODELS:
        folder = _model_dir(name)
        if folder is None:
            continue
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        built = meta.get("build_date") or "unknown"
        lines.append(f"model {meta.get('name', name)} {meta.get('version', '?')}, built {built} "
                     f"(spaCy {meta.get('spacy_version', '?')})")
    return lines or ["model: none found (run `toezegging build-model`)"]


def data_lines() -> list[str]:
    """One line per data file: name and the first characters of its SHA-256."""
    folder = resources.files("toezegging_cli.data")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".csv", ".toml")):
            digest = hashlib.sha256(entry.read_bytes()).hexdigest()[:HASH_CHARS]
            out.append(f"  {entry.name} {digest}")
    return ["data (sha256):", *out]


def version_text() -> str:
    return "\n".join([f"toezegging {__version__}", *model_lines(), *data_lines()]) + "\n"
