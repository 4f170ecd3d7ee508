"""Survey analysis on constructed response sets: scores, divergence, low raters, gaps, privacy."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pytest

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.scoring import combine
from partnercheck.survey.analysis import analyse, perception_score
from partnercheck.survey.responses import Response
from partnercheck.survey.results import SurveyResult
from partnercheck.survey.statements import BY_ID, STATEMENTS, Area, statements_for

PARTNERS = ["council", "nhs", "housing", "carelink"]
DOCUMENT = dict.fromkeys(ElementId, 60.0)


def group(
    partner: str,
    ratings: Iterable[int],
    overrides: Mapping[Area, Iterable[int]] | None = None,
) -> list[Response]:
    """One response per rating in ``ratings``: that rating on every statement, except
    the statements of the ``overrides`` areas, which get the matching override rating."""
    overrides = overrides or {}
    special = {area: list(values) for area, values in overrides.items()}
    responses = []
    for i, rating in enumerate(ratings):
        answers = {}
        for s in STATEMENTS:
            answers[s.id] = special[s.area][i] if s.area in special else rating
        responses.append(Response(f"{partner}-{i}", partner, "officer", answers, 0))
    return responses


def run(
    responses: list[Response], min_respondents: int = 3, show_respondents: bool = False
) -> SurveyResult:
    return analyse(responses, PARTNERS, DOCUMENT, min_respondents, show_respondents)


def kinds(result: SurveyResult) -> list[tuple[str, str | None, str | None]]:
    return [
        (r.kind, (r.element or r.challenge or None) and str(r.element or r.challenge), r.partner)
        for r in result.records
    ]


def test_perception_score_and_combine() -> None:
    assert [perception_score(m) for m in (1, 2, 3, 4.5, 5)] == [0.0, 25.0, 50.0, 87.5, 100.0]
    assert combine(80.0, 60.0) == 70.0
    assert combine(73.3, 50.0) == 61.6  # 61.65 in binary is just below: rounded once
    assert combine(80.0, None) == 80.0


def test_partner_means_and_perception_scores() -> None:
    responses = group("council", [4, 5]) + group("nhs", [3, 3, 3]) + group("housing", [2])
    result = run(responses)
    by_partner = {p.partner: p for p in result.partners}
    assert by_partner["council"].mean == 4.5
    assert by_partner["nhs"].mean == 3.0
    assert by_partner["housing"].respondents == 1
    assert by_partner["carelink"].mean is None
    goals = result.elements[0]
    # Every partner counts equally: the mean of partner means is (4.5 + 3 + 2) / 3.
    assert goals.id is ElementId.GOALS
    assert goals.perception == perception_score((4.5 + 3 + 2) / 3)
    assert goals.combined == combine(60.0, goals.perception)
    assert goals.document == 60.0
    assert goals.respondents == 6
    assert goals.spread == 2.5
    cells = [(c.partner, c.mean, c.respondents) for c in result.table if c.area == "goals"]
    assert cells == [("council", 4.5, 2), ("nhs", 3.0, 3), ("housing", 2.0, 1)]
    assert result.respondents == 6
    assert result.absent_partners == ["carelink"]


def test_blank_answers_are_left_out() -> None:
    responses = [
        Response("a", "council", None, {"GOA1": 5, "GOA2": 3}, 2),
        Response("b", "council", None, {"GOA1": 4}, 3),
        Response("c", "council", None, {}, 4),  # rated nothing: not counted
    ]
    result = run(responses)
    (cell,) = [c for c in result.table if c.area == "goals"]
    assert (cell.mean, cell.respondents) == (4.0, 2)
    assert result.respondents == 2
    assert result.elements[1].perception is None  # vision: nobody rated it
    assert result.elements[1].combined == 60.0  # the document score alone
    assert result.elements[0].spread is None  # one partner: no spread


def test_divergence_on_one_element() -> None:
    communication: dict[Area, list[int]] = {ElementId.COMMUNICATION: [2, 2, 1]}
    responses = (
        group("council", [4, 4, 4])
        + group("nhs", [4, 5, 4])
        + group("housing", [4, 4, 4], communication)
        + group("carelink", [4, 4, 4])
    )
    result = run(responses)
    assert kinds(result) == [("divergence", "communication", "housing")]
    (record,) = result.records
    assert record.severity is Severity.WARNING
    assert "housing rates its statements 1.7 out of 5, nhs 4.3" in record.message
    assert result.elements[2].spread == 2.66


@pytest.mark.parametrize(("low", "diverges"), [((2, 3), True), ((3, 3, 2, 2, 2, 3, 3), False)])
def test_divergence_threshold_is_one_and_a_half_points(
    low: tuple[int, ...], diverges: bool
) -> None:
    # council 4.0 against housing 2.5 (exactly 1.5) or 2.57 (1.43).
    responses = group("council", [4, 4, 4]) + group("housing", low)
    result = run(responses)
    assert any(r.kind == "divergence" for r in result.records) is diverges


def test_divergence_on_a_challenge() -> None:
    power: dict[Area, list[int]] = {ChallengeId.POWER_IMBALANCE: [1, 2, 1]}
    responses = group("council", [4, 4, 4]) + group("housing", [4, 4, 4], power)
    (record,) = run(responses).records
    assert (record.kind, record.challenge, record.element) == (
        "divergence",
        ChallengeId.POWER_IMBALANCE,
        None,
    )


def test_low_rater_when_the_overall_average_looks_fine() -> None:
    # Three partners rate the partnership 4.3-4.7; housing rates it 3.3.
    # The mean of all partners is 4.25: on average the partnership looks fine.
    responses = (
        group("council", [4, 5, 4])
        + group("nhs", [5, 4, 5])
        + group("carelink", [4, 5, 5])
        + group("housing", [3, 3, 4])
    )
    result = run(responses)
    overall = sum(p.mean or 0 for p in result.partners) / len(result.partners)
    assert overall > 4.0
    assert all((e.perception or 0) >= 75 for e in result.elements)
    # No single area diverges by 1.5 points or more ...
    assert all((e.spread or 0) < 1.5 for e in result.elements)
    # ... but housing is far below the rest.
    assert kinds(result) == [("low-rater", "power-imbalance", "housing")]
    (record,) = result.records
    assert record.challenge is ChallengeId.POWER_IMBALANCE
    assert "housing rates the partnership 3.3 out of 5 on average, 1.2 points below" in (
        record.message
    )
    assert "lowest on goals, vision, communication" in record.message


def test_low_rater_threshold() -> None:
    # 4.0 against 3.0 (exactly 1.0 below) is a low rater; 4.0 against 3.1 is not.
    assert kinds(run(group("council", [4]) + group("nhs", [3])))[0][0] == "low-rater"
    responses = group("council", [4] * 10) + group("nhs", [3] * 9 + [4])
    assert run(responses).records == []


def test_only_the_low_partner_is_a_low_rater_with_two_partners() -> None:
    result = run(group("council", [5, 5, 5]) + group("nhs", [2, 2, 2]))
    low = [r.partner for r in result.records if r.kind == "low-rater"]
    assert low == ["nhs"]


def test_paper_gap_and_perception_gap() -> None:
    responses = group(
        "council", [4], {ElementId.COMMUNICATION: [2], ElementId.EVALUATION: [5]}
    ) + group("nhs", [4], {ElementId.COMMUNICATION: [2], ElementId.EVALUATION: [4]})
    documents = dict.fromkeys(ElementId, 60.0)
    documents[ElementId.COMMUNICATION] = 90.0  # a dispute process exists on paper ...
    documents[ElementId.EVALUATION] = 30.0
    result = analyse(responses, PARTNERS, documents)
    gaps = [(r.kind, r.element, r.severity) for r in result.records]
    assert gaps == [
        ("paper-gap", ElementId.COMMUNICATION, Severity.WARNING),  # ... but rated 25/100
        ("perception-gap", ElementId.EVALUATION, Severity.INFO),  # 87.5 but 30 on paper
    ]
    assert result.elements[2].combined == combine(90.0, 25.0)


def test_no_gap_at_the_boundaries() -> None:
    # Perception exactly 50 is not a paper gap; document exactly 40 is not a perception gap.
    responses = group("council", [3], {ElementId.EVALUATION: [5]})
    documents = dict.fromkeys(ElementId, 70.0)
    documents[ElementId.EVALUATION] = 40.0
    assert analyse(responses, PARTNERS, documents).records == []


def test_indicative_partners() -> None:
    responses = group("council", [4, 4, 4]) + group("nhs", [4, 4]) + group("housing", [4])
    result = run(responses)
    assert result.indicative_partners == ["nhs", "housing"]
    assert [p.indicative for p in result.partners] == [False, True, True, False]
    assert result.min_respondents == 3
    relaxed = run(responses, min_respondents=2)
    assert relaxed.indicative_partners == ["housing"]


def test_indicative_partner_is_named_in_the_record() -> None:
    responses = group("council", [5, 5, 5]) + group("housing", [2])
    messages = [r.message for r in run(responses).records]
    assert messages
    assert all("indicative: few respondents from housing" in m for m in messages)


def test_privacy_no_respondent_ids_unless_shown() -> None:
    responses = [
        Response("alice.smith@council.example", "council", "Director", {"GOA1": 5}, 2),
        Response("bob.jones@nhs.example", "nhs", "Matron", {"GOA1": 1}, 3),
    ]
    hidden = run(responses).model_dump_json()
    for secret in ("alice.smith", "bob.jones", "Director", "Matron"):
        assert secret not in hidden
    shown = run(responses, show_respondents=True)
    assert shown.respondent_answers is not None
    assert [(a.respondent, a.role, a.ratings, a.line) for a in shown.respondent_answers] == [
        ("alice.smith@council.example", "Director", {"GOA1": 5}, 2),
        ("bob.jones@nhs.example", "Matron", {"GOA1": 1}, 3),
    ]


def test_result_is_frozen_and_serialisable() -> None:
    result = run(group("council", [4]) + group("nhs", [2]))
    with pytest.raises(ValueError, match="frozen"):
        result.respondents = 3  # type: ignore[misc]
    assert SurveyResult.model_validate_json(result.model_dump_json()) == result


def test_every_area_is_reported_in_order() -> None:
    result = run(group("council", [4]))
    assert [e.id for e in result.elements] == list(ElementId)
    assert [c.id for c in result.challenges] == list(ChallengeId)
    assert len(statements_for(ElementId.GOALS)) == sum(
        1 for s in BY_ID.values() if s.element is ElementId.GOALS
    )
