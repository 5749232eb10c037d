"""Metamorphic check of the audit: a self-evaluation laid out as another unit lays it out must be audited alike
(issue 12).

    python -m benchmarks.audit_variants [--details] [--docs PREFIX...] [--only NAME...] [--twin]

Every judged dev self-evaluation and monitoring text document is rewritten by each layout transformation that
applies to it: those of ``benchmarks/variants.py`` a self-evaluation can take (separators, merged level cells
repeated or left blank, the money table's headings and rate, the 得分 column before the 分值 one, the total in a
sentence, the operator and unit in columns of their own, Traditional characters, wrapped headings and cells, …) and
the self-evaluation forms of ``benchmarks/selfeval_variants.py`` (the points and value columns in other forms' and
provinces' words, the 分值 column before the target, the money in 元, the money table after the indicators, its rate
before its points or its points in the score's heading, its headings each written with its figure in one cell, a 完成率
or 评分标准 column, a monitoring table's headings). Each
variant is read and audited as ``benchmarks/audit_corpus.py`` audits the original, and its findings are held against
the original's (same rule, same indicator by name similarity, or for a finding about the whole sheet none of the same
rule, as ``benchmarks/review_variants.py`` holds them):

- *new*: the variant's findings that the original has no counterpart of, in % of the variant's findings (lower is
  better); those of them that match one of the reviewer's audit flags are counted apart (*flagged*: the variant was
  read better there than the original);
- *lost*: the original's correct findings (those matching an audit flag) that the variant has no counterpart of, in
  % of the original's correct findings summed over its variants (lower is better).

The totals, per transformation, are pinned by ``tests/corpus/test_audit_variant_figures.py``. ``--twin`` also
audits the office twin of the dev self-evaluations (each golden written as the 绩效自评表 form in Word and in Excel,
``tests/corpus/office_twin.py``) and holds the Excel form's findings against the Word form's the same way (not
pinned: the twin prints a money table of its own, so it is held against itself, not against the text). Unseen
documents are never read.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.audit_corpus import KINDS, audit_flags, audited, matched_flags
from benchmarks.corpus_score import document_bytes, is_binary, skipped_binary_note
from benchmarks.review_judging import Judgment, load_judgments, percent
from benchmarks.review_variants import noise
from benchmarks.selfeval_variants import SELFEVAL_TRANSFORMS
from benchmarks.variants import _HEADING, TRANSFORMS, variants
from jixiao.documents import NotAGoalDocument, read_bytes, read_path
from jixiao.model import Document
from jixiao.review import Finding

__all__ = ["AUDIT_TRANSFORMS", "TWIN_LAYOUTS", "TWIN_REFERENCE", "VariantAudit", "audit_variants", "twin_audit"]

# the layouts of benchmarks/variants.py that a self-evaluation is published in: besides separators, merged cells and the
# money table's forms, the operator and the unit in columns of their own (the Sichuan 2023 and Yunnan 自评表, 108, 158,
# 213), Traditional characters (a converter site's copy, 015, 119, 231), headings wrapped over two lines and long cells
# wrapped (a PDF's narrow columns), the level columns' other headings and no 一级 column (county forms). Left out:
# damage (OCR, scrambled cells, cells run together, pinyin), goal-form columns (中长期, 权重 where 分值 stands, 指标解释),
# fixed-width columns (the variant left-aligns a row that lost its merged cells, which a PDF keeps under its
# columns) and the grid as an outline or in prose, which no self-evaluation with its points columns takes
_LAYOUTS = ("pipes_to_tabs", "pipes_to_spaces", "spaces_to_tabs", "spaces_to_pipes", "cell_per_line", "blank_lines",
            "full_width", "header_repeated", "serial_column", "remark_column", "target_heading", "levels_once",
            "levels_repeated", "thousands_separators", "money_headings_renamed", "rate_as_fraction",
            "rate_without_percent", "score_before_weight", "total_in_prose", "money_headings_two_rows",
            "money_units_in_headings", "columns_reordered", "operator_unit_columns", "unit_column", "traditional",
            "heading_two_lines", "wrapped_cells", "name_heading", "short_level_headings", "level1_dropped")
# the layouts that change how cells are separated: a text whose grid is written otherwise (cells one space apart, run
# together) has only stray lines of its header or page rewritten, and that variant is no other layout of its table
_SEPARATORS = frozenset({"pipes_to_tabs", "pipes_to_spaces", "spaces_to_tabs", "spaces_to_pipes", "cell_per_line"})


def _on_grid(transform: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """``transform`` where it rewrites the line heading the indicator grid, else None."""
    def rewritten(text: str) -> str | None:
        variant = transform(text)
        heading = next((line for line in text.split("\n") if _HEADING.search(line)), None)
        return variant if variant is not None and heading is not None and heading not in variant.split("\n") else None

    return rewritten


AUDIT_TRANSFORMS: dict[str, Callable[[str], str | None]] = {
    **{name: _on_grid(TRANSFORMS[name]) if name in _SEPARATORS else TRANSFORMS[name] for name in _LAYOUTS},
    **SELFEVAL_TRANSFORMS}


@dataclass
class VariantAudit:
    """The variants of one document (or of many, summed), their findings against the original's."""

    variants: int = 0
    findings: int = 0
    new: int = 0
    flagged: int = 0  # new findings that match one of the reviewer's audit flags
    correct: int = 0  # the original's correct findings, once per variant
    lost: int = 0
    details: list[str] = field(default_factory=list)

    COUNTS = ("variants", "findings", "new", "flagged", "correct", "lost")

    def add(self, other: VariantAudit) -> None:
        """Add another's counts and details."""
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.details += other.details

    def counts(self) -> dict[str, int]:
        """The pinned counts."""
        return {name: getattr(self, name) for name in self.COUNTS}

    def shares(self) -> tuple[float | None, float | None]:
        """New findings in % of the variants' findings, lost ones in % of the original's correct ones."""
        return percent(self.new, self.findings), percent(self.lost, self.correct)


def _read(text: str, name: str) -> Document | None:
    try:
        return read_bytes(text.encode("utf-8"), name)
    except NotAGoalDocument:
        return None


def _line(label: str, finding: Finding) -> str:
    return " ".join(f"{label}: {finding.rule} {finding.severity.value} {finding.indicator or '-'}: {finding.message}".split())


def audit_document(judgment: Judgment, names: list[str] | None = None) -> dict[str, VariantAudit]:
    """Audit one judged document and its variants (by ``names``, every one of :data:`AUDIT_TRANSFORMS` for None):
    the figures per transformation that applies."""
    assert judgment.path is not None
    text = document_bytes(judgment.path).decode("utf-8")
    original = _read(text, judgment.path.name)
    return {transformation: _compared(judgment, original, _read(variant, judgment.path.name), transformation)
            for transformation, variant in variants(text, names or list(AUDIT_TRANSFORMS), AUDIT_TRANSFORMS).items()}


def _compared(judgment: Judgment, original: Document | None, variant: Document | None, label: str) -> VariantAudit:
    """The audit of ``variant`` held against that of ``original``."""
    flags = audit_flags(judgment)
    before, found = audited(original, judgment), audited(variant, judgment)
    correct = [finding for name, finding in before if matched_flags(flags, original, name, finding)]
    figures = VariantAudit(variants=1, findings=len(found), correct=len(correct))
    label = f"{judgment.stem[:40]} {label}"
    new = {id(finding) for finding in noise([finding for _, finding in before], [finding for _, finding in found])}
    for name, finding in found:
        if id(finding) not in new:
            continue
        if matched_flags(flags, variant, name, finding):
            figures.flagged += 1
        else:
            figures.new += 1
            figures.details.append(_line(f"{label} new", finding))
    lost = noise([finding for _, finding in found], correct)
    figures.lost = len(lost)
    figures.details += [_line(f"{label} lost", finding) for finding in lost]
    return figures


def audit_variants(prefixes: list[str] | None = None,
                   names: list[str] | None = None) -> tuple[dict[str, VariantAudit], dict[str, VariantAudit]]:
    """Every judged dev self-evaluation and monitoring text document (or those whose stem starts with one of
    ``prefixes``) and its variants audited: the figures per document and per transformation."""
    by_document: dict[str, VariantAudit] = {}
    by_transformation: dict[str, VariantAudit] = {}
    for judgment in load_judgments():
        if judgment.split != "dev" or judgment.kind not in KINDS or judgment.path is None:
            continue
        if is_binary(judgment.path) or prefixes and not any(judgment.stem.startswith(p) for p in prefixes):
            continue
        document = by_document.setdefault(judgment.stem, VariantAudit())
        for transformation, figures in audit_document(judgment, names).items():
            by_transformation.setdefault(transformation, VariantAudit()).add(figures)
            document.add(figures)
    return by_document, by_transformation


# the office twin's reference layout, and the layouts held against it
TWIN_REFERENCE, TWIN_LAYOUTS = "selfeval.docx", ("selfeval.xlsx",)


def twin_audit() -> VariantAudit:
    """Every judged dev self-evaluation's golden written as the 绩效自评表 form in Word and in Excel (the office twin,
    ``tests/corpus/office_twin.py``): the audit of the Excel form held against that of the Word form (the same form
    in another office format; the twin prints a money table of its own, so neither is held against the text)."""
    # (the twin writer lives with the corpus tests)
    from tests.corpus.office_twin import write_selfeval_twins

    judgments = {j.stem: j for j in load_judgments() if j.split == "dev" and j.kind == "self-eval"}
    read: dict[tuple[str, str], Document | None] = {}
    with tempfile.TemporaryDirectory(prefix="jixiao-audit-twin-") as folder:
        for twin in write_selfeval_twins(Path(folder), set(judgments)):
            try:
                read[twin.path.name.split(".", 1)[0], twin.layout] = read_path(twin.path)
            except NotAGoalDocument:
                read[twin.path.name.split(".", 1)[0], twin.layout] = None
    figures = VariantAudit()
    for (stem, layout), document in read.items():
        if layout in TWIN_LAYOUTS:
            figures.add(_compared(judgments[stem], read[stem, TWIN_REFERENCE], document, layout))
    return figures


def _pct(value: float | None) -> str:
    return "    —" if value is None else f"{value:5.1f}"


def _row(label: str, figures: VariantAudit) -> str:
    new, lost = figures.shares()
    return (f"{label:<58} {figures.variants:>4} {figures.findings:>5} {figures.new:>4} {_pct(new)} "
            f"{figures.flagged:>4} {figures.correct:>5} {figures.lost:>4} {_pct(lost)}")


def report(by_document: dict[str, VariantAudit], by_transformation: dict[str, VariantAudit], details: bool) -> str:
    """Per document, per transformation and in total."""
    heading = f"{'':<58} {'vars':>4} {'finds':>5} {'new':>4} {'new%':>5} {'flag':>4} {'right':>5} {'lost':>4} {'lost%':>5}"
    total = VariantAudit()
    lines = [heading.replace(" " * 8, "document", 1)]
    for stem, figures in by_document.items():
        if figures.variants:
            lines.append(_row(stem[:58], figures))
            total.add(figures)
    lines += ["", heading.replace(" " * 14, "transformation", 1)]
    lines += [_row(name, figures) for name, figures in sorted(by_transformation.items())]
    lines += ["", _row("TOTAL dev variants", total), "",
              "new: variant findings the original has no counterpart of (new%: of the variants' findings); flag: more "
              "of them that match an audit flag (read better than the original); right: the original's correct "
              "findings, once per variant; lost: those the variant has no counterpart of."]
    if details:
        lines += ["", *total.details]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, audit and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every new and every lost finding")
    parser.add_argument("--docs", nargs="+", metavar="PREFIX", help="only dev documents whose stem starts so")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=list(AUDIT_TRANSFORMS),
                        help="only these transformations")
    parser.add_argument("--twin", action="store_true",
                        help="also audit the office twin of the dev self-evaluations (.xlsx against .docx)")
    args = parser.parse_args(argv)
    print(report(*audit_variants(args.docs, args.only), args.details))
    print(skipped_binary_note())
    if args.twin:
        twins = twin_audit()
        print("", _row(f"office twin: {', '.join(TWIN_LAYOUTS)} against {TWIN_REFERENCE}", twins))
        if args.details:
            print("\n".join(twins.details))

if __name__ == "__main__":
    main()
