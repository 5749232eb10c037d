"""Text layouts beyond the TAB layout, each built from the sample's sheets and read back."""

from __future__ import annotations

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.pipeline.tokens import display_width, text_layout_name, text_lines
from tests.documents.readers.sample_grid import HEADER, SheetGrid, Span, assert_same_sheets, full_rows, sample_grids


def piped(grid: SheetGrid, keep_merged: bool = False, markdown: bool = False) -> list[str]:
    """Pipe rows; merged cells dropped (or kept as empty cells), line breaks as <br>."""
    if keep_merged:
        rows = [[text or "" for text in row] for row in full_rows(grid)]
    else:
        rows = [[span.text for span in row] for row in grid.rows]
    lines = [grid.title, *grid.lines]
    for row in rows:
        lines.append("| " + " | ".join(text.replace("\n", "<br>") for text in row) + " |")
        if markdown and row[0] == HEADER[0]:
            lines.append("|" + "---|" * len(row))
    return lines


def one_per_line(grid: SheetGrid) -> list[str]:
    """Every cell's lines, one after another; merged and empty cells absent."""
    lines = [grid.title, *grid.lines]
    for row in grid.rows:
        lines += [line for span in row for line in span.text.split("\n") if line]
        lines.append("")
    return lines


def fixed_width(grid: SheetGrid, gap: str = "  ") -> list[str]:
    """A table printed to text: columns padded to their widest cell, further lines of a cell below it."""
    rows = full_rows(grid)
    grid_rows = rows[next(r for r, row in enumerate(rows) if row[0] == HEADER[0]) :]  # header-block spans overflow
    widths = [max(display_width(line) for row in grid_rows if row[c] for line in row[c].split("\n")) for c in range(6)]
    lines = [grid.title, *grid.lines]
    for row in rows:
        cells = [(text or "").split("\n") for text in row]
        for k in range(max(len(cell) for cell in cells)):
            parts = [cell[k] if k < len(cell) else "" for cell in cells]
            line = gap.join(part + " " * (width - display_width(part)) for part, width in zip(parts, widths))
            lines.append(line.rstrip())
    return lines


def indented(grid: SheetGrid) -> list[str]:
    """一级 names at indent 0, 二级 indented, indicators further indented with their cells on the line."""
    rows = full_rows(grid)
    lines = [grid.title, *grid.lines]
    header_at = next(r for r, row in enumerate(rows) if row[0] == HEADER[0])
    for row in rows[:header_at]:
        lines.append("  ".join(text.replace("\n", "\n    ") for text in row if text))
    lines.append("    ".join(HEADER))
    for row in rows[header_at + 1 :]:
        if row[0]:
            lines.append(row[0])
        if row[1]:
            lines.append("  " + row[1])
        first, *more = row[5].split("\n")
        lines.append("    " + "  ".join([row[2], row[3], row[4], first]))
        lines += ["      " + line for line in more]
    return lines


def document_text(render, **options) -> str:
    return "\n".join(line for grid in sample_grids() for line in render(grid, **options)) + "\n"


def read(text: str, encoding: str = "utf-8"):
    return read_bytes(text.encode(encoding), "layout.txt")


LAYOUTS = {
    "piped-dropped": (lambda: document_text(piped), "text-piped"),
    "piped-kept": (lambda: document_text(piped, keep_merged=True), "text-piped"),
    "markdown": (lambda: document_text(piped, keep_merged=True, markdown=True), "text-piped"),
    "one-per-line": (lambda: document_text(one_per_line), "text-lines"),
    "fixed-width": (lambda: document_text(fixed_width), "text-spaced"),
    "full-width-spaces": (lambda: document_text(fixed_width, gap="\u3000"), "text-spaced"),
    "indented": (lambda: document_text(indented), "text-spaced"),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_layout_reads_like_the_tab_export(name):
    build, layout = LAYOUTS[name]
    document = read(build())
    assert document.layout == layout
    assert_same_sheets(document)


def test_dropped_merged_cells_are_aligned_by_vocabulary_and_reported():
    document = read(document_text(piped))
    assert {d.code for d in document.diagnostics} == {"P102"}
    assert all(d.location.file == "layout.txt" and d.location.row for d in document.diagnostics)


@pytest.mark.parametrize("name", ["piped-kept", "one-per-line", "fixed-width", "indented"])
def test_layouts_that_keep_their_structure_need_no_inference(name):
    assert read(LAYOUTS[name][0]()).diagnostics == []


def test_gbk_encoded_layout():
    document = read(document_text(one_per_line), encoding="gbk")
    assert_same_sheets(document)
    assert [d.code for d in document.diagnostics] == ["P109"]


def test_full_width_characters_in_cells():
    text = "\n".join([
        "某项目绩效目标表", "｜一级指标｜二级指标｜三级指标｜指标值｜",
    ]).replace("｜", "|") + "\n" + "\n".join(
        f"| 产出指标 | 数量指标 | 改造户数{n} | ＞＝１８户 |" for n in range(4)
    )
    (sheet,) = read(text).sheets
    target = sheet.indicators[0].target
    assert (target.raw, target.operator, str(target.value), target.unit) == ("＞＝１８户", "≥", "18", "户")


def test_one_per_line_without_description_column_and_merged_level2():
    text = "\n".join([
        "项目名称", "道路维护", "一级指标", "二级指标", "三级指标", "指标值",
        "产出指标", "数量指标", "维护里程", "≥20公里", "养护次数", "≥4次", "质量指标", "验收合格率", "=100%",
    ])
    (sheet,) = read(text).sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "维护里程", "≥20公里"), ("数量指标", "养护次数", "≥4次"), ("质量指标", "验收合格率", "=100%"),
    ]


def test_one_per_line_reports_an_ambiguous_split():
    text = "\n".join([
        "项目名称", "道路维护", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
        "产出指标", "数量指标", "维护里程", "县道", "乡道", "≥20公里",
        "满意度指标", "服务对象满意度指标", "群众满意度", "抽样调查", "≥90%",
    ])
    document = read(text)
    indicator = document.sheets[0].indicators[0]
    assert (indicator.name, indicator.description) == ("维护里程", "县道\n乡道")
    assert [(d.code, d.location.line) for d in document.diagnostics] == [("P102", 8)]


def test_every_layout_is_named_after_the_separators_its_lines_use():
    for name, (build, layout) in LAYOUTS.items():
        assert text_layout_name(text_lines(build())) == layout, name


@pytest.mark.parametrize(
    "data, reason",
    [
        ("今天天气很好。\n我们去公园散步。\n", "没有找到绩效目标表"),
        ("收入\n支出\n合计\n" * 3, "没有找到绩效目标表"),
        ("| a | b |\n" * 10, "没有找到绩效目标表"),
    ],
    ids=["prose", "one-word-lines", "pipes-without-labels"],
)
def test_text_without_a_goal_table_is_refused(data, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read(data)
    assert error.value.message.startswith("layout.txt：") and reason in error.value.message


def test_a_table_whose_text_lost_its_order_is_refused_saying_its_levels_were_seen():
    # a PDF's text flow from the middle of a self-evaluation (corpus 240's family): level names with their points stand
    # as cells of their own, but no header and no row can be told; nothing is guessed and the refusal says why
    data = "\n".join(["来记分。", "满意 度指 标 (10 分)", "10", "群众满意度", "98%", "分", "总分", "99.3 分",
                      "成本指 标(5 分)", "成本控制率", "5 ±10%", "分", "达标"])
    with pytest.raises(NotAGoalDocument) as error:
        read(data)
    assert "没有找到绩效目标表" in error.value.message
    assert "文件中有2个指标层级名称（满意度指标、成本指标，第2行起），但没有找到指标表的表头和指标行" in error.value.message


def test_one_level_name_in_a_text_without_a_table_is_no_table_lost():
    # one level name alone may be a report's heading: the refusal says nothing of a table
    with pytest.raises(NotAGoalDocument) as error:
        read("工作总结\n产出指标\n今年完成了各项工作。\n")
    assert "指标层级名称" not in error.value.message


def test_binary_data_is_refused():
    with pytest.raises(NotAGoalDocument, match="layout.bin："):
        read_bytes(bytes(range(256)) * 10, "layout.bin")


RUN_TOGETHER = """乡镇环境治理经费绩效目标表
项目编码434-4.05-JXN-4QXO
项目名称：乡镇环境治理经费
预算数18.00
一级指标二级指标三级指标指标值指标值确定依据
产出指标数量指标村人居环境整治个数≥18个计划标准
质量指标设施正常使用率＞＝９５％
效益指标社会效益指标受益人口数不少于24400人
满意度指标服务对象满意度指标受益群众满意度≥90%
"""


def test_run_together_rows_are_split_by_vocabulary_and_target_shape():
    document = read(RUN_TOGETHER)
    assert document.layout == "text-run-together"
    (sheet,) = document.sheets
    assert (sheet.code, sheet.name, str(sheet.budget.total)) == ("434-4.05-JXN-4QXO", "乡镇环境治理经费", "18.00")
    assert [(i.level1, i.level2, i.name, i.target.raw, i.basis) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "村人居环境整治个数", "≥18个", "计划标准"),
        ("产出指标", "质量指标", "设施正常使用率", "＞＝９５％", None),
        ("效益指标", "社会效益指标", "受益人口数", "不少于24400人", None),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", None),
    ]
    first = document.diagnostics[0]
    assert (first.code, first.location.file, first.location.line) == ("P111", "layout.txt", 6)
    assert "三级指标“村人居环境整治个数”" in first.message
    assert [d.code for d in document.diagnostics] == ["P111"] * 4


def test_run_together_without_a_header_assumes_the_four_columns_it_finds():
    (sheet,) = read("项目名称：道路维护\n产出指标数量指标维护里程≥20公里\n").sheets
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("维护里程", "≥20公里")]


@pytest.mark.parametrize("render", [piped, one_per_line, fixed_width], ids=lambda f: f.__name__)
def test_big_inputs_are_read_whole(render):
    # How fast is measured in benchmarks/read_bench.py, never asserted here: the machines are shared.
    rows = [[Span("产出指标", rowspan=5000), Span("数量指标", rowspan=5000), Span("指标0"), Span("说明"), Span("≥0个"),
             Span("计划标准")]] + [[Span(f"指标{n}"), Span("说明"), Span(f"≥{n}个"), Span("计划标准")] for n in range(1, 5000)]
    grid = SheetGrid(title="某项目绩效目标表", lines=[], rows=[[Span("项目名称"), Span("某项目")], [Span(h) for h in HEADER], *rows])
    document = read_bytes("\n".join(render(grid)).encode(), "layout.txt")
    assert len(document.sheets[0].indicators) == 5000


def test_a_grid_cut_after_an_empty_row_at_the_end_of_the_file_is_a_possible_partial_copy():
    # corpus 129: the copy stops after rows whose values are empty, the last line a closing row of empty cells
    text = "项目名称 | 道路维护 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 维护里程 | ≥20公里 |\n养护次数 |\n||||\n"
    document = read(text)
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [("维护里程", "≥20公里"), ("养护次数", "")]
    # the last row was closed, so it is not reported as incomplete (P114); the grid still stops before 满意度
    assert [(d.code, d.location.line, d.location.sheet) for d in document.diagnostics] == [("P119", 4, "道路维护")]


def test_a_row_cut_by_the_end_of_the_file_is_left_out_and_the_diagnostic_says_where():
    # corpus 010: the copy stops after the 成本指标 row's name, before its target
    text = "\n".join(["项目名称 地情、市志编纂与年鉴出版经费", "", "一级指标 二级指标 三级指标 指标解释 目标值",
                      "产出指标 数量指标 志鉴地情相关工作开展所需资金的供应时效 100%(历史标准) 100%",
                      "时效指标 项目完成时间 2019年12月(计划标准) 100%", "成本指标  基本支出 "])
    document = read(text)
    assert [i.name for i in document.sheets[0].indicators] == ["志鉴地情相关工作开展所需资金的供应时效", "项目完成时间"]
    (cut,) = [d for d in document.diagnostics if d.code == "P120"]
    assert cut.location.line == 6 and "基本支出" in cut.message and "未读作指标" in cut.message


@pytest.mark.parametrize(("line", "total", "unit"), [
    ("年度资金总额（万元）：18.00", "18.00", "万元"),
    ("年度资金总额(元)：180000", "180000", "元"),
    ("年度资金总额：18万元", "18", "万元"),
    ("年度资金总额：18", "18", None),
], ids=["wan-in-label", "yuan-in-label", "unit-after-figure", "no-unit"])
def test_the_money_unit_of_an_amount_label_written_before_its_colon(line, total, unit):
    # a header paragraph label：value whose label names the unit in brackets sets the sheet's money unit, as the
    # same label in a grid cell does
    text = f"项目名称：乡村道路养护\n{line}\n一级指标  二级指标  三级指标  指标值\n产出指标  数量指标  养护里程  ≥20公里\n"
    (sheet,) = read_bytes(text.encode(), "t.txt").sheets
    assert (str(sheet.budget.total), sheet.money_unit) == (total, unit)
