"""Unit tests of the layout-cleaning steps on small synthetic pages and texts (no corpus needed)."""

from __future__ import annotations

import pytest

from toezegging_cli import clean
from toezegging_cli.clean import Line, PageWords, TextLine, Word


def w(text: str, x0: float, top: float, size: float = 9.0, font: str = "Verdana", gap: float = 0.0) -> Word:
    """A word about as wide as Verdana sets it."""
    x1 = x0 + len(text) * size * 0.6
    return Word(text=text, x0=x0 + gap, x1=x1 + gap, top=top, bottom=top + size, size=size, fontname=font)


def words_line(text: str, x0: float, top: float, size: float = 9.0, font: str = "Verdana") -> list[Word]:
    """Words of one line of running text, a space apart."""
    out, x = [], x0
    for token in text.split():
        word = w(token, x, top, size, font)
        out.append(word)
        x = word.x1 + size * 0.35
    return out


BODY = [
    "In", "de", "Kamer", "is", "de", "afgelopen", "jaren", "in", "toenemende", "mate", "aandacht", "besteed",
    "aan", "de", "emissies", "van", "de", "luchtvaart", "en", "de", "gevolgen", "daarvan", "voor", "de",
    "lokale", "luchtkwaliteit",
]  # fmt: skip


def body_page(tops: list[float], x0: float = 80, right: float = 455) -> list[Word]:
    """Justified-looking body lines from x0 to about `right`."""
    out = []
    for top in tops:
        x = x0
        for token in BODY:
            word = w(token, x, top)
            if word.x1 > right:
                break
            out.append(word)
            x = word.x1 + 3
    return out


# --- characters -------------------------------------------------------------------------------


def test_normalize_chars_ligatures_spaces_bullets_and_soft_hyphens():
    assert clean.normalize_chars("ﬁnanciële\u00a0oﬀerte") == "financiële offerte"
    assert clean.normalize_chars("\uf0b7 punt") == "• punt"
    assert clean.normalize_chars("ge\u00adzond") == "gezond"
    assert clean.normalize_chars("gezond\u00ad") == "gezond\u00ad"  # kept for the line join


def test_dedupe_chars_removes_fake_bold_doubles_keeps_order():
    chars = []
    for i, c in enumerate("Hoogachtend"):
        base = {"text": c, "fontname": "Verdana-Bold", "size": 9.0, "x0": 80 + 6 * i, "top": 100.0}
        chars.append(base)
        chars.append({**base, "x0": base["x0"] + 0.3})  # drawn again, slightly offset
    kept = clean.dedupe_chars(chars)
    assert "".join(c["text"] for c in kept) == "Hoogachtend"
    # the same letter twice in a row at different places is not a duplicate
    assert (
        len(
            clean.dedupe_chars(
                [{"text": "o", "x0": 10, "top": 5, "size": 9}, {"text": "o", "x0": 16, "top": 5, "size": 9}]
            )
        )
        == 2
    )


@pytest.mark.parametrize(("other", "duplicate"), [
    ((1.9, 5.0), True),    # across a grid cell border, within the tolerance
    ((2.1, 5.0), True),
    ((1.0, 5.0), True),    # exactly the tolerance away
    ((0.99, 6.0), False),  # just beyond it in x
    ((2.0, 6.01), False),  # just beyond it in y
    ((3.0, 4.0), True),    # diagonal, both within
])
def test_dedupe_chars_tolerance_is_exact_whatever_the_grid(other, duplicate):
    first = {"text": "e", "fontname": "F", "size": 9.0, "x0": 2.0, "top": 5.0}
    second = {**first, "x0": other[0], "top": other[1]}
    assert len(clean.dedupe_chars([first, second])) == (1 if duplicate else 2)
    assert len(clean.dedupe_chars([second, first])) == (1 if duplicate else 2)


# --- sidebar ----------------------------------------------------------------------------------


def sidebar_words(x: float = 467.0) -> list[Word]:
    out = []
    for k, text in enumerate(
        ["Ministerie van", "Infrastructuur en", "Waterstaat", "Ons kenmerk", "IENW/BSK-2022/1"]
    ):
        out += words_line(text, x, 150 + 9 * k, size=6.75)
    return out


def test_find_sidebar_x_finds_the_column_right_of_the_body():
    words = body_page([150 + 12 * k for k in range(20)]) + sidebar_words()
    x = clean.find_sidebar_x(words, 595)
    assert x is not None and 460 < x <= 467.5
    body, side = clean.split_sidebar(words, x)
    assert {wd.text for wd in side} >= {"Ministerie", "kenmerk", "IENW/BSK-2022/1"}
    assert all(wd.x0 < x for wd in body)


def test_find_sidebar_x_none_for_full_width_text():
    # body text running to the right margin, some lines starting words in the right third
    words = body_page([100 + 16 * k for k in range(20)], x0=70, right=525)
    assert clean.find_sidebar_x(words, 595) is None


def test_find_sidebar_x_follows_the_page_not_fixed_coordinates():
    # a narrower template: body to 380, sidebar at 400
    words = body_page([150 + 12 * k for k in range(20)], right=380) + sidebar_words(400)
    x = clean.find_sidebar_x(words, 595)
    assert x is not None and 395 < x <= 400.5


# --- lines and reference markers --------------------------------------------------------------


def test_group_lines_keeps_a_raised_marker_on_its_line():
    line = words_line("aan de Kamer aangeboden", 80, 650)
    marker = Word("1", line[-1].x1 + 0.2, line[-1].x1 + 3.8, 649.4, 655.4, 6.0, "Verdana")
    dot = Word(".", marker.x1 + 0.1, marker.x1 + 2.5, 650, 659, 9.0, "Verdana")
    nxt = words_line("die brief is aangegeven", 80, 662)
    lines = clean.group_lines([*line, marker, dot, *nxt])
    assert len(lines) == 2
    assert clean.line_text(lines[0]) == "aan de Kamer aangeboden."
    assert clean.line_text(lines[0], drop_markers=False) == "aan de Kamer aangeboden1."


def test_spaced_marker_is_removed_without_leaving_a_gap():
    ws = words_line("van 24 juni 2022", 80, 150)
    marker = Word("2", ws[-1].x1 + 3, ws[-1].x1 + 6.5, 149.4, 155.4, 6.0, "Verdana")
    rest = words_line("is normering", marker.x1 + 3, 150)
    line = clean.group_lines([*ws, marker, *rest])[0]
    assert clean.line_text(line) == "van 24 juni 2022 is normering"


def test_small_digits_on_the_baseline_are_not_markers():
    # a subscript (CO2) sits low, not raised: it stays
    co = w("CO", 80, 150)
    two = Word("2", co.x1, co.x1 + 3.6, 153.5, 159.5, 6.0, "Verdana")
    line = clean.group_lines([co, two, *words_line("uitstoot", two.x1 + 3, 150)])[0]
    assert clean.line_text(line) == "CO2 uitstoot"


def test_line_text_marks_wide_gaps_as_columns():
    ws = words_line("De minister van Financiën,", 80, 400) + words_line(
        "De staatssecretaris van Financiën,", 320, 400
    )
    line = clean.group_lines(ws)[0]
    assert clean.line_text(line) == "De minister van Financiën,\tDe staatssecretaris van Financiën,"


# --- page furniture and footnotes -------------------------------------------------------------


def test_drop_page_furniture_page_numbers_and_running_lines():
    pages = []
    for n in range(1, 4):
        ws = body_page([150 + 12 * k for k in range(10)])
        ws += words_line(f"Pagina {n} van 3", 80, 808, size=6.75)
        ws += words_line("Ministerie van Voorbeelden", 80, 40, size=7)
        pages.append(clean.group_lines(ws))
    out = clean.drop_page_furniture(pages, [842.0] * 3)
    texts = [ln.raw_text for lines in out for ln in lines]
    assert not any("Pagina" in t or "Voorbeelden" in t for t in texts)
    assert len(texts) == 30


def test_drop_page_furniture_keeps_a_line_found_on_one_page_only():
    pages = [
        clean.group_lines(body_page([150]) + words_line("Bijlage bij de brief", 80, 40, size=7)),
        clean.group_lines(body_page([150])),
    ]
    out = clean.drop_page_furniture(pages, [842.0, 842.0])
    assert any("Bijlage" in ln.raw_text for ln in out[0])


def test_drop_page_furniture_official_publication_footer_on_a_single_page():
    ws = body_page([150 + 12 * k for k in range(5)])
    ws += words_line("Tweede Kamer, vergaderjaar 2017–2018, 34 775 X, nr. 87 1", 80, 800, size=7)
    ws += words_line("kst-34775-X-87 ISSN 0921 - 7371 's-Gravenhage 2018", 80, 812, size=7)
    out = clean.drop_page_furniture([clean.group_lines(ws)], [842.0])
    assert len(out[0]) == 5


def footnote_lines(number: int, text: str, top: float) -> list[Word]:
    num = w(str(number), 80, top, size=5.25)
    return [num, *words_line(text, num.x1 + 2, top, size=8.25)]


def test_split_footnotes_takes_the_small_numbered_block_at_the_bottom():
    ws = body_page([150 + 12 * k for k in range(10)])
    ws += footnote_lines(1, "Kamerstukken II 2021/22, 30175, nr. 414", 770)
    ws += footnote_lines(2, "https://www.gezondheidsraad.nl/documenten/adviezen/risicos-van-", 780)
    ws += words_line("ultrafijnstof-in-de-buitenlucht", 80, 790, size=8.25)
    lines = clean.group_lines(ws)
    body, notes, carried = clean.split_footnotes(lines, 9.0)
    assert len(body) == 10 and not carried
    assert [n for n, _ in notes] == [1, 2]
    assert clean.footnote_text(notes[0][1]) == "Kamerstukken II 2021/22, 30175, nr. 414"
    assert clean.footnote_text(notes[1][1]).endswith("risicos-van-ultrafijnstof-in-de-buitenlucht")


def test_split_footnotes_carries_a_note_over_from_the_previous_page():
    ws = body_page([150, 162]) + words_line("vervolg van de vorige noot", 80, 760, size=8.25)
    ws += footnote_lines(4, "Nieuwe noot", 772)
    body, notes, carried = clean.split_footnotes(clean.group_lines(ws), 9.0, last_number=3)
    assert len(body) == 2 and [n for n, _ in notes] == [4]
    assert clean.footnote_text(carried, numbered=False) == "vervolg van de vorige noot"


def test_split_footnotes_leaves_pages_without_notes_alone():
    lines = clean.group_lines(body_page([150 + 12 * k for k in range(5)]))
    assert clean.split_footnotes(lines, 9.0) == (lines, [], [])


def test_drop_figure_text_removes_small_scattered_labels_only():
    ws = body_page([150, 162])
    for k, (x, label) in enumerate(
        [(114, "Begeleidingscommissie"), (312, "Coördinatiegroep"), (114, "Leden: RSG"), (386, "Werkgroep")]
    ):
        ws += words_line(label, x, 200 + 7 * k, size=6.0)
    ws += body_page([260])
    lines = clean.group_lines(ws)
    kept = clean.drop_figure_text(lines, 9.0)
    assert [ln.size for ln in kept] == [9.0, 9.0, 9.0]


# --- joining lines and paragraphs -------------------------------------------------------------


def test_join_lines_hyphenation():
    assert clean.join_lines("rond de gezond-", "heidsrisico’s van") == "rond de gezondheidsrisico’s van"
    assert clean.join_lines("fractie van GroenLinks-", "PvdA vroeg") == "fractie van GroenLinks-PvdA vroeg"
    assert clean.join_lines("het RIVM-", "onderzoekprogramma") == "het RIVM-onderzoekprogramma"
    assert clean.join_lines("circulaire economie-", "opgave") == "circulaire economie-opgave"
    assert clean.join_lines("door om-", "en bijscholing") == "door om- en bijscholing"
    assert clean.join_lines("periode 2023-", "2030") == "periode 2023-2030"
    assert clean.join_lines("worden ge-", "ëvalueerd") == "worden geëvalueerd"
    assert clean.join_lines("gezond\u00ad", "heid") == "gezondheid"
    assert clean.join_lines("de gewone", "zin") == "de gewone zin"


def test_join_lines_prefers_the_documents_own_spelling():
    vocab = {"niet-afvalstof"}
    assert clean.join_lines("of niet-", "afvalstof", vocab) == "of niet-afvalstof"
    assert clean.join_lines("of niet-", "afvalstof") == "of nietafvalstof"


def test_join_lines_urls():
    assert (
        clean.join_lines("zie https://www.example.nl/documenten/2021/risicos-van-", "ultrafijnstof")
        == "zie https://www.example.nl/documenten/2021/risicos-van-ultrafijnstof"
    )


def test_is_list_item():
    for text in [
        "1. Ultrafijn stof",
        "a) Titel voorstel",
        "• Punt",
        "- In 2030",
        "1.1 Blootstelling",
        "(3) derde",
    ]:
        assert clean.is_list_item(text), text
    for text in ["2022 is het jaar", "Artikel 4", "De minister"]:
        assert not clean.is_list_item(text), text


def tl(text, page=1, **kw) -> TextLine:
    return TextLine(text=text, page=page, **kw)


def test_build_body_paragraphs_and_page_starts():
    lines = [
        tl("Kennisopbouw over ultrafijn stof", heading=True),
        tl("Zoals aangegeven in de Hoofdlijnenbrief is", new_para=True),
        tl("normering het uitgangspunt. Daarom is kennis-", page=1),
        tl("opbouw van belang.", page=2, ends_early=True),
        tl("Een nieuwe alinea.", page=2),
        tl("1. Een punt", page=3, new_para=True),
        tl("2. Nog een punt", page=3),
    ]
    body, starts = clean.build_body(lines, 4)
    assert body == (
        "Kennisopbouw over ultrafijn stof\n\n"
        "Zoals aangegeven in de Hoofdlijnenbrief is normering het uitgangspunt. Daarom is kennisopbouw "
        "van belang.\n\nEen nieuwe alinea.\n\n1. Een punt\n\n2. Nog een punt"
    )
    assert starts[0] == 0
    assert body[starts[1] :].startswith("opbouw van belang.")
    assert body[starts[2] :].startswith("1. Een punt")
    assert starts[3] == len(body)  # a page without body text starts where the body ends


def test_breaks_paragraph_early_end_needs_a_capital_after():
    assert clean.breaks_paragraph(tl("Dit is af.", ends_early=True), tl("Nieuwe zin."))
    assert not clean.breaks_paragraph(tl("voor de", ends_early=True), tl("verantwoordelijkheidsverdeling."))
    assert not clean.breaks_paragraph(tl("een zin die doorloopt"), tl("Over de grens."))


def test_a_line_that_leaves_a_bracket_open_does_not_end_its_paragraph():
    """Regression (eval AS kst-35000-J-33): '… het lid Van der Lee (GroenLinks) (Handelingen' / 'II
    2018/19, nr. 25, item 24) de Ministers … verzocht om een integrale reactie' broke after the short
    line, so the request lost its subject and was missed."""
    prev = tl("op initiatief van het lid Van der Lee (GroenLinks) (Handelingen", ends_early=True)
    assert not clean.breaks_paragraph(prev, tl("II 2018/19, nr. 25) de Ministers verzocht om een reactie."))
    closed = tl("op initiatief van het lid Van der Lee (GroenLinks).", ends_early=True)
    assert clean.breaks_paragraph(closed, tl("II. Tweede deel"))


def test_a_line_cut_after_a_preposition_does_not_end_its_paragraph():
    """Regression (eval kst-22112-3432): '… zoals toegezegd tijdens het Commissiedebat X van' / '10
    februari jl. (Kamerstuk …)' broke after the short line, so the debate lost its date."""
    prev = tl("zoals toegezegd tijdens het Commissiedebat EU-informatievoorziening van", ends_early=True)
    assert not clean.breaks_paragraph(prev, tl("10 februari jl. (Kamerstuk 22 112, nr. 3301)."))
    assert clean.breaks_paragraph(prev, tl("10 februari jl.", new_para=True))  # a blank line between
    # text of one paragraph a line: the line cut after 'van' still goes on
    text = ("Graag informeer ik u " + "x" * 200 + ", zoals toegezegd tijdens het Commissiedebat X van\n"
            "10 februari jl. " + "y" * 200 + ".\nEen nieuwe alinea " + "z" * 200 + ".")
    lines, _ = clean.text_lines(text)
    assert [ln.new_para for ln in lines] == [True, False, True]


def test_clean_pdf_whole_pages():
    """Sidebar out, footer out, note out, marker out, sentence over the page break whole."""
    p1 = words_line("Dit is de eerste alinea van de brief aan de Kamer die hier stopt.", 80, 150)
    p1 += words_line("Zoals aangegeven in de Hoofdlijnenbrief Schiphol van 24 juni 2022", 80, 174)
    end = p1[-1].x1
    marker = Word("1", end + 3, end + 6.5, 173.4, 179.4, 6.0, "Verdana")
    p1 += [marker, *words_line("is", end + 9, 174)]
    p1 += footnote_lines(1, "Kamerstukken II 2021/22, 29665, nr. 432.", 780)
    p1 += sidebar_words() + words_line("Pagina 1 van 2", 467, 808, size=6.75)
    p2 = words_line("normering voor het kabinet het uitgangspunt.", 80, 150)
    p2 += sidebar_words() + words_line("Pagina 2 van 2", 467, 808, size=6.75)
    layout = clean.clean_pdf([PageWords(1, 595, 842, p1), PageWords(2, 595, 842, p2)])
    body, starts = clean.build_body(layout.lines, layout.pages)
    assert (
        "Zoals aangegeven in de Hoofdlijnenbrief Schiphol van 24 juni 2022 is normering voor het kabinet "
        "het uitgangspunt." in body
    )
    for junk in ("Ons kenmerk", "Pagina", "Kamerstukken II", "Ministerie"):
        assert junk not in body
    assert [(f.number, f.text, f.page) for f in layout.footnotes] == [
        (1, "Kamerstukken II 2021/22, 29665, nr. 432.", 1)
    ]
    assert body[starts[1] :].startswith("normering")
    assert [ln.text for ln in layout.sidebar][:3] == ["Ministerie van", "Infrastructuur en", "Waterstaat"]


# --- plain text -------------------------------------------------------------------------------

SEED_LIKE = (
    " Met deze brief informeer ik uw Kamer over twee toezeggingen. De \n"
    "eerste toezegging gaat over het rijksbrede integriteitsbeleid.  \n"
    " \n"
    "Rijksbrede integriteitsbeleid \n"
    " \n"
    "Om te komen tot een visie op de invulling van mijn \n"
    "coördinerende rol1 voor het rijksbrede integriteitsbeleid, zijn \n"
    "namens mij gesprekken gevoerd.  \n"
    " \n\n \n"
    "1 Mijn coördinerende verantwoordelijkheid reikt niet tot het ministerie van Defensie. \n"
    "\n\n\n \n\n \n\n"
    "Er bestaan grote verschillen tussen de ministeries, alleen al qua \n"
    "omvang.\n"
)


def test_text_lines_pages_and_paragraphs():
    lines, pages = clean.text_lines(SEED_LIKE)
    assert pages == 2
    assert lines[-1].page == 2 and lines[0].page == 1
    assert [ln.new_para for ln in lines[:4]] == [True, False, True, True]


def test_text_lines_form_feeds_and_long_lines():
    text = "Eerste alinea op een regel.\nTweede alinea.\fDerde alinea op pagina twee."
    lines, pages = clean.text_lines(text.replace("alinea", "alinea " + "x" * 200, 1))
    assert pages == 2 and all(ln.new_para for ln in lines) and lines[-1].page == 2


def test_seed_like_text_footnote_out_marker_out_paragraphs_joined():
    layout = clean.clean_text(SEED_LIKE)
    body, starts = clean.build_body(layout.lines, layout.pages)
    assert [(f.number, f.text) for f in layout.footnotes] == [
        (1, "Mijn coördinerende verantwoordelijkheid reikt niet tot het ministerie van Defensie.")
    ]
    assert "coördinerende rol voor het rijksbrede" in body
    assert "Defensie" not in body
    assert body.split("\n\n")[:2] == [
        "Met deze brief informeer ik uw Kamer over twee toezeggingen. De eerste toezegging gaat over het "
        "rijksbrede integriteitsbeleid.",
        "Rijksbrede integriteitsbeleid",
    ]
    assert body[starts[1] :].startswith("Er bestaan grote verschillen")


def test_strip_text_markers_needs_a_sequence():
    lines = [
        tl("Europese restrictievoorstel.1 Gelijktijdig met deze brief"),
        tl("op 10 oktober2 over geïnformeerd (hierna: Motie#21).3Met de motie"),
        tl("de mp3 en covid19 en 2022D22249 blijven staan"),
    ]
    out, found = clean.strip_text_markers(lines)
    assert found == [1, 2, 3]
    assert out[0].text == "Europese restrictievoorstel. Gelijktijdig met deze brief"
    assert out[1].text == "op 10 oktober over geïnformeerd (hierna: Motie#21). Met de motie"
    assert out[2].text == lines[2].text


def test_strip_text_markers_after_an_acronym_and_before_a_glued_word():
    """Regression (eval kst-31066-857): '(AEF)1,' was not a marker, so the sequence broke and
    'toegezegd3om' kept its note number — the toezegging sentence then matched no trigger."""
    lines = [
        tl("opgesteld door Andersson Elffers Felix (AEF)1, en het advies"),
        tl("Bijgevoegd bied ik het rapport aan uw Kamer aan2."),
        tl("In juni 2020 heb ik aan uw Kamer toegezegd3om de hersteloperatie door te lichten."),
        tl("de mp3speler en covid19vaccin blijven staan"),
    ]
    out, found = clean.strip_text_markers(lines)
    assert found == [1, 2, 3]
    assert out[0].text == "opgesteld door Andersson Elffers Felix (AEF), en het advies"
    assert out[2].text == "In juni 2020 heb ik aan uw Kamer toegezegd om de hersteloperatie door te lichten."
    assert out[3].text == lines[3].text


def test_strip_text_markers_glued_to_a_year():
    """Regression (eval kst-34775-XVI-121): 'van 15 december 20161 heeft' kept its note number, so the
    debate's date was read as 15 december of the letter's year."""
    lines = [
        tl("Tijdens het AO van 15 december 20161 heeft de minister toegezegd uw Kamer te informeren."),
        tl("Het Belastingplan 20152 en Postbus 20018 blijven zo."),
    ]
    out, found = clean.strip_text_markers(lines)
    assert found == [1, 2]
    assert out[0].text.startswith("Tijdens het AO van 15 december 2016 heeft de minister")
    assert out[1].text == "Het Belastingplan 2015 en Postbus 20018 blijven zo."


def test_strip_text_markers_after_a_years_full_stop():
    """Regression (eval kst-31865-90): 'de brieven van 14 april en 15 juli 2016.3 Daarnaast beantwoord ik …'
    kept its note number, so the sentence ran on into the next one and two requests became one."""
    lines = [
        tl("zoals in de brief van 27 oktober jl.1 en het advies2 staat,"),
        tl("zoals benoemd in de brieven van 14 april en 15 juli 2016.3 Daarnaast beantwoord ik alvast twee "
           "vragen."),
        tl("Het aandeel steeg in 2016.7 procent daarvan was nieuw."),
    ]
    out, found = clean.strip_text_markers(lines)
    assert found == [1, 2, 3]
    assert out[1].text == ("zoals benoemd in de brieven van 14 april en 15 juli 2016. Daarnaast beantwoord "
                           "ik alvast twee vragen.")
    assert out[2].text == lines[2].text


def test_strip_text_markers_ignores_urls():
    out, found = clean.strip_text_markers([tl("zie www.voorbeeld.nl/pagina1 voor meer")])
    assert found == [] and out[0].text == "zie www.voorbeeld.nl/pagina1 voor meer"


# --- text quality -----------------------------------------------------------------------------


def test_looks_garbled():
    dutch = "Met deze brief informeer ik uw Kamer over de voortgang van de aanpak en de planning. " * 5
    assert not clean.looks_garbled(dutch)
    assert clean.looks_garbled("(cid:12)(cid:44)(cid:3)(cid:91) " * 40)
    assert clean.looks_garbled("\ue001\ue002\ue003 \ue004\ue005 " * 40)
    assert clean.looks_garbled("Pkg ghyhq wlmgv xuqb zqrpl fhhk " * 20)  # letters, but no language
    assert not clean.looks_garbled("The minister has informed the House about the progress of the plan. " * 5)


def test_looks_dutch():
    assert clean.looks_dutch("Met deze brief informeer ik uw Kamer over de voortgang van het programma. " * 4)
    assert not clean.looks_dutch("The minister has informed the House about the progress of the plan. " * 4)


def test_line_properties():
    line = Line(words_line("Hoogachtend,", 80, 100, font="ABCDEE+Verdana-Bold"))
    assert line.bold and line.size == 9.0 and line.x0 == 80
