"""Every debate and member the gold answers name is tagged in its corpus letter with the right value."""

from __future__ import annotations

import json

from toezegging_cli.read import read_letter
from toezegging_cli.tag import tag_letters


def _gold(corpus_dir, path):
    return json.loads((corpus_dir / "gold" / f"{path.stem}.gold.json").read_text(encoding="utf-8"))


def test_gold_debates_and_members_are_tagged(corpus_dir, corpus_letters):
    letters = [read_letter(str(p)) for p in corpus_letters]
    problems = []
    checked = 0
    for path, (_letter, tagged) in zip(corpus_letters, tag_letters(letters), strict=True):
        entities = tagged.body.entities + [e for _, note in tagged.footnotes for e in note.entities]
        debates = {(e.value["type"], e.value["title"], e.value["date"])
                   for e in entities if e.label == "DEBATE"}
        members = [(e.value["name"], e.value["party"]) for e in entities if e.label == "MEMBER"]
        for commitment in _gold(corpus_dir, path)["commitments"]:
            debate = commitment["debate"]
            if debate:
                checked += 1
                if (debate["type"], debate["title"], debate["date"]) not in debates:
                    problems.append(f"{path.name}: debate {debate} not in {sorted(debates, key=str)}")
            for member in commitment["members"]:
                checked += 1
                names = [(n, p) for n, p in members if n == member["name"]]
                if not names:
                    problems.append(f"{path.name}: member {member['name']} not in {members}")
                elif member["party"] and all(p != member["party"] for _, p in names):
                    problems.append(f"{path.name}: {member['name']} tagged {names}, gold {member['party']}")
    assert checked >= 8
    assert problems == []


def test_no_debate_or_member_in_letters_that_name_none(corpus_dir, corpus_letters):
    """Letters whose text names no meeting and no MP get no DEBATE or MEMBER (nothing invented)."""
    quiet = [p for p in corpus_letters if p.stem in {"kst-34775-X-87", "kst-35228-6", "kst-36600-IV-70",
                                                     "kst-30252-174", "bnc-fiche-2022"}]
    assert quiet, "corpus letters renamed?"
    for _letter, tagged in tag_letters(read_letter(str(p)) for p in quiet):
        assert [e for e in tagged.entities if e.label in {"DEBATE", "MEMBER"}] == []
