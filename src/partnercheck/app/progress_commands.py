"""The ``diff`` and ``history`` commands as plain functions returning an exit code.

The CLI parses and validates options, then calls these with plain values. They
read the config, build the diff or history, render it in the chosen format and
write it once (stdout, or atomically to a file). Located input errors go to
stderr as ``file:line:column: message`` and give exit code 2.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from partnercheck.app.commands import Request, config_path, settings_for
from partnercheck.app.gitread import read_committed, revision_spec
from partnercheck.app.history import build_history, read_versions
from partnercheck.app.output import (
    check_output,
    console_settings,
    is_stdout,
    print_error,
    write_output,
)
from partnercheck.app.progress import parse_json_report
from partnercheck.app.runner import EXIT_ERROR, EXIT_OK, Job, options_for
from partnercheck.app.settings import Settings
from partnercheck.comparison import Diff, History, diff_reports
from partnercheck.engine import Options, assess, load
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import Source, read_source
from partnercheck.load.yaml_source import decode
from partnercheck.reporters import progress_text
from partnercheck.results import FileResult

# (record, color, width) -> text; only the rich renderings use color and width.
DiffRenderer = Callable[[Diff, bool, int], str]
HistoryRenderer = Callable[[History, bool, int], str]


def _history_html(history: History, color: bool, width: int) -> str:
    from partnercheck.reporters.html import render_history  # jinja2 only when asked for

    return render_history(history)


def _diff_html(diff: Diff, color: bool, width: int) -> str:
    from partnercheck.reporters.diff_html import render_diff  # jinja2 only when asked for

    return render_diff(diff)


DIFF_RENDERERS: dict[str, DiffRenderer] = {
    "rich": progress_text.render_diff_rich,
    "json": lambda diff, color, width: progress_text.render_diff_json(diff),
    "markdown": lambda diff, color, width: progress_text.render_diff_markdown(diff),
    "html": _diff_html,
}
HISTORY_RENDERERS: dict[str, HistoryRenderer] = {
    "rich": progress_text.render_history_rich,
    "json": lambda history, color, width: progress_text.render_history_json(history),
    "html": _history_html,
}
DIFF_FORMATS = list(DIFF_RENDERERS)
HISTORY_FORMATS = list(HISTORY_RENDERERS)
SUFFIXES = {".json": "json", ".md": "markdown", ".html": "html", ".htm": "html"}


def choose_format(given: str | None, output: Path | None, choices: list[str]) -> str:
    """The given format, else the one the output file's suffix implies, else rich."""
    if given is not None:
        return given
    implied = SUFFIXES.get(output.suffix.lower()) if not is_stdout(output) and output else None
    return implied if implied in choices else "rich"


def run_diff(
    old: str,
    new: str,
    *,
    format: str | None = None,
    output: Path | None = None,
    as_of: date | None = None,
    config: Path | None = None,
    old_as_of: date | None = None,
    new_as_of: date | None = None,
) -> int:
    """Compare two partnership files, ``REV:path`` versions or JSON results; 0 on success,
    2 on bad input. Each version is assessed at its own date: its commit date for
    ``REV:path``, else ``--old-as-of``/``--new-as-of``, else ``--as-of`` (default today)."""
    fmt = choose_format(format, output, DIFF_FORMATS)
    try:
        settings = _settings(config, as_of)
        _check_output(output, [x for x in (old, new) if revision_spec(x) is None], config)
        before, old_day = _results(old, settings, old_as_of)
        after, new_day = _results(new, settings, new_as_of)
        result = diff_reports(old, new, before, after)
    except InputErrors as exc:
        return _fail(exc.errors)
    result = result.model_copy(
        update={
            "files": [
                d.model_copy(update={"old_as_of": old_day, "new_as_of": new_day})
                for d in result.files
            ]
        }
    )
    color, width = _terminal()
    return _emit(DIFF_RENDERERS[fmt](result, color and is_stdout(output), width), output)


def run_history(
    file: str,
    *,
    format: str | None = None,
    output: Path | None = None,
    config: Path | None = None,
) -> int:
    """Score every committed version of ``file``; 0 on success, 2 on bad input."""
    fmt = choose_format(format, output, HISTORY_FORMATS)
    try:
        settings = _settings(config, None)
        _check_output(output, [file], config)
        versions, skipped = read_versions(file, settings.max_file_size)
    except InputErrors as exc:
        return _fail(exc.errors)
    result = build_history(
        file, Path(file).parent, versions, lambda name, day: _options(settings, name, day)
    )
    color, width = _terminal()
    code = _emit(HISTORY_RENDERERS[fmt](result, color and is_stdout(output), width), output)
    # A skipped commit is something the run could not check.
    return _fail(skipped) if skipped and code == EXIT_OK else code


def _check_output(output: Path | None, inputs: list[str], config: Path | None) -> None:
    if not is_stdout(output):
        assert output is not None
        used = config_path(Request(paths=[], config=config))
        check_output(output, [*inputs, *([used] if used is not None else [])])


def _fail(errors: list[InputError]) -> int:
    for e in errors:
        print_error(e.render())
    return EXIT_ERROR


def _settings(config: Path | None, as_of: date | None) -> Settings:
    return settings_for(Request(paths=[], config=config, overrides={"as_of": as_of}))


def _options(settings: Settings, name: str, as_of: date) -> Options:
    return options_for(name, Job(settings=settings, as_of=as_of))


def _results(
    name: str, settings: Settings, as_of: date | None
) -> tuple[list[FileResult], date | None]:
    """A JSON result's files (and its date), or the assessment of a partnership file:
    ``REV:path`` at its commit date, a file at ``as_of`` (else --as-of, else today)."""
    spec = revision_spec(name)
    if spec is not None:
        committed = read_committed(spec, name, settings.max_file_size)
        source = Source(name, decode(committed.data, name), Path.cwd())
        day = as_of or committed.date
        return [assess(load(source), _options(settings, spec.path, day))], day
    source = read_source(name, settings.max_file_size)
    parsed = parse_json_report(source.text, source.name)
    if parsed is not None:
        return parsed.results, parsed.as_of
    day = as_of or settings.as_of or date.today()
    return [assess(load(source), _options(settings, source.name, day))], day


def _emit(text: str, output: Path | None) -> int:
    """Write once: to stdout, or atomically to ``output``."""
    try:
        write_output(output, text)
    except InputErrors as exc:
        return _fail(exc.errors)
    return EXIT_OK


def _terminal() -> tuple[bool, int]:
    """(colour?, width) as rich's Console detects them (FORCE_COLOR, NO_COLOR, TERM=dumb)."""
    settings = console_settings()
    return settings.color_system is not None and not settings.no_color, settings.width
