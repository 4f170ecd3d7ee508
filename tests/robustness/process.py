"""Running ``python -m partnercheck`` as a user would, and reading what they would see."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import EXAMPLES

KILL_AFTER = 30.0  # a hang fails the test instead of blocking the suite
LOCATED = re.compile(r"^[^\n]+:\d+:\d+: [^\n]+$")
AS_OF = ("--as-of", "2026-11-26")
RIVERSIDE = (EXAMPLES / "riverside.yaml").read_text(encoding="utf-8")
# The sound test partnership, which has no findings, with goal G1's target (on the
# goal and on its KPI) removed: exactly one finding, PC104, which names G1.
ONE_FINDING = (
    (Path(__file__).parent.parent / "fixtures" / "sound.yaml")
    .read_text(encoding="utf-8")
    .replace("    target: 250\n", "", 1)
    .replace("      target: 250\n", "", 1)
)


@dataclass(frozen=True)
class Seen:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """Standard error's lines."""
        return self.stderr.splitlines()


def cli(
    *args: str | Path,
    cwd: Path,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    stdout_path: str | None = None,
    close: tuple[int, ...] = (),
) -> Seen:
    """Run the CLI; ``close`` lists standard streams (0, 1) the child starts without."""
    closer: Callable[[], None] | None = None
    if close:

        def closer() -> None:
            for fd in close:
                os.close(fd)

    out = open(stdout_path, "wb") if stdout_path else subprocess.PIPE  # noqa: SIM115, PTH123
    try:
        done = subprocess.run(
            [sys.executable, "-m", "partnercheck", *map(str, args)],
            cwd=cwd,
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
            preexec_fn=closer,
            timeout=KILL_AFTER,
            check=False,
        )
    finally:
        if stdout_path:
            out.close()  # type: ignore[union-attr]
    return Seen(
        done.returncode,
        (done.stdout or b"").decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def assert_one_located_error(seen: Seen, *fragments: str) -> str:
    """Exit 2, no traceback, exactly one ``FILE:LINE:COL: message`` line holding each fragment."""
    assert seen.code == 2, seen
    assert "Traceback" not in seen.stderr + seen.stdout
    assert len(seen.lines) == 1, seen.stderr
    [line] = seen.lines
    assert LOCATED.match(line), line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


def partnership(folder: Path, name: str = "p.yaml", extra: str = "") -> Path:
    """The riverside example, plus ``extra`` lines at the end."""
    path = folder / name
    path.write_text(RIVERSIDE + extra, encoding="utf-8")
    return path
