"""A goal form that prints no indicator grid (corpus 280: Wuhu's 预算项目支出绩效目标申报明细表, its 预期目标 inside the
项目绩效目标 cell): a goal read whole, ending on its full stop, is reviewed like any other (JX911); a copy cut inside
its goal leaves a fragment that is not (corpus 174)."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

_HEAD = (
    "2019年度芜湖市特殊人群病种筛查经费预算项目支出绩效目标申报明细表",
    "(2019年度)",
    "项目名称 特殊人群病种筛查经费",
    "项目总预算(万元) 75.00      项目当年预算(万元) 25.00",
)


def _goal_findings(goal: str):
    text = "\n".join(
        (
            *_HEAD,
            f"项目绩效目标(含项目概况、设立依据、必要性及预期目标) 项目概况:用于开展特殊人群病种筛查工作。"
            f"                预期目标:{goal}",
        )
    )
    document = read_bytes(text.encode(), "申报明细表.txt")
    assert "P101" in [d.code for d in document.diagnostics]  # the reader's word: no grid
    return [f for f in review_document(document, load_profile()).findings if f.rule == "JX911"]


def test_a_whole_goal_without_any_figure_is_reported_on_a_sheet_without_a_grid():
    goal = "贯彻落实党中央、国务院和省政府关于特殊人群疾病防治工作决策和部署,依法做好防控工作。"
    (finding,) = _goal_findings(goal)
    assert finding.location.column == "绩效目标" and finding.severity.value == "warning"
    assert "贯彻落实党中央、国务院和省政府关于特殊人群疾病防治工作决策和部署" in finding.message


@pytest.mark.parametrize(
    "goal",
    [
        "为农村困难残疾人进行实",  # cut inside a word (174)
        "全年筛查特殊人群1200人次,阳性病例随访管理率100%。",  # quantified
    ],
)
def test_a_fragment_or_a_quantified_goal_is_not_reported(goal):
    assert _goal_findings(goal) == []
