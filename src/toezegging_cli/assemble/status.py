"""The status of an earlier commitment — fulfilled, partly fulfilled or postponed — and the new
term a postponement gives, read from the commitment's own sentences and those after it."""

from __future__ import annotations

import re
from collections.abc import Collection

from toezegging_cli.assemble.sentences import Sentence, _deadline
from toezegging_cli.assemble.triggers import Triggers, _any, _span, common_words
from toezegging_cli.model import Commitment, Deadline


def _kept(group: list[Sentence], t: Triggers) -> bool:
    """Whether a sentence pointing back at the commitment says this letter keeps it."""
    return any(("anaphora" in s.roles and _any(t.fulfilled, s.text)) or _any(t.delivered, s.text)
               for s in group)


# a word in the delivering sentence that names what was asked or promised ('Hierbij bied ik u deze reactie
# aan')
_NAMES_IT = re.compile(r"\b(?:deze|dit|die|dat|de gevraagde|de toegezegde|de verzochte)\b", re.I)


def _kept_next(group: list[Sentence], following: list[Sentence], t: Triggers) -> bool:
    """Whether the sentence right after the commitment, in its paragraph, delivers what it asked or
    promised ('… verzocht om een schriftelijke reactie op de amendementen. Hierbij bied ik u deze reactie
    aan.'): the letter keeps it, and a promise further on is one of its own."""
    nxt = following[0] if following else None
    return (nxt is not None and nxt.paragraph == group[-1].paragraph and _any(t.delivered, nxt.text)
            and _NAMES_IT.search(nxt.text) is not None)


def _delivers(s: Sentence, t: Triggers) -> bool:
    """Whether `s` delivers in this letter or says it keeps the promise ('Hierbij stuur ik u …', 'U vindt de
    lijst in de bijlage', 'Gaarne kom ik hierbij aan die toezegging tegemoet')."""
    return _any(t.delivered, s.text) or _any(t.now, s.text) or _any(t.fulfilled, s.text)


def _kept_before(group: list[Sentence], following: list[Sentence], promise: Sentence, t: Triggers) -> bool:
    """Whether a sentence between the commitment and a later promise in its paragraph delivers in this
    letter ('U vindt de lijst in de bijlage', 'Ik voldoe graag aan dat verzoek', 'Gaarne kom ik hierbij aan
    die toezegging tegemoet') and the promise names none of the commitment's long words: the letter keeps
    it, and the promise is one on another subject ('… Ik zal u voor de zomer een analyse van de
    bezwaarschriften sturen'). A promise that names what was promised puts it off ('toegezegd … te
    informeren over het standpunt' … 'Hierbij stuur ik u het advies' … 'zal ik u uiterlijk oktober
    informeren over het standpunt')."""
    if _stems(" ".join(s.text for s in group)) & _stems(promise.text):
        return False
    return any(_delivers(s, t) for s in (*group[1:], *following) if s.index < promise.index)


def _keeps_them(s: Sentence, sents: list[Sentence], in_groups: set[int]) -> Sentence:
    """The sentence that tells a general line's commitments are kept here, when it follows right after
    in the paragraph ('Tijdens dit overleg heb ik uw Kamer een aantal toezeggingen gedaan. Door middel
    van deze brief kom ik terug op deze toezeggingen …'): the better evidence; else the line itself."""
    nxt = sents[s.index + 1] if s.index + 1 < len(sents) else None
    if (nxt is not None and nxt.paragraph == s.paragraph and "anaphora" in nxt.roles
            and nxt.index not in in_groups):
        return nxt
    return s


def _delivered_late(group: list[Sentence], sents: list[Sentence], next_start: int, t: Triggers) -> bool:
    """Whether a sentence of the commitment or right after it in its paragraph says the letter delivers it
    late ('Later dan toegezegd ontvangt u dat overzicht bij deze brief', 'Met enige vertraging geef ik met
    deze brief invulling aan toezegging T03388'): kept, though a delay is told."""
    last = group[-1]
    here = [*group, *(s for s in sents[last.index + 1: next_start][:2] if s.paragraph == last.paragraph)]
    return any(_any(t.late, s.text) and _delivers(s, t) for s in here)


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
    if _delivered_late(group, sents, next_start, t):
        return "fulfilled"
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
    if _any(t.unfinished, text):
        # unfinished work: partly kept when the letter delivers some of it, else put off
        return "partly_fulfilled" if any(_any(t.delivered, s.text) for s in scope) else "postponed"
    if _any(t.postponed, text) and not any(_any(t.delivered, s.text) and not _any(t.postponed, s.text)
                                           for s in scope if s.index > last.index):
        # (a delay after 'Ik bied u hierbij het rapport aan' concerns what follows it; 'Met deze brief
        # informeer ik u dat het overzicht vertraging heeft opgelopen' delivers only the delay)
        return "postponed"
    return "fulfilled"


_REST = re.compile(r";|,\s*(?:maar|terwijl|en)\b")
_FOLLOWS = re.compile(r"\bvolg(?:t|en)\b", re.I)


_TAKES_UP = re.compile(r"\b(?:ga|gaan) (?:ik|wij|we)\b[^.;]{0,20}\bin op\b", re.I)


def _part_later(group: list[Sentence], following: list[Sentence], t: Triggers, ref: str | None,
                kept: bool = False) -> Deadline | None:
    """The term of the rest when the letter keeps part of the commitment now and promises the rest later
    ('De eerste twee vragen beantwoord ik in deze brief; op de derde kom ik in het najaar terug', 'De kosten
    zet ik in deze brief uiteen. Over de wachtrijen ontvangt u voor de zomer een aparte brief.'): a
    sentence of its paragraph that delivers in this letter (`status.now`), then, in the rest of that
    sentence or in the next one, a promise with a term still ahead; the one or the other says it is a
    part (`status.part`), or the promise names a long word of the commitment. A promise on another
    subject stands on its own; so does one after a letter that says it keeps the promise (`kept`: 'Met deze
    brief geef ik invulling aan …', 'Hierbij bied ik u deze reactie aan') unless a part is named or the
    letter says it takes up one subject ('In deze brief ga ik in op A; B volgt in november')."""
    para = group[-1].paragraph
    words = _stems(" ".join(s.text for s in group))
    here = [group[-1], *(s for s in following if s.paragraph == para)]
    for i, s in enumerate(here):
        now = _span(t.now, s.text)
        if now is None:
            continue
        # a letter that says it takes up one subject ('In deze brief ga ik in op de wijkverpleging') keeps
        # only that: a promise naming the rest of the commitment still makes it partly kept
        open_to_rest = not kept or _TAKES_UP.search(s.text) is not None
        stems = words if open_to_rest else set()
        rest = next((m.end() for m in _REST.finditer(s.text) if m.start() > now[0]), None)
        if rest is not None and (term := _term_ahead(s, ref, s.start + rest, open_ok=True)) is not None and (
                ("new" in s.roles and open_to_rest) or _any(t.part, s.text)
                or (s is not group[-1] and stems & _stems(s.text[rest:]))):
            return term
        nxt = here[i + 1] if i + 1 < len(here) else None
        if nxt is not None and ("new" in nxt.roles or _FOLLOWS.search(nxt.text)) and (
                term := _term_ahead(nxt, ref, nxt.start, open_ok=True)) is not None and (
                _any(t.part, s.text) or _any(t.part, nxt.text) or stems & _stems(nxt.text)):
            return term
    return None


def _missed(group: list[Sentence], sents: list[Sentence], t: Triggers) -> Sentence | None:
    """Whether a later sentence of the commitment's section says its term will not be met, though
    other commitments stand between: one that names its own term with a delay ('is het niet mogelijk
    dat ik voor 1 maart 2012 een standpunt … zend' after 'toegezegd dat ik voor 1 maart 2012 …'), or,
    for a request, a refusal of the request with no other request between ('Ik kan dan ook niet aan
    uw onderhavige verzoek tegemoet komen'). Returns that sentence."""
    last = group[-1]
    terms = {(e.text.lower(), e.value.get("end")) for s in group for e in s.entities if e.label == "DEADLINE"}
    texts, ends = {x for x, _ in terms}, {y for _, y in terms if y}
    asked = any("request" in s.roles for s in group)
    for s in sents[last.index + 1:]:
        if s.section != last.section:
            break
        if asked and "request" in s.roles and "points_back" not in s.roles:
            asked = False  # a refusal further on answers that request, not this one
        if asked and _any(t.refused, s.text):
            return s
        if terms and _any(t.postponed, s.text) and any(
                e.label in {"DEADLINE", "DATE"} and (e.text.lower() in texts or e.value.get("end") in ends)
                for e in s.entities):
            return s
    return None


def _new_term(s: Sentence, group: list[Sentence], ref: str | None) -> Deadline | None:
    """A term in `s` that is not the commitment's own and has not passed at the letter's date: the
    one a delay sets ('… niet aan uw verzoek tegemoet komen, maar zal uw Kamer mijn visie tijdig voor
    het Algemeen Overleg van 1 december sturen')."""
    own = {e.text.lower() for x in group for e in x.entities if e.label == "DEADLINE"}
    return _term_ahead(s, ref, skip=own)


def _later_term(group: list[Sentence], following: list[Sentence], own: Deadline | None,
                ref: str | None) -> Deadline | None:
    """A term right after the commitment, in its paragraph, that begins after the promised term ended
    and not before the letter's date: the promise is late ('Eerder is toegezegd begin 2020 de campagne
    te lanceren. We verwachten hiermee na de zomer te kunnen starten.')."""
    if own is None or not own.end:
        return None
    # also a sentence of the commitment that points back at it, its main clause last ('Omdat de verkenning
    # pas in februari verschijnt, wil ik deze toezegging afdoen in het voorjaar van 2020')
    pointing = [x for x in group[1:] if "anaphora" in x.roles]
    for s in (*pointing, *following[:2]):
        if s.paragraph != group[-1].paragraph:
            break
        terms = [e for e in s.entities if e.label == "DEADLINE"]
        later = _deadline(terms[-1] if s in pointing and terms else s.deadline())
        begins = later.start or later.end if later is not None else None
        if begins and begins > own.end and (ref is None or begins >= ref):
            return later
    return None


def _term_ahead(s: Sentence, ref: str | None, after: int = 0, skip: Collection[str] = (),
                open_ok: bool = False) -> Deadline | None:
    """The first DEADLINE of `s` from text offset `after` on whose end has not passed at the letter's
    date `ref`, its text (lower case) not in `skip`; with `open_ok` also one with no end (a condition,
    'zo snel mogelijk'), but no cycle ('periodiek')."""
    for e in s.entities:
        if e.label != "DEADLINE" or e.start < after or e.text.lower() in skip:
            continue
        end = e.value.get("end")
        if open_ok and e.value.get("recurring"):
            continue
        if (end or open_ok) and (not end or ref is None or end >= ref):
            return _deadline(e)
    return None


def _following(group: list[Sentence], sents: list[Sentence], next_start: int) -> list[Sentence]:
    """The sentences after a commitment, before the next one, in its section and at most one
    paragraph further: where its answer, delay or new term is read."""
    last = group[-1]
    return [s for s in sents[last.index + 1: next_start]
            if s.section == last.section and s.paragraph <= last.paragraph + 1]


def _run_end(groups: list[list[Sentence]], gi: int, end: int) -> int:
    """Where the run of commitments that starts at group `gi` ends: consecutive commitments one
    paragraph apart at most ('U vroeg om een reactie. Ook stelde het lid X vragen.') are answered, or
    put off, together."""
    last = groups[gi][-1]
    for nxt in groups[gi + 1:]:
        if nxt[0].section != last.section or nxt[0].paragraph > last.paragraph + 1:
            return nxt[0].index
        last = nxt[-1]
    return end


def _put_off(group: list[Sentence], sents: list[Sentence], end: int) -> list[Sentence]:
    """The commitment's own sentences and those of its section before `end` (its run's end) that put
    off answering it ('Ik zal de vragen … beantwoorden', 'verzoek ik u om uitstel van een reactie'),
    each with the promise right after it in its paragraph ('Ik stel voor u uiterlijk 21 juni nader
    te berichten')."""
    out: list[Sentence] = []
    after = sents[group[-1].index + 1: end]
    region = [*group, *(s for s in after if s.section == group[-1].section)]
    for i, s in enumerate(region):
        if "later" in s.roles:
            out.append(s)
            nxt = region[i + 1] if i + 1 < len(region) else None
            if nxt is not None and "new" in nxt.roles and nxt.paragraph == s.paragraph:
                out.append(nxt)
    return out


def _delay_term(group: list[Sentence], sents: list[Sentence], next_start: int, t: Triggers,
                ref: str | None) -> Deadline | None:
    """The later term a delay names when no promise restates it ('De evaluatie is vertraagd en zal
    na de zomer gereed zijn'): a term still ahead in a delay sentence of the commitment's paragraph
    or the next."""
    for s in (*group, *_following(group, sents, next_start)):
        delay = _span(t.postponed, s.text)
        if delay is None:
            continue
        # a term after the delay words ('… niet nakomen; ik verwacht u in juni', '… kunnen niet binnen drie
        # weken worden beantwoord; ik zal ze zo snel mogelijk beantwoorden')
        denied = any(s.denied(e) for e in s.entities if e.label == "DEADLINE")
        term = (_term_ahead(s, ref, s.start + delay[1], open_ok=True) if denied
                else _term_ahead(s, ref, s.start + delay[0]))
        if term is not None:
            return term
    return None


_WORD = re.compile(r"[a-zà-ÿ]{8,}")


def _stems(text: str) -> set[str]:
    """The long words of `text` that may name a deliverable, cut to a stem ('schriftelijke' and
    'schriftelijk' meet)."""
    return {w[:8] for w in _WORD.findall(text.lower()) if w not in common_words()}


def _answers(group: list[Sentence], s: Sentence, t: Triggers) -> bool:
    """Whether the promise `s`, after the commitment `group`, answers it: it stands in the same
    paragraph or right after it, points back at it ('Daarna informeer ik u …'), names the same
    deliverable, or moves its term further out ('verzoekt … vóór 1 oktober' → 'vóór eind oktober').
    A promise in the next paragraph that does none of these ('De volgende voortgangsrapportage zal
    ik eind 2013 …') stands on its own."""
    if s.paragraph == group[-1].paragraph or s.index == group[-1].index + 1 or _any(t.follows_up, s.text):
        return True
    if _stems(" ".join(x.text for x in group)) & _stems(s.text):
        return True
    own = next((x.deadline() for x in group if x.deadline()), None)
    term = s.deadline()
    own_end = own.value.get("end") if own is not None else None
    end = term.value.get("end") if term is not None else None
    return bool(own_end and end and end > own_end)


def _renewed(group: list[Sentence], sents: list[Sentence], next_start: int) -> Sentence | None:
    """A promise further on in the commitment's section, before the next commitment, that gives a term
    for the same deliverable ('… toegezegd een actieplan ouderenhuisvesting op te stellen.' … 'Het
    actieplan ouderenhuisvesting kan dan naar verwachting in het eerste kwartaal van 2013 aan uw
    Kamer worden gezonden'): it shares a long word with the commitment that is not a word of the
    trigger phrases (`status.common_words`)."""
    own = {w for s in group for w in _WORD.findall(s.text.lower())} - common_words()
    if not own:
        return None
    last = group[-1]
    for s in sents[last.index + 1: next_start]:
        if s.section != last.section:
            break
        if "new" in s.roles and s.deadline() is not None and own & set(_WORD.findall(s.text.lower())):
            return s
    return None


def _put_off_together(groups: list[list[Sentence]], made: list[list[Commitment]], quiet: list[bool],
                      sents: list[Sentence]) -> None:
    """Commitments of one run put off together ('Op 24 november verzocht de commissie om een reactie.
    Tevens verzocht zij om antwoorden op drie vragen.' … 'Dit is binnen de gevraagde termijn niet
    haalbaar; ik verwacht u eind januari te informeren'): one that nothing after it says is kept or
    late, right before (in its paragraph or the next) one that is postponed, is postponed with it, to
    the same term. `made` holds each group's commitments, `quiet` whether its status is the default.
    Not in a letter that goes through its toezeggingen one paragraph each ('Het lid A heb ik toegezegd …
    In de bijlage vindt u …' and then a paragraph on the next): the delay told of the next item is not
    this one's."""
    for gi in range(len(groups) - 2, -1, -1):
        here, nxt = groups[gi], groups[gi + 1]
        if not (quiet[gi] and made[gi] and made[gi + 1]) or nxt[0].section != here[-1].section or (
                nxt[0].paragraph > here[-1].paragraph + 1):
            continue
        if nxt[0].paragraph > here[-1].paragraph and nxt[0].index > here[-1].index + 1 and (
                sents[here[-1].index + 1].paragraph == here[-1].paragraph):
            continue  # this item has its own say in its own paragraph
        if all(c.status == "postponed" for c in made[gi + 1]):
            for c in made[gi]:
                c.status, c.deadline = "postponed", made[gi + 1][0].deadline


def _deferred(group: list[Sentence], sents: list[Sentence], t: Triggers) -> Sentence | None:
    """The promise that is a letter's whole answer to its one request ('De commissie heeft mij verzocht
    een toelichting te geven … De gevraagde informatie vereist afstemming. Ik zal uw Kamer informeren
    zodra die gereed is.'): the request asks to be told or sent something, nothing in the letter is
    delivered ('hierbij', 'bijgaand', 'treft u aan'), a sentence up to the first promise after it in its
    section says the answer is not ready (`status.not_ready`), and that promise does not tell more than
    the letter did ('nader informeren'). The request is postponed to that promise's term."""
    core = [s for s in group if s.roles & {"earlier", "request"}]
    if any("earlier" in s.roles for s in core) or any(_any(t.delivered, s.text) for s in sents):
        return None
    if not _any(t.asks_to_tell, core[0].text):
        return None
    last = group[-1]
    answer = next((s for s in sents[last.index + 1:] if s.section == last.section and "new" in s.roles), None)
    if answer is None or _any(t.tells_more, answer.text):
        return None
    between = sents[last.index + 1: answer.index + 1]
    return answer if any(_any(t.not_ready, s.text) for s in between) else None
