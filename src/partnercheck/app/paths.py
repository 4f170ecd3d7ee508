"""Where a path from inside a file (or found in a walk) may lead: nowhere outside the repository.

A partnership file comes from an untrusted pull request, so a path it names
(``survey:``) and a symbolic link found while walking a folder are followed
only when they resolve inside the repository that holds them (the nearest
folder with a ``.git``, else the folder itself), and never into ``.git``,
which holds credentials a checkout may have saved. Refusals never say what is
at the target, not even whether it exists.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

GIT = ".git"


def repository_root(folder: Path) -> Path:
    """The nearest folder at or above ``folder`` that holds ``.git``; else ``folder``, resolved."""
    start = folder.resolve()
    for candidate in (start, *start.parents):
        if (candidate / GIT).exists():
            return candidate
    return start


def inside(target: Path, root: Path) -> bool:
    """Whether resolved ``target`` lies inside ``root`` and not in its ``.git``."""
    if not target.is_relative_to(root):
        return False
    return all(part.lower() != GIT for part in target.relative_to(root).parts)


def contained(base: Path, relative: str, root: Path) -> Path | None:
    """``base / relative`` resolved (symbolic links followed) if it stays inside ``root``.

    None for an absolute path (POSIX or Windows style), a path that leaves
    ``root`` through ``..`` or a link, a path into ``.git``, or one that cannot
    be resolved (a link loop, a NUL character).
    """
    if PurePosixPath(relative).is_absolute() or PureWindowsPath(relative).anchor:
        return None
    try:
        target = (base / relative).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    return target if inside(target, root) else None
