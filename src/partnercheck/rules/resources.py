"""Element 4, resources (PC4xx): sharing resources, knowledge and skills."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.load.nodes import Path
from partnercheck.model.partnership import Contribution
from partnercheck.model.types import ContributionType, DecisionRule
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import (
    ELEMENT,
    Hit,
    Say,
    Strength,
    listing,
    per_item,
    per_partner,
    rule,
)
from partnercheck.rules.context import Context
from partnercheck.rules.investment import taken_away

RESOURCES = ElementId.RESOURCES

# The quantity each measurable kind of contribution needs, and how a user reads it.
_QUANTITY: dict[ContributionType, tuple[str, str]] = {
    ContributionType.FUNDING: ("amount", "an amount of money"),
    ContributionType.STAFF: ("fte", "full-time equivalents"),
}


def _at(ctx: Context, key: str) -> Path | None:
    """Path to ``resources.<key>``; None when the file has no resources section."""
    if ctx.p.resources is None and "resources" not in ctx.p.model_fields_set:
        return None
    return ("resources", key)


def _seats_held(ctx: Context, pid: str) -> list[str]:
    """Where a partner is recorded on a deciding body: under consensus its vote is a veto;
    under a lead-partner rule only the lead decides, so a seat there holds nothing."""
    held = []
    for body in ctx.bodies:
        assumed = body.seats is None and not body.votes  # every partner, as no seats are listed
        on_it = assumed or pid in body.votes or (body.seats is not None and pid in body.seats)
        if body.advisory or not on_it or body.rule is DecisionRule.LEAD_PARTNER:
            continue
        name = body.name or "decision body"
        if assumed and body.rule is not DecisionRule.CONSENSUS:
            held.append(f"takes part in the decisions of the {name}")
        elif body.rule is DecisionRule.CONSENSUS:
            held.append(f"holds a veto over the {name}'s decisions (it decides by consensus)")
        else:
            held.append(f"has a {'vote' if pid in body.votes else 'seat'} on the {name}")
    return held


def _still_holds(ctx: Context, pid: str) -> str:
    """ ", but still has a vote on the board and leads Manufacturing": what a partner that
    brings nothing still holds, from its recorded seats, workstreams and goals."""
    held = _seats_held(ctx, pid)[:2]
    led = [ws.name for ws in ctx.p.workstreams if ws.lead == pid]
    if led:
        held.append(f"leads {'the ' + led[0] + ' workstream' if len(led) == 1 else listing(led)}")
    goals = len(ctx.goals_of.get(pid, ()))
    if goals:
        held.append(f"is named on {goals} goal{'s' if goals > 1 else ''}")
    return f", but still {listing(held)}" if held else ""


def _quantity(contribution: Contribution) -> float | None:
    if contribution.type is ContributionType.FUNDING:
        return contribution.amount if contribution.amount is not None else contribution.value
    return contribution.fte


@rule(
    "PC401",
    element=RESOURCES,
    live=True,
    severity=Severity.ERROR,
    weight=40,
    challenge=ChallengeId.RESOURCE_INVESTMENT,
    rationale="""Partnership working costs every member time and money; when one partner
    brings nothing, the others carry the investment, resent it, and the partnership
    becomes a contract. Mutual contribution is a core Wilder Collaboration Factor. A
    contribution of 0 money or 0 staff counts as nothing. A free rider costs at least a
    third of this rule's points however large the partnership;
    associates and beneficiaries are not expected to contribute.""",
    recommendation="Agree what each partner brings (funding, staff, expertise, data, "
    "facilities...) and list it under its `contributions`.",
    example="""
    partners:
      - id: housing
        contributions:
          - type: staff
            fte: 0.5
            description: Tenancy support officer
    """,
    many="{count} partners contribute nothing: {names}",
    many_fix="Agree what each of them brings to the partnership",
)
def partner_contributes(ctx: Context) -> Iterator[Hit | Strength]:
    """Every partner contributes something."""
    anyone = any(ctx.real(x.contributions) for x in ctx.partners) or any(
        ctx.real(m.contributions) for m in ctx.p.members
    )
    if not anyone and ctx.p.resources is None:
        yield Hit(
            "No partner contributes anything and no resources are recorded",
            None,
            "Agree what each partner brings to the partnership",
            key="partners[].contributions",
            covers=ELEMENT,
        )
        return
    expected = ctx.expected("contribute")
    missing = [(i, x) for i, x in expected if not ctx.real(x.contributions)]
    cut = any(taken_away(c) is not None for _, x in expected for c in x.contributions)
    if expected and not missing and len(expected) > 1 and not cut:
        # Not beside a partner that has withdrawn or cut what it brings (PC724).
        yield Strength("Every partner contributes resources", RESOURCES)
    for i, partner in missing:
        who = ctx.who(partner.id)
        keeps = _still_holds(ctx, partner.id)
        in_name_only = not keeps and not ctx.roles_of.get(partner.id)
        yield Hit(
            # Nothing brought and nothing held is exclusion as much as free riding.
            Say("Partner {p} contributes nothing and has no goal, role or seat", p=who)
            if in_name_only
            else Say("Partner {p} contributes nothing{keeps}", p=who, keeps=keeps),
            ("partners", i, "contributions"),
            Say(
                "Decide with {p} what part it should play: what it brings, its role and its "
                "seat where decisions are made",
                p=who,
            )
            if in_name_only
            else Say("Agree what {p} brings to the partnership", p=who),
            per_partner(len(expected)),
            key="contributions",
            subject=who,
        )


@rule(
    "PC402",
    element=RESOURCES,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Unquantified pledges cannot be compared, budgeted or held to account:
    partners who do not know what the others put in cannot judge whether the burden is
    shared fairly.""",
    recommendation="Give every funding contribution an `amount` and every staff "
    "contribution its `fte`.",
    example="""
    partners:
      - id: council
        contributions:
          - type: funding
            amount: 250000
          - type: staff
            fte: 2.0
    """,
)
def contribution_quantified(ctx: Context) -> Iterator[Hit]:
    """Funding and staff contributions are quantified."""
    counted = [
        (i, j, c)
        for i, partner in enumerate(ctx.partners)
        for j, c in enumerate(partner.contributions)
        if c.type in _QUANTITY
    ]
    for i, j, c in counted:
        if _quantity(c) is not None:
            continue
        key, quantity = _QUANTITY[c.type]
        who = ctx.who(ctx.partners[i].id)
        what = f" ({c.description})" if c.description else ""
        yield Hit(
            Say(
                "The {kind} contribution of {p}{what} is not quantified",
                kind=c.type.value,
                p=who,
                what=what,
            ),
            ("partners", i, "contributions", j),
            Say(
                "Record how much {kind} {p} contributes, as {quantity}",
                kind=c.type.value,
                p=who,
                quantity=quantity,
            ),
            per_item(len(counted)),
            key=key,
            subject=who,
        )


@rule(
    "PC403",
    element=RESOURCES,
    severity=Severity.WARNING,
    weight=20,
    rationale="""Pooling money or sharing assets is what separates a partnership from
    cooperation between separate budgets: shared resources create a shared stake in
    how they are used. Not expected of a network (form: network), which shares
    information rather than money.""",
    recommendation="Pool part of the budget or name the assets partners use in common, "
    "under `resources`.",
    example="""
    resources:
      pooled_budget: 400000
      shared_assets: [case management system, community hub]
    """,
)
def pooled_resources(ctx: Context) -> Iterator[Hit]:
    """The partners pool a budget or share assets."""
    if ctx.network:
        return  # a network shares information, not money or assets
    res = ctx.p.resources
    if res and ((res.pooled_budget or 0) > 0 or res.shared_assets):
        return
    fix = "Pool part of the budget, or agree which assets the partners use in common"
    if res is not None and res.pooled_budget is not None:
        yield Hit(
            "There is no pooled budget (it is 0) and no shared asset",
            ("resources", "pooled_budget"),
            fix,
            key="resources.shared_assets",
        )
    else:
        yield Hit(
            "No pooled budget or shared assets are recorded",
            _at(ctx, "pooled_budget"),
            fix,
            key="resources.pooled_budget",
        )


@rule(
    "PC404",
    element=RESOURCES,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Much of a partnership's value is what each organisation learns from the
    others; without a deliberate arrangement, knowledge stays with the individuals who
    happened to be in the room.""",
    recommendation="Agree how partners share knowledge (learning events, a shared case "
    "library...) and record it as `resources.knowledge_sharing`.",
    example="""
    resources:
      knowledge_sharing: Quarterly learning events and a shared case library
    """,
)
def knowledge_sharing(ctx: Context) -> Iterator[Hit]:
    """A knowledge-sharing arrangement is in place."""
    if not (ctx.p.resources and ctx.p.resources.knowledge_sharing):
        yield Hit(
            "No knowledge-sharing arrangement is recorded",
            _at(ctx, "knowledge_sharing"),
            "Agree how partners share what they learn (learning events, a shared case library)",
            key="resources.knowledge_sharing",
        )


@rule(
    "PC405",
    element=RESOURCES,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Secondments, joint training and shadowing build the skills and personal
    relationships that let staff from different organisations work as one team. Not
    expected of a network.""",
    recommendation="Agree how partners exchange skills (secondments, joint training...) "
    "and record it as `resources.skills_exchange`.",
    example="""
    resources:
      skills_exchange: Secondment of two housing officers to the hospital discharge team
    """,
)
def skills_exchange(ctx: Context) -> Iterator[Hit]:
    """A skills-exchange arrangement is in place."""
    if ctx.network:
        return  # a network is not expected to second or train each other's staff
    if not (ctx.p.resources and ctx.p.resources.skills_exchange):
        yield Hit(
            "No skills-exchange arrangement is recorded",
            _at(ctx, "skills_exchange"),
            "Agree how partners exchange skills (secondments, joint training, shadowing)",
            key="resources.skills_exchange",
        )


@rule(
    "PC406",
    element=RESOURCES,
    severity=Severity.INFO,
    weight=0,
    rationale="""An amount without a currency is ambiguous, especially in partnerships that
    cross borders; stating it once keeps every figure in the file comparable.""",
    recommendation="Set `partnership.currency` to the ISO 4217 code of the amounts, e.g. GBP.",
    example="""
    partnership:
      currency: GBP
    """,
)
def currency_stated(ctx: Context) -> Iterator[Hit]:
    """Money amounts have a currency."""
    if ctx.p.partnership.currency is not None:
        return
    funder = next((pid for pid, amount in ctx.funding.items() if amount > 0), None)
    pooled = ctx.p.resources.pooled_budget if ctx.p.resources else None
    if funder is not None:
        given = Say("Funding amounts are given (e.g. by {p})", p=ctx.who(funder))
    elif pooled:
        given = Say("A pooled budget is given")
    else:
        return
    yield Hit(
        Say(given.template + " but no currency is set", **given.args),
        ("partnership",),
        "State the currency the amounts are in",
        key="partnership.currency",
    )
