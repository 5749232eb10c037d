"""Printed self-evaluations to upload: the corpus sample (棠溪镇, a unit added to the bureau) and one of the
township's approved sheet (乡镇环境治理经费, P-001) whose target was lowered after approval."""

from decimal import Decimal as D
from pathlib import Path

import pytest

from jixiao.model import Document, GoalSheet, Indicator, ReportedEvaluation, ReportedItem, Unit
from jixiao.web.organisation.services import unit_create

SAMPLE = Path(__file__).parents[2] / "fixtures" / "selfeval_tangxi_2022.json"


@pytest.fixture
def tangxi(org):
    """The sample's unit, in the test bureau."""
    return unit_create(code="219001", name="池州市贵池区棠溪镇人民政府", parent=org["bureau"])


@pytest.fixture
def sample_evaluation() -> bytes:
    return SAMPLE.read_bytes()


def township_evaluation(name: str = "乡镇环境治理经费", claimed: str = "100") -> bytes:
    """The township's self-evaluation of P-001: 整治村数 printed with the target ≥15个 (approved ≥18个) and 15
    done, full marks; the claimed total 100."""
    sheet = GoalSheet(
        code="P-001", name=name, year=2026, unit=Unit(code="434016", name="遵化市西留村乡人民政府"),
        indicators=[Indicator.from_cells(level1="产出指标", level2="数量指标", name="整治村数", target="≥15个", row=9),
                    Indicator.from_cells(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度",
                                         target="≥90%", row=10)],
        evaluation=ReportedEvaluation(
            budget_full=D(18), spent=D(18), execution_rate=D(100), execution_weight=D(10), execution_score=D(10),
            items=[ReportedItem(indicator=1, actual_raw="15个", weight=D(80), score=D(80), row=9),
                   ReportedItem(indicator=2, actual_raw="95%", weight=D(10), score=D(10), row=10)],
            total=D(claimed), grade="优"))
    return Document(source="x.json", sheets=[sheet]).model_dump_json().encode()
