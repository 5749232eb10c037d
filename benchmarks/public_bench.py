"""The public site under load: p95 of every public page with 10,000 published tables (issue 14: under 100 ms).

    .venv/bin/python -m benchmarks.public_bench [--tables 10000] [--requests 200] [--concurrency 4]
                                                [--database sqlite|postgres|both]

Loads published tables straight into a fresh database (benchmarks.public_bench_load), starts ``jixiao serve``
on a loopback port and times anonymous requests from a few client threads, and before that from one client alone
(what a request costs with none queued beside it: on a loaded machine the p95 of several clients is mostly queueing). PostgreSQL is this machine's server
(database ``jixiao_bench``, dropped and created anew).
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
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from benchmarks.public_bench_load import UNITS, YEAR
from benchmarks.web_bench import POSTGRES, _recreate_postgres, _wait


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    args = parser.parse_args()
    for database in (["sqlite", "postgres"] if args.database == "both" else [args.database]):
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "JIXIAO_DATA": data, "DJANGO_SETTINGS_MODULE": "jixiao.web.settings"}
            env.pop("DATABASE_URL", None)
            if database == "postgres":
                _recreate_postgres()
                env["DATABASE_URL"] = POSTGRES
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "benchmarks.public_bench_load", str(args.tables)], env=env,
                           check=True)
            print(f"[{database}] loaded {args.tables} published tables in {time.perf_counter() - started:.0f} s")
            _measure(database, env, data, args)


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def _measure(database: str, env: dict[str, str], data: str, args) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", "from jixiao.cli.app import main; main()", "serve", "--port", str(port), "--data", data],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        unit_page = urllib.request.urlopen(f"{base}/public/B0/{YEAR}/U001/").read().decode()
        ids = [int(n) for n in re.findall(r'/public/table/(\d+)/', unit_page)]
        first, last = min(ids), max(ids) + args.tables  # ids of all tables lie between
        rng = random.Random(7)
        pages = {
            "index": lambda: "/public/",
            "bureau year (100 units)": lambda: f"/public/B0/{YEAR}/",
            "unit year (~100 tables)": lambda: f"/public/B0/{YEAR}/U{rng.randrange(UNITS):03d}/",
            "table page": lambda: f"/public/table/{rng.randint(first, min(last, first + args.tables - 1))}/",
            "search (one word)": lambda: "/public/search/?q=" + urllib.request.quote(rng.choice(
                ["维稳", "环境整治", "第7乡", "满意度", "培训人次"])),
            "atom feed": lambda: "/public/feed.atom",
        }
        print(f"[{database}] {'page':28s} {'n':>5s} {'c':>3s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}  aim p95 < 100 ms"
              f"  | one client: {'min':>5s} {'p50':>6s}")
        for name, path in pages.items():
            for _ in range(5):
                _fetch(base + path())
            # One client alone first: what a request costs with no other request queued beside it.
            alone = sorted(_fetch(base + path()) for _ in range(20))
            urls = [base + path() for _ in range(args.requests)]
            with ThreadPoolExecutor(args.concurrency) as pool:
                timings = sorted(pool.map(_fetch, urls))
            p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
            print(f"[{database}] {name:28s} {len(timings):5d} {args.concurrency:3d} {p50:8.1f} {p95:8.1f} "
                  f"{timings[-1]:8.1f}  {'ok  ' if p95 < 100 else 'SLOW'}              "
                  f"| {alone[0]:16.1f} {statistics.median(alone):6.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
