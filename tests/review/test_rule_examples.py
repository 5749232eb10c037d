"""The docs examples run: every rule reports its ``bad`` example and stays silent on its ``good`` one.

The examples are fragments of a table (see tests/review/examples.py for the forms understood); each is built
onto the clean base sheet of rule_cases.toml, so anything the rule reports comes from what the example writes.
"""

from __future__ import annotations

import pytest

from jixiao.review import RULES, load_profile, review_document
from jixiao.review.rules.prose import ProseRule
from tests.review.examples import example_spec, parse_example, profile_settings
from tests.review.sheets import ROW_CELLS, build_document, load_data

BASE = load_data("rule_cases.toml")["base"]

# Rules whose examples cannot be built into a sheet, and why.
EXEMPT = {
    "JX001": "reports how the reader read the file (its diagnostics), not anything written in a sheet",
}

# Good examples that another rule reports on their rows, and why that is left as it is.
GOOD_MAY_DRAW: dict[str, tuple[str, ...]] = {
    # The option chosen from the template's 高/中/低 is what the form asks for; JX207 knows no form prescribing it here.
    "JX907": ("JX207",),
}

# (the rules of a document in prose read its sentences, not a sheet: tests/scoring/test_audit_prose.py runs them)
CHECKED = [rule for rule in RULES if rule.code not in EXEMPT and not isinstance(rule, ProseRule)]


def _profile(rule, text: str):
    """The default profile with ``rule`` switched on (JX705's minimums belong to a local profile) and what the
    example's note sets."""
    settings = profile_settings(text)
    parameters = {rule.code: settings["parameters"]} if "parameters" in settings else None
    profile = load_profile().adjusted(parameters=parameters)
    return profile.model_copy(update={"select": [rule.code], "ignore": [],
                                      "framework": settings.get("framework", profile.framework)})


def _findings(rule, text: str):
    document = build_document(example_spec(BASE, text))
    return [f for f in review_document(document, _profile(rule, text)).findings if f.rule == rule.code]


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_bad_example_is_reported(rule):
    found = _findings(rule, rule.docs.bad)
    assert found, f"{rule.code} does not fire on its bad example {rule.docs.bad!r}"
    # A finding on a row is on a row the example wrote, not on one of the base sheet's.
    rows = example_spec(BASE, rule.docs.bad)["example_rows"]
    on_rows = [f for f in found if f.indicator is not None]
    if rows and on_rows:
        assert {f.location.row for f in on_rows} <= rows, [(f.location.row, f.message) for f in on_rows]


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_good_example_is_not_reported(rule):
    assert [f.message for f in _findings(rule, rule.docs.good)] == []


@pytest.mark.parametrize("rule", CHECKED, ids=lambda rule: rule.code)
def test_good_example_draws_no_other_finding_on_its_rows(rule):
    """A correct example is correct for every rule, not only its own: no rule reports a row it writes. Cells an
    example leaves out (``…``, a row without a target) are not its point, so JX107 (empty cell) does not count."""
    spec = example_spec(BASE, rule.docs.good)
    findings = review_document(build_document(spec), load_profile()).findings
    assert [(f.rule, f.message) for f in findings
            if f.location.row in spec["example_rows"] and f.rule not in ("JX107", *GOOD_MAY_DRAW.get(rule.code, ()))] == []


def test_exemptions_are_rules():
    assert set(EXEMPT) <= {rule.code for rule in RULES}


def test_example_forms_are_read():
    """The fragment forms of the docs become the cells a reader would give."""
    spec = parse_example("受益群众满意度 | ≥90%\n数量指标 | 整治村数 | 全乡行政村 | ≥18个 | 权重 20\n"
                         "效益指标 | 社会效益指标 | 受援群众投诉率 | 反向 | ≤5%")
    assert [row[:8] for row in spec["rows"]] == [
        ["", "", "受益群众满意度", "", "≥90%", "", None, None],
        ["产出指标", "数量指标", "整治村数", "全乡行政村", "≥18个", "", "20", None],
        ["效益指标", "社会效益指标", "受援群众投诉率", "", "≤5%", "", None, "反向"],
    ]
    spec = parse_example("项目名称：（空）\n预算数 18.00万元；财政资金 16.00；其他资金 2.00\n3月底 30；12月底 100\n"
                         "年度目标：改善18个村生态环境\n指标方向性：反向；指标值：≥5%\n指标值：≥90%")
    assert (spec["name"], spec["total"], spec["fiscal"], spec["other"]) == ("", "18.00", "16.00", "2.00")
    assert spec["plan"] == [["3月底", "30"], ["12月底", "100"]]
    assert spec["goals"] == ["改善18个村生态环境"]
    assert [(row[4], row[7]) for row in spec["field_rows"]] == [("≥5%", "反向"), ("≥90%", None)]
    assert profile_settings("（要求6月底不低于50%）6月底 30") == {"parameters": {"minimums": {"6": 50}}}
    with pytest.raises(ValueError):
        parse_example("只有产出指标和效益指标，没有满意度指标。")


def test_field_rows_and_weights_patch_the_base():
    """Rows given by fields set the base's rows; a list of weights is the whole table's."""
    spec = example_spec(BASE, "指标值：90%\n指标值：≥**个")
    assert [row[4] for row in spec["rows"][:2]] == ["≥**个", "90%"]  # each on the base row of its kind of unit
    assert spec["rows"][2:] == [list(row) + [None] * (ROW_CELLS - len(row)) for row in BASE["rows"][2:]]
    assert spec["example_rows"] == {1, 2}
    assert [row[6] for row in example_spec(BASE, "权重：60、40")["rows"]] == ["60", "40"]
