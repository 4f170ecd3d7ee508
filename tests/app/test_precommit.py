"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit against a throwaway repository.

The hook source is a temporary git copy of this project (the working tree may
hold uncommitted work), pinned by its commit sha. pre-commit installs it with
pip, so installing the hook environment needs the package index: offline, the
tests skip saying so. The environment is cached in a temporary PRE_COMMIT_HOME
shared by the tests of this module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOUND, dump, sound

pytestmark = pytest.mark.slow

GIT = shutil.which("git")
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
if GIT is None or PRE_COMMIT is None:
    pytest.skip(
        "pre-commit hook test needs `git` and `pre-commit` on PATH "
        "(pip install -e '.[test]' installs pre-commit)",
        allow_module_level=True,
    )

TIMEOUT = 300  # seconds; a first run installs the hook environment with pip
# What pip says when it cannot reach the package index (or the index lacks what it needs).
OFFLINE = re.compile(
    r"Failed to establish a new connection|Temporary failure in name resolution|"
    r"Network is unreachable|Max retries exceeded|Could not find a version that satisfies|"
    r"No matching distribution found|ConnectTimeout|ReadTimeout"
)
IGNORED = shutil.ignore_patterns(
    ".venv", "__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache", ".pytest_cache", "*.egg-info"
)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="partnercheck tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="partnercheck tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    assert GIT is not None
    done = subprocess.run(
        [GIT, "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def _hook_source(folder: Path, env: dict[str, str]) -> str:
    """A git copy of what installing this project needs; the sha of its commit."""
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, folder / name)
    shutil.copytree(ROOT / "src", folder / "src", ignore=IGNORED)
    _git(folder, env, "init", "-q")
    _git(folder, env, "add", "-A")
    _git(folder, env, "commit", "-q", "-m", "hook source")
    return _git(folder, env, "rev-parse", "HEAD")


@dataclass(frozen=True)
class Project:
    path: Path
    env: dict[str, str]

    def run(self, partnership: str) -> subprocess.CompletedProcess[str]:
        """Commit ``partnership`` as partnership.yaml and run every hook on every file."""
        (self.path / "partnership.yaml").write_text(partnership, encoding="utf-8")
        _git(self.path, self.env, "add", "-A")
        assert PRE_COMMIT is not None
        return subprocess.run(
            [PRE_COMMIT, "run", "--all-files", "--color", "never"],
            cwd=self.path,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    env = _env(tmp_path_factory.mktemp("pre-commit-home"))
    source = tmp_path_factory.mktemp("hook-source")
    sha = _hook_source(source, env)
    path = tmp_path_factory.mktemp("project")
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n"
        f"  - repo: {source.as_posix()}\n"
        f"    rev: {sha}\n"
        f"    hooks:\n"
        f"      - id: partnercheck\n"
        f'        args: [--as-of, "2026-11-26"]\n'
        f"      - id: partnercheck-validate\n",
        encoding="utf-8",
    )
    _git(path, env, "init", "-q")
    _install_hooks(path, env)
    return Project(path, env)


def _install_hooks(path: Path, env: dict[str, str]) -> None:
    """Install the hook environments once; skip, saying why, when pip cannot reach its index."""
    assert PRE_COMMIT is not None
    done = subprocess.run(
        [PRE_COMMIT, "install-hooks", "--color", "never"],
        cwd=path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if done.returncode == 0:
        return
    log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
    said = done.stdout + done.stderr + (log.read_text(errors="replace") if log.is_file() else "")
    if OFFLINE.search(said):
        pytest.skip("pre-commit hook test: pip cannot reach the package index (offline?)")
    pytest.fail(f"pre-commit install-hooks failed:\n{said[-4000:]}")


def test_sound_partnership_passes(project: Project) -> None:
    done = project.run(SOUND.read_text(encoding="utf-8"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "partnercheck validate" in done.stdout
    # The hooks leave the project's other YAML (its .pre-commit-config.yaml) alone.
    assert "pre-commit-config" not in done.stdout


def test_broken_partnership_fails_with_a_located_error(project: Project) -> None:
    broken = SOUND.read_text(encoding="utf-8").replace("  name: Sound", "  nmae: Sound", 1)
    done = project.run(broken)
    assert done.returncode == 1, done.stdout + done.stderr
    # Both hooks fail, each printing the error located in the file.
    assert done.stdout.count("Failed") == 2, done.stdout
    located = "partnership.yaml:4:3: unknown key 'nmae' (did you mean 'name'?)"
    assert done.stdout.splitlines().count(located) == 2, done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_a_failed_threshold_says_why(project: Project) -> None:
    """pre-commit used to show "Failed" and a score; the reason is now on its own line."""
    data = sound()
    data["communication"].pop("conflict_resolution")  # PC307, an error
    done = project.run(dump(data))
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "partnercheck: 1 file fails the threshold (exit 1): partnership.yaml: "
        "1 finding at or above --fail-on error"
    ) in done.stdout
    assert (
        "partnership.yaml: threshold failed: 1 finding at or above --fail-on error" in done.stdout
    )
