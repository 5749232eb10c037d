"""How well jixiao reads the corpus of real documents (and their office twins), per document and in total.

    .venv/bin/python -m benchmarks.corpus [--split dev|unseen|all] [--twin] [--json]
    .venv/bin/python -m benchmarks.corpus --details STEM...   # where dev documents depart from their golden

Reads every manifest document that has a golden with jixiao and compares the result with the golden (see
``benchmarks/corpus_score.py`` for the rules). ``--twin`` also writes the office twin of the dev goldens
(.docx and .xlsx in real-world layouts, ``tests/corpus/office_twin.py``) to a temporary folder and scores those.
The unseen third is scored once, at the end of the work: ``--split unseen``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from benchmarks.corpus_score import (
    FIELDS,
    REPORTED,
    SHEET_FIELDS,
    DocScore,
    differences,
    load_golden,
    load_manifest,
    read_entry,
    score_document,
    totals,
)
from jixiao.documents import NotAGoalDocument, read_path


def corpus_scores(split: str) -> list[DocScore]:
    """Score every manifest document of ``split`` (dev, unseen or all) that has a golden."""
    scores = []
    for entry in load_manifest():
        golden = load_golden(entry.stem)
        if golden is None or split not in ("all", entry.split):
            continue
        document, error = read_entry(entry)
        scores.append(score_document(golden, document, stem=entry.stem, split=entry.split, error=error))
    return scores


def twin_scores(folder: Path) -> list[DocScore]:
    """Write the office twin of the dev goldens into ``folder`` and score each file."""
    from tests.corpus.office_twin import write_twins

    scores = []
    for twin in write_twins(folder):
        try:
            document, error = read_path(twin.path), None
        except NotAGoalDocument as refused:
            document, error = None, refused.message
        stem = f"{twin.path.name.split('_', 1)[0]}.{twin.layout}"
        scores.append(score_document(twin.golden, document, stem=stem, split="twin", error=error))
    return scores


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def print_scores(title: str, scores: list[DocScore]) -> None:
    """One line per document, then the totals."""
    print(f"\n{title}")
    print(f"{'document':52} {'sheet':>9} {'found/exp':>9} {'match':>5} "
          + " ".join(f"{name[:5]:>5}" for name in FIELDS) + f" {'right':>5} {'unacc':>5}")
    for score in scores:
        sheet = ("yes" if score.yielded else "no") + "/" + ("yes" if score.has_table else "no")
        mark = " " if score.sheet_right else "!"
        print(f"{score.stem[:52]:52} {sheet:>8}{mark} {score.found:>4}/{score.expected:<4} {score.matched:>5} "
              + " ".join(f"{score.right[name]:>5}" for name in FIELDS)
              + f" {score.fully_right:>5} {'n/a' if score.unaccounted is None else score.unaccounted:>5}")
    total = totals(scores)
    print(f"total: {total.documents} documents, {total.with_table} hold an indicator table; "
          f"yielded a sheet right {total.sheet_right}/{total.documents}, "
          f"tables yielded {total.tables_yielded}/{total.with_table} ({_percent(total.tables_yielded, total.with_table)})")
    print(f"       indicators found {total.found}, expected {total.expected}, matched {total.matched}; "
          f"read right (all five fields) {total.fully_right}/{total.expected} "
          f"({_percent(total.fully_right, total.expected)})")
    print("       field accuracy: " + ", ".join(f"{name} {_percent(total.right[name], total.expected).strip()}"
                                              for name in FIELDS)
          + f"; tokens unaccounted {'n/a' if total.unaccounted is None else total.unaccounted}")
    print(f"       year (right/given): {total.year_right}/{total.year_expected} "
          f"({_percent(total.year_right, total.year_expected)})")
    print("       self-evaluation fields (right/given): "
          + ", ".join(f"{name} {total.reported[name]}/{total.reported_expected[name]}" for name in REPORTED
                      if total.reported_expected[name]))
    print("       sheet fields (right/given): "
          + ", ".join(f"{name} {total.header[name]}/{total.header_expected[name]}" for name in SHEET_FIELDS
                      if total.header_expected[name]))


def print_details(prefixes: list[str]) -> None:
    """Each chosen dev document's departures from its golden; unseen documents are never shown."""
    for entry in load_manifest():
        golden = load_golden(entry.stem)
        if golden is None or not any(entry.stem.startswith(prefix) for prefix in prefixes):
            continue
        if entry.split != "dev":
            print(f"\n== {entry.stem}: unseen, not shown ==")
            continue
        document, error = read_entry(entry)
        print(f"\n== {entry.stem} ==" + (f"  refused: {error}" if error else ""))
        for line in differences(golden, document) or ["(reads as its golden)"]:
            print("  " + line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="dev")
    parser.add_argument("--twin", action="store_true", help="also score the office twin of the dev goldens")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    parser.add_argument("--details", nargs="+", metavar="STEM",
                        help="print where these dev documents (a stem or its number prefix) depart from their golden")
    args = parser.parse_args(argv)
    if args.details:
        print_details(args.details)
        return
    groups: dict[str, list[DocScore]] = {}
    scores = corpus_scores(args.split)
    for split in ("dev", "unseen"):
        chosen = [score for score in scores if score.split == split]
        if chosen:
            groups[split] = chosen
    if args.twin:
        with tempfile.TemporaryDirectory(prefix="jixiao-twin-") as folder:
            groups["twin"] = twin_scores(Path(folder))
    if args.json:
        print(json.dumps({name: {"totals": totals(group).figures(),
                                 "documents": {score.stem: score.figures() for score in group}}
                          for name, group in groups.items()}, ensure_ascii=False, indent=2))
        return
    for name, group in groups.items():
        print_scores(f"== {name} ==", group)


if __name__ == "__main__":
    main()
