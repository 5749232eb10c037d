"""Hierarchy shown only by indentation (layout family 5 of ../shared/corpus/README.md): the 批复表 prints 一级指标,
二级指标 and the indicators in one column, each on a row of its own, in text (corpus 115) and in Excel (the
office twin's approval layout)."""

from __future__ import annotations

import io

import openpyxl
from openpyxl.styles import Alignment

from jixiao.documents import read_bytes
from jixiao.documents.pipeline import read_text
from jixiao.documents.readers.docx_reader import read_docx
from jixiao.documents.readers.xlsx_reader import read_xlsx

# corpus 115 (石嘴山市疾控中心 批复表), cut down: the unit and the project above the levels, levels with the
# template's residue, 服务对象满意度 written under 服务对象满意度指标, the targets on unindented lines
APPROVAL_TEXT = """石嘴山市疾病预防控制中心2020年项目绩效目标批复表

单位:元

项目

指标值

绩效金额

 石嘴山市疾病预防控制中心

  狂犬、乙肝、流感等疫苗及美沙酮药物

3000000

   产出指标

    成本指标(必填硬性指标)

     按照物价部门定价标准采购

100%

    工作量指标

     疫苗提供及时率

100%

   满意度指标

    服务对象满意度指标(必填)

     服务对象满意度

100%

附件下载:
"""


def test_an_indented_text_approval_table_reads_its_levels_by_depth():
    document, accounting = read_text(APPROVAL_TEXT.encode(), "case.txt")
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
    indicators = document.sheets[0].indicators
    assert [(i.level1, i.level2, i.level2_raw, i.name, i.target.value, i.target.unit) for i in indicators] == [
        ("产出指标", "成本指标", "成本指标(必填硬性指标)", "按照物价部门定价标准采购", 100, "%"),
        # a name no vocabulary knows, at the level-2 depth, is a level 2 (reported by the review as such)
        ("产出指标", None, "工作量指标", "疫苗提供及时率", 100, "%"),
        # deeper than the level 2: an indicator, though its name is also a level-2 spelling
        ("满意度指标", "服务对象满意度指标", "服务对象满意度指标(必填)", "服务对象满意度", 100, "%"),
    ]
    # the unit and the project with its amount above the levels head the sheet; 绩效金额 is a heading
    sheet = document.sheets[0]
    assert (sheet.name, sheet.unit.name, sheet.budget.total) == ("狂犬、乙肝、流感等疫苗及美沙酮药物", "石嘴山市疾病预防控制中心",
                                                                  3000000)


def _approval_workbook() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    rows = [("2023年度项目支出绩效目标批复表", 0), ("项目名称：村组干部报酬", 0), (("绩效指标", "指标值", "备注"), 0),
            ("产出指标", 0), ("数量指标", 1), (("村组干部230人", "≥230个"), 2), ("进度指标", 1),
            (("按时发放", "≥1人/年"), 2), ("满意度指标", 0), ("服务对象满意度指标", 1), (("服务对象满意度", "≥95%"), 2)]
    for cells, indent in rows:
        sheet.append([cells] if isinstance(cells, str) else list(cells))
        if indent:
            sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=indent)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_cells_carry_their_excel_indentation():
    layout = read_xlsx(_approval_workbook(), "approval.xlsx")
    assert [(row.cells[0].text, row.cells[0].indent) for row in layout.blocks[4:6]] == [("数量指标", 1),
                                                                                       ("村组干部230人", 2)]


def test_an_indented_excel_approval_table_reads_its_levels_by_depth():
    indicators = read_bytes(_approval_workbook(), "approval.xlsx").sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in indicators] == [
        ("产出指标", "数量指标", "村组干部230人", "≥230个"),
        ("产出指标", "进度指标", "按时发放", "≥1人/年"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%"),
    ]


def _approval_document() -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("2023年度项目支出绩效目标批复表")
    rows = [(("绩效指标", "指标值"), 0), (("产出指标", ""), 0), (("数量指标", ""), 1), (("村组干部230人", "≥230个"), 2),
            (("进度指标", ""), 1), (("按时发放", "≥1人/年"), 2)]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (texts, indent) in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text
        row.cells[0].paragraphs[0].paragraph_format.left_indent = Pt(10.5 * indent)  # one character per level
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_cells_carry_their_paragraph_indentation_and_read_by_depth():
    rows = [block for block in read_docx(_approval_document(), "approval.docx").blocks if hasattr(block, "cells")]
    assert [row.cells[0].indent for row in rows] == [0, 0, 1, 2, 1, 2]
    indicators = read_bytes(_approval_document(), "approval.docx").sheets[0].indicators
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in indicators] == [
        ("产出指标", "数量指标", "村组干部230人", "≥230个"), ("产出指标", "进度指标", "按时发放", "≥1人/年")]


def test_an_indented_grid_without_level_rows_reads_every_indicator_row_even_one_without_a_target():
    # the office twin of corpus 121 (no levels written): indicators indented under the 绩效指标 heading
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for cells in (["项目名称：在职村村干部补助"], ["绩效指标", "指标值", "备注"], ["按月发放", "≥1次"],
                  ["领取补助人数", "≥100人"], ["促进经济发展"]):
        sheet.append(cells)
        if sheet.max_row > 2:
            sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=2)
    out = io.BytesIO()
    workbook.save(out)
    indicators = read_bytes(out.getvalue(), "approval.xlsx").sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        (None, "按月发放", "≥1次"), (None, "领取补助人数", "≥100人"), (None, "促进经济发展", "")]


def test_an_indented_text_approval_table_without_level1_rows_reads_its_indicators_under_their_level2():
    # the 批复表 of a body that prints no 一级 rows: each level-2 name alone, its indicators indented below it
    # (成本指标, a 一级 name of the 2021 framework too, would open it as a level 1: 数量指标 here)
    lines = [line for line in APPROVAL_TEXT.split("\n") if line.strip() not in ("产出指标", "满意度指标")]
    text = "\n".join(lines).replace("成本指标(必填硬性指标)", "数量指标(必填硬性指标)")
    indicators = read_text(text.encode(), "case.txt")[0].sheets[0].indicators
    assert [(i.level2_raw, i.name, i.target.value) for i in indicators] == [
        ("数量指标(必填硬性指标)", "按照物价部门定价标准采购", 100), ("工作量指标", "疫苗提供及时率", 100),
        ("服务对象满意度指标(必填)", "服务对象满意度", 100)]


def test_an_indented_table_without_level1_rows_that_opens_with_cost_reads_it_as_a_level2():
    # 成本指标, a 一级 name of the 2021 framework, opens the table; the level-2 names after it at its depth say the
    # form has no 一级 rows: it is a level 2 too, and a name deeper than the level 2s is an indicator
    lines = [line for line in APPROVAL_TEXT.split("\n") if line.strip() not in ("产出指标", "满意度指标")]
    text = "\n".join(lines).replace("工作量指标", "时效指标")
    indicators = read_text(text.encode(), "case.txt")[0].sheets[0].indicators
    assert [(i.level1, i.level2_raw, i.name) for i in indicators] == [
        (None, "成本指标(必填硬性指标)", "按照物价部门定价标准采购"), ("产出指标", "时效指标", "疫苗提供及时率"),
        ("满意度指标", "服务对象满意度指标(必填)", "服务对象满意度")]
