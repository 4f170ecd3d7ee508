"""The YAML node tree: every value keeps the line and column it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PathPart = str | int
Path = tuple[PathPart, ...]


@dataclass(slots=True, eq=False)
class Node:
    """A YAML node. ``line``/``column`` are 1-based; ``end_*`` mark where it stops.

    Positions are stored 0-based, as libyaml reports them, so that loading does
    no arithmetic (and allocates no integers) per node; they are read 1-based.
    """

    line0: int
    column0: int
    end_line0: int
    end_column0: int

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


@dataclass(slots=True, eq=False)
class ScalarNode(Node):
    value: Any = None


@dataclass(slots=True, eq=False)
class SequenceNode(Node):
    items: list[Node] = field(default_factory=list)
    # The plain data, built alongside the nodes by the loader (no second walk).
    data: list[Any] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MappingNode(Node):
    # Keys are strings by the time a mapping is built (the loader refuses others).
    keys: dict[str, ScalarNode] = field(default_factory=dict)
    values: dict[str, Node] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)


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
