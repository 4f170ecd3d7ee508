"""Schema and reference errors point at the offending key or value, with a useful message."""

from __future__ import annotations

import pytest

from partnercheck.errors import InputErrors
from partnercheck.load.yaml_source import parse
from partnercheck.model.partnership import Partnership
from partnercheck.model.validate import build
from tests.conftest import SOUND

HEAD = """\
partnercheck: 1
partnership:
  name: P
partners:
  - id: a
    name: A
  - id: b
    name: B
"""


def errors_of(text: str) -> list[str]:
    with pytest.raises(InputErrors) as info:
        build(parse(text, "f.yaml"), "f.yaml")
    return [e.render() for e in info.value.errors]


def test_minimal_file_is_valid() -> None:
    p = build(parse(HEAD, "f.yaml"), "f.yaml")
    assert isinstance(p, Partnership)
    assert [x.id for x in p.partners] == ["a", "b"]


def test_sound_fixture_is_valid() -> None:
    text = SOUND.read_text(encoding="utf-8")
    assert build(parse(text, "s.yaml"), "s.yaml").partnership.name == "Sound Test Partnership"


def test_unknown_key_has_did_you_mean_hint_at_the_key() -> None:
    assert errors_of(HEAD + "goal:\n  - id: G1\n") == [
        "f.yaml:9:1: unknown key 'goal' (did you mean 'goals'?)"
    ]


def test_unknown_nested_key_hint_uses_that_sections_fields() -> None:
    assert errors_of(HEAD.replace("    name: B\n", "    name: B\n    secter: public\n")) == [
        "f.yaml:9:5: unknown key 'secter' (did you mean 'sector'?)"
    ]


def test_x_keys_are_ignored_everywhere() -> None:
    text = HEAD.replace("    name: B\n", "    name: B\n    x-crm-id: 42\n") + "x-owner: me\n"
    build(parse(text, "f.yaml"), "f.yaml")


def test_every_error_is_reported_not_only_the_first() -> None:
    text = HEAD.replace("  name: P\n", "  name: P\n  form: alliance\n") + (
        "goals:\n  - objective: no id\n    due: soon\n"
    )
    assert errors_of(text) == [
        "f.yaml:4:9: partnership.form: Input should be 'joint-venture', 'strategic-alliance', "
        "'public-private-partnership', 'consortium', 'network' or 'other', got 'alliance'",
        "f.yaml:11:5: missing required key 'id' in goals[0]",
        "f.yaml:12:10: goals[0].due: expected a date as YYYY-MM-DD",
    ]


def test_missing_required_top_level_keys() -> None:
    assert errors_of("partnership:\n  name: P\n") == [
        "f.yaml:1:1: missing required key 'partnercheck' in the top level",
        "f.yaml:1:1: missing required key 'partners' in the top level",
    ]


def test_version_must_be_one() -> None:
    assert errors_of(HEAD.replace("partnercheck: 1", "partnercheck: 2")) == [
        "f.yaml:1:15: partnercheck: expected the format version 1 or 1.1"
    ]


def test_at_least_two_partners() -> None:
    text = "partnercheck: 1\npartnership: {name: P}\npartners:\n  - {id: a, name: A}\n"
    assert errors_of(text) == ["f.yaml:4:3: partners: a partnership needs at least 2 partners"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            "      - {type: funding, amount: -5}\n",
            "f.yaml:10:33: partners[1].contributions[0].amount: must not be negative",
        ),
        (
            "      - {type: funding, amount: '5'}\n",
            "f.yaml:10:33: partners[1].contributions[0].amount: expected a number",
        ),
        (
            "      - {type: money}\n",
            "f.yaml:10:16: partners[1].contributions[0].type: Input should be 'funding', 'staff', "
            "'in-kind', 'expertise', 'data', 'facilities', 'equipment', 'network' or 'other', "
            "got 'money'",
        ),
    ],
)
def test_contribution_values(extra: str, message: str) -> None:
    text = HEAD + "    contributions:\n" + extra
    assert errors_of(text) == [message]


def test_dates_are_iso_dates_not_numbers_or_datetimes() -> None:
    base = HEAD.replace("  name: P\n", "  name: P\n  started: {}\n")
    assert errors_of(base.format("20240101")) == [
        "f.yaml:4:12: partnership.started: expected a date as YYYY-MM-DD"
    ]
    # YAML 1.2 reads a date and time as text, which is not a date either.
    assert errors_of(base.format("2024-01-01 10:00:00")) == [
        "f.yaml:4:12: partnership.started: expected a date as YYYY-MM-DD"
    ]
    build(parse(base.format("'2024-01-01'"), "f.yaml"), "f.yaml")


def test_booleans_are_strict() -> None:
    text = HEAD + "communication:\n  meetings:\n    - name: M\n      minutes_shared: 'yes'\n"
    assert errors_of(text) == [
        "f.yaml:12:23: communication.meetings[0].minutes_shared: expected true or false, "
        "got 'yes' (write true or false)"
    ]


def test_partner_id_pattern() -> None:
    assert errors_of(HEAD.replace("id: b", "id: Big Co")) == [
        "f.yaml:7:9: partners[1].id: String should match pattern '^[a-z0-9][a-z0-9-]*$', "
        "got 'Big Co'"
    ]


def test_suppression_needs_a_reason() -> None:
    assert errors_of(HEAD + "suppress:\n  - rule: PC305\n") == [
        "f.yaml:10:5: missing required key 'reason' in suppress[0]"
    ]


class TestReferences:
    def test_unknown_partner_points_at_the_reference_itself(self) -> None:
        text = HEAD + "goals:\n  - id: G1\n    objective: O\n    shared_by: [a, bb]\n"
        assert errors_of(text) == ["f.yaml:12:20: unknown partner 'bb' (did you mean 'b'?)"]

    @pytest.mark.parametrize(
        ("section", "position", "who"),
        [
            ("goals:\n  - id: G1\n    objective: O\n    owner: zed\n", "12:12", "partner"),
            ("vision:\n  agreed_by: [a, zed]\n", "10:18", "partner"),
            (
                "communication:\n  meetings:\n    - name: M\n      attendees: [zed]\n",
                "12:19",
                "partner or member",
            ),
            ("governance:\n  lead_partner: zed\n", "10:17", "partner"),
            (
                "governance:\n  decision_making:\n    votes: {a: 1, zed: 1}\n",
                "11:19",
                "partner or member",
            ),
            ("governance:\n  chair: {partner: zed}\n", "10:20", "partner"),
            ("roles:\n  - partner: zed\n", "10:14", "partner or member"),
            ("evaluation:\n  involves: [zed]\n", "10:14", "partner or member"),
            (
                "evaluation:\n  improvements:\n    - {action: X, owner: zed}\n",
                "11:26",
                "partner or member",
            ),
            (
                "risks:\n  - {challenge: conflict, description: D, owner: zed}\n",
                "10:50",
                "partner or member",
            ),
            ("workstreams:\n  - {id: W1, name: W, lead: zed}\n", "10:29", "partner"),
        ],
    )
    def test_every_partner_reference_is_checked(
        self, section: str, position: str, who: str
    ) -> None:
        assert errors_of(HEAD + section) == [f"f.yaml:{position}: unknown {who} 'zed'"]

    def test_a_member_is_not_a_partner_where_partners_commit(self) -> None:
        text = HEAD + (
            "members:\n  - {id: chair, name: C, kind: independent}\n"
            "vision:\n  agreed_by: [a, chair]\n"
        )
        assert errors_of(text) == [
            "f.yaml:12:18: 'chair' is a member, not a partner; only partners can be named here"
        ]

    def test_members_can_chair_vote_and_sit_on_bodies(self) -> None:
        text = HEAD + (
            "members:\n  - {id: chair, name: C, kind: independent}\n"
            "governance:\n  bodies:\n    - id: board\n      name: Board\n"
            "      members: [a, b, chair]\n      votes: {a: 1, b: 1, chair: 1}\n"
            "      chair: chair\n  chair: {member: chair}\n"
        )
        partnership = build(parse(text, "f.yaml"), "f.yaml")
        assert partnership.governance is not None
        assert partnership.governance.bodies[0].votes["chair"] == 1

    def test_kpi_goal_reference(self) -> None:
        text = HEAD + (
            "goals:\n  - {id: G1, objective: O}\nevaluation:\n  kpis:\n    - {name: K, goal: G2}\n"
        )
        assert errors_of(text) == ["f.yaml:13:23: unknown goal 'G2'"]

    def test_unknown_goal_hint(self) -> None:
        text = HEAD + (
            "goals:\n  - {id: G-READMIT, objective: O}\nevaluation:\n  kpis:\n"
            "    - {name: K, goal: G-READMT}\n"
        )
        assert errors_of(text) == [
            "f.yaml:13:23: unknown goal 'G-READMT' (did you mean 'G-READMIT'?)"
        ]

    def test_duplicate_ids(self) -> None:
        text = HEAD + "  - id: a\n    name: A again\n"
        assert errors_of(text) == [
            "f.yaml:9:9: duplicate partner or member id 'a' (also partners[0])"
        ]


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1.0e+309", "1" + "0" * 400])
def test_amounts_must_be_finite_and_plausible(value: str) -> None:
    text = HEAD + f"    contributions:\n      - {{type: funding, amount: {value}}}\n"
    [error] = errors_of(text)
    assert "partners[1].contributions[0].amount: " in error
    assert "finite number" in error or "greater than or equal to 0" in error


def test_error_messages_never_echo_huge_values() -> None:
    [error] = errors_of(HEAD.replace("id: b", "id: " + "X" * 100_000))
    assert len(error) < 300 and "..." in error


def test_a_key_written_without_a_space_after_its_colon_gets_the_fix() -> None:
    text = HEAD.replace("  name: P\n", "  name:Eastgate Alliance\n")
    assert errors_of(text) == [
        "f.yaml:3:3: partnership: expected keys and values (a mapping), got the text "
        "'name:Eastgate Alliance'; add a space after ':': name: Eastgate Alliance"
    ]


def test_a_section_of_the_wrong_shape_names_what_was_written() -> None:
    [error] = errors_of(HEAD.replace("partnership:\n  name: P\n", "partnership: 5\n"))
    assert error.endswith("partnership: expected keys and values (a mapping), got a number")
    assert errors_of(HEAD + "goals: G1\n") == [
        "f.yaml:9:8: goals: expected a list, got the text 'G1'; write [a, b] or one '- ' "
        "line per item"
    ]


@pytest.mark.parametrize(
    ("value", "got"),
    [("{a: 1}", "a mapping"), ("[x]", "a list"), ("true", "true or false"), ("", "nothing")],
)
def test_text_fields_say_what_was_written_instead(value: str, got: str) -> None:
    [error] = errors_of(HEAD.replace("    name: A\n", f"    name: {value}\n"))
    assert error.endswith(f"partners[0].name: expected text, got {got}")
