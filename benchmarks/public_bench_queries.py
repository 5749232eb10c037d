"""SQL queries and CPU time of the public pages, rendered and kept (run by benchmarks.public_bench in a fresh
process on its database copy, with the code under measure first on the path).

    python benchmarks/public_bench_queries.py URLS.json

URLS.json maps each page to a few addresses. One request at a time through Django's test client in this process
(no server, no other client), so a page's own cost shows even on a loaded machine: each address once with every
cache emptied first (the page rendered) and once more (the page as kept, where the code keeps pages). Prints one
JSON object: page → the median queries and CPU milliseconds of a request, rendered and kept. Imports nothing of
the benchmarks package, so that it measures whichever code is first on the path.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import django


def _request(client, url: str) -> tuple[int, float]:
    """The queries and CPU milliseconds of one request."""
    from django.db import connection

    queries = []
    started = time.process_time()
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        status = client.get(url).status_code
    if status != 200:
        raise RuntimeError(f"{url}: HTTP {status}")
    return len(queries), (time.process_time() - started) * 1000


def measure(pages: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    """Each page's median queries and CPU ms per request, rendered and kept."""
    from django.conf import settings
    from django.core.cache import caches
    from django.test import Client

    client = Client()
    for urls in pages.values():  # warm the connection, the templates and the URL resolver
        client.get(urls[0])
    figures = {}
    for page, urls in pages.items():
        rendered, kept = [], []
        for url in urls:
            for alias in settings.CACHES:
                caches[alias].clear()
            rendered.append(_request(client, url))
            kept.append(_request(client, url))
        figures[page] = {"queries": statistics.median(q for q, _ in rendered),
                         "queries_kept": statistics.median(q for q, _ in kept),
                         "cpu": statistics.median(c for _, c in rendered),
                         "cpu_kept": statistics.median(c for _, c in kept)}
    return figures


if __name__ == "__main__":
    django.setup()
    print(json.dumps(measure(json.loads(Path(sys.argv[1]).read_text()))))
