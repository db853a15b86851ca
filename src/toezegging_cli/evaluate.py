"""Score extraction against gold answers, in process, with the corpus scorer's rules.

For every GOLD_DIR/NAME.gold.json the letter LETTERS_DIR/NAME.(pdf|txt) is extracted and compared
with the gold (format: the corpus README). A predicted commitment matches a gold one when its
evidence sentence and the gold quote share most of their content words (at least three, stop words
aside; overlap of the shorter text ≥ 0.6); each gold commitment matches at most one prediction,
best overlap first. Matched pairs are then compared field by field (dates exact, titles and
subjects by similarity, members by surname, deadline ends within 14 days), and each letter's
metadata likewise. A letter whose extraction fails counts as an empty answer.

The figures are those of the project's external scorer (`tools/score.py` beside the corpus), so
the two can be checked against each other; the pipeline is loaded once for all letters.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

DEADLINE_TOLERANCE_DAYS = 14
MATCH_THRESHOLD = 0.6
MIN_SHARED_WORDS = 3
LETTER_SUFFIXES = (".pdf", ".txt", ".html", ".htm", ".xml", ".docx", ".odt")

_STOPWORDS_TEXT = """
aan al als bij dan dat de deze dit die door een en er dus haar heb hebben heeft hem het hier hij hun ik
in is je kan kunnen maar met mij mijn na naar niet nog nu of om ons onze ook op over te tot u uit uw van
voor was wat we wel werd wie wij worden wordt ze zal zich zij zijn zo zou zullen
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
NAME_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "t", "d"})

Extractor = Callable[[Path], dict[str, Any]]


# --- comparison of texts --------------------------------------------------------------------------

def norm(text: str | None) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def words(text: str | None) -> set[str]:
    return set(norm(text).split())


def content_words(text: str | None) -> set[str]:
    """Words of three letters or more that are not stop words."""
    return {w for w in norm(text).split() if len(w) >= 3 and w not in STOPWORDS}


def overlap(quote: str | None, sentence: str | None) -> float:
    """Share of the shorter text's content words that the other also has (0 below three shared)."""
    a, b = content_words(quote), content_words(sentence)
    shared = len(a & b)
    if shared < MIN_SHARED_WORDS:
        return 0.0
    return shared / min(len(a), len(b))


def phrase_overlap(a: str | None, b: str | None) -> float:
    """Word overlap of two short phrases (deadline texts)."""
    wa, wb = words(a), words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def surname(name: str | None) -> str:
    """'het lid Van Waveren' / 'H. van Waveren' -> 'van waveren': MPs are compared by surname."""
    parts = norm(name).split()
    out: list[str] = []
    for p in reversed(parts):
        if out and p not in NAME_PARTICLES:
            break
        out.insert(0, p)
    while len(out) > 1 and out[0] not in NAME_PARTICLES and len(out[0]) <= 2:
        out.pop(0)
    return " ".join(out)


def similar(a: str | None, b: str | None, threshold: float = 0.8) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return SequenceMatcher(None, norm(a), norm(b)).ratio() >= threshold


def as_date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def evidence_sentence(commitment: dict[str, Any]) -> str:
    """The sentence a predicted commitment cites (tolerating older or foreign output shapes)."""
    ev = commitment.get("evidence")
    if isinstance(ev, list):
        ev = ev[0] if ev else {}
    if isinstance(ev, dict):
        return ev.get("sentence") or ev.get("text") or ""
    return commitment.get("text") or commitment.get("quote") or ""


# --- tallies --------------------------------------------------------------------------------------

@dataclass
class Tally:
    """Right and total counts per field."""

    right: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    # one entry per wrong field: what the gold wants and what was found, so `-v` can say why
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, name: str, ok: bool, want: Any = None, got: Any = None, quote: str = "") -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + int(bool(ok))
        if not ok:
            self.misses.append({"field": name, "want": want, "got": got, "quote": quote})

    def merge(self, other: Tally) -> None:
        for k, v in other.total.items():
            self.total[k] = self.total.get(k, 0) + v
            self.right[k] = self.right.get(k, 0) + other.right.get(k, 0)
        self.misses += other.misses

    def accuracy(self) -> float:
        n = sum(self.total.values())
        return sum(self.right.values()) / n if n else 1.0

    def wrong(self) -> dict[str, int]:
        return {k: n - self.right.get(k, 0) for k, n in self.total.items() if self.right.get(k, 0) < n}

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {k: {"right": self.right.get(k, 0), "total": n,
                    "accuracy": round(self.right.get(k, 0) / n, 4)} for k, n in sorted(self.total.items())}


def score_letter(gold_letter: dict[str, Any], pred_letter: dict[str, Any] | None, tally: Tally) -> None:
    """Compare the letter's metadata: date, subject, reference, ministry, signers."""
    pred_letter = pred_letter or {}
    if gold_letter.get("date") is not None:
        got_date = (pred_letter.get("date") or "")[:10]
        tally.add("letter.date", gold_letter["date"] == got_date, gold_letter["date"], got_date)
    for key in ("subject", "reference"):
        if gold_letter.get(key):
            tally.add(f"letter.{key}", similar(gold_letter[key], pred_letter.get(key) or "", 0.85),
                      gold_letter[key], pred_letter.get(key))
    if gold_letter.get("ministry"):
        got = norm(pred_letter.get("ministry") or "")
        tally.add("letter.ministry", norm(gold_letter["ministry"]) in got and got != "",
                  gold_letter["ministry"], pred_letter.get("ministry"))
    gold_names = {surname(s["name"]) for s in gold_letter.get("signatories") or []}
    if gold_names:
        pred_names = {surname(s.get("name", "")) for s in pred_letter.get("signatories") or []}
        tally.add("letter.signatories", gold_names == pred_names, sorted(gold_names), sorted(pred_names))


def score_fields(gold: dict[str, Any], pred: dict[str, Any], tally: Tally) -> None:
    """Compare the fields of one matched gold/predicted commitment pair."""
    quote = gold.get("quote") or ""

    def add(name: str, ok: bool, want: Any, got: Any) -> None:
        tally.add(name, ok, want, got, quote)

    add("kind", gold["kind"] == pred.get("kind"), gold["kind"], pred.get("kind"))
    add("status", gold.get("status") == pred.get("status"), gold.get("status"), pred.get("status"))
    gd, pd = gold.get("debate"), pred.get("debate") or {}
    if gd:
        if gd.get("date"):
            add("debate.date", gd["date"] == (pd.get("date") or "")[:10], gd["date"], pd.get("date"))
        if gd.get("type"):
            add("debate.type", norm(gd["type"]) == norm(pd.get("type") or ""), gd["type"], pd.get("type"))
        if gd.get("title"):
            add("debate.title", similar(gd["title"], pd.get("title") or "", 0.75),
                gd["title"], pd.get("title"))
    if gold.get("members"):
        pm = pred.get("members") or []
        want_names = {surname(m["name"]) for m in gold["members"]}
        got_names = {surname(m.get("name", "")) for m in pm}
        add("members", want_names == got_names, sorted(want_names), sorted(got_names))
        parties = {surname(m["name"]): m["party"] for m in gold["members"] if m.get("party")}
        for who, party in parties.items():
            got = next((m.get("party") for m in pm if surname(m.get("name", "")) == who), None)
            add("members.party", norm(party) == norm(got or ""), f"{who}: {party}", got)
    gdl = gold.get("deadline") or {}
    pdl = pred.get("deadline") or {}
    if gdl.get("end"):
        got = as_date(pdl.get("end"))
        want = as_date(gdl["end"])
        add("deadline.end", got is not None and want is not None
            and abs((got - want).days) <= DEADLINE_TOLERANCE_DAYS,
            f"{gdl.get('text')!r} → {gdl['end']}", f"{pdl.get('text')!r} → {pdl.get('end')}")
    elif gdl.get("text"):
        got_text = pdl.get("text") or ""
        add("deadline.text", phrase_overlap(gdl["text"], got_text) >= MATCH_THRESHOLD, gdl["text"], got_text)


def match(gold_list: list[dict[str, Any]], pred_list: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pair gold and predicted commitments, greedily by overlap; (gold index, prediction index)."""
    pairs = sorted(((overlap(g.get("quote"), evidence_sentence(p)), i, j)
                    for i, g in enumerate(gold_list) for j, p in enumerate(pred_list)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ov, i, j in pairs:
        if ov < MATCH_THRESHOLD or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


# --- results --------------------------------------------------------------------------------------

@dataclass
class LetterScore:
    """How one letter scored."""

    name: str
    gold: int
    predicted: int
    matched: int
    fields: Tally
    letter_fields: Tally
    error: str = ""
    split: str = ""  # the gold file's sub-folder (dev, test), "" at the top
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold commitments not found
    extra: list[dict[str, Any]] = field(default_factory=list)  # predictions matching no gold

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "split": self.split or None, "gold": self.gold, "predicted": self.predicted,
            "matched": self.matched,
            "field_accuracy": round(self.fields.accuracy(), 4),
            "letter_accuracy": round(self.letter_fields.accuracy(), 4),
            "fields": self.fields.to_dict(), "letter_fields": self.letter_fields.to_dict(),
            "error": self.error or None, "missed": self.missed, "extra": self.extra,
            "wrong_fields": self.fields.misses + self.letter_fields.misses,
        }


@dataclass
class EvalResult:
    """Scores of all letters and their totals."""

    letters: list[LetterScore] = field(default_factory=list)
    no_letter: list[str] = field(default_factory=list)  # gold files whose letter is missing
    fields: Tally = field(default_factory=Tally)
    letter_fields: Tally = field(default_factory=Tally)

    @property
    def tp(self) -> int:
        return sum(s.matched for s in self.letters)

    @property
    def fp(self) -> int:
        return sum(s.predicted - s.matched for s in self.letters)

    @property
    def fn(self) -> int:
        return sum(s.gold - s.matched for s in self.letters)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float:
        return self.fields.accuracy()

    @property
    def letter_accuracy(self) -> float:
        return self.letter_fields.accuracy()

    @classmethod
    def pooled(cls, letters: list[LetterScore]) -> EvalResult:
        """The result of these letters, their field tallies merged."""
        result = cls(letters=list(letters))
        for s in result.letters:
            result.fields.merge(s.fields)
            result.letter_fields.merge(s.letter_fields)
        return result

    def subset(self, split: str) -> EvalResult:
        """The scores of the letters in one sub-folder (e.g. 'test')."""
        return EvalResult.pooled([s for s in self.letters if s.split == split])

    @property
    def splits(self) -> list[str]:
        """The gold sub-folders present, in name order ('' for files at the top excluded)."""
        return sorted({s.split for s in self.letters} - {""})

    def summary(self) -> str:
        """The one-line verdict (same wording as the corpus scorer's last line)."""
        return (f"commitments precision {self.precision:.2f} recall {self.recall:.2f} F1 {self.f1:.2f}; "
                f"field accuracy {self.field_accuracy:.2f}; letter accuracy {self.letter_accuracy:.2f}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "commitments": {"gold": self.tp + self.fn, "predicted": self.tp + self.fp, "matched": self.tp,
                            "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                            "f1": round(self.f1, 4)},
            "field_accuracy": round(self.field_accuracy, 4),
            "letter_accuracy": round(self.letter_accuracy, 4),
            "fields": self.fields.to_dict(),
            "letter_fields": self.letter_fields.to_dict(),
            "letters": [s.to_dict() for s in self.letters],
            "no_letter": list(self.no_letter),
            "splits": {name: self.subset(name).summary() for name in self.splits},
            "summary": self.summary(),
        }


def score_one(name: str, gold: dict[str, Any], pred: dict[str, Any], error: str = "") -> LetterScore:
    """Score one letter's extraction output (`Report.to_dict()` shape) against its gold."""
    gold_list = gold.get("commitments") or []
    preds = pred.get("commitments") or []
    pairs = match(gold_list, preds)
    t, lt = Tally(), Tally()
    for i, j in pairs:
        score_fields(gold_list[i], preds[j], t)
    score_letter(gold.get("letter") or {}, pred.get("letter"), lt)
    found_g = {i for i, _ in pairs}
    found_p = {j for _, j in pairs}
    return LetterScore(
        name=name, gold=len(gold_list), predicted=len(preds), matched=len(pairs), fields=t, letter_fields=lt,
        error=error,
        missed=[{"kind": g.get("kind"), "quote": g.get("quote")}
                for i, g in enumerate(gold_list) if i not in found_g],
        extra=[{"kind": p.get("kind"), "sentence": evidence_sentence(p)}
               for j, p in enumerate(preds) if j not in found_p],
    )


def extract_all(paths: list[Path], reader: str = "pdfplumber",
                second_opinion: bool | None = None) -> dict[Path, tuple[dict[str, Any], str]]:
    """Extract every letter with one pipeline: (output dict, "") or ({}, error) per path.

    The letters go through `extract.reports_for` as one stream, so spaCy is loaded once. Should
    the stream break, the letters it had not finished are extracted one by one (`extract_path`), so
    each failure is charged to its own letter.
    """
    try:
        from toezegging_cli.extract import extract_path, reports_for
        from toezegging_cli.read import read_letter
    except ImportError as exc:  # a broken install: every letter fails alike
        return {path: ({}, _error_text(exc)) for path in paths}

    results: dict[Path, tuple[dict[str, Any], str]] = {}
    fed: dict[int, Path] = {}  # id(letter.source) -> path; a Report shares its letter's Source

    def letters():
        for path in paths:
            try:
                letter = read_letter(str(path), reader=reader)
            except Exception as exc:
                results[path] = ({}, _error_text(exc))
                continue
            fed[id(letter.source)] = path
            yield letter

    try:
        for report in reports_for(letters(), second_opinion=second_opinion):
            results[fed[id(report.source)]] = (report.to_dict(), "")
    except Exception:
        for path in paths:
            if path not in results:
                try:
                    results[path] = (extract_path(str(path), reader=reader).to_dict(), "")
                except Exception as exc:
                    results[path] = ({}, _error_text(exc))
    return results


def _error_text(exc: BaseException) -> str:
    from toezegging_cli.errors import LetterError

    text = str(exc) if isinstance(exc, LetterError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split())


def gold_cases(gold_dir: Path, letters_dir: Path,
               missing: list[str] | None = None) -> list[tuple[str, dict[str, Any], Path]]:
    """(name, gold, letter path) for every NAME.gold.json under `gold_dir` (sub-folders such as
    dev/ and test/ included) whose letter LETTERS_DIR/NAME.(pdf|txt) exists; names without a
    letter are appended to `missing`."""
    cases = []
    for gold_path in sorted(gold_dir.rglob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        letter = next((p for ext in LETTER_SUFFIXES if (p := letters_dir / f"{name}{ext}").exists()), None)
        if letter is None:
            if missing is not None:
                missing.append(name)
            continue
        split = gold_path.parent.relative_to(gold_dir).as_posix()
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        gold["_split"] = "" if split == "." else split
        cases.append((name, gold, letter))
    return cases


def evaluate(gold_dir: Path | str, letters_dir: Path | str, extract: Extractor | None = None,
             second_opinion: bool | None = None) -> EvalResult:
    """Score every gold file under `gold_dir` against the extraction of its letter in `letters_dir`.

    `extract` maps a letter's path to its `Report.to_dict()`-shaped output; by default the whole
    set is extracted in process with one pipeline (`extract_all`).
    """
    gold_dir, letters_dir = Path(gold_dir), Path(letters_dir)
    missing: list[str] = []
    cases = gold_cases(gold_dir, letters_dir, missing)
    if extract is None:
        outputs = extract_all([letter for _, _, letter in cases], second_opinion=second_opinion)
    else:
        outputs = {}
        for _, _, letter in cases:
            try:
                outputs[letter] = (extract(letter) or {}, "")
            except Exception as exc:  # a failing letter scores as an empty answer
                outputs[letter] = ({}, _error_text(exc))
    scores = []
    for name, gold, letter in cases:
        pred, error = outputs[letter]
        scores.append(score_one(name, gold, pred, error))
        scores[-1].split = gold["_split"]
    result = EvalResult.pooled(scores)
    result.no_letter = missing
    return result


# --- printing -------------------------------------------------------------------------------------

def format_text(result: EvalResult, verbose: int = 0) -> str:
    """Per-letter table, accuracy by field, and the summary line (the corpus scorer's layout).

    `verbose` 1 lists misses and inventions as the corpus scorer does; 2 also says, for each wrong
    field, what the gold wants and what was found.
    """
    out: list[str] = []
    if verbose:
        for s in result.letters:
            out += [f"  {s.name}: MISSED  {g['kind']}: {(g['quote'] or '')[:110]}" for g in s.missed]
            out += [f"  {s.name}: EXTRA   {p['kind']}: {p['sentence'][:110]}" for p in s.extra]
            if verbose > 1:
                out += [f"  {s.name}: FIELD   {m['field']}: want {m['want']!r}, got {m['got']!r}"
                        + (f" ({m['quote'][:60]})" if m["quote"] else "")
                        for m in s.fields.misses + s.letter_fields.misses]
            else:
                out += [f"  {s.name}: field {k} wrong in {n} of {s.fields.total[k]}"
                        for k, n in s.fields.wrong().items()]
                out += [f"  {s.name}: {k} wrong" for k in s.letter_fields.wrong()]
    out.append(f"{'letter':42} gold pred match fields  letter")
    for s in result.letters:
        out.append(f"{s.name[:42]:42} {s.gold:4} {s.predicted:4} {s.matched:5} "
                   f"{s.fields.accuracy():6.2f} {s.letter_fields.accuracy():6.2f} {s.error[:60]}")
    out.append("field accuracy by field:")
    for k in sorted(set(result.fields.total) | set(result.letter_fields.total)):
        src = result.fields if k in result.fields.total else result.letter_fields
        out.append(f"  {k:20} {src.right.get(k, 0):3}/{src.total[k]:<3}")
    for name in result.splits:
        part = result.subset(name)
        out.append(f"{name} ({len(part.letters)} letters): {part.summary()}")
    out.append(result.summary())
    return "\n".join(out) + "\n"


def run_evaluate(gold_dir: Path, letters_dir: Path, *, verbose: int = 0, format: str | None = None,
                 extract: Extractor | None = None, second_opinion: bool | None = None) -> int:
    """The `toezegging evaluate` command: print the scores; exit 0, or 2 on a usage error."""
    if format not in (None, "table", "json"):
        print(f"error: evaluate writes a table or JSON, not {format}", file=sys.stderr)
        return 2
    for label, folder in (("gold", gold_dir), ("letters", letters_dir)):
        if not Path(folder).is_dir():
            print(f"error: {label} folder not found: {folder}", file=sys.stderr)
            return 2
    from toezegging_cli.evaluate_debates import is_debate_gold, run_evaluate_debates

    if extract is None and is_debate_gold(gold_dir):
        return run_evaluate_debates(gold_dir, letters_dir, verbose=verbose, format=format)
    result = evaluate(gold_dir, letters_dir, extract=extract, second_opinion=second_opinion)
    for name in result.no_letter:
        print(f"{name}: no letter file", file=sys.stderr)
    for s in result.letters:
        if s.error:
            print(f"{s.name}: extraction failed: {s.error}", file=sys.stderr)
    if format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(result, verbose))
    return 0
