"""The year walked as a preparer and a reviewer at a phone's, a tablet's and a desktop's width (390, 768, 1440 px).

What the users must see is asserted: the year warning on import, the confirmation before submitting errors and
before 批复, no preselected grade, the township listed as not done with how many sheets, red for overspending with
its own message, the warning when the stated 全年执行数 differs from what was recorded; and at every width the
page does not scroll sideways, the review panel does not cover the goal table, the menu folds on a phone and a
tablet, and the editor's rows stack on a phone. Screenshots go to output/screenshots/width-<px>-*.png.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.web.e2e.test_browser import (
    PASSWORD,
    ROOT,
    SHOTS,
    _approve,
    _confirm,
)

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 768: 1024, 1440: 900}
SAMPLE = ROOT / "tests" / "fixtures" / "sample.txt"
YEAR = date.today().year  # the year under way, so that monitoring applies


def _page(browser, url: str, username: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]}, locale="zh-CN",
                                  accept_downloads=True)
    page = context.new_page()
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(f"{url}/sheets/**")
    return page


def _shot(page, width: int, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"width-{width}-{name}.png"), full_page=True)


def _fits(page, what: str) -> None:
    """The page does not scroll sideways."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{what}: {overflow}px wider than the window"


def _sample(tmp_path, width: int, title_year: int | None = None):
    """The sample with project codes of its own (one upload per width), optionally titled with a year."""
    text = SAMPLE.read_text(encoding="utf-8").replace("JXN-4QXO", f"W{width}-A").replace("JXN-YUPI", f"W{width}-B")
    if title_year:
        text = text.replace("乡镇环境治理经费（西留村）绩效目标表", f"{title_year}年度乡镇环境治理经费（西留村）绩效目标表")
    path = tmp_path / f"sample-{width}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_year_at_each_width(server, browser, tmp_path, width):
    url = server
    preparer = _page(browser, url, "preparer", width)

    # The menu folds on a phone and a tablet and opens from its button.
    if width < 1000:
        assert not preparer.locator("#top-menu").is_visible() and preparer.locator(".menu-toggle").is_visible()
        preparer.click(".menu-toggle")
        assert preparer.locator("#top-menu a:has-text('导入')").is_visible()
        _shot(preparer, width, "01-menu-open")
    else:
        assert preparer.locator("#top-menu").is_visible()
    _fits(preparer, "list")

    # Import a file titled 2025年度 for this year: the preview warns and asks before storing anything.
    preparer.goto(f"{url}/sheets/import/")
    preparer.fill("input[name=year]", str(YEAR))
    preparer.set_input_files("input[name=files]", str(_sample(tmp_path, width, title_year=2025)))
    # Long work shows that it is under way: held back once, the form shows its note and its button is disabled.
    preparer.evaluate("""document.querySelector("form[data-busy]").addEventListener(
        "submit", (e) => e.preventDefault(), {once: true})""")
    preparer.click("button:has-text('读取并预览')")
    preparer.wait_for_selector("form[aria-busy=true] .busy-note:has-text('正在上传并读取文件')")
    assert preparer.locator("button:has-text('读取并预览')").is_disabled()
    preparer.evaluate("document.querySelector('form[data-busy]').submit()")
    warning = preparer.locator("#year-warning")
    warning.wait_for()
    assert f"写的是 2025 年度，所选年度为 {YEAR} 年" in warning.inner_text()
    _fits(preparer, "import preview")
    _shot(preparer, width, "02-import-year-warning")
    preparer.check("input[name=accept_year]")
    preparer.click("button:has-text('确认导入')")
    preparer.wait_for_selector("text=已导入 2 张绩效目标表")
    _fits(preparer, "list after import")
    _shot(preparer, width, "03-list")

    # The sheet: the review panel sits beside or below the table, never over it.
    preparer.goto(f"{url}/sheets/?year={YEAR}&q=W{width}-A")
    preparer.click("td a:has-text('环境治理')")
    preparer.wait_for_selector(".paper")
    paper, panel = preparer.locator(".paper").first.bounding_box(), preparer.locator(".review-box").bounding_box()
    beside = panel["x"] >= paper["x"] + paper["width"] - 1
    below = panel["y"] >= paper["y"] + paper["height"] - 1
    assert beside or below, "the review panel covers the goal table"
    _fits(preparer, "sheet")
    _shot(preparer, width, "04-sheet")
    sheet_url = preparer.url

    # The editor: rows stack on a phone; the 二级指标 list follows the chosen 一级指标.
    preparer.click("a.button:has-text('修改')")
    # The click returns once the editor starts loading; the grid's script runs after the button is on the page,
    # and a click before it would add no row (CI failed once on that race at 768 px).
    preparer.wait_for_load_state("load")
    preparer.click("#add-row")
    row = preparer.locator("tr.grid-row").last
    row.locator("select[name$='-level1']").select_option("满意度指标")
    offered = row.locator("select[name$='-level2'] option:not([hidden])").evaluate_all("os => os.map(o => o.value)")
    assert offered == ["", "服务对象满意度指标"]
    if width == 390:
        cells = row.locator("td[data-label]")
        first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1, "the editor's cells should stack on a phone"
    _fits(preparer, "editor")
    _shot(preparer, width, "05-editor")

    # Submitting a sheet with errors asks first.
    preparer.goto(sheet_url)
    preparer.click("button:has-text('提交审核')")
    dialog = preparer.locator("dialog.confirm-dialog[open]")
    dialog.wait_for()
    assert "项错误" in dialog.inner_text()
    _shot(preparer, width, "06-submit-confirm")
    _confirm(preparer)
    preparer.wait_for_selector(".status.submitted")

    # The reviewer's dashboard lists the township: one sheet submitted, one still a draft.
    reviewer = _page(browser, url, "reviewer", width)
    reviewer.goto(f"{url}/sheets/?year={YEAR}&status=draft")
    drafts = int(reviewer.locator(".pager").inner_text().split("共")[1].split("张")[0])
    reviewer.goto(f"{url}/sheets/dashboard/?year={YEAR}")
    listed = reviewer.locator("#not-submitted li", has_text="西留村乡")
    assert drafts >= 1 and listed.count() == 1 and f"草稿 {drafts} 张" in listed.inner_text()
    assert reviewer.locator("text=全部单位的绩效目标表都已提交").count() == 0
    _fits(reviewer, "dashboard")
    _shot(reviewer, width, "07-dashboard")

    # 批复: no grade is preselected, the suggestion is beside the box, and the dialog asks first.
    reviewer.goto(sheet_url)
    grade = reviewer.locator("form.transition", has_text="批复").locator("select[name=grade]")
    assert grade.input_value() == "" and reviewer.locator("text=系统建议：").count() == 1
    _shot(reviewer, width, "08-review")
    _approve(reviewer)

    # Overspending: budget 18, spent 3.5 + 2 + 50 → red with its own message; a negative amount is refused.
    preparer.goto(sheet_url)
    preparer.click("a.button:has-text('执行与运行监控')")
    preparer.wait_for_selector("#spending-form")
    for day, amount in ((f"{YEAR}-03-20", "3.5"), (f"{YEAR}-05-10", "2"), (f"{YEAR}-06-10", "50")):
        preparer.fill("#spending-form input[name=day]", day)
        preparer.fill("#spending-form input[name=amount]", amount)
        preparer.click("#spending-form button:has-text('记录支出')")
        preparer.wait_for_selector("text=已记录资金支出")
    assert preparer.locator("h1 .light.red").count() == 1
    over = preparer.locator(".alert.red", has_text="已支出超过预算")
    assert over.count() == 1 and "308.33%" in over.inner_text()
    assert preparer.locator("text=支出与目标进度正常").count() == 0
    preparer.fill("#spending-form input[name=day]", f"{YEAR}-06-11")
    preparer.fill("#spending-form input[name=amount]", "-5")
    preparer.click("#spending-form button:has-text('记录支出')")
    preparer.wait_for_selector("#spending-form .error:has-text('支出金额不能为负数')")
    preparer.wait_for_selector("#chart-spending canvas")
    # 18.4 of 18 is 102.22%: the chart leaves room for the label right of the bar.
    preparer.select_option("#progress-form select[name=indicator]", index=0)
    preparer.fill("#progress-form input[name=as_of]", f"{YEAR}-06-20")
    preparer.fill("#progress-form input[name=value]", "18.4个")
    preparer.click("#progress-form button:has-text('记录完成值')")
    preparer.wait_for_selector("text=已记录指标完成值")
    preparer.wait_for_selector("#chart-indicators canvas")
    axis_max = preparer.evaluate("echarts.getInstanceByDom(document.getElementById('chart-indicators'))"
                                 ".getModel().getComponent('xAxis').axis.scale.getExtent()[1]")
    assert axis_max >= 102.22 * 1.15
    _fits(preparer, "monitoring")
    _shot(preparer, width, "09-monitoring-over-budget")

    # The bureau overview shows the project red (the worst of its states).
    reviewer.goto(f"{url}/performance/?year={YEAR}")
    row = reviewer.locator("table.cards").last.locator("tr", has_text="环境治理").first
    assert row.locator(".light.red").count() == 1
    _fits(reviewer, "overview")
    _shot(reviewer, width, "10-overview")

    # The 自评 page: nothing in red before anything is typed; a stated 全年执行数 unlike the record is warned.
    preparer.click("nav.tabs a:has-text('年终绩效自评')")
    assert preparer.locator("text=没有自评结果").count() == 0
    preparer.fill("input[name=spent]", "17.2")
    preparer.click("button:has-text('保存并计算得分')")
    preparer.wait_for_selector("#spending-mismatch")
    assert "55.5" in preparer.locator("#spending-mismatch").inner_text()
    _fits(preparer, "evaluation")
    _shot(preparer, width, "11-evaluation")
    preparer.context.close()
    reviewer.context.close()
