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
