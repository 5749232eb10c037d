"""Whether a running job's worker is still there: a job records the process running it and a heartbeat, written
by a thread of that process while the work runs. A worker stopped hard (a second SIGTERM while a transaction was
open, SIGKILL, a machine that went down) cannot say so itself; a worker starting up and a page reading the job
find it instead — its process gone from this machine or its heartbeat stale — and mark it failed with why. A
worker that ended between claiming a job's task and marking the job running leaves a job that would say 排队中 for
ever: its task is no longer waiting, so it is found out the same way. The work of a job stores all in one
transaction at its end, so an interrupted job stored nothing.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import DatabaseError, connections
from django.utils import timezone
from django_tasks.backends.database.models import DBTaskResult
from django_tasks.base import TaskResultStatus

from jixiao.web.jobs.models import Job, JobUpload
from jixiao.web.processes import process_exists

__all__ = ["HEARTBEAT_SECONDS", "INTERRUPTED", "NOT_STARTED", "STALE_AFTER", "heartbeat", "job_abandoned",
           "job_interrupt", "jobs_interrupt_abandoned", "process_name"]

logger = logging.getLogger(__name__)

# How often a running job's worker writes its heartbeat (seconds).
HEARTBEAT_SECONDS = 15

# A heartbeat older than this means the worker is gone. Generous: on SQLite a beat waits for the write lock, and
# one held by a long write (an import storing thousands of sheets) makes a few beats in a row fail.
STALE_AFTER = timedelta(minutes=2)

# What the user reads on a job its worker did not finish.
INTERRUPTED = "任务因后台进程中断（服务停止或重启）而未完成，未保存任何更改"
# What the user reads on a job whose task a worker took but never started.
NOT_STARTED = "任务未能开始（后台进程在开始前中断或出错），未保存任何更改"


def process_name() -> str:
    """This process as a job records its worker: the machine's name and the process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_gone(worker: str, *, starting: bool) -> bool:
    """True when ``worker`` (see :func:`process_name`) was a process of this machine that has ended. A process of
    another machine, or any process on Windows (where ``os.kill`` would end it), is left to the heartbeat. A worker
    ``starting`` up with the id a job records has run nothing yet: the id was reused, so the job's process ended."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or sys.platform == "win32":
        return False
    if int(pid) == os.getpid():
        return starting
    return not process_exists(int(pid))


def job_abandoned(job: Job, *, starting: bool = False) -> bool:
    """True when ``job`` is running but its worker is gone (its process has ended or its heartbeat is stale), or
    still queued although a worker took its task and ended before starting it."""
    if job.state == Job.State.QUEUED:
        return _claim_lost(job)
    if job.state != Job.State.RUNNING:
        return False
    beat = job.heartbeat_at or job.created_at
    return beat < timezone.now() - STALE_AFTER or _process_gone(job.worker, starting=starting)


def _claim_lost(job: Job) -> bool:
    """True when queued ``job``'s task is no longer waiting: finished, gone, or claimed longer ago than a heartbeat
    may be late (a worker marks the job running as soon as it claims the task)."""
    if not job.task_id:
        return False  # not yet enqueued: the request that started it has not committed
    task = DBTaskResult.objects.filter(pk=job.task_id).values("status", "started_at").first()
    if task is None or task["status"] in (TaskResultStatus.FAILED, TaskResultStatus.SUCCEEDED):
        return True
    started = task["started_at"]
    return task["status"] == TaskResultStatus.RUNNING and started is not None and started < timezone.now() - STALE_AFTER


def job_interrupt(job: Job) -> bool:
    """Mark ``job`` failed as interrupted (running) or not started (queued), and its django-tasks result failed
    too; False (and nothing written) when the job moved on meanwhile or its worker wrote a heartbeat."""
    now = timezone.now()
    message = NOT_STARTED if job.state == Job.State.QUEUED else INTERRUPTED
    interrupted = Job.objects.filter(pk=job.pk, state=job.state, heartbeat_at=job.heartbeat_at).update(
        state=Job.State.FAILED, message=message, finished_at=now)
    if not interrupted:
        return False
    job.state, job.message, job.finished_at = Job.State.FAILED, message, now
    JobUpload.objects.filter(job_id=job.pk).delete()  # as after any failure: the user uploads again
    if job.task_id:
        DBTaskResult.objects.filter(pk=job.task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED, finished_at=now, exception_class_path="builtins.SystemExit",
            traceback=f"jixiao: {INTERRUPTED}")
    logger.warning("background job %s (%s) interrupted: its worker %s is gone", job.pk, job.kind, job.worker)
    return True


def jobs_interrupt_abandoned(*, starting: bool = False) -> int:
    """Mark failed every running job whose worker is gone, and every queued one whose task a gone worker took;
    returns how many. A worker calls it ``starting`` up."""
    running = Job.objects.filter(  # a few rows: jobs are kept a week
        state__in=(Job.State.RUNNING, Job.State.QUEUED)).defer("result")
    return sum(job_interrupt(job) for job in running if job_abandoned(job, starting=starting))


@contextmanager
def heartbeat(job: Job) -> Iterator[None]:
    """Write ``job``'s heartbeat every :data:`HEARTBEAT_SECONDS` from a thread while the block runs (the work may
    spend minutes in one step). A beat the database refuses (busy) is tried again at the next one."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(HEARTBEAT_SECONDS):
                try:
                    Job.objects.filter(pk=job.pk, state=Job.State.RUNNING).update(heartbeat_at=timezone.now())
                except DatabaseError as error:
                    logger.warning("background job %s: heartbeat not written (%s)", job.pk, error)
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=beat, name=f"jixiao-job-{job.pk}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
