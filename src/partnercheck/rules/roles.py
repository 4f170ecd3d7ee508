"""Element 5, roles (PC5xx): clear roles, responsibilities and governance arrangements."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.aims import advice_under_way, say_for_served_under_way
from partnercheck.rules.base import ELEMENT, Hit, Say, Strength, per_item, rule
from partnercheck.rules.context import Context

ROLES = ElementId.ROLES


@rule(
    "PC501",
    element=ROLES,
    severity=Severity.WARNING,
    weight=25,
    rationale="""When a partner's responsibilities are not written down, each organisation
    assumes someone else will do the work; the Wilder Collaboration Factors Inventory
    counts clear roles and policy guidelines among the factors of successful collaboration.
    Leading a workstream counts as a responsibility. A file with no roles, workstreams or
    governance at all scores 0 on this element.""",
    recommendation="List what each partner is responsible for under `roles`.",
    example="""
    roles:
      - partner: carers
        responsibilities:
          - Delivers reablement packages within 48 hours
    """,
    many="{count} partners have no listed responsibilities: {names}",
    many_fix="Agree what each of them is responsible for",
)
def partner_responsibilities(ctx: Context) -> Iterator[Hit]:
    """Every partner has listed responsibilities."""
    if not ctx.p.roles and not ctx.p.workstreams and ctx.p.governance is None:
        yield Hit(
            "No roles, responsibilities or governance are defined",
            None,
            "Agree who is responsible for what, and how the partners take decisions together",
            key="roles",
            covers=ELEMENT,
        )
        return
    entry: dict[str, int] = {}
    for j, role in enumerate(ctx.p.roles):
        entry.setdefault(role.partner, j)
    expected = ctx.expected("roles")
    for i, partner in expected:
        if ctx.roles_of.get(partner.id):
            continue
        at = entry.get(partner.id)
        who = ctx.who(partner.id)
        yield Hit(
            Say("Partner {p} has no listed responsibilities", p=who),
            ("partners", i) if at is None else ("roles", at, "responsibilities"),
            Say("Agree what {p} is responsible for", p=who),
            per_item(len(expected)),
            key="roles",
            subject=who,
        )


@rule(
    "PC502",
    element=ROLES,
    severity=Severity.INFO,
    weight=0,
    rationale="""Owning a goal is a responsibility like any other: when the accountable
    partner's role does not mention it, the accountability exists on paper in one place
    and is forgotten in the other.""",
    recommendation="Give every goal owner a `roles` entry that includes the goals it owns.",
    example="""
    roles:
      - partner: trust
        responsibilities:
          - Accountable for G1, reports progress to the board
    """,
)
def owner_responsibilities(ctx: Context) -> Iterator[Hit]:
    """Every goal owner has listed responsibilities."""
    for i, goal in ctx.live_goals:
        if goal.owner is not None and not ctx.roles_of.get(goal.owner):
            who, g = ctx.who(goal.owner), ctx.goal(goal)
            yield Hit(
                Say("Goal {g}'s owner {p} has no listed responsibilities", g=g, p=who),
                ("goals", i, "owner"),
                Say("Write {p}'s accountability for {g} into its responsibilities", p=who, g=g),
                key="roles",
                subject=who,
            )


@rule(
    "PC503",
    element=ROLES,
    severity=Severity.ERROR,
    weight=25,
    rationale="""Joint work needs a place where joint decisions are taken; without a named
    body, decisions fall to whichever partner acts first. The Nuffield Partnership
    Assessment Tool counts clear and robust partnership arrangements among its six
    principles.""",
    recommendation="Name the body that takes joint decisions as `governance.decision_making.body` "
    "(or list bodies under `governance.bodies`).",
    example="""
    governance:
      decision_making:
        body: Partnership board
    """,
)
def decision_body(ctx: Context) -> Iterator[Hit]:
    """A decision-making body is named."""
    gov = ctx.p.governance
    fix = "Agree which body takes the partnership's joint decisions"
    if gov is None:
        yield Hit(
            "No decision-making body is named (there is no governance section)",
            None,
            fix,
            key="governance",
        )
    elif not gov.bodies and (gov.decision_making is None or gov.decision_making.body is None):
        yield Hit(
            "No decision-making body is named",
            ("governance",),
            fix,
            key="governance.decision_making.body",
        )


@rule(
    "PC504",
    element=ROLES,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Partners who have not agreed how they decide discover their disagreement
    at the worst moment, when a contested decision is on the table; an agreed rule
    (consensus, majority, weighted vote) makes the outcome legitimate to all.""",
    recommendation="Agree how the decision-making body decides and record it as its `rule`.",
    example="""
    governance:
      decision_making:
        body: Partnership board
        rule: consensus
    """,
)
def decision_rule(ctx: Context) -> Iterator[Hit]:
    """A decision rule is agreed."""
    body = ctx.main_body
    if body is None or body.rule is not None:
        return  # PC503 reports the missing body
    name = body.name or "the decision-making body"
    if name.casefold().startswith("the "):
        name = name[4:]
    yield Hit(
        Say("No decision rule is agreed for the {b}", b=name),
        body.path,
        Say(
            "Agree how the {b} decides: consensus, majority, supermajority, weighted vote or "
            "lead partner",
            b=name,
        ),
        key="rule",
    )


@rule(
    "PC505",
    element=ROLES,
    severity=Severity.WARNING,
    weight=10,
    rationale="""Someone has to convene meetings, hold the agenda and speak for the
    partnership; Wilder's collaboration factors name skilled leadership as a condition
    of success, and an unnamed leader is usually the largest funder by default. The
    chair may be a partner or an independent member.""",
    recommendation="Name who chairs (`governance.chair.partner` or `.member`), or a "
    "`governance.lead_partner`.",
    example="""
    governance:
      chair:
        partner: trust
        rotates: annually
    """,
)
def chair_named(ctx: Context) -> Iterator[Hit]:
    """A chair or lead partner is named."""
    gov = ctx.p.governance
    if gov is None:
        return  # PC503 reports the missing governance
    if ctx.chair is None and gov.lead_partner is None:
        yield Hit(
            "No chair or lead partner is named",
            ("governance",),
            "Agree who chairs the partnership's board",
            key="governance.chair",
        )


@rule(
    "PC506",
    element=ROLES,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Partnerships end or change shape; agreeing in advance how a partner
    leaves, and what happens to pooled money, staff and assets, keeps an exit from
    turning into a dispute that damages everyone. Statutory partnerships, whose
    membership is set by law, and networks, which pool nothing, are not expected to have
    exit terms.""",
    recommendation="Agree exit terms and record them as `partnership.agreement.exit_terms`.",
    example="""
    partnership:
      agreement:
        exit_terms: Six months' written notice; shared assets return to their contributor
    """,
)
def exit_terms(ctx: Context) -> Iterator[Hit]:
    """Exit terms are agreed."""
    agreement = ctx.p.partnership.agreement
    if agreement is None or agreement.statutory or agreement.exit_terms is not None:
        return  # PC507 prices a missing agreement, exit terms included
    if ctx.network:
        return  # leaving a network costs nobody anything
    yield Hit(
        "No exit terms are agreed",
        ("partnership", "agreement"),
        "Agree how a partner can leave and what happens to shared money, staff and assets",
        key="partnership.agreement.exit_terms",
    )


@rule(
    "PC507",
    element=ROLES,
    severity=Severity.WARNING,
    weight=15,
    rationale="""A signed agreement turns good intentions into commitments each partner's
    own board has approved; it is the reference point when roles or money are disputed.
    Without one there are no exit terms either, and the finding is priced for both.""",
    recommendation="Write the partnership agreement down, have every partner sign it, and "
    "record the date as `partnership.agreement.signed`.",
    example="""
    partnership:
      agreement:
        signed: 2024-12-01
    """,
)
def agreement_signed(ctx: Context) -> Iterator[Hit]:
    """The partnership agreement is written and signed."""
    agreement = ctx.p.partnership.agreement
    if agreement is None:
        yield Hit(
            "There is no written partnership agreement",
            ("partnership",),
            "Write the partnership agreement down, including exit terms, and have every "
            "partner sign it",
            key="partnership.agreement",
            covers=("PC506",),
        )
    elif agreement.signed is None and not agreement.statutory:
        yield Hit(
            "The partnership agreement is not recorded as signed",
            ("partnership", "agreement"),
            "Have every partner sign the agreement and record the date",
            0.5,
            key="partnership.agreement.signed",
        )


@rule(
    "PC509",
    element=ROLES,
    live=True,
    severity=Severity.WARNING,
    weight=20,
    challenge=ChallengeId.POWER_IMBALANCE,
    rationale="""A partnership that exists to serve people (patients, residents, pupils,
    tenants) and takes every decision without them designs services for people rather
    than with them; VicHealth's partnerships tool and co-production practice both ask
    whether those served have a voice where decisions are made. Read from partners with
    standing beneficiary or in the community sector, and members of kind community, with
    a vote on a body that decides (advisory seats are not a say in decisions). When a
    partner that speaks for them is kept out of the decisions, it is an error.""",
    recommendation="Give the people the partnership serves a vote where decisions are made: "
    "a seat for a residents' or service users' organisation on the board.",
    example="""
    members:
      - id: tenants-forum
        name: Riverside Tenants' Forum
        kind: community
    governance:
      bodies:
        - id: board
          name: Partnership board
          members: [council, nhs, housing, tenants-forum]
    """,
)
def served_have_voice(ctx: Context) -> Iterator[Hit | Strength]:
    """The people the partnership serves have a say in its decisions."""
    if not ctx.serves_people or not ctx.bodies:
        return
    voices = ctx.voices_of_served
    if voices & ctx.decides:
        yield Strength(
            "The people the partnership serves have a say where decisions are made", ROLES
        )
        return
    body = ctx.main_body or ctx.bodies[0]
    planned = say_for_served_under_way(ctx)
    if voices:
        # A partner that speaks for the people served, kept out of the decisions, is an
        # exclusion (an error); an advisory panel of service users is a weaker voice.
        excluded_partner = any(v in ctx.partner_ids for v in voices)
        yield Hit(
            Say(
                "The people the partnership serves, represented by {who}, have no vote where "
                "decisions are made",
                who=[ctx.who(v) for v in sorted(voices)],
            ),
            body.path,
            advice_under_way(planned, "gives their representatives a vote on the body that decides")
            if planned
            else "Give the representatives of the people the partnership serves a vote on the "
            "body that decides",
            key="votes",
            severity=Severity.ERROR if excluded_partner else None,
            under_way=planned is not None,
        )
        return
    yield Hit(
        "The people the partnership serves have no voice on any decision body",
        body.path,
        advice_under_way(
            planned, "gives the people the partnership serves a vote where decisions are made"
        )
        if planned
        else "Give the people the partnership serves a seat where decisions are made, for "
        "example through a residents' or service users' organisation",
        key="members (kind: community)",
        under_way=planned is not None,
    )
