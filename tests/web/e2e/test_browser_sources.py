"""End to end in Chromium: a draft read with a misread budget source (上年结转资金 0.20 where the form printed 2.00, so
its 预算数 20 did not add up) is corrected in the editor; a source added and removed again changes the live findings
(JX701), and after saving the sheet's table lists the corrected source under 其他资金 and its history records the
change. Screenshots go to output/screenshots/."""

from __future__ import annotations

import sqlite3

import pytest

from tests.web.e2e.conftest import fresh_copy
from tests.web.e2e.test_browser import _login, _shot, serving

pytestmark = pytest.mark.browser

DRAFT = "乡乡环境治理经费"  # a draft of the demo (its other sheet is approved and published)


@pytest.fixture(scope="module")
def misread(first_run, tmp_path_factory):
    """The demo with its draft's budget as a reader misread it; yields the URL and the draft's id."""
    data = fresh_copy(first_run, tmp_path_factory.mktemp("data"))
    with sqlite3.connect(data / "jixiao.sqlite3") as db:
        draft = db.execute("SELECT min(id) FROM sheets_sheet WHERE status = 'draft' AND name LIKE ?",
                           (f"{DRAFT}%",)).fetchone()[0]
        db.execute("UPDATE sheets_sheet SET budget_total = '20', budget_sources = ? WHERE id = ?",
                   ('[["上年结转资金", "0.20"]]', draft))
    with serving(data) as url:
        yield url, draft


def _checked(page, action) -> str:
    """The live findings after ``action`` (a change of the form) was checked by the server."""
    with page.expect_response(lambda response: "/check/" in response.url):
        action()
    page.wait_for_timeout(100)  # htmx swaps the fragment in after the response
    return page.inner_text("#live-findings")


def _editor(misread, browser):
    """The draft's editor, open for the preparer."""
    url, draft = misread
    page = _login(browser, url, "preparer")
    page.goto(f"{url}/sheets/{draft}/edit/")
    page.wait_for_load_state("load")
    return page


def test_a_misread_source_is_corrected_in_the_editor_and_kept(misread, browser):
    page = _editor(misread, browser)
    sources = page.locator("#sources")
    assert sources.locator("input[name='src-0-label']").input_value() == "上年结转资金"
    assert sources.locator("input[name='src-0-amount']").input_value() == "0.20"

    amount = sources.locator("input[name='src-0-amount']")
    found = _checked(page, lambda: (amount.fill("2"), amount.dispatch_event("change")))
    assert "JX701" not in found  # 18 + 2 is the 预算数 20

    page.click("#add-source")
    sources.locator("input[name='src-1-label']").fill("政府性基金拨款")
    added = sources.locator("input[name='src-1-amount']")
    found = _checked(page, lambda: (added.fill("1"), added.dispatch_event("change")))
    assert "JX701" in found and "政府性基金拨款1.00" in found and "之和21.00" in found
    _shot(page, "sources-01-editor")

    removed = sources.locator("input[name='src-1-DELETE']")
    found = _checked(page, lambda: removed.check())
    assert "JX701" not in found

    page.click(".save-bar button.primary")
    page.wait_for_selector("text=已保存")
    paper = page.inner_text(".paper")
    assert "上年结转资金\t2.00" in paper and "政府性基金拨款" not in paper
    history = page.locator("table.history tr", has_text="另列资金来源")
    assert history.count() == 1
    assert "上年结转资金：0.20" in history.inner_text() and "上年结转资金：2.00" in history.inner_text()
    _shot(page, "sources-02-saved")


def test_a_source_of_the_spans_money_is_added_in_the_spans_own_list(misread, browser):
    page = _editor(misread, browser)
    span = page.locator("#period")
    span.locator("input[name='period_total']").fill("60")
    page.click("#add-period-source")
    span.locator("input[name='psrc-0-label']").fill("上年结转资金")
    span.locator("input[name='psrc-0-amount']").fill("5")
    assert page.locator("#sources input[name='src-1-label']").count() == 0  # (the year's list is left as it was)
    page.click(".save-bar button.primary")
    page.wait_for_selector("text=已保存")
    assert "60.00（上年结转资金 5.00）" in page.inner_text(".paper")
    history = page.locator("table.history tr", has_text="中期资金：另列资金来源")
    assert history.count() == 1 and "上年结转资金：5.00" in history.inner_text()
