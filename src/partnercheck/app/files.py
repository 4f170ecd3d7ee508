"""Which files a run checks: paths as given, directories expanded in a stable order."""

from __future__ import annotations

from pathlib import Path

from partnercheck.errors import InputError
from partnercheck.load import STDIN

SUFFIXES = (".yaml", ".yml")


def expand(paths: list[str]) -> tuple[list[str], list[InputError]]:
    """Files to check, and errors for paths that do not exist. Order: as given,
    directories sorted; a file named twice is checked once."""
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
                found = sorted(
                    str(p)
                    for p in path.rglob("*")
                    if p.suffix in SUFFIXES
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            elif path.exists():
                found = [name]
            else:
                errors.append(InputError(name, 1, 1, "no such file or directory"))
                found = []
        for f in found:
            if f not in seen:
                seen.add(f)
                files.append(f)
    return files, errors
