"""``jixiao serve`` with several processes (gunicorn on POSIX): it starts the processes asked for and answers from
them, runs exactly one background worker whatever their number, refuses an oversized upload before reading it,
takes no forwarded header into account unless the deployment says it is behind a proxy, and leaves nothing
running when stopped, even when killed."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from benchmarks.bench_server import serving as serve_on_loopback
from jixiao.cli.server import multi_process

pytestmark = pytest.mark.skipif(not multi_process(), reason="several processes need gunicorn (POSIX)")

PASSWORD = "Demo-Pass-2026"
HUGE = 200 * 1024 * 1024


@contextmanager
def serving(data: Path, *options: str, env: dict[str, str] | None = None):
    """``jixiao serve`` on a free loopback port with fresh demo data in ``data``: its URL and process."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "JIXIAO_SECRET_KEY")}
    with serve_on_loopback({**environment, **(env or {})}, data, "--demo-password", PASSWORD, *options) as served:
        yield served


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    """A data folder after a first run (migrated, demo data, static files), copied for each server below so
    that each starts quickly."""
    data = tmp_path_factory.mktemp("first-run")
    with serving(data, "--processes", "1", "--no-worker"):
        pass
    return data


@pytest.fixture
def data(first_run, tmp_path) -> Path:
    return Path(shutil.copytree(first_run, tmp_path / "data"))


def _children(process) -> tuple[list, list]:
    """The server's web processes and background workers (by their command line)."""
    children = psutil.Process(process.pid).children(recursive=True)
    workers = [c for c in children if "worker" in c.cmdline()]
    return [c for c in children if c not in workers], workers


def _wait_for_children(process, web: int) -> tuple[list, list]:
    deadline = time.monotonic() + 30
    while True:
        found = _children(process)
        if len(found[0]) == web or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


@pytest.fixture(scope="module")
def server(first_run, tmp_path_factory):
    """Three processes and the background worker, deployed for HTTPS (HSTS) with no proxy in front."""
    data = Path(shutil.copytree(first_run, tmp_path_factory.mktemp("served") / "data"))
    with serving(data, "--processes", "3", env={"JIXIAO_HTTPS": "1"}) as (url, process):
        yield url, process, data


def test_serve_answers_from_the_processes_asked_for_with_one_background_worker(server):
    url, process, _data = server
    web, workers = _wait_for_children(process, 3)
    assert len(web) == 3 and len(workers) == 1
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda _: urllib.request.urlopen(f"{url}/login/", timeout=30).status, range(24)))
    assert statuses == [200] * 24


def test_a_200_mb_upload_is_refused_before_it_is_sent(server):
    connection = http.client.HTTPConnection(server[0].removeprefix("http://"), timeout=30)
    connection.putrequest("POST", "/api/sheets/check")
    connection.putheader("Content-Type", "multipart/form-data; boundary=jixiao-test")
    connection.putheader("Content-Length", str(HUGE))
    connection.endheaders()
    connection.send(b'--jixiao-test\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n')
    response = connection.getresponse()  # answered from the headers, the 200 MB never sent
    assert response.status == 413
    assert "超过了每次上传 50 MB 的上限" in json.loads(response.read())["detail"]
    connection.close()


def test_a_forwarded_scheme_is_not_believed_without_a_proxy(server):
    # Without JIXIAO_BEHIND_PROXY a client's X-Forwarded-Proto is not believed: the request is plain HTTP, so
    # no HSTS header (which the settings send only over HTTPS).
    request = urllib.request.Request(f"{server[0]}/login/", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200 and "Strict-Transport-Security" not in response.headers


def test_stopping_the_server_stops_every_process_and_clears_the_mark(server):
    _url, process, data = server
    mark = data / "jixiao-serve.pid"
    database = {"engine": "sqlite", "name": str(data.resolve() / "jixiao.sqlite3")}
    assert json.loads(mark.read_text()) == {"pid": process.pid, "database": database}
    web, workers = _children(process)
    everyone = [psutil.Process(process.pid), *web, *workers]
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)
    _gone, alive = psutil.wait_procs(everyone, timeout=30)
    assert not alive and not mark.exists()


def test_a_killed_server_leaves_no_process_behind(data):
    # SIGKILL gives the server no chance to stop its processes: each must notice by itself that it is gone.
    with serving(data, "--processes", "1") as (_url, process):
        web, workers = _wait_for_children(process, 1)
        assert len(web) == 1 and len(workers) == 1
        process.kill()
        process.wait(timeout=60)
        _gone, alive = psutil.wait_procs([*web, *workers], timeout=30)
        for left in alive:  # not to leave them running when the test fails
            left.kill()
        assert alive == []


def test_behind_a_proxy_without_a_worker(data):
    env = {"JIXIAO_HTTPS": "1", "JIXIAO_BEHIND_PROXY": "1"}
    with serving(data, "--processes", "2", "--no-worker", env=env) as (url, process):
        web, workers = _wait_for_children(process, 2)
        assert len(web) == 2 and workers == []
        # The forwarded scheme is the application's to read (SECURE_PROXY_SSL_HEADER): HTTPS, so HSTS.
        request = urllib.request.Request(f"{url}/login/", headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
