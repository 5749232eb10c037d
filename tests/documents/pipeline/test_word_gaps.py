"""Text whose cells are joined by single spaces (layout family 3: text taken out of an .xls or a PDF), on
compact made-up cases of the shapes seen in real documents (see ../shared/corpus/README.md)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.tokens import LineKind, text_lines


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def test_single_spaces_separate_cells_when_most_rows_are_joined_by_them():
    lines = text_lines("一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 流转土地 >=60亩\n")
    assert [(line.kind, line.texts) for line in lines] == [
        (LineKind.ROW, ["一级指标", "二级指标", "三级指标", "指标值"]),
        (LineKind.ROW, ["产出指标", "数量指标", "流转土地", ">=60亩"]),
    ]
    assert all(token.offset is None for line in lines for token in line.tokens)  # single gaps do not line up


def test_single_spaces_stay_inside_cells_when_wider_gaps_separate_them():
    lines = text_lines("一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  流转 土地  >=60亩\n"
                       "年度 目标  完成 情况\n")
    assert lines[1].texts == ["产出指标", "数量指标", "流转 土地", ">=60亩"]


def test_a_gapped_table_reads_rows_whose_level_cells_were_merged():
    document = read(
        "项目名称 乡村旅游基础设施",
        "绩效指标 一级指标 二级指标 三级指标 指标值 备注",
        "产出指标 数量指标 建设工程面积 >=20平方米",
        "流转土地 >=60亩",
        "成本指标 流转土地补助标准 <=475元/亩",
        "满意度指标 服务对象满意度指标 游客满意度 >=90%",
    )
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.operator, str(i.target.value), i.target.unit)
            for i in indicators] == [
        ("产出指标", "数量指标", "建设工程面积", "≥", "20", "平方米"),
        ("产出指标", "数量指标", "流转土地", "≥", "60", "亩"),
        ("产出指标", "成本指标", "流转土地补助标准", "≤", "475", "元/亩"),
        ("满意度指标", "服务对象满意度指标", "游客满意度", "≥", "90", "%"),
    ]


def test_a_gapped_line_longer_than_any_row_is_a_table_that_lost_its_line_breaks():
    words = ("项目名称 委托业务 年度总体目标 完成委托 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
             "产出指标 数量指标 委托业务项目数量 ≥50个 50 8 8 质量指标 报告合格率 ≥100% 100 8 8 "
             "满意度指标 服务对象满意度指标 公众满意度 ≥90% 95% 10 10")
    lines = text_lines(words + "\n" + "甲 乙\n")
    assert all(line.kind is LineKind.CELL for line in lines[:-1]) and lines[-1].kind is LineKind.ROW
    indicators = read(words).sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        ("数量指标", "委托业务项目数量", "≥50个"), ("质量指标", "报告合格率", "≥100%"),
        ("服务对象满意度指标", "公众满意度", "≥90%")]


def test_headings_written_word_by_word_over_two_lines_are_joined_and_a_wrapped_row_is_completed():
    document = read(
        "某项目绩效自评表",
        "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施",
        "指标值 完成值",
        "产出指标 数量指标 指标1:修缮建筑数量 完成三处祠堂日常维护 完成三处祠堂日常维护",
        "7 7",
        "指标2:修缮建筑面积 6000平方米 6000平方米 7 6",
    )
    sheet = document.sheets[0]
    assert sheet.form_fields[3:5] == ["指标值", "实际完成值"]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("修缮建筑数量", "完成三处祠堂日常维护"), ("修缮建筑面积", "6000平方米")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("完成三处祠堂日常维护", 7, 7), ("6000平方米", 7, 6)]
    assert not [d for d in document.diagnostics if d.code == "P108"]  # ``7 7`` is not a row without a name


def test_a_row_that_leaves_its_target_blank_still_gives_its_points_to_the_point_columns():
    document = read(
        "某项目绩效自评表",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
        "产出指标 数量指标 指标1:完成节水改造项目数量 1 1 10 10",
        "质量指标 指标1:工程质量合格 10 9",
        "满意度指标 服务对象满意度指标 指标1:服务对象满意度 90% 100% 10 10",
    )
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("完成节水改造项目数量", "1"), ("工程质量合格", ""), ("服务对象满意度", "90%")]
    assert [(item.actual_raw, item.weight, item.score) for item in sheet.evaluation.items] == [
        ("1", 10, 10), (None, 10, 9), ("100%", 10, 10)]


def test_level_names_broken_over_lines_are_joined_and_unfilled_template_rows_are_reported():
    document = read(
        "某项目绩效自评表",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 指标1:完成节水改造项目数量 1 1 10 10",
        "指标2:",
        "……",
        "效益指标",
        "经济效益",
        "指标",
        "指标1:全市安全度汛 10 10",
        "可持续影",
        "响指标",
        "指标1:已建工程良性运行 10 10",
    )
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [
        ("产出指标", "数量指标", "完成节水改造项目数量"), ("效益指标", "经济效益指标", "全市安全度汛"),
        ("效益指标", "可持续影响指标", "已建工程良性运行")]
    (unfilled,) = [d for d in document.diagnostics if d.code == "P108"]
    assert unfilled.location.line == 4 and "指标2:" in unfilled.message


def test_in_a_table_that_lost_its_line_breaks_a_row_ends_with_its_points():
    words = ("项目名称 委托业务 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
             "产出指标(50分) 质量指标 报告合格率 ≥100% 100 8 8 经费支出合规性 严格执行相关制度规定 达成预期指标 8 7 "
             "时效指标 提交报告及时性 按时完成 达成预期指标 8 8 满意度指标(10分) 服务对象满意度指标 公众满意度 ≥90% 95% 10 10")
    sheet = read(words).sheets[0]
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "质量指标", "报告合格率", "≥100%"), ("产出指标", "质量指标", "经费支出合规性", "严格执行相关制度规定"),
        ("产出指标", "时效指标", "提交报告及时性", "按时完成"), ("满意度指标", "服务对象满意度指标", "公众满意度", "≥90%")]
    assert [(item.weight, item.score) for item in sheet.evaluation.items] == [(8, 8), (8, 7), (8, 8), (10, 10)]


def test_a_signature_block_ends_the_grid_and_bare_template_residue_leaves_the_name():
    document = read(
        "一级指标 二级指标 三级指标 指标值 备注",
        "效益指标 社会效益指标 受益建档立卡贫困人口数≥**人 >=29人",
        "游客满意度(≥**%) >=90%",
        "财政部门支出股室初审意见 (盖章)",
        "区扶贫办审核意见 (盖章)",
    )
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("受益建档立卡贫困人口数", ">=29人"), ("游客满意度", ">=90%")]


def test_the_pre_2018_form_reads_the_indicator_measuring_each_goal_under_its_level_row():
    words = ("项目名称: 某专项 单位:万元 资金总额 35,543.19 绩效目标名称 目标值 评价指标 标准值 目标值制订说明 "
             "一、投入目标 1.预算投入资金 35543.19万元 预算完成率 =100% 财政管理统一要求 "
             "2.实际到位资金 35543.19万元 资金到位率 =100% 财政管理统一要求 "
             "二、管理目标 资产管理 执行统一规定 资产管理规范度 =100% 财政管理统一要求 项目管理 执行统一规定")
    document = read(words)
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.raw, i.extra.get("绩效目标名称"), i.extra.get("目标值")) for i in indicators] == [
        ("预算完成率", "=100%", "1.预算投入资金", "35543.19万元"), ("资金到位率", "=100%", "2.实际到位资金", "35543.19万元"),
        ("资产管理规范度", "=100%", "资产管理", "执行统一规定")]
    # the framework's level names are kept as written and reported as outside the vocabulary
    assert any(d.code == "P104" and "投入目标" in d.message and d.location.line == 1 for d in document.diagnostics)


def test_a_row_number_cell_opens_a_row_of_qualitative_targets_in_the_pre_2018_form():
    # 037: rows numbered 1-1, 1-2 whose targets are words (合规, 完整): the number, not an anchor, cuts the rows
    words = ("项目名称: 某专项 单位:万元 资金总额 35,543.19 绩效目标名称 目标值 评价指标 标准值 目标值制订说明 "
             "二、管理目标 资产管理 执行统一规定 资产管理规范度 =100% 财政管理统一要求 "
             "1-1 项目立项 合规 项目立项合规性 合规 财政管理统一要求 "
             "1-2 项目组织机构建设 完整 项目组织机构建设完整性 完整 财政管理统一要求")
    indicators = read(words).sheets[0].indicators
    assert [(i.name, i.target.raw, i.extra.get("绩效目标名称")) for i in indicators] == [
        ("资产管理规范度", "=100%", "资产管理"), ("项目立项合规性", "合规", "项目立项"),
        ("项目组织机构建设完整性", "完整", "项目组织机构建设")]


def test_the_web_pages_furniture_does_not_outvote_a_table_that_lost_its_line_breaks():
    words = ("一级指标 二级指标 三级指标 年度指标值 产出指标 数量指标 委托业务项目数量 ≥50个 质量指标 报告合格率 ≥100% "
             "满意度指标 服务对象满意度指标 公众满意度 ≥90%")
    # two lines with a wide gap each would count as spaced rows and leave the table one unsplit cell
    document = read("来源：县财政局    发布时间：2023-05-16 10:21", "打印本页    关闭窗口", words, "第 1 页 共 3 页")
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "委托业务项目数量", "≥50个"), ("质量指标", "报告合格率", "≥100%"),
        ("服务对象满意度指标", "公众满意度", "≥90%")]


def test_a_space_inside_the_templates_bracketed_residue_cuts_no_cell():
    # 收益率( ≥**% ): the form's residue written with spaces inside its brackets is one cell with its name
    lines = text_lines("一级指标 二级指标 三级指标 指标值\n效益指标 经济效益指标 *资产股权年收益率( ≥**% ) >=8%\n"
                       "满意度指标 服务对象满意度指标 满意度(达到 >=95%\n")
    assert lines[1].texts == ["效益指标", "经济效益指标", "*资产股权年收益率( ≥**% )", ">=8%"]
    assert lines[2].texts == ["满意度指标", "服务对象满意度指标", "满意度(达到", ">=95%"]  # never closed: as cut
