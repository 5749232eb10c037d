"""Building .docx and .xlsx inputs for tests from compact table specs.

A table is a list of rows of cell texts, where ``None`` continues the cell to its left (a horizontal merge)
and ``"^"`` continues the cell above (a vertical merge). A document is a list of paragraphs (str) and tables.
"""

from __future__ import annotations

import io

import docx
import openpyxl

LEFT, UP = None, "^"

Table = list[list[str | None]]


def merges(table: Table) -> list[tuple[int, int, int, int, str]]:
    """(row, column, last row, last column, text) of every cell that starts a (possibly merged) range."""
    ranges = []
    for r, row in enumerate(table):
        for c, text in enumerate(row):
            if text is LEFT or text == UP:
                continue
            last_c = c
            while last_c + 1 < len(row) and row[last_c + 1] is LEFT:
                last_c += 1
            last_r = r
            while last_r + 1 < len(table) and c < len(table[last_r + 1]) and table[last_r + 1][c] == UP:
                last_r += 1
            ranges.append((r, c, last_r, last_c, text))
    return ranges


def docx_file(*blocks: str | Table) -> bytes:
    """A .docx holding the paragraphs and tables in order."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(row) for row in block)
        table = document.add_table(rows=len(block), cols=width)
        for r, c, last_r, last_c, text in merges(block):
            cell = table.cell(r, c)
            if (last_r, last_c) != (r, c):
                cell = cell.merge(table.cell(last_r, last_c))
            lines = text.split("\n")
            cell.paragraphs[0].add_run(lines[0])
            for line in lines[1:]:
                cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_file(*worksheets: Table, titles: list[str] | None = None) -> bytes:
    """An .xlsx with one worksheet per table; numbers given as int/float stay numbers."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for index, table in enumerate(worksheets):
        sheet = workbook.create_sheet(titles[index] if titles else f"Sheet{index + 1}")
        for r, c, last_r, last_c, value in merges(table):
            sheet.cell(r + 1, c + 1, value if value != "" else None)
            if (last_r, last_c) != (r, c):
                sheet.merge_cells(start_row=r + 1, start_column=c + 1, end_row=last_r + 1, end_column=last_c + 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


HEADER = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]

# The sample's first table as a Word/Excel table: merged labels, merged 一级/二级 cells.
SAMPLE_TABLE: Table = [
    ["项目编码", "434-4.05-JXN-4QXO", LEFT, "项目名称", "乡镇环境治理经费", LEFT, LEFT],
    ["预算规模及资金用途", "预算数", "18.00", "其中：财政资金", "18.00", "其他资金", ""],
    [UP, "该项目规划城乡垃圾收运处理", LEFT, LEFT, LEFT, LEFT, LEFT],
    ["资金支出计划（%）", "3月底", "6月底", LEFT, "10月底", "12月底", LEFT],
    [UP, "30.00", "60.00", LEFT, "90.00", "100.00", LEFT],
    ["绩效目标", "1、改善14个村生态环境\n2、垃圾集中收集", LEFT, LEFT, LEFT, LEFT, LEFT],
    ["一级指标", "二级指标", "三级指标", "绩效指标描述", LEFT, "指标值", "指标值确定依据"],
    ["产出指标", "数量指标", "村人居环境整治个数", "全乡18个行政村全覆盖", LEFT, "≥18全乡18个行政村全覆盖", "遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》"],
    [UP, "质量指标", "设施正常使用率", "垃圾桶正常使用率100%", LEFT, "≥100垃圾桶正常使用率100%", "计划标准"],
    [UP, UP, "受益人数", "全乡辖区内常住人口", LEFT, "≥100%百分比", "计划标准"],
    ["效果指标", "社会效益指标", "受益人口数", "24400人", LEFT, "≥24400%百分比,全乡人口24400人", "计划标准"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "受益人口满意度100%", LEFT, "≥100100%", "计划标准"],
]
