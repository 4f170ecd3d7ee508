"""Text renderings of a diff and a history: rich (terminal), markdown and JSON.

Each renderer is a pure function of a frozen record that returns a string, so the
caller writes it once (to stdout or atomically to a file) and tests compare
strings. rich is imported only when a rich rendering is asked for. The HTML
history page is ``partnercheck.reporters.html.render_history``.

Records may come from JSON files anyone wrote, so every value is made visible
(:mod:`partnercheck.textsafe`), Markdown is escaped by the shared escaper, the
JSON keeps its data but loses raw control bytes, and rich never reads markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from partnercheck.comparison import delta, kpi_trends, trend_rows
from partnercheck.textsafe import defuse_commands, for_json
from partnercheck.textsafe.markdown import cell, code, escape, prose
from partnercheck.textsafe.models import visible_model

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from partnercheck.comparison import Diff, FileDiff, FindingRef, History

SPARKS = "▁▂▃▄▅▆▇█"


def render_diff_json(diff: Diff) -> str:
    return for_json(diff.model_dump_json(indent=2)) + "\n"


def render_history_json(history: History) -> str:
    return for_json(history.model_dump_json(indent=2)) + "\n"


def sparkline(values: Sequence[float | None]) -> str:
    """One block per value on the absolute 0-100 scale; ``·`` where a version failed."""
    return "".join(
        "·" if v is None else SPARKS[round(min(max(v, 0.0), 100.0) / 100 * (len(SPARKS) - 1))]
        for v in values
    )


def _where(f: FindingRef) -> str:
    return f"{f.path} (line {f.line})" if f.path is not None else "whole file"


def _md_where(f: FindingRef) -> str:
    return f"{code(f.path)}, line {f.line}" if f.path is not None else "whole file"


MOVEMENT_WORDS = {
    "toward": "toward the target",
    "away": "away from the target",
    "unchanged": "unchanged",
    "new": "new indicator",
    "dropped": "no longer reported",
    "unknown": "no figures to compare",
}


def _value(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def kpi_rows(d: FileDiff) -> list[tuple[str, str, str, str, str]]:
    """(name, old, new, target, movement) for every KPI of either version."""
    return [
        (k.name, _value(k.old), _value(k.new), _value(k.target), MOVEMENT_WORDS[k.movement])
        for k in d.kpis
    ]


def trend_kpi_rows(history: History) -> list[tuple[str, str, str, str, str]]:
    """(name, first, latest, target, movement) for every KPI in the history."""
    rows = []
    for t in kpi_trends(history):
        known = [v for v in t.values if v is not None]
        first, last = (known[0], known[-1]) if known else (None, None)
        rows.append(
            (
                t.name,
                _value(first),
                _value(last),
                _value(t.target),
                MOVEMENT_WORDS.get(t.movement, t.movement),
            )
        )
    return rows


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def dates_text(d: FileDiff) -> str:
    """Which date each version was assessed at, when known."""
    if d.old_as_of is None or d.new_as_of is None:
        return ""
    return f"old assessed as of {d.old_as_of.isoformat()}, new as of {d.new_as_of.isoformat()}"


def _band_text(d: FileDiff) -> str:
    if d.band_change == "unchanged":
        return f"{d.new_band.value} (unchanged)"
    word = "improved" if d.band_change == "up" else "worsened"
    return f"{d.old_band.value} -> {d.new_band.value} ({word})"


def render_diff_markdown(diff: Diff) -> str:
    diff = visible_model(diff)
    out = [f"# partnercheck diff: {code(diff.old)} -> {code(diff.new)}", ""]
    for d in diff.files:
        out += [
            f"## {escape(d.partnership)}",
            "",
            f"- Overall score: {d.old_score:.1f} -> {d.new_score:.1f} ({d.delta:+.1f})",
            f"- Band: {_band_text(d)}",
            f"- Findings: {len(d.resolved)} resolved, {len(d.introduced)} new, "
            f"{len(d.still_open)} still open",
            *([f"- Dates: {dates_text(d)}"] if dates_text(d) else []),
            *([f"- {escape(_sentence(d.cap))}"] if d.cap else []),
            "",
            "| Element | Old | New | Change |",
            "|---|--:|--:|--:|",
            *(
                f"| {cell(e.title)} | {e.old:.1f} | {e.new:.1f} | {e.delta:+.1f} |"
                for e in d.elements
            ),
            "",
        ]
        if d.kpis:
            out += [
                "### Indicators",
                "",
                "| Indicator | Old | New | Target | Movement |",
                "|---|--:|--:|--:|---|",
            ]
            out += [f"| {cell(n)} | {o} | {v} | {t} | {m} |" for n, o, v, t, m in kpi_rows(d)]
            out.append("")
        for heading, refs in (
            ("Resolved", d.resolved),
            ("New", d.introduced),
            ("Still open", d.still_open),
        ):
            out += [f"### {heading} findings ({len(refs)})", ""]
            out += [
                f"- {code(f.rule)} {f.severity.value}: {prose(f.text or f.message)} "
                f"({_md_where(f)})"
                for f in refs
            ]
            out += ["- none"] if not refs else []
            out.append("")
    for label, files in (
        ("Only in the old results", diff.only_old),
        ("Only in the new results", diff.only_new),
    ):
        if files:
            out += [f"## {label}", "", *(f"- {code(f)}" for f in files), ""]
    return defuse_commands("\n".join(out))


def _change_style(value: float) -> str:
    return "green" if value > 0 else "red" if value < 0 else ""


def render_diff_rich(diff: Diff, color: bool = False, width: int = 100) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    diff = visible_model(diff)
    console, buffer = _console(color, width)
    console.print(Text(f"partnercheck diff: {diff.old} -> {diff.new}", style="bold"))
    for d in diff.files:
        console.print(Text(f"\n{d.partnership}", style="bold underline"))
        console.print(
            Text.assemble(
                "Overall ",
                (f"{d.old_score:.1f} -> {d.new_score:.1f} ", "bold"),
                (f"({d.delta:+.1f})", _change_style(d.delta)),
                f"   band {_band_text(d)}",
            )
        )
        for line in (d.cap and _sentence(d.cap), dates_text(d)):
            if line:
                console.print(Text(line, style="dim"))
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("Element")
        for column in ("Old", "New", "Change"):
            table.add_column(column, justify="right")
        for e in d.elements:
            table.add_row(
                e.title,
                f"{e.old:.1f}",
                f"{e.new:.1f}",
                Text(f"{e.delta:+.1f}", style=_change_style(e.delta)),
            )
        console.print(table)
        if d.kpis:
            console.print(_kpi_table(kpi_rows(d), ("Old", "New", "Target")))
        for heading, refs, mark, style in (
            ("Resolved", d.resolved, "fixed", "green"),
            ("New", d.introduced, "new", "red"),
            ("Still open", d.still_open, "open", "yellow"),
        ):
            console.print(Text(f"{heading} findings ({len(refs)})", style="bold"))
            for f in refs:
                console.print(
                    Text.assemble(
                        "  ",
                        (mark, style),
                        f" {f.rule} {f.severity.value}: {f.text or f.message}",
                        (f"  at {_where(f)}", "dim"),
                    )
                )
    for label, files in (
        ("Only in the old results", diff.only_old),
        ("Only in the new results", diff.only_new),
    ):
        if files:
            console.print(Text(f"\n{label}: {', '.join(files)}"))
    return defuse_commands(buffer.getvalue())


def render_history_rich(history: History, color: bool = False, width: int = 100) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    history = visible_model(history)
    console, buffer = _console(color, width)
    n = len(history.versions)
    console.print(
        Text(
            f"Score history of {history.file} ({n} committed version"
            f"{'s' if n != 1 else ''}, oldest first)",
            style="bold",
        )
    )
    trend = Table(box=box.SIMPLE_HEAD)
    trend.add_column("Score")
    for column in ("First", "Latest", "Change"):
        trend.add_column(column, justify="right")
    trend.add_column("Trend (0-100)")
    for label, values in trend_rows(history):
        known = [v for v in values if v is not None]
        first, last = (known[0], known[-1]) if known else (None, None)
        change = delta(first, last) if first is not None and last is not None else None
        trend.add_row(
            Text(label, style="bold" if label == "Overall" else ""),
            "-" if first is None else f"{first:.1f}",
            "-" if last is None else f"{last:.1f}",
            Text("-" if change is None else f"{change:+.1f}", style=_change_style(change or 0)),
            sparkline(values),
        )
    console.print(trend)
    versions = Table(title="Versions", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("Commit", "Date", "Score", "Band"):
        versions.add_column(column, justify="right" if column == "Score" else "left")
    for v in history.versions:
        if v.error is not None:
            versions.add_row(
                v.commit[:10], v.date.isoformat(), "-", Text(f"invalid: {v.error}", style="red")
            )
        else:
            versions.add_row(
                v.commit[:10], v.date.isoformat(), f"{v.score:.1f}", v.band.value if v.band else "-"
            )
    console.print(versions)
    rows = trend_kpi_rows(history)
    if rows:
        console.print(_kpi_table(rows, ("First", "Latest", "Target")))
    return defuse_commands(buffer.getvalue())


def _kpi_table(rows: list[tuple[str, str, str, str, str]], columns: tuple[str, ...]) -> Table:
    """Indicators with their values and movement; green toward the target, red away."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Indicators", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("Indicator")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_column("Movement")
    for name, first, last, target, moved in rows:
        style = "green" if moved.startswith("toward") else "red" if "away" in moved else ""
        table.add_row(name, first, last, target, Text(moved, style=style))
    return table


def _console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    """A console that records into a string, never touching the real terminal."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        markup=False,
        highlight=False,
        emoji=False,
    )
    return console, buffer
