"""Web pages under load: p95 of every page a reviewer opens, with 10,000 sheets (100,000 indicators) stored,
then again while a background import of 1,000 files runs, with the server's CPU per request and peak memory.

    .venv/bin/python -m benchmarks.web_bench [--sheets 10000] [--requests 300] [--concurrency 4]
                                             [--database sqlite|postgres|both] [--import-files 1000]
                                             [--baseline DIR] [--queries-only] [--processes N] [--store DIR]
                                             [--rebuild] [--postgres-name NAME]

Loads synthetic sheets (benchmarks.synth) for 100 townships of one bureau straight into a database
(benchmarks.web_bench_load), with the review engine's findings, four in five approved with spending and stored
summaries, once: the database is kept under ``--store`` and each run measures a fresh copy of it
(benchmarks.bench_server), so a measurement takes minutes. It prints each page's SQL queries and CPU time per
request (benchmarks.web_bench_queries: one request at a time in one process, so a page's own cost shows on a loaded
machine; with ``--baseline DIR``, a checkout of earlier code such as ``git archive COMMIT | tar -x -C DIR``, that
code's figures beside this code's, each measured on a copy of its own; ``--queries-only`` stops there), then
starts ``jixiao serve`` (several processes, with its background worker) on a loopback port, logs each client in
as the bureau's reviewer (who sees every sheet; one session per client, as people have) and times a bounded
number of requests from ``--concurrency`` clients: the list with and without filters, a sheet, the dashboard, the
monitoring and self-evaluation overview, one unit's overview and the API's list. Then the first township's
preparer uploads ``--import-files`` generated .txt files (in .zip archives, so they go to the background) and the
same pages are timed while the worker reads and stores them. Beside each page: the web processes' CPU time per
request (what the page costs, whatever else runs on the machine) and the 1-minute load average. PostgreSQL is
this machine's server (postgres://postgres@127.0.0.1:5432). The aims (issue 13): p95 under 100 ms at 10,000
sheets and under 200 ms at 100,000 (``--sheets 100000 --database postgres``), also during the import. Figures are
printed side by side, never asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

from benchmarks.bench_server import (
    add_arguments,
    built,
    cpu_seconds,
    database_copy,
    load_average,
    peak_rss_mb,
    processes_option,
    serving,
    web_processes,
    worker_process,
)
from benchmarks.web_bench_queries import YEAR, pages_of

HERE = Path(__file__).resolve().parent.parent  # this checkout: the code measured, and the baseline's counterpart
PASSWORD = "Bench-Pass-2026"
UNITS = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sheets", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="clients, each with its own session")
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--import-files", type=int, default=1000, help="files of the background import (0: none)")
    parser.add_argument("--no-queries", action="store_true", help="skip the one-request-at-a-time figures")
    parser.add_argument("--queries-only", action="store_true", help="only the one-request-at-a-time figures")
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a checkout of earlier code: its one-request-at-a-time figures beside this code's")
    add_arguments(parser)
    args = parser.parse_args()
    for database in (["sqlite", "postgres"] if args.database == "both" else [args.database]):
        if args.build_only:
            built(database, "sheets", args.sheets, "benchmarks.web_bench_load", args)
            continue
        if not args.no_queries:
            _one_request(database, args)
        if not args.queries_only:
            with database_copy(database, "sheets", args.sheets, "benchmarks.web_bench_load", args) as (env, data):
                _measure(database, env, data, args)


def _one_request(database: str, args) -> None:
    """Print each page's queries and CPU ms per request, one request at a time in one process
    (benchmarks.web_bench_queries) on a fresh copy of the database: of the ``--baseline`` code first when given,
    then of this code, side by side (each measured twice, on both sides of the other)."""
    trees = {"before": args.baseline.resolve(), "after": HERE} if args.baseline else {"": HERE}
    # Before, after, after, before: a machine shared with other work drifts, so each code is measured on both
    # sides of the other and keeps its lower CPU time per page.
    order = [*trees, *reversed(trees)] if args.baseline else [*trees]
    figures: dict[str, dict] = {}
    for label in order:
        with database_copy(database, "sheets", args.sheets, "benchmarks.web_bench_load", args,
                           run=f"queries{label}") as (env, _):
            # The tree's code first on the path, and not the working folder's (PYTHONSAFEPATH).
            env = {**env, "PYTHONPATH": str(trees[label]), "PYTHONSAFEPATH": "1"}
            output = subprocess.run([sys.executable, str(HERE / "benchmarks" / "web_bench_queries.py")], env=env,
                                    check=True, capture_output=True, text=True).stdout
        measured = json.loads(output.splitlines()[-1])
        kept = figures.setdefault(label, measured)
        for name, page in measured.items():
            kept[name]["cpu"] = min(kept[name]["cpu"], page["cpu"])
    print(f"[{database}] {args.sheets} sheets, one request at a time in one process: queries, CPU ms per request"
          + (" (median), before → after" if args.baseline else " (median)"))
    for name in figures[next(iter(trees))]:
        cells = [f"{figures[label][name]['queries']:3d} queries {figures[label][name]['cpu']:6.1f} ms"
                 + ("" if figures[label][name]["status"] == 200 else f" (HTTP {figures[label][name]['status']})")
                 for label in trees]
        print(f"[{database}] {name:36s} " + "  →  ".join(cells))


def _measure(database: str, env: dict[str, str], data: Path, args) -> None:
    with serving(env, data, *processes_option(args)) as (base, server):
        pid = server.pid
        web = web_processes(pid)
        clients = [_login(base, "reviewer") for _ in range(args.concurrency)]
        listing = _get(clients[0], f"/sheets/?year={YEAR}", base)
        first_sheet = int(re.search(r'href="/sheets/(\d+)/"', listing).group(1))
        unit = re.search(r'<option value="(\d+)"[^>]*>第1乡', listing)
        unit_id = unit.group(1) if unit else "1"
        ids = list(range(first_sheet - args.sheets + 1, first_sheet + 1))
        pages = pages_of(unit_id, ids, random.Random(7))
        api = [_api_opener(data / "api_token") for _ in range(args.concurrency)]
        quiet = {name: _time_page(api if name == "API list" else clients, base, path, args, web)
                 for name, path in pages.items()}
        during, imported = {}, None
        if args.import_files:
            started = time.perf_counter()
            job = _start_import(base, args.import_files)
            during = {name: _time_page(api if name == "API list" else clients, base, path, args, web, warm=False)
                      for name, path in pages.items()}
            imported = _wait_import(base, job, started)
        limit = 100 if args.sheets <= 10_000 else 200
        print(f"[{database}] {args.sheets} sheets, {len(web) - 1} server processes, {args.concurrency} clients; "
              f"p50 / p95 / max in ms, server CPU ms per request, load average"
              + ("; right: during the background import" if during else ""))
        for name in pages:
            line = f"[{database}] {name:36s} {_figures(quiet[name], limit)}"
            if name in during:
                line += f"   | {_figures(during[name], limit)}"
            print(line)
        if imported:
            seconds, state, message = imported
            worker = worker_process(pid)
            print(f"[{database}] background import of {args.import_files} files: {state} in {seconds:.0f} s "
                  f"({message}); peak RSS: worker {peak_rss_mb(worker) if worker else 0:.0f} MB, "
                  f"largest web process {max(peak_rss_mb(p) for p in web[1:]):.0f} MB")


def _time_page(clients: list, base: str, path, args, web: list, warm: bool = True) -> dict:
    """Time ``args.requests`` requests of ``path`` from the clients (one thread each, each its own session):
    the sorted timings in ms, the web processes' CPU ms per request, and the load average before and after."""
    if warm:
        for _ in range(10):
            _get(clients[0], path(), base)
    paths = [path() for _ in range(args.requests)]
    shares = [paths[n::len(clients)] for n in range(len(clients))]
    load, cpu = load_average(), cpu_seconds(web)
    with ThreadPoolExecutor(len(clients)) as pool:
        answers = [t for share in pool.map(lambda c, ps: [_timed(c, p, base) for p in ps], clients, shares)
                   for t in share]
    cpu = (cpu_seconds(web) - cpu) * 1000 / len(paths)
    failed = sorted(status for _, status in answers if status != 200)
    return {"timings": sorted(t for t, _ in answers), "cpu": cpu, "load": f"{load}–{load_average()}",
            "failed": ", ".join(f"{failed.count(s)}×HTTP {s}" for s in sorted(set(failed)))}


def _figures(measured: dict, limit: int) -> str:
    timings = measured["timings"]
    p50, p95 = statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)]
    return (f"n={len(timings):4d} {p50:7.1f} {p95:7.1f} {timings[-1]:7.1f} {'ok  ' if p95 < limit else 'SLOW'} "
            f"cpu {measured['cpu']:5.1f} load {measured['load']}"
            + (f" FAILED {measured['failed']}" if measured["failed"] else ""))


def _start_import(base: str, count: int) -> str:
    """Upload ``count`` generated .txt files for the first township as the preparer; the job page's path."""
    import io
    import zipfile

    from benchmarks.synth import generate_sheet
    from jixiao.documents import render_document
    from jixiao.model import Document, Unit

    unit, rng, archives = Unit(code="U000", name="第0乡人民政府"), random.Random(13), []
    for start in range(0, count, 500):  # the default JIXIAO_MAX_ZIP_MEMBERS
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for index in range(start, min(start + 500, count)):
                sheet = generate_sheet(rng, 900_000 + index, unit)
                sheet = sheet.model_copy(update={"year": YEAR, "title": sheet.title.replace("2025", str(YEAR))})
                archive.writestr(f"sheet-{index:05d}.txt", render_document(Document(unit=unit, sheets=[sheet]), "txt"))
        archives.append((f"batch-{start // 500}.zip", buffer.getvalue()))
    opener = _login(base, "preparer")
    page = _get(opener, "/sheets/import/", base)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    unit_id = re.search(r'<option value="(\d+)"', page).group(1)
    body, boundary = _multipart({"csrfmiddlewaretoken": token, "unit": unit_id, "year": str(YEAR)}, archives)
    request = urllib.request.Request(f"{base}/sheets/import/", data=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}", "Referer": f"{base}/sheets/import/"})
    with opener.open(request, timeout=300) as response:
        return urllib.parse.urlparse(response.geturl()).path


def _multipart(fields: dict[str, str], files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = "----jixiao-bench-boundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
              f"Content-Type: application/zip\r\n\r\n".encode() + data + b"\r\n" for name, data in files]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def _wait_import(base: str, job_path: str, started: float) -> tuple[float, str, str]:
    """Poll the job's progress fragment (as the page does) until it has finished: seconds since ``started``, the
    state and the message."""
    opener = _login(base, "preparer")
    while True:
        try:
            fragment = _get(opener, f"{job_path}progress/", base)
        except urllib.error.HTTPError as error:  # counted in the pages' figures; the import goes on
            print(f"polling the import: HTTP {error.code}")
            time.sleep(1)
            continue
        if "hx-trigger" not in fragment:
            state = re.search(r'class="job-state (\w+)"', fragment).group(1)
            message = re.sub(r"<[^>]+>|\s+", " ", fragment.split("</strong>", 1)[1]).strip()
            return time.perf_counter() - started, state, message[:120]
        time.sleep(1)


def _login(base: str, username: str):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', _get(opener, "/login/", base)).group(1)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
    opener.open(f"{base}/login/", body.encode(), timeout=10)
    return opener


def _api_opener(token_file: Path):
    opener = urllib.request.build_opener()
    opener.addheaders = [("Authorization", f"Bearer {token_file.read_text().strip()}")]
    return opener


def _get(opener, path: str, base: str) -> str:
    with opener.open(f"{base}{path}", timeout=30) as response:
        return response.read().decode()


def _timed(opener, path: str, base: str) -> tuple[float, int]:
    """The time of one request in ms and its HTTP status (an error is a figure too, not the end of the run)."""
    started = time.perf_counter()
    try:
        with opener.open(f"{base}{path}", timeout=60) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return (time.perf_counter() - started) * 1000, status


if __name__ == "__main__":
    main()
