"""How deep the collaboration really is, and PC801 when the form claims more.

networking < coordination < cooperation < partnership: each level needs the
evidence of the one below it plus its own (see docs/scoring.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.analysis.power import decision_power
from partnercheck.model.types import DecisionRule, Form
from partnercheck.results import Depth, Severity
from partnercheck.rules.base import Hit, Written, listing, rule
from partnercheck.rules.conflict import overarching_needed, widest_goal
from partnercheck.rules.context import Context
from partnercheck.rules.plain import value_words

# Forms whose name promises shared goals, pooled resources and joint decisions.
CLAIMS_PARTNERSHIP = {
    Form.JOINT_VENTURE,
    Form.STRATEGIC_ALLIANCE,
    Form.PUBLIC_PRIVATE_PARTNERSHIP,
    Form.CONSORTIUM,
}


def evidence(ctx: Context) -> dict[str, bool]:
    """The structural facts the depth classification rests on."""
    p = ctx.p
    res = p.resources
    active = [x for _, x in ctx.active]
    owners = {g.owner for _, g in ctx.live_goals if g.owner}
    widest = widest_goal(ctx)
    sharing = len(ctx.expected("goal"))
    contributing = sum(1 for x in active if x.contributions)
    return {
        "regular meetings": bool(ctx.regular_meetings or ctx.meeting_bodies),
        "shared resources": bool(res and (res.pooled_budget or res.shared_assets))
        or contributing >= 2,
        "shared tasks": sum(1 for x in active if ctx.roles_of.get(x.id)) >= 2,
        "shared goals": widest is not None and widest[1] >= max(2, overarching_needed(sharing)),
        "pooled resources": bool(res and (res.pooled_budget or res.shared_assets)),
        "joint decisions": _joint(ctx),
        "shared accountability": len(owners) >= 2
        or bool(p.evaluation and len(set(p.evaluation.involves)) >= 2),
    }


def _joint(ctx: Context) -> bool:
    """Decisions are taken together: a deciding body whose rule no single voter controls."""
    decides = [
        b
        for b in ctx.bodies
        if not b.advisory and b.rule is not None and b.rule is not DecisionRule.LEAD_PARTNER
    ]
    power = decision_power(ctx)
    return bool(decides) and (power is None or power.dictator is None)


LEVELS: tuple[tuple[Depth, tuple[str, ...]], ...] = (
    (
        Depth.PARTNERSHIP,
        ("shared goals", "pooled resources", "joint decisions", "shared accountability"),
    ),
    (Depth.COOPERATION, ("shared resources", "shared tasks")),
    (Depth.COORDINATION, ("regular meetings",)),
)


def classify(ctx: Context) -> Depth:
    facts = evidence(ctx)
    reached = Depth.NETWORKING
    # Walk up from coordination; a level counts only if every level below it does.
    for depth, needs in reversed(LEVELS):
        if not all(facts[n] for n in needs):
            break
        reached = depth
    return reached


@rule(
    "PC801",
    element=None,
    severity=Severity.WARNING,
    weight=0,
    rationale="""Calling an arrangement a partnership, joint venture or consortium sets
    expectations of shared goals, pooled resources and joint decisions. When the
    structure is only networking or coordination, partners and funders are promised
    more than exists. The gaps are scored by their own rules, so this finding costs no
    points: it names the mismatch.""",
    recommendation="Either build the missing structure (shared goals, pooled resources, "
    "joint decisions, shared accountability) or describe the arrangement as what it is.",
    example="""
    partnership:
      form: network              # say what it is, or build the structure a partnership needs
    """,
)
def depth_matches_form(ctx: Context) -> Iterator[Hit]:
    """The collaboration is as deep as its form claims."""
    form = ctx.p.partnership.form
    if form not in CLAIMS_PARTNERSHIP:
        return
    depth = classify(ctx)
    if depth in (Depth.NETWORKING, Depth.COORDINATION):
        facts = evidence(ctx)
        missing = [n for n in LEVELS[0][1] + LEVELS[1][1] if not facts[n]]
        yield Hit(
            Written(
                f"Form is {form.value} but the structure shows only {depth.value}; "
                f"missing: {', '.join(missing)}",
                f"The partners call this a {value_words(form)}, but on paper it works as "
                f"{_as_a(depth)}: there {_no(missing)}",
            ),
            ("partnership", "form"),
            Written(
                "Build the missing structure, or describe the arrangement as what it is",
                f"Either build what is missing, or agree to run it openly as {_as_a(depth)}",
            ),
            key="partnership.form",
        )


def _as_a(depth: Depth) -> str:
    """ "a network", "coordination": the level as a board says it works."""
    return "a network" if depth is Depth.NETWORKING else value_words(depth)


def _no(missing: list[str]) -> str:
    """ "are no shared goals, pooled resources or joint decisions"."""
    return "are no " + listing(missing).replace(" and ", " or ")
