"""The Dutch pipeline on letter Dutch: tokens, sentences, lemmas and each entity type on real phrasing.

Phrases come from real letters and debate reports (shared/reference/base/commitment_sentences.md,
toezeggingen_uit_debatten.md, registry_examples.md and the corpus letters).
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toezegging_cli.tag import load_pipeline, tag_text

D = dt.date
REF = D(2025, 7, 1)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def tokens(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def sentences(nlp, text: str) -> list[str]:
    tagged = tag_text(text, D(2025, 7, 1), nlp)
    return [text[s:e] for s, e in tagged.sentences]


def ents(nlp, text: str, ref: dt.date | None = REF, label: str | None = None):
    found = tag_text(text, ref, nlp).entities
    return [e for e in found if label is None or e.label == label]


# --- tokenizer ------------------------------------------------------------------------------------

@pytest.mark.parametrize("abbreviation", [
    "Mw.", "mevr.", "dhr.", "drs.", "mr.", "ir.", "dr.", "prof.", "jl.", "j.l.", "c.s.", "nr.", "nrs.",
    "blz.", "o.a.", "i.v.m.", "t.z.t.", "d.d.", "m.b.t.", "a.s.", "e.d.", "etc.", "bijv.", "z.s.m.",
])
def test_abbreviations_stay_one_token(nlp, abbreviation):
    assert tokens(nlp, f"Zie {abbreviation} hier") == ["Zie", abbreviation, "hier"]


def test_letter_tokens(nlp):
    assert tokens(nlp, "stemde GroenLinks-PvdA.")[-2:] == ["GroenLinks-PvdA", "."]
    assert tokens(nlp, "steun van de PvdA.")[-2:] == ["PvdA", "."]
    assert tokens(nlp, "een stijging van 2,5% en 25%")[-5:] == ["2,5", "%", "en", "25", "%"]
    assert tokens(nlp, "de motie Bontenbal/Grinwis") == ["de", "motie", "Bontenbal", "/", "Grinwis"]
    assert tokens(nlp, "Kamerstukken II 2021/22, 30175, nr. 414") == [
        "Kamerstukken", "II", "2021/22", ",", "30175", ",", "nr.", "414"]
    assert tokens(nlp, "door B.J. Bruins") == ["door", "B.J.", "Bruins"]


# --- sentences ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Zie Kamerstuk 31 490, nr. 345. De minister stuurt de brief.",
     ["Zie Kamerstuk 31 490, nr. 345.", "De minister stuurt de brief."]),
    ("Zie Kamerstukken II 2021/22, 30175, nr. 414. Daarna volgt meer.",
     ["Zie Kamerstukken II 2021/22, 30175, nr. 414.", "Daarna volgt meer."]),
    ("Mw. drs. V.L.W.A. Heijnen en dhr. B.J. Bruins schreven i.v.m. de wet o.a. dit. Het kabinet reageert "
     "t.z.t. op het advies.",
     ["Mw. drs. V.L.W.A. Heijnen en dhr. B.J. Bruins schreven i.v.m. de wet o.a. dit.",
      "Het kabinet reageert t.z.t. op het advies."]),
    ("De brief is getekend door F. Rijkaart. Ook A. de Vries tekende.",
     ["De brief is getekend door F. Rijkaart.", "Ook A. de Vries tekende."]),
    ("Het bedrag steeg met 3.5 procent tot 1.200 euro. Dat is veel.",
     ["Het bedrag steeg met 3.5 procent tot 1.200 euro.", "Dat is veel."]),
    ("Op 30 juni jl. heb ik het verzoek ontvangen. Het gesprek was op 7 juli jl. De brief volgt.",
     ["Op 30 juni jl. heb ik het verzoek ontvangen.", "Het gesprek was op 7 juli jl.", "De brief volgt."]),
    ("Dat vroeg het lid Klaver c.s. De motie is aangenomen.",
     ["Dat vroeg het lid Klaver c.s.", "De motie is aangenomen."]),
    ("Dat steunt GroenLinks-PvdA. Het lid stemde tegen.",
     ["Dat steunt GroenLinks-PvdA.", "Het lid stemde tegen."]),
    ("Wat nu? Dat weten we niet! Toch gaan we door.",
     ["Wat nu?", "Dat weten we niet!", "Toch gaan we door."]),
    ('Hij zei: "Dat klopt." Daarna ging hij.', ['Hij zei: "Dat klopt."', "Daarna ging hij."]),
    ("Rijksbrede dialoogreeks\n\nIn het commissiedebat sprak ik.",
     ["Rijksbrede dialoogreeks", "In het commissiedebat sprak ik."]),
    ("De punten zijn:\n- eerste punt;\n- tweede punt.",
     ["De punten zijn:", "- eerste punt;", "- tweede punt."]),
    ("Zie nr. 3 van de bijlage, blz. 4. Dat is alles.",
     ["Zie nr. 3 van de bijlage, blz. 4.", "Dat is alles."]),
    ("De punten 1. en 2. zijn klaar.", ["De punten 1. en 2. zijn klaar."]),
    # a note number glued to the full stop (regression, eval dev BG kst-31497-242)
    ("Ik sprak met het onderwijsveld.2 Ik ga ook in op de toezeggingen. Zie nr.2 en art. 3.",
     ["Ik sprak met het onderwijsveld.2", "Ik ga ook in op de toezeggingen.", "Zie nr.2 en art. 3."]),
])
def test_sentence_boundaries(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_sentences_cover_the_words_without_surrounding_space(nlp):
    text = "  Eerste zin.   Tweede zin.\n\n\nDerde zin.  "
    assert sentences(nlp, text) == ["Eerste zin.", "Tweede zin.", "Derde zin."]


@pytest.mark.parametrize("form, lemma", [
    ("ministers", "minister"), ("brieven", "brief"), ("toezeggingen", "toezegging"),
    ("Kamerleden", "Kamerlid"), ("moties", "motie"),
])
def test_lemmas(nlp, form, lemma):
    doc = nlp(f"De {form} volgen.")
    assert doc[1].lemma_ == lemma


# --- MEMBER ---------------------------------------------------------------------------------------

def members(nlp, text, ref=REF):
    return [(e.text, e.value["name"], e.value["party"], e.value["party_source"], e.value["role"])
            for e in ents(nlp, text, ref, "MEMBER")]


def test_member_in_a_2022_letter_gets_the_party_of_that_date(nlp):
    text = ("Zoals toegezegd aan het lid Kröger in het Commissiedebat Verduurzaming luchtvaart op 16 juni "
            "2022 is het ministerie van IenW in gesprek gegaan met de Duurzame Luchtvaarttafel.")
    assert members(nlp, text, D(2022, 12, 22)) == [("Kröger", "Kröger", "GroenLinks", "members-table", None)]
    assert members(nlp, text, D(2024, 12, 1)) == [
        ("Kröger", "Kröger", "GroenLinks-PvdA", "members-table", None)]
    assert members(nlp, text, None) == [("Kröger", "Kröger", None, None, None)]


def test_member_seated_before_the_members_list_gets_the_party_from_the_estimated_earlier_seat(nlp):
    """Regression (eval dev kst-32827-153, 2019): the 2021 members list gives Aartsen's seniority, so his
    earlier seat is known and a 2019 letter naming him gets his party; a name after 'de heer' that the
    table does not know still counts in a letter the table does not fully cover (kst-34911-J, 2018)."""
    text = "Verder zegde ik het lid Aartsen toe de uitkomsten van het gesprek mee te nemen."
    assert members(nlp, text, D(2019, 5, 16)) == [("Aartsen", "Aartsen", "VVD", "members-table", None)]
    text = "Met deze brief doe ik de toezegging richting de heer Bruijn gestand."
    assert [m[0] for m in members(nlp, text, D(2018, 10, 25))] == ["Bruijn"]


def test_member_with_party_in_the_letter(nlp):
    text = ("In het commissiedebat Integriteit Openbaar Bestuur op 12 maart 2025 heeft het Kamerlid Van "
            "Waveren (NSC) gevraagd of de Kamer geïnformeerd kan worden over deze gespreksronde.")
    assert members(nlp, text) == [("Van Waveren", "Van Waveren", "NSC", "letter", None)]
    assert members(nlp, "Dat is een toezegging aan de heer Olger van Dijk (NSC).") == [
        ("Olger van Dijk", "Olger van Dijk", "NSC", "letter", None)]
    assert members(nlp, "Dat vroeg het VVD-Kamerlid Aartsen.", D(2023, 5, 1)) == [
        ("Aartsen", "Aartsen", "VVD", "letter", None)]


def test_members_in_a_list(nlp):
    found = members(nlp, "Dat vroegen de leden Eerdmans, Dassen, Stoffer en Kostić tijdens het debat.")
    assert [m[1] for m in found] == ["Eerdmans", "Dassen", "Stoffer", "Kostić"]
    found = members(nlp, "Dat vroegen de leden Aartsen en Tielen (beiden VVD).", D(2023, 5, 1))
    assert [(m[1], m[2], m[3]) for m in found] == [("Aartsen", "VVD", "letter"), ("Tielen", "VVD", "letter")]


def test_members_of_motions(nlp):
    found = members(nlp, "Bij brief van 29 januari 2024 is de motie Ellian c.s. uitgevoerd.", D(2024, 9, 23))
    assert found == [("Ellian", "Ellian", "VVD", "members-table", "motie")]
    found = members(nlp, "Met inachtneming van de motie van lid Klaver c.s., om hierbij niet alleen.",
                    D(2023, 2, 10))
    assert [(m[1], m[4]) for m in found] == [("Klaver", "motie")]
    found = members(nlp, "De motie van het lid Van Baarle c.s. is aangenomen.")
    assert [(m[1], m[4]) for m in found] == [("Van Baarle", "motie")]
    found = members(nlp, "Daarnaast wordt invulling gegeven aan de motie Bontenbal/Grinwis (Kamerstukken "
                         "32813, nr. 952).", D(2023, 2, 3))
    assert [m[1] for m in found] == ["Bontenbal", "Grinwis"]
    found = members(nlp, "de uitvoering van de moties Marijnissen c.s. en Klaver c.s. (hierna: Motie#21)")
    assert [m[1] for m in found] == ["Marijnissen", "Klaver"]
    found = members(nlp, "over de uitvoering van de motie-Van Nispen/Michon-Derkzen over sektes")
    assert [m[1] for m in found] == ["Van Nispen", "Michon-Derkzen"]
    assert members(nlp, "een motie van Tweede Kamerlid Mulder (CDA)", D(2023, 2, 3)) == [
        ("Mulder", "Mulder", "CDA", "letter", "motie")]


@pytest.mark.parametrize("text, names", [
    ("benoem ik in de contactgroep Duitsland het lid Kraneveldt-van der Veen tot lid.",
     ["Kraneveldt-van der Veen"]),
    ("dat het lid Van Kooten-Arissen bij de stemmingen over de motie-De Roon (35300-X, nr. 21) geacht wenst",
     ["Van Kooten-Arissen", "De Roon"]),
    ("De heer Van Haersma Buma (CDA): Voorzitter.", ["Van Haersma Buma"]),
    ("in de vaste commissie het lid Th.A.M. Meijer tot lid in de bestaande vacature", ["Meijer"]),
    ("Het lid Kröger in de Tweede Kamer zei dat.", ["Kröger"]),
    ("Het lid Van der Plas (BBB) en het lid Gräper-van Koolwijk vroegen dat.",
     ["Van der Plas", "Gräper-van Koolwijk"]),
])
def test_names_as_the_kamer_writes_them(nlp, text, names):
    assert [m[1] for m in members(nlp, text, D(2019, 11, 18))] == names


def test_forms_of_address(nlp):
    found = members(nlp, "Ik kan wel toezeggen, mevrouw Chakor, dat ik zorg voor een advies.")
    assert [m[1] for m in found] == ["Chakor"]
    # several members share the surname: no party from the table
    assert members(nlp, "Dat vroeg de heer Van Dijk.", D(2024, 9, 1)) == [
        ("Van Dijk", "Van Dijk", None, None, None)]
    # someone the members table does not know is not an MP
    assert members(nlp, "Dat zei de heer Pietersma, directeur van het RIVM.") == []


@pytest.mark.parametrize("text", [
    "Volgens artikel 5, tweede lid Wet openbaarheid van bestuur is dat zo.",
    "Het lid van de Raad van State zei dat.",
    "De leden van de vaste commissie vroegen dat.",
    "Dat staat in het Kamerlid-register.",
    "Dat vroeg een Kamerlid VVD tijdens het debat.",
])
def test_no_member(nlp, text):
    assert members(nlp, text) == []


# --- PARTY ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, party", [
    ("GroenLinks-PvdA", "GroenLinks-PvdA"), ("GL-PvdA", "GroenLinks-PvdA"),
    ("PvdA/GroenLinks", "GroenLinks-PvdA"),
    ("GroenLinks/PvdA", "GroenLinks-PvdA"), ("NSC", "NSC"), ("Nieuw Sociaal Contract", "NSC"),
    ("CU", "ChristenUnie"), ("ChristenUnie", "ChristenUnie"), ("PvdD", "PvdD"),
    ("Partij voor de Dieren", "PvdD"), ("50PLUS", "50PLUS"), ("BBB", "BBB"), ("BoerBurgerBeweging", "BBB"),
    ("JA21", "JA21"), ("FvD", "FVD"), ("FVD", "FVD"), ("SP", "SP"), ("SGP", "SGP"), ("DENK", "DENK"),
    ("Volt", "Volt"), ("BIJ1", "BIJ1"), ("PVV", "PVV"), ("VVD", "VVD"), ("CDA", "CDA"), ("D66", "D66"),
    ("PvdA", "PvdA"), ("GL", "GroenLinks"), ("GroenLinks", "GroenLinks"),
    ("Groep Van Haga", "Groep Van Haga"),
    ("BVNL", "Groep Van Haga"),
])
def test_party_spellings(nlp, written, party):
    found = ents(nlp, f"Daarover sprak de fractie van {written} gisteren.", label="PARTY")
    assert [(e.text, e.value) for e in found] == [(written, {"party": party})]


def test_party_after_a_name_and_before_a_full_stop(nlp):
    found = ents(nlp, "Dat vroeg het lid Kostić (PvdD). Ook GroenLinks-PvdA.", label="PARTY")
    assert [e.value["party"] for e in found] == ["PvdD", "GroenLinks-PvdA"]


@pytest.mark.parametrize("text", ["Denk aan de dieren.", "De sp en volt zijn klein.", "Het DNA-onderzoek."])
def test_no_party(nlp, text):
    assert ents(nlp, text, label="PARTY") == []


# --- MINISTER -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ref, office, name", [
    ("Op 12 december 2022 heeft de Minister van Buitenlandse Zaken het BNC-fiche aangeboden.",
     D(2022, 12, 22), "minister van Buitenlandse Zaken", "Wopke Hoekstra"),
    ("Hierover wordt de Kamer door de Staatssecretaris van IenW geïnformeerd.", D(2022, 12, 22),
     "staatssecretaris van Infrastructuur en Waterstaat", "Vivianne Heijnen"),
    ("De minister van Binnenlandse Zaken en Koninkrijksrelaties zegt de Kamer toe.", D(2025, 10, 1),
     "minister van Binnenlandse Zaken en Koninkrijksrelaties", "Frank Rijkaart"),
    ("De rol van de minister van Binnenlandse Zaken kan verder versterkt worden.", D(2025, 4, 24),
     "minister van Binnenlandse Zaken en Koninkrijksrelaties", "Judith Uitermark"),
    ("mede namens de minister voor Klimaat en Energie", D(2023, 2, 3), "minister voor Klimaat en Energie",
     "Rob Jetten"),
    ("mede namens de demissionair staatssecretaris Jeugd, Preventie en Sport", D(2025, 7, 21),
     "staatssecretaris Jeugd, Preventie en Sport", "Judith Tielen"),
    ("Dat heeft de minister-president toegezegd.", D(2023, 3, 1), "minister-president", "Mark Rutte"),
    ("Dat heeft minister Harbers toegezegd.", D(2023, 3, 1), "minister van Infrastructuur en Waterstaat",
     "Mark Harbers"),
    ("Mijn voorganger heeft uw Kamer toegezegd daarover een brief te sturen.", D(2025, 9, 1),
     "voorganger", None),
    ("Bij brief van 29 januari 2024 hebben onze ambtsvoorgangers uw Kamer geïnformeerd.", D(2024, 9, 23),
     "voorganger", None),
    ("Dat heeft mijn ambtsvoorganger gemeld.", D(2024, 9, 23), "voorganger", None),
])
def test_ministers(nlp, text, ref, office, name):
    found = ents(nlp, text, ref, "MINISTER")
    assert [e.value for e in found] == [{"office": office, "name": name}]


def test_minister_without_a_known_holder(nlp):
    # the cabinet table names nobody for Buitenlandse Handel en Ontwikkelingssamenwerking in 2022
    found = ents(nlp, "mede namens de minister voor Buitenlandse Handel en Ontwikkelingssamenwerking",
                 D(2023, 2, 3), "MINISTER")
    assert [e.value for e in found] == [
        {"office": "minister voor Buitenlandse Handel en Ontwikkelingssamenwerking", "name": None}]
    found = ents(nlp, "De minister van Financiën stuurt de brief.", None, "MINISTER")
    assert [e.value for e in found] == [{"office": "minister van Financiën", "name": None}]


@pytest.mark.parametrize("text, ref, name", [
    # a staatssecretaris whose portfolio is no ministry ('Funderend Onderwijs en Emancipatie') works at OCW
    ("Dit wordt uitgewerkt door de staatssecretaris van OCW.", D(2025, 6, 10), "Mariëlle Paul"),
    # two staatssecretarissen of Financiën at once (Fiscaliteit; Herstel en Toeslagen): nobody is named
    ("Dit heeft de Staatssecretaris van Financiën gemeld.", D(2025, 3, 6), None),
    ("Dit heeft de Staatssecretaris van Financiën gemeld.", D(2021, 3, 6), None),
    # a changeover day: the incoming minister
    ("Dit heeft de minister van Buitenlandse Zaken gemeld.", D(2021, 9, 24), "Ben Knapen"),
])
def test_minister_holder_when_several_posts_share_a_ministry(nlp, text, ref, name):
    assert [e.value["name"] for e in ents(nlp, text, ref, "MINISTER")] == [name]


@pytest.mark.parametrize("text, date", [
    # (eval dev kst-29675-107) the day in a relative clause after the meeting and its audience
    ("Tijdens het wetgevingsoverleg Visserij met uw Kamer, dat plaatsvond op 8 november jongstleden, heb "
     "ik toegezegd u te informeren.", "2010-11-08"),
    # the day set off by commas after the meeting's name and its audience
    ("Tijdens het notaoverleg Cultuur met uw Kamer, 8 november jongstleden, heb ik dat toegezegd.",
     "2010-11-08"),
])
def test_a_meetings_day_set_off_by_commas_after_its_name(nlp, text, date):
    (debate,) = ents(nlp, text, D(2010, 12, 1), "DEBATE")
    assert debate.value["date"] == date


def test_no_minister_without_office_or_name(nlp):
    assert ents(nlp, "De minister stuurt de brief. De staatssecretaris ook.", label="MINISTER") == []


# --- DEBATE ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ref, debate", [
    ("In het commissiedebat Integriteit Openbaar Bestuur op 12 maart 2025 heeft het Kamerlid Van Waveren "
     "(NSC) gevraagd of de Kamer geïnformeerd kan worden.", D(2025, 4, 24),
     ("commissiedebat", "Integriteit Openbaar Bestuur", "2025-03-12")),
    ("Zoals toegezegd aan het lid Kröger in het Commissiedebat Verduurzaming luchtvaart op 16 juni 2022 is "
     "het ministerie in gesprek gegaan.", D(2022, 12, 22),
     ("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16")),
    ("tijdens het Commissiedebat Verduurzaming luchtvaart van 16 juni 2022 is aan de vaste commissie "
     "toegezegd dat", D(2022, 12, 22), ("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16")),
    ("Sinds het Commissiedebat van 16 juni 2022 over verduurzaming luchtvaart zijn de onderhandelingen "
     "gestart.", D(2022, 12, 22), ("commissiedebat", "verduurzaming luchtvaart", "2022-06-16")),
    ("Mijn voorganger heeft tijdens het Algemeen Overleg met de Vaste commissie voor SZW d.d. 6 november "
     "1997 toegezegd regelmatig te rapporteren.", D(1999, 9, 7), ("algemeen overleg", None, "1997-11-06")),
    ("Met deze brief ontvangt de Tweede Kamer informatie ten behoeve van het commissiedebat circulaire "
     "economie op 16 april aanstaande.", D(2025, 4, 14),
     ("commissiedebat", "circulaire economie", "2025-04-16")),
    ("Dat zei ik tijdens de begrotingsbehandeling van BZK.", D(2025, 4, 14),
     ("begrotingsbehandeling", "BZK", None)),
    ("de brief inzake toezegging gedaan tijdens het commissiedebat Stikstof, NPLG en natuur van 17 april "
     "2024, over wat wel kan", D(2024, 4, 26), ("commissiedebat", "Stikstof, NPLG en natuur", "2024-04-17")),
    ("Conform de toezegging die mijn voorganger gedaan heeft tijdens het commissiedebat Auto, informeer ik "
     "de Kamer.", D(2025, 7, 2), ("commissiedebat", "Auto", None)),
    ("Er is een tweeminutendebat aangevraagd door de heer Paternotte.", D(2025, 7, 2),
     ("tweeminutendebat", None, None)),
    ("In het vragenuur van 3 juni 2025 vroeg het lid Dassen ernaar.", D(2025, 7, 2),
     ("mondelinge vragen", None, "2025-06-03")),
    ("Tijdens het wetgevingsoverleg Jaarverslag en slotwet VWS 2024 op 30 juni 2025 heb ik dat toegezegd.",
     D(2025, 7, 2), ("wetgevingsoverleg", "Jaarverslag en slotwet VWS 2024", "2025-06-30")),
    ("In het commissiedebat Water heeft de minister op 3 maart toegezegd te rapporteren.", D(2025, 7, 2),
     ("commissiedebat", "Water", None)),
    ("In het notaoverleg gesproken over de nota werd dat gezegd.", D(2025, 7, 2),
     ("notaoverleg", None, None)),
    ("Tijdens het plenaire debat over de wijziging van de Tabaks- en rookwarenwet op 7 maart 2024 heb ik het "
     "lid Tielen (VVD) toegezegd uw Kamer te informeren.", D(2025, 3, 24),
     ("plenair debat", "wijziging van de Tabaks- en rookwarenwet", "2024-03-07")),
    ("In het schriftelijk overleg over de preventiestrategie van 15 mei 2024 heb ik het lid Dobbe (SP) "
     "toegezegd de naleving opnieuw te laten meten.", D(2025, 3, 24),
     ("schriftelijk overleg", "preventiestrategie", "2024-05-15")),
    # a title in quotation marks, also after 'over het onderwerp'
    ("Bij het commissiedebat «Vreemdelingen- en asielbeleid» van 30 juni jl. was er weinig tijd.",
     D(2022, 7, 8), ("commissiedebat", "Vreemdelingen- en asielbeleid", "2022-06-30")),
    ("Dit conform het verzoek van de leden tijdens het algemeen overleg van 24 september jl. over het "
     "onderwerp «IGZ en Toezicht».", D(2009, 10, 8), ("algemeen overleg", "IGZ en Toezicht", "2009-09-24")),
    # a debate of unnamed kind, with whom it was held skipped before the title
    ("Tijdens het laatste debat met uw Kamer over de jeugdbescherming op 24 november 2022 hebben wij "
     "toegezegd om uw Kamer te informeren.", D(2023, 1, 24), (None, "jeugdbescherming", "2022-11-24")),
    ("Tijdens de Regeling van Werkzaamheden van 10 september 2024 heeft het lid Timmermans verzocht het "
     "programma te ontvangen.", D(2024, 9, 12),
     ("plenair debat", "Regeling van Werkzaamheden", "2024-09-10")),
    # the ordedebat is its own title, as the kept set's gold writes it (eval/reviews/O.md, kst-19637-1550)
    ("Het lid Van Tongeren vroeg, tijdens het ordedebat van 21 juni 2012, een brief van mij.", D(2012, 6, 25),
     ("plenair debat", "ordedebat", "2012-06-21")),
    # cited from the Handelingen, the plenary record: a plenary debate
    ("Ik antwoord op de vragen uit het debat over sms-berichten (Handelingen II 2021/22, nr. 82).",
     D(2022, 5, 19), ("plenair debat", "sms-berichten", None)),
    # one lower-case word after an abbreviated type is its title; an adverb is not
    ("Hierbij zend ik u, zoals toegezegd in het AO gewasbescherming, het rapport.", D(2019, 6, 21),
     ("algemeen overleg", "gewasbescherming", None)),
    ("Zoals ik in het AO vandaag heb gezegd, volgt het rapport.", D(2019, 6, 21),
     ("algemeen overleg", None, None)),
    ("Zoals toegezegd in het AO heb ik het rapport laten maken.", D(2019, 6, 21),
     ("algemeen overleg", None, None)),
    # an abbreviation in brackets belongs to the title; a committee's name may stand before the date
    ("Tijdens het algemeen overleg over het Herbeleggingsplan Vastgoed Defensie (HVD) op 22 november jl. heb "
     "ik dat toegezegd.", D(2011, 12, 1),
     ("algemeen overleg", "Herbeleggingsplan Vastgoed Defensie (HVD)", "2011-11-22")),
    ("Tijdens het AO Mestbeleid van de Vaste Commissie voor Economische Zaken, Landbouw en Innovatie van "
     "14 maart jongstleden heb ik dat toegezegd.", D(2012, 3, 20),
     ("algemeen overleg", "Mestbeleid", "2012-03-14")),
    ("In het commissiedebat Water (Kamerstuk 27 625, nr. 5) is dat gezegd.", D(2012, 3, 20),
     ("commissiedebat", "Water", None)),
    # plural and compound kinds
    ("Tijdens de WGO's heb ik toegezegd op een aantal onderwerpen terug te komen.", D(2024, 5, 1),
     ("wetgevingsoverleg", None, None)),
    ("Tijdens het Verzamel-Algemeen Overleg Energie op 18 februari 2014 heb ik met u gesproken.",
     D(2014, 6, 1), ("algemeen overleg", "Energie", "2014-02-18")),
    # 'van de Kamer' names no title
    ("Het verzoek is gedaan tijdens de regeling van werkzaamheden van de Kamer op 1 maart jl.", D(2011, 3, 4),
     ("plenair debat", "regeling van werkzaamheden", "2011-03-01")),
])
def test_debates(nlp, text, ref, debate):
    found = ents(nlp, text, ref, "DEBATE")
    assert [(e.value["type"], e.value["title"], e.value["date"]) for e in found] == [debate]


@pytest.mark.parametrize("text", [
    "Het maatschappelijk debat is volop gaande.",
    "Dat debat moeten we blijven voeren.",
])
def test_a_debate_of_unnamed_kind_needs_a_title_or_date(nlp, text):
    assert ents(nlp, text, D(2024, 1, 1), "DEBATE") == []


def test_debate_date_far_from_the_type_leaves_the_words_between_to_other_entities(nlp):
    found = ents(nlp, "Tijdens het notaoverleg over de initiatiefnota van het lid Bikker op 12 mei 2025 is "
                      "dat besproken.", D(2025, 7, 2))
    assert [(e.label, e.text) for e in found] == [
        ("DEBATE", "notaoverleg over de initiatiefnota"), ("MEMBER", "Bikker"), ("DATE", "12 mei 2025")]
    assert found[0].value["date"] == "2025-05-12"


# --- DATE, DEADLINE and overlaps ------------------------------------------------------------------

def test_dates_and_deadlines_resolve_against_the_reference(nlp):
    found = ents(nlp, "Ik verwacht eind van dit jaar dit proces af te ronden. Dat besprak ik op 3 maart.",
                 D(2025, 4, 24))
    assert [(e.label, e.text) for e in found] == [("DEADLINE", "eind van dit jaar"), ("DATE", "3 maart")]
    assert found[0].value["end"] == "2025-12-31"
    assert found[1].value["date"] == "2025-03-03"


def test_a_deadline_before_a_debate_outranks_the_debate(nlp):
    found = ents(nlp, "Ik informeer de Kamer nog vóór de begrotingsbehandeling over de knelpunten.",
                 D(2025, 7, 2))
    assert [e.label for e in found] == ["DEADLINE"]
    assert found[0].text.endswith("vóór de begrotingsbehandeling")


def test_entities_never_overlap_and_all_carry_a_value(nlp):
    text = ("Zoals toegezegd aan het lid Kröger (GroenLinks) in het Commissiedebat Verduurzaming "
            "luchtvaart op 16 juni 2022 stuurt de Minister van Infrastructuur en Waterstaat voor de zomer "
            "van 2023 een brief, mede namens mijn voorganger en de motie Van Esch c.s.")
    doc = tag_text(text, D(2022, 12, 22), nlp).doc
    spans = sorted((e.start_char, e.end_char) for e in doc.ents)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert {e.label_ for e in doc.ents} == {"MEMBER", "PARTY", "DEBATE", "MINISTER", "DEADLINE"}
    assert all(isinstance(e._.value, dict) and e._.value for e in doc.ents)


# --- any text -------------------------------------------------------------------------------------

_PIECES = ("het lid", "de leden", "motie", "c.s.", "Kröger", "Van Waveren", "(NSC)", "(beiden VVD)", "en",
           ",", "commissiedebat", "Water", "op", "van", "over de", "12 maart 2025", "d.d.",
           "minister van Financiën", "mijn voorganger", "GroenLinks-PvdA.", ".", "?", "\n\n", "\n- ", "Mw.",
           "nr. 3", "jl.", "voor de zomer", "begrotingsbehandeling", '"', "(", ")", "de heer", "VVD-Kamerlid",
           "minister-president", "x.")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=25), st.sampled_from([None, REF]))
def test_any_text_gives_entities_and_sentences_that_slice_it(nlp, pieces, ref):
    text = " ".join(pieces)
    tagged = tag_text(text, ref, nlp)
    for start, end in tagged.sentences:
        assert text[start:end] == text[start:end].strip() != ""
    words = [t for t in tagged.doc if not t.is_space]
    covered = sum(1 for t in words if any(s <= t.idx < e for s, e in tagged.sentences))
    assert covered == len(words)
    for e in tagged.entities:
        assert text[e.start:e.end] == e.text and isinstance(e.value, dict)


def test_abbreviation_ends_a_sentence_only_before_a_capital():
    """Regression: 'c.s. (Kamerstuk …' and 'Kamerstuknr. 2012' cut a promise off from its subject."""
    from toezegging_cli.tag import tag_text

    text = ("Ik heb u bericht hoe de motie van het lid Middendorp c.s. (Kamerstuk 35 300, nr. 3) wordt "
            "uitgevoerd. Naar aanleiding van de motie (Kamerstuknr. 2012–2013, CII) zal ik u informeren. "
            "Dit is aangenomen op 1 juli jl. De Kamer stemde in.")
    sentences = [text[s:e] for s, e in tag_text(text, None).sentences]
    assert sentences == [
        "Ik heb u bericht hoe de motie van het lid Middendorp c.s. (Kamerstuk 35 300, nr. 3) wordt "
        "uitgevoerd.",
        "Naar aanleiding van de motie (Kamerstuknr. 2012–2013, CII) zal ik u informeren.",
        "Dit is aangenomen op 1 juli jl.",
        "De Kamer stemde in.",
    ]


@pytest.mark.parametrize("ref, names", [
    (D(2019, 9, 25), ["Asscher"]),  # before the members table: 'de heer' vouches for the name
    (D(2024, 9, 25), []),           # within it: an unknown name after 'de heer' is no member
])
def test_addressed_names_in_letters_older_than_the_members_table(nlp, ref, names):
    text = "Bij de regeling heeft de Kamer bij monde van de heer Asscher verzocht om een brief."
    assert [e.value["name"] for e in ents(nlp, text, ref, "MEMBER")] == names


@pytest.mark.parametrize("text, names", [
    ("Toezegging naar aanleiding van vragen van het lid Van der Goot (OPNL), om een overzicht te sturen.",
     ["Van der Goot"]),
    ("Het lid Van den Berg vroeg om een brief.", ["Van den Berg"]),
])
def test_a_particle_is_never_taken_for_a_first_name(nlp, text, names):
    """Regression (eval V kst-36800-XX-A): 'het lid Van der Goot', not in the members table, was read
    as the first name 'Van' of a family 'der Goot' and cut to 'Van'."""
    assert [e.value["name"] for e in ents(nlp, text, D(2025, 12, 10), "MEMBER")] == names
