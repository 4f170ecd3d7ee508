"""Run settings: what the configuration file and the command line can set.

The configuration file is read into the same record the command line fills,
so precedence is one rule: a value given on the command line wins.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from partnercheck.errors import InputError, InputErrors
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES
from partnercheck.results import ElementId, Severity

FailOn = Literal["error", "warning", "info", "never"]
# Settings filled from a differently named command-line option.
OPTION_NAMES = {"extend_ignore": "--ignore"}


class Settings(BaseModel):
    """Every setting of an assess run; field names are the config keys (kebab-case)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    fail_under: float | None = Field(default=None, alias="fail-under", ge=0, le=100)
    """Exit 1 when any file's overall score is below this."""
    fail_on: FailOn = Field(default="error", alias="fail-on")
    """Exit 1 when a finding is at or above this severity."""
    select: list[str] = Field(default_factory=list)
    """Only these rule ids (or prefixes such as PC3)."""
    ignore: list[str] = Field(default_factory=list)
    """Skip these rule ids (or prefixes)."""
    extend_ignore: list[str] = Field(default_factory=list, alias="extend-ignore")
    """Added to ignore (handy on the command line)."""
    severity: dict[str, Severity] = Field(default_factory=dict)
    """Per-rule severity override, e.g. {PC305 = "info"}."""
    weights: dict[ElementId, float] = Field(default_factory=dict)
    """Element weights in the overall score (default 1 each)."""
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    """Glob pattern -> rule ids ignored in matching files."""
    jobs: int | None = Field(default=None, ge=1)
    """Worker processes (default: CPU count)."""
    max_file_size: int = Field(default=DEFAULT_MAX_BYTES, alias="max-file-size", ge=1)
    """Largest partnership file read, in bytes."""
    min_respondents: int = Field(default=3, alias="min-respondents", ge=1)
    """Partners with fewer survey respondents are marked indicative."""
    as_of: date | None = Field(default=None, alias="as-of")
    """Assessment date; default today."""

    @field_validator("select", "ignore", "extend_ignore")
    @classmethod
    def _rule_ids(cls, values: list[str]) -> list[str]:
        for v in values:
            if not v.startswith("PC"):
                raise ValueError(f"{v!r} is not a rule id or prefix (expected e.g. PC305 or PC3)")
        return values

    @field_validator("severity")
    @classmethod
    def _severity_keys(cls, values: dict[str, Severity]) -> dict[str, Severity]:
        for key in values:
            if not key.startswith("PC"):
                raise ValueError(f"{key!r} is not a rule id")
        return values

    @field_validator("weights")
    @classmethod
    def _weights(cls, values: dict[ElementId, float]) -> dict[ElementId, float]:
        if any(w < 0 for w in values.values()):
            raise ValueError("element weights must not be negative")
        return values

    def merged(self, overrides: dict[str, object]) -> Settings:
        """These settings with command-line values (by field name) on top.

        Raises :class:`InputErrors` naming the option when a value is invalid.
        """
        data = self.model_dump(by_alias=False)
        given = {k: v for k, v in overrides.items() if v is not None}
        data.update(given)
        try:
            return Settings.model_validate(data)
        except ValidationError as exc:
            errors = []
            for error in exc.errors(include_url=False):
                name = str(error["loc"][0]) if error["loc"] else ""
                option = (
                    OPTION_NAMES.get(name, "--" + name.replace("_", "-")) if name in given else name
                )
                message = error["msg"].removeprefix("Value error, ")
                errors.append(InputError("<command line>", 1, 1, f"{option}: {message}"))
            raise InputErrors(errors) from None
