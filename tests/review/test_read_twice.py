"""A table that prints two periods side by side (中期目标 | 年度目标, each with its 二级指标, 三级指标 and 指标值) read
by content: each printed row became two rows, every cell alike (dev corpus 279, 六安 农产品质检, rows aligned by content
with P102). The reader's doubling names no second indicator alike (JX605); the same two rows placed by the grid, or
two rows named alike with other values, are the table's own."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data

BASE = load_data("rule_cases.toml")["base"]
# corpus 279's 购买标准试剂 | ≥100个 | 购买标准试剂 | ≥100个, read as two rows
_ROW = ["产出指标", "数量指标", "购买标准试剂", "", "≥100个", ""]


def _jx605(rows: list[list[str]], confidence: float) -> list[tuple]:
    document = build_document({**BASE, "rows": [*BASE["rows"], *rows]})
    sheet = document.sheets[0]
    placed = [row.model_copy(update={"confidence": confidence}) if row.name == _ROW[2] else row
              for row in sheet.indicators]
    document = document.model_copy(update={"sheets": [sheet.model_copy(update={"indicators": placed})]})
    return [(f.indicator, f.location.column, f.severity.value, f.confidence.value, f.params["count"])
            for f in review_document(document, load_profile()).findings if f.rule == "JX605"]


@pytest.mark.parametrize(("rows", "confidence", "expected"), [
    # read twice by content: no finding
    ([_ROW, _ROW], 0.8, []),
    # the same rows placed by the grid: the table names the indicator twice
    ([_ROW, _ROW], 1.0, [("购买标准试剂", "三级指标", "warning", "high", "2")]),
    # placed by content, but the values differ: two indicators named alike
    ([_ROW, [*_ROW[:4], "≥120个", ""]], 0.8, [("购买标准试剂", "三级指标", "warning", "high", "2")]),
])
def test_a_row_read_twice_is_not_an_indicator_named_twice(rows, confidence, expected):
    assert _jx605(rows, confidence) == expected


def test_a_spare_row_named_by_its_nature_puts_the_sheet_on_a_guessed_reading():
    # corpus 276: beside a real finding (a count capped by ≤, corpus 149's 小学就读人数 <=6962人: an error), the spare
    # rows -定性 show the reader's columns misplaced: no finding on them, and the others rest on a guessed reading
    count = ["产出指标", "数量指标", "小学就读人数", "", "<=6962人", ""]
    spare = ["成本指标", "社会成本指标", "-定性", "", "", ""]

    def findings(rows):
        review = review_document(build_document({**BASE, "rows": [*BASE["rows"], *rows]}), load_profile())
        return [(f.rule, f.indicator, f.severity.value, f.confidence.value) for f in review.findings
                if f.indicator in ("小学就读人数", "-定性")]

    assert findings([count]) == [("JX404", "小学就读人数", "error", "high")]
    assert findings([count, spare, spare]) == [("JX404", "小学就读人数", "warning", "guessed-layout")]
