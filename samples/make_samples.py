"""Make the project's example Kamerbrieven (samples/*.pdf) in the Rijksoverheid letter layout.

The layout copies the geometry of real ministers' letters (A4; logo at the top centre; a sidebar
column at x≈466 with the ministry's address and 'Ons kenmerk', repeated shorter on later pages; the
'> Retouradres' line and the addressee block; 'Datum' and 'Betreft'; a 9pt body from x≈80 to ≤452
with 12pt line pitch; footnotes in 7pt under a short rule, their markers raised 6pt digits glued to
a word; 'Pagina N van M' at the bottom of the sidebar). Lines are broken by this script itself, so
a soft hyphen (\\xad) marks where a word may be split with a hyphen at a line end, a word with a
real hyphen may be split after that hyphen, and '[^N]' places the marker of footnote N.

One letter is the user's own example (the body text verbatim, header fields added by us); the
others are fictional letters written for this project. Output is deterministic (reportlab's
invariant mode: fixed dates and document id), so re-running gives byte-identical files.

usage: python3 samples/make_samples.py [OUTDIR]     (default: the folder of this script)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = A4
BODY_X, BODY_RIGHT = 79.6, 452.0
SIDEBAR_X, SIDEBAR_W = 466.6, 80.0
VALUE_X = 141.9  # where the 'Datum' and 'Betreft' values start
FONT, BOLD, SERIF = "Helvetica", "Helvetica-Bold", "Times-Italic"
BODY_SIZE, LEADING = 9.0, 12.0
SIDE_SIZE, SIDE_LEADING = 6.75, 9.0
NOTE_SIZE, NOTE_LEADING = 7.0, 9.0
MARK_SIZE, MARK_RISE = 6.0, 3.5  # footnote marker in the body
LABEL_SIZE, LABEL_RISE = 5.25, 2.5  # footnote number in the footnote area
FIRST_BASELINE_P1 = 367.0  # 'Geachte voorzitter,'
FIRST_BASELINE = 157.0  # body on later pages
LAST_BASELINE = 783.0  # lowest body line without footnotes
LAST_NOTE_BASELINE = 790.0
FOOTER_BASELINE = 813.0
LOGO_BLUE = (0x15 / 255, 0x42 / 255, 0x73 / 255)
SOFT = "\xad"
MARKER = re.compile(r"\[\^(\d+)\]")


@dataclass(frozen=True)
class Ministry:
    name: str  # without 'Ministerie van'
    address: tuple[str, ...]
    contact: tuple[str, ...]
    return_address: str


@dataclass(frozen=True)
class Signer:
    role: str  # 'De minister van …,'
    name: str


@dataclass
class LetterSpec:
    filename: str
    ministry: Ministry
    reference: str
    attachments: str
    date: str
    subject: str
    blocks: list[tuple[str, str]]  # ('h', heading) or ('p', paragraph)
    notes: dict[int, str]
    signers: list[Signer]
    greeting: str | None = "Hoogachtend,"


# ---------------------------------------------------------------- text runs and line breaking

@dataclass
class Word:
    """A word as runs of (text, is_marker); markers are raised small footnote digits."""

    runs: list[tuple[str, bool]]
    font: str = FONT

    @classmethod
    def parse(cls, token: str, font: str = FONT) -> Word:
        runs: list[tuple[str, bool]] = []
        pos = 0
        for m in MARKER.finditer(token):
            if m.start() > pos:
                runs.append((token[pos:m.start()], False))
            runs.append((m.group(1), True))
            pos = m.end()
        if pos < len(token):
            runs.append((token[pos:], False))
        return cls(runs, font)

    @property
    def notes(self) -> list[int]:
        return [int(t) for t, mark in self.runs if mark]

    def shown(self) -> list[tuple[str, bool]]:
        return [(t.replace(SOFT, ""), mark) for t, mark in self.runs]

    def width(self, size: float = BODY_SIZE) -> float:
        return sum(stringWidth(t, FONT, MARK_SIZE) if mark else stringWidth(t, self.font, size)
                   for t, mark in self.shown())

    def splits(self) -> list[tuple[Word, Word]]:
        """Ways to break this word over two lines: at a soft hyphen (adding '-') or after a hyphen."""
        if len(self.runs) != 1 or self.runs[0][1]:
            return []
        text = self.runs[0][0]
        out = []
        for i, ch in enumerate(text):
            head, tail = text[:i], text[i + 1:]
            if ch == SOFT or (ch == "-" and head[-2:].isalpha() and tail[:1].isalpha()):
                out.append((Word([(head + "-", False)], self.font), Word([(tail, False)], self.font)))
        return out


def break_lines(words: list[Word], width: float, size: float = BODY_SIZE) -> list[list[Word]]:
    """Greedy line filling; a word that does not fit is split at its last break point that fits."""
    space = stringWidth(" ", FONT, size)
    lines: list[list[Word]] = []
    line: list[Word] = []
    used = 0.0
    queue = list(words)
    while queue:
        word = queue.pop(0)
        extra = (space if line else 0.0) + word.width(size)
        if used + extra <= width or not line:
            line.append(word)
            used += extra
            continue
        fitting = [(h, t) for h, t in word.splits() if used + space + h.width(size) <= width]
        if fitting:
            head, tail = fitting[-1]
            line.append(head)
            queue.insert(0, tail)
        else:
            queue.insert(0, word)
        lines.append(line)
        line, used = [], 0.0
    if line:
        lines.append(line)
    return lines


def words_of(text: str, font: str = FONT) -> list[Word]:
    return [Word.parse(tok, font) for tok in text.split()]


# ---------------------------------------------------------------- pagination

@dataclass
class Line:
    words: list[Word]
    x: float = BODY_X

    @property
    def notes(self) -> list[int]:
        return [n for w in self.words for n in w.notes]


@dataclass
class Closing:
    """Greeting and signers, kept together on one page."""

    greeting: str | None
    columns: list[tuple[list[list[Word]], str]]  # per signer: role lines, name

    @property
    def height(self) -> float:
        role_lines = max(len(role) for role, _ in self.columns)
        return LEADING * (role_lines + 4 + (2 if self.greeting else 0))


@dataclass
class Page:
    items: list[tuple[float, Line | Closing]] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)


def note_lines(spec: LetterSpec, number: int) -> list[list[Word]]:
    label_w = stringWidth(str(number), FONT, LABEL_SIZE) + stringWidth(" ", FONT, NOTE_SIZE)
    return break_lines(words_of(spec.notes[number]), BODY_RIGHT - BODY_X - label_w, NOTE_SIZE)


def note_block(spec: LetterSpec, numbers: list[int]) -> tuple[float, list[tuple[float, int, list[Word]]]]:
    """Top of the footnote rule and (baseline, number or 0, words) of each footnote line."""
    rows = [(n if i == 0 else 0, ws) for n in numbers for i, ws in enumerate(note_lines(spec, n))]
    first = LAST_NOTE_BASELINE - NOTE_LEADING * (len(rows) - 1)
    placed = [(first + NOTE_LEADING * i, n, ws) for i, (n, ws) in enumerate(rows)]
    return first - NOTE_LEADING, placed


def body_limit(spec: LetterSpec, numbers: list[int]) -> float:
    if not numbers:
        return LAST_BASELINE
    rule, _ = note_block(spec, numbers)
    return rule - 6.0


def flow(spec: LetterSpec) -> list[object]:
    """The letter body as a sequence of lines, 'gap' (one empty line) and 'keep' (heading) marks."""
    width = BODY_RIGHT - BODY_X
    items: list[object] = [Line(words_of("Geachte voorzitter,")), "gap"]
    for kind, text in spec.blocks:
        if kind == "h":
            items.append("gap" if items[-1] != "gap" else None)
            items += ["keep"] + [Line(ws) for ws in break_lines(words_of(text, BOLD), width)]
        else:
            if not isinstance(items[-1], str) and items[-2] != "keep":
                items.append("gap")
            items += [Line(ws) for ws in break_lines(words_of(text), width)]
            items.append("gap")
    column_w = width if len(spec.signers) == 1 else 175.0
    items.append(Closing(spec.greeting, [(break_lines(words_of(s.role), column_w), s.name)
                                         for s in spec.signers]))
    return [i for i in items if i is not None]


def paginate(spec: LetterSpec) -> list[Page]:
    pages = [Page()]
    y = FIRST_BASELINE_P1
    keep = False
    for item in flow(spec):
        page = pages[-1]
        if item == "keep":
            keep = True
            continue
        if item == "gap":
            if page.items:
                y += LEADING
            continue
        needed = LEADING if keep else 0.0
        height = item.height - LEADING if isinstance(item, Closing) else 0.0
        notes = page.notes + (item.notes if isinstance(item, Line) else [])
        if page.items and y + needed + height > body_limit(spec, notes):
            pages.append(Page())
            page, y = pages[-1], FIRST_BASELINE
        page.items.append((y, item))
        if isinstance(item, Line):
            page.notes += item.notes
            y += LEADING
            keep = False
        else:
            y += item.height
    return pages


# ---------------------------------------------------------------- drawing

def draw_words(c: Canvas, x: float, baseline: float, words: list[Word], size: float = BODY_SIZE) -> None:
    """Draw a line as strings with real space characters (as word processors write them)."""
    segments: list[list] = []  # [text, font, size, rise]
    for i, word in enumerate(words):
        for j, (text, mark) in enumerate(word.shown()):
            style = [FONT, MARK_SIZE, MARK_RISE] if mark else [word.font, size, 0.0]
            if i and j == 0:
                text = " " + text
            if segments and segments[-1][1:] == style:
                segments[-1][0] += text
            else:
                segments.append([text, *style])
    for text, font, font_size, rise in segments:
        c.setFont(font, font_size)
        c.drawString(x, PAGE_H - baseline + rise, text)
        x += stringWidth(text, font, font_size)


def text_at(c: Canvas, x: float, baseline: float, text: str, font: str = FONT,
            size: float = BODY_SIZE) -> None:
    c.setFont(font, size)
    c.drawString(x, PAGE_H - baseline, text)


def ministry_lines(ministry: Ministry, font: str, size: float, width: float) -> list[str]:
    rest = break_lines(words_of(ministry.name, font), width, size)
    return ["Ministerie van"] + [" ".join(t for w in ws for t, _ in w.shown()) for ws in rest]


def draw_logo(c: Canvas, ministry: Ministry) -> None:
    """A plain stand-in for the Rijkslogo: the blue ribbon with an emblem, and the wordmark."""
    c.setFillColorRGB(*LOGO_BLUE)
    c.rect(279.0, PAGE_H - 96.0, 36.0, 96.0, stroke=0, fill=1)
    c.setStrokeColorRGB(1, 1, 1)
    c.setFillColorRGB(1, 1, 1)
    c.setLineWidth(1.0)
    c.rect(287.0, PAGE_H - 90.0, 20.0, 22.0, stroke=1, fill=0)
    c.circle(297.0, PAGE_H - 79.0, 4.5, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setStrokeColorRGB(0, 0, 0)
    for i, line in enumerate(ministry_lines(ministry, SERIF, 10.5, 130.0)):
        text_at(c, 322.0, 80.0 + 12.0 * i, line, SERIF, 10.5)


def draw_sidebar(c: Canvas, spec: LetterSpec, first: bool) -> None:
    y = 160.7 if first else FIRST_BASELINE
    for line in ministry_lines(spec.ministry, BOLD, SIDE_SIZE, SIDEBAR_W):
        text_at(c, SIDEBAR_X, y, line, BOLD, SIDE_SIZE)
        y += SIDE_LEADING
    if first:
        for group in (spec.ministry.address, spec.ministry.contact):
            y += SIDE_LEADING * 0.5
            for line in group:
                text_at(c, SIDEBAR_X, y, line, FONT, SIDE_SIZE)
                y += SIDE_LEADING
    fields = [("Ons kenmerk", spec.reference)] + ([("Bijlage(n)", spec.attachments)] if first else [])
    for label, value in fields:
        y += SIDE_LEADING * (1.5 if first else 0.5)
        text_at(c, SIDEBAR_X, y, label, BOLD, SIDE_SIZE)
        text_at(c, SIDEBAR_X, y + SIDE_LEADING, value, FONT, SIDE_SIZE)
        y += 2 * SIDE_LEADING


def draw_first_page_header(c: Canvas, spec: LetterSpec) -> None:
    draw_logo(c, spec.ministry)
    text_at(c, BODY_X, 141.2, f"> Retouradres {spec.ministry.return_address}", FONT, SIDE_SIZE)
    for i, line in enumerate(("De voorzitter van de Tweede Kamer", "der Staten-Generaal",
                              "Postbus 20018", "2500 EA DEN HAAG")):
        text_at(c, BODY_X, 162.4 + LEADING * i, line)
    text_at(c, 84.8, 309.2, "Datum")
    text_at(c, VALUE_X, 309.2, spec.date)
    text_at(c, 84.8, 321.3, "Betreft")
    for i, ws in enumerate(break_lines(words_of(spec.subject), BODY_RIGHT - VALUE_X)):
        draw_words(c, VALUE_X, 321.3 + LEADING * i, ws)


def draw_closing(c: Canvas, y: float, closing: Closing) -> None:
    if closing.greeting:
        text_at(c, BODY_X, y, closing.greeting)
        y += 2 * LEADING
    rows = max(len(role) for role, _ in closing.columns)
    for col, (role, name) in enumerate(closing.columns):
        x = BODY_X + 190.0 * col
        for i, ws in enumerate(role):
            draw_words(c, x, y + LEADING * i, ws)
        text_at(c, x, y + LEADING * (rows + 3), name)


def draw_notes(c: Canvas, spec: LetterSpec, numbers: list[int]) -> None:
    rule, rows = note_block(spec, numbers)
    c.setLineWidth(0.5)
    c.line(BODY_X, PAGE_H - rule, BODY_X + 144.0, PAGE_H - rule)
    for baseline, number, ws in rows:
        x = BODY_X
        if number:
            c.setFont(FONT, LABEL_SIZE)
            c.drawString(x, PAGE_H - baseline + LABEL_RISE, str(number))
            x += stringWidth(str(number), FONT, LABEL_SIZE) + stringWidth(" ", FONT, NOTE_SIZE)
        draw_words(c, x, baseline, ws, NOTE_SIZE)


def render(spec: LetterSpec, path: Path) -> int:
    """Write one letter as PDF; returns its page count."""
    pages = paginate(spec)
    c = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(spec.subject)
    c.setAuthor(f"Ministerie van {spec.ministry.name}")
    c.setSubject("Kamerbrief (voorbeeld van het project toezegging)")
    c.setCreator("toezegging samples/make_samples.py")
    for number, page in enumerate(pages, start=1):
        if number == 1:
            draw_first_page_header(c, spec)
        draw_sidebar(c, spec, first=number == 1)
        for y, item in page.items:
            if isinstance(item, Line):
                draw_words(c, item.x, y, item.words)
            else:
                draw_closing(c, y, item)
        if page.notes:
            draw_notes(c, spec, page.notes)
        text_at(c, SIDEBAR_X, FOOTER_BASELINE, f"Pagina {number} van {len(pages)}", FONT, SIDE_SIZE)
        c.showPage()
    c.save()
    return len(pages)


# ---------------------------------------------------------------- the letters

BZK = Ministry("Binnenlandse Zaken en Koninkrijksrelaties",
               ("Turfmarkt 147", "2511 DP Den Haag", "Postbus 20011", "2500 EA Den Haag"),
               ("T 070 426 6426", "www.rijksoverheid.nl"), "Postbus 20011 2500 EA Den Haag")
IENW = Ministry("Infrastructuur en Waterstaat",
                ("Rijnstraat 8", "2515 XP Den Haag", "Postbus 20901", "2500 EX Den Haag"),
                ("T 070-456 0000", "www.rijksoverheid.nl/ienw"), "Postbus 20901 2500 EX Den Haag")
VWS = Ministry("Volksgezondheid, Welzijn en Sport",
               ("Parnassusplein 5", "2511 VX Den Haag", "Postbus 20350", "2500 EJ Den Haag"),
               ("T 070 340 7911", "www.rijksoverheid.nl/vws"), "Postbus 20350 2500 EJ Den Haag")
SZW = Ministry("Sociale Zaken en Werkgelegenheid",
               ("Parnassusplein 5", "2511 VX Den Haag", "Postbus 90801", "2509 LV Den Haag"),
               ("T 070 333 4444", "www.rijksoverheid.nl/szw"), "Postbus 90801 2509 LV Den Haag")

# The user's own example: body paragraphs verbatim (lines joined); header fields added by us.
SEED = LetterSpec(
    filename="integriteit-dialoogreeks-2025.pdf",
    ministry=BZK,
    reference="2025-0000412345",
    attachments="-",
    date="1 september 2025",
    subject="Toezeggingen rijksbrede integriteitsbeleid en rijksbrede dialoogreeks",
    greeting=None,
    signers=[Signer("De minister van Binnenlandse Zaken en Koninkrijksrelaties,", "F. Rijkaart")],
    notes={
        1: "Mijn coördinerende verantwoordelijkheid reikt niet tot het ministerie van Defensie.",
    },
    blocks=[
        ("p", """Met deze brief informeer ik uw Kamer over twee toezeggingen. De eerste toezegging gaat
              over het rijksbrede integriteitsbeleid en de tweede toezegging gaat over de rijksbrede
              dialoogreeks."""),
        ("h", "Rijksbrede integriteitsbeleid"),
        ("p", """Om te komen tot een breed gedragen visie op de invulling van mijn coördinerende rol[^1]
              voor het rijksbrede integriteitsbeleid, zijn namens mij gesprekken met de ministeries gevoerd.
              In het commissiedebat Integriteit Openbaar Bestuur op 12 maart 2025 heeft het Kamerlid Van
              Waveren (NSC) gevraagd of de Kamer geïnformeerd kan worden over deze gespreksronde. Er is
              aangegeven dat de gesprekken voor de zomer zouden worden afgerond en dat uw Kamer hierover
              wordt geïnformeerd. De meeste gesprekken hebben inmiddels plaatsgevonden. In een enkel geval
              is dit nog niet gelukt en vindt het gesprek in september plaats. De gespreksronde is dus nog
              niet helemaal afgerond. Wel heb ik inmiddels een beeld bij de gesprekken kunnen krijgen."""),
        ("p", """De gesprekken zijn gevoerd met integriteitscoördinatoren, adviseurs en beleidsmedewerkers
              integriteit. Ook vanuit de uitvoeringsorganisaties DJI en de Arbeidsinspectie sloten
              gesprekspartners aan. De gesprekken zijn vertrouwelijk van aard en er worden geen notulen van
              gemaakt. In de gespreksronde is de wijze besproken waarop ik mijn coördinerende rol vervul en
              waar dat steviger kan, de verwachtingen die de departementen hierbij hebben en wat dit
              betekent voor de verantwoordelijkheidsverdeling. Er zijn waardevolle beelden gedeeld die een
              goede basis voor een visie op mijn coördinerende rol vormen. Ik kan nog niet op de visie
              vooruitlopen, maar ik kan u wel een impressie van de gesprekken geven."""),
        ("p", """Er bestaan grote verschillen tussen de ministeries, alleen al qua omvang, waardoor de
              behoeften van ministeries verschillen. Ook zijn er verschillen in organisatorische
              positionering van de integriteitsfunctie. Het belang van een goed uitgeruste
              integriteitsfunctie voor de organisatie wordt niettemin unaniem onderschreven. Mensen moeten
              erop kunnen vertrouwen dat de overheid eerlijk, transparant, open en betrouwbaar is.
              Integriteitskwesties doen afbreuk aan dit vertrouwen van de burger. Daarom is voor een goed
              functionerende rijksdienst gedegen integriteitsbeleid nodig."""),
        ("p", """De rol van de minister van Binnenlandse Zaken kan hierin verder versterkt worden, onder
              andere door integriteit rijksbreed krachtiger te agenderen. Ook is er steun voor een actieve
              invulling van de coördinerende rol, waarbij gestuurd wordt op robuuste kaders en compliance.
              De implementatie van deze kaders is daarbij aan de afzonderlijke ministeries, zodat zij deze
              kunnen laten passen bij hun organisatiestructuur en -cultuur. Uniformiteit in
              integriteitsbeleid is tot op zekere hoogte wenselijk, maar tegelijkertijd lastig doordat de
              praktische invulling wordt ingekleurd door de eigen organisatiestructuur en -cultuur van een
              organisatie. Uniformiteit met behoud van ruimte voor eigen inkleuring blijft dan ook een
              balanceeract."""),
        ("p", """Dit najaar leg ik een eerste conceptvisie van de visie op mijn coördinerende rol aan
              experts voor en bespreek ik deze vervolgens in verschillende interdepartementale gremia. Ik
              verwacht eind van dit jaar dit proces af te ronden, waarna ik uw Kamer nader zal
              informeren."""),
        ("h", "Rijksbrede dialoogreeks"),
        ("p", """In het commissiedebat Functioneren Rijksdienst op 24 april 2025 heeft mijn voorganger
              aangegeven dat samen met de medezeggenschap is gestart met een rijksbrede dialoogreeks: Je
              uitspreken als ambtenaar. Professioneel intern uitspreken, wetende dat de politiek beslist,
              hoort bij het vak van ambtenaar. Het doel van de samen met de medezeggenschap gestarte
              rijksbrede dialoogreeks is om veilig uitspreken te kunnen waarborgen, knelpunten op te halen
              en daar een vervolg aan te geven als dat nodig is. Het Kamerlid Van Waveren (NSC) heeft
              gevraagd of er op enig moment een terugkoppeling komt en of er conclusies aan worden verbonden
              en of en hoe het wordt gecodificeerd. Mijn voorganger heeft uw Kamer toegezegd daarover een
              brief te sturen. Met deze brief wordt daar invulling aan gegeven."""),
        ("p", """De dialoogreeks loopt sinds eind vorig jaar. Ambtenaren voeren onder begeleiding met
              elkaar wezenlijke gesprekken over het goede handelen, bijvoorbeeld over wanneer je je
              uitspreekt en op welke manier. De variatie in aanbod van gespreksvormen (zoals een filmlezing,
              moreel beraad of dialoog ambtelijk vakmanschap) maakt dat ambtenaren een gespreksvorm kunnen
              kiezen die aanspreekt. In elke vorm wordt ingezet op een concrete ervaring en op welke
              manieren daar mee omgegaan kan worden. Ook deze gesprekken zijn van vertrouwelijke aard. Uit
              de terugkoppelingen komt naar voren dat die gesprekken ambtenaren houvast geven in hun
              werkpraktijk en als nuttig worden ervaren."""),
        ("p", """In de gesprekken komt een aantal onderwerpen regelmatig terug zoals neutraliteit, algemeen
              belang, het verschil tussen je mening geven en tegenspraak bieden en rolvastheid. Ook de wens
              om zich gehoord te voelen, een veilige werkomgeving en de neiging om ‘voor de ander te denken’
              zijn thema’s die aan bod komen. In de gesprekken ontstaat vaak een ruimer begrip van het
              handelingsrepertoire: niet de vraag óf je je mag uitspreken, maar wat de goede vorm is, en
              daar ontstaat ruimte. Een belangrijk inzicht is dat het continue gesprek met elkaar een
              helpend instrument is. En dat de behoefte daaraan groot is. Door met elkaar heel concreet
              situaties te doorleven, ontstaat bewustwording van eigen denken en handelen en kunnen we
              leren, op alle niveaus in de organisaties. Uiteraard worden ook inzichten van wetenschappers
              en andere experts van buiten de organisatie hierbij betrokken. De gesprekken worden
              gecontinueerd. Overigens in aanvulling op de vele gesprekken die in de rijksorganisaties ook
              al langer plaatsvinden over vakmanschap, ethiek en tegenspraak. We zien ook dat de
              dialoogreeks een aanjagende werking heeft en vervolg krijgt in gesprekken binnen de eigen
              organisatie."""),
        ("p", """Samen met de deelnemers en de medezeggenschap worden inzichten verzameld en wordt
              onderzocht of er nader instrumentarium nodig is om het uitspreken te bevorderen en te
              ondersteunen, en zo ja, in welke vorm. Bijvoorbeeld door gerichte trainingen, als thema in de
              personeelsgesprekken, en door het delen van goede voorbeelden."""),
        ("p", """Ook ten aanzien van lopende trajecten, zoals de actualisering van de Gedragscode
              Integriteit Rijk, wordt bezien of, en zo ja in hoeverre, deze meer ondersteunend kunnen zijn.
              De werkgever Rijk en de medezeggenschap bezien dat samen gaandeweg, als onderdeel van de
              bredere ambitie het ambtelijk vakmanschap te versterken."""),
    ],
)

# Fictional (written for this project): three pages, footnote with a promise, hyphenated line ends.
WATER = LetterSpec(
    filename="water-voortgang-toezeggingen-2024.pdf",
    ministry=IENW,
    reference="IENW/BSK-2024/301247",
    attachments="1",
    date="12 november 2024",
    subject="Voortgang toezeggingen waterveiligheid en zoetwater",
    signers=[Signer("De minister van Infrastructuur en Waterstaat,", "P.R. Oostdijk")],
    notes={
        1: "Zie de brief over stikstof en vergunningverlening van 5 juli 2024 (Kamerstuk 35 334, nr. 301).",
        2: """De waterschappen actualiseren op mijn verzoek de planning per dijktraject. Uw Kamer wordt
            hierover naar verwachting rond de zomer geïnformeerd.""",
    },
    blocks=[
        ("p", """Met deze brief informeer ik uw Kamer over de voortgang van een aantal toezeggingen op het
              gebied van waterveiligheid en zoetwater. Ik ga achtereenvolgens in op de versterking van de
              dijken langs de Maas, het onderzoek naar verzilting in het IJsselmeergebied, een motie over
              het peilbeheer en de uitwerking van het Deltaprogramma Zoetwater."""),
        ("h", "Versterking van de Maasdijken"),
        ("p", """Tijdens het commissiedebat Water op 14 februari 2024 heb ik het lid Bamenga (D66)
              toegezegd uw Kamer voor het einde van het jaar te informeren over de stand van de versterking
              van de primaire waterkeringen langs de Maas. Met deze brief geef ik invulling aan die
              toezegging."""),
        ("p", """Van de 94 kilometer dijk langs de Maas die niet aan de wettelijke norm voldoet, is
              inmiddels 31 kilometer versterkt. Voor nog eens 38 kilometer is het projectplan vastgesteld en
              is de uitvoering gestart. De resterende trajecten bevinden zich nog in de verkenningsfase. De
              waterschappen Limburg en Aa en Maas verwachten dat alle trajecten in 2032 aan de norm voldoen,
              drie jaar later dan eerder voorzien. De vertraging komt vooral door de krapte op de markt voor
              grondwerk en door de stikstofproblematiek[^1], die de vergunningverlening voor enkele
              trajecten heeft opgehouden. Om de vertraging te beperken, werken de waterschappen sinds dit
              voorjaar met een gezamenlijke inkoopstrategie, waarin ze meerdere trajecten tegelijk
              aanbesteden en aannemers langer aan een programma verbinden[^2]."""),
        ("p", """Bij de versterking komt op enkele plaatsen grond vrij die met PFAS is verontreinigd. De
              waterschappen hebben met de GGD'en onderzocht of het werken met deze grond
              gezond\xadheidsrisico's meebrengt voor omwonenden en voor werknemers van de aannemers. Uit dat
              onderzoek blijkt dat de risico's bij de gangbare voorzorgsmaatregelen verwaarloosbaar zijn.
              Het rapport is als bijlage bij deze brief gevoegd."""),
        ("h", "Verzilting in het IJsselmeergebied"),
        ("p", """In mijn brief van 3 oktober 2023 (Kamerstuk 27 625, nr. 612) heb ik toegezegd uw Kamer in
              het najaar van 2024 te informeren over de uitkomsten van het onderzoek naar de verzilting van
              het IJsselmeergebied bij lage rivierafvoeren. Het onderzoek vraagt meer tijd dan voorzien; ik
              informeer uw Kamer nu in het eerste kwartaal van 2025. De reden is dat de meetgegevens van de
              droge zomer van 2023 later beschikbaar kwamen dan verwacht en dat Deltares de rekenmodellen
              daarop opnieuw moet afstemmen. Ik hecht eraan dat de conclusies op de meest recente gegevens
              berusten, omdat ze de basis vormen voor keuzes over de inlaat van zoet water bij de
              Houtribdijk en de Afsluitdijk."""),
        ("p", """In de tussentijd blijft de zoutbestrijding bij de sluizen in Den Oever en Kornwerderzand
              volgens het bestaande protocol werken. Rijkswaterstaat meet het chloridegehalte dagelijks op
              twaalf punten en maakt de gegevens openbaar via de website Waterinfo. In de zomer van 2024 is
              de norm voor drinkwaterinname op geen enkel moment overschreden."""),
        ("h", "Peilbeheer van het IJsselmeer"),
        ("p", """De op 4 juli aangenomen motie van de leden Grinwis (ChristenUnie) en Kröger
              (GroenLinks-PvdA) over het beschermen van de zoetwatervoorraad in het IJsselmeer (Kamerstuk 27
              625, nr. 648) verzoekt de regering om bij het peilbeheer voorrang te geven aan de
              drinkwatervoorziening. Die motie is uitgevoerd met het peilbesluit dat in juni 2024 is
              vastgesteld; het peilbesluit regelt dat bij watertekort eerst de inname voor drinkwater wordt
              veiliggesteld. Over de gevolgen voor de landbouw in de kop van Noord-Holland en in Flevoland
              voer ik overleg met de provincies en de waterschappen."""),
        ("h", "Drinkwatervoorziening"),
        ("p", """De drinkwaterbedrijven hebben mij laten weten dat de vraag naar drinkwater tot 2030 met
              ongeveer acht procent toeneemt. Tegelijk wordt het lastiger om voldoende schone bronnen te
              vinden: in meerdere grondwaterbeschermingsgebieden worden resten van gewasbeschermingsmiddelen
              en PFAS aangetroffen. In de Beleidsnota Drinkwater is daarom afgesproken dat provincies
              aanvullende strategische grondwaterreserves aanwijzen. Zeven provincies hebben dat inmiddels
              gedaan; de overige provincies volgen volgens hun eigen planning. Daarnaast stimuleer ik het
              zuinig gebruik van drinkwater, onder meer met een publiekscampagne en met afspraken met
              woningcorporaties over waterbesparende voorzieningen bij renovatie."""),
        ("p", """De drinkwaterbedrijven investeren de komende tien jaar naar verwachting ruim 10 miljard
              euro in nieuwe bronnen, zuiveringen en leidingen. Die investeringen werken door in het
              drinkwatertarief. Samen met de Autoriteit Consument en Markt kijk ik of de regels voor de
              tarieven daarvoor voldoende ruimte bieden, zonder dat drinkwater voor huishoudens met een laag
              inkomen onbetaalbaar wordt."""),
        ("h", "Deltaprogramma Zoetwater"),
        ("p", """De droogte van de afgelopen jaren laat zien dat de zoetwatervoorziening in Nederland onder
              druk staat. In het Deltaprogramma Zoetwater werken Rijk, provincies, waterschappen en
              drinkwaterbedrijven samen aan een robuuste verdeling van het beschikbare water. De tweede fase
              van het programma loopt tot en met 2027. Voor deze fase is in totaal 400 miljoen euro
              gereserveerd, waarvan de helft door de regio wordt opgebracht. Een groot deel van dat bedrag
              gaat naar het vasthouden van water in de hoge zandgronden van Oost- en Zuid-Nederland, waar de
              grondwaterstand in droge zomers snel daalt."""),
        ("p", """Ik zal uw Kamer voor de zomer van 2025 informeren over de uitwerking van de maatregelen
              voor de derde fase van het Deltaprogramma Zoetwater. De financiering van die fase na 2027 is
              nog niet geregeld; ik kom hierop terug bij de Miljoenennota."""),
        ("h", "Rivierverruiming en ruimtelijke keuzes"),
        ("p", """Niet overal is dijkversterking de beste oplossing. Op een aantal plaatsen langs de Maas en
              de Waal geeft de rivier meer ruimte een grotere veiligheidswinst, omdat de waterstand bij
              hoogwater daarmee over een lange afstand daalt. Het Rijk, de provincies Limburg en Gelderland
              en de waterschappen werken daarom in het programma Integraal Riviermanagement aan een
              voorkeursalternatief waarin dijkversterking, rivierverruiming en natuurontwikkeling zijn
              gecombineerd. Dat vraagt keuzes over het gebruik van de uiterwaarden, waar nu landbouw,
              recreatie en soms woningen te vinden zijn. Bewoners en ondernemers in het gebied zijn bij de
              uitwerking betrokken via gebiedsavonden en een klankbordgroep. De regionale overheden hebben
              aangegeven dat zij de uitkomsten van dat traject willen benutten bij hun eigen
              omgevingsvisies, zodat de keuzes voor de rivier en voor het omliggende land op elkaar
              aansluiten."""),
        ("h", "Tot slot"),
        ("p", """Waterveiligheid en een betrouwbare zoetwatervoorziening vragen een lange adem en een goede
              samenwerking tussen het Rijk, de provincies, de waterschappen en de drinkwaterbedrijven. Ik
              blijf met hen in gesprek over de voortgang en over de keuzes die daarbij nodig zijn."""),
    ],
)

# Fictional: a staatssecretaris signs; partly fulfilled, fulfilled and two new commitments.
PREVENTIE = LetterSpec(
    filename="preventie-voortgang-toezeggingen-2025.pdf",
    ministry=VWS,
    reference="4012345-1078542-PG",
    attachments="1",
    date="24 maart 2025",
    subject="Stand van zaken toezeggingen preventie",
    signers=[Signer("De staatssecretaris van Volksgezondheid, Welzijn en Sport,", "M.E. Landstra")],
    notes={
        1: """Een tijdelijk verkoopverbod is sinds 1 januari 2025 mogelijk op grond van artikel 11a van de
            Tabaks- en rookwarenwet.""",
    },
    blocks=[
        ("p", """Met deze brief informeer ik uw Kamer over de voortgang van drie toezeggingen over
              preventie. Het gaat om de aanpak van vapen onder jongeren, de naleving van de leeftijdsgrens
              voor alcohol en de lokale preventieakkoorden."""),
        ("h", "Vapen onder jongeren"),
        ("p", """Tijdens het plenaire debat over de wijziging van de Tabaks- en rookwarenwet op 7 maart
              2024 heb ik het lid Tielen (VVD) toegezegd uw Kamer te informeren over de handhaving van het
              verbod op smaakjes in e-sigaretten en over de verkoop van vapes via sociale media. Met deze
              brief informeer ik uw Kamer over de handhaving; het onderzoek naar de verkoop via sociale
              media is nog niet afgerond. De resultaten daarvan stuur ik uw Kamer in het najaar van 2025."""),
        ("p", """De Nederlandse Voedsel- en Warenautoriteit (NVWA) heeft in 2024 ruim 1.200 controles
              uitgevoerd bij verkooppunten. Bij 23 procent daarvan werden e-sigaretten met een smaakje
              aangetroffen. De NVWA heeft in die gevallen een boete opgelegd; bij herhaling volgt een
              tijdelijk verkoopverbod[^1]. Ik zie dat de naleving langzaam verbetert, maar het percentage
              overtredingen is nog te hoog. De NVWA controleert daarom vaker bij speciaalzaken en
              tankstations, waar de meeste overtredingen worden vastgesteld."""),
        ("h", "Leeftijdsgrens voor alcohol"),
        ("p", """In het schriftelijk overleg over de preventiestrategie van 15 mei 2024 heb ik het lid
              Dobbe (SP) toegezegd de naleving van de leeftijdsgrens van 18 jaar voor alcohol opnieuw te
              laten meten. Die meting is uitgevoerd en het rapport treft u bij deze brief aan. Hiermee is
              deze toezegging afgedaan."""),
        ("p", """Uit de meting blijkt dat supermarkten in 71 procent van de gevallen de leeftijd van jonge
              klanten correct controleren, tegen 62 procent in 2021. Bij slijterijen, sportkantines en in de
              horeca ligt dat percentage lager, en bij bezorging van alcohol aan huis wordt de leeftijd in
              minder dan de helft van de gevallen gecontroleerd. Ik bespreek met de brancheorganisaties
              welke aanvullende afspraken mogelijk zijn, bijvoorbeeld over leeftijdscontrole bij de deur."""),
        ("h", "Lokale preventieakkoorden"),
        ("p", """Inmiddels hebben 287 gemeenten een lokaal preventieakkoord gesloten met partijen als de
              GGD, sportverenigingen, scholen en huisartsen. De akkoorden richten zich vooral op roken,
              overgewicht en problematisch alcoholgebruik. De motie van het lid Slagt-Tichelman
              (GroenLinks-PvdA) over structurele financiering van lokale preventieakkoorden (Kamerstuk 32
              793, nr. 812) is door uw Kamer aangenomen; het kabinet heeft in de Voorjaarsnota 2025 de
              middelen daarvoor vrijgemaakt."""),
        ("p", """Gemeenten hebben behoefte aan duidelijkheid over de verdeling van die middelen. Ik zal uw
              Kamer voor de zomer informeren over de verdeling van de middelen over de gemeenten. Daarnaast
              stuur ik uw Kamer uiterlijk in december 2025 de eerste monitor van de lokale
              preventieakkoorden."""),
    ],
)

# Fictional: two signers, 'mede namens'; fulfilled, postponed and new commitments.
SCHOLING = LetterSpec(
    filename="leven-lang-ontwikkelen-2025.pdf",
    ministry=SZW,
    reference="2025-0000131786",
    attachments="-",
    date="10 juni 2025",
    subject="Voortgang leven lang ontwikkelen",
    signers=[Signer("De minister van Sociale Zaken en Werkgelegenheid,", "H.J. Brouwersma"),
             Signer("De minister van Onderwijs, Cultuur en Wetenschap,", "D.A. Hovenkamp")],
    notes={
        1: """Kamerbrief over de agenda voor een leven lang ontwikkelen van 12 december 2024 (Kamerstuk 30
            012, nr. 168).""",
    },
    blocks=[
        ("p", """Met deze brief informeren wij uw Kamer, mede namens de staatssecretaris van Onderwijs,
              Cultuur en Wetenschap, over de voortgang van het beleid voor een leven lang ontwikkelen[^1].
              Wij gaan daarbij in op twee toezeggingen en op een motie over scholing in de bijstand."""),
        ("h", "Pilots met individuele leerbudgetten"),
        ("p", """In het commissiedebat Arbeidsmarktbeleid op 26 september 2024 hebben wij de leden Van Kent
              (SP) en Saris (NSC) toegezegd uw Kamer te informeren over de resultaten van de pilots met
              individuele leerbudgetten in de zorg en de techniek. Met deze brief geven wij invulling aan
              die toezegging."""),
        ("p", """In de pilots kregen ruim 4.000 werkenden een budget van 1.000 euro per jaar, dat zij zelf
              konden besteden aan scholing die hun positie op de arbeidsmarkt versterkt. Ongeveer de helft
              van de deelnemers heeft het budget volledig benut. Werkenden met een mbo-opleiding maakten
              vaker gebruik van het budget dan in eerdere regelingen, vooral wanneer hun werkgever tijd voor
              de scholing vrijmaakte. De onderzoekers bevelen aan de budgetten te koppelen aan
              loopbaanadvies, omdat deelnemers anders vaak kiezen voor korte cursussen zonder erkend
              certificaat."""),
        ("h", "Erkenning van eerder verworven competenties"),
        ("p", """Tijdens het vragenuur van 4 februari 2025 heeft de minister van Onderwijs, Cultuur en
              Wetenschap het lid Bikker (ChristenUnie) toegezegd voor 1 juni 2025 een voorstel te doen voor
              de erkenning van eerder verworven competenties in het mbo. Het overleg met de MBO Raad en de
              sociale partners vraagt meer tijd dan voorzien; wij sturen het voorstel uiterlijk in oktober
              2025 aan uw Kamer. Wij willen voorkomen dat er een regeling komt die werkgevers en
              onderwijsinstellingen in de praktijk niet kunnen uitvoeren."""),
        ("h", "Scholing in de bijstand"),
        ("p", """De motie van het lid Van Kent (SP) over een recht op scholing voor mensen met een
              bijstandsuitkering (Kamerstuk 30 012, nr. 170) is door uw Kamer verworpen. Wij zien wel ruimte
              om gemeenten te ondersteunen die mensen in de bijstand scholing aanbieden, en bespreken dat
              met de Vereniging van Nederlandse Gemeenten."""),
        ("p", """Tot slot loopt op dit moment de evaluatie van het Leerrecht, de regeling waarmee
              volwassenen zonder startkwalificatie kosteloos een mbo-opleiding kunnen volgen. Wij informeren
              uw Kamer voor het kerstreces over de uitkomsten van die evaluatie en over de keuzes die wij
              daaraan verbinden."""),
    ],
)

LETTERS = [SEED, WATER, PREVENTIE, SCHOLING]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    for spec in LETTERS:
        pages = render(spec, out / spec.filename)
        print(f"{out / spec.filename}: {pages} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
