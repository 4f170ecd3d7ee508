"""Challenge: power imbalance (PC71x), scored under element 5, roles.

Power follows money and position. A partner that brings most of the resources
but has little say will disengage; one that holds the budget, the chair and
the vote together can run the partnership as its own programme. Decision
power comes from :mod:`partnercheck.analysis.power` (normalised Banzhaf index
for votes), not from raw vote counts.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.analysis import power as analysis
from partnercheck.model.types import DecisionRule, Rotation
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

ROLES = ElementId.ROLES
POWER = ChallengeId.POWER_IMBALANCE

GAP = 0.25  # |resource share - decision power| at which PC711 fires
VOTING_RULES = {DecisionRule.MAJORITY, DecisionRule.SUPERMAJORITY, DecisionRule.WEIGHTED_VOTE}
_EPSILON = 1e-9


def _fixed_chair(ctx: Context) -> str | None:
    """The partner that chairs without the chair ever rotating, if any."""
    gov = ctx.p.governance
    chair = gov.chair if gov else None
    if chair is None or chair.partner is None:
        return None
    if chair.rotates not in (None, Rotation.NEVER):
        return None
    return chair.partner


@rule(
    "PC711",
    element=ROLES,
    challenge=POWER,
    severity=Severity.WARNING,
    weight=2,
    rationale="""Partners expect a say that matches what they put in. A partner that
    brings much and decides little feels used and scales back its commitment; one that
    decides much and brings little can commit others' resources at no cost to itself.
    Decision power is measured by the normalised Banzhaf index, because raw vote shares
    mislead (with votes 49/49/2 under a majority, every partner swings decisions equally).""",
    recommendation="Bring each partner's decision power and its share of the resources "
    "closer together: adjust votes, or rebalance contributions.",
    example="""
    governance:
      decision_making:
        rule: weighted-vote
        votes: {council: 2, trust: 1, carers: 1}   # in line with what each brings
    """,
)
def power_matches_resources(ctx: Context) -> Iterator[Hit]:
    """Each partner's decision power is in line with what it brings."""
    power = analysis.decision_power(ctx)
    if power is None:
        return  # the file does not say how decisions are taken
    brings = analysis.resource_shares(ctx)
    if not any(brings.values()):
        return  # no contributions recorded: nothing to compare with
    for i, partner in enumerate(ctx.partners):
        share = brings.get(partner.id, 0.0)
        say = power.shares.get(partner.id, 0.0)
        if abs(share - say) < GAP - _EPSILON:
            continue
        if share > say:
            advice = (
                f"Give {partner.id} a say in line with what it brings (more votes, a seat "
                f"on the decision-making body), or let others take on part of its contribution"
            )
        else:
            advice = (
                f"Balance {partner.id}'s decision power with what it brings: spread the "
                f"votes more evenly, or agree a larger contribution from {partner.id}"
            )
        yield Hit(
            f"Partner {partner.id} brings {share:.0%} of the resources but holds {say:.0%} "
            f"of the decision power ({power.basis})",
            ("partners", i),
            advice,
            per_item(len(ctx.partners)),
        )


@rule(
    "PC712",
    element=ROLES,
    challenge=POWER,
    severity=Severity.ERROR,
    weight=3,
    rationale="""When one partner holds the money, chairs every meeting and carries the
    vote, the others are consulted rather than partners: nothing can be agreed against
    its wishes, and nobody is placed to challenge it. Separating these powers is the
    usual check on a dominant partner.""",
    recommendation="Separate the powers: rotate the chair, give the other partners a "
    "blocking say in decisions, or hold the budget jointly.",
    example="""
    governance:
      lead_partner: council       # holds the pooled budget
      decision_making:
        rule: consensus           # every partner can block
      chair:
        partner: trust
        rotates: annually
    """,
)
def no_dominant_partner(ctx: Context) -> Iterator[Hit]:
    """No partner holds the budget, the chair and the decisions together."""
    chair = _fixed_chair(ctx)
    if chair is None:
        return
    power = analysis.decision_power(ctx)
    if power is None or power.shares.get(chair, 0.0) <= 0.5:
        return
    total = sum(ctx.funding.values())
    funds = total > 0 and ctx.funding.get(chair, 0.0) > total / 2
    gov = ctx.p.governance
    res = ctx.p.resources
    hosts = bool(gov and gov.lead_partner == chair and res and res.pooled_budget)
    if not (funds or hosts):
        return
    budget = (
        f"brings {ctx.funding.get(chair, 0.0) / total:.0%} of the funding"
        if funds
        else "holds the pooled budget as lead partner"
    )
    yield Hit(
        f"Partner {chair} {budget}, chairs without rotation and holds "
        f"{power.shares[chair]:.0%} of the decision power ({power.basis})",
        ("governance", "chair"),
        f"Separate {chair}'s powers: rotate the chair to another partner, or change the "
        f"decision rule so the other partners can block decisions {chair} supports",
    )


@rule(
    "PC713",
    element=ROLES,
    challenge=POWER,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Under a voting rule, a partner without a vote is a partner in name only:
    decisions about its staff, money and reputation are taken without it, and it has no
    way to block them.""",
    recommendation="Give every partner a vote, or record why a partner is an associate "
    "without one.",
    example="""
    governance:
      decision_making:
        rule: majority
        votes: {council: 1, trust: 1, carers: 1}   # every partner votes
    """,
)
def every_partner_votes(ctx: Context) -> Iterator[Hit]:
    """Every partner has a vote under a voting rule."""
    gov = ctx.p.governance
    dm = gov.decision_making if gov else None
    if dm is None or not dm.votes or dm.rule not in VOTING_RULES:
        return
    for partner in ctx.partners:
        if dm.votes.get(partner.id, 0) == 0:
            yield Hit(
                f"Partner {partner.id} has no vote under the {dm.rule.value} rule",
                ("governance", "decision_making", "votes", partner.id),
                f"Give {partner.id} a vote in `governance.decision_making.votes`, or agree "
                f"with it that it takes part as a non-voting associate",
                per_item(len(ctx.partners)),
            )


@rule(
    "PC714",
    element=ROLES,
    challenge=POWER,
    severity=Severity.INFO,
    weight=1,
    rationale="""The chair sets the agenda and sums up the decisions. In a partnership of
    three or more, a chair that never rotates gives one partner lasting control of what is
    discussed; rotating it shares leadership and builds ownership.""",
    recommendation="Rotate the chair between partners, for example annually.",
    example="""
    governance:
      chair:
        partner: trust
        rotates: annually
    """,
)
def chair_rotates(ctx: Context) -> Iterator[Hit]:
    """The chair rotates between partners."""
    chair = _fixed_chair(ctx)
    if chair is None or len(ctx.partners) < 3:
        return
    yield Hit(
        f"Partner {chair} chairs and the chair never rotates ({len(ctx.partners)} partners)",
        ("governance", "chair", "rotates"),
        f"Agree when the chair passes from {chair} to another partner and record it as "
        f"`rotates` (for example annually)",
    )
