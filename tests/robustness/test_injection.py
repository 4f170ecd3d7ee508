"""Text from a file cannot command a CI runner, a terminal or rich, through a real process.

The attack of issue 11: a goal id holding a newline and ``::error ...`` forged
an annotation in the concise output (the default off a terminal); escape
sequences and rich markup reached the terminal; a file name did the same on
standard error. Here every format and standard error are read as the GitHub
runner and a terminal would read them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.robustness.process import AS_OF, LOCATED, ONE_FINDING, cli

pytestmark = pytest.mark.slow

FORGED = "G1\n::error file=README.md,line=1::Injected\r\n##[error]Legacy \x1b[2J\x1b]8;;https://evil.example\x07x\u202e"
MARKUP = "[link=https://evil.example/]G1[/link] G1 [/note]"
FORMATS = ["concise", "rich", "json", "sarif", "junit", "github", "markdown", "html"]
# What the Actions runner obeys: "::" at the start of a line (after blanks), or
# "##[" anywhere in it; and what a terminal obeys: ESC, C1 controls, bidi overrides.
COMMAND_LINE = re.compile(r"^\s*::", re.MULTILINE)
TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile(goal_id: str) -> str:
    """One finding, naming goal G1 (no target), with G1 renamed to ``goal_id``."""
    text = ONE_FINDING.replace("  - id: G1\n", f"  - id: {json.dumps(goal_id)}\n", 1)
    return text.replace("      goal: G1\n", f"      goal: {json.dumps(goal_id)}\n")


def own_annotations(stdout: str) -> list[str]:
    """The lines the github format writes as commands: one per finding, plus stop/resume."""
    return [line for line in stdout.splitlines() if line.startswith("::")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("goal_id", [FORGED, MARKUP])
def test_a_hostile_goal_id_commands_nothing(tmp_path: Path, fmt: str, goal_id: str) -> None:
    (tmp_path / "p.yaml").write_text(hostile(goal_id), encoding="utf-8")
    seen = cli("assess", "p.yaml", "-f", fmt, *AS_OF, cwd=tmp_path, env={"COLUMNS": "250"})
    assert seen.code == 0, seen.stderr
    assert seen.stderr == ""
    assert not TERMINAL.search(seen.stdout), repr(TERMINAL.search(seen.stdout))
    assert "##[" not in seen.stdout
    if fmt == "github":
        annotations = own_annotations(seen.stdout)
        warnings = [line for line in annotations if line.startswith("::warning ")]
        assert len(warnings) == 1 and "has no target value" in warnings[0]
        stop, resume = annotations[1], annotations[2]
        assert stop.startswith("::stop-commands::") and resume == f"::{stop.split('::')[2]}::"
        assert len(annotations) == 3
    else:
        assert not COMMAND_LINE.search(seen.stdout)
    if goal_id == MARKUP and fmt in ("rich", "concise"):
        assert MARKUP in seen.stdout  # printed as it is written, never read as markup
    if fmt in ("json", "sarif"):
        json.loads(seen.stdout)


def test_the_goal_id_survives_in_json_exactly(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(hostile(FORGED), encoding="utf-8")
    seen = cli("assess", "p.yaml", "-f", "json", *AS_OF, cwd=tmp_path)
    [finding] = json.loads(seen.stdout)["results"][0]["findings"]
    assert FORGED in finding["message"]  # escaped in the bytes, exact in the data


@pytest.mark.parametrize(
    "name",
    ["::error file=a::forged.yaml", "a\nb::error::x.yaml", "\x1b[2Jclear.yaml", "##[error]x.yaml"],
)
def test_a_hostile_file_name_commands_nothing_on_standard_error(tmp_path: Path, name: str) -> None:
    (tmp_path / "many").mkdir()
    (tmp_path / "many" / name).write_text("partnercheck: 1\npartners: [\n", encoding="utf-8")
    for fmt in ("concise", "github", "markdown") if name.startswith("::") else ("concise",):
        seen = cli("assess", "many", "-f", fmt, *AS_OF, cwd=tmp_path)
        assert seen.code == 2
        [line] = seen.lines
        assert LOCATED.match(line)
        assert not COMMAND_LINE.search(seen.stderr) and "##[" not in seen.stderr
        assert not TERMINAL.search(seen.stderr)
        if fmt != "github":
            assert not COMMAND_LINE.search(seen.stdout) and "##[" not in seen.stdout


@pytest.mark.parametrize("fmt", ["csv", "markdown", "html"])
def test_a_hostile_partner_name_commands_nothing_in_a_survey_form(tmp_path: Path, fmt: str) -> None:
    # The CSV form wrote partner names as they were: a newline in a name started a
    # line of its own, so "::error ..." became a workflow command in the CI log.
    text = ONE_FINDING.replace("name: Test City Council", f"name: {json.dumps(FORGED)}", 1)
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    seen = cli("survey", "template", "p.yaml", "-f", fmt, cwd=tmp_path)
    assert seen.code == 0, seen.stderr
    assert not COMMAND_LINE.search(seen.stdout)
    assert not TERMINAL.search(seen.stdout), repr(TERMINAL.search(seen.stdout))
    assert "##[" not in seen.stdout
    if fmt == "csv":
        rows = seen.stdout.splitlines()
        assert len(rows) == 4  # the header and one row per partner
        assert rows[1].startswith('council-1,council,,"G1\\n::error file=README.md,line=1::')
