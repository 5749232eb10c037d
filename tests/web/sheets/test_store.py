"""Storing new sheets in two steps: prepared (checked and reviewed, nothing written) and then stored in one short
transaction; the prepared sheet is the sheet as the database gives it back, so its review is the stored one's."""

from decimal import Decimal

import pytest

from jixiao.model import Budget
from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_prepare, sheets_store
from tests.web.conftest import small_sheet


@pytest.mark.parametrize(("total", "fiscal", "other"), [
    ("18", "17.5", "0"), ("18.00", "18.00", None), ("0.5", None, "0.50"), ("123456789012.3", "123456789012.3", "0")])
def test_a_prepared_sheet_is_the_sheet_as_read_back(org, total, fiscal, other):
    budget = Budget(**{name: Decimal(value) if value else None
                       for name, value in (("total", total), ("fiscal", fiscal), ("other", other))})
    new = sheet_prepare(user=org["owner"], unit=org["township"], year=2026,
                        content=small_sheet().model_copy(update={"budget": budget}))
    prepared = goal_sheet(new.sheet, new.rows).model_dump_json()
    assert new.sheet.pk is None and not Sheet.objects.exists()
    [stored] = sheets_store(user=org["owner"], new=[new])
    assert goal_sheet(Sheet.objects.get(pk=stored.pk)).model_dump_json() == prepared
