"""`debate_entities`: DEBATE spans (kind, title, date of a meeting) from the debate-type table."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from toezegging_cli import precompiled
from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import TableComponent, _alternation, _key, add_entities, doc_text


def _verb_form(cues: dict[str, Any]) -> str:
    """The participle pattern, not matching the nouns of that shape ('gebied', 'gezondheid')."""
    nouns = "|".join(sorted(cues.get("participle_like_nouns", []), key=len, reverse=True))
    verb = cues.get("verb_form", "(?!)")
    return rf"(?!(?:{nouns})\w*$){verb}" if nouns else verb


_BILL_BREAKS = frozenset({"(", ",", ";", ":"})  # punctuation that ends a bill's name

# --- DEBATE ---------------------------------------------------------------------------------------


@Language.factory("debate_entities", assigns=["doc.ents", "span._.value"])
def make_debate_entities(nlp: Language, name: str):
    return DebateEntities(nlp, name)


class DebateEntities(TableComponent):
    """DEBATE: a kind of Kamer meeting with the title that follows it and its date.

    'het commissiedebat Integriteit Openbaar Bestuur op 12 maart 2025' → {"type": "commissiedebat",
    "title": "Integriteit Openbaar Bestuur", "date": "2025-03-12"}. The title is the phrase after
    the type, or after 'over (de)'/'van', up to a date ('op/van/d.d. <date>') or a stop word
    (`data/entity_cues.toml`); a title in lower case is taken only when a date or 'over' closes or
    opens it. The date is the DATE right after the title, or a little further when only a phrase
    such as 'met de vaste commissie voor SZW' stands between (the span then ends at the title, so
    the words between keep their own entities). A debate named inside a deadline ('vóór de
    begrotingsbehandeling') is left to the DEADLINE.
    """

    MAX_TITLE = 14
    MAX_LOWER = 2  # lower-case words in a title that no date closes
    MAX_DATE_GAP = 10

    def collect(self) -> dict[str, Any]:
        return {"variants": [list(v) for v in entity_data.debate_types()],
                "cues": entity_data.cues()["debate"]}

    def compile(self) -> dict[str, Any]:
        variants = self.tables.get("variants", [])
        types = {}
        parts = []
        for kind, variant in variants:
            types[variant if variant.isupper() else _key(variant)] = kind
            parts.append(variant)
        upper = _alternation(v for v in parts if v.isupper())
        lower = _alternation((v for v in parts if not v.isupper()), ignore_case=True)
        regex = precompiled.compile(rf"(?<![\w-])(?:{'|'.join(p for p in (lower, upper) if p)})(?![\w-])")
        cues = self.tables.get("cues", {})
        return {
            "regex": regex, "types": types,
            "stop": frozenset(cues.get("title_stop", [])),
            "links": frozenset(cues.get("date_links", [])),
            "title_links": frozenset(cues.get("title_links", [])),
            "articles": frozenset(cues.get("articles", [])),
            "nouns": frozenset(cues.get("title_nouns", [])),
            "plenary": precompiled.compile(cues.get("plenary_record", "(?!)")),
            "plenary_type": cues.get("plenary_type", "plenair debat"),
            "audience": [tuple(a.split()) for a in cues.get("audience", [])],
            "quotes": {open_: close for open_, close in cues.get("title_quotes", [])},
            "inner": frozenset(cues.get("title_inner", [])),
            "committee_name": frozenset((",", "&", *cues.get("title_inner", []))),
            "committees": frozenset(cues.get("committees", [])),
            "committee_links": frozenset(cues.get("committee_links", [])),
            "committee_adjectives": frozenset(cues.get("committee_adjectives", [])),
            "breaks": frozenset(cues.get("clause_breaks", [])),
            "self_titled": frozenset(_key(v) for v in cues.get("self_titled", [])),
            "opens_title": frozenset(_key(v) for v in cues.get("opens_title", [])),
            "bill_titles": frozenset(_key(v) for v in cues.get("bill_titles", [])),
            "bill_stop": frozenset(cues.get("bill_title_stop", [])),
            "bill_plenary": [tuple(a.split()) for a in cues.get("bill_plenary", [])],
            "verb": precompiled.compile(_verb_form(cues)),
            "references": frozenset(cues.get("title_references", [])),
            "closing_verbs": frozenset(cues.get("title_closing_verbs", [])),
            "addressees": [tuple(a.split()) for a in cues.get("title_closing_addressees", [])],
            "held": frozenset(cues.get("held", [])),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        if not c["regex"].pattern or not doc_text(doc):
            return doc
        dates = {}
        for span in doc.spans.get("time", []):
            dates.setdefault(span.start, span)
        in_deadline = bytearray(len(doc))
        for ent in doc.ents:
            if ent.label_ == "DEADLINE":
                in_deadline[ent.start:ent.end] = b"\x01" * len(ent)
        found = []
        for m in c["regex"].finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="strict")
            if span is None or in_deadline[span.start]:
                continue
            written = m.group(0)
            kind = c["types"].get(written if written.isupper() else _key(written))
            if kind is None:
                continue
            if _key(written) in c["bill_titles"]:
                end, title, date, in_chamber = self._bill(doc, span.end, dates, c)
                held = self._phrase_at(doc, end, c["bill_plenary"])
                if held > end or in_chamber:
                    end, kind = max(held, end), c["plenary_type"]
            elif _key(written) in c["opens_title"]:
                end, title, date = self._after(doc, span.end - 1, dates, c, opened=True)
            else:
                end, title, date = self._after(doc, span.end, dates, c)
            if _key(written) in c["self_titled"]:
                title = written  # the meeting's own name is its title
            if title is None and date is None and written.isupper():
                end, title = self._lone_title(doc, span.end, c) or (end, title)
            if not kind and title is None and date is None:
                continue  # 'het debat' of unnamed kind counts only with a title or a date
            if not kind and title:
                kind, title = self._kind_in_title(title, c)
            if not kind and c["plenary"].search(span.sent.text if doc.has_annotation("SENT_START") else ""):
                kind = c["plenary_type"]  # the Handelingen record plenary sittings
            ent = Span(doc, span.start, end, label="DEBATE")
            found.append((ent, {"type": kind or None, "title": title, "date": date}))
        add_entities(doc, found)
        return doc

    @staticmethod
    def _kind_in_title(title: str, c) -> tuple[str | None, str]:
        """(type, title) of a debate of unnamed kind whose title opens with its kind ('het debat inzake
        de begrotingsbehandeling van begroting Hoofdstuk de Koning (I)'): that kind, and the words after
        'van'/'over' as the title."""
        m = c["regex"].match(title)
        if m is None:
            return None, title
        written = m.group(0)
        kind = c["types"].get(written if written.isupper() else _key(written))
        rest = re.match(r"\s+(?:van|over|inzake)\s+(?:de\s+|het\s+)?(\S.*)", title[m.end():])
        if not kind or rest is None:
            return None, title
        return kind, rest.group(1)

    MAX_BILL_TITLE = 40

    def _bill(self, doc: Doc, i: int, dates: dict[int, Span], c) -> tuple[int, str | None, str | None, bool]:
        """(end token, title, ISO date, held in a chamber) of a bill's debate: the bill's name from token i
        up to a date link with its date, a bracket, a comma, a word of the main clause (`bill_title_stop`) or
        the chamber it was held in ('in uw Kamer', `bill_plenary`) and the date after that."""
        sent_end = doc[i - 1].sent.end if doc.has_annotation("SENT_START") else len(doc)
        k, date_span = i, None
        while k < min(sent_end, i + self.MAX_BILL_TITLE):
            date_span = self._date_at(doc, k, dates, c)
            if date_span is None and k > i and (close := self._bill_bracket(doc, k, sent_end, c)):
                k = close + 1  # 'Wijziging van de Meststoffenwet (herinvoering compartimentering)'
                continue
            if date_span is not None or doc[k].text in _BILL_BREAKS or doc[k].lower_ in c["bill_stop"]:
                break
            if k > i and (held := self._phrase_at(doc, k, c["bill_plenary"])) > k:
                # 'het wetsvoorstel Wet werk en zekerheid in uw Kamer op 12 februari 2014': the chamber ends
                # the name, its date may follow
                after = self._date_at(doc, held, dates, c) if held < sent_end else None
                if after is not None:
                    return after.end, doc[i:k].text, self._iso(after), True
                break
            k += 1
        title = doc[i:k].text if k > i else None
        date = self._iso(date_span)
        return (date_span.end if date_span is not None else k), title, date, False

    @staticmethod
    def _bill_bracket(doc: Doc, k: int, sent_end: int, c) -> int | None:
        """The closing bracket of a part of a bill's name in brackets at token k ('(herinvoering
        compartimentering)', '(Wet CRM)'): words only, two or more or one in lower case, no reference,
        number or party ('(Kamerstuk 36 277)', '(VVD)')."""
        if doc[k].text != "(" or k + 1 >= sent_end or doc[k + 1].lower_ in c["references"]:
            return None
        close = next((x for x in range(k + 1, min(sent_end, k + 8)) if doc[x].text in "()"), None)
        if close is None or doc[close].text != ")" or close == k + 1:
            return None
        words = doc[k + 1:close]
        if not all(t.is_alpha or t.text == "-" for t in words):
            return None
        return close if len(words) >= 2 or words[0].is_lower else None

    @staticmethod
    def _iso(date_span: Span | None) -> str | None:
        """The ISO day of a debate's date span: a DATE's date, a one-day DEADLINE's start."""
        if date_span is None:
            return None
        value = date_span._.value or {}
        return value.get("date") if date_span.label_ == "DATE" else value.get("start")

    @staticmethod
    def _is_day(span: Span | None) -> bool:
        """A DATE, or a DEADLINE of one named day ('op 16 april aanstaande')."""
        if span is None:
            return False
        value = span._.value or {}
        if span.label_ == "DATE":
            return True
        return value.get("precision") == "day" and value.get("start") == value.get("end") is not None

    def _date_at(self, doc: Doc, i: int, dates: dict[int, Span], c) -> Span | None:
        """The date starting at token i, after a linking word at i ('op', 'van', 'd.d.'), or alone in
        brackets ('het dertigledendebat over het schoonhouden van drinkwater (22 februari jl.)')."""
        span = dates.get(i)
        if self._is_day(span):
            return span
        if i < len(doc) and doc[i].lower_ in c["links"]:
            span = dates.get(i + 1)
            if self._is_day(span):
                return span
        if i < len(doc) and doc[i].text == "(":
            span = dates.get(i + 1)
            if self._is_day(span) and span.end < len(doc) and doc[span.end].text == ")":
                return span
        return None

    def _after(self, doc: Doc, i: int, dates: dict[int, Span], c,
               opened: bool = False) -> tuple[int, str | None, str | None]:
        """(end token, title, ISO date) of the debate whose type ends before token i; `opened`: the
        title starts at token i (the type's last word, 'behandeling van de begroting …')."""
        sent_end = doc[i - 1].sent.end if doc.has_annotation("SENT_START") else len(doc)
        title_tokens: list[int] = []
        further = False
        if i < sent_end and not opened:
            # the committee that met is no title ('de procedurevergadering van de vaste commissie voor
            # Europese Zaken van 14 november 2018'): read on after its name
            i = self._skip_committee(doc, i, sent_end, dates, c)
        date_span = self._date_at(doc, i, dates, c) if i < sent_end else None
        if date_span is None and i < sent_end:
            j = self._skip_audience(doc, i, sent_end, c)
            linked = doc[j].lower_ in c["title_links"]
            if linked:
                j += 1
                if j < sent_end and doc[j].lower_ in c["articles"]:
                    j += 1
            closing = self._reference_close(doc, i, j, sent_end, c) if linked else None
            if closing is not None:  # '(Handelingen II 2019/20, nr. 97, debat over … bij de vermogenstoets)'
                title_tokens, j, date_span = list(range(j, closing)), closing, None
            else:
                title_tokens, j, date_span = self._title_at(doc, j, sent_end, dates, c, linked or opened)
            if linked and not title_tokens:
                j = i
            if date_span is None:
                date_span = self._date_further(doc, j, sent_end, dates, c)
                further = date_span is not None
                # (not past a member's party in brackets: the member stays an entity of its own)
                if further and not title_tokens and not any(t.text == "(" for t in doc[j:date_span.start]):
                    title_tokens = self._title_after_date(doc, date_span.end, sent_end, dates, c)
        elif date_span is not None:
            title_tokens = self._title_after_date(doc, date_span.end, sent_end, dates, c)
        ends = [i]
        if title_tokens:
            ends.append(title_tokens[-1] + 1)
        if (date_span is not None and doc[date_span.start - 1].text != "("
                and (date_span.start <= max(ends) + 1 or not further)):
            ends.append(date_span.end)
        title = doc[title_tokens[0]: title_tokens[-1] + 1].text if title_tokens else None
        date = self._iso(date_span)
        return max(ends), title, date

    def _title_after_date(self, doc, k, sent_end, dates, c) -> list[int]:
        """Title tokens after a debate's date, behind 'over'/'inzake' and a reference in brackets ('het
        algemeen overleg op 24 november 2011 (Kamerstuk 32 847, nr. 11) over studentenhuisvesting')."""
        if self._reference_at(doc, k, sent_end, c):
            close = next((x for x in range(k + 2, min(sent_end, k + 20)) if doc[x].text == ")"), None)
            if close is not None:
                k = close + 1
        if k < sent_end and doc[k].lower_ in c["title_links"] and doc[k].lower_ != "van":
            k += 1
            if k < sent_end and doc[k].lower_ in c["articles"]:
                k += 1
            return self._title_at(doc, k, sent_end, dates, c, True)[0]
        return []

    @staticmethod
    def _lone_title(doc: Doc, i: int, c) -> tuple[int, str] | None:
        """(end, title) of one lower-case word after an abbreviated type that closes the phrase
        ('zoals toegezegd in het AO gewasbescherming, …'); None when no such word stands there."""
        if i >= len(doc) or (doc.has_annotation("SENT_START") and doc[i].sent.end <= i):
            return None
        token = doc[i]
        low = token.lower_
        if (not token.is_alpha or not token.is_lower or len(low) < 4 or low in c["stop"]
                or low in c["inner"] or c["verb"].fullmatch(low)):
            return None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and not (nxt.is_punct or nxt.lower_ in c["stop"] or nxt.is_sent_start):
            return None
        return i + 1, token.text

    @staticmethod
    def _skip_audience(doc, i, sent_end, c) -> int:
        """The token after 'met uw Kamer' (and the like) at token i when a title link follows it."""
        k = DebateEntities._phrase_at(doc, i, c["audience"])
        return k if k < sent_end and doc[k].lower_ in c["title_links"] else i

    @staticmethod
    def _phrase_at(doc, i, phrases) -> int:
        """The token after the first of `phrases` (tuples of lower-case words: 'met uw kamer', 'aan het
        lid', 'in de eerste kamer') that stands at token i, else i."""
        for words in phrases:
            if tuple(t.lower_ for t in doc[i:i + len(words)]) == words:
                return i + len(words)
        return i

    def _title_at(self, doc, i, sent_end, dates, c, linked) -> tuple[list[int], int, Span | None]:
        """Like `_title`, for a title that may stand in quotation marks, also after a noun such as
        'het onderwerp «…»'; a quoted title's date is the one right after the closing mark."""
        if i + 1 < sent_end and doc[i].lower_ in c["nouns"] and doc[i + 1].text in c["quotes"]:
            i += 1
        quoted = self._quoted(doc, i, sent_end, c)
        if quoted is None:
            return self._title(doc, i, sent_end, dates, c, linked)
        tokens, after = quoted
        return tokens, after, self._date_at(doc, after, dates, c)

    def _quoted(self, doc, i, sent_end, c) -> tuple[list[int], int] | None:
        """(title tokens, token after the closing mark) of a title in quotation marks at token i."""
        if i >= sent_end or doc[i].text not in c["quotes"]:
            return None
        close = c["quotes"][doc[i].text]
        for k in range(i + 1, min(sent_end, i + 2 + self.MAX_TITLE)):
            if doc[k].text == close:
                return (list(range(i + 1, k)), k + 1) if k > i + 1 else None
        return None

    def _title(self, doc, i, sent_end, dates, c, linked) -> tuple[list[int], int, Span | None]:
        """Title tokens from token i, the token after them, and the date that closes them (if any).

        A word in lower case may open the title only after 'over'/'van' (`linked`) or when a date
        closes the title, may follow an inner word ('en', 'van de') only when a date closes it, is
        never a verb form (participles, `verb_form`), and only two of them stand in a title that no
        date closes.
        """
        tokens: list[int] = []
        pending: list[int] = []
        lowers = 0
        date_span = None
        while i < sent_end and len(tokens) + len(pending) < self.MAX_TITLE:
            token = doc[i]
            date_span = self._date_at(doc, i, dates, c)
            if date_span is not None:
                break
            text, low = token.text, token.lower_
            if (text == "(" and tokens and not pending and i + 2 < sent_end and doc[i + 2].text == ")"
                    and doc[i + 1].text.isupper() and len(doc[i + 1].text) <= 8):
                tokens.extend((i, i + 1, i + 2))  # 'Herbeleggingsplan Vastgoed Defensie (HVD)'
                i += 3
                continue
            if token.is_space or (token.is_punct and text not in {",", "-", "&", "/"}):
                break
            if (tokens and low in c["committee_links"]
                    and self._skip_committee(doc, i, sent_end, dates, c) > i):
                break  # 'het AO Mestbeleid van de Vaste Commissie …': the committee is no title
            if low in c["inner"] or text == ",":
                if not tokens:
                    break
                pending.append(i)
                i += 1
                continue
            if low in c["stop"]:
                break
            lower = not (text[0].isupper() or text[0].isdigit())
            if lower and c["verb"].fullmatch(low):
                break
            needs_closing = (not tokens and not linked) or pending or lowers >= self.MAX_LOWER
            ends = bool(tokens) or linked  # the sentence's end may close what continues a title
            if lower and needs_closing and not self._closes(doc, i, sent_end, dates, c, ends):
                break
            tokens.extend(pending)
            pending = []
            tokens.append(i)
            lowers += lower
            i += 1
        if date_span is None and pending:
            i = pending[0]
        return tokens, i, date_span

    def _closes(self, doc, i, sent_end, dates, c, ends: bool = False) -> bool:
        """Whether the title words from token i end where a title plainly ends: at a date, at a date
        after the committee's name ('het AO moties en toezeggingen van de Vaste Commissie voor … van
        14 maart'), at a reference in brackets ('… over drie economische studies (Kamerstuk …)'), or at
        the main clause's finite verb ('… over studentenhuisvesting en ouderenhuisvesting heeft …'), at
        whom the promise was made to ('… aan het lid X') or, when `ends`, at the sentence's end."""
        _, after, closing = self._title(doc, i, sent_end, dates, c, True)
        if closing is not None:
            return True
        if self._reference_at(doc, after, sent_end, c):
            return True
        if after < sent_end and doc[after].lower_ in c["closing_verbs"]:
            return True
        if self._phrase_at(doc, after, c["addressees"]) > after:
            return True
        # the sentence's end or a colon, for words that continue a title or follow 'over' ('… met uw Kamer in
        # debat over het drugsbeleid van het kabinet.', '… omtrent elektronische sigaretten zonder nicotine:
        # de three-strikes-out maatregel, …'), not for a verb right after the type ('… die debat behoeven.')
        if ends and after < sent_end and (doc[after].text == ":"
                                          or (after + 1 == sent_end and doc[after].text in {".", ";"})):
            return True
        return (after < sent_end and doc[after].lower_ in c["committee_links"]
                and self._date_further(doc, after, sent_end, dates, c) is not None)

    MAX_REFERENCE_TITLE = 20

    def _reference_close(self, doc, i, j, sent_end, c) -> int | None:
        """The closing bracket of a reference the debate's name stands in ('(Handelingen II 2019/20, nr.
        97, debat over uitsluiten van fraudevorderingen bij de vermogenstoets)'), which ends its title
        that starts at token j; None when the debate stands in no such reference."""
        k = i - 1
        while k >= max(0, i - self.MAX_REFERENCE_TITLE) and doc[k].text not in "()":
            k -= 1
        if k < 0 or doc[k].text != "(" or not self._reference_at(doc, k, sent_end, c):
            return None
        for x in range(j, min(sent_end, j + self.MAX_REFERENCE_TITLE)):
            if doc[x].text == "(":
                return None
            if doc[x].text == ")":
                return x if x > j else None
        return None

    @staticmethod
    def _reference_at(doc, k, sent_end, c) -> bool:
        """Whether a reference in brackets opens at token k ('(Kamerstuk 31 936, nr. 710)')."""
        return k + 1 < sent_end and doc[k].text == "(" and doc[k + 1].lower_ in c["references"]

    def _skip_committee(self, doc, i, sent_end, dates, c) -> int:
        """The token after a committee's name at token i ('van de Vaste Commissie voor Economische
        Zaken, Landbouw en Innovatie'), where the debate's date may follow; i when none stands there."""
        k = i
        for words in (c["committee_links"], ("de",), c["committee_adjectives"]):
            if k < sent_end and doc[k].lower_ in words:
                k += 1
        if not (k < sent_end and doc[k].lower_ in c["committees"]):
            return i
        k += 1
        while k < sent_end and k - i < 2 * self.MAX_DATE_GAP:
            token = doc[k]
            in_name = token.text[:1].isupper() or token.lower_ in c["committee_name"]
            if self._date_at(doc, k, dates, c) is not None or not in_name:
                break
            k += 1
        return k

    def _date_aside(self, doc, i, sent_end, dates, c) -> Span | None:
        """The meeting's day set off by commas after its name (and 'met uw Kamer'): 'de Regeling van
        Werkzaamheden van uw kamer, 8 november jongstleden, …', 'het wetgevingsoverleg Visserij met uw
        Kamer, dat plaatsvond op 8 november jongstleden'."""
        i = self._phrase_at(doc, i, c["audience"])
        if i + 1 >= sent_end or doc[i].text != ",":
            return None
        span = dates.get(i + 1)
        if self._is_day(span) and span.end < sent_end and doc[span.end].text == ",":
            return span
        if doc[i + 1].lower_ in ("dat", "die") and i + 2 < sent_end and doc[i + 2].lower_ in c["held"]:
            return self._date_at(doc, i + 3, dates, c)
        return None

    def _date_further(self, doc, i, sent_end, dates, c) -> Span | None:
        """A DATE within a few tokens after the title when no clause boundary stands between (a
        committee's name may, 'het AO … van de Vaste Commissie voor X, Y en Z van 14 maart'), or in
        brackets right after it ('de Begroting 2014 van VWS (d.d. 30 oktober 2013)')."""
        if i + 1 < sent_end and doc[i].text == "(" and doc[i + 1].lower_ in c["links"]:
            return self._date_at(doc, i + 1, dates, c)
        if (aside := self._date_aside(doc, i, sent_end, dates, c)) is not None:
            return aside
        i = self._skip_committee(doc, i, sent_end, dates, c)
        j, stop = i, min(sent_end, i + self.MAX_DATE_GAP)
        while j < stop:
            token = doc[j]
            if token.text == "(" and (close := self._party_close(doc, j, sent_end)) is not None:
                # a member's party in brackets: 'de mondelinge vragen van het lid Omtzigt (CDA) op 20 april'
                stop, j = min(sent_end, stop + close + 1 - j), close + 1
                continue
            if token.lower_ in c["breaks"] or (token.is_punct and token.text not in {"-", "/"}):
                return None
            span = self._date_at(doc, j, dates, c)
            if span is not None:
                linked = doc[j].lower_ in c["links"] or (span.start == j and span[0].lower_ in c["links"])
                return span if linked else None
            j += 1
        return None

    @staticmethod
    def _party_close(doc, i, sent_end) -> int | None:
        """The ')' closing a bracket of one to three words without a digit at token i ('(CDA)', '(Partij
        voor de Dieren)' is longer and is not skipped)."""
        for k in range(i + 1, min(sent_end, i + 5)):
            if doc[k].text == ")":
                return k if k > i + 1 else None
            if any(ch.isdigit() for ch in doc[k].text) or doc[k].is_punct:
                return None
        return None
