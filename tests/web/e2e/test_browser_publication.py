"""End to end, in Chromium: the bureau publishes approved tables, an anonymous visitor finds them by search,
downloads the CSV and the data package, sees an adjustment as a new version, and a withdrawn table is gone.
Screenshots of the public pages at phone and desktop width go to output/screenshots/."""

from __future__ import annotations

import json

import pytest

from tests.web.e2e.test_browser import _approve, _shot, _submit
from tests.web.e2e.test_browser_performance import _approve_demo_sheet

pytestmark = pytest.mark.browser


def _visitor(browser, width: int = 1440):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True, locale="zh-CN")
    return context.new_page()


def _publication_row(page, name: str):
    return page.locator("tr", has=page.locator(f"a:has-text('{name}')"))


def test_the_bureau_publishes_and_the_public_finds_reads_and_downloads(server, browser, tmp_path):
    url = server
    preparer, reviewer, sheet_url, year = _approve_demo_sheet(url, browser, "乡乡环境治理经费", tmp_path)
    # The reviewer publishes the approved table from the publication page.
    reviewer.goto(f"{url}/publication/?year={year}")
    _publication_row(reviewer, "乡乡环境治理经费").locator("button:has-text('公开')").click()
    reviewer.wait_for_selector("text=已公开第1版")
    _shot(reviewer, "publication-manage")

    # An anonymous visitor searches for it and reads it.
    visitor = _visitor(browser)
    visitor.goto(f"{url}/public/")
    visitor.fill("#public-q", "环境治理")
    visitor.click("button:has-text('搜索')")
    visitor.click("a:has-text('乡乡环境治理经费')")
    visitor.wait_for_selector(".paper")
    assert visitor.locator("text=村人居环境整治个数").count() >= 1
    _shot(visitor, "public-table-1440")
    table_url = visitor.url

    # The year's page offers the open data; the CSV and the data package describe the same table.
    visitor.click("nav.crumbs a:has-text('年度')")
    with visitor.expect_download() as csv_download:
        visitor.click("a:has-text('绩效指标（CSV')")
    text = open(csv_download.value.path(), encoding="utf-8-sig").read()
    assert "村人居环境整治个数" in text and text.splitlines()[0].startswith("publication_id,")
    package = json.loads(visitor.request.get(f"{url}/public/DEMO-CZJ/{year}/datapackage.json").text())
    assert [r["path"] for r in package["resources"]] == ["projects.csv", "indicators.csv"]
    _shot(visitor, "public-year-1440")
    phone = _visitor(browser, 390)
    phone.goto(table_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    _shot(phone, "public-table-390")

    # The preparer adjusts the table; after approval the bureau publishes it as a new version.
    preparer.goto(sheet_url)
    adjust = preparer.locator("form.transition", has_text="调整")
    adjust.locator("textarea[name=reason]").fill("追加资金，整治村数增至20个")
    adjust.locator("button").click()
    preparer.wait_for_selector("text=调整中")
    _submit(preparer)
    reviewer.goto(sheet_url)
    _approve(reviewer)
    reviewer.goto(f"{url}/publication/?year={year}")
    row = _publication_row(reviewer, "乡乡环境治理经费")
    assert row.locator("text=有新的批复版本未公开").count() == 1
    row.locator("button:has-text('公开新版本')").click()
    reviewer.wait_for_selector("text=已公开第2版")
    visitor.goto(table_url)
    visitor.wait_for_selector("text=已被调整后的版本取代")
    visitor.click("a:has-text('第2版')")
    visitor.wait_for_selector("text=调整原因：追加资金，整治村数增至20个")

    # Withdrawn: gone from the pages and from search.
    reviewer.goto(f"{url}/publication/?year={year}")
    row = _publication_row(reviewer, "乡乡环境治理经费")
    row.locator("input[name=reason]").fill("数据核实中")
    row.locator("button:has-text('撤回')").click()
    reviewer.wait_for_selector("text=已撤回公开")
    assert visitor.goto(table_url).status == 404
    visitor.goto(f"{url}/public/search/?q=环境治理")
    assert visitor.locator("a:has-text('乡乡环境治理经费')").count() == 0
