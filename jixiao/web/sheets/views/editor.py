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
        findings, indexes = _findings(sheet, form, grid, sources, period_sources)
    else:
        form = SheetForm(instance=sheet)
        grid = IndicatorFormSet(prefix="ind", initial=[IndicatorForm.initial_for(r) for r in sheet.indicators.all()])
        sources = SourceFormSet(prefix="src", initial=SourceFormSet.initial_for(sheet.budget_sources))
        period_sources = PeriodSourceFormSet(prefix="psrc", initial=PeriodSourceFormSet.initial_for(sheet.period_sources))
        findings, indexes = findings_of(sheet), list(range(len(grid.forms)))
    return render(request, "sheets/edit.html", {
        "sheet": sheet, "form": form, "grid": grid, "sources": sources, "period_sources": period_sources,
        "stale": stale, "units": COMMON_UNITS,
        "source_labels": SOURCE_LABELS, "period_fields": PERIOD_FIELDS,
        "suggestions": indicator_suggestions(request_member(request)), "level2_by_level1": level2_choices_by_level1(),
        **_placed(findings, indexes, grid),
    })


@login_required
def sheet_check(request, pk: int):
    """htmx: review the form as it stands (unsaved) and return the findings fragment."""
    sheet = _editable(request, pk)
    form, grid, sources, period_sources = _bound(request, sheet)
    form.is_valid(), grid.is_valid(), sources.is_valid(), period_sources.is_valid()
    findings, indexes = _findings(sheet, form, grid, sources, period_sources)
    return render(request, "sheets/_findings.html", {"live": True, "grid": grid, **_placed(findings, indexes, grid)})


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


def _findings(sheet: Sheet, form: SheetForm, grid, sources, period_sources) -> tuple[list, list[int]]:
    """Findings on the form's content as it stands, without saving (an unsaved copy reviewed by the engine),
    and the formset index of each reviewed row (rows with errors keep their messages at the field instead)."""
    draft = Sheet(unit=sheet.unit, year=sheet.year, reading=sheet.reading)
    data = form.cleaned_data if not form.errors else {}
    changes = form.changes() if data else {}
    for field, formset in (("budget_sources", sources), ("period_sources", period_sources)):
        if formset.is_valid():  # sources the form refuses are reviewed as stored until corrected
            changes[field] = formset.cells()
    for name in EDITABLE_FIELDS:
        setattr(draft, name, changes.get(name, getattr(sheet, name)))
    rows = _rows(grid)
    indicators = indicator_rows([cells for _, cells in rows], sheet.indicators.all())
    return sheet_review(draft, indicators).findings, [index for index, _ in rows]


def _rows(grid) -> list[tuple[int, dict[str, object]]]:
    """The grid's valid, kept rows in the user's order, each with its formset index."""
    kept = [(i, f) for i, f in enumerate(grid.forms)
            if getattr(f, "cleaned_data", None) and not f.errors and not f.cleaned_data.get("DELETE")]
    kept.sort(key=lambda pair: pair[1].cleaned_data.get("ORDER") or 0)
    return [(i, f.cells()) for i, f in kept]


def _placed(findings: list, indexes: list[int], grid) -> dict[str, object]:
    """Findings split into the sheet's own and those of each grid form; ``indexes[n-1]`` is row n's form."""
    by_form: dict[int, list] = {i: [] for i in range(len(grid.forms))}
    sheet_level = []
    for finding in findings:
        if finding.row and finding.row <= len(indexes):
            by_form[indexes[finding.row - 1]].append(finding)
        else:
            sheet_level.append(finding)
    return {"sheet_findings": sheet_level, "row_findings": by_form, "finding_total": len(findings),
            "grid_rows": [(i, form, by_form[i]) for i, form in enumerate(grid.forms)]}
