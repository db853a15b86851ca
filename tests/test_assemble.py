"""Commitment assembly on real letters and on sentences written the way letters write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from toezegging_cli.evaluate import evaluate
from toezegging_cli.extract import extract_path, report_for
from toezegging_cli.model import Letter, LetterMeta, Signatory, Source


def _letter(body: str, date: str | None = "2024-05-01") -> Letter:
    return Letter(
        body=body, page_starts=[0], footnotes=[],
        meta=LetterMeta(date=date, signatories=[Signatory("F. Rijkaart", "minister")]),
        source=Source("test.txt", "0" * 64, 1, "txt"),
    )


def _commitments(body: str, date: str | None = "2024-05-01"):
    return report_for(_letter(body, date)).commitments


def test_seed_letter_gives_two_earlier_and_one_new(corpus_dir):
    report = extract_path(str(corpus_dir / "letters" / "integriteit-dialoogreeks-2025.txt"))
    kinds = [(c.kind, c.status) for c in report.commitments]
    assert kinds.count(("earlier", "partly_fulfilled")) == 1
    assert kinds.count(("earlier", "fulfilled")) == 1
    assert kinds.count(("new", "open")) == 1
    assert len(kinds) == 3

    partly = next(c for c in report.commitments if c.status == "partly_fulfilled")
    assert partly.debate.type == "commissiedebat"
    assert partly.debate.title == "Integriteit Openbaar Bestuur"
    assert partly.debate.date == "2025-03-12"
    assert [(m.name, m.party) for m in partly.members] == [("Van Waveren", "NSC")]
    assert partly.deadline.end == "2025-12-31"

    fulfilled = next(c for c in report.commitments if c.status == "fulfilled")
    assert fulfilled.debate.title == "Functioneren Rijksdienst"
    assert fulfilled.debate.date == "2025-04-24"
    assert fulfilled.made_by.name == "voorganger"
    assert [(m.name, m.party) for m in fulfilled.members] == [("Van Waveren", "NSC")]

    new = next(c for c in report.commitments if c.kind == "new")
    assert new.deadline.text == "eind van dit jaar"
    assert new.deadline.end == "2025-12-31"
    assert "uw Kamer nader zal informeren" in new.evidence.sentence


def test_evidence_indexes_the_body(corpus_letters):
    for path in corpus_letters:
        report = extract_path(str(path))
        from toezegging_cli.read import read_letter

        body = read_letter(str(path)).body
        for c in report.commitments:
            if c.evidence.footnote is None:
                assert body[c.evidence.start:c.evidence.end] == c.evidence.sentence, path.name


@pytest.mark.parametrize(
    "sentence, kind, status",
    [
        ("Zoals toegezegd aan het lid Bamenga in het commissiedebat Water op 14 februari 2024 stuur ik "
         "u hierbij het rapport.", "earlier", "fulfilled"),
        ("Ik zal uw Kamer voor de zomer informeren over de uitkomsten.", "new", "open"),
        ("De Kamer zal in de tweede helft van 2024 worden geïnformeerd over de voortgang.", "new", "open"),
        ("Voor het kerstreces ontvangt uw Kamer de evaluatie.", "new", "open"),
        ("Ik kom hierop terug in de voortgangsbrief van dit najaar.", "new", "open"),
        ("Deze agenda's zullen op 2 november worden ondertekend, en dan ook met uw Kamer worden "
         "gedeeld.", "new", "open"),
        ("Deze sectoragenda zal naar verwachting rond de zomer aan uw Kamer worden aangeboden.",
         "new", "open"),
    ],
)
def test_single_sentence_commitments(sentence, kind, status):
    found = _commitments(sentence)
    assert [(c.kind, c.status) for c in found] == [(kind, status)]
    assert found[0].evidence.sentence == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Met de motie Klaver c.s. verzocht uw Kamer het kabinet een voorstel te doen.",
        "Uw Kamer werd op 8 april 2021 geïnformeerd over de voorgestelde aanpak.",
        "Gelijktijdig met deze brief wordt de Kamer ook geïnformeerd over de verkenning.",
        "Op de derde en vierde aanbeveling kom ik later in deze brief terug.",
        "Met deze brief informeer ik de Kamer over de voortgang van de aanpak.",
        "Het kabinet zal zich inzetten om hier samen met de eilanden verder aan te werken.",
    ],
)
def test_not_a_commitment(sentence):
    assert _commitments(sentence) == []


def test_postponed_commitment_takes_the_new_term_and_no_separate_promise():
    body = (
        "Tijdens het commissiedebat Verkeersveiligheid op 8 maart 2023 is aan de vaste commissie "
        "toegezegd dat de Kamer voor de zomer wordt geïnformeerd over de evaluatie. Het onderzoek heeft "
        "helaas vertraging opgelopen. Ik zal uw Kamer in het derde kwartaal van 2023 informeren."
    )
    found = _commitments(body, "2023-06-20")
    assert len(found) == 1
    c = found[0]
    assert (c.kind, c.status) == ("earlier", "postponed")
    assert c.deadline.text == "in het derde kwartaal van 2023"
    assert (c.deadline.start, c.deadline.end) == ("2023-07-01", "2023-09-30")


def test_generic_mention_stands_unless_two_specific_commitments_are_named():
    generic = "Met deze brief kom ik tegemoet aan enkele toezeggingen en moties."
    assert [(c.kind, c.status) for c in _commitments(generic)] == [("earlier", "fulfilled")]
    other = "Met deze brief informeer ik u over de uitvoering van diverse aangenomen moties en toezeggingen."
    assert [(c.kind, c.status) for c in _commitments(other)] == [("earlier", "fulfilled")]
    # one specific commitment does not cover 'enkele toezeggingen': the mention stays (eval/README.md)
    specific = generic + "\n\nZoals toegezegd aan het lid Kröger stuur ik u het rapport."
    found = _commitments(specific)
    assert len(found) == 2 and "Kröger" in found[1].evidence.sentence
    # two named commitments: the mention is only their summary
    two = specific + "\n\nTevens heb ik toegezegd de evaluatie voor de zomer te sturen."
    found = _commitments(two)
    assert len(found) == 2 and not any("enkele" in c.evidence.sentence for c in found)


def test_motie_author_is_not_the_member_of_a_commitment():
    body = (
        "Bij brief van 29 januari 2024 is uw Kamer geïnformeerd over de uitvoering van de motie Ellian c.s. "
        "In die brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden geïnformeerd."
    )
    found = _commitments(body, "2024-09-23")
    assert len(found) == 1
    assert found[0].members == []
    assert found[0].deadline is not None and found[0].deadline.end == "2024-07-04"


@pytest.mark.parametrize(("body", "members"), [
    ("Tijdens het debat heb ik naar aanleiding van de motie van het lid Jansen (VVD) toegezegd u voor de "
     "zomer te informeren over de regeling.", []),
    # a sentence that names moties and, in another clause, the member who asked
    ("Naar aanleiding van de stemming over de moties ben ik door het lid Van Meenen verzocht om een brief "
     "over de uitvoering te sturen.", ["Van Meenen"]),
    ("Tijdens het debat over de moties heeft het lid Jansen (VVD) gevraagd om een brief over de regeling.",
     ["Jansen"]),
])
def test_a_member_is_a_motie_author_only_when_linked_to_the_motie(body, members):
    (c,) = _commitments(body, "2016-05-01")
    assert [m.name for m in c.members] == members


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("expected", sorted(SAMPLES.glob("*.expected.json")), ids=lambda p: p.stem)
def test_samples_match_their_expected_answers(expected, tmp_path):
    """The project's own example letters give what a careful reader extracts from them."""
    name = expected.name[: -len(".expected.json")]
    (tmp_path / f"{name}.gold.json").write_text(expected.read_text("utf-8"), "utf-8")
    result = evaluate(tmp_path, SAMPLES)
    score = result.letters[0]
    assert not score.error
    assert (score.missed, score.extra) == ([], [])
    assert result.field_accuracy == 1.0, result.fields.to_dict()
    assert result.letter_accuracy == 1.0, result.letter_fields.to_dict()


def test_fulfilment_sentence_settles_status_despite_later_delays():
    body = (
        "Tijdens het commissiedebat Water op 14 februari 2024 heb ik het lid Bamenga (D66) toegezegd uw "
        "Kamer voor het einde van het jaar te informeren over de dijken. Met deze brief geef ik invulling "
        "aan die toezegging.\n\nDe versterking van de dijken heeft vertraging opgelopen door de "
        "stikstofproblematiek."
    )
    found = _commitments(body, "2024-11-12")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")]
    assert found[0].deadline.end == "2024-12-31"


def test_partly_kept_promise_takes_the_term_in_its_own_paragraph():
    body = (
        "Tijdens het plenaire debat op 7 maart 2024 heb ik het lid Tielen (VVD) toegezegd uw Kamer te "
        "informeren over de handhaving en over de verkoop via sociale media. Met deze brief informeer ik uw "
        "Kamer over de handhaving; het onderzoek naar de verkoop via sociale media is nog niet afgerond. "
        "De resultaten daarvan stuur ik uw Kamer in het najaar van 2025."
    )
    found = _commitments(body, "2025-03-24")
    assert [(c.kind, c.status) for c in found] == [("earlier", "partly_fulfilled")]
    assert (found[0].deadline.start, found[0].deadline.end) == ("2025-09-01", "2025-12-31")


def test_deadline_nearest_to_the_promise_is_taken():
    body = "De financiering na 2027 is nog niet geregeld; ik kom hierop terug bij de Miljoenennota."
    found = _commitments(body, "2024-11-12")
    assert len(found) == 1
    assert found[0].deadline.text == "bij de Miljoenennota"
    assert found[0].deadline.end == "2025-09-16"


@pytest.mark.parametrize(
    "sentence",
    [
        "De Kamer ontvangt uiterlijk 16 juli een bijgewerkte opgave van de financiële opgave.",
        "Uw Kamer wordt voor de zomer geïnformeerd over de concrete extra acties.",
        "Ik stuur uw Kamer in oktober een brief met de actuele stand van zaken.",
        "Ik kom voor het zomerreces met een brief over het AZWA.",
        "Hierbij zeg ik toe uw Kamer jaarlijks te informeren over de voortgang.",
        "Ik streef ernaar uw Kamer voor het kerstreces te informeren over de uitkomsten.",
        "Ik zal u van de uitkomsten van het onderzoek op de hoogte brengen.",
        "U wordt voor de zomer op de hoogte gebracht van de resultaten van het onderzoek.",
        "Begin april kom ik met een beleidsbrief over de aanpak van leerlingendaling.",
        "Dit kabinet werkt aan een Ruimtevaartagenda, waarover uw Kamer nog geïnformeerd zal worden.",
        "Om doorwerking te borgen zal het ministerie van IenW elk jaar een rapportage naar de Kamer sturen.",
        "Het kabinet stuurt uw Kamer in het najaar een reactie op het advies.",
        "In het najaar stuurt het kabinet de Kamer een reactie.",
    ],
)
def test_registry_phrasings_are_new_commitments(sentence):
    assert [(c.kind, c.status) for c in _commitments(sentence, "2025-03-01")] == [("new", "open")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik kan niet toezeggen dat de medeoverheden daarbij worden betrokken.",
        "Het kabinet acht nakoming van de toezegging gedaan door ontwikkelde landen op klimaattop COP15 "
        "van belang.",
        "Uw Kamer is in maart 2024 geïnformeerd over de eerste resultaten.",
        "Het kabinet stuurde uw Kamer in maart een reactie.",
        "De Kamer ontvangt in 2023 jaarlijks een rapportage van de toezichthouder.",
    ],
)
def test_refusals_and_past_terms_are_not_commitments(sentence):
    assert _commitments(sentence, "2025-03-01") == []


@pytest.mark.parametrize(
    "body, date, status, end",
    [
        # a committee's request answered only with a later term
        ("De vaste commissie voor Defensie heeft mij verzocht om toezending van de stukken. "
         "Ik zal uw Kamer hierover in januari 2017 informeren.", "2016-11-04", "postponed", "2017-01-31"),
        ("Bij brief van 11 september 2008 verzoekt de vaste commissie om een kabinetsstandpunt vóór "
         "1 oktober 2008.\n\nIk zal trachten om het standpunt vóór eind oktober aan uw Kamer kenbaar "
         "te maken.", "2008-09-23", "postponed", "2008-10-31"),
        # reported promise from an earlier letter, renewed
        ("Ik heb u kort daarna meegedeeld dat ik de informatie in september 2013 aan uw Kamer zou doen "
         "toekomen. Helaas is dat niet gelukt. Ik zal uw Kamer de informatie in oktober 2013 toesturen.",
         "2013-09-20", "postponed", "2013-10-31"),
    ],
)
def test_answered_requests_and_renewed_terms(body, date, status, end):
    found = _commitments(body, date)
    assert [(c.kind, c.status) for c in found] == [("earlier", status)]
    assert found[0].deadline.end == end


def test_conditional_promise_is_new():
    body = "Zodra bekend is wanneer de commissie haar rapport oplevert, wordt uw Kamer hierover geïnformeerd."
    assert [(c.kind, c.status) for c in _commitments(body)] == [("new", "open")]


def test_abbreviation_dots_do_not_end_a_trigger_clause():
    """Regression: 'heeft mij bij brief van 26 maart jl. gevraagd' was no request: the 'jl.' dot
    stopped the clause-bound trigger pattern."""
    body = ("De vaste commissie voor Binnenlandse Zaken heeft mij bij brief van 26 maart jl. gevraagd de "
            "evaluatie aan de Kamer te doen toekomen. Met deze brief voldoe ik aan dat verzoek.")
    found = _commitments(body, "2019-06-14")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")]


def test_two_requests_in_one_paragraph_are_two_commitments():
    body = ("De vaste commissie heeft mij gevraagd de evaluatie te sturen. Op dezelfde dag is mij verzocht "
            "om een appreciatie van de verkiezing naar de Kamer te sturen.")
    found = _commitments(body, "2019-06-14")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled")] * 2


@pytest.mark.parametrize(
    "body, status",
    [
        # the Kamer as the one who asks, in either word order
        ("Bij de regeling van werkzaamheden van 24 september heeft de Kamer bij monde van de heer Jetten "
         "verzocht om een brief. Naar aanleiding hiervan bericht ik u het volgende.", "fulfilled"),
        ("Uw Kamer heeft verzocht om aanvullende informatie over het nieuwe artikel. Hierbij ontvangt u "
         "die informatie.", "fulfilled"),
        # a committee that decides to ask
        ("De commissie besloot daarop mij te vragen om de resterende vragen schriftelijk te beantwoorden. "
         "Hieronder treft u die beantwoording aan.", "fulfilled"),
        # the member who tabled a motion asks for a letter
        ("Na het aannemen van deze motie heeft de indiener gevraagd om een brief in reactie op deze motie. "
         "Hierbij ontvangt uw Kamer de gevraagde brief.", "fulfilled"),
        # a request that mentions a motion is still a request
        ("De vaste commissie voor Economische Zaken heeft mij verzocht de Kamer te informeren over de "
         "uitvoering van de motie van het lid Bontenbal.", "fulfilled"),
        # the uitstelbrief template, with and without a request before it
        ("De reactie op uw brief van 14 september 2020 kan tot mijn spijt niet binnen de gebruikelijke "
         "termijn worden beantwoord. Ik verwacht u de reactie eind oktober te doen toekomen.", "postponed"),
        ("Hierbij deel ik u mede dat de kabinetsreactie op de initiatiefnota niet binnen de daarvoor "
         "geldende termijn geleverd kan worden. Uw Kamer ontvangt in het najaar van 2020 de "
         "kabinetsreactie.", "postponed"),
        ("In reactie op uw brief en de toezegging in mijn brief van 31 december 2014 doe ik u deze brief "
         "toekomen.", "fulfilled"),
        # a term reported as expected
        ("Tijdens het Algemeen Overleg Mestbeleid van 14 september heb ik aangegeven dat ik mijn reactie "
         "aan uw Kamer eind oktober voorzag. Hierbij ontvangt u die reactie.", "fulfilled"),
    ],
)
def test_requests_and_promises_phrased_as_letters_put_them(body, status):
    found = _commitments(body, "2020-09-20")
    assert [(c.kind, c.status) for c in found] == [("earlier", status)]


@pytest.mark.parametrize(
    "sentence",
    [
        "In samenhang met de derde aanbeveling heeft uw Kamer per motie het kabinet verzocht een doel "
        "te stellen.",
        "De motie van het lid Westerveld verzoekt de regering afspraken te maken met scholen.",
        "Op dinsdag 5 oktober heeft de Tweede Kamer mij verzocht om als informateur de mogelijkheden "
        "te onderzoeken.",
        "Met de motie Marijnissen c.s. verzocht uw Kamer het kabinet een voorstel te doen.",
        # a duty set by law
        "Jaarlijks ontvangt u, conform de Kaderwet adviescolleges, op de derde dinsdag van september het "
        "werkprogramma.",
    ],
)
def test_motions_tasks_and_legal_duties_are_not_commitments(sentence):
    assert _commitments(sentence, "2021-10-06") == []


def test_a_debate_named_twice_takes_title_and_date_from_either_mention():
    body = ("Op 19 januari jl. is tijdens een VSO (Handelingen II 2015/16, nr. 43; VSO Raad Algemene Zaken "
            "van 19 januari 2016) de toezegging gedaan contact te leggen met de Europese Commissie.")
    found = _commitments(body, "2016-01-29")
    assert len(found) == 1
    d = found[0].debate
    assert (d.type, d.title, d.date) == ("tweeminutendebat", "Raad Algemene Zaken", "2016-01-19")


def test_postponed_commitment_takes_its_debate_from_the_rest_of_the_paragraph():
    body = ("Hierbij deel ik u mee dat het niet mogelijk blijkt om uw Kamer voor eind 2025 te informeren "
            "over de impact van de focusverschuiving. Afstemming met civiele autoriteiten vergt meer tijd "
            "dan voorzien tijdens het Wetgevingsoverleg Defensie van 18 juni 2025. Ik streef ernaar uw "
            "Kamer zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal van 2026, te informeren.")
    (c,) = _commitments(body, "2025-12-08")
    assert (c.kind, c.status) == ("earlier", "postponed")
    assert (c.debate.type, c.debate.title, c.debate.date) == ("wetgevingsoverleg", "Defensie", "2025-06-18")
    assert c.deadline.end == "2026-03-31"


def test_a_promise_on_a_condition_after_a_request_is_a_new_commitment():
    body = ("Dit conform het verzoek van de leden van de vaste kamercommissie tijdens het algemeen overleg "
            "van 24 september jl. In bijgevoegde brief verzoek ik de inspectie mij te informeren. Zodra ik "
            "die informatie heb ontvangen zal ik die aan u doorgeleiden.")
    found = _commitments(body, "2009-10-08")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("new", "open")]
    assert found[1].deadline.text == "Zodra ik die informatie heb ontvangen"


def test_an_answer_put_off_as_soon_as_possible_is_postponed():
    body = ("De heer Van Hijum (CDA) verzocht tijdens de regeling van werkzaamheden van 15 mei jongstleden "
            "om – voor 22 mei – schriftelijk te bevestigen dat de boetes stoppen.\n\nDe afstemming met mijn "
            "ambtgenoten verwacht ik deze week af te ronden. Daarna informeer ik u zo spoedig mogelijk.")
    (c,) = _commitments(body, "2012-05-22")
    assert (c.kind, c.status, c.deadline.text) == ("earlier", "postponed", "zo spoedig mogelijk")


@pytest.mark.parametrize("body, member", [
    ("In de procedurevergadering van 28 maart jongstleden heeft de vaste Commissie aangegeven graag een "
     "reactie van mij op de brief van FNV te willen ontvangen.", None),
    ("Op 14 maart 2018 is door de Vaste Commissie voor Infrastructuur en Waterstaat het verzoek gedaan te "
     "reageren op het bericht.", None),
    ("Op 9 maart 2018 ontving ik Kamervragen van het lid Kröger (GroenLinks) over het bericht.", "Kröger"),
])
def test_requests_phrased_as_wishes_passives_and_written_questions(body, member):
    (c,) = _commitments(body, "2018-04-03")
    assert (c.kind, c.status) == ("earlier", "fulfilled")
    assert [m.name for m in c.members] == ([member] if member else [])


def test_tevens_toegezegd_opens_a_further_commitment():
    body = ("Zoals toegezegd in het commissiedebat Bedrijfsleven-beleid van 19 oktober jl. geef ik uw Kamer "
            "inzicht in de regeling. Tevens heb ik toegezegd dat ik uw Kamer zal informeren over wat andere "
            "EU-landen doen. Deze informatie zal ik u nog toezenden voorafgaand aan het debat hierover.")
    found = _commitments(body, "2022-10-28")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("earlier", "postponed")]
    assert found[1].evidence.sentence.startswith("Tevens heb ik toegezegd")


def test_the_open_commitments_as_a_whole_are_a_generic_mention():
    body = ("In deze Kamerbrief zal ik een toelichting geven op de voortgang en uitvoering van de "
            "openstaande toezeggingen en aangenomen moties rondom de Wet open overheid.")
    assert [(c.kind, c.status, c.confidence) for c in _commitments(body, "2023-06-01")] == [
        ("earlier", "fulfilled", 0.6)]


def test_a_question_of_the_committee_is_a_request():
    body = ("Tot slot kom ik in deze brief tegemoet aan de vraag van de vaste commissie voor Economische "
            "Zaken om in te gaan op de lessen uit Duitsland.")
    assert [(c.kind, c.status) for c in _commitments(body, "2014-06-01")] == [("earlier", "fulfilled")]
    # what a member asked in a debate, answered within the letter, is no request of its own
    assert _commitments("Wat de vraag van het lid Van der Plas over mijn persconferentie betreft, bevestig "
                        "ik dat.", "2022-05-20") == []


def test_a_heading_naming_the_commitment_and_its_paragraph_are_one_commitment():
    body = ("Hierbij informeer ik uw Kamer over een aantal toezeggingen.\n\n"
            "Toezegging aan het lid Kostić (PvdD) tijdens het commissiedebat Water van 12 maart 2025\n\n"
            "In het commissiedebat heb ik het lid Kostić toegezegd uw Kamer te informeren over de "
            "grondwaterkwaliteit. De resultaten treft u in de bijlage.\n\n"
            "Toezegging aan de leden Bamenga (D66) en Vedder (CDA) tijdens het tweeminutendebat Drinkwater "
            "op 3 april 2025\n\n"
            "Ik heb toegezegd de Kamer voor de zomer te informeren over de drinkwaterbronnen. Dit onderzoek "
            "loopt nog; ik informeer uw Kamer hierover in het najaar.")
    first, second = _commitments(body, "2025-06-01")
    assert (first.status, [m.name for m in first.members]) == ("fulfilled", ["Kostić"])
    debate = first.debate
    assert (debate.type, debate.title, debate.date) == ("commissiedebat", "Water", "2025-03-12")
    assert first.evidence.sentence.startswith("In het commissiedebat heb ik")
    assert (second.status, second.deadline.text) == ("postponed", "in het najaar")
    assert [m.name for m in second.members] == ["Bamenga", "Vedder"]
    assert second.debate.date == "2025-04-03"


@pytest.mark.parametrize("body, member, debate", [
    ("Met deze brief doe ik de toezegging gestand die ik heb gedaan aan het lid Dobbe (SP) tijdens het "
     "mondelinge vragenuur van 14 mei jl.", "Dobbe", ("mondelinge vragen", None, "2025-05-14")),
    ("Het lid Van der Plas (BBB) heeft tijdens het tweeminutendebat Landbouw- en Visserijraad van 20 maart "
     "jl. gevraagd om een overzicht. Dat overzicht treft u bijgaand aan.", "Van der Plas",
     ("tweeminutendebat", "Landbouw- en Visserijraad", "2025-03-20")),
])
def test_promises_kept_to_members_in_other_word_orders(body, member, debate):
    (c,) = _commitments(body, "2025-06-01")
    assert (c.kind, c.status, [m.name for m in c.members]) == ("earlier", "fulfilled", [member])
    assert (c.debate.type, c.debate.title, c.debate.date) == debate


@pytest.mark.parametrize("body, status, term", [
    ("Met deze brief geef ik gedeeltelijk invulling aan de toezegging aan het lid Inge van Dijk (CDA). Over "
     "de overige onderdelen informeer ik u voor het kerstreces.", "partly_fulfilled", "voor het kerstreces"),
    ("De toezegging om uw Kamer voor 1 mei te informeren kan ik helaas niet nakomen; ik verwacht u in juni "
     "te informeren.", "postponed", "in juni"),
])
def test_partly_kept_and_not_kept_in_the_commitments_own_sentence(body, status, term):
    (c,) = _commitments(body, "2025-06-01")
    assert (c.kind, c.status, c.deadline.text) == ("earlier", status, term)


def test_a_delay_that_names_a_later_term_sets_the_term_in_force():
    body = ("Ik heb uw Kamer in mijn brief van 12 december 2024 toegezegd in het voorjaar van 2025 de "
            "evaluatie te sturen. De evaluatie is vertraagd en zal na de zomer gereed zijn.")
    (c,) = _commitments(body, "2025-06-01")
    assert (c.status, c.deadline.text) == ("postponed", "na de zomer")


def test_a_short_sentence_pointing_back_is_not_the_evidence():
    body = ("Uw Kamer heeft mij via meerdere moties verzocht om gepast gebruik verder te brengen. "
            "Dit heb ik ook toegezegd.")
    (c,) = _commitments(body, "2022-06-01")
    assert c.evidence.sentence.startswith("Uw Kamer heeft mij")


def test_a_later_debate_in_the_paragraph_is_not_the_origin():
    body = ("Het is niet mogelijk gebleken uw Kamer voor 1 maart te informeren over de pilot. "
            "Ik bespreek dit graag in het commissiedebat Water van 12 juni 2025.")
    (c,) = _commitments(body, "2025-03-05")
    assert c.status == "postponed" and c.debate is None


@pytest.mark.parametrize(
    "body, date, status, term, end",
    [
        # 'niet mogelijk' in the commitment's own sentence, renewed by 'streeft er naar'
        ("De afweging neemt meer tijd in beslag dan voorzien. Het is daarom niet mogelijk, zoals eerder "
         "toegezegd, uw Kamer eind februari te informeren. Het kabinet streeft er naar uw Kamer voor de "
         "zomer te informeren.", "2024-03-05", "postponed", "voor de zomer", "2024-07-04"),
        # a reported term that has passed, renewed with 'te kunnen aanbieden'
        ("In mijn voortgangsbrief van 20 december 2017 heb ik aangegeven naar verwachting in het eerste "
         "trimester van 2018 het standpunt aan uw Kamer te kunnen aanbieden.\n\nIk verwacht u in juni het "
         "standpunt te kunnen aanbieden.", "2018-04-26", "postponed", "in juni", "2018-06-30"),
        # the uitstelbrief's own 'we verwachten deze … te kunnen sturen'
        ("De reactie op uw brief van 14 september 2020 kan tot mijn spijt niet binnen de gebruikelijke "
         "termijn worden beantwoord. We verwachten deze eind oktober te kunnen sturen.", "2020-09-18",
         "postponed", "eind oktober", "2020-10-31"),
        # a request not met in time, renewed in the next paragraphs
        ("U heeft besloten mij te verzoeken om een reactie op de brief van de stichting.\n\n"
         "Tot mijn spijt kan ik niet binnen de gebruikelijke termijn op dit verzoek ingaan.\n\n"
         "Ik zal u de brief zo spoedig mogelijk doen toekomen.", "2016-05-10", "postponed",
         "zo spoedig mogelijk", None),
        # an interim letter: the term stated in a sentence that restates the promise
        ("In reactie op de toezegging in mijn brief van 31 december 2014 doe ik u deze brief toekomen. "
         "De toezegging is dat ik u eind 2016 informeer over de gehele uitwerking. Deze brief informeert "
         "u tussentijds.", "2016-02-12", "partly_fulfilled", "eind 2016", "2016-12-31"),
        # 'het informatieverzoek, door Kamerlid X gedaan', answered by 'gaat uw Kamer … toe'
        ("Naar aanleiding van het informatieverzoek, door Tweede Kamerlid Slob gedaan tijdens de regeling "
         "van werkzaamheden op 1 maart jl., melden wij u dat de inzet in de geannoteerde agenda staat. Deze "
         "geannoteerde agenda gaat uw Kamer uiterlijk volgende week toe.", "2011-03-04", "postponed",
         "uiterlijk volgende week", "2011-03-13"),
        # 'het verzoek van de voorzitter van de vaste commissie', answered by 'zal ik u … doen toekomen'
        ("Naar aanleiding van het verzoek van de voorzitter van de Vaste Commissie om de voorlichting toe te "
         "zenden, meld ik u dat de voorlichting nog volgt.\n\nIn de loop van maart zal ik u de voorlichting "
         "doen toekomen.", "2012-02-10", "postponed", "In de loop van maart", "2012-03-31"),
        # the bound after 'zo spoedig mogelijk' is the term in force; a debate title with inner words
        ("Uw Kamer heeft verzocht deze informatie voorafgaand aan Verantwoordingsdag te willen ontvangen.\n\n"
         "Het blijkt helaas niet haalbaar om de informatie binnen de gestelde termijn aan te reiken.\n\nIk "
         "zal u zo spoedig mogelijk de informatie doen toekomen, in ieder geval ruimschoots voorafgaand aan "
         "het Wetgevingsoverleg over de Jaarverslagen van Infrastructuur en Waterstaat op 20 juni.",
         "2018-05-15", "postponed", "in ieder geval ruimschoots voorafgaand aan het Wetgevingsoverleg over "
         "de Jaarverslagen van Infrastructuur en Waterstaat op 20 juni", "2018-06-19"),
        # 'aan de Tweede Kamer te sturen' answers the request, later
        ("Tijdens de Regeling van Werkzaamheden van 10 september 2024 heeft het lid Timmermans verzocht het "
         "regeerprogramma onverwijld te ontvangen. Het kabinet is voornemens om het regeerprogramma op "
         "vrijdag 13 september 2024 aan de Tweede Kamer te sturen.", "2024-09-12", "postponed",
         "op vrijdag 13 september 2024", "2024-09-13"),
        # 'de door u gevraagde termijn niet haalbaar', renewed by 'U kunt de brief … tegemoet zien'
        ("De vaste commissie voor Defensie heeft verzocht uiterlijk 20 april de kabinetsreactie te "
         "ontvangen. De door u gevraagde termijn is niet haalbaar gebleken. U kunt de brief spoedig, "
         "uiterlijk voor het einde van het meireces, tegemoet zien.", "2012-04-20", "postponed",
         "spoedig, uiterlijk voor het einde van het meireces", "2012-05-07"),
    ],
)
def test_unfinished_commitment_takes_the_term_in_force(body, date, status, term, end):
    found = _commitments(body, date)
    assert [(c.kind, c.status) for c in found] == [("earlier", status)]
    assert (found[0].deadline.text, found[0].deadline.end) == (term, end)


@pytest.mark.parametrize(
    "body, date, status",
    [
        # requests in the simple past, and a request received
        ("De vaste Kamercommissie voor Europese Zaken verzocht op 7 juni jl. om een actualisatie van de "
         "Staat van de Unie. Hierbij ontvangt u die actualisatie.", "2021-09-20", "fulfilled"),
        ("Tijdens het algemeen overleg over de Raad Buitenlandse Zaken op 11 februari jl. verzocht uw Kamer "
         "om een brief over de stand van zaken.", "2020-03-02", "fulfilled"),
        ("Het lid Van Tongeren vroeg, tijdens het ordedebat van 21 juni 2012, een brief van mij over het "
         "bericht.", "2012-06-25", "fulfilled"),
        ("Op 6 september jl. heb ik het verzoek gekregen van de vaste commissie voor Landbouw om een "
         "reactie op de petitie.", "2023-09-20", "fulfilled"),
        # 'lukt het niet' postpones; the next promise is its new term
        ("Uw Kamer heeft mij op 11 februari 2020 verzocht om een reactie.\n\nHelaas lukt het niet om u deze "
         "reactie binnen de termijn te doen toekomen.\n\nIk zal u mijn reactie zo spoedig mogelijk sturen.",
         "2020-03-02", "postponed"),
        ("Hierbij deel ik u mede dat ik de toezegging om de brief voor de begrotingsbehandeling te sturen, "
         "niet op tijd kan nakomen.", "2024-11-01", "postponed"),
        ("Hierbij deel ik u mee dat het niet mogelijk blijkt om uw Kamer voor eind 2025 te informeren. Ik "
         "streef ernaar uw Kamer uiterlijk in het eerste kwartaal van 2026 te informeren.", "2025-12-10",
         "postponed"),
    ],
)
def test_requests_and_postponements_in_other_words(body, date, status):
    found = _commitments(body, date)
    assert [(c.kind, c.status) for c in found] == [("earlier", status)]


def test_a_delivered_promise_followed_by_a_further_one_is_two_commitments():
    body = ("Hierbij zend ik u, zoals toegezegd in het AO gewasbescherming, het rapport van de "
            "tussenevaluatie. Ik zal uw Kamer voor het zomerreces een reactie op het rapport doen toekomen.")
    found = _commitments(body, "2019-06-21")
    assert [(c.kind, c.status) for c in found] == [("earlier", "fulfilled"), ("new", "open")]


def test_a_report_promised_is_new():
    found = _commitments("Ik zal Uw Kamer voor de zomer schriftelijk verslag doen van mijn bezoek aan de "
                         "regio.", "2012-03-25")
    assert [(c.kind, c.status, c.deadline.text) for c in found] == [("new", "open", "voor de zomer")]
