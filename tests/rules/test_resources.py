"""PC4xx: each rule fires on a minimal break of the sound partnership and stays quiet on it."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.results import FileResult
from tests.conftest import assess_changed, element, fired


def test_pc401_fires_for_a_partner_contributing_nothing() -> None:
    result = assess_changed(lambda d: d["partners"][1].pop("contributions"))
    [finding] = fired(result, "PC401")
    assert finding.message == (
        "Partner trust contributes nothing, but still holds a veto over the "
        "Partnership board's decisions (it decides by consensus) and is named on 2 goals"
    )
    assert finding.location is not None and finding.location.path == "partners[1]"
    assert finding.challenge == "resource-investment" and finding.severity == "error"
    # A declared resource-investment risk that does not cover PC401 or trust softens nothing.
    assert finding.mitigated_by is None
    assert finding.points == pytest.approx(13.33)
    assert result.cap is not None and "PC401" in result.cap.reason


def test_pc401_says_a_vote_under_a_majority_and_a_workstream_led() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["governance"]["decision_making"]["rule"] = "majority"
        d["workstreams"] = [{"id": "WP1", "name": "Discharge", "lead": "trust"}]

    [finding] = fired(assess_changed(change), "PC401")
    assert finding.message == (
        "Partner trust contributes nothing, but still has a vote on the Partnership board, "
        "leads the Discharge workstream and is named on 2 goals"
    )


def test_pc401_names_a_partner_in_name_only_under_a_lead_partners_rule() -> None:
    # Under a lead-partner rule only the lead decides: the trust holds no seat that counts.
    def change(d: dict[str, Any]) -> None:
        trust = d["partners"][1]
        trust.pop("contributions")
        d["governance"]["decision_making"].update(rule="lead-partner")
        d["governance"]["decision_making"].pop("votes")
        d["roles"] = [r for r in d["roles"] if r["partner"] != "trust"]
        for goal in d["goals"]:
            goal["shared_by"] = [p for p in goal.get("shared_by", []) if p != "trust"]
            if goal.get("owner") == "trust":
                goal["owner"] = "council"

    [finding] = fired(assess_changed(change), "PC401")
    assert finding.message == "Partner trust contributes nothing and has no goal, role or seat"
    assert finding.advice.startswith("Decide with Test Hospital Trust what part it should play")


def test_pc401_reads_zero_money_or_zero_staff_as_nothing() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1]["contributions"] = [
            {"type": "funding", "amount": 0},
            {"type": "staff", "fte": 0},
        ]

    assert fired(assess_changed(change), "PC401")


def test_pc401_is_halved_by_a_risk_that_covers_it_but_stays_an_error() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["risks"][0]["covers"] = ["PC401"]

    [finding] = fired(assess_changed(change), "PC401")
    assert finding.mitigated_by == "risks[0]" and finding.severity == "error"
    assert finding.points == pytest.approx(6.67)


def test_a_risk_naming_a_partner_softens_only_findings_of_its_own_challenge() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["risks"][0].update(challenge="power-imbalance", covers=["trust"])

    [finding] = fired(assess_changed(change), "PC401")
    assert finding.mitigated_by is None


def test_litigation_or_monitoring_is_not_a_mitigation() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["risks"][0].update(covers=["PC401"], mitigation="Legal proceedings")

    [finding] = fired(assess_changed(change), "PC401")
    assert finding.mitigated_by is None


def test_associates_and_beneficiaries_are_not_expected_to_contribute() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][1].pop("contributions")
        d["partners"][1]["standing"] = "associate"
        d["partners"][2].pop("contributions")
        d["partners"][2]["standing"] = "beneficiary"

    assert not fired(assess_changed(change), "PC401")


def test_without_any_contribution_or_resources_the_element_scores_zero() -> None:
    def change(d: dict[str, Any]) -> None:
        d.pop("resources")
        for partner in d["partners"]:
            partner.pop("contributions")

    result = assess_changed(change)
    [finding] = fired(result, "PC401")
    assert finding.points == 100.0 and element(result, "resources") == 0.0


def test_pc402_fires_for_funding_without_an_amount() -> None:
    result = assess_changed(lambda d: d["partners"][0]["contributions"][0].pop("amount"))
    [finding] = fired(result, "PC402")
    assert finding.message == (
        "The funding contribution of council (Share of the pooled budget) is not quantified"
    )
    assert finding.location is not None
    assert finding.location.path == "partners[0].contributions[0]"
    assert finding.severity == "warning"


def test_pc402_fires_for_staff_without_fte() -> None:
    result = assess_changed(lambda d: d["partners"][2]["contributions"][1].pop("fte"))
    [finding] = fired(result, "PC402")
    assert finding.message == (
        "The staff contribution of carers (Reablement workers) is not quantified"
    )
    assert finding.location is not None
    assert finding.location.path == "partners[2].contributions[1]"
    assert "`fte`" in finding.recommendation


def test_pc402_costs_a_share_per_contribution() -> None:
    def one(d: dict[str, Any]) -> None:
        d["partners"][0]["contributions"][0].pop("amount")

    def all_six(d: dict[str, Any]) -> None:
        for partner in d["partners"]:
            partner["contributions"][0].pop("amount")
            partner["contributions"][1].pop("fte")

    [single] = fired(assess_changed(one), "PC402")
    every = fired(assess_changed(all_six), "PC402")
    assert len(every) == 6
    assert abs(sum(f.points for f in every) - 6 * single.points) < 0.05


def test_pc403_fires_for_a_zero_budget_and_no_assets() -> None:
    def change(d: dict[str, Any]) -> None:
        d["resources"]["pooled_budget"] = 0
        d["resources"]["shared_assets"] = []

    [finding] = fired(assess_changed(change), "PC403")
    assert finding.message == "There is no pooled budget (it is 0) and no shared asset"
    assert finding.location is not None and finding.location.path == "resources.pooled_budget"
    assert finding.severity == "warning"


def test_pc403_fires_when_nothing_is_pooled() -> None:
    def change(d: dict[str, Any]) -> None:
        d["resources"].pop("pooled_budget")
        d["resources"].pop("shared_assets")

    [finding] = fired(assess_changed(change), "PC403")
    assert finding.message == "No pooled budget or shared assets are recorded"
    assert finding.location is not None and finding.location.path == "resources"


def test_pc404_fires_without_knowledge_sharing() -> None:
    result = assess_changed(lambda d: d["resources"].pop("knowledge_sharing"))
    [finding] = fired(result, "PC404")
    assert finding.message == "No knowledge-sharing arrangement is recorded"
    assert finding.location is not None and finding.location.path == "resources"
    assert finding.severity == "warning"


def test_pc405_fires_without_skills_exchange() -> None:
    [finding] = fired(assess_changed(lambda d: d["resources"].pop("skills_exchange")), "PC405")
    assert finding.message == "No skills-exchange arrangement is recorded"
    assert finding.location is not None and finding.location.path == "resources"
    assert finding.severity == "warning"


def test_section_rules_point_nowhere_without_a_resources_section() -> None:
    result = assess_changed(lambda d: d.pop("resources"))
    for rule_id in ("PC403", "PC404", "PC405"):
        [finding] = fired(result, rule_id)
        assert finding.location is None
    assert element(result, "resources") == 55.0  # contributions are still there


def test_pc406_fires_for_amounts_without_a_currency() -> None:
    [finding] = fired(assess_changed(lambda d: d["partnership"].pop("currency")), "PC406")
    assert finding.message == "Funding amounts are given (e.g. by council) but no currency is set"
    assert finding.location is not None and finding.location.path == "partnership"
    assert finding.severity == "info" and finding.points == 0.0


def test_pc406_fires_for_a_pooled_budget_without_a_currency() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"].pop("currency")
        for partner in d["partners"]:
            partner["contributions"] = partner["contributions"][1:]

    [finding] = fired(assess_changed(change), "PC406")
    assert finding.message == "A pooled budget is given but no currency is set"


def test_pc406_stays_quiet_without_any_amount() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"].pop("currency")
        d["resources"].pop("pooled_budget")
        for partner in d["partners"]:
            partner["contributions"] = partner["contributions"][1:]

    assert not fired(assess_changed(change), "PC406")


def test_resource_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC4")]
