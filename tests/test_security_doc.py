"""docs/security.md states the limits the code enforces: each figure is read from the code."""

from __future__ import annotations

import pytest

from partnercheck import errors
from partnercheck.app import baseline, config, json_input, output, settings
from partnercheck.engine import MAX_HITS_PER_RULE
from partnercheck.load.checks import MAX_ALIAS_CHARACTERS
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES, MAX_ALIAS_EXPANSION, MAX_DEPTH
from partnercheck.survey.responses import LISTED_IDS, MAX_RATING_DIGITS
from partnercheck.textsafe import EXCERPT_LIMIT, MESSAGE_LIMIT
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "stated",
    [
        f"{DEFAULT_MAX_BYTES:,} bytes by default",
        f"at most {settings.MAX_FILE_SIZE:,})",
        f"| config file | {config.MAX_CONFIG_BYTES:,} bytes |",
        f"| baseline file | {baseline.MAX_BASELINE_BYTES:,} bytes |",
        f"| YAML nesting | {MAX_DEPTH} levels |",
        f"expand to at most {MAX_ALIAS_EXPANSION:,} nodes and {MAX_ALIAS_CHARACTERS:,} characters",
        f"nesting {json_input.MAX_DEPTH} levels",
        f"integers of at most {json_input.MAX_INTEGER_DIGITS} digits",
        f"more than {MAX_RATING_DIGITS} digits is never converted",
        f"0 to {settings.MAX_WEIGHT:g}",
        f"`jobs` 1 to {settings.MAX_JOBS}",
        f"`min-respondents` 1 to {settings.MAX_RESPONDENTS:,}",
        f"{MAX_HITS_PER_RULE} per rule and file",
        f"in a message | {EXCERPT_LIMIT} characters |",
        f"| one error message | {MESSAGE_LIMIT} characters |",
        f"| did-you-mean hints | {errors.HINTS} per file",
        f"none among more than {errors.HINT_CANDIDATES:,} known ids",
        f"partner lists {LISTED_IDS} partner ids |",
        f"{output.MAX_OUTPUT_CHARS:,} characters; a larger one is refused whole",
        f"{output.MIN_WIDTH} to {output.MAX_WIDTH} columns",
    ],
)
def test_the_security_page_states_the_enforced_limit(stated: str) -> None:
    assert stated in DOC


def test_the_readme_links_the_security_page() -> None:
    assert "docs/security.md" in (ROOT / "README.md").read_text(encoding="utf-8")
