"""The audit events of ``jixiao backup`` and ``jixiao restore``: who ran them (OS account and host), on which file,
and the restored backup's own time read back from the event the backup wrote into itself."""

from __future__ import annotations

import getpass
import socket
import sqlite3
from pathlib import Path

import pytest
from django.db import OperationalError

from jixiao.web import backup
from jixiao.web.backup import BackupError
from jixiao.web.security import backup_events
from jixiao.web.security.audit import audit_record
from jixiao.web.security.backup_events import (
    AuditLogUnavailable,
    backup_failed,
    backup_recorded,
    backup_taken_at,
    restore_recorded,
)
from jixiao.web.security.events import LOGIN_FAILED
from tests.web.security.conftest import events

OPERATOR = f"{getpass.getuser()}@{socket.gethostname()}"


def test_a_backup_is_recorded_with_the_os_user_host_and_file(org, auditor, login):
    event = backup_recorded(Path("/backup/jixiao-2026-12-07.sqlite3"))
    assert (event.username, event.user, event.bureau, event.result) == (OPERATOR, None, None, "success")
    assert event.details == {"file": "jixiao-2026-12-07.sqlite3", "os_user": getpass.getuser(),
                             "host": socket.gethostname()}
    page = login(auditor).get("/audit/?action=backup_taken").content.decode()  # no bureau: every auditor sees it
    assert "备份数据库（jixiao backup）" in page and "jixiao-2026-12-07.sqlite3" in page


def test_a_restore_records_the_file_force_and_the_backups_own_time(org):
    taken = backup_recorded(Path("/backup/b.sqlite3"))  # the newest event of a backup is its own
    restored = restore_recorded(Path("/elsewhere/b.sqlite3"), forced=True)
    assert restored.action_label == "从备份恢复数据库（jixiao restore）" and restored.username == OPERATOR
    assert restored.details["file"] == "b.sqlite3" and restored.details["forced"] is True
    assert restored.details["backup_taken_at"] == taken.at.isoformat()
    assert "备份之后的全部修改" in restored.details["replaced"]
    assert [e.pk for e in events("database_restored")] == [restored.pk]


def test_the_backups_time_is_unknown_when_its_event_is_not_the_newest(org):
    backup_recorded(Path("b.sqlite3"))
    audit_record(LOGIN_FAILED, username="someone")  # a backup by an older jixiao: the newest event is another
    assert backup_taken_at() is None
    assert restore_recorded(Path("b.sqlite3"), forced=False).details["backup_taken_at"] == "未知"


def test_a_backup_that_failed_leaves_a_failure_after_its_announcement(org):
    backup_recorded(Path("b.sqlite3"))
    failed = backup_failed(Path("b.sqlite3"), "备份文件校验失败，请重试")
    assert failed.result == "failure" and failed.details["reason"] == "备份文件校验失败，请重试"
    assert backup_taken_at() is None  # a restore of an older copy must not take the failed attempt's time


def _failing(monkeypatch, *errors):
    """Make the audit log's writes raise ``errors`` in turn, then succeed; the calls made are counted."""
    calls, pending = [], list(errors)

    def record(*args, **kwargs):
        calls.append(args)
        if pending:
            raise pending.pop(0)
        return audit_record(*args, **kwargs)

    monkeypatch.setattr(backup_events, "audit_record", record)
    return calls


def test_a_locked_audit_log_is_waited_for(org, monkeypatch):
    calls = _failing(monkeypatch, OperationalError("database is locked"), OperationalError("database is locked"))
    event = backup_recorded(Path("b.sqlite3"))
    assert len(calls) == 3 and event.details["file"] == "b.sqlite3"
    assert [e.pk for e in events("backup_taken")] == [event.pk]


def test_an_audit_log_locked_too_long_is_said_not_skipped(org, monkeypatch):
    monkeypatch.setattr(backup_events, "BUSY_WAIT_SECONDS", 0.3)
    _failing(monkeypatch, *[OperationalError("database is locked")] * 100)
    with pytest.raises(AuditLogUnavailable, match="数据库被其他进程占用，等待 0 秒后审计日志仍无法写入"):
        backup_recorded(Path("b.sqlite3"))
    assert not events("backup_taken")


def test_another_failure_of_the_audit_log_is_said_at_once(org, monkeypatch):
    calls = _failing(monkeypatch, OperationalError("disk I/O error"))
    with pytest.raises(AuditLogUnavailable, match="审计日志无法写入：disk I/O error"):
        restore_recorded(Path("b.sqlite3"), forced=False)
    assert len(calls) == 1


def test_a_backup_whose_event_cannot_be_written_is_not_taken(org, monkeypatch, tmp_path):
    database = tmp_path / "live.sqlite3"
    sqlite3.connect(database).close()
    monkeypatch.setattr(backup, "_db", lambda: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)})

    def unavailable(target):
        raise AuditLogUnavailable("数据库被其他进程占用，等待 60 秒后审计日志仍无法写入")

    monkeypatch.setattr(backup, "backup_recorded", unavailable)
    with pytest.raises(BackupError, match="每次备份都须记入审计日志，本次未备份"):
        backup.database_backup(tmp_path / "b.backup")
    assert list(tmp_path.iterdir()) == [database]
