"""``jixiao serve``: run the web application with a production server (waitress) on SQLite or PostgreSQL, with a
background worker in a thread; ``jixiao worker``: a background worker on its own, for larger deployments."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.console import stdout
from jixiao.cli.errors import UsageError

__all__ = ["register", "server_options", "use_data"]


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``worker`` to ``app``."""
    app.command("serve")(serve)
    app.command("worker")(worker)


def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口")] = 8000,
    data: Annotated[Path, typer.Option("--data", help="数据文件夹（SQLite 数据库、静态文件）")] = Path("data"),
    demo_password: Annotated[str | None, typer.Option("--demo-password", help="演示账户的密码；不给则随机生成")] = None,
    threads: Annotated[int, typer.Option(help="服务线程数")] = 8,
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
    if background:
        _worker_thread()
    from waitress import serve as waitress_serve

    from jixiao.web.backup import server_marked
    from jixiao.web.wsgi import application

    stdout.print(f"jixiao 网页系统：http://{host}:{port}/  （数据：{data}；按 Ctrl+C 停止）")
    with server_marked(data.resolve()):  # `jixiao restore` refuses to replace the database under it
        waitress_serve(application, **server_options(host, port, threads))


def server_options(host: str, port: int, threads: int) -> dict[str, object]:
    """waitress's settings: the request body limit is the application's (JIXIAO_MAX_REQUEST_MB), plus room for
    the multipart framing, so that a body sent without a declared length cannot grow past it; a request that
    declares more is refused with 413 before its body is read. Call after ``django.setup()``."""
    from jixiao.web.uploads import MB, max_request_bytes

    return {"host": host, "port": port, "threads": threads, "ident": "jixiao",
            "max_request_body_size": max_request_bytes() + MB}


def use_data(data: Path) -> None:
    """Point Django at the data folder and set it up (for commands that use the database but serve nothing)."""
    os.environ["JIXIAO_DATA"] = str(data.resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    import django

    django.setup()


def worker(
    data: Annotated[Path, typer.Option("--data", help="数据文件夹（与 jixiao serve 相同；PostgreSQL 时用 DATABASE_URL）")] = Path("data"),
    interval: Annotated[float, typer.Option(help="没有任务时每隔几秒查看一次")] = 1.0,
) -> None:
    """运行后台任务（大批导入）：大型部署可在其他进程或机器上运行一个或多个，配合 jixiao serve --no-worker。"""
    data.mkdir(parents=True, exist_ok=True)
    _configure(data.resolve(), "127.0.0.1")
    import django
    from django.core.management import call_command

    django.setup()
    stdout.print(f"jixiao 后台任务进程已启动（数据：{data}；按 Ctrl+C 停止）")
    call_command("db_worker", interval=interval, verbosity=1)


def _worker_thread() -> None:
    """Run django-tasks' database worker in a daemon thread of the server (it stops with the server)."""
    import threading

    from django_tasks.backends.database.management.commands.db_worker import Worker

    runner = Worker(queue_names=["default"], interval=1, batch=False, backend_name="default", startup_delay=False,
                    max_tasks=None, worker_id=f"jixiao-serve-{os.getpid()}")
    threading.Thread(target=runner.run, name="jixiao-worker", daemon=True).start()


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


def _demo(password: str | None) -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from jixiao.web.demo import DEMO_ACCOUNTS, demo_create, demo_exists, demo_password

    if demo_exists():
        return
    if password:
        try:
            validate_password(password)
        except ValidationError as error:
            raise UsageError(f"--demo-password 不符合密码规则：{''.join(error.messages)}") from None
    password = password or demo_password()
    demo_create(password)
    stdout.print(f"已建立演示数据。演示账户：{'、'.join(DEMO_ACCOUNTS)}，密码：{password}")
