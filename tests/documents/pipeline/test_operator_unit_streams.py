"""One cell per line under separate operator and unit columns (指标性质 | 指标值 | 度量单位): an HTML table copied as
text drops its empty cells, so a row whose target is written whole (``280人次``, ``100%``) prints no operator and no
unit cell and rows hold different counts of cells. Each row is cut where its cells say it opens (a name before its
figures), not by the heading's width. Rows are those of dev corpus documents 146 (a goal table) and 125 (a
self-evaluation with points and what was achieved), their targets split into the columns as the Sichuan 2023 form
prints them."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")[0]


def rows(document) -> dict[str, tuple]:
    return {i.name: (i.level2, i.target.operator, i.target.raw, i.target.unit, i.extra.get("全年实际值"))
            for sheet in document.sheets for i in sheet.indicators}


GOAL = (
    "项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
    "产出指标", "数量指标", "主体班培训人次", "280人次", "邀请校外名师、领导授课人次", "25人次",
    "情景教学或外训批次", "6次", "理论教育和党性教育课时比例", "70%",
    "质量指标", "培训完成率", "100%", "课程数量达标率", "≥", "95", "%", "情景教学或外训完成率", "100%",
    "满意度指标", "服务对象满意度指标", "培训学员对培训效果满意度", "≥", "95", "%",
)
SELF_EVALUATION = (
    "绩效目标自评表", "一级指标", "二级指标", "三级指标", "分值", "指标性质", "年度指标值", "度量单位", "全年实际值",
    "得分", "产出指标", "数量指标", "★补助鱼塘面积", "10", "3亩", "3亩", "10", "其中鱼塘养殖面积", "3亩", "3亩",
    "★补助家畜家禽养殖数量", "10", "≥", "192", "只", "192只", "10", "其中羊养殖数量", "180只", "180只",
    "效益指标", "经济效益指标", "特色产业带动增加受益农户收入", "20", "≥", "11.376", "万元", "12万元", "20",
)


@pytest.mark.parametrize(("lines", "expected"), [
    (GOAL, {
        "主体班培训人次": ("数量指标", None, "280人次", "人次", None),
        "邀请校外名师、领导授课人次": ("数量指标", None, "25人次", "人次", None),
        "情景教学或外训批次": ("数量指标", None, "6次", "次", None),
        "理论教育和党性教育课时比例": ("数量指标", None, "70%", "%", None),
        "培训完成率": ("质量指标", None, "100%", "%", None),
        "课程数量达标率": ("质量指标", "≥", "95", "%", None),
        "情景教学或外训完成率": ("质量指标", None, "100%", "%", None),
        "培训学员对培训效果满意度": ("服务对象满意度指标", "≥", "95", "%", None),
    }),
    (SELF_EVALUATION, {
        "补助鱼塘面积": ("数量指标", None, "3亩", "亩", "3亩"),
        "其中鱼塘养殖面积": ("数量指标", None, "3亩", "亩", "3亩"),
        "补助家畜家禽养殖数量": ("数量指标", "≥", "192", "只", "192只"),
        "其中羊养殖数量": ("数量指标", None, "180只", "只", "180只"),
        "特色产业带动增加受益农户收入": ("经济效益指标", "≥", "11.376", "万元", "12万元"),
    }),
], ids=["goal", "self-evaluation"])
def test_rows_missing_their_operator_and_unit_cells_are_cut_by_what_their_cells_hold(lines, expected):
    assert rows(read(*lines)) == expected
