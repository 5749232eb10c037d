"""Pages of the audit: the bureau's year (upload, ranking by gap, chart), one unit, one document. An upload of
many files or an archive, and the export of the year, run as background jobs (:mod:`jixiao.web.audits.jobs`).

Only the bureau's reviewers and admins see them: a preparer gets 403, a unit or document of another bureau 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jixiao.model.finding import Finding
from jixiao.scoring import ProfileError, load_profile
from jixiao.web.audits.forms import AuditUploadForm
from jixiao.web.audits.jobs import AuditUpload
from jixiao.web.audits.models import AuditedDocument
from jixiao.web.audits.selectors import audited_documents
from jixiao.web.audits.services import AuditUploadRefused, audit_upload
from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_start, wants_background
from jixiao.web.organisation.models import Member, Unit
from jixiao.web.organisation.selectors import can_review_bureau, request_member
from jixiao.web.sheets.selectors import evaluation_year
from jixiao.web.sheets.views.common import filters_from

__all__ = ["document_page", "overview", "unit_page", "upload"]


def _units(member: Member):
    """The bureau's units a reviewer may choose as whose files an upload is (the service checks it again)."""
    return Unit.objects.filter(bureau_id=member.bureau_id).order_by("code", "name")


def _reviewer(request) -> Member:
    member = request_member(request)
    if not can_review_bureau(member):
        raise PermissionDenied("自评复核仅供财政局审核人和管理员使用")
    return member


def _year(request) -> int:
    return filters_from(request.GET).year or evaluation_year()


def _overview(request, member: Member, year: int, form: AuditUploadForm, status: int = 200):
    documents = list(audited_documents(member, year))
    ranked = sorted((d for d in documents if d.gap is not None), key=lambda d: (-d.gap, d.pk))
    chart = {
        "labels": [f"{d.unit.name} · {d.label}" for d in ranked],
        "gaps": [float(d.gap) for d in ranked],
        "links": [reverse("audits:document", args=[d.pk]) for d in ranked],
    }
    return render(request, "audits/overview.html", {
        "year": year, "form": form, "documents": documents, "ranked": ranked, "chart": chart,
        # the footnote explains the mark of a total summed from the rows; said only where a row bears it
        "summed": any(d.claimed_is_sum for d in ranked),
    }, status=status)


@login_required
def overview(request):
    """The bureau's audited documents of a year, ranked by the gap between claimed and recomputed totals."""
    member = _reviewer(request)
    year = _year(request)
    return _overview(request, member, year,
                     AuditUploadForm(initial={"year": year, "profile": "central"}, units=_units(member)))


@login_required
@require_POST
def upload(request):
    """Read, match and audit the uploaded files; all are stored or none."""
    member = _reviewer(request)
    form = AuditUploadForm(request.POST, request.FILES, units=_units(member))
    if not form.is_valid():
        return _overview(request, member, _year(request), form, status=400)
    year = form.cleaned_data["year"]
    files = [(f.name, f.read()) for f in form.cleaned_data["files"]]
    if wants_background(files):
        unit = form.cleaned_data["unit"]
        job = job_start(user=request.user, kind=KINDS[AuditUpload.code], files=files,
                        params={"year": year, "profile": form.cleaned_data["profile"], "unit": unit.pk if unit else None,
                                "accept_year": form.cleaned_data["accept_year"],
                                "accept_unit": form.cleaned_data["accept_unit"]})
        return redirect("jobs:detail", pk=job.pk)
    try:
        profile = load_profile(form.cleaned_data["profile"])
        stored = audit_upload(user=request.user, member=member, year=year, files=files, profile=profile,
                              profile_name=form.cleaned_data["profile"], unit=form.cleaned_data["unit"],
                              accept_year=form.cleaned_data["accept_year"],
                              accept_unit=form.cleaned_data["accept_unit"])
    except AuditUploadRefused as error:
        for problem in error.problems:
            form.add_error(None, problem)
        form.add_error(None, "以上问题解决前，本次上传的文件都未保存。")
        return _overview(request, member, year, form, status=400)
    except ProfileError as error:
        form.add_error("profile", error.message)
        return _overview(request, member, year, form, status=400)
    messages.success(request, f"已复核 {len(stored)} 张表")
    if len(stored) == 1:
        return redirect("audits:document", pk=stored[0].pk)
    return redirect(f"{reverse('audits:overview')}?year={year}")


@login_required
def unit_page(request, unit_id: int):
    """Every audited document of one of the bureau's units, by year."""
    member = _reviewer(request)
    unit = get_object_or_404(Unit, pk=unit_id, bureau_id=member.bureau_id)
    documents = AuditedDocument.objects.filter(bureau_id=member.bureau_id, unit=unit).order_by("-year", F("gap").desc(nulls_last=True))
    return render(request, "audits/unit.html", {"unit": unit, "documents": documents})


@login_required
def document_page(request, pk: int):
    """One audited document: the side-by-side table, the totals and grades, the findings explained."""
    member = _reviewer(request)
    document = get_object_or_404(AuditedDocument.objects.select_related("unit", "sheet"), pk=pk,
                                 bureau_id=member.bureau_id)
    findings = [Finding.model_validate(data) for data in document.findings]
    return render(request, "audits/document.html", {"document": document, "findings": findings})
