"""Read officielebekendmakingen copies of Kamerstukken (kst-…) as HTML or XML.

Both become what the other readers give: a `clean.Layout` of paragraph lines (the letter's heading
— dossier, 'Nr. 87 BRIEF VAN …', 'Aan de Voorzitter …', 'Den Haag, <datum>' — and its closing kept
as lines, so header and closing are read as in a text copy), footnotes apart, plus the metadata the
document states in its own fields (`<meta name="OVERHEIDop.dossiernummer">`, `ondernummer`, the
`<ondertekening>` and date elements of the XML) as a `LetterMeta` whose fields override what the
text gives.

HTML is parsed with lxml.html; site chrome (scripts, navigation, header and footer, cookie bars,
skip links, search forms) is dropped and the document's own block is taken where the page marks
it. The footnote apparatus — markers ('1', or '1 Noot' with the screen-reader word) in the text and
the notes at the end — leaves the body. XML is parsed without DTD loading, entity expansion or
network access, and only when its root is officielebekendmakingen' `<officiele-publicatie>`; other
XML is left to the caller's error path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toezegging_cli.clean import Layout, TextLine, normalize_chars
from toezegging_cli.clean import metadata as md
from toezegging_cli.clean.closing import parse_role
from toezegging_cli.errors import LetterError
from toezegging_cli.model import Footnote, LetterMeta, Signatory

_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?"
                     rb"(?:<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>\s*)*", re.S | re.I)
_OB_ROOT = re.compile(rb"<(?:[\w.-]+:)?officiele-publicatie[\s>/]")
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]", re.I)
_SPACES = re.compile(r"\s+")
_NOOT_WORD = re.compile(r"(?<=\d)\s*Noot\b")
_BEFORE_PUNCT = re.compile(r"\s+(?=[,;:)]|\.(?:\s|$))")

# XML: containers whose text is not the letter's, elements that are one line each, inline parts
# set apart by a space when joined ('<voornaam>B.</voornaam><achternaam>Visser</achternaam>')
_XML_SKIP = {"metadata", "kamerstukkop", "kamervraagkop", "meta", "noot", "nootref", "plaatje", "illustratie"}
_XML_SPACED = {"voornaam", "achternaam", "functie", "naam", "nr", "li.nr", "titel", "entry", "dossiernr",
               "ondernummer", "plaats", "datum", "tussenvoegsel"}
_HEADINGS = {"kop", "tussenkop", "titel"}
_XML_BLOCKS = {"al", "kop", "tussenkop", "titel", "richting", "slotformule", "ondertekening", "dossiernr",
               "stuknr", "row", "regel", "aanhef", "plaats-datum", "dagtekening"}

# HTML: chrome by tag, by role and by id/class words
_HTML_DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "form", "button", "iframe",
                   "svg", "template", "select", "input", "aside"}
_CHROME = re.compile(r"(?:^|[\s_-])(?:nav|navigation|menu|breadcrumbs?|cookie\w*|skip\w*|search|zoek\w*|"
                     r"header|footer|sidebar|share|social|print|toolbar|banner|sr-only|visually-hidden|"
                     r"u-visually-hidden|element-invisible|hidden)(?:$|[\s_-])", re.I)
_HIDDEN = re.compile(r"(?:^|[\s_-])(?:sr-only|visually-hidden|element-invisible|hidden)(?:$|[\s_-])", re.I)
_CONTENT = re.compile(r"(?:^|[\s_-])(?:broodtekst|stuk|kamerstuk|main-content|content-main|"
                      r"document|publicatie)(?:$|[\s_-])", re.I)
_NOTE_BLOCK = re.compile(r"(?:^|[\s_-])(?:voetnoot|voetnoten|noot|noten|footnotes?|notes?)(?:$|[\s_-])", re.I)
_MARKER_CLASS = re.compile(r"nootnum|noot-?ref|footnote-?ref|supernote|noteref", re.I)
_HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "blockquote", "pre",
                "caption", "figcaption", "address"}
_NOTE_NUMBER = re.compile(r"\s*(\d{1,3})[.)]?\s+(\S.*)", re.S)


@dataclass
class Markup:
    """A document read from markup: its layout, the metadata from its own fields, and which fields."""

    layout: Layout
    fields: LetterMeta
    named: list[str] = field(default_factory=list)  # names of the fields the document itself gave


def is_ob_xml(data: bytes) -> bool:
    """Whether `data` is officielebekendmakingen XML: root element <officiele-publicatie>."""
    head = data[:16384]
    m = _PROLOG.match(head)
    rest = head[m.end():] if m else head
    return bool(_OB_ROOT.match(rest))


def is_html(data: bytes) -> bool:
    """Whether `data` starts like an HTML page (doctype or <html> near the start)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_HTML.search(head[:1024]))


def _clean(text: str) -> str:
    return _SPACES.sub(" ", normalize_chars(text)).strip()


def _line(text: str, *, heading: bool = False) -> TextLine:
    return TextLine(text=text, page=1, new_para=True, ends_early=True, heading=heading)


# ---------------------------------------------------------------------------------------------
# XML


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_inline(el, notes: list[Footnote], out: list[str]) -> None:
    """The text of `el` with its notes taken out (collected into `notes`) and spaced inline parts;
    an entity left unexpanded (a comment, a processing instruction) adds nothing."""
    if not isinstance(el.tag, str):
        return
    tag = _local(el.tag)
    if tag == "noot":
        _xml_note(el, notes)
        return
    if tag in _XML_SKIP:
        return
    spaced = tag in _XML_SPACED
    if spaced:
        out.append(" ")
    if el.text:
        out.append(el.text)
    for child in el:
        _xml_inline(child, notes, out)
        if child.tail:
            out.append(child.tail)
    if spaced:
        out.append(" ")


def _xml_note(el, notes: list[Footnote]) -> None:
    number = next((_clean("".join(c.itertext())) for c in el if _local(c.tag) == "noot.nr"), "")
    body = " ".join(_clean("".join(c.itertext())) for c in el if _local(c.tag) != "noot.nr")
    n = int(number) if number.isdigit() else len(notes) + 1
    notes.append(Footnote(number=n, text=_clean(body), page=1))


def _has_own_text(el) -> bool:
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


def _xml_lines(el, notes: list[Footnote], lines: list[TextLine]) -> None:
    if not isinstance(el.tag, str):
        return
    tag = _local(el.tag)
    if tag in _XML_SKIP:
        if tag == "noot":
            _xml_note(el, notes)
        return
    if tag == "li":
        number = next((c for c in el if _local(c.tag) == "li.nr"), None)
        prefix = _clean("".join(number.itertext())) if number is not None else ""
        first = True
        for child in el:
            if child is number:
                continue
            before = len(lines)
            _xml_lines(child, notes, lines)
            if first and prefix and len(lines) > before:
                lines[before].text = f"{prefix} {lines[before].text}"
                first = False
        return
    if tag in _XML_BLOCKS or _has_own_text(el):
        parts: list[str] = []
        _xml_inline(el, notes, parts)
        text = _BEFORE_PUNCT.sub("", _clean("".join(parts)))  # '<naam>…</naam>, ' has no space before ','
        if text:
            if tag == "titel" and lines and re.fullmatch(r"Nr\.\s*\S+", lines[-1].text):
                lines[-1].text = f"{lines[-1].text} {text}"  # 'Nr. 87' + 'BRIEF VAN …' as in print
            else:
                lines.append(_line(text, heading=tag in _HEADINGS))
        return
    for child in el:
        _xml_lines(child, notes, lines)


def _meta_values(pairs) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, content in pairs:
        if name and content and content.strip():
            found.setdefault(name.strip(), []).append(_clean(content))
    return found


def _signatory(function: str, name: str) -> tuple[Signatory, str | None] | None:
    """A Signatory from an <ondertekening>'s function and name, and the ministry its office heads."""
    name = _clean(name)
    if not name:
        return None
    parsed = parse_role(_clean(function).rstrip(",") + ",")
    if parsed is None:
        return Signatory(name=name), None
    role, _ = parsed
    ministry = md.ministry_of(_clean(function)) or md.host_ministry(role.portfolio, role.preposition)
    return Signatory(name=name, role=role.role, portfolio=role.portfolio), ministry


def _valid_date(text: str) -> bool:
    import datetime as dt

    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def _fields(meta: dict[str, list[str]], signers: list[tuple[Signatory, str | None]],
            iso_date: str | None, dossier_el: str | None,
            onder_el: str | None) -> tuple[LetterMeta, list[str]]:
    """LetterMeta from the document's own fields, and the names of the fields found."""
    fields = LetterMeta()
    named: list[str] = []
    dossier = (meta.get("OVERHEIDop.dossiernummer") or [dossier_el or ""])[0]
    onder = (meta.get("OVERHEIDop.ondernummer") or [onder_el or ""])[0]
    dossier = re.sub(r"\s+", "", dossier).replace(";", "")
    if re.fullmatch(r"\d{5}(?:-?[A-Z]{1,4}|-\d{1,3})?", dossier or ""):
        dossier = re.sub(r"^(\d{5})(?=[A-Z])", r"\1-", dossier)
        if onder and re.fullmatch(r"[\w]{1,6}", onder):
            fields.kamerstuk = f"{dossier}-{onder}"
            named += ["dossiernummer", "ondernummer"]
    answers = any("antwoord" in t.lower() for t in meta.get("DC.type", []))  # answers to Kamervragen
    received = meta.get("OVERHEIDop.datumOntvangst") if answers else None
    issued = received or meta.get("DCTERMS.issued") or [""]
    if iso_date and _valid_date(iso_date):
        fields.date = iso_date
        named.append("datum")
    elif _valid_date(issued[0]):
        fields.date = issued[0]
        named.append("datumOntvangst" if received else "issued")
    if signers:
        seen: set[str] = set()  # a signer of both the decision and its explanatory note is one signer
        fields.signatories = [s for s, _ in signers if not (s.name in seen or seen.add(s.name))]
        named.append("ondertekening")
        fields.ministry = next((m for _, m in signers if m), None)
    elif answers and (answerers := meta.get("OVERHEIDop.ontvanger")):  # the asked answers; MPs asked
        fields.signatories = [Signatory(name=n) for n in answerers]
        named.append("ontvanger")
    elif indieners := meta.get("OVERHEIDop.indiener"):
        fields.signatories = [Signatory(name=n) for n in indieners]
        named.append("indiener")
    if fields.ministry is None:
        for key in ("OVERHEID.authority", "DC.creator", "OVERHEIDop.ministerie"):
            for value in meta.get(key, []):
                if m := re.match(r"Ministerie\s+van\s+(.+)", value, re.I):
                    fields.ministry = md.known_ministry(m.group(1)) or md.proper_case(m.group(1))
                elif value and md.known_ministry(value):
                    fields.ministry = md.known_ministry(value)
            if fields.ministry:
                break
    if fields.ministry:
        named.append("ministerie")
    return fields, named


def _answerer(el) -> tuple[Signatory, str | None] | None:
    """The minister of an answer to Kamervragen: 'Antwoord van Minister <naam> (<organisatie>)'."""
    name = " ".join(_clean("".join(n.itertext())) for n in el.iter("{*}naam"))
    office = next((_clean("".join(o.itertext())) for o in el.iter("{*}organisatie")), "")
    role = re.search(r"\b(minister|staatssecretaris)\b", _clean(el.text or ""), re.I)
    if not name or not role:
        return None
    return _signatory(f"De {role.group(1)} van {office}" if office else role.group(1), name)


def read_xml(data: bytes, path: str) -> Markup:
    """An officielebekendmakingen XML copy: lines, footnotes and the document's own metadata."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LetterError(path, f"broken XML ({str(exc).splitlines()[0][:80]})") from exc
    if _local(root.tag) != "officiele-publicatie":
        raise LetterError(path, "XML that is not an officielebekendmakingen publication")
    meta = _meta_values((m.get("name"), m.get("content")) for m in root.iter("{*}meta"))
    notes: list[Footnote] = []
    lines: list[TextLine] = []
    for child in root:
        _xml_lines(child, notes, lines)
    signers = []
    for el in root.iter("{*}ondertekening"):
        function = " ".join(_clean("".join(c.itertext())) for c in el if _local(c.tag) == "functie")
        tail = " ".join(c.tail or "" for c in el if _local(c.tag) == "functie")
        name = " ".join(_clean(" ".join(c.itertext())) for c in el if _local(c.tag) == "naam")
        if found := _signatory(f"{function} {tail}", name):
            signers.append(found)
    answer = next((el for el in root.iter("{*}kamervraagomschrijving") if el.get("type") == "antwoord"), None)
    if answer is not None and (found := _answerer(answer)):  # 'Antwoord van Minister Koolmees (SZW)'
        signers.append(found)
    dated = answer if answer is not None else root  # answers to questions: the answer's date
    iso = next((d.get("isodatum") for d in dated.iter("{*}datum") if d.get("isodatum")), None)
    dossier_el = next((_clean("".join(d.itertext())) for d in root.iter("{*}dossiernr")), None)
    onder_el = next((_clean("".join(d.itertext())) for d in root.iter("{*}ondernummer")), None)
    fields, named = _fields(meta, signers, iso, dossier_el, onder_el)
    return Markup(layout=Layout(lines=lines, footnotes=notes, pages=1), fields=fields, named=named)


# ---------------------------------------------------------------------------------------------
# HTML


def _words(el) -> str:
    return f"{el.get('id', '')} {el.get('class', '')} {el.get('role', '')}"


def _is_chrome(el, inside: bool = False) -> bool:
    """Site furniture: by tag, role or hidden state; by id/class words ('menu', 'cookie', 'footer')
    only outside the page's marked document block, where a class like 'stuk-header' is the letter's."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _HTML_DROP_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if el.get("role") in {"navigation", "banner", "contentinfo", "search", "complementary"}:
        return True
    return bool((_HIDDEN if inside else _CHROME).search(_words(el)))


def _is_marker(el) -> bool:
    """An inline footnote reference: a <sup>/<a> holding only a note number (maybe with 'Noot')."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag not in {"sup", "a", "span"}:
        return False
    text = _clean(el.text_content())
    if not re.fullmatch(r"\[?\d{1,3}\]?(?:\s*Noot)?|Noot\s*\d{1,3}", text):
        return False
    href = el.get("href", "")
    return (tag == "sup" or bool(_MARKER_CLASS.search(_words(el)))
            or bool(re.search(r"#\S*(?:n|noot|fn)\d", href)))


def _html_note(el) -> Footnote | None:
    text = _clean(el.text_content())
    text = _NOOT_WORD.sub("", text)
    m = _NOTE_NUMBER.fullmatch(text)
    if not m:
        return None
    return Footnote(number=int(m.group(1)), text=m.group(2).strip(), page=1)


def _content_root(doc):
    """The page's document block and whether the page marks it (else the whole body)."""
    for el in doc.iter():
        if (isinstance(el.tag, str) and el.tag in {"div", "section", "article", "main"}
                and _CONTENT.search(f"{el.get('id', '')} {el.get('class', '')}")
                and len(_clean(el.text_content())) > 200):
            return el, True
    for tag in ("main", "article"):
        found = doc.find(f".//{tag}")
        if found is not None and len(_clean(found.text_content())) > 200:
            return found, True
    body = doc.find(".//body")
    return (body if body is not None else doc), False


def _html_lines(el, lines: list[TextLine], notes: list[Footnote], inside: bool) -> None:
    for child in list(el):
        if not isinstance(child.tag, str):
            continue
        if _is_chrome(child, inside):
            continue
        if _NOTE_BLOCK.search(_words(child)) and not _is_marker(child):
            if child.tag in {"ol", "ul", "div", "section", "aside", "dl"} and \
                    any(isinstance(c.tag, str) for c in child):
                inner = [c for c in child if isinstance(c.tag, str)]
                found = [n for c in inner if (n := _html_note(c))]
                if found:
                    notes.extend(found)
                    continue
            if note := _html_note(child):
                notes.append(note)
                continue
        own = child.tag in {"div", "td", "th", "section"} and _html_own_text(child)
        if child.tag in _HTML_BLOCKS or own:
            for marker in [m for m in child.iter() if isinstance(m.tag, str) and _is_marker(m)]:
                marker.drop_tree()
            for hidden in [h for h in child.iter() if isinstance(h.tag, str) and _is_chrome(h, inside)]:
                hidden.drop_tree()
            text = _clean(_NOOT_WORD.sub("", child.text_content()) if child.tag != "tr" else
                          "\t".join(c.text_content() for c in child if isinstance(c.tag, str)))
            if text:
                lines.append(_line(text, heading=child.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}))
            continue
        _html_lines(child, lines, notes, inside)


def _html_own_text(el) -> bool:
    """Whether a container holds text of its own (not only in block children): text, a tail, or an
    inline child with text. An empty anchor (`<a id="d16e46" name="d16e46"></a>`, which
    officielebekendmakingen puts before each section's paragraphs) is not text."""
    if el.text and el.text.strip():
        return True
    return any((c.tail and c.tail.strip()) or (isinstance(c.tag, str) and c.tag in
                                               {"a", "span", "strong", "em", "b", "i", "sup", "sub"}
                                               and c.text_content().strip())
               for c in el)


def _html_signers(root) -> list[tuple[Signatory, str | None]]:
    """Signers from the page's marked signature blocks (`class="ondertekening"` with `functie` and
    `naam` parts), as officielebekendmakingen renders the XML's <ondertekening>."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str) or "ondertekening" not in el.get("class", "").split():
            continue
        parts = {k: " ".join(_clean(c.text_content()) for c in el.iter()
                             if isinstance(c.tag, str) and k in c.get("class", "").split())
                 for k in ("functie", "naam")}
        if signer := _signatory(parts["functie"], parts["naam"]):
            found.append(signer)
    return found


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)|"""
                      rb"""<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""", re.I)
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*\?>")


def _decode_html(data: bytes) -> str:
    """The page as text: its declared charset, else UTF-8 where it decodes, else cp1252 (the web's
    latin-1). Pages saved without a declaration are mostly UTF-8, which lxml would read as latin-1.
    The XML declaration that officielebekendmakingen' XHTML pages start with is dropped: lxml
    refuses a decoded string that still declares an encoding."""
    declared = _CHARSET.search(data[:4096])
    names = [(declared.group(1) or declared.group(2)).decode("ascii")] if declared else []
    for encoding in [*names, "utf-8-sig"]:
        try:
            return _XML_DECLARATION.sub("", data.decode(encoding), count=1)
        except (LookupError, UnicodeDecodeError):
            continue
    return _XML_DECLARATION.sub("", data.decode("cp1252", errors="replace"), count=1)


def read_html(data: bytes, path: str) -> Markup:
    """An HTML page of a letter (officielebekendmakingen or other): body lines without chrome, notes apart."""
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        doc = lxml.html.document_fromstring(_decode_html(data), parser=parser)
    except Exception as exc:  # lxml raises ParserError/ValueError for empty or broken documents
        reason = str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__
        raise LetterError(path, f"broken HTML ({reason})") from exc
    meta = _meta_values((m.get("name"), m.get("content")) for m in doc.iter("meta"))
    lines: list[TextLine] = []
    notes: list[Footnote] = []
    root, inside = _content_root(doc)
    _html_lines(root, lines, notes, inside)
    fields, named = _fields(meta, _html_signers(root), None, None, None)
    return Markup(layout=Layout(lines=lines, footnotes=notes, pages=1), fields=fields, named=named)


def merge_fields(meta: LetterMeta, fields: LetterMeta) -> LetterMeta:
    """`meta` (read from the text) with every field the document itself states put over it."""
    for name in ("date", "subject", "reference", "kamerstuk", "ministry", "recipient"):
        value = getattr(fields, name)
        if value:
            setattr(meta, name, value)
    if fields.signatories:
        by_name = {s.name: s for s in meta.signatories}
        meta.signatories = [s if s.role else by_name.get(s.name, s) for s in fields.signatories]
    return meta
