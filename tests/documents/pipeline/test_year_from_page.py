"""A goal table attached to a notice, or published on a page, that prints no year anywhere of its own (no title year,
no 年度 field, no year in the name, the span or a deadline) is the year of the funds the notice passes down (关于下达
2023年…资金的通知, 现将2022年…资金397万元下达你单位), or, for goals, of the date the page was published on (发文时间 |
2023-03-27, 时间:2025-02-06): corpus 019 (a notice over a prose table) and 218 (a page's date line over a procuratorate's
goals). Each case is a made-up member of the family, in each text layout and as a Word document's paragraphs over its
table; a self-evaluation is published the year after the one it reports on, so a page's date gives it no year."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from tests.documents.office_files import docx_file
from tests.documents.selfeval_forms import GRID, LAYOUTS, form, text

_GOAL = [
    ["项目支出绩效目标表"],
    ["项目名称", "乡村道路建设"],
    ["年度资金总额", "120"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "新建道路长度", "≥10公里"],
    ["效益指标", "社会效益指标", "受益人数", "≥5000人"],
]

# (lines above the table, the year a goal table takes)
_CASES = {
    "a notice's title": (["关于下达2023年中央财政衔接推进乡村振兴资金预算指标的通知"], 2023),
    "a notice's sentence": (["各乡镇：现将2022年生猪调出大县奖励资金397万元下达你单位，请严格按照规定使用。"], 2022),
    "passed down early": (["根据《关于提前下达2024年第一批农业相关转移支付资金的通知》精神，安排资金50万元。"], 2024),
    "a page's 发文时间 row": (["索 引 号 | 640324032/2023-00047 | 发文时间 | 2023-03-27 |"], 2023),
    "a page's 时间 line": (["时间:2025-02-06  作者:  新闻来源:"], 2025),
    "a page's 发布日期": (["发布日期：2021年04月02日"], 2021),
    # the funds' year stands over the page's date (funds passed down early are published the year before)
    "notice and date": (["发布时间：2022-12-20", "关于提前下达2023年农村道路建设资金的通知"], 2023),
    # a document site's upload time is no date of the document, a year cited no date either
    "an upload time": (["上传时间:2023-08-13 格式:DOCX 页数:28"], None),
    "a year cited": (["为巩固2021年脱贫攻坚成果，安排资金120万元。"], None),
    # a page's line naming another year beside its date (the title's (2020)) says the document's year elsewhere
    "a date beside another year": (["名称: 项目支出绩效目标表 (2020) 发布日期: 2021年3月5日"], None),
    # funds of two years passed down say no year: the page's date says it
    "two years' funds": (["发布时间：2022-05-10", "现下达2021年结转资金和2022年资金共120万元"], 2022),
}


def _read(name: str, data: bytes):
    document = read_bytes(data, name)
    (sheet,) = document.sheets
    return sheet.year, [d.code for d in document.diagnostics if d.code == "P182"]


def _rows(lines: list[str]) -> list[list[str]]:
    return [[line] for line in lines] + _GOAL


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", _CASES)
def test_the_notice_or_the_page_gives_the_year_of_a_goal_table_printing_none(case, layout):
    lines, year = _CASES[case]
    written = "\n".join([*lines, text(_GOAL, layout)])
    assert _read("case.txt", written.encode()) == (year, ["P182"] if year else [])


@pytest.mark.parametrize("case", ["a notice's sentence", "a page's 时间 line", "an upload time"])
def test_the_notice_gives_the_year_above_a_word_table(case):
    lines, year = _CASES[case]
    assert _read("case.docx", docx_file(*lines, _GOAL)) == (year, ["P182"] if year else [])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_year_the_table_prints_stands_over_the_notice_and_the_page(layout):
    rows = [["发布时间：2021-03-01"], ["关于下达2021年乡村道路资金的通知"], *_GOAL]
    rows.insert(3, ["（2020年度）"])
    assert _read("case.txt", text(rows, layout).encode()) == (2020, [])


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_self_evaluation_takes_the_funds_year_but_not_the_pages_date(layout):
    rows = [row for row in form(grid=GRID) if row != ["（2022年度）"]]
    dated = text([["发布时间：2022-08-15"], *rows], layout)
    assert _read("case.txt", dated.encode()) == (None, [])
    noticed = text([["关于下达2021年乡村道路资金的通知"], *rows], layout)
    assert _read("case.txt", noticed.encode()) == (2021, ["P182"])
