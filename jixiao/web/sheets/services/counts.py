"""A unit's sheets of a year counted for the dashboard (:class:`UnitYearCounts`), kept in step with the sheets.

Every save of a sheet that writes its unit, year, state or deletion, every new or deleted sheet (receivers below)
and every check that rewrites its findings (:func:`jixiao.web.sheets.services.findings.findings_refresh`) asks
for its unit's year to be counted again, in the same transaction; a sheet moved to another unit or year has both
counted again.
"""

from __future__ import annotations

from django.apps import apps as live_apps
from django.db.models import Count
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from jixiao.web.organisation.models import Unit
from jixiao.web.refreshes import refresh
from jixiao.web.sheets.models import FindingRecord, Sheet, UnitYearCounts

__all__ = ["counts_fill", "counts_of", "counts_refresh"]

# The columns of a sheet the counts depend on: a save that writes none of them leaves the counts as they are.
_COUNTED = frozenset({"unit", "unit_id", "year", "status", "deleted_at"})
_PLACE = frozenset({"unit", "unit_id", "year"})


def counts_of(status_rows, finding_rows) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The stored form of one unit's year from (status, n) and (rule, severity, n) rows."""
    findings: dict[str, dict[str, int]] = {}
    for rule, severity, n in finding_rows:
        findings.setdefault(rule, {})[severity] = n
    return {status: n for status, n in status_rows}, findings


def counts_refresh(unit_id: int, year: int) -> UnitYearCounts | None:
    """Count the unit's sheets of ``year`` again (inside the write's transaction); the row goes when none is left.

    The unit's row is locked first: two writers of one unit would otherwise each count without the other's
    uncommitted change and the later write would keep a wrong figure. Once the lock is had, the counting query
    sees what the other committed (as :func:`jixiao.web.publication.services.published_year_refresh`).
    """
    Unit.objects.select_for_update().filter(pk=unit_id).values_list("pk").first()
    sheets = Sheet.objects.filter(unit_id=unit_id, year=year, deleted_at__isnull=True).order_by()
    statuses, findings = counts_of(
        sheets.values_list("status").annotate(n=Count("id")),
        FindingRecord.objects.filter(sheet__in=sheets).order_by().values_list("rule", "severity").annotate(n=Count("id")))
    if not statuses:
        UnitYearCounts.objects.filter(unit_id=unit_id, year=year).delete()
        return None
    row, _ = UnitYearCounts.objects.update_or_create(unit_id=unit_id, year=year,
                                                     defaults={"statuses": statuses, "findings": findings})
    return row


def counts_fill(apps=live_apps) -> int:
    """Count every unit's year afresh in a few grouped queries (the data migration, with its historical ``apps``,
    and bulk loads that bypass the services); returns how many rows were written."""
    sheets = apps.get_model("sheets", "Sheet").objects.filter(deleted_at__isnull=True).order_by()
    findings = apps.get_model("sheets", "FindingRecord").objects.filter(sheet__deleted_at__isnull=True).order_by()
    statuses: dict[tuple[int, int], list] = {}
    for unit_id, year, status, n in sheets.values_list("unit_id", "year", "status").annotate(n=Count("id")):
        statuses.setdefault((unit_id, year), []).append((status, n))
    found: dict[tuple[int, int], list] = {}
    for unit_id, year, rule, severity, n in findings.values_list(
            "sheet__unit_id", "sheet__year", "rule", "severity").annotate(n=Count("id")):
        found.setdefault((unit_id, year), []).append((rule, severity, n))
    model = apps.get_model("sheets", "UnitYearCounts")
    model.objects.all().delete()
    rows = []
    for (unit_id, year), status_rows in statuses.items():
        counted, by_rule = counts_of(status_rows, found.get((unit_id, year), []))
        rows.append(model(unit_id=unit_id, year=year, statuses=counted, findings=by_rule))
    model.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@receiver(pre_save, sender=Sheet, dispatch_uid="counts_before_sheet_save")
def _before_save(sender, instance: Sheet, update_fields, raw: bool, **kwargs) -> None:
    """Where the sheet is counted now, when this save may move it to another unit or year (read from the row:
    the instance may hold the new place already)."""
    moving = instance.pk and not raw and (update_fields is None or _PLACE & set(update_fields))
    instance._counted_in = (Sheet.objects.filter(pk=instance.pk).values_list("unit_id", "year").first()
                            if moving else None)


@receiver(post_save, sender=Sheet, dispatch_uid="counts_on_sheet_save")
def _on_save(sender, instance: Sheet, created: bool, update_fields, raw: bool, **kwargs) -> None:
    if raw or (not created and update_fields is not None and not _COUNTED & set(update_fields)):
        return
    places = {(instance.unit_id, instance.year)}
    if before := getattr(instance, "_counted_in", None):
        places.add(before)
    for unit_id, year in places:
        refresh(counts_refresh, unit_id, year)


@receiver(post_delete, sender=Sheet, dispatch_uid="counts_on_sheet_delete")
def _on_delete(sender, instance: Sheet, **kwargs) -> None:
    refresh(counts_refresh, instance.unit_id, instance.year)
