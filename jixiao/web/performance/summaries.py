"""Stored summaries: each approved sheet's monitoring light and self-evaluation score as the core computed them.

Overviews of a whole bureau read :class:`Summary` rows; they never ask the core again for every sheet. Every
service that changes an input calls :func:`summary_refresh` (or :func:`summaries_refresh` for a bureau's
setting) inside its own transaction, so a stored summary never disagrees with a fresh computation.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import units_visible
from jixiao.web.performance.models import Summary, Tracking
from jixiao.web.performance.selectors import SheetYear, approved_content, season_of
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
    """Recompute and store the summary of ``sheet``; None (and no row) before its first approval.

    A bureau setting the core cannot use leaves the summary with that reason instead of a result.
    """
    content = approved_content(sheet)
    if content is None:
        Summary.objects.filter(sheet=sheet).delete()
        return None
    tracking = Tracking.objects.filter(sheet=sheet).first()
    try:
        season = season_of(sheet.unit.bureau_id, sheet.year)
    except SheetError as error:
        fields = {"period_end": timezone.localdate(), "light": "", "execution_rate": None, "planned": None,
                  "gap": None, "warnings": [], "monitoring_problems": [error.message], "score_total": None,
                  "grade": "", "score_problems": [error.message], "before_year": False}
    else:
        fields = summary_fields(SheetYear(sheet=sheet, content=content, tracking=tracking, season=season))
    summary, _ = Summary.objects.update_or_create(sheet=sheet, defaults=fields)
    return summary


def summaries_refresh(sheets) -> int:
    """Recompute the summaries of ``sheets`` (e.g. every approved sheet of a bureau's year); returns how many."""
    count = 0
    for sheet in sheets.filter(approved_versions__isnull=False).distinct().select_related("unit"):
        summary_refresh(sheet)
        count += 1
    return count


def summaries_stale(sheets) -> int:
    """Refresh the summaries computed before their budget year began, once it has begun (monitoring then starts
    judging progress), and those missing for an approved sheet. Returns how many were refreshed."""
    begun = Q(summary__before_year=True, year__lte=timezone.localdate().year)
    return summaries_refresh(sheets.filter(Q(summary__isnull=True) | begun))


def bureau_summaries(member: Member | None, year: int, unit_id: int | None = None) -> QuerySet[Summary]:
    """The stored summary of every approved sheet the member may see for ``year`` (one unit's when ``unit_id``),
    by unit and code. Summaries computed before the year began are refreshed first (see :class:`Summary`)."""
    sheets = Sheet.objects.filter(unit__in=units_visible(member), year=year, deleted_at__isnull=True,
                                  approved_versions__isnull=False)
    if unit_id:
        sheets = sheets.filter(unit_id=unit_id)
    summaries_stale(sheets)
    return (Summary.objects.filter(sheet__in=sheets).select_related("sheet__unit")
            .order_by("sheet__unit__code", "sheet__code", "sheet_id"))


@receiver(post_save, sender=ApprovedVersion, dispatch_uid="summary_on_approval")
def _on_approval(sender, instance: ApprovedVersion, **kwargs) -> None:
    """An approval (first or after an adjustment) sets the targets the year is measured against."""
    summary_refresh(instance.sheet)


@receiver(post_save, sender=Sheet, dispatch_uid="summary_on_sheet_edit")
def _on_sheet_edit(sender, instance: Sheet, created: bool, **kwargs) -> None:
    """An edit of an approved sheet (its year, its unit) changes what its year is measured in."""
    if not created and Summary.objects.filter(sheet=instance).exists():
        summary_refresh(instance)
