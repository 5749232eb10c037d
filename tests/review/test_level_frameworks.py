"""Level frameworks as data: a sheet written in 投入/管理/产出目标 or 决策/过程/产出/效益 is judged by its own levels."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_sheet
from jixiao.review.frameworks import available_frameworks, load_framework, recognise_framework
from tests.review.sheets import build_sheet, load_data, patched

BASE = load_data("rule_cases.toml")["base"]
# No title and no header labels: the framework can be told only from the level names (corpus 232).
PLAIN = {"code": None, "purpose": None, "plan": [], "title": None}


def _row(level1: str, level2: str, name: str, value: str) -> list[str]:
    return [level1, level2, name, "", value, ""]


# 2018 年以前的目标框架, written in full (corpus 037), short (232: 投入-时效目标) and numbered (一、投入目标).
PRE2018 = [_row("投入目标", "资金投入", "资金到位率", "=100%"), _row("管理目标", "", "项目管理制度健全性", "健全"),
           _row("产出目标", "数量目标", "开展科普活动场次", "≥20场"), _row("效果目标", "社会效益", "公众科学素质提升", "明显提升")]
PRE2018_SHORT = [_row("投入", "时效目标", "绩效目标完成率", "≥90%"), _row("投入", "成本目标", "预算执行率", "≥90%"),
                 _row("产出", "数量目标", "临时人员人数", "≥5人"), _row("效果", "满意度", "参与群众满意度", "≥90%")]
PRE2018_NUMBERED = [[f"一、{row[0]}", *row[1:]] for row in PRE2018]
# 财预〔2020〕10号's evaluation framework, as some self-evaluation forms use it for their rows.
EVALUATION = [_row("决策", "项目立项", "立项依据充分性", "充分"), _row("过程", "资金管理", "资金到位率", "=100%"),
              _row("产出", "产出数量", "实际完成率", "=100%"), _row("效益", "项目效益", "群众满意度", "≥90%")]


def _review(rows: list[list[str]], **patch):
    return review_sheet(build_sheet(patched(BASE, {**PLAIN, "rows": rows, **patch})), load_profile())


def test_every_framework_cites_its_source():
    for name in available_frameworks():
        framework = load_framework(name)
        assert framework.label and framework.source, name
        assert framework.confirmed or "not confirmed" in framework.source, name
        assert set(framework.required_level1) <= set(framework.level1), name
    assert "财预〔2020〕10号" in load_framework("evaluation-2020").source


@pytest.mark.parametrize(("rows", "expected"), [
    (PRE2018, "pre2018-targets"),
    (PRE2018_SHORT, "pre2018-targets"),
    (PRE2018_NUMBERED, "pre2018-targets"),
    (EVALUATION, "evaluation-2020"),
    (BASE["rows"], None),
    # 产出目标 beside the standard 效益/满意度指标: a standard sheet with one level written its own way
    ([_row("产出目标", "数量指标", "排查村数", "≥18个"), _row("效益指标", "社会效益指标", "投诉率", "≤5%"),
      _row("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")], None),
])
def test_framework_is_recognised_from_the_level_names(rows, expected):
    framework = recognise_framework(build_sheet(patched(BASE, {**PLAIN, "rows": rows})))
    assert (framework.name if framework else None) == expected


@pytest.mark.parametrize("rows", [PRE2018, PRE2018_SHORT, PRE2018_NUMBERED, EVALUATION])
def test_own_levels_are_not_non_standard_nor_missing_standard_levels(rows):
    review = _review(rows)
    level_rules = {"JX103", "JX104", "JX105", "JX501", "JX506"}
    assert not level_rules & {f.rule for f in review.findings}, [f.message for f in review.findings]


@pytest.mark.parametrize(("rows", "column", "indicator", "written"), [
    # a name that is neither the framework's nor the standard one, in each framework and column
    ([*PRE2018, _row("产出目标", "工作量目标", "宣传册印发份数", "≥1000份")], "二级指标", "宣传册印发份数", "工作量目标"),
    ([*PRE2018_SHORT, _row("宣传目标", "", "宣传册印发份数", "≥1000份")], "一级指标", "宣传册印发份数", "宣传目标"),
    ([*EVALUATION, _row("过程", "档案管理", "档案完整率", "=100%")], "二级指标", "档案完整率", "档案管理"),
])
def test_a_name_outside_the_sheets_framework_is_reported_where_it_stands(rows, column, indicator, written):
    found = [f for f in _review(rows).findings if f.rule == "JX506"]
    assert [(f.indicator, f.location.column) for f in found] == [(indicator, column)]
    assert f"“{written}”" in found[0].message and "框架审核" in found[0].message


def test_a_pre2018_sheet_without_output_targets_is_missing_its_own_level():
    rows = [row for row in PRE2018 if row[0] != "产出目标"]
    found = [f for f in _review(rows).findings if f.rule in {"JX103", "JX104"}]
    assert [(f.rule, f.location.column, f.severity.value) for f in found] == [("JX103", "一级指标", "error")]
    assert "产出目标" in found[0].message


@pytest.mark.parametrize(("patch", "rule", "says"), [
    # the current framework still gets its findings: a missing level, a missing 二级, a non-standard name
    ({"drop_rows": [7]}, "JX103", "满意度指标"),
    ({"drop_rows": [3]}, "JX104", "时效指标"),
    ({"set_rows": {"1": ["产出指标", "工作量指标", "矛盾纠纷排查行政村数", "", "≥18个", "计划标准"]}}, "JX506", "工作量指标"),
])
def test_a_current_framework_sheet_still_gets_its_level_findings(patch, rule, says):
    review = review_sheet(build_sheet(patched(BASE, patch)), load_profile())
    assert any(f.rule == rule and says in f.message for f in review.findings), [f.message for f in review.findings]
