"""End to end, in Debian's Chromium, as a new user would: import, fix, submit, return, resubmit, approve, download.

Runs ``jixiao serve`` on a fresh data folder and leaves screenshots of the main pages in output/screenshots/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from jixiao.documents import read_bytes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[3]
SHOTS = ROOT / "output" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PASSWORD = "Demo-Pass-2026"


def browser_env() -> dict[str, str]:
    """The environment of a process of the browser tests: SQLite in its data folder, a key of its own."""
    return {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "JIXIAO_SECRET_KEY")}


@contextmanager
def serving(data: Path, *options: str):
    """``jixiao serve`` on a free loopback port with fresh demo data in ``data`` (more ``options`` for serve);
    yields its URL and stops it at the end."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-c", "from jixiao.cli.app import main; main()", "serve", "--port", str(port),
         "--data", str(data), "--demo-password", PASSWORD, *options],
        env=browser_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/login/", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stdout.read().decode())
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("jixiao serve did not answer within 60 s")
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _login(browser, url: str, username: str, **context):
    """A new window (``context``: more of its options) logged in as ``username``."""
    page = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True, locale="zh-CN",
                               **context).new_page()
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(f"{url}/sheets/**")
    return page


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _set_target(page, indicator: str, value: str, unit: str) -> None:
    """In the editor, write the target of ``indicator`` as ≥ value unit (clearing the text form)."""
    row = page.locator("tr.grid-row", has=page.locator(f"input[value='{indicator}']"))
    row.locator("select[name$='-operator']").select_option("≥")
    row.locator("input[name$='-value']").fill(value)
    row.locator("input[name$='-unit']").fill(unit)
    row.locator("input[name$='-text']").fill("")


def _confirm(page) -> None:
    """Answer 确定 in the confirmation dialog an irreversible step opens."""
    page.locator("dialog.confirm-dialog[open] button[value=ok]").click()


def _submit(page) -> None:
    """Submit the sheet for review, confirming when it still has errors (the dialog opens only then)."""
    page.wait_for_load_state("load")  # the dialog is forms.js's: clicked before it runs, the server asks instead
    page.click("button:has-text('提交审核')")
    if page.wait_for_selector("dialog.confirm-dialog[open], .status.submitted").evaluate("e => e.tagName") == "DIALOG":
        _confirm(page)
    page.wait_for_selector(".status.submitted")


def _approve(page, grade: str = "良") -> None:
    """Choose a grade (none is preselected) and approve, confirming the dialog."""
    page.locator("form.transition", has_text="批复").locator("select[name=grade]").select_option(grade)
    page.click("button:has-text('批复')")
    _confirm(page)
    page.wait_for_selector(".status.approved")


def _open_sheet(page, url: str, year: int, name: str) -> None:
    page.goto(f"{url}/sheets/?year={year}")
    page.click(f"a:has-text('{name}')")
    page.wait_for_selector(".paper")
    page.wait_for_load_state("load")


def test_preparer_and_reviewer_take_a_sheet_from_import_to_approval(server, browser):
    url = server
    preparer = _login(browser, url, "preparer")
    _shot(preparer, "01-list")

    # Import the sample for next year: preview first, then confirm.
    year = int(preparer.input_value("input[name=year]")) + 1
    preparer.click("a.button:has-text('导入文件')")
    preparer.fill("input[name=year]", str(year))
    preparer.set_input_files("input[name=files]", str(ROOT / "tests" / "fixtures" / "sample.txt"))
    preparer.click("button:has-text('读取并预览')")
    preparer.wait_for_selector("text=导入预览")
    _shot(preparer, "02-import-preview")
    preparer.click("button:has-text('确认导入')")
    preparer.wait_for_selector("text=已导入 2 张绩效目标表")

    # The sheet page shows the table and its findings.
    _open_sheet(preparer, url, year, "乡乡环境治理经费")
    _shot(preparer, "03-sheet")
    before = preparer.locator(".findings .finding").count()
    assert before > 0 and preparer.locator("text=指标值确定依据").count() > 0

    # Fix one indicator: the village count written with prose becomes ≥18个.
    preparer.click("a.button:has-text('修改')")
    _set_target(preparer, "村人居环境整治个数", "18", "个")
    preparer.wait_for_timeout(1200)  # the live check (htmx) runs on change
    _shot(preparer, "04-editor")
    preparer.click("button:has-text('保存')")
    preparer.wait_for_selector("text=已保存")
    assert preparer.locator(".findings .finding").count() < before
    assert preparer.locator(".form-table td:text-is('≥18个')").count() == 1
    _submit(preparer)
    sheet_url = preparer.url

    # The reviewer comments on an indicator and returns the sheet.
    reviewer = _login(browser, url, "reviewer")
    reviewer.goto(f"{url}/sheets/dashboard/?year={year}")
    reviewer.wait_for_selector("#chart-units canvas")
    _shot(reviewer, "05-dashboard")
    reviewer.goto(sheet_url)
    reviewer.select_option("select[name=indicator]", label="第3行 受益人数")
    reviewer.fill("textarea[name=text]", "受益人数是数量，应以“人”计")
    reviewer.click("button:has-text('添加意见')")
    reviewer.wait_for_selector("text=已添加审核意见")
    reviewer.locator("form.transition", has_text="退回修改").locator("textarea").fill("请改正受益人数的单位")
    reviewer.click("button:has-text('退回修改')")
    reviewer.wait_for_selector(".status.returned")
    _shot(reviewer, "06-returned")

    # The preparer sees the comment, fixes the indicator and resubmits.
    preparer.goto(sheet_url)
    assert preparer.locator("text=受益人数是数量").count() > 0
    preparer.click("a.button:has-text('修改')")
    _set_target(preparer, "受益人数", "24400", "人")
    preparer.click("button:has-text('保存')")
    preparer.wait_for_selector("text=已保存")
    _submit(preparer)

    # The reviewer approves: no grade is preselected, and the dialog asks first.
    reviewer.goto(sheet_url)
    _approve(reviewer)
    _shot(reviewer, "07-approved")

    # The approved sheet downloads as .docx and reads back.
    with reviewer.expect_download() as download:
        reviewer.click("a:has-text('Word')")
    document = read_bytes(Path(download.value.path()).read_bytes(), "approved.docx")
    assert document.sheets[0].indicators[0].target.raw == "≥18个"
