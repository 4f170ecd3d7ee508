"""``partnercheck baseline create``: record today's findings so CI fails only on new ones."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck.cli.options import AsOf, Config, parse_as_of

# Kept here, not imported, so that loading the CLI stays cheap.
DEFAULT_OUTPUT = ".partnercheck-baseline.json"

baseline_app = typer.Typer(
    name="baseline",
    help="Record existing findings so that `assess --baseline` reports only new ones.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def register(app: typer.Typer) -> None:
    app.add_typer(baseline_app)


@baseline_app.command(
    epilog="Examples:\n\n"
    "  partnercheck baseline create partnerships/\n\n"
    "  partnercheck assess partnerships/ --baseline .partnercheck-baseline.json\n\n"
    "Findings are recorded by rule, file (from the repository root), YAML path and "
    "subject, so the baseline works from any folder and survives lines moving.",
)
def create(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Partnership files or directories (every *.yaml/*.yml below).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Baseline file to write (atomically); - for standard output.",
        ),
    ] = Path(DEFAULT_OUTPUT),
    as_of: AsOf = None,
    config: Config = None,
) -> None:
    """Assess files and record every unsuppressed finding in a baseline file."""
    from partnercheck.app.commands import Request, create_baseline

    request = Request(
        paths=paths, output=output, config=config, overrides={"as_of": parse_as_of(as_of)}
    )
    raise typer.Exit(create_baseline(request))
