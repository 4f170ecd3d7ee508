"""Configuration through the real CLI: discovery, precedence, errors, and what each key does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.app.cli_helpers import AS_OF, assess, run
from tests.conftest import dump, sound


def rules_of(report: dict[str, Any], index: int = 0) -> list[str]:
    return [f["rule"] for f in report["results"][index]["findings"]]


def write_flawed(path: Path) -> Path:
    """The sound partnership without channels: one PC305 warning, in communication."""
    data = sound()
    data["communication"].pop("channels")
    path.write_text(dump(data), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root holding p.yaml, with the working directory two levels below it."""
    write_flawed(tmp_path / "p.yaml")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    return tmp_path


def p_yaml(project: Path) -> str:
    return str(project / "p.yaml")


# Discovery


def test_no_config_uses_defaults(project: Path) -> None:
    code, report = assess(p_yaml(project))
    assert code == 0  # a warning does not fail by default (fail-on error)
    assert rules_of(report) == ["PC305"]


def test_dotfile_is_found_upward_from_a_nested_directory(project: Path) -> None:
    (project / ".partnercheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert assess(p_yaml(project))[0] == 1


def test_pyproject_with_a_partnercheck_table_is_used(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.partnercheck]\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert assess(p_yaml(project))[0] == 1


def test_pyproject_without_a_partnercheck_table_is_passed_over(project: Path) -> None:
    # The nearer pyproject.toml does not configure partnercheck: the search goes on upward.
    (project / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / ".partnercheck.toml").write_text('ignore = ["PC305"]\n', encoding="utf-8")
    code, report = assess(p_yaml(project))
    assert code == 0
    assert rules_of(report) == []


def test_the_nearest_config_wins(project: Path) -> None:
    (project / ".partnercheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (project / "a" / "pyproject.toml").write_text(
        '[tool.partnercheck]\nfail-on = "never"\n', encoding="utf-8"
    )
    assert assess(p_yaml(project))[0] == 0


def test_dotfile_wins_over_pyproject_in_the_same_directory(project: Path) -> None:
    (project / ".partnercheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.partnercheck]\nfail-on = "never"\n', encoding="utf-8"
    )
    assert assess(p_yaml(project))[0] == 1


def test_config_option_overrides_discovery(project: Path) -> None:
    (project / ".partnercheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    other = project / "ci.toml"
    other.write_text('fail-on = "warning"\n', encoding="utf-8")
    assert assess(p_yaml(project))[0] == 0
    assert assess(p_yaml(project), "--config", str(other))[0] == 1


def test_config_option_reads_the_tool_table_of_a_pyproject(project: Path) -> None:
    other = project / "elsewhere" / "pyproject.toml"
    other.parent.mkdir()
    other.write_text('[tool.partnercheck]\nignore = ["PC3"]\n', encoding="utf-8")
    assert rules_of(assess(p_yaml(project), "--config", str(other))[1]) == []


def test_missing_config_option_file_is_a_located_error(project: Path) -> None:
    result = run("assess", p_yaml(project), "--config", "nowhere.toml")
    assert result.exit_code == 2
    assert result.stderr == "nowhere.toml:1:1: config file not found\n"


# Precedence


def test_command_line_beats_the_file(project: Path) -> None:
    (project / ".partnercheck.toml").write_text("fail-under = 99\n", encoding="utf-8")
    code, report = assess(p_yaml(project))
    assert report["results"][0]["score"] == 98.3  # communication 90 (PC305 costs 10)
    assert code == 1
    assert assess(p_yaml(project), "--fail-under", "10")[0] == 0


def test_command_line_fail_on_beats_the_file(project: Path) -> None:
    (project / ".partnercheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert assess(p_yaml(project), "--fail-on", "warning")[0] == 1


def test_command_line_ignore_adds_to_the_file(project: Path) -> None:
    data = sound()
    data["communication"].pop("channels")
    data["goals"][0].pop("baseline")  # PC103
    data["evaluation"]["kpis"][0].pop("baseline")
    (project / "p.yaml").write_text(dump(data), encoding="utf-8")
    (project / ".partnercheck.toml").write_text('ignore = ["PC103"]\n', encoding="utf-8")
    assert rules_of(assess(p_yaml(project))[1]) == ["PC305"]
    assert rules_of(assess(p_yaml(project), "--ignore", "PC305")[1]) == []


def test_as_of_in_the_file_is_used_without_the_option(project: Path) -> None:
    (project / ".partnercheck.toml").write_text("as-of = 2025-01-31\n", encoding="utf-8")
    result = run("assess", p_yaml(project), "--format", "json")
    assert json.loads(result.stdout)["as_of"] == "2025-01-31"


# Errors


def error_line(project: Path, text: str, name: str = ".partnercheck.toml") -> str:
    (project / name).write_text(text, encoding="utf-8")
    result = run("assess", p_yaml(project), "--format", "json", "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_unknown_key_names_file_line_and_key_with_a_hint(project: Path) -> None:
    line = error_line(project, '# settings\nfail-under = 50\nfial-on = "warning"\n')
    assert line == (
        f"{project / '.partnercheck.toml'}:3:1: unknown key 'fial-on' (did you mean 'fail-on'?)"
    )


def test_unknown_key_in_pyproject_names_pyproject(project: Path) -> None:
    line = error_line(
        project, '[project]\nname = "x"\n\n[tool.partnercheck]\nselct = ["PC3"]\n', "pyproject.toml"
    )
    assert line == f"{project / 'pyproject.toml'}:5:1: unknown key 'selct' (did you mean 'select'?)"


def test_bad_value_in_pyproject_points_into_the_partnercheck_table(project: Path) -> None:
    text = '[tool.ruff.lint]\nselect = ["E"]\n\n[tool.partnercheck]\nselect = ["E501"]\n'
    assert ":5:1: select:" in error_line(project, text, "pyproject.toml")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('fail-on = "sometimes"', "fail-on: Input should be 'error', 'warning', 'info' or 'never'"),
        ("weights = {goals = -1}", "weights.goals: Input should be greater than or equal to 0"),
        ("weights = {goals = nan}", "weights.goals: Input should be a finite number"),
        ("weights = {goals = inf}", "weights.goals: Input should be a finite number"),
        ("weights = {goals = 1e308}", "weights.goals: Input should be less than or equal to 1000"),
        (
            "weights = {goals = 0, vision = 0, communication = 0, resources = 0, roles = 0, "
            "evaluation = 0}",
            "weights: every element weight is 0; at least one must be positive",
        ),
        ('select = ["PC1O1"]', "select: 'PC1O1' is not a rule id or prefix (did you mean 'PC101'"),
        ('select = ["PC999"]', "select: 'PC999' is not a rule id or prefix"),
        ('extend-ignore = ["pc"]', "extend-ignore: 'pc' is not a rule id or prefix"),
        ('severity = {PC999 = "info"}', "severity: 'PC999' is not a rule id"),
        ('severity = {PC3 = "info"}', "severity: 'PC3' is not a rule id (a prefix; give each"),
        ('per-file-ignores = {"a/*" = ["PC1O1"]}', "per-file-ignores: 'PC1O1' is not a rule id"),
        ("jobs = " + "9" * 5000, "invalid TOML: a number too long to read"),
        ("jobs = " + "9" * 100, "jobs: Input should be less than or equal to 256"),
        ("select = " + "[" * 500 + "]" * 500, "invalid TOML: arrays or tables nested too deeply"),
        ("fail-under = nan", "fail-under: Input should be a finite number"),
        ('select = ["E501"]', "select: 'E501' is not a rule id or prefix"),
        ('ignore = ["W"]', "ignore: 'W' is not a rule id or prefix"),
        ('severity = {PC305 = "fatal"}', "severity.PC305: Input should be"),
        ("fail-under = 120", "fail-under: Input should be less than or equal to 100"),
        ("weights = {budget = 2}", "weights.budget"),
    ],
)
def test_bad_values_are_located_errors(project: Path, setting: str, message: str) -> None:
    line = error_line(project, f"# team settings\n{setting}\n")
    assert line.startswith(f"{project / '.partnercheck.toml'}:2:")
    assert line.split(": ", 1)[1].startswith(message)


def test_a_bad_weight_in_a_table_points_at_its_own_line(project: Path) -> None:
    line = error_line(project, "fail-on = 'warning'\n\n[weights]\nvision = 1\ngoals = nan\n")
    assert line.startswith(f"{project / '.partnercheck.toml'}:5:1: weights.goals: ")


def test_invalid_toml_is_a_located_error(project: Path) -> None:
    line = error_line(project, 'fail-on = "warning"\nweights = {goals = }\n')
    assert line.startswith(f"{project / '.partnercheck.toml'}:2:")
    assert "invalid TOML" in line


# What the keys do


def test_per_file_ignores_apply_only_to_matching_files(project: Path) -> None:
    write_flawed(project / "legacy-partnership.yaml")
    (project / ".partnercheck.toml").write_text(
        '[per-file-ignores]\n"legacy-*.yaml" = ["PC305"]\n', encoding="utf-8"
    )
    code, report = assess(str(project / "legacy-partnership.yaml"), p_yaml(project))
    assert code == 0
    assert rules_of(report, 0) == []
    assert rules_of(report, 1) == ["PC305"]


def test_per_file_ignores_match_a_path_glob(project: Path) -> None:
    (project / "old").mkdir()
    write_flawed(project / "old" / "x.yaml")
    (project / ".partnercheck.toml").write_text(
        '[per-file-ignores]\n"*/old/*" = ["PC3"]\n', encoding="utf-8"
    )
    _, report = assess(str(project / "old" / "x.yaml"), p_yaml(project))
    assert [rules_of(report, 0), rules_of(report, 1)] == [[], ["PC305"]]


def test_severity_override_changes_the_finding_and_the_exit_code(project: Path) -> None:
    code, report = assess(p_yaml(project))
    assert (code, report["results"][0]["findings"][0]["severity"]) == (0, "warning")
    (project / ".partnercheck.toml").write_text('[severity]\nPC305 = "error"\n', encoding="utf-8")
    code, report = assess(p_yaml(project))
    assert (code, report["results"][0]["findings"][0]["severity"]) == (1, "error")


def test_severity_override_can_soften_an_error(project: Path) -> None:
    data = sound()
    data["communication"].pop("conflict_resolution")  # PC307, an error
    (project / "p.yaml").write_text(dump(data), encoding="utf-8")
    assert assess(p_yaml(project))[0] == 1
    (project / ".partnercheck.toml").write_text('severity = {PC307 = "info"}\n', encoding="utf-8")
    code, report = assess(p_yaml(project))
    assert code == 0
    assert report["results"][0]["findings"][0]["severity"] == "info"


def weighted_mean(elements: list[dict[str, Any]]) -> float:
    total = sum(float(e["weight"]) for e in elements)
    return round(sum(float(e["weight"]) * float(e["score"]) for e in elements) / total, 1)


def test_element_weights_give_a_weighted_mean(project: Path) -> None:
    _, plain = assess(p_yaml(project))
    [result] = plain["results"]
    scores = {e["id"]: e["score"] for e in result["elements"]}
    assert scores["communication"] < 100.0
    assert result["score"] == round(sum(scores.values()) / 6, 1)

    (project / ".partnercheck.toml").write_text(
        "[weights]\ncommunication = 3\ngoals = 0.5\n", encoding="utf-8"
    )
    [weighted] = assess(p_yaml(project))[1]["results"]
    weights = {e["id"]: e["weight"] for e in weighted["elements"]}
    assert weights == {
        "goals": 0.5,
        "vision": 1.0,
        "communication": 3.0,
        "resources": 1.0,
        "roles": 1.0,
        "evaluation": 1.0,
    }
    expected = round((5 * 100.0 - 0.5 * 100.0 + 3 * scores["communication"]) / 7.5, 1)
    assert weighted["score"] == expected == weighted_mean(weighted["elements"])
    assert weighted["score"] < result["score"]


def test_zero_weight_leaves_an_element_out_of_the_score(project: Path) -> None:
    (project / ".partnercheck.toml").write_text("weights = {communication = 0}\n", encoding="utf-8")
    [result] = assess(p_yaml(project))[1]["results"]
    assert result["score"] == 100.0
    assert rules_of({"results": [result]}) == ["PC305"]  # still reported, just not scored


def test_select_limits_the_rules(project: Path) -> None:
    data = sound()
    data["communication"].pop("channels")
    data["goals"][0].pop("baseline")
    data["evaluation"]["kpis"][0].pop("baseline")
    (project / "p.yaml").write_text(dump(data), encoding="utf-8")
    (project / ".partnercheck.toml").write_text('select = ["PC1"]\n', encoding="utf-8")
    assert rules_of(assess(p_yaml(project))[1]) == ["PC103"]
