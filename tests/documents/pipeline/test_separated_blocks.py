"""A PDF's text flow that prints a table's names and its figures in separate blocks (:mod:`jixiao.documents.pipeline.
separated`): the first row's name, every row's figures one row after another, the totals, then the other names with
the level cells among them. Rows from corpus 208 (上海市普陀区体育事业管理中心 2022 自评表, one cell per line)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.separated import separated_rows
from jixiao.documents.pipeline.tokens import Token

_HEAD = ["财政项目支出绩效自评表", "项目名称", "普陀体育中心与委托运营方结算费用", "一级指标", "二级指标", "数量指标", "三级指标",
         "与委托运营方结算完成", "年度指标值", "实际完成值", "分值", "得分"]
_FIGURES = ["=100%", "100%", "10", "10", "=100%", "100%", "20", "20", "及时", "及时", "20", "20",
            "=100%", "100%", "30", "30", ">=90%", "100%", "10", "10"]
_NAMES = ["率", "产出指标", "质量指标", "绩效指标", "时效指标", "效益指标", "社会效益指标", "合同结算条款完成率", "费用结算及时性",
          "与委托运营方合同完成", "率", "满意度指标", "服务对象满意度指标", "场馆开放满意度"]


def read(cells: list[str]):
    return read_text("\n".join(cells).encode(), "208.txt")


def test_names_printed_after_the_figures_are_paired_with_them_in_order():
    document, accounting = read([*_HEAD, *_FIGURES, "100", "98.62", *_NAMES, "总分"])
    sheet = document.sheets[0]
    rows = [(i.level1_raw, i.level2_raw, i.name, i.target.raw) for i in sheet.indicators]
    assert rows == [
        ("产出指标", "数量指标", "与委托运营方结算完成率", "=100%"),  # its wrapped end (率) printed after the figures
        ("产出指标", "质量指标", "合同结算条款完成率", "=100%"),
        ("产出指标", "时效指标", "费用结算及时性", "及时"),
        ("效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%"),
        ("满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%"),
    ]
    items = sheet.evaluation.items
    assert [(item.actual_raw, item.weight, item.score) for item in items][2:4] == [
        ("及时", Decimal(20), Decimal(20)), ("100%", Decimal(30), Decimal(30))]
    assert sheet.evaluation.total == Decimal("98.62")  # the 总分 row's score, its label printed after the names
    paired = [d for d in document.diagnostics if d.code == "P111" and "分开印出" in d.message]
    assert len(paired) == 5 and "场馆开放满意度" in paired[-1].message
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_names_that_do_not_count_up_are_not_paired_and_the_row_says_why():
    names = [text for text in _NAMES if text != "费用结算及时性"]  # four names for five rows of figures
    document, _ = read([*_HEAD, *_FIGURES, "100", "98.62", *names, "总分"])
    assert not any("按顺序配对：" in d.message for d in document.diagnostics)
    (refused,) = [d for d in document.diagnostics if "数目不符" in d.message]
    assert refused.code == "P102" and "5行数值、4个名称" in refused.message


def test_figures_after_the_names_are_no_table_printed_in_blocks():
    # a row of its own after the names: the block of figures is not the table's last rows
    document, _ = read([*_HEAD, *_FIGURES, *_NAMES, "预算执行率", "100%", "100%", "10", "10"])
    assert not any("分开印出" in d.message for d in document.diagnostics)


def _tokens(texts: list[str]) -> list[Token]:
    return [Token(text, line) for line, text in enumerate(texts, 1)]


_SLOTS = ["name", "target", "actual", "weight", "score"]


def test_each_name_takes_the_levels_before_it_when_the_flow_prints_fewer_level_names_than_rows():
    flow = ["产出指标", "数量指标", "开放天数", "≥300天", "310天", "40", "40", "≥20万人次", "25万人次", "30", "30",
            "≥90%", "95%", "30", "30", "接待人次", "满意度指标", "服务对象满意度指标", "群众满意度"]
    separated = separated_rows(_tokens(flow), _SLOTS)
    assert [(row.levels.get("level2"), row.name, row.figures["target"]) for row in separated.rows] == [
        ("数量指标", "开放天数", "≥300天"), (None, "接待人次", "≥20万人次"), ("服务对象满意度指标", "群众满意度", "≥90%")]
    assert not separated.levels_in_order and sum(row.tokens for row in separated.rows) == len(flow)


def test_two_names_before_the_figures_are_left_to_the_usual_alignment():
    # names printed before their figures are the usual stream's to pair (a wrapped name beside a row's figures)
    flow = ["数量指标", "开放天数", "接待人次", "≥300天", "310天", "40", "40", "≥20万人次", "25万人次", "30", "30"]
    assert separated_rows(_tokens(flow), _SLOTS) is None


def test_a_header_with_columns_other_than_figures_after_the_name_is_never_read_in_blocks():
    flow = ["数量指标", "开放天数", "≥300天", "310天", "40", "40", "≥20万人次", "25万人次", "30", "30", "接待人次"]
    assert separated_rows(_tokens(flow), ["name", "unit", "target", "actual", "weight", "score"]) is None


def test_level_cells_broken_among_the_names_and_numbered_names_wrapped_in_pieces():
    # corpus 161 (a spreadsheet's text, the Shanxi 自评表): the last rows' figures, then the totals, then their
    # names, the template's numbering (指标1:) opening each and a wrapped name's rest without it; the merged level
    # cells broken around them (效益指 | 标(30 | 分), 服务对象满 | 指标1:是否满意 | (10分 | 意度指标 | )) and a
    # heading's word (年度) left among them
    head = ["项目支出绩效自评表", "项目名称", "参保资助", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施", "产出指标", "时效指标", "指标1:资金是否全部及时纳", "入"]
    figures = ["100%", "100%", "10", "10", "75元", "75元", "10", "10", "95%", "95%", "30", "27", "95%", "95%", "10", "9"]
    names = ["成本指标", "指标1:配套资金每人每年", "效益指", "标(30", "分)", "年度", "社会效益", "指标1:是否解决建档立卡人",
             "员看病难贵问题", "满意度指标", "服务对象满", "指标1:是否满意", "(10分", "意度指标", ")"]
    document, accounting = read([*head, *figures, "100", "94", *names, "总分"])
    sheet = document.sheets[0]
    assert [(i.level2, i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("时效指标", "资金是否全部及时纳入", "100%", Decimal(10)),
        ("成本指标", "配套资金每人每年", "75元", Decimal(10)),
        ("社会效益指标", "是否解决建档立卡人员看病难贵问题", "95%", Decimal(30)),
        ("服务对象满意度指标", "是否满意", "95%", Decimal(10)),
    ]
    assert [item.score for item in sheet.evaluation.items] == [Decimal(10), Decimal(10), Decimal(27), Decimal(9)]
    assert sheet.evaluation.total == Decimal(94)
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_a_name_without_numbering_among_numbered_ones_after_a_level_cell_is_a_name_of_its_own():
    # (the rest of a numbered name follows it right away; after a level cell a text opens the next row's name)
    head = ["项目支出绩效自评表", "项目名称", "参保资助", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
            "产出指标", "数量指标", "指标1:参保人数"]
    figures = ["100人", "100人", "50", "50", "95%", "95%", "50", "45"]
    document, _ = read([*head, *figures, "100", "95", "满意度指标", "群众满意度", "总分"])
    assert [(i.level1, i.name) for i in document.sheets[0].indicators] == [
        ("产出指标", "参保人数"), ("满意度指标", "群众满意度")]


# A regional goal table whose PDF text printed its columns one after another, each merged level cell at the height of
# its middle row, so among the names (made up, one space between cells as a document site extracts them); the copy
# ends on the 指标值 heading, before the values.
_CENTRED = ("专项名称 农村饮水安全补助资金 主管部门 省水利厅 资金额度 860 万 一级 指标 二级指标 三级指标 "
            "维修水厂数 新建管网长度 {first} 绩 效 指 标 产 出 指 标 数量指标 改造入户数 受益人口数 水质达标率 质量指标 "
            "供水保证率 工程验收合格率 群众饮水负担减轻程度 效果指标 社会效益指标 满意度指标 服务对象 受益群众满意度 满意度指标 "
            "用水户满意度 指标值")


def test_a_column_of_names_with_its_level_names_printed_in_the_middle_of_their_groups_is_grouped_by_what_each_measures():
    document, accounting = read_text(_CENTRED.format(first="培训管水员人数").encode(), "centred.txt")
    (sheet,) = document.sheets
    assert [(i.level2, i.name) for i in sheet.indicators] == [
        ("数量指标", "维修水厂数"), ("数量指标", "新建管网长度"), ("数量指标", "培训管水员人数"),
        ("数量指标", "改造入户数"), ("数量指标", "受益人口数"),  # the counts stay with 数量指标, printed after three
        ("质量指标", "水质达标率"), ("质量指标", "供水保证率"), ("质量指标", "工程验收合格率"),  # the rates
        ("社会效益指标", "群众饮水负担减轻程度"),
        ("服务对象满意度指标", "受益群众满意度"), ("服务对象满意度指标", "用水户满意度"),  # its cell broken around a name
    ]
    assert all(i.target.raw == "" for i in sheet.indicators)  # the values are after the cut
    assert [d.code for d in document.diagnostics if d.code == "P124"] == ["P124"]
    grouped = [d for d in document.diagnostics if d.code == "P111" and "名称的中间" in d.message]
    assert len(grouped) == len(sheet.indicators)
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_names_whose_kinds_do_not_say_where_two_groups_part_are_not_grouped_by_guess():
    # between 社会效益指标 and 可持续影响指标 two counts, a kind neither level says it measures: not grouped by guess
    text = ("专项名称 乡村旅游补助资金 主管部门 省文旅厅 资金额度 300 万 一级 指标 二级指标 三级指标 新建旅游厕所数 "
            "新建停车位数 产 出 指 标 数量指标 培训从业人员人数 设施验收合格率 质量指标 带动农户增收人数 效果指标 社会效益指标 "
            "受益群众人数 宣传覆盖人次数 可持续影响指标 设施使用年限 指标值")
    document, _ = read_text(text.encode(), "unsure.txt")
    assert not any("名称的中间" in d.message and d.code == "P111" for d in document.diagnostics)
    assert any("无法从名称判断" in d.message for d in document.diagnostics)
