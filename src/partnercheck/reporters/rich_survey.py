"""Survey section of the terminal report: document vs perception, and partners side by side."""

from __future__ import annotations

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from partnercheck.reporters.survey_view import (
    INDICATIVE_MARK,
    LEGEND,
    POWER_HEADERS,
    RESPONDENT_HEADERS,
    grid,
    heading,
    partner_names,
    power_rows,
    respondent_rows,
)
from partnercheck.results import ELEMENT_TITLES, ElementId, FileResult
from partnercheck.survey.results import SurveyResult


def survey_section(survey: SurveyResult, result: FileResult) -> list[RenderableType]:
    scores = Table(
        title=f"Partner perception survey ({survey.respondents} respondents from "
        f"{survey.partners_responding} of {survey.partners_total} partners)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    for column in ("Element", "Document", "Perception", "Combined", "Spread"):
        scores.add_column(column, justify="left" if column == "Element" else "right")
    perceived = {e.id: e for e in survey.elements}
    for element in result.elements:
        p = perceived.get(element.id)
        spread = p.spread if p else None
        scores.add_row(
            ELEMENT_TITLES[element.id],
            _num(element.document_score),
            _num(p.perception if p else None),
            f"{element.score:.1f}",
            Text(
                f"{spread:.1f}" if spread is not None else "-",
                style="bold yellow" if spread is not None and spread >= 1.5 else "",
            ),
        )
    view = grid(survey, partner_names(result))
    parts: list[RenderableType] = [scores]
    # Two tables (elements, then challenges) so that the report fits 80 columns.
    for title, first, last in (
        ("How each partner rates the elements", 0, len(ElementId)),
        ("... and the challenges", len(ElementId), len(view.areas)),
    ):
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
        table.add_column("Partner (respondents)")
        for area in view.areas[first:last]:
            table.add_column(heading(area, view.diverging), justify="right", no_wrap=True)
        for partner, n, indicative, cells in view.rows:
            label = f"{partner} ({n}){INDICATIVE_MARK if indicative else ''}"
            table.add_row(
                label, *(Text(t, style="bold red" if low else "") for t, low in cells[first:last])
            )
        parts.append(table)
    parts.append(Text(LEGEND, style="dim"))
    if survey.respondent_answers is not None:
        people = Table(
            title="Respondents (shown on request)", title_justify="left", box=box.SIMPLE_HEAD
        )
        for header in RESPONDENT_HEADERS:
            people.add_column(header, justify="right" if header in ("Answers", "Mean") else "left")
        for row in respondent_rows(survey):
            people.add_row(*(str(cell) for cell in row))
        parts.append(people)
    if survey.absent_partners:
        names = partner_names(result)
        absent = ", ".join(names.get(p, p) for p in survey.absent_partners)
        parts.append(Text("No respondents from: " + absent, style="yellow"))
    if result.power_readings:
        power = Table(
            title="Power on paper and as partners feel it",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        for header in POWER_HEADERS:
            power.add_column(header, justify="right" if header in ("Brings", "Decides") else "left")
        for line in power_rows(result):
            power.add_row(*line)
        parts.append(power)
    return parts


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
