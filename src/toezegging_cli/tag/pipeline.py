"""The Dutch spaCy pipeline for letters to parliament: tokenizer, sentences and entities.

No pretrained Dutch model is used: `build()` starts from `spacy.blank("nl")`, adds tokenizer special
cases for letter Dutch (titles and abbreviations, a full stop after a party name, percentages) and
these registered components, in order:

- `letter_context`: copies the reference date of the letter (`nlp.pipe(..., as_tuples=True)`
  context `{"ref_date": date}`) to `doc._.ref_date`;
- `letter_lemmatizer`: lemmas from a lookup table (`ministers` → `minister`);
- `letter_sentencizer`: sentence boundaries that respect abbreviations, initials, `nr. 3`,
  Kamerstuk references and decimals, and break at paragraphs;
- `time_entities`: DATE and DEADLINE from `dates.find_time_expressions`;
- `debate_entities`, `member_entities`, `minister_entities`, `party_entities`: DEBATE, MEMBER,
  MINISTER and PARTY from the data tables.

Every entity carries its normalised value in `span._.value`; `doc.ents` never overlap (the longer
span wins, then the label's priority). The tables come from the package data (`entity_data.py`)
when the pipeline is built and are saved in each component's own folder, so
`spacy.load("models/toezegging_nl")` works once this module is imported and reads no CSV. Regexes
are compiled on a component's first use, which keeps loading fast.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_suffix_regex

from toezegging_cli.tag import entity_data

MODEL_NAME = "toezegging_nl"
MODEL_VERSION = "1.0.0"
REPO_MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / MODEL_NAME
PACKAGE_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / MODEL_NAME

COMPONENTS = ("letter_context", "letter_lemmatizer", "letter_sentencizer", "time_entities",
              "debate_entities", "member_entities", "minister_entities", "party_entities")

# When two candidate entities overlap and are equally long, the higher number wins.
LABEL_PRIORITY = {"DEBATE": 6, "MEMBER": 5, "MINISTER": 4, "DEADLINE": 3, "DATE": 2, "PARTY": 1}

if not Doc.has_extension("ref_date"):
    Doc.set_extension("ref_date", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", default=None)

_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
_LETTER = r"[^\W\d_]"


def _key(name: str) -> str:
    """Comparison form of a name: case and diacritics folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("’", "'").split())


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _alternation(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """One regex alternative per word, longest first; spaces match any run of whitespace."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = r"\s+".join(re.escape(w) for w in word.split())
        parts.append(f"(?i:{pattern})" if ignore_case else pattern)
    return "|".join(parts)


def add_entities(doc: Doc, found: list[tuple[Span, dict]]) -> None:
    """Merge new (span, value) pairs into `doc.ents`: longer spans first, then label priority."""
    candidates: list[tuple[Span, dict | None]] = [(s, None) for s in doc.ents]
    candidates += found
    candidates.sort(key=lambda c: (-(c[0].end - c[0].start), -LABEL_PRIORITY.get(c[0].label_, 0),
                                   c[0].start))
    taken = bytearray(len(doc))
    keep: list[tuple[Span, dict | None]] = []
    for span, value in candidates:
        if span.start == span.end or any(taken[span.start:span.end]):
            continue
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
        keep.append((span, value))
    for span, value in keep:
        if value is not None:
            span._.value = value
    doc.ents = sorted((s for s, _ in keep), key=lambda s: s.start)


class TableComponent:
    """A component whose tables come from the package data when the pipeline is built
    (`initialize`) and from its own folder when it is loaded (`from_disk`)."""

    file = "tables.json"

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.tables: dict[str, Any] = {}
        self._compiled: Any = None

    def collect(self) -> dict[str, Any]:
        """The component's tables from the package data files."""
        return {}

    def compile(self) -> Any:
        """Regexes and indexes made from the tables, once per process."""
        return None

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            self._compiled = self.compile()
        return self._compiled

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self.tables = _jsonable(self.collect())
        self._compiled = None

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.tables, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> TableComponent:
        self.tables = json.loads(data.decode("utf-8"))
        self._compiled = None
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.tables, ensure_ascii=False, sort_keys=True, indent=1)
        (path / self.file).write_text(text + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> TableComponent:
        file = Path(path) / self.file
        if file.exists():
            self.tables = json.loads(file.read_text(encoding="utf-8"))
        self._compiled = None
        return self


# --- context, lemmas, sentences -------------------------------------------------------------------


@Language.factory("letter_context", assigns=["doc._.ref_date"])
def make_letter_context(nlp: Language, name: str):
    return LetterContext()


class LetterContext:
    """Sets `doc._.ref_date` from the `nlp.pipe(as_tuples=True)` context `{"ref_date": ...}`."""

    def __call__(self, doc: Doc) -> Doc:
        context = getattr(doc, "_context", None)
        if doc._.ref_date is None and isinstance(context, dict):
            doc._.ref_date = _date(context.get("ref_date"))
        return doc


@Language.factory("letter_lemmatizer", assigns=["token.lemma"])
def make_letter_lemmatizer(nlp: Language, name: str):
    return LetterLemmatizer(nlp, name)


class LetterLemmatizer(TableComponent):
    """Lemmas from `data/lemmas.csv`; any other word keeps its lower-case form as lemma."""

    def collect(self) -> dict[str, Any]:
        return {"lemmas": entity_data.lemmas()}

    def __call__(self, doc: Doc) -> Doc:
        lemmas = self.tables.get("lemmas", {})
        for token in doc:
            if not token.is_space:
                token.lemma_ = lemmas.get(token.lower_, token.lower_)
        return doc


@Language.factory("letter_sentencizer", assigns=["token.is_sent_start"])
def make_letter_sentencizer(nlp: Language, name: str):
    return LetterSentencizer(nlp, name)


_INITIALS = re.compile(rf"(?:[{_UPPER}][a-z]?\.)+")
_CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
_OPENERS = {'"', "'", "“", "‘", "„", "(", "[", "«"}
_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_BULLET = re.compile(r"(?:[-•–—*·▪]|\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)])$")


def _closes_number_label(doc: Doc, i: int) -> bool:
    """A full stop closing a glued number label ('Kamerstuknr.', 'volgnr.'): a number follows."""
    return (doc[i].text == "." and i > 0 and not doc[i - 1].whitespace_
            and doc[i - 1].text.lower().endswith("nr"))


class LetterSentencizer(TableComponent):
    """Sentence boundaries of letter Dutch.

    A sentence ends at . ! ? followed by whitespace and a capital, digit or quote (or the end), at a
    paragraph break, and before a bulleted line. It never ends at an abbreviation that cannot end
    a sentence (`data/abbreviations.csv`: 'nr.', 'mr.', 'i.v.m.'), at initials ('B.J. Bruins'), or
    inside numbers ('3.5', 'nr. 414', 'Kamerstukken II 2021/22, 30175, nr. 414'): the tokenizer
    keeps those as single tokens, so only a free-standing full stop or an abbreviation that may
    end a sentence ('jl.', 'c.s.', 'etc.') is a candidate.
    """

    def collect(self) -> dict[str, Any]:
        abbreviations = entity_data.abbreviations()
        return {
            "never_final": sorted(a.lower() for a, ends in abbreviations if not ends),
            "may_end": sorted(a.lower() for a, ends in abbreviations if ends),
        }

    def compile(self) -> frozenset[str]:
        return frozenset(self.tables.get("never_final", []))

    def _ends(self, token) -> bool:
        text = token.text
        if text in _FINAL:
            return True
        if len(text) < 2 or not text.endswith(".") or text.lower() in self.compiled:
            return False
        if text.lower().endswith("nr."):  # 'Kamerstuknr.', 'volgnr.': a number follows
            return False
        return not _INITIALS.fullmatch(text) and not any(c.isdigit() for c in text)

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        starts = [False] * n
        if n:
            starts[0] = True
        for i, token in enumerate(doc):
            if token.is_space:
                j = self._next_word(doc, i)
                if j < n and (token.text.count("\n") >= 2 or ("\n" in token.text and
                                                                _BULLET.match(doc[j].text))):
                    starts[j] = True
                continue
            if not self._ends(token):
                continue
            if _closes_number_label(doc, i):
                continue
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            if j >= n or not (doc[j - 1].whitespace_ or doc[j].is_space):
                continue
            j = self._next_word(doc, j - 1)
            if j >= n:
                continue
            if token.text not in _FINAL:
                # an abbreviation that may end a sentence ('c.s.', 'jl.') ends one only before a
                # capitalised word, not before '(Kamerstuk …' or a number
                if doc[j].text[0].isupper():
                    starts[j] = True
            elif self._opens_sentence(doc, j):
                starts[j] = True
        if n:
            # one array write: setting token.is_sent_start one by one rescans the doc for each token
            column = numpy.array([1 if start else -1 for start in starts], dtype="int64")
            doc.from_array([SENT_START], column.astype("uint64").reshape(-1, 1))
        return doc

    @staticmethod
    def _next_word(doc: Doc, i: int) -> int:
        j = i + 1
        while j < len(doc) and doc[j].is_space:
            j += 1
        return j

    @staticmethod
    def _opens_sentence(doc: Doc, j: int) -> bool:
        first = doc[j].text[0]
        if first.isupper() or first.isdigit():
            return True
        if doc[j].text in _OPENERS and j + 1 < len(doc):
            nxt = doc[j + 1].text[0]
            return nxt.isupper() or nxt.isdigit() or doc[j].text != "("
        return False


# --- DATE and DEADLINE ----------------------------------------------------------------------------


@Language.factory("time_entities", assigns=["doc.ents", "span._.value", "doc.spans"])
def make_time_entities(nlp: Language, name: str):
    return TimeEntities()


class TimeEntities:
    """DATE and DEADLINE from `dates.find_time_expressions`, resolved against `doc._.ref_date`.

    Every match is also kept in `doc.spans["time"]` (even one that loses to a longer entity), where
    the DEBATE component finds the date of a debate.
    """

    def __call__(self, doc: Doc) -> Doc:
        from toezegging_cli.tag.dates import find_time_expressions

        found = []
        group = []
        for match in find_time_expressions(doc.text, doc._.ref_date):
            span = doc.char_span(match.start, match.end, label=match.label, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            value = _jsonable(dict(match.value))
            span._.value = value
            group.append(span)
            found.append((span, value))
        doc.spans["time"] = group
        add_entities(doc, found)
        return doc


# --- DEBATE ---------------------------------------------------------------------------------------


@Language.factory("debate_entities", assigns=["doc.ents", "span._.value"])
def make_debate_entities(nlp: Language, name: str):
    return DebateEntities(nlp, name)


class DebateEntities(TableComponent):
    """DEBATE: a kind of Kamer meeting with the title that follows it and its date.

    'het commissiedebat Integriteit Openbaar Bestuur op 12 maart 2025' → {"type": "commissiedebat",
    "title": "Integriteit Openbaar Bestuur", "date": "2025-03-12"}. The title is the phrase after
    the type, or after 'over (de)'/'van', up to a date ('op/van/d.d. <date>') or a stop word
    (`data/entity_cues.toml`); a title in lower case is taken only when a date or 'over' closes or
    opens it. The date is the DATE right after the title, or a little further when only a phrase
    such as 'met de vaste commissie voor SZW' stands between (the span then ends at the title, so
    the words between keep their own entities). A debate named inside a deadline ('vóór de
    begrotingsbehandeling') is left to the DEADLINE.
    """

    MAX_TITLE = 10
    MAX_LOWER = 2  # lower-case words in a title that no date closes
    MAX_DATE_GAP = 10

    def collect(self) -> dict[str, Any]:
        return {"variants": [list(v) for v in entity_data.debate_types()],
                "cues": entity_data.cues()["debate"]}

    def compile(self) -> dict[str, Any]:
        variants = self.tables.get("variants", [])
        types = {}
        parts = []
        for kind, variant in variants:
            types[variant if variant.isupper() else _key(variant)] = kind
            parts.append(variant)
        upper = _alternation(v for v in parts if v.isupper())
        lower = _alternation((v for v in parts if not v.isupper()), ignore_case=True)
        regex = re.compile(rf"(?<![\w-])(?:{'|'.join(p for p in (lower, upper) if p)})(?![\w-])")
        cues = self.tables.get("cues", {})
        return {
            "regex": regex, "types": types,
            "stop": frozenset(cues.get("title_stop", [])),
            "links": frozenset(cues.get("date_links", [])),
            "title_links": frozenset(cues.get("title_links", [])),
            "articles": frozenset(cues.get("articles", [])),
            "nouns": frozenset(cues.get("title_nouns", [])),
            "plenary": re.compile(cues.get("plenary_record", "(?!)")),
            "plenary_type": cues.get("plenary_type", "plenair debat"),
            "audience": [tuple(a.split()) for a in cues.get("audience", [])],
            "quotes": {open_: close for open_, close in cues.get("title_quotes", [])},
            "inner": frozenset(cues.get("title_inner", [])),
            "committee_name": frozenset((",", "&", *cues.get("title_inner", []))),
            "committees": frozenset(cues.get("committees", [])),
            "committee_links": frozenset(cues.get("committee_links", [])),
            "committee_adjectives": frozenset(cues.get("committee_adjectives", [])),
            "breaks": frozenset(cues.get("clause_breaks", [])),
            "verb": re.compile(cues.get("verb_form", "(?!)")),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        if not c["regex"].pattern or not doc.text:
            return doc
        dates = {}
        for span in doc.spans.get("time", []):
            dates.setdefault(span.start, span)
        in_deadline = bytearray(len(doc))
        for ent in doc.ents:
            if ent.label_ == "DEADLINE":
                in_deadline[ent.start:ent.end] = b"\x01" * len(ent)
        found = []
        for m in c["regex"].finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
            if span is None or in_deadline[span.start]:
                continue
            written = m.group(0)
            kind = c["types"].get(written if written.isupper() else _key(written))
            if kind is None:
                continue
            end, title, date = self._after(doc, span.end, dates, c)
            if title is None and date is None and written.isupper():
                end, title = self._lone_title(doc, span.end, c) or (end, title)
            if not kind and title is None and date is None:
                continue  # 'het debat' of unnamed kind counts only with a title or a date
            if not kind and c["plenary"].search(span.sent.text if doc.has_annotation("SENT_START") else ""):
                kind = c["plenary_type"]  # the Handelingen record plenary sittings
            ent = Span(doc, span.start, end, label="DEBATE")
            found.append((ent, {"type": kind or None, "title": title, "date": date}))
        add_entities(doc, found)
        return doc

    @staticmethod
    def _is_day(span: Span | None) -> bool:
        """A DATE, or a DEADLINE of one named day ('op 16 april aanstaande')."""
        if span is None:
            return False
        value = span._.value or {}
        if span.label_ == "DATE":
            return True
        return value.get("precision") == "day" and value.get("start") == value.get("end") is not None

    def _date_at(self, doc: Doc, i: int, dates: dict[int, Span], c) -> Span | None:
        """The date starting at token i, or after a linking word at i ('op', 'van', 'd.d.')."""
        span = dates.get(i)
        if self._is_day(span):
            return span
        if i < len(doc) and doc[i].lower_ in c["links"]:
            span = dates.get(i + 1)
            if self._is_day(span):
                return span
        return None

    def _after(self, doc: Doc, i: int, dates: dict[int, Span], c) -> tuple[int, str | None, str | None]:
        """(end token, title, ISO date) of the debate whose type ends before token i."""
        sent_end = doc[i - 1].sent.end if doc.has_annotation("SENT_START") else len(doc)
        title_tokens: list[int] = []
        further = False
        date_span = self._date_at(doc, i, dates, c) if i < sent_end else None
        if date_span is None and i < sent_end:
            j = self._skip_audience(doc, i, sent_end, c)
            linked = doc[j].lower_ in c["title_links"]
            if linked:
                j += 1
                if j < sent_end and doc[j].lower_ in c["articles"]:
                    j += 1
            title_tokens, j, date_span = self._title_at(doc, j, sent_end, dates, c, linked)
            if linked and not title_tokens:
                j = i
            if date_span is None:
                date_span = self._date_further(doc, j, sent_end, dates, c)
                further = date_span is not None
        elif date_span is not None:
            k = date_span.end
            if k < sent_end and doc[k].lower_ in c["title_links"] and doc[k].lower_ != "van":
                k += 1
                if k < sent_end and doc[k].lower_ in c["articles"]:
                    k += 1
                title_tokens, _, _ = self._title_at(doc, k, sent_end, dates, c, True)
        ends = [i]
        if title_tokens:
            ends.append(title_tokens[-1] + 1)
        if date_span is not None and (date_span.start <= max(ends) + 1 or not further):
            ends.append(date_span.end)
        title = doc[title_tokens[0]: title_tokens[-1] + 1].text if title_tokens else None
        date = None
        if date_span is not None:
            value = date_span._.value or {}
            date = value.get("date") if date_span.label_ == "DATE" else value.get("start")
        return max(ends), title, date

    @staticmethod
    def _lone_title(doc: Doc, i: int, c) -> tuple[int, str] | None:
        """(end, title) of one lower-case word after an abbreviated type that closes the phrase
        ('zoals toegezegd in het AO gewasbescherming, …'); None when no such word stands there."""
        if i >= len(doc) or (doc.has_annotation("SENT_START") and doc[i].sent.end <= i):
            return None
        token = doc[i]
        low = token.lower_
        if (not token.is_alpha or not token.is_lower or len(low) < 4 or low in c["stop"]
                or low in c["inner"] or c["verb"].fullmatch(low)):
            return None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.lower_ in c["stop"] or nxt.is_sent_start):
            return None
        return i + 1, token.text

    @staticmethod
    def _skip_audience(doc, i, sent_end, c) -> int:
        """The token after 'met uw Kamer' (and the like) at token i when a title link follows it."""
        for words in c["audience"]:
            k = i + len(words)
            if (k < sent_end and tuple(t.lower_ for t in doc[i:k]) == words
                    and doc[k].lower_ in c["title_links"]):
                return k
        return i

    def _title_at(self, doc, i, sent_end, dates, c, linked) -> tuple[list[int], int, Span | None]:
        """Like `_title`, for a title that may stand in quotation marks, also after a noun such as
        'het onderwerp «…»'; a quoted title's date is the one right after the closing mark."""
        if i + 1 < sent_end and doc[i].lower_ in c["nouns"] and doc[i + 1].text in c["quotes"]:
            i += 1
        quoted = self._quoted(doc, i, sent_end, c)
        if quoted is None:
            return self._title(doc, i, sent_end, dates, c, linked)
        tokens, after = quoted
        return tokens, after, self._date_at(doc, after, dates, c)

    def _quoted(self, doc, i, sent_end, c) -> tuple[list[int], int] | None:
        """(title tokens, token after the closing mark) of a title in quotation marks at token i."""
        if i >= sent_end or doc[i].text not in c["quotes"]:
            return None
        close = c["quotes"][doc[i].text]
        for k in range(i + 1, min(sent_end, i + 2 + self.MAX_TITLE)):
            if doc[k].text == close:
                return (list(range(i + 1, k)), k + 1) if k > i + 1 else None
        return None

    def _title(self, doc, i, sent_end, dates, c, linked) -> tuple[list[int], int, Span | None]:
        """Title tokens from token i, the token after them, and the date that closes them (if any).

        A word in lower case may open the title only after 'over'/'van' (`linked`) or when a date
        closes the title, may follow an inner word ('en', 'van de') only when a date closes it, is
        never a verb form (participles, `verb_form`), and only two of them stand in a title that no
        date closes.
        """
        tokens: list[int] = []
        pending: list[int] = []
        lowers = 0
        date_span = None
        while i < sent_end and len(tokens) + len(pending) < self.MAX_TITLE:
            token = doc[i]
            date_span = self._date_at(doc, i, dates, c)
            if date_span is not None:
                break
            text, low = token.text, token.lower_
            if (text == "(" and tokens and not pending and i + 2 < sent_end and doc[i + 2].text == ")"
                    and doc[i + 1].text.isupper() and len(doc[i + 1].text) <= 8):
                tokens.extend((i, i + 1, i + 2))  # 'Herbeleggingsplan Vastgoed Defensie (HVD)'
                i += 3
                continue
            if token.is_space or (token.is_punct and text not in {",", "-", "&", "/"}):
                break
            if (tokens and low in c["committee_links"]
                    and self._skip_committee(doc, i, sent_end, dates, c) > i):
                break  # 'het AO Mestbeleid van de Vaste Commissie …': the committee is no title
            if low in c["inner"] or text == ",":
                if not tokens:
                    break
                pending.append(i)
                i += 1
                continue
            if low in c["stop"]:
                break
            lower = not (text[0].isupper() or text[0].isdigit())
            if lower and c["verb"].fullmatch(low):
                break
            if lower and ((not tokens and not linked) or pending or lowers >= self.MAX_LOWER):
                _, _, closing = self._title(doc, i, sent_end, dates, c, True)
                if closing is None:
                    break
            tokens.extend(pending)
            pending = []
            tokens.append(i)
            lowers += lower
            i += 1
        if date_span is None and pending:
            i = pending[0]
        return tokens, i, date_span

    def _skip_committee(self, doc, i, sent_end, dates, c) -> int:
        """The token after a committee's name at token i ('van de Vaste Commissie voor Economische
        Zaken, Landbouw en Innovatie'), where the debate's date may follow; i when none stands there."""
        k = i
        for words in (c["committee_links"], ("de",), c["committee_adjectives"]):
            if k < sent_end and doc[k].lower_ in words:
                k += 1
        if not (k < sent_end and doc[k].lower_ in c["committees"]):
            return i
        k += 1
        while k < sent_end and k - i < 2 * self.MAX_DATE_GAP:
            token = doc[k]
            in_name = token.text[:1].isupper() or token.lower_ in c["committee_name"]
            if self._date_at(doc, k, dates, c) is not None or not in_name:
                break
            k += 1
        return k

    def _date_further(self, doc, i, sent_end, dates, c) -> Span | None:
        """A DATE within a few tokens after the title when no clause boundary stands between (a
        committee's name may, 'het AO … van de Vaste Commissie voor X, Y en Z van 14 maart')."""
        i = self._skip_committee(doc, i, sent_end, dates, c)
        for j in range(i, min(sent_end, i + self.MAX_DATE_GAP)):
            token = doc[j]
            if token.lower_ in c["breaks"] or (token.is_punct and token.text not in {"-", "/"}):
                return None
            span = self._date_at(doc, j, dates, c)
            if span is not None:
                linked = doc[j].lower_ in c["links"] or (span.start == j and span[0].lower_ in c["links"])
                return span if linked else None
        return None


# --- MEMBER ---------------------------------------------------------------------------------------


@Language.factory("member_entities", assigns=["doc.ents", "span._.value"])
def make_member_entities(nlp: Language, name: str):
    return MemberEntities(nlp, name)


class MemberEntities(TableComponent):
    """MEMBER: MPs as letters name them, with their party.

    Cues ('het lid', 'het Kamerlid', 'de leden … en …', 'de heer', 'mevrouw', 'de motie X c.s.',
    'VVD-Kamerlid') come from `data/entity_cues.toml`. Value: {"name": surname as written with a
    capital particle ('Van Waveren'), "party": canonical party or None, "party_source": "letter"
    when the letter gives it ('(NSC)', '(beiden VVD)', 'CDA-Kamerlid'), "members-table" when the
    surname belongs to exactly one member seated on the letter's date, else None, "role": "motie"
    or "amendement" for a motion's signer, else None}. After 'de heer'/'mevrouw', and for further
    names after a motion, a name counts only when the members table knows it or a party follows.
    """

    def collect(self) -> dict[str, Any]:
        cues = entity_data.cues()
        return {
            "cues": cues["member"], "motie": cues["motie"],
            "parties": entity_data.party_aliases(),
            "members": [[m.name, m.surname, m.full_name, m.party, m.start, m.end]
                        for m in entity_data.members()],
        }

    def compile(self) -> dict[str, Any]:
        t = self.tables
        cues, motie = t.get("cues", {}), t.get("motie", {})
        particles = cues.get("particles", [])
        part_cap = _alternation(p[0].upper() + p[1:] for p in particles)
        part_low = _alternation(particles)
        # 'Kröger', 'Michon-Derkzen', 'Kraneveldt-van der Veen', 'Van der Wal-Zeggelink'
        cap = rf"[{_UPPER}](?:{_LETTER}|['’])+(?:-(?:(?:{part_low})\s+)?(?:{_LETTER}|['’])+)*"
        initials = rf"(?:(?:[{_UPPER}][a-z]?\.)+\s*)?"
        name = (rf"(?P<initials>{initials})(?P<name>(?P<first>[{_UPPER}]{_LETTER}+)\s+(?:{part_low})\s+{cap}"
                rf"|(?P<lowpart>{part_low})\s+{cap}|(?:{part_cap})\s+{cap}(?:\s+{cap})?|{cap}(?:\s+{cap})?)")
        party = _alternation(t.get("parties", {}))
        together = _alternation(cues.get("together", []), ignore_case=True)
        paren = rf"\s*\(\s*(?:(?P<together>{together})\s+)?(?P<party>{party})\s*\)"
        cue_groups = {
            "single": cues.get("single", []), "several": cues.get("several", []),
            "address": cues.get("address", []),
        }
        cue_parts = [f"(?P<{kind}>{_alternation(words, ignore_case=True)})"
                     for kind, words in cue_groups.items() if words]
        motie_words = _alternation([*motie.get("motie", []), *motie.get("amendement", [])], ignore_case=True)
        linkers = _alternation(motie.get("linkers", []), ignore_case=True)
        cue_parts.append(rf"(?P<motie>{motie_words})(?:-|\s+(?:(?:{linkers})\s+)?)(?=[{_UPPER}a-z])")
        suffix = _alternation(cues.get("party_suffix", []))
        cue_parts.append(rf"(?P<prefix>{party})-(?:{suffix})\s+")
        index: dict[str, list[list]] = {}
        for row in t.get("members", []):
            for key in {_key(row[0]), _key(row[1])}:
                index.setdefault(key, []).append(row)
        return {
            "cue": re.compile(rf"(?<![\w-])(?:{'|'.join(cue_parts)})(?=\s|[{_UPPER}a-z])"),
            "name": re.compile(name),
            "paren": re.compile(paren),
            "cs": re.compile(r"\s+c\.\s?s\.") if cues.get("cum_suis") else None,
            "sep": re.compile(rf"\s*,\s*|\s+(?:{_alternation(cues.get('joiners', []))})\s+"),
            "slash": re.compile(r"\s*/\s*"),
            "ordinal": re.compile(r"(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
                                  r"tiende|\d+e|\d+)\s*$", re.I),
            "parties": t.get("parties", {}),
            "particles": frozenset(_key(p) for p in particles),
            "index": index,
            # letters older than the members table: after 'de heer'/'mevrouw' any surname counts
            "covered_from": min((row[4] for row in t.get("members", []) if row[4]), default=None),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        text = doc.text
        found = []
        pos = 0
        while True:
            m = c["cue"].search(text, pos)
            if m is None:
                break
            pos = m.end()
            kind = next(k for k in ("single", "several", "address", "motie", "prefix") if m.group(k))
            if kind in {"single", "several"} and m.group(kind).lower() in {"lid", "leden"} and \
                    c["ordinal"].search(text[max(0, m.start() - 12): m.start()]):
                continue
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
            names, end = self._names(text, start, kind, m, c, doc._.ref_date)
            for s, e, value in names:
                span = doc.char_span(s, e, label="MEMBER", alignment_mode="contract")
                if span is not None and len(span):
                    found.append((span, value))
            pos = max(pos, end)
        add_entities(doc, found)
        return doc

    def _names(self, text: str, pos: int, kind: str, cue: re.Match, c, ref) -> tuple[list, int]:
        """The names after a cue: [(start, end, value)], and where the list ends."""
        role = None
        if kind == "motie":
            role = "amendement" if "amendement" in cue.group("motie").lower() else "motie"
        letter_party = c["parties"].get(cue.group("prefix")) if kind == "prefix" else None
        several = kind in {"several", "motie"}
        out: list[tuple[int, int, dict]] = []
        first = True
        while True:
            m = c["name"].match(text, pos)
            if m is None:
                break
            name, n_end = self._trim(m, c)
            if name in c["parties"]:
                break  # 'Kamerlid VVD' names a party, not a member
            s = m.start("name") if not m.group("initials") else m.start()
            end = n_end
            party = None
            cs = False
            pm = c["paren"].match(text, end)
            if pm and not pm.group("together"):
                party = c["parties"].get(pm.group("party"))
                end = pm.end()
            if c["cs"] is not None:
                cm = c["cs"].match(text, end)
                if cm:
                    cs = True
                    end = cm.end()
            known = self._known(name, c)
            strong = first and (kind != "address" or self._before_table(ref, c))
            if m.group("lowpart") and not known:
                break
            if not (strong or known or party or cs):
                break
            out.append([s, n_end, name, party])
            pos = end
            first = False
            if not several and kind != "motie":
                break
            sep = c["slash"].match(text, pos) or (c["sep"].match(text, pos) if several else None)
            if sep is None:
                break
            pos = sep.end()
        together = c["paren"].match(text, pos) if out else None
        if together and together.group("together"):
            shared = c["parties"].get(together.group("party"))
            for item in out:
                item[3] = item[3] or shared
            pos = together.end()
        result = []
        for s, e, name, party in out:
            party = party or letter_party
            source = "letter" if party else None
            if party is None:
                party = self._lookup(name, c, ref)
                source = "members-table" if party else None
            result.append((s, e, {"name": name, "party": party, "party_source": source, "role": role}))
        return result, pos

    def _trim(self, m: re.Match, c) -> tuple[str, int]:
        """The displayed name of a match and its end. Of two capitalised words ('Six Dijkstra') the
        second is dropped when it is a party or only the first is a known member; a first name with
        a particle ('Olger van Dijk') is kept only when the members table knows the whole name."""
        name, end = " ".join(m.group("name").split()), m.end("name")
        words = name.split()
        keep = len(words)
        if len(words) >= 2 and words[-1][0].isupper() and words[-2][0].isupper() and \
                _key(words[-2]) not in c["particles"]:
            # 'Six Dijkstra', 'Van Haersma Buma' — or a name followed by a capitalised word
            shorter = " ".join(words[:-1])
            if words[-1] in c["parties"] or (not self._known(name, c) and self._known(shorter, c)):
                keep = len(words) - 1
        elif m.group("first") and not self._known(name, c):
            keep = 1  # 'Kröger in de Tweede Kamer': a first name with a particle must be a known member
        if keep < len(words):
            name = " ".join(words[:keep])
            end = m.start("name") + len(" ".join(m.group("name").split()[:keep]))
        return name[0].upper() + name[1:], end

    @staticmethod
    def _before_table(ref: dt.date | None, c) -> bool:
        """Whether the letter predates the members table, which then cannot vouch for a name."""
        return ref is not None and c["covered_from"] is not None and ref.isoformat() < c["covered_from"]

    @staticmethod
    def _known(name: str, c) -> bool:
        return _key(name) in c["index"]

    @staticmethod
    def _lookup(name: str, c, ref: dt.date | None) -> str | None:
        """The party of the one member with this name seated on `ref`."""
        if ref is None:
            return None
        rows = c["index"].get(_key(name), [])
        seated = {}
        for row_name, _surname, full, party, start, end in rows:
            if (not start or start <= ref.isoformat()) and (not end or ref.isoformat() <= end):
                seated.setdefault(full or row_name, set()).add(party)
        if len(seated) != 1:
            return None
        parties = next(iter(seated.values()))
        if len(parties) != 1:
            return None
        return next(iter(parties))


# --- MINISTER -------------------------------------------------------------------------------------


@Language.factory("minister_entities", assigns=["doc.ents", "span._.value"])
def make_minister_entities(nlp: Language, name: str):
    return MinisterEntities(nlp, name)


class MinisterEntities(TableComponent):
    """MINISTER: a member of the cabinet by office or by name, or the signer's predecessor.

    'de minister van Binnenlandse Zaken en Koninkrijksrelaties', 'de Minister voor Klimaat en
    Energie', 'de staatssecretaris van IenW', 'de minister-president', 'minister Harbers', 'mijn
    voorganger'. Value: {"office": 'minister van Binnenlandse Zaken en Koninkrijksrelaties' (an
    abbreviation or short form written out) or 'voorganger', "name": the holder on the letter's
    date from the cabinet table when exactly one person held the office, else None}.
    """

    def collect(self) -> dict[str, Any]:
        ministries = entity_data.ministries()
        via = entity_data.portfolio_ministries()
        names = {name for name, _ in ministries}
        forms: dict[str, set[str]] = {}

        def add(form: str, full: str) -> None:
            forms.setdefault(form, set()).add(full)

        posts = []
        for post in entity_data.cabinet():
            ministry = post.portfolio if post.portfolio in names else via.get(post.portfolio)
            posts.append([post.name, post.display_name, post.role, post.portfolio, ministry,
                          post.start, post.end])
            add(post.portfolio, post.portfolio)
        for name, abbreviation in ministries:
            add(name, name)
            if abbreviation:
                add(abbreviation, name)
        for full in list(forms):
            if full in {f for fulls in forms.values() for f in fulls}:
                short = re.split(r",| en ", full)[0].strip()
                if short != full and len(short.split()) <= 2:
                    add(short, full)
        return {
            "cues": entity_data.cues()["minister"],
            "forms": {k: sorted(v) for k, v in sorted(forms.items())},
            "posts": posts,
        }

    def compile(self) -> dict[str, Any]:
        t = self.tables
        cues = t.get("cues", {})
        roles = _alternation(cues.get("roles", []), ignore_case=True)
        preps = _alternation(cues.get("prepositions", []))
        forms = _alternation(t.get("forms", {}))
        surnames = _alternation({p[0] for p in t.get("posts", [])})
        office = (rf"(?P<role>{roles})(?:\s+(?P<prep>{preps}))?\s+(?P<portfolio>{forms})"
                  rf"(?![\w-])")
        by_name = rf"(?P<nrole>{roles})\s+(?P<surname>{surnames})(?![\w-])"
        alone = r"(?P<pm>(?i:minister-president|premier))(?![\w-])"
        pred = rf"(?P<pred>{_alternation(cues.get('predecessor', []), ignore_case=True)})(?![\w-])"
        return {
            "regex": re.compile(rf"(?<![\w-])(?:{office}|{by_name}|{alone}|{pred})"),
            "forms": t.get("forms", {}),
            "posts": t.get("posts", []),
            "pm_portfolio": cues.get("prime_minister_portfolio", "Algemene Zaken"),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        ref = doc._.ref_date
        found = []
        for m in c["regex"].finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="MINISTER", alignment_mode="strict")
            if span is None:
                continue
            if m.group("pred"):
                value = {"office": "voorganger", "name": None}
            elif m.group("pm"):
                value = {"office": "minister-president", "name": self._holder(c, "minister-president", None,
                                                                             c["pm_portfolio"], ref)}
            elif m.group("surname"):
                value = self._by_name(c, m.group("nrole").lower(), m.group("surname"), ref)
            else:
                value = self._by_office(c, m.group("role").lower(), m.group("prep"), m.group("portfolio"),
                                        ref)
            found.append((span, value))
        add_entities(doc, found)
        return doc

    @staticmethod
    def _role(role: str) -> str:
        return "minister-president" if role in {"premier", "minister-president"} else role

    def _by_office(self, c, role: str, prep: str | None, written: str, ref) -> dict:
        role = self._role(role)
        fulls = c["forms"].get(written, [written])
        if len(fulls) > 1:
            held = [f for f in fulls if self._holder(c, role, prep, f, ref)]
            fulls = held if len(held) == 1 else fulls
        portfolio = fulls[0] if len(fulls) == 1 else written
        office = " ".join(p for p in (role, prep, portfolio) if p)
        name = self._holder(c, role, prep, portfolio, ref) if len(fulls) == 1 else None
        return {"office": office, "name": name}

    @staticmethod
    def _seated(post, ref) -> bool:
        start, end = post[5], post[6]
        day = ref.isoformat() if ref is not None else None
        return day is not None and (not start or start <= day) and (not end or day <= end)

    def _holder(self, c, role: str, prep: str | None, portfolio: str, ref) -> str | None:
        """The one person holding the office on `ref` (the later post wins on a changeover day)."""
        if ref is None:
            return None
        matches = []
        for post in c["posts"]:
            _name, display, post_role, post_portfolio, ministry, start, _end = post
            if not self._seated(post, ref):
                continue
            if role == "minister-president":
                ok = post_role == "minister-president"
            elif role == "staatssecretaris":
                ok = post_role == "staatssecretaris" and portfolio in (post_portfolio, ministry)
            else:
                ok = post_role.startswith("minister") and post_role != "minister-president" and \
                    post_portfolio == portfolio
            if ok:
                matches.append((start or "", display))
        if not matches:
            return None
        latest = max(s for s, _ in matches)
        people = {d for s, d in matches if s == latest}
        return people.pop() if len(people) == 1 else None

    def _by_name(self, c, role: str, surname: str, ref) -> dict:
        role = self._role(role)
        posts = [p for p in c["posts"] if p[0] == surname and p[2].startswith(role)]
        if not posts:
            posts = [p for p in c["posts"] if p[0] == surname]
        seated = [p for p in posts if self._seated(p, ref)]
        pool = seated or [p for p in posts if ref is None or (p[5] or "") <= ref.isoformat()] or posts
        post = max(pool, key=lambda p: p[5] or "")
        people = {p[1] for p in pool}
        if post[2] == "minister-president":
            office = "minister-president"
        else:
            post_role = "minister" if post[2].startswith("minister") else post[2]
            prep = "voor" if "zonder portefeuille" in post[2] else ("van" if post[4] == post[3] else None)
            office = " ".join(p for p in (post_role, prep, post[3]) if p)
        return {"office": office if len({(p[2], p[3]) for p in pool}) == 1 else None,
                "name": post[1] if len(people) == 1 else None}


# --- PARTY ----------------------------------------------------------------------------------------


@Language.factory("party_entities", assigns=["doc.ents", "span._.value"])
def make_party_entities(nlp: Language, name: str):
    return PartyEntities(nlp, name)


class PartyEntities(TableComponent):
    """PARTY: every spelling of a Tweede Kamer party (`data/parties.csv`), case-sensitive so that
    'sp' or 'volt' in running text is not a party. Value: {"party": canonical name}."""

    def collect(self) -> dict[str, Any]:
        return {"aliases": entity_data.party_aliases()}

    def compile(self) -> dict[str, Any]:
        aliases = self.tables.get("aliases", {})
        return {"regex": re.compile(rf"(?<![\w-])(?:{_alternation(aliases)})(?![\w'’])"), "aliases": aliases}

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        if not c["aliases"]:
            return doc
        found = []
        for m in c["regex"].finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label="PARTY", alignment_mode="strict")
            if span is not None:
                written = " ".join(m.group(0).split())
                found.append((span, {"party": c["aliases"].get(written, written)}))
        add_entities(doc, found)
        return doc


# --- build ----------------------------------------------------------------------------------------


def _customize_tokenizer(nlp: Language) -> None:
    """Special cases of letter Dutch: abbreviations stay whole; a full stop after a party name, a
    per cent sign after a number, a slash between names and a hyphen before a capital are tokens
    of their own."""
    tokenizer = nlp.tokenizer
    for abbreviation, _ends in entity_data.abbreviations():
        for form in {abbreviation, abbreviation[0].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form}])
    for alias in entity_data.party_aliases():
        if " " not in alias and alias[-1].isalnum():
            tokenizer.add_special_case(alias + ".", [{ORTH: alias}, {ORTH: "."}])
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9])%"]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # 'Bontenbal/Grinwis', 'motie-Van Nispen', 'CDA-Kamerlid': names and parties become tokens.
    infixes = [*nlp.Defaults.infixes, rf"(?<={_LETTER})/(?={_LETTER})", rf"(?<={_LETTER})-(?=[{_UPPER}])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def build() -> Language:
    """A fresh pipeline with the tables of the package data."""
    nlp = spacy.blank("nl")
    _customize_tokenizer(nlp)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    for _name, component in nlp.pipeline:
        if isinstance(component, TableComponent):
            component.initialize()
    nlp.meta.update({
        "name": MODEL_NAME, "version": MODEL_VERSION,
        "description": "Letters to the Dutch parliament: sentences, MEMBER, PARTY, MINISTER, DEBATE, "
                       "DATE and DEADLINE (rule-based, built by `toezegging build-model`).",
        "author": "toezegging", "license": "MIT",
        "sources": [{"name": "toezegging_cli/data (see README, Data sources)"}],
        # shown by `toezegging --version`; the one field a rebuild changes when the data did not
        "build_date": dt.datetime.now(dt.UTC).date().isoformat(),
    })
    return nlp


def default_model_dir() -> Path:
    """The repo's models/ folder in a checkout, else the folder inside the installed package."""
    if (REPO_MODEL_DIR.parents[1] / "pyproject.toml").exists():
        return REPO_MODEL_DIR
    return PACKAGE_MODEL_DIR


def build_and_save(out: Path | None = None) -> Path:
    """Build the pipeline and save it to `out` (default: models/toezegging_nl), replacing an older
    saved pipeline there; returns the folder."""
    out = Path(out) if out is not None else default_model_dir()
    if out.exists():
        leftovers = {p.name for p in out.iterdir()} - {".gitkeep"}
        if leftovers and not (out / "config.cfg").exists():
            raise FileExistsError(f"{out} is not empty and holds no spaCy pipeline; not overwriting it")
        shutil.rmtree(out)
    nlp = build()
    nlp.to_disk(out)
    return out
