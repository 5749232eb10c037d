"""Reading PDFs with a text layer: ruled tables with merged cells, tables continued on the next page, unruled tables
with cells wrapped over lines, bold drawn twice."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, PageBreak

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.blocks import Paragraph, Row
from jixiao.documents.readers.pdf_reader import read_pdf
from tests.documents.readers.pdf_builder import FONT, build_pdf, paragraph, sheet_flowables
from tests.documents.readers.sample_grid import assert_same_sheets, sample_grids


def sample_pdf(footer: str | None = None, **options) -> bytes:
    flowables: list = []
    for grid in sample_grids():
        flowables += sheet_flowables(grid, **options) + [PageBreak()]
    return build_pdf(flowables[:-1], footer)


def test_sample_pdf_reads_like_the_text_export():
    # Long cells wrap in the PDF, and a wrapped line reads as a line break.
    assert_same_sheets(read_bytes(sample_pdf(), "sample.pdf"), line_breaks=False)


@pytest.mark.parametrize("footer", [None, "- {page} -", "第{page}页 共4页"], ids=["no-page-numbers", "dashed", "page-of"])
@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continued_on_the_next_page_stays_one_sheet(repeat_header, footer):
    document = read_bytes(sample_pdf(footer, split_at=10, repeat_header=repeat_header), "split.pdf")
    assert_same_sheets(document, line_breaks=False)
    assert document.diagnostics == []


def test_merged_cells_are_empty_and_tables_numbered():
    layout = read_pdf(sample_pdf(), "sample.pdf")
    rows = [block for block in layout.blocks if isinstance(block, Row)]
    assert {row.table for row in rows} == {1, 2}
    second_indicator = next(row for row in rows if row.texts[1] == "质量指标")
    assert second_indicator.texts[0] == ""
    paragraphs = [block.text for block in layout.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == ["乡镇环境治理经费（西留村）绩效目标表", "434016遵化市西留村乡人民政府", "单位：万元"]


def test_page_without_text_layer_is_reported(tmp_path):
    from PIL import Image as PILImage  # reportlab depends on pillow

    picture = tmp_path / "scan.png"
    PILImage.new("RGB", (40, 40), "white").save(picture)
    data = build_pdf([Image(str(picture)), PageBreak()] + sheet_flowables(sample_grids()[0]))
    document = read_bytes(data, "scan.pdf")
    assert [(d.code, d.message) for d in document.diagnostics] == [("P110", "页面第1页没有文字层，可能是扫描件，已跳过")]
    assert len(document.sheets) == 1


_GOAL_ROWS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "改造户数", "≥18户"],
              ["", "质量指标", "验收合格率", "100%"]]
_GOAL_FIELDS = [("产出指标", "数量指标", "改造户数", "≥18户"), ("产出指标", "质量指标", "验收合格率", "100%")]


def _fields(document) -> list[tuple]:
    """Level 1, level 2, name and target of each indicator, a wrapped cell's line breaks left out."""
    return [(i.level1, i.level2, i.name.replace("\n", ""), i.target.raw.replace("\n", ""))
            for sheet in document.sheets for i in sheet.indicators]


def test_unruled_table_is_read_by_its_text_columns():
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    canvas.drawString(60, 780, "某项目绩效目标表")
    for r, row in enumerate(_GOAL_ROWS):
        for c, text in enumerate(row):
            canvas.drawString(60 + 110 * c, 740 - 20 * r, text)
    canvas.save()
    assert _fields(read_bytes(buffer.getvalue(), "plain.pdf")) == _GOAL_FIELDS


@pytest.mark.parametrize("level1", ["产出指标", ""], ids=["levels", "first-level-left-blank"])
def test_unruled_table_starts_at_its_header_row_and_each_label_opens_its_column(level1):
    # the header block's lines above the grid line up with its columns by chance: taken into the table they cut its
    # cells (项目支出绩效 | 目标表) and its name is lost; a column of few words (一级指标 left blank) is still a column
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    canvas.drawString(120, 790, "项目支出绩效目标表（2023年度）")
    canvas.drawString(60, 765, "项目名称：农村危房改造补助项目")
    canvas.drawString(60, 750, "实施单位：某某县住房和城乡建设局")
    rows = [_GOAL_ROWS[0], [level1, *_GOAL_ROWS[1][1:]], _GOAL_ROWS[2]]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(60 + 110 * c, 720 - 20 * r, text)
    canvas.save()
    document = read_bytes(buffer.getvalue(), "unruled.pdf")
    assert [sheet.name for sheet in document.sheets] == ["农村危房改造补助项目"]
    assert _fields(document) == _GOAL_FIELDS  # (a blank 一级指标 is the one its 二级指标 belongs to)


@pytest.mark.parametrize(("offset", "bold"), [(0.0, "all"), (0.3, "all"), (0.6, "all"), (0.3, "header")],
                         ids=["overprinted", "shifted", "shifted-wider", "header-only"])
def test_bold_drawn_twice_reads_once(offset, bold):
    # a word processor's bold for a font without a bold face: each string drawn again a fraction of a point aside
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    for x in (60, 60 + offset):
        canvas.drawString(x, 780, "某项目绩效目标表")
    for r, row in enumerate(_GOAL_ROWS):
        for c, text in enumerate(row):
            for x in (60 + 110 * c, 60 + 110 * c + offset)[: 2 if bold == "all" or r == 0 else 1]:
                canvas.drawString(x, 740 - 20 * r, text)
    canvas.save()
    layout = read_pdf(buffer.getvalue(), "bold.pdf")
    texts = [block.text for block in layout.blocks if isinstance(block, Paragraph)]
    texts += [text for block in layout.blocks if isinstance(block, Row) for text in block.texts]
    assert "某项目绩效目标表" in texts and "一级指标" in texts and not any("绩绩" in text for text in texts)
    assert _fields(read_bytes(buffer.getvalue(), "bold.pdf")) == _GOAL_FIELDS


def _unruled_pdf(rows: list[list[list[str]]], leading: float, row_gap: float, centered: bool = False,
                 set_off: int | None = None) -> bytes:
    """An unruled table whose cells are lists of lines, each cell's lines ``leading`` apart from the row's top (or
    ``centered`` on the row's height), rows ``row_gap`` further apart than their tallest cell, the row ``set_off``
    a line further."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    canvas.drawString(200, 790, "某项目绩效自评表")
    y = 750.0
    for index, row in enumerate(rows):
        y -= leading if index == set_off else 0
        tallest = max(len(cell) for cell in row)
        for c, cell in enumerate(row):
            down = leading * (tallest - len(cell)) / 2 if centered else 0
            for k, text in enumerate(cell):
                canvas.drawString(60 + 80 * c, y - down - leading * k, text)
        y -= leading * tallest + row_gap
    canvas.save()
    return buffer.getvalue()


_WRAPPED_ROWS = [
    [["一级", "指标"], ["二级", "指标"], ["三级指标"], ["年初指", "标值"], ["实际完", "成值"], ["得分"]],
    [["产出指标"], ["数量指标"], ["乡村道路建设", "养护里程"], ["300公", "里"], ["300公", "里"], ["15"]],
    [[""], ["质量指标"], ["验收合格率"], ["100%"], ["98%"], ["10"]],
    [["效益指标"], ["社会效益", "指标"], ["群众出行条件", "改善情况"], ["明显改善"], ["明显改善"], ["30"]],
]


@pytest.mark.parametrize(("leading", "row_gap", "centered"), [(12, 8, False), (11, 6, False), (13, 10, False),
                                                             (12, 8, True), (14, 4, True)])
def test_unruled_table_keeps_a_wrapped_cell_in_its_row(leading, row_gap, centered):
    # pdfplumber's text strategy makes a row of every text line: the wrapped halves of a name, a level and the
    # target and actual columns (300公 / 里) would come out as rows of their own, interleaved with the next row
    document = read_bytes(_unruled_pdf(_WRAPPED_ROWS, leading, row_gap, centered), "wrapped.pdf")
    assert _fields(document) == [("产出指标", "数量指标", "乡村道路建设养护里程", "300公里"),
                                 ("产出指标", "质量指标", "验收合格率", "100%"),
                                 ("效益指标", "社会效益指标", "群众出行条件改善情况", "明显改善")]


_DENSE_ROWS = [*_GOAL_ROWS, *(["", "质量指标", f"验收合格率{n}", "100%"] for n in range(2, 7)), ["合计", "", "", ""]]


@pytest.mark.parametrize(("rows", "leading", "set_off"),
                         [(_GOAL_ROWS, 20, None), (_DENSE_ROWS, 12, len(_DENSE_ROWS) - 1)],
                         ids=["evenly-spaced", "dense-with-a-total-set-off"])
def test_unruled_table_without_wrapped_cells_keeps_a_row_per_line(rows, leading, set_off):
    # no gap wider than another, or lines as close as a paragraph's with one wider gap before the total: every text
    # line is a row, as before
    data = _unruled_pdf([[[text] for text in row] for row in rows], leading, 0, set_off=set_off)
    assert _fields(read_bytes(data, "even.pdf")) == [
        ("产出指标", level2, name, target) for _, level2, name, target in rows[1:] if name]


@pytest.mark.parametrize(
    "data, reason",
    [
        (lambda: sample_pdf()[:3000], "已损坏"),
        (lambda: b"%PDF-1.4\n%%EOF\n", "已损坏"),
        (lambda: build_pdf([PageBreak()]), "没有文字层"),
        (lambda: build_pdf([paragraph("这是一封信，不是绩效目标表的内容。")]), "没有找到绩效目标表"),
    ],
    ids=["truncated", "no-objects", "blank", "prose"],
)
def test_unreadable_pdfs_are_refused_with_a_reason(data, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read_bytes(data(), "bad.pdf")
    assert error.value.message.startswith("bad.pdf：") and reason in error.value.message


@pytest.mark.parametrize("footer", ["- {page} -", "第{page}页 共2页", None], ids=["dashed", "page-of", "none"])
@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
def test_unruled_table_over_two_pages_is_one_grid_without_its_page_numbers(repeat_header, footer):
    # the page's number lines up with an unruled table's columns like any line: it is no row of the grid (it read as
    # an indicator named “- 1 -”), and the second page's rows, under the header again or not, go on the same grid
    header = _GOAL_ROWS[0]
    pages = [[header, *_GOAL_ROWS[1:]], [header] if repeat_header else []]
    pages[1] += [["效益指标", "社会效益指标", "受益人数", "≥500人"], ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number, rows in enumerate(pages, start=1):
        canvas.setFont(FONT, 10)
        if number == 1:
            canvas.drawString(120, 790, "项目支出绩效目标表")
            canvas.drawString(60, 765, "项目名称：农村危房改造补助项目")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                canvas.drawString(60 + 110 * c, (720 if number == 1 else 780) - 20 * r, text)
        if footer:
            canvas.drawString(280, 40, footer.format(page=number))
        canvas.showPage()
    canvas.save()
    document = read_bytes(buffer.getvalue(), "pages.pdf")
    assert [sheet.name for sheet in document.sheets] == ["农村危房改造补助项目"]
    assert _fields(document) == [*_GOAL_FIELDS, ("效益指标", "社会效益指标", "受益人数", "≥500人"),
                                 ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%")]
    assert (document.diagnostics, document.unaccounted) == ([], 0)


def _line(canvas: Canvas, x0: float, top: float, x1: float, bottom: float) -> None:
    """A rule from (x0, top) to (x1, bottom), in pdfplumber's top-down coordinates on an A4 page."""
    canvas.line(x0, 842 - top, x1, 842 - bottom)


def _text(canvas: Canvas, x: float, top: float, text: str) -> None:
    canvas.drawString(x + 3, 842 - top - 13, text)


def _budget_system_pdf(prose_after: bool = False) -> bytes:
    """A budget system's 项目支出绩效目标表 over two pages (北京 预算表12): the first page's grid sits in a frame whose
    narrow column the second page does not draw, and the project that runs across the break has its 项目名称 cell
    closed by no rule on either page, its name drawn beyond the grid on both (each page clips it away)."""
    columns = [50, 150, 250, 330, 400, 470]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    # page 1: frame column 40-50, header, project 甲 closed, project 乙 open at the foot of the page
    for x in [40, *columns]:
        _line(canvas, x, 100, x, 180)
    for top in (100, 120, 140):
        _line(canvas, 40, top, 470, top)
    for top in (160, 180):
        _line(canvas, 150, top, 470, top)
    for x, text in zip(columns, ["项目名称", "三级指标", "指标性质", "指标值", "度量单位"], strict=False):
        _text(canvas, x, 100, text)
    for top, row in ((120, ["项目甲", "培训人次", "≥", "100", "人次"]), (140, ["", "覆盖率", "≥", "95", "%"]),
                     (160, ["", "合格率", "≥", "98", "%"])):
        for x, text in zip(columns, row, strict=False):
            _text(canvas, x, top, text)
    _text(canvas, 50, 185, "项目乙")  # the open cell's name, below the grid
    canvas.showPage()
    # page 2: no frame column, no top rule over the open 项目名称 cell
    canvas.setFont(FONT, 10)
    for x in columns:
        _line(canvas, x, 100, x, 140)
    _line(canvas, 150, 100, 470, 100)
    for top in (120, 140):
        _line(canvas, 50, top, 470, top)
    _text(canvas, 50, 80, "项目乙")  # drawn again above the grid
    for top, row in ((100, ["", "满意度", "≥", "90", "%"]), (120, ["项目丙", "完成率", "=", "100", "%"])):
        for x, text in zip(columns, row, strict=False):
            _text(canvas, x, top, text)
    if prose_after:
        canvas.showPage()
        canvas.setFont(FONT, 10)
        for k, (left, right) in enumerate([("一、收入", "合计168万元"), ("二、支出", "合计168万元"),
                                           ("三、结余", "合计0万元"), ("四、说明", "无变化")]):
            canvas.drawString(60, 780 - 20 * k, left)
            canvas.drawString(300, 780 - 20 * k, right)
    canvas.save()
    return buffer.getvalue()


def test_a_ruled_table_continued_without_its_frame_column_keeps_its_columns_and_open_cells_their_text():
    layout = read_pdf(_budget_system_pdf(), "budget.pdf")
    rows = [block for block in layout.blocks if isinstance(block, Row)]
    header = next(row for row in rows if "项目名称" in row.texts)
    name = header.texts.index("项目名称")
    # the second page's rows stand in the first page's columns, and the project cell open at the break holds its
    # name once, in the row it begins in
    by_indicator = {row.texts[name + 1]: row.texts[name] for row in rows if len(row.texts) > name + 1}
    assert by_indicator == {"三级指标": "项目名称", "培训人次": "项目甲", "覆盖率": "项目乙", "合格率": "", "满意度": "",
                            "完成率": "项目丙"}
    assert len({row.table for row in rows}) == 1
    assert not [block for block in layout.blocks if isinstance(block, Paragraph) and "项目乙" in block.text]


def test_a_page_of_text_lines_after_a_ruled_table_is_prose_not_the_tables_next_rows():
    layout = read_pdf(_budget_system_pdf(prose_after=True), "budget.pdf")
    rows = [block for block in layout.blocks if isinstance(block, Row)]
    assert not [row for row in rows if "一、收入" in row.texts]
    assert "一、收入 合计168万元" in [block.text for block in layout.blocks if isinstance(block, Paragraph)]
