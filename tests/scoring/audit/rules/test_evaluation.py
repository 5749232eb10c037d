"""Self-evaluation rules on real rows: a heading's numbering kept only as written (JXA27, corpus 229), two budget
figures under three headings (JXA19, corpus 246), and a range answered by who fell outside it (JXA10, corpus 219).
Each case checks the finding's place and figures."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from jixiao.model import Diagnostic, Location, Severity
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet, recompute
from tests.conftest import texts
from tests.scoring.audit_sheets import LONGYANG, printed
from tests.scoring.said import said
from tests.scoring.said import shortfall as said_shortfall

CENTRAL = load_profile("central")


def _as_read(sheet):
    """The sheet as the reader gives it (229, 隆阳区 化肥减量增效示范县 2022): each heading's numbering taken out of the
    name (示范区建立), the cell as written kept in ``name_raw`` (一、示范区建立)."""
    indicators = []
    for indicator in sheet.indicators:
        name = re.sub(r"^[一二三四五六七八九十]+、", "", indicator.name)
        indicators.append(indicator if name == indicator.name else indicator.model_copy(
            update={"name": name, "name_raw": indicator.name}))
    return sheet.model_copy(update={"indicators": indicators})


def test_parts_scored_twice_are_found_by_the_numbering_as_written():
    sheet = _as_read(printed(LONGYANG, budget="278.4449", spent=30, rate="10.77", execution_weight=20,
                             execution_score="2.16", cut=True))
    found = [(f.indicator, f.location.row, f.severity.value, texts(f)["score"], texts(f)["count"],
              said(f, "分项（", "）得分之和"))
             for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA27"]
    assert found == [("示范区建立", 11, "error", "15", "3",
                      "水稻侧深施肥+缓控释肥 5、玉米种肥同播+缓控释肥 5、施用配方肥 5"),
                     ("化肥减量增效田间试验", 15, "error", "15", "4",
                      "肥料利用率 5、化肥减量增效 5、其他试验(水稻) 3、其他试验(玉米) 2")]


def _adjusted(sheet):
    return [(f.location.column, texts(f)["initial"], texts(f)["full"], texts(f)["change"], texts(f)["amount"])
            for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA19"]


ROW = [("产出指标", "数量指标", "野生动物收容所", "≥200平方米", "204.46平方米", 10, 10, "无")]


def test_two_figures_whose_ratio_is_the_printed_rate_are_budget_and_spending():
    # 246: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over 32.4 | 31.69 | 10 | 97.80% | 9
    sheet = printed(ROW, initial="32.4", budget="31.69", rate="97.80", execution_weight=10, execution_score=9)
    assert _adjusted(sheet) == []


def test_a_budget_adjusted_is_still_reported_when_the_rate_is_the_spendings():
    # the same cut with a spending of 30 printed: 30 ÷ 31.69 = 94.67%, the budget was cut by 0.71 without a reason
    sheet = printed(ROW, initial="32.4", budget="31.69", spent=30, rate="94.67", execution_weight=10,
                    execution_score="9.47")
    assert _adjusted(sheet) == [("全年预算数", "32.4", "31.69", "调减", "0.71")]
    # and without a spending, a rate that is not the two figures' ratio (31.69 ÷ 32.4 = 97.81%)
    sheet = printed(ROW, initial="32.4", budget="31.69", rate="90.00", execution_weight=10, execution_score=9)
    assert _adjusted(sheet) == [("全年预算数", "32.4", "31.69", "调减", "0.71")]


# 219 (吕梁山护工培训 2021): an age range answered by the ages outside it, no 偏差原因.
LVLIANG = [("产出指标", "数量指标", "完成2021年吕梁山护工培训就业质量考核及验收", "11所", "11所", None, None),
           ("产出指标", "质量指标", "培训对象符合吕梁山护工培训招生计划规定", "18—54周岁", "存在18岁以下、54周岁以上", None,
            None),
           ("产出指标", "质量指标", "培训机构考核验收达标", "100%", "100%", None, None)]


def test_a_range_answered_by_who_fell_outside_it_asks_for_a_reason():
    found = [(f.indicator, f.location.row, f.location.column, said_shortfall(f))
             for f in audit_sheet(printed(LVLIANG), CENTRAL) if f.rule == "JXA10"]
    assert found == [("培训对象符合吕梁山护工培训招生计划规定", 12, "偏差原因分析及改进措施",
                      "实际完成值写明“存在18岁以下、54周岁以上”，未达到年度指标值“18—54周岁”")]


def test_a_range_answered_within_it_asks_for_nothing():
    rows = [(*LVLIANG[1][:4], "全部在18—54周岁之间", None, None)]
    assert [f for f in audit_sheet(printed(rows), CENTRAL) if f.rule == "JXA10"] == []


# 237 (宣城市地震局 防震减灾 2021): 指标1:接受业务培训人数 200 200余人 10 10 / 指标2:科普馆参观人数 500 600余人 10 10
XUANCHENG = [("产出指标", "数量指标", "接受业务培训人数", "200", "200余人", 10, 10),
             ("产出指标", "数量指标", "科普馆参观人数", "500", "600余人", 10, 10),
             ("产出指标", "质量指标", "台网运行率", "≥95%", "99.12%", 10, 10)]


def test_an_approximate_actual_is_noted_as_no_count():
    sheet = printed(XUANCHENG, budget=55, spent=55, rate=100, execution_weight=10, execution_score=10)
    found = [(f.indicator, f.location.row, f.location.column, f.severity.value, f.message)
             for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA09"]
    assert found == [
        ("接受业务培训人数", 11, "实际完成值", "info",
         "指标“接受业务培训人数”的目标是 200，实际完成值写作“200余人”，是约数而不是统计数，无法核对得分 10"),
        ("科普馆参观人数", 12, "实际完成值", "info",
         "指标“科普馆参观人数”的目标是 500，实际完成值写作“600余人”，是约数而不是统计数，无法核对得分 10")]


def test_words_for_a_figure_are_still_a_warning_and_a_plain_count_nothing():
    rows = [("产出指标", "数量指标", "接受业务培训人数", "200", "完成", 10, 10),
            ("产出指标", "数量指标", "科普馆参观人数", "500", "612人", 10, 10),
            ("产出指标", "数量指标", "培训批次", "≥3期", "约3期", 10, 10),
            ("产出指标", "数量指标", "受益户数", "≥50户", "50户左右", 10, 10)]
    sheet = printed(rows, budget=55, spent=55, rate=100, execution_weight=10, execution_score=10)
    assert [(f.indicator, f.severity.value) for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA09"] == [
        ("接受业务培训人数", "warning"), ("培训批次", "info"), ("受益户数", "info")]


def test_a_subsidy_standard_paid_short_asks_for_a_reason_a_cost_below_its_standard_does_not():
    # 219: 吕梁山护工培训补贴标准达标 | 3000元/人 | 2600元/人, no 偏差原因; 036: 培训成本 | 400元/人、天 | 180元/人、天
    rows = [("产出指标", "成本指标", "吕梁山护工培训补贴标准达标", "3000元/人", "2600元/人", None, None),
            ("成本指标", "经济成本指标", "培训成本", "400元/人、天", "180元/人、天", None, None),
            ("产出指标", "成本指标", "补助经费", "3000元/人", "2600元/人", None, None)]  # money spent, named a cost
    found = [(f.indicator, f.location.row, said_shortfall(f)) for f in audit_sheet(printed(rows), CENTRAL)
             if f.rule == "JXA10"]
    assert found == [("吕梁山护工培训补贴标准达标", 11, "实际完成 2600元/人，未达到年度指标值 3000元/人")]


# 259 (保山市 春节走访慰问 2022): 年内无群体性事件发生 | 小于5次 | 无上访 | 10; own variants: a target of 0 answered
# 未发生, and a count to be reached (≥5次) answered 无, which is no figure of what was done.
@pytest.mark.parametrize(("target", "actual", "score", "rules", "expected"), [
    ("小于5次", "无上访", 10, [], "10.00"),
    ("≤2起", "未发生安全事故", 8, ["JXA03", "JXA10"], "10.00"),
    ("0起", "零投诉", 10, [], "10.00"),
    ("≥5次", "无", 10, ["JXA09"], None),
])
def test_none_happened_is_zero_against_a_ceiling(target, actual, score, rules, expected):
    rows = [("效益指标", "社会效益指标", "年内无群体性事件发生", target, actual, 10, score)]
    sheet = printed(rows, budget="34.64", spent="34.64", execution_weight=90, execution_score=90)
    assert sorted(f.rule for f in audit_sheet(sheet, CENTRAL)) == rules
    item = recompute(sheet, CENTRAL).indicators[0]
    assert item.expected == (expected and Decimal(expected))
    if expected:
        assert item.formula.startswith(f"实际完成值“{actual}”按 0")


# 226 (四川 普惠金融发展专项资金): 年度金额 208万元, 资金使用情况 合计 109.8万元, the nine indicators' 权重 adding to 100
# (no 预算执行率 row) all scored full, no reason anywhere; 245 (中方县 残疾人康复 2022): 执行率为33.78%, no 分值.
PUHUI = [("产出指标", "质量指标", "资金足额拨付率", "100%", "100%", 50, 50),
         ("效益指标", "社会效益指标", "金融机构网点覆盖率", "≥60%", "85%", 50, 50)]


@pytest.mark.parametrize(("money", "notes", "shortfall"), [
    ({"budget": 208, "spent": "109.8"}, (), "执行率 52.79%，低于 90%"),
    ({"rate": "33.78"}, (), "执行率 33.78%，低于 90%"),
    ({"budget": 100, "spent": 89}, (), "执行率 89.00%，低于 90%"),
    ({"budget": 100, "spent": 91}, (), None),  # the forms ask for a reason below 90%
    ({"budget": 208, "spent": "109.8"}, ("存在问题：部分担保贷款贴息尚未拨付",), None),
    ({"budget": 208, "spent": "109.8", "cut": True}, (), None),  # the reason may stand below the cut
    ({"budget": 208, "spent": "109.8", "rate": 100}, (), None),  # rate and amounts disagree: JXA04's, not a shortfall
    ({"budget": 208, "spent": "109.8", "rate": "52.8"}, (), "执行率 52.79%，低于 90%"),
])
def test_money_left_unspent_without_a_scored_row_asks_for_a_reason(money, notes, shortfall):
    found = [(f.indicator, f.location.column, said_shortfall(f))
             for f in audit_sheet(printed(PUHUI, notes=notes, **money), CENTRAL) if f.rule == "JXA10"]
    assert found == ([("预算执行率", "偏差原因分析及改进措施", shortfall)] if shortfall else [])


# 230 (昌宁县 耿甘乡 动物防疫 2021 自评报告): 免疫密度 年初目标值≥90%,实际完成值≥90%,自评得分20分 … 总分 100, the money only
# “实施…补助经费9.55万元” in prose, no 预算数, 执行数 or 执行率.
GENGGAN = [("产出指标", "质量指标", "重大动物强制免疫病种群体免疫密度", "≥90%", "≥90%", None, 20),
           ("产出指标", "数量指标", "大规模随意抛弃病死猪事件", "=0件", "=0件", None, 20)]


@pytest.mark.parametrize(("money", "total", "found"), [
    ({}, 100, [("全年执行数", "warning", "2", "（总分 100）")]),
    ({}, None, [("全年执行数", "warning", "2", "")]),
    ({"budget": "9.55", "spent": "9.55"}, 100, []),
    ({"budget": "9.55"}, 100, [("全年执行数", "warning", "2", "（总分 100）")]),  # given, not said what was spent
    ({"rate": 100}, 100, []),
    ({"cut": True}, 100, []),  # the money table may be in the part the copy lost
])
def test_scores_without_any_money_are_reported(money, total, found):
    sheet = printed(GENGGAN, total=total, **money)
    assert [(f.location.column, f.severity.value, texts(f)["count"], said(f, "打了分", "，却没有"))
            for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA28"] == found


def test_a_total_stated_without_spending_still_asks_for_the_execution():
    # 230 again: the report's “实施…补助经费9.55万元” read as the sheet's total; nothing says what was spent
    sheet = printed(GENGGAN, total=100)
    sheet.budget.total = Decimal("9.55")
    assert [(texts(f)["count"], said(f, "，却没有", "：预算执行率无从计分")) for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA28"] == [
        ("2", "执行数和执行率")]


def test_rows_without_scores_do_not_ask_for_money():
    rows = [(*row[:5], None, None) for row in GENGGAN]
    assert [f for f in audit_sheet(printed(rows), CENTRAL) if f.rule == "JXA28"] == []


# 213 (大英县 图书馆免费开放 2022): 可持续影响指标 | 图书馆管理机制健全性 | 好坏 | 好坏 | 5 | 5; own variants.
@pytest.mark.parametrize(("actual", "score", "found"), [
    ("好坏", 5, [("JXA02", "warning", "5", "0.00")]),
    ("是/否", 3, [("JXA02", "warning", "3", "0.00")]),
    ("好坏", 0, []),  # nothing scored on no answer: nothing to report on the score
    ("好", 5, []),  # an answer chosen: the score is the unit's judgement of its tier
])
def test_no_answer_chosen_earns_nothing(actual, score, found):
    rows = [("效益指标", "可持续影响指标", "图书馆管理机制健全性", "好坏", actual, 5, score),
            ("满意度指标", "服务对象满意度指标", "活动参与人员满意度", "≥95%", "95%", 85, 85)]
    sheet = printed(rows, budget=10, spent=10, execution_weight=10, execution_score=10)
    assert [(f.rule, f.severity.value, texts(f)["score"], texts(f)["expected"]) for f in audit_sheet(sheet, CENTRAL)
            if f.rule in ("JXA02", "JXA03")] == found
    item = recompute(sheet, CENTRAL).indicators[0]
    assert (item.expected, item.unanswered) == ((Decimal("0.00"), True) if "坏" in actual or "否" in actual
                                                else (None, False))


# A grade printed without a 总分 stands on the rows' printed scores. Rows of 208 (普陀体育中心 2022: 预算执行率 10 8.62,
# 结算完成率 10 10, 合同结算条款完成率 20 20, 费用结算及时性 20 20, 合同完成率 30 30, 满意度 10 10; total 98.62), the
# total left out (own variant), and a score lowered (own variant).
PUTUO = [("产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", 10, 10),
         ("产出指标", "质量指标", "合同结算条款完成率", "=100%", "100%", 20, 20),
         ("产出指标", "时效指标", "费用结算及时性", "及时", "及时", 20, 20),
         ("效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", 30, 30),
         ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", 10, 10)]


@pytest.mark.parametrize(("grade", "total", "last", "cut", "found"), [
    ("优", None, 10, False, []),  # 98.62 is 优
    ("优", "98.62", 10, False, []),
    ("良", None, 10, False, [("良", "98.62", "优")]),
    ("优", None, 0, False, [("优", "88.62", "良")]),  # the satisfaction row scored 0: 88.62 is 良
    ("良", None, 10, True, []),  # a copy cut inside the table: its rows' sum is partial
])
def test_a_grade_without_a_total_follows_the_rows_scores(grade, total, last, cut, found):
    rows = [*PUTUO[:-1], (*PUTUO[-1][:6], last)]
    sheet = printed(rows, initial=250000, budget=250000, spent="215457.6", execution_weight=10,
                    execution_score="8.62", total=total, grade=grade, cut=cut)
    assert [(texts(f)["grade"], texts(f)["total"], texts(f)["expected"]) for f in audit_sheet(sheet, CENTRAL)
            if f.rule == "JXA07"] == found


# 234 (新洲区楚剧团 2020): …合格合格2020指标2:时效指标指标1:指标2: 成本指标演出设备成本件/件2万元2万元2018指标2:效益指标经济效益
# 指标指标1:指标2:… — the template's numbered rows left empty beside filled ones; own variants.
@pytest.mark.parametrize(("names", "found"), [
    (["指标1:", "指标2:"], [(12, "指标1:、指标2:", "info")]),
    (["指标 3："], [(12, "指标 3：", "info")]),
    (["指标1:居民健康档案"], []),  # a numbering kept before a name: a named row (the review's to report)
])
def test_the_templates_empty_numbered_rows_are_noted_once(names, found):
    rows = [("产出指标", "质量指标", "演出设备合格率", "合格", "合格", 20, 20),
            *[("产出指标", "时效指标", name, "", "", None, None) for name in names]]
    sheet = printed(rows)
    assert [(f.location.row, texts(f)["text"], f.severity.value) for f in audit_sheet(sheet, CENTRAL)
            if f.rule == "JXA11"] == found


@pytest.mark.parametrize(("cells", "found"), [
    # the reader set the empty rows aside (P108), two of them run together into one cell: noted all the same
    ([("产出指标", "时效指标", "指标1:"), ("社会效益指标", "指标1:指标2:")], [(14, "指标1:、指标1:指标2:", "info")]),
    ([("效益指标", "社会效益指标", "指标1:剧目宣传", "10")], []),  # a named row set aside: no empty template row
])
def test_the_templates_empty_numbered_rows_the_reader_set_aside_are_noted_once(cells, found):
    sheet = printed([("产出指标", "质量指标", "演出设备合格率", "合格", "合格", 20, 20)])
    aside = [Diagnostic(code="P108", severity=Severity.INFO, message="本行没有三级指标和指标值，未读作指标",
                        location=Location(sheet=sheet.key, row=14 + number), set_aside=row)
             for number, row in enumerate(cells)]
    other = Diagnostic(code="P108", severity=Severity.INFO, message="本行没有三级指标和指标值，未读作指标",
                       location=Location(sheet="另一项目", row=20), set_aside=("指标3:",))
    assert [(f.location.row, texts(f)["text"], f.severity.value)
            for f in audit_sheet(sheet, CENTRAL, diagnostics=[*aside, other]) if f.rule == "JXA11"] == found


def test_a_money_table_whose_figures_were_not_read_is_not_said_to_be_missing():
    # 136 (长江禁捕 燃油补贴 2020): 预算数(A)执行数(B)执行率(B/A)得分(20分*执行率) above figures fused past reading
    sheet = printed(GENGGAN, total=100)
    sheet.evaluation.money_headings = ["预算数", "执行数", "执行率", "得分"]
    assert [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA28"] == []


# 226 (四川 普惠金融发展专项资金 区域自评表): 年度金额 208万元, 资金使用 109.8万元; nine indicators whose 权重 add to 100,
# each scored in full, 得分合计 100, no 预算执行率 row (the first three rows quoted; the other 40 points in one row here).
PUHUI = [("产出指标", "数量指标", "创业担保贷款发放额增长率", "≥10%", "115.25%", 20, 20),
         ("产出指标", "质量指标", "创业担保贷款回收率", "≥90%", "98.70%", 20, 20),
         ("产出指标", "质量指标", "资金足额拨付率", "100%", "100%", 20, 20),
         ("满意度指标", "服务对象满意度指标", "申报创业担保贷款贴息个人满意度", "≥80%", "100%", 40, 40)]


@pytest.mark.parametrize(("money", "found"), [
    ({"spent": "109.8"}, [("预算执行率", "分值", "warning", "100", "52.79", "执行数 109.8 ÷ 预算数 208", "所印总分 100")]),
    ({"spent": "125"}, []),  # 60.10% executed: not four tenths left
    ({"spent": "109.8", "execution_weight": 10, "execution_score": "5.28"}, []),  # the form scores the execution
    ({"spent": "109.8", "cut": True}, []),  # the row may be in the part the copy lost
    ({}, []),  # nothing says what was spent
])
def test_money_largely_unspent_in_a_form_without_an_execution_row(money, found):
    rows = PUHUI if "execution_weight" not in money else [(*row[:5], 10, 10) if i == 3 else row
                                                          for i, row in enumerate(PUHUI)]
    sheet = printed(rows, total=100, **money)
    sheet.budget.total = Decimal(208)
    assert [(f.indicator, f.location.column, f.severity.value, texts(f)["weights"], texts(f)["rate"],
             said(f, "%（", "），"), said(f, "），", " 却不受执行情况影响")) for f in audit_sheet(sheet, CENTRAL)
            if f.rule == "JXA32"] == found


# 259 (保山市 春节走访慰问经费 2022): 时效指标 | 春节前完成走访慰问 | 按时限完成 | 100% | 20; own variants.
@pytest.mark.parametrize(("level2", "name", "target", "actual", "found"), [
    ("时效指标", "春节前完成走访慰问", "按时限完成", "100%", [(11, "info", "100%", "，是完成的比例而不是完成的时间", "20")]),
    ("时效指标", "慰问完成时间", "2022年1月31日前", "100%", [(11, "info", "100%", "，是完成的比例而不是完成的时间", "20")]),
    ("时效指标", "春节前完成走访慰问", "按时限完成", "2022年1月28日完成", []),  # the date it was done
    ("时效指标", "项目按时完成率", "100%", "100%", []),  # a deadline set as a rate is answered by a rate
    ("时效指标", "资金拨付及时性", "及时", "100%", []),  # how much was on time: a share answers it
    ("数量指标", "春节前慰问对象", "按时限完成", "100%", []),  # not a timeliness row
])
def test_a_deadline_answered_by_a_share_is_noted(level2, name, target, actual, found):
    sheet = printed([("产出指标", level2, name, target, actual, 20, 20)])
    assert [(f.location.row, f.severity.value, texts(f)["actual"],
             said(f, f"“{texts(f)['actual']}”", "，无法核对得分"), texts(f)["score"])
            for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA09"] == found


# JXA36: an indicator measuring the sheet's own spending answered with another rate than the money's. Made-up rows in
# several provinces' words (预算执行率 among 成本指标, 资金支出率, 經費使用率 in Traditional characters), and corpus
# 232's figures (科普宣传经费 2018: 预算批复70万元, 支出36.94万元, its 預算執行率 indicator answered 7.14%).
@pytest.mark.parametrize(("name", "actual", "money", "found"), [
    ("预算执行率", "85%", dict(budget=120, spent=110), ("85", "110", "120", "91.67")),
    ("资金支出率", "60.5%", dict(budget=200, spent=150, rate=75), ("60.5", "150", "200", "75.00")),
    ("經費使用率", "100%", dict(budget=50, spent=20), ("100", "20", "50", "40.00")),
    ("預算執行率", "7.14%", dict(budget=70, spent="36.94"), ("7.14", "36.94", "70", "52.77")),  # corpus 232
    # the money's own rate, to the places written; or against the 年初预算数; or over the budget written 100%
    ("预算执行率", "91.67%", dict(budget=120, spent=110), None),
    ("预算执行率", "92%", dict(budget=120, spent=110), None),
    ("项目资金执行率", "110%", dict(budget=120, spent=110, initial=100), None),
    ("预算执行率", "100%", dict(budget=100, spent=105), None),
    # another rate, or no money to hold it to
    ("政府采购执行率", "50%", dict(budget=120, spent=110), None),
    ("资金到位率", "50%", dict(budget=120, spent=110), None),
    ("预算执行率", "85%", dict(budget=120), None),
    ("预算执行率", "较好", dict(budget=120, spent=110), None),
])
def test_a_spending_rate_indicator_is_held_to_the_money(name, actual, money, found):
    rows = [("产出指标", "数量指标", "培训人数", "≥100人", "120人", 40, 40),
            ("产出指标", "成本指标", name, "≥90%", actual, 20, 20)]
    findings = [f for f in audit_sheet(printed(rows, **money), CENTRAL) if f.rule == "JXA36"]
    if found is None:
        assert findings == []
        return
    finding, = findings
    assert (finding.indicator, finding.location.row, finding.location.column) == (name, 12, "实际完成值")
    assert (texts(finding)["printed"], texts(finding)["spent"], texts(finding)["budget"],
            texts(finding)["computed"]) == found
    assert finding.severity.value == "error"


# JXA10 on a payment rate with no 指标值: corpus 221 (临河区 优抚对象生活补助经费 2023, indicators in the report's prose:
# “经费发放率为98%覆盖率及资金到位率均为100%”, no target, no reason) and made-up rows around it.
@pytest.mark.parametrize(("name", "target", "actual", "deviation", "found"), [
    ("经费发放率", "", "98%", None, "实际完成 98%，未达到全额 100%（表中没有写年度指标值，发放率以足额为目标）"),  # corpus 221
    ("經費發放率", "", "98%", None, "实际完成 98%，未达到全额 100%（表中没有写年度指标值，发放率以足额为目标）"),
    ("资金到位率(%)", "", "70%", None, "实际完成 70%，未达到全额 100%（表中没有写年度指标值，到位率以足额为目标）"),
    ("资金到位率", "", "100%", None, None),  # corpus 221: paid in full
    ("补贴兑付率", "", "95%", "部分对象身份信息核实中，次年一季度补发", None),  # the reason is given
    ("任务完成率", "", "90%", None, None),  # a task's target may be set below 100%
    ("配方肥到位率", "", "85.6%", None, None),  # corpus 229: fertiliser, not money (its target there is ≥80%)
    ("預算執行率", "", "7.14%", None, None),  # corpus 232: the execution rate is the money table's (JXA36)
    ("经费发放率", "≥95%", "98%", None, None),  # a target written is the one held to
    ("经费发放率", "", "较好", None, None),
])
def test_a_payment_rate_without_a_target_is_held_to_the_full_amount(name, target, actual, deviation, found):
    rows = [("产出指标", "质量指标", "覆盖率", "", "100%", None, None),
            ("产出指标", "质量指标", name, target, actual, None, None, deviation)]
    findings = [f for f in audit_sheet(printed(rows), CENTRAL) if f.rule == "JXA10"]
    if found is None:
        assert findings == []
        return
    finding, = findings
    assert (finding.indicator, finding.location.row, finding.location.column) == (name, 12, "偏差原因分析及改进措施")
    assert said_shortfall(finding) == found
    assert (finding.severity.value, finding.confidence.value) == ("warning", "inference")


# JXA37: a money table filled with its budget only. Corpus 262 (原州区 边销茶推广项目 2022: 年初预算数 | 全年执行数 over
# 38.75 alone) and 208's second sheet (援滇对口支援经费: 20000.00 20000.00 read, the rest of the PDF's flow not aligned
# with the headings, P148), with made-up variants.
SIX = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
YUANZHOU = [("产出指标", "数量指标", "发放边销茶目标人群", "3875人", "3620人", None, None)]


def _with_money(sheet, headings, **fields):
    return sheet.model_copy(update={"evaluation": sheet.evaluation.model_copy(
        update={"money_headings": headings, **fields})})


def _unaligned(sheet):
    return Diagnostic(code="P148", severity=Severity.WARNING, template="资金表的数字与栏目对不上，未读取：4.52",
                      location=Location(sheet=sheet))


@pytest.mark.parametrize(("money", "headings", "unaligned", "found"), [
    (dict(initial="38.75"), ["年初预算数", "全年执行数"], None, "年初预算数 38.75"),  # corpus 262
    (dict(initial=30, budget=30), SIX, None, "年初预算数 30、全年预算数 30"),
    (dict(budget=104), ["預算數(A)", "執行數(B)", "執行率(B/A)", "得分(20分*執行率)"], None, "全年预算数 104"),  # 231's
    (dict(initial=20000, budget=20000), SIX, "测试项目", None),  # corpus 208: the figures were left unread
    (dict(initial=20000, budget=20000), SIX, "另一个项目", "年初预算数 20000、全年预算数 20000"),
    (dict(initial="38.75", spent="36.2"), ["年初预算数", "全年执行数"], None, None),
    (dict(budget=40, rate=100), SIX, None, None),
    (dict(budget=40), ["预算数", "拨付数", "结余数"], None, None),  # a table without the execution
    (dict(budget=40), [], None, None),  # no money table read: JXA28's
    (dict(), SIX, None, None),
])
def test_a_money_table_with_its_budget_alone_is_reported(money, headings, unaligned, found):
    sheet = _with_money(printed(YUANZHOU, **money), headings)
    diagnostics = [_unaligned(unaligned)] if unaligned else []
    findings = [f for f in audit_sheet(sheet, CENTRAL, diagnostics=diagnostics) if f.rule == "JXA37"]
    if found is None:
        assert findings == []
        return
    finding, = findings
    assert (finding.indicator, finding.location.column, said(finding, "资金表填了", "，全年执行数和执行率却都空着")) == (
        "预算执行率", "全年执行数", found)
    assert (finding.severity.value, finding.confidence.value) == ("warning", "high")


def test_a_money_table_of_a_copy_starting_inside_its_table_is_not_reported():
    sheet = _with_money(printed(YUANZHOU, initial="38.75", headless=True), ["年初预算数", "全年执行数"])
    assert [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA37"] == []


# JXA10 on a copy cut above its indicator rows: corpus 208 (普陀区 援滇对口支援及结对帮扶经费 2022, 元): 全年预算数
# 20000.00, 执行 9034 (45.17%), 年度总体目标实际完成情况 “已完成援滇人员相关经费支付。”, the file ending at the grid's
# headings. The summary, read above the cut, says the work done beside a budget half unspent; made-up variants around it.
@pytest.mark.parametrize(("summary", "spent", "found"), [
    ("已完成援滇人员相关经费支付。", "9034", ("45.17", "已完成援滇人员相关经费支付")),  # corpus 208
    ("全部完成年度帮扶任务", "6000", ("30.00", "全部完成年度帮扶任务")),
    ("已完成援滇人员相关经费支付。", "13000", None),  # 65% executed: not four tenths left, the cut rows may explain
    ("已完成首期支付，剩余资金为质保金", "9034", None),  # the summary says what the money left is
    ("已完成招标，正在组织实施", "9034", None),  # the work still under way
    ("正在进行招标意向公示,预计三月中旬开展公开招标", "0", None),  # corpus 159's summary: nothing done yet
    ("", "9034", None),  # no summary read: the reason may stand in the rows lost
])
def test_a_cut_copy_whose_summary_says_done_beside_money_unspent(summary, spent, found):
    # (the rows' names read before the cut, their cells lost with it, as the reader gives 208's)
    sheet = printed([("产出指标", "数量指标", "经费使用率", "", "", None, None)], budget=20000, spent=spent,
                    overall_actual=summary or None, cut=True)
    findings = [(f.indicator, f.location.column, f.severity.value, texts(f)["rate"], texts(f).get("summary"))
                for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA10"]
    assert findings == ([] if found is None else [("预算执行率", "偏差原因分析及改进措施", "warning", *found)])
    if found is not None:
        finding, = [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA10"]
        assert said(finding, "执行率 45.17%，" if found[0] == "45.17" else "执行率 30.00%，", "，没有说明") == \
            f"年度总体目标实际完成情况却写“{found[1]}”"


def test_an_uncut_copy_is_held_to_its_rows_whatever_its_summary_says():
    # the same money in a whole table with a reason in the 偏差原因 column: explained, whatever the summary says
    rows = [("产出指标", "数量指标", "援滇人员经费支付人数", "≥10人", "10人", 50, 50, "部分人员经费次年结算")]
    sheet = printed(rows, budget=20000, spent=9034, overall_actual="已完成援滇人员相关经费支付。")
    assert [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA10"] == []


# JXA39: a qualitative row whose actual states its tier in words (部分完成, 未完成) scored above that tier's band, under
# the central bands (部分达成 60–80%, 未达成 0–60%) and Hubei's (50–80%, 0–50%). Made-up rows of a training project.
@pytest.mark.parametrize(("profile", "actual", "score", "found"), [
    ("central", "部分完成", 10, (11, "部分达成预期指标并具有一定效果", "60", "80", "10", "8")),
    ("central", "部分达成预期指标", "8.5", (11, "部分达成预期指标并具有一定效果", "60", "80", "8.5", "8")),
    ("central", "未完成", 10, (11, "未达成预期指标且效果较差", "0", "60", "10", "6")),
    ("central", "尚未完成，培训推迟到次年", 7, (11, "未达成预期指标且效果较差", "0", "60", "7", "6")),
    ("central", "未达到预期目标", 9, (11, "未达成预期指标且效果较差", "0", "60", "9", "6")),
    ("hubei", "未完成", 6, (11, "未达成预期指标且效果较差", "0", "50", "6", "5")),
    ("hubei", "大部分完成", 9, (11, "部分达成预期指标并具有一定效果", "50", "80", "9", "8")),
    # within the tier's band, or no tier stated
    ("central", "部分完成", 8, None),
    ("central", "未完成", 6, None),
    ("central", "1-2期未能及时培训", 10, None),  # a part not done: no tier (JXA10 asks for the reason)
    ("central", "未达到警戒线", 10, None),  # a ceiling kept, not a target missed
    ("central", "基本完成", 10, None),
    ("central", "按时完成", 10, None),
])
def test_a_qualitative_score_above_the_tier_its_actual_states(profile, actual, score, found):
    sheet = printed([("产出指标", "时效指标", "培训及时性", "按时完成", actual, 10, score, "培训场地调整")])
    findings = [(f.location.row, texts(f)["tier"], texts(f)["low"], texts(f)["high"], texts(f)["score"],
                 texts(f)["most"]) for f in audit_sheet(sheet, load_profile(profile)) if f.rule == "JXA39"]
    assert findings == ([] if found is None else [found])


# The printed 分值 is itself rounded (15.38 for 100 × 2 ÷ 13): a top-of-tier score computed from the exact weight
# (15.3846 × 80% = 12.31) is not above 15.38 × 80% = 12.304 (found by the round-trip property test, hubei's 50–80%).
@pytest.mark.parametrize(("weight", "score", "found"), [
    ("15.38", "12.31", None),
    ("15.38", "12.32", (11, "部分达成预期指标并具有一定效果", "50", "80", "12.32", "12.3")),
    ("15.4", "12.35", None),  # a weight printed to one place stands for 15.35–15.45
    ("15.4", "12.37", (11, "部分达成预期指标并具有一定效果", "50", "80", "12.37", "12.32")),
])
def test_a_top_of_tier_score_is_held_to_the_printed_weights_precision(weight, score, found):
    sheet = printed([("产出指标", "时效指标", "培训及时性", "按时完成", "部分完成", Decimal(weight), Decimal(score), "培训场地调整")])
    profile = "hubei"
    findings = [(f.location.row, texts(f)["tier"], texts(f)["low"], texts(f)["high"], texts(f)["score"],
                 texts(f)["most"]) for f in audit_sheet(sheet, load_profile(profile)) if f.rule == "JXA39"]
    assert findings == ([] if found is None else [found])


def test_a_numeric_target_answered_in_words_is_left_to_the_quantitative_rules():
    # a target with a figure (≥95%) answered 部分完成: JXA09 asks for the figure; no tier is held to it here
    sheet = printed([("产出指标", "质量指标", "验收合格率", "≥95%", "部分完成", 10, 10, "部分工程未验收")])
    assert {f.rule for f in audit_sheet(sheet, CENTRAL)} & {"JXA09", "JXA39"} == {"JXA09"}


@pytest.mark.parametrize(("actual", "score", "found"), [
    ("未完成", 10, {"JXA39"}),  # full marks on 未完成: the score is wrong, no reason asked for besides
    ("未完成", 8, {"JXA39", "JXA10"}),  # marked down, still above the tier, and no reason for what was missed
    ("未完成", 5, {"JXA10"}),
])
def test_full_marks_on_an_actual_stating_its_tier_is_the_scores_problem_alone(actual, score, found):
    sheet = printed([("产出指标", "时效指标", "培训及时性", "按时完成", actual, 10, score)])
    assert {f.rule for f in audit_sheet(sheet, CENTRAL)} & {"JXA10", "JXA39"} == found


# JXA10: a target in figures answered in words that say the work is not done or still going on, no figure and no
# reason (corpus 286's family: 新建 … 1个 answered 建设中). Made-up rows of a road project.
@pytest.mark.parametrize(("actual", "deviation", "found"), [
    ("施工中", None, [(11, "施工中", "2座")]),
    ("正在进行主体施工", None, [(11, "正在进行主体施工", "2座")]),
    ("尚未完工", None, [(11, "尚未完工", "2座")]),
    ("施工中", "汛期停工，次年4月完工", []),  # the reason is given
    ("已完工", None, []),  # done: JXA09 asks for the figure
    ("完成1座，1座施工中", None, []),  # a figure said beside it: the share is for the quantitative rules
])
def test_a_numeric_target_answered_as_still_under_way_asks_for_the_reason(actual, deviation, found):
    # (a form printing no 分值 and 得分, as the transfer forms do: a score below its weight would ask for the reason)
    sheet = printed([("产出指标", "数量指标", "新建农村公路桥梁", "2座", actual, None, None, deviation)])
    assert [(f.location.row, texts(f)["actual"], texts(f)["target"])
            for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA10"] == found


# JXA08 of a copy holding part of the table whose 预算执行率 row prints the whole 100 as its 分值 (corpus 288's family):
# no share of the table; JXA23 recomputes that row, and the indicators read need not add up.
@pytest.mark.parametrize(("execution_weight", "cut", "found"), [
    (100, True, []),
    (100, False, ["180"]),  # the whole table is read: its points do not add up
    (40, True, ["120"]),  # a share, however large, is summed: already beyond 100 where the table is cut
])
def test_a_money_row_printing_the_whole_100_leaves_a_partial_copys_sum_alone(execution_weight, cut, found):
    rows = [("产出指标", "数量指标", "维修路灯", "≥50盏", "52盏", 40, 40), ("产出指标", "质量指标", "验收合格率", "100%", "100%", 40, 40)]
    sheet = printed(rows, budget=80, spent=72, rate=90, execution_weight=execution_weight, execution_score=90, cut=cut)
    assert [texts(f)["sum"] for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA08"] == found


# The printed 分值 is rounded too (100 ÷ 6 prints as 16.67 or 16.7): a score that differs from its 分值, or from the
# share of it a tier allows, by the two figures' rounding alone is not reported (recompute.score_tolerance: half a unit
# of the score's last decimal, and the share of the 分值's own half unit; a whole 分值 is exact). Made-up rows.
@pytest.mark.parametrize(("weight", "score", "actual", "found"), [
    # 16.7 is 16.6667 to one place: full marks of a 分值 printed 16.67 (0.03 ≤ 0.05 + 0.005), not above them
    ("16.67", "16.7", "按时完成", []),
    # 16.8 is 0.13 above 16.67, more than 0.055: above the 分值, the most it may score is 16.67
    ("16.67", "16.8", "按时完成", [("JXA01", "16.8", "16.67")]),
    # 16.67 is the full marks of a 分值 printed 16.7 (0.03 ≤ 0.005 + 0.05): nothing deducted, no reason to ask
    ("16.7", "16.67", "按时完成", []),
    # 15 is 1.7 short of 16.7: points deducted on a target met, the reason asked for
    ("16.7", "15", "按时完成", [("JXA10", "15", "16.7")]),
    # a whole score is what the unit typed, not a rounding: 10 on a 分值 of 9.6 is above it (0.4 > 0 + 0.05)
    ("9.6", "10", "按时完成", [("JXA01", "10", "9.6")]),
    # and 9 on a 分值 of 9.6 is 0.6 short of it: points deducted on a target met, the reason asked for
    ("9.6", "9", "按时完成", [("JXA10", "9", "9.6")]),
    # a whole 分值 is exact: 部分完成 earns at most 10 × 80% = 8, and 8.3 is 0.3 above it, more than the score's 0.05
    ("10", "8.3", "部分完成", [("JXA39", "8.3", "8")]),
    # 12.31 for 80% of 15.3846, printed 15.38: 12.31 − 12.304 = 0.006 ≤ 0.005 + 0.8 × 0.005
    ("15.38", "12.31", "部分完成", []),
])
def test_a_score_differing_from_its_weight_by_their_rounding_alone_is_not_reported(weight, score, actual, found):
    deviation = "培训场地调整" if actual != "按时完成" else None  # (a tier stated with its reason: JXA10 satisfied)
    sheet = printed([("产出指标", "时效指标", "培训及时性", "按时完成", actual, Decimal(weight), Decimal(score), deviation)])
    findings = [f for f in audit_sheet(sheet, CENTRAL) if f.rule in ("JXA01", "JXA02", "JXA03", "JXA10", "JXA39")]
    figures = {"JXA01": ("score", "weight"), "JXA10": ("score", "weight"), "JXA39": ("score", "most")}
    assert [(f.rule, *(texts(f)[slot] for slot in figures.get(f.rule, ()))) for f in findings] == found
    assert all(f.location.row == 11 and f.indicator == "培训及时性" for f in findings)


# 220 (宁德 人才驿站补助 2023): the grid goes on in a second table after the money paragraph, its rows numbered in that
# table (the 时效 and 成本 rows are rows 3 and 5 of table 2, as 数量 rows are rows 5–9 of table 1)
def _two_tables(rows):
    sheet = printed(rows, budget=10, spent=10, rate=100)
    tables = [(1, 5), (2, 5)]
    indicators = [indicator.model_copy(update={"table": table, "row": row})
                  for indicator, (table, row) in zip(sheet.indicators, tables, strict=True)]
    items = [item.model_copy(update={"row": row}) for item, (_, row) in zip(sheet.evaluation.items, tables, strict=True)]
    return sheet.model_copy(update={"table": 1, "indicators": indicators,
                                    "evaluation": sheet.evaluation.model_copy(update={"items": items})})


def test_a_row_finding_names_the_table_its_row_stands_in():
    rows = [("产出指标", "数量指标", "当年获得宁德市级以上确认的人才驿站数量", "≥2个", "0个", 10, 0),
            ("产出指标", "数量指标", "每年人才驿站服务人次", "≥500人", "400人", 10, 0)]
    found = [(f.indicator, f.location.table, f.location.row) for f in audit_sheet(_two_tables(rows), CENTRAL)
             if f.rule == "JXA10"]
    assert found == [("当年获得宁德市级以上确认的人才驿站数量", 1, 5), ("每年人才驿站服务人次", 2, 5)]
