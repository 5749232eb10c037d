import io
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.readers.xlsx_reader import display_number, read_xlsx
from jixiao.model import Operator
from tests.documents.office_files import HEADER, LEFT, SAMPLE_TABLE, UP, xlsx_file


# -- cells -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (18, "0.00", "18.00"),
        (18.0, "General", "18"),
        (0.1 + 0.2, "General", "0.3"),
        (0.3, "0%", "30%"),
        (0.305, "0.00%", "30.50%"),
        (1234.5, "#,##0.00", "1234.50"),
        (2.675, "0.00", "2.68"),
        # of the literal text, an operator before the number and a unit after it are the target's (a form types
        # 95 and shows 95%, or 18 and shows 18个); other words are not
        (12.5, '0.0"万元"', "12.5万元"),
        (18, '0"个"', "18个"),
        (95, '0"%"', "95%"),
        (95, "0\\%", "95%"),
        (1200, 'General"人次"', "1200人次"),
        (0.95, '"≥"0%', "≥95%"),
        (0.95, '0%"达标"', "95%"),
        (3, '"第"0"季度"', "3"),
        (5, '0"0"', "5"),
        (1e16, "General", "10000000000000000"),
        # General as a Chinese Excel or WPS writes it in a custom format, plain or under Chinese numerals ([DBNum1])
        (42.5, "G/通用格式", "42.5"),
        (0.955, "[DBNum1][$-804]G/通用格式", "0.955"),
        (1200, 'G/通用格式"人次"', "1200人次"),
    ],
)
def test_numbers_read_as_excel_displays_them(value, number_format, shown):
    assert display_number(value, number_format) == shown


def _workbook_bytes(fill) -> bytes:
    workbook = openpyxl.Workbook()
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_cells_read_with_their_number_formats_and_dates():
    def fill(sheet):
        for column, (value, number_format) in enumerate(
            [(0.95, "0%"), (18, "0.00"), (0.3333, "0.0%"), (12, "General"), (date(2024, 3, 1), "yyyy-mm-dd"),
             (datetime(2024, 3, 1, 9, 30), "yyyy-mm-dd hh:mm"), (1234.5, "#,##0.00"), ("0.95", "0%")], start=1):
            cell = sheet.cell(1, column, value)
            cell.number_format = number_format

    (row,) = read_xlsx(_workbook_bytes(fill), "x.xlsx").blocks
    assert row.texts == ["95%", "18.00", "33.3%", "12", "2024-03-01", "2024-03-01 09:30:00", "1234.50", "0.95"]


def test_workbooks_with_one_style_part_share_its_reading():
    # Workbooks of one template carry the same styles part: it is understood once, and each workbook still reads
    # its numbers by it.
    from jixiao.documents.readers.xlsx_reader import _styles_of

    def fill(value):
        def filler(sheet):
            sheet.cell(1, 1, value).number_format = "0%"
            sheet.cell(1, 2, 18).number_format = "0.00"
        return filler

    first, second = _workbook_bytes(fill(0.95)), _workbook_bytes(fill(0.5))
    (row,) = read_xlsx(first, "a.xlsx").blocks
    before = _styles_of.cache_info()
    (other,) = read_xlsx(second, "b.xlsx").blocks
    after = _styles_of.cache_info()
    assert (row.texts, other.texts) == (["95%", "18.00"], ["50%", "18.00"])
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 0)


def _requoted(data: bytes, parts: tuple[str, ...]) -> bytes:
    """The workbook with ``parts`` rewritten in single-quoted attributes (valid XML that Excel does not write)."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            target.writestr(name, content.replace(b'"', b"'") if name in parts else content)
    return buffer.getvalue()


@pytest.mark.parametrize("parts", [(), ("xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")])
def test_number_formats_found_through_escaped_sheet_names_custom_codes_and_any_quoting(parts):
    def fill(sheet):
        sheet.title = "项目&明细"  # written escaped (&amp;) in workbook.xml
        for column, (value, number_format) in enumerate([(0.95, '0%"达标"'), (7.5, "0.00"), (0.125, "General")], 1):
            sheet.cell(1, column, value).number_format = number_format

    (row,) = read_xlsx(_requoted(_workbook_bytes(fill), parts), "x.xlsx").blocks
    assert row.texts == ["95%", "7.50", "0.125"]


def _prefixed(data: bytes) -> bytes:
    """The workbook with its worksheet's tags written with a namespace prefix (``<x:c r="A1" s="1">``: valid XML that
    Excel does not write)."""
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<(/?)(\w+)([\s>/])", rb"<\1x:\2\3", content).replace(b'xmlns="', b'xmlns:x="')
            target.writestr(name, content)
    return buffer.getvalue()


def test_number_formats_found_on_cells_whose_tags_carry_a_namespace_prefix():
    # (the cells' tags are searched for without a prefix where none can stand, with it here)
    def fill(sheet):
        sheet.cell(1, 1, 0.95).number_format = "0%"
        sheet.cell(1, 2, 7.5).number_format = "0.00"
        sheet.cell(2, 1, "项目名称")

    data = _prefixed(_workbook_bytes(fill))
    assert b"<x:c " in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert [row.texts for row in read_xlsx(data, "x.xlsx").blocks] == [["95%", "7.50"], ["项目名称"]]


def test_hidden_rows_and_columns_are_left_out_and_named():
    def fill(sheet):
        sheet.append(["a", "secret", "b"])
        sheet.append(["hidden row", "x", ""])
        sheet.append(["c", "", "d"])
        sheet.column_dimensions["B"].hidden = True
        sheet.row_dimensions[2].hidden = True

    layout = read_xlsx(_workbook_bytes(fill), "x.xlsx")
    assert [(row.row, row.texts) for row in layout.blocks] == [(1, ["a", "b"]), (3, ["c", "d"])]
    (hidden,) = layout.diagnostics
    assert hidden.code == "P116" and "3个单元格" in hidden.message and "B1、A2、B2" in hidden.message


@pytest.mark.parametrize(("row", "column"), [
    ('<row r="2" spans="1:3" ht="0" customHeight="1">', '<col min="2" max="2" width="0" customWidth="1"/>'),
    ('<row r="2" spans="1:3" ht="0.0" customHeight="1">', '<col min="2" max="2" width="0.0"/>'),
], ids=["zero", "zero-point-zero"])
def test_rows_and_columns_shown_at_no_height_or_width_are_hidden(row, column):
    # a row dragged shut, or set to height 0 by a program (WPS, an export), without hidden="1": nobody sees its
    # cells, so they are left out and named as the hidden ones are (P116)
    def fill(sheet):
        sheet.append(["a", "secret", "b"])
        sheet.append(["shut row", "x", ""])
        sheet.append(["c", "", "d"])
        sheet.column_dimensions["B"].width = 30  # (a <col> element to rewrite)

    def shut(xml: bytes) -> bytes:
        xml = re.sub(rb'<row r="2"[^>]*>', row.encode(), xml)
        return re.sub(rb"<col [^>]*/>", column.encode(), xml)

    layout = read_xlsx(_rewrite(_workbook_bytes(fill), "xl/worksheets/sheet1.xml", shut), "x.xlsx")
    assert [(r.row, r.texts) for r in layout.blocks] == [(1, ["a", "b"]), (3, ["c", "d"])]
    (hidden,) = layout.diagnostics
    assert (hidden.code, hidden.location.table, hidden.params["count"]) == ("P116", 1, "3")
    assert hidden.message == "工作表“Sheet”中隐藏的行或列有3个单元格未读取：B1、A2、B2"


def test_a_row_of_some_height_is_shown():
    def fill(sheet):
        sheet.append(["a", "b"])
        sheet.append(["c", "d"])
        sheet.row_dimensions[2].height = 0.75  # (a thin row, still shown)

    layout = read_xlsx(_workbook_bytes(fill), "x.xlsx")
    assert [r.texts for r in layout.blocks] == [["a", "b"], ["c", "d"]]
    assert layout.diagnostics == []


def test_a_hidden_worksheet_is_left_out_and_named():
    # a template's hidden worksheet of drop-down lists (一级指标 / 二级指标 over 指标值) would be a goal sheet nobody
    # filled in
    workbook = openpyxl.Workbook()
    lists = workbook.active
    lists.title = "下拉选项"
    lists.append(["一级指标", "二级指标", "指标值"])
    lists.append(["产出指标", "数量指标", "≥95%"])
    lists.sheet_state = "hidden"
    workbook.create_sheet("项目1").append(["项目名称", "乡镇环境治理经费"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    layout = read_xlsx(buffer.getvalue(), "x.xlsx")
    assert [(row.table, row.texts) for row in layout.blocks] == [(2, ["项目名称", "乡镇环境治理经费"])]
    assert [(d.code, d.message, d.location.table) for d in layout.diagnostics] == [
        ("P150", "工作表“下拉选项”已隐藏，未读取", 1)]


def test_formulas_read_as_their_cached_values():
    # Excel saves a formula with the value it last computed; openpyxl writes none, so the value is put back here
    def fill(sheet):
        sheet.append(["分值", "得分"])
        sheet.append([10.0, 9.5])
        sheet.append([20.0, 18.0])
        sheet.append(["合计", 27.5])

    data = _workbook_bytes(fill)
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = re.sub(rb'(<c r="B4"[^>]*>)(<v>)', rb"\1<f>SUM(B2:B3)</f>\2", content)
                assert b"<f>SUM(B2:B3)</f>" in content
            target.writestr(name, content)
    assert [row.texts for row in read_xlsx(buffer.getvalue(), "x.xlsx").blocks] == [
        ["分值", "得分"], ["10", "9.5"], ["20", "18"], ["合计", "27.5"]]


def test_merged_cells_horizontal_is_one_cell_vertical_continues_empty():
    layout = read_xlsx(xlsx_file([["a", LEFT, "b"], [UP, LEFT, "c"]]), "x.xlsx")
    first, second = layout.blocks
    assert [(c.text, c.column) for c in first.cells] == [("a", 0), ("b", 2)]
    assert [(c.text, c.column) for c in second.cells] == [("", 0), ("c", 2)]


def test_rows_carry_worksheet_and_row_numbers_and_skip_empty_rows():
    layout = read_xlsx(xlsx_file([["a", "b"], ["", ""], ["c", "d"]], [["e", "f"]]), "x.xlsx")
    assert [(row.table, row.row) for row in layout.blocks] == [(1, 1), (1, 3), (2, 1)]


def test_a_one_column_worksheet_is_prose():
    layout = read_xlsx(xlsx_file([["总体绩效目标"], ["1、改善生态环境"]]), "x.xlsx")
    assert [type(block).__name__ for block in layout.blocks] == ["Paragraph", "Paragraph"]


def test_a_stale_dimension_does_not_cut_rows():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目名称", "甲"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    damaged = _rewrite(buffer.getvalue(), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'ref="A1:B1"', b'ref="A1"'))
    assert read_xlsx(damaged, "x.xlsx").blocks[0].texts == ["项目名称", "甲"]


# -- goal sheets -----------------------------------------------------------------------------------------------
def test_the_sample_layout_on_a_worksheet_with_numbers():
    table = [["乡镇环境治理经费（西留村）绩效目标表", LEFT], ["434016遵化市西留村乡人民政府", LEFT], *SAMPLE_TABLE]
    table = [[18 if cell == "18.00" else cell for cell in row] for row in table]
    document = read_bytes(xlsx_file(table), "sample.xlsx")
    (sheet,) = document.sheets
    assert document.diagnostics == []
    assert (sheet.title, document.unit.code, sheet.code) == ("乡镇环境治理经费（西留村）绩效目标表", "434016", "434-4.05-JXN-4QXO")
    assert sheet.budget.total == Decimal(18)
    assert [c.percent for c in sheet.spend_plan] == [Decimal(30), Decimal(60), Decimal(90), Decimal(100)]
    assert [i.level1 for i in sheet.indicators] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert sheet.indicators[2].level2 == "质量指标"


def test_several_worksheets_are_several_sheets():
    first = [["甲绩效目标表"], ["项目名称", "甲"], HEADER[:4], ["产出指标", "数量指标", "a", "1个"]]
    second = [["乙绩效目标表"], ["项目名称", "乙"], HEADER[:4], ["产出指标", "数量指标", "b", "2个"]]
    document = read_bytes(xlsx_file(first, second), "x.xlsx")
    assert [(s.name, s.indicators[0].name) for s in document.sheets] == [("甲", "a"), ("乙", "b")]


_GRID = [HEADER[:4], ["产出指标", "数量指标", "养护里程", "≥20公里"]]


@pytest.mark.parametrize(("worksheets", "tabs", "names", "from_tabs"), [
    ([_GRID], ["乡村道路养护"], ["乡村道路养护"], [(1, "乡村道路养护")]),
    ([[["年度资金总额（万元）", 18], *_GRID]], ["乡村道路养护"], ["乡村道路养护"], [(1, "乡村道路养护")]),
    ([_GRID], ["Sheet1"], [None], []),
    ([_GRID], ["附表2"], [None], []),
    ([_GRID], ["2024年项目支出绩效目标表"], [None], []),
    ([_GRID], ["2024"], [None], []),
    ([[["项目名称", "农村饮水安全"], *_GRID]], ["乡村道路养护"], ["农村饮水安全"], []),
    ([[["村级道路养护项目绩效目标表"], *_GRID]], ["乡村道路养护"], ["村级道路养护项目"], []),
    ([_GRID, _GRID], ["乡村道路养护", "农村饮水安全"], ["乡村道路养护", "农村饮水安全"],
     [(1, "乡村道路养护"), (2, "农村饮水安全")]),
    ([_GRID, _GRID], ["目录", "农村饮水安全"], [None, "农村饮水安全"], [(2, "农村饮水安全")]),
], ids=["tab-only", "tab-with-amount", "sheet1", "appendix", "form-kind", "year", "name-row-wins", "title-wins",
        "two-projects", "generic-and-named"])
def test_a_worksheet_named_only_by_its_tab(worksheets, tabs, names, from_tabs):
    # units keep one project a worksheet and name only its tab; a generic tab (Sheet1, 附表2, 绩效目标表, a year)
    # names no project, and the sheet's own cells or title win over the tab
    document = read_bytes(xlsx_file(*worksheets, titles=tabs), "tabs.xlsx")
    assert [sheet.name for sheet in document.sheets] == names
    said = [d for d in document.diagnostics if d.code == "P153"]
    assert [(d.location.table, d.location.sheet) for d in said] == from_tabs
    assert all(f"“{name}”" in d.message and d.severity == "info" for d, (_, name) in zip(said, from_tabs))


LONG_HEADER = ["单位编码", "单位名称", "项目编码", "项目名称", "资金总额", "财政拨款", "年度绩效目标",
               "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性", "备注"]


def test_long_layout_one_row_per_indicator():
    table = [
        LONG_HEADER,
        ["434016", "西留村乡", "P-1", "环境治理", 18, 18, "改善环境", "产出指标", "数量指标", "治理村数", "≥", 18, "个", 20, "正向", "略"],
        ["", "", "", "", "", "", "", "", "", "垃圾桶", "≥", 100, "个", 10, "正向", ""],
        ["", "", "", "", "", "", "", "效益指标", "社会效益指标", "满意度", "≥", 90, "%", 10, "正向", ""],
        ["434016", "西留村乡", "P-2", "维稳", 15, 15, "维护稳定", "产出指标", "质量指标", "调解成功率", "≥", 95, "%", 20, "正向", ""],
    ]
    document = read_bytes(xlsx_file(table), "long.xlsx")
    first, second = document.sheets
    assert (first.code, first.name, first.budget.total, first.goals) == ("P-1", "环境治理", Decimal(18), ["改善环境"])
    assert (first.unit.code, first.unit.name) == ("434016", "西留村乡")
    assert [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit) for i in first.indicators] == [
        ("产出指标", "数量指标", "治理村数", Operator.GE, Decimal(18), "个"),
        ("产出指标", "数量指标", "垃圾桶", Operator.GE, Decimal(100), "个"),
        ("效益指标", "社会效益指标", "满意度", Operator.GE, Decimal(90), "%"),
    ]
    assert [i.row for i in first.indicators] == [2, 3, 4] and second.indicators[0].row == 5
    assert first.indicators[0].basis is None  # 备注 is not an indicator column
    assert (second.code, len(second.indicators)) == ("P-2", 1)


def test_long_layout_with_merged_project_cells_and_two_header_rows():
    table = [
        ["项目名称", "资金总额", LEFT, "一级指标", "二级指标", "三级指标", "指标值", LEFT],
        [UP, "财政资金", "其他资金", UP, UP, UP, "中长期指标值", "年度指标值"],
        ["甲项目", 10, 2, "产出指标", "数量指标", "a", "≥10个", "≥5个"],
        [UP, UP, UP, UP, "质量指标", "b", "100%", "100%"],
        ["乙项目", 3, 0, "产出指标", "数量指标", "c", "≥2个", "≥1个"],
    ]
    first, second = read_bytes(xlsx_file(table), "long.xlsx").sheets
    assert (first.name, first.budget.fiscal, first.budget.other) == ("甲项目", Decimal(10), Decimal(2))
    assert [(i.name, i.long_term_target.raw, i.target.raw) for i in first.indicators] == [
        ("a", "≥10个", "≥5个"), ("b", "100%", "100%")
    ]
    assert [i.level1 for i in first.indicators] == ["产出指标", "产出指标"]
    assert second.name == "乙项目"


def test_long_layout_repeating_the_project_on_every_row_is_one_project():
    table = [["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
             ["甲", "产出指标", "数量指标", "a", "1个"], ["甲", "产出指标", "数量指标", "b", "2个"]]
    (sheet,) = read_bytes(xlsx_file(table), "long.xlsx").sheets
    assert [i.name for i in sheet.indicators] == ["a", "b"]


# -- damaged files ---------------------------------------------------------------------------------------------
def _rewrite(data: bytes, member: str, change) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, change(content) if item.filename == member else content)
    return buffer.getvalue()


def test_a_damaged_worksheet_is_reported_by_name_and_the_others_are_read():
    good = [["项目名称", "甲"], HEADER[:4], ["产出指标", "数量指标", "a", "1个"]]
    data = xlsx_file(good, good, titles=["好表", "坏表"])
    data = _rewrite(data, "xl/worksheets/sheet2.xml", lambda xml: xml[: xml.index(b"<sheetData>") + 40])
    document = read_bytes(data, "x.xlsx")
    assert len(document.sheets) == 1
    (problem,) = [d for d in document.diagnostics if d.code == "P112"]
    assert "坏表" in problem.message and problem.location.table == 2


def test_a_truncated_workbook_is_not_a_goal_document():
    with pytest.raises(NotAGoalDocument, match="损坏"):
        read_bytes(xlsx_file([["a"]])[:3000], "x.xlsx")


def test_a_corrupt_workbook_part_is_a_clear_error():
    data = _rewrite(xlsx_file([["a"]]), "xl/workbook.xml", lambda xml: b"<not-xml")
    with pytest.raises(NotAGoalDocument, match="Excel 文件已损坏"):
        read_bytes(data, "x.xlsx")


def test_a_workbook_without_goal_tables_is_not_a_goal_document():
    with pytest.raises(NotAGoalDocument, match="没有找到绩效目标表"):
        read_bytes(xlsx_file([["姓名", "年龄"], ["张三", 30]]), "x.xlsx")


# -- what Excel and WPS write that openpyxl's plain cells do not ---------------------------------------------------
def _real_form() -> bytes:
    """A workbook as a unit fills the standard form in Excel: a cover sheet first, then the form with its levels
    merged down, a target typed as a number under a percent format, one under a custom unit format, one in rich
    text, a deadline as a date, a text number kept by a leading apostrophe, a budget under a thousands format and a
    cell with line breaks."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    workbook = openpyxl.Workbook()
    cover = workbook.active
    cover.title = "封面"
    cover.append(["2024年度项目支出绩效目标申报表"])
    cover.append(["填报单位：某某县农业农村局"])
    form = workbook.create_sheet("目标表")
    form.append(["项目名称", "高标准农田建设"])
    form.append(["年度资金总额（元）", 1234567.5])
    form["B2"].number_format = "#,##0.00"
    form.append(["年度目标", "建成高标准农田\n提升粮食产能"])
    form.append(["一级指标", "二级指标", "三级指标", "指标值"])
    form.append(["产出指标", "数量指标", "新建面积", 12000])
    form["D5"].number_format = '"≥"0"亩"'
    form.append([None, "质量指标", "验收合格率", 0.95])
    form["D6"].number_format = "0%"
    form.append([None, "时效指标", "完工时间", date(2024, 12, 31)])
    form["D7"].number_format = 'yyyy"年"m"月"d"日"'
    form.append([None, "成本指标", "亩均投资", CellRichText([TextBlock(InlineFont(b=True), "≤"), "1500",
                                                      TextBlock(InlineFont(color="FF0000"), "元/亩")])])
    form.append(["效益指标", "社会效益指标", "项目编号", "0095"])
    form["D9"].quotePrefix = True
    form.merge_cells("A5:A8")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_form_filled_in_excel_after_a_cover_sheet():
    document = read_bytes(_real_form(), "form.xlsx")
    (sheet,) = document.sheets
    assert (sheet.name, sheet.budget.total, sheet.money_unit) == ("高标准农田建设", Decimal("1234567.50"), "元")
    # (the cover sheet's title is the form's; the cell's lines are two goals)
    assert (sheet.title, sheet.goals) == ("2024年度项目支出绩效目标申报表", ["建成高标准农田", "提升粮食产能"])
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "新建面积", "≥12000亩"), ("产出指标", "质量指标", "验收合格率", "95%"),
        ("产出指标", "时效指标", "完工时间", "2024年12月31日"), ("产出指标", "成本指标", "亩均投资", "≤1500元/亩"),
        ("效益指标", "社会效益指标", "项目编号", "0095")]
    area, rate = sheet.indicators[:2]
    assert (area.target.operator, area.target.value, area.target.unit) == (Operator.GE, Decimal(12000), "亩")
    assert (rate.target.value, rate.target.unit) == (Decimal(95), "%")
    assert document.diagnostics == []


def test_error_values_are_read_as_shown_and_formulas_without_values_are_named():
    # Excel saves #DIV/0! as an error value (calamine reads it as an empty cell); a program that writes formulas
    # without computing them (openpyxl, many export tools) leaves the cell with no value at all
    def fill(sheet):
        sheet.append(["分值", "得分", "执行率"])
        sheet.append([10, "=A2*0.9", "=B2/0"])
        sheet.append([20, "=A3", "=SUM(A2:A3)"])

    data = _workbook_bytes(fill)
    data = _rewrite(data, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb'<c r="C2"><f>B2/0</f><v></v></c>', b'<c r="C2" t="e"><f>B2/0</f><v>#DIV/0!</v></c>', xml).replace(
        b'<c r="B2"><f>A2*0.9</f><v></v></c>', b'<c r="B2"><f>A2*0.9</f><v>9</v></c>'))
    layout = read_xlsx(data, "x.xlsx")
    assert [row.texts for row in layout.blocks] == [["分值", "得分", "执行率"], ["10", "9", "#DIV/0!"], ["20"]]
    assert [(d.code, d.message, d.location.table) for d in layout.diagnostics] == [
        ("P177", "工作表“Sheet”中有2个公式没有保存计算结果，读作空白：B3、C3", 1)]


def test_a_string_formula_that_computed_an_empty_text_is_no_missing_value():
    def fill(sheet):
        sheet.append(["备注", "=IF(1,\"\",\"x\")"])

    data = _rewrite(_workbook_bytes(fill), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b'<c r="B1"><f>', b'<c r="B1" t="str"><f>'))
    layout = read_xlsx(data, "x.xlsx")
    assert layout.diagnostics == []


@pytest.mark.parametrize(("number_format", "shown"), [('yyyy"年"m"月"', "2024年6月"), ("yyyy-mm", "2024-06"),
                                                      ('yyyy"年"m"月"d"日"', "2024年6月30日"), ("m/d", "2024-06-30"),
                                                      ('[$-804]yyyy"年"mm"月"dd"日";@', "2024年6月30日"),
                                                      ('yyyy"年"m"月"d"日" h:mm', "2024-06-30"),
                                                      # a Chinese locale's era year (e), under Chinese numerals
                                                      ('[DBNum1][$-804]e"年"m"月"', "2024年6月"),
                                                      ('e"年"m"月"d"日"', "2024年6月30日"),
                                                      ('[DBNum1][$-804]yyyy"年"m"月"', "2024年6月")])
def test_a_date_shown_as_a_month_reads_as_that_month(number_format, shown):
    # a deadline typed as a date under a format that shows only its month is that month, not its first or last day
    def fill(sheet):
        sheet.append(["完成时间", datetime(2024, 6, 30)])
        sheet["B1"].number_format = number_format

    assert read_xlsx(_workbook_bytes(fill), "x.xlsx").blocks[0].texts == ["完成时间", shown]


@pytest.mark.parametrize(("built_in", "shown"), [(31, "2024年12月31日"), (57, "2024年12月"), (58, "12月31日"),
                                                 (14, "2024-12-31")])
def test_a_date_under_a_chinese_built_in_format_reads_as_shown(built_in, shown):
    # Excel and WPS in Chinese write their date formats by number alone (31 is yyyy"年"m"月"d"日"), with no numFmt
    def fill(sheet):
        sheet.append(["完成时限", datetime(2024, 12, 31)])
        sheet["B1"].number_format = 'yyyy"年"m"月"d"日"'

    def by_number(xml: bytes) -> bytes:
        xml = re.sub(rb"<numFmts.*?</numFmts>", b"", xml, flags=re.S)
        return re.sub(rb'numFmtId="1[6-9][0-9]"', f'numFmtId="{built_in}"'.encode(), xml)

    data = _rewrite(_workbook_bytes(fill), "xl/styles.xml", by_number)
    assert read_xlsx(data, "x.xlsx").blocks[0].texts == ["完成时限", shown]


def test_a_deadline_shown_in_chinese_is_the_targets_date():
    table = [["项目名称", "甲"], HEADER[:3] + ["指标值"], ["产出指标", "时效指标", "完成时限", "x"]]

    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_file(table)))
    cell = workbook.active["D3"]
    cell.value, cell.number_format = datetime(2024, 12, 31), 'yyyy"年"m"月"d"日"'
    buffer = io.BytesIO()
    workbook.save(buffer)
    (indicator,) = read_bytes(buffer.getvalue(), "x.xlsx").sheets[0].indicators
    assert (indicator.name, indicator.target.raw, indicator.target.is_date) == ("完成时限", "2024年12月31日", True)


_PACKAGE = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default '
                           'Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                           '<Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
                   'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="xl/workbook.xml"/></Relationships>',
    "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                                  'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                                  'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                  'sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://'
                                  'schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                                  'Target="styles.xml"/></Relationships>',
    "xl/styles.xml": '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1">'
                     '<numFmt numFmtId="176" formatCode="0&quot;%&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
                     '<xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs>'
                     "</styleSheet>",
}


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_shared_strings_as_excel_writes_them(date1904):
    # openpyxl writes inline strings; Excel and WPS write every text once in sharedStrings.xml, in runs where its
    # formatting changes, with phonetic guides (not shown), _x000D_ escapes and preserved spaces; a Mac workbook
    # counts its dates from 1904
    shared = ("<si><t>三级指标</t></si><si><r><rPr><b/></rPr><t>≥</t></r><r><t>95</t></r><r><rPr><color "
              'rgb="FFFF0000"/></rPr><t>%</t></r></si><si><t>验收</t><rPh sb="0" eb="2"><t>yanshou</t></rPh>'
              '<phoneticPr fontId="1" type="noConversion"/></si><si><t xml:space="preserve">  完成时间 </t></si>'
              "<si><t>第一行_x000D_\n第二行</t></si>")
    serial = 45657 - 1462 if date1904 else 45657  # 2024-12-31
    sheet = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
             f'<c r="D1" s="2"><v>95</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>{serial}'
             '</v></c><c r="C2" t="s"><v>4</v></c></row>')
    members = {**_PACKAGE,
               "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r='
                                  '"http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                                  + ('<workbookPr date1904="1"/>' if date1904 else "")
                                  + '<sheets><sheet name="目标表" sheetId="1" r:id="rId1"/></sheets></workbook>',
               "xl/sharedStrings.xml": f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{shared}</sst>',
               "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                           f"<sheetData>{sheet}</sheetData></worksheet>"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    assert [row.texts for row in read_xlsx(buffer.getvalue(), "x.xlsx").blocks] == [
        ["三级指标", "≥95%", "验收", "95%"], ["完成时间", "2024-12-31", "第一行\n第二行"]]
