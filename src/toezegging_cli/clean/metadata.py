"""Letter metadata from the header, sidebar and closing; those lines leave the body.

Recognises the ministry letter layout (sidebar, addressee block, 'Datum', 'Betreft'), the
officielebekendmakingen layout ('26 991 Titel / Nr. 524 BRIEF VAN DE MINISTER ... / Aan de
Voorzitter ... / Den Haag, 5 juni 2018'), the Tweede Kamer 'Brief regering' copies and a closing
with one or more signers. A field that is not in the letter stays None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from toezegging_cli.clean import TextLine, is_page_number
from toezegging_cli.clean.closing import BODY_END, Role, find_closing, run_on_signers
from toezegging_cli.clean.ministries import (
    complete_ministry,
    host_ministry,
    known_ministry,
    ministry_abbreviations,
    ministry_of,
    proper_case,
)
from toezegging_cli.model import LetterMeta, Signatory

CLOSING_TAIL_LINES = 6  # the last lines a flattened two-column closing may run over
MONTHS = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
          "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "okt": 10, "nov": 11, "dec": 12}
_DATE_NL = r"(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})"
_DATE_ISO = r"(\d{4})-(\d{2})-(\d{2})"
_DATE_NUM = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"

_DATUM = re.compile(rf"Datum\s*:?\s+(?:{_DATE_NL}|{_DATE_NUM}|{_DATE_ISO})\s*", re.I)
# the letterhead's labels and values flattened into rows: 'Datum 17 februari 2010 Uw brief' (the next
# label runs on), or 'Datum Betreft' over '20 juni 2014 Nazorg steenkolenwinning Limburg'
_SIDE_LABELS = r"(?:Uw brief|Uw kenmerk|Ons kenmerk|Kenmerk|Betreft|Onderwerp|Bijlage\(n\)|Bijlagen?)"
_DATUM_RUN_ON = re.compile(rf"Datum\s*:?\s+{_DATE_NL}\s+{_SIDE_LABELS}\b.*", re.I)
_DATUM_ROW = re.compile(rf"Datum(\s+{_SIDE_LABELS})+\s*", re.I)
_PLACE_DATE = re.compile(
    rf"(?:Den Haag|['’]s[- ]Gravenhage|[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s+{_DATE_NL}\.?\s*")
_BARE_DATE = re.compile(
    rf"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?{_DATE_NL}", re.I)
# a label over its date: 'Uw brief van', 'Ons kenmerk'
_DATE_LABEL = re.compile(r"(?:^(?:uw|ons)\b|\b(?:van|d\.d\.)\s*:?\s*$)", re.I)
# the place and date run on after the addressee on one line, as stored copies of Kamerstukken give
# them: 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 11 juni 2019'
_RUN_ON_DATE = re.compile(rf"Staten-Generaal,?\s+(?:Den Haag|['’]s[- ]Gravenhage),\s+{_DATE_NL}")
# the Aanhangsel Handelingen's notice that Kamervragen are answered later, or its answer: "Mededeling van
# staatssecretaris Dijksma (Economische Zaken) (ontvangen 10 april 2013).", "Antwoord van minister Bos
# (Financiën) (ontvangen 26 januari 2009)"
_MEDEDELING = re.compile(
    rf"(Mededeling|Antwoord) van (?:de )?(?:minister|staatssecretaris)\b[^()]*\(([^()]+)\)\s*"
    rf"\(ontvangen\s+{_DATE_NL}\)\.?", re.I)
_NUMMER_DATUM = re.compile(rf"Nummer\s*:\s*(\S+?),?\s+datum\s*:\s*{_DATE_ISO}\s*", re.I)
# 'Betreft Emissies ...' / 'Betreft: beantwoording ...'; not a sentence that starts with 'Betreft het'.
_BETREFT = re.compile(r"(?:Betreft|Onderwerp)(?:\s*:\s*(\S.*[^?])|\s+([A-Z0-9À-Þ«\"“‘'(].*[^?]))")
_BRIEF_REGERING = re.compile(r"Brief regering(?:\s*:\s*(\S.*))?\s*", re.I)
# the Tweede Kamer site's title line of a letter: 'Kinderopvang; Brief regering; Samenhang tussen diverse
# trajecten op het terrein van kinderopvang' (dossier; kind; the letter's own title)
_SITE_TITLE = re.compile(r"[^;]{2,200};\s*Brief regering\s*;\s*(\S.*?)\s*", re.I)
_KENMERK = re.compile(r"(?:Ons kenmerk|Onze referentie|Kenmerk)\s*:?\s*(\S.*)?", re.I)
_LABEL = re.compile(r"(?:Ons kenmerk|Onze referentie|Kenmerk|Uw kenmerk|Uw brief|Uw referentie|Bijlage\(n\)|"
                    r"Bijlagen?|Contactpersoon|Datum|Betreft|Onderwerp|Inlichtingen|Doorkiesnummer)\b", re.I)
# a subject runs over at most this many lines; a copy without paragraph breaks goes on into the body
_SUBJECT_LINES = 4
# the letterhead's standing notes under its fields: 'Bij beantwoording de datum en ons kenmerk vermelden.'
_LETTERHEAD_NOTE = re.compile(r"(?:Bij beantwoording|Wilt u slechts|Correspondentie uitsluitend)\b", re.I)
_CHAMBER = re.compile(r"(?:Aan\s+)?De\s+voorzitter\s+van\s+de\s+(Tweede|Eerste)\s+Kamer", re.I)
_RETOUR = re.compile(r">?\s*Retouradres\b", re.I)
# the griffie's notes above a letter laid before the Kamer (voorhang): 'Ontvangen ter Griffie op 3 november
# 2014.', 'Ter griffie van de Tweede Kamer der Staten-Generaal ontvangen op 22 mei 2023.', 'Het besluit … kan
# niet eerder worden genomen dan op 3 december 2014.', 'De wens om … nadere inlichtingen te ontvangen kan … te
# kennen worden gegeven uiterlijk op 21 juni 2023.'
_GRIFFIE_NOTE = re.compile(
    r"(?:Ontvangen ter griffie|Ter griffie\b[^.]{0,60}\bontvangen) op\b.*"
    r"|(?:Het|De) \w+[^.]{0,160}\bniet eerder\b[^.]{0,80}\bdan op\b.*"
    r"|De wens om\b[^.]{0,200}\bte kennen (?:worden )?gegeven\b.*", re.I)
_SALUTATION = re.compile(r"(?:Geachte|Hooggeachte|Zeer geachte)\b.{0,60}", re.I)
# 'Nr. 857 BRIEF VAN …', also after a reprint mark or an Eerste Kamer letter code with its note
# number ('HERDRUK1 BRIEF VAN …', 'AG1 BRIEF VAN …'), or without 'van de' ('BRIEF MINISTER VAN LNV')
_BRIEF_VAN = re.compile(
    r"(?:Nr\.?\s*\d+\s+)?(?:(?:herdruk|[a-z]{1,3})\d{0,2}\s+)?Brief\s+"
    r"(?:van\s+(?:de\s+)?|(?=(?:minister|staatssecretaris)\b))(.+)", re.I)
_DOSSIER = re.compile(r"(\d{2})\s?(\d{3})(?:\s+([IVXLC]+|[A-Z]))?(?=\s|$)")
_NR = re.compile(r"[Nn]r\.?\s*(\d+)\b")
_MINISTERIE = re.compile(r"Ministerie\s+van\s+(.+)", re.I)
_REFERENCE = re.compile(r"[\w./&-]*\d[\w./&-]*")
# a reference of up to three parts right after its label: 'PO/OO 158993', 'DGETM-EM / 14104821'
_REFERENCE_RUN = re.compile(r"[\w./&-]+(?:\s+[\w./&-]+){0,2}")
# a reference among the values of a letterhead whose labels were printed side by side: letters, a
# slash or dash and digits ('HO&S/CBV/14692', 'VENW/DGP-2008/5725'), not a date's year
_REFERENCE_TOKEN = re.compile(r"(?<!\S)[A-Za-z&]+[\w&]*(?:[./-][\w&]+)*[./-]\d[\w&./-]*(?!\S)")
_OWN_LABEL_IN = re.compile(r"\b(?:Ons kenmerk|Onze referentie)\b\s*:?\s*(.*)", re.I)
# a reference standing alone between the address block and the date, with no label ('GMT/MVG-2917489')
_BARE_REFERENCE = re.compile(r"[A-Z][A-Za-z&]*(?:[/-][A-Za-z&]+)*[/-]\d{5,}")
_ADDRESS = re.compile(
    r"\bPostbus\b|\b\d{4}\s?[A-Z]{2}\b|Staten-Generaal|^Vergaderjaar\b|^Tweede Kamer der", re.I)


def parse_date(text: str) -> str | None:
    """ISO date from '22 december 2022', '5 juni 2018', '22-12-2022' or '2025-07-21'; None if not real."""
    m = re.search(_DATE_ISO, text)
    n = re.search(_DATE_NUM, text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif n:
        d, mo, y = int(n.group(1)), int(n.group(2)), int(n.group(3))
    else:
        m = re.search(_DATE_NL, text)
        if not m or m.group(2).lower() not in MONTHS:
            return None
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Header


@dataclass
class Header:
    end: int = 0  # lines[:end] are header
    date: str | None = None
    subject: str | None = None
    reference: str | None = None
    kamerstuk: str | None = None
    recipient: str | None = None
    ministry: str | None = None
    salutation: bool = False


def parse_header(lines: list[TextLine], limit: int = 40) -> Header:
    """Header fields from the first lines of page 1 and the index where the body begins.

    The header ends at the salutation, or else at the last header line found (date, subject,
    'Aan de Voorzitter', 'BRIEF VAN ...', 'Nr.'); scanning stops after four ordinary lines in a row
    once a header line was seen.
    """
    h = Header()
    first_page = lines[0].page if lines else 1
    anchor = -1
    dossier: str | None = None
    bare_brief_regering = False
    answer: tuple[str | None, str | None] = (None, None)  # ministry and chamber of an Aanhangsel answer
    plain_run = 0
    k = 0
    while k < min(len(lines), limit) and lines[k].page == first_page:
        text = lines[k].text.strip()
        known = True
        if h.date is None and (run_on := _RUN_ON_DATE.search(text)):
            h.date = parse_date(run_on.group(0))  # the line may go on into the body: not an anchor
        if _SALUTATION.fullmatch(text) and (text.endswith(",") or len(text.split()) <= 4):
            h.salutation = True
            anchor = k
            break
        if (_DATUM.fullmatch(text) or _PLACE_DATE.fullmatch(text) or _NUMMER_DATUM.fullmatch(text)
                or _DATUM_RUN_ON.fullmatch(text)):
            h.date = h.date or parse_date(text)
            anchor = k
        elif (_DATUM_ROW.fullmatch(text) and k + 1 < len(lines)
              and (value := re.match(_DATE_NL, lines[k + 1].text.strip()))
              and (day := parse_date(value.group(0)))):
            h.date = h.date or day
            rest = lines[k + 1].text.strip()[value.end():].strip()
            if re.match(r"Datum\s+(?:Betreft|Onderwerp)\b", text, re.I) and rest:
                h.subject = h.subject or rest
            k += 1
            anchor = k
        elif found := _paragraph_match(_MEDEDELING, lines, k, first_page):
            m, k = found
            h.date = h.date or parse_date(m.group(0))
            h.ministry = h.ministry or known_ministry(m.group(2))
            h.recipient = h.recipient or "Tweede Kamer"  # the Aanhangsel is the Tweede Kamer's record
            if m.group(1).lower() == "mededeling":
                anchor = k
            else:  # an answer's line follows the questions it answers: it ends no header
                answer = (h.ministry, h.recipient)
        elif _BARE_DATE.fullmatch(text) and (k == 0 or lines[k].new_para) and not (
                k and _DATE_LABEL.search(lines[k - 1].text)):
            # a date as a paragraph of its own ('22 januari 2009'), not the value of a label above it
            # ('Uw brief van', 'b) Datum ontvangst Commissiedocument')
            h.date = h.date or parse_date(text)
            anchor = k
        elif m := _BETREFT.fullmatch(text):
            parts = [(m.group(1) or m.group(2)).strip()]
            while (k + 1 < len(lines) and not lines[k + 1].new_para and lines[k + 1].page == first_page
                   and not _is_header_line(lines[k + 1].text) and len(parts) < _SUBJECT_LINES
                   and not _LETTERHEAD_NOTE.match(lines[k + 1].text.strip())):
                k += 1
                parts.append(lines[k].text.strip())
            h.subject = re.sub(r"\s+", " ", " ".join(parts))
            anchor = k
        elif m := _SITE_TITLE.fullmatch(text):
            h.subject = h.subject or m.group(1)
            anchor = k
        elif m := _BRIEF_REGERING.fullmatch(text):
            if m.group(1):
                h.subject = m.group(1).strip()
            else:
                bare_brief_regering = True
            anchor = k
        elif m := _CHAMBER.match(text):
            h.recipient = h.recipient or f"{m.group(1).capitalize()} Kamer"
            if text.lower().startswith("aan"):
                anchor = k
        elif _RETOUR.match(text):
            anchor = k
        elif _GRIFFIE_NOTE.fullmatch(text):
            pass
        elif (m := _KENMERK.fullmatch(text)) and not text.lower().startswith("uw"):
            value = m.group(1) or (lines[k + 1].text.strip() if k + 1 < len(lines) else "")
            h.reference = h.reference or reference_value(value)
        elif _BARE_REFERENCE.fullmatch(text):
            h.reference = h.reference or text
        elif (m := _OWN_LABEL_IN.search(text)) and (value := reference_value(m.group(1))):
            h.reference = h.reference or value  # labels printed side by side in one line
        elif _BRIEF_VAN.fullmatch(text) and re.search(r"minister|staatssecretaris", text, re.I):
            h.ministry = h.ministry or ministry_of(text)
            nr = _NR.match(text)
            if nr and dossier:
                h.kamerstuk = h.kamerstuk or f"{dossier}-{nr.group(1)}"
            anchor = k
        elif (m := _NR.fullmatch(text)) and dossier:
            h.kamerstuk = h.kamerstuk or f"{dossier}-{m.group(1)}"
            anchor = k
        elif (m := _DOSSIER.match(text)) and not _looks_like_date_or_number(text):
            if dossier is None:
                dossier = m.group(1) + m.group(2) + (f"-{m.group(3)}" if m.group(3) else "")
        elif m := _MINISTERIE.fullmatch(text):
            # the name may run over the next lines of a letterhead ('Ministerie van Infrastructuur en')
            following = " ".join(ln.text.strip() for ln in lines[k + 1:k + 3])
            name = known_ministry(f"{m.group(1)} {following}") or (
                None if re.search(r"(?:\ben|,)\s*$", m.group(1)) else proper_case(m.group(1)))
            h.ministry = h.ministry or name
        elif not _ADDRESS.search(text) and (len(text.split()) > 6 or BODY_END.search(text)):
            known = False  # a line of prose
        plain_run = 0 if known else plain_run + 1
        if anchor >= 0 and (plain_run >= 4 or (not known and _is_body_sentence(text))):
            break  # the body has begun: a letterhead printed after it is not the header
        k += 1
    if anchor < 0:  # no letter header: nothing here is header metadata but a run-on place and date,
        # or an Aanhangsel answer's line (every other field sets the anchor)
        return Header(date=h.date, ministry=answer[0], recipient=answer[1])
    if bare_brief_regering and h.subject is None and lines:
        h.subject = lines[0].text.strip()
    h.end = anchor + 1
    return h


def _is_body_sentence(text: str) -> bool:
    """A full sentence of prose (15 words or more, ending a sentence): once one follows the header
    lines, the body has begun, even when the letterhead block is printed after it (copies of PDFs
    whose address column comes out last)."""
    return len(text.split()) >= 15 and bool(re.search(r"[.!?]\s*$", text))


def _is_header_line(text: str) -> bool:
    text = text.strip()
    return bool(_LABEL.match(text) or _SALUTATION.match(text) or _PLACE_DATE.fullmatch(text))


def _looks_like_date_or_number(text: str) -> bool:
    return bool(re.match(rf"{_DATE_NL}|\d{{4}}\b|\d+[.,]\d", text))


def sidebar_date(lines: list[TextLine]) -> str | None:
    """Date from a sidebar that carries it: 'Datum 22 december 2022', or 'Datum' over the date."""
    texts = [ln.text.strip() for ln in lines]
    for k, t in enumerate(texts):
        if _DATUM.fullmatch(t):
            return parse_date(t)
        if re.fullmatch(r"Datum\s*:?", t, re.I) and k + 1 < len(texts):
            return parse_date(texts[k + 1])
    return None


def reference_value(value: str) -> str | None:
    """The reference in what follows an 'Ons kenmerk' label: the value up to the next label
    ('IENW/BSK-2020/236124 Bijlage(n) 8 > Retouradres …'), or, where the labels were printed side by
    side ('Ons kenmerk Uw brief van Uw kenmerk 16 mei 2008 HO&S/CBV/14692 18 april 2008'), the first
    value shaped like one."""
    value = value.strip()
    if not value:
        return None
    if not _LABEL.match(value):
        cut = re.search(r"\s(?:>|" + _LABEL.pattern + ")", value, re.I)
        head = value[:cut.start()].strip() if cut else value
        if (m := _REFERENCE_RUN.fullmatch(head)) and re.search(r"\d", m.group(0)):
            return head
        return None
    m = _REFERENCE_TOKEN.search(value)
    return m.group(0) if m else None


# the sender's office where a copy ran the letterhead or the closing into other text: '… Nr. 147 BRIEF VAN DE
# MINISTER VAN DEFENSIE Aan de Voorzitter …', 'Ondertekenaar: Staatssecretaris van Defensie', '… te sturen.
# De Minister van Economische Zaken, H.G.J. Kamp', '(w.g.) H.G.J. Kamp Minister van Economische Zaken'
_BRIEF_VAN_IN = re.compile(r"\bBRIEF VAN DE (?:MINISTER(?:S|-PRESIDENT)?|STAATSSECRETARIS(?:SEN)?)\b"
                           r"[A-Z ,-]*?\b(?:VAN|VOOR) [A-Z][A-Z ,.'-]+")
_SIGNER_LABEL = re.compile(r"\bOndertekenaar\s*:\s*((?:de )?(?:minister|staatssecretaris)\b.*)", re.I)
_OFFICE = re.compile(
    r"(?:De |de |DE )?(?:Minister|MINISTER|Staatssecretaris|STAATSSECRETARIS)(?:-president|-PRESIDENT)?"
    r",? (?:van|voor|VAN|VOOR) [^,\n]{3,90}")
# what stands before an office that signs: a line's or sentence's start, the greeting, '(w.g.)' or the name
_OFFICE_OPENS = re.compile(r"(?:^|[.)]\s*|\n\s*|Hoogachtend,?\s*|\(w\.g\.\)\s*|\b[A-Z][\w'’.-]+\s)$")


def ministry_in_text(text: str, day: str | None) -> str | None:
    """The sender's ministry named in the text of a letter whose letterhead and closing gave none:
    a heading 'BRIEF VAN DE MINISTER VAN …' run into other text, a 'Ondertekenaar:' label, or the
    first office that opens a line or sentence or follows a name or greeting (not 'mede namens de
    Minister van …', not 'vragen aan de Minister van …')."""
    for rx in (_BRIEF_VAN_IN, _SIGNER_LABEL):
        if (m := rx.search(text)) and (found := _known(m.group(0), day)):
            return found
    for m in _OFFICE.finditer(text):
        before = text[max(0, m.start() - 40): m.start()]
        if _OFFICE_OPENS.search(before) and not before.rstrip().lower().endswith("namens") and (
                found := _known(m.group(0), day)):
            return found
    return None


def _known(office: str, day: str | None) -> str | None:
    """The ministry the tables know that an office text names, its name completed for the letter's
    date ('Minister van Sociale Zaken' -> 'Sociale Zaken en Werkgelegenheid'), else None."""
    found = ministry_of(office)
    if not found:
        return None
    found = re.split(r"\s+(?:De|DE)\s", found)[0]  # 'Sociale Zaken De Staatssecretaris van …'
    return known_ministry(found) or known_ministry(complete_ministry(found, day) or "")


def _labelled_reference(lines: list[TextLine]) -> str | None:
    """The reference on a line of its own label ('Onze referentie PO/OO 158993') anywhere in the
    letter: a copy may print the letterhead after the body or below the salutation."""
    for ln in lines:
        m = _KENMERK.fullmatch(ln.text.strip())
        if m and m.group(1) and not _LABEL.match(m.group(1)) and (value := reference_value(m.group(1))):
            return value
    return None


def _paragraph_match(pattern: re.Pattern[str], lines: list[TextLine], k: int,
                     page: int) -> tuple[re.Match[str], int] | None:
    """`pattern` matched in full by line k, or by it and the lines that go on its paragraph (a PDF wraps
    the Aanhangsel's 'Mededeling van minister … (ontvangen 16 augustus 2022).' over two lines): the
    match and the last line it took."""
    text = lines[k].text.strip()
    for j in range(k, min(len(lines), k + _SUBJECT_LINES)):
        if j > k:
            if lines[j].new_para or lines[j].page != page:
                break
            text = f"{text} {lines[j].text.strip()}"
        if m := pattern.fullmatch(text):
            return m, j
    return None


def parse_sidebar(lines: list[TextLine]) -> tuple[str | None, str | None]:
    """(ministry, reference) from a letter's sidebar: 'Ministerie van ...' and 'Ons kenmerk' + value."""
    texts = [ln.text.strip() for ln in lines]
    ministry = None
    joined = " ".join(texts)
    if m := re.search(r"Ministerie\s+van\s+(.+)", joined, re.I):
        ministry = known_ministry(m.group(1))
        if ministry is None:
            block = []
            for t in texts[texts.index(next(t for t in texts if re.search(r"ministerie", t, re.I))):]:
                if re.search(r"\d", t) or _LABEL.match(t):
                    break
                block.append(t)
            name = re.sub(r"^.*?Ministerie\s+van\s+", "", " ".join(block), flags=re.I)
            ministry = proper_case(name) or None
    if ministry is None and (m := re.search(r"rijksoverheid\.nl/([a-z]+)\b", joined, re.I)):
        ministry = ministry_abbreviations().get(m.group(1).lower())  # 'www.rijksoverheid.nl/ezk'
    reference = None
    for k, t in enumerate(texts):
        m = _KENMERK.fullmatch(t)
        if not m or re.match(r"uw", t, re.I):
            continue
        value = (m.group(1) or "").strip()
        if not value and k + 1 < len(texts) and not _LABEL.match(texts[k + 1]):
            value = texts[k + 1]
        if value and (reference := reference_value(value)):
            break
    return ministry, reference


# ---------------------------------------------------------------------------------------------
# Putting it together

_TK_HINTS = re.compile(r"Tweede Kamer|Kamerlid|Kamerleden|commissiedebat|tweeminutendebat|\b\d{4}D\d{5}\b|"
                       r"Brief regering", re.I)
_EK_HINTS = re.compile(r"Eerste Kamer|senator|senatoren|\bsenaat\b", re.I)


def infer_recipient(text: str, salutation: bool) -> str | None:
    """Chamber a letter without addressee block writes to, from how it addresses and names it.

    Only a text that speaks to a chamber ('uw Kamer', 'Geachte voorzitter') counts as a letter;
    then the chamber it names (members, debates, document numbers) decides.
    """
    if not (salutation or re.search(r"\buw Kamer\b", text)):
        return None
    tk, ek = len(_TK_HINTS.findall(text)), len(_EK_HINTS.findall(text))
    if ek > tk:
        return "Eerste Kamer"
    return "Tweede Kamer" if tk else None


def extract_metadata(lines: list[TextLine], sidebar: list[TextLine]) -> tuple[LetterMeta, list[TextLine]]:
    """LetterMeta from header, sidebar and closing; returns it with the body lines left over."""
    header = parse_header(lines)
    body = [ln for ln in lines[header.end:] if not (ln.page == 1 and is_page_number(ln.text))]
    closing = find_closing(body)
    signatories: list[Signatory] = []
    offices: list[Role] = []
    if closing is not None:
        signatories = closing.signatories
        offices = closing.offices
        body = body[:closing.start] + body[closing.end:]
    else:
        # (a closing set in two columns that a copy flattened line by line runs over its last lines)
        signatories = next((found for ln in body if (found := run_on_signers(ln.text))), []) or (
            run_on_signers(" ".join(ln.text for ln in body[-CLOSING_TAIL_LINES:])))
    side_ministry, side_reference = parse_sidebar(sidebar)
    ministry = side_ministry or header.ministry
    if ministry is None:
        ministry = next((m for r in offices if (m := host_ministry(r.portfolio, r.preposition))), None)
    if ministry is None and closing is None:  # signers read from a closing run into other text
        ministry = next((m for s in signatories if s.portfolio and (
            m := known_ministry(s.portfolio) or host_ministry(s.portfolio, None))), None)
    date = header.date or (sidebar_date(sidebar) if header.end else None)
    if ministry is None:
        ministry = ministry_in_text("\n".join(ln.text for ln in lines), date)
    recipient = header.recipient or infer_recipient(
        " ".join(ln.text for ln in lines), header.salutation)
    meta = LetterMeta(
        date=date,
        subject=header.subject,
        reference=side_reference or header.reference or _labelled_reference(lines),
        kamerstuk=header.kamerstuk,
        ministry=complete_ministry(ministry, date),
        recipient=recipient,
        signatories=signatories,
    )
    return meta, body
