"""Find and read configuration: ``[tool.partnercheck]`` in pyproject.toml or
``.partnercheck.toml``, searched upward from the working directory.

A config file is read like any input: a regular file, at most
:data:`MAX_CONFIG_BYTES`; whatever is wrong in it (bad TOML, a number too long
for Python to read, nesting too deep, a bad value) is a located error naming
the file, the line and the key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnercheck.app.settings import Settings
from partnercheck.errors import InputError, InputErrors, did_you_mean
from partnercheck.load import read_bytes
from partnercheck.textsafe import display_name, excerpt

MAX_CONFIG_BYTES = 1 << 20


def discover(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` that configures partnercheck."""
    for folder in (start, *start.parents):
        dotfile = folder / ".partnercheck.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "tool.partnercheck" in _read(pyproject):
            return pyproject
    return None


def _read(path: Path) -> str:
    name = display_name(str(path))
    raw = read_bytes(path, MAX_CONFIG_BYTES, name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"cannot read config: not valid UTF-8 (byte 0x{raw[exc.start]:02x})"
        raise InputErrors([InputError(name, line, 1, message)]) from None


def _parse(text: str, name: str) -> dict[str, Any]:
    def fail(line: int, column: int, message: str) -> InputErrors:
        return InputErrors([InputError(name, line, column, f"invalid TOML: {message}")])

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        raise fail(line, column, str(exc)) from None
    except ValueError:  # an integer of thousands of digits, which Python refuses to read
        line, column = _position(text, _LONG_NUMBER)
        raise fail(line, column, "a number too long to read") from None
    except RecursionError:
        line, column = _position(text, _DEEP)
        raise fail(line, column, "arrays or tables nested too deeply") from None


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{999,}")
_DEEP = re.compile(r"(?:[\[{]\s*){100}")


def _position(text: str, pattern: re.Pattern[str]) -> tuple[int, int]:
    match = pattern.search(text)
    if match is None:
        return 1, 1
    line = text.count("\n", 0, match.start()) + 1
    return line, match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    text = _read(path)
    name = display_name(str(path))
    document = _parse(text, name)
    table: Any = document
    if path.name == "pyproject.toml":
        tool = document.get("tool")
        table = tool.get("partnercheck", {}) if isinstance(tool, dict) else {}
    if not isinstance(table, dict):
        raise InputErrors([InputError(name, 1, 1, "partnercheck settings must be a table")])
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        errors = []
        for error in exc.errors(include_url=False):
            keys = [str(part) for part in error["loc"]]
            key = keys[0] if keys else ""
            line = _key_line(text, keys, path.name == "pyproject.toml")
            if error["type"] == "extra_forbidden":
                aliases = sorted(f.alias or n for n, f in Settings.model_fields.items())
                message = f"unknown key {excerpt(key)}{did_you_mean(key, aliases)}"
            else:
                where = ".".join(str(p) for p in error["loc"])
                message = f"{where}: {error['msg'].removeprefix('Value error, ')}"
            errors.append(InputError(name, line, 1, message))
        raise InputErrors(errors) from None


def _key_line(text: str, keys: list[str], in_pyproject: bool) -> int:
    """Line of the innermost of ``keys`` (``weights``, ``goals``) in our table.

    Each key is looked for after the one before it, as a bare or quoted key,
    a dotted key or a table header (pyproject.toml holds other tools' keys too).
    """
    start = 0
    if in_pyproject:
        header = re.search(r"^\s*\[tool\.partnercheck[\].]", text, re.MULTILINE)
        start = header.start() if header else 0
    found = None
    for key in keys:
        pattern = re.compile(
            rf"(?:^|(?<=[{{,\s.\[]))[\"']?{re.escape(key)}[\"']?\s*[=.\]]", re.MULTILINE
        )
        match = pattern.search(text, start)
        if match is None:
            break
        found = start = match.start()
    return text.count("\n", 0, found) + 1 if found is not None else 1


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)
