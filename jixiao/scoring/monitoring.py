"""Mid-year monitoring (运行监控) of one sheet at a period end: money, goals and warnings as traffic lights.

Projections are linear in calendar days: year-end spending = spent × days in year ÷ days elapsed. An indicator
measured in % is a level, not a running total, so its projection is the value reached; any other indicator is
projected like spending. A preparer's own 全年预计完成值 replaces the projection and says so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field, computed_field

from jixiao.model import ExecutionRecord, GoalSheet, Indicator, Likelihood, MonitoringAnswer, UnitKind, unit_kind
from jixiao.model.wording import Phrase, Worded
from jixiao.scoring.problems import InputProblem, ScoringInputError, project_title
from jixiao.scoring.profile import Profile
from jixiao.scoring.scores import Explained, explained
from jixiao.scoring.spend_plan import PlanError, month_end, planned_share, year_start
from jixiao.scoring.target_rules import Sense, number, plain, sense_of

__all__ = ["Light", "Alert", "IndicatorStatus", "MonitoringResult", "indicator_statuses", "monitor_sheet"]

_HUNDRED = Decimal(100)


class Light(StrEnum):
    """A traffic light; the order of the members is their severity. ``NOT_STARTED`` is neutral: the budget year
    has not begun, so nothing can be behind or ahead yet."""

    NOT_STARTED = "not_started"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def label(self) -> str:
        """The Chinese word shown to users."""
        return {"not_started": "未开始", "green": "绿灯", "yellow": "黄灯", "red": "红灯"}[self.value]

    @property
    def rank(self) -> int:
        """Higher is more serious."""
        return list(Light).index(self)


class Alert(Worded):
    """One monitoring warning: a stable code, its light, and the Chinese explanation (``template`` and ``params``,
    rendered as ``message``)."""

    code: str
    light: Light
    indicator: int | None = None
    local: bool = Field(default=False, description="The threshold is local policy, not a central rule")


class IndicatorStatus(Explained):
    """One indicator at the period end, with how its progress and projection were computed."""

    indicator: int
    level1: str
    level2: str | None = None
    name: str
    target: str
    unit: str | None = Field(default=None, description="The target's 度量单位, which values and projections share")
    value: Decimal | None = Field(default=None, description="实际完成值 to date")
    value_text: str | None = None
    evidence: str | None = None
    progress: Decimal | None = Field(default=None, description="完成进度 in % of the target (higher-is-better only)")
    projected: Decimal | None = Field(default=None, description="全年预计完成值")
    answer: MonitoringAnswer | None = None

    @property
    def value_shown(self) -> str:
        """实际完成值 as a person writes it, with the target's unit (``10个``, ``92%``), or the text reached."""
        if self.value is None:
            return self.value_text or ""
        return f"{number(self.value)}{self.unit or ''}"

    @property
    def projected_shown(self) -> str:
        """全年预计完成值 with the target's unit, no trailing zeros."""
        return "" if self.projected is None else f"{number(self.projected)}{self.unit or ''}"


class MonitoringResult(BaseModel):
    """The monitoring table of one sheet for the period 1月 to ``period_end``."""

    sheet: str
    name: str | None = None
    unit: str | None = None
    money_unit: str | None = None
    profile: str
    period_end: date
    budget: Decimal
    spent: Decimal
    execution_rate: Decimal
    planned: Decimal
    planned_working: Worded = Field(description="How 计划进度 was found from the spending plan")
    gap: Decimal = Field(description="计划进度 − 执行率, in points; positive when behind the plan")
    projected_spending: Decimal
    projected_working: Worded = Field(description="How 全年预计执行数 was projected")
    goals: list[str] = Field(default_factory=list)
    indicators: list[IndicatorStatus]
    warnings: list[Alert]
    light: Light
    missing: list[InputProblem] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def planned_explanation(self) -> str:
        """How 计划进度 was found, in Chinese."""
        return self.planned_working.message

    @computed_field  # type: ignore[prop-decorator]
    @property
    def projected_explanation(self) -> str:
        """How 全年预计执行数 was projected, in Chinese."""
        return self.projected_working.message

    @property
    def period_label(self) -> str:
        """The period as tables name it, e.g. 1-6月."""
        return f"1-{self.period_end.month}月"


def monitor_sheet(sheet: GoalSheet, record: ExecutionRecord, period_end: date, answers: list[MonitoringAnswer],
                  profile: Profile, year: int | None = None, today: date | None = None) -> MonitoringResult:
    """Monitor ``sheet`` at ``period_end`` from what was recorded and the preparer's answers.

    When ``today`` is before the budget year begins the result is :attr:`Light.NOT_STARTED` with no warning:
    a plan cannot be missed before its year. Raises :class:`ScoringInputError` when the budget or the spending plan is unusable; answers still owed
    (an indicator without one) are returned in ``missing``.
    """
    key, title, rounded = sheet.key, project_title(sheet), profile.rounding
    year = year or sheet.year or period_end.year
    budget = sheet.budget.total
    problems = []
    if not budget:
        problems.append(InputProblem.of("项目“{title}”缺少预算数（或为 0），无法计算执行率", {"title": title},
                                        sheet=key, field="预算数"))
    try:
        planned, planned_text = planned_share(sheet.spend_plan, period_end, year)
    except PlanError as error:
        problems.append(InputProblem.of("项目“{title}”：{why}", {"title": title, "why": error.phrase},
                                        sheet=key, field="资金支出计划"))
    if problems:
        raise ScoringInputError(problems)

    spent = record.spent_by(period_end)
    rate = spent / budget * _HUNDRED
    elapsed = (period_end - year_start(year)).days
    days = (month_end(year, 12) - year_start(year)).days
    projected = spent * days / elapsed
    projected_text = Phrase("全年预计执行数 = 已执行 {spent} × 全年 {days} 天 ÷ 已过 {elapsed} 天 = {projected}", {
        "spent": plain(spent), "days": Decimal(days), "elapsed": Decimal(elapsed), "projected": rounded(projected)})

    statuses = indicator_statuses(sheet, record, period_end, answers, profile, year)
    missing = [InputProblem.of("项目“{title}”指标“{name}”未填写完成目标可能性", {"title": title, "name": status.name},
                               sheet=key, indicator=status.indicator, field="完成目标可能性")
               for status in statuses if status.answer is None]

    if today is not None and today <= year_start(year):
        warnings = [Alert.of("{year}年度尚未开始（{year}年1月1日起监控），暂不判断执行进度", {"year": str(year)},
                             code="not_started", light=Light.NOT_STARTED)]
    else:
        warnings = _warnings(profile, period_end, rate, planned, statuses)
    light = max((w.light for w in warnings), key=lambda light: light.rank, default=Light.GREEN)
    return MonitoringResult(
        sheet=key, name=sheet.name, unit=sheet.unit.name if sheet.unit else None, money_unit=sheet.money_unit,
        profile=profile.name, period_end=period_end, budget=budget, spent=spent,
        execution_rate=rounded(rate), planned=rounded(planned), planned_working=Worded.of_phrase(planned_text),
        gap=rounded(planned - rate), projected_spending=rounded(projected),
        projected_working=Worded.of_phrase(projected_text),
        goals=sheet.goals, indicators=statuses, warnings=warnings, light=light, missing=missing,
    )


def indicator_statuses(sheet: GoalSheet, record: ExecutionRecord, period_end: date, answers: list[MonitoringAnswer],
                       profile: Profile, year: int | None = None) -> list[IndicatorStatus]:
    """Each indicator of ``sheet`` at ``period_end``: its target, the value reached, progress, projection and the
    preparer's answer. They do not depend on the budget or the spending plan, so a sheet whose money cannot be
    monitored (no 资金支出计划) still shows what was recorded against its indicators."""
    year = year or sheet.year or period_end.year
    elapsed = (period_end - year_start(year)).days
    days = (month_end(year, 12) - year_start(year)).days
    by_indicator = {answer.indicator: answer for answer in answers}
    return [_indicator_status(position, indicator, record, period_end, by_indicator.get(position), days, elapsed,
                              profile)
            for position, indicator in enumerate(sheet.indicators, start=1)]


def _indicator_status(position: int, indicator: Indicator, record: ExecutionRecord, period_end: date,
                      answer: MonitoringAnswer | None, days: int, elapsed: int, profile: Profile) -> IndicatorStatus:
    rounded, target = profile.rounding, indicator.target
    reached = record.progress_by(position, period_end)
    status = IndicatorStatus(
        indicator=position, level1=indicator.level1 or indicator.level1_raw,
        level2=indicator.level2 or indicator.level2_raw or None, name=indicator.name, target=target.stated,
        unit=target.unit, value=reached.value if reached else None, value_text=reached.text if reached else None,
        evidence=reached.evidence if reached else None, answer=answer,
    )
    if reached is None or reached.value is None or target.value is None:
        status.projected = answer.expected_value if answer else None
        why = "尚无可计算的数值进度" if reached is None or reached.value is None else "目标不是数值，不计算进度"
        return status.model_copy(update=explained(Phrase(why)))
    value, parts = reached.value, []
    sense, _ = sense_of(target, indicator.direction, indicator.name)
    if sense is Sense.HIGHER and target.value > 0:
        status.progress = rounded(value / target.value * _HUNDRED)
        parts.append(Phrase("完成进度 = {value} ÷ {target} = {progress}%", {
            "value": plain(value), "target": plain(target.value), "progress": status.progress}))
    if unit_kind(target.unit) is UnitKind.PERCENT:
        projection, how = value, Phrase("以百分比计量的指标按当前水平预计")
    else:
        projection = value * days / elapsed
        how = Phrase("全年预计 = {value} × {days} ÷ {elapsed} = {projected}", {
            "value": plain(value), "days": Decimal(days), "elapsed": Decimal(elapsed), "projected": rounded(projection)})
    if answer and answer.expected_value is not None:
        projection = answer.expected_value
        how = Phrase("全年预计完成值采用填报人填写的 {expected}", {"expected": plain(answer.expected_value)})
    status.projected = rounded(projection)
    return status.model_copy(update=explained(Phrase.joined([*parts, how])))


def _warnings(profile: Profile, period_end: date, rate: Decimal, planned: Decimal,
              statuses: list[IndicatorStatus]) -> list[Alert]:
    rules, rounded, found = profile.monitoring, profile.rounding, []
    # Compared as shown: a gap that rounds to 0.00 would read "相差 0.00 个百分点" and no audit of the written table
    # could find it.
    gap = rounded(planned - rate)
    behind = rules.behind_plan
    if behind.enabled and gap > behind.yellow_gap:
        light = Light.RED if gap > behind.red_gap else Light.YELLOW
        template = "执行率 {rate}% 低于计划进度 {planned}%，相差 {gap} 个百分点" + (
            "（超过 {red_gap} 个百分点）" if light is Light.RED else "")
        found.append(Alert.of(template, {"rate": rounded(rate), "planned": rounded(planned), "gap": rounded(gap),
                                         **({"red_gap": plain(behind.red_gap)} if light is Light.RED else {})},
                              code="behind_plan", light=light, local=behind.local))
    ahead = rules.ahead_of_plan
    if ahead.enabled and rate <= _HUNDRED and -gap > ahead.yellow_gap:
        light = Light.RED if -gap > ahead.red_gap else Light.YELLOW
        found.append(Alert.of(
            "执行率 {rate}% 超过计划进度 {planned}%，领先 {lead} 个百分点（超过 {line} 个百分点），请核实支出是否先于工作进度",
            {"rate": rounded(rate), "planned": rounded(planned), "lead": rounded(-gap),
             "line": plain(ahead.red_gap if light is Light.RED else ahead.yellow_gap)},
            code="ahead_of_plan", light=light, local=ahead.local))
    if rules.over_budget.enabled and rate > _HUNDRED:
        found.append(Alert.of("已支出超过预算：执行率 {rate}%，超出预算 {over} 个百分点；请核实支出记录，或办理预算调整",
                              {"rate": rounded(rate), "over": rounded(rate - _HUNDRED)},
                              code="over_budget", light=Light.RED, local=rules.over_budget.local))
    floors = rules.floors
    due = [f for f in floors.checkpoints if month_end(period_end.year, f.month) <= period_end] if floors.enabled else []
    if due:
        floor = max(due, key=lambda f: f.month)
        if rate < floor.percent:
            found.append(Alert.of("执行率 {rate}% 低于 {month}月底应达到的 {floor}%",
                                  {"rate": rounded(rate), "month": str(floor.month), "floor": plain(floor.percent)},
                                  code="below_floor", light=Light.RED, local=floors.local))
    progress = [min(s.progress, _HUNDRED) for s in statuses if s.progress is not None]
    apart = rules.progress_gap
    if apart.enabled and progress:
        average = sum(progress) / len(progress)
        if abs(average - rate) > apart.points:
            found.append(Alert.of(
                "指标平均完成进度 {average}% 与执行率 {rate}% 相差 {apart} 个百分点，超过 {line} 个百分点，资金与目标进度不匹配",
                {"average": rounded(average), "rate": rounded(rate), "apart": rounded(abs(average - rate)),
                 "line": plain(apart.points)},
                code="progress_gap", light=Light.YELLOW, local=apart.local))
    for status in statuses:
        answer = status.answer
        if answer and answer.likelihood is not Likelihood.CERTAIN:
            light = Light.RED if answer.likelihood is Likelihood.IMPOSSIBLE else Light.YELLOW
            causes = Phrase.listing("{cause}", [{"cause": cause} for cause in answer.causes])
            found.append(Alert.of("指标“{name}”完成目标可能性为“{likelihood}”，原因：{causes}；改进措施：{remedy}",
                                  {"name": status.name, "likelihood": answer.likelihood.value, "causes": causes,
                                   "remedy": answer.remedy or ""},
                                  code="goal_at_risk", light=light, indicator=status.indicator))
    return found
