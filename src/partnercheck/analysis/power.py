"""Who brings what, and who decides: the numbers behind the power-imbalance rules.

Decision power is read from the body whose decisions count (``decides_budget``,
else the first body). It uses the normalised Banzhaf index for voting rules,
because raw vote shares mislead: with votes 49/49/2 under a simple majority,
each voter is equally able to swing a decision. Consensus gives every voter a
veto, so power is equal among voters; ``lead-partner`` gives the lead all of it.

Resources are compared in money where the file gives money: funding, the
``value`` of other contributions, and staff time at ``partnership.fte_cost``.
Without ``fte_cost`` staff time is not added to money (600 FTE are not "a third
of" a billion); a partner's share is then the larger of its share of the money
and its share of the staff time.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import reduce
from typing import TYPE_CHECKING, cast

from partnercheck.model.types import ContributionType, DecisionRule

if TYPE_CHECKING:  # rules.context imports the rules, which import this module
    from partnercheck.model.partnership import Member, Partner
    from partnercheck.rules.context import BodyView, Context

# The exact index counts coalitions by total weight. That table stays small for
# any realistic body (equal votes give n + 1 sums; 18 voters of any weights at
# most 2^18); only a large body with many different vote sizes exceeds it, and
# for many voters Penrose's limit theorem says the index approaches the vote
# share, which is then used instead.
EXACT_MAX_SUMS = 2**18  # more coalition sums than this fall back (docs/scoring.md)
# Table entries touched while counting (one pass per voter) and while taking each
# vote size out again. It bounds the time a file can buy with one body: thousands
# of voters of a hundred vote sizes stay under 2^18 sums, yet each voter's pass
# copies the whole table (an hour of work for a 100 KB file). Both passes share
# this budget; 18 voters of any weights stay exact (about 2^22.3 entries).
EXACT_MAX_WORK = 2**23


@dataclass(frozen=True, slots=True)
class DecisionPower:
    shares: dict[str, float]  # voter id -> share of decision power, summing to 1
    vetoes: frozenset[str]  # voters whose "no" alone blocks a decision
    dictator: str | None  # a voter who can decide alone
    basis: str  # how it was computed, for the report
    body: str  # the body's name


@dataclass(frozen=True, slots=True)
class ResourceShares:
    shares: dict[str, float]  # partner or member id -> share of what is brought
    basis: str
    # When money and staff time cannot be added (no fte_cost), each share on its own:
    # ``shares`` is then the larger of the two, and sums to more than 1.
    money: dict[str, float] | None = None
    staff: dict[str, float] | None = None


def resource_shares(ctx: Context) -> ResourceShares | None:
    """Each active partner's (and member's) share of what is brought, or None if nothing is."""
    if "resource_shares" not in ctx.memo:
        ctx.memo["resource_shares"] = _resource_shares(ctx)
    return cast("ResourceShares | None", ctx.memo["resource_shares"])


def _resource_shares(ctx: Context) -> ResourceShares | None:
    parties = [x for _, x in ctx.active] + list(ctx.p.members)
    found = _measured_shares(ctx, parties)
    if found is None or found.basis == "number of contributions":
        return found
    if any(ctx.unvalued(x.contributions) for x in parties):
        # A room or a network with no value is real but uncounted: say so wherever the
        # shares are quoted.
        unseen = "in-kind contributions with no value not counted"
        found = replace(found, basis=f"{found.basis}; {unseen}")
    return found


def _measured_shares(ctx: Context, parties: list[Partner | Member]) -> ResourceShares | None:
    money = {x.id: ctx.money_of(x.contributions) for x in parties}
    staff = {
        x.id: sum(c.fte or 0.0 for c in x.contributions if c.type is ContributionType.STAFF)
        for x in parties
    }
    fte_cost = ctx.p.partnership.fte_cost
    money_total, staff_total = sum(money.values()), sum(staff.values())
    if money_total > 0 and (fte_cost or staff_total == 0):
        basis = "money and staff time at fte_cost" if fte_cost and staff_total else "money"
        return ResourceShares({k: v / money_total for k, v in money.items()}, basis)
    if money_total > 0:
        money_shares = {k: v / money_total for k, v in money.items()}
        staff_shares = {k: v / staff_total for k, v in staff.items()}
        return ResourceShares(
            {k: max(money_shares[k], staff_shares[k]) for k in money},
            "the larger of money and staff time, with no fte_cost to add them",
            money_shares,
            staff_shares,
        )
    if staff_total > 0:
        return ResourceShares({k: v / staff_total for k, v in staff.items()}, "staff time")
    counts = {x.id: float(len(x.contributions)) for x in parties}
    total = sum(counts.values())
    if total == 0:
        return None
    return ResourceShares({k: v / total for k, v in counts.items()}, "number of contributions")


def voters(ctx: Context, body: BodyView) -> dict[str, int]:
    """Votes on a body: its ``votes``, else one each for its seats, else one per partner
    expected to vote."""
    if body.votes:
        return dict(body.votes)
    if body.seats is not None:
        return dict.fromkeys(sorted(body.seats), 1)
    return {x.id: 1 for _, x in ctx.expected("vote")}


def decision_power(ctx: Context) -> DecisionPower | None:
    """Share of real decision power per voter on the body that counts, or None."""
    if "decision_power" not in ctx.memo:
        ctx.memo["decision_power"] = _decision_power(ctx)
    return cast("DecisionPower | None", ctx.memo["decision_power"])


def _decision_power(ctx: Context) -> DecisionPower | None:
    body = ctx.main_body
    if body is None or body.rule is None:
        return None
    name = body.name or "the decision-making body"
    if body.rule is DecisionRule.LEAD_PARTNER:
        gov = ctx.p.governance
        lead = (gov.lead_partner if gov else None) or (ctx.chair[0] if ctx.chair else None)
        if lead is None:
            return None
        return DecisionPower({lead: 1.0}, frozenset({lead}), lead, "lead-partner rule", name)
    votes = voters(ctx, body)
    if not votes:
        return None
    if body.rule is DecisionRule.CONSENSUS:
        share = 1.0 / len(votes)
        return DecisionPower(
            dict.fromkeys(votes, share),
            frozenset(votes),
            None,
            "consensus: every voter holds a veto",
            name,
        )
    total = sum(votes.values())
    if body.rule is DecisionRule.SUPERMAJORITY:
        quota, label = math.ceil(total * 2 / 3), "two-thirds"
    else:
        quota, label = total // 2 + 1, "simple majority"
    vetoes = frozenset(v for v, w in votes.items() if total - w < quota)
    dictator = next((v for v, w in votes.items() if w >= quota), None)
    shares = banzhaf(votes, quota)
    if shares is None:
        return DecisionPower(
            {k: v / total for k, v in votes.items()},
            vetoes,
            dictator,
            f"{label} of {total} votes; vote share ({len(votes)} voters: a large body)",
            name,
        )
    return DecisionPower(
        shares, vetoes, dictator, f"{label} of {total} votes; normalised Banzhaf index", name
    )


def banzhaf(votes: dict[str, int], quota: int) -> dict[str, float] | None:
    """Normalised Banzhaf index: how often each voter swings a winning coalition.

    Exact for any vote sizes: weights and quota are first divided by their
    greatest common divisor (24,500/24,500/1,000 is the game 49/49/2), then
    coalitions are counted by their total weight; equal votes give equal power
    without counting. Returns None only for bodies too large to count exactly
    (see EXACT_MAX_SUMS and EXACT_MAX_WORK), where vote shares are used.
    """
    if len(set(votes.values())) == 1:  # symmetric: every voter swings equally often
        return dict.fromkeys(votes, 1.0 / len(votes))
    divisor = reduce(math.gcd, votes.values(), 0) or 1
    weights = {k: v // divisor for k, v in votes.items()}
    scaled_quota = -(-quota // divisor)  # a coalition wins when its weight reaches the quota
    ways = _coalition_counts(list(weights.values()), len(set(weights.values())))
    if ways is None:
        return None
    swings: dict[int, int] = {}
    for weight in set(weights.values()):
        others = _without(ways, weight)
        swings[weight] = sum(
            n for s, n in others.items() if scaled_quota - weight <= s < scaled_quota
        )
    total = sum(swings[w] for w in weights.values())
    if total == 0:
        return {pid: 1.0 / len(votes) for pid in votes}
    return {pid: swings[w] / total for pid, w in weights.items()}


def _coalition_counts(weights: list[int], sizes: int = 1) -> dict[int, int] | None:
    """Number of coalitions of each total weight (a sparse table), or None if too large
    or too long to count (see EXACT_MAX_SUMS and EXACT_MAX_WORK).

    The table never shrinks, so each remaining voter's pass, and taking out each of
    the ``sizes`` vote sizes afterwards, costs at least its present size: the count
    stops as soon as that least cost would exceed the budget.
    """
    ways: dict[int, int] = {0: 1}
    work = 0
    for i, w in enumerate(weights):
        work += len(ways)
        grown = dict(ways)
        for s, n in ways.items():
            grown[s + w] = grown.get(s + w, 0) + n
        ways = grown
        still = len(weights) - i - 1 + sizes
        if len(ways) > EXACT_MAX_SUMS or work + len(ways) * still > EXACT_MAX_WORK:
            return None
    return ways


def _without(ways: dict[int, int], weight: int) -> dict[int, int]:
    """Coalition counts of the others: the exact inverse of adding one voter of ``weight``."""
    others: dict[int, int] = {}
    for s in sorted(ways):
        count = ways[s] - others.get(s - weight, 0)
        if count:
            others[s] = count
    return others


def vetoes(ctx: Context) -> frozenset[str]:
    """Voters who can block decisions on any body that decides (not only the main one)."""
    found: set[str] = set()
    for body in ctx.bodies:
        if body.advisory or body.rule is None or body.rule is DecisionRule.LEAD_PARTNER:
            continue
        votes = voters(ctx, body)
        if body.rule is DecisionRule.CONSENSUS:
            found |= set(votes)
            continue
        total = sum(votes.values())
        quota = (
            math.ceil(total * 2 / 3)
            if body.rule is DecisionRule.SUPERMAJORITY
            else (total // 2 + 1)
        )
        found |= {v for v, w in votes.items() if total - w < quota}
    return frozenset(found)
