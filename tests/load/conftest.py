"""Every loader test runs on both ways of walking a file: a composed tree (small
files) and a stream of events (large files, or libyaml older than 0.2.6)."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["composed", "events"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    from partnercheck.load import yaml_source

    if request.param == "events":
        monkeypatch.setattr(yaml_source, "_use_composer", lambda text: False)
    return str(request.param)
