"""Debate families of misses found on the kept evaluation set's dev half (eval/gold/dev), each covered by
one general rule: the type, title and date of the meeting where a promise or request was made (plenary
debates by their own names, a bill's debate, titles with lower-case words, a meeting named again or
without a date). Sentences are written the way letters put them, not copied from the set."""

from __future__ import annotations

import pytest

from letters import commitments_of as _commitments


def test_the_regeling_van_werkzaamheden_is_its_own_title():
    body = ("Tijdens de regeling van werkzaamheden van uw Kamer van 19 mei 2015 heeft het lid Pechtold "
            "gevraagd om een brief over de aantekening.")
    (c,) = _commitments(body, "2015-06-01")
    assert (c.debate.type, c.debate.title, c.debate.date) == (
        "plenair debat", "regeling van werkzaamheden", "2015-05-19")


def test_a_procedure_meeting_gives_the_request_its_date():
    body = ("De vaste commissie voor Binnenlandse Zaken heeft in haar procedurevergadering van 28 februari "
            "2008 verzocht om het advies van de Raad van State.")
    (c,) = _commitments(body, "2008-08-26")
    assert (c.debate.type, c.debate.date) == (None, "2008-02-28")


@pytest.mark.parametrize("body, title, date", [
    ("Tijdens het AO kinderopvang en toeslagen van de Vaste Commissie voor Sociale Zaken en "
     "Werkgelegenheid van 3 april jongstleden heb ik uw Kamer toegezegd een brief te sturen over de "
     "wachtlijsten.", "kinderopvang en toeslagen", "2024-04-03"),
    ("In het schriftelijk overleg over twee juridische adviezen (Kamerstuk 31 936, nr. 710) heb ik "
     "toegezegd uw Kamer te informeren over de vervolgstappen.", "twee juridische adviezen", None),
])
def test_a_title_with_lower_case_words_ends_at_the_committee_date_or_a_bracketed_reference(body, title, date):
    """More than two lower-case title words stand when a date after the committee's name or a
    reference in brackets closes them, as a date right after them does."""
    (c,) = _commitments(body)
    assert (c.debate.title, c.debate.date) == (title, date)


@pytest.mark.parametrize("body, title", [
    ("In het schriftelijk overleg over twee studies op het gebied van gezondheid (Kamerstuk 31 936, nr. 710) "
     "heb ik toegezegd uw Kamer te informeren over de vervolgstappen.",
     "twee studies op het gebied van gezondheid"),
    ("In het wetgevingsoverleg over de incidentele suppletoire begroting inzake Herstel Toeslagen (hierna: "
     "de ISB) heb ik toegezegd uw Kamer te informeren over de vervolgstappen.",
     "incidentele suppletoire begroting inzake Herstel Toeslagen"),
])
def test_a_title_holds_participle_shaped_nouns_and_inzake(body, title):
    """Regression (eval kst-31936-724, kst-35704-18): 'gebied' was read as a participle and 'inzake'
    as a stop word, cutting the title short ('twee studies', 'incidentele suppletoire')."""
    (c,) = _commitments(body)
    assert c.debate.title == title


def test_the_budget_debate_named_by_its_budget_with_a_bracketed_date():
    """Regression (eval batch M, kst-31765-92): 'tijdens de behandeling van de Begroting 2014 van VWS
    (d.d. 30 oktober 2013)' is a begrotingsbehandeling whose title is the budget and whose date stands
    in brackets."""
    body = ("Tijdens de behandeling van de Begroting 2014 van VWS (d.d. 30 oktober 2013) heb ik toegezegd "
            "uw Kamer te informeren over de programma's.")
    (c,) = _commitments(body, "2014-03-01")
    assert (c.debate.type, c.debate.title, c.debate.date) == (
        "begrotingsbehandeling", "Begroting 2014 van VWS", "2013-10-30")


def test_a_meeting_named_again_takes_the_title_and_date_of_its_first_mention():
    """Regression (eval Q kst-31371-346): 'tijdens voornoemd algemeen overleg' had no title or date."""
    body = ("Hierbij treft u overeenkomstig mijn toezegging tijdens het algemeen overleg Leenovereenkomst "
            "IJsland van 10 maart 2010 het feitenrelaas aan.\n\nIn dat verband heb ik tijdens voornoemd "
            "algemeen overleg toegezegd in te gaan op de vraag wat DNB heeft ondernomen.")
    found = _commitments(body, "2010-04-01")
    want = ("Leenovereenkomst IJsland", "2010-03-10")
    assert [(c.debate.title, c.debate.date) for c in found] == [want, want]


@pytest.mark.parametrize("body, title, date", [
    ("Tijdens het algemeen overleg op 24 november 2011 (Kamerstuk 32 847, nr. 11) over "
     "studentenhuisvesting en ouderenhuisvesting heeft de minister toegezegd een actieplan te sturen.",
     "studentenhuisvesting en ouderenhuisvesting", "2011-11-24"),
    ("Tijdens het AO met de vaste commissie voor Binnenlandse Zaken op 5 juli 2018 over artikel 68 "
     "Grondwet heb ik toegezegd u te informeren over de voorlichting.", "artikel 68 Grondwet", "2018-07-05"),
    ("Tijdens het ordedebat in uw Kamer van 5 juni jl. gaf het lid Van Raak aan een brief te willen; dit "
     "heb ik toegezegd.", "ordedebat", "2018-06-05"),
])
def test_a_title_after_the_date_a_committee_or_a_reference(body, title, date):
    """Regression (eval O kst-32847-28, Q kst-28362-13, kst-19637-1550): the title after the meeting's
    date (behind a reference in brackets or a committee) was not read, nor was 'het ordedebat' its own
    title; lower-case title words end at the main clause's verb."""
    (c,) = _commitments(body, "2018-07-20")
    assert (c.debate.title, c.debate.date) == (title, date)


def test_a_general_line_keeps_the_meeting_it_names():
    """Regression (eval S kst-26485-308): the general line had no debate although it names the AO."""
    body = ("Met deze brief wordt een aantal toezeggingen uit het AO IMVO van 14 november 2018 afgedaan.")
    (c,) = _commitments(body, "2019-02-01")
    assert (c.kind, c.debate.type, c.debate.title, c.debate.date) == (
        "earlier", "algemeen overleg", "IMVO", "2018-11-14")


@pytest.mark.parametrize("body, date", [
    ("Op 1 oktober is tijdens het algemeen overleg Materieel door de commissie verzocht om een brief over "
     "de vervanging.", "2008-10-01"),
    ("Tijdens het algemeen overleg Materieel is door de commissie verzocht om een brief; die volgt op "
     "15 november.", None),
])
def test_a_meeting_without_a_date_takes_the_day_named_before_it_in_its_sentence(body, date):
    """Regression (eval S kst-26488-106, kst-31936-724): the day the request or promise was made, named
    before the meeting in its sentence, is the meeting's day; a day after it is not."""
    (c,) = _commitments(body, "2008-10-06")
    assert c.debate.date == date


def test_a_meeting_named_in_the_sentence_before_takes_the_day_that_opens_that_sentence():
    """'Op 11 september spraken wij elkaar in het AO Spoor over … Zoals toegezegd ontvangt u …': the
    promise refers to the meeting of the sentence before, whose day opens that sentence."""
    body = ("Op 11 september spraken wij elkaar in het AO Spoor over de geluidhinder langs het spoor. Zoals "
            "toegezegd ontvangt u hierbij de rapportage over de geluidmetingen.")
    (c,) = _commitments(body, "2014-10-01")
    assert (c.debate.type, c.debate.title, c.debate.date) == ("algemeen overleg", "Spoor", "2014-09-11")


def test_a_bills_debate_takes_the_bills_name_and_its_chamber():
    """Regression (eval X kst-32827-103): 'Tijdens de behandeling van het wetsvoorstel X op 1 maart 2016 in
    de Eerste Kamer' named no meeting; the bill's name is the title and the chamber's sitting is plenary."""
    body = ("Tijdens de behandeling van het wetsvoorstel Wijziging van de Mediawet 2008 in verband met het "
            "toekomstbestendig maken van de publieke mediadienst op 1 maart 2016 in de Eerste Kamer heb ik "
            "toegezegd een afschrift van dit statuut aan uw Kamer te sturen.")
    (c,) = _commitments(body, "2017-06-16")
    assert (c.debate.type, c.debate.title, c.debate.date) == (
        "plenair debat", "Wijziging van de Mediawet 2008 in verband met het toekomstbestendig maken van de "
        "publieke mediadienst", "2016-03-01")


@pytest.mark.parametrize("recipient, kind", [("Eerste Kamer", "plenair debat"), ("Tweede Kamer", None)])
def test_a_debate_of_unnamed_kind_is_plenary_in_a_letter_to_the_eerste_kamer(recipient, kind):
    """Regression (eval V kst-36800-XX-A): 'In een debat met uw Kamer op 8 oktober 2024' to the Eerste
    Kamer is a plenary debate (eval/README); to the Tweede Kamer its kind stays unknown."""
    body = ("In een debat met uw Kamer op 8 oktober 2024 heeft de minister-president u toegezegd (T03930) "
            "dat getekende afspraken worden nagekomen.")
    (c,) = _commitments(body, "2025-12-10", recipient)
    assert (c.debate.type, c.debate.date) == (kind, "2024-10-08")


@pytest.mark.parametrize("body, debate", [
    ("Tijdens het dertigledendebat over kansengelijkheid op 17 januari heb ik toegezegd u te informeren.",
     ("plenair debat", "kansengelijkheid", "2019-01-17")),
    ("Tijdens de algemene politieke beschouwingen op 7 oktober 2014 heb ik toegezegd u te informeren.",
     ("plenair debat", "algemene politieke beschouwingen", "2014-10-07")),
])
def test_plenary_debates_by_their_own_names_are_plenary(body, debate):
    """Regression (eval AF kst-35000-VIII-175, AI kst-27625-434, AJ kst-34000-VII-4): a dertigledendebat
    (and an interpellatie) is a plenary debate in the gold format's types; 'de algemene politieke
    beschouwingen' is one, and its own title."""
    (c,) = _commitments(body, "2019-03-01")
    assert (c.debate.type, c.debate.title, c.debate.date) == debate


@pytest.mark.parametrize(("written", "date"), [
    ("het Algemeen Overleg Visserij van 4 juni", "2014-06-04"),  # the last 4 June before the letter
    ("het Algemeen Overleg Visserij van 4 juni 2015", "2015-06-04"),  # a year written stands
])
def test_a_meeting_day_without_its_year_is_the_last_such_day_before_the_letter(written, date):
    """Regression (eval AR kst-29664-123): in a letter of 19 January 2015 'Tijdens het Algemeen Overleg
    Visserij van 4 juni heeft uw Kamer mij gevraagd …' was dated 2015-06-04, the nearest 4 June, though
    a promise is made in a meeting held before the letter."""
    (c,) = _commitments(f"Tijdens {written} heeft uw Kamer mij gevraagd rekening te houden met de sector.",
                        "2015-01-19")
    assert (c.kind, c.debate.title, c.debate.date) == ("earlier", "Visserij", date)


def test_a_meeting_in_the_weeks_after_the_letter_stays_ahead():
    """The request looks ahead to it (eval dev kst-28973-82: 'met het oog op het Algemeen Overleg
    Antibiotica in de veehouderij op 26 oktober' in a letter of 21 October)."""
    body = ("De vaste commissie heeft verzocht om – met het oog op het Algemeen Overleg Antibiotica op 26 "
            "oktober – uiterlijk 24 oktober 2011 mijn visie aan uw Kamer te sturen.")
    (c,) = _commitments(body, "2011-10-21")
    assert c.debate.date == "2011-10-26"


def test_a_meeting_pointed_back_at_takes_the_day_its_first_mention_names():
    """Regression (eval dev kst-32827-153): 'Op 16 mei jl. vond het AO Streekomroepen plaats.' … 'zegde ik
    tijdens dat AO toe …': the day stands in the sentence that first names the meeting."""
    body = ("Op 16 mei jl. vond het AO Streekomroepen plaats. In reactie op vragen van het lid Sneller zegde "
            "ik tijdens dat AO toe uw Kamer een stand-van-zakenbrief te sturen.")
    (c,) = _commitments(body, "2019-06-11")
    assert (c.debate.type, c.debate.title, c.debate.date) == (
        "algemeen overleg", "Streekomroepen", "2019-05-16")


def test_the_same_debate_named_again_without_its_kind_is_the_last_meeting_named():
    """Regression (eval dev kst-35925-I-5): 'In datzelfde debat heb ik toegezegd …', a paragraph after the
    meeting was named."""
    body = ("In het commissiedebat Koninkrijksrelaties van 7 oktober 2020 heb ik toegezegd u te informeren "
            "over de kosten.\n\nDe kosten zijn als volgt.\n\nIn datzelfde debat heb ik toegezegd nog te "
            "onderzoeken of er aanleiding is tot een evaluatie.")
    found = _commitments(body, "2020-11-20")
    assert [(c.debate.type, c.debate.date) for c in found] == [("commissiedebat", "2020-10-07")] * 2


@pytest.mark.parametrize("body, title", [
    ("Op 3 september werd het wetsvoorstel in uw Kamer behandeld (Handelingen II 2019/20, nr. 97, debat over "
     "het verrekenen van schulden bij de bijstand). Tijdens deze behandeling heb ik u een brief toegezegd "
     "over het begrip fraude.", "verrekenen van schulden bij de bijstand"),
    ("Vorige week hebben we met uw Kamer gedebatteerd (Handelingen II 2021/22, nrs. 62 en 63, Debat over "
     "ontwikkeling en stijgende huurprijzen). Tijdens dat debat heb ik toegezegd u te informeren over de "
     "koopkracht.", "ontwikkeling en stijgende huurprijzen"),
])
def test_a_debate_named_in_a_handelingen_reference_keeps_its_whole_title(body, title):
    """The Handelingen reference names the debate to its closing bracket ('debat over … bij de
    bijstand)'); lower-case words and stop words inside it do not cut the title short."""
    (c,) = _commitments(body, "2021-11-01")
    assert c.debate.title == title


def test_a_bills_name_keeps_its_part_in_brackets():
    """'het wetsvoorstel Wijziging van de Visserijwet (herinvoering vergunningen) op 25 mei jl.': the
    part in brackets belongs to the bill's name, and the date after it is the debate's."""
    body = ("Tijdens de behandeling van het wetsvoorstel Wijziging van de Visserijwet (herinvoering "
            "vergunningen) op 25 mei jl. heb ik toegezegd u voor 1 september te informeren over de gevolgen.")
    (c,) = _commitments(body, "2011-08-25")
    assert (c.debate.title, c.debate.date) == ("Wijziging van de Visserijwet (herinvoering vergunningen)",
                                               "2011-05-25")


def test_a_bills_name_ends_before_a_reference_or_party_in_brackets():
    body = ("Tijdens de behandeling van het wetsvoorstel Wijziging van de Visserijwet (Kamerstuk 32 100) "
            "heb ik toegezegd u voor 1 september te informeren over de gevolgen.")
    (c,) = _commitments(body, "2011-08-25")
    assert c.debate.title == "Wijziging van de Visserijwet"


def test_a_debate_of_unnamed_kind_takes_the_kind_its_title_opens_with():
    """'het debat inzake de begrotingsbehandeling van begroting X': the debate is the budget debate and
    its title the budget, as when the letter names the kind itself."""
    body = ("In het debat inzake de begrotingsbehandeling van begroting Hoofdstuk Wonen (XXII) van 7 oktober "
            "2020 heb ik toegezegd om deze motie uit te voeren.")
    (c,) = _commitments(body, "2021-01-15")
    assert (c.debate.type, c.debate.title, c.debate.date) == (
        "begrotingsbehandeling", "begroting Hoofdstuk Wonen (XXII)", "2020-10-07")


def test_a_debate_of_unnamed_kind_about_a_subject_keeps_its_title():
    body = "Tijdens het debat over de begroting van Defensie heb ik toegezegd u te informeren over de vloot."
    (c,) = _commitments(body, "2021-01-15")
    assert (c.debate.type, c.debate.title) == (None, "begroting van Defensie")


def test_the_vragenuurtje_is_question_time():
    body = ("Deze brief gaat in op de toezeggingen die de minister deed tijdens het vragenuurtje op 11 april "
            "jl. over de exportkredieten.")
    (c,) = _commitments(body, "2017-05-01")
    assert (c.debate.type, c.debate.date) == ("mondelinge vragen", "2017-04-11")


@pytest.mark.parametrize("body, title", [
    # the MP the promise was made to closes the title
    ("Met deze brief informeer ik de Kamer, zoals toegezegd in het debat van 8 december over de tweede "
     "suppletoire begroting inzake Groningen aan het lid Jansen, over de stand van zaken.",
     "tweede suppletoire begroting inzake Groningen"),
    # so does the end of the sentence that names the meeting
    ("Op 16 juni was ik met uw Kamer in debat over het gevangeniswezen van het kabinet. Op twee onderwerpen "
     "heb ik toegezegd uw Kamer nader te informeren.", "gevangeniswezen van het kabinet"),
    # and a colon before what was promised
    ("Verder informeer ik u over de toezeggingen die ik heb gedaan tijdens de wetsbehandeling van 12 mei jl. "
     "omtrent verhuurvergunningen voor kamers zonder eigen voordeur en gedeelde woningen: de registratie en "
     "de handhaving.", "verhuurvergunningen voor kamers zonder eigen voordeur en gedeelde woningen"),
])
def test_a_title_with_lower_case_words_ends_at_the_addressee_the_sentence_end_or_a_colon(body, title):
    (c,) = _commitments(body, "2022-10-21")
    assert c.debate.title == title


def test_a_verb_after_the_word_debat_at_a_sentence_end_is_no_title():
    body = ("Het rapport brengt vragen aan de orde die een breed debat behoeven. Zoals toegezegd aan het lid "
            "Jansen zend ik u hierbij de reactie.")
    (c,) = _commitments(body, "2021-03-01")
    assert c.debate is None


def test_a_restated_promise_keeps_the_meeting_it_was_made_at():
    """A new commitment whose sentence says where it was promised or announced before the letter keeps
    that meeting (eval/README, restated promises)."""
    body = "Zoals gemeld in het vragenuur van 29 juni jl. kunt u dit najaar de kabinetsreactie tegemoet zien."
    (c,) = _commitments(body, "2010-07-02")
    assert (c.kind, c.debate.type, c.debate.date) == ("new", "mondelinge vragen", "2010-06-29")


def test_the_meeting_a_new_promise_will_be_kept_at_is_not_where_it_was_made():
    body = ("Op de nieuwe amendementen zal ik reageren in mijn eerste termijn tijdens de voortzetting van de "
            "plenaire behandeling.")
    (c,) = _commitments(body, "2023-04-20")
    assert c.kind == "new" and c.debate is None
