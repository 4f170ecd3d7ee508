"""The assessment result: immutable, serialisable records.

These frozen models are the single definition behind the JSON output, its
published JSON Schema, the Python API and every reporter. Reporters read them;
only :mod:`partnercheck.scoring` creates the numbers in them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for sorting and thresholds."""
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class ElementId(StrEnum):
    """The six elements, in report order."""

    GOALS = "goals"
    VISION = "vision"
    COMMUNICATION = "communication"
    RESOURCES = "resources"
    ROLES = "roles"
    EVALUATION = "evaluation"


class ChallengeId(StrEnum):
    CONFLICT = "conflict"
    POWER_IMBALANCE = "power-imbalance"
    RESOURCE_INVESTMENT = "resource-investment"
    LOGISTICS = "logistics"


class Band(StrEnum):
    STRONG = "strong"
    DEVELOPING = "developing"
    AT_RISK = "at-risk"
    CRITICAL = "critical"


class Depth(StrEnum):
    """Collaboration depth, shallowest first."""

    NETWORKING = "networking"
    COORDINATION = "coordination"
    COOPERATION = "cooperation"
    PARTNERSHIP = "partnership"


ELEMENT_TITLES: dict[ElementId, str] = {
    ElementId.GOALS: "Clear goals and objectives",
    ElementId.VISION: "Shared vision and values",
    ElementId.COMMUNICATION: "Open communication and mutual respect",
    ElementId.RESOURCES: "Sharing resources, knowledge and skills",
    ElementId.ROLES: "Clear roles and responsibilities",
    ElementId.EVALUATION: "Ongoing evaluation and improvement",
}

CHALLENGE_TITLES: dict[ChallengeId, str] = {
    ChallengeId.CONFLICT: "Conflict: different priorities and cultures",
    ChallengeId.POWER_IMBALANCE: "Power imbalance",
    ChallengeId.RESOURCE_INVESTMENT: "Heavy investment of time and resources",
    ChallengeId.LOGISTICS: "Logistics of coordinating across organisations",
}


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


class ElementScore(Frozen):
    id: ElementId
    title: str
    score: float
    weight: float
    verdict: str = ""


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
