"""Slips in a table's cells a reviewer asks to correct, checked on the dev corpus documents they came from: a standard
term written wrong (JX932), a figure a copy doubled (JX925), ≥ read as 2 on a count (JX909) and a name that says whom
its figure counts (JX307), and a slip in the sentences of a report (JX933): where each finding is and what it says."""

from __future__ import annotations

import pytest

from benchmarks.corpus_score import load_manifest
from jixiao.cli.check_command import check_document
from jixiao.documents import read_path
from jixiao.model.lexicon import load
from jixiao.model.slips import slips_in
from jixiao.review import load_profile
from jixiao.scoring import load_profile as load_scoring_profile


def _findings(stem: str, rule: str) -> list:
    """The findings of ``rule`` that ``jixiao check`` reports on the dev corpus document numbered ``stem``."""
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith(f"{stem}_")]
    review = check_document(read_path(path), load_profile(), load_scoring_profile()).review
    return [f for f in review.findings if f.rule == rule]


@pytest.mark.parametrize(("stem", "rule", "expected"), [
    # 036: a drug-regulation self-evaluation's 医疗器械不良应每百万人口报告数
    ("036", "JX932", [("医疗器械不良应每百万人口报告数", "三级指标", "“不良应”应为“不良反应”（漏字）")]),
    # 147: 中小河流治理问道长度 (河 read as 问)
    ("147", "JX932", [("中小河流治理问道长度", "三级指标", "“问道长度”应为“河道长度”")]),
    # 216: 各种强制免率、屠宰率及检疫率
    ("216", "JX932", [("各种强制免率、屠宰率及检疫率", "三级指标", "“强制免”应为“强制免疫”")]),
    # 020: the goal's 改善基础实施建设 and 交安实施的建设 (设施 typed as 实施)
    ("020", "JX932", [(None, "绩效目标", "“基础实施”应为“基础设施”（同音字）"),
                      (None, "绩效目标", "“交安实施”应为“交安设施”")]),
    # 105: the 财政拨款 cell, read as 资金用途, doubled by the copy
    ("105", "JX925", [(None, "资金用途", "把“854万”写了两遍")]),
    # 004: 2280次 on the sheet whose 292% is ≥92% with ≥ read as 2 (200次 on the same sheet cannot be ≥00次)
    ("004", "JX909", [("经常性大型设备更新验收合格率", "指标值", "可能是“≥92%”"),
                      ("办公大楼日常维修维护次数", "指标值", "可能是“≥280次”")]),
    # 003: 村组干部230人 | ≥230个
    ("003", "JX307", [("村组干部230人", "指标值", "按名称应以“人”计，指标值“230”却以“个”计")]),
])
def test_a_slip_in_a_cell_is_reported_where_it_stands(stem, rule, expected):
    findings = _findings(stem, rule)
    assert sorted((f.indicator or "", f.location.column) for f in findings) == sorted(
        (indicator or "", column) for indicator, column, _ in expected)
    for indicator, column, says in expected:
        assert any(f.indicator == indicator and f.location.column == column and says in f.message for f in findings), \
            [f.message for f in findings]


def test_a_slip_fix_rewrites_only_the_slip():
    [finding] = _findings("036", "JX932")
    [edit] = finding.fix.edits
    assert (edit.field, edit.before, edit.after) == (
        "name", "医疗器械不良应每百万人口报告数", "医疗器械不良反应每百万人口报告数")


@pytest.mark.parametrize(("text", "found"), [
    ("其中:财政投款", [("投款", "拨款")]),
    ("各种强制免率", [("强制免", "强制免疫")]),
    ("保障春秋季强制免疫、免疫密度", []),  # the term itself holds its slip
    ("依法强制免除", []),  # a word of its own holds it
    ("补助对象对项目满意率,初目标值≥90%", [("初目标值", "年初目标值")]),
    ("年初目标值≥90%", []),
    ("将该病列入监测范围", []),
    ("降低艾滋病病列率", [("病列", "病例")]),
])
def test_slips_are_found_outside_the_words_that_hold_them(text, found):
    assert [(slip.written, slip.term) for slip in slips_in(text)] == found


@pytest.mark.parametrize(("stem", "line", "says"), [
    # 190: the report's heading (二)总体绩效目标完咸情况, beside its indicator table
    ("190", 22, "第22行“(二)总体绩效目标完咸情况:”中“完咸”应为“完成”"),
    # 230: the report lists each indicator in a clause of its own: 5.补助对象对项目满意率,初目标值≥90%
    ("230", 17, "“5.补助对象对项目满意率,初目标值≥90%,实”中“初目标值”应为“年初目标值”"),
])
def test_a_slip_in_a_reports_sentences_beside_its_table_is_reported_at_its_line(stem, line, says):
    [finding] = _findings(stem, "JX933")
    assert (finding.sheet, finding.location.line) == (None, line)
    assert says in finding.message


def test_no_standard_term_is_reported_as_a_slip_of_itself():
    # a slip the term holds (强制免 in 强制免疫) must list the term in `unless`, else every right spelling is reported
    terms = [entry["term"] for entry in load("slips")["term"]]
    assert [term for term in terms if slips_in(term)] == []
