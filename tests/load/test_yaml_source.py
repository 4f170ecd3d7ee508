"""Every class of broken or hostile YAML gets one located error, with the exact position."""

from __future__ import annotations

import datetime

import pytest

from partnercheck.errors import InputErrors
from partnercheck.load import read_source
from partnercheck.load.nodes import MappingNode, ScalarNode, SequenceNode, to_data
from partnercheck.load.yaml_source import HAVE_LIBYAML, decode, parse

pytestmark = pytest.mark.usefixtures("walk")


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


def test_plain_scalars_resolve_the_yaml_1_2_way() -> None:
    data = to_data(parse("i: 3\nf: 2.5\nb: true\nn: null\nd: 2024-03-01\ns: '3'\n", "f.yaml"))
    # Dates are text in YAML 1.2; the model reads ISO dates from text.
    assert data == {"i": 3, "f": 2.5, "b": True, "n": None, "d": "2024-03-01", "s": "3"}


def test_x_keys_are_dropped() -> None:
    root = parse("a: 1\nx-mine: {deep: [1]}\n", "f.yaml")
    assert to_data(root) == {"a": 1}
    assert list(root.keys) == list(root.values) == ["a"]


def test_duplicate_x_keys_are_errors_like_any_other() -> None:
    assert error_of("a: 1\nx-note: one\nx-note: two\n") == (
        "f.yaml:3:1: duplicate key 'x-note' (first defined at line 2); each key may appear once"
    )
    assert error_of("a:\n  x-n: 1\n  b: 2\n  x-n: 3\n").startswith("f.yaml:4:3: duplicate key")


def test_content_under_x_keys_is_still_checked() -> None:
    assert error_of("a: 1\nx-mine: {b: 1, b: 2}\n").startswith("f.yaml:2:16: duplicate key 'b'")
    assert "is not allowed" in error_of("a: 1\nx-mine: !!python/name:os.system\n")


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


def test_syntax_error_is_located_where_the_mistake_is() -> None:
    # libyaml notices the missing ']' on line 2; the mistake is the '[' on line 1.
    assert error_of("a: [1, 2\nb: 3\n") == (
        "f.yaml:1:4: invalid YAML: this '[' is never closed; end it with ']' on this line, "
        "or quote the text if it is not a list"
    )


def test_unrecognised_syntax_error_keeps_libyamls_words() -> None:
    assert error_of("a: 1\n...\nb\n") == (
        "f.yaml:3:1: invalid YAML: did not find expected <document start>"
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
    assert error_of("true: x\n") == "f.yaml:1:1: key 'true' is read as bool, not text; quote it"
    assert error_of("~: x\n") == "f.yaml:1:1: key '~' is read as null, not text; quote it"
    assert error_of("[a]: x\n") == "f.yaml:1:1: mapping keys must be plain strings"
    # YAML 1.1's booleans are text in YAML 1.2, so they are ordinary keys.
    assert to_data(parse("no: x\n'1': y\n!!str 2: z\n", "f.yaml")) == {
        "no": "x",
        "1": "y",
        "2": "z",
    }


def test_a_date_is_text_to_the_loader() -> None:
    # An impossible date is text like any other; the model refuses it (tests/model).
    root = parse("a:\n  d: 2024-13-45\n", "f.yaml")
    value = root.values["a"]
    assert isinstance(value, MappingNode)
    assert value.data == {"d": "2024-13-45"}
    assert (value.values["d"].line, value.values["d"].column) == (2, 6)


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


def _as_yaml_1_2(value: object) -> object:
    """PyYAML's (YAML 1.1) reading of the examples, with what YAML 1.2 reads differently:
    dates are text. The examples use nothing else that differs."""
    if isinstance(value, dict):
        return {k: _as_yaml_1_2(v) for k, v in value.items() if not str(k).startswith("x-")}
    if isinstance(value, list):
        return [_as_yaml_1_2(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_loaded_data_equals_pyyaml_safe_load_on_every_example_but_for_dates() -> None:
    import yaml

    from tests.conftest import EXAMPLES, SOUND

    for path in [*sorted(EXAMPLES.glob("*.yaml")), SOUND]:
        text = path.read_text(encoding="utf-8")
        assert to_data(parse(text, path.name)) == _as_yaml_1_2(yaml.safe_load(text)), path


class TestAliases:
    def test_one_long_text_repeated_by_aliases_is_refused_where_it_crosses_the_limit(
        self,
    ) -> None:
        # 200 KB of text, aliased 5,000 times: 1 GB of output from a 230 KB file (issue 11).
        text = "a: &big " + "x" * 200_000 + "\nb: [" + ", ".join(["*big"] * 5000) + "]\n"
        message = error_of(text)
        # The limit is 1,000,000 characters: the sixth alias (at column 35) crosses it.
        assert message == (
            "f.yaml:2:35: aliases expand to more than 1,000,000 characters of text; "
            "refusing (possible alias bomb)"
        )

    def test_text_reached_through_nested_aliases_counts_every_time(self) -> None:
        lines = ["a0: &a0 " + "y" * 5_000]
        lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 8)]
        assert "characters of text" in error_of("\n".join(lines) + "\n")

    def test_aliased_keys_count_too(self) -> None:
        # A key this long must be explicit ('? '): plain keys stop at 1,024 characters.
        text = (
            "a:\n  ? &k "
            + "k" * 100_000
            + "\n  : 1\n"
            + "".join(f"b{i}: {{*k : 1}}\n" for i in range(11))
        )
        assert "characters of text" in error_of(text)

    def test_realistic_aliases_are_allowed(self) -> None:
        text = (
            "everyone: &all [council, nhs, housing]\n"
            "purpose: &why Keep tenants out of hospital\n"
            "meetings:\n"
            + "".join(f"  - {{name: M{i}, attendees: *all, note: *why}}\n" for i in range(50))
        )
        data = to_data(parse(text, "f.yaml"))
        assert data["meetings"][49] == {
            "name": "M49",
            "attendees": ["council", "nhs", "housing"],
            "note": "Keep tenants out of hospital",
        }

    def test_an_alias_is_located_where_it_is_used(self) -> None:
        root = parse("a: &x {b: 1}\nc: *x\n", "f.yaml")
        # The alias shares the anchor's node: it points at the content it repeats.
        assert (root.values["c"].line, root.values["c"].column) == (1, 4)

    def test_alias_with_no_anchor(self) -> None:
        assert error_of("a: 1\nb: *nope\n") == (
            "f.yaml:2:4: invalid YAML: alias *nope has no anchor; if this is text, quote it: "
            'b: "*nope"'
        )

    def test_anchor_defined_twice(self) -> None:
        assert error_of("a: &x 1\nb: &x 2\n") == (
            "f.yaml:2:4: invalid YAML: anchor &x is defined twice (first at line 1); "
            "give each anchor its own name"
        )

    def test_anchor_with_no_value(self) -> None:
        assert error_of("partnership:\n  name: &Co\n") == (
            "f.yaml:2:9: '&Co' is read as an anchor ('&') with no value; "
            'quote the text: name: "&Co"'
        )


class TestUtf32:
    def errors(self, raw: bytes) -> str:
        with pytest.raises(InputErrors) as info:
            decode(raw, "f.yaml")
        return info.value.errors[0].render()

    @pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
    def test_with_a_byte_order_mark(self, encoding: str) -> None:
        raw = "a: 1\n".encode(encoding)
        if encoding == "utf-32-be":
            raw = b"\x00\x00\xfe\xff" + raw
        assert self.errors(raw) == "f.yaml:1:1: file is UTF-32 encoded; save it as UTF-8"

    @pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
    def test_without_a_byte_order_mark(self, encoding: str) -> None:
        assert self.errors("partnercheck: 1\n".encode(encoding)) == (
            "f.yaml:1:1: file looks UTF-32 encoded (without a byte-order mark); save it as UTF-8"
        )

    def test_utf16_without_a_mark_is_still_utf16(self) -> None:
        assert "UTF-16" in self.errors("partnercheck: 1\n".encode("utf-16-le"))


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\u2028"], ids=["LF", "CRLF", "LS"])
def test_positions_count_lines_as_libyaml_does(newline: str) -> None:
    # libyaml also ends lines at CR LF and the Unicode line separator.
    assert error_of(f"b: 1{newline}a: &x [*x]\n") == "f.yaml:2:8: alias *x refers to itself"
    text = f'a: "x{newline}b: 2{newline}c: "y"\n'
    assert error_of(text).startswith(
        'f.yaml:1:4: invalid YAML: this " quote is closed only on line 3'
    )


def test_an_alias_as_a_key_is_checked_like_any_key() -> None:
    assert error_of("a: &k 1\nb: {*k : x}\n") == (
        "f.yaml:2:5: key '1' is read as int, not text; quote it"
    )
    assert error_of("a: &k [1]\nb: {*k : x}\n") == "f.yaml:2:5: mapping keys must be plain strings"
    assert to_data(parse("a: &k name\nb: {*k : x}\n", "f.yaml"))["b"] == {"name": "x"}
