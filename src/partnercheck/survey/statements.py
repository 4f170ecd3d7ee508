"""The partner perception questionnaire: every statement, its id and what it measures.

Each partner's respondents rate every statement from 1 (strongly disagree) to
5 (strongly agree). Statements are short, neutral and positively worded, so a
higher rating is always better.

Ids are stable and are never renumbered: a statement that is dropped keeps its
id retired, and new statements take the next free number. Responses files name
their columns by these ids.

* Elements: a three-letter prefix and a number: ``GOA``, ``VIS``, ``COM``,
  ``RES``, ``ROL``, ``EVA`` (e.g. ``COM2``).
* Challenges: ``CHA-`` and a three-letter prefix and a number: ``CHA-CON``
  (conflict), ``CHA-POW`` (power imbalance), ``CHA-INV`` (resource investment),
  ``CHA-LOG`` (logistics), e.g. ``CHA-POW1``.
"""

from __future__ import annotations

from dataclasses import dataclass

from partnercheck.vocabulary import ChallengeId, ElementId

Area = ElementId | ChallengeId
"""What a statement measures: one of the six elements or one of the four challenges."""

RATING_MIN = 1
RATING_MAX = 5
SCALE: tuple[tuple[int, str], ...] = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)

PREFIXES: dict[Area, str] = {
    ElementId.GOALS: "GOA",
    ElementId.VISION: "VIS",
    ElementId.COMMUNICATION: "COM",
    ElementId.RESOURCES: "RES",
    ElementId.ROLES: "ROL",
    ElementId.EVALUATION: "EVA",
    ChallengeId.CONFLICT: "CHA-CON",
    ChallengeId.POWER_IMBALANCE: "CHA-POW",
    ChallengeId.RESOURCE_INVESTMENT: "CHA-INV",
    ChallengeId.LOGISTICS: "CHA-LOG",
}


@dataclass(frozen=True, slots=True)
class Statement:
    """One questionnaire statement."""

    id: str
    """Stable id, e.g. ``GOA1`` or ``CHA-POW1``; the responses file's column name."""
    text: str
    """The statement as respondents read it."""
    area: Area
    """The element or challenge the rating counts towards."""

    @property
    def element(self) -> ElementId | None:
        return self.area if isinstance(self.area, ElementId) else None

    @property
    def challenge(self) -> ChallengeId | None:
        return self.area if isinstance(self.area, ChallengeId) else None


def _numbered(area: Area, *texts: str) -> tuple[Statement, ...]:
    prefix = PREFIXES[area]
    return tuple(Statement(f"{prefix}{n}", text, area) for n, text in enumerate(texts, 1))


STATEMENTS: tuple[Statement, ...] = (
    *_numbered(
        ElementId.GOALS,
        "The partnership's goals are clear to me.",
        "My organisation agrees with the partnership's goals.",
        "We know how progress towards our goals is measured.",
        "Our goals are realistic for the time and resources we have.",
    ),
    *_numbered(
        ElementId.VISION,
        "The partners share a common view of what the partnership is for.",
        "The partnership's values fit my organisation's values.",
        "The partners are committed to the partnership for the long term.",
    ),
    *_numbered(
        ElementId.COMMUNICATION,
        "Partners share information openly and in good time.",
        "I know whom to contact in each partner organisation.",
        "Partners treat each other with respect.",
        "Partners trust each other.",
    ),
    *_numbered(
        ElementId.RESOURCES,
        "Partners share their knowledge and expertise with each other.",
        "The partnership has the resources it needs to meet its goals.",
        "Shared resources are used where they do most good.",
        "My organisation gains something of value from the partnership.",
    ),
    *_numbered(
        ElementId.ROLES,
        "I understand what each partner is responsible for.",
        "I understand my own role in the partnership.",
        "It is clear who takes which decisions.",
        "Partners do what they have agreed to do.",
    ),
    *_numbered(
        ElementId.EVALUATION,
        "The partnership regularly reviews how well it is working.",
        "We use evidence to judge whether we are meeting our goals.",
        "Lessons from reviews lead to changes in how we work.",
        "My organisation takes part in evaluating the partnership.",
    ),
    *_numbered(
        ChallengeId.CONFLICT,
        "Disagreements between partners are dealt with openly and fairly.",
        "Differences in priorities and working cultures between partners are manageable.",
    ),
    *_numbered(
        ChallengeId.POWER_IMBALANCE,
        "My organisation's views are heard when decisions are taken.",
        "All partners have a fair say in how the partnership's money and resources are used.",
    ),
    *_numbered(
        ChallengeId.RESOURCE_INVESTMENT,
        "My organisation carries a fair share of the workload.",
        "What my organisation puts into the partnership is worth what it gets out of it.",
    ),
    *_numbered(
        ChallengeId.LOGISTICS,
        "Coordinating across our organisations takes a reasonable amount of effort.",
        "Our systems and processes make it easy to work together.",
    ),
)
"""Every statement, in questionnaire order: elements in report order, then challenges."""

BY_ID: dict[str, Statement] = {s.id: s for s in STATEMENTS}
"""Statements by id."""

AREAS: tuple[Area, ...] = (*ElementId, *ChallengeId)
"""Every area, in report order."""


def statements_for(area: Area) -> tuple[Statement, ...]:
    """The statements that measure ``area``, in questionnaire order."""
    return tuple(s for s in STATEMENTS if s.area == area)
