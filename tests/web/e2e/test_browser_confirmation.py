"""In Chromium with JavaScript turned off (a policy that blocks scripts, or a click before they have loaded): 删除
asks on a page of the server, naming the sheet; 取消 leaves the sheet, 确认 deletes it, and 恢复 brings it back.
With JavaScript the page's dialog asks and the delete is one step. The screenshot goes to output/screenshots/."""

from __future__ import annotations

import re

import pytest

from tests.web.e2e.test_browser import _login, _shot

pytestmark = pytest.mark.browser

DRAFT = "乡乡环境治理经费"  # a draft of the demo (its other sheet is approved and published)


def _open_draft(page, url: str) -> str:
    page.goto(f"{url}/sheets/")
    page.click(f"table a:has-text('{DRAFT}')")
    page.wait_for_selector(".paper")
    return page.url


def _told_deleted(page) -> None:
    """The message after a delete names the table, its year and unit, where it went and that it is on its record."""
    told = page.locator(".msg.success").inner_text()
    assert re.fullmatch(rf"已删除\d{{4}}年度的“{DRAFT}[^”]*”（遵化市西留村乡人民政府）。这张表已移到本年度的“已删除的表”中，"
                        "可在那里查看或恢复；删除操作已记入这张表的修改记录", told), told
    assert page.locator("a:text-is('已删除的表')").count() == 1  # the place it names, on the page it lands on


def test_without_javascript_the_server_asks_before_a_delete(server, browser):
    page = _login(browser, server, "preparer", java_script_enabled=False)
    detail = _open_draft(page, server)
    page.click("button.danger:has-text('删除')")
    page.wait_for_selector("h1:has-text('请确认：删除目标表')")
    facts = page.inner_text(".confirm-page")
    assert DRAFT in facts and "遵化市西留村乡人民政府" in facts and re.search(r"\d{4}年度", facts)
    assert "删除这张表？删除后可在本年度“已删除的表”中恢复。" in facts
    assert page.locator("dialog").count() == 0  # the server's page, not forms.js's dialog
    _shot(page, "confirm-delete-without-javascript")

    page.click(".confirm-page a:has-text('取消')")
    page.wait_for_selector(".paper")
    assert page.url == detail and page.locator(".status.deleted").count() == 0
    assert page.locator("button.danger:has-text('删除')").count() == 1  # the sheet stays, deletable

    page.click("button.danger:has-text('删除')")
    page.click(".confirm-page button:has-text('确认')")
    _told_deleted(page)
    page.goto(detail)
    page.wait_for_selector(".status.deleted")
    page.click("button:has-text('恢复')")
    page.wait_for_selector("text=已恢复")
    assert page.locator(".status.deleted").count() == 0


def test_with_javascript_the_dialog_asks_and_the_delete_is_one_step(server, browser):
    page = _login(browser, server, "preparer")
    detail = _open_draft(page, server)
    page.wait_for_load_state("load")  # forms.js has run: its dialog asks
    page.click("button.danger:has-text('删除')")
    page.locator("dialog.confirm-dialog[open] button[value=ok]").click()
    _told_deleted(page)
    assert "/sheets/" in page.url and page.url != detail
    assert page.locator(".confirm-page").count() == 0
    page.goto(detail)
    page.click("button:has-text('恢复')")  # the undo stays
    page.wait_for_selector("text=已恢复")
