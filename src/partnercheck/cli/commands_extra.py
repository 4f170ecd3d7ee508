"""Smaller commands: schema, init, rules, rule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from partnercheck.cli.options import check_choice


def register(app: typer.Typer) -> None:
    app.command(epilog="Example:  partnercheck schema > partnership.schema.json")(schema)
    app.command(
        epilog="Examples:  partnercheck init  |  partnercheck init my-partnership.yaml --force"
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
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter partnership file that validates."""
    from partnercheck.app.output import is_stdout, write_or_report
    from partnercheck.errors import InputError
    from partnercheck.starter import STARTER

    if is_stdout(file):
        raise typer.Exit(write_or_report(file, STARTER))
    problem = (
        "is a directory; name the file to create, e.g. partnership.yaml"
        if file.is_dir()
        else "file exists; use --force to overwrite it"
        if (file.exists() or file.is_symlink()) and not force
        else None
    )
    if problem is not None:
        typer.echo(InputError(str(file), 1, 1, problem).render(), err=True)
        raise typer.Exit(2)
    code = write_or_report(file, STARTER)
    if code == 0:
        from partnercheck.textsafe import visible

        shown = visible(str(file))
        typer.echo(f"Wrote {shown}. Edit it, then run: partnercheck assess {shown}")
    raise typer.Exit(code)


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
    from partnercheck.rulebook import explain
    from partnercheck.rules import REGISTRY

    key = rule_id.upper()
    if key not in REGISTRY:
        from partnercheck.errors import did_you_mean

        hint = did_you_mean(key, sorted(REGISTRY))
        typer.echo(
            f"partnercheck: unknown rule {rule_id!r}{hint}; see `partnercheck rules`", err=True
        )
        raise typer.Exit(2)
    typer.echo(explain(REGISTRY[key]), nl=False)
