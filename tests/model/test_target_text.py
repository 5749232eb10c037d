from decimal import Decimal

import pytest

from jixiao.model import NoteCode, Operator, parse_target

D = Decimal


@pytest.mark.parametrize(
    ("raw", "context", "operator", "value", "unit"),
    [
        ("≥18全乡18个行政村全覆盖", "全乡18个行政村全覆盖", Operator.GE, D(18), "个"),
        ("≥100垃圾桶正常使用率100%", "垃圾桶正常使用率100%", Operator.GE, D(100), "%"),
        ("≥100%百分比,全乡辖区内常住人口", "", Operator.GE, D(100), "%"),
        ("≥24400%百分比,全乡人口24400人", "24400人", Operator.GE, D(24400), "%"),
        ("≥100100%", "受益人口满意度100%", Operator.GE, D(100), "%"),
        ("≥90%,百分比人民调解案件数", "", Operator.GE, D(90), "%"),
        ("≥100接受调解人员满意度", "接受调解人员满意度", Operator.GE, D(100), None),
        ("不低于95％", "", Operator.GE, D(95), "%"),
        ("＞＝95%", "", Operator.GE, D(95), "%"),
        ("≧95%", "", Operator.GE, D(95), "%"),
        (">=95%", "", Operator.GE, D(95), "%"),
        ("不少于3次", "", Operator.GE, D(3), "次"),
        ("95%以上", "", Operator.GE, D(95), "%"),
        ("3天以内", "", Operator.LE, D(3), "天"),
        ("≤5个工作日", "", Operator.LE, D(5), "工作日"),
        ("<=20万元", "", Operator.LE, D(20), "万元"),
        ("不高于2%", "", Operator.LE, D(2), "%"),
        ("不超过120元/亩", "", Operator.LE, D(120), "元/亩"),
        ("=100%", "", Operator.EQ, D(100), "%"),
        ("＝ 1 项", "", Operator.EQ, D(1), "项"),
        ("≥1,200人次", "", Operator.GE, D(1200), "人次"),
        ("十八个", "", None, D(18), "个"),
        ("百分之九十", "", None, D(90), "%"),
        ("30.00", "", None, D("30.00"), None),
    ],
)
def test_quantitative_targets(raw, context, operator, value, unit):
    target = parse_target(raw, context)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert target.raw == raw


def test_range_target():
    target = parse_target("80%-90%")
    assert (target.operator, target.value, target.value_max, target.unit) == (Operator.RANGE, D(80), D(90), "%")
    assert target.display() == "80-90%"


def test_prose_mixed_into_the_cell_is_kept_as_leftover_and_noted():
    target = parse_target("≥18全乡18个行政村全覆盖", "全乡18个行政村全覆盖")
    assert target.leftover == "全乡18个行政村全覆盖"
    assert target.unit_inferred
    assert any(note.code is NoteCode.UNIT_INFERRED and "18个" in note.message for note in target.notes)


def test_glued_numbers_are_split_only_with_evidence_in_the_description():
    glued = parse_target("≥100100%", "受益人口满意度100%")
    assert glued.value == D(100) and glued.leftover == "100%" and glued.has_note(NoteCode.GLUED_NUMBERS)
    without_evidence = parse_target("≥100100%", "")
    assert without_evidence.value == D(100100)


def test_missing_unit_is_noted_not_guessed():
    target = parse_target("≥100接受调解人员满意度", "接受调解人员满意度")
    assert target.unit is None and not target.unit_inferred
    assert target.has_note(NoteCode.UNIT_MISSING) and not target.has_note(NoteCode.UNIT_INFERRED)


@pytest.mark.parametrize("raw", ["明显提升", "按时完成", "达到预期", "一般", "较好", "健全", "正常运行"])
def test_qualitative_targets(raw):
    target = parse_target(raw)
    assert target.value is None and target.qualitative == raw and target.notes == []


@pytest.mark.parametrize("raw", ["(≥**个)", "指标1:≥**个", "≥XX%"])
def test_template_residue_is_a_placeholder(raw):
    target = parse_target(raw)
    assert target.placeholder and target.qualitative is None


def test_empty_cell():
    target = parse_target("  ")
    assert target.is_empty and target.value is None and target.qualitative is None
