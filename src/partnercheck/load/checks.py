"""What the loader refuses, and how it says so: shared by both ways of walking a file.

A small file is composed by libyaml in C and walked as a tree
(:mod:`partnercheck.load.tree`); a large one is walked as a stream of events
(:mod:`partnercheck.load.events`), so that memory stays close to the result.
Both read scalars the YAML 1.2 way and refuse the same things through the
methods here: tags, merge keys, non-text and duplicate keys, deep nesting and
aliases that expand too far.
"""

from __future__ import annotations

from typing import Any, NoReturn

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.scalars import (
    COLLECTION_TAGS,
    SCALAR_TAGS,
    TAG_PREFIX,
    ScalarError,
    plain_value,
    tagged_value,
)

MAX_DEPTH = 50
# Aliases may repeat content, but a handful of anchors must not expand into
# millions of nodes (the "billion laughs" attack) or megabytes of text (one
# long anchored text repeated thousands of times). Real files that use
# aliases repeat a list of attendees or a sentence a few times: a few hundred
# nodes and a few thousand characters.
MAX_ALIAS_EXPANSION = 100_000  # nodes reached through aliases
MAX_ALIAS_CHARACTERS = 1_000_000  # characters of text reached through aliases

# Anything with libyaml's start_mark (line, column, index): a composed node or an event.
Marked = Any


class Checks:
    """The refusals, the error messages, and the alias budget of one file."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.nodes = 0  # nodes and characters walked so far, aliases expanded
        self.characters = 0
        self.alias_nodes = 0  # of which reached through aliases
        self.alias_characters = 0

    def fail(self, index: int, message: str) -> NoReturn:
        """An error at a character offset of the text."""
        from partnercheck.load.hints import position  # only on the error path

        line, column = position(self.text, index)
        raise InputErrors([InputError(self.filename, line + 1, column + 1, message)])

    def fail_at(self, where: Marked, message: str) -> NoReturn:
        mark = where.start_mark
        raise InputErrors([InputError(self.filename, mark.line + 1, mark.column + 1, message)])

    # --- collections ------------------------------------------------------------------

    def check_collection(self, where: Marked, depth: int, tag: str | None) -> None:
        """``tag``: the tag as written, or None."""
        if depth > MAX_DEPTH:
            self.fail_at(where, f"nesting is deeper than {MAX_DEPTH} levels")
        if tag is not None and tag not in COLLECTION_TAGS:
            from partnercheck.load import hints  # only on the error path

            shown = hints.name(short_tag(tag), hints.TEXT_CHARS)
            self.fail_at(where, f"tag {shown} is not allowed; use plain YAML")

    # --- scalars ----------------------------------------------------------------------

    def plain(self, where: Marked, text: str) -> Any:
        """An untagged plain scalar that may be more than text (see scalars.WORDS)."""
        try:
            return plain_value(text)
        except ScalarError as exc:
            self.fail_at(where, str(exc))

    def tagged(self, where: Marked, tag: str, text: str) -> Any:
        if tag not in SCALAR_TAGS:
            self.bad_tag(where, tag)
        try:
            return tagged_value(tag, text)
        except ScalarError as exc:
            self.fail_at(where, str(exc))

    def bad_tag(self, where: Marked, tag: str) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        if tag == TAG_PREFIX + "merge":
            self.merge_key(where)
        shown = hints.name(short_tag(tag), hints.TEXT_CHARS)
        if not tag.startswith(TAG_PREFIX):
            # `name: !important`: text that YAML reads as a tag.
            line = hints.entry(self.text.splitlines()[where.start_mark.line])
            if line.value:
                fix = line.fix(hints.quoted(line.value))
                self.fail_at(where, f"tag {shown} is not allowed; if this is text, quote it: {fix}")
        self.fail_at(where, f"tag {shown} is not allowed; use plain YAML values")

    def empty_anchor(self, where: Marked) -> NoReturn:
        """`name: &Co`: text read as an anchor on an empty value."""
        from partnercheck.load import hints  # only on the error path

        line = hints.entry(self.text.splitlines()[where.start_mark.line])
        self.fail_at(
            where,
            f"{hints.name(line.value)} is read as an anchor ('&') with no value; "
            f"quote the text: {line.fix(hints.quoted(line.value))}",
        )

    # --- keys -------------------------------------------------------------------------

    def merge_key(self, where: Marked) -> NoReturn:
        self.fail_at(where, "merge keys ('<<') are not supported; write the keys out")

    def not_text_key(self, where: Marked, written: str, value: Any) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        kind = "null" if value is None else type(value).__name__
        self.fail_at(where, f"key {hints.name(written)} is read as {kind}, not text; quote it")

    def duplicate(self, where: Marked, key: str, first_line: int) -> NoReturn:
        """``first_line``: 0-based, as libyaml counts."""
        from partnercheck.load import hints  # only on the error path

        self.fail_at(
            where,
            f"duplicate key {hints.name(key)} (first defined at line {first_line + 1}); "
            "each key may appear once",
        )

    # --- aliases ----------------------------------------------------------------------

    def expand(self, nodes: int, characters: int, index: int) -> None:
        """Count an alias (at ``index`` in the text) to content of this size."""
        self.nodes += nodes
        self.characters += characters
        self.alias_nodes += nodes
        self.alias_characters += characters
        if self.alias_nodes > MAX_ALIAS_EXPANSION:
            self.fail(
                index,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes; "
                "refusing (possible alias bomb)",
            )
        if self.alias_characters > MAX_ALIAS_CHARACTERS:
            self.fail(
                index,
                f"aliases expand to more than {MAX_ALIAS_CHARACTERS:,} characters of text; "
                "refusing (possible alias bomb)",
            )

    def self_alias(self, index: int, name: str) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        self.fail(index, f"alias *{hints.escaped(hints.shorten(name, hints.KEY_CHARS))} "
                  "refers to itself")  # fmt: skip


class Spot:
    """A place in the text, standing in for a node in an error (an alias's, which the
    composed tree does not keep). Its line and column are worked out only if asked."""

    __slots__ = ("index", "text")

    def __init__(self, text: str, index: int) -> None:
        self.text, self.index = text, index

    @property
    def start_mark(self) -> _Mark:
        from partnercheck.load.hints import position  # only on the error path

        line, column = position(self.text, self.index)
        return _Mark(line, column, self.index)


class _Mark:
    __slots__ = ("column", "index", "line")

    def __init__(self, line: int, column: int, index: int) -> None:
        self.line, self.column, self.index = line, column, index


def short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(TAG_PREFIX) if tag.startswith(TAG_PREFIX) else tag
