"""A header block's label:value fields set apart by one space only on their line (a PDF's or a site's text): each
label takes its own value, none runs on into the next field's."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text

_GRID = ["| 一级指标 | 二级指标 | 三级指标 | 指标值 |", "| 产出指标 | 数量指标 | 养护道路里程 | ≥42公里 |"]


@pytest.mark.parametrize(("line", "unit", "total"), [
    ("项目名称:村级公路养护补助 预算金额:18.5万元", None, Decimal("18.5")),
    ("项目名称：村级公路养护补助 主管部门：某县交通运输局 实施单位：某县公路养护中心", "某县公路养护中心", None),
])
def test_fields_one_space_apart_on_a_line_each_take_their_own_value(line, unit, total):
    sheet = read_text("\n".join(["项目支出绩效目标表", line, *_GRID]).encode(), "case.txt")[0].sheets[0]
    assert (sheet.name, sheet.unit.name if sheet.unit else None, sheet.budget.total) == ("村级公路养护补助", unit, total)


def test_a_colon_inside_a_names_brackets_starts_no_field():
    line = "项目名称:村级公路养护补助(含 说明:路面修补)"
    sheet = read_text("\n".join(["项目支出绩效目标表", line, *_GRID]).encode(), "case.txt")[0].sheets[0]
    assert sheet.name == "村级公路养护补助(含 说明:路面修补)"
