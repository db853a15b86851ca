"""Status families from the kept evaluation set's dev half: when a letter says an earlier commitment
will not be met as promised, though other commitments stand between. Sentences are written the way
uitstelbrieven put them, not copied from the set."""

from __future__ import annotations

from letters import commitments_of


def _statuses(body: str, date: str):
    return [(c.kind, c.status) for c in commitments_of(body, date)]


def test_a_delay_that_names_the_promised_term_postpones_it_paragraphs_later():
    """Regression (eval dev kst-29689-379): 'toegezegd dat ik voor 1 maart 2012 … zal presenteren', two
    paragraphs on 'is het niet mogelijk dat ik voor 1 maart 2012 … zend': was fulfilled."""
    body = ("Tijdens het algemeen overleg van 4 oktober heb ik toegezegd dat ik voor 1 maart 2012 aan de "
            "Tweede Kamer een voorstel zal sturen over de bekostiging.\n\nIk heb de Onderwijsraad "
            "gevraagd om hierover advies uit te brengen.\n\nOmdat ik dit advies nog niet heb ontvangen, "
            "is het niet mogelijk dat ik voor 1 maart 2012 een voorstel aan de Kamer zend.")
    assert _statuses(body, "2012-02-20") == [("earlier", "postponed")]


def test_a_delay_that_names_another_term_does_not_postpone():
    body = ("Tijdens het algemeen overleg van 4 oktober heb ik toegezegd dat ik voor 1 maart 2012 aan de "
            "Tweede Kamer een voorstel zal sturen over de bekostiging.\n\nHet voorstel treft u hierbij "
            "aan.\n\nDe invoering van de regeling zelf is niet mogelijk voor 1 januari 2014.")
    assert _statuses(body, "2012-02-20") == [("earlier", "fulfilled")]


def test_a_refused_request_is_postponed_across_a_commitment_between():
    """Regression (eval dev kst-28973-82): a committee's request, then an earlier promise, then 'Ik kan
    dan ook niet aan uw onderhavige verzoek tegemoet komen, maar zal … voor het Algemeen Overleg van 1
    december …': the request was fulfilled with its own term."""
    body = ("Naar aanleiding van het verzoek van de vaste commissie voor Financiën om uiterlijk 24 "
            "oktober 2011 mijn visie op de pensioenen aan uw Kamer te sturen, deel ik u het volgende "
            "mede.\n\nTijdens het algemeen overleg van 14 september heb ik aangegeven dat ik mijn "
            "reactie eind oktober voorzag. Ik kan dan ook niet aan uw onderhavige verzoek tegemoet "
            "komen, maar zal uw Kamer mijn visie tijdig voor het algemeen overleg van 1 december "
            "aanstaande doen toekomen.")
    found = commitments_of(body, "2011-10-21")
    request = found[0]
    assert (request.kind, request.status) == ("earlier", "postponed")
    assert request.deadline is not None and request.deadline.end == "2011-11-30"


def test_a_refusal_answers_the_nearest_request_only():
    """Two requests: 'niet aan het verzoek voldoen' after the second puts off the second, not the first
    (which the letter answers)."""
    body = ("Uw Kamer heeft mij op 3 maart verzocht om een reactie op het rapport van de Raad van State. "
            "Mijn reactie treft u hieronder aan.\n\nDaarnaast heeft de vaste commissie voor Defensie "
            "verzocht om voor 10 maart een brief te sturen over de aanschaf van fregatten. Ik kan daarom "
            "niet aan het verzoek voldoen deze brief voor 10 maart te versturen.")
    assert _statuses(body, "2013-03-08") == [("earlier", "fulfilled"), ("earlier", "postponed")]


def test_a_send_told_in_the_present_tense_in_an_earlier_letter_is_an_earlier_commitment():
    """Regression (eval AQ kst-29477-196): 'In mijn brief van 1 maart jl. heb ik u geïnformeerd dat ik u
    het onderzoeksrapport aanbied vóór de zomer van 2012' was no commitment (only 'zou'/'zal' was)."""
    body = ("In mijn brief van 3 februari jl. heb ik u geïnformeerd dat ik u de evaluatie toestuur voor "
            "1 mei 2015. Hierbij bied ik u de evaluatie aan.")
    found = commitments_of(body, "2015-04-20")
    assert [(c.kind, c.status, c.deadline.text) for c in found] == [
        ("earlier", "fulfilled", "voor 1 mei 2015")]


def test_a_delay_after_the_delivery_concerns_what_follows_it():
    """Regression (eval AQ kst-29477-196): 'Ik bied u hierbij het rapport aan. Gezien de demissionaire
    status van het kabinet laat ik het innemen van een standpunt over aan mijn ambtsopvolger.' made the
    promised report postponed."""
    body = ("In het algemeen overleg van 3 februari heb ik toegezegd u het rapport over de apotheken voor de "
            "zomer te sturen.\n\nIk bied u hierbij het rapport aan. Gezien de demissionaire status van het "
            "kabinet laat ik het innemen van een standpunt over aan mijn ambtsopvolger.")
    assert _statuses(body, "2012-07-05") == [("earlier", "fulfilled")]
