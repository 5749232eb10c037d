"""The sheet editor: header, money and its other sources, the span and its money (and its other sources), spending
plan, goals and the indicator grid, with live findings (htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from jixiao.web.organisation.selectors import can_edit_unit, request_member
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.forms import (
    COMMON_UNITS,
    PERIOD_FIELDS,
    IndicatorForm,
    IndicatorFormSet,
    PeriodSourceFormSet,
    SheetForm,
    SourceFormSet,
)
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.ordering import level2_choices_by_level1
from jixiao.web.sheets.selectors import indicator_suggestions, sheet_get
from jixiao.web.sheets.services.findings import findings_of, sheet_review
from jixiao.web.sheets.services.sheets import EDITABLE_FIELDS, indicator_rows, sheet_update
from jixiao.web.sheets.sources import SOURCE_LABELS

__all__ = ["sheet_check", "sheet_edit"]


@login_required
def sheet_edit(request, pk: int):
    """Edit a draft or returned sheet; a stale save is refused and shows what changed meanwhile."""
    sheet = _editable(request, pk)
    stale = None
    if request.method == "POST":
        form, grid, sources, period_sources = _bound(request, sheet)
        if all([form.is_valid(), grid.is_valid(), sources.is_valid(), period_sources.is_valid()]):
            try:
                sheet_update(user=request.user, sheet_id=pk, expected_version=form.cleaned_data["version"],
                             fields={**form.changes(), "budget_sources": sources.cells(),
                                     "period_sources": period_sources.cells()},
                             indicators=grid.ordered_cells())
            except StaleSheet as error:
                stale = error
            except SheetError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, "已保存")
                return redirect("sheets:detail", pk=pk)
        else:
            messages.error(request, "有填写错误，请按各栏提示修改后再保存")
        findings, indexes, as_stored = _findings(sheet, form, grid, sources, period_sources)
    else:
        form = SheetForm(instance=sheet)
        grid = IndicatorFormSet(prefix="ind", initial=[IndicatorForm.initial_for(r) for r in sheet.indicators.all()])
        sources = SourceFormSet(prefix="src", initial=SourceFormSet.initial_for(sheet.budget_sources))
        period_sources = PeriodSourceFormSet(prefix="psrc", initial=PeriodSourceFormSet.initial_for(sheet.period_sources))
        findings, indexes, as_stored = findings_of(sheet), list(range(len(grid.forms))), []
    return render(request, "sheets/edit.html", {
        "sheet": sheet, "form": form, "grid": grid, "sources": sources, "period_sources": period_sources,
        "stale": stale, "units": COMMON_UNITS,
        "source_labels": SOURCE_LABELS, "period_fields": PERIOD_FIELDS,
        "suggestions": indicator_suggestions(request_member(request)), "level2_by_level1": level2_choices_by_level1(),
        **_placed(findings, indexes, grid, as_stored),
    })


@login_required
def sheet_check(request, pk: int):
    """htmx: review the form as it stands (unsaved) and return the findings fragment."""
    sheet = _editable(request, pk)
    form, grid, sources, period_sources = _bound(request, sheet)
    form.is_valid(), grid.is_valid(), sources.is_valid(), period_sources.is_valid()
    findings, indexes, as_stored = _findings(sheet, form, grid, sources, period_sources)
    return render(request, "sheets/_findings.html",
                  {"live": True, "grid": grid, **_placed(findings, indexes, grid, as_stored)})


def _editable(request, pk: int) -> Sheet:
    sheet = sheet_get(request_member(request), pk)
    if not can_edit_unit(request_member(request), sheet.unit_id):
        raise PermissionDenied("无权修改这张表")
    return sheet


def _bound(request, sheet: Sheet) -> tuple[SheetForm, IndicatorFormSet, SourceFormSet, PeriodSourceFormSet]:
    """The editor's four parts as posted: the sheet's fields, the indicator grid, the budget's other sources and the
    span's."""
    return (SheetForm(request.POST, instance=sheet), IndicatorFormSet(request.POST, prefix="ind"),
            SourceFormSet(request.POST, prefix="src"), PeriodSourceFormSet(request.POST, prefix="psrc"))


def _findings(sheet: Sheet, form: SheetForm, grid, sources, period_sources) -> tuple[list, list[int], list[int]]:
    """Findings on the form's content as it stands, without saving (an unsaved copy reviewed by the engine), the
    formset index of each reviewed row, and the indexes of the rows reviewed as stored because the form refuses them
    (their messages stand at the field)."""
    draft = Sheet(unit=sheet.unit, year=sheet.year, reading=sheet.reading)
    data = form.cleaned_data if not form.errors else {}
    changes = form.changes() if data else {}
    for field, formset in (("budget_sources", sources), ("period_sources", period_sources)):
        if formset.is_valid():  # sources the form refuses are reviewed as stored until corrected
            changes[field] = formset.cells()
    for name in EDITABLE_FIELDS:
        setattr(draft, name, changes.get(name, getattr(sheet, name)))
    stored = list(sheet.indicators.all())
    rows = _rows(grid, {row.pk for row in stored})
    indicators = indicator_rows([cells for _, cells in rows], stored)
    as_stored = [index for index, cells in rows if set(cells) == {"origin"}]
    return sheet_review(draft, indicators).findings, [index for index, _ in rows], as_stored


def _rows(grid, stored: set[int]) -> list[tuple[int, dict[str, object]]]:
    """The grid's kept rows in the user's order, each with its formset index. A stored row the form refuses stands as
    stored (its ``origin`` alone) until corrected, as sources do: left out, it would shift the numbers of the rows
    after it (their findings said 第2行 of the third row shown) and the sheet's counts (全部7项指标 of eight). A row
    added now and refused has nothing to stand for it and is left out."""
    kept = []
    for index, form in enumerate(grid.forms):
        data = getattr(form, "cleaned_data", None) or {}
        if data.get("DELETE"):
            continue
        if data and not form.errors:
            kept.append((index, data.get("ORDER"), form.cells()))
        elif form.errors and data.get("origin") in stored:
            kept.append((index, data.get("ORDER"), {"origin": data["origin"]}))
    kept.sort(key=lambda row: row[1] or 0)
    return [(index, cells) for index, _, cells in kept]


def _placed(findings: list, indexes: list[int], grid, as_stored: list[int]) -> dict[str, object]:
    """Findings split into the sheet's own and those of each grid form; ``indexes[n-1]`` is row n's form. The rows
    reviewed as stored (``as_stored``, formset indexes) are named by their numbers for the summary line."""
    by_form: dict[int, list] = {i: [] for i in range(len(grid.forms))}
    sheet_level = []
    for finding in findings:
        if finding.row and finding.row <= len(indexes):
            by_form[indexes[finding.row - 1]].append(finding)
        else:
            sheet_level.append(finding)
    numbers = [indexes.index(index) + 1 for index in as_stored]
    return {"sheet_findings": sheet_level, "row_findings": by_form, "finding_total": len(findings),
            "rows_as_stored": "、".join(map(str, numbers)),
            "grid_rows": [(i, form, by_form[i]) for i, form in enumerate(grid.forms)]}
