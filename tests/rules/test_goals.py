"""PC1xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from datetime import date
from typing import Any

from partnercheck.results import FileResult
from tests.conftest import assess_changed, fired


def test_pc101_fires_without_goals_and_points_nowhere() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    result = assess_changed(change)
    [finding] = fired(result, "PC101")
    assert finding.location is None
    assert finding.severity == "error"


def test_pc101_points_at_an_empty_goals_list() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"] = []
        d["evaluation"].pop("kpis")

    [finding] = fired(assess_changed(change), "PC101")
    assert finding.location is not None and finding.location.path == "goals"


def test_pc102_to_pc106_name_the_goal_missing_each_piece() -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("indicator", "baseline", "target", "due", "owner"):
            d["goals"][1].pop(key)

    result = assess_changed(change)
    for rule_id in ("PC102", "PC103", "PC104", "PC105", "PC106"):
        [finding] = fired(result, rule_id)
        assert "G2" in finding.message
        assert finding.location is not None and finding.location.path == "goals[1]"
        assert "G2" in finding.recommendation


def test_pc107_fires_for_a_goal_only_one_partner_agreed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["shared_by"] = ["trust"]

    [finding] = fired(assess_changed(change), "PC107")
    assert finding.message == "Goal G1 is agreed only by trust"
    assert finding.challenge == "conflict"


def test_pc108_fires_once_the_due_date_has_passed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["due"] = date(2026, 1, 31)

    [finding] = fired(assess_changed(change), "PC108")
    assert "299 days ago" in finding.message
    assert not fired(assess_changed(change, as_of=date(2026, 1, 31)), "PC108")


def test_pc109_fires_for_a_partner_in_no_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["shared_by"] = ["council", "trust"]

    [finding] = fired(assess_changed(change), "PC109")
    assert finding.message == "Partner carers shares no goal"
    assert finding.location is not None and finding.location.path == "partners[2]"


def test_pc110_fires_for_a_partner_without_benefits() -> None:
    [finding] = fired(assess_changed(lambda d: d["partners"][1].pop("benefits")), "PC110")
    assert finding.message == "Partner trust has no stated benefit"


def test_goal_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC1")]
