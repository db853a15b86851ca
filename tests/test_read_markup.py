"""officielebekendmakingen HTML and XML copies of Kamerstukken (read/html.py).

The corpus holds the text of kst-34775-X-87 and kst-35228-6 as published on
zoek.officielebekendmakingen.nl; no downloaded HTML/XML copy of them could be had here, so the
tests rebuild each copy at test time, in tmp_path, from that text in the publication's structure
(XML: officiele-publicatie/kamerstuk/dossier/stuk, noot, ondertekening; HTML: the site page with
its meta fields, navigation, skip links, cookie bar, footer and the note apparatus with 'Noot'),
and check that both give the text version's commitments and the gold metadata.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toezegging_cli.errors import LetterError
from toezegging_cli.read import html as obhtml
from toezegging_cli.read import read_letter

LETTERS = ["kst-34775-X-87", "kst-35228-6"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
NOTE = "Zie ook de brief van 15 december 2017."


def _parts(text: str) -> dict:
    """The published parts of a Kamerstuk's text copy: dossier, number, title, addressee, date,
    paragraphs, signer."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    dossier, title = re.match(r"(\d{2} \d{3}(?: [A-Z]+)?) (.*)", lines[0]).groups()
    nr, kind = re.match(r"Nr\. (\S+) (.*)", lines[1]).groups()
    day, month, year = re.match(r"Den Haag, (\d+) (\w+) (\d{4})", lines[3]).groups()
    function, name = lines[-1].rsplit(", ", 1)
    return {"dossier": dossier, "title": title, "nr": nr, "kind": kind, "to": lines[2],
            "date": lines[3].removeprefix("Den Haag, "),
            "iso": f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}",
            "paras": lines[4:-1], "function": function + ",", "name": name}


def ob_xml(p: dict, stem: str) -> str:
    first, *rest = p["paras"]
    first_name, last_name = p["name"].split(" ", 1)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<metadata><meta name="DC.identifier" content="{stem}"/>
<meta name="OVERHEIDop.dossiernummer" content="{p['dossier'].replace(' ', '', 1).replace(' ', '-')}"/>
<meta name="OVERHEIDop.ondernummer" content="{p['nr']}"/></metadata>
<kamerstuk><kamerstukkop><tekstregel inhoud="kameraanduiding">Tweede Kamer der Staten-Generaal</tekstregel>
<tekstregel inhoud="vergaderjaar">Vergaderjaar 2019-2020</tekstregel></kamerstukkop>
<dossier><dossiernummer><dossiernr>{p['dossier']}</dossiernr></dossiernummer><titel>{escape(p['title'])}</titel></dossier>
<stuk><stuknr>Nr. <ondernummer>{p['nr']}</ondernummer></stuknr><titel>{p['kind']}</titel>
<algemeen><brief><aanhef><richting><al>{p['to']}</al></richting>
<al><plaats>Den Haag</plaats>, <datum isodatum="{p['iso']}">{p['date']}</datum></al></aanhef>
<al>{escape(first)}<noot id="n1" type="voet"><noot.nr>1</noot.nr><noot.al>{NOTE}</noot.al></noot></al>
{"".join(f"<al>{escape(t)}</al>" for t in rest)}
<slotformule/><ondertekening><functie>{p['function']}</functie><naam><voornaam>{first_name}</voornaam>
<achternaam>{last_name}</achternaam></naam></ondertekening></brief></algemeen></stuk></kamerstuk>
</officiele-publicatie>
"""


def ob_html(p: dict, stem: str) -> str:
    first, *rest = p["paras"]
    return f"""<!DOCTYPE html>
<html lang="nl"><head><title>{stem} | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="DC.identifier" content="{stem}">
<meta name="OVERHEIDop.dossiernummer" content="{p['dossier'].replace(' ', '', 1).replace(' ', '-')}">
<meta name="OVERHEIDop.ondernummer" content="{p['nr']}">
<script>var menu = "Zoeken in officiële publicaties";</script><style>.x{{color:red}}</style></head>
<body><a class="skiplink" href="#content">Skip navigatie, ga direct naar de Inhoud</a>
<div id="cookiebar">Deze site gebruikt cookies. <button>Akkoord</button></div>
<header class="header"><nav><ul><li><a href="/">Home</a></li>
<li><a href="/zoeken">Uitgebreid zoeken</a></li></ul></nav>
<form class="search"><input name="q"><button>Zoek</button></form></header>
<div class="breadcrumb">U bent hier: Home / Kamerstuk</div>
<main id="content"><div class="row"><div id="broodtekst" class="stuk">
<p class="kamerstuk-meta">Tweede Kamer der Staten-Generaal</p>
<h1 class="dossiertitel">{p['dossier']} {escape(p['title'])}</h1>
<h2 class="stuktitel">Nr. {p['nr']} {p['kind']}</h2>
<p class="aanhef">{p['to']}</p><p>Den Haag, {p['date']}</p>
<p>{escape(first)}<sup><a class="nootnum supernote-click-ID-1" href="#ID-1-n1"><span
 class="u-visually-hidden">Noot</span>1</a></sup></p>
{"".join(f"<p>{escape(t)}</p>" for t in rest)}
<p class="ondertekening">{p['function']} {p['name']}</p>
<div class="voetnoten"><ul><li class="voetnoot" id="ID-1-n1"><a class="nootnum" href="#ID-1">1</a>
 Noot {NOTE}</li></ul></div>
</div></div></main>
<aside class="sidebar"><h2>Downloads</h2><a href="{stem}.pdf">PDF</a><a href="{stem}.xml">XML</a></aside>
<footer class="footer"><p>Over deze site | Contact | Privacy | Toegankelijkheid</p></footer>
</body></html>
"""


def _commitments(report: dict) -> list[tuple]:
    return [(c["kind"], c["status"], c["evidence"]["sentence"], json.dumps(c["deadline"], sort_keys=True))
            for c in report["commitments"]]


@pytest.fixture(scope="module")
def nlp():
    from toezegging_cli.tag import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize("fmt", ["xml", "html"])
@pytest.mark.parametrize("stem", LETTERS)
def test_copy_gives_the_text_versions_commitments_and_the_gold_metadata(tmp_path, corpus_dir, nlp, stem, fmt):
    from toezegging_cli.extract import extract_path

    text_path = corpus_dir / "letters" / f"{stem}.txt"
    gold = json.loads((corpus_dir / "gold" / f"{stem}.gold.json").read_text(encoding="utf-8"))["letter"]
    parts = _parts(text_path.read_text(encoding="utf-8"))
    copy = tmp_path / f"{stem}.{fmt}"
    copy.write_text((ob_xml if fmt == "xml" else ob_html)(parts, stem), encoding="utf-8")

    from_text = extract_path(str(text_path), nlp=nlp).to_dict()
    got = extract_path(str(copy), nlp=nlp).to_dict()
    assert got["source"]["format"] == fmt
    jsonschema = pytest.importorskip("jsonschema")
    from toezegging_cli.render.schema import report_schema

    assert list(jsonschema.Draft202012Validator(report_schema()).iter_errors(got)) == []
    assert _commitments(got) == _commitments(from_text)
    assert got["commitments"]
    letter = got["letter"]
    assert letter["kamerstuk"] == f"{parts['dossier'].replace(' ', '', 1).replace(' ', '-')}-{parts['nr']}"
    for key in ("date", "ministry", "recipient"):
        assert letter[key] == gold[key], key
    assert [(s["name"], s["role"]) for s in letter["signatories"]] == \
        [(s["name"], s["role"]) for s in gold["signatories"]]
    assert any(w.startswith("metadata from the document's own fields") for w in got["warnings"])

    read = read_letter(str(copy))
    assert [(n.number, n.text) for n in read.footnotes] == [(1, NOTE)]
    assert NOTE not in read.body and "Noot" not in read.body
    for chrome in ("Skip navigatie", "cookies", "Uitgebreid zoeken", "U bent hier", "Downloads", "Privacy",
                   "Vergaderjaar", "var menu"):
        assert chrome not in read.body
    assert read.body == extract_body(text_path)


def extract_body(path: Path) -> str:
    return read_letter(str(path)).body


def test_document_fields_win_over_the_text(tmp_path):
    """The XML's own ondertekening and isodatum are taken over what the printed lines say."""
    xml = ob_xml({"dossier": "36 600 IV", "title": "Begroting", "nr": "70",
                  "kind": "BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
                  "to": "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "date": "20 juni 2025",
                  "iso": "2025-06-21",
                  "paras": ["Ik zal uw Kamer voor de zomer informeren over de uitkomsten."],
                  "function": "De Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,",
                  "name": "Z.S. Szabó"}, "kst-36600-IV-70")
    path = tmp_path / "kst.xml"
    path.write_text(xml, encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.meta.date == "2025-06-21"  # the isodatum field, not the printed 20 juni
    assert letter.meta.kamerstuk == "36600-IV-70"
    assert letter.meta.ministry == "Binnenlandse Zaken en Koninkrijksrelaties"
    assert [(s.name, s.role) for s in letter.meta.signatories] == [("Z.S. Szabó", "staatssecretaris")]
    assert "datum" in letter.warnings[-1] and "ondertekening" in letter.warnings[-1]


def test_class_words_drop_chrome_only_outside_the_document_block():
    text = "Ik zal uw Kamer voor de zomer van 2026 informeren over de uitkomsten van het onderzoek. " * 3
    marked = (f'<!DOCTYPE html><html><body><div class="menu">Menu</div><div id="broodtekst">'
              f'<p class="stuk-header">Nr. 5 BRIEF VAN DE MINISTER VAN FINANCIËN</p><p>{text}</p>'
              f'<p><span class="sr-only">Noot</span></p></div></body></html>').encode()
    lines = [ln.text for ln in obhtml.read_html(marked, "x.html").layout.lines]
    assert lines == ["Nr. 5 BRIEF VAN DE MINISTER VAN FINANCIËN", text.strip()]
    bare = f'<html><body><div class="site-header">Overheid.nl</div><p>{text}</p></body></html>'.encode()
    assert [ln.text for ln in obhtml.read_html(bare, "x.html").layout.lines] == [text.strip()]


# --- safety and what is not ours ------------------------------------------------------------------


def test_xml_entities_are_not_expanded_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIME-INHOUD", encoding="utf-8")
    laughs = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 9))
    xml = (f'<?xml version="1.0"?><!DOCTYPE officiele-publicatie [<!ENTITY l0 "ha">{laughs}'
           f'<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
           "<officiele-publicatie><kamerstuk><stuk><algemeen>"
           "<al>Ik zal uw Kamer voor de zomer informeren. &xxe; &net; &l8;</al>"
           "</algemeen></stuk></kamerstuk></officiele-publicatie>")
    path = tmp_path / "kwaad.xml"
    path.write_text(xml, encoding="utf-8")
    try:
        letter = read_letter(str(path))
    except LetterError as exc:  # refusing is fine too; expanding is not
        assert "GEHEIME" not in str(exc)
        return
    assert "GEHEIME-INHOUD" not in letter.body
    assert "haha" not in letter.body
    assert len(letter.body) < 500


def test_external_entity_stays_unread(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text("GEHEIME-INHOUD", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE officiele-publicatie [<!ENTITY xxe SYSTEM "file://{secret}">]>'
           "<officiele-publicatie><kamerstuk><stuk><algemeen>"
           "<al>Ik zal uw Kamer voor de zomer van 2026 informeren over de uitkomsten. &xxe;</al>"
           "</algemeen></stuk></kamerstuk></officiele-publicatie>")
    path = tmp_path / "xxe.xml"
    path.write_text(xml, encoding="utf-8")
    letter = read_letter(str(path))
    assert letter.source.format == "xml"
    assert letter.body == "Ik zal uw Kamer voor de zomer van 2026 informeren over de uitkomsten."


@pytest.mark.parametrize("head", [
    b'<?xml version="1.0" encoding="UTF-8"?>\n<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">',
    b"<?xml version='1.0'?><root><officiele-publicatie/></root>",
    b"<officiele-publicatieX>",
    b"",
])
def test_only_officielebekendmakingen_xml_is_claimed(head):
    assert not obhtml.is_ob_xml(head)


def test_ob_root_is_recognised_after_prolog_comment_and_doctype():
    assert obhtml.is_ob_xml(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- kst -->\n<!DOCTYPE x>\n'
                            b"<officiele-publicatie>")
    assert obhtml.is_ob_xml(b"<op:officiele-publicatie xmlns:op='x'>")


# --- bad input ------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toezegging_cli", *args], capture_output=True, text=True,
                          timeout=300)


@pytest.mark.parametrize("name, data, reason", [
    ("kapot.xml", b"<?xml version='1.0'?><officiele-publicatie><kamerstuk><al>Tekst", "broken XML ("),
    ("leeg.html", b"<!DOCTYPE html><html><head><title>x</title></head><body><nav>Menu</nav></body></html>",
     "no text in the document"),
])
def test_bad_markup_is_one_line_and_exit_2(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    done = _cli("extract", str(path))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"toezegging: {path}: {reason}") and done.stderr.count("\n") == 1


# --- fuzz -----------------------------------------------------------------------------------------

_MARKUP = st.lists(st.sampled_from([
    "<al>", "</al>", "<noot>", "</noot>", "<noot.nr>1</noot.nr>", "<p>", "</p>", "<sup>1</sup>",
    "<div class='noten'>", "</div>",
    "<ondertekening><functie>De Minister van Financiën,</functie><naam>A. B</naam></ondertekening>",
    "<meta name='OVERHEIDop.ondernummer' content='3'/>", "&amp;", "&x;", "<![CDATA[x]]>", "Noot",
    "Den Haag, 1 mei 2020", "Ik zal uw Kamer informeren.", "<", ">", "\x00", "é",
    "<datum isodatum='2020-13-45'>", "</datum>", "<li>", "</li>",
]), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_MARKUP)
def test_markup_readers_never_crash(body):
    for data in (f"<officiele-publicatie>{body}</officiele-publicatie>".encode(),
                 f"<!DOCTYPE html><html><body>{body}</body></html>".encode(), body.encode()):
        for reader in (obhtml.read_xml, obhtml.read_html):
            try:
                markup = reader(data, "fuzz")
            except LetterError as exc:
                assert "\n" not in str(exc)
                continue
            assert all("\n" not in ln.text for ln in markup.layout.lines)
            assert markup.fields.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", markup.fields.date)
        assert isinstance(obhtml.is_ob_xml(data), bool) and isinstance(obhtml.is_html(data), bool)
