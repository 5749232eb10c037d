"""What the web application stores about goal sheets.

Indicator cells are stored as written; what they mean (canonical levels, the target's operator, value and
unit) is computed by the core from that text (see :mod:`jixiao.web.sheets.conversion`), and the findings the
review engine produced are stored as it reported them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from jixiao.web.organisation.models import Unit

__all__ = ["ApprovedVersion", "Comment", "FindingRecord", "HistoryEntry", "IndicatorRow",
           "PendingImport", "ReviewRound", "Sheet", "Status", "UnitGoals", "UnitYearCounts"]

# Budgets are kept as the document prints them: 万元 amounts are published with up to four decimals (to the 元) and
# sometimes six (to the 分), so six places, with 14 digits before the point.
MONEY = {"max_digits": 20, "decimal_places": 6, "null": True, "blank": True}
# A year a document prints has four digits; the bound is the same on every database (SQLite bounds no integer).
YEAR_DIGITS = MaxValueValidator(9999)


class Status(models.TextChoices):
    """The review workflow's states (transitions in :mod:`jixiao.web.sheets.workflow`)."""

    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已批复"


class Sheet(models.Model):
    """One project's 绩效目标表 for one unit and year. ``version`` rises with every save (optimistic locking)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="sheets")
    year = models.PositiveSmallIntegerField("年度")
    code = models.CharField("项目编码", max_length=64, blank=True)
    name = models.CharField("项目名称", max_length=200, blank=True)
    title = models.CharField("表头", max_length=300, blank=True)
    money_unit = models.CharField("金额单位", max_length=4, choices=[("万元", "万元"), ("元", "元")], default="万元")
    budget_total = models.DecimalField("预算数", **MONEY)
    budget_fiscal = models.DecimalField("其中：财政资金", **MONEY)
    budget_other = models.DecimalField("其他资金", **MONEY)
    # The budget's other sources printed beside 财政资金 and 其他资金 (政府性基金拨款, 上年结转资金 …): [label, amount]
    # pairs in the form's order, the amounts as text (jixiao.web.sheets.sources).
    budget_sources = models.JSONField("另列资金来源", default=list, blank=True)
    # The span a multi-year project runs and the whole span's budget (the core's GoalSheet.period: 项目期 / 实施期,
    # 中期资金总额), beside the year's (budget_*); all empty for a sheet that states none (jixiao.web.sheets.periods).
    period_text = models.TextField("实施期", blank=True)
    period_years = models.PositiveSmallIntegerField("实施期年数", null=True, blank=True)
    period_start = models.PositiveSmallIntegerField("实施期起始年度", null=True, blank=True, validators=[YEAR_DIGITS])
    period_end = models.PositiveSmallIntegerField("实施期结束年度", null=True, blank=True, validators=[YEAR_DIGITS])
    period_total = models.DecimalField("中期资金总额", **MONEY)
    period_fiscal = models.DecimalField("中期资金：财政资金", **MONEY)
    period_other = models.DecimalField("中期资金：其他资金", **MONEY)
    period_sources = models.JSONField("中期资金：另列资金来源", default=list, blank=True)
    purpose = models.TextField("资金用途", blank=True)
    spend_plan = models.JSONField("资金支出计划", default=list, blank=True)
    goals = models.JSONField("年度绩效目标", default=list, blank=True)
    long_term_goals = models.JSONField("中长期目标", default=list, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField("版本", default=1)
    grade = models.CharField("审核等级", max_length=1, blank=True)
    suggested_grade = models.CharField("建议等级", max_length=1, blank=True)
    score = models.DecimalField("审核得分", max_digits=5, decimal_places=2, null=True, blank=True)
    # How the score became the suggested grade (the engine's words: 100 − JX303×2（20） … = 78 → 中（因 JX905 最高评为中）):
    # a score of 78 beside 中 says nothing without it.
    grade_explanation = models.TextField("建议等级的计算", blank=True)
    # The rule set the stored review ran under (:func:`jixiao.review.ruleset_fingerprint`: jixiao's version and a
    # hash of the rules and the profile); "" for a review stored before it was recorded. A review under another
    # fingerprint than the current one may be out of date (:mod:`jixiao.web.sheets.services.recheck`).
    review_fingerprint = models.CharField("审核规则版本", max_length=80, blank=True)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    info_count = models.PositiveIntegerField("提示数", default=0)
    adjustment_reason = models.TextField("调整原因", blank=True)
    source = models.CharField("来源文件", max_length=255, blank=True)
    # What the reader found of an imported sheet beyond its fields (the table it stood in, the fields its form has,
    # what a report printed) and of the file around it (what kind of document, its layout, its overall goals, the
    # reader's notes about this sheet): the review reads the stored sheet in that file, as `jixiao check` reads it.
    # None for a sheet not read from a file.
    reading = models.JSONField("读取结果", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("修改时间", auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True)

    class Meta:
        verbose_name = "绩效目标表"
        indexes = [
            models.Index(fields=["unit", "year", "status"]),
            models.Index(fields=["year", "-updated_at"]),
            # A unit's list in the list's order (newest first, then by id: this index read backwards). Without it
            # SQLite walked the whole year's index in time order to find one unit's page. The year comes first: led by
            # the unit, SQLite without statistics took the unfiltered list off the time index too, to sort the year.
            models.Index(fields=["year", "unit", "updated_at", "id"], name="sheet_unit_list"),
            # Covers the counts of a bureau's year (the list's filters, a unit's states counted for the dashboard), so they
            # read this index and not the wide rows.
            models.Index(fields=["year", "unit", "deleted_at", "status", "error_count", "warning_count"],
                         name="sheet_year_counts"),
            # Finds the reviews stored under another rule set than the current one (at every start of the server)
            # without reading the wide rows.
            models.Index(fields=["status", "review_fingerprint"], name="sheet_review_fingerprint"),
        ]

    def __str__(self) -> str:
        return self.name or self.code or f"绩效目标表 {self.pk}"

    @property
    def is_locked(self) -> bool:
        """Approved and submitted sheets are not edited; an approved one changes only through an adjustment."""
        return self.status in (Status.SUBMITTED, Status.APPROVED)


class IndicatorRow(models.Model):
    """One row of the indicator grid, its cells as written (the official ones, the form's unit and operator
    columns' and its other columns'). ``position`` is the 1-based row number."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField("行号")
    level1 = models.CharField("一级指标", max_length=40, blank=True)
    level2 = models.CharField("二级指标", max_length=40, blank=True)
    name = models.CharField("三级指标", max_length=200, blank=True)
    description = models.TextField("绩效指标描述", blank=True)
    target = models.CharField("指标值", max_length=300, blank=True)
    long_term_target = models.CharField("中长期指标值", max_length=300, blank=True)
    weight = models.CharField("权重", max_length=20, blank=True)
    direction = models.CharField("指标方向性", max_length=20, blank=True)
    basis = models.TextField("指标值确定依据", blank=True)
    unit_column = models.CharField("计量单位栏", max_length=100, blank=True)
    operator_column = models.CharField("指标性质栏", max_length=100, blank=True)
    # Cells of the columns the form has beyond the official ones: [heading as written, cell] pairs in the form's
    # order (a list, as PostgreSQL's jsonb would reorder an object's keys).
    extra = models.JSONField("其他栏", default=list, blank=True)
    # The core's Indicator as the reader understood the imported row (Traditional level names, a value completed
    # by its unit column, a template's residue): what the cells alone cannot say again. The review uses it while
    # the row's cells are those it was read from, so a stored sheet is reviewed as `jixiao check` reviews the file.
    reading = models.JSONField("读取结果", null=True, blank=True)

    class Meta:
        verbose_name = "绩效指标"
        ordering = ["sheet", "position"]
        indexes = [models.Index(fields=["sheet", "position"])]


class FindingRecord(models.Model):
    """A review finding as the engine reported it for the sheet's current version.

    ``data`` is the engine's :class:`jixiao.review.Finding` as JSON (code, severity, template and parameters, fix,
    confidence, source, location): one shape from the engine to the page and the API, rendered late. ``rule``,
    ``severity``, ``row`` and ``blocking`` repeat parts of it as columns, for counting and filtering.
    """

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField("规则", max_length=16, db_index=True)
    severity = models.CharField("严重程度", max_length=8)
    row = models.PositiveIntegerField("行号", null=True, blank=True)
    blocking = models.BooleanField("阻止提交", default=False)
    data = models.JSONField("审核发现", default=dict)

    class Meta:
        verbose_name = "审核发现"
        ordering = ["sheet", "id"]
        # Covers the counting of a unit's findings of a year by rule (stored for the dashboard, UnitYearCounts).
        indexes = [models.Index(fields=["sheet", "rule", "severity"], name="finding_sheet_rule")]


class ChangeRecord(models.Model):
    """What every history row holds: who, when, which action, which field, the old and the new value."""

    version = models.PositiveIntegerField("版本")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)
    action = models.CharField("操作", max_length=20)
    field = models.CharField("字段", max_length=100, blank=True)
    old = models.TextField("原值", blank=True)
    new = models.TextField("新值", blank=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-id"]


class HistoryEntry(ChangeRecord):
    """One recorded change to a sheet."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="history")

    class Meta(ChangeRecord.Meta):
        verbose_name = "修改记录"
        indexes = [models.Index(fields=["sheet", "version"])]


class ReviewRound(models.Model):
    """One submission and its review. At most one is open per sheet (database constraint)."""

    class State(models.TextChoices):
        OPEN = "open", "审核中"
        RETURNED = "returned", "已退回"
        APPROVED = "approved", "已批复"

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="reviews")
    state = models.CharField("状态", max_length=10, choices=State.choices, default=State.OPEN)
    is_adjustment = models.BooleanField("调整", default=False)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    suggested_grade = models.CharField("建议等级", max_length=1, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    grade = models.CharField("等级", max_length=1, blank=True)
    reason = models.TextField("审核意见", blank=True)

    class Meta:
        verbose_name = "审核"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["sheet"], condition=Q(state="open"), name="one_open_review_per_sheet"),
        ]


class Comment(models.Model):
    """A reviewer's comment on the sheet or on one indicator."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="comments")
    review = models.ForeignKey(ReviewRound, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    indicator = models.ForeignKey(IndicatorRow, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="comments")
    indicator_name = models.CharField("指标", max_length=200, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField("时间", auto_now_add=True)
    text = models.TextField("意见")

    class Meta:
        verbose_name = "审核意见"
        ordering = ["at", "id"]


class ApprovedVersion(models.Model):
    """The sheet as approved (the core's GoalSheet as JSON), kept visible while an adjustment is under way."""

    sheet = models.ForeignKey(Sheet, on_delete=models.CASCADE, related_name="approved_versions")
    version = models.PositiveIntegerField("版本")
    grade = models.CharField("等级", max_length=1)
    approved_at = models.DateTimeField("批复时间", auto_now_add=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    content = models.JSONField("内容")

    class Meta:
        verbose_name = "批复版本"
        ordering = ["-approved_at", "-id"]


class PendingImport(models.Model):
    """Files read for an import, waiting for the user to confirm: the documents (or errors) as JSON."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    created_at = models.DateTimeField(auto_now_add=True)
    files = models.JSONField(default=list)


class UnitGoals(models.Model):
    """部门整体绩效目标 of a unit for a year, as the last imported document stated them (published with the tables)."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="overall_goals")
    year = models.PositiveSmallIntegerField("年度")
    aims = models.JSONField("总体绩效目标", default=list)
    duties = models.JSONField("分项绩效目标", default=list)
    measures = models.JSONField("工作保障措施", default=list)
    source = models.CharField("来源文件", max_length=255, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "部门整体绩效目标"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_overall_goals_per_unit_year")]


class UnitYearCounts(models.Model):
    """A unit's sheets of a year counted for the dashboard: how many are in each state, and their findings by rule
    and severity; deleted sheets are not counted. A row exists only while the unit has a sheet of the year.

    Rewritten from the sheets and their findings by :func:`jixiao.web.sheets.services.counts.counts_refresh` in
    the transaction of every change of them (a sheet created, edited, checked, moved along the workflow, deleted,
    restored or moved to another unit or year), so the dashboard reads a row per unit instead of counting.
    """

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    statuses = models.JSONField("各状态的表数", default=dict)  # {"draft": 3, …}: states no sheet is in are left out
    findings = models.JSONField("各规则的审核发现数", default=dict)  # {"JX101": {"error": 2}, …}

    class Meta:
        verbose_name = "单位年度填报情况"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_count_per_unit_year")]
