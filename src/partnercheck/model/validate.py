"""Turn a located node tree into a validated :class:`Partnership`.

Pydantic reports *what* is wrong by path; this module maps each path back to
the YAML node it came from, so every error reads ``FILE:LINE:COLUMN: message``.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from partnercheck.errors import Hints, InputError, InputErrors
from partnercheck.load.nodes import MappingNode, Node, Path, format_path, key_node, resolve, to_data
from partnercheck.model.partnership import Partnership
from partnercheck.model.references import check_references
from partnercheck.textsafe import EXCERPT_LIMIT, excerpt, visible


def build(root: MappingNode, filename: str) -> Partnership:
    """Validate ``root``; raise :class:`InputErrors` listing every problem."""
    try:
        partnership = Partnership.model_validate(to_data(root))
    except ValidationError as exc:
        hint = Hints()
        errors = [_locate(e, root, filename, hint) for e in exc.errors(include_url=False)]
        raise InputErrors(
            sorted(set(errors), key=lambda e: (e.line, e.column, e.message))
        ) from None
    problems = check_references(partnership)
    if problems:
        errors = []
        for path, message, on_key in problems:
            node = key_node(root, path) if on_key else None
            errors.append(_at(filename, node or resolve(root, path)[1], message))
        raise InputErrors(sorted(errors, key=lambda e: (e.line, e.column)))
    return partnership


def _at(filename: str, node: Node, message: str) -> InputError:
    return InputError(filename, node.line, node.column, message)


def _locate(error: ErrorDetails, root: MappingNode, filename: str, hint: Hints) -> InputError:
    loc: Path = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        node = key_node(root, loc) or resolve(root, loc)[1]
        return _at(filename, node, f"unknown key {excerpt(key)}{hint(key, field_names(loc[:-1]))}")
    if kind == "missing":
        where = format_path(loc[:-1]) or "the top level"
        _, node, _ = resolve(root, loc[:-1])
        return _at(filename, node, f"missing required key {loc[-1]!r} in {where}")
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        node = key_node(root, loc) or resolve(root, loc)[1]
        return _at(filename, node, f"key {loc[-1]!r} in {format_path(loc[:-1])}: {_message(error)}")
    _, node, _ = resolve(root, loc)
    return _at(filename, node, f"{format_path(loc)}: {_message(error)}")


def _message(error: ErrorDetails) -> str:
    message = error["msg"].removeprefix("Value error, ")
    kind = error["type"]
    value = error.get("input")
    if kind in {"enum", "literal_error", "string_pattern_mismatch"} and isinstance(
        value, str | int | float
    ):
        # One line, whatever the input: a megabyte of bad value is not echoed back.
        message += f", got {excerpt(value)}"
    elif kind == "too_short" and error["loc"] == ("partners",):
        message = "a partnership needs at least 2 partners"
    elif kind == "bool_type" and isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
        # YAML 1.2 (editors) reads yes/no/on/off as text; so does partnercheck.
        message = f"expected true or false, got {value!r} (write true or false)"
    elif kind == "bool_type":
        message = "expected true or false"
    elif kind == "string_type" and isinstance(value, int | float) and not isinstance(value, bool):
        message = f'expected text, got the number {value!r}; quote it: "{value}"'
    elif kind == "string_type":
        message = "expected text" + _got(value)
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message = "expected keys and values (a mapping)" + _got(value)
    elif kind == "list_type":
        message = "expected a list" + _got(value) + "; write [a, b] or one '- ' line per item"
    return message


def _got(value: object) -> str:
    """What was written instead, with a fix for ``key:value`` written without a space."""
    if not isinstance(value, str):
        return f", got {_kind_of(value)}"
    shown = excerpt(value)
    key, colon, rest = value.partition(":")
    if colon and _KEY.fullmatch(key) and rest and not rest[0].isspace():
        fixed = visible(f"{key}: {rest}", EXCERPT_LIMIT)
        return f", got the text {shown}; add a space after ':': {fixed}"
    return f", got the text {shown}"


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else "a value of another kind"


_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


_YAML11_BOOLEANS = frozenset({"yes", "no", "on", "off", "y", "n"})


def field_names(loc: Path) -> list[str]:
    """Names of the fields allowed in the mapping at ``loc``."""
    model: type[BaseModel] | None = Partnership
    annotation: Any = Partnership
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return []
        annotation = field.annotation
        model = _model_in(annotation)
    return sorted(model.model_fields) if model is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``X | None``, ``list[X]`` or ``dict[str, X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, dict, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
