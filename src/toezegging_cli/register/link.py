"""Linking: each earlier commitment in a later document → the commitment it refers to.

A target is a commitment made in a debate (kind "made"), a new commitment of an earlier letter, or an
earlier commitment an earlier letter restates (so a chain of letters about one promise links up).
Every pair gets a score, the sum of the weights of the reasons that hold (the sentence cites the
earlier letter's Kamerstuk number, date or kenmerk; same meeting by kind, title and date; the same
bewindspersoon or a successor in office; the MP named; shared subject words). The best pair of an
earlier commitment at or above THRESHOLD is its link; the other pairs worth showing are candidates.
Only documents that share an anchor (a cited number, date or kenmerk, the dossier, the meeting
date, an MP) are scored, so adding a document costs a few indexed queries, not a scan.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from toezegging_cli.register.people import same_office
from toezegging_cli.tag.dates import MONTHS

THRESHOLD = 0.6  # a pair at or above this (and best for its earlier commitment) is a link
KEEP = 0.3  # pairs below this are not kept even as candidates

# Weights of the reasons (tuned on eval/links; see README "Register").
W_KAMERSTUK = 0.6
W_KENMERK = 0.6
W_LETTER_DATE = 0.45
W_DOSSIER = 0.15
W_MINISTRY = 0.05
W_OFFICE = 0.1
W_SOLE = 0.1
W_SUBJECT_LETTER = 0.35
W_DEBATE_NAMED = -0.2
W_MEETING_DATE = 0.3
W_MEETING_KIND = 0.1
W_MEETING_TITLE = 0.2
W_MEMBER = 0.25
W_SUBJECT_DEBATE = 0.3
W_TERM = 0.3
# a promise ('toezegging') a later letter keeps is rarely one its own letter already kept: the one
# still open there (new, postponed, partly kept) is
W_STILL_OPEN = 0.2
_PROMISE_WORD = re.compile(r"\btoez\w*|\btoegezegd\w*|\bbeloofd\b", re.I)  # not a request of the Kamer

_MONTH = "|".join(MONTHS)
_KAMERSTUK = re.compile(
    r"\b(\d{2}\s?\d{3}(?:[ -](?:[A-Z]{1,3}|[IVXL]+)\b)?)\s*,?\s*(?:nr\.|nummer)\s*(\d+|[A-Z]{1,3})\b"
)
_LETTER_DATE = re.compile(
    rf"\bbrie(?:f|ven)\s+(?:van|d\.d\.|gedateerd|dd)\s+(\d{{1,2}})\s+({_MONTH})(?:\s+(\d{{4}}))?", re.I
)
_DATED = re.compile(rf"\b(?:\d{{4}}|{_MONTH})\b")  # a term naming a year or month (not 'binnen twee weken')
_KENMERK = re.compile(r"\bkenmerk\s*:?\s*([A-Z0-9][\w./-]*\d[\w./-]*)", re.I)


def find_refs(sentence: str | None, doc_date: str | None) -> list[tuple[str, str]]:
    """What a sentence cites of earlier letters: ('kamerstuk', '33529-467'), ('letter_date',
    '2024-03-12'), ('kenmerk', 'IENW/BSK-2022/1'). A date without a year is the last one before
    the document's own date."""
    from toezegging_cli.register.db import normal_kamerstuk

    if not sentence:
        return []
    text = " ".join(sentence.split())
    refs: list[tuple[str, str]] = []
    for m in _KAMERSTUK.finditer(text):
        refs.append(("kamerstuk", normal_kamerstuk(f"{m.group(1).replace('-', ' ')}, nr. {m.group(2)}")))
    for m in _LETTER_DATE.finditer(text):
        day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        year = int(m.group(3)) if m.group(3) else None
        if year is None and doc_date and doc_date[:4].isdigit():
            year = int(doc_date[:4])
            if f"{year:04d}-{month:02d}-{day:02d}" > doc_date[:10]:
                year -= 1
        if year:
            refs.append(("letter_date", f"{year:04d}-{month:02d}-{day:02d}"))
    for m in _KENMERK.finditer(text):
        refs.append(("kenmerk", m.group(1).rstrip(".,)")))
    return list(dict.fromkeys(refs))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("toezegging_cli.data").joinpath("link_stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def subject_words(*texts: str | None) -> set[str]:
    """Content words of the texts (four letters or more, not in data/link_stopwords.txt), each cut
    to its first six letters so 'stationsprojecten' and 'stationsproject' agree."""
    stop = _stopwords()
    out = set()
    for text in texts:
        for w in re.findall(r"[^\W\d_]{4,}", (text or "").lower()):
            if w not in stop:
                out.add(w[:6])
    return out


def overlap(a: set[str], b: set[str]) -> float:
    """Shared words over the smaller set (0..1); 0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class Pair:
    target_id: int
    score: float
    reasons: list[dict]


def _reason(reasons: list[dict], text: str, weight: float) -> None:
    reasons.append({"reason": text, "weight": round(weight, 3)})


def _surnames(con: sqlite3.Connection, cid: int) -> set[str]:
    return {
        r[0].lower().split()[-1]
        for r in con.execute("SELECT name FROM members WHERE commitment_id=?", (cid,))
        if r[0]
    }


def _signers(doc: sqlite3.Row) -> list[str]:
    return [s["name"] for s in json.loads(doc["signatories"] or "[]") if s.get("name")]


def score_pair(
    con: sqlite3.Connection,
    e: sqlite3.Row,
    e_doc: sqlite3.Row,
    t: sqlite3.Row,
    t_doc: sqlite3.Row,
    refs: list[tuple[str, str]],
    targets_in_doc: int,
) -> Pair:
    """Score earlier commitment `e` (in `e_doc`) against target `t` (in `t_doc`), with reasons."""
    reasons: list[dict] = []
    e_words = subject_words(e["evidence_part"] or e["evidence_sentence"], e["subject"])
    if t_doc["kind"] == "debate":
        if t_doc["meeting_date"] and e["debate_date"] == t_doc["meeting_date"]:
            _reason(reasons, f"same meeting date {e['debate_date']}", W_MEETING_DATE)
        kind = (t_doc["meeting_kind"] or "").lower()
        if kind and (e["debate_type"] or "").lower() == kind:
            _reason(reasons, f"same kind of meeting ({kind})", W_MEETING_KIND)
        title = overlap(subject_words(e["debate_title"]), subject_words(t_doc["meeting_title"]))
        if title >= 0.5:
            _reason(reasons, f"meeting title matches ({t_doc['meeting_title']})", W_MEETING_TITLE * title)
        shared = _surnames(con, e["id"]) & _surnames(con, t["id"])
        if shared:
            _reason(reasons, f"same MP named ({', '.join(sorted(shared))})", W_MEMBER)
        subject = overlap(e_words, subject_words(t["evidence_sentence"], t["subject"], t["said_text"]))
        if subject > 0:
            _reason(reasons, f"shared subject words ({subject:.2f})", W_SUBJECT_DEBATE * subject)
    else:
        ks = {v for k, v in refs if k == "kamerstuk"}
        if t_doc["kamerstuk"] and t_doc["kamerstuk"] in ks:
            _reason(reasons, f"cites Kamerstuk {t_doc['kamerstuk']}", W_KAMERSTUK)
        if t_doc["reference"] and t_doc["reference"] in {v for k, v in refs if k == "kenmerk"}:
            _reason(reasons, f"cites kenmerk {t_doc['reference']}", W_KENMERK)
        if t_doc["date"] and t_doc["date"] in {v for k, v in refs if k == "letter_date"}:
            _reason(reasons, f"cites the letter of {t_doc['date']}", W_LETTER_DATE)
        if t_doc["dossier"] and t_doc["dossier"] == e_doc["dossier"]:
            _reason(reasons, f"same dossier {t_doc['dossier']}", W_DOSSIER)
        if t_doc["ministry"] and t_doc["ministry"] == e_doc["ministry"]:
            _reason(reasons, f"same ministry ({t_doc['ministry']})", W_MINISTRY)
        if targets_in_doc == 1:
            _reason(reasons, "the only commitment of that letter", W_SOLE)
        subject = overlap(e_words, subject_words(t["evidence_sentence"], t["subject"], t_doc["subject"]))
        if subject > 0:
            _reason(reasons, f"shared subject words ({subject:.2f})", W_SUBJECT_LETTER * subject)
        if e["debate_type"] or e["debate_date"]:
            _reason(reasons, "the sentence names a debate, not a letter", W_DEBATE_NAMED)
        if t["status"] != "fulfilled" and _PROMISE_WORD.search(e["evidence_sentence"] or ""):
            _reason(reasons, f"a promise still open in that letter ({t['status']})", W_STILL_OPEN)
        term = " ".join((t["deadline_text"] or "").lower().split())
        if _DATED.search(term) and term in " ".join(
            (e["context"] or e["evidence_sentence"] or "").lower().split()
        ):
            _reason(reasons, f"names the term of that commitment ({t['deadline_text']})", W_TERM)
    maker = t["made_by_name"] or next(iter(_signers(t_doc)), None)
    for signer in _signers(e_doc):
        office = same_office(maker, t_doc["date"], signer, e_doc["date"])
        if office:
            _reason(reasons, f"{office}: {signer}", W_OFFICE)
            break
    return Pair(t["id"], round(sum(r["weight"] for r in reasons), 3), reasons)


def _earlier_than(t_doc: sqlite3.Row, e_doc: sqlite3.Row) -> bool:
    """Whether a commitment of `t_doc` can be referred to by `e_doc` (dates unknown: assume so)."""
    if not t_doc["date"] or not e_doc["date"] or t_doc["id"] == e_doc["id"]:
        return t_doc["id"] != e_doc["id"]
    if t_doc["kind"] == "debate":
        return t_doc["date"] <= e_doc["date"]
    return t_doc["date"] < e_doc["date"]


def _candidate_docs(
    con: sqlite3.Connection, e: sqlite3.Row, e_doc: sqlite3.Row, refs: list[tuple[str, str]]
) -> list[sqlite3.Row]:
    """Documents sharing an anchor with earlier commitment `e`."""
    ks = [v for k, v in refs if k == "kamerstuk"]
    dates = [v for k, v in refs if k == "letter_date"]
    kenmerken = [v for k, v in refs if k == "kenmerk"]
    clauses, args = [], []

    def any_of(column: str, values: list[str]) -> None:
        if values:
            clauses.append(f"{column} IN ({','.join('?' * len(values))})")
            args.extend(values)

    any_of("kamerstuk", ks)
    any_of("date", dates)
    any_of("reference", kenmerken)
    any_of("dossier", [e_doc["dossier"]] if e_doc["dossier"] else [])
    any_of("meeting_date", [e["debate_date"]] if e["debate_date"] else [])
    names = [r[0] for r in con.execute("SELECT name FROM members WHERE commitment_id=?", (e["id"],))]
    if names:
        clauses.append(
            "(kind = 'debate' AND id IN (SELECT c.document_id FROM commitments c JOIN members m"
            f" ON m.commitment_id = c.id WHERE m.name IN ({','.join('?' * len(names))})))"
        )
        args.extend(names)
    for signer in _signers(e_doc)[:2]:
        surname = signer.split()[-1]
        if len(surname) > 2 and e_doc["ministry"]:
            clauses.append("(kind = 'letter' AND ministry = ? AND signatories LIKE ?)")
            args.extend([e_doc["ministry"], f"%{surname}%"])
    if not clauses:
        return []
    return con.execute(f"SELECT * FROM documents WHERE {' OR '.join(clauses)}", args).fetchall()


def link_earlier(con: sqlite3.Connection, earlier_id: int) -> None:
    """(Re)compute the links and candidates of one earlier commitment."""
    e = con.execute("SELECT * FROM commitments WHERE id=?", (earlier_id,)).fetchone()
    e_doc = con.execute("SELECT * FROM documents WHERE id=?", (e["document_id"],)).fetchone()
    refs = [
        (r["kind"], r["value"])
        for r in con.execute("SELECT kind, value FROM refs WHERE commitment_id=?", (earlier_id,))
    ]
    pairs: list[Pair] = []
    for t_doc in _candidate_docs(con, e, e_doc, refs):
        if not _earlier_than(t_doc, e_doc):
            continue
        targets = con.execute("SELECT * FROM commitments WHERE document_id=?", (t_doc["id"],)).fetchall()
        for t in targets:
            pairs.append(score_pair(con, e, e_doc, t, t_doc, refs, len(targets)))
    pairs.sort(key=lambda p: (-p.score, p.target_id))
    con.execute("DELETE FROM links WHERE earlier_id=?", (earlier_id,))
    for rank, p in enumerate(pairs):
        if p.score < KEEP or rank >= 5:
            break
        con.execute(
            "INSERT INTO links (earlier_id, target_id, score, reasons, accepted) VALUES (?,?,?,?,?)",
            (
                earlier_id,
                p.target_id,
                p.score,
                json.dumps(p.reasons, ensure_ascii=False),
                int(rank == 0 and p.score >= THRESHOLD),
            ),
        )


def link_document(con: sqlite3.Connection, doc_id: int) -> None:
    """Link a newly added document both ways: its earlier commitments to what is already in the
    register, and earlier commitments already there to its new/made commitments."""
    doc = con.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
    todo = [
        r[0]
        for r in con.execute("SELECT id FROM commitments WHERE document_id=? AND kind='earlier'", (doc_id,))
    ]
    has_targets = con.execute("SELECT 1 FROM commitments WHERE document_id=?", (doc_id,)).fetchone()
    if has_targets:
        anchors, args = [], []
        for column, value in (
            ("r.kind='kamerstuk' AND r.value", doc["kamerstuk"]),
            ("r.kind='kenmerk' AND r.value", doc["reference"]),
            ("r.kind='letter_date' AND r.value", doc["date"]),
            ("d.dossier", doc["dossier"]),
            ("c.debate_date", doc["meeting_date"]),
        ):
            if value:
                anchors.append(f"({column} = ?)")
                args.append(value)
        members = (
            [
                r[0]
                for r in con.execute(
                    "SELECT DISTINCT m.name FROM members m JOIN commitments c ON c.id=m.commitment_id"
                    " WHERE c.document_id=?",
                    (doc_id,),
                )
            ]
            if doc["kind"] == "debate"
            else []
        )
        for signer in _signers(doc)[:2]:
            surname = signer.split()[-1]
            if len(surname) > 2 and doc["ministry"]:
                anchors.append("(d.ministry = ? AND d.signatories LIKE ?)")
                args.extend([doc["ministry"], f"%{surname}%"])
        if members:
            anchors.append(
                f"c.id IN (SELECT commitment_id FROM members WHERE name IN ({','.join('?' * len(members))}))"
            )
            args.extend(members)
        if anchors:
            rows = con.execute(
                "SELECT DISTINCT c.id FROM commitments c JOIN documents d ON d.id=c.document_id"
                " LEFT JOIN refs r ON r.commitment_id=c.id"
                f" WHERE c.kind='earlier' AND c.document_id != ? AND ({' OR '.join(anchors)})",
                [doc_id, *args],
            )
            todo += [r[0] for r in rows]
    for earlier_id in dict.fromkeys(todo):
        link_earlier(con, earlier_id)
