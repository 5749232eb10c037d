"""A multi-year project's span and its whole budget (GoalSheet.period: 项目期, 中期资金总额 beside 年度资金总额, as the
88号 form prints them) are written with the sheet and read back the same, in every format the sheet is exported to."""

from decimal import Decimal as D

import pytest

from jixiao.documents import WRITABLE_FORMATS, read_bytes, render_document
from jixiao.documents.writers.sheet_grid import sheet_grid
from jixiao.model import Budget, Document, Period
from tests.scoring.builders import sheet

SPANS = [
    # printed by its length, its years in the 中期目标 heading (corpus 279)
    Period(text="3年", years=3, start=2024, end=2026, budget=Budget(total=D("68.50"), fiscal=D("68.50"))),
    # its years printed in the 项目期 cell, the span's budget with both parts
    Period(text="2024年—2026年", start=2024, end=2026,
           budget=Budget(total=D("300.00"), fiscal=D("200.00"), other=D("100.00"))),
    # one year (corpus 154)
    Period(text="1年", years=1, start=2023, end=2023, budget=Budget(total=D("170.00"), fiscal=D("170.00"))),
    # its years only in the 中期目标 heading, no 项目期 text
    Period(start=2024, end=2025, budget=Budget(total=D("90.00"))),
    # the span's budget alone
    Period(budget=Budget(total=D("90.00"))),
]


@pytest.mark.parametrize("file_format", WRITABLE_FORMATS)
@pytest.mark.parametrize("span", SPANS, ids=range(len(SPANS)))
def test_the_span_is_written_and_read_back(file_format, span):
    written = sheet(("产出指标", "整治村数", "≥18个"), ("效益指标", "群众满意度", "≥90%")).model_copy(update={
        "period": span, "long_term_goals": ["三年内完成全部整治"],
        "budget": Budget(total=D("51.35"), fiscal=D("51.35"), other=D("0"))})
    (read,) = read_bytes(render_document(Document(sheets=[written]), file_format), f"目标表.{file_format}").sheets
    assert read.period == span
    assert (read.budget, read.long_term_goals) == (written.budget, written.long_term_goals)


def _labels(written) -> list[str]:
    return [cell.text for row in sheet_grid(written).rows for cell in row if cell.label]


@pytest.mark.parametrize("file_format", WRITABLE_FORMATS)
def test_the_span_form_names_the_fiscal_parts_as_the_88_form_does_and_they_are_read_back(file_format):
    # the 88号 form: 中期资金总额 | 其中：财政拨款 | 其他资金 over 年度资金总额 | 其中：财政拨款 | 其他资金
    written = sheet(("产出指标", "整治村数", "≥18个")).model_copy(update={
        "period": SPANS[1], "budget": Budget(total=D("51.35"), fiscal=D("41.35"), other=D("10.00"))})
    labels = _labels(written)
    assert labels.count("其中：财政拨款") == 2 and "其中：财政资金" not in labels
    (read,) = read_bytes(render_document(Document(sheets=[written]), file_format), f"目标表.{file_format}").sheets
    assert (read.period, read.budget) == (written.period, written.budget)


def test_a_sheet_without_a_span_keeps_the_provincial_forms_fiscal_label():
    labels = _labels(sheet(("产出指标", "整治村数", "≥18个")))
    assert "其中：财政资金" in labels and "其中：财政拨款" not in labels


@pytest.mark.parametrize("file_format", ["xlsx", "docx", "txt"])
def test_a_sheet_without_a_span_is_written_as_before(file_format):
    written = sheet(("产出指标", "整治村数", "≥18个"))
    data = render_document(Document(sheets=[written]), file_format)
    (read,) = read_bytes(data, f"目标表.{file_format}").sheets
    assert read.period is None and read.budget == written.budget
    if file_format == "txt":
        text = data.decode("utf-8")
        assert "预算数" in text and "项目期" not in text and "中期资金总额" not in text


@pytest.mark.parametrize("file_format", WRITABLE_FORMATS)
def test_a_spans_own_sources_and_its_years_without_a_heading_are_written_and_read_back(file_format):
    # the span's 上年结转资金 beside its 财政拨款 and 其他资金 (the year's lists another source); its years in the 项目期
    # cell, no 中长期目标 heading naming them; the year's 财政拨款 blank under the span's filled one stays blank
    span = Period(text="3年", years=3, start=2024, end=2026,
                  budget=Budget(total=D("300.00"), fiscal=D("200.00"), other=D("95.00"), sources={"上年结转资金": D("5.00")}))
    budget = Budget(total=D("51.35"), other=D("50.00"), sources={"政府性基金拨款": D("1.35")})
    written = sheet(("产出指标", "整治村数", "≥18个")).model_copy(update={"period": span, "budget": budget})
    (read,) = read_bytes(render_document(Document(sheets=[written]), file_format), f"目标表.{file_format}").sheets
    printed = "3年" if file_format == "json" else "3年（2024年—2026年）"
    assert (read.period, read.budget) == (span.model_copy(update={"text": printed}), budget)
