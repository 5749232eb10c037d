"""The text layer (pdfplumber) of a city's 部门预算 PDF: its 项目支出绩效目标表 names the operator and unit columns
with the report's own words (绩效指标性质 | 本年绩效指标值 | 绩效度量单位, dev corpus 341 and 344), and a template
numbering its names prints the numbering spaced from its number (``指标 1：区域自动气象站运``, dev corpus 345); a
target's unit is printed spaced from it (``≥366 期``) or wrapped onto a line of its own (``<=17 万`` / ``元``, 330)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import column_kind
from jixiao.documents.pipeline.tokens import text_lines
from jixiao.documents.vocabulary import header_label


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def rows(document) -> list[tuple]:
    return [(i.level1, i.level2, i.name, i.target.operator, i.target.value, i.target.unit)
            for sheet in document.sheets for i in sheet.indicators]


def test_the_budget_reports_operator_and_unit_headings_name_those_columns():
    assert column_kind("绩效指标性质") == "operator"
    assert column_kind("绩效度量单位") == "unit"
    assert header_label("项目总额") == "total"  # (the project's total beside its name, in the grid's first columns)


def test_a_budget_reports_rows_read_their_operator_and_unit_from_their_own_columns():
    document = read(
        "预算12表 项目支出绩效目标表",
        "一级指标 二级指标 三级指标 绩效指标性质 本年绩效指标值 绩效度量单位",
        "效益指标 社会效益指标 成果要报数量 ≥ 2 份",
        "产出指标 质量指标 成果文件有效性 ＝ 100 %",
        "满意度指标 服务对象满意度指标 培训人员满意度 ≥ 95 %",
    )
    assert [row[2:] for row in rows(document)] == [
        ("成果要报数量", "≥", 2, "份"), ("成果文件有效性", "=", 100, "%"), ("培训人员满意度", "≥", 95, "%")]


def test_a_names_numbering_spaced_from_its_number_stays_with_the_name():
    document = read(
        "2022 年部门预算专项业务经费绩效目标表",
        "一级指标 二级指标 指标内容 指标值",
        "产出指标 数量指标 指标 1：预警信息发布 >3万条/年",
        "指标 2：天气预报节目 ≥366期",
        "指标 3：防雷执法监管 完成年内受理任务",
    )
    assert [(name, operator, value) for *_, name, operator, value, _ in rows(document)] == [
        ("预警信息发布", ">", 3), ("天气预报节目", "≥", 366), ("防雷执法监管", None, None)]


def test_a_targets_unit_spaced_from_it_is_the_targets():
    document = read(
        "2022 年部门预算专项业务经费绩效目标表",
        "一级指标 二级指标 指标内容 指标值",
        "产出指标 数量指标 指标 1：预警信息发布 >3 万条/年",
        "指标 2：天气预报节目 ≥366 期",
    )
    assert [(name, unit) for *_, name, _, _, unit in rows(document)] == [("预警信息发布", "万条/年"), ("天气预报节目", "期")]


def test_a_targets_unit_wrapped_onto_a_line_of_its_own_joins_it_again():
    lines = text_lines("信访信息系统运维成本\n<=17 万\n元\n20\n基层信访工作网络覆盖率\n>=100\n百分比\n20\n≥ 95\n%")
    assert [line.texts for line in lines] == [
        ["信访信息系统运维成本"], ["<=17 万元"], ["20"], ["基层信访工作网络覆盖率"], [">=100百分比"], ["20"], ["≥ 95"], ["%"]]
