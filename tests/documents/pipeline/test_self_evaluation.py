"""Family 10 of the corpus (../shared/corpus/README.md): self-evaluation and monitoring tables, whose printed
figures (年初预算数, 执行数, 执行率, 分值, 得分, 实际完成值, the claimed total) go to the sheet's records, the input of
the audit of self-evaluations. Compact made-up cases."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def test_a_section_points_figure_where_the_score_heading_stands_heads_the_score_column():
    # one cell per line: the heading row ends with the section's points (50) where 得分 would stand
    text = "\n\n".join(["某项目绩效自评表", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "50",
                        "产出指标", "质量指标", "指标1:人员培训", "已完成", "已完成", "5",
                        "指标2:案件查办率", "100%", "98%", "4"])
    sheet = read(text).sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [("人员培训", "已完成"), ("案件查办率", "100%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("已完成", Decimal(5)), ("98%", Decimal(4))]
