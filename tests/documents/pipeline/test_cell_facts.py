"""The facts of a line outside the tables (:mod:`jixiao.documents.pipeline.cell_facts`): each question of the report
it stands in answered once per text, as the single questions answer it, and kept for the next file."""

from __future__ import annotations

import dataclasses

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.cell_facts import CellFacts, cell_facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("XX补助资金2022年度绩效自评报告", CellFacts(True, 2022, "XX补助资金", None, None, None, frozenset(), None)),
        ("某县2025年XX培训项目绩效目标设定", CellFacts(False, 2025, "某县2025年XX培训项目", None, None, None, frozenset(), None)),
        (
            "2019年XX资助补助资金项目由某职业技术学院实施完成",
            CellFacts(False, None, "2019年XX资助补助资金项目", None, None, None, frozenset(), None),
        ),
        ("一、XX救灾资金(租机补助经费)", CellFacts(False, None, None, "XX救灾资金(租机补助经费)", None, None, frozenset(), None)),
        (
            "参保城乡居民健康体检经费项目绩效目标",
            CellFacts(False, None, None, None, "参保城乡居民健康体检经费项目", None, frozenset(), None),
        ),
        ("(二)项目绩效目标", CellFacts(False, None, None, None, None, "", frozenset(), None)),
        ("项目名称", CellFacts(False, None, None, None, None, None, frozenset(), None)),
        ("现将2022年XX资金397万元下达你单位", CellFacts(False, None, None, None, None, None, frozenset({2022}), None)),
        ("发布时间：2025-02-06", CellFacts(False, None, None, None, None, None, frozenset(), 2025)),
    ],
)
def test_a_lines_facts_are_what_its_questions_answer(text, facts):
    assert cell_facts(text) == facts


def test_the_facts_are_one_immutable_object_per_text_kept_for_the_next_file():
    text = "2025年度部门项目绩效目标表\n项目名称\n某项目补助资金\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥100人\n"
    read_text(text.encode(), "first.txt")
    before = cell_facts.cache_info()
    read_text(text.encode(), "second.txt")
    after = cell_facts.cache_info()
    assert after.misses == before.misses and after.hits > before.hits
    with pytest.raises(dataclasses.FrozenInstanceError):
        cell_facts("项目名称").year = 2025  # type: ignore[misc]
