"""A sheet whose budget printed sources beside 财政资金 and 其他资金 (政府性基金拨款, corpus 283) is written with them, so
the exported table still adds up to its total when read back and the review does not call its sum wrong (JX701)."""

from decimal import Decimal as D

import pytest

from jixiao.documents import WRITABLE_FORMATS, read_bytes, render_document
from jixiao.model import Document
from jixiao.review import review_document
from tests.scoring.builders import sheet


def _sheet_with_sources():
    written = sheet(("产出指标", "整治村数", "≥18个"), ("效益指标", "群众满意度", "≥90%"))
    budget = written.budget.model_copy(update={"total": D("2030.12"), "fiscal": D("1325.68"), "other": D("585.62"),
                                               "sources": {"政府性基金拨款": D("118.82")}})
    return written.model_copy(update={"budget": budget})


@pytest.mark.parametrize("file_format", WRITABLE_FORMATS)
def test_every_source_of_the_budget_is_written_and_read_back(file_format):
    document = Document(sheets=[_sheet_with_sources()])
    read = read_bytes(render_document(document, file_format), f"目标表.{file_format}")
    (budget,) = [one.budget for one in read.sheets]
    assert (budget.total, budget.fiscal, budget.other) == (D("2030.12"), D("1325.68"), D("585.62"))
    assert budget.sources == {"政府性基金拨款": D("118.82")}
    codes = {finding.rule for finding in review_document(read).findings}
    assert "JX701" not in codes
