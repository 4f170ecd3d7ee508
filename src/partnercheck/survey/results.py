"""What a survey analysis produces: immutable, serialisable records.

Only :mod:`partnercheck.survey.analysis` creates these. Means are on the 1-5
rating scale (two decimals); scores are 0-100 (one decimal).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from partnercheck.vocabulary import ChallengeId, ElementId, Severity

RecordKind = Literal["divergence", "low-rater", "paper-gap", "perception-gap"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PartnerAreaMean(_Frozen):
    """One cell of the partner x area table."""

    partner: str = Field(description="Partner id.")
    area: ElementId | ChallengeId = Field(description="Element or challenge id.")
    mean: float = Field(description="Mean rating (1-5) of the partner's respondents.")
    respondents: int = Field(description="Respondents of this partner who rated the area.")


class PartnerSummary(_Frozen):
    """One partner's overall view."""

    partner: str = Field(description="Partner id.")
    respondents: int = Field(description="Respondents who gave at least one rating.")
    mean: float | None = Field(
        description="Mean of all the partner's ratings (1-5); null with no respondents."
    )
    indicative: bool = Field(
        description="True when the partner has fewer respondents than min_respondents: "
        "its figures are indicative only."
    )


class ElementPerception(_Frozen):
    """An element's document, perception and combined scores."""

    id: ElementId = Field(description="Element id.")
    document: float | None = Field(description="Score from the partnership file (0-100).")
    perception: float | None = Field(
        description="Survey score (0-100): the mean of partner means, (m - 1) / 4 * 100; "
        "null when nobody rated the element."
    )
    combined: float | None = Field(
        description="0.5 x document + 0.5 x perception; the document score alone without "
        "a perception score (the perception score alone without a document score)."
    )
    respondents: int = Field(description="Respondents who rated at least one statement of it.")
    spread: float | None = Field(
        description="Highest minus lowest partner mean (rating points); null with fewer "
        "than two partners."
    )


class ChallengePerception(_Frozen):
    """How partners experience one challenge (higher is better: less of a problem)."""

    id: ChallengeId = Field(description="Challenge id.")
    perception: float | None = Field(description="Survey score (0-100), as for elements.")
    respondents: int = Field(description="Respondents who rated at least one statement of it.")
    spread: float | None = Field(description="Highest minus lowest partner mean (rating points).")


class SurveyRecord(_Frozen):
    """Something the survey shows; the assessment turns these into findings."""

    kind: RecordKind = Field(
        description="divergence (partners disagree about an area), low-rater (one partner "
        "rates everything lower), paper-gap (good on paper, poor in experience), "
        "perception-gap (experienced better than documented)."
    )
    severity: Severity = Field(description="Suggested severity.")
    element: ElementId | None = Field(description="Element concerned, if any.")
    challenge: ChallengeId | None = Field(description="Challenge concerned, if any.")
    partner: str | None = Field(
        description="Partner concerned: the low rater, or for a divergence the partner "
        "rating lowest; null for gaps."
    )
    message: str = Field(description="What was found, with the figures (partners by id).")
    recommendation: str = Field(description="What to do about it (partners by id).")
    text: str = Field(default="", description="The message for people: partners by name.")
    advice: str = Field(default="", description="The recommendation for people, by name.")


class RespondentAnswers(_Frozen):
    """One respondent's answers: only included when respondents are shown."""

    respondent: str = Field(description="Respondent id.")
    partner: str = Field(description="Partner id.")
    role: str | None = Field(description="Role, if given.")
    ratings: dict[str, int] = Field(description="Statement id -> rating (1-5).")
    line: int = Field(description="Line in the responses file.")


class SurveyResult(_Frozen):
    """Everything one survey analysis found."""

    respondents: int = Field(description="Respondents who gave at least one rating.")
    min_respondents: int = Field(
        description="Partners with fewer respondents than this are indicative."
    )
    partners: list[PartnerSummary] = Field(description="Per partner, in partnership order.")
    elements: list[ElementPerception] = Field(description="Per element, in report order.")
    challenges: list[ChallengePerception] = Field(description="Per challenge, in report order.")
    table: list[PartnerAreaMean] = Field(
        description="Partner x area means, by area (report order) then partner."
    )
    records: list[SurveyRecord] = Field(
        description="Divergences, low raters and gaps, most severe first."
    )
    indicative_partners: list[str] = Field(
        description="Partners with at least one but fewer than min_respondents respondents."
    )
    absent_partners: list[str] = Field(description="Partners with no respondents at all.")
    partners_total: int = Field(default=0, description="Partners in the partnership.")
    partners_responding: int = Field(
        default=0, description="Partners with at least one respondent who gave a rating."
    )
    coverage_indicative: bool = Field(
        default=False,
        description="True when fewer than half of the partners answered: the perception "
        "scores, and the combined headline, are indicative only.",
    )
    respondent_answers: list[RespondentAnswers] | None = Field(
        default=None,
        description="Individual answers; null unless respondents are shown (privacy).",
    )
