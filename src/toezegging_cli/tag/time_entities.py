"""`time_entities`: DATE and DEADLINE spans from `dates.find_time_expressions`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from toezegging_cli.tag.base import _jsonable, add_entities, doc_text

# --- DATE and DEADLINE ----------------------------------------------------------------------------


@Language.factory("time_entities", assigns=["doc.ents", "span._.value", "doc.spans"])
def make_time_entities(nlp: Language, name: str):
    return TimeEntities()


class TimeEntities:
    """DATE and DEADLINE from `dates.find_time_expressions`, resolved against `doc._.ref_date`.

    Every match is also kept in `doc.spans["time"]` (even one that loses to a longer entity), where
    the DEBATE component finds the date of a debate.
    """

    def __call__(self, doc: Doc) -> Doc:
        from toezegging_cli.tag.dates import find_time_expressions

        found = []
        group = []
        for match in find_time_expressions(doc_text(doc), doc._.ref_date):
            span = doc.char_span(match.start, match.end, label=match.label, alignment_mode="expand")
            if span is None or not span.text.strip():
                continue
            value = _jsonable(dict(match.value))
            span._.value = value
            group.append(span)
            found.append((span, value))
        doc.spans["time"] = group
        add_entities(doc, found)
        return doc
