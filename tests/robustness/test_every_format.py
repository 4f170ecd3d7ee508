"""Property: whatever text a file holds, no format carries a raw control, a command or markup.

Every string of a real report (partnership and file names, goal ids inside
messages, recommendations, YAML paths, survey partners and roles, error
messages) is replaced by hypothesis-drawn text mixed with known attacks, and
the report, a diff and a history go through every format. Each output must:
hold no raw control, bidi or invisible character (the format's own newlines and,
where it uses them, tabs and colour codes aside); give the GitHub runner no
line starting with ``::`` and no ``##[`` except the github format's own
annotations; parse as JSON or XML where it is JSON or XML; create no HTML tag
that the same report with plain text does not create; and never crash.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from enum import Enum
from html.parser import HTMLParser
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pydantic import BaseModel

from partnercheck.comparison import Diff, History, HistoryPoint, diff_reports
from partnercheck.engine import Options, SurveyInput, assess, load
from partnercheck.load import read_source
from partnercheck.reporters import FORMATS, RenderContext, render
from partnercheck.reporters import progress_text as progress
from partnercheck.reporters.html import render_history
from partnercheck.results import Band, Report, ToolInfo
from partnercheck.survey.responses import read_responses
from partnercheck.textsafe import UNSAFE
from tests.conftest import AS_OF, EXAMPLES
from tests.reporters.reports import BROKEN, INPUT_ERROR, flawed_result, report_of

pytestmark = pytest.mark.slow

Model = TypeVar("Model", bound=BaseModel)

ATTACKS = [
    "\n", "\r\n", "\r", "\t", "\x00", "\x07", "\x1b[2J", "\x1b]8;;https://evil.example\x07x",
    "\x7f", "\x85", "\x9b31m", "\u2028", "\u202e", "\u2066", "\u200b", "\ufeff", "\U000e0041",
    "::error file=README.md,line=1::Injected", "\n::warning::x", "  ::notice::y", "##[error]z",
    "::stop-commands::t", "[link=https://evil.example/]G1[/link]", "[/note]", "[bold red]",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "](https://e.example)",
    "[a](javascript:alert(1))", "@octocat", "#12", "`", "``", "|", "*", "_", "~", "$x$",
    "&amp;", "&#x3c;", "]]>", "-->", "${{ secrets.TOKEN }}", ":smile:", "%0A", "\\", "'", '"',
]  # fmt: skip
TEXT = st.lists(st.sampled_from(ATTACKS) | st.text(max_size=12), min_size=1, max_size=5).map(
    "".join
)
GENERIC = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SGR = re.compile(r"\x1b\[[0-9;]*m")
COMMAND_LINE = re.compile(r"^\s*::", re.MULTILINE)


def base_report() -> Report:
    """A flawed file, the riverside example with its survey (respondents shown), an error."""
    loaded = load(read_source(str(EXAMPLES / "riverside.yaml")))
    ids = [p.id for p in loaded.partnership.partners]
    responses = read_responses(EXAMPLES / "survey" / "riverside-responses.csv", ids)
    survey = SurveyInput(responses, 3, show_respondents=True)
    surveyed = assess(loaded, Options(as_of=AS_OF), survey)
    return report_of(flawed_result(), surveyed, errors=(INPUT_ERROR,))


BASE = base_report()


def replaced(model: Model, texts: Iterator[str], seen: dict[str, str]) -> Model:
    """``model`` with each distinct string replaced by the next drawn text (consistently)."""

    def swap(value: Any) -> Any:
        if isinstance(value, Enum):
            return value
        if isinstance(value, str):
            if value not in seen:
                seen[value] = next(texts)
            return seen[value]
        if isinstance(value, BaseModel):
            return value.model_copy(
                update={name: swap(getattr(value, name)) for name in type(value).model_fields}
            )
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {swap(k): swap(v) for k, v in value.items()}
        return value

    result: Model = swap(model)
    return result


def endless(drawn: list[str]) -> Iterator[str]:
    while True:
        yield from drawn


def diff_of(report: Report, texts: Iterator[str]) -> Diff:
    """Findings introduced in one file and resolved in the other, and a file only in the old."""
    first, second = report.results
    old = [first.model_copy(update={"findings": []}), second]
    old.append(first.model_copy(update={"file": next(texts) + "-only-old"}))
    new = [first, second.model_copy(update={"findings": []})]
    diff = diff_reports(next(texts), next(texts), old, new)
    assert len(diff.files) == 2 and diff.files[0].introduced and diff.files[1].resolved
    return diff


def history_of(report: Report, texts: Iterator[str]) -> History:
    result = report.results[0]
    points = [
        HistoryPoint(commit=next(texts), date=date(2026, 1, 1), score=None, band=None,
                     elements={}, error=next(texts)),
        HistoryPoint(commit="a" * 40, date=date(2026, 2, 1), score=result.score,
                     band=Band.STRONG, elements={e.id.value: e.score for e in result.elements}),
    ]  # fmt: skip
    return History(tool=ToolInfo(version="1.0.0"), file=next(texts), versions=points)


def outputs(report: Report, texts: Iterator[str]) -> Iterator[tuple[str, str]]:
    """(format, text) for every format of the report, its diff and a history."""
    for name in FORMATS:
        yield name, render(name, report, RenderContext(statistics=True, show_respondents=True))
    yield "rich-color", render("rich", report, RenderContext(color=True, statistics=True))
    diff = diff_of(report, texts)
    yield "diff-markdown", progress.render_diff_markdown(diff)
    yield "diff-rich", progress.render_diff_rich(diff, True, 100)
    yield "diff-json", progress.render_diff_json(diff)
    history = history_of(report, texts)
    yield "history-rich", progress.render_history_rich(history, True, 100)
    yield "history-json", progress.render_history_json(history)
    yield "history-html", render_history(history)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.add(tag + "".join(sorted(f" {k}" for k, _ in attrs)))


def tags(html: str) -> set[str]:
    parser = Tags()
    parser.feed(html)
    return parser.found


def markdown_html(text: str) -> str:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    page: str = parser.render(text)
    return page


def plain_outputs() -> dict[str, str]:
    texts = (f"text{i}" for i in range(100_000))
    return dict(outputs(replaced(BASE, texts, {}), texts))


PLAIN = plain_outputs()
CHECKS: dict[str, Callable[[str], object]] = {
    "json": json.loads,
    "sarif": json.loads,
    "diff-json": json.loads,
    "history-json": json.loads,
    "junit": ET.fromstring,
}


def check_github(text: str) -> None:
    """Annotations first, then the summary between stop-commands and its token: nothing else."""
    lines = text.splitlines()
    stop = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[stop].removeprefix("::stop-commands::")
    assert lines[-1] == f"::{token}::"
    for line in lines[:stop]:
        assert re.match(r"::(warning|error|notice) [^\n]*::", line), line
    summary = "\n".join(lines[stop + 1 : -1])
    assert not COMMAND_LINE.search(summary), summary
    assert f"::{token}::" not in summary


@GENERIC
@given(drawn=st.lists(TEXT, min_size=1, max_size=30))
def test_no_format_carries_raw_controls_commands_or_markup(drawn: list[str]) -> None:
    texts = endless(drawn)
    report = replaced(BASE, texts, {})
    for name, text in outputs(report, texts):
        bare = SGR.sub("", text) if name.endswith(("color", "rich")) else text
        allowed = "\n\t" if name in ("concise", "rich", "rich-color") else "\n"
        raw = [c for c in UNSAFE.findall(bare) if c not in allowed]
        assert not raw, (name, raw[:5])
        assert "##[" not in text, name
        if name == "github":
            check_github(text)
        else:
            assert not COMMAND_LINE.search(bare), (name, COMMAND_LINE.search(bare))
        if name in CHECKS:
            CHECKS[name](text)
        if name in ("html", "history-html"):
            assert tags(text) <= tags(PLAIN[name]), (name, tags(text) - tags(PLAIN[name]))
        if name in ("markdown", "diff-markdown"):
            page, plain = markdown_html(text), markdown_html(PLAIN[name])
            assert tags(page) <= tags(plain), (name, tags(page) - tags(plain))


def test_the_plain_report_exercises_every_part() -> None:
    """The base report has what the property needs: findings, a survey, respondents, errors."""
    flawed, surveyed = BASE.results
    assert flawed.findings and surveyed.survey and surveyed.survey.respondent_answers
    assert [e.file for e in BASE.errors] == [BROKEN]
    assert "text" in PLAIN["markdown"] and "text" in PLAIN["history-html"]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_every_output_of_the_plain_report_is_well_formed(name: str) -> None:
    if name in CHECKS:
        CHECKS[name](PLAIN[name])
    assert "##[" not in PLAIN[name]
