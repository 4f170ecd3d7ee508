"""Option types and small parsers shared by the commands (one definition each)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

Paths = Annotated[
    list[str],
    typer.Argument(
        metavar="PATH",
        help="Partnership files, directories (every *.yaml/*.yml below), or - for standard input.",
        show_default=False,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Assessment date for everything dated (default: today).",
    ),
]
Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Config file (default: nearest .partnercheck.toml or pyproject.toml "
        "with [tool.partnercheck]).",
    ),
]
MaxSize = Annotated[
    int | None,
    typer.Option(
        "--max-file-size", metavar="BYTES", help="Refuse files larger than this (default 5 MB)."
    ),
]


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_as_of(value: str | None, option: str = "--as-of") -> date | None:
    """A date option (exactly YYYY-MM-DD), or a usage error (exit 2) naming the option."""
    if value is None:
        return None
    try:
        if ISO_DATE.fullmatch(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD", param_hint=option)


def check_choice(option: str, value: str, choices: list[str]) -> None:
    """A usage error (exit 2) unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=option)
