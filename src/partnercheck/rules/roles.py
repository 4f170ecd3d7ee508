"""Element 5, roles (PC5xx): clear roles, responsibilities and governance arrangements."""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.results import ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

ROLES = ElementId.ROLES


@rule(
    "PC501",
    element=ROLES,
    severity=Severity.WARNING,
    weight=3,
    rationale="""When a partner's responsibilities are not written down, each organisation
    assumes someone else will do the work; the Wilder Collaboration Factors Inventory
    counts clear roles and policy guidelines among the factors of successful collaboration.""",
    recommendation="List what each partner is responsible for under `roles`.",
    example="""
    roles:
      - partner: carers
        responsibilities:
          - Delivers reablement packages within 48 hours
    """,
)
def partner_responsibilities(ctx: Context) -> Iterator[Hit]:
    """Every partner has listed responsibilities."""
    entry: dict[str, int] = {}
    for j, role in enumerate(ctx.p.roles):
        entry.setdefault(role.partner, j)
    for i, partner in enumerate(ctx.partners):
        if ctx.roles_of.get(partner.id):
            continue
        at = entry.get(partner.id)
        yield Hit(
            f"Partner {partner.id} has no listed responsibilities",
            ("partners", i) if at is None else ("roles", at, "responsibilities"),
            f"Agree what {partner.id} is responsible for and list it under a `roles` entry "
            f"for {partner.id}",
            per_item(len(ctx.partners)),
        )


@rule(
    "PC502",
    element=ROLES,
    severity=Severity.INFO,
    weight=1,
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
    for i, goal in enumerate(ctx.p.goals):
        if goal.owner is not None and not ctx.roles_of.get(goal.owner):
            yield Hit(
                f"Goal {goal.id}'s owner {goal.owner} has no listed responsibilities",
                ("goals", i, "owner"),
                f"Add a `roles` entry for {goal.owner} that includes its accountability "
                f"for {goal.id}",
                per_item(len(ctx.p.goals)),
            )


@rule(
    "PC503",
    element=ROLES,
    severity=Severity.ERROR,
    weight=2,
    rationale="""Joint work needs a place where joint decisions are taken; without a named
    body, decisions fall to whichever partner acts first. The Nuffield Partnership
    Assessment Tool counts clear and robust partnership arrangements among its six
    principles.""",
    recommendation="Name the body that takes joint decisions as `governance.decision_making.body`.",
    example="""
    governance:
      decision_making:
        body: Partnership board
    """,
)
def decision_body(ctx: Context) -> Iterator[Hit]:
    """A decision-making body is named."""
    gov = ctx.p.governance
    if gov is None:
        yield Hit("No decision-making body is named (there is no governance section)", None)
    elif gov.decision_making is None or gov.decision_making.body is None:
        yield Hit(
            "No decision-making body is named",
            ("governance", "decision_making", "body"),
        )


@rule(
    "PC504",
    element=ROLES,
    severity=Severity.WARNING,
    weight=2,
    rationale="""Partners who have not agreed how they decide discover their disagreement
    at the worst moment, when a contested decision is on the table; an agreed rule
    (consensus, majority, weighted vote) makes the outcome legitimate to all.""",
    recommendation="Agree how the decision-making body decides and record it as "
    "`governance.decision_making.rule`.",
    example="""
    governance:
      decision_making:
        body: Partnership board
        rule: consensus
    """,
)
def decision_rule(ctx: Context) -> Iterator[Hit]:
    """A decision rule is agreed."""
    gov = ctx.p.governance
    if gov is None:
        yield Hit("No decision rule is agreed (there is no governance section)", None)
        return
    dm = gov.decision_making
    if dm is None or dm.rule is None:
        body = dm.body if dm is not None else None
        if body and body.casefold().startswith("the "):
            body = body[4:]  # "the The board" reads badly
        yield Hit(
            f"No decision rule is agreed for the {body}" if body else "No decision rule is agreed",
            ("governance", "decision_making", "rule"),
            f"Agree how the {body} decides (consensus, majority, supermajority, weighted-vote "
            "or lead-partner) and record it as `rule`"
            if body
            else None,
        )


@rule(
    "PC505",
    element=ROLES,
    severity=Severity.WARNING,
    weight=1,
    rationale="""Someone has to convene meetings, hold the agenda and speak for the
    partnership; Wilder's collaboration factors name skilled leadership as a condition
    of success, and an unnamed leader is usually the largest funder by default.""",
    recommendation="Name the partner who chairs as `governance.chair.partner`, or a "
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
        yield Hit("No chair or lead partner is named (there is no governance section)", None)
    elif gov.lead_partner is None and (gov.chair is None or gov.chair.partner is None):
        yield Hit("No chair or lead partner is named", ("governance", "chair", "partner"))


@rule(
    "PC506",
    element=ROLES,
    severity=Severity.WARNING,
    weight=2,
    rationale="""Partnerships end or change shape; agreeing in advance how a partner
    leaves, and what happens to pooled money, staff and assets, keeps an exit from
    turning into a dispute that damages everyone.""",
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
    if agreement is None or agreement.exit_terms is None:
        yield Hit("No exit terms are agreed", ("partnership", "agreement", "exit_terms"))


@rule(
    "PC507",
    element=ROLES,
    severity=Severity.WARNING,
    weight=1,
    rationale="""A signed agreement turns good intentions into commitments each partner's
    own board has approved; it is the reference point when roles or money are disputed.""",
    recommendation="Write the partnership agreement down, have every partner sign it, and "
    "record the date as `partnership.agreement.signed`.",
    example="""
    partnership:
      agreement:
        signed: 2024-12-01
    """,
)
def agreement_signed(ctx: Context) -> Iterator[Hit]:
    """The partnership agreement is signed."""
    agreement = ctx.p.partnership.agreement
    if agreement is None:
        yield Hit("There is no written partnership agreement", ("partnership", "agreement"))
    elif agreement.signed is None:
        yield Hit(
            "The partnership agreement is not recorded as signed",
            ("partnership", "agreement", "signed"),
        )
