"""Challenge: power imbalance (PC71x), scored under element 5, roles.

Power follows money and position. A partner that brings most of the resources
but has little say will disengage; one that can decide alone can run the
partnership as its own programme. Decision power comes from
:mod:`partnercheck.analysis.power` (normalised Banzhaf index for votes), not
from raw vote counts. Over-power and under-power are different findings with
different advice; neither is raised where the rule gives everyone a veto
(consensus), a beneficiary's seats are by design, and a host's staff time runs
the partnership rather than buying it a say.
"""

from __future__ import annotations

from collections.abc import Iterator

from partnercheck.analysis import power as analysis
from partnercheck.model.types import DecisionRule, MemberKind, Rotation, Standing
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, Say, Strength, per_item, per_partner, plain_method, rule
from partnercheck.rules.context import Context

ROLES = ElementId.ROLES
POWER = ChallengeId.POWER_IMBALANCE

GAP = 0.25  # |resource share - decision power| at which PC711 and PC715 fire
# On a small body where every partner has one vote, an equal say is a choice (one partner,
# one vote), not an imbalance to correct, whatever each brings. A partner left without a
# seat is still PC715's.
EQUAL_BODY_MAX = 5
_EPSILON = 1e-9


def _fixed_chair(ctx: Context) -> str | None:
    """The partner that chairs without the chair ever rotating, if any."""
    gov = ctx.p.governance
    if ctx.chair is None or ctx.chair[0] not in ctx.partner_ids:
        return None
    rotates = gov.chair.rotates if gov and gov.chair else None
    return ctx.chair[0] if rotates is Rotation.NEVER else None


def _holds_money(ctx: Context, pid: str) -> bool:
    """Leads or hosts the partnership while a pooled budget exists, or brings most funding."""
    gov = ctx.p.governance
    res = ctx.p.resources
    partner = next((x for x in ctx.partners if x.id == pid), None)
    pooled = bool(res and res.pooled_budget)
    leads = bool(gov and gov.lead_partner == pid) or bool(
        partner and partner.standing is Standing.HOST
    )
    total = sum(ctx.funding.values())
    return (leads and pooled) or (total > 0 and ctx.funding.get(pid, 0.0) > total / 2)


@rule(
    "PC712",
    element=ROLES,
    challenge=POWER,
    live=True,
    severity=Severity.ERROR,
    weight=50,
    rationale="""When one partner can pass any decision on its own, the others are
    consulted rather than partners: nothing can be agreed against its wishes and nobody
    can stop it, so there is no joint decision-making left to score. Where it also holds
    the chair or the money, nobody is placed to challenge it. Sharing decisions is the
    usual check on a dominant partner.""",
    recommendation="Share the decisions: change the decision rule so that no partner can "
    "decide alone, and separate the chair and the budget from the partner with most votes.",
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
def no_partner_decides_alone(ctx: Context) -> Iterator[Hit]:
    """No partner (or member) can take the partnership's decisions alone."""
    power = analysis.decision_power(ctx)
    if power is None or power.dictator is None or ctx.statutory:
        return  # nobody decides alone; or the law, not the partners, set who decides
    pid = power.dictator
    who = ctx.who(pid)
    also = []
    if _fixed_chair(ctx) == pid:
        also.append("chairs without rotation")
    if _holds_money(ctx, pid):
        also.append("controls the budget")
    shares = analysis.resource_shares(ctx)
    brings = f", bringing {shares.shares.get(pid, 0.0):.0%} of the resources" if shares else ""
    extra = f" and {' and '.join(also)}" if also else ""
    kind = "Partner" if pid in ctx.partner_ids else "Member"
    steps = []
    if _fixed_chair(ctx) == pid:
        steps.append("have the chair rotate or be independent")
    if _holds_money(ctx, pid):
        steps.append("put the budget under the partners' joint control")
    last = len(steps) - 1
    separate = "".join(f"; {'and ' if 0 < i == last else ''}{s}" for i, s in enumerate(steps))
    yield Hit(
        Say(
            kind + " {p} can take decisions alone ({basis}){extra}{brings}",
            p=who,
            basis=plain_method(power.basis),
            extra=extra,
            brings=brings,
        ),
        ctx.main_body.path if ctx.main_body else ("governance",),
        Say(
            "Change how the {b} decides so that {p} cannot decide alone{separate}",
            b=power.body,
            p=who,
            separate=separate,
        ),
        key="rule",
        subject=who,
    )


def _equal_small_body(ctx: Context) -> bool:
    if ctx.main_body is None:
        return False
    votes = analysis.voters(ctx, ctx.main_body)
    everyone_votes = all(x.id in votes for _, x in ctx.expected("vote"))
    return everyone_votes and 0 < len(votes) <= EQUAL_BODY_MAX and len(set(votes.values())) == 1


def _gaps(ctx: Context) -> Iterator[tuple[int, str, float, float, analysis.DecisionPower, str]]:
    """(index, id, resource share, decision power, power, basis) for every partner expected
    to vote, on the body whose decisions count."""
    power = analysis.decision_power(ctx)
    shares = analysis.resource_shares(ctx)
    if power is None or shares is None or ctx.main_body is None or ctx.statutory:
        return
    if _equal_small_body(ctx):
        return
    if power.dictator is not None:
        return  # one voter decides alone: PC712's finding, not one per partner
    for i, partner in ctx.expected("vote"):
        yield (
            i,
            partner.id,
            shares.shares.get(partner.id, 0.0),
            power.shares.get(partner.id, 0.0),
            power,
            shares.basis,
        )


@rule(
    "PC711",
    element=ROLES,
    challenge=POWER,
    live=True,
    severity=Severity.WARNING,
    weight=15,
    rationale="""A partner that decides much and brings little can commit others'
    resources at no cost to itself. Decision power is measured by the normalised Banzhaf
    index, because raw vote shares mislead (with votes 49/49/2 under a majority, every
    partner swings decisions equally). Not raised for those who speak for the people
    served (beneficiaries, community organisations), whose seats are by design, nor on a
    small body (five voters or fewer) where every voter has one vote, a deliberate equal
    say. A partner whose in-kind contributions have no value gets a note to value them,
    since its share is then not known.""",
    recommendation="Balance the partner's decision power with what it brings: spread the "
    "votes more evenly, or agree a larger contribution from it.",
    example="""
    governance:
      decision_making:
        rule: weighted-vote
        votes: {council: 2, trust: 1, carers: 1}   # in line with what each brings
    """,
    many="{count} partners hold far more decision power than they bring: {names}",
    many_fix="Spread the votes more evenly, or agree larger contributions from them",
)
def not_over_powered(ctx: Context) -> Iterator[Hit]:
    """No partner holds far more decision power than it brings."""
    gaps = list(_gaps(ctx))
    for i, pid, share, say, power, basis in gaps:
        partner = ctx.partners[i]
        if say - share < GAP - _EPSILON or pid in ctx.voices_of_served:
            continue  # the people served have their seats by design
        if ctx.main_body is not None and ctx.main_body.rule is DecisionRule.CONSENSUS:
            continue  # an equal say among voters is consensus's design, not over-power
        if power.dictator == pid:
            continue  # PC712 reports a partner that decides alone
        who = ctx.who(pid)
        in_kind = ctx.unvalued(partner.contributions)
        yield Hit(
            Say(
                "Partner {p} holds {say:.0%} of the decision power ({how}) but brings {share:.0%} "
                "of the resources ({basis})",
                p=who,
                say=say,
                how=plain_method(power.basis),
                share=share,
                basis=plain_method(basis),
            ),
            ("partners", i),
            Say(
                "Record a value for what {p} brings in kind ({what}), then check that its say "
                "matches what it brings",
                p=who,
                what=", ".join(c.description or c.type.value for c in in_kind),
            )
            if in_kind
            else Say(
                "Balance {p}'s decision power with what it brings: spread the votes more "
                "evenly, or agree a larger contribution from {p}",
                p=who,
            ),
            per_item(len(gaps)),
            key="votes",
            subject=who,
            # What it brings in kind has no value, so the gap is not known: a note, not a
            # warning.
            severity=Severity.INFO if in_kind else None,
        )


@rule(
    "PC715",
    element=ROLES,
    challenge=POWER,
    live=True,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A partner that brings much and decides little feels used and scales back
    its commitment. Not raised for a partner that holds a veto (under consensus, every
    voter does: it cannot be out-voted), for a host (its staff time runs the
    partnership), or on a small body (five voters or fewer) where every voter has one
    vote, a deliberate equal say.""",
    recommendation="Give the partner a say in line with what it brings (more votes, a seat "
    "on the decision-making body), or let others take on part of its contribution.",
    example="""
    governance:
      decision_making:
        rule: weighted-vote
        votes: {council: 2, trust: 2, carers: 1}
    """,
    many="{count} partners bring far more than their say in decisions: {names}",
    many_fix="Give each of them a say in line with what it brings",
)
def not_under_powered(ctx: Context) -> Iterator[Hit]:
    """No partner brings far more than its say in decisions."""
    gaps = list(_gaps(ctx))
    for i, pid, share, say, power, basis in gaps:
        partner = ctx.partners[i]
        if share - say < GAP - _EPSILON or pid in power.vetoes or pid in analysis.vetoes(ctx):
            continue
        if partner.standing is Standing.HOST:
            continue
        who = ctx.who(pid)
        yield Hit(
            Say(
                "Partner {p} brings {share:.0%} of the resources ({basis}) but holds {say:.0%} "
                "of the decision power ({how})",
                p=who,
                share=share,
                basis=plain_method(basis),
                say=say,
                how=plain_method(power.basis),
            ),
            ("partners", i),
            Say("Give {p} more say on the {b}, in line with what it brings", p=who, b=power.body)
            if pid in ctx.say
            else Say(
                "Give {p} a seat on the {b}, in line with what it brings", p=who, b=power.body
            ),
            per_item(len(gaps)),
            key="votes",
            subject=who,
        )


@rule(
    "PC713",
    element=ROLES,
    challenge=POWER,
    live=True,
    severity=Severity.WARNING,
    weight=15,
    rationale="""A partner without a vote or a seat on any body (an advisory seat counts)
    is a partner in name only: decisions about its staff, money and reputation are taken
    without it, and it cannot even be heard. However large the partnership, such a partner
    costs at least a third of this rule's points. Associates, who take part without a vote
    by design, are not flagged; beneficiaries are PC509's.""",
    recommendation="Give every partner a vote or a seat on the decision-making body, or "
    "record it as an associate (`standing: associate`).",
    example="""
    governance:
      decision_making:
        rule: majority
        votes: {council: 1, trust: 1, carers: 1}   # every partner votes
    """,
    many="{count} partners have no say in decisions: {names}",
    many_fix="Give each of them a vote or a seat on the decision-making body",
)
def every_partner_votes(ctx: Context) -> Iterator[Hit]:
    """Every partner has a vote, or a seat, on some decision body."""
    body = ctx.main_body
    if body is None or body.rule is None or body.rule is DecisionRule.LEAD_PARTNER:
        return  # PC503/PC504 and PC712 cover these
    if ctx.statutory:
        return  # the law sets who sits where
    expected = ctx.expected("vote")
    name = body.name or "the decision-making body"
    for i, partner in expected:
        if partner.id in ctx.say or partner.standing is Standing.BENEFICIARY:
            continue  # a beneficiary's voice is PC509's
        who = ctx.who(partner.id)
        yield Hit(
            Say("Partner {p} has no vote or seat on any body", p=who),
            ("partners", i),
            Say("Agree where {p} has its say: a seat on the {b} or another body", p=who, b=name),
            per_partner(len(expected)),
            key="votes",
            subject=who,
        )


@rule(
    "PC714",
    element=ROLES,
    challenge=POWER,
    severity=Severity.INFO,
    weight=0,
    rationale="""The chair sets the agenda and sums up the decisions. In a partnership of
    three or more, a partner that chairs for good has lasting control of what is
    discussed; rotating the chair, or an independent chair, shares that control.""",
    recommendation="Rotate the chair between partners, for example annually, or appoint an "
    "independent chair.",
    example="""
    governance:
      chair:
        partner: trust
        rotates: annually
    """,
)
def chair_rotates(ctx: Context) -> Iterator[Hit | Strength]:
    """The chair rotates between partners, or is independent."""
    if ctx.chair is None or len(ctx.active) < 3:
        return
    pid, path = ctx.chair
    member = next((m for m in ctx.p.members if m.id == pid), None)
    if member is not None:
        if member.kind is MemberKind.INDEPENDENT:
            yield Strength("The chair is independent of the partners", ROLES)
        elif member.kind is MemberKind.COMMUNITY:
            yield Strength("The people the partnership serves chair it", ROLES)
        return
    gov = ctx.p.governance
    rotates = gov.chair.rotates if gov and gov.chair else None
    power = analysis.decision_power(ctx)
    if power is not None and power.dictator == pid:
        return  # PC712 names the chair among the powers the partner holds
    host = any(x.id == pid and x.standing is Standing.HOST for x in ctx.partners)
    if ctx.statutory or host or (gov is not None and gov.lead_partner == pid):
        return  # a statutory, host or lead chair is the arrangement, not a drift of power
    if rotates not in (None, Rotation.NEVER):
        yield Strength("The chair rotates between partners", ROLES)
        return
    who = ctx.who(pid)
    if rotates is None:
        message = Say("Partner {p} chairs; whether the chair rotates is not recorded", p=who)
    elif rotates is Rotation.NEVER:
        message = Say(
            "Partner {p} chairs and the chair never rotates ({n} partners)",
            p=who,
            n=len(ctx.active),
        )
    else:
        return
    yield Hit(
        message,
        path,
        Say("Agree when the chair passes from {p} to another partner", p=who),
        key="governance.chair.rotates",
        subject=who,
    )
