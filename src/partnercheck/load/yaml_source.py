"""Safe YAML loading into a located node tree.

A small file (the common case) is composed by libyaml in C and walked once by
:class:`~partnercheck.load.tree.Walker`; a large one is walked as a stream of
events by :class:`~partnercheck.load.events.EventWalker`, which keeps memory
close to the result. Either way no Python object is ever built from a tag;
duplicate keys, aliases, nesting and tags are checked; scalars are read the
YAML 1.2 way. Syntax errors become located messages with a hint for the
commonest mistakes (:mod:`partnercheck.load.hints`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.checks import MAX_ALIAS_CHARACTERS, MAX_ALIAS_EXPANSION, MAX_DEPTH
from partnercheck.load.events import EventWalker
from partnercheck.load.nodes import MappingNode, Node, ScalarNode, SequenceNode, node_for
from partnercheck.load.tree import Walker

try:  # libyaml is about nine times faster; fall back only when it is missing.
    from yaml._yaml import CParser, get_version

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    HAVE_LIBYAML = False

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The composed tree takes about 30 bytes of memory per character of the file;
# above this size, files are walked as events instead.
COMPOSE_UP_TO_CHARS = 1_000_000


class _NoResolver:
    """PyYAML's composer calls three resolver hooks for every node.

    We resolve scalars ourselves (YAML 1.2), so the hooks are builtins that cost
    next to nothing: ``resolve`` returns its arguments as a ``slice``, whose
    ``step`` holds the implicit flags, (True, False) for a plain scalar. An
    explicit tag never reaches ``resolve``: the node keeps it as a string.
    """

    resolve = slice
    descend_resolver = slice
    ascend_resolver = tuple


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python parser, for when libyaml is missing."""

    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


if HAVE_LIBYAML:

    class _CComposer(_NoResolver, CParser):
        """libyaml's parser and composer."""

    # The composer recurses in C; libyaml limits nesting (to 1,000 levels) from 0.2.6 on.
    _COMPOSER_IS_SAFE = get_version() >= (0, 2, 6)


def _use_composer(text: str) -> bool:
    return HAVE_LIBYAML and _COMPOSER_IS_SAFE and len(text) <= COMPOSE_UP_TO_CHARS


def _parser(text: str) -> Any:
    return CParser(text) if HAVE_LIBYAML else _PyParser(text)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building a large tree makes the cycle collector rescan it again and again;
    nothing we allocate here forms cycles, so pause it for the load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode(raw: bytes, filename: str) -> str:
    """Bytes to text: UTF-8 (a BOM is allowed), nothing else."""

    def fail(message: str, offset: int = 0) -> InputErrors:
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        return InputErrors([InputError(filename, line, column, message)])

    # UTF-32's little-endian mark starts with UTF-16's, so test it first.
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise fail("file is UTF-32 encoded; save it as UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\x00")
    if nul != -1 and _looks_utf32(raw):
        raise fail("file looks UTF-32 encoded (without a byte-order mark); save it as UTF-8")
    if nul != -1 and _looks_utf16(raw):
        raise fail("file looks UTF-16 encoded (without a byte-order mark); save it as UTF-8")
    if nul != -1:
        raise fail("file looks binary (it contains a NUL byte); expected UTF-8 YAML text", nul)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8", exc.start
        ) from None


def _mostly_nul(sample: bytes) -> bool:
    return sample.count(0) > 0.9 * len(sample)


def _looks_utf16(raw: bytes) -> bool:
    """Text in UTF-16 has a NUL in (nearly) every other byte."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    return _mostly_nul(sample[0::2]) or _mostly_nul(sample[1::2])


def _looks_utf32(raw: bytes) -> bool:
    """Text in UTF-32 has three NULs in (nearly) every four bytes."""
    sample = raw[:4096]
    if len(sample) < 8:
        return False
    little = all(_mostly_nul(sample[i::4]) for i in (1, 2, 3))
    big = all(_mostly_nul(sample[i::4]) for i in (0, 1, 2))
    return little or big


def check_size(size: int, filename: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputErrors(
            [
                InputError(
                    filename,
                    1,
                    1,
                    f"file is {size:,} bytes, over the {max_bytes:,}-byte limit "
                    "(raise it with --max-file-size)",
                )
            ]
        )


def parse(text: str, filename: str) -> MappingNode:
    """Parse one YAML document into located nodes; raise :class:`InputErrors`."""
    with _collector_paused():
        root = _load(text, filename)
    if root is None or (isinstance(root, ScalarNode) and root.value is None):
        raise InputErrors([InputError(filename, 1, 1, "file is empty; expected a partnership")])
    if not isinstance(root, MappingNode):
        shape = "a list" if isinstance(root, SequenceNode) else "a single value"
        raise InputErrors(
            [
                InputError(
                    filename,
                    root.line,
                    root.column,
                    f"top level is {shape}; expected a mapping with 'partnercheck', "
                    "'partnership' and 'partners'",
                )
            ]
        )
    return root


def _load(text: str, filename: str) -> Node | None:
    composing = _use_composer(text)
    loader = _CComposer(text) if composing else _parser(text)
    try:
        if not composing:
            walked = EventWalker(text, filename, loader).document()
            return walked[0] if walked is not None else None
        composed = loader.get_single_node()
        if composed is None:
            return None
        # The root node keeps the composed tree, to unfold its nodes on demand.
        return node_for(composed, Walker(text, filename).value(composed, 1, 0))
    except yaml.MarkedYAMLError as exc:
        raise InputErrors([_syntax_error(exc, text, filename)]) from None
    except yaml.YAMLError as exc:
        raise InputErrors([_reader_error(exc, text, filename)]) from None
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, filename: str) -> InputError:
    from partnercheck.load.hints import Problem, explain  # only on the error path

    problem_mark = exc.problem_mark or exc.context_mark
    if problem_mark is None:
        return InputError(filename, 1, 1, f"invalid YAML: {exc.problem or exc.context}")
    problem = exc.problem or ""
    if problem.startswith("exceeded maximum nesting depth"):
        message = f"nesting is deeper than {MAX_DEPTH} levels"
        return InputError(filename, problem_mark.line + 1, problem_mark.column + 1, message)
    context = exc.context_mark
    line, column, message = explain(
        Problem(
            text,
            problem,
            exc.context or "",
            problem_mark.line,
            problem_mark.column,
            context.line if context else None,
            context.column if context else None,
        )
    )
    return InputError(filename, line + 1, column + 1, message)


def _reader_error(exc: yaml.YAMLError, text: str, filename: str) -> InputError:
    # libyaml's reader errors carry a character offset but no mark.
    position = getattr(exc, "position", 0) or 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
    return InputError(filename, line, column, f"invalid YAML: {reason}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "HAVE_LIBYAML",
    "MAX_ALIAS_CHARACTERS",
    "MAX_ALIAS_EXPANSION",
    "MAX_DEPTH",
    "check_size",
    "decode",
    "parse",
]
