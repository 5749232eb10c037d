"""SQL queries and CPU time per request of every page of the web benchmark (run by benchmarks.web_bench in a fresh
process on a copy of the loaded database, before the server starts, with the code under measure first on the
path).

    python benchmarks/web_bench_queries.py

One request at a time through Django's test client in this process (no server, no other client), so a page's own
cost shows even on a loaded machine: its queries (a count that grows with the number of sheets is a defect) and
the median CPU milliseconds (``time.process_time``) of ``ROUNDS`` requests after a warm-up, each page's addresses
drawn as the load draws them. Prints one JSON object: page → queries and CPU ms. Imports nothing of the benchmarks
package, so that it measures whichever code is first on the path (``web_bench --baseline``).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
from pathlib import Path

import django

ROUNDS = 20
YEAR = 2026


def pages_of(unit_id, ids: list[int], rng: random.Random) -> dict:
    """Every page a reviewer opens: its name and a function giving its path (a random sheet for the sheet page)."""
    return {
        "sheet list (page 1 of all)": lambda: f"/sheets/?year={YEAR}",
        "sheet list (filtered, page 3)": lambda: f"/sheets/?year={YEAR}&findings=any&page=3",
        "sheet list (unit and status)": lambda: f"/sheets/?year={YEAR}&unit={unit_id}&status=approved",
        "sheet page": lambda: f"/sheets/{rng.choice(ids)}/",
        "dashboard": lambda: f"/sheets/dashboard/?year={YEAR}",
        "monitoring and evaluation overview": lambda: f"/performance/?year={YEAR}",
        "a unit's monitoring overview": lambda: f"/performance/?year={YEAR}&unit={unit_id}",
        "API list": lambda: f"/api/sheets/?year={YEAR}",
    }


def measure() -> dict[str, dict[str, float]]:
    """Each page's queries (of one request) and median CPU ms per request."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from jixiao.web.organisation.models import Unit
    from jixiao.web.sheets.models import Sheet

    client = Client()
    client.force_login(get_user_model().objects.get(username="reviewer"))
    api = Client(HTTP_AUTHORIZATION=f"Bearer {(Path(os.environ['JIXIAO_DATA']) / 'api_token').read_text().strip()}")
    ids = list(Sheet.objects.values_list("pk", flat=True))
    unit_id = Unit.objects.get(code="U001").pk
    figures = {}
    for name, path in pages_of(unit_id, ids, random.Random(7)).items():
        browser = api if name == "API list" else client
        for _ in range(3):  # warm caches, templates and the connection
            browser.get(path())
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *rest, found=queries: found.append(sql) or execute(sql, *rest)):
            status = browser.get(path()).status_code
        timings = []
        for _ in range(ROUNDS):
            started = time.process_time()
            browser.get(path())
            timings.append((time.process_time() - started) * 1000)
        figures[name] = {"queries": len(queries), "cpu": statistics.median(timings), "status": status}
    return figures


if __name__ == "__main__":
    django.setup()
    from django.core.management import call_command

    # The kept database was built by earlier code; bring the copy to this code's schema, as `jixiao serve` does.
    call_command("migrate", interactive=False, verbosity=0)
    print(json.dumps(measure()))
