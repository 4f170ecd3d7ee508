"""Loading: bytes from a path or standard input, to a located YAML node tree."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.nodes import MappingNode
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, check_size, decode, parse

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Source:
    """One input: its display name (as the user wrote it) and its text."""

    name: str
    text: str
    directory: Path  # base for relative paths inside the file (e.g. survey)


def read_source(name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a file (or ``-`` for standard input) as UTF-8 text, within the size limit."""
    if name == STDIN:
        # Read one byte past the limit so an oversized stream is refused, not swallowed.
        raw = sys.stdin.buffer.read(max_bytes + 1)
        check_size(len(raw), "<stdin>", max_bytes)
        return Source("<stdin>", decode(raw, "<stdin>"), Path.cwd())
    path = Path(name)
    return Source(name, decode(read_bytes(path, max_bytes), name), path.parent)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """A file's bytes, refused before reading when over ``max_bytes``; errors are located."""
    name = str(path)
    try:
        check_size(path.stat().st_size, name, max_bytes)
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputErrors([InputError(name, 1, 1, f"cannot read file: {reason}")]) from None


def load_nodes(source: Source) -> MappingNode:
    return parse(source.text, source.name)


__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Source", "load_nodes", "read_bytes", "read_source"]
