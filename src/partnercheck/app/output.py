"""Writing results: whole files, atomically, so no run leaves half an output."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    folder = path.parent if str(path.parent) else Path()
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temp_path = Path(temp)
        if path.exists():
            temp_path.chmod(path.stat().st_mode & 0o777)
        else:
            temp_path.chmod(0o666 & ~_umask())
        temp_path.replace(path)
    except BaseException:
        # Interrupted or failed: remove the temporary file, leave the target as it was.
        Path(temp).unlink(missing_ok=True)
        raise


def write_or_report(path: Path, text: str) -> int:
    """Write atomically; on failure print a located one-line error. The exit code."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        sys.stderr.write(f"{path}:1:1: cannot write: {exc.strerror or exc}\n")
        return 2
    return 0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
