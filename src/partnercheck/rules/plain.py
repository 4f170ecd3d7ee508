"""Each rule's fix in plain words, for the people a consultant reports to.

A rule's ``recommendation`` names the YAML key to edit: right for CI and for
the details part of a report, wrong in a sentence for a board. These say what
to do in the partnership, not in the file. A test keeps every recommendation
that names a key covered here.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

PLAIN_ADVICE: dict[str, str] = {
    "PC101": "Agree two to five shared objectives with the partners.",
    "PC103": "Record where each goal's indicator stood when the goal was agreed.",
    "PC105": "Give each goal a date by which it should be reached.",
    "PC106": "Name one accountable partner for each goal.",
    "PC107": "Confirm each goal with the partners and record who agreed it.",
    "PC108": "Record whether each overdue goal was met or missed, then re-date or replace it.",
    "PC110": "Agree and write down what each partner gains from the partnership.",
    "PC201": "Agree a one- or two-sentence vision with all partners.",
    "PC203": "Agree at least two values the partners hold in common.",
    "PC204": "Confirm the vision and values with every partner.",
    "PC301": "Set up at least one meeting of the partners on a fixed cycle, e.g. monthly.",
    "PC302": "Make sure every partner attends at least one of the partnership's meetings.",
    "PC303": "Circulate the minutes of the partnership's meetings to all partners.",
    "PC304": "Bring all partners together at least in one meeting, such as the board.",
    "PC305": "Agree the channels partners use to keep in touch between meetings.",
    "PC306": "Agree how partners share information and data, e.g. a data sharing agreement.",
    "PC307": "Agree a dispute process and its escalation steps.",
    "PC401": "Agree what each partner brings: funding, staff, expertise, data or facilities.",
    "PC402": "Put a value on every contribution: an amount for funding, time for staff.",
    "PC403": "Pool part of the budget, or name the assets the partners use in common.",
    "PC404": "Agree how partners share knowledge, e.g. learning events or a shared case library.",
    "PC405": "Agree how partners exchange skills, e.g. secondments or joint training.",
    "PC406": "State the currency the amounts are in.",
    "PC501": "Agree what each partner is responsible for.",
    "PC502": "Give every partner that owns a goal a role that includes it.",
    "PC503": "Name the body that takes the partnership's joint decisions.",
    "PC504": "Agree how the decision-making body decides: consensus, majority or votes.",
    "PC505": "Agree who chairs the partnership, or which partner leads it.",
    "PC506": "Agree how a partner can leave, and what happens to shared work when it does.",
    "PC507": "Write the partnership agreement down and have every partner sign it.",
    "PC601": "Agree how often the partnership reviews how well it is working.",
    "PC602": "Hold the overdue review with all partners.",
    "PC603": "Use at least two kinds of evidence when reviewing the partnership.",
    "PC604": "Involve every partner in reviewing the partnership.",
    "PC605": "Agree key performance indicators, one or more for each goal.",
    "PC606": "Link each indicator to the goal it measures.",
    "PC607": "Record each indicator's starting value, its target and its latest value.",
    "PC608": "Give each improvement agreed at a review an owner and a due date.",
    "PC610": "Review the partnership agreement with all partners and set the next review date.",
    "PC611": "Set a date to review the partnership agreement.",
    "PC612": "Hear from the people the partnership serves when it is reviewed.",
    "PC702": "Agree at least one overarching goal with all the partners.",
    "PC713": "Give every partner a vote or a seat where the partnership decides.",
}


def plain_advice(rule_id: str, recommendation: str) -> str:
    """The rule's fix in plain words (its recommendation when that names no key)."""
    return PLAIN_ADVICE.get(rule_id, recommendation)


# --- The file's words as a board reads them -------------------------------------------
# Client sentences never show a format value ("strategic-alliance", "lead-partner") or an
# ISO date; CI formats and a report's details keep them. This is the one place that says
# how each reads (``Say`` renders enums and dates through it, reporters call it).

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Values of the file's enums whose plain words are not just the value with spaces.
VALUE_WORDS: dict[str, dict[str, str]] = {
    "Frequency": {
        "weekly": "every week",
        "fortnightly": "every two weeks",
        "monthly": "every month",
        "bi-monthly": "every two months",
        "quarterly": "every three months",
        "twice-yearly": "every six months",
        "annually": "every year",
        "biennially": "every two years",
        "ad-hoc": "when needed",
    },
    "DecisionRule": {
        "majority": "simple majority",
        "supermajority": "two-thirds majority",
        "lead-partner": "the lead partner decides alone",
    },
    "Depth": {"partnership": "full partnership"},
}
# Evaluation methods are free text; the common ones the format suggests read as these.
METHOD_WORDS: dict[str, str] = {
    "performance-indicators": "performance indicators",
    "service-user-feedback": "feedback from the people you serve",
    "case-studies": "case studies",
    "partner-survey": "partner surveys",
}


def human_date(day: date) -> str:
    """ "19 March 2026": how a board writes a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def how_late(due: date, as_of: date) -> str:
    """ "32 months late", "5 weeks late": how far past ``due`` on ``as_of``, as people say it."""
    days = (as_of - due).days
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''} late"
    if days < 62:
        return f"{days // 7} weeks late"
    months = (as_of.year - due.year) * 12 + as_of.month - due.month - (as_of.day < due.day)
    if months < 24:
        return f"{months} months late"
    return f"more than {months // 12} years late"


def month_year(day: date) -> str:
    """ "March 2024"."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def iso_to_human(text: str) -> str:
    """An ISO date written as text ("2026-03-19") as a board writes it; other text as is."""
    if not _ISO_DATE.fullmatch(text):
        return text
    try:
        return human_date(date.fromisoformat(text))
    except ValueError:
        return text


def value_words(value: StrEnum) -> str:
    """A format value in words: ``strategic-alliance`` reads "strategic alliance"."""
    own = VALUE_WORDS.get(type(value).__name__, {})
    return own.get(value.value) or value.value.replace("-", " ")


def method_words(method: str) -> str:
    """An evaluation method in words; a method the file names in its own words stays so."""
    return METHOD_WORDS.get(method.strip().casefold(), method.strip())


def the(name: str) -> str:
    """A body's name as a sentence uses it: "the Executive Committee"; a name that has its
    own article or owner ("The Board", "Riverside's board") is left alone."""
    first = name.split(" ", 1)[0].casefold()
    if first in ("the", "a", "an", "our", "its", "their") or first.endswith(("'s", "\u2019s")):
        return name
    return f"the {name}"
