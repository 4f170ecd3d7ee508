"""PC952-PC954 through the assessment: a survey of the sound partnership's three partners."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from partnercheck.engine import Options, SurveyInput, assess, load
from partnercheck.load import Source
from partnercheck.results import ElementId, FileResult
from partnercheck.survey.responses import Response
from partnercheck.survey.statements import STATEMENTS, Area
from tests.conftest import AS_OF, TESTS, dump, element, fired, sound

Change = Callable[[dict[str, Any]], None]


def answers(
    partner: str, rating: int, overrides: Mapping[Area, int] | None = None
) -> list[Response]:
    """Three respondents of ``partner`` (enough not to be indicative), each giving ``rating``
    to every statement except those of the areas in ``overrides``."""
    overrides = overrides or {}
    ratings = {s.id: overrides.get(s.area, rating) for s in STATEMENTS}
    return [Response(f"{partner}-{i}", partner, None, ratings) for i in range(3)]


def survey(
    council: int, trust: int, carers: int, overrides: Mapping[Area, int] | None = None
) -> list[Response]:
    return [
        *answers("council", council, overrides),
        *answers("trust", trust, overrides),
        *answers("carers", carers, overrides),
    ]


def assess_surveyed(responses: list[Response], change: Change | None = None) -> FileResult:
    data = sound()
    if change is not None:
        change(data)
    loaded = load(Source("test.yaml", dump(data), TESTS))
    return assess(loaded, Options(as_of=AS_OF), SurveyInput(responses))


def test_pc952_fires_for_a_partner_a_point_below_the_others() -> None:
    result = assess_surveyed(survey(4, 4, 3))
    [finding] = fired(result, "PC952")
    assert finding.message.startswith(
        "carers rates the partnership 3.0 out of 5 on average, 1.0 points below the other "
        "partners (4.0); lowest on goals, vision, communication."
    )
    assert (finding.severity, finding.points) == ("warning", 0.0)
    assert (finding.element, finding.challenge) == (None, "power-imbalance")
    assert finding.location is None  # the responses came from the command line
    # It is a priority, with its gain marked as an estimate.
    [action] = [a for a in result.priorities if a.rule == "PC952"]
    assert action.estimated and action.gain > 0
    assert action.recommendation.startswith("Talk with carers about its experience")


def test_pc952_estimates_its_gain_as_the_partner_rating_like_the_others() -> None:
    result = assess_surveyed(survey(4, 4, 3))
    [action] = [a for a in result.priorities if a.rule == "PC952"]
    agreed = assess_surveyed(survey(4, 4, 4))  # carers' ratings risen to the others'
    assert action.gain == action.mean_gain == round(agreed.score - result.score, 1) == 4.2


def test_pc952_stays_quiet_for_a_partner_less_than_a_point_below() -> None:
    responses = [*answers("council", 4), *answers("trust", 4)]
    responses += answers("carers", 3, {ElementId.GOALS: 5})  # 3.26 on average, 0.74 below
    result = assess_surveyed(responses)
    assert not fired(result, "PC952")


def test_pc953_fires_when_partners_rate_low_what_the_file_describes_well() -> None:
    result = assess_surveyed(survey(4, 4, 4, {ElementId.COMMUNICATION: 2}))
    [finding] = fired(result, "PC953")
    assert finding.message == (
        "“Open communication and mutual respect” looks good on paper (100/100) but partners "
        "rate it low (25/100): what is written down is not what partners experience."
    )
    assert (finding.severity, finding.points, finding.element) == ("warning", 0.0, "communication")
    # The combined score is half document, half perception.
    assert element(result, "communication") == 62.5


def test_pc953_stays_quiet_at_a_perception_of_50() -> None:
    result = assess_surveyed(survey(4, 4, 4, {ElementId.COMMUNICATION: 3}))
    assert not fired(result, "PC953")
    assert element(result, "communication") == 75.0


def drop_vision(d: dict[str, Any]) -> None:
    d.pop("vision")


def test_pc954_fires_when_partners_rate_well_what_the_file_lacks() -> None:
    result = assess_surveyed(survey(4, 4, 4), drop_vision)
    [finding] = fired(result, "PC954")
    assert finding.message == (
        "Partners rate “Shared vision and values” well (75/100) but little of it is written "
        "down (0/100)."
    )
    assert (finding.severity, finding.points, finding.element) == ("info", 0.0, "vision")
    assert fired(result, "PC201")  # the missing section is still priced on paper


def test_pc954_stays_quiet_when_the_file_describes_the_element() -> None:
    result = assess_surveyed(survey(4, 4, 4, {ElementId.VISION: 5}))
    assert not fired(result, "PC954")


def test_pc954_stays_quiet_when_partners_rate_the_missing_element_below_75() -> None:
    result = assess_surveyed(survey(4, 4, 3), drop_vision)
    assert not fired(result, "PC954")


def test_survey_rules_stay_quiet_when_partners_agree_with_the_file() -> None:
    result = assess_surveyed(survey(4, 4, 4))
    assert not [f for f in result.findings if f.rule.startswith("PC95")]


def test_priorities_do_not_repeat_the_same_advice() -> None:
    # A partner rating every area low yields one PC951 per area, all with the same advice.
    result = assess_surveyed(survey(4, 4, 2))
    advice = [a.recommendation for a in result.priorities]
    assert len(advice) == len(set(advice))
    assert "PC952" in [a.rule for a in result.priorities]


def test_divergences_with_the_same_advice_are_one_priority_over_all_their_areas() -> None:
    low: dict[Area, int] = {ElementId.GOALS: 2, ElementId.VISION: 2}
    result = assess_surveyed(
        [*answers("council", 4), *answers("trust", 4), *answers("carers", 4, low)]
    )
    assert [f.element for f in fired(result, "PC951")] == ["goals", "vision"]
    [action] = [a for a in result.priorities if a.rule == "PC951"]
    assert action.recommendation.startswith("Share the results with all partners")
    # Its gain: carers' ratings of both areas risen to the others'.
    agreed = assess_surveyed(survey(4, 4, 4))
    assert action.estimated and action.gain == round(agreed.score - result.score, 1) == 2.8
