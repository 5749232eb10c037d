"""Execution and self-evaluation records: validation in Chinese, decimals as strings in JSON."""

import json
from datetime import date
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from jixiao.model import ExecutionRecord, IndicatorResult, SelfEvaluationSet, SpendingEntry


@pytest.mark.parametrize(("fields", "message"), [
    ({"tier": "部分达成预期指标并具有一定效果"}, "须填写得分比例和评分理由"),
    ({"tier": "达成预期指标", "tier_percent": D(90)}, "须填写评分理由"),
    ({"tier_percent": D(90)}, "未选择定性评价档次"),
])
def test_a_qualitative_result_needs_its_score_and_reason(fields, message):
    with pytest.raises(ValidationError, match=message) as raised:
        IndicatorResult(indicator=2, name="群众满意度", **fields)
    assert "“群众满意度”" in str(raised.value)


def test_not_applicable_needs_nothing_else():
    assert IndicatorResult(indicator=1, not_applicable=True, tier="达成预期指标").not_applicable


def test_tier_percent_is_a_share_of_the_weight():
    with pytest.raises(ValidationError):
        IndicatorResult(indicator=1, tier="达成预期指标", tier_percent=D(120), tier_reason="x")


def test_json_keeps_decimals_as_strings_and_round_trips():
    data = {"evaluations": [{"sheet": "P-1", "spent": "16.50", "results": [{"indicator": 1, "actual": "18"}]}]}
    parsed = SelfEvaluationSet.model_validate_json(json.dumps(data))
    assert parsed.evaluations[0].spent == D("16.50")
    dumped = json.loads(parsed.model_dump_json())
    assert dumped["evaluations"][0]["spent"] == "16.50" and dumped["evaluations"][0]["results"][0]["actual"] == "18"
    record = ExecutionRecord(sheet="P-1", entries=[SpendingEntry(day=date(2025, 1, 5), amount=D("1.20"))])
    assert json.loads(record.model_dump_json())["entries"][0] == {"day": "2025-01-05", "amount": "1.20", "source": "财政资金", "note": None}
