"""Declared risks (PC508) and a funding cliff (PC723): what could go wrong.

A declared risk is evidence, not a mitigation: each one is listed in the report
beside its challenge (``FileResult.risks``); a risk nobody owns or whose
"mitigation" does not reduce it is a gap in managing the partnership (PC508);
and money that stops within a year with no successor agreed is the commonest way
partnerships end (PC723).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from partnercheck.load.nodes import Path
from partnercheck.model.types import ContributionType
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.aims import advice_under_way, open_action_about
from partnercheck.rules.base import Hit, Say, per_item, rule
from partnercheck.rules.context import Context, Subject, credible, short_name

CLIFF_DAYS = 366  # money that ends within a year, with nothing agreed to follow it
SOON_DAYS = 183  # six months, counted at their longest: an end this close is graver
GRAVE_SHARE = 0.25  # of the money, ending within six months with no plan: an error
CLOSE_SHARE = 0.5  # of the money ending with no plan: the partners may have to plan a close

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_DATE = (
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]* \d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})"
)
# Words for money: "funding", "grant", "the trust's contribution" (not one of staff or
# volunteers: their time ending is not funding ending), "the ICB allocation", and an amount
# ("GBP 120,000", "USD 2.5m", "£40k").
_CONTRIBUTION = (
    r"(?<!staff )(?<!volunteer )(?<!in-kind )(?<!time )contributions?\b"
    r"(?! of (?:staff|volunteers?|time)\b)"
)
_MONEY = (
    r"(?:\b(?:fund\w*|grants?|budgets?|contracts?|awards?|money|income|shortfall|subsid\w+|"
    r"allocations?)\b|\b" + _CONTRIBUTION + r"|(?:\b(?:GBP|EUR|USD) ?|[£€$] ?)\d[\d,.]*"
    r"(?: ?(?:k|m|bn|million|billion)\b)?)"
)
# "funding ends 31 March 2027", "grant confirmed only to March 2028", "its contribution ends
# in March 2027", "could be cut from April 2027", "funds must be spent by 2026-12-31"
_ENDS = re.compile(
    _MONEY + r"[^.;]{0,60}?\b(?:ends?|ending|expires?|runs? out|runs? (?:to|until)|until|"
    r"confirmed (?:only )?(?:to|until)|covers?[^.;]{0,30}? until|stops?|cut|(?:must|to) be "
    r"spent|to)\b (?:(?P<prep>on|in|from|by|before) )?" + _DATE,
    re.IGNORECASE,
)
# "recurrent funding from April 2027 is not yet agreed"
_UNAGREED = re.compile(
    _MONEY
    + r"[^.;]{0,40}?\b(?P<prep>from|after|beyond) "
    + _DATE
    + r"[^.;]{0,60}?\bnot (?:yet )?(?:agreed|secured|confirmed|in place)",
    re.IGNORECASE,
)
_RENEWED = re.compile(r"\b(renewed|extended|secured|confirmed|agreed) (to|until|through)\b", re.I)


# "could be cut from April 2027", "depends on an annual budget round", "confirmed only to
# March 2028": the money is not confirmed after the date, it is not said to end.
_UNSURE = re.compile(
    r"\b(?:could|may|might|can)\b|\bdepends? on\b|\bsubject to\b|\bconfirmed (?:only )?"
    r"(?:to|until)\b|\bnot (?:yet )?(?:confirmed|agreed|secured|guaranteed)\b",
    re.IGNORECASE,
)
# A plan in hand to replace the money, strongest first: "bridging commitment from the three
# industrial members", "bid to the ICB prevention fund submitted", "business plan".
_PLANS = (
    r"\bsecured\b",
    r"\bcommitted\b",
    r"\bbridging\b",
    r"\b(?:bid|application)\b[^.;,]{0,40}?\bsubmitted\b|\bsubmitted (?:a|an|the|our) "
    r"(?:\w+ )?(?:bid|application)\b",
    r"\bbusiness plan\b",
    r"\brenewal bid\b",
)
# A plan denied or lost before its word ("not secured", "has withdrawn its bridging
# commitment"), or not yet made after it ("bridging to be agreed", "a bid is proposed").
_NOT_YET = re.compile(
    r"\b(?:not|no|nor|nothing|without|unsecured|withdr[ae]w\w*|lost|cancell?ed|pulled)\b", re.I
)
_NOT_YET_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:to be\b|requested|proposed|sought|planned|under discussion)",
    re.I,
)
PLAN_WORDS = 8  # a plan is quoted by its first words
_PERCENT = re.compile(r"(?P<pct>\d{1,3}(?:\.\d+)?) ?(?:%|per ?cent)(?= of\b|\))", re.I)
_AMOUNT = re.compile(
    r"(?:\b(?:GBP|EUR|USD) ?|[£€$] ?)(?P<n>\d[\d,]*(?:\.\d+)?)"
    r"(?P<x> ?(?:k|m|bn|million|billion)\b)?",
    re.I,
)
_SCALE = {"k": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_MONEY_WORD = re.compile(_MONEY, re.IGNORECASE)
_POSSESSIVE = "'s|\u2019s|'|\u2019"  # "the council's grant", typed or typeset
_NOT_OWNER_WORDS = """
    the a an its our their his her this that these those of and or for with from to by
    has have had is are was were told board covers cover all any some about around over
    nearly almost roughly some up
"""
_NOT_OWNER = frozenset(_NOT_OWNER_WORDS.split())


def plan_in_hand(text: str) -> str | None:
    """The plan the partners have in hand to replace the money, quoted by its clause's first
    words: a bridging commitment, money committed or secured, a bid or application
    submitted, a business plan, a renewal bid ("not secured" is not one)."""
    clauses = [c.strip() for c in re.split(r"[.;]", text) if c.strip()]
    for plan in _PLANS:
        for clause in clauses:
            for found in re.finditer(plan, clause, re.IGNORECASE):
                before, after = clause[: found.start()], clause[found.end() :]
                if not _NOT_YET.search(before) and not _NOT_YET_AFTER.search(after):
                    return short_name(clause, PLAN_WORDS)
    return None


def money_named(found: re.Match[str]) -> str:
    """The money as the text names it, from its first money word and the words before it:
    "the lottery grant", "the NHS contribution", "GBP 120,000"."""
    text = found.string
    words = list(_MONEY_WORD.finditer(text, found.start(), found.end()))
    if not words:
        return "the funding"
    start, stop = words[0].start(), words[0].end()
    if len(words) > 1 and words[1].start() - stop <= 1:  # "GBP 120,000 contribution"
        stop = words[1].end()
    elif len(words) > 1 and _AMOUNT.match(text[start:stop]):  # "EUR 2.5m ... the grant ends"
        start, stop = words[1].start(), words[1].end()
    if text[start:stop].lower() == "shortfall":
        return "the cover for the shortfall"
    before = text[:start].split()
    owner: list[str] = []
    while before and len(owner) < 4 and before[-1].lower() not in _NOT_OWNER:
        if before[-1].endswith(","):
            break
        owner.insert(0, before.pop())
    named = " ".join([*owner, text[start:stop]])
    if not before and not named.split()[0].isupper():  # "Devolution deal funding ends ..."
        named = named[0].lower() + named[1:]
    return named if _AMOUNT.match(named) else f"the {named}"


def _amounts(text: str) -> list[float]:
    found = []
    for m in _AMOUNT.finditer(text):
        try:
            n = float(m["n"].replace(",", ""))
        except ValueError:
            continue
        found.append(n * _SCALE.get((m["x"] or "").strip().lower(), 1.0))
    return found


def money_share(ctx: Context, text: str, amount: float | None) -> float | None:
    """The share of the partners' funding the money is: stated ("about 70% of the pooled
    budget"), the contribution's own amount, an amount in the text that is one partner's
    funding, or the funding of a partner the money is named after ("the NHS
    contribution")."""
    stated = _PERCENT.search(text)
    if stated:
        return min(float(stated["pct"]) / 100, 1.0)
    total = sum(ctx.funding.values())
    if total <= 0:
        return None
    if amount:
        return amount / total
    given = {
        c.amount or c.value
        for x in ctx.partners
        for c in x.contributions
        if c.type is ContributionType.FUNDING
    }
    for n in _amounts(text):
        if n in given:
            return n / total
    return _named_partner_share(ctx, text, total)


def _named_partner_share(ctx: Context, text: str, total: float) -> float | None:
    """The funding of the one partner whose name the money carries ("the NHS contribution",
    "the council's grant")."""
    owners = [
        x.id
        for x in ctx.partners
        if ctx.funding.get(x.id)
        and re.search(
            rf"(?<![\w-])(?:{re.escape(x.id)}|{re.escape(x.name)})(?:{_POSSESSIVE})? {_MONEY}",
            text,
            re.IGNORECASE,
        )
    ]
    return ctx.funding[owners[0]] / total if len(owners) == 1 else None


def parse_date(text: str, first: bool = False) -> date | None:
    """An ISO date, "31 March 2027" or "March 2027" (the end of the month; its first day
    when ``first``)."""
    text = text.lower().strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
        parts = text.replace(",", "").split()
        if len(parts) == 3:
            day = int(re.sub(r"\D", "", parts[0]))
            return date(int(parts[2]), _month(parts[1]), day)
        if len(parts) == 2:
            year, month = int(parts[1]), _month(parts[0])
            return date(year, month, 1 if first else calendar.monthrange(year, month)[1])
    except (ValueError, KeyError):
        return None
    return None


def _month(word: str) -> int:
    return _MONTHS.get(word) or _MONTHS[word[:3]]


def last_funded(found: re.Match[str]) -> date | None:
    """The last day the money covers: the date named, or the day before the date it is
    needed "from" or spent "before" ("funding from April 2027 is not agreed": 31 March)."""
    if found["prep"] in ("from", "before"):
        start = parse_date(found["date"], first=True)
        return start - timedelta(days=1) if start else None
    return parse_date(found["date"])


def _money_texts(ctx: Context) -> Iterator[tuple[Path, str, str, float | None]]:
    """(path, text, what else the partners wrote about it, the money's own amount): a risk's
    description and mitigation are read together; a contribution's text is its own."""
    for i, risk in enumerate(ctx.p.risks):
        both = f"{risk.description}; {risk.mitigation or ''}"
        yield ("risks", i, "description"), risk.description, both, None
        if risk.mitigation:
            yield ("risks", i, "mitigation"), risk.mitigation, both, None
    for i, partner in enumerate(ctx.partners):
        for j, c in enumerate(partner.contributions):
            if c.description:
                amount = c.amount or c.value if c.type is ContributionType.FUNDING else None
                path: Path = ("partners", i, "contributions", j, "description")
                yield path, c.description, c.description, amount


@dataclass(frozen=True, slots=True)
class Cliff:
    """Money that ends, or is not confirmed, within the year: what the text says of it."""

    ends: date
    stated: bool  # the text states an end; else the money is only not confirmed after it
    money: str  # "the lottery grant", as the text names it
    share: float | None  # of all the partners' funding, where the text lets it be known
    plan: str | None  # a plan in hand to replace it, quoted short


def _cliff(ctx: Context, text: str, both: str, amount: float | None) -> Cliff | None:
    found = _ENDS.search(text) or _UNAGREED.search(text)
    if found is None or _RENEWED.search(text[found.end() :]):
        return None
    ends = last_funded(found)
    if ends is None or not 0 <= (ends - ctx.as_of).days <= CLIFF_DAYS:
        return None
    stated = found.re is _ENDS and not _UNSURE.search(found[0])
    return Cliff(
        ends, stated, money_named(found), money_share(ctx, text, amount), plan_in_hand(both)
    )


def _says_cliff(cliff: Cliff, said: str) -> Say:
    share = f"{cliff.share:.0%} of the money" if cliff.share is not None else None
    if cliff.plan is not None:
        return Say(
            "Funding after {ends}{share} is not yet secured; “{plan}” in hand: {said}",
            ends=cliff.ends,
            share=f" ({share})" if share else "",
            plan=cliff.plan,
            said=said,
        )
    if not cliff.stated:
        return Say(
            "{money}{share} is not confirmed after {ends}: {said}",
            money=cliff.money[0].upper() + cliff.money[1:],
            share=f" ({share})" if share else "",
            ends=cliff.ends,
            said=said,
        )
    return Say(
        "{what} ends on {ends} with nothing agreed to follow it: {said}",
        what=share or "Funding",
        ends=cliff.ends,
        said=said,
    )


def _fix_cliff(cliff: Cliff) -> Say:
    if cliff.plan is not None:
        return Say(
            "Follow “{plan}” through, so that {money} is replaced before {ends}",
            plan=cliff.plan,
            money=cliff.money,
            ends=cliff.ends,
        )
    if not cliff.stated:  # not ending, only not yet confirmed
        return Say(
            "Secure {money} beyond {ends}, or agree what would replace it",
            money=cliff.money,
            ends=cliff.ends,
        )
    close = cliff.share is not None and cliff.share >= CLOSE_SHARE
    return Say(
        "Agree what replaces {money} before {ends}{close}",
        money=cliff.money,
        ends=cliff.ends,
        close=", or plan an orderly close" if close else "",
    )


def _cliff_severity(ctx: Context, cliff: Cliff) -> Severity | None:
    """A note when a plan is in hand; an error when a quarter or more of the money is
    stated to end within six months with none; else the rule's warning."""
    if cliff.plan is not None:
        return Severity.INFO
    soon = (cliff.ends - ctx.as_of).days <= SOON_DAYS
    if cliff.stated and soon and cliff.share is not None and cliff.share >= GRAVE_SHARE:
        return Severity.ERROR
    return None


@rule(
    "PC723",
    element=ElementId.RESOURCES,
    challenge=ChallengeId.RESOURCE_INVESTMENT,
    live=True,
    severity=Severity.WARNING,
    weight=15,
    rationale="""Partnerships most often end when their money does. Funding that stops within
    a year with no successor agreed puts staff, services and the partners' commitment at
    risk now, not at the end date: people leave and partners plan their exit. A plan in hand
    (a bridging commitment, a bid submitted) makes it a note; a quarter or more of the money
    ending within six months with no plan is an error.""",
    recommendation="Agree with funders and partners what replaces the funding before it "
    "ends; when half the money or more ends, that or plan an orderly close.",
    example="""
    risks:
      - challenge: resource-investment
        description: Grant ends 2027-03-31; renewal confirmed until March 2030
        mitigation: Three-year renewal signed by the ICB
        owner: council
    """,
)
def funding_secured(ctx: Context) -> Iterator[Hit]:
    """Funding is secured beyond the next year."""
    for path, text, both, amount in _money_texts(ctx):
        cliff = _cliff(ctx, text, both, amount)
        if cliff is None:
            continue
        said = f"“{' '.join(text.split())}”"
        yield Hit(
            _says_cliff(cliff, said),
            path,
            _fix_cliff(cliff),
            key="risks",
            severity=_cliff_severity(ctx, cliff),
        )
        return


@rule(
    "PC508",
    element=ElementId.ROLES,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A risk written down but owned by nobody, or "mitigated" by watching it or by
    going to court, is a worry, not a plan: a risk is managed when one partner watches it
    and the partners have agreed what reduces it.""",
    recommendation="Give each risk an owner and a mitigation that reduces it.",
    example="""
    risks:
      - challenge: conflict
        description: Partners disagree on publication timing
        mitigation: 45-day review window agreed in the consortium agreement
        owner: thames-uni
    """,
    many="{count} declared risks are not managed: {names}",
    many_fix="Give each of them an owner and a mitigation that reduces it",
)
def risks_managed(ctx: Context) -> Iterator[Hit]:
    """Every declared risk has an owner and a mitigation that reduces it."""
    risks = ctx.p.risks
    for i, risk in enumerate(risks):
        problems = []
        if risk.owner is None:
            problems.append("no owner")
        if risk.mitigation is None:
            problems.append("no mitigation")
        elif not credible(risk.mitigation):
            problems.append(f"a mitigation (“{risk.mitigation}”) that does not reduce it")
        if not problems:
            continue
        subject = Subject("risk", f"risks[{i}]", f"“{risk.description}”")
        said = f"“{' '.join(risk.description.split())}”"
        yield Hit(
            Say("The risk {r} has {what}", r=said, what=" and ".join(problems)),
            ("risks", i),
            Say("Agree who watches the risk {r} and what reduces it", r=said),
            per_item(len(risks)),
            key="owner" if risk.owner is None else "mitigation",
            subject=subject,
        )


# Harm reported as already happening: "stock-outs have risen", "left six countries
# without a partner", "referrals were lost".
_HAPPENED = re.compile(
    r"\b(?:has|have|had) (?:already |since |now )?(?:risen|fallen|stopped|closed)\b"
    r"|\bleft\b[^.;]{0,80}?\bwithout\b|\b(?:was|were) lost\b",
    re.IGNORECASE,
)
# A risk written as what could happen is still a risk.
_CONDITIONAL = re.compile(r"\b(?:could|may|might|if|would|should|unless)\b", re.IGNORECASE)


def has_happened(text: str) -> bool:
    """Whether a sentence of ``text`` reports harm already happening, not written in the
    conditional ("could", "may", "might", "if")."""
    return any(
        _HAPPENED.search(part) and not _CONDITIONAL.search(part) for part in re.split(r"[.;]", text)
    )


def _act_on(ctx: Context, description: str) -> Say:
    action = open_action_about(ctx, description)
    if action is None:
        words = description.split()
        short = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        return Say(
            "Act now on what has happened (“{r}”): agree an improvement action, with an owner "
            "and a due date, that deals with it",
            r=short,
        )
    if action.due is not None and action.due < ctx.as_of:
        return Say(
            "Make sure “{a}” (due {due}, now overdue) is finished: the harm is already happening",
            a=action.action,
            due=action.due,
        )
    return advice_under_way(action, "deals with the harm already done")


@rule(
    "PC510",
    element=ElementId.ROLES,  # managing risks is PC508's element; the challenge is the risk's
    severity=Severity.WARNING,
    weight=10,
    rationale="""A declared risk whose own text says the harm is already happening (stock-outs
    have risen, a partner's exit left services without cover) is no longer a risk but a
    problem: watching it and its mitigation are not enough, it needs action now, owned and
    dated, and the partners should see it as a problem in their reports. Filed under the
    challenge the risk was declared for, and priced with risk management (roles).""",
    recommendation="Act on a risk that has happened: agree an improvement action with an "
    "owner and a due date, and see it through.",
    example="""
    risks:
      - challenge: logistics
        description: A courier's exit could leave two sites without deliveries
        mitigation: Second courier on a standby contract
        owner: council
    """,
    many="{count} declared risks have already happened: {names}",
    many_fix="Act on each of them now, with an owner and a due date",
)
def risk_realised(ctx: Context) -> Iterator[Hit]:
    """No declared risk has already happened."""
    for i, risk in enumerate(ctx.p.risks):
        if not has_happened(risk.description):
            continue
        said = f"“{' '.join(risk.description.split())}”"
        yield Hit(
            Say("A declared risk has already happened: {r}", r=said),
            ("risks", i, "description"),
            _act_on(ctx, risk.description),
            key="description",
            subject=Subject("risk", f"risks[{i}]", said),
            challenge=next((c for c in ChallengeId if c.value == risk.challenge.value), None),
        )
