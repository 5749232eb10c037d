"""Self-evaluation and monitoring figures of a sheet that was read, as the table prints them.

A sheet is a self-evaluation (绩效自评表) when its title says 自评 or its grid has 得分 / 实际完成值 columns, a
monitoring table (运行监控表) when its title says 监控 or its grid has a 完成目标可能性 column. Its figures go to
the sheet's printed records: :class:`~jixiao.model.ReportedEvaluation` (年初预算数, 全年预算数, 全年执行数, 执行率,
the 预算执行率 row's 分值 and 得分, each indicator's 实际完成值, 分值, 得分, 偏差原因, the claimed total and grade) and
:class:`~jixiao.model.ReportedMonitoring` (1–N月执行数, 全年预计执行数, each indicator's 执行情况, 全年预计完成值,
完成目标可能性, 偏差原因). Printed scores are kept as printed, never recomputed: an audit compares them later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.documents.interpret.header_cells import parse_amount
from jixiao.documents.pipeline.labels import simplified
from jixiao.documents.pipeline.settle import weighed_figure
from jixiao.documents.vocabulary import source_name, total_words
from jixiao.model import (
    GoalSheet,
    ReportedEvaluation,
    ReportedItem,
    ReportedMonitoring,
    ReportedPart,
    ReportedProgress,
    not_applicable,
    parse_likelihood,
)

__all__ = ["sheet_kind", "self_evaluation", "monitoring_report", "claimed_total", "claimed_grade", "trailing_total",
           "total_score", "figures_lost"]

SELF_EVAL, MONITOR, GOAL = "self-eval", "monitor", "goal"
# the total a self-evaluation claims, printed in its header block (自评总分(分) | 97.93, 项目总得分99分, 自评得分: 98), or
# said by a report's conclusion (总得分90, 因此评价分100分)
# said in a sentence too (经自评，该项目自评得分为96分; 综合得分96分), but not a grade's band in a note (综合评分90分(含)以上为优)
_CLAIMED_LABEL = r"(?:自评总分|自评得分|自评分数|总得分|综合得分|综合评分|评价得?分)\s*(?:[(（]分[)）])?"
_CLAIMED_TOTAL = re.compile(_CLAIMED_LABEL + r"\s*(?:[:：|｜]|为|是|达到?)?\s*(\d{1,3}(?:\.\d{1,2})?)(?![\d.])"
                            r"(?!\s*分?\s*(?:[(（]含|以上|以下|及以|[-－—~～至到]))")
# one cell per line: the label's cell spans the rows beside it, its figure comes after their cells (自评得分 /
# 省级财政部门 / 四川省财政厅 / … / 100), the first line that is a figure alone, with no other figure and no money
# heading (whose figures come next) before it
_CLAIMED_BELOW = re.compile(_CLAIMED_LABEL + r"(?:(?!预算|执行|分值|得分)\D){0,60}?\n\s*(\d{1,3}(?:\.\d{1,2})?)\s*(?:\n|$)")
# the total below the grid (总分100, 總分99.6, 合计 | 100 | 95, 总分 | 100 | 100 run together as 总分100100), not the
# header's 自评总分 (claimed_total's; a figure followed by 分 is a note's full marks, 总分100分, not a claim)
_CLAIMS = ("自评", "项目")


def _trailing_pattern(claims: bool) -> re.Pattern:
    """The total below a grid by its label (letter-spaced too, as a wide cell prints it: 总  分); with ``claims``,
    also the labels a header block claims its total with (自评总分)."""
    words = sorted((word for word in total_words() if claims or not word.startswith(_CLAIMS)), key=len, reverse=True)
    # (the label may state the full marks in brackets before the figure: 总分(100分) | 100)
    return re.compile(r"(?<![评目])(?:" + "|".join(r"\s*".join(map(re.escape, word)) for word in words)
                      + r")(?:\s*[(（]\d{1,3}分[)）])?\s*[:：|｜]?\s*(\d[\d.]*(?:\s+\d[\d.]*)*)(?![\d.])(?!\s*分)")


_TRAILING_TOTAL, _TRAILING_CLAIM = _trailing_pattern(False), _trailing_pattern(True)
_SCORE = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")
# a score with the next row's words run onto it (a unit of points, 10分, is no such word)
_RAN_ON = re.compile(r"^((?:0|[1-9]\d{0,2})(?:\.\d{1,2})?)(?=[\u4e00-\u9fff]{2})(?!分)")
_MOST_POINTS = Decimal(100)


def sheet_kind(sheet: GoalSheet, columns: list[str], claimed: dict | None = None, money: dict | None = None) -> str:
    """Which kind of table the sheet is: goal, self-eval or monitor. A grid whose title and headings are not in the
    file (a copy that starts inside its table) is a self-evaluation when a 评价结论 closes it (``claimed``: what the
    rows below the grid claim); a sheet whose title was not read (run together with the cells around it) is one when
    its money block says what was spent (``money``: 全年执行数, which no goal table has; 1–N月执行数 is a monitoring
    table's)."""
    title = simplified(sheet.title or "")  # (a title in Traditional characters, 績效自評表, says it as well)
    money = money or {}
    if "监控" in title or "likelihood" in columns or not title and "period" in money:
        return MONITOR
    concludes = any(simplified(note).startswith(("评价结论", "自评结论"))
                    for note in (claimed or {}).get("conclusions", ()))
    spent = not title and "spent" in money
    if "自评" in title or "评价" in title or {"score", "actual"} & set(columns) or concludes or spent:
        return SELF_EVAL
    return GOAL


def claimed_total(text: str) -> Decimal | None:
    """The total score a self-evaluation's header block claims (``自评总分(分)97.93``, or its figure a few cells
    after it when one cell stands per line), or None when ``text`` names none (a number over 100 is no score)."""
    text = simplified(text)
    found = _CLAIMED_TOTAL.search(text) or _CLAIMED_BELOW.search(text)
    total = Decimal(found.group(1)) if found else None
    return total if total is not None and total <= _MOST_POINTS else None


# the grade a self-evaluation claims (自评等级 | 优, 评价等级：良, 等级为“优秀”), not a form's list of the grades to choose
# from (等级：优 良 中 差) nor a note's bands (评价等级：90-100分为优)
_GRADE_WORDS = "优秀|良好|不合格|合格|优|良|中|差"
_CLAIMED_GRADE = re.compile(r"(?:自评|评价|绩效|综合)?等[级次]\s*(?:[:：|｜]|为|是|评定为|评为)?\s*[“\"「『]?(" + _GRADE_WORDS
                            + r")(?![\u4e00-\u9fff]*\s*[、，,/|｜\s]\s*(?:" + _GRADE_WORDS + "))")


def claimed_grade(text: str) -> str | None:
    """The grade a self-evaluation claims in ``text`` (its header block, a row or a sentence below its grid), as
    printed, or None."""
    found = _CLAIMED_GRADE.search(simplified(text))
    return found.group(1) if found else None


def trailing_total(text: str, claims: bool = False, score_first: bool = False) -> Decimal | None:
    """The total below a self-evaluation's grid in text whose cells ran together (``总分100偏差…``), or None. The
    分值 column's sum (100) stands before the score's when both are printed (``总分 100 95``; run together,
    ``总分100100``: 100 of 100), after it where the grid's 得分 column stands before its 分值 column
    (``score_first``: 总分 95 100). With ``claims`` (text known to be the grid's own, before any next sheet), a row
    labelled as a header block claims a total (``自评总分 100 95``) counts too."""
    found = (_TRAILING_CLAIM if claims else _TRAILING_TOTAL).search(simplified(text))
    if found is None:
        return None
    figures = found.group(1).split()
    return total_score(figures[:1] if score_first and len(figures) == 2 else figures)


def total_score(figures: list[str]) -> Decimal | None:
    """The score a total row claims from the figures after its label: the last (总分 | 100 | 95), or what follows
    the 分值 column's 100 run together with it (总分 | 10095); None when that is no score of at most 100 points."""
    if not figures:
        return None
    run = figures[-1].rstrip(".")
    if len(figures) == 1 and run.startswith("100") and _SCORE.fullmatch(run[3:]):
        run = run[3:]
    total = Decimal(run) if _SCORE.fullmatch(run) else None
    return total if total is not None and total <= _MOST_POINTS else None


def _amount(text: str | None) -> Decimal | None:
    return parse_amount(text) if text else None


def _weight(text: str | None) -> Decimal | None:
    """A 分值 or 权重 cell's points as the table's sums weigh them (:func:`weighed_figure`: 10, 10分), or a 权重
    written as its share of the 100 points (20%), which the sums do not weigh (a figure with a unit) but the audit
    checks the row's score against."""
    return weighed_figure(text.strip().removesuffix("%").removesuffix("％")) if text else None


def _points(text: str | None) -> Decimal | None:
    """A 得分 cell's figure. When the row's last column took the cells after it (the next row's name run on below the
    score: ``5`` / ``孕产妇健康管理率…``), the figure is its first line; when they ran onto it without a break, the
    figure before them (``10益标效指``: the next row's level label, OCR scrambled)."""
    if not text:
        return None
    first = text.strip().split("\n", 1)[0]
    figure = _amount(first.removesuffix("分"))  # (18分: the points' unit written in the cell)
    ran_on = _RAN_ON.match(first) if figure is None else None
    return _amount(ran_on.group(1)) if ran_on else figure


def _percent(text: str | None, budget: Decimal | None = None, spent: Decimal | None = None) -> Decimal | None:
    """A 执行率 cell in percent. Some forms print the rate as a fraction (0.9167, 1.00 for all of it): a figure of at
    most 1 without a percent sign is one when it has decimals (a rate below 1% is none a form prints without its
    sign) unless, read as a percent, it is the amount spent over the budget; without decimals (1) only when, read as
    a fraction, it is."""
    if not text:
        return None
    rate = parse_amount(text.strip().rstrip("%％"))
    if rate is None or text.strip().endswith(("%", "％")) or not 0 < rate <= 1:
        return rate
    share = spent / budget if budget and spent is not None else None
    if "." in text:
        return rate if share is not None and abs(share - rate / 100) <= _FRACTION_SLACK else rate * 100
    return rate * 100 if share is not None and abs(share - rate) <= _FRACTION_SLACK else rate


_FRACTION_SLACK = Decimal("0.005")  # a share rounded to a whole percent is within half a point of the true one


def self_evaluation(sheet: GoalSheet, results: list[tuple[int, dict[str, str]]], money: dict[str, str],
                    claimed: dict, cut: bool = False, headless: bool = False,
                    overall_actual: str | None = None, headings: list[str] | None = None,
                    parts: Sequence[tuple[str, dict[str, str], int | None]] = ()) -> ReportedEvaluation:
    """The sheet's self-evaluation figures as printed (the audit's input); ``cut``: the copy stops inside its table;
    ``headless``: the table's header is not in the file (the copy may start inside the table); ``overall_actual``:
    what the sheet says of its 年度总体目标's completion; ``headings``: the money table's headings; ``parts``: the rows
    of the total's sources (label, figures by field, line)."""
    items = []
    for position, values in results:
        weight, score, indicator = values.get("weight"), _points(values.get("score")), sheet.indicators[position - 1]
        items.append(ReportedItem(
            indicator=position, actual_raw=values.get("actual"), deviation=values.get("deviation"), score=score,
            weight=_weight(weight) if weight else indicator.weight, row=indicator.row,
            not_applicable=not_applicable(indicator.target.raw, values.get("actual"), score),
        ))
    return ReportedEvaluation(
        budget_initial=_nonnegative(money.get("budget_initial")), budget_full=_nonnegative(money.get("budget_full")),
        spent=_nonnegative(money.get("spent")),
        execution_rate=_percent(money.get("execution_rate"), *_budget_spent(money)),
        execution_weight=_weight(money.get("weight")), execution_score=weighed_figure(money.get("score")),
        items=items,
        total=claimed.get("total"), grade=claimed.get("grade"), budget_note=money.get("note"), cut=cut,
        notes=list(claimed.get("conclusions", ())), headless=headless, overall_actual=overall_actual,
        money_headings=list(headings or ()),
        parts=[ReportedPart(label=source_name(label), budget_initial=_nonnegative(figures.get("budget_initial")),
                            budget_full=_nonnegative(figures.get("budget_full")), spent=_nonnegative(figures.get("spent")),
                            line=line) for label, figures, line in parts],
    )


def monitoring_report(sheet: GoalSheet, results: list[tuple[int, dict[str, str]]], money: dict[str, str],
                      headings: list[str], conclusions: list[str] | None = None) -> ReportedMonitoring:
    """The sheet's monitoring figures as printed; ``headings``: the money table's headings; ``conclusions``: the
    closing fields below the grid (label：text)."""
    items = []
    for position, values in results:
        likelihood, cause = parse_likelihood(values.get("likelihood")), values.get("deviation")
        if likelihood is None and parse_likelihood(cause) is not None:
            # (a row whose empty 偏差原因 cell was left out: the 完成目标可能性 after it moved into its column)
            likelihood, cause = parse_likelihood(cause), None
        items.append(ReportedProgress(indicator=position, actual_raw=values.get("actual"),
                                      projected_raw=values.get("expected"), likelihood=likelihood, cause=cause,
                                      row=sheet.indicators[position - 1].row))
    return ReportedMonitoring(
        budget=_amount(money.get("budget_full")) or _amount(money.get("budget_initial")), spent=_amount(money.get("spent")),
        projected_spent=_amount(money.get("spent_expected")),
        execution_rate=_percent(money.get("execution_rate"), *_budget_spent(money)),
        months=_months(sheet.title or "") or _months(money.get("period", "")), items=items, money_headings=headings,
        notes=list(conclusions or ()),
    )


def _budget_spent(money: dict[str, str]) -> tuple[Decimal | None, Decimal | None]:
    """The budget the year's execution is measured against (全年预算数, else 年初预算数) and the amount spent."""
    return _amount(money.get("budget_full")) or _amount(money.get("budget_initial")), _amount(money.get("spent"))


# the N of a 1–N月 period (1-6月, 1至9月, 截至6月底, 截止2023年9月30日) and the periods the forms name in words
_PERIOD_MONTHS = re.compile(r"(?:1\s*[-－—–~至]\s*|截\s*[至止]\s*(?:20\d{2}\s*年\s*)?)(1[0-2]|[1-9])\s*月")
_PERIODS_IN_WORDS = {"上半年": 6, "前三季度": 9}


def _months(title: str) -> int | None:
    """The N of a 1–N月 period named in the title (or in the heading of the spending to date), if any, its figures
    full-width or its characters Traditional as a copy may print them (１-６月执行数)."""
    title = simplified(title)
    if found := _PERIOD_MONTHS.search(title):
        return int(found.group(1))
    return next((months for words, months in _PERIODS_IN_WORDS.items() if words in title), None)


def _nonnegative(text: str | None) -> Decimal | None:
    amount = _amount(text)
    return amount if amount is not None and amount >= 0 else None


_FIGURES_LOST_MIN = 3  # indicators a self-evaluation has before its having no figure at all is telling
_DIGIT = re.compile(r"\d")


def figures_lost(sheet: GoalSheet, evaluation: ReportedEvaluation) -> bool:
    """True when a self-evaluation of several indicators holds not one figure in its rows (no 分值, no 得分, no
    digit in any target or actual): a document site's copy that stripped every digit, whose rows then run into one
    another. A table scored in points always prints some."""
    if len(sheet.indicators) < _FIGURES_LOST_MIN or evaluation.total is not None:
        return False
    texts = [text for indicator in sheet.indicators for text in (indicator.target.raw, indicator.weight_raw)]
    texts += [item.actual_raw for item in evaluation.items]
    points = [value for item in evaluation.items for value in (item.weight, item.score)]
    return not any(value is not None for value in points) and not any(_DIGIT.search(text or "") for text in texts)
