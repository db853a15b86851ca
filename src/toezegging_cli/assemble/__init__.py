"""Assemble commitments from a tagged letter.

Each sentence is classified with the trigger phrases in `data/commitment_triggers.toml`:

- an *earlier* commitment starts at a sentence that states one ("Zoals toegezegd aan het lid …",
  "is aan de vaste commissie toegezegd dat …") or a request the letter answers ("het verzoek van de
  vaste commissie …"); neighbouring trigger sentences in one paragraph are one commitment, and
  sentences that point back ("deze toezegging", "Met deze brief wordt daar invulling aan gegeven")
  only add evidence. Its status comes from the sentences after it in its section: postponed
  ("vertraging", "meer tijd"), partly fulfilled ("nog niet helemaal afgerond"), else fulfilled;
- a *new* commitment is a sentence in which the letter promises parliament something ("waarna ik
  uw Kamer nader zal informeren", "De Kamer zal in de tweede helft van 2023 worden geïnformeerd").
  When a postponed earlier commitment is followed in its section by such a promise, that promise is
  the commitment's new term and not a commitment of its own.

A mention of several commitments at once ("komen wij tegemoet aan enkele toezeggingen") is only
reported when the letter names no specific earlier commitment.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from toezegging_cli import prefilter
from toezegging_cli.assemble import explain
from toezegging_cli.model import Commitment, Deadline, Debate, Entity, Evidence, Letter, Member, Person
from toezegging_cli.tag.dates import BOUND, CONDITION

MAX_ABSORB_DISTANCE = 30  # sentences between an unfinished commitment and the promise that renews it
HEADING_MAX_WORDS = 12
LONG_HEADING_MAX_WORDS = 30  # a register-style heading: 'Toezegging aan het lid X (Partij) tijdens …'


@dataclass(frozen=True)
class Triggers:
    earlier: tuple[re.Pattern, ...]
    refusal: tuple[re.Pattern, ...]
    another: tuple[re.Pattern, ...]
    long_heading: tuple[re.Pattern, ...]
    request: tuple[re.Pattern, ...]
    request_exclude: tuple[re.Pattern, ...]
    anaphora: tuple[re.Pattern, ...]
    generic: tuple[re.Pattern, ...]
    new: tuple[re.Pattern, ...]
    needs_deadline: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    partly: tuple[re.Pattern, ...]
    postponed: tuple[re.Pattern, ...]
    fulfilled: tuple[re.Pattern, ...]
    delivered: tuple[re.Pattern, ...]
    predecessor: re.Pattern
    motie: re.Pattern = re.compile(r"\bmoties?\b", re.I)


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    """The trigger phrases, compiled once per process."""
    raw = tomllib.loads(
        resources.files("toezegging_cli.data").joinpath("commitment_triggers.toml").read_text("utf-8")
    )

    def comp(patterns: list[str]) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(p, re.I) for p in patterns)

    return Triggers(
        earlier=comp(raw["earlier"]["patterns"]),
        refusal=comp(raw["earlier"]["refusal"]),
        another=comp(raw["earlier"]["another"]),
        long_heading=comp(raw["earlier"]["long_heading"]),
        request=comp(raw["request"]["patterns"]),
        request_exclude=comp(raw["request"]["exclude"]),
        anaphora=comp(raw["anaphora"]["patterns"]),
        generic=comp(raw["generic"]["patterns"]),
        new=comp(raw["new"]["patterns"]),
        needs_deadline=comp(raw["new"]["needs_deadline"]),
        exclude=comp(raw["new"]["exclude"]),
        partly=comp(raw["status"]["partly"]),
        postponed=comp(raw["status"]["postponed"]),
        fulfilled=comp(raw["status"]["fulfilled"]),
        delivered=comp(raw["status"]["delivered"]),
        predecessor=re.compile(raw["made_by"]["predecessor"], re.I),
    )


def _any(patterns: tuple[re.Pattern, ...], text: str) -> bool:
    """Whether any of `patterns` matches `text` (patterns that lack a word they need are skipped)."""
    return prefilter.of(patterns).any_match(text)


def _span(patterns: tuple[re.Pattern, ...], text: str) -> tuple[int, int] | None:
    """Span of the first pattern that matches, or None."""
    hit = prefilter.of(patterns).first(text)
    return hit[1].span() if hit else None


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
    roles: set[str] = field(default_factory=set)
    trigger: tuple[int, int] | None = None  # span of the promise phrase, relative to the sentence

    def first(self, label: str) -> Entity | None:
        return next((e for e in self.entities if e.label == label), None)

    def deadline(self) -> Entity | None:
        """The DEADLINE nearest to the promise phrase (a sentence may name other terms too)."""
        found = [e for e in self.entities if e.label == "DEADLINE"]
        if not found or self.trigger is None:
            return found[0] if found else None
        a, b = self.trigger[0] + self.start, self.trigger[1] + self.start
        nearest = min(found, key=lambda e: max(a - e.end, e.start - b, 0))
        if nearest.value.get("end") is None:
            # 'zo spoedig mogelijk …, in ieder geval voor X': the bound is the term in force
            bound = next((e for e in found if e.value.get("end") and BOUND.match(e.text)), None)
            return bound or nearest
        return nearest


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


def _masked(text: str) -> str:
    """`text` with the dots of abbreviations and initials replaced by spaces (offsets unchanged)."""
    if "." not in text.rstrip()[:-1]:
        return text  # no dot with a non-space after it: nothing to mask
    return _INNER_DOTS.sub(_unmasked_dot, text)


def _unmasked_dot(m: re.Match) -> str:
    return m.group(0).replace(".", " ")


def _classify(sent: Sentence, t: Triggers, ref: str | None) -> None:
    """Give a sentence its roles: generic, anaphora, earlier, request, new."""
    text = _masked(sent.text)
    earlier = _any(t.earlier, text) and not _any(t.refusal, text)
    if _any(t.generic, text):
        sent.roles.add("generic")
    elif _any(t.anaphora, text):
        sent.roles.add("anaphora")
        if earlier:
            sent.roles.add("standalone")  # says enough to stand as a commitment when nothing precedes
    elif earlier:
        sent.roles.add("earlier")
    elif _any(t.request, text) and not _any(t.request_exclude, text):
        sent.roles.add("request")
    if sent.roles & {"earlier", "generic"} or _any(t.exclude, text):
        return
    strong = _span(t.new, text)
    if strong:
        sent.roles.add("new")
        sent.trigger = strong
        return
    weak = _span(t.needs_deadline, text)
    if weak:
        sent.trigger = weak
        deadline = sent.deadline()
        end = deadline.value.get("end") if deadline else None
        if deadline and (end is None or ref is None or end >= ref):
            sent.roles.add("new")


def _deadline(entity: Entity | None) -> Deadline | None:
    if entity is None:
        return None
    v = entity.value
    return Deadline(
        text=entity.text, start=v.get("start"), end=v.get("end"), precision=v.get("precision"),
        recurring=bool(v.get("recurring")), estimated=bool(v.get("estimated")),
    )


def _members(sents: list[Sentence], t: Triggers) -> list[Member]:
    """MPs the commitment was made to: MEMBER entities of the trigger sentences, not motie authors."""
    out: list[Member] = []
    seen: set[str] = set()
    for s in sents:
        for e in s.entities:
            if e.label != "MEMBER":
                continue
            before = s.text[max(0, e.start - s.start - 40): e.start - s.start]
            if t.motie.search(before) or e.value.get("role") == "motie":
                continue
            name = e.value.get("name") or e.text
            if name in seen:
                continue
            seen.add(name)
            party, source = e.value.get("party"), e.value.get("party_source")
            out.append(Member(name=name, party=party, party_source=source))
    return out


def _debate(group: list[Sentence], all_sents: list[Sentence], next_start: int,
            ref: str | None) -> Debate | None:
    """The debate named in the trigger sentences, else the nearest one before them in the paragraph,
    else a debate held before the letter that the rest of the paragraph names ('… vergt meer tijd
    dan voorzien tijdens het Wetgevingsoverleg Defensie van 18 juni 2025').

    A debate named twice ('tijdens een VSO (…; VSO Raad Algemene Zaken)') takes its title and
    date from the later mention where the first lacks them.
    """
    first, last = group[0], group[-1]
    own = [e for s in group for e in s.entities if e.label == "DEBATE"]
    before: list[Entity] = []
    for s in reversed(all_sents[: first.index]):
        if s.paragraph != first.paragraph:
            break
        before = [e for e in s.entities if e.label == "DEBATE"]
        if before:
            break
    after: list[Entity] = []
    for s in all_sents[last.index + 1: next_start]:
        if s.paragraph != last.paragraph or s.roles & {"new", "earlier", "request"}:
            break
        after = [e for e in s.entities if e.label == "DEBATE" and e.value.get("date")
                 and (ref is None or e.value["date"] <= ref)]
        if after:
            break
    for found in (own, before, after):
        if not found:
            continue
        value = dict(found[0].value)
        for e in found[1:]:
            if e.value.get("type") in (value.get("type"), None):
                for key in ("title", "date"):
                    value[key] = value.get(key) or e.value.get(key)
        return Debate(type=value.get("type"), title=value.get("title"), date=value.get("date"))
    return None


_POINTS_BACK = re.compile(r"(?:dit|dat|deze|die|hier\w*|daar\w*|ook dit|ook dat)\b", re.I)


def _evidence(s: Sentence) -> Evidence:
    return Evidence(page=s.page, start=s.start, end=s.end, sentence=s.text, footnote=s.footnote)


def _signers(letter: Letter) -> Person | None:
    """The letter's signers as one Person ('A en B'); role and portfolio where all signers share them."""
    sigs = letter.meta.signatories
    if not sigs:
        return None
    roles = {s.role for s in sigs}
    portfolios = {s.portfolio for s in sigs}
    return Person(name=" en ".join(s.name for s in sigs), role=roles.pop() if len(roles) == 1 else None,
                  portfolio=portfolios.pop() if len(portfolios) == 1 else None)


def _group_earlier(sents: list[Sentence], t: Triggers) -> list[list[Sentence]]:
    """Trigger sentences that follow each other in one paragraph form one commitment, unless a
    sentence opens a further one ('Tevens heb ik toegezegd …')."""
    groups: list[list[Sentence]] = []
    for s in sents:
        if not s.roles & {"earlier", "request", "anaphora"}:
            continue
        prev = groups[-1] if groups else None
        joins = prev and prev[-1].paragraph == s.paragraph and prev[-1].footnote == s.footnote and (
            s.index - prev[-1].index <= 3
        )
        # a heading naming the commitment ('Toezegging aan het lid X tijdens het commissiedebat Y')
        # and the first paragraph under it are one commitment
        under_heading = bool(prev) and all(x.heading for x in prev) and not s.heading and (
            s.section == prev[-1].section and s.paragraph == prev[-1].paragraph + 1)
        if "anaphora" in s.roles:
            if prev and prev[-1].section == s.section and prev[-1].footnote == s.footnote:
                prev.append(s)
            elif "standalone" in s.roles:
                s.roles.add("earlier")
                groups.append([s])
            continue
        if joins and "request" in s.roles and any("request" in x.roles for x in prev):
            joins = False  # a second request is a commitment of its own
        if joins and "earlier" in s.roles and _any(t.another, s.text):
            joins = False
        joins = joins or under_heading
        if joins:
            prev.append(s)
        else:
            groups.append([s])
    return groups


def _kept(group: list[Sentence], t: Triggers) -> bool:
    """Whether a sentence pointing back at the commitment says this letter keeps it."""
    return any(("anaphora" in s.roles and _any(t.fulfilled, s.text)) or _any(t.delivered, s.text)
               for s in group)


def _status(group: list[Sentence], sents: list[Sentence], next_start: int, t: Triggers) -> str:
    """Status from the commitment's own sentences and the paragraph after them.

    A sentence that says the letter keeps the promise ("Met deze brief geef ik invulling aan die
    toezegging") settles it as fulfilled unless the commitment's own sentences say otherwise; delays
    further on in a section usually concern the subject, not the promise.
    """
    first, last = group[0], group[-1]
    own = " ".join(s.text for s in group)
    if _any(t.partly, own):
        return "partly_fulfilled"
    if _any(t.postponed, own):
        return "postponed"
    if _kept(group, t):
        return "fulfilled"
    scope = [
        s for s in sents[first.index: next_start]
        if s.section == first.section and s.paragraph <= last.paragraph + 1
    ]
    text = " ".join(s.text for s in scope)
    if _any(t.partly, text):
        return "partly_fulfilled"
    if _any(t.postponed, text):
        return "postponed"
    return "fulfilled"


def _following(group: list[Sentence], sents: list[Sentence], next_start: int) -> list[Sentence]:
    """The sentences after a commitment, before the next one, in its section and at most one
    paragraph further: where its answer, delay or new term is read."""
    last = group[-1]
    return [s for s in sents[last.index + 1: next_start]
            if s.section == last.section and s.paragraph <= last.paragraph + 1]


def _delay_term(group: list[Sentence], sents: list[Sentence], next_start: int, t: Triggers,
                ref: str | None) -> Deadline | None:
    """The later term a delay names when no promise restates it ('De evaluatie is vertraagd en zal
    na de zomer gereed zijn'): a term still ahead in a delay sentence of the commitment's paragraph
    or the next."""
    for s in (*group, *_following(group, sents, next_start)):
        delay = _span(t.postponed, s.text)
        if delay is None:
            continue
        after = s.start + delay[0]  # a term after the delay words ('… niet nakomen; ik verwacht u in juni')
        for e in s.entities:
            end = e.value.get("end") if e.label == "DEADLINE" else None
            if end and e.start >= after and (ref is None or end >= ref):
                return _deadline(e)
    return None


def _text_commitments(letter: Letter, sents: list[Sentence], headings: dict[int, str],
                      t: Triggers, ref: str | None) -> tuple[list[Commitment], list[Commitment], set[int]]:
    """Specific and generic commitments of one text (the body or one footnote), and the indices of
    the sentences the rules used (as a commitment, its evidence or its new term)."""
    for s in sents:
        _classify(s, t, ref)
    groups = [g for g in _group_earlier(sents, t) if any(s.roles & {"earlier", "request"} for s in g)]
    starts = [g[0].index for g in groups]
    signer = _signers(letter)
    absorbed: set[int] = set()
    earlier: list[Commitment] = []
    for gi, group in enumerate(groups):
        next_start = starts[gi + 1] if gi + 1 < len(groups) else len(sents)
        status = _status(group, sents, next_start, t)
        core = [s for s in group if s.roles & {"earlier", "request"}]
        evidence = next((s for s in core if "earlier" in s.roles and not s.heading), None) or next(
            (s for s in core if "earlier" in s.roles), core[0])
        if evidence is not core[0] and _POINTS_BACK.match(evidence.text) and len(evidence.text.split()) <= 12:
            evidence = core[0]  # 'Dit heb ik ook toegezegd.' says less than the request before it
        # the term as the commitment states it, else as a sentence restating it gives it
        # ("De toezegging is dat ik u eind 2016 informeer")
        own = next((s.deadline() for s in (*core, *group) if s.deadline()), None)
        deadline = _deadline(own)
        if own is not None and own.value.get("relative") and "request" in core[0].roles:
            # 'verzocht om binnen twee weken een brief': counted from a request the letter does not
            # date, not from the letter's own date
            deadline = Deadline(own.text, None, None, "unspecified")
        if status == "fulfilled" and not _kept(group, t):
            # An answer that only promises a later term ("Ik zal uw Kamer hierover in januari
            # informeren") right after the request puts the commitment off.
            follow = next((s for s in _following(group, sents, next_start) if "new" in s.roles), None)
            term = follow.deadline() if follow is not None else None
            if term is not None and not CONDITION.match(term.text):
                status = "postponed"  # ('Zodra ik die informatie heb, zend ik die door' is a new promise)
        if status in {"postponed", "partly_fulfilled"}:
            last = group[-1].index
            for s in sents[last + 1: min(next_start, last + 1 + MAX_ABSORB_DISTANCE)]:
                if s.section != group[0].section:
                    break
                if "new" in s.roles and s.index not in absorbed:
                    renewed = _deadline(s.deadline())
                    if renewed or status == "postponed":
                        deadline = renewed or deadline
                        # The rest of a postponed promise, or of a partly kept one in the same or
                        # next paragraph, is its new term; a later promise stands on its own.
                        if status == "postponed" or s.paragraph <= group[-1].paragraph + 1:
                            absorbed.add(s.index)
                        break
            else:
                deadline = _delay_term(group, sents, next_start, t, ref) or deadline
        context = " ".join(s.text for s in group)
        made_by = Person(name="voorganger") if t.predecessor.search(context) else signer
        explicit = any("earlier" in s.roles for s in core)
        earlier.append(explain.attach(Commitment(
            kind="earlier", status=status, subject=headings.get(group[0].section) or letter.meta.subject,
            debate=_debate(core, sents, next_start, ref), members=_members(core, t), made_by=made_by,
            deadline=deadline,
            evidence=_evidence(evidence), confidence=0.9 if explicit else 0.75,
        ), group, sents[:next_start], ref))
    in_groups = {s.index for g in groups for s in g}
    new: list[Commitment] = []
    for s in sents:
        if "new" not in s.roles or s.index in absorbed or s.index in in_groups:
            continue
        deadline = _deadline(s.deadline())
        new.append(explain.attach(Commitment(
            kind="new", status="open", subject=headings.get(s.section) or letter.meta.subject,
            debate=None, members=[], made_by=signer, deadline=deadline, evidence=_evidence(s),
            confidence=0.85 if deadline else 0.7,
        ), [s], sents, ref))
    generic = [
        explain.attach(Commitment(
            kind="earlier", status="fulfilled", subject=letter.meta.subject, debate=None, members=[],
            made_by=signer, deadline=None, evidence=_evidence(s), confidence=0.6,
        ), [s], sents, ref)
        for s in sents if "generic" in s.roles
    ]
    specific = sorted(earlier + new, key=lambda c: c.evidence.start)
    used = in_groups | absorbed | {s.index for s in sents if s.roles & {"new", "generic"}}
    return specific, generic, used


def assemble(letter: Letter, tagged, second_opinion: bool | None = None) -> list[Commitment]:
    """All commitments of a tagged letter (`tag.Tagged`), body first, then footnotes.

    `second_opinion` adds body sentences the rules missed that the learned sentence classifier is
    sure of (`assemble/learned.py`); None takes the shipped setting (`data/second_opinion.toml`).
    """
    from toezegging_cli.assemble import learned

    t = triggers()
    body = tagged.body
    sents, headings = _sentences(body.text, body.sentences, body.entities, letter.page_at)
    ref_date = getattr(tagged, "ref_date", None)
    ref = ref_date.isoformat() if ref_date else letter.meta.date
    specific, generic, used = _text_commitments(letter, sents, headings, t, ref)
    if learned.enabled(second_opinion):
        specific = sorted(specific + learned.additions(letter, sents, used, ref),
                          key=lambda c: c.evidence.start)
    for footnote, ft in tagged.footnotes:
        fsents, _ = _sentences(ft.text, ft.sentences, ft.entities, lambda _o, p=footnote.page: p,
                               footnote=footnote.number)
        s2, g2, _ = _text_commitments(letter, fsents, {}, t, ref)
        specific += s2
        generic += g2
    # A mention of several commitments at once stands for those the letter does not spell out: it is
    # kept unless at least two specific earlier commitments are named.
    if sum(c.kind == "earlier" for c in specific) >= 2:
        return specific
    return generic[:1] + specific
