"""PC1xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from partnercheck.results import FileResult
from tests.conftest import AS_OF, assess_changed, element, fired


def test_pc101_without_goals_costs_the_whole_element_once() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("goals")
        d["evaluation"].pop("kpis")

    result = assess_changed(change)
    [finding] = fired(result, "PC101")
    assert finding.location is None and finding.severity == "error"
    assert finding.points == 100.0
    assert element(result, "goals") == 0.0
    # One gap, one price: no goal or partner rule of the element adds to it.
    assert [f.rule for f in result.findings if f.element == "goals"] == ["PC101"]


def test_pc101_when_every_goal_is_dropped() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["status"] = "dropped"

    [finding] = fired(assess_changed(change), "PC101")
    assert finding.message == "Every goal has been dropped; no shared goal is being pursued"


def test_goal_rules_name_the_goal_missing_each_piece() -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("indicator", "baseline", "target", "due", "owner"):
            d["goals"][1].pop(key)
        d["evaluation"]["kpis"][1].pop("goal")  # no KPI stands in for the goal's figures

    result = assess_changed(change)
    for rule_id in ("PC102", "PC103", "PC104", "PC105", "PC106"):
        [finding] = fired(result, rule_id)
        assert finding.subject == "G2" and "G2" in finding.message
        assert finding.location is not None and finding.location.path == "goals[1]"
        assert "Increase the share of people" in finding.text  # the goal by name


@pytest.mark.parametrize(
    ("rule_id", "points"), [("PC102", 6.0), ("PC103", 2.5), ("PC104", 6.0), ("PC105", 4.0)]
)
def test_a_goal_rule_costs_its_points_shared_between_goals(rule_id: str, points: float) -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("indicator", "baseline", "target", "due"):
            d["goals"][1].pop(key)
        d["evaluation"]["kpis"][1].pop("goal")

    [finding] = fired(assess_changed(change), rule_id)
    assert finding.points == points  # half of the rule: one of two goals


def test_a_goal_is_named_by_the_first_eight_words_of_its_objective() -> None:
    [finding] = fired(assess_changed(lambda d: d["goals"][1].pop("owner")), "PC106")
    assert finding.text == "Goal “Increase the share of people living at home…” has no owner"
    assert finding.message == "Goal G2 has no owner"  # CI formats keep the id


def test_a_goal_of_eight_words_is_named_in_full() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][1]["objective"] = "Keep people living at home after reablement ends"
        d["goals"][1].pop("owner")

    [finding] = fired(assess_changed(change), "PC106")
    assert finding.text == "Goal “Keep people living at home after reablement ends” has no owner"


def test_a_kpi_measuring_the_goal_supplies_its_indicator_baseline_and_target() -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("indicator", "baseline", "target"):
            d["goals"][1].pop(key)

    result = assess_changed(change)
    assert not fired(result, "PC102") and not fired(result, "PC103") and not fired(result, "PC104")


@pytest.mark.parametrize(("readings", "fires"), [(1, True), (2, False)])
def test_pc103_takes_a_baseline_from_the_first_of_two_readings(readings: int, fires: bool) -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][1].pop("baseline")
        kpi = d["evaluation"]["kpis"][1]
        kpi.pop("baseline")
        kpi.pop("current")
        both = [{"date": date(2025, 9, 30), "value": 79}, {"date": date(2026, 9, 30), "value": 81}]
        kpi["readings"] = both[-readings:]

    assert bool(fired(assess_changed(change), "PC103")) is fires


def test_pc107_fires_for_a_goal_only_one_partner_agreed() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["shared_by"] = ["trust"]

    [finding] = fired(assess_changed(change), "PC107")
    assert finding.message == "Goal G1 is agreed only by trust"
    assert finding.text.endswith("is agreed only by Test Hospital Trust")
    assert finding.challenge == "conflict"


def test_pc107_is_quiet_for_two_partners() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["shared_by"] = ["trust", "carers"]

    assert not fired(assess_changed(change), "PC107")


def test_pc108_fires_the_day_after_the_due_date_without_a_result() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["due"] = date(2026, 11, 25)
        d["evaluation"]["kpis"][0].pop("current")  # no evidence of the result

    [finding] = fired(assess_changed(change), "PC108")
    assert finding.message == "Goal G1 was due on 2026-11-25 and no result is recorded"
    assert "days ago" not in finding.message  # a stable message: it does not change daily
    assert not fired(assess_changed(change, as_of=date(2026, 11, 25)), "PC108")


def test_pc108_is_quiet_once_the_result_is_recorded() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["due"] = date(2026, 1, 31)
        d["goals"][0]["status"] = "met"

    result = assess_changed(change)
    assert not fired(result, "PC108") and not fired(result, "PC111")


def test_pc109_fires_for_a_partner_in_no_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["shared_by"] = ["council", "trust"]

    [finding] = fired(assess_changed(change), "PC109")
    assert finding.message == "Partner carers shares no goal"
    assert finding.location is not None and finding.location.path == "partners[2]"


def test_pc109_counts_a_goal_the_partner_works_on_in_a_workstream() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["shared_by"] = ["council", "trust"]
        d["workstreams"] = [
            {"id": "WS1", "name": "Reablement", "partners": ["carers"], "goals": ["G1"]}
        ]

    assert not fired(assess_changed(change), "PC109")


def test_pc110_fires_for_a_partner_without_benefits() -> None:
    [finding] = fired(assess_changed(lambda d: d["partners"][1].pop("benefits")), "PC110")
    assert finding.message == "Partner trust has no stated benefit"


def test_a_partner_that_has_left_is_not_expected_to_share_goals_or_benefit() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][2]["left"] = date(2026, 6, 30)
        d["partners"][2].pop("benefits")
        for goal in d["goals"]:
            goal["shared_by"] = ["council", "trust"]

    result = assess_changed(change)
    assert not fired(result, "PC109") and not fired(result, "PC110")


@pytest.mark.parametrize(("status", "said"), [("on-track", "on track"), ("met", "met")])
def test_pc112_fires_for_a_recorded_status_with_no_kpi_figures(status: str, said: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = status
        d["evaluation"]["kpis"][0].pop("current")

    [finding] = fired(assess_changed(change), "PC112")
    assert finding.message == (
        f"Goal G1 is recorded as {said} but no KPI figures are on record to show it"
    )
    assert finding.location is not None and finding.location.path == "goals[0].status"
    assert (finding.severity, finding.points, finding.subject) == ("info", 0.0, "G1")


def test_pc112_stays_quiet_when_a_kpi_reading_backs_the_status() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = "on-track"
        kpi = d["evaluation"]["kpis"][0]
        kpi.pop("current")
        kpi["readings"] = [{"date": date(2026, 9, 30), "value": 320}]

    assert not fired(assess_changed(change), "PC112")


def test_pc112_leaves_an_off_track_status_alone() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = "off-track"  # an admission needs no figures to be believed
        d["evaluation"]["kpis"][0].pop("current")

    assert not fired(assess_changed(change), "PC112")


@pytest.mark.parametrize(("field", "expected"), [("joined", True), ("left", False)])
def test_a_partner_joining_on_the_assessment_date_counts_and_one_leaving_does_not(
    field: str, expected: bool
) -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][2][field] = AS_OF
        d["partners"][2].pop("benefits")

    assert bool(fired(assess_changed(change), "PC110")) is expected


def test_goal_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC1")]


def test_goals_on_course_are_one_strength(sound_result: FileResult) -> None:
    [text] = [s.text for s in sound_result.strengths if s.element == "goals"]
    assert text.startswith("2 of 2 goals are met or on course, with figures to show it: “Reduce")


def test_one_goal_on_course_reads_in_the_singular() -> None:
    result = assess_changed(lambda d: d["goals"][1].update(status="off-track"))
    [text] = [s.text for s in result.strengths if s.element == "goals"]
    assert text.startswith("1 of 2 goals is met or on course")


@pytest.mark.parametrize("status", ["met", "missed"])
def test_a_settled_goal_is_not_asked_for_a_baseline_or_target(status: str) -> None:
    def change(d: dict[str, Any]) -> None:
        goal, kpi = d["goals"][1], d["evaluation"]["kpis"][1]
        goal["status"] = status
        for field in ("baseline", "target"):
            goal.pop(field, None)
            kpi.pop(field, None)

    result = assess_changed(change)
    assert not fired(result, "PC103") and not fired(result, "PC104")
