"""Link precision and recall against gold pairs (eval/links/gold.jsonl).

Each gold line names an earlier commitment in a later document (`from`: document name and a quote of
its sentence) and the commitment(s) it refers to (`to`), with `link` true (it must be linked to one
of them) or false (a near miss that must not be linked). The documents are looked up by name in the
gold folder's docs/ and then in the other folders given; all of them go into a fresh register (the
real `track add`), and the accepted links are compared with the gold:

- a positive whose earlier commitment is linked to one of its targets is a true positive; otherwise
  a false negative (also when the extraction did not find the commitments);
- every accepted link the gold marks wrong (a negative pair, or a positive linked elsewhere) is a
  false positive, counted once.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".pdf")


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _find(folders: list[Path], name: str) -> Path | None:
    for folder in folders:
        for suffix in SUFFIXES:
            if (folder / f"{name}{suffix}").is_file():
                return folder / f"{name}{suffix}"
    return None


@dataclass
class Result:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    skipped: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def evaluate(gold_dir: Path, extra: list[Path] | None = None) -> Result:
    """Build a register from the gold documents and score its links."""
    from toezegging_cli.register.db import add_paths

    gold_dir = Path(gold_dir)
    items = [
        json.loads(line) for line in (gold_dir / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()
    ]
    folders = [gold_dir / "docs", *(extra if extra is not None else [gold_dir.parent / "letters"])]
    names = {ref["doc"] for it in items for ref in [it["from"], *it["to"]]}
    paths = {n: _find(folders, n) for n in names}
    result = Result()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "gold.sqlite"
        add_paths(db, sorted(str(p) for p in paths.values() if p is not None))
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        doc_of = {r["path"]: r["id"] for r in con.execute("SELECT id, path FROM documents")}
        accepted = {
            (r["earlier_id"], r["target_id"]): r for r in con.execute("SELECT * FROM links WHERE accepted=1")
        }

        def commitment(ref: dict[str, str], earlier: bool) -> int | None:
            path = paths.get(ref["doc"])
            if path is None or str(path) not in doc_of:
                return None
            quote = _norm(ref["quote"])
            for r in con.execute(
                "SELECT id, kind, evidence_sentence FROM commitments WHERE document_id=?",
                (doc_of[str(path)],),
            ):
                if (not earlier or r["kind"] == "earlier") and quote in _norm(r["evidence_sentence"]):
                    return r["id"]
            return None

        wrong: set[tuple[int, int]] = set()
        right: set[tuple[int, int]] = set()
        for it in items:
            missing = [ref["doc"] for ref in [it["from"], *it["to"]] if paths.get(ref["doc"]) is None]
            if missing:
                result.skipped += 1
                result.rows.append(
                    {"item": it, "outcome": "skipped", "note": f"missing {', '.join(missing)}"}
                )
                continue
            e = commitment(it["from"], earlier=True)
            targets = {t for t in (commitment(ref, earlier=False) for ref in it["to"]) if t is not None}
            linked = [(a, b) for (a, b) in accepted if a == e]
            if it["link"]:
                hit = [pair for pair in linked if pair[1] in targets]
                if hit:
                    result.tp += 1
                    right.update(hit)
                    outcome, note = (
                        "TP",
                        "; ".join(x["reason"] for x in json.loads(accepted[hit[0]]["reasons"])),
                    )
                else:
                    result.fn += 1
                    outcome = "FN"
                    note = (
                        "earlier commitment not extracted"
                        if e is None
                        else "target not extracted"
                        if not targets
                        else f"linked elsewhere ({linked[0][1]})"
                        if linked
                        else "no link at or above threshold"
                    )
                wrong.update(pair for pair in linked if pair[1] not in targets)
            else:
                bad = [pair for pair in linked if pair[1] in targets]
                wrong.update(bad)
                outcome = "FP" if bad else "TN"
                result.tn += not bad
                note = "" if e is not None and targets else "not testable: a commitment was not extracted"
            result.rows.append({"item": it, "outcome": outcome, "note": note})
        result.fp = len(wrong - right)
        con.close()
    return result


def run_evaluate_links(
    gold_dir: Path, extra: list[Path] | None = None, *, verbose: bool = False, fmt: str | None = None
) -> int:
    """`track evaluate`: print link P/R (and each pair with --verbose); exit code 0."""
    result = evaluate(gold_dir, extra)
    if fmt in ("json", "jsonl"):
        data = {
            "precision": round(result.precision, 3),
            "recall": round(result.recall, 3),
            "tp": result.tp,
            "fp": result.fp,
            "fn": result.fn,
            "tn": result.tn,
            "skipped": result.skipped,
            "pairs": result.rows if verbose else None,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=None if fmt == "jsonl" else 2) + "\n")
        return 0
    lines = []
    if verbose:
        for row in result.rows:
            it = row["item"]
            to = " | ".join(f"{t['doc']}: {t['quote'][:50]}" for t in it["to"])
            lines.append(
                f"{row['outcome']:<7} {it['from']['doc']}: {it['from']['quote'][:50]} -> {to}"
                + (f"  [{row['note']}]" if row["note"] else "")
            )
    positives = sum(1 for r in result.rows if r["item"]["link"] and r["outcome"] != "skipped")
    negatives = sum(1 for r in result.rows if not r["item"]["link"] and r["outcome"] != "skipped")
    lines.append(
        f"gold pairs: {positives} links, {negatives} near misses ({result.skipped} skipped: document missing)"
    )
    lines.append(
        f"link precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"(TP {result.tp}, FP {result.fp}, FN {result.fn})"
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
