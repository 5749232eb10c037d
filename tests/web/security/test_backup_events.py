"""The audit events of ``jixiao backup`` and ``jixiao restore``: who ran them (OS account and host), on which file,
and the restored backup's own time read back from the event the backup wrote into itself."""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

from jixiao.web.security.audit import audit_record
from jixiao.web.security.backup_events import backup_failed, backup_recorded, backup_taken_at, restore_recorded
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
