"""Sentences of a letter with their place (paragraph, section, heading, page) and the roles the
trigger phrases give them: generic, anaphora, earlier, request, later, new."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from toezegging_cli.assemble.triggers import Triggers, _any, _span, triggers
from toezegging_cli.model import Deadline, Entity
from toezegging_cli.tag.dates import BOUND, CONDITION

HEADING_MAX_WORDS = 12
LONG_HEADING_MAX_WORDS = 30  # a register-style heading: 'Toezegging aan het lid X (Partij) tijdens …'
_CLAUSE_MARK = re.compile(r"[,;:]")
_STOP = re.compile(r"[;:.]")
DATED_REACH = 60  # characters from an undated term to a dated one that names the same moment


@dataclass
class Sentence:
    """One sentence with its place in the letter and what the triggers say about it."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: int
    page: int
    entities: list[Entity]
    footnote: int | None = None
    heading: bool = False  # the sentence is a section heading ('Toezegging aan het lid X tijdens …')
    intro: int | None = None  # the sentence that introduces the list this one is an item of
    borrowed: Entity | None = None  # a term taken from the next sentence ('Dat verwacht ik in juni te doen')
    roles: set[str] = field(default_factory=set)
    trigger: tuple[int, int] | None = None  # span of the promise phrase, relative to the sentence

    def first(self, label: str) -> Entity | None:
        return next((e for e in self.entities if e.label == label), None)

    def _same_moment(self, undated: Entity, e: Entity) -> bool:
        """Whether `e` is a dated term right after the undated one, in its clause: 'in mijn eerste
        termijn tijdens de voortzetting van de behandeling na het meireces' names one moment."""
        lo, hi = undated.end - self.start, e.start - self.start
        near = 0 <= hi - lo <= DATED_REACH
        return bool(e.value.get("end")) and near and not _CLAUSE_MARK.search(self.text, lo, hi)

    def _aside(self, e: Entity) -> bool:
        """Whether `e` stands in a part of the sentence set off by commas on both sides ('…, die in
        januari start, …'): said in passing, not the term of the main clause."""
        lo, hi = e.start - self.start, e.end - self.start
        return "," in self.text[:lo] and "," in self.text[hi:] and not _STOP.search(
            self.text, self.text.rfind(",", 0, lo), self.text.find(",", hi))

    def _act_time(self, e: Entity) -> bool:
        """Whether the time phrase `e` opens the sentence and dates the act it tells, not a term."""
        opens = not self.text[:e.start - self.start].strip(" •-–*")
        return opens and _ACT_VERB.match(self.text, e.end - self.start) is not None

    def denied(self, e: Entity) -> bool:
        """Whether 'niet' stands right before the time phrase `e` ('niet binnen drie weken', 'niet voor de
        zomer'), so it says when the promise is not kept."""
        return self.text[:e.start - self.start].rstrip().lower().endswith(" niet")

    def deadline(self) -> Entity | None:
        """The DEADLINE nearest to the promise phrase (a sentence may name other terms too)."""
        found = [e for e in self.entities if e.label == "DEADLINE" and not self._act_time(e)]
        # a term denied gives way to another: 'Deze vragen kunnen niet binnen drie weken worden beantwoord;
        # ik zal ze zo snel mogelijk beantwoorden'
        found = [e for e in found if not self.denied(e)]
        if not found or self.trigger is None:
            return found[0] if found else None
        a, b = self.trigger[0] + self.start, self.trigger[1] + self.start
        # nearest to the promise phrase; of terms equally near, one outside a comma-enclosed aside
        # ('Ik zal uw Kamer, na overleg met de VNG in maart, voor de zomer informeren')
        nearest = min(found, key=lambda e: (max(a - e.end, e.start - b, 0), self._aside(e)))
        if nearest.value.get("end") is None:
            # 'zo spoedig mogelijk …, in ieder geval voor X': the bound is the term in force
            bound = next((e for e in found if e.value.get("end") and BOUND.match(e.text)), None)
            # 'Wanneer er meer bekend is, zal het kabinet de Kamer direct informeren': the condition sets it
            bound = bound or next((e for e in found if e is not nearest and CONDITION.match(e.text)), None)
            # a dated term right after an undated one names the same moment
            return bound or next((e for e in found if self._same_moment(nearest, e)), None) or nearest
        return nearest


# the finite verb right after a time phrase that opens the sentence makes it the time the promise or
# request was made, not a term: 'In juni 2020 heb ik toegezegd …', 'Eind 2020 is gevraagd …'
_ACT_VERB = re.compile(
    r"\s*,?\s*(?:heb|hebt|heeft|hebben|had|hadden|werd|werden|deed|deden|zegde|zegden|vroeg|vroegen|"
    r"verzocht|verzochten|ontving|ontvingen|stuurde|stuurden|informeerde|informeerden|kondigde|kondigden|"
    r"(?:is|zijn|was|waren)(?=[^.;]{0,120}\b(?:toegezegd|gevraagd|verzocht|geïnformeerd|aangekondigd|"
    r"gemeld|gestuurd|verzonden|toegezonden)\b))(?![\w-])",
    re.I,
)


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation: a section heading such as '3. Zeer zorgwekkende stoffen'."""
    p = paragraph.strip()
    if not p or "\n" in p:
        return False
    words = len(p.split())
    if words > HEADING_MAX_WORDS and not (
            words <= LONG_HEADING_MAX_WORDS and _any(triggers().long_heading, p)):
        return False
    if p.endswith((".", ":", ";", ",")):
        return False
    if p.endswith(("?", "!")) and not re.fullmatch(r"\d+(\.\d+)*\.?\s+\S.*", p):
        return False
    return p[0].isupper() or p[0].isdigit()


def _sentences(text: str, spans: list[tuple[int, int]], entities: list[Entity], page_of,
               footnote: int | None = None) -> tuple[list[Sentence], dict[int, str]]:
    """Sentences with paragraph and section numbers; returns them and the heading of each section."""
    para_starts = _paragraph_starts(text)
    headings: dict[int, str] = {}
    section_of_para: list[int] = []
    heading_paras: set[int] = set()
    section = 0
    for i, ps in enumerate(para_starts):
        pe = para_starts[i + 1] if i + 1 < len(para_starts) else len(text)
        para = text[ps:pe].strip()
        if _is_heading(para):
            section += 1
            headings[section] = re.sub(r"^\d+(\.\d+)*\.?\s+", "", para)
            heading_paras.add(i)
        section_of_para.append(section)
    ents = sorted(entities, key=lambda e: e.start)
    ent_starts = [x.start for x in ents]
    out = []
    for i, (s, e) in enumerate(spans):
        para = max(0, bisect.bisect_right(para_starts, s) - 1)
        inside = []  # the entities within the sentence, in order: those starting in it that end in it
        for x in ents[bisect.bisect_left(ent_starts, s):bisect.bisect_right(ent_starts, e)]:
            if x.end <= e:
                inside.append(x)
        out.append(Sentence(
            index=i, start=s, end=e, text=text[s:e], paragraph=para, section=section_of_para[para],
            page=page_of(s), entities=inside, footnote=footnote,
            heading=para in heading_paras,
        ))
    return out, headings


# Full stops inside a sentence that end no clause: abbreviations and initials. The trigger
# patterns read "[^.]" as "within one clause", so these dots are masked (same length) first.
_INNER_DOTS = re.compile(
    r"\b(?:jl|j\.l|nrs?|c\.s|d\.d|a\.s|o\.a|i\.v\.m|m\.b\.t|t\.z\.t|blz|mr|dr|drs|ir|prof|dhr|mevr|mw"
    r"|bijv|e\.d|etc|vs|resp|art|[A-Z])\.(?=\s*\S)",
    re.I,
)


# A note number set against the word it annotates ('heeft … aanvullende informatie verzocht1, namelijk'):
# the word ends there for the trigger patterns, whose '\b' the digit would hide.
# (after lower-case letters only: 'PSD2' and 'COVID19' are names)
_NOTE_NUMBER = re.compile(r"(?<=[a-zà-ÿ]{3})\d{1,2}(?=[\s,.;:)]|$)")
# Both chambers addressed at once ('aan de beide Kamers te kunnen aanbieden', 'Graag informeer ik uw Kamers')
# are the Kamer the trigger patterns name.
_BOTH_CHAMBERS = re.compile(r"\b(?:(?:de |uw )?beide|de|uw) kamers\b", re.I)


def _plain(text: str) -> str:
    """`text` with note numbers glued to a word blanked and both chambers read as 'de kamer' (offsets
    unchanged)."""
    text = _NOTE_NUMBER.sub(_spaces, text)
    return _BOTH_CHAMBERS.sub(_one_chamber, text) if "amers" in text else text


def _masked(text: str) -> str:
    """`_plain(text)` with the dots of abbreviations and initials replaced by spaces (offsets unchanged)."""
    text = _plain(text)
    if "." not in text.rstrip()[:-1]:
        return text  # no dot with a non-space after it: nothing to mask
    return _INNER_DOTS.sub(_unmasked_dot, text)


def _spaces(m: re.Match) -> str:
    return " " * len(m.group(0))


def _one_chamber(m: re.Match) -> str:
    return ("uw kamer" if m.group(0).lower().startswith("uw ") else "de kamer").ljust(len(m.group(0)))


def _unmasked_dot(m: re.Match) -> str:
    return m.group(0).replace(".", " ")


def _classify(sent: Sentence, t: Triggers, ref: str | None) -> None:
    """Give a sentence its roles: generic, anaphora, earlier, request (points_back), later, new."""
    text = _masked(sent.text)
    earlier = (_any(t.earlier, text) or (_any(t.mentions, text) and not _span(t.new, text))) and not _any(
        t.refusal, text)
    if _any(t.generic, text):
        sent.roles.add("generic")
    elif _any(t.anaphora, text):
        sent.roles.add("anaphora")
        if earlier or _any(t.names_request, text):
            # says enough to stand as a commitment when nothing precedes ('Met deze brief geef ik
            # invulling aan het verzoek van de vaste commissie …')
            sent.roles.add("standalone")
    elif earlier:
        sent.roles.add("earlier")
    elif _any(t.request, text) and not _any(t.request_exclude, text):
        sent.roles.add("request")
        if _any(t.request_points_back, text):
            sent.roles.add("points_back")  # 'In reactie op uw verzoek …': the request just named
    if _any(t.later, text):
        sent.roles.add("later")
    if _any(t.exclude, text):
        return
    if "earlier" in sent.roles:
        if _restates(text, t) and _promises(sent, t, text, ref) and not _motion_asks(sent, t, text) and not (
                (term := sent.deadline()) is not None and term.value.get("recurring")):
            # 'Zoals toegezegd zal ik uw Kamer … informeren'; not a cycle restated inside one of its reports
            # ('Conform de toezegging zal ik u halfjaarlijks berichten', eval/README 'Reporting cycles')
            sent.roles.add("restates")
            sent.roles.discard("later")
        return
    if "generic" not in sent.roles and _promises(sent, t, text, ref) and not _motion_asks(sent, t, text):
        sent.roles.add("new")


def _motion_asks(sent: Sentence, t: Triggers, text: str) -> bool:
    """Whether the promise phrase found (`sent.trigger`) is what a motion named before it asks."""
    motion = _span(t.motion, text)
    return motion is not None and sent.trigger is not None and sent.trigger[0] >= motion[0]


def _promises(sent: Sentence, t: Triggers, text: str, ref: str | None) -> bool:
    """Whether the sentence promises parliament something ahead (setting its trigger span): a strong
    promise phrase, or a present-tense one with a term not passed at the letter's date."""
    strong = _span(t.new, text)
    if strong:
        sent.trigger = strong
        return True
    weak = _span(t.needs_deadline, text)
    if weak:
        sent.trigger = weak
        deadline = sent.deadline()
        if deadline is not None and deadline.value.get("recurring"):
            return False  # 'informeer ik uw Kamer ieder half jaar': the cycle described, not a promise
        end = deadline.value.get("end") if deadline else None
        return bool(deadline and (end is None or ref is None or end >= ref))
    return False


def _promises_in(text: str, t: Triggers) -> bool:
    """Whether a clause holds a promise phrase of its own, strong or present-tense (`_promises` for a
    clause of a sentence; its term is checked by the caller, `split.promised`)."""
    text = _masked(text)
    return not _any(t.exclude, text) and bool(_span(t.new, text) or _span(t.needs_deadline, text))


def _restates(text: str, t: Triggers) -> bool:
    """Whether the sentence's only words of an earlier commitment are its 'zoals (eerder) toegezegd'
    clause (the longest of the patterns' matches: 'zoals toegezegd aan het lid X in het commissiedebat …')."""
    spans = [m.span() for pattern in t.restated if (m := pattern.search(text))]
    if not spans:
        return False
    a, b = min(x for x, _ in spans), max(y for _, y in spans)
    return not _any(t.earlier, text[:a] + " " * (b - a) + text[b:])


def _deadline(entity: Entity | None) -> Deadline | None:
    if entity is None:
        return None
    v = entity.value
    return Deadline(
        text=entity.text, start=v.get("start"), end=v.get("end"), precision=v.get("precision"),
        recurring=bool(v.get("recurring")), estimated=bool(v.get("estimated")),
    )


_LIST_ITEM = re.compile(r"(?:\d{1,2}[.)]|[a-h][.)]|[•▪◦·*–-])\s+\S")


def _mark_listed(sents: list[Sentence], t: Triggers) -> None:
    """Items of a list that a sentence naming several toezeggingen introduces ('Tijdens het AO zijn de
    volgende drie toezeggingen gedaan:' followed by '1. vóór het zomerreces ontvangt de Kamer …') are
    each an earlier commitment, not a new promise: they restate what was promised then. Only items
    worded as a promise count; a list of topics ('• Mantelzorg.') stays the general line's."""
    for s in sents:
        if "generic" not in s.roles or not s.text.rstrip().endswith(":"):
            continue
        for item in sents[s.index + 1:]:
            if item.section != s.section or not _LIST_ITEM.match(item.text):
                break
            text = _masked(item.text)
            if not ("new" in item.roles or _span(t.new, text) or _span(t.needs_deadline, text)):
                continue
            item.roles.discard("new")
            item.roles.add("earlier")
            item.intro = s.index


# the next sentence pointing back at a promise to give its term: 'Dat verwacht ik in september te kunnen
# doen', 'Naar verwachting is dat in het tweede kwartaal van 2025', 'Dit gebeurt voor de zomer'
_TERM_AFTER = re.compile(r"^(?:dat|dit|naar verwachting (?:is|zal|gebeurt) (?:dat|dit))\b", re.I)


def _term_in_next(sents: list[Sentence], t: Triggers, ref: str | None) -> None:
    """A present-tense promise with no term of its own whose term the next sentence of its paragraph gives,
    pointing back at it ('Ik informeer uw Kamer over de uitkomst van die gesprekken. Naar verwachting is dat
    in het tweede kwartaal van 2025.'): the promise is new, with that term (`Sentence.borrowed`)."""
    for s, n in itertools.pairwise(sents):
        if s.roles or n.roles or n.paragraph != s.paragraph or not _TERM_AFTER.match(n.text):
            continue
        text = _masked(s.text)
        span = _span(t.needs_deadline, text)
        if span is None or _any(t.exclude, text) or s.deadline() is not None:
            continue
        term = n.deadline()
        end = term.value.get("end") if term is not None else None
        if term is None or term.value.get("recurring") or (end and ref and end < ref):
            continue
        s.trigger, s.borrowed = span, term
        s.roles.add("new")
