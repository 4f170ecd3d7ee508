"""The app layer's guards, in-process: one file's crash, path containment, rule-id typos."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import partnercheck.app.runner as runner
from partnercheck.app.paths import contained, inside, repository_root
from partnercheck.app.settings import Settings
from partnercheck.engine import assess as real_assess
from partnercheck.results import FileResult
from tests.app.cli_helpers import AS_OF, assess, run
from tests.conftest import SOUND


def test_a_crash_in_one_file_is_its_own_error_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        (tmp_path / name).write_text(SOUND.read_text())

    def fragile(loaded: object, *args: object, **kwargs: object) -> FileResult:
        if getattr(loaded, "source").name.endswith("b.yaml"):  # noqa: B009
            raise OverflowError("date value out of range")
        return real_assess(loaded, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "assess", fragile)
    monkeypatch.delenv("PARTNERCHECK_DEBUG", raising=False)
    code, report = assess(str(tmp_path), "--jobs", "1")
    assert code == 2
    assert [Path(r["file"]).name for r in report["results"]] == ["a.yaml", "c.yaml"]
    [error] = report["errors"]
    assert Path(error["file"]).name == "b.yaml"
    assert error["message"].startswith("internal error: OverflowError while checking this file")


def test_the_guard_steps_aside_for_debugging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> FileResult:
        raise OverflowError("boom")

    monkeypatch.setattr(runner, "assess", broken)
    monkeypatch.setenv("PARTNERCHECK_DEBUG", "1")
    job = runner.Job(settings=Settings(), as_of=date(2026, 11, 26))
    with pytest.raises(OverflowError):
        runner.check_file(str(SOUND), job)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "sub" / "r.csv").write_text("x")
    (root / "sub" / "out.csv").symlink_to(tmp_path / "elsewhere.csv")
    (root / "sub" / "in.csv").symlink_to(root / "sub" / "r.csv")
    return root


def test_the_repository_is_the_nearest_folder_with_git(repo: Path, tmp_path: Path) -> None:
    assert repository_root(repo / "sub" / "deep") == repo.resolve()
    loose = (tmp_path / "loose").resolve()
    loose.mkdir()
    # Outside any repository the folder itself is the limit (unless tmp is in one).
    enclosing = [p for p in loose.parents if (p / ".git").exists()]
    assert repository_root(loose) == (enclosing[0] if enclosing else loose)


@pytest.mark.parametrize(
    ("written", "allowed"),
    [
        ("r.csv", True),
        ("in.csv", True),
        ("deep/../r.csv", True),
        ("../sub/r.csv", True),
        ("missing.csv", True),  # inside: whether it exists is for the caller to say
        ("/etc/passwd", False),
        ("../../elsewhere.csv", False),
        ("out.csv", False),
        ("../.git/config", False),
        ("../.GIT/config", False),
        ("C:\\\\secret.csv", False),
        ("C:secret.csv", False),
        ("\\\\\\\\server\\\\share\\\\x.csv", False),
        ("r\x00.csv", False),
    ],
)
def test_contained_paths(repo: Path, written: str, allowed: bool) -> None:
    found = contained(repo / "sub", written, repo.resolve())
    assert (found is not None) == allowed
    if found is not None:
        assert inside(found, repo.resolve())


def test_a_typo_in_select_is_an_error_with_a_hint() -> None:
    result = run("assess", str(SOUND), "--select", "PC1O1", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr == (
        "<command line>:1:1: --select: 'PC1O1' is not a rule id or prefix (did you mean 'PC101'?)\n"
    )


@pytest.mark.parametrize("prefix", ["PC", "PC1", "PC10", "PC104"])
def test_prefixes_of_registered_rules_are_accepted(prefix: str) -> None:
    code, report = assess(str(SOUND), "--select", prefix)
    assert code == 0
    assert report["results"]


@pytest.mark.parametrize("value", ["20260101", "2026-1-1", "2026-01-01T00:00", "2026-02-30"])
def test_as_of_must_be_written_yyyy_mm_dd(value: str) -> None:
    result = run("assess", str(SOUND), "--as-of", value)
    assert result.exit_code == 2
    assert "is not a date; use YYYY-MM-DD" in result.stderr


def test_as_of_in_the_config_must_be_written_yyyy_mm_dd(tmp_path: Path) -> None:
    config = tmp_path / "pc.toml"
    config.write_text('as-of = "20260101"\n')
    result = run("assess", str(SOUND), "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{config}:1:1: as-of: '20260101' is not a date; write it as YYYY-MM-DD\n"
    )


def test_a_report_read_back_for_diff_must_hold_scores_in_range(tmp_path: Path) -> None:
    _, report = assess(str(SOUND))
    report["results"][0]["score"] = 1e300
    (tmp_path / "old.json").write_text(json.dumps(report))
    result = run("diff", str(tmp_path / "old.json"), str(SOUND), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert "results[0].score is '1e+300', not 0 to 100" in result.stderr


@pytest.mark.parametrize("to_file", [False, True])
def test_an_output_over_the_limit_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to_file: bool
) -> None:
    import partnercheck.app.output as output

    monkeypatch.setattr(output, "MAX_OUTPUT_CHARS", 1000)
    target = tmp_path / "r.json"
    target.write_text("previous\n")
    where = ["-o", str(target)] if to_file else []
    result = run("assess", str(SOUND), "-f", "json", "--as-of", AS_OF, *where)
    assert result.exit_code == 2
    assert result.stdout == ""
    name = str(target) if to_file else "<stdout>"
    assert result.stderr.startswith(f"{name}:1:1: cannot write: the output is ")
    assert result.stderr.endswith("over the 1,000-character limit; nothing written\n")
    assert target.read_text() == "previous\n"
