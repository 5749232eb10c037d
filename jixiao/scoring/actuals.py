"""The actuals file: a self-evaluation template jixiao writes (.xlsx) and reads back, or the same as JSON.

Layout of the .xlsx (one row per sheet in 项目, one row per indicator in 指标; columns found by their heading):

* 项目: 项目标识 | 项目名称 | 来源文件 | 全年预算数 | 年初预算数 | 全年执行数 | 年度总体目标实际完成情况
* 指标: 项目标识 | 项目名称 | 序号 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 不适用 |
  定性档次 | 得分比例（%） | 评分理由 | 偏差原因分析及改进措施

项目标识 is the project code, or the project name when the sheet has no code; 序号 is the indicator's position
in its sheet. Only 实际完成值 … 偏差原因分析及改进措施 and the money columns are filled in; the rest is there to read.
A cell formatted as a percentage (Excel stores 95% as 0.95) is read as 95. The JSON form is
:class:`jixiao.model.SelfEvaluationSet`.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

from pydantic import ValidationError

from jixiao.model import GoalSheet, IndicatorResult, QualitativeTier, SelfEvaluation, SelfEvaluationSet, parse_target
from jixiao.model.office_archive import ZIP_ERRORS
from jixiao.model.office_text import put_text
from jixiao.scoring.messages import validation_reason

__all__ = ["ActualsError", "Located", "write_template", "read_actuals_xlsx", "read_actuals_json"]

PROJECT_SHEET, INDICATOR_SHEET = "项目", "指标"
PROJECT_COLUMNS = ["项目标识", "项目名称", "来源文件", "全年预算数", "年初预算数", "全年执行数", "年度总体目标实际完成情况"]
INDICATOR_COLUMNS = ["项目标识", "项目名称", "序号", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                     "不适用", "定性档次", "得分比例（%）", "评分理由", "偏差原因分析及改进措施"]
_TO_FILL = {"全年预算数", "年初预算数", "全年执行数", "年度总体目标实际完成情况", "实际完成值", "不适用", "定性档次",
            "得分比例（%）", "评分理由", "偏差原因分析及改进措施"}
_YES, _NO = "是", "否"
_FILL_COLOUR = "FFF2CC"  # the cells to fill in

# Where each field of the model is found, so that scoring problems can name the cell.
_FIELD_COLUMNS = {"全年预算数": "全年预算数", "全年执行数": "全年执行数", "实际完成值": "实际完成值", "定性档次": "定性档次",
                  "得分比例": "得分比例（%）", "三级指标": "三级指标", "偏差原因分析及改进措施": "偏差原因分析及改进措施"}


class ActualsError(Exception):
    """An actuals file that cannot be read; ``problems`` are Chinese and name worksheet, row and column."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = problems


class Located:
    """Where each sheet and indicator of an actuals file was read from, for messages about them."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._rows: dict[tuple[str, int | None], tuple[str, int]] = {}

    def record(self, sheet: str, indicator: int | None, worksheet: str, row: int) -> None:
        """Remember that ``sheet`` (and ``indicator``, if any) came from ``worksheet`` row ``row``."""
        self._rows[(sheet, indicator)] = (worksheet, row)

    def has(self, sheet: str, indicator: int | None) -> bool:
        """True when a row for ``sheet`` and ``indicator`` was already read."""
        return (sheet, indicator) in self._rows

    def describe(self, sheet: str, indicator: int | None, field: str | None) -> str:
        """E.g. ``actuals.xlsx 工作表“指标” 第5行 “实际完成值”列``, or just the file when unknown."""
        found = self._rows.get((sheet, indicator))
        if found is None:
            return self.source
        column = _FIELD_COLUMNS.get(field or "")
        return f"{self.source} 工作表“{found[0]}” 第{found[1]}行" + (f" “{column}”列" if column else "")


def write_template(sheets: list[tuple[str, GoalSheet]]) -> bytes:
    """An .xlsx to fill in: every sheet (with the file it came from) and every indicator, one row each."""
    # openpyxl is imported where an actuals workbook is written or read: it takes a noticeable time to import,
    # and most commands never touch one
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    fill = PatternFill("solid", fgColor=_FILL_COLOUR)
    book = Workbook()
    projects = book.active
    projects.title = PROJECT_SHEET
    indicators = book.create_sheet(INDICATOR_SHEET)
    _heading(projects, PROJECT_COLUMNS)
    _heading(indicators, INDICATOR_COLUMNS)
    for source, sheet in sheets:
        budget = sheet.budget.total
        _append(projects, [sheet.key, sheet.name, source, budget, budget, None, None])
        for position, indicator in enumerate(sheet.indicators, start=1):
            _append(indicators, [sheet.key, sheet.name, position, indicator.level1 or indicator.level1_raw,
                                 indicator.level2 or indicator.level2_raw, indicator.name, indicator.target.stated,
                                 None, _NO, None, None, None, None])
    _choices(indicators, "不适用", [_YES, _NO])
    _choices(indicators, "定性档次", list(QualitativeTier))
    for worksheet in (projects, indicators):
        for row in worksheet.iter_rows(min_row=2):
            for cell in row:
                if worksheet.cell(1, cell.column).value in _TO_FILL:
                    cell.fill = fill
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append(worksheet, values: list[object]) -> None:
    """A row after the last one; text goes in as text, never as a formula."""
    row = worksheet.max_row + 1
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            put_text(worksheet.cell(row, column), value)
        elif value is not None:
            worksheet.cell(row, column, value)


def _heading(worksheet, columns: list[str]) -> None:
    from openpyxl.styles import Font  # (imported on use, as in write_template)

    worksheet.append(columns)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
        worksheet.column_dimensions[cell.column_letter].width = max(10, 2 * len(cell.value) + 2)
    worksheet.freeze_panes = "A2"


def _choices(worksheet, column: str, values: list[str]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation  # (imported on use, as in write_template)

    letter = worksheet.cell(1, INDICATOR_COLUMNS.index(column) + 1).column_letter
    validation = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    validation.add(f"{letter}2:{letter}{max(worksheet.max_row, 2)}")
    worksheet.add_data_validation(validation)


def read_actuals_json(data: bytes, source: str) -> SelfEvaluationSet:
    """Read the JSON form of an actuals file."""
    try:
        return SelfEvaluationSet.model_validate_json(data)
    except ValidationError as error:
        raise ActualsError([
            f"{source} 字段“{'.'.join(str(p) for p in e['loc'])}”：{validation_reason(e)}" for e in error.errors()
        ]) from None


def read_actuals_xlsx(data: bytes, source: str) -> tuple[SelfEvaluationSet, Located]:
    """Read a filled template back. Every problem found is reported at once, each naming its cell."""
    from openpyxl import load_workbook  # (imported on use, as in write_template)

    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (*ZIP_ERRORS, KeyError) as error:
        raise ActualsError([f"{source} 不是有效的 .xlsx 文件（{error.__class__.__name__}）"]) from None
    missing = [name for name in (PROJECT_SHEET, INDICATOR_SHEET) if name not in book.sheetnames]
    if missing:
        raise ActualsError([f"{source} 缺少工作表“{'”“'.join(missing)}”（请用 jixiao score-template 生成模板）"])
    problems: list[str] = []
    located = Located(source)
    evaluations: dict[str, SelfEvaluation] = {}
    for row_number, row in _rows(book[PROJECT_SHEET], PROJECT_COLUMNS, source, problems):
        key = row.text("项目标识")
        if not key:
            continue
        located.record(key, None, PROJECT_SHEET, row_number)
        evaluations[key] = _validated(problems, row.where(), SelfEvaluation, sheet=key,
                                      budget_full=row.number("全年预算数", problems),
                                      budget_initial=row.number("年初预算数", problems),
                                      spent=row.number("全年执行数", problems),
                                      overall_actual=row.text("年度总体目标实际完成情况"))
    for row_number, row in _rows(book[INDICATOR_SHEET], INDICATOR_COLUMNS, source, problems):
        key = row.text("项目标识")
        if not key:
            continue
        position = row.number("序号", problems)
        if position is None or position != position.to_integral_value() or position < 1:
            problems.append(f"{row.where('序号')}：应为指标在表中的序号（1、2、3…）")
            continue
        if key not in evaluations:
            evaluations[key] = SelfEvaluation(sheet=key)
        if located.has(key, int(position)):
            problems.append(f"{row.where('序号')}：项目“{key}”的第{int(position)}项指标重复出现")
            continue
        located.record(key, int(position), INDICATOR_SHEET, row_number)
        result = _indicator_result(row, int(position), problems)
        if result is not None and evaluations[key] is not None:
            evaluations[key].results.append(result)
    if problems:
        raise ActualsError(problems)
    return SelfEvaluationSet(evaluations=[e for e in evaluations.values() if e is not None]), located


def _indicator_result(row: _Row, position: int, problems: list[str]) -> IndicatorResult | None:
    flag = row.text("不适用")
    if flag not in (None, _YES, _NO):
        problems.append(f"{row.where('不适用')}：应填“是”或“否”，填写的是“{flag}”")
    tier = row.text("定性档次")
    if tier is not None and tier not in list(QualitativeTier):
        problems.append(f"{row.where('定性档次')}：“{tier}”不是定性档次，可选：{'、'.join(QualitativeTier)}")
        tier = None
    actual_raw = row.text("实际完成值")
    return _validated(
        problems, row.where(), IndicatorResult, indicator=position, name=row.text("三级指标") or "",
        actual=row.number("实际完成值", problems), actual_raw=actual_raw if row.is_text("实际完成值") else None,
        tier=tier, tier_percent=row.number("得分比例（%）", problems), tier_reason=row.text("评分理由"),
        not_applicable=flag == _YES, deviation=row.text("偏差原因分析及改进措施"),
    )


def _validated(problems: list[str], where: str, model, **fields):
    try:
        return model(**fields)
    except ValidationError as error:
        problems.extend(f"{where}：{validation_reason(e)}" for e in error.errors())
        return None


class _Row:
    """One worksheet row, read by column heading."""

    def __init__(self, source: str, worksheet: str, number: int, cells: dict[str, object]) -> None:
        self.source, self.worksheet, self.number_, self.cells = source, worksheet, number, cells

    def where(self, column: str | None = None) -> str:
        return f"{self.source} 工作表“{self.worksheet}” 第{self.number_}行" + (f" “{column}”列" if column else "")

    def is_text(self, column: str) -> bool:
        return isinstance(self.cells[column][0], str)

    def text(self, column: str) -> str | None:
        value = self.cells[column][0]
        if value is None:
            return None
        text = str(value).strip()
        return text or None

    def number(self, column: str, problems: list[str]) -> Decimal | None:
        value, number_format = self.cells[column]
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            problems.append(f"{self.where(column)}：应为数值")
            return None
        if isinstance(value, int | float):
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                problems.append(f"{self.where(column)}：应为数值")
                return None
            return number * 100 if "%" in number_format else number
        parsed = parse_target(str(value))
        if parsed.value is None or parsed.operator is not None:
            problems.append(f"{self.where(column)}：“{value}”无法识别为数值")
            return None
        return parsed.value


def _rows(worksheet, columns: list[str], source: str, problems: list[str]):
    heading = [str(cell.value).strip() if cell.value is not None else "" for cell in worksheet[1]]
    absent = [name for name in columns if name not in heading]
    if absent:
        problems.append(f"{source} 工作表“{worksheet.title}”第1行缺少列“{'”“'.join(absent)}”")
        return
    index = {name: heading.index(name) for name in columns}
    for number, cells in enumerate(worksheet.iter_rows(min_row=2), start=2):
        values = {name: (cells[i].value, cells[i].number_format or "") if i < len(cells) else (None, "")
                  for name, i in index.items()}
        if any(value is not None and str(value).strip() for value, _ in values.values()):
            yield number, _Row(source, worksheet.title, number, values)
