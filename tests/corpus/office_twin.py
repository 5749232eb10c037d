"""The office twin of the corpus: the content of the dev goldens written as .docx and .xlsx in real-world layouts.

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
  worksheet per project.
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

The golden of a twin file is the golden it was written from (its sheets that hold indicators) as far as its
layout prints it (the header fields it has rows for, the self-evaluation columns it has), so the corpus benchmark
scores twins exactly like the text documents. Files go to a folder the caller gives (a temporary one
in tests and benchmarks); none is committed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from openpyxl import Workbook
from openpyxl.styles import Alignment

from benchmarks.corpus_score import load_golden, load_manifest

__all__ = ["LAYOUTS", "Twin", "twin_goldens", "write_twins"]

LAYOUTS = ("standard.docx", "pages.docx", "export.xlsx", "pairs.xlsx", "nested.docx", "selfeval.docx",
           "selfeval.xlsx", "stacked.xlsx", "approval.xlsx", "ndrc.xlsx", "ruled.pdf")
_PDF_EVERY = 5  # PDFs are slow to write and read: every fifth golden is enough to follow the family
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
        if entry.split != "dev" or golden is None or not golden.get("has_table"):
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
               "ruled.pdf": _write_pdf}
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
            if layout == "ruled.pdf" and number % _PDF_EVERY:
                continue
            path = folder / f"{stem}.{layout}"
            writers[layout](golden, path)
            twins.append(Twin(path, _printed(golden, layout), layout))
    return twins


_SHEET_FIGURES = ("budget_initial", "budget_full", "executed", "executed_to_date", "execution_rate", "claimed_total")


_ALL_REPORTED = ("export.xlsx", "selfeval.docx", "selfeval.xlsx")  # layouts with weight, actual and score columns
_SELF_EVALUATION_COLUMNS = ("standard.docx", "pages.docx")  # layouts with them only for self-evaluations
# The scored header fields each layout writes besides the project name. The others are absent from the file, so
# the twin's golden must not ask for them: the NDRC form's 总投资 is the whole investment, not the year's funds.
_HEADER_FIELDS = ("budget_total", "fiscal", "other", "goals")
_HEADER_PRINTED = {"standard.docx": ("budget_total", "goals"), "pages.docx": ("budget_total", "goals"),
                   "pairs.xlsx": ("budget_total",), "nested.docx": ("goals",),
                   "selfeval.docx": _HEADER_FIELDS, "selfeval.xlsx": _HEADER_FIELDS}


def _printed(golden: dict, layout: str) -> dict:
    """The golden as far as a layout prints it: no layout writes the money table or a claimed total; the header
    fields only where the layout writes them; weight, actual and score only where the layout has their columns."""
    def dropped(sheet: dict) -> tuple[str, ...]:
        if layout in _ALL_REPORTED or (layout in _SELF_EVALUATION_COLUMNS and _is_self_evaluation(sheet)):
            return ()
        return "weight", "actual", "score"

    absent = _SHEET_FIGURES + tuple(name for name in _HEADER_FIELDS if name not in _HEADER_PRINTED.get(layout, ()))
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
        out = workbook.create_sheet(f"项目{number}")
        _append(out, [f"项目支出绩效目标表（{sheet.get('year') or ''}年度）"])
        _append(out, ["项目名称", sheet.get("name") or ""])
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


def _write_pdf(golden: dict, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"  # an Adobe CID font: no font file needed
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10)
    title_style = ParagraphStyle("title", fontName=font, fontSize=13, leading=18)

    def text(value: str) -> Paragraph:
        return Paragraph(escape(value).replace("\n", "<br/>"), cell_style)

    def grid(items: list[dict], head: list[list[str]]) -> Table:
        data = [[text(value) for value in row] for row in head]
        data.append([text(value) for value in ("一级指标", "二级指标", "三级指标", "指标值")])
        top = len(data)
        data += [[text(_broken(item.get("level1"))), text(_broken(item.get("level2"))), text(item["name"]),
                  text(_target(item))] for item in items]
        style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        style += [("SPAN", (1, row), (3, row)) for row in range(len(head))]
        for column, key in ((0, "level1"), (1, "level2")):
            for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
                if end - start > 1:
                    style.append(("SPAN", (column, top + start), (column, top + end - 1)))
                    for row in range(top + start + 1, top + end):
                        data[row][column] = ""
        table = Table(data, colWidths=[70, 80, 200, 150])
        table.setStyle(TableStyle(style))
        return table

    flowables: list = []
    for sheet in golden["sheets"]:
        items = sheet["indicators"]
        half = max(1, len(items) // 2)
        head = [["项目名称", sheet.get("name") or "", "", ""], ["实施单位", sheet.get("unit") or "", "", ""]]
        flowables += [Paragraph(f"项目支出绩效目标表（{sheet.get('year') or ''}年度）", title_style),
                      grid(items[:half], head)]
        if items[half:]:
            flowables += [PageBreak(), grid(items[half:], [])]
        flowables.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(flowables[:-1])
