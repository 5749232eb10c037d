"""The public site under load: p95 of every public page with 10,000 published tables (issue 14: under 100 ms).

    .venv/bin/python -m benchmarks.public_bench [--tables 10000] [--requests 200] [--concurrency 4]
                                                [--database sqlite|postgres|both] [--baseline DIR] [--only PAGE]
                                                [--processes N] [--store DIR] [--rebuild] [--postgres-name NAME]

Loads published tables straight into a database (benchmarks.public_bench_load) once, kept under ``--store``; each
run measures a fresh copy (benchmarks.bench_server). It starts ``jixiao serve`` (several processes) on a loopback
port and times anonymous requests from a few client threads, and before that from one client alone (what a
request costs with none queued beside it), with the server's CPU time per request and the load average beside
each page. Before the load, each page's SQL queries and CPU time per request in one process, rendered and (where
the code keeps pages) kept (benchmarks.public_bench_queries). With ``--baseline DIR``, a checkout of earlier code
(``git worktree add DIR COMMIT``, or ``git archive COMMIT | tar -x -C DIR``), a second server runs that code on a
copy of its own and every page is measured on it and then on this code, back to back, so that both see the same
load on a shared machine. PostgreSQL is this machine's server (postgres://postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from benchmarks.bench_server import (
    add_arguments,
    built,
    cpu_seconds,
    database_copy,
    load_average,
    processes_option,
    serving,
    web_processes,
)
from benchmarks.public_bench_load import UNITS, YEAR

HERE = Path(__file__).resolve().parent.parent  # this checkout: the code measured, and the baseline's counterpart
SAMPLES = 10  # addresses per page for the queries and CPU of one request


@dataclass
class Served:
    """One code tree's server: its label, environment, base URL and web processes."""

    label: str
    env: dict[str, str]
    base: str
    web: list


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a checkout of earlier code: every page is measured on it, then on this code")
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this")
    add_arguments(parser)
    args = parser.parse_args()
    trees = {"before": args.baseline.resolve(), "after": HERE} if args.baseline else {"": HERE}
    for database in (["sqlite", "postgres"] if args.database == "both" else [args.database]):
        if args.build_only:
            built(database, "public", args.tables, "benchmarks.public_bench_load", args)
            continue
        with contextlib.ExitStack() as stack:
            servers = []
            for label, tree in trees.items():
                env, data = stack.enter_context(database_copy(database, "public", args.tables,
                                                              "benchmarks.public_bench_load", args,
                                                              run=f"run{label}"))
                # The tree's code first on the path, and not the working folder's (PYTHONSAFEPATH).
                env = {**env, "PYTHONPATH": str(tree), "PYTHONSAFEPATH": "1"}
                base, server = stack.enter_context(serving(env, data, *processes_option(args)))
                servers.append(Served(label, env, base, web_processes(server.pid)))
            _measure(database, servers, args)


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def _pages(base: str, args) -> dict[str, list[str]]:
    """Each page's addresses, the requests of one round (the same for every server): warm-up, one client alone,
    the clients together."""
    # the first unit holds the first table (tables are dealt to the units in turn), so the ids of all tables lie
    # between its smallest and that + tables - 1 (U001's smallest is the second table's: the last id was missed)
    unit_page = urllib.request.urlopen(f"{base}/public/B0/{YEAR}/U000/").read().decode()
    ids = [int(n) for n in re.findall(r'/public/table/(\d+)/', unit_page)]
    first = min(ids)
    rng = random.Random(7)
    pages = {
        "index": lambda: "/public/",
        "bureau year (100 units)": lambda: f"/public/B0/{YEAR}/",
        "unit year (~100 tables)": lambda: f"/public/B0/{YEAR}/U{rng.randrange(UNITS):03d}/",
        "table page": lambda: f"/public/table/{rng.randint(first, first + args.tables - 1)}/",
        "search (one word)": lambda: "/public/search/?q=" + urllib.request.quote(rng.choice(
            ["维稳", "环境整治", "第7乡", "满意度", "培训人次"])),
        "atom feed": lambda: "/public/feed.atom",
    }
    return {name: [path() for _ in range(5 + 20 + args.requests)] for name, path in pages.items() if args.only in name}


def _one_request(server: Served, pages: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Queries and CPU ms of one request of each page in one process of ``server``'s code, rendered and kept."""
    with tempfile.NamedTemporaryFile("w", suffix=".json") as urls:
        json.dump({name: paths[:SAMPLES] for name, paths in pages.items()}, urls)
        urls.flush()
        output = subprocess.run([sys.executable, str(HERE / "benchmarks" / "public_bench_queries.py"), urls.name],
                                env=server.env, check=True, capture_output=True, text=True).stdout
    return json.loads(output.splitlines()[-1])


def _measure(database: str, servers: list[Served], args) -> None:
    pages = _pages(servers[0].base, args)
    alone = {server.label: _one_request(server, pages) for server in servers}
    print(f"[{database}] {len(servers[0].web) - 1} server processes; {'page':24s} {'code':6s} {'n':>4s} {'c':>2s} "
          f"{'p50':>6s} {'p95':>6s} {'max':>6s} aim p95<100 | one client {'min':>5s} {'p50':>5s} | server cpu ms/req "
          f"| one process: queries, cpu ms rendered / kept | load")
    for name, paths in pages.items():
        for server in servers:
            urls = [server.base + path for path in paths]
            for url in urls[:5]:
                _fetch(url)
            # One client alone first: what a request costs with no other request queued beside it.
            single = sorted(_fetch(url) for url in urls[5:25])
            load, cpu = load_average(), cpu_seconds(server.web)
            with ThreadPoolExecutor(args.concurrency) as pool:
                timings = sorted(pool.map(_fetch, urls[25:]))
            cpu = (cpu_seconds(server.web) - cpu) * 1000 / len(timings)
            p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95) - 1]
            own = alone[server.label][name]
            print(f"[{database}] {name:24s} {server.label:6s} {len(timings):4d} {args.concurrency:2d} {p50:6.1f} "
                  f"{p95:6.1f} {timings[-1]:6.1f} {'ok  ' if p95 < 100 else 'SLOW'}       "
                  f"| {single[0]:16.1f} {statistics.median(single):5.1f} | cpu {cpu:5.1f}        "
                  f"| {own['queries']:g} / {own['queries_kept']:g} queries, {own['cpu']:5.1f} / {own['cpu_kept']:4.1f} ms "
                  f"| {load}–{load_average()}")

if __name__ == "__main__":
    main()
