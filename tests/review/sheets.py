"""Building goal sheets from the compact specs of the test data files (rule_cases.toml, clean_sheets.toml).

A spec is a table of header fields and ``rows``; each row is ``[一级, 二级, 三级, 描述, 指标值, 依据]`` with an
optional 权重 and 指标方向性, then optionally the cells a reader keeps aside by their heading (``extra``:
``{备注 = "…"}``), then optionally the cell of the form's unit column (度量单位: ``unit_column``), then optionally the
中期指标值 (``long_term``, also given by 1-based row number as ``long_term = {1 = "≥57个"}``). A case patches
the base spec: ``rows`` replaces all rows, ``set_rows`` replaces rows by 1-based number, ``add_rows`` appends,
``drop_rows`` removes; other keys replace header fields
(``form_fields`` lists the header fields and columns of the source form, as a reader reports them; ``blank_fields``
those of its header fields whose label stands beside an empty cell; ``actuals`` the 实际完成值 a self-evaluation
prints, by 1-based row number; ``period`` the 项目期 as printed, ``period_span`` the [first, last] year a 中期目标
heading names, ``period_total`` the 中期资金总额).
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.documents.interpret.header_cells import parse_span
from jixiao.model import (
    Budget,
    Checkpoint,
    Document,
    GoalSheet,
    HeaderChoice,
    Indicator,
    OverallGoals,
    Period,
    ReportedEvaluation,
    ReportedItem,
    canonical_unit,
)

HERE = Path(__file__).parent
# The cells of a spec row: 一级, 二级, 三级, 描述, 指标值, 依据, 权重, 方向, extra, 度量单位, 中期指标值.
ROW_CELLS = 11


def load_data(name: str) -> dict[str, Any]:
    """The parsed TOML data file ``tests/review/<name>``."""
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


def patched(base: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """``base`` with a case's patch applied."""
    spec = {key: value for key, value in base.items()}
    rows = [list(row) for row in spec.get("rows", [])]
    for key, value in patch.items():
        if key == "set_rows":
            for number, row in value.items():
                rows[int(number) - 1] = row
        elif key == "add_rows":
            rows.extend(value)
        elif key == "drop_rows":
            rows = [row for n, row in enumerate(rows, start=1) if n not in set(value)]
        elif key == "rows":
            rows = value
        else:
            spec[key] = value
    spec["rows"] = rows
    return spec


def _decimal(value: object) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def build_sheet(spec: dict[str, Any]) -> GoalSheet:
    """A goal sheet from a spec, its indicators understood as the readers would."""
    indicators = []
    for number, row in enumerate(spec.get("rows", []), start=1):
        cells = list(row) + [None] * (ROW_CELLS - len(row))
        level1, level2, name, description, target, basis, weight, direction, extra, unit_column, long_term = cells
        long_term = long_term or spec.get("long_term", {}).get(str(number))
        indicator = Indicator.from_cells(
            level1=level1, level2=level2, name=name, description=description or None, target=target,
            long_term_target=long_term, basis=basis or None, weight=weight, direction=direction, row=number)
        if unit_column:
            indicator = indicator.model_copy(update={"unit_column_raw": unit_column,
                                                     "unit_column": canonical_unit(unit_column)})
        indicators.append(indicator.model_copy(update={"extra": extra}) if extra else indicator)
    return GoalSheet(
        title=spec.get("title"),
        code=spec.get("code"),
        name=spec.get("name"),
        year=spec.get("year"),
        money_unit=spec.get("money_unit", "万元"),
        budget=Budget(total=_decimal(spec.get("total")), fiscal=_decimal(spec.get("fiscal")),
                      other=_decimal(spec.get("other"))),
        period=_period(spec),
        purpose=spec.get("purpose"),
        spend_plan=[Checkpoint(label=label, percent=_decimal(percent)) for label, percent in spec.get("plan", [])],
        goals=list(spec.get("goals", [])),
        long_term_goals=list(spec.get("long_term_goals", [])),
        indicators=indicators,
        table=1,
        form_fields=list(spec.get("form_fields", [])),
        blank_fields=list(spec.get("blank_fields", [])),
        choices=[HeaderChoice(**choice) for choice in spec.get("choices", [])],
        evaluation=ReportedEvaluation(items=[ReportedItem(indicator=int(number), actual_raw=actual)
                                             for number, actual in spec["actuals"].items()])
        if spec.get("actuals") else None,
    )


def _period(spec: dict[str, Any]) -> Period | None:
    """The span a spec prints: its 项目期 as written, the years a 中期目标 heading names, the 中期资金总额."""
    if not any(key in spec for key in ("period", "period_span", "period_total")):
        return None
    period = (parse_span(spec["period"]) if spec.get("period") else None) or Period()
    start, end = spec.get("period_span") or (period.start, period.end)
    return period.model_copy(update={"start": start, "end": end,
                                     "budget": Budget(total=_decimal(spec.get("period_total")))})


def build_document(spec: dict[str, Any]) -> Document:
    """A one-sheet document from a spec, with the unit's overall aims if the spec gives ``overall``."""
    overall = OverallGoals(aims=list(spec["overall"])) if spec.get("overall") else None
    return Document(source=spec.get("source", "case.txt"), overall=overall, sheets=[build_sheet(spec)],
                    kind=spec.get("kind"))
