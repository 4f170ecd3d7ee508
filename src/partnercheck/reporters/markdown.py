"""GitHub-flavoured Markdown for a pull-request comment or ``$GITHUB_STEP_SUMMARY``.

Every piece of text that can come from a partnership file is escaped (by
:mod:`partnercheck.textsafe.markdown`), so a file cannot inject HTML, links,
images, mentions or table cells into the page. It is a client report: a failed
threshold is not in it (standard error and the CI formats state it); the whole
stays under GitHub's 1 MiB job-summary limit
(:mod:`partnercheck.reporters.budget` says what was left out).
"""

from __future__ import annotations

from partnercheck.reporters import RenderContext
from partnercheck.reporters.budget import Block, within
from partnercheck.reporters.client_view import (
    DECLARED,
    FOUND,
    PARTNER_NOTE,
    TAKES_PART,
    ClientView,
    Detail,
    client_view,
    depth_line,
    findings_count,
    full_stop,
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
from partnercheck.results import FileResult, Report
from partnercheck.rules.plain import human_date
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.markdown import cell, code, escape, prose
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
    blocks = [Block(title(report))]
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
    """One file: its findings counted as its section counts them (a group once)."""
    shown = len(client_view(r).items)
    cells = [cell(r.file), cell(r.partnership), f"{r.score:.1f}", r.band.value, r.depth.value]
    return "| " + " | ".join([*cells, str(shown)]) + " |"


def title(report: Report) -> list[str]:
    """The title as the HTML report has it, and the date in words. A client report states
    no threshold or exit code: those are on standard error and in the CI formats."""
    one = len(report.results) == 1 and not report.errors
    name = f": {escape(report.results[0].partnership)}" if one else ""
    line = f"As of {human_date(report.as_of)}"
    if not one:
        n = len(report.results)
        line += f": {n} partnership{'s' if n != 1 else ''} assessed"
        if report.errors:
            line += f", {len(report.errors)} could not be checked"
    return [
        f"# Partnership health report{name}",
        "",
        f"{line}. Assessed with partnercheck {escape(report.tool.version)}.",
    ]


def file_section(r: FileResult) -> list[str]:
    """Executive summary first, then elements, partners, challenges, depth, survey,
    findings by name, and last the details (rule ids, YAML paths, lines)."""
    view = client_view(r)
    out = ["", f"## {escape(r.partnership)}", ""]
    out += [" ".join(part for part in headline(view) if part), ""]
    out += ["### Priorities", ""]
    out += [
        f"{i}. {prose(p.advice, in_table=False)} ({escape(p.gain)})"
        for i, p in enumerate(view.priorities, 1)
    ] or [view.no_priority]
    if view.strengths:
        out += ["", "### What is working", ""]
        out += [f"- {prose(s, in_table=False)}" for s in view.strengths]
    out += ["", "### Elements", ""]
    out += table(
        ["Element", "Score", "Verdict"],
        [[cell(e.title), f"{e.score:.1f}", cell(e.verdict or "-")] for e in r.elements],
        align="lrl",
    )
    out += partners_section(view)
    out += challenges_section(view)
    out += ["", escape(depth_line(r.depth.value))]
    if r.survey is not None:
        out += survey_section(r)
    out += findings_section(view)
    out += details_section(view)
    return out


def headline(view: ClientView) -> list[str]:
    r = view.result
    return [
        f"**Score {r.score:.1f}/100, {r.band.value}.**",
        escape(view.cap),
        escape(view.uncapped),
        escape(view.coverage),
    ]


def partners_section(view: ClientView) -> list[str]:
    if not view.partners:
        return []
    survey = view.result.survey is not None
    header = ["Partner", "Sector", "Brings", "Decides", TAKES_PART] + (["Survey"] if survey else [])
    rows = [
        [cell(p.name), cell(p.sector), cell(p.brings), p.decides, cell(p.attends)]
        + ([cell(p.said)] if survey else [])
        for p in view.partners
    ]
    out = ["", "### Partners", ""]
    out += table(header, rows, align="lllrr" + ("l" if survey else ""))
    out += [
        "",
        f"{escape(view.brings)}; {PARTNER_NOTE}.",
    ]
    return out


def challenges_section(view: ClientView) -> list[str]:
    """Each challenge: its level, what was found, and beside it the partners' own declared
    risks with their mitigation and owner (one to a line)."""
    if not view.challenges:
        return []
    out = ["", "### Challenges", ""]
    out += table(
        ["Challenge", "Level", FOUND, DECLARED],
        [
            [
                cell(c.title),
                escape(c.level),
                cell("; ".join(c.evidence) or "-"),
                cell("\n".join(c.declared) or "-"),
            ]
            for c in view.challenges
        ],
    )
    return out


def survey_section(r: FileResult) -> list[str]:
    assert r.survey is not None
    survey = r.survey
    out = [
        "",
        f"### Partner perception survey ({survey.respondents} respondents from "
        f"{survey.partners_responding} of {survey.partners_total} partners)",
        "",
    ]
    perceived = {e.id: e for e in survey.elements}
    rows = []
    for e in r.elements:
        p = perceived[e.id]
        spread = "-" if p.spread is None else f"{p.spread:.1f}" + (" !" if p.spread >= 1.5 else "")
        rows.append(
            [cell(e.title), _num(e.document_score), _num(p.perception), f"{e.score:.1f}", spread]
        )
    out += table(["Element", "Document", "Perception", "Combined", "Spread"], rows, align="lrrrr")
    view = grid(survey, partner_names(r))
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
    if survey.absent_partners:
        names = partner_names(r)
        absent = ", ".join(names.get(p, p) for p in survey.absent_partners)
        out += ["", f"No respondents from: {escape(absent)}."]
    if r.power_readings:
        out += ["", "#### Power on paper and as partners feel it", ""]
        out += table(POWER_HEADERS, [[cell(c) for c in row] for row in power_rows(r)], "lrrlll")
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


def findings_section(view: ClientView) -> list[str]:
    out = ["", f"### Findings ({findings_count(view)})"]
    if not view.items:
        out += ["", "No findings."]
    for title, items in items_by_element(view.items):
        out += ["", f"#### {escape(title)}", ""]
        for item in items:
            cost = f"-{item.points:.2f} points; " if item.points else ""
            softened = (
                f" {prose(full_stop(item.softened), in_table=False)}" if item.softened else ""
            )
            out.append(
                f"- **{item.severity_word}**: {prose(full_stop(item.text), in_table=False)} "
                f"What to do: {prose(full_stop(item.advice), in_table=False)}{softened} "
                f"({cost}{item.see})"
            )
    return out


def details_section(view: ClientView) -> list[str]:
    """The appendix: each finding with its rule, location in the file and CI wording."""
    r = view.result
    form = f", form {escape(r.form)}" if r.form else ""
    out = ["", "### Details", "", f"File {code(r.file)}{form}.", ""]
    if view.details:
        out += table(
            ["#", "Rule", "Severity", "Finding", "Location", "Fix in the file"],
            [_detail_row(d) for d in view.details],
            align="rlllll",
        )
    if view.suppressed:
        n = len(view.suppressed)
        out += [
            "",
            f"{n} suppressed finding{'s' if n != 1 else ''} (accepted in the file; no points):",
            "",
        ]
        out += table(
            ["#", "Rule", "Severity", "Finding", "Location", "Fix in the file"],
            [_detail_row(d) for d in view.suppressed],
            align="rlllll",
        )
    return out


def _detail_row(d: Detail) -> list[str]:
    return [
        str(d.number),
        escape(d.rule),
        d.severity,
        prose(d.message),
        cell(d.where),
        prose(d.fix),
    ]
