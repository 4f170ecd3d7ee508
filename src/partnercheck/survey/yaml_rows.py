"""Reading a responses YAML file into located rows.

Two shapes are accepted: a list of mappings, or a mapping with one key,
``responses``, holding that list. Each mapping has the CSV's columns as keys.
Parsing goes through :func:`partnercheck.load.yaml_source.parse`, so the file
gets the same safety checks as a partnership file and every value keeps its
line and column.
"""

from __future__ import annotations

import re

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.nodes import MappingNode, Node, ScalarNode, SequenceNode
from partnercheck.load.yaml_source import parse
from partnercheck.survey.rows import REQUIRED, Cell, Row, canonical, ignored, unknown_column
from partnercheck.textsafe import excerpt

RESPONSES_KEY = "responses"
_SHAPE = f"expected a list of responses, or a mapping with {RESPONSES_KEY!r} holding that list"
_DOCUMENT_START = re.compile(r"^---[ \t]*(#.*)?$")


def _parse_list(text: str, filename: str) -> Node:
    """Parse a file whose top level is a list, keeping its lines and columns.

    The shared parser only accepts a mapping at the top level, so the list is
    parsed as the value of a ``responses`` key, one line down and one column in,
    and every position is moved back.
    """
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            if _DOCUMENT_START.match(line):
                lines[i] = "#"  # an explicit document start cannot be indented
            break
    wrapped = f"{RESPONSES_KEY}:\n" + "\n".join(" " + line for line in lines) + "\n"
    try:
        root = parse(wrapped, filename)
    except InputErrors as exc:
        raise InputErrors(
            [
                InputError(e.file, max(1, e.line - 1), max(1, e.column - 1), e.message)
                for e in exc.errors
            ]
        ) from None
    node = root.values[RESPONSES_KEY]
    _shift(node)
    return node


def _shift(root: Node) -> None:
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias shares its node; move it once
            continue
        seen.add(id(node))
        node.line, node.column = node.line - 1, node.column - 1
        node.end_line, node.end_column = node.end_line - 1, max(1, node.end_column - 1)
        if isinstance(node, SequenceNode):
            stack.extend(node.items)
        elif isinstance(node, MappingNode):
            stack.extend(node.values.values())
            stack.extend(node.keys.values())


def _top(text: str, filename: str) -> SequenceNode:
    try:
        root: Node = parse(text, filename)
    except InputErrors as exc:
        message = exc.errors[0].message if len(exc.errors) == 1 else ""
        if message.startswith("file is empty"):
            empty = "file is empty; expected a list of responses"
            raise InputErrors([InputError(filename, 1, 1, empty)]) from None
        if message.startswith("top level is a list"):
            root = _parse_list(text, filename)
        elif message.startswith("top level is"):
            first = exc.errors[0]
            raise InputErrors([InputError(filename, first.line, first.column, _SHAPE)]) from None
        else:
            raise
    if isinstance(root, MappingNode):
        extra = [k for k in root.keys if k != RESPONSES_KEY]
        if extra or RESPONSES_KEY not in root.values:
            where = root.keys[extra[0]] if extra else root
            raise InputErrors([InputError(filename, where.line, where.column, _SHAPE)])
        root = root.values[RESPONSES_KEY]
    if not isinstance(root, SequenceNode):
        raise InputErrors([InputError(filename, root.line, root.column, _SHAPE)])
    return root


def read_yaml_rows(text: str, filename: str) -> tuple[list[Row], list[InputError]]:
    """Rows and every error found in their keys (values are checked later)."""
    errors: list[InputError] = []
    rows: list[Row] = []
    for item in _top(text, filename).items:
        if not isinstance(item, MappingNode):
            message = "each response must be a mapping of column names to values"
            errors.append(InputError(filename, item.line, item.column, message))
            continue
        cells: dict[str, Cell] = {}
        for name, key in item.keys.items():
            value = item.values[name]
            if ignored(name):
                continue
            column = canonical(name)
            if column is None:
                errors.append(
                    InputError(filename, key.line, key.column, unknown_column(name, "key"))
                )
            elif column in cells:
                message = f"{excerpt(name)} repeats the key {column!r}; each key may appear once"
                errors.append(InputError(filename, key.line, key.column, message))
            elif not isinstance(value, ScalarNode):
                message = f"{excerpt(name)} must be a single value, not a list or mapping"
                errors.append(InputError(filename, value.line, value.column, message))
            else:
                cells[column] = Cell(value.value, value.line, value.column)
        for required in REQUIRED:
            if required not in cells and required not in {canonical(k) for k in item.keys}:
                message = f"response is missing the required key {required!r}"
                errors.append(InputError(filename, item.line, item.column, message))
        rows.append(Row(item.line, item.column, cells))
    return rows, errors
