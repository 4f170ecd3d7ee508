"""Real reports for the reporter tests: assessed YAML, a suppression and an input error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from partnercheck.app.runner import Outcome, build_report
from partnercheck.app.settings import Settings
from partnercheck.app.sources import locate
from partnercheck.app.threshold import judge
from partnercheck.errors import InputError
from partnercheck.results import FileResult, Report
from tests.conftest import AS_OF, assess_text, dump, sound

FILE = "partnerships/riverside.yaml"
SOUND_FILE = "partnerships/sound.yaml"
BROKEN = "partnerships/broken.yaml"
INPUT_ERROR = InputError(BROKEN, 7, 3, "unknown key 'goal' (did you mean 'goals'?)")


def flawed_data() -> dict[str, Any]:
    """The sound partnership broken so that it has findings of every kind.

    PC307 (error), PC104 twice (warning), PC406 (info), and PC203 (warning),
    which the file's own ``suppress:`` list accepts.
    """
    data = sound()
    data["communication"].pop("conflict_resolution")
    for goal, kpi in zip(data["goals"], data["evaluation"]["kpis"], strict=True):
        goal.pop("target")
        kpi.pop("target")
    data["partnership"].pop("currency")
    data["vision"]["values"] = ["dignity"]
    data["suppress"] = [{"rule": "PC203", "reason": "Values are being agreed this year"}]
    return data


def flawed_result(prefix: str = "", name: str = FILE) -> FileResult:
    """Assess the flawed partnership; ``prefix`` is text put before the YAML (moves lines)."""
    return assess_text(prefix + dump(flawed_data()), name=name)


def report_of(*results: FileResult, errors: tuple[InputError, ...] = ()) -> Report:
    """A report as the runner builds it: results in order, then one outcome per error."""
    outcomes = [Outcome(r, []) for r in results] + [Outcome(None, [e]) for e in errors]
    return build_report(AS_OF, outcomes, [])


def sample_report() -> Report:
    """One flawed file, one sound file and one file that could not be checked."""
    return report_of(
        flawed_result(),
        assess_text(dump(sound()), name=SOUND_FILE),
        errors=(INPUT_ERROR,),
    )


def judged(report: Report, fail_on: str = "error", fail_under: float | None = None) -> Report:
    """``report`` with its threshold outcome, as ``assess --fail-on --fail-under`` judges it."""
    return judge(report, Settings.model_validate({"fail-on": fail_on, "fail-under": fail_under}))


def in_repository(report: Report, root: Path) -> Report:
    """``report`` with every file placed in the repository at ``root`` (a ``.git`` is made)."""
    (root / ".git").mkdir(parents=True, exist_ok=True)
    return locate(report, None)
