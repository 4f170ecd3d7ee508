"""Scalars read the YAML 1.2 way (the core schema), as editors read them.

PyYAML resolves YAML 1.1, where ``yes``, ``no``, ``on`` and ``off`` are
booleans, ``1:30`` is a number and ``017`` is octal; yaml-language-server and
other editors read YAML 1.2, where all of those are text. A file must mean the
same to the tool as to the editor that checks it against the schema, so plain
scalars are resolved here with the core schema's rules:

- null: empty, ``~``, ``null``, ``Null``, ``NULL``
- bool: ``true``, ``True``, ``TRUE``, ``false``, ``False``, ``FALSE``
- int: decimal (``-12``, ``007`` is 7), ``0o`` octal, ``0x`` hexadecimal
- float: decimal and exponent forms (``2.5``, ``.5``, ``1e3``), ``.inf``, ``.nan``
- everything else is text, dates included (the model reads ISO dates from text).

Resolving here also spares every scalar PyYAML's resolver regular expressions.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

TAG_PREFIX = "tag:yaml.org,2002:"
STR_TAG = TAG_PREFIX + "str"
# YAML 1.1's timestamp tag is still accepted when written out, for ISO dates.
SCALAR_TAGS = frozenset(
    TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
COLLECTION_TAGS = frozenset((TAG_PREFIX + "map", TAG_PREFIX + "seq", "!"))

# The words the core schema reads as null, booleans or special floats.
WORDS: dict[str, Any] = {
    "": None,
    "~": None,
    **dict.fromkeys(("null", "Null", "NULL"), None),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys((".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"), math.inf),
    **dict.fromkeys(("-.inf", "-.Inf", "-.INF"), -math.inf),
    **dict.fromkeys((".nan", ".NaN", ".NAN"), math.nan),
}
# Only text starting with one of these can be a number; the rest is tested for
# WORDS and NUMBER_START in the loader's inner loop before calling plain_value.
NUMBER_START = frozenset("0123456789+-.")
_DECIMAL = re.compile(r"[-+]?[0-9]+\Z")
_OCTAL = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_MISSING = object()
_TYPES: dict[str, type | tuple[type, ...]] = {
    "null": type(None),
    "bool": bool,
    "int": int,
    "float": (int, float),
}


class ScalarError(ValueError):
    """A scalar that cannot be read as the type its form or tag says."""


def plain_value(text: str) -> Any:
    """The value of an untagged plain scalar under the YAML 1.2 core schema."""
    value = WORDS.get(text, _MISSING)
    if value is not _MISSING:
        return value
    if text[0] not in NUMBER_START:
        return text
    return _number(text, text)


def _number(text: str, otherwise: Any) -> Any:
    try:
        if _DECIMAL.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        if _OCTAL.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
    except ValueError:  # more digits than Python converts (a hostile 5,000-digit value)
        raise ScalarError(_cannot(text, "int")) from None
    return otherwise


def tagged_value(tag: str, text: str) -> Any:
    """The value of a scalar with an explicit standard tag such as ``!!int``."""
    kind = tag.removeprefix(TAG_PREFIX)
    if kind == "str":
        return text
    if kind == "timestamp":
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ScalarError(_cannot(text, "date (YYYY-MM-DD)")) from None
        return text  # the model reads ISO dates from text
    value: Any = WORDS.get(text, _MISSING)
    if value is _MISSING and text[:1] in NUMBER_START:
        value = _number(text, _MISSING)
    fits = isinstance(value, _TYPES[kind]) and (kind == "bool" or type(value) is not bool)
    if value is _MISSING or not fits:  # (True is an int to Python, not to YAML)
        raise ScalarError(_cannot(text, kind))
    return float(value) if kind == "float" else value


def _cannot(text: str, kind: str) -> str:
    shown = text if len(text) <= 40 else text[:40] + "..."
    return f"cannot read {shown!r} as {kind}"
