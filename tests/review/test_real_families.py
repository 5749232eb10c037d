"""Families of false findings and missed flags found on the judged dev documents (issue 10), each checked on the real
document it came from: where the finding is (rule, indicator, row) and what it says, or that none is made."""

from __future__ import annotations

from decimal import Decimal

import pytest

from benchmarks.corpus_score import load_manifest
from jixiao.cli.check_command import check_document
from jixiao.documents import read_path
from jixiao.review import load_profile
from jixiao.review.engine import review_sheet
from jixiao.scoring import load_profile as load_scoring_profile


def _findings(stem: str, rules: set[str]) -> list:
    """The findings of ``rules`` that ``jixiao check`` reports on the dev corpus document numbered ``stem``."""
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith(f"{stem}_")]
    review = check_document(read_path(path), load_profile(), load_scoring_profile()).review
    return [f for f in review.findings if f.rule in rules]


# corpus 225 (Anhui 特色种养殖 自评表): ★ core rows print 分值 and 得分 only, their 其中 rows below them the 指标值 and
# 全年实际值 only. The parts carry no points of their own (no JX610 / JXA12 / JXA13 on them); the core rows' values are
# only in their parts, said once (JX107, info). The copy stops in 种植作物成活率 (10 points, 9 scored): its 偏差原因
# cell may be lost with the cut (no JXA10).
def test_core_rows_broken_down_into_parts_are_one_scored_indicator():
    findings = _findings("225", {"JX107", "JX610", "JXA10", "JXA12", "JXA13"})
    assert [(f.rule, f.indicator, f.location.row, f.severity.value) for f in findings] == [
        ("JX107", "补助各类粮食作物种植面积", 17, "info")]
    assert "“补助各类瓜果蔬菜种植面积”、“补助家畜家禽养殖数量”同样如此" in findings[0].message


@pytest.mark.parametrize(("stem", "expected"), [
    # 227: goal 2 says 特殊困难群体 twice
    ("227", [(None, "绩效目标", "把“困难群体”写了两遍")]),
    # 221: a quantity row 404名服务对象对象发放补助金
    ("221", [("404名服务对象对象发放补助金", "三级指标", "把“对象”写了两遍")]),
    # 153: a mirror's converter left ??? for 績 in the goal
    ("153", [(None, "绩效目标", "有问号代替的字")]),
    # 038: 项目 twice where the reader joined the heading cells 新增项目 | 项目分类 into the name: not checked
    ("038", []),
])
def test_garbled_or_doubled_text_is_noted_where_it_stands(stem, expected):
    findings = _findings(stem, {"JX925"})
    assert [(f.indicator, f.location.column, f.severity.value) for f in findings] == [
        (indicator, column, "info") for indicator, column, _ in expected]
    assert all(what in f.message for f, (*_, what) in zip(findings, expected))


def test_the_whole_last_row_of_a_cut_copy_still_needs_its_deviation_reason():
    # corpus 170: the copy stops after 家庭医生签约率 24694人 22584人 2 1.7, a row with all its figures: its blank
    # 偏差原因 is the unit's, not the cut's (225's cut row, ★种植作物成活率 10 9, shows neither target nor actual)
    findings = _findings("170", {"JXA10"})
    assert [(f.indicator, f.location.row) for f in findings if f.indicator == "家庭医生签约率"] == [("家庭医生签约率", 41)]


@pytest.mark.parametrize(("stem", "indicators"), [
    # 220: a self-evaluation on the pre-2018 form, 人才驿站补助资金到位率 under 质量目标 (0万元 spent)
    ("220", ["人才驛站補助資金到位率"]),
    # 226: a regional self-evaluation, 109.8 of 208万元 used, 资金足额拨付率 and 地方配套到位率 at 100%
    ("226", ["资金足额拨付率", "地方配套到位率"]),
    # 227: the goal table of the same fund
    ("227", ["资金足额拨付率", "地方配套资金到位率"]),
])
def test_an_output_that_measures_the_money_is_reported_in_goals_and_reports(stem, indicators):
    findings = _findings(stem, {"JX915"})
    assert [(f.indicator, f.location.column) for f in findings] == [(name, "三级指标") for name in indicators]


def test_an_actual_written_as_the_targets_bound_is_a_copied_target():
    # corpus 226: 申请定向费用补贴金融机构满意度 ≥80% answered ≥80% (the other two satisfaction rows answer 100%)
    findings = _findings("226", {"JXA17"})
    assert [(f.indicator, f.location.column) for f in findings] == [("申请定向费用补贴金融机构满意度", "实际完成值")]
    assert "写的是界限" in findings[0].message


@pytest.mark.parametrize(("stem", "last"), [
    # 188: …数量指标 rows, then 质量指标。符合条件的城乡老年居民养老金 and the file ends
    ("188", "全年缴费人数"),
    # 221: 4.社会效益指标。体现党和政 ends the file
    ("221", "国家规定标准发放"),
    # 223 (Traditional): (二)效益指標 | 社會效益指標(bi ends the file
    ("223", "享受?chē)?guó)家助學金平均每生每年"),
])
def test_a_prose_report_stopping_on_a_categorys_heading_is_a_partial_copy(stem, last):
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith(f"{stem}_")]
    document = read_path(path)
    [cut] = [d for d in document.diagnostics if d.code == "P119"]
    assert f"指标“{last}”" in cut.message
    assert _findings(stem, {"JX103"}) == []  # the categories after the cut are not missing


def test_a_copy_stopping_on_the_grids_heading_is_not_reviewed_for_its_rows():
    # corpus 244: the file ends in the heading 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原: every row is after
    # the cut (P126); the sheet has no indicator to review, not none to show (no JX102), and gets no grade
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith("244_")]
    document = read_path(path)
    assert [d.code for d in document.diagnostics] == ["P126"]
    review = check_document(document, load_profile(), load_scoring_profile()).review
    assert [f.rule for f in review.findings if f.rule.startswith("JX1")] == []
    assert review.sheets[0].grade is None


def test_a_department_form_whose_money_table_scores_nothing_is_not_asked_for_an_execution_score():
    # corpus 238 (宁德市地震局 部门整体支出绩效自评表 2020): 年初部门预算安排金额① | 年中调整金额② | 小计 | 年度拨付金额 |
    # 支出实现率 | 结余: no 分值 or 得分 for the execution (99.92%), only the indicators' 指标分值 and 自评得分
    assert _findings("238", {"JXA20", "JXA12"}) == []


def test_a_subtotal_after_the_initial_budget_and_its_adjustment_is_the_years_budget():
    # corpus 238: 年初部门预算安排金额(含历年结余结转)① | 年中调整金额② | 小计 | 年度拨付金额 | 支出实现率(%)⑤=④/③ …, the 小计's
    # ③=①+② on the line below, then 财政资金小计 130.54 58.07 188.61 188.45 99.92 0.16 0.08: 188.61 is the year's budget,
    # raised by 58.07 without a word of why (JXA19)
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith("238_")]
    evaluation = read_path(path).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal("130.54"), Decimal("188.61"), Decimal("188.45"))
    [adjusted] = _findings("238", {"JXA19"})
    assert (adjusted.location.column, adjusted.severity.value) == ("全年预算数", "warning")
    assert "130.54 调整为全年预算数 188.61（追加 58.07）" in adjusted.message


def test_bare_zeros_beside_the_parts_of_an_unaligned_money_flow_are_not_summed():
    # corpus 208, second project (援滇对口支援及结对帮扶经费): the PDF flow runs 年初预算数 … 得分 20000.00 20000.00 4.52
    # 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 —, its 9,034, 10 and 45.17% elsewhere; the reader says
    # it could not align the figures (P148), so the zeros beside 当年财政拨款 and 其他资金 are no parts of 20000
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith("208_")]
    document = read_path(path)
    second = document.sheets[1]
    assert (second.name, second.budget.total, second.budget.fiscal) == ("援滇对口支援及结对帮扶经费", 20000, 0)
    # (the first project's row, its 执行率 cell blank, is aligned by its score: 10 × 215457.6 / 250000 = 8.62)
    assert [(d.code, d.location.sheet) for d in document.diagnostics if d.code == "P148"] == [("P148", second.key)]
    assert _findings("208", {"JX701"}) == []
    # read from a table (no word of an unaligned flow), the same zeros do not add up to the budget
    assert [f.rule for f in review_sheet(second).findings if f.rule == "JX701"] == ["JX701"]


# corpus 283 (Hunan 部门整体支出绩效自评表): 全年预算 2030.12 printed 按收入性质分 as 一般公共预算 1325.68 + 政府性基金拨款
# 118.82 + 其他资金 585.62; corpus 237 (Anhui 自评表): 年度资金总额 55 as 本年财政拨款 55 + 上年结转资金 0 + 其他资金 0. Every
# source printed is summed: JX701 is silent where they add up, and names them all where they do not.
@pytest.mark.parametrize(("stem", "sources"), [
    ("283", {"政府性基金拨款": Decimal("118.82")}),
    ("237", {"上年结转资金": Decimal("0")}),
])
def test_budget_sum_counts_every_printed_source(stem, sources):
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith(f"{stem}_")]
    (sheet,) = read_path(path).sheets
    assert sheet.budget.sources == sources and sheet.budget.parts() == sheet.budget.total
    assert _findings(stem, {"JX701"}) == []


@pytest.mark.parametrize(("sources", "message"), [
    ({"政府性基金拨款": Decimal("100")},
     "预算数2030.12不等于财政资金1325.68、政府性基金拨款100.00、其他资金585.62之和2011.30"),
    ({}, "预算数2030.12不等于财政资金1325.68、其他资金585.62之和1911.30"),
])
def test_budget_sum_fires_when_the_printed_sources_do_not_add_up(sources, message):
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith("283_")]
    (sheet,) = read_path(path).sheets
    sheet = sheet.model_copy(update={"budget": sheet.budget.model_copy(update={"sources": sources})})
    [finding] = [f for f in review_sheet(sheet).findings if f.rule == "JX701"]
    assert (finding.message, finding.location.column) == (message, "预算数")
