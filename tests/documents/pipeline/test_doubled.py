"""Text copies of PDFs that drew text twice (bold made by drawing each glyph twice, figures laid over themselves):
the doubled parts are read once, and only in a document that shows the doubling where nothing else explains it."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.doubled import undoubled

_TABLE = [
    "一级指标 二级指标 三级指标 指标值",
    "产出指标 数量指标 改造户数 ≥18户",
    "产出指标 质量指标 验收合格率 100%",
    "满意度指标 服务对象满意度指标 群众满意度 ≥90%",
]


def _bold(text: str) -> str:
    """``text`` as a position-sorted copy of a PDF gives back bold drawn twice."""
    return " ".join("".join(ch * 2 for ch in cell) for cell in text.split(" "))


@pytest.mark.parametrize(("text", "once"), [
    # a title and a header drawn bold: every character doubled, read once
    ("\n".join([_bold("某某项目绩效目标表"), _bold(_TABLE[0]), *_TABLE[1:]]),
     "\n".join(["某某项目绩效目标表", *_TABLE])),
    # a row's bold cells beside its plain ones, in a document that shows the doubling in its title
    ("\n".join([_bold("某项目绩效目标表"), f"{_bold('产出指标')} {_bold('数量指标')} 改造户数 {_bold('≥18户')}"]),
     "某项目绩效目标表\n产出指标 数量指标 改造户数 ≥18户"),
    # a cell of digits alone stays: 1100 is a figure
    (f"{_bold('某项目绩效目标表')}\n资金总额 1100 万元", "某项目绩效目标表\n资金总额 1100 万元"),
    # figures laid over themselves, in drawing order: each read once, a year stays
    ("2020年预算批复 7070 万元,到位 106.5106.5 万元,支出 36.9436.94 万元,完成率69.23%69.23%。(1)(1) 宣传范围不够广。",
     "2020年预算批复 70 万元,到位 106.5 万元,支出 36.94 万元,完成率69.23%。(1) 宣传范围不够广。"),
    # the same in a copy printing its signs full-width (％，（）)
    ("预算批复 5050 万元，到位 88.588.5 万元，支出 42.1742.17 万元，完成率84.34％84.34％。（1）（1） 培训场次偏少。",
     "预算批复 50 万元，到位 88.5 万元，支出 42.17 万元，完成率84.34％。（1） 培训场次偏少。"),
], ids=["title-and-header", "bold-cells-in-a-row", "digits-stay", "figures-in-drawing-order",
        "full-width-signs-in-drawing-order"])
def test_what_was_drawn_twice_is_read_once(text, once):
    assert undoubled(text) == once


@pytest.mark.parametrize("text", [
    "工作人员认认真真地完成了各项任务,群众常常称赞。",  # Chinese doubles words on purpose
    "\n".join(_TABLE + ["得分 10 10", "资金总额 1100 万元"]),
    # a run-together table glues equal cells: a target and its actual (100%100%), most figures single
    "验收合格率100%100%得分10,及时率100%100%得分10,满意度95%95%得分10,完成率90%85%得分8,覆盖率98%得分10",
    # (corpus 134) every percentage of the table glued to its equal: still no evidence
    "储备到位率100%100%库存数量真实率100%100%变质比例00及时率100%100%",
    "预算批复 7070 万元,完成 69.23%69.23%。",  # one doubled figure is no evidence
], ids=["words-doubled-on-purpose", "plain-table", "run-together-equal-cells", "run-together-all-equal",
        "one-doubled-figure"])
def test_text_that_shows_no_doubling_is_left_as_it_is(text):
    assert undoubled(text) == text


@pytest.mark.parametrize("bold", ["header", "header-and-levels", "everything"])
def test_a_table_with_bold_drawn_twice_reads_its_indicators(bold):
    rows = [row.split(" ") for row in _TABLE]
    if bold == "everything":
        rows = [[_bold(cell) for cell in row] for row in rows]
    else:
        rows[0] = [_bold(cell) for cell in rows[0]]
        if bold == "header-and-levels":
            rows[1:] = [[_bold(cell) if column < 2 else cell for column, cell in enumerate(row)] for row in rows[1:]]
    text = "\n".join([_bold("某某项目绩效目标表"), *("  ".join(row) for row in rows)])
    document, _ = read_text(text.encode(), "bold.txt")
    assert [(i.level1, i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("产出指标", "数量指标", "改造户数", "≥18户"),
        ("产出指标", "质量指标", "验收合格率", "100%"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"),
    ]
