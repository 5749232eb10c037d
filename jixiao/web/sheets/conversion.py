"""The one place where the core's model and the database meet: GoalSheet ↔ Sheet + IndicatorRow."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from jixiao.documents import column_unit, target_text
from jixiao.documents.writers.sheet_grid import indicator_cell
from jixiao.model import Budget, Checkpoint, Document, GoalSheet, Indicator, MoneyUnit, Unit
from jixiao.model.amounts import amount
from jixiao.web.sheets.models import IndicatorRow, Sheet
from jixiao.web.sheets.periods import PERIOD_COLUMNS, period_fields, period_of
from jixiao.web.sheets.sources import source_cells, sources_of

__all__ = ["INDICATOR_CELLS", "ROW_CELLS", "SHEET_COLUMNS", "content_of", "document_around", "document_of",
           "goal_sheet", "indicator_fields", "indicator_of", "plan_cells", "row_cells", "sheet_fields",
           "sheet_reading", "stored_content"]

# The indicator cells kept as written, in the order of the official table.
INDICATOR_CELLS = ("level1", "level2", "name", "description", "target", "long_term_target", "weight", "direction",
                   "basis")
# Every text cell of a stored row: the official ones and the form's own unit and operator columns (its other columns
# are ``extra``).
ROW_CELLS = (*INDICATOR_CELLS, "unit_column", "operator_column")
# The parts of a core GoalSheet that the Sheet's columns (and the unit, year and rows) hold; what else the reader
# found of a sheet is kept in ``Sheet.reading``.
SHEET_COLUMNS = {"title", "code", "name", "unit", "year", "money_unit", "budget", "period", "purpose", "spend_plan",
                 "goals", "long_term_goals", "indicators"}


def sheet_fields(sheet: GoalSheet) -> dict[str, object]:
    """The Sheet column values for a core ``GoalSheet`` (unit and year are chosen by the importer)."""
    return {
        "code": sheet.code or "",
        "name": sheet.name or "",
        "title": sheet.title or "",
        "money_unit": (sheet.money_unit or MoneyUnit.WAN_YUAN).value,
        "budget_total": sheet.budget.total,
        "budget_fiscal": sheet.budget.fiscal,
        "budget_other": sheet.budget.other,
        "budget_sources": source_cells(sheet.budget.sources),
        **period_fields(sheet.period),
        "purpose": sheet.purpose or "",
        "spend_plan": plan_cells(sheet.spend_plan),
        "goals": list(sheet.goals),
        "long_term_goals": list(sheet.long_term_goals),
    }


def sheet_reading(sheet: GoalSheet, document: Document | None) -> dict[str, object] | None:
    """What the reader found of ``sheet`` beyond the fields the Sheet's columns hold (its table, its form's
    fields, what a report printed), and of ``document`` around it (kind, layout, overall goals, and the reader's
    notes located in this sheet), as ``Sheet.reading`` keeps it.

    A sheet no reader made (``document`` None: an API client's content) keeps what its sender gave beyond the
    columns (a self-evaluation's claims, the form's fields …) with no document around it, or nothing when it gave
    nothing more: what a person sent is never dropped."""
    if document is None:
        given = sheet.model_dump(mode="json", exclude=SHEET_COLUMNS, exclude_defaults=True)
        return {"sheet": given} if given else None
    notes = [diagnostic for diagnostic in document.diagnostics if diagnostic.location.sheet == sheet.key]
    around = document.model_copy(update={"diagnostics": notes})
    return {"sheet": sheet.model_dump(mode="json", exclude=SHEET_COLUMNS),
            "document": around.model_dump(mode="json", exclude={"sheets", "unit"})}


def document_around(sheet: Sheet, content: GoalSheet) -> Document:
    """The document holding ``content`` (the stored ``sheet``'s, as :func:`goal_sheet` makes it) alone, as the
    review reads it: the file it was read from as far as ``sheet.reading`` kept it, the reader's notes naming the
    sheet as it is named now (an edited name is the same sheet); a document of nothing else when it was not read."""
    if not (sheet.reading or {}).get("document"):
        return Document(sheets=[content])
    document = Document.model_validate(sheet.reading["document"])
    notes = [note.model_copy(update={"location": note.location.model_copy(update={"sheet": content.key})})
             for note in document.diagnostics]
    return document.model_copy(update={"sheets": [content], "diagnostics": notes})


def plan_cells(plan: Iterable[Checkpoint]) -> list[dict[str, str]]:
    """A spending plan as stored: label and percent as text (empty when not given)."""
    return [{"label": c.label, "percent": _text(c.percent)} for c in plan]


def row_cells(indicator: Indicator) -> dict[str, str]:
    """Every text cell of the stored row of ``indicator`` (:data:`ROW_CELLS`) as written."""
    return {kind: indicator_cell(indicator, kind) for kind in ROW_CELLS}


def indicator_fields(indicator: Indicator) -> dict[str, object]:
    """Every field of the stored row of an indicator just read: its cells as written, the unit and operator
    columns' and the other columns' cells, and the reader's understanding of them (``reading``)."""
    return {**row_cells(indicator), "extra": [[heading, text] for heading, text in indicator.extra.items()],
            # (the row's place is its position in the stored grid, one table: not where the file had it)
            "reading": indicator.model_dump(mode="json", exclude={"row", "table"})}


def goal_sheet(sheet: Sheet, rows: Iterable[IndicatorRow] | None = None) -> GoalSheet:
    """The core ``GoalSheet`` of a stored sheet; the core interprets the cells (levels, targets) again."""
    rows = sheet.indicators.all() if rows is None else rows
    return GoalSheet(
        title=sheet.title or None,
        code=sheet.code or None,
        name=sheet.name or None,
        unit=Unit(code=sheet.unit.code, name=sheet.unit.name),
        year=sheet.year,
        money_unit=MoneyUnit(sheet.money_unit),
        budget=Budget(total=amount(sheet.budget_total), fiscal=amount(sheet.budget_fiscal),
                      other=amount(sheet.budget_other), sources=sources_of(sheet.budget_sources)),
        period=period_of({name: getattr(sheet, name) for name in PERIOD_COLUMNS}),
        purpose=sheet.purpose or None,
        spend_plan=[Checkpoint(label=c["label"], percent=_decimal(c.get("percent"))) for c in sheet.spend_plan],
        goals=list(sheet.goals),
        long_term_goals=list(sheet.long_term_goals),
        indicators=[indicator_of(row) for row in rows],
        **(sheet.reading or {}).get("sheet", {}),
    )


def indicator_of(row: IndicatorRow) -> Indicator:
    """The core's indicator of a stored row: as the reader understood it while its cells are those it read;
    after an edit, read again from the cells (the value with the operator and unit columns' cells, as the reader
    reads it), each part the reader understood from cells the edit left alone (Traditional level names, a value
    completed by the template's residue in its name) kept as it understood it. The unit and operator columns' and
    the other columns' cells are the row's as they stand; of the latter, those the reader found hold a value of the
    row (``value_columns``) still do while they stand under their heading."""
    reading = Indicator.model_validate(row.reading) if row.reading else None
    cells = {name: getattr(row, name) for name in ROW_CELLS}
    read = row_cells(reading) if reading else {}
    extra = dict(row.extra)
    # what the reader knew of the other columns (which hold a value of the row) holds for those still there
    value_columns = [heading for heading in reading.value_columns if heading in extra] if reading else []
    if read == cells:
        return reading.model_copy(update={"row": row.position, "extra": extra, "value_columns": value_columns})
    target = target_text(row.target, row.operator_column, row.unit_column)
    indicator = Indicator.from_cells(
        level1=row.level1, level2=row.level2, name=row.name, description=row.description or None,
        target=target, long_term_target=row.long_term_target or None, weight=row.weight or None,
        direction=row.direction or None, basis=row.basis or None, row=row.position,
    )
    update = {"unit_column_raw": row.unit_column or None, "unit_column": column_unit(row.unit_column),
              "operator_column_raw": row.operator_column or None, "extra": extra, "value_columns": value_columns}
    if target != row.target:  # understood with its columns joined; kept as the value cell is written
        update["target"] = indicator.target.model_copy(update={"raw": row.target})
    for sources, fields in _READ_FROM:
        if all(read.get(name) == cells[name] for name in sources):
            update.update((field, getattr(reading, field)) for field in fields)
    return indicator.model_copy(update=update)


# Which parts of the reader's understanding of a row come from which of its cells. The value is read with its
# operator and unit columns and its name (公猪舍(≥**平方米) | 22.8, 开展小型水利工程建设(个) | 1); an edited description, the
# other context the reader had, does not make it read the value again.
_READ_FROM = (
    (("level1",), ("level1", "level1_raw")),
    (("level2",), ("level2", "level2_raw")),
    (("name",), ("name", "name_raw")),
    (("target", "unit_column", "operator_column", "name"), ("target",)),
    (("long_term_target",), ("long_term_target",)),
    (("weight",), ("weight", "weight_raw")),
    (("direction",), ("direction", "direction_raw")),
    (("unit_column", "target"), ("unit_column",)),
)


def stored_content(sheet: GoalSheet) -> dict[str, object]:
    """``sheet`` as a JSON column keeps it (an approved or published version): each indicator's other columns
    (``extra``) as [heading, cell] pairs in the form's order, as PostgreSQL's jsonb would reorder an object's keys."""
    data = sheet.model_dump(mode="json")
    for indicator in data["indicators"]:
        indicator["extra"] = [[heading, text] for heading, text in indicator["extra"].items()]
    return data


def content_of(stored: dict[str, object]) -> GoalSheet:
    """The core ``GoalSheet`` a JSON column keeps (:func:`stored_content`; ``extra`` as an object, as kept before)."""
    indicators = [{**indicator, "extra": dict(indicator.get("extra") or {})} for indicator in stored["indicators"]]
    return GoalSheet.model_validate({**stored, "indicators": indicators})


def document_of(sheets: list[Sheet], source: str, progress: Callable[[int, int], None] | None = None) -> Document:
    """A core ``Document`` holding ``sheets``, for the writers; the document names their unit when they share one.
    ``progress(done, total)`` is called after each sheet is converted."""
    units = {sheet.unit_id for sheet in sheets}
    unit = sheets[0].unit if len(units) == 1 else None
    converted = []
    for sheet in sheets:
        converted.append(goal_sheet(sheet))
        if progress:
            progress(len(converted), len(sheets))
    return Document(source=source, format="json", unit=Unit(code=unit.code, name=unit.name) if unit else None,
                    sheets=converted)


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value}"


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text else None
