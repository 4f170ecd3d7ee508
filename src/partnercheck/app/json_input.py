"""Reading JSON that anyone may have written (baselines, results to diff), within bounds.

Python's reader accepts what our files never hold and then fails in ways that
are not JSON errors: an integer of 4,300 digits raises ``ValueError``, 100,000
nested brackets raise ``RecursionError``, ``1e999`` becomes infinity, ``NaN``
is accepted, and ``"\\ud800"`` gives a string no encoder can write. Each is
refused here as a located error.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from partnercheck.errors import InputError, InputErrors
from partnercheck.textsafe import excerpt

MAX_DEPTH = 64
MAX_INTEGER_DIGITS = 20  # every count and line number we write fits in 64 bits
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonSyntaxError(InputErrors):
    """The text is not JSON at all (as opposed to JSON we refuse)."""


class _BadNumberError(ValueError):
    def __init__(self, literal: str, problem: str) -> None:
        super().__init__(literal)
        self.literal = literal
        self.problem = problem


def _integer(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise _BadNumberError(literal, f"has more than {MAX_INTEGER_DIGITS} digits")
    return int(literal)


def _number(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _BadNumberError(literal, "is too large")
    return value


def _constant(name: str) -> float:
    raise _BadNumberError(name, "is not a JSON number")


def parse_json(text: str, name: str, what: str = "JSON") -> Any:
    """The document in ``text``; every problem a located :class:`InputErrors`.

    ``what`` names the document in messages (``invalid baseline: ...``).
    """

    def fail(offset: int, message: str) -> InputErrors:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        return InputErrors([InputError(name, line, column, message)])

    too_deep = f"invalid {what}: nested more than {MAX_DEPTH} levels deep"
    try:
        document = json.loads(
            text, parse_int=_integer, parse_float=_number, parse_constant=_constant
        )
    except json.JSONDecodeError as exc:
        raise JsonSyntaxError(fail(exc.pos, f"invalid {what}: {exc.msg}").errors) from None
    except _BadNumberError as exc:
        offset = max(0, text.find(exc.literal))
        raise fail(offset, f"number {excerpt(exc.literal)} {exc.problem}") from None
    except RecursionError:
        raise fail(_deep_offset(text), too_deep) from None
    except ValueError:  # anything else Python's reader trips on
        raise fail(0, f"invalid {what}") from None
    if _deeper_than(document, MAX_DEPTH):
        raise fail(_deep_offset(text), too_deep)
    if _SURROGATE_ESCAPE.search(text) and not _encodable(document):
        position = _SURROGATE_ESCAPE.search(text)
        offset = position.start() if position else 0
        raise fail(offset, f"invalid {what}: a string holds a lone surrogate escape")
    return document


def _deeper_than(document: Any, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels (without recursion)."""
    stack: list[tuple[Any, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


def _deep_offset(text: str) -> int:
    """Offset of the first bracket nested deeper than :data:`MAX_DEPTH` (error path only)."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def _encodable(document: Any) -> bool:
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
