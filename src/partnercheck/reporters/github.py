"""GitHub Actions workflow commands: an annotation per finding, then a plain summary.

GitHub shows only a handful of annotations per step, so the annotations are
followed by the whole result as plain text. That summary carries text from the
partnership file, so it is wrapped in ``::stop-commands::`` with a token
derived from its own content, and every value in it is made visible and
defused (:mod:`partnercheck.textsafe`): nothing in a file can issue a workflow
command, recolour the log or start a line of its own.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from partnercheck.reporters import RenderContext
from partnercheck.reporters.sarif import repo_path
from partnercheck.results import ErrorRecord, FileResult, Finding, Location, Report, Severity
from partnercheck.rules import REGISTRY
from partnercheck.textsafe import defuse_commands, visible
from partnercheck.textsafe.models import visible_model

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus the ``:`` and ``,`` that delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command; values are made visible first, so none holds a control character."""
    props = ",".join(
        f"{key}={escape_property(visible(str(value)))}" for key, value in properties.items()
    )
    return f"::{name} {props}::{escape_data(visible(message))}"


def render(report: Report, context: RenderContext) -> str:
    del context  # annotations carry their own severity; the exit code enforces --fail-on
    return render_in(report, str(Path.cwd()))


def render_in(report: Report, base: str) -> str:
    """The commands, with file paths relative to ``base`` (the workspace) where possible."""
    report = visible_model(report)
    lines = [
        annotation(f, _path(r.file, base))
        for r in report.results
        for f in r.findings
        if not f.suppressed
    ]
    lines += [error_annotation(e, _path(e.file, base)) for e in report.errors]
    summary = defuse_commands("\n".join(summary_lines(report))).split("\n")
    token = hashlib.sha256("\n".join(summary).encode("utf-8")).hexdigest()[:32]
    lines += [f"::stop-commands::{token}", *summary, f"::{token}::"]
    return "\n".join(lines) + "\n"


def _path(file: str, base: str) -> str:
    return repo_path(file, base) or file


def position(location: Location | None) -> dict[str, int]:
    """Where an annotation points.

    ``col``/``endColumn`` are given only for a span on one line: GitHub ignores
    them when ``line`` and ``endLine`` differ.
    """
    if location is None:
        return {"line": 1, "col": 1, "endLine": 1, "endColumn": 2}
    line, column = location.line, location.column
    if location.end_line is None or location.end_column is None:
        return {"line": line, "col": column, "endLine": line, "endColumn": column + 1}
    end_line, end_column = location.end_line, location.end_column
    if end_line > line and end_column <= column:
        # A block collection ends where the next, less indented, token starts:
        # its last character is on the line before.
        end_line -= 1
        if end_line == line:
            return {"line": line, "col": column, "endLine": line}
    if end_line > line:
        return {"line": line, "endLine": end_line}
    return {"line": line, "col": column, "endLine": line, "endColumn": max(end_column, column + 1)}


def annotation(f: Finding, path: str) -> str:
    rule = REGISTRY.get(f.rule)
    title = f"{f.rule} {rule.title}" if rule else f.rule
    props: dict[str, str | int] = {"file": path, **position(f.location), "title": title}
    return command(COMMAND[f.severity], props, f"{f.message.rstrip('.')}. Fix: {f.recommendation}")


def error_annotation(e: ErrorRecord, path: str) -> str:
    return command("error", {"file": path, "line": e.line, "col": e.column}, e.message)


# Summary ----------------------------------------------------------------------


def _one_line(text: str) -> str:
    return visible(text)


def summary_lines(report: Report) -> list[str]:
    files = len(report.results)
    lines = [
        f"partnercheck {report.tool.version} as of {report.as_of.isoformat()}: "
        f"{files} file{'s' if files != 1 else ''} assessed, "
        f"{len(report.errors)} input error{'s' if len(report.errors) != 1 else ''}"
    ]
    for r in report.results:
        lines.extend(_file_lines(r))
    if report.errors:
        lines.append("")
        lines.append("Input errors:")
        lines.extend(
            _one_line(f"{e.file}:{e.line}:{e.column}: error {e.message}") for e in report.errors
        )
    return lines


def _file_lines(r: FileResult) -> list[str]:
    shown = [f for f in r.findings if not f.suppressed]
    suppressed = len(r.findings) - len(shown)
    lines = [
        "",
        _one_line(f"{r.file}: {r.partnership}"),
        f"  score {r.score:.1f}/100 ({r.band.value}), depth {r.depth.value}",
        "  elements:",
    ]
    width = max((len(e.title) for e in r.elements), default=0)
    lines.extend(
        _one_line(f"    {e.title:<{width}}  {e.score:5.1f}  {e.verdict}".rstrip())
        for e in r.elements
    )
    lines.append(
        f"  findings: {len(shown)}" + (f" ({suppressed} suppressed)" if suppressed else "")
    )
    for f in r.findings:
        line, column = (f.location.line, f.location.column) if f.location else (1, 1)
        note = " (suppressed)" if f.suppressed else ""
        where = f"{r.file}:{line}:{column}"
        lines.append(
            _one_line(f"    {where}: {f.severity.value.upper()} {f.rule} {f.message}{note}")
        )
    return lines
