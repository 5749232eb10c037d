"""Metamorphic check of the review: a finding that appears on a variant of a document but not on the document
itself comes from reading noise, not from the table (issue 10).

    python -m benchmarks.review_variants [--details] [--docs PREFIX...]

Every judged dev text document is rewritten by each transformation of ``benchmarks/variants.py`` that applies to
it (the same table in another textual form: TABs, one cell per line, wrapped cells, Traditional characters, a 序号
column…); each variant is reviewed with the document's profile and its findings are compared with the original's.
A variant's finding is *noise* when the original has no finding of the same rule on the same indicator (by name
similarity, Traditional and full-width forms folded) or, for a finding about the whole sheet, none of the same
rule. Reader diagnostics (JX001) are left out: a variant may well be harder to read, and the reader says so.

The figure, printed beside the corpus figures by ``python -m benchmarks.review_corpus``, is the share of variant
findings that are noise (lower is better), and how many of them are errors. Unseen documents are never read.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from benchmarks.corpus_score import document_bytes
from benchmarks.review_judging import (
    READER_RULE,
    Judgment,
    load_judgments,
    profile_for,
    same_indicator,
    scoring_profile,
)
from benchmarks.variants import variants
from jixiao.cli.check_command import check_document
from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.review import Finding

__all__ = ["NoiseFigures", "noise", "review_noise"]


@dataclass
class NoiseFigures:
    """Findings on the variants, those of them the original does not have, and which (document, transformation,
    finding) they are."""

    variants: int = 0
    findings: int = 0
    noise: int = 0
    noise_errors: int = 0
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
        if judgment.split != "dev" or judgment.scope == "audit" or path is None or path.suffix != ".txt":
            continue
        if prefixes and not any(judgment.stem.startswith(prefix) for prefix in prefixes):
            continue
        text = document_bytes(path).decode("utf-8")
        original = _findings(text, path.name, judgment)
        if original is None:
            continue
        for transformation, variant_text in variants(text).items():
            found = _findings(variant_text, path.name, judgment)
            if found is None:
                continue
            figures.variants += 1
            figures.findings += len(found)
            for finding in noise(original, found):
                figures.noise += 1
                figures.noise_errors += finding.severity.value == "error"
                figures.details.append(f"{judgment.stem[:40]} {transformation}: {finding.rule} "
                                       f"{finding.severity.value} {finding.indicator or '-'}: {finding.message}")
    return figures


def summary(figures: NoiseFigures) -> str:
    """One line: variants reviewed, their findings, the noise among them (and its errors)."""
    share = "—" if figures.share is None else f"{figures.share:.1f}%"
    return (f"variants of dev text documents: {figures.variants} reviewed, {figures.findings} findings, "
            f"{figures.noise} not on the original ({share}; errors {figures.noise_errors})")


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, review and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every noise finding")
    parser.add_argument("--docs", nargs="+", metavar="PREFIX", help="only dev documents whose stem starts so")
    args = parser.parse_args(argv)
    figures = review_noise(args.docs)
    if args.details:
        print("\n".join(figures.details))
    print(summary(figures))


if __name__ == "__main__":
    main()
