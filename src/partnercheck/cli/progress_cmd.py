"""Progress commands: diff (two assessments) and history (one file through git).

Thin: parse options, call :mod:`partnercheck.app.progress`, write once, exit.
"""

from __future__ import annotations

import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from partnercheck.cli.commands_extra import check_choice
from partnercheck.errors import InputError, InputErrors

if TYPE_CHECKING:
    from partnercheck.app.settings import Settings
    from partnercheck.engine import Options
    from partnercheck.results import FileResult

DIFF_FORMATS = ["rich", "json", "markdown"]
HISTORY_FORMATS = ["rich", "json", "html"]
SUFFIXES = {".json": "json", ".md": "markdown", ".html": "html", ".htm": "html"}

AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Assessment date for partnership files (default: today).",
    ),
]
Output = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE atomically."),
]
Config = Annotated[
    Path | None,
    typer.Option("--config", metavar="FILE", help="Config file (default: discovered)."),
]


def register(app: typer.Typer) -> None:
    app.command(
        name="diff",
        epilog="Examples:\n\n  partnercheck diff old.yaml new.yaml --as-of 2026-11-26\n\n"
        "  partnercheck diff last-quarter.json this-quarter.json --format markdown",
    )(diff)
    app.command(
        name="history",
        epilog="Examples:\n\n  partnercheck history partnership.yaml\n\n"
        "  partnercheck history partnership.yaml -o trend.html",
    )(history)


def _fail(errors: list[InputError]) -> typer.Exit:
    for e in errors:
        typer.echo(e.render(), err=True)
    return typer.Exit(2)


def _format(given: str | None, output: Path | None, choices: list[str]) -> str:
    if given is not None:
        check_choice("--format", given, choices)
        return given
    implied = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    return implied if implied in choices else "rich"


def _settings(config: Path | None, as_of: str | None) -> Settings:
    from partnercheck.app.commands import Request, settings_for

    day = None
    if as_of is not None:
        try:
            day = date.fromisoformat(as_of)
        except ValueError:
            raise typer.BadParameter(
                f"{as_of!r} is not a date; use YYYY-MM-DD", param_hint="--as-of"
            ) from None
    return settings_for(Request(paths=[], config=config, overrides={"as_of": day}))


def _options(settings: Settings, name: str, as_of: date) -> Options:
    from partnercheck.app.runner import Job, options_for

    return options_for(name, Job(settings=settings, as_of=as_of))


def _results(name: str, settings: Settings) -> list[FileResult]:
    """A JSON result's files, or the assessment of a partnership file."""
    from partnercheck.app.progress import parse_results
    from partnercheck.engine import assess, load
    from partnercheck.load import read_source

    source = read_source(name, settings.max_file_size)
    parsed = parse_results(source.text, source.name)
    if parsed is not None:
        return parsed
    as_of = settings.as_of or date.today()
    return [assess(load(source), _options(settings, source.name, as_of))]


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from partnercheck.app.output import write_atomic

    try:
        write_atomic(output, text)
    except OSError as exc:
        raise _fail(
            [InputError(str(output), 1, 1, f"cannot write: {exc.strerror or exc}")]
        ) from None


def _terminal() -> tuple[bool, int]:
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return color, max(60, shutil.get_terminal_size((100, 24)).columns)


def diff(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="Older partnership file or JSON result.")
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="Newer partnership file or JSON result.")
    ],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="rich (default), json or markdown."),
    ] = None,
    output: Output = None,
    as_of: AsOf = None,
    config: Config = None,
) -> None:
    """Compare two assessments: score changes, findings resolved and introduced.

    OLD and NEW are partnership files (both assessed at --as-of) or JSON results
    of `partnercheck assess --format json`. Findings are matched by rule, YAML
    path and message, so moved lines do not count as changes.
    """
    from partnercheck.app import progress

    fmt = _format(format, output, DIFF_FORMATS)
    try:
        settings = _settings(config, as_of)
        result = progress.diff_reports(old, new, _results(old, settings), _results(new, settings))
    except InputErrors as exc:
        raise _fail(exc.errors) from None
    if fmt == "json":
        text = progress.render_diff_json(result)
    elif fmt == "markdown":
        text = progress.render_diff_markdown(result)
    else:
        color, width = _terminal()
        text = progress.render_diff_rich(result, color and output is None, width)
    _emit(text, output)


def history(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="A partnership file in a git repository.")
    ],
    format: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="rich (default), json or html."),
    ] = None,
    output: Output = None,
    config: Config = None,
) -> None:
    """Score every committed version of a file, each at its commit date, oldest first.

    Versions that fail to validate are listed with their error.
    """
    from partnercheck.app import progress

    fmt = _format(format, output, HISTORY_FORMATS)
    try:
        settings = _settings(config, None)
        versions = progress.read_versions(file)
    except InputErrors as exc:
        raise _fail(exc.errors) from None
    result = progress.build_history(
        file,
        Path(file).parent,
        versions,
        lambda name, day: _options(settings, name, day),
        settings.max_file_size,
    )
    if fmt == "json":
        text = progress.render_history_json(result)
    elif fmt == "html":
        from partnercheck.reporters.html import render_history

        text = render_history(result)
    else:
        color, width = _terminal()
        text = progress.render_history_rich(result, color and output is None, width)
    _emit(text, output)
