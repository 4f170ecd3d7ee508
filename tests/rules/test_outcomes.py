"""Outcomes: KPI trends, goal states, PC111 and PC613, and what they do to the headline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from partnercheck.analysis.outcomes import (
    BEHIND_AFTER,
    BEHIND_MARGIN,
    KpiTrend,
    goal_outcome,
    kpi_trend,
)
from partnercheck.model.partnership import Goal, Kpi
from tests.conftest import AS_OF, assess_changed, element, fired


def kpi(**fields: Any) -> Kpi:
    return Kpi.model_validate({"name": "Gap (years)", **fields})


def trend(k: Kpi, goal: Goal | None = None, start: date | None = None) -> str:
    return kpi_trend(k, goal, AS_OF, start).state


def test_the_issue_example_moves_away_from_its_target() -> None:
    readings = [
        {"date": "2024-03-31", "value": 11.0},
        {"date": "2025-03-31", "value": 11.4},
        {"date": "2026-03-31", "value": 11.8},
    ]
    t = kpi_trend(kpi(baseline=11.0, target=9.0, readings=readings), None, AS_OF)
    assert (t.state, t.better, t.current, t.previous) == ("away", "lower", 11.8, 11.4)
    assert t.evidence == "11 → 11.4 → 11.8 (target 9, lower is better)"


@pytest.mark.parametrize(
    ("fields", "state"),
    [
        ({"baseline": 10, "target": 20, "current": 20}, "met"),
        ({"baseline": 10, "target": 20, "current": 25}, "met"),
        ({"baseline": 10, "target": 20, "current": 9}, "away"),
        ({"baseline": 10, "target": 20, "current": 10}, "on-course"),
        ({"baseline": 10, "target": 20}, "unknown"),
        ({"baseline": 10, "current": 12}, "unknown"),
        ({"baseline": 10, "target": 10, "current": 12}, "unknown"),  # no direction
        ({"baseline": 10, "target": 10, "current": 12, "better": "higher"}, "met"),
    ],
)
def test_kpi_states(fields: dict[str, Any], state: str) -> None:
    assert trend(kpi(**fields)) == state


def test_a_kpi_that_slipped_back_at_its_latest_reading_is_slipping() -> None:
    readings = [{"date": "2025-01-01", "value": 14}, {"date": "2026-01-01", "value": 15}]
    assert trend(kpi(baseline=18, target=12, readings=readings)) == "slipping"


def test_a_kpi_unchanged_since_its_last_reading_is_not_slipping() -> None:
    readings = [{"date": "2025-01-01", "value": 14}, {"date": "2026-01-01", "value": 14}]
    assert trend(kpi(baseline=18, target=12, readings=readings)) == "on-course"


def test_one_reading_alone_gives_no_direction() -> None:
    assert trend(kpi(target=20, readings=[{"date": "2026-01-01", "value": 14}])) == "unknown"


@pytest.mark.parametrize(
    ("values", "evidence"),
    [
        ([11, 12, 13], "10 → 11 → 12 → 13 (target 20, higher is better)"),
        ([10.5, 11, 12, 13], "10 … 11 → 12 → 13 (target 20, higher is better)"),
    ],
)
def test_kpi_evidence_shows_the_start_and_the_latest_three(
    values: list[float], evidence: str
) -> None:
    readings = [{"date": date(2022 + i, 1, 1), "value": v} for i, v in enumerate(values)]
    assert kpi_trend(kpi(baseline=10, target=20, readings=readings), None, AS_OF).evidence == (
        evidence
    )


def test_the_first_reading_is_the_baseline_when_none_is_given() -> None:
    readings = [{"date": "2025-01-01", "value": 10}, {"date": "2026-01-01", "value": 9}]
    assert trend(kpi(target=20, readings=readings)) == "away"


def _behind(progress: float, elapsed: float) -> str:
    """A KPI ``progress`` of the way to target, ``elapsed`` of the time from start to due."""
    start = date(2020, 1, 1)
    span = 1000
    due = date.fromordinal(start.toordinal() + span)
    as_of = date.fromordinal(start.toordinal() + round(elapsed * span))
    goal = Goal(id="G1", objective="x", due=due)
    k = kpi(baseline=0, target=100, current=progress * 100)
    return kpi_trend(k, goal, as_of, start).state


def test_behind_fires_only_when_progress_trails_time_by_the_margin() -> None:
    assert _behind(0.5 - BEHIND_MARGIN - 0.01, 0.5) == "behind"
    assert _behind(0.5 - BEHIND_MARGIN + 0.01, 0.5) == "on-course"


def test_behind_waits_until_enough_time_has_gone() -> None:
    assert _behind(0.0, BEHIND_AFTER - 0.01) == "on-course"
    assert _behind(0.0, BEHIND_AFTER + 0.01) == "behind"


# Documented numbers, not the constants: a test written from BEHIND_MARGIN would move with it.
@pytest.mark.parametrize(
    ("progress", "elapsed", "state"),
    [
        (0.24, 0.5, "behind"),  # half the time gone, under a quarter of the way: 0.26 behind
        (0.26, 0.5, "on-course"),  # 0.24 behind the pace: within the margin
        (0.0, 0.24, "on-course"),  # too early to judge a pace
        (0.0, 0.26, "behind"),  # a quarter of the time gone and nothing to show
    ],
)
def test_a_kpi_is_behind_when_it_trails_the_time_gone_by_a_quarter(
    progress: float, elapsed: float, state: str
) -> None:
    assert _behind(progress, elapsed) == state


def test_a_kpi_trailing_the_time_by_exactly_a_quarter_is_behind() -> None:
    assert _behind(0.25, 0.5) == "behind"


def goal(**fields: Any) -> Goal:
    return Goal.model_validate({"id": "G1", "objective": "x", **fields})


@pytest.mark.parametrize(
    ("fields", "kpi_states", "state"),
    [
        ({"status": "dropped"}, [], "dropped"),
        ({"status": "met"}, ["away"], "met"),
        ({"status": "missed"}, [], "missed"),
        ({}, ["met", "met"], "met"),
        ({}, ["met", "away"], "moving-away"),
        ({}, ["behind"], "off-track"),
        ({}, ["slipping"], "slipping"),
        ({"status": "on-track"}, ["away"], "moving-away"),  # the figures win
        ({"status": "on-track"}, ["behind"], "on-track"),  # a projection: the judgement stands
        ({"status": "on-track"}, [], "on-track"),
        ({"status": "off-track"}, [], "off-track"),
        ({"due": "2026-01-01"}, [], "overdue"),
        ({"due": "2026-01-01"}, ["on-course"], "missed"),  # past due, short of target
        ({"due": "2026-01-01", "status": "off-track"}, [], "missed"),
        ({}, ["on-course"], "on-track"),
        ({}, ["on-course", "unknown"], "on-track"),  # a new KPI not yet measured
        ({}, ["unknown", "unknown"], "unknown"),
        ({}, [], "unknown"),
    ],
)
def test_goal_states(fields: dict[str, Any], kpi_states: list[str], state: str) -> None:
    trends = [
        (i, KpiTrend(s, None, None, None, None, None, None, ""))  # type: ignore[arg-type]
        for i, s in enumerate(kpi_states)
    ]
    assert goal_outcome(goal(**fields), trends, AS_OF).state == state


def _kpi_away(d: dict[str, Any]) -> None:
    d["evaluation"]["kpis"][0]["current"] = 420  # delayed discharges rose from 400


def test_pc111_fires_for_a_goal_whose_kpi_moved_away_and_costs_eighty_percent() -> None:
    [finding] = fired(assess_changed(_kpi_away), "PC111")
    assert finding.message.startswith(
        "Goal G1 is moving away from its target: a KPI has fallen back past its starting point"
    )
    assert "400 → 420 (target 250, lower is better)" in finding.message
    assert finding.points == 26.0  # 65 points / 2 goals * 0.8


def test_pc111_costs_an_off_track_goal_sixty_percent() -> None:
    [finding] = fired(assess_changed(lambda d: d["goals"][0].update(status="off-track")), "PC111")
    assert finding.points == 19.5


def test_pc111_costs_a_missed_goal_its_full_share() -> None:
    [finding] = fired(assess_changed(lambda d: d["goals"][0].update(status="missed")), "PC111")
    assert finding.points == 32.5 and "was missed" in finding.message


def test_pc111_advice_asks_for_a_review_when_nothing_is_being_done() -> None:
    [finding] = fired(assess_changed(_kpi_away), "PC111")
    assert finding.recommendation.startswith("Review G1 with all partners")


def test_pc111_advice_acknowledges_an_open_action_aimed_at_the_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        _kpi_away(d)
        d["evaluation"]["improvements"] = [
            {"action": "Recovery plan for G1 with the discharge team", "status": "in-progress"}
        ]

    [finding] = fired(assess_changed(change), "PC111")
    assert finding.recommendation.startswith(
        "Check with all partners that the open action “Recovery plan for G1 with the "
        "discharge team” is enough to bring G1 back on course"
    )
    assert "back on course" in finding.advice


def _kpi_away_with(action: dict[str, Any]) -> Any:
    def change(d: dict[str, Any]) -> None:
        _kpi_away(d)
        d["evaluation"]["improvements"] = [action]

    return change


def test_one_shared_word_does_not_aim_an_action_at_a_goal() -> None:
    # G1 is about delayed discharges of older patients; a board seat shares only "older".
    action = {"action": "Add an older carers' representative to the board", "status": "open"}
    [finding] = fired(assess_changed(_kpi_away_with(action)), "PC111")
    assert finding.recommendation.startswith("Review G1 with all partners")
    assert fired(assess_changed(_kpi_away_with(action)), "PC614")


def test_one_shared_word_counts_only_when_it_is_the_goals_subject() -> None:
    huddle = {"action": "Daily discharge huddle on every ward", "status": "open"}
    # "discharge" is in G1's objective and its KPI's name: the goal's subject.
    assert not fired(assess_changed(_kpi_away_with(huddle)), "PC614")

    def kpi_renamed(d: dict[str, Any]) -> None:
        _kpi_away_with(huddle)(d)
        d["evaluation"]["kpis"][0]["name"] = "Bed days lost per month"

    # Measured otherwise, "discharge" is one word of the objective only.
    assert fired(assess_changed(kpi_renamed), "PC614")


def test_an_action_linked_to_the_goal_counts_whatever_its_words() -> None:
    action = {"action": "Commission a community programme", "status": "open", "goals": ["G1"]}
    result = assess_changed(_kpi_away_with(action))
    [finding] = fired(result, "PC111")
    assert finding.recommendation.startswith(
        "Check with all partners that the open action “Commission a community programme”"
    )
    assert not fired(result, "PC614")


def test_two_shared_words_make_a_likely_aim_said_as_such() -> None:
    action = {"action": "Seven-day discharges pilot on the delayed wards", "status": "open"}
    [finding] = fired(assess_changed(_kpi_away_with(action)), "PC111")
    assert finding.recommendation.startswith(
        "Check with all partners whether the open action “Seven-day discharges pilot"
    )


def test_a_stalled_action_for_the_goal_is_said_to_be_stalled() -> None:
    action = {"action": "Recovery plan for G1", "status": "open", "due": date(2025, 6, 30)}
    [finding] = fired(assess_changed(_kpi_away_with(action)), "PC111")
    assert finding.recommendation.startswith(
        "The action meant to turn G1 round, “Recovery plan for G1”, was due on 2025-06-30 "
        "and is not done: restart it with an owner and a new date, or replace it"
    )


def test_pc111_costs_a_slipping_goal_a_quarter_of_its_share() -> None:
    def change(d: dict[str, Any]) -> None:
        kpi = d["evaluation"]["kpis"][0]
        kpi.pop("current")
        kpi["readings"] = [
            {"date": date(2026, 6, 30), "value": 300},
            {"date": date(2026, 9, 30), "value": 320},  # delayed discharges rose again
        ]

    [finding] = fired(assess_changed(change), "PC111")
    assert finding.message.startswith("Goal G1 is slipping: a KPI slipped back")
    assert finding.points == 8.12  # 65 points / 2 goals * 0.25


def _unlinked_kpis(*kpis: dict[str, Any]) -> Any:
    return lambda d: d["evaluation"]["kpis"].extend(kpis)


def _met_goal_kpi_far_behind(d: dict[str, Any]) -> None:
    d["goals"][0]["status"] = "met"  # its KPI is then PC613's to judge
    d["evaluation"]["kpis"][0]["current"] = 390  # 7% of the way with 63% of the time gone


@pytest.mark.parametrize(
    ("change", "points"),
    [
        # Two KPIs judged by PC613, one worse than its baseline: its full half of 15 points.
        (
            _unlinked_kpis(
                {"name": "Complaints", "baseline": 10, "target": 5, "current": 12},
                {"name": "Compliments", "baseline": 10, "target": 20, "current": 12},
            ),
            7.5,
        ),
        # One KPI judged, well behind its pace: 60% of 15 points.
        (_met_goal_kpi_far_behind, 9.0),
        # One KPI judged, slipped back at its latest reading: a quarter of 15 points.
        (
            _unlinked_kpis(
                {
                    "name": "Complaints",
                    "baseline": 10,
                    "target": 5,
                    "readings": [
                        {"date": date(2026, 3, 31), "value": 7},
                        {"date": date(2026, 9, 30), "value": 8},
                    ],
                }
            ),
            3.75,
        ),
    ],
    ids=["away", "behind", "slipping"],
)
def test_pc613_prices_a_kpi_by_how_far_it_is_going_wrong(change: Any, points: float) -> None:
    [finding] = fired(assess_changed(change), "PC613")
    assert finding.points == points


def test_a_new_unmeasured_kpi_does_not_erase_a_goals_track_record() -> None:
    def change(d: dict[str, Any]) -> None:
        readmissions = {"name": "Readmissions within 30 days", "goal": "G1", "baseline": 12}
        d["evaluation"]["kpis"].append({**readmissions, "target": 9})

    result = assess_changed(change)
    assert [g.state for g in result.goals] == ["on-track", "on-track"]
    assert result.cap is None


def _first_read_on_its_due_date(d: dict[str, Any]) -> None:
    d["goals"][0]["due"] = date(2026, 9, 30)
    kpi = d["evaluation"]["kpis"][0]
    kpi.pop("current")
    kpi["readings"] = [{"date": date(2026, 9, 30), "value": 320}]  # short of 250


def test_a_reading_on_the_due_date_shows_the_goal_missed() -> None:
    # Figures from the due date on decide; a first reading on that date leaves no pace to
    # judge, and must not divide by the zero days between them.
    result = assess_changed(_first_read_on_its_due_date)
    assert [g.state for g in result.goals] == ["missed", "on-track"]
    [finding] = fired(result, "PC111")
    assert finding.message.startswith("Goal G1 was missed")


@pytest.mark.parametrize(
    ("judged", "state"),
    [(date(2026, 9, 30), "on-track"), (date(2026, 9, 29), "off-track")],
)
def test_a_status_judged_on_the_day_of_the_latest_reading_stands(judged: date, state: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0].update(status="on-track", status_date=judged)
        kpi = d["evaluation"]["kpis"][0]
        kpi.pop("current")
        kpi["readings"] = [
            {"date": date(2025, 6, 30), "value": 395},
            {"date": date(2026, 9, 30), "value": 390},  # far behind the pace
        ]

    assert assess_changed(change).goals[0].state == state


def test_results_falling_short_cap_the_band() -> None:
    def change(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["status"] = "missed"

    result = assess_changed(change)
    assert result.cap is not None and result.band == "at-risk"
    # Goals is critical too; on a tie the element's reason is given.
    assert result.cap.reason == "capped at at-risk: goals is critical (35.0 of 100)"
    assert element(result, "goals") == 35.0


def _one_goal_missed_of_three(d: dict[str, Any]) -> None:
    d["goals"][1]["status"] = "on-track"  # the partners' judgement: no pace to project
    d["goals"].append({**d["goals"][1], "id": "G3"})
    d["goals"][0]["status"] = "missed"  # a shortfall of a third: developing at best


# Results short and no review for two quarterly cycles and the grace: at-risk.
@pytest.mark.parametrize(
    ("last_review", "as_of", "band"),
    [
        (date(2026, 10, 15), date(2027, 5, 1), "developing"),  # one review missed
        (date(2026, 10, 15), date(2027, 5, 2), "at-risk"),  # the second missed too
        (None, date(2025, 7, 18), "developing"),  # started 2025-01-01: 198 days, no review
        (None, date(2025, 7, 19), "at-risk"),  # 199 days
    ],
)
def test_results_short_with_no_review_for_two_cycles_cap_at_at_risk(
    last_review: date | None, as_of: date, band: str
) -> None:
    def change(d: dict[str, Any]) -> None:
        _one_goal_missed_of_three(d)
        d["evaluation"]["last_review"] = last_review
        if last_review is None:
            d["evaluation"].pop("last_review")

    result = assess_changed(change, as_of=as_of)
    assert result.band == band
    assert result.cap is not None
    assert result.cap.reason.endswith("nobody has reviewed them for two cycles") is (
        band == "at-risk"
    )


def test_a_fifth_of_the_goals_short_caps_at_developing() -> None:
    def change(d: dict[str, Any]) -> None:
        base = d["goals"][1]
        d["goals"] += [{**base, "id": f"G{i}", "status": "on-track"} for i in range(3, 6)]
        d["goals"][0]["status"] = "missed"  # one of five: a shortfall of exactly 0.2

    result = assess_changed(change)
    assert result.band == "developing" and result.cap is not None
    assert result.cap.reason.startswith("capped at developing: results fall short (1 of 5")


def test_one_goal_off_track_of_five_leaves_a_partnership_strong() -> None:
    def change(d: dict[str, Any]) -> None:
        base = d["goals"][1]
        d["goals"] += [{**base, "id": f"G{i}", "status": "on-track"} for i in range(3, 6)]
        d["goals"][0]["status"] = "off-track"  # 0.6 / 5 = 0.12, under the threshold

    result = assess_changed(change)
    assert result.band == "strong" and result.cap is None


def test_strong_needs_results_on_record() -> None:
    def change(d: dict[str, Any]) -> None:
        for k in d["evaluation"]["kpis"]:
            k.pop("current")

    result = assess_changed(change)
    assert result.band == "developing" and result.cap is not None
    assert "no track record yet (only 0 of 2 goals have a result or KPI reading on record)" in (
        result.cap.reason
    )


def test_strong_needs_a_review_held() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"].pop("last_review")
        d["partnership"]["started"] = date(2026, 10, 1)  # too young for its first review

    result = assess_changed(change)
    assert not fired(result, "PC602")
    assert result.cap is not None and "no review has been held" in result.cap.reason


def test_pc613_fires_for_an_unlinked_kpi_moving_away() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["kpis"].append(
            {"name": "Complaints", "baseline": 10, "target": 5, "current": 12}
        )

    [finding] = fired(assess_changed(change), "PC613")
    assert finding.message == (
        "KPI Complaints has moved away from its target: 10 → 12 (target 5, lower is better)"
    )


def test_pc613_leaves_kpis_of_goals_to_pc111() -> None:
    result = assess_changed(_kpi_away)
    assert not fired(result, "PC613")


def test_outcome_records_carry_kpi_movement() -> None:
    result = assess_changed(_kpi_away)
    record = result.kpis[0]
    assert (record.state, record.baseline, record.current, record.target) == (
        "away",
        400,
        420,
        250,
    )
    assert [g.state for g in result.goals] == ["moving-away", "on-track"]


@pytest.mark.parametrize(("days_left", "state"), [(92, "will-miss"), (93, "off-track")])
def test_an_off_course_goal_due_within_three_months_will_be_missed(
    days_left: int, state: str
) -> None:
    goal = Goal.model_validate(
        {
            "id": "G1",
            "objective": "Rebuild homes",
            "status": "off-track",
            "due": AS_OF + timedelta(days=days_left),
        }
    )
    assert goal_outcome(goal, [], AS_OF).state == state


def test_a_goal_that_will_be_missed_says_so_and_costs_nearly_a_missed_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = "off-track"
        d["goals"][0]["due"] = date(2026, 12, 31)  # 35 days after the assessment

    [finding] = fired(assess_changed(change), "PC111")
    assert finding.message.startswith(
        "Goal G1 will be missed unless something changes: a KPI is well behind the pace its "
        "due date needs, with 35 days left to close the gap"
    )
    assert finding.points == 29.25  # 65 points / 2 goals * 0.9


def test_failing_goals_are_not_grouped_so_each_keeps_its_state_and_figures() -> None:
    def both_off(d: dict[str, Any]) -> None:
        for goal in d["goals"]:
            goal["status"] = "off-track"

    result = assess_changed(both_off)
    assert len(fired(result, "PC111")) == 2
    assert not [g for g in result.groups if g.rule == "PC111"]
    [action] = [p for p in result.priorities if p.rule == "PC111"]
    assert action.recommendation.startswith("Review G1 and G2 with all partners")
