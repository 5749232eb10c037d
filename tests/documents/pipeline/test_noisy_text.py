"""Run-together text, Traditional characters and OCR noise (layout families 4, 8 and 9 of
../shared/corpus/README.md), on compact made-up snippets of each family."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import (
    ROW_END,
    clean_name,
    join_page_parts,
    looks_like_target,
    segment,
    split_name_target,
    split_points_row,
    split_run_together,
)
from jixiao.documents.pipeline.prose import split_prose
from jixiao.documents.pipeline.tokens import text_lines


def read(text: str):
    document, accounting = read_text(text.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    return document


def test_traditional_level_names_are_understood_and_a_level_heading_on_its_own_line_still_leads():
    document = read("\n".join([
        "|",
        "一級 指標 |",
        "| 二級指標 | 三級指標 | 指標性質 | 指標值 | 度量單位 |",
        "| 產出指標 | 數量指標 | 補助經費 | ﹦ | 72890 | 元 |",
        "| 質量指標 | 驗收合格率 | ≥ | 95 | % |",
        "| 滿意度指標 | 服務對象滿意度指標 | 滿意度 | ≥ | 90 | % |",
    ]))
    assert [(i.level1, i.level2, i.level2_raw, i.name) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "數量指標", "補助經費"),  # the name as written: only matching reads it Simplified
        ("产出指标", "质量指标", "質量指標", "驗收合格率"),
        ("满意度指标", "服务对象满意度指标", "服務對象滿意度指標", "滿意度"),  # a level word after both levels is the name
    ]


@pytest.mark.parametrize(("text", "parts"), [
    ("免疫规划知识培训次数2次以上", ("免疫规划知识培训次数", "2次以上")),
    ("资金使用效率二100百分比", ("资金使用效率", "二100百分比")),
    ("各项工作完成及时率%=99百分比", ("各项工作完成及时率", "%=99百分比")),
    ("开放天数≥300天", ("开放天数", "≥300天")),
    ("取得2018-2022", None),  # a name that ends in a number keeps it
    ("森林火灾6小时内扑灭率", None),
    ("开展宣传活动次数20次以", None),  # cut by the end of the file: no operator word
    ("验收合格率100%", ("验收合格率", "100%")),
    ("验收合格率 100%", None),  # a separator: the cells are not run together
    ("检测1000人次以上,筛查600人次以上", None),  # several rows run together: segment's work
    # an operator written in words before the figure is the target's, not the name's end
    ("资金支出率达到目标值95%", ("资金支出率", "达到目标值95%")),
    ("资助对象满意度达到目标值95%以上", ("资助对象满意度", "达到目标值95%以上")),
    ("项目资金支出率达到95%", ("项目资金支出率", "达到95%")),
    ("设备完好率高于90%", ("设备完好率", "高于90%")),
    # a direction word before the figure is the target's whole wording, not a name (corpus 231: 提升10% | 提升10%)
    ("提升10%", None),
    ("稳步提高5%", None),
])
def test_a_name_and_its_target_run_together_are_split_at_a_target_that_ends_the_cell(text, parts):
    assert split_name_target(text) == parts


def test_operators_as_words_and_ocr_operators_make_a_target():
    assert looks_like_target("1000人次以上") and looks_like_target("二100百分比") and looks_like_target("%=99百分比")
    assert not looks_like_target("二级指标") and not looks_like_target("100%")


def test_one_cell_lines_holding_name_and_target_are_rows_and_the_split_is_reported():
    document = read("\n".join([
        "一级指标二级指标三级指标指标值及单位",
        "产出指标数量指标检测人次1000人次以上",
        "培训次数2次以上",
        "培训人次200人以上",
    ]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.operator, str(i.target.value), i.target.unit) for i in indicators] == [
        ("数量指标", "检测人次", "≥", "1000", "人次"), ("数量指标", "培训次数", "≥", "2", "次"),
        ("数量指标", "培训人次", "≥", "200", "人")]
    split = [d for d in document.diagnostics if d.code == "P102"]
    assert [(d.location.line, "“培训次数2次以上”按形式拆分" in d.message) for d in split][:1] == [(3, True)]
    assert indicators[1].confidence < 0.8


def test_ocr_operators_inside_a_run_together_table_stay_with_their_target():
    assert segment("一级指标二级指标三级指标指标值产出指标质量指标考核完成率%=99百分比成本指标经济成本指标资金使用效率二100百分比") == (
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "质量指标", "考核完成率", "%=99百分比", "成本指标",
        "经济成本指标", "资金使用效率", "二100百分比")


def test_a_run_together_self_evaluation_with_short_level_names_and_a_caption_before_the_header():
    document = read("年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
                    "产出指标产出数量灭火设备配备率100%100%达成预期效益指标社会效益重大森林火灾0起0起")
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw, i.extra.get("实际完成值")) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "灭火设备配备率", "100%", "100%"), ("效益指标", "社会效益指标", "重大森林火灾", "0起", "0起")]


def test_a_numbered_name_that_is_also_a_level_word_stays_a_name():
    assert segment("满意度指标服务对象满意度指标指标1:服务对象满意度90%") == (
        "满意度指标", "服务对象满意度指标", "指标1:服务对象满意度", "90%")


def test_a_department_forms_task_numbering_opens_a_row_and_is_no_part_of_the_name():
    # a 部门整体支出 self-evaluation numbers its 分解目标 (任务1:, 任务2:) before each name, run onto the points of the
    # row before
    assert segment("产出指标数量指标任务1:门诊人次≥300人次320人次55任务2:健康管理率≥60%62%44") == (
        "产出指标", "数量指标", "任务1:门诊人次", "≥300人次", "320人次", "55", "任务2:健康管理率", "≥60%", "62%", "44")
    assert clean_name("任务2:健康管理率") == "健康管理率"
    assert clean_name("完成任务3项") == "完成任务3项"  # a task counted in the name is no numbering


def test_a_level_1_spelling_ending_in_指标_opens_a_cell_in_run_together_text():
    # a 部门整体 form names its second level-1 group 效果指标 (the 2018 spelling of 效益指标), run onto its points
    assert segment("时效指标健康档案更新率按规定时限32效果指标35经济效益指标业务收入超上年度27万元1313")[2:4] == (
        "效果指标", "35")


def test_rows_run_together_one_per_line_with_levels_carried_and_cost_as_a_level_2_name():
    document = read("\n".join([
        "绩效指标一级指标二级指标指标内容指标值",
        "产出指标数量指标学校改造覆盖率100%",
        "质量指标校舍维修改造质量合格率100%",
        "购置设施设备质量合格率100%",
        "成本指标建设项目成本控制率100%",
        "满意度指标社会公众或服务对象满意度指标学生家长满意度≥90%",
        "学校满意度≥90%",
    ]))
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "学校改造覆盖率", "100%"), ("产出指标", "质量指标", "校舍维修改造质量合格率", "100%"),
        ("产出指标", "质量指标", "购置设施设备质量合格率", "100%"), ("产出指标", "成本指标", "建设项目成本控制率", "100%"),
        ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"), ("满意度指标", "服务对象满意度指标", "学校满意度", "≥90%")]


def test_cost_followed_by_a_2021_level_2_name_stays_level_1():
    document = read("\n".join(["一级指标", "二级指标", "三级指标", "指标值",
                               "成本指标", "经济成本指标", "疾控经费", "≤70万元"]))
    (indicator,) = document.sheets[0].indicators
    assert (indicator.level1, indicator.level2) == ("成本指标", "经济成本指标")


def test_a_met_target_statement_and_word_operators_are_cells_of_their_own():
    assert segment("一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施效益指标生态效益火灾受害面积小于0.9‰0.9‰"
                   "达成预期指标经济效益伤亡人数0人次") == (
        "一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "未完成原因及改进措施", "效益指标", "生态效益",
        "火灾受害面积", "小于0.9‰", "0.9‰", "达成预期指标", "经济效益", "伤亡人数", "0人次")


def test_a_stream_of_whole_rows_without_operators_is_cut_row_by_row():
    document = read("\n".join(["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "未完成原因及改进措施",
                               "产出指标", "产出数量", "设备配备率", "100%", "1000件", "达成预期指标",
                               "系统维护率", "100%", "5个", "达成预期指标"]))
    assert [(i.level2, i.name, i.target.raw, i.extra["实际完成值"]) for i in document.sheets[0].indicators] == [
        ("数量指标", "设备配备率", "100%", "1000件"), ("数量指标", "系统维护率", "100%", "5个")]


def test_traditional_required_marks_and_a_unit_column_beside_a_value_with_its_own_unit():
    document = read("\n".join([
        "一級指標 | 二級指標 | 三級指標 | 指標值類型 | *指標值 | 計量單位 | *指標解釋 |",
        "產出指標 | 數量指標 | 支出安排金額 | 定量 | 28.8萬元 | % | 考察安排情況 |",
        "質量指標 | 支出到位率 | 定量 | 100 | % | 考察到位情況 |",
        "效益指標 | 社會效益指標 | 單位正常運轉 | 定性 | 應保盡保 | % | 考察保障範圍 |",
    ]))
    assert [(i.name, i.target.raw, i.target.value, i.target.unit, i.target.qualitative, i.extra.get("計量單位"))
            for i in document.sheets[0].indicators] == [
        ("支出安排金額", "28.8萬元", Decimal("28.8"), "万元", None, "%"),
        ("支出到位率", "100", Decimal("100"), "%", None, None),
        ("單位正常運轉", "應保盡保", None, None, "应保尽保", "%")]


def test_a_run_together_grid_without_a_name_heading_reads_names_explanations_and_ocr_values():
    document = read("一级指标二级指标绩效标准当年预期实现值数量指标大楼维修次数反映全年维修情况2280次"
                    "质量指标维修验收合格率反映维修质量情况>92%设备更新验收合格率反映设备更新情况292%")
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.description, i.target.raw) for i in indicators] == [
        ("数量指标", "大楼维修次数", "反映全年维修情况", "2280次"),
        ("质量指标", "维修验收合格率", "反映维修质量情况", ">92%"),
        ("质量指标", "设备更新验收合格率", "反映设备更新情况", "292%")]
    assert indicators[2].target.value == Decimal("292")  # kept as written: ≥92% is only a guess, noted
    assert any("≥92%" in note.message for note in indicators[2].target.notes)
    split = [d for d in document.diagnostics if "拆分为指标名称与指标解释" in d.message]
    assert len(split) == 3 and all(d.location.line == 1 for d in split)
    assert all(i.confidence <= 0.5 for i in indicators)


def test_a_document_sites_numbered_page_parts_are_joined_where_they_cut_a_row():
    first = ("1、某项目绩效自评表项目名称水土保持监测一级指标二级指标三级指标年初目标值实际完成值得分"
             "产出指标质量指标监测数据必须合格100%100%10时效指标取得2018-2022")
    document = read("\n".join([first, "2、监测资料100%100%10"]))
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("监测数据必须合格", "100%"), ("取得2018-2022监测资料", "100%")]


def test_numbered_sentences_are_not_page_parts():
    lines = text_lines("1、完成全县农村公路养护任务，确保道路通畅，群众出行满意度稳步提升，养护里程不少于一百二十公里。\n"
                       "2、提高资金使用效益。")
    assert [line.tokens[0].text[:2] for line in join_page_parts(lines)] == ["1、", "2、"]


def test_a_run_together_table_whose_cells_wrapped_with_spaces_is_one_stream_cut_at_names():
    # Hunan 自评表 from a document site (corpus 134): the spaces mark where cells wrapped (``产 出 指 标``, ``管理制 度``),
    # not cells; targets carry no operator and each row opens with its name
    document = read("\n".join([
        "2020年度县级专项资金绩效目标自评表专项资金名称县级储备粮绩 效 指 标一级 指标二级 指标三级指标年度指标 值全年 完成值"
        "未完成原因和 改进措施产 出 指 标数量 指标库存数量真实率100%100%质量 指标县级储备粮管理制 度严格执行率100%100%"
        "储备粮管理专户管 理率100%100%满意 度指 标服务 对象 满意 度指 标因粮食市场波动引 起的粮食安全事件 发生数0起0起",
    ]))
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "库存数量真实率", "100%"),
        ("产出指标", "质量指标", "县级储备粮管理制度严格执行率", "100%"),
        ("产出指标", "质量指标", "储备粮管理专户管理率", "100%"),
        ("满意度指标", "服务对象满意度指标", "因粮食市场波动引起的粮食安全事件发生数", "0起"),
    ]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["100%", "100%", "100%", "0起"]


def test_a_run_together_self_evaluation_with_the_weight_before_the_target_and_figures_fused_to_names():
    # Sichuan 自评表 run together (corpus 117): a level's points after its name (产出指标(70分)), the weight run
    # into the name and the row before's score run in front of it (10水标尺宽度10), an actual written like its
    # target, the total (总分) closing the grid
    document = read(
        "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(70分)数量指标"
        "安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10时效指标及时(按期)开工率10≥90%≥90%10"
        "满意度指标(10分)服务对象满意度指标受益脱贫(含监测对象)户满意度10≥95%≥95%10……总分100100注:1.一级指标分值统一设置为:")
    sheet = document.sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "安装坡面水标尺", "≥266米"), ("产出指标", "数量指标", "水标尺宽度", "≥50厘米"),
        ("产出指标", "时效指标", "及时(按期)开工率", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", "≥95%")]
    assert [(item.weight, item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        (10, "≥266米", 10), (10, "≥50厘米", 10), (10, "≥90%", 10), (10, "≥95%", 10)]


def test_short_level_2_names_after_a_score_and_a_target_repeated_as_its_actual_in_run_together_text():
    # Hubei 自评表 run together (corpus 116): 成本 and 时效 stand for their level 2 right after the row before's
    # score; a qualitative target written again as the actual (不超过预算不超过预算) is two cells after the name
    document = read(
        "一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出指标数量指标成本控制不超过预算不超过预算10"
        "质量指标保证财政建设补助专款专用专款专用专款专用10成本每年财政补助1000万元1000万元10时效1年1年1年10")
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "成本控制", "不超过预算"), ("质量指标", "保证财政建设补助专款专用", "专款专用"),
        ("成本指标", "每年财政补助", "1000万元"), ("时效指标", "1年", "1年")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("不超过预算", 10), ("专款专用", 10), ("1000万元", 10), ("1年", 10)]


def test_a_one_word_grade_written_as_target_and_actual_after_its_name_in_run_together_text():
    # Hunan 自评表 run together (corpus 134): 高高 is the target 高 and the actual 高
    document = read("一级指标二级指标三级指标年度指标值全年实际值产出指标质量指标储备粮管理专户管理率100%100%"
                    "粮食储备设备维护及安全性高高时效指标县级储备粮贷款付息及时率100%100%")
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("储备粮管理专户管理率", "100%"), ("粮食储备设备维护及安全性", "高"), ("县级储备粮贷款付息及时率", "100%")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["100%", "高", "100%"]


def test_a_numbering_without_colon_whose_digit_ran_into_the_name_in_run_together_text():
    # Ningxia 自评表 run together (corpus 106): 指标1种薯… was cut at 1种 as if it were a target; the weight (8)
    # follows the name
    document = read("一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标数量指标指标1免费发放原原种8550万粒550万粒8"
                    "成本指标指标1种薯采购价格不高于市场价8是是8")
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "免费发放原原种", "550万粒"), ("成本指标", "种薯采购价格不高于市场价", "是")]
    assert [(item.weight, item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        (8, "550万粒", 8), (8, "是", 8)]


def test_a_deadline_inside_a_run_together_name_is_not_a_target():
    # Hubei 自评表 run together (corpus 136): 12月底之前完成 names the indicator; its target is the 100% after it
    document = read("二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标渔船补贴发放率100%100%10"
                    "时效指标12月底之前完成100%100%10")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "渔船补贴发放率", "100%"), ("时效指标", "12月底之前完成", "100%")]


def test_a_direction_word_ending_a_row_with_no_target_is_its_qualitative_target():
    # Hubei goal table, one row run together per line (corpus 131): 稳步提高 is the target of the row it ends
    document = read("\n".join([
        "绩效指标一级指标二级指标指标内容指标值",
        "产出指标数量指标农村义务教育学校改造覆盖率100%",
        "效益指标可持续影响指标义务教育优质均衡发展情况稳步提高",
        "社会公众或服务对象满意度指标学生家长满意度≥90%"]))
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "农村义务教育学校改造覆盖率", "100%"), ("可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"),
        ("服务对象满意度指标", "学生家长满意度", "≥90%")]

def test_a_qualitative_target_run_onto_its_name_at_the_end_of_a_row_is_cut_off_and_reported():
    # corpus 038 (Gansu, run together): 长远 and 提升 end their rows with no target cell of their own
    text = ("年度绩效目标进一步提高博物馆纪念馆运行效率一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=300天"
            "成本指标社会成本指标对当地文物保护、文化传承影响长远生态环境成本指标提升博物馆绿化水平提升"
            "效益指标社会效益指标免费开放接待观众人数=30000人次")
    document = read(text)
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("免费开放天数", "=300天"), ("对当地文物保护、文化传承影响", "长远"), ("提升博物馆绿化水平", "提升"),
        ("免费开放接待观众人数", "=30000人次")]
    guessed = [d for d in document.diagnostics if d.code == "P102" and "长远" in d.message]
    assert guessed and document.sheets[0].indicators[1].confidence < 0.75


def test_a_name_that_merely_ends_with_a_qualitative_word_keeps_it_when_its_target_follows():
    document = read("\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |", "效益指标 | 社会效益指标 | 群众生活质量提高 | 明显 |"]))
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [("群众生活质量提高", "明显")]


# Chongqing 部门整体绩效自评表 copied by a document site: no level columns, each row a name, its unit and its
# figures fused into one run (corpus 143), or its points and a 是否核心指标 yes/no (corpus 157), then the next name.
_NO_LEVELS = ("绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)"
              "天然林和公益林管护当期任务完成率%901010010国家级公益林管护面积万亩2810810"
              "森林抚育(营林)面积万亩2110110天保工程区森林资源管护面积万亩250105010森林火灾受害率%0.910010")


def test_rows_without_level_names_are_cut_where_a_fused_run_of_figures_meets_the_next_name():
    pieces = segment(_NO_LEVELS)
    assert pieces is not None and "指标得分(分)" in pieces  # the heading keeps its own unit
    rows = "|".join(pieces).split(ROW_END)
    assert [row.strip("|") for row in rows] == [
        "绩效指标|指标名称|计量单位|指标性质|指标值|指标权重(分)|全年完成值|指标得分(分)|天然林和公益林管护当期任务完成率|%|901010010",
        "国家级公益林管护面积|万亩|2810810", "森林抚育(营林)面积|万亩|2110110", "天保工程区森林资源管护面积|万亩|250105010",
        "森林火灾受害率%0.910010"]
    sheet = read(_NO_LEVELS).sheets[0]
    assert [(i.name, str(i.weight), i.target.raw) for i in sheet.indicators][:2] == [
        ("天然林和公益林管护当期任务完成率", "10", "90"), ("国家级公益林管护面积", "10", "28")]


def test_a_yes_no_column_after_the_points_ends_the_row_and_a_figure_with_its_unit_does_not():
    pieces = segment("指标名称计量单位指标值指标权重指标得分是否核心指标预算完成率%70%76%100%22是预算调整率%3%0100%22否结转结余率")
    assert pieces is not None and pieces.count(ROW_END) == 2 and pieces[pieces.index("是") + 1] == ROW_END
    # 成本 ends the name, 415 is weight and target with 万元 after it: no row ends there
    assert ROW_END not in (segment("一级指标二级指标三级指标成本指标经济成本指标办公所需成本415万元15万元4维修所需成本335万元35万元3") or ())


def test_a_percent_sign_after_a_name_in_run_together_text_is_the_unit_column_cell():
    # corpus 157: 指标名称 | 计量单位 | 年初指标值 …, the unit % fused onto the name before the target 70%
    pieces = segment("指标名称计量单位指标性质指标值指标权重指标得分预算完成率%70%76%100%22是预算调整率%3%0100%22否结转结余率")
    assert pieces is not None and pieces[pieces.index("预算完成率") + 1] == "%"


def test_several_rows_run_together_on_one_line_with_their_points_are_each_a_row():
    # corpus 164: a page's text kept a self-evaluation's rows on one line, each row's points one space after its
    # target; the total and the conclusion after the last row are no cell of it. The last name explains how it is
    # computed in brackets (a colon there does not make the line prose).
    document = read("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
                    "效益指标经济效益指标结余率(计算方法为:结余数/预算数)≤5% 22.5 合计100 评价结论及时、足额缴纳。")
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.operator.value, i.target.value, i.target.unit) for i in indicators] == [
        ("数量指标", "足额保障率", "=", Decimal("100"), "%"),
        ("数量指标", "科目调整次数", "≤", Decimal("10"), "次"),
        ("时效指标", "按时发放率", "=", Decimal("100"), "%"),
        ("经济效益指标", "结余率", "≤", Decimal("5"), "%"),
    ]
    assert indicators[-1].description == "计算方法为:结余数/预算数"
    assert any("评价结论" in d.message for d in document.diagnostics)


@pytest.mark.parametrize(("written", "name"), [
    ("重.要设备维修维保验收合格率", "重要设备维修维保验收合格率"),  # 004: a speck OCR read as a full stop
    ("重．要设备维修维保验收合格率", "重要设备维修维保验收合格率"),
    ("1.5米以上道路长度", "1.5米以上道路长度"),  # a decimal point stays
    ("指标1.道路长度", "道路长度"),  # the template's numbering is removed as before
])
def test_an_ocr_full_stop_between_two_characters_of_a_name_is_removed(written, name):
    assert clean_name(written) == name


def test_a_figure_run_together_text_cut_off_the_end_of_a_name_stays_in_the_name():
    # corpus 116: a self-evaluation run together on one line; a name ending with a figure (…补助1000万元) is cut
    # before it, leaving its row one cell too long with two figures of one unit before the actual
    document = read("项目名称东津院区建设补助一级指标二级指标三级指标年初目标值实际完成值得分产出指标数量指标成本控制"
                    "不超过预算不超过预算10成本指标每年财政补助1000万元1000万元1000万元10效益指标经济效益指标"
                    "完成东津院区建设,医院东津医疗收入达到5亿元5亿元6.47亿元10")
    assert [(i.name, i.target.value, i.target.unit) for i in document.sheets[0].indicators[1:]] == [
        ("每年财政补助1000万元", Decimal("1000"), "万元"),
        ("完成东津院区建设,医院东津医疗收入达到5亿元", Decimal("5"), "亿元"),
    ]


def test_a_run_together_self_evaluation_whose_rows_leave_out_their_empty_unit_and_nature_cells():
    # corpus 157: the header holds a heading OCR scrambled (年成值全完值) between known ones, and each row run
    # together drops its empty cells: 指标性质 everywhere, 计量单位 where the target is a word; a count's unit cell
    # runs onto its name (…次数次 | 26次)
    document = read("部门整体绩效自评表指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)"
                    "指标得分(分)预算完成率%70%76%100%22是资金使用合规性好好100%55否党性教育培训次数次26次12次100%55是")
    assert [(i.name, i.target.value, i.target.unit, i.target.qualitative)
            for i in document.sheets[0].indicators] == [
        ("预算完成率", Decimal("70"), "%", None),
        ("资金使用合规性", None, None, "好"),
        ("党性教育培训次数", Decimal("26"), "次", None),
    ]
    # the scrambled heading holds several columns (…得分系数): the row's figures are read from the right, its
    # weight and score printed as one number cut where score = weight × coefficient
    assert [(item.actual_raw, item.weight, item.score) for item in document.sheets[0].evaluation.items] == [
        ("76%", Decimal("2"), Decimal("2")), ("好", Decimal("5"), Decimal("5")), ("12次", Decimal("5"), Decimal("5"))]
    assert "分值与得分连写“22”" in " ".join(d.message for d in document.diagnostics)
    # the form prints these columns, so the audit asks for their blanks
    assert {"权重", "得分", "实际完成值"} <= set(document.sheets[0].form_fields)
    # the figures read are kept beside the printed cells under the form's Chinese names, never the internal kinds
    assert {key: document.sheets[0].indicators[0].extra.get(key) for key in ("实际完成值", "得分", "score")} == {
        "实际完成值": "76%", "得分": "2", "score": None}


@pytest.mark.parametrize("rows, expected", [
    # a row printing only its coefficient and points: its target and actual are empty, the cell is no target
    ("“三公经费变动率%100%22否", (None, None, "%", Decimal("2"), Decimal("2"))),
    # an actual run onto the coefficient (0 | 100%): cut where the coefficient fits the points
    ("预算调整率%3%0100%22否", ("3%", "0", "%", Decimal("2"), Decimal("2"))),
    # a qualitative target and the actual repeating it run together in the unit's place
    ("管理制度健全性高高100%33否", ("高", "高", None, Decimal("3"), Decimal("3"))),
    # a score short of the weight: 80% of 10
    ("业务保障能力提升%90%85%80%108否", ("90%", "85%", "%", Decimal("10"), Decimal("8"))),
])
def test_a_run_together_self_evaluation_row_is_read_from_the_right_by_its_coefficient(rows, expected):
    # corpus 157's form: 年初指标值 | 调整指标值 | 全年完成值 | 得分系数 | 指标权重 | 指标得分 | 是否核心指标, its empty
    # cells dropped and the headings between the target's and the weight's run into one
    document = read("部门整体绩效自评表指标名称计量单位指标性质年初指标值调整指标值年成值全完值得分系数(%)指标权重(分)"
                    "指标得分(分)是否核心指标财政供养人员控制率%定量指标100%92%100%22否" + rows)
    indicator, item = document.sheets[0].indicators[1], document.sheets[0].evaluation.items[1]
    target = indicator.target.raw or indicator.target.qualitative
    assert (target, item.actual_raw, indicator.target.unit, item.weight, item.score) == expected


def test_the_vertical_label_copied_after_the_headings_is_no_column_of_the_rows():
    # corpus 176: a web copy, one cell per line ending with its bar, prints the form's vertical 绩效指标 label after
    # the headings; the rows after it are three cells each, the second target written without an operator
    document = read("\n".join([
        "一级指标 |", "二级指标 |", "三级指标 |", "单位 |", "指标值 | |", "绩效指标 |", "产出指标 |", "数量指标 |",
        "猪肉产量稳定率 |", "% |", "≥95% |", "能繁母猪稳定率 |", "% |", "90% | |||",
    ]))
    assert [(i.name, i.target.value, i.target.unit) for i in document.sheets[0].indicators] == [
        ("猪肉产量稳定率", Decimal("95"), "%"), ("能繁母猪稳定率", Decimal("90"), "%")]


def test_a_run_together_name_opening_with_quantities_and_a_doubled_figure_after_a_measure():
    # corpus 134: a name that opens with quantities (5000吨稻谷、500吨成品粮…) is no target followed by names; the
    # target and the actual of a measure, both 0, run together onto its name (…比例00)
    document = read("一级指标二级指标三级指标年度指标值全年完成值产出指标数量指标5000吨稻谷、500吨成品粮储备到位率100%100%"
                    "库存数量真实率100%100%质量指标县级储备粮库存粮食明显变质比例00时效指标县级储备粮贷款付息及时率100%100%")
    assert [(i.name, i.target.value) for i in document.sheets[0].indicators] == [
        ("5000吨稻谷、500吨成品粮储备到位率", Decimal("100")), ("库存数量真实率", Decimal("100")),
        ("县级储备粮库存粮食明显变质比例", Decimal("0")), ("县级储备粮贷款付息及时率", Decimal("100"))]


def test_a_run_together_row_after_a_yes_no_heading_with_its_nature_written_as_定量指标():
    # corpus 157: the header's last heading (是否核心指标) runs onto the first row's name, and the 指标性质 cell is
    # written 定量指标 right after the unit: neither belongs to the name, nor 定量指标 to the target
    document = read("部门整体绩效自评表指标名称计量单位指标性质年初指标值全年完成值指标权重(分)指标得分(分)是否核心指标"
                    "财政供养人员控制率%定量指标100%92%22否预算完成率%70%76%22是")
    assert [(i.name, i.target.value, i.target.unit) for i in document.sheets[0].indicators] == [
        ("财政供养人员控制率", Decimal("100"), "%"), ("预算完成率", Decimal("70"), "%")]


def test_the_remarks_heading_run_onto_the_first_row_s_name_is_a_column():
    # corpus 143: 说明, the header's last heading, runs onto the first row's name
    document = read("绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明天然林和公益林管护当期任务完成率"
                    "%≥90%1010010国家级公益林管护面积万亩≥28108.510")
    assert document.sheets[0].indicators[0].name == "天然林和公益林管护当期任务完成率"


def test_the_score_heading_run_onto_the_first_row_s_scrambled_level_and_a_score_onto_the_next_row_s():
    # corpus 136: OCR scrambled the level labels (产出指标 as 出标产指, 效益指标 as 益标效指); 得分, the header's last
    # heading, runs onto the first row's and the score ending a row onto the next row's
    document = read("二级指标三级指标年初目标值(A)实际完成值(B)得分出标产指数量指标补贴渔船数66%66%20质量指标渔船补贴发放率"
                    "100%100%10时效指标12月底之前完成100%100%10益标效指服务对象满意度退捕渔民抽样调查满意度90%90%40")
    assert [(i.name, item.actual_raw, item.score) for i, item in zip(
        document.sheets[0].indicators, document.sheets[0].evaluation.items)] == [
        ("补贴渔船数", "66%", Decimal("20")), ("渔船补贴发放率", "100%", Decimal("10")),
        ("12月底之前完成", "100%", Decimal("10")), ("退捕渔民抽样调查满意度", "90%", Decimal("40"))]


def test_a_row_s_last_figure_run_onto_the_next_row_s_template_numbering():
    # corpus 106: the score ending a row runs onto 指标2 opening the next one (…550万粒8指标2企业自行采购…)
    document = read("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标"
                    "指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8质量指标指标1采购的原原种合格率8≥90%90%8")
    assert [(i.name, i.target.value, i.target.unit) for i in document.sheets[0].indicators] == [
        ("免费发放原原种", Decimal("550"), "万粒"), ("企业自行采购", Decimal("200"), "万粒"),
        ("采购的原原种合格率", Decimal("90"), "%")]


@pytest.mark.parametrize(("text", "cells"), [
    # a name giving its unit in brackets, its target run onto it
    ("成本指标产出成本成本控制数(万元)63达成预期指标", ("成本控制数(万元)", "63")),
    ("成本指标产出成本补助标准(元/人)1200达成预期指标", ("补助标准(元/人)", "1200")),
    # a yes/no question, its answer run onto it
    ("效益指标社会效益公众知晓度是否明显提高是达成预期指标", ("公众知晓度是否明显提高", "是")),
    ("效益指标社会效益资金是否足额拨付否达成预期指标", ("资金是否足额拨付", "否")),
])
def test_a_target_run_onto_a_name_that_says_what_it_is_is_a_cell_of_its_own(text, cells):
    pieces = segment("一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施" + text)
    assert pieces[-3:-1] == cells


@pytest.mark.parametrize("name", [
    "建设项目个数(含续建)12",  # brackets that hold no unit: the figure may be the name's own
    "是否",  # the question word alone
])
def test_a_figure_or_a_yes_no_word_after_other_names_stays_in_them(name):
    pieces = segment("一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施效益指标社会效益" + name + "达成预期指标")
    assert name in pieces


@pytest.mark.parametrize("answer", ["是", "否"])
def test_a_yes_no_answer_after_a_question_cuts_a_stream_of_rows_like_a_value(answer):
    document = read("\n".join(["一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "未完成原因及改进措施",
                               "效益指标", "社会效益", "重大森林火灾", "0起", "达成预期指标",
                               "公众知晓度是否明显提高", answer, "达成预期指标"]))
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("重大森林火灾", "0起"), ("公众知晓度是否明显提高", answer)]



@pytest.mark.parametrize(("text", "expected"), [
    # short headings (目标值, 分值, 备注) run together after the longer ones: one heading each (corpus 030)
    ("评价指标评价内容指标名称指标说明目标值分值备注",
     ("评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注")),
    ("一级指标二级指标三级指标指标说明目标值分值", ("一级指标", "二级指标", "三级指标", "指标说明", "目标值", "分值")),
])
def test_short_headings_run_together_after_the_header_are_cut_apart(text, expected):
    assert segment(text) == expected


def test_an_evaluation_indicator_table_heads_its_levels_evaluation_indicator_and_content():
    # a 绩效评价指标表 names its level columns 评价指标 | 评价内容, then 指标名称 | 指标说明 | 目标值 | 分值
    document = read("\n".join([
        "某项目绩效评价指标表", "| 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值 | 备注 |",
        "| 产出指标 | 数量指标 | 享受资助人数 | 达到预计值 | 2100人 | 10 | |",
        "| 满意度指标 | 服务对象满意度指标 | 资助对象满意度 | 达到目标值 | ≥95% | 10 | |"]))
    assert [(i.level1, i.level2, i.name, i.description, i.target.raw, i.weight)
            for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "享受资助人数", "达到预计值", "2100人", Decimal(10)),
        ("满意度指标", "服务对象满意度指标", "资助对象满意度", "达到目标值", "≥95%", Decimal(10))]


@pytest.mark.parametrize(("text", "parts"), [
    # the points run onto the target's figure: one or two digits end the row
    ("产出数量指标享受资助人数达到预计值210010", (("level1", "产出"), ("level2", "数量指标"), ("name", "享受资助人数"),
                                                ("target", "达到预计值2100"), ("weight", "10"))),
    ("质量指标建档立卡学生全面覆盖100%10", (("level2", "质量指标"), ("name", "建档立卡学生全面覆盖"), ("target", "100%"),
                                          ("weight", "10"))),
    ("资金支出率达到目标值95%10", (("name", "资金支出率"), ("target", "达到目标值95%"), ("weight", "10"))),
    ("规章制度建立与否20", (("name", "规章制度建立与否"), ("weight", "20"))),  # no target: points only
    ("开展宣传活动3场5", None),  # a figure inside the name that no target shape explains
    ("总分", None),
])
def test_a_row_run_together_that_ends_in_its_points(text, parts):
    assert split_points_row(text) == parts


def test_rows_run_together_under_headings_whose_points_follow_the_target():
    # corpus 030: the header and each row on a line of its own, every cell run together
    document = read("\n".join([
        "某项目绩效评价指标表", "评价指标评价内容指标名称指标说明目标值分值备注",
        "产出数量指标享受资助人数达到预计值210010", "资金支出率达到目标值95%10", "质量指标建档立卡学生全面覆盖100%10",
        "时效指标及时发放率达到目标值95%以上20"]))
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.weight)
            for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "享受资助人数", "=", Decimal(2100), Decimal(10)),
        ("产出指标", "数量指标", "资金支出率", "=", Decimal(95), Decimal(10)),
        ("产出指标", "质量指标", "建档立卡学生全面覆盖", None, Decimal(100), Decimal(10)),
        ("产出指标", "时效指标", "及时发放率", "≥", Decimal(95), Decimal(20))]
    assert [d.code for d in document.diagnostics].count("P111") == 4


def test_traditional_cells_cut_from_run_together_text_keep_the_characters_they_were_written_in():
    # the cells are found on the Simplified reading (the vocabulary's), then given back as written
    assert split_run_together("產出指標數量指標村人居環境整治個數≥18個計劃標準") == (
        ("level1", "產出指標"), ("level2", "數量指標"), ("name", "村人居環境整治個數"), ("target", "≥18個"),
        ("after", "計劃標準"))
    assert split_points_row("產出數量指標享受資助人數達到預計值210010") == (
        ("level1", "產出"), ("level2", "數量指標"), ("name", "享受資助人數"), ("target", "達到預計值2100"),
        ("weight", "10"))
    assert split_prose("數量指標：開展培訓8次；編製規劃3個") == (
        (("level2", "數量指標"),), (("name", "開展培訓"), ("target", "8次")), (("name", "編製規劃"), ("target", "3個")))
    # a pinyin gloss and the template's numbering go, the characters stay (a speck between two characters too)
    assert clean_name("指標1:受益人口數(shù)") == "受益人口數"
    assert clean_name("重.要設備維修次數") == "重要設備維修次數"


def test_a_traditional_name_run_on_into_the_next_fields_is_cut_at_their_label():
    # a project name cell run on into 主管部門… (a whole form on one line): the label is found in Traditional too
    document = read("水土保持監測績效自評表 項目名稱 水土保持監測主管部門黃岡市水利和湖泊局項目實施單位本單位\n"
                    "| 一級指標 | 二級指標 | 三級指標 | 指標值 |\n"
                    "| 產出指標 | 數量指標 | 監測站點數 | ≥12個 |\n")
    [sheet] = document.sheets
    assert sheet.name == "水土保持監測"
    assert [(i.level2, i.name, i.target.value) for i in sheet.indicators] == [("数量指标", "監測站點數", Decimal("12"))]


def test_a_traditional_table_run_together_on_one_line_keeps_its_names_as_written():
    # the cells are found on the Simplified reading; the names and explanations come back as the line writes them
    document = read("一級指標二級指標績效標準當年預期實現值數量指標大樓維修次數反映全年維修情況2280次"
                    "質量指標維修驗收合格率反映維修質量情況>92%設備更新驗收合格率反映設備更新情況292%")
    assert [(i.level2, i.level2_raw, i.name, i.description, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "數量指標", "大樓維修次數", "反映全年維修情況", "2280次"),
        ("质量指标", "質量指標", "維修驗收合格率", "反映維修質量情況", ">92%"),
        ("质量指标", "質量指標", "設備更新驗收合格率", "反映設備更新情況", "292%")]


def test_a_figure_shared_out_with_各_opens_the_target_in_run_together_text():
    # corpus 173: 指标 | 指标内容 | 指标值 run together, one report of each kind (年度、半年): 各 is the target's word
    sheet = read("指标 指标内容 指标值产出指标 年度、半年趋势报告次数 各 1 次发生动态与短期预报报告次数 2000 次"
                 "汇总突发事件季度报告次数 4 次测报准确率 85%").sheets[0]
    assert [(i.name, i.target.raw, i.target.value, i.target.unit) for i in sheet.indicators][:2] == [
        ("年度、半年趋势报告次数", "各 1 次", Decimal(1), "次"), ("发生动态与短期预报报告次数", "2000 次", Decimal(2000), "次")]


def test_a_run_together_table_written_with_full_width_figures_reads_as_with_ascii_ones():
    # corpus 030 with its figures typed full-width (９５％, ２１００１０): the rows are cut on the same figures
    lines = ["2019年度宁晋县高中助学金项目绩效评价指标表", "评价指标评价内容指标名称指标说明目标值分值备注",
             "产出数量指标享受资助人数达到预计值210010", "资金支出率达到目标值95%10", "质量指标建档立卡学生全面覆盖100%10",
             "时效指标及时发放率达到目标值100%20"]
    full = [line.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"} | {ord("%"): "％"}) for line in lines]
    ascii_rows = [(i.level2, i.name, i.weight) for i in read("\n".join(lines)).sheets[0].indicators]
    assert [(i.level2, i.name, i.weight) for i in read("\n".join(full)).sheets[0].indicators] == ascii_rows
    assert len(ascii_rows) == 4


def test_a_name_run_into_its_kind_cell_gives_the_kind_back_to_its_column():
    # corpus 218 (a PDF's text): 提升工作效率定性 is the name and the 指标性质 cell with no space between them
    document = read("\n".join([
        "项目名称 项目单位 项目类别 预算数 年度绩效目标 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值",
        "效益指标(30分) 可持续影响 推动业务装备建设的标准化规范化配置 定性", "长期", "15",
        "社会效益 提升工作效率定性 定性", "有效提升", "15",
        "产出指标(50分) 成本指标 车辆购置成本 反向 小于等于 12 万元 5"]))
    names = [(i.name, i.target.raw) for i in document.sheets[0].indicators]
    assert ("提升工作效率", "有效提升") in names
    assert any("“提升工作效率定性”按形式拆分" in d.message for d in document.diagnostics)


@pytest.mark.parametrize("nature", ["性标定指", "标性定指", "定性标指"])
def test_a_nature_cell_ocr_scrambled_is_a_cell_and_the_same_grade_twice_after_it_is_target_and_actual(nature):
    # corpus 157: the 指标性质 cell 定性指标 read column by column (性标定指) ran onto the name, and the grade 高,
    # the target and the actual, after it (高高)
    document = read("部门整体绩效自评表指标名称计量单位指标性质年初指标值全年完成值指标权重(分)指标得分(分)是否核心指标"
                    f"财政供养人员控制率%定量指标100%92%22否管理制度健全性{nature}高高33否预算完成率%70%76%22是")
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("财政供养人员控制率", "100%"), ("管理制度健全性", "高"), ("预算完成率", "70%")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["92%", "高", "76%"]


@pytest.mark.parametrize("name", ["指定标准完成率", "指标定性评价完成率"])
def test_the_nature_words_inside_a_name_in_another_order_are_no_nature_cell(name):
    # 指定 (designated) and a name opening with 指标 hold the four characters in an order a name may have
    pieces = segment("指标名称计量单位指标性质年初指标值全年完成值指标权重(分)指标得分(分)是否核心指标"
                     f"财政供养人员控制率%定量指标100%92%22否{name}%100%92%22否")
    assert name in pieces


@pytest.mark.parametrize(("row", "weight", "target", "actual"), [
    # the weight ran into the target, the actual repeats it after a mark OCR made of its operator
    ("一级种薯推广面积占总面积比例880%^80%8", Decimal("8"), "80%", "^80%"),
    ("一级种薯推广面积占总面积比例880%`80%8", Decimal("8"), "80%", "`80%"),
    # the weight and that mark ran onto the name, the mark standing alone again before the actual
    ("种薯亩均收入较鲜薯亩均收入8工5%工5%8", Decimal("8"), "工5%", "工5%"),
])
def test_a_weight_run_into_a_target_whose_actual_carries_an_ocr_mark(row, weight, target, actual):
    # corpus 106 (Ningxia 自评表 run together): 分值 | 年度指标值 | 全年实际值 | 得分, the weight 8 before the target
    document = read("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标"
                    "指标1免费发放原原种8550万粒550万粒8指标2企业自行采购8200万粒200万粒8"
                    f"效益指标(40分)社会效益指标指标1{row}")
    sheet = document.sheets[0]
    indicator, item = sheet.indicators[-1], sheet.evaluation.items[-1]
    assert (indicator.name, indicator.target.raw) == (row[:row.index("8")], target)
    assert (item.weight, item.actual_raw, item.score) == (weight, actual, Decimal("8"))


@pytest.mark.parametrize(("pieces", "joined"), [
    (["880%", "^", "80%", "8"], ["880%", "^80%", "8"]),
    (["5%", "工", "5%", "8"], ["5%", "工5%", "8"]),
    (["90%", "%", "90%"], ["90%", "%", "90%"]),  # a unit's cell is no mark
    (["880%", "^", "70%", "8"], ["880%", "^", "70%", "8"]),  # another figure after the mark: not the target again
    (["10%", "±", "10%", "5"], ["10%", "±", "10%", "5"]),  # a sign that means something
])
def test_a_mark_alone_between_a_target_and_its_actual_joins_the_actual(pieces, joined):
    from jixiao.documents.pipeline.labels import _stray_marks_on

    pieces = ["name", *pieces]
    _stray_marks_on(pieces)
    assert pieces == ["name", *joined]


@pytest.mark.parametrize(("row", "name", "target", "value", "actual"), [
    # the unit column's cell ran onto a count's name, the mark OCR made of the target's operator after it
    ("组织宣传活动次数次到0次43次100%1010是", "组织宣传活动次数", "到0次", "到0", "43次"),
    ("党性教育培训次数次26次12次100%55是", "党性教育培训次数", "26次", None, "12次"),
])
def test_a_count_s_unit_cell_and_an_ocr_mark_run_onto_its_name(row, name, target, value, actual):
    # corpus 157: 指标名称 | 计量单位 | 指标性质 | 年初指标值 | …, the 指标性质 cell empty on counts
    document = read("部门整体绩效自评表指标名称计量单位指标性质年初指标值全年完成值得分系数(%)指标权重(分)指标得分(分)"
                    "是否核心指标财政供养人员控制率%定量指标100%92%100%22否预算完成率%70%76%100%22是" + row)
    indicator = document.sheets[0].indicators[-1]
    assert (indicator.name, indicator.target.raw, indicator.target.unit, indicator.target.qualitative) == (
        name, target, "次", value)
    assert document.sheets[0].evaluation.items[-1].actual_raw == actual


@pytest.mark.parametrize(("text", "marked"), [
    ("到0次", True), ("^80%", True), ("工5%", True), ("80%", False), ("约5%", False), ("到0", False), ("^80", False),
    ("±10%", False), ("~80%", False)])
def test_a_figure_behind_an_ocr_mark(text, marked):
    from jixiao.documents.pipeline.labels import is_marked_figure

    assert is_marked_figure(text) is marked


_FLOW_HEAD = ("2020年市级示范资金项目自评表 项目名称 2020年市级示范资金 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
              "外包合同金额(万美元) 20000 23333.56 10 支持示范项目建设、外 包企业数量 3 3 10 ")


@pytest.mark.parametrize(("row", "name", "target", "actual", "score"), [
    # the name's lines fill the column's width (that of the wrapped name above), then the target's lines theirs
    ("社会效益 指标 企业把握政治导向和文 化方向情况 企业把握正 确政治导向 和文化方向 情况的评价",
     "企业把握政治导向和文化方向情况", "企业把握正确政治导向和文化方向情况的评价", None, None),
    # a short name is a line of its own; the target's last line falls short and the actual begins
    ("质量指标 企业国际质量提升 获得目的国 (地区)受 众欢迎 受目的国受 众欢迎显著 10",
     "企业国际质量提升", "获得目的国(地区)受众欢迎", "受目的国受众欢迎显著", Decimal("10")),
])
def test_a_pdf_flow_row_whose_cells_wrapped_over_fixed_width_lines(row, name, target, actual, score):
    # corpus 205: a PDF's text flow, each wrapped line of a cell a piece of its own
    sheet = read(_FLOW_HEAD + row).sheets[0]
    indicator, item = sheet.indicators[-1], sheet.evaluation.items[-1]
    assert (indicator.name, indicator.target.raw, item.actual_raw, item.score) == (name, target, actual, score)


def test_words_after_a_name_are_not_joined_by_width_when_no_name_of_the_flow_wrapped_before():
    # (corpus 167: 保障人民群众基本文化权益 | 影响程度 | 明显, cells of a flow no fixed width wrapped)
    head = _FLOW_HEAD.replace("支持示范项目建设、外 包企业数量 3 3 10 ", "外包离岸金额(万美元) 4500 4557.51 10 ")
    sheet = read(head + "社会效益 指标 企业把握政治导向和文 化方向情况 企业把握正 确政治导向 和文化方向 情况的评价").sheets[0]
    assert sheet.indicators[-1].name == "企业把握政治导向和文"


@pytest.mark.parametrize(("actual", "split"), [
    ("15万元", True),  # the actual repeats the target the weight ran into (415万元): the 4 after it is the score
    ("12万元", False),  # no such repeat: the figure may open the next row's name
])
def test_a_score_run_onto_the_next_name_after_an_actual_with_its_unit(actual, split):
    # corpus 104 (Ningxia 自评表, OCR run together): 分值 | 年度指标值 | 全年实际值 | 得分
    pieces = segment("一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标成本指标"
                     f"办公所需成本415万元{actual}4维修(维护)所需成本335万元35万元3")
    assert (["4", "维修(维护)所需成本"] == [*pieces[pieces.index(actual) + 1:][:2]]) is split


@pytest.mark.parametrize(("row", "cells"), [
    # the weight run into the date target, the actual the date again, the score after its deadline word
    ("公用经费完成时间52021年12月完成2021年12月完成4", ["52021年12月完成", "2021年12月完成", "4"]),
    ("资金拨付时间2021年6月底前完成2021年6月底前完成5", ["2021年6月底前完成", "2021年6月底前完成", "5"]),
])
def test_a_date_target_cut_at_its_year_and_month_is_one_cell_again(row, cells):
    # corpus 104 (Ningxia 自评表, OCR run together)
    pieces = segment("一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标时效指标(5分)" + row
                     + "成本指标(10分)办公所需成本415万元15万元4")
    start = pieces.index("成本指标(10分)") - len(cells)
    assert list(pieces[start:start + len(cells)]) == cells
