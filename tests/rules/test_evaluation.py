"""PC6xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from datetime import date
from typing import Any

from partnercheck.results import FileResult, Finding
from tests.conftest import assess_changed, fired


def path_of(finding: Finding) -> str | None:
    return finding.location.path if finding.location else None


def evaluation(change: dict[str, Any]) -> Any:
    """A change that updates the sound partnership's evaluation section."""
    return lambda d: d["evaluation"].update(change)


def test_without_evaluation_the_section_rules_point_nowhere() -> None:
    result = assess_changed(lambda d: d.pop("evaluation"))
    expected = {
        "PC601": "No review cycle is set (there is no evaluation section)",
        "PC603": "No evaluation methods are recorded (there is no evaluation section)",
        "PC605": "No key performance indicators are defined (there is no evaluation section)",
    }
    for rule_id, message in expected.items():
        [finding] = fired(result, rule_id)
        assert finding.message == message
        assert finding.location is None
    for quiet in ("PC602", "PC606", "PC607", "PC608", "PC609"):
        assert not fired(result, quiet)
    partners = fired(result, "PC604")
    assert [f.message for f in partners] == [
        "Partner council takes no part in evaluation",
        "Partner trust takes no part in evaluation",
        "Partner carers takes no part in evaluation",
    ]
    assert [path_of(f) for f in partners] == ["partners[0]", "partners[1]", "partners[2]"]


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
    assert finding.severity == "warning"


def test_pc602_fires_just_outside_the_cycle_and_its_grace() -> None:
    # last review 2026-10-15; quarterly (92 days) plus 14 days grace ends on 2027-01-29
    [finding] = fired(assess_changed(lambda d: None, as_of=date(2027, 1, 30)), "PC602")
    assert finding.message == (
        "The last review was 107 days ago, on 2026-10-15; the cycle is quarterly (92 days)"
    )
    assert path_of(finding) == "evaluation.last_review"
    assert finding.severity == "warning"


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
        "partner-survey or performance-indicators"
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


def test_pc605_fires_without_kpis() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"].pop("kpis")), "PC605")
    assert finding.message == "No key performance indicators are defined"
    assert path_of(finding) == "evaluation"
    assert finding.severity == "warning"


def test_pc606_fires_for_a_kpi_without_a_goal() -> None:
    [finding] = fired(assess_changed(lambda d: d["evaluation"]["kpis"][1].pop("goal")), "PC606")
    assert finding.message == 'KPI "At home after 91 days" is linked to no goal'
    assert path_of(finding) == "evaluation.kpis[1]"
    assert finding.severity == "warning"


def test_pc607_lists_every_missing_value() -> None:
    def change(d: dict[str, Any]) -> None:
        for key in ("baseline", "target", "current"):
            d["evaluation"]["kpis"][0].pop(key)

    [finding] = fired(assess_changed(change), "PC607")
    assert finding.message == (
        'KPI "Delayed discharge days" has no baseline, target and current value'
    )
    assert path_of(finding) == "evaluation.kpis[0]"
    assert finding.severity == "warning"


def test_pc607_names_a_single_missing_value() -> None:
    result = assess_changed(lambda d: d["evaluation"]["kpis"][1].pop("current"))
    [finding] = fired(result, "PC607")
    assert finding.message == 'KPI "At home after 91 days" has no current value'
    assert path_of(finding) == "evaluation.kpis[1]"


def test_pc608_fires_for_an_action_without_owner_or_due_date() -> None:
    def change(d: dict[str, Any]) -> None:
        d["evaluation"]["improvements"][0].pop("owner")
        d["evaluation"]["improvements"][0].pop("due")

    [finding] = fired(assess_changed(change), "PC608")
    assert finding.message == (
        'Improvement action "Add a carers\' representative to the board" has no owner or due date'
    )
    assert path_of(finding) == "evaluation.improvements[0]"
    assert finding.severity == "warning"
    assert finding.recommendation.startswith("Agree an owner and a due date for")


def test_pc608_fires_once_at_half_weight_without_improvements() -> None:
    result = assess_changed(lambda d: d["evaluation"].pop("improvements"))
    [finding] = fired(result, "PC608")
    assert finding.message == "No improvement actions are recorded"
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
        'Improvement action "Publish minutes" is 91 days overdue (due 2026-08-27)'
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
    assert (
        finding.message == "The partnership agreement was due for review on 2027-06-30 (1 day ago)"
    )
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


def test_evaluation_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC6")]
