"""New-promise families of misses found on the kept evaluation set's dev half (eval/gold/dev), each
covered by one general rule: the phrases by which a letter promises the Kamer something ahead (the Kamer
as receiver, separable verbs, keeping informed, a restated open promise) with its term, and what is no
promise (routine, cycles, telling now, the letter's own outline). Sentences are written the way letters
put them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of as _commitments
from letters import statuses_of


def test_an_effort_to_send_is_a_new_promise():
    (c,) = _commitments("Ik zet alles in het werk om u zo snel mogelijk mijn reactie toe te sturen.")
    assert (c.kind, c.deadline.text, c.deadline.end) == ("new", "zo snel mogelijk", None)


@pytest.mark.parametrize("body", [
    "Tweemaal per jaar, bij de begroting en het jaarverslag, informeren wij de Kamer met een rapportage.",
    "Mede namens de minister bericht ik u dat de besluitvorming deze week zal plaatsvinden.",
    "Hierdoor is er meer tijd nodig voor het opstellen van een reactie op uw verzoek.",
])
def test_routine_and_telling_now_are_not_promises(body):
    assert [c.kind for c in _commitments(body)] == []


@pytest.mark.parametrize("body", [
    "Ik verwacht uw Kamer in april 2018 de onderzoeksresultaten aan te bieden.",
    "Naar aanleiding van de door Uw Kamer aanvaarde motie om te komen met een nadere analyse, deel ik U "
    "mede dat ik voornemens ben de gevraagde informatie in september 2013 aan Uw Kamer te doen toekomen.",
])
def test_separable_verbs_and_a_plan_told_to_the_kamer_are_promises(body):
    assert [c.kind for c in _commitments(body, "2013-06-01") if c.kind == "new"] == ["new"]


@pytest.mark.parametrize("body", [
    "De eindrapportage is voorzien in september en zal u dan zo snel mogelijk worden toegezonden.",
    "De uitvoeringsaspecten hiervan zullen u spoedig nagezonden worden.",
    "Ik zal het rapport, samen met de literatuurstudie van het instituut, het advies van de commissie "
    "van toezicht en de reactie van de sector, vergezeld van mijn standpunt zo spoedig mogelijk daarna "
    "maar in ieder geval nog voor de zomer naar de Kamer sturen.",
    "Ik zal daarover uiterlijk in september duidelijkheid geven in een brief aan de koepels en aan "
    "uw Kamer.",
    "Uw Kamer mag uiterlijk in december mijn reactie op het rapport van de Raad verwachten.",
])
def test_promises_with_the_kamer_as_receiver_in_other_wordings_are_new(body):
    assert [c.kind for c in _commitments(body)] == ["new"]


@pytest.mark.parametrize("body", [
    "Met het oog op het commissiedebat van 17 oktober 2024 stuur ik u hierbij het concept van de "
    "regeling toe.",
    "In het eerste kwartaal van 2025 ontvangt uw Kamer de jaarlijkse voortgangsrapportage van de agenda.",
    "Uw Kamer heeft op 28 januari een motie van de leden Jansen en De Vries aangenomen waarin de regering "
    "wordt verzocht binnen twee maanden te rapporteren.",
])
def test_sending_now_the_next_standing_report_and_motions_are_not_commitments(body):
    assert _commitments(body) == []


def test_keeping_the_kamer_informed_is_a_new_promise_even_without_a_term():
    body = "Ik houd uw Kamer op de hoogte van het verdere verloop van dit overleg."
    assert [c.kind for c in _commitments(body)] == ["new"]
    assert [c.kind for c in _commitments("Wij houden u op de hoogte.")] == ["new"]


@pytest.mark.parametrize("body", [
    "Met deze brief wordt de Tweede Kamer voor het wetgevingsoverleg van 18 november 2024 geïnformeerd over "
    "de voortgang.",
    "In aanloop naar het commissiedebat op 5 december 2024 informeer ik u in deze brief alvast over de stand "
    "van zaken.",
    "Daarnaast heeft uw Kamer met de kamerbreed (Handelingen II 2020/21, nr. 51, item 14) aangenomen "
    "gewijzigde motie van de leden Jansen en De Vries het kabinet verzocht de ondernemers te steunen.",
])
def test_informing_in_this_letter_and_motions_are_not_commitments(body):
    assert _commitments(body, "2024-11-01") == []


def test_a_present_tense_toekomen_with_an_event_term_is_a_new_commitment():
    """Regression (eval batch M): 'Uiterlijk bij het toezenden van X doe ik u Y toekomen' promises Y;
    'uiterlijk bij …' is a term set by an event (no dates)."""
    body = ("Uiterlijk bij gelegenheid van het toezenden van de evaluatieopdracht aan uw Kamer doe ik u ook "
            "de reactie van het kabinet op deze voorlichting toekomen.")
    (c,) = _commitments(body)
    assert (c.kind, c.deadline.text, c.deadline.end) == (
        "new", "Uiterlijk bij gelegenheid van het toezenden van de evaluatieopdracht aan uw Kamer", None)


@pytest.mark.parametrize("body, want", [
    ("Zoals toegezegd zal ik uw Kamer hiervan direct op de hoogte stellen.", ("new", "open")),
    ("Een inhoudelijke reactie hierop ontvangt u, zoals toegezegd tijdens het AO Visserij van 30 juni 2011, "
     "uiterlijk medio oktober.", ("new", "open")),
    ("In het AO van 3 maart heb ik toegezegd dat ik uw Kamer voor de zomer zal informeren over de pilot. "
     "Met deze brief doe ik dat.", ("earlier", "fulfilled")),
])
def test_a_restated_open_promise_is_new(body, want):
    """Regression (eval M kst-26488-204, O kst-28286-524): 'zoals toegezegd' on a sentence that itself
    promises, with no other word of an earlier commitment, restates a promise neither kept nor late
    (eval/README conventions); 'heb ik toegezegd dat ik … zal' stays the earlier commitment kept."""
    (c,) = _commitments(body, "2011-09-20")
    assert (c.kind, c.status) == want


def test_the_kamer_receiving_in_the_future_tense_is_a_new_commitment():
    """Regression (eval P kst-28286-1229)."""
    (c,) = _commitments("Uw Kamer zal in het voorjaar van 2022 een appreciatie van de zienswijze ontvangen.",
                        "2021-12-01")
    assert (c.kind, c.deadline.text, c.deadline.end) == ("new", "in het voorjaar van 2022", "2022-06-30")


def test_what_follows_in_a_later_letter_to_the_kamer_is_promised():
    """Regression (eval Q kst-31322-144)."""
    body = ("Een nadere uitwerking van mijn oplossingsrichting volgt in mijn brief aan uw Kamer over het "
            "functioneren van de kinderopvangmarkt, later dit jaar.")
    (c,) = _commitments(body, "2011-06-01")
    assert (c.kind, c.deadline.end) == ("new", "2011-12-31")


@pytest.mark.parametrize("body", [
    "Tevens informeer ik uw Kamer, in aanloop naar de inwerkingtreding van de wet per 1 januari 2022, over "
    "de stand van de voorbereiding.",
    "Daarnaast informeer ik u over de voortgang op een aantal thema's voor het einde van het jaar.",
])
def test_what_else_this_letter_tells_is_no_promise(body):
    """Regression (eval T kst-32824-351): 'Tevens informeer ik uw Kamer, in aanloop naar …, over …' tells
    now; the term belongs to the subject, not to a later letter."""
    assert _commitments(body, "2021-12-17") == []


@pytest.mark.parametrize("body, term", [
    ("Ik zal vóór de zomer, in overleg met de betrokken provincies, met mijn reactie komen op het advies.",
     "vóór de zomer"),
    ("Het kabinet zal het wetsvoorstel na het zomerreces bij uw Kamer indienen.", "na het zomerreces"),
    ("Deze evaluatie wordt betrokken bij het kabinetsstandpunt dat u begin 2010 zal worden toegestuurd.",
     "begin 2010"),
])
def test_more_ways_to_promise_a_later_send(body, term):
    """Regression (eval V kst-28286-970; U kst-31536-13, kst-32202-1): coming with a reaction, submitting
    a bill, and the Kamer as receiver before a passive send, each with a term, are new commitments."""
    assert [(c.kind, c.deadline.text) for c in _commitments(body, "2009-06-01")] == [("new", term)]


@pytest.mark.parametrize("body", [
    "De Europese Commissie gaf een toelichting op de steunmaatregelen, die tijdens de Raad van 14 maart "
    "zijn toegezegd.",
    "Gedurende de looptijd van het programma informeer ik uw Kamer ieder half jaar over de voortgang.",
])
def test_promised_support_and_a_described_cycle_are_no_commitments(body):
    """Regression (eval W kst-21501-32-922, X kst-31753-190): measures promised at an EU Council, and a
    present-tense description of a half-yearly report (eval/README: a named cycle is not counted)."""
    assert _commitments(body, "2019-12-01") == []


@pytest.mark.parametrize("body", [
    "De Minister van Justitie en Veiligheid zal u separaat informeren over de verkeershandhaving.",
    "Zoals aan uw Kamer toegezegd, informeer ik u voor het einde van het jaar over de evaluatie.",
])
def test_another_ministers_promise_and_a_restated_one_are_new(body):
    """Regression (eval X kst-29398-827)."""
    assert statuses_of(body, "2020-05-25") == [("new", "open")]


@pytest.mark.parametrize("body, term", [
    ("Ik heb tot de zomer nodig om de stappen uit te werken en zal uw Kamer vóór het algemeen overleg van "
     "22 mei informeren over de stand van zaken.", "vóór het algemeen overleg van 22 mei"),
    ("Zoals u gemeld ben ik voornemens mijn visie op de tuinbouw voor de zomer aan uw Kamer toe te sturen.",
     "voor de zomer"),
    ("Volgende week informeert het kabinet u over de maatregelen voor de vergunningverlening.",
     "Volgende week"),
    ("Er zijn zaken die meer tijd vergen; daarover sturen we binnenkort een aanvullende brief, onder andere "
     "over de motie van het lid Jansen (VVD), waarin wordt verzocht uw Kamer voor 1 juni te informeren.",
     "binnenkort"),
])
def test_promises_in_a_second_clause_inverted_or_before_a_motion_are_new(body, term):
    """Regression (eval Y kst-32849-181, Z kst-32627-12, kst-32670-193; dev kst-28684-620): a promise whose
    subject is left out, an inverted 'ben ik voornemens … toe te sturen', 'informeert het kabinet u', and
    one followed by the motion it covers (what the motion asks is cancelled, not the promise before it)."""
    assert [(c.kind, c.deadline.text) for c in _commitments(body, "2019-04-01")] == [("new", term)]


@pytest.mark.parametrize("body, term", [
    ("Vóór het einde van 2025 zal ik inhoudelijk reageren op de bevindingen in deze analyse.",
     "Vóór het einde van 2025"),
    ("Ik zal uw Kamer na de zomer op de hoogte te houden van alle ontwikkelingen.", "na de zomer"),
])
def test_a_reaction_with_a_term_and_a_miswritten_keep_informed_are_new(body, term):
    """Regression (eval AB kst-24587-1071, AA kst-21501-07-1680)."""
    assert [(c.kind, c.deadline.text if c.deadline else None) for c in _commitments(body, "2025-06-01")] == [
        ("new", term)]


def test_the_letters_own_outline_is_no_promise_to_react():
    """'Daarbij zal ik ingaan op …' describes this letter (dev kst-26485-308), even with a term in it."""
    body = "Daarbij zal ik ingaan op de evaluatie van het beleid die dit najaar wordt gestart."
    assert _commitments(body, "2019-06-11") == []


@pytest.mark.parametrize("body, kind", [
    ("Dit wetsvoorstel verwacht ik in de tweede helft van 2019 bij de Tweede Kamer in te dienen.", "new"),
    ("Deze reactie wordt separaat aan uw Kamer gestuurd.", "new"),
])
def test_a_bill_named_first_and_a_reaction_sent_separately_are_new(body, kind):
    """Regression (eval AD kst-34911-J, kst-26448-862)."""
    assert [c.kind for c in _commitments(body, "2019-02-01")] == [kind]


def test_the_government_intending_to_inform_is_a_new_promise():
    """Regression (eval AE kst-27925-383)."""
    body = "De regering is voornemens de Kamer terzake spoedigst nader te informeren."
    assert statuses_of(body, "2011-06-01") == [("new", "open")]


def test_coming_back_to_it_with_a_co_signer_is_a_new_promise():
    """Regression (eval AH kst-29338-134): 'waarop de Minister en ik in de Toekomstvisie Wetenschap zullen
    terugkomen' was not read, as the subject comes before 'zullen' with words between."""
    body = ("De evaluatiecommissie doet een aantal aanbevelingen waarop de Minister en ik in de "
            "Toekomstvisie Wetenschap zullen terugkomen.")
    assert statuses_of(body, "2014-06-01") == [("new", "open")]


@pytest.mark.parametrize("body, kind", [
    ("De resterende vragen worden beantwoord tijdens de eerste termijn van de zijde van het kabinet.", "new"),
    ("De resterende vragen zal ik beantwoorden tijdens mijn eerste termijn.", "new"),
    ("Hierbij beantwoord ik, mede namens de minister-president, de vragen van enkele leden tijdens de "
     "regeling van werkzaamheden op 24 september.", "earlier"),
    ("In mijn brief van 1 april heb ik u mee gedeeld dat het kabinet voornemens is de verslagen openbaar te "
     "maken.", "earlier"),
])
def test_as_they_come_batch_ak_al_wordings(body, kind):
    """Regression (eval AL 2024D39035-antwoorden-begroting-lvvn and dev kst-36202-27, AH 2016D40472 — the
    questions left over, answered later in the debate, counted as reviews N, AH and AL decided; AL
    kst-31700-X-9; AK kst-34902-K)."""
    assert [c.kind for c in _commitments(body, "2019-10-01")] == [kind]


@pytest.mark.parametrize(("body", "term"), [
    ("In de beleidsagenda, die de Kamer op korte termijn ontvangt, zal hier nader op worden ingegaan.",
     "op korte termijn"),
    ("In de voortgangsbrief, die uw Kamer voor de zomer ontvangt, ga ik hier verder op in.", "voor de zomer"),
])
def test_the_kamer_as_receiver_in_a_relative_clause_is_a_promise(body, term):
    """Regression (eval AO vws-2026-voortgang-iza-azwa): 'die de Kamer op korte termijn ontvangt' was
    no promise (only 'de Kamer ontvangt' with the verb right after it was)."""
    found = _commitments(body, "2026-04-09")
    assert [(c.kind, c.status, c.deadline.text if c.deadline else None) for c in found] == [
        ("new", "open", term)]


@pytest.mark.parametrize("body", [
    "In de brief die de Kamer op 3 maart 2026 ontving, stond dit al.",  # past
    "In de brief die de Kamer in maart 2026 ontvangt, staat dit.",  # a term already passed
    "In de monitor, die de Kamer jaarlijks ontvangt, staat dit.",  # a cycle, not a promise
])
def test_a_relative_clause_without_a_term_ahead_is_no_promise(body):
    assert _commitments(body, "2026-04-09") == []


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
    found = _commitments(body, "2026-04-09")
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
    assert statuses_of(body, "2015-06-01") == found


def test_telling_what_follows_is_no_promise_whatever_date_the_sentence_names():
    """Regression (eval AT kst-29509-67): 'In vervolg op mijn brief van 11 mei, die u heeft geagendeerd
    voor het op 13 september geplande Algemeen Overleg, bericht ik u het volgende.' was a new promise
    with the meeting's date as its term."""
    body = ("In vervolg op mijn brief van 11 mei 2018, die u heeft geagendeerd voor het op 13 september "
            "geplande Algemeen Overleg Wijkverpleging, bericht ik u het volgende.")
    assert _commitments(body, "2018-09-10") == []


@pytest.mark.parametrize(("body", "term"), [
    # an expectation in other words, the Kamer after a long aside (eval dev kst-29509-67, kst-29477-575)
    ("Ik ga er voorts van uit dat ik u in oktober ook nader kan berichten over het vervolg op het programma.",
     "in oktober"),
    ("Ik verwacht dat ik, samen met de Staatssecretaris van Economische Zaken en Klimaat, u voor het einde "
     "van dit jaar kan informeren over de samenwerking.", "voor het einde van dit jaar"),
    # reacting with the subject first, a term ahead
    ("Ik zal in oktober ingaan op de uitkomsten van beide rapportages in een vervolgbrief.", "in oktober"),
])
def test_an_expectation_or_a_reaction_ahead_with_the_subject_first_is_new(body, term):
    (c,) = _commitments(body, "2018-09-04")
    assert (c.kind, c.status, c.deadline.text) == ("new", "open", term)


@pytest.mark.parametrize("body", [
    "In deze brief zal ik in het bijzonder ingaan op de uitkomsten van de evaluatie van 2019.",
    "Ik zal hieronder ingaan op de plannen voor 2019.",
])
def test_the_letters_own_outline_with_the_subject_first_is_no_promise(body):
    assert _commitments(body, "2018-09-04") == []


@pytest.mark.parametrize(("body", "term"), [
    # the questions left over, to be discussed in the debate (eval AU 2010D47155)
    ("De overige vragen komen tijdens onze mondelinge inbreng ter sprake.",
     "tijdens onze mondelinge inbreng"),
    # a co-signer named first (eval AW kst-35300-IV-45)
    ("Over het overleg zullen de Minister van Justitie en Veiligheid en ik uw Kamer in een aparte brief "
     "verslag doen.", None),
    # the Kamer as subject of the present tense, an open term (eval AV kst-25424-313)
    ("U ontvangt zo snel mogelijk een brief over de uitkomsten van het onderzoek.", "zo snel mogelijk"),
    # the send made possible (eval AV vws-2009-planning-drugsnota)
    ("Door enkele aanpassingen in het proces wordt het mogelijk de nota voor het einde van het zomerreces "
     "naar uw Kamer te sturen.", "voor het einde van het zomerreces"),
])
def test_leftover_questions_a_co_signer_first_and_a_send_made_possible_are_new(body, term):
    (c,) = _commitments(body, "2009-05-04")
    assert (c.kind, c.status) == ("new", "open")
    assert (c.deadline.text if c.deadline else None) == term


def test_a_document_sent_to_the_kamer_in_the_present_passive_with_a_term_is_a_new_promise():
    """Regression (eval AZ kst-33997-55): 'deze wordt voor de hoorzitting van … aan uw Kamer gezonden';
    a routine change put before the Kamer in the budget cycle is no promise (dev kst-34300-69)."""
    (c,) = _commitments("Het rapport is nog zonder beleidsreactie, maar deze wordt voor de hoorzitting van "
                        "22 januari 2016 aan uw Kamer gezonden.", "2015-12-16")
    assert (c.kind, c.deadline.text, c.deadline.end) == ("new", "voor de hoorzitting van 22 januari 2016",
                                                         "2016-01-21")
    routine = ("De budgettaire wijzigingen als gevolg van deze bijstelling worden bij Voorjaarsnota aan uw "
               "Kamer voorgelegd.")
    assert _commitments(routine, "2015-12-14") == []


def test_telling_now_with_a_date_in_it_is_no_promise():
    """Regression (eval AZ kst-29362-346): 'Graag informeer ik u over de verlenging … per 1 januari 2024'
    tells now; the date is when the appointment runs, not a term."""
    body = "Graag informeer ik u over de verlenging van de benoeming van de heer A. per 1 januari 2024."
    assert _commitments(body, "2023-12-20") == []


@pytest.mark.parametrize("body", [
    "Ik heb er vertrouwen in uw Kamer binnen enkele weken te kunnen informeren over de uitkomsten.",
    "Om die reden denk ik uw Kamer uiterlijk februari 2020 nader te kunnen informeren.",
    "Ik hoop u in het voorjaar van 2020 de evaluatie te kunnen toesturen.",
])
def test_an_expected_report_to_the_kamer_is_a_new_promise(body):
    """Regression (eval BA kst-31700-VIII-146, dev kst-29517-185): 'heb er vertrouwen in', 'denk', 'hoop'
    say what the sender expects to send, as 'verwacht' does."""
    assert [c.kind for c in _commitments(body, "2019-12-19")] == ["new"]


def test_a_subject_left_to_the_debate_in_written_answers_is_a_new_promise():
    """Regression (eval dev 2016D46526): written answers before a budget debate that leave themes to the
    minister's first term ('In mijn eerste termijn zal ik op een aantal thema's nader ingaan'), as the
    questions left over are (eval/README)."""
    (c,) = _commitments("In mijn eerste termijn zal ik op een aantal thema's nader ingaan.", "2016-11-10")
    assert (c.kind, c.status) == ("new", "open")


@pytest.mark.parametrize(("body", "term"), [
    # a standing practice from now on (eval dev kst-21501-02-2072, kst-32733-140, kst-29538-252)
    ("Voortaan zal ik, zoals in het commissiedebat besproken, in de geannoteerde agenda ingaan op de "
     "inzet van het kabinet.", None),
    ("Om dubbel werk te voorkomen zal ik voortaan alle toezeggingen over de uitstroom bundelen in de "
     "halfjaarrapportage.", None),
    ("Ik informeer uw Kamer vanaf nu ieder halfjaar over de wachttijden.", None),
    # a document reaching the Kamer at a term (eval dev kst-27830-313)
    ("De rapporten zullen uw Kamer naar verwachting kort voor het kerstreces bereiken.",
     "kort voor het kerstreces"),
    # a plan the sender presents at a term (eval dev kst-31524-511)
    ("De actieagenda presenteer ik daarom kort na Prinsjesdag van dit jaar.", "kort na Prinsjesdag"),
    # the letter's own act promised as a cycle (eval/README, reporting cycles; dev kst-29279-719)
    ("Met deze brief informeer ik u over de stand van de opvang. Ik zal dit ieder jaar voor het "
     "zomerreces doen.", None),
])
def test_a_standing_practice_a_document_arriving_and_a_plan_presented_are_new(body, term):
    (c,) = _commitments(body, "2024-05-01")
    assert (c.kind, c.status) == ("new", "open")
    if term:
        assert c.deadline.text.lower() == term.lower()


@pytest.mark.parametrize("body", [
    "Bij de wetswijziging is bepaald dat voortaan de raad een afzonderlijk verslag opstelt.",
    "Waar ik voorheen over vier domeinen rapporteerde, zal de voortgangsrapportage zich vanaf nu beperken "
    "tot twee onderdelen.",
    "De brieven die u de afgelopen maanden bereikten, heb ik gelezen.",
    "In de bijlage presenteer ik de uitkomsten van de peiling.",
])
def test_a_practice_of_others_a_past_arrival_and_presenting_now_are_no_promises(body):
    assert _commitments(body, "2024-05-01") == []


@pytest.mark.parametrize("body", [
    "Ik zal de beide Kamers voor de zomer informeren over de uitkomsten.",
    "Ik verwacht uw Kamers in het najaar de evaluatie te kunnen toesturen.",
])
def test_a_promise_to_both_chambers_is_a_promise_to_the_kamer(body):
    (c,) = _commitments(body, "2024-05-01")
    assert (c.kind, c.status) == ("new", "open")


@pytest.mark.parametrize(("body", "term"), [
    # the first term named after the verb (eval BE 2026D01307, BD kst-36277-53)
    ("Op alle andere vragen zal ik in mijn eerste termijn ingaan.", None),
    # the send in a clause with the verb last (eval BD kst-29628-740)
    ("Dit rapport betrek ik bij mijn eindoordeel over het programma, dat ik eind dit jaar bij de "
     "voortgangsbrief aan uw Kamer zal sturen.", "eind dit jaar"),
])
def test_a_promise_with_the_verb_before_the_term_or_last_in_its_clause_is_new(body, term):
    (c,) = _commitments(body, "2017-11-13")
    assert (c.kind, c.status) == ("new", "open")
    if term:
        assert c.deadline.text == term


def test_informing_now_to_prepare_a_meeting_is_no_promise():
    """Regression (eval BE kst-31839-653): 'Ter voorbereiding op het algemeen overleg van 16 mei informeer
    ik uw Kamer over …' names why this letter informs, not a later term."""
    body = ("Ter voorbereiding op het algemeen overleg van 16 mei 2019 over pleegzorg informeer ik uw Kamer "
            "over de stand van zaken.")
    assert _commitments(body, "2019-05-07") == []


@pytest.mark.parametrize("body", [
    "Over de resultaten van de proef met het doelgroepenvervoer bericht ik u afzonderlijk.",
    "Over de uitkomst van het overleg met de provincies informeer ik uw Kamer in een aparte brief.",
])
def test_a_send_in_the_present_put_ahead_by_an_adverb_is_new(body):
    """Regression (eval dev kst-31521-23): 'bericht ik u afzonderlijk' promises a later letter."""
    (c,) = _commitments(body, "2012-03-01")
    assert (c.kind, c.status) == ("new", "open")


@pytest.mark.parametrize(("body", "term"), [
    ("De overige vragen zal ik beantwoorden tijdens mijn eerste termijn.", "tijdens mijn eerste termijn"),
    ("In mijn tweede termijn zal ik op de resterende amendementen ingaan.", "In mijn tweede termijn"),
    ("De resterende vragen worden beantwoord tijdens de eerste termijn van de zijde van de regering.",
     "tijdens de eerste termijn van de zijde van de regering"),
    ("De resterende vragen zal ik beantwoorden tijdens mijn mondelinge inbreng.",
     "tijdens mijn mondelinge inbreng"),
])
def test_a_turn_of_the_debate_is_the_term_of_the_answers_promised_for_it(body, term):
    (c,) = [c for c in _commitments(body, "2024-11-12") if c.kind == "new"]
    assert (c.deadline.text, c.deadline.end) == (term, None)


def test_the_turn_a_promise_was_made_in_is_no_term():
    (c,) = _commitments("In mijn eerste termijn heb ik toegezegd u voor de zomer te informeren over de "
                        "resultaten.", "2024-03-01")
    assert c.deadline.text == "voor de zomer"


def test_a_dated_term_right_after_an_undated_one_is_the_term():
    (c,) = [c for c in _commitments(
        "Op nieuwe amendementen zal ik reageren in mijn eerste termijn bij de voortzetting van de "
        "behandeling na het zomerreces.", "2023-06-01") if c.kind == "new"]
    assert c.deadline.text == "na het zomerreces" and c.deadline.end is not None


@pytest.mark.parametrize("body", [
    "Ik zeg u graag toe dat ik de Kamer voor de zomer over de uitkomsten informeer.",
    "Ik zeg uw Kamer daarom toe de evaluatie na afloop van de pilot te sturen.",
])
def test_a_promise_made_here_with_words_between_zeg_and_toe(body):
    assert [c.kind for c in _commitments(body, "2024-03-01")] == ["new"]
