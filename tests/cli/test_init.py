"""`partnercheck init`: a starter that validates, a modeline that resolves, nothing overwritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

from partnercheck.starter import SCHEMA_FILE
from tests.cli.test_cli import AS_OF, run


def _modeline_target(starter: Path) -> Path:
    first = starter.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    return starter.parent / match.group(1)


def test_writes_a_starter_that_validates_and_assesses_as_empty(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    code, out, _ = run("init", str(target))
    assert code == 0 and f"Wrote {target}." in out
    assert run("validate", str(target))[0] == 0
    code, out, _ = run("assess", str(target), "--fail-on", "never", "-f", "json", *AS_OF)
    assert code == 0
    assert json.loads(out)["results"][0]["band"] == "critical"  # TODO text is not content


def test_the_modeline_names_a_schema_that_init_wrote_and_the_starter_passes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "p.yaml"
    code, out, _ = run("init", str(target))
    schema_path = _modeline_target(target)
    assert code == 0 and schema_path == tmp_path / SCHEMA_FILE
    assert "the schema its first line names" in out
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert schema == json.loads(run("schema")[1])
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(target.read_text()))


def test_format_1_1_shows_the_new_sections_commented_and_they_validate_uncommented(
    tmp_path: Path,
) -> None:
    target = tmp_path / "p.yaml"
    assert run("init", str(target), "--format", "1.1")[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "partnercheck: 1.1\n" in text
    for section in ("# members:", "# workstreams:", "#   bodies:", "standing:", "readings:"):
        assert section in text
    # A user uncomments the members and workstreams blocks as they are.
    lines = text.splitlines()
    start = lines.index(
        "# members:                              # people or bodies that are not partners"
    )
    block = []
    for line in lines[start:]:
        if not line.startswith("#") or line.startswith("# In governance"):
            break
        block.append(line[2:])
    edited = text + "\n" + "\n".join(block) + "\n"
    target.write_text(edited, encoding="utf-8")
    code, _, err = run("validate", str(target))
    assert code == 0, err


def test_an_unknown_format_version_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("init", str(tmp_path / "p.yaml"), "--format", "2")
    assert code == 2 and "'2' is not one of 1, 1.1" in err
    assert not (tmp_path / "p.yaml").exists()


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "p.yaml"
    target.write_text("mine\n")
    code, _, err = run("init", str(target))
    assert (code, target.read_text()) == (2, "mine\n")
    assert err == f"{target}:1:1: file exists; use --force to overwrite it\n"
    assert not (tmp_path / SCHEMA_FILE).exists()
    assert run("init", str(target), "--force")[0] == 0
    assert target.read_text() != "mine\n"


def test_a_different_schema_file_is_kept_unless_forced(tmp_path: Path) -> None:
    schema_path = tmp_path / SCHEMA_FILE
    schema_path.write_text("{}\n")
    code, out, _ = run("init", str(tmp_path / "a.yaml"))
    assert code == 0 and schema_path.read_text() == "{}\n"
    assert f"update it with: partnercheck schema -o {schema_path}" in out
    assert run("init", str(tmp_path / "b.yaml"), "--force")[0] == 0
    assert schema_path.read_text() == run("schema")[1]


def test_standard_output_gets_the_starter_alone(tmp_path: Path) -> None:
    code, out, _ = run("init", "-")
    assert code == 0 and out.startswith("# yaml-language-server") and "Wrote" not in out
