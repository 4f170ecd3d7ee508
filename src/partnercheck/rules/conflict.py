"""Challenge: conflict (PC70x), scored under element 1, goals.

Different priorities and cultures are the classic source of conflict between
partners. Unshared values (PC204) and a missing dispute process (PC307) are
tagged conflict by their own elements; these rules look at how far the goals
actually bind the partners together.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

GOALS = ElementId.GOALS
CONFLICT = ChallengeId.CONFLICT


@rule(
    "PC701",
    element=GOALS,
    challenge=CONFLICT,
    severity=Severity.WARNING,
    weight=2,
    rationale="""A partner whose goals are its own and no one else's is pulling in its own
    direction: when resources or attention get tight, it has no common ground to fall
    back on, and its priorities will collide with everyone else's. (A partner with no
    goal at all is reported by PC109.)""",
    recommendation="Agree with the partner at least one goal it shares with another partner.",
    example="""
    goals:
      - id: G1
        objective: Reduce delayed discharges of older patients
        owner: trust
        shared_by: [trust, carers]   # each partner shares a goal with someone
    """,
)
def partner_shares_goal_with_another(ctx: Context) -> Iterator[Hit]:
    """Every partner has a goal in common with another partner."""
    if not ctx.p.goals:
        return  # PC101 reports the missing goals
    joint: set[str] = set()
    for goal in ctx.p.goals:
        members = ctx.goal_partners(goal)
        if len(members) >= 2:
            joint |= members
    for i, partner in enumerate(ctx.partners):
        own = ctx.goals_of.get(partner.id)
        if own and partner.id not in joint:
            listed = ", ".join(sorted(own))
            yield Hit(
                f"Partner {partner.id} has no goal in common with any other partner "
                f"(its goals: {listed})",
                ("partners", i),
                f"Agree with {partner.id} and at least one other partner a goal they both "
                f"share, or bring another partner into {listed} through `shared_by`",
                per_item(len(ctx.partners)),
            )


@rule(
    "PC702",
    element=GOALS,
    challenge=CONFLICT,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Without at least one objective every partner has agreed, the partnership
    is a set of bilateral deals: there is nothing the whole group is accountable for
    together, and sub-groups compete for the partnership's time and money.""",
    recommendation="Agree at least one overarching goal with every partner and list them all "
    "in its `shared_by`.",
    example="""
    goals:
      - id: G1
        objective: Reduce delayed discharges of older patients
        shared_by: [council, trust, carers]   # every partner
    """,
)
def goal_shared_by_all(ctx: Context) -> Iterator[Hit]:
    """At least one goal is shared by every partner."""
    goals = ctx.p.goals
    if not goals:
        return  # PC101 reports the missing goals
    everyone = set(ctx.partner_ids)
    best_index, best = 0, -1
    for i, goal in enumerate(goals):
        count = len(ctx.goal_partners(goal) & everyone)
        if count == len(everyone):
            return
        if count > best:
            best_index, best = i, count
    widest = goals[best_index]
    yield Hit(
        f"No goal is shared by all {len(everyone)} partners; the most widely shared, "
        f"{widest.id}, has {best}",
        ("goals",),
        f"Agree an overarching goal with all {len(everyone)} partners, for example by "
        f"extending {widest.id} to every partner in its `shared_by`",
    )
