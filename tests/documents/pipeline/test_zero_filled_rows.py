"""The template's rows left filled with zeros (corpus 285's family: a 2021-framework form whose 成本指标 rows the unit
did not use, each 三级指标 cell ``0`` beside a zero target): a bare figure where the name stands names no indicator,
whatever target stands beside it; the row's cells are set aside with a diagnostic. Written apart from the corpus
document: another form (no 分值 column), other figures and wording."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text

ROWS = (
    "项目名称 | 农村公路养护补助 |",
    "一级指标 | 二级指标 | 三级指标 | 指标值 | 指标说明 |",
    "产出指标 | 数量指标 | 养护农村公路里程 | ≥120公里 | 全年养护任务 |",
    "成本指标 | 社会成本指标 | 0 | 0 | 不适用 |",
    "生态环境成本指标 | 0.0 | 0% | 不适用 |",
    "效益指标 | 社会效益指标 | 群众出行条件改善 | 明显改善 | 定性 |",
)


def test_a_zero_where_the_name_stands_names_no_indicator_even_beside_a_target():
    document = read_text("\n".join(ROWS).encode(), "zeros.txt")[0]
    names = [indicator.name for sheet in document.sheets for indicator in sheet.indicators]
    assert names == ["养护农村公路里程", "群众出行条件改善"]
    set_aside = [d for d in document.diagnostics if d.code == "P108"]
    assert [d.location.line for d in set_aside] == [4, 5]


def test_a_row_set_aside_keeps_its_level_cells_in_the_rows_order():
    # the whole row, its 一级 and 二级 cells first as printed (a merged 一级 is absent from the row below), so that the
    # review knows the group it was printed in (JX105: the form's 成本指标 rows left as printed)
    document = read_text("\n".join(ROWS).encode(), "zeros.txt")[0]
    assert [d.set_aside for d in document.diagnostics if d.code == "P108"] == [
        ("成本指标", "社会成本指标", "0", "0", "不适用"),
        ("生态环境成本指标", "0.0", "0%", "不适用"),
    ]


def test_a_cost_row_naming_its_amount_with_its_unit_is_still_an_indicator():
    # (corpus 262's family: a 成本指标 row whose name is the amount it costs, 38.75万元 | 38.75)
    rows = (*ROWS[:3], "成本指标 | 经济成本指标 | 12.6万元 | 12.6 | 全年经费 |")
    document = read_text("\n".join(rows).encode(), "amount.txt")[0]
    assert [indicator.name for indicator in document.sheets[0].indicators] == ["养护农村公路里程", "12.6万元"]
