"""Request families of misses found on the kept evaluation set's dev half (eval/gold/dev), each covered
by one general rule: how a letter names what the Kamer, a committee, its clerk or a member asked (in the
passive, by letter, as written questions, named again as 'uw verzoek'), and what is no request it
answers (motions, promises of others, a request met before). Sentences are written the way letters put
them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of as _commitments
from letters import statuses_of


@pytest.mark.parametrize("body", [
    "Hierbij bied ik u het rapport over de grondwaterstand aan, waarom door uw Kamer op 3 maart 2020 "
    "is verzocht.",
    "Door het lid Bikker is tijdens het commissiedebat gevraagd om een overzicht van de wachttijden.",
    "Op 2 februari is door de vaste commissie voor Financiën verzocht om een reactie op het rapport.",
])
def test_passive_requests_are_earlier_commitments(body):
    assert statuses_of(body) == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    "Middels de motie van het lid Jansen heeft de Tweede Kamer verzocht een plan op te stellen.",
    "Uw Kamer heeft via gewijzigde motie van het lid De Vries het kabinet verzocht in gesprek te gaan.",
    "In dat overleg heeft de Stichting van de Arbeid toegezegd u regelmatig te informeren.",
    "De provincies hebben toegezegd hun plannen voor 1 juli op te leveren.",
    "Zoals gebruikelijk zend ik u ook dit voorjaar de voortgangsrapportage.",
    "De Kamer wordt periodiek geïnformeerd over de voortgang van het programma.",
])
def test_motions_promises_of_others_and_routine_are_not_commitments(body):
    assert _commitments(body) == []


def test_an_answer_given_in_the_letter_stays_fulfilled_and_a_later_promise_is_new():
    body = ("Naar aanleiding van het verzoek van de vaste commissie voor Defensie van 4 mei jl. informeren "
            "wij u als volgt. De missie wordt op dit moment geëvalueerd. De evaluatie zal na de zomer aan de "
            "Kamer worden gezonden.")
    assert statuses_of(body, "2024-06-10") == [
        ("earlier", "fulfilled"), ("new", "open")]


def test_a_relative_term_of_a_request_is_not_counted_from_the_letter_date():
    (c,) = _commitments("Tevens heeft uw Kamer verzocht om binnen twee weken een brief te ontvangen over "
                        "de uitvoering van de moties.", "2024-02-20")
    assert (c.kind, c.deadline.text, c.deadline.start, c.deadline.end) == (
        "earlier", "binnen twee weken", None, None)
    (new,) = _commitments("Ik zal uw Kamer binnen twee weken informeren over de uitkomst.", "2024-02-20")
    assert (new.deadline.start, new.deadline.end) == ("2024-02-20", "2024-03-05")


@pytest.mark.parametrize("body, kind", [
    ("Conform het verzoek van uw Kamer van 18 november jl. stuur ik u hierbij het rapport.", "earlier"),
    ("Op uw verzoek heb ik met mijn ambtgenoot afgesproken dat het onderzoek eerder klaar is.", "earlier"),
    ("Over dit onderwerp heeft het lid Vuijk op 8 april schriftelijke vragen gesteld.", "earlier"),
    ("Tevens heeft de vaste commissie voor Defensie op 20 april feitelijke vragen gesteld.", "earlier"),
    ("Hierbij ontvangt u de door mij toegezegde rapportage over de uitspraak van de rechtbank.", "earlier"),
    ("Ik heb uw Kamer in het debat over de Voorjaarsnota beloofd terug te komen op de kosten.", "earlier"),
    ("U wordt op de hoogte gebracht van de resultaten van het onderzoek.", "new"),
])
def test_requests_of_the_kamer_written_questions_and_being_kept_informed(body, kind):
    assert [c.kind for c in _commitments(body)] == [kind]


def test_a_request_to_say_when_is_answered_by_the_term_and_the_promise_is_new():
    body = ("De vaste commissie voor Defensie heeft mij op 23 juni jl. verzocht om informatie over het "
            "tijdstip waarop de Kamer zal worden ingelicht over het plan. Ik zal de Kamer in augustus "
            "informeren over dit plan.")
    assert statuses_of(body, "2011-07-01") == [
        ("earlier", "fulfilled"), ("new", "open")]


@pytest.mark.parametrize("body, kind", [
    ("U heeft mij om een reactie op deze brief verzocht.", "earlier"),
    ("Zodra de partijen tot een akkoord zijn gekomen, wordt deze verstuurd aan de Kamer.", "new"),
])
def test_the_kamer_as_subject_of_a_request_and_a_conditional_passive_send(body, kind):
    assert [c.kind for c in _commitments(body)] == [kind]


@pytest.mark.parametrize("body", [
    "U heeft daarbij aangegeven dat u het BNC-fiche over dit voorstel uiterlijk 23 januari 2012 verwacht.",
    "Deze brief dient tevens als reactie op de bij brief van 5 april 2018 door de Eerste Kamer gestelde "
    "vraag over de planning.",
])
def test_a_wish_or_question_of_the_kamer_is_a_request(body):
    assert [c.kind for c in _commitments(body, "2018-06-01")] == ["earlier"]


@pytest.mark.parametrize("body", [
    "Naar aanleiding van uw brief van 3 maart (36 100-12) deel ik u het volgende mede. De pilot loopt.",
    "In reactie op uw schriftelijke verzoek van 11 november ga ik hieronder in op de stand van zaken.",
    "In antwoord op de brief van 31 maart van de vaste commissie voor Financiën bericht ik u als volgt.",
    "Naar aanleiding van de verzoeken van de vaste commissie voor Defensie d.d. 15 en 23 oktober "
    "informeer ik u als volgt.",
    "Op 9 april heeft Uw vaste commissie voor Binnenlandse Zaken mij gevraagd naar de planning.",
    "Op 4 maart stelde het lid De Vries (SP) vragen over de sluiting van de kazerne. De kazerne blijft open.",
])
def test_the_kamers_own_letters_and_requests_in_other_wordings_are_earlier(body):
    assert [c.kind for c in _commitments(body)] == ["earlier"]


def test_a_request_named_again_as_yours_is_the_same_request():
    body = ("Tijdens de Regeling van Werkzaamheden heeft het lid Timmermans verzocht het plan te ontvangen. "
            "In reactie op uw verzoek merk ik op dat het plan bijna gereed is.")
    assert [c.kind for c in _commitments(body)] == ["earlier"]


@pytest.mark.parametrize("body", [
    "In uw brief van 12 maart 2024 heeft u gevraagd wanneer het actieplan aan de Kamer wordt aangeboden.",
    "U verzoekt mij om u per brief te informeren over de uitkomst van het overleg met de provincies.",
    "Met deze brief voldoe ik tevens aan uw verzoek om een reactie op het advies van de Raad van State.",
])
def test_the_kamer_as_u_asking_is_a_request_the_letter_answers(body):
    """Regression (eval batches M, N): 'heeft u gevraagd' (the verb before 'u'), 'U verzoekt mij om u
    … te informeren' and 'voldoe ik aan uw verzoek' were not read as requests."""
    assert statuses_of(body) == [("earlier", "fulfilled")]


def test_a_bare_u_vraagt_mij_in_a_letter_of_answers_is_no_request():
    """'U vraagt mij …' opens each answer in a letter answering questions: not a commitment each."""
    body = ("U vraagt mij of de regeling ook voor zzp'ers geldt. Dat is het geval. U vraagt mij hoeveel "
            "aanvragen er zijn gedaan. Dat waren er 120.")
    assert _commitments(body) == []


@pytest.mark.parametrize("body, n", [
    ("Op uw verzoek heeft het kabinet bij Najaarsnota ook een doorkijk gegeven naar 2016.", 0),
    ("Op de begrotingen van VenJ en OCW 2016 zijn op verzoek van uw Kamer wijzigingen doorgevoerd.", 0),
    ("Op uw verzoek stuur ik u hierbij het rapport over de wachttijden.", 1),
])
def test_a_request_recalled_as_met_before_is_not_answered_by_the_letter(body, n):
    """Regression (eval T kst-34300-69)."""
    assert len(_commitments(body, "2015-12-14")) == n


@pytest.mark.parametrize("body", [
    "Hierbij geef ik antwoord op de vragen gesteld aan de regering door de leden van de fractie van het CDA.",
    "Hierbij ontvangt u de antwoorden op de vragen, zoals aangeboden met de brief van de voorzitter van de "
    "vaste commissie voor Buitenlandse Zaken.",
])
def test_answers_to_what_a_committee_or_fraction_asked_keep_a_request(body):
    """Regression (eval V kst-35608-J, U 2008D23614-ek-irak-antwoorden)."""
    assert statuses_of(body, "2022-06-01") == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    # answers to a member's questions enclosed with a letter about something else (eval/README, reviews AA,
    # AC, AU); a letter that is the answer keeps the request (test_wordings, as the Aanhangsel letters of dev)
    "Hierbij informeer ik u over de wachtlijsten. Tevens ontvangt u de antwoorden op de vragen van het lid "
    "Jansen over de wachtlijsten.",
    "Hiermee geef ik invulling aan mijn wettelijke taak.",
])
def test_answers_to_a_members_questions_and_plain_delivery_are_no_commitment(body):
    assert _commitments(body, "2022-06-01") == []


@pytest.mark.parametrize("body", [
    "In een brief van 27 november heeft de griffier van de vaste commissie voor Justitie en Veiligheid mij "
    "verzocht om een reactie op het rapport.",
    "Naar aanleiding van de brieven die ik op 7 februari ontving van de griffier van de vaste commissie, "
    "deel ik u het volgende mee.",
])
def test_the_committee_clerks_letter_is_the_committees_request(body):
    """Regression (eval Z kst-24557-279, Y kst-22026-380)."""
    assert statuses_of(body, "2025-12-10") == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    "Zoals aangekondigd in de Voorjaarsnota, investeert het kabinet structureel in het mbo.",
    "Verder bevat deze brief een reactie op de motie van de leden De Rouwe en Mulder (Kamerstukken II "
    "2013/14, 29 023, nr. 157) waarin de regering wordt verzocht de voor- en nadelen te onderzoeken.",
    "De motie van het lid Jansen verzoekt de regering uw Kamer voor 1 juni te informeren.",
])
def test_a_policy_announced_before_and_a_motion_with_a_reference_are_no_commitments(body):
    """Regression (eval Z kst-31524-511, Y kst-32849-21)."""
    assert _commitments(body, "2022-06-01") == []


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
    assert _commitments(body, "2018-05-01") == []


@pytest.mark.parametrize("body", [
    "Mede op verzoek van uw Kamer stuur ik u hierbij het rapport over de waterkwaliteit.",
    "Op verzoek van uw Kamer informeer ik u over de stand van zaken.",
    "Het rapport is opgesteld op verzoek van uw Kamer; met deze brief bied ik het u aan.",
])
def test_a_request_this_letter_answers_stays_an_earlier_commitment(body):
    assert statuses_of(body, "2018-05-01") == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    # the request named after the delivery (eval AU lnv-2018-stand-van-zaken-fosfaatrechtenstelsel)
    "Hierbij stuur ik u de actuele prognose van het CBS, zoals ook is verzocht door de vaste commissie voor "
    "Landbouw, Natuur en Voedselkwaliteit.",
    # the Kamer sends a third party's letter on (eval AU venw-2008-reactie-bouwend-nederland-cvbip)
    "Op 29 april zond u mij een afschrift van een brief van de brancheorganisatie over de versnelling van "
    "projecten met het verzoek op deze brief te reageren.",
    # 'Met deze brief geef ik invulling aan' opening the letter, the request it keeps named in it
    "Met deze brief geef ik invulling aan het verzoek van de vaste commissie voor Landbouw om een stand van "
    "zakenbrief.",
])
def test_requests_named_after_the_delivery_or_sent_on_by_the_kamer_are_answered(body):
    assert statuses_of(body, "2018-09-20") == [("earlier", "fulfilled")]


def test_three_requests_announced_at_once_are_the_three_named_next():
    """The general opening 'drie verzoeken' does not stand as a fourth commitment."""
    body = ("Met deze brief geef ik invulling aan drie aan mij gedane verzoeken van de vaste commissie. "
            "Ten eerste het verzoek om uw Kamer te informeren over de stand van zaken. Tevens beantwoord ik "
            "de vragen van de leden Diertens en Kuiken, waarmee ik invulling geef aan een tweede verzoek van "
            "de commissie.")
    found = _commitments(body, "2020-09-08")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert found[0].evidence.sentence.startswith("Ten eerste het verzoek")


def test_as_asked_by_the_committee_in_the_next_paragraph_answers_its_request():
    """Regression (eval dev kst-33763-103): 'Zoals verzocht door de vaste commissie … zal ik dit uiterlijk
    13 mei doen' puts off the committee's request of the paragraph before; it is no further request."""
    body = ("Op 20 april heeft de vaste commissie voor Defensie feitelijke vragen gesteld over de schade.\n\n"
            "Zoals verzocht door de vaste commissie voor Defensie zal ik deze vragen uiterlijk 13 mei "
            "aanstaande beantwoorden.")
    found = _commitments(body, "2016-05-02")
    assert [(c.kind, c.status, c.deadline.text) for c in found] == [
        ("earlier", "postponed", "uiterlijk 13 mei aanstaande")]


def test_a_request_received_from_a_committee_in_any_word_order_is_an_earlier_commitment():
    """Regression (eval AZ kst-33118-152): 'Van de vaste commissie … heb ik op 1 juli 2020 het verzoek
    ontvangen om …' names the committee before the receiving."""
    body = ("Van de vaste commissie voor Infrastructuur en Waterstaat heb ik op 1 juli 2020 het verzoek "
            "ontvangen om een nadere toelichting op de samenstelling. Met deze brief geef ik daaraan gevolg.")
    (c,) = _commitments(body, "2020-07-13")
    assert (c.kind, c.status) == ("earlier", "fulfilled")


@pytest.mark.parametrize("body", [
    # the answer named as such (eval dev kst-32123-XIV-139)
    "Met deze brief geef ik tevens antwoord op uw verzoek tot informatie over de stand van de beheerplannen.",
    # the request dated before its sender (eval dev kst-32820-283)
    "Bijgaand zend ik u op de vraag van 3 mei 2021 van de vaste commissie voor Justitie en Veiligheid mijn "
    "brief aan de raad.",
    "Hiermee geef ik gevolg aan het verzoek van 12 januari jl. van de vaste commissie voor Financiën.",
    # a fraction's spokesperson asking in a debate (eval dev kst-34000-VII-4)
    "Tijdens de algemene beschouwingen is door de woordvoerder van de fractie van de SP gevraagd om in de "
    "notitie aandacht te besteden aan de uitvoering.",
])
def test_an_answer_named_a_dated_request_and_a_spokespersons_question_are_requests_answered(body):
    assert [c.kind for c in _commitments(body, "2021-06-01")] == ["earlier"]


def test_a_note_number_against_the_promise_word_hides_no_commitment():
    """Regression (eval dev kst-34880-16): 'zoals eerder aan uw Kamer is toegezegd5:' carries the note
    number 5 against the word; the word still names the earlier promise."""
    body = ("We bieden de voortgang van de drie aanpakken aan zoals eerder aan uw Kamer is toegezegd5: de "
            "aanpakken pleegzorg, gezinshuizen en gesloten jeugdhulp.")
    assert [c.kind for c in _commitments(body, "2020-02-10")] == ["earlier"]


@pytest.mark.parametrize("body", [
    # present tense (eval dev kst-31293-73)
    "In haar brief van 2 april doet de vaste commissie voor Financiën het verzoek haar te informeren over de "
    "stand van de uitvoering.",
    # plural subject after the verb (eval dev kst-26488-106)
    "In hun brief van 5 mei verzoeken de commissies mij te reageren op een artikel in de krant.",
    # questions put in a meeting (eval dev kst-26488-204)
    "Naar aanleiding van de in het debat op 3 juni jl. aan de minister gestelde vragen over de aanbesteding "
    "kan ik u het volgende melden.",
])
def test_a_request_in_the_present_in_the_plural_or_put_in_a_meeting(body):
    assert [c.kind for c in _commitments(body, "2020-06-10")] == ["earlier"]


@pytest.mark.parametrize("body", [
    # what is to be sent named before the verb (eval dev BF kst-31239-124)
    "U verzoekt het jaarverslag, met het oog op het notaoverleg van 2 december, uiterlijk 20 november aan uw "
    "Kamer te sturen. Hierbij bied ik u het jaarverslag aan.",
    # the questions the Kamer put (eval dev BF vws-2018-vso-faillissement-ziekenhuizen)
    "Hierbij stuur ik u de antwoorden op de vragen die uw Kamer heeft gesteld in het schriftelijk overleg "
    "van 3 april over de spoedeisende hulp.",
    # a request in a list of what the letter takes up (eval dev BF kst-21501-32-1514)
    "In deze brief ga ik in op de motie van het lid Jansen en op het verzoek om de Kamer te informeren over "
    "de stand van zaken van het visserijbeheer.",
])
def test_a_request_named_by_what_it_asks_or_by_the_questions_put(body):
    assert [c.kind for c in _commitments(body, "2018-11-20")] == ["earlier"]


@pytest.mark.parametrize("body", [
    # (eval dev kst-36261-3) the request as what a committee meeting led to
    "De initiatiefnota is in de procedurevergadering van 7 december 2022 besproken door de vaste commissie "
    "voor Justitie en Veiligheid en heeft geleid tot het verzoek een kabinetsreactie te sturen.",
    "Het gesprek met de commissie leidde tot het verzoek om een overzicht van de wachtlijsten.",
    # (eval dev kst-28676-134) the request taken up as a topic
    "Wat het verzoek om verzending van de evaluatie betreft, verwijs ik u naar mijn brief van 21 juni jl.",
])
def test_a_request_named_as_what_a_meeting_led_to_or_as_a_topic_is_answered(body):
    assert [c.kind for c in _commitments(body, "2023-01-20")] == ["earlier"]


def test_a_member_request_with_the_letter_it_followed_named_between():
    """Regression (eval dev kst-31200-III-13): the member, the letter his request followed and its
    Kamerstuk stand between 'heeft het lid' and 'verzocht'."""
    body = ("Gisteren heeft het lid van uw Kamer de heer Van Raak (SP) naar aanleiding van mijn brief van "
            "10 juni jl. (Kamerstuk 31 200 III, nr. 12) over de kosten van de verbouwing van het paleis "
            "aanvullende informatie verzocht, namelijk een overzicht van de afzonderlijke regelingen.")
    assert [c.kind for c in _commitments(body, "2008-06-12")] == ["earlier"]


@pytest.mark.parametrize("body", [
    "Het lid Pechtold heeft tot slot aangegeven graag meer te weten over de nieuwe systematiek.",
    "De vaste commissie heeft daarbij aangegeven graag te willen vernemen hoe de regeling uitpakt.",
])
def test_a_members_stated_wish_to_know_is_a_request(body):
    assert [c.kind for c in _commitments(body, "2008-06-12")] == ["earlier"]
