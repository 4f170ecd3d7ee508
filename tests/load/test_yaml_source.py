"""Every class of broken or hostile YAML gets one located error, with the exact position."""

from __future__ import annotations

import pytest

from partnercheck.errors import InputErrors
from partnercheck.load import read_source
from partnercheck.load.nodes import MappingNode, ScalarNode, SequenceNode, to_data
from partnercheck.load.yaml_source import HAVE_LIBYAML, decode, parse


def error_of(text: str) -> str:
    with pytest.raises(InputErrors) as info:
        parse(text, "f.yaml")
    [error] = info.value.errors
    return error.render()


def test_libyaml_is_used_when_available() -> None:
    import yaml

    assert yaml.__with_libyaml__ == HAVE_LIBYAML


def test_every_node_keeps_its_line_and_column() -> None:
    root = parse("a: 1\nb:\n  - x\n  - {c: d}\n", "f.yaml")
    b = root.values["b"]
    assert isinstance(b, SequenceNode)
    assert (b.line, b.column) == (3, 3)
    second = b.items[1]
    assert isinstance(second, MappingNode)
    assert (second.line, second.column) == (4, 5)
    value = second.values["c"]
    assert isinstance(value, ScalarNode)
    assert (value.line, value.column, value.value) == (4, 9, "d")
    assert (root.keys["b"].line, root.keys["b"].column) == (2, 1)


def test_plain_scalars_resolve_like_safe_load() -> None:
    import datetime

    data = to_data(parse("i: 3\nf: 2.5\nb: true\nn: null\nd: 2024-03-01\ns: '3'\n", "f.yaml"))
    assert data == {
        "i": 3,
        "f": 2.5,
        "b": True,
        "n": None,
        "d": datetime.date(2024, 3, 1),
        "s": "3",
    }


def test_x_keys_are_dropped() -> None:
    assert to_data(parse("a: 1\nx-mine: {deep: [1]}\n", "f.yaml")) == {"a": 1}


def test_duplicate_key_names_both_lines() -> None:
    assert error_of("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3:1: duplicate key 'a' (first defined at line 1); each key may appear once"
    )


def test_nested_duplicate_key() -> None:
    assert error_of("p:\n  - id: a\n    id: b\n").startswith("f.yaml:3:5: duplicate key 'id'")


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 3\n",
        "a: !!binary aGVsbG8=\n",
    ],
)
def test_tags_never_construct_objects(text: str) -> None:
    message = error_of(text)
    assert message.startswith("f.yaml:1:4: tag ")
    assert "is not allowed" in message


def test_tagged_collection_is_refused() -> None:
    assert error_of("a: !!set {x}\n").startswith("f.yaml:1:4: tag '!!set' is not allowed")


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    message = error_of("\n".join(lines) + "\n")
    assert "possible alias bomb" in message
    assert message.startswith("f.yaml:6:")


def test_modest_aliases_are_allowed() -> None:
    data = to_data(parse("all: &all [a, b]\nm: {attendees: *all}\n", "f.yaml"))
    assert data["m"] == {"attendees": ["a", "b"]}


def test_recursive_alias_is_refused() -> None:
    assert error_of("a: &x [*x]\n") == "f.yaml:1:8: alias *x refers to itself"


def test_merge_keys_are_refused() -> None:
    assert error_of("a: &x {b: 1}\nc:\n  <<: *x\n") == (
        "f.yaml:3:3: merge keys ('<<') are not supported; write the keys out"
    )


def test_multi_document_stream() -> None:
    assert error_of("a: 1\n---\nb: 2\n") == (
        "f.yaml:2:1: file holds more than one YAML document; put one partnership in each file"
    )


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n"])
def test_empty_file(text: str) -> None:
    assert error_of(text) == "f.yaml:1:1: file is empty; expected a partnership"


@pytest.mark.parametrize(
    ("text", "shape", "position"),
    [("- a\n- b\n", "a list", "1:1"), ("\n  just text\n", "a single value", "2:3")],
)
def test_top_level_must_be_a_mapping(text: str, shape: str, position: str) -> None:
    assert error_of(text).startswith(f"f.yaml:{position}: top level is {shape}")


def test_nesting_deeper_than_any_real_file_needs() -> None:
    assert error_of("a: " + "[" * 60 + "]" * 60 + "\n") == (
        "f.yaml:1:53: nesting is deeper than 50 levels"
    )


def test_extreme_nesting_does_not_exhaust_the_stack() -> None:
    message = error_of("a: " + "[" * 200_000 + "\n")
    assert message.startswith("f.yaml:1:")


def test_syntax_error_is_located() -> None:
    assert error_of("a: [1, 2\nb: 3\n") == (
        "f.yaml:2:2: invalid YAML: did not find expected ',' or ']'"
    )


def test_control_characters_are_located() -> None:
    assert error_of("a: ok\nb: x\x07y\n") == (
        "f.yaml:2:5: invalid YAML: control characters are not allowed"
    )


def test_keys_must_be_text() -> None:
    assert (
        error_of("partners:\n  - 1: a\n")
        == "f.yaml:2:5: key '1' is read as int, not text; quote it"
    )
    assert "read as bool" in error_of("no: x\n")


def test_invalid_date_is_located() -> None:
    assert error_of("a:\n  d: 2024-13-45\n") == "f.yaml:2:6: cannot read '2024-13-45' as timestamp"


class TestDecode:
    def test_utf8_with_bom(self) -> None:
        assert decode("\ufeffa: é\n".encode(), "f.yaml") == "a: é\n"

    def errors(self, raw: bytes) -> str:
        with pytest.raises(InputErrors) as info:
            decode(raw, "f.yaml")
        return info.value.errors[0].render()

    def test_latin1_is_located_at_the_bad_byte(self) -> None:
        assert self.errors(b"a: 1\nname: caf\xe9\n") == (
            "f.yaml:2:10: file is not valid UTF-8 (byte 0xe9); save it as UTF-8"
        )

    def test_utf16(self) -> None:
        assert self.errors("a: 1\n".encode("utf-16")) == (
            "f.yaml:1:1: file is UTF-16 encoded; save it as UTF-8"
        )

    def test_binary(self) -> None:
        assert self.errors(b"a: 1\n\x89PNG\x00\x00") == (
            "f.yaml:2:5: file looks binary (it contains a NUL byte); expected UTF-8 YAML text"
        )


def test_size_limit_is_checked_before_reading(tmp_path: pytest.TempPathFactory) -> None:
    from pathlib import Path

    big = Path(str(tmp_path)) / "big.yaml"
    big.write_text("a: " + "x" * 2000 + "\n")
    with pytest.raises(InputErrors) as info:
        read_source(str(big), max_bytes=1000)
    assert info.value.errors[0].render() == (
        f"{big}:1:1: file is 2,004 bytes, over the 1,000-byte limit (raise it with --max-file-size)"
    )


def test_missing_file(tmp_path: pytest.TempPathFactory) -> None:
    name = f"{tmp_path}/nope.yaml"
    with pytest.raises(InputErrors) as info:
        read_source(name)
    assert (
        info.value.errors[0].render() == f"{name}:1:1: cannot read file: No such file or directory"
    )


def test_huge_integer_is_refused_in_one_short_line() -> None:
    message = error_of("a: " + "9" * 5000 + "\n")
    assert message == "f.yaml:1:4: cannot read '" + "9" * 40 + "...' as int"


def test_short_integers_and_dates_take_the_fast_path_with_yaml_meaning() -> None:
    import datetime

    data = to_data(parse("a: -12\nb: 007\nc: 0x1F\nd: 2024-02-29\ne: 1_000\n", "f.yaml"))
    # 007 is octal and 0x1F hex in YAML 1.1; underscores are allowed: as PyYAML reads them
    import yaml

    assert data == yaml.safe_load("a: -12\nb: 007\nc: 0x1F\nd: 2024-02-29\ne: 1_000\n")
    assert data["d"] == datetime.date(2024, 2, 29)


def _without_x_keys(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_x_keys(v) for k, v in value.items() if not str(k).startswith("x-")}
    if isinstance(value, list):
        return [_without_x_keys(v) for v in value]
    return value


def test_loaded_data_equals_pyyaml_safe_load_on_every_example() -> None:
    import yaml

    from tests.conftest import EXAMPLES, SOUND

    for path in [*sorted(EXAMPLES.glob("*.yaml")), SOUND]:
        text = path.read_text(encoding="utf-8")
        assert to_data(parse(text, path.name)) == _without_x_keys(yaml.safe_load(text)), path
