"""What each command does, as plain functions returning an exit code.

The CLI parses options into a :class:`Request` and calls these; they read the
config, run the engine, render with the chosen reporter and write the output
once. Nothing here parses command-line syntax, and nothing here scores.
Everything printed on standard error goes through :mod:`partnercheck.textsafe`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from partnercheck.app.config import discover, load_settings
from partnercheck.app.files import expand
from partnercheck.app.output import (
    check_output,
    console_settings,
    is_stdout,
    print_error,
    write_output,
    write_stdout,
)
from partnercheck.app.runner import EXIT_ERROR, EXIT_OK, Job, build_report, check_all
from partnercheck.app.settings import Settings
from partnercheck.app.sources import locate
from partnercheck.app.threshold import exit_code, judge, stderr_line
from partnercheck.errors import InputError, InputErrors
from partnercheck.load.yaml_source import HAVE_LIBYAML
from partnercheck.results import Report
from partnercheck.textsafe import located, visible


@dataclass(frozen=True)
class Request:
    paths: list[str]
    format: str | None = None
    output: Path | None = None  # None or "-": standard output
    config: Path | None = None
    overrides: dict[str, object] = field(default_factory=dict)
    baseline: Path | None = None
    statistics: bool = False
    survey: Path | None = None
    show_respondents: bool = False
    quiet: bool = False


def _stderr(line: str) -> None:
    print_error(visible(line))


def config_path(request: Request) -> Path | None:
    """The config file a run reads: --config, else the nearest one found upward."""
    if request.config is None:
        return discover(Path.cwd())
    if not request.config.exists() and not request.config.is_symlink():
        raise InputErrors([InputError(str(request.config), 1, 1, "config file not found")])
    return request.config


def settings_for(request: Request) -> Settings:
    return load_settings(config_path(request)).merged(request.overrides)


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ValueError):
        return False


def default_format() -> str:
    return "rich" if stdout_is_terminal() else "concise"


def _print_errors(errors: list[InputError]) -> None:
    for e in errors:
        print_error(e.render())


def run_files(request: Request, *, score: bool = True) -> tuple[Report, Settings, int]:
    """Read the settings and check every file: the report, the settings, the file count.

    Raises :class:`InputErrors` when the configuration itself is unusable, or
    when ``request.output`` cannot be written (checked before any work).
    """
    settings = settings_for(request)
    as_of = settings.as_of or date.today()
    if not HAVE_LIBYAML:
        _stderr(
            "partnercheck: warning: PyYAML has no libyaml; loading is about 9x slower "
            "(reinstall PyYAML with libyaml for full speed)"
        )
    files, missing = expand(request.paths)
    if not is_stdout(request.output):
        assert request.output is not None
        given = (request.survey, request.baseline, config_path(request))
        check_output(request.output, [*files, *(p for p in given if p is not None)])
    job = Job(
        settings=settings,
        as_of=as_of,
        score=score,
        survey=str(request.survey) if request.survey else None,
        show_respondents=request.show_respondents,
    )
    if not files and not missing:
        _stderr(
            "partnercheck: warning: no *.yaml or *.yml files found in " + ", ".join(request.paths)
        )
    report = build_report(as_of, check_all(files, job, settings.jobs), missing)
    report = locate(report, config_path(request))
    # Paths that could not even be read (missing, a dangling link) count as checked and invalid.
    return report, settings, len(files) + len({e.file for e in missing})


def _print_report_errors(report: Report) -> None:
    for error in report.errors:
        print_error(located(error.file, error.line, error.column, error.message))


def assess(request: Request, *, score: bool = True) -> int:
    """`assess` (and, with ``score=False``, `validate`): check, report, exit code."""
    try:
        report, settings, checked = run_files(request, score=score)
        report = judge(_apply_baseline(report, request), settings)
    except InputErrors as exc:
        _print_errors(exc.errors)
        return EXIT_ERROR
    _print_report_errors(report)
    code = exit_code(report)
    try:
        if not score:
            _validate_summary(checked, report, request)
        else:
            _emit(report, request)
    except InputErrors as exc:
        # The output cannot be written (missing folder, permissions, full disk, a
        # device); write_output has left any existing file as it was.
        _print_errors(exc.errors)
        return EXIT_ERROR
    verdict = stderr_line(report) if score else None
    if verdict is not None:
        _stderr(verdict)
    return code


def create_baseline(request: Request) -> int:
    """`baseline create`: record every unsuppressed finding; nothing is written on errors."""
    from partnercheck.app.baseline import create

    try:
        report, _, _ = run_files(request)
    except InputErrors as exc:
        _print_errors(exc.errors)
        return EXIT_ERROR
    if report.errors:
        _print_report_errors(report)
        return EXIT_ERROR
    count = sum(1 for r in report.results for f in r.findings if not f.suppressed)
    recorded = f"{count} finding{'s' if count != 1 else ''} in {len(report.results)} file(s)."
    try:
        write_output(request.output, create(report))
        if is_stdout(request.output):  # standard output holds the baseline; the note goes aside
            _stderr(f"Wrote the baseline to standard output: {recorded}")
        else:
            write_stdout(f"Wrote {visible(str(request.output))}: {recorded}\n")
    except InputErrors as exc:
        _print_errors(exc.errors)
        return EXIT_ERROR
    return EXIT_OK


def _apply_baseline(report: Report, request: Request) -> Report:
    if request.baseline is None:
        return report
    from partnercheck.app.baseline import filter_known

    return filter_known(report, request.baseline)


def _emit(report: Report, request: Request) -> None:
    from partnercheck.reporters import RenderContext, render

    to_stdout = is_stdout(request.output)
    implied = None if to_stdout else format_for_output(request.output)
    fmt = request.format or implied or default_format()
    console = console_settings() if fmt == "rich" and to_stdout else None
    context = RenderContext(
        color=console is not None and console.color_system is not None,
        color_system=(console and console.color_system) or "standard",
        no_color=console is not None and console.no_color,
        width=console.width if console is not None else 100,
        show_respondents=request.show_respondents,
        statistics=request.statistics,
    )
    write_output(request.output, render(fmt, report, context))
    if not to_stdout and not request.quiet:
        # One line per file and a total beside the machine-readable file (-q: none).
        from partnercheck.reporters.concise import output_summary

        assert request.output is not None
        summary = output_summary(report, str(request.output), request.statistics)
        write_stdout(summary)


SUFFIX_FORMATS = {
    ".json": "json",
    ".sarif": "sarif",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "concise",
}


def format_for_output(output: Path | None) -> str | None:
    """The format an output file's name implies (report.sarif -> sarif)."""
    return SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None


def _validate_summary(checked: int, report: Report, request: Request) -> None:
    if request.quiet:
        return
    bad = len({e.file for e in report.errors})
    if bad:
        noun = "error" if len(report.errors) == 1 else "errors"
        write_stdout(f"{bad} of {checked} file(s) invalid ({len(report.errors)} {noun})\n")
    else:
        write_stdout(f"{checked} file(s) valid\n")
