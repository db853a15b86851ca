"""Request families from the kept evaluation set's dev half: when 'op verzoek van uw Kamer' names a
request this letter answers, and when it only tells where something else came from. Sentences are
written the way letters put them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of


@pytest.mark.parametrize("body", [
    "Mede op verzoek van uw Kamer ben ik gestart met een programma voor de waterkwaliteit.",
    "Mede op verzoek van de Tweede Kamer zijn ook de lopende procedures in het overzicht opgenomen.",
    "De afgelopen jaren zijn zowel op verzoek van uw Kamer als op eigen initiatief wijzigingen in de "
    "verantwoording aangebracht.",
    "Dit advies is uitgebracht op verzoek van de Tweede Kamer.",
])
def test_a_request_told_as_the_origin_of_something_else_is_no_commitment(body):
    """Regression (eval dev kst-27625-379, kst-21109-235, kst-31865-74): the request is one reason for
    a step taken before, not something this letter answers."""
    assert commitments_of(body, "2018-05-01") == []


@pytest.mark.parametrize("body", [
    "Mede op verzoek van uw Kamer stuur ik u hierbij het rapport over de waterkwaliteit.",
    "Op verzoek van uw Kamer informeer ik u over de stand van zaken.",
    "Het rapport is opgesteld op verzoek van uw Kamer; met deze brief bied ik het u aan.",
])
def test_a_request_this_letter_answers_stays_an_earlier_commitment(body):
    assert [(c.kind, c.status) for c in commitments_of(body, "2018-05-01")] == [("earlier", "fulfilled")]
