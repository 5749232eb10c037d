"""One audited document: what the unit printed, matched to the unit and its approved sheet, and the audit.

The findings are the core's :class:`~jixiao.model.finding.Finding` values as JSON (``model_dump``), and the recomputed
total's explanation a :class:`~jixiao.model.wording.Worded` message as JSON, both rendered when shown; the
side-by-side table is the core's :class:`~jixiao.scoring.audit.Recomputation` as JSON.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jixiao.model.sheet import UNNAMED
from jixiao.model.wording import Worded
from jixiao.scoring import builtin_profiles, load_profile
from jixiao.web.organisation.models import Unit
from jixiao.web.sheets.models import Sheet

__all__ = ["AuditedDocument"]

_SCORE = {"max_digits": 7, "decimal_places": 2, "null": True, "blank": True}


class AuditedDocument(models.Model):
    """One sheet of an uploaded self-evaluation (自评表) or monitoring table (监控表) and its audit."""

    class Kind(models.TextChoices):
        EVALUATION = "evaluation", "绩效自评表"
        MONITORING = "monitoring", "运行监控表"

    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="audited_documents")
    sheet = models.ForeignKey(Sheet, verbose_name="批复的绩效目标表", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="audited_documents")
    year = models.PositiveSmallIntegerField("年度")
    kind = models.CharField("类型", max_length=10, choices=Kind.choices)
    source = models.CharField("文件", max_length=255)
    project_code = models.CharField("项目编码", max_length=64, blank=True)
    project_name = models.CharField("项目名称", max_length=200, blank=True)
    profile = models.CharField("评分方案", max_length=64)
    content = models.JSONField("读取的内容")
    findings = models.JSONField("复核发现", default=list)
    table = models.JSONField("复算表", default=list)
    claimed_total = models.DecimalField("自评总分", **_SCORE)
    claimed_is_sum = models.BooleanField("总分未印，取各行得分之和", default=False)
    expected_total = models.DecimalField("复算总分", **_SCORE)
    gap = models.DecimalField("自评总分 − 复算总分", **_SCORE)
    total_explanation = models.JSONField("复算总分说明", null=True, blank=True)
    printed_grade = models.CharField("所印等级", max_length=4, blank=True)
    expected_grade = models.CharField("复算等级", max_length=4, blank=True)
    error_count = models.PositiveIntegerField("错误数", default=0)
    warning_count = models.PositiveIntegerField("警告数", default=0)
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "自评复核"
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["bureau", "year"])]

    def __str__(self) -> str:
        return f"{self.label}（{self.source}）"

    @property
    def profile_label(self) -> str:
        """The profile as the upload form named it (中央默认（财预〔2020〕10号）), not its file name (central)."""
        return load_profile(self.profile).label if self.profile in builtin_profiles() else self.profile

    @property
    def total_explained(self) -> str:
        """How the recomputed total was made (:attr:`total_explanation`, a message as data) rendered, or nothing where
        the total is simply the recomputed rows added up."""
        return Worded.model_validate(self.total_explanation).message if self.total_explanation else ""

    @property
    def label(self) -> str:
        """How the project is named to people: its name, else its code, else that it has neither."""
        return self.project_name or self.project_code or UNNAMED
