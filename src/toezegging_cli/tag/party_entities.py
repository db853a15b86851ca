"""`party_entities`: PARTY spans from the party spellings table."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli import precompiled
from toezegging_cli.tag import entity_data
from toezegging_cli.tag.base import AfterWordFinder, TableComponent, _alternation, add_entities, doc_text

# --- PARTY ----------------------------------------------------------------------------------------


@Language.factory("party_entities", assigns=["doc.ents", "span._.value"])
def make_party_entities(nlp: Language, name: str):
    return PartyEntities(nlp, name)


class PartyEntities(TableComponent):
    """PARTY: every spelling of a Tweede Kamer party (`data/parties.csv`), case-sensitive so that
    'sp' or 'volt' in running text is not a party. Value: {"party": canonical name}."""

    def collect(self) -> dict[str, Any]:
        return {"aliases": entity_data.party_aliases()}

    def compile(self) -> dict[str, Any]:
        aliases = self.tables.get("aliases", {})
        regex = precompiled.compile(rf"(?<![\w-])(?:{_alternation(aliases)})(?![\w'’])")
        return {"regex": regex, "finder": AfterWordFinder(regex), "aliases": aliases}

    def __call__(self, doc: Doc) -> Doc:
        c = self.compiled
        if not c["aliases"]:
            return doc
        found = []
        for m in c["finder"].finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), label="PARTY", alignment_mode="strict")
            if span is not None:
                written = " ".join(m.group(0).split())
                found.append((span, {"party": c["aliases"].get(written, written)}))
        add_entities(doc, found)
        return doc
