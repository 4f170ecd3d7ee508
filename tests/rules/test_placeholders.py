"""PC001-PC003: placeholder text is taken out before the rules run, and each piece is named."""

from __future__ import annotations

from typing import Any

import pytest

from partnercheck.model.partnership import Partnership
from partnercheck.results import FileResult
from partnercheck.rules.placeholders import strip_placeholders
from tests.conftest import assess_changed, element, fired


def path_of(result: FileResult, rule_id: str) -> list[str | None]:
    return [f.location.path if f.location else None for f in fired(result, rule_id)]


def exit_terms(text: str) -> Any:
    return lambda d: d["partnership"]["agreement"].update(exit_terms=text)


def knowledge_sharing(text: str) -> Any:
    return lambda d: d["resources"].update(knowledge_sharing=text)


def test_pc001_fires_for_tbd_and_the_rules_see_no_vision() -> None:
    result = assess_changed(lambda d: d["vision"].update(statement="TBD"))
    [finding] = fired(result, "PC001")
    assert finding.message == "vision.statement is a placeholder, not content: 'TBD'"
    assert path_of(result, "PC001") == ["vision.statement"]
    assert (finding.severity, finding.points, finding.element) == ("error", 0.0, "vision")
    # The statement is read as missing: the rule that needs it prices the gap, once.
    [missing] = fired(result, "PC201")
    assert missing.message == "The vision has no statement"


def test_pc001_holds_the_headline_at_developing() -> None:
    result = assess_changed(knowledge_sharing("TODO: how partners share what they learn"))
    [finding] = fired(result, "PC001")
    assert finding.message.startswith("resources.knowledge_sharing is a placeholder, not content")
    assert result.band == "developing"
    assert result.cap is not None and result.cap.reason.endswith("(PC001)")


def test_pc001_drops_a_goal_whose_objective_is_a_placeholder_and_keeps_locations_true() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["objective"] = "TBD"
        d["goals"][1].pop("owner")

    result = assess_changed(change)
    assert path_of(result, "PC001") == ["goals[0].objective"]
    # G2 is the only goal left, so it bears all of PC106, and still points at its own line.
    [owner] = fired(result, "PC106")
    assert owner.message == "Goal G2 has no owner"
    assert owner.location is not None and owner.location.path == "goals[1]"
    assert owner.points == 8.0


def test_pc001_recognises_the_starter_files_sample_text() -> None:
    result = assess_changed(lambda d: d["partners"][0].update(benefits=["What this partner gains"]))
    assert path_of(result, "PC001") == ["partners[0].benefits[0]"]
    [benefit] = fired(result, "PC110")
    assert benefit.message == "Partner council has no stated benefit"


@pytest.mark.parametrize(
    "text",
    [
        "Six months' notice; the split of shared assets to be agreed at the next board meeting",
        "Six months' notice; the split of shared assets is to be agreed by March 2027",
        "Exit terms to be agreed by 2027-03-01",
    ],
)
def test_pc001_and_pc002_stay_quiet_on_a_dated_plan(text: str) -> None:
    result = assess_changed(exit_terms(text))
    assert not fired(result, "PC001") and not fired(result, "PC002")
    assert not fired(result, "PC506")  # the exit terms count as written
    assert result.score == 100.0


def test_pc001_stays_quiet_on_a_dated_plan_that_names_who_agrees_it() -> None:
    result = assess_changed(exit_terms("Exit terms to be agreed by the board on 2027-03-01"))
    assert not fired(result, "PC001")
    assert result.band == "strong"


def test_pc001_fires_when_the_plan_names_who_agrees_it_but_no_date() -> None:
    result = assess_changed(exit_terms("Exit terms to be agreed by the board"))
    assert path_of(result, "PC001") == ["partnership.agreement.exit_terms"]


def test_pc002_fires_for_text_with_an_open_point_and_keeps_the_rest() -> None:
    text = "Six months' notice; the split of shared assets is to be agreed"
    result = assess_changed(exit_terms(text))
    [finding] = fired(result, "PC002")
    assert finding.message == (
        "partnership.agreement.exit_terms is unfinished: "
        '"Six months\' notice; the split of shared assets is to be agr…"'
    )
    assert path_of(result, "PC002") == ["partnership.agreement.exit_terms"]
    assert (finding.severity, finding.points, finding.element) == ("warning", 0.0, "roles")
    # The agreed part stands: the exit terms are not priced as missing.
    assert not fired(result, "PC001") and not fired(result, "PC506")


# Beside "to be agreed", five real words make a sentence with an open point; four are a stub.
@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("Notice period and asset split to be agreed", "PC001"),
        ("Notice period and shared asset split to be agreed", "PC002"),
    ],
)
def test_a_marker_with_fewer_than_five_real_words_is_a_placeholder(text: str, rule_id: str) -> None:
    result = assess_changed(exit_terms(text))
    assert path_of(result, rule_id) == ["partnership.agreement.exit_terms"]
    assert bool(fired(result, "PC506")) is (rule_id == "PC001")


def test_two_open_points_make_a_placeholder_however_long_the_text() -> None:
    process = "Chief executives meet within thirty days; the escalation route is TBC"
    one = assess_changed(
        lambda d: d["communication"]["conflict_resolution"].update(process=process)
    )
    assert path_of(one, "PC002") == ["communication.conflict_resolution.process"]
    two = process + " and a mediator is to be agreed"
    result = assess_changed(lambda d: d["communication"]["conflict_resolution"].update(process=two))
    assert path_of(result, "PC001") == ["communication.conflict_resolution.process"]


@pytest.mark.parametrize("text", ["None in place", "No formal process", "Not yet agreed"])
def test_pc003_fires_when_the_text_says_there_is_none(text: str) -> None:
    result = assess_changed(knowledge_sharing(text))
    [finding] = fired(result, "PC003")
    assert finding.message == (
        f"resources.knowledge_sharing says there is none, so it counts as missing: '{text}'"
    )
    assert (finding.severity, finding.points, finding.element) == ("info", 0.0, "resources")
    [missing] = fired(result, "PC404")
    assert missing.message == "No knowledge-sharing arrangement is recorded"
    assert element(result, "resources") == 85.0


def test_pc003_fires_for_an_arrangement_that_has_stopped() -> None:
    result = assess_changed(
        lambda d: d["resources"].update(skills_exchange="Nurse training suspended in 2025")
    )
    assert path_of(result, "PC003") == ["resources.skills_exchange"]


@pytest.mark.parametrize(
    "change",
    [
        knowledge_sharing("Nonetheless we hold quarterly learning sessions"),
        # A risk describing a lapse is a risk, not a lapsed arrangement.
        lambda d: d["risks"][0].update(
            description="Board time strains the provider; huddles were suspended in 2025"
        ),
    ],
)
def test_pc003_stays_quiet_on_real_sentences(change: Any) -> None:
    result = assess_changed(change)
    assert not fired(result, "PC003") and not fired(result, "PC001")
    assert result.score == 100.0


def test_the_draft_share_counts_only_the_prose_in_the_file() -> None:
    partnership = Partnership.model_validate(
        {
            "partnercheck": 1,
            "partnership": {"name": "Riverside Partnership", "purpose": "TBD"},
            "partners": [
                {
                    "id": "council",
                    "name": "Riverside Council",
                    "benefits": ["TBD", "Fewer evictions"],
                },
                {"id": "trust", "name": "Riverside Trust"},
            ],
            "goals": [{"id": "G1", "objective": "TODO"}],
        }
    )
    _, found, index_map = strip_placeholders(partnership)
    assert (len(found), index_map.texts) == (3, 7)


def test_placeholder_rules_stay_quiet_on_the_sound_partnership(sound_result: FileResult) -> None:
    assert not [f for f in sound_result.findings if f.rule.startswith("PC00")]
