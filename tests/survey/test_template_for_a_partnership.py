"""`survey template PARTNERSHIP.yaml`: forms that list the partnership's partners by name,
with the id to enter, in CSV, Markdown and a printable HTML form."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from partnercheck.cli import app
from partnercheck.survey.responses import read_responses
from partnercheck.survey.template import inert, template_csv
from tests.conftest import EXAMPLES

RIVERSIDE = EXAMPLES / "riverside.yaml"
PARTNERS = {
    "council": "Riverside City Council",
    "nhs": "Riverside University Hospitals NHS Foundation Trust",
    "housing": "Riverside Homes Housing Association",
    "carelink": "CareLink Home Support Ltd",
}


def template(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["survey", "template", *args])
    return result.exit_code, result.stdout, result.stderr


def test_csv_has_a_starter_row_per_partner_by_id_and_name() -> None:
    code, out, _ = template(str(RIVERSIDE))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["partner"], r["x-partner-name"]) for r in rows] == list(PARTNERS.items())
    assert all(r["respondent"] == f"{r['partner']}-1" for r in rows)


def test_the_filled_in_csv_is_read_back_with_partners_by_id_or_name(tmp_path: Path) -> None:
    _, out, _ = template(str(RIVERSIDE))
    rows = list(csv.DictReader(io.StringIO(out)))
    rows[0]["GOA1"] = "4"  # the council's starter row, filled in
    # A respondent who writes the council's full name instead of its id:
    rows.append({**rows[1], "respondent": "r9", "partner": "Riverside City Council"})
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows([rows[0], rows[-1]])
    path = tmp_path / "responses.csv"
    path.write_text(text.getvalue(), encoding="utf-8")
    responses = read_responses(path, list(PARTNERS), partner_names=PARTNERS)
    assert [(r.respondent, r.partner) for r in responses] == [
        ("council-1", "council"),
        ("r9", "council"),
    ]
    assert responses[0].ratings == {"GOA1": 4}


def test_markdown_lists_every_partner_with_the_id_to_enter() -> None:
    code, out, _ = template(str(RIVERSIDE), "--format", "markdown")
    assert code == 0
    for pid, name in PARTNERS.items():
        assert f"| {name} | `{pid}` |" in out


def test_html_form_lists_every_partner_and_every_statement() -> None:
    code, out, _ = template(str(RIVERSIDE), "--format", "html")
    assert code == 0
    assert "<title>Partnership survey: Riverside Health and Housing Alliance</title>" in out
    for pid, name in PARTNERS.items():
        assert f"{name}</th><td><code>{pid}</code>" in out
    assert out.count('<td class="box">') == 31 * 5
    assert "<script" not in out.lower()


def test_without_a_partnership_the_forms_are_generic() -> None:
    code, out, _ = template()
    assert code == 0 and out.count("\n") == 1  # the header row only
    assert "x-partner-name" not in out


def test_an_unreadable_partnership_is_a_located_error() -> None:
    code, out, err = template("missing.yaml", "--format", "html")
    assert code == 2 and out == ""
    assert err.startswith("missing.yaml:1:1: cannot read file")


def test_a_name_that_looks_like_a_formula_stays_text_in_a_spreadsheet() -> None:
    assert inert('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert inert("Riverside") == "Riverside"
    out = template_csv([("evil", "=1+1"), ("ok", "Fine")])
    assert "'=1+1" in out
