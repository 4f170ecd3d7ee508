"""Where each checked file lies in its repository, found without running git.

Code scanning, GitLab, GitHub annotations and baselines all name a file by its
path from the repository root, whatever folder partnercheck ran in. The root is
the nearest folder at or above the file that holds a ``.git`` entry (a folder,
or the file a worktree or submodule has), else the folder of the config file
in use, else the working directory. ``git`` itself is never run: the files come
from untrusted pull requests, and a repository's own git config (core.fsmonitor
and the like) can run commands.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from partnercheck.app.paths import GIT
from partnercheck.load import STDIN_NAME
from partnercheck.results import ErrorRecord, FileResult, Report, SourcePath


def _git_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` (absolute) with a ``.git`` entry."""
    current = PurePosixPath(folder)
    for candidate in (current, *current.parents):
        try:
            if os.path.lexists(candidate / GIT):
                return str(candidate)
        except (OSError, ValueError):
            return None
    return None


def _absolute(path: Path) -> PurePosixPath:
    """``path`` made absolute and normalised without following symbolic links."""
    return PurePosixPath(os.path.normpath(path.absolute().as_posix()))


def _inside(path: PurePosixPath, root: str) -> bool:
    return path.is_relative_to(root)


def source_path(file: str, fallbacks: tuple[Path, ...]) -> SourcePath | None:
    """``file`` relative to its repository root (see the module docstring); None for stdin.

    Paths are made absolute lexically (no symbolic link is followed), so the
    path is the one the file has in the checkout.
    """
    if file == STDIN_NAME:
        return None
    try:
        absolute = _absolute(Path(file))
    except (OSError, ValueError):
        return None
    roots = [_git_root(str(absolute.parent))]
    roots += [str(_absolute(folder)) for folder in fallbacks]
    for root in roots:
        if root is not None and _inside(absolute, root):
            return SourcePath(root=root, path=absolute.relative_to(root).as_posix())
    return SourcePath(root=None, path=str(absolute))


def locate(report: Report, config: Path | None) -> Report:
    """``report`` with the source path of every result and error."""
    fallbacks = (*((config.parent,) if config is not None else ()), Path.cwd())

    def placed_result(r: FileResult) -> FileResult:
        return r.model_copy(update={"source": source_path(r.file, fallbacks)})

    def placed_error(e: ErrorRecord) -> ErrorRecord:
        return e.model_copy(update={"source": source_path(e.file, fallbacks)})

    return report.model_copy(
        update={
            "results": [placed_result(r) for r in report.results],
            "errors": [placed_error(e) for e in report.errors],
        }
    )
