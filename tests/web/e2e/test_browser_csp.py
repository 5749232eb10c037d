"""In Chromium, the pages work under the Content Security Policy: no violation is reported while the charts
draw and show their tooltips, htmx checks the editor, and a confirmation asks before a delete."""

from __future__ import annotations

import pytest

from tests.web.e2e.test_browser import _login

pytestmark = pytest.mark.browser

# Runs before any page script (through the DevTools protocol, so the policy does not apply to it).
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def _watched(browser, url: str, username: str):
    page = _login(browser, url, username)
    page.add_init_script(WATCH)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page, messages


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def test_charts_draw_and_show_tooltips_without_violating_the_policy(server, browser):
    page, messages = _watched(browser, server, "reviewer")
    for path in ("/sheets/", "/sheets/dashboard/", "/performance/", "/account/", "/audit/"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
        if path == "/sheets/dashboard/":
            chart = page.locator("#chart-units canvas")
            chart.wait_for()
            box = chart.bounding_box()
            assert box and box["width"] > 100  # ECharts drew
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(300)
        assert _violations(page) == [], path
    assert messages == []


def test_the_editor_and_the_delete_confirmation_work_under_the_policy(server, browser):
    page, messages = _watched(browser, server, "preparer")
    page.goto(f"{server}/sheets/")
    page.click("table a:has-text('乡乡环境治理经费')")  # a draft: the demo's other sheet is approved and published
    page.wait_for_selector(".paper")
    page.wait_for_load_state("load")  # the dialog is forms.js's: clicked before it runs, the server asks instead
    detail = page.url
    page.click("button.danger:has-text('删除')")
    question = page.wait_for_selector("dialog.confirm-dialog[open]")
    assert "删除这张表" in question.inner_text()
    page.click("dialog.confirm-dialog button:has-text('取消')")
    page.wait_for_timeout(300)
    assert page.url == detail  # asked (in the page's own dialog, from forms.js), and nothing happened
    page.goto(f"{detail}edit/")
    with page.expect_response(lambda r: "/check/" in r.url):
        page.locator("#editor input[type=text]").first.fill("矩阵测试项目")
        page.locator("#editor input[type=text]").first.dispatch_event("change")
    assert _violations(page) == [] and messages == []
