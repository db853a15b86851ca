"""Regenerate the entity data files in `data/` from a folder of reference facts.

    python -m toezegging_cli.build_data /path/to/reference

The reference folder holds `parties.csv`, `members.csv`, `cabinet.csv` and `base/fracties.csv`
(the development workspace has it in `../shared/reference`). This script writes
`data/parties.csv`, `data/members.csv` and `data/cabinet.csv`, every row keeping its source. It is
a maintenance step, never run by the tool itself; after running it, rebuild the pipeline with
`toezegging build-model` so that `models/toezegging_nl` carries the new data.

Hand-kept files are not touched: `data/members_supplement.csv` (members a reference table lacks,
each with its own source) is merged into `data/members.csv` here; `data/debate_types.csv`,
`data/abbreviations.csv`, `data/lemmas.csv` and `data/entity_cues.toml` are edited by hand.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Party names that letters write differently from the Tweede Kamer's short label: the Kamer's own
# reports (VLOS) write 'GroenLinks' and 'ChristenUnie', its 2021 member list 'GL' and 'CU'.
CANONICAL = {"GL": "GroenLinks", "CU": "ChristenUnie"}

# Spellings in the reference that would tag ordinary text: words of running Dutch ('Denk aan'),
# other meanings ('DNA', 'GOUD'), an age ('50+'), and bare surnames of one-member groups (a
# surname is a MEMBER, not a PARTY).
NOT_IN_TEXT = {"Denk", "DNA", "GOUD", "50+"}

PARTICLES = {"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "el", "la", "le", "du"}

MEMBER_FIELDS = ["name", "surname", "full_name", "party", "start", "end", "confidence", "source"]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _csv(rows: list[dict[str, str]], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in fields})
    return out.getvalue()


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _variants(alias: str, labels: set[str]) -> list[str]:
    """A joint list of two parties in both orders and with both separators: 'GroenLinks/PvdA' →
    'PvdA/GroenLinks', 'GroenLinks-PvdA', … (`labels`: the parties' own names)."""
    for sep in ("/", "-", "–"):
        if alias.count(sep) == 1 and " " not in alias:
            a, b = alias.split(sep)
            if a in labels and b in labels:
                return [f"{x}{s}{y}" for x, y in ((a, b), (b, a)) for s in ("/", "-")]
    return [alias]


def _canonical(label: str) -> str:
    return CANONICAL.get(label, label)


def build_parties(ref: Path) -> str:
    """One row per party: canonical name, full name, every spelling letters use, seated period."""
    surnames = {r["name"] for r in _read(ref / "members.csv")}
    extra: dict[str, list[str]] = {}
    for row in _read(ref / "base" / "fracties.csv"):
        extra.setdefault(row["afkorting_tk"], []).extend(
            [row["afkorting_tk"], row["naam_voluit"], *_split(row["aliases_in_text"])]
        )
    table = _read(ref / "parties.csv")
    labels = {name for row in table for name in (row["abbreviation"], _canonical(row["abbreviation"]),
                                                 *_split(row["aliases_in_text"]))}
    rows = []
    for row in table:
        abbr = row["abbreviation"]
        canonical = _canonical(abbr)
        names = [abbr, canonical, row["full_name"].split(" (")[0], *_split(row["aliases_in_text"]),
                 *extra.get(abbr, []), *extra.get(canonical, [])]
        if row["tk_labels"] and "(" not in row["tk_labels"]:
            names.append(row["tk_labels"])
        aliases: list[str] = []
        for name in names:
            for alias in _variants(name, labels):
                if alias in NOT_IN_TEXT or alias in surnames or alias in aliases:
                    continue
                aliases.append(alias)
        source = "shared/reference/parties.csv (" + row["source"].replace(";", ", ") + ")"
        if extra.get(abbr) or extra.get(canonical):
            source += "; shared/reference/base/fracties.csv (VLOS labels, letter spellings)"
        rows.append({
            "party": canonical, "full_name": row["full_name"], "aliases": "|".join(aliases),
            "kind": row["kind"], "seated_from": row["seated_from"], "seated_until": row["seated_until"],
            "source": source,
        })
    return _csv(rows, ["party", "full_name", "aliases", "kind", "seated_from", "seated_until", "source"])


def surname(name: str, full_name: str) -> str:
    """The surname of a member's display name: 'Inge van Dijk' → 'Van Dijk', 'Six Dijkstra' stays."""
    words = name.split()
    if len(words) == 1 or words[0].lower() in PARTICLES:
        return name
    if full_name and " " in full_name:
        rest = full_name.split(" ", 1)[1]
        if name.lower().endswith(rest.lower()):
            return rest[0].upper() + rest[1:]
    if words[1].lower() in PARTICLES:
        rest = " ".join(words[1:])
        return rest[0].upper() + rest[1:]
    return name


# 'anciënniteit 987 days (also in an earlier Kamer)': the days a member had sat when the list was taken
_SENIORITY = re.compile(r"anciënniteit (\d+) days \(also in an earlier Kamer\)")


MIN_ESTIMATED_DAYS = 30  # a shorter earlier seat is a rounding of the list's day, not a seat


def _seated_before(row: dict[str, str], term_start: str) -> dict[str, str] | None:
    """The earlier seat a member on the list had, estimated from the seniority the list gives: from the
    list's day less the days sat, to the day before this term. None when the list gives no earlier seat
    or the estimate is shorter than a month."""
    m = _SENIORITY.search(row.get("basis", ""))
    observed = row.get("observed_on", "").lstrip("~")
    if m is None or not observed or not term_start:
        return None
    start = dt.date.fromisoformat(observed) - dt.timedelta(days=int(m.group(1)))
    end = dt.date.fromisoformat(term_start) - dt.timedelta(days=1)
    if (end - start).days < MIN_ESTIMATED_DAYS:
        return None
    return {"start": start.isoformat(), "end": end.isoformat()}


def build_members(ref: Path) -> str:
    """One row per member and party period; open start/end filled from the Kamer term. A member who also
    sat in an earlier Kamer gets a row for that seat, estimated from the list's seniority, with the same
    party — only a member with one party in that term (one who changed party in it may have sat for
    another before) and no row in the hand-kept supplement (which knows the earlier seat)."""
    listed = _read(ref / "members.csv")
    supplement_path = DATA / "members_supplement.csv"
    supplement = _read(supplement_path) if supplement_path.exists() else []
    parties_of: dict[tuple[str, str], set[str]] = {}  # (member, Kamer term) → parties in that term
    for row in listed:
        parties_of.setdefault((row["full_name"], row["kamer_term"]), set()).add(_canonical(row["party"]))
    known = {row["full_name"] for row in supplement}
    rows = []
    for row in listed:
        term_start, _, term_end = row["kamer_term"].partition("/")
        member = {
            "name": row["name"], "surname": surname(row["name"], row["full_name"]),
            "full_name": row["full_name"], "party": _canonical(row["party"]),
            "start": row["start"] or term_start, "end": row["end"] or term_end,
            "confidence": row["party_confidence"] or "none",
            "source": "shared/reference/members.csv (" + row["source"].replace(";", ", ") + ")",
        }
        rows.append(member)
        switched = len(parties_of[(row["full_name"], row["kamer_term"])]) > 1
        if switched or row["full_name"] in known or member["start"] != term_start:
            continue
        earlier = _seated_before(row, term_start)
        if earlier is not None:
            rows.append({**member, **earlier, "confidence": "estimated",
                         "source": member["source"] + ", earlier seat estimated from anciënniteit"})
    for row in supplement:
        row = dict(row)
        row["surname"] = row.get("surname") or surname(row["name"], row["full_name"])
        row["party"] = _canonical(row["party"])
        rows.append(row)
    return _csv(rows, MEMBER_FIELDS)


def build_cabinet(ref: Path) -> str:
    """Cabinet members with role, portfolio and period, as in the reference."""
    rows = []
    for row in _read(ref / "cabinet.csv"):
        rows.append({**row, "party": _canonical(row["party"]), "source": row["source"]})
    return _csv(rows, ["cabinet", "name", "full_name", "initials", "role", "portfolio", "party",
                       "start", "end", "note", "source"])


def build(ref: Path, out: Path = DATA) -> list[Path]:
    """Write the generated data files into `out`; returns their paths."""
    written = []
    for name, text in (("parties.csv", build_parties(ref)), ("members.csv", build_members(ref)),
                       ("cabinet.csv", build_cabinet(ref))):
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", type=Path,
                        help="folder with parties.csv, members.csv, cabinet.csv and base/")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write (default: the package data)")
    args = parser.parse_args(argv)
    for path in build(args.reference, args.out):
        sys.stderr.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
