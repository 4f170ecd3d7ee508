"""PC71x (power imbalance), and the decision-power numbers behind them."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from partnercheck.analysis.power import decision_power, resource_shares
from partnercheck.engine import load
from partnercheck.load import Source
from partnercheck.results import FileResult
from partnercheck.rules.context import Context
from partnercheck.rules.power import GAP
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


def bringing(council: float, trust: float, carers: float) -> Any:
    """A change that sets each partner's funding (staff removed), so shares are exact."""

    def change(d: dict[str, Any]) -> None:
        for partner, amount in zip(d["partners"], (council, trust, carers), strict=True):
            partner["contributions"] = [{"type": "funding", "amount": amount}]
        d["resources"].pop("pooled_budget")

    return change


def both(*changes: Any) -> Any:
    def change(d: dict[str, Any]) -> None:
        for c in changes:
            c(d)

    return change


# --- decision power (analysis.power) -------------------------------------------------


def test_majority_with_votes_49_49_2_is_equal_power() -> None:
    power = decision_power(context(deciding("majority", {"council": 49, "trust": 49, "carers": 2})))
    assert power is not None
    assert power.shares == pytest.approx({"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3})
    assert "normalised Banzhaf index" in power.basis


def test_a_majority_bloc_decides_alone() -> None:
    power = decision_power(context(deciding("majority", {"council": 3, "trust": 1, "carers": 1})))
    assert power is not None and power.dictator == "council"
    assert power.shares == pytest.approx({"council": 1.0, "trust": 0.0, "carers": 0.0})


def test_lead_partner_rule_gives_the_lead_all_the_power() -> None:
    power = decision_power(context(deciding("lead-partner", None, lead="carers")))
    assert power is not None and power.shares == {"carers": 1.0} and power.dictator == "carers"


def test_consensus_gives_every_voter_a_veto() -> None:
    power = decision_power(context(deciding("consensus", {"council": 1, "trust": 5, "carers": 1})))
    assert power is not None and power.vetoes == {"council", "trust", "carers"}
    assert power.shares == pytest.approx({"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3})


def test_supermajority_needs_two_thirds_of_the_votes_rounded_up() -> None:
    # 3 of 4 votes is the quota (ceil(8/3) = 3): the holder of 2 can block, not decide.
    change = deciding("supermajority", {"council": 2, "trust": 1, "carers": 1})
    power = decision_power(context(change))
    assert power is not None and power.vetoes == {"council"} and power.dictator is None
    assert "two-thirds of 4 votes" in power.basis


@pytest.mark.parametrize("rule", ["consensus", "majority", "weighted-vote", "supermajority"])
def test_a_partner_without_a_vote_has_no_power(rule: str) -> None:
    power = decision_power(context(deciding(rule, {"council": 2, "trust": 1, "carers": 0})))
    assert power is not None
    assert power.shares.get("carers", 0.0) == 0.0
    assert sum(power.shares.values()) == pytest.approx(1.0)


def test_decision_power_is_unknown_without_a_rule() -> None:
    assert decision_power(context(lambda d: d["governance"]["decision_making"].pop("rule"))) is None


def test_the_body_marked_as_deciding_the_budget_counts() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [
            {"id": "forum", "name": "Forum", "rule": "consensus"},
            {
                "id": "board",
                "name": "Board",
                "rule": "majority",
                "votes": {"council": 3, "trust": 1, "carers": 1},
                "decides_budget": True,
            },
        ]

    power = decision_power(context(change))
    assert power is not None and power.body == "Board" and power.dictator == "council"


def test_staff_and_money_are_not_added_without_fte_cost() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partners"][0]["contributions"] = [{"type": "funding", "amount": 900000}]
        d["partners"][1]["contributions"] = [{"type": "staff", "fte": 600}]
        d["partners"][2]["contributions"] = [{"type": "funding", "amount": 100000}]

    shares = resource_shares(context(change))
    assert shares is not None and shares.basis.startswith("the larger of money and staff time")
    # trust brings all of the staff time: its share is not drowned by the money.
    assert shares.shares["trust"] == 1.0 and shares.shares["council"] == 0.9


def test_fte_cost_values_staff_time_as_money() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"]["fte_cost"] = 50000
        d["partners"][0]["contributions"] = [{"type": "funding", "amount": 100000}]
        d["partners"][1]["contributions"] = [{"type": "staff", "fte": 2}]
        d["partners"][2]["contributions"] = [{"type": "in-kind", "value": 100000}]

    shares = resource_shares(context(change))
    assert shares is not None and shares.basis == "money and staff time at fte_cost"
    assert shares.shares == pytest.approx(
        {"council": 1 / 3, "trust": 1 / 3, "carers": 1 / 3, "forum": 0.0}
    )


def test_analysis_power_can_be_imported_first() -> None:
    # analysis.power imports rules.context, which registers rules.power, which needs
    # analysis.power: a fresh interpreter catches an import cycle the test session hides.
    code = "import partnercheck.analysis.power as p; print(p.banzhaf({'a': 1, 'b': 1}, 2))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "{'a': 0.5, 'b': 0.5}"


# --- PC711 over-power and PC715 under-power --------------------------------------------


def test_pc711_uses_banzhaf_not_raw_votes() -> None:
    # carers has 2% of the votes but, by the Banzhaf index, a third of the power,
    # exactly its share of the resources.
    result = assess_changed(deciding("majority", {"council": 49, "trust": 49, "carers": 2}))
    assert not fired(result, "PC711") and not fired(result, "PC715")


def test_pc711_fires_for_a_partner_that_decides_much_and_brings_little() -> None:
    change = both(
        bringing(100, 100, 800), deciding("supermajority", {"council": 2, "trust": 1, "carers": 1})
    )
    [finding] = fired(assess_changed(change), "PC711")
    assert finding.subject == "council"
    assert finding.message.startswith(
        "Partner council holds 60% of the decision power (two-thirds of 4 votes;"
    )
    assert "but brings 10% of the resources (money)" in finding.message
    assert finding.challenge == "power-imbalance" and finding.element == "roles"


def test_pc711_fires_at_the_gap_and_not_below_it() -> None:
    # Under a majority of 2, 2 and 1 votes each partner holds a third of the power (any
    # two win). Equal votes would be one partner, one vote: a choice PC711 leaves alone.
    at = 1 / 3 - GAP
    change = both(
        bringing(at, 1 - at - 0.1, 0.1),
        deciding("majority", {"council": 2, "trust": 2, "carers": 1}),
    )
    assert [f.subject for f in fired(assess_changed(change), "PC711")] == ["council"]
    above = 1 / 3 - GAP + 0.01
    change = both(
        bringing(above, 0.5, 1 - above - 0.5),
        deciding("majority", {"council": 2, "trust": 2, "carers": 1}),
    )
    assert "council" not in [f.subject for f in fired(assess_changed(change), "PC711")]


# 2, 2 and 1 votes under a majority: any two win, so each holds a third of the power.
EQUAL_MAJORITY = deciding("majority", {"council": 2, "trust": 2, "carers": 1})


@pytest.mark.parametrize(("council", "fires"), [(8, True), (9, False)])
def test_pc711_fires_a_quarter_above_what_a_partner_brings(council: float, fires: bool) -> None:
    # A third of the power for 8% of the money is 25.3 points more; for 9%, 24.3.
    rest = (100 - council) / 2
    result = assess_changed(both(bringing(council, rest, rest), EQUAL_MAJORITY))
    assert [f.subject for f in fired(result, "PC711")] == (["council"] if fires else [])


@pytest.mark.parametrize(("carers", "fires"), [(59, True), (57, False)])
def test_pc715_fires_a_quarter_below_what_a_partner_brings(carers: float, fires: bool) -> None:
    # 59% of the money for a third of the power is 25.7 points less; 57%, 23.7.
    rest = (100 - carers) / 2
    result = assess_changed(both(bringing(rest, rest, carers), EQUAL_MAJORITY))
    assert [f.subject for f in fired(result, "PC715")] == (["carers"] if fires else [])


def test_pc711_is_quiet_under_consensus_and_for_beneficiaries() -> None:
    consensus = both(bringing(100, 100, 800), deciding("consensus", None))
    assert not fired(assess_changed(consensus), "PC711")

    def served(d: dict[str, Any]) -> None:
        bringing(0, 500, 500)(d)
        deciding("majority", {"council": 2, "trust": 2, "carers": 1})(d)
        d["partners"][0]["standing"] = "beneficiary"

    assert "council" not in [f.subject for f in fired(assess_changed(served), "PC711")]


def test_pc715_fires_for_a_partner_that_brings_much_and_decides_little() -> None:
    change = both(
        bringing(100, 100, 800), deciding("supermajority", {"council": 2, "trust": 1, "carers": 1})
    )
    [finding] = fired(assess_changed(change), "PC715")
    assert finding.subject == "carers"
    assert finding.message.startswith("Partner carers brings 80% of the resources (money) but")
    assert (
        finding.advice
        == "Give Test Home Care Ltd more say on the Partnership board, in line with what it brings"
    )


def test_pc715_is_quiet_for_a_veto_holder_and_a_host() -> None:
    # Under consensus everyone holds a veto: no partner is out-voted.
    consensus = both(bringing(100, 100, 800), deciding("consensus", None))
    assert not fired(assess_changed(consensus), "PC715")

    def host(d: dict[str, Any]) -> None:
        both(
            bringing(100, 100, 800),
            deciding("supermajority", {"council": 2, "trust": 1, "carers": 1}),
        )(d)
        d["partners"][2]["standing"] = "host"

    assert not fired(assess_changed(host), "PC715")


def with_finance_committee(rule: str, votes: dict[str, int]) -> Any:
    """carers brings 60% and holds no power on the board, which decides the budget (a
    two-thirds quota of 5 votes); a finance committee decides by ``rule`` with ``votes``."""

    def change(d: dict[str, Any]) -> None:
        d["governance"].pop("decision_making")
        d["governance"]["bodies"] = [
            {
                "id": "board",
                "name": "Partnership board",
                "rule": "supermajority",
                "votes": {"council": 2, "trust": 2, "carers": 1},
                "decides_budget": True,
            },
            {"id": "finance", "name": "Finance committee", "rule": rule, "votes": votes},
        ]

    return both(bringing(20, 20, 60), change)


@pytest.mark.parametrize(
    ("rule", "votes", "veto"),
    [
        ("majority", {"council": 1, "trust": 1, "carers": 2}, True),  # the others have 2 of 3
        ("majority", {"council": 2, "trust": 1, "carers": 1}, False),  # the others have 3 of 3
        ("supermajority", {"council": 2, "trust": 2, "carers": 3}, True),  # 4 of the 5 needed
        ("supermajority", {"council": 3, "trust": 3, "carers": 2}, False),  # 6 of the 6 needed
    ],
)
def test_pc715_spares_a_partner_with_a_veto_on_any_deciding_body(
    rule: str, votes: dict[str, int], veto: bool
) -> None:
    found = fired(assess_changed(with_finance_committee(rule, votes)), "PC715")
    assert [f.subject for f in found] == ([] if veto else ["carers"])


def test_pc715_fires_for_a_partner_with_no_seat_even_under_consensus() -> None:
    change = both(bringing(100, 100, 800), deciding("consensus", {"council": 1, "trust": 1}))
    [finding] = fired(assess_changed(change), "PC715")
    assert finding.subject == "carers"


def test_power_rules_are_quiet_when_decision_power_is_unknown() -> None:
    def change(d: dict[str, Any]) -> None:
        d["governance"]["decision_making"].pop("rule")
        bringing(100, 100, 10_000)(d)

    result = assess_changed(change)
    assert not fired(result, "PC711") and not fired(result, "PC715")


# --- PC712 a partner decides alone ---------------------------------------------------


def dominant_council(d: dict[str, Any]) -> None:
    """Council decides alone, chairs for good and hosts the pooled budget."""
    deciding("lead-partner", None, lead="council")(d)
    d["governance"]["chair"] = {"partner": "council", "rotates": "never"}


def test_pc712_fires_when_one_partner_decides_alone() -> None:
    result = assess_changed(dominant_council)
    [finding] = fired(result, "PC712")
    assert finding.severity == "error" and finding.points == 50.0
    assert finding.message == (
        "Partner council can take decisions alone (lead-partner rule) and chairs without "
        "rotation and controls the budget, bringing 33% of the resources"
    )
    assert finding.advice == (
        "Change how the Partnership board decides so that Test City Council cannot decide "
        "alone; have the chair rotate or be independent; and put the budget under the "
        "partners' joint control"
    )
    assert finding.location is not None
    assert finding.location.path == "governance.decision_making"
    # One gap, one price: neither the fixed chair nor the over-power is charged again.
    assert not fired(result, "PC714") and not fired(result, "PC711")


def test_pc712_fires_for_a_voting_bloc() -> None:
    change = deciding("weighted-vote", {"council": 3, "trust": 1, "carers": 1})
    [finding] = fired(assess_changed(change), "PC712")
    assert finding.message.startswith("Partner council can take decisions alone (simple majority")


@pytest.mark.parametrize("rule", ["consensus", "majority"])
def test_pc712_is_quiet_when_nobody_decides_alone(rule: str) -> None:
    assert not fired(
        assess_changed(deciding(rule, {"council": 1, "trust": 1, "carers": 1})), "PC712"
    )


def test_a_declared_risk_halves_pc712_and_keeps_it_an_error() -> None:
    [plain] = fired(assess_changed(dominant_council), "PC712")

    def declared(d: dict[str, Any]) -> None:
        dominant_council(d)
        d["risks"].append(
            {
                "challenge": "power-imbalance",
                "description": "The council hosts the budget, chairs and leads decisions",
                "mitigation": "Annual independent review of board decisions",
                "owner": "trust",
                "covers": ["PC712"],
            }
        )

    result = assess_changed(declared)
    [soft] = fired(result, "PC712")
    assert soft.severity == "error" and soft.mitigated_by == "risks[1]"
    assert soft.points == pytest.approx(plain.points / 2, abs=0.01)
    [power] = [c for c in result.challenges if c.id == "power-imbalance"]
    assert power.mitigated and power.mitigated_by == ["risks[1]"] and power.level == "high"


def test_a_risk_without_covers_or_an_owner_softens_nothing() -> None:
    for risk in (
        {
            "challenge": "power-imbalance",
            "description": "Council dominates",
            "mitigation": "Annual review",
            "owner": "trust",
        },
        {
            "challenge": "power-imbalance",
            "description": "Council dominates",
            "mitigation": "Annual review",
            "covers": ["PC712"],
        },
    ):

        def declared(d: dict[str, Any], risk: dict[str, Any] = risk) -> None:
            dominant_council(d)
            d["risks"].append(risk)

        result = assess_changed(declared)
        [finding] = fired(result, "PC712")
        assert finding.mitigated_by is None
        [power] = [c for c in result.challenges if c.id == "power-imbalance"]
        assert power.risks == ["risks[1]"]  # still shown as evidence


# --- PC713 every partner has a say ---------------------------------------------------


def test_a_partner_given_no_votes_holds_no_veto_under_consensus() -> None:
    result = assess_changed(lambda d: d["governance"]["decision_making"]["votes"].update(carers=0))
    [finding] = fired(result, "PC715")
    assert finding.subject == "carers"
    assert "holds 0% of the decision power" in finding.message


@pytest.mark.parametrize(("council", "controls"), [(100, False), (101, True)])
def test_pc712_says_a_partner_controls_the_budget_only_with_most_of_the_funding(
    council: float, controls: bool
) -> None:
    change = both(bringing(council, 50, 50), deciding("lead-partner", None, lead="council"))
    [finding] = fired(assess_changed(change), "PC712")
    assert ("controls the budget" in finding.message) is controls


def test_pc713_fires_for_a_partner_with_no_vote_or_seat_anywhere() -> None:
    result = assess_changed(deciding("majority", {"council": 1, "trust": 1}))
    [finding] = fired(result, "PC713")
    assert finding.message == "Partner carers has no vote or seat on any body"
    assert finding.location is not None and finding.location.path == "partners[2]"


def test_pc713_counts_an_advisory_seat() -> None:
    def change(d: dict[str, Any]) -> None:
        deciding("majority", {"council": 1, "trust": 1})(d)
        votes = d["governance"].pop("decision_making")["votes"]
        d["governance"]["bodies"] = [
            {"id": "board", "name": "Board", "rule": "majority", "votes": votes},
            {
                "id": "panel",
                "name": "Provider panel",
                "decides": "Advises the board",
                "members": ["carers"],
                "rule": "consensus",
            },
        ]

    assert not fired(assess_changed(change), "PC713")


def test_pc713_leaves_associates_and_partners_who_left_alone() -> None:
    def change(d: dict[str, Any]) -> None:
        deciding("majority", {"council": 1})(d)
        d["partners"][1]["standing"] = "associate"
        d["partners"][2]["left"] = "2026-01-31"

    assert not fired(assess_changed(change), "PC713")


def test_pc713_is_quiet_without_a_votes_list() -> None:
    assert not fired(assess_changed(deciding("majority", None)), "PC713")


# --- PC714 the chair -----------------------------------------------------------------


def test_pc714_fires_when_the_chair_never_rotates() -> None:
    result = assess_changed(lambda d: d["governance"]["chair"].update(rotates="never"))
    [finding] = fired(result, "PC714")
    assert finding.severity == "info" and finding.points == 0.0
    assert finding.message == "Partner trust chairs and the chair never rotates (3 partners)"


def test_pc714_does_not_say_never_when_rotation_is_unset() -> None:
    [finding] = fired(assess_changed(lambda d: d["governance"]["chair"].pop("rotates")), "PC714")
    assert finding.message == "Partner trust chairs; whether the chair rotates is not recorded"
    assert "never" not in finding.message


def test_an_independent_chair_is_a_strength_not_a_finding() -> None:
    def change(d: dict[str, Any]) -> None:
        d["members"].append({"id": "chair", "name": "Ann Chair", "kind": "independent"})
        d["governance"]["chair"] = {"member": "chair"}

    result = assess_changed(change)
    assert not fired(result, "PC714")
    assert "The chair is independent of the partners" in [s.text for s in result.strengths]


def test_a_community_chair_is_not_called_independent() -> None:
    result = assess_changed(lambda d: d["governance"].update(chair={"member": "forum"}))
    texts = [s.text for s in result.strengths]
    assert "The people the partnership serves chair it" in texts
    assert "The chair is independent of the partners" not in texts


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


# --- one partner, one vote on a small body --------------------------------------------


def voters_each_one_vote(count: int) -> Any:
    """``count`` voters of one vote each under a majority: the three partners, then members."""

    def change(d: dict[str, Any]) -> None:
        d["members"] = [
            {"id": f"m{n}", "name": f"Member {n}", "kind": "independent"} for n in range(count - 3)
        ]
        votes = dict.fromkeys(["council", "trust", "carers"] + [m["id"] for m in d["members"]], 1)
        deciding("majority", votes)(d)

    return change


def test_equal_votes_on_a_small_body_are_a_choice_not_an_imbalance() -> None:
    # One partner, one vote among three: the carers bring 80% and hold a third, the council
    # brings 10% and holds a third; neither is told to change the votes.
    result = assess_changed(both(bringing(100, 100, 800), voters_each_one_vote(3)))
    assert not fired(result, "PC711") and not fired(result, "PC715")


@pytest.mark.parametrize(("count", "fires"), [(5, False), (6, True)])
def test_the_equal_say_exemption_ends_above_five_voters(count: int, fires: bool) -> None:
    # Six voters hold a sixth each; bringing 80% is then far beyond the carers' say.
    result = assess_changed(both(bringing(100, 100, 800), voters_each_one_vote(count)))
    assert [f.subject for f in fired(result, "PC715")] == (["carers"] if fires else [])


def test_pc711_is_quiet_for_a_community_organisation() -> None:
    def community(d: dict[str, Any]) -> None:
        both(bringing(0, 500, 500), EQUAL_MAJORITY)(d)
        d["partners"][0]["sector"] = "community"

    assert "council" not in [f.subject for f in fired(assess_changed(community), "PC711")]


def test_pc711_asks_for_a_value_when_a_partner_brings_only_unvalued_things_in_kind() -> None:
    def in_kind(d: dict[str, Any]) -> None:
        both(bringing(0, 500, 500), EQUAL_MAJORITY)(d)
        d["partners"][0]["contributions"] = [
            {"type": "facilities", "description": "Community room for the weekly clinic"}
        ]

    [finding] = fired(assess_changed(in_kind), "PC711")
    assert finding.severity == "info" and finding.points == 0
    assert "in-kind contributions with no value not counted" in finding.message
    assert finding.advice.startswith(
        "Record a value for what Test City Council brings in kind (Community room for the "
        "weekly clinic)"
    )


def test_pc712_advice_with_one_more_step_reads_as_one_sentence() -> None:
    def fixed_chair_only(d: dict[str, Any]) -> None:
        dominant_council(d)
        d["resources"].pop("pooled_budget")  # the council no longer holds pooled money

    [finding] = fired(assess_changed(fixed_chair_only), "PC712")
    assert finding.advice.endswith("cannot decide alone; have the chair rotate or be independent")
