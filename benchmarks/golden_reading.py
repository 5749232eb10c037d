"""The hand reading of a corpus document (its golden) as a jixiao :class:`~jixiao.model.Document`, so that the review
and the audit can be run on a perfect reading and what the rules get wrong be told apart from what reading gets wrong
(``benchmarks.review_corpus --golden``, ``benchmarks.audit_corpus --golden``).

A golden records what the reading benchmark scores: the levels, names and targets of the indicators, the sheet's
name, code, year, budget and 年度目标, and a self-evaluation's 分值, 实际完成值, 得分 and money. It records a goal
sheet's 权重, 指标方向性, 指标值确定依据 and descriptions only now and then, and no form fields: findings about those
cannot be judged on it (:data:`UNRECORDED_COLUMNS`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from benchmarks.corpus_score import load_golden
from jixiao.model import Budget, Document, GoalSheet, Indicator, ReportedEvaluation, ReportedItem

__all__ = ["UNRECORDED_COLUMNS", "golden_document", "golden_sheet"]

# The columns (as findings name them, rule.COLUMNS) a goal sheet's golden does not record as a rule: a finding on one
# of them that the golden reading lacks says nothing of who caused it.
UNRECORDED_COLUMNS = frozenset({"权重", "指标方向性", "指标值确定依据", "绩效指标描述", "项目编码", "表头", "资金用途",
                                "资金支出计划"})


def _figure(text: str | None) -> Decimal | None:
    try:
        return Decimal(str(text).strip().rstrip("%").strip()) if text not in (None, "") else None
    except InvalidOperation:
        return None


def _target(row: dict) -> str:
    # the cell as printed where the golden kept it, else operator, value and unit run together
    return row.get("as_written") or "".join(str(row.get(key) or "") for key in ("operator", "value", "unit"))


def golden_sheet(golden: dict, self_evaluation: bool = True) -> GoalSheet:
    """A sheet as its golden reads it: the indicators (with the description, direction, basis and weight where the
    golden gives them), the header fields, and for a self-evaluation its printed record, money and claimed total; cut
    when the golden says the copy holds only part of its table (``cut_row``, ``table_cut``)."""
    indicators, items = [], []
    for position, row in enumerate(golden.get("indicators", []), start=1):
        indicators.append(Indicator.from_cells(
            level1=row.get("level1") or "", level2=row.get("level2") or "", name=row.get("name") or "",
            target=_target(row) if not self_evaluation else "".join(str(row.get(key) or "")
                                                                    for key in ("operator", "value", "unit")),
            description=row.get("description"), direction=row.get("direction"), basis=row.get("basis"),
            weight=None if self_evaluation else row.get("weight"), row=position))
        items.append(ReportedItem(indicator=position, actual_raw=row.get("actual"), weight=_figure(row.get("weight")),
                                  score=_figure(row.get("score")), deviation=row.get("deviation"), row=position))
    header = dict(name=golden.get("name"), year=golden.get("year"), indicators=indicators)
    if not self_evaluation:
        return GoalSheet(**header, code=golden.get("code"), goals=list(golden.get("goals") or []),
                         budget=Budget(total=_figure(golden.get("budget_total")), fiscal=_figure(golden.get("fiscal")),
                                       other=_figure(golden.get("other"))))
    # The money only with the 预算执行率 row: a golden that leaves the row out says nothing of its score. (Some goldens
    # give the row's 分值 and 得分 beside the money, as execution_weight and execution_score: the row, where its 分值 is.)
    execution = golden.get("execution_row") or ({key: golden.get(f"execution_{key}") for key in ("weight", "score")}
                                                if golden.get("execution_weight") else {})
    money = golden if execution else {}
    evaluation = ReportedEvaluation(
        budget_initial=_figure(money.get("budget_initial")), budget_full=_figure(money.get("budget_total")),
        spent=_figure(money.get("executed")), execution_rate=_figure(money.get("execution_rate")),
        execution_weight=_figure(execution.get("weight")), execution_score=_figure(execution.get("score")),
        items=items, total=_figure(golden.get("claimed_total")), grade=golden.get("grade"),
        cut=bool(golden.get("cut_row") or golden.get("table_cut")))
    return GoalSheet(**header, evaluation=evaluation)


def golden_document(stem: str, kind: str) -> Document | None:
    """The golden reading of document ``stem`` of ``kind`` (goal, self-eval, monitor…): its sheets with indicators, or
    None when no golden is written."""
    data = load_golden(stem)
    if data is None:
        return None
    self_evaluation = kind == "self-eval"
    return Document(source=stem, format="json", kind=kind,
                    sheets=[golden_sheet(sheet, self_evaluation) for sheet in data["sheets"] if sheet.get("indicators")])
