"""The header's option lists (项目属性 □新增 □延续) are kept with the sheet's content where the reader's other findings
of the header are (``Sheet.reading``), read back into the core's sheet, and reviewed there."""

from __future__ import annotations

from jixiao.documents import read_bytes
from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.services.imports import sheets_import
from tests.documents.interpret.test_option_lists import _HEADER


def test_an_imported_sheet_keeps_its_option_lists_and_reports_those_left_unchosen(org):
    data = _HEADER.encode()
    (sheet,) = sheets_import(user=org["owner"], unit=org["township"], year=2024, accept_year=True, accept_unit=True,
                             files=[("options.txt", data)])
    read = read_bytes(data, "options.txt").sheets[0]
    assert goal_sheet(sheet).choices == read.choices and len(read.choices) == 5
    (found,) = [r for r in sheet.findings.all() if r.rule == "JX954"]
    assert found.row is None and "“项目类型”（部门预算、切块预算）" in found.data["message"]
    assert "项目属性" not in found.data["message"]  # (its 新增性项目 is ticked)
