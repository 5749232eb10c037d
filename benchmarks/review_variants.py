"""Metamorphic check of the review: a finding that appears on a variant of a document but not on the document
itself comes from reading noise, not from the table (issue 10).

    python -m benchmarks.review_variants [--details] [--docs PREFIX...] [--twin]

Every judged dev text document is rewritten by each transformation of ``benchmarks/variants.py`` that applies to
it (the same table in another textual form: TABs, one cell per line, wrapped cells, Traditional characters, a 序号
column…); each variant is reviewed with the document's profile and its findings are compared with the original's.
A variant's finding is *noise* when the original has no finding of the same rule on the same indicator (by name
similarity, Traditional and full-width forms folded) or, for a finding about the whole sheet, none of the same
rule. Reader diagnostics (JX001) are left out: a variant may well be harder to read, and the reader says so. A
transformation that damages the text on purpose (OCR slips: 1〇0%, ≥9O%) makes the variant a different document in
one respect; the findings of the rule whose subject is that damage (JX909: a target that looks misread, and what it
should read) report it, as they should, and are counted apart as *expected* (:data:`EXPECTED`), not as noise. So
is a variant's finding that reports a problem the reviewer flagged in the document (matched as the review benchmark
matches, the flag's sheet taken as given): the variant was read better than the original there, and the finding is
the original's miss, not reading noise (*flagged*).

The figure, printed beside the corpus figures by ``python -m benchmarks.review_corpus``, is the share of variant
findings that are noise (lower is better), and how many of them are errors. ``--twin`` also reviews the office twin
of the judged dev documents (their goldens written as .docx, .xlsx and .pdf in real-world layouts,
``tests/corpus/office_twin.py``; about a minute to write): each goal-form layout's findings on rows are held against
those of the same golden written as the standard Word form (the layouts print different header fields, so findings
about the whole sheet are left out). Unseen documents are never read.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus_score import document_bytes, is_binary, skipped_binary_note
from benchmarks.review_judging import (
    READER_RULE,
    Judgment,
    finding_matches,
    kinds_by_code,
    load_judgments,
    load_kinds,
    profile_for,
    same_indicator,
    scoring_profile,
)
from benchmarks.variants import variants
from jixiao.cli.check_command import check_document
from jixiao.documents import NotAGoalDocument, read_bytes, read_path
from jixiao.model import Document
from jixiao.review import Finding

__all__ = ["NoiseFigures", "noise", "review_noise", "twin_noise"]


# The rules whose findings report the damage a transformation puts in the text on purpose, by transformation: they are
# right on the variant and silent on the original, and are counted apart from the noise.
EXPECTED = {"ocr_confusions": frozenset({"JX909"})}


@dataclass
class NoiseFigures:
    """Findings on the variants, those of them the original does not have, and which (document, transformation,
    finding) they are."""

    variants: int = 0
    findings: int = 0
    noise: int = 0
    noise_errors: int = 0
    expected: int = 0  # findings that report the damage the transformation put in on purpose (EXPECTED)
    flagged: int = 0  # findings not on the original that report a problem the reviewer flagged in the document
    details: list[str] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        """Noise findings in % of the variants' findings, one decimal; None without findings."""
        return round(100 * self.noise / self.findings, 1) if self.findings else None


def _findings(text: str, name: str, judgment: Judgment) -> list[Finding] | None:
    try:
        document = read_bytes(text.encode("utf-8"), name)
    except NotAGoalDocument:
        return None
    return _reviewed(document, judgment)


def _reviewed(document: Document, judgment: Judgment) -> list[Finding]:
    review = check_document(document, profile_for(judgment), scoring_profile(judgment)).review
    return [finding for finding in review.findings if finding.rule != READER_RULE]


def _same(a: Finding, b: Finding) -> bool:
    if a.rule != b.rule:
        return False
    if a.indicator is None or b.indicator is None:
        return a.indicator is b.indicator
    return a.indicator == b.indicator or same_indicator(a.indicator, b.indicator)


def noise(original: list[Finding], variant: list[Finding]) -> list[Finding]:
    """The findings of ``variant`` that have no counterpart among ``original`` (same rule, same indicator)."""
    return [finding for finding in variant if not any(_same(finding, other) for other in original)]


def review_noise(prefixes: list[str] | None = None) -> NoiseFigures:
    """Review every judged dev text document (or those whose stem starts with one of ``prefixes``) and its variants."""
    figures = NoiseFigures()
    for judgment in load_judgments():
        path = judgment.path
        if judgment.split != "dev" or judgment.scope == "audit" or path is None or is_binary(path):
            continue
        if prefixes and not any(judgment.stem.startswith(prefix) for prefix in prefixes):
            continue
        text = document_bytes(path).decode("utf-8")
        original = _findings(text, path.name, judgment)
        if original is None:
            continue
        for transformation, variant_text in variants(text).items():
            found = _findings(variant_text, path.name, judgment)
            if found is not None:
                _add(figures, f"{judgment.stem[:40]} {transformation}", original, found, EXPECTED.get(transformation),
                     judgment)
    return figures


def _add(figures: NoiseFigures, label: str, original: list[Finding], found: list[Finding],
         expected: frozenset[str] | None = None, judgment: Judgment | None = None) -> None:
    figures.variants += 1
    figures.findings += len(found)
    for finding in noise(original, found):
        if expected and finding.rule in expected:
            figures.expected += 1
            continue
        if judgment is not None and _flagged(judgment, finding):
            figures.flagged += 1
            continue
        figures.noise += 1
        figures.noise_errors += finding.severity.value == "error"
        figures.details.append(f"{label}: {finding.rule} {finding.severity.value} {finding.indicator or '-'}: "
                               f"{finding.message}")


def _flagged(judgment: Judgment, finding: Finding) -> bool:
    # whether ``finding`` reports one of the reviewer's flags of the document (the flag's sheet taken as the finding's)
    kinds = kinds_by_code(load_kinds()).get(finding.rule, set())
    return any(finding_matches(flag, finding, flag.sheet, kinds) for flag in judgment.flags)


# The twin's layouts of the same goal form: the standard Word form is the reference the others are held against.
TWIN_REFERENCE = "standard.docx"
TWIN_LAYOUTS = ("pages.docx", "export.xlsx", "pairs.xlsx", "nested.docx", "approval.xlsx", "ruled.pdf")


def twin_noise() -> NoiseFigures:
    """Review the office twin of every judged dev document: each goal-form layout's row findings against those of the
    same golden written as the standard Word form (the same table in another layout)."""
    # (the twin writer lives with the corpus tests)
    from tests.corpus.office_twin import write_twins

    judgments = {j.stem[:3]: j for j in load_judgments() if j.split == "dev" and j.scope != "audit" and j.path}
    figures = NoiseFigures()
    with tempfile.TemporaryDirectory(prefix="jixiao-twin-") as folder:
        twins = [twin for twin in write_twins(Path(folder)) if twin.path.name[:3] in judgments
                 and twin.layout in (TWIN_REFERENCE, *TWIN_LAYOUTS)]
        reviewed: dict[tuple[str, str], list[Finding]] = {}
        for twin in twins:
            try:
                document = read_path(twin.path)
            except NotAGoalDocument:
                continue
            judgment = judgments[twin.path.name[:3]]
            reviewed[judgment.stem, twin.layout] = [finding for finding in _reviewed(document, judgment)
                                                    if finding.indicator is not None]
        for (stem, layout), found in reviewed.items():
            reference = reviewed.get((stem, TWIN_REFERENCE))
            if layout != TWIN_REFERENCE and reference is not None:
                _add(figures, f"{stem[:40]} {layout}", reference, found)
    return figures


def summary(figures: NoiseFigures, what: str = "variants of dev text documents") -> str:
    """One line: variants reviewed, their findings, the noise among them (and its errors)."""
    share = "—" if figures.share is None else f"{figures.share:.1f}%"
    return (f"{what}: {figures.variants} reviewed, {figures.findings} findings, "
            f"{figures.noise} not on the original ({share}; errors {figures.noise_errors})"
            + (f", {figures.expected} more report the damage a transformation put in on purpose" if figures.expected
               else "")
            + (f", {figures.flagged} more a problem the reviewer flagged that the original's reading missed"
               if figures.flagged else ""))


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, review and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every noise finding")
    parser.add_argument("--docs", nargs="+", metavar="PREFIX", help="only dev documents whose stem starts so")
    parser.add_argument("--twin", action="store_true", help="also review the office twin of the judged dev documents")
    args = parser.parse_args(argv)
    figures = review_noise(args.docs)
    twins = twin_noise() if args.twin else None
    if args.details:
        print("\n".join(figures.details + (twins.details if twins else [])))
    print(summary(figures))
    print(skipped_binary_note())
    if twins is not None:
        print(summary(twins, "office twin layouts against the standard Word form (row findings)"))


if __name__ == "__main__":
    main()
