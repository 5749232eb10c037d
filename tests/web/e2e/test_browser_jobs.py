"""End to end in Chromium: a reviewer exports the whole bureau's year of goal sheets as a background job, watches
its progress on the job page (htmx polling, served locally) and downloads the result, which reads back.

The server runs without its worker thread (``--no-worker``), so the page is seen waiting; then ``jixiao worker``
is started, as a larger deployment does, and the page follows the job to its end without a reload. Screenshots go
to output/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.documents import read_bytes
from tests.web.e2e.conftest import fresh_copy
from tests.web.e2e.test_browser import _login, _shot, serving

pytestmark = pytest.mark.browser


@pytest.fixture
def quiet_server(first_run, tmp_path):
    """``jixiao serve --no-worker`` on fresh demo data; yields its URL and data folder."""
    with serving(fresh_copy(first_run, tmp_path / "data"), "--no-worker") as url:
        yield url, tmp_path / "data"


@pytest.fixture
def start_worker(quiet_server):
    """Start ``jixiao worker`` on the server's data folder when called; stopped at the end."""
    processes = []

    def start():
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "JIXIAO_SECRET_KEY")}
        processes.append(subprocess.Popen(
            [sys.executable, "-c", "from jixiao.cli.app import main; main()", "worker", "--data",
             str(quiet_server[1]), "--interval", "0.2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_reviewer_exports_the_bureaus_year_watches_it_and_downloads_it(quiet_server, start_worker, browser):
    url, _ = quiet_server
    reviewer = _login(browser, url, "reviewer")
    year = reviewer.input_value("input[name=year]")
    export = reviewer.locator("form.export")
    assert "导出本年度所有单位的表" in export.inner_text()
    export.locator("button[value=xlsx]").click()

    reviewer.wait_for_url(f"{url}/jobs/*/")
    assert reviewer.locator("h1").inner_text() == "绩效目标表导出"
    assert f"可见的全部单位 {year}年度 · Excel" in reviewer.locator("main").inner_text()
    assert "排队中" in reviewer.locator("#job").inner_text() and reviewer.locator("#job progress").count() == 1
    with reviewer.expect_response(lambda response: response.url.endswith("/progress/")):
        pass  # the page polls its progress fragment (htmx, from the server's own static files)
    _shot(reviewer, "export-job-waiting")

    start_worker()
    reviewer.wait_for_selector("#job-download", timeout=60_000)
    state = reviewer.locator("#job").inner_text()
    assert "已完成" in state and "已导出" in state and "张绩效目标表" in state
    assert reviewer.locator("#job").get_attribute("hx-trigger") is None  # polling stopped
    _shot(reviewer, "export-job-done")

    named = reviewer.locator("#job-download .file-name").inner_text()
    bureau = reviewer.locator("header .who").inner_text().split(" · ")[0]  # the reviewer's unit: 遵化市财政局（演示）
    with reviewer.expect_download() as download:
        reviewer.click("#job-download")
    # The file says whose, which year and what, and is the name the page's button showed
    assert download.value.suggested_filename == f"{bureau}-{year}年度绩效目标表.xlsx" == named
    document = read_bytes(Path(download.value.path()).read_bytes(), "export.xlsx")
    assert document.sheets and all(sheet.indicators for sheet in document.sheets)
