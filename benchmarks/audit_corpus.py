"""Audit the judged self-evaluation and monitoring documents and compare the findings with a reviewer's (issue 12).

    python -m benchmarks.audit_corpus [--split dev|unseen|all] [--details] [--golden]   (dev by default)

Every judged dev document of kind ``self-eval`` or ``monitor`` is read with jixiao (``read_bytes``, the two header
lines dropped) and each of its sheets audited (:func:`jixiao.scoring.audit.audit_sheet`) under the scoring profile
of the document's province when jixiao ships one (``form = "hubei-…"`` → ``hubei``), else ``central``. The audit's
findings are scored against the reviewer's *audit flags*: flags of a kind prefixed ``audit-`` or of a kind that
``judged/kinds.toml`` maps to an audit code (JXA…, JXM…). A finding is correct when it matches such a flag as the
review benchmark matches (same sheet, similar indicator name or a ``sheet`` flag, a code listed for the kind).
Figures: precision of all findings and of error findings, recall of the audit flags, findings that contradict a
``clean`` entry, and how many findings say they rest on a guessed reading (confidence other than high). The dev
total is also split, as the review benchmark's, into the documents moved from unseen (judged before anyone saw
jixiao's findings on them: the dev figure that predicts unseen ones) and the rest.
``tests/corpus/test_audit_figures.py`` pins the dev figures. ``--split unseen`` audits the unseen third: only for
the final measurement of a round, never while developing (the figures are printed, not pinned).

``--golden`` audits the hand-read golden of each self-evaluation instead of jixiao's reading (the indicators with
their printed 分值, 实际完成值 and 得分, the money and the 预算执行率 row, the claimed total): the same figures on a
perfect reading, so that what the rules get wrong is told apart from what reading gets wrong (not pinned). What no
golden holds is taken as jixiao reads it: the sentences of a report outside its tables (``Document.prose``) and a
monitoring table.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from benchmarks.corpus_score import Entry, read_entry
from benchmarks.golden_reading import golden_document
from benchmarks.review_judging import (
    Flag,
    Judgment,
    finding_matches,
    judged_sheet_names,
    kinds_by_code,
    load_judgments,
    load_kinds,
    percent,
    row_levels,
    same_indicator,
    scoring_profile,
)
from jixiao.model import Document
from jixiao.model.finding import Confidence, Finding
from jixiao.scoring.audit import AUDIT_RULES, audit_prose, audit_sheet

KINDS = ("self-eval", "monitor")
AUDIT_CODES = frozenset(rule.code for rule in AUDIT_RULES)


def audit_kinds() -> set[str]:
    """The problem kinds the audit answers for: prefixed ``audit-``, or mapped to an audit code."""
    return {name for name, kind in load_kinds().items()
            if name.startswith("audit-") or AUDIT_CODES & set(kind.codes)}


@dataclass
class AuditFigures:
    """How the audit of one document (or of many, summed) compares with the reviewer's audit flags."""

    documents: int = 0
    findings: int = 0
    correct: int = 0
    errors: int = 0
    errors_deserved: int = 0
    flags: int = 0
    flags_found: int = 0
    against_clean: int = 0
    guessed: int = 0  # findings whose confidence is not high (they say the reading was unsure)
    fresh: bool = False  # judged before anyone saw jixiao's findings on it (see Judgment.fresh)
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    COUNTS = ("documents", "findings", "correct", "errors", "errors_deserved", "flags", "flags_found",
              "against_clean", "guessed")

    def add(self, other: AuditFigures) -> None:
        """Add another document's counts."""
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def counts(self) -> dict[str, int]:
        """The pinned counts."""
        return {name: getattr(self, name) for name in self.COUNTS}

    def rates(self) -> dict[str, float | None]:
        """Precision (all, errors) and recall, in %."""
        return {"precision": percent(self.correct, self.findings),
                "error_precision": percent(self.errors_deserved, self.errors),
                "recall": percent(self.flags_found, self.flags)}


def _document(judgment: Judgment, golden: bool) -> Document | None:
    read = None if judgment.path is None else read_entry(
        Entry(judgment.stem, judgment.path, judgment.kind, judgment.split, ()))[0]
    hand = golden_document(judgment.stem, judgment.kind) if golden and judgment.kind == "self-eval" else None
    if hand is None:
        return read  # (no golden holds a monitoring table's answers: jixiao's reading stands in)
    # the golden's sheets, and the sentences outside them as jixiao reads them (no golden holds a report's prose)
    return hand.model_copy(update={"prose": read.prose if read is not None else None})


def audit_flags(judgment: Judgment) -> list[Flag]:
    """The reviewer's flags of ``judgment`` that the audit answers for."""
    wanted = audit_kinds()
    return [flag for flag in judgment.flags if flag.problem in wanted]


def audited(document: Document | None, judgment: Judgment) -> list[tuple[str | None, Finding]]:
    """Every sheet of ``document`` audited under the profile of ``judgment``, and its prose: each finding with the
    reviewer's name of its sheet (None for the prose)."""
    profile = scoring_profile(judgment)
    sheets = document.sheets if document else []
    found = [(name, finding) for sheet, name in zip(sheets, judged_sheet_names(judgment, [s.name for s in sheets]))
             for finding in audit_sheet(sheet, profile, source=judgment.stem, diagnostics=document.diagnostics)]
    if document is not None and document.prose is not None:
        found += [(None, finding) for finding in audit_prose(document, profile)]  # (a report in prose: no sheet)
    return found


def matched_flags(flags: list[Flag], document: Document | None, name: str | None, finding: Finding) -> list[int]:
    """The indexes of the ``flags`` that ``finding`` (on the sheet the reviewer names ``name``) matches."""
    kinds = kinds_by_code(load_kinds()).get(finding.rule, set())
    levels = row_levels(document, finding)
    return [i for i, flag in enumerate(flags) if finding_matches(flag, finding, name, kinds, levels)]


def audit_judgment(judgment: Judgment, golden: bool = False) -> AuditFigures:
    """Read (or, with ``golden``, take the golden reading of) and audit one judged document; score its findings
    against the reviewer's audit flags."""
    by_code = kinds_by_code(load_kinds())
    flags = audit_flags(judgment)
    figures = AuditFigures(documents=1, flags=len(flags), fresh=judgment.fresh)
    document = _document(judgment, golden)
    found: set[int] = set()
    for name, finding in audited(document, judgment):
        kinds = by_code.get(finding.rule, set())
        matched = matched_flags(flags, document, name, finding)
        error = finding.severity.value == "error"
        figures.findings += 1
        figures.errors += error
        figures.guessed += finding.confidence != Confidence.HIGH
        if matched:
            figures.correct += 1
            found.update(matched)
            figures.errors_deserved += error and any(flags[i].severity == "error" for i in matched)
        else:
            figures.false.append(f"{finding.rule} {finding.severity.value} [{finding.confidence.value}] "
                                 f"{finding.indicator or '-'}: {finding.message}")
            figures.against_clean += any(
                c.kind in kinds and (c.indicator == "sheet" or same_indicator(c.indicator, finding.indicator or ""))
                for c in judgment.clean)
    figures.flags_found = len(found)
    figures.missed = [f"{f.problem} {f.severity} {f.indicator}: {f.note}" for i, f in enumerate(flags) if i not in found]
    return figures


def audit_corpus(golden: bool = False, split: str = "dev") -> dict[str, AuditFigures]:
    """Every judged self-evaluation and monitoring document of ``split`` (dev, unseen or all), audited and scored."""
    return {j.stem: audit_judgment(j, golden) for j in load_judgments()
            if split in ("all", j.split) and j.kind in KINDS}


def _pct(value: float | None) -> str:
    return "    —" if value is None else f"{value:5.1f}"


def _row(label: str, figures: AuditFigures) -> str:
    rates = figures.rates()
    return (f"{label:<58} {figures.findings:>5} {_pct(rates['precision'])} {figures.errors:>4} "
            f"{_pct(rates['error_precision'])} {figures.flags:>5} {_pct(rates['recall'])} {figures.against_clean:>5} "
            f"{figures.guessed:>5}")


def report(documents: dict[str, AuditFigures], details: bool, split: str = "dev") -> str:
    """One line per document, then the total."""
    lines = [f"{'document':<58} {'finds':>5} {'prec':>5} {'errs':>4} {'eprec':>5} {'flags':>5} {'recall':>5} "
             f"{'clean':>5} {'guess':>5}"]
    total = AuditFigures()
    for stem, figures in documents.items():
        total.add(figures)
        lines.append(_row(stem[:58], figures))
        if details:
            lines += [f"      false  {text}" for text in figures.false]
            lines += [f"      missed {text}" for text in figures.missed]
    lines += ["", _row(f"TOTAL {split}", total)]
    if split == "dev":
        # the judged files of the older dev documents grew while their findings were looked at: the documents moved
        # from unseen predict the unseen figures, the rest do not
        for label, fresh in (("TOTAL dev, judged before findings seen", True), ("TOTAL dev, the rest", False)):
            part = AuditFigures()
            for figures in documents.values():
                if figures.fresh == fresh:
                    part.add(figures)
            lines.append(_row(label, part))
    lines += ["",
              "prec: findings matching an audit flag / findings; eprec: error findings whose flag is an error; recall: "
              "audit flags found; clean: false findings contradicting a clean entry; guess: findings not of high "
              "confidence."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments, audit and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "unseen", "all"), default="dev",
                        help="unseen and all audit unseen documents: only for the final measurement")
    parser.add_argument("--details", action="store_true", help="list false findings and missed flags per document")
    parser.add_argument("--golden", action="store_true",
                        help="audit the golden reading of each self-evaluation instead of jixiao's (not pinned)")
    args = parser.parse_args(argv)
    print(report(audit_corpus(args.golden, args.split), args.details, args.split))


if __name__ == "__main__":
    main()
