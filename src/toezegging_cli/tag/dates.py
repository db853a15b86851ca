"""Dutch dates and deadlines: find them in a letter and resolve them to calendar dates.

Pure `re` + `datetime`. Two labels:

- DATE: an absolute date ("12 maart 2025", "15-03-2025", "7 juli jl.", "maart 2025"), value
  `{"date": iso|None, "precision": "day"|"month"|"year"}`.
- DEADLINE: a time expression that sets a term ("voor de zomer", "in het derde kwartaal van 2023",
  "uiterlijk 1 juli", "zo spoedig mogelijk"), value `{"start", "end", "precision", "recurring",
  "estimated"}`; `end` is the last day on which the promise is still kept.

How it works: *anchors* (a date, a month, a season, a quarter, a recess, an event such as
Prinsjesdag, ...) are found with precompiled patterns; the words just before an anchor (recurrence
"jaarlijks", modifiers "uiterlijk"/"nog", a relation "voor"/"na"/"in"/"rond", a position
"eind"/"begin"/"medio") are read with one backward-anchored pattern and decide the window. A few
self-contained expressions (relative terms, "zo spoedig mogelijk", "jaarlijks") have their own
patterns. Overlapping candidates are resolved longest first.

Year-less expressions take their year from the reference date (the letter's date): a term looks
forward (the next such period not yet over; for "voor X" the next X not yet begun), a plain date
takes the nearest year, "jl." the last such date, "a.s." the next. Without a reference date they
get None dates. Recess dates come from `calendar` (estimated where the table lacks the year).

Windows (the scoring conventions of the gold data where it has one):
- "voor X": start = the letter's date, end = the day before X begins; "voor de zomer" = before the
  zomerreces; "voor het einde van X" / "uiterlijk X" / "t/m X": end = the last day of X.
- "in X" / "dit X": the period itself (voorjaar Mar–Jun, zomer Jun–Aug, najaar Sep–Dec, winter
  Dec–Feb; halves and quarters; "dit jaar" from the letter's date); "begin"/"medio"/"eind" take the
  first/middle/last quarter of a year (Jan–Mar, Jun–Jul, Oct–Dec), days 1–10/11–20/21– of a month,
  the first/middle/last month of a quarter or season.
- "na de zomer": day after the zomerreces to 31 October; "rond de zomer": 1 June – 30 September;
  "na" another recess: four weeks after it; "na" anything else: open end ("kort na": four weeks).
- events: Prinsjesdag (Miljoenennota, "bij de begroting"), Verantwoordingsdag (jaarverslag of the
  year before), Voorjaarsnota by 1 June, Najaarsnota by 30 November, begrotingsbehandeling from
  1 November (estimated); "rond" an event or day: a week either side; a debate without a date:
  open end.
- precision "quarter" also covers half-years; "recurring" for "jaarlijks …", "ieder half jaar" …,
  with the window of the letter's year.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from toezegging_cli.tag import calendar as cal

DAY = dt.timedelta(days=1)

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBR = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "twintig": 20, "dertig": 30, "enkele": 3, "een paar": 3, "een aantal": 3,
    "anderhalf": 1.5, "anderhalve": 1.5, "een half": 0.5, "een halve": 0.5,
}  # fmt: skip
ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3,
    "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}  # fmt: skip
# season -> (first month, last month); winter runs into the next year
SEASONS = {
    "voorjaar": (3, 6), "lente": (3, 6), "zomer": (6, 8), "zomerperiode": (6, 8),
    "zomermaanden": (6, 8), "najaar": (9, 12), "herfst": (9, 12), "winter": (12, 2),
    "wintermaanden": (12, 2),
}  # fmt: skip
WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6,
}  # fmt: skip
RECESS_WORDS = {
    "zomerreces": "zomerreces", "zomervakantie": "zomerreces", "kerstreces": "kerstreces",
    "kerstvakantie": "kerstreces", "herfstreces": "herfstreces", "herfstvakantie": "herfstreces",
    "voorjaarsreces": "voorjaarsreces", "krokusreces": "voorjaarsreces",
    "krokusvakantie": "voorjaarsreces", "voorjaarsvakantie": "voorjaarsreces",
    "meireces": "meireces", "meivakantie": "meireces", "verkiezingsreces": "verkiezingsreces",
    "reces": "",
}  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Pattern pieces

_F = re.IGNORECASE


def _alt(words) -> str:
    """Alternation of literal words, longest first (so no alternative shadows a longer one)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH = _alt(MONTHS)
_ABBR = _alt(MONTH_ABBR)
_WEEKDAY = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_YEAR = r"(?:19|20)\d\d(?!\w|[-–/]\d|[.,]\d)"
_NEXT = r"(?:eerst)?volgend[e]?|(?:eerst|aan)?komend[e]?"
_RELYEAR = (
    rf"dit\s+jaar|het\s+(?:huidige|lopende)\s+jaar|(?:het\s+)?(?:{_NEXT})\s+jaar"
    r"|het\s+nieuwe\s+jaar|(?:het\s+)?(?:vorig|vorige|afgelopen)\s+jaar|het\s+jaar"
)
_YEARSPEC = rf"(?:(?:\s+van|\s+in)?\s+|\s*[-/]\s*)(?:(?P<year>{_YEAR})|(?P<ryear>{_RELYEAR}))"
_START = r"(?<![\w.,/-])"


def _daydate(p: str = "") -> str:
    """A written day date ('dinsdag 7 juli 2020 jl.'); group names prefixed with `p`."""
    return (
        rf"(?:(?P<{p}wd>{_WEEKDAY})\s*,?\s+(?:de\s+)?)?"
        rf"(?P<{p}day>[0-3]?\d)(?:ste|de|e)?\s+"
        rf"(?P<{p}mon>{_MONTH}|(?:{_ABBR})\.?)(?!\w)"
        rf"(?:\s+(?P<{p}year>{_YEAR}))?"
        rf"(?:\s*(?P<{p}ja>jl\.?|j\.l\.|l\.l\.|a\.s\.|aanstaande|aanst\.)(?!\w))?"
    )


_RE_DAYDATE = re.compile(rf"{_START}(?:(?P<dd>d\.d\.)\s*)?{_daydate()}", _F)
_RE_NUMDATE = re.compile(
    rf"{_START}(?P<day>[0-3]?\d)(?P<sep>[-/.])(?P<mon>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)"
    r"(?![\w/-]|[.,]\d)"
)
_RE_ISODATE = re.compile(rf"{_START}(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\w-]|[.,]\d)")
_RE_MONTH = re.compile(rf"(?<![\w-])(?P<mon>{_MONTH})(?!\w)(?:{_YEARSPEC})?", _F)
_RE_SEASON = re.compile(
    rf"(?<![\w-])(?:(?P<det>dit|deze|(?:het\s+|de\s+)?(?:{_NEXT})|het|de)\s+)?"
    rf"(?P<season>{_alt(SEASONS)})(?!\w)(?:{_YEARSPEC})?(?![\w-]|\s+van\b)",
    _F,
)
_RE_RECESS = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?:(?P<next>{_NEXT}|aanstaande)\s+)?"
    rf"(?P<recess>{_alt(RECESS_WORDS)})(?!\w)(?:{_YEARSPEC})?(?![\w-]|\s+van\b)",
    _F,
)
_RE_QUARTER = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?:(?P<qord>{_alt(ORDINALS)})\s+kwartaal|(?-i:Q)(?P<qn>[1-4])"
    rf"|(?P<qrel>dit|deze|het\s+huidige|het\s+lopende|(?:het\s+)?(?:{_NEXT}))\s+kwartaal)(?!\w)"
    rf"(?:{_YEARSPEC})?(?![\w-]|\s+van\b)",
    _F,
)
_RE_HALF = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?P<hord>eerste|tweede|1e|2e|2de|laatste)\s+"
    rf"(?:helft|halfjaar|half\s+jaar|jaarhelft)(?!\w)(?:{_YEARSPEC})?(?![\w-]|\s+van\b)",
    _F,
)
_RE_YEAR = re.compile(rf"(?<![\w.,/-])(?:(?P<year>{_YEAR})|(?P<ryear>{_RELYEAR})(?!\w))", _F)
_EVENT_WORDS = (
    r"(?P<prinsjesdag>prinsjesdag)|(?P<verantwoordingsdag>verantwoordingsdag)"
    r"|(?P<miljoenennota>miljoenennota)|(?P<voorjaarsnota>voorjaarsnota)|(?P<najaarsnota>najaarsnota)"
    r"|(?P<behandeling>(?:[a-z]+-?)?begrotingsbehandeling(?:en)?"
    r"|(?:plenaire\s+)?behandeling\s+van\s+(?:de|het)\s+(?:[a-z]+-?)?begroting)"
    r"|(?P<jaarverslag>(?:[a-z]+-?)?jaarverslag(?:en)?)"
    r"|(?P<begroting>(?:[a-z]+-?)?begroting)"
    r"|(?P<kerst>kerstmis|kerstdagen|kerst)|(?P<jaarwisseling>jaarwisseling)"
)
_RE_EVENT = re.compile(
    rf"(?<![\w-])(?:(?:de|het)\s+)?(?:{_EVENT_WORDS})(?!\w)"
    rf"(?:\s+(?:van\s+|voor\s+|over\s+)?(?P<year>{_YEAR}))?",
    _F,
)
_TITLE_STOP = (
    "op|van|d\\.d\\.|in|te|aan|met|zal|zullen|wordt|worden|is|zijn|heeft|hebben|kan|kunnen|moet|"
    "was|waren|werd|en|of|die|dat|dit|de|het|een|voor|vóór|na|om|over|toe|ik|wij|we|u|uw|hierover|"
    "daarover|naar|als|bij|tot|door|nog|ook|niet|wel|er|zo|daar|hier|zich|mijn|onze|ons|hun|waarin|"
    "waar|informeren|sturen|toesturen|toezenden|ontvangen|geïnformeerd|gestuurd|verzonden|plaats"
)
_RE_DEBATE = re.compile(
    rf"(?<![\w-])(?:het|de)\s+(?:(?:{_NEXT}|aanstaande|geplande|aangekondigde)\s+)?"
    r"(?P<debate>commissiedebat|notaoverleg|wetgevingsoverleg|plenaire?\s+debat|plenaire\s+behandeling"
    r"|tweeminutendebat|dertigledendebat|debat|algemeen\s+overleg|schriftelijk\s+overleg"
    r"|bestuurlijk\s+overleg|(?-i:BO|AO))(?!\w)"
    rf"(?:\s+over)?(?P<title>(?:\s+(?:(?:de|het|van|en|voor|over)\s+(?=(?-i:[A-ZÀ-Þ])))?"
    rf"(?!(?:{_TITLE_STOP})(?!\w))(?!\d)[\w’'&/-]+){{0,6}})"
    rf"(?:\s+(?:op|van|d\.d\.)\s+{_daydate('d_')})?",
    _F,
)
_WD = _alt(WEEKDAYS)
_RE_WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?P<next>aanstaande|komende|eerstvolgende|eerstkomende)\s+(?P<wd>{_WD})"
    rf"|(?P<wd2>{_WD})\s+(?:aanstaande|a\.s\.)|volgende\s+week\s+(?P<wd3>{_WD}))(?![\w-])",
    _F,
)
# A condition that sets the term: 'Zodra het rapport verschijnt, …', '… informeer ik u zodra ik meer
# weet.', and 'Wanneer er meer bekend is, …' at the start of a sentence.
_RE_CONDITION = re.compile(
    r"(?:(?<![\w-])(?P<zodra>zodra)|(?:(?<=[.!?]\s)|(?<=\n)|(?<![\s\S]))(?-i:Wanneer))\s+"
    r"(?P<clause>[^.,;:!?()\n]{3,160}?)(?P<close>[,.;:!?]|\n|$)",
    _F,
)
CONDITION = re.compile(r"(?:zodra|wanneer)\b", _F)  # how a term set by a condition starts
BOUND = re.compile(r"(?:uiterlijk|in\s+(?:ieder|elk)\s+geval|niet\s+later\s+dan)\b", _F)  # a term's limit
_MAIN_CLAUSE = re.compile(
    r"\s+(?:zal|zullen|wordt|worden|ontvangt|ontvangen|informeer|informeren|kan|kunnen|stuur|sturen|zend"
    r"|zenden|breng|brengen|kom|komen|bericht|berichten)\s+(?:ik|wij|we|u|uw|het|de|hij|zij)(?![\w-])",
    _F,
)
_RE_WEEK = re.compile(rf"(?<![\w-])(?:in\s+)?de\s+week\s+van\s+{_daydate('w_')}", _F)
_RE_UNSPEC = re.compile(
    r"(?<![\w-])(?:(?P<mod>uiterlijk|nog|in\s+ieder\s+geval)\s+)?(?P<core>"
    r"(?P<asap>zo\s+(?:spoedig|snel|vlot|gauw)\s+(?:als\s+)?mogelijk|z\.s\.m\.?|(?-i:zsm))"
    r"|(?:(?:zeer|heel)\s+)?binnenkort"
    r"|spoedig(?=\s*,\s*(?:(?:maar|doch|en)\s+)?uiterlijk\b)"
    r"|spoedig(?=\s+(?:(?:schriftelijk|nader|verder)\s+)?"
    r"(?:zal|zullen|wordt|worden|te|informeren|sturen|volgen|ontvangt|ontvangen|verslag|berichten)\b)"
    r"|op\s+(?:de\s+)?(?:zeer\s+|heel\s+|zo\s+)?korte\s+termijn"
    r"|te\s+zijner\s+tijd|t\.z\.t\.?"
    r"|op\s+(?:een\s+)?(?:later|nader\s+te\s+bepalen)\s+(?:moment|tijdstip|datum)"
    r"|in\s+de\s+nabije\s+toekomst|binnen\s+afzienbare\s+tijd"
    r"|(?:in\s+)?de\s+komende\s+(?:tijd|periode)|op\s+termijn"
    r")(?!\w)",
    _F,
)
_RE_RELATIVE = re.compile(
    rf"(?<![\w-])(?:(?P<mod>uiterlijk|nog)\s+)?(?P<rel>binnen|over)\s+(?:een\s+termijn\s+van\s+)?"
    rf"(?P<n>\d{{1,3}}|{_alt(NUMBERS)})\s+"
    r"(?P<unit>werkdag(?:en)?|dag(?:en)?|we(?:e)?k(?:en)?|maand(?:en)?|kwartaal|kwartalen"
    r"|halfjaar|half\s+jaar|jaar|jaren)(?!\w)",
    _F,
)
_RE_COMING = re.compile(
    r"(?<![\w-])(?:(?:in|uiterlijk|nog|ergens)\s+)?(?:de\s+|het\s+)?"
    r"(?P<which>(?:eerst)?volgende|(?:eerst|aan)?komende|aanstaande|deze)\s+"
    r"(?P<unit>week|weken|maand|maanden|halfjaar|half\s+jaar)(?!\w)",
    _F,
)
_REC = (
    r"(?:half|twee|drie)?jaarlijks|(?:drie)?maandelijks|(?:ieder|elk|elke)\s+(?:half\s+jaar|halfjaar|jaar"
    r"|twee\s+jaar|kwartaal|maand)|per\s+kwartaal|periodiek"
    r"|(?:een|één|twee|drie|vier)\s*(?:keer|maal)\s+per\s+(?:jaar|kwartaal|maand|half\s+jaar)"
    r"|eens\s+per\s+(?:jaar|kwartaal|maand|half\s+jaar)"
)
_RE_RECURRING = re.compile(rf"(?<![\w-])(?:{_REC})(?!\w)", _F)
_MODS = (
    r"uiterlijk|nog|ruim|ruimschoots|vlak|kort|spoedig|direct|meteen|ergens|later|zeker|liefst"
    r"|in\s+ieder\s+geval|bij\s+voorkeur|al"
)
_RELS = (
    r"voorafgaand(?:e)?\s+aan|in\s+(?:de\s+)?aanloop\s+naar|ter\s+voorbereiding\s+(?:op|van)|vóór|vòòr"
    r"|voor|ná|na|rondom|rond|omstreeks|in\s+de\s+loop\s+van|in|tijdens|gedurende|op|per"
    r"|met\s+ingang\s+van|bij|samen\s+met|gelijktijdig\s+met|met|tot\s+en\s+met|t/m|uiterlijk\s+op"
    r"|uiterlijk|(?:nieuwe\s+)?(?:deadline|streefdatum)(?:\s+is|\s*:)?"
)
_POS = (
    r"(?:(?:aan|tegen|in|vanaf)\s+)?(?:het\s+)?(?:eind|einde|begin|start)(?:\s+van)?"
    r"|medio|half|halverwege|midden"
    r"|(?:de\s+|het\s+)?(?:eerste|1e|tweede|2e|2de|laatste)\s+helft(?:\s+van)?"
)
_RE_PREFIX = re.compile(
    rf"(?<![\w-])(?:(?P<rec>{_REC})\s*,?\s+)?(?P<mods>(?:(?:{_MODS})\s+)*)"
    rf"(?:(?P<rel>{_RELS})\s+)?(?:(?P<pos>{_POS})\s+)?\Z",
    _F,
)
_PREFIX_REACH = 90  # characters looked back for the words before an anchor
_ASAP_STOP = re.compile(
    r"hierover|daarover|erover|hiervan|daarvan|u|uw|te|zal|zullen|wordt|worden|word|ik|wij|we|"
    r"informeren|informeer|berichten|sturen|toesturen|toezenden|zenden|rapporteren|melden|aanbieden|"
    r"geïnformeerd|toegestuurd|verstuurd|gestuurd|aan|is|zijn|kan|kunnen|moet|wil|willen",
    _F,
)
_RE_MEETING_BEFORE = re.compile(
    r"(?:debat|overleg|vergadering|bijeenkomst|raad|gesprek|conferentie|top|sessie|hoorzitting|"
    r"werkbezoek|stemmingen)(?!\w)[^\S\n]*(?:[\w’'&/-]+[^\S\n]+){0,5}\Z",
    _F,
)
_WORD = re.compile(r"\s+([\w’'-]+)")

# ---------------------------------------------------------------------------------------------
# Results


@dataclass
class TimeMatch:
    """A time expression found in a text: character offsets, label and resolved value."""

    start: int
    end: int
    text: str
    label: str  # "DATE" | "DEADLINE"
    value: dict[str, Any]


@dataclass(frozen=True)
class _Window:
    start: dt.date | None
    end: dt.date | None
    precision: str
    estimated: bool = False


@dataclass
class _Prefix:
    start: int
    rec: bool = False
    rec_text: str = ""
    mods: set[str] = field(default_factory=set)
    rel: str | None = None  # before | after | around | in | at | by
    rel_word: str = ""
    pos: str | None = None  # begin | mid | end


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _deadline(start, end, precision, recurring=False, estimated=False) -> dict[str, Any]:
    return {
        "start": _iso(start),
        "end": _iso(end),
        "precision": precision,
        "recurring": recurring,
        "estimated": estimated,
    }


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - DAY


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    y += day.year
    return dt.date(y, m + 1, min(day.day, _month_end(y, m + 1).day))


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


_REL_KIND = {
    "voor": "before", "vóór": "before", "vòòr": "before", "voorafgaand aan": "before",
    "voorafgaande aan": "before", "in aanloop naar": "before", "in de aanloop naar": "before",
    "ter voorbereiding op": "before", "ter voorbereiding van": "before",
    "na": "after", "ná": "after", "rond": "around", "rondom": "around", "omstreeks": "around",
    "in": "in", "in de loop van": "in", "tijdens": "in", "gedurende": "in",
    "op": "at", "per": "at", "met ingang van": "at", "bij": "at", "samen met": "at",
    "gelijktijdig met": "at", "met": "at",
    "tot en met": "by", "t/m": "by", "uiterlijk": "by", "uiterlijk op": "by",
}  # fmt: skip


def _prefix(text: str, at: int) -> _Prefix:
    """Read recurrence, modifiers, relation and position words right before offset `at`."""
    m = _RE_PREFIX.search(text, max(0, at - _PREFIX_REACH), at)
    if m is None or m.start() == at:
        return _Prefix(at)
    p = _Prefix(m.start())
    if m["rec"]:
        p.rec, p.rec_text = True, _norm(m["rec"])
    p.mods = set(_norm(m["mods"]).split()) if m["mods"] else set()
    if m["rel"]:
        word = _norm(m["rel"]).rstrip(":").strip()
        p.rel_word = word
        p.rel = _REL_KIND.get(word, "by")  # deadline / streefdatum
    elif "uiterlijk" in p.mods:
        p.rel, p.rel_word = "by", "uiterlijk"
    if m["pos"]:
        pos = _norm(m["pos"])
        if "helft" in pos:
            p.pos = "first_half" if ("eerste" in pos or "1e" in pos) else "second_half"
        else:
            p.pos = "end" if "eind" in pos else "begin" if ("begin" in pos or "start" in pos) else "mid"
    return p


def _pick(make, ref: dt.date | None, mode: str) -> _Window | None:
    """The occurrence of a yearly period `make(year)` a reference date points at.

    mode "before": the first one that starts after ref; "ongoing": the first not yet over;
    "recurring": the one of ref's year.
    """
    if ref is None:
        return None
    if mode == "recurring":
        return make(ref.year)
    for year in range(ref.year - 1, ref.year + 3):
        w = make(year)
        if w is None or w.start is None or w.end is None:
            continue
        if (mode == "before" and w.start > ref) or (mode != "before" and w.end >= ref):
            return w
    return None


def _portion(w: _Window, pos: str | None, unit: str) -> _Window:
    """Begin / middle / end part of a window ('eind 2023' -> Oct–Dec; 'half mei' -> 11–20 May)."""
    if pos is None or w.start is None or w.end is None:
        return w
    s, e = w.start, w.end
    if pos in ("first_half", "second_half"):  # 'in de tweede helft van oktober' -> 16–31 October
        cut = s.replace(day=15) if unit == "month" else s + (e - s) // 2
        a, b = (s, cut) if pos == "first_half" else (cut + DAY, e)
        return _Window(a, b, w.precision, w.estimated)
    if unit == "year":
        parts = {"begin": (s, _add_months(s, 3) - DAY), "mid": (_add_months(s, 5), _add_months(s, 7) - DAY),
                 "end": (_add_months(s, 9), e)}  # fmt: skip
    elif unit == "month":
        parts = {"begin": (s, s.replace(day=10)), "mid": (s.replace(day=11), s.replace(day=20)),
                 "end": (s.replace(day=21), e)}  # fmt: skip
    elif unit == "half":
        parts = {"begin": (s, _add_months(s, 2) - DAY), "mid": (_add_months(s, 2), _add_months(s, 4) - DAY),
                 "end": (_add_months(s, 4), e)}  # fmt: skip
    elif unit in ("quarter", "season"):
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        mid = _add_months(s, (months - 1) // 2)
        parts = {"begin": (s, _add_months(s, 1) - DAY), "mid": (mid, _add_months(mid, 1) - DAY),
                 "end": (e.replace(day=1), e)}  # fmt: skip
    else:
        third = (e - s) // 3
        parts = {"begin": (s, s + third), "mid": (s + third, e - third), "end": (e - third, e)}
    a, b = parts[pos]
    return _Window(a, b, w.precision, w.estimated)


def _apply(
    w: _Window, p: _Prefix, ref: dt.date | None, unit: str, whole: _Window | None = None
) -> dict[str, Any]:
    """The DEADLINE value of window `w` under the relation words in `p`."""
    recurring = p.rec
    start, end = w.start, w.end
    until_ref = ref if ref is not None and not recurring else None
    if p.rel == "before":
        # 'voor het einde van het jaar' = by the end of the year
        end = whole.end if p.pos == "end" and whole is not None else w.start - DAY if w.start else None
        start = until_ref
    elif p.rel == "by":
        start = until_ref
    elif p.rel == "after":
        start = w.end + DAY if w.end else None
        soon = p.mods & {"kort", "spoedig", "vlak", "direct", "meteen"}
        end = start + dt.timedelta(days=27) if start and soon else None
    elif p.rel == "around" and unit in ("day", "event"):
        start = w.start - dt.timedelta(days=7) if w.start else None
        end = w.end + dt.timedelta(days=7) if w.end else None
    if "uiterlijk" in p.mods and p.rel in ("in", "at", None):
        start = until_ref
    if start is not None and end is not None and start > end:
        start = None
    return _deadline(start, end, w.precision, recurring, w.estimated)


def _mode(p: _Prefix) -> str:
    """Which occurrence a prefix points at: 'voor de zomer' the next one; 'voor het einde van het
    meireces', 'in de zomer' the one not yet over."""
    if p.rec:
        return "recurring"
    return "before" if p.rel == "before" and p.pos != "end" else "ongoing"


def _has_context(p: _Prefix) -> bool:
    return p.rel is not None or p.pos is not None or p.rec or "later" in p.mods or "nog" in p.mods


# ---------------------------------------------------------------------------------------------
# Anchor handlers: each returns candidates (start, end, label, value)

_Cand = tuple[int, int, str, dict[str, Any]]


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBR[word]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_day(
    day: int, month: int, year: int | None, ja: str | None, ref: dt.date | None, mode: str
) -> dt.date | None:
    """The date of a day/month (+year) with 'jl.'/'a.s.' or a mode (nearest, before, ongoing)."""
    if year is not None:
        return _safe_date(year, month, day)
    if ref is None:
        return None
    options = [d for y in range(ref.year - 1, ref.year + 2) if (d := _safe_date(y, month, day))]
    if not options:
        return None
    ja = (ja or "").lower()
    if ja.startswith(("jl", "j.l", "l.l")):
        past = [d for d in options if d <= ref]
        return past[-1] if past else None
    if ja.startswith(("a.s", "aanst")):
        future = [d for d in options if d > ref]
        return future[0] if future else None
    if mode == "recurring":
        return _safe_date(ref.year, month, day)
    if mode == "before":  # 'voor 22 mei' in a letter of 22 May: that day (a term just reached)
        return next((d for d in options if d >= ref), None)
    if mode == "ongoing":
        return next((d for d in options if d >= ref), None)
    return min(options, key=lambda d: abs((d - ref).days))


def _date_value(day: dt.date | None, precision: str = "day") -> dict[str, Any]:
    return {"date": _iso(day), "precision": precision}


def _day_candidates(
    text: str, ref: dt.date | None, s: int, e: int, day: int, month: int, year: int | None, ja: str | None
) -> list[_Cand]:
    """A day date: DEADLINE when a relation word makes it a term, else DATE."""
    if year is None and _safe_date(2000, month, day) is None:  # 2000 is a leap year
        return []
    if year is not None and _safe_date(year, month, day) is None:
        return []
    plain = (s, e, "DATE", _date_value(_resolve_day(day, month, year, ja, ref, "nearest")))
    p = _prefix(text, s)
    if p.rel is None or p.pos is not None or p.rel == "in":
        return [plain]
    if p.rel == "at" and p.rel_word in ("bij", "met", "samen met", "gelijktijdig met"):
        return [plain]
    if p.rel == "at" and not p.rec:
        # 'op 10 oktober' names a term only when that day is still ahead of the letter, and not
        # when it dates a meeting ('het commissiedebat Water op 16 april')
        d = _resolve_day(day, month, year, ja, ref, "nearest")
        if d is None or ref is None or d <= ref:
            return [plain]
        if p.rel_word == "op" and _RE_MEETING_BEFORE.search(text, max(0, p.start - 80), p.start):
            return [plain]
    else:
        d = _resolve_day(day, month, year, ja, ref, _mode(p))
    w = _Window(d, d, "day")
    return [plain, (p.start, e, "DEADLINE", _apply(w, p, ref, "day"))]


def _h_daydate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    year = int(m["year"]) if m["year"] else None
    return _day_candidates(
        text, ref, m.start(), m.end(), int(m["day"]), _month_number(m["mon"]), year, m["ja"]
    )


def _h_numdate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    return _day_candidates(text, ref, m.start(), m.end(), int(m["day"]), int(m["mon"]), int(m["year"]), None)


def _explicit_year(m: re.Match, ref: dt.date | None) -> tuple[bool, int | None]:
    """(a year was given, that year) from the 'van 2025' / 'van dit jaar' part of an anchor."""
    if m["year"]:
        return True, int(m["year"])
    if m["ryear"]:
        word = _norm(m["ryear"])
        if ref is None:
            return True, None
        if any(k in word for k in ("volgend", "komend", "nieuwe")):
            return True, ref.year + 1
        if any(k in word for k in ("vorig", "afgelopen")):
            return True, ref.year - 1
        return True, ref.year
    return False, None


_PERIOD_RELATIONS = frozenset({"before", "after", "around", "in", "by"})


def _period(
    m: re.Match,
    text: str,
    ref: dt.date | None,
    make,
    unit: str,
    standalone: bool,
    explicit: tuple[bool, int | None],
    plain_date: str | None = None,
) -> list[_Cand]:
    """Candidates of a yearly period anchor (month, season, quarter, half, year).

    `make(year)` gives the period's window in a year; `standalone` says whether the anchor is a
    term without relation words ('dit najaar', 'Q3 2023'); `plain_date` the DATE precision of a
    bare anchor with a year ('maart 2025').
    """
    given, year = explicit
    p = _prefix(text, m.start())
    if p.rel is not None and p.rel not in _PERIOD_RELATIONS:
        p = _Prefix(m.start())
    if not _has_context(p) and not standalone:
        if plain_date and given:
            w = make(year) if year is not None else None
            return [(m.start(), m.end(), "DATE", _date_value(w.start if w else None, plain_date))]
        return []
    if given:
        whole = make(year) if year is not None else None
    else:
        whole = _pick(make, ref, _mode(p) if p.pos is None or p.rel != "before" else "ongoing")
    if whole is None:
        value = _deadline(None, None, _unit_precision(unit), p.rec)
    else:
        value = _apply(_portion(whole, p.pos, unit), p, ref, unit, whole)
    return [(p.start, m.end(), "DEADLINE", value)]


def _unit_precision(unit: str) -> str:
    return "quarter" if unit == "half" else unit


def _h_month(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    month = MONTHS[m["mon"].lower()]

    def make(y: int) -> _Window:
        return _Window(dt.date(y, month, 1), _month_end(y, month), "month")

    return _period(m, text, ref, make, "month", False, _explicit_year(m, ref), plain_date="month")


def _season_window(season: str, y: int) -> _Window:
    first, last = SEASONS[season]
    end_year = y + 1 if last < first else y
    return _Window(dt.date(y, first, 1), _month_end(end_year, last), "season")


def _recess_window(name: str, y: int) -> _Window | None:
    r = cal.recess(name, y)
    return _Window(r.start, r.end, "event", r.estimated) if r else None


def _h_season(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    season = m["season"].lower()
    det = _norm(m["det"] or "")
    explicit = _explicit_year(m, ref)
    if not explicit[0] and det in ("dit", "deze") and season not in ("winter", "wintermaanden"):
        explicit = (True, ref.year if ref else None)
    standalone = explicit[0] or det not in ("", "het", "de")
    p = _prefix(text, m.start())
    if SEASONS[season] == (6, 8) and p.pos is None and (p.rel in ("before", "after", "around", "by")):
        return _summer_recess(m, text, ref, p, explicit)
    if det and ("volgend" in det) and not explicit[0]:
        whole = _pick(lambda y: _season_window(season, y), ref, "before")
        explicit = (True, whole.start.year if whole and whole.start else None)
    return _period(m, text, ref, lambda y: _season_window(season, y), "season", standalone, explicit)


def _summer_recess(
    m: re.Match, text: str, ref: dt.date | None, p: _Prefix, explicit: tuple[bool, int | None]
) -> list[_Cand]:
    """'voor de zomer' / 'na de zomer(reces)' / 'rond de zomer': terms set by the summer recess."""
    given, year = explicit
    if given:
        w = _recess_window("zomerreces", year) if year is not None else None
    else:
        w = _pick(lambda y: _recess_window("zomerreces", y), ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec))]
    if p.rel == "after":
        start = w.end + DAY
        value = _deadline(start, dt.date(w.end.year, 10, 31), "season", p.rec, w.estimated)
    elif p.rel == "around":
        y = w.start.year
        value = _deadline(dt.date(y, 6, 1), dt.date(y, 9, 30), "season", p.rec, w.estimated)
    else:
        value = _apply(w, p, ref, "event", whole=w)  # 'voor het einde van het zomerreces': its last day
    return [(p.start, m.end(), "DEADLINE", value)]


def _h_recess(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    name = RECESS_WORDS[m["recess"].lower()]
    p = _prefix(text, m.start())
    if p.rel not in ("before", "after", "around", "in", "by"):
        return []
    explicit = _explicit_year(m, ref)
    if name == "zomerreces" and p.rel in ("before", "after", "around", "by"):
        return _summer_recess(m, text, ref, p, explicit)
    if not name:  # 'het reces': the next recess of any kind
        r = cal.next_recess(ref) if ref else None
        w = _Window(r.start, r.end, "event", r.estimated) if r else None
    elif explicit[0]:
        w = _recess_window(name, explicit[1]) if explicit[1] is not None else None
    else:
        w = _pick(lambda y: _recess_window(name, y), ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec))]
    value = _apply(w, p, ref, "event", whole=w)
    if p.rel == "after" and value["end"] is None:
        value["end"] = _iso(w.end + dt.timedelta(days=28))
    return [(p.start, m.end(), "DEADLINE", value)]


def _quarter_window(q: int, y: int) -> _Window:
    first = 3 * (q - 1) + 1
    return _Window(dt.date(y, first, 1), _month_end(y, first + 2), "quarter")


def _h_quarter(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    explicit = _explicit_year(m, ref)
    if m["qrel"]:
        if ref is None:
            p = _prefix(text, m.start())
            return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "quarter", p.rec))]
        current = (ref.month - 1) // 3 + 1
        step = 0 if _norm(m["qrel"]) in ("dit", "deze", "het huidige", "het lopende") else 1
        q, y = current + step, ref.year
        if q > 4:
            q, y = 1, y + 1
        explicit = (True, y)
    else:
        q = int(m["qn"]) if m["qn"] else ORDINALS[m["qord"].lower()]
    return _period(m, text, ref, lambda y: _quarter_window(q, y), "quarter", explicit[0], explicit)


def _h_half(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    h = 1 if m["hord"].lower() in ("eerste", "1e") else 2

    def make(y: int) -> _Window:
        return _Window(dt.date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter")

    explicit = _explicit_year(m, ref)
    return _period(m, text, ref, make, "half", explicit[0], explicit)


def _h_year(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    def make(y: int) -> _Window:
        return _Window(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")

    explicit = _explicit_year(m, ref)
    word = _norm(m["ryear"] or "")
    needs_position = word.startswith(("het jaar", "vorig", "het vorige", "afgelopen", "het afgelopen"))
    if needs_position and _prefix(text, m.start()).pos is None:
        return []  # 'het jaar' / 'vorig jaar' is a term only as 'eind(e) van het jaar'
    standalone = bool(word) and not needs_position
    cands = _period(m, text, ref, make, "year", standalone, explicit)
    if cands and word in ("dit jaar", "het huidige jaar", "het lopende jaar") and ref is not None:
        p = _prefix(text, m.start())
        if p.pos is None and p.rel in (None, "in", "by"):
            cands[0][3]["start"] = ref.isoformat()
    return cands


_DAY_EVENTS = ("prinsjesdag", "verantwoordingsdag", "kerst", "jaarwisseling")


def _h_event(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    kind = next(k for k in ("prinsjesdag", "verantwoordingsdag", "miljoenennota", "voorjaarsnota",
                            "najaarsnota", "behandeling", "jaarverslag", "begroting", "kerst",
                            "jaarwisseling") if m[k])  # fmt: skip
    p = _prefix(text, m.start())
    allowed = {
        "behandeling": {"before"},
        "begroting": {"at", "in"},
        "prinsjesdag": {"before", "after", "around", "at", "by", "in"},
        "verantwoordingsdag": {"before", "after", "around", "at", "by", "in"},
        "kerst": {"before", "after", "around", "at", "by", "in"},
        "jaarwisseling": {"before", "after", "around", "at", "by"},
    }.get(kind, {"before", "around", "at", "in", "by"})
    if p.rel not in allowed or p.pos is not None:
        return []
    if p.rel == "at" and p.rel_word in ("op", "per", "met ingang van") and kind not in _DAY_EVENTS:
        return []
    if kind == "begroting" and p.rel == "in" and p.rel_word != "in":
        return []
    given = m["year"] is not None
    year = int(m["year"]) if given else None
    estimated = kind == "behandeling"
    offset, day_of = {
        "prinsjesdag": (0, cal.prinsjesdag),
        "miljoenennota": (-1, cal.prinsjesdag),
        "begroting": (-1, cal.prinsjesdag),
        "verantwoordingsdag": (0, cal.verantwoordingsdag),
        "jaarverslag": (1, cal.verantwoordingsdag),
        "voorjaarsnota": (0, lambda y: dt.date(y, 6, 1)),
        "najaarsnota": (0, lambda y: dt.date(y, 11, 30)),
        "behandeling": (-1, lambda y: dt.date(y, 11, 1)),
        "kerst": (0, lambda y: dt.date(y, 12, 25)),
        "jaarwisseling": (0, lambda y: dt.date(y, 12, 31)),
    }[kind]

    def make(y: int) -> _Window:
        d = day_of(y)
        return _Window(d, d, "event", estimated)

    w = make(year + offset) if given and year is not None else _pick(make, ref, _mode(p))
    if w is None:
        return [(p.start, m.end(), "DEADLINE", _deadline(None, None, "event", p.rec, estimated))]
    if kind in ("voorjaarsnota", "najaarsnota") and p.rel in ("at", "in", "by"):
        # sent 'not later than' its date: the note itself bounds the window
        start = ref if ref and ref <= w.end and not p.rec else None
        return [(p.start, m.end(), "DEADLINE", _deadline(start, w.end, "event", p.rec))]
    if kind == "jaarwisseling" and p.rel == "before":
        return [(p.start, m.end(), "DEADLINE", _deadline(None if p.rec else ref, w.end, "event", p.rec))]
    return [(p.start, m.end(), "DEADLINE", _apply(w, p, ref, "event"))]


def _h_debate(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'voor het commissiedebat X (op 16 april)': before a meeting; end known only with its date."""
    p = _prefix(text, m.start())
    if p.rel != "before":
        return []
    end = m.end()
    day = None
    if m["d_day"]:
        day = _resolve_day(int(m["d_day"]), _month_number(m["d_mon"]),
                           int(m["d_year"]) if m["d_year"] else None, m["d_ja"], ref, "ongoing")  # fmt: skip
    else:
        end = m.start("title") + len(m["title"].rstrip())
    if day is None:
        return [(p.start, end, "DEADLINE", _deadline(None if p.rec else ref, None, "event", p.rec))]
    return [(p.start, end, "DEADLINE", _apply(_Window(day, day, "event"), p, ref, "event"))]


def _h_week(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'in de week van 12 mei': Monday to Sunday of that week."""
    year = int(m["w_year"]) if m["w_year"] else None
    day = _resolve_day(int(m["w_day"]), _month_number(m["w_mon"]), year, m["w_ja"], ref, "ongoing")
    if day is None:
        return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, "day"))]
    monday = day - dt.timedelta(days=day.weekday())
    return [(m.start(), m.end(), "DEADLINE", _deadline(monday, monday + dt.timedelta(days=6), "day"))]


def _h_unspec(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    end = m.end()
    if m["asap"]:
        end = _extend_after(text, end)
    return [(m.start(), end, "DEADLINE", _deadline(None, None, "unspecified"))]


_RE_AFTER = re.compile(r"\s+(?:na|nadat)(?!\w)", _F)


def _extend_after(text: str, end: int) -> int:
    """'zo spoedig mogelijk na ontvangst van het advies …': take the 'na …' condition along."""
    m = _RE_AFTER.match(text, end)
    if not m:
        return end
    pos, words = m.end(), 0
    while words < 30:
        w = _WORD.match(text, pos)
        if not w or _ASAP_STOP.fullmatch(w[1]):
            break
        pos, words = w.end(), words + 1
    return pos if words >= 1 else end


_UNIT_DAYS = {"dag": 1, "werkdag": 1.4, "week": 7, "wek": 7}


def _h_weekday(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'aanstaande maandag', 'maandag a.s.': the first such day after the letter; 'volgende week
    dinsdag': that day in the next week. A day still ahead, so a term ('voor' etc. apply)."""
    if ref is None:
        return []
    if m["wd3"]:
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7)
        day = monday + dt.timedelta(days=WEEKDAYS[m["wd3"].lower()])
    else:
        wd = WEEKDAYS[(m["wd"] or m["wd2"]).lower()]
        day = ref + dt.timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    p = _prefix(text, m.start())
    start = p.start if p.rel else m.start()
    return [(start, m.end(), "DEADLINE", _apply(_Window(day, day, "day"), p, ref, "day"))]


def _h_condition(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'Zodra ik die informatie heb ontvangen': a term set by an event, no dates. A sentence-opening
    'Wanneer' counts only as a clause closed by a comma (not a question)."""
    if not m["zodra"] and m["close"] != ",":
        return []
    end = m.end("clause")
    main = _MAIN_CLAUSE.search(text, m.start("clause"), end)  # 'Zodra … ontvangen zal ik die …'
    if main is not None:
        end = main.start()
    return [(m.start(), end, "DEADLINE", _deadline(None, None, "unspecified"))]


def _h_relative(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'binnen twee weken', 'over een half jaar': counted from the reference date."""
    raw = _norm(m["n"])
    n = float(raw) if raw.isdigit() else NUMBERS[raw]
    unit = _norm(m["unit"])
    if unit.startswith("half") or (unit == "jaar" and n < 1):
        n, unit = n * 12 if unit == "jaar" else n * 6, "maand"
    precision = "day"
    if ref is None:
        target = None
    elif unit.startswith(("dag", "werkdag", "week", "wek")):
        target = ref + dt.timedelta(days=round(n * _UNIT_DAYS[re.sub(r"en$", "", unit)]))
    else:
        months = n * (12 if unit.startswith("ja") else 3 if unit.startswith("kwarta") else 1)
        precision = "year" if unit.startswith("ja") else "quarter" if unit.startswith("kwarta") else "month"
        target = _add_months(ref, round(months))
    start = ref if m["rel"].lower() == "binnen" else target
    value = _deadline(start, target, precision)
    value["relative"] = True  # counted from the reference date, not from a date in the text
    return [(m.start(), m.end(), "DEADLINE", value)]


def _h_coming(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    """'volgende week', 'deze maand', 'de komende maanden'."""
    which, unit = _norm(m["which"]), _norm(m["unit"])
    precision = "day" if unit.startswith("we") else "month"
    if ref is None:
        return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, precision))]
    if unit in ("weken", "maanden") or unit.startswith("half"):
        months = {"weken": 0, "maanden": 6}.get(unit, 6)
        end = ref + dt.timedelta(weeks=6) if unit == "weken" else _add_months(ref, months)
        return [(m.start(), m.end(), "DEADLINE", _deadline(ref, end, precision))]
    this = which == "deze"
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=0 if this else 1)
        start, end = (ref if this else monday), monday + dt.timedelta(days=6)
    else:
        first = ref.replace(day=1) if this else _add_months(ref.replace(day=1), 1)
        start, end = (ref if this else first), _month_end(first.year, first.month)
    return [(m.start(), m.end(), "DEADLINE", _deadline(start, end, precision))]


def _h_recurring(m: re.Match, text: str, ref: dt.date | None) -> list[_Cand]:
    word = _norm(m[0])
    if "kwartaal" in word or "driemaandelijks" in word:
        precision = "quarter"
    elif "maand" in word:
        precision = "month"
    elif "half" in word:
        precision = "quarter"
    elif "jaar" in word or "jaarlijks" in word:
        precision = "year"
    else:
        precision = "unspecified"
    return [(m.start(), m.end(), "DEADLINE", _deadline(None, None, precision, recurring=True))]


_MONTH_KEY = _alt(MONTHS)
# Each anchor pattern with a lower-case, case-sensitive key pattern: every match of the anchor holds
# a key hit, and plain literal scans are several times faster than the full patterns, so the full
# patterns only run in windows around key hits.
_ANCHORS = (
    (_RE_DAYDATE, rf"{_MONTH_KEY}|\d(?:ste|de|e)?\s+(?:{_ABBR})", _h_daydate),
    (_RE_NUMDATE, r"\d[-/.][01]?\d[-/.]", _h_numdate),
    (_RE_ISODATE, r"\d\d-[01]\d-", _h_numdate),
    (_RE_MONTH, _MONTH_KEY, _h_month),
    (_RE_SEASON, _alt(SEASONS), _h_season),
    (_RE_RECESS, "reces|vakantie", _h_recess),
    (_RE_QUARTER, r"kwartaal|q[1-4]", _h_quarter),
    (_RE_HALF, r"helft|half", _h_half),
    (_RE_YEAR, r"(?:19|20)\d\d|jaar", _h_year),
    (_RE_EVENT, r"prinsjesdag|verantwoordingsdag|nota|begroting|jaarverslag|kerst|jaarwisseling", _h_event),
    (_RE_WEEK, r"week\s+van", _h_week),
    (_RE_DEBATE, r"debat|overleg|behandeling|(?<![a-z])[ab]o(?![a-z])", _h_debate),
    (
        _RE_UNSPEC,
        r"mogelijk|z\.s\.m|zsm|binnenkort|spoedig|termijn|zijner|t\.z\.t|later|nader te|nabije|afzienbare"
        r"|komende",
        _h_unspec,
    ),
    (_RE_RELATIVE, r"(?:binnen|over)\s", _h_relative),
    (_RE_WEEKDAY, r"dag\s+(?:aanstaande|a\.s\.)|(?:aanstaande|komende|eerst\w+|week)\s+\w+dag", _h_weekday),
    (_RE_CONDITION, r"zodra|wanneer", _h_condition),
    (_RE_COMING, r"(?:volgende|komende|aanstaande|deze)\s+(?:we|maand|half)", _h_coming),
    (_RE_RECURRING, r"jaarlijks|maandelijks|ieder|elk|per\s+kwartaal|periodiek|\s+per\s", _h_recurring),
)
_KEYS = tuple(re.compile(key) for _, key, _ in _ANCHORS)
_BEFORE_KEY, _AFTER_KEY = 60, 200  # reach of an anchor match around its key hit


def _windows(key: re.Pattern, lower: str) -> list[tuple[int, int]]:
    """Merged text windows around the hits of `key`."""
    out: list[tuple[int, int]] = []
    for k in key.finditer(lower):
        a, b = max(0, k.start() - _BEFORE_KEY), k.end() + _AFTER_KEY
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _candidates(text: str, ref: dt.date | None) -> list[_Cand]:
    lower = text.lower()
    exact = len(lower) == len(text)  # lower() can lengthen rare characters; then scan everything
    cands: list[_Cand] = []
    for (pattern, _, handler), key in zip(_ANCHORS, _KEYS, strict=True):
        spans = _windows(key, lower) if exact else [(0, len(text))]
        for a, b in spans:
            for m in pattern.finditer(text, a, min(b, len(text))):
                cands.extend(handler(m, text, ref))
    return cands


# ---------------------------------------------------------------------------------------------
# Public API


def find_time_expressions(text: str, ref: dt.date | None) -> list[TimeMatch]:
    """All dates and deadlines in `text`: non-overlapping, sorted by offset, longest match wins.

    `ref` is the letter's date; year-less expressions are resolved against it (None dates without).
    """
    if isinstance(ref, dt.datetime):
        ref = ref.date()
    elif isinstance(ref, str):
        ref = dt.date.fromisoformat(ref) if ref else None
    cands = _candidates(text, ref)
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []  # accepted spans, kept sorted and disjoint
    ends: list[int] = []
    out: list[TimeMatch] = []
    for s, e, label, value in cands:
        i = bisect.bisect_left(starts, e)  # spans before i start before e
        if i and ends[i - 1] > s:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        out.append(TimeMatch(s, e, text[s:e], label, value))
    out.sort(key=lambda t: t.start)
    return _merge_bounded(text, out)


# 'zo spoedig mogelijk, maar uiterlijk in het eerste kwartaal', 'zo snel mogelijk en in ieder geval
# voor de zomer': the bound after the vague term is the deadline; the text keeps both.
_BOUND_JOIN = re.compile(rf"\s*,?\s*(?:maar|doch|echter|en|of)?\s*(?:{BOUND.pattern})?\s*,?\s*$", _F)


def _merge_bounded(text: str, found: list[TimeMatch]) -> list[TimeMatch]:
    """One DEADLINE for an unspecified term directly followed by a dated bound."""
    out: list[TimeMatch] = []
    for t in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == t.label == "DEADLINE"
                and prev.value.get("precision") == "unspecified"
                and t.value.get("precision") != "unspecified" and t.value.get("end")
                and _BOUND_JOIN.match(text, prev.end, t.start)
                and BOUND.search(text, prev.end, t.end)):
            out[-1] = TimeMatch(prev.start, t.end, text[prev.start:t.end], t.label, t.value)
            continue
        out.append(t)
    return out


def resolve_deadline(phrase: str, ref: dt.date | None) -> dict[str, Any] | None:
    """The DEADLINE value of one phrase ('voor de zomer'); a bare date counts as that day/month.

    None when the phrase holds no time expression.
    """
    found = find_time_expressions(phrase, ref)
    if not found:
        return None
    best = max(found, key=lambda t: (t.label == "DEADLINE", t.end - t.start))
    if best.label == "DEADLINE":
        return best.value
    iso, precision = best.value["date"], best.value["precision"]
    if iso is None:
        return _deadline(None, None, precision)
    day = dt.date.fromisoformat(iso)
    end = {"day": day, "month": _month_end(day.year, day.month), "year": dt.date(day.year, 12, 31)}[precision]
    return _deadline(day, end, precision)


def infer_reference_date(text: str) -> dt.date | None:
    """The latest fully written date in `text`: a stand-in reference when a letter has no date."""
    days = [
        dt.date.fromisoformat(t.value["date"])
        for t in find_time_expressions(text, None)
        if t.label == "DATE" and t.value["date"] and t.value["precision"] == "day"
    ]
    return max(days) if days else None
