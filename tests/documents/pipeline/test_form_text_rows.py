"""The form's own text read into the name column is no indicator (issue 9): the score sheet's rule for scoring printed
under a row (corpus 206) and the heading of the value columns over one column per district (corpus 180) are set aside
with their place (P108), and their cells are accounted for there."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text


def read(text: str):
    return read_text(text.encode(), "case.txt")


def test_the_rule_for_scoring_under_a_row_is_set_aside():
    document, accounting = read("\n".join((
        "项目名称:文化馆免费开放",
        "一级指标 二级指标 三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法",
        "产出指标 数量指标 全年免费开放 100% 100% 12.5 12.5",
        "定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。",
        "定性指标计算:根据“三档”原则分别按照指标分值的100-80%(含80%)、80-50%(含50%)、50-0%来记分。",
        "-",
        "质量指标 免费开放管理制度健全、执行有效性 100% 100% 12.5 12.5",
        "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10 10")))
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert names == ["全年免费开放", "免费开放管理制度健全、执行有效性", "群众满意度"]
    [rule] = [d for d in document.diagnostics if d.code == "P108" and "记满分" in d.message]
    assert rule.location.line == 4
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def test_the_value_columns_heading_read_as_a_row_is_set_aside():
    document, accounting = read(
        "绩效目标表(2023年度)部门(单位)名称龙岩市民族与宗教事务局部门预算编码230001项目名称宗教管理经费补助"
        "区域新罗区、永定区、上杭县资金情况(万元)资金总额:30其中:财政拨款30其他资金总体目标为推进宗教活动场所规范化管理,"
        "提升我市宗教工作管理水平,绩效指标一级指标二级指标三级指标指标解释区域目标值新罗区永定区上杭县"
        "产出指标数量指标宗教管理经费补助县(市、区)数量反映宗教管理经费补助县(市、区)数量情况231"
        "质量指标项目资金使用合规性反映项目资金使用合规情况>=95%>=95%>=95%")
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert not any(name.startswith("区域目标值") for name in names) and names
    assert any(d.code == "P108" and "区域目标值新罗区永定区上杭县" in d.message for d in document.diagnostics)
    assert accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome
