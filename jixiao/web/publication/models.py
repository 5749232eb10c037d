"""What is published: a snapshot per published version, never the live sheet.

A publication copies the approved goal sheet (masked, see :mod:`jixiao.model.privacy`) at the moment the bureau
publishes it. Later edits or adjustments never change it: an adjustment is published as a new version (``number``
rises) with its date and reason, and the earlier version stays visible. Withdrawing hides a version from every
public page and data file but keeps the row, so the record of what was public, and when, survives.

Three tables: ``Publication`` holds the narrow columns every list, search and feed reads; the snapshot itself (a
few kilobytes of JSON) is in ``PublicationContent``, read only for the one table a page shows and for the open
data, so that scanning the publications never walks the snapshots (on SQLite a wide row spans several pages);
``PublishedYear`` keeps each unit's figures of a year, rewritten from the publications in the same transaction as
every publish, withdrawal and published result, so a bureau's year page reads a hundred small rows, and
``PublishedBureauYear`` the bureau's year from those (totals and the charts' figures), rewritten with them; and
``SearchEntry`` holds the text search reads, one row per current public version (see
:mod:`jixiao.web.publication.search`); ``PublicRevision`` names the state of the whole public site, under which its
rendered pages are kept (see :mod:`jixiao.web.publication.pagecache`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from jixiao.model.sheet import UNNAMED
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.figures import GRADES, average
from jixiao.web.sheets.models import MONEY, Sheet

__all__ = ["Publication", "PublicRevision", "PublicationContent", "PublishedBureauYear", "PublishedYear", "SearchEntry"]


class PublicationQuerySet(models.QuerySet):
    def public(self) -> PublicationQuerySet:
        """Versions the public may see: published and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def current(self) -> PublicationQuerySet:
        """The newest public version of each sheet."""
        return self.public().filter(is_current=True)


class Publication(models.Model):
    """One published version of an approved goal sheet, with its self-evaluation result once that is published."""

    sheet = models.ForeignKey(Sheet, on_delete=models.PROTECT, related_name="publications")
    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="publications")
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveIntegerField("公开版本")
    is_current = models.BooleanField("最新版本", default=True)
    code = models.CharField("项目编码", max_length=64, blank=True)
    name = models.CharField("项目名称", max_length=200, blank=True)
    approved_version = models.PositiveIntegerField("批复版本")
    approved_at = models.DateTimeField("批复时间")
    grade = models.CharField("审核等级", max_length=1, blank=True)
    reason = models.TextField("调整原因", blank=True)
    budget_total = models.DecimalField("预算数", **MONEY)  # copied from the sheet, so its places
    indicator_count = models.PositiveIntegerField("指标数", default=0)
    # Figures of the published self-evaluation, kept as columns so that a year's charts are one SQL query.
    score = models.DecimalField("自评得分", max_digits=5, decimal_places=2, null=True, blank=True)
    score_grade = models.CharField("自评等级", max_length=1, blank=True)
    targets_met = models.PositiveIntegerField("达到目标的指标数", null=True, blank=True)
    targets_scored = models.PositiveIntegerField("评分的指标数", null=True, blank=True)
    evaluation_published_at = models.DateTimeField("自评结果公开时间", null=True, blank=True)
    published_at = models.DateTimeField("公开时间", auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                     related_name="+")
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    withdraw_reason = models.TextField("撤回原因", blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "公开的绩效目标表"
        ordering = ["unit__code", "code", "name", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "number"], name="one_publication_number_per_sheet"),
            models.UniqueConstraint(fields=["sheet"], condition=models.Q(is_current=True, withdrawn_at__isnull=True),
                                    name="one_current_publication_per_sheet"),
        ]
        indexes = [
            models.Index(fields=["bureau", "year", "is_current"]),
            models.Index(fields=["unit", "year"]),
            models.Index(fields=["-published_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.label}（{self.year}年度，第{self.number}版）"

    @property
    def label(self) -> str:
        """How the table is named to people: its project name, else its code, else that it has neither."""
        return self.name or self.code or UNNAMED


class PublicationContent(models.Model):
    """The published snapshot of a version: the masked goal sheet, the unit's 部门整体 goals and, once published,
    the masked self-evaluation result."""

    publication = models.OneToOneField(Publication, primary_key=True, on_delete=models.CASCADE, related_name="body")
    content = models.JSONField("公开内容")
    overall = models.JSONField("部门整体绩效目标", null=True, blank=True)
    evaluation = models.JSONField("自评结果", null=True, blank=True)

    class Meta:
        verbose_name = "公开内容"


class PublishedYear(models.Model):
    """A unit's current public tables of a year in figures; a row exists only while the unit has one."""

    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="published_years")
    year = models.PositiveSmallIntegerField("年度")
    tables = models.PositiveIntegerField("公开的表")
    scored = models.PositiveIntegerField("已公开自评")
    score_sum = models.DecimalField("自评得分合计", max_digits=12, decimal_places=2, default=0)
    targets_met = models.PositiveIntegerField("达到目标的指标数", default=0)
    targets_scored = models.PositiveIntegerField("评分的指标数", default=0)
    grades = models.JSONField("各等级的表数", default=dict)

    class Meta:
        verbose_name = "单位年度公开情况"
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_published_year_per_unit")]
        indexes = [models.Index(fields=["bureau", "year"])]

    @property
    def average(self) -> float | None:
        """The average self-evaluation score of the unit's published results, to two places."""
        return average(self.score_sum, self.scored)

    @property
    def grade_counts(self) -> str:
        """How many tables have each grade, 优 / 良 / 中 / 差 (one cell of a year's list, one template lookup)."""
        return " / ".join(str(self.grades.get(grade, 0)) for grade in GRADES)


class PublishedBureauYear(models.Model):
    """A bureau's year while any of its units has a public table: totals and the charts' figures, rewritten from
    the units' ``PublishedYear`` rows whenever one of them is."""

    bureau = models.ForeignKey(Unit, verbose_name="财政局", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    units = models.PositiveIntegerField("公开的单位")
    tables = models.PositiveIntegerField("公开的表")
    scored = models.PositiveIntegerField("已公开自评")
    chart = models.JSONField("图表数据", default=dict)

    class Meta:
        verbose_name = "财政部门年度公开情况"
        constraints = [models.UniqueConstraint(fields=["bureau", "year"], name="one_published_year_per_bureau")]


class SearchEntry(models.Model):
    """The text a current public version is found by, with the results' order; a row exists only while its
    version is current and not withdrawn.

    ``text`` is normalised (:func:`jixiao.web.publication.search.search_key`). Its trigram index is not declared
    here, since no Django index type serves both databases: migration 0003 makes it, on SQLite an FTS5 table kept
    in step by triggers on this table (a migration that remakes this table on SQLite must make them again; the
    search tests fail if it does not).
    """

    publication = models.OneToOneField(Publication, primary_key=True, on_delete=models.CASCADE,
                                       related_name="search_entry")
    year = models.PositiveSmallIntegerField("年度")
    unit_code = models.CharField("单位编码", max_length=32)
    code = models.CharField("项目编码", max_length=64, blank=True)
    text = models.TextField("检索文本")

    class Meta:
        verbose_name = "检索条目"
        # The results' order: a word found in most tables reads the first page's rows only.
        indexes = [models.Index(fields=["-year", "unit_code", "code", "publication"], name="publication_search_order")]


class PublicRevision(models.Model):
    """The one row naming what the public site shows: a new random token in the transaction of every publish,
    new version, published result and withdrawal."""

    token = models.CharField("公开网站版本", max_length=32)

    class Meta:
        verbose_name = "公开网站版本"
