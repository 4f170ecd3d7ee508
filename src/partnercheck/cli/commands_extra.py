"""Smaller commands: schema, init, rules, rule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck.cli.options import check_choice


def register(app: typer.Typer) -> None:
    app.command(epilog="Example:  partnercheck schema > partnership.schema.json")(schema)
    app.command(
        epilog="Examples:  partnercheck init  |  partnercheck init alliance.yaml --format 1.1  |  "
        "partnercheck init my-partnership.yaml --force"
    )(init)
    app.command(name="rules", epilog="Example:  partnercheck rules --format markdown")(rules)
    app.command(name="rule", epilog="Example:  partnercheck rule PC104")(rule)


def schema(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write to FILE (atomically); - for stdout."
        ),
    ] = None,
) -> None:
    """Print the JSON Schema (Draft 2020-12) of the partnership format."""
    from partnercheck.app.output import write_or_report
    from partnercheck.model.schema import schema_text

    raise typer.Exit(write_or_report(output, schema_text()))


def init(
    file: Annotated[Path, typer.Argument(help="File to create (- for standard output).")] = Path(
        "partnership.yaml"
    ),
    format_version: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="VERSION",
            help="Format version: 1, or 1.1 to include its sections (members, bodies, "
            "workstreams, ...) commented out.",
        ),
    ] = "1",
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing file (and schema).")
    ] = False,
) -> None:
    """Write a commented starter partnership file, and the schema its editor modeline names.

    Every text in the starter is a TODO prompt: an untouched starter validates but
    assesses as the empty partnership it is.
    """
    from partnercheck.app.starter_files import write_starter

    check_choice("--format", format_version, ["1", "1.1"])
    outcome = write_starter(file, format_version, force)
    for line in outcome.lines:
        typer.echo(line)
    raise typer.Exit(outcome.code)


def rules(
    format: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
) -> None:
    """List every rule: id, element or challenge, severity, weight and title."""
    from partnercheck.rulebook import render_rules

    check_choice("--format", format, ["text", "markdown", "json"])
    typer.echo(render_rules(format), nl=False)


def rule(
    rule_id: Annotated[str, typer.Argument(metavar="ID", help="Rule id, e.g. PC104.")],
) -> None:
    """Explain one rule: what it checks, why it matters, how to fix it, an example."""
    from partnercheck.pseudo_rules import PSEUDO_RULES
    from partnercheck.rulebook import explain, explain_pseudo
    from partnercheck.rules import REGISTRY

    key = rule_id.upper()
    pseudo = {r.id.upper(): r for r in PSEUDO_RULES}
    if key in pseudo:
        typer.echo(explain_pseudo(pseudo[key]), nl=False)
        return
    if key not in REGISTRY:
        from partnercheck.errors import did_you_mean

        hint = did_you_mean(key, sorted(REGISTRY))
        typer.echo(
            f"partnercheck: unknown rule {rule_id!r}{hint}; see `partnercheck rules`", err=True
        )
        raise typer.Exit(2)
    typer.echo(explain(REGISTRY[key]), nl=False)
