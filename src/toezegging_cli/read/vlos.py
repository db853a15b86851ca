"""Read a Tweede Kamer debate transcript in VLOS 2.0 XML into speakers, timed turns and meeting data.

The format is recognised by content: an XML document whose root is `vlosCoreDocument` in the
vergaderverslag namespace. Parsing is hardened: lxml with entity resolution, DTD loading and
network access off and `huge_tree` off (libxml2's own depth and size limits stay in force), and
any document type declaration is refused before parsing, so entity bombs never expand. Every bad
transcript (truncated, another XML dialect, too deep, a DTD) raises `LetterError` with one line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from toezegging_cli.errors import LetterError
from toezegging_cli.model import Meeting, Source

NS = "http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0"
ROOT = "vlosCoreDocument"
MAX_DEPTH = 64  # VLOS nests about 12 deep; anything far deeper is not a transcript
_Q = "{" + NS + "}"
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<(?:\?xml|[A-Za-z_])")
_XML_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml\s")
_HTML = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_LABEL = re.compile(r"^[^.!?]{1,90}:$")
_ROLES = ("minister-president", "minister", "staatssecretaris")


@dataclass
class Speaker:
    """A speaker as the transcript describes them: report name, party, role and portfolio."""

    name: str  # verslagnaam, as the chair and the report use it ("Van Weel")
    kind: str | None = None  # XML soort: Tweede Kamerlid | Minister | Staatssecretaris | …
    party: str | None = None  # fractie, for MPs
    function: str | None = None  # functie as written ("minister van Justitie en Veiligheid")
    role: str | None = None  # minister | staatssecretaris | minister-president (bewindspersonen)
    portfolio: str | None = None  # "Justitie en Veiligheid"
    first_name: str | None = None

    @property
    def is_minister(self) -> bool:
        """A bewindspersoon (minister, staatssecretaris, minister-president)."""
        return self.role is not None


@dataclass
class Turn:
    """One stretch of speech: who, when, whether they chair, and the paragraphs (lists of items)."""

    index: int
    speaker: Speaker
    time: str | None
    chair: bool
    paragraphs: list[list[str]]
    topic: str | None = None  # the activiteit's onderwerp (a plenary sitting holds several debates)

    @property
    def text(self) -> str:
        return " ".join(item for para in self.paragraphs for item in para)


@dataclass
class Transcript:
    """A parsed VLOS transcript."""

    meeting: Meeting
    turns: list[Turn]
    speakers: list[Speaker]
    source: Source
    status: str | None = None  # Ongecorrigeerd | Gecorrigeerd | Casco
    warnings: list[str] = field(default_factory=list)


def looks_like_xml(data: bytes) -> bool:
    """XML that is not HTML: a declaration or a root tag first (after a BOM and white space)."""
    head = data[:2048]
    return bool(_XML_START.match(head)) and not _HTML.search(head)


def is_xml_document(data: bytes, path: str) -> bool:
    """Read as XML: a VLOS root, or an XML declaration, or a root tag in a file named .xml (a text
    letter may begin with '<')."""
    if not looks_like_xml(data):
        return False
    return (is_vlos(data) or bool(_XML_DECLARATION.match(data[:256]))
            or path.lower().endswith(".xml"))


def is_vlos(data: bytes) -> bool:
    """Quick content test used for dispatch: the VLOS root element and namespace near the start."""
    head = data[:4096]
    return looks_like_xml(data) and ROOT.encode() in head and NS.encode() in head


def _parse(data: bytes, path: str):
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise LetterError(path, "XML with a document type or entity declarations refused (VLOS has none)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = " ".join(str(exc).split())
        if "depth" in message.lower():
            raise LetterError(path, "XML nested too deep") from exc
        raise LetterError(path, f"malformed XML ({message})") from exc
    except ValueError as exc:
        raise LetterError(path, f"malformed XML ({exc})") from exc
    if root is None:
        raise LetterError(path, "malformed XML (no root element)")
    return root


def _depth(root) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, d = stack.pop()
        deepest = max(deepest, d)
        if d > MAX_DEPTH:
            return d
        stack.extend((child, d + 1) for child in node)
    return deepest


def _text(node, name: str) -> str | None:
    child = node.find(_Q + name)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def split_function(function: str | None) -> tuple[str | None, str | None]:
    """'minister van Justitie en Veiligheid' -> ('minister', 'Justitie en Veiligheid')."""
    if not function:
        return None, None
    low = function.lower()
    for role in _ROLES:
        if low.startswith(role):
            rest = function[len(role):].strip()
            rest = re.sub(r"^(?:van|voor)\s+", "", rest)
            rest = re.sub(r",\s*vice-?minister-president$", "", rest, flags=re.IGNORECASE).strip()
            return role, rest or None
    return None, None


def _speaker(node) -> Speaker:
    function = _text(node, "functie")
    role, portfolio = split_function(function)
    kind = node.get("soort")
    if role is None and kind in ("Minister", "Staatssecretaris", "Minister-president"):
        role = kind.lower()
    return Speaker(name=_text(node, "verslagnaam") or _text(node, "achternaam") or "?", kind=kind,
                   party=_text(node, "fractie"), function=function, role=role, portfolio=portfolio,
                   first_name=_text(node, "voornaam"))


def _paragraphs(tekst) -> list[list[str]]:
    out = []
    for alinea in tekst.iter(_Q + "alinea"):
        items = [" ".join("".join(item.itertext()).split()) for item in alinea.iter(_Q + "alineaitem")]
        items = [i for i in items if i]
        if items:
            out.append(items)
    return out


def _strip_label(paragraphs: list[list[str]]) -> list[list[str]]:
    """Drop the speaker label ('Minister Van Weel:', 'De voorzitter:') that opens a turn's text."""
    if paragraphs and paragraphs[0] and _LABEL.match(paragraphs[0][0]):
        first = paragraphs[0][1:]
        return ([first] if first else []) + paragraphs[1:]
    return paragraphs


def _meeting_kind(vergadering) -> str | None:
    if (vergadering.get("soort") or "").lower() == "plenair":
        return "plenaire vergadering"
    for act in vergadering.findall(_Q + "activiteit"):
        kind = (act.get("soort") or "").strip()
        if kind and kind.lower() not in ("opening", "sluiting", "mededelingen"):
            return kind.lower()
    return None


def parse_transcript(data: bytes, path: str) -> Transcript:
    """Parse VLOS XML bytes into a Transcript; LetterError for anything that is not one."""
    root = _parse(data, path)
    if _depth(root) > MAX_DEPTH:
        raise LetterError(path, "XML nested too deep")
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag != _Q + ROOT:
        local = tag.split("}")[-1] or "?"
        raise LetterError(path, f"XML but not a VLOS transcript (root element <{local}>)")
    vergadering = root.find(_Q + "vergadering")
    if vergadering is None:
        raise LetterError(path, "VLOS transcript without a <vergadering>")
    committee = next((c for c in (_text(n, "verslagnaam") for n in vergadering.iter(_Q + "commissie")) if c),
                     None)
    date = _text(vergadering, "datum")
    meeting = Meeting(title=_text(vergadering, "titel"), date=date[:10] if date else None,
                      kind=_meeting_kind(vergadering), committee=committee)
    speakers: dict[str, Speaker] = {}
    turns: list[Turn] = []

    def walk(node, topic: str | None) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            local = child.tag[len(_Q):] if child.tag.startswith(_Q) else child.tag
            if local == "activiteit":
                walk(child, _text(child, "onderwerp") or _text(child, "titel"))
            elif local in ("woordvoerder", "interrumpant"):
                who = child.find(_Q + "spreker")
                tekst = child.find(_Q + "tekst")
                if who is not None and tekst is not None:
                    sp = _speaker(who)
                    key = who.get("objectid") or sp.name
                    sp = speakers.setdefault(key, sp)
                    paragraphs = _strip_label(_paragraphs(tekst))
                    if paragraphs:
                        turns.append(Turn(index=len(turns) + 1, speaker=sp,
                                          time=_text(child, "markeertijdbegin"),
                                          chair=_text(child, "isvoorzitter") == "true",
                                          paragraphs=paragraphs, topic=topic))
                walk(child, topic)
            elif local not in ("tekst", "spreker", "sprekers"):
                walk(child, topic)

    walk(vergadering, None)
    warnings = []
    status = root.get("status")
    if not turns:
        warnings.append("no spoken text in the transcript" + (f" (status {status})" if status else ""))
    source = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), pages=1, format="vlos", kind="debate")
    return Transcript(meeting=meeting, turns=turns, speakers=list(speakers.values()), source=source,
                      status=status, warnings=warnings)


def read_transcript(path: str) -> Transcript:
    """Read the VLOS transcript at `path` ('-' = stdin)."""
    from toezegging_cli.read import load_bytes

    return parse_transcript(load_bytes(path), path)
