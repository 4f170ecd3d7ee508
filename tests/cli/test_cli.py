"""The command line as a user meets it: through typer's runner and a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from partnercheck import __version__
from partnercheck.cli import app
from tests.conftest import EXAMPLES, SOUND

runner = CliRunner()
AS_OF = ["--as-of", "2026-11-26"]


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, f"partnercheck {__version__}\n")


def test_help_lists_commands_with_examples() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("assess", "validate", "schema", "init", "rules", "rule"):
        assert command in out
    code, out, _ = run("assess", "--help")
    assert code == 0 and "Examples:" in out and "--fail-under" in out


class TestValidate:
    def test_every_example_validates(self) -> None:
        code, out, err = run("validate", str(EXAMPLES))
        assert (code, err) == (0, "")
        count = len(list(EXAMPLES.glob("*.yaml")))
        assert out == f"{count} file(s) valid\n"

    def test_reports_every_error_of_every_file(self, tmp_path: Path) -> None:
        (tmp_path / "a.yaml").write_text("a: 1\na: 2\n")
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "b.yml").write_text("- just a list\n")
        (tmp_path / "ok.yaml").write_text(SOUND.read_text())
        (tmp_path / "notes.txt").write_text("ignored: not yaml\n")
        code, out, err = run("validate", str(tmp_path))
        assert code == 2
        assert err.splitlines() == [
            f"{tmp_path}/a.yaml:2:1: duplicate key 'a' (first defined at line 1); "
            "each key may appear once",
            f"{tmp_path}/sub/b.yml:1:1: top level is a list; expected a mapping with "
            "'partnercheck', 'partnership' and 'partners'",
        ]
        assert out == "2 of 3 file(s) invalid (2 errors)\n"

    def test_standard_input(self) -> None:
        code, _, err = run("validate", "-", stdin="partnercheck: 1\nfoo: 1\n")
        assert code == 2
        assert "<stdin>:2:1: unknown key 'foo'" in err

    def test_missing_path(self) -> None:
        code, _, err = run("validate", "nope.yaml")
        assert (code, err) == (2, "nope.yaml:1:1: no such file or directory\n")


class TestAssess:
    def test_json_follows_the_contract(self) -> None:
        code, out, _ = run("assess", str(EXAMPLES / "riverside.yaml"), "-f", "json", *AS_OF)
        assert code == 0
        doc = json.loads(out)
        assert doc["tool"] == {"name": "partnercheck", "version": __version__}
        assert doc["as_of"] == "2026-11-26"
        [result] = doc["results"]
        assert [e["id"] for e in result["elements"]] == [
            "goals",
            "vision",
            "communication",
            "resources",
            "roles",
            "evaluation",
        ]
        assert result["band"] in {"strong", "developing", "at-risk", "critical"}
        assert doc["errors"] == []

    def test_same_input_and_date_give_identical_bytes(self) -> None:
        args = ("assess", str(EXAMPLES), "-f", "json", *AS_OF)
        assert run(*args)[1] == run(*args)[1]

    def test_bad_date_is_a_usage_error(self) -> None:
        code, _, err = run("assess", str(SOUND), "--as-of", "26/11/2026")
        assert code == 2
        assert "is not a date; use YYYY-MM-DD" in err

    def test_unknown_format_is_a_usage_error(self) -> None:
        code, _, err = run("assess", str(SOUND), "--format", "pdf")
        assert code == 2 and "'pdf' is not one of" in err

    def test_output_file_is_written_whole_and_a_summary_printed(self, tmp_path: Path) -> None:
        target = tmp_path / "result.json"
        code, out, _ = run("assess", str(SOUND), "-o", str(target), *AS_OF)
        assert code == 0
        assert json.loads(target.read_text())["results"][0]["score"] == 100.0
        assert "score 100.0 (strong)" in out
        assert [p.name for p in tmp_path.iterdir()] == ["result.json"]

    def test_rich_report_reads_without_colour_at_80_columns(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("COLUMNS", "80")
        code, out, _ = run(
            "assess", str(EXAMPLES / "harbour-town-network.yaml"), "-f", "rich", *AS_OF
        )
        assert code == 1
        assert "\x1b[" not in out
        assert max(len(line) for line in out.splitlines()) <= 80
        headings = [
            "Priorities",
            "The six elements",
            "Partners",
            "Challenges",
            "Depth of collaboration",
            "Findings (",
            "Details (",
        ]
        lines = [line.strip() for line in out.splitlines()]
        positions = [
            next(i for i, line in enumerate(lines) if line.startswith(h)) for h in headings
        ]
        assert positions == sorted(positions)  # the executive summary first
        assert "SERIOUS" in out and "what to do:" in out and "fix:" in out


class TestRules:
    def test_rules_lists_every_rule(self) -> None:
        from partnercheck.rules import REGISTRY

        code, out, _ = run("rules")
        assert code == 0
        assert [line.split()[0] for line in out.splitlines()] == sorted(REGISTRY)

    def test_rule_explains_one(self) -> None:
        code, out, _ = run("rule", "pc104")
        assert code == 0
        assert out.startswith("PC104: Every goal has a target value (on the goal or a KPI)\n")
        for part in ("Why it matters:", "How to fix it:", "Example:"):
            assert part in out

    def test_unknown_rule(self) -> None:
        code, _, err = run("rule", "PC1044")
        assert code == 2 and "did you mean 'PC104'" in err


def test_installed_command_runs_as_a_real_process() -> None:
    """The console script and `python -m partnercheck` behave the same."""
    target = str(EXAMPLES / "harbour-town-network.yaml")
    module = subprocess.run(
        [sys.executable, "-m", "partnercheck", "assess", target, "-f", "json", *AS_OF],
        capture_output=True,
        text=True,
        check=False,
    )
    script = Path(sys.executable).parent / "partnercheck"
    console = subprocess.run(
        [str(script), "assess", target, "-f", "json", *AS_OF],
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == console.returncode == 1
    assert module.stdout == console.stdout
    assert json.loads(module.stdout)["results"][0]["band"] == "critical"


def test_broken_input_gives_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"partnercheck: 1\npartners: [\x00\x01")
    proc = subprocess.run(
        [sys.executable, "-m", "partnercheck", "assess", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{bad}:2:")


def test_an_internal_error_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import partnercheck.app.commands as commands
    from partnercheck.cli import main

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(commands, "assess", broken)
    monkeypatch.delenv("PARTNERCHECK_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["partnercheck", "assess", str(SOUND)])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("partnercheck: internal error: RuntimeError: boom")
    assert len(err.splitlines()) == 1


def test_unwritable_output_is_a_located_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "result.json"
    code, _, err = run("assess", str(SOUND), "-o", str(missing), *AS_OF)
    assert (code, err) == (2, f"{missing}:1:1: cannot write: No such file or directory\n")


def test_a_folder_without_partnership_files_is_reported(tmp_path: Path) -> None:
    code, _, err = run("assess", str(tmp_path), *AS_OF)
    assert code == 0
    assert err == f"partnercheck: warning: no *.yaml or *.yml files found in {tmp_path}\n"


def test_a_run_that_cannot_start_leaves_the_previous_output_alone(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("previous result\n")
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text("fial-on = 'warning'\n")
    code, _, err = run("assess", str(SOUND), "-o", str(target), "--config", str(bad_config))
    assert code == 2 and "unknown key 'fial-on'" in err
    assert target.read_text() == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "result.json"]


@pytest.mark.parametrize(("option", "shown"), [("--select", "--select"), ("--ignore", "--ignore")])
def test_bad_rule_ids_on_the_command_line_name_the_option(option: str, shown: str) -> None:
    code, _, err = run("assess", str(SOUND), option, "XX", *AS_OF)
    assert code == 2
    assert err == (
        f"<command line>:1:1: {shown}: 'XX' is not a rule id or prefix "
        "(expected e.g. PC305 or PC3)\n"
    )


def test_schema_to_an_unwritable_place_is_a_located_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "schema.json"
    code, _, err = run("schema", "-o", str(target))
    assert (code, err) == (2, f"{target}:1:1: cannot write: No such file or directory\n")


def test_rule_explains_the_ids_ci_formats_add() -> None:
    for rule_id, title in (
        ("PC000", "PC000: The file can be read and validated"),
        ("threshold", "threshold: The file meets the run's thresholds"),
    ):
        code, out, _ = run("rule", rule_id)
        assert code == 0 and out.startswith(title + "\n") and "How to fix it:" in out
