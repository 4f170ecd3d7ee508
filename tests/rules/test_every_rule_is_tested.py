"""Every registered rule has a test that makes it fire.

Read statically from the test sources: a rule counts as made to fire when a test that is
not marked xfail calls ``fired(result, "PCxxx")`` other than under ``not`` (directly, or
through a loop or ``parametrize`` feeding the id to ``fired``), or compares a finding's
rule with the id (``f.rule == "PCxxx"``, ``f["rule"] == "PCxxx"``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from partnercheck.rules import REGISTRY
from tests.conftest import TESTS

RULE_ID = re.compile(r"PC\d{3}")


def _ids(node: ast.AST) -> set[str]:
    """Rule ids written as string constants anywhere under ``node``."""
    return {
        n.value
        for n in ast.walk(node)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and RULE_ID.fullmatch(n.value)
    }


def _is_xfail(test: ast.FunctionDef) -> bool:
    return any("xfail" in ast.unparse(d) for d in test.decorator_list)


def _cases(test: ast.FunctionDef, name: str) -> set[str]:
    """Rule ids a loop over ``name`` or the test's parametrize cases supply."""
    found = set().union(*(_ids(d) for d in test.decorator_list))
    for loop in ast.walk(test):
        if isinstance(loop, ast.For) and ast.unparse(loop.target) == name:
            found |= _ids(loop.iter)
    return found


def _is_rule_field(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "rule"
    return isinstance(node, ast.Subscript) and ast.unparse(node.slice) in ("'rule'", '"rule"')


def fired_in(source: str) -> set[str]:
    """The rule ids the tests in ``source`` make fire."""
    found: set[str] = set()
    for test in ast.walk(ast.parse(source)):
        if not isinstance(test, ast.FunctionDef) or _is_xfail(test):
            continue
        negated = {
            id(n.operand)
            for n in ast.walk(test)
            if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not)
        }
        for node in ast.walk(test):
            if id(node) in negated:
                continue
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "fired":
                rule = node.args[1] if len(node.args) == 2 else None
                if isinstance(rule, ast.Constant):
                    found |= _ids(rule)
                elif isinstance(rule, ast.Name):
                    found |= _cases(test, rule.id)
            elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.Eq):
                left, right = node.left, node.comparators[0]
                if _is_rule_field(left) or _is_rule_field(right):
                    found |= _ids(left) | _ids(right)
    return found


def test_every_rule_has_a_test_that_makes_it_fire() -> None:
    covered = set().union(*(fired_in(p.read_text(encoding="utf-8")) for p in _test_files()))
    missing = [f"{r.id} ({r.title})" for r in REGISTRY.values() if r.id not in covered]
    assert not missing, "no test makes these rules fire: " + "; ".join(missing)


def _test_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def test_a():\n    [f] = fired(r, "PC123")', {"PC123"}),
        ('def test_a():\n    assert not fired(r, "PC123")', set()),
        ('def test_a():\n    assert fired(r, "PC123") and not fired(r, "PC124")', {"PC123"}),
        (
            'def test_a():\n    for rid in ("PC123", "PC124"):\n        fired(r, rid)',
            {"PC123", "PC124"},
        ),
        (
            '@pytest.mark.parametrize("rid", ["PC123"])\ndef test_a(rid):\n    fired(r, rid)',
            {"PC123"},
        ),
        ('def test_a():\n    [f] = [x for x in fs if x["rule"] == "PC123"]', {"PC123"}),
        ('def test_a():\n    assert finding.rule == "PC123"', {"PC123"}),
        ('def test_a():\n    assert finding.rule != "PC123"', set()),
        ('@pytest.mark.xfail(strict=True)\ndef test_a():\n    fired(r, "PC123")', set()),
        ('def test_a():\n    assert "PC123" in report', set()),
    ],
)
def test_the_scan_counts_only_tests_that_make_a_rule_fire(source: str, expected: set[str]) -> None:
    assert fired_in(source) == expected
