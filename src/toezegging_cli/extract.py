"""The library entry point: read → tag → assemble, one letter or many, into `Report`s."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from toezegging_cli.model import Letter, Report


def report_for(letter: Letter, nlp=None, second_opinion: bool | None = None) -> Report:
    """Tag one read letter and assemble its commitments."""
    return next(reports_for([letter], nlp, second_opinion))


def reports_for(letters: Iterable[Letter], nlp=None, second_opinion: bool | None = None) -> Iterator[Report]:
    """Tag and assemble many letters, running spaCy over them as one stream (`nlp.pipe`).

    `second_opinion` switches the learned sentence classifier on or off (None: the shipped default).
    """
    from toezegging_cli.assemble import assemble
    from toezegging_cli.tag import tag_letters

    for letter, tagged in tag_letters(letters, nlp):
        yield Report(
            source=letter.source,
            letter=letter.meta,
            commitments=assemble(letter, tagged, second_opinion),
            entities=tagged.entities,
            warnings=list(letter.warnings),
        )


def extract_path(path: str, *, reader: str = "pdfplumber", password: str | None = None,
                 max_pages: int | None = None, nlp=None, ocr: str = "auto") -> Report:
    """Read the letter or debate transcript at `path` (or '-' for stdin) and report its commitments."""
    from toezegging_cli.read import read_document

    document = read_document(path, reader=reader, password=password, max_pages=max_pages, ocr=ocr)
    if not isinstance(document, Letter):
        from toezegging_cli.assemble.debate import report_for_transcript

        return report_for_transcript(document)
    return report_for(document, nlp)
