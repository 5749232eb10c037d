"""Header-block cells understood on their own: the title of a self-evaluation report or of a notice of the goals set,
and a report's section headings."""

from __future__ import annotations

import pytest

from jixiao.documents.interpret.header_cells import fund_heading, report_name


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
])
def test_a_report_title_names_its_fund_without_the_year(text, name):
    assert report_name(text) == name


@pytest.mark.parametrize(("text", "name"), [
    ("一、中央自然灾害救灾资金(森林草原航空消防租机补助经费)", "中央自然灾害救灾资金(森林草原航空消防租机补助经费)"),
    ("二、地质灾害防治补助", "地质灾害防治补助"),
    ("一、绩效目标分解下达情况", None),  # the report's own structure
    ("(一)资金投入情况分析。", None),
])
def test_a_numbered_section_heading_names_a_fund_only_when_it_names_money(text, name):
    assert fund_heading(text) == name
