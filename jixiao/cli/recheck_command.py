"""``jixiao recheck``: review the web application's stored sheets again under the current rules, now (``jixiao
serve`` does it in the background at start after an upgrade; see :mod:`jixiao.web.sheets.services.recheck`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.console import stdout
from jixiao.cli.errors import CliError
from jixiao.cli.serve_command import use_data

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add ``recheck`` to ``app``."""
    app.command("recheck")(recheck)


def recheck(
    data: Annotated[Path, typer.Option("--data", help="数据文件夹（与 jixiao serve 相同；PostgreSQL 时用 DATABASE_URL）")] = Path("data"),
    include_approved: Annotated[bool, typer.Option("--include-approved",
                                                   help="已批复的表也按现行规则重新复核（默认保留批复时的审核结果）")] = False,
) -> None:
    """按现行审核规则重新复核已保存的绩效目标表（升级 jixiao 后 jixiao serve 启动时会在后台自动进行）；结果有变化的表记入修改记录。"""
    use_data(data)
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from jixiao.web.performance.summaries import summaries_recompute
    from jixiao.web.sheets.services.recheck import sheets_recheck

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CliError("数据库还不是当前版本的数据结构：请先启动一次 jixiao serve（它会自动升级数据库），再运行 jixiao recheck")
    summary = sheets_recheck(include_approved=include_approved)
    scope = "" if include_approved else "未批复的"
    stdout.print(f"已按现行规则重新复核 {summary.checked} 张{scope}表：{summary.changed} 张的审核发现或建议等级有变化"
                 f"（已记入各表的修改记录），{summary.checked - summary.changed} 张不变")
    summaries = summaries_recompute()
    if summaries:
        stdout.print(f"已按现行评分规则重新计算 {summaries} 张已批复表的运行监控与自评汇总")
    if summary.skipped:
        stdout.print(f"{summary.skipped} 张表在复核期间被修改或流转，已由那次保存按现行规则复核，未改动")
    if summary.failed:
        raise CliError(f"{summary.failed} 张表复核出错，保持原有审核结果（原因已写入日志）；可再次运行 jixiao recheck")
