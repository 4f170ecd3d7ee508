"""Markdown: the report's tables, rendered by a real CommonMark parser, and nothing injected."""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt

from partnercheck.reporters import RenderContext, render
from partnercheck.results import ELEMENT_TITLES, ElementId, Report
from partnercheck.textsafe.markdown import WORD_JOINER, cell, escape
from tests.conftest import assess_changed
from tests.reporters.reports import BROKEN, FILE, INPUT_ERROR, report_of, sample_report

ATTACK = "<script>alert(1)</script> | x"


def markdown(report: Report) -> str:
    return render("markdown", report, RenderContext())


def to_html(text: str) -> str:
    # html=True: raw HTML would pass straight through, as GitHub lets safe tags through.
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    page: str = parser.render(text)
    return page


def rows(page: str) -> list[list[str]]:
    """Every table row of the rendered page, as the text of its cells."""
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", page, flags=re.S):
        found.append([html.unescape(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)])
    return found


def named(name: str) -> Report:
    def change(d: dict[str, Any]) -> None:
        d["partnership"]["name"] = name
        d["vision"]["values"] = [f"{name}\nsecond line"]

    return report_of(assess_changed(change))


def test_injection_in_the_partnership_name_is_escaped() -> None:
    text = markdown(named(ATTACK))
    assert "<script>" not in text
    page = to_html(text)
    assert "<script" not in page
    summary = next(r for r in rows(page) if r[0] == "test.yaml")
    assert summary[1] == ATTACK  # one cell, shown as text
    assert len(summary) == 6
    assert f"<h2>{html.escape(ATTACK, quote=False)}</h2>" in page


def test_links_images_and_mentions_are_not_created() -> None:
    name = (
        "[click](javascript:alert(1)) ![i](https://e.example/p.png) "
        "https://e.example www.e.example @octocat `x` *y*"
    )
    page = to_html(markdown(named(name)))
    assert "<a " not in page and "<img" not in page and "<em>" not in page
    assert "@" + WORD_JOINER + "octocat" in page
    # GitHub links bare URLs and www. names; an escaped ":" or "." stops it (as cmark-gfm shows).
    assert escape("https://e.example WWW.e.example") == "https\\://e.example WWW\\.e.example"


def test_pipes_and_newlines_in_cells() -> None:
    assert cell("a | b\nc") == "a \\| b<br>c"
    assert escape("a\nb") == "a b"
    page = to_html(markdown(named("A | B")))
    [pc203] = [r for r in rows(page) if r and r[1] == "PC203"]
    assert len(pc203) == 5
    # A line break inside a value is shown as an escape, as in every format.
    assert "A | B\\nsecond line" in pc203[2]


def test_sections_of_the_sample_report() -> None:
    report = sample_report()
    text = markdown(report)
    assert text.startswith("# partnercheck report\n")
    page = to_html(text)
    table = rows(page)
    assert table[0] == ["File", "Partnership", "Score", "Band", "Depth", "Findings"]
    flawed = report.results[0]
    assert [
        FILE,
        flawed.partnership,
        f"{flawed.score:.1f}",
        flawed.band,
        flawed.depth,
        "4",
    ] in table
    for e in flawed.elements:
        assert [e.title, f"{e.score:.1f}", e.verdict or "-"] in table
    for heading in ("Elements", "Challenges", "Findings (4)", "Priority actions", "Input errors"):
        assert f"<h3>{heading}</h3>" in page or f"<h2>{heading}</h2>" in page
    assert f"<h4>{ELEMENT_TITLES[ElementId.GOALS]}</h4>" in page
    assert f"<h4>{ELEMENT_TITLES[ElementId.COMMUNICATION]}</h4>" in page
    assert "1 suppressed finding not shown." in page
    finding_rows = [r for r in table if len(r) == 5 and r[1].startswith("PC")]
    assert [r[1] for r in finding_rows] == ["PC104", "PC104", "PC307", "PC406"]
    assert finding_rows[0][0] == "warning"
    assert finding_rows[0][3] == f"{FILE}:{flawed.findings[0].location.line}"  # type: ignore[union-attr]
    assert finding_rows[-2][4].count("<code>communication.conflict_resolution</code>") == 1
    assert [BROKEN, "7", "3", INPUT_ERROR.message] in table
    assert "<ol>" in page  # priority actions


def test_byte_identical() -> None:
    assert markdown(sample_report()) == markdown(sample_report())
