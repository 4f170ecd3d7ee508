"""One walk over the composed YAML: every check, and the plain data for validation.

libyaml's C composer builds the node tree (with positions) far faster than
Python can from its events; this walk then visits each node once to refuse
what a partnership file must not contain (tags, duplicate keys, merge keys,
non-text keys, deep nesting, alias bombs) and to read each scalar the YAML 1.2
way. It builds plain dicts and lists only: located nodes are made later, on
demand (see :mod:`partnercheck.load.nodes`).

Recursion is bounded by :data:`MAX_DEPTH`: the walk refuses a collection
deeper than that before it descends into it.
"""

from __future__ import annotations

import re
from typing import Any, NoReturn

import yaml

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.scalars import (
    COLLECTION_TAGS,
    NUMBER_START,
    SCALAR_TAGS,
    STR_TAG,
    TAG_PREFIX,
    WORDS,
    ScalarError,
    plain_value,
    tagged_value,
)

MAX_DEPTH = 50
# Aliases may repeat content, but a handful of anchors must not expand into
# millions of nodes (the "billion laughs" attack) or megabytes of text (one
# long anchored text repeated thousands of times). Real files that use
# aliases repeat a list of attendees or a sentence a few times: a few thousand
# nodes and characters.
MAX_ALIAS_EXPANSION = 100_000  # nodes reached through aliases
MAX_ALIAS_CHARACTERS = 1_000_000  # characters of text reached through aliases

_Scalar, _Mapping, _Sequence = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode
# A node from the composer: a Composed whose tag is a slice when it was implicit
# (see yaml_source._NoResolver) and a string when it was written out.
Composed = Any
# A text holds an anchor only if it has `&` followed by a name character; without
# one, no node can be reached twice and the alias bookkeeping is skipped.
_ANCHOR = re.compile(r"&[^\s,\[\]{}]")
# The non-specific tag `!` makes a plain scalar text: `! 5` is the string "5".
_NON_SPECIFIC = re.compile(r"(?:&\S+\s+)?!\s")
_ALIAS_NAME = re.compile(r"\*([^\s,\[\]{}]*)")


class Walker:
    """Checks a composed document and builds its data; raises :class:`InputErrors`."""

    def __init__(self, text: str, filename: str) -> None:
        self.text = text
        self.filename = filename
        self.tracking = _ANCHOR.search(text) is not None
        # id of a composed node -> (its value, nodes, characters), or None while it is
        # being walked; only when tracking.
        self.seen: dict[int, tuple[Any, int, int] | None] = {}
        self.nodes = 0  # nodes and characters walked so far, aliases expanded
        self.characters = 0
        self.alias_nodes = 0
        self.alias_characters = 0
        self.last_end = 0  # where the last value ended, to find the next alias

    # --- errors -----------------------------------------------------------------------

    def fail(self, index: int, message: str) -> NoReturn:
        line = self.text.count("\n", 0, index)
        column = index - (self.text.rfind("\n", 0, index) + 1)
        raise InputErrors([InputError(self.filename, line + 1, column + 1, message)])

    def fail_at(self, node: Composed, message: str) -> NoReturn:
        mark = node.start_mark
        raise InputErrors([InputError(self.filename, mark.line + 1, mark.column + 1, message)])

    # --- nodes ------------------------------------------------------------------------

    def value(self, node: Composed, depth: int, after: int) -> Any:
        """The data of any node; ``after`` is where an alias to it could start."""
        if self.tracking:
            return self._tracked(node, depth, after)
        kind = type(node)
        if kind is _Scalar:
            return self.scalar(node)
        if kind is _Mapping:
            return self.mapping(node, depth)
        return self.sequence(node, depth)

    def scalar(self, node: Composed) -> Any:
        tag = node.tag
        text: str = node.value
        if type(tag) is not slice:  # an explicit tag, such as !!int
            return self._tagged(node, tag)
        if not tag.step[0] or not (text in WORDS or text[:1] in NUMBER_START):
            return text  # quoted, or plain text that cannot be anything else
        return self._plain(node, text)

    def mapping(self, node: Composed, depth: int) -> dict[str, Any]:
        self._check_collection(node, depth)
        data: dict[str, Any] = {}
        extra: set[str] | None = None  # x- keys seen
        tracking = self.tracking
        pairs: list[tuple[Composed, Composed]] = node.value
        for key_node, value_node in pairs:
            key = key_node.value
            key_tag = key_node.tag
            if (
                type(key_node) is not _Scalar
                or type(key_tag) is not slice
                or (key_tag.step[0] and (key in WORDS or key[:1] in NUMBER_START or key == "<<"))
            ):
                key = self._odd_key(key_node)
            if tracking:
                self._count_key(key_node, key)
            if key.startswith("x-"):
                # The user's own metadata: checked like the rest, kept out of the model.
                extra = extra if extra is not None else set()
                if key in extra:
                    self._duplicate(pairs, key_node, key)
                extra.add(key)
                self.value(value_node, depth + 1, key_node.end_mark.index)
                continue
            if key in data:
                self._duplicate(pairs, key_node, key)
            if tracking or type(value_node) is not _Scalar:
                data[key] = self.value(value_node, depth + 1, key_node.end_mark.index)
                continue
            # The commonest case, inlined: a scalar that can only be text.
            tag: Any = value_node.tag
            text = value_node.value
            if type(tag) is slice and (
                not tag.step[0] or not (text in WORDS or text[:1] in NUMBER_START)
            ):
                data[key] = text
            else:
                data[key] = self.scalar(value_node)
        return data

    def sequence(self, node: Composed, depth: int) -> list[Any]:
        self._check_collection(node, depth)
        items: list[Composed] = node.value
        data: list[Any] = []
        if not self.tracking:
            append = data.append
            for item in items:
                tag = item.tag
                text = item.value
                if type(item) is not _Scalar:
                    append(self.value(item, depth + 1, 0))
                elif type(tag) is slice and (
                    not tag.step[0] or not (text in WORDS or text[:1] in NUMBER_START)
                ):
                    append(text)  # as in mapping(): text that can only be text
                else:
                    append(self.scalar(item))
            return data
        self.last_end = node.start_mark.index
        for item in items:
            data.append(self._tracked(item, depth + 1, self.last_end))
        return data

    # --- checks -----------------------------------------------------------------------

    def _check_collection(self, node: Composed, depth: int) -> None:
        if depth > MAX_DEPTH:
            self.fail_at(node, f"nesting is deeper than {MAX_DEPTH} levels")
        tag = node.tag
        if type(tag) is not slice and tag not in COLLECTION_TAGS:
            from partnercheck.load import hints  # only on the error path

            shown = hints.name(_short(tag), hints.TEXT_CHARS)
            self.fail_at(node, f"tag {shown} is not allowed; use plain YAML")

    def _plain(self, node: Composed, text: str) -> Any:
        try:
            value = plain_value(text)
        except ScalarError as exc:
            self.fail_at(node, str(exc))
        if type(value) is str:
            return value
        start = node.start_mark.index
        if _NON_SPECIFIC.match(self.text, start):
            return text  # `! 5`: the non-specific tag makes it text
        if text == "" and self.text.startswith("&", start):
            self._empty_anchor(node)
        return value

    def _tagged(self, node: Composed, tag: str) -> Any:
        if tag not in SCALAR_TAGS:
            self._bad_tag(node, tag)
        try:
            return tagged_value(tag, node.value)
        except ScalarError as exc:
            self.fail_at(node, str(exc))

    def _bad_tag(self, node: Composed, tag: str) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        if tag == TAG_PREFIX + "merge":
            self.fail_at(node, "merge keys ('<<') are not supported; write the keys out")
        shown = hints.name(_short(tag), hints.TEXT_CHARS)
        if not tag.startswith(TAG_PREFIX) and isinstance(node, _Scalar):
            # `name: !important`: text that YAML reads as a tag.
            line = hints.entry(self.text.splitlines()[node.start_mark.line])
            if line.value:
                fix = line.fix(hints.quoted(line.value))
                self.fail_at(node, f"tag {shown} is not allowed; if this is text, quote it: {fix}")
        self.fail_at(node, f"tag {shown} is not allowed; use plain YAML values")

    def _empty_anchor(self, node: Composed) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        line = hints.entry(self.text.splitlines()[node.start_mark.line])
        self.fail_at(
            node,
            f"{hints.name(line.value)} is read as an anchor ('&') with no value; "
            f"quote the text: {line.fix(hints.quoted(line.value))}",
        )

    def _odd_key(self, node: Composed) -> str:
        """A key that is not plain text: refused unless it is quoted or tagged text."""
        from partnercheck.load import hints  # only on the error path

        if type(node) is not _Scalar:
            self.fail_at(node, "mapping keys must be plain strings")
        tag: Any = node.tag
        if node.value == "<<" and type(tag) is slice and tag.step[0]:
            self.fail_at(node, "merge keys ('<<') are not supported; write the keys out")
        key = self.scalar(node)
        if type(key) is not str:
            kind = "null" if key is None else type(key).__name__
            shown = hints.name(node.value)
            self.fail_at(node, f"key {shown} is read as {kind}, not text; quote it")
        return key

    def _duplicate(
        self, pairs: list[tuple[Composed, Composed]], node: Composed, key: str
    ) -> NoReturn:
        from partnercheck.load import hints  # only on the error path

        first = next(k for k, _ in pairs if k.value == key)
        self.fail_at(
            node,
            f"duplicate key {hints.name(key)} (first defined at line {first.start_mark.line + 1}); "
            "each key may appear once",
        )

    # --- aliases ----------------------------------------------------------------------

    def _tracked(self, node: Composed, depth: int, after: int) -> Any:
        """Like :meth:`value`, counting what aliases expand to."""
        identity = id(node)
        if identity in self.seen:
            return self._alias(self.seen[identity], after)
        self.seen[identity] = None
        nodes, characters = self.nodes, self.characters
        kind = type(node)
        if kind is _Scalar:
            value = self.scalar(node)
            self.characters += len(node.value)
        elif kind is _Mapping:
            value = self.mapping(node, depth)
        else:
            value = self.sequence(node, depth)
        self.nodes += 1
        self.seen[identity] = (value, self.nodes - nodes, self.characters - characters)
        self.last_end = node.end_mark.index
        return value

    def _count_key(self, node: Composed, key: str) -> None:
        identity = id(node)
        if identity in self.seen:
            self._alias(self.seen[identity], node.start_mark.index)
            return
        self.seen[identity] = (key, 1, len(key))
        self.nodes += 1
        self.characters += len(key)

    def _alias(self, target: tuple[Any, int, int] | None, after: int) -> Any:
        """An alias to an anchor walked before (``target``), found at or after ``after``."""
        from partnercheck.load import hints  # only on the error path

        at = self.text.find("*", after)
        at = at if at >= 0 else after
        self.last_end = at + 1
        if target is None:
            found = _ALIAS_NAME.match(self.text, at)
            alias = hints.escaped(hints.shorten(found[1], hints.KEY_CHARS)) if found else ""
            self.fail(at, f"alias *{alias} refers to itself")
        value, nodes, characters = target
        self.nodes += nodes
        self.characters += characters
        self.alias_nodes += nodes
        self.alias_characters += characters
        if self.alias_nodes > MAX_ALIAS_EXPANSION:
            self.fail(
                at,
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes; "
                "refusing (possible alias bomb)",
            )
        if self.alias_characters > MAX_ALIAS_CHARACTERS:
            self.fail(
                at,
                f"aliases expand to more than {MAX_ALIAS_CHARACTERS:,} characters of text; "
                "refusing (possible alias bomb)",
            )
        return value


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(TAG_PREFIX) if tag.startswith(TAG_PREFIX) else tag


__all__ = ["MAX_ALIAS_CHARACTERS", "MAX_ALIAS_EXPANSION", "MAX_DEPTH", "STR_TAG", "Walker"]
