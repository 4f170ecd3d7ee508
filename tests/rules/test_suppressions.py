"""PC901 and PC902: the file's suppressions are kept honest as the partnership changes."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from tests.conftest import AS_OF, assess_changed, fired


def suppress(rule_id: str, expires: date | None = None) -> Any:
    """Suppress ``rule_id``, with the channels removed so that PC305 fires."""

    def change(d: dict[str, Any]) -> None:
        d["communication"].pop("channels")
        entry: dict[str, Any] = {"rule": rule_id, "reason": "Partners share one office"}
        if expires is not None:
            entry["expires"] = expires
        d["suppress"] = [entry]

    return change


def test_pc901_fires_for_a_suppression_that_matches_nothing() -> None:
    result = assess_changed(suppress("PC104"))
    [finding] = fired(result, "PC901")
    assert finding.message == "Suppression of PC104 matches no finding"
    assert finding.location is not None and finding.location.path == "suppress[0]"
    assert (finding.severity, finding.points, finding.suppressed) == ("warning", 0.0, False)


def test_pc901_stays_quiet_while_the_suppression_hides_a_finding() -> None:
    result = assess_changed(suppress("PC305"))
    [hidden] = fired(result, "PC305")
    assert hidden.suppressed and hidden.points == 0.0
    assert hidden.justification == "Partners share one office"
    assert not fired(result, "PC901")


def test_pc902_fires_the_day_after_a_suppression_expires() -> None:
    result = assess_changed(suppress("PC305", expires=AS_OF - timedelta(days=1)))
    [finding] = fired(result, "PC902")
    assert finding.message == "Suppression of PC305 expired on 2026-11-25; its findings count again"
    assert finding.location is not None and finding.location.path == "suppress[0].expires"
    assert (finding.severity, finding.points) == ("info", 0.0)
    [counted] = fired(result, "PC305")
    assert not counted.suppressed and counted.points == 10.0
    assert not fired(result, "PC901")  # an expired suppression is not also "unused"


def test_pc902_stays_quiet_on_the_day_a_suppression_expires() -> None:
    result = assess_changed(suppress("PC305", expires=AS_OF))
    assert not fired(result, "PC902")
    [hidden] = fired(result, "PC305")
    assert hidden.suppressed
