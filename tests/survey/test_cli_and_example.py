"""The `survey template` command, and the Riverside example responses."""

from __future__ import annotations

from pathlib import Path

import typer
import yaml
from typer.testing import CliRunner

from partnercheck.cli.survey_cmd import register
from partnercheck.results import ChallengeId, ElementId
from partnercheck.survey.analysis import analyse
from partnercheck.survey.responses import read_responses
from partnercheck.survey.template import template_csv, template_markdown
from tests.conftest import EXAMPLES

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer(rich_markup_mode=None)

    @app.callback()
    def _root() -> None:
        """Test root."""

    register(app)
    return app


def test_template_csv_to_stdout() -> None:
    result = runner.invoke(_app(), ["survey", "template"])
    assert (result.exit_code, result.stdout) == (0, template_csv())


def test_template_markdown_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "form.md"
    result = runner.invoke(_app(), ["survey", "template", "-f", "markdown", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_text(encoding="utf-8") == template_markdown()


def test_template_unknown_format() -> None:
    result = runner.invoke(_app(), ["survey", "template", "--format", "pdf"])
    assert result.exit_code == 2
    assert "'pdf' is not one of csv, markdown" in result.stderr


def test_template_help_has_examples() -> None:
    result = runner.invoke(_app(), ["survey", "template", "--help"])
    assert result.exit_code == 0
    assert "partnercheck survey template partnership.yaml --format markdown" in result.stdout


def test_riverside_example_responses() -> None:
    data = yaml.safe_load((EXAMPLES / "riverside.yaml").read_text(encoding="utf-8"))
    partners = [p["id"] for p in data["partners"]]
    responses = read_responses(EXAMPLES / "survey" / "riverside-responses.csv", partners)
    counts = {p: sum(1 for r in responses if r.partner == p) for p in partners}
    assert all(3 <= n <= 4 for n in counts.values()), counts
    result = analyse(responses, partners, dict.fromkeys(ElementId, 90.0))
    assert result.indicative_partners == []
    # Housing rates communication and power clearly lower than the other partners.
    for area in (ElementId.COMMUNICATION, ChallengeId.POWER_IMBALANCE):
        cells = {c.partner: c.mean for c in result.table if c.area == area}
        others = [m for p, m in cells.items() if p != "housing"]
        assert cells["housing"] <= min(others) - 1.0, (area, cells)
    divergent = {(r.kind, r.element or r.challenge, r.partner) for r in result.records}
    assert ("divergence", ElementId.COMMUNICATION, "housing") in divergent
    assert ("divergence", ChallengeId.POWER_IMBALANCE, "housing") in divergent
