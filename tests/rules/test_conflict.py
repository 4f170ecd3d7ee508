"""PC70x (conflict): each rule fires on a minimal break of the sound partnership and stays quiet."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult
from tests.conftest import assess_changed, fired


def test_pc701_fires_for_a_partner_whose_goals_are_its_own() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(owner="council", shared_by=["council"])
        d["goals"][1].update(owner="trust", shared_by=["trust", "carers"])

    [finding] = fired(assess_changed(change), "PC701")
    assert finding.message == (
        "Partner council has no goal in common with any other partner (its goals: G1)"
    )
    assert finding.location is not None and finding.location.path == "partners[0]"
    assert "council" in finding.recommendation
    assert finding.challenge == "conflict"
    assert finding.element == "goals"
    assert finding.severity == "warning"


def test_pc701_leaves_a_partner_in_no_goal_to_pc109() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["shared_by"] = ["council", "trust"]

    result = assess_changed(change)
    assert fired(result, "PC109")
    assert not fired(result, "PC701")


def test_pc701_is_quiet_without_goals() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    result = assess_changed(change)
    assert not fired(result, "PC701")
    assert not fired(result, "PC702")


def test_pc702_fires_when_no_goal_is_shared_by_everyone() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(owner="trust", shared_by=["council", "trust"])
        d["goals"][1].update(owner="trust", shared_by=["trust", "carers"])

    result = assess_changed(change)
    [finding] = fired(result, "PC702")
    assert finding.message == (
        "No goal is shared by all 3 partners; the most widely shared, G1, has 2"
    )
    assert finding.location is not None and finding.location.path == "goals"
    assert finding.challenge == "conflict"
    assert not fired(result, "PC701")  # every partner shares a goal with someone


def test_pc702_counts_the_owner_as_sharing_the_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(owner="carers", shared_by=["council", "trust"])

    assert not fired(assess_changed(change), "PC702")


def test_conflict_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC70")]
