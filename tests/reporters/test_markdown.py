"""Markdown: the report's tables, rendered by a real CommonMark parser, and nothing injected."""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.budget import GITHUB_SUMMARY_LIMIT, Block, within
from partnercheck.results import ELEMENT_TITLES, ElementId, Report
from partnercheck.textsafe.markdown import WORD_JOINER, cell, escape
from tests.conftest import EXAMPLES, assess_changed, assess_text
from tests.reporters.reports import (
    BROKEN,
    FILE,
    INPUT_ERROR,
    flawed_result,
    judged,
    report_of,
    sample_report,
)

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
    assert len(pc203) == 6
    # A line break inside a value is shown as an escape, as in every format.
    assert "A | B\\nsecond line" in pc203[3]


def test_sections_of_the_sample_report() -> None:
    report = sample_report()
    text = markdown(report)
    assert text.startswith("# Partnership health report\n\nAs of 26 November 2026: 2 partnerships")
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
        "3",  # as the section counts them: the two PC104 findings are one item
    ] in table
    for e in flawed.elements:
        assert [e.title, f"{e.score:.1f}", e.verdict or "-"] in table
    # The executive summary comes first and the details (ids, paths, lines) last.
    order = [
        "Priorities",
        "Elements",
        "Partners",
        "Challenges",
        "Findings (3; 4 items in the details)",
        "Details",
    ]
    section = page[page.index(f"<h2>{flawed.partnership}</h2>") :]
    positions = [section.index(f"<h3>{heading}</h3>") for heading in order]
    assert positions == sorted(positions)
    assert "<h2>Input errors</h2>" in page
    assert f"<h4>{ELEMENT_TITLES[ElementId.GOALS]}</h4>" in page
    assert f"<h4>{ELEMENT_TITLES[ElementId.COMMUNICATION]}</h4>" in page
    assert "1 suppressed finding (accepted in the file; no points):" in page
    details = [r for r in table if len(r) == 6 and r[1].startswith("PC")]
    assert [r[1] for r in details] == ["PC104", "PC104", "PC307", "PC406", "PC203"]
    assert [r[0] for r in details] == ["1", "2", "3", "4", "5"]
    first = flawed.findings[0].location
    assert first is not None
    assert details[0][4] == f"{first.path} (line {first.line}, column {first.column})"
    assert details[2][5].count("<code>communication.conflict_resolution</code>") == 1
    assert [BROKEN, "7", "3", INPUT_ERROR.message] in table
    assert "<ol>" in page  # priorities


def test_findings_shared_by_several_goals_are_one_item_with_the_points_summed() -> None:
    report = sample_report()
    flawed = report.results[0]
    [group] = flawed.groups
    members = [f for f in flawed.findings if f.group == group.id]
    assert len(members) == 2
    page = to_html(markdown(report))
    items = re.findall(r"<li>(.*?)</li>", page, flags=re.S)
    grouped = [i for i in items if group.text in html.unescape(i)]
    assert len(grouped) == 1
    assert f"-{sum(m.points for m in members):.2f} points; details 1-2" in grouped[0]
    # The client text names goals by name; the ids stay in the details.
    assert all(m.message not in html.unescape(grouped[0]) for m in members)


def test_byte_identical() -> None:
    assert markdown(sample_report()) == markdown(sample_report())


def _partner_rows(report: Report) -> dict[str, list[str]]:
    page = to_html(markdown(report))
    return {r[0]: r for r in rows(page) if r and r[0].startswith("Test ")}


def test_money_and_staff_are_shown_apart_when_they_cannot_be_added() -> None:
    # sound.yaml: equal money and one FTE each, no fte_cost; a fourth of the staff is
    # not a fourth of "the resources", so the two shares are shown side by side.
    def change(d: dict[str, Any]) -> None:
        d["partners"][1]["contributions"][1]["fte"] = 2.0

    table = _partner_rows(report_of(assess_changed(change)))
    assert table["Test Hospital Trust"][2] == "33% money, 50% staff"
    assert "given apart because the file states no yearly cost" in markdown(
        report_of(assess_changed(change))
    )


def test_one_share_of_the_resources_when_staff_time_is_valued() -> None:
    def change(d: dict[str, Any]) -> None:
        d["partnership"]["fte_cost"] = 100000  # one FTE is worth one partner's funding

    table = _partner_rows(report_of(assess_changed(change)))
    assert table["Test Hospital Trust"][2] == "33%"
    assert sum(int(r[2].rstrip("%")) for r in table.values()) in (99, 100)


def test_a_failed_threshold_is_left_to_stderr_and_the_ci_formats() -> None:
    """A board reads this report: no exit code, no --fail-on, however the run ends."""
    report = judged(sample_report(), fail_on="error", fail_under=99)
    assert report.threshold is not None and report.threshold.failures
    text = markdown(report)
    for ci_words in ("Threshold", "exit 1", "--fail-under", "--fail-on"):
        assert ci_words not in text


def test_code_spans_in_rule_text_stay_code() -> None:
    """PC303's fix text ends with `minutes_shared: true`: a code span, not escaped backticks."""

    def change(d: dict[str, Any]) -> None:
        for meeting in d["communication"]["meetings"]:
            meeting["minutes_shared"] = False

    result = assess_changed(change)
    report = report_of(result)
    fix = report.rule_index()["PC303"].recommendation
    assert fix.endswith("`minutes_shared: true`.")
    [finding] = [f for f in result.findings if f.rule == "PC303"]
    told = result.model_copy(
        update={"findings": [finding.model_copy(update={"recommendation": fix})]}
    )
    action = result.priorities[0].model_copy(update={"recommendation": fix})
    told = told.model_copy(update={"priorities": [action]})
    text = markdown(report_of(told))
    assert "\\`" not in text
    page = to_html(text)
    # Once, in the details table: the client text gives the fix in plain words.
    assert page.count("<code>minutes_shared: true</code>") == 1
    assert "<code>minutes_shared</code>" in to_html(markdown(report))


def test_the_report_stays_under_githubs_job_summary_limit() -> None:
    flawed = flawed_result()
    big = flawed.model_copy(update={"partnership": "P" * 20_000})  # about 60 KB a section
    report = judged(
        report_of(*[big.model_copy(update={"file": f"p{i:03d}.yaml"}) for i in range(40)]),
        fail_on="error",
    )
    text = markdown(report)
    assert len(text.encode("utf-8")) < GITHUB_SUMMARY_LIMIT
    page = to_html(text)
    kept = page.count("<h3>Elements</h3>")
    assert 0 < kept < 40
    assert f"Left out: {40 - kept} file sections" in page
    intro = page.split("<h2>", 1)[0]
    assert "Left out:" in intro  # said at the top, where a reader starts
    # The summary table keeps every file, and the sections kept are the first ones.
    assert all(f"p{i:03d}.yaml" in page for i in range(40))
    last, first_left_out = f"p{kept - 1:03d}.yaml", f"p{kept:03d}.yaml"
    assert f"File <code>{last}</code>" in page  # each section's details name its file
    assert f"File <code>{first_left_out}</code>" not in page


def test_a_small_report_leaves_nothing_out() -> None:
    assert "Left out" not in markdown(sample_report())


def test_within_keeps_leading_blocks_of_each_kind_by_priority() -> None:
    blocks = [
        Block(["title"]),
        Block(["a" * 10], "section", 2),
        Block(["b" * 10], "section", 2),
        Block(["e" * 10], "input error", 1),
        Block(["c"], "section", 2),
    ]
    assert within(blocks, budget=30) == [
        "title",
        "",
        "**Left out: 2 sections**, to stay under GitHub's 1 MiB job-summary limit. "
        "`--format json` and `--format html -o report.html` have everything.",
        "a" * 10,
        "e" * 10,
    ]


def test_priorities_say_their_gain_in_one_form_and_the_cap_lifting_one_first() -> None:
    def change(d: dict[str, Any]) -> None:
        d["communication"].pop("conflict_resolution")  # PC307 holds the cap
        d["vision"]["agreed_by"] = ["council"]  # PC204: more to the elements, little overall

    page = markdown(report_of(assess_changed(change)))
    first, second = re.findall(r"^\d\. (.*)$", page, re.MULTILINE)[:2]
    assert first.endswith("(+17.3 overall, lifting the cap on the headline)")
    assert second.endswith("(+4.4 to the elements)")
    # Why the elements' gain does not reach the headline is said once, above the list.
    assert page.count("the priorities below raise the elements rather than the headline") == 1


def test_no_priority_speaks_of_a_cap_the_report_does_not_show() -> None:
    # The Eastgate alliance is not capped today, but a cap would hold its headline as the
    # score rose: the gains say so in numbers, not by citing a cap nobody was shown.
    text = (EXAMPLES / "small-community-alliance.yaml").read_text(encoding="utf-8")
    result = assess_text(text, name="small-community-alliance.yaml")
    assert result.cap is None
    assert any(p.gain + 0.05 < p.mean_gain for p in result.priorities)
    page = markdown(report_of(result))
    assert "capped" not in page.lower()
    # The headline says which band it cannot rise above, and why.
    assert result.ceiling is not None and result.ceiling.band == "developing"
    assert "It cannot rise above developing because results are on record for only" in page
    assert re.search(r"\(\+\d+\.\d overall, \+\d+\.\d to the elements\)", page)
