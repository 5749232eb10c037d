"""The performance pages' charts as Chromium draws them (performance.js over the vendored ECharts, fed chart data
as the pages' json_script blocks hold it): a percent axis ends at a round figure at or above the highest bar,
never at a figure no bar has, and a bar beyond 100% is marked as beyond it."""

from __future__ import annotations

import json

import pytest

from tests.web.e2e.test_browser import ROOT

pytestmark = pytest.mark.browser

STATIC = ROOT / "jixiao" / "web" / "static"
CHARTS = ("chart-indicators", "chart-units", "chart-grades")


def _drawn(browser, data: dict) -> dict:
    """Each chart drawn from ``data``: its value axis's extent and labels, and its first series' bars."""
    page = browser.new_page()
    boxes = "".join(f'<div id="{name}" style="width:720px;height:320px"></div>' for name in CHARTS)
    page.set_content(f'{boxes}<script type="application/json" id="chart-data">{json.dumps(data)}</script>')
    page.add_script_tag(path=str(STATIC / "vendor" / "echarts" / "echarts.min.js"))
    page.add_script_tag(path=str(STATIC / "jixiao" / "performance.js"))
    drawn = page.evaluate("""(names) => Object.fromEntries(names.flatMap((name) => {
        const chart = echarts.getInstanceByDom(document.getElementById(name));
        if (!chart) return [];
        const axis = chart.getModel().getComponent("xAxis", 0).axis;
        const bars = chart.getOption().series.find((s) => s.type === "bar");
        return [[name, { extent: axis.scale.getExtent(), labels: axis.getViewLabels().map((l) => l.formattedLabel),
                         bars: bars.data.map((d) => (d !== null && typeof d === "object"
                             ? { value: d.value, colour: d.itemStyle.color, label: d.label ? d.label.formatter : null }
                             : { value: d, colour: null, label: null })) }]];
    }))""", list(CHARTS))
    page.close()
    return drawn


def test_an_indicator_beyond_its_target_shows_on_the_axis_and_is_marked(browser):
    chart = _drawn(browser, {"indicators": {"names": ["整治村数", "群众满意度"], "progress": [50, 118]}})["chart-indicators"]
    assert chart["extent"] == [0, 120]  # was 0–140, its ticks 90% and 120% (no 100%)
    assert chart["labels"] == ["0%", "20%", "40%", "60%", "80%", "100%", "120%"]
    assert chart["bars"] == [{"value": 50, "colour": "#1a7f37", "label": None},
                             {"value": 118, "colour": "#b42318", "label": "{c}%（超额完成）"}]


def test_bars_within_100_percent_end_the_axis_at_100(browser):
    chart = _drawn(browser, {"indicators": {"names": ["整治村数", "群众满意度"], "progress": [50, 90]}})["chart-indicators"]
    assert chart["labels"] == ["0%", "20%", "40%", "60%", "80%", "100%"]  # was …100%, 118%: a figure no bar has
    assert [bar["colour"] for bar in chart["bars"]] == ["#1a7f37", "#1a7f37"]


def test_a_units_execution_over_budget_is_marked_and_scores_stay_out_of_100(browser):
    drawn = _drawn(browser, {"units": ["甲乡", "乙乡", "丙乡"], "rates": [118, 60, None], "planned": [60, 60, 60],
                             "grades": [], "scores": [92.5, 80, None]})
    units, grades = drawn["chart-units"], drawn["chart-grades"]
    assert units["labels"][-2:] == ["100%", "120%"]
    assert [(bar["value"], bar["label"]) for bar in units["bars"]] == [(118, "{c}%（超预算）"), (60, None), (None, None)]
    assert grades["labels"] == ["0", "20", "40", "60", "80", "100"]  # was …100, 118 for scores out of 100


def test_a_far_exceeded_target_keeps_a_readable_axis(browser):
    chart = _drawn(browser, {"indicators": {"names": ["培训人次"], "progress": [450]}})["chart-indicators"]
    assert chart["labels"] == ["0%", "100%", "200%", "300%", "400%", "500%"]
