"""The words of the contract: severities, element, challenge, band and depth ids.

Shared by the result models, the survey and the rules; kept apart so that any
of them can import it without importing the others.
"""

from __future__ import annotations

from enum import StrEnum


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
