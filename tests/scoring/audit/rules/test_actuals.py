"""JXA17 on actuals that are only their bound (real rows: corpus 036 and 246), and JXA21 beside outputs that are rates
met to the letter (corpus 208). Each case checks the finding's place, the figures it names and its severity."""

from __future__ import annotations

import pytest

from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.conftest import texts
from tests.scoring.audit_sheets import printed
from tests.scoring.said import shortfall

CENTRAL = load_profile("central")

# 036 (遂宁 药品监管 区域绩效自评表 2021, no 分值 or 得分): three reports per million exactly on their bound, a per-head
# figure above its bound, and rates met.
SUINING = [("产出指标", "数量指标", "药品监管人员人均培训学时", "≥90", "96", None, None),
           ("产出指标", "质量指标", "药品抽检完成率", "100%", "100%", None, None),
           ("产出指标", "质量指标", "药品不良反应每百万人口报告数", "≥150", "150", None, None),
           ("产出指标", "质量指标", "化妆品不良反应每百万人口报告数", "≥10", "10", None, None),
           ("产出指标", "质量指标", "医疗器械不良应每百万人口报告数", "≥30", "30", None, None)]

# 246 (临翔区 野生动物收容所 2023): counts above and on their bounds, a per-head income and the years of impact on theirs.
LINXIANG = [("产出指标", "数量指标", "野生动物收容所", "≥200平方米", "204.46平方米", 10, 10, "无"),
            ("产出指标", "质量指标", "项目竣工验收率", "100%", "100%", 15, 15, "无"),
            ("效益指标", "经济效益指标", "务工人员年人均增收", "≥8400元", "8400元", 10, 10, "无"),
            ("效益指标", "社会效益指标", "提供务工岗位", "≥5个", "5个", 10, 10, "无"),
            ("效益指标", "可持续影响指标", "项目建成后可持续影响年限", "≥15年", "15年", 10, 10, "无")]


def _restated(sheet):
    return [(f.indicator, f.location.row, f.location.column, f.severity.value) for f in audit_sheet(sheet, CENTRAL)
            if f.rule == "JXA17"]


def test_reports_per_million_exactly_on_their_bounds_are_noted():
    found = _restated(printed(SUINING))
    # 人均培训学时 96 is above its ≥90; 100% for 100% is a rate met
    assert found == [("药品不良反应每百万人口报告数", 13, "实际完成值", "info"),
                     ("化妆品不良反应每百万人口报告数", 14, "实际完成值", "info"),
                     ("医疗器械不良应每百万人口报告数", 15, "实际完成值", "info")]
    first = next(f for f in audit_sheet(printed(SUINING), CENTRAL) if f.rule == "JXA17")
    assert "“150”正好等于年度指标值的界限“≥150”" in first.message


def test_a_per_head_income_on_its_bound_is_noted_and_the_years_of_impact_are_warned():
    sheet = printed(LINXIANG, budget="32.4", spent="31.69", rate="97.80", execution_weight=10, execution_score=9)
    # 提供务工岗位 5个 for ≥5个 is a count met to the letter: not reported
    assert _restated(sheet) == [("务工人员年人均增收", 13, "实际完成值", "info"),
                                ("项目建成后可持续影响年限", 15, "实际完成值", "warning")]
    years = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA17"][1]
    assert years.message == ("指标“项目建成后可持续影响年限”的实际完成值“15年”只是年度指标值“≥15年”的年数：项目持续的年限是承诺，"
                             "评价当年无法实测，看不出实际做到了什么")


def test_a_figure_above_or_off_its_bound_is_not_restating_it():
    rows = [("效益指标", "经济效益指标", "务工人员年人均增收", "≥8400元", "8450元", 10, 10),
            ("效益指标", "经济效益指标", "户均增收", "≥2000元", "2000", 10, 10),  # the unit left off the actual: the bound's
            ("效益指标", "经济效益指标", "平均结算时间", "≤3天", "3小时", 10, 10),  # another unit: not the bound again
            ("效益指标", "可持续影响指标", "项目可持续影响年限", "≥10年", "长期", 10, 10),
            ("产出指标", "数量指标", "国家助学金人均资助", "≥3300元", "3300元", 10, 10)]  # paid as set
    assert [name for name, *_ in _restated(printed(rows))] == ["户均增收"]


# 208 (普陀体育中心 与委托运营方结算费用 2022), as its golden reads it: 215457.6 of 250000 spent, both outputs settlement
# rates met to the letter, the 偏差原因 column blank.
PUTUO = [("产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", 10, 10),
         ("产出指标", "质量指标", "合同结算条款完成率", "=100%", "100%", 20, 20),
         ("产出指标", "时效指标", "费用结算及时性", "及时", "及时", 20, 20),
         ("效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", 30, 30),
         ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", 10, 10)]


def test_outputs_that_are_rates_met_ask_for_the_reason_of_the_money_left_not_doubt_the_actuals():
    sheet = printed(PUTUO, initial=250000, budget=250000, spent="215457.6", rate="86.19", execution_weight=10,
                    execution_score="8.62", total="98.62")
    found = audit_sheet(sheet, CENTRAL)
    assert [f.rule for f in found] == ["JXA10"]
    (reason,) = found
    assert (reason.indicator, reason.location.column, reason.severity.value) == (
        "预算执行率", "偏差原因分析及改进措施", "warning")
    assert shortfall(reason) == "执行率 86.18%，得分 8.62，低于分值 10"


def test_a_count_met_beside_the_rates_still_doubts_the_actuals():
    rows = [("产出指标", "数量指标", "结算场馆数", "≥3个", "3个", 10, 10), *PUTUO[1:]]
    sheet = printed(rows, initial=250000, budget=250000, spent="215457.6", rate="86.19", execution_weight=10,
                    execution_score="8.62", total="98.62")
    assert [f.rule for f in audit_sheet(sheet, CENTRAL)] == ["JXA21"]


# 231 (鄂州市科协 科学普及经费 2022): 社会效益指标 | 公民科学文化素质 | 提升10% | 提升10% | 6; own variants.
@pytest.mark.parametrize(("target", "actual", "severity"), [
    ("提升10%", "提升10%", "info"),
    ("降低5%", "降低 5%", "info"),
    ("提升10%", "提升12%", None),  # a change measured, other than the promised one
    ("≥95%", "95%", None),  # a rate met on its bound: a common result
])
def test_a_promised_change_written_again_is_noted(target, actual, severity):
    rows = [("效益指标", "社会效益指标", "公民科学文化素质", target, actual, None, 6)]
    found = [(f.indicator, f.location.column, f.severity.value) for f in audit_sheet(printed(rows), CENTRAL)
             if f.rule == "JXA17"]
    assert found == ([("公民科学文化素质", "实际完成值", severity)] if severity else [])


# 259 (保山市 春节走访慰问 2022): 数量指标 | 慰问伤残军人50人;革命烈士遗属50人;… | 100% | 100% | 20; 206 (历城区文化馆):
# 数量指标 | 全年免费开放 | 100% | 100%; own variants.
@pytest.mark.parametrize(("level2", "name", "actual", "reported"), [
    ("数量指标", "慰问伤残军人50人;革命烈士遗属50人;烈士家庭6户", "100%", True),
    ("数量指标", "全年免费开放", "95%", True),
    ("数量指标", "慰问伤残军人", "50人", False),  # a count
    ("数量指标", "贫困户覆盖率", "100%", False),  # a rate, named so
    ("数量指标", "服务对象满意度", "98%", False),
    ("质量指标", "全年免费开放", "100%", False),  # a quality indicator may be a share of what was done
])
def test_a_count_answered_with_a_percentage_is_no_count(level2, name, actual, reported):
    rows = [("产出指标", level2, name, "100%", actual, None, 20)]
    found = [(f.indicator, f.location.column) for f in audit_sheet(printed(rows), CENTRAL) if f.rule == "JXA17"]
    assert found == ([(name, "实际完成值")] if reported else [])


# JXA38: a self-evaluation giving results without targets. Corpus 232 (科普宣传经费 2018 自评报告: 绩效目标完成率 69.23%,
# 预算执行率 7.14%, no target written) and 221 (优抚对象生活补助 2023: three rows of seven without a target).
PUJI = [("投入", "时效目标", "绩效目标完成率", "", "69.23%", None, None),
        ("投入", "成本目标", "预算执行率", "", "7.14%", None, None)]
YOUFU = [("产出指标", "质量指标", "经费发放率", "", "98%", None, None),
         ("产出指标", "质量指标", "覆盖率", "", "100%", None, None),
         ("产出指标", "时效指标", "优抚对象生活补助金每月中旬发放", "100%", "100%", None, None)]


@pytest.mark.parametrize(("rows", "found"), [
    (PUJI, ("2", "绩效目标完成率", "69.23%")),  # corpus 232
    (YOUFU, None),  # corpus 221: a row with its target
    (PUJI[:1], None),  # one row may be one whose target the reader lost
    ([(*row[:4], "", None, None) for row in PUJI], None),  # nothing filled in at all: JXA12's
    ([*PUJI, ("产出指标", "数量指标", "科普活动场次", "", "不适用", None, None)], ("2", "绩效目标完成率", "69.23%")),
])
def test_results_without_any_target_are_reported_once(rows, found):
    _reported_once(printed(rows), found)


@pytest.mark.parametrize(("fields", "found"), [
    (["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"], ("2", "绩效目标完成率", "69.23%")),  # corpus 232's
    (["得分", "备注", "一级指标", "二级指标", "三级指标"], None),  # an evaluation framework's score sheet (corpus 228)
])
def test_results_without_targets_under_headings_without_a_target_column_are_not_reported(fields, found):
    _reported_once(printed(PUJI).model_copy(update={"form_fields": fields}), found)


def _reported_once(sheet, found):
    # a row marked 不适用 is not scored (the reader sets the mark): it says nothing of the targets
    items = [item.model_copy(update={"not_applicable": item.actual_raw == "不适用"}) for item in sheet.evaluation.items]
    sheet = sheet.model_copy(update={"evaluation": sheet.evaluation.model_copy(update={"items": items})})
    findings = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA38"]
    if found is None:
        assert findings == []
        return
    finding, = findings
    assert (finding.indicator, finding.location.row, finding.location.column) == (None, None, "指标值")
    assert (finding.params["count"], finding.params["example"], finding.params["actual"]) == found
    assert finding.severity.value == "warning"


# JXA40: a cost row whose actual is the budget, while the money table says less was spent (corpus 288's family).
# Made-up rows of a street-lighting project, the money in 万元 or in 元.
@pytest.mark.parametrize(("actual", "budget", "spent", "found"), [
    ("80万元", 80, "71.6", [(12, "80万元", "80", "71.6")]),
    ("800000元", 80, "71.6", [(12, "800000元", "80", "71.6")]),
    ("80万元", 800000, 716000, [(12, "80万元", "800000", "716000")]),  # the money table in 元
    ("80万元", 80, 80, []),  # all of it spent: the actual is what was spent
    ("71.6万元", 80, "71.6", []),
    ("≤80万元", 80, "71.6", []),  # a bound written again is JXA17's
])
def test_a_cost_rows_actual_copying_the_budget_is_reported(actual, budget, spent, found):
    sheet = printed([("产出指标", "数量指标", "维修路灯", "≥50盏", "52盏", 20, 20),
                     ("产出指标", "成本指标", "路灯维护成本", "≤80万元", actual, 20, 20)], budget=budget, spent=spent)
    assert [(f.location.row, texts(f)["actual"], texts(f)["budget"], texts(f)["spent"])
            for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA40"] == found


def test_a_non_cost_rows_amount_equal_to_the_budget_is_not_the_rules():
    sheet = printed([("产出指标", "数量指标", "发放补助资金", "80万元", "80万元", 20, 20)], budget=80, spent="71.6")
    assert [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA40"] == []
