"""The same table written in another form (a web page's footer after it, Traditional characters) is reviewed as the
table itself: findings that appear only on such a variant come from reading noise (``benchmarks.review_variants``).
Snippets are dev corpus 025's (湖南南县 疾控中心, a copy cut inside its grid) and 182's (福建武夷山 对外文化交流基地, text
run together, cut after its first row)."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data, patched

# corpus 025 as published: the copy stops inside its third row (…| 定性 | 减)
_CUT_025 = """2025年项目支出绩效目标表 | |||||||
项目支出名称 | 基本公共卫生服务和应急处理及卫生监督执法专项 | 部门预算 | 70.00 | ||||
项目绩效目标 | 对全县突发卫生公共事件进行相关人员培训、物质储备、应急能力建设,完成市级下达的双随机监督任务。 | ||||||
一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容 | 备注 |
成本指标 | 经济成本指标 | 疾病预防控制中心经费 | ≤ | 70 | 万元 | 反映疾病预防控制中心经费。 | 反映疾病预防控制中心经费。 |
社会成本指标 | 实施项目对社会产生的不利影响 | 定性 | 减少 | 反映实施项目对社会产生的不利影响。 | 反映实施项目对社会产生的不利影响。 | ||
生态环境成本指标 | 实施项目对生态产生的不利影响 | 定性 | 减"""
# a government site's footer, as pages print it below the document
_FOOTER = "\n\n第 1 页 共 3 页\n上一篇：关于公开2023年部门预算的说明\n打印本页    关闭窗口\n主办单位：县人民政府办公室    网站标识码：5113000001\n"

# corpus 182's goal table (the copy ends after the first indicator), and the same text in Traditional characters
_RUN_182 = ("附件2:专项资金绩效目标表(2026年度)项目名称福建省省级宣传文化事业发展专项资金(对外文化交流基地建设)主管部门(单位)名称"
            "武夷山市委宣传部补助区域武夷山市资金情况(万元)资金总额:15其中:财政拨款15其他资金0总体目标①邀请不少于3名来自不同国家的"
            "国际友人(武夷星国际茶文化志愿者)到武夷星进行茶相关知识实习实训,深入了解中国茶文化、武夷茶文化,②全年度接待不少于100人次"
            "国际友人到武夷星体验中国茶文化,15万元产出指标数量指标邀请国际友人实习实训涉及国家数量邀请国际友人实习实训涉及国家数量≥3个")
_RUN_182_TRADITIONAL = (
    "附件2:專項資金績效目標表(2026年度)項目名稱福建省省級宣傳文化事業發展專項資金(對外文化交流基地建設)主管部門(單位)名稱"
    "武夷山市委宣傳部補助區域武夷山市資金情況(萬元)資金總額:15其中:財政撥款15其他資金0總體目標①邀請不少於3名來自不同國家的"
    "國際友人(武夷星國際茶文化志願者)到武夷星進行茶相關知識實習實訓,深入瞭解中國茶文化、武夷茶文化,②全年度接待不少於100人次"
    "國際友人到武夷星體驗中國茶文化,15萬元產出指標數量指標邀請國際友人實習實訓涉及國家數量邀請國際友人實習實訓涉及國家數量≥3個")


def _review(text: str):
    document = read_bytes(text.encode(), "目标表.txt")
    return document, review_document(document, load_profile())


@pytest.mark.parametrize("footer", ["", _FOOTER])
def test_a_copy_cut_inside_its_grid_is_cut_whatever_page_footer_follows(footer):
    document, review = _review(_CUT_025 + footer)
    (cut,) = [d for d in document.diagnostics if d.code == "P120"]  # the third row is cut, not read
    assert cut.location.sheet == review.sheets[0].sheet and "减" in cut.message
    # the levels after the cut (产出, 效益, 满意度) are not said missing, nor the 产出 groups
    assert [f.rule for f in review.findings if f.rule in ("JX103", "JX104")] == []
    assert review.sheets[0].partial


@pytest.mark.parametrize("text", [_RUN_182, _RUN_182_TRADITIONAL])
def test_a_sheet_named_in_traditional_characters_keeps_the_readers_word_that_its_copy_is_cut(text):
    document, review = _review(text)
    (sheet,) = review.sheets
    # the reader's diagnostics name the sheet as the review does (its name as written, Traditional too)
    assert {d.location.sheet for d in document.diagnostics} == {sheet.sheet}
    assert "P119" in {d.code for d in document.diagnostics}
    # so the levels after the cut are not said missing, and the sheet is graded as reviewed in part
    assert [f.message for f in sheet.findings if f.rule in ("JX103", "JX104", "JX105")] == []
    assert sheet.partial and any(f.rule == "JX001" and f.sheet == sheet.sheet for f in sheet.findings)


# corpus 249 (海南白沙 邦溪镇 护林员补贴): a report in prose whose goals and indicators the reader set in rows by a guess
_PROSE_249 = """2024年度林业草原生态保护恢复资金项目支出绩效评价报告

(二)项目绩效目标

项目年度目标:完成2024年度护林员补贴的发放,确保巡林工作正常开展;

数量指标:林业草原生态保护恢复资金项目资金支付进度率≥95%;

质量指标:保障巡林工作的顺利开展,护林员的待遇正常发放;

时效指标:2024年度内完成支付;

成本指标:项目产出成本控制在预算内≤100%;

服务对象满意度指标:生态护林员满意度≥90%。
"""


def test_a_goal_without_figures_beside_rows_placed_by_a_guess_is_not_a_return():
    # nothing among the rows read counts the output, but the rows were placed by a guess: a count may stand unplaced,
    # so the sheet is not returned for its goal; the finding says it rests on a guessed layout
    _, review = _review(_PROSE_249)
    (goal,) = [f for f in review.findings if f.rule == "JX911"]
    assert "完成2024年度护林员补贴的发放" in goal.message and goal.location.column == "绩效目标"
    assert (goal.severity.value, goal.confidence.value) == ("warning", "guessed-layout")


BASE = load_data("rule_cases.toml")["base"]


@pytest.mark.parametrize(("misread", "placed", "rule"), [
    # corpus 178 as a page's spaced text: the 开工时限 row's date read as its name, its value cell empty (JX107)
    (["产出指标", "时效指标", "2021年7月", "", "", ""], ["产出指标", "时效指标", "开工时限", "", "", ""], "JX107"),
    # corpus 130 with a 备注 column added: the rate read into the 二级指标 column (JX506: not a standard level)
    (["产出指标", "≥90.91%", "补贴发放合规率", "", "", ""], ["产出指标", "合规指标", "补贴发放合规率", "", "≥90.91%", ""],
     "JX506"),
    # corpus 206 as pipe rows: the row's value, actual and score cells run into its name, its value cell read as -
    (["产出指标", "时效指标", "时效指标 免费开放率 100% 100% 12.5 12.5", "", "-", ""],
     ["产出指标", "时效指标", "免费开放率", "", "-", ""], "JX205"),
    # corpus 016 with its long cells wrapped: the tail of 完成目标可能性(确定能、有可能、不可能) as a row of its own
    (["产出指标", "质量指标", "能、有可能、不可能)", "", "", ""], ["产出指标", "质量指标", "完成目标可能性", "", "", ""],
     "JX107"),
    # corpus 276 run together: a spare row's empty name (-) and its 指标性质 (定性) read as a row named -定性, its value
    # the page's 返回】 link
    (["产出指标", "可持续影响指标", "-定性", "", "返回】", ""], ["产出指标", "可持续影响指标", "残疾学生生活质量", "", "返回】", ""],
     "JX207"),
    # corpus 170 as a workbook: the row's weight 1 and a figure after it read as a weight of 116, above a whole table
    (["产出指标", "数量指标", "发放健康教育资料", "", "≥12", "", "116"], ["产出指标", "数量指标", "发放健康教育资料", "", "≥12", "", "1"],
     "JX202"),
    # corpus 262 run together: the cost row's 38.75万元 with the actual and score after it (…36.29 | 9.34) in one cell
    (["成本指标", "经济成本指标", "边销茶采购成本", "", "1038.7536.29.34", ""],
     ["成本指标", "经济成本指标", "边销茶采购成本", "", "1038.75", ""], "JX202"),
])
def test_no_finding_rests_on_a_row_whose_cells_were_visibly_misread(misread, placed, rule):
    def findings(row: list[str]) -> list[str]:
        review = review_document(build_document({**BASE, "rows": [*BASE["rows"], row]}), load_profile())
        return [f.rule for f in review.findings if f.indicator == row[2]]

    assert findings(misread) == []
    assert rule in findings(placed)  # the same cells read in place are reported


@pytest.mark.parametrize(("confidence", "reported"), [(1.0, True), (0.5, False)])
def test_an_empty_name_is_a_blank_only_where_the_grid_placed_the_row(confidence, reported):
    # corpus 236 copied one cell per line: the reader placed the values by a guess (confidence 0.5) and the names
    # went to a row of their own, so the value rows have no name; in a grid, an empty name is the unit's blank
    document = build_document({**BASE, "rows": [*BASE["rows"], ["产出指标", "数量指标", "", "", "≥80次", ""]]})
    sheet = document.sheets[0]
    rows = [*sheet.indicators[:-1], sheet.indicators[-1].model_copy(update={"confidence": confidence})]
    document = document.model_copy(update={"sheets": [sheet.model_copy(update={"indicators": rows})]})
    findings = [f for f in review_document(document, load_profile()).findings if f.rule == "JX107"]
    assert [f.location.column for f in findings] == (["三级指标"] if reported else [])


def test_a_sheet_without_any_value_read_is_not_said_to_miss_its_categories():
    # corpus 003 with a 序号 column: the header's 单位 line (820001-井研县马踏镇人民政府) taken for a sheet's only row
    document = build_document({**BASE, "rows": [["", "", "820-马踏镇部门", "", "", ""]]})
    findings = review_document(document, load_profile()).findings
    assert [f.rule for f in findings if f.rule in ("JX103", "JX104", "JX105")] == []
    assert [(f.rule, f.indicator) for f in findings if f.rule == "JX107"] == [("JX107", "820-马踏镇部门")]


# corpus 034's grid (四川安居 食品监管补助资金 自评表), each name numbered by the form (指标1:), and in Traditional characters
_NUMBERED_034 = """项目名称 | 食品监管补助资金 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成指标值 | 分值 |
产出指标 | 质量指标 | 指标1:食品安全监管人员培训 | 已完成 | 已完成 | 5 |
产出指标 | 质量指标 | 指标2:违法案件查办率 | 100% | 100% | 4 |
"""
_NUMBERED_034_TRADITIONAL = """項目名稱 | 食品監管補助資金 |
一級指標 | 二級指標 | 三級指標 | 年度指標值 | 實際完成指標值 | 分值 |
產出指標 | 質量指標 | 指標1:食品安全監管人員培訓 | 已完成 | 已完成 | 5 |
產出指標 | 質量指標 | 指標2:違法案件查辦率 | 100% | 100% | 4 |
"""


@pytest.mark.parametrize("text", [_NUMBERED_034, _NUMBERED_034_TRADITIONAL])
def test_the_forms_numbering_of_its_rows_is_no_residue_in_traditional_characters_either(text):
    document, review = _review(text)
    # the reader took the numbering off the names, keeping the cells as written
    assert [i.name_raw[:2] for i in document.sheets[0].indicators] == [text.splitlines()[2].split(" | ")[2][:2]] * 2
    assert [f.message for f in review.findings if f.rule == "JX108"] == []


# corpus 223 (新疆昌吉 职业技术学院 国家助学金): a report in prose, in Traditional with Pinyin glosses, that stops on the
# heading of its 效益 part
_PROSE_223 = """七、績(jī)效目標(biāo)
總體目標(biāo):按照2019年高等職業(yè)院校國(guó)家助學(xué)金標(biāo)準(zhǔn)平均每生每年3300元,實(shí)行春、秋季評(píng)選發(fā)放,涉及6140人次困難學(xué)生。
(一)產(chǎn)出指標(biāo)
1、數(shù)量指標(biāo):資助建檔立卡貧困子女1966人。
2、質(zhì)量指標(biāo):資助標(biāo)準(zhǔn)100%達(dá)標(biāo)。
3、時(shí)效指標(biāo):資助經(jīng)費(fèi)發(fā)放率100%達(dá)標(biāo),資助經(jīng)費(fèi)到位率100%達(dá)標(biāo)。
4、成本指標(biāo):享受?chē)?guó)家助學(xué)金平均每生每年3300元。
(二)效益指標(biāo)
社會(huì)效益指標(bi"""


@pytest.mark.parametrize("footer", ["", _FOOTER])
def test_a_prose_report_stopping_on_its_next_category_is_cut_whatever_page_footer_follows(footer):
    document, review = _review(_PROSE_223 + footer)
    assert "P119" in {d.code for d in document.diagnostics}
    assert [f.message for f in review.findings if f.rule == "JX103"] == []  # 效益, 满意度 follow the cut


@pytest.mark.parametrize("row", [
    # corpus 236 copied one cell per line: the header's 三级指标内容 read as a row's value (JX201, JX203 before)
    ["产出指标", "数量指标", "", "", "三级指标内容", ""],
    # corpus 118 likewise: the self-evaluation's *评(扣)分标准 heading read as a row's name, in Traditional (JX107)
    ["产出指标", "数量指标", "*評(扣)分標準", "", "", ""],
])
def test_no_finding_rests_on_a_row_holding_a_heading_of_the_grid(row):
    review = review_document(build_document({**BASE, "rows": [*BASE["rows"], row]}), load_profile())
    assert [f.message for f in review.findings if f.location.row == len(BASE["rows"]) + 1] == []


def _last_placed_by_guess(document):
    # the document with its last row's cells placed by a guess (as the reader places a line of text without a grid)
    sheet = document.sheets[0]
    rows = [*sheet.indicators[:-1], sheet.indicators[-1].model_copy(update={"confidence": 0.5})]
    return document.model_copy(update={"sheets": [sheet.model_copy(update={"indicators": rows})]})


@pytest.mark.parametrize(("patch", "rule"), [
    # corpus 121's 一般性项目 rows (促进社会和谐, 保障收入, 保障权益) without any value: most of the sheet blank (JX107)
    ({"rows": [["效益指标", "社会效益指标", "促进社会和谐", "", "", ""], ["效益指标", "社会效益指标", "保障收入", "", "", ""],
               ["效益指标", "社会效益指标", "保障权益", "", "", ""], ["产出指标", "数量指标", "补助人数", "", "≥20人", ""]]},
     "JX107"),
    # corpus 114's rows: no 数量指标, no count anywhere, and a goal that counts only the staff kept (JX104)
    ({"goals": ["保障在职人员89人、离退休人员26人的正常办公"], "drop_rows": [1]}, "JX104"),
    # weights that do not add up to 100 (JX609)
    ({"rows": [["产出指标", "数量指标", "补助人数", "", "≥20人", "", "20"],
               ["满意度指标", "服务对象满意度指标", "受助群众满意度", "", "≥90%", "", "20"]]}, "JX609"),
])
def test_a_sheet_is_returned_for_what_its_rows_lack_only_where_the_grid_placed_them(patch, rule):
    document = build_document(patched(BASE, patch))
    placed = [f for f in review_document(document, load_profile()).findings if f.rule == rule]
    guessed = [f for f in review_document(_last_placed_by_guess(document), load_profile()).findings if f.rule == rule]
    assert "error" in {f.severity.value for f in placed}
    # one row placed by a guess is enough: what it holds may be what the others seem to lack
    assert guessed and {f.severity.value for f in guessed} == {"warning"}


def test_a_row_misread_into_the_name_column_puts_every_finding_of_its_sheet_on_a_guessed_reading():
    # corpus 149's 小学就读人数 | <=6962人 (a count capped by ≤: an error), beside corpus 205's row read one column off
    # (its points 10 in the name column, its name 企业国际质量提升 in the value column)
    count = ["产出指标", "数量指标", "小学就读人数", "", "<=6962人", ""]
    shifted = ["效益指标", "社会效益指标", "10", "", "企业国际质量提升", ""]

    def jx404(rows):
        review = review_document(build_document({**BASE, "rows": [*BASE["rows"], *rows]}), load_profile())
        return [(f.indicator, f.severity.value, f.confidence.value) for f in review.findings if f.rule == "JX404"]

    assert jx404([count]) == [("小学就读人数", "error", "high")]
    assert jx404([count, shifted]) == [("小学就读人数", "warning", "guessed-layout")]
