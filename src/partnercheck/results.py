"""The assessment result: immutable, serialisable records.

These frozen models are the single definition behind the JSON output, its
published JSON Schema, the Python API and every reporter. Reporters read them;
only :mod:`partnercheck.scoring` creates the numbers in them.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from partnercheck.survey.results import SurveyResult
from partnercheck.vocabulary import (
    CHALLENGE_TITLES,
    ELEMENT_TITLES,
    Band,
    ChallengeId,
    Depth,
    ElementId,
    Severity,
)

__all__ = [
    "CHALLENGE_TITLES",
    "ELEMENT_TITLES",
    "Band",
    "ChallengeId",
    "ChallengeResult",
    "Depth",
    "ElementId",
    "ElementScore",
    "ErrorRecord",
    "FileResult",
    "Finding",
    "Location",
    "PriorityAction",
    "Report",
    "Severity",
    "SurveyResult",
    "ToolInfo",
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Location(Frozen):
    """Where a finding points: a YAML path such as ``goals[1].target`` and its position."""

    path: str
    line: int
    column: int
    end_line: int | None = Field(default=None, exclude=True)
    end_column: int | None = Field(default=None, exclude=True)


class Finding(Frozen):
    rule: str
    severity: Severity
    element: ElementId | None = Field(
        description="Element the finding scores against; null for findings about the "
        "file itself (suppressions, depth)."
    )
    challenge: ChallengeId | None
    message: str
    location: Location | None
    recommendation: str
    suppressed: bool = False
    points: float = Field(
        default=0.0, description="Element points this finding costs (0 when suppressed)."
    )
    mitigated_by: str | None = Field(
        default=None, description="Path of a declared risk that softens this challenge finding."
    )
    justification: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="For a suppressed finding: the reason given in the file's suppress list.",
    )


class ElementScore(Frozen):
    id: ElementId
    title: str
    score: float = Field(description="The element's score: combined when a survey is given.")
    weight: float
    verdict: str = ""
    document_score: float | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="With a survey: the score from the partnership file alone.",
    )
    perception_score: float | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="With a survey: the partners' perception score (0-100).",
    )


class ChallengeResult(Frozen):
    id: ChallengeId
    title: str
    level: str = Field(description="none, low, moderate or high")
    mitigated: bool
    evidence: list[str] = Field(default_factory=list, description="Messages of the findings.")


class PriorityAction(Frozen):
    rule: str
    recommendation: str
    gain: float = Field(description="Overall points regained by acting on this rule.")


class FileResult(Frozen):
    file: str
    partnership: str
    score: float
    band: Band
    depth: Depth
    elements: list[ElementScore]
    findings: list[Finding]
    challenges: list[ChallengeResult] = Field(default_factory=list)
    priorities: list[PriorityAction] = Field(default_factory=list)
    form: str | None = None
    survey: SurveyResult | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="Partner perception survey results, when a survey was given.",
    )
    active_rules: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="Rules applied after select/ignore (for reporters that list every check).",
    )


class ToolInfo(Frozen):
    name: str = "partnercheck"
    version: str


class ErrorRecord(Frozen):
    file: str
    line: int
    column: int
    message: str


class Report(Frozen):
    """Everything one run produced: the JSON output, exactly."""

    tool: ToolInfo
    as_of: date
    results: list[FileResult]
    errors: list[ErrorRecord]
