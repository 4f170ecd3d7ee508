"""Challenge: conflict (PC70x), scored under element 1, goals.

Different priorities and cultures are the classic source of conflict between
partners. Unshared goals (PC107), unshared values (PC204) and a missing dispute
process (PC307) are tagged conflict by their own elements; this rule looks for
the one thing that binds the whole group together: a goal they all share.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, Say, rule
from partnercheck.rules.context import Context

GOALS = ElementId.GOALS
CONFLICT = ChallengeId.CONFLICT
# From this many partners, an overarching goal is one shared by at least half of
# them: in a large consortium, work packages legitimately split the goals.
LARGE = 5


def overarching_needed(partners: int) -> int:
    """How many partners must share a goal for it to bind the partnership together."""
    return partners if partners < LARGE else -(-partners // 2)


def widest_goal(ctx: Context) -> tuple[int, int] | None:
    """(index of the most widely shared live goal, how many agreeing partners share it)."""
    agreeing = {x.id for _, x in ctx.expected("goal")}
    best: tuple[int, int] | None = None
    for i, goal in ctx.live_goals:
        count = len(ctx.goal_partners(goal) & agreeing)
        if best is None or count > best[1]:
            best = (i, count)
    return best


@rule(
    "PC702",
    element=GOALS,
    challenge=CONFLICT,
    severity=Severity.WARNING,
    weight=5,
    rationale="""Without at least one objective the whole partnership has agreed, it is a
    set of bilateral deals: there is nothing the group is accountable for together, and
    sub-groups compete for the partnership's time and money. In partnerships of five or
    more, where workstreams split the goals, a goal shared by at least half the partners
    is enough (as for collaboration depth).""",
    recommendation="Agree at least one overarching goal with all the partners and list "
    "them in its `shared_by`.",
    example="""
    goals:
      - id: G1
        objective: Reduce delayed discharges of older patients
        shared_by: [council, trust, carers]   # every partner
    """,
)
def goal_shared_by_all(ctx: Context) -> Iterator[Hit]:
    """At least one goal binds the partnership together."""
    widest = widest_goal(ctx)
    partners = len(ctx.expected("goal"))
    if widest is None or partners < 2:
        return  # PC101 reports the missing goals
    needed = overarching_needed(partners)
    index, count = widest
    if count >= needed:
        return
    goal = ctx.goal(ctx.p.goals[index])
    whom = f"all {partners} partners" if needed == partners else f"at least {needed} partners"
    yield Hit(
        Say(
            "No goal is shared by {whom}; the most widely shared, {g}, has {count}",
            whom=whom,
            g=goal,
            count=count,
        ),
        ("goals",),
        Say(
            "Agree an overarching goal with {whom}, for example by extending {g}", whom=whom, g=goal
        ),
        key="shared_by",
    )
