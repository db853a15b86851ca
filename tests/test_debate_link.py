"""Linking closing-list items to the speech moment where they were made, and made_by from it.

Regression: an item naming no role ("De Kamer ontvangt …") was given to the bewindspersoon whose
sentence merely repeated the MP's question (MIRT item 4: minister Tieman), not to the one who made
the promise (staatssecretaris Aartsen: "Dat kan ik bij dezen toezeggen")."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from toezegging_cli.assemble.debate import assemble_debate
from toezegging_cli.assemble.debate.closing import read_closing_list
from toezegging_cli.assemble.debate.common import People
from toezegging_cli.read.vlos import read_transcript

REPO = Path(__file__).resolve().parents[1]
DEBATES = Path(os.environ.get("TOEZEGGING_DEBATES", REPO.parent / "shared" / "debates"))
GOLD = REPO / "eval" / "debates" / "gold"
MIRT = "2025-07-02-meerjarenprogramma-infrastructuur-ruimte"
ITEM4 = "De Kamer ontvangt uiterlijk 16 juli een bijgewerkte opgave"


@pytest.fixture(scope="module")
def mirt():
    path = DEBATES / f"{MIRT}.vlos.xml"
    if not path.is_file():
        pytest.skip(f"shared debate transcript not found at {path} (only in CI and the dev workspace)")
    return read_transcript(str(path))


def _turn(t, words: str, chair: bool | None = None):
    return next(turn for turn in t.turns if words in turn.text and (chair is None or turn.chair == chair))


def _item(commitments, start: str):
    return next(c for c in commitments if c.origin == "list" and c.evidence.sentence.startswith(start))


def test_item_naming_no_role_is_made_by_who_promised_it(mirt):
    item = _item(assemble_debate(mirt), ITEM4)
    assert (item.made_by.name, item.made_by.role) == ("Aartsen", "staatssecretaris")
    assert item.said.speaker == "Aartsen" and "bij dezen toezeggen" in item.said.text
    assert [m.name for m in item.members] == ["Grinwis"]


def test_promise_wins_over_a_sentence_sharing_more_words(mirt):
    """Turns of the MIRT debate: the minister repeating Grinwis's question (it shares 'opgaven',
    'formatietafel' with the item), the staatssecretaris's promise (it shares only 'formatie' and
    Grinwis), and the chair opening the list and reading the item. The item goes to the promise."""
    question = _turn(mirt, "Dan blijf ik bij de heer Grinwis. Wat zijn de actuele opgaven")
    promise = _turn(mirt, "Dat kan ik bij dezen toezeggen")
    opening = mirt.turns[read_closing_list(mirt, People(mirt)).start]
    chair = _turn(mirt, ITEM4, chair=True)
    assert question.speaker.name == "Tieman" and promise.speaker.name == "Aartsen"
    small = dataclasses.replace(mirt, turns=[question, promise, opening, chair])
    item = _item(assemble_debate(small), ITEM4)
    assert item.made_by.name == "Aartsen" and "bij dezen toezeggen" in item.said.text


def test_made_by_and_speech_moment_on_every_shared_transcript(mirt):
    from toezegging_cli.evaluate_debates import evaluate_debates

    figures = evaluate_debates(GOLD, DEBATES).figures()
    assert figures["list_made_by"] == 1.0
    assert figures["list_said"] >= 0.75


def test_short_item_with_a_hyphenated_word_is_linked():
    """"De minister komt nog voor de zomer met het R&D-actieplan." shares one word with the speech
    ("actieplan"): a short item needs only a share of what it could share."""
    path = DEBATES / "2025-07-02-staat-van-de-economie.vlos.xml"
    if not path.is_file():
        pytest.skip(f"shared debate transcript not found at {path}")
    found = assemble_debate(read_transcript(str(path)))
    item = _item(found, "De minister komt nog voor de zomer met het R&D")
    assert item.said is not None and "actieplan op die 3% R&D" in item.said.text
