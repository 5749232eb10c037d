"""What the web application stores about an approved sheet's year: spending, progress, answers and results.

Everything is kept in the core's terms (see :mod:`jixiao.web.performance.conversion`). Monitoring and scores are
computed by the core from these records; :class:`Summary` keeps the latest result per sheet for the overviews.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jixiao.model import FundSource, Likelihood, QualitativeTier
from jixiao.model.wording import Worded
from jixiao.scoring import Light
from jixiao.web.organisation.models import Unit
from jixiao.web.sheets.models import MONEY as SHEET_MONEY
from jixiao.web.sheets.models import ChangeRecord, Sheet

__all__ = ["Answer", "BureauSetting", "Change", "Progress", "Result", "Spending", "Summary", "Tracking",
           "UnitYearSummary", "messages_kept", "messages_shown"]

# Amounts keep the places of the sheet budgets they are spent from (万元 printed with four or six decimals).
MONEY = {"max_digits": SHEET_MONEY["max_digits"], "decimal_places": SHEET_MONEY["decimal_places"]}
VALUE = {"max_digits": 20, "decimal_places": 4, "null": True, "blank": True}


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


def messages_kept(messages: list[Worded]) -> list[dict]:
    """How a summary keeps the core's ``messages`` (warnings, problems): each its template and parameters."""
    return [message.model_dump(mode="json", include={"template", "params"}) for message in messages]


def messages_shown(kept: list) -> list[str]:
    """The messages a summary kept, rendered; a summary stored before it kept them as data holds their texts."""
    return [Worded.model_validate(message).message for message in kept]


class BureauSetting(models.Model):
    """A bureau's choice for one year: the scoring profile and the end of the monitoring period (1–n月)."""

    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    profile = models.CharField("评分方案", max_length=255, default="central")
    period_end = models.DateField("监控截止日期")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "监控与评分设置"
        constraints = [models.UniqueConstraint(fields=["bureau", "year"], name="one_setting_per_bureau_year")]

    def __str__(self) -> str:
        return f"{self.year} 年监控与评分设置"


class Tracking(models.Model):
    """The year of one approved sheet. ``version`` rises with every save (optimistic locking, as Sheet)."""

    sheet = models.OneToOneField(Sheet, on_delete=models.CASCADE, related_name="tracking")
    version = models.PositiveIntegerField("版本", default=1)
    budget_initial = models.DecimalField("年初预算数", null=True, blank=True, **MONEY)
    budget_full = models.DecimalField("全年预算数", null=True, blank=True, **MONEY)
    spent = models.DecimalField("全年执行数", null=True, blank=True, **MONEY)
    overall_actual = models.TextField("年度总体目标实际完成情况", blank=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "执行情况"


class Spending(models.Model):
    """A payment (``cumulative`` false) or a cumulative figure as of a date (source empty: all sources)."""

    tracking = models.ForeignKey(Tracking, on_delete=models.CASCADE, related_name="spending")
    cumulative = models.BooleanField("累计数", default=False)
    day = models.DateField("日期")
    amount = models.DecimalField("金额", **MONEY)
    source = models.CharField("资金来源", max_length=8, choices=_choices(FundSource), blank=True)
    note = models.CharField("摘要", max_length=200, blank=True)

    class Meta:
        verbose_name = "资金支出"
        ordering = ["day", "id"]


class Progress(models.Model):
    """The value an indicator (1-based ``indicator``) reached by ``as_of``, with the evidence."""

    tracking = models.ForeignKey(Tracking, on_delete=models.CASCADE, related_name="progress")
    indicator = models.PositiveIntegerField("指标序号")
    name = models.CharField("三级指标", max_length=200, blank=True)
    as_of = models.DateField("截至日期")
    value = models.DecimalField("实际完成值", **VALUE)
    text = models.CharField("完成情况（文字）", max_length=300, blank=True)
    evidence = models.CharField("佐证材料", max_length=300, blank=True)

    class Meta:
        verbose_name = "指标进度"
        ordering = ["indicator", "as_of", "id"]


class Answer(models.Model):
    """The preparer's monitoring answer for one indicator at one period end."""

    tracking = models.ForeignKey(Tracking, on_delete=models.CASCADE, related_name="answers")
    period_end = models.DateField("监控截止日期")
    indicator = models.PositiveIntegerField("指标序号")
    name = models.CharField("三级指标", max_length=200, blank=True)
    likelihood = models.CharField("完成目标可能性", max_length=8, choices=_choices(Likelihood))
    causes = models.JSONField("偏差原因", default=list, blank=True)
    cause_note = models.TextField("偏差原因说明", blank=True)
    remedy = models.TextField("改进措施", blank=True)
    expected_value = models.DecimalField("全年预计完成值", **VALUE)

    class Meta:
        verbose_name = "监控填报"
        ordering = ["period_end", "indicator"]
        constraints = [models.UniqueConstraint(fields=["tracking", "period_end", "indicator"],
                                               name="one_answer_per_indicator_and_period")]


class Result(models.Model):
    """One indicator's year-end result (绩效自评)."""

    tracking = models.ForeignKey(Tracking, on_delete=models.CASCADE, related_name="results")
    indicator = models.PositiveIntegerField("指标序号")
    name = models.CharField("三级指标", max_length=200, blank=True)
    actual = models.DecimalField("实际完成值", **VALUE)
    actual_raw = models.CharField("实际完成值（原文）", max_length=300, blank=True)
    tier = models.CharField("定性档次", max_length=20, choices=_choices(QualitativeTier), blank=True)
    tier_percent = models.DecimalField("得分比例（%）", max_digits=5, decimal_places=2, null=True, blank=True)
    tier_reason = models.TextField("评分理由", blank=True)
    not_applicable = models.BooleanField("不适用", default=False)
    deviation = models.TextField("偏差原因分析及改进措施", blank=True)

    class Meta:
        verbose_name = "自评结果"
        ordering = ["indicator"]
        constraints = [models.UniqueConstraint(fields=["tracking", "indicator"], name="one_result_per_indicator")]


class Change(ChangeRecord):
    """One recorded change to a sheet's year (execution, monitoring, self-evaluation)."""

    tracking = models.ForeignKey(Tracking, on_delete=models.CASCADE, related_name="changes")

    class Meta(ChangeRecord.Meta):
        verbose_name = "执行与自评修改记录"


class Summary(models.Model):
    """What the core computed for one approved sheet's year, kept so overviews read it instead of recomputing.

    Rewritten by :func:`jixiao.web.performance.summaries.summary_refresh` in the same transaction as every change
    of its inputs (approval, spending, progress, answers, self-evaluation, the bureau's setting, the sheet moved to
    another unit or year). A deleted sheet has none. ``before_year`` marks a summary computed before its budget
    year began (monitoring is 未开始 then): such summaries are refreshed once the year has begun. ``unit``,
    ``year`` and ``code`` repeat the sheet's, so the overview pages a unit's summaries and finds those at risk
    through an index of this table alone. ``computed_with`` names the scoring code that computed it: an upgrade
    is a change of its inputs too, handled by the recheck ``jixiao serve`` queues.
    """

    sheet = models.OneToOneField(Sheet, on_delete=models.CASCADE, related_name="summary")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    code = models.CharField("项目编码", max_length=64, blank=True)
    period_end = models.DateField("监控截止日期")
    before_year = models.BooleanField("计算时预算年度尚未开始", default=False)
    light = models.CharField("监控灯", max_length=16, blank=True)
    execution_rate = models.DecimalField("执行率", max_digits=12, decimal_places=2, null=True)
    planned = models.DecimalField("计划进度", max_digits=12, decimal_places=2, null=True)
    gap = models.DecimalField("进度差", max_digits=12, decimal_places=2, null=True)
    # The core's messages as data, each {"template", "params"} (messages_kept); a summary stored before holds their
    # texts, read as they are (messages_shown), until the recheck after an upgrade computes it again.
    warnings = models.JSONField("预警", default=list)
    monitoring_problems = models.JSONField("无法监控的原因", default=list)
    score_total = models.DecimalField("自评得分", max_digits=8, decimal_places=2, null=True)
    grade = models.CharField("自评等级", max_length=4, blank=True)
    score_problems = models.JSONField("无法评分的原因", default=list)
    # The scoring code and shipped profiles that computed it (jixiao.scoring.scoring_fingerprint): after an upgrade
    # the recheck (jixiao.web.sheets.services.recheck) computes again those of another fingerprint.
    computed_with = models.CharField("计算所用的评分规则", max_length=64, blank=True, default="")

    class Meta:
        verbose_name = "监控与自评汇总"
        indexes = [
            # The recheck after an upgrade finds the summaries computed by other code.
            models.Index(fields=["computed_with"], name="summary_computed_with"),
            # The overview refreshes the summaries computed before their year on each view: only those are indexed.
            models.Index(fields=["sheet"], condition=models.Q(before_year=True), name="summary_before_year"),
            # A unit's year in the order of the overview's table (a page starts inside a unit), and its figures.
            models.Index(fields=["unit", "year", "code", "sheet"], name="summary_unit_order"),
            # The projects at risk of a year (of a unit's year), per light the widest gap first.
            models.Index(fields=["year", "light", "-gap", "sheet"], name="summary_at_risk"),
            models.Index(fields=["unit", "year", "light", "-gap", "sheet"], name="summary_unit_at_risk"),
        ]

    @property
    def light_label(self) -> str:
        """The light's Chinese word (empty when the core could not monitor the sheet)."""
        return Light(self.light).label if self.light else ""

    @property
    def warning_messages(self) -> list[str]:
        """The monitoring warnings, in Chinese."""
        return messages_shown(self.warnings)

    @property
    def monitoring_problem_messages(self) -> list[str]:
        """Why the core could not monitor the sheet, in Chinese."""
        return messages_shown(self.monitoring_problems)

    @property
    def score_problem_messages(self) -> list[str]:
        """Why the core could not score the sheet, in Chinese."""
        return messages_shown(self.score_problems)


SUM = {"max_digits": 20, "decimal_places": 2, "default": 0}


class UnitYearSummary(models.Model):
    """A unit's stored summaries of a year added up for the overview: how many sheets, of each light and grade, and
    the sums and counts its averages are made of (an average of averages would weigh units wrongly). A row exists
    only while the unit has a summary of the year.

    Rewritten from the unit's summaries by :func:`jixiao.web.performance.figures.figures_refresh` in the
    transaction of every change of one of them, so the overview reads a row per unit instead of aggregating.
    """

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    sheets = models.PositiveIntegerField("已批复项目")
    lights = models.JSONField("各监控灯的项目数", default=dict)  # {"red": 2, …}: lights no sheet has are left out
    grades = models.JSONField("各自评等级的项目数", default=dict)
    rate_sum = models.DecimalField("执行率合计", **SUM)  # over the monitored sheets, as rate_count
    rate_count = models.PositiveIntegerField("有执行率的项目", default=0)
    planned_sum = models.DecimalField("计划进度合计", **SUM)
    planned_count = models.PositiveIntegerField("有计划进度的项目", default=0)
    score_sum = models.DecimalField("自评得分合计", **SUM)
    score_count = models.PositiveIntegerField("已评分的项目", default=0)

    class Meta:
        verbose_name = "单位年度监控与自评汇总"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_summary_per_unit_year")]
