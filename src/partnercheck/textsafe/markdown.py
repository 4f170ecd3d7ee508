"""Markdown that shows untrusted text as text: the one escaper every Markdown producer uses.

GitHub renders our Markdown in pull-request comments and job summaries, so a
value from a file must not become HTML, a link, an image, a table cell, a
heading, a mention or an issue reference there.
"""

from __future__ import annotations

import re

from partnercheck.textsafe import UNSAFE, escape_character, visible

# Backslash first, so the escapes added for the others are not escaped again.
_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
# What GitHub turns into links without any markup.
_AUTOLINK = re.compile(r"(?i)(://|www\.)")
# An "@name" (mention) or "#123" / "GH-123" (issue reference): GitHub links and notifies.
_REFERENCE = re.compile(r"(@|#(?=[0-9])|(?<![\w-])(?i:gh)(?=-[0-9]))")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# A code span of the rule text (`vision.values`, `minutes_shared: true`): kept as code,
# where nothing is Markdown or HTML. Its content has no backtick or line break and
# neither starts nor ends with a blank, so a stray backtick from a file's text
# (escaped like any other) cannot pair with the rule's own.
_CODE = re.compile(r"`([^`\s](?:[^`\r\n]*[^`\s])?)`")
WORD_JOINER = "\u2060"
# Written as an entity, so the Markdown itself holds no invisible character;
# GitHub decodes it and the joiner breaks the mention or reference.
WORD_JOINER_ENTITY = "&#8288;"


def _unsafe(match: re.Match[str]) -> str:
    return escape_character(match.group())


def escape(text: str) -> str:
    """One line of inline-safe Markdown.

    ``& < >`` become entities (no HTML); the characters that start emphasis,
    code, links, tables, strikethrough, maths and headings are
    backslash-escaped; bare URLs and ``www.`` names are broken so GitHub does
    not link them; an invisible word joiner follows each ``@``, each ``#`` before a
    digit and the ``GH`` of ``GH-123``, so no mention or issue reference is made;
    line breaks become spaces and other control, bidi and invisible characters
    visible escapes.
    """
    text = _NEWLINES.sub(" ", text)
    text = UNSAFE.sub(_unsafe, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    text = _AUTOLINK.sub(lambda m: "\\://" if m.group() == "://" else m.group()[:3] + "\\.", text)
    return _REFERENCE.sub(r"\1" + WORD_JOINER_ENTITY, text)


def cell(text: str) -> str:
    """A table cell: escaped, with line breaks kept as ``<br>``."""
    return "<br>".join(escape(part) for part in _NEWLINES.split(text))


def prose(text: str, in_table: bool = True) -> str:
    """Rule-written text: escaped, but its code spans (`key: value`) kept as code.

    In a table cell (the default) a ``|`` inside a code span is written ``\\|``,
    which GitHub reads as a literal bar that does not end the cell.
    """
    parts = _CODE.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append("`" + (part.replace("|", "\\|") if in_table else part) + "`")
        else:
            out.append(cell(part) if in_table else escape(part))
    return "".join(out)


def code(text: str) -> str:
    """``text`` as an inline code span: nothing inside is Markdown, HTML or a link.

    The fence is one backtick longer than any run of backticks in the text,
    so the text cannot close it; unsafe characters (and ``##[``) become visible
    escapes. Not for table cells, where GitHub splits even a code span at ``|``.
    """
    text = visible(text)
    if not text.strip():
        return escape(text) or "(empty)"
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


__all__ = ["WORD_JOINER", "WORD_JOINER_ENTITY", "cell", "code", "escape", "prose"]
