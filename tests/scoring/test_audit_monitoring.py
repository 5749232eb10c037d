"""The audit of printed 运行监控表: real published monitoring tables transcribed from ../shared/corpus/ (and the
reading of their period), each case checking which rule fired, where and with what figures."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.scoring.audit_sheets import monitored

CENTRAL = load_profile("central")
# shared/corpus/016 (黄石市 申遗经费 2019, Hubei 项目支出绩效监控表): the money table's headings and figures
HUANGSHI_HEADINGS = ("年初预算数", "1-6月执行数", "全年预计执行数")


@pytest.mark.parametrize(("headings", "projected", "expected"), [
    # 016: the 全年预计执行数 column printed and left blank
    (HUANGSHI_HEADINGS, None, ("全年预计执行数", "6", "87.57")),
    (("年初预算数", "1-6月执行数", "全年预计支出数"), None, ("全年预计支出数", "6", "87.57")),
    # filled in: nothing to report
    (HUANGSHI_HEADINGS, "220", None),
    # a form without the column: not the unit's omission
    (("年初预算数", "1-6月执行数"), None, None),
])
def test_a_forecast_column_left_blank(headings, projected, expected):
    sheet = monitored(budget="220", spent="87.57", months=6, projected=projected, headings=headings)
    found = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXM05"]
    if expected is None:
        assert found == []
        return
    (finding,) = found
    assert (finding.indicator, finding.location.column) == (None, expected[0])
    assert (finding.params["heading"], finding.params["months"], finding.params["spent"]) == expected


def test_the_huangshi_table_is_audited_over_the_period_its_spending_heading_names():
    # 016 as published (its title names no period; the 1-6月执行数 heading does): 87.57 of 220 spent by the end of
    # June, 39.8% against 50% of the year, and the forecast left blank
    text = "\n".join([
        "黄石市项目支出绩效监控表 (申遗) |", "(2019年度) |", "项目单位(盖章): 单位:万元 |",
        "项目名称 | 申遗经费 |",
        "项目资金 (万元) | 年初预算数 | 1-6月执行数 | 全年预计执行数 |",
        "年度资金总额: | 220 | 87.57 |",
        "其中:当年一般公共预算拨款 | 220 | 87.57 |",
        "一级指标 | 二级指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 |",
        "产出指标 | 成本指标 | 成本 | 年度预算220万元 | 按进度执行,已使用约40% | 确定能 |",
    ])
    (sheet,) = read_text(text.encode(), "016.txt")[0].sheets
    found = {f.rule: f for f in audit_sheet(sheet, CENTRAL)}
    assert sorted(found) == ["JXM01", "JXM05"]
    behind = found["JXM01"].params
    assert (behind["months"], behind["rate"], behind["planned"]) == ("6", "39.80", "50.00")
    assert found["JXM05"].location.column == "全年预计执行数"
