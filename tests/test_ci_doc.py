"""docs/ci.md states the limits and names the code enforces: each figure is read from the code."""

from __future__ import annotations

import re

import pytest

from partnercheck import pseudo_rules
from partnercheck.app import baseline
from partnercheck.reporters import budget, github, sarif
from tests.conftest import ROOT

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "stated",
    [
        f"at most {sarif.MAX_RESULTS:,} results per SARIF run",
        f"past {sarif.MAX_RESULTS:,} results",
        f"at most {github.PER_KIND} of each kind",
        f"at most {budget.BUDGET:,} bytes",
        f'"partnercheck-baseline": {baseline.FORMAT_VERSION}',
        f'`partialFingerprints["{sarif.FINGERPRINT}"]`',
        f"- `{pseudo_rules.INPUT_ERROR}`: a file that could not be checked",
        f"- `{pseudo_rules.THRESHOLD}`: a file failing",
        baseline.REGENERATE,
    ],
)
def test_the_ci_page_states_what_the_code_does(stated: str) -> None:
    assert stated in DOC


def test_the_multitool_version_of_the_docs_is_the_one_ci_installs() -> None:
    [installed] = re.findall(
        r"@microsoft/sarif-multitool@([0-9.]+)", (ROOT / ".ci" / "run").read_text()
    )
    assert f"@microsoft/sarif-multitool@{installed}" in DOC


def test_the_skip_message_installs_what_ci_installs() -> None:
    from tests.consumers import INSTALL

    [installed] = re.findall(
        r"@microsoft/sarif-multitool@[0-9.]+", (ROOT / ".ci" / "run").read_text()
    )
    assert installed in INSTALL
