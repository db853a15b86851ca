"""A debate's date set apart in brackets or commas, and note numbers glued to a closing bracket:
regressions from the kept evaluation set (eval/), written as letters put them."""

from __future__ import annotations

import pytest

from letters import letter_of
from toezegging_cli.tag import load_pipeline, tag_letters


def _debates(text: str, date: str) -> list[dict]:
    (_, tagged), = tag_letters([letter_of(text, date)])
    return [e.value for e in tagged.body.entities if e.label == "DEBATE"]


@pytest.mark.parametrize("note", ["", "1"])
def test_a_date_in_brackets_after_the_title_closes_it(note):
    """Regression (eval dev kst-27625-434): 'het dertigledendebat over het schoonhouden van drinkwater
    (22 februari jl.)1' gave the title 'schoonhouden' and no date."""
    text = (f"Tijdens het dertigledendebat over het beheer van het grondwater (14 maart jl.){note} heb ik "
            "toegezegd u voor de zomer te informeren.")
    assert _debates(text, "2019-05-01") == [
        {"type": "plenair debat", "title": "beheer van het grondwater", "date": "2019-03-14"}]


def test_a_date_between_commas_after_the_title_is_its_date():
    text = "In het AO Visserij, 8 november, en het AO Mestbeleid, 9 november, heb ik dit toegezegd."
    assert [(d["title"], d["date"]) for d in _debates(text, "2011-12-01")] == [
        ("Visserij", "2011-11-08"), ("Mestbeleid", "2011-11-09")]


def test_a_bracket_that_does_not_hold_only_a_date_gives_no_date():
    text = "Tijdens het AO Water (zie de brief van 3 maart) heb ik toegezegd u te informeren."
    assert [d["date"] for d in _debates(text, "2019-05-01")] == [None]


def test_a_note_number_after_a_closing_bracket_or_quote_is_a_token_of_its_own():
    nlp = load_pipeline()
    tokens = [t.text for t in nlp.make_doc("(22 februari jl.)1 en «Opvoeden die handel»2 en artikel 3)")]
    assert tokens == ["(", "22", "februari", "jl.", ")", "1", "en", "«", "Opvoeden", "die", "handel", "»",
                      "2", "en", "artikel", "3", ")"]
