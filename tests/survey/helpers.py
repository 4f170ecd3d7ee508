"""Shared helpers for the survey tests: write a responses file, read it, collect errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnercheck.errors import InputErrors
from partnercheck.survey.responses import Response, read_responses

PARTNERS = ["council", "nhs", "housing", "carelink"]


def write(tmp_path: Path, content: str | bytes, name: str = "responses.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def errors(path: Path, partners: list[str] = PARTNERS) -> list[str]:
    """Every error rendered as LINE:COLUMN: message (the file name dropped)."""
    with pytest.raises(InputErrors) as caught:
        read_responses(path, partners)
    for error in caught.value.errors:
        assert error.file == str(path)
    return [f"{e.line}:{e.column}: {e.message}" for e in caught.value.errors]


def read(path: Path, partners: list[str] = PARTNERS) -> list[Response]:
    return read_responses(path, partners)
