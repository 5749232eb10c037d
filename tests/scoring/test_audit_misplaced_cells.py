"""Self-evaluations whose layout the reader placed off its headings (a PDF's text, corpus 340: headings wrapped over
two lines, rows wrapped around their figures): the audit recomputes nothing it cannot place and reports nothing of it,
while the same figures placed where the form has them are still reported, at their place. Made-up sheets of 340's
shapes; each case checks where and what was reported."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import Diagnostic, Document, Location, ProseReport, ReportedPart, Severity
from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_document, audit_sheet, recompute
from tests.conftest import texts
from tests.scoring.audit_sheets import printed

CENTRAL = load_profile("central")
_MONEY_RULES = {"JXA04", "JXA05", "JXA19", "JXA20", "JXA23", "JXA36", "JXA43"}
_MET = ("产出指标", "数量指标", "培训人数", "≥300人", "366人", 90, 90)


def _money(**figures):
    return printed([_MET], total=100, **figures)


def _overflow(sheet, column: str = "年度资金总额：", cells: tuple[str, ...] = ("100.00%", "10")) -> Diagnostic:
    """The reader's P158: cells of a money row past its last heading, left in no column."""
    return Diagnostic(
        code="P158",
        severity=Severity.WARNING,
        template="资金表一行有单元格不能归入任何栏目",
        location=Location(sheet=sheet.key, row=6, column=column),
        set_aside=cells,
    )


def _found(sheet, diagnostics=()):
    return [
        (f.rule, f.location.column, texts(f).get("expected"))
        for f in audit_sheet(sheet, CENTRAL, diagnostics=diagnostics)
    ]


def test_a_money_row_placed_off_its_headings_is_not_recomputed():
    # 180.61 180.03 180.03 10.0 100.00% 10 under 全年执行数 | 分值 | 执行率 | 得分 (the wrapped 年初预算数 and 全年预算数
    # headings not found): a 分值 of 180.03 points and a rate of 180.03%
    sheet = _money(spent="180.61", rate="180.03", execution_weight="180.03", execution_score="10.0")
    assert not [found for found in _found(sheet) if found[0] in _MONEY_RULES]
    execution = recompute(sheet, CENTRAL).execution
    assert (execution.expected, execution.printed) == (None, None)
    assert "“分值”一栏读到 180.03，超过全表 100 分" in execution.formula


def test_the_same_figures_under_their_own_headings_are_still_recomputed():
    sheet = _money(
        initial="180.61", budget="180.03", spent="180.03", rate="100", execution_weight="10", execution_score="9"
    )
    assert ("JXA23", "得分", "10.00") in _found(sheet)


def test_figures_of_the_money_row_set_aside_past_its_headings_leave_the_row_unread():
    # 100 | 60 | 100 read as 全年预算数 | 全年执行数 | 执行率, the row's 60.00% and 6 left past its last heading: the
    # rate's column was guessed, and 100% against 60 ÷ 100 is the reading's
    sheet = _money(budget=100, spent=60, rate=100, execution_weight=10, execution_score=6)
    assert ("JXA04", "执行率", None) in _found(sheet)
    assert not [found for found in _found(sheet, [_overflow(sheet, cells=("60.00%", "6"))]) if found[0] in _MONEY_RULES]


@pytest.mark.parametrize(
    ("column", "cells"),
    [
        ("其中：财政拨款", ("-- 0.0% --",)),  # a part's row (its template blank), not the total's
        ("年度资金总额：", ("（说明见附件）",)),  # words past the last heading: no figure of the row displaced
    ],
)
def test_a_row_set_aside_that_is_no_figure_of_the_total_leaves_the_money_read(column, cells):
    sheet = _money(budget=100, spent=60, rate=100, execution_weight=10, execution_score=6)
    sheet.evaluation.parts = [ReportedPart(label="财政拨款", budget_full=Decimal(100), spent=Decimal(60))]
    assert ("JXA04", "执行率", None) in _found(sheet, [_overflow(sheet, column, cells)])


def _guessed(sheet, *positions: int):
    for position in positions:
        sheet.indicators[position - 1].confidence = 0.5  # placed by a guess (GUESSED_BELOW)
    return sheet


# 设备完好率 | ≥96% | 85% | 10 | 7.1 read with no 指标值: 实际完成值 ≥96%, 分值 85, 得分 10
_SHIFTED = ("产出指标", "质量指标", "设备完好率", "", "≥96%", 85, 10)
_SCORED = ("产出指标", "数量指标", "培训人数", "≥300人", "280人", 10, 9, "场地受限")


def test_a_guessed_row_whose_actual_is_a_target_is_not_audited():
    sheet = _guessed(
        printed([_SCORED, _SHIFTED], budget=100, spent=100, rate=100, execution_weight=10, execution_score=10), 2
    )
    assert not [f for f in audit_sheet(sheet, CENTRAL) if f.location.row == 12]
    assert recompute(sheet, CENTRAL).items[2].misplaced


def test_the_same_row_placed_by_the_forms_grid_is_audited():
    sheet = printed([_SCORED, _SHIFTED], budget=100, spent=100, rate=100, execution_weight=10, execution_score=10)
    found = [(f.rule, f.location.row, texts(f).get("weight")) for f in audit_sheet(sheet, CENTRAL)]
    assert ("JXA10", 12, "85") in found


# 工作法制化、专 | 10 | 9: a wrapped row's line of figures, its name, target and actual on the lines around it
_FIGURES_ONLY = ("效益指标", "社会效益指标", "工作法制化、专", "", "", 10, 9)


def test_rows_of_figures_alone_where_no_row_has_a_target_are_not_said_to_be_blank():
    sheet = _guessed(
        printed(
            [("产出指标", "数量指标", "绩", "", "", None, None), _FIGURES_ONLY],
            budget=100,
            spent=100,
            rate=100,
            execution_weight=10,
            execution_score=10,
        ),
        1,
        2,
    )
    assert not [f for f in audit_sheet(sheet, CENTRAL) if f.location.row == 12]


def test_a_row_of_figures_alone_beside_rows_with_targets_is_still_blank():
    # (corpus 157: “三公经费变动率 prints its 分值 and 得分, its target and actual left empty)
    sheet = _guessed(
        printed([_SCORED, _FIGURES_ONLY], budget=100, spent=100, rate=100, execution_weight=10, execution_score=10),
        1,
        2,
    )
    found = [(f.rule, f.location.row, f.location.column) for f in audit_sheet(sheet, CENTRAL)]
    assert ("JXA12", 12, "实际完成值") in found


def test_a_document_puts_each_sheet_in_simplified_characters_once(monkeypatch):
    import jixiao.scoring.audit as audit

    calls: list[str] = []
    convert = audit.in_simplified

    def counted(record):
        calls.append(type(record).__name__)
        return convert(record)

    monkeypatch.setattr(audit, "in_simplified", counted)
    sheets = [
        printed([_SCORED], budget=100, spent=90, rate=90, execution_weight=10, execution_score=9, name=name)
        for name in ("甲项目", "乙项目")
    ]
    document = Document(source="made-up", sheets=sheets, prose=ProseReport())
    before = audit_document(document, CENTRAL)
    assert calls.count("GoalSheet") == 2 and calls.count("ProseReport") == 1
    monkeypatch.setattr(audit, "in_simplified", convert)
    assert before == audit_document(document, CENTRAL)  # (the findings as without counting)


def _adjusted(*parts: tuple[str, str, str]):
    """340's 信访研究宣传立法专项: 年初 493.76, 全年 536.2, its sources read under the total, no reason written."""
    sheet = printed(
        [_MET],
        initial="493.76",
        budget="536.2",
        spent="413.57",
        rate="77.13",
        execution_weight=10,
        execution_score="7.7",
        total="97.7",
    )
    sheet.evaluation.parts = [
        ReportedPart(label=label, budget_initial=Decimal(initial), budget_full=Decimal(full))
        for label, initial, full in parts
    ]
    return sheet


def test_a_budget_changed_by_the_carry_over_alone_is_no_adjustment():
    sheet = _adjusted(("财政拨款", "473.76", "473.76"), ("上年结转", "20.00", "62.44"), ("其他资金", "0.00", "0.00"))
    assert not [f for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA19"]


@pytest.mark.parametrize(
    "parts",
    [
        (("财政拨款", "473.76", "480.00"), ("上年结转", "20.00", "56.20")),  # the appropriation changed too
        (("财政拨款", "473.76", "473.76"), ("其他资金", "20.00", "62.44")),  # no carry-over among the sources
        (),  # no source read: nothing shows where the change lies
    ],
)
def test_a_budget_changed_elsewhere_than_the_carry_over_still_asks_for_a_reason(parts):
    found = [
        (f.rule, f.location.column, texts(f)["change"], texts(f)["amount"])
        for f in audit_sheet(_adjusted(*parts), CENTRAL)
        if f.rule == "JXA19"
    ]
    assert found == [("JXA19", "全年预算数", "追加", "42.44")]
