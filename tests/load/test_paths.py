"""Small files are composed in C and unfolded on demand; large ones are walked as events.

Both ways must give the same data, the same positions and the same errors
(the other loader tests run on both); these tests cover what differs.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from partnercheck.errors import InputErrors
from partnercheck.load import yaml_source
from partnercheck.load.nodes import MappingNode, Node, ScalarNode, SequenceNode, to_data
from partnercheck.load.yaml_source import COMPOSE_UP_TO_CHARS, parse
from tests.conftest import EXAMPLES, SOUND


def test_composed_nodes_are_built_only_when_asked_for() -> None:
    root = parse("a:\n  b: [1, {c: 2}]\n", "f.yaml")
    assert root.source is not None  # nothing unfolded yet
    a = root.values["a"]
    assert root._keys is None  # key nodes are built only when a key is pointed at
    assert (root.keys["a"].line, root.keys["a"].column) == (1, 1)
    assert root.source is None  # keys and values built: the composed YAML is let go
    assert isinstance(a, MappingNode) and a.source is not None
    b = a.values["b"]
    assert isinstance(b, SequenceNode)
    c = b.items[1]
    assert isinstance(c, MappingNode)
    assert (c.line, c.column, c.end_line, c.end_column) == (2, 10, 2, 16)
    assert c.data is to_data(root)["a"]["b"][1]  # one data tree, shared with validation


def test_a_large_file_is_walked_as_events_with_every_node_built() -> None:
    item = "  - {name: item%d, note: " + "n" * 80 + "}\n"
    text = "a: x\nitems:\n" + "".join(item % i for i in range(12_000))
    assert len(text) > COMPOSE_UP_TO_CHARS
    root = parse(text, "f.yaml")
    assert root.source is None and root._values is not None  # nothing composed
    items = root.values["items"]
    assert isinstance(items, SequenceNode) and items.source is None
    assert items.items[-1].line == 12_002
    assert to_data(root)["items"][-1] == {"name": "item11999", "note": "n" * 80}


def _positions(node: Node) -> list[Any]:
    """Every node's position and value, keys included, in document order."""
    out: list[Any] = [(type(node).__name__, node.line, node.column, node.end_line, node.end_column)]
    if isinstance(node, MappingNode):
        for key, value in node.values.items():
            out += _positions(node.keys[key]) + _positions(value)
    elif isinstance(node, SequenceNode):
        for item in node.items:
            out += _positions(item)
    else:
        assert isinstance(node, ScalarNode)
        out.append(node.value)
    return out


@pytest.mark.parametrize("path", [*sorted(EXAMPLES.glob("*.yaml")), SOUND], ids=lambda p: p.name)
def test_both_ways_give_the_same_nodes(path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    composed = parse(text, path.name)
    monkeypatch.setattr(yaml_source, "_use_composer", lambda text: False)
    streamed = parse(text, path.name)
    assert _positions(composed) == _positions(streamed)
    assert to_data(composed) == to_data(streamed)


class TestWithoutLibyaml:
    """PyYAML's pure-Python parser, walked as events: slower, equally safe."""

    @pytest.fixture(autouse=True)
    def pure_python(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(yaml_source, "_use_composer", lambda text: False)
        monkeypatch.setattr(yaml_source, "_parser", yaml_source._PyParser)

    def error_of(self, text: str) -> str:
        with pytest.raises(InputErrors) as info:
            parse(text, "f.yaml")
        [error] = info.value.errors
        return error.render()

    def test_reads_the_examples_as_libyaml_does(self) -> None:
        from tests.load.test_yaml_source import _as_yaml_1_2

        for path in [*sorted(EXAMPLES.glob("*.yaml")), SOUND]:
            text = path.read_text(encoding="utf-8")
            assert to_data(parse(text, path.name)) == _as_yaml_1_2(yaml.safe_load(text)), path

    def test_refuses_what_libyaml_refuses(self) -> None:
        assert self.error_of("a: &x [*x]\n") == "f.yaml:1:8: alias *x refers to itself"
        assert self.error_of("a: " + "[" * 100_000 + "\n") == (
            "f.yaml:1:53: nesting is deeper than 50 levels"
        )
        assert self.error_of("a: !!python/name:os.system\n").startswith("f.yaml:1:4: tag ")
        lines = ["a0: &a0 [" + ", ".join(["x"] * 10) + "]"]
        lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
        assert "alias bomb" in self.error_of("\n".join(lines) + "\n")

    def test_syntax_errors_are_located(self) -> None:
        assert self.error_of("a:\n  name: Alliance: the sequel\n").startswith(
            "f.yaml:2:17: invalid YAML: "
        )
