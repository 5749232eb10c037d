"""A self-evaluation's money table whose headings carry their unit (年初预算数（万元） | 全年预算数（万元） | 全年执行数（万元）,
as many provinces' forms print it): a money word with its unit heads its own column, in every text layout and in a
Word or Excel grid, while a unit or a category alone (（万元）, 资金情况（万元）, 预算执行情况) stays the heading of a
group over its parts. Made-up forms (``tests/documents/selfeval_forms.py``); each case checks the money the sheet's
evaluation record holds (what the audit recomputes) and the unit the headings state."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_bytes
from jixiao.documents.interpret.sheet_builder import money_key
from jixiao.model import MoneyUnit
from tests.documents.office_files import LEFT, docx_file, xlsx_file
from tests.documents.selfeval_forms import LAYOUTS, form, read_form


def _money(evaluation) -> tuple:
    return (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
            evaluation.execution_weight, evaluation.execution_score)


_WAN = (Decimal(100), Decimal(120), Decimal(110), Decimal("91.67"), Decimal(10), Decimal("9.17"))
_FIGURES = ["年度资金总额", "100", "120", "110", "10", "91.67%", "9.17"]

# (money rows, what is read, the unit the sheet states)
_CASES = {
    # a Sichuan-style form: each amount's heading with its unit, full-width brackets
    "万元 in each heading": ([["项目资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率",
                             "得分"], _FIGURES], _WAN, MoneyUnit.WAN_YUAN),
    # ASCII brackets, the row's label cell left empty
    "(万元), no label": ([["", "年初预算数(万元)", "全年预算数(万元)", "全年执行数(万元)", "分值", "执行率", "得分"], _FIGURES],
                        _WAN, MoneyUnit.WAN_YUAN),
    # a form in 元 (a county's, amounts printed whole)
    "元 in each heading": ([["项目资金", "年初预算数（元）", "全年预算数（元）", "全年执行数（元）", "分值", "执行率", "得分"],
                          ["年度资金总额", "1000000", "1200000", "1100000", "10", "91.67%", "9.17"]],
                         (Decimal(1000000), Decimal(1200000), Decimal(1100000), Decimal("91.67"), Decimal(10),
                          Decimal("9.17")), MoneyUnit.YUAN),
    # no 分值 or 得分 columns (a monitoring-like self-evaluation)
    "no weight or score": ([["项目资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "执行率"],
                           ["年度资金总额", "100", "120", "110", "91.67%"]],
                          (*_WAN[:4], None, None), MoneyUnit.WAN_YUAN),
    # 全年预算数 absent: the initial budget is the year's
    "no 全年预算数": ([["项目资金", "年初预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"],
                     ["年度资金总额", "120", "110", "10", "91.67%", "9.17"]],
                    (Decimal(120), None, *_WAN[2:]), MoneyUnit.WAN_YUAN),
    # other words for the columns, each with its unit
    "other words": ([["项目资金", "年初预算（万元）", "调整预算数（万元）", "实际支出数（万元）", "权重", "预算执行率", "得分"],
                     _FIGURES], _WAN, MoneyUnit.WAN_YUAN),
    # the unit a group heading states, over headings without one (the standard form): the sheet's unit is left
    # unread from such a label, as before
    "group heading 资金情况（万元）": ([["资金情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                                   _FIGURES], _WAN, None),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", _CASES)
def test_money_headings_carrying_their_unit_in_every_text_layout(case, layout):
    money, read, unit = _CASES[case]
    sheet = read_form(form(money=money), layout)
    assert _money(sheet.evaluation) == read
    assert sheet.money_unit == unit


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_unit_on_the_title_line_instead(layout):
    rows = form(money=[["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], _FIGURES])
    rows[0] = ["项目支出绩效自评表（单位：元）"]
    sheet = read_form(rows, layout)
    assert _money(sheet.evaluation) == _WAN
    assert sheet.money_unit == MoneyUnit.YUAN


@pytest.mark.parametrize("build", [docx_file, xlsx_file])
@pytest.mark.parametrize("heading_rows", [
    # one row of headings, each with its unit
    [["项目资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率", "得分"]],
    # a unit alone over the amounts' headings (a merged cell), its parts on the second row
    [["项目资金", "（万元）", LEFT, LEFT, "分值", "执行率", "得分"],
     ["", "年初预算数", "全年预算数", "全年执行数", "", "", ""]],
    # a budget word with its unit over the two budgets (年初预算 | 调整预算数), its parts on the second row
    [["项目资金", "预算数（万元）", LEFT, "全年执行数（万元）", "分值", "执行率", "得分"],
     ["", "年初预算", "调整预算数", "", "", "", ""]],
    # the same group without a unit
    [["项目资金（万元）", "预算数", LEFT, "全年执行数", "分值", "执行率", "得分"],
     ["", "年初预算", "调整预算数", "", "", "", ""]],
])
def test_money_headings_carrying_their_unit_in_a_grid(heading_rows, build):
    table = [["项目名称", "乡村道路建设", LEFT, LEFT, LEFT, LEFT, LEFT], *heading_rows, _FIGURES,
             ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
             ["产出指标", "数量指标", "新建道路长度", "≥10公里", "12公里", "30", "30"]]
    name = "form.docx" if build is docx_file else "form.xlsx"
    blocks = ["项目支出绩效自评表", table] if build is docx_file else [[["项目支出绩效自评表"], *table]]
    sheet = read_bytes(build(*blocks), name).sheets[0]
    assert _money(sheet.evaluation) == _WAN


@pytest.mark.parametrize(("heading", "key"), [
    ("全年预算数（万元）", "budget_full"),
    ("全年执行数(元)", "spent"),
    ("预算执行数（万元）", "spent"),
    ("全年预算数（A）（万元）", "budget_full"),
    ("（万元）", None),  # a unit alone: a group's heading
    ("资金情况（万元）", None),  # a category with its unit: a group's heading
    ("预算执行情况", None),
    ("年度预算金额（万元）", None),  # the header block's label of the sheet's total, not a column
])
def test_a_money_word_with_its_unit_is_a_column_and_a_unit_alone_a_group(heading, key):
    assert money_key(heading) == key
