"""Progress over time: compare two assessments, and follow one file through git.

Everything here is a pure function of result records, except :func:`read_versions`,
the one reader of git. The diff and the history are frozen records; each output
format is a function that returns a string.
"""

from __future__ import annotations

import io
import json
import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from partnercheck._version import __version__
from partnercheck.engine import Options, assess, load
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import Source
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, check_size, decode
from partnercheck.results import (
    Band,
    ElementId,
    FileResult,
    Finding,
    Frozen,
    Report,
    Severity,
    ToolInfo,
)

if TYPE_CHECKING:
    from rich.console import Console

BAND_RANK = {Band.CRITICAL: 0, Band.AT_RISK: 1, Band.DEVELOPING: 2, Band.STRONG: 3}
SPARKS = "▁▂▃▄▅▆▇█"


def delta(old: float, new: float) -> float:
    """``new - old`` rounded to two places, never ``-0.0``."""
    return round(new - old, 2) + 0.0


# --- diff ------------------------------------------------------------------------------


class ElementChange(Frozen):
    id: ElementId
    title: str
    old: float
    new: float
    delta: float


class FindingRef(Frozen):
    """A finding as the diff reports it; matched by (rule, path, message), not by line."""

    rule: str
    severity: Severity
    element: ElementId | None
    message: str
    path: str | None
    line: int | None


class FileDiff(Frozen):
    old_file: str
    new_file: str
    partnership: str
    old_score: float
    new_score: float
    delta: float
    old_band: Band
    new_band: Band
    band_change: Literal["up", "down", "unchanged"]
    elements: list[ElementChange]
    resolved: list[FindingRef]
    introduced: list[FindingRef]
    unchanged: int


class Diff(Frozen):
    tool: ToolInfo
    old: str
    new: str
    files: list[FileDiff]
    only_old: list[str]
    only_new: list[str]


FindingKey = tuple[str, str, str]


def finding_key(f: Finding) -> FindingKey:
    return (f.rule, f.location.path if f.location else "", f.message)


def finding_ref(f: Finding) -> FindingRef:
    return FindingRef(
        rule=f.rule,
        severity=f.severity,
        element=f.element,
        message=f.message,
        path=f.location.path if f.location else None,
        line=f.location.line if f.location else None,
    )


def _leftover(findings: list[Finding], other: list[Finding]) -> list[FindingRef]:
    """Findings in ``findings`` not matched in ``other`` (as multisets, order kept)."""
    available = Counter(finding_key(f) for f in other)
    left = []
    for f in findings:
        key = finding_key(f)
        if available[key]:
            available[key] -= 1
        else:
            left.append(finding_ref(f))
    return left


def diff_results(old: FileResult, new: FileResult) -> FileDiff:
    """How ``new`` differs from ``old``; suppressed findings count as absent."""
    old_active = [f for f in old.findings if not f.suppressed]
    new_active = [f for f in new.findings if not f.suppressed]
    old_scores = {e.id: e.score for e in old.elements}
    elements = [
        ElementChange(
            id=e.id,
            title=e.title,
            old=old_scores.get(e.id, 0.0),
            new=e.score,
            delta=delta(old_scores.get(e.id, 0.0), e.score),
        )
        for e in new.elements
    ]
    rank_old, rank_new = BAND_RANK[old.band], BAND_RANK[new.band]
    resolved = _leftover(old_active, new_active)
    return FileDiff(
        old_file=old.file,
        new_file=new.file,
        partnership=new.partnership,
        old_score=old.score,
        new_score=new.score,
        delta=delta(old.score, new.score),
        old_band=old.band,
        new_band=new.band,
        band_change="up" if rank_new > rank_old else "down" if rank_new < rank_old else "unchanged",
        elements=elements,
        resolved=resolved,
        introduced=_leftover(new_active, old_active),
        unchanged=len(old_active) - len(resolved),
    )


def diff_reports(
    old_name: str, new_name: str, old: Sequence[FileResult], new: Sequence[FileResult]
) -> Diff:
    """Pair results (one each, else by file, then by partnership name) and diff each pair."""
    unmatched = list(new)
    pairs: list[tuple[FileResult, FileResult]] = []
    only_old = []
    for o in old:
        match = (
            unmatched[0]
            if len(old) == len(new) == 1
            else next((n for n in unmatched if n.file == o.file), None)
            or next((n for n in unmatched if n.partnership == o.partnership), None)
        )
        if match is None:
            only_old.append(o.file)
        else:
            unmatched.remove(match)
            pairs.append((o, match))
    return Diff(
        tool=ToolInfo(version=__version__),
        old=old_name,
        new=new_name,
        files=[diff_results(o, n) for o, n in pairs],
        only_old=only_old,
        only_new=[n.file for n in unmatched],
    )


def parse_results(text: str, name: str) -> list[FileResult] | None:
    """The results in an ``assess --format json`` output, or None if ``text`` is not one."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not (isinstance(document, dict) and "tool" in document and "results" in document):
        return None
    try:
        report = Report.model_validate(document)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputErrors(
            [InputError(name, 1, 1, f"not a partnercheck JSON result: {where}: {first['msg']}")]
        ) from None
    if not report.results:
        raise InputErrors([InputError(name, 1, 1, "the JSON result holds no assessed file")])
    return report.results


# --- history ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    commit: str
    date: date
    path: str  # at that commit, relative to the repository root
    data: bytes | None  # None when the file cannot be read at that commit
    problem: str = ""


class HistoryPoint(Frozen):
    commit: str
    date: date
    score: float | None
    band: Band | None
    elements: dict[str, float]
    error: str | None = None


class History(Frozen):
    tool: ToolInfo
    file: str
    versions: list[HistoryPoint]


def _git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args],
            cwd=folder,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise RuntimeError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(lines[0] if lines else f"git {args[0]} failed")
    return done.stdout


def read_versions(file: str) -> list[Version]:
    """Every committed version of ``file``, oldest first, following renames.

    Raises :class:`InputErrors` when the file is not in a git repository or was
    never committed.
    """
    path = Path(file)
    folder = path.parent
    if not folder.is_dir():
        raise InputErrors([InputError(file, 1, 1, f"no such directory: {folder}")])
    try:
        _git(folder, "rev-parse", "--show-toplevel")
    except RuntimeError as exc:
        raise InputErrors([InputError(file, 1, 1, f"not in a git repository ({exc})")]) from None
    try:
        log = _git(
            folder, "log", "--follow", "--name-only", "--format=%x00%H %cs", "--", path.name
        ).decode("utf-8", "replace")
    except RuntimeError as exc:
        raise InputErrors([InputError(file, 1, 1, f"cannot read the git log: {exc}")]) from None
    entries: list[tuple[str, date, str]] = []
    newer_path = ""
    for chunk in log.split("\0")[1:]:
        head, *names = [line for line in chunk.splitlines() if line.strip()]
        sha, day = head.split()
        newer_path = names[0] if names else newer_path  # a merge lists no name
        entries.append((sha, date.fromisoformat(day), newer_path))
    if not entries:
        raise InputErrors([InputError(file, 1, 1, "the file has no committed versions")])
    versions = []
    for sha, committed, at in reversed(entries):
        try:
            data: bytes | None = _git(folder, "show", f"{sha}:{at}")
            problem = ""
        except RuntimeError as exc:
            data, problem = None, f"not readable at this commit: {exc}"
        versions.append(Version(sha, committed, at, data, problem))
    return versions


OptionsFor = Callable[[str, date], Options]


def assess_version(
    name: str,
    directory: Path,
    version: Version,
    options_for: OptionsFor,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> HistoryPoint:
    """Assess one committed version at its commit date; input errors become the point's error."""
    try:
        if version.data is None:
            raise InputErrors([InputError(name, 1, 1, version.problem or "not readable")])
        check_size(len(version.data), name, max_bytes)
        source = Source(name, decode(version.data, name), directory)
        result = assess(load(source), options_for(name, version.date))
    except InputErrors as exc:
        first = exc.errors[0]
        more = f" (and {len(exc.errors) - 1} more)" if len(exc.errors) > 1 else ""
        return HistoryPoint(
            commit=version.commit,
            date=version.date,
            score=None,
            band=None,
            elements={},
            error=f"{first.line}:{first.column}: {first.message}{more}",
        )
    return HistoryPoint(
        commit=version.commit,
        date=version.date,
        score=result.score,
        band=result.band,
        elements={e.id.value: e.score for e in result.elements},
    )


def build_history(
    name: str,
    directory: Path,
    versions: Sequence[Version],
    options_for: OptionsFor,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> History:
    return History(
        tool=ToolInfo(version=__version__),
        file=name,
        versions=[assess_version(name, directory, v, options_for, max_bytes) for v in versions],
    )


def sparkline(values: Sequence[float | None]) -> str:
    """One block per value on the absolute 0-100 scale; ``·`` where a version failed."""
    return "".join(
        "·" if v is None else SPARKS[round(min(max(v, 0.0), 100.0) / 100 * (len(SPARKS) - 1))]
        for v in values
    )


def trend_rows(history: History) -> list[tuple[str, list[float | None]]]:
    """(label, scores oldest first) for the overall score and each element."""
    rows: list[tuple[str, list[float | None]]] = [("Overall", [v.score for v in history.versions])]
    for element in ElementId:
        rows.append((element.value, [v.elements.get(element.value) for v in history.versions]))
    return rows


# --- rendering -------------------------------------------------------------------------


def render_diff_json(diff: Diff) -> str:
    return diff.model_dump_json(indent=2) + "\n"


def render_history_json(history: History) -> str:
    return history.model_dump_json(indent=2) + "\n"


def _where(f: FindingRef) -> str:
    return f"{f.path} (line {f.line})" if f.path is not None else "whole file"


def _md_where(f: FindingRef) -> str:
    return f"`{f.path}`, line {f.line}" if f.path is not None else "whole file"


def _band_text(d: FileDiff) -> str:
    if d.band_change == "unchanged":
        return f"{d.new_band.value} (unchanged)"
    word = "improved" if d.band_change == "up" else "worsened"
    return f"{d.old_band.value} -> {d.new_band.value} ({word})"


def render_diff_markdown(diff: Diff) -> str:
    out = [f"# partnercheck diff: `{diff.old}` -> `{diff.new}`", ""]
    for d in diff.files:
        out += [
            f"## {d.partnership}",
            "",
            f"- Overall score: {d.old_score:.1f} -> {d.new_score:.1f} ({d.delta:+.1f})",
            f"- Band: {_band_text(d)}",
            f"- Findings: {len(d.resolved)} resolved, {len(d.introduced)} introduced, "
            f"{d.unchanged} unchanged",
            "",
            "| Element | Old | New | Change |",
            "|---|--:|--:|--:|",
            *(f"| {e.title} | {e.old:.1f} | {e.new:.1f} | {e.delta:+.1f} |" for e in d.elements),
            "",
        ]
        for heading, refs in (("Resolved", d.resolved), ("Introduced", d.introduced)):
            out += [f"### {heading} findings ({len(refs)})", ""]
            out += [f"- `{f.rule}` {f.severity.value}: {f.message} ({_md_where(f)})" for f in refs]
            out += ["- none"] if not refs else []
            out.append("")
    for label, files in (
        ("Only in the old results", diff.only_old),
        ("Only in the new results", diff.only_new),
    ):
        if files:
            out += [f"## {label}", "", *(f"- `{f}`" for f in files), ""]
    return "\n".join(out)


def _change_style(value: float) -> str:
    return "green" if value > 0 else "red" if value < 0 else ""


def render_diff_rich(diff: Diff, color: bool = False, width: int = 100) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
        for heading, refs, mark, style in (
            ("Resolved", d.resolved, "fixed", "green"),
            ("Introduced", d.introduced, "new", "red"),
        ):
            console.print(Text(f"{heading} findings ({len(refs)})", style="bold"))
            for f in refs:
                console.print(
                    Text.assemble(
                        "  ",
                        (mark, style),
                        f" {f.rule} {f.severity.value}: {f.message}",
                        (f"  at {_where(f)}", "dim"),
                    )
                )
        console.print(Text(f"{d.unchanged} finding(s) unchanged", style="dim"))
    for label, files in (
        ("Only in the old results", diff.only_old),
        ("Only in the new results", diff.only_new),
    ):
        if files:
            console.print(Text(f"\n{label}: {', '.join(files)}"))
    return buffer.getvalue()


def render_history_rich(history: History, color: bool = False, width: int = 100) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

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
    return buffer.getvalue()


def _console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    return console, buffer
