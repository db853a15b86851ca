"""Build a read letter from a body text and assemble its commitments, for tests of the rule families."""

from __future__ import annotations

from toezegging_cli.extract import report_for
from toezegging_cli.model import Letter, LetterMeta, Signatory, Source


def letter_of(body: str, date: str = "2024-05-01", recipient: str | None = None) -> Letter:
    """A read letter of `date` with `body` as its text, signed by one minister."""
    return Letter(body=body, page_starts=[0], footnotes=[],
                  meta=LetterMeta(date=date, recipient=recipient,
                                  signatories=[Signatory("A. Jansen", "minister")]),
                  source=Source("test.txt", "0" * 64, 1, "txt"))


def commitments_of(body: str, date: str = "2024-05-01", recipient: str | None = None):
    """The commitments the rules (learned second opinion off) find in `body`, as a letter of `date`."""
    return report_for(letter_of(body, date, recipient), second_opinion=False).commitments


def statuses_of(body: str, date: str = "2024-05-01", recipient: str | None = None) -> list[tuple[str, str]]:
    """(kind, status) of each commitment the rules find in `body`, in letter order."""
    return [(c.kind, c.status) for c in commitments_of(body, date, recipient)]
