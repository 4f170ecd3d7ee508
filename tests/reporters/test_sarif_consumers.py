"""SARIF read by Microsoft's SARIF multitool, which checks the SARIF 2.1.0 rules and the
rules GitHub code scanning applies when it ingests a file (its "GH" rules).

The multitool comes from npm (installed by .ci/run into .consumers/); without it these
tests skip, saying how to install it.
"""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from partnercheck.reporters import RenderContext, render
from partnercheck.reporters.sarif import MAX_RESULTS
from partnercheck.results import Report
from tests.consumers import multitool, multitool_findings, schema_errors
from tests.reporters.reports import flawed_result, in_repository, judged, report_of, sample_report

pytestmark = pytest.mark.slow  # one start of the .NET tool takes seconds

Json = dict[str, Any]


def many_results(count: int) -> Report:
    """A report of more than ``count`` results: copies of a file with five findings each."""
    flawed = flawed_result()
    copies = [flawed.model_copy(update={"file": f"p{i:05d}.yaml"}) for i in range(count // 5 + 1)]
    return judged(report_of(*copies), fail_on="warning", fail_under=90)


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Json]]:
    """What the multitool says about each of our kinds of log, by file name."""
    multitool()  # skips (or fails in CI) here when the tool is absent
    folder = tmp_path_factory.mktemp("sarif")
    repo = folder / "repo"
    repo.mkdir()
    logs = {
        "sample.sarif": sample_report(),
        "threshold.sarif": judged(report_of(flawed_result()), fail_on="warning", fail_under=99),
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo)
        outside = flawed_result(name=str(folder / "outside.yaml"))
        logs["repository.sarif"] = in_repository(report_of(flawed_result(), outside), repo)
    paths = []
    for name, report in logs.items():
        (folder / name).write_text(render("sarif", report, RenderContext()), encoding="utf-8")
        paths.append(folder / name)
    found: dict[str, list[Json]] = {name: [] for name in logs}
    for name in logs:  # the multitool reads past a bad enum; the schema does not
        document = json.loads((folder / name).read_text(encoding="utf-8"))
        found[name] += [
            {"rule": "schema", "level": "error", "message": e} for e in schema_errors(document)
        ]
    for finding in multitool_findings(paths, folder):
        found[finding["file"]].append(finding)
    return found


@pytest.mark.parametrize("log", ["sample.sarif", "threshold.sarif", "repository.sarif"])
def test_no_error_or_warning_from_the_multitool(validated: dict[str, list[Json]], log: str) -> None:
    assert [f for f in validated[log] if f["level"] in ("error", "warning")] == []


def test_a_log_over_githubs_limit_is_cut_to_it_and_stays_small_enough() -> None:
    """GitHub rejects a run of more than 25,000 results and an upload over 10 MB gzipped.

    (The multitool does not check the count, so it is counted here.)
    """
    text = render("sarif", many_results(MAX_RESULTS + 2_000), RenderContext())
    [run] = json.loads(text)["runs"]
    assert len(run["results"]) == MAX_RESULTS
    assert len(gzip.compress(text.encode("utf-8"))) < 10 * 1024 * 1024
    [left_out] = [
        n for n in run["invocations"][0]["toolExecutionNotifications"] if n["level"] == "warning"
    ]
    assert "results were left out" in left_out["message"]["text"]
