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

from toezegging_cli import __version__

app = typer.Typer(
    name="toezegging",
    help="Find the commitments (toezeggingen) in Dutch ministers' letters to parliament.",
    no_args_is_help=True,
    add_completion=False,
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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"toezegging {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Find the commitments (toezeggingen) in Dutch ministers' letters to parliament."""


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Letters (PDF or text), folders, globs, or -.")],
    format: FormatOpt = None,
    output: OutputOpt = None,
    reader: ReaderOpt = Reader.pdfplumber,
    password: PasswordOpt = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes for a batch.")] = 1,
    resume: Annotated[bool, typer.Option("--resume", help="Skip letters already in --output.")] = False,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds allowed per letter.")] = 120.0,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse letters with more pages.")] = 500,
    debug: DebugOpt = False,
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
) -> None:
    """Print the cleaned body text of a letter (or the whole Letter as JSON)."""
    from toezegging_cli.commands import run_text

    raise typer.Exit(run_text(path, notes=notes, format=format.value if format else None, output=output,
                              reader=reader.value, password=password, debug=debug))


@app.command()
def tag(
    path: Annotated[str, typer.Argument(help="A letter (PDF or text), or - for stdin.")],
    format: FormatOpt = None,
    output: OutputOpt = None,
    reader: ReaderOpt = Reader.pdfplumber,
    password: PasswordOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show the entities the Dutch pipeline finds: members, parties, ministers, debates, dates, deadlines."""
    from toezegging_cli.commands import run_tag

    raise typer.Exit(run_tag(path, format=format.value if format else None, output=output,
                             reader=reader.value, password=password, debug=debug))


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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and inventions.")] = False,
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


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BrokenPipeError:
        # stdout closed early (`| head`): stop quietly, as Unix tools do.
        sys.stderr.close()
        sys.exit(1)
