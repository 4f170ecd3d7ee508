"""Placeholders are not content (PC001) and unfinished text is not an agreement (PC002).

Before any rule runs, text that only holds a placeholder ("TBD", "TODO: ...",
"lorem ipsum", the starter's "What this partner gains", an empty string) is
taken out of the partnership: an optional field becomes unset, a list item is
dropped, and an item whose defining text is a placeholder (a goal whose
objective is "TBD") is dropped whole. The rules then see the partnership as it
really is, so a template scores as the empty file it is, and each gap is priced
once, by the rule that checks for it. PC001 and PC002 name the text; they cost
no points themselves.

Dropping list items shifts indexes; :class:`IndexMap` maps the cleaned
partnership's paths back to the file's, so every finding still points at the
right line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from partnercheck.load.nodes import Path
from partnercheck.model.partnership import (
    Goal,
    Improvement,
    Kpi,
    Meeting,
    Partnership,
    Risk,
    Suppression,
)
from partnercheck.results import ElementId, Severity
from partnercheck.rules.base import register_meta

PLACEHOLDER = register_meta(
    "PC001",
    title="Placeholder text is not content",
    severity=Severity.ERROR,
    many="{count} fields hold placeholder text, not content: {names}",
    many_fix="Replace each placeholder with what the partners have agreed",
    rationale="""A field that holds "TBD", "TODO", lorem ipsum or the starter file's sample
    text says nothing about the partnership: it is read as missing, and the rules that
    need it score the gap. A file with placeholders is a draft, not an agreement.""",
    recommendation="Replace the placeholder with what the partners have actually agreed, "
    "or delete the field until they have.",
    example="""
    vision:
      statement: Every tenant in Riverside lives in a safe, healthy home.   # not "TBD"
    """,
)
UNFINISHED = register_meta(
    "PC002",
    title="Text is marked as unfinished",
    severity=Severity.WARNING,
    many="{count} fields are marked as unfinished: {names}",
    many_fix="Agree each open point with the partners",
    rationale="""Text that says part of it is "to be agreed" or "TBC" records an open
    question, not an agreement; partners reading it cannot rely on that part.""",
    recommendation="Agree the open point with the partners and write down what was agreed.",
    example="""
    partnership:
      agreement:
        exit_terms: Six months' notice; assets return to their contributor   # not "to be agreed"
    """,
)

SAYS_NONE = register_meta(
    "PC003",
    title="Text says the arrangement does not exist",
    severity=Severity.INFO,
    many="{count} fields say there is none: {names}",
    many_fix="Agree the missing arrangements with the partners",
    rationale="""A field that says "None in place" or "No formal process" records that the
    arrangement is missing: it is read as missing, and the rule that looks for it scores
    the gap. This note names the text so nobody mistakes it for content.""",
    recommendation="Agree the arrangement with the partners, or delete the field.",
    example="""
    resources:
      knowledge_sharing: Quarterly learning events and a shared case library   # not "None"
    """,
)

# Text that says there is nothing: read as absent, not as an arrangement.
_NONE = re.compile(
    r"^\W*(none|nothing|nil)\b|"
    r"^\W*not (yet )?(agreed|in place|defined|decided|set up|established|known)\b|"
    r"^\W*no (formal |agreed |written |such |current )?(arrangements?|process(es)?|"
    r"agreements?|plans?|polic(y|ies)|mechanisms?|procedures?|budget)\b",
    re.IGNORECASE,
)
# An arrangement described as having stopped ("Courier shadowing suspended in 2025"). Risk
# texts are exempt: a risk that describes a lapse is a risk, not a lapsed arrangement.
_LAPSED = re.compile(
    r"\b(suspended|lapsed|ceased|discontinued|disbanded|abolished|stopped|no longer "
    r"(runs?|meets?|exists?|operates?|happens?|takes? place))\b",
    re.IGNORECASE,
)
# Markers of unfinished text wherever they appear.
_MARKER = re.compile(
    r"\b(todo|tbd|tbc|tba|fixme|xxx+|lorem ipsum|placeholder)\b|"
    r"\bto be (agreed|confirmed|decided|determined|defined|written|added|completed|drafted|"
    r"developed|appointed|recruited|finali[sz]ed|set up|established)\b|"
    r"\binsert\b|\[\s*[A-Z]{1,3}\s*\]|<[a-z][a-z _-]{0,30}>",
    re.IGNORECASE,
)
# A template slot: the text is a form with blanks, not a sentence ("$[X] million").
_SLOT = re.compile(
    r"\[\s*[A-Z]{1,3}\s*\]|\[\s*(insert|add|name|enter)\b[^\]]*\]|"
    r"<[a-z][a-z _-]{0,30}>",
    re.IGNORECASE,
)
# Words that carry no content of their own, not counted beside a marker.
_FUNCTION_WORDS = """
    a an the and or of to in on for by with at as from is are be will each its this that
    following after before until
"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
# A whole value that says nothing.
_EMPTY = frozenset({"", "-", "--", "?", "??", "...", "…", "n/a", "na", "none", "nil", "tbd"})
# The sample text of partnercheck's starter files (format 1.0), read as placeholders.
_STARTER = frozenset(
    " ".join(t.casefold().split())
    for t in (
        "Our Partnership",
        "Why the partnership exists, in one sentence",
        "First Partner Organisation",
        "Second Partner Organisation",
        "What this partner gains",
        "The first shared objective",
        "How progress is measured",
        "The change the partners want to see together, in a sentence or two.",
        "How information and data are shared between partners",
        "How partners share what they learn",
        "How partners share skills (secondments, training)",
        "What could go wrong",
        "What the partners do about it",
    )
)
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_REAL_WORDS = 5  # beside a marker, fewer real words than this is still a placeholder
# "to be agreed by March 2027": a dated plan is a commitment, not unfinished text; so is
# one naming who agrees it ("by the board on 2027-03-01", "by all partners in 2027").
_DATED = re.compile(
    r"^\s*(by\s+([^\W\d_]+\s+){1,4}?(on|by|before|in|at)\s+|(by|before|in|at)\s+)"
    r"(the\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\s+\d{4}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4}|\d{4}|"
    r"(the )?(next|first|annual) (review|meeting|board))",
    re.IGNORECASE,
)

# Exact pre-checks for _MARKER and _LAPSED, which re tries at every position of every
# text (about a hundred texts a file, nearly all plain content). Each match of those
# patterns contains one of these words; for ASCII text, casefold() is exactly the case
# folding they use, so folded ASCII text without any of them cannot match, and one
# case-sensitive scan for literals says so at a third of the cost.
_MARKER_WORDS = re.compile(r"todo|tbd|tbc|tba|fixme|xxx|lorem ipsum|placeholder|to be |insert|\[|<")
_LAPSED_WORDS = re.compile(
    r"suspended|lapsed|ceased|discontinued|disbanded|abolished|stopped|no longer "
)

Kind = Literal["placeholder", "unfinished", "none"]


def classify(text: str, arrangement: bool = True) -> Kind | None:
    """Whether ``text`` is a placeholder, unfinished, says there is none, or content (None).

    ``arrangement``: the text describes an arrangement (not a risk), so "suspended in
    2025" means the arrangement is gone.
    """
    folded = " ".join(text.casefold().split())
    if folded.strip(" .:;!") in _EMPTY or folded in _STARTER:
        return "placeholder"
    plain = text.isascii()  # else the pre-checks do not apply: every pattern runs
    lapsed = arrangement and (not plain or _LAPSED_WORDS.search(folded)) and _LAPSED.search(text)
    if _NONE.search(text) or lapsed:
        return "none"
    marker = _MARKER.search(text) if not plain or _MARKER_WORDS.search(folded) else None
    while marker is not None and _DATED.match(text[marker.end() :]):
        marker = _MARKER.search(text, marker.end())
    if marker is None:
        return None
    if "lorem ipsum" in folded or (marker.start() < 2 and text[marker.end() :].lstrip()[:1] == ":"):
        return "placeholder"  # "TODO: what this partner gains" is a prompt, not content
    if _SLOT.search(text) or len(_MARKER.findall(text)) >= 2:
        return "placeholder"  # blanks to fill in, or open on more than one point
    rest = _MARKER.sub(" ", text)
    words = [w for w in _WORD.findall(rest) if w.casefold() not in _FUNCTION]
    return "placeholder" if len(words) < MIN_REAL_WORDS else "unfinished"


@dataclass(frozen=True, slots=True)
class Placeholder:
    path: Path
    text: str
    kind: Kind
    element: ElementId | None


class IndexMap:
    """Maps list indexes of the cleaned partnership back to the file's."""

    def __init__(self) -> None:
        self._kept: dict[Path, list[int]] = {}
        self.texts = 0  # every piece of prose seen, for the share that is placeholder

    def keep(self, path: Path, kept: list[int]) -> None:
        self._kept[path] = kept

    def original(self, path: Path | None) -> Path | None:
        if path is None or not self._kept:
            return path
        out: list[str | int] = []
        for part in path:
            if isinstance(part, int):
                kept = self._kept.get(tuple(out))
                if kept is not None and 0 <= part < len(kept):
                    part = kept[part]
            out.append(part)
        return tuple(out)


# Items defined by one text field: when it is a placeholder, the item is dropped.
_DEFINING = {
    Goal: "objective",
    Meeting: "name",
    Kpi: "name",
    Improvement: "action",
    Risk: "description",
}
# Text that is not prose: ids, references, paths, the format version.
_SKIP_FIELDS = frozenset({"id", "survey", "currency", "rule", "goal", "covers", "partnercheck"})
_SKIP_MODELS: tuple[type[BaseModel], ...] = (Suppression,)


def strip_placeholders(p: Partnership) -> tuple[Partnership, list[Placeholder], IndexMap]:
    """The partnership without placeholder text, what was taken out, and the index map."""
    found: list[Placeholder] = []
    index_map = IndexMap()
    cleaned = _clean_model(p, (), found, index_map)
    assert isinstance(cleaned, Partnership)
    return cleaned, found, index_map


def _prose_fields(cls: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``cls`` that may hold prose, each with whether it defaults to None.

    Worked out once per model class: pydantic's ``model_fields`` is a property that
    costs more than the rest of a small model's visit, and a file has dozens of models.
    """
    fields = _PROSE_FIELDS.get(cls)
    if fields is None:
        fields = _PROSE_FIELDS[cls] = tuple(
            (name, info.default is None)
            for name, info in cls.model_fields.items()
            if name not in _SKIP_FIELDS
        )
    return fields


_PROSE_FIELDS: dict[type[BaseModel], tuple[tuple[str, bool], ...]] = {}


def _clean_model(
    model: BaseModel, path: Path, found: list[Placeholder], index_map: IndexMap
) -> BaseModel:
    update: dict[str, Any] = {}
    for name, optional in _prose_fields(type(model)):
        value = getattr(model, name)
        at = (*path, name)
        if isinstance(value, Enum):
            continue  # a value chosen from a list ("member") is not prose: not in the share
        if isinstance(value, str):
            index_map.texts += 1
            kind = classify(value, arrangement=_describes_arrangement(at))
            if kind is not None:
                found.append(Placeholder(at, value, kind, element_of(at)))
                if kind != "unfinished" and optional:
                    update[name] = None
        elif isinstance(value, list):
            cleaned = _clean_list(value, at, found, index_map)
            if cleaned is not value:
                update[name] = cleaned
        elif isinstance(value, BaseModel) and not isinstance(value, _SKIP_MODELS):
            cleaned_model = _clean_model(value, at, found, index_map)
            if cleaned_model is not value:
                update[name] = cleaned_model
    return model.model_copy(update=update) if update else model


def _clean_list(
    items: list[Any], path: Path, found: list[Placeholder], index_map: IndexMap
) -> list[Any]:
    kept: list[int] = []
    out: list[Any] = []
    changed = False
    for i, item in enumerate(items):
        at = (*path, i)
        if isinstance(item, str):
            index_map.texts += 1
            kind = classify(item, arrangement=_describes_arrangement(at))
            if kind is not None:
                found.append(Placeholder(at, item, kind, element_of(at)))
            if kind in ("placeholder", "none"):
                changed = True
                continue
        elif isinstance(item, BaseModel) and not isinstance(item, _SKIP_MODELS):
            defining = _DEFINING.get(type(item))
            kind = (
                classify(getattr(item, defining), arrangement=_describes_arrangement(at))
                if defining is not None
                else None
            )
            if defining is not None and kind in ("placeholder", "none"):
                index_map.texts += 1
                found.append(
                    Placeholder((*at, defining), getattr(item, defining), kind, element_of(at))
                )
                changed = True
                continue
            cleaned = _clean_model(item, at, found, index_map)
            changed = changed or cleaned is not item
            item = cleaned
        kept.append(i)
        out.append(item)
    if not changed:
        return items
    if len(kept) != len(items):
        index_map.keep(path, kept)
    return out


def _describes_arrangement(path: Path) -> bool:
    """Text about how the partnership works; not a risk, a goal or a contribution's story."""
    return bool(path) and path[0] not in ("risks", "partners", "goals")


def element_of(path: Path) -> ElementId | None:
    """The element a place in the file belongs to, for grouping placeholder findings."""
    top = path[0] if path else ""
    if top == "partners" and len(path) > 2:
        return {"benefits": ElementId.GOALS, "contributions": ElementId.RESOURCES}.get(
            str(path[2]), ElementId.RESOURCES if path[2] == "receives" else None
        )
    if top == "partnership":
        if "review_due" in path:
            return ElementId.EVALUATION
        return ElementId.ROLES if "agreement" in path else None
    return _TOP_ELEMENT.get(str(top))


_TOP_ELEMENT = {
    "goals": ElementId.GOALS,
    "vision": ElementId.VISION,
    "communication": ElementId.COMMUNICATION,
    "resources": ElementId.RESOURCES,
    "governance": ElementId.ROLES,
    "roles": ElementId.ROLES,
    "workstreams": ElementId.ROLES,
    "members": ElementId.ROLES,
    "evaluation": ElementId.EVALUATION,
}
