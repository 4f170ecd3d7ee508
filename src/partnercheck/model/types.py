"""Field types shared by the partnership models: ids, dates, amounts, word lists."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, StrictInt

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_NUMBER = 1e15  # more than any budget or count in a partnership file


def _iso_date(value: Any) -> Any:
    # YAML gives a date for unquoted ISO dates; a quoted one is still accepted.
    # Unlike pydantic's lax mode, numbers and date-times are not dates here.
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


def _number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("expected a number")
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) > MAX_NUMBER:
        # .inf, .nan and 1e309 would poison every share and percentage computed later.
        raise ValueError(f"expected a finite number no larger than {MAX_NUMBER:.0e}")
    return value


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Amount = Annotated[float, BeforeValidator(_number), Field(ge=0)]
Number = Annotated[float, BeforeValidator(_number)]
Text = Annotated[str, AfterValidator(_non_blank)]
PartnerId = Annotated[
    str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="A partner's id: [a-z0-9-]+.")
]
GoalId = Annotated[str, AfterValidator(_non_blank)]
Flag = StrictBool
Count = Annotated[StrictInt, Field(ge=0)]


class Form(StrEnum):
    JOINT_VENTURE = "joint-venture"
    STRATEGIC_ALLIANCE = "strategic-alliance"
    PUBLIC_PRIVATE_PARTNERSHIP = "public-private-partnership"
    CONSORTIUM = "consortium"
    NETWORK = "network"
    OTHER = "other"


class Sector(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"
    NONPROFIT = "nonprofit"
    ACADEMIC = "academic"
    COMMUNITY = "community"


class ContributionType(StrEnum):
    FUNDING = "funding"
    STAFF = "staff"
    EXPERTISE = "expertise"
    DATA = "data"
    FACILITIES = "facilities"
    EQUIPMENT = "equipment"
    NETWORK = "network"
    OTHER = "other"


class Frequency(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    ANNUALLY = "annually"
    AD_HOC = "ad-hoc"

    @property
    def days(self) -> int | None:
        """Days between occurrences; None for ad-hoc."""
        return _FREQUENCY_DAYS[self]


_FREQUENCY_DAYS: dict[Frequency, int | None] = {
    Frequency.WEEKLY: 7,
    Frequency.FORTNIGHTLY: 14,
    Frequency.MONTHLY: 31,
    Frequency.QUARTERLY: 92,
    Frequency.TWICE_YEARLY: 183,
    Frequency.ANNUALLY: 366,
    Frequency.AD_HOC: None,
}


class DecisionRule(StrEnum):
    CONSENSUS = "consensus"
    MAJORITY = "majority"
    SUPERMAJORITY = "supermajority"
    WEIGHTED_VOTE = "weighted-vote"
    LEAD_PARTNER = "lead-partner"


class Rotation(StrEnum):
    NEVER = "never"
    EVERY_MEETING = "every-meeting"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    ANNUALLY = "annually"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class RiskChallenge(StrEnum):
    CONFLICT = "conflict"
    POWER_IMBALANCE = "power-imbalance"
    RESOURCE_INVESTMENT = "resource-investment"
    LOGISTICS = "logistics"
    OTHER = "other"
