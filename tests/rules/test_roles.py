"""PC5xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

from partnercheck.results import FileResult, Finding
from tests.conftest import assess_changed, fired


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


def test_pc503_to_pc505_point_nowhere_without_governance() -> None:
    result = assess_changed(lambda d: d.pop("governance"))
    expected = {
        "PC503": ("No decision-making body is named (there is no governance section)", "error"),
        "PC504": ("No decision rule is agreed (there is no governance section)", "warning"),
        "PC505": ("No chair or lead partner is named (there is no governance section)", "warning"),
    }
    for rule_id, (message, severity) in expected.items():
        [finding] = fired(result, rule_id)
        assert finding.message == message
        assert finding.location is None
        assert finding.severity == severity


def test_pc503_fires_without_a_decision_body() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["governance"]["decision_making"].pop("body")), "PC503"
    )
    assert finding.message == "No decision-making body is named"
    assert path_of(finding) == "governance.decision_making"
    assert finding.severity == "error"


def test_pc504_fires_without_a_decision_rule_and_names_the_body() -> None:
    [finding] = fired(
        assess_changed(lambda d: d["governance"]["decision_making"].pop("rule")), "PC504"
    )
    assert finding.message == "No decision rule is agreed for the Partnership board"
    assert path_of(finding) == "governance.decision_making"
    assert finding.severity == "warning"
    assert "Partnership board" in finding.recommendation


def test_pc504_points_at_governance_without_decision_making() -> None:
    result = assess_changed(lambda d: d["governance"].pop("decision_making"))
    [finding] = fired(result, "PC504")
    assert finding.message == "No decision rule is agreed"
    assert path_of(finding) == "governance"
    [body] = fired(result, "PC503")
    assert path_of(body) == "governance"


def test_pc505_fires_without_chair_or_lead_partner() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("lead_partner")
        d["governance"]["chair"].pop("partner")

    [finding] = fired(assess_changed(change), "PC505")
    assert finding.message == "No chair or lead partner is named"
    assert path_of(finding) == "governance.chair"
    assert finding.severity == "warning"


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


def test_pc506_and_pc507_point_at_partnership_without_an_agreement() -> None:
    result = assess_changed(lambda d: d["partnership"].pop("agreement"))
    [signed] = fired(result, "PC507")
    assert signed.message == "There is no written partnership agreement"
    assert path_of(signed) == "partnership"
    [exit_] = fired(result, "PC506")
    assert path_of(exit_) == "partnership"


def test_role_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC5")]
