"""One sentence that names several earlier commitments, one part each: 'mijn toezegging uit het
algemeen overleg politie van 21 december …, mijn toezegging uit het vragenuur van 13 februari …',
'de toezeggingen T03124 en T03125'. The kept evaluation set counts one commitment per toezegging or
request, also when one sentence names several (eval/README, Conventions); each part keeps the
meeting and members it names itself.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from toezegging_cli.assemble.sentences import Sentence, _masked
from toezegging_cli.assemble.triggers import parallel_prepositions
from toezegging_cli.model import Entity

# the word that opens a part: a toezegging or a request named
_ANCHOR = re.compile(r"\b(?:toezegging(?:en)?|toegezegd|verzoek(?:en)?|verzocht|gevraagd)\b", re.I)
ANCHOR_REACH = 90  # characters from the anchor to the meeting it names
# a numbered toezegging of the registers
_NUMBERED = re.compile(r"\b(?:T|TZ)\d{4,}[\d-]*\b")


def _with_entities(s: Sentence, entities: list) -> Sentence:
    """A copy of `s` that holds only `entities` (and roles of its own), standing for one part."""
    return dataclasses.replace(s, entities=list(entities), roles=set(s.roles))


def _meeting_parts(s: Sentence) -> list[int]:
    """Offsets (in the sentence) where a part starts: the anchor before each of two or more
    different meetings, each anchor its own."""
    starts: list[int] = []
    seen: set[tuple] = set()
    anchors = [m.start() for m in _ANCHOR.finditer(s.text)]
    for e in s.entities:
        if e.label != "DEBATE" or not (e.value.get("date") or e.value.get("title")):
            continue
        at = e.start - s.start
        before = [a for a in anchors if at - ANCHOR_REACH <= a < at]
        key = (e.value.get("type"), e.value.get("title"), e.value.get("date"))
        if not before or key in seen or (starts and before[-1] <= starts[-1]):
            continue
        seen.add(key)
        starts.append(before[-1])
    return starts


def _numbered_parts(s: Sentence) -> list[int]:
    """Offsets of each distinct register number ('T03124') in the sentence, where each comes with
    words of its own ('T03124 aan het lid Ganzevoort en T03125 aan het lid Schalk'); a bare list
    ('(T01421, T01422 en T01970)') does not say which words belong to which number."""
    found: dict[str, tuple[int, int]] = {}
    for m in _NUMBERED.finditer(s.text):
        found.setdefault(m.group(0).upper(), (m.start(), m.end()))
    spans = sorted(found.values())
    for (_, end), (start, _) in itertools.pairwise(spans):
        if not _WORDS.search(_SEPARATOR.sub(" ", s.text[end:start])):
            return []
    return [start for start, _ in spans]


_JOINS = r"en|alsmede|evenals|als ook|net als"  # the words that join list members
_TRAILING = re.compile(rf"[\s,;•]*(?:\b(?:{_JOINS})|\d{{1,2}}\))?[\s,;]*$", re.I)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_SEPARATOR = re.compile(rf"[;,•]\s*|\s(?:{_JOINS})\s|\b\d{{1,2}}\)\s*", re.I)


def _each_holds(text: str, starts: list[int], words: int) -> bool:
    """Whether each part from one start to the next (the last to the end of `text`) holds `words` words."""
    return all(len(_WORDS.findall(text[a:b])) >= words for a, b in itertools.pairwise([*starts, len(text)]))


# a commitment noun opening a list member: '… het verzoek van de vaste commissie … en de toezegging van de
# Minister-President …', '1) een verzoek van de vaste commissie …; 2) een verzoek van het lid Klaver …'
_NOUN = (r"(?:de|het|een|uw|mijn|zijn|haar)\s+(?:\w+\s+)?(?:toezegging|verzoek|vraag)\b"
         r"(?=\s+(?:van|aan|om|tot|over|door|in|uit|inzake|met betrekking tot|ten aanzien van|omtrent"
         r"|tijdens)\b)")
_FIRST_MEMBER = re.compile(r"\b" + _NOUN, re.I)
_MEMBER = re.compile(
    r"(?:[;,•:]\s*|\s(?:en|alsmede|evenals)\s+|\d\)\s*)(?:op |aan |van )?(?P<noun>" + _NOUN + ")", re.I)
# a part holds its determiner, its noun and at least two words of its own ('een verzoek van het lid …')
_MEMBER_WORDS = 4


def _member_parts(s: Sentence) -> list[int]:
    """Offsets of two or more singular toezeggingen or requests listed side by side, each with the
    words that say whose it is or what it asks ('van de vaste commissie …', 'aan het lid …')."""
    first = _FIRST_MEMBER.search(s.text)
    if first is None:
        return []
    starts = [first.start()] + [m.start("noun") for m in _MEMBER.finditer(s.text, first.end())]
    return starts if len(starts) >= 2 and _each_holds(s.text, starts, _MEMBER_WORDS) else []


# several toezeggingen each made to a member of its own: 'heb ik twee toezeggingen gedaan: aan het lid Van
# Wijngaarden om …, en aan het lid Kops om …', 'heb ik het lid X toegezegd … en het lid Y toegezegd …'
_ADDRESSED = re.compile(
    r"(?:^|[:;,]\s*|\s(?:en|alsmede)\s+|\b(?:ik|wij|we|toe)\s+)(?P<m>(?:(?:aan|om)\s+)?(?:het\s+(?:kamer)?lid"
    r"|de\s+heer|mevrouw)\s+(?-i:[A-ZÀ-Þ]))", re.I)
_TOEGEZEGD = re.compile(r"\b(?:toegezegd|beloofd)\b", re.I)
_PROMISE_TO = re.compile(r"\bom (?:het (?:kamer)?lid|de heer|mevrouw) [^,;]{2,60}?\bte\s+\w+", re.I)
_ADDRESSED_WORDS = 5  # words a part holds: the member, and what was promised to them


def _addressed_parts(s: Sentence) -> list[int]:
    """Offsets of two or more toezeggingen in one sentence, each opening with the member it was made to,
    after a plural 'toezeggingen', with a promise verb once for each ('… toegezegd … en het lid Y een
    reactie heb beloofd …') or each with what it promised ('zegde ik toe om het lid X een overzicht te
    sturen … en om het lid Y te informeren …'); one member with two promises, or two members with one,
    is one commitment."""
    if (_PLURAL_NOUN.search(s.text) is None and len(_TOEGEZEGD.findall(s.text)) < 2
            and len(_PROMISE_TO.findall(s.text)) < 2):
        return []
    starts = [m.start("m") for m in _ADDRESSED.finditer(s.text)]
    return starts if len(starts) >= 2 and _each_holds(s.text, starts, _ADDRESSED_WORDS) else []


# a request named by the day it came: 'Op 14 oktober ontving ik van de vaste commissie het verzoek …, op 16
# november vragen van het kamerlid Meeuwis … en op 26 november van de commissie het verzoek …'
_DAY_OPENS = re.compile(r"(?:^|[,;]\s*|\sen\s+)(?P<op>op)\s+$", re.I)
_ASKED = re.compile(r"\b(?:verzoek|vragen|vraag)\b", re.I)


def _request_day_parts(s: Sentence) -> list[int]:
    """Offsets of two or more clauses that each open with the day ('op 16 november') a request or
    questions came and name that request before the next such day."""
    opens: list[tuple[int, int]] = []  # (the day, its 'op')
    for e in s.entities:
        if e.label != "DATE" or not e.value.get("date"):
            continue
        at = e.start - s.start
        lo = max(0, at - 8)
        m = _DAY_OPENS.search(s.text[lo:at])
        if m:
            opens.append((at, lo + m.start("op")))
    ends = [at for at, _ in opens[1:]] + [len(s.text)]
    if len(opens) < 2 or any(not _ASKED.search(s.text, at, min(end, at + 160))
                             for (at, _), end in zip(opens, ends, strict=True)):
        return []
    return [op for _, op in opens]


# several toezeggingen or requests named by what each promised, in parallel phrases with one preposition:
# 'mijn toezeggingen om uw Kamer te informeren over taken en rolverdeling …, over bewustwordingsactiviteiten
# en de communicatie … en over de contouren van scherpere kaders'
_PLURAL_NOUN = re.compile(r"\b(?:toezeggingen|verzoeken)\b", re.I)
_PARALLEL_WORDS = 3  # content words a parallel part holds


def _parallel_parts(s: Sentence) -> list[int]:
    """Offsets of the parallel phrases after a plural toezegging or request ('… over A, over B en over
    C'): the first after the plural, each next one after a comma or 'en'; one commitment each."""
    anchor = _PLURAL_NOUN.search(s.text)
    if anchor is None:
        return []
    for word in parallel_prepositions():
        first = re.search(rf"\b{word}\b", s.text[anchor.end():anchor.end() + ANCHOR_REACH], re.I)
        if first is None:
            continue
        at = anchor.end() + first.start()
        if any(e.label == "DEBATE" and e.start - s.start <= at < e.end - s.start for e in s.entities):
            return []  # 'toezeggingen tijdens het notaoverleg over de Nota Ruimte en over …': a title
        more = [m.start("p") for m in re.finditer(rf"(?:,\s*|\s+en\s+)(?P<p>{word})\b", s.text[at:], re.I)]
        starts = [at] + [at + x for x in more]
        if len(starts) < 2:
            continue
        return starts if _each_holds(s.text, starts, _PARALLEL_WORDS + 1) else []
    return []


# several things asked for in one request sentence, each after its own 'om': 'Uw commissie vroeg mij om een
# doorrekening van het amendement en om een lijst van gemeenten …'
_ASKED_FOR = re.compile(
    r"\b(?:verzocht|verzoekt|vroeg|vroegen|gevraagd)\b[^.;]{0,80}?\b(?P<om>om)\s+(?:een|de|het)\b", re.I)
_NEXT_OM = re.compile(r"(?:,\s*|\s+en\s+)(?P<om>om)\s+(?:een|de|het)\b", re.I)
_ASKED_WORDS = 4  # words a part holds: 'om een lijst van gemeenten'


def _asked_for_parts(s: Sentence) -> list[int]:
    """Offsets of the things asked for in one request, each opening with 'om' ('om een reactie op … en
    om een overzicht van …'): separately named products count one each (eval/README)."""
    m = _ASKED_FOR.search(s.text)
    if m is None:
        return []
    at = m.start("om")
    starts = [at] + [at + x.start("om") for x in _NEXT_OM.finditer(s.text[at:])]
    return starts if len(starts) >= 2 and _each_holds(s.text, starts, _ASKED_WORDS) else []


def _after_separator(text: str, prev: int, at: int) -> int:
    """Where the part whose anchor stands at `at` begins: after the last list separator between the
    previous anchor and it, else at the anchor."""
    last = None
    for m in _SEPARATOR.finditer(text, prev, at):
        last = m
    return last.end() if last is not None else at


# several days after one plural toezegging or request: 'de verzoeken van de vaste commissie van 8
# november en 22 december 2011', 'Zoals ik heb toegezegd in het overleg op 5 december 2011 (Kamerstuk
# …) en op 4 april 2012'
_PLURAL = re.compile(r"\b(?:toezeggingen|verzoeken|toegezegd)\b", re.I)
_LETTERS = re.compile(r"\bbrie(?:f|ven)\b", re.I)
# between two days: a reference in brackets, 'en' or a comma, and the preposition of the next day or
# meeting ('… op 19 januari 2012 (Kamerstuk …) en bij de begrotingsbehandeling … op 22 november 2012')
_DAY_JOIN = re.compile(
    r"(?:\s*\([^()]{0,80}\))?\s*(?:,|en)\s+(?:(?:op|van|bij|tijdens|in)\s+)?(?:(?:de|het)\s+)?", re.I)


def _dated_parts(s: Sentence) -> list[int]:
    """Offsets of the days (DATE or dated DEBATE) joined by 'en' or a comma right after a plural
    toezegging or request: one commitment a day (eval/README: one per request or toezegging); not
    the days of letters that restated one promise."""
    anchor = _PLURAL.search(s.text)
    if anchor is None:
        return []
    days = [e for e in s.entities if e.label in ("DATE", "DEBATE") and e.value.get("date")
            and e.start - s.start >= anchor.end()]
    if len(days) < 2 or days[0].start - s.start - anchor.end() > ANCHOR_REACH:
        return []
    if _LETTERS.search(s.text, anchor.end(), days[0].start - s.start):
        return []  # 'zoals toegezegd in de brieven van 14 december en 6 juni': one promise restated
    run = [days[0]]
    for e in days[1:]:
        if not _DAY_JOIN.fullmatch(s.text[run[-1].end - s.start: e.start - s.start]):
            break
        run.append(e)
    return [e.start - s.start for e in run] if len(run) >= 2 else []


def _dated(part: Sentence, first: Sentence) -> Sentence:
    """A part that names only a day keeps the meeting the first part names, on its own day."""
    if part.first("DEBATE") is not None:
        return part
    meeting, day = first.first("DEBATE"), part.first("DATE")
    if meeting is None or day is None:
        return part
    entity = dataclasses.replace(meeting, start=day.start, end=day.end, text=day.text,
                                 value={**meeting.value, "date": day.value["date"]})
    return dataclasses.replace(part, entities=[entity, *part.entities])


# the items of an inline list the letter itself calls toezeggingen or requests: 'Verder informeer ik u over
# de volgende toezeggingen die ik heb gedaan tijdens de wetsbehandeling van 19 januari: de three-strikes-out
# maatregel, reclame over en gezondheidseffecten van «HeatSticks», … en de retributies.'
_LISTED = re.compile(r"\bde volgende (?:\w+ )?(?:toezeggingen|verzoeken)\b[^:.;]*:\s*", re.I)
_LAST_AND = re.compile(r"\s+en\s+(?=(?:de|het|een)\s)", re.I)


def listed(s: Sentence) -> list[tuple[Sentence, str]]:
    """The items of the inline list after 'de volgende toezeggingen …:', each with the sentence's
    entities (the meeting named before the colon holds for all), or [] when there is no such list.
    Items are split at commas, the last one also at its final 'en de/het/een' ('reclame over en
    gezondheidseffecten' stays one item)."""
    m = _LISTED.search(_masked(s.text))  # 'jl.' and other inner dots end no clause
    if m is None:
        return []
    rest = s.text[m.end():].rstrip(" .")
    items = [x.strip() for x in rest.split(",") if x.strip()]
    if items:
        items[-1:] = [x.strip() for x in _LAST_AND.split(items[-1]) if x.strip()]
    if len(items) < 2:
        return []
    before = [e for e in s.entities if e.start < s.start + m.end()]
    return [(_with_entities(s, before), item) for item in items]


_RESPECTIVE = re.compile(r"\brespectievelijk\b", re.I)
_ITEM_SPLIT = re.compile(r",\s*|\s+en\s+(?=(?:de|het|een|over|om|naar|op)\s)", re.I)


def respective(s: Sentence) -> list[tuple[Sentence, str]]:
    """'zegde ik de leden A, B en C toe hen te informeren over respectievelijk X, Y en Z': one part per
    member, each with that member and the sentence's other entities; its words are the member's item
    where the items number as many as the members, else the member's name."""
    m = _RESPECTIVE.search(s.text)
    if m is None:
        return []
    members = [e for e in s.entities if e.label == "MEMBER" and e.start - s.start < m.start()]
    if len({e.value.get("name") or e.text for e in members}) < 2:
        return []
    others = [e for e in s.entities if e.label != "MEMBER"]
    rest = re.split(r"[;:.](?:\s|$)", s.text[m.end():], maxsplit=1)[0]
    items = [x.strip() for x in _ITEM_SPLIT.split(rest) if x.strip()]
    if len(items) != len(members):
        items = [e.text for e in members]
    return [(_with_entities(s, [*others, e]), item) for e, item in zip(members, items, strict=True)]


def _cut(s: Sentence, starts: list[int]) -> list[tuple[Sentence, str]]:
    """The sentence cut at `starts` (offsets in it, the first 0): each part with only the entities inside
    it, and its words without a trailing separator."""
    out = []
    for a, b in itertools.pairwise([*starts, len(s.text)]):
        lo, hi = s.start + a, s.start + b
        out.append((_with_entities(s, [e for e in s.entities if lo <= e.start < hi]),
                    _TRAILING.sub("", s.text[a:b]).strip()))
    return out


def parts(s: Sentence) -> list[tuple[Sentence, str]]:
    """The sentence cut into the parts that each name one commitment: the sentence with only the
    entities inside the part, and the part's words; [] when it names one."""
    if found := respective(s):
        return found
    starts, dated = _meeting_parts(s), False
    if len(starts) < 2:
        starts = _numbered_parts(s)
    if len(starts) < 2:
        starts = _member_parts(s)
    if len(starts) < 2:
        starts = _addressed_parts(s)
    if len(starts) < 2:
        starts = _request_day_parts(s)
    if len(starts) < 2:
        starts = _parallel_parts(s)
    if len(starts) < 2:
        starts = _asked_for_parts(s)
    if len(starts) < 2:
        starts, dated = _dated_parts(s), True
    if len(starts) < 2:
        return []
    # a part starts after the separator before its anchor ('…; mijn toezegging uit …', '… en de
    # toezegging …'); what precedes the first part ('Met deze brief doe ik gestand …') belongs to it
    out = _cut(s, [0] + [_after_separator(s.text, prev, at) for prev, at in itertools.pairwise(starts)])
    if dated:
        return [(_dated(part, out[0][0]), words) for part, words in out]
    return _shared_meeting(out)


def _shared_meeting(out: list[tuple[Sentence, str]]) -> list[tuple[Sentence, str]]:
    """Parts that name no meeting of their own keep the one the first part names, in the words that
    open the sentence ('Tijdens het commissiedebat Spoor van 8 februari heb ik twee toezeggingen gedaan:
    aan het lid A om …, en aan het lid B om …')."""
    meeting = out[0][0].first("DEBATE") if out else None
    if meeting is None:
        return out
    return [(part if part.first("DEBATE") else dataclasses.replace(part, entities=[meeting, *part.entities]),
             words) for part, words in out]


# the join between two main clauses: ', en', ', terwijl', ', maar', a semicolon, or a comma before the next
# clause's own subject ('…, ik stuur u …')
_CLAUSE_JOIN = re.compile(
    r",\s+(?:en|terwijl|maar)\s+|;\s+|,\s+(?=(?:ik|wij|we)\s)|\s+en\s+(?=(?:u|uw kamer)\s)", re.I)
# the subject and auxiliary a second clause may leave out ('Wij zullen uw Kamer in het voorjaar … doen
# toekomen en u in de loop van 2013 berichten over …')
_SHARED_HEAD = re.compile(
    r"^.*?\b(?:zal|zullen|ga|gaan|wil|willen|(?:ben|zijn) voornemens|(?:ben|zijn) van plan)\b", re.I)


def promised(s: Sentence, promises: Callable[[str], bool], in_force: Callable[[Entity], bool]
             ) -> list[tuple[Sentence, str]]:
    """The main clauses of a promising sentence that each promise with a term of their own ('Voor de
    zomer informeer ik u over A, en in het najaar ontvangt u de evaluatie van B'): one commitment each,
    with the term of its clause; [] when fewer than two clauses promise. A later clause may leave out the
    subject and auxiliary of the first ('Wij zullen … doen toekomen en u in de loop van 2013 berichten').
    A clause with no promise of its own belongs to the one before it."""
    joins = list(_CLAUSE_JOIN.finditer(s.text))
    if not joins:
        return []
    bounds = [0, *(m.end() for m in joins), len(s.text)]
    head = _SHARED_HEAD.match(s.text[:joins[0].start()])
    opens = []
    for a, b in itertools.pairwise(bounds):
        lo, hi = s.start + a, s.start + b
        clause = s.text[a:b]
        if any(e.label == "DEADLINE" and lo <= e.start < hi and in_force(e) for e in s.entities) and (
                promises(clause) or (a > 0 and head is not None and promises(f"{head.group(0)} {clause}"))):
            opens.append(a)
    if len(opens) < 2:
        return []
    return [(dataclasses.replace(part, trigger=None), words) for part, words in _cut(s, [0, *opens[1:]])]
