"""The consultant's terminal report: scores, challenges, depth, findings, priorities.

Everything that colour conveys is also in the text (severity words, score
numbers, ASCII-safe bars), so the report reads the same with NO_COLOR.

Text from the file is never read as rich markup (the console has markup off,
titles are :class:`~rich.text.Text`) and every value is made visible first, so
``[link=...]`` prints literally and no escape sequence reaches the terminal.
"""

from __future__ import annotations

import io

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from partnercheck.reporters import RenderContext
from partnercheck.reporters.client_view import (
    DECLARED,
    FOUND,
    PARTNER_NOTE,
    TAKES_PART,
    ClientView,
    Item,
    client_view,
    depth_line,
    findings_count,
    items_by_element,
)
from partnercheck.reporters.verdict import threshold_summary
from partnercheck.results import Band, FileResult, Report, Severity
from partnercheck.rules.plain import human_date
from partnercheck.textsafe import defuse_commands
from partnercheck.textsafe.models import visible_model

BAND_STYLE = {
    Band.STRONG: "bold green",
    Band.DEVELOPING: "bold yellow",
    Band.AT_RISK: "bold dark_orange",
    Band.CRITICAL: "bold red",
}
SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LEVEL_STYLE = {"none": "green", "present": "cyan", "moderate": "yellow", "high": "bold red"}
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
        console.print(file_report(result, human_date(report.as_of), context.width))
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


def file_report(result: FileResult, as_of: str, width: int = 100) -> RenderableType:
    """Executive summary first (headline, cap, priorities, strengths), then the detail
    a consultant walks through, and last the CI details (rules, YAML paths, lines)."""
    view = client_view(result)
    parts: list[RenderableType] = [header(view, as_of), priorities_section(view)]
    if view.strengths:
        parts.append(Text.assemble(("\nWhat is working\n", "bold"), *bullets(view.strengths)))
    parts += [elements_table(result), partners_table(view), challenges_table(view, width)]
    label, _, rest = depth_line(result.depth.value).partition(": ")
    parts.append(Text.assemble((f"{label}: ", "bold"), rest))
    if result.survey is not None:
        from partnercheck.reporters.rich_survey import survey_section

        parts.extend(survey_section(result.survey, result))
    parts.extend(findings_section(view))
    parts.extend(details_section(view))
    return Group(*parts)


def bullets(lines: list[str]) -> list[str]:
    return [f"  - {line}\n" for line in lines]


def header(view: ClientView, as_of: str) -> RenderableType:
    result = view.result
    title = Text(result.partnership, style="bold")
    body = Text.assemble(
        ("Overall score ", "bold"),
        (f"{result.score:.1f}/100", BAND_STYLE[result.band]),
        "  band ",
        (result.band.value.upper(), BAND_STYLE[result.band]),
        f"   as of {as_of}",
    )
    for line in (view.cap, view.uncapped, view.coverage):
        if line:
            body.append("\n" + line)
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


def partners_table(view: ClientView) -> RenderableType:
    table = Table(title="Partners", title_justify="left", box=box.SIMPLE_HEAD)
    survey = view.result.survey is not None
    for column in ("Partner", "Sector", "Brings", "Decides", TAKES_PART):
        # Names and shares wrap at narrow widths; they are never cut short.
        text_column = column in ("Partner", "Sector", "Brings")
        table.add_column(column, justify="left" if text_column else "right", overflow="fold")
    if survey:
        table.add_column("Survey")
    for p in view.partners:
        table.add_row(
            p.name, p.sector, p.brings, p.decides, p.attends, *([p.said] if survey else [])
        )
    table.caption = f"{view.brings}; {PARTNER_NOTE}."
    table.caption_justify = "left"
    return table


# Below this width the declared risks go under what was found, in one column, so that no
# word is cut or split.
SIDE_BY_SIDE = 90


def challenges_table(view: ClientView, width: int = 100) -> RenderableType:
    """Each challenge: its level, what was found, and beside it (below it on a narrow
    terminal) the partners' own declared risks with their mitigation and owner."""
    table = Table(title="Challenges", title_justify="left", box=box.SIMPLE_HEAD)
    wide = width >= SIDE_BY_SIDE
    table.add_column("Challenge", ratio=2, overflow="fold")
    table.add_column("Level", no_wrap=wide)
    found_header = FOUND if wide else f"{FOUND}; declared risk and mitigation"
    table.add_column(found_header, ratio=3, overflow="fold")
    if wide:
        table.add_column(DECLARED, ratio=4, overflow="fold")
    for c in view.challenges:
        found = c.evidence[:3] + ([f"(+{len(c.evidence) - 3} more)"] if len(c.evidence) > 3 else [])
        cells = ["\n".join(found) or "-", "\n".join(c.declared) or "-"]
        if not wide:
            cells = ["\n".join(found + [f"Declared risk: {d}" for d in c.declared]) or "-"]
        table.add_row(c.title, Text(c.level, style=LEVEL_STYLE.get(c.level_id, "")), *cells)
    return table


def findings_section(view: ClientView) -> list[RenderableType]:
    if not view.items:
        return [Text("\nNo findings.", style="green")]
    out: list[RenderableType] = [
        Text(f"\nFindings ({findings_count(view)})", style="bold underline")
    ]
    for heading, items in items_by_element(view.items):
        out.append(Text(f"\n{heading}", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for item in items:
            grid.add_row("", *item_cells(item))
        out.append(grid)
    return out


def item_cells(item: Item) -> tuple[Text, Text]:
    body = Text(item.text, overflow="fold")  # a long name folds, never cut
    if item.points:
        body.append(f"  (-{item.points:.2f} pts)", style="dim")
    body.append(f"\nwhat to do: {item.advice}")
    if item.softened:
        body.append(f"\n{item.softened}", style="dim")
    body.append(f"\nsee {item.see}", style="dim")
    return Text(item.severity_word.upper(), style=SEVERITY_STYLE[item.severity]), body


def details_section(view: ClientView) -> list[RenderableType]:
    """Rule ids, YAML paths, lines and the fix in the file's terms: for whoever edits it."""
    if not view.details and not view.suppressed:
        return []
    result = view.result
    out: list[RenderableType] = [
        Text(
            f"\nDetails (file {result.file}, form {result.form or 'not stated'})",
            style="bold underline",
        )
    ]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for d in [*view.details, *view.suppressed]:
        body = Text(d.message, overflow="fold")  # a long YAML path folds, never cut
        body.append(f"\nat {d.where}", style="dim")
        body.append(f"\nfix: {d.fix}")
        suppressed = " (suppressed)" if d in view.suppressed else ""
        grid.add_row(f"{d.number}.", Text(f"{d.rule} {d.severity}{suppressed}", style="bold"), body)
    out.append(grid)
    return out


def priorities_section(view: ClientView) -> RenderableType:
    if not view.priorities:
        return Text(f"\nPriorities: {view.no_priority}")
    text = Text("\nPriorities\n", style="bold")
    for i, action in enumerate(view.priorities, 1):
        text.append(f"  {i}. ", style="bold")
        text.append(f"{action.advice} ")
        text.append(f"({action.gain})\n", style="dim")
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
