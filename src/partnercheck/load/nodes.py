"""The YAML node tree: every value keeps the line and column it came from.

For the small files that are the common case the tree is unfolded lazily:
loading builds only the plain data that validation needs, and a mapping's or
list's child nodes are made from the composed YAML the first time someone asks
for them (an error or a finding to locate). Most of a file is never located,
so most nodes are never built. Large files are loaded from events, with every
node built at once (see load/events.py).
"""

from __future__ import annotations

from typing import Any

import yaml

PathPart = str | int
Path = tuple[PathPart, ...]


class Node:
    """A YAML node. ``line``/``column`` are 1-based; ``end_*`` mark where it stops.

    Positions are stored 0-based, as libyaml reports them, so that loading does
    no arithmetic (and allocates no integers) per node; they are read 1-based.
    (Plain slotted classes rather than dataclasses: every command imports this
    module, and each dataclass costs half a millisecond to create.)
    """

    __slots__ = ("column0", "end_column0", "end_line0", "line0")

    def __init__(self, line0: int, column0: int, end_line0: int, end_column0: int) -> None:
        self.line0 = line0
        self.column0 = column0
        self.end_line0 = end_line0
        self.end_column0 = end_column0

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.line}:{self.column}-{self.end_line}:{self.end_column})"

    @property
    def line(self) -> int:
        return self.line0 + 1

    @line.setter
    def line(self, value: int) -> None:
        self.line0 = value - 1

    @property
    def column(self) -> int:
        return self.column0 + 1

    @column.setter
    def column(self, value: int) -> None:
        self.column0 = value - 1

    @property
    def end_line(self) -> int:
        return self.end_line0 + 1

    @end_line.setter
    def end_line(self, value: int) -> None:
        self.end_line0 = value - 1

    @property
    def end_column(self) -> int:
        return self.end_column0 + 1

    @end_column.setter
    def end_column(self, value: int) -> None:
        self.end_column0 = value - 1


class ScalarNode(Node):
    __slots__ = ("value",)

    def __init__(
        self, line0: int, column0: int, end_line0: int, end_column0: int, value: Any = None
    ) -> None:
        # Positions are set here, not by super().__init__: one call less for each
        # of the million nodes of a large file.
        self.line0, self.column0 = line0, column0
        self.end_line0, self.end_column0 = end_line0, end_column0
        self.value = value


class SequenceNode(Node):
    """A list. ``data`` is the plain data the loader built; the item nodes are given,
    or made from the composed YAML (``source``) the first time ``items`` is read."""

    __slots__ = ("_items", "data", "source")

    def __init__(
        self,
        line0: int,
        column0: int,
        end_line0: int,
        end_column0: int,
        data: list[Any] | None = None,
        source: yaml.SequenceNode | None = None,
        items: list[Node] | None = None,
    ) -> None:
        self.line0, self.column0 = line0, column0
        self.end_line0, self.end_column0 = end_line0, end_column0
        self.data: list[Any] = [] if data is None else data
        self.source = source
        self._items = items if items is not None or source is not None else []

    @property
    def items(self) -> list[Node]:
        if self._items is None:
            source, self.source = self.source, None
            pairs = zip(source.value, self.data, strict=True) if source is not None else ()
            self._items = [node_for(item, value) for item, value in pairs]
        return self._items


class MappingNode(Node):
    """A mapping with text keys (the loader refuses others); ``x-`` keys are left out.
    Like :class:`SequenceNode`, its key and value nodes are made on first use."""

    __slots__ = ("_keys", "_values", "data", "source")

    def __init__(
        self,
        line0: int,
        column0: int,
        end_line0: int,
        end_column0: int,
        data: dict[str, Any] | None = None,
        source: yaml.MappingNode | None = None,
        keys: dict[str, ScalarNode] | None = None,
        values: dict[str, Node] | None = None,
    ) -> None:
        self.line0, self.column0 = line0, column0
        self.end_line0, self.end_column0 = end_line0, end_column0
        self.data: dict[str, Any] = {} if data is None else data
        self.source = source
        built = source is None  # without a composed source, the nodes are given (or none)
        self._keys = keys if keys is not None or not built else {}
        self._values = values if values is not None or not built else {}

    @property
    def keys(self) -> dict[str, ScalarNode]:
        """The key nodes: needed only to point at a key, so built apart from the values."""
        if self._keys is None:
            self._keys = {
                key.value: _scalar(key, key.value)
                for key, _ in self._pairs()
                if not key.value.startswith("x-")
            }
            self._release()
        return self._keys

    @property
    def values(self) -> dict[str, Node]:
        if self._values is None:
            data = self.data
            self._values = {
                key.value: node_for(value, data[key.value])
                for key, value in self._pairs()
                # x- keys are the user's own metadata: not in the data, not in the tree
                if not key.value.startswith("x-")
            }
            self._release()
        return self._values

    def _pairs(self) -> list[tuple[yaml.Node, yaml.Node]]:
        return self.source.value if self.source is not None else []

    def _release(self) -> None:
        if self._keys is not None and self._values is not None:
            self.source = None  # the composed YAML is no longer needed


def node_for(source: yaml.Node, value: Any) -> Node:
    """The located node for one composed YAML node and its loaded value."""
    start, end = source.start_mark, source.end_mark
    if isinstance(source, yaml.MappingNode):
        return MappingNode(start.line, start.column, end.line, end.column, value, source)
    if isinstance(source, yaml.SequenceNode):
        return SequenceNode(start.line, start.column, end.line, end.column, value, source)
    return _scalar(source, value)


def _scalar(source: yaml.Node, value: Any) -> ScalarNode:
    start, end = source.start_mark, source.end_mark
    return ScalarNode(start.line, start.column, end.line, end.column, value)


def format_path(path: Path) -> str:
    """Render ``("goals", 1, "target")`` as ``goals[1].target``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            out.append(f".{part}" if out else part)
    return "".join(out)


def resolve(root: Node, path: Path) -> tuple[Path, Node, bool]:
    """Follow ``path`` as far as the tree goes.

    Returns the path actually reached, its node, and whether the whole path
    exists. Missing pieces leave the closest ancestor, which is where a finding
    about something absent should point.
    """
    node = root
    reached: list[PathPart] = []
    for part in path:
        child: Node | None = None
        if isinstance(node, MappingNode) and isinstance(part, str):
            child = node.values.get(part)
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.items)
        ):
            child = node.items[part]
        if child is None:
            return tuple(reached), node, False
        node = child
        reached.append(part)
    return tuple(reached), node, True


def key_node(root: Node, path: Path) -> Node | None:
    """The key node of the last mapping step of ``path``, if it exists."""
    if not path or not isinstance(path[-1], str):
        return None
    _, parent, found = resolve(root, path[:-1])
    if not found or not isinstance(parent, MappingNode):
        return None
    return parent.keys.get(path[-1])


def to_data(node: Node) -> Any:
    """Plain Python data for validation (``x-`` keys were dropped at load time).

    Aliased content is shared, not copied: validation only reads it.
    """
    if isinstance(node, ScalarNode):
        return node.value
    assert isinstance(node, MappingNode | SequenceNode)
    return node.data
