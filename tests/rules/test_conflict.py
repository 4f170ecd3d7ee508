"""PC70x (conflict): each rule fires on a minimal break of the sound partnership and stays quiet."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult
from partnercheck.rules.conflict import LARGE, overarching_needed
from tests.conftest import assess_changed, fired


def test_a_goal_nobody_else_shares_is_priced_once_by_pc107() -> None:
    # Goals signed by one partner each: one gap (unshared goals), one rule.
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(owner="council", shared_by=["council"])
        d["goals"][1].update(owner="trust", shared_by=["trust"])

    result = assess_changed(change)
    assert len(fired(result, "PC107")) == 2
    assert fired(result, "PC109")  # carers is in no goal at all: a different gap
    assert "PC701" not in {f.rule for f in result.findings}


def test_pc702_is_quiet_without_goals() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    assert not fired(assess_changed(change), "PC702")


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


def test_pc702_asks_only_half_of_a_large_partnership_to_share_one_goal() -> None:
    def grow(d: dict[str, Any], shared: int) -> None:
        d["partners"] += [
            {
                "id": f"p{i}",
                "name": f"P{i}",
                "benefits": ["x"],
                "contributions": [{"type": "expertise"}],
            }
            for i in range(2)
        ]  # five partners: council, trust, carers, p0, p1
        ids = ["council", "trust", "carers", "p0", "p1"][:shared]
        for goal in d["goals"]:
            goal.update(owner=ids[0], shared_by=ids)

    assert fired(assess_changed(lambda d: grow(d, LARGE // 2)), "PC702")
    assert not fired(assess_changed(lambda d: grow(d, -(-LARGE // 2))), "PC702")
    assert overarching_needed(LARGE - 1) == LARGE - 1  # below it, every partner


def test_pc702_counts_the_owner_as_sharing_the_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(owner="carers", shared_by=["council", "trust"])

    assert not fired(assess_changed(change), "PC702")


def test_conflict_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC70")]


def test_pc702_asks_both_partners_of_two_to_share_a_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"] = d["partners"][:2]
        d["goals"][0]["shared_by"] = ["trust"]
        d["goals"][1]["shared_by"] = ["council"]
        d["vision"]["agreed_by"] = ["council", "trust"]
        d["evaluation"]["involves"] = ["council", "trust"]
        d["roles"] = d["roles"][:2]
        for meeting in d["communication"]["meetings"]:
            meeting["attendees"] = ["council", "trust"]
        d["governance"]["decision_making"]["votes"] = {"council": 1, "trust": 1, "forum": 1}

    [finding] = fired(assess_changed(change), "PC702")
    assert finding.message == (
        "No goal is shared by all 2 partners; the most widely shared, G1, has 1"
    )
