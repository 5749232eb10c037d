"""The family figures are pinned: dev goldens written in the forms of the families the reader generalises worst to
(prose, one cell a line, Traditional characters) must not read worse.

``family_pins.json`` holds, per form of ``benchmarks/family_variants.py``, the indicators read right (and the
achieved values, for the report form) of a fixed set of dev goldens written in it. A change that lowers a figure
fails; one that raises it fails asking to record it:

    JIXIAO_UPDATE_PINS=1 .venv/bin/pytest tests/corpus/test_family_variant_figures.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks.family_variants import FORMS, Item, dev_goldens, family_figures, golden_items, written

PINS = Path(__file__).with_name("family_pins.json")
# dev goldens of the families in their several shapes: notices in prose (019, 202), a department's prose goals (114),
# goal grids (105, 141, 154), self-evaluations with what was achieved (036, 179, 188, 205, 219), Traditional (015)
DOCUMENTS = ["015", "019", "036", "105", "114", "141", "154", "179", "188", "202", "205", "219"]


@pytest.fixture(scope="module")
def figures() -> dict:
    return {name: result.figures() for name, result in family_figures(dev_goldens(DOCUMENTS)).items()}


def test_family_figures_do_not_get_worse(figures):
    if os.environ.get("JIXIAO_UPDATE_PINS") == "1" or not PINS.exists():
        PINS.write_text(json.dumps(figures, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    worse = [f"{name} {kind}: {pinned[name][kind]} -> {now[kind]}" for name, now in figures.items() if name in pinned
             for kind in ("right", "actual") if now[kind] < pinned[name].get(kind, 0)]
    assert not worse, "jixiao reads the family forms worse than pinned:\n" + "\n".join(worse)
    assert figures == pinned, "the family figures changed (better or new); record them with JIXIAO_UPDATE_PINS=1"


_GOLDEN = {"sheets": [{"name": "某培训项目", "indicators": [
    {"level1": None, "level2": "数量指标", "name": "培训人次", "operator": "≥", "value": "500", "unit": "人次", "actual": "520人次"},
    {"level1": "产出指标", "level2": "时效指标", "name": "完成时限", "operator": None, "value": "2023年12月底前", "unit": None},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "教学秩序", "operator": None, "value": "良好", "unit": None},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "工程完工率", "operator": None, "value": "100", "unit": None},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "群众满意度", "operator": "≥", "value": "90", "unit": "%"}]}]}


def _form(name: str) -> list[str]:
    return FORMS[name](_GOLDEN, golden_items(_GOLDEN)).split("\n")


def test_the_items_are_the_indicators_prose_can_say_with_their_level1_from_their_level2():
    items = golden_items(_GOLDEN)
    # (a bare figure after a name says nothing a reader can place: 工程完工率100)
    assert [item.name for item in items] == ["培训人次", "完成时限", "教学秩序", "群众满意度"]
    assert items[0] == Item("产出指标", "数量指标", "培训人次", "≥", "500", "人次", "520人次")
    assert written(_GOLDEN, items)["sheets"][0]["indicators"][0]["actual"] is None
    assert written(_GOLDEN, items, achieved=True)["sheets"][0]["indicators"][0]["actual"] == "520人次"


def test_the_prose_forms_say_each_group_under_its_levels():
    assert _form("prose_sentences")[2:] == ["一、产出指标", "数量指标：培训人次≥500人次。", "时效指标：完成时限，2023年12月底前。",
                                            "二、效益指标", "社会效益指标：教学秩序，良好。", "三、满意度指标",
                                            "服务对象满意度指标：群众满意度≥90%。"]
    assert _form("prose_headed_lines")[2:5] == ["一、产出指标", "（一）数量指标", "培训人次≥500人次；"]
    assert _form("prose_phrases")[3] == "数量指标：培训人次不低于500人次。"
    assert _form("several_in_a_cell")[2] == "| 产出指标 | 数量指标 | 1.培训人次≥500人次 |"
    assert _form("selfeval_prose")[3] == "数量指标。培训人次年度指标值≥500人次，实际完成值520人次。"


def test_the_one_cell_a_line_forms_leave_merged_levels_out_and_blank_lines_between():
    assert _form("cell_lines")[5:9] == ["产出指标", "数量指标", "培训人次", "≥500人次"]
    merged = _form("cell_lines_merged")
    assert merged[9:12] == ["时效指标", "完成时限", "2023年12月底前"]  # (产出指标 written once)
    assert _form("cell_lines_blank_merged")[1] == ""


def test_the_traditional_forms_convert_the_simplified_ones():
    assert _form("prose_sentences_tw")[3] == "數量指標：培訓人次≥500人次。"
    assert "指標(biāo)" in "".join(_form("several_in_a_cell_pinyin"))
