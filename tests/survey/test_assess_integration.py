"""A survey through `partnercheck assess`: combined scores, findings, privacy, every format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from partnercheck.cli import app
from tests.conftest import EXAMPLES

RESPONSES = EXAMPLES / "survey" / "riverside-responses.csv"
RIVERSIDE = EXAMPLES / "riverside.yaml"
AS_OF = ["--as-of", "2026-11-26"]


def assess(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["assess", *args, *AS_OF])
    return result.exit_code, result.stdout, result.stderr


def json_result(*args: str) -> dict[str, Any]:
    code, out, _ = assess(*args, "-f", "json")
    assert code == 0
    result: dict[str, Any] = json.loads(out)["results"][0]
    return result


def test_without_a_survey_nothing_changes() -> None:
    result = json_result(str(RIVERSIDE))
    assert "survey" not in result
    assert all("document_score" not in e for e in result["elements"])


def test_elements_combine_document_and_perception_equally() -> None:
    result = json_result(str(RIVERSIDE), "--survey", str(RESPONSES))
    for element in result["elements"]:
        expected = round(0.5 * element["document_score"] + 0.5 * element["perception_score"], 1)
        assert element["score"] == expected
    weights = sum(e["weight"] for e in result["elements"])
    overall = sum(e["weight"] * e["score"] for e in result["elements"]) / weights
    assert result["score"] == round(overall, 1)
    assert result["survey"]["respondents"] == 14


def test_divergence_becomes_a_finding_about_the_lowest_partner() -> None:
    result = json_result(str(RIVERSIDE), "--survey", str(RESPONSES))
    divergences = [f for f in result["findings"] if f["rule"] == "PC951"]
    assert {f["element"] for f in divergences} == {"communication", None}
    assert any(f["challenge"] == "power-imbalance" for f in divergences)
    assert all("housing" in f["message"] for f in divergences)
    assert all(f["points"] == 0 for f in divergences)


def test_respondents_stay_private_unless_asked() -> None:
    result = json_result(str(RIVERSIDE), "--survey", str(RESPONSES))
    assert result["survey"]["respondent_answers"] is None
    text = json.dumps(result)
    shown = json_result(str(RIVERSIDE), "--survey", str(RESPONSES), "--show-respondents")
    answers = shown["survey"]["respondent_answers"]
    assert answers and all(a["respondent"] not in text for a in answers)


def test_min_respondents_marks_partners_indicative() -> None:
    result = json_result(str(RIVERSIDE), "--survey", str(RESPONSES), "--min-respondents", "4")
    indicative = {p["partner"] for p in result["survey"]["partners"] if p["indicative"]}
    assert indicative == {"nhs", "carelink"}  # three respondents each


def test_survey_key_in_the_file_is_relative_to_it(tmp_path: Path) -> None:
    shutil.copy(RESPONSES, tmp_path / "answers.csv")
    text = RIVERSIDE.read_text(encoding="utf-8") + "survey: answers.csv\n"
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    result = json_result(str(tmp_path / "p.yaml"))
    assert result["survey"]["respondents"] == 14
    [finding] = [f for f in result["findings"] if f["rule"] == "PC951" and f["element"]]
    assert finding["location"]["path"] == "survey"


def test_survey_key_naming_a_missing_file_is_a_located_error(tmp_path: Path) -> None:
    text = RIVERSIDE.read_text(encoding="utf-8") + "survey: nowhere.csv\n"
    target = tmp_path / "p.yaml"
    target.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    code, _, err = assess(str(target))
    assert code == 2
    assert err == (
        f"{target}:{line}:9: survey file 'nowhere.csv' not found "
        "(paths are relative to this file)\n"
    )


def test_bad_survey_input_exits_2_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "r.csv"
    bad.write_text("respondent,partner,GOA1\nr1,council,4\nr2,nobody,9\n", encoding="utf-8")
    code, _, err = assess(str(RIVERSIDE), "--survey", str(bad))
    assert code == 2
    lines = err.splitlines()
    assert lines and all(line.startswith(f"{bad}:3:") for line in lines)
    assert "Traceback" not in err


def test_rich_report_shows_partners_side_by_side_without_colour() -> None:
    code, out, _ = assess(str(RIVERSIDE), "--survey", str(RESPONSES), "-f", "rich")
    assert code == 0 and "\x1b[" not in out
    assert "How each partner rates the elements" in out
    assert "Comms!" in out and "2.6▼" in out and "Power!" in out and "1.9▼" in out


def test_markdown_and_html_carry_the_survey() -> None:
    _, markdown, _ = assess(str(RIVERSIDE), "--survey", str(RESPONSES), "-f", "markdown")
    assert "### Partner perception survey (14 respondents from 4 of 4 partners)" in markdown
    assert "**2.6▼**" in markdown
    _, html, _ = assess(str(RIVERSIDE), "--survey", str(RESPONSES), "-f", "html")
    assert "Partner perception survey" in html and "<strong>1.9▼</strong>" in html


def test_respondents_appear_in_reports_only_on_request() -> None:
    for fmt in ("rich", "markdown", "html"):
        _, hidden, _ = assess(str(RIVERSIDE), "--survey", str(RESPONSES), "-f", fmt)
        _, shown, _ = assess(
            str(RIVERSIDE), "--survey", str(RESPONSES), "-f", fmt, "--show-respondents"
        )
        assert "Respondents (shown on request)" not in hidden, fmt
        assert "R01" not in hidden, fmt
        assert "Respondents (shown on request)" in shown and "R01" in shown, fmt
