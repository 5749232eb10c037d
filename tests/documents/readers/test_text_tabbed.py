from decimal import Decimal

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes


def tab_text(*rows: list[str], before: str = "某某项目绩效目标表\n") -> str:
    """The TAB layout: a TAB before each cell, a blank line between rows."""
    body = "\n".join("\n".join(f"\t{cell}" for cell in row) + "\n" for row in rows)
    return before + body


HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
PROJECT = ["项目编码", "P-001", "项目名称", "道路养护经费"]
# The grid's last part: a text file whose grid stops before it is reported as a possible partial copy (P119).
SATISFACTION = ["满意度指标", "服务对象满意度指标", "群众满意度", "", "≥90%", ""]


def read_text(text: str, encoding: str = "utf-8"):
    return read_bytes(text.encode(encoding), "测试.txt")


def test_single_sheet_without_overall_goals():
    document = read_text(tab_text(PROJECT, HEADER, ["产出指标", "数量指标", "养护里程", "全年养护", "≥12公里", "计划标准"],
                                  SATISFACTION))
    assert document.overall is None
    (sheet,) = document.sheets
    assert (sheet.code, sheet.name, sheet.title) == ("P-001", "道路养护经费", "某某项目绩效目标表")
    assert sheet.indicators[0].target.value == Decimal(12)
    assert document.diagnostics == []


def test_a_grid_that_stops_before_satisfaction_at_the_end_of_the_file_may_be_a_partial_copy():
    # corpus 128, 142: web copies cut the table off after the output rows
    document = read_text(tab_text(PROJECT, HEADER, ["产出指标", "数量指标", "养护里程", "全年养护", "≥12公里", "计划标准"]))
    (diagnostic,) = document.diagnostics
    assert (diagnostic.code, diagnostic.location.sheet, diagnostic.location.table) == ("P119", "P-001", 1)
    assert "养护里程" in diagnostic.message and diagnostic.severity.value == "info"


def test_gbk_file_is_read_with_an_info_diagnostic():
    document = read_text(tab_text(PROJECT, HEADER, ["产出指标", "数量指标", "养护里程", "", "≥12公里", ""], SATISFACTION),
                         "gbk")
    assert document.sheets[0].name == "道路养护经费"
    assert [d.code for d in document.diagnostics] == ["P109"]


def test_crlf_line_endings():
    text = tab_text(PROJECT, HEADER, ["产出指标", "数量指标", "养护里程", "", "≥12公里", ""]).replace("\n", "\r\n")
    assert read_text(text).sheets[0].indicators[0].name == "养护里程"


def test_sheet_without_indicator_header_is_diagnosed_with_its_name():
    document = read_text(tab_text(PROJECT, ["预算数", "10.00"]))
    (diagnostic,) = document.diagnostics
    assert diagnostic.code == "P101" and diagnostic.location.sheet == "P-001"
    assert "没有找到指标表头" in diagnostic.message and diagnostic.location.file == "测试.txt"


def test_unknown_level_names_are_diagnosed_at_their_row_and_column():
    document = read_text(tab_text(PROJECT, HEADER, ["产出类", "数量指标", "养护里程", "", "≥12公里", ""], SATISFACTION))
    (diagnostic,) = document.diagnostics
    assert diagnostic.code == "P104" and diagnostic.location.column == "一级指标"
    assert diagnostic.location.line is not None and "产出类" in diagnostic.message


def test_amount_that_is_not_a_number():
    document = read_text(tab_text(PROJECT, ["预算规模及资金用途", "预算数", "十八万", "其中：财政资金", "18.00"], HEADER,
                                  ["产出指标", "数量指标", "养护里程", "", "≥12公里", ""], SATISFACTION))
    assert document.sheets[0].budget.total is None
    (diagnostic,) = document.diagnostics
    assert diagnostic.code == "P106" and "十八万" in diagnostic.message


def test_plan_with_more_labels_than_values():
    document = read_text(tab_text(PROJECT, ["资金支出计划（%）", "3月底", "6月底", "12月底"], ["", "30", "100"], HEADER,
                                  ["产出指标", "数量指标", "养护里程", "", "≥12公里", ""], SATISFACTION))
    assert [d.code for d in document.diagnostics] == ["P107"]


def test_full_width_labels_and_values():
    document = read_text(tab_text(["项目编码：", "P-002", "项目名称：", "农田建设"],
                                  ["预算规模及资金用途", "预算数", "１８．００", "其中：财政资金", "１８．００"], HEADER,
                                  ["产出指标", "数量指标", "新建农田", "", "≥ １０００ 亩", ""]))
    sheet = document.sheets[0]
    assert sheet.code == "P-002" and sheet.budget.total == Decimal("18.00")
    assert (sheet.indicators[0].target.value, sheet.indicators[0].target.unit) == (Decimal(1000), "亩")


def test_label_and_value_in_one_cell():
    document = read_text(tab_text(["项目名称：农田建设", "项目编码：P-003"], HEADER, ["产出指标", "数量指标", "新建农田", "", "≥1000亩", ""]))
    assert (document.sheets[0].name, document.sheets[0].code) == ("农田建设", "P-003")


def test_two_sheets_without_titles_are_split_at_the_next_project_row():
    text = tab_text(PROJECT, HEADER, ["产出指标", "数量指标", "养护里程", "", "≥12公里", ""],
                    ["项目编码", "P-002", "项目名称", "农田建设"], HEADER, ["产出指标", "数量指标", "新建农田", "", "≥1000亩", ""], before="")
    assert [s.code for s in read_text(text).sheets] == ["P-001", "P-002"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "文件是空的"),
        (b"   \n\n", "文件是空的"),
        (b"\x00\x01\x02binary", "不是文本文件"),
        (b"PK\x03\x04truncated", "压缩包不完整"),
        ("随便写的一段话，没有表格。".encode(), "没有找到绩效目标表"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "旧版"),
        ('{"sheets": "x"}'.encode(), "不是 jixiao 交换格式"),
    ],
)
def test_files_that_are_not_goal_documents(data, reason):
    with pytest.raises(NotAGoalDocument) as raised:
        read_bytes(data, "坏文件.txt")
    assert reason in raised.value.message and raised.value.message.startswith("坏文件.txt")


def test_tab_text_with_cells_but_no_goal_table():
    with pytest.raises(NotAGoalDocument, match="没有找到绩效目标表"):
        read_text("\tA\n\tB\n\n\tC\n\tD\n\n\tE\n")
