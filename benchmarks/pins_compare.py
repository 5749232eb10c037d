"""Compare the pinned per-document corpus figures of the working tree with those of branches being merged.

    python -m benchmarks.pins_compare BRANCH [BRANCH ...] [--against REV]

Merging several branches and then re-recording the pins takes whatever the merged code reads as the new pin, so
a document that one branch had fixed and the merge broke again goes unnoticed (it happened: two branches together
split a name cell into seven indicators). Run this after a merge, before re-recording: it lists every document
whose figures of a good kind (``*_right``, ``fully_right``, ``matched``, ``yielded`` for reading, in ``pins.json``;
``correct``, ``flags_found``, ``errors_deserved`` for the audit, in ``audit_figures.toml``) are lower in the
working tree's freshly written pins (or in ``--against REV``) than in one of the branches. It exits with status 1
when there is one. The figures are compared as pinned: record the merged pins to a scratch checkout first, or run
it on the re-recorded tree and read the list before committing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

READING_PINS = "tests/corpus/pins.json"
AUDIT_PINS = "tests/corpus/audit_figures.toml"
_GOOD_READING = ("fully_right", "matched", "yielded")
_GOOD_AUDIT = ("correct", "flags_found", "errors_deserved")


def _text(path: str, rev: str | None) -> str:
    """The file's text in ``rev`` (``None``: the working tree); empty when the revision has no such file."""
    if rev is None:
        file = Path(__file__).resolve().parent.parent / path
        return file.read_text(encoding="utf-8") if file.exists() else ""
    shown = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=False)
    return shown.stdout if shown.returncode == 0 else ""


def _reading(rev: str | None) -> dict[tuple[str, str], dict]:
    text = _text(READING_PINS, rev)
    pins = json.loads(text) if text else {}
    return {
        (section, stem): figures
        for section, block in pins.items()
        for stem, figures in block.get("documents", {}).items()
    }


def _audit(rev: str | None) -> dict[tuple[str, str], dict]:
    text = _text(AUDIT_PINS, rev)
    pins = tomllib.loads(text) if text else {}
    return {("audit", stem): figures for stem, figures in pins.items() if stem != "total"}


def _good(key: str, audit: bool) -> bool:
    return key in _GOOD_AUDIT if audit else key.endswith("_right") or key in _GOOD_READING


def drops(merged: dict[tuple[str, str], dict], branch: dict[tuple[str, str], dict]) -> Iterator[str]:
    """One line per document and figure that is lower in ``merged`` than in ``branch``."""
    for (section, stem), figures in sorted(branch.items()):
        ours = merged.get((section, stem))
        if ours is None:
            continue
        for key, value in figures.items():
            if _good(key, section == "audit") and ours.get(key, 0) < value:
                yield f"{section} {stem}: {key} {value} → {ours.get(key, 0)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("branches", nargs="+", help="the merged branches (any git revision)")
    parser.add_argument("--against", default=None, help="compare this revision's pins, not the working tree's")
    args = parser.parse_args(argv)
    merged = _reading(args.against) | _audit(args.against)
    found = False
    for branch in args.branches:
        lines = list(drops(merged, _reading(branch) | _audit(branch)))
        found = found or bool(lines)
        print(f"{branch}: {len(lines)} figure(s) lower than the branch's pin")
        for line in lines:
            print(f"  {line}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
