"""The commonest YAML mistakes, each turned into a located message with a one-line fix.

libyaml says *what* it could not parse ("mapping values are not allowed in this
context"); a person editing a partnership file needs to know what they did and
how to fix it ("a ': ' inside text; quote the text: name: "Alliance: the
sequel""). Each entry of :data:`HINTS` matches one libyaml problem and looks at
the offending line to say which mistake it was. Anything not in the table keeps
libyaml's own words.

Messages quote the user's key and text so the fix can be copied, but never more
than about 60 characters of the file, escaped: the output lands in CI logs and
pull-request comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

KEY_CHARS = 20
TEXT_CHARS = 40


@dataclass(frozen=True)
class Problem:
    """One libyaml error, with the text it was found in. Positions are 0-based."""

    text: str
    problem: str
    context: str
    line: int
    column: int
    context_line: int | None = None
    context_column: int | None = None

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line] if 0 <= line < len(lines) else ""

    def char(self, line: int, column: int) -> str:
        return self.line_text(line)[column : column + 1]


# A position (0-based line and column) and the message to show there.
Located = tuple[int, int, str]
Hint = Callable[[Problem], Located | None]


# --- quoting the user's own text ------------------------------------------------------


def shorten(text: str, limit: int = TEXT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def escaped(text: str) -> str:
    """``text`` as the inside of a YAML double-quoted string: printable, one line."""
    out: list[str] = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif ch.isprintable():
            out.append(ch)
        else:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def quoted(text: str, limit: int = TEXT_CHARS) -> str:
    """A double-quoted YAML string a user can paste, shortened to ``limit`` characters."""
    return f'"{escaped(shorten(text, limit))}"'


def name(text: str, limit: int = KEY_CHARS) -> str:
    """A key or token named in a message: single-quoted, escaped, short."""
    return f"'{escaped(shorten(text, limit))}'"


@dataclass(frozen=True)
class Entry:
    """One line of a block mapping or list, split the way a person reads it."""

    indent: int
    dashes: str  # "- " for a list item
    key: str | None
    key_end: int  # column just after the key's ':' (or where the value starts)
    value: str  # the rest of the line, without a trailing comment

    def fix(self, value: str) -> str:
        """The line as it should be written, with ``value`` in place of the value."""
        head = f"{shorten(self.key, KEY_CHARS)}: " if self.key else ""
        return f"{self.dashes}{head}{value}".strip()


_ENTRY = re.compile(
    r"(?P<indent> *)(?P<dashes>(?:-[ \t]+)*)"
    r"(?:(?P<key>[^\s#:'\"\[\]{},][^#:]*?|\"[^\"]*\"|'[^']*')[ \t]*:(?=[ \t]|$)[ \t]*)?"
    r"(?P<value>.*)"
)
_COMMENT = re.compile(r"[ \t]+#.*")


def entry(line: str) -> Entry:
    m = _ENTRY.match(line)
    assert m is not None  # the pattern matches any line
    key = m["key"]
    value = _COMMENT.sub("", m["value"]).strip()
    return Entry(len(m["indent"]), m["dashes"].replace("\t", " "), key, m.start("value"), value)


def position(text: str, index: int) -> tuple[int, int]:
    """The 0-based line and column of a character offset, counting lines as libyaml
    does (which also breaks them at NEL and the Unicode line separators)."""
    before = text[:index].splitlines(keepends=True)
    last = before[-1] if before else ""
    if last and len(last.splitlines()[0]) < len(last):  # it ends with a line break
        return len(before), 0
    return max(len(before) - 1, 0), len(last)


# --- the mistakes ---------------------------------------------------------------------


def _colon_in_text(p: Problem) -> Located | None:
    line = entry(p.line_text(p.line))
    if line.key is not None and line.key_end <= p.column:
        return (
            p.line,
            p.column,
            f"a ': ' inside text; quote the text: {line.fix(quoted(line.value))}",
        )
    # The colon starts this line's key, so the line above runs on into it.
    above = _line_above(p, p.line)
    if above is not None:
        glued = _GLUED.match(p.line_text(above))
        if glued:
            fixed = f"{shorten(glued['key'], KEY_CHARS)}: {shorten(glued['value'])}"
            return above, glued.end("key"), f"missing space after ':'; write {fixed}"
    key = line.key or line.value
    return (
        p.line,
        line.indent,
        f"{name(key)} is indented further than the key above it; line it up with the keys "
        "above, or quote the text above if it runs on to this line",
    )


# `name:value`: a key glued to its value, read as one piece of text.
_GLUED = re.compile(r" *(?:- +)?(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/][^#]*?)[ \t]*(?:#.*)?$")


def _line_above(p: Problem, line: int) -> int | None:
    for number in range(line - 1, -1, -1):
        stripped = p.line_text(number).strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _cannot_start(p: Problem) -> Located | None:
    ch = p.char(p.line, p.column)
    if ch == "\t":
        return _tab(p)
    line = entry(p.line_text(p.line))
    if not line.value:
        return None
    return (
        p.line,
        p.column,
        f"{name(ch)} cannot start text that is not quoted; quote the text: "
        + line.fix(quoted(line.value)),
    )


def _tab(p: Problem) -> Located:
    text = p.line_text(p.line)
    column = text.find("\t") if "\t" in text else p.column
    return p.line, column, "a tab in the indentation; YAML indents with spaces only: use spaces"


def _indicator(p: Problem) -> Located | None:
    """`*` or `&` at the start of text: YAML reads an alias or an anchor."""
    if p.context_line is None or p.context_column is None:
        return None
    ch = p.char(p.context_line, p.context_column)
    what = {"*": "an alias", "&": "an anchor"}.get(ch)
    line = entry(p.line_text(p.context_line))
    if what is None or not line.value:
        return None
    fix = line.fix(quoted(line.value))
    return p.context_line, p.context_column, f"'{ch}' starts {what} in YAML; quote the text: {fix}"


_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")


def _undefined_alias(p: Problem) -> Located | None:
    m = _ALIAS.match(p.line_text(p.line), p.column)
    if m is None:
        return None
    line = entry(p.line_text(p.line))
    fix = line.fix(quoted(line.value))
    return (
        p.line,
        p.column,
        f"alias *{escaped(shorten(m[1], KEY_CHARS))} has no anchor; "
        f"if this is text, quote it: {fix}",
    )


def _block_indicator(p: Problem) -> Located | None:
    if p.context_line is None or p.context_column is None:
        return None
    ch = p.char(p.context_line, p.context_column)
    line = entry(p.line_text(p.context_line))
    if ch not in "|>" or not line.value:
        return None
    return (
        p.context_line,
        p.context_column,
        f"'{ch}' starts a block of text on the lines below; to write the text on this line, "
        f"quote it: {line.fix(quoted(line.value))}",
    )


def _list_indent(p: Problem) -> Located | None:
    line = entry(p.line_text(p.line))
    if line.dashes:
        return (
            p.line,
            line.indent,
            "this list item is not lined up with the items above it; "
            "put its '-' in the same column as theirs",
        )
    key = line.key or line.value
    return (
        p.line,
        line.indent,
        f"{name(key)} is at the level of the list items above but is not an item; "
        "indent it under the item it belongs to, or start a new item with '- '",
    )


def _expected_key(p: Problem) -> Located | None:
    text = p.line_text(p.line)
    line = entry(text)
    if p.column <= line.indent and line.dashes:
        return (
            p.line,
            p.column,
            "a '- ' list item among keys; put the list under a key of its own, "
            "with its items indented",
        )
    before = text[: p.column].rstrip()
    if p.column > line.indent and before and before[-1] in "\"']}":
        return _text_after_closing(p, line, before)
    if p.column <= line.indent:
        key = line.key or line.value
        return (
            p.line,
            p.column,
            f"{name(key)} does not line up with the keys above it; indent it as they are",
        )
    return None


def _text_after_closing(p: Problem, line: Entry, before: str) -> Located | None:
    closing = before[-1]
    if closing in "\"'":
        opened = _opening_quote(p, closing, len(before) - 1)
        if opened is not None and opened[0] < p.line:
            return (
                opened[0],
                opened[1],
                f"this {closing} quote is closed only on line {p.line + 1}; "
                "close it at the end of its own line",
            )
    fix = line.fix(quoted(line.value))
    return p.line, p.column, f"text follows the closing '{closing}'; quote the whole value: {fix}"


def _opening_quote(p: Problem, quote: str, close_column: int) -> tuple[int, int] | None:
    """Where the quote that closes at (p.line, close_column) was opened."""
    lines = p.text.splitlines(keepends=True)
    offset = sum(len(x) for x in lines[: p.line]) + close_column
    start = p.text.rfind(quote, 0, offset)
    while quote == '"' and start > 0 and p.text[start - 1] == "\\":
        start = p.text.rfind(quote, 0, start - 1)
    if start < 0:
        return None
    return position(p.text, start)


def _unclosed_quote(p: Problem) -> Located | None:
    if p.context_line is None or p.context_column is None:
        return None
    quote = p.char(p.context_line, p.context_column)
    if quote not in ("'", '"'):
        return None
    return (
        p.context_line,
        p.context_column,
        f"this {quote} quote is never closed; end the text with {quote}",
    )


def _unclosed_flow(p: Problem) -> Located | None:
    if p.context_line is None or p.context_column is None:
        return None
    opener = p.char(p.context_line, p.context_column)
    closer = {"[": "]", "{": "}"}.get(opener)
    if closer is None:
        return None
    if p.line > p.context_line:
        return (
            p.context_line,
            p.context_column,
            f"this '{opener}' is never closed; end it with '{closer}' on this line, "
            "or quote the text if it is not a list",
        )
    return (
        p.line,
        p.column,
        f"expected ',' or '{closer}' here; separate the items with ', ', "
        "and quote an item that has text after its quotes",
    )


def _missing_colon(p: Problem) -> Located | None:
    if p.context_line is None or p.context_column is None:
        return None
    line = p.line_text(p.context_line)
    glued = _GLUED.match(line)
    if glued:
        fixed = f"{shorten(glued['key'], KEY_CHARS)}: {shorten(glued['value'])}"
        return p.context_line, glued.end("key"), f"missing space after ':'; write {fixed}"
    word = _COMMENT.sub("", line[p.context_column :]).strip()
    return (
        p.context_line,
        p.context_column,
        f"{name(word)} is not followed by ':'; write '{escaped(shorten(word, KEY_CHARS))}:' "
        "if it is a key, or indent it further if it continues the text above",
    )


def _item_after_key(p: Problem) -> Located | None:
    line = entry(p.line_text(p.line))
    if line.key is None:
        return None
    return (
        p.line,
        p.column,
        f"a '- ' list item cannot start on the line of its key; start the list on the next "
        f"line, indented, or quote the text: {line.fix(quoted(line.value))}",
    )


def _bad_escape(p: Problem) -> Located:
    return (
        p.line,
        p.column,
        "a backslash in double quotes starts an escape sequence; use single quotes "
        "for text with backslashes, or write \\\\ for each one",
    )


def _second_document(p: Problem) -> Located:
    return (
        p.line,
        p.column,
        "file holds more than one YAML document; put one partnership in each file",
    )


_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")


def _duplicate_anchor(p: Problem) -> Located | None:
    m = _ANCHOR.match(p.line_text(p.line), p.column)
    if m is None or p.context_line is None:
        return None
    return (
        p.line,
        p.column,
        f"anchor &{escaped(shorten(m[1], KEY_CHARS))} is defined twice (first at line "
        f"{p.context_line + 1}); give each anchor its own name",
    )


def _unexpected_indicator(p: Problem) -> Located | None:
    ch = p.char(p.line, p.column)
    line = entry(p.line_text(p.line))
    if not ch or not line.value:
        return None
    return (
        p.line,
        p.column,
        f"{name(ch)} cannot start text that is not quoted; quote the text: "
        + line.fix(quoted(line.value)),
    )


# libyaml's problem (the start of it) -> what the user did, and how to fix it.
HINTS: tuple[tuple[str, Hint], ...] = (
    ("mapping values are not allowed", _colon_in_text),
    ("found character that cannot start any token", _cannot_start),
    ("found a tab character", _tab),
    ("did not find expected alphabetic or numeric character", _indicator),
    ("found undefined alias", _undefined_alias),
    ("did not find expected comment or line break", _block_indicator),
    ("did not find expected '-' indicator", _list_indent),
    ("did not find expected key", _expected_key),
    ("found unexpected end of stream", _unclosed_quote),
    ("did not find expected ',' or", _unclosed_flow),
    ("could not find expected ':'", _missing_colon),
    ("block sequence entries are not allowed", _item_after_key),
    ("found unknown escape character", _bad_escape),
    ("but found another document", _second_document),
    ("second occurrence", _duplicate_anchor),
    ("did not find expected node content", _unexpected_indicator),
)


# Problems that are not about YAML syntax, and are not introduced as invalid YAML.
_NOT_SYNTAX = ("but found another document",)


def explain(p: Problem) -> Located:
    """The position and message for one libyaml error: a hint when one fits."""
    for start, hint in HINTS:
        if p.problem.startswith(start):
            found = hint(p)
            if found is not None:
                line, column, message = found
                if not start.startswith(_NOT_SYNTAX):
                    message = f"invalid YAML: {message}"
                return line, column, message
    return p.line, p.column, f"invalid YAML: {p.problem or p.context or 'cannot parse'}"
