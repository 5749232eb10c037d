"""Text layouts beyond the TAB layout, each built from the sample's sheets and read back."""

from __future__ import annotations

import unicodedata

import pytest

from jixiao.documents import NotAGoalDocument, read_bytes
from jixiao.documents.readers.text import TEXT_LAYOUTS

from tests.documents.readers.sample_grid import SheetGrid, full_rows, sample_grids, assert_same_sheets, HEADER


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def piped(grid: SheetGrid, keep_merged: bool = False, markdown: bool = False) -> list[str]:
    """Pipe rows; merged cells dropped (or kept as empty cells), line breaks as <br>."""
    if keep_merged:
        rows = [[text or "" for text in row] for row in full_rows(grid)]
    else:
        rows = [[span.text for span in row] for row in grid.rows]
    lines = [grid.title, *grid.lines]
    for row in rows:
        lines.append("| " + " | ".join(text.replace("\n", "<br>") for text in row) + " |")
        if markdown and row[0] == HEADER[0]:
            lines.append("|" + "---|" * len(row))
    return lines


def one_per_line(grid: SheetGrid) -> list[str]:
    """Every cell's lines, one after another; merged and empty cells absent."""
    lines = [grid.title, *grid.lines]
    for row in grid.rows:
        lines += [line for span in row for line in span.text.split("\n") if line]
        lines.append("")
    return lines


def fixed_width(grid: SheetGrid, gap: str = "  ") -> list[str]:
    """A table printed to text: columns padded to their widest cell, further lines of a cell below it."""
    rows = full_rows(grid)
    widths = [max(_width(line) for row in rows[6:] if row[c] for line in row[c].split("\n")) for c in range(6)]
    lines = [grid.title, *grid.lines]
    for row in rows:
        cells = [(text or "").split("\n") for text in row]
        for k in range(max(len(cell) for cell in cells)):
            parts = [cell[k] if k < len(cell) else "" for cell in cells]
            line = gap.join(part + " " * (width - _width(part)) for part, width in zip(parts, widths))
            lines.append(line.rstrip())
    return lines


def indented(grid: SheetGrid) -> list[str]:
    """一级 names at indent 0, 二级 indented, indicators further indented with their cells on the line."""
    rows = full_rows(grid)
    lines = [grid.title, *grid.lines]
    header_at = next(r for r, row in enumerate(rows) if row[0] == HEADER[0])
    for row in rows[:header_at]:
        lines.append("  ".join(text.replace("\n", "\n    ") for text in row if text))
    lines.append("    ".join(HEADER))
    for row in rows[header_at + 1 :]:
        if row[0]:
            lines.append(row[0])
        if row[1]:
            lines.append("  " + row[1])
        first, *more = row[5].split("\n")
        lines.append("    " + "  ".join([row[2], row[3], row[4], first]))
        lines += ["      " + line for line in more]
    return lines


def document_text(render, **options) -> str:
    return "\n".join(line for grid in sample_grids() for line in render(grid, **options)) + "\n"


def read(text: str, encoding: str = "utf-8"):
    return read_bytes(text.encode(encoding), "layout.txt")


LAYOUTS = {
    "piped-dropped": (lambda: document_text(piped), "text-piped"),
    "piped-kept": (lambda: document_text(piped, keep_merged=True), "text-piped"),
    "markdown": (lambda: document_text(piped, keep_merged=True, markdown=True), "text-piped"),
    "one-per-line": (lambda: document_text(one_per_line), "text-lines"),
    "fixed-width": (lambda: document_text(fixed_width), "text-spaced"),
    "full-width-spaces": (lambda: document_text(fixed_width, gap="\u3000"), "text-spaced"),
    "indented": (lambda: document_text(indented), "text-spaced"),
}


@pytest.mark.parametrize("name", LAYOUTS)
def test_layout_reads_like_the_tab_export(name):
    build, layout = LAYOUTS[name]
    document = read(build())
    assert document.layout == layout
    assert_same_sheets(document)


def test_dropped_merged_cells_are_aligned_by_vocabulary_and_reported():
    document = read(document_text(piped))
    assert {d.code for d in document.diagnostics} == {"P102"}
    assert all(d.location.file == "layout.txt" and d.location.row for d in document.diagnostics)


@pytest.mark.parametrize("name", ["piped-kept", "one-per-line", "fixed-width", "indented"])
def test_layouts_that_keep_their_structure_need_no_inference(name):
    assert read(LAYOUTS[name][0]()).diagnostics == []


def test_gbk_encoded_layout():
    document = read(document_text(one_per_line), encoding="gbk")
    assert_same_sheets(document)
    assert [d.code for d in document.diagnostics] == ["P109"]


def test_full_width_characters_in_cells():
    text = "\n".join([
        "某项目绩效目标表", "｜一级指标｜二级指标｜三级指标｜指标值｜",
    ]).replace("｜", "|") + "\n" + "\n".join(
        f"| 产出指标 | 数量指标 | 改造户数{n} | ＞＝１８户 |" for n in range(4)
    )
    (sheet,) = read(text).sheets
    target = sheet.indicators[0].target
    assert (target.raw, target.operator, str(target.value), target.unit) == ("＞＝１８户", "≥", "18", "户")


def test_one_per_line_without_description_column_and_merged_level2():
    text = "\n".join([
        "项目名称", "道路维护", "一级指标", "二级指标", "三级指标", "指标值",
        "产出指标", "数量指标", "维护里程", "≥20公里", "养护次数", "≥4次", "质量指标", "验收合格率", "=100%",
    ])
    (sheet,) = read(text).sheets
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "维护里程", "≥20公里"), ("数量指标", "养护次数", "≥4次"), ("质量指标", "验收合格率", "=100%"),
    ]


def test_one_per_line_reports_an_ambiguous_split():
    text = "\n".join([
        "项目名称", "道路维护", "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
        "产出指标", "数量指标", "维护里程", "县道", "乡道", "≥20公里",
    ])
    document = read(text)
    (indicator,) = document.sheets[0].indicators
    assert (indicator.name, indicator.description) == ("维护里程", "县道\n乡道")
    assert [(d.code, d.location.line) for d in document.diagnostics] == [("P111", 8)]


def test_every_layout_is_recognised_from_content_alone():
    for name, (build, layout) in LAYOUTS.items():
        text = build()
        recognised = next(read.__module__ for looks, read in TEXT_LAYOUTS if looks(text))
        assert recognised.rsplit(".", 1)[-1].replace("_", "-") == layout, name


@pytest.mark.parametrize(
    "data, reason",
    [
        ("今天天气很好。\n我们去公园散步。\n", "没有识别出绩效目标表的版式"),
        ("收入\n支出\n合计\n" * 3, "没有识别出绩效目标表的版式"),
        ("| a | b |\n" * 10, "没有找到绩效目标表"),
    ],
    ids=["prose", "one-word-lines", "pipes-without-labels"],
)
def test_text_without_a_goal_table_is_refused(data, reason):
    with pytest.raises(NotAGoalDocument) as error:
        read(data)
    assert error.value.message.startswith("layout.txt：") and reason in error.value.message


def test_binary_data_is_refused():
    with pytest.raises(NotAGoalDocument, match="layout.bin："):
        read_bytes(bytes(range(256)) * 10, "layout.bin")
