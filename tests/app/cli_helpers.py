"""Running the real CLI in-process, the way the app-level tests drive it."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner, Result

from partnercheck.cli import app

AS_OF = "2026-11-26"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def assess(*args: str) -> tuple[int, dict[str, Any]]:
    """Exit code and JSON report of ``partnercheck assess ARGS --format json``."""
    result = run("assess", *args, "--format", "json", "--as-of", AS_OF)
    report: dict[str, Any] = json.loads(result.stdout) if result.stdout else {}
    return result.exit_code, report
