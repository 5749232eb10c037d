"""The audit of the real dev self-evaluation and monitoring documents, read by jixiao, against the reviewer's audit
flags: the figures of ``python -m benchmarks.audit_corpus`` are pinned in ``audit_figures.toml``.

A change that audits the corpus worse (lower precision, error precision or recall, in total or on any document, or
more findings contradicting a clean entry) fails; one that audits it better fails too until the pin is rewritten
with ``JIXIAO_UPDATE_PINS=1`` (then review the diff), so that the gain is kept. Unseen documents are never audited.
"""

import os
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.audit_corpus import AUDIT_CODES, AuditFigures, audit_corpus, audit_judgment, audit_kinds, report
from benchmarks.review_judging import Flag, load_judgments, load_kinds

PINS = Path(__file__).with_name("audit_figures.toml")
REWRITE = ("if that follows from a change in reading, in the audit or in the judged corpus, rewrite the pin with "
           "JIXIAO_UPDATE_PINS=1, review the diff and say why in the commit")


def _figures() -> dict[str, dict[str, int]]:
    judged = [j for j in load_judgments() if j.split == "dev" and j.kind in ("self-eval", "monitor")]
    if any(j.path is None for j in judged):
        pytest.skip("the shared corpus (../shared/corpus) is not on this machine")
    documents = audit_corpus()
    total = AuditFigures()
    for figures in documents.values():
        total.add(figures)
    return {"total": total.counts(), **{stem: figures.counts() for stem, figures in documents.items()}}


def _rates(counts: dict[str, int]) -> dict[str, float]:
    def ratio(part: str, whole: str) -> float:
        return counts[part] / counts[whole] if counts[whole] else 1.0
    return {"precision": ratio("correct", "findings"), "error_precision": ratio("errors_deserved", "errors"),
            "recall": ratio("flags_found", "flags")}


def _write(figures: dict[str, dict[str, int]]) -> None:
    lines = ["# Pinned figures of python -m benchmarks.audit_corpus (JIXIAO_UPDATE_PINS=1 rewrites): the audit of the",
             "# judged dev self-evaluation and monitoring documents against the reviewer's audit flags.", ""]
    for label, counts in figures.items():
        lines.append(f'["{label}"]' if label != "total" else "[total]")
        lines += [f"{name} = {value}" for name, value in counts.items()]
        lines.append("")
    PINS.write_text("\n".join(lines), encoding="utf-8")


def test_dev_audit_figures_are_pinned():
    figures = _figures()
    if os.environ.get("JIXIAO_UPDATE_PINS") == "1" or not PINS.exists():
        _write(figures)
    pinned = tomllib.loads(PINS.read_text(encoding="utf-8"))
    assert set(figures) == set(pinned), f"the audited documents changed; {REWRITE}"
    for label, counts in figures.items():
        now, then = _rates(counts), _rates(pinned[label])
        worse = {name: (round(then[name], 3), round(now[name], 3)) for name in now if now[name] < then[name] - 1e-9}
        if counts["against_clean"] > pinned[label]["against_clean"]:
            worse["against_clean"] = (pinned[label]["against_clean"], counts["against_clean"])
        assert not worse, f"{label}: the audit of the corpus got worse (pinned, now): {worse}; {REWRITE}"
        assert counts == pinned[label], f"{label}: the audit figures changed for the better; {REWRITE}"


def test_every_audit_kind_names_an_audit_rule_or_none():
    kinds = load_kinds()
    for name in audit_kinds():
        codes = set(kinds[name].codes)
        assert not codes or codes & AUDIT_CODES, name
    assert "missing-weight" in audit_kinds()  # a review kind that an audit rule (JXA13) also reports


def _unfilled_judgment():
    """The judged unfilled Sichuan self-evaluation (shared corpus 008), or a skip when the corpus is absent."""
    judgment = next(j for j in load_judgments() if j.stem.startswith("008_"))
    if judgment.path is None:
        pytest.skip("the shared corpus (../shared/corpus) is not on this machine")
    return judgment


def test_an_unfilled_self_evaluation_is_audited_end_to_end():
    figures = audit_judgment(_unfilled_judgment())
    missed = "\n".join(figures.missed)
    for indicator in ("发放(缴纳)覆盖率", "足额保障率(参保率)"):
        assert f"audit-missing-actual error {indicator}" not in missed
    assert "audit-template-residue" not in missed
    assert figures.correct + len(figures.false) == figures.findings


def test_a_finding_that_matches_no_flag_is_false_and_unmatched_flags_are_missed():
    judgment = replace(_unfilled_judgment(), flags=[Flag("发放(缴纳)覆盖率", "audit-target-too-low", "info", "not so")])
    figures = audit_judgment(judgment)
    assert figures.correct == 0 and len(figures.false) == figures.findings > 0
    assert figures.flags_found == 0 and figures.missed == ["audit-target-too-low info 发放(缴纳)覆盖率: not so"]
    # Flags of kinds the audit does not answer for are not counted.
    judgment = replace(judgment, flags=[Flag("发放(缴纳)覆盖率", "count-in-percent", "error", "review kind")])
    assert audit_judgment(judgment).flags == 0


def test_the_dev_total_is_split_by_documents_judged_before_their_findings_were_seen():
    moved = AuditFigures(documents=1, findings=4, correct=1, flags=5, flags_found=2, fresh=True)
    rest = AuditFigures(documents=2, findings=10, correct=9, flags=8, flags_found=6)
    lines = report({"179_moved": moved, "006_rest": rest}, details=False).splitlines()
    rows = {line[:58].strip(): line[58:].split() for line in lines if line.startswith("TOTAL")}
    assert rows["TOTAL dev"][:2] == ["14", "71.4"]
    assert rows["TOTAL dev, judged before findings seen"][:2] == ["4", "25.0"]
    assert rows["TOTAL dev, the rest"][:2] == ["10", "90.0"]
    assert not any("judged before" in line for line in report({"x": moved}, False, split="unseen").splitlines())
    # the documents moved from unseen are those the manifest says were moved
    fresh = {j.stem for j in load_judgments() if j.split == "dev" and j.fresh}
    assert "179_jiangxi-nanchang-cancha-health-center-dept-selfeval-2021" in fresh
    assert "006_anhui-chizhou-tangxi-town-commissioned-selfeval-2022" not in fresh
