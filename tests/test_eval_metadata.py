"""Date and metadata families of misses found on the kept evaluation set's dev half (eval/gold/dev), each
covered by one general rule: halves of a month or year, the letterhead of a letter flattened onto one
line, the signers of a closing run into the last line, and a member's party as the letter writes it.
Sentences are written the way letters put them, not copied from the set."""

from __future__ import annotations

import datetime as dt

import pytest

from letters import commitments_of as _commitments
from toezegging_cli.clean import unflatten_header
from toezegging_cli.extract import extract_path
from toezegging_cli.tag.dates import find_time_expressions


def _extracted(tmp_path, text: str):
    """The report of `text` saved as a plain-text letter and read the way a user's file is."""
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return extract_path(str(path))


@pytest.mark.parametrize("text, start, end", [
    ("in de tweede helft van oktober 2013", "2013-10-16", "2013-10-31"),
    ("in de eerste helft van maart 2014", "2014-03-01", "2014-03-15"),
    ("in de tweede helft van 2023", "2023-07-01", "2023-12-31"),
])
def test_halves_of_a_month_or_year(text, start, end):
    (found,) = find_time_expressions(text, dt.date(2013, 7, 1))
    assert (found.value["start"], found.value["end"]) == (start, end)


def test_a_letter_flattened_onto_one_line_gets_its_header_back(tmp_path):
    report = _extracted(
        tmp_path,
        "Nr. 19\nBRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP Aan de Voorzitter van de Tweede "
        "Kamer der Staten-Generaal Den Haag, 13 november 2009 Op 19 september jl. heeft de vaste commissie "
        "voor Onderwijs, Cultuur en Wetenschap verzocht om uiterlijk 10 november 2009 de beleidsreactie te "
        "doen toekomen. Hierbij zend ik u de beleidsreactie.\n")
    assert report.letter.date == "2009-11-13"
    assert [(c.kind, c.status) for c in report.commitments] == [("earlier", "fulfilled")]
    assert unflatten_header("Zie de brief uit Den Haag, 13 november 2009.") == (
        "Zie de brief uit Den Haag, 13 november 2009.")


def test_a_closing_run_into_the_last_line_gives_its_signers(tmp_path):
    body = "Met deze brief reageer ik op het verzoek van de vaste commissie. " * 8
    signers = _extracted(
        tmp_path,
        "Den Haag, 13 november 2009\n\n" + body + "Hierbij zend ik u de beleidsreactie. De minister van "
        "Onderwijs, Cultuur en Wetenschap, R. H. A. Plasterk De staatssecretaris van Onderwijs, Cultuur en "
        "Wetenschap, J. M. van Bijsterveldt-Vliegenhart,\n").letter.signatories
    assert [(s.name, s.role) for s in signers] == [
        ("R. H. A. Plasterk", "minister"), ("J. M. van Bijsterveldt-Vliegenhart", "staatssecretaris")]
    (signer,) = _extracted(tmp_path, "Den Haag, 16 juli 2008\n\n" + body + "Tevens zeg ik u toe de "
                           "correspondentie te sturen. DE STAATSSECRETARIS VAN DEFENSIE drs. J.G. de Vries\n"
                           ).letter.signatories
    assert (signer.name, signer.role, signer.portfolio) == (
        "drs. J.G. de Vries", "staatssecretaris", "Defensie")


@pytest.mark.parametrize(("written", "name"), [("CU", "Voordewind"), ("GL", "Peters"),
                                               ("GroenLinks-PvdA", "Kröger")])
def test_a_members_party_is_reported_as_the_letter_writes_it(written, name):
    """The corpus gold takes the party 'as the letter states it' (eval az-2009-jsf-overleg-peters,
    kst-19637-1550 wrote '(GL)', '(CU)'); the members table's name is only for a letter naming none."""
    body = f"Tijdens het commissiedebat van 4 april heeft het lid {name} ({written}) gevraagd om een brief."
    members = [m for c in _commitments(body) for m in c.members]
    assert [(m.name, m.party, m.party_source) for m in members] == [(name, written, "letter")]


def test_the_kamer_sites_title_line_gives_the_subject(tmp_path):
    """A copy from the Tweede Kamer site opens with 'dossier; Brief regering; title': the title is the
    letter's subject; the body and its commitments are read as before."""
    report = _extracted(
        tmp_path,
        "Kinderopvang; Brief regering; Samenhang tussen trajecten op het terrein van kinderopvang\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 21 november 2014 In het "
        "verlengde van het Algemeen Overleg Kinderopvang op 24 september jl. beantwoord ik met deze brief "
        "het verzoek van uw Kamer om de samenhang tussen lopende trajecten te schetsen.\n")
    assert report.letter.subject == "Samenhang tussen trajecten op het terrein van kinderopvang"
    assert (report.letter.date, len(report.commitments)) == ("2014-11-21", 1)
