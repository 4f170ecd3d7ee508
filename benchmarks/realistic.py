"""Seeded generator of realistic-size partnership files: about 5 KB, varied in shape.

The 11 KB files of ``generate.py`` all look alike. Consultants write smaller
files that differ from one another: two to eight partners, sections left out,
comments, folded text, quoted strings, flow and block lists, ``x-`` notes,
suppressions. Small files are where the fixed per-file costs show, so the
speed targets are judged on these. Importable (``realistic_text``,
``write_realistic_corpus``) or run as::

    python benchmarks/realistic.py --seed 3 -o benchmarks/out/r.yaml

The same seed always gives the same bytes, and every file is valid input for
``partnercheck validate``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

from generate import _PLAIN, _RESERVED, _scalar, generate

PARTNER_COUNTS = (2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8)
OPTIONAL_SECTIONS = ("vision", "communication", "resources", "governance", "roles", "risks")
COMMENTS = (
    "agreed at the March board", "check with finance", "TODO: confirm with the partners",
    "from the signed agreement", "figures from the last annual report", "see the MoU, s.4",
)  # fmt: skip
NOTES = (
    "Drafted by the programme office; to be checked at the next board.",
    "Figures are from the 2025/26 annual returns.",
    "The partnership agreement is on the shared drive (Agreements/2024).",
)
SUPPRESSIONS = {
    "PC305": "The partners share one office and speak daily; a channel list adds nothing.",
    "PC101": "The vision is being redrafted with residents and is due in the spring.",
    "PC602": "An external evaluation is commissioned for next year instead.",
}


def _thin(rng: Random, data: dict[str, Any]) -> None:
    """Leave things out the way real files do: optional sections, fields, list items."""
    for section in OPTIONAL_SECTIONS:
        if rng.random() < 0.15:
            data.pop(section, None)
    for partner in data["partners"]:
        if rng.random() < 0.2:
            partner.pop("benefits")
        if rng.random() < 0.1:
            partner.pop("sector")
    for goal in data.get("goals", []):
        for field in ("indicator", "baseline", "due", "shared_by"):
            if rng.random() < 0.15:
                goal.pop(field, None)
        if "baseline" not in goal:
            goal.pop("target", None)
    evaluation = data.get("evaluation", {})
    for field in ("kpis", "improvements", "methods"):
        if rng.random() < 0.25:
            evaluation.pop(field, None)
    if rng.random() < 0.3:
        data.pop("evaluation", None)
    if rng.random() < 0.25:
        data.pop("goals", None)
        data.get("evaluation", {}).pop("kpis", None)


def _decorate(rng: Random, data: dict[str, Any]) -> None:
    """Add what real files carry beside the data: notes and suppressions."""
    if rng.random() < 0.3:
        data["x-notes"] = rng.choice(NOTES)
    if rng.random() < 0.2:
        data["partnership"]["x-contact"] = "programme.office@example.org"
    if rng.random() < 0.25:
        rule = rng.choice(sorted(SUPPRESSIONS))
        data["suppress"] = [
            {"rule": rule, "reason": SUPPRESSIONS[rule], "expires": date(2027, 6, 30)}
        ]


class _Writer:
    """Block-style YAML with the variety of hand-written files."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.out: list[str] = []

    def text(self, value: str, flow: bool = False) -> str:
        quoted = not (_PLAIN.fullmatch(value) and value.lower() not in _RESERVED)
        if quoted or (flow and "," in value):
            return json.dumps(value, ensure_ascii=False)
        roll = self.rng.random()
        if roll < 0.05:
            return json.dumps(value, ensure_ascii=False)
        if roll < 0.08 and "'" not in value:
            return f"'{value}'"
        return value

    def scalar(self, value: Any, flow: bool = False) -> str:
        return self.text(value, flow) if isinstance(value, str) else _scalar(value)

    def comment(self) -> str:
        return f"  # {self.rng.choice(COMMENTS)}" if self.rng.random() < 0.06 else ""

    def entry(self, head: str, value: Any, indent: int) -> None:
        pad = " " * (indent + 2)
        if isinstance(value, str) and len(value) > 60 and self.rng.random() < 0.5:
            words, line, lines = value.split(), "", []
            for word in words:
                if line and len(line) + len(word) > 70:
                    lines.append(line)
                    line = ""
                line = f"{line} {word}" if line else word
            self.out.append(f"{head} >-")
            self.out.extend(f"{pad}{chunk}" for chunk in [*lines, line])
        elif not isinstance(value, dict | list):
            self.out.append(f"{head} {self.scalar(value)}{self.comment()}")
        elif not value:
            self.out.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}")
        elif isinstance(value, list) and self._flow_list(value):
            items = ", ".join(self.scalar(x, flow=True) for x in value)
            self.out.append(f"{head} [{items}]")
        elif isinstance(value, dict) and all(isinstance(v, int) for v in value.values()):
            pairs = ", ".join(f"{k}: {v}" for k, v in value.items())
            self.out.append(f"{head} {{{pairs}}}")
        else:
            self.out.append(head)
            self.block(value, indent + 2)

    def _flow_list(self, value: list[Any]) -> bool:
        scalars = not any(isinstance(x, dict | list) for x in value)
        return scalars and len(value) <= 8 and self.rng.random() < 0.7

    def block(self, value: dict[str, Any] | list[Any], indent: int) -> None:
        pad = " " * indent
        if isinstance(value, dict):
            for key, item in value.items():
                self.entry(f"{pad}{key}:", item, indent)
            return
        for item in value:
            if not isinstance(item, dict):
                self.out.append(f"{pad}- {self.scalar(item)}{self.comment()}")
                continue
            for i, (key, sub) in enumerate(item.items()):
                self.entry(f"{pad}{'- ' if i == 0 else '  '}{key}:", sub, indent + 2)


def realistic_text(seed: int) -> str:
    rng = Random(f"realistic-{seed}")
    partners = rng.choice(PARTNER_COUNTS)
    data = generate(partners, rng.randint(1, max(2, partners - 1)), seed)
    _thin(rng, data)
    _decorate(rng, data)
    writer = _Writer(rng)
    writer.out.append(f"# {data['partnership']['name']}: partnership definition")
    if rng.random() < 0.5:
        writer.out.append("# yaml-language-server: $schema=partnership.schema.json")
    for key, value in data.items():
        writer.out.append("")
        if rng.random() < 0.2:
            writer.out.append(f"# {key.capitalize()}")
        writer.block({key: value}, 0)
    return "\n".join(writer.out) + "\n"


def write_realistic_corpus(directory: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` files (seeds ``seed`` .. ``seed + count - 1``) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i in range(count):
        path = directory / f"realistic-{i:05d}.yaml"
        path.write_text(realistic_text(seed + i), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = realistic_text(args.seed)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
