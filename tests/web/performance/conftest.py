"""An approved sheet (two indicators: 整治村数 ≥18个, 群众满意度 ≥90%; budget 18 万元; plan 6月底 60%)."""

import pytest

from jixiao.web.sheets.services.workflow import sheet_transition


@pytest.fixture
def approved(org, sheet):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    return sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
