from decimal import Decimal
from pathlib import Path

from jixiao.documents import read_path
from jixiao.model import Operator
from tests.golden import assert_matches_golden

GOLDEN = Path(__file__).parent / "golden"


def test_sample_matches_golden(sample_path):
    document = read_path(sample_path)
    assert_matches_golden(document.model_dump(mode="json"), GOLDEN / "sample.json")


def test_sample_unit_and_sheets(sample_path):
    document = read_path(sample_path)
    assert document.unit.code == "434016"
    assert document.unit.name == "遵化市西留村乡人民政府"
    assert [s.code for s in document.sheets] == ["434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"]
    assert [s.budget.total for s in document.sheets] == [Decimal("18.00"), Decimal("15.00")]
    assert [s.budget.fiscal for s in document.sheets] == [Decimal("18.00"), Decimal("15.00")]
    assert [s.budget.other for s in document.sheets] == [None, None]
    assert [len(s.indicators) for s in document.sheets] == [8, 7]
    assert document.diagnostics == []


def test_sample_header_fields_are_kept_as_written(sample_path):
    first = read_path(sample_path).sheets[0]
    assert first.title == "乡镇环境治理经费（西留村）绩效目标表"
    assert first.name == "乡乡环境治理经费（西留村）"  # the typo a reviewer must see
    assert first.money_unit == "万元"
    assert first.purpose.startswith("该项目规划城乡垃圾收运处理")
    assert [(c.label, c.percent) for c in first.spend_plan] == [
        ("3月底", Decimal("30.00")), ("6月底", Decimal("60.00")), ("10月底", Decimal("90.00")), ("12月底", Decimal("100.00"))
    ]
    assert first.goals == ["保障我乡主干道等区域配齐环卫设施，推进户分类、组收集、村运转、乡处理垃圾集中收集，改善14个村生态环境"]


def test_sample_indicator_cells(sample_path):
    first, second = read_path(sample_path).sheets
    beneficiaries = first.indicators[3]
    assert (beneficiaries.level1_raw, beneficiaries.level1) == ("效果指标", "效益指标")
    assert beneficiaries.name == "受益人口数" and beneficiaries.description == "24400人"
    assert beneficiaries.target.raw == "≥24400%百分比,全乡人口24400人"
    assert (beneficiaries.target.operator, beneficiaries.target.value, beneficiaries.target.unit) == (
        Operator.GE, Decimal(24400), "%"
    )
    # multi-paragraph basis cells keep both paragraphs
    assert first.indicators[0].basis == "遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》"
    assert second.indicators[0].basis == "遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》的通知"
    # merged 一级指标 cells are filled down from the row above
    assert [i.level1 for i in second.indicators] == ["产出指标"] * 3 + ["效益指标"] * 3 + ["满意度指标"]
    assert [i.name for i in second.indicators] == ["覆盖率", "优良率", "完成率", "社会影响力", "社会影响力", "长期使用性", "服务对象满意度"]


def test_sample_overall_goals(sample_path):
    overall = read_path(sample_path).overall
    assert len(overall.aims) == 3 and "改善18个村生态环境" in overall.aims[0]
    assert len(overall.duties) == 12 and overall.duties[-1] == "做好市政府领导交办的其它工作任务。"
    assert len(overall.measures) == 7
