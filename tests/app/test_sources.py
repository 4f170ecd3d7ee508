"""Each file's path from its repository root: found from .git, else the config, else the
working directory, and never by running git."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnercheck.app.sources import source_path
from partnercheck.results import SourcePath


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "repo" / "partnerships" / "deep").mkdir(parents=True)
    (tmp_path / "repo" / ".git").mkdir()
    (tmp_path / "plain" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_nearest_git_entry_is_the_root_from_any_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = SourcePath(root=(tree / "repo").as_posix(), path="partnerships/deep/p.yaml")
    assert source_path("repo/partnerships/deep/p.yaml", ()) == expected
    monkeypatch.chdir(tree / "repo" / "partnerships")
    assert source_path("deep/p.yaml", ()) == expected
    assert source_path("../partnerships/./deep/p.yaml", ()) == expected


def test_without_git_the_config_folder_then_the_working_directory(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_folder = tree / "plain"
    assert source_path("plain/sub/p.yaml", (config_folder, tree)) == SourcePath(
        root=config_folder.as_posix(), path="sub/p.yaml"
    )
    monkeypatch.chdir(tree / "plain" / "sub")
    assert source_path("p.yaml", (Path.cwd(),)) == SourcePath(
        root=(tree / "plain" / "sub").as_posix(), path="p.yaml"
    )


def test_outside_every_root_the_path_is_absolute(tree: Path) -> None:
    outside = tree / "plain" / "x.yaml"
    assert source_path(str(outside), (tree / "repo",)) == SourcePath(
        root=None, path=outside.as_posix()
    )


def test_standard_input_has_no_place() -> None:
    assert source_path("<stdin>", (Path.cwd(),)) is None


def test_git_is_never_run(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository's own config can run commands (core.fsmonitor): git must not be started."""
    import subprocess

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was run")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    assert source_path("repo/partnerships/p.yaml", ()) is not None
