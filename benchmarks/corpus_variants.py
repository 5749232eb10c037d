"""Metamorphic check of the reader: dev documents rewritten in other textual forms must read as their golden.

    .venv/bin/python -m benchmarks.corpus_variants [--only NAME...] [--docs PREFIX...] [--all-dev] [--json]
        [--details NAME STEM]

Every dev text document (the collected ones up to number 176 and the shared ones; with ``--all-dev`` the ones moved
to dev later too) that jixiao reads at least one
indicator of right is rewritten by each transformation of ``benchmarks/variants.py`` (the table's text forms) and
``benchmarks/header_variants.py`` (the header block's layouts) and each compound of ``benchmarks/compound_variants.py``
(two or three of them in turn, as real documents combine them) that applies to it; each variant is read and scored
against the original's golden with ``benchmarks/corpus_score.py``. Per transformation it prints the documents, the
indicators read right in the variants against the originals' right count, the self-evaluation fields read right
(分值, 实际完成值, 得分, the money, the claimed total) and the sheet fields (project name, budget total, goals) read
right in the variants against the originals', and the documents that lost most (indicators and fields). Unseen
documents are never read.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field

from benchmarks.compound_variants import COMPOUND_TRANSFORMS
from benchmarks.corpus_score import (
    DocScore,
    Entry,
    differences,
    document_bytes,
    load_golden,
    load_manifest,
    score_document,
    skipped_binary_note,
)
from benchmarks.header_variants import HEADER_TRANSFORMS
from benchmarks.variants import TRANSFORMS, variants
from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.model import Document

__all__ = ["ALL_TRANSFORMS", "VariantFigures", "dev_texts", "variant_figures"]

LAST_DEV_NUMBER = 176
ALL_TRANSFORMS = {**TRANSFORMS, **HEADER_TRANSFORMS, **COMPOUND_TRANSFORMS}
# the sheet fields a header block holds, counted in the variants: what the header transformations move
HEADER_FIELDS = ("name", "budget_total", "goals")


@dataclass
class VariantFigures:
    """One transformation's figures: documents it applies to, indicators right in the variants and originals,
    sheet fields (name, budget total, goals) right in the variants and originals, and each document's loss
    (original right minus variant right, indicators and sheet fields together)."""

    documents: int = 0
    right: int = 0
    original_right: int = 0
    # the self-evaluation fields read right (分值, 实际完成值, 得分, the money and the claimed total): what the
    # transformations of a self-evaluation's money table, points columns and total change
    reported: int = 0
    original_reported: int = 0
    header: int = 0
    original_header: int = 0
    losses: dict[str, int] = field(default_factory=dict)

    def figures(self) -> dict:
        """The pinned figures."""
        return {"documents": self.documents, "right": self.right, "original_right": self.original_right,
                "reported": self.reported, "original_reported": self.original_reported,
                "header": self.header, "original_header": self.original_header}


def dev_texts(prefixes: list[str] | None = None, last: int | None = LAST_DEV_NUMBER) -> list[tuple[Entry, str]]:
    """The dev text documents (numbers up to ``last``, every one for None) with their text, optionally those whose
    stem starts with one of ``prefixes``."""
    chosen = []
    for entry in load_manifest():
        if entry.split != "dev" or entry.binary or last is not None and int(entry.stem[:3]) > last:
            continue
        if prefixes and not any(entry.stem.startswith(prefix) for prefix in prefixes):
            continue
        chosen.append((entry, document_bytes(entry.path).decode("utf-8")))
    return chosen


def _read(text: str, name: str) -> Document | None:
    try:
        return read_bytes(text.encode("utf-8"), name)
    except NotAGoalDocument:
        return None


def variant_figures(texts: list[tuple[Entry, str]], names: list[str] | None = None) -> dict[str, VariantFigures]:
    """Per transformation, the figures of the variants of ``texts`` whose original reads an indicator right."""
    result = {name: VariantFigures() for name in names or ALL_TRANSFORMS}
    for entry, text in texts:
        golden = load_golden(entry.stem)
        if golden is None:
            continue
        scored = score_document(golden, _read(text, entry.path.name))
        original, reported, original_header = scored.fully_right, sum(scored.reported.values()), _header_right(scored)
        if not original:
            continue
        for name, variant in variants(text, names, ALL_TRANSFORMS).items():
            scored = score_document(golden, _read(variant, entry.path.name))
            figures = result[name]
            figures.documents += 1
            figures.right += scored.fully_right
            figures.original_right += original
            figures.reported += sum(scored.reported.values())
            figures.original_reported += reported
            figures.header += _header_right(scored)
            figures.original_header += original_header
            figures.losses[entry.stem] = (original - scored.fully_right + reported - sum(scored.reported.values())
                                          + original_header - _header_right(scored))
    return result


def _header_right(score: DocScore) -> int:
    return sum(score.header[name] for name in HEADER_FIELDS)


def print_figures(result: dict[str, VariantFigures], worst: int = 4) -> None:
    """One line per transformation, with the documents that lost most."""
    width = max(25, *map(len, result))  # (a compound's name is its steps')
    print(f"{'transformation':{width}} {'docs':>4} {'right':>6} {'orig':>6} {'kept':>6} {'self-eval':>9} {'header':>6} "
          f"{'orig':>5}  worst documents (lost)")
    total_right = total_original = total_header = total_original_header = 0
    for name, figures in result.items():
        total_right += figures.right
        total_original += figures.original_right
        total_header += figures.header
        total_original_header += figures.original_header
        kept = f"{100 * figures.right / figures.original_right:5.1f}%" if figures.original_right else "   n/a"
        reported = f"{figures.reported}/{figures.original_reported}"
        losers = sorted(((loss, stem) for stem, loss in figures.losses.items() if loss), reverse=True)[:worst]
        print(f"{name:{width}} {figures.documents:>4} {figures.right:>6} {figures.original_right:>6} {kept:>6} "
              f"{reported:>9} {figures.header:>6} {figures.original_header:>5}  "
              + ", ".join(f"{stem[:3]}(-{loss})" if loss > 0 else f"{stem[:3]}(+{-loss})" for loss, stem in losers))
    print(f"{'total':{width}} {'':>4} {total_right:>6} {total_original:>6} {'':>6} {'':>9} {total_header:>6} "
          f"{total_original_header:>5}")


def print_details(name: str, prefix: str) -> None:
    """Where the ``name`` variant of the dev document ``prefix`` departs from its golden, and the variant text."""
    for entry, text in dev_texts([prefix], None):
        variant = variants(text, [name], ALL_TRANSFORMS).get(name)
        if variant is None:
            print(f"== {entry.stem}: {name} does not apply ==")
            continue
        print(f"== {entry.stem} ({name}) ==")
        for line in differences(load_golden(entry.stem), _read(variant, entry.path.name)) or ["(reads as its golden)"]:
            print("  " + line)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(ALL_TRANSFORMS), help="only these transformations")
    parser.add_argument("--docs", nargs="+", metavar="PREFIX", help="only dev documents whose stem starts so")
    parser.add_argument("--all-dev", action="store_true",
                        help=f"every dev text document, those moved to dev after {LAST_DEV_NUMBER} too (about twice "
                             "the documents and the time; the default set keeps the figures comparable over time)")
    parser.add_argument("--json", action="store_true", help="print the figures (with every document's loss) as JSON")
    parser.add_argument("--details", nargs=2, metavar=("NAME", "STEM"),
                        help="print where one variant of one dev document departs from its golden")
    args = parser.parse_args(argv)
    if args.details:
        print_details(*args.details)
        return
    result = variant_figures(dev_texts(args.docs, None if args.all_dev else LAST_DEV_NUMBER), args.only)
    if args.json:
        print(json.dumps({name: {**figures.figures(), "losses": figures.losses} for name, figures in result.items()},
                         ensure_ascii=False, indent=1))
        return
    print_figures(result)
    print(skipped_binary_note())


if __name__ == "__main__":
    main()
