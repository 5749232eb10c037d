"""The official layout of a goal sheet as a grid of cells, shared by the .docx and .xlsx writers.

The layout is the sample's (财预〔2015〕88号 template): the lines above the table (title, unit, money unit),
then one table: 项目编码/项目名称, 预算规模及资金用途 (amounts, then the purpose), 资金支出计划（%）(time
points, then percents), 绩效目标 (and 中长期目标), and the indicator grid with 一级/二级 cells merged down
over runs of equal values. Every text is written as the user wrote it (``level1_raw``, ``target.raw``…) so
that reading the file back gives the same model; so the form's own columns a sheet was read with are written
too: its operator and unit columns beside the value, its other columns (``extra``: 备注, a sub-unit's values …)
after the official ones under their headings as written.

The budget row has seven cells, more than the six official indicator columns, so the grid has at least seven
columns and 绩效指标描述 (the widest text) spans the spare ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.documents.interpret.header_cells import parse_unit_line
from jixiao.model import Budget, Document, GoalSheet, Indicator, OverallGoals, Period

__all__ = ["GridCell", "SheetGrid", "indicator_cell", "sheet_grid", "sheet_lines", "overall_lines", "OverallLine"]

_MIN_WIDTH = 7
# the other sources one row lists, as many as the money's row has label/amount pairs (预算数, 财政资金, 其他资金): more
# in a row would split its columns into ones too narrow for a label (the PDF's cells a character wide)
_SOURCES_PER_ROW = 3
# Relative widths of the indicator columns (绩效指标描述 gets its share spread over all the columns it spans).
_WEIGHTS = {"level1": 1.0, "level2": 1.2, "name": 1.6, "description": 2.6, "long_term_target": 1.4,
            "target": 1.4, "operator_column": 0.7, "unit_column": 0.8, "weight": 0.7, "direction": 0.8, "basis": 2.0}
_OTHER_WEIGHT = 1.4  # a column of the form's own beyond the official ones (备注, 评分标准, a sub-unit's values)
# The kind of such a column in the grid: its cells are ``Indicator.extra[heading]``.
EXTRA = "extra"
_OVERALL_SECTIONS = (("aims", "一、总体绩效目标"), ("duties", "二、分项绩效目标"), ("measures", "三、工作保障措施"))


@dataclass(slots=True)
class GridCell:
    """One cell of the grid: its text, where it starts, and how many columns and rows it covers.

    ``number`` holds amounts and percents, which spreadsheets store as numbers (formatted to ``places``).
    """

    text: str
    column: int
    span: int = 1
    down: int = 1
    label: bool = False
    number: Decimal | None = None

    @property
    def places(self) -> int:
        """Decimal places of ``number`` as written (``18.00`` → 2)."""
        exponent = self.number.as_tuple().exponent if self.number is not None else 0
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(slots=True)
class SheetGrid:
    """A sheet's table: its rows of cells (covered cells of a merge are absent) and its column widths."""

    width: int
    column_weights: list[float]
    rows: list[list[GridCell]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OverallLine:
    """One paragraph of the overall-goals part: a heading (level 1 or 2) or an item (level 0)."""

    text: str
    level: int = 0


def sheet_lines(sheet: GoalSheet) -> list[str]:
    """The lines above the table: title, unit and money unit (those the sheet has)."""
    lines = [sheet.heading]
    unit = sheet.unit
    if unit and unit.code and unit.name and parse_unit_line(f"{unit.code}{unit.name}") == unit:
        lines.append(f"{unit.code}{unit.name}")
    elif unit and unit.name:
        lines.append(f"预算单位：{unit.name}")
    if sheet.money_unit:
        lines.append(f"单位：{sheet.money_unit.value}")
    return lines


def overall_lines(document: Document) -> list[OverallLine]:
    """The overall-goals part as headed, numbered paragraphs; empty when the document has none."""
    overall: OverallGoals | None = document.overall
    if overall is None or overall.is_empty:
        return []
    lines = [OverallLine("部门整体绩效目标", 1)]
    for attribute, heading in _OVERALL_SECTIONS:
        items = getattr(overall, attribute)
        if items:
            lines.append(OverallLine(heading, 2))
            lines.extend(OverallLine(f"{number}、{item}") for number, item in enumerate(items, start=1))
    if document.sheets:
        lines.append(OverallLine("预算项目绩效目标", 1))
    return lines


def _columns(indicators: list[Indicator]) -> list[tuple[str, str]]:
    """The grid's columns as (kind, heading): the official ones, the form's own operator and unit columns beside
    the value as the forms print them (指标性质 | 指标值 | 计量单位), then the form's other columns (``extra``) under
    their headings as written, in the order the rows give them. A kind ``extra`` column holds ``extra[heading]``."""
    long_term = any(i.long_term_target for i in indicators)
    columns = [("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"), ("description", "绩效指标描述")]
    if long_term:
        columns.append(("long_term_target", "中长期指标值"))
    if any(i.operator_column_raw for i in indicators):
        columns.append(("operator_column", "指标性质"))
    columns.append(("target", "年度指标值" if long_term else "指标值"))
    unit_heading = _unit_heading(indicators)
    if unit_heading:
        columns.append(("unit_column", unit_heading))
    if any(i.weight_raw or i.weight is not None for i in indicators):
        columns.append(("weight", "权重"))
    if any(i.direction_raw or i.direction for i in indicators):
        columns.append(("direction", "指标方向性"))
    columns.append(("basis", "指标值确定依据"))
    headings = dict.fromkeys(heading for i in indicators for heading in i.extra if heading != unit_heading)
    return columns + [(EXTRA, heading) for heading in headings]


def _unit_heading(indicators: list[Indicator]) -> str | None:
    """The heading of the unit column: the one the reader kept its cell under beside a value that names its own
    unit (``extra``, where it then holds the row's unit column cell), else 计量单位; None when no row has one."""
    if not any(i.unit_column_raw for i in indicators):
        return None
    heading = next((heading for i in indicators for heading, text in i.extra.items()
                    if i.unit_column_raw and text == i.unit_column_raw), None)
    if heading and all(i.extra.get(heading, "") in ("", i.unit_column_raw) for i in indicators):
        return heading
    return "计量单位"


def _spread(items: list[tuple[str, bool, Decimal | None]], first: int, width: int) -> list[GridCell]:
    """Lay ``items`` (text, is_label, number) from grid column ``first`` to ``width``: labels take one column,
    values share the rest (the last value takes the remainder)."""
    values = sum(1 for _, is_label, _ in items if not is_label) or 1
    free = width - first - sum(1 for _, is_label, _ in items if is_label)
    share, extra = divmod(free, values)
    cells, column, seen = [], first, 0
    for text, is_label, number in items:
        span = 1
        if not is_label:
            seen += 1
            span = share + (extra if seen == values else 0)
        cells.append(GridCell(text, column, max(span, 1), label=is_label, number=number))
        column += max(span, 1)
    return cells


def _amount(value: Decimal | None) -> tuple[str, bool, Decimal | None]:
    return ("" if value is None else str(value), False, value)


def indicator_cell(indicator: Indicator, kind: str) -> str:
    """The text of one of the indicator's cells (``level1``, ``target``, ``unit_column`` …) as the user wrote it."""
    match kind:
        case "unit_column":
            return indicator.unit_column_raw or ""
        case "operator_column":
            return indicator.operator_column_raw or ""
        case "level1":
            return indicator.level1_raw or indicator.level1 or ""
        case "level2":
            return indicator.level2_raw or indicator.level2 or ""
        case "target":
            return indicator.target.raw
        case "long_term_target":
            return indicator.long_term_target.raw if indicator.long_term_target else ""
        case "weight":
            return indicator.weight_raw or ("" if indicator.weight is None else str(indicator.weight))
        case "direction":
            return indicator.direction_raw or (indicator.direction.value if indicator.direction else "")
        case _:
            return getattr(indicator, kind) or ""


def _runs(texts: list[str], bounds: set[int]) -> dict[int, int]:
    """Start index → length of each run of equal, non-empty texts; a run never crosses an index in ``bounds``."""
    runs: dict[int, int] = {}
    start = 0
    for index in range(1, len(texts) + 1):
        if index == len(texts) or index in bounds or texts[index] != texts[start] or not texts[start]:
            runs[start] = index - start
            start = index
    return runs


def sheet_grid(sheet: GoalSheet) -> SheetGrid:
    """The sheet's table in the official layout."""
    columns = _columns(sheet.indicators)
    period = sheet.period
    budget = sheet.budget
    sources = _source_labels(budget, period)
    width = max(len(columns) + 1, _MIN_WIDTH, len(sheet.spend_plan) + 1)
    spans = [width - len(columns) + 1 if kind == "description" else 1 for kind, _ in columns]
    weights: list[float] = []
    for (kind, _), span in zip(columns, spans):
        weights += [_WEIGHTS.get(kind, _OTHER_WEIGHT) / span] * span
    grid = SheetGrid(width, weights)
    rows = grid.rows

    rows.append(_spread([("项目编码", True, None), (sheet.code or "", False, None),
                         ("项目名称", True, None), (sheet.name or "", False, None)], 0, width))
    if period is not None:
        # the 88号 form's 项目期 and 中期资金总额: the span's budget stands before the year's, as the reader expects it
        rows.append(_spread([("项目期", True, None), (_span_cell(period, bool(sheet.long_term_goals)), False, None)],
                            0, width))
    if period is None:
        money = [_money_row("预算数", budget, width, "其中：财政资金"), *_sources_row(budget, sources, width)]
    else:
        # the 88号 form names the fiscal part of both its amounts 财政拨款 (the sample's provincial form, 财政资金)
        money = [_money_row("中期资金总额", period.budget, width, "其中：财政拨款"),
                 *_sources_row(period.budget, sources, width, blank_rows=False),
                 _money_row("年度资金总额", budget, width, "其中：财政拨款"), *_sources_row(budget, sources, width)]
    rows.append([GridCell("预算规模及资金用途", 0, down=len(money) + 1, label=True), *money[0]])
    rows.extend(money[1:])
    rows.append([GridCell(sheet.purpose or "", 1, width - 1)])
    plan = sheet.spend_plan
    rows.append([GridCell("资金支出计划（%）", 0, down=2 if plan else 1, label=True),
                 *_spread([(point.label, True, None) for point in plan] or [("", False, None)], 1, width)])
    if plan:
        rows.append(_spread([_amount(point.percent) for point in plan], 1, width))
    if sheet.long_term_goals:
        # the span's years the 项目期 cell does not name stand in this heading (中期目标(2024年—2026年)), as printed
        years = _span_years(sheet.period)
        rows.append([GridCell(f"中长期目标（{years}）" if years else "中长期目标", 0, label=True),
                     GridCell(_numbered(sheet.long_term_goals), 1, width - 1)])
    goals_label = "年度目标" if sheet.long_term_goals else "绩效目标"
    rows.append([GridCell(goals_label, 0, label=True), GridCell(_numbered(sheet.goals), 1, width - 1)])

    starts = [sum(spans[:index]) for index in range(len(columns))]
    rows.append([GridCell(heading, start, span, label=True) for (_, heading), start, span in zip(columns, starts, spans)])
    texts = [[i.extra.get(heading, "") if kind == EXTRA else indicator_cell(i, kind) for i in sheet.indicators]
             for kind, heading in columns]
    level1_runs = _runs(texts[0], set())
    level2_runs = _runs(texts[1], set(level1_runs))
    for index in range(len(sheet.indicators)):
        row = []
        for (kind, _), cells, start, span in zip(columns, texts, starts, spans):
            runs = level1_runs if kind == "level1" else level2_runs if kind == "level2" else None
            if runs is not None and index not in runs:
                continue  # covered by the merged cell above
            down = runs[index] if runs is not None else 1
            row.append(GridCell(cells[index], start, span, down=down))
        rows.append(row)
    return grid


def _source_labels(budget: Budget, span: Period | None) -> list[str]:
    """The labels of the sources the form printed beside 财政资金 and 其他资金 (政府性基金拨款 …), the span's first: each
    budget written lists them all, so that the table still adds up to its total when read back, and a source of the
    span's alone, labelled again under the year's, is read as the span's (as the 88号 form lists its parts twice)."""
    return list(dict.fromkeys([*(span.budget.sources if span is not None else ()), *budget.sources]))


def _sources_row(budget: Budget, labels: list[str], width: int, blank_rows: bool = True) -> list[list[GridCell]]:
    """The rows of ``budget``'s other sources under ``labels`` (a blank amount where it has none), or none: those it
    has first, in its order, :data:`_SOURCES_PER_ROW` a row. The reader takes a row of label/amount pairs right
    under the money's row or another such row for sources whatever its labels say, and a row of labels alone only
    where each names again a source listed under the span's budget: those first, every row the budget has a source
    in holds an amount, and a row of none lists the sources of the other budget alone: the year's, under the span's
    budget, are left out (not ``blank_rows``), as they are the year's where first named."""
    ordered = sorted(labels, key=lambda label: label not in budget.sources)
    rows = [ordered[at:at + _SOURCES_PER_ROW] for at in range(0, len(ordered), _SOURCES_PER_ROW)]
    return [_spread([cell for label in row for cell in ((label, True, None), _amount(budget.sources.get(label)))],
                    1, width)
            for row in rows if blank_rows or any(label in budget.sources for label in row)]


def _money_row(label: str, budget: Budget, width: int, fiscal: str) -> list[GridCell]:
    return _spread([(label, True, None), _amount(budget.total), (fiscal, True, None), _amount(budget.fiscal),
                    ("其他资金", True, None), _amount(budget.other)], 1, width)


def _span_years(span: Period | None) -> str:
    """The span's years as the 中期目标 heading prints them (中期目标(2024年—2026年)) where its 项目期 text names no year
    of them (3年, or no text); "" where it names one, or the span has no years."""
    if span is None or any(str(year) in (span.text or "") for year in (span.start, span.end) if year is not None):
        return ""
    return span.years_text()


def _span_cell(span: Period, heading: bool) -> str:
    """The 项目期 cell: the span as printed (or its length, 3年), with its years in brackets where the text does not
    name them and no 中长期目标 heading does (3年（2024年—2026年）, 2024年起), so that reading it back gives them all."""
    return span.printed() if heading and _span_years(span) else span.describe()


def _numbered(items: list[str]) -> str:
    return "\n".join(f"{number}、{item}" for number, item in enumerate(items, start=1))
