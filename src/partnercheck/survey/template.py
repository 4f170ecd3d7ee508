"""Blank survey forms: a CSV for survey tools, a Markdown form and a printable HTML form.

Given a partnership's partners (id and name), every form lists them by name with
the id to enter, and the CSV has one starter row per partner; a respondent may
write either the id or the name (:mod:`partnercheck.survey.responses`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from partnercheck.survey.statements import SCALE, STATEMENTS, Statement, statements_for
from partnercheck.textsafe import defuse_commands, visible
from partnercheck.textsafe.markdown import cell, code
from partnercheck.vocabulary import ELEMENT_TITLES, ElementId

ID_COLUMNS: tuple[str, ...] = ("respondent", "partner", "role")
"""The columns before the statement columns, in template order."""

# The challenge statements are asked without naming the challenge: a heading
# such as "Power imbalance" would lead the respondent.
CHALLENGES_HEADING = "Working together across organisations"


Partners = Sequence[tuple[str, str]]  # (id, name) in partnership order
NAME_COLUMN = "x-partner-name"  # an x- column: kept for people, never checked


def template_csv(partners: Partners = ()) -> str:
    """The responses file: a header row, one column per statement, and for a given
    partnership one starter row per partner (copy it for each further respondent).

    This is the layout survey tools import and export, and the one
    :func:`partnercheck.survey.responses.read_responses` reads: one row per
    respondent. A starter row with no rating counts as no response. A partner's
    name is shown on one line, its control characters as visible escapes, like
    every value from a file.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    named = [NAME_COLUMN] if partners else []
    writer.writerow([*ID_COLUMNS, *named, *(s.id for s in STATEMENTS)])
    for pid, name in partners:
        writer.writerow([f"{pid}-1", pid, "", inert(visible(name)), *("" for _ in STATEMENTS)])
    return defuse_commands(out.getvalue())


def inert(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (=, +, -, @ first)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def partner_lines(partners: Partners) -> list[str]:
    """The Markdown table of partners and the id to enter for each."""
    if not partners:
        return []
    rows = [f"| {cell(name)} | {code(pid)} |" for pid, name in partners]
    return [
        "Write your organisation's name, or the id beside it:",
        "",
        "| Partner organisation | Id to enter |",
        "|---|---|",
        *rows,
        "",
    ]


def template_markdown(partners: Partners = ()) -> str:
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
        *partner_lines(partners),
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


def form_sections() -> list[tuple[str, tuple[Statement, ...]]]:
    """The form's sections in order: one per element, then the challenges (unnamed)."""
    sections = [(ELEMENT_TITLES[e], statements_for(e)) for e in ElementId]
    sections.append((CHALLENGES_HEADING, tuple(s for s in STATEMENTS if s.challenge)))
    return sections


def template_html(partners: Partners = (), partnership: str = "") -> str:
    """A printable form: tick your organisation, ring a rating for each statement."""
    from partnercheck.reporters.html import environment

    page = (
        environment()
        .get_template("survey_form.html.j2")
        .render(
            partnership=visible(partnership) if partnership else "",
            partners=[(visible(pid), visible(name)) for pid, name in partners],
            sections=form_sections(),
            scale=SCALE,
        )
    )
    return defuse_commands(page)
