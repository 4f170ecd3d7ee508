"""What a board reads in the client formats (Markdown, HTML): plain words, human dates,
no CI output; the CI formats keep ids, ISO dates and format values."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

import pytest

from partnercheck.reporters import RenderContext, render
from partnercheck.results import FileResult, Report
from tests.conftest import EXAMPLES, ROOT, assess_changed, assess_text
from tests.reporters.reports import judged, report_of

CASES = ROOT / "tests" / "calibration" / "cases"
HOLDOUT = ROOT / "tests" / "calibration" / "holdout" / "cases"


@cache
def assessed(name: str) -> FileResult:
    """An example or calibration case, assessed as of 2026-11-26."""
    for folder in (EXAMPLES, CASES, HOLDOUT):
        path = folder / name
        if path.exists():
            return assess_text(path.read_text(encoding="utf-8"), name=f"examples/{name}")
    raise FileNotFoundError(name)


def report(name: str) -> Report:
    return judged(report_of(assessed(name)), fail_on="error")


def markdown(name: str) -> str:
    return render("markdown", report(name), RenderContext())


def page(name: str) -> str:
    return render("html", report(name), RenderContext())


def client_part(text: str) -> str:
    """A Markdown report without its details appendix (where ids and ISO dates belong)."""
    return text.split("### Details", 1)[0]


def test_evaluation_methods_read_as_words_not_format_values() -> None:
    text = client_part(markdown("small-community-alliance.yaml"))
    assert "only one kind of evidence (performance indicators)" in text
    assert "feedback from the people you serve, case studies or partner surveys" in text
    for value in ("performance-indicators", "service-user-feedback", "case-studies"):
        assert value not in text
    # The details keep the values the file uses.
    assert "(performance-indicators)" in markdown("small-community-alliance.yaml")


def test_form_and_decision_rule_read_as_words() -> None:
    harbour = client_part(markdown("harbour-town-network.yaml"))
    assert "The partners call this a strategic alliance, but on paper it works as a network" in (
        harbour
    )
    assert "strategic-alliance" not in harbour
    assert "lead-partner" not in harbour
    assert "can take decisions alone (as the lead partner)" in harbour


def test_a_risk_is_named_by_its_words_not_its_number() -> None:
    text = client_part(markdown("refugee-resettlement-coalition.yaml"))
    assert "(risk 1)" not in text
    assert "the mitigation of the risk “Federal recovery (ARPA) funds" in text


def test_dates_and_cycles_read_as_a_board_writes_them() -> None:
    text = markdown("small-community-alliance.yaml")
    client = client_part(text)
    assert "The last review was on 19 March 2026; reviews are due every six months" in client
    assert "2026-03-19" not in client
    assert "183 days" not in client
    # ISO dates and the cycle in days stay in the details, as CI reads them.
    assert "The last review was on 2026-03-19; the cycle is twice-yearly (183 days)" in text
    harbour = client_part(markdown("harbour-town-network.yaml"))
    late = "An improvement action due on 31 March 2024 (more than 2 years late) is not done"
    assert late in harbour


def test_ci_formats_keep_ids_iso_dates_and_values() -> None:
    ci = render("json", report("harbour-town-network.yaml"), RenderContext())
    assert "Form is strategic-alliance but the structure shows only networking" in ci
    assert "due on 2024-03-31" in ci
    assert "(partner-survey)" in ci


def test_no_threshold_or_exit_code_in_a_client_report() -> None:
    """The run fails (an error stands), but the board's report does not say 'exit 1'."""
    assert report("small-community-alliance.yaml").threshold is not None
    for text in (markdown("small-community-alliance.yaml"), page("small-community-alliance.yaml")):
        for ci_words in ("Threshold failed", "exit 1", "--fail-on"):
            assert ci_words not in text


def test_the_markdown_title_names_the_partnership_as_the_html_does() -> None:
    text = markdown("small-community-alliance.yaml")
    assert text.startswith(
        "# Partnership health report: Eastgate Community Food Alliance\n\nAs of 26 November 2026."
    )
    assert "input error" not in text
    assert "<h1>Partnership health report: Eastgate Community Food Alliance</h1>" in page(
        "small-community-alliance.yaml"
    )


def test_the_summary_and_the_findings_heading_count_the_same_thing() -> None:
    text = markdown("harbour-town-network.yaml")
    assert "| networking | 33 |" in text
    assert "### Findings (33; 52 items in the details)" in text
    assert "Findings (33; 52 items in the details)</h3>" in page("harbour-town-network.yaml")


def test_a_long_group_names_five_and_counts_the_rest_once() -> None:
    text = client_part(markdown("open-source-foundation--vendor-capture.yaml"))
    [roles] = [line for line in text.splitlines() if "have no listed responsibilities" in line]
    assert "Iris Media Group and 29 others (listed in the details). What to do: " in roles
    # "What to do" does not repeat the list the sentence has just given.
    assert roles.count("Bluefin Telecom") == 1
    assert "What to do: Agree what each of them is responsible for. (" in roles


def test_never_a_double_full_stop() -> None:
    for name in (
        "open-source-foundation--vendor-capture.yaml",
        "small-community-alliance.yaml",
        "harbour-town-network.yaml",
    ):
        text = client_part(markdown(name))
        assert ".." not in text.replace("...", ""), name
    # A name ending in "Inc." keeps its own stop and gets no second.
    oss = client_part(markdown("open-source-foundation--vendor-capture.yaml"))
    assert "Inc.. " not in oss and "Inc.." not in oss


def test_quotes_from_the_file_are_curly_in_client_text() -> None:
    def change(data: dict[str, Any]) -> None:
        data["vision"]["statement"] = "TBD with the board"

    [found] = [f for f in assess_changed(change).findings if f.rule.startswith("PC00")]
    assert found.text.endswith(": “TBD with the board”")
    assert found.message.endswith(": 'TBD with the board'")  # CI keeps the literal


def headline(name: str) -> str:
    [line] = [x for x in markdown(name).splitlines() if x.startswith("**Score ")]
    return line


def test_the_cap_names_the_element_as_the_table_does_and_what_holds_it() -> None:
    line = headline("collective-impact-initiative--backbone-takes-control.yaml")
    assert (
        "Held at at-risk because Clear roles and responsibilities is largely missing "
        "(30.0/100): Partner Riverbend Learning Collaborative" in line
    )
    assert "roles is critical" not in line
    # CI keeps its reason, with the short name and the band.
    cap = assessed("collective-impact-initiative--backbone-takes-control.yaml").cap
    assert cap is not None and cap.reason == "capped at at-risk: roles is critical (30.0 of 100)"


def test_a_serious_finding_holds_the_band_without_an_error_stands() -> None:
    line = headline("eu-research-consortium--partner-withdraws-keeps-veto.yaml")
    assert "Held at developing because partner Nordhaven Pharma A/S" in line
    assert "an error stands" not in line


def test_a_new_partnership_is_not_told_it_has_a_problem() -> None:
    line = headline("family-hubs-new-partnership.yaml")
    assert "until the partners hold their first review" in line
    assert "problem" not in line and "no track record" not in line


def test_some_results_on_record_are_counted_not_called_no_track_record() -> None:
    line = headline("northern-research-consortium.yaml")
    assert "Held at developing because results are on record for only 2 of 4 goals." in line
    assert "no track record" not in line


def test_bodies_take_the_article_a_sentence_needs() -> None:
    text = client_part(markdown("global-immunisation-alliance.yaml"))
    assert "Minutes of the Executive Committee are not shared with all partners" in text
    eastgate = client_part(markdown("small-community-alliance.yaml"))
    assert "Circulate the minutes of the Pantry planning meeting to every partner" in eastgate
    northern = client_part(markdown("northern-research-consortium.yaml"))
    assert (
        "The last step for settling disputes, the senior officers' meeting, is made up of "
        "the partners themselves. What to do: Add an independent mediator or expert after "
        "the senior officers' meeting." in northern
    )


def test_a_body_with_its_own_article_gets_no_second() -> None:
    from partnercheck.rules.plain import the

    assert the("The Board") == "The Board"
    assert the("Riverside's board") == "Riverside's board"
    assert the("Executive Committee") == "the Executive Committee"


def test_the_partner_table_says_takes_part_in_and_never_rounds_a_share_to_nothing() -> None:
    from partnercheck.reporters.client_view import percent

    text = markdown("small-community-alliance.yaml")
    assert "| Partner | Sector | Brings | Decides | Takes part in |" in text
    assert "(not a record of attendance)" in text
    assert "Attends" not in text and "Attends" not in page("small-community-alliance.yaml")
    assert percent(0.004) == "<1%"
    assert percent(0.0) == "0%"
    assert percent(0.006) == "1%"


@pytest.mark.parametrize(
    ("due", "said"),
    [
        (date(2026, 11, 20), "6 days late"),
        (date(2026, 11, 12), "2 weeks late"),
        (date(2026, 9, 26), "8 weeks late"),
        (date(2026, 9, 25), "2 months late"),
        (date(2024, 11, 27), "23 months late"),
        (date(2024, 11, 26), "more than 2 years late"),
    ],
)
def test_how_late_an_action_is_said_as_people_say_it(due: date, said: str) -> None:
    from partnercheck.rules.plain import how_late

    assert how_late(due, date(2026, 11, 26)) == said


def test_an_overdue_action_says_how_late_it_is_to_people_only() -> None:
    result = assess_changed(
        lambda d: d["evaluation"]["improvements"][0].update(due=date(2026, 6, 30), status="open")
    )
    [finding] = [f for f in result.findings if f.rule == "PC609"]
    assert "(4 months late)" in finding.text
    assert "late" not in finding.message  # a CI message does not change from day to day


def test_a_goal_missing_most_of_its_basics_is_one_item_with_every_finding_in_the_details() -> None:
    def bare_goal(d: dict[str, Any]) -> None:
        goal = d["goals"][1]
        for field in ("indicator", "target", "owner"):  # three gaps: MERGE_AT
            goal.pop(field, None)
        goal.setdefault("baseline", 10)
        d["evaluation"]["kpis"] = [k for k in d["evaluation"]["kpis"] if k.get("goal") != "G2"]

    page = render("markdown", report_of(assess_changed(bare_goal)), RenderContext())
    client = client_part(page)
    assert re.search(
        r"Goal “[^”]+” is not yet defined: it has no indicator, target or owner\. "
        r"What to do: Agree with the partners its indicator, target and owner\.",
        client,
    )
    assert "has no target value" not in client  # not also said on its own
    for rule in ("PC102", "PC104", "PC106"):
        assert f"| {rule} |" in page  # each finding is kept in the details


def test_a_goal_missing_two_basics_keeps_its_own_findings() -> None:
    def two_gaps(d: dict[str, Any]) -> None:
        d["goals"][1].pop("target")
        d["evaluation"]["kpis"][1].pop("target")
        d["goals"][1].pop("owner")

    client = client_part(render("markdown", report_of(assess_changed(two_gaps)), RenderContext()))
    assert "is not yet defined" not in client
    assert "has no target value" in client


def test_a_report_with_nothing_to_do_says_so_in_every_client_format() -> None:
    report = report_of(assess_changed(lambda d: None))  # the sound partnership
    said = "Nothing needs action now: no single action would move the score by a point or more."
    for name in ("markdown", "html", "rich"):
        assert said in render(name, report, RenderContext()).replace("\n", " "), name
