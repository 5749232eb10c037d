"""An upload whose read runs out of time: the import page names the file and where its read had got to, and nothing
is stored, whether the upload is read on the page, by a direct import or by the background worker."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jixiao.web.jobs.models import JobUpload
from jixiao.web.jobs.services import job_run
from jixiao.web.sheets.errors import ImportRefused
from jixiao.web.sheets.models import HistoryEntry, Sheet
from jixiao.web.sheets.services.imports import sheets_import
from tests.documents.slow_reading import SLOW_CELL, SMALL_TABLE, stall_at
from tests.web.sheets.test_background_imports import _zip, import_enqueue

WHY = "读取超时：读取时间最多 60 秒，在第4行时仍未读完"
SAID = f"慢.txt：{WHY}"


@pytest.fixture
def stalled(monkeypatch):
    stall_at(SLOW_CELL, monkeypatch.setattr)


def _nothing_stored() -> bool:
    return not Sheet.objects.exists() and not HistoryEntry.objects.exists()


def test_the_import_page_names_the_file_out_of_time_and_stores_nothing(org, login, sample_bytes, stalled):
    files = [SimpleUploadedFile("sample.txt", sample_bytes), SimpleUploadedFile("慢.txt", SMALL_TABLE.encode())]
    page = login(org["owner"]).post("/sheets/import/", {"unit": org["township"].pk, "year": 2026, "files": files})
    assert page.status_code == 200
    text = page.content.decode()
    assert "<h2>慢.txt</h2>" in text and f"无法读取：{WHY}" in text
    assert "/confirm/" not in text and _nothing_stored()  # (the batch cannot be confirmed)


def test_an_import_with_a_file_out_of_time_imports_nothing(org, sample_bytes, stalled):
    with pytest.raises(ImportRefused, match=f"整批未导入：{SAID}"):
        sheets_import(
            user=org["owner"],
            unit=org["township"],
            year=2026,
            files=[("sample.txt", sample_bytes), ("慢.txt", SMALL_TABLE.encode())],
        )
    assert _nothing_stored()


def test_a_background_import_with_a_file_out_of_time_fails_saying_why(org, sample_bytes, stalled):
    job = import_enqueue(
        user=org["owner"],
        unit=org["township"],
        year=2026,
        files=[("batch.zip", _zip(**{"good.txt": sample_bytes, "慢.txt": SMALL_TABLE.encode()}))],
    )
    assert job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert f"batch.zip/{SAID}" in job.message and "整批未导入" in job.message
    assert _nothing_stored() and not JobUpload.objects.exists()
