"""The audit events of ``jixiao backup`` and ``jixiao restore``, which run outside any web request: the one who
acted is the operating-system account and host that ran the command, since no web user is logged in."""

from __future__ import annotations

import getpass
import socket
import time
from datetime import datetime
from pathlib import Path

from django.db import OperationalError, connection

from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import BACKUP_TAKEN, DATABASE_RESTORED, Result
from jixiao.web.security.models import AuditEvent

__all__ = ["AuditLogUnavailable", "backup_failed", "backup_recorded", "backup_taken_at", "restore_recorded"]

# How long an event waits for the database's write lock. SQLite's own wait (the settings' timeout) is not fair: a
# server saving edits back to back can take the lock again each time before a waiting backup wakes up, so a
# loaded machine saw the backup's event fail after five seconds while the backup itself went on.
BUSY_WAIT_SECONDS = 60.0


class AuditLogUnavailable(Exception):
    """The audit log could not take an event: the database failed, or stayed locked for ``BUSY_WAIT_SECONDS``;
    ``message`` says so in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _operator() -> dict[str, str]:
    """Who ran the command: the operating-system account and the host."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        account = "（未知）"
    return {"os_user": account, "host": socket.gethostname()}


def _record(action, *, result: str = Result.SUCCESS, details: dict) -> AuditEvent | None:
    """Record ``action`` by the operator. None only when the database has no audit log yet (not migrated), which
    must not stop a backup or a restore that protects the data; a locked database is waited for, and one that
    stays locked, or any other failure, raises :class:`AuditLogUnavailable`: an event never goes unrecorded unsaid."""
    if AuditEvent._meta.db_table not in connection.introspection.table_names():
        return None
    operator = _operator()
    deadline = time.monotonic() + BUSY_WAIT_SECONDS
    while True:
        try:
            return audit_record(action, result=result, username=f"{operator['os_user']}@{operator['host']}",
                                details={**details, **operator})
        except OperationalError as error:
            if "locked" not in str(error):
                raise AuditLogUnavailable(f"审计日志无法写入：{error}") from error
            if time.monotonic() >= deadline:
                raise AuditLogUnavailable(
                    f"数据库被其他进程占用，等待 {BUSY_WAIT_SECONDS:.0f} 秒后审计日志仍无法写入") from error
            time.sleep(0.1)


def backup_recorded(target: Path) -> AuditEvent | None:
    """Record a backup to ``target`` about to be taken (see ``jixiao.web.backup.database_backup``); raises
    :class:`AuditLogUnavailable` when it cannot be recorded."""
    return _record(BACKUP_TAKEN, details={"file": target.name})


def backup_failed(target: Path, reason: str) -> AuditEvent | None:
    """Record that the backup to ``target`` announced by :func:`backup_recorded` was not written."""
    return _record(BACKUP_TAKEN, result=Result.FAILURE, details={"file": target.name, "reason": reason[:500]})


def backup_taken_at() -> datetime | None:
    """When the backup just restored was taken: the time of its own backup event, which ``jixiao backup`` writes
    as the last thing before the copy, so it is the newest event of the restored database. None when the newest
    event is something else (a backup by an older jixiao, or an event that slipped in between)."""
    newest = AuditEvent.objects.order_by("-at", "-id").first()
    if newest is None or newest.action != BACKUP_TAKEN.code or newest.result != Result.SUCCESS:
        return None
    return newest.at


def restore_recorded(source: Path, *, forced: bool) -> AuditEvent | None:
    """Record in the restored database that it was replaced by the backup ``source``, and so lost every change
    made after that backup was taken."""
    taken = backup_taken_at()
    return _record(DATABASE_RESTORED, details={
        "file": source.name, "backup_taken_at": taken.isoformat() if taken else "未知", "forced": forced,
        "replaced": "备份之后的全部修改已被备份内容替换"})
