"""Blank survey forms: a CSV for survey tools and a Markdown form to send to partners."""

from __future__ import annotations

import csv
import io

from partnercheck.survey.statements import SCALE, STATEMENTS, Statement, statements_for
from partnercheck.vocabulary import ELEMENT_TITLES, ElementId

ID_COLUMNS: tuple[str, ...] = ("respondent", "partner", "role")
"""The columns before the statement columns, in template order."""

# The challenge statements are asked without naming the challenge: a heading
# such as "Power imbalance" would lead the respondent.
CHALLENGES_HEADING = "Working together across organisations"


def template_csv() -> str:
    """The blank responses file: a header row, one column per statement, no responses.

    This is the layout survey tools import and export, and the one
    :func:`partnercheck.survey.responses.read_responses` reads: one row per
    respondent.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*ID_COLUMNS, *(s.id for s in STATEMENTS)])
    return out.getvalue()


def template_markdown() -> str:
    """A questionnaire to send to partners: instructions, the scale and one table per section."""
    lines = [
        "# Partnership survey",
        "",
        "This short survey asks how the partnership works for your organisation. Each partner",
        "organisation is asked separately, and differences between partners are as important",
        "as the overall picture, so please answer from your own experience.",
        "",
        "Answers are reported per partner organisation, never per person.",
        "",
        "- **Your name or an id** (respondent):",
        "- **Your organisation** (partner):",
        "- **Your role** (optional):",
        "",
        "## How to answer",
        "",
        "Rate each statement by writing a number in the *Rating* column:",
        "",
        "| Rating | Meaning |",
        "|---|---|",
        *(f"| {value} | {meaning} |" for value, meaning in SCALE),
        "",
        "Leave the rating blank if you do not know or the statement does not apply.",
        "",
    ]
    for element in ElementId:
        lines += _section(ELEMENT_TITLES[element], statements_for(element))
    challenge_statements = tuple(s for s in STATEMENTS if s.challenge is not None)
    lines += _section(CHALLENGES_HEADING, challenge_statements)
    lines += ["Thank you. Please return the completed form to the partnership's coordinator.", ""]
    return "\n".join(lines)


def _section(title: str, statements: tuple[Statement, ...]) -> list[str]:
    rows = [f"| {s.id} | {s.text} | |" for s in statements]
    return [f"## {title}", "", "| Id | Statement | Rating |", "|---|---|---|", *rows, ""]
