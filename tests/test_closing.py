"""The signers of a letter in the shapes copies print them: run into other text, name over office one
after the other, a column's office cut after 'van', a portfolio line between office and name, a box."""

from __future__ import annotations

import pytest

from toezegging_cli.clean import TextLine, clean_text, metadata
from toezegging_cli.clean import closing as signature


def paras(*texts: str) -> list[TextLine]:
    return [TextLine(text=t, page=1, new_para=True) for t in texts]


def _signers(sigs) -> list[tuple[str, str, str | None]]:
    return [(s.name, s.role, s.portfolio) for s in sigs]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two columns flattened into one line: both offices, the first one's portfolio run over
        ("Hierbij zenden wij u de antwoorden (34 000 XV). De Minister van Sociale Zaken De Staatssecretaris "
         "van Sociale Zaken en Werkgelegenheid, en Werkgelegenheid, L.F. Asscher Jetta Klijnsma "
         "Schriftelijke antwoorden op de vragen",
         [("L.F. Asscher", "minister", "Sociale Zaken en Werkgelegenheid"),
          ("Jetta Klijnsma", "staatssecretaris", "Sociale Zaken en Werkgelegenheid")]),
        # a ministry written with a small letter in the copy
        ("Bijgevoegd (35 300-XV). De Minister van Sociale Zaken De Staatssecretaris van Sociale zaken en "
         "Werkgelegenheid, en Werkgelegenheid, W. Koolmees T. van Ark Vragen van het lid Jong (PVV)",
         [("W. Koolmees", "minister", "Sociale Zaken en Werkgelegenheid"),
          ("T. van Ark", "staatssecretaris", "Sociale Zaken en Werkgelegenheid")]),
        ("op 16 september jl. DE MINISTER-PRESIDENT, Minister van Algemene Zaken, Mark Rutte Vraag van de "
         "heer Zijlstra (VVD): Wat is de stand van zaken?",
         [("Mark Rutte", "minister-president", "Algemene Zaken")]),
        # the name before its office, after '(w.g.)'; the office stops where the ministry's name does
        ("tijdens mijn eerste termijn. (w.g.) H.G.J. Kamp Minister van Economische Zaken BIJLAGE – "
         "BEANTWOORDING VRAGEN",
         [("H.G.J. Kamp", "minister", "Economische Zaken")]),
        ("het kenmerk van deze brief. Hoogachtend, de minister voor Medische Zorg en Sport, Bruno Bruins "
         "Pagina 1 van 22",
         [("Bruno Bruins", "minister", "Medische Zorg en Sport")]),
        # an excerpt that ends in the name
        ("die ik in mei 2015 naar de Tweede Kamer zal sturen. De Minister van Economische Zaken, "
         "H.G.J. Kamp…",
         [("H.G.J. Kamp", "minister", "Economische Zaken")]),
    ],
)
def test_signers_of_a_closing_run_into_other_text(text, expected):
    assert _signers(signature.run_on_signers(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an office and a name in a sentence that goes on
        "Dat is gebeurd. De Minister van Financiën, W.B. Hoekstra heeft toen gezegd dat het kon.",
        "Dat is gebeurd. De minister van Financiën heeft dat gezegd.",
        "In het debat zei de Minister van Financiën, W.B. Hoekstra, dat het kon.",
    ],
)
def test_no_signers_from_an_office_named_in_a_sentence(text):
    assert signature.run_on_signers(text) == []


def test_signers_name_over_office_one_after_the_other_before_an_annex():
    lines = paras(
        "De resterende vragen worden beantwoord tijdens de eerste termijn.",
        "Hoogachtend,",
        "Femke Marije Wiersma",
        "Minister van Landbouw, Visserij, Voedselzekerheid en Natuur",
        "Jean Rummenie",
        "Staatssecretaris van Landbouw, Visserij, Voedselzekerheid en Natuur",
        "Schriftelijke beantwoording van gestelde vragen in de eerste termijn.",
        "Hieronder treft uw Kamer de beantwoording van een selectie van de vragen.",
        "Vraag 1",
    )
    closing = signature.find_closing(lines)
    assert (closing.start, closing.end) == (1, 6)
    assert [(s.name, s.role) for s in closing.signatories] == [
        ("Femke Marije Wiersma", "minister"),
        ("Jean Rummenie", "staatssecretaris"),
    ]


def test_a_column_office_cut_after_van_goes_on_under_it():
    lines = paras(
        "voor het jaar 2014 (33 400 XV).",
        "De Minister van Sociale Zaken                    De Staatssecretaris van",
        "Sociale Zaken",
        "en Werkgelegenheid,                                 en Werkgelegenheid,",
        "L.F. Asscher                                              Jetta Klijnsma",
    )
    closing = signature.find_closing(lines)
    assert _signers(closing.signatories) == [
        ("L.F. Asscher", "minister", "Sociale Zaken en Werkgelegenheid"),
        ("Jetta Klijnsma", "staatssecretaris", "Sociale Zaken en Werkgelegenheid"),
    ]


def test_the_signers_own_portfolio_between_office_and_name():
    lines = paras(
        "Hierbij bied ik u de beantwoording aan.",
        "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,",
        "Herstel Groningen, Koninkrijksrelaties en Digitalisering",
        "E. van Marum",
        "Vragen van het lid Dijk (D66)",
    )
    closing = signature.find_closing(lines)
    assert _signers(closing.signatories) == [
        ("E. van Marum", "staatssecretaris", "Binnenlandse Zaken en Koninkrijksrelaties")]


def test_a_closing_in_a_box_of_one_cell():
    text = ("Brief regering\n\nNummer: 2026D01307, datum: 2026-01-15\n\nGeachte voorzitter,\n\n"
            "Hierbij treft u de schriftelijke beantwoording aan op een deel van de vragen.\n\n"
            "| Staatssecretaris Buitenlandse Handel en Ontwikkelingshulp, Aukje de Vries |\n|---|\n\n"
            "Vragen van het lid Bamenga (D66)\n")
    layout = clean_text(text)
    assert "| Staatssecretaris" not in "\n".join(ln.text for ln in layout.lines)
    meta, _ = metadata.extract_metadata(layout.lines, layout.sidebar)
    assert _signers(meta.signatories) == [
        ("Aukje de Vries", "staatssecretaris", "Buitenlandse Handel en Ontwikkelingshulp")]
    assert meta.ministry == "Buitenlandse Zaken"


def test_a_table_of_more_columns_keeps_its_cells():
    text = ("Geachte voorzitter,\n\nIk stuur u het overzicht.\n\n| Kamerlid | Partij |\n|---|---|\n"
            "| Plas | BBB |\n")
    lines = [ln.text for ln in clean_text(text).lines]
    assert "| Plas | BBB |" in lines


def test_a_letter_with_its_closing_run_into_the_first_paragraph():
    text = ("Antwoorden op vragen bij de Algemene Politieke Beschouwingen\n\nBrief regering\n\n"
            "Nummer: 2015D34007, datum: 2015-09-17\n\n"
            "Bijgaand treft u aan de schriftelijke antwoorden op vragen gesteld door leden van uw Kamer "
            "tijdens de eerste termijn van het debat d.d. 16 september jl. DE MINISTER-PRESIDENT, "
            "Minister van Algemene Zaken, Mark Rutte Vraag van de heer Zijlstra (VVD): Wat is de stand "
            "van zaken van het lerarenregister? Antwoord De staatssecretaris van Onderwijs, Cultuur en "
            "Wetenschap zal de Kamer voor de zomer informeren.\n")
    layout = clean_text(text)
    meta, _ = metadata.extract_metadata(layout.lines, layout.sidebar)
    assert _signers(meta.signatories) == [("Mark Rutte", "minister-president", "Algemene Zaken")]
    assert meta.ministry == "Algemene Zaken"


def test_two_columns_whose_second_office_is_a_cabinet_portfolio():
    """A VWS letter of 2026 signed by the minister of VWS and the minister of Langdurige Zorg, Jeugd en
    Sport side by side (the PDF reader turns the column gap into a tab): the second office's portfolio
    goes on under it like the first one's ministry, so both signers are read."""
    lines = paras(
        "Hiervoor zal aandacht zijn in de later dit jaar te verschijnen rapportage.",
        "Hoogachtend,",
        "de minister van Volksgezondheid,\tde minister van Langdurige Zorg,",
        "Welzijn en Sport,\tJeugd en Sport,",
        "Sophie Hermans\tMirjam Sterk",
    )
    closing = signature.find_closing(lines)
    assert _signers(closing.signatories) == [
        ("Sophie Hermans", "minister", "Volksgezondheid, Welzijn en Sport"),
        ("Mirjam Sterk", "minister", "Langdurige Zorg, Jeugd en Sport"),
    ]


def test_two_column_closing_flattened_line_by_line_in_a_text_copy():
    """The same closing in a text copy that joined each line's two columns with one space: the offices
    come first, then each office's second line, then the names."""
    text = ("Geachte voorzitter,\n\nHiervoor zal aandacht zijn in de later dit jaar te verschijnen "
            "rapportage.\nHoogachtend,\nde minister van Volksgezondheid, de minister van Langdurige Zorg,\n"
            "Welzijn en Sport, Jeugd en Sport,\nSophie Hermans Mirjam Sterk\n")
    layout = clean_text(text)
    meta, _ = metadata.extract_metadata(layout.lines, layout.sidebar)
    assert _signers(meta.signatories) == [
        ("Sophie Hermans", "minister", "Volksgezondheid, Welzijn en Sport"),
        ("Mirjam Sterk", "minister", "Langdurige Zorg, Jeugd en Sport"),
    ]
    assert meta.ministry == "Volksgezondheid, Welzijn en Sport"


def test_every_cabinet_portfolio_has_a_ministry():
    """A signer's portfolio that is no ministry ('Werk en Participatie', 'Herstel Groningen') gives the
    letter's ministry only through the portfolio table: every portfolio of the cabinet table needs a row
    there (a temporary post's '(tijdelijk)' aside)."""
    import csv
    from importlib import resources

    from toezegging_cli.clean.ministries import host_ministry, known_ministry

    path = resources.files("toezegging_cli") / "data" / "cabinet.csv"
    with path.open(encoding="utf-8") as f:
        portfolios = {r["portfolio"].removesuffix(" (tijdelijk)")
                      for r in csv.DictReader(f) if r["portfolio"]}
    assert [p for p in sorted(portfolios) if not known_ministry(p) and host_ministry(p, "voor") is None] == []


def test_a_letter_signed_only_by_a_minister_van_a_portfolio_is_of_the_host_ministry():
    text = ("Geachte voorzitter,\n\nHierbij bied ik u de voortgangsrapportage aan.\n\nDe minister van "
            "Langdurige Zorg, Jeugd en Sport,\n\nMirjam Sterk\n")
    layout = clean_text(text)
    meta, _ = metadata.extract_metadata(layout.lines, layout.sidebar)
    assert _signers(meta.signatories) == [("Mirjam Sterk", "minister", "Langdurige Zorg, Jeugd en Sport")]
    assert meta.ministry == "Volksgezondheid, Welzijn en Sport"
