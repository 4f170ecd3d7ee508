"""PC71x (power imbalance), and the decision-power numbers behind them."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from partnercheck.analysis.power import banzhaf, decision_power, resource_shares
from partnercheck.engine import load
from partnercheck.load import Source
from partnercheck.results import FileResult
from partnercheck.rules.context import Context
from tests.conftest import AS_OF, TESTS, assess_changed, assess_text, dump, fired, sound


def context(change: Any = None) -> Context:
    data = sound()
    if change is not None:
        change(data)
    return Context(load(Source("test.yaml", dump(data), TESTS)).partnership, AS_OF)


def deciding(rule: str, votes: dict[str, int] | None = None, lead: str | None = None) -> Any:
    """A change that sets the decision rule (and votes or lead partner)."""

    def change(d: dict[str, Any]) -> None:
        dm = d["governance"]["decision_making"]
        dm["rule"] = rule
        if votes is None:
            dm.pop("votes")
        else:
            dm["votes"] = votes
        if lead is not None:
            d["governance"]["lead_partner"] = lead

    return change


# --- decision power (analysis.power) -------------------------------------------------


def test_banzhaf_gives_49_49_2_equal_power_under_a_majority() -> None:
    shares = banzhaf({"council": 49, "trust": 49, "carers": 2}, 51)
    assert shares == pytest.approx({"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3})


def test_majority_with_votes_49_49_2_is_equal_power() -> None:
    power = decision_power(context(deciding("majority", {"council": 49, "trust": 49, "carers": 2})))
    assert power is not None
    assert power.shares == pytest.approx({"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3})
    assert "normalised Banzhaf index" in power.basis


def test_a_majority_bloc_holds_all_the_power() -> None:
    power = decision_power(context(deciding("majority", {"council": 3, "trust": 1, "carers": 1})))
    assert power is not None
    assert power.shares == pytest.approx({"council": 1.0, "trust": 0.0, "carers": 0.0})


def test_lead_partner_rule_gives_the_lead_all_the_power() -> None:
    power = decision_power(context(deciding("lead-partner", None, lead="carers")))
    assert power is not None
    assert power.shares == {"council": 0.0, "trust": 0.0, "carers": 1.0}


def test_consensus_is_equal_power_among_voters() -> None:
    power = decision_power(context(deciding("consensus", {"council": 1, "trust": 5, "carers": 1})))
    assert power is not None
    assert power.shares == pytest.approx({"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3})


@pytest.mark.parametrize("rule", ["consensus", "majority", "weighted-vote", "supermajority"])
def test_a_partner_without_a_vote_has_no_power(rule: str) -> None:
    power = decision_power(context(deciding(rule, {"council": 2, "trust": 1, "carers": 0})))
    assert power is not None
    assert power.shares["carers"] == 0.0
    assert sum(power.shares.values()) == pytest.approx(1.0)


def test_decision_power_is_unknown_without_a_rule() -> None:
    assert decision_power(context(lambda d: d["governance"]["decision_making"].pop("rule"))) is None


def test_resource_shares_average_money_and_staff() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][0]["contributions"][0]["amount"] = 400000  # 400k of 600k funding

    shares = resource_shares(context(change))
    assert shares["council"] == pytest.approx((4 / 6 + 1 / 3) / 2)
    assert sum(shares.values()) == pytest.approx(1.0)


def test_analysis_power_can_be_imported_first() -> None:
    # analysis.power imports rules.context, which registers rules.power, which needs
    # analysis.power: a fresh interpreter catches an import cycle the test session hides.
    code = "import partnercheck.analysis.power as p; print(p.banzhaf({'a': 1, 'b': 1}, 2))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{'a': 0.5, 'b': 0.5}"


# --- PC711 ---------------------------------------------------------------------------


def test_pc711_uses_banzhaf_not_raw_votes() -> None:
    # carers has 2% of the votes but, by the Banzhaf index, a third of the power,
    # exactly its share of the resources.
    result = assess_changed(deciding("majority", {"council": 49, "trust": 49, "carers": 2}))
    assert not fired(result, "PC711")


def test_pc711_fires_both_ways_under_a_lead_partner_rule() -> None:
    result = assess_changed(deciding("lead-partner", None, lead="council"))
    findings = {f.location.path if f.location else "": f for f in fired(result, "PC711")}
    assert set(findings) == {"partners[0]", "partners[1]", "partners[2]"}
    council = findings["partners[0]"]
    assert council.message == (
        "Partner council brings 33% of the resources but holds 100% of the decision power "
        "(lead-partner rule: the lead decides)"
    )
    assert council.challenge == "power-imbalance"
    assert council.element == "roles"
    assert "council" in council.recommendation
    assert findings["partners[1]"].message.startswith(
        "Partner trust brings 33% of the resources but holds 0% of the decision power"
    )


def test_pc711_fires_for_a_partner_that_brings_much_and_decides_little() -> None:
    def change(d: dict[str, Any]) -> None:
        deciding("majority", {"council": 1, "trust": 1, "carers": 1})(d)
        d["partners"][2]["contributions"][0]["amount"] = 500000
        d["partners"][2]["contributions"][1]["fte"] = 5.0

    [finding] = fired(assess_changed(change), "PC711")
    assert finding.message.startswith(
        "Partner carers brings 71% of the resources but holds "
        "33% of the decision power (simple majority of 3 votes;"
    )
    assert "normalised Banzhaf index" in finding.message
    assert "Give carers a say" in finding.recommendation


def test_pc711_is_quiet_when_decision_power_is_unknown() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"]["decision_making"].pop("rule")
        d["partners"][2]["contributions"][0]["amount"] = 1000000

    assert not fired(assess_changed(change), "PC711")


# --- PC712 ---------------------------------------------------------------------------


def dominant_council(d: dict[str, Any]) -> None:
    """Council hosts the pooled budget, chairs for good and decides alone."""
    deciding("lead-partner", None, lead="council")(d)
    d["governance"]["chair"] = {"partner": "council", "rotates": "never"}


def test_pc712_fires_when_one_partner_holds_budget_chair_and_decisions() -> None:
    [finding] = fired(assess_changed(dominant_council), "PC712")
    assert finding.severity == "error"
    assert finding.message == (
        "Partner council holds the pooled budget as lead partner, chairs without rotation "
        "and holds 100% of the decision power (lead-partner rule: the lead decides)"
    )
    assert finding.location is not None and finding.location.path == "governance.chair"
    assert "council" in finding.recommendation
    assert finding.mitigated_by is None


def test_pc712_counts_a_majority_of_the_funding_as_holding_the_budget() -> None:
    def change(d: dict[str, Any]) -> None:
        deciding("weighted-vote", {"council": 3, "trust": 1, "carers": 1})(d)
        d["governance"].pop("lead_partner")
        d["governance"]["chair"] = {"partner": "council"}  # rotation unset
        d["partners"][0]["contributions"][0]["amount"] = 500000

    [finding] = fired(assess_changed(change), "PC712")
    assert finding.message.startswith("Partner council brings 71% of the funding, chairs")
    assert "normalised Banzhaf index" in finding.message


@pytest.mark.parametrize(
    "undo",
    [
        lambda d: d["governance"]["chair"].update(rotates="annually"),
        lambda d: d["governance"]["chair"].update(partner="trust"),
        lambda d: d["governance"]["decision_making"].update(rule="consensus"),
        lambda d: d["resources"].pop("pooled_budget"),
    ],
    ids=["chair-rotates", "other-chair", "consensus", "no-pooled-budget"],
)
def test_pc712_needs_all_three_powers_together(undo: Any) -> None:
    def change(d: dict[str, Any]) -> None:
        dominant_council(d)
        undo(d)

    assert not fired(assess_changed(change), "PC712")


def test_a_declared_risk_softens_pc712_but_keeps_it() -> None:
    [plain] = fired(assess_changed(dominant_council), "PC712")

    def declared(d: dict[str, Any]) -> None:
        dominant_council(d)
        d["risks"].append(
            {
                "challenge": "power-imbalance",
                "description": "The council hosts the budget, chairs and leads decisions",
                "mitigation": "Annual independent review of board decisions",
                "owner": "trust",
            }
        )

    result = assess_changed(declared)
    [soft] = fired(result, "PC712")
    assert plain.severity == "error" and soft.severity == "warning"
    assert plain.points > 0
    assert soft.points == pytest.approx(plain.points / 2, abs=0.01)
    assert soft.mitigated_by == "risks[1]"
    [power] = [c for c in result.challenges if c.id == "power-imbalance"]
    assert power.mitigated


def test_a_risk_without_an_owner_does_not_soften_pc712() -> None:
    def declared(d: dict[str, Any]) -> None:
        dominant_council(d)
        d["risks"].append(
            {
                "challenge": "power-imbalance",
                "description": "Council dominates",
                "mitigation": "Annual review",
            }
        )

    [finding] = fired(assess_changed(declared), "PC712")
    assert finding.severity == "error" and finding.mitigated_by is None


# --- PC713 ---------------------------------------------------------------------------


def test_pc713_fires_for_a_partner_missing_from_the_votes() -> None:
    result = assess_changed(deciding("majority", {"council": 1, "trust": 1}))
    [finding] = fired(result, "PC713")
    assert finding.message == "Partner carers has no vote under the majority rule"
    assert finding.location is not None
    assert finding.location.path == "governance.decision_making.votes"
    assert "carers" in finding.recommendation


def test_pc713_points_at_a_zero_vote() -> None:
    result = assess_changed(deciding("weighted-vote", {"council": 1, "trust": 1, "carers": 0}))
    [finding] = fired(result, "PC713")
    assert finding.location is not None
    assert finding.location.path == "governance.decision_making.votes.carers"


@pytest.mark.parametrize("rule", ["consensus", "lead-partner"])
def test_pc713_is_quiet_when_votes_do_not_decide(rule: str) -> None:
    assert not fired(assess_changed(deciding(rule, {"council": 1, "trust": 1})), "PC713")


def test_pc713_is_quiet_without_a_votes_list() -> None:
    assert not fired(assess_changed(deciding("majority", None)), "PC713")


# --- PC714 ---------------------------------------------------------------------------


def test_pc714_fires_when_the_chair_never_rotates() -> None:
    result = assess_changed(lambda d: d["governance"]["chair"].update(rotates="never"))
    [finding] = fired(result, "PC714")
    assert finding.severity == "info"
    assert finding.message == "Partner trust chairs and the chair never rotates (3 partners)"
    assert finding.location is not None
    assert finding.location.path == "governance.chair.rotates"
    assert not fired(result, "PC712")  # trust holds neither budget nor decisions


def test_pc714_points_at_the_chair_when_rotation_is_unset() -> None:
    result = assess_changed(lambda d: d["governance"]["chair"].pop("rotates"))
    [finding] = fired(result, "PC714")
    assert finding.location is not None and finding.location.path == "governance.chair"


def test_pc714_is_quiet_with_two_partners() -> None:
    text = """
partnercheck: 1
partnership: {name: Pair}
partners:
  - {id: a, name: A}
  - {id: b, name: B}
governance:
  chair: {partner: a, rotates: never}
"""
    assert not fired(assess_text(text), "PC714")


def test_power_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC71")]
