"""Fuzzing: the bundled examples, mutated the ways real files go wrong, through the CLI.

Whatever the mutation (keys deleted, renamed or duplicated, values of the wrong
type, stray unicode and control characters, raw bytes, huge numbers, deep
nesting, truncation), ``validate`` and ``assess`` exit 0, 1 or 2, never show a
traceback, and an exit-2 run prints only ``FILE:LINE:COLUMN: message`` lines on
standard error. Derandomized, so CI sees the same ~150 examples every run.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from partnercheck.cli import app
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

EXAMPLE_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
LOCATED = re.compile(r"^.+:\d+:\d+: .+$")
KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
NUMBER_VALUE = re.compile(r"^(?P<head> *(?:- )?[\w-]+: )-?\d[\d.]*$")

FUZZ = settings(
    max_examples=140,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

Draw = st.DrawFn
Lines = list[str]

# Values of every other type (and some that are nearly right) to put where a value was.
WRONG_VALUES = [
    "[1, 2, 3]", "{a: 1}", "[]", "{}", "true", "false", "null", "~", "0", "-1", "1.5",
    "'quoted text'", '""', "2026-13-45", "2026-02-30", "2026-11-26T10:00:00", ".nan", ".inf",
    "-.inf", "0x1F", "0o17", "1_000", "yes", "NO", "'   '", "|\n  block\n  text",
    "&anchor [x]", "*nowhere", "!!binary aGVsbG8=", "!custom value", "!!str 5",
    "!!python/object/apply:os.system [echo]", "? complex key", "- a\n- b",
]  # fmt: skip
HUGE_NUMBERS = [
    "1" + "0" * 400, "-1" + "0" * 400, "1e309", "-1e309", "10e400", "9" * 5000,
    "0x" + "f" * 300, "1.0e+309", "-1.0e+309", "1.7976931348623157e308", "4.9e-324", "-0.0",
]  # fmt: skip
ODD_TEXT = [
    "\x00", "\x01", "\x07", "\x1b[31m", "\t", "\r", "\r\n", "\x85", "\u2028", "\u2029",
    "\ufeff", "\ufffe", "\ud800", "\U0001f91d", "\u202e", "\u0301", "é", "日本語",
    "\x7f", "\u200b", ": ", " #", "'", '"', "{", "[", "&", "*", "!", "|", ">", "%", "@", "`",
    "---\n", "...\n", "<<: ", "\t- ",
]  # fmt: skip


def key_lines(lines: Lines) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line)]


def block_end(lines: Lines, start: int) -> int:
    """Index just past the key at ``start`` and everything indented under it."""
    m = KEY_LINE.match(lines[start])
    assert m is not None
    column = len(m["indent"]) + (2 if m["dash"] else 0)
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > column
    ):
        end += 1
    return end


def pick_key(draw: Draw, lines: Lines) -> int | None:
    candidates = key_lines(lines)
    return draw(st.sampled_from(candidates)) if candidates else None


def delete_key(draw: Draw, lines: Lines) -> Lines:
    i = pick_key(draw, lines)
    if i is None:
        return lines
    end = block_end(lines, i) if draw(st.booleans()) else i + 1
    return lines[:i] + lines[end:]


def rename_key(draw: Draw, lines: Lines) -> Lines:
    i = pick_key(draw, lines)
    if i is None:
        return lines
    m = KEY_LINE.match(lines[i])
    assert m is not None
    key = m["key"]
    new = draw(
        st.sampled_from([key[:-1] or "k", key + "s", key.upper(), f"x-{key}", key[::-1],
                         "goal", "partner", "partnerships", "1", "true", "null", "2026-01-01"])
        | st.text(min_size=1, max_size=10)
    )  # fmt: skip
    lines = list(lines)
    lines[i] = f"{m['indent']}{m['dash'] or ''}{new}:{m['rest']}"
    return lines


def duplicate_key(draw: Draw, lines: Lines) -> Lines:
    """Write a key (and its block) a second time in the same mapping: a real duplicate."""
    i = pick_key(draw, lines)
    if i is None:
        return lines
    end = block_end(lines, i)
    m = KEY_LINE.match(lines[i])
    assert m is not None
    copy = list(lines[i:end])
    if m["dash"]:
        copy[0] = f"{m['indent']}  {m['key']}:{m['rest']}"
    return lines[:end] + copy + lines[end:]


def swap_value(draw: Draw, lines: Lines) -> Lines:
    i = pick_key(draw, lines)
    if i is None:
        return lines
    m = KEY_LINE.match(lines[i])
    assert m is not None
    value = draw(st.sampled_from(WRONG_VALUES))
    indent = " " * (len(m["indent"]) + 2 + (2 if m["dash"] else 0))
    value = value.replace("\n", "\n" + indent)
    replaced = f"{m['indent']}{m['dash'] or ''}{m['key']}: {value}"
    return [*lines[:i], replaced, *lines[block_end(lines, i) :]]


def huge_number(draw: Draw, lines: Lines) -> Lines:
    numeric = [i for i, line in enumerate(lines) if NUMBER_VALUE.match(line)]
    if not numeric:
        return swap_value(draw, lines)
    i = draw(st.sampled_from(numeric))
    m = NUMBER_VALUE.match(lines[i])
    assert m is not None
    lines = list(lines)
    lines[i] = m["head"] + draw(st.sampled_from(HUGE_NUMBERS))
    return lines


def deep_nesting(draw: Draw, lines: Lines) -> Lines:
    i = pick_key(draw, lines)
    if i is None:
        return lines
    m = KEY_LINE.match(lines[i])
    assert m is not None
    depth = draw(st.sampled_from([10, 48, 49, 50, 51, 200, 20_000]))
    head = f"{m['indent']}{m['dash'] or ''}{m['key']}:"
    if draw(st.booleans()):
        nested = [f"{head} " + "[" * depth + "]" * depth]
    else:
        column = len(m["indent"]) + (2 if m["dash"] else 0)
        depth = min(depth, 300)
        nested = [head] + [" " * (column + 2 * k) + f"n{k}:" for k in range(1, depth)]
        nested[-1] += " leaf"
    return lines[:i] + nested + lines[block_end(lines, i) :]


def insert_text(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    odd = draw(st.lists(st.sampled_from(ODD_TEXT) | st.text(max_size=4), min_size=1, max_size=4))
    return text[:at] + "".join(odd) + text[at:]


LINE_MUTATIONS: dict[str, Callable[[Draw, Lines], Lines]] = {
    "delete": delete_key,
    "rename": rename_key,
    "duplicate": duplicate_key,
    "swap": swap_value,
    "huge-number": huge_number,
    "deep": deep_nesting,
}


@st.composite
def mutated(draw: Draw) -> tuple[str, bytes, list[str]]:
    """(example name, mutated bytes, what was done to it)."""
    name: str = draw(st.sampled_from(sorted(EXAMPLE_TEXTS)))
    text = EXAMPLE_TEXTS[name]
    done: list[str] = []
    kinds = [*LINE_MUTATIONS, "insert", "truncate", "bytes"]
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=3)):
        done.append(kind)
        if kind in LINE_MUTATIONS:
            text = "\n".join(LINE_MUTATIONS[kind](draw, text.split("\n")))
        elif kind == "insert":
            text = insert_text(draw, text)
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate makes invalid UTF-8
    if "bytes" in done:
        at: int = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return name, data, done


FORMATS = ["json", "concise", "rich", "sarif", "markdown"]
COMMANDS = st.just(["validate"]) | st.sampled_from(FORMATS).map(
    lambda fmt: ["assess", "--as-of", "2026-11-26", "--format", fmt]
)


def _no_constant(name: str) -> object:
    raise AssertionError(f"JSON output holds {name}, which is not JSON")


def check(code: int, stdout: str, stderr: str, what: object, fmt: str | None = None) -> None:
    assert code in (0, 1, 2), what
    assert "Traceback" not in stdout and "Traceback" not in stderr, what
    if fmt == "json":
        doc = json.loads(stdout, parse_constant=_no_constant)
        for result in doc["results"]:
            assert math.isfinite(result["score"]) and 0 <= result["score"] <= 100, what
    if code == 2:
        lines = stderr.split("\n")
        assert lines[-1] == "", (what, stderr[-500:])
        for line in lines[:-1]:
            assert LOCATED.match(line), (what, line[:500])


def _format(command: list[str]) -> str | None:
    return command[command.index("--format") + 1] if "--format" in command else None


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz")


runner = CliRunner()


@FUZZ
@given(case=mutated(), command=COMMANDS)
def test_mutated_examples_through_the_cli(
    folder: Path, case: tuple[str, bytes, list[str]], command: list[str]
) -> None:
    name, content, done = case
    path = folder / name
    path.write_bytes(content)
    args = [*command, str(path)]
    result = runner.invoke(app, args)
    what = (args, done, content[:300])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        what,
        repr(result.exception),
    )
    check(result.exit_code, result.stdout, result.stderr, what, _format(command))
    event(f"exit {result.exit_code}")  # see: pytest --hypothesis-show-statistics


@settings(FUZZ, max_examples=8)
@given(case=mutated(), command=COMMANDS)
def test_mutated_examples_through_a_real_process(
    folder: Path, case: tuple[str, bytes, list[str]], command: list[str]
) -> None:
    name, content, done = case
    path = folder / f"process-{name}"
    path.write_bytes(content)
    args = [*command, str(path)]
    proc = subprocess.run(
        [sys.executable, "-m", "partnercheck", *args],
        capture_output=True,
        timeout=30,
        check=False,
    )
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    check(proc.returncode, stdout, stderr, (args, done, content[:300]), _format(command))


def test_infinite_amount_never_reaches_the_report(folder: Path) -> None:
    path = folder / "infinite.yaml"
    path.write_text(EXAMPLE_TEXTS["riverside.yaml"].replace("amount: 250000", "amount: .inf"))
    result = runner.invoke(app, ["assess", "--as-of", "2026-11-26", "--format", "json", str(path)])
    check(result.exit_code, result.stdout, result.stderr, "amount: .inf", "json")
    assert not re.search(r"\b(?:nan|inf)\b", result.stdout, re.IGNORECASE), result.stdout
