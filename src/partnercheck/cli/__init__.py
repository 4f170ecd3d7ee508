"""The command line: parse options, call :mod:`partnercheck.app`, exit. No logic here."""

from __future__ import annotations

import os
import sys

from partnercheck.cli.app import app


def main() -> None:
    """Entry point: never shows a traceback for anything a user can do."""
    try:
        app(prog_name="partnercheck")
    except KeyboardInterrupt:
        sys.stderr.write("partnercheck: interrupted\n")
        sys.exit(130)
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


__all__ = ["app", "main"]
