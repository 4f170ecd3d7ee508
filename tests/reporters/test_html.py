"""The HTML report: escaping, chart geometry, every section, self-contained and deterministic."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

import pytest

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.html import (
    Point,
    axis_angle,
    line_chart,
    num,
    radar,
    radar_point,
    signed,
    x_positions,
    y_position,
)
from partnercheck.results import ElementId, Report
from tests.conftest import assess_text, dump, sound
from tests.reporters.reports import flawed_data, judged, report_of, sample_report

CENTRE = Point(100.0, 100.0)
HOSTILE = "<script>alert(1)</script>"


def html(report: Report) -> str:
    return render("html", report, RenderContext())


class Structure(HTMLParser):
    """Collects headings in order and every attribute, to check the page's structure."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self.attributes.extend((tag, k, v or "") for k, v in attrs)


def structure(text: str) -> Structure:
    parser = Structure()
    parser.feed(text)
    return parser


# --- geometry --------------------------------------------------------------------------


def test_score_zero_is_the_centre_and_hundred_the_rim() -> None:
    for i in range(6):
        assert radar_point(i, 6, 0, CENTRE, 80) == CENTRE
        rim = radar_point(i, 6, 100, CENTRE, 80)
        assert math.dist((rim.x, rim.y), (CENTRE.x, CENTRE.y)) == pytest.approx(80)


def test_first_axis_points_up_and_axes_go_clockwise() -> None:
    top = radar_point(0, 6, 100, CENTRE, 80)
    assert (top.x, top.y) == pytest.approx((100, 20))
    second = radar_point(1, 6, 100, CENTRE, 80)
    assert second.x > CENTRE.x and second.y < CENTRE.y  # upper right on screen
    assert axis_angle(3, 6) == pytest.approx(math.pi / 2)  # straight down


def test_scores_are_clamped_and_scale_linearly() -> None:
    assert radar_point(0, 6, 150, CENTRE, 80) == radar_point(0, 6, 100, CENTRE, 80)
    assert radar_point(0, 6, -5, CENTRE, 80) == CENTRE
    half = radar_point(3, 6, 50, CENTRE, 80)
    assert (half.x, half.y) == pytest.approx((100, 140))


def test_radar_has_a_ring_per_level_a_point_per_axis_and_a_text_equivalent() -> None:
    chart = radar([("Goals", 100.0), ("Vision", 0.0), ("Roles", 50.0)])
    assert len(chart.rings) == 4
    assert len(chart.polygon.split()) == 3 == len(chart.dots) == len(chart.labels)
    assert chart.dots[1] == chart.centre
    assert chart.description == "Goals 100.0; Vision 0.0; Roles 50.0"


def test_line_chart_geometry() -> None:
    assert x_positions(1, 0, 100) == [50]
    assert x_positions(3, 0, 100) == [0, 50, 100]
    assert y_position(100, 10, 110) == 10
    assert y_position(0, 10, 110) == 110
    chart = line_chart(["a", "b", "c"], [("Overall", "s-overall", [0.0, None, 100.0])])
    assert len(chart.series[0].dots) == 2  # a failed version leaves a gap
    assert chart.series[0].dots[0].y == chart.bottom
    assert chart.series[0].dots[1].y == chart.top


def test_numbers_never_show_negative_zero() -> None:
    assert num(-0.04) == "0.0"
    assert signed(-0.04) == "0.0"
    assert signed(2.25, 2) == "+2.25"
    assert signed(-1.5) == "-1.5"


# --- content ---------------------------------------------------------------------------


def test_hostile_strings_from_the_file_are_escaped() -> None:
    data = flawed_data()
    data["partnership"]["name"] = HOSTILE
    result = assess_text(dump(data), name=f"{HOSTILE}.yaml")
    finding = result.findings[0].model_copy(
        update={"message": HOSTILE, "recommendation": "Set `<img src=x onerror=alert(1)>`"}
    )
    result = result.model_copy(update={"findings": [finding, *result.findings[1:]]})
    text = html(report_of(result))
    assert "<script" not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<code>&lt;img src=x onerror=alert(1)&gt;</code>" in text


def test_every_section_is_present() -> None:
    text = html(sample_report())
    headings = [
        "Partnership health report",
        "Summary",
        "Input errors",
        "Priorities",
        "The six elements",
        "Partners",
        "Challenges",
        "Collaboration depth",
        "Findings (",
        "Details",
        "Suppressed findings (1)",
    ]
    first = text.index('<article class="file"')
    ends = ["" if h.endswith("(") else "</h" for h in headings]
    positions = [
        text.index(f">{h}{end}", first if i > 2 else 0)
        for i, (h, end) in enumerate(zip(headings, ends, strict=True))
    ]
    assert positions == sorted(positions)  # executive summary first, details last
    assert "Sound Test Partnership" in text
    assert "unknown key &#39;goal&#39; (did you mean &#39;goals&#39;?)" in text
    for element in ElementId:
        assert f"{element.value}" in text
    for word in ("serious", "important", "note"):
        assert f">{word}</span>" in text  # severity in words, never colour alone
    assert text.count('<article class="file"') == 2
    # Rule ids and YAML paths only in the details part.
    details = text.index(">Details</h3>", first)
    assert "PC307" in text[details:] and "PC307" not in text[first:details]
    assert "communication.conflict_resolution" not in text[first:details]


def test_radar_chart_is_labelled_for_assistive_technology() -> None:
    text = html(report_of(assess_text(dump(sound()))))
    svg = re.search(r"<svg class=\"radar\"[^>]*>", text)
    assert svg is not None
    assert 'role="img"' in svg.group(0)
    assert 'aria-label="Radar chart of the six element scores: Goals 100.0;' in svg.group(0)
    assert "<title" in text.split('<svg class="radar"')[1].split("</svg>")[0]


def test_page_is_accessible_in_structure() -> None:
    text = html(sample_report())
    page = structure(text)
    assert '<html lang="en">' in text
    assert page.headings.count(1) == 1
    assert page.headings[0] == 1
    # Headings never skip a level on the way down.
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1
    th_scopes = [v for tag, k, v in page.attributes if tag == "th" and k == "scope"]
    assert th_scopes and set(th_scopes) <= {"col", "row"}
    assert page.tags.count("th") == len(th_scopes)


def test_page_is_self_contained_and_printable() -> None:
    text = html(sample_report())
    assert "<script" not in text.lower()
    assert "<link" not in text.lower()
    assert "url(" not in text
    assert "@import" not in text
    for _tag, key, value in structure(text).attributes:
        if key in {"src", "href", "xlink:href", "action"}:
            assert value.startswith("#"), (key, value)
    assert "@page { size: A4;" in text
    assert "break-inside: avoid" in text


def test_output_is_deterministic() -> None:
    first = html(sample_report()).encode()
    assert html(sample_report()).encode() == first
    assert "26 November 2026" in first.decode()


def test_a_report_with_only_errors_still_renders() -> None:
    from tests.reporters.reports import INPUT_ERROR

    text = html(report_of(errors=(INPUT_ERROR,)))
    assert "No partnership could be assessed." in text
    assert "Input errors" in text


def test_a_failed_threshold_is_left_to_stderr_and_the_ci_formats() -> None:
    page = html(judged(sample_report(), fail_on="error", fail_under=99))
    for ci_words in ("Threshold", "exit 1", "--fail-under", "--fail-on", 'role="alert"'):
        assert ci_words not in page
