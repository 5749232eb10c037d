"""End to end in Chromium: the reviewer uploads a unit's 自评表 (jixiao's .json interchange format) and reads its
audit — the side-by-side table, the totals, the findings — then finds it in the ranking by gap.

The 自评表 is the corpus sample (棠溪镇 委托业务项目 2022) filed under the demo township. Screenshots go to
output/screenshots/ (1366×768, full page).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.web.e2e.test_browser import _login, _shot

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).parents[2] / "fixtures" / "selfeval_tangxi_2022.json"


def test_reviewer_uploads_a_self_evaluation_and_reads_its_audit(server, browser, tmp_path):
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    township = {"code": "434016", "name": "遵化市西留村乡人民政府"}
    document["unit"] = document["sheets"][0]["unit"] = township
    upload = tmp_path / "西留村乡_委托业务项目_自评表.json"
    upload.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    reviewer = _login(browser, server, "reviewer")
    reviewer.click("nav a:has-text('自评复核')")
    reviewer.wait_for_selector("h1:has-text('自评复核')")
    upload_form = reviewer.locator("form[enctype='multipart/form-data']")
    upload_form.locator("input[name=year]").fill("2022")
    upload_form.locator("select[name=profile]").select_option("central")
    upload_form.locator("input[name=files]").set_input_files(str(upload))
    reviewer.click("button:has-text('上传并复核')")

    reviewer.wait_for_selector("#recomputation")
    assert reviewer.locator("h1").inner_text() == "委托业务项目"
    assert "2022年度 · 绩效自评表" in reviewer.locator(".bar .muted").inner_text()
    execution = reviewer.locator("#recomputation tbody tr").first
    assert execution.get_attribute("class") == "off"
    cells = [cell.strip() for cell in execution.locator("td").all_inner_texts()]
    assert cells[0] == "预算执行率" and cells[3:7] == ["10", "0", "10", "-10"]
    assert reviewer.locator("#claimed-total").inner_text() == "80.00"
    assert reviewer.locator("#expected-total").inner_text() == "90.00"
    findings = reviewer.locator("#findings").inner_text()
    assert "JXA04" in findings and "所印执行率 0%，全年执行数 89.974 ÷ 全年预算数 89.974 = 100.00%" in findings
    _shot(reviewer, "audit-document")

    reviewer.click("a:has-text('返回自评复核')")
    reviewer.wait_for_selector("#chart-gaps canvas")
    assert reviewer.locator("table.list").first.locator("tbody tr").count() == 1
    _shot(reviewer, "audit-overview")
