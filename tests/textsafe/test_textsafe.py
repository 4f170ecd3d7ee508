"""The shared sanitising layer: what a terminal, a CI log or GitHub gets from hostile text."""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from partnercheck.errors import InputError
from partnercheck.textsafe import (
    MESSAGE_LIMIT,
    defuse_commands,
    display_name,
    excerpt,
    for_json,
    located,
    visible,
)
from partnercheck.textsafe.markdown import WORD_JOINER, cell, code, escape, prose


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("clear\x1b[2Jscreen", "clear\\x1b[2Jscreen"),
        ("a\nb\r\nc\td", "a\\nb\\r\\nc\\td"),
        ("bell\x07 del\x7f csi\x9b nel\x85", "bell\\x07 del\\x7f csi\\x9b nel\\x85"),
        ("G1\u202egnp.exe", "G1\\u202egnp.exe"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("zero\u200bwidth\ufeff", "zero\\u200bwidth\\ufeff"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("line\u2028sep", "line\\u2028sep"),
        ("##[error]forged", "#\\x23[error]forged"),
        ("caf\udce9", "caf\\xe9"),
        ("Rivière 日本 🤝 👩\u200d⚕️", "Rivière 日本 🤝 👩\u200d⚕️"),
    ],
)
def test_visible_escapes_what_a_terminal_or_log_would_act_on(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_returns_clean_text_unchanged() -> None:
    text = "Riverside Health and Housing Alliance"
    assert visible(text) is text


def test_a_limit_cuts_at_an_escape_boundary_and_says_so() -> None:
    assert visible("x" * 100, 20) == "x" * 17 + "..."
    cut = visible("\x1b" * 100, 20)
    assert cut == "\\x1b" * 4 + "..."
    assert visible("short", 20) == "short"
    assert len(visible("é" * 10_000, MESSAGE_LIMIT)) == MESSAGE_LIMIT


def test_an_excerpt_is_short_quoted_and_escaped() -> None:
    shown = excerpt("root:x:0:0:root:/root:/bin/bash\n" * 100)
    assert shown == "'root:x:0:0:root:/root:/bin/bash\\nroot...'"
    assert len(shown) == 42
    assert excerpt("9" * 4000) == "'" + "9" * 37 + "...'"


def test_no_line_can_start_a_workflow_command() -> None:
    text = "ok\n  ::error file=x::forged\n\x1b[1m::warning::x\na::b\n::"
    lines = defuse_commands(text).split("\n")
    assert lines == [
        "ok",
        "  \\x3a:error file=x::forged",
        "\x1b[1m\\x3a:warning::x",
        "a::b",
        "\\x3a:",
    ]


def test_json_keeps_the_data_and_loses_the_raw_bytes() -> None:
    data = {"name": "\x1b[2J \x85 \u202e ##[error] \U000e0041 \n"}
    document = for_json(json.dumps(data, ensure_ascii=False, indent=2))
    assert json.loads(document) == data
    assert "\x1b" not in document and "\u202e" not in document and "##[" not in document


def test_file_names_with_undecodable_bytes_become_text() -> None:
    name = display_name("caf\udce9.yaml")
    assert name == "caf\\xe9.yaml"
    name.encode("utf-8")  # no surrogate left


def test_located_lines_are_one_line_capped_and_never_commands() -> None:
    line = located("::error file=a::x.yaml", 3, 4, "bad\nvalue " + "v" * 1000)
    assert "\n" not in line
    assert line.startswith("\\x3a:error file=a::x.yaml:3:4: bad\\nvalue ")
    assert len(line) < len("::error file=a::x.yaml:3:4: ") + MESSAGE_LIMIT + 5
    assert InputError("p.yaml", 1, 1, "x\x1b").render() == "p.yaml:1:1: x\\x1b"


def to_html(text: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    page: str = parser.render(text)
    return page


def test_markdown_escape_makes_no_markup() -> None:
    hostile = "<img src=x> [a](https://e.example) @octocat #12 *b* `c` | d\x1b"
    page = to_html(escape(hostile))
    assert "<img" not in page and "<a " not in page and "<em>" not in page
    assert "<code>" not in page and "\x1b" not in page
    assert "@" + WORD_JOINER + "octocat" in page and "#" + WORD_JOINER + "12" in page
    assert WORD_JOINER not in escape(hostile)  # written as an entity, not a raw character


@pytest.mark.parametrize("reference", ["GH-9", "gh-12", "(GH-3)"])
def test_markdown_escape_makes_no_gh_issue_reference(reference: str) -> None:
    # GitHub links GH-26 to issue 26 and notes the mention on it, as it does #26.
    page = to_html(escape(f"see {reference} now"))
    assert "GH-" not in page.upper()
    assert "H" + WORD_JOINER + "-" in page.upper()


def test_markdown_escape_leaves_other_hyphenated_words() -> None:
    assert escape("HIGH-5 and GH-x and PGH-1") == "HIGH-5 and GH-x and PGH-1"


def test_markdown_cells_keep_line_breaks_and_pipes_as_text() -> None:
    assert cell("a | b\nc") == "a \\| b<br>c"


@pytest.mark.parametrize(
    "text", ["plain", "a`b", "``x``", "`", " ", "<b>@x</b>", "[l](u)", "##[error]x\n::x"]
)
def test_a_code_span_holds_any_text(text: str) -> None:
    span = code(text)
    page = to_html(span)
    assert "<b>" not in page and "<a " not in page
    assert page.count("<code>") <= 1
    assert "##[" not in span and "\n" not in span


def table_cells(markdown: str) -> list[str]:
    """The cells of a one-row GFM table holding ``markdown``, as rendered HTML."""
    parser = MarkdownIt("commonmark").enable("table")
    page: str = parser.render(f"| a | b |\n| --- | --- |\n| {markdown} | x |\n")
    return page.split("<tbody>")[1].split("<td>")[1:]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("record `minutes_shared: true`.", ["minutes_shared: true"]),
        ("set `vision.values` and `goals[1].target`", ["vision.values", "goals[1].target"]),
        ("use `status: met` or `resources.<key>`", ["status: met", "resources.&lt;key&gt;"]),
        ("`a|b` stays in its cell", ["a|b"]),
    ],
)
def test_prose_keeps_code_spans_intact_in_a_table_cell(text: str, kept: list[str]) -> None:
    cells = table_cells(prose(text))
    assert len(cells) == 2  # a bar inside a code span does not split the cell
    assert [c.split("</code>")[0] for c in cells[0].split("<code>")[1:]] == kept


def test_a_stray_backtick_from_a_file_cannot_capture_the_rules_code_span() -> None:
    # A partner named "a`b" before the rule's own span: that span still renders as code,
    # the stray backtick is shown as text, and nothing between them becomes code.
    cells = table_cells(prose("Partner a`b <x> must record `minutes_shared: true`"))
    assert "<code>minutes_shared: true</code>" in cells[0]
    assert cells[0].count("<code>") == 1 and "a`b &lt;x&gt;" in cells[0]


def test_prose_outside_a_table_leaves_a_bar_alone() -> None:
    page = to_html(prose("write `a|b` here", in_table=False))
    assert "<code>a|b</code>" in page
