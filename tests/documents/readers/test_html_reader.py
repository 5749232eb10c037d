"""Reading published web pages: tables with merged cells, text around them, encodings, broken markup."""

from __future__ import annotations

import html

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.blocks import Paragraph, Row
from jixiao.documents.readers.html_reader import read_html
from tests.documents.readers.sample_grid import SheetGrid, assert_same_sheets, sample_grids


def _cell(text: str, colspan: int = 1, rowspan: int = 1, tag: str = "td") -> str:
    spans = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    return f"<{tag}{spans}>{'<br>'.join(html.escape(line) for line in text.split(chr(10)))}</{tag}>"


def sheet_html(grid: SheetGrid, title_inside: bool = False) -> str:
    """One sheet as a 政府信息公开 page shows it: a heading, the unit lines, then the table."""
    rows = "\n".join("<tr>" + "".join(_cell(s.text, s.colspan, s.rowspan) for s in row) + "</tr>" for row in grid.rows)
    heading = f"<h2 align=center>{html.escape(grid.title)}</h2>"
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in grid.lines)
    if title_inside:
        unit, money_unit = (html.escape(line) for line in grid.lines)
        rows = (f'<tr><th colspan="6">{html.escape(grid.title)}</th></tr>\n'
                f'<tr><td colspan="4">{unit}</td><td colspan="2">{money_unit}</td></tr>\n{rows}')
        heading = lines = ""
    return f"{heading}{lines}<table border=1>\n{rows}\n</table>"


def page(body: str, charset: str = "utf-8") -> str:
    return f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>绩效目标公开</title></head><body>{body}</body></html>'


def sample_page(**options) -> str:
    return page("\n".join(sheet_html(grid, **options) for grid in sample_grids()))


def test_sample_page_reads_like_the_text_export():
    assert_same_sheets(read_bytes(sample_page().encode(), "sample.html"))


def test_title_inside_the_table():
    assert_same_sheets(read_bytes(sample_page(title_inside=True).encode(), "sample.html"))


@pytest.mark.parametrize("charset", ["gb2312", "gbk", "GB18030"])
def test_gbk_pages_use_their_declared_charset(charset):
    document = read_bytes(sample_page().replace('charset="utf-8"', f'charset="{charset}"').encode("gb18030"), "p.html")
    assert_same_sheets(document)
    assert [d.code for d in document.diagnostics] == ["P109"]


def test_layout_table_wrapping_the_goal_tables_is_walked_through():
    inner = "\n".join(sheet_html(grid) for grid in sample_grids())
    body = f"<table><tr><td>导航</td></tr><tr><td>{inner}</td></tr></table>"
    assert_same_sheets(read_bytes(page(body).encode(), "wrapped.html"))


def test_rowspans_become_empty_cells_and_colspans_keep_their_start_column():
    layout = read_html(page(
        "<table><tr><td rowspan=2>产出指标</td><td colspan=2>数量指标</td><td>x</td></tr>"
        "<tr><td>a</td><td>b</td><td>c</td></tr></table>").encode(), "t.html")
    first, second = [b for b in layout.blocks if isinstance(b, Row)]
    assert [(c.text, c.column) for c in first.cells] == [("产出指标", 0), ("数量指标", 1), ("x", 3)]
    assert [(c.text, c.column) for c in second.cells] == [("", 0), ("a", 1), ("b", 2), ("c", 3)]
    assert (second.table, second.row) == (1, 2)


def test_cell_markup_entities_and_line_breaks():
    layout = read_html(page(
        "<table><tr><td><p>遵政字〔2017〕16号</p><p>《办法》</p></td>"
        "<td>&ge;90&#xFF05;<br/>&nbsp;第二行 </td><td><span>a</span>  <b>b</b></td></tr></table>").encode(), "t.html")
    assert [b for b in layout.blocks if isinstance(b, Row)][0].texts == ["遵政字〔2017〕16号\n《办法》", "≥90％\n第二行", "a b"]


def test_broken_markup_is_recovered():
    body = "<p>某项目绩效目标表<table><tr><td>一级指标<td>二级指标<td>三级指标<td>指标值<tr><td>产出指标<td>数量指标<td>户数<td>≥18户"
    document = read_bytes(page(body).encode(), "broken.html")
    (sheet,) = document.sheets
    assert sheet.title == "某项目绩效目标表"
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("户数", "≥18户")]


def test_paragraphs_outside_tables_are_kept_in_order():
    layout = read_html(page("<h1>标题</h1>正文<br>第二行<div>块<script>x()</script></div>").encode(), "t.html")
    assert [b.text for b in layout.blocks if isinstance(b, Paragraph)] == ["标题", "正文", "第二行", "块"]


def test_nested_table_inside_a_goal_cell_stays_in_the_cell():
    body = ("<table><tr><td>资金支出计划</td><td><table><tr><td>3月底</td><td>30</td></tr></table></td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr></table>")
    rows = [b for b in read_html(page(body).encode(), "t.html").blocks if isinstance(b, Row)]
    assert rows[0].texts == ["资金支出计划", "3月底 30"]


@pytest.mark.parametrize(
    "body, reason",
    [
        ("<p>本机关2024年政府信息公开工作年度报告</p><table><tr><td>收到申请</td><td>12</td></tr></table>", "没有找到绩效目标表"),
        ("<script>var a = 1;</script>", "网页中没有文字内容"),
    ],
)
def test_pages_without_a_goal_table_are_refused(body, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read_bytes(page(body).encode(), "report.html")
    assert error.value.message.startswith("report.html：") and reason in error.value.message


def test_missing_columns_and_full_width_text():
    body = ("<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值（年度）</th></tr>"
            "<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>改造户数</td><td>＞＝１８户</td></tr>"
            "<tr><td>时效指标</td><td>完成时间</td><td>≤１２月</td></tr></table>")
    (sheet,) = read_bytes(page(body).encode(), "t.html").sheets
    assert [(i.level1, i.level2, i.name, i.description, i.target.raw, str(i.target.value)) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "改造户数", None, "＞＝１８户", "18"), ("产出指标", "时效指标", "完成时间", None, "≤１２月", "12"),
    ]
