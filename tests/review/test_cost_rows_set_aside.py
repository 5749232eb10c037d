"""The form's 成本指标 rows left as printed, which the reader sets aside (P108: a mark where the name stands beside a nil
target names no indicator, corpus 285's family), are still the form's cost rows left unfilled (JX105's error): the
review knows them by the level cells the reader keeps with the row, or by the row above where a merged level cell is
not printed on the row. Each case builds the sheet and the reader's diagnostics and checks where and what is said."""

from __future__ import annotations

import pytest

from jixiao.model import Diagnostic, Location, Severity
from jixiao.review import load_profile, review_document
from tests.review.sheets import build_document, load_data

BASE = load_data("rule_cases.toml")["base"]
KEY = BASE["code"]
# The base sheet without its cost row: 产出 (数量, 质量, 时效), 效益, 满意度 rows, read from row 4 of the grid on.
ROWS = [row for number, row in enumerate(BASE["rows"], 1) if number != 4]
FIRST = 4
UNFILLED = f"项目“{KEY}”的成本指标各行没有填写（三级指标只写“{{mark}}”，指标值为0或空着），等于没有成本指标"
MISSING = f"项目“{KEY}”没有成本指标（应在产出指标的“成本指标”下）"
# corpus 285's rows as the reader keeps them: 一级 (with its points) and 二级 cells, 0 for a name, 0.00%, 分值 0, the
# form's explanation; the 一级 cell is merged away from the rows below the first
ECONOMIC = ("成本指标(0-20)分", "经济成本指标", "0", "0.00%", "0", "反映实施相关项目所产生的直接经济成本")
SOCIAL = ("社会成本指标", "0", "0.00%", "0", "反映实施相关项目对社会发展、公共福利等方面可能造成的负面影响")


def _aside(row: int, *cells: str) -> Diagnostic:
    # the reader's P108 on a row of the grid's first table
    return Diagnostic(
        code="P108",
        severity=Severity.WARNING,
        template="本行没有三级指标和指标值，未读作指标",
        location=Location(sheet=KEY, table=1, row=row),
        set_aside=cells,
    )


def _jx105(rows_aside: list[tuple[int, tuple[str, ...]]]):
    document = build_document({**BASE, "rows": ROWS})
    sheet = document.sheets[0]
    read = [row.model_copy(update={"row": row.row + FIRST - 1}) for row in sheet.indicators]
    document = document.model_copy(
        update={
            "sheets": [sheet.model_copy(update={"indicators": read})],
            "diagnostics": [_aside(row, *cells) for row, cells in rows_aside],
        }
    )
    return [
        (f.sheet, f.location.row, f.location.column, f.severity.value, f.message)
        for f in review_document(document, load_profile()).findings
        if f.rule == "JX105"
    ]


@pytest.mark.parametrize(
    ("rows_aside", "said"),
    [
        # 285: the 2021 form's cost rows filled with 0, set aside above the 产出 rows
        (
            [(1, ECONOMIC), (2, SOCIAL), (3, ("生态环境成本指标", "0", "0.00%", "0"))],
            ("error", UNFILLED.format(mark="0")),
        ),
        # a row printing no level cell of its own stands under the row above it (a merged 二级 cell)
        ([(2, ECONOMIC), (3, ("0", "0.00%", "0"))], ("error", UNFILLED.format(mark="0"))),
        # the older framework's 成本指标 under 产出指标, a dash for the name and nothing else
        ([(3, ("产出指标", "成本指标", "—"))], ("error", UNFILLED.format(mark="—"))),
        # a row set aside with an amount beside its mark may be the cost itself, its name unread: nothing said
        ([(3, ("成本指标", "经济成本指标", "0", "≤2000元/次"))], None),
        # a reading stored before the reader kept the level cells: figures of no known group may be the cost row
        ([(1, ECONOMIC[2:]), (2, SOCIAL[1:])], None),
        # level cells of another group: the cost is missing as such, the rows set aside are not it
        ([(3, ("效益指标", "社会效益指标", "—"))], ("warning", MISSING)),
        # below every row read (rows 4–9), the cost rows may be those a cut copy ends on, their values lost with the cut
        ([(10, ECONOMIC), (11, SOCIAL)], None),
    ],
)
def test_cost_rows_left_as_printed_are_read_from_the_rows_set_aside(rows_aside, said):
    assert _jx105(rows_aside) == ([] if said is None else [(KEY, None, "二级指标", *said)])
