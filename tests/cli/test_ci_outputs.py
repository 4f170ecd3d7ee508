"""What a CI job and a person at a terminal see: the threshold verdict, the -o summary,
colour as rich decides it, a 60-column terminal, shell completion and the API's dir()."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnercheck.cli import app
from tests.conftest import EXAMPLES, SOUND
from tests.robustness.process import cli

AS_OF = ["--as-of", "2026-11-26"]
HARBOUR = str(EXAMPLES / "harbour-town-network.yaml")  # scores 22.0, five errors
NORTHERN = str(EXAMPLES / "northern-research-consortium.yaml")  # band capped at developing
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-7]|9[0-7]|38;[25];[0-9;]+)m")  # a foreground colour
ESCAPE = re.compile(r"\x1b\[")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# The threshold verdict ------------------------------------------------------------


def test_a_failed_fail_under_is_said_on_stderr_and_in_concise() -> None:
    code, out, err = run("assess", HARBOUR, "--fail-under", "60", "--fail-on", "never", *AS_OF)
    assert code == 1
    assert err == (
        f"partnercheck: 1 file fails the threshold (exit 1): {HARBOUR}: "
        "score 22.0 is below --fail-under 60\n"
    )
    assert f"{HARBOUR}: threshold failed: score 22.0 is below --fail-under 60\n" in out


def test_a_passing_run_says_nothing_on_stderr() -> None:
    code, out, err = run("assess", HARBOUR, "--fail-under", "20", "--fail-on", "never", *AS_OF)
    assert (code, err) == (0, "")
    assert "threshold failed" not in out


def test_fail_on_names_the_count_and_level() -> None:
    code, out, err = run("assess", HARBOUR, *AS_OF)  # default --fail-on error
    assert code == 1
    assert f"{HARBOUR}: threshold failed: 5 findings at or above --fail-on error\n" in out
    assert "5 findings at or above --fail-on error" in err


def test_the_rich_report_ends_with_the_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # the paths are long: one line each
    code, out, _ = run("assess", HARBOUR, "-f", "rich", "--fail-under", "60", *AS_OF)
    assert code == 1
    tail = out.rstrip().splitlines()[-3:]
    assert tail[0].startswith("Threshold failed (exit 1): 1 of 1 file fails --fail-under 60")
    assert tail[1:] == [
        f"  {HARBOUR}: score 22.0 is below --fail-under 60",
        f"  {HARBOUR}: 5 findings at or above --fail-on error",
    ]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "markdown"])
def test_every_ci_format_still_exits_1(fmt: str) -> None:
    code, _, err = run("assess", HARBOUR, "--fail-under", "60", "-f", fmt, *AS_OF)
    assert code == 1
    assert err.startswith("partnercheck: 1 file fails the threshold (exit 1): ")


def test_a_capped_band_says_why_in_concise() -> None:
    _, out, _ = run("assess", NORTHERN, *AS_OF)
    [line] = [x for x in out.splitlines() if x.startswith(f"{NORTHERN}: score")]
    assert line.startswith(
        f"{NORTHERN}: score 78.0 (developing; capped at developing: no track record yet "
    )
    assert "; 90.5 before the cap), depth partnership, 10 findings (10 warnings)" in line


# -o FILE: a short summary -------------------------------------------------------------


def test_output_file_prints_one_line_per_file_and_a_total(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    code, out, _ = run("assess", str(EXAMPLES), "-o", str(target), "--fail-under", "60", *AS_OF)
    assert code == 1 and target.is_file()
    lines = out.splitlines()
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    summaries = [x for x in lines if re.match(r"^\S+: score \d", x)]
    assert [x.split(": score ")[0] for x in summaries] == files
    assert not any(re.match(r"^[^ ]+:\d+:\d+: ", x) for x in lines)  # no finding lines
    total = lines[-1]
    assert total.startswith(f"partnercheck: wrote {target}: {len(files)} files assessed, ")
    assert re.search(
        rf"Threshold failed \(exit 1\): [12] of {len(files)} files fail --fail-under 60 "
        r"or --fail-on error\.$",
        total,
    )
    assert len(lines) == len(files) + sum("threshold failed" in x for x in lines) + 1


def test_quiet_silences_the_summary(tmp_path: Path) -> None:
    code, out, err = run("assess", str(SOUND), "-o", str(tmp_path / "r.json"), "-q", *AS_OF)
    assert (code, out, err) == (0, "", "")


# Colour and width, as rich decides them ---------------------------------------------------


def rich_through_a_pipe(tmp_path: Path, **env: str) -> str:
    clean = dict.fromkeys(("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE"), "")
    seen = cli("assess", NORTHERN, "-f", "rich", *AS_OF, cwd=tmp_path, env={**clean, **env})
    assert seen.code == 0, seen.stderr
    return seen.stdout


def test_force_color_colours_through_a_pipe(tmp_path: Path) -> None:
    assert not ESCAPE.search(rich_through_a_pipe(tmp_path))
    assert COLOUR.search(rich_through_a_pipe(tmp_path, FORCE_COLOR="1", TERM="xterm-256color"))


def test_no_color_removes_colour_and_an_empty_one_does_not(tmp_path: Path) -> None:
    """no-color.org: NO_COLOR set to a non-empty value; an empty one is as if unset."""
    coloured = rich_through_a_pipe(tmp_path, FORCE_COLOR="1", NO_COLOR="", TERM="xterm")
    assert COLOUR.search(coloured)
    plain = rich_through_a_pipe(tmp_path, FORCE_COLOR="1", NO_COLOR="1", TERM="xterm")
    assert not COLOUR.search(plain)


def test_term_dumb_gets_no_escape_sequence_at_all(tmp_path: Path) -> None:
    assert not ESCAPE.search(rich_through_a_pipe(tmp_path, FORCE_COLOR="1", TERM="dumb"))


def on_a_terminal(tmp_path: Path, term: str) -> str:
    """The rich report as a real terminal (a pseudo-terminal) receives it."""
    main, child = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    env.update(TERM=term, COLUMNS="100")
    proc = subprocess.Popen(
        [sys.executable, "-m", "partnercheck", "assess", NORTHERN, *AS_OF],
        stdout=child,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
        env=env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_colour_and_a_dumb_one_none(tmp_path: Path) -> None:
    coloured = on_a_terminal(tmp_path, "xterm-256color")
    assert "The six elements" in coloured and COLOUR.search(coloured)
    dumb = on_a_terminal(tmp_path, "dumb")
    assert "The six elements" in dumb and not ESCAPE.search(dumb)


def test_the_rich_report_reads_at_60_columns(tmp_path: Path) -> None:
    seen = cli("assess", HARBOUR, "-f", "rich", *AS_OF, cwd=tmp_path, env={"COLUMNS": "60"})
    lines = seen.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    # Nothing cut short by the width: the only "…" are the report's own (a long in-kind
    # description), as many as on a wide terminal.
    wide = cli("assess", HARBOUR, "-f", "rich", *AS_OF, cwd=tmp_path, env={"COLUMNS": "200"})
    assert seen.stdout.count("…") == wide.stdout.count("…")
    table = seen.stdout.split("The six elements", 1)[1].split("Challenges", 1)[0]
    words = table.split()
    for title in ("Clear roles and responsibilities", "Open communication and mutual respect"):
        assert all(word in words for word in title.split()), title
    assert "Partly in" in table or "Partly" in words  # verdicts wrap, never cut


# Shell completion and the API -----------------------------------------------------------


def test_shell_completion_script_and_answers() -> None:
    code, out, _ = run("--show-completion", "bash")
    assert code == 0 and "_PARTNERCHECK_COMPLETE=complete_bash" in out
    env = {**os.environ, "_PARTNERCHECK_COMPLETE": "complete_bash"}

    def complete(words: str) -> list[str]:
        env.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
        done = subprocess.run(
            [sys.executable, "-m", "partnercheck"], env=env, capture_output=True, text=True,
            timeout=60, check=False,
        )  # fmt: skip
        return done.stdout.split()

    assert complete("partnercheck ass") == ["assess"]
    assert complete("partnercheck assess p.yaml --format s") == ["sarif"]
    assert complete("partnercheck assess p.yaml --fail-on w") == ["warning"]


def test_dir_and_help_show_the_lazy_api() -> None:
    import pydoc

    import partnercheck

    for name in ("assess_file", "assess_text", "load_file", "FileResult", "Report"):
        assert name in dir(partnercheck)
    bold = pydoc.render_doc(partnercheck, renderer=pydoc.TextDoc())
    page = re.sub(".\b", "", bold)  # TextDoc writes bold as x, backspace, x
    assert "assess_file(" in page and "class FileResult" in page


def test_sarif_names_files_from_the_repository_root_whatever_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "partnerships").mkdir()
    (tmp_path / "partnerships" / "p.yaml").write_text(
        (EXAMPLES / "small-community-alliance.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "partnerships")
    _, out, _ = run("assess", "p.yaml", "-f", "sarif", *AS_OF)
    [run_] = json.loads(out)["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]
    }
    assert uris == {"partnerships/p.yaml"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
