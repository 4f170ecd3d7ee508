"""Text from untrusted files, made safe to print: the one sanitising layer.

Everything a partnership file (or its name) can put into our output passes
through here before it reaches a terminal, a CI log, a pull-request comment, a
job summary, code scanning or an HTML page:

* :func:`visible` shows a value on one line with every character that could
  move the cursor, recolour or clear a terminal, start a new log line, reorder
  text (bidi overrides and isolates) or hide text (zero-width and tag
  characters) replaced by a visible escape such as ``\\x1b`` or ``\\u202e``.
  It also breaks GitHub's legacy ``##[command]`` syntax, which the Actions
  runner obeys anywhere in a line.
* :func:`excerpt` is the short, quoted, escaped form an error message may echo.
* :func:`defuse_commands` is the last guard on a rendered text: no line of it
  may start (after blanks) with ``::``, which the Actions runner reads as a
  workflow command.
* :func:`for_json` escapes the same characters inside a JSON document without
  changing the data it carries.
* :func:`display_name` turns a file name holding undecodable bytes (Python's
  surrogate escapes) into text every encoder accepts.

Markdown escaping lives beside this, in :mod:`partnercheck.textsafe.markdown`;
:mod:`partnercheck.textsafe.models` applies :func:`visible` to every string of
a result record. Nothing here imports the rest of partnercheck.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

EXCERPT_LIMIT = 40
"""Characters of an offending value an error message may quote."""
MESSAGE_LIMIT = 300
"""Characters of one error message (longer ones end with ``...``)."""
ELLIPSIS = "..."

# C0 controls (tab, LF, CR and ESC included), DEL and C1 controls (NEL, CSI, OSC);
# the Arabic letter mark, Mongolian vowel separator, zero-width space and the
# left-to-right / right-to-left marks; line and paragraph separators; bidi
# embeddings, overrides and isolates; the word joiner and invisible operators;
# the zero-width no-break space (BOM); interlinear annotations; lone surrogates
# (undecodable bytes of a file name); and the invisible tag characters.
# Zero-width (non-)joiners stay: emoji and several scripts need them, and on
# their own they hide nothing.
_INVISIBLE = (
    "\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f"
)
UNSAFE_CHARACTERS = "\x00-\x1f\x7f-\x9f" + _INVISIBLE
UNSAFE = re.compile(f"[{UNSAFE_CHARACTERS}]")
# The GitHub Actions runner's legacy command prefix, honoured anywhere in a line.
LEGACY_COMMAND = "##["
_NEEDS_ESCAPE = re.compile(f"[{UNSAFE_CHARACTERS}]|##\\[")
# Inside a JSON document a raw newline can only be the document's own layout.
_JSON_UNSAFE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# A line that the runner would read as a workflow command: blanks (and colour
# codes, which it does not strip but a log viewer does), then "::".
_COMMAND_LINE = re.compile(r"^((?:\s|\x1b\[[0-9;]*m)*):(?=:)", re.MULTILINE)


def escape_character(character: str) -> str:
    """The visible escape of one unsafe character."""
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_match(match: re.Match[str]) -> str:
    found = match.group()
    return "#\\x23[" if found == LEGACY_COMMAND else escape_character(found)


def visible(text: str, limit: int | None = None) -> str:
    """``text`` on one line, every unsafe character shown as an escape.

    With ``limit``, at most that many characters (an escape is never cut in
    two), ending with ``...`` when something was left out. Text that needs no
    change is returned as it is.
    """
    if limit is None or len(text) <= limit:
        if not _NEEDS_ESCAPE.search(text):
            return text
        if limit is None:
            return _NEEDS_ESCAPE.sub(_escape_match, text)
    head = text[: limit + 1]  # enough to fill ``limit``: an escape is never shorter
    pieces = list(_pieces(head))
    if len(head) == len(text) and sum(len(p) for p, _ in pieces) <= limit:
        return "".join(p for p, _ in pieces)
    room = limit - len(ELLIPSIS)
    kept: list[str] = []
    for piece, plain in pieces:
        if len(piece) > room:
            if plain:
                kept.append(piece[:room])
            break
        kept.append(piece)
        room -= len(piece)
    return "".join(kept) + ELLIPSIS


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """Runs of plain text (True) and single escapes (False), in order."""
    position = 0
    for match in _NEEDS_ESCAPE.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], True
        yield _escape_match(match), False
        position = match.end()
    if position < len(text):
        yield text[position:], True


def excerpt(value: object, limit: int = EXCERPT_LIMIT) -> str:
    """A short, quoted, escaped excerpt of ``value`` for an error message."""
    return "'" + visible(str(value), limit) + "'"


def defuse_commands(text: str) -> str:
    """``text`` with every line that would start a CI workflow command defused.

    A line starting (after blanks) with ``::`` is a command to the GitHub
    Actions runner; its first colon becomes the visible escape ``\\x3a``.
    Only for text none of whose lines is meant to be a command: the ``github``
    format writes its own annotations and defuses the rest itself.
    """
    return _COMMAND_LINE.sub(r"\1\\x3a", text) if "::" in text else text


def for_json(document: str) -> str:
    """A JSON document with unsafe characters inside its strings as ``\\uXXXX`` escapes.

    The data is unchanged (a JSON reader gets the same strings back); only the
    bytes that a terminal or CI log would act on are gone. Newlines outside
    strings (the document's own indentation) are kept.
    """
    if not _JSON_UNSAFE.search(document) and LEGACY_COMMAND not in document:
        return document
    document = _JSON_UNSAFE.sub(_json_escape, document)
    return document.replace(LEGACY_COMMAND, "#\\u0023[")


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # JSON escapes astral characters as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def display_name(name: str) -> str:
    """A file name as text: undecodable bytes (surrogate escapes) become ``\\xNN``.

    Every other character is kept, so the name stays what the user typed; the
    formats escape the rest as they print it.
    """
    return _SURROGATE.sub(lambda m: escape_character(m.group()), name)


def located(file: str, line: int, column: int, message: str) -> str:
    """One safe ``FILE:LINE:COLUMN: message`` line (the message capped in length)."""
    return defuse_commands(f"{visible(file)}:{line}:{column}: {visible(message, MESSAGE_LIMIT)}")


__all__ = [
    "ELLIPSIS",
    "EXCERPT_LIMIT",
    "MESSAGE_LIMIT",
    "UNSAFE",
    "defuse_commands",
    "display_name",
    "escape_character",
    "excerpt",
    "for_json",
    "located",
    "visible",
]
