"""What each command does, as plain functions returning an exit code.

The CLI parses options into a :class:`Request` and calls these; they read the
config, run the engine, render with the chosen reporter and write the output
once. Nothing here parses command-line syntax, and nothing here scores.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from partnercheck.app.config import discover, load_settings
from partnercheck.app.files import expand
from partnercheck.app.output import write_atomic
from partnercheck.app.runner import (
    EXIT_ERROR,
    EXIT_OK,
    Job,
    build_report,
    check_all,
    exit_code,
)
from partnercheck.app.settings import Settings
from partnercheck.errors import InputError, InputErrors
from partnercheck.load.yaml_source import HAVE_LIBYAML
from partnercheck.results import Report


@dataclass(frozen=True)
class Request:
    paths: list[str]
    format: str | None = None
    output: Path | None = None
    config: Path | None = None
    overrides: dict[str, object] = field(default_factory=dict)
    baseline: Path | None = None
    statistics: bool = False
    survey: Path | None = None
    show_respondents: bool = False
    quiet: bool = False


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")


def settings_for(request: Request) -> Settings:
    path = request.config if request.config is not None else discover(Path.cwd())
    if request.config is not None and not request.config.is_file():
        raise InputErrors([InputError(str(request.config), 1, 1, "config file not found")])
    return load_settings(path).merged(request.overrides)


def default_format(stream: TextIO) -> str:
    return "rich" if stream.isatty() else "concise"


def _print_errors(errors: list[InputError]) -> None:
    for e in errors:
        _stderr(e.render())


def run_files(request: Request, *, score: bool = True) -> tuple[Report, Settings, int]:
    """Read the settings and check every file: the report, the settings, the file count.

    Raises :class:`InputErrors` when the configuration itself is unusable.
    """
    settings = settings_for(request)
    as_of = settings.as_of or date.today()
    if not HAVE_LIBYAML:
        _stderr(
            "partnercheck: warning: PyYAML has no libyaml; loading is about 9x slower "
            "(reinstall PyYAML with libyaml for full speed)"
        )
    files, missing = expand(request.paths)
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
    # Paths that could not even be read (missing, a dangling link) count as checked and invalid.
    return report, settings, len(files) + len({e.file for e in missing})


def assess(request: Request, *, score: bool = True) -> int:
    """`assess` (and, with ``score=False``, `validate`): check, report, exit code."""
    try:
        report, settings, checked = run_files(request, score=score)
        report = _apply_baseline(report, request)
    except InputErrors as exc:
        _print_errors(exc.errors)
        return EXIT_ERROR
    for error in report.errors:
        _stderr(f"{error.file}:{error.line}:{error.column}: {error.message}")
    code = exit_code(report, settings)
    if not score:
        _validate_summary(checked, report, request)
        return code
    try:
        _emit(report, request, settings)
    except OSError as exc:
        # The output cannot be written (missing folder, permissions, full disk);
        # write_atomic has left any existing file as it was.
        _stderr(f"{request.output}:1:1: cannot write: {exc.strerror or exc}")
        return EXIT_ERROR
    return code


def create_baseline(request: Request, output: Path) -> int:
    """`baseline create`: record every unsuppressed finding; nothing is written on errors."""
    from partnercheck.app.baseline import create

    try:
        report, _, _ = run_files(request)
    except InputErrors as exc:
        _print_errors(exc.errors)
        return EXIT_ERROR
    if report.errors:
        for error in report.errors:
            _stderr(f"{error.file}:{error.line}:{error.column}: {error.message}")
        return EXIT_ERROR
    try:
        write_atomic(output, create(report))
    except OSError as exc:
        _stderr(f"{output}:1:1: cannot write: {exc.strerror or exc}")
        return EXIT_ERROR
    count = sum(1 for r in report.results for f in r.findings if not f.suppressed)
    sys.stdout.write(
        f"Wrote {output}: {count} finding{'s' if count != 1 else ''} "
        f"in {len(report.results)} file(s).\n"
    )
    return EXIT_OK


def _apply_baseline(report: Report, request: Request) -> Report:
    if request.baseline is None:
        return report
    from partnercheck.app.baseline import filter_known

    return filter_known(report, request.baseline)


def _emit(report: Report, request: Request, settings: Settings) -> None:
    from partnercheck.reporters import RenderContext, render

    to_terminal = request.output is None and sys.stdout.isatty()
    fmt = request.format or format_for_output(request.output) or default_format(sys.stdout)
    color = to_terminal and fmt == "rich" and "NO_COLOR" not in os.environ
    # COLUMNS wins, then the terminal's width; 100 when writing to a file or pipe.
    width = shutil.get_terminal_size((100, 24)).columns
    context = RenderContext(
        fail_on=settings.fail_on,
        color=color,
        width=max(60, width),
        show_respondents=request.show_respondents,
        statistics=request.statistics,
    )
    text = render(fmt, report, context)
    if request.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(request.output, text)
    if not request.quiet:
        # A short terminal summary beside the machine-readable file.
        sys.stdout.write(render("concise", report, RenderContext(statistics=request.statistics)))


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
        sys.stdout.write(f"{bad} of {checked} file(s) invalid ({len(report.errors)} {noun})\n")
    else:
        sys.stdout.write(f"{checked} file(s) valid\n")
