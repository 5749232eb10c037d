"""Project columns: a grid whose first columns name the project (单位名称 | 项目名称 | 预算数 | 年度目标, then the
indicator columns) lists several projects one after another, each project's cells merged down its rows or repeated
on every one.

The aligner keeps those columns as extra cells of the row that carries them, the first row of each project. Here
each such run of rows becomes its own sheet, with its header fields read from those cells.
"""

from __future__ import annotations

from jixiao.documents.interpret.header_cells import parse_amount, parse_coded_name, parse_unit
from jixiao.documents.interpret.text_lists import split_items
from jixiao.documents.vocabulary import header_label
from jixiao.model import Budget, Diagnostic, GoalSheet, Indicator
from jixiao.model.lexicon import fold

__all__ = ["continuation", "rekey_diagnostics", "report_sequel", "split_projects"]

# the header fields a project column can hold, and the one whose new value begins the next project
_FIELDS = {"code", "name", "total", "fiscal", "other", "goals", "long_term_goals", "purpose"}
_AMOUNTS = {"total", "fiscal", "other"}


def split_projects(sheet: GoalSheet) -> list[GoalSheet]:
    """The sheets a grid with project columns holds (``sheet`` alone when it has none): one per project, in order,
    each with the indicators from its first row to the next project's and the header fields of its cells."""
    headings = _project_headings(sheet.indicators)
    if not headings:
        return [sheet]
    runs: list[tuple[dict[str, str], list[Indicator]]] = []
    for indicator in sheet.indicators:
        cells = _project_cells(indicator, headings)
        # a project's cells repeated on each of its rows (an export that fills them on every row) go on with it
        if not runs or _identity(cells) != (None, None) and _identity(cells) != _identity(runs[-1][0]):
            runs.append((cells, []))
        runs[-1][1].append(indicator.model_copy(update={
            "extra": {h: v for h, v in indicator.extra.items() if h not in headings}}))
    sheets: list[GoalSheet] = []
    for cells, indicators in runs:
        # a unit cell merged down over its projects is printed on the first one's row only: the next ones keep it
        unit = sheets[-1].unit if sheets else sheet.unit
        sheets.append(_with_fields(sheet.model_copy(update={"unit": unit}), cells, indicators, first=not sheets))
    return sheets


def _identity(cells: dict[str, str]) -> tuple[str | None, str | None]:
    """The project code and name a row's project cells hold."""
    return cells.get("code"), cells.get("name")


def _project_headings(indicators: list[Indicator]) -> list[str]:
    """The headings of the project columns, in column order: the extra cells of the row with most of them, when
    they name the project (项目名称 or 项目编码) and at least one other header field."""
    widest = max((list(i.extra) for i in indicators), key=len, default=[])
    headings = [h for h in widest if header_label(h) in _FIELDS or header_label(h) == "unit"]
    fields = {header_label(h) for h in headings}
    return headings if fields & {"name", "code"} and len(fields) >= 2 else []


def _project_cells(indicator: Indicator, headings: list[str]) -> dict[str, str]:
    """The header fields on an indicator's row. A row with fewer project cells than columns lacks the leftmost
    ones (a unit cell merged down over several projects): its cells belong to the rightmost columns."""
    values = [v for h, v in indicator.extra.items() if h in headings and v.strip()]
    if not values:
        return {}
    return {header_label(h): v.strip() for h, v in zip(headings[len(headings) - len(values):], values)}


def _with_fields(sheet: GoalSheet, cells: dict[str, str], indicators: list[Indicator], first: bool) -> GoalSheet:
    update: dict = {"indicators": indicators}
    if not first:  # the next project shares the form's fields, not the first project's
        update |= {"name": None, "code": None, "goals": [], "long_term_goals": [], "purpose": None,
                   "budget": sheet.budget.model_copy(update=dict.fromkeys(_AMOUNTS))}
    budget = update.get("budget", sheet.budget)
    for field, value in cells.items():
        if field in _AMOUNTS and parse_amount(value) is not None:
            budget = budget.model_copy(update={field: parse_amount(value)})
        elif field == "name":
            code, name = parse_coded_name(value) or (None, value)
            update |= {"name": name, "code": code or update.get("code", sheet.code if first else None)}
        elif field in ("goals", "long_term_goals"):
            update[field] = split_items(value)
        elif field in ("code", "purpose"):
            update[field] = value
        elif field == "unit":
            update["unit"] = parse_unit(value)  # (820001-井研县马踏镇人民政府)
    return sheet.model_copy(update={**update, "budget": budget})


def report_sequel(previous: GoalSheet, sheet: GoalSheet) -> tuple[GoalSheet, list[str]] | None:
    """``previous`` completed by ``sheet`` when ``sheet`` is a report's paragraphs after ``previous``'s table that say
    its indicators again with what they came to (a 自评报告 copied whole: the table, then ``(1)时效目标:…绩效目标值是…,
    实际完成值为…`` for each level, adding the indicators the table leaves out): ``sheet`` names no project of its own
    and restates one of ``previous``'s indicators at least (the same name, the same figure and unit). What it
    restates is ``previous``'s row; the rest is added after ``previous``'s rows, with what it came to. Returns the
    sheet and the names restated, or None when ``sheet`` is a sheet of its own: one that names a project, or whose
    table opens on a header block of its own (a 项目名称 field, left blank, or goals above its grid: the next
    project's form, its name not filled in, that sets some of the same indicators)."""
    if sheet.name or sheet.code or _own_header_block(sheet) or previous.monitoring or sheet.monitoring \
            or not previous.indicators or (previous.evaluation is None) != (sheet.evaluation is None):
        return None
    known = {_said_again(indicator) for indicator in previous.indicators}
    restated = [indicator.name for indicator in sheet.indicators if _said_again(indicator) in known]
    if not restated:
        return None
    added = [(number, indicator) for number, indicator in enumerate(sheet.indicators, start=1)
             if _said_again(indicator) not in known]
    evaluation = previous.evaluation
    if evaluation is not None and sheet.evaluation is not None:
        numbers = {number: len(previous.indicators) + at for at, (number, _) in enumerate(added, start=1)}
        items = [item.model_copy(update={"indicator": numbers[item.indicator]}) for item in sheet.evaluation.items
                 if item.indicator in numbers]
        evaluation = evaluation.model_copy(update={
            "items": [*evaluation.items, *items], "total": evaluation.total if evaluation.total is not None
            else sheet.evaluation.total, "grade": evaluation.grade or sheet.evaluation.grade})
    budget = _budget_completed(previous, sheet)
    return previous.model_copy(update={
        "indicators": [*previous.indicators, *(indicator for _, indicator in added)], "evaluation": evaluation,
        "budget": budget, "year": previous.year or sheet.year}), restated


def _own_header_block(sheet: GoalSheet) -> bool:
    """Whether ``sheet``'s form has a header block of its own above its grid: a 项目名称 field, or goals."""
    return bool(sheet.goals or sheet.long_term_goals) or any(header_label(f) == "name" for f in sheet.form_fields)


def _budget_completed(previous: GoalSheet, sheet: GoalSheet) -> Budget:
    """``previous``'s budget with the amounts it lacks taken from ``sheet``'s."""
    return previous.budget.model_copy(update={
        name: getattr(sheet.budget, name) for name in _AMOUNTS if getattr(previous.budget, name) is None})


def _said_again(indicator: Indicator) -> tuple[str, object, str | None]:
    """What tells an indicator said again: its name, its target's figure and unit."""
    return fold(indicator.name), indicator.target.value, indicator.target.unit


def rekey_diagnostics(diagnostics: list[Diagnostic], before: GoalSheet, after: list[GoalSheet]) -> list[Diagnostic]:
    """The reader's diagnostics about ``before`` named after the sheet of ``after`` they concern: the project whose
    rows hold their row, the first for the rows above the grid, and the last for those of no row (the file ending
    inside the grid)."""
    if [sheet.key for sheet in after] == [before.key]:
        return diagnostics
    # (a row's place is its table and row: a grid split in two tables numbers each part's rows from 1)
    starts = [(min(((i.table or before.table or 0, i.row) for i in sheet.indicators if i.row is not None),
                   default=(0, 0)), sheet) for sheet in after]
    tables = {None, before.table} | {i.table for i in before.indicators}
    result = []
    for item in diagnostics:
        location = item.location
        if location.sheet != before.key or location.table not in tables:
            result.append(item)
            continue
        if location.row is None:
            target = after[-1]
        else:
            place = (location.table or before.table or 0, location.row)
            target = next((sheet for start, sheet in reversed(starts) if start <= place), after[0])
        result.append(item.model_copy(update={"location": location.model_copy(update={"sheet": target.key})}))
    return result


def continuation(previous: GoalSheet, sheet: GoalSheet) -> GoalSheet | None:
    """``previous`` completed by ``sheet`` when ``sheet`` names no project and holds no indicator while ``previous``
    holds none either: the same project's form goes on (a grid after its header block, a note after the form), it
    is no second project. None when ``sheet`` is a sheet of its own."""
    if sheet.name or sheet.code or sheet.indicators or previous.indicators or sheet.evaluation or sheet.monitoring:
        return None
    budget = _budget_completed(previous, sheet)
    return previous.model_copy(update={
        "budget": budget, "goals": previous.goals or sheet.goals,
        "long_term_goals": previous.long_term_goals or sheet.long_term_goals,
        "year": previous.year or sheet.year, "money_unit": previous.money_unit or sheet.money_unit,
        "form_fields": [*previous.form_fields, *(f for f in sheet.form_fields if f not in previous.form_fields)],
        "blank_fields": [*previous.blank_fields, *(f for f in sheet.blank_fields if f not in previous.blank_fields)],
        "choices": [*previous.choices, *sheet.choices]})
