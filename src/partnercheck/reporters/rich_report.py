"""The consultant's terminal report: scores, challenges, depth, findings, priorities.

Everything that colour conveys is also in the text (severity words, score
numbers, ASCII-safe bars), so the report reads the same with NO_COLOR.

Text from the file is never read as rich markup (the console has markup off,
titles are :class:`~rich.text.Text`) and every value is made visible first, so
``[link=...]`` prints literally and no escape sequence reaches the terminal.
"""

from __future__ import annotations

import io
from itertools import groupby

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from partnercheck.reporters import RenderContext
from partnercheck.reporters.verdict import threshold_summary
from partnercheck.results import ELEMENT_TITLES, Band, FileResult, Finding, Report, Severity
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model

BAND_STYLE = {
    Band.STRONG: "bold green",
    Band.DEVELOPING: "bold yellow",
    Band.AT_RISK: "bold dark_orange",
    Band.CRITICAL: "bold red",
}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LEVEL_STYLE = {"none": "green", "low": "cyan", "moderate": "yellow", "high": "bold red"}
BAR_WIDTH = 20


def bar(score: float, width: int = BAR_WIDTH) -> str:
    filled = round(score / 100 * width)
    return "█" * filled + "░" * (width - filled)


class Bar:
    """A score bar that narrows (to half its width) in a narrow terminal instead of being cut."""

    def __init__(self, score: float, style: str) -> None:
        self.score, self.style = score, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(BAR_WIDTH // 2, BAR_WIDTH)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(bar(self.score, min(BAR_WIDTH, options.max_width)), style=self.style)


def score_style(score: float) -> str:
    return (
        "green"
        if score >= 80
        else "yellow"
        if score >= 60
        else "dark_orange"
        if score >= 40
        else "red"
    )


def render(report: Report, context: RenderContext) -> str:
    report = visible_model(report)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=context.width,
        force_terminal=context.color,
        no_color=context.no_color,
        color_system=context.color_system if context.color else None,  # type: ignore[arg-type]
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for i, result in enumerate(report.results):
        if i:
            console.rule()
        console.print(file_report(result, report.as_of.isoformat()))
    if len(report.results) > 1:
        console.print(summary_table(report))
    verdict = threshold_text(report)
    if verdict is not None:
        console.print(verdict)
    if context.statistics:
        from partnercheck.reporters.statistics import statistics_lines

        console.print(
            Text("\n".join(["Statistics (findings per rule):", *statistics_lines(report)]))
        )
    return defuse_commands(buffer.getvalue())


def threshold_text(report: Report) -> Text | None:
    """The threshold verdict, file by file, when the run fails it."""
    verdict = threshold_summary(report)
    if verdict is None or report.threshold is None:
        return None
    text = Text("\n" + verdict, style="bold red")
    for failure in report.threshold.failures:
        text.append(f"\n  {failure.file}: {failure.message}", style="red")
    return text


def file_report(result: FileResult, as_of: str) -> RenderableType:
    parts: list[RenderableType] = [header(result, as_of), elements_table(result)]
    parts.append(challenges_table(result))
    parts.append(
        Text.assemble(
            ("Collaboration depth: ", "bold"),
            result.depth.value,
            "  (networking < coordination < cooperation < partnership)",
        )
    )
    if result.survey is not None:
        from partnercheck.reporters.rich_survey import survey_section

        parts.extend(survey_section(result.survey, result))
    parts.extend(findings_section(result))
    parts.append(priorities_section(result))
    return Group(*parts)


def header(result: FileResult, as_of: str) -> RenderableType:
    title = Text(result.partnership, style="bold")
    body = Text.assemble(
        ("Overall score ", "bold"),
        (f"{result.score:.1f}/100", BAND_STYLE[result.band]),
        "  band ",
        (result.band.value.upper(), BAND_STYLE[result.band]),
        f"\nFile {result.file}   Form {result.form or 'not stated'}   As of {as_of}",
    )
    return Panel(body, title=title, title_align="left", box=box.ROUNDED)


def elements_table(result: FileResult) -> RenderableType:
    table = Table(title="The six elements", title_justify="left", box=box.SIMPLE_HEAD, expand=False)
    # Wide enough for the longest word, so a narrow terminal wraps a title, never cuts it.
    longest = max((len(w) for e in result.elements for w in e.title.split()), default=0)
    table.add_column("Element", no_wrap=False, ratio=3, min_width=longest)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("")  # a Bar: it narrows rather than wraps
    words = max((len(w) for e in result.elements for w in e.verdict.split()), default=0)
    table.add_column("Verdict", ratio=2, min_width=words)
    for e in result.elements:
        style = score_style(e.score)
        table.add_row(e.title, Text(f"{e.score:.1f}", style=style), Bar(e.score, style), e.verdict)
    return table


def challenges_table(result: FileResult) -> RenderableType:
    table = Table(title="Challenges", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Challenge", ratio=2)
    table.add_column("Level", no_wrap=True)
    table.add_column("Evidence", ratio=3)
    for c in result.challenges:
        level = c.level + (" (mitigated)" if c.mitigated and c.level != "none" else "")
        evidence = "; ".join(c.evidence[:3]) + (
            f" (+{len(c.evidence) - 3} more)" if len(c.evidence) > 3 else ""
        )
        table.add_row(c.title, Text(level, style=LEVEL_STYLE.get(c.level, "")), evidence or "-")
    return table


def findings_section(result: FileResult) -> list[RenderableType]:
    shown = [f for f in result.findings if not f.suppressed]
    if not shown:
        return [Text("\nNo findings.", style="green")]
    out: list[RenderableType] = [Text(f"\nFindings ({len(shown)})", style="bold underline")]
    for element, group in groupby(shown, key=lambda f: f.element):
        heading = ELEMENT_TITLES[element] if element else "Not tied to one element"
        out.append(Text(f"\n{heading}", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for f in group:
            grid.add_row("", *finding_cells(f))
        out.append(grid)
    suppressed = len(result.findings) - len(shown)
    if suppressed:
        out.append(Text(f"\n{suppressed} suppressed finding(s) not shown.", style="dim"))
    return out


def finding_cells(f: Finding) -> tuple[Text, Text, Text]:
    where = (
        f"line {f.location.line}:{f.location.column} ({f.location.path})"
        if f.location
        else "whole file"
    )
    body = Text(f.message, overflow="fold")  # a long YAML path folds, never cut
    if f.points:
        body.append(f"  (-{f.points:.2f} pts)", style="dim")
    body.append(f"\nat {where}", style="dim")
    if f.mitigated_by:
        body.append(f"; softened by {f.mitigated_by}", style="dim")
    body.append(f"\nfix: {f.recommendation}")
    return (
        Text(f.severity.value.upper(), style=SEVERITY_STYLE[f.severity]),
        Text(f.rule, style="bold"),
        body,
    )


def priorities_section(result: FileResult) -> RenderableType:
    if not result.priorities:
        return Text("\nNo priority actions: no finding costs points.", style="green")
    text = Text("\nPriority actions (largest gain in overall score first)\n", style="bold")
    for i, action in enumerate(result.priorities, 1):
        text.append(f"  {i}. ", style="bold")
        text.append(f"{action.recommendation} ")
        text.append(f"[{action.rule}, +{action.gain:.1f} overall]\n", style="dim")
    return text


def summary_table(report: Report) -> RenderableType:
    table = Table(title="Summary", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("File", "Partnership", "Score", "Band", "Depth"):
        table.add_column(column, justify="right" if column == "Score" else "left")
    for r in report.results:
        table.add_row(
            r.file,
            r.partnership,
            f"{r.score:.1f}",
            Text(r.band.value, style=BAND_STYLE[r.band]),
            r.depth.value,
        )
    return table
