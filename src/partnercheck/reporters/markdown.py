"""GitHub-flavoured Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Every piece of text that can come from a partnership file is escaped (by
:mod:`partnercheck.textsafe.markdown`), so a file cannot inject HTML, links,
images, mentions or table cells into the page.
"""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.reporters.survey_view import (
    INDICATIVE_MARK,
    LEGEND,
    RESPONDENT_HEADERS,
    grid,
    heading,
    respondent_rows,
)
from partnercheck.results import ELEMENT_TITLES, ElementId, FileResult, Finding, Report
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.markdown import cell, escape, prose
from partnercheck.textsafe.models import visible_model


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
    out = [
        "# partnercheck report",
        "",
        f"partnercheck {escape(report.tool.version)}, as of {report.as_of.isoformat()}: "
        f"{n} file{'s' if n != 1 else ''} assessed, {len(report.errors)} input "
        f"error{'s' if len(report.errors) != 1 else ''}.",
    ]
    if report.results:
        out += ["", "## Summary", ""]
        out += table(
            ["File", "Partnership", "Score", "Band", "Depth", "Findings"],
            [
                [
                    cell(r.file),
                    cell(r.partnership),
                    f"{r.score:.1f}",
                    r.band.value,
                    r.depth.value,
                    str(sum(1 for f in r.findings if not f.suppressed)),
                ]
                for r in report.results
            ],
            align="llrllr",
        )
    for r in report.results:
        out += file_section(r)
    if report.errors:
        out += ["", "## Input errors", ""]
        out += table(
            ["File", "Line", "Column", "Message"],
            [[cell(e.file), str(e.line), str(e.column), cell(e.message)] for e in report.errors],
            align="lrrl",
        )
    return defuse_commands("\n".join(out) + "\n")


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
            f"{i}. {prose(a.recommendation)} ({escape(a.rule)}, +{a.gain:.1f} overall)"
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
