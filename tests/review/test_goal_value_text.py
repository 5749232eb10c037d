"""Goal and value text on the judged dev documents: slogan goals of any length (JX911), amounts of money that are no
figure of output (JX911, JX905), satisfaction or acceptance targets set too low (JX804) and a government procurement
rate short of 100% (JX913), each checked on the real document where the reviewer flagged it, and on those where the
reviewer let the same wording pass."""

from __future__ import annotations

import pytest

from benchmarks.corpus_score import load_manifest
from jixiao.cli.check_command import check_document
from jixiao.documents import read_path
from jixiao.review import load_profile
from jixiao.scoring import load_profile as load_scoring_profile


def _findings(stem: str, rule: str) -> list:
    """The findings of ``rule`` that ``jixiao check`` reports on the dev corpus document numbered ``stem``."""
    [path] = [entry.path for entry in load_manifest() if entry.split == "dev" and entry.stem.startswith(f"{stem}_")]
    review = check_document(read_path(path), load_profile(), load_scoring_profile()).review
    return [f for f in review.findings if f.rule == rule]


@pytest.mark.parametrize(("stem", "rule", "indicator", "column", "says", "severity"), [
    # 127: 通过项目实施,有力改善人居环境质量,打造村容村貌焕然一新…的良好局面 (52 characters, all aims)
    ("127", "JX911", None, "绩效目标", "通过项目实施,有力改善人居环境质量", "warning"),
    # 011: the programme's definition (针对…,以…为重点人群,面向…,促进…均等化) as the goal, 78 characters; the indicators
    # count nothing either, but a long goal is rewritten by agreement, not returned (graded 良)
    ("011", "JX911", None, "绩效目标", "针对当前城乡居民存在的主要健康问题", "warning"),
    # 238: a report whose indicators count, with a slogan for its goal (遵循…理念,认真贯彻落实…)
    ("238", "JX911", None, "绩效目标", "遵循创新、协调、绿色、开放、共享的发展理念", "warning"),
    # 200: 对…学生发放就学补助, whose only figure is the standard 每生1500元/学期
    ("200", "JX911", None, "绩效目标", "就学补助", "warning"),
    # 227: 申报定向费用补贴金融机构满意度 ≥80%
    ("227", "JX804", "申报定向费用补贴金融机构满意度", "指标值", "≥80%", "info"),
    # 218: 政府采购率 30 (a share whose % was left out), which the law asks to be whole
    ("218", "JX913", "政府采购率", "指标值", "“30”低于100%", "warning"),
    # 140: 文物保护项目验收合格率 ≥86%
    ("140", "JX804", "文物保护项目验收合格率", "指标值", "≥86%", "warning"),
])
def test_goal_and_value_text_reported_where_the_reviewer_flagged_it(stem, rule, indicator, column, says, severity):
    found = _findings(stem, rule)
    assert [(f.indicator, f.location.column, f.severity.value) for f in found] == [(indicator, column, severity)]
    assert says in found[0].message


@pytest.mark.parametrize(("stem", "rule"), [
    # 010: 确保…工资及福利的发放…,确保完成2019年度任务: aims naming the work to do
    ("010", "JX911"),
    # 129: 目标:完成退耕还林政策任务,做好…兑现,…: a task among the aims
    ("129", "JX911"),
    # 227: 支持农村金融组织体系建设,扩大…覆盖面: support and scope, which the reviewer let pass
    ("227", "JX911"),
    # 226: a self-evaluation's approved 满意度 ≥80% is audited against, not set again
    ("226", "JX804"),
    # 004: 验收合格率 >92% and 95%, which the reviewer passed
    ("004", "JX804"),
])
def test_goal_and_value_text_left_alone_where_the_reviewer_passed_it(stem, rule):
    assert _findings(stem, rule) == []
