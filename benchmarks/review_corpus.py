"""Review the judged corpus and print how jixiao's findings compare with a finance-bureau reviewer's (issue 10).

    python -m benchmarks.review_corpus [--split dev|unseen|all] [--details] [--no-variants] [--write-kinds]

Per document and in total (dev and unseen apart): precision of all findings and of error findings (an error finding
is deserved when the reviewer gave the matched flag the error level), recall of the reviewer's flags (all, and only
those of kinds some rule should report), grade agreement; then the same totals for the documents whose indicators
reading found (jixiao's reading of real documents is being rebuilt, issue 9). Beside them, for dev, the metamorphic
figure of :mod:`benchmarks.review_variants`: the share of the findings on the variants of dev text documents (the same
table in another textual form) that the original document does not have, which come from reading noise. The
scoring is in :mod:`benchmarks.review_judging`; ``tests/corpus/test_review_figures.py`` pins the dev figures.

Do not look at ``--details`` for unseen documents while developing: they are scored once, at the end.
"""

from __future__ import annotations

import argparse

from benchmarks.review_judging import (
    KINDS_MD,
    CorpusFigures,
    Totals,
    kinds_markdown,
    load_kinds,
    score_corpus,
)
from benchmarks.review_variants import NoiseFigures, review_noise, summary


def _pct(value: float | None) -> str:
    return "   —" if value is None else f"{value:5.1f}"


def _row(label: str, totals: Totals) -> str:
    rates = totals.rates()
    return (f"{label:<44} {totals.documents:>4} {totals.findings:>5} {_pct(rates['precision'])} "
            f"{totals.errors:>4} {_pct(rates['error_precision'])} {totals.flags:>5} {_pct(rates['recall'])} "
            f"{_pct(rates['recall_covered_kinds'])} {totals.graded:>4} {_pct(rates['grade_agreement'])}")


HEADER = (f"{'document':<44} {'docs':>4} {'finds':>5} {'prec':>5} {'errs':>4} {'eprec':>5} {'flags':>5} "
          f"{'recall':>5} {'rcov':>5} {'grad':>4} {'agree':>5}")


def report(figures: CorpusFigures, details: bool, noise: NoiseFigures | None = None) -> str:
    """The printed report: one line per document, then totals by split (all documents and read ones), then the
    reading noise among the findings on dev variants when ``noise`` is given."""
    lines = [HEADER]
    for doc in figures.documents:
        one = Totals()
        one.add(doc)
        read = "" if doc.read else f"  [read {doc.coverage:.0%}{'; ' + doc.unreadable if doc.unreadable else ''}]"
        grades = " ".join(f"{r}/{o or '—'}" for r, o in doc.grades)
        lines.append(_row(f"{doc.split[0]} {doc.stem[:41]}", one) + f"  {grades}{read}")
        if details:
            lines += [f"      false  {text}" for text in doc.false]
            lines += [f"      missed {text}" for text in doc.missed]
    lines.append("")
    for split in ("dev", "unseen"):
        if any(d.split == split for d in figures.documents):
            lines.append(_row(f"TOTAL {split}", figures.totals(split)))
            lines.append(_row(f"TOTAL {split}, indicators read", figures.totals(split, read_only=True)))
            if split == "dev":
                # the judged files of the older dev documents grew while their findings were looked at: these
                # are the dev figures that predict unseen ones
                lines.append(_row("TOTAL dev, judged before findings seen", figures.totals(split, fresh_only=True)))
    if noise is not None:
        lines.append(summary(noise))
    lines.append("")
    lines.append("prec: correct findings / findings (reader diagnostics JX001 excluded); eprec: error findings whose "
                 "flag the reviewer rated error; recall: flags found; rcov: recall over flags of kinds some rule "
                 "covers; agree: grade agreement per graded sheet (reviewer/jixiao).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, score and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="dev",
                        help="unseen and all run jixiao on unseen documents: only for the final measurement")
    parser.add_argument("--details", action="store_true", help="list false findings and missed flags per document")
    parser.add_argument("--no-variants", action="store_true",
                        help="leave out the review of the dev documents' variants (the reading-noise figure)")
    parser.add_argument("--write-kinds", action="store_true", help="regenerate judged/KINDS.md from kinds.toml")
    args = parser.parse_args(argv)
    if args.write_kinds:
        KINDS_MD.write_text(kinds_markdown(load_kinds()), encoding="utf-8")
        print(f"wrote {KINDS_MD}")
        return
    noise = None if args.no_variants or args.split == "unseen" else review_noise()
    print(report(score_corpus(args.split), args.details, noise))


if __name__ == "__main__":
    main()
