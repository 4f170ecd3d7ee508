"""How deep the collaboration really is, and PC801 when the form claims more.

networking < coordination < cooperation < partnership: each level needs the
evidence of the one below it plus its own (see docs/scoring.md).
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.model.types import DecisionRule, Form
from partnercheck.results import Depth, Severity
from partnercheck.rules.base import Hit, rule
from partnercheck.rules.context import Context

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
    everyone = set(ctx.partner_ids)
    res = p.resources
    gov = p.governance
    dm = gov.decision_making if gov else None
    owners = {g.owner for g in p.goals if g.owner}
    return {
        "regular meetings": bool(ctx.regular_meetings),
        "shared resources": bool(res and (res.pooled_budget or res.shared_assets))
        or sum(1 for x in ctx.partners if x.contributions) >= 2,
        "shared tasks": sum(1 for r in ctx.roles_of.values() if r) >= 2,
        "shared goals": any(ctx.goal_partners(g) >= everyone for g in p.goals)
        or (any(len(ctx.goal_partners(g)) >= 2 for g in p.goals) and len(everyone) > 4),
        "pooled resources": bool(res and (res.pooled_budget or res.shared_assets)),
        "joint decisions": bool(
            dm and dm.body and dm.rule and dm.rule is not DecisionRule.LEAD_PARTNER
        ),
        "shared accountability": len(owners) >= 2
        or bool(p.evaluation and len(set(p.evaluation.involves)) >= 2),
    }


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
            f"Form is {form.value} but the structure shows only {depth.value}; "
            f"missing: {', '.join(missing)}",
            ("partnership", "form"),
        )
