"""User text in spreadsheet cells is text (issue 8, item 4): the helper, every core .xlsx writer, LibreOffice."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from jixiao.documents import read_bytes
from jixiao.documents.writers.xlsx_writer import write_xlsx
from jixiao.model import Document, ExecutionRecord, MonitoringAnswer
from jixiao.model.office_text import looks_like_formula, put_text
from jixiao.scoring import monitor_sheet, read_actuals_xlsx, score_sheet, write_template
from jixiao.scoring.reports import write_monitoring, write_self_evaluation
from tests.office_cells import FORMULA_LINK, FORMULA_TITLE, assert_written_as_text, raw_cells
from tests.scoring.builders import evaluation, monitoring_profile, profile, sheet


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1+2", "@SUM(A1)", "  =1", "\t1", "\r1", "\n=1", "＝1+1", FORMULA_LINK])
def test_formula_like_texts(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["≥18个", "1+1", "a=b", "", "80%", "≤5天"])
def test_ordinary_texts(text):
    assert not looks_like_formula(text)


@pytest.mark.parametrize("text", [FORMULA_TITLE, "#N/A", "-5", "≥18个"])
def test_put_text_writes_a_text_cell_with_the_text_unchanged(text):
    book = Workbook()
    cell = put_text(book.active["A1"], text)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", looks_like_formula(text))
    data = io.BytesIO()
    book.save(data)
    assert raw_cells(data.getvalue()) == [("A1", "inlineStr", False, text)]


def _hostile_sheet():
    """A sheet titled like a formula whose first indicator is named like a HYPERLINK formula."""
    built = sheet(("产出指标", FORMULA_LINK, "≥100个"), ("满意度指标", "C", "≥90%"), plan=[("6月底", "50")])
    return built.model_copy(update={"title": FORMULA_TITLE + "绩效目标表", "name": FORMULA_TITLE, "purpose": "-1+2"})


def test_sheet_export_keeps_formulas_as_text_and_reads_back_unchanged():
    document = Document(sheets=[_hostile_sheet()])
    data = write_xlsx(document)
    assert_written_as_text(data, FORMULA_TITLE, FORMULA_LINK, "-1+2")
    again = read_bytes(data, "export.xlsx").sheets[0]
    assert (again.title, again.name, again.purpose) == (FORMULA_TITLE + "绩效目标表", FORMULA_TITLE, "-1+2")
    assert again.indicators[0].name == FORMULA_LINK


def test_monitoring_table_keeps_an_answer_as_text():
    answers = [MonitoringAnswer(indicator=1, likelihood="有可能", causes=["经费保障"], remedy=FORMULA_LINK),
               MonitoringAnswer(indicator=2)]
    result = monitor_sheet(_hostile_sheet(), ExecutionRecord(sheet="P-1"), date(2025, 6, 30), answers,
                           monitoring_profile(), year=2025)
    assert_written_as_text(write_monitoring(result, "xlsx"), FORMULA_LINK, FORMULA_TITLE)


def test_self_evaluation_table_keeps_a_deviation_as_text():
    data = evaluation("80", {"actual": "80"}, {"actual": "90"})
    data.results[0].deviation = FORMULA_LINK
    score = score_sheet(_hostile_sheet(), data, profile("central"))
    assert_written_as_text(write_self_evaluation(score, "xlsx"), FORMULA_LINK, FORMULA_TITLE)


def test_actuals_template_keeps_names_as_text_and_reads_back():
    data = write_template([("=cmd|' /C calc'!A0", _hostile_sheet())])
    assert_written_as_text(data, FORMULA_TITLE, FORMULA_LINK, "=cmd|' /C calc'!A0")
    found, _ = read_actuals_xlsx(data, "template.xlsx")
    assert [e.sheet for e in found.evaluations] == ["P-1"]
    assert found.evaluations[0].budget_full == Decimal("100")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_shows_the_text_and_does_not_evaluate_it(tmp_path):
    (tmp_path / "export.xlsx").write_bytes(write_xlsx(Document(sheets=[_hostile_sheet()])))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "csv", "--outdir", str(tmp_path), str(tmp_path / "export.xlsx")],
                   check=True, capture_output=True, timeout=120)
    cells = [cell for row in csv.reader((tmp_path / "export.csv").open(encoding="utf-8")) for cell in row]
    assert FORMULA_TITLE in cells and "2" not in cells
