"""Loading: bytes from a path or standard input, to a located YAML node tree.

Every input partnercheck reads (partnership, survey, config, baseline, diff
JSON) comes through :func:`read_bytes` or :func:`read_stdin`: only regular
files are opened (a FIFO, a device, a socket or a directory is refused before
anything could block), and never more than the byte limit plus one is read,
whatever ``stat`` says.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.nodes import MappingNode
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, check_size, decode, parse
from partnercheck.textsafe import display_name

STDIN = "-"
STDIN_NAME = "<stdin>"
CHUNK = 1 << 16  # bytes read at a time, so a huge limit never allocates up front
# Non-blocking, so that a FIFO swapped in after the check still cannot hang the
# open; no controlling terminal; not inherited by child processes.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its display name (as the user wrote it) and its text."""

    name: str
    text: str
    directory: Path  # base for relative paths inside the file (e.g. survey)


def read_source(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file (or ``-`` for standard input) as UTF-8 text, within the size limit."""
    if name == STDIN:
        return Source(STDIN_NAME, decode(read_stdin(max_bytes), STDIN_NAME), Path.cwd())
    path = Path(name)
    shown = display_name(name)
    return Source(shown, decode(read_bytes(path, max_bytes), shown), path.parent)


def kind_of(mode: int) -> str:
    """What a file is, in words, for an error message."""
    for test, kind in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _fail(name: str, message: str) -> InputErrors:
    return InputErrors([InputError(name, 1, 1, message)])


def read_bytes(path: Path, max_bytes: int, name: str | None = None) -> bytes:
    """A regular file's bytes, at most ``max_bytes``; every problem is a located error.

    ``name`` is how errors show the file (default: the path as given).
    """
    shown = name if name is not None else display_name(str(path))
    try:
        # stat before open: opening a device or a FIFO can block or have effects.
        before = path.stat()
        if not stat.S_ISREG(before.st_mode):
            raise _fail(shown, f"{kind_of(before.st_mode)}, not a regular file; not read")
        check_size(before.st_size, shown, max_bytes)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _fail(shown, f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    except ValueError:  # a NUL character in the name
        raise _fail(shown, "cannot read file: invalid file name") from None
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode):  # replaced between stat and open
            raise _fail(shown, f"{kind_of(after.st_mode)}, not a regular file; not read")
        return read_capped(lambda size: os.read(fd, size), max_bytes, shown)
    except OSError as exc:
        raise _fail(shown, f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    finally:
        os.close(fd)


def read_stdin(max_bytes: int) -> bytes:
    """Standard input's bytes, at most ``max_bytes``; a closed stream is a located error."""
    stream = sys.stdin
    if stream is None:
        raise _fail(STDIN_NAME, "standard input is closed; nothing to read")
    try:
        buffer = stream.buffer
        return read_capped(buffer.read, max_bytes, STDIN_NAME)
    except (OSError, ValueError, AttributeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not readable"
        raise _fail(STDIN_NAME, f"cannot read standard input: {reason}") from None


def read_capped(read: Callable[[int], bytes], max_bytes: int, name: str) -> bytes:
    """Read until end of file, in chunks, refusing once more than ``max_bytes`` arrived."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            check_size(total, name, max_bytes)  # raises: over the limit


def load_nodes(source: Source) -> MappingNode:
    return parse(source.text, source.name)


__all__ = [
    "DEFAULT_MAX_BYTES",
    "STDIN",
    "STDIN_NAME",
    "Source",
    "kind_of",
    "load_nodes",
    "read_bytes",
    "read_capped",
    "read_source",
    "read_stdin",
]
