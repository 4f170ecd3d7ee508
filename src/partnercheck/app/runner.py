"""One run over many files: load, validate, assess, in order, in parallel if asked.

Workers return plain result records; the report is assembled in input order,
so a parallel run's output is byte-identical to a serial one. A file that
breaks something unexpected becomes an ``internal error`` record of its own:
one bad file never loses the run.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from pathlib import Path, PurePath

from partnercheck._version import __version__
from partnercheck.app.paths import contained, repository_root
from partnercheck.app.settings import Settings
from partnercheck.engine import Loaded, Options, SurveyInput, assess, load
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import STDIN, STDIN_NAME, Source, read_source
from partnercheck.results import ErrorRecord, FileResult, Report, RuleInfo, ToolInfo
from partnercheck.survey.responses import read_responses
from partnercheck.textsafe import MESSAGE_LIMIT, display_name, excerpt, visible

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

# How long checking a file takes, roughly (2 cores, benchmarks/run.py): a fixed
# cost, then a cost per byte. Only the ratio to SECONDS_PER_WORKER matters.
SECONDS_PER_FILE = 0.0012
SECONDS_PER_BYTE = 0.12e-6
# Starting the workers costs about 15 ms, and this process still unpickles every
# result (about 0.2 ms a file) while they work: a worker pays for itself only with
# this much work to do (the "parallel crossover" in benchmarks/README.md).
SECONDS_PER_WORKER = 0.06
# About this many files of a realistic 5 KB keep one worker busy that long.
FILES_PER_WORKER = round(SECONDS_PER_WORKER / (SECONDS_PER_FILE + 5_000 * SECONDS_PER_BYTE))
MAX_CHUNK = 16


@dataclass(frozen=True)
class Job:
    """What a worker needs to check one file (picklable)."""

    settings: Settings
    as_of: date
    score: bool = True
    survey: str | None = None  # --survey: overrides the file's own `survey:` key
    show_respondents: bool = False


@dataclass(frozen=True)
class Outcome:
    result: FileResult | None
    errors: list[InputError]


def options_for(name: str, job: Job) -> Options:
    s = job.settings
    ignore = set(s.ignore) | set(s.extend_ignore)
    posix = PurePath(name).as_posix()
    for pattern, rules in s.per_file_ignores.items():
        if fnmatch(posix, pattern) or fnmatch(PurePath(name).name, pattern):
            ignore.update(rules)
    return Options(
        as_of=job.as_of,
        select=frozenset(s.select),
        ignore=frozenset(ignore),
        severity=dict(s.severity),
        weights=dict(s.weights),
    )


def check_source(source: Source, job: Job) -> Outcome:
    try:
        loaded = load(source)
        if not job.score:
            return Outcome(None, [])
        survey = survey_for(loaded, job)
        return Outcome(assess(loaded, options_for(source.name, job), survey), [])
    except InputErrors as exc:
        return Outcome(None, exc.errors)


# What a survey named inside a partnership file may be: a responses file, never
# some other file of the repository (a .env, a key) that happens to sit there.
SURVEY_SUFFIXES = (".csv", ".tsv", ".txt", ".yaml", ".yml")
SURVEY_REFUSED = (
    "survey must name a responses file (.csv, .tsv, .txt, .yaml or .yml) inside the "
    "repository that holds this file; absolute paths, paths leading out of it (through "
    "'..' or a link) and paths into .git are refused"
)


def survey_for(loaded: Loaded, job: Job) -> SurveyInput | None:
    """Read the survey named by --survey or by the file's `survey:` key.

    ``--survey`` is the user's own choice and may be anywhere. A path in the
    file is relative to the file and must resolve inside its repository; a
    refusal says nothing about what is at the target.
    """
    ids = [x.id for x in loaded.partnership.partners]
    names = {x.id: x.name for x in loaded.partnership.partners}
    max_bytes = job.settings.max_file_size
    if job.survey is not None:
        responses = read_responses(Path(job.survey), ids, max_bytes=max_bytes, partner_names=names)
    elif loaded.partnership.survey is not None:
        target, shown = _survey_path(loaded, loaded.partnership.survey)
        responses = read_responses(
            target, ids, max_bytes=max_bytes, name=shown, partner_names=names
        )
    else:
        return None
    return SurveyInput(responses, job.settings.min_respondents, job.show_respondents)


def _survey_path(loaded: Loaded, written: str) -> tuple[Path, str]:
    """The survey file the partnership names, and how errors show it."""
    node = loaded.root.values["survey"]

    def refuse(message: str) -> InputErrors:
        return InputErrors([InputError(loaded.source.name, node.line, node.column, message)])

    folder = loaded.source.directory
    target = contained(folder, written, repository_root(folder))
    if (
        target is None
        or not written.lower().endswith(SURVEY_SUFFIXES)
        or not target.name.lower().endswith(SURVEY_SUFFIXES)
    ):
        raise refuse(SURVEY_REFUSED)
    if not target.exists():
        raise refuse(f"survey file {excerpt(written)} not found (paths are relative to this file)")
    return target, display_name(str(folder / written))


def check_file(name: str, job: Job) -> Outcome:
    """One file's outcome; never raises for anything in the file."""
    try:
        source = read_source(name, job.settings.max_file_size)
        return check_source(source, job)
    except InputErrors as exc:
        return Outcome(None, exc.errors)
    except Exception as exc:  # a bug of ours: this file's record, not the end of the run
        if os.environ.get("PARTNERCHECK_DEBUG"):
            raise
        shown = STDIN_NAME if name == STDIN else display_name(name)
        message = (
            f"internal error: {type(exc).__name__} while checking this file "
            "(please report it; set PARTNERCHECK_DEBUG=1 to see the traceback)"
        )
        return Outcome(None, [InputError(shown, 1, 1, message)])


# The job of the run a worker process serves, set once when the worker starts: sent
# with every file instead, the Job (with its Settings model) cost the parent a pickling
# and the worker an unpickling per file, a few percent of checking a realistic file.
_WORKER_JOB: dict[str, Job] = {}


def _start_worker(job: Job) -> None:
    # Ctrl-C goes to the parent, which drops queued work; workers print nothing.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_JOB["job"] = job


def _check_in_worker(name: str) -> Outcome:
    return check_file(name, _WORKER_JOB["job"])


def check_all(files: list[str], job: Job, jobs: int | None = None) -> list[Outcome]:
    """Check every file, in order; in parallel when there is enough work to pay for it."""
    return check_with_workers(files, job, planned_workers(files, jobs))


def planned_workers(files: list[str], jobs: int | None = None) -> int:
    """How many processes to use: at most ``jobs`` (default: the usable CPUs), and no
    more than the estimated work keeps busy, so that small runs stay serial."""
    ceiling = jobs or _usable_cpus()
    # Standard input can only be read here, in the parent process.
    if ceiling <= 1 or len(files) < 2 or STDIN in files:
        return 1
    return max(1, min(ceiling, len(files), int(estimated_seconds(files) / SECONDS_PER_WORKER)))


def estimated_seconds(files: list[str]) -> float:
    size = 0
    for name in files:
        with contextlib.suppress(OSError):  # an unreadable file is reported when it is read
            size += Path(name).stat().st_size
    return len(files) * SECONDS_PER_FILE + size * SECONDS_PER_BYTE


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use (taskset, cpusets)
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def check_with_workers(files: list[str], job: Job, workers: int) -> list[Outcome]:
    """Check every file with exactly ``workers`` processes (1: in this process)."""
    if workers <= 1 or STDIN in files:
        return [check_file(name, job) for name in files]
    # Imported here: multiprocessing costs start-up time that one file never needs.
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(job,))
    try:
        # Small chunks keep Ctrl-C prompt: only work already handed out is finished.
        chunk = max(1, min(MAX_CHUNK, len(files) // (workers * 4)))
        outcomes = list(pool.map(_check_in_worker, files, chunksize=chunk))
    except BaseException:
        # Ctrl-C (or a failure): drop queued work at once rather than finish it;
        # workers ignore SIGINT, so they print nothing.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return outcomes


def build_report(
    as_of: date, outcomes: Iterable[Outcome], extra_errors: list[InputError]
) -> Report:
    results: list[FileResult] = []
    errors = [_record(e) for e in extra_errors]
    for outcome in outcomes:
        if outcome.result is not None:
            results.append(outcome.result)
        errors.extend(_record(e) for e in outcome.errors)
    return Report(
        tool=ToolInfo(version=__version__),
        as_of=as_of,
        results=results,
        errors=errors,
        rules=rule_catalogue(),
    )


def rule_catalogue() -> list[RuleInfo]:
    """What reporters may say about each rule, so that none of them reads the registry."""
    from partnercheck.rules import REGISTRY

    return [
        RuleInfo(
            id=r.id,
            title=r.title,
            severity=r.severity,
            element=r.element,
            challenge=r.challenge,
            rationale=r.rationale,
            recommendation=r.recommendation,
            example=r.example,
        )
        for r in sorted(REGISTRY.values(), key=lambda r: r.id)
    ]


def _record(e: InputError) -> ErrorRecord:
    """An error as the report carries it: a name every encoder accepts, a capped message."""
    return ErrorRecord(
        file=display_name(e.file),
        line=e.line,
        column=e.column,
        message=visible(e.message, MESSAGE_LIMIT),
    )
