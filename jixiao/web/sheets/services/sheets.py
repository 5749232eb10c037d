"""Writing goal sheets: create, update (only what changed, with history), delete and restore."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from jixiao.model import Document, GoalSheet
from jixiao.model.amounts import amount
from jixiao.web.bounds import columns_check
from jixiao.web.organisation.models import Unit
from jixiao.web.organisation.selectors import can_edit_unit, member_get
from jixiao.web.refreshes import refresh, refreshes_batched
from jixiao.web.sheets.conversion import ROW_CELLS, indicator_fields, sheet_fields, sheet_reading
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.models import FindingRecord, HistoryEntry, IndicatorRow, Sheet, Status
from jixiao.web.sheets.periods import PERIOD_COLUMNS, period_check
from jixiao.web.sheets.services.counts import counts_refresh
from jixiao.web.sheets.services.findings import finding_records, findings_refresh, findings_summarise, sheet_review
from jixiao.web.sheets.sources import sources_check

__all__ = ["EDITABLE_FIELDS", "NewSheet", "comparable", "history_record", "indicator_rows", "sheet_create",
           "sheet_delete", "sheet_delete_check", "sheet_lock", "sheet_prepare", "sheet_restore", "sheet_update",
           "sheets_store"]

EDITABLE_FIELDS = ("code", "name", "title", "money_unit", "budget_total", "budget_fiscal", "budget_other",
                   "budget_sources", *PERIOD_COLUMNS, "purpose", "spend_plan", "goals", "long_term_goals")


def history_record(sheet: Sheet, user, action: str, field: str = "", old: object = "", new: object = "") -> None:
    """Record one entry of ``sheet``'s history at its current version."""
    _history_entry(sheet, user, action, field, old, new).save()


def _history_entry(sheet: Sheet, user, action: str, field: str = "", old: object = "",
                   new: object = "") -> HistoryEntry:
    return HistoryEntry(sheet=sheet, version=sheet.version, user=user, action=action, field=field, old=_show(old),
                        new=_show(new))


def sheet_lock(user, sheet_id: int, *, include_deleted: bool = False) -> Sheet:
    """Lock the sheet row for this transaction, after checking ``user`` may edit its unit."""
    queryset = Sheet.objects.select_for_update().select_related("unit")
    if not include_deleted:
        queryset = queryset.filter(deleted_at__isnull=True)
    sheet = queryset.filter(pk=sheet_id).first()
    _edit_check(user, sheet)
    return sheet


def _edit_check(user, sheet: Sheet | None) -> None:
    if sheet is None or not can_edit_unit(member_get(user), sheet.unit_id):
        raise PermissionDenied("无权修改这张表")


@dataclass(frozen=True)
class NewSheet:
    """A sheet ready to be stored by :func:`sheets_store`: its row (with the summary of its review), its indicator
    rows, its findings and its first history entry, none saved yet."""

    sheet: Sheet
    rows: list[IndicatorRow]
    findings: list[FindingRecord]
    history: HistoryEntry


def sheet_prepare(*, user, unit: Unit, year: int, content: GoalSheet, source: str = "",
                  action: str = "create", read_from: Document | None = None) -> NewSheet:
    """Check and review a new sheet for ``unit`` and ``year`` from the core's ``GoalSheet`` without writing: the
    review is the slow part of storing a sheet, and on SQLite every other writer waits for the write's
    transaction, so it happens before. Raises :class:`SheetError` naming a value its column cannot hold, or a span
    a person may not enter (not one read from a document: that is kept as printed).

    ``read_from``: the document the core's reader made ``content`` of (an import): each row keeps the reader's
    understanding, and the sheet what the reader found around it, for the review; a sheet from anywhere else (an
    API client) is understood from its cells alone, and keeps what else its content gave (see :func:`sheet_reading`).
    """
    fields = {"year": year, **sheet_fields(content)}
    columns_check(Sheet, fields)
    sources_check(fields["budget_sources"])
    if read_from is None:
        period_check(fields)
    cells = [{**indicator_fields(indicator), **({} if read_from else {"reading": None})}
             for indicator in content.indicators]
    for position, row in enumerate(cells, start=1):
        columns_check(IndicatorRow, row, f"第{position}行指标")
    sheet = Sheet(unit=unit, source=source[:255], created_by=user, updated_by=user,
                  reading=sheet_reading(content, read_from), **fields)
    _as_read_back(sheet)
    rows = [IndicatorRow(sheet=sheet, position=position, **row) for position, row in enumerate(cells, start=1)]
    outcome = sheet_review(sheet, rows)  # as findings_refresh will review the stored sheet
    findings_summarise(sheet, outcome)
    return NewSheet(sheet, rows, finding_records(sheet, outcome),
                    _history_entry(sheet, user, action, new=source or sheet.name))


@transaction.atomic
@refreshes_batched()  # each unit's year is counted once, however many sheets
def sheets_store(*, user, new: list[NewSheet]) -> list[Sheet]:
    """Store the sheets :func:`sheet_prepare` made, all or nothing, in a few inserts."""
    member = member_get(user)
    if not all(can_edit_unit(member, unit_id) for unit_id in {item.sheet.unit_id for item in new}):
        raise PermissionDenied("无权为该单位填报")
    for item in new:
        item.sheet.save(force_insert=True)
    # Each row points at its sheet object, whose id the save above just set.
    IndicatorRow.objects.bulk_create(row for item in new for row in item.rows)
    FindingRecord.objects.bulk_create(record for item in new for record in item.findings)
    HistoryEntry.objects.bulk_create(item.history for item in new)
    for unit_id, year in sorted({(item.sheet.unit_id, item.sheet.year) for item in new}):
        refresh(counts_refresh, unit_id, year)
    return [item.sheet for item in new]


def sheet_create(*, user, unit: Unit, year: int, content: GoalSheet, source: str = "",
                 action: str = "create") -> Sheet:
    """Store a new sheet for ``unit`` and ``year`` from the core's ``GoalSheet``, reviewed."""
    if not can_edit_unit(member_get(user), unit.pk):
        raise PermissionDenied("无权为该单位填报")
    new = sheet_prepare(user=user, unit=unit, year=year, content=content, source=source, action=action)
    return sheets_store(user=user, new=[new])[0]


def _as_read_back(sheet: Sheet) -> None:
    """Give the decimals of an unsaved sheet the places the database returns them with (18 is read back as
    18.00), so that the review of the unsaved sheet is the review of the stored one."""
    for field in Sheet._meta.concrete_fields:
        value = getattr(sheet, field.attname)
        if isinstance(field, models.DecimalField) and value is not None:
            setattr(sheet, field.attname, value.quantize(Decimal(1).scaleb(-field.decimal_places)))


@transaction.atomic
@refreshes_batched()
def sheet_update(*, user, sheet_id: int, expected_version: int, fields: Mapping[str, object] | None = None,
                 indicators: Iterable[Mapping[str, object]] | None = None) -> Sheet:
    """Save the changed fields and indicator cells of a sheet opened at ``expected_version``.

    Refuses with :class:`StaleSheet` when someone saved in between, and with :class:`SheetError` when the
    sheet is submitted or approved. Each changed field becomes one history entry; nothing changed, nothing saved.
    """
    sheet = sheet_lock(user, sheet_id)
    if sheet.version != expected_version:
        changes = list(sheet.history.filter(version__gt=expected_version).select_related("user"))
        raise StaleSheet(sheet.version, changes, user)
    if sheet.is_locked:
        raise SheetError(f"这张表{sheet.get_status_display()}，不能修改" +
                         ("；如需变更请申请调整" if sheet.status == Status.APPROVED else ""))
    entries: list[tuple[str, object, object]] = []
    changed = []
    unknown = [name for name in fields or {} if name not in EDITABLE_FIELDS]
    if unknown:
        raise SheetError(f"字段“{unknown[0]}”不能修改")
    columns_check(Sheet, fields or {})
    if fields and "budget_sources" in fields:
        sources_check(fields["budget_sources"])
    period = {name: (fields or {}).get(name, getattr(sheet, name)) for name in PERIOD_COLUMNS}
    if any(comparable(period[name]) != comparable(getattr(sheet, name)) for name in PERIOD_COLUMNS):
        period_check(period)  # (a span read backwards and left alone stays as printed; changed, it is entered)
    for name, value in (fields or {}).items():
        old = getattr(sheet, name)
        if comparable(old) != comparable(value):
            entries.append((Sheet._meta.get_field(name).verbose_name, old, value))
            setattr(sheet, name, value)
            changed.append(name)
    if indicators is not None:
        entries += _indicators_replace(sheet, list(indicators))
    if not entries:
        return sheet
    sheet.version += 1
    sheet.updated_by = user
    sheet.save(update_fields=[*changed, "version", "updated_by", "updated_at"])
    for label, old, new in entries:
        history_record(sheet, user, "edit", label, old, new)
    findings_refresh(sheet)
    return sheet


@transaction.atomic
def sheet_delete(*, user, sheet_id: int) -> Sheet:
    """Move a sheet to the deleted list (restorable). Approved and submitted sheets cannot be deleted."""
    sheet = sheet_lock(user, sheet_id)
    _deletable(sheet)
    sheet.deleted_at = timezone.now()
    sheet.version += 1
    sheet.save(update_fields=["deleted_at", "version", "updated_at"])
    history_record(sheet, user, "delete")
    return sheet


def sheet_delete_check(*, user, sheet: Sheet) -> None:
    """Refuse as :func:`sheet_delete` would, writing nothing (what the confirmation before a delete checks)."""
    _edit_check(user, sheet)
    _deletable(sheet)


def _deletable(sheet: Sheet) -> None:
    if sheet.is_locked:
        raise SheetError(f"这张表{sheet.get_status_display()}，不能删除")


@transaction.atomic
def sheet_restore(*, user, sheet_id: int) -> Sheet:
    """Bring a deleted sheet back."""
    sheet = sheet_lock(user, sheet_id, include_deleted=True)
    if sheet.deleted_at is None:
        return sheet
    sheet.deleted_at = None
    sheet.version += 1
    sheet.save(update_fields=["deleted_at", "version", "updated_at"])
    history_record(sheet, user, "restore")
    return sheet


def indicator_rows(rows: Iterable[Mapping[str, object]], existing: Iterable[IndicatorRow]) -> list[IndicatorRow]:
    """Unsaved rows (positions 1, 2, …) for ``rows`` as an editor or the API sends them, ``existing`` being the
    sheet's stored rows.

    A row's ``origin`` names the stored row it was shown from (None: a row added now); a row without the key
    stands in for the stored row at its position. A cell a row leaves out (the editor's form has no 权重 field,
    an API client may not know the ``extra`` cells) keeps its origin's value, so an edit never drops a cell the
    user did not change; the origin's ``reading`` goes along, used by the review only while the cells match it.
    """
    existing = list(existing)
    by_pk, by_position = {row.pk: row for row in existing}, {row.position: row for row in existing}
    made = []
    for position, cells in enumerate(rows, start=1):
        origin = by_pk.get(cells["origin"]) if "origin" in cells else by_position.get(position)
        values = {name: cells[name].strip() if cells.get(name) is not None else getattr(origin, name, "")
                  for name in ROW_CELLS}
        extra = cells.get("extra")
        values["extra"] = ([[heading, text] for heading, text in dict(extra).items()] if extra is not None
                           else list(origin.extra) if origin else [])
        made.append(IndicatorRow(position=position, reading=origin.reading if origin else None, **values))
    return made


def _indicators_replace(sheet: Sheet, rows: list[Mapping[str, object]]) -> list[tuple[str, object, object]]:
    """Update, add and remove indicator rows by position; return the history entries."""
    stored = list(sheet.indicators.all())
    existing = {row.position: row for row in stored}
    entries: list[tuple[str, object, object]] = []
    for made in indicator_rows(rows, stored):
        position, values = made.position, {name: getattr(made, name) for name in (*ROW_CELLS, "extra")}
        columns_check(IndicatorRow, values, f"第{position}行指标")
        row = existing.pop(position, None)
        if row is None:
            made.sheet = sheet
            made.save()
            entries.append((f"第{position}行指标", "", _row_text(values)))
            continue
        dirty = [name for name in values if getattr(row, name) != values[name]]
        for name in dirty:
            entries.append((f"第{position}行 {IndicatorRow._meta.get_field(name).verbose_name}",
                            _cell_text(getattr(row, name)), _cell_text(values[name])))
            setattr(row, name, values[name])
        if row.reading != made.reading:  # a row moved here brings what was read of it (not an entry: no one wrote it)
            row.reading = made.reading
            dirty.append("reading")
        if dirty:
            row.save(update_fields=dirty)
    for position, row in sorted(existing.items()):
        entries.append((f"第{position}行指标", _row_text({n: getattr(row, n) for n in ROW_CELLS}), "（已删除）"))
        row.delete()
    return entries


def _row_text(cells: Mapping[str, object]) -> str:
    return " | ".join(str(cells[name]) for name in ("level1", "level2", "name", "target") if cells.get(name))


def _cell_text(value: object) -> object:
    """A cell as the history shows it: the other columns' cells as 备注：… lines."""
    if isinstance(value, list):
        return "\n".join(f"{heading}：{text}" for heading, text in value)
    return value


def comparable(value: object) -> object:
    """A stored or submitted value in the form that decides whether it changed (18.00 = 18, "" = None = [])."""
    if isinstance(value, Decimal):
        return value.normalize()
    if value in (None, "", []):
        return None
    return value


def _show(value: object) -> str:
    """A value as the history shows it."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_item_text(item) for item in value)
    if isinstance(value, Decimal):  # the only decimals a sheet's history records are its budgets
        return str(amount(value))
    return str(value)


def _item_text(item: object) -> str:
    """One item of a list field as the history shows it: a checkpoint of the plan (6月底 60%), a budget source
    (政府性基金拨款：118.82), a goal."""
    if isinstance(item, dict):
        return f"{item.get('label', '')} {item.get('percent', '')}%"
    if isinstance(item, list):
        return "：".join(map(str, item))
    return str(item)
