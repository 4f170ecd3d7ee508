"""Reading earlier results for ``diff``: an ``assess --format json`` output, within bounds.

The diff records and the logic that builds them live in :mod:`partnercheck.comparison`;
rendering in :mod:`partnercheck.reporters.progress_text`; following a file through git
in :mod:`partnercheck.app.history`.
"""

from __future__ import annotations

from pydantic import ValidationError

from partnercheck.app.json_input import JsonSyntaxError, parse_json
from partnercheck.errors import InputError, InputErrors
from partnercheck.results import FileResult, Report
from partnercheck.textsafe import excerpt, visible


def parse_results(text: str, name: str) -> list[FileResult] | None:
    """The results in an ``assess --format json`` output, or None if ``text`` is not JSON."""
    report = parse_json_report(text, name)
    return None if report is None else report.results


def parse_json_report(text: str, name: str) -> Report | None:
    """An ``assess --format json`` output, or None if ``text`` is not JSON.

    JSON is read within bounds (:mod:`partnercheck.app.json_input`) and every
    score must lie between 0 and 100: a result file may come from anyone.
    """
    try:
        document = parse_json(text, name, "JSON result")
    except JsonSyntaxError:
        return None  # not JSON: a partnership file
    if not (isinstance(document, dict) and "tool" in document and "results" in document):
        return None
    try:
        report = Report.model_validate(document)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = visible(".".join(str(part) for part in first["loc"]), 80)
        raise InputErrors(
            [InputError(name, 1, 1, f"not a partnercheck JSON result: {where}: {first['msg']}")]
        ) from None
    if not report.results:
        raise InputErrors([InputError(name, 1, 1, "the JSON result holds no assessed file")])
    for i, result in enumerate(report.results):
        scores = [("score", result.score)]
        scores += [(f"elements.{e.id.value}.score", e.score) for e in result.elements]
        for field, value in scores:
            if not 0 <= value <= 100:
                shown = f"results[{i}].{field} is {excerpt(value)}, not 0 to 100"
                message = f"not a partnercheck JSON result: {shown}"
                raise InputErrors([InputError(name, 1, 1, message)])
    return report
