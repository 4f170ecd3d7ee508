"""``partnercheck baseline create``: record today's findings so CI fails only on new ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

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
    "Give the files the same way (same paths, from the same directory) when you "
    "create the baseline and when you assess against it.",
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
        typer.Option("--output", "-o", metavar="FILE", help="Baseline file to write (atomically)."),
    ] = Path(DEFAULT_OUTPUT),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="Assessment date for everything dated (default: today).",
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            help="Config file (default: nearest .partnercheck.toml or pyproject.toml "
            "with [tool.partnercheck]).",
        ),
    ] = None,
) -> None:
    """Assess files and record every unsuppressed finding in a baseline file."""
    raise typer.Exit(run_create(paths, output, _date(as_of), config))


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def run_create(paths: list[str], output: Path, as_of: date | None, config: Path | None) -> int:
    """Write the baseline of ``paths``; the exit code (2 when a file cannot be checked)."""
    from partnercheck.app.baseline import create as baseline_text
    from partnercheck.app.commands import Request, settings_for
    from partnercheck.app.files import expand
    from partnercheck.app.output import write_atomic
    from partnercheck.app.runner import EXIT_ERROR, EXIT_OK, Job, build_report, check_all
    from partnercheck.errors import InputErrors

    try:
        settings = settings_for(Request(paths=paths, config=config, overrides={"as_of": as_of}))
    except InputErrors as exc:
        for e in exc.errors:
            typer.echo(e.render(), err=True)
        return EXIT_ERROR
    day = settings.as_of or date.today()
    files, missing = expand(paths)
    job = Job(settings=settings, as_of=day)
    report = build_report(day, check_all(files, job, settings.jobs), missing)
    if report.errors:
        for error in report.errors:
            typer.echo(f"{error.file}:{error.line}:{error.column}: {error.message}", err=True)
        return EXIT_ERROR
    text = baseline_text(report)
    try:
        write_atomic(output, text)
    except OSError as exc:
        typer.echo(f"{output}:1:1: cannot write: {exc.strerror or exc}", err=True)
        return EXIT_ERROR
    count = sum(1 for r in report.results for f in r.findings if not f.suppressed)
    typer.echo(
        f"Wrote {output}: {count} finding{'s' if count != 1 else ''} "
        f"in {len(report.results)} file(s)."
    )
    return EXIT_OK
