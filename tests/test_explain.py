"""--explain: every rule family says what found a commitment, with the entities and the deadline's steps.

Each test assembles a sentence written the way letters write it with the real pipeline and reads the
explanation a user would read (JSON and the table's words).
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from toezegging_cli import render
from toezegging_cli.assemble import _sentences, learned, triggers
from toezegging_cli.extract import report_for
from toezegging_cli.model import Letter, LetterMeta, Report, Signatory, Source
from toezegging_cli.render.schema import report_schema
from toezegging_cli.render.table import explanation_lines
from toezegging_cli.tag import tag_letters

LETTER_DATE = "2024-05-01"


def _letter(body: str) -> Letter:
    return Letter(body=body, page_starts=[0], footnotes=[],
                  meta=LetterMeta(date=LETTER_DATE, signatories=[Signatory("F. Rijkaart", "minister")]),
                  source=Source("test.txt", "0" * 64, 1, "txt"))


def _report(body: str) -> Report:
    report = report_for(_letter(body))
    data = report.to_dict(explain=True)
    jsonschema.validate(data, report_schema())
    return report


def _only(body: str):
    (c,) = _report(body).commitments
    return c


def _families(c) -> list[tuple[str, str]]:
    return [(t["family"], t["text"]) for t in c.explanation["triggers"]]


def _pattern(place: str) -> str:
    """The regular expression at 'family.key[i]' of data/commitment_triggers.toml."""
    family, rest = place.split(".", 1)
    key, index = rest.rstrip("]").split("[")
    attr = {"patterns": family, "needs_deadline": "needs_deadline"}[key]
    return getattr(triggers(), attr)[int(index)].pattern


def test_earlier_family_with_debate_member_and_recess_deadline():
    c = _only("Tijdens het commissiedebat Water van 12 maart 2024 heb ik het lid Bamenga (D66) "
              "toegezegd uw Kamer voor de zomer te informeren over de dijken.")
    e = c.explanation
    assert e["rule"] == "earlier"
    assert _families(c) == [("earlier", "toegezegd")]
    assert "toegezegd" in _pattern(e["triggers"][0]["pattern"])
    assert e["debate"]["text"] == "commissiedebat Water van 12 maart 2024" and e["debate"]["where"] == "own"
    assert [(m["text"], m["party"]) for m in e["members"]] == [("Bamenga", "D66")]
    # voor de zomer → zomerreces 2024 begins Friday 5 July (recesses.csv) → the day before
    assert e["deadline"]["anchor"] == {"kind": "recess", "name": "zomerreces", "year": 2024, "edge": "starts",
                                       "date": "2024-07-05", "estimated": False}
    assert e["deadline"]["end"] == "2024-07-04" and e["deadline"]["year_from_reference"] is True
    assert e["deadline"]["where"] == "own"
    assert e["confidence"] == c.confidence == 0.9
    words = "\n".join(explanation_lines(c, "nl"))
    assert "„voor de zomer” → zomerreces 2024 begint 5 juli → 4 juli 2024" in words
    assert "ten opzichte van briefdatum 1 mei 2024" in words
    assert "zekerheid: 0,9 (expliciete eerdere toezegging)" in words
    assert "regel: earlier — earlier.patterns[0] „toegezegd”" in words
    english = "\n".join(explanation_lines(c, "en"))
    assert "zomerreces 2024 starts 5 July → 4 July 2024" in english


def test_request_family_and_anaphora_that_keeps_it():
    c = _only("Tijdens het commissiedebat Water heeft het lid Kostić (PvdD) gevraagd om een overzicht "
              "van de peilbesluiten. Hierbij stuur ik u dat overzicht. Met deze brief doe ik deze "
              "toezegging gestand.")
    e = c.explanation
    assert e["rule"] == "request"
    assert _families(c) == [("request", "heeft het lid Kostić (PvdD) gevraagd"),
                            ("anaphora", "deze toezegging")]
    assert e["status"] == {"value": "fulfilled", "reason": "own", "pattern": e["status"]["pattern"],
                           "text": "gestand"}
    assert e["status"]["pattern"].startswith("status.fulfilled[")
    assert e["confidence_reason"] == "request" and c.confidence == 0.75


def test_trigger_offsets_point_into_the_body():
    body = ("Tijdens het commissiedebat Water heeft het lid Kostić (PvdD) gevraagd om een overzicht. "
            "Met deze brief doe ik deze toezegging gestand.")
    (c,) = _report(body).commitments
    for t in c.explanation["triggers"]:
        assert body[t["start"]:t["end"]] == t["text"]


def test_anaphora_family_standing_alone():
    c = _only("Met deze brief geef ik invulling aan de toezegging die ik heb gedaan aan het lid Dobbe (SP).")
    assert c.explanation["rule"] == "anaphora"
    assert ("anaphora", "Met deze brief geef ik invulling") in _families(c)
    assert [m["name"] for m in c.explanation["members"]] == ["Dobbe"]


def test_generic_family():
    c = _only("Met deze brief kom ik tegemoet aan enkele toezeggingen uit het commissiedebat Water.")
    e = c.explanation
    assert e["rule"] == "generic" and _families(c) == [("generic", "enkele toezeggingen")]
    assert e["confidence_reason"] == "generic" and c.confidence == 0.6
    assert "alleen een algemene vermelding" in "\n".join(explanation_lines(c, "nl"))


def test_new_family_with_an_event_deadline():
    c = _only("Ik zal uw Kamer bij de Miljoenennota informeren over de financiering.")
    e = c.explanation
    assert e["rule"] == "new" and e["triggers"][0]["pattern"].startswith("new.patterns[")
    assert e["status"] == {"value": "open", "reason": "open"}
    # Prinsjesdag 2024 is the third Tuesday of September
    anchor = e["deadline"]["anchor"]
    assert (anchor["name"], anchor["date"]) == ("prinsjesdag", "2024-09-17")
    assert "Prinsjesdag 2024 is 17 september 2024" in "\n".join(explanation_lines(c, "nl"))
    assert e["confidence_reason"] == "new_deadline"


def test_needs_deadline_family():
    c = _only("Het kabinet stuurt uw Kamer in het najaar een reactie op het advies.")
    e = c.explanation
    assert e["rule"] == "new.needs_deadline"
    assert _families(c) == [("new.needs_deadline", "Het kabinet stuurt uw Kamer")]
    assert e["deadline"]["text"] == "in het najaar" and e["deadline"]["anchor"] is None
    assert (e["deadline"]["start"], e["deadline"]["end"]) == ("2024-09-01", "2024-12-31")
    assert "1 september 2024 t/m 31 december 2024" in "\n".join(explanation_lines(c, "nl"))


def test_postponed_status_names_its_words():
    body = ("In mijn brief van 3 oktober 2023 heb ik toegezegd uw Kamer in het najaar van 2023 te informeren "
            "over het onderzoek. Het onderzoek vergt meer tijd dan voorzien. Ik zal uw Kamer in het eerste "
            "kwartaal van 2025 informeren.")
    (c,) = _report(body).commitments
    status = c.explanation["status"]
    assert status["value"] == c.status == "postponed"
    assert status["reason"] == "scope" and status["pattern"].startswith("status.postponed[")
    assert "meer tijd" in status["text"]
    assert c.explanation["deadline"]["end"] == "2025-03-31"
    assert c.explanation["deadline"]["where"] == "after"  # the renewed term, from the promise after it
    assert "31 maart 2025 verderop in de paragraaf" in "\n".join(explanation_lines(c, "nl"))


def test_learned_family():
    """The second opinion's additions say so, with the label and score that added them."""
    letter = _letter("Wij gaan de pilot in drie gemeenten uitbreiden naar alle gemeenten in het land.")
    _, tagged = next(tag_letters([letter]))
    sents, _ = _sentences(tagged.body.text, tagged.body.sentences, tagged.body.entities, letter.page_at)
    (c,) = learned.additions(letter, sents, set(), LETTER_DATE, thresholds={"earlier": 0.9, "new": 0.9},
                             scores=[{"earlier": 0.05, "new": 0.97}])
    e = c.explanation
    assert e["rule"] == "learned" and e["learned"] == {"label": "new", "score": 0.97}
    assert e["confidence_reason"] == "learned" and e["triggers"] == []
    words = "\n".join(explanation_lines(c, "nl"))
    assert "regel: learned" in words and "tweede mening: new 0,97" in words


def test_json_has_explanations_only_when_asked():
    report = _report("Ik zal uw Kamer voor de zomer informeren over de voortgang.")
    plain = json.loads(render.report_json(report))
    explained = json.loads(render.report_json(report, explain=True))
    assert "explanation" not in plain["commitments"][0]
    assert explained["commitments"][0]["explanation"]["rule"] == "new"
    line = json.loads(render.report_jsonl(report, explain=True))
    assert line["commitments"][0]["explanation"]["deadline"]["text"] == "voor de zomer"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_table_prints_the_explanation(lang):
    import io

    from rich.console import Console

    report = _report("Ik zal uw Kamer voor de zomer informeren over de voortgang.")
    buf = io.StringIO()
    render.render_table([report], Console(file=buf, width=80), lang=lang, explain=True)
    out = buf.getvalue()
    assert ("Waarom:" if lang == "nl" else "Why:") in out
    assert "new.patterns[0]" in out
    assert ("zomerreces 2024 begint 5 juli" if lang == "nl" else "zomerreces 2024 starts 5 July") in out
    assert max(len(line) for line in out.splitlines()) <= 80
