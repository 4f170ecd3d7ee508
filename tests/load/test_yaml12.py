"""Plain scalars mean what YAML 1.2 editors say they mean (issue 12).

yaml-language-server reads YAML 1.2 (core schema); PyYAML reads YAML 1.1. The
loader follows 1.2, so `minutes_shared: yes` is the text "yes" for the tool as
for the editor, never silently a boolean.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from partnercheck.errors import InputErrors
from partnercheck.load.nodes import MappingNode, to_data
from partnercheck.load.yaml_source import parse
from partnercheck.model.validate import build

pytestmark = pytest.mark.usefixtures("walk")


def value_of(text: str) -> Any:
    return to_data(parse(f"v: {text}\n", "f.yaml"))["v"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # null
        ("", None), ("~", None), ("null", None), ("Null", None), ("NULL", None),
        # booleans: only the six spellings of true and false
        ("true", True), ("True", True), ("TRUE", True),
        ("false", False), ("False", False), ("FALSE", False),
        # integers: decimal (leading zeros are decimal), 0o octal, 0x hexadecimal
        ("0", 0), ("-12", -12), ("+12", 12), ("007", 7), ("017", 17), ("0o17", 15),
        ("0x1F", 31), ("0x1f", 31),
        # floats
        ("2.5", 2.5), ("-2.5", -2.5), (".5", 0.5), ("1.", 1.0), ("1e3", 1000.0),
        ("1.5E-2", 0.015), (".inf", math.inf), ("-.Inf", -math.inf), ("+.INF", math.inf),
    ],
)  # fmt: skip
def test_core_schema_values(text: str, expected: Any) -> None:
    value = value_of(text)
    assert value == expected
    assert type(value) is type(expected)


def test_nan() -> None:
    assert math.isnan(value_of(".nan")) and math.isnan(value_of(".NaN"))


@pytest.mark.parametrize(
    "text",
    [
        # YAML 1.1 booleans
        "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n", "Y", "N",
        # YAML 1.1 numbers: sexagesimal, binary, underscores, old octal spelling
        "1:30", "190:20:30", "0b1010", "1_000", "0x_1F", "+0o17", "1,000",
        # dates and times are text too
        "2024-03-01", "2024-03-01T10:00:00", "2024-03-01 10:00:00",
        # spellings that only look like the core schema's
        "nULL", "tRUE", ".Nan", "inf", "nan", "+", "-1-", ".", "0x", "0o8", "1e", "e3",
        "=", "<<",
    ],
)  # fmt: skip
def test_everything_else_is_text(text: str) -> None:
    assert value_of(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [("'yes'", "yes"), ('"5"', "5"), ("! 5", "5"), ("! true", "true"), ("&a ! 5", "5"),
     ("!!str 5", "5"), ("!!int 0x1F", 31), ("!!int '12'", 12), ("!!float 1", 1.0),
     ("!!bool true", True), ("!!null ~", None), ("!!timestamp 2024-03-01", "2024-03-01")],
)  # fmt: skip
def test_quotes_and_tags(text: str, expected: Any) -> None:
    value = value_of(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("!!bool yes", "f.yaml:1:4: cannot read 'yes' as bool"),
        ("!!int 1.5", "f.yaml:1:4: cannot read '1.5' as int"),
        ("!!int true", "f.yaml:1:4: cannot read 'true' as int"),
        ("!!float x", "f.yaml:1:4: cannot read 'x' as float"),
        ("!!null 0", "f.yaml:1:4: cannot read '0' as null"),
        ("!!timestamp 2024-13-45", "f.yaml:1:4: cannot read '2024-13-45' as date (YYYY-MM-DD)"),
    ],
)
def test_a_tag_the_value_does_not_fit_is_located(text: str, message: str) -> None:
    with pytest.raises(InputErrors) as info:
        parse(f"v: {text}\n", "f.yaml")
    assert [e.render() for e in info.value.errors] == [message]


HEAD = """\
partnercheck: 1
partnership:
  name: P
  started: {started}
partners:
  - id: a
    name: A
  - id: b
    name: B
"""


def test_dates_as_text_still_validate_and_locate() -> None:
    root = parse(HEAD.format(started="2024-03-01"), "f.yaml")
    assert build(root, "f.yaml").partnership.started is not None
    with pytest.raises(InputErrors) as info:
        build(parse(HEAD.format(started="2024-13-45"), "f.yaml"), "f.yaml")
    [error] = info.value.errors
    # The message is the model's; the position is the value's.
    assert (error.line, error.column) == (4, 12)
    assert error.message.startswith("partnership.started:")


def test_a_yaml_1_1_boolean_reaches_the_model_as_the_text_written() -> None:
    text = HEAD.format(started="2024-03-01") + (
        "communication:\n  meetings:\n    - name: M\n      minutes_shared: yes\n"
    )
    root = parse(text, "f.yaml")
    communication = root.values["communication"]
    assert isinstance(communication, MappingNode)
    assert communication.data["meetings"][0]["minutes_shared"] == "yes"
    with pytest.raises(InputErrors) as info:
        build(root, "f.yaml")
    [error] = info.value.errors
    assert error.render().startswith("f.yaml:13:23: communication.meetings[0].minutes_shared:")


def test_a_yaml_1_1_boolean_is_a_valid_id() -> None:
    # `id: no` was the boolean False under YAML 1.1 and refused; it is the text "no".
    text = HEAD.format(started="2024-03-01").replace("id: b", "id: no")
    assert [p.id for p in build(parse(text, "f.yaml"), "f.yaml").partners] == ["a", "no"]
