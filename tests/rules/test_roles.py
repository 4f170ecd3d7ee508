"""PC5xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.results import FileResult, Finding
from tests.conftest import assess_changed, element, fired


def path_of(finding: Finding) -> str | None:
    return finding.location.path if finding.location else None


def test_pc501_fires_for_a_partner_without_a_roles_entry() -> None:
    [finding] = fired(assess_changed(lambda d: d["roles"].pop(2)), "PC501")
    assert finding.message == "Partner carers has no listed responsibilities"
    assert path_of(finding) == "partners[2]"
    assert finding.severity == "warning"
    assert "carers" in finding.recommendation


def test_pc501_points_at_a_roles_entry_with_no_responsibilities() -> None:
    [finding] = fired(assess_changed(lambda d: d["roles"][1].pop("responsibilities")), "PC501")
    assert finding.message == "Partner trust has no listed responsibilities"
    assert path_of(finding) == "roles[1]"


def test_pc501_costs_a_share_per_partner() -> None:
    result = assess_changed(lambda d: d.pop("roles"))
    findings = fired(result, "PC501")
    assert [path_of(f) for f in findings] == ["partners[0]", "partners[1]", "partners[2]"]
    assert len({f.points for f in findings}) == 1 and findings[0].points > 0


def test_pc502_fires_for_a_goal_owner_without_responsibilities() -> None:
    [finding] = fired(assess_changed(lambda d: d["roles"].pop(1)), "PC502")
    assert finding.message == "Goal G1's owner trust has no listed responsibilities"
    assert path_of(finding) == "goals[0].owner"
    assert finding.severity == "info"
    assert "G1" in finding.recommendation


def test_pc502_ignores_goals_without_an_owner() -> None:
    def change(d: dict[str, Any]) -> None:
        d["roles"].pop(1)
        d["goals"][0].pop("owner")

    assert not fired(assess_changed(change), "PC502")


def test_without_roles_or_governance_the_element_scores_zero() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("governance")
        d.pop("roles")

    result = assess_changed(change)
    [finding] = fired(result, "PC501")
    assert finding.message == "No roles, responsibilities or governance are defined"
    assert finding.points == 100.0 and element(result, "roles") == 0.0
    assert [f.rule for f in result.findings if f.element == "roles"] == ["PC501"]


def test_without_governance_pc503_speaks_for_the_missing_body_and_rule() -> None:
    result = assess_changed(lambda d: d.pop("governance"))
    [finding] = fired(result, "PC503")
    assert finding.message == "No decision-making body is named (there is no governance section)"
    assert finding.location is None and finding.severity == "error"
    assert not fired(result, "PC504") and not fired(result, "PC505")


def test_pc503_fires_without_a_decision_body() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["governance"]["decision_making"].pop("body")), "PC503"
    )
    assert finding.message == "No decision-making body is named"
    assert path_of(finding) == "governance"
    assert finding.severity == "error"


def test_pc503_is_satisfied_by_bodies() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [{"id": "board", "name": "Board", "rule": "consensus"}]

    result = assess_changed(change)
    assert not fired(result, "PC503") and not fired(result, "PC504")


def test_pc504_fires_without_a_decision_rule_and_names_the_body() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["governance"]["decision_making"].pop("rule")), "PC504"
    )
    assert finding.message == "No decision rule is agreed for the Partnership board"
    assert path_of(finding) == "governance.decision_making"
    assert finding.severity == "warning"
    assert "Partnership board" in finding.recommendation


def test_pc504_reads_the_body_marked_as_deciding_the_budget() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [
            {"id": "forum", "name": "Forum", "rule": "consensus"},
            {"id": "board", "name": "Finance board", "decides_budget": True},
        ]

    [finding] = fired(assess_changed(change), "PC504")
    assert finding.message == "No decision rule is agreed for the Finance board"
    assert path_of(finding) == "governance.bodies[1]"


def test_pc505_fires_without_chair_or_lead_partner() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("lead_partner")
        d["governance"]["chair"].pop("partner")

    [finding] = fired(assess_changed(change), "PC505")
    assert finding.message == "No chair or lead partner is named"
    assert path_of(finding) == "governance"
    assert finding.severity == "warning"


def test_pc505_is_satisfied_by_an_independent_chair() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("lead_partner")
        d["governance"]["chair"] = {"member": "forum", "rotates": "never"}

    assert not fired(assess_changed(change), "PC505")


def test_pc505_is_satisfied_by_either_a_chair_or_a_lead_partner() -> None:
    assert not fired(assess_changed(lambda d: d["governance"].pop("lead_partner")), "PC505")
    assert not fired(assess_changed(lambda d: d["governance"].pop("chair")), "PC505")


def test_pc506_fires_without_exit_terms() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["partnership"]["agreement"].pop("exit_terms")), "PC506"
    )
    assert finding.message == "No exit terms are agreed"
    assert path_of(finding) == "partnership.agreement"
    assert finding.severity == "warning"


def test_pc507_fires_for_an_unsigned_agreement() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["partnership"]["agreement"].pop("signed")), "PC507"
    )
    assert finding.message == "The partnership agreement is not recorded as signed"
    assert path_of(finding) == "partnership.agreement"
    assert finding.severity == "warning"


def test_no_agreement_is_one_finding_priced_for_exit_terms_too() -> None:
    result = assess_changed(lambda d: d["partnership"].pop("agreement"))
    [signed] = fired(result, "PC507")
    assert signed.message == "There is no written partnership agreement"
    assert path_of(signed) == "partnership"
    assert signed.points == 30.0  # PC507 15 + PC506 15, once
    assert not fired(result, "PC506")


def test_pc507_unsigned_costs_half() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["partnership"]["agreement"].pop("signed")), "PC507"
    )
    assert finding.points == 7.5


def test_a_statutory_partnership_needs_no_exit_terms_or_signature() -> None:
    def change(d: dict[str, Any]) -> None:
        agreement = d["partnership"]["agreement"]
        agreement.pop("exit_terms")
        agreement.pop("signed")
        agreement["statutory"] = "Health and Social Care Act 2012, s.194"

    result = assess_changed(change)
    assert not fired(result, "PC506") and not fired(result, "PC507")


def test_pc509_fires_when_nobody_speaks_for_the_people_served() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("members")
        d["governance"]["decision_making"]["votes"].pop("forum")

    [finding] = fired(assess_changed(change), "PC509")
    assert finding.message == "The people the partnership serves have no voice on any decision body"
    assert finding.severity == "warning" and finding.points == 20.0


def test_pc509_names_representatives_kept_out_of_decisions() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"]["decision_making"]["votes"].pop("forum")

    [finding] = fired(assess_changed(change), "PC509")
    assert finding.message == (
        "The people the partnership serves, represented by forum, have no vote where "
        "decisions are made"
    )
    assert finding.severity == "warning"  # an advisory member, not a partner, was left out


def test_pc509_is_an_error_when_a_beneficiary_partner_is_kept_out() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][2]["standing"] = "beneficiary"
        d["governance"]["decision_making"]["votes"] = {"council": 1, "trust": 1}

    [finding] = fired(assess_changed(change), "PC509")
    assert finding.severity == "error" and "carers" in finding.message


def test_pc509_does_not_count_an_advisory_seat() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"]["decision_making"]["votes"].pop("forum")
        d["governance"]["bodies"] = []
        gov = d["governance"]
        gov["bodies"] = [
            {
                "id": "board",
                "name": "Board",
                "rule": "consensus",
                "votes": gov["decision_making"]["votes"],
            },
            {"id": "panel", "name": "Advisory panel", "members": ["forum"], "rule": "consensus"},
        ]
        gov.pop("decision_making")

    assert fired(assess_changed(change), "PC509")


def test_pc509_needs_a_partnership_that_serves_people() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"]["purpose"] = "Develop solid-state battery materials"
        d["vision"]["statement"] = "Europe leads the world in battery chemistry by 2030."
        d["governance"]["decision_making"]["votes"].pop("forum")

    assert not fired(assess_changed(change), "PC509")


def test_role_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC5")]


def _no_voice_with_action(status: str, due: str) -> Any:
    def change(d: dict[str, Any]) -> None:
        d.pop("members")
        d["governance"]["decision_making"]["votes"].pop("forum")
        d["evaluation"]["improvements"] = [
            {
                "action": "Add an older people's representative with a vote to the board",
                "owner": "council",
                "due": due,
                "status": status,
            }
        ]

    return change


def test_pc509_credits_an_action_already_agreed_to_give_them_a_vote() -> None:
    [finding] = fired(assess_changed(_no_voice_with_action("in-progress", "2027-01-31")), "PC509")
    assert finding.advice.startswith(
        "Make sure the action under way, “Add an older people's representative with a vote "
        "to the board” (due "
    )
    assert finding.points == 20.0  # the gap stands until the seat is there


@pytest.mark.parametrize(("status", "due"), [("done", "2027-01-31"), ("open", "2026-06-30")])
def test_pc509_does_not_credit_a_done_or_overdue_action(status: str, due: str) -> None:
    [finding] = fired(assess_changed(_no_voice_with_action(status, due)), "PC509")
    assert finding.advice.startswith("Give the people the partnership serves a seat")
