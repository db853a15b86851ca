"""Reports built by hand for the register's tests: a letter chain in one dossier and a debate whose
toezegging a later letter (signed by the successor in office) answers."""

from __future__ import annotations

import hashlib

from toezegging_cli.model import (
    Commitment,
    Deadline,
    Debate,
    Evidence,
    LetterMeta,
    Meeting,
    Member,
    Person,
    Report,
    Said,
    Signatory,
    Source,
)


def _source(path: str, kind: str = "letter", fmt: str = "txt") -> Source:
    return Source(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), pages=2, format=fmt, kind=kind)


def commitment(
    kind: str,
    status: str,
    sentence: str,
    *,
    page: int = 1,
    deadline: Deadline | None = None,
    debate: Debate | None = None,
    members: list[Member] | None = None,
    made_by: Person | None = None,
    said: Said | None = None,
) -> Commitment:
    return Commitment(
        kind=kind,
        status=status,
        subject=None,
        debate=debate,
        members=members or [],
        made_by=made_by,
        deadline=deadline,
        evidence=Evidence(page, 0, len(sentence), sentence),
        confidence=0.9,
        origin="speech" if said else None,
        said=said,
    )


def letter(
    path: str,
    date: str,
    kamerstuk: str,
    commitments: list[Commitment],
    *,
    ministry: str,
    signer: str,
    role: str = "minister",
    subject: str = "Voortgang",
) -> Report:
    meta = LetterMeta(
        date=date,
        subject=subject,
        kamerstuk=kamerstuk,
        ministry=ministry,
        recipient="Tweede Kamer",
        signatories=[Signatory(signer, role)],
    )
    return Report(source=_source(path), letter=meta, commitments=commitments)


def debate(path: str, meeting: Meeting, commitments: list[Commitment]) -> Report:
    return Report(
        source=_source(path, "debate", "vlos"), letter=LetterMeta(), commitments=commitments, meeting=meeting
    )


GRONINGEN = "Binnenlandse Zaken en Koninkrijksrelaties"
IENW = "Infrastructuur en Waterstaat"


def chain() -> list[Report]:
    """Three letters in dossier 33529 and a debate with a letter answering it a year later."""
    first = letter(
        "brief-2024-03-12.txt",
        "2024-03-12",
        "33529-467",
        [
            commitment(
                "new",
                "open",
                "Ik zal uw Kamer voor de zomer informeren over de versnelling van de "
                "versterkingsoperatie en de inspecties van woningen in Groningen.",
                deadline=Deadline("voor de zomer", "2024-03-12", "2024-07-04", "season"),
            ),
            commitment(
                "new",
                "open",
                "Over de afhandeling van mijnbouwschade bij monumenten stuur ik u in het "
                "najaar een aparte brief.",
                page=2,
                deadline=Deadline("in het najaar", "2024-09-23", "2024-12-20", "season"),
            ),
        ],
        ministry=GRONINGEN,
        signer="Hugo de Jonge",
    )
    near_miss = letter(
        "brief-2024-01-20.txt",
        "2024-01-20",
        "33529-460",
        [
            commitment(
                "new",
                "open",
                "Ik informeer uw Kamer in het voorjaar over de versterkingsoperatie van "
                "scholen en zorginstellingen.",
                deadline=Deadline("in het voorjaar", "2024-03-20", "2024-06-20", "season"),
            ),
        ],
        ministry=GRONINGEN,
        signer="Hugo de Jonge",
    )
    later = letter(
        "brief-2024-09-02.txt",
        "2024-09-02",
        "33529-480",
        [
            commitment(
                "earlier",
                "fulfilled",
                "In mijn brief van 12 maart 2024 (Kamerstuk 33 529, nr. 467) heb "
                "ik toegezegd u te informeren over de versnelling van de versterkingsoperatie; met deze "
                "brief doe ik dat.",
            ),
            commitment(
                "earlier",
                "postponed",
                "In de brief van 12 maart jl. (Kamerstuk 33 529, nr. 467) heb ik "
                "een aparte brief over mijnbouwschade bij monumenten toegezegd; die stuur ik u in het "
                "voorjaar van 2025.",
                page=3,
                deadline=Deadline("in het voorjaar van 2025", "2025-03-20", "2025-06-20", "season"),
            ),
        ],
        ministry=GRONINGEN,
        signer="Eddy van Hijum",
        subject="Versnelling versterking Groningen",
    )
    made = debate(
        "commissiedebat-2022-06-16.vlos.xml",
        Meeting("Verduurzaming luchtvaart", "2022-06-16", "commissiedebat", "Infrastructuur en Waterstaat"),
        [
            commitment(
                "made",
                "open",
                "De minister zegt toe de Kamer in het derde kwartaal van 2023 te "
                "informeren over de uitstoot van ZZS door de luchtvaart.",
                members=[Member("Kröger", "GroenLinks")],
                made_by=Person("Harbers", "minister", IENW),
                deadline=Deadline("in het derde kwartaal van 2023", "2023-07-01", "2023-09-30", "quarter"),
                said=Said("Harbers", "14:32", "Ik kom daar in het derde kwartaal van 2023 op terug."),
            ),
            commitment(
                "made",
                "open",
                "De minister zegt toe een brief te sturen over nachtvluchten op Schiphol.",
                members=[Member("Van Ginneken", "D66")],
                made_by=Person("Harbers", "minister", IENW),
            ),
        ],
    )
    answer = letter(
        "brief-2024-10-01.txt",
        "2024-10-01",
        "31936-1200",
        [
            commitment(
                "earlier",
                "postponed",
                "Tijdens het Commissiedebat Verduurzaming luchtvaart van 16 juni 2022 "
                "is aan het lid Kröger toegezegd de Kamer te informeren over de uitstoot van ZZS door de "
                "luchtvaart; dat volgt in het eerste kwartaal van 2025.",
                debate=Debate("commissiedebat", "Verduurzaming luchtvaart", "2022-06-16"),
                members=[Member("Kröger", None)],
                deadline=Deadline("in het eerste kwartaal van 2025", "2025-01-01", "2025-03-31", "quarter"),
            ),
        ],
        ministry=IENW,
        signer="Barry Madlener",
        subject="Uitstoot luchtvaart",
    )
    return [first, near_miss, later, made, answer]
