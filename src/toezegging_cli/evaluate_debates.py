"""Score debate extraction against gold answers (eval/debates/gold, format in its README).

Two runs per transcript:

* **with the list** (what `extract` outputs): every gold list item must come out as a list
  commitment with the same words (whitespace and quote marks aside; an `alt_texts` wording counts
  too), and is then checked for `made_by` (surname), the asking MP (one of the gold members) and
  the deadline (word overlap of the term). Meeting metadata is compared field by field.
* **list hidden** (`use_list=False`, the speech detector alone): a speech promise matches a gold
  commitment by the same bewindspersoon when its words match the gold text or a `said` quote
  (containment, or most content words shared), or when it stands in the same turn within
  `NEAR` characters of the gold `said` quote. Recall is over the listed items (each gold item
  paired with at most one promise); precision over all speech promises: a promise matching a gold
  commitment counts as right, also when it is a second moment of an item already paired (the
  minister restating it), one matching none counts against it (`speech_precision_one_to_one`
  counts only the pairs). The asking MP is right when it is one of the gold item's members.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toezegging_cli.evaluate import content_words, norm, phrase_overlap, surname

NEAR = 400  # characters between a speech promise and the gold quote in the same turn
TRANSCRIPT_SUFFIXES = (".vlos.xml", ".xml")


def is_debate_gold(gold_dir: Path) -> bool:
    """True when the gold folder holds debate gold (files with a `closing_list` field)."""
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        try:
            return "closing_list" in json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return False


def _same_words(a: str, b: str) -> bool:
    clean = lambda t: " ".join(re.sub(r"[\"“”'‘’]", "", t).split())  # noqa: E731
    return clean(a) == clean(b)


def _text_match(pred: str, quotes: list[str]) -> bool:
    a = norm(pred)
    for q in quotes:
        b = norm(q)
        if a and b and (a in b or b in a):
            return True
        wa, wb = content_words(pred), content_words(q)
        shared = len(wa & wb)
        if shared >= 3 and shared / min(len(wa), len(wb)) >= 0.6:
            return True
    return False


def _quotes(g: dict[str, Any]) -> list[str]:
    out = [g.get("text") or ""]
    for said in [g.get("said"), *(g.get("said_also") or [])]:
        if said and said.get("quote"):
            out.append(said["quote"])
    return [q for q in out if q]


def _said_right(said: str, quotes: list[str], turn_texts: list[str]) -> bool:
    """The speech moment given for a list item is a gold one: the same words, or in the same turn
    within NEAR characters of a gold quote."""
    if not said:
        return False
    if _text_match(said, quotes):
        return True
    got = _locate(turn_texts, said)
    for q in quotes:
        want = _locate(turn_texts, q)
        if got and want and got[0] == want[0] and abs(got[1] - want[1]) <= NEAR:
            return True
    return False


def _locate(turn_texts: list[str], quote: str) -> tuple[int, int] | None:
    """(turn number 1-based, offset) of a quote in the transcript's turns."""
    q = " ".join(quote.split())
    for i, text in enumerate(turn_texts):
        at = text.find(q)
        if at >= 0:
            return i + 1, at
    return None


@dataclass
class DebateScore:
    """How one transcript scored."""

    name: str
    list_gold: int = 0
    list_verbatim: int = 0
    made_by: int = 0
    members: int = 0
    deadline_right: int = 0
    deadline_total: int = 0
    said_right: int = 0  # list items whose `said` is the gold speech moment
    said_total: int = 0
    list_predicted: int = 0
    meeting_right: int = 0
    meeting_total: int = 0
    speech_gold_list: int = 0
    speech_found_list: int = 0
    speech_gold_all: int = 0
    speech_found_all: int = 0
    speech_predicted: int = 0
    speech_correct: int = 0  # promises matching a gold commitment (a second moment of one counts)
    speech_matched: int = 0  # promises paired one-to-one with a gold commitment
    speech_mp_right: int = 0
    error: str = ""
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    speech_missed: list[str] = field(default_factory=list)
    speech_extra: list[str] = field(default_factory=list)


def score_transcript(name: str, gold: dict[str, Any], full: dict[str, Any], hidden: dict[str, Any],
                     turn_texts: list[str]) -> DebateScore:
    """Score one transcript's two outputs (`Report.to_dict()` shape) against its gold."""
    s = DebateScore(name=name)
    meeting = full.get("meeting") or {}
    for key, want in (gold.get("meeting") or {}).items():
        s.meeting_total += 1
        s.meeting_right += norm(str(want or "")) == norm(str(meeting.get(key) or ""))
    commitments = gold.get("commitments") or []
    listed = [g for g in commitments if g.get("source") == "list"]
    preds = [c for c in full.get("commitments") or [] if c.get("origin") == "list"]
    s.list_gold, s.list_predicted = len(listed), len(preds)
    used: set[int] = set()
    for g in listed:
        texts = [g["text"], *(g.get("alt_texts") or [])]
        j = next((j for j, c in enumerate(preds) if j not in used
                  and any(_same_words(c["evidence"]["sentence"], t) for t in texts)), None)
        if j is None:
            s.missed.append(g["text"])
            continue
        used.add(j)
        c = preds[j]
        s.list_verbatim += 1
        s.made_by += surname((c.get("made_by") or {}).get("name")) == surname(g["made_by"]["name"])
        gm = {surname(m["name"]) for m in g.get("members") or []}
        s.members += bool(gm & {surname(m["name"]) for m in c.get("members") or []}) or not gm
        quotes = [q for q in _quotes(g)[1:]]
        if quotes:
            s.said_total += 1
            s.said_right += _said_right((c.get("said") or {}).get("text") or "", quotes, turn_texts)
        if g.get("deadline"):
            s.deadline_total += 1
            got = (c.get("deadline") or {}).get("text") or ""
            want = [g["deadline"]["text"], g["deadline"].get("as_read") or ""]
            s.deadline_right += any(phrase_overlap(w, got) >= 0.6 for w in want if w)
    s.extra = [c["evidence"]["sentence"] for j, c in enumerate(preds) if j not in used]

    # the speech detector, list hidden
    speech = [c for c in hidden.get("commitments") or [] if c.get("origin") == "speech"]
    s.speech_predicted = len(speech)
    s.speech_gold_list = len(listed)
    s.speech_gold_all = len(commitments)
    places = [_locate(turn_texts, (g.get("said") or {}).get("quote") or g["text"]) for g in commitments]
    pairs = []
    for gi, g in enumerate(commitments):
        who = surname(g["made_by"]["name"])
        for pj, c in enumerate(speech):
            if surname((c.get("made_by") or {}).get("name")) != who:
                continue
            ev = c["evidence"]
            if _text_match(ev["sentence"], _quotes(g)):
                pairs.append((0, 0, gi, pj))
            elif places[gi] and places[gi][0] == ev["page"] and abs(places[gi][1] - ev["start"]) <= NEAR:
                pairs.append((1, abs(places[gi][1] - ev["start"]), gi, pj))
    pairs.sort()
    got_g: dict[int, int] = {}
    got_p: set[int] = set()
    for _, _, gi, pj in pairs:
        if gi in got_g or pj in got_p:
            continue
        got_g[gi] = pj
        got_p.add(pj)
    for gi, pj in got_g.items():
        g = commitments[gi]
        s.speech_found_all += 1
        if g.get("source") == "list":
            s.speech_found_list += 1
            gm = {surname(m["name"]) for m in g.get("members") or []}
            s.speech_mp_right += bool(gm & {surname(m["name"]) for m in speech[pj].get("members") or []})
    s.speech_matched = len(got_p)
    s.speech_correct = len({pj for _, _, _, pj in pairs})
    s.speech_missed = [(g.get("said") or {}).get("quote") or g["text"]
                       for gi, g in enumerate(commitments) if gi not in got_g]
    hit = {pj for _, _, _, pj in pairs}
    s.speech_extra = [c["evidence"]["sentence"] for pj, c in enumerate(speech) if pj not in hit]
    return s


@dataclass
class DebateResult:
    """All transcripts' scores and their totals."""

    scores: list[DebateScore] = field(default_factory=list)
    no_transcript: list[str] = field(default_factory=list)

    def total(self, key: str) -> int:
        return sum(getattr(s, key) for s in self.scores)

    def ratio(self, a: str, b: str) -> float:
        d = self.total(b)
        return self.total(a) / d if d else 1.0

    def figures(self) -> dict[str, float]:
        return {
            "list_verbatim": self.ratio("list_verbatim", "list_gold"),
            "list_made_by": self.ratio("made_by", "list_verbatim"),
            "list_members": self.ratio("members", "list_verbatim"),
            "list_deadline": self.ratio("deadline_right", "deadline_total"),
            "list_said": self.ratio("said_right", "said_total"),
            "meeting": self.ratio("meeting_right", "meeting_total"),
            "speech_recall_list": self.ratio("speech_found_list", "speech_gold_list"),
            "speech_recall_all": self.ratio("speech_found_all", "speech_gold_all"),
            "speech_precision": self.ratio("speech_correct", "speech_predicted"),
            "speech_precision_one_to_one": self.ratio("speech_matched", "speech_predicted"),
            "speech_asking_mp": self.ratio("speech_mp_right", "speech_found_list"),
        }

    def summary(self) -> str:
        f = self.figures()
        return (f"list items verbatim {self.total('list_verbatim')}/{self.total('list_gold')}, made_by "
                f"{f['list_made_by']:.2f}, MP {f['list_members']:.2f}, deadline {f['list_deadline']:.2f}, "
                f"speech moment {f['list_said']:.2f}; "
                f"speech (list hidden) recall {f['speech_recall_list']:.2f} precision "
                f"{f['speech_precision']:.2f} asking MP {f['speech_asking_mp']:.2f}")

    def to_dict(self) -> dict[str, Any]:
        return {"figures": {k: round(v, 4) for k, v in self.figures().items()},
                "transcripts": [vars(s) for s in self.scores], "no_transcript": self.no_transcript,
                "summary": self.summary()}


def evaluate_debates(gold_dir: Path | str, transcripts_dir: Path | str) -> DebateResult:
    """Score every gold file against its transcript, with the list and with the list hidden."""
    from toezegging_cli.assemble.debate import report_for_transcript
    from toezegging_cli.errors import LetterError
    from toezegging_cli.read.vlos import read_transcript

    result = DebateResult()
    for gold_path in sorted(Path(gold_dir).glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        folder = Path(transcripts_dir)
        path = next((p for ext in TRANSCRIPT_SUFFIXES if (p := folder / f"{name}{ext}").exists()), None)
        if path is None:
            result.no_transcript.append(name)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            transcript = read_transcript(str(path))
        except LetterError as exc:
            score = score_transcript(name, gold, {}, {}, [])
            score.error = exc.reason
            result.scores.append(score)
            continue
        full = report_for_transcript(transcript).to_dict()
        hidden = report_for_transcript(transcript, use_list=False).to_dict()
        result.scores.append(score_transcript(name, gold, full, hidden, [t.text for t in transcript.turns]))
    return result


def format_debates(result: DebateResult, verbose: int = 0) -> str:
    """Per-transcript table, then the figures and the summary line."""
    out: list[str] = []
    if verbose:
        for s in result.scores:
            out += [f"  {s.name}: LIST MISSED  {t[:110]}" for t in s.missed]
            out += [f"  {s.name}: LIST EXTRA   {t[:110]}" for t in s.extra]
            out += [f"  {s.name}: SPEECH MISSED {t[:110]}" for t in s.speech_missed]
            out += [f"  {s.name}: SPEECH EXTRA  {t[:110]}" for t in s.speech_extra]
    out.append(f"{'transcript':44} list verb made mp   | speech found/gold pred right mp")
    for s in result.scores:
        out.append(f"{s.name[:44]:44} {s.list_gold:4} {s.list_verbatim:4} {s.made_by:4} {s.members:4} | "
                   f"{s.speech_found_list:5}/{s.speech_gold_list:<4} {s.speech_predicted:4} "
                   f"{s.speech_correct:5} {s.speech_mp_right:3} {s.error[:40]}")
    for key, value in result.figures().items():
        out.append(f"  {key:20} {value:.2f}")
    out.append(result.summary())
    return "\n".join(out) + "\n"


def run_evaluate_debates(gold_dir: Path, transcripts_dir: Path, *, verbose: int = 0,
                         format: str | None = None) -> int:
    """`toezegging evaluate` on debate gold: print the scores; exit 0."""
    result = evaluate_debates(gold_dir, transcripts_dir)
    for name in result.no_transcript:
        print(f"{name}: no transcript file", file=sys.stderr)
    if format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_debates(result, verbose))
    return 0
