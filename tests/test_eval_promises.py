"""New-promise families from the kept evaluation set (batch AO and on): how letters promise
parliament something ahead. Sentences are written the way letters put them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of


@pytest.mark.parametrize(("body", "term"), [
    ("In de beleidsagenda, die de Kamer op korte termijn ontvangt, zal hier nader op worden ingegaan.",
     "op korte termijn"),
    ("In de voortgangsbrief, die uw Kamer voor de zomer ontvangt, ga ik hier verder op in.", "voor de zomer"),
])
def test_the_kamer_as_receiver_in_a_relative_clause_is_a_promise(body, term):
    """Regression (eval AO vws-2026-voortgang-iza-azwa): 'die de Kamer op korte termijn ontvangt' was
    no promise (only 'de Kamer ontvangt' with the verb right after it was)."""
    found = commitments_of(body, "2026-04-09")
    assert [(c.kind, c.status, c.deadline.text if c.deadline else None) for c in found] == [
        ("new", "open", term)]


@pytest.mark.parametrize("body", [
    "In de brief die de Kamer op 3 maart 2026 ontving, stond dit al.",  # past
    "In de brief die de Kamer in maart 2026 ontvangt, staat dit.",  # a term already passed
    "In de monitor, die de Kamer jaarlijks ontvangt, staat dit.",  # a cycle, not a promise
])
def test_a_relative_clause_without_a_term_ahead_is_no_promise(body):
    assert commitments_of(body, "2026-04-09") == []


@pytest.mark.parametrize("kept", [
    "Met deze brief geeft het kabinet invulling aan de eerdere toezegging om de Kamer te informeren over "
    "de voortgang van het akkoord.",
    "Met deze brief wordt invulling gegeven aan de toezegging om de Kamer te informeren over de voortgang "
    "van het akkoord.",
])
def test_the_cabinet_or_the_passive_keeping_a_promise_keeps_it_though_new_promises_follow(kept):
    """Regression (eval AO vws-2026-voortgang-iza-azwa): 'Met deze brief geeft het kabinet invulling aan
    de eerdere toezegging …' was not read as keeping it, so the promise after it was taken for its
    new term and the commitment was postponed."""
    body = kept + " De Kamer wordt in de tweede helft van 2026 over de opzet van de monitor geïnformeerd."
    found = commitments_of(body, "2026-04-09")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("new", "open")]


@pytest.mark.parametrize(("body", "found"), [
    ("Elk jaar wordt u met Prinsjesdag door het kabinet geïnformeerd over de voortgang.", []),
    ("Ieder voorjaar ontvangt uw Kamer de rapportage over de voortgang.", []),
    ("Elk jaar zal ik u met Prinsjesdag informeren over de voortgang.", [("new", "open")]),
])
def test_a_cycle_described_in_the_present_tense_is_no_promise(body, found):
    """Regression (eval AQ kst-31710-33): 'Elk jaar wordt u met Prinsjesdag … geïnformeerd' (the
    Deltaprogramma's yearly report described) was a new commitment; a first-person promise that starts a
    cycle still is one (eval/README, reporting cycles)."""
    assert [(c.kind, c.status) for c in commitments_of(body, "2015-06-01")] == found
