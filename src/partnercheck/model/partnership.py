"""Partnership file format, version 1, as pydantic models.

Field names are the input contract (see docs/format.md); every field carries a
description so that ``partnercheck schema`` documents itself.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from partnercheck.model.types import (
    ActionStatus,
    Amount,
    ContributionType,
    Count,
    DecisionRule,
    Flag,
    Form,
    Frequency,
    GoalId,
    IsoDate,
    Number,
    PartnerId,
    RiskChallenge,
    Rotation,
    Sector,
    Text,
)


class Section(BaseModel):
    # Unknown keys are errors; the loader has already dropped "x-" keys.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Agreement(Section):
    signed: IsoDate | None = None
    """Date the partnership agreement was signed."""
    review_due: IsoDate | None = None
    """When the agreement itself must be reviewed."""
    exit_terms: Text | None = None
    """How a partner leaves and what happens to shared assets."""


class PartnershipInfo(Section):
    name: Text
    """Name of the partnership."""
    form: Form | None = None
    """Legal or organisational form."""
    purpose: Text | None = None
    """Why the partnership exists."""
    started: IsoDate | None = None
    """Date the partnership started."""
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    """ISO 4217 currency code for funding amounts, e.g. GBP."""
    agreement: Agreement | None = None
    """The written partnership agreement."""


class Contribution(Section):
    type: ContributionType
    """Kind of resource the partner brings."""
    amount: Amount | None = None
    """Money, in partnership.currency (for type funding)."""
    fte: Amount | None = None
    """Full-time equivalents (for type staff)."""
    description: Text | None = None
    """What exactly is contributed."""


class Partner(Section):
    id: PartnerId
    """Unique id used to refer to this partner elsewhere in the file."""
    name: Text
    """Organisation name."""
    sector: Sector | None = None
    """Sector the organisation belongs to."""
    contributions: list[Contribution] = Field(default_factory=list)
    """What the partner brings to the partnership."""
    benefits: list[Text] = Field(default_factory=list)
    """What the partner gains (mutual benefit)."""


class Goal(Section):
    id: GoalId
    """Unique goal id, e.g. G1."""
    objective: Text
    """What the partners want to achieve."""
    owner: PartnerId | None = None
    """The partner accountable for the goal."""
    shared_by: list[PartnerId] = Field(default_factory=list)
    """Partners who have agreed this goal."""
    indicator: Text | None = None
    """How progress is measured."""
    baseline: Number | None = None
    """Value of the indicator at the start."""
    target: Number | None = None
    """Value of the indicator the partners aim for."""
    due: IsoDate | None = None
    """Date by which the target should be met."""


class Vision(Section):
    statement: Text | None = None
    """The shared vision, in a sentence or two."""
    values: list[Text] = Field(default_factory=list)
    """Values the partners hold in common."""
    agreed_by: list[PartnerId] = Field(default_factory=list)
    """Partners who have agreed the vision and values."""


class Meeting(Section):
    name: Text
    """Name of the meeting or board."""
    frequency: Frequency | None = None
    """How often it meets."""
    attendees: list[PartnerId] = Field(default_factory=list)
    """Partners represented at it."""
    minutes_shared: Flag | None = None
    """Whether minutes are circulated to all partners."""


class ConflictResolution(Section):
    process: Text | None = None
    """How disputes between partners are resolved."""
    escalation: list[Text] = Field(default_factory=list)
    """Escalation steps, in order; the last should be independent."""


class Communication(Section):
    meetings: list[Meeting] = Field(default_factory=list)
    """Regular meetings between partners."""
    channels: list[Text] = Field(default_factory=list)
    """Other channels partners use to communicate."""
    information_sharing: Text | None = None
    """Agreement on sharing information and data."""
    conflict_resolution: ConflictResolution | None = None
    """Dispute process."""


class Resources(Section):
    pooled_budget: Amount | None = None
    """Money held in common, in partnership.currency."""
    shared_assets: list[Text] = Field(default_factory=list)
    """Assets the partners use in common."""
    knowledge_sharing: Text | None = None
    """How partners share knowledge."""
    skills_exchange: Text | None = None
    """How partners share skills (secondments, training, ...)."""


class DecisionMaking(Section):
    body: Text | None = None
    """The body that takes joint decisions."""
    rule: DecisionRule | None = None
    """How that body decides."""
    votes: dict[PartnerId, Count] = Field(default_factory=dict)
    """Decision weight per partner id (for weighted-vote and majority rules)."""


class Chair(Section):
    partner: PartnerId | None = None
    """Partner who chairs the decision-making body."""
    rotates: Rotation | None = None
    """How often the chair passes to another partner."""


class Governance(Section):
    lead_partner: PartnerId | None = None
    """Partner that leads or hosts the partnership, if any."""
    decision_making: DecisionMaking | None = None
    """How joint decisions are taken."""
    chair: Chair | None = None
    """Who chairs, and whether the chair rotates."""


class Role(Section):
    partner: PartnerId
    """The partner these responsibilities belong to."""
    responsibilities: list[Text] = Field(default_factory=list)
    """What this partner is responsible for."""


class Kpi(Section):
    name: Text
    """Name of the indicator."""
    goal: GoalId | None = None
    """Id of the goal this KPI measures."""
    baseline: Number | None = None
    """Starting value."""
    target: Number | None = None
    """Target value."""
    current: Number | None = None
    """Latest measured value."""
    source: Text | None = None
    """Where the figure comes from."""


class Improvement(Section):
    action: Text
    """Improvement agreed at a review."""
    owner: PartnerId | None = None
    """Partner responsible for it."""
    due: IsoDate | None = None
    """When it should be done."""
    status: ActionStatus | None = None
    """open, in-progress or done."""


class Evaluation(Section):
    review_frequency: Frequency | None = None
    """How often the partnership reviews itself."""
    last_review: IsoDate | None = None
    """Date of the last review."""
    methods: list[Text] = Field(default_factory=list)
    """Kinds of evidence used, e.g. performance-indicators, service-user-feedback."""
    involves: list[PartnerId] = Field(default_factory=list)
    """Partners who take part in evaluation."""
    kpis: list[Kpi] = Field(default_factory=list)
    """Key performance indicators."""
    improvements: list[Improvement] = Field(default_factory=list)
    """Improvement actions from reviews."""


class Risk(Section):
    challenge: RiskChallenge
    """The challenge this risk belongs to."""
    description: Text
    """What could go wrong."""
    mitigation: Text | None = None
    """What the partners do about it."""
    owner: PartnerId | None = None
    """Partner who watches this risk."""


class Suppression(Section):
    rule: str = Field(pattern=r"^PC\d{3}$")
    """Id of the rule whose findings are accepted, e.g. PC305."""
    reason: Text
    """Why the partners accept these findings (required)."""
    expires: IsoDate | None = None
    """The suppression stops applying after this date."""


class Partnership(Section):
    """A partnership between two or more organisations (partnercheck format 1)."""

    partnercheck: Literal[1]
    """Format version; always 1."""
    partnership: PartnershipInfo
    """Identity and agreement of the partnership."""
    partners: list[Partner] = Field(min_length=2)
    """The organisations in the partnership (at least two)."""
    goals: list[Goal] = Field(default_factory=list)
    """Shared objectives."""
    vision: Vision | None = None
    """Shared vision and values."""
    communication: Communication | None = None
    """Meetings, channels, information sharing and conflict resolution."""
    resources: Resources | None = None
    """What is pooled and how knowledge and skills are shared."""
    governance: Governance | None = None
    """Decision making, leadership and chair."""
    roles: list[Role] = Field(default_factory=list)
    """Each partner's responsibilities."""
    evaluation: Evaluation | None = None
    """Review cycle, methods, KPIs and improvement actions."""
    risks: list[Risk] = Field(default_factory=list)
    """Known challenges and their mitigation."""
    survey: Text | None = None
    """Path of a partner perception survey responses file, relative to this file."""
    suppress: list[Suppression] = Field(default_factory=list)
    """Findings the authors accept, each with a reason."""
