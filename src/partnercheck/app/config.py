"""Find and read configuration: ``[tool.partnercheck]`` in pyproject.toml or
``.partnercheck.toml``, searched upward from the working directory."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partnercheck.app.settings import Settings
from partnercheck.errors import InputError, InputErrors, did_you_mean


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
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputErrors([InputError(str(path), 1, 1, f"cannot read config: {exc}")]) from None


def load_settings(path: Path | None) -> Settings:
    if path is None:
        return Settings()
    text = _read(path)
    name = str(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        raise InputErrors([InputError(name, line, column, f"invalid TOML: {exc}")]) from None
    if path.name == "pyproject.toml":
        table: Any = document.get("tool", {}).get("partnercheck", {})
    else:
        table = document
    if not isinstance(table, dict):
        raise InputErrors([InputError(name, 1, 1, "partnercheck settings must be a table")])
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        errors = []
        for error in exc.errors(include_url=False):
            key = str(error["loc"][0]) if error["loc"] else ""
            line = _key_line(text, key, path.name == "pyproject.toml")
            if error["type"] == "extra_forbidden":
                aliases = sorted(f.alias or n for n, f in Settings.model_fields.items())
                message = f"unknown key {key!r}{did_you_mean(key, aliases)}"
            else:
                where = ".".join(str(p) for p in error["loc"])
                message = f"{where}: {error['msg'].removeprefix('Value error, ')}"
            errors.append(InputError(name, line, 1, message))
        raise InputErrors(errors) from None


def _key_line(text: str, key: str, in_pyproject: bool) -> int:
    """Line of ``key`` in our table (pyproject.toml holds other tools' keys too)."""
    start = 0
    if in_pyproject:
        header = re.search(r"^\s*\[tool\.partnercheck[\].]", text, re.MULTILINE)
        start = header.start() if header else 0
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*[=.]", re.MULTILINE)
    match = pattern.search(text, start)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (1, 1)
