"""Real documents as officielebekendmakingen serves them, and real Office files (eval/inputs/SOURCES.md).

The real files are public government publications taken from a public repository's test data; they
are not committed (data from fetched repositories stays out of this repository): they are looked
for in ../shared/inputs, else in eval/inputs/files, and these tests skip where neither has them.
Each bug they showed has a regression test below on a small hand-made page of the same shape, which
always runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from toezegging_cli.errors import LetterError
from toezegging_cli.read import html, read_letter

REPO = Path(__file__).resolve().parents[1]
INPUTS = [Path(os.environ["TOEZEGGING_INPUTS"])] if os.environ.get("TOEZEGGING_INPUTS") else [
    REPO.parent / "shared" / "inputs", REPO / "eval" / "inputs" / "files"]


@pytest.fixture(scope="module")
def real() -> Path:
    for folder in INPUTS:
        if (folder / "stb-2018-84.xml").is_file() and (folder / "kst-32545-143.xml").is_file():
            return folder
    pytest.skip(f"real input documents not found in {' or '.join(map(str, INPUTS))} "
                "(see eval/inputs/SOURCES.md for where they come from)")


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toezegging_cli", *args], capture_output=True, text=True,
                          timeout=300)


def _signers(meta) -> list[tuple[str, str | None, str | None]]:
    return [(s.name, s.role, s.portfolio) for s in meta.signatories]


# --- the real files ---------------------------------------------------------------------------------

def test_real_staatsblad_xml_gives_its_fields(real):
    """stb-2018-84.xml: date from <dagtekening>'s isodatum, the state secretary who signed, the ministry."""
    markup = html.read_xml((real / "stb-2018-84.xml").read_bytes(), "stb-2018-84.xml")
    assert markup.fields.date == "2018-03-09"
    assert _signers(markup.fields)[0] == ("M. Snel", "staatssecretaris", "Financiën")
    assert markup.fields.ministry == "Financiën"
    assert {"datum", "ondertekening", "ministerie"} <= set(markup.named)
    texts = [line.text for line in markup.layout.lines]
    assert "De tien-euromunt heeft een fijngeribbelde rand." in texts
    assert not any("stb-2018-84-001.png" in t for t in texts)  # illustrations are not text


def test_real_staatsblad_html_page_is_read_paragraph_by_paragraph(real):
    """stb-2014-296.html (the site's XHTML, starting with an XML declaration): it is read at all,
    each paragraph of the decree is a line of its own, the table of contents is left out, and the
    signers come from the page's ondertekening blocks, each once."""
    letter = read_letter(str(real / "stb-2014-296.html"))
    markup = html.read_html((real / "stb-2014-296.html").read_bytes(), "stb-2014-296.html")
    texts = [line.text for line in markup.layout.lines]
    assert "Hebben goedgevonden en verstaan;" in texts
    assert "Dit besluit treedt in werking met ingang van 10 oktober 2014." in texts
    assert texts[0].startswith("Besluit van 14 juli 2014, houdende verlenging")
    assert "Aanhef" not in texts and "Lichaam" not in texts  # the page's table of contents
    assert _signers(markup.fields) == [
        ("R.H.A. Plasterk", "minister", "Binnenlandse Zaken en Koninkrijksrelaties"),
        ("F. Teeven", "staatssecretaris", "Veiligheid en Justitie")]
    assert letter.meta.ministry == "Binnenlandse Zaken en Koninkrijksrelaties"
    assert "10 oktober 2014" in letter.body + "\n".join(texts)


@pytest.mark.parametrize("name, first, contains", [
    ("stcrt-2013-10981.html", "Omgevingsvergunning ‘uitbreiden van een woning, Jan Arendsland 13’, Staphorst",
     "Het projectgebied is gelegen binnen het bestemmingsplan ‘Buitengebied’"),
    ("gmb-2024-216934.html", "Kennisgeving melding incidentele festiviteit", "Voetbalvereniging Yerseke"),
    ("prb-2014-6.html", "Ondermandaatbesluit directeur Concernzaken", "Artikel 2"),
])
def test_real_site_pages_give_their_text_without_chrome(real, name, first, contains):
    markup = html.read_html((real / name).read_bytes(), name)
    texts = [line.text for line in markup.layout.lines]
    assert texts[0].startswith(first)
    assert any(contains in t for t in texts)
    assert not any(t in {"Zoeken", "Menu", "Print"} for t in texts)


@pytest.mark.parametrize("name, contains", [
    ("stcrt-2015-47076.xml", "Dit ontwerpbesluit ligt vanaf 24 december 2015 zes weken ter inzage"),
    ("prb-2017-1003.xml", "ExperienceEvents B.V. wil met een helikopter landen"),
    ("gmb-2017-100002.xml", "kappen berk en dennenboom"),
])
def test_real_publication_xml_gives_its_paragraphs(real, name, contains):
    markup = html.read_xml((real / name).read_bytes(), name)
    assert any(contains in line.text for line in markup.layout.lines)


@pytest.mark.parametrize("name, reason", [
    ("empty.docx", "no text in the docx document"),
    ("empty.odt", "no text in the odt document"),
    ("empty-pw.docx", "password-protected Office document"),
])
def test_real_empty_and_encrypted_office_files_are_one_line(real, name, reason):
    done = _cli("extract", str(real / name))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"toezegging: {real / name}: ") and reason in done.stderr
    assert done.stderr.count("\n") == 1


FORMS = ("xml", "html", "odt", "pdf")


def _paragraphs(letter) -> list[str]:
    import re

    return [re.sub(r"\s+", " ", p).strip() for p in letter.body.split("\n\n") if p.strip()]


def _metadata_record(path: Path) -> dict[str, list[str]]:
    """The site's metadata.xml beside a publication: name → values."""
    from lxml import etree

    root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    found: dict[str, list[str]] = {}
    for el in root.iter("{*}metadata"):
        if el.get("name") and el.get("content"):
            found.setdefault(el.get("name"), []).append(el.get("content"))
    return found


@pytest.mark.parametrize("stem", ["kst-32545-143", "ah-tk-20202021-3235"])
def test_one_publication_in_four_forms_reads_alike(real, stem):
    """The same publication as repository.overheid.nl serves it — XML, HTML, ODT and PDF: every
    paragraph of the XML's body is a paragraph of each other form, and they give the same
    commitments."""
    from toezegging_cli.extract import extract_path

    letters = {fmt: read_letter(str(real / f"{stem}.{fmt}")) for fmt in FORMS}
    xml = [p for p in _paragraphs(letters["xml"]) if len(p) > 40]  # sentences, not heading fragments
    assert len(xml) >= 5
    for fmt in FORMS[1:]:
        other = set(_paragraphs(letters[fmt]))
        assert [p for p in xml if p not in other] == [], fmt
    found = {fmt: [(c["kind"], c["evidence"]["sentence"]) for c in
                   extract_path(str(real / f"{stem}.{fmt}")).to_dict()["commitments"]] for fmt in FORMS}
    assert all(found[fmt] == found["xml"] for fmt in FORMS)


def test_motion_fields_match_the_sites_metadata_record(real):
    """kst-32545-143: dossier + ondernummer, date and submitters from the XML and HTML copies are
    those of the site's own metadata.xml for the document."""
    record = _metadata_record(real / "kst-32545-143.metadata.xml")
    want = f"{record['OVERHEIDop.dossiernummer'][0]}-{record['OVERHEIDop.ondernummer'][0]}"
    xml = read_letter(str(real / "kst-32545-143.xml"))
    page = read_letter(str(real / "kst-32545-143.html"))
    assert xml.meta.kamerstuk == page.meta.kamerstuk == want == "32545-143"
    assert xml.meta.date == page.meta.date == record["DCTERMS.issued"][0] == "2021-07-06"
    assert sorted(s.name for s in page.meta.signatories) == sorted(record["OVERHEIDop.indiener"])


def test_answers_to_questions_are_dated_and_signed_by_the_minister(real):
    """ah-tk-20202021-3235 (answers of the Minister of SZW to Kamervragen): the date is the answer's
    (21 June), not the questions' (3 June), and the signer the minister, not the MPs who asked."""
    xml = read_letter(str(real / "ah-tk-20202021-3235.xml"))
    page = read_letter(str(real / "ah-tk-20202021-3235.html"))
    assert xml.meta.date == page.meta.date == "2021-06-21"
    assert _signers(xml.meta) == [("Koolmees", "minister", "Sociale Zaken en Werkgelegenheid")]
    assert xml.meta.ministry == "Sociale Zaken en Werkgelegenheid"
    assert [s.name for s in page.meta.signatories] == ["W. Koolmees"]
    assert "Vragen van de leden Van Weyenberg, Romke de Jong en Kat (allen D66)" in letters_text(xml)


def letters_text(letter) -> str:
    return "\n".join(_paragraphs(letter))


def test_odt_copy_keeps_its_margin_block_out_of_the_text(real):
    """The site's ODT puts 'kst-32545-143' and "'s-Gravenhage 2021" in a frame anchored to the page:
    furniture, not the motion's first lines."""
    letter = read_letter(str(real / "kst-32545-143.odt"))
    assert "kst-32545-143" not in letter.body and "Gravenhage 2021" not in letter.body
    assert _paragraphs(letter)[0] == "Tweede Kamer der Staten-Generaal 2"


def test_real_kamerbrief_pdf_header(real):
    """A real letter of the state secretary of VenJ (2011, published on rijksoverheid.nl)."""
    letter = read_letter(str(real / "draagmoederschap-2011.pdf"))
    meta = letter.meta
    assert (meta.date, meta.subject, meta.reference) == ("2011-03-01", "Draagmoederschap", "5687928/11")
    assert _signers(letter.meta) == [("F. Teeven", "staatssecretaris", "Veiligheid en Justitie")]


# --- regressions, on hand-made pages of the real files' shape ---------------------------------------

SITE_PAGE = """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html
  PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="OVERHEIDop.dossiernummer" content="31288" />
<meta name="OVERHEIDop.ondernummer" content="1001" />
<title>Kamerstuk</title></head><body>
<div id="inhoudsopgave"><ul class="toc"><li><a href="#d1e5">Brief</a></li></ul></div>
<div id="broodtekst">
<h1 class="kamerstuk_kop"><a id="d1e1" name="d1e1"></a>Hoger onderwijs en wetenschapsbeleid</h1>
<div class="brief"><a id="d1e5" name="d1e5"></a>
<p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>
<p class="plaats-datum">Den Haag, 12 maart 2024</p>
<p>Tijdens het commissiedebat heb ik toegezegd uw Kamer te informeren over de voortgang van het programma.</p>
<p>Voor de zomer stuur ik uw Kamer een voortgangsbrief over de uitvoering.</p>
<p class="ondertekening"><span class="functie">De Minister van Onderwijs, Cultuur en Wetenschap,</span>
<span class="naam"><span class="voornaam">R.H.</span> <span class="achternaam">Dijkgraaf</span></span></p>
<div class="nota"><a id="d1e9" name="d1e9"></a><p>Toelichting, door dezelfde minister getekend.</p>
<p class="ondertekening"><span class="functie">De Minister van Onderwijs, Cultuur en Wetenschap,</span>
<span class="naam">R.H. Dijkgraaf</span></p></div>
</div></div></body></html>"""


def test_site_xhtml_with_an_xml_declaration_is_read():
    """Regression: lxml refused the decoded page ('Unicode strings with encoding declaration are not
    supported'), so every officielebekendmakingen XHTML page was 'broken HTML'."""
    markup = html.read_html(SITE_PAGE.encode("utf-8"), "kst-31288-1001.html")
    assert markup.fields.kamerstuk == "31288-1001"
    assert any(line.text == "Den Haag, 12 maart 2024" for line in markup.layout.lines)


def test_an_empty_anchor_does_not_merge_a_sections_paragraphs():
    """Regression: a <div> whose only inline child is the site's empty anchor was taken as one line,
    running all its paragraphs together."""
    texts = [line.text for line in html.read_html(SITE_PAGE.encode("utf-8"), "p.html").layout.lines]
    assert "Voor de zomer stuur ik uw Kamer een voortgangsbrief over de uitvoering." in texts
    assert "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal" in texts
    assert "Brief" not in texts  # the table of contents outside the document block


def test_html_signature_blocks_give_the_signers_once():
    """The page's ondertekening blocks name the signer and office as the XML's do; a minister who
    signs the letter and its note is one signer."""
    markup = html.read_html(SITE_PAGE.encode("utf-8"), "p.html")
    assert _signers(markup.fields) == [("R.H. Dijkgraaf", "minister", "Onderwijs, Cultuur en Wetenschap")]
    assert markup.fields.ministry == "Onderwijs, Cultuur en Wetenschap"
    assert "ondertekening" in markup.named


def test_site_page_gives_the_same_commitments_as_its_text(tmp_path):
    """The letter of the page and the same letter as plain text: the same commitments."""
    from toezegging_cli.extract import extract_path

    page = tmp_path / "kst-31288-1001.html"
    page.write_text(SITE_PAGE, encoding="utf-8")
    lines = [line.text for line in html.read_html(SITE_PAGE.encode("utf-8"), "p.html").layout.lines]
    text = tmp_path / "kst-31288-1001.txt"
    text.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    got = [(c["kind"], c["evidence"]["sentence"]) for c in extract_path(str(page)).to_dict()["commitments"]]
    want = [(c["kind"], c["evidence"]["sentence"]) for c in extract_path(str(text)).to_dict()["commitments"]]
    assert got == want and got


def test_password_protected_office_file_says_so(tmp_path):
    """Regression: an encrypted .docx (an OLE container holding 'EncryptedPackage', not a ZIP) was
    called 'an old Office document (.doc?)'."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    data = ole + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    path = tmp_path / "brief.docx"
    path.write_bytes(data)
    with pytest.raises(LetterError, match="password-protected Office document"):
        read_letter(str(path))


ANSWERS_XML = """<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamervragen>
<kamervraagkop><tekstregel inhoud="documenttype">Aanhangsel van de Handelingen</tekstregel></kamervraagkop>
<kamervraagomschrijving type="vraag">Vragen van de leden <naam><achternaam>Van Weyenberg</achternaam></naam>
 en <naam><achternaam>Kat</achternaam></naam> (beiden D66) aan de Minister van Sociale Zaken en
 Werkgelegenheid (ingezonden <datum isodatum="2021-06-03">3 juni 2021</datum>).</kamervraagomschrijving>
<kamervraagomschrijving type="antwoord">Antwoord van Minister <naam><achternaam>Koolmees</achternaam></naam>
 (<organisatie afkorting="SZW">Sociale Zaken en Werkgelegenheid</organisatie>) (ontvangen
 <datum isodatum="2021-06-21">21 juni 2021</datum>).</kamervraagomschrijving>
<antwoord><al>Ik zal uw Kamer voor de zomer informeren over de uitkomsten.</al></antwoord>
</kamervragen></officiele-publicatie>"""


def test_answers_xml_takes_the_answers_date_and_minister():
    """Regression: the first <datum> (the questions', 3 June) was taken for the document's date, and
    answers had no signer."""
    markup = html.read_xml(ANSWERS_XML.encode(), "ah-tk.xml")
    assert markup.fields.date == "2021-06-21"
    assert _signers(markup.fields) == [("Koolmees", "minister", "Sociale Zaken en Werkgelegenheid")]
    texts = [line.text for line in markup.layout.lines]
    assert "Aanhangsel van de Handelingen" not in texts  # the heading block, like <kamerstukkop>
    assert any(t.startswith("Vragen van de leden Van Weyenberg en Kat (beiden D66)") for t in texts)
    assert any(t.endswith("(ontvangen 21 juni 2021).") for t in texts)  # no space before ')'


def test_answers_page_is_signed_by_the_minister_not_the_askers():
    """Regression: the page's indieners (the MPs who asked) were reported as the signers."""
    page = """<html><head><meta name="DC.type" scheme="OVERHEIDop.AanhangselTypen" content="Antwoord"/>
    <meta name="OVERHEIDop.ontvanger" content="W. Koolmees"/>
    <meta name="OVERHEIDop.indiener" content="H. Kat"/>
    <meta name="OVERHEIDop.datumOntvangst" content="2021-06-21"/>
    <meta name="DCTERMS.issued" content="2021-06-03"/></head><body><p>Antwoord 1</p>
    <p>Ik zal uw Kamer voor de zomer informeren over de uitkomsten.</p></body></html>"""
    markup = html.read_html(page.encode(), "ah-tk.html")
    assert [s.name for s in markup.fields.signatories] == ["W. Koolmees"]
    assert markup.fields.date == "2021-06-21"


def test_kamerstuk_page_is_dated_by_its_issued_field():
    """A kst page's DCTERMS.issued is the document's date (the XML's isodatum)."""
    page = SITE_PAGE.replace('<meta name="OVERHEIDop.ondernummer" content="1001" />',
                             '<meta name="OVERHEIDop.ondernummer" content="1001" />'
                             '<meta name="DCTERMS.issued" content="2024-03-12" />')
    markup = html.read_html(page.encode(), "kst.html")
    assert markup.fields.date == "2024-03-12" and "issued" in markup.named


def test_odt_margin_frame_is_not_body_text(tmp_path):
    """Regression: the paragraphs of a page-anchored frame (the site's 'frillblok') led the body."""
    import zipfile

    content = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>
<draw:frame text:anchor-type="page"><draw:text-box><text:p>kst-31288-1001</text:p>
<text:p>'s-Gravenhage 2024</text:p></draw:text-box></draw:frame>
<text:p>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</text:p>
<text:p>Den Haag, 12 maart 2024</text:p>
<text:p>Voor de zomer stuur ik uw Kamer een voortgangsbrief over de uitvoering.</text:p>
</office:text></office:body></office:document-content>"""
    path = tmp_path / "brief.odt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    letter = read_letter(str(path))
    assert "kst-31288-1001" not in letter.body and "Gravenhage" not in letter.body
    assert "Voor de zomer stuur ik uw Kamer een voortgangsbrief" in letter.body
