"""HTML: one self-contained, printable, accessible page per run.

Inline CSS and inline SVG only: no scripts, no fonts, no images, nothing fetched.
Every string from a partnership file is made visible (control, bidi and
invisible characters escaped, :mod:`partnercheck.textsafe`) and then escaped by
Jinja2's autoescaping. The
chart geometry is computed here, by small pure functions, so the template only
places ready-made numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import jinja2
import markupsafe

from partnercheck.reporters import RenderContext
from partnercheck.reporters.client_view import (
    DECLARED,
    DEPTHS,
    FOUND,
    PARTNER_NOTE,
    TAKES_PART,
    client_view,
    depth_line,
    findings_count,
    items_by_element,
)
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
from partnercheck.results import ElementId, FileResult, Report
from partnercheck.rules.plain import human_date
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model

if TYPE_CHECKING:
    from partnercheck.comparison import History

SHORT_NAMES: dict[ElementId, str] = {
    ElementId.GOALS: "Goals",
    ElementId.VISION: "Vision",
    ElementId.COMMUNICATION: "Communication",
    ElementId.RESOURCES: "Resources",
    ElementId.ROLES: "Roles",
    ElementId.EVALUATION: "Evaluation",
}
RINGS = (25.0, 50.0, 75.0, 100.0)
BACKTICKS = re.compile(r"`([^`]+)`")


@cache
def environment() -> jinja2.Environment:
    """The template environment: autoescaped, strict about undefined names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("partnercheck", "templates"),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "html.j2"), default_for_string=True, default=True
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = num
    env.filters["signed"] = signed
    env.filters["code"] = code
    env.filters["day"] = human_date
    return env


def num(value: float, places: int = 1) -> str:
    """A score for display: fixed decimals, never ``-0.0``."""
    text = f"{value:.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def signed(value: float, places: int = 1) -> str:
    text = num(value, places)
    return text if text.startswith("-") or float(text) == 0 else "+" + text


def code(text: str) -> markupsafe.Markup:
    """Escape ``text``, then show its `backticked` names as code."""
    escaped = str(markupsafe.escape(text))
    return markupsafe.Markup(BACKTICKS.sub(r"<code>\1</code>", escaped))


# --- geometry --------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def __str__(self) -> str:
        return f"{num(self.x)},{num(self.y)}"


def axis_angle(index: int, count: int) -> float:
    """Angle in radians of axis ``index`` of ``count``: the first points up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def polar(centre: Point, radius: float, angle: float) -> Point:
    return Point(centre.x + radius * math.cos(angle), centre.y + radius * math.sin(angle))


def radar_point(index: int, count: int, score: float, centre: Point, radius: float) -> Point:
    """Where ``score`` (0-100, clamped) sits on axis ``index``: 0 at the centre, 100 on the rim."""
    fraction = min(max(score, 0.0), 100.0) / 100
    return polar(centre, radius * fraction, axis_angle(index, count))


def points_attr(points: Sequence[Point]) -> str:
    """The ``points`` attribute of an SVG polygon or polyline."""
    return " ".join(str(p) for p in points)


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    anchor: str
    name: str
    score: str


@dataclass(frozen=True)
class Radar:
    width: int
    height: int
    centre: Point
    rings: list[str]
    ring_labels: list[Label]
    spokes: list[Point]
    polygon: str
    dots: list[Point]
    labels: list[Label]
    description: str


def text_anchor(angle: float) -> str:
    cos = math.cos(angle)
    return "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"


def radar(scores: Sequence[tuple[str, float]], width: int = 420, height: int = 320) -> Radar:
    """A radar chart over ``len(scores)`` axes, as SVG-ready strings and points."""
    count = len(scores)
    centre = Point(width / 2, height / 2 + 4)
    radius = min(width, height) / 2 - 50
    rings = [
        points_attr([radar_point(i, count, level, centre, radius) for i in range(count)])
        for level in RINGS
    ]
    # Ring values sit between the first two spokes, clear of the score dots.
    between = (axis_angle(0, count) + axis_angle(1, count)) / 2
    inner = math.cos(math.pi / count)  # distance to a ring's edge midpoint, as a fraction
    ring_labels = []
    for level in RINGS:
        at = polar(centre, radius * level / 100 * inner, between)
        ring_labels.append(Label(at.x + 2, at.y - 2, "start", "", num(level, 0)))
    spokes = [radar_point(i, count, 100, centre, radius) for i in range(count)]
    dots = [radar_point(i, count, s, centre, radius) for i, (_, s) in enumerate(scores)]
    labels = []
    for i, (name, score) in enumerate(scores):
        angle = axis_angle(i, count)
        at = polar(centre, radius + 14, angle)
        # Labels above the chart sit higher so their two lines clear the rim.
        dy = -14 if math.sin(angle) < -0.9 else 4 if math.sin(angle) > 0.9 else -4
        labels.append(Label(at.x, at.y + dy, text_anchor(angle), name, num(score)))
    description = "; ".join(f"{name} {num(score)}" for name, score in scores)
    return Radar(
        width,
        height,
        centre,
        rings,
        ring_labels,
        spokes,
        points_attr(dots),
        dots,
        labels,
        description,
    )


def element_radar(result: FileResult) -> Radar:
    return radar([(SHORT_NAMES[e.id], e.score) for e in result.elements])


@dataclass(frozen=True)
class Series:
    name: str
    points: str
    dots: list[Point]
    css: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    gridlines: list[tuple[float, str]]
    ticks: list[tuple[float, str]]
    series: list[Series]


def x_positions(count: int, left: float, right: float) -> list[float]:
    """Evenly spaced x positions for ``count`` versions; a single one is centred."""
    if count == 1:
        return [(left + right) / 2]
    step = (right - left) / (count - 1)
    return [left + i * step for i in range(count)]


def y_position(score: float, top: float, bottom: float) -> float:
    """Score 100 at ``top``, 0 at ``bottom``."""
    return bottom - (bottom - top) * min(max(score, 0.0), 100.0) / 100


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
    width: int = 760,
    height: int = 320,
) -> LineChart:
    """Lines of 0-100 scores over evenly spaced versions; ``None`` values leave a gap."""
    left, right, top, bottom = 60.0, width - 50.0, 16.0, height - 46.0
    xs = x_positions(len(labels), left, right)
    gridlines = [(y_position(v, top, bottom), num(v, 0)) for v in (0, 25, 50, 75, 100)]
    built = []
    for name, css, values in series:
        dots = [
            Point(x, y_position(v, top, bottom))
            for x, v in zip(xs, values, strict=True)
            if v is not None
        ]
        built.append(Series(name, points_attr(dots), dots, css))
    return LineChart(
        width,
        height,
        left,
        right,
        top,
        bottom,
        gridlines,
        list(zip(xs, labels, strict=True)),
        built,
    )


# --- view model ------------------------------------------------------------------------


def file_view(index: int, result: FileResult) -> dict[str, object]:
    """What the template needs for one file: the client view and ready-made parts."""
    survey = result.survey
    names = partner_names(result)
    view = client_view(result)
    return {
        "view": view,
        "depth_line": depth_line(result.depth.value),
        "count": findings_count(view),
        "anchor": f"file-{index}",
        "radar": element_radar(result),
        "sections": items_by_element(view.items),
        "survey": grid(survey, names) if survey else None,
        "absent": [names.get(p, p) for p in survey.absent_partners] if survey else [],
        "power": power_rows(result),
        "respondents": (
            respondent_rows(survey) if survey and survey.respondent_answers is not None else None
        ),
    }


def render(report: Report, context: RenderContext) -> str:
    del context  # the page is the same whatever the terminal
    report = visible_model(report)
    template = environment().get_template("report.html.j2")
    page = template.render(
        report=report,
        files=[file_view(i, r) for i, r in enumerate(report.results, 1)],
        depths=DEPTHS,
        version=report.tool.version,
        heading=heading,
        legend=LEGEND,
        indicative_mark=INDICATIVE_MARK,
        respondent_headers=RESPONDENT_HEADERS,
        power_headers=POWER_HEADERS,
        takes_part=TAKES_PART,
        partner_note=PARTNER_NOTE,
        found=FOUND,
        declared=DECLARED,
    )
    return defuse_commands(page)


ELEMENT_LINES: dict[ElementId, str] = {
    ElementId.GOALS: "s-goals",
    ElementId.VISION: "s-vision",
    ElementId.COMMUNICATION: "s-communication",
    ElementId.RESOURCES: "s-resources",
    ElementId.ROLES: "s-roles",
    ElementId.EVALUATION: "s-evaluation",
}


def render_history(history: History) -> str:
    """The score trend of one file's committed versions, as a self-contained page."""
    from partnercheck.reporters.progress_text import trend_kpi_rows

    history = visible_model(history)
    valid = [v for v in history.versions if v.score is not None]
    labels = [f"{v.date.isoformat()} {v.commit[:7]}" for v in valid]
    series: list[tuple[str, str, Sequence[float | None]]] = [
        ("Overall", "s-overall", [v.score for v in valid])
    ]
    for element in ElementId:
        series.append(
            (
                SHORT_NAMES[element],
                ELEMENT_LINES[element],
                [v.elements.get(element.value) for v in valid],
            )
        )
    chart = line_chart(labels, series) if valid else None
    template = environment().get_template("history.html.j2")
    page = template.render(
        history=history,
        chart=chart,
        valid=valid,
        elements=list(ElementId),
        short=SHORT_NAMES,
        version=history.tool.version,
        kpis=trend_kpi_rows(history),
    )
    return defuse_commands(page)
