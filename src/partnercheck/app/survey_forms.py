"""``survey template [PARTNERSHIP]``: a blank form, for one partnership's partners when given."""

from __future__ import annotations

from pathlib import Path

from partnercheck.app.output import print_error, write_or_report
from partnercheck.engine import load
from partnercheck.errors import InputErrors
from partnercheck.load import read_source
from partnercheck.survey.template import template_csv, template_html, template_markdown


def run_template(fmt: str, partnership: str | None, output: Path | None) -> int:
    """Write the form; a partnership file that cannot be read is a located error (exit 2)."""
    partners: list[tuple[str, str]] = []
    name = ""
    if partnership is not None:
        try:
            loaded = load(read_source(partnership))
        except InputErrors as exc:
            for error in exc.errors:
                print_error(error.render())
            return 2
        partners = [(x.id, x.name) for x in loaded.partnership.partners]
        name = loaded.partnership.partnership.name
    if fmt == "csv":
        text = template_csv(partners)
    elif fmt == "markdown":
        text = template_markdown(partners)
    else:
        text = template_html(partners, name)
    inputs = [partnership] if partnership is not None else []
    return write_or_report(output, text, inputs)
