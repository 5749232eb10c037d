"""Fixes never change what a cell said, and severity follows what a reviewer would return a sheet for."""

from __future__ import annotations

import pytest

from jixiao.model import Severity, parse_target
from jixiao.review import load_profile, review_sheet
from jixiao.review.rule import keeps_meaning
from tests.review.sheets import build_sheet, load_data, patched

BASE = load_data("rule_cases.toml")["base"]

def _review(patch: dict, form: str | None = None):
    return review_sheet(build_sheet(patched(BASE, patch)), load_profile().adjusted(form=form))


def _row(level2: str, name: str, target: str, level1: str = "产出指标") -> list[str]:
    return [level1, level2, name, "", target, "计划标准：实施方案"]


@pytest.mark.parametrize(
    ("before", "after", "may_change", "kept"),
    [
        ("≤2875元/个", "≤2875元", frozenset(), False),  # the per-unit is part of the target
        ("=23万元/个", "=23万元", frozenset(), False),
        ("400元/人、天", "≤400元/人·天", frozenset(), True),  # corpus 036: an operator added, the unit kept
        ("≥5000公斤", "≥5000", frozenset(), False),
        ("2025年12月", "≥2025年", frozenset(), False),  # a deadline is not a number of years
        ("12月底前", "≥12月", frozenset(), False),
        ("≤28.40/株", "≤28.40", frozenset(), False),  # corpus 019: /株 kept as written
        ("≤28.40/株", "≤28.40/株", frozenset(), True),
        ("≥100垃圾桶正常使用率100%", "≥100%", frozenset(), True),  # prose moved to the description
        ("≥24400%百分比", "≥24400人", frozenset({"unit"}), True),  # a unit rule changes the unit on purpose
    ],
)
def test_keeps_meaning(before, after, may_change, kept):
    assert keeps_meaning(parse_target(before), after, may_change) is kept


@pytest.mark.parametrize(
    ("row", "lost"),
    [
        (_row("成本指标", "单个设施建设成本", "≤2875元/个"), "≤2875元"),
        (_row("成本指标", "单村补助标准", "=23万元/个"), "=23万元"),
        (_row("数量指标", "有机肥施用量", "≥5000公斤"), "≥5000"),
        (_row("时效指标", "项目完成时间", "2025年12月"), "≥2025年"),
        (_row("时效指标", "资金拨付时间", "每年12月底前"), "≥12月"),
        (_row("成本指标", "黄金蜜(葡萄)补助成本", "≤28.40/株"), "≤28.40"),  # corpus 019
    ],
)
def test_no_fix_loses_what_the_cell_said(row, lost):
    review = _review({"add_rows": [row]})
    afters = [edit.after for f in review.findings if f.fix for edit in f.fix.edits if edit.field == "target"]
    assert lost not in afters, afters


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("绩效目标申报表(基础设施建设类)", "2022年镇域内基础设施建设"),
        ("部门预算项目绩效目标申报表(2023年度)", "村组干部报酬"),  # corpus 003
        ("2025年项目支出绩效目标表", "基本公共卫生服务和应急处理及卫生监督执法专项"),  # corpus 025
        ("部门预算项目支出绩效自评表(2023年度)", "工资性支出"),  # corpus 008: a self-evaluation form's title
        ("2023年一般性项目绩效目标表(一级项目)", "在职村村干部补助"),  # corpus 121: a category of projects
        # A heading that names the fund, the table one of its projects (corpus 122, 105).
        ("抗疫特别国债项目绩效目标表(打捆项目)", "疫情期间区域病媒防治环境卫生清洁等费用"),
        ("乡村振兴衔接资金绩效目标申报表(高标准农田建设)", "岳阳县2022年高标准农田建设项目"),
        # The name holds the heading's project with more around it (corpus 109: a person and phone after it).
        ("市级专项扶贫资金基础设施(人大代表扶贫基地)绩效目标表", "2018年市级专项扶贫资金基础设施(人大代表扶贫基地) 项目负责人"),
    ],
)
def test_a_form_or_fund_title_is_never_compared_with_the_project_name(title, name):
    review = _review({"title": title, "name": name})
    assert "JX604" not in [f.rule for f in review.findings]


@pytest.mark.parametrize(
    ("title", "name", "renamed"),
    [
        ("乡镇维稳经费（西留村）绩效目标表", "乡乡维稳经费（西留村）", "乡镇维稳经费（西留村）"),  # the sample
        ("乡镇维稳经费绩效目标表", "乡乡镇维稳经费", "乡镇维稳经费"),  # one character doubled: still a typo
        ("农村饮水安全补助资金绩效目标表", "农村饮水安全补补助资金", "农村饮水安全补助资金"),  # also under a fund heading
    ],
)
def test_a_doubled_character_between_heading_and_name_is_reported(title, name, renamed):
    review = _review({"title": title, "name": name})
    renames = [e.after for f in review.findings if f.rule == "JX604" and f.fix for e in f.fix.edits if e.field == "name"]
    assert renames == [renamed]


def test_digits_are_not_a_doubled_character_typo():
    review = _review({"title": "2022年乡镇道路维护经费绩效目标表", "name": "2022年道路养护2022"})
    renames = [e for f in review.findings if f.rule == "JX604" and f.fix for e in f.fix.edits if e.field == "name"]
    assert renames == []


def test_template_residue_in_a_name_is_a_warning_with_a_safe_fix():
    review = _review({"add_rows": [_row("数量指标", "金蜜(葡萄)种植数量(≥**株)", "≥17600株")]})  # corpus 019
    [finding] = [f for f in review.findings if f.rule == "JX108"]
    assert finding.severity is Severity.WARNING and finding.location.column == "三级指标"
    assert finding.fix.applicability.value == "safe" and finding.fix.edits[0].after == "金蜜(葡萄)种植数量"


def test_template_residue_beside_a_value_is_a_warning_and_without_a_value_an_error():
    beside = _review({"add_rows": [_row("数量指标", "种植数量", "(≥**株)>=17600株")]})  # corpus 019
    [warning] = [f for f in beside.findings if f.rule == "JX108"]
    assert warning.severity is Severity.WARNING and warning.fix.edits[0].after == "≥17600株"
    empty = _review({"add_rows": [_row("数量指标", "种植数量", "≥**株")]})
    assert [f.severity for f in empty.findings if f.rule == "JX108"] == [Severity.ERROR]


def test_weights_of_90_with_budget_execution_outside_are_not_an_error_the_blank_cell_is():
    rows = [row + [weight] for row, weight in zip(BASE["rows"], ["20", "20", "10", "10", "", "10", "10"])]
    review = _review({"rows": rows}, form="sichuan")
    rules = {f.rule: f for f in review.findings}
    assert "JX609" not in rules  # the given weights do not all add up yet: the blank cell is what is wrong
    assert rules["JX610"].severity is Severity.WARNING and rules["JX610"].indicator == "受援群众投诉率"
    ninety = [row + [w] for row, w in zip(BASE["rows"], ["20", "20", "10", "10", "10", "10", "10"])]
    assert [f.rule for f in _review({"rows": ninety}, form="sichuan").findings if f.rule in ("JX609", "JX610")] == []
    # The sample's Hebei form gives 预算执行率 no weight of its own: there the indicators must add up to 100.
    assert [f.rule for f in _review({"rows": ninety}).findings if f.rule in ("JX609", "JX610")] == ["JX609"]


def _blank_targets(rows: list[int]) -> list[list[str]]:
    """The base rows with the 指标值 of ``rows`` (1-based) left empty."""
    return [row[:4] + [""] + row[5:] if n in rows else list(row) for n, row in enumerate(BASE["rows"], start=1)]


@pytest.mark.parametrize(
    ("blank", "severity"),
    [
        ([2], Severity.WARNING),  # one row to complete by agreement
        ([1, 2, 5], Severity.WARNING),  # a few rows here and there, each category keeping most of its targets
        ([1, 2, 3, 5], Severity.ERROR),  # most targets missing: the sheet cannot be reviewed (corpus 129)
        # both 效益 rows blank (corpus 215: 经济、生态效益 written as slogans): what the money achieves cannot be assessed
        ([5, 6], Severity.ERROR),
    ],
)
def test_empty_targets_are_an_error_only_when_most_of_the_sheet_or_of_a_category_is_blank(blank, severity):
    review = _review({"rows": _blank_targets(blank)})
    found = [f for f in review.findings if f.rule == "JX107"]
    assert [(f.indicator, f.location.column, f.severity) for f in found] == [
        (BASE["rows"][n - 1][2], "指标值", severity) for n in blank]


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("流转土地 >=60亩", {}),  # corpus 109: the value was written in the name cell
        ("化妆品抽验批次 ≥3 7", {}),  # corpus 036: target and actual beside the name
        ("贫困地区旅游基础设施建设质量达标率100%", {}),
        ("免疫规划知识培训次数2次以上", {}),  # corpus 028
        ("全年检测次数", {"指标值及单位": "1000人次以上"}),  # corpus 028: a value column the form names its own way
        ("开展小型水利工程建设(个)", {"西坪镇尧山村": "1", "桃舟乡吾培村": "1"}),  # corpus 022: one column per village
    ],
)
def test_a_value_standing_elsewhere_in_the_row_is_not_an_empty_cell(name, extra):
    from jixiao.model import Indicator

    sheet = build_sheet(BASE)
    row = Indicator.from_cells(level1="产出指标", level2="数量指标", name=name, target="").model_copy(
        update={"extra": extra})
    sheet = sheet.model_copy(update={"indicators": [*sheet.indicators, row]})
    assert "JX107" not in [f.rule for f in review_sheet(sheet, load_profile()).findings]


def test_a_vague_phrase_is_reported_as_vague_not_as_unreadable():
    # corpus 006: 效果明显 is a phrase every reviewer knows, only it promises nothing checkable
    review = _review({"add_rows": [_row("社会效益指标", "对维护市场公平的影响程度", "效果明显", level1="效益指标")]})
    rules = [f.rule for f in review.findings if f.indicator == "对维护市场公平的影响程度"]
    assert "JX206" in rules and "JX207" not in rules
