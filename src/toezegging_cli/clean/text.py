"""Plain text: lines, pages and paragraphs, footnotes by their glued markers (`clean_text`)."""

from __future__ import annotations

import itertools
import re

from toezegging_cli.clean.layout import Layout, TextLine, normalize_chars
from toezegging_cli.clean.paragraphs import OPEN_END, SENTENCE_END, join_lines
from toezegging_cli.model import Footnote

# ---------------------------------------------------------------------------------------------
# Plain text

_EDITORIAL = re.compile(r"\s*\[(?:\.\.\.|…)[^\]]{0,40}\]\s*")
_ONE_CELL = re.compile(r"\|([^|]*)\|")
_ONE_CELL_RULE = re.compile(r"\|\s*:?-{3,}:?\s*\|")


def unbox_one_cell_tables(raw: list[str]) -> list[str]:
    """A table of one column in a text copy ('| De staatssecretaris …, A. de Vries |' / '|---|') is a
    box around ordinary lines: its cells become lines, its rule goes."""
    out = list(raw)
    for i, line in enumerate(raw):
        if not _ONE_CELL_RULE.fullmatch(line.strip()):
            continue
        out[i] = ""
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(raw) and (m := _ONE_CELL.fullmatch(raw[k].strip())):
                out[k] = m.group(1).strip()
                k += step
    return out


# Stored copies that flatten a letter onto one line ("… BRIEF VAN DE MINISTER … Aan de Voorzitter van
# de Tweede Kamer der Staten-Generaal Den Haag, 13 november 2009 Op 19 september …"): the addressee
# and the place-and-date line start and end header lines of their own.
_FLAT_ADDRESSEE = re.compile(
    r"(?<=\S)[ \t]+(?=Aan de Voorzitter van de (?:Tweede|Eerste) Kamer der Staten-Generaal\b)")
_FLAT_DATELINE = re.compile(
    r"(?<=\S)[ \t]+(Den Haag, \d{1,2} [a-z]+ \d{4})[ \t]+(?=[A-Z])")


# The same for the closing: "… de beleidsreactie. De minister van Onderwijs, Cultuur en Wetenschap,
# R. H. A. Plasterk De staatssecretaris van …, J. M. van Bijsterveldt" and "… over dit onderwerp.
# DE STAATSSECRETARIS VAN DEFENSIE drs. J.G. de Vries": each signer's role and name on lines of their
# own, read only in the last lines of the text.
_SIGN_TAIL = 600
_FLAT_ROLE = re.compile(
    r"(?<=\S)[ \t]+(?=(?:De|DE|de) (?:[Mm]inister(?:-[Pp]resident)?|[Ss]taatssecretaris"
    r"|MINISTER(?:-PRESIDENT)?|STAATSSECRETARIS)\b)")
_FLAT_NAME = re.compile(
    r"(?<=[,A-Z])[ \t]+(?=(?:(?:drs|dr|mr|ir|prof|ing)\.[ \t]*)*(?:[A-Z]\.[ \t]?){1,5}[ \t]?(?:[a-z]+[ \t])*"
    r"[A-Z][\w'-]+(?:[ \t-][\w'-]+)*,?[ \t]*(?:\n|$|(?=[ \t]+(?:De|DE) )))")


# A ministry letterhead flattened with its body ("> Retouradres … Datum 19 september 2014 Betreft Ex post
# compensaties … Correspondentie uitsluitend richten aan … Geachte voorzitter, Met deze brief …"): the
# date, the subject and the salutation get lines of their own, looked for only in the text's head.
_FLAT_HEAD = 1500
_FLAT_LABELS = r"Uw brief|Uw referentie|Uw kenmerk|Ons kenmerk"  # fields that may be left empty
_FLAT_FIELD = re.compile(
    r"(?<=\S)[ \t]+(?=(?:Datum \d{1,2} [a-z]+ \d{4}|Betreft [A-Z0-9]|Correspondentie uitsluitend"
    rf"|(?:{_FLAT_LABELS}|Bij beantwoording)\b"
    r"|(?:Geachte|Hooggeachte|Zeer geachte) (?:[Vv]oorzitter|heer|mevrouw)\b))")
# a field left empty runs on into the body's first sentence: 'Uw referentie In deze brief reageer ik …'
_FLAT_EMPTY_FIELD = re.compile(
    rf"(?m)^({_FLAT_LABELS})[ \t]+"
    r"(?=(?:In|Met|Hierbij|Hiermee|Naar|Graag|Ik|Zoals|Tijdens|Mede|Op|Bij brief)\s)")
_FLAT_DATUM_END = re.compile(r"(?m)^(Datum \d{1,2} [a-z]+ \d{4})[ \t]+(?=\S)")
_FLAT_SALUTATION_END = re.compile(
    r"(?m)^((?:Geachte|Hooggeachte|Zeer geachte) (?:[Vv]oorzitter|heer|mevrouw)[^,\n]{0,40},)[ \t]+(?=[A-Z])")


def _unflatten_letterhead(text: str) -> str:
    """Line breaks in a letterhead run into the body, when the text starts with one long line."""
    first = text.lstrip().split("\n", 1)[0]
    if len(first) < _FLAT_HEAD // 3 or not re.search(r"\b(?:Datum|Betreft)\b", first[:_FLAT_HEAD]):
        return text
    head, rest = text[:_FLAT_HEAD], text[_FLAT_HEAD:]
    head = _FLAT_FIELD.sub("\n\n", head)
    head = _FLAT_DATUM_END.sub(lambda m: m.group(1) + "\n\n", head)
    head = _FLAT_EMPTY_FIELD.sub(lambda m: m.group(1) + "\n\n", head)
    head = _FLAT_SALUTATION_END.sub(lambda m: m.group(1) + "\n\n", head)
    return head + rest


def unflatten_header(text: str) -> str:
    """Line breaks around the addressee, the date line, the letterhead fields and the signers where a
    copy ran them into the body."""
    text = _unflatten_letterhead(text)
    text = _FLAT_ADDRESSEE.sub("\n\n", text)
    text = _FLAT_DATELINE.sub(lambda m: "\n\n" + m.group(1) + "\n\n", text)
    head, tail = text[:-_SIGN_TAIL], text[-_SIGN_TAIL:]
    last = tail.rstrip().rsplit("\n", 1)[-1]
    if _FLAT_ROLE.search(last) and len(last) > 200:  # a closing run into the last body line
        fixed = _FLAT_NAME.sub("\n", _FLAT_ROLE.sub("\n\n", last))
        tail = tail.replace(last, fixed)
    return head + tail


def text_lines(text: str) -> tuple[list[TextLine], int]:
    """Split plain text into TextLines with pages and paragraph boundaries; return them and the page count.

    Pages end at form feeds or, for text copied out of a PDF, at runs of four or more blank lines.
    Text with long lines (one paragraph per line) breaks at every newline; wrapped text breaks at
    blank lines and where a line ends early (the next word would have fitted).
    """
    text = unflatten_header(text.replace("\r\n", "\n").replace("\r", "\n"))
    raw = unbox_one_cell_tables(
        [normalize_chars(_EDITORIAL.sub(" ", ln)).rstrip() for ln in text.split("\n")])
    lengths = sorted(len(ln.strip()) for ln in raw if ln.strip())
    if not lengths:
        return [], 1
    p90 = lengths[int(0.9 * (len(lengths) - 1))]
    wrapped = p90 <= 150
    width = lengths[int(0.95 * (len(lengths) - 1))]

    form_feeds = "\f" in text
    out: list[TextLine] = []
    page = 1
    blanks = 0
    page_break = False
    for ln in raw:
        if "\f" in ln:
            page += ln.count("\f")
            page_break = True
            ln = ln.replace("\f", "")
        stripped = ln.strip()
        if not stripped:
            blanks += 1
            continue
        if not form_feeds and blanks >= 4 and out:
            page += 1
            page_break = True
        new_para = not wrapped or blanks > 0 or not out
        if new_para and out and not blanks and OPEN_END.search(out[-1].text) and (
                stripped[0].islower() or stripped[0].isdigit()):
            new_para = False  # a line cut after 'van' goes on, also in text of one paragraph a line
        if out and page_break and wrapped:
            new_para = bool(SENTENCE_END.search(out[-1].text)) or not stripped[0].islower()
        out.append(TextLine(text=stripped, page=page, new_para=new_para))
        blanks = 0
        page_break = False
    if wrapped:
        for a, b in itertools.pairwise(out):
            first = b.text.split()[0]
            a.ends_early = len(a.text) + 1 + len(first) < 0.85 * width
    return out, page


_TEXT_NOTE = re.compile(r"(\d{1,3})\s+(\S.*)")
# A note number glued to a lower-case word ('rol1'), or after a word's full stop, closing bracket or
# quote ('voorstel.1 Met', 'Motie#21).1Met', '(AEF)1,'), or to a year or its full stop ('15 december 20161
# heeft', 'van 14 april en 15 juli 2016.3 Daarnaast'); the
# next word may be glued on too ('toegezegd3om').
_TEXT_MARKER = re.compile(r"(?:(?<=[a-zà-ÿ]{3})|(?<=[a-zà-ÿ)»”’\"']\.)|(?<=[A-Za-zà-ÿ][)»”’\"'])"
                          r"|(?<=\s(?:19|20)\d\d)|(?<=\s(?:19|20)\d\d\.))(\d{1,2})(?=[\s.,;:)\]]|$|[A-Z]|[a-zà-ÿ]{2})")
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


def strip_text_markers(lines: list[TextLine], first: int = 1) -> tuple[list[TextLine], list[int]]:
    """Remove note numbers glued to words in plain text ('rol1' -> 'rol', 'voorstel.1 Met').

    Without font sizes, a glued number only counts as a marker when the numbers found run in
    sequence from `first` (1, 2, 3 ...), which tells them from words with digits in them; numbers in
    URLs or after a code with digits ('2022D22249') never count. Returns the lines and the numbers
    removed.
    """
    expected = first
    found: list[int] = []
    out = []
    for ln in lines:
        text = ln.text
        pieces = []
        pos = 0
        for m in _TEXT_MARKER.finditer(text):
            token = text[text.rfind(" ", 0, m.start()) + 1: m.start()]
            if int(m.group(1)) != expected or re.search(r"/|www\.|@|_|=", token):
                continue
            if token[-1:].isalpha() and not _WORD_BEFORE.search(token.lstrip("(«“‘\"'")):
                continue
            expected += 1
            found.append(int(m.group(1)))
            pieces.append(text[pos:m.start()])
            if text[m.end():m.end() + 1].isalpha():
                pieces.append(" ")
            pos = m.end()
        pieces.append(text[pos:])
        out.append(TextLine(**{**ln.__dict__, "text": "".join(pieces)}))
    return out, found


def split_text_footnotes(lines: list[TextLine]) -> tuple[list[TextLine], list[Footnote]]:
    """Take footnotes out of plain text: a block of its own starting 'N text' whose N is a marker.

    The note numbers must match markers glued into the preceding text (e.g. 'rol1'), in sequence;
    the markers are removed with them.
    """
    stripped, markers = strip_text_markers(lines)
    if not markers:
        return stripped, []
    notes: list[Footnote] = []
    body: list[TextLine] = []
    current: Footnote | None = None
    wanted = set(markers)
    for k, ln in enumerate(stripped):
        m = _TEXT_NOTE.fullmatch(ln.text)
        starts_block = ln.new_para or (k > 0 and stripped[k - 1].ends_early)
        number = int(m.group(1)) if m else 0
        if m and starts_block and number in wanted and (not notes or number > notes[-1].number):
            current = Footnote(number=int(m.group(1)), text=m.group(2).strip(), page=ln.page)
            notes.append(current)
            continue
        if current is not None and not ln.new_para and ln.page == current.page:
            current.text = join_lines(current.text, ln.text)
            continue
        current = None
        body.append(ln)
    if not notes:
        return lines, []
    return body, notes


def clean_text(text: str) -> Layout:
    """Plain text to a Layout: lines with paragraph marks, footnotes taken out, markers removed."""
    lines, pages = text_lines(text)
    lines, notes = split_text_footnotes(lines)
    if not notes:
        lines, _ = strip_text_markers(lines)
    return Layout(lines=lines, footnotes=notes, pages=pages)
