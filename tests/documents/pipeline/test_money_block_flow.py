"""A self-evaluation's money block in the shapes web copies and PDF text give it (issue 9): figures followed by a
copy's residue (``3,724,055.00?``), a 部门整体 form whose 年度总金额 row leaves its rate, 分值 and 得分 to the
其中：财政拨款 row below, a heading broken before its last character (年初预算 / 数), and the figures running on right
after the headings with no row label (a PDF's text flow). Compact made-up cases; each checks what lands in the
sheet's printed records and the diagnostic that says what was done, with its row."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline import read_text

_GRID = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
         ["产出指标", "数量指标", "新建道路长度", "≥10公里", "12公里", "20", "20", ""]]


def read(rows: list[list[str]]):
    text = "\n".join("| " + " | ".join(row) + " |" for row in rows)
    return read_text(text.encode(), "case.txt")[0]


def codes(document, code: str):
    return [found for found in document.diagnostics if found.code == code]


@pytest.mark.parametrize("residue", ["?", "？", "\ufffd"])
def test_figures_with_a_copys_residue_are_read_without_it(residue):
    rows = [["项目支出绩效自评表"], ["项目名称", "乡村道路建设"],
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", f"100{residue}", f"120{residue}", "110", "10", "91.67%", f"9.17{residue}"], *_GRID]
    document = read(rows)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_score) == (
        Decimal(100), Decimal(120), Decimal(110), Decimal("9.17"))
    [said] = codes(document, "P146")
    assert said.location.line == 4 and "年度资金总额" in said.message and f"“100{residue}”" in said.message
    assert "“110”" not in said.message  # only the figures that carried it


@pytest.mark.parametrize(("part", "rate"), [("其中:财政拨款", "96.85"), ("其中：当年财政拨款", "96.85%")])
def test_a_total_row_without_its_rate_takes_it_from_a_part_holding_all_the_money(part, rate):
    # 重庆's 部门整体绩效自评表: 年度总金额 | 年初 | 全年(调整) | 执行 and nothing more; the rate, 权重 and 得分 on the part
    headings = ["年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"]
    rows = [["部门整体绩效自评表"], ["项目名称", "某协会整体"], headings,
            ["年度总金额", "3,724,055.00", "4,764,453.11", "4,614,453.11"],
            [part, "3,724,055.00", "4,764,453.11", "4,614,453.11", rate, "10.00", "9.68"], *_GRID]
    document = read(rows)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal("3724055.00"), Decimal("4764453.11"), Decimal("4614453.11"))
    assert (evaluation.execution_rate, evaluation.execution_weight, evaluation.execution_score) == (
        Decimal("96.85"), Decimal(10), Decimal("9.68"))
    [said] = codes(document, "P147")
    assert said.location.line == 5 and part in said.message and "执行率、分值、得分" in said.message


def test_a_part_with_other_amounts_does_not_give_its_rate_to_the_total():
    # the part is some of the money: its rate is not the whole's
    rows = [["部门整体绩效自评表"], ["项目名称", "某协会整体"],
            ["年初预算数", "全年预算数", "全年执行数", "执行率", "执行率权重", "执行率得分"],
            ["年度总金额", "300", "400", "380"], ["其中:财政拨款", "200", "300", "290", "96.67", "10", "9.67"], *_GRID]
    document = read(rows)
    evaluation = document.sheets[0].evaluation
    assert (evaluation.spent, evaluation.execution_rate, evaluation.execution_score) == (Decimal(380), None, None)
    assert not codes(document, "P147")


def test_a_money_heading_broken_before_its_last_character_is_joined():
    # a spreadsheet's narrow cell: 年初预算 | 数 | 0, the heading's figure beside it
    rows = [["项目支出绩效自评表"], ["项目名称", "公共卫生服务"], ["年初预算", "数", "0"],
            ["全年预算数", "全年执行数", "分值", "执行率", "得分"], ["年度资金总额", "207.45", "207.45", "10", "100%", "10"],
            *_GRID]
    evaluation = read(rows).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal(0), Decimal("207.45"), Decimal("207.45"))


_HEADINGS = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]


@pytest.mark.parametrize(("figures", "expected", "left"), [
    # as many figures as headings: each under its heading
    (["250", "250", "200", "10", "80%", "8"], ("250", "250", "200", "80", "8"), None),
    # the next row ran on and the rate cell is blank (8.62 is the 得分, not the rate): the score is the 分值 times the
    # amount spent over the budget (10 × 215457.6 / 250000), so the figures before the next row's are the row's
    (["250000.00", "250000.00", "215,457.6", "10", "8.62", "250000.00", "250000.00"],
     ("250000.00", "250000.00", "215457.6", None, "8.62"), None),
    # the same with a score the figures do not bear out: which figure is under which heading is not told
    (["250000.00", "250000.00", "215,457.6", "10", "5", "250000.00", "250000.00"],
     ("250000.00", "250000.00", None, None, None), "215,457.6 10 5 250000.00 250000.00"),
    # cells lost and no rate to align on: only the budget printed twice is sure
    (["20000.00", "20000.00", "4.52"], ("20000.00", "20000.00", None, None, None), "4.52"),
])
def test_figures_running_on_after_the_headings_in_text_flow(figures, expected, left):
    rows = [["项目支出绩效自评表"], ["项目名称", "场馆运营结算"], [*_HEADINGS, *figures], *_GRID]
    document = read(rows)
    evaluation = document.sheets[0].evaluation
    read_back = (evaluation.budget_initial, evaluation.budget_full, evaluation.spent, evaluation.execution_rate,
                 evaluation.execution_score)
    assert read_back == tuple(None if figure is None else Decimal(figure) for figure in expected)
    unread = codes(document, "P148")
    assert [found.location.line for found in unread] == ([] if left is None else [3])
    assert left is None or left in unread[0].message


@pytest.mark.parametrize(("adjustment", "full"), [("年中调整金额②", Decimal("188.61")), ("结余结转②", None)])
def test_a_subtotal_of_the_initial_budget_and_its_adjustment_is_the_full_budget(adjustment, full):
    # a Fujian 部门整体 form (corpus 238, there with ③=①+② on the line below): 小计③=①+② after the initial budget and
    # its adjustment is the year's budget; after another column it is nothing the money block names
    rows = [["部门整体支出绩效自评表"], ["项目名称", "某局整体"],
            ["资金结构", "年初部门预算安排金额(含历年结余结转)①", adjustment, "小计③=①+②", "年度拨付金额④",
             "支出实现率(%)⑤=④/③"],
            ["财政资金小计", "130.54", "58.07", "188.61", "188.45", "99.92"], *_GRID]
    evaluation = read(rows).sheets[0].evaluation
    assert (evaluation.budget_initial, evaluation.budget_full, evaluation.spent) == (
        Decimal("130.54"), full, Decimal("188.45"))


def _run_together(money_run: str) -> str:
    # a document site's copy of a project form, every cell run together (corpus 234's shape, made-up figures)
    return ("项目支出绩效自评表(2020年度)项目名称演出设备更新主管部门某区文化局实施单位某剧团项目资金(万元)年初预算数全年预算数"
            f"全年执行数分值执行率得分年度资金总额{money_run}其中:当年财政拨款上年结转资金其他资金年度总体目标预期目标实际完成情况"
            "更新设备。已完成绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施产出指标数量指标"
            "更新设备数量50件50件2020质量指标设备合格率100%100%2020总分10090")


def test_a_fused_money_run_with_a_blank_cell_is_read_where_the_rate_leaves_one_set_of_figures():
    # 30 | 30 | 10 | 100% under five headings before the score: wherever the blank cell stands, 30 of 30 spent
    document = read_text(_run_together("303010100%").encode(), "case.txt")[0]
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate, evaluation.execution_weight) == (
        Decimal(30), Decimal(30), Decimal(100), Decimal(10))
    assert codes(document, "P148") == []


def test_a_fused_money_run_that_reads_several_ways_is_said_not_guessed():
    # 10 | 10 | 10 | 100%: 10 is the points (a budget cell blank) or the amount spent (the points blank)
    document = read_text(_run_together("101010100%").encode(), "case.txt")[0]
    evaluation = document.sheets[0].evaluation
    assert (evaluation.budget_full, evaluation.spent, evaluation.execution_rate) == (None, None, None)
    [said] = codes(document, "P148")
    assert said.location.sheet == document.sheets[0].key and said.location.column == "资金情况"
    assert "101010100%" in said.message and "年初预算数、全年预算数、全年执行数、分值、执行率、得分" in said.message
