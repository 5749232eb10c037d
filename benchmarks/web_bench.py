"""Web pages under load: p95 of the sheet list and a sheet page with 10,000 sheets (100,000 indicators) stored.

    .venv/bin/python -m benchmarks.web_bench [--sheets 10000] [--requests 300] [--concurrency 2]
                                             [--database sqlite|postgres|both]

Loads synthetic sheets (benchmarks.synth) for 100 townships of one bureau straight into a fresh database, with
the review engine's findings, starts ``jixiao serve`` on a loopback port, logs in as the bureau's reviewer
(who sees every sheet) and times a bounded number of requests from a few threads. PostgreSQL is this machine's
server (postgres://postgres@127.0.0.1:5432, database ``jixiao_bench``, dropped and created anew). The aim
(issue 4): both pages under 100 ms at p95 on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

POSTGRES = "postgres://postgres@127.0.0.1:5432/jixiao_bench"
PASSWORD = "Bench-Pass-2026"
YEAR = 2026
UNITS = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=2, help="client threads (the machine has 2 cores)")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    for database in (["sqlite", "postgres"] if args.database == "both" else [args.database]):
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "JIXIAO_DATA": data, "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
            env.pop("DATABASE_URL", None)
            if database == "postgres":
                _recreate_postgres()
                env["DATABASE_URL"] = POSTGRES
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "benchmarks.web_bench_load", str(args.sheets)], env=env, check=True)
            print(f"[{database}] loaded {args.sheets} sheets in {time.perf_counter() - started:.0f} s")
            _measure(database, env, data, args)


def _recreate_postgres() -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS jixiao_bench")
        connection.execute("CREATE DATABASE jixiao_bench")


def _measure(database: str, env: dict[str, str], data: str, args) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "from jixiao.cli.app import main; main()", "serve", "--port", str(port), "--data", data],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        opener = _login(base)
        first_sheet = int(re.search(r'href="/sheets/(\d+)/"', _get(opener, f"/sheets/?year={YEAR}", base)).group(1))
        ids = list(range(first_sheet - args.sheets + 1, first_sheet + 1))
        rng = random.Random(7)
        pages = {
            "sheet list (page 1 of all)": lambda: f"/sheets/?year={YEAR}",
            "sheet list (filtered, page 3)": lambda: f"/sheets/?year={YEAR}&findings=any&page=3",
            "sheet page": lambda: f"/sheets/{rng.choice(ids)}/",
        }
        for name, path in pages.items():
            for _ in range(10):  # warm up
                _get(opener, path(), base)
            paths = [path() for _ in range(args.requests)]
            with ThreadPoolExecutor(args.concurrency) as pool:
                timings = sorted(pool.map(lambda p: _timed(opener, p, base), paths))
            p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
            verdict = "ok" if p95 < 100 else "SLOW"
            print(f"[{database}] {name:32s} n={len(timings)} c={args.concurrency} "
                  f"p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  max {timings[-1]:6.1f} ms  {verdict}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait(base: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("jixiao serve did not start")


def _login(base: str):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', _get(opener, "/login/", base)).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": "reviewer", "password": PASSWORD})
    opener.open(f"{base}/login/", body.encode(), timeout=10)
    return opener


def _get(opener, path: str, base: str) -> str:
    with opener.open(f"{base}{path}", timeout=30) as response:
        return response.read().decode()


def _timed(opener, path: str, base: str) -> float:
    started = time.perf_counter()
    _get(opener, path, base)
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
