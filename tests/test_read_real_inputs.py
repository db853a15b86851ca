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
        if (folder / "stb-2018-84.xml").is_file():
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
