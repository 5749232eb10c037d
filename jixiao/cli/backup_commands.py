"""``jixiao backup`` and ``jixiao restore``: the web application's database to a file and back (see README,
备份与恢复). The database is the one ``jixiao serve`` uses: SQLite in the data folder, or ``DATABASE_URL``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.console import stdout
from jixiao.cli.errors import CliError
from jixiao.cli.serve_command import use_data

__all__ = ["register"]

_DATA = typer.Option("--data", help="数据文件夹（SQLite 数据库所在处；用 PostgreSQL 时由 DATABASE_URL 指定）")


def register(app: typer.Typer) -> None:
    """Add ``backup`` and ``restore`` to ``app``."""
    app.command("backup")(backup)
    app.command("restore")(restore)


def backup(
    path: Annotated[Path, typer.Argument(help="备份文件（SQLite：数据库副本；PostgreSQL：pg_dump -Fc 格式）")],
    data: Annotated[Path, _DATA] = Path("data"),
) -> None:
    """备份数据库：服务运行时也可执行，得到执行时刻已提交的全部数据。"""
    use_data(data)
    from jixiao.web.backup import BackupError, database_backup  # needs Django set up: it records an audit event

    try:
        done = database_backup(path)
    except BackupError as error:
        raise CliError(error.message) from None
    stdout.print(f"已备份 {done.described} → {path}（已记入审计日志）" if done.audit_gap is None else
                 f"已备份 {done.described} → {path}\n{_unaudited(done.audit_gap)}")


def restore(
    path: Annotated[Path, typer.Argument(help="jixiao backup 写出的备份文件")],
    data: Annotated[Path, _DATA] = Path("data"),
    force: Annotated[bool, typer.Option("--force", help="即使服务正在使用数据库也恢复（会覆盖其数据）")] = False,
) -> None:
    """用备份替换整个数据库；服务正在运行时拒绝执行，除非加 --force。"""
    use_data(data)
    from jixiao.web.backup import BackupError, database_restore  # needs Django set up: it records an audit event

    try:
        done = database_restore(path, force=force)
    except BackupError as error:
        # Refused or failed, the database is as it was (pg_restore runs in one transaction), so nothing is
        # recorded in it: the console is the only trace.
        raise CliError(f"{error.message}\n未恢复：数据库没有任何改动，也未写入审计日志") from None
    stdout.print(f"已用 {path} 恢复 {done.described}；下次启动 jixiao serve 时会自动升级到当前版本的数据结构")
    stdout.print("已在恢复后的数据库中记入审计日志：备份之后的修改已被替换" if done.audit_gap is None else
                 _unaudited(done.audit_gap))


def _unaudited(gap: str) -> str:
    """What the operator is told when the backup or restore went ahead without its audit event."""
    return f"注意：{gap}，本次操作未记入审计日志"
