"""Header-block cells understood on their own: the title of a self-evaluation report or of a notice of the goals set,
a report's section headings, a unit written with its code, an allocation table's title, a project's span."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.documents import read_path
from jixiao.documents.interpret.header_cells import (
    amount_unit,
    fund_heading,
    fund_name,
    is_other_table_title,
    is_report_title,
    names_own_unit,
    parse_field_amount,
    parse_span,
    parse_unit,
    parse_unit_line,
    report_name,
    said_project,
    said_totals,
)
from jixiao.model import MoneyUnit


@pytest.mark.parametrize(("text", "name"), [
    ("名  称: 某市危房改造转移支付2022年度绩效自评报告", "某市危房改造转移支付"),
    ("某省2022年度中央自然灾害资金绩效自评报告", "中央自然灾害资金"),  # the region and year before the fund
    ("某盟养老保险补助资金2022年项目支出绩效评价报告", "某盟养老保险补助资金"),
    ("于预算年度结束后及时将项目绩效自评报告报我局备案", None),  # a sentence naming a report
    ("请各单位按时报送绩效自评报告。", None),
    ("项目支出绩效自评表", None),  # a form's title is no report's
    # a notice of the goals set for one project (corpus 019, 127), the officialese verb and 资金 not the project's
    ("标 题: 关于某镇设施农业葡萄种植项目绩效目标设定的公示", "某镇设施农业葡萄种植项目"),
    ("关于解决某县2022年某村人居环境整治项目资金绩效目标设定的公示", "某县2022年某村人居环境整治项目"),
    ("标 题: 同心县2025年设施农业技术培训项目绩效目标设定", "同心县2025年设施农业技术培训项目"),  # (corpus 202)
    # a title naming only the kind of money reported on names no fund (corpus 255), a level before it or not
    ("沅江市红十字会2020年度专项资金绩效评价报告", None),
    ("某县民政局2021年度县级项目资金绩效自评报告", None),
])
def test_a_report_title_names_its_fund_without_the_year(text, name):
    assert report_name(text) == name


@pytest.mark.parametrize(("text", "report"), [
    ("标题:2024年度林业草原生态保护恢复资金项目支出绩效评价报告", True),  # corpus 249
    ("廣東省河源市和平縣2020年度抗疫特別國債資金績效自評報告", True),  # corpus 224, in Traditional script
    ("请各单位按时报送绩效自评报告。", False),  # a sentence naming a report
    ("关于某镇设施农业葡萄种植项目绩效目标设定的公示", False),  # a notice of goals set is no report
])
def test_a_report_title_is_known_in_either_script(text, report):
    assert is_report_title(text) is report


@pytest.mark.parametrize(("text", "name"), [
    ("一、中央自然灾害救灾资金(森林草原航空消防租机补助经费)", "中央自然灾害救灾资金(森林草原航空消防租机补助经费)"),
    ("二、地质灾害防治补助", "地质灾害防治补助"),
    ("一、绩效目标分解下达情况", None),  # the report's own structure
    ("(一)资金投入情况分析。", None),
])
def test_a_numbered_section_heading_names_a_fund_only_when_it_names_money(text, name):
    assert fund_heading(text) == name


@pytest.mark.parametrize(("text", "unit"), [
    ("434016遵化市西留村乡人民政府", ("434016", "遵化市西留村乡人民政府")),
    ("820001-井研县马踏镇人民政府", ("820001", "井研县马踏镇人民政府")),  # corpus 003's 单位名称 cell
    ("219001-池州市贵池区棠溪镇人民政府", ("219001", "池州市贵池区棠溪镇人民政府")),  # corpus 006, 120
    ("[610001]湖南省润山润水生态农业发展有限公司", ("610001", "湖南省润山润水生态农业发展有限公司")),  # 109
    ("(433001)乌海市供销合作社联合社", ("433001", "乌海市供销合作社联合社")),  # corpus 148
    # a year under the title or opening an allocation table's title is no unit's code (corpus 010, 022, 147)
    ("2019年度)", None),
    ("2022年省级第七批水利专项资金安排表", None),
    ("(2020)年度", None),
])
def test_a_unit_line_reads_the_code_before_the_name_but_not_a_year(text, unit):
    found = parse_unit_line(text)
    assert (found.code, found.name) == unit if unit else found is None


@pytest.mark.parametrize(("text", "unit"), [
    ("(盖章)", None),  # 填报单位:(盖章) of a blank form (corpus 028, 008)
    ("820001-井研县马踏镇人民政府", ("820001", "井研县马踏镇人民政府")),
    ("祁东县疾病预防控制中心", (None, "祁东县疾病预防控制中心")),
])
def test_a_unit_cell_is_no_unit_when_it_holds_only_the_seal_mark(text, unit):
    found = parse_unit(text)
    assert (found.code, found.name) == unit if unit else found is None


@pytest.mark.parametrize(("text", "own"), [
    ("本单位", True),  # 项目实施单位:本单位 under 单位名称:黄冈市水土保持与农田水利科研所 (corpus 015)
    ("本單位", True), (" 同上 ", True), ("本部门", True), ("同填报单位", True),
    ("本单位盖章", False), ("黄冈市水土保持与农田水利科研所", False), ("本溪市财政局", False),
])
def test_a_unit_cell_that_points_back_at_the_forms_own_unit(text, own):
    assert names_own_unit(text) is own


def test_a_project_s_unit_given_as_the_forms_own_keeps_the_unit_the_form_names(tmp_path):
    path = tmp_path / "自评表.txt"
    path.write_text("2020年度水土保持监测项目绩效自评表\n单位名称:黄冈市水土保持与农田水利科研所\n"
                    "项目名称\t水土保持监测\n实施单位\t本单位\n"
                    "一级指标\t二级指标\t三级指标\t年度指标值\n产出指标\t数量指标\t监测点数\t≥10个\n", encoding="utf-8")
    document = read_path(path)
    assert [sheet.unit.name for sheet in document.sheets] == ["黄冈市水土保持与农田水利科研所"]
    assert document.unit.name == "黄冈市水土保持与农田水利科研所"


@pytest.mark.parametrize(("text", "other"), [
    ("2022年省级第七批水利专项资金安排表", True),  # corpus 022's 附件1
    ("2025年市級財政鄉村振興專項資金(第一批整鎮推進創建鄉鎮獎補)分配表和任務清單", True),  # corpus 195
    ("2022年省级第七批水利专项资金绩效目标表", False),
    ("现下达2022年省级第七批水利专项资金,具体金额及项目详见附件安排表。", False),  # a sentence naming one
])
def test_an_allocation_table_title_is_told_from_a_goal_table_title(text, other):
    assert is_other_table_title(text) is other


@pytest.mark.parametrize(("text", "amount", "unit"), [
    ("164万元", Decimal("164"), "万元"),
    ("854万(高标准农田建设400万元)", Decimal("854"), "万元"),
    ("20万元资金性质一般公共预算", Decimal("20"), "万元"),  # run on into the form's next field
    ("1000000元", Decimal("1000000"), "元"),
    ("18.00", Decimal("18.00"), None),
    ("1000元/人", None, "元"),  # a rate, no amount
    # the row's figures fused up to its execution rate: no one amount (corpus 207, 234; the rewording with 万元)
    ("40004000100%", None, None),
    ("404040100%", None, None),
    ("12.512.5100.00％", None, None),
])
def test_a_header_amount_and_the_unit_written_after_it(text, amount, unit):
    assert parse_field_amount(text) == amount
    assert (str(amount_unit(text)) if amount_unit(text) else None) == unit


def test_a_sentence_states_the_projects_money_after_the_word_zijin():
    assert said_totals("(宁财指标[2022]605号)资金50万元,实施某种植项目,增加特色产业产值80万元") == [
        (Decimal("50"), MoneyUnit.WAN_YUAN)]
    assert said_totals("资金总额500万元,项目负责人某某;资金总额500万元") == [(Decimal("500"), MoneyUnit.WAN_YUAN)]


def test_an_amount_with_its_unit_is_no_unit_and_its_code():
    assert parse_unit_line("165万元") is None
    assert parse_unit_line("434016遵化市西留村乡人民政府").name == "遵化市西留村乡人民政府"


@pytest.mark.parametrize(("text", "named"), [
    ("红十字事业支出专项资金", True),  # corpus 255
    ("2021年中央动物防疫等补助经费", True),  # corpus 230
    ("城区公厕保洁经费", True),
    # a kind of money or one source of it, or a sentence's words: no fund's name
    ("专项资金", False), ("县级配套资金", False), ("中央补助资金", False), ("上级资金", False), ("资金", False),
    ("用于学校的资金", False), ("專項資金", False),  # (Traditional read as Simplified)
])
def test_a_fund_is_told_from_a_kind_of_money(text, named):
    assert fund_name(text) is named


@pytest.mark.parametrize(("text", "name"), [
    # corpus 223 (Traditional with pinyin glosses): the notice's opening sentence, the name kept as written
    ("文件及所列分配資金,2019年高等職業(yè)院校國家助學金資助補(bǔ)助資金項(xiàng)目由昌吉職業(yè)技術(shù)學(xué)院實(shí)施完成,涉及資金895.8萬(wàn)元",
     "2019年高等職業院校國家助學金資助補助資金項目"),
    ("根据县财政局通知,某村道路硬化项目由某镇人民政府组织实施,涉及资金50万元。", "某村道路硬化项目"),  # reworded
    ("项目实施由乡政府负责。", None),  # no project named before 由
    ("该项目由县农业农村局负责监督。", None),  # who supervises it, not who carries it out; no name
])
def test_a_notice_names_the_project_it_says_who_carries_out(text, name):
    assert said_project(text) == name


@pytest.mark.parametrize(("text", "amount"), [
    # corpus 178, 262: a money part's amount after the name of the fund it comes from
    ("中央衔接推进乡村振兴补助资金(少数民族发展任务)50", Decimal("50")),
    ("少数民族发展资金37万元", Decimal("37")),
    ("2022年少数民族发展资金37万元", None),  # (a figure in the name: a sentence, not a fund and its amount)
    ("少数民族发展资金", None),
])
def test_an_amount_after_the_name_of_its_fund(text, amount):
    assert parse_field_amount(text) == amount


@pytest.mark.parametrize(("text", "span"), [
    ("3年（2024年—2026年）", (3, 2024, 2026)),  # its length, its years in brackets
    ("3年(2024-2026年)", (3, 2024, 2026)),
    ("2024-2026年", (None, 2024, 2026)),
    ("2024年1月—2026年12月", (None, 2024, 2026)),
    ("2024年至2026年", (None, 2024, 2026)),
    ("2023年1月1日至2023年12月31日", (None, 2023, 2023)),
    ("三年", (3, None, None)),
    ("2024年", (None, 2024, 2024)),  # one year named is its first and last
    ("2024年起", (None, 2024, None)),  # its first year only
    ("2024年1月起", (None, 2024, None)),
    ("至2026年", (None, None, 2026)),  # its last year only
    ("2年（至2026年）", (2, None, 2026)),
])
def test_a_span_gives_its_length_and_the_years_it_names(text, span):
    found = parse_span(text)
    assert (found.text, found.years, found.start, found.end) == (text, *span)
