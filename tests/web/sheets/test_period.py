"""The span a multi-year project runs and its whole budget (GoalSheet.period: 项目期, 中期资金总额) as an import stores
it: kept with what the reader found (Sheet.reading), read back for the review, shown on the paper form beside the
year's budget, and the same after an edit of another field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.models import Sheet
from tests.web.sheets.test_history import _form_data
from tests.web.sheets.test_other_cells import _import

# (document, the span as stored: text, years, first and last year, budget and its fiscal part; what the page shows)
CASES = [
    # 279 (Anhui): 项目期 3年, 中期目标(2024年—2026年), 中期资金总额 68.50 (财政拨款 68.50) beside 年度资金总额 51.35
    ("279_", ("3年", 3, 2024, 2026, Decimal("68.50"), Decimal("68.50")), "3年（2024年—2026年）", "JX945"),
    # 154: 项目期 1年, 中期资金总额 170.00 below the year's 340.00
    ("154_", ("1年", 1, 2023, 2023, Decimal("170.00"), Decimal("170.00")), "1年（2023年）", "JX706"),
]


@pytest.mark.parametrize(("stem", "stored", "shown", "rule"), CASES, ids=[case[0] for case in CASES])
def test_an_imported_sheet_keeps_its_span_reviews_it_and_shows_it(org, login, stem, stored, shown, rule):
    _, (sheet,) = _import(org, stem, year=stored[2])
    period = goal_sheet(Sheet.objects.get(pk=sheet.pk)).period
    assert (period.text, period.years, period.start, period.end, period.budget.total, period.budget.fiscal) == stored
    assert sheet.findings.filter(rule=rule).exists()  # the review of the stored sheet reads the span back
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "实施期" in page and shown in page and "中期资金总额" in page and f"{stored[4]}" in page
    assert "年度资金总额" in page


def test_an_edit_of_another_field_keeps_the_span(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    editor = client.get(f"/sheets/{sheet.pk}/edit/").context
    assert client.post(f"/sheets/{sheet.pk}/edit/", _form_data(editor, name="改过的名称")).status_code == 302
    stored = goal_sheet(Sheet.objects.get(pk=sheet.pk))
    assert stored.name == "改过的名称" and stored.period.budget.total == Decimal("68.50")


def test_a_sheet_without_a_span_shows_none(org, sheet, login):
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "中期资金总额" not in page and "预算数" in page
