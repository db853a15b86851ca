"""`member_entities`: MEMBER spans (Kamerleden with their party at the letter's date)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli import precompiled
from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import (
    _LETTER,
    _UPPER,
    TableComponent,
    _alternation,
    _key,
    add_entities,
    doc_text,
)

# --- MEMBER ---------------------------------------------------------------------------------------


@Language.factory("member_entities", assigns=["doc.ents", "span._.value"])
def make_member_entities(nlp: Language, name: str):
    return MemberEntities(nlp, name)


class MemberEntities(TableComponent):
    """MEMBER: MPs as letters name them, with their party.

    Cues ('het lid', 'het Kamerlid', 'de leden … en …', 'de heer', 'mevrouw', 'de motie X c.s.',
    'VVD-Kamerlid') come from `data/entity_cues.toml`. Value: {"name": surname as written with a
    capital particle ('Van Waveren'), "party": canonical party or None, "party_source": "letter"
    when the letter gives it ('(NSC)', '(beiden VVD)', 'CDA-Kamerlid'), "members-table" when the
    surname belongs to exactly one member seated on the letter's date, else None, "role": "motie"
    or "amendement" for a motion's signer, else None}. After 'de heer'/'mevrouw', and for further
    names after a motion, a name counts only when the members table knows it or a party follows.
    """

    def collect(self) -> dict[str, Any]:
        cues = entity_data.cues()
        return {
            "cues": cues["member"], "motie": cues["motie"],
            "parties": entity_data.party_aliases(),
            "members": [[m.name, m.surname, m.full_name, m.party, m.start, m.end]
                        for m in entity_data.members()],
            # the first day the table lists every member seated (not seats estimated for some of them)
            "covered_from": min((m.start.isoformat() for m in entity_data.members()
                                 if m.start and m.confidence != "estimated"), default=None),
        }

    def compile(self) -> dict[str, Any]:
        t = self.tables
        cues, motie = t.get("cues", {}), t.get("motie", {})
        particles = cues.get("particles", [])
        part_cap = _alternation(p[0].upper() + p[1:] for p in particles)
        part_low = _alternation(particles)
        # 'Kröger', 'Michon-Derkzen', 'Kraneveldt-van der Veen', 'Van der Wal-Zeggelink'
        cap = rf"[{_UPPER}](?:{_LETTER}|['’])+(?:-(?:(?:{part_low})\s+)?(?:{_LETTER}|['’])+)*"
        initials = rf"(?:(?:[{_UPPER}][a-z]?\.)+\s*)?"
        # a first name is never a particle: 'het lid Van der Goot' is not a 'Van' of the family 'der Goot'
        name = (rf"(?P<initials>{initials})(?P<name>(?!(?:{part_cap})\s)(?P<first>[{_UPPER}]{_LETTER}+)\s+"
                rf"(?:{part_low})\s+{cap}"
                rf"|(?P<lowpart>{part_low})\s+{cap}|(?:{part_cap})\s+{cap}(?:\s+{cap})?|{cap}(?:\s+{cap})?)")
        party = _alternation(t.get("parties", {}))
        together = _alternation(cues.get("together", []), ignore_case=True)
        paren = rf"\s*\(\s*(?:(?P<together>{together})\s+)?(?P<party>{party})\s*\)"
        cue_groups = {
            "single": cues.get("single", []), "several": cues.get("several", []),
            "address": cues.get("address", []),
        }
        cue_parts = [f"(?P<{kind}>{_alternation(words, ignore_case=True)})"
                     for kind, words in cue_groups.items() if words]
        motie_words = _alternation([*motie.get("motie", []), *motie.get("amendement", [])], ignore_case=True)
        linkers = _alternation(motie.get("linkers", []), ignore_case=True)
        cue_parts.append(rf"(?P<motie>{motie_words})(?:-|\s+(?:(?:{linkers})\s+)?)(?=[{_UPPER}a-z])")
        suffix = _alternation(cues.get("party_suffix", []))
        cue_parts.append(rf"(?P<prefix>{party})-(?:{suffix})\s+")
        index: dict[str, list[list]] = {}
        for row in t.get("members", []):
            for key in {_key(row[0]), _key(row[1])}:
                index.setdefault(key, []).append(row)
        return {
            "cue": precompiled.compile(rf"(?<![\w-])(?:{'|'.join(cue_parts)})(?=\s|[{_UPPER}a-z])"),
            "name": precompiled.compile(name),
            "paren": precompiled.compile(paren),
            "cs": precompiled.compile(r"\s+c\.\s?s\.") if cues.get("cum_suis") else None,
            "sep": precompiled.compile(rf"\s*,\s*|\s+(?:{_alternation(cues.get('joiners', []))})\s+"),
            "slash": precompiled.compile(r"\s*/\s*"),
            "ordinal": precompiled.compile(r"(?:eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|"
                                           r"negende|tiende|\d+e|\d+)\s*$", re.I),
            "parties": t.get("parties", {}),
            "particles": frozenset(_key(p) for p in particles),
            "index": index,
            # letters older than the members table: after 'de heer'/'mevrouw' any surname counts
            "covered_from": t.get("covered_from"),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        text = doc_text(doc)
        found = []
        pos = 0
        while True:
            m = c["cue"].search(text, pos)
            if m is None:
                break
            pos = m.end()
            kind = next(k for k in ("single", "several", "address", "motie", "prefix") if m.group(k))
            if kind in {"single", "several"} and m.group(kind).lower() in {"lid", "leden"} and \
                    c["ordinal"].search(text[max(0, m.start() - 12): m.start()]):
                continue
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
            names, end = self._names(text, start, kind, m, c, doc._.ref_date)
            for s, e, value in names:
                span = doc.char_span(s, e, label="MEMBER", alignment_mode="contract")
                if span is not None and len(span):
                    found.append((span, value))
            pos = max(pos, end)
        add_entities(doc, found)
        return doc

    def _names(self, text: str, pos: int, kind: str, cue: re.Match, c, ref) -> tuple[list, int]:
        """The names after a cue: [(start, end, value)], and where the list ends."""
        role = None
        if kind == "motie":
            role = "amendement" if "amendement" in cue.group("motie").lower() else "motie"
        letter_party = _written(cue.group("prefix")) if kind == "prefix" else None
        several = kind in {"several", "motie"}
        out: list[tuple[int, int, dict]] = []
        first = True
        while True:
            m = c["name"].match(text, pos)
            if m is None:
                break
            name, n_end = self._trim(m, c)
            if name in c["parties"]:
                break  # 'Kamerlid VVD' names a party, not a member
            s = m.start("name") if not m.group("initials") else m.start()
            end = n_end
            party = None
            cs = False
            pm = c["paren"].match(text, end)
            if pm and not pm.group("together"):
                party = _written(pm.group("party"))
                end = pm.end()
            if c["cs"] is not None:
                cm = c["cs"].match(text, end)
                if cm:
                    cs = True
                    end = cm.end()
            known = self._known(name, c)
            strong = first and (kind != "address" or self._before_table(ref, c))
            if m.group("lowpart") and not known:
                break
            if not (strong or known or party or cs):
                break
            out.append([s, n_end, name, party])
            pos = end
            first = False
            if not several and kind != "motie":
                break
            sep = c["slash"].match(text, pos) or (c["sep"].match(text, pos) if several else None)
            if sep is None:
                break
            pos = sep.end()
        together = c["paren"].match(text, pos) if out else None
        if together and together.group("together"):
            shared = _written(together.group("party"))
            for item in out:
                item[3] = item[3] or shared
            pos = together.end()
        result = []
        for s, e, name, party in out:
            party = party or letter_party
            source = "letter" if party else None
            if party is None:
                party = self._lookup(name, c, ref)
                source = "members-table" if party else None
            result.append((s, e, {"name": name, "party": party, "party_source": source, "role": role}))
        return result, pos

    def _trim(self, m: re.Match, c) -> tuple[str, int]:
        """The displayed name of a match and its end. Of two capitalised words ('Six Dijkstra') the
        second is dropped when it is a party or only the first is a known member; a first name with
        a particle ('Olger van Dijk') is kept only when the members table knows the whole name."""
        name, end = " ".join(m.group("name").split()), m.end("name")
        words = name.split()
        keep = len(words)
        if len(words) >= 2 and words[-1][0].isupper() and words[-2][0].isupper() and \
                _key(words[-2]) not in c["particles"]:
            # 'Six Dijkstra', 'Van Haersma Buma' — or a name followed by a capitalised word
            shorter = " ".join(words[:-1])
            if words[-1] in c["parties"] or (not self._known(name, c) and self._known(shorter, c)):
                keep = len(words) - 1
        elif m.group("first") and not self._known(name, c):
            keep = 1  # 'Kröger in de Tweede Kamer': a first name with a particle must be a known member
        if keep < len(words):
            name = " ".join(words[:keep])
            end = m.start("name") + len(" ".join(m.group("name").split()[:keep]))
        return name[0].upper() + name[1:], end

    @staticmethod
    def _before_table(ref: dt.date | None, c) -> bool:
        """Whether the letter predates the members table, which then cannot vouch for a name."""
        return ref is not None and c["covered_from"] is not None and ref.isoformat() < c["covered_from"]

    @staticmethod
    def _known(name: str, c) -> bool:
        return _key(name) in c["index"]

    @staticmethod
    def _lookup(name: str, c, ref: dt.date | None) -> str | None:
        """The party of the one member with this name seated on `ref`."""
        if ref is None:
            return None
        rows = c["index"].get(_key(name), [])
        seated = {}
        for row_name, _surname, full, party, start, end in rows:
            if (not start or start <= ref.isoformat()) and (not end or ref.isoformat() <= end):
                seated.setdefault(full or row_name, set()).add(party)
        if len(seated) != 1:
            return None
        parties = next(iter(seated.values()))
        if len(parties) != 1:
            return None
        return next(iter(parties))


def _written(party: str) -> str:
    """A party as the letter writes it ('GL', 'CU', 'GroenLinks-PvdA'): the gold convention and what
    a reader checks against the page; the members table's name is used only when the letter names
    none."""
    return " ".join(party.split())

