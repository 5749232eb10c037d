"""What ``Sheet.reading`` and ``IndicatorRow.reading`` store is the core model's JSON of the moment it was stored,
and it is read back into today's model (``conversion.goal_sheet``, ``conversion.indicator_of``), where pydantic
ignores a field it does not know: a field renamed or retyped in the model would silently drop from every sheet
imported before. This test pins the shape those columns store, so that such a change must come with a data
migration of the stored readings (``jixiao/web/sheets/migrations``) before the pin is re-recorded
(``JIXIAO_UPDATE_PINS=1``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jixiao.model import Document, GoalSheet, Indicator
from jixiao.web.sheets import conversion

PIN = Path(__file__).with_name("stored_reading_shape.json")


def _stored_shape() -> dict[str, object]:
    """The JSON schema of each stored part, without the fields the Sheet's and the row's own columns hold."""
    sheet = GoalSheet.model_json_schema()
    document = Document.model_json_schema()
    indicator = Indicator.model_json_schema()
    return {
        "sheet": {name: field for name, field in sheet["properties"].items()
                  if name not in conversion.SHEET_COLUMNS},
        "document": {name: field for name, field in document["properties"].items() if name not in {"sheets", "unit"}},
        "indicator": {name: field for name, field in indicator["properties"].items() if name not in {"row", "table"}},
        "definitions": {**sheet.get("$defs", {}), **document.get("$defs", {}), **indicator.get("$defs", {})},
    }


def test_the_stored_readings_shape_changes_only_with_a_migration():
    shape = _stored_shape()
    if os.environ.get("JIXIAO_UPDATE_PINS"):
        PIN.write_text(json.dumps(shape, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PIN.read_text(encoding="utf-8"))
    parts = ("sheet", "document", "indicator")
    added = sorted(f"{part}.{name}" for part in parts for name in shape[part].keys() - pinned[part].keys())
    changed = sorted(f"{part}.{name}" for part in parts for name in pinned[part]
                     if shape[part].get(name) != pinned[part][name])
    assert not changed and pinned["definitions"] == shape["definitions"], (
        f"stored fields renamed, removed or retyped ({', '.join(changed) or 'in their definitions'}): readings "
        "stored before keep the old shape; migrate them in jixiao/web/sheets/migrations, then re-record with "
        "JIXIAO_UPDATE_PINS=1")
    assert not added, (f"stored fields added ({', '.join(added)}): old readings take their defaults; if that is "
                       "right, re-record with JIXIAO_UPDATE_PINS=1, else migrate them first")
