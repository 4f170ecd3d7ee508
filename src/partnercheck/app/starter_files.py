"""``partnercheck init``: the starter file and, beside it, the schema its modeline names.

The starter's first line tells YAML editors to validate against
``./partnership.schema.json``; without that file the editor reports "Unable to
load schema", so ``init`` writes it too. The schema is ours and generated, but
a file of that name that differs is still left alone unless ``--force`` says
otherwise: it may be another version's, kept on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partnercheck.app.output import check_output, is_stdout, print_error, write_output
from partnercheck.errors import InputError, InputErrors
from partnercheck.starter import SCHEMA_FILE, starter
from partnercheck.textsafe import display_name, visible


@dataclass(frozen=True)
class InitOutcome:
    code: int
    lines: tuple[str, ...] = ()  # what to tell the user on standard output


def write_starter(file: Path, version: str, force: bool) -> InitOutcome:
    """Write the starter (and its schema) and say what was done; errors go to stderr."""
    text = starter(file.name if not is_stdout(file) else "partnership.yaml", version)
    try:
        if is_stdout(file):
            write_output(None, text)
            return InitOutcome(0)
        _refuse_existing(file, force)
        schema_path = file.parent / SCHEMA_FILE
        schema_action = _schema_action(schema_path, force)
        check_output(file)
        if schema_action == "write":
            check_output(schema_path)
        write_output(file, text)
        if schema_action == "write":
            from partnercheck.model.schema import schema_text

            write_output(schema_path, schema_text())
    except InputErrors as exc:
        for error in exc.errors:
            print_error(error.render())
        return InitOutcome(2)
    return InitOutcome(0, _report(file, schema_path, schema_action))


def _refuse_existing(file: Path, force: bool) -> None:
    if file.is_dir():
        problem = "is a directory; name the file to create, e.g. partnership.yaml"
    elif (file.exists() or file.is_symlink()) and not force:
        problem = "file exists; use --force to overwrite it"
    else:
        return
    raise InputErrors([InputError(display_name(str(file)), 1, 1, problem)])


def _schema_action(path: Path, force: bool) -> str:
    """``write``, ``same`` (already current) or ``kept`` (differs; not ours to replace)."""
    if not (path.exists() or path.is_symlink()):
        return "write"
    from partnercheck.model.schema import schema_text

    try:
        current = path.read_text(encoding="utf-8") == schema_text()
    except (OSError, UnicodeDecodeError):
        current = False
    if current:
        return "same"
    return "write" if force else "kept"


def _report(file: Path, schema_path: Path, action: str) -> tuple[str, ...]:
    shown, schema_shown = visible(str(file)), visible(str(schema_path))
    lines = [f"Wrote {shown}."]
    if action == "write":
        lines.append(f"Wrote {schema_shown}, the schema its first line names for YAML editors.")
    elif action == "kept":
        lines.append(
            f"Kept {schema_shown}, which differs from this version's schema; "
            f"update it with: partnercheck schema -o {schema_shown}"
        )
    lines.append(f"Replace every TODO, then run: partnercheck assess {shown}")
    return tuple(lines)
