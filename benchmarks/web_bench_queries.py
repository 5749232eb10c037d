"""SQL queries and single-request time of every page of the web benchmark (run by benchmarks.web_bench in a fresh
process on the loaded database, before the server starts).

    python -m benchmarks.web_bench_queries

One request at a time through Django's test client in this process (no server, no other client), so a page's own
cost shows even on a loaded machine: its queries (a count that grows with the number of sheets is a defect) and
the median of a few requests after a warm-up.
"""

from __future__ import annotations

import os
import random
import statistics
import time
from pathlib import Path

import django

ROUNDS = 5


def measure() -> None:
    """Print each page's query count and median time of ``ROUNDS`` requests."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from benchmarks.web_bench import pages_of
    from jixiao.web.organisation.models import Unit
    from jixiao.web.sheets.models import Sheet

    client = Client()
    client.force_login(get_user_model().objects.get(username="reviewer"))
    api = Client(HTTP_AUTHORIZATION=f"Bearer {(Path(os.environ['JIXIAO_DATA']) / 'api_token').read_text().strip()}")
    ids = list(Sheet.objects.values_list("pk", flat=True))
    unit_id = Unit.objects.get(code="U001").pk
    rng = random.Random(7)
    database = connection.vendor
    for name, path in pages_of(unit_id, ids, rng).items():
        browser = api if name == "API list" else client
        browser.get(path())  # warm caches and the connection
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
            status = browser.get(path()).status_code
        timings = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            browser.get(path())
            timings.append((time.perf_counter() - started) * 1000)
        print(f"[{database}] {name:36s} {len(queries):3d} queries, one request {statistics.median(timings):7.1f} ms"
              f"{'' if status == 200 else f' (HTTP {status})'}")


if __name__ == "__main__":
    django.setup()
    measure()
