"""A self-evaluation's money block read from its header block's text when document sites ran its cells together or
cut them up (:mod:`jixiao.documents.pipeline.money_text`). Cases from the corpus."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents.pipeline.money_text import (
    allotted_in_prose,
    money_headings_in_text,
    money_in_prose,
    money_in_text,
    money_unread_in_text,
    rate_agrees,
)


@pytest.mark.parametrize("text, expected", [
    # corpus 134: the amounts and the rate fused into one run
    ("项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%其中:中央",
     {"budget_full": "194.9", "spent": "194.9", "execution_rate": "100%"}),
    # corpus 116: an OCR'd note (B/A1, the score after the rate, 1000 | 1000 | 100 rather than 100010001 | 0 | 0; the
    # score heading's note gives the row's 20 points, the form having no 分值 column
    ("预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20度效标",
     {"budget_full": "1000", "spent": "1000", "execution_rate": "100%", "score": "20", "weight": "20"}),
    # corpus 160: one cell per line, the rate written without %, the note on a line of its own
    ("预算数(A)\n执行数(B)\n执行率(B/A)\n得分\n(20分*执行率)\n年度财政资金总额\n50\n10\n20\n4\n年度绩效目标",
     {"budget_full": "50", "spent": "10", "execution_rate": "20", "score": "4", "weight": "20"}),
    # the same with the score headed as the grid's own are (评分, 自评得分)
    ("预算数(A)\n执行数(B)\n执行率(B/A)\n评分\n(20分*执行率)\n年度财政资金总额\n50\n10\n20\n4\n年度绩效目标",
     {"budget_full": "50", "spent": "10", "execution_rate": "20", "score": "4", "weight": "20"}),
    ("预算数(A)执行数(B)执行率(B/A)自评得分(20分*执行率)年度财政资金总额1.561.56120度效标",
     {"budget_full": "1.56", "spent": "1.56", "execution_rate": "100%", "score": "20", "weight": "20"}),
    # corpus 117: the 分值 (10) between the amounts and the rate, all fused, the score apart
    ("资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10其中:本年财政拨款2020",
     {"budget_full": "20", "spent": "20", "weight": "10", "execution_rate": "100.00%", "score": "10"}),
    # corpus 163: no rate printed, the figures apart
    ("资金投入情况 全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00",
     {"budget_full": "7165.32", "spent": "6992.95"}),
    # corpus 106: the budget's figure beside its heading, the others after a label, each amount with its 万元
    ("资金情况(万元)年度资金总额全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助自治区补助300万元\n259.45万元\n86.5%市县资金",
     {"budget_full": "300", "spent": "259.45", "execution_rate": "86.5%"}),
    # corpus 171: the row's last heading repeats in the next, a note's (得分 | 得分计算方法), whose name stands
    # between the headings and the figures' label; the five figures fused but for the score
    ("项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分得分计算方法年度资金总额:310.2154.741050%5执行率*",
     {"budget_initial": "310.2", "spent": "154.74", "weight": "10", "execution_rate": "50%", "score": "5"}),
    # the standard form run together: five figures fused before the rate (17 characters); of the readings that agree
    # with the rate, the one printing the budgets and the amount spent as one amount again
    ("项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额1001201101091.67%9.17",
     {"budget_initial": "100", "budget_full": "120", "spent": "110", "weight": "10", "execution_rate": "91.67%",
      "score": "9.17"}),
    ("年初预算数全年预算数全年执行数分值执行率得分年度资金总额64.864.864.810100%10",
     {"budget_initial": "64.8", "budget_full": "64.8", "spent": "64.8", "weight": "10", "execution_rate": "100%",
      "score": "10"}),
    # corpus 207: 全年预算数 | 全年执行数 | 预算执行率, the three figures fused after the row's label
    ("项目资金\n(万元)\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:40004000100%\n 其中:中央补助40004000100%",
     {"budget_full": "4000", "spent": "4000", "execution_rate": "100%"}),
    # corpus 234: the heading 全年执行 without its 数, the score left blank after the rate
    ("项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额40404010100%其中:当年财政拨款4040",
     {"budget_initial": "40", "budget_full": "40", "spent": "40", "weight": "10", "execution_rate": "100%"}),
    # the same form reworded: 分值 and 得分 both blank after a rate of 50%
    ("年初预算数 全年预算数 全年执行 执行率 分值 得分 年度资金总额:20201050%(未达预期)",
     {"budget_initial": "20", "budget_full": "20", "spent": "10", "execution_rate": "50%"}),
    # corpus 234's first project: one column blank in the fused run (30 | 30 | 10 | 100% under five headings before
    # the score): wherever the blank stands, the rate agrees only with 30 spent of a budget of 30 and 10 points; the
    # budget, under 年初预算数 in one reading and 全年预算数 in another, is the one the rate was measured against
    ("项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额303010100%其中:当年财政拨款303030100%",
     {"budget_full": "30", "spent": "30", "weight": "10", "execution_rate": "100%"}),
    # the blank under 分值, the only place where the amounts agree with the rate: the budgets stay in their columns
    ("年初预算数全年预算数全年执行数分值执行率得分年度资金总额50504080%",
     {"budget_initial": "50", "budget_full": "50", "spent": "40", "execution_rate": "80%"}),
    # a rate printed to one decimal (259.45 / 300 = 86.48)
    ("全年预算数全年执行数执行率年度资金总额300259.4586.5%其中", {
        "budget_full": "300", "spent": "259.45", "execution_rate": "86.5%"}),
    # corpus 136: the whole row fused, its rate a fraction without % (1.56 | 1.56 | 1 | 20), the score the points
    # (20分*执行率) times the rate; so is a rate of 0.865 (86.5%), or one printed in percent without its sign
    ("预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120度效标",
     {"budget_full": "1.56", "spent": "1.56", "execution_rate": "100%", "score": "20", "weight": "20"}),
    ("预算数(A)执行数(B)执行率(B/A)得分(10分*执行率)年度财政资金总额2001730.8658.65度效标",
     {"budget_full": "200", "spent": "173", "execution_rate": "86.5%", "score": "8.65", "weight": "10"}),
    ("预算数(A)执行数(B)执行率(B/A)得分(10分*执行率)年度财政资金总额20017386.58.65度效标",
     {"budget_full": "200", "spent": "173", "execution_rate": "86.5%", "score": "8.65", "weight": "10"}),
])
def test_money_figures_under_their_headings(text, expected):
    assert money_in_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # corpus 262: the budget alone under 年初预算数 | 全年执行数, the row's words opening with a year; 2022 is no
    # amount spent (it read as 执行数 2022 of a budget of 38.75, a rate of 5218%)
    ("项目资金(万元)年初预算数全年执行数年度资金总额:38.75万元2022年原州区健康饮茶项目38.75万元",
     {"budget_initial": "38.75"}),
    # both figures printed, then the year: the year is dropped, the figures stand
    ("年初预算数全年执行数年度资金总额:38.75万元36.2万元2022年原州区", {"budget_initial": "38.75", "spent": "36.2"}),
    # a figure that only looks like a year, followed by no 年, is an amount
    ("年初预算数全年执行数年度资金总额:2500万元2022万元其中", {"budget_initial": "2500", "spent": "2022"}),
])
def test_a_year_after_the_figures_row_is_none_of_its_figures(text, expected):
    assert money_in_text(text) == expected


@pytest.mark.parametrize("text", [
    "全年预算数全年执行数执行率年度资金总额194.9194.998%其中",  # no split agrees with the rate
    "全年预算数全年执行数年度资金总额194.9194.9",  # no rate heading: nothing checks a split
    "全年执行数 执行情况良好 2022年",  # no budget and no rate beside the amount spent
    "全年预算数全年执行数执行率年度资金总额 1.2.3 45.645.6100%",  # a figure printed apart that is no number
    "执行率 得分 其他说明",  # headings without figures
    # one cell blank among the fused columns, and the readings disagree on the figures: 10 is the points (a budget
    # blank) or the third amount (the points blank)
    "年初预算数全年预算数全年执行数分值执行率年度资金总额101010100%其中",
    # a run without % that reads two ways the amounts agree with, no points to check the score (1 | 1 | 1 | 11 or
    # 11 | 11 | 1 with the score blank); nor one whose score is not the points times the rate (11 | 11 | 1 | 0)
    "预算数(A)执行数(B)执行率(B/A)得分年度财政资金总额11111度效标",
    "预算数(A)执行数(B)执行率(B/A)得分(10分*执行率)年度财政资金总额111110度效标",
])
def test_no_money_figures_when_nothing_fits(text):
    assert money_in_text(text) == {}


@pytest.mark.parametrize(("text", "expected"), [
    # figures that read several ways, or none: the headings and the figures, for the reader to say
    ("年初预算数全年预算数全年执行数分值执行率年度资金总额101010100%其中",
     (["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"], "101010100%")),
    ("全年预算数全年执行数执行率年度资金总额194.9194.998%其中", (["全年预算数", "全年执行数", "执行率"], "194.9194.998%")),
    # read: nothing left unread; no figures after the headings: nothing to say
    ("项目资金 (万元)年初预算数全年预算数全年执行分值执行率得分年度资金总额303010100%其中", None),
    ("执行率 得分 其他说明", None),
])
def test_the_money_figures_left_unread(text, expected):
    assert money_unread_in_text(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # corpus 179: the amount cells blank, the rate alone under the headings (and again for the part below)
    ("整体支出规模全年预算数全年执行数执行率资金来源:(1)财政拨款103.21%资金结构:(1)基本支出103.21%",
     {"execution_rate": "103.21%"}),
    # a fused run no split agrees with is no rate (above 200%)
    ("全年预算数全年执行数执行率年度资金总额1234%", {}),
])
def test_a_rate_printed_alone_under_the_headings(text, expected):
    assert money_in_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    # corpus 245 (中方县 残疾人康复 2022 自评报告): the money in 元, the 年初 budget apart from the year's
    ("年初预算资金数100元,全年预算数100元,全年执行数33.78元,执行率为33.78%",
     {"budget_initial": "100", "budget_full": "100", "spent": "33.78", "execution_rate": "33.78%"}),
    # own variant: a 年初 budget said alone is the year's too (no adjustment said)
    ("年初预算数300万元,实际支出259.45万元,执行率为86.5%",
     {"budget_initial": "300", "budget_full": "300", "spent": "259.45", "execution_rate": "86.5%"}),
    # own variant: a sum in 元 beside a budget in 万元 is another sum (a standard per head), not the amount spent
    ("项目预算数30万元,发放补助资金500元/人",
     {"budget_full": "30"}),
    # corpus 221 (临河区 优抚对象生活补助 2023): the year's spending said alone
    ("2023年收到财政资金共2330.9万元,2023年支出2310.4万元",
     {"budget_full": "2330.9", "spent": "2310.4"}),
])
def test_a_report_states_its_money_in_sentences(text, expected):
    assert money_in_prose(text) == expected


@pytest.mark.parametrize("text, expected", [
    # corpus 136: the headings stand, the fused figures fit no reading (1.56 1.56 1 20)
    ("预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额1.561.56120度效标",
     ["预算数", "执行数", "执行率", "得分"]),
    # own variant: a 部门整体 form's headings without points
    ("年初预算数 全年预算数 全年执行数 执行率 结余", ["年初预算数", "全年预算数", "全年执行数", "执行率"]),
    # no run of money headings: a sentence naming the budget once
    ("项目预算数30万元,主要用于培训", []),
])
def test_the_money_tables_headings_are_found_without_its_figures(text, expected):
    assert money_headings_in_text(text) == expected


@pytest.mark.parametrize(("text", "allotted"), [
    ("2020财政下达红十字事业支出专项资金28万元。", [("红十字事业支出专项资金", "28")]),  # corpus 255
    # corpus 230: the fund's year inside its words
    ("在全乡范围内实施2021年中央动物防疫等补助经费9.55万元。", [("2021年中央动物防疫等补助经费", "9.55")]),
    # corpus 224, Traditional: the amount before the fund
    ("中央撥付11600萬元抗疫特別國債資金用于和平縣", [("抗疫特別國債資金", "11600")]),
    # reworded: two allotments, both said
    ("今年落实专项经费合计300万元;区财政投入资金120万元。", [("专项经费", "300"), ("资金", "120")]),
    # a sentence naming several amounts (corpus 221), a result in money, a rate: no allotment
    ("2023年收到中央下达优抚对象生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。", []),
    ("带动增加集体经济收入80万元。", []),
    ("资金到位率100%。", []),
])
def test_the_money_a_reports_sentences_say_was_allotted(text, allotted):
    assert allotted_in_prose(text) == allotted


@pytest.mark.parametrize(("spent", "budget", "rate", "within", "agrees"), [
    # to the rate's printed digits: 100 within half a point, 86.5 within 0.05, 97.80 within 0.005
    ("199.5", "200", "100", None, True),
    ("198.9", "200", "100", None, False),
    ("173.08", "200", "86.5", None, True),
    ("173.2", "200", "86.5", None, False),
    ("31.69", "32.4", "97.80", None, False),  # 97.81: right to a point, not to the printed hundredths
    # within a fixed number of points (a money row's rate found among figures printed without a sign)
    ("31.69", "32.4", "97.80", "0.5", True),
    ("31.69", "32.4", "97.2", "0.5", False),
])
def test_a_rate_agrees_with_the_amounts_to_its_digits_or_within_points(spent, budget, rate, within, agrees):
    within = Decimal(within) if within else None
    assert rate_agrees(Decimal(spent), Decimal(budget), Decimal(rate), within) is agrees
