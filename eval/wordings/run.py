"""Score the tool on the labelled wordings of eval/wordings/*.jsonl: short letter bodies written by
readers who never saw the tool, each with what a careful reader extracts (README.md here).

Each body is set in a minimal letter (date line, salutation, signature) and read the way a text letter
is read, so the letter date and the Kamer come from the text as they would in a real letter.

    python3 eval/wordings/run.py            # a line per file and family, and the totals
    python3 eval/wordings/run.py -v         # also every case that is not wholly right
    python3 eval/wordings/run.py -v --file terms
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from toezegging_cli.evaluate import DEADLINE_TOLERANCE_DAYS, as_date, phrase_overlap, surname
from toezegging_cli.extract import report_for
from toezegging_cli.read import letter_from_bytes

HERE = Path(__file__).resolve().parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
FIELDS = ("kind", "status", "deadline_text", "deadline_start", "deadline_end", "debate_type", "debate_date",
          "members")


def letter_text(case: dict) -> str:
    """The case's body in a minimal Kamerbrief: the chamber, the date line, salutation and signature."""
    year, month, day = (int(p) for p in case["letter_date"].split("-"))
    kamer = "Eerste Kamer" if "Eerste Kamer" in case["text"] or case.get("recipient") == "Eerste Kamer" \
        else "Tweede Kamer"
    return (f"Aan de Voorzitter van de {kamer} der Staten-Generaal\n\n"
            f"Den Haag, {day} {MONTHS[month - 1]} {year}\n\n"
            f"Geachte voorzitter,\n\n{case['text']}\n\n"
            "De minister van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA. Jansen\n")


def predicted(case: dict) -> list[dict]:
    """The tool's commitments for the case, in the wordings' field names."""
    letter = letter_from_bytes(letter_text(case).encode(), f"{case['id']}.txt")
    out = []
    for c in report_for(letter, second_opinion=False).commitments:
        dl, deb = c.deadline, c.debate
        out.append({"kind": c.kind, "status": c.status if c.kind == "earlier" else None,
                    "deadline_text": dl.text if dl else None,
                    "deadline_start": dl.start if dl else None, "deadline_end": dl.end if dl else None,
                    "debate_type": deb.type if deb else None, "debate_date": deb.date if deb else None,
                    "members": [m.name for m in c.members],
                    "sentence": c.evidence.sentence if c.evidence else ""})
    return out


def _members_match(want: list[str], got: list[str]) -> bool:
    """Members compared by surname, as `evaluate` compares them."""
    return sorted(surname(w) for w in want) == sorted(surname(g) for g in got)


def _agrees(field: str, want, got) -> bool:
    """One field, compared as `toezegging evaluate` compares it: a deadline's text by word overlap, its
    end within the scorer's tolerance; a date the want leaves null (an open term) is not compared, since
    the tool may estimate one."""
    if field == "members":
        return _members_match(want, got)
    if field == "deadline_text":
        return phrase_overlap(want, got) >= 0.6 if want else not got
    if field in ("deadline_start", "deadline_end"):
        if want is None:
            return True
        w, g = as_date(want), as_date(got)
        tolerance = DEADLINE_TOLERANCE_DAYS if field == "deadline_end" else 0
        return g is not None and abs((g - w).days) <= tolerance
    return (want or "").strip().lower() == (got or "").strip().lower()


def _fit(want: dict, got: dict) -> tuple[int, int]:
    """How well a prediction fits a want: (same kind, fields the want states that agree)."""
    return (got["kind"] == want["kind"],
            sum(_agrees(f, want[f], got[f]) for f in FIELDS[1:] if f in want))


def score_case(case: dict) -> tuple[int, int, int, list[tuple[str, object, object]]]:
    """(wanted, predicted, matched, field errors) for one case: a want pairs with the free prediction
    of its kind that agrees on most of the fields it states (the first of those in letter order), else
    with the free one that fits best (its kind then counts as a field error, as `evaluate` pairs by
    quote and scores kind as a field); each field a want states is compared. Wants carry no quote, so
    the fields stand in for it: one missed item of a list does not shift every pair after it."""
    got = predicted(case)
    free = list(range(len(got)))
    matched, errors = 0, []
    for want in case["want"]:
        pick = max(free, key=lambda i: (_fit(want, got[i]), -i)) if free else None
        if pick is None:
            errors.append(("missed", want["kind"], None))
            continue
        free.remove(pick)
        matched += 1
        if got[pick]["kind"] != want["kind"]:
            errors.append(("kind", want["kind"], got[pick]["kind"]))
        for field in FIELDS[1:]:
            if field in want and not _agrees(field, want[field], got[pick][field]):
                errors.append((field, want[field], got[pick][field]))
    for i in free:
        errors.append(("invented", got[i]["kind"], got[i]["sentence"][:100]))
    return len(case["want"]), len(got), matched, errors


def tally(path: Path, verbose: bool = False) -> dict[str, collections.Counter]:
    """Counts per family of one file's cases: cases, right, want, got, match, fields, field_ok; with
    `verbose`, each case not wholly right is printed with what went wrong."""
    per_family: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        n_want, n_got, n_match, errors = score_case(case)
        fields = sum(1 for w in case["want"] for f in FIELDS if f in w)
        field_errors = sum(1 for e in errors if e[0] in FIELDS)
        per_family[case.get("family", "?")].update(
            cases=1, right=not errors, want=n_want, got=n_got, match=n_match,
            fields=fields, field_ok=fields - field_errors)
        if errors and verbose:
            print(f"-- {case['id']} [{case.get('family')}] {case['text'][:160]}")
            for e in errors:
                print(f"     {e[0]}: want {e[1]!r} got {e[2]!r}")
    return per_family


def figures(c: collections.Counter) -> tuple[float, float, float]:
    """(precision, recall, field accuracy) of a tally."""
    return (c["match"] / c["got"] if c["got"] else 1.0, c["match"] / c["want"] if c["want"] else 1.0,
            c["field_ok"] / c["fields"] if c["fields"] else 1.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every case that is not wholly right")
    ap.add_argument("--file", help="only this file (stem), e.g. terms")
    args = ap.parse_args(argv)
    files = sorted(HERE.glob("*.jsonl"))
    if args.file:
        files = [f for f in files if f.stem == args.file]
    total = collections.Counter()
    for path in files:
        per_family = tally(path, args.verbose)
        file_total = sum(per_family.values(), collections.Counter())
        total.update(file_total)
        print(f"{path.stem:10} {_line(file_total)}")
        if args.verbose:
            for fam, c in sorted(per_family.items()):
                print(f"    {fam[:40]:40} {_line(c)}")
    print(f"{'total':10} {_line(total)}")
    return 0


def _line(c: collections.Counter) -> str:
    p, r, f = figures(c)
    return (f"cases {c['right']:3}/{c['cases']:<3} right   commitments P {p:.2f} R {r:.2f}"
            f"   fields {c['field_ok']}/{c['fields']} ({f:.2f})")


if __name__ == "__main__":
    sys.exit(main())
