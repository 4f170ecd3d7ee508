"""Writing results: whole files, atomically, and never over something that is not ours to replace.

Every ``-o/--output`` of every command comes here. ``-`` means standard output.
A symbolic link is followed and its target replaced (the link stays). Only a
regular file is ever replaced, and never one that is also an input of the run
(same file, however it is reached); a device, FIFO, socket or directory is
refused. The text goes to a temporary file beside the target, then is renamed
over it, so a failed or interrupted run leaves the previous file as it was.
Every problem is a located :class:`~partnercheck.errors.InputErrors`.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from partnercheck.errors import InputError, InputErrors
from partnercheck.load import STDIN, kind_of
from partnercheck.textsafe import display_name

STDOUT = "-"
STDOUT_NAME = "<stdout>"
# No report of ours comes near this; one that does was amplified by its input,
# and is refused whole rather than written in part.
MAX_OUTPUT_CHARS = 1 << 30
CHUNK = 1 << 20


def is_stdout(output: Path | None) -> bool:
    """Whether ``output`` means standard output (no ``-o``, or ``-o -``)."""
    return output is None or str(output) == STDOUT


def _fail(path: Path | str, message: str) -> InputErrors:
    name = path if isinstance(path, str) else display_name(str(path))
    return InputErrors([InputError(name, 1, 1, message)])


def write_output(output: Path | None, text: str, inputs: Iterable[str | Path] = ()) -> None:
    """Write ``text`` to standard output or atomically to ``output``; InputErrors on failure."""
    if len(text) > MAX_OUTPUT_CHARS:
        where = STDOUT_NAME if is_stdout(output) else str(output)
        raise _fail(
            where,
            f"cannot write: the output is {len(text):,} characters, over the "
            f"{MAX_OUTPUT_CHARS:,}-character limit; nothing written",
        )
    if is_stdout(output):
        write_stdout(text)
        return
    assert output is not None
    check_output(output, inputs)
    try:
        write_atomic(output, text)
    except OSError as exc:
        raise _fail(output, f"cannot write: {exc.strerror or type(exc).__name__}") from None


def check_output(output: Path, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse, before any work is lost, an output that is not a regular file or is an input."""
    try:
        info = Path(os.path.realpath(output)).stat()
    except FileNotFoundError:
        return  # a new file
    except OSError as exc:
        raise _fail(output, f"cannot write: {exc.strerror or type(exc).__name__}") from None
    if not stat.S_ISREG(info.st_mode):
        hint = " (use -o - for standard output)" if stat.S_ISCHR(info.st_mode) else ""
        raise _fail(output, f"cannot write: {kind_of(info.st_mode)}; refusing to replace it{hint}")
    for name in inputs:
        if str(name) == STDIN:
            continue
        try:
            same = os.path.samestat(info, Path(name).stat())
        except (OSError, ValueError):
            continue
        if same:
            shown = display_name(str(name))
            raise _fail(output, f"cannot write: it is also an input ({shown}); not replaced")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` beside the real target of ``path``, then rename it into place.

    Raises OSError; a refusal (not a regular file) is an OSError too, so this is
    safe on its own, but :func:`write_output` gives the located messages.
    """
    target = Path(os.path.realpath(path))  # through links: replace the target, keep the link
    try:
        existing: os.stat_result | None = target.stat()
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise OSError(errno.EINVAL, f"{kind_of(existing.st_mode)}; refusing to replace it")
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        mode = existing.st_mode & 0o777 if existing is not None else 0o666 & ~_umask()
        Path(temp).chmod(mode)
        Path(temp).replace(target)
    except BaseException:
        # Interrupted or failed: remove the temporary file, leave the target as it was.
        Path(temp).unlink(missing_ok=True)
        raise


def write_stdout(text: str) -> None:
    """Write and flush standard output; a closed or full one is a located error.

    After a failure standard output is pointed at the null device, so the
    interpreter's own flush at exit cannot print a second complaint.
    """
    stream = sys.stdout
    if stream is None:
        raise _fail(STDOUT_NAME, "cannot write: standard output is closed")
    try:
        for start in range(0, len(text), CHUNK):  # every chunk written in full, or an error
            stream.write(text[start : start + CHUNK])
            stream.flush()
    except BrokenPipeError:
        raise  # the reader went away (e.g. `| head`): the CLI stops quietly
    except (OSError, ValueError) as exc:
        _silence_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "closed"
        raise _fail(STDOUT_NAME, f"cannot write: {reason}") from None


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def write_or_report(path: Path | None, text: str, inputs: Iterable[str | Path] = ()) -> int:
    """Write (see :func:`write_output`); on failure print the located error. The exit code."""
    try:
        write_output(path, text, inputs)
    except InputErrors as exc:
        for error in exc.errors:
            print_error(error.render())
        return 2
    return 0


def print_error(line: str) -> None:
    """One line on standard error (already made safe by the caller); never raises."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


# COLUMNS may say anything; a width outside this range helps no one and can exhaust memory.
MIN_WIDTH, MAX_WIDTH = 60, 400


def terminal_width() -> int:
    """The terminal's width (COLUMNS first), kept between 60 and 400 columns."""
    return min(max(MIN_WIDTH, shutil.get_terminal_size((100, 24)).columns), MAX_WIDTH)


@dataclass(frozen=True)
class ConsoleSettings:
    """What rich's own Console detects for standard output."""

    color_system: str | None  # None: no escape sequences at all (a pipe, TERM=dumb)
    no_color: bool  # styles (bold) but no colours: NO_COLOR
    width: int


def console_settings() -> ConsoleSettings:
    """Colour and width as rich's Console decides them for standard output.

    rich reads FORCE_COLOR (styles even through a pipe), NO_COLOR (any non-empty
    value, as no-color.org says; an empty one changes nothing), TERM=dumb (no
    escape sequences), TTY_COMPATIBLE and COLUMNS; the width is then kept
    between 60 and 400 columns.
    """
    from rich.console import Console

    console = Console(file=sys.stdout)
    width = min(max(MIN_WIDTH, console.width), MAX_WIDTH)
    return ConsoleSettings(console.color_system, console.no_color, width)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
