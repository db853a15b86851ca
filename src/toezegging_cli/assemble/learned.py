"""The learned second opinion in assembly: sentences the rules missed that the classifier is sure of.

The rules stay the first opinion; the sentence classifier (`tag/sentence_classifier.py`) may only
add a body sentence that no rule used, and only when its score for one label reaches that label's
threshold in `data/second_opinion.toml`. An added earlier commitment is taken as fulfilled unless
the status words of its paragraph say otherwise; an added new one takes the sentence's deadline.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from toezegging_cli.assemble import explain
from toezegging_cli.model import Commitment, Letter

CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The shipped default and thresholds."""
    raw = resources.files("toezegging_cli.data").joinpath("second_opinion.toml").read_text("utf-8")
    return tomllib.loads(raw)


def enabled(choice: bool | None) -> bool:
    """The caller's choice, else the shipped default."""
    return bool(settings()["enabled"]) if choice is None else choice


def candidates(sents: list, used: set[int]) -> list:
    """The sentences the classifier may add: not used by a rule, no heading, long enough."""
    from toezegging_cli.tag.sentence_classifier import MIN_SENTENCE_WORDS

    return [s for s in sents
            if s.index not in used and not s.heading and len(s.text.split()) >= MIN_SENTENCE_WORDS]


def _continues(s, sents: list, used: set[int]) -> bool:
    """Whether sentence `s` follows, in the same paragraph, a sentence the rules used for an earlier
    commitment: it says more about that one ('Bij brief van … heb ik u bericht dat … Daarbij heb ik
    opgemerkt dat …'), not a commitment of its own."""
    prev = sents[s.index - 1] if s.index > 0 else None
    return (prev is not None and prev.index in used and prev.paragraph == s.paragraph
            and bool(prev.roles & {"earlier", "request", "anaphora"}))


def additions(letter: Letter, sents: list, used: set[int], ref: str | None,
              thresholds: dict[str, float] | None = None, scores: list[dict[str, float]] | None = None,
              ) -> list[Commitment]:
    """Commitments for the `candidates` whose best label reaches its threshold (`scores`: the
    classifier's, one per candidate; by default the shipped classifier's)."""
    from toezegging_cli import assemble as rules
    from toezegging_cli.tag import sentence_classifier

    thresholds = thresholds or settings()["threshold"]
    todo = candidates(sents, used)
    if scores is None:
        scores = sentence_classifier.score([s.text for s in todo])
    t = rules.triggers()
    signer = rules._signers(letter)
    out: list[Commitment] = []
    for s, cats in zip(todo, scores, strict=True):
        label = max(cats, key=cats.get) if cats else None
        if label is None or cats[label] < thresholds[label]:
            continue
        if label == "earlier" and _continues(s, sents, used):
            continue
        if label == "new":
            out.append(Commitment(
                kind="new", status="open", subject=letter.meta.subject, debate=None, members=[],
                made_by=signer, deadline=rules._deadline(s.deadline()), evidence=rules._evidence(s),
                confidence=CONFIDENCE,
            ))
        else:
            out.append(Commitment(
                kind="earlier", status=rules._status([s], sents, len(sents), t), subject=letter.meta.subject,
                debate=rules._debate([s], sents, len(sents), ref), members=rules._members([s], t),
                made_by=signer, deadline=rules._deadline(s.deadline()), evidence=rules._evidence(s),
                confidence=CONFIDENCE,
            ))
        explain.attach(out[-1], [s], sents, ref, rule="learned", scores=cats)
    return out
