"""The audit of tables that break a scored row into parts: Anhui's ★ core rows that print only their 分值 and 得分
over unscored parts (corpus 225), and numbered rows scored again in their parts (corpus 229). Each case checks
which rule fired, on which row and with what figures."""

from __future__ import annotations

import pytest

from jixiao.scoring import load_profile
from jixiao.scoring.audit import audit_sheet, recompute
from tests.scoring.audit_sheets import LONGYANG, printed
from tests.scoring.said import blank, said, shortfall

CENTRAL, HUBEI = load_profile("central"), load_profile("hubei")


def _guessed(sheet):
    """The sheet with every row's columns inferred, as the reader gives a space-separated table (corpus 225, 229)."""
    for row in sheet.indicators:
        row.confidence = 0.8
    return sheet


# 225 (萧县杨楼镇 杨楼社区特色种养殖补贴到户 2023, space-separated, cut in the first 质量指标 row): each ★ core row
# prints only 分值 and 得分; the rows under it give the 指标值 and 全年实际值 part by part, with no 分值 or 得分.
YANGLOU = [("产出指标", "数量指标", "★补助各类粮食作物种植面积", "", "", 10, 10),
           ("产出指标", "数量指标", "红薯种植面积", "5.5亩", "5.5亩", None, None),
           ("产出指标", "数量指标", "★补助各类瓜果蔬菜种植面积", "", "", 10, 10),
           ("产出指标", "数量指标", "梨树种植面积", "6亩", "6亩", None, None),
           ("产出指标", "数量指标", "桃种植面积", "1亩", "1亩", None, None),
           ("产出指标", "数量指标", "★补助家畜家禽养殖数量", "", "", 10, 10),
           ("产出指标", "数量指标", "猪养殖数量", "80头", "80头", None, None),
           ("产出指标", "数量指标", "羊养殖数量", "283只", "283只", None, None),
           ("产出指标", "质量指标", "★种植作物成活率", "", "", 10, 9)]


@pytest.mark.parametrize("guessed", [False, True])
def test_parts_under_a_heading_row_are_not_reported_blank(guessed):
    sheet = printed(YANGLOU, budget="8.408", spent="8.408", rate=100, execution_weight=10, execution_score=10, cut=True)
    sheet = _guessed(sheet) if guessed else sheet
    found = audit_sheet(sheet, CENTRAL)
    # no blank 分值/得分 on the parts, no blank 实际完成值 on their headings (JXA12, JXA13); the last ★ row, whose parts
    # and 偏差原因 the cut took, asks for no reason (JXA10); every part is its target again (JXA25, said once)
    assert [(f.rule, f.indicator) for f in found] == [("JXA25", None)]
    computed = recompute(sheet, CENTRAL)
    parts = [item.name for item in computed.indicators if computed.is_part(item)]
    heads = [item.name for item in computed.indicators if item.indicator in computed.heads]
    assert parts == ["红薯种植面积", "梨树种植面积", "桃种植面积", "猪养殖数量", "羊养殖数量"]
    assert heads == ["★补助各类粮食作物种植面积", "★补助各类瓜果蔬菜种植面积", "★补助家畜家禽养殖数量"]


def test_a_scored_row_without_figures_and_without_parts_is_still_reported():
    # the ★ row followed by another scored row: nothing carries its figures, its blank 实际完成值 is the unit's
    rows = [("产出指标", "数量指标", "★补助各类粮食作物种植面积", "", "", 10, 10),
            ("产出指标", "数量指标", "红薯种植面积", "5.5亩", "5.5亩", 80, 80)]
    sheet = printed(rows, budget=10, spent=10, rate=100, execution_weight=10, execution_score=10)
    found = [(f.rule, f.indicator, f.location.row, blank(f)) for f in audit_sheet(sheet, CENTRAL)
             if f.rule == "JXA12"]
    assert found == [("JXA12", "★补助各类粮食作物种植面积", 11, "实际完成值")]


@pytest.mark.parametrize(("last", "reported"), [
    # 225: the copy stops after the ★ row's 分值 and 得分: its parts and 偏差原因 may be past the cut
    (("产出指标", "质量指标", "★种植作物成活率", "", "", 10, 9), []),
    # 170 (翟店镇卫生院 2021): the last row read whole (24694人 of 22584人, 1.7 of 2), the copy stopping in the next:
    # its blank 偏差原因 is the document's
    (("产出指标", "数量指标", "家庭医生签约率", "24694人", "22584人", 2, "1.7"),
     [("家庭医生签约率", "实际完成 22584人，未达到年度指标值 24694人")]),
])
def test_the_row_a_copy_stops_in_asks_for_a_reason_only_when_read_whole(last, reported):
    rows = [("产出指标", "数量指标", "建立预防接种证", "221人", "221人", 2, 2), last]
    sheet = printed(rows, budget=10, spent=10, rate=100, execution_weight=10, execution_score=10, cut=True)
    found = [(f.indicator, shortfall(f)) for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA10"]
    assert found == reported


@pytest.mark.parametrize("profile", [CENTRAL, HUBEI])
def test_a_numbered_row_scored_again_in_its_parts(profile):
    sheet = printed(LONGYANG, budget="278.4449", spent=30, rate="10.77", execution_weight=20, execution_score="2.16",
                    cut=True)
    found = [(f.indicator, f.location.row, f.location.column, f.severity.value, f.params["score"], f.params["count"])
             for f in audit_sheet(sheet, profile) if f.rule == "JXA27"]
    # 15 = 5 + 5 + 5 and 15 = 5 + 5 + 3 + 2; 三、 has no parts, 四、's 5 is not 10 + 10 (the rows after it)
    assert found == [("一、示范区建立", 11, "得分", "error", "15", "3"),
                     ("二、化肥减量增效田间试验", 15, "得分", "error", "15", "4")]
    (first, _) = [f for f in audit_sheet(sheet, profile) if f.rule == "JXA27"]
    assert said(first, "分项（", "）得分之和") == "水稻侧深施肥+缓控释肥 5、玉米种肥同播+缓控释肥 5、施用配方肥 5"
    assert (first.params["name_1"], first.params["score_1"]) == ("水稻侧深施肥+缓控释肥", "5")  # data, not wording


@pytest.mark.parametrize(("scores", "reported"), [
    ((15, 5, 5, 5), True),
    ((15, 5, 5, 4), False),  # the parts add up to 14: separate rows, not a breakdown scored twice
    ((15, 15, None, None), False),  # a single part
    ((15, 5, 5, None), False),  # a part without a score: no sum to compare
])
def test_parts_are_taken_as_scored_twice_only_when_they_add_up_exactly(scores, reported):
    names = ("(一)示范区建立", "水稻", "玉米", "配方肥")
    rows = [("产出指标", "数量指标", name, "≥5亩", "5亩", None, score) for name, score in zip(names, scores)
            if score is not None]
    sheet = printed(rows, budget=10, spent=10, rate=100, execution_weight=10, execution_score=10)
    assert [f.indicator for f in audit_sheet(sheet, CENTRAL) if f.rule == "JXA27"] == (
        ["(一)示范区建立"] if reported else [])
