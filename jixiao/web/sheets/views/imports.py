"""Import: upload, preview what was read with its diagnostics and findings, confirm."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_start, wants_background
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import request_member, units_visible
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.forms import ImportForm
from jixiao.web.sheets.jobs import SheetsImport
from jixiao.web.sheets.selectors import budget_year
from jixiao.web.sheets.services.imports import (
    import_confirm,
    import_conflicts,
    import_preview,
    import_unit_mismatches,
    import_year_mismatches,
)

__all__ = ["import_confirm_view", "import_upload"]


@login_required
def import_upload(request):
    """Upload files for a unit and year; show what was read before anything is stored."""
    member = request_member(request)
    if member is None or member.role not in (Role.PREPARER, Role.ADMIN):
        raise PermissionDenied("只有填报人和管理员可以导入")
    units = units_visible(member).filter(kind="unit")
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, units=units)
        if form.is_valid():
            files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
            if wants_background(files):
                job = job_start(user=request.user, kind=KINDS[SheetsImport.code], files=files, params={
                    "unit": form.cleaned_data["unit"].pk, "year": form.cleaned_data["year"],
                    "accept_year": form.cleaned_data["accept_year"], "accept_unit": form.cleaned_data["accept_unit"]})
                return redirect("jobs:detail", pk=job.pk)
            pending, read = import_preview(user=request.user, unit=form.cleaned_data["unit"],
                                           year=form.cleaned_data["year"], files=files)
            return render(request, "sheets/import_preview.html", {
                "pending": pending, "read": read, "failed": [f for f in read if f.error],
                "conflicts": import_conflicts(pending.unit, pending.year, read),
                "other_years": import_year_mismatches(pending.year, read),
                "other_units": import_unit_mismatches(pending.unit, read),
                "sheet_total": sum(len(f.document.sheets) for f in read if f.document),
                "accept_year": form.cleaned_data["accept_year"],
                "accept_unit": form.cleaned_data["accept_unit"],
            })
    else:
        form = ImportForm(units=units, initial={"year": budget_year(), "unit": units.first()})
    return render(request, "sheets/import.html", {"form": form})


@login_required
@require_POST
def import_confirm_view(request, pk: int):
    """Store everything the preview read, or nothing."""
    try:
        sheets = import_confirm(user=request.user, pending_id=pk, accept_year=request.POST.get("accept_year") == "1",
                                accept_unit=request.POST.get("accept_unit") == "1")
    except SheetError as error:
        messages.error(request, error.message)
        return redirect("sheets:import")
    messages.success(request, f"已导入 {len(sheets)} 张绩效目标表")
    if len(sheets) == 1:
        return redirect("sheets:detail", pk=sheets[0].pk)
    return redirect(f"/sheets/?year={sheets[0].year}&unit={sheets[0].unit_id}")
