"""Recomputing a printed self-evaluation: what each printed score should be, from the printed figures.

Each row is recomputed with its own printed 分值 (the weights the bureau approved), so that a difference means
the score does not follow from the actual and the target, not that jixiao weighs differently. Where a row has no
printed 分值, the profile's default share is used and the formula says so. The 预算执行率 row follows the
profile (central: 分值 × min(执行率, 100%)); the total is the sum of the recomputed rows, the grade the
profile's. A row marked 不适用 earns nothing and is left out: when it carries a 分值, the other rows' total is
scaled to 100 as jixiao's own scoring does (其余分值按比例折算), and the explanation says so.

The recomputation rests on what the reader placed in each column; a row whose columns the reader inferred
(``Indicator.confidence`` below 1) or that was read in doubt (:func:`jixiao.model.doubt.doubtful_rows`, the notion the
review uses too) is marked ``guessed`` so that findings resting on it say so, and a row that holds
another cell is marked ``misplaced``: the rules report nothing on it. So is a row whose cells show another cell in a
column (``misread_cell``: a 三级指标 that is only a figure, 95%, 75元; a 分值 above 100). (A 一级 label's points broken into a row's cells, 效益指 | 标(30 | 分), are the reader's
to recognise: it takes them out of the row's values, :func:`jixiao.documents.pipeline.labels.level_label_in`.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from jixiao.model import (
    Diagnostic,
    GoalSheet,
    Indicator,
    Operator,
    ReportedEvaluation,
    Target,
    misread_cell,
    named_by_a_figure,
    parse_target,
)
from jixiao.model.doubt import doubtful_rows
from jixiao.model.lexicon import fold, load
from jixiao.model.numerals import BARE_FIGURE
from jixiao.model.options import ENDS, GRADES
from jixiao.model.wording import Phrase, Worded
from jixiao.scoring.audit.money import money_misread, without_money
from jixiao.scoring.profile import Profile
from jixiao.scoring.scores import Adjustment
from jixiao.scoring.self_evaluation import execution_cap, overshoot_rule
from jixiao.scoring.target_rules import Sense, attainment, plain, progress_problem, sense_of

__all__ = ["EXPLAIN_BELOW", "LARGELY_UNSPENT_AT", "Recomputation", "RecomputedItem", "differs", "guessed",
           "no_answer_chosen", "printed_apart", "rate_tolerance", "recompute", "rounding_of", "score_tolerance", "tolerance"]

_HUNDRED = Decimal(100)
# The execution rate (%) below which the forms ask for a reason (四川 自评表 填表说明: 预算执行率未达到90%的需说明原因).
EXPLAIN_BELOW = Decimal(90)
# The execution rate (%) at or below which four tenths or more of the budget is left: a reviewer holds it material
# even where the form gives the execution no points or the report states no rate.
LARGELY_UNSPENT_AT = Decimal(60)
_WORD = re.compile(r"\w")  # a cell with no letter, digit or character (“)”, “/”) says nothing
_DIGIT = re.compile(r"\d")
_HEADINGS = {"weight": "权重", "score": "得分", "actual": "实际完成值"}  # their canonical names in GoalSheet.form_fields


# The answers a qualitative indicator offers (好坏, 是否, 有无, 优良中差, 好/坏), written as the actual: no answer chosen.
# Both ends of a scale are written (好 and 坏): 良好 or 优良 are one answer, a grade.
# (the vocabulary of option lists, jixiao.model.options: its one-character grades and the ends of its scales)
_OPTION = "".join(sorted({grade for grade in GRADES if len(grade) == 1}.union(*ENDS)))
_OPTIONS = re.compile(rf"[{_OPTION}](?:[/／、|或]?[{_OPTION}])+")


def no_answer_chosen(actual: str) -> bool:
    """Whether the actual only lists the answers the form offers (好坏, 是/否, 优良中差): none was chosen."""
    folded = "".join(actual.split()).strip("。．.，,；;！!")
    return bool(_OPTIONS.fullmatch(folded)) and any(ends <= set(folded) for ends in ENDS)


def guessed(indicator: Indicator, doubtful: frozenset[int] = frozenset()) -> bool:
    """Whether the reader inferred the row's columns, or the row is among ``doubtful`` (by identity: the rows read in
    doubt, :func:`jixiao.model.doubt.doubtful_rows`): its cells may be misplaced, and a finding resting on it says so."""
    return indicator.confidence < 1 or id(indicator) in doubtful


def tolerance(printed: Decimal | None) -> Decimal:
    """How far a printed figure may be from the exact one: half a unit of its last printed decimal, at least
    0.005 (a score printed as 1.9 stands for 1.85–1.95)."""
    if printed is None:
        return Decimal("0.005")
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(Decimal(5) / (Decimal(10) ** (places + 1)), Decimal("0.005"))


def score_tolerance(score: Decimal | None, weight: Decimal | None, share: Decimal = Decimal(1)) -> Decimal:
    """How far a printed score may be from ``share`` of its printed 分值 ``weight`` (the whole 分值 by default) by
    rounding alone: half a unit of the score's last printed decimal (:func:`tolerance`), and that share of the 分值's
    own rounding (:func:`rounding_of`: 15.38 stands for 15.3846, whose 80% a score prints as 12.31; a whole 分值 is
    exact)."""
    return tolerance(score) + share * rounding_of(weight)


def printed_apart(higher: Decimal, lower: Decimal) -> bool:
    """Whether one printed score or 分值 is above another by more than both figures' own rounding
    (:func:`rounding_of`): a score compared with its 分值, both as printed, may differ by rounding only where one
    was printed with decimals; a whole figure is what the unit typed (a score of 10 on a 分值 of 9.6 is above it)."""
    return higher - lower > rounding_of(higher) + rounding_of(lower)


def rate_tolerance(printed: Decimal) -> Decimal:
    """How far a printed rate (执行率 in %) may be from 执行数 ÷ 预算数: a whole unit of its last printed decimal, so
    that a rate rounded or cut off there both hold (93.49 for 93.4967), and at least 0.05 points."""
    return max(2 * tolerance(printed), Decimal("0.05"))


def differs(printed: Decimal | None, other: Decimal | None) -> bool:
    """Whether a printed figure is another one (a figure recorded elsewhere) by more than its printed precision; False
    when either is missing."""
    return printed is not None and other is not None and abs(printed - other) > tolerance(printed)


def rounding_of(figure: Decimal | None) -> Decimal:
    """How far a printed 分值 or 得分 may be from what it stands for: one printed with decimals (16.67) was rounded,
    also where its decimals are all 0 (0.00 printed for 0.00375: jixiao's own 自评表, found by the round-trip
    property); a whole one (20, a score of 9 typed by the unit) is exact."""
    exponent = figure.as_tuple().exponent if figure is not None else 0
    if not isinstance(exponent, int) or exponent >= 0:
        return Decimal(0)
    return tolerance(figure)


@dataclass
class RecomputedItem:
    """One row side by side: what was printed and what the figures support."""

    indicator: int | None  # None: the 预算执行率 row
    name: str
    level1: str
    target: str
    actual: str
    weight: Decimal | None
    printed: Decimal | None
    expected: Decimal | None  # None: cannot be recomputed (qualitative, or no number to compare)
    working: Phrase  # how the expected score follows from the figures, or why it cannot be recomputed
    share: Decimal | None = None  # the share of the weight the actual earns (0–1)
    qualitative_actual: bool = False
    row: int | None = None
    exact: Decimal | None = None  # weight × share before rounding
    guessed: bool = False  # the reader inferred the row's columns: a finding resting on it says so
    not_applicable: bool = False  # marked 不适用: not scored, left out of the total
    has_target: bool = True  # the row has a 指标值 (a row without one was not read as an indicator row)
    overshoot: Decimal | None = None  # how far the actual is above a lower bound (≥), in % of the bound
    weight_assumed: bool = False  # the table printed no 分值 here: the profile's default stands in for it
    reached: Decimal | None = None  # how much of the target the actual reaches (0–1), with or without a 分值
    unanswered: bool = False  # a qualitative row whose actual lists the form's answers (好坏) without choosing one
    level2: str = ""  # the row's 二级指标 (数量指标, 质量指标 …)
    # the row holds another cell (its 三级指标 only a figure, 95%; see the module's docstring): nothing is reported on
    # the row, its printed 分值 and 得分 still count in the sums
    misplaced: bool = False
    in_form: bool = True  # False: the 预算执行率 row of a form that has none (its points are the indicators')
    operator: Operator | None = None  # the target's comparison, read from its own column where the form prints one

    @property
    def formula(self) -> str:
        """:attr:`working` in words, for a table beside the findings."""
        return str(self.working)

    @cached_property  # asked by several rules of every row; the row's cells do not change once recomputed
    def comparable(self) -> bool:
        """Whether the actual can be held against the target: written in the target's unit (or both without one), or
        against an explicit lower bound, where a unit left off the actual is still the bound's (110406 against
        ≥50000人次, corpus 162). A bare 1313 against 27万元, or 55 against 372人次, is more likely a 分值 and 得分 run
        into the cell than the actual (corpus 179)."""
        target = parse_target(self.target)
        return parse_target(self.actual).unit == target.unit or target.operator in (Operator.GE, Operator.GT)

    @property
    def stated_target(self) -> str:
        """The target as one cell would state it: :attr:`target` (the 指标值 cell as printed) with the comparison
        before it where the operator stands in a column of its own (指标性质 ``≥`` | 指标值 ``8400`` | 度量单位 ``元``,
        the Sichuan 2023 and Yunnan forms: ``≥8400元``)."""
        if self.operator in _COMPARISONS and parse_target(self.target).operator is None and BARE_FIGURE.match(
                self.target.strip()):
            return f"{self.operator.value}{self.target.strip()}"
        return self.target

    @property
    def difference(self) -> Decimal | None:
        """Printed minus expected, or None when either is missing."""
        if self.printed is None or self.expected is None:
            return None
        return self.printed - self.expected

    @property
    def off(self) -> bool:
        """True when the printed score is further from the exact one than the printed precision of the score
        and of the weight allow (a weight printed as 16.67 stands for 16.665–16.675)."""
        if self.printed is None or self.exact is None:
            return False
        return abs(self.printed - self.exact) > score_tolerance(self.printed, self.weight, self.share or Decimal(0))

    @property
    def above_weight(self) -> bool:
        """True when the printed score is above the printed 分值 by more than their rounding (:func:`printed_apart`:
        16.7 is the full marks of a 分值 printed 16.67; a whole 10 on a 分值 of 9.6 is above it)."""
        return self.printed is not None and self.weight is not None and printed_apart(self.printed, self.weight)

    @property
    def short_of_weight(self) -> bool:
        """True when the printed score is below the printed 分值 by more than their rounding: points were deducted
        (16.67 is the full marks of a 分值 printed 16.7)."""
        return self.printed is not None and self.weight is not None and printed_apart(self.weight, self.printed)


@dataclass
class Recomputation:
    """A whole printed self-evaluation recomputed."""

    sheet: str
    items: list[RecomputedItem] = field(default_factory=list)
    execution_rate: Decimal | None = None  # 执行数 ÷ 预算数, in %
    printed_total: Decimal | None = None
    printed_sum: Decimal | None = None  # the printed row scores added up
    printed_capped: Decimal | None = None  # printed_sum under the profile's cap for a low execution rate, if any
    expected_total: Decimal | None = None
    expected_grade: str | None = None
    cap: Adjustment | None = None  # the profile's cap applied to the recomputed total
    # how the total was made besides adding up the recomputed rows (rows taken as printed, rows marked 不适用, 分值 over
    # 100, a total over 100), each a message
    total_notes: list[Worded] = field(default_factory=list)
    headings: frozenset[str] = frozenset()  # the form's headings as the reader found them (GoalSheet.form_fields)
    # GoalSheet.breakdowns: the scored rows whose figures are in the unscored rows below them (heads, Anhui ★ core
    # rows, corpus 225), and those rows (parts); a head's blanks are filled by its parts
    heads: frozenset[int] = frozenset()
    parts: frozenset[int] = frozenset()

    @property
    def total_explanation(self) -> Worded | None:
        """How the recomputed total was made where it is not simply the recomputed rows added up (rows whose printed
        score stands, rows not applicable, 分值 over 100, the profile's cap), shown beside the total: one message, its
        notes joined by “；”, rendered where it is shown."""
        notes = [*self.total_notes, *([self.cap.explanation_wording] if self.cap else [])]
        return Worded.of_phrase(Phrase.joined([note.phrase for note in notes])) if notes else None

    @property
    def execution(self) -> RecomputedItem | None:
        return next((item for item in self.items if item.indicator is None), None)

    @property
    def indicators(self) -> list[RecomputedItem]:
        """The indicator rows (without the 预算执行率 row)."""
        return [item for item in self.items if item.indicator is not None]

    @property
    def scored(self) -> list[RecomputedItem]:
        """The rows that count: the 预算执行率 row where the form has one, and every indicator row not marked 不适用."""
        return [item for item in self.items if not item.not_applicable and item.in_form]

    def is_part(self, item: RecomputedItem) -> bool:
        """Whether an indicator row printing neither 分值 nor 得分 carries no points of its own, being a breakdown of
        a scored row: its name says so (其中…, “of which”), it is one of the parts under a scored row without figures
        of its own (``parts``, from ``GoalSheet.breakdowns``), or the 分值 printed on the other rows (with the
        预算执行率 row's) already add to 100."""
        if item.indicator is None or _scored(item):
            return False
        if item.name.lstrip().startswith("其中") or item.indicator in self.parts:
            return True
        weighed = [row.weight for row in self.items if row.weight is not None]
        slack = sum((rounding_of(weight) for weight in weighed), Decimal(0))
        return abs(sum(weighed, Decimal(0)) - _HUNDRED) <= slack

    def printed(self, column: str) -> bool:
        """Whether the printed table has ``column`` (``weight``, ``score`` or ``actual``). When the reader reports the
        form's headings (``GoalSheet.form_fields``), the heading decides. Otherwise a column is printed when some row
        fills it; and a table that prints 分值 is scored, so it has a 得分 and an 实际完成值 column even where all are
        blank. A column neither found nor filled may be one the form lacks or one the reader missed: the audit says
        nothing about its blanks."""
        if self.headings:
            return _HEADINGS[column] in self.headings
        rows = self.indicators
        weights = any(item.weight is not None for item in rows)
        scores = any(item.printed is not None for item in self.items)
        actuals = any(item.actual for item in rows)
        return {"weight": weights, "score": scores or weights, "actual": actuals or weights or scores}[column]


def _scored(item: RecomputedItem) -> bool:
    return item.weight is not None or item.printed is not None


def _execution(report: ReportedEvaluation, profile: Profile,
               budget: Decimal | None) -> tuple[RecomputedItem, Decimal | None]:
    """The 预算执行率 row; ``budget`` is the 全年预算数 the rate is measured against: the money table's, else the
    sheet's budget (a form printing 预算数 among its header fields, corpus 226), as jixiao's own scoring takes it."""
    weight = report.execution_weight if report.execution_weight is not None else profile.execution.weight
    rate = None
    # Without a 预算数, a "rate" equal to the 执行数 is the 执行数 read one column off, and the row's 得分 with it
    # (corpus 205, a PDF's text: 285.84 285.84 100% 20 under 预算数 | 执行数 | 执行率 | 得分 read as 执行数 285.84,
    # 执行率 285.84, 得分 100): nothing of the row can be checked.
    shifted = not budget and report.spent is not None and report.execution_rate == report.spent
    if report.spent is not None and budget:
        rate = report.spent / budget * _HUNDRED
    elif report.execution_rate is not None and not shifted:
        rate = report.execution_rate
    if rate is None:
        return RecomputedItem(None, profile.execution.label, profile.execution.label, "100%", "", weight,
                              None if shifted else report.execution_score, None,
                              Phrase("缺少全年预算数或全年执行数，无法复算执行率")), None
    share = min(rate / _HUNDRED, Decimal(1))
    expected = profile.rounding(weight * share)
    exact = _exact_execution_score(report, weight, rate, share, shifted)
    source = (Phrase("执行率 = 全年执行数 {spent} ÷ 全年预算数 {budget} = {rate}%",
                     {"spent": plain(report.spent), "budget": plain(budget), "rate": profile.rounding(rate)})
              if report.spent is not None and budget else Phrase("执行率按表中所印 {rate}%", {"rate": plain(rate)}))
    how = "" if report.execution_weight is not None else "（表中未印分值，按评分方案“{profile}”取 {weight}）"
    cap = "（超过100%按100%计）" if rate > _HUNDRED else ""
    working = source.then(Phrase(f"得分 = 分值 {{weight}}{how} × 执行率{cap} = {{expected}}",
                                 {"weight": plain(weight), "profile": profile.label, "expected": expected}))
    return RecomputedItem(None, profile.execution.label, profile.execution.label, "100%", f"{profile.rounding(rate)}%",
                          weight, report.execution_score, expected, working, share=share, exact=exact,
                          weight_assumed=report.execution_weight is None), rate


def _exact_execution_score(report: ReportedEvaluation, weight: Decimal, rate: Decimal, share: Decimal,
                           shifted: bool) -> Decimal:
    """The exact score the printed one is held to: 分值 × the amounts' rate, or × the printed rate where that is the
    amounts' to its printed places and the printed score is nearer it (10 × 96.85% = 9.685, printed 9.68, where
    4614453.11 ÷ 4764453.11 is 96.8517%, corpus 233: the unit worked the score from the rate it printed)."""
    exact = weight * share
    printed_rate, score = report.execution_rate, report.execution_score
    if printed_rate is None or score is None or shifted or abs(printed_rate - rate) > tolerance(printed_rate):
        return exact
    from_printed = weight * min(printed_rate / _HUNDRED, Decimal(1))
    return from_printed if abs(score - from_printed) < abs(score - exact) else exact


_COMPARISONS = (Operator.GE, Operator.LE, Operator.EQ, Operator.GT, Operator.LT)  # an operator a cell can state
_BOUND_FIGURE = re.compile(r"(?:[≥≤><=≧≦]|>=|<=)\s*\d+(?:\.\d+)?")  # a figure with its operator, no unit (≥8400)


def _in_columns_unit(figure: str, target: Target) -> str:
    """A bare figure (``95``) of a row whose unit stands in a column of its own (指标值 ``95`` | 度量单位 ``%``,
    corpus 213) with that unit (``95%``): the column is the row's, the actual's as much as the target's. (The
    operator's column, 指标性质 ``≥``, is the target's alone.) So is a target whose operator stands with its figure
    and its unit in the column (``≥8400`` | 计量单位 ``元``, the Hubei and Anhui budget systems' exports): ``≥8400元``."""
    raw = (target.raw or "").strip()
    if not target.unit or not (BARE_FIGURE.fullmatch(raw) or not target.unit_inferred and _BOUND_FIGURE.fullmatch(raw)):
        return figure
    if BARE_FIGURE.fullmatch(figure) or figure == raw and _BOUND_FIGURE.fullmatch(figure):
        return f"{figure}{target.unit}"
    return figure


def _indicator(sheet: GoalSheet, position: int, report: ReportedEvaluation, profile: Profile,
               doubtful: frozenset[int]) -> RecomputedItem:
    indicator = sheet.indicators[position - 1]
    item = report.item_for(position)
    target = indicator.target
    weight = item.weight if item and item.weight is not None else _points(indicator)
    actual_raw = (item.actual_raw or "").strip() if item else ""
    if not _WORD.search(actual_raw):
        actual_raw = ""
    actual_raw = _in_columns_unit(actual_raw, target)
    common = dict(indicator=position, name=indicator.name, level1=indicator.level1 or indicator.level1_raw or "",
                  level2=indicator.level2 or "",
                  target=_in_columns_unit(target.raw, target), actual=actual_raw, weight=weight,
                  operator=target.operator,
                  printed=item.score if item else None,
                  row=item.row if item else None, guessed=guessed(indicator, doubtful),
                  has_target=bool(_WORD.search(target.raw or "")))
    named = {"name": indicator.name}
    if named_by_a_figure(indicator):
        return RecomputedItem(**common, expected=None, misplaced=True,
                              working=Phrase("三级指标“{name}”只是一个数值（读取时错放的单元格），不复算", named))
    if misread_cell(indicator):
        return RecomputedItem(**common, expected=None, misplaced=True,
                              working=Phrase("“{name}”一行有单元格读取时错放（如分值超过100），不复算", named))
    if common["guessed"] and not common["has_target"] and _target_in_actual(actual_raw):
        # a row placed by a guess, with no 指标值 and a bound in its 实际完成值 column (≥96%): the 指标值 read one column
        # right of its own, and the row's figures after it with it (85% read as the 分值, 10 as the 得分; corpus 340,
        # a PDF's text)
        return RecomputedItem(**common, expected=None, misplaced=True, working=Phrase(
            "“{name}”一行没有指标值，实际完成值一栏却是一个指标值（读取时推测栏位，各栏右移了一栏），不复算", named))
    if item and item.not_applicable:
        weighed = "，其分值 {weight} 不计入总分（其余各项按比例折算）" if weight else ""
        return RecomputedItem(**common, expected=None, not_applicable=True,
                              working=Phrase(f"标为“不适用”：不计分{weighed}", {"weight": plain(weight)} if weight else {}))
    if not actual_raw:
        return RecomputedItem(**common, expected=None, working=Phrase("没有实际完成值，无法复算"))
    written = {"actual": actual_raw, "target": target.raw or ""}
    zero = _none_as_zero(actual_raw, target)
    measured = zero or actual_raw  # the actual as a figure: 无上访 against 小于5次 is 0次
    actual = parse_target(measured)
    if target.value is None and _DIGIT.search(target.raw or "") and not _DIGIT.search(actual_raw):
        # a figure the target parser does not take as one value (±10%, a date): still a figure to answer with a figure
        # (corpus 240: 成本控制率 ±10% answered 达标)
        return RecomputedItem(**common, expected=None, qualitative_actual=True,
                              working=Phrase("目标含数值 {target}，实际完成值“{actual}”不是数值，无法核对", written))
    if target.value is None and weight is not None and no_answer_chosen(actual_raw):
        # no answer, no result to score (corpus 213: 图书馆管理机制健全性 好坏 answered 好坏, scored 5 of 5)
        return RecomputedItem(**common, expected=profile.rounding(Decimal(0)), exact=Decimal(0), unanswered=True,
                              working=Phrase("实际完成值“{actual}”只列出可选的评价，没有选定一个：无从得分，应得 0", written))
    if target.value is None:
        return RecomputedItem(**common, expected=None, working=Phrase("定性指标：得分由评价档次决定，按表中所印核对是否超过分值"))
    if actual.value is None and _DIGIT.search(measured):
        return RecomputedItem(**common, expected=None,
                              working=Phrase("实际完成值“{actual}”中的数值无法确定（单位或说明混在一起），无法复算", written))
    if actual.value is None:
        return RecomputedItem(**common, expected=None, qualitative_actual=True,
                              working=Phrase("目标是数值 {target}，实际完成值“{actual}”不是数值，无法计算完成比例", written))
    unlike = progress_problem(target, measured)
    if unlike and actual.operator is None:  # units of different kinds (1000件 against 100%): nothing to compare
        return RecomputedItem(**common, expected=None, working=Phrase("{unlike}，无法复算", {"unlike": unlike}))
    sense, note = sense_of(target, indicator.direction, indicator.name)
    reached = attainment(target, sense, actual.value)
    # How far a lower bound is passed, when the bound is a clean number (not one taken out of other words).
    overshoot = reached.overshoot if sense is Sense.HIGHER and not target.leftover else None
    if weight is None:
        return RecomputedItem(**common, expected=None, working=Phrase("表中没有这一行的分值，无法复算"), overshoot=overshoot,
                              reached=reached.share)
    working = Phrase("得分 = 分值 {weight} × {reached} = {score}", {
        "weight": plain(weight), "reached": reached.formula, "score": profile.rounding(weight * reached.share)})
    if note:
        working = Phrase("{sense}", {"sense": note}).then(working)
    if zero:
        working = Phrase("实际完成值“{written}”按 {zero} 计", {"written": actual_raw, "zero": zero}).then(working)
    # The profile's local deduction for a large overshoot, when it is on, as the scoring applies it.
    exact, _, deduction = overshoot_rule(profile, sense, reached.overshoot, weight * reached.share, True, [])
    if deduction is not None:
        working = working.then(Phrase("{deduction}", {"deduction": deduction}))
    share = exact / weight if weight else reached.share
    return RecomputedItem(**common, expected=profile.rounding(exact), working=working, share=share, exact=exact,
                          overshoot=overshoot, reached=reached.share)


def _target_in_actual(actual: str) -> bool:
    """Whether an actual is written as a target is, a bound with its figure (≥96%, ≤15分钟, 不少于6种)."""
    return bool(actual) and parse_target(actual).operator in _BOUNDS


_BOUNDS = (Operator.GE, Operator.LE, Operator.GT, Operator.LT)


def _none_as_zero(actual: str, target: Target) -> str | None:
    """The figure 0 in the target's unit (``0次``) when an actual without a figure says that none happened (无上访,
    未发生安全事故: ``none_words`` of targets.toml) against a ceiling (<5次, ≤2起) or a target of 0, where it answers
    the target (corpus 259: 群体性事件 小于5次 answered 无上访); else None."""
    if target.value is None or _DIGIT.search(actual) or not (
            target.operator in (Operator.LE, Operator.LT) or target.value == 0):
        return None
    return f"0{target.unit or ''}" if fold(actual).startswith(tuple(load("targets")["none_words"])) else None


_BARE_POINTS = re.compile(r"\d{1,3}(?:\.\d+)?")


def _points(indicator: Indicator) -> Decimal | None:
    """The goal sheet's 权重 of the row as its 分值 when it is a figure of points: a bare number up to 100 (a count
    with its unit in that column, 116次, is a cell the reader placed there by a guess, not points)."""
    weight = indicator.weight
    if weight is None or weight > _HUNDRED or not _BARE_POINTS.fullmatch((indicator.weight_raw or str(weight)).strip()):
        return None
    return weight


def recompute(sheet: GoalSheet, profile: Profile, diagnostics: Iterable[Diagnostic] = ()) -> Recomputation:
    """Every printed row of ``sheet.evaluation`` recomputed under ``profile``; the reader's ``diagnostics`` of the
    document tell which rows were read in doubt (their items are ``guessed``)."""
    diagnostics = tuple(diagnostics)
    report = sheet.evaluation or ReportedEvaluation()
    misread = money_misread(sheet, diagnostics)
    if misread is not None:
        report = without_money(report)  # (its figures stand under other headings: none is recomputed)
    execution, rate = _execution(report, profile, report.budget_full if report.budget_full else sheet.budget.total)
    if misread is not None:
        execution.working = Phrase("资金表的数字不能按栏目读取（{why}），无法复算执行率", {"why": misread})
    doubtful = doubtful_rows(sheet, diagnostics)
    indicators = [_indicator(sheet, n, report, profile, doubtful) for n in range(1, len(sheet.indicators) + 1)]
    execution.in_form = not _without_execution_row(report, indicators)
    _set_aside_unplaced(indicators)
    items = [execution, *indicators]
    scored = [item for item in items if not item.not_applicable and item.in_form]
    printed = [item.printed for item in scored if item.printed is not None]
    expected, cap = None, None
    scale, notes = _not_applicable_scale(items)
    scale = _over_hundred_scale(scored, scale, notes)
    if all(item.expected is not None or item.printed is not None for item in scored):
        # Where a row cannot be recomputed, its printed score stands (bounded by its weight, and by 0): said beside
        # the total, which would otherwise pass for a recomputation of every row.
        standing = [item for item in scored if item.expected is None]
        if standing:
            notes.append(Worded.of("{rows}无法复算，按所印得分计入复算总分", {"rows": _named(standing)}))
        expected = profile.rounding(scale * sum(
            (item.expected if item.expected is not None else max(min(item.printed, item.weight or item.printed), 0))
            for item in scored))
        if expected > _HUNDRED:  # printed scores of rows without a 分值 stand unbounded: the form has 100 points
            notes.append(Worded.of("复算合计 {total} 超过 100（没有分值的行按所印得分计入），按 100 计", {"total": expected}))
            expected = profile.rounding(_HUNDRED)
        cap = _capped(profile, rate, expected)
        expected = cap.after if cap else expected
    printed_sum = sum(printed) if printed else None
    printed_cap = _capped(profile, rate, printed_sum)
    breakdowns = sheet.breakdowns()
    return Recomputation(
        sheet=sheet.key, items=items, execution_rate=rate, printed_total=report.total,
        printed_sum=printed_sum, printed_capped=printed_cap.after if printed_cap else None, expected_total=expected,
        expected_grade=profile.grade(expected) if expected is not None else None,
        cap=cap, total_notes=notes, headings=frozenset(sheet.form_fields),
        heads=frozenset(breakdowns), parts=frozenset(part for parts in breakdowns.values() for part in parts),
    )


def _set_aside_unplaced(indicators: list[RecomputedItem]) -> None:
    """Mark ``misplaced`` each row placed by a guess that holds neither 指标值 nor 实际完成值 where no row of the
    sheet has a 指标值: the reader found no column of targets, so a row's blank there is the reading's, and the
    figures it put on such a row (a 分值 and a 得分 alone) are the line of a row whose name, target and actual the
    copy wrapped onto the lines read as rows around it (corpus 340, a PDF's text: 工作法制化、专 | 10 | 9)."""
    if any(item.has_target for item in indicators):
        return
    for item in indicators:
        if item.guessed and not item.actual and not item.misplaced:
            item.misplaced = True
            item.working = Phrase("表中没有一行读到指标值，“{name}”一行又没有实际完成值：各栏读取时可能错位，不复算",
                                  {"name": item.name})


def _without_execution_row(report: ReportedEvaluation, indicators: list[RecomputedItem]) -> bool:
    """Whether the form has no 预算执行率 row: none printed (no 分值, no 得分) and the indicators' 分值 add up to 100 by
    themselves (a form that gives all its points to the indicators, corpus 226)."""
    weights = [item.weight for item in indicators if item.weight is not None and not item.not_applicable]
    slack = sum((rounding_of(weight) for weight in weights), Decimal(0))
    return (report.execution_weight is None and report.execution_score is None and bool(weights)
            and abs(sum(weights, Decimal(0)) - _HUNDRED) <= slack)


def _not_applicable_scale(items: list[RecomputedItem]) -> tuple[Decimal, list[Worded]]:
    """How the total of the rows that count is scaled when rows marked 不适用 carry a 分值: to 100 over the weights
    that count (jixiao's own scoring shares the weight of an indicator that does not apply the same way), and the
    note that says so."""
    left_out = [item for item in items if item.not_applicable]
    if not left_out:
        return Decimal(1), []
    names = Phrase.listing("“{name}”", [{"name": item.name} for item in left_out])
    excluded = sum((item.weight for item in left_out if item.weight), Decimal(0))
    if not excluded or excluded >= _HUNDRED:
        return Decimal(1), [Worded.of("{rows}标为不适用，不计分", {"rows": names})]
    counted = _HUNDRED - excluded
    return _HUNDRED / counted, [Worded.of("{rows}标为不适用，不计分；其分值 {excluded} 不计入，其余各项得分合计按 100 ÷ "
                                          "{counted} 折算", {"rows": names, "excluded": plain(excluded),
                                                           "counted": plain(counted)})]


def _over_hundred_scale(scored: list[RecomputedItem], scale: Decimal, notes: list[Worded]) -> Decimal:
    """The total's scale when the printed 分值 that count add to more than 100 (JXA08 reports them): the recomputed
    total is brought back to 100 points as jixiao's own scoring rescales weights (× 100 ÷ their sum), which a note
    added to ``notes`` says."""
    weights = [item.weight for item in scored if item.weight is not None]
    counted = sum(weights, Decimal(0))
    slack = sum((rounding_of(weight) for weight in weights), Decimal(0))  # 3 × 16.67 = 100.01 is 100
    if counted * scale <= _HUNDRED + slack:
        return scale
    notes.append(Worded.of("各行分值合计 {weights}，超过 100：复算总分按 100 ÷ {weights} 折算", {"weights": plain(counted)}))
    return _HUNDRED / counted


def _named(items: list[RecomputedItem]) -> Phrase:
    """Rows named for a note, each name one parameter: all of up to three, else the first three and how many (“甲”、
    “乙”、“丙”等 5 行)."""
    names = Phrase.listing("“{name}”", [{"name": item.name} for item in items[:3]])
    return Phrase("{names}等 {count} 行", {"names": names, "count": str(len(items))}) if len(items) > 3 else names


def _capped(profile: Profile, rate: Decimal | None, total: Decimal | None) -> Adjustment | None:
    if rate is None or total is None:
        return None
    adjustments = execution_cap(profile, rate, total)
    return adjustments[-1] if adjustments else None
