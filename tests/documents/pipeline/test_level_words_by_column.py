"""Level words read by where they stand:

- a short word that names a level 1 and a level 2 alike (满意度) standing in a piped row's 二级指标 column, its 一级指标
  cell merged away (corpus 219, an OCR'd 目标值/完成值 table: ``| 满意度 | 参培学员满意度 | 95%及以上 | 88.32%及以上 |``
  under 效益指标), is the row's level 2, not a level 1 of its own; a level 1 written in full, or a row as wide as the
  header, keeps its level 1;
- in a table run together on one line whose template numbers its names (指标1, 指标2), a short level name run onto its
  row's numbering (生态效益 | 指标1病害减少…, read as 生态效益指标 | 1病害减少…) gives the numbering's 指标 back to the
  name (corpus 106)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import segment

_PIPED = (
    "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
    "产出指标 | 产出数量 | 完成护工培训任务 | 12500名 | 12166名 |\n"
    "效益指标 | 社会效益 | 参训学员就业率 | 60%及以上 | 53.53% |\n"
    "| 可持续影响 | 巩固脱贫攻坚成果 | 有效巩固 | 有效巩固 |\n"
    "| 满意度 | 参培学员满意度 | 95%及以上 | 88.32%及以上 |\n"
)


def _indicators(text: str):
    return [indicator for sheet in read_text(text.encode(), "case.txt")[0].sheets for indicator in sheet.indicators]


def test_a_satisfaction_word_in_the_level2_column_is_the_rows_level2():
    last = _indicators(_PIPED)[-1]
    assert (last.level2, last.level2_raw, last.name) == ("服务对象满意度指标", "满意度", "参培学员满意度")
    assert (last.target.operator, last.target.value, last.target.unit) == ("≥", 95, "%")


_HEADER = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训人数 | ≥100人 |\n"


@pytest.mark.parametrize(("row", "levels"), [
    # 满意度指标 opens the row, a level-2 name after it: the row's own levels, as the form prints them
    ("满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% |", ("满意度指标", "满意度指标", "服务对象满意度指标")),
    # the row is as wide as the header: 满意度 stands in the 一级指标 column, 服务对象满意度 in the 二级指标 one
    ("满意度 | 服务对象满意度 | 学员满意度 | ≥95% |", ("满意度指标", "满意度", "服务对象满意度指标")),
    # a hand-typed table: 满意度指标 in full opens the row, its level-2 cell left out (reported, not guessed)
    ("| 满意度指标 | 学员满意度 | ≥95% |", ("满意度指标", "满意度指标", None)),
])
def test_a_level1_at_the_rows_start_stays_the_level1(row, levels):
    last = _indicators(_HEADER + row + "\n")[-1]
    assert (last.level1, last.level1_raw, last.level2, last.name) == (*levels, "学员满意度")


# corpus 106 (an OCR'd 绩效目标自评表 run together on one line, its names numbered 指标1, 指标2 by the template): the
# short level name 生态效益 ran onto its row's 指标1, which reads as the full level name 生态效益指标 and a name
# opening with 1
_NUMBERED_RUN = ("一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施效益指标(40分)社会效益指标"
                 "指标1一级种薯推广面积占总面积比例880%^80%8生态效益指标1病害减少,防治病虫害使用的化学农药量较上年减少"
                 "82%2%8可持续影响指标")


def test_a_short_level_name_run_onto_the_numbering_gives_the_numbering_back_to_the_name():
    pieces = segment(_NUMBERED_RUN)
    assert pieces is not None
    at = pieces.index("生态效益")
    assert pieces[at + 1] == "指标1病害减少,防治病虫害使用的化学农药量较上年减少"
    last = _indicators(_NUMBERED_RUN)[-1]
    assert (last.level2, last.name) == ("生态效益指标", "病害减少,防治病虫害使用的化学农药量较上年减少")


def test_a_figure_after_a_level_name_is_no_numbering_where_the_template_numbers_no_name():
    # (corpus 136: 时效指标 then its row's deadline 12月底之前完成, no name numbered 指标1 anywhere)
    pieces = segment("二级指标三级指标年初目标值(A)实际完成值(B)得分数量指标补贴渔船数6620质量指标渔船补贴发放率100%100%10"
                     "时效指标12月底之前完成10")
    assert pieces is not None and "时效指标" in pieces and not any(piece.startswith("指标12") for piece in pieces)


# a monitoring form (corpus 016's family): no 二级指标 column, its 指标名称 column printing the level-2 names in short
# (时效 alone on a row with no indicator), and 成本, a level 1 since 2021, among them
_MONITOR = ("项目名称 | 文物保护经费 | |||||\n"
            "绩效指标 | 一级 指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 | 备注 |\n"
            "产 出 指 标 |\n"
            "时效 | ||||||\n"
            "成本 | 年度预算80万元 | 按进度执行,已使用约60% | 确定能 | |||\n"
            "效 益 指 标 |\n"
            "社会效益 | 开展遗址保护研究、对外宣传等工作,推动申报工作。 | 确定能 | |||\n")


def test_a_level2_word_in_the_name_column_of_a_monitoring_form_is_the_rows_name_and_level2():
    document = read_text(_MONITOR.encode(), "case.txt")[0]
    cost, social = document.sheets[0].indicators
    # 成本 is the row's name and level 2 under 产出指标, not a new group whose name is the target
    assert (cost.level1, cost.level2, cost.name, cost.target.raw) == ("产出指标", "成本指标", "成本", "年度预算80万元")
    # the execution cell after the target keeps its figure (not split as a name and its target)
    assert cost.extra == {"半年度指标执行情况": "按进度执行,已使用约60%", "完成目标可能性": "确定能"}
    assert (social.level1, social.level2, social.name) == ("效益指标", "社会效益指标", "社会效益")
    guesses = [(d.location.line, d.params["name"], d.params["level2"]) for d in document.diagnostics if d.code == "P184"]
    # (a row stands where its first cell does: 社会效益's on the line of the 效 益 指 标 it opens with)
    assert guesses == [(5, "成本", "成本指标"), (6, "社会效益", "社会效益指标")]


def test_without_a_level2_word_alone_above_a_name_column_keeps_its_own_reading():
    # no row above shows the name column holding level-2 names: 社会效益 is the indicator's own name, with no level 2
    text = _MONITOR.replace("时效 | ||||||\n", "").replace("成本 | 年度预算80万元 | 按进度执行,已使用约60% | 确定能 | |||\n",
                                                              "文物巡查次数 | 12次 | 6次 | 确定能 | |||\n")
    document = read_text(text.encode(), "case.txt")[0]
    social = document.sheets[0].indicators[-1]
    assert (social.level2, social.name) == (None, "社会效益")
    assert not [d for d in document.diagnostics if d.code == "P184"]


def test_level2_names_a_copy_ran_together_are_no_indicator_and_show_the_name_column_holds_levels():
    # the TAB copy of the monitoring form: the level-2 names alone on their rows (质量, 时效) ran into one row, read
    # as 质量 | 时效 (a name and its target) before; they head the rows below, and 成本 is a name as in the piped copy
    text = ("项目名称\t文物保护经费\n"
            "绩效指标\t一级 指标\t指标名称\t指标值\t半年度指标执行情况\t完成目标可能性\t备注\n"
            "产 出 指 标\n质量\n时效\n"
            "成本\t年度预算80万元\t按进度执行,已使用约60%\t确定能\n")
    document = read_text(text.encode(), "case.txt")[0]
    (cost,) = document.sheets[0].indicators
    assert (cost.level1, cost.level2, cost.name, cost.target.raw) == ("产出指标", "成本指标", "成本", "年度预算80万元")
    assert [d.location.line for d in document.diagnostics if d.code == "P184"] == [6]


@pytest.mark.parametrize("level2", ["成本指标", "成本"])
def test_the_older_frameworks_short_name_after_its_level2_is_the_rows_name(level2):
    # (a monitoring form's row: 产出指标 | 成本指标 | 成本 | …; the 2021 framework's level 1 成本指标 is followed by
    # 经济成本指标 and the like, never by the short name of a level 2 under 产出指标)
    # (corpus 016's form, its 备注 left blank)
    (row,) = _indicators("一级指标 | 二级指标 | 指标名称 | 指标值 | 半年度指标执行情况 | 完成目标可能性 | 备注 |\n"
                         f"产出指标 | {level2} | 成本 | 年度预算220万元 | 按进度执行,已使用约40% | 不可能 | |\n")
    assert (row.level1, row.level2, row.name, row.target.raw) == ("产出指标", "成本指标", "成本", "年度预算220万元")
