"""The audit of printed self-evaluations on the command line: the side-by-side table of ``jixiao score FILE`` and
the audit section of ``jixiao check`` (both render :class:`~jixiao.scoring.audit.Recomputation` and findings)."""

from __future__ import annotations

from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from jixiao.cli.console import sheet_heading
from jixiao.model import GoalSheet
from jixiao.model.finding import Finding
from jixiao.scoring.audit import Recomputation, RecomputedItem
from jixiao.scoring.target_rules import number

__all__ = ["audit_summary", "print_recomputation", "recomputation_json"]


def _figure(value: Decimal | None) -> str:
    return "—" if value is None else number(value)


def _difference(item: RecomputedItem) -> str:
    difference = item.difference
    if difference is None:
        return "—"
    return ("+" if difference > 0 else "") + number(difference) + (" ✗" if item.off else "")


def audit_summary(recomputation: Recomputation, printed_grade: str | None) -> str:
    """One line: the printed total and grade against the recomputed ones."""
    return (f"所印总分 {_figure(recomputation.printed_total)}（等级 {printed_grade or '—'}）；"
            f"各行所印得分合计 {_figure(recomputation.printed_sum)}；"
            f"复算总分 {_figure(recomputation.expected_total)}（等级 {recomputation.expected_grade or '—'}）"
            + (f"；{explanation.message}" if (explanation := recomputation.total_explanation) else ""))


def print_recomputation(sheet: GoalSheet, recomputation: Recomputation, findings: list[Finding],
                        console: Console) -> None:
    """The printed 自评表 and its recomputation side by side, the totals and grades, then the findings."""
    console.rule(Text(sheet_heading(sheet.name, sheet.key), style="bold"))
    table = Table("序号", "指标", "分值", "所印得分", "复算得分", "差额", "计算方法", title="自评得分复算")
    for position, item in enumerate(recomputation.items):
        table.add_row(str(position), item.name, _figure(item.weight), _figure(item.printed), _figure(item.expected),
                      Text(_difference(item), style="bold red" if item.off else ""), item.formula)
    console.print(table)
    console.print(audit_summary(recomputation, sheet.evaluation.grade if sheet.evaluation else None), soft_wrap=True)
    if not findings:
        console.print(Text("复核未发现问题。", style="green"))
    for finding in findings:
        where = f"{finding.location.row_words(sheet.table)} " if finding.location.row is not None else ""
        console.print(Text.assemble("  ", (finding.rule, "bold"), " ", finding.severity.label, " ", (where, "dim"),
                                   finding.message, (finding.confidence.note, "dim")), soft_wrap=True)
        if finding.fix:
            console.print(Text(f"      修改建议：{finding.fix.summary}", style="green"), soft_wrap=True)


def recomputation_json(sheet: GoalSheet, recomputation: Recomputation, findings: list[Finding],
                       source: str | None) -> dict[str, object]:
    """The JSON object of one audited sheet (``jixiao score FILE --format json``); figures as strings, the total's
    explanation a message as a finding's is (its ``template``, ``params`` and ``message``)."""

    def text(value: Decimal | None) -> str | None:
        return None if value is None else number(value)

    explanation = recomputation.total_explanation
    return {
        "source": source,
        "sheet": sheet.key,
        "name": sheet.name,
        "items": [{"indicator": item.indicator, "name": item.name, "level1": item.level1, "target": item.target,
                   "actual": item.actual, "weight": text(item.weight), "printed": text(item.printed),
                   "expected": text(item.expected), "difference": text(item.difference), "off": item.off,
                   "formula": item.formula} for item in recomputation.items],
        "printed_total": text(recomputation.printed_total),
        "printed_sum": text(recomputation.printed_sum),
        "printed_grade": sheet.evaluation.grade if sheet.evaluation else None,
        "expected_total": text(recomputation.expected_total),
        "expected_grade": recomputation.expected_grade,
        "total_explanation": explanation.model_dump(mode="json") if explanation else None,
        "findings": [finding.contract() for finding in findings],
    }
