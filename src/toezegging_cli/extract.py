"""The library entry point: read → tag → assemble, one letter or many, into `Report`s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from toezegging_cli.model import Letter, Report


def report_for(letter: Letter, nlp=None) -> Report:
    """Tag one read letter and assemble its commitments."""
    return next(reports_for([letter], nlp))


def reports_for(letters: Iterable[Letter], nlp=None) -> Iterator[Report]:
    """Tag and assemble many letters, running spaCy over them as one stream (`nlp.pipe`)."""
    from toezegging_cli.assemble import assemble
    from toezegging_cli.tag import tag_letters

    for letter, tagged in tag_letters(letters, nlp):
        yield Report(
            source=letter.source,
            letter=letter.meta,
            commitments=assemble(letter, tagged),
            entities=tagged.entities,
            warnings=list(letter.warnings),
        )


def extract_path(path: str, *, reader: str = "pdfplumber", password: str | None = None,
                 max_pages: int | None = None, nlp=None, ocr: str = "auto") -> Report:
    """Read the letter at `path` (or '-' for stdin) and report its commitments."""
    from toezegging_cli.read import read_letter

    letter = read_letter(path, reader=reader, password=password, max_pages=max_pages, ocr=ocr)
    return report_for(letter, nlp)
