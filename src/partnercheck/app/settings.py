"""Run settings: what the configuration file and the command line can set.

The configuration file is read into the same record the command line fills,
so precedence is one rule: a value given on the command line wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from partnercheck.errors import InputError, InputErrors, did_you_mean
from partnercheck.load.yaml_source import DEFAULT_MAX_BYTES
from partnercheck.results import ElementId, FailOn, Severity
from partnercheck.textsafe import excerpt

# Settings filled from a differently named command-line option.
OPTION_NAMES = {"extend_ignore": "--ignore"}
# Upper bounds: far above any real need, low enough that no value can exhaust memory.
MAX_WEIGHT = 1000.0
MAX_JOBS = 256
MAX_FILE_SIZE = 1 << 30  # 1 GiB
MAX_RESPONDENTS = 1_000_000
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT, allow_inf_nan=False)]
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def check_rule_patterns(values: list[str]) -> list[str]:
    """Each value must be a rule id or a prefix of at least one (``PC``, ``PC1``, ``PC104``).

    Rule ids come from the registry, so rules added later are known at once.
    """
    from partnercheck.rules import REGISTRY  # the rule modules load only when needed

    for value in values:
        if not value or not any(rule_id.startswith(value) for rule_id in REGISTRY):
            hint = rule_hint(value, REGISTRY) or " (expected e.g. PC305 or PC3)"
            raise ValueError(f"{excerpt(value)} is not a rule id or prefix{hint}")
    return values


# Letters typed for the digits they look like: PC1O1 is PC101, PCl04 is PC104.
_LOOKALIKES = str.maketrans("OoIiLl", "001111")


def rule_hint(value: str, rule_ids: Iterable[str]) -> str:
    """A " (did you mean 'PC101'?)" hint for a mistyped rule id or prefix, or ""."""
    known = sorted(rule_ids)
    fixed = value.upper()[:2] + value.upper()[2:].translate(_LOOKALIKES)
    if fixed != value and any(rule_id.startswith(fixed) for rule_id in known):
        return f" (did you mean {fixed!r}?)"
    return did_you_mean(value.upper(), known)


class Settings(BaseModel):
    """Every setting of an assess run; field names are the config keys (kebab-case)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    fail_under: float | None = Field(
        default=None, alias="fail-under", ge=0, le=100, allow_inf_nan=False
    )
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
    weights: dict[ElementId, Weight] = Field(default_factory=dict)
    """Element weights in the overall score (default 1 each)."""
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores")
    """Glob pattern -> rule ids ignored in matching files."""
    jobs: int | None = Field(default=None, ge=1, le=MAX_JOBS)
    """Worker processes (default: CPU count)."""
    max_file_size: int = Field(
        default=DEFAULT_MAX_BYTES, alias="max-file-size", ge=1, le=MAX_FILE_SIZE
    )
    """Largest partnership file read, in bytes."""
    min_respondents: int = Field(default=3, alias="min-respondents", ge=1, le=MAX_RESPONDENTS)
    """Partners with fewer survey respondents are marked indicative."""
    as_of: date | None = Field(default=None, alias="as-of")
    """Assessment date; default today."""

    @field_validator("select", "ignore", "extend_ignore")
    @classmethod
    def _rule_ids(cls, values: list[str]) -> list[str]:
        return check_rule_patterns(values)

    @field_validator("per_file_ignores")
    @classmethod
    def _per_file_rule_ids(cls, values: dict[str, list[str]]) -> dict[str, list[str]]:
        for rules in values.values():
            check_rule_patterns(rules)
        return values

    @field_validator("severity")
    @classmethod
    def _severity_keys(cls, values: dict[str, Severity]) -> dict[str, Severity]:
        from partnercheck.rules import REGISTRY

        for key in values:
            if key not in REGISTRY:
                hint = rule_hint(key, REGISTRY)
                prefix = any(rule_id.startswith(key) for rule_id in REGISTRY) and key
                why = " (a prefix; give each rule id in full)" if prefix else hint
                raise ValueError(f"{excerpt(key)} is not a rule id{why}")
        return values

    @field_validator("as_of", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        if isinstance(value, str) and ISO_DATE.fullmatch(value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise ValueError(f"{excerpt(value)} is not a date; write it as YYYY-MM-DD")

    @field_validator("weights")
    @classmethod
    def _weights(cls, values: dict[ElementId, float]) -> dict[ElementId, float]:
        # Unlisted elements weigh 1; all six at 0 would leave nothing to score.
        if len(values) == len(ElementId) and not any(values.values()):
            raise ValueError("every element weight is 0; at least one must be positive")
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
