"""JX310 on rows of dev corpus documents read by the reader: where and what it reports, from the indicator's
``unit_column`` alone (the heading, Traditional and glossed or not, is the reader's business)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.review import load_profile, review_document
from tests.documents.pipeline.test_unit_column import corpus_118

_148 = ("一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注",
        "产出指标 数量指标 出差人次 正向 = 24 人/次 4",
        "产出指标 质量指标 工作任务完成率 正向 = 100 % 4",
        "产出指标 时效指标 项目财政资金到位时间 正向 = 44,561 44,561 10")
_112 = ("四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分",
        "符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分",
        "产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占符合条件申报对象总数的比例 >= 98 %(百分比) 100% 完成 "
        "25.00 25.00 6.25")
_REPORTED = ("業務工作支出安排金額", 2, "指标“業務工作支出安排金額”的指标值“28.8萬元”以“万元”计，计量单位栏却写“%”")


def _cells(lines: tuple[str, ...], cells: str) -> tuple[str, ...]:
    """Corpus 118 with the amount row's 指标值 and unit cells replaced by ``cells``."""
    return tuple(line.replace("28.8萬元 | % |", cells) for line in lines)


@pytest.mark.parametrize(("lines", "expected"), [
    # corpus 118: the Traditional heading with its pinyin gloss, and the Simplified spellings of other forms
    (corpus_118("計(jì)量單位"), [_REPORTED]),
    (corpus_118("度量单位"), [_REPORTED]),
    (corpus_118("单位"), [_REPORTED]),
    # a Traditional unit cell is read on its Simplified form and quoted as written
    (_cells(corpus_118("計(jì)量單位"), "95% | 萬元 |"),
     [("業務工作支出安排金額", 2, "指标“業務工作支出安排金額”的指标值“95%”以“%”计，计量单位栏却写“萬元”")]),
    # 万元 beside 元 is one kind of unit: nothing to report
    (_cells(corpus_118("計(jì)量單位"), "28.8萬元 | 元 |"), []),
    # corpus 148: a figure in the unit column names no unit; the bare numbers are completed by it
    (_148, []),
    # corpus 112: %(百分比) is % in words
    (_112, []),
], ids=["118-glossed", "118-duliang", "118-danwei", "traditional-cell", "money-both", "148-figure", "112-glossed-unit"])
def test_jx310_reports_a_unit_column_of_another_kind_than_the_value(lines, expected):
    document = read_text("\n".join(lines).encode(), "case.txt")[0]
    findings = [f for f in review_document(document, load_profile()).findings if f.rule == "JX310"]
    assert [(f.indicator, f.location.row, f.message) for f in findings] == expected
    assert all(f.location.column == "指标值" for f in findings)
