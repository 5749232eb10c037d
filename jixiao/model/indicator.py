"""An indicator (one row of the 绩效指标 grid)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from jixiao.model.lexicon import fold
from jixiao.model.target import Target
from jixiao.model.target_text import parse_target
from jixiao.model.vocabulary import canonical_level1, canonical_level2, ndrc_level1, written_level2

__all__ = ["Direction", "Indicator", "form_text", "misread_cell", "named_by_a_figure", "not_an_indicator", "parse_direction"]


class Direction(StrEnum):
    """指标方向性: whether a higher value is better."""

    POSITIVE = "正向"
    NEGATIVE = "反向"


_DIRECTION_WORDS = {"正向": Direction.POSITIVE, "正": Direction.POSITIVE, "越大越好": Direction.POSITIVE,
                    "反向": Direction.NEGATIVE, "逆向": Direction.NEGATIVE, "负向": Direction.NEGATIVE,
                    "反": Direction.NEGATIVE, "越小越好": Direction.NEGATIVE}


def parse_direction(raw: str | None) -> Direction | None:
    """Read a 指标方向性 cell; None when empty or not understood."""
    return _DIRECTION_WORDS.get(fold(raw or ""))


class Indicator(BaseModel):
    """One indicator: levels 1 and 2 (canonical and as written), the name (三级指标) and its target.

    ``row`` is the 1-based row of the indicator grid it came from, when read from a document, and ``table`` the
    1-based table of the file that row stands in: a grid split over pages, or continued in a second table, numbers
    the rows of each part from 1 again, so a row is named by both.
    """

    level1: str | None = None
    level1_raw: str = ""
    level2: str | None = None
    level2_raw: str = ""
    name: str = ""
    name_raw: str | None = Field(
        default=None,
        description="The 三级指标 cell as written when the reader removed the template's numbering or residue from "
                    "it (``指标1:``, ``(≥**%)``, ``(必填)``); None when the name is the cell as written")
    description: str | None = None
    target: Target = Field(default_factory=Target)
    long_term_target: Target | None = None
    unit_column: str | None = Field(
        default=None,
        description="The unit the form's own unit column (度量单位, 计量单位) gives this row, canonical (% 个 万元); "
                    "None when the form has no such column, the cell is empty or names no unit jixiao knows")
    unit_column_raw: str | None = Field(
        default=None,
        description="The unit column's cell as written. A bare number in the 指标值 cell is completed by it (the "
                    "target's unit is read from it); a value that names its own unit (28.8万元) or a word leaves the "
                    "two side by side, and the cell is then also kept in ``extra`` under its heading")
    operator_column_raw: str | None = Field(
        default=None,
        description="The form's own operator column's cell (指标性质, 符号: ≥ = ≤, or 定量/定性) as written; None when "
                    "the form has no such column or the cell is empty. The 指标值 cell is read with it (≥ | 95 | % "
                    "is ≥95%), ``target.raw`` staying the 指标值 cell as written")
    weight: Decimal | None = None
    weight_raw: str | None = None
    direction: Direction | None = None
    direction_raw: str | None = None
    basis: str | None = None
    row: int | None = None
    table: int | None = Field(
        default=None,
        description="The 1-based table (or worksheet) of the file holding the row ``row`` counts in; None when not "
                    "read from a document. The sheet's first table (GoalSheet.table) unless its grid goes on in "
                    "another table")
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="Cells of columns the goal sheet has no field for, by the heading as written (备注, 完成值, a "
                    "sub-unit's value column, a heading the reader does not know)")
    value_columns: list[str] = Field(
        default_factory=list,
        description="The headings in ``extra`` whose columns hold a value of the row by the vocabulary's column "
                    "roles: a second value column (目标值 beside 指标值, another period's), an actual or projected "
                    "value (实际完成值, 评价指标值, 全年预计完成值); empty when none does. Review reads this, never "
                    "the headings' words")
    confidence: float = Field(
        default=1.0, ge=0, le=1,
        description="How sure the reader is that the cells went to the right fields: 1 placed by the format's grid, "
                    "lower when the columns were inferred from the cells' content")

    @classmethod
    def from_cells(
        cls,
        *,
        level1: str = "",
        level2: str = "",
        name: str = "",
        description: str | None = None,
        target: str = "",
        long_term_target: str | None = None,
        weight: str | None = None,
        direction: str | None = None,
        basis: str | None = None,
        row: int | None = None,
        table: int | None = None,
    ) -> Indicator:
        """Build an indicator from the text of its cells, understanding levels, target and direction."""
        context = " ".join(filter(None, [name, description]))
        return cls(
            level1=canonical_level1(level1),
            level1_raw=level1,
            # under the NDRC form's own level 1 (实施效果指标) its level-2 names are kept as written: its 满意度指标 is
            # the framework's level 1 in that place, not the budget framework's 服务对象满意度指标
            level2=(written_level2(level2) if ndrc_level1(level1) else None) or canonical_level2(level2)
            or written_level2(level2),
            level2_raw=level2,
            name=name,
            description=description,
            target=parse_target(target, context),
            long_term_target=parse_target(long_term_target, context) if long_term_target else None,
            weight=_decimal(weight),
            weight_raw=weight,
            direction=parse_direction(direction),
            direction_raw=direction,
            basis=basis,
            row=row,
            table=table,
        )


def _decimal(text: str | None) -> Decimal | None:
    target = parse_target(text or "")
    return target.value if target.operator is None and target.leftover is None else None


def not_an_indicator(indicator: Indicator) -> bool:
    """True for a row whose 三级指标 cell holds no indicator of its own: a 一级指标 label (满意度指标(10分), 产出指标) or
    a single character (a word broken off the cell above), so the row heads or continues another one; the heading of
    the value columns (区域目标值…); a form's numbered spare row (指标2:); or a cell misread into the name column
    (:func:`misread_cell`)."""
    name = fold(indicator.name)
    return len(name) == 1 or canonical_level1(indicator.name) is not None or misread_cell(indicator) \
        or form_text(indicator.name) or bool(_TEMPLATE_NUMBER.fullmatch(name))


def form_text(name: str) -> bool:
    """True when a 三级指标 cell holds the form's own text, never an indicator's name: the heading of the value columns
    read as a row (区域目标值…) or the score sheet's rule for scoring (定量指标计算:…). (A numbered spare row, 指标2:, is
    the form's too, but the preparer's to fill: the review reports it.)"""
    name = fold(name)
    return bool(_VALUE_HEADING.match(name) or _SCORING_RULE.match(name))


# A form's numbered row left as printed (指标2:, corpus 234): a template's spare row, no indicator of its own.
_TEMPLATE_NUMBER = re.compile(r"指标\d{1,2}[:：]?")


# The heading of the value columns read as a row: 区域目标值 over one column per district (区域目标值新罗区永定区…,
# corpus 180), 年度指标值. No indicator is named for the column it heads.
_VALUE_HEADING = re.compile(r"(区域|年度)?(目标值|指标值)")


# The score sheet's own rule for scoring (定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A…, corpus 206), printed
# in a note under the grid: no indicator names how points are given. Only a name that begins with the rule: one glued
# after an indicator's own name (是否完成…申报的数量12.5完成值达到指标值,记满分) still names that indicator.
_SCORING_RULE = re.compile(r"([定量性]{2}指标)?(计算|评分)[:：]|完成值达到指标值|.{0,8}[记计得]满分")


def misread_cell(indicator: Indicator) -> bool:
    """True when the 三级指标 cell holds what no indicator is named: only a figure (:func:`named_by_a_figure`), a line
    of only a figure after its first (the row's value cells run into it), or the score sheet's rule for scoring
    (完成值达到指标值,记满分). The reader placed another cell in the name column, so the
    row's other cells are misplaced too and nothing on it can be held against the table."""
    return named_by_a_figure(indicator) or bool(_SCORING_RULE.match(fold(indicator.name))) \
        or any(_figure_alone(line) for line in indicator.name.splitlines()[1:]) \
        or _date_alone(indicator.name) or _figures_after(indicator.name) or _broken_off(indicator.name) \
        or bool(_NATURE_ALONE.fullmatch(fold(indicator.name))) or _weight_beyond_whole(indicator) \
        or _figures_glued(indicator.target.raw or "") \
        or any(_GRID_HEADING.fullmatch(fold(cell).lstrip("*")) for cell in (indicator.name, indicator.target.raw)) \
        or any(_target_alone(cell) or _date_alone(cell) for cell in (indicator.level1_raw, indicator.level2_raw))


# Only the 指标性质 column's word (定性, 定量), after the dash a copy prints for an empty cell (-定性, corpus 276: a
# template's spare rows, their name and value empty, read as rows named by the column after them): no indicator is
# named for how it is measured.
_NATURE_ALONE = re.compile(r"[-—–－]*(定性|定量)(指标)?")


def _weight_beyond_whole(indicator: Indicator) -> bool:
    # A 权重 (分值) above 100, more than a whole table's points: the column holds another cell, a count the reader cut
    # off the name (…共计3875人 read as 共计 | 3875, corpus 262 run together)
    return indicator.weight is not None and indicator.weight > 100


# A figure with two decimal points or more (1038.7536.29.34): figures of several cells run together, unless a date
# (2022.12.31, 2020.1.1-2020.12.31)
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}")


def _figures_glued(text: str) -> bool:
    # The 指标值 cell holds the row's later cells run into it (corpus 262 run together: 38.75万元 | 36.29 | 9.34 read
    # as 1038.7536.29.34…), so no value of the row was read as written
    return any(not _dotted_date(match.group()) for match in _DOTTED.finditer(fold(text)))


def _dotted_date(figure: str) -> bool:
    # year.month[.day]: a date written with points
    year, month, *rest = figure.split(".")
    return len(year) in (2, 4) and 1 <= int(month) <= 12 and all(1 <= int(part) <= 31 for part in rest[:1])


def _target_alone(text: str) -> bool:
    # Only a target (≥90.91%, a bound or a rate) in a level cell: the row's cells shifted into the level columns
    # (corpus 130 with a 备注 column added); a level's points (30分), broken off its label, are not one
    figure = parse_target(text)
    return figure.value is not None and figure.leftover is None and (figure.operator is not None or figure.unit == "%")


# A heading of the grid's columns in a row's name or value cell: the header row (or a heading the copy broke off it)
# read as an indicator (三级指标内容 as a value, corpus 200 and 236 copied one cell per line; *评(扣)分标准 and 备注 as
# names, 118 and 219 likewise).
_GRID_HEADING = re.compile(r"(一级|二级|三级|绩效)指标(名称|内容)?|(三级)?指标(名称|内容)|(区域|年度)?(目标值|指标值)(内容)?"
                           r"|评\(扣\)分标准|评分标准|备注")


def _broken_off(name: str) -> bool:
    # A piece of a cell broken at a line break: it closes a bracket it never opened (能、有可能、不可能), the tail of
    # 完成目标可能性(确定能、有可能、不可能), corpus 016 with its long cells wrapped) or ends on one it opens (项目总投入(,
    # 215). A Pinyin gloss whose opening bracket was lost with its character (享受?chē)?guó)家, corpus 223) is no break.
    folded = fold(name)
    depth = 0
    for index, char in enumerate(folded):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0 and not (index and unicodedata.name(folded[index - 1], "").startswith("LATIN")):
                return True
            depth = max(depth - 1, 0)
    return folded.endswith("(")


def _date_alone(text: str) -> bool:
    # Only a date (2021年7月, 2020.1.1-2020.12.31): a 时效 row's value read into its name (corpus 178's copy as a page's
    # spaced text) or into a level column (corpus 130 with a 备注 column added): no indicator or level is named so
    figure = parse_target(text)
    return figure.is_date and figure.leftover is None


def _figures_after(name: str) -> bool:
    # Two or more figures after the name, each on its own (免费开放率 100% 100% 12.5 12.5): the row's value, actual and
    # score cells run into its name (corpus 206 as pipe rows); the name cell holds them all
    words = name.split()
    return len(words) > 2 and all(_figure_alone(word) for word in words[-2:])


def _figure_alone(text: str) -> bool:
    # Only a figure (100%, 30分)): in a line of the name cell after its first, the row's value cells read into its
    # name (corpus 179, text run together: 预算编审管理完整、准确率 / 100% / 100% / 44…)
    figure = parse_target(text)
    return figure.value is not None and figure.leftover is None


def named_by_a_figure(indicator: Indicator) -> bool:
    """True when the 三级指标 cell holds only a figure: a level's points broken off its label (30分), corpus 169) or a
    value (95%, 75元, 24694人, corpus 161 and 170), a cell that a misreading of an out-of-order copy placed in the name
    column, the row's other cells then misplaced too."""
    return _figure_alone(indicator.name)
