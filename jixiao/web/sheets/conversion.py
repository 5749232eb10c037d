"""The one place where the core's model and the database meet: GoalSheet ↔ Sheet + IndicatorRow."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from jixiao.documents.writers.sheet_grid import indicator_cell
from jixiao.model import Budget, Checkpoint, Document, GoalSheet, Indicator, MoneyUnit, Unit
from jixiao.web.sheets.models import IndicatorRow, Sheet

__all__ = ["INDICATOR_CELLS", "document_of", "goal_sheet", "indicator_cells", "plan_cells", "sheet_fields"]

# The indicator cells kept as written, in the order of the official table.
INDICATOR_CELLS = ("level1", "level2", "name", "description", "target", "long_term_target", "weight", "direction",
                   "basis")


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
        "purpose": sheet.purpose or "",
        "spend_plan": plan_cells(sheet.spend_plan),
        "goals": list(sheet.goals),
        "long_term_goals": list(sheet.long_term_goals),
    }


def plan_cells(plan: Iterable[Checkpoint]) -> list[dict[str, str]]:
    """A spending plan as stored: label and percent as text (empty when not given)."""
    return [{"label": c.label, "percent": _text(c.percent)} for c in plan]


def indicator_cells(indicator: Indicator) -> dict[str, str]:
    """The cells of one indicator as written (the raw text wins over the normalised value)."""
    return {kind: indicator_cell(indicator, kind) for kind in INDICATOR_CELLS}


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
        budget=Budget(total=sheet.budget_total, fiscal=sheet.budget_fiscal, other=sheet.budget_other),
        purpose=sheet.purpose or None,
        spend_plan=[Checkpoint(label=c["label"], percent=_decimal(c.get("percent"))) for c in sheet.spend_plan],
        goals=list(sheet.goals),
        long_term_goals=list(sheet.long_term_goals),
        indicators=[
            Indicator.from_cells(
                level1=row.level1, level2=row.level2, name=row.name, description=row.description or None,
                target=row.target, long_term_target=row.long_term_target or None, weight=row.weight or None,
                direction=row.direction or None, basis=row.basis or None, row=row.position,
            )
            for row in rows
        ],
    )


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
