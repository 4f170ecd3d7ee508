"""Spreading files over processes changes nothing in the output, only the time it takes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from partnercheck.app.runner import FILES_PER_WORKER
from tests.conftest import EXAMPLES, SOUND


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    sources = [*sorted(EXAMPLES.glob("*.yaml")), SOUND]
    for i in range(4 * FILES_PER_WORKER):  # enough for two workers
        shutil.copy(sources[i % len(sources)], folder / f"p{i:02d}.yaml")
    (folder / "broken.yaml").write_text("partnercheck: 1\npartners: [\n")
    return folder


def assess(folder: Path, fmt: str, jobs: int) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "partnercheck", "assess", str(folder), "--format", fmt,
               "--jobs", str(jobs), "--as-of", "2026-11-26"]  # fmt: skip
    return subprocess.run(command, capture_output=True, check=False)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_parallel_output_is_byte_identical_to_serial(many_files: Path, fmt: str) -> None:
    serial = assess(many_files, fmt, 1)
    parallel = assess(many_files, fmt, 2)
    assert serial.returncode == parallel.returncode == 2  # the broken file
    assert serial.stdout == parallel.stdout
    assert serial.stderr == parallel.stderr
    assert b"broken.yaml:3:1:" in serial.stderr
