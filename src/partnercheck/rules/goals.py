"""Element 1, goals (PC1xx): a clear understanding of goals and objectives."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

GOALS = ElementId.GOALS


@rule(
    "PC101",
    element=GOALS,
    severity=Severity.ERROR,
    weight=3,
    rationale="""Partners who have not written down what they are trying to achieve
    together will each pursue their own idea of success; shared objectives are what
    turn a group of organisations into a partnership.""",
    recommendation="Agree two to five shared objectives and record them under `goals`.",
    example="""
    goals:
      - id: G1
        objective: Cut 30-day emergency readmissions of supported tenants
    """,
)
def goals_defined(ctx: Context) -> Iterator[Hit]:
    """The partnership has shared goals."""
    if not ctx.p.goals:
        yield Hit(
            "No shared goals are defined", ("goals",) if "goals" in ctx.p.model_fields_set else None
        )


@rule(
    "PC102",
    element=GOALS,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Without an agreed indicator, partners cannot tell whether a goal is
    being met, and disagreements about progress become matters of opinion.""",
    recommendation="Name the indicator that measures each goal.",
    example="""
    goals:
      - id: G1
        indicator: 30-day emergency readmission rate (%)
    """,
)
def goal_indicator(ctx: Context) -> Iterator[Hit]:
    """Every goal names an indicator."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.indicator is None:
            yield Hit(
                f"Goal {goal.id} has no indicator",
                ("goals", i),
                f"Agree how progress on {goal.id} will be measured and record it as `indicator`",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC103",
    element=GOALS,
    severity=Severity.INFO,
    weight=1,
    rationale="""A baseline is what makes later progress visible: without the starting
    value, an improvement cannot be told apart from where the partnership began.""",
    recommendation="Record the indicator's value when the goal was agreed as `baseline`.",
    example="""
    goals:
      - id: G1
        indicator: 30-day emergency readmission rate (%)
        baseline: 18
    """,
)
def goal_baseline(ctx: Context) -> Iterator[Hit]:
    """Every goal records a baseline value."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.baseline is None:
            yield Hit(
                f"Goal {goal.id} has no baseline value",
                ("goals", i),
                f"Record the starting value of {goal.id}'s indicator as `baseline`",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC104",
    element=GOALS,
    severity=Severity.WARNING,
    weight=2,
    rationale="""A goal without a target cannot be achieved or missed, so it cannot be
    evaluated; measurable targets are the first mark of a clear objective.""",
    recommendation="Agree a measurable target value for each goal.",
    example="""
    goals:
      - id: G1
        baseline: 18
        target: 12
    """,
)
def goal_target(ctx: Context) -> Iterator[Hit]:
    """Every goal has a target value."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.target is None:
            yield Hit(
                f"Goal {goal.id} has no target value",
                ("goals", i),
                f"Agree a measurable target for {goal.id}",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC105",
    element=GOALS,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Objectives without a date drift: a deadline creates the shared sense of
    urgency and the natural moment to review progress.""",
    recommendation="Give each goal a `due` date.",
    example="""
    goals:
      - id: G1
        due: 2027-12-31
    """,
)
def goal_due(ctx: Context) -> Iterator[Hit]:
    """Every goal is time-bound."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.due is None:
            yield Hit(
                f"Goal {goal.id} has no due date",
                ("goals", i),
                f"Agree when {goal.id} should be achieved and record it as `due`",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC106",
    element=GOALS,
    severity=Severity.WARNING,
    weight=2,
    rationale="""What everyone owns, nobody owns: a goal needs one accountable partner
    who reports on it and raises the alarm when it slips.""",
    recommendation="Name one accountable partner as each goal's `owner`.",
    example="""
    goals:
      - id: G1
        owner: nhs
    """,
)
def goal_owner(ctx: Context) -> Iterator[Hit]:
    """Every goal has one accountable owner."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.owner is None:
            yield Hit(
                f"Goal {goal.id} has no owner",
                ("goals", i),
                f"Name the partner accountable for {goal.id} as its `owner`",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC107",
    element=GOALS,
    severity=Severity.WARNING,
    weight=2,
    challenge=ChallengeId.CONFLICT,
    rationale="""A goal only one partner has signed up to is that partner's goal, not the
    partnership's; unshared priorities are the most common source of conflict.""",
    recommendation="Confirm each goal with the partners and list them under `shared_by`.",
    example="""
    goals:
      - id: G1
        shared_by: [council, nhs, housing]
    """,
)
def goal_agreed(ctx: Context) -> Iterator[Hit]:
    """Every goal is agreed by at least two partners."""
    for i, goal in enumerate(ctx.p.goals):
        members = ctx.goal_partners(goal)
        if len(members) < 2:
            who = f"only by {next(iter(members))}" if members else "by no partner"
            yield Hit(
                f"Goal {goal.id} is agreed {who}",
                ("goals", i, "shared_by"),
                f"Agree {goal.id} with the partners it involves and list them in `shared_by`",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC108",
    element=GOALS,
    severity=Severity.WARNING,
    weight=1,
    rationale="""A goal past its due date is either met, missed or forgotten; leaving it
    open without comment erodes trust in the plan.""",
    recommendation="Review overdue goals: record the result, then close, re-date or replace them.",
    example="""
    goals:
      - id: G1
        due: 2027-12-31          # re-dated after the review recorded the result
    """,
)
def goal_overdue(ctx: Context) -> Iterator[Hit]:
    """No goal is past its due date."""
    for i, goal in enumerate(ctx.p.goals):
        if goal.due is not None and goal.due < ctx.as_of:
            days = (ctx.as_of - goal.due).days
            yield Hit(
                f"Goal {goal.id} was due on {goal.due.isoformat()} ({days} days ago)",
                ("goals", i, "due"),
                f"Review {goal.id}: record whether it was met, then set a new date or retire it",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC109",
    element=GOALS,
    severity=Severity.WARNING,
    weight=2,
    rationale="""A partner with no stake in any shared goal has no reason to stay engaged
    and tends to drift to the margins of the partnership.""",
    recommendation="Make sure every partner shares at least one goal.",
    example="""
    goals:
      - id: G2
        shared_by: [council, housing, carers]   # carers now shares a goal
    """,
)
def partner_has_goal(ctx: Context) -> Iterator[Hit]:
    """Every partner shares at least one goal."""
    if not ctx.p.goals:
        return  # PC101 already reports the missing goals
    for i, partner in enumerate(ctx.partners):
        if not ctx.goals_of.get(partner.id):
            yield Hit(
                f"Partner {partner.id} shares no goal",
                ("partners", i),
                f"Agree with {partner.id} which goals it shares, and add it to their `shared_by`",
                per_item(len(ctx.partners)),
            )


@rule(
    "PC110",
    element=GOALS,
    severity=Severity.WARNING,
    weight=2,
    rationale="""Partnerships last when every member gains something it values; a partner
    with no stated benefit is a partner whose commitment is untested.""",
    recommendation="State what each partner gains from the partnership under `benefits`.",
    example="""
    partners:
      - id: housing
        benefits:
          - Fewer tenancy failures after hospital stays
    """,
)
def partner_benefit(ctx: Context) -> Iterator[Hit]:
    """Every partner has a stated benefit (mutual benefit)."""
    for i, partner in enumerate(ctx.partners):
        if not partner.benefits:
            yield Hit(
                f"Partner {partner.id} has no stated benefit",
                ("partners", i),
                f"Ask {partner.id} what it gains and record it under its `benefits`",
                per_item(len(ctx.partners)),
            )
