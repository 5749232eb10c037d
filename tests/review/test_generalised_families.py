"""Families of false findings seen on the dev documents judged before jixiao's findings on them were looked at (the
review figures that predict unseen ones): each family is checked on the dev line that showed it and on rewordings of
it, so that the rule's logic, not one document's words, is what passes; a near line that must still be reported
keeps the rule honest."""

from __future__ import annotations

import pytest

from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def _findings(rule: str, row: list[str], kind: str | None = None):
    patch = {"add_rows": [row]} | ({"kind": kind} if kind else {})
    document = build_document(patched(BASE, patch))
    return [(f.indicator, f.location.column) for f in review_document(document, load_profile()).findings
            if f.rule == rule]


# A clause opening on a negation (无…损失, 杜绝…事故) asks for the thing to be absent: a state kept, whose share may be
# set as a floor; a cost weighed against the work (…的匹配程度) is a match wanted high. Neither must fall (JX401).
@pytest.mark.parametrize(("name", "target", "reported"), [
    ("资产管理安全性、利用率无资产损失、利用率", "高于80%", False),  # corpus 179
    ("公共设施无安全事故", "≥95%", False),
    ("杜绝重大安全事故", "≥95%", False),
    ("实际成本与工作内容的匹配程度", "≥90%", False),  # corpus 206, written as a share
    ("资产损失率", "≥80%", True),  # the loss itself still falls
    ("无人机故障率", "≥5%", True),  # 无人机 is a drone, no negation
])
def test_a_negated_or_weighed_reverse_word_is_no_reverse_indicator(name, target, reported):
    row = ["效益指标", "社会效益指标", name, "", target, "计划标准：工作方案"]
    assert _findings("JX401", row) == ([(name, "指标值")] if reported else [])


# A thing's running (台站正常运行) is a state whose share is measured; only after a verb of aim is it a slogan (JX912).
@pytest.mark.parametrize(("name", "reported"), [
    ("台站正常运行", False),  # corpus 237
    ("监测设备正常运转", False),
    ("保障村社区正常运转", True),  # corpus 003
    ("确保日常工作正常运行", True),  # corpus 010
    ("经济、环境等方面可持续发展", True),  # corpus 003: a state of society
])
def test_a_thing_running_is_a_state_not_a_slogan(name, reported):
    row = ["效益指标", "社会效益指标", name, "", "100%", "计划标准：工作方案"]
    assert _findings("JX912", row) == ([(name, "三级指标")] if reported else [])


# A report keeps the level names of the goals approved before it: an old name it understands (环境效益) is not written
# anew there; one it cannot place (进度指标) is reported wherever it stands (JX506).
@pytest.mark.parametrize(("level1", "level2", "kind", "reported"), [
    ("效益指标", "环境效益", "self-eval", False),  # corpus 212
    ("效益指标", "环境效益指标", "monitor", False),
    ("效益值", "生态效益值", "self-eval", False),
    ("效益指标", "环境效益指标", None, True),  # corpus 114, a goal table
    ("产出指标", "进度指标", "self-eval", True),  # corpus 015
])
def test_a_report_keeps_the_understood_level_names_it_was_approved_with(level1, level2, kind, reported):
    row = [level1, level2, "学校绿化覆盖率", "", "≥70%", "计划标准：工作方案"]
    assert bool(_findings("JX506", row, kind)) is reported


# A time limit run from an event (培训结束后及时考核, 验收合格后30日内) is a deadline told in words: its figure says which
# events or how many days, not a count of the work, and the words are the target, not prose beside it (JX203, JX205,
# JX311). A timeliness answered only 按时, or counted in 次, still is reported.
@pytest.mark.parametrize(("name", "target", "reported"), [
    ("考核任务完成及时", "1-6期培训结束后及时考核", set()),  # corpus 219
    ("补助资金按时拨付", "验收合格后30日内拨付", set()),
    ("申请办理及时", "收到申请后5个工作日内办结", set()),
    ("补助资金按时拨付", "按时拨付", {"JX205"}),
    ("补助按时发放", "=1次", {"JX311"}),
])
def test_a_deadline_run_from_an_event_is_a_time_limit(name, target, reported):
    row = ["产出指标", "时效指标", name, "", target, "计划标准：工作方案"]
    found = {rule for rule in ("JX203", "JX205", "JX311") if _findings(rule, row, "self-eval") + _findings(rule, row)}
    assert found == reported


# Words closing on a unit's bracket in the 指标值 cell are another row's name read into it (corpus 219's serial-column
# copy: 培训补助标准(元/人) | 就业奖补标准(元/人)); the row was read off its cells, not answered in words (JX205).
@pytest.mark.parametrize(("target", "reported"), [
    ("就业奖补标准(元/人)", False),
    ("新一轮退耕还林补助面积(万亩)", False),
    ("明显提升", True),
])
def test_a_name_in_the_value_cell_is_no_answer_in_words(target, reported):
    row = ["产出指标", "数量指标", "培训合格人数", "", target, "计划标准：工作方案"]
    assert _findings("JX205", row) == ([("培训合格人数", "指标值")] if reported else [])
