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
    from partnercheck.app.progress_commands import DIFF_FORMATS, run_diff

    if format is not None:
        check_choice("--format", format, DIFF_FORMATS)
    day = parse_as_of(as_of)
    raise typer.Exit(run_diff(old, new, format=format, output=output, as_of=day, config=config))


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
