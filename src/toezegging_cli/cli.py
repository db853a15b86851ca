"""The `toezegging` command line: parse options, call library functions, nothing more.

Heavy modules (spaCy, pdfplumber) are imported inside the commands so that `--help`, `--version`
and argument errors stay instant.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="toezegging",
    help="Find the commitments (toezeggingen) in Dutch ministers' letters to parliament.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
    # Plain click help and usage errors: typer's rich formatting imports rich.markdown and pygments,
    # which doubles the time `--help` takes.
    rich_markup_mode=None,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ics = "ics"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class Reader(StrEnum):
    pdfplumber = "pdfplumber"
    pdfium = "pdfium"


class Ocr(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


# One set of output options, shared by every command that prints results.
FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="Output format; default: table on a terminal, JSON when piped."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write results to this file instead of stdout.")
]
ReaderOpt = Annotated[Reader, typer.Option("--reader", help="PDF text reader.")]
PasswordOpt = Annotated[str | None, typer.Option("--password", help="Password of an encrypted PDF.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")]
OcrOpt = Annotated[Ocr, typer.Option("--ocr", help="OCR (Tesseract) of PDF pages; auto: pages without text.")]


class Lang(StrEnum):
    nl = "nl"
    en = "en"


LangOpt = Annotated[Lang | None, typer.Option(
    "--lang", help="Language of the table and calendar text; default Dutch unless LC_ALL/LC_MESSAGES/LANG "
                   "names another language. JSON and CSV do not change.")]


def _version(value: bool) -> None:
    if value:
        from toezegging_cli.version import version_text

        typer.echo(version_text(), nl=False)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Show the version, the model's build date and the data files' hashes.")
    ] = False,
) -> None:
    """Find the commitments (toezeggingen) in Dutch ministers' letters to parliament."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(
        help="Letters (PDF, text, HTML/XML, .docx/.odt), folders, globs, or -.")],
    format: FormatOpt = None,
    output: OutputOpt = None,
    reader: ReaderOpt = Reader.pdfplumber,
    password: PasswordOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for a batch.")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Skip letters already in --output.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds allowed per letter.")] = 120.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse letters with more pages.")] = 500,
    debug: DebugOpt = False,
    lang: LangOpt = None,
    explain: Annotated[bool, typer.Option(
        "--explain", help="Say why each commitment was found (rule, triggers, entities, deadline steps); "
                          "in JSON an `explanation` object per commitment.")] = False,
    ocr: OcrOpt = Ocr.auto,
    engine: Annotated[Engine, typer.Option("--engine", help="Local workers or Dask.")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler address (--engine dask); default: a local cluster.")] = None,
) -> None:
    """Report the commitments in one letter, or in every letter of a folder (JSON lines)."""
    from toezegging_cli.batch import ExtractOptions, run_extract

    options = ExtractOptions(
        reader=reader.value,
        password=password,
        timeout=timeout,
        max_pages=max_pages,
        debug=debug,
        ocr=ocr.value,
        dask=engine is Engine.dask,
        scheduler=scheduler,
    )
    code = run_extract(
        paths,
        options,
        format=format.value if format else None,
        output=output,
        workers=workers,
        resume=resume,
        lang=lang.value if lang else None,
        explain=explain,
    )
    raise typer.Exit(code)


@app.command()
def text(
    path: Annotated[str, typer.Argument(help="A letter (PDF or text), or - for stdin.")],
    notes: Annotated[bool, typer.Option("--notes", help="Print the footnotes after the body.")] = False,
    format: FormatOpt = None,
    output: OutputOpt = None,
    reader: ReaderOpt = Reader.pdfplumber,
    password: PasswordOpt = None,
    debug: DebugOpt = False,
    ocr: OcrOpt = Ocr.auto,
) -> None:
    """Print the cleaned body text of a letter (or the whole Letter as JSON)."""
    from toezegging_cli.commands import run_text

    raise typer.Exit(run_text(path, notes=notes, format=format.value if format else None, output=output,
                              reader=reader.value, password=password, debug=debug, ocr=ocr.value))


@app.command()
def tag(
    path: Annotated[str, typer.Argument(help="A letter (PDF or text), or - for stdin.")],
    format: FormatOpt = None,
    output: OutputOpt = None,
    reader: ReaderOpt = Reader.pdfplumber,
    password: PasswordOpt = None,
    debug: DebugOpt = False,
    lang: LangOpt = None,
    ocr: OcrOpt = Ocr.auto,
) -> None:
    """Show the entities the Dutch pipeline finds: members, parties, ministers, debates, dates, deadlines."""
    from toezegging_cli.commands import run_tag

    raise typer.Exit(run_tag(path, format=format.value if format else None, output=output,
                             reader=reader.value, password=password, debug=debug,
                             lang=lang.value if lang else None, ocr=ocr.value))


@app.command()
def schema() -> None:
    """Print the JSON Schema of `extract --format json` output."""
    import json

    from toezegging_cli.render.schema import report_schema

    typer.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.gold.json files.")],
    letters_dir: Annotated[Path, typer.Argument(help="Folder of the letters NAME.pdf / NAME.txt.")],
    verbose: Annotated[int, typer.Option(
        "--verbose", "-v", count=True,
        help="List misses and inventions; -vv also what each wrong field should have been.")] = 0,
    format: FormatOpt = None,
    second_opinion: Annotated[bool | None, typer.Option(
        "--second-opinion/--rules-only",
        help="With or without the learned sentence classifier (default: the shipped setting).")] = None,
) -> None:
    """Score extraction against gold answers: commitment P/R/F1 and per-field accuracy."""
    from toezegging_cli.evaluate import run_evaluate

    raise typer.Exit(run_evaluate(gold_dir, letters_dir, verbose=verbose,
                                  format=format.value if format else None, second_opinion=second_opinion))


@app.command("build-model")
def build_model(
    out: Annotated[Path | None, typer.Option("--out", help="Where to write the pipeline.")] = None,
) -> None:
    """Rebuild the shipped spaCy pipeline (models/toezegging_nl) from the package's data files, and
    in a checkout retrain the sentence classifier (models/toezegging_sentences) on eval/gold/dev."""
    from toezegging_cli.tag import sentence_classifier
    from toezegging_cli.tag.pipeline import build_and_save

    path = build_and_save(out)
    typer.echo(f"wrote {path}", err=True)
    if out is None:
        trained = sentence_classifier.build_and_save()
        typer.echo(f"wrote {trained}" if trained
                   else "no eval/gold/dev here: sentence classifier not retrained", err=True)


# --- the register (`toezegging track …`) ------------------------------------------------------------

track = typer.Typer(help="Follow commitments across letters and debates in a SQLite register.",
                    no_args_is_help=True, rich_markup_mode=None)
app.add_typer(track, name="track")
DbOpt = Annotated[Path, typer.Option("--db", help="The register's SQLite file.")]
OnOpt = Annotated[
    str | None, typer.Option("--on", help="The day to judge overdue terms at (YYYY-MM-DD); default today.")
]


@track.command("add")
def track_add(
    paths: Annotated[list[str], typer.Argument(help="Letters or debate transcripts, folders or globs.")],
    db: DbOpt = Path("toezeggingen.sqlite"),
    reader: ReaderOpt = Reader.pdfplumber,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse documents with more pages.")] = 500,
) -> None:
    """Extract documents into the register (once per content hash; one transaction per document)."""
    from toezegging_cli.register import run_add

    raise typer.Exit(run_add(paths, db=db, reader=reader.value, max_pages=max_pages))


@track.command("list")
def track_list(
    db: DbOpt = Path("toezeggingen.sqlite"),
    open_: Annotated[bool, typer.Option("--open", help="Only commitments not fulfilled.")] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only terms ended before --on.")] = False,
    on: OnOpt = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="Term ends before this day.")] = None,
    ministry: Annotated[str | None, typer.Option("--ministry", help="Ministry name contains this.")] = None,
    member: Annotated[str | None, typer.Option("--member", help="Made to an MP named so.")] = None,
    party: Annotated[str | None, typer.Option("--party", help="Made to an MP of this party.")] = None,
    debate: Annotated[str | None, typer.Option("--debate", help="Debate kind or title contains it.")] = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """List the tracked commitments with the status their links give them."""
    from toezegging_cli.register import run_list
    from toezegging_cli.register.query import Filters

    filters = Filters(open=open_, overdue=overdue, due_before=due_before, ministry=ministry, member=member,
                      party=party, debate=debate)
    raise typer.Exit(run_list(db, filters, on=on, fmt=format.value if format else None, output=output))


@track.command("show")
def track_show(
    commitment_id: Annotated[int, typer.Argument(metavar="ID", help="A commitment id from `track list`.")],
    db: DbOpt = Path("toezeggingen.sqlite"),
    on: OnOpt = None,
    format: FormatOpt = None,
    output: OutputOpt = None,
) -> None:
    """Show one commitment's history: made, postponed, fulfilled, with the evidence of each step."""
    from toezegging_cli.register import run_show

    raise typer.Exit(run_show(db, commitment_id, on=on, fmt=format.value if format else None, output=output))


@track.command("report")
def track_report(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    db: DbOpt = Path("toezeggingen.sqlite"),
    on: OnOpt = None,
    title: Annotated[str, typer.Option("--title", help="The page's title.")] = "Toezeggingen",
) -> None:
    """Write the register as one self-contained HTML page (no network needed to open it)."""
    from toezegging_cli.register import run_report

    raise typer.Exit(run_report(db, output, on=on, title=title))


@track.command("evaluate")
def track_evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder with gold.jsonl and docs/ (eval/links).")],
    letters: Annotated[
        list[Path] | None,
        typer.Option("--letters", help="More folders with documents (default: ../letters beside the gold)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show every gold pair.")] = False,
    format: FormatOpt = None,
) -> None:
    """Score the linker against gold link pairs: precision and recall."""
    from toezegging_cli.register.evaluate import run_evaluate_links

    fmt = format.value if format else None
    raise typer.Exit(run_evaluate_links(gold_dir, letters, verbose=verbose, fmt=fmt))


@track.command("schema")
def track_schema() -> None:
    """Print the SQL schema of the register."""
    from toezegging_cli.register import schema_text

    typer.echo(schema_text(), nl=False)


def main() -> None:
    """Console entry point."""
    try:
        app(prog_name="toezegging")  # also under `python -m toezegging_cli`: usage and completion name it
    except BrokenPipeError:
        # stdout closed early (`| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        sys.exit(1)
