"""Dutch dates and deadlines: real-world expressions resolved against a fixed letter date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toezegging_cli.tag.dates import TimeMatch, find_time_expressions, infer_reference_date, resolve_deadline

D = dt.date.fromisoformat
REF = D("2023-02-10")  # a Friday; recesses of 2023 are in the official list

# (phrase, expected DATE iso, precision[, ref])
DATES = [
    ("12 maart 2025", "2025-03-12", "day"),
    ("12 maart", "2023-03-12", "day"),  # nearest year to the letter
    ("5 december", "2022-12-05", "day"),  # nearest: last December, not next
    ("7 juli jl.", "2022-07-07", "day"),
    ("7 juli j.l.", "2022-07-07", "day"),
    ("1 januari a.s.", "2024-01-01", "day"),
    ("1 januari aanstaande", "2024-01-01", "day"),
    ("15-03-2025", "2025-03-15", "day"),
    ("15/03/2025", "2025-03-15", "day"),
    ("1-7-2025", "2025-07-01", "day"),
    ("2025-03-15", "2025-03-15", "day"),
    ("15 maart 2025", "2025-03-15", "day"),
    ("d.d. 6 november 1997", "1997-11-06", "day"),
    ("maart 2025", "2025-03-01", "month"),
    ("december 2023", "2023-12-01", "month"),
    ("dinsdag 7 juli 2020", "2020-07-07", "day"),
    ("vrijdag 13 december 2024", "2024-12-13", "day"),
    ("1e maart 2023", "2023-03-01", "day"),
    ("2de april 2024", "2024-04-02", "day"),
    ("3 feb. 2024", "2024-02-03", "day"),
    ("12 jan 2025", "2025-01-12", "day"),
    ("1 september jl.", "1999-09-01", "day", D("1999-09-07")),
    ("25 juni jl.", "2020-06-25", "day", D("2020-08-11")),
    ("10 oktober", "2024-10-10", "day", D("2024-10-14")),
    ("16 april aanstaande", "2025-04-16", "day", D("2025-04-14")),
    ("12 maart", None, "day", None),
]

# (phrase, start, end, precision[, ref]) -- DEADLINE values
DEADLINES = [
    # summer recess 2023: 7 July - 4 September
    ("voor de zomer", "2023-02-10", "2023-07-06", "event"),
    ("vóór de zomer", "2023-02-10", "2023-07-06", "event"),
    ("voor het zomerreces", "2023-02-10", "2023-07-06", "event"),
    ("vóór het zomerreces", "2023-02-10", "2023-07-06", "event"),
    ("nog voor de zomer", "2023-02-10", "2023-07-06", "event"),
    ("uiterlijk voor de zomer", "2023-02-10", "2023-07-06", "event"),
    ("voor de zomer van 2025", "2023-02-10", "2025-07-03", "event"),
    ("voor het zomerreces van 2024", "2023-02-10", "2024-07-04", "event"),
    ("voor de zomer", "2023-08-01", "2024-07-04", "event", D("2023-08-01")),  # past this year's
    ("rond de zomer 2023", "2023-06-01", "2023-09-30", "season"),
    ("na de zomer", "2023-09-05", "2023-10-31", "season"),
    ("na het zomerreces", "2023-09-05", "2023-10-31", "season"),
    ("kort na het zomerreces", "2023-09-05", "2023-10-31", "season"),
    ("tijdens het zomerreces", "2023-07-07", "2023-09-04", "event"),
    # seasons
    ("dit najaar", "2023-09-01", "2023-12-31", "season"),
    ("in het najaar", "2023-09-01", "2023-12-31", "season"),
    ("in het najaar", "2020-09-01", "2020-12-31", "season", D("2020-08-11")),
    ("in het najaar van 2023", "2023-09-01", "2023-12-31", "season"),
    ("in het najaar 2023", "2023-09-01", "2023-12-31", "season"),
    ("in het najaar van dit jaar", "2023-09-01", "2023-12-31", "season"),
    ("in het voorjaar van 2023", "2023-03-01", "2023-06-30", "season"),
    ("in het voorjaar", "2021-03-01", "2021-06-30", "season", D("2020-08-11")),
    ("dit voorjaar", "2023-03-01", "2023-06-30", "season"),
    ("volgend voorjaar", "2024-03-01", "2024-06-30", "season", D("2023-08-01")),
    ("in de zomer", "2023-06-01", "2023-08-31", "season"),
    ("deze winter", "2022-12-01", "2023-02-28", "season"),
    ("eind voorjaar", "2023-06-01", "2023-06-30", "season"),
    # quarters and halves
    ("in het derde kwartaal van 2023", "2023-07-01", "2023-09-30", "quarter"),
    ("Q3 2023", "2023-07-01", "2023-09-30", "quarter"),
    ("Q1-2025", "2025-01-01", "2025-03-31", "quarter"),
    ("in Q4", "2023-10-01", "2023-12-31", "quarter"),
    ("in het eerste kwartaal van 2026", "2026-01-01", "2026-03-31", "quarter"),
    ("in het laatste kwartaal", "2023-10-01", "2023-12-31", "quarter"),
    ("volgend kwartaal", "2023-04-01", "2023-06-30", "quarter"),
    ("aan het eind van het eerste kwartaal 2023", "2023-03-01", "2023-03-31", "quarter"),
    ("eind van het eerste kwartaal 2023", "2023-03-01", "2023-03-31", "quarter"),
    ("de tweede helft van 2023", "2023-07-01", "2023-12-31", "quarter"),
    ("in de tweede helft van 2022", "2022-07-01", "2022-12-31", "quarter"),
    ("in de eerste helft van 2023", "2023-01-01", "2023-06-30", "quarter"),
    ("het eerste halfjaar van 2024", "2024-01-01", "2024-06-30", "quarter"),
    ("in het tweede halfjaar", "2023-07-01", "2023-12-31", "quarter"),
    ("in de tweede helft van het jaar", "2023-07-01", "2023-12-31", "quarter"),
    # years
    ("eind van dit jaar", "2023-10-01", "2023-12-31", "year"),
    ("eind dit jaar", "2023-10-01", "2023-12-31", "year"),
    ("voor het einde van het jaar", "2023-02-10", "2023-12-31", "year"),
    ("voor het eind van dit jaar", "2023-02-10", "2023-12-31", "year"),
    ("tegen het einde van het jaar", "2023-10-01", "2023-12-31", "year"),
    ("dit jaar", "2023-02-10", "2023-12-31", "year"),
    ("later dit jaar", "2023-02-10", "2023-12-31", "year"),
    ("nog dit jaar", "2023-02-10", "2023-12-31", "year"),
    ("eind 2023", "2023-10-01", "2023-12-31", "year"),
    ("eind 2022", "2022-10-01", "2022-12-31", "year"),
    ("uiterlijk eind 2025", "2023-02-10", "2025-12-31", "year"),
    ("begin 2026", "2026-01-01", "2026-03-31", "year"),
    ("begin 2023", "2023-01-01", "2023-03-31", "year"),
    ("in het begin van 2025", "2025-01-01", "2025-03-31", "year"),
    ("begin volgend jaar", "2024-01-01", "2024-03-31", "year"),
    ("voor begin 2024", "2023-02-10", "2023-12-31", "year"),
    ("medio 2025", "2025-06-01", "2025-07-31", "year"),
    ("halverwege 2025", "2025-06-01", "2025-07-31", "year"),
    ("volgend jaar", "2024-01-01", "2024-12-31", "year"),
    ("komend jaar", "2024-01-01", "2024-12-31", "year"),
    ("het komende jaar", "2024-01-01", "2024-12-31", "year"),
    ("in 2024", "2024-01-01", "2024-12-31", "year"),
    ("in de loop van 2024", "2024-01-01", "2024-12-31", "year"),
    ("tot en met 2025", "2023-02-10", "2025-12-31", "year"),
    # months
    ("in september", "2023-09-01", "2023-09-30", "month"),
    ("in september", "2024-09-01", "2024-09-30", "month", D("2024-09-23")),
    ("in januari", "2024-01-01", "2024-01-31", "month"),
    ("in oktober", "2023-10-01", "2023-10-31", "month"),
    ("uiterlijk in september", "2023-02-10", "2023-09-30", "month"),
    ("in maart 2025", "2025-03-01", "2025-03-31", "month"),
    ("in april 2018", "2018-04-01", "2018-04-30", "month"),
    ("eind maart", "2023-03-21", "2023-03-31", "month"),
    ("voor eind maart", "2023-02-10", "2023-03-31", "month"),
    ("begin april", "2023-04-01", "2023-04-10", "month"),
    ("half mei", "2023-05-11", "2023-05-20", "month"),
    ("medio juni", "2023-06-11", "2023-06-20", "month"),
    # days
    ("uiterlijk 1 juli", "2023-02-10", "2023-07-01", "day"),
    ("uiterlijk 16 juli", "2023-02-10", "2023-07-16", "day"),
    ("uiterlijk op 1 juli 2023", "2023-02-10", "2023-07-01", "day"),
    ("voor 1 oktober", "2023-02-10", "2023-09-30", "day"),
    ("vóór 11 november", "2023-02-10", "2023-11-10", "day"),
    ("voor 1 januari", "2023-02-10", "2023-12-31", "day"),
    ("op 1 januari a.s.", "2024-01-01", "2024-01-01", "day"),
    ("per 1 januari 2024", "2024-01-01", "2024-01-01", "day"),
    ("met ingang van 1 juli 2023", "2023-07-01", "2023-07-01", "day"),
    ("t/m 31 december 2024", "2023-02-10", "2024-12-31", "day"),
    ("na 1 juli", "2023-07-02", None, "day"),
    ("rond 15 oktober", "2023-10-08", "2023-10-22", "day"),
    ("Deadline 1 januari 2024", "2023-02-10", "2024-01-01", "day"),
    ("nieuwe deadline 30 november 2021", None, "2021-11-30", "day"),
    ("in de week van 12 mei", "2023-05-08", "2023-05-14", "day"),
    # ISO week numbers (regression: eval def-2009-uitstel-evaluatie-laagvliegen gave no term)
    ("in week 6 van 2009", "2009-02-02", "2009-02-08", "day"),
    ("in week 12", "2023-03-20", "2023-03-26", "day"),
    ("voor week 40", "2023-02-10", "2023-10-01", "day"),
    ("uiterlijk in week 3", "2023-02-10", "2024-01-21", "day"),
    # recesses and events
    ("voor het kerstreces", "2023-02-10", "2023-12-21", "event"),
    ("voor het kerstreces van 2025", "2023-02-10", "2025-12-18", "event"),
    ("voor het herfstreces", "2023-02-10", "2023-10-12", "event"),
    ("voor het verkiezingsreces", "2023-02-10", "2023-10-26", "event"),
    ("ruim voor het verkiezingsreces", "2023-02-10", "2023-10-26", "event"),
    ("voor het meireces", "2023-02-10", "2023-04-20", "event"),
    ("voor de kerstvakantie", "2023-02-10", "2023-12-21", "event"),
    ("na het kerstreces", "2024-01-16", "2024-02-12", "event"),
    ("rond Prinsjesdag", "2023-09-12", "2023-09-26", "event"),
    ("op Prinsjesdag", "2023-09-19", "2023-09-19", "event"),
    ("voor Prinsjesdag", "2023-02-10", "2023-09-18", "event"),
    ("bij de Miljoenennota", "2023-09-19", "2023-09-19", "event"),
    ("met de begroting", "2023-09-19", "2023-09-19", "event"),
    ("bij de begroting 2025", "2024-09-17", "2024-09-17", "event"),
    ("bij de Miljoenennota 2026", "2025-09-16", "2025-09-16", "event"),
    ("bij de Voorjaarsnota", "2023-02-10", "2023-06-01", "event"),
    ("bij het jaarverslag", "2023-05-17", "2023-05-17", "event"),
    ("bij het jaarverslag 2025", "2026-05-20", "2026-05-20", "event"),
    ("op Verantwoordingsdag", "2023-05-17", "2023-05-17", "event"),
    ("voor de begrotingsbehandeling", "2023-02-10", "2023-10-31", "event"),
    ("nog vóór de begrotingsbehandeling", "2023-02-10", "2023-10-31", "event"),
    # the debate by its other name (eval dev kst-35510-59: 'voor het begrotingsdebat' was no term)
    ("voor het begrotingsdebat", "2023-02-10", "2023-10-31", "event"),
    ("voor behandeling van de Defensiebegroting 2026", "2023-02-10", "2025-10-31", "event"),
    ("voor het commissiedebat Water", "2023-02-10", None, "event"),
    ("voorafgaand aan het commissiedebat", "2023-02-10", None, "event"),
    ("voor het volgende commissiedebat MIRT", "2023-02-10", None, "event"),
    ("voor het notaoverleg MIRT", "2023-02-10", None, "event"),
    # a committee's hearing or round table is a meeting of the Kamer too (eval AZ kst-33997-55)
    ("voor de hoorzitting van 22 maart 2023", "2023-02-10", "2023-03-21", "event"),
    ("voor het rondetafelgesprek van 1 maart 2023", "2023-02-10", "2023-02-28", "event"),
    (
        "voor het commissiedebat X op 16 april aanstaande",
        "2025-04-14",
        "2025-04-15",
        "event",
        D("2025-04-14"),
    ),
    # a title with lower-case words, a year range or 'hierover' when its date closes it (eval Q
    # kst-33750-VI-118, kst-35982-7, kst-33000-IV-49)
    (
        "vóór het Algemeen Overleg jaarwisseling 2013–2014 en vuurwerk van 27 mei a.s.",
        "2014-04-14",
        "2014-05-26",
        "event",
        D("2014-04-14"),
    ),
    ("in aanloop naar het notadebat hierover op 26 september", "2022-07-01", "2022-09-25", "event",
     D("2022-07-01")),
    ("voor het VAO op 22 december 2011", "2011-12-01", "2011-12-21", "event", D("2011-12-01")),
    ("voor Kerst", "2023-02-10", "2023-12-24", "event"),
    ("voor de jaarwisseling", "2023-02-10", "2023-12-31", "event"),
    ("rond de jaarwisseling", "2023-12-24", "2024-01-07", "event"),
    # a term set by an event that is no Kamer meeting (eval AQ kst-28286-611: 'na de
    # rondetafelbijeenkomst' was no term)
    ("na de rondetafelbijeenkomst", None, None, "event"),
    ("direct na afloop van de consultatie", None, None, "event"),
    ("na het gesprek met de sector", None, None, "event"),
    # relative to the letter
    ("binnen twee weken", "2023-02-10", "2023-02-24", "day"),
    ("binnen een week", "2023-02-10", "2023-02-17", "day"),
    ("binnen zes weken", "2023-02-10", "2023-03-24", "day"),
    ("binnen 30 dagen", "2023-02-10", "2023-03-12", "day"),
    ("binnen drie maanden", "2023-02-10", "2023-05-10", "month"),
    ("binnen een half jaar", "2023-02-10", "2023-08-10", "month"),
    ("binnen een jaar", "2023-02-10", "2024-02-10", "year"),
    ("over een half jaar", "2023-08-10", "2023-08-10", "month"),
    ("over twee weken", "2023-02-24", "2023-02-24", "day"),
    ("volgende maand", "2023-03-01", "2023-03-31", "month"),
    ("deze maand", "2023-02-10", "2023-02-28", "month"),
    ("volgende week", "2023-02-13", "2023-02-19", "day"),
    ("de komende maanden", "2023-02-10", "2023-08-10", "month"),
    # unspecified
    ("zo spoedig mogelijk", None, None, "unspecified"),
    ("zo snel mogelijk", None, None, "unspecified"),
    ("zo snel als mogelijk", None, None, "unspecified"),
    ("z.s.m.", None, None, "unspecified"),
    ("binnenkort", None, None, "unspecified"),
    ("zeer binnenkort", None, None, "unspecified"),
    ("op korte termijn", None, None, "unspecified"),
    ("op heel korte termijn", None, None, "unspecified"),
    ("op zo kort mogelijke termijn", None, None, "unspecified"),  # eval kst-35984-15
    ("op een zo kort mogelijke termijn", None, None, "unspecified"),
    ("te zijner tijd", None, None, "unspecified"),
    ("t.z.t.", None, None, "unspecified"),
    ("op een later moment", None, None, "unspecified"),
    # recurring (start/end of the cycle of the letter's year)
    ("jaarlijks vóór het zomerreces", None, "2024-07-04", "event", D("2024-09-23")),
    ("jaarlijks rond Prinsjesdag", "2023-09-12", "2023-09-26", "event"),
    ("jaarlijks in het voorjaar", "2023-03-01", "2023-06-30", "season"),
    ("halfjaarlijks", None, None, "quarter"),
    ("jaarlijks", None, None, "year"),
    ("elk jaar", None, None, "year"),
    ("ieder jaar", None, None, "year"),
    ("ieder half jaar", None, None, "quarter"),
    ("periodiek", None, None, "unspecified"),
    # without a letter date: only what the words themselves fix
    ("dit najaar", None, None, "season", None),
    ("in september", None, None, "month", None),
    ("voor de zomer", None, None, "event", None),
    ("eind van dit jaar", None, None, "year", None),
    ("voor de zomer van 2025", None, "2025-07-03", "event", None),
    ("in het derde kwartaal van 2023", "2023-07-01", "2023-09-30", "quarter", None),
]

RECURRING = {"jaarlijks", "halfjaarlijks", "elk", "ieder", "periodiek"}


def _only(text: str, ref: dt.date | None) -> TimeMatch:
    found = find_time_expressions(text, ref)
    assert len(found) == 1, f"{text!r}: {[(m.label, m.text) for m in found]}"
    assert found[0].text == text, f"{text!r}: matched only {found[0].text!r}"
    return found[0]


def test_table_is_large():
    assert len(DATES) + len(DEADLINES) >= 100


@pytest.mark.parametrize("row", DATES, ids=lambda r: r[0])
def test_dates(row):
    text, iso, precision = row[:3]
    ref = row[3] if len(row) > 3 else REF
    m = _only(text, ref)
    assert m.label == "DATE"
    assert m.value == {"date": iso, "precision": precision}


@pytest.mark.parametrize("row", DEADLINES, ids=lambda r: f"{r[0]}@{r[4] if len(r) > 4 else REF}")
def test_deadlines(row):
    text, start, end, precision = row[:4]
    ref = row[4] if len(row) > 4 else REF
    m = _only(text, ref)
    assert m.label == "DEADLINE"
    assert (m.value["start"], m.value["end"], m.value["precision"]) == (start, end, precision)
    assert m.value["recurring"] is any(w in text.lower().split() for w in RECURRING)
    assert resolve_deadline(text, ref) == m.value


def test_estimated_recess_is_flagged():
    """The 2023 voorjaarsreces is not in the table: its date is estimated, and says so."""
    m = _only("voor het krokusreces", REF)
    assert m.value["estimated"] is True
    assert D(m.value["end"]).weekday() == 3  # the Thursday before the recess Friday
    assert _only("voor het kerstreces", REF).value["estimated"] is False
    assert _only("voor de begrotingsbehandeling", REF).value["estimated"] is True


def test_asap_takes_its_condition_along():
    sentence = (
        "Ik zal uw Kamer zo spoedig mogelijk na ontvangst van het advies en de aanbevelingen van de "
        "paritaire commissie en het opstellen van mijn reactie hierop hierover informeren."
    )
    (m,) = find_time_expressions(sentence, D("2018-03-15"))
    assert m.text == (
        "zo spoedig mogelijk na ontvangst van het advies en de aanbevelingen van de paritaire commissie "
        "en het opstellen van mijn reactie hierop"
    )
    assert m.value["precision"] == "unspecified" and m.value["end"] is None


# ---- in running text: offsets, several expressions, nothing extra


def _spans(text: str, ref: dt.date | None = REF) -> list[tuple[str, str]]:
    found = find_time_expressions(text, ref)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.label, m.text) for m in found]


def test_in_sentences_with_offsets():
    text = "Ik zal uw Kamer voor de zomer van 2025 informeren over de voortgang van het programma."
    (m,) = find_time_expressions(text, REF)
    assert (m.start, m.end) == (text.index("voor de zomer"), text.index(" informeren"))
    assert m.value["end"] == "2025-07-03"


def test_bare_spoedig_before_a_verb_is_an_open_term():
    text = "Deze bespreking volgt, waarna ik uw Kamer spoedig zal informeren."
    (m,) = find_time_expressions(text, REF)
    assert (text[m.start:m.end], m.value["precision"]) == ("spoedig", "unspecified")
    (m,) = find_time_expressions("Ik zal Uw Kamer spoedig schriftelijk verslag doen van mijn bezoek.", REF)
    assert m.value["precision"] == "unspecified"


@pytest.mark.parametrize("text, term, end", [
    ("Ik streef ernaar uw Kamer zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal van 2026, te "
     "informeren.", "zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal van 2026", "2026-03-31"),
    ("Ik informeer u zo snel mogelijk, doch uiterlijk op 1 maart 2026.",
     "zo snel mogelijk, doch uiterlijk op 1 maart 2026", "2026-03-01"),
    ("U ontvangt de brief zo spoedig mogelijk en in ieder geval voor de zomer.",
     "zo spoedig mogelijk en in ieder geval voor de zomer", "2026-07-02"),
])
def test_as_soon_as_possible_with_a_bound_is_one_term_ending_at_the_bound(text, term, end):
    (m,) = find_time_expressions(text, dt.date(2025, 12, 8))
    assert (m.text, m.value["end"]) == (term, end)


@pytest.mark.parametrize("text, term, end", [
    ("Ik zal uw Kamer aanstaande maandag schriftelijk nader informeren.", "aanstaande maandag", "2014-03-24"),
    ("Ik informeer u maandag a.s. over de uitkomst.", "maandag a.s.", "2014-03-24"),
    ("U ontvangt de brief volgende week dinsdag.", "volgende week dinsdag", "2014-03-25"),
    ("U ontvangt de brief voor aanstaande vrijdag.", "voor aanstaande vrijdag", "2014-03-27"),
    # the letter is dated on a Friday: 'komende vrijdag' is a week later
    ("Ik stuur u komende vrijdag het verslag.", "komende vrijdag", "2014-03-28"),
])
def test_a_weekday_ahead_is_a_term(text, term, end):
    (m,) = find_time_expressions(text, dt.date(2014, 3, 21))  # a Friday
    assert (m.text, m.label, m.value["end"]) == (term, "DEADLINE", end)


@pytest.mark.parametrize("text, term", [
    ("Zodra de resultaten bekend zijn, informeer ik u.", "Zodra de resultaten bekend zijn"),
    ("Zodra ik die informatie heb ontvangen zal ik die aan u doorgeleiden.",
     "Zodra ik die informatie heb ontvangen"),
    ("Ik informeer u zodra ik meer weet.", "zodra ik meer weet"),
    ("Wanneer er meer bekend is, zal het kabinet de Kamer direct informeren.", "Wanneer er meer bekend is"),
    # no comma: the main clause's verb and subject close the condition
    ("Wanneer het rapport is verschenen zal ik uw Kamer een reactie sturen.",
     "Wanneer het rapport is verschenen"),
    # voordat, nadat and indien set a term the same way, up to a comma, a dash or the main clause
    ("Ik zeg toe dat, voordat er een besluit wordt genomen over de subsidie, ik de Kamer informeer.",
     "voordat er een besluit wordt genomen over de subsidie"),
    ("U ontvangt de reactie pas nadat het nieuwe college is aangetreden.",
     "nadat het nieuwe college is aangetreden"),
    ("Ik zal u – nadat het overleg heeft plaatsgevonden – de uitkomst van het overleg sturen.",
     "nadat het overleg heeft plaatsgevonden"),
    ("Ik heb toegezegd u te berichten indien zich nieuwe ontwikkelingen voordoen.",
     "indien zich nieuwe ontwikkelingen voordoen"),
])
def test_a_condition_is_an_open_term(text, term):
    m = find_time_expressions(text, dt.date(2014, 3, 21))[0]  # ('… direct informeren' is a term too)
    assert (m.text, m.value["precision"], m.value["end"]) == (term, "unspecified", None)


def test_a_clause_with_nadat_that_holds_a_date_keeps_the_date():
    (m,) = find_time_expressions("Nadat dit traject begin 2013 vastliep, is een nieuwe aanpak gekozen.",
                                 dt.date(2014, 3, 21))
    assert m.text == "begin 2013"


def test_indien_gewenst_is_an_offer_not_a_term():
    text = "Indien gewenst kan ik u een technische briefing geven."
    assert find_time_expressions(text, dt.date(2014, 3, 21)) == []


@pytest.mark.parametrize("text, term", [
    # the chair's list of the MIRT debate of 2 July 2025: the title ended in the verb and its subject
    ("Voor het notaoverleg MIRT ontvangt de Kamer een plan van aanpak.", "Voor het notaoverleg MIRT"),
    ("Voor het commissiedebat jeugdzorg stuur ik u een plan.", "Voor het commissiedebat jeugdzorg"),
    ("Voor het wetgevingsoverleg over de begroting ontvangt u het plan.", "Voor het wetgevingsoverleg"),
    ("Voor het commissiedebat over Jeugd ontvangt u het plan.", "Voor het commissiedebat over Jeugd"),
])
def test_a_meeting_term_ends_before_the_verb_that_follows_it(text, term):
    (m,) = find_time_expressions(text, dt.date(2025, 7, 2))
    assert m.text == term


@pytest.mark.parametrize("text, term", [
    ("Ik zal u na het bekend worden van de uitslag de gevraagde toestemming sturen.",
     "na het bekend worden van de uitslag"),
    ("Na vaststelling van een akkoord zal ik u informeren.", "Na vaststelling van een akkoord"),
    ("Ik stuur u de beleidsreactie na ontvangst van het advies.", "na ontvangst van het advies"),
])
def test_after_an_event_named_by_its_noun_is_an_event_term(text, term):
    (m,) = find_time_expressions(text, dt.date(2019, 4, 1))
    assert (m.text, m.value["end"]) == (term, None)


@pytest.mark.parametrize("text, term", [
    ("De regering is voornemens de Kamer terzake spoedigst nader te informeren.", "spoedigst"),
    ("Ik zal de Kamer ten spoedigste informeren.", "ten spoedigste"),
    ("Ik zeg toe uw Kamer hierover regelmatig te informeren.", "regelmatig"),
])
def test_spoedigst_and_regelmatig_are_open_terms(text, term):
    (m,) = find_time_expressions(text, dt.date(2019, 4, 1))
    assert (m.text, m.value["start"], m.value["end"]) == (term, None, None)


def test_regelmatig_of_anything_but_informing_is_no_term():
    text = "In de gesprekken komt een aantal onderwerpen regelmatig terug."
    assert find_time_expressions(text, dt.date(2025, 9, 1)) == []


def test_a_question_with_wanneer_is_no_term():
    assert find_time_expressions("Wanneer komt het rapport?", dt.date(2014, 3, 21)) == []
    question = "Wanneer het rapport verschijnt is nog niet bekend?"
    assert find_time_expressions(question, dt.date(2014, 3, 21)) == []


def test_a_condition_told_in_the_past_is_no_term():
    """An account of what happened ('zodra de Kamer daarmee had ingestemd') sets no term."""
    text = "Het besluit is genomen zodra de Kamer daarmee had ingestemd."
    assert find_time_expressions(text, dt.date(2008, 11, 3)) == []


def test_bare_spoedig_before_a_bound_joins_it():
    (m,) = find_time_expressions("U kunt de brief spoedig, uiterlijk voor het einde van het meireces, "
                                 "tegemoet zien.", dt.date(2012, 4, 20))
    assert m.text == "spoedig, uiterlijk voor het einde van het meireces"
    assert m.value["end"].startswith("2012-05")  # this year's recess, not next year's


def test_before_a_day_that_is_the_letter_date_is_that_day():
    (m,) = [t for t in find_time_expressions("Hij verzocht om voor 22 mei een brief te sturen.",
                                             dt.date(2012, 5, 22)) if t.label == "DEADLINE"]
    assert m.value["end"] == "2012-05-21"


@pytest.mark.parametrize("text", ["Het debat op 10 april aanstaande.",
                                  "Ik stuur u de brief op 10 april a.s."])
def test_a_coming_day_that_is_the_letter_date_is_that_day_not_a_year_on(text):
    """Regression (eval dev ah-tk-20122013-1909, an answer dated the day of 'het AO … van 10 april a.s.'):
    'a.s.' took the first such day after the letter, a year later."""
    found = find_time_expressions(text, dt.date(2013, 4, 10))
    assert [m.value.get("date") or m.value.get("end") for m in found] == ["2013-04-10"]


@pytest.mark.parametrize("text", ["Op 28 december jongstleden heb ik dat gemeld.",
                                  "Op 28 december laatstleden heb ik dat gemeld."])
def test_jongstleden_written_out_is_the_last_such_day(text):
    """'jongstleden' (as 'jl.') is the last such day before the letter, not the nearest one after it."""
    (m,) = find_time_expressions(text, dt.date(2011, 12, 20))
    assert m.value["date"] == "2010-12-28" and m.text.endswith("leden")


@pytest.mark.parametrize("text, term, end", [
    ("Ik informeer u eind volgende maand.", "eind volgende maand", "2024-06-30"),
    ("Ik informeer u begin volgende maand.", "begin volgende maand", "2024-06-10"),
    ("Ik informeer u uiterlijk eind deze maand.", "uiterlijk eind deze maand", "2024-05-31"),
    ("Ik verwacht u de brief in de loop van de volgende maand te sturen.", "in de loop van de volgende maand",
     "2024-06-30"),
])
def test_a_part_of_a_month_named_from_the_letter_is_that_part(text, term, end):
    """'eind/begin/medio' and 'in de loop van' before 'volgende/deze maand' were dropped: the term read
    as the whole month, its text without them."""
    (m,) = find_time_expressions(text, dt.date(2024, 5, 15))
    assert (m.text, m.value["end"]) == (term, end)


@pytest.mark.parametrize("text, term, end", [
    ("Ik stuur u voor het einde van de maand de brief.", "voor het einde van de maand", "2024-05-31"),
    ("U ontvangt de rapportage aan het eind van de maand.", "aan het eind van de maand", "2024-05-31"),
])
def test_the_end_of_the_month_is_the_letters_month(text, term, end):
    (m,) = find_time_expressions(text, dt.date(2024, 5, 15))
    assert (m.text, m.value["end"]) == (term, end)


def test_the_month_named_after_de_maand_is_not_the_letters_month():
    assert [m.value.get("end") for m in find_time_expressions("Ik stuur u de brief eind van de maand juni.",
                                                               dt.date(2024, 5, 15))] != ["2024-05-31"]


def test_as_soon_as_possible_and_a_later_term_stay_apart():
    found = find_time_expressions("Ik stuur u zo spoedig mogelijk de brief. In de zomer volgt meer.",
                                  dt.date(2025, 12, 8))
    assert [m.text for m in found] == ["zo spoedig mogelijk", "In de zomer"]


def test_date_and_deadline_in_one_sentence():
    text = (
        "In mijn brief van 15 december 2017 (Kamerstuk 34 775 X, nr. 66), heb ik gemeld uw Kamer, naar "
        "verwachting, in april 2018 de onderzoeksresultaten aan te kunnen bieden."
    )
    assert _spans(text, D("2018-03-15")) == [("DATE", "15 december 2017"), ("DEADLINE", "in april 2018")]


def test_several_terms_sorted_and_not_overlapping():
    text = (
        "Het onderzoek start op 1 maart 2023. De resultaten stuur ik uiterlijk 1 juli 2023, en anders "
        "zo snel mogelijk; het eindrapport volgt in het derde kwartaal van 2023, na de zomer."
    )
    assert _spans(text) == [
        ("DEADLINE", "op 1 maart 2023"),
        ("DEADLINE", "uiterlijk 1 juli 2023"),
        ("DEADLINE", "zo snel mogelijk"),
        ("DEADLINE", "in het derde kwartaal van 2023"),
        ("DEADLINE", "na de zomer"),
    ]


def test_date_inside_a_deadline_is_not_tagged_twice():
    assert _spans("Dit gebeurt voor 1 oktober 2023.") == [("DEADLINE", "voor 1 oktober 2023")]
    assert _spans("De wet geldt uiterlijk 1 juli.") == [("DEADLINE", "uiterlijk 1 juli")]


def test_past_day_with_op_is_a_date_not_a_term():
    text = "U bent hier op 10 oktober over geïnformeerd."
    assert _spans(text, D("2024-10-14")) == [("DATE", "10 oktober")]


def test_debate_reference_is_not_a_term():
    text = "Tijdens het commissiedebat Water op 12 maart 2024 heb ik toegezegd de Kamer te informeren."
    assert _spans(text) == [("DATE", "12 maart 2024")]
    text = "Deze brief is bedoeld voor het commissiedebat circulaire economie op 16 april aanstaande."
    assert _spans(text, D("2025-04-14"))[0][0] == "DEADLINE"  # 'voor het commissiedebat …'
    text = "Deze brief dient ten behoeve van het commissiedebat circulaire economie op 16 april aanstaande."
    assert _spans(text, D("2025-04-14")) == [("DATE", "16 april aanstaande")]
    assert _spans("Tijdens de begrotingsbehandeling vroeg het lid Bontenbal hiernaar.") == []


def test_recurring_in_sentence():
    text = "In de brief is toegezegd dat uw Kamer jaarlijks vóór het zomerreces zal worden geïnformeerd."
    (m,) = find_time_expressions(text, D("2024-09-23"))
    assert m.text == "jaarlijks vóór het zomerreces"
    assert m.value["recurring"] is True and m.value["end"] == "2024-07-04"


def test_line_breaks_inside_an_expression():
    (m,) = find_time_expressions("wij informeren u voor de\nzomer van 2024 nader", REF)
    assert m.text == "voor de\nzomer van 2024"


@pytest.mark.parametrize(
    "text",
    [
        "artikel 3",
        "artikel 3 lid 2",
        "Nationaal Programma Circulaire Economie 2023-2030",
        "Kamerstuk 34 775 X, nr. 66",
        "Kamerstukken II 2022/23, 31 936, nr. 1010",
        "emissies boven 3.000 voet",
        "een bedrag van 1.000.000 euro",
        "in 2.000 gevallen",
        "nr. 12",
        "Sinds 2008 laat Rijkswaterstaat dit onderzoeken.",
        "de zomer was heet",
        "het najaar",
        "het derde kwartaal",
        "Q4",
        "mei",
        "Augustus",
        "Jan de Vries",
        "gevolgen voor de begroting",
        "bezuinigingen op de begroting",
        "de jaarlijkse rapportage",
        "periodieke rapportage",
        "31-02-2025",
        "versie 1.2.2023a",
        "COM (2022) 546",
        "(EU) nr. 260/2012",
        "een spoedige afhandeling",
        "spoedig herstel is nodig",
    ],
)
def test_not_a_date(text):
    assert _spans(text) == []


def test_amount_next_to_a_date_is_left_alone():
    assert _spans("Op 3 maart 2020 is 3.000 euro betaald voor 12 woningen.") == [("DATE", "3 maart 2020")]


def test_no_reference_date_never_crashes():
    text = "Dit najaar volgt eind van dit jaar een brief, in september een overleg, op 12 maart een debat."
    found = find_time_expressions(text, None)
    assert [m.text for m in found] == ["Dit najaar", "eind van dit jaar", "in september", "12 maart"]
    assert all(m.value.get("end") is None and m.value.get("date") is None for m in found)


def test_reference_as_datetime_or_iso_string():
    expected = find_time_expressions("voor de zomer", REF)
    assert find_time_expressions("voor de zomer", dt.datetime(2023, 2, 10, 9, 30)) == expected
    assert find_time_expressions("voor de zomer", "2023-02-10") == expected


def test_resolve_deadline():
    assert resolve_deadline("in het derde kwartaal van 2023", None)["end"] == "2023-09-30"
    day = {
        "start": "2025-07-01",
        "end": "2025-07-01",
        "precision": "day",
        "recurring": False,
        "estimated": False,
    }
    assert resolve_deadline("1 juli 2025", REF) == day
    assert resolve_deadline("maart 2025", REF)["end"] == "2025-03-31"
    assert resolve_deadline("geen termijn hier", REF) is None
    assert resolve_deadline("", REF) is None


def test_infer_reference_date():
    text = "Op 12 maart 2025 en op 24 april 2025 is gesproken; 1 mei volgt."
    assert infer_reference_date(text) == D("2025-04-24")
    assert infer_reference_date("geen datum") is None


# ---- invariants on any text


_PHRASE = (
    "voor de zomer in het najaar 2023 12 maart uiterlijk 1 juli jl. eind dit jaar kwartaal derde binnen twee "
    "weken reces Prinsjesdag na zo snel mogelijk jaarlijks 15-03-2025 Q3 , . İ van op het commissiedebat \n"
)
_WORDS = _PHRASE.split(" ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from([None, REF, D("2024-12-31")]))
def test_invariants(words, ref):
    text = " ".join(words)
    found = find_time_expressions(text, ref)
    last_end = -1
    for m in found:
        assert text[m.start : m.end] == m.text and m.text.strip() == m.text
        assert m.start >= last_end
        last_end = m.end
        if m.label == "DATE":
            assert set(m.value) == {"date", "precision"}
        else:
            base = {"start", "end", "precision", "recurring", "estimated"}
            # 'relative': a term counted from the reference date ('binnen twee weken')
            assert base <= set(m.value) <= base | {"relative"}
            if m.value["start"] and m.value["end"]:
                assert m.value["start"] <= m.value["end"]


def test_long_letters_find_every_expression():
    chunk = (
        "In de brief van 15 december 2017 heb ik gemeld uw Kamer in april 2018 te informeren. Voor de zomer "
        "ontvangt u de voortgangsrapportage, en in het derde kwartaal van 2023 volgt het eindrapport. Het "
        "kabinet zal de Commissie vragen hoe zij met de 3.000 meldingen uit artikel 12 wil omgaan. "
    ) * 1000  # ~300,000 characters
    found = find_time_expressions(chunk, REF)
    assert len(found) == 4000


# ---- the gold deadlines of the development corpus


def _gold_cases(corpus: Path):
    for gold_file in sorted((corpus / "gold").glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for c in gold["commitments"]:
            if c.get("deadline"):
                yield gold_file.name.removesuffix(".gold.json"), gold["letter"]["date"], c["deadline"]


def test_corpus_gold_deadlines(corpus_dir):
    """Every gold deadline phrase is found in its letter and resolves to the gold end (±14 days)."""
    from toezegging_cli.read import read_letter

    cases = list(_gold_cases(corpus_dir))
    assert cases
    letters: dict[str, str] = {}
    for name, date, deadline in cases:
        if name not in letters:
            path = next((corpus_dir / "letters").glob(f"{name}.*"))
            letters[name] = read_letter(str(path)).body
        body = letters[name]
        ref = D(date) if date else infer_reference_date(body)
        found = [m for m in find_time_expressions(body, ref) if m.label == "DEADLINE"]
        normal = " ".join(deadline["text"].split())
        hits = [m for m in found if normal in " ".join(m.text.split()) or " ".join(m.text.split()) in normal]
        assert hits, f"{name}: {deadline['text']!r} not found"
        if deadline["end"]:
            got = D(hits[0].value["end"])
            assert abs((got - D(deadline["end"])).days) <= 14, (name, deadline, hits[0].value)


def test_before_the_end_of_a_recess_ends_on_its_last_day():
    """Regression: 'uiterlijk voor het einde van het zomerreces' ended the day before the recess began."""
    import datetime as _dt

    from toezegging_cli.tag.dates import resolve_deadline as _resolve

    value = _resolve("uiterlijk voor het einde van het zomerreces", _dt.date(2019, 6, 14))
    assert value["end"] == "2019-09-02"
    assert _resolve("voor het zomerreces", _dt.date(2019, 6, 14))["end"] == "2019-07-04"


@pytest.mark.parametrize(("sentence", "term"), [
    ("De uitvoeringsaspecten hiervan zullen u spoedig nagezonden worden.", "spoedig"),  # eval kst-31066-899
    ("Het rapport wordt u spoedig toegezonden.", "spoedig"),
    ("Wij wensen hem een spoedig herstel.", None),
])
def test_spoedig_is_a_term_only_before_what_is_done(sentence, term):
    found = [m.text for m in find_time_expressions(sentence, dt.date(2021, 6, 1))]
    assert found == ([term] if term else [])


@pytest.mark.parametrize("text, terms", [
    ("Zoals toegezegd zal ik uw Kamer hiervan direct op de hoogte stellen.", ["direct"]),
    ("Ik zal u onmiddellijk informeren.", ["onmiddellijk"]),
    ("De gemeenten worden direct betrokken bij de uitvoering.", []),
])
def test_direct_is_a_term_only_of_informing_the_kamer(text, terms):
    assert [m.text for m in find_time_expressions(text, dt.date(2019, 4, 1))] == terms


def test_what_plans_are_for_is_no_term():
    text = "Per spoor informeer ik uw Kamer over de plannen voor de komende periode."
    assert find_time_expressions(text, dt.date(2024, 4, 9)) == []
    found = find_time_expressions("Ik zal u de komende periode informeren.", dt.date(2024, 4, 9))
    assert [m.text for m in found] == ["de komende periode"]


@pytest.mark.parametrize("text", [
    # what the promise is about, not when
    "Ik zal uw Kamer informeren over de vraag of de toeslag ook wordt toegekend indien de aanvrager in het "
    "buitenland woont.",
    # an offer
    "Indien uw Kamer dat wenst, geef ik een technische briefing.",
    # the past
    "Nadat de Kamer de motie aannam, heeft het kabinet een onderzoek laten doen.",
    # words of time or a question outside informing the Kamer
    "Ik kies voor de spoedigste route.",
    "Het kabinet heeft destijds ten spoedigste gehandeld.",
    "Ik zal de direct betrokken gemeenten informeren.",
    "Ik zal uw Kamer informeren over de wijze waarop het Rijk direct kan sturen op de wachtlijsten.",
])
def test_conditions_and_words_of_time_that_set_no_term(text):
    assert find_time_expressions(text, dt.date(2019, 4, 1)) == []


def test_an_event_term_takes_the_name_of_who_decides():
    text = "Na goedkeuring van de Europese Commissie zal ik u informeren."
    (m,) = find_time_expressions(text, dt.date(2019, 4, 1))
    assert m.text == "Na goedkeuring van de Europese Commissie"
