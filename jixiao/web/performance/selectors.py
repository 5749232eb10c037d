"""Reading a sheet's year through the reader's scope, and asking the core for its monitoring and score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.utils import timezone

from jixiao.model import ExecutionRecord, GoalSheet, SelfEvaluation
from jixiao.model.amounts import amount_text
from jixiao.scoring import (
    IndicatorStatus,
    InputProblem,
    MonitoringResult,
    Profile,
    ProfileError,
    ScoringInputError,
    SheetScore,
    indicator_statuses,
    load_profile,
    monitor_sheet,
    score_sheet,
)
from jixiao.web.performance.conversion import answers_of, evaluation_of, record_of, recorded_spending
from jixiao.web.performance.models import BureauSetting, Tracking
from jixiao.web.sheets.conversion import content_of
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet

__all__ = ["Season", "SheetYear", "approved_content", "rate_heading", "recorded_year", "season_made", "season_of", "sheet_year"]


@dataclass(frozen=True)
class Season:
    """What a bureau chose for a year: the profile and the monitoring period end (stored or the default)."""

    profile: Profile
    profile_name: str
    period_end: date
    chosen: bool


def season_of(bureau_id: int | None, year: int) -> Season:
    """The bureau's profile and period for ``year``; by default the central profile and 1–6月."""
    setting = BureauSetting.objects.filter(bureau_id=bureau_id, year=year).first()
    if setting is None:
        return season_made("central", date(year, 6, 30), chosen=False)
    return season_made(setting.profile, setting.period_end)


def rate_heading(season: Season | None) -> str:
    """The heading of a sheet's execution rate: the monitoring period's (spending after its end not counted), said,
    since it stands beside a self-evaluation scored on the whole year's spending; plain 执行率 when the bureau's
    season could not be read."""
    return f"1-{season.period_end.month}月执行率" if season else "执行率"


def season_made(name: str, period_end: date, *, chosen: bool = True) -> Season:
    """The season of the profile ``name`` and ``period_end`` (e.g. a setting about to be saved); ``SheetError``
    when the profile cannot be used."""
    try:
        profile = load_profile(name)
    except ProfileError as error:
        raise SheetError(f"财政局设置的评分方案无法使用：{error}") from None
    return Season(profile=profile, profile_name=name, period_end=period_end, chosen=chosen)


def approved_content(sheet: Sheet) -> GoalSheet | None:
    """The sheet as last approved (its targets are what the year is measured against), or None."""
    approved = sheet.approved_versions.first()
    return content_of(approved.content) if approved else None


def recorded_year(sheet: Sheet, content: GoalSheet) -> tuple[SelfEvaluation, ExecutionRecord] | None:
    """What the unit recorded of the approved sheet's year in jixiao: its self-evaluation (money, results) and the
    spending and progress recorded during the year; None when it recorded nothing. ``content``: the sheet as
    approved."""
    tracking = Tracking.objects.filter(sheet=sheet).first()
    if tracking is None:
        return None
    record = record_of(tracking, content.key)
    return evaluation_of(tracking, content, record), record


@dataclass
class SheetYear:
    """One approved sheet's year as the core sees it, with the monitoring result and the score (or why not)."""

    sheet: Sheet
    content: GoalSheet
    tracking: Tracking | None
    season: Season

    @cached_property
    def record(self) -> ExecutionRecord:
        """Spending and progress recorded so far."""
        return record_of(self.tracking, self.content.key)

    def monitoring(self, period_end: date | None = None) -> tuple[MonitoringResult | None, list[InputProblem]]:
        """The core's monitoring table at ``period_end`` (the bureau's period by default), or the problems that
        prevent one."""
        period_end = period_end or self.season.period_end
        try:
            return monitor_sheet(self.content, self.record, period_end, answers_of(self.tracking, period_end),
                                 self.season.profile, year=self.sheet.year, today=timezone.localdate()), []
        except ScoringInputError as error:
            return None, error.problems

    def indicator_statuses(self, result: MonitoringResult | None) -> list[IndicatorStatus]:
        """Each indicator's line of the monitoring table at the bureau's period end: the monitoring's own, or, when
        the money cannot be monitored (no 资金支出计划, no budget), the core's per-indicator statuses, which do not
        depend on it: the targets, the values recorded and the answers saved are shown all the same."""
        if result is not None:
            return result.indicators
        period_end = self.season.period_end
        return indicator_statuses(self.content, self.record, period_end, answers_of(self.tracking, period_end),
                                  self.season.profile, year=self.sheet.year)

    @property
    def recorded_spending(self) -> Decimal | None:
        """The spending recorded up to 31 December (None before anything is recorded)."""
        return recorded_spending(self.content, self.record)

    def spending_mismatch(self) -> str | None:
        """A warning when the 全年执行数 the preparer stated differs from the spending recorded during the year."""
        stated, recorded = (self.tracking.spent if self.tracking else None), self.recorded_spending
        if stated is None or recorded is None or stated == recorded:
            return None
        unit = self.content.money_unit or ""
        return (f"填写的全年执行数 {amount_text(stated)}{unit} 与执行监控中记录的支出合计 {amount_text(recorded)}{unit} "
                f"不一致，请核对（得分按填写的 {amount_text(stated)}{unit} 计算）")

    def evaluation(self) -> SelfEvaluation:
        """The preparer's year-end results."""
        return evaluation_of(self.tracking, self.content, self.record)

    def score(self) -> tuple[SheetScore | None, list[InputProblem]]:
        """The core's self-evaluation score, or the problems that prevent one."""
        try:
            return score_sheet(self.content, self.evaluation(), self.season.profile), []
        except ScoringInputError as error:
            return None, error.problems


def sheet_year(sheet: Sheet) -> SheetYear:
    """The year of ``sheet`` (already read through the member's scope); refused before the first approval."""
    content = approved_content(sheet)
    if content is None:
        raise SheetError("这张表尚未批复；批复后才能记录执行情况、运行监控和绩效自评")
    tracking = Tracking.objects.filter(sheet=sheet).first()
    return SheetYear(sheet=sheet, content=content, tracking=tracking, season=season_of(sheet.unit.bureau_id, sheet.year))
