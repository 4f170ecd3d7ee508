"""Field types shared by the partnership models: ids, dates, amounts, word lists.

Every constraint the tool enforces on a single value is also written into the
JSON Schema (``minimum``, ``pattern``, enums with descriptions), so an editor
using ``partnercheck schema`` accepts and refuses exactly what the tool does.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt, WithJsonSchema

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_NUMBER = 1e15  # more than any budget or count in a partnership file
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
NON_BLANK = r"\S"


def _iso_date(value: Any) -> Any:
    # A YAML 1.2 reader gives dates as text; a YAML 1.1 reader gives a date.
    # Unlike pydantic's lax mode, numbers and date-times are not dates here.
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date on the calendar") from None
    raise ValueError("expected a date as YYYY-MM-DD")


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > MAX_NUMBER:
        # .inf, .nan and 1e309 would poison every share and percentage computed later.
        raise ValueError(f"expected a finite number no larger than {MAX_NUMBER:.0e}")
    return float(value)


def _non_negative(value: float) -> float:
    if value < 0:
        raise ValueError("must not be negative")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


_NUMBER_SCHEMA = {"type": "number", "maximum": MAX_NUMBER, "minimum": -MAX_NUMBER}
_AMOUNT_SCHEMA = {"type": "number", "maximum": MAX_NUMBER, "minimum": 0}
_DATE_SCHEMA = {
    "type": "string",
    "format": "date",
    "pattern": r"^\d{4}-\d{2}-\d{2}$",
    "description": "A date, YYYY-MM-DD.",
}

IsoDate = Annotated[date, BeforeValidator(_iso_date), WithJsonSchema(_DATE_SCHEMA)]
Amount = Annotated[
    float, BeforeValidator(_number), AfterValidator(_non_negative), WithJsonSchema(_AMOUNT_SCHEMA)
]
Number = Annotated[float, BeforeValidator(_number), WithJsonSchema(_NUMBER_SCHEMA)]
# Free text. Blank text is accepted here and reported as a placeholder by the
# assessment (PC001): an unfinished file should be assessed, not refused.
Text = str
# Names that identify something to a reader must say something.
Name = Annotated[
    str, AfterValidator(_non_blank), WithJsonSchema({"type": "string", "pattern": NON_BLANK})
]
PartnerId = Annotated[
    str,
    Field(pattern=ID_PATTERN, description="A partner or member id: lower-case letters, digits, -."),
]
GoalId = Name
Flag = StrictBool
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000_000)]


class Described(StrEnum):
    """An enum whose values carry a description for the JSON Schema (editor hover text)."""

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {}


class Form(Described):
    JOINT_VENTURE = "joint-venture"
    STRATEGIC_ALLIANCE = "strategic-alliance"
    PUBLIC_PRIVATE_PARTNERSHIP = "public-private-partnership"
    CONSORTIUM = "consortium"
    NETWORK = "network"
    OTHER = "other"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "joint-venture": "Partners own a joint entity or programme together.",
            "strategic-alliance": "Organisations align strategy and resources over years.",
            "public-private-partnership": "Public bodies and businesses share risk and reward.",
            "consortium": "Organisations deliver a joint project under one agreement.",
            "network": "Organisations share information and coordinate loosely.",
            "other": "Any other arrangement.",
        }


class Sector(Described):
    PUBLIC = "public"
    PRIVATE = "private"
    NONPROFIT = "nonprofit"
    ACADEMIC = "academic"
    COMMUNITY = "community"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "public": "Government, local authority, health service or other public body.",
            "private": "A business.",
            "nonprofit": "A charity, foundation or other non-profit organisation.",
            "academic": "A university or research institute.",
            "community": "A community group, residents' or service users' organisation.",
        }


class Standing(Described):
    MEMBER = "member"
    ASSOCIATE = "associate"
    BENEFICIARY = "beneficiary"
    HOST = "host"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "member": "A full partner (the default).",
            "associate": "Takes part without a vote or an obligation to contribute.",
            "beneficiary": "Represents the people the partnership serves; decision power above "
            "its contribution is by design.",
            "host": "Hosts the secretariat or holds the money as accountable body; its staff "
            "time runs the partnership.",
        }


class ContributionType(Described):
    FUNDING = "funding"
    STAFF = "staff"
    IN_KIND = "in-kind"
    EXPERTISE = "expertise"
    DATA = "data"
    FACILITIES = "facilities"
    EQUIPMENT = "equipment"
    NETWORK = "network"
    OTHER = "other"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "funding": "Money; give its amount.",
            "staff": "Staff time; give its fte.",
            "in-kind": "Goods or services given in kind; give their value.",
            "expertise": "Specialist knowledge or advice.",
            "data": "Data or data access.",
            "facilities": "Buildings, rooms or sites.",
            "equipment": "Equipment or systems.",
            "network": "Contacts and reach into a community or sector.",
            "other": "Anything else.",
        }


class Frequency(Described):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    BI_MONTHLY = "bi-monthly"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    ANNUALLY = "annually"
    BIENNIALLY = "biennially"
    AD_HOC = "ad-hoc"

    @property
    def days(self) -> int | None:
        """Days between occurrences (the longest gap the word allows); None for ad-hoc."""
        return _FREQUENCY_DAYS[self]

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "weekly": "Every week.",
            "fortnightly": "Every two weeks.",
            "monthly": "Every month.",
            "bi-monthly": "Every two months.",
            "quarterly": "Every three months.",
            "twice-yearly": "Every six months.",
            "annually": "Every year.",
            "biennially": "Every two years.",
            "ad-hoc": "When needed, with no fixed cycle.",
        }


_FREQUENCY_DAYS: dict[Frequency, int | None] = {
    Frequency.WEEKLY: 7,
    Frequency.FORTNIGHTLY: 14,
    Frequency.MONTHLY: 31,
    Frequency.BI_MONTHLY: 62,
    Frequency.QUARTERLY: 92,
    Frequency.TWICE_YEARLY: 183,
    Frequency.ANNUALLY: 366,
    Frequency.BIENNIALLY: 731,
    Frequency.AD_HOC: None,
}


class DecisionRule(Described):
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    SUPERMAJORITY = "supermajority"
    WEIGHTED_VOTE = "weighted-vote"
    LEAD_PARTNER = "lead-partner"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "consensus": "Everyone must agree: every voter holds a veto.",
            "majority": "More than half of the votes.",
            "supermajority": "At least two-thirds of the votes.",
            "weighted-vote": "More than half of the votes, weighted as in votes.",
            "lead-partner": "The lead partner decides.",
        }


class Rotation(Described):
    NEVER = "never"
    EVERY_MEETING = "every-meeting"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    BI_MONTHLY = "bi-monthly"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    ANNUALLY = "annually"
    BIENNIALLY = "biennially"
    AD_HOC = "ad-hoc"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        passes = {
            k: f"The chair passes on {v[0].lower()}{v[1:]}"
            for k, v in Frequency.descriptions().items()
        }
        return {
            "never": "The chair does not rotate.",
            "every-meeting": "A different partner chairs each meeting.",
            **passes,
        }


class ActionStatus(Described):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "open": "Agreed, not started.",
            "in-progress": "Being worked on.",
            "done": "Finished.",
        }


class GoalStatus(Described):
    ON_TRACK = "on-track"
    OFF_TRACK = "off-track"
    MET = "met"
    MISSED = "missed"
    DROPPED = "dropped"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "on-track": "Progress is where it should be.",
            "off-track": "Progress is behind, or moving the wrong way.",
            "met": "The target was reached.",
            "missed": "The due date passed without reaching the target.",
            "dropped": "The partners agreed to stop pursuing the goal.",
        }


class Better(Described):
    HIGHER = "higher"
    LOWER = "lower"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {"higher": "Higher values are better.", "lower": "Lower values are better."}


class MemberKind(Described):
    INDEPENDENT = "independent"
    FUNDER = "funder"
    OBSERVER = "observer"
    SECRETARIAT = "secretariat"
    ADVISOR = "advisor"
    COMMUNITY = "community"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "independent": "An independent chair or board member.",
            "funder": "A funder that is not a partner.",
            "observer": "Attends without a vote.",
            "secretariat": "Runs the partnership's secretariat.",
            "advisor": "Gives expert advice.",
            "community": "Represents the people the partnership serves (service users, "
            "residents, parents, patients).",
        }


class RiskChallenge(Described):
    CONFLICT = "conflict"
    POWER_IMBALANCE = "power-imbalance"
    RESOURCE_INVESTMENT = "resource-investment"
    LOGISTICS = "logistics"
    OTHER = "other"

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {
            "conflict": "Different priorities and cultures.",
            "power-imbalance": "One partner could dominate, or be sidelined.",
            "resource-investment": "The time and money partnership working costs.",
            "logistics": "Coordinating across organisations.",
            "other": "Any other risk.",
        }
