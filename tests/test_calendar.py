"""The Tweede Kamer calendar: known recesses exactly as in the table, estimates where it has gaps."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

from toezegging_cli.tag import calendar as cal

D = dt.date.fromisoformat
FRIDAY, MONDAY, TUESDAY, WEDNESDAY = 4, 0, 1, 2


def _rows() -> list[dict[str, str]]:
    path = resources.files("toezegging_cli") / "data" / "recesses.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


FULL_ROWS = [r for r in _rows() if r["name"] in cal.NAMES and r["start"] and r["end"]]


def test_table_is_tweede_kamer_only_and_sourced():
    rows = _rows()
    assert rows, "recesses.csv is empty"
    for row in rows:
        assert row["kamer"] == "TK"
        assert row["confidence"], row
        assert row["source"].strip(), row
    assert len(FULL_ROWS) >= 15


@pytest.mark.parametrize("row", FULL_ROWS, ids=lambda r: f"{r['name']}-{r['start'][:4]}")
def test_known_rows_returned_exactly(row):
    got = cal.recess(row["name"], D(row["start"]).year)
    assert got is not None
    assert (got.start, got.end) == (D(row["start"]), D(row["end"]))
    assert got.estimated is False
    assert got.confidence == row["confidence"]
    assert got.source == row["source"]


@pytest.mark.parametrize("row", FULL_ROWS, ids=lambda r: f"{r['name']}-{r['start'][:4]}")
def test_estimation_rule_reproduces_every_known_row(row):
    """The pattern used for missing years gives back each year the table does know."""
    assert cal._estimate(row["name"], D(row["start"]).year) == (D(row["start"]), D(row["end"]))


def test_known_row_with_one_missing_end_is_completed_and_flagged():
    summer = cal.recess("zomerreces", 2021)
    assert summer.end == D("2021-09-06")  # from the table
    assert summer.start.weekday() == FRIDAY and summer.start.month == 7
    assert summer.estimated
    christmas = cal.recess("kerstreces", 2024)
    assert christmas.start == D("2024-12-20")  # from the table
    assert christmas.end.weekday() == MONDAY and christmas.end.year == 2025
    assert christmas.estimated


MONTHS = {"zomerreces": 7, "kerstreces": 12, "herfstreces": 10, "voorjaarsreces": 2, "meireces": 4}


@pytest.mark.parametrize("name", sorted(MONTHS))
@pytest.mark.parametrize("year", range(2010, 2031))
def test_estimated_years_are_flagged_friday_to_monday(name, year):
    known = {(r["name"], D(r["start"] or r["end"]).year) for r in _rows()}
    got = cal.recess(name, year)
    assert got is not None
    assert got.start.weekday() == FRIDAY
    assert got.end.weekday() == MONDAY
    assert got.start.month == MONTHS[name]
    assert got.start < got.end
    if (name, year) not in known:
        assert got.estimated and got.confidence == "estimated"


def test_summer_recess_estimate_in_a_gap_year():
    got = cal.recess("zomerreces", 2020)
    assert got.estimated
    assert got.start == D("2020-07-03")  # first Friday on/after 2 July
    assert got.end == D("2020-08-31")


def test_election_recess_only_in_election_years():
    for year, start, end in ((2023, "2023-10-27", "2023-11-22"), (2025, "2025-10-03", "2025-10-29")):
        got = cal.recess("verkiezingsreces", year)
        assert (got.start, got.end, got.estimated) == (D(start), D(end), False)
    est = cal.recess("verkiezingsreces", 2021)
    assert est.estimated and est.start.weekday() == FRIDAY and est.end == D("2021-03-17")
    assert cal.recess("verkiezingsreces", 2022) is None
    assert cal.recess("verkiezingsreces", 2030) is None


def test_names_and_aliases():
    assert cal.recess("Krokusreces", 2024) == cal.recess("voorjaarsreces", 2024)
    assert cal.recess(" Zomerreces ", 2023).start == D("2023-07-07")
    with pytest.raises(ValueError, match="unknown recess"):
        cal.recess("paasreces", 2024)


def test_next_recess():
    assert cal.next_recess(D("2023-06-01")).name == "zomerreces"
    assert cal.next_recess(D("2023-07-07")).name == "herfstreces"  # strictly after
    assert cal.next_recess(D("2023-10-14")).name == "verkiezingsreces"
    assert cal.next_recess(D("2024-12-21")).start.year == 2025


@pytest.mark.parametrize(
    ("year", "day"),
    [(2015, "2015-09-15"), (2020, "2020-09-15"), (2021, "2021-09-21"), (2023, "2023-09-19"),
     (2024, "2024-09-17"), (2025, "2025-09-16"), (2027, "2027-09-21")],
)  # fmt: skip
def test_prinsjesdag(year, day):
    assert cal.prinsjesdag(year) == D(day)


@pytest.mark.parametrize("year", range(2000, 2040))
def test_prinsjesdag_and_verantwoordingsdag_rules(year):
    p = cal.prinsjesdag(year)
    assert p.weekday() == TUESDAY and p.month == 9 and 15 <= p.day <= 21
    v = cal.verantwoordingsdag(year)
    assert v.weekday() == WEDNESDAY and v.month == 5 and 15 <= v.day <= 21


def test_verantwoordingsdag_known_years():
    assert cal.verantwoordingsdag(2023) == D("2023-05-17")
    assert cal.verantwoordingsdag(2024) == D("2024-05-15")
    assert cal.verantwoordingsdag(2025) == D("2025-05-21")
