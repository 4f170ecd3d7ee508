"""Score history: follow one file through git and assess each committed version.

:func:`read_versions` is the one reader of git; everything else is a pure function
of its versions. Each version is assessed at its own commit date, so a history
shows how the file scored when it was written, not how it scores today. Rendering
lives in :mod:`partnercheck.reporters.progress_text` and ``reporters.html``.

Every version's bytes are read through ``git cat-file blob`` (no filters, no
textconv), at most the byte limit plus one; a commit whose date Python cannot
hold (past year 9999) is skipped with a located error. Versions are scored
without a survey: the file's ``survey:`` key is never followed here.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partnercheck._version import __version__
from partnercheck.app.gitread import read_blob, run_git
from partnercheck.comparison import History, HistoryPoint, KpiPoint
from partnercheck.engine import Options, assess, load
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import Source
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, decode
from partnercheck.results import ToolInfo
from partnercheck.textsafe import MESSAGE_LIMIT, excerpt, visible


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    commit: str
    date: date
    path: str  # at that commit, relative to the repository root
    data: bytes | None  # None when the file cannot be read at that commit
    problem: str = ""


def _log(folder: Path, file: str, path: Path) -> list[tuple[str, str, str]]:
    """(commit, committer date as written, path at that commit), newest first."""
    try:
        log = run_git(
            folder, "log", "--follow", "--name-only", "--format=%x00%H %cs", "--", path.name
        ).decode("utf-8", "replace")
    except RuntimeError as exc:
        raise InputErrors([InputError(file, 1, 1, f"cannot read the git log: {exc}")]) from None
    entries: list[tuple[str, str, str]] = []
    newer_path = ""
    for chunk in log.split("\0")[1:]:
        head, *names = [line for line in chunk.splitlines() if line.strip()] or [""]
        sha, _, day = head.partition(" ")
        newer_path = names[0] if names else newer_path  # a merge lists no name
        entries.append((sha, day, newer_path))
    return entries


def read_versions(
    file: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Version], list[InputError]]:
    """Every committed version of ``file``, oldest first, following renames.

    Also returns an error for each commit that had to be skipped (a date past
    year 9999). Raises :class:`InputErrors` when the file is not in a git
    repository or was never committed.
    """
    path = Path(file)
    folder = path.parent
    if not folder.is_dir():
        raise InputErrors([InputError(file, 1, 1, f"no such directory: {folder}")])
    try:
        run_git(folder, "rev-parse", "--show-toplevel")
    except RuntimeError as exc:
        raise InputErrors([InputError(file, 1, 1, f"not in a git repository ({exc})")]) from None
    entries = _log(folder, file, path)
    if not entries:
        raise InputErrors([InputError(file, 1, 1, "the file has no committed versions")])
    versions: list[Version] = []
    skipped: list[InputError] = []
    for sha, day, at in reversed(entries):
        try:
            committed = date.fromisoformat(day)
        except ValueError:
            shown = excerpt(day, 20)
            message = f"commit {sha[:10]} has a date outside years 1-9999 ({shown}); skipped"
            skipped.append(InputError(file, 1, 1, message))
            continue
        try:
            data: bytes | None = read_blob(folder, f"{sha}:{at}", file, max_bytes)
            problem = ""
        except RuntimeError as exc:
            data, problem = None, f"not readable at this commit: {exc}"
        except InputErrors as exc:  # over the size limit
            data, problem = None, exc.errors[0].message
        versions.append(Version(sha, committed, at, data, problem))
    return versions, skipped


OptionsFor = Callable[[str, date], Options]


def assess_version(
    name: str, directory: Path, version: Version, options_for: OptionsFor
) -> HistoryPoint:
    """Assess one committed version at its commit date; input errors become the point's error.

    So does anything unexpected (an ``internal error``): one version never stops the others.
    """
    try:
        if version.data is None:
            raise InputErrors([InputError(name, 1, 1, version.problem or "not readable")])
        source = Source(name, decode(version.data, name), directory)
        result = assess(load(source), options_for(name, version.date))
    except Exception as exc:
        if isinstance(exc, InputErrors):
            first = exc.errors[0]
            more = f" (and {len(exc.errors) - 1} more)" if len(exc.errors) > 1 else ""
            error = f"{first.line}:{first.column}: {visible(first.message, MESSAGE_LIMIT)}{more}"
        elif os.environ.get("PARTNERCHECK_DEBUG"):
            raise
        else:
            error = f"internal error: {type(exc).__name__} while checking this version"
        return HistoryPoint(
            commit=version.commit,
            date=version.date,
            score=None,
            band=None,
            elements={},
            error=error,
        )
    return HistoryPoint(
        commit=version.commit,
        date=version.date,
        score=result.score,
        band=result.band,
        elements={e.id.value: e.score for e in result.elements},
        kpis=[
            KpiPoint(
                name=k.name, current=k.current, target=k.target, better=k.better, state=k.state
            )
            for k in result.kpis
        ],
        cap=(result.cap.text or result.cap.reason) if result.cap else None,
    )


def build_history(
    name: str, directory: Path, versions: Sequence[Version], options_for: OptionsFor
) -> History:
    """Assess every version; one broken version does not stop the others."""
    return History(
        tool=ToolInfo(version=__version__),
        file=name,
        versions=[assess_version(name, directory, v, options_for) for v in versions],
    )
