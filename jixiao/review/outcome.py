"""The review outcome of a sheet: findings by dimension and a suggested grade, computed transparently.

The grade follows 财预〔2015〕88号's four levels: 优 (the goals proceed as they are), 良 (minor changes agreed
with the unit, then proceed), 中 (returned to the unit to revise and resubmit), 差 (cannot enter the budget).
How the findings become a grade is the profile's ``[grade]`` table:

1. every finding deducts points by its severity (central: error 10, warning 3, info 0);
2. one rule deducts at most ``rule_cap`` points on a sheet (central: 20), so that one mistake copied onto every
   row does not outweigh everything else;
3. the score is 100 minus the deductions (not below 0) and the grade is the first threshold it reaches
   (central: 优 = 100, that is without any warning, 良 ≥ 70, else 中);
4. an error finding means the sheet is returned: ``error_cap`` is the best grade it can get (central: 中);
5. rules listed in ``caps`` limit the grade whatever the score (a sheet with no indicators is at best 差), where
   their finding on the sheet is an error: one lowered to a warning by its condition (a score sheet cut before the
   part where its indicators would stand, corpus 228) is not the judgement the cap stands for;
6. findings of the rules in ``ungraded`` (central: JX001, the reader's diagnostics) do not count;
7. a sheet the file cuts off, or whose indicator grid the reader did not find, was reviewed only in part:
   ``partial_cap`` is the best grade it can get (central: 良; nobody can say that goals they have not seen proceed
   as they are). The reader's diagnostic (JX001) is named as the cap.
8. a sheet of which no indicator was read, because the reader found no grid there (a table of amounts taken for a
   sheet, a grid it could not place), was not reviewed: it gets no score and no grade (``None``; shown as 未评),
   since any grade would judge goals nobody has seen; so was a sheet whose copy stops on the grid's heading, every
   row after the cut (corpus 244). A sheet whose grid was read and is empty is another matter:
   JX102 reports it and caps its grade (central: 差).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from pydantic import BaseModel, Field

from jixiao.model import Severity
from jixiao.review.finding import Dimension, Finding
from jixiao.review.profile import GRADES, GradePolicy

__all__ = ["Deduction", "GRADE_MEANINGS", "SheetReview", "grade_sheet"]

# The rule that reports the reader's diagnostics, among them the cut that makes a review partial.
READER_RULE = "JX001"

GRADE_MEANINGS = {
    "优": "目标设置合理，可直接进入预算",
    "良": "存在小问题，经与单位协商修改后进入预算",
    "中": "问题较多，退回单位修改后重新报送",
    "差": "问题严重，不能进入预算",
}


# The severities and dimensions by value, in their order: every sheet's counts are keyed by them.
_SEVERITIES = tuple(severity.value for severity in Severity)
_DIMENSIONS = tuple(dimension.value for dimension in Dimension)


class Deduction(BaseModel):
    """Points one rule took off a sheet's score."""

    rule: str
    count: int
    points: Decimal


class SheetReview(BaseModel):
    """One sheet's outcome."""

    source: str | None = None
    sheet: str
    name: str | None = None
    table: int | None = None
    form: str | None = None  # the form profile the sheet was reviewed against (jixiao/review/forms.py)
    form_label: str | None = None
    # The file cuts the sheet's grid off (only what precedes the cut was reviewed), or its grid was not found at all.
    partial: bool = False
    # No indicator was read because the reader found no grid in the sheet: nothing was reviewed, nothing is graded.
    unread: bool = False
    findings: list[Finding] = Field(default_factory=list)
    score: Decimal | None = Decimal(100)  # None (with grade) for an unread sheet
    grade: str | None = "优"
    capped_by: list[str] = Field(default_factory=list)
    deductions: list[Deduction] = Field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity (error, warning, info), all three keys present."""
        counts = Counter(f.severity.value for f in self.findings)
        return {severity: counts.get(severity, 0) for severity in _SEVERITIES}

    @property
    def by_dimension(self) -> dict[str, dict[str, int]]:
        """Findings by dimension, then by severity; every dimension present."""
        table: dict[str, dict[str, int]] = {dimension: dict.fromkeys(_SEVERITIES, 0) for dimension in _DIMENSIONS}
        for finding in self.findings:
            table[finding.dimension.value][finding.severity.value] += 1
        return table

    def explain(self) -> str:
        """How the grade was reached, in Chinese, e.g. ``100 − JX303×2（20） − … = 58 → 差``."""
        if self.grade is None:
            return "没有读到这张表的绩效指标，无从审核，未评等级"
        parts = [f"{d.rule}×{d.count}（{d.points.normalize():f}）" for d in self.deductions if d.points]
        text = "100" + "".join(f" − {part}" for part in parts) + f" = {self.score.normalize():f} → {self.grade}"
        if self.capped_by:
            text += f"（因 {'、'.join(self.capped_by)} 最高评为{self.grade}）"
        return text


def grade_sheet(review: SheetReview, policy: GradePolicy) -> SheetReview:
    """Fill in the score, grade and deductions of ``review`` from its findings under ``policy`` (none for an unread
    sheet)."""
    if review.unread:
        return review.model_copy(update={"score": None, "grade": None, "deductions": [], "capped_by": []})
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in review.findings:
        if finding.rule not in policy.ungraded:
            by_rule[finding.rule].append(finding)
    deductions = []
    for rule, findings in sorted(by_rule.items()):
        points = sum((policy.deductions.get(f.severity, Decimal(0)) for f in findings), Decimal(0))
        deductions.append(Deduction(rule=rule, count=len(findings), points=min(points, policy.rule_cap)))
    score = max(Decimal(100) - sum((d.points for d in deductions), Decimal(0)), Decimal(0))
    grade = score_grade = next((g for g in GRADES[:-1] if score >= policy.thresholds[g]), GRADES[-1])
    erring = sorted(rule for rule, findings in by_rule.items() if any(f.severity is Severity.ERROR for f in findings))
    limits = [(rule, policy.error_cap) for rule in erring if policy.error_cap]
    limits += [(rule, cap) for rule, cap in policy.caps.items() if rule in erring]
    if review.partial and policy.partial_cap:
        limits.append((READER_RULE, policy.partial_cap))
    for _, cap in limits:
        if GRADES.index(cap) > GRADES.index(grade):
            grade = cap
    capped_by = list(dict.fromkeys(rule for rule, cap in limits if cap == grade)) if score_grade != grade else []
    return review.model_copy(update={"score": score, "grade": grade, "deductions": deductions,
                                     "capped_by": capped_by})
