"""What a rule is, and the registry that holds every rule.

A rule is a pure function of the partnership (through :class:`Context`) that
yields :class:`Hit` records (and, where it finds something in place worth
saying, :class:`Strength` records). Declaring it takes one decorator; a
duplicate id fails at import time, so two rules can never share a name.

Messages are written once and read two ways: CI formats print ids ("Partner
mhtrust contributes nothing"), client reports print names ("Mersey Health
Trust contributes nothing"). A rule writes ``Say("Partner {p} ...", p=subject)``
and the engine renders both.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from partnercheck.load.nodes import Path
from partnercheck.results import Band, ChallengeId, ElementId, Severity
from partnercheck.rules.context import Context, Subject
from partnercheck.rules.plain import human_date, iso_to_human, value_words

# Every rule of the element, except the one that fires: used by a finding that
# says a whole section is missing, so that one gap is priced once (all of it).
ELEMENT: Literal["element"] = "element"


class Say:
    """A sentence with subjects in it, rendered with ids or with names.

    The template is code (trusted); the arguments may hold text from the file,
    which ``str.format`` substitutes without interpreting it.
    """

    __slots__ = ("args", "template")

    def __init__(self, template: str, **args: object) -> None:
        self.template = template
        self.args = args

    def ids(self) -> str:
        return self.template.format(**{k: _as(v, False) for k, v in self.args.items()})

    def names(self) -> str:
        return self.template.format(**{k: _as(v, True) for k, v in self.args.items()})


class Written(Say):
    """A sentence already written both ways (survey findings, worded by the analysis)."""

    __slots__ = ("by_id", "by_name")

    def __init__(self, by_id: str, by_name: str) -> None:
        super().__init__(by_id)
        self.by_id = by_id
        self.by_name = by_name or by_id

    def ids(self) -> str:
        return self.by_id

    def names(self) -> str:
        return self.by_name


class Term:
    """A method's name for CI ("normalised Banzhaf index") and its plain words for people."""

    __slots__ = ("ci", "plain")

    def __init__(self, ci: str, plain: str) -> None:
        self.ci = ci
        self.plain = plain


# The method's words, as a client report puts them (docs/scoring.md explains the method).
_JARGON = (
    ("; normalised Banzhaf index", ""),
    ("normalised Banzhaf index", "share of decision power"),
    ("money and staff time at fte_cost", "money, and staff time at its agreed cost"),
    ("with no fte_cost to add them", "as staff time has no agreed cost to add it to money"),
    ("lead-partner rule", "as the lead partner"),
)


def plain_method(text: str) -> Term:
    """``text`` as written for CI, and without the method's jargon for people."""
    plain = text
    for jargon, words in _JARGON:
        plain = plain.replace(jargon, words)
    return Term(text, plain)


def _as(value: object, names: bool) -> object:
    """An argument as CI reads it (ids, format values, ISO dates) or as people read it
    (names, plain words, "19 March 2026"; :mod:`partnercheck.rules.plain`)."""
    if isinstance(value, date):
        return human_date(value) if names else value.isoformat()
    if isinstance(value, StrEnum):
        return value_words(value) if names else value.value
    if isinstance(value, str):
        return iso_to_human(value) if names else value
    if isinstance(value, Term):
        return value.plain if names else value.ci
    if isinstance(value, Subject):
        return value.name if names else value.id
    if isinstance(value, tuple | list) and all(isinstance(v, Subject) for v in value):
        return listing([v.name if names else v.id for v in value])
    return value


def listing(parts: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``; ``a; b and c`` when a part has a comma of its own
    ("Federation of Small Businesses, Northvale region"), so a reader can count them."""
    parts = list(parts)
    if not parts:
        return ""
    comma = "; " if any("," in p for p in parts) else ", "
    return parts[0] if len(parts) == 1 else f"{comma.join(parts[:-1])} and {parts[-1]}"


SHOWN_NAMES = 5  # a client sentence names this many, then counts the rest


def few(parts: Sequence[str], limit: int = SHOWN_NAMES) -> str:
    """``listing`` for people: past ``limit`` names, "and 29 others (listed in the
    details)", so a board reads a sentence, not a register."""
    parts = list(parts)
    if len(parts) <= limit:
        return listing(parts)
    rest = len(parts) - limit
    return listing(
        [*parts[:limit], f"{rest} other{'s' if rest != 1 else ''} (listed in the details)"]
    )


Words = Say | str


def ids(words: Words) -> str:
    return words if isinstance(words, str) else words.ids()


def names(words: Words) -> str:
    return words if isinstance(words, str) else words.names()


@dataclass(frozen=True, slots=True)
class Hit:
    """One thing a rule found.

    ``path`` points into the file (``None`` only when the whole section is
    absent). ``share`` is the part of the rule's points this hit costs: a rule
    checking every goal yields ``1/len(goals)`` per failing goal, so the rule as
    a whole never costs more than its points. ``covers`` names other rules this
    finding makes moot (``ELEMENT``: every other rule of the element): their
    findings are dropped and their points added to this one's price.
    ``key`` is the YAML key a CI user edits to fix it (shown in CI formats and in
    a report's details, never in a client's sentence).
    """

    message: Words
    path: Path | None
    fix: Words | None = None
    share: float = 1.0
    key: str | None = None
    subject: Subject | None = None
    covers: tuple[str, ...] | Literal["element"] = ()
    # A hit graver than the rule's usual case (a review lapsed for years) may raise
    # the severity; a configured per-rule severity still wins.
    severity: Severity | None = None
    # Only for rules without an element of their own (placeholders, survey), to
    # file the finding under the element it is about; it never changes the price.
    element: ElementId | None = None
    challenge: ChallengeId | None = None
    # An improvement action already agreed addresses it: its advice credits that action,
    # so it is not grouped with findings whose advice differs, and it ranks later.
    under_way: bool = False


@dataclass(frozen=True, slots=True)
class Strength:
    """Something in place worth telling the partners: the evidence behind a good score."""

    text: Words
    element: ElementId | None = None


Check = Callable[[Context], Iterable[Hit | Strength]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    element: ElementId | None
    challenge: ChallengeId | None
    severity: Severity
    weight: float
    rationale: str
    recommendation: str
    example: str
    # None for rules reported by the engine itself (suppression bookkeeping).
    check: Check | None
    # How several findings of this rule read as one ("{count} partners ...: {names}").
    many: str = ""
    many_fix: str = ""
    # The finding shows the challenge happening (a free rider, a partner deciding alone),
    # not a safeguard missing (no dispute process): only these can make a challenge "high".
    live: bool = False
    # A standing finding of this rule holds the headline band at most here.
    cap: Band | None = None


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    *,
    element: ElementId | None,
    severity: Severity,
    weight: float,
    rationale: str,
    recommendation: str,
    challenge: ChallengeId | None = None,
    example: str = "",
    many: str = "",
    many_fix: str = "",
    live: bool = False,
    cap: Band | None = None,
) -> Callable[[Check], Check]:
    """Register a rule. Its title is the first line of the function's docstring."""

    def register(check: Check) -> Check:
        if id in REGISTRY:
            raise ValueError(f"duplicate rule id {id}")
        doc = inspect.getdoc(check)
        if not doc:
            raise ValueError(f"rule {id} needs a docstring: its first line is the title")
        REGISTRY[id] = Rule(
            id=id,
            title=doc.splitlines()[0].rstrip("."),
            element=element,
            challenge=challenge,
            severity=severity,
            weight=weight,
            rationale=" ".join(rationale.split()),
            recommendation=" ".join(recommendation.split()),
            example=inspect.cleandoc(example) if example else "",
            check=check,
            many=many,
            many_fix=many_fix,
            live=live,
            cap=cap,
        )
        return check

    return register


def per_item(count: int) -> float:
    """Share of a rule's points that one failing item out of ``count`` costs."""
    return 1.0 / count if count else 1.0


# A failing partner costs at least this share of a partner rule, however large
# the partnership: one free rider among eleven is a headline issue, not 1/11th
# of one (docs/scoring.md, "Floors").
PARTNER_FLOOR = 1 / 3


def per_partner(count: int) -> float:
    """Share of a per-partner rule that one failing partner out of ``count`` costs."""
    return max(per_item(count), PARTNER_FLOOR)


def register_meta(
    id: str,
    *,
    title: str,
    severity: Severity,
    rationale: str,
    recommendation: str,
    challenge: ChallengeId | None = None,
    example: str = "",
    many: str = "",
    many_fix: str = "",
) -> Rule:
    """Register a rule whose findings the engine reports (it has no check of its own)."""
    if id in REGISTRY:
        raise ValueError(f"duplicate rule id {id}")
    REGISTRY[id] = Rule(
        id,
        title,
        None,
        challenge,
        severity,
        0.0,
        " ".join(rationale.split()),
        " ".join(recommendation.split()),
        inspect.cleandoc(example) if example else "",
        None,
        many,
        many_fix,
    )
    return REGISTRY[id]
