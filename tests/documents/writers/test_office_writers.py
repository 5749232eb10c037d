import io
from pathlib import Path

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from typer.testing import CliRunner

from jixiao.cli.app import app
from jixiao.documents import read_bytes, read_path
from jixiao.documents.writers.docx_writer import write_docx
from jixiao.documents.writers.xlsx_writer import worksheet_names, write_xlsx
from jixiao.model import GoalSheet
from tests.golden import assert_matches_golden

GOLDEN = Path(__file__).parents[1] / "golden"


def test_sample_exported_to_docx_matches_golden(sample_path):
    document = read_bytes(write_docx(read_path(sample_path)), "sample.docx")
    assert_matches_golden(document.model_dump(mode="json"), GOLDEN / "sample_docx.json")


def test_docx_is_a4_landscape_in_songti_with_bordered_tables(sample_path):
    word = docx.Document(io.BytesIO(write_docx(read_path(sample_path))))
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    fonts = word.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    assert [table.style.name for table in word.tables] == ["Table Grid", "Table Grid"]


def test_docx_merges_runs_of_equal_levels_vertically(sample_path):
    word = docx.Document(io.BytesIO(write_docx(read_path(sample_path))))
    second = word.tables[1]
    level1 = [row.cells[0]._tc for row in second.rows[-7:]]
    # 产出指标 ×3, 效益指标 ×3, 满意度指标: python-docx returns the merged cell once per row it covers
    assert len({id(tc) for tc in level1}) == 3
    header = [cell.text for cell in second.rows[-8].cells]
    assert header[:4] == ["一级指标", "二级指标", "三级指标", "绩效指标描述"]


def test_docx_starts_with_the_overall_goals_and_titles(sample_path):
    word = docx.Document(io.BytesIO(write_docx(read_path(sample_path))))
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts[:2] == ["部门整体绩效目标", "一、总体绩效目标"]
    assert "乡镇环境治理经费（西留村）绩效目标表" in texts and "434016遵化市西留村乡人民政府" in texts


def test_xlsx_has_one_worksheet_per_sheet_with_merges_and_widths(sample_path):
    workbook = openpyxl.load_workbook(io.BytesIO(write_xlsx(read_path(sample_path))))
    assert workbook.sheetnames == ["部门整体绩效目标", "434-4.05-JXN-4QXO", "434-4.05-JXN-YUPI"]
    sheet = workbook["434-4.05-JXN-4QXO"]
    assert sheet["A1"].value == "乡镇环境治理经费（西留村）绩效目标表"
    assert any(r.min_col == 1 and r.max_col == 1 and r.max_row > r.min_row for r in sheet.merged_cells.ranges)
    assert sheet.column_dimensions["A"].width > 0 and sheet["B5"].alignment.wrap_text
    total = next(cell for row in sheet.iter_rows() for cell in row if cell.value == 18)
    assert total.number_format == "0.00"


def test_worksheet_names_are_sanitized_short_and_unique():
    sheets = [GoalSheet(code="A/B:C"), GoalSheet(code="A/B:C"), GoalSheet(name="很" * 40), GoalSheet()]
    assert worksheet_names(sheets) == ["A_B_C", "A_B_C(2)", "很" * 31, "绩效目标表4"]


def test_cli_export_to_docx_then_parse(tmp_path, sample_path):
    runner = CliRunner()
    target = tmp_path / "样表.docx"
    exported = runner.invoke(app, ["export", str(sample_path), "--to", "docx", "-o", str(target)])
    assert exported.exit_code == 0, exported.output
    parsed = runner.invoke(app, ["parse", str(target), "--format", "json"])
    assert parsed.exit_code == 0
    assert '"434-4.05-JXN-YUPI"' in parsed.output and '"format": "docx"' in parsed.output
