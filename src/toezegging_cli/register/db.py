"""The register's SQLite database: schema, and adding one extracted document per transaction.

A document is keyed by the SHA-256 of its bytes, so adding it twice changes nothing; each document
(its row, commitments, members, entities, references and the links they make) is written in one
transaction, so a run killed halfway leaves whole documents only and a rerun adds the rest.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

from toezegging_cli.model import Report

SCHEMA_VERSION = 2  # 2: commitments.evidence_part

SCHEMA = """
-- One extracted document: a letter or a debate transcript, keyed by the hash of its bytes.
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,      -- content hash of the file: the same bytes are added once
    path TEXT NOT NULL,               -- path as given when it was added
    kind TEXT NOT NULL,               -- letter | debate
    format TEXT,                      -- pdf | txt | vlos | html | xml | docx | odt | stdin
    pages INTEGER,
    date TEXT,                        -- letter date, or the meeting's date for a debate (ISO)
    subject TEXT,                     -- 'Betreft', or the meeting title
    reference TEXT,                   -- 'Ons kenmerk'
    kamerstuk TEXT,                   -- normalised '33529-467', '34775-A-66'
    dossier TEXT,                     -- the dossier part of kamerstuk: '33529', '34775-A'
    ministry TEXT,
    signatories TEXT,                 -- JSON list of {name, role, portfolio}
    meeting_title TEXT, meeting_date TEXT, meeting_kind TEXT, meeting_committee TEXT,
    warnings TEXT,                    -- JSON list
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Every commitment as the document states it (status as written: earlier ones say what this
-- document does to an older promise; new/made ones start open).
CREATE TABLE IF NOT EXISTS commitments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,             -- order within the document
    kind TEXT NOT NULL,               -- earlier | new (letters) | made (debates)
    status TEXT NOT NULL,             -- fulfilled | partly_fulfilled | postponed | open
    subject TEXT,
    ministry TEXT,                    -- the letter's ministry, or the made_by portfolio's ministry
    debate_type TEXT, debate_title TEXT, debate_date TEXT,
    made_by_name TEXT, made_by_role TEXT, made_by_portfolio TEXT,
    deadline_text TEXT, deadline_start TEXT, deadline_end TEXT, deadline_precision TEXT,
    evidence_page INTEGER, evidence_start INTEGER, evidence_end INTEGER,
    evidence_sentence TEXT, evidence_footnote INTEGER,
    evidence_part TEXT,               -- the sentence's words naming this one, where it names several
    context TEXT,                     -- the evidence's paragraph (where cited letters stand)
    confidence REAL,
    origin TEXT,                      -- debates: list | speech
    said_speaker TEXT, said_time TEXT, said_text TEXT,
    UNIQUE (document_id, seq)
);

-- The MPs a commitment was made to.
CREATE TABLE IF NOT EXISTS members (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    name TEXT NOT NULL, party TEXT, party_source TEXT
);

-- Tagged entities of a document's body (MEMBER, PARTY, MINISTER, DEBATE, DATE, DEADLINE).
CREATE TABLE IF NOT EXISTS entities (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, page INTEGER, value TEXT
);

-- What an earlier commitment's sentence cites: an earlier letter by Kamerstuk number, date or kenmerk.
CREATE TABLE IF NOT EXISTS refs (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,               -- kamerstuk | letter_date | kenmerk
    value TEXT NOT NULL
);

-- An earlier commitment (in a later document) matched to the commitment it refers to.
-- accepted = 1: the link (score at or above the threshold and the best for its earlier commitment);
-- accepted = 0: a candidate, shown but not used for status.
CREATE TABLE IF NOT EXISTS links (
    id INTEGER PRIMARY KEY,
    earlier_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    target_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,            -- JSON list of the reasons, each with its weight
    accepted INTEGER NOT NULL,
    UNIQUE (earlier_id, target_id)
);

CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE INDEX IF NOT EXISTS commitments_document ON commitments(document_id);
CREATE INDEX IF NOT EXISTS members_commitment ON members(commitment_id);
CREATE INDEX IF NOT EXISTS entities_document ON entities(document_id);
CREATE INDEX IF NOT EXISTS refs_commitment ON refs(commitment_id);
CREATE INDEX IF NOT EXISTS links_target ON links(target_id);
CREATE INDEX IF NOT EXISTS documents_kamerstuk ON documents(kamerstuk);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create where needed) a register database; rows come back as sqlite3.Row."""
    con = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.executescript(SCHEMA)
    _migrate(con)
    con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    return con


def _migrate(con: sqlite3.Connection) -> None:
    """Bring a register made by an older version up to this schema (columns added since)."""
    columns = {r["name"] for r in con.execute("PRAGMA table_info(commitments)")}
    if "evidence_part" not in columns:
        con.execute("ALTER TABLE commitments ADD COLUMN evidence_part TEXT")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                (str(SCHEMA_VERSION), SCHEMA_VERSION))


def has_document(con: sqlite3.Connection, sha256: str) -> bool:
    return con.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None


def normal_kamerstuk(text: str | None) -> str | None:
    """'33 529, nr. 467', '33529-467', '34 775 A, nr. 66' → '33529-467', '34775-A-66'."""
    import re

    if not text:
        return None
    m = re.fullmatch(r"\s*(\d[\d ]*\d)\s*(?:-?\s*([A-Z]+|[IVXL]+))?\s*(?:,?\s*nr\.?|-)\s*(\w+)\s*", text)
    if not m:
        return text.strip() or None
    parts = [m.group(1).replace(" ", "")]
    if m.group(2):
        parts.append(m.group(2))
    parts.append(m.group(3))
    return "-".join(parts)


def dossier_of(kamerstuk: str | None) -> str | None:
    """The dossier of a normalised Kamerstuk number: everything before the last '-'."""
    if not kamerstuk or "-" not in kamerstuk:
        return None
    return kamerstuk.rsplit("-", 1)[0]


def commitment_ministry(report: Report, made_by) -> str | None:
    """The ministry a commitment belongs to: the letter's, else the portfolio of who made it."""
    from toezegging_cli.register.people import ministry_of_portfolio

    if report.letter.ministry:
        return report.letter.ministry
    if made_by is not None and made_by.portfolio:
        return ministry_of_portfolio(made_by.portfolio)
    return None


def paragraph_of(body: str | None, start: int, end: int, sentence: str) -> str:
    """The paragraph of the body around offsets start..end (where a letter cites the earlier letter
    it answers, often a sentence before the commitment's own); the sentence when there is no body."""
    if not body or not 0 <= start <= end <= len(body) or body[start:end].strip() != sentence.strip():
        return sentence
    lo = body.rfind("\n", 0, start) + 1
    hi = body.find("\n", end)
    return body[lo : hi if hi >= 0 else len(body)]


def add_report(
    con: sqlite3.Connection, report: Report, *, body: str | None = None, link: bool = True
) -> int | None:
    """Add one document with everything extracted from it in one transaction; returns its id,
    or None when a document with the same content hash is already in the register. With the
    document's `body`, references to earlier letters are looked for in each earlier commitment's
    paragraph, else in its sentence."""
    from toezegging_cli.register.link import find_refs, link_document

    src, meta, meeting = report.source, report.letter, report.meeting
    kamerstuk = normal_kamerstuk(meta.kamerstuk)
    date = meta.date or (meeting.date if meeting else None)
    subject = meta.subject or (meeting.title if meeting else None)
    con.execute("BEGIN IMMEDIATE")
    try:
        if has_document(con, src.sha256):
            con.execute("ROLLBACK")
            return None
        cur = con.execute(
            "INSERT INTO documents (sha256, path, kind, format, pages, date, subject, reference, kamerstuk,"
            " dossier, ministry, signatories, meeting_title, meeting_date, meeting_kind, meeting_committee,"
            " warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                src.sha256,
                src.path,
                src.kind,
                src.format,
                src.pages,
                date,
                subject,
                meta.reference,
                kamerstuk,
                dossier_of(kamerstuk),
                meta.ministry,
                json.dumps([asdict(s) for s in meta.signatories], ensure_ascii=False),
                meeting.title if meeting else None,
                meeting.date if meeting else None,
                meeting.kind if meeting else None,
                meeting.committee if meeting else None,
                json.dumps(report.warnings, ensure_ascii=False),
            ),
        )
        doc_id = cur.lastrowid
        for seq, c in enumerate(report.commitments):
            d, dl, ev, by, said = c.debate, c.deadline, c.evidence, c.made_by, c.said
            cid = con.execute(
                "INSERT INTO commitments (document_id, seq, kind, status, subject, ministry, debate_type,"
                " debate_title, debate_date, made_by_name, made_by_role, made_by_portfolio, deadline_text,"
                " deadline_start, deadline_end, deadline_precision, evidence_page, evidence_start,"
                " evidence_end, evidence_sentence, evidence_footnote, evidence_part, context, confidence,"
                " origin, said_speaker,"
                " said_time, said_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id,
                    seq,
                    c.kind,
                    c.status,
                    c.subject,
                    commitment_ministry(report, by),
                    d.type if d else None,
                    d.title if d else None,
                    d.date if d else None,
                    by.name if by else None,
                    by.role if by else None,
                    by.portfolio if by else None,
                    dl.text if dl else None,
                    dl.start if dl else None,
                    dl.end if dl else None,
                    dl.precision if dl else None,
                    ev.page,
                    ev.start,
                    ev.end,
                    ev.sentence,
                    ev.footnote,
                    ev.part,
                    ev.sentence if ev.footnote else paragraph_of(body, ev.start, ev.end, ev.sentence),
                    c.confidence,
                    c.origin,
                    said.speaker if said else None,
                    said.time if said else None,
                    said.text if said else None,
                ),
            ).lastrowid
            con.executemany(
                "INSERT INTO members (commitment_id, name, party, party_source) VALUES (?,?,?,?)",
                [(cid, m.name, m.party, m.party_source) for m in c.members],
            )
            if c.kind == "earlier":
                con.executemany(
                    "INSERT INTO refs (commitment_id, kind, value) VALUES (?,?,?)",
                    [
                        (cid, kind, value)
                        for kind, value in find_refs(
                            ev.sentence if ev.footnote else paragraph_of(body, ev.start, ev.end, ev.sentence),
                            date,
                        )
                    ],
                )
        con.executemany(
            'INSERT INTO entities (document_id, label, text, start, "end", page, value)'
            " VALUES (?,?,?,?,?,?,?)",
            [
                (doc_id, e.label, e.text, e.start, e.end, e.page, json.dumps(e.value, ensure_ascii=False))
                for e in report.entities
            ],
        )
        if link:
            link_document(con, doc_id)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return doc_id


def add_paths(
    db: str | Path,
    paths: list[str],
    *,
    reader: str = "pdfplumber",
    max_pages: int | None = 500,
    extract=None,
    progress=None,
) -> tuple[int, int, int]:
    """`track add`: extract every document of `paths` not yet in the register and add it.

    Returns (added, already there, failed). A document that cannot be read gives one stderr line
    'toezegging: <file>: <reason>' and the run goes on; nothing of it is written, so a rerun retries it.
    `extract(path) -> Report` replaces the standard pipeline (tests of the storage alone).
    """
    import sys

    from toezegging_cli.batch import _sha256_file, expand_inputs, shown
    from toezegging_cli.errors import LetterError

    inputs, _ = expand_inputs(paths)
    con = connect(db)
    added = present = failed = 0
    nlp = None
    try:
        for inp in inputs:
            if inp.error is not None:
                sys.stderr.write(shown(f"toezegging: {inp.path}: {inp.error}") + "\n")
                failed += 1
                continue
            digest = _sha256_file(inp.path) if inp.path != "-" else None
            if digest is not None and has_document(con, digest):
                present += 1
                continue
            body = None
            try:
                if extract is not None:
                    report = extract(inp.path)
                else:
                    from toezegging_cli.extract import extract_path, report_for
                    from toezegging_cli.read import read_letter
                    from toezegging_cli.tag import load_pipeline

                    nlp = nlp or load_pipeline()
                    if inp.path.lower().endswith((".pdf", ".txt")):
                        letter = read_letter(inp.path, reader=reader, max_pages=max_pages)
                        report, body = report_for(letter, nlp), letter.body
                    else:
                        report = extract_path(inp.path, reader=reader, max_pages=max_pages, nlp=nlp)
            except LetterError as exc:
                sys.stderr.write(shown(f"toezegging: {inp.path}: {exc.reason}") + "\n")
                failed += 1
                continue
            if add_report(con, report, body=body) is None:
                present += 1
            else:
                added += 1
            if progress is not None:
                progress(added + present + failed, len(inputs), inp.path)
    finally:
        con.close()
    return added, present, failed
