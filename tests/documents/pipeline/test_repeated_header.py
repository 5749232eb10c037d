"""A page's header printed again inside the grid: the rows under it go on the same sheet, whether or not the repeat
prints the form's vertical 绩效指标 label, which a merged cell draws down the first page's rows and a page break may
leave off (corpus 178 and 279's family, their header read with the label once their padded rows are joined)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text

FIRST_PAGE = (
    "项目名称 | 乡村道路养护 |",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
    "产出指标 | 数量指标 | 养护道路里程 | ≥35公里 |",
    "质量指标 | 养护验收合格率 | ≥95% |",
)
SECOND_PAGE = (
    "时效指标 | 养护完成时间 | 2024年10月底前 |",
    "效益指标 | 社会效益指标 | 群众出行便利程度 | 明显提升 |",
)


def _sheets(*lines: str):
    return read_text("\n".join(lines).encode(), "repeat.txt")[0].sheets


def test_a_repeated_header_without_the_vertical_label_goes_on_with_the_same_sheet():
    [sheet] = _sheets(*FIRST_PAGE, "一级指标 | 二级指标 | 三级指标 | 指标值 |", *SECOND_PAGE)
    assert [indicator.name for indicator in sheet.indicators] == ["养护道路里程", "养护验收合格率", "养护完成时间",
                                                                  "群众出行便利程度"]
    assert sheet.name == "乡村道路养护"


def test_a_repeated_header_with_the_vertical_label_goes_on_as_before():
    [sheet] = _sheets(*FIRST_PAGE, FIRST_PAGE[1], *SECOND_PAGE)
    assert len(sheet.indicators) == 4


def test_a_repeat_of_the_headers_second_row_without_the_merged_level_heading_goes_on_too():
    # (a two-row header whose 一级指标 heading is merged down both rows: the page repeats the row below it)
    [sheet] = _sheets(*FIRST_PAGE, "二级指标 | 三级指标 | 指标值 |", *SECOND_PAGE)
    assert len(sheet.indicators) == 4
    assert sheet.indicators[2].level1 == "产出指标"


def test_a_repeat_of_the_first_line_of_a_header_broken_over_lines_goes_on_with_the_same_sheet():
    # a self-evaluation's headings a text copy broke over three lines; the page repeats the first of them, up to the
    # target's heading (corpus 126's form): the columns after it are the grid's still
    rows = _sheets(
        "项目名称 | 美丽乡村建设 |",
        "一级指标 | 二级指标 | 三级指标 | 年度 指标值 |",
        "实际 完成值 |",
        "分值 | 得分 | 偏差原因分析及改进措施 |",
        "产出指标 | 数量指标 | 建设自然村庄数量 | ≥200 | 202 | 10 | 10 | |",
        "改造卫生厕所数量 | ≥2000 | 3061 | 10 | 10 | |",
        "一级指标 | 二级指标 | 三级指标 | 年度 指标值 |",
        "新建省级中心村数量 | ≥10 | 10 | 10 | 10 | |",
        "质量指标 | 村庄验收通过率 | ≥95% | 100% | 5 | 5 | |")
    [sheet] = rows
    assert [(i.level2, i.name, i.target.raw) for i in sheet.indicators] == [
        ("数量指标", "建设自然村庄数量", "≥200"), ("数量指标", "改造卫生厕所数量", "≥2000"),
        ("数量指标", "新建省级中心村数量", "≥10"), ("质量指标", "村庄验收通过率", "≥95%")]
    assert [(r.indicator, r.actual_raw, r.weight, r.score) for r in sheet.evaluation.items][2:] == [
        (3, "10", 10, 10), (4, "100%", 5, 5)]
