"""A goal sheet (绩效目标表): one budget project's table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol, TypeVar

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from jixiao.model.choices import HeaderChoice
from jixiao.model.indicator import Indicator
from jixiao.model.reported import ReportedEvaluation, ReportedMonitoring

__all__ = ["ENTERED", "MoneyUnit", "Unit", "Budget", "Period", "Checkpoint", "GoalSheet", "UNNAMED", "says_nothing"]

# The validation context of a value a person enters (the web editor, the API), not one read from a document
# (``Period.model_validate(data, context=ENTERED)``): what a document prints wrongly is kept as printed, for the review to
# report, while a person entering it is told at once.
ENTERED = MappingProxyType({"entered": True})  # shared by every caller: read-only

# How a project with neither name nor code is named to people.
UNNAMED = "（未命名项目）"

# A title that names only the form (项目绩效目标表, 附件2-1 2023年部门整体支出绩效目标申报表), its year and
# attachment number aside: it names no project, so it is no sheet's key
_FORM_TITLE = re.compile(
    r"(?:附件[\d\-—－]*[:：]?)?(?:\d{4}年度?)?(?:项目支出|部门整体支出|整体支出|部门整体|项目|部门)?"
    r"绩效(?:目标)?(?:自评|评价指标|评价|运行监控|执行监控|监控)?(?:申报|审核|审批|批复|设定)?表")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]|\s")
_SAYS = re.compile(r"\w")  # a cell with no letter, digit or character (“)”, “/”) says nothing


def _unit_key(name: str | None) -> str:
    return _BRACKETED.sub("", name or "").replace("人民", "")


def says_nothing(text: str | None) -> bool:
    """True for a blank cell, or one without a letter, digit or character (“/”, “—”)."""
    return not _SAYS.search(text or "")


class MoneyUnit(StrEnum):
    """The money unit a table states (单位：万元)."""

    WAN_YUAN = "万元"
    YUAN = "元"


class _Coded(Protocol):
    """Anything naming a unit by a code and a name (the model's Unit, a stored unit of the web)."""

    code: str | None
    name: str | None


_U = TypeVar("_U", bound=_Coded)


class Unit(BaseModel):
    """A budget unit (预算单位): its code and name."""

    code: str | None = None
    name: str | None = None

    def differs_from(self, code: str | None, name: str | None) -> bool:
        """Whether this unit, as a table prints it, is plainly another than the unit ``code`` ``name``: both codes
        given and different, or both names given and neither holding the other once spaces, bracketed notes
        (（盖章）, a second name in brackets) and 人民 (人民政府 is 政府) are set aside. Tables shorten names
        (棠溪镇人民政府 for 池州市贵池区棠溪镇人民政府), so only names that cannot be the same unit differ."""
        if self.code and code:
            return self.code.strip() != code.strip()
        mine, theirs = _unit_key(self.name), _unit_key(name)
        return bool(mine and theirs) and mine not in theirs and theirs not in mine

    def identify(self, units: Iterable[_U]) -> _U | None:
        """The one of ``units`` that this unit, as a table prints it, names; None when none or several may be it.

        The same rule as :meth:`differs_from`, asked the other way: the unit with the printed code; else, without
        a code to compare, the unit of the same name once spaces, bracketed notes and 人民 are set aside; else the
        only unit whose name holds the shortened name printed (西留村乡人民政府 is 遵化市西留村乡人民政府) or is
        held by it. A printed unit saying nothing (no code, a name of brackets only) names none."""
        ranked: dict[int, list[_U]] = {}
        for unit in units:
            if (rank := self._likeness(unit.code, unit.name)) is not None:
                ranked.setdefault(rank, []).append(unit)
        best = ranked[min(ranked)] if ranked else []
        return best[0] if len(best) == 1 else None

    def _likeness(self, code: str | None, name: str | None) -> int | None:
        """How this printed unit names the unit ``code`` ``name``: 0 by its code, 1 by its name, 2 by a name
        holding the other; None when they differ or nothing printed ties them."""
        if self.differs_from(code, name):
            return None
        if self.code and code:
            return 0
        mine, theirs = _unit_key(self.name), _unit_key(name)
        if not (mine and theirs):
            return None
        return 1 if mine == theirs else 2


class Budget(BaseModel):
    """预算规模: the total and its sources. Each figure is optional because tables omit them."""

    total: Decimal | None = None
    fiscal: Decimal | None = Field(default=None, description="其中：财政资金 / 财政拨款")
    other: Decimal | None = Field(default=None, description="其他资金")
    sources: dict[str, Decimal] = Field(
        default_factory=dict,
        description="The other sources the form prints beside 财政资金 and 其他资金 (政府性基金拨款, 国有资本经营预算, "
                    "上年结转资金, 纳入专户管理的非税收入拨款 …), by their label as printed, each with its amount: "
                    "the total is the sum of all the sources")

    def parts(self) -> Decimal | None:
        """The sum of every source read (财政资金, 其他资金 and :attr:`sources`), or None when none is."""
        figures = [figure for figure in (self.fiscal, self.other, *self.sources.values()) if figure is not None]
        return sum(figures, Decimal(0)) if figures else None


class Period(BaseModel):
    """项目期 / 实施期: the span of years a multi-year project runs, and the budget of the whole span, as the form states
    them beside the year's (中期资金总额 | 年度资金总额; 项目总预算 | 项目当年预算). Each part is optional: a form may
    print the span's length alone (项目期 3年), its years alone (中期目标(2024年—2026年)), or only its budget."""

    text: str | None = Field(default=None, description="项目期 / 实施期 as printed (3年, 2024年—2026年, 2023.1-2025.12)")
    years: int | None = Field(
        default=None, ge=1, description="How many years the form says the span runs (项目期 3年), when it says so")
    start: int | None = Field(
        default=None, description="The span's first year, as 项目期 or the 中期目标 heading prints it (2024 of 2024年—2026年)")
    end: int | None = Field(default=None, description="The span's last year (2026 of 2024年—2026年)")
    budget: Budget = Field(
        default_factory=Budget,
        description="The whole span's budget (中期资金总额, 实施期资金总额, 项目总预算) and its parts where the form gives "
                    "them (其中：财政拨款 …); the sheet's own budget is the year's")

    @field_validator("end")
    @classmethod
    def _not_before_start(cls, end: int | None, info: ValidationInfo) -> int | None:
        # a printed span may run backwards (2025年—2023年): read, it is kept as printed; entered, it is refused
        start = info.data.get("start")
        if (info.context or {}).get("entered") and end is not None and start is not None and end < start:
            raise ValueError(f"不能早于起始年度（{start}年）")
        return end

    def years_text(self) -> str:
        """The span's years as forms print them (2024年—2026年; 2024年 for one year; 2024年起 or 至2026年 for a span
        whose other end is unknown), or "" when neither is known."""
        if self.start is None:
            return "" if self.end is None else f"至{self.end}年"
        if self.end is None:
            return f"{self.start}年起"
        return f"{self.start}年" if self.end == self.start else f"{self.start}年—{self.end}年"

    def names_years(self) -> bool:
        """Whether its text names the span's years, those known (2024年—2026年 does, 3年 does not)."""
        return all(str(year) in (self.text or "") for year in (self.start, self.end) if year is not None)

    def printed(self) -> str:
        """The span as printed, or its length as forms print it (3年) where no text is known; "" without either."""
        return self.text or (f"{self.years}年" if self.years else "")

    def describe(self) -> str:
        """The span in words for a page: as printed (or its length), with its years where the printed text does not
        name them (3年（2024年—2026年）), or its years alone."""
        years = "" if self.names_years() else self.years_text()
        printed = self.printed()
        if not printed:
            return years
        return f"{printed}（{years}）" if years else printed

    def length(self) -> int | None:
        """How many years the span runs: from its first and last year where both are printed, else as the form says."""
        if self.start is not None and self.end is not None and self.end >= self.start:
            return self.end - self.start + 1
        return self.years


class Checkpoint(BaseModel):
    """One point of the spending plan: a label such as 3月底 and the cumulative percent spent by then."""

    label: str
    percent: Decimal | None = None


class GoalSheet(BaseModel):
    """One project's 绩效目标表 as read from a document or entered by a user."""

    title: str | None = None
    code: str | None = None
    name: str | None = None
    unit: Unit | None = None
    year: int | None = None
    money_unit: MoneyUnit | None = None
    budget: Budget = Field(default_factory=Budget, description="The year's budget (年度资金总额, 预算数)")
    period: Period | None = Field(
        default=None, description="The span a multi-year project runs and its whole budget (项目期, 中期资金总额), "
                                  "where the form prints them; None when it prints neither")
    purpose: str | None = None
    spend_plan: list[Checkpoint] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list, description="年度目标, in order")
    long_term_goals: list[str] = Field(default_factory=list, description="中长期目标, in order")
    indicators: list[Indicator] = Field(default_factory=list)
    table: int | None = Field(default=None, description="1-based table number in the source file")
    evaluation: ReportedEvaluation | None = Field(
        default=None, description="What a printed 绩效自评表 claims (money, actuals, scores, total, grade), as printed")
    monitoring: ReportedMonitoring | None = Field(
        default=None, description="What a printed 运行监控表 reports (money to date, progress, likelihood), as printed")
    form_fields: list[str] = Field(
        default_factory=list,
        description="Canonical names of the header fields and grid columns the source form has (项目编码, 资金用途, "
                    "资金支出计划, 指标性质, 度量单位, 权重, 指标方向性, 指标值确定依据, …), as the reader found them; "
                    "empty when unknown. Review uses it to recognise the form and to skip fields the form lacks.")
    blank_fields: list[str] = Field(
        default_factory=list,
        description="Canonical names of the header fields whose label the source prints with nothing beside it "
                    "(主管部门, 项目负责人, 联系电话, …; a subset of form_fields): the form has the field and the sheet "
                    "left it blank. Review reports the blanks of fields the model keeps no value of.")
    choices: list[HeaderChoice] = Field(
        default_factory=list,
        description="The header's option lists (项目属性 □新增 ■延续, 项目类型 1、常年性项目 2、一次性项目), each with its "
                    "label, options and the ones chosen, in the order printed. Review reports a list left unchosen.")

    @property
    def key(self) -> str:
        """How findings name the sheet: the project code or, if none, its name, else a title that names more than
        the form (a bare 项目绩效目标表 is no project's name)."""
        named = self.title and not _FORM_TITLE.fullmatch(_BRACKETED.sub("", self.title))
        return self.code or self.name or (self.title if named else None) or UNNAMED

    @property
    def heading(self) -> str:
        """The title printed above the table: the document's own as printed (a form's title such as
        雨露计划绩效目标申报表 or 项目支出绩效自评表), else 年度 + project + 绩效目标表; a project named by its year
        (2023年云雾土家族乡加工园配套设施建设项目) is not given it twice (2023年度2023年…)."""
        if self.title:
            return self.title
        name = self.name or self.code or ""
        year = f"{self.year}年度" if self.year and not name.startswith(f"{self.year}年") else ""
        return f"{year}{name}绩效目标表"

    def breakdowns(self) -> dict[int, list[int]]:
        """The scored rows whose figures are given only in the rows below them, each (1-based position) with those
        rows' positions: a row that prints its 分值 or 得分 but neither 指标值 nor 实际完成值, followed in the same
        二级指标 by rows with a 指标值 and neither 分值 nor 得分 (Anhui's ★ core rows broken down into 其中 rows,
        corpus 225: ★补助各类瓜果蔬菜种植面积 10 10, then 梨树种植面积 6亩 6亩, 桃种植面积 1亩 1亩 …). The parts carry
        no points of their own: their 分值 is the scored row's. A cell without a letter, digit or character (“/”,
        “—”) says nothing: it is blank here. Review and audit both take a table's breakdowns from here."""
        report = self.evaluation
        found: dict[int, list[int]] = {}
        head: int | None = None
        for position, indicator in enumerate(self.indicators, 1):
            item = report.item_for(position) if report else None
            weight = indicator.weight if indicator.weight is not None else (item.weight if item else None)
            scored = weight is not None or (item is not None and item.score is not None)
            target = not says_nothing(indicator.target.raw)
            if scored:
                head = None if target or (item and not says_nothing(item.actual_raw)) else position
            elif head is not None and target \
                    and indicator.level2 == self.indicators[head - 1].level2:
                found.setdefault(head, []).append(position)
            else:
                head = None
        return found
