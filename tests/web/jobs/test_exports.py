"""Bureau-wide exports as background jobs: started by a button, followed on a page that polls its progress, the
file downloaded at the end; a failure says why in Chinese and leaves no file; only the person who started a job,
while still allowed its scope, sees it."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from jixiao.web.jobs import services
from jixiao.web.jobs.models import Job
from jixiao.web.jobs.registry import KINDS
from jixiao.web.jobs.services import job_run, job_start
from jixiao.web.organisation.models import Member, Role
from jixiao.web.performance.services import setting_save
from jixiao.web.security.models import AuditEvent
from jixiao.web.sheets import jobs as sheet_jobs
from jixiao.web.sheets.services.sheets import sheet_create
from tests.web.audits.conftest import township_evaluation
from tests.web.conftest import small_sheet


def _file_name(download) -> str:
    """The file name a download gives (RFC 5987: UTF-8, percent-encoded)."""
    return unquote(download["Content-Disposition"].split("filename*=utf-8''")[1])


def _sheets(org, *units_and_names):
    for unit, name in units_and_names:
        sheet_create(user=org["admin"], unit=org[unit], year=2026, content=small_sheet(name=name), source="test")


@pytest.mark.django_db(transaction=True)  # the worker runs its own transactions, as in production
def test_a_reviewer_exports_the_bureaus_year_through_the_worker(org, login):
    _sheets(org, ("township", "西留村乡环境整治"), ("sibling_unit", "乙乡道路养护"))
    client = login(org["reviewer"])
    assert "导出本年度所有单位的表" in client.get("/sheets/?year=2026").content.decode()
    response = client.post("/jobs/start/sheets/", {"year": 2026, "format": "json"})
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == f"/jobs/{job.pk}/"
    waiting = client.get(response.url).content.decode()
    assert "排队中" in waiting and 'hx-trigger="every 1s"' in waiting and "可见的全部单位 2026年度 · JSON" in waiting

    call_command("db_worker", batch=True, verbosity=0)

    done = client.get(f"/jobs/{job.pk}/progress/").content.decode()
    assert "已导出 2 张绩效目标表" in done and "hx-trigger" not in done and f"/jobs/{job.pk}/download/" in done
    download = client.get(f"/jobs/{job.pk}/download/")
    assert _file_name(download) == "甲市财政局-2026年度绩效目标表.json"
    assert "下载 <span class=\"file-name\">甲市财政局-2026年度绩效目标表.json</span>" in done
    exported = json.loads(download.content)
    assert sorted(sheet["unit"]["name"] for sheet in exported["sheets"]) == ["乙乡人民政府", "遵化市西留村乡人民政府"]
    assert exported["unit"] is None  # two units: the file names no single one
    assert [(e.action, e.details.get("kind")) for e in AuditEvent.objects.filter(user=org["reviewer"]).order_by("id")
            if e.action in ("job_started", "download")] == [("job_started", "sheets"), ("download", None)]


def test_a_preparer_is_offered_and_given_the_export_of_their_own_unit(org, login, exported):
    """A preparer sees only their unit: the year's export is offered as their unit's, and started for it."""
    _sheets(org, ("township", "西留村乡环境整治"), ("sibling_unit", "乙乡道路养护"))
    client = login(org["owner"])
    form = client.get("/sheets/?year=2026").content.decode().split('class="inline export"')[1].split("</form>")[0]
    assert "导出本单位本年度全部表" in form and "所有单位" not in form
    unit = form.split('name="unit" value="')[1].split('"')[0]
    assert unit == str(org["township"].pk)
    download = exported(client, "sheets", {"year": 2026, "unit": unit, "format": "json"})
    assert _file_name(download) == "遵化市西留村乡人民政府-2026年度绩效目标表.json"  # the unit's, not the bureau's
    assert [sheet["name"] for sheet in json.loads(download.content)["sheets"]] == ["西留村乡环境整治"]
    assert "遵化市西留村乡人民政府 2026年度 · JSON" in client.get(f"/jobs/{Job.objects.get().pk}/").content.decode()


@pytest.mark.parametrize(("kind", "params", "name"), [
    ("sheets", {"year": 2026, "format": "docx"}, "甲市财政局-2026年度绩效目标表.docx"),
    ("overview", {"year": 2026}, "甲市财政局-2026年度运行监控与自评概况.xlsx"),
    ("audits", {"year": 2026}, "甲市财政局-2026年度自评复核结果.xlsx"),  # was 自评复核_2026: no bureau, no 结果
])
def test_an_export_is_named_for_whose_which_year_and_what(org, login, exported, approved, kind, params, name):
    """Each background export's file says whose tables of which year and what they are; its format the extension
    says, the job's page the same name as the download."""
    if kind == "audits":
        upload = SimpleUploadedFile("自评表.json", township_evaluation())
        login(org["reviewer"]).post("/audits/upload/", {"year": 2026, "profile": "central", "files": [upload]})
    client = login(org["reviewer"])
    assert _file_name(exported(client, kind, params)) == name
    assert f'<span class="file-name">{name}</span>' in client.get(f"/jobs/{Job.objects.latest('id').pk}/").content.decode()


def test_an_export_named_for_a_unit_of_hostile_name_is_named_safely_and_shown_escaped(org, login, exported):
    """A unit's name is user text: it never makes a path or markup of the file's name, on the page or the download."""
    org["township"].name = '../乡<b>"办"</b>\\x:y'
    org["township"].save()
    _sheets(org, ("township", "西留村乡环境整治"))
    client = login(org["owner"])
    download = exported(client, "sheets", {"year": 2026, "unit": org["township"].pk, "format": "xlsx"})
    assert _file_name(download) == "乡_b_办_b_x_y-2026年度绩效目标表.xlsx"
    page = client.get(f"/jobs/{Job.objects.latest('id').pk}/").content.decode()
    assert '<span class="file-name">乡_b_办_b_x_y-2026年度绩效目标表.xlsx</span>' in page
    assert "&lt;b&gt;" in page and "<b>" not in page  # the scope line names the unit as written, escaped


def test_progress_is_visible_while_the_sheets_are_converted(org, monkeypatch):
    _sheets(org, ("township", "甲"), ("township", "乙"), ("township", "丙"))
    job = job_start(user=org["owner"], kind=KINDS["sheets"], params={"year": 2026, "unit": None, "format": "xlsx"})
    real, seen = sheet_jobs.export_sheets, []

    def exporting(sheets, fmt, progress):
        def watched(done, total):
            progress(done, total)
            row = Job.objects.get(pk=job.pk)
            seen.append((row.state, row.done, row.total))
        return real(sheets, fmt, watched)

    monkeypatch.setattr(sheet_jobs, "export_sheets", exporting)
    assert job_run(job.pk) == "succeeded"
    assert seen == [("running", 1, 3), ("running", 2, 3), ("running", 3, 3)]


def test_the_overview_export_has_a_row_per_approved_sheet(org, login, exported, approved):
    response = exported(login(org["admin"]), "overview", {"year": 2026})
    rows = list(load_workbook(io.BytesIO(response.content))["运行监控与自评"].values)
    assert rows[0][:6] == ("单位编码", "单位", "项目编码", "项目", "监控灯", "1-6月执行率（%）")
    assert rows[1][:4] == ("434016", "遵化市西留村乡人民政府", "P-001", "乡镇环境治理经费") and len(rows) == 2


def test_the_overview_export_heads_the_rate_with_the_period_the_page_names(org, login, exported, approved):
    """The rate is the monitoring period's: the workbook's heading names the same months as the page's."""
    setting_save(user=org["reviewer"], year=2026, profile="central", period_end=date(2026, 9, 30))
    client = login(org["admin"])
    page = client.get("/performance/", {"year": 2026}).content.decode()
    assert '<th class="num">1-9月执行率</th>' in page
    response = exported(client, "overview", {"year": 2026})
    heading = next(load_workbook(io.BytesIO(response.content))["运行监控与自评"].values)
    assert heading[5] == "1-9月执行率（%）" and "执行率（%）" not in heading[:5] + heading[6:]


@pytest.mark.parametrize(("kind", "params", "why"), [
    ("sheets", {"year": 2030, "unit": None, "format": "docx"}, "所选单位和年度没有可导出的表"),
    ("overview", {"year": 2030, "unit": None}, "2030年度还没有批复的绩效目标表"),
    ("audits", {"year": 2030}, "2030年度还没有复核过的自评表或监控表"),
])
def test_a_failed_export_says_why_and_leaves_no_file(org, login, kind, params, why):
    job = job_start(user=org["reviewer"], kind=KINDS[kind], params=params)
    assert job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert why in job.message and job.result is None and job.finished_at
    client = login(org["reviewer"])
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert why in page and "未产生任何结果" in page and "hx-trigger" not in page
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404


def test_an_internal_error_is_kept_on_the_job_and_raised(org, monkeypatch):
    _sheets(org, ("township", "甲"))
    monkeypatch.setattr(sheet_jobs, "export_sheets", lambda *args: (_ for _ in ()).throw(RuntimeError("disk")))
    job = job_start(user=org["owner"], kind=KINDS["sheets"], params={"year": 2026, "unit": None, "format": "json"})
    with pytest.raises(RuntimeError):
        job_run(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "内部错误（RuntimeError）" in job.message and job.result is None


def test_a_person_who_lost_the_right_loses_the_job(org, login, exported):
    _sheets(org, ("sibling_unit", "乙乡道路养护"))
    client = login(org["reviewer"])
    assert exported(client, "sheets", {"year": 2026, "unit": org["sibling_unit"].pk}).status_code == 200
    job = Job.objects.get()
    Member.objects.filter(user=org["reviewer"]).update(unit=org["township"], role=Role.PREPARER)
    assert client.get(f"/jobs/{job.pk}/").status_code == 403
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 403


def test_the_list_shows_ones_own_jobs_while_their_scope_is_allowed(org, login):
    mine = job_start(user=org["reviewer"], kind=KINDS["overview"], params={"year": 2026, "unit": None})
    job_start(user=org["admin"], kind=KINDS["audits"], params={"year": 2026})
    client = login(org["reviewer"])
    page = client.get("/jobs/").content.decode()
    assert f"/jobs/{mine.pk}/" in page and "运行监控与自评概况导出" in page and "自评复核结果导出" not in page
    assert f"保留 {services.KEEP_DAYS} 天" in page
    Member.objects.filter(user=org["reviewer"]).update(unit=org["township"], role=Role.PREPARER)
    assert f"/jobs/{mine.pk}/" not in client.get("/jobs/").content.decode()


def test_a_queued_job_whose_starter_lost_the_right_fails_without_a_file(org):
    job = job_start(user=org["reviewer"], kind=KINDS["overview"], params={"year": 2026, "unit": None})
    Member.objects.filter(user=org["reviewer"]).update(unit=org["township"], role=Role.PREPARER)
    assert job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert "仅供财政局审核人和管理员导出" in job.message and job.result is None


@pytest.mark.parametrize(("person", "kind", "data", "status"), [
    ("owner", "overview", {"year": 2026}, 403),
    ("owner", "audits", {"year": 2026}, 403),
    ("owner", "sheets", {"year": 2026, "unit": "sibling"}, 403),
    ("reviewer", "sheets", {"year": 2026, "format": "pdf"}, 400),
    ("reviewer", "sheets", {"format": "json"}, 400),
    ("reviewer", "audit_upload", {"year": 2026}, 404),
    ("reviewer", "nonsense", {"year": 2026}, 404),
])
def test_starts_that_are_refused_keep_nothing(org, login, person, kind, data, status):
    if data.get("unit") == "sibling":
        data = {**data, "unit": org["sibling_unit"].pk}
    response = login(org[person]).post(f"/jobs/start/{kind}/", data)
    assert response.status_code == status and not Job.objects.exists()
    assert not AuditEvent.objects.filter(action="job_started").exists()


def test_every_kind_is_registered_under_its_own_code():
    assert all(code == kind.code for code, kind in KINDS.items())
    assert set(KINDS) == {"import", "sheets", "overview", "audits", "audit_upload", "audit_log"}


def test_a_finished_job_has_no_uploads_left(org):
    job = job_start(user=org["reviewer"], kind=KINDS["audit_upload"], params={"year": 2026, "profile": "central"},
                    files=[("a.json", b"{}")])
    assert job.uploads.count() == 1
    assert services.job_run(job.pk) == "failed" and not job.uploads.exists()


def test_jobs_finished_long_ago_go_when_another_starts(org):
    old, recent = (job_start(user=org["reviewer"], kind=KINDS["audits"], params={"year": 2026}) for _ in range(2))
    Job.objects.filter(pk=old.pk).update(state="succeeded", result=b"x",
                                         finished_at=timezone.now() - timedelta(days=services.KEEP_DAYS, hours=1))
    Job.objects.filter(pk=recent.pk).update(state="succeeded", result=b"x",
                                            finished_at=timezone.now() - timedelta(days=services.KEEP_DAYS - 1))
    job_start(user=org["owner"], kind=KINDS["sheets"], params={"year": 2026, "unit": None, "format": "json"})
    assert not Job.objects.filter(pk=old.pk).exists() and Job.objects.filter(pk=recent.pk).exists()


def test_progress_is_written_about_every_percent(org, monkeypatch):
    job = job_start(user=org["reviewer"], kind=KINDS["audits"], params={"year": 2026})
    writes, real = [], services._update

    def counted(job, **fields):
        writes.append(fields["done"])
        real(job, **fields)

    monkeypatch.setattr(services, "_update", counted)
    for done in range(0, 1001):
        services._progress(job, done, 1000)
    assert writes == list(range(0, 1001, 10))
