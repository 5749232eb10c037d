"""The works a project's name promises, held against its indicators (JX949, issue 10 “What to build” item 4: words of
the project name that no indicator covers): reported where no row names the works or what they act on and no output
row counts anything; silent where a row measures the works under another name, where the name promises no works, and
where rows may be missing (a copy cut inside its grid). Each family on the dev case that showed it and on made-up
sheets written otherwise."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document
from jixiao.review.lexicon import works_subject
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]
_SATISFIED = ["满意度指标", "服务对象满意度指标", "受益群众满意度", "", "≥90%", ""]


def _findings(name: str, *rows: tuple[str, str, str]):
    spec = patched(BASE, {"name": name, "title": f"{name}绩效目标表",
                          "rows": [["产出指标", level2, row, "", target, ""] for level2, row, target in rows]
                          + [_SATISFIED]})
    return [(f.indicator, f.location.column, f.severity.value, f.message)
            for f in review_document(build_document(spec), load_profile()).findings if f.rule == "JX949"]


@pytest.mark.parametrize(("name", "thing", "works"), [
    # corpus 151 (Anhui): the place before the river and the stretch in brackets are no part of what is treated
    ("安徽省2023年以工代赈示范工程舒城县舒茶镇清水河(余家河渡槽至346国道段)治理工程", "清水河", "治理"),
    # corpus 105 (Hunan): the year and county before the farmland
    ("岳阳县2022年高标准农田建设项目", "标准农田", "建设"),
    # made up: the works close the name before the money's words
    ("城区路灯亮化改造工程资金", "路灯亮化", "改造"),
])
def test_the_works_and_their_object_are_read_from_the_name(name, thing, works):
    assert works_subject(name) == (thing, works)


@pytest.mark.parametrize("name", ["乡镇维稳经费", "机关运转经费", "国家基本公共卫生服务", None])
def test_a_name_that_promises_no_works_has_none(name):
    assert works_subject(name) is None


@pytest.mark.parametrize(("name", "rows", "said"), [
    # corpus 151 (Anhui): a river treatment scheme measured by the labour pay's share and the money's pace
    ("舒茶镇清水河(余家河渡槽至346国道段)治理工程",
     [("数量指标", "劳务报酬占中央投资比例", "≥32.68%"), ("时效指标", "投资计划分解(转发)用时", "≤20工作日"),
      ("质量指标", "项目开工率", "≥95%")], "“清水河治理”"),
    # made up (Shandong): street lights refitted, rows about acceptance and the schedule only
    ("城区路灯亮化改造工程", [("质量指标", "工程验收合格率", "=100%"), ("时效指标", "项目按期完工率", "=100%")],
     "“路灯亮化改造”"),
])
def test_works_no_row_measures_are_reported_on_the_project_name(name, rows, said):
    found = _findings(name, *rows)
    assert [(indicator, column, severity) for indicator, column, severity, _ in found] == [(None, "项目名称", "warning")]
    assert said in found[0][3]


@pytest.mark.parametrize(("name", "rows"), [
    # a row names the thing (河道) though it counts nothing
    ("舒茶镇清水河治理工程", [("质量指标", "清水河治理工程验收合格率", "=100%")]),
    # the works under another name, counted (corpus 105: farmland works measured by roads and water points built)
    ("岳阳县2022年高标准农田建设项目", [("数量指标", "脱贫村村内道路硬化里程", "≥100公里"), ("质量指标", "项目(工程)验收合格率", "=100%")]),
    # made up: the lamps counted without the name's words
    ("城区路灯亮化改造工程", [("数量指标", "更换LED灯具数量", "≥120盏")]),
    # a name that promises no works: whatever the rows, nothing to look for
    ("机关运转经费", [("质量指标", "资金使用合规率", "=100%")]),
])
def test_works_a_row_measures_or_no_works_promised_stay_silent(name, rows):
    assert _findings(name, *rows) == []


# corpus 286's form (Sichuan, `cell |` rows), cut in its second row: the works may be counted in the rows lost
_HEAD = ("项目支出绩效目标表 |", "项目名称 | 清水河治理工程 | |", "年度目标 | 完成清水河治理 | |",
         "一级指标 | 二级指标 | 三级指标 | 指标值 |", "产出指标 | 质量指标 | 劳务报酬占中央投资比例 | ≥32.68% |")


def _read(*rows: str):
    document = read_bytes("\n".join((*_HEAD, *rows)).encode(), "目标表.txt")
    return document, [f.rule for f in review_document(document, load_profile()).findings if f.rule == "JX949"]


def test_a_copy_cut_inside_its_grid_is_not_said_to_leave_the_works_unmeasured():
    cut, found = _read("产出指标 | 数量指标 | 治理河")
    assert {d.code for d in cut.diagnostics} & {"P114", "P119", "P120", "P124"}  # the reader's word: cut
    assert found == []
    whole, found = _read("满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |")
    assert not {d.code for d in whole.diagnostics} & {"P114", "P119", "P120", "P124"}
    assert found == ["JX949"]
