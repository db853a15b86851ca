"""Status families of misses found on the kept evaluation set's dev half (eval/gold/dev), each covered by
one general rule: when an earlier commitment is postponed (an uitstelbrief, a later term for the same
deliverable, an answer late for the term asked), when it is kept though new promises follow, and when a
restated promise stays open. Sentences are written the way letters put them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of as _commitments
from letters import statuses_of


def test_a_promise_left_to_the_next_cabinet_is_postponed():
    body = ("De vaste commissie voor Onderwijs heeft mij bij brief van 3 mei verzocht om een reactie op het "
            "advies. Vanwege de demissionaire status van het kabinet zal ik de nieuwe bewindspersoon "
            "verzoeken om de gevraagde reactie aan uw Kamer te sturen.")
    found = _commitments(body, "2012-06-01")
    assert [(c.kind, c.status) for c in found] == [("earlier", "postponed")]


@pytest.mark.parametrize("body, term", [
    # the answer promised later, a paragraph or two after the requests it concerns
    ("Bij brief van 3 maart vroeg de vaste commissie voor Financiën mij om een reactie op het rapport.\n\n"
     "Het lid Jansen heeft over hetzelfde rapport schriftelijke vragen gesteld.\n\n"
     "Voor een zorgvuldige reactie heb ik informatie nodig van de toezichthouder. "
     "Ik verwacht dat ik eind april de vragen en de brief kan beantwoorden.", "eind april"),
    ("U heeft mij om een reactie op het rapport van de ombudsman verzocht.\n\n"
     "Het overleg met de betrokken ministeries loopt nog. Daarom verzoek ik u om uitstel van de reactie. "
     "Ik stel voor u uiterlijk 21 juni nader te berichten.", "uiterlijk 21 juni"),
    ("Op 4 maart stelde het lid De Vries schriftelijke vragen over de sluiting van de kazerne. "
     "Omdat de vragen samenhangen met het onderzoek, zal ik deze uiterlijk 15 mei beantwoorden.",
     "uiterlijk 15 mei"),
])
def test_requests_whose_answer_is_put_off_are_postponed_with_that_term(body, term):
    found = _commitments(body, "2024-03-20")
    assert found and {(c.kind, c.status) for c in found} == {("earlier", "postponed")}
    assert {c.deadline.text for c in found} == {term}


def test_an_earlier_commitment_restated_as_still_to_come_is_postponed():
    body = ("Tijdens het commissiedebat van 4 februari heeft het lid Bikker gevraagd om een overzicht van de "
            "wachttijden. Tevens zal ik u dan de eerder toegezegde brief over de tarieven sturen.")
    found = _commitments(body, "2024-03-20")
    assert [(c.kind, c.status) for c in found][-1] == ("earlier", "postponed")
    assert "toegezegde brief" in found[-1].evidence.sentence


def test_a_promise_kept_in_the_letter_is_not_put_off_by_a_later_answer_elsewhere():
    body = ("Naar aanleiding van het verzoek van de vaste commissie voor Defensie informeer ik u als volgt. "
            "De missie is afgerond.\n\nWaarnemingen\n\nDe rapportage wordt besproken.\n\nVervolg\n\n"
            "Op 2 april stelde het lid Jansen schriftelijke vragen. "
            "Ik zal deze vragen voor 1 juni beantwoorden.")
    found = _commitments(body, "2024-03-20")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("earlier", "postponed")]


def test_a_put_off_report_expected_later_postpones_the_earlier_promise():
    """Regression (eval M fin-2009-evaluatie-icesave): 'verwacht ik nu dat ik u … ongeveer eind april
    kan aanbieden' after an announced evaluation is its new term; 'ongeveer' belongs to the term."""
    body = ("Bij brief van 28 november jl. heb ik u bericht dat ik een evaluatie zou laten uitvoeren van de "
            "gang van zaken rondom Icesave. Aangezien de onderzoekers meer bronnen hebben betrokken dan "
            "aanvankelijk was voorzien, verwacht ik nu dat ik u de resultaten van de evaluatie ongeveer eind "
            "april kan aanbieden.")
    (c,) = _commitments(body, "2009-04-03")
    assert (c.kind, c.status, c.deadline.text, c.deadline.end) == (
        "earlier", "postponed", "ongeveer eind april", "2009-04-30")


def test_not_within_the_named_term_postpones():
    """Regression (eval O kst-31936-301): 'niet binnen de genoemde termijn afgerond' was no delay word."""
    body = ("In het AO Luchtvaart van 30 september jl. heeft mijn ambtsvoorgangster de toezegging gedaan uw "
            "Kamer eind oktober het besluit te zullen doen toekomen. Helaas is de besluitvorming niet binnen "
            "de genoemde termijn afgerond.")
    (c,) = _commitments(body, "2015-11-05")
    assert (c.kind, c.status) == ("earlier", "postponed")


def test_missing_the_promised_term_is_no_refusal():
    """Regression (eval M kst-31568-87): the refusal pattern ('niet … toegezegd') matched 'niet binnen de
    toegezegde termijn', so the delay was dropped."""
    body = ("Op dit moment worden de actieplannen uitgewerkt. Dit proces heb ik niet binnen de toegezegde "
            "termijn van twee maanden kunnen afronden.")
    (c,) = _commitments(body, "2011-07-11")
    assert (c.kind, c.status) == ("earlier", "postponed")


@pytest.mark.parametrize("last, status, kinds", [
    ("Het actieplan ouderenhuisvesting kan dan naar verwachting in het eerste kwartaal van 2013 aan uw Kamer "
     "worden gezonden.", "postponed", ["earlier"]),
    ("Over de huurtoeslag zal ik uw Kamer in het eerste kwartaal van 2013 informeren.", "fulfilled",
     ["earlier", "new"]),
])
def test_a_later_term_for_the_same_deliverable_further_on_postpones(last, status, kinds):
    """Regression (eval O kst-32847-28): a promise further on in the section that gives a term for what
    was promised (a long word in common) puts the commitment off; a promise about something else is new."""
    body = ("Tijdens het algemeen overleg op 24 november 2011 heeft de toenmalige minister toegezegd een "
            "actieplan ouderenhuisvesting op te stellen.\n\nIk wil de nieuwe gegevens van het "
            "woononderzoek afwachten. Ook zal ik met externe partijen van gedachten wisselen.\n\n" + last)
    found = _commitments(body, "2012-07-12")
    assert [c.kind for c in found] == kinds and found[0].status == status
    if status == "postponed":
        assert found[0].deadline.end == "2013-03-31"


def test_an_uitstelbrief_telling_now_mede_namens_with_the_new_term_after():
    """Regression (eval Q kst-33750-VI-118): 'Hierbij bericht ik u, mede namens …, dat de brief niet in
    april … kan worden gezonden' tells now (no promise), and 'die u vóór het AO … zult ontvangen' is
    the new term of the promised letter."""
    body = ("Hierbij bericht ik u, mede namens de Minister van Binnenlandse Zaken, dat de brief over "
            "vuurwerk niet in april aan uw Kamer kan worden gezonden.\n\nToezending van deze brief was u "
            "toegezegd in de brief van 13 januari jl. De uitkomsten worden meegenomen in de toegezegde "
            "brief, die u vóór het Algemeen Overleg vuurwerk van 27 mei a.s. zult ontvangen.")
    found = _commitments(body, "2014-04-14")
    assert [c.kind for c in found] == ["earlier"]
    assert found[0].deadline.end == "2014-05-26"


@pytest.mark.parametrize("closing, term", [
    ("De beantwoording zal plaatshebben omstreeks 20 januari 2009.", "omstreeks 20 januari 2009"),
    ("De beantwoording van deze vragen zal naar verwachting eind januari plaatsvinden.", "eind januari"),
])
def test_an_uitstelbrief_closing_on_the_answer_gives_the_new_term(closing, term):
    """Regression (eval vws-2009-uitstel-kamervragen-leijten-amerpoort): the uitstelbrief's closing line
    with the answer as subject gave no term, so the postponed questions kept none."""
    body = ("De vragen van het Kamerlid Jansen (SP) over de wachtlijsten, ingezonden op 22 december 2008, "
            "kunnen tot mijn spijt niet binnen de gebruikelijke termijn worden beantwoord.\n\n"
            "De reden van het uitstel is dat nog nadere informatie moet worden ontvangen.\n\n" + closing)
    (c,) = _commitments(body, "2009-01-12")
    assert (c.kind, c.status, c.deadline.text) == ("earlier", "postponed", term)


@pytest.mark.parametrize("body, kinds", [
    ("In bijgaande brief informeer ik u hierover zoals is toegezegd in mijn brief van maart 2012. U wordt "
     "voor de zomer verder geïnformeerd over de uitvoering.", [("earlier", "fulfilled"), ("new", "open")]),
    ("Hierbij bied ik u het rapport aan. Hiermee geef ik invulling aan de verzoeken van de vaste commissie "
     "van 8 november. Ik verwacht het wetsvoorstel in het voorjaar van 2012 in te dienen bij uw Kamer.",
     [("earlier", "fulfilled"), ("new", "open")]),
])
def test_a_letter_that_keeps_a_promise_and_announces_more_has_both(body, kinds):
    """Regression (eval U kst-31322-200, kst-31536-13): 'In bijgaande brief informeer ik u' and 'Hiermee
    geef ik invulling aan de verzoeken' keep the promise; the term after it is a new promise, not the
    kept one's postponement."""
    assert statuses_of(body, "2012-01-19") == kinds


@pytest.mark.parametrize("body", [
    "De vragen van het lid Klaver over dierproeven (ingezonden 27 maart 2013) kunnen tot mijn spijt niet "
    "binnen de gevraagde termijn worden beantwoord.",
    "Hierbij deel ik uw Kamer mede dat de reactie niet binnen de verzochte termijn kan worden gegeven.",
])
def test_an_answer_late_for_the_term_asked_is_a_postponed_request(body):
    """Regression (eval Z ah-tk-20122013-1909): 'niet binnen de gevraagde termijn' was not read as an
    uitstelbrief."""
    assert statuses_of(body, "2013-04-10") == [("earlier", "postponed")]


def test_telling_about_a_promise_in_this_letter_keeps_it_and_a_later_letter_is_new():
    """Regression (eval Z kst-32670-193): 'Tevens informeer ik uw Kamer over mijn toezegging …' keeps the
    promise; the letter announced for next week is a promise of its own, not its postponement."""
    body = ("Tevens informeer ik uw Kamer over mijn toezegging uit het debat over stikstof om de gevolgen "
            "voor de bouw in kaart te brengen. Volgende week informeert het kabinet uw Kamer over de "
            "maatregelen.")
    assert statuses_of(body, "2019-10-04") == [
        ("earlier", "fulfilled"), ("new", "open")]


def test_a_letter_ahead_of_the_promised_one_restates_the_promise():
    """Regression (eval Z kst-29984-662): 'Vooruitlopend hierop wil ik uw Kamer informeren over …' after a
    toezegging: this letter is not the promised one, so the promise stands as a new, open one."""
    body = ("In het AO ProRail van 17 februari jl. heb ik toegezegd uw Kamer voor de zomer nader te "
            "informeren over mijn visie op ProRail.\n\nVooruitlopend hierop wil ik uw Kamer informeren over "
            "de aanbesteding van drie contracten.")
    (c,) = _commitments(body, "2016-04-12")
    assert (c.kind, c.status, c.deadline.text) == ("new", "open", "voor de zomer")
    assert c.debate.title == "ProRail"


def test_a_wish_of_the_kamer_that_cannot_be_met_in_time_is_postponed():
    """Regression (eval AC vw-2008-aanvalsplan-ov-chipkaart-uitstel)."""
    body = ("Dit brengt met zich mee dat het niet haalbaar is aan de wens van de Kamer te voldoen om het "
            "plan al begin november te sturen.")
    assert statuses_of(body, "2008-11-12") == [("earlier", "postponed")]


def test_a_delay_that_names_the_promised_term_postpones_it_paragraphs_later():
    """Regression (eval dev kst-29689-379): 'toegezegd dat ik voor 1 maart 2012 … zal presenteren', two
    paragraphs on 'is het niet mogelijk dat ik voor 1 maart 2012 … zend': was fulfilled."""
    body = ("Tijdens het algemeen overleg van 4 oktober heb ik toegezegd dat ik voor 1 maart 2012 aan de "
            "Tweede Kamer een voorstel zal sturen over de bekostiging.\n\nIk heb de Onderwijsraad "
            "gevraagd om hierover advies uit te brengen.\n\nOmdat ik dit advies nog niet heb ontvangen, "
            "is het niet mogelijk dat ik voor 1 maart 2012 een voorstel aan de Kamer zend.")
    assert statuses_of(body, "2012-02-20") == [("earlier", "postponed")]


def test_a_delay_that_names_another_term_does_not_postpone():
    body = ("Tijdens het algemeen overleg van 4 oktober heb ik toegezegd dat ik voor 1 maart 2012 aan de "
            "Tweede Kamer een voorstel zal sturen over de bekostiging.\n\nHet voorstel treft u hierbij "
            "aan.\n\nDe invoering van de regeling zelf is niet mogelijk voor 1 januari 2014.")
    assert statuses_of(body, "2012-02-20") == [("earlier", "fulfilled")]


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
    found = _commitments(body, "2011-10-21")
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
    assert statuses_of(body, "2013-03-08") == [("earlier", "fulfilled"), ("earlier", "postponed")]


def test_a_send_told_in_the_present_tense_in_an_earlier_letter_is_an_earlier_commitment():
    """Regression (eval AQ kst-29477-196): 'In mijn brief van 1 maart jl. heb ik u geïnformeerd dat ik u
    het onderzoeksrapport aanbied vóór de zomer van 2012' was no commitment (only 'zou'/'zal' was)."""
    body = ("In mijn brief van 3 februari jl. heb ik u geïnformeerd dat ik u de evaluatie toestuur voor "
            "1 mei 2015. Hierbij bied ik u de evaluatie aan.")
    found = _commitments(body, "2015-04-20")
    assert [(c.kind, c.status, c.deadline.text) for c in found] == [
        ("earlier", "fulfilled", "voor 1 mei 2015")]


def test_a_delay_after_the_delivery_concerns_what_follows_it():
    """Regression (eval AQ kst-29477-196): 'Ik bied u hierbij het rapport aan. Gezien de demissionaire
    status van het kabinet laat ik het innemen van een standpunt over aan mijn ambtsopvolger.' made the
    promised report postponed."""
    body = ("In het algemeen overleg van 3 februari heb ik toegezegd u het rapport over de apotheken voor de "
            "zomer te sturen.\n\nIk bied u hierbij het rapport aan. Gezien de demissionaire status van het "
            "kabinet laat ik het innemen van een standpunt over aan mijn ambtsopvolger.")
    assert statuses_of(body, "2012-07-05") == [("earlier", "fulfilled")]


def test_the_thing_delivered_between_treft_u_and_aan_keeps_the_promise():
    """Regression (eval dev kst-19637-1460): 'Conform de toezeggingen … treft u bijgaand een verslag aan'
    was not read as a delivery, so the promise of results later was taken for its new term (postponed)."""
    body = ("Conform de toezegging tijdens het wetgevingsoverleg van 18 mei 2010 treft u bijgaand een "
            "verslag aan van de eerste bevindingen. Uiteraard zal uw Kamer te zijner tijd over de "
            "resultaten van de evaluatie worden geïnformeerd.")
    assert statuses_of(body, "2011-10-17") == [
        ("earlier", "fulfilled"), ("new", "open")]


def test_one_toezegging_singled_out_after_a_line_about_several_is_its_own_and_postponed():
    """Regression (eval AR kst-33506-43): 'Daarmee doe ik op één na alle toezeggingen van het AO gestand.
    De enige toezegging waar ik nu nog niet aan kan voldoen betreft een plan …' was read as part of the
    general line, so the postponed promise was lost."""
    body = ("In vervolg op de toezeggingen in het algemeen overleg van 5 februari informeer ik u over de "
            "voortgang. Daarmee doe ik op één na alle toezeggingen van het AO gestand. De enige toezegging "
            "waar ik nu nog niet aan kan voldoen betreft een plan voor de voorlichting. Ik zal uw Kamer "
            "hierover in het najaar berichten.")
    found = _commitments(body, "2020-06-15")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("earlier", "postponed")]
    assert found[1].deadline.text == "in het najaar"


def test_the_toezegging_restated_by_what_it_concerns_stays_one_commitment():
    body = ("In het algemeen overleg van 4 november heb ik toegezegd u te informeren over de stages. De "
            "toezegging betreft informatie over hoe het bedrijfsleven wordt betrokken. Hierbij informeer "
            "ik u.")
    assert statuses_of(body, "2010-06-15") == [("earlier", "fulfilled")]


def test_a_promise_in_the_next_paragraph_on_another_deliverable_stands_on_its_own():
    """Regression (eval dev kst-31497-101): a request answered in the letter, then, a paragraph on, the
    next progress report promised: the request is fulfilled and the report is a new commitment."""
    body = ("Voorts heeft de vaste commissie voor Onderwijs gevraagd om een beleidsreactie op het rapport "
            "van de inspectie over de opvangvoorzieningen. Deze beleidsreactie is in deze rapportage "
            "opgenomen. Ook de cijfers over het verzuim zijn bijgewerkt.\n\n"
            "De volgende voortgangsrapportage zal ik eind 2013 aan uw Kamer toezenden.")
    found = _commitments(body, "2013-06-18")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("new", "open")]
    assert found[1].deadline.text == "eind 2013"


@pytest.mark.parametrize("follow", [
    "Daarna informeer ik u zo spoedig mogelijk.",  # points back
    "Ik zal u over de uitkomst van deze bespreking voor 1 juli informeren.",  # 'deze' + what was asked
    "Ik zal trachten het kabinetsstandpunt vóór eind oktober aan uw Kamer te sturen.",  # a later term
])
def test_a_promise_in_the_next_paragraph_that_answers_the_request_postpones_it(follow):
    body = ("Bij brief van 11 september verzocht de vaste commissie mij vóór 1 oktober een reactie te geven "
            "op de bespreking in de Raad. Het overleg met de andere lidstaten is nog niet begonnen. "
            "Ook de Europese Commissie moet haar voorstel nog uitwerken.\n\n" + follow)
    found = _commitments(body, "2008-09-25")
    assert [(c.kind, c.status) for c in found] == [("earlier", "postponed")]


def test_requests_in_one_run_put_off_after_the_last_are_postponed_together():
    """Regression (eval dev kst-27925-921, kst-32827-153): the delay after the second of two requests
    named one after the other puts off both, to the same term."""
    body = ("Op 24 november heeft de vaste commissie voor Defensie verzocht om een schriftelijke reactie op "
            "het vonnis. Tevens verzocht de commissie om antwoorden op drie vragen over dit vonnis.\n\n"
            "Hierbij deel ik uw Kamer mede dat de reactie binnen de gevraagde termijn niet haalbaar is. "
            "Ik verwacht uw Kamer eind januari 2023 nader te kunnen informeren.")
    found = _commitments(body, "2022-12-13")
    assert [(c.status, c.deadline.text if c.deadline else None) for c in found] == [
        ("postponed", "eind januari 2023"), ("postponed", "eind januari 2023")]


def test_a_request_the_letter_answers_stays_fulfilled_when_the_next_one_is_put_off():
    body = ("De vaste commissie verzocht om het rapport over de kazernes. Hierbij zend ik u het rapport. "
            "Tevens verzocht de commissie om een reactie op het advies van de Raad.\n\n"
            "Deze reactie is binnen de gevraagde termijn niet haalbaar. Ik verwacht u eind januari te "
            "informeren.")
    assert statuses_of(body, "2022-12-13") == [("earlier", "fulfilled"), ("earlier", "postponed")]


def test_a_promise_kept_in_the_present_tense_is_not_put_off_with_the_next():
    """Regression (eval/links kst-28973-79): 'Zoals ik u heb toegezegd stel ik deze rapportage ter
    beschikking' keeps that promise; only the visie promised after it is put off."""
    body = ("Zoals ik u heb toegezegd stel ik deze rapportage ook direct ter beschikking aan uw Kamer.\n\n"
            "Dit verslag is voor mij een belangrijke basis voor de visie die ik u heb toegezegd. "
            "Ik zal mijn visie uiterlijk in november aan uw Kamer aanbieden.")
    assert statuses_of(body, "2011-09-23") == [("earlier", "fulfilled"), ("earlier", "postponed")]


def test_a_later_term_the_sender_expects_postpones_the_earlier_promise():
    """Regression (eval dev kst-29517-185): promised 'voor het einde van het kalenderjaar', the letter
    says it now expects to report 'uiterlijk februari 2020'."""
    body = ("In het Algemeen Overleg van 14 november jl. heb ik toegezegd uw Kamer voor het einde van het "
            "kalenderjaar te informeren over de brandweerzorg. Om tot een zinvolle brief te komen wil ik "
            "eerst de reactie van de veiligheidsregio's afwachten. Om die reden denk ik uw Kamer uiterlijk "
            "februari 2020 nader te kunnen informeren.")
    (c,) = _commitments(body, "2019-12-19")
    assert (c.kind, c.status, c.deadline.text) == ("earlier", "postponed", "uiterlijk februari 2020")


def test_a_request_answered_in_this_kamerbrief_is_kept_beside_a_toezegging_from_another_meeting():
    """Regression (eval BA kst-21501-20-1411): a committee's request at a procedurevergadering and the
    toezegging from an AO in the next sentence are two commitments; 'De kabinetsreactie is opgenomen
    in deze Kamerbrief' keeps the request, while the toezegging is put off to a separate letter."""
    body = ("In de procedurevergadering van de vaste commissie voor Europese Zaken van 14 november 2018 "
            "vroeg de commissie om een kabinetsreactie bij het verslag van de Europese Commissie. De "
            "kabinetsreactie is opgenomen in deze Kamerbrief. Als laatste zegde de Minister van Buitenlandse "
            "Zaken tijdens het AO over het MFK toe de Kamer vertrouwelijk te informeren over de financiële "
            "risico's. Uw Kamer ontvangt hierover een separate Kamerbrief.")
    found = _commitments(body, "2018-12-06")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert found[0].status == "fulfilled"
    assert (found[0].debate.type, found[0].debate.title, found[0].debate.date) == (None, None, "2018-11-14")
    assert (found[1].debate.type, found[1].debate.title) == ("algemeen overleg", "MFK")


def test_a_request_named_then_answered_in_the_present_keeps_it_beside_a_later_promise():
    """Regression (eval BD kst-24170-124): 'Conform uw verzoek … bericht ik u over de stand van zaken' is
    kept by this letter; the report announced for the spring is a promise of its own, not its new term."""
    body = ("Conform uw verzoek van 16 september 2011 bericht ik u over de stand van zaken van de "
            "instelling van de denktank. De denktank brengt komend voorjaar een tussenrapportage uit. Deze "
            "kunt u dus komend voorjaar tegemoet zien.")
    assert statuses_of(body, "2011-11-07") == [("earlier", "fulfilled"), ("new", "open")]


def test_two_toezeggingen_taking_more_time_are_two_postponed_commitments_with_the_new_term():
    """Regression (eval BD kst-CII-I): 'Door mijn ambtsvoorganger is voorts … toegezegd' is a second
    toezegging; 'nog enige tijd gaat duren' puts both off; the term is the one promised to both
    chambers ('aan de beide Kamers te kunnen aanbieden')."""
    body = ("Ik heb de Eerste Kamer toegezegd de elementen uit de motie-Engels daarbij te betrekken. Door "
            "mijn ambtsvoorganger is voorts aan de Tweede Kamer een notitie over raadsontbinding toegezegd. "
            "Hierbij bericht ik u dat het gestand doen van deze toezeggingen nog enige tijd gaat duren. Ik "
            "streef ernaar de beschouwing uiterlijk 1 april 2015 aan de beide Kamers te kunnen aanbieden.")
    found = _commitments(body, "2014-12-19")
    assert [(c.kind, c.status) for c in found] == [("earlier", "postponed"), ("earlier", "postponed")]
    assert [c.deadline.end for c in found] == ["2015-04-01", "2015-04-01"]


def test_a_request_delivered_in_the_next_sentence_is_kept_beside_a_later_promise():
    """Regression (eval BD kst-36277-53): 'Hierbij bied ik u deze reactie aan' right after the request keeps
    it; the reaction promised in the debate on later amendments is a promise of its own."""
    body = ("In de plenaire behandeling op 19 april 2023 heeft de Tweede Kamer mij verzocht om een "
            "schriftelijke reactie op de ingediende amendementen. Hierbij bied ik u deze reactie aan. Op "
            "nieuwe amendementen zal ik reageren in mijn eerste termijn tijdens de voortzetting van de "
            "behandeling na het meireces.")
    assert statuses_of(body, "2023-05-08") == [("earlier", "fulfilled"), ("new", "open")]


@pytest.mark.parametrize("body", [
    "Zoals toegezegd zal ik uw Kamer direct op de hoogte stellen van de uitkomst van de arbitrage.",
    # the meeting where it was promised named inside the 'zoals … toegezegd' clause
    "Zoals ik u tijdens het Algemeen Overleg Arbeidsmarkt op 17 maart 2010 heb toegezegd (Kamerstuk "
    "29 544, nr. 241), zal ik u tegelijk met de novembereditie van de Monitor Arbeidsmarkt de Monitor "
    "Jeugd aanbieden.",
])
def test_a_promise_restated_as_still_to_come_is_what_this_letter_promises(body):
    """An open promise restated with 'zoals (…) toegezegd', neither kept nor late (eval/README): one
    new, open commitment."""
    assert statuses_of(body, "2010-03-31") == [("new", "open")]


def test_a_promise_whose_next_sentence_expects_it_after_its_term_is_postponed():
    """Regression (eval dev kst-35300-VIII-160): the promised term, then a later one expected in the
    next sentence, without any word of delay."""
    (c,) = _commitments("Eerder is toegezegd begin 2020 de campagne tegen heling te lanceren. We verwachten "
                        "hiermee na de zomer te kunnen starten.", "2020-03-10")
    assert (c.status, c.deadline.text) == ("postponed", "na de zomer")


def test_a_promise_kept_on_time_stays_fulfilled_with_a_later_step_named_elsewhere():
    found = _commitments("Ik heb toegezegd u voor de zomer het rapport te sturen. Hierbij ontvangt u het "
                         "rapport.\n\nIn het najaar volgt een werkbezoek aan de regio.", "2020-05-10")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body, term", [
    # the whole answer is a promise to come back once the matter is ready: an uitstelbrief
    ("De vaste commissie voor Defensie heeft mij op 3 maart verzocht de Kamer een toelichting te geven op "
     "de inzet van drones.\n\nDe gevraagde informatie vereist afstemming met andere ministeries. Ik zal "
     "uw Kamer informeren zodra die afstemming gereed is.", "zodra die afstemming gereed is"),
    ("Op 2 oktober heeft uw vaste commissie mij verzocht om een afschrift van mijn antwoord op de brief van "
     "de bewonersvereniging te doen toekomen.\n\nDe behandeling van het verzoek van de vereniging vergt "
     "overleg met de provincie. Mijn besluit zal ik te zijner tijd aan de Tweede Kamer toezenden.",
     "te zijner tijd"),
    ("U verzoekt mij om u per openbare brief te informeren over het resultaat van de onderhandelingen.\n\n"
     "Momenteel ben ik nog in gesprek met de vervoerders.\n\nOver de uitkomst zal ik u per brief "
     "informeren.", None),
])
def test_a_request_answered_only_by_a_promise_to_come_back_is_postponed(body, term):
    (c,) = _commitments(body, "2013-04-17")
    assert (c.kind, c.status) == ("earlier", "postponed")
    assert (c.deadline.text if c.deadline else None) == term


@pytest.mark.parametrize("body", [
    # something is delivered with the letter: the promise after it is one of its own
    "De vaste commissie heeft mij verzocht haar te informeren over de stand van zaken.\n\nBijgaand zend ik "
    "u het rapport van de inspectie. De wet zal in 2021 worden geëvalueerd. Hierover zal de Tweede Kamer "
    "geïnformeerd worden.",
    # the letter tells what it can now and promises more
    "De vaste commissie heeft mij verzocht de Kamer te informeren over de uitvoering van de motie.\n\n"
    "Het kabinet werkt aan maatregelen, zoals aangegeven in de brief van 20 december.\n\n"
    "Het kabinet zal uw Kamer hier voor 1 april nader over informeren.",
    # what was asked has been done
    "In 2013 heeft – op verzoek van uw Kamer – een evaluatie van de wet plaatsgevonden.\n\n"
    "Het rapport is mij op 7 november aangeboden. Binnen drie maanden zal ik u informeren over mijn "
    "beleidsreactie.",
    # asked for a reaction, the letter is that reaction
    "U heeft mij gevraagd te reageren op het bericht dat de stichting stopt per 1 januari.\n\nDit bericht "
    "betreur ik. De stichting heeft een belangrijke bijdrage geleverd aan duurzame ketens.\n\nIk ben "
    "voornemens een verkenner aan te stellen. Ik zal uw Kamer daar voor het einde van het jaar over "
    "informeren.",
    # the request asks to refrain from something, not to be told
    "De vaste commissie heeft mij verzocht om geen onomkeerbare stappen te nemen bij de verkoop van "
    "gronden.\n\n"
    "Partijen zijn momenteel in overleg. Zodra zij overeenstemming hebben bereikt, zal ik uw Kamer hierover "
    "informeren.",
])
def test_a_request_the_letter_answers_keeps_the_promise_after_it_apart(body):
    assert statuses_of(body, "2019-04-15") == [("earlier", "fulfilled"), ("new", "open")]


def test_a_restated_promise_after_a_request_is_an_open_promise_of_its_own():
    """'Zoals toegezegd zal ik uw Kamer … op de hoogte stellen' after a request answered in the letter is
    not that request's evidence: the request is kept, the restated promise is new (eval/README)."""
    body = ("Naar aanleiding van de in het debat op 9 november gestelde vragen over de arbitrage bericht ik "
            "u als volgt. Het scheidsgerecht streeft ernaar uiterlijk 4 december een vonnis te wijzen. Zoals "
            "toegezegd zal ik uw Kamer hiervan direct op de hoogte stellen.")
    found = _commitments(body, "2009-11-16")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("new", "open")]
    assert found[1].deadline.text == "direct"


def test_a_request_put_off_until_a_condition_takes_the_condition_as_its_term():
    body = ("Tijdens de regeling van werkzaamheden heeft het lid Jansen verzocht om een reactie van het "
            "kabinet. Door omstandigheden heeft bespreking in de ministerraad nog niet plaatsgevonden. "
            "Zodra de besprekingen zijn afgerond zal de Kamer spoedig schriftelijk geïnformeerd worden.")
    (c,) = _commitments(body, "2015-04-01")
    assert (c.kind, c.status) == ("earlier", "postponed")
    assert c.deadline.text == "Zodra de besprekingen zijn afgerond"


def test_a_condition_is_the_term_when_direct_follows_it():
    (c,) = _commitments("Wanneer er meer bekend is, zal het kabinet de Kamer direct informeren.")
    assert (c.kind, c.deadline.text) == ("new", "Wanneer er meer bekend is")


def test_a_letter_that_comes_ahead_of_a_promise_a_sentence_later_leaves_it_open():
    """'Vooruitlopend hierop …' right after the promise, or after one sentence that says more about it,
    means this letter does not keep it: the promise restated is new (eval/README)."""
    body = ("In het commissiedebat van 17 februari heb ik toegezegd uw Kamer voor de zomer nader te "
            "informeren over mijn visie op het spoor. Daarbij zal ik ook ingaan op de contracten voor "
            "onderhoud. Vooruitlopend hierop informeer ik uw Kamer over de aanbesteding van drie contracten.")
    found = _commitments(body, "2016-04-12")
    assert (found[0].kind, found[0].status, found[0].deadline.text) == ("new", "open", "voor de zomer")


@pytest.mark.parametrize("body", [
    # 'mede invulling geven aan' a toezegging: this letter is part of what keeps it
    "Ten slotte geef ik mede invulling aan mijn toezegging, gedaan in het algemeen overleg van 20 juni, om "
    "de financiële opgave nader uit te werken.",
    # part of what was asked answered ahead of the rest
    "Daarnaast beantwoord ik alvast twee vragen die de Kamer op 15 juli stelde over de kwaliteit van de "
    "doorlichtingen.",
])
def test_a_promise_kept_in_part_here_is_partly_fulfilled(body):
    assert statuses_of(body, "2016-12-23") == [("earlier", "partly_fulfilled")]


def test_a_request_the_letter_answers_in_its_own_words_is_no_uitstelbrief():
    """Nothing says the answer is not ready: the letter answers, and the promise after it is its own."""
    body = ("Uw Kamer heeft mij op 3 maart verzocht u te informeren over de uitkomst van het overleg met de "
            "provincies.\n\nHet overleg heeft geleid tot een bestuurlijk akkoord. De provincies ontvangen "
            "samen 200 miljoen euro.\n\nIk zal uw Kamer informeren zodra de uitvoeringsafspraken zijn "
            "vastgelegd.")
    assert statuses_of(body, "2019-04-01") == [("earlier", "fulfilled"), ("new", "open")]


def test_something_sent_ahead_of_a_debate_is_not_partly_kept():
    body = ("Zoals toegezegd in het commissiedebat van 4 maart stuur ik u hierbij alvast het rapport van de "
            "commissie.")
    assert statuses_of(body, "2019-04-01") == [("earlier", "fulfilled")]


@pytest.mark.parametrize("condition", ["Zodra", "Nadat"])
def test_a_promise_after_a_condition_beside_a_request_kept_here_is_new_whatever_the_conjunction(condition):
    body = ("Dit conform het verzoek van de leden van de vaste commissie tijdens het algemeen overleg van 24 "
            "september jl. In bijgevoegde brief verzoek ik de inspectie mij te informeren. "
            f"{condition} ik die informatie heb ontvangen zal ik die aan u doorgeleiden.")
    assert statuses_of(body, "2009-10-08") == [("earlier", "fulfilled"), ("new", "open")]


def test_a_request_declined_as_not_possible_is_answered_not_postponed():
    """'Het is niet mogelijk om …' without a term declines what was asked: the request is answered (eval
    README: also when declined), and the promise for later stands on its own; 'niet mogelijk … voor de
    zomer' is a delay."""
    body = ("Tijdens de regeling van werkzaamheden heeft het lid Jansen verzocht de conceptteksten van het "
            "akkoord openbaar te maken. Middels deze brief reageer ik op dit verzoek.\n\nHet is niet "
            "mogelijk om te onderhandelen indien documenten waarover nog wordt onderhandeld openbaar "
            "worden.\n\nZodra de partijen een akkoord hebben bereikt, wordt dit verstuurd aan de Kamer.")
    assert statuses_of(body, "2023-05-26") == [("earlier", "fulfilled"), ("new", "open")]
    late = ("Tijdens de regeling van werkzaamheden heeft het lid Jansen verzocht om een brief over het "
            "akkoord. Het is helaas niet mogelijk u die brief voor de zomer te sturen.")
    assert statuses_of(late, "2023-05-26") == [("earlier", "postponed")]
