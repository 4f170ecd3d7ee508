"""Hostile files through a real ``python -m partnercheck`` process: refused fast, cheaply,
with one located line on standard error and never a traceback.

Every file is made at test time under tmp_path; nothing large is committed.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

# CPU seconds of the child, start-up included: unlike wall-clock time, they do not grow
# when other work shares the machine, so the limit does not flake on a busy CI box.
CPU_LIMIT = 3.0
KILL_AFTER = 20.0
ADDRESS_SPACE = 1 << 30  # RLIMIT_AS of the child: 1 GiB
MAX_RSS = 300 * 1024 * 1024
LOCATED = re.compile(r"^.+:\d+:\d+: .+$")


RIVERSIDE = (EXAMPLES / "riverside.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Finished:
    code: int
    stdout: str
    stderr: str
    cpu_seconds: float  # user + system time of the child alone
    maxrss: int  # bytes


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def partnercheck(*args: str, cwd: Path, stdin: Path | None = None) -> Finished:
    """Run ``python -m partnercheck ARGS`` under a memory limit; its own peak RSS
    comes from wait4, so other children of this test run do not count."""
    out, err = cwd / ".stdout", cwd / ".stderr"
    with (
        out.open("wb") as o,
        err.open("wb") as e,
        stdin.open("rb") if stdin else open(os.devnull, "rb") as i,  # noqa: PTH123
    ):
        proc = subprocess.Popen(
            [sys.executable, "-m", "partnercheck", *args],
            cwd=cwd,
            stdin=i,
            stdout=o,
            stderr=e,
            preexec_fn=_limit_memory,
        )
        # Wait for the process itself (no polling); a watchdog kills a hung one.
        watchdog = threading.Timer(KILL_AFTER, proc.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            watchdog.cancel()
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            pytest.fail(f"partnercheck {' '.join(args)} still running after {KILL_AFTER} s")
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Finished(
        proc.returncode,
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss * 1024,
    )


# --- the corpus: each builder writes one hostile file and returns its name -------------


def alias_bomb(folder: Path) -> str:
    lines = ["lol0: &lol0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (folder / "bomb.yaml").write_text("\n".join(lines) + "\n")
    return "bomb.yaml"


def deep_flow(folder: Path) -> str:
    (folder / "deep-flow.yaml").write_text("partnercheck: " + "[" * 100_000 + "\n")
    return "deep-flow.yaml"


def deep_block(folder: Path) -> str:
    text = (
        "".join(f"{'  ' * level}level{level}:\n" for level in range(1_000)) + "  " * 1_000 + "x\n"
    )
    (folder / "deep-block.yaml").write_text(text)
    return "deep-block.yaml"


def alias_text_bomb(folder: Path) -> str:
    """Few nodes, much text: a 200 KB meeting name aliased 5,000 times (issue 11)."""
    text = RIVERSIDE.replace(
        "    - name: Steering board\n", "    - name: &big " + "S" * 200_000 + "\n", 1
    )
    text += "x-copies: [" + ", ".join(["*big"] * 5_000) + "]\n"
    (folder / "text-bomb.yaml").write_text(text)
    return "text-bomb.yaml"


def utf32(folder: Path) -> str:
    (folder / "utf32.yaml").write_bytes(RIVERSIDE.encode("utf-32"))  # with a BOM
    return "utf32.yaml"


def png(folder: Path) -> str:
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    (folder / "image.yaml").write_bytes(header + bytes(range(256)) * 4)
    return "image.yaml"


def utf16(folder: Path) -> str:
    (folder / "utf16.yaml").write_bytes(RIVERSIDE.encode("utf-16"))  # with a BOM
    return "utf16.yaml"


def utf16_without_bom(folder: Path) -> str:
    (folder / "utf16le.yaml").write_bytes(RIVERSIDE.encode("utf-16-le"))
    return "utf16le.yaml"


def latin1(folder: Path) -> str:
    text = RIVERSIDE.replace("Riverside Homes", "Rivi\u00e8re Homes")
    (folder / "latin1.yaml").write_bytes(text.encode("latin-1"))
    return "latin1.yaml"


def sixty_megabytes(folder: Path) -> str:
    """A real 60 MB file (not sparse): a valid start, then comment lines."""
    block = (b"# " + b"padding " * 15 + b"\n") * 8192  # about 1 MiB
    with (folder / "huge.yaml").open("wb") as handle:
        handle.write(RIVERSIDE.encode())
        for _ in range(60):
            handle.write(block)
    return "huge.yaml"


def python_tag(folder: Path) -> str:
    (folder / "tag.yaml").write_text(
        "partnercheck: 1\n"
        "partnership: !!python/object/apply:os.system [touch PWNED]\n"
        "partners: !!python/object/apply:os.system\n  args: [touch PWNED]\n"
    )
    return "tag.yaml"


def one_enormous_line(folder: Path) -> str:
    """4 MB on one line (under the 5 MB limit): a flow mapping that never closes."""
    text = "{partnercheck: 1, partnership: {name: " + "Riverside " * 400_000
    (folder / "one-line.yaml").write_text(text)
    return "one-line.yaml"


HOSTILE: dict[str, tuple[Callable[[Path], str], str]] = {
    "alias-bomb": (alias_bomb, "alias bomb"),
    "alias-text-bomb": (alias_text_bomb, "more than 1,000,000 characters of text"),
    "utf-32": (utf32, "UTF-32"),
    "flow-nesting-100000": (deep_flow, "nesting"),
    "block-nesting-1000": (deep_block, "nesting is deeper than 50 levels"),
    "png": (png, "binary"),
    "utf-16": (utf16, "UTF-16"),
    "utf-16-without-bom": (utf16_without_bom, ""),
    "latin-1": (latin1, "not valid UTF-8 (byte 0xe8)"),
    "60-mb": (sixty_megabytes, "over the 5,242,880-byte limit"),
    "python-tag": (python_tag, "tag '!!python/object/apply:os.system' is not allowed"),
    "one-enormous-line": (one_enormous_line, "invalid YAML"),
}


def assert_refused(done: Finished, message: str) -> None:
    assert done.code == 2, done
    assert "Traceback" not in done.stderr + done.stdout
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr[:2000]
    assert LOCATED.match(lines[0]), lines[0][:2000]
    assert message in lines[0]
    assert len(lines[0]) < 500, f"error line is {len(lines[0]):,} characters long"
    assert done.cpu_seconds < CPU_LIMIT, f"took {done.cpu_seconds:.2f} s of CPU"
    assert done.maxrss < MAX_RSS, f"peak RSS {done.maxrss / 1e6:.0f} MB"


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_file_is_refused(case: str, tmp_path: Path) -> None:
    build, message = HOSTILE[case]
    name = build(tmp_path)
    done = partnercheck("assess", name, cwd=tmp_path)
    assert_refused(done, message)
    assert done.stderr.startswith(f"{name}:")
    assert not (tmp_path / "PWNED").exists()


def test_sixty_megabytes_on_standard_input(tmp_path: Path) -> None:
    name = sixty_megabytes(tmp_path)
    done = partnercheck("assess", "-", cwd=tmp_path, stdin=tmp_path / name)
    assert_refused(done, "over the 5,242,880-byte limit")
    assert done.stderr.startswith("<stdin>:1:1: ")


def test_error_line_stays_short_for_an_enormous_value(tmp_path: Path) -> None:
    (tmp_path / "long-value.yaml").write_text(
        "{partnercheck: 1, partnership: {name: P, form: " + "y" * 1_000_000 + "}, "
        "partners: [{id: a, name: A}, {id: b, name: B}]}"
    )
    done = partnercheck("assess", "long-value.yaml", cwd=tmp_path)
    assert_refused(done, "partnership.form")


def test_ctrl_c_exits_130_says_so_and_leaves_no_output(tmp_path: Path) -> None:
    """Ctrl-C while the CLI reads standard input: the readiness signal is that it has
    consumed a first megabyte (the pipe holds 64 KiB), so it is running, handlers set."""
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "partnercheck", "assess", "-", "--format", "json",
               "--output", "out/out.json", "--as-of", "2026-11-26"]  # fmt: skip
    proc = subprocess.Popen(
        command, cwd=tmp_path, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None
    proc.stdin.write(b"# padding\n" * 100_000)  # returns once the reader has taken most of it
    proc.stdin.flush()
    proc.send_signal(signal.SIGINT)  # standard input stays open: it is still reading
    stdout, stderr = proc.communicate(timeout=KILL_AFTER)
    assert proc.returncode == 130, stderr.decode(errors="replace")[-2000:]
    assert stderr.decode() == "partnercheck: interrupted\n"
    assert stdout == b""
    assert list(out.iterdir()) == []
