"""Background imports: an archive or many files are queued, read with progress the user can watch, stored all
or nothing, and the job keeps the result or why nothing was stored."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.web.jobs import services as jobs
from jixiao.web.jobs.models import Job, JobUpload
from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_run, job_start, wants_background
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services import imports


def import_enqueue(*, user, unit, year, files) -> Job:
    """Queue the import of ``files`` as the import page does for a large upload."""
    return job_start(user=user, kind=KINDS["import"], files=files,
                     params={"unit": unit.pk, "year": year, "accept_year": False})


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _upload(client, org, **files: bytes):
    archive = SimpleUploadedFile("batch.zip", _zip(**files))
    return client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2026, "files": [archive]})


@pytest.mark.django_db(transaction=True)  # the worker runs its own transactions, as in production
def test_an_archive_is_imported_by_the_worker_and_the_page_follows_it(org, login, sample_bytes, other_sample_bytes):
    client = login(org["owner"])
    response = _upload(client, org, **{"a.txt": sample_bytes, "b.txt": other_sample_bytes})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == f"/jobs/{job.pk}/"
    waiting = client.get(response.url).content.decode()
    assert "排队中" in waiting and 'hx-trigger="every 1s"' in waiting and not Sheet.objects.exists()

    call_command("db_worker", batch=True, verbosity=0)

    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.message) == ("succeeded", 2, 2, "已导入 4 张绩效目标表")
    assert Sheet.objects.filter(unit=org["township"], year=2026).count() == 4
    done = client.get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "已导入 4 张绩效目标表" in done and "hx-trigger" not in done and "查看导入的表" in done
    assert not JobUpload.objects.exists()


def test_progress_is_visible_while_the_files_are_read(org, sample_bytes, other_sample_bytes, monkeypatch):
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026,
                         files=[("a.txt", sample_bytes), ("b.txt", other_sample_bytes)])
    real, seen = imports._read_one, []

    def reading(name, data):
        row = Job.objects.get(pk=job.pk)
        seen.append((name, row.state, row.done, row.total))
        return real(name, data)

    monkeypatch.setattr(imports, "_read_one", reading)
    assert job_run(job.pk) == "succeeded" and Sheet.objects.count() == 4
    assert seen == [("a.txt", "running", 0, 2), ("b.txt", "running", 1, 2)]


def test_an_unreadable_file_fails_the_job_with_why_and_stores_nothing(org, login, sample_bytes):
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026,
                         files=[("batch.zip", _zip(**{"good.txt": sample_bytes, "broken.docx": b"PK\x03\x04 no"}))])
    assert job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert "batch.zip/broken.docx" in job.message and "整批未导入" in job.message
    assert not Sheet.objects.exists() and not JobUpload.objects.exists()
    page = login(org["owner"]).get(f"/jobs/{job.pk}/").content.decode()
    assert "未完成" in page and "broken.docx" in page and "未保存任何内容" in page and "hx-trigger" not in page


def test_a_failure_while_storing_leaves_nothing_and_says_so(org, sample_bytes, other_sample_bytes, monkeypatch):
    real, stored = imports.sheets_store, []

    def failing_after_the_sheets(**kwargs):
        stored.extend(real(**kwargs))  # the sheets are written, then the unit's overall goals fail
        raise RuntimeError("disk full")

    monkeypatch.setattr(imports, "sheets_store", failing_after_the_sheets)
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026,
                         files=[("a.txt", sample_bytes), ("b.txt", other_sample_bytes)])
    with pytest.raises(RuntimeError):
        job_run(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "内部错误（RuntimeError）" in job.message
    assert len(stored) == 4 and not Sheet.objects.exists()


def test_another_persons_job_is_not_found(org, login, sample_bytes):
    job = import_enqueue(user=org["owner"], unit=org["township"], year=2026, files=[("a.txt", sample_bytes)])
    client = login(org["colleague"])
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    assert client.get(f"/jobs/{job.pk}/progress/").status_code == 404


@pytest.mark.parametrize(("names", "expected"), [
    (["a.txt"], False), ([f"{n}.txt" for n in range(jobs.BACKGROUND_FILES)], False),
    ([f"{n}.txt" for n in range(jobs.BACKGROUND_FILES + 1)], True), (["batch.ZIP"], True)])
def test_which_uploads_go_to_the_background(names, expected):
    assert wants_background([(name, b"") for name in names]) is expected


def test_a_background_import_of_another_years_and_units_file_can_be_confirmed_on_the_upload_form(org, login):
    # 133 is titled 2022: imported as 2020 in the background (a .zip has no preview), the refusal asked to confirm
    # the chosen year, which the page offered no way to do
    entry = next(e for e in load_manifest() if e.split == "dev" and e.path.name.startswith("133_"))
    client = login(org["owner"])
    form = client.get("/sheets/import/").content.decode()
    assert "仍按所选年度导入" in form and "仍导入到所选单位" in form

    def upload(**confirm):
        archive = SimpleUploadedFile("batch.zip", _zip(**{entry.path.name: document_bytes(entry.path)}))
        client.post("/sheets/import/", {"unit": org["township"].pk, "year": 2020, "files": [archive], **confirm})
        job = Job.objects.latest("id")
        return job_run(job.pk), Job.objects.get(pk=job.pk)

    state, job = upload()
    assert state == "failed" and "写的是 2022 年度" in job.message and "勾选“仍按所选年度导入”" in job.message
    # 133 is 湘阴县教育局's table: the unit, too, is confirmed on the form
    state, job = upload(accept_year="on")
    assert state == "failed" and "写的单位是“" in job.message and "勾选“仍导入到所选单位”" in job.message
    state, job = upload(accept_year="on", accept_unit="on")
    assert state == "succeeded" and Sheet.objects.filter(unit=org["township"], year=2020).count() == 1
