"""What a board reads from a survey: coverage, names, and power on paper beside power felt."""

from __future__ import annotations

from pathlib import Path

from partnercheck.engine import Options, SurveyInput, assess, load
from partnercheck.load import Source
from partnercheck.results import FileResult
from partnercheck.rules.base import listing
from partnercheck.survey.analysis import MIN_COVERAGE
from partnercheck.survey.responses import read_responses
from tests.conftest import AS_OF, EXAMPLES

RIVERSIDE = EXAMPLES / "riverside.yaml"
RESPONSES = EXAMPLES / "survey" / "riverside-responses.csv"
NAMES = {
    "council": "Riverside City Council",
    "nhs": "Riverside University Hospitals NHS Foundation Trust",
    "housing": "Riverside Homes Housing Association",
    "carelink": "CareLink Home Support Ltd",
}


def with_survey(csv_text: str, tmp_path: Path) -> FileResult:
    path = tmp_path / "responses.csv"
    path.write_text(csv_text, encoding="utf-8")
    loaded = load(Source(str(RIVERSIDE), RIVERSIDE.read_text(encoding="utf-8"), EXAMPLES))
    responses = read_responses(path, list(NAMES), partner_names=NAMES)
    return assess(loaded, Options(as_of=AS_OF), SurveyInput(responses))


def only(partners: list[str]) -> str:
    """The example's responses, keeping the rows of ``partners``."""
    lines = RESPONSES.read_text(encoding="utf-8").splitlines()
    kept = [lines[0], *(ln for ln in lines[1:] if ln.split(",")[1] in partners)]
    return "\n".join(kept) + "\n"


def test_a_respondent_may_name_the_partner_instead_of_its_id(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "respondent,partner,GOA1\nr1,  riverside city   COUNCIL ,4\nr2,nhs,5\n", encoding="utf-8"
    )
    responses = read_responses(path, list(NAMES), partner_names=NAMES)
    assert [r.partner for r in responses] == ["council", "nhs"]


def test_coverage_counts_partners_that_answered(tmp_path: Path) -> None:
    survey = with_survey(only(["council", "housing", "nhs", "carelink"]), tmp_path).survey
    assert survey is not None
    assert (survey.partners_responding, survey.partners_total) == (4, 4)
    assert not survey.coverage_indicative


def test_below_half_of_the_partners_the_perception_is_indicative(tmp_path: Path) -> None:
    assert MIN_COVERAGE == 0.5
    two = with_survey(only(["council", "housing"]), tmp_path).survey
    one = with_survey(only(["council"]), tmp_path).survey
    assert two is not None and one is not None
    assert (two.partners_responding, two.coverage_indicative) == (2, False)  # half is enough
    assert (one.partners_responding, one.coverage_indicative) == (1, True)


def test_survey_findings_name_partners_for_people_and_ids_for_ci(tmp_path: Path) -> None:
    result = with_survey(RESPONSES.read_text(encoding="utf-8"), tmp_path)
    divergence = next(f for f in result.findings if f.rule == "PC951")
    assert "housing rates" in divergence.message
    assert "Riverside Homes Housing Association rates" in divergence.text
    assert "housing" not in divergence.advice.replace("Housing", "")


def test_survey_findings_about_different_areas_keep_distinct_identities(tmp_path: Path) -> None:
    result = with_survey(RESPONSES.read_text(encoding="utf-8"), tmp_path)
    subjects = [f.subject for f in result.findings if f.rule == "PC951"]
    assert len(subjects) == 2 and len(set(subjects)) == 2


def test_power_felt_low_beside_a_fair_say_on_paper_is_read_in_one_line(tmp_path: Path) -> None:
    result = with_survey(RESPONSES.read_text(encoding="utf-8"), tmp_path)
    [reading] = result.power_readings
    assert reading.partner == "housing"
    assert (reading.document, reading.feels) == ("in-line", "unheard")
    assert reading.perception is not None and reading.others is not None
    assert reading.perception < 3 < reading.others
    assert reading.reading.startswith("On paper Riverside Homes Housing Association has a fair")


def test_partners_that_feel_heard_with_a_fair_say_are_not_listed(tmp_path: Path) -> None:
    result = with_survey(only(["council", "nhs", "carelink"]), tmp_path)
    assert result.power_readings == []


def test_without_a_survey_there_is_no_power_reading() -> None:
    loaded = load(Source(str(RIVERSIDE), RIVERSIDE.read_text(encoding="utf-8"), EXAMPLES))
    assert assess(loaded, Options(as_of=AS_OF)).power_readings == []


def test_a_list_of_names_with_commas_is_separated_by_semicolons() -> None:
    assert listing(["A", "B", "C"]) == "A, B and C"
    assert listing(["Federation of Small Businesses, Northvale", "B", "C"]) == (
        "Federation of Small Businesses, Northvale; B and C"
    )
