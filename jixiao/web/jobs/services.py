"""Starting and running background jobs (django-tasks): a start is checked and recorded in the audit log, the
work runs in the worker with progress the user can watch, and the job keeps its result or why there is none."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import TaskContext, task

from jixiao.web.jobs.kinds import JobKind
from jixiao.web.jobs.liveness import INTERRUPTED, heartbeat, job_abandoned, job_interrupt, process_name
from jixiao.web.jobs.models import Job, JobUpload
from jixiao.web.jobs.registry import kind_of
from jixiao.web.organisation.selectors import member_get
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import JOB_STARTED
from jixiao.web.sheets.errors import SheetError

__all__ = ["BACKGROUND_FILES", "KEEP_DAYS", "RECENT_JOBS", "job_get", "job_restart", "job_run", "job_start", "job_task",
           "jobs_recent", "wants_background"]

logger = logging.getLogger(__name__)

# A finished job, and the file it produced, is kept this long; older ones are removed when a job starts.
KEEP_DAYS = 7

# How many times at most a job's progress is written while it runs.
PROGRESS_STEPS = 100

# An upload of more files than this, or with a .zip, is imported or audited in the background.
BACKGROUND_FILES = 20


def wants_background(files: list[tuple[str, bytes]]) -> bool:
    """True for uploads too large to read within one page request: many files, or an archive."""
    return len(files) > BACKGROUND_FILES or any(name.lower().endswith(".zip") for name, _ in files)


def job_start(*, user, kind: JobKind, params: dict, files: list[tuple[str, bytes]] = ()) -> Job:
    """Check that ``user`` may run ``kind`` over ``params``, keep the job (and its uploaded ``files``) and queue
    it once the transaction commits. Raises ``PermissionDenied`` or ``SheetError``; then nothing is kept. Jobs
    finished more than ``KEEP_DAYS`` ago go, with their files."""
    member = member_get(user)
    kind.check(member, params)
    with transaction.atomic():
        Job.objects.filter(finished_at__lt=timezone.now() - timedelta(days=KEEP_DAYS)).delete()
        job = Job.objects.create(user=user, bureau_id=member.bureau_id, kind=kind.code, params=params,
                                 total=len(files))
        JobUpload.objects.bulk_create(JobUpload(job=job, name=name, data=data) for name, data in files)
        audit_record(JOB_STARTED, obj=job, details={"kind": kind.code, "label": kind.label,
                                                    "scope": kind.describe(params)})
        transaction.on_commit(lambda: _enqueue(job))
    return job


def _enqueue(job: Job) -> None:
    """Queue ``job``'s task and keep its id, so that a task taken by a worker that died before starting the job
    is found out (:func:`jixiao.web.jobs.liveness.job_abandoned`)."""
    task_id = str(job_task.enqueue(job.pk).id)
    Job.objects.filter(pk=job.pk, task_id="").update(task_id=task_id)  # a worker may have recorded it already


def job_get(user, job_id: int) -> Job:
    """The job ``job_id`` if ``user`` started it and may still see what it covers: ``Job.DoesNotExist`` for
    another person's job, ``PermissionDenied`` once the person lost the right to its scope."""
    job = Job.objects.defer("result").get(pk=job_id, user=user)  # the page polls; the file is read on download
    kind_of(job.kind).check(member_get(user), job.params)
    _truthful(job)
    return job


def job_restart(user, job_id: int) -> Job:
    """Start again, as a new job, the failed job ``job_id`` of ``user`` (e.g. one its worker's stop interrupted).
    ``Job.DoesNotExist`` for a job that has not failed or was started with uploaded files (they are gone: the
    person uploads them again on their page); otherwise as :func:`job_get` and :func:`job_start`."""
    job = job_get(user, job_id)
    kind = kind_of(job.kind)
    if job.state != Job.State.FAILED or kind.uploaded:
        raise Job.DoesNotExist
    return job_start(user=user, kind=kind, params=job.params)


# The jobs listed on a person's page of background jobs, newest first.
RECENT_JOBS = 30


def jobs_recent(user) -> list[Job]:
    """The newest jobs ``user`` started whose scope the person may still see (the file's bytes are not loaded)."""
    member, seen = member_get(user), []
    for job in Job.objects.filter(user=user).defer("result")[:RECENT_JOBS]:
        try:
            kind_of(job.kind).check(member, job.params)
        except PermissionDenied:
            continue
        seen.append(_truthful(job))
    return seen


def _truthful(job: Job) -> Job:
    """``job``, marked failed first if it is running but its worker is gone (the page must not say it runs)."""
    if job_abandoned(job):
        job_interrupt(job)
    return job


@task(takes_context=True)
def job_task(context: TaskContext, job_id: int) -> str:
    """The background task: run job ``job_id``; returns its final state."""
    return job_run(job_id, task_id=str(context.task_result.id))


def job_run(job_id: int, task_id: str = "") -> str:
    """Run job ``job_id`` (of the django-tasks result ``task_id``) and return its final state. A refusal or a
    failure the user can act on is kept on the job in Chinese; an unexpected error is kept as an internal error
    and re-raised; the worker stopped mid-job (a second SIGTERM, Ctrl+C) keeps it as interrupted. An export
    writes nothing but the job; a kind that stores (an audit) stores all in one transaction after its progress,
    so a failed job changes nothing. While it runs the job has this process and a heartbeat
    (:mod:`jixiao.web.jobs.liveness`), so a worker killed outright is found out too."""
    job = Job.objects.select_related("user").get(pk=job_id)
    kind = kind_of(job.kind)
    _update(job, state=Job.State.RUNNING, worker=process_name(), task_id=task_id)
    try:
        with heartbeat(job):
            member = member_get(job.user)
            kind.check(member, job.params)  # the right may have been lost while the job waited
            outcome = kind.run(job, member, lambda done, total: _progress(job, done, total))
    except (SheetError, PermissionDenied) as error:
        _finish(job, Job.State.FAILED, getattr(error, "message", None) or str(error) or "无权执行此任务")
        return job.state
    except Exception as error:
        logger.exception("background job %s (%s) failed", job_id, job.kind)
        _finish(job, Job.State.FAILED, f"处理时发生内部错误（{error.__class__.__name__}），未产生任何结果；请联系管理员")
        raise
    except BaseException:  # SystemExit: the worker told twice to stop ends the job where it is
        logger.warning("background job %s (%s) interrupted: the worker is stopping", job_id, job.kind)
        try:
            _finish(job, Job.State.FAILED, INTERRUPTED)
        except DatabaseError:  # e.g. the database is busy: the next worker, or the job's page, finds it out
            logger.exception("background job %s: its interruption was not recorded", job_id)
        raise
    _finish(job, Job.State.SUCCEEDED, outcome.message, result=outcome.data, result_stem=outcome.stem[:300],
            result_format=outcome.fmt)
    return job.state


def _progress(job: Job, done: int, total: int) -> None:
    """Write progress about every 1% (each write is a commit; a bureau's year has tens of thousands of sheets)."""
    if done in (0, total) or total != job.total or done - job.done >= max(1, total // PROGRESS_STEPS):
        _update(job, done=done, total=total)


def _finish(job: Job, state: str, message: str, **result) -> None:
    _update(job, state=state, message=message, finished_at=timezone.now(), **result)
    job.uploads.all().delete()


def _update(job: Job, **fields) -> None:
    """Write ``fields`` at once, outside any transaction of the job's work, so the progress page sees them; each
    write is also a heartbeat."""
    fields["heartbeat_at"] = timezone.now()
    for name, value in fields.items():
        setattr(job, name, value)
    Job.objects.filter(pk=job.pk).update(**fields)
