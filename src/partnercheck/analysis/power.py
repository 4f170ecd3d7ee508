"""Who brings what, and who decides: the numbers behind the power-imbalance rules.

Decision power uses the normalised Banzhaf index for voting rules, because raw
vote shares mislead: with votes 49/49/2 under a simple majority, each partner
is equally able to swing a decision. Consensus gives every voter a veto, so
power is equal among voters; ``lead-partner`` gives the lead all of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from partnercheck.model.types import DecisionRule

if TYPE_CHECKING:  # rules.context imports the rules, which import this module
    from partnercheck.rules.context import Context

# Above these sizes the exact index is costly; by the Penrose limit theorem the
# Banzhaf index of many small voters approaches their vote share anyway.
EXACT_MAX_VOTERS = 60
EXACT_MAX_VOTES = 20_000


@dataclass(frozen=True, slots=True)
class DecisionPower:
    shares: dict[str, float]  # partner id -> share of decision power, summing to 1
    basis: str  # how it was computed, for the report


def resource_shares(ctx: Context) -> dict[str, float]:
    """Each partner's share of what is brought: the mean of its shares of money,
    of staff time and of other (in-kind) contributions, over the kinds present."""
    in_kind = {
        x.id: float(sum(1 for c in x.contributions if c.type.value not in ("funding", "staff")))
        for x in ctx.partners
    }
    dimensions = [d for d in (ctx.funding, ctx.staff, in_kind) if sum(d.values()) > 0]
    if not dimensions:
        return dict.fromkeys(ctx.partner_ids, 0.0)
    totals = [sum(d.values()) for d in dimensions]
    return {
        pid: sum(d[pid] / t for d, t in zip(dimensions, totals, strict=True)) / len(dimensions)
        for pid in ctx.partner_ids
    }


def decision_power(ctx: Context) -> DecisionPower | None:
    """Share of real decision power per partner, or None when the file does not say."""
    gov = ctx.p.governance
    dm = gov.decision_making if gov else None
    if dm is None or dm.rule is None:
        return None
    everyone = dict.fromkeys(ctx.partner_ids, 0.0)
    if dm.rule is DecisionRule.LEAD_PARTNER:
        lead = (gov.lead_partner if gov else None) or (
            gov.chair.partner if gov and gov.chair else None
        )
        if lead is None:
            return None
        return DecisionPower({**everyone, lead: 1.0}, "lead-partner rule: the lead decides")
    votes = (
        {pid: n for pid, n in dm.votes.items() if n > 0}
        if dm.votes
        else dict.fromkeys(ctx.partner_ids, 1)
    )
    if not votes:
        return None
    if dm.rule is DecisionRule.CONSENSUS:
        share = 1.0 / len(votes)
        return DecisionPower(
            {**everyone, **dict.fromkeys(votes, share)}, "consensus: every voter holds a veto"
        )
    total = sum(votes.values())
    if dm.rule is DecisionRule.SUPERMAJORITY:
        quota = math.ceil(total * 2 / 3)
        label = "two-thirds"
    else:
        quota = total // 2 + 1
        label = "simple majority"
    if len(votes) > EXACT_MAX_VOTERS or total > EXACT_MAX_VOTES:
        return DecisionPower(
            {**everyone, **{k: v / total for k, v in votes.items()}},
            f"{label} of {total} votes; vote share (large body)",
        )
    return DecisionPower(
        {**everyone, **banzhaf(votes, quota)}, f"{label} of {total} votes; normalised Banzhaf index"
    )


def banzhaf(votes: dict[str, int], quota: int) -> dict[str, float]:
    """Normalised Banzhaf index: how often each voter swings a winning coalition.

    ``ways[s]`` counts coalitions of all voters with ``s`` votes; removing one
    voter of weight ``w`` is the exact inverse step ``g[s] = ways[s] - g[s - w]``,
    so the table is built once, not once per voter (integers, so no rounding).
    """
    weights = list(votes.values())
    ways = [1] + [0] * sum(weights)
    for w in weights:
        for s in range(len(ways) - 1, w - 1, -1):
            ways[s] += ways[s - w]
    swings: dict[int, int] = {}
    for weight in set(weights):
        others = list(ways)
        for s in range(weight, len(others)):
            others[s] -= others[s - weight]
        low, high = max(0, quota - weight), min(quota - 1, len(others) - 1)
        swings[weight] = sum(others[low : high + 1]) if low <= high else 0
    total = sum(swings[w] for w in weights)
    if total == 0:
        return {pid: 1.0 / len(votes) for pid in votes}
    return {pid: swings[w] / total for pid, w in votes.items()}
