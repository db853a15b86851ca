"""Metadata: dates, header layouts, sidebar, closing with signers; and the corpus letters against gold."""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher

import pytest

from toezegging_cli.clean import TextLine, clean_text, metadata
from toezegging_cli.clean import closing as signature
from toezegging_cli.read import read_letter


def tl(text: str, page: int = 1, **kw) -> TextLine:
    return TextLine(text=text, page=page, **kw)


def paras(*texts: str) -> list[TextLine]:
    """One TextLine per paragraph, as plain text with blank lines gives."""
    return [tl(t, new_para=True) for t in texts]


def _metadata_and_body(text: str):
    """The letter fields and body lines of a plain-text letter, as `read_letter` gets them."""
    layout = clean_text(text)
    return metadata.extract_metadata(layout.lines, layout.sidebar)


# --- small parts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Datum 22 december 2022", "2022-12-22"),
        ("Den Haag, 5 juni 2018", "2018-06-05"),
        ("'s-Gravenhage, 7 september 1999", "1999-09-07"),
        ("Nummer: 2025D34162, datum: 2025-07-21", "2025-07-21"),
        ("Datum 22-12-2022", "2022-12-22"),
        ("31 februari 2022", None),
        ("5 juno 2018", None),
    ],
)
def test_parse_date(text, iso):
    assert metadata.parse_date(text) == iso


def test_proper_case_restores_official_names():
    assert metadata.proper_case("SOCIALE ZAKEN EN WERKGELEGENHEID") == "Sociale Zaken en Werkgelegenheid"
    assert metadata.proper_case("landbouw, visserij, voedselzekerheid en natuur") == (
        "Landbouw, Visserij, Voedselzekerheid en Natuur"
    )
    assert metadata.proper_case("MEDISCHE ZORG EN SPORT") == "Medische Zorg en Sport"  # not a ministry


def test_ministry_of_office_texts():
    assert metadata.ministry_of("BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID") == (
        "Sociale Zaken en Werkgelegenheid"
    )
    assert metadata.ministry_of("BRIEF VAN DE MINISTER EN STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID") == (
        "Justitie en Veiligheid"
    )
    assert (
        metadata.ministry_of("BRIEF VAN DE MINISTER-PRESIDENT, MINISTER VAN ALGEMENE ZAKEN")
        == "Algemene Zaken"
    )
    # 'minister voor X' sits at a host ministry, known from the portfolio table
    vws = "Volksgezondheid, Welzijn en Sport"
    assert metadata.ministry_of("BRIEF VAN DE MINISTER VOOR MEDISCHE ZORG") == vws
    assert metadata.ministry_of("BRIEF VAN DE MINISTER VOOR ONBEKENDE ZAKEN") is None



@pytest.mark.parametrize(
    ("office", "ministry"),
    [
        # ministries of earlier cabinets keep their own name, not the longest current prefix
        ("BRIEF VAN DE STAATSSECRETARIS VAN ECONOMISCHE ZAKEN, LANDBOUW EN INNOVATIE",
         "Economische Zaken, Landbouw en Innovatie"),
        ("BRIEF VAN DE MINISTER VAN VEILIGHEID EN JUSTITIE", "Veiligheid en Justitie"),
        ("BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN MILIEU", "Infrastructuur en Milieu"),
        # two senders: the first office's ministry
        ("BRIEF VAN DE MINISTERS VAN ONDERWIJS, CULTUUR EN WETENSCHAP EN VOOR BASIS- EN VOORTGEZET "
         "ONDERWIJS EN MEDIA", "Onderwijs, Cultuur en Wetenschap"),
        ("BRIEF VAN DE MINISTER VOOR RECHTSBESCHERMING EN DE STAATSSECRETARIS VAN VOLKSGEZONDHEID, "
         "WELZIJN EN SPORT", "Justitie en Veiligheid"),
        # the preposition left out: only a known portfolio counts
        ("BRIEF VAN DE MINISTER BASIS- EN VOORTGEZET ONDERWIJS EN MEDIA", "Onderwijs, Cultuur en Wetenschap"),
        ("BRIEF VAN DE MINISTER ONBEKENDE ZAKEN", None),
        # ministers without a ministry of their own, older cabinets (eval batches I and J)
        ("Nr. 1374 BRIEF VAN DE MINISTER VOOR IMMIGRATIE EN ASIEL",
         "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("Nr. 292 BRIEF VAN DE MINISTER VOOR MILIEU EN WONEN", "Infrastructuur en Waterstaat"),
        ("Nr. 75 BRIEF VAN DE MINISTER VOOR WONEN, WIJKEN EN INTEGRATIE",
         "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"),
    ],
)
def test_ministry_of_historical_and_joint_senders(office, ministry):
    assert metadata.ministry_of(office) == ministry


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        ("Mark Harbers", True),
        ("F. Rijkaart", True),
        ("drs. V.L.W.A. Heijnen", True),
        ("W.B. Hoekstra", True),
        # spaced initials are one name part (eval BA kst-32543-20)
        ("M. L. L. E. Veldhuijzen van Zanten-Hyllner", True),
        # the call name in brackets after the initials (letters of 2026)
        ("Ing. R. (Robert) Tieman", True),
        ("A.A. (Thierry) Aartsen", True),
        ("(zie bijlage) Tieman", False),
        ("Hoogachtend,", False),
        ("De minister van Financiën,", False),
        ("Welzijn en Sport", False),
        ("dit is een zin.", False),
    ],
)
def test_is_name(text, yes):
    assert signature.is_name(text) is yes


def test_parse_role():
    role, name = signature.parse_role("De Staatssecretaris van Defensie, B. Visser")
    assert (role.role, role.portfolio, name) == ("staatssecretaris", "Defensie", "B. Visser")
    role, name = signature.parse_role("DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,")
    assert (role.role, role.portfolio, name) == ("minister", "Infrastructuur en Waterstaat", None)
    role, _ = signature.parse_role("De minister-president, Minister van Algemene Zaken,")
    assert (role.role, role.portfolio) == ("minister-president", "Algemene Zaken")
    role, _ = signature.parse_role("De staatssecretaris Jeugd, Preventie en Sport,")
    assert (role.role, role.portfolio, role.preposition) == (
        "staatssecretaris",
        "Jeugd, Preventie en Sport",
        None,
    )
    # body sentences are no role lines
    assert signature.parse_role("De minister van Financiën heeft op 5 juni besloten") is None


# --- closing ----------------------------------------------------------------------------------


def test_closing_one_signer_with_greeting():
    lines = paras(
        "Ik zal u informeren.",
        "Hoogachtend,",
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties,",
        "F. Rijkaart",
    )
    closing = signature.find_closing(lines)
    assert (closing.start, closing.end) == (1, 4)
    assert [(s.name, s.role, s.portfolio) for s in closing.signatories] == [
        ("F. Rijkaart", "minister", "Binnenlandse Zaken en Koninkrijksrelaties")
    ]


def test_closing_two_signers_stacked_and_mede_namens():
    lines = paras(
        "Slotzin.",
        "De minister van Infrastructuur en Waterstaat,",
        "mede namens de minister van Financiën,",
        "Mark Harbers",
        "De staatssecretaris van Infrastructuur en Waterstaat,",
        "drs. V.L.W.A. Heijnen",
        "Bijlage: overzicht",
    )
    closing = signature.find_closing(lines)
    assert (closing.start, closing.end) == (1, 6)
    assert [(s.name, s.role) for s in closing.signatories] == [
        ("Mark Harbers", "minister"),
        ("drs. V.L.W.A. Heijnen", "staatssecretaris"),
    ]


def test_closing_with_call_names_and_a_portfolio_part_after_a_dash():
    """Two signers with their call names in brackets; the second office names its part of the
    ministry after a dash."""
    lines = paras(
        "Hierbij doen wij u de antwoorden toekomen.",
        "Hoogachtend,",
        "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,",
        "Ing. R. (Robert) Tieman",
        "DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT – OPENBAAR VERVOER EN MILIEU,",
        "A.A. (Thierry) Aartsen",
    )
    closing = signature.find_closing(lines)
    assert [(s.name, s.role) for s in closing.signatories] == [
        ("Ing. R. (Robert) Tieman", "minister"),
        ("A.A. (Thierry) Aartsen", "staatssecretaris"),
    ]
    assert closing.signatories[1].portfolio.startswith("Infrastructuur en Waterstaat")


def test_closing_two_signers_side_by_side_and_wrapped_portfolio():
    lines = [
        tl("Hoogachtend,", new_para=True),
        tl("De minister van Binnenlandse Zaken en\tDe staatssecretaris van Financiën,", new_para=True),
        tl("Koninkrijksrelaties,"),
        tl("H. Bruins Slot\tM.L.A. van Rij", new_para=True),
    ]
    closing = signature.find_closing(lines)
    assert [(s.name, s.role, s.portfolio) for s in closing.signatories] == [
        ("H. Bruins Slot", "minister", "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("M.L.A. van Rij", "staatssecretaris", "Financiën"),
    ]


def test_no_closing_for_a_role_mentioned_in_the_body():
    lines = paras(
        "Met deze brief ontvangt u, mede namens de demissionair staatssecretaris Jeugd, Preventie en "
        "Sport, een overzicht.",
        "De minister van Financiën heeft besloten",
        "Vervolg",
    )
    assert signature.find_closing(lines) is None


def test_closing_set_right_under_the_last_body_line():
    lines = [
        tl("Naar aanleiding hiervan bericht ik u dat het kabinet streeft naar een zo breed", new_para=True),
        tl("mogelijk draagvlak in de beide Kamers voor zijn beleid, en dit zal blijven doen."),
        tl("De Minister-President, Minister van Algemene Zaken, M. Rutte"),
    ]
    closing = signature.find_closing(lines)
    assert [(s.name, s.role) for s in closing.signatories] == [("M. Rutte", "minister-president")]
    # the same line with the letter going on after it is no closing
    lines += [tl("Hij sprak daarna met de Kamer."), tl("Dat overleg duurde lang."), tl("En nog meer tekst.")]
    assert signature.find_closing(lines) is None


def test_closing_right_under_a_sentence_that_ends_with_a_note_number():
    """Regression (eval dev kst-32500-VIII-76): '… toekomen.1' (a note marker the text kept) still ends
    the sentence the closing is set under."""
    lines = [
        tl("Hierbij zend ik u het rapport. Daarnaast doe ik u mijn adviesaanvraag toekomen.1", new_para=True),
        tl("De minister van Onderwijs, Cultuur en Wetenschap,"),
        tl("J. M. van Bijsterveldt-Vliegenthart"),
    ]
    closing = signature.find_closing(lines)
    signed = [(s.name, s.role) for s in closing.signatories]
    assert signed == [("J. M. van Bijsterveldt-Vliegenthart", "minister")]


def test_closing_with_the_name_above_the_role_at_the_end():
    lines = paras(
        "Deze agenda's worden op 2 november met uw Kamer gedeeld.",
        "M.A.M. Adriaansens",
        "Minister van Economische Zaken en Klimaat",
    )
    closing = signature.find_closing(lines)
    assert (closing.start, closing.end) == (1, 3)
    assert [(s.name, s.role, s.portfolio) for s in closing.signatories] == [
        ("M.A.M. Adriaansens", "minister", "Economische Zaken en Klimaat")
    ]
    # a name and role line with the letter going on after them is no signature
    lines.extend(paras("Zij sprak met de sector.", "Daarna volgde overleg.", "En nog meer tekst."))
    assert signature.find_closing(lines) is None


def test_sidebar_without_ministry_name_falls_back_to_the_web_address():
    side = [tl(t) for t in ["Directoraat-generaal", "Bezuidenhoutseweg 73", "www.rijksoverheid.nl/ezk",
                            "Ons kenmerk", "DGBI/26844711"]]
    assert metadata.parse_sidebar(side) == ("Economische Zaken en Klimaat", "DGBI/26844711")
    assert metadata.parse_sidebar([tl("www.rijksoverheid.nl")]) == (None, None)


# --- header -----------------------------------------------------------------------------------


def test_header_ministry_letter_layout():
    lines = [
        tl("> Retouradres Postbus 20901 2500 EX Den Haag"),
        tl("De voorzitter van de Tweede Kamer"),
        tl("der Staten-Generaal"),
        tl("Postbus 20018"),
        tl("2500 EA DEN HAAG"),
        tl("Datum 3 februari 2023", new_para=True),
        tl("Betreft Nationaal Programma Circulaire Economie 2023-2030"),
        tl("(NPCE) incl. kabinetsreactie op ICER en SER-verkenning"),
        tl("Geachte voorzitter,", new_para=True),
        tl("Met deze Kamerbrief bied ik u", new_para=True),
    ]
    h = metadata.parse_header(lines)
    assert h.end == 9 and h.date == "2023-02-03" and h.recipient == "Tweede Kamer" and h.salutation
    assert (
        h.subject
        == "Nationaal Programma Circulaire Economie 2023-2030 (NPCE) incl. kabinetsreactie op ICER en "
        "SER-verkenning"
    )


def test_header_officielebekendmakingen_layout():
    lines = paras(
        "Tweede Kamer der Staten-Generaal 2",
        "Vergaderjaar 2022-2023",
        "34 775 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor 2018",
        "Nr. 87 BRIEF VAN DE STAATSSECRETARIS VAN DEFENSIE",
        "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal",
        "Den Haag, 15 maart 2018",
        "Met deze brief ga ik in op het verzoek van de vaste commissie.",
    )
    h = metadata.parse_header(lines)
    assert (h.end, h.date, h.kamerstuk, h.ministry, h.recipient, h.subject) == (
        6,
        "2018-03-15",
        "34775-X-87",
        "Defensie",
        "Eerste Kamer",
        None,
    )


def test_header_after_a_reprint_mark_or_an_eerste_kamer_code():
    """Regression (eval kst-29240-108, kst-33328-AG): 'HERDRUK1 BRIEF VAN …' and 'AG1 BRIEF VAN …'
    were not read as the sender line, so the letter had no ministry."""
    for first in ("Nr. 108 HERDRUK1 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP",
                  "AG1 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP"):
        h = metadata.parse_header(paras(first, "Den Haag, 4 juli 2013", "Met deze brief informeer ik u."))
        assert (h.ministry, h.date, h.end) == ("Onderwijs, Cultuur en Wetenschap", "2013-07-04", 2)


def test_header_brief_minister_van_without_van_de():
    """Regression (eval O kst-32123-XIV-139): 'BRIEF MINISTER VAN LANDBOUW, …' (no 'van de') was not
    read as the sender line, so the letter had no ministry."""
    h = metadata.parse_header(paras("nr. 139", "BRIEF MINISTER VAN LANDBOUW, NATUUR EN VOEDSELKWALITEIT",
                                    "Den Haag, 26 januari 2010", "Met deze brief informeer ik u."))
    assert (h.ministry, h.date) == ("Landbouw, Natuur en Voedselkwaliteit", "2010-01-26")


def test_a_letterhead_printed_after_the_body_does_not_swallow_it():
    """Regression (eval ocw-2009-frysk-underwiis): in a text copy of a PDF the address column came
    out after the letter; the header ran on to '> Retouradres' and the whole body was lost."""
    lines = paras(
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        "Datum 14 oktober 2009",
        "Betreft Behandeling brief over toepassing van het Handvest",
        "De vaste commissie voor Onderwijs, Cultuur en Wetenschap heeft mijn reactie gevraagd op de "
        "brief van de vereniging waarin zij de Kamer om een reactie vraagt.",
        "Het gestelde in deze brief komt overeen met hetgeen de vereniging eerder schreef.",
        "> Retouradres Postbus 16375 2500 BJ Den Haag",
        "De voorzitter van de Tweede Kamer der Staten-Generaal",
    )
    h = metadata.parse_header(lines)
    assert (h.end, h.date) == (3, "2009-10-14")
    assert h.subject == "Behandeling brief over toepassing van het Handvest"


def test_header_brief_regering_variants():
    h = metadata.parse_header(
        paras(
            "Brief regering : Voortgang aanpak piekbelasting",
            "30 252 Toekomstvisie agrarische sector",
            "Nr. 174",
            "Den Haag, 14 oktober 2024",
            "Het doel van de aanpak is.",
        )
    )
    assert (h.subject, h.kamerstuk, h.end) == ("Voortgang aanpak piekbelasting", "30252-174", 4)
    h = metadata.parse_header(
        paras(
            "PFAS verzamelbrief",
            "Problematiek rondom stikstof en PFAS",
            "Brief regering",
            "Nummer: 2025D34162, datum: 2025-07-21",
            "Geachte voorzitter,",
            "Met deze brief",
        )
    )
    assert (h.subject, h.date, h.end) == ("PFAS verzamelbrief", "2025-07-21", 5)


def test_no_header_in_a_body_only_text():
    h = metadata.parse_header(
        paras(
            "Met deze brief informeer ik uw Kamer.",
            "Ministerie van Financiën",
            "Betreft het een kwestie van tijd?",
        )
    )
    assert h == metadata.Header()


def test_parse_sidebar():
    side = [
        tl(t)
        for t in [
            "Ministerie van",
            "Infrastructuur en",
            "Waterstaat",
            "Rijnstraat 8",
            "Ons kenmerk",
            "IENW/BSK-2022/268034",
            "Uw kenmerk",
            "Bijlage(n)",
            "2",
        ]
    ]
    assert metadata.parse_sidebar(side) == ("Infrastructuur en Waterstaat", "IENW/BSK-2022/268034")
    side = [tl(t) for t in ["Ministerie van Nieuwe Zaken", "Kenmerk 2024-0001234"]]
    assert metadata.parse_sidebar(side) == ("Nieuwe Zaken", "2024-0001234")


def test_infer_recipient_only_for_letters_to_a_chamber():
    assert (
        metadata.infer_recipient("Ik informeer uw Kamer. Het Kamerlid Van Waveren vroeg.", False)
        == "Tweede Kamer"
    )
    assert metadata.infer_recipient("Ik informeer uw Kamer. De senator vroeg in de Eerste Kamer.", False) == (
        "Eerste Kamer"
    )
    assert metadata.infer_recipient("De Tweede Kamer is in een fiche genoemd.", False) is None
    assert metadata.infer_recipient("Ik informeer uw Kamer.", False) is None  # which chamber: not in the text


def test_extract_metadata_on_text_removes_header_and_closing():
    text = (
        "26 991 Voedselveiligheid\n\nNr. 524 BRIEF VAN DE MINISTER VOOR MEDISCHE ZORG\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 5 juni 2018\n\n"
        "Hierbij informeer ik uw Kamer over de voedselveiligheid.\n\n"
        "De Minister voor Medische Zorg,\nB.J. Bruins\n"
    )
    meta, body = _metadata_and_body(text)
    assert [ln.text for ln in body] == ["Hierbij informeer ik uw Kamer over de voedselveiligheid."]
    assert (meta.date, meta.kamerstuk, meta.recipient, meta.ministry) == (
        "2018-06-05",
        "26991-524",
        "Tweede Kamer",
        "Volksgezondheid, Welzijn en Sport",
    )
    assert [(s.name, s.role, s.portfolio) for s in meta.signatories] == [
        ("B.J. Bruins", "minister", "Medische Zorg")
    ]


# --- corpus against gold ----------------------------------------------------------------------


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _surname(name: str) -> str:
    return _norm(name).split()[-1]


def test_corpus_letter_fields_equal_gold(corpus_dir, corpus_letters):
    wrong = []
    for path in corpus_letters:
        gold_path = corpus_dir / "gold" / f"{path.stem}.gold.json"
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["letter"]
        meta = read_letter(str(path)).meta
        for key in ("date", "subject", "reference", "ministry", "recipient"):
            want, got = gold[key], getattr(meta, key)
            same = (want is None and got is None) or (
                want is not None
                and got is not None
                and SequenceMatcher(None, _norm(want), _norm(got)).ratio() >= (1.0 if key == "date" else 0.85)
            )
            if not same:
                wrong.append(f"{path.name}: {key} {got!r} (gold {want!r})")
        want_signers = sorted((_surname(s["name"]), s["role"]) for s in gold["signatories"])
        got_signers = sorted((_surname(s.name), s.role) for s in meta.signatories)
        if want_signers != got_signers:
            wrong.append(f"{path.name}: signatories {got_signers} (gold {want_signers})")
    assert not wrong, "\n".join(wrong)


def test_sidebar_date_as_label_over_value_or_one_line():
    assert metadata.sidebar_date([tl("Datum"), tl("22 december 2022"), tl("Kenmerk")]) == "2022-12-22"
    assert metadata.sidebar_date([tl("Datum 3 februari 2023")]) == "2023-02-03"
    assert metadata.sidebar_date([tl("Ministerie van Financiën")]) is None


def test_header_of_a_letter_copied_as_text_with_the_sidebar_in_between():
    text = """> Retouradres Postbus 20901 2500 EX Den Haag
De voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG
Ministerie van Infrastructuur en
Waterstaat
Rijnstraat 8
2515 XP Den Haag
T 070-456 0000
Ons kenmerk
IENW/BSK-2022/268034
Bijlage(n)
2
Datum 22 december 2022
Betreft Emissies door de luchtvaart
Geachte voorzitter,
In de Kamer is de afgelopen jaren in toenemende mate aandacht besteed aan de luchtvaart.
"""
    meta, body = _metadata_and_body(text)
    assert (meta.date, meta.subject, meta.reference, meta.ministry, meta.recipient) == (
        "2022-12-22",
        "Emissies door de luchtvaart",
        "IENW/BSK-2022/268034",
        "Infrastructuur en Waterstaat",
        "Tweede Kamer",
    )
    assert [ln.text for ln in body] == [text.splitlines()[-1]]


def test_closing_side_by_side_with_both_portfolios_wrapped():
    lines = [
        tl("De minister van Binnenlandse Zaken en\tDe staatssecretaris van Binnenlandse Zaken en",
           new_para=True),
        tl("Koninkrijksrelaties,\tKoninkrijksrelaties,"),
        tl("H.G.J. Bruins Slot\tA.C. van Huffelen", new_para=True),
    ]
    sigs = signature.find_closing(lines).signatories
    assert [(s.name, s.role, s.portfolio) for s in sigs] == [
        ("H.G.J. Bruins Slot", "minister", "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("A.C. van Huffelen", "staatssecretaris", "Binnenlandse Zaken en Koninkrijksrelaties"),
    ]


def test_signer_with_initials_glued_to_the_particle():
    """Regression: 'J. M.van Bijsterveldt-Vliegenthart' (no space after 'M.') was not read as a signer."""
    import tempfile
    from pathlib import Path as _Path

    from toezegging_cli.read import read_letter as _read

    text = ("33 400 VIII Vaststelling van de begrotingsstaten\n\nNr. 5 BRIEF VAN DE MINISTER VAN ONDERWIJS, "
            "CULTUUR EN WETENSCHAP\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 27 september 2012\n\nIk stuur u hierbij de reactie.\n\n"
            "De minister van Onderwijs, Cultuur en Wetenschap, J. M.van Bijsterveldt-Vliegenthart\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = _Path(tmp) / "brief.txt"
        path.write_text(text, encoding="utf-8")
        letter = _read(str(path))
    assert [s.name for s in letter.meta.signatories] == ["J. M.van Bijsterveldt-Vliegenthart"]
    assert "Bijsterveldt" not in letter.body


def test_a_date_as_a_paragraph_of_its_own_is_the_letter_date():
    """Regression (eval def-2009-uitstel-evaluatie-laagvliegen): a copy whose header is a title and a
    bare date line had no letter date."""
    lines = paras("Uitstelbrief over evaluatie verstoring fauna door laagvliegen", "22 januari 2009",
                  "Ondertekenaar: Staatssecretaris van Defensie",
                  "Bij brief van 10 december 2008 verzoekt u om meer zekerheid te geven over het tijdstip.")
    assert metadata.parse_header(lines).date == "2009-01-22"


def test_a_date_under_a_label_is_not_the_letter_date():
    """A date that is the value of the line above it ('b) Datum ontvangst Commissiedocument',
    'Uw brief van') does not date the letter (corpus bnc-fiche-2022)."""
    for label in ("b) Datum ontvangst Commissiedocument", "Uw brief van"):
        lines = [tl("Fiche 1: Wijziging verordeningen", new_para=True), tl(label, new_para=True),
                 tl("26 oktober 2022"), tl("c) Nr. Commissiedocument", new_para=True)]
        assert metadata.parse_header(lines).date is None


@pytest.mark.parametrize("line, date", [
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 11 juni 2019", "2019-06-11"),
    ("BRIEF VAN DE MINISTER VAN DEFENSIE Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, "
     "27 juni 2011 Tijdens het algemeen overleg van 8 december 2010 kondigde ik aan dat ik u zou informeren.",
     "2011-06-27"),
])
def test_a_date_run_on_after_the_addressee_dates_the_letter(line, date):
    """Regression (eval V kst-27625-661, X kst-32827-153, W kst-24587-428): stored copies that put the
    addressee, place and date (and sometimes the first sentence) on one line had no letter date."""
    lines = [tl("32 827 Toekomst mediabeleid", new_para=True), tl(line, new_para=True)]
    assert metadata.parse_header(lines).date == date


def test_an_aanhangsel_notice_gives_date_ministry_and_chamber():
    """Regression (eval Z ah-tk-20122013-1909, AB ah-tk-20212022-3694): the Aanhangsel Handelingen's
    'Mededeling van staatssecretaris X (Economische Zaken) (ontvangen 10 april 2013).' had no date."""
    lines = paras("Vragen van het lid Klaver (GroenLinks) aan de staatssecretaris over dierproeven "
                  "(ingezonden 27 maart 2013).",
                  "Mededeling van staatssecretaris Dijksma (Economische Zaken) (ontvangen 10 april 2013).",
                  "Vraag 1")
    h = metadata.parse_header(lines)
    assert (h.date, h.ministry, h.recipient) == ("2013-04-10", "Economische Zaken", "Tweede Kamer")


def test_an_aanhangsel_notice_wrapped_over_two_lines_as_a_pdf_sets_it():
    """Regression (eval/pdf_roundtrip.py, dev ah-tk-20212022-3694 set as a PDF): the notice wrapped over
    two lines of one paragraph was not read, so the letter had no date and its questions' heading
    became a request."""
    lines = [tl("Vragen van het lid Van Nispen (SP) aan de Minister van Justitie en Veiligheid over de "
                "verdubbeling (ingezonden 26 juli 2022).", new_para=True),
             tl("Mededeling van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid) (ontvangen 16",
                new_para=True),
             tl("augustus 2022)."),
             tl("Vraag 1", new_para=True)]
    h = metadata.parse_header(lines)
    assert (h.date, h.ministry, h.recipient) == ("2022-08-16", "Justitie en Veiligheid", "Tweede Kamer")


def test_an_aanhangsel_answer_dates_itself_without_cutting_off_the_questions():
    """Regression (eval AC ah-tk-20082009-1338): the answer's line 'Antwoord van minister Bos (Financiën)
    (ontvangen 26 januari 2009)' gives date, ministry and chamber, and the questions above it stay body."""
    lines = paras("Aanhangsel van de Handelingen",
                  "Vragen van het lid Tang (PvdA) aan de minister van Financiën over Icesave. "
                  "(Ingezonden 31 december 2008)", "Bent u bekend met het artikel?", "Antwoord",
                  "Antwoord van minister Bos (Financiën) (ontvangen 26 januari 2009)", "Ja.")
    h = metadata.parse_header(lines)
    assert (h.date, h.ministry, h.recipient, h.end) == ("2009-01-26", "Financiën", "Tweede Kamer", 0)


def test_a_letterhead_flattened_into_the_body_keeps_date_subject_and_body():
    """Regression (eval AE vws-2014-ex-post-compensaties-risicoverevening): a copy that puts letterhead and
    body on one line ('> Retouradres … Datum 19 september 2014 Betreft … Geachte voorzitter, Met deze
    brief …') was read as one header line: no date, no subject and no body."""
    text = " ".join([
        "> Retouradres Postbus 20350 2500 EJ Den Haag De Voorzitter van de Tweede Kamer der",
        "Staten-Generaal Postbus 20018 2500 EA DEN HAAG Bezoekadres: Rijnstraat 50 2515 XP Den Haag",
        "Bijlage(n) 1 Datum 19 september 2014 Betreft Ex post compensaties in het risicovereveningssysteem",
        "2015 Correspondentie uitsluitend richten aan het retouradres met vermelding van de datum en het",
        "kenmerk van deze brief. Geachte voorzitter, Met deze brief informeer ik u over de",
        "vereveningsmodellen. Ik heb toegezegd de Tweede Kamer in september een brief te schrijven over de",
        "ex post compensaties voor 2015.\n"])
    meta, body = _metadata_and_body(text)
    assert meta.date == "2014-09-19"
    assert meta.subject == "Ex post compensaties in het risicovereveningssysteem 2015"
    assert any("Ik heb toegezegd" in line.text for line in body)


def test_a_flattened_letterhead_ends_its_subject_at_the_next_field_and_keeps_the_body():
    """Regression (eval dev BH ocw-2013-toezegging-ao-macrodoelmatigheid-mbo): with neither a salutation
    nor line breaks, the subject ran on through 'Uw brief van …', 'Uw referentie' and the whole body."""
    text = " ".join([
        "1 >Retouradres Postbus 16375 2500 BJ Den Haag De voorzitter van de Tweede Kamer der",
        "Staten-Generaal Postbus 20018 2500 EA DEN HAAG Beroepsonderwijs Rijnstraat 50 Den Haag",
        "Datum 7 oktober 2013 Betreft Toezegging Algemeen Overleg beroepsonderwijs (6 juni 2013)",
        "Uw brief van 25 september 2013 Uw referentie In deze brief reageer ik op twee vragen uit het",
        "overleg over het beroepsonderwijs. Het lid Jansen heb ik toegezegd de cijfers over de",
        "arbeidsmarkt nader uiteen te zetten. Het lid De Vries heb ik toegezegd de gegevens voor de",
        "studiekeuze te vergelijken. In de bijlage ga ik in op de stand van zaken van de moties.\n"])
    meta, body = _metadata_and_body(text)
    assert meta.date == "2013-10-07"
    assert meta.subject == "Toezegging Algemeen Overleg beroepsonderwijs (6 juni 2013)"
    assert any("heb ik toegezegd" in line.text for line in body)


def test_a_subject_without_a_paragraph_break_after_it_stops_at_the_letterhead_note():
    """Regression (eval dev BG venj-2015-antwoord-kamervragen-extra-maatregelen-terrorisme): a copy with no
    blank lines ran the subject on through 'Bij beantwoording de datum en ons kenmerk vermelden.' and the
    body."""
    text = "\n".join([
        "> Retouradres Postbus 20301 2500 EH Den Haag", "Aan de Voorzitter van de Tweede Kamer",
        "der Staten-Generaal", "Postbus 20018", "2500 EA DEN HAAG", "Datum", "5 februari 2015",
        "Onderwerp Antwoord op vragen over de aanpak van", "radicalisering", "Bij beantwoording de datum",
        "en ons kenmerk vermelden.", "Recente gebeurtenissen hebben geleid tot vragen van de fracties.",
        "Hierbij beantwoord ik die vragen.", ""])
    meta, body = _metadata_and_body(text)
    assert meta.subject == "Antwoord op vragen over de aanpak van radicalisering"
    assert any("Hierbij beantwoord ik" in line.text for line in body)


@pytest.mark.parametrize("letterhead, reference", [
    # the value runs on into the next field of a flattened letterhead
    ("Ons kenmerk RWS/BSK-2021/118734 Bijlage(n) 2 > Retouradres Postbus 20901 2500 EX Den Haag",
     "RWS/BSK-2021/118734"),
    # a value of several parts
    ("Onze referentie VO/FB 204417", "VO/FB 204417"),
    ("Ons kenmerk DGK-ENR / 15078211", "DGK-ENR / 15078211"),
    # labels printed side by side, their values after them: the first value shaped like a reference
    ("Den Haag Ons kenmerk Uw brief van Uw kenmerk 3 juni 2009 WJZ/AJZ/22817 20 mei 2009 2009Z09911",
     "WJZ/AJZ/22817"),
    ("- - Datum Bijlage(n) 4 maart 2008 - Ons kenmerk Uw kenmerk DGP/2008/1187 - Onderwerp",
     "DGP/2008/1187"),
    # no label: a reference on its own line between the address and the date
    ("CZ/TSZ-2935514", "CZ/TSZ-2935514"),
])
def test_the_letter_reference_in_a_copied_letterhead(letterhead, reference):
    text = ("De Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n2500 EA DEN HAAG\n"
            f"{letterhead}\nDatum 12 mei 2009\nBetreft Voortgang\nGeachte voorzitter,\n"
            "Hierbij informeer ik u over de voortgang.\n")
    meta, _ = _metadata_and_body(text)
    assert meta.reference == reference


def test_the_letter_reference_of_a_letterhead_printed_after_the_body():
    text = ("Datum 14 oktober 2009\nBetreft Behandeling brief\n\nDe vaste commissie vroeg mijn reactie.\n\n"
            "de staatssecretaris van Onderwijs, Cultuur en Wetenschap,\n\nSharon A.M. Dijksma\n\n"
            "> Retouradres Postbus 16375 2500 BJ Den Haag\n\nOnze referentie PO/OO 158993\n")
    meta, _ = _metadata_and_body(text)
    assert meta.reference == "PO/OO 158993"


@pytest.mark.parametrize("line", [
    "Bij beantwoording de datum en ons kenmerk vermelden.",
    "Postbus 20018",
    "Ons kenmerk Uw kenmerk - - Onderwerp",
])
def test_no_letter_reference_from_a_line_without_one(line):
    text = (f"Ministerie van Financiën\n{line}\nDatum 12 mei 2009\nBetreft Voortgang\n"
            "Geachte voorzitter,\nTekst.\n")
    meta, _ = _metadata_and_body(text)
    assert meta.reference is None


@pytest.mark.parametrize("text, ministry", [
    # the heading of an officielebekendmakingen copy run into the letterhead line
    ("Vergaderjaar 2014–2015 27 830 Materieelprojecten Nr. 150 BRIEF VAN DE MINISTER VAN DEFENSIE Aan de "
     "Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 16 maart 2015\nHierbij informeer ik u.\n",
     "Defensie"),
    # the closing run into the last paragraph, the signer's name after the office
    ("Brief regering\nNummer: 2015D01234, datum: 2015-03-02\nIk zal de brief in mei naar de Kamer sturen. "
     "De Minister van Economische Zaken, H.G.J. Kamp\n", "Economische Zaken"),
    # two offices side by side, the first cut short where its column wrapped
    ("Brief regering\nNummer: 2016D47000, datum: 2016-12-07\nHierbij zenden wij u de antwoorden. De Minister "
     "van Sociale Zaken De Staatssecretaris van Sociale Zaken en Werkgelegenheid, en Werkgelegenheid, "
     "L.F. Asscher Jetta Klijnsma\n", "Sociale Zaken en Werkgelegenheid"),
    # the name before the office
    ("Brief regering\nNummer: 2016D40000, datum: 2016-10-26\nDe resterende vragen beantwoord ik later. "
     "(w.g.) H.G.J. Kamp Minister van Economische Zaken BIJLAGE – ANTWOORDEN\n", "Economische Zaken"),
])
def test_the_ministry_of_an_office_run_into_other_text(text, ministry):
    meta, _ = _metadata_and_body(text)
    assert meta.ministry == ministry


@pytest.mark.parametrize("text", [
    "Brief regering\nNummer: 2015D01234, datum: 2015-03-02\nMede namens de Minister van Financiën informeer "
    "ik u over de stand van zaken.\n",
    "Brief regering\nNummer: 2015D01234, datum: 2015-03-02\nDe vragen van het lid Omtzigt aan de Minister "
    "van Financiën over de belastingdienst zijn beantwoord.\n",
])
def test_no_ministry_from_an_office_named_in_passing(text):
    meta, _ = _metadata_and_body(text)
    assert meta.ministry is None
