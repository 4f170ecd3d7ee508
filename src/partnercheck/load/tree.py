"""A composed document, walked once: every check, and the plain data for validation.

libyaml's C composer builds the node tree (with positions) far faster than
Python can from its events; this walk visits each node once to refuse what a
partnership file must not contain (see :mod:`partnercheck.load.checks`) and
to read each scalar the YAML 1.2 way. It builds plain dicts and lists only:
located nodes are made later, on demand, from the composed tree
(:mod:`partnercheck.load.nodes`).

Recursion is bounded by MAX_DEPTH: the walk refuses a collection deeper than
that before it descends into it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from partnercheck.load.checks import Checks, Spot
from partnercheck.load.scalars import NUMBER_START, WORDS

_Scalar, _Mapping = yaml.ScalarNode, yaml.MappingNode
# A node from the composer: a yaml.Node whose tag is a slice when it was implicit
# (see yaml_source._NoResolver) and a string when it was written out.
Composed = Any
# A text holds an anchor only if it has `&` followed by a name character; without
# one, no node can be reached twice and the alias bookkeeping is skipped.
_ANCHOR = re.compile(r"&[^\s,\[\]{}]")
# The composer hands the non-specific tag `!` to the resolver like no tag at all,
# so it is read from the text: `! 5` is the string "5".
_NON_SPECIFIC = re.compile(r"(?:&\S+\s+)?!\s")
_ALIAS_NAME = re.compile(r"\*([^\s,\[\]{}]*)")


class Walker(Checks):
    """Checks a composed document and builds its data; raises InputErrors."""

    def __init__(self, text: str, filename: str) -> None:
        super().__init__(text, filename)
        self.tracking = _ANCHOR.search(text) is not None
        # When tracking: id of a composed node -> (its value, nodes, characters),
        # or None while it is being walked.
        self.seen: dict[int, tuple[Any, int, int] | None] = {}
        self.last_end = 0  # where the last value ended, to find the next alias

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
            return self.tagged(node, tag, text)
        if not tag.step[0] or not (text in WORDS or text[:1] in NUMBER_START):
            return text  # quoted, or plain text that cannot be anything else
        value = self.plain(node, text)
        if type(value) is not str:
            start = node.start_mark.index
            if _NON_SPECIFIC.match(self.text, start):
                return text
            if text == "" and self.text.startswith("&", start):
                self.empty_anchor(node)
        return value

    def mapping(self, node: Composed, depth: int) -> dict[str, Any]:
        self._check(node, depth)
        data: dict[str, Any] = {}
        extra: set[str] | None = None  # x- keys seen
        tracking = self.tracking
        if tracking:
            self.last_end = node.start_mark.index
        pairs: list[tuple[Composed, Composed]] = node.value
        for key_node, value_node in pairs:
            # Where errors about the key point: the key, or the alias that stands for it.
            where = self._key_spot(key_node) if tracking else key_node
            key = key_node.value
            key_tag = key_node.tag
            if (
                type(key_node) is not _Scalar
                or type(key_tag) is not slice
                or (key_tag.step[0] and (key in WORDS or key[:1] in NUMBER_START or key == "<<"))
            ):
                key = self._odd_key(key_node, where)
            if tracking:
                self._count_key(key_node, key, where)
            if key.startswith("x-"):
                # The user's own metadata: checked like the rest, kept out of the model.
                extra = extra if extra is not None else set()
                if key in extra:
                    self._duplicate(pairs, where, key)
                extra.add(key)
                self.value(value_node, depth + 1, self.last_end)
                continue
            if key in data:
                self._duplicate(pairs, where, key)
            if tracking or type(value_node) is not _Scalar:
                data[key] = self.value(value_node, depth + 1, self.last_end)
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
        self._check(node, depth)
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

    def _check(self, node: Composed, depth: int) -> None:
        tag = node.tag
        self.check_collection(node, depth, None if type(tag) is slice else tag)

    def _odd_key(self, node: Composed, where: Any) -> str:
        """A key that may not be plain text: refused unless it is quoted or tagged text."""
        if type(node) is not _Scalar:
            self.fail_at(where, "mapping keys must be plain strings")
        tag: Any = node.tag
        if node.value == "<<" and type(tag) is slice and tag.step[0]:
            self.merge_key(where)
        key = self.scalar(node)
        if type(key) is not str:
            self.not_text_key(where, node.value, key)
        return key

    def _duplicate(self, pairs: list[tuple[Composed, Composed]], where: Any, key: str) -> None:
        first = next(k for k, _ in pairs if k.value == key)
        self.duplicate(where, key, first.start_mark.line)

    # --- aliases: a node reached a second time ----------------------------------------

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

    def _key_spot(self, node: Composed) -> Any:
        """The key itself, or for a key that is an alias, where the alias is written."""
        if id(node) not in self.seen:
            self.last_end = node.end_mark.index
            return node
        at = self._alias_index(self.last_end)
        self.last_end = at + 1
        return Spot(self.text, at)

    def _count_key(self, node: Composed, key: str, where: Any) -> None:
        identity = id(node)
        if identity in self.seen:
            self._alias(self.seen[identity], where.index)
            return
        self.seen[identity] = (key, 1, len(key))
        self.nodes += 1
        self.characters += len(key)

    def _alias_index(self, after: int) -> int:
        """The composed tree does not record where an alias was written: it is the
        next `*` after the node before it."""
        at = self.text.find("*", after)
        return at if at >= 0 else after

    def _alias(self, target: tuple[Any, int, int] | None, after: int) -> Any:
        """An alias, at or after ``after``, to a node walked before (``target``)."""
        at = self._alias_index(after)
        self.last_end = at + 1
        if target is None:
            found = _ALIAS_NAME.match(self.text, at)
            self.self_alias(at, found[1] if found else "")
        value, nodes, characters = target
        self.expand(nodes, characters, at)
        return value
