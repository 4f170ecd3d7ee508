"""Shared helpers: build a partnership from YAML or data, assess it, look at findings."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from partnercheck.engine import Options, assess, load
from partnercheck.load import Source
from partnercheck.results import FileResult, Finding

AS_OF = date(2026, 11, 26)
TESTS = Path(__file__).parent
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
SOUND = TESTS / "fixtures" / "sound.yaml"


def assess_text(text: str, as_of: date = AS_OF, name: str = "test.yaml") -> FileResult:
    return assess(load(Source(name, text, TESTS)), Options(as_of=as_of))


@cache
def _sound_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SOUND.read_text(encoding="utf-8"))
    return data


def sound() -> dict[str, Any]:
    """A fresh copy of the sound partnership's data, ready to be broken."""
    return copy.deepcopy(_sound_data())


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def assess_data(data: dict[str, Any], as_of: date = AS_OF) -> FileResult:
    return assess_text(dump(data), as_of)


def fired(result: FileResult, rule_id: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule_id]


def element(result: FileResult, element_id: str) -> float:
    """An element's score."""
    return next(e.score for e in result.elements if e.id == element_id)


def assess_changed(change: Callable[[dict[str, Any]], None], as_of: date = AS_OF) -> FileResult:
    """Assess the sound partnership after ``change`` has edited its data in place."""
    data = sound()
    change(data)
    return assess_data(data, as_of)


@pytest.fixture
def sound_result() -> FileResult:
    return assess_data(sound())
