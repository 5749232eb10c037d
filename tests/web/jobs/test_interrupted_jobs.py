"""A job whose worker was stopped hard never stays "running": told twice to stop, the worker records the job as
interrupted itself; killed outright (SIGKILL, a machine that went down), the job is found out — its process gone
from this machine, or its heartbeat stale — by the next worker starting up or by the page reading it. Either way
the job and its django-tasks result say it failed, nothing of its work is stored, and the user can start again."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django_tasks.backends.database.models import DBTaskResult

from jixiao.cli import serve_command
from jixiao.web.jobs import liveness
from jixiao.web.jobs.liveness import INTERRUPTED, NOT_STARTED, STALE_AFTER, jobs_interrupt_abandoned, process_name
from jixiao.web.jobs.models import Job, JobUpload
from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_run, job_start, job_task
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services import imports
from tests.web.sheets.test_background_imports import _upload, import_enqueue


@pytest.fixture
def signals_restored():
    """The worker installs its own SIGTERM/SIGINT handlers in this process; put pytest's back afterwards."""
    names = [signal.SIGINT, signal.SIGTERM] + ([signal.SIGQUIT] if hasattr(signal, "SIGQUIT") else [])
    saved = {name: signal.getsignal(name) for name in names}
    yield
    for name, handler in saved.items():
        signal.signal(name, handler)


@pytest.mark.skipif(not hasattr(signal, "raise_signal") or sys.platform == "win32", reason="POSIX signals")
@pytest.mark.django_db(transaction=True)  # the worker commits as in production
def test_a_worker_told_twice_to_stop_mid_import_records_the_job_interrupted(org, login, sample_bytes,
                                                                             other_sample_bytes, monkeypatch,
                                                                             signals_restored):
    client = login(org["owner"])
    _upload(client, org, **{"a.txt": sample_bytes, "b.txt": other_sample_bytes})
    job, real = Job.objects.get(), imports.sheets_store

    def stopped_while_storing(**kwargs):
        real(**kwargs)  # the sheets are written inside the import's transaction; then `jixiao serve` stops
        signal.raise_signal(signal.SIGTERM)  # asked to stop after the task…
        signal.raise_signal(signal.SIGTERM)  # …and told again: django-tasks ends the task (SystemExit)

    monkeypatch.setattr(imports, "sheets_store", stopped_while_storing)
    call_command("db_worker", batch=True, verbosity=0, startup_delay=False)

    job.refresh_from_db()
    assert (job.state, job.message) == ("failed", INTERRUPTED)
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"
    assert not Sheet.objects.exists() and not JobUpload.objects.exists()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "未完成" in page and "后台进程中断" in page and "hx-trigger" not in page


def _dead_pid() -> int:
    """The id of a process of this machine that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def _killed_mid_job(org, sample_bytes, *, worker: str, beat_ago: timedelta = timedelta()) -> Job:
    """A queued import whose worker claimed it, started it and was then killed outright: the rows as it left them."""
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    result = DBTaskResult.objects.get(pk=job_task.enqueue(job.pk).id)
    result.claim("killed-worker")
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, worker=worker, task_id=str(result.pk), done=0,
                                         total=1, heartbeat_at=timezone.now() - beat_ago)
    return Job.objects.get(pk=job.pk)


def _assert_interrupted(job: Job) -> None:
    job.refresh_from_db()
    assert (job.state, job.message) == ("failed", INTERRUPTED) and job.finished_at is not None
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"
    assert not job.uploads.exists() and not Sheet.objects.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows is left to the heartbeat")
def test_the_page_of_a_job_whose_worker_process_was_killed_says_it_failed(org, login, sample_bytes):
    job = _killed_mid_job(org, sample_bytes, worker=f"{process_name().rpartition(':')[0]}:{_dead_pid()}")
    page = login(org["owner"]).get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "未完成" in page and INTERRUPTED in page and "未保存任何内容" in page and "hx-trigger" not in page
    assert "正在处理" not in page
    _assert_interrupted(job)


def test_a_job_whose_heartbeat_is_stale_is_listed_as_failed(org, login, sample_bytes):
    job = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER + timedelta(1))
    page = login(org["owner"]).get("/jobs/").content.decode()
    assert INTERRUPTED in page and "正在处理" not in page
    _assert_interrupted(job)


def test_a_job_whose_worker_beats_is_still_running(org, login, sample_bytes):
    elsewhere = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER / 2)
    here = _killed_mid_job(org, sample_bytes, worker=process_name())  # this process is alive
    client = login(org["owner"])
    for job in (elsewhere, here):
        assert 'hx-trigger="every 1s"' in client.get(f"/jobs/{job.pk}/").content.decode()
        job.refresh_from_db()
        assert job.state == "running" and DBTaskResult.objects.get(pk=job.task_id).status == "RUNNING"
    assert jobs_interrupt_abandoned() == 0


def test_a_worker_starting_up_marks_the_jobs_of_gone_workers_failed(org, sample_bytes):
    stale = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER * 2)
    # A worker restarted in a fresh container may get the id the killed one had: this process's.
    same_id = _killed_mid_job(org, sample_bytes, worker=process_name())
    beating = _killed_mid_job(org, sample_bytes, worker="another-machine:4343")
    assert jobs_interrupt_abandoned(starting=True) == 2
    _assert_interrupted(stale)
    _assert_interrupted(same_id)
    beating.refresh_from_db()
    assert beating.state == "running"


def test_a_job_interrupted_meanwhile_is_not_marked_again(org, sample_bytes):
    job = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER * 2)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())  # its worker beat after all
    assert not liveness.job_interrupt(job)
    job.refresh_from_db()
    assert job.state == "running"


@pytest.mark.django_db(transaction=True)  # the heartbeat is written by another thread, on its own connection
def test_a_running_job_writes_its_heartbeat_while_one_step_takes_long(org, sample_bytes, monkeypatch):
    monkeypatch.setattr(liveness, "HEARTBEAT_SECONDS", 0.01)
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    real, seen = imports._read_one, []

    def long_step(name, data):
        first = Job.objects.get(pk=job.pk)
        seen.append((first.state, first.worker))
        beat = threading.Event()
        for _ in range(500):  # until the heartbeat thread has written (a few ms); bounded
            if Job.objects.get(pk=job.pk).heartbeat_at != first.heartbeat_at:
                beat.set()
                break
            time.sleep(0.01)
        seen.append(beat.is_set())
        return real(name, data)

    monkeypatch.setattr(imports, "_read_one", long_step)
    assert job_run(job.pk) == "succeeded"
    assert seen == [("running", process_name()), True]
    connections.close_all()


def test_jixiao_worker_marks_the_jobs_of_gone_workers_failed_before_it_takes_any(org, sample_bytes, monkeypatch,
                                                                                 tmp_path):
    job = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER * 2)
    started = []
    monkeypatch.setattr(serve_command, "_configure", lambda data, host: None)  # the test's database, as set up
    monkeypatch.setattr("django.core.management.call_command",
                        lambda name, **options: started.append((name, Job.objects.get(pk=job.pk).state)))
    serve_command.worker(data=tmp_path, interval=1.0, parent=None)
    assert started == [("db_worker", "failed")]


def test_an_interrupted_export_is_started_again_from_its_page(org, login):
    params = {"year": 2026, "unit": None, "format": "json"}
    job = job_start(user=org["reviewer"], kind=KINDS["sheets"], params=params)
    client = login(org["reviewer"])
    assert client.post(f"/jobs/{job.pk}/restart/").status_code == 404  # queued: nothing to start again
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, worker="another-machine:4242",
                                         heartbeat_at=timezone.now() - STALE_AFTER * 2)
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert INTERRUPTED in page and 'id="job-restart"' in page
    response = client.post(f"/jobs/{job.pk}/restart/")
    again = Job.objects.exclude(pk=job.pk).get()
    assert response.status_code == 302 and response.url == f"/jobs/{again.pk}/"
    assert (again.kind, again.params, again.state, again.user) == ("sheets", params, "queued", org["reviewer"])
    assert Job.objects.get(pk=job.pk).state == "failed"
    assert login(org["owner"]).post(f"/jobs/{again.pk}/restart/").status_code == 404  # another person's job


def test_an_interrupted_import_asks_for_its_files_again(org, login, sample_bytes):
    job = _killed_mid_job(org, sample_bytes, worker="another-machine:4242", beat_ago=STALE_AFTER * 2)
    client = login(org["owner"])
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "重新上传文件" in page and 'id="job-restart"' not in page
    assert client.post(f"/jobs/{job.pk}/restart/").status_code == 404
    assert Job.objects.count() == 1


def _taken_not_started(org, sample_bytes, *, taken_ago: timedelta, status: str = "RUNNING") -> Job:
    """A queued import whose task a worker took ``taken_ago`` and then ended before marking the job running."""
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    result = DBTaskResult.objects.get(pk=job_task.enqueue(job.pk).id)
    result.claim("killed-worker")
    DBTaskResult.objects.filter(pk=result.pk).update(status=status, started_at=timezone.now() - taken_ago)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.pk))
    return Job.objects.get(pk=job.pk)


@pytest.mark.parametrize(("taken_ago", "status"), [(STALE_AFTER * 2, "RUNNING"), (timedelta(), "FAILED")])
def test_a_job_whose_task_was_taken_but_never_started_says_so(org, login, sample_bytes, taken_ago, status):
    job = _taken_not_started(org, sample_bytes, taken_ago=taken_ago, status=status)
    page = login(org["owner"]).get(f"/jobs/{job.pk}/").content.decode()
    assert NOT_STARTED in page and "排队中" not in page and "hx-trigger" not in page
    job.refresh_from_db()
    assert (job.state, job.message) == ("failed", NOT_STARTED) and job.finished_at is not None
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"
    assert not job.uploads.exists() and not Sheet.objects.exists()


def test_a_job_waiting_for_a_worker_or_just_taken_stays_queued(org, login, sample_bytes):
    just_taken = _taken_not_started(org, sample_bytes, taken_ago=timedelta(seconds=1))
    waiting = import_enqueue(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    Job.objects.filter(pk=waiting.pk).update(task_id=str(job_task.enqueue(waiting.pk).id))
    client = login(org["owner"])
    for job in (just_taken, waiting):
        assert "排队中" in client.get(f"/jobs/{job.pk}/").content.decode()
        job.refresh_from_db()
        assert job.state == "queued"
    assert jobs_interrupt_abandoned(starting=True) == 0


def test_a_worker_starting_up_marks_the_jobs_taken_by_a_gone_worker_failed(org, sample_bytes):
    job = _taken_not_started(org, sample_bytes, taken_ago=STALE_AFTER * 2)
    assert jobs_interrupt_abandoned(starting=True) == 1
    job.refresh_from_db()
    assert (job.state, job.message) == ("failed", NOT_STARTED)


def test_a_started_job_keeps_its_task_id_once_queued(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_start(user=org["reviewer"], kind=KINDS["sheets"], params={"year": 2026, "unit": None,
                                                                          "format": "json"})
    job.refresh_from_db()
    assert DBTaskResult.objects.get(pk=job.task_id).status == "READY"
