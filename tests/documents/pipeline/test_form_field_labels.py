"""Header fields of real forms that end another field's value or are left blank, on the dev corpus documents that
print them: the reader records each label the form prints (GoalSheet.form_fields) and each left blank
(GoalSheet.blank_fields), and a value is never read under a label that is not its own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.documents.pipeline import read_text

_ROOT = Path(__file__).parents[3]
_PLACES = (_ROOT / "tests" / "corpus" / "docs", _ROOT.parent / "shared" / "corpus")


def _sheet(stem: str):
    found = [path for place in _PLACES if place.is_dir() for path in place.glob(f"{stem}*.txt")]
    if not found:
        pytest.skip(f"corpus document {stem} is not on this machine")
    text = b"\n".join(found[0].read_bytes().split(b"\n")[2:])  # (without the # source: and # kind: lines)
    (sheet,) = read_text(text, found[0].name)[0].sheets
    return sheet


def test_a_blank_department_code_is_a_blank_field_of_the_form():
    # 005 (Hunan 2021): 主管部门坝塘镇主管部门编码项目单位坝塘镇…, the code left blank
    sheet = _sheet("005_hunan-ningxiang-batang-town-infra-goal")
    assert "主管部门编码" in sheet.blank_fields and "主管部门编码" in sheet.form_fields


def test_the_parent_projects_code_label_takes_no_project_code():
    # 267 (Hubei 项目申报表): 一级项目编码 | 是否使用上级转移支 | 否 | 付资金: the form's 项目编码 is blank
    sheet = _sheet("267_hubei-guangshui-maping-middle-school")
    assert sheet.code is None


def test_the_years_budget_is_read_beside_the_whole_spans_and_last_years_blank_is_known():
    # 280 (Anhui 申报明细表): 项目总预算(万元) 75.00 for 2019-2021 beside 项目当年预算(万元) 25.00
    sheet = _sheet("280_anhui-wuhu-health-commission")
    assert sheet.budget.total == Decimal("25.00")
    assert {"同名项目上年预算额", "同名项目上年预算执行数"} <= set(sheet.blank_fields)


def test_a_wide_forms_empty_period_goals_column_is_a_field_of_the_form():
    # 276 (Hunan 2023 公开格式): 单位代码单位(专项)名称资金总额实施期绩效目标绩效指标, the goals cell empty
    sheet = _sheet("276_hunan-xiangxi-special-education-school-meal-subsidy")
    assert "中期目标" in sheet.form_fields
    assert sheet.goals == [] and sheet.long_term_goals == []
