"""`minister_entities`: MINISTER spans (bewindspersonen and their portfolios)."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli import precompiled
from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import TableComponent, _alternation, add_entities, doc_text

# --- MINISTER -------------------------------------------------------------------------------------


@Language.factory("minister_entities", assigns=["doc.ents", "span._.value"])
def make_minister_entities(nlp: Language, name: str):
    return MinisterEntities(nlp, name)


class MinisterEntities(TableComponent):
    """MINISTER: a member of the cabinet by office or by name, or the signer's predecessor.

    'de minister van Binnenlandse Zaken en Koninkrijksrelaties', 'de Minister voor Klimaat en
    Energie', 'de staatssecretaris van IenW', 'de minister-president', 'minister Harbers', 'mijn
    voorganger'. Value: {"office": 'minister van Binnenlandse Zaken en Koninkrijksrelaties' (an
    abbreviation or short form written out) or 'voorganger', "name": the holder on the letter's
    date from the cabinet table when exactly one person held the office, else None}.
    """

    def collect(self) -> dict[str, Any]:
        ministries = entity_data.ministries()
        via = entity_data.portfolio_ministries()
        names = {name for name, _ in ministries}
        forms: dict[str, set[str]] = {}

        def add(form: str, full: str) -> None:
            forms.setdefault(form, set()).add(full)

        posts = []
        for post in entity_data.cabinet():
            ministry = post.portfolio if post.portfolio in names else via.get(post.portfolio)
            posts.append([post.name, post.display_name, post.role, post.portfolio, ministry,
                          post.start, post.end])
            add(post.portfolio, post.portfolio)
        for name, abbreviation in ministries:
            add(name, name)
            if abbreviation:
                add(abbreviation, name)
        for full in list(forms):
            if full in {f for fulls in forms.values() for f in fulls}:
                short = re.split(r",| en ", full)[0].strip()
                if short != full and len(short.split()) <= 2:
                    add(short, full)
        return {
            "cues": entity_data.cues()["minister"],
            "forms": {k: sorted(v) for k, v in sorted(forms.items())},
            "posts": posts,
        }

    def compile(self) -> dict[str, Any]:
        t = self.tables
        cues = t.get("cues", {})
        roles = _alternation(cues.get("roles", []), ignore_case=True)
        preps = _alternation(cues.get("prepositions", []))
        forms = _alternation(t.get("forms", {}))
        surnames = _alternation({p[0] for p in t.get("posts", [])})
        office = (rf"(?P<role>{roles})(?:\s+(?P<prep>{preps}))?\s+(?P<portfolio>{forms})"
                  rf"(?![\w-])")
        by_name = rf"(?P<nrole>{roles})\s+(?P<surname>{surnames})(?![\w-])"
        alone = r"(?P<pm>(?i:minister-president|premier))(?![\w-])"
        pred = rf"(?P<pred>{_alternation(cues.get('predecessor', []), ignore_case=True)})(?![\w-])"
        return {
            "regex": precompiled.compile(rf"(?<![\w-])(?:{office}|{by_name}|{alone}|{pred})"),
            "forms": t.get("forms", {}),
            "posts": t.get("posts", []),
            "pm_portfolio": cues.get("prime_minister_portfolio", "Algemene Zaken"),
        }

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        ref = doc._.ref_date
        found = []
        for m in c["regex"].finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="MINISTER", alignment_mode="strict")
            if span is None:
                continue
            if m.group("pred"):
                value = {"office": "voorganger", "name": None}
            elif m.group("pm"):
                value = {"office": "minister-president", "name": self._holder(c, "minister-president", None,
                                                                             c["pm_portfolio"], ref)}
            elif m.group("surname"):
                value = self._by_name(c, m.group("nrole").lower(), m.group("surname"), ref)
            else:
                value = self._by_office(c, m.group("role").lower(), m.group("prep"), m.group("portfolio"),
                                        ref)
            found.append((span, value))
        add_entities(doc, found)
        return doc

    @staticmethod
    def _role(role: str) -> str:
        return "minister-president" if role in {"premier", "minister-president"} else role

    def _by_office(self, c, role: str, prep: str | None, written: str, ref) -> dict:
        role = self._role(role)
        fulls = c["forms"].get(written, [written])
        if len(fulls) > 1:
            held = [f for f in fulls if self._holder(c, role, prep, f, ref)]
            fulls = held if len(held) == 1 else fulls
        portfolio = fulls[0] if len(fulls) == 1 else written
        office = " ".join(p for p in (role, prep, portfolio) if p)
        name = self._holder(c, role, prep, portfolio, ref) if len(fulls) == 1 else None
        return {"office": office, "name": name}

    @staticmethod
    def _seated(post, ref) -> bool:
        start, end = post[5], post[6]
        day = ref.isoformat() if ref is not None else None
        return day is not None and (not start or start <= day) and (not end or day <= end)

    def _holder(self, c, role: str, prep: str | None, portfolio: str, ref) -> str | None:
        """The one person holding the office on `ref`: on a changeover day the incoming holder; two
        holders at once (two staatssecretarissen of Financiën) give None."""
        if ref is None:
            return None
        day = ref.isoformat()
        matches = []
        for post in c["posts"]:
            _name, display, post_role, post_portfolio, ministry, _start, end = post
            if not self._seated(post, ref):
                continue
            if role == "minister-president":
                ok = post_role == "minister-president"
            elif role == "staatssecretaris":
                ok = post_role == "staatssecretaris" and portfolio in (post_portfolio, ministry)
            else:
                ok = post_role.startswith("minister") and post_role != "minister-president" and \
                    post_portfolio == portfolio
            if ok:
                matches.append((end, display))
        people = {d for _, d in matches}
        if len(people) > 1:  # the outgoing holder's last day is the incoming one's first
            people = {d for e, d in matches if e != day}
        return people.pop() if len(people) == 1 else None

    def _by_name(self, c, role: str, surname: str, ref) -> dict:
        role = self._role(role)
        posts = [p for p in c["posts"] if p[0] == surname and p[2].startswith(role)]
        if not posts:
            posts = [p for p in c["posts"] if p[0] == surname]
        seated = [p for p in posts if self._seated(p, ref)]
        pool = seated or [p for p in posts if ref is None or (p[5] or "") <= ref.isoformat()] or posts
        post = max(pool, key=lambda p: p[5] or "")
        people = {p[1] for p in pool}
        if post[2] == "minister-president":
            office = "minister-president"
        else:
            post_role = "minister" if post[2].startswith("minister") else post[2]
            prep = "voor" if "zonder portefeuille" in post[2] else ("van" if post[4] == post[3] else None)
            office = " ".join(p for p in (post_role, prep, post[3]) if p)
        return {"office": office if len({(p[2], p[3]) for p in pool}) == 1 else None,
                "name": post[1] if len(people) == 1 else None}
