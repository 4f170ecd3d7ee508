"""``-o`` in every command: never over an input, never over a device, FIFO, socket or folder.

Every refusal is one located line, exit 2, and the thing named by ``-o`` is left
exactly as it was. A link is followed and its target replaced; ``-`` is
standard output.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.process import AS_OF, assert_one_located_error, cli, partnership

pytestmark = pytest.mark.slow

# Each command with "{out}" where -o goes; all read p.yaml (history: from git).
COMMANDS = {
    "assess": ["assess", "p.yaml", *AS_OF, "-o", "{out}"],
    "diff": ["diff", "p.yaml", "p.yaml", *AS_OF, "-o", "{out}"],
    "history": ["history", "p.yaml", "-o", "{out}"],
    "baseline": ["baseline", "create", "p.yaml", *AS_OF, "-o", "{out}"],
    "schema": ["schema", "-o", "{out}"],
    "survey-template": ["survey", "template", "-o", "{out}"],
    "init": ["init", "{out}", "--force"],
}
READS_P_YAML = ["assess", "diff", "history", "baseline"]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """p.yaml committed in a git repository, and a FIFO, a socket and a folder to write to."""
    partnership(tmp_path)
    if shutil.which("git") is not None:
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        for args in (["init", "-q", "."], ["add", "p.yaml"], ["commit", "-qm", "v1"]):
            command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
            subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    os.mkfifo(tmp_path / "fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "socket"))
    (tmp_path / "folder").mkdir()
    try:
        yield tmp_path
    finally:
        sock.close()


def run(command: str, out: str, cwd: Path) -> tuple[int, str]:
    if command == "history" and shutil.which("git") is None:
        pytest.skip("git is not installed")
    seen = cli(*[part.replace("{out}", out) for part in COMMANDS[command]], cwd=cwd)
    if seen.code == 2:
        return 2, assert_one_located_error(seen)
    return seen.code, seen.stdout


KINDS = {"fifo": "a FIFO", "socket": "a socket", "folder": "a directory"}


# Every command with a FIFO; every kind with assess (the check is one function).
@pytest.mark.parametrize(
    ("command", "target"),
    [(command, "fifo") for command in COMMANDS] + [("assess", "socket"), ("assess", "folder")],
)
def test_never_replaces_what_is_not_a_regular_file(folder: Path, command: str, target: str) -> None:
    before = (folder / target).lstat()
    code, line = run(command, target, folder)
    assert code == 2
    assert line.startswith(f"{target}:1:1: ")
    assert KINDS[target] in line
    after = (folder / target).lstat()
    assert stat.S_IFMT(after.st_mode) == stat.S_IFMT(before.st_mode)
    assert after.st_ino == before.st_ino


@pytest.mark.parametrize("command", READS_P_YAML)
def test_never_overwrites_an_input(folder: Path, command: str) -> None:
    original = (folder / "p.yaml").read_bytes()
    (folder / "alias.yaml").symlink_to("p.yaml")
    os.link(folder / "p.yaml", folder / "hard.yaml")
    names = (
        ("p.yaml", "alias.yaml", "hard.yaml", "./p.yaml") if command == "assess" else ["alias.yaml"]
    )
    for out in names:
        code, line = run(command, out, folder)
        assert code == 2
        assert line == f"{Path(out)}:1:1: cannot write: it is also an input (p.yaml); not replaced"
    assert (folder / "p.yaml").read_bytes() == original
    assert (folder / "alias.yaml").is_symlink()


def test_a_config_is_an_input_too(folder: Path) -> None:
    (folder / "pc.toml").write_text('fail-on = "never"\n')
    seen = cli("assess", "p.yaml", "--config", "pc.toml", "-o", "pc.toml", *AS_OF, cwd=folder)
    assert_one_located_error(seen, "pc.toml:1:1: cannot write: it is also an input (pc.toml)")
    assert (folder / "pc.toml").read_text() == 'fail-on = "never"\n'


def test_an_input_inside_a_walked_folder_is_an_input(folder: Path) -> None:
    (folder / "many").mkdir()
    partnership(folder / "many", "q.yaml")
    seen = cli("assess", "many", "-o", "many/q.yaml", *AS_OF, cwd=folder)
    assert_one_located_error(seen, "many/q.yaml:1:1: cannot write: it is also an input")


@pytest.mark.parametrize("command", ["assess", "baseline", "schema", "init"])
def test_a_link_is_followed_and_its_target_replaced(folder: Path, command: str) -> None:
    (folder / "real").mkdir()
    (folder / "real" / "out.txt").write_text("old\n")
    (folder / "link.txt").symlink_to("real/out.txt")
    code, _ = run(command, "link.txt", folder)
    assert code in (0, 1)
    assert (folder / "link.txt").is_symlink()
    assert (folder / "real" / "out.txt").read_text() != "old\n"
    assert sorted(p.name for p in (folder / "real").iterdir()) == ["out.txt"]  # no temp left


@pytest.mark.parametrize("command", list(COMMANDS))
def test_dash_means_standard_output(folder: Path, command: str) -> None:
    code, stdout = run(command, "-", folder)
    assert code in (0, 1)
    assert stdout.strip()
    assert not (folder / "-").exists()


def test_a_full_standard_output_is_a_located_error(folder: Path) -> None:
    seen = cli("assess", "p.yaml", *AS_OF, cwd=folder, stdout_path="/dev/full")
    assert_one_located_error(seen, "<stdout>:1:1: cannot write: No space left on device")


def test_a_closed_standard_output_is_a_located_error(folder: Path) -> None:
    seen = cli("assess", "p.yaml", *AS_OF, cwd=folder, close=(1,))
    assert_one_located_error(seen, "<stdout>:1:1: cannot write: standard output is closed")


def test_a_failed_write_leaves_the_previous_output(folder: Path) -> None:
    (folder / "ro").mkdir()
    (folder / "ro" / "r.json").write_text("previous\n")
    (folder / "ro").chmod(0o500)
    try:
        if os.access(folder / "ro", os.W_OK):
            pytest.skip("running as a user who may write anywhere (root)")
        seen = cli("assess", "p.yaml", *AS_OF, "-o", "ro/r.json", cwd=folder)
        assert_one_located_error(seen, "ro/r.json:1:1: cannot write: Permission denied")
        assert (folder / "ro" / "r.json").read_text() == "previous\n"
    finally:
        (folder / "ro").chmod(0o700)


def test_init_on_a_folder_says_so(folder: Path) -> None:
    seen = cli("init", ".", cwd=folder)
    assert_one_located_error(seen, ".:1:1: is a directory")
