"""Stored summaries: each approved sheet's monitoring light and self-evaluation score as the core computed them.

Overviews of a whole bureau read :class:`Summary` rows and their units' figures
(:mod:`jixiao.web.performance.figures`); they never ask the core again for every sheet. Every service that changes
an input calls :func:`summary_refresh` (or :func:`summaries_refresh` for a bureau's setting) inside its own
transaction, and so do the receivers below for an approval and for a sheet moved, recoded, deleted or restored,
so a stored summary never disagrees with a fresh computation.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import units_visible
from jixiao.web.performance.figures import figures_refresh
from jixiao.web.performance.models import Summary, Tracking
from jixiao.web.performance.selectors import SheetYear, approved_content, season_of
from jixiao.web.refreshes import refresh, refreshes_batched
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import ApprovedVersion, Sheet

__all__ = ["bureau_summaries", "summaries_refresh", "summaries_stale", "summary_fields", "summary_refresh"]


def summary_fields(year: SheetYear) -> dict[str, object]:
    """The Summary columns of one sheet's year, as the core computes them now."""
    result, problems = year.monitoring()
    score, score_problems = year.score()
    return {
        "period_end": year.season.period_end,
        "before_year": timezone.localdate().year < year.sheet.year,
        "light": result.light.value if result else "",
        "execution_rate": result.execution_rate if result else None,
        "planned": result.planned if result else None,
        "gap": result.gap if result else None,
        "warnings": [w.message for w in result.warnings] if result else [],
        "monitoring_problems": problems,
        "score_total": score.total if score else None,
        "grade": score.grade if score else "",
        "score_problems": [p.message for p in score_problems],
    }


def summary_refresh(sheet: Sheet) -> Summary | None:
    """Recompute and store the summary of ``sheet``, and have its unit's figures of the year (and of the unit or
    year it left) added up again; None (and no row) before its first approval or while it is deleted.

    A bureau setting the core cannot use leaves the summary with that reason instead of a result.
    """
    content = approved_content(sheet) if sheet.deleted_at is None else None
    if content is None:
        Summary.objects.filter(sheet=sheet).delete()  # the figures follow (receiver in figures)
        return None
    before = Summary.objects.filter(sheet=sheet).values_list("unit_id", "year").first()
    tracking = Tracking.objects.filter(sheet=sheet).first()
    try:
        season = season_of(sheet.unit.bureau_id, sheet.year)
    except SheetError as error:
        fields = {"period_end": timezone.localdate(), "light": "", "execution_rate": None, "planned": None,
                  "gap": None, "warnings": [], "monitoring_problems": [error.message], "score_total": None,
                  "grade": "", "score_problems": [error.message], "before_year": False}
    else:
        fields = summary_fields(SheetYear(sheet=sheet, content=content, tracking=tracking, season=season))
    summary, _ = Summary.objects.update_or_create(sheet=sheet, defaults={
        "unit_id": sheet.unit_id, "year": sheet.year, "code": sheet.code, **fields})
    for unit_id, year in {before, (sheet.unit_id, sheet.year)} - {None}:
        refresh(figures_refresh, unit_id, year)
    return summary


@refreshes_batched()  # each unit's figures are added up once, after all its summaries
def summaries_refresh(sheets) -> int:
    """Recompute the summaries of ``sheets`` (e.g. every approved sheet of a bureau's year); returns how many."""
    count = 0
    for sheet in sheets.filter(approved_versions__isnull=False).distinct().select_related("unit"):
        summary_refresh(sheet)
        count += 1
    return count


def summaries_stale(summaries: QuerySet[Summary]) -> int:
    """Refresh those of ``summaries`` computed before their budget year began, once it has begun (monitoring then
    starts judging progress). Returns how many were refreshed. Only such summaries are read (a partial index holds
    them), so a view pays nothing for a bureau's settled year."""
    stale = Summary.objects.filter(before_year=True).values("sheet_id")
    return summaries_refresh(Sheet.objects.filter(pk__in=stale, year__lte=timezone.localdate().year,
                                                  summary__in=summaries))


def bureau_summaries(member: Member | None, year: int, unit_id: int | None = None) -> QuerySet[Summary]:
    """The stored summary of every approved sheet the member may see for ``year`` (one unit's when ``unit_id``),
    by unit and code. Summaries computed before the year began are refreshed first (see :class:`Summary`).

    A summary exists exactly for each approved sheet not deleted (:func:`summary_refresh` on every approval,
    deletion and restoration, migration 0005 for the sheets approved before summaries were kept), and it repeats
    its sheet's unit and year, so the summaries are read without joining their sheets."""
    summaries = Summary.objects.filter(unit__in=units_visible(member), year=year)
    if unit_id:
        summaries = summaries.filter(unit_id=unit_id)
    summaries_stale(summaries)
    return summaries.select_related("sheet__unit").order_by("sheet__unit__code", "code", "sheet_id")


@receiver(post_save, sender=ApprovedVersion, dispatch_uid="summary_on_approval")
def _on_approval(sender, instance: ApprovedVersion, **kwargs) -> None:
    """An approval (first or after an adjustment) sets the targets the year is measured against."""
    summary_refresh(instance.sheet)


# The columns of a sheet its summary depends on or repeats: a save that writes none of them leaves it as it is.
_SUMMARISED = frozenset({"unit", "unit_id", "year", "code", "deleted_at"})


@receiver(post_save, sender=Sheet, dispatch_uid="summary_on_sheet_edit")
def _on_sheet_edit(sender, instance: Sheet, created: bool, update_fields, raw: bool, **kwargs) -> None:
    """A sheet moved to another unit or year (what its year is measured in), recoded, deleted or restored."""
    if created or raw or (update_fields is not None and not _SUMMARISED & set(update_fields)):
        return
    stored = Summary.objects.filter(sheet=instance).values_list("unit_id", "year", "code").first()
    if stored is None:
        restored = instance.deleted_at is None and (update_fields is None or "deleted_at" in update_fields)
        if restored and instance.approved_versions.exists():
            summary_refresh(instance)
    elif instance.deleted_at is not None or stored != (instance.unit_id, instance.year, instance.code):
        summary_refresh(instance)
