"""The speech detector's false positives, by kind: a promise said twice is one promise (the later
moments in `said_also`); conditional or hypothetical statements, promises to pass something on to
others, and statements about what others will do are no promises. Each kind on the shared
transcripts (../shared/debates, list hidden) and on small transcripts written for the rule."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from toezegging_cli.assemble.debate import assemble_debate
from toezegging_cli.read.vlos import parse_transcript, read_transcript

REPO = Path(__file__).resolve().parents[1]
DEBATES = Path(os.environ.get("TOEZEGGING_DEBATES", REPO.parent / "shared" / "debates"))
GOLD = REPO / "eval" / "debates" / "gold"
MIRT = "2025-07-02-meerjarenprogramma-infrastructuur-ruimte"
POLITIE = "2025-07-02-politie"
ECONOMIE = "2025-07-02-staat-van-de-economie"


@pytest.fixture(scope="module")
def debates() -> Path:
    if not DEBATES.is_dir():
        pytest.skip(f"shared debate transcripts not found at {DEBATES} (only in CI and the dev workspace)")
    return DEBATES


def _found(debates: Path, name: str):
    """The promises found in speech with the list hidden."""
    return assemble_debate(read_transcript(str(debates / f"{name}.vlos.xml")), use_list=False)


def _with(found, words: str):
    return [c for c in found if words in c.evidence.sentence]


# --- on the shared transcripts --------------------------------------------------------------------

def test_promise_restated_in_the_same_answer_is_one_promise(debates):
    found = _found(debates, MIRT)
    first = _with(found, "Die toezegging kan ik doen, alleen lopen we nu wel juridisch")
    assert len(first) == 1
    assert [s.text for s in first[0].said_also] == ["Daar kom ik dan voor Prinsjesdag bij u op terug."]
    assert not _with(found, "Daar kom ik dan voor Prinsjesdag")


def test_promise_restated_when_the_mp_presses_is_one_promise(debates):
    mirt = _found(debates, MIRT)
    update = _with(mirt, "updateje van die 35 miljard")
    assert len(update) == 1
    assert update[0].said_also[0].text.startswith("Dat kunnen we toezeggen, een week voor")
    assert not _with(mirt, "een week voor de 23ste")
    economie = _found(debates, ECONOMIE)
    plan = _with(economie, "Ik kom nog voor de zomer")
    assert len(plan) == 1
    assert [s.text for s in plan[0].said_also] == ["Ik stuur dat nog voor de zomer naar de Kamer."]
    assert {m.name for m in plan[0].members} >= {"Sneller", "Postma"}


def test_a_new_question_by_the_same_mp_gets_a_promise_of_its_own(debates):
    found = _found(debates, POLITIE)
    assert _with(found, "Daar komen we na de zomer nog op terug")  # 144, Aardema
    # korpscheftaken, Aardema again, in an interruption right after
    korpschef = _with(found, "Ik kom daar heel graag in het volgende bericht op terug")
    assert len(korpschef) == 1 and korpschef[0].said_also == []


@pytest.mark.parametrize(("name", "words"), [
    (POLITIE, "als ik ernaast zit, kom ik graag bij u terug"),  # conditional
    (MIRT, "Dan kunnen wij dat meenemen in de beoordeling"),  # once the others have applied
    (MIRT, "dat ik zijn zorgen zal overbrengen aan de directie van de NS"),  # passing on
    (MIRT, "dit onder hun aandacht ga brengen"),  # passing on
    (POLITIE, "Ik ga er ook van uit dat er een evaluatie komt"),  # what others will do
])
def test_no_promise(debates, name, words):
    assert not _with(_found(debates, name), words)


def test_strict_precision_with_recall_and_asking_mp_kept(debates):
    from toezegging_cli.evaluate_debates import evaluate_debates

    figures = evaluate_debates(GOLD, debates).figures()
    assert figures["speech_precision_one_to_one"] >= 0.8
    assert figures["speech_recall_list"] >= 0.9
    assert figures["speech_asking_mp"] >= 0.85


# --- on small transcripts written for each rule ---------------------------------------------------

MINISTER = ("Bakker", None, "minister van Financiën")
MP_A = ("Jansen", "CDA", "lid Tweede Kamer")
MP_B = ("De Vries", "D66", "lid Tweede Kamer")
CHAIR = ("Smit", "VVD", "lid Tweede Kamer")


def _vlos(turns: list[tuple[tuple[str, str | None, str], str, bool]]) -> bytes:
    """A VLOS transcript of a commissiedebat with these (speaker, text, in the chair) turns."""
    body = []
    for (name, party, function), text, chair in turns:
        party_xml = f"<fractie>{party}</fractie>" if party else ""
        body.append(
            f"<woordvoerder><spreker>{party_xml}<verslagnaam>{name}</verslagnaam>"
            f"<functie>{function}</functie></spreker><markeertijdbegin>2025-07-02T10:00:00</markeertijdbegin>"
            f"<isvoorzitter>{'true' if chair else 'false'}</isvoorzitter>"
            f"<tekst><alinea><alineaitem>{escape(text)}</alineaitem></alinea></tekst></woordvoerder>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<vlosCoreDocument xmlns="http://www.tweedekamer.nl/ggm/vergaderverslag/v1.0">'
        '<vergadering soort="Commissie"><titel>Belastingen</titel><datum>2025-07-02T00:00:00</datum>'
        '<activiteit soort="Commissiedebat"><titel>Belastingen</titel><onderwerp>Belastingen</onderwerp>'
        + "".join(body) + "</activiteit></vergadering></vlosCoreDocument>").encode()


def _promises(turns) -> list:
    return assemble_debate(parse_transcript(_vlos(turns), "test.xml"), use_list=False)


def test_mp_asking_when_makes_the_answer_a_repeat_not_a_second_promise():
    found = _promises([
        (MP_A, "Kan de minister de Kamer een overzicht van de kosten sturen?", False),
        (MINISTER, "Ja. Ik stuur de Kamer een overzicht van de kosten van de toeslagen.", False),
        (CHAIR, "Meneer Jansen.", True),
        (MP_A, "Voor welke datum is dat dan?", False),
        (MINISTER, "Dat kan ik toezeggen: voor 1 oktober.", False),
    ])
    assert len(found) == 1
    assert [s.text for s in found[0].said_also] == ["Dat kan ik toezeggen: voor 1 oktober."]


def test_another_mp_with_another_matter_gets_its_own_promise():
    found = _promises([
        (MP_A, "Kan de minister de Kamer een overzicht van de kosten sturen?", False),
        (MINISTER, "Ja. Ik stuur de Kamer een overzicht van de kosten van de toeslagen.", False),
        (CHAIR, "Mevrouw De Vries.", True),
        (MP_B, "Kan de minister ook terugkomen op de btw op sport?", False),
        (MINISTER, "Dat kan ik toezeggen. Ik kom daar na de zomer per brief op terug.", False),
    ])
    assert len(found) == 2 and all(c.said_also == [] for c in found)
    assert [m.name for m in found[1].members] == ["De Vries"]


@pytest.mark.parametrize(("statement", "is_promise"), [
    ("Als de cijfers tegenvallen, kom ik bij u terug.", False),
    ("Ik kom daar voor de zomer per brief bij u op terug.", True),
    ("Ik kan toezeggen dat ik uw zorgen zal overbrengen aan de Belastingdienst.", False),
    ("Ik kan toezeggen dat ik de Kamer voor 1 oktober een brief stuur.", True),
    ("Dan kunnen wij dat meenemen in de beoordeling van de regeling.", False),
    ("Wij nemen dat mee in de voortgangsbrief aan de Kamer.", True),
    ("Ik ga ervan uit dat de Belastingdienst zal komen met een plan.", False),
    ("Ik zal komen met een plan.", True),
])
def test_rule_on_a_single_answer(statement, is_promise):
    found = _promises([
        (MP_A, "Ik heb een vraag over de toeslagen en de cijfers.", False),
        (MINISTER, "Ik heb de vraag van de heer Jansen gehoord. " + statement, False),
    ])
    assert bool(_with(found, statement)) is is_promise


def test_a_yes_that_says_what_others_will_do_is_no_promise():
    turns = [(MP_A, "Komt er een evaluatie van de kosten? En kunt u die met ons delen?", False)]
    others = "Ja, wij zullen ons moeten verantwoorden. Ik ga er ook van uit dat er een evaluatie komt."
    assert not _promises([*turns, (MINISTER, others, False)])
    assert _promises([*turns, (MINISTER, "Ja, die zal ik met u delen.", False)])
