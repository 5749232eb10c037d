"""The span a multi-year project runs and its whole budget (GoalSheet.period: 项目期, 中期资金总额) as an import stores
it: kept with what the reader found (Sheet.reading), read back for the review, shown on the paper form beside the
year's budget, and the same after an edit of another field."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.periods import period_fields
from jixiao.web.sheets.services.exports import export_sheets
from jixiao.web.sheets.services.imports import sheets_import
from jixiao.web.sheets.services.sheets import sheet_delete, sheet_update
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
    # the span's form (88号) names the fiscal part 财政拨款, as the export does; 财政资金 is the provincial form's
    assert "其中：财政拨款" in page and "其中：财政资金" not in page


def test_an_edit_of_another_field_keeps_the_span(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    editor = client.get(f"/sheets/{sheet.pk}/edit/").context
    assert client.post(f"/sheets/{sheet.pk}/edit/", _form_data(editor, name="改过的名称")).status_code == 302
    stored = goal_sheet(Sheet.objects.get(pk=sheet.pk))
    assert stored.name == "改过的名称" and stored.period.budget.total == Decimal("68.50")


def test_a_sheet_without_a_span_shows_none(org, sheet, login):
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "中期资金总额" not in page and "预算数" in page and "其中：财政资金" in page


# -- the span as a field the editor changes ----------------------------------------------------------------------
def _edit(client, sheet, **fields):
    return client.post(f"/sheets/{sheet.pk}/edit/", _form_data(client.get(f"/sheets/{sheet.pk}/edit/").context,
                                                              **fields))


def _span(sheet) -> tuple:
    period = goal_sheet(Sheet.objects.get(pk=sheet.pk)).period
    return period and (period.text, period.years, period.start, period.end, period.budget.total, period.budget.fiscal)


def test_the_editor_shows_an_imported_span_and_saving_it_untouched_changes_nothing(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    page = client.get(f"/sheets/{sheet.pk}/edit/")
    form = page.context["form"]
    shown = {name: form[name].value() for name in ("period_text", "period_start", "period_end", "period_total",
                                                   "period_fiscal")}
    assert shown == {"period_text": "3年", "period_start": 2024, "period_end": 2026, "period_total": Decimal("68.50"),
                     "period_fiscal": Decimal("68.50")}
    html = page.content.decode()
    assert all(label in html for label in ("实施期", "起始年度", "结束年度", "中期资金总额", "其中：财政资金"))
    assert _edit(client, sheet).status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).version == 1 and not sheet.history.filter(action="edit").exists()


def test_the_editor_changes_the_span_with_a_history_entry_per_part(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    response = _edit(client, sheet, period_text="2年", period_end="2025", period_total="60", period_fiscal="")
    assert response.status_code == 302
    # the years the new 实施期 says are read from it, as the reader reads a printed one
    assert _span(sheet) == ("2年", 2, 2024, 2025, Decimal("60.00"), None)
    entries = {(e.field, e.old, e.new) for e in sheet.history.filter(action="edit")}
    assert entries == {("实施期", "3年", "2年"), ("实施期年数", "3", "2"), ("实施期结束年度", "2026", "2025"),
                       ("中期资金总额", "68.50", "60.00"), ("中期资金：财政资金", "68.50", "")}
    page = client.get(f"/sheets/{sheet.pk}/").content.decode()
    assert "2年（2024年—2025年）" in page and "60.00" in page


def test_the_editor_gives_a_span_to_a_sheet_without_one_and_takes_it_away(org, sheet, login):
    client = login(org["owner"])
    assert _edit(client, sheet, period_text="2026年—2028年", period_start="2026", period_end="2028",
                 period_total="54", period_fiscal="50").status_code == 302
    assert _span(sheet) == ("2026年—2028年", None, 2026, 2028, Decimal("54.00"), Decimal("50.00"))
    assert "年度资金总额" in client.get(f"/sheets/{sheet.pk}/").content.decode()
    assert _edit(client, sheet, period_text="", period_start="", period_end="", period_total="",
                 period_fiscal="").status_code == 302
    assert _span(sheet) is None and Sheet.objects.get(pk=sheet.pk).version == 3


@pytest.mark.parametrize(("fields", "message"), [
    ({"period_start": "2026", "period_end": "2025"}, "结束年度：不能早于起始年度（2026年）"),
    ({"period_total": "五十万"}, "中期资金总额：输入一个数字"),
    ({"period_fiscal": "1" * 16}, "中期资金：财政资金："),
    ({"period_start": "1888"}, "起始年度：确保该值大于或等于2000"),
])
def test_a_span_no_person_may_enter_is_refused_at_its_field(org, sheet, login, fields, message):
    page = _edit(login(org["owner"]), sheet, **fields).content.decode()
    assert message in page and "有填写错误" in page
    assert Sheet.objects.get(pk=sheet.pk).version == 1


def test_a_span_printed_backwards_is_saved_as_printed_until_it_is_changed(org, login):
    # what a document prints is kept for the review to report; the person editing the sheet's name is not stopped
    _, (sheet,) = _import(org, "279_", year=2024)
    Sheet.objects.filter(pk=sheet.pk).update(period_start=2026, period_end=2024)
    client = login(org["owner"])
    assert _edit(client, sheet, name="改过的名称").status_code == 302
    assert _span(sheet)[2:4] == (2026, 2024)
    assert "不能早于起始年度（2026年）" in _edit(client, sheet, period_total="70").content.decode()


def test_a_year_budget_above_the_spans_is_a_finding_not_a_form_error(org, sheet, login):
    # the sheet's 预算数 18.00 (its year's) above a span of 10.00: JX706, and the draft saves
    assert _edit(login(org["owner"]), sheet, period_text="1年", period_total="10").status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).findings.filter(rule="JX706").exists()


def test_the_live_check_reviews_the_span_as_typed(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(client.get(f"/sheets/{sheet.pk}/edit/").context, period_text="1年", period_total="10")
    assert "JX706" in client.post(f"/sheets/{sheet.pk}/check/", data).content.decode()


def test_a_stale_save_of_the_span_is_refused_with_the_change_made_meanwhile(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    opened = client.get(f"/sheets/{sheet.pk}/edit/").context
    sheet_update(user=org["colleague"], sheet_id=sheet.pk, expected_version=1, fields={"period_total": Decimal("70")})
    page = client.post(f"/sheets/{sheet.pk}/edit/", _form_data(opened, period_total="80")).content.decode()
    assert "已被他人修改" in page and "中期资金总额" in page and "70.00" in page
    assert _span(sheet)[4] == Decimal("70.00")


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "json"])
def test_a_span_entered_in_the_editor_is_exported_and_imported_again(org, sheet, login, fmt):
    client = login(org["owner"])
    assert _edit(client, sheet, period_text="2026年—2028年", period_start="2026", period_end="2028",
                 period_total="54", period_fiscal="50").status_code == 302
    data = export_sheets([Sheet.objects.get(pk=sheet.pk)], fmt)
    sheet_delete(user=org["owner"], sheet_id=sheet.pk)  # (a project is imported once a year)
    (again,) = sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[(f"again.{fmt}", data)])
    assert _span(again) == _span(sheet) == ("2026年—2028年", None, 2026, 2028, Decimal("54.00"), Decimal("50.00"))


def test_spans_stored_with_the_reading_before_move_to_their_columns_and_back(org):
    from importlib import import_module

    from django.apps import apps
    migration = import_module("jixiao.web.sheets.migrations.0018_sheets_keep_their_period")
    _, (sheet,) = _import(org, "279_", year=2024)
    # as an import stored it before: in the reading beside what else the reader found
    printed = {"text": "3年", "years": 3, "start": 2024, "end": 2026,
               "budget": {"total": "68.50", "fiscal": "68.50", "other": None, "sources": {"上年结转资金": "5"}}}
    reading = {**sheet.reading, "sheet": {**sheet.reading["sheet"], "period": printed}}
    Sheet.objects.filter(pk=sheet.pk).update(reading=reading, **period_fields(None))
    migration.forwards(apps, None)
    stored = Sheet.objects.get(pk=sheet.pk)
    assert "period" not in stored.reading["sheet"] and stored.period_sources == [["上年结转资金", "5.00"]]
    assert _span(sheet) == ("3年", 3, 2024, 2026, Decimal("68.50"), Decimal("68.50"))
    migration.backwards(apps, None)
    assert Sheet.objects.get(pk=sheet.pk).reading["sheet"]["period"] == {
        **printed, "budget": {**printed["budget"], "sources": {"上年结转资金": "5.00"}}}


# -- every part of the span in the editor, its other funds and other sources too --------------------------------
def _span_sources(*rows: tuple[str, str]) -> dict[str, str]:
    """The span's sources part of a post (psrc-N-label, psrc-N-amount), with the count of forms."""
    posted = {"psrc-TOTAL_FORMS": str(len(rows))}
    for index, (label, figure) in enumerate(rows):
        posted.update({f"psrc-{index}-label": label, f"psrc-{index}-amount": figure})
    return posted


def _period_block(page: str) -> str:
    """The editor's 实施期与中期资金 block."""
    return page.split('id="period"')[1].split('id="sources"')[0]


@pytest.mark.parametrize(("change", "entries"), [
    ({"period_text": "2年"}, {("实施期", "3年", "2年"), ("实施期年数", "3", "2")}),
    ({"period_start": "2023"}, {("实施期起始年度", "2024", "2023")}),
    ({"period_end": "2027"}, {("实施期结束年度", "2026", "2027")}),
    ({"period_total": "70"}, {("中期资金总额", "68.50", "70.00")}),
    ({"period_fiscal": "60"}, {("中期资金：财政资金", "68.50", "60.00")}),
    ({"period_other": "8.5"}, {("中期资金：其他资金", "0.00", "8.50")}),
    (_span_sources(("上年结转资金", "5"), ("政府性基金拨款", "3.2")),
     {("中期资金：另列资金来源", "", "上年结转资金：5.00\n政府性基金拨款：3.20")}),
], ids=["text", "start", "end", "total", "fiscal", "other", "sources"])
def test_the_editor_changes_each_part_of_the_span_with_its_history_entry(org, login, change, entries):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    assert _edit(client, sheet, **change).status_code == 302
    stored = Sheet.objects.get(pk=sheet.pk)
    assert stored.version == 2
    assert {(e.field, e.old, e.new) for e in stored.history.filter(action="edit")} == entries
    assert stored.history.filter(action="edit").values_list("version", flat=True).distinct().get() == 2


def test_the_editor_shows_the_spans_other_funds_and_sources_and_changes_and_removes_them(org, login):
    _, (sheet,) = _import(org, "279_", year=2024)
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={
        "period_other": Decimal("4"), "period_sources": [["上年结转资金", "5.00"], ["政府性基金拨款", "3.20"]]})
    client = login(org["owner"])
    page = client.get(f"/sheets/{sheet.pk}/edit/").content.decode()
    block = _period_block(page)
    assert 'name="period_other" value="4.00"' in block and "中期资金：其他资金" in block
    assert 'name="psrc-0-label" value="上年结转资金"' in block and 'name="psrc-1-amount" value="3.20"' in block
    assert 'id="add-period-source"' in block
    assert _edit(client, sheet, period_other="", **{"psrc-0-DELETE": "on", "psrc-1-amount": "6"}).status_code == 302
    stored = Sheet.objects.get(pk=sheet.pk)
    assert (stored.period_other, stored.period_sources, stored.version) == (None, [["政府性基金拨款", "6.00"]], 3)
    assert {(e.field, e.old, e.new) for e in stored.history.filter(action="edit", version=3)} == {
        ("中期资金：其他资金", "4.00", ""),
        ("中期资金：另列资金来源", "上年结转资金：5.00\n政府性基金拨款：3.20", "政府性基金拨款：6.00")}
    # the sheet's page shows every part of the span's money
    shown = client.get(f"/sheets/{sheet.pk}/").content.decode()
    assert "（其中：财政拨款 68.50；政府性基金拨款 6.00）" in shown


@pytest.mark.parametrize("change", [{"period_other": "9"}, _span_sources(("上年结转资金", "5"))],
                         ids=["other", "sources"])
def test_a_stale_save_of_the_spans_other_funds_or_sources_is_refused(org, login, change):
    _, (sheet,) = _import(org, "279_", year=2024)
    client = login(org["owner"])
    opened = client.get(f"/sheets/{sheet.pk}/edit/").context
    sheet_update(user=org["colleague"], sheet_id=sheet.pk, expected_version=1,
                 fields={"period_other": Decimal("3"), "period_sources": [["政府性基金拨款", "2.00"]]})
    page = client.post(f"/sheets/{sheet.pk}/edit/", _form_data(opened, **change)).content.decode()
    assert "已被他人修改" in page and "中期资金：其他资金" in page and "政府性基金拨款：2.00" in page
    stored = Sheet.objects.get(pk=sheet.pk)
    assert (stored.version, stored.period_other, stored.period_sources) == (2, Decimal("3"), [["政府性基金拨款", "2.00"]])


@pytest.mark.parametrize(("change", "message"), [
    ({"period_other": "五十万"}, "中期资金：其他资金：输入一个数字"),
    ({"period_other": "1" * 16}, "中期资金：其他资金："),
    ({**_span_sources(("上年结转资金", "5")), "psrc-0-label": ""}, "来源名称：请填写来源名称"),
    ({**_span_sources(("上年结转资金", "5")), "psrc-0-amount": "-5"}, "金额：金额不能小于0"),
    (_span_sources(("财政拨款", "5")), "“中期资金：另列资金来源”“财政拨款”：这是财政资金，已有自己的一栏，不是另列的来源"),
    (_span_sources(("上年结转资金", "5"), ("上年結轉资金", "1")), "“中期资金：另列资金来源”“上年結轉资金”重复：每项来源只填一行"),
    ({"psrc-TOTAL_FORMS": "31"}, "中期资金的另列资金来源最多 30 项"),
], ids=["other-word", "other-digits", "source-label", "source-amount", "source-own-row", "source-twice", "too-many"])
def test_a_part_of_the_spans_money_no_person_may_enter_is_refused_in_the_spans_block(org, login, change, message):
    _, (sheet,) = _import(org, "279_", year=2024)
    page = _edit(login(org["owner"]), sheet, **change).content.decode()
    assert "有填写错误" in page and message in _period_block(page)
    assert message not in page.split('id="sources"')[1]  # (said of the span's money, not the year's)
    assert Sheet.objects.get(pk=sheet.pk).version == 1


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "json"])
def test_every_part_of_a_span_entered_in_the_editor_is_exported_and_imported_again(org, sheet, login, fmt):
    client = login(org["owner"])
    assert _edit(client, sheet, period_text="3年", period_start="2026", period_end="2028", period_total="60",
                 period_fiscal="50", period_other="4",
                 **_span_sources(("上年结转资金", "5"), ("政府性基金拨款", "1"))).status_code == 302
    data = export_sheets([Sheet.objects.get(pk=sheet.pk)], fmt)
    sheet_delete(user=org["owner"], sheet_id=sheet.pk)  # (a project is imported once a year)
    (again,) = sheets_import(user=org["owner"], unit=org["township"], year=2026, files=[(f"again.{fmt}", data)])
    columns = ("period_years", "period_start", "period_end", "period_total", "period_fiscal", "period_other",
               "period_sources")
    stored, imported = Sheet.objects.get(pk=sheet.pk), Sheet.objects.get(pk=again.pk)
    assert [getattr(imported, name) for name in columns] == [getattr(stored, name) for name in columns] == [
        3, 2026, 2028, Decimal("60.00"), Decimal("50.00"), Decimal("4.00"),
        [["上年结转资金", "5.00"], ["政府性基金拨款", "1.00"]]]
    # the 项目期 cell of a table names the span's years beside its length, none of them in a 中长期目标 heading
    assert imported.period_text == ("3年" if fmt == "json" else "3年（2026年—2028年）")
