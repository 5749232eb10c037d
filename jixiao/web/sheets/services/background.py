"""Imports run as background tasks (django-tasks): queue the upload, read it file by file with progress the
user can watch, store it all or nothing, and keep the result or the reason it failed."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from jixiao.web.organisation.models import Unit
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import ImportJob, ImportUpload
from jixiao.web.sheets.services.imports import check_unit, sheets_import

__all__ = ["BACKGROUND_FILES", "import_enqueue", "import_run", "import_task", "wants_background"]

logger = logging.getLogger(__name__)

# An upload of more files than this, or with a .zip, is imported in the background.
BACKGROUND_FILES = 20


def wants_background(files: list[tuple[str, bytes]]) -> bool:
    """True for uploads too large to read within one page request: many files, or an archive."""
    return len(files) > BACKGROUND_FILES or any(name.lower().endswith(".zip") for name, _ in files)


def import_enqueue(*, user, unit: Unit, year: int, files: list[tuple[str, bytes]], accept_year: bool = False) -> ImportJob:
    """Keep the files and queue their import; the job shows its progress and, at the end, its result."""
    check_unit(user, unit)
    with transaction.atomic():
        job = ImportJob.objects.create(user=user, unit=unit, year=year, accept_year=accept_year, total=len(files))
        ImportUpload.objects.bulk_create(ImportUpload(job=job, name=name, data=data) for name, data in files)
        transaction.on_commit(lambda: import_task.enqueue(job.pk))
    return job


@task()
def import_task(job_id: int) -> int:
    """The background task: import the files of :class:`ImportJob` ``job_id``; returns the sheets stored."""
    return import_run(job_id)


def import_run(job_id: int) -> int:
    """Run the import of job ``job_id``; returns the number of sheets stored. A failure stores nothing (the import
    is one transaction) and is kept on the job in Chinese; an unexpected error is re-raised after that."""
    job = ImportJob.objects.select_related("user", "unit").get(pk=job_id)
    files = [(u.name, bytes(u.data)) for u in job.uploads.order_by("id")]
    _update(job, state=ImportJob.State.READING)
    try:
        sheets = sheets_import(user=job.user, unit=job.unit, year=job.year, files=files,
                               accept_year=job.accept_year, progress=lambda done, total: _progress(job, done, total))
    except (SheetError, PermissionDenied) as error:
        _finish(job, ImportJob.State.FAILED, getattr(error, "message", None) or str(error) or "无权导入")
        return 0
    except Exception as error:
        logger.exception("background import %s failed", job_id)
        _finish(job, ImportJob.State.FAILED, f"导入时发生内部错误（{error.__class__.__name__}），整批未导入；请联系管理员")
        raise
    _finish(job, ImportJob.State.SUCCEEDED, f"已导入 {len(sheets)} 张绩效目标表", sheet_count=len(sheets))
    return len(sheets)


def _progress(job: ImportJob, done: int, total: int) -> None:
    _update(job, done=done, total=total, state=ImportJob.State.STORING if done == total else ImportJob.State.READING)


def _finish(job: ImportJob, state: str, message: str, sheet_count: int = 0) -> None:
    _update(job, state=state, message=message, sheet_count=sheet_count, finished_at=timezone.now())
    job.uploads.all().delete()


def _update(job: ImportJob, **fields) -> None:
    """Write ``fields`` at once, outside any import transaction, so the progress page sees them."""
    for name, value in fields.items():
        setattr(job, name, value)
    ImportJob.objects.filter(pk=job.pk).update(**fields)
