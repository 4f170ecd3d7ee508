"""Progress commands: diff (two assessments) and history (one file through git).

Thin: declare options, validate them, call :mod:`partnercheck.app.progress_commands`
and exit with its code. The app modules are imported only when a command runs, so
loading the CLI stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck.cli.options import AsOf, Config, check_choice, parse_as_of

Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE atomically; - for standard output."
    ),
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


def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="OLD", help="Older partnership file, REV:path in git, or JSON result."
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar="NEW", help="Newer partnership file, REV:path in git, or JSON result."
        ),
    ],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="rich (default), json, markdown or html (progress since the last review).",
        ),
    ] = None,
    output: Output = None,
    as_of: AsOf = None,
    old_as_of: Annotated[
        str | None,
        typer.Option("--old-as-of", metavar="YYYY-MM-DD", help="Assess OLD at this date."),
    ] = None,
    new_as_of: Annotated[
        str | None,
        typer.Option("--new-as-of", metavar="YYYY-MM-DD", help="Assess NEW at this date."),
    ] = None,
    config: Config = None,
) -> None:
    """Compare two assessments: score, band and element changes, findings resolved, new
    and still open, and KPIs moving toward or away from their targets.

    OLD and NEW are partnership files, versions in git as REV:path (e.g.
    HEAD~3:partnership.yaml), or JSON results of `partnercheck assess --format json`.
    Each version is assessed at its own date: a REV:path at its commit date, a file
    at --old-as-of / --new-as-of (else --as-of, else today), so diff and history agree.
    Findings are matched by rule, YAML path and subject, never by line or message.
    """
    from partnercheck.app.progress_commands import DIFF_FORMATS, run_diff

    if format is not None:
        check_choice("--format", format, DIFF_FORMATS)
    raise typer.Exit(
        run_diff(
            old,
            new,
            format=format,
            output=output,
            as_of=parse_as_of(as_of),
            config=config,
            old_as_of=parse_as_of(old_as_of, "--old-as-of"),
            new_as_of=parse_as_of(new_as_of, "--new-as-of"),
        )
    )


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
    from partnercheck.app.progress_commands import HISTORY_FORMATS, run_history

    if format is not None:
        check_choice("--format", format, HISTORY_FORMATS)
    raise typer.Exit(run_history(file, format=format, output=output, config=config))
