"""Every string of a result record made :func:`~partnercheck.textsafe.visible`, in one call.

Text reporters call :func:`visible_model` on the record they are given, so no
field (a partnership name, a goal id inside a message, a survey role, a file
name) can reach the page unescaped, however the reporter lays it out. Only
records that hold something to escape are copied.
"""

from __future__ import annotations

from enum import Enum
from typing import TypeVar, cast

from pydantic import BaseModel

from partnercheck.textsafe import visible

Model = TypeVar("Model", bound=BaseModel)


def visible_model(model: Model) -> Model:
    """``model`` with :func:`visible` applied to every string inside it."""
    return cast(Model, _clean(model))


def _clean(value: object) -> object:
    if isinstance(value, Enum):  # a str enum is a fixed name, and must stay an enum
        return value
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, BaseModel):
        changes = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _clean(old)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list | tuple):
        items = [_clean(item) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        pairs = [(_clean(k), _clean(v)) for k, v in value.items()]
        unchanged = zip(pairs, value.items(), strict=True)
        if all(k is old_k and v is old_v for (k, v), (old_k, old_v) in unchanged):
            return value
        return dict(pairs)
    return value
