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

The golden of a twin file is the golden it was written from (its sheets that hold indicators), so the corpus
benchmark scores twins exactly like the text documents. Files go to a folder the caller gives (a temporary one
in tests and benchmarks); none is committed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_BREAK
from openpyxl import Workbook
from openpyxl.styles import Alignment

from benchmarks.corpus_score import load_golden, load_manifest

__all__ = ["LAYOUTS", "Twin", "twin_goldens", "write_twins"]

LAYOUTS = ("standard.docx", "pages.docx", "export.xlsx", "pairs.xlsx")
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
               "pairs.xlsx": _write_pairs}
    twins = []
    for stem, golden in twin_goldens():
        for layout in LAYOUTS:
            path = folder / f"{stem}.{layout}"
            writers[layout](golden, path)
            twins.append(Twin(path, _printed(golden, layout), layout))
    return twins


_SHEET_FIGURES = ("budget_initial", "budget_full", "executed", "executed_to_date", "execution_rate", "claimed_total")


def _printed(golden: dict, layout: str) -> dict:
    """The golden as far as a layout prints it: no layout writes the money table or a claimed total, the pairs
    layout has no self-evaluation columns, and the Word forms have a weight column only in self-evaluations."""
    def dropped(sheet: dict) -> tuple[str, ...]:
        if layout == "pairs.xlsx":
            return "weight", "actual", "score"
        return ("weight",) if layout.endswith(".docx") and not _is_self_evaluation(sheet) else ()

    return {**golden, "sheets": [
        {**{key: value for key, value in sheet.items() if key not in _SHEET_FIGURES},
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
    sheet_out.append(header)
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
            sheet_out.append(cells)
            _as_text(sheet_out[sheet_out.max_row])
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
        out.append([f"项目支出绩效目标表（{sheet.get('year') or ''}年度）"])
        out.append(["项目名称", sheet.get("name") or ""])
        out.append(["实施单位", sheet.get("unit") or ""])
        out.append(["年度资金总额（万元）" if (sheet.get("money_unit") or "万元") == "万元" else "年度资金总额",
                    sheet.get("budget_total") or ""])
        top = out.max_row + 1
        out.append(["一级指标", "二级指标", "长期指标", None, "年度指标", None])
        out.append([None, None, "三级指标", "指标值", "三级指标", "指标值"])
        out.merge_cells(start_row=top, start_column=3, end_row=top, end_column=4)
        out.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
        out.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
        out.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
        first = out.max_row + 1
        items = sheet["indicators"]
        for item in items:
            out.append([item.get("level1") or "", item.get("level2") or "", item["name"], _target(item),
                        item["name"], _target(item)])
            _as_text(out[out.max_row])
        for column, key in ((1, "level1"), (2, "level2")):
            for start, end in _runs([str((item.get("level1"), item.get(key))) for item in items]):
                if end - start > 1:
                    out.merge_cells(start_row=first + start, start_column=column,
                                    end_row=first + end - 1, end_column=column)
                    out.cell(first + start, column).alignment = Alignment(vertical="center", wrap_text=True)
    workbook.save(path)
