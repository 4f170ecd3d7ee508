"""Typer application: every command's options, help text and examples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck._version import __version__
from partnercheck.cli import baseline_cmd, commands_extra, progress_cmd, survey_cmd
from partnercheck.cli.options import AsOf, Config, MaxSize, Paths, check_choice, parse_as_of

app = typer.Typer(
    name="partnercheck",
    help="Health check for partnerships between organisations: validate a YAML partnership "
    "definition, score it against the six elements of effective partnership working, and "
    "detect the classic challenges.",
    epilog="Examples:  partnercheck assess examples/riverside.yaml  |  "
    "partnercheck assess partnerships/ --format sarif -o results.sarif  |  "
    "partnercheck rule PC104",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"partnercheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Partnership health check."""


FORMAT_NAMES = "rich, concise, json, sarif, junit, github, markdown, html"
FAIL_ON_LEVELS = ["error", "warning", "info", "never"]


@app.command(
    epilog="Examples:\n\n"
    "  partnercheck assess examples/riverside.yaml\n\n"
    "  partnercheck assess partnerships/ --fail-under 70 --fail-on warning\n\n"
    "  partnercheck assess p.yaml --format json --as-of 2026-11-26 -o result.json\n\n"
    "  partnercheck assess p.yaml --survey responses.csv",
)
def assess(
    paths: Paths,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Output format: {FORMAT_NAMES} (default: rich on a terminal, "
            "concise otherwise, or implied by --output's suffix).",
            autocompletion=lambda: FORMAT_NAMES.split(", "),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE atomically; a short summary still goes to the "
            "terminal. - means standard output.",
        ),
    ] = None,
    as_of: AsOf = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            "--fail-under",
            metavar="SCORE",
            min=0,
            max=100,
            help="Exit 1 if any file scores below SCORE.",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Exit 1 on a finding at or above LEVEL: error, warning, info or "
            "never (default error).",
            autocompletion=lambda: FAIL_ON_LEVELS,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="RULE", help="Only these rules or prefixes (repeatable)."),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore",
            metavar="RULE",
            help="Skip these rules or prefixes (repeatable; adds to the config's ignore list).",
        ),
    ] = None,
    config: Config = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPU count)."),
    ] = None,
    max_file_size: MaxSize = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            metavar="FILE",
            help="Report only findings not recorded "
            "in this baseline (see `partnercheck baseline create`).",
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Also count findings per rule.")
    ] = False,
    survey: Annotated[
        Path | None,
        typer.Option(
            "--survey",
            metavar="FILE",
            help="Partner perception survey responses "
            "(CSV or YAML) to combine with the document evidence.",
        ),
    ] = None,
    show_respondents: Annotated[
        bool,
        typer.Option("--show-respondents", help="Include individual survey respondents' answers."),
    ] = False,
    min_respondents: Annotated[
        int | None,
        typer.Option(
            "--min-respondents",
            min=1,
            help="Partners with fewer survey respondents are marked indicative (default 3).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No terminal summary when writing --output.")
    ] = False,
) -> None:
    """Validate and score partnership files against the six elements and four challenges."""
    from partnercheck.app.commands import Request
    from partnercheck.app.commands import assess as run

    if format is not None:
        check_choice("--format", format, FORMAT_NAMES.split(", "))
    if fail_on is not None:
        check_choice("--fail-on", fail_on, FAIL_ON_LEVELS)
    overrides: dict[str, object] = {
        "as_of": parse_as_of(as_of),
        "fail_under": fail_under,
        "fail_on": fail_on,
        "select": select or None,
        "extend_ignore": ignore or None,
        "jobs": jobs,
        "max_file_size": max_file_size,
        "min_respondents": min_respondents,
    }
    request = Request(
        paths=paths,
        format=format,
        output=output,
        config=config,
        overrides=overrides,
        baseline=baseline,
        statistics=statistics,
        survey=survey,
        show_respondents=show_respondents,
        quiet=quiet,
    )
    raise typer.Exit(run(request))


@app.command(
    epilog="Examples:\n\n  partnercheck validate examples/\n\n"
    "  cat partnership.yaml | partnercheck validate -",
)
def validate(
    paths: Paths,
    config: Config = None,
    max_file_size: MaxSize = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes (default: CPU count)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
) -> None:
    """Check files against the format and their references, without scoring."""
    from partnercheck.app.commands import Request
    from partnercheck.app.commands import assess as run

    request = Request(
        paths=paths,
        config=config,
        quiet=quiet,
        overrides={"max_file_size": max_file_size, "jobs": jobs},
    )
    raise typer.Exit(run(request, score=False))


for module in (commands_extra, baseline_cmd, survey_cmd, progress_cmd):
    module.register(app)
