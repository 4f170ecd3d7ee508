"""Reading committed files from git, for ``history`` and for ``diff REV:path``.

The files and revisions come from untrusted pull requests, so git is run with
a fixed argument list (never a shell), values are checked before they reach
it (a revision or path never starts with ``-``, holds no control character,
and ``--end-of-options`` or ``--`` separates it from options anyway), and the
repository's own configuration cannot start programs: no pager, no fsmonitor
hook, no external diff or textconv (``cat-file blob`` applies no filter).
Blobs are read through the size-limited reader, at most the limit plus one
byte.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from partnercheck.errors import InputError, InputErrors
from partnercheck.load import read_capped

GIT = [
    "git",
    "--no-pager",
    "-c",
    "core.quotePath=false",
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "diff.external=",
]
# A revision as people write one: names, hashes, ~ ^ @ { } and dots; no spaces, no colon.
REVISION = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./@{}~^+-]{0,199}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def run_git(folder: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            [*GIT, *args],
            cwd=folder,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except OSError as exc:
        raise RuntimeError(f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode:
        raise RuntimeError(first_line(done.stderr) or f"git {args[0]} failed")
    return done.stdout


def first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else ""


def read_blob(folder: Path, spec: str, name: str, max_bytes: int) -> bytes:
    """One committed file's bytes, read at most ``max_bytes`` plus one (InputErrors if over)."""
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(
                [*GIT, "cat-file", "blob", spec],
                cwd=folder,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except OSError as exc:
            raise RuntimeError(f"cannot run git: {exc.strerror or exc}") from None
        assert proc.stdout is not None
        try:
            data = read_capped(proc.stdout.read, max_bytes, name)
        except BaseException:
            proc.kill()
            raise
        finally:
            proc.stdout.close()
            proc.wait()
        if proc.returncode:
            errors.seek(0)
            raise RuntimeError(first_line(errors.read()) or "git cat-file failed")
    return data


@dataclass(frozen=True)
class RevisionSpec:
    """``REV:path`` as given on the command line."""

    revision: str
    path: str


def revision_spec(text: str) -> RevisionSpec | None:
    """``REV:path`` when ``text`` has that form and is not a file that exists, else None.

    ``path`` is relative to the repository root, or to the working directory when
    it starts with ``./`` or ``../`` (as git reads it).
    """
    if ":" not in text or Path(text).exists():
        return None
    revision, _, path = text.partition(":")
    if not REVISION.fullmatch(revision) or ".." in revision:
        return None
    if not path or path.startswith("-") or CONTROL.search(path):
        return None
    return RevisionSpec(revision, path)


@dataclass(frozen=True)
class Committed:
    """A file as committed at one revision."""

    commit: str
    date: date  # the commit's committer date
    data: bytes


def read_committed(spec: RevisionSpec, name: str, max_bytes: int) -> Committed:
    """The file at ``spec``, with its commit and commit date; InputErrors naming ``name``."""
    folder = Path.cwd()
    try:
        sha = (
            run_git(
                folder,
                "rev-parse",
                "--verify",
                "--quiet",
                "--end-of-options",
                f"{spec.revision}^{{commit}}",
            )
            .decode("ascii", "replace")
            .strip()
        )
    except RuntimeError as exc:
        message = (
            f"not a git revision: {spec.revision} ({exc})"
            if str(exc)
            else (f"not a git revision: {spec.revision}")
        )
        raise InputErrors([InputError(name, 1, 1, message)]) from None
    try:
        day = run_git(folder, "show", "-s", "--no-notes", "--format=%cs", sha, "--")
        committed = date.fromisoformat(day.decode("ascii", "replace").strip())
        data = read_blob(folder, f"{sha}:{spec.path}", name, max_bytes)
    except (RuntimeError, ValueError) as exc:
        raise InputErrors([InputError(name, 1, 1, f"cannot read {name}: {exc}")]) from None
    return Committed(sha, committed, data)
