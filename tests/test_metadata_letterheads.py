"""Letterheads and closings as stored copies flatten or wrap them: regressions from the kept evaluation
set (eval/), each built from the layout that failed, not from the letter's own words."""

from __future__ import annotations

import pytest

from toezegging_cli.clean import TextLine, metadata
from toezegging_cli.clean import closing as signature
from toezegging_cli.clean.ministries import complete_ministry


def paras(*texts: str) -> list[TextLine]:
    return [TextLine(text=t, page=1, new_para=True) for t in texts]


def lines(*texts: str) -> list[TextLine]:
    """Lines of one block (no blank line between them), as a signature is set."""
    return [TextLine(text=t, page=1, new_para=i == 0) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("name", "day", "full"),
    [
        # the sender line wrapped after 'EN' and the copy kept one line (eval kst-27625-661, kst-34293-134)
        ("Infrastructuur en", "2023-12-19", "Infrastructuur en Waterstaat"),
        ("Infrastructuur en", "2012-03-01", "Infrastructuur en Milieu"),
        ("Binnenlandse Zaken en", "2019-01-10", "Binnenlandse Zaken en Koninkrijksrelaties"),
        # wrapped after the comma (eval kst-32793-373) or cut by a two-column signature (2013D48819)
        ("Volksgezondheid", "2019-04-11", "Volksgezondheid, Welzijn en Sport"),
        ("Sociale Zaken", "2013-11-01", "Sociale Zaken en Werkgelegenheid"),
        # a name the ministry did not have on the letter's date (eval kst-29826-132)
        ("Economische Zaken", "2021-11-26", "Economische Zaken en Klimaat"),
        ("Landbouw", "2008-05-16", "Landbouw, Natuur en Voedselkwaliteit"),
        ("Landbouw", "2025-05-16", "Landbouw, Visserij, Voedselzekerheid en Natuur"),
        # a letter dropped in the copy (eval dev kst-32467-J)
        ("Binnenlandse Zaken en Koninrijksrelaties", "2011-10-07",
         "Binnenlandse Zaken en Koninkrijksrelaties"),
    ],
)
def test_a_ministry_cut_short_is_completed_from_the_ministries_of_the_letter_date(name, day, full):
    assert complete_ministry(name, day) == full


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Economische Zaken", "2015-01-01"),  # its own name that year
        ("Economische Zaken", "2025-01-01"),
        ("Justitie", "2009-06-01"),
        ("Defensie", "2019-01-01"),
        ("Buitenlandse Handel en Ontwikkelingssamenwerking", "2019-01-01"),  # no ministry: left alone
        ("Infrastructuur en", None),  # no date, no way to choose
    ],
)
def test_a_whole_or_unknown_ministry_name_is_left_as_written(name, day):
    assert complete_ministry(name, day) == name


def test_letter_ministry_is_completed_with_the_letter_date():
    """Regression (eval kst-27625-661): 'BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN' gave the
    ministry 'Infrastructuur en'."""
    meta, _ = metadata.extract_metadata(paras(
        "Nr. 661 BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 19 december 2023",
        "Met deze brief wordt de Kamer geïnformeerd over de voortgang.",
    ), [])
    assert (meta.date, meta.ministry) == ("2023-12-19", "Infrastructuur en Waterstaat")


def test_closing_with_the_portfolio_wrapped_after_its_comma():
    """Regression (eval vws-2009-groeihormoon-kinderartsen): 'de minister van Volksgezondheid,' /
    'Welzijn en Sport,' / 'dr. A. Klink' ended at the first comma, so the name found no role."""
    closing = signature.find_closing(paras("Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd.")
                                    + lines("Hoogachtend,", "de minister van Volksgezondheid,",
                                            "Welzijn en Sport,", "dr. A. Klink",
                                            "Ministerie van Volksgezondheid, Welzijn en Sport"))
    assert closing is not None
    assert [(s.name, s.role, s.portfolio) for s in closing.signatories] == [
        ("dr. A. Klink", "minister", "Volksgezondheid, Welzijn en Sport")]


def test_a_portfolio_that_is_a_ministry_does_not_take_the_next_line():
    closing = signature.find_closing(paras("Met vriendelijke groet,") + lines(
        "De minister van Defensie,", "Welzijn en Sport,", "J.S.J. Hillen"))
    assert closing is None or all(s.portfolio == "Defensie" for s in closing.signatories)


@pytest.mark.parametrize("name", ["Mr.dr. J.P. Balkenende", "mr. drs. A. Jansen", "Dr.ir. B. de Vries"])
def test_names_with_titles_run_together(name):
    """Regression (eval az-2009-jsf-overleg-peters): 'Mr.dr. J.P. Balkenende' was no name, so the
    letter had no signatory."""
    assert signature.is_name(name)


def test_griffie_notes_above_a_laid_before_letter_do_not_end_the_header():
    """Regression (eval kst-33891-173): the voorhang notes 'Ontvangen ter Griffie op …' and 'Het
    besluit … kan niet eerder worden genomen dan op …' were read as body, so date and addressee were lost."""
    h = metadata.parse_header(paras(
        "Nr. 173 BRIEF VAN DE STAATSSECRETARIS VAN VOLKSGEZONDHEID, WELZIJN EN SPORT",
        "Ontvangen ter Griffie op 3 november 2014.",
        "Het besluit tot het doen van een aanwijzing kan niet eerder worden genomen dan op 3 december 2014.",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 3 november 2014",
        "Zoals bekend verandert het proces rond de inkoop van langdurige zorg in 2015 fors.",
    ))
    assert (h.date, h.recipient, h.end) == ("2014-11-03", "Tweede Kamer", 5)


def test_date_label_with_the_next_label_run_on():
    """Regression (eval vws-2010-rookafzuiginstallaties): 'Datum 17 februari 2010 Uw brief' (the
    sidebar's next label on the date's line) gave no date."""
    h = metadata.parse_header(paras("Ons kenmerk VGP-CB-U-2985846", "Datum 17 februari 2010 Uw brief",
                                    "Geachte voorzitter,", "Op 29 januari 2010 heeft uw Kamer mij verzocht."))
    assert h.date == "2010-02-17"


def test_labels_row_over_values_row():
    """Regression (eval kst-32849-21): the labels 'Datum Betreft' on one row and '20 juni 2014 Nazorg
    steenkolenwinning Limburg' on the next gave neither date nor subject."""
    h = metadata.parse_header(paras("> Retouradres Postbus 20401 2500 EK Den Haag", "Datum Betreft",
                                    "20 juni 2014 Nazorg steenkolenwinning Limburg", "Geachte voorzitter,",
                                    "Tijdens het Verzamel-Algemeen Overleg Energie heb ik met u gesproken."))
    assert (h.date, h.subject) == ("2014-06-20", "Nazorg steenkolenwinning Limburg")
    # a row of labels over something else is no date
    h = metadata.parse_header(paras("Datum Betreft", "Zie hieronder", "Geachte voorzitter,"))
    assert h.date is None


def test_the_griffie_notes_of_a_ministerial_regulation_laid_before_the_kamer():
    """Regression (eval AS kst-29214-95): the voorhang notes of a ministerial regulation ('Ter griffie van
    de Tweede Kamer der Staten-Generaal ontvangen op …', 'De wens om … nadere inlichtingen te ontvangen
    kan … te kennen worden gegeven uiterlijk op …', 'De voordracht … kan niet eerder worden gedaan dan
    op …') ended the header, so the letter had no date."""
    h = metadata.parse_header(paras(
        "Nr. 95 BRIEF VAN DE MINISTER VOOR LANGDURIGE ZORG EN SPORT",
        "Ter griffie van de Tweede Kamer der Staten-Generaal ontvangen op 22 mei 2023.",
        "De wens om over de voorgenomen voordracht voor de vast te stellen ministeriële regeling nadere "
        "inlichtingen te ontvangen kan door of namens de Kamer te kennen worden gegeven uiterlijk op "
        "21 juni 2023.",
        "De voordracht voor de vast te stellen ministeriële regeling kan niet eerder worden gedaan dan op "
        "21 juni 2023.",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 22 mei 2023",
        "De Nederlandse gezondheidszorg staat voor belangrijke uitdagingen.",
    ))
    assert (h.date, h.recipient, h.end) == ("2023-05-22", "Tweede Kamer", 6)
