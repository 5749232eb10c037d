"""A sheet that says nowhere how much the money buys is returned; one that says it somewhere is improved by agreement.

Real corpus cases (tests/corpus/judged): the reviewer returned 131 (a vague goal, only 100% rates under 数量指标),
115 (a 批复表 without goal statements, only 使用率 100% as quantity) and 114 (no 数量指标 at all), and agreed 123 (a
vague goal, but 10 vehicles counted). Where and at which level the finding is reported is checked.
"""

from __future__ import annotations

import pytest

from jixiao.model import Diagnostic, Location, Severity
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]
RATE_ONLY = ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "", "100%", "计划标准"]
VEHICLES = ["产出指标", "数量指标", "雾炮车降尘抑尘服务配备车辆数", "", "10辆", "计划标准"]
PROJECTS = ["产出指标", "数量指标", "建设项目个数(含续建)", "", "1", "计划标准"]


def _findings(patch: dict, rule: str, form: str | None = None):
    document = build_document(patched(BASE, patch))
    profile = load_profile().adjusted(form=form)
    return [(f.indicator, f.location.column, f.severity.value, f.params.get("level2"))
            for f in review_document(document, profile).findings if f.rule == rule]


@pytest.mark.parametrize(
    ("patch", "rule", "reported"),
    [
        # 131: the goal names no figure and no 产出 row counts anything: the goal finding returns the sheet
        ({"goals": ["全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源"], "set_rows": {1: RATE_ONLY}},
         "JX911", [(None, "绩效目标", "error", None)]),
        # ... while the 数量 group of rates stays a warning: the error is reported once, on the goal
        ({"goals": ["全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源"], "set_rows": {1: RATE_ONLY}},
         "JX903", [("农村义务教育学校改造覆盖率", "二级指标", "warning", None)]),
        # 123: the same vague goal beside a counted 数量 row is agreed with the unit
        ({"goals": ["持续改善我市空气质量"], "set_rows": {1: VEHICLES}}, "JX911", [(None, "绩效目标", "warning", None)]),
        # 150: a count written without its unit (建设项目个数 1) still counts the output
        ({"goals": ["持续改善我市空气质量"], "set_rows": {1: PROJECTS}}, "JX911", [(None, "绩效目标", "warning", None)]),
        # 150 as the NDRC form reads it: 产出指标 is the level 2 under 实施效果指标, and its count is the output
        ({"goals": ["持续改善我市空气质量"], "set_rows": {1: ["实施效果指标", "产出指标", *PROJECTS[2:]]}}, "JX911",
         [(None, "绩效目标", "warning", None)]),
        # 115: a 批复表 without goal statements whose 数量 group holds only a rate
        ({"goals": [], "set_rows": {1: ["产出指标", "数量指标", "疫苗使用率", "", "100%", ""]}},
         "JX903", [("疫苗使用率", "二级指标", "error", None)]),
        # 010: the same on a 部门整体 table, whose rows cover the unit's running duties, is agreed with the unit
        ({"title": "部门整体支出绩效目标表", "goals": [],
          "set_rows": {1: ["产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "", "100%", ""]}},
         "JX903", [("志鉴地情相关工作开展所需资金的供应时效", "二级指标", "warning", None)]),
        # 114: no 数量指标 at all and no goal statement
        ({"goals": [], "drop_rows": [1]}, "JX104", [(None, "二级指标", "error", "数量指标")]),
        # 114: the goal's only figures are the staff the money keeps, and its numbering (目标3) is a label
        ({"goals": ["保障在职人员89人、离退休人员26人的正常办公、生活秩序。", "目标3改善办学条件,添置教学设备"],
          "drop_rows": [1]}, "JX104", [(None, "二级指标", "error", "数量指标")]),
        # a missing 数量指标 where the goal counts the output (18个行政村) is a warning
        ({"drop_rows": [1]}, "JX104", [(None, "二级指标", "warning", "数量指标")]),
        # 121: a form without level columns: 发放人数 80人 counts the output wherever it stands
        ({"goals": ["按时足额发放,保障权益"], "form_fields": ["项目名称", "三级指标", "指标值"],
          "rows": [["", "", "发放人数", "", "≥80人", ""], ["", "", "本土人才满意度", "", "≥95%", ""]]},
         "JX911", [(None, "绩效目标", "warning", None)]),
        # 180: no row's 指标值 was read (values unplaced in text run together): what the rows count is not known, and
        # the vague goal stays a warning (JX107 reports the empty cells)
        ({"goals": ["为推进宗教活动场所规范化管理,提升我市宗教工作管理水平"],
          "rows": [["产出指标", "数量指标", "宗教管理经费补助县(市、区)数量", "", "", ""],
                   ["产出指标", "质量指标", "项目完成率", "", "", ""]]},
         "JX911", [(None, "绩效目标", "warning", None)]),
        # ... while one value read that counts nothing returns the sheet
        ({"goals": ["为推进宗教活动场所规范化管理,提升我市宗教工作管理水平"],
          "rows": [["产出指标", "数量指标", "宗教管理经费补助县(市、区)数量", "", "", ""],
                   ["产出指标", "质量指标", "项目完成率", "", "100%", ""]]},
         "JX911", [(None, "绩效目标", "error", None)]),
        # a self-evaluation reports on approved goals: not returned for them
        ({"kind": "self-eval", "goals": [], "drop_rows": [1]}, "JX104", [(None, "二级指标", "warning", "数量指标")]),
    ],
)
def test_a_sheet_that_says_nowhere_how_much_is_returned(patch, rule, reported):
    assert _findings(patch, rule) == reported


@pytest.mark.parametrize(
    "label",
    [
        "中期目标(2023年—2023年)",  # 154: the 88号 form's goal column heading among the goals
        "年度总体目标完成情况",  # 109: a self-evaluation's column heading
    ],
)
def test_a_form_label_among_the_goals_is_not_a_goal(label):
    assert _findings({"goals": [label]}, "JX911") == []
    assert _findings({"goals": [label, "持续改善我市空气质量"]}, "JX911") == [(None, "绩效目标", "warning", None)]


def test_the_ndrc_form_has_no_second_level_under_its_outputs():
    # 150: 实施效果指标 > 产出指标 with the indicators directly below it
    rows = [["产出指标", "", "建设项目个数(含续建)", "", "=1个", ""], ["产出指标", "", "竣工验收合格率", "", "=100%", ""],
            ["效益指标", "", "完工项目县畜禽粪污综合利用率", "", "≥90%", ""]]
    assert _findings({"rows": rows}, "JX104", form="ndrc-investment") == []
    # elsewhere the headings are missing; the count (=1个) already states the amount (corpus 140)
    assert [level2 for *_, level2 in _findings({"rows": rows}, "JX104")] == ["质量指标", "时效指标"]


def test_weights_of_a_sheet_the_file_cuts_off_are_not_totalled():
    # 148: the file ends after the 产出 rows; their weights add up to 50 of the 90 the header announces
    rows = [[*row, "10"] for row in BASE["rows"][:4]]
    document = build_document(patched(BASE, {"rows": rows}))
    assert [f.params["total"] for f in review_document(document, load_profile()).findings if f.rule == "JX609"] \
        == ["40"]
    cut = Diagnostic(code="P120", severity=Severity.INFO, template="文本在表格中间结束",
                     location=Location(sheet=document.sheets[0].key, table=1, line=28))
    findings = review_document(document.model_copy(update={"diagnostics": [cut]}), load_profile()).findings
    assert [f for f in findings if f.rule == "JX609"] == []
