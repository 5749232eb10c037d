"""What a rule is: a code, a name, a severity, a dimension, a source, its documentation and a short check.

A rule is a small class whose attributes declare everything a user or a docs page needs; its :meth:`Rule.check`
yields findings for one sheet. Rules are registered explicitly in :mod:`jixiao.review.registry`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from jixiao.model import Indicator, Location, Severity, Target, parse_target
from jixiao.model.lexicon import fold
from jixiao.review.context import SheetContext
from jixiao.review.finding import Confidence, Dimension, Finding, Fix
from jixiao.review.sources import Source

__all__ = ["Rule", "RuleDocs", "COLUMNS", "keeps_meaning"]

# The columns of the official table, named as the document names them (for locations).
COLUMNS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "description": "绩效指标描述",
    "target": "指标值",
    "basis": "指标值确定依据",
    "weight": "权重",
    "direction": "指标方向性",
    "goals": "绩效目标",
    "title": "表头",
    "code": "项目编码",
    "project": "项目名称",
    "budget": "预算数",
    "purpose": "资金用途",
    "plan": "资金支出计划",
}


@dataclass(frozen=True)
class RuleDocs:
    """The documentation of a rule, in Chinese: the sections of its docs page (依据 comes from the source)."""

    what: str  # 检查内容
    why: str  # 为什么是问题
    bad: str  # 错误示例
    good: str  # 正确示例
    fix: str  # 修复说明


class Rule:
    """Base of every rule. Subclasses set the class attributes and implement :meth:`check`.

    ``code`` is permanent: a retired rule keeps its code in :data:`jixiao.review.registry.RETIRED` and the
    code is never given to another rule. ``name`` names the problem (not the fix), in kebab-case English;
    ``title`` is the same in Chinese. ``message`` is a template whose ``{slots}`` the check fills.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str]
    severity: ClassVar[Severity]
    dimension: ClassVar[Dimension]
    source: ClassVar[Source]
    message: ClassVar[str]
    docs: ClassVar[RuleDocs]
    # Parameters a profile may set, with their central defaults.
    defaults: ClassVar[Mapping[str, Any]] = {}
    # True when the rule's premise is where the reader put a row's cells (a cell left empty, a cell holding another
    # cell's text, a name repeated, a row standing under another level): on a row whose cells may not stand where the
    # table has them (SheetContext.doubtful) that premise is more likely the reading's artefact than the table's, and
    # the engine drops the finding. Other rules' findings on such a row are kept, at most a warning (see finding).
    placement: ClassVar[bool] = False
    # Words a message slot may hold that the document need not contain: the rule's own names for the kinds of what it
    # finds, out of a closed set (as an enum's values). Every other slot holds data: figures, names, codes, or text
    # quoted from the document; the message's wording is in its templates (tests/corpus/test_findings_are_data.py).
    terms: ClassVar[frozenset[str]] = frozenset()
    # What this rule's fixes of a 指标值 deliberately change ("unit", "value", "date"); anything else the cell
    # said must survive the fix, or the fix is not proposed (see keeps_meaning).
    fix_changes: ClassVar[frozenset[str]] = frozenset()

    def check(self, ctx: SheetContext) -> Iterator[Finding]:
        """Yield the findings of this rule on the sheet of ``ctx``."""
        raise NotImplementedError

    def param(self, ctx: SheetContext, key: str) -> Any:
        """The value of parameter ``key`` under the profile in use."""
        return ctx.profile.parameter(self.code, key, self.defaults[key])

    def finding(
        self,
        ctx: SheetContext,
        *,
        indicator: Indicator | None = None,
        column: str | None = None,
        fix: Fix | None = None,
        confidence: Confidence = Confidence.HIGH,
        severity: Severity | None = None,
        template: str | None = None,
        **slots: object,
    ) -> Finding:
        """A finding of this rule on the sheet of ``ctx`` (and ``indicator``), its message slots filled.

        ``template`` is another message of the rule's own (a class attribute beside ``message``) for a finding whose
        data take another shape (a list where there is usually none), so that the slots stay data.

        ``severity`` overrides the rule's own for this finding (a profile's setting still wins); a finding on a row
        whose cells may not stand where the table has them (:meth:`SheetContext.doubtful`: placed by a guess, misread,
        or the reader's word of doubt on the row; confidence 版式推测), or one resting on an inference (confidence 推断),
        is at most a warning. A fix of the
        指标值 that would lose what the cell said (a compound unit, a date, the number) is dropped.
        """
        if fix is not None and indicator is not None and not self._fix_keeps_meaning(indicator.target, fix):
            fix = None
        if indicator is not None:
            # A row without a name is found by its 二级指标 (118: 社会成本指标 | （空） | 100).
            unnamed = f"（{indicator.level2}下未命名的指标）" if indicator.level2 else "（未命名指标）"
            slots.setdefault("indicator", indicator.name or unnamed)
        slots.setdefault("sheet", ctx.sheet.key)
        location = Location(
            file=ctx.source,
            table=indicator.table or ctx.sheet.table if indicator is not None else ctx.sheet.table,
            sheet=ctx.sheet.key,
            row=indicator.row if indicator is not None else None,
            column=COLUMNS.get(column or "", column),
        )
        confidence = ctx.confidence(confidence, indicator)
        # A finding about the whole sheet (its goal text, the absence of a level) does not rest on one row's guessed
        # cells and keeps its level. One that rests on an inference (a unit or a kind taken from the description, words
        # read by the lexicon as meaning what the cell does not say) is a guess wherever it stands: a reviewer asks about
        # it, and does not return the sheet on it (its note, （推断）, names the guess).
        severity = ctx.profile.severity_of(self.code, severity or self.severity).unless_uncertain(
            indicator is not None and confidence is Confidence.GUESSED_LAYOUT or confidence is Confidence.INFERENCE)
        return Finding(
            rule=self.code,
            name=self.name,
            severity=severity,
            dimension=self.dimension,
            source=self.source.cite(),
            sheet=ctx.sheet.key,
            indicator=indicator.name if indicator is not None else None,
            location=location,
            template=template or self.message,
            params={key: str(value) for key, value in slots.items()},
            fix=fix,
            confidence=confidence,
        )

    def _fix_keeps_meaning(self, target: Target, fix: Fix) -> bool:
        return all(keeps_meaning(target, edit.after, self.fix_changes)
                   for edit in fix.edits if edit.field == "target" and edit.after is not None)


def keeps_meaning(before: Target, after: str, may_change: frozenset[str] = frozenset()) -> bool:
    """True when a 指标值 rewritten as ``after`` still says everything ``before`` said, but ``may_change``.

    The number, a unit written in the cell (元/个 stays 元/个, 公斤 stays), a unit kept as written (/株) and a date
    or deadline (2025年12月 never becomes ≥2025年) must survive; prose moved to the description does not count.
    """
    new = parse_target(after)
    if before.date is not None and "date" not in may_change and new.date != before.date:
        return False
    if before.value is not None and "value" not in may_change and new.value != before.value:
        return False
    if "unit" not in may_change:
        if before.unit and not before.unit_inferred and new.unit != before.unit:
            return False
        if before.unit is None and before.unit_raw and fold(before.unit_raw) not in fold(after):
            return False
    return True
