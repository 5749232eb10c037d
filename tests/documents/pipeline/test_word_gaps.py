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
