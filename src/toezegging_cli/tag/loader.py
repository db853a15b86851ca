"""Load the shipped pipeline quickly: the same `Language` as `spacy.load`, built in a fraction of
the time.

`spacy.load` parses and validates the whole config, fills spaCy's function registry, and builds the
tokenizer twice: once with the Dutch defaults when the `Language` is made, then again from the
saved tokenizer. For the one pipeline this package ships (Dutch, the components of
`pipeline.COMPONENTS`, the default tokenizer) `load` builds the `Language` directly from the saved
files: the vocab, the tokenizer's patterns and special cases (loaded once), and each component's
tables. Nothing is cached between processes: every file is read from the model folder on each load,
so a rebuilt model is what loads. A folder whose config is anything else goes to `spacy.load`.

`import_spacy` imports spaCy without its command-line package: spaCy's `__init__` imports
`spacy.cli` (typer, weasel, the download code) only to export `spacy.info`, which is a third of
the import time. A stand-in `spacy.cli.info` exports an `info` that imports the real one when called,
and is removed from `sys.modules` afterwards, so a later `import spacy.cli` gets the real package.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toezegging_cli import precompiled

if TYPE_CHECKING:
    from spacy.language import Language


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, imported on first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`import spacy`, without importing `spacy.cli` when spaCy is not imported yet."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli.info"] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]
    return spacy


def _expected_config(config: Any, components: tuple[str, ...]) -> bool:
    """True when the saved config is the plain one `pipeline.build` writes."""
    nlp = config.get("nlp", {})
    saved = config.get("components", {})
    return (nlp.get("lang") == "nl" and list(nlp.get("pipeline", [])) == list(components)
            and not nlp.get("disabled") and nlp.get("before_creation") is None
            and nlp.get("after_creation") is None and nlp.get("after_pipeline_creation") is None
            and nlp.get("tokenizer") == {"@tokenizers": "spacy.Tokenizer.v1"}
            and sorted(saved) == sorted(components)
            and all(dict(saved[name]) == {"factory": name} for name in components))


def _tokenizer(vocab: Any, path: Path) -> Any:
    """The saved tokenizer; its special cases are added as texts need them (`LazyRulesTokenizer`)."""
    import srsly

    data = srsly.msgpack_loads(path.read_bytes())

    def pattern(key: str) -> Any:
        return precompiled.compile(data[key]) if isinstance(data.get(key), str) else None

    prefix, suffix, infix = pattern("prefix_search"), pattern("suffix_search"), pattern("infix_finditer")
    token_match, url_match = pattern("token_match"), pattern("url_match")
    tokenizer = _lazy_class()(
        vocab,
        None,
        prefix.search if prefix else None,
        suffix.search if suffix else None,
        infix.finditer if infix else None,
        token_match.match if token_match else None,
        url_match.match if url_match else None,
        faster_heuristics=data.get("faster_heuristics", True),
    )
    if isinstance(data.get("exceptions"), dict):
        tokenizer.defer_rules(data["exceptions"])
    return tokenizer


_LAZY_CLASS: Any = None
EAGER_AFTER = 16  # texts; then every special case is added, once, and texts are no longer scanned


def _lazy_class() -> Any:
    """`LazyRulesTokenizer`, a subclass of spaCy's `Tokenizer` (defined once spaCy is imported)."""
    global _LAZY_CLASS
    if _LAZY_CLASS is not None:
        return _LAZY_CLASS
    from spacy.tokenizer import Tokenizer

    from toezegging_cli.tag.base import TEXT_KEY

    class LazyRulesTokenizer(Tokenizer):
        """spaCy's `Tokenizer`, with the special cases (~4,700, most of the loading time) added only
        when a text could use them.

        A special case changes the tokens of a text only where spaCy finds it: as a whole
        whitespace-free chunk or part of one, or through its phrase matcher as a run of tokens that
        may have whitespace between them. Either way the case's text, whitespace removed, occurs in
        the text with its whitespace removed; every case passing that test is added before the text
        is tokenized, so each text gets the tokens the full table gives. After `EAGER_AFTER` texts
        (a batch) the rest is added at once. Reading `rules` or serialising adds them all first.
        """

        def defer_rules(self, rules: dict) -> None:
            self._pending: dict[str, list] = {}
            self._index: dict[str, list[tuple[str, str]]] = {}
            self._texts = 0
            now = {}
            for key, substrings in rules.items():
                bare = "".join(key.split())
                if len(bare) < 3:
                    now[key] = substrings
                else:
                    self._pending[key] = substrings
                    self._index.setdefault(bare[:3], []).append((bare, key))
            self._load_all(now)

        def _load_all(self, rules: dict) -> None:
            for key, substrings in rules.items():
                self.add_special_case(key, substrings)

        def _load_for(self, text: str) -> None:
            self._texts += 1
            if self._texts > getattr(self, "eager_after", EAGER_AFTER):
                self._load_everything()
                return
            bare = "".join(text.split())
            grams = {bare[i:i + 3] for i in range(len(bare) - 2)}
            found = {}
            for gram in grams & self._index.keys():
                for case, key in self._index[gram]:
                    if key in self._pending and case in bare:
                        found[key] = self._pending.pop(key)
            self._load_all(found)

        def _load_everything(self) -> None:
            pending = getattr(self, "_pending", None)
            if pending:
                self._pending, self._index = {}, {}
                self._load_all(pending)

        def __call__(self, string: str) -> Any:
            if getattr(self, "_pending", None):
                self._load_for(string)
            doc = super().__call__(string)
            doc.user_data[TEXT_KEY] = string  # spaCy's tokens join to exactly this text
            return doc

        def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
            for text in texts:
                yield self(text)

        @property
        def rules(self) -> dict:
            self._load_everything()
            return Tokenizer.rules.__get__(self)

        @rules.setter
        def rules(self, rules: dict) -> None:
            self._pending, self._index = {}, {}
            Tokenizer.rules.__set__(self, rules)

        def explain(self, text: str) -> Any:
            self._load_everything()
            return super().explain(text)

        def to_bytes(self, **kwargs: Any) -> bytes:
            self._load_everything()
            return super().to_bytes(**kwargs)

        def to_disk(self, path: Any, **kwargs: Any) -> None:
            self._load_everything()
            super().to_disk(path, **kwargs)

        def __reduce__(self) -> Any:
            self._load_everything()
            return (Tokenizer, (self.vocab, Tokenizer.rules.__get__(self), self.prefix_search,
                                self.suffix_search, self.infix_finditer, self.token_match, self.url_match))

    _LAZY_CLASS = LazyRulesTokenizer
    return _LAZY_CLASS


def load(path: Path) -> Language:
    """The pipeline saved at `path`, as `spacy.load(path)` returns it."""
    spacy = import_spacy()
    from thinc.api import Config

    from toezegging_cli.tag.pipeline import COMPONENTS

    path = Path(path)
    config = Config().from_disk(path / "config.cfg", interpolate=False)
    if not _expected_config(config, COMPONENTS) or not (path / "tokenizer").is_file():
        return spacy.load(path)
    nlp = bare_language(path)
    for name in COMPONENTS:
        component = nlp.add_pipe(name)
        if hasattr(component, "from_disk") and (path / name).exists():
            component.from_disk(path / name, exclude=["vocab"])
    return nlp


def bare_language(path: Path) -> Language:
    """A Dutch `Language` with the meta, vocab and tokenizer saved at `path` and no components yet:
    the tokenizer read once, its special cases added as texts need them (`_tokenizer`)."""
    import srsly
    from spacy.lang.nl import Dutch

    meta = srsly.read_json(path / "meta.json") if (path / "meta.json").exists() else {}
    nlp = Dutch(meta=meta, create_tokenizer=lambda nlp: _Placeholder())
    if (path / "vocab").exists():
        nlp.vocab.from_disk(path / "vocab")
    nlp.tokenizer = _tokenizer(nlp.vocab, path / "tokenizer")
    return nlp


class _Placeholder:
    """Stands for the tokenizer until the saved one replaces it (never called)."""

    def __call__(self, text: str) -> Any:
        raise RuntimeError("tokenizer not loaded")
