"""``jixiao serve``: run the web application with a production server (several gunicorn processes on POSIX,
waitress elsewhere: ``jixiao.cli.server``) on SQLite or PostgreSQL, with one background worker in its own process;
``jixiao worker``: a background worker on its own, for larger deployments."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.console import stdout
from jixiao.cli.errors import UsageError
from jixiao.cli.server import THREADS, default_processes, multi_process, run_server

__all__ = ["register", "use_data"]

# How long a task still running is given to end after the worker is asked to stop (seconds).
WORKER_GRACE = 10

# How often a worker started by ``jixiao serve`` looks whether the server is still there (seconds).
PARENT_POLL = 1.0


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``worker`` to ``app``."""
    app.command("serve")(serve)
    app.command("worker")(worker)


def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
    data: Annotated[Path, typer.Option("--data", help="数据文件夹（SQLite 数据库、静态文件）")] = Path("data"),
    demo_password: Annotated[str | None, typer.Option("--demo-password", help="演示账户的密码；不给则随机生成")] = None,
    processes: Annotated[int | None, typer.Option("--processes", min=1,
                                                  help="服务进程数（默认：每个 CPU 核一个，至少 2 个；Windows 上只有 1 个）")] = None,
    threads: Annotated[int, typer.Option(min=1, help="每个服务进程的线程数")] = THREADS,
    background: Annotated[bool, typer.Option("--worker/--no-worker",
                                             help="同时运行后台任务（大批导入）；--no-worker 时另行运行 jixiao worker")] = True,
) -> None:
    """启动网页系统：首次运行时建立数据库和演示数据（财政局、乡镇、样例表、三个演示账户）。"""
    data.mkdir(parents=True, exist_ok=True)
    _configure(data.resolve(), host)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    _demo(demo_password)
    _recheck_queue()
    from jixiao.web.backup import server_marked
    from jixiao.web.wsgi import application

    count = (processes or default_processes()) if multi_process() else 1
    stdout.print(f"jixiao 网页系统：http://{host}:{port}/  （数据：{data}；{count} 个服务进程；按 Ctrl+C 停止）")
    # `jixiao restore` refuses to replace the database this server serves (the mark names it).
    with server_marked(data.resolve()), _task_worker(data.resolve(), background):
        run_server(application, host, port, count, threads)


def use_data(data: Path) -> None:
    """Point Django at the data folder and set it up (for commands that use the database but serve nothing)."""
    os.environ["JIXIAO_DATA"] = str(data.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def worker(
    data: Annotated[Path, typer.Option("--data", help="数据文件夹（与 jixiao serve 相同；PostgreSQL 时用 DATABASE_URL）")] = Path("data"),
    interval: Annotated[float, typer.Option(help="没有任务时每隔几秒查看一次")] = 1.0,
    parent: Annotated[int | None, typer.Option(hidden=True, help="随该进程（jixiao serve）结束而停止")] = None,
) -> None:
    """运行后台任务（大批导入）：大型部署可在其他进程或机器上运行一个或多个，配合 jixiao serve --no-worker。"""
    data.mkdir(parents=True, exist_ok=True)
    _configure(data.resolve(), "127.0.0.1")
    import django
    from django.core.management import call_command

    django.setup()
    if parent is not None:
        _stop_with(parent)
    from jixiao.web.jobs.liveness import jobs_interrupt_abandoned

    interrupted = jobs_interrupt_abandoned(starting=True)
    stdout.print(f"jixiao 后台任务进程已启动（数据：{data}；按 Ctrl+C 停止）")
    if interrupted:
        stdout.print(f"{interrupted} 个后台任务因上次后台进程中断而未完成，已标为未完成")
    call_command("db_worker", interval=interval, verbosity=1)


def _stop_with(parent: int) -> None:
    """Stop this worker once process ``parent`` (the ``jixiao serve`` that started it) has ended, however it ended:
    killed (SIGKILL), it cannot stop the worker itself. The worker is then asked to stop as the server asks it,
    and told again after the same grace time (see :func:`_task_worker`). A process whose parent ends is given
    another parent (POSIX), so the parent's id changes; Windows keeps the id, and there the worker stays."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        for _ in range(2):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(WORKER_GRACE)

    threading.Thread(target=watch, name="jixiao-stop-with-server", daemon=True).start()


@contextlib.contextmanager
def _task_worker(data: Path, wanted: bool) -> Iterator[None]:
    """One background worker (``jixiao worker``) in its own process while the block runs, whatever the number of
    server processes; stopped at the end: asked to stop after its task, and after 10 s told again, which stops the
    task (django-tasks marks it failed, the job records it interrupted; its transaction stores nothing). A worker
    killed outright leaves its job to the next worker starting up (:mod:`jixiao.web.jobs.liveness`)."""
    if not wanted:
        yield
        return
    process = subprocess.Popen([sys.executable, "-m", "jixiao", "worker", "--data", str(data),
                                "--parent", str(os.getpid())], stdout=subprocess.DEVNULL)
    try:
        yield
    finally:
        for _ in range(2):
            if process.poll() is not None:
                break
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=WORKER_GRACE)
        if process.poll() is None:
            process.kill()
            process.wait()


def _configure(data: Path, host: str) -> None:
    """Point Django at the data folder; keep a secret key there so sessions survive a restart."""
    os.environ["JIXIAO_DATA"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    key_file = data / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    os.environ.setdefault("JIXIAO_SECRET_KEY", key_file.read_text().strip())
    hosts = {"127.0.0.1", "localhost", host}
    os.environ.setdefault("JIXIAO_ALLOWED_HOSTS", ",".join(sorted(hosts)) + (",*" if host == "0.0.0.0" else ""))


def _recheck_queue() -> None:
    """After an upgrade, have the worker review again the sheets still being prepared or reviewed whose stored
    review other rules made, and compute again the summaries other scoring code computed (two queries when none
    is; the server does not wait for the work)."""
    from jixiao.web.sheets.services.recheck import recheck_enqueue

    stale = recheck_enqueue()
    if stale.sheets:
        stdout.print(f"审核规则已更新：{stale.sheets} 张未批复的表将在后台按现行规则重新复核（结果有变化的记入修改记录）")
    if stale.summaries:
        stdout.print(f"评分规则已更新：{stale.summaries} 张已批复表的运行监控与自评汇总将在后台重新计算")


def _demo(password: str | None) -> None:
    from django.conf import settings
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from jixiao.web.demo import DEMO_ACCOUNTS, demo_create, demo_exists, demo_password

    if demo_exists():
        return
    if password:
        # Django's own validators answer in the active language, and setting up the database (migrate) left
        # none active: the messages would be English.
        with translation.override(settings.LANGUAGE_CODE):
            try:
                validate_password(password)
            except ValidationError as error:
                reasons = "；".join(message.rstrip("。.") for message in error.messages)
                raise UsageError(f"--demo-password 不符合密码规则：{reasons}。") from None
    password = password or demo_password()
    demo_create(password)
    stdout.print(f"已建立演示数据。演示账户：{'、'.join(DEMO_ACCOUNTS)}，密码：{password}")
