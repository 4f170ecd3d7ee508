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
    model_config = ConfigDict(extra="forbid", frozen=True)


class Agreement(Section):
    signed: IsoDate | None = Field(
        default=None, description="Date the partnership agreement was signed."
    )
    review_due: IsoDate | None = Field(
        default=None, description="When the agreement itself must be reviewed."
    )
    exit_terms: Text | None = Field(
        default=None, description="How a partner leaves and what happens to shared assets."
    )


class PartnershipInfo(Section):
    name: Text = Field(description="Name of the partnership.")
    form: Form | None = Field(default=None, description="Legal or organisational form.")
    purpose: Text | None = Field(default=None, description="Why the partnership exists.")
    started: IsoDate | None = Field(default=None, description="Date the partnership started.")
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 currency code for funding amounts, e.g. GBP.",
    )
    agreement: Agreement | None = Field(
        default=None, description="The written partnership agreement."
    )


class Contribution(Section):
    type: ContributionType = Field(description="Kind of resource the partner brings.")
    amount: Amount | None = Field(
        default=None, description="Money, in partnership.currency (for type funding)."
    )
    fte: Amount | None = Field(default=None, description="Full-time equivalents (for type staff).")
    description: Text | None = Field(default=None, description="What exactly is contributed.")


class Partner(Section):
    id: PartnerId = Field(
        description="Unique id used to refer to this partner elsewhere in the file."
    )
    name: Text = Field(description="Organisation name.")
    sector: Sector | None = Field(default=None, description="Sector the organisation belongs to.")
    contributions: list[Contribution] = Field(
        default_factory=list, description="What the partner brings to the partnership."
    )
    benefits: list[Text] = Field(
        default_factory=list, description="What the partner gains (mutual benefit)."
    )


class Goal(Section):
    id: GoalId = Field(description="Unique goal id, e.g. G1.")
    objective: Text = Field(description="What the partners want to achieve.")
    owner: PartnerId | None = Field(
        default=None, description="The partner accountable for the goal."
    )
    shared_by: list[PartnerId] = Field(
        default_factory=list, description="Partners who have agreed this goal."
    )
    indicator: Text | None = Field(default=None, description="How progress is measured.")
    baseline: Number | None = Field(
        default=None, description="Value of the indicator at the start."
    )
    target: Number | None = Field(
        default=None, description="Value of the indicator the partners aim for."
    )
    due: IsoDate | None = Field(default=None, description="Date by which the target should be met.")


class Vision(Section):
    statement: Text | None = Field(
        default=None, description="The shared vision, in a sentence or two."
    )
    values: list[Text] = Field(
        default_factory=list, description="Values the partners hold in common."
    )
    agreed_by: list[PartnerId] = Field(
        default_factory=list, description="Partners who have agreed the vision and values."
    )


class Meeting(Section):
    name: Text = Field(description="Name of the meeting or board.")
    frequency: Frequency | None = Field(default=None, description="How often it meets.")
    attendees: list[PartnerId] = Field(
        default_factory=list, description="Partners represented at it."
    )
    minutes_shared: Flag | None = Field(
        default=None, description="Whether minutes are circulated to all partners."
    )


class ConflictResolution(Section):
    process: Text | None = Field(
        default=None, description="How disputes between partners are resolved."
    )
    escalation: list[Text] = Field(
        default_factory=list,
        description="Escalation steps, in order; the last should be independent.",
    )


class Communication(Section):
    meetings: list[Meeting] = Field(
        default_factory=list, description="Regular meetings between partners."
    )
    channels: list[Text] = Field(
        default_factory=list, description="Other channels partners use to communicate."
    )
    information_sharing: Text | None = Field(
        default=None, description="Agreement on sharing information and data."
    )
    conflict_resolution: ConflictResolution | None = Field(
        default=None, description="Dispute process."
    )


class Resources(Section):
    pooled_budget: Amount | None = Field(
        default=None, description="Money held in common, in partnership.currency."
    )
    shared_assets: list[Text] = Field(
        default_factory=list, description="Assets the partners use in common."
    )
    knowledge_sharing: Text | None = Field(
        default=None, description="How partners share knowledge."
    )
    skills_exchange: Text | None = Field(
        default=None, description="How partners share skills (secondments, training, ...)."
    )


class DecisionMaking(Section):
    body: Text | None = Field(default=None, description="The body that takes joint decisions.")
    rule: DecisionRule | None = Field(default=None, description="How that body decides.")
    votes: dict[PartnerId, Count] = Field(
        default_factory=dict,
        description="Decision weight per partner id (for weighted-vote and majority rules).",
    )


class Chair(Section):
    partner: PartnerId | None = Field(
        default=None, description="Partner who chairs the decision-making body."
    )
    rotates: Rotation | None = Field(
        default=None, description="How often the chair passes to another partner."
    )


class Governance(Section):
    lead_partner: PartnerId | None = Field(
        default=None, description="Partner that leads or hosts the partnership, if any."
    )
    decision_making: DecisionMaking | None = Field(
        default=None, description="How joint decisions are taken."
    )
    chair: Chair | None = Field(
        default=None, description="Who chairs, and whether the chair rotates."
    )


class Role(Section):
    partner: PartnerId = Field(description="The partner these responsibilities belong to.")
    responsibilities: list[Text] = Field(
        default_factory=list, description="What this partner is responsible for."
    )


class Kpi(Section):
    name: Text = Field(description="Name of the indicator.")
    goal: GoalId | None = Field(default=None, description="Id of the goal this KPI measures.")
    baseline: Number | None = Field(default=None, description="Starting value.")
    target: Number | None = Field(default=None, description="Target value.")
    current: Number | None = Field(default=None, description="Latest measured value.")
    source: Text | None = Field(default=None, description="Where the figure comes from.")


class Improvement(Section):
    action: Text = Field(description="Improvement agreed at a review.")
    owner: PartnerId | None = Field(default=None, description="Partner responsible for it.")
    due: IsoDate | None = Field(default=None, description="When it should be done.")
    status: ActionStatus | None = Field(default=None, description="open, in-progress or done.")


class Evaluation(Section):
    review_frequency: Frequency | None = Field(
        default=None, description="How often the partnership reviews itself."
    )
    last_review: IsoDate | None = Field(default=None, description="Date of the last review.")
    methods: list[Text] = Field(
        default_factory=list,
        description="Kinds of evidence used, e.g. performance-indicators, service-user-feedback.",
    )
    involves: list[PartnerId] = Field(
        default_factory=list, description="Partners who take part in evaluation."
    )
    kpis: list[Kpi] = Field(default_factory=list, description="Key performance indicators.")
    improvements: list[Improvement] = Field(
        default_factory=list, description="Improvement actions from reviews."
    )


class Risk(Section):
    challenge: RiskChallenge = Field(description="The challenge this risk belongs to.")
    description: Text = Field(description="What could go wrong.")
    mitigation: Text | None = Field(default=None, description="What the partners do about it.")
    owner: PartnerId | None = Field(default=None, description="Partner who watches this risk.")


class Suppression(Section):
    rule: str = Field(
        pattern=r"^PC\d{3}$", description="Id of the rule whose findings are accepted, e.g. PC305."
    )
    reason: Text = Field(description="Why the partners accept these findings (required).")
    expires: IsoDate | None = Field(
        default=None, description="The suppression stops applying after this date."
    )


class Partnership(Section):
    """A partnership between two or more organisations (partnercheck format 1)."""

    partnercheck: Literal[1] = Field(description="Format version; always 1.")
    partnership: PartnershipInfo = Field(description="Identity and agreement of the partnership.")
    partners: list[Partner] = Field(
        min_length=2, description="The organisations in the partnership (at least two)."
    )
    goals: list[Goal] = Field(default_factory=list, description="Shared objectives.")
    vision: Vision | None = Field(default=None, description="Shared vision and values.")
    communication: Communication | None = Field(
        default=None, description="Meetings, channels, information sharing and conflict resolution."
    )
    resources: Resources | None = Field(
        default=None, description="What is pooled and how knowledge and skills are shared."
    )
    governance: Governance | None = Field(
        default=None, description="Decision making, leadership and chair."
    )
    roles: list[Role] = Field(default_factory=list, description="Each partner's responsibilities.")
    evaluation: Evaluation | None = Field(
        default=None, description="Review cycle, methods, KPIs and improvement actions."
    )
    risks: list[Risk] = Field(
        default_factory=list, description="Known challenges and their mitigation."
    )
    survey: Text | None = Field(
        default=None,
        description="Path of a partner perception survey responses file, relative to this file.",
    )
    suppress: list[Suppression] = Field(
        default_factory=list, description="Findings the authors accept, each with a reason."
    )
