"""A self-evaluation's money table printed without its indicator rows (issue 12): a copy cut after the money block
(corpus 283, a 部门整体支出绩效自评表 one cell a line, cut in its 年度总体目标), or a form whose rows are not read as
indicators. The reader keeps the sheet with the money it read and says with P155 that the rows are not there; the
review does not call the sheet empty of indicators, and the audit checks its money (JXA19: an adjusted budget with
no reason given). Compact cases in the shapes of the real rows; a header block with no certain money table (no
headings, or no amount spent) still opens no sheet."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.review import review_document
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet
from tests.conftest import texts

# corpus 283's lines (one cell a line, a bracket lost: ``(万元``), cut in the 年度总体目标 before the indicator rows
_ONE_CELL = ["2023年度部门整体支出绩效自评表", "预算部门、单位名称", "某乡人民政府", "年度预算申请", "(万元", "年初预算数",
             "全年预算数", "全年执行数", "分值", "执行率", "自评得分", "年度资金总额", "861.10", "2030.12", "2030.12", "10",
             "100%", "10", "年度总体目标", "预期目标", "实际完成情况", "搞好政府各职能部门完成的工作任务监督,服务市场主体和营造发展"]
# a project form's money block in a pipe table, the file ending after it
_PIPED = ["| 项目支出绩效自评表 |", "| 项目名称 | 乡村道路建设 |",
          "| 项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
          "| 年度资金总额 | 100 | 120 | 110 | 10 | 91.67% | 9.17 |"]

CASES = {
    "one cell a line": (_ONE_CELL, ("861.10", "2030.12", "2030.12", "100"), "年初预算数、全年预算数、全年执行数、分值、执行率、自评得分"),
    "pipe table": (_PIPED, ("100", "120", "110", "91.67"), "年初预算数、全年预算数、全年执行数、分值、执行率、得分"),
}


def read(lines: list[str]):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


@pytest.mark.parametrize("case", CASES)
def test_the_money_block_is_kept_as_a_sheet_that_says_its_rows_are_not_there(case):
    lines, (initial, full, spent, rate), headings = CASES[case]
    document = read(lines)
    [sheet] = document.sheets
    evaluation = sheet.evaluation
    assert document.kind == "self-eval" and not sheet.indicators
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (
        Decimal(initial), Decimal(full), Decimal(spent), Decimal(rate))
    assert evaluation.cut  # the rows are missing: the points printed cannot add up to the whole
    [said] = [found for found in document.diagnostics if found.code == "P155"]
    assert said.location.sheet == sheet.key and f"（{headings}）" in said.message
    assert not [found for found in document.diagnostics if found.code == "P101"]  # (P155 says why there is no grid)


@pytest.mark.parametrize("case", CASES)
def test_the_review_does_not_return_the_sheet_for_having_no_indicators(case):
    review = review_document(read(CASES[case][0]))
    [sheet] = review.sheets
    assert sheet.partial and sheet.unread
    rules = {finding.rule for finding in review.findings}
    assert "JX101" not in rules and not {rule for rule in rules if rule.startswith("JX10")}
    assert "JX001" in rules  # the reader's P155, said to the user


def test_the_audit_checks_the_money_of_a_sheet_without_rows():
    # corpus 283: 年初预算数 861.10 raised to 全年预算数 2030.12 with no reason given anywhere
    [sheet] = read(_ONE_CELL).sheets
    found = {finding.rule: texts(finding) for finding in audit_sheet(sheet, load_profile("central"))}
    assert found["JXA19"] == {"initial": "861.1", "full": "2030.12", "change": "追加", "amount": "1169.02",
                              "sheet": "（未命名项目）"}


def test_a_rate_the_money_contradicts_is_reported_on_a_sheet_without_rows():
    lines = [*_PIPED[:3], "| 年度资金总额 | 120 | 120 | 110 | 10 | 95% | 9.5 |"]  # 110 / 120 is 91.67%
    [sheet] = read(lines).sheets
    found = {finding.rule: texts(finding) for finding in audit_sheet(sheet, load_profile("central"))}
    assert (found["JXA04"]["printed"], found["JXA04"]["computed"]) == ("95", "91.67")


@pytest.mark.parametrize("lines", [
    # the headings without an amount spent under them: no money table for certain
    ["2023年度部门整体支出绩效自评表", "预算部门、单位名称", "某乡人民政府", "年初预算数", "全年预算数", "全年执行数", "执行率",
     "年度资金总额", "861.10", "2030.12"],
    # a report's sentence saying a budget: no money table printed
    ["2023年度某项目绩效自评报告", "该项目年初预算数899.7万元，用于农村道路养护。"],
], ids=["no amount spent", "a sentence"])
def test_no_sheet_without_a_money_table_for_certain(lines):
    document = read(lines)
    assert document.sheets == [] and not [found for found in document.diagnostics if found.code == "P155"]
