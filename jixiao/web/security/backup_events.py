"""The audit events of ``jixiao backup`` and ``jixiao restore``, which run outside any web request: the one who
acted is the operating-system account and host that ran the command, since no web user is logged in."""

from __future__ import annotations

import getpass
import socket
from datetime import datetime
from pathlib import Path

from django.db import DatabaseError

from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import BACKUP_TAKEN, DATABASE_RESTORED, Result
from jixiao.web.security.models import AuditEvent

__all__ = ["backup_failed", "backup_recorded", "backup_taken_at", "restore_recorded"]


def _operator() -> dict[str, str]:
    """Who ran the command: the operating-system account and the host."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a bare container)
        account = "（未知）"
    return {"os_user": account, "host": socket.gethostname()}


def _record(action, *, result: str = Result.SUCCESS, details: dict) -> AuditEvent | None:
    """Record ``action`` by the operator; None when the database cannot take it (not yet migrated, say), which
    must not stop a backup or a restore that protects the data."""
    operator = _operator()
    try:
        return audit_record(action, result=result, username=f"{operator['os_user']}@{operator['host']}",
                            details={**details, **operator})
    except DatabaseError:
        return None


def backup_recorded(target: Path) -> AuditEvent | None:
    """Record a backup to ``target`` about to be taken (see ``jixiao.web.backup.database_backup``)."""
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
