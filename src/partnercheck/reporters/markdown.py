"""GitHub-flavoured Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Every piece of text that can come from a partnership file is escaped (by
:mod:`partnercheck.textsafe.markdown`), so a file cannot inject HTML, links,
images, mentions or table cells into the page. A failed threshold is stated
under the title; the whole stays under GitHub's 1 MiB job-summary limit
(:mod:`partnercheck.reporters.budget` says what was left out).
"""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.reporters.budget import Block, within
from partnercheck.reporters.survey_view import (
    INDICATIVE_MARK,
    LEGEND,
    RESPONDENT_HEADERS,
    grid,
    heading,
    respondent_rows,
)
from partnercheck.reporters.verdict import threshold_summary
from partnercheck.results import ELEMENT_TITLES, ElementId, FileResult, Finding, Report
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.markdown import cell, escape, prose
from partnercheck.textsafe.models import visible_model

SHOWN_FAILURES = 20  # threshold failures listed under the title


def table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; ``align`` has one letter per column (l, r), default left."""
    rule = ["---:" if (align[i : i + 1] == "r") else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def render(report: Report, context: RenderContext) -> str:
    del context
    report = visible_model(report)
    n = len(report.results)
    head = [
        "# partnercheck report",
        "",
        f"partnercheck {escape(report.tool.version)}, as of {report.as_of.isoformat()}: "
        f"{n} file{'s' if n != 1 else ''} assessed, {len(report.errors)} input "
        f"error{'s' if len(report.errors) != 1 else ''}.",
        *threshold_markdown(report),
    ]
    blocks = [Block(head)]
    if report.results:
        columns = ["File", "Partnership", "Score", "Band", "Depth", "Findings"]
        blocks.append(Block(["", "## Summary", "", *table(columns, [], "llrllr")]))
        blocks += [Block([summary_row(r)], "summary row", 2) for r in report.results]
    blocks += [Block(file_section(r), "file section", 3) for r in report.results]
    if report.errors:
        header = [
            "",
            "## Input errors",
            "",
            *table(["File", "Line", "Column", "Message"], [], "lrrl"),
        ]
        blocks.append(Block(header))
        blocks += [
            Block(
                [f"| {cell(e.file)} | {e.line} | {e.column} | {cell(e.message)} |"],
                "input error",
                1,
            )
            for e in report.errors
        ]
    return defuse_commands("\n".join(within(blocks)) + "\n")


def summary_row(r: FileResult) -> str:
    shown = sum(1 for f in r.findings if not f.suppressed)
    cells = [cell(r.file), cell(r.partnership), f"{r.score:.1f}", r.band.value, r.depth.value]
    return "| " + " | ".join([*cells, str(shown)]) + " |"


def threshold_markdown(report: Report) -> list[str]:
    """The threshold verdict under the title: what failed, file by file."""
    verdict = threshold_summary(report)
    if verdict is None or report.threshold is None:
        return []
    failures = report.threshold.failures
    lines = ["", f"**{escape(verdict)}**", ""]
    lines += [f"- {cell(f.file)}: {escape(f.message)}" for f in failures[:SHOWN_FAILURES]]
    if len(failures) > SHOWN_FAILURES:
        lines.append(f"- and {len(failures) - SHOWN_FAILURES} more (see the summary table)")
    return lines


def file_section(r: FileResult) -> list[str]:
    out = [
        "",
        f"## {escape(r.partnership)}",
        "",
        f"File {escape(r.file)}: score **{r.score:.1f}**/100 ({r.band.value}), "
        f"collaboration depth {r.depth.value}"
        + (f", form {escape(r.form)}" if r.form else "")
        + ".",
        "",
        "### Elements",
        "",
    ]
    out += table(
        ["Element", "Score", "Verdict"],
        [[cell(e.title), f"{e.score:.1f}", cell(e.verdict or "-")] for e in r.elements],
        align="lrl",
    )
    if r.challenges:
        out += ["", "### Challenges", ""]
        out += table(
            ["Challenge", "Level", "Evidence"],
            [
                [
                    cell(c.title),
                    escape(c.level) + (" (mitigated)" if c.mitigated and c.level != "none" else ""),
                    cell("\n".join(c.evidence) or "-"),
                ]
                for c in r.challenges
            ],
        )
    if r.survey is not None:
        out += survey_section(r)
    out += findings_section(r)
    if r.priorities:
        out += ["", "### Priority actions", ""]
        out += [
            f"{i}. {prose(a.recommendation, in_table=False)} "
            f"({escape(a.rule)}, +{a.gain:.1f} overall)"
            for i, a in enumerate(r.priorities, 1)
        ]
    return out


def survey_section(r: FileResult) -> list[str]:
    assert r.survey is not None
    survey = r.survey
    out = ["", f"### Partner perception survey ({survey.respondents} respondents)", ""]
    perceived = {e.id: e for e in survey.elements}
    rows = []
    for e in r.elements:
        p = perceived[e.id]
        spread = "-" if p.spread is None else f"{p.spread:.1f}" + (" !" if p.spread >= 1.5 else "")
        rows.append(
            [cell(e.title), _num(e.document_score), _num(p.perception), f"{e.score:.1f}", spread]
        )
    out += table(["Element", "Document", "Perception", "Combined", "Spread"], rows, align="lrrrr")
    view = grid(survey)
    out += [""]
    out += table(
        ["Partner (respondents)", *(heading(a, view.diverging) for a in view.areas)],
        [
            [
                cell(f"{partner} ({n}){INDICATIVE_MARK if indicative else ''}"),
                *(f"**{t}**" if low else t for t, low in cells),
            ]
            for partner, n, indicative, cells in view.rows
        ],
        align="l" + "r" * len(view.areas),
    )
    out += ["", escape(LEGEND)]
    if survey.respondent_answers is not None:
        out += ["", "#### Respondents (shown on request)", ""]
        out += table(
            RESPONDENT_HEADERS,
            [[cell(str(c)) for c in row] for row in respondent_rows(survey)],
            align="lllrrl",
        )
    return out


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def findings_section(r: FileResult) -> list[str]:
    shown = [f for f in r.findings if not f.suppressed]
    suppressed = len(r.findings) - len(shown)
    out = ["", f"### Findings ({len(shown)})"]
    if not shown:
        out += ["", "No findings."]
    groups: dict[ElementId | None, list[Finding]] = {}
    for f in shown:
        groups.setdefault(f.element, []).append(f)
    for element, group in groups.items():
        heading = ELEMENT_TITLES[element] if element else "Not tied to one element"
        out += ["", f"#### {heading}", ""]
        out += table(
            ["Severity", "Rule", "Message", "Location", "Recommendation"],
            [_finding_row(r.file, f) for f in group],
        )
    if suppressed:
        out += ["", f"{suppressed} suppressed finding{'s' if suppressed != 1 else ''} not shown."]
    return out


def _finding_row(file: str, f: Finding) -> list[str]:
    where = f"{file}:{f.location.line}" if f.location else f"{file} (whole file)"
    return [
        f.severity.value,
        escape(f.rule),
        prose(f.message),
        cell(where),
        prose(f.recommendation),
    ]
