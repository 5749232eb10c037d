"""Form profiles: the form is recognised from the sheet, and what the form lacks or arranges differently is no mistake."""

from __future__ import annotations

import pytest

from jixiao.review import available_forms, load_form, load_profile, recognise_form, review_sheet
from tests.review.sheets import build_sheet, load_data, patched

BASE = load_data("rule_cases.toml")["base"]
# A sheet on a form without 项目编码, 资金用途 and 资金支出计划 (the central 88号 form and most provincial ones).
NO_CODE = {"code": None, "purpose": None, "plan": [], "title": None}


def _review(patch: dict, form: str | None = None):
    profile = load_profile().adjusted(form=form)
    return review_sheet(build_sheet(patched(BASE, patch)), profile)


def _rules(review) -> list[str]:
    return [f.rule for f in review.findings]


def test_every_shipped_form_cites_where_it_comes_from():
    for name in available_forms():
        form = load_form(name)
        assert form.source and form.label, name
        assert form.confirmed or "not confirmed" in form.source, name
        assert set(form.required) <= set(form.fields), name


@pytest.mark.parametrize(
    ("patch", "form"),
    [
        ({}, "hebei-township"),  # the sample's form: 项目编码, 资金用途, 资金支出计划, 指标值确定依据
        ({**NO_CODE, "title": "项目支出绩效目标申报表", "form_fields": ["主管部门", "实施单位", "年度目标"]}, "central-88"),
        ({**NO_CODE, "title": "部门预算项目绩效目标申报表(2023年度)",  # corpus 003 (Sichuan)
          "form_fields": ["项目名称", "预算数", "年度目标", "指标性质", "度量单位", "权重", "指标方向性"]}, "sichuan"),
        ({**NO_CODE, "title": "2025年项目支出绩效目标表",  # corpus 025 (Hunan)
          "form_fields": ["项目支出名称", "项目支出实施期", "指标值类型", "指标值内容"]}, "hunan"),
        ({**NO_CODE, "title": "2017年度食品药品监管事业发展专项绩效目标、评价指标与标准值表"}, "pre2018-targets"),  # 037
        ({**NO_CODE, "title": "2024年中央预算内投资计划绩效目标表", "form_fields": ["专项名称"]}, "ndrc-investment"),
        ({**NO_CODE, "title": "2023年项目支出绩效目标批复表"}, "approval"),
        ({**NO_CODE, "title": "转移支付区域绩效目标表", "form_fields": ["转移支付名称", "年度目标"]}, "regional-transfer"),
        ({**NO_CODE}, "generic"),
    ],
)
def test_form_is_recognised_from_title_and_header_fields(patch, form):
    assert recognise_form(build_sheet(patched(BASE, patch))).name == form


@pytest.mark.parametrize("title", ["项目支出绩效目标申报表", "部门预算项目绩效目标申报表(2023年度)", "绩效目标批复表", None])
def test_fields_the_form_lacks_are_not_missing(title):
    review = _review({**NO_CODE, "title": title})
    assert "JX101" not in _rules(review), [f.message for f in review.findings]


def test_a_field_the_form_has_is_still_required():
    review = _review({"purpose": ""})
    assert [f.params["field"] for f in review.findings if f.rule == "JX101"] == ["资金用途"]
    generic = _review({**NO_CODE, "name": ""})
    assert [f.params["field"] for f in generic.findings if f.rule == "JX101"] == ["项目名称"]


@pytest.mark.parametrize(
    ("form_fields", "missing"),
    [
        # The source shows no 项目名称 or 绩效目标 label (a copy that starts below them, corpus 142, 036): nothing
        # can be said to be left empty.
        (["预算数", "资金用途", "一级指标", "二级指标", "三级指标", "指标值"], []),
        # The labels stand and their cells are empty: reported where the label is.
        (["项目名称", "预算数", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值"], ["JX101", "JX106"]),
    ],
)
def test_a_field_is_required_only_where_the_source_shows_its_label(form_fields, missing):
    review = _review({**NO_CODE, "name": "", "goals": [], "form_fields": form_fields}, form="sichuan")
    assert sorted({r for r in _rules(review) if r in ("JX101", "JX106")}) == missing
    if missing:
        [name] = [f for f in review.findings if f.rule == "JX101"]
        assert name.params["field"] == "项目名称" and name.severity.value == "error"


def test_the_form_can_be_set():
    assert _review({}, form="central-88").form == "central-88"
    assert "JX101" not in _rules(_review({"code": None}, form="central-88"))
    assert "JX101" in _rules(_review({"code": None}, form="hebei-township"))


def test_provincial_2024_sheet_keeping_cost_under_output_is_not_told_to_move_it():
    # Many provinces' 2021–2025 forms keep 成本指标 under 产出指标: the sheet itself shows which framework it follows.
    review = _review({"year": 2024})
    assert "JX501" not in _rules(review)
    assert "JX501" in _rules(_review({"year": 2024}, form="central-2021"))


def test_2021_framework_cost_levels_are_recognised_from_the_sheet():
    cost = ["成本指标", "经济成本指标", "维稳工作经费支出", "全年综治维稳工作经费", "≤15万元", "计划标准：年度预算"]
    review = _review({"year": 2025, "set_rows": {"4": cost}})
    assert not {"JX501", "JX105", "JX506"} & set(_rules(review))


def test_pre2018_form_levels_are_not_unknown_names():
    # corpus 037: 投入/管理/产出目标, the last divided into numbered 数量目标 etc.
    rows = [["投入目标", "", "资金到位率", "", "=100%", ""], ["管理目标", "", "制度健全性", "", "健全", ""],
            ["产出目标", "", "抽检批次", "", "≥1000批次", ""], ["产出目标", "1.数量目标", "检验报告份数", "", "≥1000份", ""]]
    review = _review({**NO_CODE, "title": "绩效目标、评价指标与标准值表", "rows": rows})
    assert review.form == "pre2018-targets"
    assert not {"JX103", "JX104", "JX105", "JX501", "JX506"} & set(_rules(review)), [f.message for f in review.findings]


def test_ndrc_form_implementation_effect_counts_as_benefit():
    rows = [list(row) for row in BASE["rows"]]
    for row in rows:
        if row[0] == "效益指标":
            row[0] = "实施效果指标"
    review = _review({**NO_CODE, "rows": rows}, form="ndrc-investment")
    assert not {"JX103", "JX506"} & set(_rules(review)), [f.message for f in review.findings]


def test_a_note_the_form_prints_left_in_a_cell_is_template_residue():
    # corpus 008 (Sichuan): the form's own instructions were left in the cells
    row = ["产出指标", "数量指标", "工资发放人数(必填)", "", "≥24人", "计划标准：人员编制"]
    review = _review({"add_rows": [row]}, form="sichuan")
    [finding] = [f for f in review.findings if f.rule == "JX108"]
    assert finding.indicator == "工资发放人数(必填)" and finding.fix.edits[0].after == "工资发放人数"


def test_a_grid_without_level_columns_is_not_told_its_levels_are_missing():
    # corpus 121 (Chongqing 一般性项目): the form lists only 三级指标, 权重, 度量单位 and 指标值
    rows = [["", "", "发放人数", "", "≥80人", "", "20"], ["", "", "补助发放准确率", "", "=100%", "", "20"]]
    fields = ["项目名称", "预算数", "绩效目标", "三级指标", "权重", "度量单位", "指标值"]
    review = _review({**NO_CODE, "rows": rows, "form_fields": fields})
    assert not {"JX103", "JX104", "JX105", "JX506"} & set(_rules(review)), [f.message for f in review.findings]
    # the same rows where the form has level columns left empty are still incomplete
    with_levels = _review({**NO_CODE, "rows": rows, "form_fields": [*fields, "一级指标", "二级指标"]})
    assert {"JX103", "JX104"} <= set(_rules(with_levels))


@pytest.mark.parametrize(("form_fields", "required"), [
    # the reader names the goals label 绩效目标 (年度总体目标, 预期目标 in the source): on a form no profile knows, the
    # label standing makes its empty cell missing (corpus 208: a self-evaluation's 预期目标 left empty)
    (["项目名称", "主管部门", "绩效目标", "一级指标", "二级指标", "三级指标"], True),
    (["项目名称", "年度目标", "一级指标"], True),
    (["项目名称", "主管部门", "一级指标", "二级指标", "三级指标"], False),
])
def test_a_generic_form_requires_the_goals_whose_label_stands(form_fields, required):
    review = _review({**NO_CODE, "goals": [], "form_fields": form_fields}, form="generic")
    assert ("JX106" in _rules(review)) is required


@pytest.mark.parametrize(
    ("goals_labels", "long_term", "fires"),
    [
        # corpus 276 (Hunan 2023 公开格式): the form's only goals column is 实施期绩效目标, left empty
        (["中期目标"], [], True),
        (["中期目标"], ["保障特教学校学生伙食"], False),  # filled: the period's goals are the sheet's goals
        (["绩效目标", "中期目标"], ["保障特教学校学生伙食"], True),  # the year's column empty beside the period's
        ([], [], False),  # no goals label in the source: nothing can be said to be left empty
    ],
)
def test_goals_are_required_where_the_form_shows_a_goals_column_the_periods_alone_too(goals_labels, long_term, fires):
    fields = ["项目名称", "预算数", *goals_labels, "一级指标", "二级指标", "三级指标", "指标值"]
    review = _review({**NO_CODE, "goals": [], "long_term_goals": long_term, "form_fields": fields}, form="hunan")
    assert [f.rule for f in review.findings if f.rule == "JX106"] == (["JX106"] if fires else [])


@pytest.mark.parametrize(
    ("label", "key", "severity"),
    [("主管部门编码", "department_code", "info"),  # corpus 005 (Hunan 2021)
     ("同名项目上年预算额", "previous_budget", "info")],  # corpus 280 (Anhui 申报明细表)
)
def test_a_blank_field_is_reported_only_where_the_form_prints_its_label(label, key, severity):
    fields = ["项目名称", "预算数", "绩效目标", label]
    blank = _review({**NO_CODE, "form_fields": fields, "blank_fields": [label]})
    [finding] = [f for f in blank.findings if f.rule == "JX101"]
    assert finding.params["field"] == label and finding.severity.value == severity
    absent = _review({**NO_CODE, "form_fields": fields[:3]})
    assert "JX101" not in _rules(absent)
