"""The one-way architecture: load -> model -> rules -> scoring -> reporters -> app -> cli.

A module may import from its own layer or the layers before it, never after: a
reporter that reached into app/ could read files, and a rule that reached into a
reporter would tie judgement to presentation.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "partnercheck"
# Each layer may not import the packages listed for it.
FORBIDDEN = {
    "load": ("model", "rules", "scoring", "reporters", "app", "cli", "engine"),
    "model": ("rules", "scoring", "reporters", "app", "cli", "engine"),
    "analysis": ("scoring", "reporters", "app", "cli", "engine"),
    "rules": ("scoring", "reporters", "app", "cli", "engine"),
    "scoring": ("reporters", "app", "cli", "engine"),
    "reporters": ("app", "cli"),
    "textsafe": ("load", "model", "rules", "scoring", "reporters", "app", "cli", "engine"),
    "app": ("cli",),
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_layer_imports_a_later_one(layer: str) -> None:
    wrong = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in _imports(path):
            parts = module.split(".")
            if parts[0] == "partnercheck" and len(parts) > 1 and parts[1] in FORBIDDEN[layer]:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert not wrong, wrong
