"""The regular expressions that find date and term expressions, built from the word tables."""

from __future__ import annotations

import re

from toezegging_cli.tag.dates.words import (
    MONTH_ABBR,
    MONTHS,
    NUMBERS,
    ORDINALS,
    RECESS_WORDS,
    SEASONS,
    WEEKDAYS,
)

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
# a period followed by "van" is part of something longer ("het voorjaar van de democratie"), unless "van"
# names the sender: "ontvangt uw Kamer in het najaar van mij een voorstel"
_NOT_OF = r"(?![\w-]|\s+van\b(?!\s+(?:mij|ons|het\s+kabinet|de\s+(?:minister|staatssecretaris))\b))"


def _daydate(p: str = "") -> str:
    """A written day date ('dinsdag 7 juli 2020 jl.'); group names prefixed with `p`."""
    return (
        rf"(?:(?P<{p}wd>{_WEEKDAY})\s*,?\s+(?:de\s+)?)?"
        rf"(?P<{p}day>[0-3]?\d)(?:ste|de|e)?\s+"
        rf"(?P<{p}mon>{_MONTH}|(?:{_ABBR})\.?)(?!\w)"
        rf"(?:\s+(?P<{p}year>{_YEAR}))?"
        rf"(?:\s*(?P<{p}ja>jl\.?|j\.l\.|l\.l\.|jongstleden|laatstleden|a\.s\.|aanstaande|aanst\.)(?!\w))?"
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
    rf"(?P<season>{_alt(SEASONS)})(?!\w)(?:{_YEARSPEC})?{_NOT_OF}",
    _F,
)
_RE_RECESS = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?:(?P<next>{_NEXT}|aanstaande)\s+)?"
    rf"(?P<recess>{_alt(RECESS_WORDS)})(?!\w)(?:{_YEARSPEC})?{_NOT_OF}",
    _F,
)
_RE_QUARTER = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?:(?P<qord>{_alt(ORDINALS)})\s+kwartaal|(?-i:Q)(?P<qn>[1-4])"
    rf"|(?P<qrel>dit|deze|het\s+huidige|het\s+lopende|(?:het\s+)?(?:{_NEXT}))\s+kwartaal)(?!\w)"
    rf"(?:{_YEARSPEC})?{_NOT_OF}",
    _F,
)
_RE_HALF = re.compile(
    rf"(?<![\w-])(?:(?:het|de)\s+)?(?P<hord>eerste|tweede|1e|2e|2de|laatste)\s+"
    rf"(?:helft|halfjaar|half\s+jaar|jaarhelft)(?!\w)(?:{_YEARSPEC})?{_NOT_OF}",
    _F,
)
_RE_YEAR = re.compile(rf"(?<![\w.,/-])(?:(?P<year>{_YEAR})|(?P<ryear>{_RELYEAR})(?!\w))", _F)
_EVENT_WORDS = (
    r"(?P<prinsjesdag>prinsjesdag)|(?P<verantwoordingsdag>verantwoordingsdag)"
    r"|(?P<miljoenennota>miljoenennota)|(?P<voorjaarsnota>voorjaarsnota)|(?P<najaarsnota>najaarsnota)"
    r"|(?P<behandeling>(?:[a-z]+-?)?begrotingsbehandeling(?:en)?|(?:[a-z]+-?)?begrotingsdebat(?:ten)?"
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
    "waar|informeren|sturen|toesturen|toezenden|ontvangen|geïnformeerd|gestuurd|verzonden|plaats|"
    # the finite verb after a fronted term: 'Voor het notaoverleg MIRT ontvangt de Kamer …'
    "ontvangt|ontvang|stuur|stuurt|zend|zendt|informeer|informeert|kom|komt|ga|gaat|wil|verwacht|hoop|"
    "bied|biedt|krijgt|krijg|deel|deelt|geef|geeft|breng|brengt|verstuur|rapporteer|stel|stelt|laat"
)
_RE_DEBATE = re.compile(
    rf"(?<![\w-])(?:het|de)\s+(?:(?:{_NEXT}|aanstaande|geplande|aangekondigde)\s+)?"
    r"(?P<debate>commissiedebat|notaoverleg|notadebat|wetgevingsoverleg|plenaire?\s+debat|plenaire\s+behandeling"
    r"|tweeminutendebat|dertigledendebat|debat|algemeen\s+overleg|schriftelijk\s+overleg"
    r"|bestuurlijk\s+overleg|hoorzitting|rondetafelgesprek|deskundigenoverleg|deskundigenbijeenkomst"
    r"|(?-i:BO|AO|VAO|VSO))(?!\w)"
    # 'over' only where a title follows it: not 'Voor het wetgevingsoverleg over de begroting ontvangt'
    rf"(?:\s+over(?=\s+(?:(?:de|het|van|en|voor|over)\s+(?-i:[A-ZÀ-Þ])|(?!(?:{_TITLE_STOP})(?!\w))(?!\d)\w)))?"
    # a title with lower-case words, year ranges and 'hierover' when a date closes it: 'vóór het
    # Algemeen Overleg jaarwisseling 2013–2014 en vuurwerk van 27 mei a.s.', 'in aanloop naar het
    # notadebat hierover op 26 september'
    rf"(?:(?P<wtitle>(?:\s+(?!(?:{_TITLE_STOP})(?!\w))(?:\d{{4}}[–-]\d{{2,4}}|(?!\d)[\w’'&/-]+)"
    rf"|\s+(?:de|het|van|en|voor|over)(?=\s+(?!\d)[\w’'&/-]+)){{0,10}})(?:\s+(?:hierover|daarover))?"
    rf"\s+(?:op|van|d\.d\.)\s+{_daydate('w_')}"
    rf"|(?P<title>(?:\s+(?:(?:de|het|van|en|voor|over)\s+(?=(?-i:[A-ZÀ-Þ])))?"
    rf"(?!(?:{_TITLE_STOP})(?!\w))(?!\d)[\w’'&/-]+){{0,6}})"
    rf"(?:\s+(?:op|van|d\.d\.)\s+{_daydate('d_')})?)",
    _F,
)
_WD = _alt(WEEKDAYS)
_RE_WEEKDAY = re.compile(
    rf"(?<![\w-])(?:(?P<next>aanstaande|komende|eerstvolgende|eerstkomende)\s+(?P<wd>{_WD})"
    rf"|(?P<wd2>{_WD})\s+(?:aanstaande|a\.s\.)|volgende\s+week\s+(?P<wd3>{_WD})"
    # the day after the letter, not 'de zorg van morgen' or 'deze morgen' (the morning)
    r"|(?<!van\s)(?<!de\s)(?<!het\s)(?<!deze\s)(?<!op\s)(?P<tomorrow>(?:over)?morgen))(?![\w-])",
    _F,
)
# A day just past, named from the letter's date: 'het commissiedebat van gisteren', 'vorige week donderdag',
# 'afgelopen dinsdag', 'dinsdag jl.' (a meeting dated so takes the day it names: eval/README, conventions)
_RE_PAST_DAY = re.compile(
    rf"(?<![\w-])(?:(?P<yesterday>(?:eer)?gisteren)|vorige\s+week\s+(?P<lastweek>{_WD})"
    rf"|afgelopen\s+(?P<last>{_WD})|(?P<last2>{_WD})\s+(?:jl\.|jongstleden|l\.l\.))(?![\w-])",
    _F,
)
# A term set by an event that is no meeting of the Kamer: '… toesturen na de rondetafelbijeenkomst', 'direct
# na afloop van de consultatie' (debates and overleggen are `_RE_DEBATE`'s; seasons and recesses their own).
AFTER_EVENT_NOUNS = (
    "bijeenkomst|bijeenkomsten|vergadering|gesprek|gesprekken|evaluatie|consultatie|internetconsultatie|"
    "publicatie|besluitvorming|verkiezingen|conferentie|top|zitting|werkbezoek|ondertekening|inventarisatie"
)
# Work whose finishing sets a term only with 'na afronding/afloop van': 'na afronding van het onderzoek'
# (not a bare 'na het onderzoek', which narrates as often as it promises).
FINISHED_WORK_NOUNS = (
    "onderzoek|onderzoeken|studie|analyse|verkenning|pilot|experiment|traject|overleg|onderhandelingen|"
    "project|proces|review|audit|doorlichting|uitvraag|aanbesteding|beoordeling|gesprekken"
)
_SOON = r"(?<![\w-])(?:(?:direct|kort|vlak|snel|zo snel mogelijk|zo spoedig mogelijk)\s+)?"  # 'direct na …'
_RE_AFTER_EVENT = re.compile(
    _SOON + r"(?:na\s+(?:afloop|afronding|ommekomst)\s+van|na)\s+(?:de|het)\s+(?:\w+\s+)?"
    rf"[\w-]*(?:{AFTER_EVENT_NOUNS})(?![\w-])(?:\s+(?:met|van|over)\s+(?:de|het)\s+(?-i:[a-z])[\w-]+)?"
    r"|" + _SOON + r"na\s+(?:afloop|afronding|voltooiing|ommekomst)\s+van\s+(?:de|het|dit|deze)\s+(?:\w+\s+)?"
    rf"[\w-]*(?:{FINISHED_WORK_NOUNS})(?![\w-])"
    r"|(?<![\w-])na\s+(?:het\s+bekend\s+worden|vaststelling|ontvangst|oplevering|verschijning|het\s+verschijnen"
    r"|bekendmaking|goedkeuring)\s+van\s+(?:de|het|een|deze|dit)\s+[\w-]+(?:\s+(?-i:[A-Z])[\w-]*)*",
    _F,
)
# A turn in a debate an answer is promised for: 'De resterende vragen beantwoord ik tijdens mijn eerste
# termijn', 'in de eerste termijn van de zijde van het kabinet', 'voor aanvang van de tweede termijn',
# 'tijdens onze mondelinge inbreng' (not the Kamer's turn a question came from: 'tijdens de eerste termijn
# van de begrotingsbehandeling')
_RE_TURN = re.compile(
    r"(?<![\w-])(?:(?:tijdens|in)\s+(?:mijn|onze|zijn|haar)\s+(?:eerste|tweede)\s+termijn"
    r"|(?:tijdens|in)\s+de\s+(?:eerste|tweede)\s+termijn\s+van\s+(?:de\s+zijde\s+van\s+)?"
    r"(?:het\s+kabinet|de\s+regering)"
    r"|(?:voor|vóór|voorafgaand\s+aan)\s+(?:de\s+)?(?:aanvang|start)\s+van\s+de\s+(?:eerste|tweede)\s+termijn"
    r"|tijdens\s+(?:mijn|onze)\s+mondelinge\s+(?:inbreng|beantwoording))(?![\w-])",
    _F,
)
# what follows a turn where the promise was made in it, not for it: 'In mijn eerste termijn heb ik …'
TURN_PAST = re.compile(
    r"\s*,?\s*(?:heb|hebt|heeft|hebben|had|hadden|werd|werden|is|zijn|toegezegd|aangegeven|gezegd)(?![\w-])",
    _F,
)
# A condition that sets the term: 'Zodra het rapport verschijnt, …', '… informeer ik u zodra ik meer
# weet.', 'Uiterlijk bij het toezenden van de evaluatie doe ik u …', and 'Wanneer er meer bekend is, …'
# at the start of a sentence.
_RE_CONDITION = re.compile(
    r"(?:(?<![\w-])(?P<zodra>zodra|voordat|nadat"
    r"|indien(?!\s+(?:gewenst|nodig|mogelijk|wenselijk|noodzakelijk|van\s+toepassing)\b)"
    r"|uiterlijk\s+bij(?=\s+(?:gelegenheid\s+van\s+)?(?:de|het)\s))"
    r"|(?:(?<=[.!?]\s)|(?<=\n)|(?<![\s\S]))(?-i:Wanneer))\s+"
    r"(?P<clause>[^.,;:!?()\n–]{3,160}?)(?P<close>[,.;:!?–]|\n|$)",
    _F,
)
# how a term set by a condition starts
CONDITION = re.compile(r"(?:zodra|wanneer|voordat|nadat|indien)\b", _F)
BOUND = re.compile(r"(?:uiterlijk|in\s+(?:ieder|elk)\s+geval|niet\s+later\s+dan)\b", _F)  # a term's limit
_MAIN_CLAUSE = re.compile(
    r"\s+(?:zal|zullen|wordt|worden|ontvangt|ontvangen|informeer|informeren|kan|kunnen|stuur|sturen|zend"
    r"|zenden|breng|brengen|kom|komen|bericht|berichten|doe|doen)\s+(?:ik|wij|we|u|uw|het|de|hij|zij)(?![\w-])",
    _F,
)
_RE_WEEK = re.compile(rf"(?<![\w-])(?:in\s+)?de\s+week\s+van\s+{_daydate('w_')}", _F)
# a week by its number: 'in week 6 van 2009', 'voor week 40', 'uiterlijk week 12'
_RE_WEEKNO = re.compile(
    r"(?<![\w-])week\s+(?P<wn>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:van|in)\s+(?P<wy>(?:19|20)\d\d))?(?![\w-])", _F)
# informing the Kamer right after a word of time, at most a pronoun or 'nader' between
_TELLS_KAMER = (r"(?:(?:u|uw\s+kamer|de\s+kamer|hierover|daarover|hiervan|daarvan|nader|schriftelijk)\s+)?"
                r"(?:te\s+)?(?:op\s+de\s+hoogte|informeren|berichten|inlichten|melden|toezenden|toesturen)\b")
_RE_UNSPEC = re.compile(
    r"(?<![\w-])(?:(?P<mod>uiterlijk|nog|in\s+ieder\s+geval)\s+)?(?P<core>"
    r"(?P<asap>zo\s+(?:spoedig|snel|vlot|gauw)\s+(?:als\s+)?mogelijk|z\.s\.m\.?|(?-i:zsm))"
    r"|(?:(?:zeer|heel)\s+)?binnenkort"
    # 'spoedigst', 'direct' or 'onmiddellijk' of informing the Kamer: 'de Kamer terzake spoedigst nader te
    # informeren', 'zal ik uw Kamer hiervan direct op de hoogte stellen' (not 'de spoedigste route', 'de
    # direct betrokken gemeenten informeren')
    rf"|(?:(?:ten\s+)?spoedigste?|direct|onmiddellijk|meteen)(?=\s+{_TELLS_KAMER})"
    r"|spoedig(?=\s*,\s*(?:(?:maar|doch|en)\s+)?uiterlijk\b)"
    r"|spoedig(?=\s+(?:(?:schriftelijk|nader|verder)\s+)?"
    r"(?:zal|zullen|wordt|worden|te|informeren|sturen|volgen|ontvangt|ontvangen|verslag|berichten"
    r"|nagezonden|nagestuurd|toegezonden|toegestuurd|gestuurd|aangeboden|geïnformeerd|bericht)\b)"
    r"|op\s+(?:de\s+)?(?:zeer\s+|heel\s+|zo\s+)?korte\s+termijn"
    r"|op\s+(?:een\s+)?zo\s+kort\s+mogelijke\s+termijn"
    r"|te\s+zijner\s+tijd|t\.z\.t\.?"
    r"|op\s+(?:een\s+)?(?:later|nader\s+te\s+bepalen)\s+(?:moment|tijdstip|datum)"
    r"|in\s+de\s+nabije\s+toekomst|binnen\s+afzienbare\s+tijd"
    # ('de plannen voor de komende periode' is what they are for, not a term)
    r"|(?:in\s+)?(?<!voor\s)de\s+komende\s+(?:tijd|periode)|op\s+termijn"
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
    r"(?P<which>(?:eerst)?volgende|(?:eerst|aan)?komende|aanstaande|deze|(?<=van\s)de(?=\s+maand(?!\w)))\s+"
    r"(?P<unit>week|weken|maand|maanden|halfjaar|half\s+jaar)(?!\w)",
    _F,
)
_REC = (
    r"(?:half|twee|drie)?jaarlijks|(?:drie)?maandelijks|(?:ieder|elk|elke)\s+(?:half\s+jaar|halfjaar|jaar"
    r"|twee\s+jaar|kwartaal|maand)|per\s+kwartaal|periodiek"
    r"|(?:een|één|twee|drie|vier)\s*(?:keer|maal)\s+per\s+(?:jaar|kwartaal|maand|half\s+jaar)"
    r"|eens\s+per\s+(?:jaar|kwartaal|maand|half\s+jaar)"
    # only of informing the Kamer: 'regelmatig te informeren', not 'komt regelmatig terug'
    r"|regelmatig(?=\s+(?:[\w-]+\s+){0,5}?(?:informeren|rapporteren|berichten|inlichten|op\s+de\s+hoogte))"
)
_RE_RECURRING = re.compile(rf"(?<![\w-])(?:{_REC})(?!\w)", _F)
_MODS = (
    r"uiterlijk|nog|ruim|ruimschoots|vlak|kort|spoedig|direct|meteen|ergens|later|zeker|liefst"
    r"|in\s+ieder\s+geval|bij\s+voorkeur|al|ongeveer|circa|ca\."
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
