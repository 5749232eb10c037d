"""Where a text copy stops inside an indicator table: the row cut is left out, a whole row before the cut is not
(corpus 215: the file stops on the 满意度指标 cell after a 可持续影响 row that gives only its wording)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text

HEAD = ("项目名称 | 水源涵养林建设项目 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "产出指标 | 数量指标 | 营造林面积 | 80000亩 |")
WORDED = "效益指标 | 可持续影响指标 | 提高森林生态系统服务功能,显著改善生态环境。 | |"


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def test_a_file_stopping_on_a_level_name_keeps_the_whole_row_above_it():
    document = read(*HEAD, WORDED, "满意度指标")
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert names == ["营造林面积", "提高森林生态系统服务功能,显著改善生态环境。"]
    codes = {d.code for d in document.diagnostics}
    assert "P120" not in codes and "P119" in codes  # (the rows under 满意度指标 are missing, none was cut)


def test_a_row_stopping_before_its_target_is_still_left_out():
    document = read(*HEAD, "效益指标 | 可持续影响指标 | 提高森林生态系统服务功能")
    assert [indicator.name for indicator in document.sheets[0].indicators] == ["营造林面积"]
    assert "P120" in {d.code for d in document.diagnostics}
