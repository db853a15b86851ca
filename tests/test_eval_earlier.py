"""Earlier-commitment families of misses found on the kept evaluation set's dev half (eval/gold/dev),
each covered by one general rule: how a letter names a promise made before (promise verbs, the simple
past, register items, general lines on moties and toezeggingen, a commitment named again) and when two
mentions are one commitment or two. Sentences are written the way letters put them, not copied from the
set."""

from __future__ import annotations

import dataclasses

import pytest

from letters import commitments_of as _commitments
from letters import letter_of, statuses_of


@pytest.mark.parametrize("body", [
    "Tijdens het commissiedebat van 4 april heeft de minister toegezegd de Kamer te informeren over de "
    "pilot.",
    "Het lid Bikker heeft gevraagd om een brief, hetgeen ik heb toegezegd.",
])
def test_promises_of_the_government_side_stay_earlier_commitments(body):
    assert [c.kind for c in _commitments(body)] == ["earlier"]


def test_a_numbered_toezegging_of_the_register_is_an_earlier_commitment():
    body = ("Gelet op de toezegging (TZ202402-109) gedaan in het commissiedebat Landbouw en visserij van "
            "15 februari 2024 informeer ik u over de stand van zaken. Hiermee doe ik ook toezegging T03210 "
            "gestand.")
    found = _commitments(body)
    assert [c.kind for c in found][:1] == ["earlier"]
    assert found[0].debate.type == "commissiedebat"
    assert found[0].debate.date == "2024-02-15"


def test_a_general_mention_stands_for_what_one_named_commitment_leaves_out():
    body = ("Ook kom ik terug op enkele toezeggingen en een motie.\n\n"
            "Tijdens het commissiedebat van 4 april heb ik toegezegd u te informeren over de pilot.")
    assert [c.kind for c in _commitments(body)] == ["earlier", "earlier"]
    body += "\n\nTevens heb ik toegezegd de evaluatie voor de zomer te sturen."
    found = _commitments(body)
    assert len(found) == 2 and not any("enkele toezeggingen" in c.evidence.sentence for c in found)


def test_a_general_mention_stays_where_the_text_stops_before_the_closing():
    """Regression (eval dev kst-30573-237, kst-36800-XX-A): a copy that ends before the signature may
    not give every promise the general line announces, so two named ones do not make it redundant;
    a line opening a list ('de volgende toezeggingen:') still gives way to its items."""
    from toezegging_cli.extract import report_for

    body = ("Tijdens het overleg heb ik een aantal toezeggingen gedaan.\n\n"
            "Tijdens het commissiedebat van 4 april heb ik toegezegd u te informeren over de pilot.\n\n"
            "Tevens heb ik toegezegd de evaluatie voor de zomer te sturen.")
    signed = letter_of(body)
    assert len(report_for(signed, second_opinion=False).commitments) == 2
    cut = dataclasses.replace(signed, meta=dataclasses.replace(signed.meta, signatories=[]))
    found = report_for(cut, second_opinion=False).commitments
    assert len(found) == 3 and "een aantal toezeggingen" in found[0].evidence.sentence
    listing = body.replace("Tijdens het overleg heb ik een aantal toezeggingen gedaan.",
                           "Tenslotte informeer ik u over de volgende toezeggingen:")
    cut_list = dataclasses.replace(cut, body=listing)
    assert len(report_for(cut_list, second_opinion=False).commitments) == 2

def test_an_announcement_in_an_earlier_document_is_an_earlier_commitment():
    (c,) = _commitments("Zoals aangekondigd in de 9e voortgangsrapportage informeer ik u in deze "
                        "voortgangsrapportage over de streefdatum.")
    assert (c.kind, c.status) == ("earlier", "fulfilled")


@pytest.mark.parametrize("body", [
    "In reactie op het verzoek van de vaste commissies voor Defensie en Buitenlandse Zaken om een "
    "kabinetsreactie informeren wij u als volgt.",
    "Naar aanleiding van het verzoek van de vaste Kamercommissie voor Economische Zaken zend ik u hierbij "
    "de brief van de Europese Commissie.",
    "Op 14 oktober ontving ik van de vaste commissie voor Verkeer en Waterstaat het verzoek om een reactie "
    "op de brief van de bond.",
    "Eerder berichtte ik u dat het wetsvoorstel naar verwachting na het zomerreces zou kunnen worden "
    "ingediend.",
    "Met deze brief geef ik invulling aan de toezeggingen door mijn ambtsvoorganger bij de behandeling van "
    "het Belastingplan.",
])
def test_requests_and_earlier_promises_in_further_wordings(body):
    assert [c.kind for c in _commitments(body)] == ["earlier"]


def test_a_label_heading_gives_way_to_the_sentence_under_it_as_evidence():
    """Regression (eval kst-36410-IV-H): under the heading 'Toezegging T03728' the evidence was the
    heading itself, which says nothing of the promise."""
    body = ("Met deze brief informeer ik u over de stand van zaken.\n\nToezegging T03728\n\n"
            "In bijgaande brief ben ik ingegaan op het akkoord met Aruba over het financieel toezicht.")
    found = _commitments(body)
    assert [c.kind for c in found] == ["earlier"]
    assert found[0].evidence.sentence.startswith("In bijgaande brief ben ik ingegaan")


def test_a_request_by_letter_and_a_toezegging_at_a_named_meeting_are_two_commitments():
    """Regression (eval kst-30950-434): the committee's letter asking for a reaction and the
    toezegging made at a later debate were one commitment; the gold keeps one per request and per
    toezegging."""
    body = ("De vaste commissie voor Binnenlandse Zaken heeft mij op 4 april 2024 per brief verzocht om "
            "een reactie op het rapport. Tijdens het commissiedebat discriminatie van 16 april 2024 heb ik "
            "toegezegd met een reactie te komen.")
    found = _commitments(body, "2024-06-01")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert found[0].debate is None and found[1].debate.date == "2024-04-16"


def test_a_request_and_the_toezegging_that_answered_it_in_the_same_meeting_stay_one():
    body = ("Tijdens het commissiedebat van 16 april 2024 heeft het lid Jansen gevraagd om een overzicht. "
            "Dit heb ik toegezegd.")
    assert [c.kind for c in _commitments(body, "2024-06-01")] == ["earlier"]


def test_a_past_statement_of_a_plan_survives_a_long_bracketed_reference():
    """Regression (eval batch M): 'heb ik, tijdens de behandeling … (d.d. …) (Handelingen …)
    aangegeven dat ik zal bezien …': the references put the verb beyond the pattern's reach."""
    body = ("In antwoord hierop heb ik, tijdens de behandeling van de begroting 2014 (d.d. 30 oktober 2013) "
            "(Handelingen II 2013/14, nr. 17, item 7) aangegeven dat ik zal bezien hoe ik de programma's kan "
            "verstevigen.")
    assert [c.kind for c in _commitments(body)] == ["earlier"]


@pytest.mark.parametrize("body", [
    "In deze brief kom ik onder meer terug op verschillende – door uw Kamer aangenomen – moties en "
    "toezeggingen op het terrein van migratie.",
    "Met deze brief wordt aan een aantal moties en toezegging voldaan op het terrein van de zorg.",
])
def test_a_general_line_on_motions_and_toezeggingen_with_words_between(body):
    """Regression (eval 2025D33530, kst-34775-XVI-121): the general line was missed when words stood
    between 'verschillende' and 'moties', or when 'toezegging' was singular."""
    assert statuses_of(body) == [("earlier", "fulfilled")]


@pytest.mark.parametrize("sep, added", [(" ", 0), ("\n\n", 1)])
def test_the_second_opinion_adds_no_earlier_commitment_that_continues_one_the_rules_found(sep, added):
    """Regression (eval M fin-2009-evaluatie-icesave): 'Daarbij heb ik opgemerkt dat …' right after the
    rules' earlier commitment, in its paragraph, says more about it; in a paragraph of its own the
    classifier's pick still counts."""
    from toezegging_cli import assemble as rules
    from toezegging_cli.assemble import learned
    from toezegging_cli.tag import tag_letters

    body = ("Bij brief van 28 november jl. heb ik u bericht dat ik een evaluatie zou laten uitvoeren." + sep +
            "Daarbij heb ik opgemerkt dat de onderzoekers naar verwachting in maart klaar zouden zijn.")
    letter = letter_of(body, "2009-04-03")
    _, tagged = next(tag_letters([letter]))
    sents, headings = rules._sentences(tagged.body.text, tagged.body.sentences, tagged.body.entities,
                                       letter.page_at)
    _, _, used = rules._text_commitments(letter, sents, headings, rules.triggers(), "2009-04-03")
    todo = learned.candidates(sents, used)
    assert [s.text[:7] for s in todo] == ["Daarbij"]
    adds = learned.additions(letter, sents, used, "2009-04-03", thresholds={"earlier": 0.9, "new": 0.9},
                             scores=[{"earlier": 0.97, "new": 0.01}])
    assert len(adds) == added


@pytest.mark.parametrize("body, kinds", [
    ("Met betrekking tot uw vraag over de toegezegde informatie inzake het aantal flexwerkers kan ik u "
     "mededelen dat de cijfers in maart verschijnen.", [("earlier", "fulfilled")]),
    ("Hierbij reageer ik op de brief van uw vaste commissie met betrekking tot de begrotingsbehandeling.",
     [("earlier", "fulfilled")]),
    ("Ik zal de nieuwe bewindspersoon verzoeken de gevraagde reactie (inclusief de toegezegde reactie op "
     "de gerelateerde onderwerpen) voor de zomer aan uw Kamer te zenden.", [("new", "open")]),
])
def test_promised_information_named_and_a_reply_to_a_committee_letter(body, kinds):
    """Regression (eval M kst-32500-XV-19, kst-33400-VIII-5): 'de toegezegde informatie' is an earlier
    commitment, except in a sentence that itself promises (there it is the new term); 'reageer ik op de
    brief van uw vaste commissie' answers a request."""
    assert statuses_of(body, "2010-12-03") == kinds


def test_a_request_opened_by_daarnaast_after_a_toezegging_is_a_commitment_of_its_own():
    """Regression (eval P kst-21501-32-1400): 'Daarnaast is … door de vaste commissie verzocht …' after a
    toezegging in the same paragraph was merged into it; like 'Tevens heb ik toegezegd …' it is a further
    commitment."""
    body = ("In het commissiedebat over de Landbouw- en Visserijraad van 21 februari jl. heb ik toegezegd uw "
            "Kamer te informeren over de inzet. Daarnaast is in de procedurevergadering van 24 februari jl. "
            "door de vaste commissie verzocht om uw Kamer voor 8 maart 2022 te informeren over ecosystemen.")
    found = _commitments(body, "2022-03-08")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")] * 2
    assert found[0].debate.type == "commissiedebat" and found[1].deadline.end == "2022-03-07"


def test_promises_listed_under_a_line_naming_the_toezeggingen_are_earlier_commitments():
    """Regression (eval S kst-31293-73): the items under 'Tijdens het AO zijn de volgende drie toezeggingen
    gedaan:' read as new promises; each restates a toezegging of that meeting (named earlier, with the
    inflected 'het Algemene Overleg')."""
    body = ("In de brief van 4 maart 2010 vraagt de commissie naar de toezeggingen die zijn gedaan tijdens "
            "het Algemene Overleg inzake segregatie d.d. 3 februari 2010.\n\nTijdens het AO zijn de volgende "
            "twee toezeggingen gedaan:\n\n1. vóór het zomerreces ontvangt de Kamer de tussentijdse evaluatie "
            "van de pilots;\n\n2. omstreeks 15 maart 2010 ontvangt de Kamer een rapportage over de school.")
    found = [c for c in _commitments(body, "2010-03-18") if c.evidence.sentence[:2] in ("1.", "2.")]
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert {(c.debate.type, c.debate.title, c.debate.date) for c in found} == {
        ("algemeen overleg", "segregatie", "2010-02-03")}


def test_a_list_of_topics_under_a_general_line_stays_one_commitment():
    body = ("Met deze brief informeer ik uw Kamer over de uitvoering van de volgende moties en toezeggingen "
            "op de volgende onderwerpen:\n\n• Het Wmo-toezicht.\n\n• Mantelzorg.\n\n• Tolkvoorzieningen.")
    assert statuses_of(body, "2020-06-01") == [("earlier", "fulfilled")]


def test_the_general_line_is_the_one_that_says_this_letter_takes_them_up():
    """Regression (eval S kst-26643-1149): 'Bijlage 1B vermeldt de nog openstaande moties en toezeggingen'
    was taken as the general line, and 'een aantal moties en de afdoening van gedane toezeggingen' was
    not read as one."""
    body = ("Bijlage 1B vermeldt de nog openstaande moties en toezeggingen. Met deze brief informeer ik u "
            "ook over de opvolging van een aantal moties en de afdoening van gedane toezeggingen.")
    (c,) = _commitments(body, "2024-03-01")
    assert c.evidence.sentence.startswith("Met deze brief")


@pytest.mark.parametrize(("body", "first"), [
    # 'een divers aantal' (eval dev kst-36410-XVI-35)
    ("Voorafgaand aan de begrotingsbehandeling sturen wij uw Kamer hierbij een stand van zaken van een "
     "divers aantal moties en toezeggingen. Een aantal van deze moties wordt met het verzenden van deze "
     "brief als afgedaan beschouwd.", "Voorafgaand"),
    # 'een aantal van de toezeggingen' (eval dev kst-30492-53)
    ("Ik heb tijdens deze debatten een aantal toezeggingen gedaan. Een aantal van de toezeggingen wordt met "
     "deze brief nagekomen, voor de overige wordt aangegeven hoe ze verder worden uitgevoerd.", "Een aantal"),
])
def test_a_quantity_of_toezeggingen_in_other_words_is_the_general_line(body, first):
    (c,) = _commitments(body, "2024-01-17")
    assert (c.kind, c.status) == ("earlier", "fulfilled")
    assert c.evidence.sentence.startswith(first)


@pytest.mark.parametrize("body", [
    "Graag informeer ik uw Kamer, conform toezegging, over de uitkomsten van de top van 15 december.",
    "Naar aanleiding van de discussies is in een algemeen overleg op 8 december 2016 aangegeven dat de "
    "knelpunten opnieuw zouden worden bekeken en dat daarover zou worden gerapporteerd aan uw Kamer.",
])
def test_a_toezegging_named_without_an_article_or_in_the_passive_is_earlier(body):
    """Regression (eval V 2026D01729-verzamelbrief-ez, U kst-27926-278): 'conform toezegging' and 'is in
    een AO aangegeven dat … zou worden gerapporteerd aan uw Kamer' were not read as earlier commitments."""
    assert statuses_of(body, "2017-06-08") == [("earlier", "fulfilled")]


def test_a_register_item_and_the_paragraph_under_it_are_one_commitment():
    """Regression (eval V kst-36800-XX-A): an item 'Toezegging, naar aanleiding van een vraag van het lid
    X (CDA), over … (T03930).' and the paragraph telling where it was made were two commitments."""
    body = ("Toezegging, naar aanleiding van een vraag van het lid Bovens (CDA), over het nakomen van "
            "getekende afspraken met gemeenten (T03930).\n\n"
            "In een debat met uw Kamer op 8 oktober 2024 heeft de minister-president u toegezegd (T03930) "
            "dat aan getekende afspraken niet wordt getornd. Bij deze bevestig ik dat.\n\n"
            "Toezegging, naar aanleiding van een vraag van het lid Janssen (SP), om de link naar de "
            "asielcijfers in het wekelijkse persbericht op te nemen.\n\n"
            "Die link staat sinds januari in het persbericht.")
    found = _commitments(body, "2025-12-10")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert found[0].evidence.sentence.startswith("In een debat met uw Kamer")
    assert found[0].debate.date == "2024-10-08"
    assert [m.name for m in found[0].members] == ["Bovens"]


def test_a_further_toezegging_to_another_member_is_its_own_commitment():
    """Regression (eval U kst-19637-1938): 'In deze reactie doe ik ook mijn toezegging aan het lid Azmani
    gestand' was folded into the request of another member before it."""
    body = ("Met deze brief kom ik ook tegemoet aan het verzoek van het lid Gesthuizen (SP) tijdens de "
            "regeling van werkzaamheden op 4 november jl. om een schriftelijke reactie. In deze reactie doe "
            "ik ook mijn toezegging aan het lid Azmani (VVD) gestand om mijn brief van 23 oktober toe te "
            "lichten.")
    found = _commitments(body, "2014-12-18")
    assert [[m.name for m in c.members] for c in found] == [["Gesthuizen"], ["Azmani"]]


@pytest.mark.parametrize("body", [
    "Tijdens het algemeen overleg van 7 november 2019 zegde ik toe om de stand van zaken rond de "
    "piketacties met uw Kamer te delen.",
    "Tijdens het algemeen overleg van 8 december 2010 kondigde ik aan dat ik uw Kamer voortaan een "
    "gebundelde beleidsreactie zou sturen.",
    "Tevens verstrek ik nadere informatie over het beoogde gesprek, conform het verzoek van 4 februari jl.",
])
def test_promises_in_the_simple_past_and_requests_named_by_their_date_are_earlier(body):
    """Regression (eval X kst-31753-190, kst-32827-153; W kst-24587-428, kst-27830-147): 'zegde ik toe',
    'kondigde ik aan dat ik … zou' and 'conform het verzoek van 4 februari' were not read."""
    assert [c.kind for c in _commitments(body, "2020-02-01")] == ["earlier"]


def test_the_promises_made_named_as_a_group_give_one_general_line():
    """Regression (eval X kst-32827-214): 'de gedane toezeggingen' beside 'een aantal toezeggingen' gave two
    general lines; the one saying this letter takes them up is kept."""
    body = ("Uw Kamer heeft in het afgelopen jaar moties aangenomen. Ook heb ik uw Kamer een aantal "
            "toezeggingen gedaan.\n\nMet deze brief informeer ik u over de stand van zaken van de aangenomen "
            "moties en de gedane toezeggingen.")
    (c,) = _commitments(body, "2021-07-07")
    assert (c.kind, c.status) == ("earlier", "fulfilled")
    assert c.evidence.sentence.startswith("Met deze brief")


@pytest.mark.parametrize("body", [
    "In diezelfde brief beloofde ik ook om uw Kamer dit najaar te informeren over de stappen.",
    "Daarnaast ga ik in op de motie Bisschop en mijn toezeggingen omtrent het beheer van de "
    "Oosterscheldekering.",
    "De toezeggingen zoals gedaan tijdens het algemeen overleg Landbouw- en Visserijraad op 8 oktober 2014 "
    "zijn opgenomen in de bijlage.",
    "Tijdens de regeling van werkzaamheden op 12 maart jl. deed uw Kamer het verzoek om een brief.",
    "Met deze brief beantwoorden wij de vragen van de leden van de D66-, CDA- en BBB-fracties.",
])
def test_more_wordings_of_an_earlier_promise_or_request(body):
    """Regression (eval AA kst-34352-260, AB kst-33750-J-20, AA kst-21501-32-845, kst-23987-327,
    2026D07946-so-landbouw-visserijraad): 'beloofde ik', 'mijn toezeggingen omtrent', 'toezeggingen zoals
    gedaan tijdens', 'deed uw Kamer het verzoek', 'beantwoorden wij de vragen van de … fracties'."""
    assert [c.kind for c in _commitments(body, "2022-10-01")] == ["earlier"]


@pytest.mark.parametrize("body", [
    "Om invulling te geven aan mijn toezegging van 4 november 2020 is de Staat van de Drinkwatervoorziening "
    "opgesteld.",
    "Hierbij bied ik uw Kamer dit document aan, waarmee ik voldoe aan mijn toezegging van 28 september.",
    "Hierbij doe ik mijn toezegging gestand om de Tweede Kamer per brief te informeren over de missie.",
    "Op 13 december 2011 ontving ik uw verzoek om de Kamer te informeren over de uitvoering van de motie.",
    "Hierbij stuur ik u naar aanleiding van uw schriftelijke verzoek van 7 februari 2012 een overzicht.",
    "Ten eerste het verzoek om uw Kamer te informeren over de stand van zaken van de regeling.",
    "Hierbij beantwoord ik de vragen van uw Kamer van 16 januari jl. over het aanvalsplan.",
    "Zo komt de toezegging over numerus fixus (3931) in deze brief aan de orde.",
    "Vragen van het lid Tang (PvdA) aan de minister van Financiën over het bericht dat DNB de verkoop heeft "
    "geblokkeerd.",
])
def test_letters_as_they_come_name_their_promises_and_requests_in_these_ways(body):
    """Regression (eval AC/AD, a batch taken as the stored pages gave it, first score recall 0.39):
    kst-27625-538, kst-29502-140, kst-32706-13, kst-32813-15, kst-33000-XIII-168, kst-35420-106,
    vw-2009-ov-chipkaart-aanvalsplan-vragen, kst-34911-J, ah-tk-20082009-1338."""
    assert statuses_of(body, "2021-03-01") == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    "Conform de toezeggingen gedaan door de toenmalige minister van Justitie tijdens het wetgevingsoverleg "
    "van 18 mei 2010 stuur ik u hierbij de onderzoeken.",
    "Conform de toezegging gedaan door de minister van Justitie stuur ik u hierbij het rapport.",
    "Hiermee beantwoord ik, mede namens de minister van Onderwijs, Cultuur en Wetenschap, de vragen die uw "
    "vaste commissie op 8 oktober stelde.",
    "Bijgaand treft u een overzicht aan van de door mij afgehandelde moties en toezeggingen.",
])
def test_promises_made_by_the_minister_of_the_day_and_answers_for_the_committee_are_earlier(body):
    """Regression (eval AE kst-19637-1460, vw-2009-maaswerken-vragen-vgr15; AF kst-31066-1100): the refusal
    of promises made 'door' someone outside government took 'door de minister' and 'door de toenmalige
    minister' for one (its optional article let the check pass on 'de')."""
    assert [c.kind for c in _commitments(body, "2011-10-17")] == ["earlier"]


@pytest.mark.parametrize("body, kind", [
    ("Tevens treft u informatie over een toezegging die door de toenmalige Staatssecretaris van Binnenlandse "
     "Zaken is gedaan.", "earlier"),
    ("Daarnaast ga ik in op de toezeggingen naar aanleiding van het notaoverleg over de initiatiefnota.",
     "earlier"),
    ("Het kabinet is voornemens om na het zomerreces een nader rapport te sturen met een reactie.", "new"),
])
def test_as_they_come_batch_ai_aj_wordings(body, kind):
    """Regression (eval AI kst-29517-55, kst-28741-112; AJ kst-35300-78)."""
    assert [c.kind for c in _commitments(body, "2020-05-01")] == [kind]


@pytest.mark.parametrize("body", [
    "Naar aanleiding van het ordeverzoek bij het plenair debat over de speech van Zelensky ontvangt u "
    "hierbij een overzicht van de steun.",
    "Bij het onderwerp integriteit kom ik mijn toezegging na om u te informeren over de screening.",
])
def test_a_point_of_order_and_keeping_my_toezegging_are_earlier(body):
    """Regression (eval AM kst-36045-55, kst-31934-35)."""
    assert [c.kind for c in _commitments(body, "2022-04-01")] == ["earlier"]


def test_the_separable_verb_of_keeping_a_promise_names_an_earlier_commitment():
    """Regression (eval AT kst-29984-889): 'Verder vul ik de toezegging in met betrekking tot de door uw
    Kamer gevraagde toelichting …' was no commitment ('invulling geven aan de toezegging' was)."""
    body = ("Verder vul ik de toezegging in met betrekking tot de gevraagde toelichting op de "
            "subsidieregeling voor het spoorgoederenvervoer.")
    assert statuses_of(body, "2020-06-01") == [("earlier", "fulfilled")]


LISTED = (
    "Met deze brief doe ik tevens mijn toezegging gestand uit het algemeen overleg politie van 21 december "
    "om uw Kamer te informeren over de streefcijfers; mijn toezegging uit het vragenuur van 13 februari "
    "(mondelinge vragen van het lid Van Nispen) om uw Kamer te informeren over de werving van ICT-ers; de "
    "toezegging uit het algemeen overleg kinderporno van 15 februari over opleidingen en mijn toezegging "
    "uit het algemeen overleg criminaliteitsbestrijding van 22 februari over de recherche.")


def test_one_sentence_naming_toezeggingen_from_four_meetings_is_four_commitments():
    """Regression (eval dev kst-29628-760): one commitment per toezegging, each with its own meeting,
    its own MPs and the words that name it (eval/README: one commitment per toezegging, also when one
    sentence names several)."""
    found = _commitments(LISTED, "2018-03-12")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")] * 4
    assert [(c.debate.type, c.debate.title, c.debate.date) for c in found] == [
        ("algemeen overleg", "politie", "2017-12-21"),
        ("mondelinge vragen", None, "2018-02-13"),
        ("algemeen overleg", "kinderporno", "2018-02-15"),
        ("algemeen overleg", "criminaliteitsbestrijding", "2018-02-22"),
    ]
    assert [[m.name for m in c.members] for c in found] == [[], ["Van Nispen"], [], []]
    assert {c.evidence.sentence for c in found} == {LISTED}
    assert found[1].evidence.part.startswith("mijn toezegging uit het vragenuur van 13 februari")
    assert found[2].evidence.part.endswith("over opleidingen")
    assert found[3].evidence.part.startswith("mijn toezegging uit het algemeen overleg criminaliteit")


@pytest.mark.parametrize("body", [
    # one meeting named twice, and a promise asked at one meeting and made at another
    "Tijdens het commissiedebat Water van 4 april heb ik toegezegd u te informeren over de dijken, zoals ook "
    "besproken in het commissiedebat Water van 4 april.",
    "Tijdens het commissiedebat van 4 april heb ik toegezegd de brief te sturen die in het debat van 3 maart "
    "werd besproken.",
])
def test_a_sentence_naming_one_toezegging_stays_one_commitment(body):
    found = _commitments(body, "2024-05-01")
    assert len(found) == 1 and found[0].evidence.part is None


def test_register_numbers_listed_in_one_sentence_are_one_commitment_each():
    body = ("Met deze brief doe ik de toezeggingen T03124 aan het lid Ganzevoort en T03125 aan het lid "
            "Schalk gestand.")
    found = _commitments(body, "2024-05-01", "Eerste Kamer")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert [[m.name for m in c.members] for c in found] == [["Ganzevoort"], ["Schalk"]]


def test_a_bare_list_of_register_numbers_does_not_split_the_sentence():
    """Regression (eval AW kst-32467-J): '(T01421, T01422 en T01970)' after two toezeggingen does not say
    which number is which; splitting the sentence per number invented commitments on it."""
    body = ("Tijdens de behandeling van het wetsvoorstel heeft mijn ambtsvoorganger toegezegd een aantal "
            "onderwerpen bij de evaluatie te betrekken.\n\nIn de evaluatie wordt ingegaan op de voornoemde "
            "toezeggingen en op de toezegging die is gedaan tijdens de behandeling van het wetsvoorstel "
            "inzake de trouwambtenaar (T01421, T01422 en T01970).")
    found = _commitments(body, "2018-09-05", "Eerste Kamer")
    assert len(found) == 2 and all(c.evidence.part is None for c in found)


def test_two_toezeggingen_from_two_meetings_in_one_paragraph_are_two_commitments():
    """Regression (eval AU kst-32472-9): neighbouring sentences in one paragraph are one commitment,
    unless each names a toezegging from a meeting of its own."""
    body = ("Daarmee geef ik invulling aan de toezegging van de staatssecretaris bij het AO Milieuraad van 8 "
            "maart 2011 om het document te sturen. Tevens doe ik u de brief aan de Eerste Kamer toekomen. "
            "Daarmee geef ik invulling aan de toezegging die ik heb gedaan tijdens het AO over ggo's op 16 "
            "november 2010.")
    found = _commitments(body, "2011-04-12")
    assert [(c.debate.type, c.debate.date) for c in found] == [
        ("algemeen overleg", "2011-03-08"), ("algemeen overleg", "2010-11-16")]


def test_a_toezegging_made_in_the_simple_past_is_an_earlier_commitment():
    """Regression (eval AW kst-29628-241): 'deed ik de toezegging u in maart … te doen toekomen'."""
    body = ("Tijdens het algemeen overleg op 12 januari jl. deed ik de toezegging u in maart een "
            "uitvoeringsprogramma te doen toekomen. Hierbij doe ik mijn toezegging gestand.")
    (c,) = _commitments(body, "2011-03-31")
    assert (c.kind, c.status, c.debate.date) == ("earlier", "fulfilled", "2011-01-12")
    assert c.deadline.text == "in maart"


@pytest.mark.parametrize(("body", "dates"), [
    # one meeting held twice (eval dev kst-21501-32-845, AX kst-27625-268)
    ("De toezeggingen zoals gedaan tijdens het Algemeen Overleg Visserijraad op 8 oktober 2014 en 10 maart "
     "2015 over de pilot cameratoezicht worden hieronder toegelicht.", ["2014-10-08", "2015-03-10"]),
    # two requests by date (eval dev kst-31536-13)
    ("Hiermee geef ik invulling aan de verzoeken van de vaste commissie van 8 november en 22 december 2011 "
     "over de mestverwerking.", [None, None]),
    # two kinds of meeting after one plural toezegging, the second with a preposition (eval dev kst-30523-73)
    ("In vervolg op mijn toezeggingen tijdens het algemeen overleg Binnenvaart op 12 maart 2014 en bij de "
     "begrotingsbehandeling van het ministerie van Financiën op 20 november 2014 stuur ik u de notitie.",
     ["2014-03-12", "2014-11-20"]),
])
def test_a_plural_toezegging_or_request_on_two_days_is_one_commitment_a_day(body, dates):
    found = _commitments(body, "2015-06-04")
    assert [c.debate.date if c.debate else None for c in found] == dates
    assert all(c.evidence.part for c in found)


def test_one_promise_restated_in_letters_of_several_days_stays_one():
    """Regression (eval dev kst-29509-93): 'zoals toegezegd in de brieven van 14 december 2023, 6 juni
    2024 en 22 oktober 2024' names the letters that restated one promise."""
    body = ("In deze brief informeer ik u over de volgende onderwerpen, zoals toegezegd in de brieven van 14 "
            "december 2023, 6 juni 2024 en 22 oktober 2024:")
    assert len(_commitments(body, "2024-12-17")) == 1


def test_an_inline_list_of_toezeggingen_is_one_commitment_an_item():
    """Regression (eval AY kst-32011-57): 'de volgende toezeggingen …: A, B, … en F' is six toezeggingen,
    each with the meeting named before the colon ('wetsbehandeling … omtrent X')."""
    body = ("Verder informeer ik u met deze brief over de volgende toezeggingen die ik heb gedaan tijdens de "
            "wetsbehandeling van 19 januari jl. omtrent elektronische sigaretten: de three-strikes-out "
            "maatregel, reclame over en gezondheidseffecten van «HeatSticks», de ervaringen van België, het "
            "onderzoek naar een goedkeuringsprocedure, de meetmethode voor TNCO en de retributies.")
    found = _commitments(body, "2017-02-10")
    assert [c.evidence.part for c in found] == [
        "de three-strikes-out maatregel", "reclame over en gezondheidseffecten van «HeatSticks»",
        "de ervaringen van België", "het onderzoek naar een goedkeuringsprocedure",
        "de meetmethode voor TNCO",
        "de retributies"]
    assert {(c.kind, c.status, c.debate.date, c.debate.title) for c in found} == {
        ("earlier", "fulfilled", "2017-01-19", "elektronische sigaretten")}


def test_a_send_to_the_kamer_announced_before_and_put_off_is_an_earlier_commitment():
    """Regression (eval AX kst-33189-5): 'heb ik aangekondigd … aan uw Kamer te sturen' is a promise made
    before, also with a long object between; the later term that follows postpones it."""
    body = ("In september van dit jaar heb ik aangekondigd uiterlijk in het laatste kwartaal van 2016 de "
            "beleidsdoorlichting van artikel 2 Bevorderen autonomie Koninkrijkspartners van het "
            "begrotingshoofdstuk IV Koninkrijksrelaties aan uw Kamer te sturen. De beleidsdoorlichting zal "
            "in het tweede kwartaal van 2017 aan uw Kamer worden aangeboden.")
    (c,) = _commitments(body, "2016-12-09")
    assert (c.kind, c.status, c.deadline.text) == ("earlier", "postponed", "in het tweede kwartaal van 2017")


@pytest.mark.parametrize(("body", "parts"), [
    # a request and a toezegging side by side (eval dev kst-35925-VI-132)
    ("Conform het verzoek van de vaste commissie voor Justitie en Veiligheid en de toezegging van de "
     "Minister-President tijdens het debat over de regeringsverklaring op 19 januari jl. stuur ik u hierbij "
     "het overzicht van de maatregelen.",
     ["Conform het verzoek van de vaste commissie voor Justitie en Veiligheid",
      "de toezegging van de Minister-President tijdens het debat over de regeringsverklaring op 19 "
      "januari jl. stuur ik u hierbij het overzicht van de maatregelen."]),
    # two numbered requests (eval dev kst-32813-321)
    ("Op 9 april zijn door uw Kamer twee verzoeken aan mij gedaan: 1) een verzoek van de vaste commissie om "
     "een toelichting op het tijdpad; 2) een verzoek van het lid Klaver over de uitspraak van de rechter. "
     "Met deze brief geef ik daaraan gevolg.",
     ["Op 9 april zijn door uw Kamer twee verzoeken aan mij gedaan: 1) een verzoek van de vaste commissie om "
      "een toelichting op het tijdpad", "een verzoek van het lid Klaver over de uitspraak van de rechter."]),
])
def test_toezeggingen_and_requests_listed_side_by_side_are_one_commitment_each(body, parts):
    found = _commitments(body, "2022-02-09")
    assert [c.evidence.part for c in found] == parts
    assert all(c.kind == "earlier" for c in found)


def test_a_request_about_a_toezegging_stays_one_commitment():
    """What one request asks ('het verzoek … om de toezegging … uit te voeren') is not a second part."""
    body = ("Met deze brief geef ik gevolg aan het verzoek van de vaste commissie om de toezegging van de "
            "minister over de pilot uit te voeren.")
    assert len(_commitments(body, "2022-02-09")) == 1


def test_requests_named_by_the_day_they_came_are_one_commitment_each():
    """Regression (eval dev venw-2009-rbml-uitstel): 'Op 14 oktober ontving ik … het verzoek …, op 16
    november vragen van het kamerlid Meeuwis … en op 26 november … het verzoek …' is three requests."""
    body = ("Op 14 oktober 2009 ontving ik van de vaste commissie het verzoek om een reactie op de brief "
            "van derden, op 16 november 2009 vragen van het kamerlid Meeuwis over de luchtsport en op 26 "
            "november 2009 van de vaste commissie het verzoek om een reactie op de brief van de KNVvL. Ik "
            "verwacht u voor 1 februari 2010 te kunnen antwoorden.")
    found = _commitments(body, "2009-12-10")
    assert [c.kind for c in found] == ["earlier"] * 3
    assert [[m.name for m in c.members] for c in found] == [[], ["Meeuwis"], []]
    assert found[1].evidence.part.startswith("op 16 november 2009 vragen")


@pytest.mark.parametrize("body", [
    "In de bijlage wordt de voortgang van relevante moties en toezeggingen op het terrein van de jeugd "
    "toegelicht.",
    "Overige moties en toezeggingen komen in paragraaf 7 van deze brief aan de orde.",
    "Voorafgaand aan het kerstreces informeer ik uw Kamer in deze brief over de moties en toezeggingen op "
    "het gebied van cultuur.",
    # the other order (eval dev BG kst-31497-242)
    "Ik ga ook in op de toezeggingen en moties uit eerdere overleggen met de Kamer.",
])
def test_a_general_line_on_motions_and_toezeggingen_without_a_quantity(body):
    """Regression (eval dev kst-28345-278, kst-30234-394, kst-25295-1927): the general line was missed when no
    quantity word ('een aantal', 'diverse') stood before 'moties en toezeggingen'."""
    assert statuses_of(body) == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    "Daarmee geef ik uitvoering aan de toezegging (n.a.v. het notaoverleg van 3 maart (Kamerstuk 31 000, nr. "
    "12)) om de stand van zaken van de proef te melden.",
    "Hiermee geef ik gevolg aan de toezegging die ik heb gedaan bij de begrotingsbehandeling.",
])
def test_carrying_out_a_toezegging_is_an_earlier_commitment(body):
    """Regression (eval dev kst-31753-190): 'uitvoering geven aan de toezegging (…)' named no trigger when a
    long reference in brackets stood between the noun and what it promised."""
    assert statuses_of(body) == [("earlier", "fulfilled")]


@pytest.mark.parametrize("body", [
    # eval dev BF kst-33118-GA
    "In deze eerste van mijn toegezegde voortgangsbrieven bespreek ik de invoering van de wet.",
    # eval dev BF kst-32156-58
    "Hierbij bied ik u de tijdens het commissiedebat Erfgoed van 4 maart 2015 (Kamerstuk 32 820, nr. 99) "
    "toegezegde brief aan over de restauratieregeling.",
])
def test_a_toegezegde_letter_named_by_its_sender_or_its_meeting_is_earlier(body):
    assert statuses_of(body) == [("earlier", "fulfilled")]


def test_two_toezeggingen_named_by_where_and_what_are_one_commitment_each():
    """Regression (eval dev BG kst-30015-111): 'de toezegging in de verzamelbrief … en de toezegging met
    betrekking tot …' was one commitment because only 'van/aan/om/tot/over/door' opened a list member."""
    body = ("Met deze brief wordt voldaan aan de toezegging in de verzamelbrief water van 3 mei 2022 om u "
            "over nieuwe afspraken te informeren en de toezegging met betrekking tot regionale netwerken die "
            "aan u is gedaan tijdens het commissiedebat water van 9 september 2021.")
    found = _commitments(body, "2022-12-21")
    assert [c.kind for c in found] == ["earlier", "earlier"]
    assert found[1].evidence.part.startswith("de toezegging met betrekking tot")
    assert found[1].debate.date == "2021-09-09"


def test_consecutive_toezeggingen_to_different_members_are_one_commitment_each():
    """Regression (eval ocw-2013-toezegging-ao-macrodoelmatigheid-mbo): two sentences of one paragraph
    that each tell a toezegging to other members were one commitment, so the second was missed."""
    body = ("De leden Omtzigt (CDA) en Van Weyenberg (D66) heb ik toegezegd de cijfers over de instroom te "
            "laten uitsplitsen naar sector. Het lid Heerma (CDA) heb ik toegezegd om de rapportage over de "
            "doelmatigheid nader toe te lichten.")
    got = [(c.kind, sorted(m.name for m in c.members)) for c in _commitments(body, "2019-10-07")]
    assert got == [("earlier", ["Omtzigt", "Van Weyenberg"]), ("earlier", ["Heerma"])]


def test_a_toezegging_told_again_of_the_same_member_stays_one_commitment():
    body = ("Het lid Omtzigt (CDA) heb ik toegezegd de cijfers over de instroom te laten uitsplitsen. "
            "Die toezegging aan het lid Omtzigt kan ik nu gestand doen.")
    assert [c.kind for c in _commitments(body, "2019-10-07")] == ["earlier"]


@pytest.mark.parametrize("body", [
    # (eval dev kst-32156-58) a delivered toezegging, then one told with what it promised
    "Hierbij bied ik u de tijdens het notaoverleg Cultuur van 8 september 2014 toegezegde brief aan over "
    "de beschikbare cijfers van het erfgoed. Ik heb toegezegd dat ik na overleg met het IPO zou terugkomen "
    "op de aanbevelingen uit dit rapport.",
    # the passive, with the letter it was made in
    "Tijdens het commissiedebat Arbeidsmarkt heb ik u toegezegd de evaluatie voor de zomer te sturen. In een "
    "brief aan uw Kamer van 21 juni 2016 is toegezegd om onderzoek te doen naar de positie van jongeren.",
])
def test_a_toezegging_told_with_its_own_promise_after_another_is_its_own(body):
    assert [c.kind for c in _commitments(body, "2017-10-01")] == ["earlier", "earlier"]


def test_a_toezegging_restated_after_the_one_it_restates_stays_one():
    body = ("Tijdens het commissiedebat Arbeidsmarkt heb ik u toegezegd de evaluatie voor de zomer te "
            "sturen. Zoals ik heb toegezegd aan het lid Van Kent, stuur ik u de evaluatie hierbij.")
    assert [c.kind for c in _commitments(body, "2017-06-01")] == ["earlier"]


@pytest.mark.parametrize("body", [
    "In juni 2020 heb ik aan uw Kamer toegezegd om de hersteloperatie toeslagen door te lichten.",
    "Eind 2020 is aan uw Kamer toegezegd dat de hersteloperatie wordt doorgelicht.",
    "• Begin oktober 2018 heb ik uw Kamer daarom toegezegd om een verdiepend onderzoek uit te voeren.",
])
def test_a_time_that_opens_the_telling_of_a_promise_is_when_it_was_made_not_its_term(body):
    """Regression (eval dev kst-31066-857, kst-31839-657): 'In juni 2020 heb ik … toegezegd' dates the
    promise; it was read as the promise's term."""
    (c,) = _commitments(body, "2021-06-29")
    assert c.deadline is None


def test_a_term_inside_the_promise_stays_its_term():
    (c,) = _commitments("In het debat heb ik u toegezegd in juni 2021 de doorlichting te sturen.",
                        "2021-06-29")
    assert c.deadline.text == "in juni 2021"


@pytest.mark.parametrize("body", [
    "Per abuis is toegezegd dat de tussenrapportage voor de zomer van 2017 naar uw Kamer wordt gestuurd.",
    "Er is sprake van een misverstand, waardoor aan uw Kamer is toegezegd dat u de tussenrapportage voor de "
    "zomer van 2017 ontvangt.",
])
def test_a_promise_told_as_made_by_mistake_is_no_commitment(body):
    """Regression (eval dev kst-34352-74): the letter corrects a promise that should not have been made."""
    assert _commitments(body, "2017-10-01") == []


def test_a_general_line_is_told_by_the_sentence_that_says_this_letter_keeps_them():
    """Regression (eval dev kst-28638-183): 'een aantal toezeggingen gedaan', then 'Door middel van deze
    brief kom ik terug op deze toezeggingen': the second sentence is the commitment's evidence."""
    (c,) = _commitments("Tijdens dit overleg heb ik uw Kamer een aantal toezeggingen gedaan. Door middel van "
                        "deze brief kom ik terug op deze toezeggingen en op een aangenomen motie.",
                        "2019-05-01")
    assert c.evidence.sentence.startswith("Door middel van deze brief kom ik terug")


def test_toezeggingen_named_by_parallel_phrases_are_one_commitment_each():
    """A plural toezegging followed by what each promised, in phrases that repeat one preposition ('over A,
    over B en over C'), is one commitment per phrase; an 'en' inside a phrase does not split it."""
    body = ("Ook ga ik in deze brief in op mijn toezeggingen om uw Kamer te informeren over de taken van "
            "gemeenten bij preventie, over voorlichting en de communicatie rondom risico's van gokken en "
            "over de contouren van strengere limieten voor spelers.")
    found = _commitments(body, "2023-06-01")
    assert [c.evidence.part for c in found] == [
        "Ook ga ik in deze brief in op mijn toezeggingen om uw Kamer te informeren over de taken van "
        "gemeenten bij preventie",
        "over voorlichting en de communicatie rondom risico's van gokken",
        "over de contouren van strengere limieten voor spelers."]
    assert all((c.kind, c.status) == ("earlier", "fulfilled") for c in found)


def test_one_toezegging_about_several_subjects_stays_one():
    body = ("Met deze brief doe ik mijn toezegging gestand om uw Kamer te informeren over de taken van "
            "gemeenten, over voorlichting aan jongeren en over de limieten voor spelers.")
    assert len(_commitments(body, "2023-06-01")) == 1


def test_a_general_line_that_counts_them_gives_way_to_as_many_named_after_it():
    """In a copy that stops before the signature, 'twee toezeggingen' followed by the two named ones says
    nothing more; followed by only one of them, the line stands for the other."""
    from toezegging_cli.extract import report_for

    body = ("In deze brief reageer ik op twee toezeggingen die ik tijdens het overleg heb gedaan.\n\n"
            "Het lid Jansen heb ik toegezegd een vergelijking te maken tussen de cijfers van bureaus.\n\n"
            "Het lid De Vries heb ik toegezegd de gegevensbasis van de rapportages uiteen te zetten.")
    cut = letter_of(body)
    cut = dataclasses.replace(cut, meta=dataclasses.replace(cut.meta, signatories=[]))
    found = report_for(cut, second_opinion=False).commitments
    assert [c.evidence.sentence[:20] for c in found] == ["Het lid Jansen heb i", "Het lid De Vries heb"]
    one = dataclasses.replace(cut, body=body.rsplit("\n\n", 1)[0])
    assert len(report_for(one, second_opinion=False).commitments) == 2


def test_a_meeting_title_with_over_is_no_list_of_toezeggingen():
    body = ("Ik heb uw Kamer toezeggingen gedaan tijdens het notaoverleg over de Nota Ruimte en over de "
            "Structuurvisie Infrastructuur van 12 maart jl.")
    assert len(_commitments(body, "2023-06-01")) == 1


def test_a_request_without_an_mp_was_made_by_the_mp_the_subject_names():
    """The subject 'Reactie op het verzoek van het lid Geurts, …' names who asked; the body's 'uw Kamer
    heeft verzocht' does not. A request naming its own MP keeps that MP."""
    from toezegging_cli.extract import report_for

    letter = letter_of("Op 4 februari heeft uw Kamer verzocht in te gaan op de relatie tussen de "
                       "natuurambitie en het deltaprogramma. Hierbij ga ik daarop in.", "2015-02-20")
    letter = dataclasses.replace(letter, meta=dataclasses.replace(
        letter.meta, subject="Reactie op het verzoek van het lid Van der Lee, gedaan tijdens de Regeling"))
    (c,) = report_for(letter, second_opinion=False).commitments
    assert [m.name for m in c.members] == ["Van der Lee"]
    own = dataclasses.replace(letter, body="Het lid Jansen heeft verzocht om een brief over de "
                                           "natuurambitie. Hierbij ga ik daarop in.")
    (c,) = report_for(own, second_opinion=False).commitments
    assert [m.name for m in c.members] == ["Jansen"]


_TWO_NAMED = ("\n\nTijdens het commissiedebat van 4 april heb ik toegezegd u te informeren over de pilot. "
              "U vindt de uitkomsten in de bijlage.\n\n"
              "Tevens heb ik toegezegd de evaluatie te sturen. Die treft u eveneens bij deze brief aan.")


@pytest.mark.parametrize("line", [
    "Met deze brief doe ik de in het genoemde overleg gedane toezeggingen gestand.",
    "Tevens doe ik enkele aan uw Kamer gedane toezeggingen gestand.",
])
def test_a_general_line_this_letter_keeps_stands_beside_named_ones(line):
    """Regression (eval dev kst-29325-70, kst-31753-190): a line keeping a group of
    toezeggingen ('gestand') counts beside the two it names, as the set's gold counts it; a line that
    only informs on them, or a past 'heb ik een aantal toezeggingen gedaan', is a heading over the named
    ones (corpus emissie-luchtvaart-2022, samples/water-voortgang-toezeggingen-2024)."""
    found = _commitments(line + _TWO_NAMED)
    assert len(found) == 3 and found[0].evidence.sentence == line
    assert all(c.kind == "earlier" for c in found)


@pytest.mark.parametrize("line", [
    "Ook heb ik uw Kamer een aantal toezeggingen gedaan.",
    "Met deze brief informeer ik uw Kamer over de voortgang van een aantal toezeggingen.",
])
def test_a_general_line_over_the_named_ones_gives_way_to_them(line):
    found = _commitments(line + _TWO_NAMED)
    assert len(found) == 2 and not any("een aantal" in c.evidence.sentence for c in found)


def test_a_general_line_naming_the_ones_left_is_partly_kept():
    """Regression (eval dev kst-34775-XVI-121)."""
    (c,) = _commitments("In deze brief wordt aan een aantal moties en toezeggingen voldaan en wordt u "
                        "geïnformeerd over de moties en toezeggingen die niet meer dit jaar worden "
                        "afgehandeld.")
    assert (c.kind, c.status) == ("earlier", "partly_fulfilled")
