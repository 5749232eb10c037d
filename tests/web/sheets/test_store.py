"""Storing new sheets in two steps: prepared (checked and reviewed, nothing written) and then stored in one short
transaction; the prepared sheet is the sheet as the database gives it back, so its review is the stored one's."""

from decimal import Decimal

import pytest

from jixiao.model import Budget, Document
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


def _stored_with_sources(org):
    """A sheet imported from a 部门整体 form printing 政府性基金拨款 beside 财政资金 and 其他资金 (corpus 283)."""
    budget = Budget(total=Decimal("2030.12"), fiscal=Decimal("1325.68"), other=Decimal("585.62"),
                    sources={"政府性基金拨款": Decimal("118.82")})
    content = small_sheet().model_copy(update={"budget": budget})
    new = sheet_prepare(user=org["owner"], unit=org["township"], year=2026, content=content,
                        read_from=Document(sheets=[content]))
    [stored] = sheets_store(user=org["owner"], new=[new])
    return stored


def test_an_imported_sheet_keeps_its_other_budget_sources(org):
    # a 部门整体 form's 政府性基金拨款 beside 财政资金 and 其他资金 (corpus 283): kept in the sheet's budget_sources, so that
    # the stored sheet's budget still adds up (JX701) after it is read back
    stored = _stored_with_sources(org)
    back = goal_sheet(Sheet.objects.get(pk=stored.pk)).budget
    assert (back.sources, back.parts()) == ({"政府性基金拨款": Decimal("118.82")}, Decimal("2030.12"))
    assert not stored.findings.filter(rule="JX701").exists()


def test_the_sheet_page_shows_every_source_of_the_budget(org, login):
    # the table on the page (and the public one, which includes it) lists 政府性基金拨款 under 其他资金, so that the
    # figures shown add up to the 预算数 shown
    stored = _stored_with_sources(org)
    page = login(org["owner"]).get(f"/sheets/{stored.pk}/").content.decode()
    assert '<th scope="row" rowspan="4">预算规模<br>及资金用途</th>' in page
    assert '<tr><th scope="row">政府性基金拨款</th><td class="num">118.82</td></tr>' in page
