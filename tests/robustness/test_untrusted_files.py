"""What a pull request's files can make partnercheck do, through a real process (issue 11).

Each case is a file (or folder) an attacker could contribute. A user must see at
most one located line per problem on standard error, exit 2 where something
could not be checked, no traceback, no byte of a file outside the repository,
no block on a FIFO or device, and no run lost to one bad file.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from partnercheck.app.runner import SURVEY_REFUSED
from tests.robustness.process import (
    AS_OF,
    LOCATED,
    ONE_FINDING,
    RIVERSIDE,
    assert_one_located_error,
    cli,
    partnership,
)

pytestmark = pytest.mark.slow

SECRET = "DB_PASSWORD=hunter2"
RESPONSES = "respondent,partner,GOA1\nr1,council,4\n"
FLAWED = ONE_FINDING  # one warning: goal G1 has no target


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """tmp/repo (with .git) holding sub/p.yaml; secrets beside the repository, outside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "config.csv").write_text(f"token,{SECRET}\n")
    (root / "sub").mkdir()
    (tmp_path / "secret.csv").write_text(f"{SECRET}\n")
    (tmp_path / "secret.env").write_text(f"{SECRET}\n")
    (root / "notes.env").write_text(f"{SECRET}\n")
    (root / "sub" / "link.csv").symlink_to(tmp_path / "secret.csv")
    (root / "sub" / "gone.csv").symlink_to(tmp_path / "no-such-file.csv")
    return root


# --- 1. survey paths never leave the repository ----------------------------------------


@pytest.mark.parametrize(
    "survey",
    [
        "/etc/passwd",
        "../../secret.csv",  # exists, outside
        "../../missing.csv",  # does not exist, outside: the same message
        "../../secret.env",
        "link.csv",  # a link out of the repository
        "gone.csv",  # a dangling link out of it
        "../.git/config.csv",
        "../notes.env",  # inside, but not a responses file
        "C:\\\\Windows\\\\win.ini",
    ],
)
def test_a_survey_path_out_of_the_repository_is_refused_and_reveals_nothing(
    repo: Path, survey: str
) -> None:
    file = partnership(repo / "sub", extra=f"survey: {json.dumps(survey)}\n")
    line = len((RIVERSIDE + "x\n").splitlines())
    seen = cli("assess", file, *AS_OF, cwd=repo)
    shown = assert_one_located_error(seen)
    assert shown == f"{file}:{line}:9: {SURVEY_REFUSED}"  # the same words for every target
    assert "hunter2" not in seen.stdout + seen.stderr
    assert "root:" not in seen.stdout + seen.stderr


@pytest.mark.parametrize("fmt", ["json", "markdown"])
def test_a_refused_survey_discloses_nothing_in_reports(repo: Path, fmt: str) -> None:
    file = partnership(repo / "sub", extra="survey: link.csv\n")
    seen = cli("assess", file, "-f", fmt, *AS_OF, cwd=repo)
    assert seen.code == 2
    assert SURVEY_REFUSED in seen.stdout.replace("\\", "")
    assert "hunter2" not in seen.stdout + seen.stderr


def test_a_survey_inside_the_repository_is_read(repo: Path) -> None:
    (repo / "surveys").mkdir()
    (repo / "surveys" / "r.csv").write_text(RESPONSES)
    file = partnership(repo / "sub", extra="survey: ../surveys/r.csv\n")
    seen = cli("assess", file, "-f", "json", *AS_OF, cwd=repo)
    assert seen.code in (0, 1), seen.stderr
    assert json.loads(seen.stdout)["results"][0]["survey"]["respondents"] == 1


def test_survey_on_the_command_line_may_be_anywhere(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.csv").write_text(RESPONSES)
    file = partnership(repo / "sub")
    seen = cli("assess", file, "--survey", tmp_path / "elsewhere.csv", "-f", "json", *AS_OF,
               cwd=repo)  # fmt: skip
    assert seen.code in (0, 1), seen.stderr
    assert json.loads(seen.stdout)["results"][0]["survey"]["respondents"] == 1


def test_survey_errors_quote_only_a_short_escaped_excerpt(repo: Path) -> None:
    column = "root:x:0:0:root:/root:/bin/bash" * 20
    (repo / "sub" / "r.csv").write_text(
        f"respondent,partner,{column}\x1b[2J,GOA1\nr1,council,,{'9' * 4000}\n"
    )
    file = partnership(repo / "sub", extra="survey: r.csv\n")
    seen = cli("assess", file, *AS_OF, cwd=repo)
    assert seen.code == 2
    assert len(seen.lines) == 2
    for line in seen.lines:
        assert LOCATED.match(line) and len(line) < len(str(repo)) + 260, line
        assert "\x1b" not in line
    assert "'root:x:0:0:root:/root:/bin/bashroot:x..." in seen.lines[0]
    assert "9" * 40 not in seen.stderr


def test_a_survey_rating_of_thousands_of_digits_is_out_of_range(repo: Path) -> None:
    (repo / "sub" / "r.yaml").write_text(
        f"- respondent: r1\n  partner: council\n  GOA1: {'7' * 4000}\n"
    )
    file = partnership(repo / "sub", extra="survey: r.yaml\n")
    line = assert_one_located_error(cli("assess", file, *AS_OF, cwd=repo), "GOA1:")
    assert "7" * 50 not in line


def test_a_csv_of_only_commas_is_reported_at_line_1(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(",,,\n,,\n")
    file = partnership(tmp_path)
    seen = cli("assess", file, "--survey", "r.csv", *AS_OF, cwd=tmp_path)
    assert_one_located_error(seen, "r.csv:1:1: no header row")


def test_history_never_follows_a_survey_key(repo: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.rmtree(repo / ".git")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q", "."], cwd=repo, check=True)
    file = partnership(repo, extra="survey: ../secret.csv\n")
    subprocess.run([*git, "add", "p.yaml"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], cwd=repo, check=True)
    seen = cli("history", file, "-f", "json", cwd=repo)
    assert seen.code == 0, seen.stderr
    assert "hunter2" not in seen.stdout + seen.stderr


# --- 4. inputs: regular files only, never blocking, capped ------------------------------


@pytest.fixture
def odd(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """A FIFO, a socket and a directory, each with a name that looks like an input."""
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "socket.yaml"))
    (tmp_path / "dir.csv").mkdir()
    try:
        yield {
            "fifo": fifo,
            "socket": tmp_path / "socket.yaml",
            "dir": tmp_path / "dir.csv",
            "zero": Path("/dev/zero"),
        }
    finally:
        sock.close()


@pytest.mark.parametrize(
    ("kind", "command"),
    [
        ("fifo", ["assess", "{odd}"]),
        ("socket", ["assess", "{odd}"]),
        ("zero", ["assess", "{odd}"]),
        ("fifo", ["assess", "p.yaml", "--survey", "{odd}"]),
        ("zero", ["assess", "p.yaml", "--survey", "{odd}"]),
        ("fifo", ["assess", "p.yaml", "--baseline", "{odd}"]),
        ("zero", ["assess", "p.yaml", "--baseline", "{odd}"]),
        ("fifo", ["assess", "p.yaml", "--config", "{odd}"]),
        ("zero", ["diff", "{odd}", "p.yaml"]),
        ("fifo", ["diff", "p.yaml", "{odd}"]),
        ("fifo", ["validate", "{odd}"]),
    ],
)
def test_a_non_regular_input_is_refused_at_once(
    tmp_path: Path, odd: dict[str, Path], kind: str, command: list[str]
) -> None:
    partnership(tmp_path)
    args = [part.replace("{odd}", str(odd[kind])) for part in command]
    seen = cli(*args, *(AS_OF if args[0] != "validate" else ()), cwd=tmp_path)
    assert_one_located_error(seen, f"{odd[kind]}:1:1: ", "not a regular file")


def test_a_directory_as_survey_is_refused(tmp_path: Path, odd: dict[str, Path]) -> None:
    partnership(tmp_path)
    seen = cli("assess", "p.yaml", "--survey", odd["dir"], *AS_OF, cwd=tmp_path)
    assert_one_located_error(seen, "a directory, not a regular file")


def test_closed_standard_input_is_a_located_error(tmp_path: Path) -> None:
    seen = cli("assess", "-", *AS_OF, cwd=tmp_path, close=(0,))
    assert_one_located_error(seen, "<stdin>:1:1: standard input is closed")


def test_a_huge_max_file_size_with_standard_input_allocates_nothing(tmp_path: Path) -> None:
    seen = cli("assess", "-", "--max-file-size", "9223372036854775807", *AS_OF, cwd=tmp_path,
               stdin=RIVERSIDE.encode())  # fmt: skip
    assert_one_located_error(seen, "<command line>:1:1: --max-file-size:")
    seen = cli("assess", "-", "--max-file-size", str(1 << 30), "-f", "json", *AS_OF,
               cwd=tmp_path, stdin=RIVERSIDE.encode())  # fmt: skip
    assert seen.code == 0, seen.stderr


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[" * 100_000, "nested more than 64 levels deep"),
        ('{"partnercheck-baseline": ' + "9" * 5000 + "}", "has more than 20 digits"),
        ('{"partnercheck-baseline": 1, "findings": [1e999]}', "'1e999' is too large"),
        ('{"partnercheck-baseline": NaN}', "'NaN' is not a JSON number"),
        ('{"partnercheck-baseline": "\\ud800"}', "lone surrogate"),
    ],
)
def test_a_hostile_baseline_is_a_located_error(tmp_path: Path, document: str, message: str) -> None:
    partnership(tmp_path)
    (tmp_path / "b.json").write_text(document)
    line = assert_one_located_error(
        cli("assess", "p.yaml", "--baseline", "b.json", *AS_OF, cwd=tmp_path), "b.json:", message
    )
    assert len(line) < 200


@pytest.mark.parametrize(
    "document",
    [
        '{"tool": {"name": "partnercheck", "version": "1"}, "results": ' + "[" * 100_000,
        '{"tool": {}, "results": [], "as_of": ' + "1" * 5000 + "}",
        '{"tool": {}, "results": [' + '{"score": 1e999}' + "]}",
    ],
)
def test_hostile_json_to_diff_is_a_located_error(tmp_path: Path, document: str) -> None:
    partnership(tmp_path)
    (tmp_path / "old.json").write_text(document)
    assert_one_located_error(cli("diff", "old.json", "p.yaml", *AS_OF, cwd=tmp_path), "old.json:")


def test_a_baseline_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    partnership(tmp_path)
    created = cli("baseline", "create", "p.yaml", "-o", "b.json", *AS_OF, cwd=tmp_path)
    assert created.code == 0, created.stderr
    (tmp_path / "b.json").write_bytes(b"\xef\xbb\xbf" + (tmp_path / "b.json").read_bytes())
    seen = cli("assess", "p.yaml", "--baseline", "b.json", "-f", "json", *AS_OF, cwd=tmp_path)
    assert seen.code == 0, seen.stderr


def test_a_huge_terminal_width_is_clamped(tmp_path: Path) -> None:
    partnership(tmp_path)
    seen = cli("assess", "p.yaml", "-f", "rich", *AS_OF, cwd=tmp_path,
               env={"COLUMNS": "99999999999"})  # fmt: skip
    assert seen.code == 0, seen.stderr
    assert max(len(line) for line in seen.stdout.splitlines()) <= 400


def test_a_commit_dated_past_9999_is_skipped_with_a_located_error(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, day: str | None = None) -> None:
        dated = {**env, "GIT_COMMITTER_DATE": day, "GIT_AUTHOR_DATE": day} if day else env
        command = ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args]
        subprocess.run(command, cwd=tmp_path, env=dated, check=True, capture_output=True)

    git("init", "-q", ".")
    partnership(tmp_path)
    git("add", "p.yaml")
    git("commit", "-qm", "v1", day="@253402300800 +0000")  # 10000-01-01
    partnership(tmp_path, extra="# v2\n")
    git("commit", "-qam", "v2", day="2026-01-15T12:00:00+00:00")
    seen = cli("history", "p.yaml", "-f", "json", cwd=tmp_path)
    assert_one_located_error(seen, "p.yaml:1:1: commit ", "date outside years 1-9999")
    versions = json.loads(seen.stdout)["versions"]
    assert [v["date"] for v in versions] == ["2026-01-15"]


# --- one bad file never stops a run ----------------------------------------------------


def test_a_date_at_the_calendars_edge_never_loses_the_run(tmp_path: Path) -> None:
    (tmp_path / "many").mkdir()
    partnership(tmp_path / "many", "a-good.yaml")
    edge = RIVERSIDE.replace("last_review: 2026-10-15", "last_review: 9999-12-31")
    (tmp_path / "many" / "b-edge.yaml").write_text(edge)
    seen = cli("assess", "many", "-f", "json", *AS_OF, cwd=tmp_path)
    assert "Traceback" not in seen.stderr
    report = json.loads(seen.stdout)
    files = {r["file"] for r in report["results"]} | {e["file"] for e in report["errors"]}
    assert files == {"many/a-good.yaml", "many/b-edge.yaml"}
    assert seen.code in (0, 1, 2)
    assert all(LOCATED.match(line) for line in seen.lines), seen.stderr


def test_odd_entries_in_a_walked_folder_are_reported_not_skipped(
    tmp_path: Path, odd: dict[str, Path]
) -> None:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    folder = root / "partnerships"
    folder.mkdir()
    partnership(folder, "good.yaml")
    (folder / "dangling.yaml").symlink_to("nothing.yaml")
    (folder / "device.yaml").symlink_to("/dev/zero")
    (folder / "outside.yaml").symlink_to(tmp_path / "secret.yaml")
    (tmp_path / "secret.yaml").write_text(f"partnercheck: {SECRET}\n")
    (folder / "git.yaml").symlink_to(root / ".git" / "config")
    (root / ".git" / "config").write_text(f"[core]\n\ttoken = {SECRET}\n")
    os.mkfifo(folder / "fifo.yaml")
    seen = cli("assess", "partnerships", "-f", "json", *AS_OF, cwd=root)
    assert seen.code == 2
    report = json.loads(seen.stdout)
    assert [r["file"] for r in report["results"]] == ["partnerships/good.yaml"]
    errors = {e["file"].rsplit("/", 1)[1]: e["message"] for e in report["errors"]}
    assert errors == {
        "dangling.yaml": "dangling symbolic link: its target does not exist",
        "device.yaml": "symbolic link leads outside the repository (or into .git); not followed",
        "fifo.yaml": "a FIFO, not a regular file; not read",
        "git.yaml": "symbolic link leads outside the repository (or into .git); not followed",
        "outside.yaml": "symbolic link leads outside the repository (or into .git); not followed",
    }
    assert "hunter2" not in seen.stdout + seen.stderr


@pytest.mark.parametrize(
    "fmt", ["concise", "rich", "json", "sarif", "junit", "github", "markdown", "html"]
)
def test_a_file_name_that_is_not_utf8_works_in_every_format(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.yaml")).write_text(FLAWED)
    seen = cli("assess", "dir", "-f", fmt, *AS_OF, cwd=tmp_path)
    assert seen.code == 0, seen.stderr
    shown = {
        "json": '"dir/caf\\\\xe9.yaml"',  # a JSON string holding one backslash
        "sarif": '"dir/caf%5Cxe9.yaml"',
        "markdown": "caf\\\\xe9.yaml",  # an escaped backslash
    }
    assert shown.get(fmt, "caf\\xe9.yaml") in seen.stdout
    if fmt in ("json", "sarif"):
        json.loads(seen.stdout)


def test_a_baseline_of_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    ((tmp_path / "dir") / os.fsdecode(b"caf\xe9.yaml")).write_text(FLAWED)
    seen = cli("baseline", "create", "dir", "-o", "b.json", *AS_OF, cwd=tmp_path)
    assert seen.code == 0, seen.stderr
    [entry] = json.loads((tmp_path / "b.json").read_text())["findings"]
    assert entry["file"] == "dir/caf\\xe9.yaml"
    again = cli("assess", "dir", "--baseline", "b.json", "-f", "json", *AS_OF, cwd=tmp_path)
    assert again.code == 0 and json.loads(again.stdout)["results"][0]["findings"] == []
