"""A form that prints no year of its own (no year in its title, no 年度 field, none opening the project's name, no span)
states it only in the deadlines it sets: a 时效 target (2021年12月31日前, 2021.1.1-12.31, 2023年12月前) or a goal that
ends on a date (到2022年底, 2022年12月30日前完工). Corpus 034, 139, 176, 219 and 220 are such forms: goal tables and
self-evaluations, cell per line, pipes, run together. Each case here is a made-up member of the family, written in
every text layout and as a Word and an Excel table; the year read is the deadlines' where they agree, and said."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from tests.documents.office_files import docx_file, xlsx_file
from tests.documents.selfeval_forms import GRID, LAYOUTS, form, text

_GOAL_HEADER = [
    ["项目支出绩效目标表"],
    ["项目名称", "乡村道路建设"],
    ["主管部门", "某县交通局", "实施单位", "某县公路所"],
    ["年度资金总额", "120"],
]
_GOAL_GRID = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "新建道路长度", "≥10公里"],
    ["", "质量指标", "验收合格率", "100%"],
]
_DEADLINE = ["", "时效指标", "完工时间", "{deadline}"]
_EVAL_DEADLINE = ["", "时效指标", "完工时间", "{deadline}", "按时完工", "10", "10", ""]


def _goal(deadline: str | None, goal: str | None) -> list[list[str]]:
    rows = [*_GOAL_HEADER, *([["年度目标", goal]] if goal else []), *_GOAL_GRID]
    return [*rows, [cell.format(deadline=deadline) for cell in _DEADLINE]] if deadline else rows


def _self_evaluation(deadline: str | None, goal: str | None) -> list[list[str]]:
    grid = [*GRID[:3], *([[cell.format(deadline=deadline) for cell in _EVAL_DEADLINE]] if deadline else []), *GRID[3:]]
    rows = form(grid=grid)
    rows = [row for row in rows if row != ["（2022年度）"]]  # (the standard form's year line: this form prints none)
    if goal:
        rows[rows.index(["", "完成乡村道路建设", "已完成"])] = ["", goal, "已完成"]
    return rows


_FORMS = {"goal table": _goal, "self-evaluation": _self_evaluation}

# (deadline target, annual goal, year read)
_CASES = {
    "a day, 前": ("2021年12月31日前", None, 2021),
    "a month's end": ("2023年12月底前完成", None, 2023),
    "dotted dates": ("2022.1.1-12.31", None, 2022),
    "a month alone": ("2024年11月", None, 2024),
    "a goal's 到…年底": (None, "到2025年底完成全部道路建设并通车", 2025),
    "a goal's day": (None, "2022年12月30日前实现工程完工，6月份开工", 2022),
    "target and goal agree": ("2021年12月", "2021年6月底前开工建设", 2021),
    # deadlines of two years say no year, nor do a month without its year or a year cited without a date
    "two years": ("2021年12月", "到2023年底全部通车", None),
    "no year in the date": ("12月底前", None, None),
    "a year cited, no date": (None, "巩固2021年建设成果", None),
}


def _read(name: str, data: bytes):
    document = read_bytes(data, name)
    (sheet,) = document.sheets
    return sheet.year, [d.code for d in document.diagnostics if d.code == "P181"]


def _expected(year: int | None) -> tuple:
    return year, ["P181"] if year is not None else []


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("kind", _FORMS)
@pytest.mark.parametrize("case", _CASES)
def test_the_deadlines_give_the_year_of_a_form_printing_none_in_every_text_layout(case, kind, layout):
    deadline, goal, year = _CASES[case]
    assert _read("case.txt", text(_FORMS[kind](deadline, goal), layout).encode()) == _expected(year)


@pytest.mark.parametrize(("build", "name"), [(docx_file, "case.docx"), (xlsx_file, "case.xlsx")])
@pytest.mark.parametrize("kind", _FORMS)
@pytest.mark.parametrize("case", ["a day, 前", "dotted dates", "a goal's 到…年底", "two years"])
def test_the_deadlines_give_the_year_in_a_word_or_excel_table(case, kind, build, name):
    deadline, goal, year = _CASES[case]
    assert _read(name, build(_FORMS[kind](deadline, goal))) == _expected(year)


@pytest.mark.parametrize("kind", _FORMS)
@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_year_the_form_prints_stands_over_its_deadlines(kind, layout):
    rows = _FORMS[kind]("2021年12月31日前", None)
    rows.insert(1, ["（2020年度）"])
    assert _read("case.txt", text(rows, layout).encode()) == (2020, [])
