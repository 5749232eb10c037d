"""Backing up and restoring the database while the application may be running.

SQLite is copied through its online backup API (``sqlite3.Connection.backup``), which reads one consistent
snapshot, committed pages still in the write-ahead log included; copying the file misses those. PostgreSQL is
dumped with ``pg_dump -Fc`` and restored with ``pg_restore --clean`` in one transaction. Restoring replaces the
whole database, so it is refused while a server uses it (``jixiao serve`` marks its data folder with its process
and the database it serves; on PostgreSQL any other session counts) unless forced. A server on another database
(SQLite in the folder while the restore goes to ``DATABASE_URL``, or the reverse) does not refuse it.

Both are security events (``jixiao.web.security.backup_events``): a backup is recorded in the database it copies,
a restore in the database it wrote. A refused restore changes nothing and records nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

from jixiao.web.processes import process_exists
from jixiao.web.security.backup_events import AuditLogUnavailable, backup_failed, backup_recorded, restore_recorded

__all__ = ["BackupError", "Done", "database_backup", "database_restore", "server_marked", "server_using_database"]

SERVER_MARK = "jixiao-serve.pid"
_SQLITE_HEADER = b"SQLite format 3\x00"
_PG_HEADER = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; ``message`` says why in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Why a backup or restore that was carried out has no audit event: the database it wrote to is not migrated.
NO_AUDIT_LOG = "数据库中还没有审计日志表"


@dataclass(frozen=True)
class Done:
    """A backup or restore carried out: the database, in words, and why its audit event is missing (None when it
    was written)."""

    described: str
    audit_gap: str | None


def database_backup(target: Path) -> Done:
    """Write a backup of the configured database to ``target`` (replaced only once complete)."""
    target = target.resolve()
    if not target.parent.is_dir():
        raise BackupError(f"备份文件所在的文件夹不存在：{target.parent}")
    if not _is_postgres() and not Path(_db()["NAME"]).is_file():
        # Checked before the event is written: connecting would create an empty database file.
        raise BackupError(f"没有找到数据库文件：{_db()['NAME']}")
    # The event goes in before the copy, so the backup holds it: a restored database shows when its backup was
    # taken (restore_recorded reads it back). Should the copy then fail, a failure event follows in the live log.
    try:
        audited = backup_recorded(target) is not None
    except AuditLogUnavailable as error:
        raise BackupError(f"{error.message}。每次备份都须记入审计日志，本次未备份，请稍后重试") from None
    partial = target.with_name(target.name + ".partial")
    try:
        described = _pg_dump(partial) if _is_postgres() else _sqlite_backup(partial)
        os.replace(partial, target)
    except (BackupError, OSError) as error:
        # The copy's failure is what the operator must see; a log too busy for its event must not hide it.
        with contextlib.suppress(AuditLogUnavailable):
            backup_failed(target, error.message if isinstance(error, BackupError) else str(error))
        raise
    finally:
        partial.unlink(missing_ok=True)
    return Done(described, None if audited else NO_AUDIT_LOG)


def database_restore(source: Path, *, force: bool = False) -> Done:
    """Replace the configured database by the backup ``source``; refused while a server uses it unless
    ``force``. The restored database records that it was restored."""
    if not source.is_file():
        raise BackupError(f"没有找到备份文件：{source}")
    with source.open("rb") as file:
        header = file.read(16)
    postgres = _is_postgres()
    expected = _PG_HEADER if postgres else _SQLITE_HEADER
    if not header.startswith(expected):
        kind = "PostgreSQL（pg_dump -Fc）" if postgres else "SQLite"
        raise BackupError(f"{source} 不是 {kind} 备份文件；当前数据库是 {kind}，只能恢复同类备份")
    using = server_using_database()
    if using and not force:
        raise BackupError(f"{using}。恢复会覆盖正在使用的数据库：请先停止服务，或加 --force 强制恢复")
    described = _pg_restore(source) if postgres else _sqlite_restore(source)
    try:
        audited = restore_recorded(source, forced=force) is not None
    except AuditLogUnavailable as error:  # the database is restored: say the event is missing, and why
        return Done(described, error.message)
    return Done(described, None if audited else NO_AUDIT_LOG)


def server_using_database() -> str | None:
    """Why the database looks in use by a server (a running ``jixiao serve`` on this database, another PostgreSQL
    session), or None."""
    mark = Path(settings.DATA_DIR) / SERVER_MARK
    marked = _mark_read(mark)
    if marked is not None:
        pid, database = marked
        if pid != os.getpid() and process_exists(pid):
            if database is None:  # a mark of an older jixiao: it may well serve this database
                return f"jixiao serve 正在运行（进程 {pid}，{mark}；该标记未注明所用数据库，按正在使用当前数据库处理）"
            if database == _database_identity(_db()):
                return f"jixiao serve 正在运行（进程 {pid}，使用{_database_described(database)}；{mark}）"
    if _is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND pid <> pg_backend_pid()")
            others = cursor.fetchone()[0]
        connection.close()
        if others:
            return f"数据库 {_db()['NAME']} 还有 {others} 个其他连接"
    return None


@contextlib.contextmanager
def server_marked(data_dir: Path) -> Iterator[None]:
    """Mark ``data_dir`` as used by this process (a running server) on the configured database for as long as the
    block runs."""
    mark = data_dir / SERVER_MARK
    mark.write_text(json.dumps({"pid": os.getpid(), "database": _database_identity(_db())}, ensure_ascii=False))
    try:
        yield
    finally:
        mark.unlink(missing_ok=True)


def _mark_read(mark: Path) -> tuple[int, dict[str, str] | None] | None:
    """The server's process id and database identity in ``mark`` (None for the database of an older mark, which
    holds the process id alone); None when there is no readable mark."""
    with contextlib.suppress(OSError, ValueError):
        held = json.loads(mark.read_text())
        if isinstance(held, int):
            return held, None
        if isinstance(held, dict) and isinstance(held.get("pid"), int) and isinstance(held.get("database"), dict):
            return held["pid"], held["database"]
    return None


# Host names that all reach the PostgreSQL server of this machine (an empty host or a directory is its Unix socket):
# counted as one, so that spelling the same server two ways never lets a restore replace the database it serves.
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})


def _database_identity(db: dict) -> dict[str, str]:
    """What identifies the database of Django settings ``db``, without credentials: the engine and the SQLite
    file, or PostgreSQL's server and database name."""
    if db["ENGINE"].startswith("django.db.backends.postgresql"):
        host = str(db.get("HOST") or "")
        local = host in _LOCAL_HOSTS or host.startswith("/")
        return {"engine": "postgresql", "host": "localhost" if local else host.lower(),
                "port": str(db.get("PORT") or 5432), "name": str(db["NAME"])}
    return {"engine": "sqlite", "name": str(Path(db["NAME"]).resolve())}


def _database_described(identity: dict[str, str]) -> str:
    """A database identity in words, e.g. ``PostgreSQL 数据库 jixiao（localhost:5432）``."""
    if identity.get("engine") == "postgresql":
        return f"PostgreSQL 数据库 {identity.get('name')}（{identity.get('host')}:{identity.get('port')}）"
    return f"SQLite 数据库 {identity.get('name')}"


def _db() -> dict:
    return settings.DATABASES["default"]


def _is_postgres() -> bool:
    return _db()["ENGINE"].startswith("django.db.backends.postgresql")


def _sqlite_backup(target: Path) -> str:
    name = Path(_db()["NAME"])
    source, copy = sqlite3.connect(name, timeout=30), sqlite3.connect(target)
    try:
        source.backup(copy)  # in one step: a single consistent snapshot, even while others write
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("备份文件校验失败，请重试")
    finally:
        source.close()
        copy.close()
    return f"SQLite 数据库 {name}"


def _sqlite_restore(source: Path) -> str:
    name = Path(_db()["NAME"])
    name.parent.mkdir(parents=True, exist_ok=True)
    backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if backup.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError(f"{source} 已损坏（SQLite 校验失败），未恢复")
        if not backup.execute("SELECT 1 FROM sqlite_master WHERE name = 'django_migrations'").fetchone():
            raise BackupError(f"{source} 不是 jixiao 的数据库备份，未恢复")
        connection.close()
        target = sqlite3.connect(name, timeout=30)
        try:
            backup.backup(target)  # page by page into the live file, under SQLite's own locking
        finally:
            target.close()
    finally:
        backup.close()
    return f"SQLite 数据库 {name}"


def _pg_command(program: str) -> tuple[list[str], dict[str, str]]:
    binary = shutil.which(program)
    if binary is None:
        raise BackupError(f"没有找到 {program}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）")
    db = _db()
    arguments = [binary, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            arguments.append(f"{option}={db[key]}")
    environment = {**os.environ, **({"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {})}
    return arguments, environment


def _pg_run(arguments: list[str], environment: dict[str, str], what: str) -> None:
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{what}失败：{result.stderr.strip()[-500:]}")


def _pg_dump(target: Path) -> str:
    arguments, environment = _pg_command("pg_dump")
    _pg_run([*arguments, "--format=custom", f"--file={target}", _db()["NAME"]], environment, "pg_dump 备份")
    return f"PostgreSQL 数据库 {_db()['NAME']}"


def _pg_restore(source: Path) -> str:
    arguments, environment = _pg_command("pg_restore")
    connection.close()
    _pg_run([*arguments, "--clean", "--if-exists", "--no-owner", "--single-transaction", f"--dbname={_db()['NAME']}",
             str(source)], environment, "pg_restore 恢复")
    return f"PostgreSQL 数据库 {_db()['NAME']}"
