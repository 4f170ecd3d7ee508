"""Score history: follow one file through git and assess each committed version.

:func:`read_versions` is the one reader of git; everything else is a pure function
of its versions. Each version is assessed at its own commit date, so a history
shows how the file scored when it was written, not how it scores today. Rendering
lives in :mod:`partnercheck.reporters.progress_text` and ``reporters.html``.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partnercheck._version import __version__
from partnercheck.engine import Options, assess, load
from partnercheck.errors import InputError, InputErrors
from partnercheck.load import Source
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, check_size, decode
from partnercheck.results import Band, ElementId, Frozen, ToolInfo


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
    """Assess every version; one broken version does not stop the others."""
    return History(
        tool=ToolInfo(version=__version__),
        file=name,
        versions=[assess_version(name, directory, v, options_for, max_bytes) for v in versions],
    )


def trend_rows(history: History) -> list[tuple[str, list[float | None]]]:
    """(label, scores oldest first) for the overall score and each element."""
    rows: list[tuple[str, list[float | None]]] = [("Overall", [v.score for v in history.versions])]
    for element in ElementId:
        rows.append((element.value, [v.elements.get(element.value) for v in history.versions]))
    return rows
