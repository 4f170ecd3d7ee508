"""Real reports for the reporter tests: assessed YAML, a suppression and an input error."""

from __future__ import annotations

from typing import Any

from partnercheck.app.runner import Outcome, build_report
from partnercheck.errors import InputError
from partnercheck.results import FileResult, Report
from tests.conftest import AS_OF, SHARED, assess_text, dump, sound

FILE = "partnerships/riverside.yaml"
SOUND_FILE = "partnerships/sound.yaml"
BROKEN = "partnerships/broken.yaml"
INPUT_ERROR = InputError(BROKEN, 7, 3, "unknown key 'goal' (did you mean 'goals'?)")
SCHEMAS = SHARED / "schemas"
NO_SCHEMAS = f"{SCHEMAS} not present (a user's clone)"


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
