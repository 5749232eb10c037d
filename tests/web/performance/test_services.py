"""Recording a sheet's year: history for every change, stale saves refused, only approved sheets, the core's answers."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from jixiao.model import FundSource, IndicatorProgress, IndicatorResult, MonitoringAnswer, SelfEvaluation
from jixiao.scoring import Light, write_template
from jixiao.web.performance.selectors import sheet_year
from jixiao.web.performance.services import (
    actuals_import,
    answers_save,
    evaluation_save,
    progress_add,
    setting_save,
    spending_add,
    spending_remove,
)
from jixiao.web.sheets.errors import SheetError, StaleSheet
from tests.hostile_zips import xlsx_bomb, zip_of_unsupported_version


def _spend(org, sheet, version, amount, day=date(2026, 5, 10), **kwargs):
    return spending_add(user=org["owner"], sheet_id=sheet.pk, expected_version=version, day=day,
                        amount=Decimal(amount), source=FundSource.FISCAL, **kwargs)


def test_spending_is_recorded_with_history_and_feeds_the_core(org, approved):
    _spend(org, approved, 1, "4", note="第一批")
    tracking = _spend(org, approved, 2, "3", day=date(2026, 6, 20))
    assert tracking.version == 3
    assert [(c.version, c.action, c.new) for c in tracking.changes.order_by("id")] == [
        (2, "spending", "4 万元"), (3, "spending", "3 万元")]
    result, problems = sheet_year(approved).monitoring()
    assert not problems and result.spent == Decimal("7") and result.execution_rate == Decimal("38.89")


def test_a_cumulative_figure_replaces_earlier_entries(org, approved):
    _spend(org, approved, 1, "4")
    spending_add(user=org["owner"], sheet_id=approved.pk, expected_version=2, day=date(2026, 6, 1),
                 amount=Decimal("10"), source=None, cumulative=True)
    _spend(org, approved, 3, "1", day=date(2026, 6, 15))
    assert sheet_year(approved).monitoring()[0].spent == Decimal("11")


def test_removing_a_line_is_recorded(org, approved):
    tracking = _spend(org, approved, 1, "4")
    tracking = spending_remove(user=org["owner"], sheet_id=approved.pk, expected_version=2,
                               spending_id=tracking.spending.get().pk)
    assert not tracking.spending.exists() and tracking.changes.first().new == "（已删除）"


def test_a_stale_save_is_refused_with_the_changes_since(org, approved):
    _spend(org, approved, 1, "4")
    with pytest.raises(StaleSheet) as refused:
        spending_add(user=org["colleague"], sheet_id=approved.pk, expected_version=1, day=date(2026, 5, 1),
                     amount=Decimal("2"), source=FundSource.FISCAL)
    assert refused.value.current_version == 2
    assert [c.user.username for c in refused.value.changes] == ["owner"]


@pytest.mark.parametrize("person", ["reviewer", "sibling", "outsider"])
def test_only_the_units_editors_record(org, approved, person):
    with pytest.raises(PermissionDenied):
        spending_add(user=org[person], sheet_id=approved.pk, expected_version=1, day=date(2026, 5, 1),
                     amount=Decimal("2"), source=FundSource.FISCAL)


def test_a_draft_sheet_has_no_year_to_record(org, sheet):
    with pytest.raises(SheetError, match="尚未批复"):
        _spend(org, sheet, 1, "4")


def test_dates_outside_the_sheets_year_are_refused(org, approved):
    with pytest.raises(SheetError, match="应在 2026 年内"):
        _spend(org, approved, 1, "4", day=date(2025, 12, 31))


def test_progress_and_answers_reach_the_monitoring_table(org, approved):
    progress_add(user=org["owner"], sheet_id=approved.pk, expected_version=1, progress=IndicatorProgress(
        indicator=1, as_of=date(2026, 6, 30), value=Decimal("6"), evidence="验收单"))
    answers_save(user=org["owner"], sheet_id=approved.pk, expected_version=2, period_end=date(2026, 6, 30), answers=[
        MonitoringAnswer(indicator=1, likelihood="有可能", causes=["经费保障"], remedy="加快拨付"),
        MonitoringAnswer(indicator=2)])
    result, _ = sheet_year(approved).monitoring()
    assert result.indicators[0].progress == Decimal("33.33") and result.indicators[0].evidence == "验收单"
    assert result.light is Light.RED  # nothing spent against a plan of 60 %
    assert {w.code for w in result.warnings} >= {"behind_plan", "goal_at_risk"}
    assert not result.missing


def test_the_history_shows_an_actual_value_as_written(org, approved):
    # 105's preparer wrote 96% and 100公里: the history said 96 and 100; a change of the unit alone was not shown
    def save(version, raw):
        evaluation = SelfEvaluation(sheet="P-001", results=[
            IndicatorResult(indicator=1, actual=Decimal("18"), actual_raw=raw)])
        return evaluation_save(user=org["owner"], sheet_id=approved.pk, expected_version=version, evaluation=evaluation)

    save(1, "18个")
    tracking = save(2, "18项")
    entries = [(c.old, c.new) for c in tracking.changes.filter(field="第1项 整治村数 实际完成值").order_by("id")]
    assert entries == [("", "18个"), ("18个", "18项")]


def test_evaluation_is_scored_by_the_bureaus_profile(org, approved):
    evaluation = SelfEvaluation(sheet="P-001", spent=Decimal("18"), results=[
        IndicatorResult(indicator=1, actual=Decimal("18")), IndicatorResult(indicator=2, actual=Decimal("95"))])
    tracking = evaluation_save(user=org["owner"], sheet_id=approved.pk, expected_version=1, evaluation=evaluation)
    assert {c.field for c in tracking.changes.all()} >= {"全年执行数", "第1项 整治村数 实际完成值"}
    score, problems = sheet_year(approved).score()
    assert not problems and score.total == Decimal("100") and score.grade == "优" and score.profile == "central"
    setting_save(user=org["reviewer"], year=2026, profile="hubei", period_end=date(2026, 7, 31))
    year = sheet_year(approved)
    assert year.score()[0].profile == "hubei" and year.season.period_end == date(2026, 7, 31)


def test_the_actuals_template_round_trips(org, approved):
    year = sheet_year(approved)
    book = load_workbook(io.BytesIO(write_template([("test", year.content)])))
    book["项目"]["F2"] = 17
    book["指标"]["H2"] = "16个"
    book["指标"]["M2"] = "两个村推迟到明年"
    book["指标"]["H3"] = 0.95
    book["指标"]["H3"].number_format = "0%"
    buffer = io.BytesIO()
    book.save(buffer)
    tracking = actuals_import(user=org["owner"], sheet_id=approved.pk, expected_version=1, data=buffer.getvalue(),
                              filename="自评.xlsx")
    assert tracking.spent == Decimal("17")
    assert [(r.indicator, r.actual) for r in tracking.results.all()] == [(1, Decimal("16")), (2, Decimal("95"))]
    assert tracking.changes.first().action == "import"


def test_an_uploaded_amount_keeps_its_four_places(org, approved):
    year = sheet_year(approved)
    book = load_workbook(io.BytesIO(write_template([("test", year.content)])))
    book["项目"]["F2"] = "15.3518"
    buffer = io.BytesIO()
    book.save(buffer)
    tracking = actuals_import(user=org["owner"], sheet_id=approved.pk, expected_version=1, data=buffer.getvalue(),
                              filename="自评.xlsx")
    tracking.refresh_from_db()
    assert tracking.spent == Decimal("15.3518")
    assert str(sheet_year(approved).evaluation().spent) == "15.3518"


@pytest.mark.parametrize("data", [b"nope", zip_of_unsupported_version(**{"xl/workbook.xml": b"<workbook/>"})],
                         ids=["not-a-zip", "zip-version-14.8"])
def test_a_bad_actuals_file_saves_nothing(org, approved, data):
    with pytest.raises(SheetError, match="x.xlsx 不是有效的 .xlsx|x.xlsx：Excel 文件已损坏"):
        actuals_import(user=org["owner"], sheet_id=approved.pk, expected_version=1, data=data, filename="x.xlsx")


def test_an_actuals_file_that_would_unpack_to_far_more_is_refused_before_unpacking(org, approved):
    with pytest.raises(SheetError, match="导入失败，未保存任何数据：x.xlsx：.*sharedStrings.xml 的压缩比为 1"):
        actuals_import(user=org["owner"], sheet_id=approved.pk, expected_version=1, data=xlsx_bomb(),
                       filename="x.xlsx")


def test_preparers_cannot_choose_the_bureaus_settings(org):
    with pytest.raises(PermissionDenied):
        setting_save(user=org["owner"], year=2026, profile="hubei", period_end=date(2026, 6, 30))
