"""Pages of a background job: start it (a button's POST), watch it (the page polls its progress fragment with
htmx), download its file. Only the person who started a job sees it, and only while still allowed its scope."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from jixiao.web.downloads import attachment, safe_filename
from jixiao.web.errors import refusal
from jixiao.web.jobs.models import Job
from jixiao.web.jobs.registry import kind_of
from jixiao.web.jobs.services import KEEP_DAYS, job_get, job_restart, job_start, jobs_recent
from jixiao.web.sheets.errors import SheetError

__all__ = ["job_download", "job_list", "job_page", "job_progress", "job_restart_view", "job_start_view"]


@login_required
@require_POST
def job_start_view(request, kind: str):
    """Start the export ``kind`` over the submitted scope and show its page."""
    job_kind = kind_of(kind)
    try:
        job = job_start(user=request.user, kind=job_kind, params=job_kind.params_from(request.POST))
    except SheetError as error:
        return refusal(request, error.message, 400)
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def job_restart_view(request, pk: int):
    """Start a failed job again (its button on the job's page) and show the new job's page."""
    try:
        job = job_restart(request.user, pk)
    except Job.DoesNotExist:
        raise Http404("没有可重新开始的后台任务") from None
    except SheetError as error:
        return refusal(request, error.message, 400)
    return redirect("jobs:detail", pk=job.pk)


def _job(request, pk: int) -> Job:
    try:
        return job_get(request.user, pk)
    except Job.DoesNotExist:
        raise Http404("没有找到这个后台任务") from None


def _context(job: Job) -> dict:
    kind = kind_of(job.kind)
    # The file's name as the download will give it: made safe from the units' names it holds, the same way
    file_name = safe_filename(job.result_stem, job.result_format) if job.result_format else ""
    return {"job": job, "kind": kind, "scope": kind.describe(job.params), "back": kind.back(job.params),
            "file_name": file_name}


@login_required
def job_list(request):
    """The person's recent background jobs, to come back to one after leaving its page."""
    jobs = [{"job": job, "kind": kind_of(job.kind), "scope": kind_of(job.kind).describe(job.params)}
            for job in jobs_recent(request.user)]
    return render(request, "jobs/list.html", {"jobs": jobs, "keep_days": KEEP_DAYS})


@login_required
def job_page(request, pk: int):
    """The job: its progress while it runs (the fragment below, polled), then its result or why there is none."""
    return render(request, "jobs/job.html", _context(_job(request, pk)))


@login_required
def job_progress(request, pk: int):
    """The fragment the job page polls every second until the job has finished."""
    return render(request, "jobs/_job.html", _context(_job(request, pk)))


@login_required
def job_download(request, pk: int):
    """The file an export job produced (the download is an audit event)."""
    job = _job(request, pk)
    if job.state != Job.State.SUCCEEDED or not job.result_format:
        raise Http404("这个任务没有可下载的文件")
    return attachment(bytes(job.result), job.result_stem, job.result_format)
