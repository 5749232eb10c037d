"""How a goal sheet is named (``GoalSheet.key``): by its code, its name, or a title that names the project; how a
project's span is put in words (``Period.describe``); when a unit a table prints is plainly another unit."""

from __future__ import annotations

import pytest

from jixiao.model import GoalSheet, Period, Unit


@pytest.mark.parametrize(("title", "key"), [
    ("项目绩效目标表", "（未命名项目）"),  # corpus 142: the form's title names no project
    ("附件2-1 2023年项目支出绩效目标申报表", "（未命名项目）"),
    ("部门整体支出绩效自评表(2021年度)", "（未命名项目）"),
    ("项目支出绩效目标执行监控表", "（未命名项目）"),
    ("乡镇环境治理经费（西留村）绩效目标表", "乡镇环境治理经费（西留村）绩效目标表"),  # a title naming the project
    ("抗疫特别国债项目绩效目标表(打捆项目)", "抗疫特别国债项目绩效目标表(打捆项目)"),
])
def test_a_title_names_the_sheet_only_when_it_names_more_than_the_form(title, key):
    assert GoalSheet(title=title).key == key


def test_the_code_and_then_the_name_come_before_any_title():
    assert GoalSheet(title="项目绩效目标表", name="村道绿化", code="51000021R0001").key == "51000021R0001"
    assert GoalSheet(title="乡镇环境治理经费绩效目标表", name="村道绿化").key == "村道绿化"


@pytest.mark.parametrize(("period", "years", "described"), [
    (Period(text="3年", years=3, start=2024, end=2026), "2024年—2026年", "3年（2024年—2026年）"),
    (Period(text="1年", years=1, start=2023, end=2023), "2023年", "1年（2023年）"),
    (Period(text="2024年—2026年", start=2024, end=2026), "2024年—2026年", "2024年—2026年"),  # its years printed once
    (Period(start=2024), "2024年起", "2024年起"),  # (no last year known: never “—None年”, nor one year)
    (Period(end=2026), "至2026年", "至2026年"),  # no first year known
    (Period(text="2年", years=2, end=2026), "至2026年", "2年（至2026年）"),
    (Period(text="3年", years=3), "", "3年"),
    (Period(years=3, start=2024, end=2026), "2024年—2026年", "3年（2024年—2026年）"),  # its length where no text is
    (Period(text="2024年", start=2024, end=2026), "2024年—2026年", "2024年（2024年—2026年）"),  # the text names one
    (Period(), "", ""),
])
def test_a_span_in_words(period, years, described):
    assert (period.years_text(), period.describe()) == (years, described)


@pytest.mark.parametrize(("printed", "code", "name", "differs"), [
    (Unit(code="434016", name="丁镇人民政府"), "434016", "遵化市西留村乡人民政府", False),  # the code decides
    (Unit(code="999001"), "434016", "遵化市西留村乡人民政府", True),
    (Unit(name="西留村乡人民政府"), "434016", "遵化市西留村乡人民政府", False),  # a shortened name
    (Unit(name="遵化市西留村乡政府"), None, "遵化市西留村乡人民政府", False),  # 政府 for 人民政府
    (Unit(name="南县疾病预防控制中心(南县卫生综合监督执法局)"), None, "南县疾病预防控制中心", False),
    (Unit(name="遵化市 西留村乡人民政府（盖章）"), None, "遵化市西留村乡人民政府", False),
    (Unit(name="南县疾病预防控制中心"), "434016", "遵化市西留村乡人民政府", True),  # corpus 025 into the demo unit
    (Unit(code="999001", name="丁镇人民政府"), None, "遵化市西留村乡人民政府", True),  # no code to compare: the name
    (Unit(), "434016", "遵化市西留村乡人民政府", False),  # a table that names no unit
    (Unit(name="丁镇人民政府"), "434016", None, False),
])
def test_a_printed_unit_differs_only_when_it_cannot_be_the_unit(printed, code, name, differs):
    assert printed.differs_from(code, name) is differs


_UNITS = [Unit(code="434016", name="遵化市西留村乡人民政府"), Unit(code="434017", name="乙乡人民政府"),
          Unit(code="434018", name="遵化市西留村乡卫生院"), Unit(code="219001", name="池州市贵池区棠溪镇人民政府")]


@pytest.mark.parametrize(("printed", "found"), [
    (Unit(code=" 434017 ", name="遵化市西留村乡人民政府"), "434017"),  # the code decides, as in differs_from
    (Unit(name="乙乡人民政府"), "434017"),
    (Unit(name="棠溪镇人民政府"), "219001"),  # a shortened name held by one unit's only
    (Unit(name="池州市贵池区 棠溪镇政府（盖章）"), "219001"),  # spaces, 人民 and a bracketed note set aside
    (Unit(name="遵化市西留村乡人民政府(西留村乡)"), "434016"),  # the same name before a shortened one's match
    (Unit(name="西留村乡"), None),  # held by two units' names: either may be meant
    (Unit(name="丁镇人民政府"), None),
    (Unit(code="999001", name="乙乡人民政府"), None),  # another code: another unit, whatever its name
    (Unit(name="（盖章）"), None),  # says nothing
    (Unit(), None),
])
def test_a_printed_unit_identifies_the_one_unit_it_may_be(printed, found):
    """One rule with differs_from: a shortened or annotated name finds its unit; an ambiguous one finds none."""
    assert getattr(printed.identify(_UNITS), "code", None) == found
    if found:
        assert not printed.differs_from(found, next(u.name for u in _UNITS if u.code == found))


def test_the_heading_names_the_year_once():
    """A project named by its year (corpus 103) was headed 2023年度2023年云雾…绩效目标表 on the page and in exports."""
    from jixiao.model import GoalSheet

    assert GoalSheet(name="2023年云雾乡加工园建设项目", year=2023).heading == "2023年云雾乡加工园建设项目绩效目标表"
    assert GoalSheet(name="乡镇环境治理经费", year=2023).heading == "2023年度乡镇环境治理经费绩效目标表"
    assert GoalSheet(name="2022年结转项目", year=2023).heading == "2023年度2022年结转项目绩效目标表"
    assert GoalSheet(title="雨露计划绩效目标申报表", name="x", year=2023).heading == "雨露计划绩效目标申报表"
