"""Reading PDFs with a text layer: ruled tables with merged cells, tables continued on the next page."""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Image, PageBreak

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.blocks import Paragraph, Row
from jixiao.documents.readers.pdf_reader import read_pdf

from tests.documents.readers.pdf_builder import FONT, build_pdf, paragraph, sheet_flowables
from tests.documents.readers.sample_grid import assert_same_sheets, sample_grids


def sample_pdf(**options) -> bytes:
    flowables: list = []
    for grid in sample_grids():
        flowables += sheet_flowables(grid, **options) + [PageBreak()]
    return build_pdf(flowables[:-1])


def test_sample_pdf_reads_like_the_text_export():
    # Long cells wrap in the PDF, and a wrapped line reads as a line break.
    assert_same_sheets(read_bytes(sample_pdf(), "sample.pdf"), line_breaks=False)


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continued_on_the_next_page_stays_one_sheet(repeat_header):
    document = read_bytes(sample_pdf(split_at=10, repeat_header=repeat_header), "split.pdf")
    assert_same_sheets(document, line_breaks=False)
    assert document.diagnostics == []


def test_merged_cells_are_empty_and_tables_numbered():
    layout = read_pdf(sample_pdf(), "sample.pdf")
    rows = [block for block in layout.blocks if isinstance(block, Row)]
    assert {row.table for row in rows} == {1, 2}
    second_indicator = next(row for row in rows if row.texts[1] == "质量指标")
    assert second_indicator.texts[0] == ""
    paragraphs = [block.text for block in layout.blocks if isinstance(block, Paragraph)]
    assert paragraphs[:3] == ["乡镇环境治理经费（西留村）绩效目标表", "434016遵化市西留村乡人民政府", "单位：万元"]


def test_page_without_text_layer_is_reported(tmp_path):
    from PIL import Image as PILImage  # reportlab depends on pillow

    picture = tmp_path / "scan.png"
    PILImage.new("RGB", (40, 40), "white").save(picture)
    data = build_pdf([Image(str(picture)), PageBreak()] + sheet_flowables(sample_grids()[0]))
    document = read_bytes(data, "scan.pdf")
    assert [(d.code, d.message) for d in document.diagnostics] == [("P110", "页面第1页没有文字层，可能是扫描件，已跳过")]
    assert len(document.sheets) == 1


def test_unruled_table_is_read_by_its_text_columns():
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "改造户数", "≥18户"],
            ["", "质量指标", "验收合格率", "100%"]]
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(FONT, 10)
    canvas.drawString(60, 780, "某项目绩效目标表")
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(60 + 110 * c, 740 - 20 * r, text)
    canvas.save()
    (sheet,) = read_bytes(buffer.getvalue(), "plain.pdf").sheets
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("产出指标", "数量指标", "改造户数", "≥18户"), ("产出指标", "质量指标", "验收合格率", "100%"),
    ]


@pytest.mark.parametrize(
    "data, reason",
    [
        (lambda: sample_pdf()[:3000], "已损坏"),
        (lambda: b"%PDF-1.4\n%%EOF\n", "已损坏"),
        (lambda: build_pdf([PageBreak()]), "没有文字层"),
        (lambda: build_pdf([paragraph("这是一封信，不是绩效目标表的内容。")]), "没有找到绩效目标表"),
    ],
    ids=["truncated", "no-objects", "blank", "prose"],
)
def test_unreadable_pdfs_are_refused_with_a_reason(data, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read_bytes(data(), "bad.pdf")
    assert error.value.message.startswith("bad.pdf：") and reason in error.value.message
