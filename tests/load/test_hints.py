"""The commonest YAML mistakes: each gets a located error with a one-line fix (issue 12).

One row per mistake: the text a person wrote, where the error points and what
it says. The hint quotes the user's own key and text, escaped and shortened.
"""

from __future__ import annotations

import pytest

from partnercheck.errors import InputErrors
from partnercheck.load.hints import HINTS
from partnercheck.load.yaml_source import parse

pytestmark = pytest.mark.usefixtures("walk")


def error_of(text: str) -> str:
    with pytest.raises(InputErrors) as info:
        parse(text, "f.yaml")
    [error] = info.value.errors
    return error.render()


MISTAKES = {
    "colon inside plain text": (
        "partnership:\n  name: Alliance: the sequel\n",
        "2:17: invalid YAML: a ': ' inside text; quote the text: name: \"Alliance: the sequel\"",
    ),
    "tab indentation": (
        "partnership:\n\tname: Alliance\n",
        "2:1: invalid YAML: a tab in the indentation; YAML indents with spaces only: use spaces",
    ),
    "tab among space indentation": (
        "partnership:\n  name: Alliance\n\tform: network\n",
        "3:1: invalid YAML: a tab in the indentation; YAML indents with spaces only: use spaces",
    ),
    "value starting with @": (
        "partnership:\n  name: @home\n",
        "2:9: invalid YAML: '@' cannot start text that is not quoted; quote the text: "
        'name: "@home"',
    ),
    "value starting with a backtick": (
        "partnership:\n  name: `x`\n",
        "2:9: invalid YAML: '`' cannot start text that is not quoted; quote the text: "
        'name: "`x`"',
    ),
    "value starting with %": (
        "goals:\n  - target: %50 fewer\n",
        "2:13: invalid YAML: '%' cannot start text that is not quoted; quote the text: "
        '- target: "%50 fewer"',
    ),
    "value starting with *": (
        "partnership:\n  name: *Bold* Futures\n",
        "2:9: invalid YAML: '*' starts an alias in YAML; quote the text: name: \"*Bold* Futures\"",
    ),
    "a lone *word": (
        "partnership:\n  name: *Stars\n",
        '2:9: invalid YAML: alias *Stars has no anchor; if this is text, quote it: name: "*Stars"',
    ),
    "value starting with & and a space": (
        "partnership:\n  name: & Co\n",
        "2:9: invalid YAML: '&' starts an anchor in YAML; quote the text: name: \"& Co\"",
    ),
    "a lone &word": (
        "partnership:\n  name: &Co\n",
        "2:9: '&Co' is read as an anchor ('&') with no value; quote the text: name: \"&Co\"",
    ),
    "value starting with !": (
        "partnership:\n  name: !Important\n",
        "2:9: tag '!Important' is not allowed; if this is text, quote it: name: \"!Important\"",
    ),
    "| on the line of its text": (
        "partnership:\n  purpose: | fewer admissions\n",
        "2:12: invalid YAML: '|' starts a block of text on the lines below; to write the text "
        'on this line, quote it: purpose: "| fewer admissions"',
    ),
    "> used as 'greater than'": (
        "goals:\n  - target: > 50 homes\n",
        "2:13: invalid YAML: '>' starts a block of text on the lines below; to write the text "
        'on this line, quote it: - target: "> 50 homes"',
    ),
    "list item at the wrong indent": (
        "partners:\n  - id: a\n    name: A\n   - id: b\n",
        "4:4: invalid YAML: this list item is not lined up with the items above it; "
        "put its '-' in the same column as theirs",
    ),
    "key at the level of the list items": (
        "partners:\n  - id: a\n  name: A\n",
        "3:3: invalid YAML: 'name' is at the level of the list items above but is not an item; "
        "indent it under the item it belongs to, or start a new item with '- '",
    ),
    "missing space after ':'": (
        "partnership:\n  name:Alliance\n  form: network\n",
        "2:7: invalid YAML: missing space after ':'; write name: Alliance",
    ),
    "missing space after ':' before a sibling key": (
        "partnership:\n  name: Alliance\n  form:network\n  purpose: x\n",
        "3:7: invalid YAML: missing space after ':'; write form: network",
    ),
    "unclosed double quote": (
        'partnership:\n  name: "Alliance\n  form: network\n',
        '2:9: invalid YAML: this " quote is never closed; end the text with "',
    ),
    "quote closed only on a later line": (
        'partnership:\n  name: "Alliance\n  form: network\n  purpose: "Fewer admissions"\n',
        '2:9: invalid YAML: this " quote is closed only on line 4; '
        "close it at the end of its own line",
    ),
    "unclosed [": (
        "vision:\n  values: [equity, fairness\n  agreed_by: [a, b]\n",
        "2:11: invalid YAML: this '[' is never closed; end it with ']' on this line, "
        "or quote the text if it is not a list",
    ),
    "unclosed {": (
        "governance:\n  decision_making: {body: Board, rule: consensus\n  chair: {partner: a}\n",
        "2:20: invalid YAML: this '{' is never closed; end it with '}' on this line, "
        "or quote the text if it is not a list",
    ),
    "key without ':' before its list": (
        "vision:\n  values: [equity]\n  agreed_by\n  - a\n",
        "3:3: invalid YAML: 'agreed_by' is not followed by ':'; write 'agreed_by:' if it is a "
        "key, or indent it further if it continues the text above",
    ),
    "- items mixed with keys": (
        "partners:\n  name: A\n  - id: a\n",
        "3:3: invalid YAML: a '- ' list item among keys; put the list under a key of its own, "
        "with its items indented",
    ),
    "a list item on the line of its key": (
        "vision:\n  values: - equity\n",
        "2:11: invalid YAML: a '- ' list item cannot start on the line of its key; start the "
        'list on the next line, indented, or quote the text: values: "- equity"',
    ),
    "text after a closing quote": (
        'partnership:\n  name: "Riverside" Alliance\n',
        "2:21: invalid YAML: text follows the closing '\"'; quote the whole value: "
        'name: "\\"Riverside\\" Alliance"',
    ),
    "a key indented further than its siblings": (
        "partnership:\n  name: Alliance\n    form: network\n",
        "3:5: invalid YAML: 'form' is indented further than the key above it; line it up with "
        "the keys above, or quote the text above if it runs on to this line",
    ),
    "a key indented less than its siblings": (
        "partnership:\n  name: Alliance\n form: network\n",
        "3:2: invalid YAML: 'form' does not line up with the keys above it; indent it as they are",
    ),
    "a backslash in double quotes": (
        'survey: "C:\\surveys\\2026.csv"\n',
        "1:12: invalid YAML: a backslash in double quotes starts an escape sequence; use single "
        "quotes for text with backslashes, or write \\\\ for each one",
    ),
    "a value that starts with a closing bracket": (
        "partnership:\n  name: ]Alliance\n",
        "2:9: invalid YAML: ']' cannot start text that is not quoted; quote the text: "
        'name: "]Alliance"',
    ),
    "two documents": (
        "partnercheck: 1\n---\npartnercheck: 1\n",
        "2:1: file holds more than one YAML document; put one partnership in each file",
    ),
    "an anchor defined twice": (
        "a: &x 1\nb: &x 2\n",
        "2:4: invalid YAML: anchor &x is defined twice (first at line 1); "
        "give each anchor its own name",
    ),
    "duplicate key": (
        "partnership:\n  name: A\n  name: B\n",
        "3:3: duplicate key 'name' (first defined at line 2); each key may appear once",
    ),
}


@pytest.mark.parametrize(("text", "expected"), MISTAKES.values(), ids=MISTAKES.keys())
def test_mistake_gets_a_located_fix(text: str, expected: str) -> None:
    assert error_of(text) == f"f.yaml:{expected}"


def test_every_hint_in_the_table_is_exercised(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnercheck.load import hints

    used: set[str] = set()

    def spy(p: hints.Problem) -> hints.Located:
        used.update(start for start, _ in HINTS if p.problem.startswith(start))
        return explain(p)

    explain = hints.explain
    monkeypatch.setattr(hints, "explain", spy)
    for text, _ in MISTAKES.values():
        with pytest.raises(InputErrors):
            parse(text, "f.yaml")
    assert {start for start, _ in HINTS} - used == set()


def test_the_users_text_is_shortened_and_escaped() -> None:
    long_name = "Alliance: " + "very " * 40 + "long"
    message = error_of(f"partnership:\n  name: {long_name}\n")
    assert message.endswith('name: "Alliance: very very very very very ve..."')  # 40 characters
    message = error_of("partnership:\n  name: Alliance: the \u202eevil\u202c sequel\n")
    assert "\u202e" not in message and "\\u202e" in message
    long_key = "k" * 300
    message = error_of(f"a:\n  {long_key}:value\n  b: 1\n")
    assert len(message) < 200
