"""Families 1 and 2 of the corpus (../shared/corpus/README.md): one cell per line, and ``cell |`` pipe rows whose
merged cells are simply absent. Compact made-up cases of those layouts."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


@pytest.mark.parametrize("text", [
    # pipe rows: the merged 产出指标 cell is absent from the 成本指标 row
    "\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |",
               "产出指标 | 数量指标 | 新建道路 | 2公里 |",
               "成本指标 | 补助标准 | ≤120万元 |",
               "效益指标 | 社会效益指标 | 受益人数 | ≥100人 |"]),
    # one cell per line, the 一级指标 repeated on every row
    "\n".join(["一级指标", "二级指标", "三级指标", "指标值",
               "产出指标", "数量指标", "新建道路", "2公里",
               "产出指标", "成本指标", "补助标准", "≤120万元",
               "效益指标", "社会效益指标", "受益人数", "≥100人"]),
], ids=["pipe-rows", "one-cell-per-line"])
def test_cost_written_where_a_level1_stands_under_output_is_the_legacy_level2(text):
    indicators = read(text).sheets[0].indicators
    assert [(i.level1, i.level2, i.name) for i in indicators] == [
        ("产出指标", "数量指标", "新建道路"), ("产出指标", "成本指标", "补助标准"), ("效益指标", "社会效益指标", "受益人数")]


def test_cost_followed_by_a_2021_level2_stays_a_level1():
    text = "\n".join(["一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 数量指标 | 新建道路 | 2公里 |",
                      "成本指标 | 经济成本指标 | 补助标准 | ≤120万元 |"])
    indicators = read(text).sheets[0].indicators
    assert (indicators[1].level1, indicators[1].level2) == ("成本指标", "经济成本指标")
