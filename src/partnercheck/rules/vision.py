"""Element 2, vision (PC2xx): a shared vision and shared values."""

from __future__ import annotations

import re
from collections.abc import Iterator

from partnercheck.load.nodes import Path
from partnercheck.results import ChallengeId, ElementId, Severity
from partnercheck.rules.base import Hit, per_item, rule
from partnercheck.rules.context import Context

VISION = ElementId.VISION

MIN_WORDS = 8
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
    weight=3,
    rationale="""A shared vision is what partners return to when priorities collide: the
    Nuffield Partnership Assessment Tool and the Wilder Collaboration Factors both find
    that partnerships without a common picture of success fragment into the separate
    agendas of their members.""",
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
    if vision is None:
        where: Path | None = ("vision",) if "vision" in ctx.p.model_fields_set else None
        yield Hit("No shared vision is defined", where)
    elif vision.statement is None:
        yield Hit("The vision has no statement", ("vision", "statement"))


@rule(
    "PC202",
    element=VISION,
    severity=Severity.WARNING,
    weight=1,
    rationale="""A vision that could belong to any partnership guides no decision: partners
    read their own meaning into generic words, and the disagreement surfaces later as
    conflict. A good statement says who will be better off, where, and how.""",
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
    where = ("vision", "statement")
    if len(words) < MIN_WORDS:
        count = f"{len(words)} word{'' if len(words) == 1 else 's'}"
        yield Hit(
            f"The vision statement is vague: only {count}",
            where,
            "Expand the vision to say who benefits and what will be different for them",
        )
        return
    content = [w for w in words if w.lower() not in _FILLER]
    if all(w.lower() in _BUZZWORDS for w in content):
        generic = ", ".join(dict.fromkeys(w.lower() for w in content))
        yield Hit(
            f"The vision statement is vague: it uses only generic words ({generic})",
            where,
            "Replace the generic words with who benefits, where, and what will change",
        )


@rule(
    "PC203",
    element=VISION,
    severity=Severity.WARNING,
    weight=2,
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
        listed = "vision" in ctx.p.model_fields_set
        yield Hit("No shared values are listed", ("vision", "values") if listed else None)
    elif not vision.values:
        yield Hit("No shared values are listed", ("vision", "values"))
    elif len(vision.values) < 2:
        yield Hit(
            f"Only one shared value is listed ({vision.values[0]})",
            ("vision", "values"),
            f"Agree with the partners which values, besides {vision.values[0]}, they share",
        )


@rule(
    "PC204",
    element=VISION,
    severity=Severity.WARNING,
    weight=3,
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
)
def vision_agreed(ctx: Context) -> Iterator[Hit]:
    """Every partner has agreed the vision and values."""
    vision = ctx.p.vision
    # Fires even without a vision: "nobody has agreed one" must score no better than
    # "some have", or writing half a vision would lower the score.
    agreed = set(vision.agreed_by) if vision else set()
    path = ("vision", "agreed_by") if vision else None
    for partner in ctx.partners:
        if partner.id not in agreed:
            yield Hit(
                f"Partner {partner.id} has not agreed the vision",
                path,
                f"Confirm the vision and values with {partner.id} and add it to `vision.agreed_by`",
                per_item(len(ctx.partners)),
            )
