"""The padded pipe table family: a web table flattened to ``cell |`` text pads every row with empty cells up to the
table's width (``a | b | ||||``); a row whose first cell held a line break, or whose header cells did, is printed
over several lines ending on one bar, and is one row again when their bars reach the width (corpus 285, 290). The
texts here are written apart from those documents: another form, width, project and break points."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.padded import PaddedRun, padded_runs
from jixiao.documents.pipeline.tokens import text_lines

# six columns: every whole row holds six bars, cells and padding together
TABLE = (
    "区级项目绩效目标表 | |||||",
    "填报单位:某区文化馆 | |||||",
    "项目名称 |",
    "公共文化场馆免费开放 | 资金(万元) | 46.5 | ||",
    "一级指标 | 二级指标 |",
    "三级指标 |",
    "指标值 | 备注 | |",
    "产出指标 | 数量指标 | 举办公益讲座场次 | 不少于24场 | 无 | |",
    "时效指标 | 讲座按月开展 | 每月 | 无 | ||",
    "效益指标 | 社会效益指标 | 惠及群众人次 | ≥6000人次 | 无 | |",
)


def _read(*lines: str):
    return read_text("\n".join(lines).encode(), "padded.txt")[0]


def _indicators(document) -> list[tuple[str, str, str]]:
    return [(i.level2 or "", i.name, i.target.raw) for sheet in document.sheets for i in sheet.indicators]


def test_lines_whose_bars_reach_the_width_of_the_padded_rows_are_one_row():
    assert padded_runs(list(TABLE)) == [PaddedRun(2, 4), PaddedRun(4, 7)]
    lines = text_lines("\n".join(TABLE))
    header = next(line for line in lines if "三级指标" in line.texts)
    assert header.texts == ["一级指标", "二级指标", "三级指标", "指标值", "备注"]
    # each cell keeps the line it was printed on
    assert [token.line for token in header.tokens] == [5, 5, 6, 7, 7]


def test_a_padded_table_broken_over_lines_reads_its_rows():
    assert _indicators(_read(*TABLE)) == [("数量指标", "举办公益讲座场次", "不少于24场"),
                                          ("时效指标", "讲座按月开展", "每月"),
                                          ("社会效益指标", "惠及群众人次", "≥6000人次")]


def test_a_row_the_end_of_the_file_leaves_short_of_the_width_is_cut():
    document = _read(*TABLE, "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |")
    assert [name for _, name, _ in _indicators(document)][-1] == "惠及群众人次"
    [cut] = [d for d in document.diagnostics if d.code == "P120"]
    assert "群众满意度" in cut.message


def test_short_lines_whose_width_no_whole_row_shows_stay_apart():
    # every padded line follows a line of its own cell (merged cells dropped, not padded): no width is known
    stream = ("项目名称 |", "公共文化场馆免费开放 | ||", "主管部门 |", "某区文化和旅游局 | ||", "一级指标 |", "二级指标 |")
    assert padded_runs(list(stream)) == []


def test_a_stream_of_one_cell_a_line_whose_rows_the_padding_closes_is_not_joined():
    # few rows printed whole (the title): the padding closes rows whose merged cells were dropped, it gives no width
    stream = ("专项资金区域绩效目标表 | ||||", "资金名称 | 专项资金 | |||", "年度目标 |", "完成年度任务 | ||||",
              "一级指标 |", "二级指标 |", "三级指标 |", "指标值 | |", "产出指标 |", "数量指标 |", "补助人数 |",
              "≥300人 | |", "质量指标 |", "补助发放准确率 |", "100% | |")
    assert padded_runs(list(stream)) == []


def test_one_empty_cell_after_a_lone_cell_is_no_padding():
    # a stream of one cell a line marks an empty cell after a cell so (基本建立 | |): no padded row, no width
    lines = ["发文字号 | |", "有效性 | |", "完成情况 | |", "名称 |", "指标 |", "值 | |"]
    assert padded_runs(lines) == []


def test_a_first_row_the_end_of_the_file_leaves_short_of_the_width_is_cut_too():
    # no whole row under the header to compare its closing bar with: the padding's width alone says it is cut
    money = ("项目支出绩效自评表 | ||||||", "项目名称 | 档案数字化 | ||||", "年度资金 | 12.00 | 12.00 | 100% | ||",
             "其中:财政资金 | 12.00 | 12.00 | 100% | ||")
    header = "一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 得分 |"
    document = _read(*money, header, "产出指标 | 数量指标 | 数字化档案卷数 | ≥800卷 |")
    assert _indicators(document) == []
    assert "P120" in {d.code for d in document.diagnostics}


def test_rows_opening_with_a_bar_are_padded_rows_too():
    # (corpus 119's family: ``| a | b | ||``, the bar opening the line closes no cell)
    rows = ("| 项目名称 | 耕地保护补助 | ||||", "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | |",
            "| 产出指标 | 数量指标 | 补助耕地面积 | ≥1200亩 | 40 | |", "| 质量指标 | 补助发放准确率 | 100% | 30 | ||",
            "| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% |")
    document = _read(*rows)
    assert [name for _, name, _ in _indicators(document)] == ["补助耕地面积", "补助发放准确率"]
    assert "P120" in {d.code for d in document.diagnostics}


def test_a_line_opening_with_a_bar_starts_a_row_of_its_own_after_one_that_does_not():
    rows = ["| 项目名称 | 耕地保护补助 | ||||", "| 资金 | 12 | 12 | ||", "| 产出指标 | 数量指标 | 补助面积 | ≥1200亩 | |",
            "效益指标 |", "| 社会效益指标 | 受益农户 | 90户 | |", "| 质量指标 | 补助发放准确率 | 100% | 30 | |"]
    assert padded_runs(rows) == []
