"""Safe YAML loading into a located node tree.

We walk libyaml's event stream ourselves instead of using a constructor, so
that: no Python object is ever built from a tag; duplicate keys, aliases,
nesting and multi-document streams are checked as they arrive; and nothing
recurses, so a hostile file cannot exhaust the stack.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import yaml

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml is about nine times faster; fall back only when it is missing.
    from yaml import CSafeLoader as _Loader

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    HAVE_LIBYAML = False

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 50
# Aliases may repeat content, but a handful of anchors must not expand into
# millions of nodes (the "billion laughs" attack).
MAX_ALIAS_EXPANSION = 100_000

_TAG = "tag:yaml.org,2002:"
_ALLOWED_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_TAGS = _ALLOWED_SCALAR_TAGS | {f"{_TAG}map", f"{_TAG}seq", "!"}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


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

    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("file is UTF-16 encoded; save it as UTF-8")
    nul = raw.find(b"\x00")
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


def _looks_utf16(raw: bytes) -> bool:
    """Text in UTF-16 has a NUL in (nearly) every other byte."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) > 0.9 * len(evens) or odds.count(0) > 0.9 * len(odds)


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


# First characters of plain scalars that YAML may read as something other than
# text (bool, int, float, null, timestamp, merge, value); anything else is text,
# which spares most scalars the resolver's regular expressions.
_IMPLICIT_STARTS = frozenset("yYnNtTfFoO-+0123456789.<~=")
# Short integers only: a 5,000-digit one goes to the resolver, which refuses it.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]{0,17})\Z")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _scalar_value(event: Any, error: Any) -> Any:
    tag = event.tag
    value = event.value
    if tag is None or tag == "!":
        if tag is not None or not event.implicit[0]:
            return value  # quoted, or explicitly non-specific: text
        if value and value[0] not in _IMPLICIT_STARTS:
            return value
        # The commonest non-text values, read exactly as YAML 1.1 would read them.
        if _DECIMAL.match(value):
            return int(value)
        if _ISO_DATE.match(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass  # the resolver below reports it
        tag = _resolver.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    if tag == f"{_TAG}merge":
        raise error(event, "merge keys ('<<') are not supported; write the keys out")
    if tag not in _ALLOWED_SCALAR_TAGS:
        raise error(
            event, f"tag {_short(event.tag or tag)!r} is not allowed; use plain YAML values"
        )
    if tag == f"{_TAG}str":
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return _constructor.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError):
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise error(event, f"cannot read {shown!r} as {tag.removeprefix(_TAG)}") from None


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "is_map", "node", "pending_key", "size")

    def __init__(self, node: MappingNode | SequenceNode, anchor: str | None) -> None:
        self.node = node
        self.is_map = type(node) is MappingNode
        self.anchor = anchor
        self.pending_key: ScalarNode | None = None
        self.size = 1


def _check_key(node: Node, event: Any, error: Any, keys: dict[str, ScalarNode]) -> ScalarNode:
    if type(node) is not ScalarNode:
        raise error(event, "mapping keys must be plain strings")
    key = node.value
    if type(key) is not str:
        shown = "null" if key is None else str(key)
        raise error(event, f"key {shown!r} is read as {type(key).__name__}, not text; quote it")
    if key == "<<":
        raise error(event, "merge keys ('<<') are not supported; write the keys out")
    previous = keys.get(key)
    if previous is not None:
        raise error(
            event,
            f"duplicate key {key!r} (first defined at line {previous.line}); "
            "each key may appear once",
        )
    return node


def parse(text: str, filename: str) -> MappingNode:
    """Parse one YAML document into located nodes; raise :class:`InputErrors`."""

    def error(event: Any, message: str) -> InputErrors:
        mark = event.start_mark
        return InputErrors([InputError(filename, mark.line + 1, mark.column + 1, message)])

    stack: list[_Frame] = []
    anchors: dict[str, tuple[Node, int]] = {}
    open_anchors: set[str] = set()
    expansion = 0
    documents = 0
    root: Node | None = None

    def attach(node: Node, size: int, event: Any) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        parent = stack[-1]
        parent.size += size
        # Untyped on purpose: the frame knows which kind of node it holds, and
        # isinstance checks here would cost a tenth of the load time.
        container: Any = parent.node
        item: Any = node
        value = item.value if type(item) is ScalarNode else item.data
        if not parent.is_map:
            container.items.append(node)
            container.data.append(value)
            return
        key_node = parent.pending_key
        if key_node is None:
            parent.pending_key = _check_key(node, event, error, container.keys)
            return
        parent.pending_key = None
        key = key_node.value
        # Keys starting with "x-" are the user's own metadata: kept out of the model.
        if not key.startswith("x-"):
            container.keys[key] = key_node
            container.values[key] = node
            container.data[key] = value

    loader = _Loader(text)
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    try:
        with _collector_paused():
            get_event = loader.get_event  # straight from libyaml: no generator in between
            while True:
                event: Any = get_event()
                # Dispatch on the exact class: faster than isinstance.
                kind = type(event)
                if kind is scalar:
                    mark, end = event.start_mark, event.end_mark
                    node: Node = ScalarNode(
                        mark.line, mark.column, end.line, end.column, _scalar_value(event, error)
                    )
                    if event.anchor:
                        anchors[event.anchor] = (node, 1)
                    attach(node, 1, event)
                elif kind is map_end or kind is seq_end:
                    frame = stack.pop()
                    frame.node.end_line0 = event.end_mark.line
                    frame.node.end_column0 = event.end_mark.column
                    if frame.anchor:
                        open_anchors.discard(frame.anchor)
                        anchors[frame.anchor] = (frame.node, frame.size)
                    attach(frame.node, frame.size, event)
                elif kind is map_start or kind is seq_start:
                    if event.tag not in (None, *_ALLOWED_TAGS):
                        raise error(
                            event, f"tag {_short(event.tag)!r} is not allowed; use plain YAML"
                        )
                    if len(stack) >= MAX_DEPTH:
                        raise error(event, f"nesting is deeper than {MAX_DEPTH} levels")
                    mark = event.start_mark
                    cls = MappingNode if kind is map_start else SequenceNode
                    stack.append(_Frame(cls(mark.line, mark.column, 0, 0), event.anchor))
                    if event.anchor:
                        open_anchors.add(event.anchor)
                elif kind is alias:
                    if event.anchor in open_anchors:
                        raise error(event, f"alias *{event.anchor} refers to itself")
                    if event.anchor not in anchors:
                        raise error(event, f"alias *{event.anchor} has no anchor")
                    target, size = anchors[event.anchor]
                    expansion += size
                    if expansion > MAX_ALIAS_EXPANSION:
                        raise error(
                            event,
                            f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes; "
                            "refusing (possible alias bomb)",
                        )
                    attach(target, size, event)
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise error(
                            event,
                            "file holds more than one YAML document; put one partnership "
                            "in each file",
                        )
                elif kind is yaml.StreamEndEvent or event is None:
                    break
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputErrors(
            [InputError(filename, line, column, f"invalid YAML: {problem}")]
        ) from None
    except yaml.YAMLError as exc:
        raise InputErrors([_reader_error(exc, text, filename)]) from None
    finally:
        loader.dispose()

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


def _reader_error(exc: yaml.YAMLError, text: str, filename: str) -> InputError:
    # libyaml's reader errors carry a character offset but no mark.
    position = getattr(exc, "position", 0) or 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
    return InputError(filename, line, column, f"invalid YAML: {reason}")
