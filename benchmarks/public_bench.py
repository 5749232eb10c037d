"""The public site under load: p95 of every public page with 10,000 published tables (issue 14: under 100 ms).

    .venv/bin/python -m benchmarks.public_bench [--tables 10000] [--requests 200] [--concurrency 4]
                                                [--database sqlite|postgres|both]
                                                [--processes N] [--store DIR] [--rebuild] [--postgres-name NAME]

Loads published tables straight into a database (benchmarks.public_bench_load) once, kept under ``--store``; each
run measures a fresh copy (benchmarks.bench_server). It starts ``jixiao serve`` (several processes) on a loopback
port and times anonymous requests from a few client threads, and before that from one client alone (what a
request costs with none queued beside it), with the server's CPU time per request and the load average beside
each page. PostgreSQL is this machine's server (postgres://postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from benchmarks.bench_server import (add_arguments, built, cpu_seconds, database_copy, load_average,
                                     processes_option, serving, web_processes)
from benchmarks.public_bench_load import UNITS, YEAR


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    add_arguments(parser)
    args = parser.parse_args()
    for database in (["sqlite", "postgres"] if args.database == "both" else [args.database]):
        if args.build_only:
            built(database, "public", args.tables, "benchmarks.public_bench_load", args)
            continue
        with database_copy(database, "public", args.tables, "benchmarks.public_bench_load", args) as (env, data):
            _measure(database, env, data, args)


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def _measure(database: str, env: dict[str, str], data, args) -> None:
    with serving(env, data, *processes_option(args)) as (base, server):
        pid = server.pid
        web = web_processes(pid)
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
        print(f"[{database}] {len(web) - 1} server processes; {'page':28s} {'n':>5s} {'c':>3s} {'p50 ms':>8s} "
              f"{'p95 ms':>8s} {'max ms':>8s}  aim p95 < 100 ms | one client: {'min':>5s} {'p50':>6s} "
              f"| server CPU ms per request, load average")
        for name, path in pages.items():
            for _ in range(5):
                _fetch(base + path())
            # One client alone first: what a request costs with no other request queued beside it.
            alone = sorted(_fetch(base + path()) for _ in range(20))
            urls = [base + path() for _ in range(args.requests)]
            load, cpu = load_average(), cpu_seconds(web)
            with ThreadPoolExecutor(args.concurrency) as pool:
                timings = sorted(pool.map(_fetch, urls))
            cpu = (cpu_seconds(web) - cpu) * 1000 / len(urls)
            p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
            print(f"[{database}] {name:28s} {len(timings):5d} {args.concurrency:3d} {p50:8.1f} {p95:8.1f} "
                  f"{timings[-1]:8.1f}  {'ok  ' if p95 < 100 else 'SLOW'}              "
                  f"| {alone[0]:16.1f} {statistics.median(alone):6.1f} | cpu {cpu:5.1f} load {load}–{load_average()}")


if __name__ == "__main__":
    main()
