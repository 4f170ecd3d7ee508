"""Partnership file format, versions 1 and 1.1, as pydantic models.

Field names are the input contract (see docs/format.md); every field carries a
description and every section a title, so that ``partnercheck schema`` documents
itself in an editor's hover text.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from partnercheck.model.types import (
    ActionStatus,
    Amount,
    Better,
    ContributionType,
    Count,
    DecisionRule,
    Flag,
    Form,
    Frequency,
    GoalId,
    GoalStatus,
    IsoDate,
    MemberKind,
    Name,
    Number,
    PartnerId,
    RiskChallenge,
    Rotation,
    Sector,
    Standing,
    Text,
)


def _version(value: Any) -> Any:
    # `1` and `1.1` (a number in YAML 1.2, as editors read it) or the text "1.1".
    if value in (1, "1", 1.1, "1.1") and not isinstance(value, bool):
        return str(value)
    raise ValueError("expected the format version 1 or 1.1")


Version = Annotated[
    str,
    BeforeValidator(_version),
    WithJsonSchema(
        {"enum": [1, 1.1, "1.1"], "description": "Format version: 1 (or 1.1 for the additions)."}
    ),
]


def section(title: str) -> ConfigDict:
    # Unknown keys are errors; the loader has already dropped "x-" keys.
    return ConfigDict(extra="forbid", frozen=True, title=title)


class Section(BaseModel):
    model_config = section("Section")


class Agreement(Section):
    model_config = section("Partnership agreement")

    signed: IsoDate | None = Field(
        default=None, description="Date the partnership agreement was signed."
    )
    review_due: IsoDate | None = Field(
        default=None, description="When the agreement itself must be reviewed."
    )
    exit_terms: Text | None = Field(
        default=None, description="How a partner leaves and what happens to shared assets."
    )
    statutory: Text | None = Field(
        default=None,
        description="The law or founding instrument that sets the membership (1.1). Exit "
        "terms are then not expected.",
    )


class PartnershipInfo(Section):
    model_config = section("Partnership")

    name: Name = Field(description="Name of the partnership.")
    form: Form | None = Field(default=None, description="Legal or organisational form.")
    purpose: Text | None = Field(default=None, description="Why the partnership exists.")
    started: IsoDate | None = Field(default=None, description="Date the partnership started.")
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="ISO 4217 currency code for money amounts, e.g. GBP.",
    )
    fte_cost: Amount | None = Field(
        default=None,
        description="Yearly cost of one full-time equivalent, in currency (1.1): values staff "
        "time so it can be compared with money. Without it, staff and money are not summed.",
    )
    agreement: Agreement | None = Field(
        default=None, description="The written partnership agreement."
    )


class Contribution(Section):
    model_config = section("Contribution")

    type: ContributionType = Field(description="Kind of resource brought.")
    amount: Amount | None = Field(
        default=None,
        description="Money, in partnership.currency (for type funding; on other types it is "
        "read as their value).",
    )
    fte: Amount | None = Field(default=None, description="Full-time equivalents (for type staff).")
    value: Amount | None = Field(
        default=None, description="Money equivalent of the contribution, in currency (1.1)."
    )
    description: Text | None = Field(default=None, description="What exactly is contributed.")


class Payment(Section):
    model_config = section("Money paid to a partner")

    amount: Amount = Field(description="Money the partnership pays to this partner.")
    description: Text | None = Field(default=None, description="What the money is for.")


class Partner(Section):
    model_config = section("Partner")

    id: PartnerId = Field(
        description="Unique id used to refer to this partner elsewhere in the file."
    )
    name: Name = Field(description="Organisation name.")
    sector: Sector | None = Field(default=None, description="Sector the organisation belongs to.")
    standing: Standing = Field(
        default=Standing.MEMBER, description="The partner's standing (1.1); default member."
    )
    joined: IsoDate | None = Field(default=None, description="When the partner joined (1.1).")
    left: IsoDate | None = Field(
        default=None,
        description="When the partner left (1.1); it stays on record but is not expected to "
        "attend, contribute, agree or evaluate after this date.",
    )
    contributions: list[Contribution] = Field(
        default_factory=list, description="What the partner brings to the partnership."
    )
    receives: list[Payment] = Field(
        default_factory=list, description="Money the partnership pays to this partner (1.1)."
    )
    benefits: list[Text] = Field(
        default_factory=list, description="What the partner gains (mutual benefit)."
    )


class Member(Section):
    model_config = section("Member (not a partner)")

    id: PartnerId = Field(description="Unique id; shares the id space with partner ids.")
    name: Name = Field(description="Name of the person or body.")
    kind: MemberKind = Field(description="What kind of member this is.")
    contributions: list[Contribution] = Field(
        default_factory=list, description="What the member brings, if anything."
    )


class Goal(Section):
    model_config = section("Goal")

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
    status: GoalStatus | None = Field(
        default=None, description="Where the goal stands (1.1), as last judged."
    )
    status_date: IsoDate | None = Field(
        default=None, description="When the status was last judged (1.1)."
    )


class Vision(Section):
    model_config = section("Vision and values")

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
    model_config = section("Meeting")

    name: Text = Field(description="Name of the meeting or board.")
    frequency: Frequency | None = Field(default=None, description="How often it meets.")
    attendees: list[PartnerId] = Field(
        default_factory=list, description="Partners (and members) represented at it."
    )
    minutes_shared: Flag | None = Field(
        default=None, description="Whether minutes are circulated to all partners."
    )


class ConflictResolution(Section):
    model_config = section("Conflict resolution")

    process: Text | None = Field(
        default=None, description="How disputes between partners are resolved."
    )
    escalation: list[Text] = Field(
        default_factory=list,
        description="Escalation steps, in order; the last should be independent.",
    )


class Communication(Section):
    model_config = section("Communication")

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
    model_config = section("Resources")

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


Votes = Annotated[
    dict[PartnerId, Count],
    Field(description="Decision weight per partner or member id."),
]


class DecisionMaking(Section):
    model_config = section("Decision making (one body)")

    body: Text | None = Field(default=None, description="The body that takes joint decisions.")
    rule: DecisionRule | None = Field(default=None, description="How that body decides.")
    votes: Votes = Field(
        default_factory=dict,
        description="Decision weight per partner or member id (for voting rules).",
    )


class Body(Section):
    model_config = section("Decision body")

    id: PartnerId = Field(description="Unique id of the body.")
    name: Name = Field(description="Name of the body, e.g. Board.")
    decides: Text | None = Field(default=None, description="What the body decides.")
    members: list[PartnerId] = Field(
        default_factory=list, description="Partner and member ids sitting on the body."
    )
    rule: DecisionRule | None = Field(default=None, description="How the body decides.")
    votes: Votes = Field(default_factory=dict)
    chair: PartnerId | None = Field(default=None, description="Partner or member who chairs it.")
    meets: Frequency | None = Field(default=None, description="How often it meets.")
    decides_budget: Flag | None = Field(
        default=None,
        description="Marks the body whose decisions count for the power analysis (budget, "
        "strategy); without it, the first body listed.",
    )


class Chair(Section):
    model_config = section("Chair")

    partner: PartnerId | None = Field(
        default=None, description="Partner who chairs the decision-making body."
    )
    member: PartnerId | None = Field(
        default=None, description="Member (not a partner) who chairs, e.g. an independent chair."
    )
    rotates: Rotation | None = Field(
        default=None, description="How often the chair passes to another partner."
    )


class Governance(Section):
    model_config = section("Governance")

    lead_partner: PartnerId | None = Field(
        default=None, description="Partner that leads or hosts the partnership, if any."
    )
    decision_making: DecisionMaking | None = Field(
        default=None, description="How joint decisions are taken (shorthand for one body)."
    )
    bodies: list[Body] = Field(
        default_factory=list, description="The partnership's decision bodies (1.1)."
    )
    chair: Chair | None = Field(
        default=None, description="Who chairs, and whether the chair rotates."
    )


class Role(Section):
    model_config = section("Role")

    partner: PartnerId = Field(description="The partner (or member) these responsibilities are of.")
    responsibilities: list[Text] = Field(
        default_factory=list, description="What this partner is responsible for."
    )


class Workstream(Section):
    model_config = section("Workstream")

    id: Name = Field(description="Unique workstream id, e.g. WP1.")
    name: Name = Field(description="What the workstream is called.")
    lead: PartnerId | None = Field(default=None, description="Partner that leads it.")
    partners: list[PartnerId] = Field(default_factory=list, description="Partners taking part.")
    goals: list[GoalId] = Field(default_factory=list, description="Goals it works towards.")


class Reading(Section):
    model_config = section("KPI reading")

    date: IsoDate = Field(description="When the value was measured.")
    value: Number = Field(description="The measured value.")


class Kpi(Section):
    model_config = section("Key performance indicator")

    name: Text = Field(description="Name of the indicator.")
    goal: GoalId | None = Field(default=None, description="Id of the goal this KPI measures.")
    baseline: Number | None = Field(default=None, description="Starting value.")
    target: Number | None = Field(default=None, description="Target value.")
    current: Number | None = Field(
        default=None, description="Latest measured value (default: the latest reading)."
    )
    better: Better | None = Field(
        default=None,
        description="Whether higher or lower is better (1.1); default: the direction from "
        "baseline to target.",
    )
    readings: list[Reading] = Field(
        default_factory=list, description="Dated values, oldest first (1.1)."
    )
    source: Text | None = Field(default=None, description="Where the figure comes from.")


class Improvement(Section):
    model_config = section("Improvement action")

    action: Text = Field(description="Improvement agreed at a review.")
    owner: PartnerId | None = Field(default=None, description="Partner responsible for it.")
    due: IsoDate | None = Field(default=None, description="When it should be done.")
    status: ActionStatus | None = Field(default=None, description="open, in-progress or done.")
    goals: list[GoalId] = Field(
        default_factory=list,
        description="Goals this action is meant to move (an extension of the format): "
        "links it to a goal that is going wrong without relying on shared words.",
    )


class Evaluation(Section):
    model_config = section("Evaluation")

    review_frequency: Frequency | None = Field(
        default=None, description="How often the partnership reviews itself."
    )
    last_review: IsoDate | None = Field(default=None, description="Date of the last review.")
    methods: list[Text] = Field(
        default_factory=list,
        description="Kinds of evidence used, e.g. performance-indicators, service-user-feedback, "
        "case-studies, partner-survey, external-evaluation.",
    )
    involves: list[PartnerId] = Field(
        default_factory=list, description="Partners who take part in evaluation."
    )
    kpis: list[Kpi] = Field(default_factory=list, description="Key performance indicators.")
    improvements: list[Improvement] = Field(
        default_factory=list, description="Improvement actions from reviews."
    )


class Risk(Section):
    model_config = section("Risk")

    challenge: RiskChallenge = Field(description="The challenge this risk belongs to.")
    description: Text = Field(description="What could go wrong.")
    mitigation: Text | None = Field(default=None, description="What the partners do about it.")
    owner: PartnerId | None = Field(default=None, description="Partner who watches this risk.")
    covers: list[str] = Field(
        default_factory=list,
        description="Rule ids (e.g. PC722) or partner ids whose findings this risk mitigates "
        "(1.1). Without it, the risk softens nothing but is shown as evidence.",
    )


class Suppression(Section):
    model_config = section("Suppression")

    rule: str = Field(
        pattern=r"^PC\d{3}$", description="Id of the rule whose findings are accepted, e.g. PC305."
    )
    reason: Name = Field(description="Why the partners accept these findings (required).")
    expires: IsoDate | None = Field(
        default=None, description="The suppression stops applying after this date."
    )


class Partnership(Section):
    """A partnership between two or more organisations (partnercheck format 1 and 1.1)."""

    model_config = section("Partnership file")

    partnercheck: Version = Field(description="Format version: 1 or 1.1.")
    partnership: PartnershipInfo = Field(description="Identity and agreement of the partnership.")
    partners: list[Partner] = Field(
        min_length=2, description="The organisations in the partnership (at least two)."
    )
    members: list[Member] = Field(
        default_factory=list,
        description="People or bodies in the governance who are not partners (1.1).",
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
    workstreams: list[Workstream] = Field(
        default_factory=list, description="Work packages or workstreams (1.1)."
    )
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
