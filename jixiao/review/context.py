"""What a rule sees: one sheet, the document it came from, the profile, and facts computed once per sheet."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import takewhile
from typing import TYPE_CHECKING, Any

from jixiao.model import (
    Diagnostic,
    Document,
    Framework,
    GoalSheet,
    Indicator,
    UnitKind,
    canonical_level1,
    canonical_level2,
    level2_parents,
    not_an_indicator,
    unit_kind,
)
from jixiao.model.doubt import GUESSED_BELOW, ROW_DOUBT, cells_in_name, doubtful_rows, misread_row
from jixiao.model.lexicon import fold
from jixiao.review.finding import Confidence
from jixiao.review.forms import FormProfile, load_form, recognise_form
from jixiao.review.frameworks import LevelFramework, load_framework, recognise_framework
from jixiao.review.lexicon import (
    Kind,
    counted_numbers,
    is_framework_results,
    is_framework_row,
    is_quality_rate,
    is_reverse,
    kind_of,
    stated_target,
    unit_without_value,
)

if TYPE_CHECKING:
    from jixiao.review.profile import Profile

# (GUESSED_BELOW, ROW_DOUBT and cells_in_name are the model's, jixiao.model.doubt, shared with the audit; they stay
# importable from here for the rules.)
__all__ = ["COUNTED_UNITS", "GUESSED_BELOW", "ROW_DOUBT", "Facts", "RowSetAside", "SheetContext", "cells_in_name",
           "has_figure", "states_output_figure"]

# Reader diagnostics saying that the file ends inside this sheet's grid, before its end (documents/codes.py).
CUT_DIAGNOSTICS = ("P114", "P119", "P120", "P124")
# Of those, the ones whose last row read is the one the file ends on (P120 drops that row: the last one read is whole).
LAST_ROW_CUT = ("P114", "P119")
# Of those, the one saying that the file ends after the rows' names, on the heading of their values: the rows it ends
# on that lack their values lost them with the cut.
VALUES_CUT = ("P124",)
# The reader's word that a money table's figures ran on in a text flow it could not align with the headings.
MONEY_UNALIGNED = ("P148",)
# A 年度目标 line this short is a label or a page mark, not a goal (see SheetContext.goal_text).
_LABEL_LENGTH = 6
_LABEL_NOISE = re.compile(r"[\d\s()（）:：_]|年度|第|页")
# A 年度目标 line that is a form's own label: the goal columns of the 88号 form (中期目标(2023年—2023年)) and of a
# self-evaluation (年度总体目标完成情况), copied among the goals where the form prints them beside the text.
_GOAL_LABEL = re.compile(r"^(中期|长期|年度|实施期|总体|年度总体)?(绩效)?目标(完成情况|实际完成情况)?$")
_LABEL_DATES = re.compile(r"\d+年?|[\s()（）:：_—\-～~至]")
# The reader's diagnostics saying that it found no indicator header in this sheet, a grid too scrambled to place
# its rows, only an evaluation framework's scoring table, a grid the file cuts before its first row, or only a
# self-evaluation's money table (documents/codes.py).
GRID_NOT_FOUND = ("P101", "P121", "P122", "P126", "P155")
# The reader's word that a sheet's table is an evaluation framework's score sheet, not an indicator grid.
FRAMEWORK_TABLE = ("P122",)
# The reader's word that the year's set of a grid with long-term and year's sets side by side is blank, its
# indicators read from the long-term set.
YEAR_SET_BLANK = ("P183",)
# The reader's word that it set a row of the sheet's grid aside, not read as an indicator (no name and no value).
ROWS_SET_ASIDE = ("P108",)
# The reader's word that the table prints no year, which it took from the project's name (2023年雨露计划…) or from a
# span within one year (起止时间 2022年1月—12月), from deadlines within one year (2021年12月31日前), or from the notice
# or the page around the table (下达2023年…资金, 发布时间 2025-02-06), or from the titled form it continues (P190).
YEAR_INFERRED = ("P125", "P180", "P181", "P182", "P190")
# The reader's word, on a row, that no heading told it which column each of the row's cells belongs to and it took
# them as it inferred (P111). On every row of a sheet, the table's header named no column: lost in the copy, or never
# in the file, and with it the header fields printed beside the column headings (项目名称, 年度目标 in a list form).
COLUMNS_INFERRED = ("P111",)
# A cell that is a figure alone (90, 16, ≥90辆, 95%): a value or a weight without the name it belongs to; a year
# (2021年实际实现值) is a heading, not one.
_FIGURE_CELL = re.compile(r"(?!(19|20)\d\d年)(≥|≤|>=|<=|>|<|=)?\d[\d,]*(\.\d+)?(%|‰|[\u4e00-\u9fff]{1,2})?")
# The cells a text copy cut inside its last row may lose: each row above it fills them.
_ROW_END_CELLS = (lambda i: i.direction_raw, lambda i: i.weight_raw, lambda i: i.basis, lambda i: i.description)
# 成本指标 as a level 1 of its own (2021 framework) has no fixed place in the grid: first, or after 产出 or 满意度.
_COST_LEVELS = {"经济成本指标", "社会成本指标", "生态环境成本指标"}
# The 二级指标 of a cost row: those, or the older framework's 成本指标 under 产出指标.
_COST_ROW_LEVEL2 = frozenset(_COST_LEVELS | {"成本指标"})
# The 二级指标 of the groups that are not cost: a row naming one of them is not a cost row.
_OTHER_GROUPS = frozenset(set(level2_parents(Framework.LEGACY)) - _COST_ROW_LEVEL2)
# Units that count an amount of output: pieces, people, area, length, days of service (免费开放天数 =300天, corpus
# 038); a deadline is not one.
COUNTED_UNITS = (UnitKind.COUNT, UnitKind.PHYSICAL, UnitKind.TIME)
# Documents that report on approved goals rather than set them (Document.kind).
REPORT_KINDS = ("self-eval", "monitor", "dept-self-eval")


# A goal's own numbering (目标3改善办学条件, 1、…; corpus 114) is a label, not a figure.
_GOAL_NUMBERING = re.compile(r"目标\s*[1-9]\d?(?![\d.．%％个人次项户村所场天月年万亿元公亩米台辆件批吨])[:：、]?"
                             r"|(^|[。；;])\s*[(（]?\d+[)）、．]")
# The staff a unit's basic spending keeps (保障在职人员89人、离退休人员26人的正常办公) are what the money pays for,
# not an amount of output (corpus 114).
_STAFF_HEADCOUNT = re.compile(r"(在职|在编|退休|离退休|编制)[^，,。；;、]{0,4}?\d+(\.\d+)?\s*人")
# An amount of money, with the base of a standard (预算资金90万元, 每村4400元, 每生1500元/学期): what is spent, or at
# what rate, not what the money produces (corpus 200: 对…学生发放就学补助,补助标准为每生1500元/学期).
_MONEY_AMOUNT = re.compile(r"(每[\u4e00-\u9fff]{1,3})?\d[\d,]*(\.\d+)?\s*(亿|万|千)?元(\s*/\s*[\u4e00-\u9fff]{1,3})?")


def has_figure(text: str) -> bool:
    """True when ``text`` states a quantity; the budget year (2024年, 2024通过…) is a date, not a requirement, and a
    goal's numbering (目标3, 1、) is a label."""
    text = _GOAL_NUMBERING.sub("", re.sub(r"(19|20)\d{2}(年度?)?", "", text))
    return bool(re.search(r"\d|[一二三四五六七八九十百千万两]+(个|人|次|项|户|村|所|场|年|月|天)|百分之", text))


# A date with its month (2023.07, 2023年7月1日, 2023-07-01), or a span of such (服务周期2023.07-2024.01): when the work
# runs, as the budget year is, not how much of it is done (corpus 124). A deadline (2023年12月底前) is a requirement and
# stays. Written with a point, the month has two digits and no unit follows: 2000.5亩 and 2023.10公里 are figures.
_DATED = re.compile(r"(19|20)\d{2}(年(1[0-2]|0?[1-9])月(([12]\d|3[01]|0?[1-9])日)?"
                    r"|[.．/\-](0[1-9]|1[0-2])([.．/\-]([12]\d|3[01]|0[1-9]))?"
                    r"(?![\d.．%％万亿千个人次项户村所场天亩米里吨台辆件批元套只株棵公平立克斤]))(?!\s*(底|前|之前|以前|末))")


def states_output_figure(goal: str) -> bool:
    """True when a goal's text states a figure of what is produced, not only the headcount of the staff the money
    keeps (保障在职人员89人…的正常办公, corpus 114), amounts of money (a budget, a subsidy's standard: corpus 200) or
    the dates of the work (服务周期2023.07-2024.01, corpus 124)."""
    return has_figure(_DATED.sub("", _MONEY_AMOUNT.sub("", _STAFF_HEADCOUNT.sub("", goal))))


@dataclass(frozen=True)
class Facts:
    """What an indicator measures, read once from its words.

    The name decides; the description is used only when the name says nothing (社会影响力 described as
    受援群众投诉率), and ``from_description`` records it so that findings can say they rest on an inference.
    """

    kind: Kind | None
    reverse: bool
    from_description: bool

    @classmethod
    def of(cls, indicator: Indicator) -> Facts:
        """Read the facts of ``indicator``."""
        kind = kind_of(indicator.name)
        # A satisfaction survey is always to be high, whoever it asks (申报定向费用补贴金融机构满意度: 费用 names the
        # subsidy the respondents received, corpus 226, 227).
        reverse = is_reverse(indicator.name) and kind is not Kind.SATISFACTION
        from_description = False
        if kind is None and not reverse and indicator.description:
            kind = kind_of(indicator.description)
            reverse = is_reverse(indicator.description)
            from_description = kind is not None or reverse
        return cls(kind, reverse, from_description)


def _under_cost(level1: str | None, level2: str | None) -> bool:
    """True for the levels of a row under 成本指标 (see :meth:`SheetContext.is_cost_row`)."""
    return level2 in _COST_ROW_LEVEL2 or level1 == "成本指标" and level2 not in _OTHER_GROUPS


@dataclass(frozen=True)
class RowSetAside:
    """A row of the sheet's grid that the reader set aside, not read as an indicator (P108): where it stands, its
    cells in the row's order (:attr:`Diagnostic.set_aside`), and the levels it stands under: those its level cells
    print (成本指标(0-20)分 | 经济成本指标), else those of the row just above it (a merged level cell)."""

    table: int | None
    row: int | None
    cells: tuple[str, ...]
    level1: str | None = None
    level2: str | None = None
    beside_levels: tuple[str, ...] = ()  # the cells other than the row's own level cells

    @classmethod
    def of(cls, diagnostic: Diagnostic, above: tuple[str | None, str | None] = (None, None)) -> RowSetAside:
        """The row ``diagnostic`` set aside, under the levels ``above`` (the row above it) where it prints none."""
        cells = diagnostic.set_aside
        # The level cells lead the row: a 一级 (成本指标(0-20)分; a legacy 二级 spelt alike, 成本指标, is read as a 一级
        # where it stands alone, under 成本指标 either way), then a 二级.
        own1 = canonical_level1(cells[0]) if cells else None
        second = cells[1 if own1 else 0:][:1]
        own2 = canonical_level2(second[0]) if second else None
        level2 = own2 or (None if own1 else above[1])  # (a 一级 of its own starts a group: no 二级 carried into it)
        return cls(diagnostic.location.table, diagnostic.location.row, cells, own1 or above[0], level2,
                   cells[bool(own1) + bool(own2):])

    @property
    def cost(self) -> bool:
        """True for a row under 成本指标 (the older framework's 产出—成本指标 or a 2021 成本指标 level)."""
        return _under_cost(self.level1, self.level2)

    @property
    def figures(self) -> bool:
        """True when a cell of the row is a figure alone (90, 16, ≥90辆, 95%, 0)."""
        return any(_FIGURE_CELL.fullmatch(fold(cell)) for cell in self.cells)


def goal_lines(goals: Iterable[str]) -> tuple[str, ...]:
    """A sheet's 年度目标 lines, without the short lines a copy carries among them: labels and page marks
    (表, 字号 :, (2020年度), 中期目标) and the form's goal labels (中期目标(2023年—2023年), 年度总体目标完成情况)
    are not goals."""
    return tuple(goal.strip() for goal in goals
                 if len(_LABEL_NOISE.sub("", fold(goal))) > _LABEL_LENGTH
                 and not _GOAL_LABEL.match(_LABEL_DATES.sub("", fold(goal))))


@dataclass
class SheetContext:
    """One sheet under review. ``shared`` holds results several rules reuse (e.g. the swapped rows)."""

    sheet: GoalSheet
    profile: Profile
    document: Document | None = None
    guessed_layout: bool = False
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str | None:
        """The file the sheet was read from."""
        return self.document.source if self.document else None

    @cached_property
    def form(self) -> FormProfile:
        """The form the sheet was written on: the profile's choice, else recognised from the sheet."""
        return recognise_form(self.sheet) if self.profile.form == "auto" else load_form(self.profile.form)

    @cached_property
    def framework(self) -> Framework:
        """The indicator framework that applies.

        A form that fixes it decides; otherwise the sheet's own placement of 成本指标 (a level 1 with 经济成本指标
        etc., or a level 2 under 产出指标), since many provinces' 2021–2025 forms keep the older placement; a sheet
        without any cost row follows the review profile (its choice, or the year).
        """
        if self.form.framework in ("legacy", "y2021"):
            return Framework(self.form.framework)
        if self.profile.framework != "auto":
            return Framework(self.profile.framework)
        new_levels = {"经济成本指标", "社会成本指标", "生态环境成本指标"}
        indicators = self.sheet.indicators
        if any(i.level2 in new_levels or (self.level1_of(i) == "成本指标") for i in indicators):
            return Framework.Y2021
        if any(i.level2 == "成本指标" and self.level1_of(i) == "产出指标" for i in indicators):
            return Framework.LEGACY
        return self.profile.framework_for(self.sheet.year)

    @cached_property
    def levels(self) -> LevelFramework | None:
        """The level framework the sheet is written in when it is not the standard one: its form's, else the one its
        level names show (投入/管理/产出目标 on a form not otherwise recognised, corpus 232), else None."""
        return load_framework(self.form.levels) if self.form.levels else recognise_framework(self.sheet)

    @property
    def standard_structure(self) -> bool:
        """False on forms with their own levels (投入/管理/产出目标, judged by :attr:`levels`), and on a source grid
        without any level column (a form that lists only 三级指标, such as Chongqing's 一般性项目 form): the standard
        structure is not checked."""
        if self.form.framework == "none" or self.levels is not None:
            return False
        sheet = self.sheet
        level_columns = not sheet.form_fields or {"一级指标", "二级指标"} & set(sheet.form_fields)
        return bool(level_columns) or any(i.level1_raw.strip() or i.level2_raw.strip() for i in sheet.indicators)

    @property
    def sets_goals(self) -> bool:
        """False when the document reports on goals approved earlier (a self-evaluation or a monitoring table): the
        structure of those goals is not reviewed again there, only what the report says about them."""
        return not (self.document is not None and self.document.kind in REPORT_KINDS)

    @cached_property
    def present_levels(self) -> set[str]:
        """The 一级 and 二级指标 the sheet has rows for. A row counts for the 一级指标 it stands under and for the one
        its 二级指标 belongs to: a row filed under the wrong 一级指标 is misfiled (JX501), not missing; so is a quality
        rate filed under 数量指标 (JX507). A satisfaction
        rating counts as 满意度指标 wherever it stands (a benefit level holding only ratings measures no benefit),
        and a row with neither name nor value counts for nothing, nor does a form's spare row left as printed (指标2:
        with no value: corpus 234, its 效益指标 holding only that)."""
        present: set[str] = set()
        parents = level2_parents(Framework.LEGACY) | level2_parents(Framework.Y2021)
        for indicator in self.sheet.indicators:
            if (not indicator.name.strip() or not_an_indicator(indicator)) and indicator.target.is_empty:
                continue
            if self.fact(indicator).kind is Kind.SATISFACTION and not self.fact(indicator).from_description:
                present.add("满意度指标")
                continue
            level1 = self.level1_of(indicator) or self.form.standard_level1(indicator.level1_raw)
            # A 二级指标 written in the 一级 column (服务对象满意度指标 | …, the columns shifted: corpus 187) names its level;
            # so does a name that is a 二级 name where the row's 二级 cell was not read (a form listing the level names
            # as its rows, 数量指标 | 375万平方米, read in Traditional characters without its 二级 column: corpus 199).
            level2 = indicator.level2 or (None if level1 else canonical_level2(indicator.level1_raw)) \
                or (None if indicator.level2_raw.strip() else canonical_level2(indicator.name))
            present |= {name for name in (level1, level2, parents.get(level2 or "")) if name}
            if indicator.level2 == "数量指标" and is_quality_rate(indicator.name):
                present.add("质量指标")  # a quality rate filed under 数量 is misfiled (JX507), not missing
        return present

    @cached_property
    def _facts(self) -> dict[int, Facts]:
        # Keyed by identity: the sheet is not modified while it is reviewed, and indicators need not be hashable.
        return {id(indicator): Facts.of(indicator) for indicator in self.sheet.indicators}

    @cached_property
    def _level1(self) -> dict[int, str | None]:
        # A merged 一级指标 cell may reach the model as an empty cell on its continuation rows: carry it down.
        carried: dict[int, str | None] = {}
        current = None
        for indicator in self.sheet.indicators:
            if indicator.level1 or indicator.level1_raw.strip():
                current = indicator.level1
            carried[id(indicator)] = current
        return carried

    @cached_property
    def cut(self) -> bool:
        """True when the reader says the file ends inside this sheet's grid, before its end (a partial copy)."""
        return self._cut_by(CUT_DIAGNOSTICS)

    @cached_property
    def money_unaligned(self) -> bool:
        """True when the reader says this sheet's money table ran on in a text flow (a PDF's) whose figures it could not
        align with the headings: the rows after them (其中：当年财政拨款, 其他资金) are in the same flow, so the figure
        read beside a part's label may be another row's."""
        return self._reader_says(MONEY_UNALIGNED)

    @cached_property
    def goal_lines(self) -> tuple[str, ...]:
        """The sheet's 年度目标 lines (:func:`goal_lines`)."""
        return goal_lines(self.sheet.goals)

    @cached_property
    def goal_text(self) -> str:
        """The sheet's 年度目标 as one text (:attr:`goal_lines` run together)."""
        return "".join(self.goal_lines)

    @cached_property
    def counts_output(self) -> bool:
        """True when some 产出 row says how much is produced: a target counted in pieces, people, area or days
        (≥18个, =300天; a count without its unit, 建设项目个数 1, corpus 150), or a rate whose own text gives the count
        (全部18个行政村)."""
        levels = self.standard_structure  # a form listing only 三级指标 (Chongqing's 一般性项目, corpus 121): any row
        for indicator in self.sheet.indicators:
            # (产出指标 is the level 2 under the NDRC form's 实施效果指标)
            output = self.level1_of(indicator) == "产出指标" or indicator.level2 in ("数量指标", "质量指标", "时效指标",
                                                                                   "产出指标")
            if (levels and not output) or self.is_cost_row(indicator):
                continue
            target = stated_target(indicator.target)  # a bound inside prose (不少于30小时) counts too
            # Days count as output in the 数量 group (免费开放天数); elsewhere they are a time limit (≤15工作日).
            units = COUNTED_UNITS if indicator.level2 == "数量指标" else (UnitKind.COUNT, UnitKind.PHYSICAL)
            if target.is_quantitative and not target.is_date and (
                    unit_kind(target.unit) in units if target.unit is not None
                    else self.fact(indicator).kind is Kind.COUNT):  # 建设项目个数 1: a count without its unit
                return True
            if indicator.level2 == "数量指标" and counted_numbers(" ".join(filter(None, (target.leftover,
                                                                                       indicator.description)))):
                return True
        return False

    @property
    def department_wide(self) -> bool:
        """True for a 部门整体 table (its title says so: 部门整体支出绩效目标表): its rows cover the unit's duties and
        basic spending, not what one project's money buys."""
        return "整体" in fold(self.sheet.title or "")

    @property
    def quantity_nowhere(self) -> bool:
        """True when a sheet that sets goals says nowhere how much the money buys: no 产出 row counts anything and the
        年度目标 (if any) has no figure. A reviewer returns such a sheet (corpus 114, 115, 131). Where the reader found
        no grid, nothing is known of the rows (corpus 174, cut before its grid), nor where no row's 指标值 was read
        (corpus 180: the values stand unplaced in text run together; JX107 reports the empty cells)."""
        return self.sets_goals and not self.grid_not_found and not self.counts_output \
            and not has_figure(self.goal_text) and any(not i.target.is_empty for i in self.sheet.indicators)

    @property
    def values_unread(self) -> bool:
        """True when no row of the sheet has a value: nothing was read that places an indicator in the grid (a header
        line taken for a row, corpus 003 with a 序号 column; a grid whose values stand unplaced), so which categories it
        has cannot be told; JX107 reports the blank values."""
        return not any(not indicator.target.is_empty for indicator in self.sheet.indicators)

    @cached_property
    def year_set_blank(self) -> bool:
        """True when the reader read this sheet's indicators from the long-term set of its grid, the year's set beside
        it left blank (P183: the year's indicators are missing, whatever the long-term ones say)."""
        return self._reader_says(YEAR_SET_BLANK)

    @property
    def rows_guessed(self) -> bool:
        """True when some row's cells were placed by a guess (or the whole layout was guessed): a claim about what no
        row says (nothing counts the output) may then rest on a count the reader put in the wrong cell, and is no
        ground for returning the sheet."""
        return self.confidence(Confidence.HIGH) is Confidence.GUESSED_LAYOUT

    @property
    def year_inferred(self) -> bool:
        """True when the table prints no year and the reader took the sheet's year from the project's name (P125), its
        span (P180), its deadlines (P181), the notice or page around it (P182) or the titled form it continues (P190)."""
        return self._reader_says(YEAR_INFERRED)

    @property
    def rows_doubtful(self) -> bool:
        """True when some row's cells may not stand where the table has them (:attr:`doubtful_rows`, which takes in
        :attr:`rows_guessed`'s rows and those the reader placed by content, left a cell of unplaced or could not split),
        or the whole layout was guessed: a total over the rows (of weights) may miss a cell read elsewhere."""
        return self.guessed_layout or bool(self.doubtful_rows)

    @property
    def headless(self) -> bool:
        """True when the sheet's table header is not in the file (a copy that starts inside the table, its columns
        inferred from the rows): the header fields above the table are not in the file either."""
        return self.sheet.evaluation is not None and self.sheet.evaluation.headless

    @cached_property
    def header_inferred(self) -> bool:
        """True when the table's header is not in the file (:attr:`headless`) or named none of its columns: the
        reader inferred the columns of every row from their content (:data:`COLUMNS_INFERRED` on each). A header
        field found missing (the project's name, its goals) may then stand in the text unplaced, or have been lost with
        the header: a reviewer asks for the original, and does not return the sheet on it."""
        rows = [(row.table or self.sheet.table, row.row) for row in self.sheet.indicators if row.row is not None]
        noted = [d.location for d in self._diagnostics(COLUMNS_INFERRED)]
        return self.headless or bool(rows) and all(any(where.names_row(*row) for where in noted) for row in rows)

    @cached_property
    def misread_rows(self) -> frozenset[int]:
        """The rows (by identity) whose name cell holds another cell, or the row's level cells and its value run
        together (:func:`jixiao.model.doubt.misread_row`): asked of every row by every finding's confidence, judged
        once."""
        return frozenset(id(row) for row in self.sheet.indicators if misread_row(row))

    @cached_property
    def doubtful_rows(self) -> frozenset[int]:
        """The rows (by identity) whose cells may not stand where the table has them: placed by a guess (their
        confidence), misread, or with the reader's own word of doubt on the row (:func:`jixiao.model.doubt.doubtful_rows`,
        which the audit of self-evaluations asks too)."""
        return doubtful_rows(self.sheet, self.document.diagnostics if self.document else ())

    def doubtful(self, indicator: Indicator) -> bool:
        """True when ``indicator``'s cells may not stand where the table has them (:attr:`doubtful_rows`)."""
        return id(indicator) in self.doubtful_rows

    @property
    def goal_counts_output(self) -> bool:
        """True when the 年度目标 states a figure of what is produced (see :func:`states_output_figure`)."""
        return states_output_figure(self.goal_text)

    @cached_property
    def template_unfilled(self) -> bool:
        """True when some 指标值 holds only the unit its figure was to be given in (公里, 万亩): the form's template
        was never filled in, and a lone ≧ % beside it is one more unfilled cell, not a garbled figure (corpus 147)."""
        return any(unit_without_value(indicator.target.raw) for indicator in self.sheet.indicators)

    @cached_property
    def framework_only(self) -> bool:
        """True when the sheet's table is a score sheet of how the project was run, without any performance
        indicator: every row is an item of an evaluation framework (决策依据, 资金到位, 组织实施…) without a target, or
        the reader set the whole table aside as such a score sheet (P122: 分值 and 得分 columns, no 指标值; corpus 172)."""
        if not self.sheet.indicators:
            return self._reader_says(FRAMEWORK_TABLE)
        rows = [indicator for indicator in self.sheet.indicators if not self.unfinished(indicator)]
        return bool(rows) and all(is_framework_row(i.name) and i.target.is_empty for i in rows)

    @cached_property
    def framework_cut_before_results(self) -> bool:
        """True for a framework-only score sheet (:attr:`framework_only`) that the file cuts off before the part where
        a framework puts the performance indicators (项目绩效, 产出, 效益): they may follow the cut (corpus 228, cut
        in 部门预算管理). The rows the reader set aside count with those read (a row without a name and value, the
        row the text is cut in, P122's score sheet): their cells are in the diagnostics saying so
        (:attr:`Diagnostic.set_aside`)."""
        if not self.framework_only or not self.cut:
            return False
        names = [indicator.name for indicator in self.sheet.indicators]
        names += [cell for d in self._diagnostics() for cell in d.set_aside]
        return not any(is_framework_results(name) for name in names)

    @cached_property
    def grid_not_found(self) -> bool:
        """True when the reader says it found no indicator header in this sheet, or could not place the grid's
        scrambled text in rows: the grid may be there unread, or cut off by the file, so that an empty grid is not
        the table's mistake (the reader's JX001 reports it)."""
        return self._reader_says(GRID_NOT_FOUND)

    @cached_property
    def grid_goes_on(self) -> bool:
        """True when the next sheet the reader opened has no title, project name or code of its own but has rows: the
        grid's heading row printed again after a page break, where the reader started a sheet that is this one's
        continuation (its rows are this sheet's)."""
        sheets = self.document.sheets if self.document else []
        after = next((sheets[i + 1] for i, sheet in enumerate(sheets[:-1]) if sheet is self.sheet), None)
        return after is not None and bool(after.indicators) and not (after.title or after.name or after.code)

    @cached_property
    def rows_set_aside(self) -> tuple[RowSetAside, ...]:
        """The rows the reader set aside in this sheet's grid, not read as indicators (P108), in the order it read them,
        each under its levels: a row printing none stands under those of the row just above it, read or set aside."""
        levels = {(i.table or self.sheet.table, i.row): (self.level1_of(i), i.level2)
                  for i in self.sheet.indicators if i.row is not None}
        rows = []
        for said in self._diagnostics(ROWS_SET_ASIDE):
            table, row = said.location.table, said.location.row
            aside = RowSetAside.of(said, levels.get((table, row - 1), (None, None)) if row else (None, None))
            levels[(table, row)] = (aside.level1, aside.level2)
            rows.append(aside)
        return tuple(rows)

    @cached_property
    def set_aside_cells(self) -> tuple[str, ...]:
        """The cells of the rows the reader set aside in this sheet's grid, not read as indicators (P108)."""
        return tuple(cell for row in self.rows_set_aside for cell in row.cells)

    @cached_property
    def figures_set_aside(self) -> bool:
        """True when a row the reader set aside in this sheet holds a figure alone in a cell (90, 16, ≥90辆): a value
        or a weight whose row the reader did not place, so that an empty 指标值 or a weight total short of 100 may
        be that figure unplaced rather than the table's blank (a value split from its row, one cell a line)."""
        return any(row.figures for row in self.rows_set_aside)

    @cached_property
    def ends_short(self) -> bool:
        """True when the grid ends a text copy (the document's last sheet) on a row that leaves empty a cell every row
        above it fills (its 指标方向性, 权重, 依据 or description): a copy cut inside that row, which the reader cannot
        tell from a whole one where rows have no closing bar (TABs, runs of spaces, one cell a line). Rows after it
        may have been lost with the cut, as with the reader's own word that the file ends in the grid (:attr:`cut`)."""
        document = self.document
        rows = self.sheet.indicators
        if document is None or not document.sheets or document.sheets[-1] is not self.sheet or len(rows) < 3 \
                or not (document.layout or "").startswith("text"):
            return False
        *above, last = rows
        return any(all((cell(row) or "").strip() for row in above) and not (cell(last) or "").strip()
                   for cell in _ROW_END_CELLS)

    def _reader_says(self, codes: tuple[str, ...]) -> bool:
        return bool(self._diagnostics(codes))

    def _diagnostics(self, codes: tuple[str, ...] | None = None) -> list[Diagnostic]:
        # the reader's diagnostics of this sheet, of ``codes`` (of any code when None)
        diagnostics = self.document.diagnostics if self.document else []
        return [d for d in diagnostics if (codes is None or d.code in codes) and d.location.sheet == self.sheet.key]

    @cached_property
    def _last_place(self) -> int:
        # The furthest place in the standard grid order (产出: 数量 质量 时效 成本; 效益 …; 满意度) a row was read at.
        # A grid read out of that order (满意度 first, 产出 last: corpus 003) may have had any level after the cut.
        places = [place for i in self.sheet.indicators
                  if not (self.level1_of(i) == "成本指标" or i.level2 in _COST_LEVELS)
                  and (place := self._place(self.level1_of(i), i.level2)) is not None]
        return max(places, default=-1) if places == sorted(places) else -1

    @staticmethod
    @lru_cache(maxsize=4096)  # a pure function of two level names, asked for every row; bounded: names are user text
    def _place(level1: str | None, level2: str | None) -> int | None:
        order = list(level2_parents(Framework.LEGACY).items())
        for index, (child, parent) in enumerate(order):
            if parent == level1 and (level2 is None or child == level2):
                return index
        return next((index for index, (child, _) in enumerate(order) if child == level2), None)

    @cached_property
    def unplaced_rows(self) -> bool:
        """True when some row of a grid with level columns, with its name and its value, stands under no level at all:
        neither its own 一级/二级 cell nor one carried down from a row above was read, while other rows have theirs (the
        merged level cells lost in a copy, corpus 178). Such a row may be the category that looks missing, so no
        category can be judged missing. A grid whose level cells are all empty was left so by its author."""
        rows = [indicator for indicator in self.sheet.indicators if not self.unfinished(indicator)]
        unplaced = [indicator.name.strip() and not indicator.target.is_empty and self.level1_of(indicator) is None
                    and not (indicator.level2 or indicator.level1_raw.strip() or indicator.level2_raw.strip())
                    for indicator in rows]
        return self.standard_structure and any(unplaced) and not all(unplaced)

    def cut_off(self, level1: str, level2: str | None = None) -> bool:
        """True when the file cuts the grid off at or before the place of ``level1`` (``level2``): rows of it may
        follow the cut, so it cannot be judged missing or incomplete. 成本指标 as a level 1 may stand anywhere but
        after the 满意度指标 that close the grid: a grid read in order up to them has had its cost rows (of the dev
        sheets with both, one in 26 prints its cost rows last, 218; reviewers report the cost missing from copies
        cut after the satisfaction rows, 199), unless the reader placed the cells by a guess and may have lost the
        cost rows with the layout (114: its 成本指标 written as prose). A text copy that ends on a row shorter than the
        rows above it (:attr:`ends_short`) is cut as well."""
        if not (self.cut or self.ends_short):
            return False
        if level1 == "成本指标" or level2 in _COST_LEVELS:
            return self._last_place < self._place("满意度指标", None) \
                or self.rows_guessed
        place = self._place(level1, level2)
        return place is None or place >= self._last_place

    def unfinished(self, indicator: Indicator) -> bool:
        """True for a row whose cells cannot be held against the table: no indicator of its own (not_an_indicator), or
        the row the file ends on, whose later cells may have been lost with the cut (corpus 004: its 指标值 after the
        cut; 169: a row without its name), with the rows just before it that also lack their value (corpus 208)."""
        known = self._unfinished.get(id(indicator))
        if known is not None:
            return known
        return not_an_indicator(indicator) or any(indicator is row for row in self._cut_rows)

    @cached_property
    def _unfinished(self) -> dict[int, bool]:
        # Asked by many rules of every row: judged once per row (keyed by identity, as _facts).
        cut = {id(row) for row in self._cut_rows}
        return {id(indicator): not_an_indicator(indicator) or id(indicator) in cut for indicator in self.sheet.indicators}

    @cached_property
    def _cut_rows(self) -> list[Indicator]:
        # The row the file ends on or, where it ends after the rows' names on the heading of their values (a PDF's
        # text gives a table's columns in blocks, names before values: corpus 208), the rows at the end without one.
        rows = self.sheet.indicators
        if self._cut_by(VALUES_CUT):
            return list(takewhile(lambda row: row.target.is_empty, reversed(rows)))
        return rows[-1:] if self._cut_by(LAST_ROW_CUT) else []

    def _cut_by(self, codes: tuple[str, ...]) -> bool:
        # whether the reader gave one of ``codes`` for this sheet's table
        diagnostics = self.document.diagnostics if self.document else []
        tables = {None, self.sheet.table} | {row.table for row in self.sheet.indicators}  # (a split grid's parts)
        return any(d.code in codes and d.location.sheet == self.sheet.key and d.location.table in tables
                   for d in diagnostics)

    def level1_of(self, indicator: Indicator) -> str | None:
        """The indicator's 一级指标, carried down from the rows above when its own cell is empty (merged)."""
        return self._level1.get(id(indicator), indicator.level1)

    def is_cost_row(self, indicator: Indicator) -> bool:
        """True for a row under 成本指标 (the older framework's 产出—成本指标 or a 2021 成本指标 level). A row whose own
        二级指标 names another group (时效指标, 社会效益指标) belongs to that group, whatever 一级指标 was carried down
        to it: a copy without its 一级 column reads the 二级 成本指标 of the first rows as their 一级 (corpus 115)."""
        return _under_cost(self.level1_of(indicator), indicator.level2)

    def fact(self, indicator: Indicator) -> Facts:
        """The facts of one indicator of this sheet."""
        return self._facts.get(id(indicator)) or Facts.of(indicator)

    def confidence(self, confidence: Confidence, indicator: Indicator | None = None) -> Confidence:
        """Lower ``confidence`` when the finding rests on a guessed layout: the indicator's cells may not stand where
        the table has them (:meth:`doubtful`) or, for a finding about the sheet, any indicator's cells were placed by
        the reader's inference, or a name cell holds another cell (:attr:`misread_rows`)."""
        guessed = self.doubtful(indicator) if indicator is not None \
            else any(row.confidence < GUESSED_BELOW for row in self.sheet.indicators)
        # A row whose name cell holds another cell shows the sheet's columns shifted: a shift rarely stops at one
        # row, so every finding on the sheet rests on a reading visibly broken (corpus 205: 10 | 企业国际质量提升).
        return Confidence.GUESSED_LAYOUT if self.guessed_layout or guessed or self.misread_rows else confidence
