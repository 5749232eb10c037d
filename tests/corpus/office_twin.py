"""The office twin of the corpus: the content of the dev goldens written as .docx, .xlsx, .xls and .pdf in real-world
layouts.

Units send Word and Excel files far more than text. Each dev golden with indicators is written, with
python-docx and openpyxl directly (never through jixiao's writers, which only make the layout jixiao reads), in
the layouts users actually have:

* ``standard.docx`` — the 财预〔2020〕88号 style form: one table whose header rows hold 项目名称, 主管部门,
  实施单位, 资金 and 年度目标, then a vertical merged ``绩效指标`` label column left of 一级指标, vertically merged
  一级/二级 cells, level names broken over two lines inside their cells (``数量\\n指标``), the target in one cell
  (``≥95%``); self-evaluations add 实际完成值, 分值 and 得分 columns.
* ``pages.docx`` — the same grid split over a page break into two tables, the header row repeated in the
  second and its level cells repeated.
* ``export.xlsx`` — the budget system's long export: one row per indicator with 项目编码, 项目名称 and 单位
  repeated, split 指标性质 / 指标值 / 度量单位 columns, a hidden internal-id column, percentages stored as
  fractions with a percent number format (0.95 shown as 95%).
* ``pairs.xlsx`` — 长期 and 年度 column pairs under a two-row header, vertically merged 一级/二级 cells, one
  worksheet per project; a third of the projects (those whose name fits a tab) named only by their worksheet's
  tab, with no 项目名称 row, as units keeping one project a worksheet do.
* ``nested.docx`` — the form as a frame table whose one wide cell holds the indicator grid as a nested table,
  long names broken over two lines inside their cells, then the rows after the grid (审核意见, 盖章 and
  填报日期) in the frame and 注 / 填表说明 paragraphs below it.
* ``selfeval.docx`` and ``selfeval.xlsx`` — the 绩效自评表 form: the 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
  执行率 / 得分 funds block, 预期目标 / 实际完成情况, then 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因 columns
  and a 总分 row.
* ``stacked.xlsx`` — two projects (this golden and the next one) one below the other in ONE worksheet, each
  with its title, a real date cell (填报日期), split 指标性质 / 指标值 / 度量单位 columns, a hidden row of
  internal notes and the trailer rows (审核意见, 单位盖章, 填表说明).
* ``approval.xlsx`` — the 批复表: one 绩效指标 column in which 一级指标, 二级指标 and indicator names stand on rows
  of their own, their level shown only by the cell's indentation, the target in the next column.
* ``ndrc.xlsx`` — the NDRC 中央预算内投资计划 form: 专项名称 / 项目名称 / 项目单位 / 总投资 rows, then a merged
  ``实施效果指标`` label column left of 一级指标.
* ``ruled.pdf`` (every fifth golden) — the form printed to PDF: a ruled table with merged level cells, split
  over two pages with the header row repeated.
* ``template.docx`` — a government template as units fill it in: the header block as ``项目名称：…`` paragraphs
  above the grid, content controls (``w:sdt``) around the values, around cells and around runs, every third name
  retyped with changes tracked (the old name in ``w:del``), ≥ and ≤ inserted from the Symbol font (``w:sym``), and
  the grid as WPS writes it (no ``w:tblGrid``, ``gridSpan`` on every cell, ``vMerge="continue"``).
* ``textbox.docx`` — the standard form inside a text box (a PDF converted to Word, a form laid out by hand),
  written twice as Word writes it: DrawingML under ``mc:Choice``, a VML copy under ``mc:Fallback``.
* ``filled.xlsx`` — a unit's own workbook: a hidden worksheet of drop-down lists, a title merged over the width,
  the budget under a thousands format, the date a serial under a Chinese date format, a blank column between the
  levels and the indicators, Alt+Enter breaks, rich-text names, comments, 分值 typed as decimals and 得分 as
  formulas with their cached values under a 合计 row.
* ``unruled.pdf`` (every fifth golden, others than ruled.pdf's) — a Word table without borders printed to
  landscape pages: the header block as lines above the grid, the grid over three pages with its header repeated.
* ``legacy.xls`` (every twentieth golden) — ``export.xlsx`` saved as Excel 97–2003 by LibreOffice (needs
  ``soffice``, as the .doc and .xls tests do): percentages under a percent format, the hidden column.

Not in the twin: Word 97 (.doc) files, which LibreOffice 7.4 cannot write from python-docx's tables (they come out
as paragraphs; saved through .odt they read like the .docx), and a scan without a text layer, which is refused with
a message saying so (tests/documents/readers/test_pdf_reader.py).

The golden of a twin file is the golden it was written from (its sheets that hold indicators) as far as its
layout prints it (the header fields it has rows for, the self-evaluation columns it has), so the corpus benchmark
scores twins exactly like the text documents. Files go to a folder the caller gives (a temporary one
in tests and benchmarks); none is committed.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Alignment

from benchmarks.corpus_score import load_golden, load_manifest
from jixiao.documents.readers.doc_reader import soffice_path

__all__ = ["LAYOUTS", "SELFEVAL_LAYOUTS", "Twin", "twin_goldens", "write_selfeval_twins", "write_twins"]

LAYOUTS = ("standard.docx", "pages.docx", "export.xlsx", "pairs.xlsx", "nested.docx", "selfeval.docx",
           "selfeval.xlsx", "stacked.xlsx", "approval.xlsx", "ndrc.xlsx", "ruled.pdf", "template.docx", "textbox.docx", "filled.xlsx",
           "unruled.pdf", "legacy.xls")
_PDF_EVERY = 5  # PDFs are slow to write and read: every fifth golden is enough to follow the family
_LEGACY_EVERY = 20  # LibreOffice converts each .xls twice (to write it, to read it), about two seconds a time
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class Twin:
    """One written twin file and the golden it must read as."""

    path: Path
    golden: dict
    layout: str


def twin_goldens() -> Iterator[tuple[str, dict]]:
    """The dev goldens that hold indicators, restricted to their sheets with indicators."""
    for entry in load_manifest():
        golden = load_golden(entry.stem)
        # a binary document's golden is its text twin's (the same document), written once
        if entry.split != "dev" or entry.twin_of or golden is None or not golden.get("has_table"):
            continue
        sheets = [sheet for sheet in golden["sheets"] if any(item.get("name") for item in sheet["indicators"])]
        if sheets:
            yield entry.stem, {"has_table": True, "cut": False, "sheets": [
                {**sheet, "indicators": [item for item in sheet["indicators"] if item.get("name")]} for sheet in sheets]}


def write_twins(folder: Path) -> list[Twin]:
    """Write every layout of every dev golden into ``folder``."""
    writers = {"standard.docx": _write_standard, "pages.docx": _write_pages, "export.xlsx": _write_export,
               "pairs.xlsx": _write_pairs, "nested.docx": _write_nested, "selfeval.docx": _write_selfeval_docx,
               "selfeval.xlsx": _write_selfeval_xlsx, "approval.xlsx": _write_approval, "ndrc.xlsx": _write_ndrc,
               "ruled.pdf": _write_pdf, "template.docx": _write_template, "textbox.docx": _write_textbox,
               "filled.xlsx": _write_filled, "unruled.pdf": _write_unruled_pdf}
    goldens = list(twin_goldens())
    twins = []
    for number, (stem, golden) in enumerate(goldens):
        for layout in LAYOUTS:
            if layout == "stacked.xlsx":
                # this project and the next one in one worksheet; the file's golden holds both
                other_stem, other = goldens[(number + 1) % len(goldens)]
                path = folder / f"{stem.split('_', 1)[0]}+{other_stem.split('_', 1)[0]}_two.{layout}"
                pair = {**golden, "sheets": golden["sheets"] + other["sheets"]}
                _write_stacked(pair, path)
                twins.append(Twin(path, _printed(pair, layout), layout))
                continue
            if layout == "ruled.pdf" and number % _PDF_EVERY or layout == "unruled.pdf" and (number + 2) % _PDF_EVERY:
                continue
            if layout == "legacy.xls":
                if number % _LEGACY_EVERY == 0:
                    # the export saved as .xls: written as .xlsx here, all of them converted at the end
                    _write_export(golden, folder / f"{stem}.legacy.xlsx")
                    twins.append(Twin(folder / f"{stem}.{layout}", _printed(golden, layout), layout))
                continue
            path = folder / f"{stem}.{layout}"
            writers[layout](golden, path)
            twins.append(Twin(path, _printed(golden, layout), layout))
    _saved_as_xls(sorted(folder.glob("*.legacy.xlsx")), folder)
    return twins


def _saved_as_xls(paths: list[Path], folder: Path) -> None:
    """Save the workbooks at ``paths`` as Excel 97–2003 files beside them, by LibreOffice in one run."""
    if paths:
        subprocess.run([soffice_path() or "soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--headless", "--convert-to", "xls", "--outdir", str(folder), *map(str, paths)],
                       check=True, capture_output=True, timeout=600)


_SHEET_FIGURES = ("budget_initial", "budget_full", "executed", "executed_to_date", "execution_rate", "claimed_total")


# layouts with weight, actual and score columns
_ALL_REPORTED = ("export.xlsx", "legacy.xls", "selfeval.docx", "selfeval.xlsx")
# layouts with them only for self-evaluations
_SELF_EVALUATION_COLUMNS = ("standard.docx", "pages.docx", "template.docx", "textbox.docx", "filled.xlsx")
# The scored header fields each layout writes besides the project name. The others are absent from the file, so
# the twin's golden must not ask for them: the NDRC form's 总投资 is the whole investment, not the year's funds.
_HEADER_FIELDS = ("budget_total", "fiscal", "other", "goals")
_HEADER_PRINTED = {"standard.docx": ("budget_total", "goals"), "pages.docx": ("budget_total", "goals"),
                   "template.docx": ("budget_total", "goals"), "textbox.docx": ("budget_total", "goals"),
                   "filled.xlsx": ("budget_total",),
                   "pairs.xlsx": ("budget_total",), "nested.docx": ("goals",),
                   "selfeval.docx": _HEADER_FIELDS, "selfeval.xlsx": _HEADER_FIELDS}


# layouts that print no year: the budget system's export has no title, and its project codes are the twin's own
_NO_YEAR = ("export.xlsx", "legacy.xls")


def _printed(golden: dict, layout: str) -> dict:
    """The golden as far as a layout prints it: no layout writes the money table or a claimed total; the header
    fields only where the layout writes them; the year where it has a title; weight, actual and score only where the
    layout has their columns."""
    def dropped(sheet: dict) -> tuple[str, ...]:
        if layout in _ALL_REPORTED or (layout in _SELF_EVALUATION_COLUMNS and _is_self_evaluation(sheet)):
            return ()
        return "weight", "actual", "score"

    absent = _SHEET_FIGURES + tuple(name for name in _HEADER_FIELDS if name not in _HEADER_PRINTED.get(layout, ())) \
        + (("year",) if layout in _NO_YEAR else ())
    return {**golden, "sheets": [
        {**{key: value for key, value in sheet.items() if key not in absent},
         "indicators": [{key: value for key, value in item.items() if key not in dropped(sheet)}
                        for item in sheet["indicators"]]}
        for sheet in golden["sheets"]]}


def _target(item: dict) -> str:
    """The target as one cell shows it: operator, value and unit run together."""
    value = item.get("value")
    if value is None:
        return ""
    if item.get("qualitative") or not _NUMBER.fullmatch(value):
        return value
    return f"{item.get('operator') or ''}{value}{item.get('unit') or ''}"


def _is_self_evaluation(sheet: dict) -> bool:
    return any(item.get("actual") is not None or item.get("score") is not None for item in sheet["indicators"])


def _broken(level: str | None) -> str:
    """A level name wrapped inside its cell, as narrow form columns print it."""
    text = level or ""
    return text[:-2] + "\n" + text[-2:] if text.endswith("指标") and len(text) > 3 else text


def _runs(values: list[str]) -> list[tuple[int, int]]:
    """[start, end) of each run of equal neighbouring values."""
    runs, start = [], 0
    for index in range(1, len(values) + 1):
        if index == len(values) or values[index] != values[start]:
            runs.append((start, index))
            start = index
    return runs


# --- Word -----------------------------------------------------------------------------------------------------

def _grid_columns(sheet: dict) -> list[str]:
    columns = ["一级指标", "二级指标", "三级指标", "指标值"]
    return columns + ["实际完成值", "分值", "得分"] if _is_self_evaluation(sheet) else columns


def _grid_cells(item: dict, self_evaluation: bool) -> list[str]:
    cells = [_broken(item.get("level1")), _broken(item.get("level2")), item["name"], _target(item)]
    if self_evaluation:
        cells += [item.get("actual") or "", item.get("weight") or "", item.get("score") or ""]
    return cells


def _header_rows(table, sheet: dict, width: int) -> None:
    """The form's header rows: label cell, then the content merged across the rest of the row."""
    fields = [("项目名称", sheet.get("name") or ""), ("主管部门", sheet.get("department") or sheet.get("unit") or ""),
              ("实施单位", sheet.get("unit") or ""),
              ("项目资金（" + (sheet.get("money_unit") or "万元") + "）", f"年度资金总额：{sheet.get('budget_total') or ''}"),
              ("年度目标", "；".join(sheet.get("goals") or []))]
    for label, text in fields:
        row = table.add_row().cells
        row[0].text = label
        merged = row[1].merge(row[width - 1])
        merged.text = text


def _indicator_table(document, sheet: dict, items: list[dict], with_form: bool) -> None:
    self_evaluation = _is_self_evaluation(sheet)
    columns = _grid_columns(sheet)
    width = len(columns) + 1
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if with_form:
        _header_rows(table, sheet, width)
    first = len(table.rows)
    header = table.add_row().cells
    header[0].text = "绩效指标"
    for cell, text in zip(header[1:], columns, strict=True):
        cell.text = text
    rows = []
    for item in items:
        cells = table.add_row().cells
        for cell, text in zip(cells[1:], _grid_cells(item, self_evaluation), strict=True):
            cell.text = text
        rows.append(cells)
    # The vertical 绩效指标 label spans the header and every indicator row; equal level cells merge downwards.
    table.cell(first, 0).merge(table.cell(len(table.rows) - 1, 0)).text = "绩效指标"
    for column, key in ((1, "level1"), (2, "level2")):
        for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
            if end - start > 1:
                merged = rows[start][column].merge(rows[end - 1][column])
                merged.text = _broken(items[start].get(key))


def _write_standard(golden: dict, path: Path) -> None:
    document = WordDocument()
    for sheet in golden["sheets"]:
        document.add_paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）")
        _indicator_table(document, sheet, sheet["indicators"], with_form=True)
    document.save(path)


# --- Word as units fill it in: a government template, a form in a text box -------------------------------------

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_VML = "urn:schemas-microsoft-com:vml"
_SYMBOL_CODES = {"≥": "F0B3", "≤": "F0A3"}  # the Symbol font's ≥ and ≤, as Insert > Symbol writes them


def _header_paragraphs(document, sheet: dict) -> None:
    """The header block as ``label：value`` paragraphs above the grid."""
    money_unit = sheet.get("money_unit") or "万元"
    for label, text in (("项目名称", sheet.get("name") or ""),
                        ("主管部门", sheet.get("department") or sheet.get("unit") or ""),
                        ("实施单位", sheet.get("unit") or ""), (f"年度资金总额（{money_unit}）", sheet.get("budget_total") or ""),
                        ("年度目标", "；".join(sheet.get("goals") or []))):
        document.add_paragraph(f"{label}：{text}")


def _element(tag: str, **attributes: str) -> etree._Element:
    node = etree.Element(qn(tag))
    for name, value in attributes.items():
        node.set(qn(f"w:{name}"), value)
    return node


def _in_control(node: etree._Element, alias: str) -> None:
    """Wrap ``node`` (a cell, a run) in a content control, as a template's fill-in fields are."""
    control = _element("w:sdt")
    properties = etree.SubElement(control, qn("w:sdtPr"))
    properties.append(_element("w:alias", val=alias))
    content = etree.SubElement(control, qn("w:sdtContent"))
    node.addprevious(control)
    content.append(node)


def _as_template(body: etree._Element, names: set[str]) -> None:
    """What a government template and its users leave in the XML: the grid as WPS writes it (no ``w:tblGrid``, an
    explicit ``gridSpan`` on every cell and ``vMerge="continue"``), ≥ and ≤ inserted from the Symbol font, every
    third indicator's name retyped with changes tracked (the old name deleted), and content controls around the
    header block's values, around the cells of every other row and around the runs of the rest."""
    for grid in list(body.iter(qn("w:tblGrid"))):
        grid.getparent().remove(grid)
    for properties in body.iter(qn("w:tcPr")):
        if properties.find(qn("w:gridSpan")) is None:
            properties.append(_element("w:gridSpan", val="1"))
        merge = properties.find(qn("w:vMerge"))
        if merge is not None and merge.get(qn("w:val")) is None:
            merge.set(qn("w:val"), "continue")
    retyped = 0
    for text in list(body.iter(qn("w:t"))):
        run = text.getparent()
        if text.text and text.text[0] in _SYMBOL_CODES:
            text.addprevious(_element("w:sym", font="Symbol", char=_SYMBOL_CODES[text.text[0]]))
            text.text = text.text[1:]
        elif text.text in names:
            retyped += 1
            if retyped % 3 == 0:
                deleted = _element("w:del", id=str(retyped), author="填报人")
                etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = "原指标名称"
                inserted = _element("w:ins", id=str(retyped + 1), author="填报人")
                run.addprevious(deleted)
                deleted.addnext(inserted)
                inserted.append(run)
    for paragraph in body.iterchildren(qn("w:p")):
        for run in list(paragraph.iterchildren(qn("w:r"))):
            _in_control(run, "填写内容")
    for table in body.iterchildren(qn("w:tbl")):
        for number, row in enumerate(table.iterchildren(qn("w:tr"))):
            for cell in list(row.iterchildren(qn("w:tc"))):
                if number % 2:
                    _in_control(cell, "单元格")
                else:
                    for run in list(cell.iter(qn("w:r"))):
                        if run.getparent().tag == qn("w:p"):
                            _in_control(run, "填写内容")


def _write_template(golden: dict, path: Path) -> None:
    document = WordDocument()
    for sheet in golden["sheets"]:
        document.add_paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）")
        _header_paragraphs(document, sheet)
        _indicator_table(document, sheet, sheet["indicators"], with_form=False)
    _as_template(document.element.body, {item["name"] for sheet in golden["sheets"] for item in sheet["indicators"]})
    document.save(path)


def _write_textbox(golden: dict, path: Path) -> None:
    """The standard form inside a text box (how a PDF converted to Word, or a form laid out by hand, holds it), the
    box written twice as Word writes it: DrawingML under mc:Choice, a VML copy under mc:Fallback."""
    document = WordDocument()
    for sheet in golden["sheets"]:
        document.add_paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）")
        _indicator_table(document, sheet, sheet["indicators"], with_form=True)
        document.add_paragraph()
    body = document.element.body
    blocks = [child for child in body if child.tag != qn("w:sectPr")]
    note, anchor = _element("w:p"), _element("w:p")  # body text, then the paragraph the box is anchored in
    etree.SubElement(etree.SubElement(note, qn("w:r")), qn("w:t")).text = "附件："
    body.insert(0, anchor)
    body.insert(0, note)
    alternate = etree.SubElement(etree.SubElement(anchor, qn("w:r")), f"{{{_MC}}}AlternateContent")
    choice = etree.SubElement(alternate, f"{{{_MC}}}Choice", Requires="wps")
    shape = etree.SubElement(etree.SubElement(choice, qn("w:drawing")), f"{{{_WPS}}}wsp")
    drawn = etree.SubElement(etree.SubElement(shape, f"{{{_WPS}}}txbx"), qn("w:txbxContent"))
    fallback = etree.SubElement(etree.SubElement(alternate, f"{{{_MC}}}Fallback"), qn("w:pict"))
    vml = etree.SubElement(etree.SubElement(etree.SubElement(fallback, f"{{{_VML}}}shape"), f"{{{_VML}}}textbox"),
                           qn("w:txbxContent"))
    for block in blocks:
        vml.append(deepcopy(block))
        drawn.append(block)
    document.save(path)


def _write_pages(golden: dict, path: Path) -> None:
    document = WordDocument()
    for sheet in golden["sheets"]:
        items = sheet["indicators"]
        half = max(1, len(items) // 2)
        document.add_paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）")
        _indicator_table(document, sheet, items[:half], with_form=True)
        if items[half:]:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            document.add_paragraph("（续表）")
            _indicator_table(document, sheet, items[half:], with_form=False)
    document.save(path)


# --- Excel ----------------------------------------------------------------------------------------------------

def _append(out, values: list) -> None:
    """Append a row whose text cells stay text (see _as_text)."""
    out.append(values)
    _as_text(out[out.max_row])


def _number(value: str) -> int | float:
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() and "." not in value else float(number)


def _as_text(row) -> None:
    """Cells typed as text stay text: openpyxl takes a string starting with ``=`` (``=3500米``, an operator ``=``)
    for a formula, where Excel stores what a user types into a text cell as a string."""
    for cell in row:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _write_export(golden: dict, path: Path) -> None:
    workbook = Workbook()
    sheet_out = workbook.active
    sheet_out.title = "绩效目标"
    header = ["项目编码", "内部ID", "项目名称", "单位名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
              "度量单位", "权重"]
    self_evaluation = any(_is_self_evaluation(sheet) for sheet in golden["sheets"])
    if self_evaluation:
        header += ["实际完成值", "得分"]
    _append(sheet_out, header)
    sheet_out.column_dimensions["B"].hidden = True
    row_id = 0
    for number, sheet in enumerate(golden["sheets"], 1):
        code = sheet.get("code") or f"XM{sheet.get('year') or 2000}{number:04d}"
        for item in sheet["indicators"]:
            row_id += 1
            value = item.get("value")
            numeric = value is not None and not item.get("qualitative") and _NUMBER.fullmatch(value)
            cells = [code, f"ID-{row_id:06d}", sheet.get("name") or "", sheet.get("unit") or "",
                     item.get("level1") or "", item.get("level2") or "", item["name"],
                     item.get("operator") or ("定量" if numeric else "定性"),
                     _number(value) if numeric else (value or ""), item.get("unit") or "",
                     _number(item["weight"]) if item.get("weight") and _NUMBER.fullmatch(item["weight"]) else ""]
            if self_evaluation:
                cells += [item.get("actual") or "", item.get("score") or ""]
            _append(sheet_out, cells)
            if numeric and item.get("unit") == "%":
                cell = sheet_out.cell(row=sheet_out.max_row, column=9)
                cell.value = float(Decimal(value) / 100)
                cell.number_format = "0.00%" if "." in value else "0%"
    workbook.save(path)


def _write_pairs(golden: dict, path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, sheet in enumerate(golden["sheets"], 1):
        name = sheet.get("name") or ""
        tabbed = _tab_named(name) and name not in workbook.sheetnames
        out = workbook.create_sheet(name if tabbed else f"项目{number}")
        _append(out, [f"项目支出绩效目标表（{sheet.get('year') or ''}年度）"])
        if not tabbed:
            _append(out, ["项目名称", name])
        _append(out, ["实施单位", sheet.get("unit") or ""])
        _append(out, ["年度资金总额（万元）" if (sheet.get("money_unit") or "万元") == "万元" else "年度资金总额",
                    sheet.get("budget_total") or ""])
        top = out.max_row + 1
        _append(out, ["一级指标", "二级指标", "长期指标", None, "年度指标", None])
        _append(out, [None, None, "三级指标", "指标值", "三级指标", "指标值"])
        out.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
        out.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
        out.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
        out.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
        first = out.max_row + 1
        items = sheet["indicators"]
        for item in items:
            _append(out, [item.get("level1") or "", item.get("level2") or "", item["name"], _target(item),
                        item["name"], _target(item)])
        for column, key in ((1, "level1"), (2, "level2")):
            for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
                if end - start > 1:
                    out.merge_cells(start_row=first + start, start_column=column,
                                    end_row=first + end - 1, end_column=column)
                    out.cell(first + start, column).alignment = Alignment(vertical="center", wrap_text=True)
    workbook.save(path)


_TAB_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _tab_named(name: str) -> bool:
    """Whether a project is named by its worksheet's tab only: a third of those whose name a tab can hold (Excel's 31
    characters, none of those it refuses), picked by the name so that a golden's twin is the same each time."""
    return 0 < len(name) <= 31 and not _TAB_FORBIDDEN.search(name) and zlib.crc32(name.encode()) % 3 == 0


# --- The rest of the families: nested frame, self-evaluation, stacked projects, 批复表, NDRC, PDF ------------------

_TRAILER = [("审核意见", "经审核，同意该项目绩效目标。"), ("单位（盖章）", "填报日期：2023年3月1日")]
_NOTES = ["注：1.指标值应量化，定性指标应表述清楚。", "填表说明：本表由项目实施单位填写，主管部门审核。"]
_SELF_EVALUATION_GRID = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                         "偏差原因分析及改进措施"]


def _wrapped(name: str, number: int) -> str:
    """Every other long name wrapped inside its cell, as a narrow column prints it."""
    if number % 2 or len(name) < 10:
        return name
    return name[: len(name) // 2] + "\n" + name[len(name) // 2:]


def _merge_levels_docx(table, rows: list, items: list[dict], first_column: int) -> None:
    for column, key in ((first_column, "level1"), (first_column + 1, "level2")):
        for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
            if end - start > 1:
                rows[start][column].merge(rows[end - 1][column]).text = _broken(items[start].get(key))


def _write_nested(golden: dict, path: Path) -> None:
    document = WordDocument()
    for sheet in golden["sheets"]:
        document.add_paragraph(f"{sheet.get('year') or ''}年度项目支出绩效目标申报表")
        frame = document.add_table(rows=0, cols=2)
        frame.style = "Table Grid"
        for label, text in (("项目名称", sheet.get("name") or ""), ("实施单位", sheet.get("unit") or ""),
                            ("年度目标", "；".join(sheet.get("goals") or []))):
            row = frame.add_row().cells
            row[0].text, row[1].text = label, text
        holder = frame.add_row().cells
        cell = holder[0].merge(holder[1])
        cell.text = "年度绩效指标"
        grid = cell.add_table(rows=1, cols=4)
        grid.style = "Table Grid"
        for header_cell, text in zip(grid.rows[0].cells, ["一级指标", "二级指标", "三级指标", "指标值"], strict=True):
            header_cell.text = text
        items, rows = sheet["indicators"], []
        for number, item in enumerate(items):
            cells = grid.add_row().cells
            for grid_cell, text in zip(cells, [item.get("level1") or "", item.get("level2") or "",
                                               _wrapped(item["name"], number), _target(item)], strict=True):
                grid_cell.text = text
            rows.append(cells)
        _merge_levels_docx(grid, rows, items, 0)
        for label, text in _TRAILER:
            row = frame.add_row().cells
            row[0].text, row[1].text = label, text
        for note in _NOTES:
            document.add_paragraph(note)
    document.save(path)


def _funds(sheet: dict) -> list[list[str]]:
    """The self-evaluation's funds block: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分."""
    total = sheet.get("budget_total") or "100"
    fiscal = _amount(sheet.get("fiscal")) or total
    other = _amount(sheet.get("other")) or "0"
    return [["年度资金总额", total, total, _spent(total), "10", "95%", "9.5"],
            ["其中：当年财政拨款", fiscal, fiscal, _spent(fiscal), "—", "95%", "—"],
            ["其他资金", other, other, _spent(other), "—", "—", "—"]]


def _spent(amount: str) -> str:
    """95% of an amount (of 100 when the golden states no number)."""
    number = Decimal(amount) if _NUMBER.fullmatch(amount) else Decimal(100)
    return str((number * Decimal("0.95")).quantize(Decimal("0.01")))


def _amount(text: str | None) -> str | None:
    """A golden money field when it is one number (some goldens note the funds' sources in words instead)."""
    return text if text and _NUMBER.fullmatch(text) else None


def _selfeval_rows(sheet: dict) -> tuple[list[tuple[int, list[str]]], int]:
    """The self-evaluation form as (kind, cells) rows over 9 columns; kinds: 0 full-width, 1 label + merged
    text, 2 plain grid row, 3 indicator row. Returns the rows and the index of the first indicator row."""
    goals = "；".join(sheet.get("goals") or [])
    rows: list[tuple[int, list[str]]] = [
        (0, [f"项目支出绩效自评表（{sheet.get('year') or ''}年度）"]),
        (1, ["项目名称", sheet.get("name") or ""]),
        (2, ["主管部门", sheet.get("department") or sheet.get("unit") or "", "", "", "实施单位",
             sheet.get("unit") or "", "", "", ""]),
        (2, ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""])]
    rows += [(2, ["", *funds, ""]) for funds in _funds(sheet)]
    rows += [(2, ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", ""]),
             (2, ["", goals, "", "", "", "基本完成年度目标。" if goals else "", "", "", ""]),
             (2, ["绩效指标", *_SELF_EVALUATION_GRID])]
    first = len(rows)
    for item in sheet["indicators"]:
        rows.append((3, ["", item.get("level1") or "", item.get("level2") or "", item["name"], _target(item),
                         item.get("actual") or "", item.get("weight") or "", item.get("score") or "", ""]))
    rows.append((2, ["总分", "", "", "", "", "", "100", "", ""]))
    return rows, first


def _write_selfeval_docx(golden: dict, path: Path) -> None:
    document = WordDocument()
    for sheet in golden["sheets"]:
        rows, first = _selfeval_rows(sheet)
        table = document.add_table(rows=0, cols=9)
        table.style = "Table Grid"
        written = []
        for kind, texts in rows:
            cells = table.add_row().cells
            if kind == 0:
                cells[0].merge(cells[8]).text = texts[0]
            elif kind == 1:
                cells[0].text = texts[0]
                cells[1].merge(cells[8]).text = texts[1]
            else:
                for cell, text in zip(cells, texts, strict=True):
                    cell.text = text
            written.append(cells)
        last = first + len(sheet["indicators"]) - 1
        table.cell(first - 1, 0).merge(table.cell(last, 0)).text = "绩效指标"
        _merge_levels_docx(table, written[first:last + 1], sheet["indicators"], 1)
    document.save(path)


def _merge_levels_xlsx(out, items: list[dict], first_row: int, first_column: int) -> None:
    for column, key in ((first_column, "level1"), (first_column + 1, "level2")):
        for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
            if end - start > 1:
                out.merge_cells(start_row=first_row + start, start_column=column,
                                end_row=first_row + end - 1, end_column=column)


def _write_selfeval_xlsx(golden: dict, path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, sheet in enumerate(golden["sheets"], 1):
        out = workbook.create_sheet(f"自评表{number}")
        rows, first = _selfeval_rows(sheet)
        for kind, texts in rows:
            _append(out, [_cell_value(text) for text in texts])
            if kind in (0, 1):
                out.merge_cells(start_row=out.max_row, start_column=kind + 1, end_row=out.max_row, end_column=9)
        last = first + len(sheet["indicators"])  # 1-based rows: the header is row ``first``
        out.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
        _merge_levels_xlsx(out, sheet["indicators"], first + 1, 2)
    workbook.save(path)


SELFEVAL_LAYOUTS = {"selfeval.docx": _write_selfeval_docx, "selfeval.xlsx": _write_selfeval_xlsx}


def write_selfeval_twins(folder: Path, stems: set[str]) -> list[Twin]:
    """Write the 绩效自评表 form's layouts (:data:`SELFEVAL_LAYOUTS`) of the dev goldens of ``stems`` into ``folder``."""
    twins = []
    for stem, golden in twin_goldens():
        if stem in stems:
            for layout, write in SELFEVAL_LAYOUTS.items():
                write(golden, path := folder / f"{stem}.{layout}")
                twins.append(Twin(path, _printed(golden, layout), layout))
    return twins


def _cell_value(text: str) -> str | int | float:
    """Numbers as numbers, as a user types them into Excel; everything else as text."""
    return _number(text) if _NUMBER.fullmatch(text or "") else text


def _split_cells(item: dict) -> list:
    """指标性质 / 指标值 / 度量单位, the value a number where it is one, percentages under a percent format."""
    value = item.get("value")
    numeric = value is not None and not item.get("qualitative") and _NUMBER.fullmatch(value)
    return [item.get("operator") or ("定量" if numeric else "定性"), _number(value) if numeric else (value or ""),
            item.get("unit") or ""]


def _one_worksheet(title: str):
    """A workbook of one worksheet named ``title``, and that worksheet."""
    workbook = Workbook()
    workbook.active.title = title
    return workbook, workbook.active


def _write_stacked(golden: dict, path: Path) -> None:
    workbook, out = _one_worksheet("绩效目标")
    for sheet in golden["sheets"]:
        _append(out, [f"{sheet.get('year') or ''}年度项目绩效目标表"])
        _append(out, ["项目名称", sheet.get("name") or "", None, "填报日期", datetime(2023, 3, 1)])
        out.cell(out.max_row, 5).number_format = "yyyy-mm-dd"
        _append(out, ["实施单位", sheet.get("unit") or ""])
        _append(out, ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"])
        first = out.max_row + 1
        items = sheet["indicators"]
        for number, item in enumerate(items):
            _append(out, [item.get("level1") or "", item.get("level2") or "", _wrapped(item["name"], number),
                        *_split_cells(item)])
            if item.get("unit") == "%" and isinstance(out.cell(out.max_row, 5).value, (int, float)):
                cell = out.cell(out.max_row, 5)
                cell.value = float(Decimal(item["value"]) / 100)
                cell.number_format = "0.00%" if "." in item["value"] else "0%"
                out.cell(out.max_row, 6).value = None  # the format shows the unit
            out.cell(out.max_row, 3).alignment = Alignment(wrap_text=True)
        _merge_levels_xlsx(out, items, first, 1)
        _append(out, ["内部校验", "通过", "系统生成，请勿修改"])
        out.row_dimensions[out.max_row].hidden = True
        for label, text in _TRAILER:
            _append(out, [label, text])
        _append(out, [_NOTES[1]])
        _append(out, [])
        _append(out, [])
    workbook.save(path)


def _write_approval(golden: dict, path: Path) -> None:
    workbook, out = _one_worksheet("绩效目标批复表")
    for sheet in golden["sheets"]:
        _append(out, [f"{sheet.get('year') or ''}年度项目支出绩效目标批复表"])
        _append(out, [f"项目名称：{sheet.get('name') or ''}", None, f"实施单位：{sheet.get('unit') or ''}"])
        _append(out, ["绩效指标", "指标值", "备注"])
        level1 = level2 = None
        for item in sheet["indicators"]:
            if item.get("level1") != level1:
                level1, level2 = item.get("level1"), None
                _append(out, [level1 or ""])
            if item.get("level2") != level2:
                level2 = item.get("level2")
                _append(out, [level2 or ""])
                out.cell(out.max_row, 1).alignment = Alignment(indent=1)
            _append(out, [item["name"], _target(item)])
            out.cell(out.max_row, 1).alignment = Alignment(indent=2)
        _append(out, [])
    workbook.save(path)


def _write_ndrc(golden: dict, path: Path) -> None:
    workbook, out = _one_worksheet("中央预算内投资")
    for sheet in golden["sheets"]:
        _append(out, [f"中央预算内投资计划项目绩效目标表（{sheet.get('year') or ''}年）"])
        for label, text in (("专项名称", "中央预算内投资专项"), ("项目名称", sheet.get("name") or ""),
                            ("项目单位", sheet.get("unit") or ""), ("总投资（万元）", sheet.get("budget_total") or "")):
            _append(out, [label, _cell_value(text)])
            out.merge_cells(start_row=out.max_row, start_column=2, end_row=out.max_row, end_column=5)
        _append(out, ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
        first = out.max_row + 1
        items = sheet["indicators"]
        for item in items:
            _append(out, ["实施效果指标", item.get("level1") or "", item.get("level2") or "", item["name"], _target(item)])
        out.merge_cells(start_row=first - 1, start_column=1, end_row=out.max_row, end_column=1)
        _merge_levels_xlsx(out, items, first, 2)
        _append(out, [])
    workbook.save(path)


def _write_filled(golden: dict, path: Path) -> None:
    """A unit's own workbook, filled in by hand: a hidden worksheet of drop-down lists first, then one worksheet per
    project with a title merged over the whole width, the budget under a thousands format, the date a serial under a
    Chinese date format, a blank column between the levels and the indicators, names broken with Alt+Enter, some
    names in rich text, a comment on each target, 分值 typed as decimals (10.0) and 得分 as formulas whose cached
    values are the scores, closed by a 合计 row summing them."""
    workbook = Workbook()
    lists = workbook.active
    lists.title = "下拉选项"
    for row in (["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "", "≥95%"],
                ["产出指标", "质量指标"], ["效益指标", "社会效益指标"], ["满意度指标", "服务对象满意度指标"]):
        _append(lists, row)
    lists.sheet_state = "hidden"
    formulas: dict[str, dict[str, str]] = {}
    for number, sheet in enumerate(golden["sheets"], 1):
        out = workbook.create_sheet(f"项目{number}")
        self_evaluation = _is_self_evaluation(sheet)
        columns = ["一级指标", "二级指标", None, "三级指标", "指标值"]
        columns += ["实际完成值", "分值", "得分"] if self_evaluation else []
        width = len(columns)
        _append(out, [f"{sheet.get('year') or ''}年度项目支出绩效{'自评' if self_evaluation else '目标'}表"])
        out.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        _append(out, ["项目名称", sheet.get("name") or "", None, "填报日期", 44986])  # 2023-03-01
        out.cell(2, 5).number_format = 'yyyy"年"m"月"d"日"'
        _append(out, ["实施单位", sheet.get("unit") or ""])
        money_unit = sheet.get("money_unit") or "万元"
        total = _amount(sheet.get("budget_total"))
        _append(out, [f"年度资金总额（{money_unit}）", float(total) if total else ""])
        places = len(total.partition(".")[2]) if total else 0
        out.cell(4, 2).number_format = "#,##0" + ("." + "0" * places if places else "")  # as many places as typed
        _append(out, columns)
        first = out.max_row + 1
        items = sheet["indicators"]
        scores: dict[str, str] = {}
        for index, item in enumerate(items):
            name = _wrapped(item["name"], index)
            row = [item.get("level1") or "", item.get("level2") or "", None,
                   CellRichText([TextBlock(InlineFont(b=True), name[:2]), name[2:]]) if index % 3 == 1 and len(name) > 2
                   else name, _target(item)]
            if self_evaluation:
                weight, score = _amount(item.get("weight")), _amount(item.get("score"))
                row += [_cell_value(item.get("actual") or ""), float(weight) if weight else (item.get("weight") or ""),
                        float(score) if score else (item.get("score") or "")]
                if score and weight and Decimal(weight):  # (得分 as the weight's share, computed from 分值)
                    scores[f"H{out.max_row + 1}"] = f"ROUND(G{out.max_row + 1}*{score}/{weight},2)"
            _append(out, row)
            out.cell(out.max_row, 4).alignment = Alignment(wrap_text=True)
            out.cell(out.max_row, 5).comment = Comment("请填写可量化的指标值", "财政局")
        _merge_levels_xlsx(out, items, first, 1)
        if self_evaluation and scores:
            _append(out, ["合计", None, None, None, None, None, None, 0])
            scores[f"H{out.max_row}"] = f"SUM(H{first}:H{out.max_row - 1})"
            out.cell(out.max_row, 8).value = float(sum(Decimal(item["score"]) for item in items
                                                       if _amount(item.get("score"))))
        formulas[f"xl/worksheets/sheet{number + 1}.xml"] = scores
    workbook.save(path)
    _with_formulas(path, formulas)


def _with_formulas(path: Path, formulas: dict[str, dict[str, str]]) -> None:
    """Give the cells named in ``formulas`` (part → reference → formula) their formula in front of the value they
    hold, which stays as the formula's cached value, as Excel saves it (openpyxl writes formulas without one)."""
    with zipfile.ZipFile(path) as source:
        parts = {info: source.read(info) for info in source.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in parts.items():
            for reference, formula in formulas.get(info.filename, {}).items():
                content = re.sub(rb'(<c r="' + reference.encode() + rb'"[^>]*>)(<v>)',
                                 lambda found, text=formula: found[1] + b"<f>" + escape(text).encode() + b"</f>" + found[2],
                                 content)
            target.writestr(info, content)


def _write_pdf(golden: dict, path: Path) -> None:
    _pdf_form(golden, path, ruled=True)


def _write_unruled_pdf(golden: dict, path: Path) -> None:
    _pdf_form(golden, path, ruled=False)


def _pdf_form(golden: dict, path: Path, ruled: bool) -> None:
    """The form printed to PDF. Ruled: on A4, the header rows inside the table, the grid split over two pages with
    its header row repeated. Unruled (a Word table without borders, as many units print it): on landscape A4, the
    header block as lines above the table, the grid split over three pages with its header row repeated, merged
    level cells printed once at their top, on one line (the columns are wide)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"  # an Adobe CID font: no font file needed
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10)
    title_style = ParagraphStyle("title", fontName=font, fontSize=13, leading=18)
    line_style = ParagraphStyle("line", fontName=font, fontSize=10, leading=16)

    def text(value: str) -> Paragraph:
        return Paragraph(escape(value).replace("\n", "<br/>"), cell_style)

    def grid(items: list[dict], head: list[list[str]]) -> Table:
        data = [[text(value) for value in row] for row in head]
        data.append([text(value) for value in ("一级指标", "二级指标", "三级指标", "指标值")])
        top = len(data)
        level = _broken if ruled else (lambda name: name or "")  # (landscape columns are wide enough)
        data += [[text(level(item.get("level1"))), text(level(item.get("level2"))), text(item["name"]),
                  text(_target(item))] for item in items]
        style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")] if ruled else [
            ("VALIGN", (0, 0), (-1, -1), "TOP")]
        style += [("SPAN", (1, row), (3, row)) for row in range(len(head))]
        for column, key in ((0, "level1"), (1, "level2")):
            for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
                if end - start > 1:
                    style.append(("SPAN", (column, top + start), (column, top + end - 1)))
                    for row in range(top + start + 1, top + end):
                        data[row][column] = ""
        table = Table(data, colWidths=[70, 80, 200, 150] if ruled else [90, 110, 320, 200])
        table.setStyle(TableStyle(style))
        return table

    flowables: list = []
    parts = 2 if ruled else 3
    for sheet in golden["sheets"]:
        items = sheet["indicators"]
        size = max(1, -(-len(items) // parts))
        fields = [["项目名称", sheet.get("name") or "", "", ""], ["实施单位", sheet.get("unit") or "", "", ""]]
        flowables.append(Paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）", title_style))
        if not ruled:
            flowables += [Paragraph(escape(f"{label}：{value}"), line_style) for label, value, _, _ in fields]
        for start in range(0, len(items), size):
            if start:
                flowables.append(PageBreak())
            flowables.append(grid(items[start:start + size], fields if ruled and not start else []))
        flowables.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4 if ruled else landscape(A4)).build(flowables[:-1])
