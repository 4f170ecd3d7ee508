"""PC6xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from partnercheck.results import FileResult, Finding
from tests.conftest import AS_OF, assess_changed, element, fired


def path_of(finding: Finding) -> str | None:
    return finding.location.path if finding.location else None


def evaluation(change: dict[str, Any]) -> Any:
    """A change that updates the sound partnership's evaluation section."""
    return lambda d: d["evaluation"].update(change)


def test_without_evaluation_the_element_scores_zero_on_one_finding() -> None:
    result = assess_changed(lambda d: d.pop("evaluation"))
    [finding] = fired(result, "PC601")
    assert finding.message == "No evaluation is defined: no review cycle, methods or indicators"
    assert finding.location is None and finding.points == 100.0
    assert element(result, "evaluation") == 0.0
    assert [f.rule for f in result.findings if f.element == "evaluation"] == ["PC601"]
    assert result.cap is not None and result.cap.reason.startswith(
        "capped at at-risk: evaluation is critical (0.0 of 100)"
    )


def test_pc601_fires_without_a_review_frequency() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("review_frequency")), "PC601")
    assert finding.message == "No review cycle is set"
    assert path_of(finding) == "evaluation"
    assert finding.severity == "error"


def test_pc601_fires_for_ad_hoc_reviews_and_pc602_stays_quiet() -> None:
    result = assess_changed(evaluation({"review_frequency": "ad-hoc"}))
    [finding] = fired(result, "PC601")
    assert finding.message == "Reviews are ad hoc, with no fixed cycle"
    assert path_of(finding) == "evaluation.review_frequency"
    assert not fired(result, "PC602")


def test_pc602_fires_without_a_last_review() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("last_review")), "PC602")
    assert finding.message == "No review has been recorded; the cycle is quarterly (92 days)"
    assert path_of(finding) == "evaluation"
    # Started 2025-01-01: more than two quarterly cycles without a review has lapsed.
    assert finding.severity == "error" and finding.points == 45.0


def test_pc602_waits_for_a_young_partnership_first_review() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"].pop("last_review")
        d["partnership"]["started"] = date(2026, 8, 11)  # 107 days: 92 + 14 grace + 1

    assert fired(assess_changed(change), "PC602")
    assert not fired(assess_changed(change, as_of=date(2026, 11, 25)), "PC602")


# The sound partnership's last review: 2026-10-15, quarterly (92 days), 14 days' grace.
@pytest.mark.parametrize(
    ("as_of", "points", "severity"),
    [
        (date(2027, 1, 29), None, None),  # 106 days: within the cycle and its grace
        (date(2027, 1, 30), 11.25, "warning"),  # one review missed: a quarter
        (date(2027, 5, 1), 11.25, "warning"),  # 198 days: two cycles and grace, not yet lapsed
        (date(2027, 5, 2), 45.0, "error"),  # the second review missed too: all of it, an error
    ],
)
def test_pc602_prices_a_late_review_by_how_late(
    as_of: date, points: float | None, severity: str | None
) -> None:
    found = fired(assess_changed(lambda d: None, as_of=as_of), "PC602")
    if points is None:
        assert not found
        return
    [finding] = found
    assert (finding.points, finding.severity) == (points, severity)
    assert finding.message == "The last review was on 2026-10-15; the cycle is quarterly (92 days)"


# Cycles are counted at their longest (docs/scoring.md, "Time limits"), plus 14 days' grace.
CYCLE_DAYS = {
    "weekly": 7,
    "fortnightly": 14,
    "monthly": 31,
    "bi-monthly": 62,
    "quarterly": 92,
    "twice-yearly": 183,
    "annually": 366,
    "biennially": 731,
}


@pytest.mark.parametrize("frequency", CYCLE_DAYS)
@pytest.mark.parametrize(("days_after_grace", "late"), [(0, False), (1, True)])
def test_pc602_gives_every_review_cycle_its_length_and_a_fortnight(
    frequency: str, days_after_grace: int, late: bool
) -> None:
    since = CYCLE_DAYS[frequency] + 14 + days_after_grace

    def change(d: dict[str, Any]) -> None:
        d["partnership"]["started"] = date(2020, 1, 1)
        d["evaluation"].update(review_frequency=frequency, last_review=AS_OF - timedelta(since))

    found = fired(assess_changed(change), "PC602")
    assert bool(found) is late
    if late:
        assert found[0].severity == "warning"  # one review missed, not yet lapsed


# Never reviewed: a quarterly cycle lapses after two cycles and the grace, 2 * 92 + 14 days.
@pytest.mark.parametrize(
    ("age", "points", "severity"), [(198, 11.25, "warning"), (199, 45.0, "error")]
)
def test_pc602_without_any_review_lapses_after_two_cycles(
    age: int, points: float, severity: str
) -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"].pop("last_review")
        d["partnership"]["started"] = AS_OF - timedelta(age)

    [finding] = fired(assess_changed(change), "PC602")
    assert (finding.points, finding.severity) == (points, severity)


def test_a_review_held_on_the_assessment_date_is_on_cycle() -> None:
    result = assess_changed(evaluation({"last_review": AS_OF}))
    assert "Reviews are kept on their quarterly cycle" in [s.message for s in result.strengths]


@pytest.mark.parametrize(("days", "named"), [(106, False), (107, True)])
def test_pc602_names_goal_statuses_judged_more_than_a_cycle_ago(days: int, named: bool) -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["last_review"] = date(2024, 7, 16)
        d["goals"][0].update(status="on-track", status_date=AS_OF - timedelta(days))

    [finding] = fired(assess_changed(change), "PC602")
    assert ("goal statuses were last judged" in finding.message) is named


def test_pc602_names_goal_statuses_judged_long_ago() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["last_review"] = date(2024, 7, 16)
        d["goals"][0].update(status="on-track", status_date=date(2024, 7, 16))

    [finding] = fired(assess_changed(change), "PC602")
    assert finding.message.endswith("; goal statuses were last judged on 2024-07-16")


def test_pc602_survives_a_date_at_the_calendar_edge() -> None:
    result = assess_changed(lambda d: d["evaluation"].update(last_review=date(9999, 12, 31)))
    assert not fired(result, "PC602")


def test_pc602_stays_quiet_just_inside_the_cycle() -> None:
    assert not fired(assess_changed(lambda d: None, as_of=date(2027, 1, 29)), "PC602")


def test_pc603_fires_for_one_kind_of_evidence() -> None:
    change = evaluation({"methods": ["case-studies", "Case-Studies "]})
    [finding] = fired(assess_changed(change), "PC603")
    assert finding.message == "The evaluation uses only one kind of evidence (case-studies)"
    assert path_of(finding) == "evaluation.methods"
    assert finding.severity == "warning"
    assert finding.recommendation == (
        "Add a second kind of evidence alongside case-studies, such as service-user-feedback, "
        "partner-survey or performance-indicators (`methods`)"
    )


def test_pc603_fires_without_methods() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("methods")), "PC603")
    assert finding.message == "No evaluation methods are recorded"
    assert path_of(finding) == "evaluation"


def test_pc603_stays_quiet_with_two_methods() -> None:
    change = evaluation({"methods": ["case-studies", "partner-survey"]})
    assert not fired(assess_changed(change), "PC603")


def test_pc604_fires_for_a_partner_not_involved() -> None:
    [finding] = fired(assess_changed(evaluation({"involves": ["council", "trust"]})), "PC604")
    assert finding.message == "Partner carers takes no part in evaluation"
    assert path_of(finding) == "evaluation.involves"
    assert finding.severity == "warning"
    assert "carers" in finding.recommendation


def test_pc604_fires_once_when_nobody_is_listed() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("involves")), "PC604")
    assert finding.message == "No partner is recorded as taking part in evaluation"
    assert finding.points == 15.0


def test_pc604_excuses_a_partner_that_joined_after_the_last_review() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["involves"] = ["council", "trust"]
        d["partners"][2]["joined"] = date(2026, 11, 1)

    assert not fired(assess_changed(change), "PC604")


@pytest.mark.parametrize(
    ("joined", "excused"), [(date(2026, 10, 15), False), (date(2026, 10, 16), True)]
)
def test_pc604_excuses_only_a_partner_that_joined_after_the_last_review(
    joined: date, excused: bool
) -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["involves"] = ["council", "trust"]
        d["partners"][2]["joined"] = joined  # the last review was on 2026-10-15

    assert bool(fired(assess_changed(change), "PC604")) is not excused


def test_pc605_fires_without_kpis() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("kpis")), "PC605")
    assert finding.message == "No key performance indicators are defined"
    assert path_of(finding) == "evaluation"
    assert finding.severity == "warning"


def test_pc606_fires_for_a_kpi_without_a_goal() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"]["kpis"][1].pop("goal")), "PC606")
    assert finding.message == "KPI At home after 91 days is linked to no goal"
    assert path_of(finding) == "evaluation.kpis[1]"
    assert finding.severity == "warning"


def test_pc605_stays_quiet_with_one_kpi() -> None:
    result = assess_changed(lambda d: d["evaluation"].update(kpis=d["evaluation"]["kpis"][:1]))
    assert not fired(result, "PC605")


def test_pc605_leaves_a_missing_evaluation_to_pc601() -> None:
    result = assess_changed(lambda d: d.pop("evaluation"))
    assert fired(result, "PC601") and not fired(result, "PC605")


def test_pc606_prices_each_unlinked_kpi_by_its_share() -> None:
    readmissions = {"name": "Readmissions within 30 days", "baseline": 12, "target": 9}
    result = assess_changed(lambda d: d["evaluation"]["kpis"].append(readmissions))
    [finding] = fired(result, "PC606")
    assert finding.message == "KPI Readmissions within 30 days is linked to no goal"
    assert finding.points == 1.67  # one KPI of three: a third of 5 points


def test_pc606_stays_quiet_when_two_kpis_measure_one_goal() -> None:
    readmissions = {"name": "Readmissions within 30 days", "goal": "G1", "baseline": 12}
    result = assess_changed(lambda d: d["evaluation"]["kpis"].append(readmissions))
    assert not fired(result, "PC606")


def test_pc607_lists_every_missing_value_of_an_unlinked_kpi() -> None:
    def change(d: dict[str, Any]) -> None:
        kpi = d["evaluation"]["kpis"][0]
        for key in ("baseline", "target", "current", "goal"):
            kpi.pop(key)

    [finding] = fired(assess_changed(change), "PC607")
    assert finding.message == "KPI Delayed discharge days has no baseline, target and current value"
    assert path_of(finding) == "evaluation.kpis[0]"
    assert finding.points == 7.5  # all of its half of the rule


def test_pc607_leaves_a_goal_kpis_baseline_and_target_to_the_goal() -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("baseline", "target", "current"):
            d["evaluation"]["kpis"][0].pop(key)

    [finding] = fired(assess_changed(change), "PC607")
    assert finding.message == "KPI Delayed discharge days has no current value"
    assert finding.points == 7.5


# A partnership younger than its first cycle and grace (92 + 14 days) owes no readings yet.
@pytest.mark.parametrize(("age", "owed"), [(106, False), (107, True)])
def test_pc607_expects_current_values_once_the_first_review_is_due(age: int, owed: bool) -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"].pop("last_review")
        d["partnership"]["started"] = AS_OF - timedelta(age)
        d["evaluation"]["kpis"][0].pop("current")

    assert bool(fired(assess_changed(change), "PC607")) is owed


def test_pc607_takes_the_latest_reading_as_the_current_value() -> None:
    def change(d: dict[str, Any]) -> None:
        kpi = d["evaluation"]["kpis"][0]
        kpi.pop("current")
        kpi["readings"] = [{"date": date(2026, 3, 31), "value": 330}]

    assert not fired(assess_changed(change), "PC607")


def test_pc608_fires_for_an_action_without_owner_or_due_date() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["improvements"][0].pop("owner")
        d["evaluation"]["improvements"][0].pop("due")

    [finding] = fired(assess_changed(change), "PC608")
    assert finding.message == (
        "Improvement action Add a carers' representative to the board has no owner or due date"
    )
    assert path_of(finding) == "evaluation.improvements[0]"
    assert finding.severity == "warning"
    assert finding.recommendation.startswith("Agree an owner and a due date for")


def test_pc608_fires_once_at_half_weight_without_improvements() -> None:
    result = assess_changed(lambda d: d["evaluation"].pop("improvements"))
    [finding] = fired(result, "PC608")
    assert finding.message == "No improvement actions are recorded from the reviews held"
    assert path_of(finding) == "evaluation"
    full = assess_changed(lambda d: d["evaluation"]["improvements"][0].pop("owner"))
    assert finding.points == fired(full, "PC608")[0].points / 2


def test_pc609_fires_for_an_action_long_overdue() -> None:
    change = evaluation(
        {
            "improvements": [
                {
                    "action": "Publish minutes",
                    "owner": "trust",
                    "due": date(2026, 8, 27),
                    "status": "open",
                }
            ]
        }
    )
    [finding] = fired(assess_changed(change), "PC609")
    assert finding.message == (
        "An improvement action due on 2026-08-27 is not done: Publish minutes"
    )
    assert path_of(finding) == "evaluation.improvements[0].due"
    assert finding.severity == "warning"


def test_pc609_stays_quiet_at_90_days_or_when_done() -> None:
    action = {"action": "Publish minutes", "owner": "trust", "due": date(2026, 8, 28)}
    assert not fired(assess_changed(evaluation({"improvements": [action]})), "PC609")
    done = {**action, "due": date(2025, 1, 1), "status": "done"}
    assert not fired(assess_changed(evaluation({"improvements": [done]})), "PC609")


def test_pc610_fires_the_day_after_the_agreement_review_date() -> None:
    [finding] = fired(assess_changed(lambda d: None, as_of=date(2027, 7, 1)), "PC610")
    assert finding.message == "The partnership agreement was due for review on 2027-06-30"
    assert path_of(finding) == "partnership.agreement.review_due"
    assert finding.severity == "warning"
    assert not fired(assess_changed(lambda d: None, as_of=date(2027, 6, 30)), "PC610")


def test_pc611_fires_without_an_agreement_review_date() -> None:
    result = assess_changed(lambda d: d["partnership"]["agreement"].pop("review_due"))
    [finding] = fired(result, "PC611")
    assert finding.message == "No review date is set for the partnership agreement"
    assert path_of(finding) == "partnership.agreement"
    assert finding.severity == "info"
    assert not fired(result, "PC610")


@pytest.mark.parametrize(
    "change",
    [
        # A statutory board's agreement is revisited when the law changes, not on a date.
        lambda d: d["partnership"]["agreement"].update(
            statutory="Health and Social Care Act 2012, s.194"
        ),
        # No agreement at all is PC507's; it has no review date to ask for.
        lambda d: d["partnership"].pop("agreement"),
    ],
)
def test_pc611_stays_quiet_without_an_agreement_to_date(change: Any) -> None:
    def without_review_date(d: dict[str, Any]) -> None:
        d["partnership"]["agreement"].pop("review_due")
        change(d)

    assert not fired(assess_changed(without_review_date), "PC611")


def test_pc612_fires_when_evaluation_does_not_hear_from_the_people_served() -> None:
    result = assess_changed(evaluation({"methods": ["performance-indicators", "case-studies"]}))
    [finding] = fired(result, "PC612")
    assert finding.message == "The evaluation does not hear from the people the partnership serves"


@pytest.mark.parametrize("method", ["service-user-feedback", "Resident panel", "co-production"])
def test_pc612_recognises_the_voice_of_the_people_served(method: str) -> None:
    assert not fired(assess_changed(evaluation({"methods": ["case-studies", method]})), "PC612")


def test_listing_a_first_evaluation_method_never_lowers_evaluation() -> None:
    without = assess_changed(lambda d: d["evaluation"].pop("methods"))
    with_one = assess_changed(evaluation({"methods": ["performance-indicators"]}))
    assert element(with_one, "evaluation") >= element(without, "evaluation")


def test_evaluation_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC6")]


def test_a_first_evaluation_method_never_lowers_the_evaluation_score() -> None:
    def methods(listed: list[str]) -> Any:
        return lambda d: d["evaluation"].update(methods=listed)

    none = element(assess_changed(methods([])), "evaluation")
    one = element(assess_changed(methods(["performance-indicators"])), "evaluation")
    heard = element(assess_changed(methods(["service-user-feedback"])), "evaluation")
    assert none <= one <= heard


def test_pc612_fires_when_no_method_is_recorded_for_people_served() -> None:
    result = assess_changed(lambda d: d["evaluation"].update(methods=[]))
    [finding] = fired(result, "PC612")
    assert finding.location is not None and finding.location.path == "evaluation"


def goal_off_track(*actions: dict[str, Any]) -> Any:
    """G1 recorded off track, with the review's improvement actions replaced by ``actions``."""

    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = "off-track"
        if actions:
            d["evaluation"]["improvements"] = list(actions)

    return change


def action(text: str, status: str = "open") -> dict[str, Any]:
    return {"action": text, "owner": "trust", "due": date(2027, 3, 31), "status": status}


def test_pc614_fires_when_the_actions_are_about_something_else() -> None:
    result = assess_changed(goal_off_track())  # only: add a carers' representative to the board
    [finding] = fired(result, "PC614")
    assert finding.message == "No improvement action is tied to the goals going wrong (G1)"
    assert path_of(finding) == "evaluation"
    assert (finding.severity, finding.points) == ("warning", 15.0)
    assert finding.recommendation.startswith("Agree improvement actions aimed at G1")


def test_pc614_fires_when_every_action_is_done() -> None:
    done = action("Daily discharge huddle on every ward", status="done")
    [finding] = fired(assess_changed(goal_off_track(done)), "PC614")
    assert finding.message == "No improvement action is open while goals are going wrong (G1)"


@pytest.mark.parametrize(
    "text",
    [
        "Daily discharge huddle on every ward",  # words of the goal and its KPI
        "Recovery plan agreed with the trust for G1",  # the goal by id
    ],
)
def test_pc614_stays_quiet_when_an_open_action_tackles_the_goal(text: str) -> None:
    assert not fired(assess_changed(goal_off_track(action(text))), "PC614")


@pytest.mark.parametrize("text", ["Recovery plan agreed with the trust (G1)", "Recovery plan: G1."])
def test_pc614_recognises_a_goal_named_in_brackets_or_at_a_full_stop(text: str) -> None:
    assert not fired(assess_changed(goal_off_track(action(text))), "PC614")
