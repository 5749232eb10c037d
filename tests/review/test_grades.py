"""Suggested grades as the judged corpus's reviewers give them: 优 only for a sheet without any warning (no dev sheet
with a warning-level flag was graded 优), and not 优 for a sheet whose indicators were never seen."""

from __future__ import annotations

from jixiao.model import Diagnostic, Location, Severity
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def test_one_warning_is_agreed_with_the_unit():
    # 122/155: a single missing unit (a warning) is fixed by agreement: 良, not 优
    review = review_document(build_document(patched(BASE, {"set_rows": {1: [
        "产出指标", "数量指标", "矛盾纠纷排查行政村数", "全乡行政村开展矛盾纠纷排查", "≥18", "计划标准：工作方案"]}})))
    (sheet,) = review.sheets
    assert [(f.rule, f.severity.value) for f in sheet.findings] == [("JX202", "warning")]
    assert (sheet.score, sheet.grade) == (97, "良")


def test_an_info_finding_alone_keeps_the_sheet_good_as_it_is():
    review = review_document(build_document(patched(BASE, {"set_rows": {1: [
        "产出指标", "数量指标", "矛盾纠纷排查行政村数", "全乡18个行政村开展矛盾纠纷排查", "18个", "计划标准：工作方案"]}})))
    (sheet,) = review.sheets
    assert [(f.rule, f.severity.value) for f in sheet.findings] == [("JX201", "info")]
    assert sheet.grade == "优"


def test_a_sheet_whose_grid_was_not_found_is_not_graded():
    # 149, and the tables of amounts read as sheets of 022 (金额) and 121 (日常办公设备购买和运行维护): the reader found
    # no indicator header (P101) and no row: nothing of the goals was reviewed, so no grade would be honest
    document = build_document(patched(BASE, {"rows": []}))
    missing = Diagnostic(code="P101", severity=Severity.ERROR, template="没有找到指标表头",
                         location=Location(sheet=document.sheets[0].key))
    (sheet,) = review_document(document.model_copy(update={"diagnostics": [missing]}), load_profile()).sheets
    assert (sheet.partial, sheet.unread, sheet.grade, sheet.score, sheet.capped_by) == (True, True, None, None, [])
    assert sheet.explain() == "没有读到这张表的绩效指标，无从审核，未评等级"


def test_a_sheet_cut_off_after_some_rows_is_at_best_good():
    # a grid read in part (P114, the file ends inside it): what was read is graded, capped by the reader's JX001
    document = build_document(BASE)
    cut = Diagnostic(code="P114", severity=Severity.INFO, template="表格在文件末尾中断",
                     location=Location(sheet=document.sheets[0].key))
    (sheet,) = review_document(document.model_copy(update={"diagnostics": [cut]}), load_profile()).sheets
    assert (sheet.partial, sheet.unread, sheet.grade, sheet.capped_by) == (True, False, "良", ["JX001"])


def test_a_template_never_filled_in_cannot_enter_the_budget():
    # 147: every 指标值 holds only the unit the template printed (公里, 万亩): the table was never filled in, 差
    rows = [["产出指标", "数量指标", "新建堤防、护岸长度", "", "公里", ""],
            ["产出指标", "数量指标", "灌区节水改造面积", "", "万亩", ""]]
    (sheet,) = review_document(build_document(patched(BASE, {"rows": rows})), load_profile()).sheets
    assert sheet.grade == "差" and "JX109" in sheet.capped_by
