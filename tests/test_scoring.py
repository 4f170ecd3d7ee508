"""docs/scoring.md's formulas, worked example and headline caps, run against the engine."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from partnercheck.engine import Options, assess, load
from partnercheck.load import Source
from partnercheck.results import Band, ElementId, ElementScore
from partnercheck.rules import REGISTRY
from partnercheck.rules.base import Hit
from partnercheck.scoring import (
    CAP_ROOM,
    CEILING,
    DRAFT_SHARE,
    ERROR_CAP,
    EVIDENCED_FOR_STRONG,
    SHORTFALL,
    SHORTFALL_AT_RISK,
    SHORTFALL_DEVELOPING,
    UNFINISHED_COUNT,
    Draft,
    Outcomes,
    band_for,
    capped,
    element_scores,
    headline_cap,
)
from tests.conftest import AS_OF, ROOT, TESTS, assess_changed, dump, element, fired, sound

DOC = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")


def test_worked_example() -> None:
    result = assess_changed(lambda d: d["goals"][1].pop("owner"))
    [finding] = fired(result, "PC106")
    assert finding.points == 4.0  # 8 points, one goal of two
    assert element(result, "goals") == 96.0
    assert result.score == 99.3 and result.band == "strong"  # (96 + 5 x 100) / 6


def test_points_table_matches_the_registry() -> None:
    documented = {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\| (PC\d{3}) \| [^|]+ \| ([\d.]+) \|", DOC, re.MULTILINE)
    }
    actual = {r.id: r.weight for r in REGISTRY.values() if r.element is not None}
    assert documented == actual


def test_bands_follow_the_contract() -> None:
    assert [band_for(s) for s in (100, 80, 79.9, 60, 59.9, 40, 39.9, 0)] == [
        "strong",
        "strong",
        "developing",
        "developing",
        "at-risk",
        "at-risk",
        "critical",
        "critical",
    ]


def test_element_scores_are_100_minus_the_points_lost() -> None:
    result = assess_changed(lambda d: d["communication"].pop("channels"))
    for e in result.elements:
        lost = sum(f.points for f in result.findings if f.element == e.id)
        assert e.score == round(max(0.0, 100 - lost), 1)


def verdict_after_losing(points: float) -> str:
    """The communication element's verdict when its findings cost ``points``."""
    rule = REGISTRY["PC305"]
    draft = Draft(rule, Hit("No communication channels are listed", None), None, rule.severity)
    scores = element_scores([draft], [points], {}, {})
    return next(e.verdict for e in scores if e.id == "communication")


@pytest.mark.parametrize(
    ("lost", "verdict"),
    [
        (20.0, "In place"),  # 80.0
        (20.1, "Mostly in place"),  # 79.9
        (40.0, "Mostly in place"),  # 60.0
        (40.1, "Partly in place"),  # 59.9
        (60.0, "Partly in place"),  # 40.0
        (60.1, "Largely missing"),  # 39.9
    ],
)
def test_an_elements_verdict_follows_the_bands(lost: float, verdict: str) -> None:
    assert verdict_after_losing(lost) == verdict


def test_an_uncapped_overall_is_the_weighted_mean() -> None:
    result = assess_changed(lambda d: d["communication"].pop("channels"))
    assert result.cap is None
    assert result.score == round(sum(e.score for e in result.elements) / 6, 1)


def test_an_element_weight_counts_that_element_more_in_the_mean() -> None:
    data = sound()
    data["evaluation"].pop("methods")  # evaluation 75 (PC603 and PC612), the rest 100
    options = Options(as_of=AS_OF, weights={ElementId.EVALUATION: 2.0})
    result = assess(load(Source("test.yaml", dump(data), TESTS)), options)
    assert result.score == 92.9  # (2 * 75 + 5 * 100) / 7
    assert [e.weight for e in result.elements] == [1.0, 1.0, 1.0, 1.0, 1.0, 2.0]


def test_info_findings_cost_nothing() -> None:
    result = assess_changed(lambda d: d["governance"]["chair"].update(rotates="never"))
    [finding] = fired(result, "PC714")
    assert finding.severity == "info" and finding.points == 0.0


def test_a_rule_never_costs_more_than_its_points_and_spreads_them_evenly() -> None:
    def change(d: dict[str, Any]) -> None:
        extra = [
            {"id": f"p{i}", "name": f"P{i}", "benefits": ["x"], "contributions": []}
            for i in range(3)
        ]
        d["partners"] += extra  # three free riders of six: a third each would be 120%
        d["communication"]["meetings"][0]["attendees"] += ["p0", "p1", "p2"]

    findings = fired(assess_changed(change), "PC401")
    assert len(findings) == 3
    assert sum(f.points for f in findings) == pytest.approx(40.0, abs=0.02)
    assert len({f.points for f in findings}) == 1  # nobody priced at 0 by list order


def test_very_many_findings_of_one_rule_are_summarised_at_the_same_price() -> None:
    from partnercheck.engine import MAX_HITS_PER_RULE

    count = MAX_HITS_PER_RULE + 250

    def change(d: dict[str, Any]) -> None:
        extra = [{"id": f"p{i}", "name": f"Partner {i}"} for i in range(count)]
        d["partners"].extend(extra)

    result = assess_changed(change)
    findings = fired(result, "PC110")
    assert len(findings) == MAX_HITS_PER_RULE
    assert findings[-1].message.endswith("; and 250 more like it")
    partners = count + 3
    assert findings[-1].points == round(8.0 * 251 / partners, 2)
    expected = 8.0 * count / partners
    assert abs(sum(f.points for f in findings) - expected) <= 0.005 * len(findings)


# --- The headline ---------------------------------------------------------------------


def elements(**scores: float) -> list[ElementScore]:
    values = {e.value: 100.0 for e in ElementId} | scores
    return [ElementScore(id=e, title=e.value, score=values[e.value], weight=1.0) for e in ElementId]


def test_the_band_is_at_most_one_above_the_weakest_element() -> None:
    assert headline_cap(elements(evaluation=59.9), []) is not None
    assert headline_cap(elements(evaluation=59.9), []).band == "developing"  # type: ignore[union-attr]
    assert headline_cap(elements(evaluation=60.0), []) is None
    cap = headline_cap(elements(evaluation=39.9), [])
    assert cap is not None and cap.band == "at-risk"
    assert cap.reason == "capped at at-risk: evaluation is critical (39.9 of 100)"


def test_an_element_weighted_zero_does_not_hold_the_headline() -> None:
    scores = [
        e.model_copy(update={"weight": 0.0}) if e.id == "evaluation" else e
        for e in elements(evaluation=10.0)
    ]
    assert headline_cap(scores, []) is None


def test_two_critical_elements_make_the_band_critical() -> None:
    cap = headline_cap(elements(goals=35.0, evaluation=13.3), [])
    assert cap is not None and cap.band == "critical"
    assert cap.reason == (
        "capped at critical: two elements are critical, goals (35.0) and evaluation (13.3)"
    )


def test_an_error_caps_at_developing() -> None:
    cap = headline_cap(elements(), [("PC307", "No process", "No process")])
    assert cap is not None and cap.band == ERROR_CAP == "developing"


@pytest.mark.parametrize(
    ("states", "band"),
    [
        (("missed", "on-track", "on-track", "on-track", "on-track"), "developing"),  # 0.2
        (("off-track", "on-track", "on-track", "on-track", "on-track"), None),  # 0.12
        (("missed", "missed", "on-track", "on-track"), "at-risk"),  # 0.5
        (("missed", "moving-away", "on-track", "on-track"), "developing"),  # 0.45
        (("overdue", "overdue", "on-track", "on-track", "on-track"), "developing"),  # 0.2
    ],
)
def test_results_falling_short_cap_the_band(states: tuple[str, ...], band: str | None) -> None:
    cap = headline_cap(elements(), [], Outcomes(states))
    assert (cap.band if cap else None) == band


def results(**counts: int) -> tuple[str, ...]:
    """Goal states by count: ``results(missed=1, on_track=4)``."""
    return tuple(s.replace("_", "-") for state, n in counts.items() for s in [state] * n)


# Mixed results, each case on an edge: a weight or a threshold 10% off moves its band.
# Shortfall: missed 1.0, moving away 0.8, off track 0.6, overdue 0.5, slipping 0.25.
@pytest.mark.parametrize(
    ("states", "band"),
    [
        (
            results(missed=1, moving_away=1, off_track=2, overdue=1, slipping=2, on_track=1),
            "at-risk",  # 4.0 / 8 = 0.5
        ),
        (results(missed=1, off_track=2, overdue=1, slipping=3), "developing"),  # 3.45 / 7
        (results(moving_away=1, slipping=3, on_track=4), None),  # 1.55 / 8 = 0.19
        (results(moving_away=1, on_track=3), "developing"),  # 0.8 / 4 = 0.2
    ],
)
def test_the_shortfall_weighs_each_goal_state_as_documented(
    states: tuple[str, ...], band: str | None
) -> None:
    cap = headline_cap(elements(), [], Outcomes(states))
    assert (cap.band if cap else None) == band


def test_one_goal_off_track_of_three_caps_at_developing() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"].append({**d["goals"][1], "id": "G3", "status": "on-track"})
        d["goals"][0]["status"] = "off-track"

    result = assess_changed(change)
    assert result.band == "developing"
    assert result.cap is not None and "results fall short" in result.cap.reason


def test_shortfall_thresholds_and_weights() -> None:
    assert (SHORTFALL_DEVELOPING, SHORTFALL_AT_RISK) == (0.2, 0.5)
    assert SHORTFALL == {
        "missed": 1.0,
        "will-miss": 0.9,
        "moving-away": 0.8,
        "off-track": 0.6,
        "overdue": 0.5,
        "slipping": 0.25,
    }


def test_the_cap_reason_counts_each_kind_of_shortfall() -> None:
    states = results(moving_away=1, off_track=1, slipping=1, overdue=1, on_track=1)
    cap = headline_cap(elements(), [], Outcomes(states))
    assert cap is not None and cap.reason == (
        "capped at developing: results fall short (1 of 5 goals moving away from target; "
        "2 of 5 goals off track; 1 of 5 goals past due with no result)"
    )


def test_the_track_record_reason_counts_the_goals_with_results() -> None:
    cap = headline_cap(elements(), [], Outcomes(("on-track", "unknown")))
    assert cap is not None and cap.reason == (
        "capped at developing: no track record yet "
        "(only 1 of 2 goals have a result or KPI reading on record)"
    )


def test_the_error_cap_names_the_first_error_and_counts_the_rest() -> None:
    errors = [("PC307", "No process", "No process"), ("PC712", "Decides alone", "Decides alone")]
    cap = headline_cap(elements(), errors)
    assert cap is not None
    assert cap.reason == "capped at developing: an error stands: No process (PC307) (and 1 more)"


def test_lapsed_reviews_with_results_falling_short_cap_at_at_risk() -> None:
    states = ("missed", "on-track", "on-track", "on-track", "on-track")
    cap = headline_cap(elements(), [], Outcomes(states, lapsed=True))
    assert cap is not None and cap.band == "at-risk"
    assert cap.reason.endswith("and nobody has reviewed them for two cycles")


def test_strong_needs_three_quarters_of_the_goals_evidenced_and_a_review() -> None:
    assert EVIDENCED_FOR_STRONG == 0.75
    three_of_four = ("on-track", "on-track", "met", "unknown")
    assert headline_cap(elements(), [], Outcomes(three_of_four)) is None
    two_of_four = ("on-track", "met", "unknown", "unknown")
    assert headline_cap(elements(), [], Outcomes(two_of_four)).band == "developing"  # type: ignore[union-attr]
    assert headline_cap(elements(), [], Outcomes(three_of_four, reviewed=False)) is not None


def test_a_draft_file_is_critical_and_an_unfinished_one_at_risk() -> None:
    assert DRAFT_SHARE == 0.4 and UNFINISHED_COUNT == 10
    draft = headline_cap(elements(), [], Outcomes(texts=10, placeholders=4))
    assert draft is not None and draft.band == "critical"
    assert headline_cap(elements(), [], Outcomes(texts=100, placeholders=9)) is None
    unfinished = headline_cap(elements(), [], Outcomes(texts=100, placeholders=10))
    assert unfinished is not None and unfinished.band == "at-risk"


def test_a_rule_that_caps_holds_the_band_and_falls_to_critical_with_failing_results() -> None:
    dispute = [(Band.AT_RISK, "The partners are in a legal dispute", "…")]
    cap = headline_cap(elements(), [], Outcomes(), dispute)
    assert cap is not None and cap.band == "at-risk"
    failing = Outcomes(("missed", "missed", "on-track", "on-track"))
    cap = headline_cap(elements(), [], failing, dispute)
    assert cap is not None and cap.band == "critical"


def test_a_capped_score_lands_in_its_band_and_keeps_its_rank() -> None:
    assert CAP_ROOM == 5.0
    assert capped(98.7, Band.DEVELOPING) == 79.6
    assert capped(90.0, Band.DEVELOPING) < capped(98.7, Band.DEVELOPING) <= CEILING[Band.DEVELOPING]
    assert capped(74.9, Band.DEVELOPING) == 74.9  # below the band's top five points: unchanged
    assert capped(70.0, Band.AT_RISK) <= 59.9


# pivot = ceiling - 5; 98 becomes pivot + (98 - pivot) * 5 / (100 - pivot) (docs/scoring.md).
@pytest.mark.parametrize(
    ("band", "score"), [("developing", 79.5), ("at-risk", 59.7), ("critical", 39.7)]
)
def test_a_capped_mean_of_98_lands_in_the_top_five_points_of_its_band(
    band: str, score: float
) -> None:
    assert capped(98.0, Band(band)) == score


def test_the_draft_share_is_judged_from_five_texts() -> None:
    two_of_five = headline_cap(elements(), [], Outcomes(texts=5, placeholders=2))
    assert two_of_five is not None and two_of_five.band == "critical"
    # Four texts are too few to call a file a draft by share (its rules price the gaps).
    assert headline_cap(elements(), [], Outcomes(texts=4, placeholders=4)) is None


def test_the_cap_is_reported_only_when_it_lowers_the_score() -> None:
    result = assess_changed(lambda d: d["communication"].pop("conflict_resolution"))
    assert result.cap is not None and result.band == "developing"
    assert result.uncapped_score is not None and result.uncapped_score > result.score


# --- Priorities -----------------------------------------------------------------------


def four_gaps(d: dict[str, Any]) -> None:
    d["resources"].pop("knowledge_sharing")  # PC404: 15 points of resources
    d["vision"]["agreed_by"] = ["council", "trust"]  # PC204: a third of vision's 40
    d["communication"].pop("channels")  # PC305: 10 points of communication
    d["roles"].pop(2)  # PC501: a third of roles' 25


def test_the_report_lists_the_three_actions_that_add_most() -> None:
    result = assess_changed(four_gaps)
    assert [(p.rule, p.mean_gain) for p in result.priorities] == [
        ("PC404", 2.5),
        ("PC204", 2.3),
        ("PC305", 1.7),
    ]  # PC501 (1.4) is fourth


def test_an_actions_gain_is_what_doing_it_earns() -> None:
    before = assess_changed(four_gaps)

    def done(d: dict[str, Any]) -> None:
        four_gaps(d)
        d["resources"]["knowledge_sharing"] = "Quarterly learning sessions"

    [action] = [p for p in before.priorities if p.rule == "PC404"]
    assert action.gain == round(assess_changed(done).score - before.score, 1) == 2.5


def test_the_action_that_lifts_the_cap_comes_first() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"].pop("conflict_resolution")  # PC307, an error: holds the cap
        d["vision"]["agreed_by"] = ["council"]  # PC204 for two partners

    result = assess_changed(change)
    # Agreeing the vision adds a little more to the elements, but the headline is held
    # until the dispute process is agreed: that is what the board must do first.
    assert [(p.rule, p.mean_gain, p.gain, p.lifts_cap) for p in result.priorities] == [
        ("PC307", 4.1, 17.3, True),
        ("PC204", 4.4, 0.9, False),
    ]
    # One action for both partners, in the rule's words for several, naming them.
    assert result.priorities[1].recommendation == (
        "Confirm the vision and values with trust and carers"
    )


def _two_partners_without_benefits(d: dict[str, Any]) -> None:
    d["partners"][1].pop("benefits")
    d["partners"][2].pop("benefits")  # 5.3 points of goals: 0.9 on the mean


def _a_goal_without_a_target(d: dict[str, Any]) -> None:
    d["goals"][1].pop("target")
    d["evaluation"]["kpis"][1].pop("target")  # 6 points of goals: 1.0 on the mean


def _both_small_gaps(d: dict[str, Any]) -> None:
    _a_goal_without_a_target(d)
    _two_partners_without_benefits(d)


@pytest.mark.parametrize(
    ("change", "listed"),
    [
        # A strong partnership is not handed a trifle (0.9) as its priority.
        (_two_partners_without_benefits, []),
        # Without a target G2's progress is unknown, so the headline is held for want of
        # a track record: showing how G2 is doing lifts it.
        (_a_goal_without_a_target, ["track-record", "PC104"]),
        # Beside actions worth a point, the benefits (0.9) are left out.
        (_both_small_gaps, ["track-record", "PC104"]),
    ],
)
def test_an_action_adding_less_than_a_point_is_no_priority(change: Any, listed: list[str]) -> None:
    assert [p.rule for p in assess_changed(change).priorities] == listed


def test_an_action_for_one_partner_names_it_in_the_findings_own_words() -> None:
    result = assess_changed(lambda d: d["vision"].update(agreed_by=["council", "trust"]))
    [action] = result.priorities
    assert (action.rule, action.recommendation) == (
        "PC204",
        "Confirm the vision and values with carers",
    )


def test_reviewing_a_failing_goal_and_agreeing_actions_for_it_are_one_priority() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["status"] = "off-track"  # PC111, and PC614: no action aimed at it

    result = assess_changed(change)
    assert {"PC111", "PC614"} <= {f.rule for f in result.findings}
    [action] = [p for p in result.priorities if p.rule in ("PC111", "PC614")]
    assert action.rule == "PC111" and action.advice.startswith("Review")
    # Its gain is what fixing both findings earns.
    both = sum(f.points for f in result.findings if f.rule in ("PC111", "PC614"))
    assert action.mean_gain == round(both / 6, 1)


def test_a_new_partnership_is_told_the_step_that_lifts_its_cap() -> None:
    def new(d: dict[str, Any]) -> None:
        d["partnership"].update(started=date(2026, 9, 1))
        d["partnership"]["agreement"].update(signed=date(2026, 8, 15))
        d["evaluation"].pop("last_review")  # three months in: no review held yet

    result = assess_changed(new)
    assert result.cap is not None and not [f for f in result.findings if f.points > 0]
    [step] = result.priorities
    assert (step.rule, step.lifts_cap, step.estimated) == ("track-record", True, True)
    assert step.advice.startswith("Hold the first review and record how each goal is doing")
    assert step.gain == round(result.uncapped_score - result.score, 1)  # type: ignore[operator]


def test_a_legal_dispute_comes_before_larger_gains_while_another_cap_holds() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"]["conflict_resolution"]["process"] = (
            "Disputes go to the board. The provider has issued a claim in the High Court."
        )
        d.pop("vision")  # a critical element caps the headline as low as the dispute does

    result = assess_changed(change)
    first = result.priorities[0]
    assert (first.rule, first.lifts_cap, first.caps_alone) == ("PC309", False, True)
    assert any(p.mean_gain > first.mean_gain for p in result.priorities[1:])


def test_short_of_strong_the_best_small_action_is_still_given() -> None:
    from partnercheck.results import PriorityAction
    from partnercheck.scoring.priorities import top

    small = PriorityAction(rule="PC110", recommendation="Agree benefits", gain=0.9, mean_gain=0.9)
    smaller = PriorityAction(rule="PC305", recommendation="List channels", gain=0.4, mean_gain=0.4)
    assert top([smaller, small], fallback=True) == [small]
    assert top([smaller, small], fallback=False) == []


def test_an_action_for_more_partners_than_a_sentence_holds_lists_them_after_it() -> None:
    def four_without_vision(d: dict[str, Any]) -> None:
        for pid in ("hospice", "pharmacy"):
            d["partners"].append({"id": pid, "name": pid.title(), "sector": "nonprofit"})
        d["vision"]["agreed_by"] = ["council"]  # trust, carers, hospice and pharmacy have not

    [action] = [p for p in assess_changed(four_without_vision).priorities if p.rule == "PC204"]
    assert action.recommendation.startswith("Confirm the vision and values with each of them: ")


def test_a_serious_finding_comes_before_housekeeping_of_a_similar_size() -> None:
    from partnercheck.results import PriorityAction
    from partnercheck.scoring.priorities import top

    vision = PriorityAction(rule="PC204", recommendation="Confirm", gain=5.0, mean_gain=5.0)
    free_rider = PriorityAction(
        rule="PC401", recommendation="Agree", gain=4.0, mean_gain=4.0, serious=True
    )
    assert top([vision, free_rider]) == [free_rider, vision]
