"""Review the judged corpus and print how jixiao's findings compare with a finance-bureau reviewer's (issue 10).

    python -m benchmarks.review_corpus [--split dev|unseen|all] [--details] [--no-variants] [--golden] [--write-kinds]

Per document and in total (dev and unseen apart): precision of all findings and of error findings (an error finding
is deserved when the reviewer gave the matched flag the error level), recall of the reviewer's flags (all, and only
those of kinds some rule should report), grade agreement; then the same totals for the documents whose indicators
reading found (jixiao's reading of real documents is being rebuilt, issue 9). Beside them, for dev, the metamorphic
figure of :mod:`benchmarks.review_variants`: the share of the findings on the variants of dev text documents (the same
table in another textual form) that the original document does not have, which come from reading noise. The
scoring is in :mod:`benchmarks.review_judging`; ``tests/corpus/test_review_figures.py`` pins the dev figures.

``--golden`` reviews each document's hand reading (its golden, :mod:`benchmarks.golden_reading`) as well and prints
its figures, then attributes every false finding on jixiao's reading: *rule-caused* when the golden reading has the
same finding (same rule, same indicator), *reading-caused* when only jixiao's reading has it, and *not attributable*
when only jixiao's reading has it on a column the golden does not record (权重, 指标方向性, …). Not pinned.

Do not look at ``--details`` for unseen documents while developing: they are scored once, at the end.
"""

from __future__ import annotations

import argparse

from benchmarks.corpus_score import skipped_binary_note
from benchmarks.golden_reading import UNRECORDED_COLUMNS
from benchmarks.review_judging import (
    KINDS_MD,
    CorpusFigures,
    Totals,
    kinds_markdown,
    load_kinds,
    score_corpus,
)
from benchmarks.review_variants import NoiseFigures, noise, review_noise, summary


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


def attribution(read: CorpusFigures, golden: CorpusFigures, details: bool) -> str:
    """Where the false findings on jixiao's reading come from: the same finding on the golden reading (the rule), only
    on jixiao's (the reading), or only on jixiao's on a column the golden does not record (not attributable); by
    document with ``details``, and by rule."""
    hand = {doc.stem: doc for doc in golden.documents}
    counts = {"rule": 0, "reading": 0, "unrecorded": 0, "no golden": 0}
    by_rule: dict[str, dict[str, int]] = {}
    lines = []
    for doc in read.documents:
        other = hand.get(doc.stem)
        if other is None or other.unreadable:
            causes = [("no golden", finding) for finding in doc.wrong]
        else:
            only_read = noise(other.reviewed, doc.wrong)
            causes = [("rule" if not any(finding is f for f in only_read) else
                       "unrecorded" if finding.location.column in UNRECORDED_COLUMNS else "reading", finding)
                      for finding in doc.wrong]
        for cause, finding in causes:
            counts[cause] += 1
            by_rule.setdefault(finding.rule, dict.fromkeys(counts, 0))[cause] += 1
            if details:
                lines.append(f"  {cause:<10} {doc.split[0]} {doc.stem[:40]} {finding.rule} {finding.severity.value} "
                             f"{finding.indicator or '-'}: {finding.message}")
    lines.append("false findings on jixiao's reading: " + ", ".join(f"{n} {cause}" for cause, n in counts.items())
                 + " (rule: also on the golden reading; reading: only on jixiao's)")
    lines += [f"  {rule}: " + ", ".join(f"{n} {cause}" for cause, n in causes.items() if n)
              for rule, causes in sorted(by_rule.items(), key=lambda item: -sum(item[1].values()))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, score and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="dev",
                        help="unseen and all run jixiao on unseen documents: only for the final measurement")
    parser.add_argument("--details", action="store_true", help="list false findings and missed flags per document")
    parser.add_argument("--no-variants", action="store_true",
                        help="leave out the review of the dev documents' variants (the reading-noise figure)")
    parser.add_argument("--golden", action="store_true",
                        help="also review the golden (hand) reading and attribute the false findings (not pinned)")
    parser.add_argument("--write-kinds", action="store_true", help="regenerate judged/KINDS.md from kinds.toml")
    args = parser.parse_args(argv)
    if args.write_kinds:
        KINDS_MD.write_text(kinds_markdown(load_kinds()), encoding="utf-8")
        print(f"wrote {KINDS_MD}")
        return
    variant_noise = None if args.no_variants or args.split == "unseen" else review_noise()
    read = score_corpus(args.split)
    print(report(read, args.details, variant_noise))
    if variant_noise is not None:
        print(skipped_binary_note())
    if args.golden:
        golden = score_corpus(args.split, golden=True)
        print("\non the golden (hand) reading:")
        print(report(golden, False))
        print(attribution(read, golden, args.details))


if __name__ == "__main__":
    main()
