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

import dataclasses
import re
from functools import lru_cache

from toezegging_cli.assemble import explain, split
from toezegging_cli.assemble.meeting import _debate, _in_chamber, _said_at
from toezegging_cli.assemble.sentences import (  # noqa: F401  (re-exported for explain, learned, tests)
    _INNER_DOTS,
    Sentence,
    _classify,
    _deadline,
    _mark_listed,
    _masked,
    _promises_in,
    _sentences,
    _term_in_next,
)
from toezegging_cli.assemble.status import (
    _answers,
    _deferred,
    _delay_term,
    _following,
    _keeps_them,
    _kept,
    _kept_before,
    _kept_next,
    _later_term,
    _missed,
    _new_term,
    _part_later,
    _put_off,
    _put_off_together,
    _renewed,
    _run_end,
    _status,
)
from toezegging_cli.assemble.triggers import Triggers, _any, _span, counts, triggers  # noqa: F401  (re-exported for tests)
from toezegging_cli.model import Commitment, Deadline, Evidence, Letter, Member, Person
from toezegging_cli.tag.dates import CONDITION

MAX_ABSORB_DISTANCE = 30  # sentences between an unfinished commitment and the promise that renews it
LABEL_MAX_WORDS = 4  # a heading this short only labels the commitment under it ('Toezegging T03728')


# what may stand between 'motie' and its author: linking words, names, numbers, references
_MOTION_LINK = re.compile(r"(?:[\s,()/.\-–]|\d+|(?i:van|het|de|der|den|lid|leden|kamerlid|kamerleden|en|c\.s|"
                          r"ingediend|door|nr|kamerstuk)\b|[A-ZÀ-Þ][\w'’-]*)*")


def _motion_author(before: str, t: Triggers) -> bool:
    """Whether the member named after `before` is the author of a motie named there ('de motie van het
    lid X', 'de motie (Kamerstuk …) van de leden X en'), not someone who asked in a sentence that also
    names moties ('Naar aanleiding van de stemming over de moties ben ik door het lid X verzocht')."""
    found = list(t.motie.finditer(before))
    return bool(found) and _MOTION_LINK.fullmatch(before[found[-1].end():]) is not None


def _members(sents: list[Sentence], t: Triggers) -> list[Member]:
    """MPs the commitment was made to: MEMBER entities of the trigger sentences, not motie authors."""
    out: list[Member] = []
    seen: set[str] = set()
    for s in sents:
        for e in s.entities:
            if e.label != "MEMBER":
                continue
            before = s.text[max(0, e.start - s.start - 40): e.start - s.start]
            if e.value.get("role") == "motie" or _motion_author(before, t):
                continue
            name = e.value.get("name") or e.text
            if name in seen:
                continue
            seen.add(name)
            party, source = e.value.get("party"), e.value.get("party_source")
            out.append(Member(name=name, party=party, party_source=source))
    return out


_THIS_LETTER = re.compile(r"\b(?:(?:met|in|bij) (?:deze|de voorliggende|de onderhavige) (?:kamer)?brief"
                          r"|hierbij|hiermee|in onderstaande)\b", re.I)
# a general line that says the letter keeps them ('doe ik enkele aan uw Kamer gedane toezeggingen gestand')
_KEPT_HERE = re.compile(r"\bgestand\b", re.I)
_POINTS_BACK = re.compile(r"(?:dit|dat|deze|die|hier\w*|daar\w*|ook dit|ook dat)\b", re.I)


_ASKS = re.compile(r"\b(?:verzoek\w*|verzocht|gevraagd|vroeg|vroegen|vragen)\b", re.I)


def _asked_by(commitments: list[Commitment], letter: Letter, t: Triggers) -> None:
    """A request the letter answers, whose sentence names no MP, was made by the MP the letter's subject
    names ('Reactie op het verzoek van het lid Geurts …' over 'Op 4 februari heeft uw Kamer verzocht …')."""
    m = t.subject_member.search(letter.meta.subject or "")
    if m is None:
        return
    for c in commitments:
        if c.kind == "earlier" and not c.members and _ASKS.search(c.evidence.sentence):
            c.members = [Member(name=m.group("name"), party=None, party_source=None)]
            if c.explanation is not None:  # the text it came from is the subject's
                c.explanation["members"] = [{"text": m.group(0), "name": m.group("name"), "party": None,
                                             "party_source": None}]


@lru_cache(maxsize=1)
def _counting() -> re.Pattern:
    """The number words of `counts()` before 'toezeggingen' or 'verzoeken', or counting the ones just named
    ('Drie daarvan doe ik met deze brief gestand', 'doe ik er twee gestand'), compiled once."""
    words = "|".join(counts())
    return re.compile(rf"\b({words})\s+(?:\w+\s+)?(?:toezeggingen|verzoeken)\b|\b({words})\s+daarvan\b"
                      rf"|\ber\s+({words})\b", re.I)


def _counted(sentence: str) -> int:
    """How many toezeggingen or requests a general line counts ('op twee toezeggingen'), 0 when none."""
    m = _counting().search(sentence)
    return counts()[next(g for g in m.groups() if g).lower()] if m else 0


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


def _new_member(s: Sentence, group: list[Sentence]) -> bool:
    """Whether `s` names an MP the group does not: 'In deze reactie doe ik ook mijn toezegging aan
    het lid Azmani gestand' after a request of the lid Gesthuizen is a commitment of its own."""
    named = {e.value.get("name") or e.text for x in group for e in x.entities if e.label == "MEMBER"}
    return any(e.label == "MEMBER" and (e.value.get("name") or e.text) not in named for e in s.entities)


def _names_member(group: list[Sentence]) -> bool:
    """Whether a sentence of the group names an MP."""
    return any(e.label == "MEMBER" for x in group for e in x.entities)


def _label(s: Sentence, sents: list[Sentence], t: Triggers) -> bool:
    """Whether `s` is a paragraph of its own that names a commitment the way a register does
    ('Toezegging aan het lid X …', 'Verzoek van de commissie …')."""
    alone = (s.index == 0 or sents[s.index - 1].paragraph != s.paragraph) and (
        s.index + 1 == len(sents) or sents[s.index + 1].paragraph != s.paragraph)
    return alone and _any(t.long_heading, s.text)


def _meetings(sents: list[Sentence]) -> set[tuple]:
    """The dated meetings the sentences name, as (type, date)."""
    return {(e.value.get("type"), e.value["date"]) for x in sents for e in x.entities
            if e.label == "DEBATE" and e.value.get("date")}


def _meeting_types(sents: list[Sentence]) -> set[str | None]:
    """The kinds of meeting the sentences name (None for one whose kind is not said)."""
    return {e.value.get("type") for x in sents for e in x.entities if e.label == "DEBATE"}


def _other_meeting(s: Sentence, prev: list[Sentence]) -> bool:
    """Whether the toezegging `s` names a dated meeting and the commitment before it names only
    other ones: two toezeggingen from two meetings, each its own commitment."""
    own, before = _meetings([s]), _meetings([x for x in prev if "earlier" in x.roles])
    return bool(own and before and not own & before)


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
        # so is a register-style item of one sentence ('Toezegging, naar aanleiding van een vraag van
        # het lid X, over … (T03930).') and the paragraph right under it that tells the promise
        under_heading = under_heading or (bool(prev) and len(prev) == 1 and _label(prev[0], sents, t) and (
            s.section == prev[0].section and s.paragraph == prev[0].paragraph + 1
            and s.index == prev[0].index + 1 and "earlier" in s.roles))
        if "anaphora" in s.roles:
            if prev and prev[-1].section == s.section and prev[-1].footnote == s.footnote and not (
                    "standalone" in s.roles and _new_member(s, prev)):
                prev.append(s)
            elif "standalone" in s.roles:
                s.roles.add("earlier")
                groups.append([s])
            continue
        if (joins and "request" in s.roles and "points_back" not in s.roles
                and any("request" in x.roles for x in prev)):
            joins = False  # a second request is a commitment of its own
        if joins and s.roles & {"earlier", "request"} and _any(t.another, s.text):
            joins = False  # 'Daarnaast is door de vaste commissie verzocht …': a further one
        if (joins and "earlier" in s.roles and s.first("DEBATE") is not None
                and all("request" in x.roles and "earlier" not in x.roles for x in prev)
                and not _meeting_types([s]) & _meeting_types(prev)):
            # a toezegging at a named meeting after a request by letter or at another kind of meeting
            # ('In de procedurevergadering … vroeg de commissie …' + '… zegde … toe tijdens het AO')
            joins = False
        if (joins and "earlier" in s.roles and _any(t.told, s.text) and not _any(t.restated, s.text)
                and any("earlier" in x.roles for x in prev)):
            joins = False  # 'Ik heb toegezegd dat ik … zou terugkomen op …' after another toezegging
        if (joins and "restates" in s.roles
                and all("request" in x.roles and "earlier" not in x.roles for x in prev)):
            joins = False  # 'Zoals toegezegd zal ik u … informeren' after a request: an open promise
        if joins and "earlier" in s.roles and _other_meeting(s, prev):
            joins = False  # '… de toezegging … tijdens het AO over ggo's op 16 november': another one
        if (joins and "earlier" in s.roles and any("earlier" in x.roles for x in prev) and _names_member(prev)
                and _new_member(s, prev)):
            joins = False  # 'De leden X en Y heb ik toegezegd …' + 'Het lid Z heb ik toegezegd …': two
        # 'Zoals verzocht door de vaste commissie … zal ik dit uiterlijk 13 mei doen' answers the
        # request of the paragraph before
        answers = bool(prev) and "points_back" in s.roles and any("request" in x.roles for x in prev) and (
            prev[-1].section == s.section and s.paragraph == prev[-1].paragraph + 1)
        joins = joins or under_heading or answers
        if joins:
            prev.append(s)
        else:
            groups.append([s])
    return groups


def _text_commitments(letter: Letter, sents: list[Sentence], headings: dict[int, str],
                      t: Triggers, ref: str | None) -> tuple[list[Commitment], list[Commitment], set[int]]:
    """Specific and generic commitments of one text (the body or one footnote), and the indices of
    the sentences the rules used (as a commitment, its evidence or its new term)."""
    for s in sents:
        _classify(s, t, ref)
    _term_in_next(sents, t, ref)
    _mark_listed(sents, t)
    groups = [g for g in _group_earlier(sents, t) if any(s.roles & {"earlier", "request"} for s in g)]
    starts = [g[0].index for g in groups]
    signer = _signers(letter)
    absorbed: set[int] = set()
    earlier: list[Commitment] = []
    made: list[list[Commitment]] = []  # per group, the commitments made of it
    quiet: list[bool] = []  # per group: fulfilled only because nothing after it says otherwise
    for gi, group in enumerate(groups):
        next_start = starts[gi + 1] if gi + 1 < len(groups) else len(sents)
        status = _status(group, sents, next_start, t)
        following = _following(group, sents, next_start)
        # a sentence of the commitment, or the one right after it, says this letter keeps it
        kept = _kept(group, t) or _kept_next(group, following, t)
        core = [s for s in group if s.roles & {"earlier", "request"}]
        evidence = next((s for s in core if "earlier" in s.roles and not s.heading), None) or next(
            (s for s in core if "earlier" in s.roles), core[0])
        if evidence is core[0] and len(core) > 1 and _label(evidence, sents, t) and core[1].first("DEBATE"):
            evidence = core[1]  # the item's label says less than the sentence naming where it was promised
        if evidence is not core[0] and _POINTS_BACK.match(evidence.text) and len(evidence.text.split()) <= 12:
            evidence = core[0]  # 'Dit heb ik ook toegezegd.' says less than the request before it
        if evidence.heading and len(evidence.text.split()) <= LABEL_MAX_WORDS:
            # a label ('Toezegging T03728') says nothing of the promise: the first sentence under it does
            under = sents[evidence.index + 1] if evidence.index + 1 < len(sents) else None
            if under is not None and not under.heading and under.section == evidence.section:
                evidence = under
        # the term as the commitment states it, else as a sentence restating it gives it
        # ("De toezegging is dat ik u eind 2016 informeer")
        own = next((s.deadline() for s in (*core, *group) if s.deadline()), None)
        deadline = _deadline(own)
        if own is not None and own.value.get("relative") and "request" in core[0].roles:
            # 'verzocht om binnen twee weken een brief': counted from a request the letter does not
            # date, not from the letter's own date
            deadline = Deadline(own.text, None, None, "unspecified")
        rest = _part_later(group, following, t, ref, kept) if status == "fulfilled" else None
        if rest is not None:
            status, deadline = "partly_fulfilled", rest
        if status == "fulfilled" and not kept:
            put_off = _put_off(group, sents, _run_end(groups, gi, len(sents)))
            missed = None if put_off else _missed(group, sents, t)
            if missed is not None:
                status = "postponed"
                deadline = _new_term(missed, group, ref) or deadline
            elif put_off:
                status = "postponed"
                deadline = next((d for s in put_off if (d := _deadline(s.deadline()))), None) or deadline
                absorbed.update(s.index for s in put_off if "new" in s.roles)
            else:
                # An answer that only promises a later term ("Ik zal uw Kamer hierover in januari
                # informeren") right after the request puts the commitment off.
                follow = next((s for s in following if "new" in s.roles and _answers(group, s, t)),
                              None) or _renewed(group, sents, next_start)
                # ('Zodra ik die informatie heb, zend ik die door' is new; '… zal de Kamer spoedig
                # geïnformeerd worden' after the condition puts it off)
                if follow is not None and any(e.label == "DEADLINE" and not CONDITION.match(e.text)
                                              for e in follow.entities) and not _kept_before(
                        group, following, follow, t):
                    status = "postponed"
                elif (later := _later_term(group, following, deadline, ref)) is not None:
                    status, deadline = "postponed", later
                elif len(groups) == 1 and (answer := _deferred(group, sents, t)) is not None:
                    status, deadline = "postponed", _deadline(answer.deadline())
                    absorbed.add(answer.index)
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
        kind = "earlier"
        if status == "fulfilled" and len(core) == 1 and ("restates" in core[0].roles or (
                not kept and any(_any(t.ahead, s.text) for s in (core[0], *following[:2])))):
            # an open promise restated, neither kept nor late (eval/README), or one this letter only
            # comes ahead of ('Vooruitlopend hierop informeer ik u over …', right after it or after one
            # sentence that says more of the promise, or 'Vooruitlopend op de brief …, die ik u heb
            # toegezegd, …' in its own sentence): what this letter promises
            kind, status, deadline = "new", "open", _deadline(core[0].deadline())
        quiet.append(kind == "earlier" and status == "fulfilled" and not kept and not any(
            _any(t.delivered, _masked(s.text)) for s in (*group, *following)))
        made.append([])
        # one sentence naming several toezeggingen or requests: one commitment per part (not when part is
        # kept now and the rest later: one status cannot be told per part, the sentence stays one)
        cut = split.parts(core[0]) if len(core) == 1 and status != "partly_fulfilled" else []
        for named, part in cut or [(None, None)]:
            own_part = [named] if named is not None else core
            earlier.append(explain.attach(Commitment(
                kind=kind, status=status, subject=headings.get(group[0].section) or letter.meta.subject,
                debate=_in_chamber(_debate(own_part, sents, next_start, ref), letter),
                members=_members(own_part, t), made_by=made_by, deadline=deadline,
                evidence=dataclasses.replace(_evidence(evidence), part=part),
                confidence=0.9 if explicit else 0.75,
            ), group, sents[:next_start], ref))
            made[-1].append(earlier[-1])
    _put_off_together(groups, made, quiet, sents)
    in_groups = {s.index for g in groups for s in g}
    new: list[Commitment] = []
    for s in sents:
        if "new" not in s.roles or s.index in absorbed or s.index in in_groups:
            continue
        # two main clauses that each promise with a term of their own: one commitment each
        for clause, part in split.promised(s, lambda text: _promises_in(text, t),
                                           lambda e: not CONDITION.match(e.text)) or [(s, None)]:
            deadline = _deadline(clause.deadline() or s.borrowed)
            new.append(explain.attach(Commitment(
                kind="new", status="open", subject=headings.get(s.section) or letter.meta.subject,
                debate=_said_at(s, sents, letter, ref), members=[], made_by=signer, deadline=deadline,
                evidence=dataclasses.replace(_evidence(s), part=part),
                confidence=0.85 if deadline else 0.7,
            ), [s], sents, ref))
    generic = []  # a general line keeps the meeting it names ('toezeggingen uit het AO IMVO van 14 november')
    for s in (s for s in sents if "generic" in s.roles):
        told = _keeps_them(s, sents, in_groups)
        # 'de volgende toezeggingen …: A, B en C', 'twee toezeggingen gedaan: aan het lid X om …, en aan het
        # lid Y om …': one commitment per item (eval/README)
        for named, part in split.listed(s) or split.parts(s) or [(s, None)]:
            (earlier if part else generic).append(explain.attach(Commitment(
                kind="earlier", status="partly_fulfilled" if _any(t.partly, s.text) else "fulfilled",
                subject=letter.meta.subject,
                debate=_debate([named], sents, s.index + 1, ref) if named.first("DEBATE") else None,
                members=_members([named], t) if part else [], made_by=signer, deadline=None,
                evidence=dataclasses.replace(_evidence(s if part else told), part=part),
                confidence=0.75 if part else 0.6,
            ), [s], sents, ref))
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
    # a line that counts them ('In deze brief reageer ik op twee toezeggingen …') stands for the specific
    # ones when at least that many follow it
    generic = [c for c in generic if not 0 < _counted(c.evidence.sentence) <= sum(
        x.kind == "earlier" and x.evidence.start > c.evidence.start for x in specific)]
    _asked_by(specific, letter, t)
    # A mention of several commitments at once stands for those the letter does not spell out. Beside at
    # least two specific earlier commitments in a text that reaches its closing, only a line that keeps a
    # group in so many words is kept ('doe ik enkele aan uw Kamer gedane toezeggingen gestand': the set's
    # gold counts it); not 'Met deze brief informeer ik u over de voortgang van een aantal toezeggingen'
    # over the named ones, nor a line opening a list ('de volgende toezeggingen:'). A text that stops
    # before the signature may not give all it announces: its lines are kept as below.
    if sum(c.kind == "earlier" for c in specific) >= 2 and (
            letter.meta.signatories or all(c.evidence.sentence.rstrip().endswith(":") for c in generic)):
        return [c for c in generic if _KEPT_HERE.search(c.evidence.sentence)] + specific
    # the line that says this letter takes them up ('Met deze brief informeer ik u over … toezeggingen'),
    # else the first ('Bijlage 1B vermeldt de nog openstaande moties en toezeggingen' is not the line)
    own = [c for c in generic if _THIS_LETTER.search(c.evidence.sentence)]
    return (own or generic)[:1] + specific
