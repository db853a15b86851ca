"""`track report` in a real headless browser: Debian's chromium loads the page from disk with the
network switched off, runs its script and gives back the DOM a user would see."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from register_fixtures import chain
from test_register import cli
from toezegging_cli.register.db import add_report, connect

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (.ci/run installs it)")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
]


class Dom(HTMLParser):
    """Rows of the commitments table (id, classes, hidden) and the text of elements with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self.ids: dict[str, str] = {}
        self.counts: list[list[str]] = []
        self._open: list[tuple[str, str | None]] = []
        self._in_counts = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._in_counts = a.get("id") == "counts"
        if tag == "tr" and a.get("id", "").startswith("c") and a.get("id", "")[1:].isdigit():
            self.rows.append(
                {
                    "id": int(a["id"][1:]),
                    "class": a.get("class") or "",
                    "hidden": "hidden" in a,
                    "status": a.get("data-status"),
                }
            )
        if tag == "tr" and self._in_counts:
            self.counts.append([])
        self._open.append((tag, a.get("id")))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        for _, ident in self._open:
            if ident:
                self.ids[ident] = self.ids.get(ident, "") + data
        if self._in_counts and self.counts and self._open and self._open[-1][0] in ("td", "th"):
            self.counts[-1].append(data.strip())


def dom_of(page: Path, fragment: str, profile: Path) -> Dom:
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", f"{page.as_uri()}#{fragment}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = Dom()
    dom.feed(result.stdout)
    return dom


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    db = folder / "r.sqlite"
    con = connect(db)
    for report in chain():
        add_report(con, report)
    con.close()
    out = folder / "overzicht.html"
    result = cli("track", "report", "--db", str(db), "-o", str(out), "--on", "2025-09-01")
    assert result.returncode == 0, result.stderr
    return out


def test_page_is_self_contained(page: Path):
    text = page.read_text()
    assert "http://" not in text and "https://" not in text and "<link" not in text
    assert "src=" not in text  # no external script or image


def test_overdue_filter_in_browser(page: Path, tmp_path: Path):
    dom = dom_of(page, "status=overdue", tmp_path / "profile")
    assert dom.ids["on"] == "2025-09-01"
    visible = [r for r in dom.rows if not r["hidden"]]
    overdue = [r for r in dom.rows if "overdue" in r["class"].split()]
    # what the user sees after choosing 'overdue': exactly the rows marked overdue
    assert visible == overdue and len(visible) == int(dom.ids["overdue-total"]) == int(dom.ids["shown"])
    # in the fixture: the ZZS toezegging (postponed to Q1 2025), the monuments letter (spring 2025),
    # and the spring 2024 promise of the near-miss letter
    assert len(visible) == 3
    assert all(r["status"] in ("open", "postponed") for r in visible)
    total = dom.counts[-1]
    assert total[0] == "total" and total[-1] == "5" and total[-2] == "3"
    bzk = next(row for row in dom.counts if row and row[0] == "Binnenlandse Zaken en Koninkrijksrelaties")
    assert bzk[1:] == ["1", "1", "0", "1", "2", "3"]  # open, postponed, partly, fulfilled, overdue, total


def test_text_and_ministry_filters_in_browser(page: Path, tmp_path: Path):
    dom = dom_of(page, "q=ginneken", tmp_path / "p1")
    visible = [r for r in dom.rows if not r["hidden"]]
    assert len(visible) == 1 and visible[0]["status"] == "open" and dom.ids["shown"] == "1"
    dom = dom_of(page, "ministry=Infrastructuur%20en%20Waterstaat&status=open", tmp_path / "p2")
    visible = [r for r in dom.rows if not r["hidden"]]
    assert len(visible) == 1 and dom.ids["shown"] == "1"
    everything = dom_of(page, "", tmp_path / "p3")
    assert not any(r["hidden"] for r in everything.rows) and len(everything.rows) == 5
