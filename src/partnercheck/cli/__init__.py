"""The command line: parse options, call :mod:`partnercheck.app`, exit. No logic here."""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

VERSION_FLAGS = ({"--version"}, {"-V"})


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, which typer turns into a silent exit 130."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    # Once is enough: further Ctrl-Cs must not interrupt the clean-up this one starts.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise Interrupted


def _say(line: str) -> None:
    if sys.stderr is not None:
        try:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass


def main() -> None:
    """Entry point: never shows a traceback for anything a user can do."""
    if set(sys.argv[1:]) in VERSION_FLAGS:
        # Answer the most common probe without importing the CLI framework at all.
        from partnercheck._version import __version__

        sys.stdout.write(f"partnercheck {__version__}\n")
        return
    # A run is short and builds no garbage cycles worth finding: the cycle
    # collector would only rescan the trees it just built, again and again.
    gc.disable()
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        from partnercheck.cli.typer_app import app

        app(prog_name="partnercheck")
    except (Interrupted, KeyboardInterrupt):
        _say("partnercheck: interrupted")
        sys.exit(130)
    except BrokenPipeError:
        # Output piped into e.g. `head`: stop quietly, as other CLI tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug of ours: still one line, still exit 2
        if os.environ.get("PARTNERCHECK_DEBUG"):
            raise
        from partnercheck.textsafe import visible

        # The exception may quote a file's text: shown made safe, and short.
        _say(
            f"partnercheck: internal error: {type(exc).__name__}: {visible(str(exc), 200)} "
            "(please report it; set PARTNERCHECK_DEBUG=1 to see the traceback)"
        )
        sys.exit(2)
    finally:
        signal.signal(signal.SIGINT, previous)  # for callers that embed main()


def __getattr__(name: str) -> Any:
    # `from partnercheck.cli import app` still works (tests, embedding), lazily.
    if name == "app":
        from partnercheck.cli.typer_app import app

        return app
    raise AttributeError(name)


if TYPE_CHECKING:
    app: typer.Typer

__all__ = ["app", "main"]
