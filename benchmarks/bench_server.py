"""What the web benchmarks share: a database built once and kept, a fresh copy of it per run, ``jixiao serve``
on a loopback port, and the figures that still mean something on a shared machine (the server's CPU time per
request, the load average beside every timing).

A built database is kept under ``--store`` (SQLite: a data folder; PostgreSQL: a database named
``<--postgres-name>_<what>_<count>`` used only as a template, with its data folder holding the API token), marked
complete only once its loader has finished. Each run measures a copy (the SQLite folder copied, PostgreSQL
``CREATE DATABASE … TEMPLATE``), so a background import during the run never changes what the next run starts
from, and a measurement needs minutes, not the quarter of an hour a build of 10,000 sheets takes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
COMPLETE = "complete"


def add_arguments(parser) -> None:
    """The options every web benchmark takes: where built databases are kept, and the server's processes."""
    parser.add_argument("--store", type=Path, default=Path(tempfile.gettempdir()) / "jixiao-bench",
                        help="folder keeping the built databases between runs")
    parser.add_argument("--rebuild", action="store_true", help="build the database again even if one is kept")
    parser.add_argument("--postgres-name", default="jixiao_bench",
                        help="prefix of the PostgreSQL databases (the kept template and the run's copy)")
    parser.add_argument("--build-only", action="store_true", help="build (or keep) the databases, measure nothing")
    parser.add_argument("--processes", type=int, default=None, help="jixiao serve --processes (default: its own)")


@contextlib.contextmanager
def database_copy(database: str, what: str, count: int, loader: str, args,
                  run: str = "run") -> Iterator[tuple[dict[str, str], Path]]:
    """The environment and data folder of a fresh copy of the ``what`` database of ``count`` (built with ``python
    -m loader count`` when none is kept or ``args.rebuild``), deleted after the block; ``run`` names the
    PostgreSQL copy (two copies at once need two names)."""
    kept, template = built(database, what, count, loader, args)
    with tempfile.TemporaryDirectory() as temporary:
        data = Path(temporary) / "data"
        shutil.copytree(kept, data)
        env = {**os.environ, "JIXIAO_DATA": str(data), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
        env.pop("DATABASE_URL", None)
        if database == "postgres":
            copy = f"{args.postgres_name}_{run}"
            _postgres(f"DROP DATABASE IF EXISTS {copy}", f"CREATE DATABASE {copy} TEMPLATE {template}")
            env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{copy}"
        try:
            yield env, data
        finally:
            if database == "postgres":
                _postgres(f"DROP DATABASE IF EXISTS {copy}")


def built(database: str, what: str, count: int, loader: str, args) -> tuple[Path, str]:
    """The kept data folder and PostgreSQL template of the ``what`` database of ``count``, built first (``python
    -m loader count``) when none is complete or ``args.rebuild``."""
    kept = args.store / f"{database}-{what}-{count}"
    template = f"{args.postgres_name}_{what}_{count}"
    if args.rebuild or not (kept / COMPLETE).exists():
        _build(database, kept, template, count, loader)
    return kept, template


def _build(database: str, kept: Path, template: str, count: int, loader: str) -> None:
    shutil.rmtree(kept, ignore_errors=True)
    kept.mkdir(parents=True)
    env = {**os.environ, "JIXIAO_DATA": str(kept), "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
    env.pop("DATABASE_URL", None)
    if database == "postgres":
        _postgres(f"DROP DATABASE IF EXISTS {template}", f"CREATE DATABASE {template}")
        env["DATABASE_URL"] = f"{POSTGRES_SERVER}/{template}"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", loader, str(count)], env=env, check=True)
    if database == "postgres":
        # A running server's autovacuum analyses a table within a minute of a bulk load; a copy made from the
        # template at once would otherwise be planned without statistics (every filter estimated at one row, the
        # sheet list's 50 rows found by a nested loop over all 10,000: 57 ms of SQL instead of 12).
        _postgres("VACUUM ANALYZE", database=template)
    (kept / COMPLETE).write_text(f"{count} loaded in {time.perf_counter() - started:.0f} s, load {load_average()}\n")
    print(f"[{database}] built {kept.name} in {time.perf_counter() - started:.0f} s (load {load_average()})")


def _postgres(*statements: str, database: str = "postgres") -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/{database}", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


@contextlib.contextmanager
def serving(env: dict[str, str], data: Path, *options: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """``jixiao serve`` (with ``options``) on a free loopback port: its base URL and process, stopped at the end
    (also used by tests/cli/test_serve.py)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryFile() as output:  # a file, not a pipe nobody reads: a full pipe would stop the server
        server = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--port", str(port), "--data", str(data),
                                   *options], env=env, stdout=output, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait(base, server, output)
            yield base, server
        finally:
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=60)


def _wait(base: str, server: subprocess.Popen, output) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/login/", timeout=2)
            return
        except OSError:
            if server.poll() is not None:
                output.seek(0)
                raise RuntimeError(f"jixiao serve stopped: {output.read().decode()}") from None
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("jixiao serve did not answer within 180 s")


def processes_option(args) -> tuple[str, ...]:
    """``jixiao serve``'s option for ``--processes`` when the benchmark was given one."""
    return ("--processes", str(args.processes)) if args.processes else ()


def web_processes(pid: int) -> list:
    """The server's processes answering requests (psutil): its master and the web processes, without the
    background worker (``jixiao worker``), whose time is the import's."""
    import psutil

    master = psutil.Process(pid)
    return [master, *(p for p in master.children(recursive=True) if "worker" not in p.cmdline())]


def worker_process(pid: int):
    """The server's background worker process (psutil), or None."""
    import psutil

    return next((p for p in psutil.Process(pid).children(recursive=True) if "worker" in p.cmdline()), None)


def cpu_seconds(processes: list) -> float:
    """CPU time (user and system) ``processes`` have used so far."""
    import psutil

    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def peak_rss_mb(process) -> float:
    """A process's peak resident memory (VmHWM) in MB."""
    status = Path(f"/proc/{process.pid}/status").read_text()
    return int(status.split("VmHWM:")[1].split()[0]) / 1024


def load_average() -> str:
    """The machine's 1-minute load average, to print beside a timing (other work inflates every figure)."""
    return f"{os.getloadavg()[0]:.1f}"
