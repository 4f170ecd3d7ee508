"""The ``survey`` commands: blank partner perception survey forms."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck.cli.options import check_choice

survey_app = typer.Typer(
    name="survey",
    help="Partner perception surveys: ask each partner how the partnership works for them, "
    "then combine the answers with the document evidence (partnercheck assess --survey).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FORMATS = ["csv", "markdown", "html"]


def register(app: typer.Typer) -> None:
    """Add the ``survey`` command group to ``app``."""
    app.add_typer(survey_app, name="survey")


@survey_app.command(
    epilog="Examples:\n\n"
    "  partnercheck survey template partnership.yaml > responses.csv\n\n"
    "  partnercheck survey template partnership.yaml --format markdown -o survey-form.md\n\n"
    "  partnercheck survey template partnership.yaml --format html -o survey-form.html\n\n"
    "Import the CSV into a survey tool (one column per statement), or send the form "
    "to partners; collect one row per respondent, then run: "
    "partnercheck assess p.yaml --survey responses.csv"
)
def template(
    partnership: Annotated[
        str | None,
        typer.Argument(
            metavar="PARTNERSHIP",
            help="The partnership file: its partners are listed by name, with the id to enter.",
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="csv: the responses file layout, a header row with one column per statement "
            "(and a starter row per partner); markdown: a questionnaire to send to partners; "
            "html: a printable form.",
        ),
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE (atomically); - for stdout."
        ),
    ] = None,
) -> None:
    """Print a blank survey: the CSV responses layout, a Markdown questionnaire or a
    printable HTML form; with PARTNERSHIP, for that partnership's partners."""
    from partnercheck.app.survey_forms import run_template

    check_choice("--format", format, FORMATS)
    raise typer.Exit(run_template(format, partnership, output))
