"""Element 2, vision (PC2xx): a shared vision and shared values."""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.load.nodes import Path
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import ELEMENT, Hit, Say, Strength, per_item, rule
from partnercheck.rules.context import Context

VISION = ElementId.VISION

MIN_WORDS = 3  # fewer specific words than this cannot say who benefits and how
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Words that carry no meaning of their own in a vision statement.
_FILLER_TEXT = """
    a an the and or of to in on for with by at as from into through across our we us is
    are be will can so that this these it its their all every each more most who which
    make making people everyone
"""
_FILLER = frozenset(_FILLER_TEXT.split())
# Words that sound ambitious but would fit any partnership anywhere.
_BUZZWORDS_TEXT = """
    excellence excellent innovation innovative innovate synergy synergies collaboration
    collaborative collaborate collaborating partnership partnerships partner partners
    together working work best practice world-class leading leader leaders quality high
    value values deliver delivering delivery outcomes outcome better improve improved
    improving improvement effective effectiveness efficient efficiency sustainable
    sustainability impact impactful transform transforming transformation
    transformational empower empowering empowerment holistic integrated joined-up
    strategic strategy vision achieve achieving success successful shared mutual
    commitment committed stakeholder stakeholders service services solutions growth
    future-proof added-value win-win step-change
"""
_BUZZWORDS = frozenset(_BUZZWORDS_TEXT.split())


@rule(
    "PC201",
    element=VISION,
    severity=Severity.ERROR,
    weight=40,
    rationale="""A shared vision is what partners return to when priorities collide: the
    Nuffield Partnership Assessment Tool and the Wilder Collaboration Factors both find
    that partnerships without a common picture of success fragment into the separate
    agendas of their members. Without a vision or values, this element scores 0.""",
    recommendation="Agree a one- or two-sentence vision with all partners and record it "
    "as `vision.statement`.",
    example="""
    vision:
      statement: Every tenant in Riverside lives in a safe, healthy home.
    """,
)
def vision_defined(ctx: Context) -> Iterator[Hit]:
    """The partnership has a shared vision statement."""
    vision = ctx.p.vision
    if vision is None or (vision.statement is None and not vision.values):
        where: Path | None = ("vision",) if "vision" in ctx.p.model_fields_set else None
        yield Hit(
            "No shared vision or values are defined",
            where,
            "Agree a one- or two-sentence vision and the values behind it with all partners",
            key="vision",
            covers=ELEMENT,
        )
    elif vision.statement is None:
        yield Hit(
            "The vision has no statement",
            ("vision", "statement"),
            "Agree a one- or two-sentence vision with all partners",
            key="vision.statement",
        )


@rule(
    "PC202",
    element=VISION,
    severity=Severity.WARNING,
    weight=10,
    rationale="""A vision that could belong to any partnership guides no decision: partners
    read their own meaning into generic words, and the disagreement surfaces later as
    conflict. A good statement says who will be better off, where, and how; a short one
    can do that as well as a long one.""",
    recommendation="Rewrite the vision to say who benefits and what will be different "
    "for them, in concrete words.",
    example="""
    vision:
      statement: Every older person in Riverside recovers at home, with care that
        joins up around them.
    """,
)
def vision_specific(ctx: Context) -> Iterator[Hit]:
    """The vision statement is specific, not vague."""
    vision = ctx.p.vision
    if vision is None or vision.statement is None:
        return  # PC201 reports the missing statement
    words = _WORD.findall(vision.statement)
    content = [w for w in words if w.lower() not in _FILLER]
    specific = [w for w in content if w.lower() not in _BUZZWORDS]
    where = ("vision", "statement")
    fix = "Say who benefits, where, and what will be different for them"
    if len(specific) >= MIN_WORDS:
        return
    generic = ", ".join(dict.fromkeys(w.lower() for w in content if w.lower() in _BUZZWORDS))
    if not generic:
        message: Say | str = (
            "The vision statement is too short to say who benefits or what will change"
        )
    elif not specific:
        message = Say("The vision statement uses only generic words ({words})", words=generic)
    else:
        message = Say(
            "The vision statement says little beyond generic words ({words})", words=generic
        )
    yield Hit(message, where, fix, key="vision.statement")


@rule(
    "PC203",
    element=VISION,
    severity=Severity.WARNING,
    weight=20,
    rationale="""Values say how partners will behave towards each other when the plan does
    not cover a situation; organisations from different sectors bring different cultures,
    and naming the values they share is the first defence against a culture clash.""",
    recommendation="Agree at least two values the partners hold in common and list them "
    "under `vision.values`.",
    example="""
    vision:
      values: [equity, transparency, tenant voice]
    """,
)
def values_listed(ctx: Context) -> Iterator[Hit]:
    """The partners list at least two shared values."""
    vision = ctx.p.vision
    if vision is None:
        return  # PC201 covers the missing vision
    if not vision.values:
        yield Hit(
            "No shared values are listed",
            ("vision", "values"),
            "Agree with the partners the values they hold in common",
            key="vision.values",
        )
    elif len(vision.values) < 2:
        yield Hit(
            Say("Only one shared value is listed ({value})", value=vision.values[0]),
            ("vision", "values"),
            Say(
                "Agree with the partners which values, besides {value}, they share",
                value=vision.values[0],
            ),
            0.5,
            key="vision.values",
        )


@rule(
    "PC204",
    element=VISION,
    severity=Severity.WARNING,
    weight=40,
    challenge=ChallengeId.CONFLICT,
    rationale="""A vision written by one partner and not endorsed by the others is a
    mission statement for that partner; conflicts over priorities start where a partner
    never signed up to the shared direction.""",
    recommendation="Confirm the vision and values with every partner and list them under "
    "`vision.agreed_by`.",
    example="""
    vision:
      agreed_by: [council, nhs, housing]
    """,
    many="{count} partners have not agreed the vision: {names}",
    many_fix="Confirm the vision and values with each of them",
)
def vision_agreed(ctx: Context) -> Iterator[Hit | Strength]:
    """Every partner has agreed the vision and values."""
    vision = ctx.p.vision
    if vision is None:
        return  # PC201 covers the missing vision
    expected = ctx.expected("vision")
    agreed = set(vision.agreed_by)
    missing = [(i, x) for i, x in expected if x.id not in agreed]
    if not missing:
        if expected:
            yield Strength("Every partner has agreed the vision and values", VISION)
        return
    if not agreed:
        yield Hit(
            "No partner is recorded as having agreed the vision",
            ("vision",),
            "Confirm the vision and values with every partner",
            key="vision.agreed_by",
        )
        return
    for _, partner in missing:
        who = ctx.who(partner.id)
        yield Hit(
            Say("Partner {p} has not agreed the vision", p=who),
            ("vision", "agreed_by"),
            Say("Confirm the vision and values with {p}", p=who),
            per_item(len(expected)),
            key="vision.agreed_by",
            subject=who,
        )
