"""Documentation generated from code stays in step with it."""

from __future__ import annotations

from partnercheck.rulebook import rubric_markdown
from partnercheck.rules import REGISTRY
from tests.conftest import ROOT


def test_rubric_matches_the_rule_registry() -> None:
    published = (ROOT / "docs" / "rubric.md").read_text(encoding="utf-8")
    assert published == rubric_markdown(), (
        "docs/rubric.md is stale; regenerate: partnercheck rules --format markdown > docs/rubric.md"
    )


def test_every_rule_is_fully_documented() -> None:
    for rule in REGISTRY.values():
        assert rule.title and rule.rationale and rule.recommendation, rule.id
        assert len(rule.rationale) > 40, f"{rule.id}: give a reason from partnership practice"


def test_every_rule_has_an_example_that_is_valid_yaml() -> None:
    import yaml

    for rule in REGISTRY.values():
        assert rule.example, f"{rule.id}: `partnercheck rule {rule.id}` promises an example"
        assert isinstance(yaml.safe_load(rule.example), dict), rule.id


def test_rule_ids_follow_the_blocks() -> None:
    blocks = {
        "1": "goals",
        "2": "vision",
        "3": "communication",
        "4": "resources",
        "5": "roles",
        "6": "evaluation",
    }
    for rule in REGISTRY.values():
        digit = rule.id[2]
        if digit in blocks:
            assert rule.element is not None and rule.element.value == blocks[digit], rule.id
        elif digit == "7":
            assert rule.challenge is not None, f"{rule.id}: the 7xx block is for challenges"


def _model_fields() -> set[str]:
    import inspect

    from pydantic import BaseModel

    from partnercheck.model import partnership

    names = set()
    for _, cls in inspect.getmembers(partnership, inspect.isclass):
        if issubclass(cls, BaseModel) and cls.__module__ == partnership.__name__:
            names |= set(cls.model_fields)
    return names


def test_the_format_reference_has_a_table_row_for_every_field() -> None:
    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    missing = sorted(name for name in _model_fields() if f"| `{name}` |" not in reference)
    assert not missing, f"docs/format.md does not describe: {missing}"


def test_every_yaml_example_in_the_format_reference_parses() -> None:
    import re

    import yaml

    reference = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", reference, re.S)
    assert len(blocks) >= 15  # the pattern still finds the examples
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict), block
