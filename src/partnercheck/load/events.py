"""A document walked as a stream of events: for large files, and when the composer cannot be used.

libyaml's composed tree takes about thirty times the file's size in memory:
fine for the small files that are the common case, too much for a 13 MB one.
Here the parser's events are read by recursive descent (bounded by MAX_DEPTH,
checked before descending), building the located nodes and the plain data at
once, so nothing is kept but the result. The same checks apply as for a
composed tree (:mod:`partnercheck.load.checks`).

This is also the path for PyYAML without libyaml (its pure-Python parser) and
for a libyaml older than 0.2.6, whose composer recurses in C without a limit.
"""

from __future__ import annotations

from typing import Any, NoReturn

import yaml

from partnercheck.load.checks import Checks
from partnercheck.load.nodes import MappingNode, Node, ScalarNode, SequenceNode
from partnercheck.load.scalars import NUMBER_START, WORDS

_Scalar, _Alias = yaml.ScalarEvent, yaml.AliasEvent
_MappingStart, _SequenceStart = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
Event = Any  # a yaml.Event; its fields depend on its kind
# An anchor's node, its value, and its size in nodes and characters; None while open.
Anchored = tuple[Node, Any, int, int] | None


class EventWalker(Checks):
    """Builds the located tree of one document from ``parser``'s events."""

    def __init__(self, text: str, filename: str, parser: Any) -> None:
        super().__init__(text, filename)
        self.next_event = parser.get_event
        self.anchors: dict[str, Anchored] = {}
        self.anchor_lines: dict[str, int] = {}

    def document(self) -> tuple[Node, Any] | None:
        """The root node and its data, or None for a file with no document."""
        self.next_event()  # stream start
        if type(self.next_event()) is yaml.StreamEndEvent:
            return None
        root = self.node(self.next_event(), 1)
        self.next_event()  # document end
        event = self.next_event()
        if type(event) is yaml.DocumentStartEvent:
            self._explain(event, "but found another document")
        return root

    def node(self, event: Event, depth: int) -> tuple[Node, Any]:
        kind = type(event)
        if kind is _Scalar:
            return self.scalar(event)
        if kind is _MappingStart:
            return self.mapping(event, depth)
        if kind is _SequenceStart:
            return self.sequence(event, depth)
        return self.alias(event)

    def scalar(self, event: Event) -> tuple[Node, Any]:
        text: str = event.value
        tag = event.tag
        if tag is None:
            plain = event.implicit[0]
            value = (
                self.plain(event, text)
                if plain and (text in WORDS or text[:1] in NUMBER_START)
                else text
            )
            if plain and text == "" and event.anchor:
                self.empty_anchor(event)
        elif tag == "!":
            value = text  # the non-specific tag: `! 5` is the string "5"
        else:
            value = self.tagged(event, tag, text)
        start, end = event.start_mark, event.end_mark
        node = ScalarNode(start.line, start.column, end.line, end.column, value)
        self.nodes += 1
        self.characters += len(text)
        if event.anchor:
            self._open(event)
            self.anchors[event.anchor] = (node, value, 1, len(text))
        return node, value

    def mapping(self, event: Event, depth: int) -> tuple[Node, Any]:
        self.check_collection(event, depth, None if event.tag in (None, "!") else event.tag)
        anchor = event.anchor
        if anchor:
            self._open(event)
        nodes, characters = self.nodes, self.characters
        start = event.start_mark
        keys: dict[str, ScalarNode] = {}
        values: dict[str, Node] = {}
        data: dict[str, Any] = {}
        extra: dict[str, int] | None = None  # x- keys seen, and their lines
        next_event = self.next_event
        while type(event := next_event()) is not _MappingEnd:
            key_node, key = self._key(event)
            if key.startswith("x-"):
                extra = extra if extra is not None else {}
                if key in extra:
                    self.duplicate(event, key, extra[key])
                extra[key] = key_node.line0
                self.node(next_event(), depth + 1)  # checked, then dropped
                continue
            if key in keys:
                self.duplicate(event, key, keys[key].line0)
            keys[key] = key_node
            values[key], data[key] = self.node(next_event(), depth + 1)
        end: Any = event.end_mark
        node = MappingNode(
            start.line, start.column, end.line, end.column, data, keys=keys, values=values
        )
        self.nodes += 1
        if anchor:
            self.anchors[anchor] = (node, data, self.nodes - nodes, self.characters - characters)
        return node, data

    def sequence(self, event: Event, depth: int) -> tuple[Node, Any]:
        self.check_collection(event, depth, None if event.tag in (None, "!") else event.tag)
        anchor = event.anchor
        if anchor:
            self._open(event)
        nodes, characters = self.nodes, self.characters
        start = event.start_mark
        items: list[Node] = []
        data: list[Any] = []
        next_event = self.next_event
        while type(event := next_event()) is not _SequenceEnd:
            item, value = self.node(event, depth + 1)
            items.append(item)
            data.append(value)
        end: Any = event.end_mark
        node = SequenceNode(start.line, start.column, end.line, end.column, data, items=items)
        self.nodes += 1
        if anchor:
            self.anchors[anchor] = (node, data, self.nodes - nodes, self.characters - characters)
        return node, data

    def alias(self, event: Event) -> tuple[Node, Any]:
        name = event.anchor
        if name not in self.anchors:
            self._explain(event, "found undefined alias")
        target = self.anchors[name]
        index = event.start_mark.index
        if target is None:
            self.self_alias(index, name)
        node, value, nodes, characters = target
        self.expand(nodes, characters, index)
        return node, value

    def _key(self, event: Event) -> tuple[ScalarNode, str]:
        kind = type(event)
        if kind is _Alias:
            node, key = self.alias(event)
        elif kind is _Scalar:
            if event.tag is None and event.implicit[0] and event.value == "<<":
                self.merge_key(event)
            node, key = self.scalar(event)
        else:
            self.fail_at(event, "mapping keys must be plain strings")
        if not isinstance(node, ScalarNode):
            self.fail_at(event, "mapping keys must be plain strings")
        if type(key) is not str:
            written = event.value if kind is _Scalar else str(key)
            self.not_text_key(event, written, key)
        return node, key

    def _open(self, event: Event) -> None:
        """An anchor is defined: refuse a second definition, as the composer does."""
        name = event.anchor
        if name in self.anchor_lines:
            self._explain(
                event, "second occurrence", "found duplicate anchor", self.anchor_lines[name]
            )
        self.anchor_lines[name] = event.start_mark.line
        self.anchors[name] = None

    def _explain(
        self, event: Event, problem: str, context: str = "", context_line: int | None = None
    ) -> NoReturn:
        """Report as the composer would have: through the hint table."""
        from partnercheck.errors import InputError, InputErrors
        from partnercheck.load.hints import Problem, explain

        mark = event.start_mark
        line, column, message = explain(
            Problem(self.text, problem, context, mark.line, mark.column, context_line, 0)
        )
        raise InputErrors([InputError(self.filename, line + 1, column + 1, message)])
