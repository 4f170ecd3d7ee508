"""Which files a run checks: paths as given, directories expanded in a stable order.

A path named on the command line is the user's choice and is read wherever it
leads (if it is a regular file). Inside a folder, which a pull request may
fill, nothing is skipped silently: a dangling link, a link out of the
repository (or into .git) and a FIFO or device named ``*.yaml`` are each
reported as an error record.
"""

from __future__ import annotations

import stat
from pathlib import Path

from partnercheck.app.paths import inside, repository_root
from partnercheck.errors import InputError
from partnercheck.load import STDIN, kind_of

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Files to check, and errors for paths that do not exist or cannot be checked.

    Order: as given, directories sorted; a file named twice is checked once.
    """
    files: list[str] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    for name in paths:
        found: list[str]
        if name == STDIN:
            found = [STDIN]
        else:
            path = Path(name)
            if path.is_dir():
                found, problems = _walk(path)
                errors.extend(problems)
            elif path.exists() or path.is_symlink():
                found = [name]  # read_bytes refuses what is not a regular file
            else:
                errors.append(InputError(name, 1, 1, "no such file or directory"))
                found = []
        for f in found:
            if f not in seen:
                seen.add(f)
                files.append(f)
    return files, errors


def _walk(folder: Path) -> tuple[list[str], list[InputError]]:
    """Every ``*.yaml``/``*.yml`` below ``folder`` (hidden folders and files skipped)."""
    root = repository_root(folder)
    found: list[str] = []
    problems: list[InputError] = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in SUFFIXES or any(
            part.startswith(".") for part in path.relative_to(folder).parts
        ):
            continue
        problem = _problem(path, root)
        if problem is not None:
            problems.append(InputError(str(path), 1, 1, problem))
        elif not path.is_dir():  # a folder named x.yaml is walked, not read
            found.append(str(path))
    return found, problems


def _problem(path: Path, root: Path) -> str | None:
    """Why a walked path cannot be checked, or None."""
    try:
        # A link out is refused before looking at its target: the message says nothing about it.
        if path.is_symlink() and not inside(path.resolve(), root):
            return "symbolic link leads outside the repository (or into .git); not followed"
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link: its target does not exist"
    except (OSError, RuntimeError) as exc:  # a link loop, permissions
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "a link loop"
        return f"cannot read file: {reason}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"{kind_of(mode)}, not a regular file; not read"
