from decimal import Decimal

from jixiao.documents import read_bytes
from jixiao.documents.blocks import Cell, Layout, Paragraph, Row
from jixiao.documents.pipeline import read_layout


def interpret(layout, source, file_format):
    return read_layout(layout, source, file_format)[0]


def _rows(*rows: list[str]) -> list[Row]:
    return [Row([Cell(text, column) for column, text in enumerate(row)], table=1, row=number)
            for number, row in enumerate(rows, start=1)]


HEADER = ["项目名称", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "计划1"]


def test_long_layout_from_any_format_with_shared_title():
    rows = _rows(HEADER, ["甲", "完成建设", "产出指标", "数量指标", "a", "1个", ""], ["", "", "", "", "b", "2个", ""],
                 ["乙", "", "效益指标", "社会效益指标", "c", "提升", ""])
    layout = Layout("test", [Paragraph("2024年度项目支出绩效目标表"), Paragraph("单位：万元"), *rows])
    document = interpret(layout, "long", "test")
    first, second = document.sheets
    assert (first.title, first.year, first.money_unit, first.goals) == ("2024年度项目支出绩效目标表", 2024, "万元", ["完成建设"])
    assert [i.name for i in first.indicators] == ["a", "b"] and first.indicators[1].level2 == "数量指标"
    assert (second.name, second.title, [i.name for i in second.indicators]) == ("乙", first.title, ["c"])
    assert (first.table, second.table) == (1, 2)


def test_spending_plan_columns_of_a_long_layout():
    rows = _rows(["项目名称", "3月底", "6月底", "一级指标", "三级指标", "指标值"], ["甲", "30", "60", "产出指标", "a", "1个"])
    (sheet,) = interpret(Layout("test", rows), "long", "test").sheets
    assert [(c.label, c.percent) for c in sheet.spend_plan] == [("3月底", Decimal(30)), ("6月底", Decimal(60))]


def test_long_layout_in_tab_separated_text():
    lines = ["\t项目名称\n\t预算数\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值",
             "\t甲\n\t10.00\n\t产出指标\n\t数量指标\n\ta\n\t1个",
             "\t\n\t\n\t\n\t\n\tb\n\t2个"]
    (sheet,) = read_bytes("\n\n".join(lines).encode(), "long.txt").sheets
    assert (sheet.name, sheet.budget.total, [i.name for i in sheet.indicators]) == ("甲", Decimal("10.00"), ["a", "b"])


def test_a_unit_cell_merged_down_and_a_departments_total_row_in_a_long_layout():
    # corpus 003's rows as a grid gives them: the department's total above its unit's projects, the unit's cell
    # (with its code) filled on the unit's first project only
    rows = _rows(["单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"],
                 ["820-马踏镇部门", "8,827,620.53", "", "", "", "", ""],
                 ["820001-井研县马踏镇人民政府", "村组干部报酬", "3,309,840.00", "效益指标", "社会效益指标", "维护社会稳定", "≥95%"],
                 ["", "基层组织活动经费", "660,000.00", "产出指标", "数量指标", "行政村数量", "=11个"])
    document = interpret(Layout("test", rows), "long", "test")
    assert [(s.name, s.budget.total, s.unit.code, s.unit.name) for s in document.sheets] == [
        ("村组干部报酬", Decimal("3309840.00"), "820001", "井研县马踏镇人民政府"),
        ("基层组织活动经费", Decimal("660000.00"), "820001", "井研县马踏镇人民政府")]
    assert [d.code for d in document.diagnostics if d.severity != "info"] == []
