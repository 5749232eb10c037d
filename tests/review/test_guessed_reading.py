"""Findings on a reading the reader had to guess: they say so (版式推测) and a row's finding is at most a warning."""

import pytest

from jixiao.model import Severity
from jixiao.review import load_profile, review_document
from jixiao.review.finding import Confidence
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]
# 受援群众投诉率 (row 5) written ≥90%: a reverse indicator with a lower bound, an error on a sheet read with certainty.
REVERSED = {"set_rows": {"5": ["效益指标", "社会效益指标", "受援群众投诉率", "受援群众投诉件数占受援人数的比例", "≥90%",
                              "历史标准：上年投诉率6%"]}}


def _review(patch: dict, layout: str | None = None, confidence: float = 1.0):
    document = build_document(patched(BASE, patch))
    sheet = document.sheets[0]
    rows = [row.model_copy(update={"confidence": confidence}) for row in sheet.indicators]
    document = document.model_copy(update={"layout": layout, "sheets": [sheet.model_copy(update={"indicators": rows})]})
    return review_document(document, load_profile()).sheets[0]


@pytest.mark.parametrize(
    ("layout", "confidence", "severity", "certainty"),
    [
        ("text-tabbed", 1.0, Severity.ERROR, Confidence.HIGH),
        # columns placed by their labels: an inference, not a guess (corpus 178, 187)
        ("text-piped", 0.8, Severity.ERROR, Confidence.HIGH),
        # cells cut apart from run-together text (corpus 179: 无资产损失、利用率 | 高于80%, a name and target fused)
        ("text-run-together", 0.8, Severity.WARNING, Confidence.GUESSED_LAYOUT),
        # a row whose columns the reader could not tell (corpus 189: every row of a prose report)
        ("text-lines", 0.5, Severity.WARNING, Confidence.GUESSED_LAYOUT),
    ],
)
def test_a_finding_on_a_guessed_row_is_at_most_a_warning(layout, confidence, severity, certainty):
    findings = [f for f in _review(REVERSED, layout, confidence).findings if f.rule == "JX401"]
    assert [(f.indicator, f.location.row, f.severity, f.confidence) for f in findings] == [
        ("受援群众投诉率", 5, severity, certainty)]


@pytest.mark.parametrize(("layout", "severity", "certainty"), [
    ("text-tabbed", Severity.ERROR, Confidence.HIGH),
    # prose reports read by a guess (corpus 221, 223): a category may have been lost with the layout, so its absence
    # is noted, not a reason to return the sheet
    ("text-run-together", Severity.WARNING, Confidence.GUESSED_LAYOUT),
])
def test_a_category_missing_from_a_guessed_layout_is_a_warning(layout, severity, certainty):
    findings = [f for f in _review({"drop_rows": [5, 6]}, layout).findings if f.rule == "JX103"]
    assert [(f.params["level1"], f.location.column, f.severity, f.confidence) for f in findings] == [
        ("效益指标", "一级指标", severity, certainty)]


# corpus 180 (龙岩 宗教管理经费补助, text run together, one value column per district): the reader split the row at
# 反映, and the district figures stay glued to the description's end.
GLUED = ["产出指标", "数量指标", "宗教管理经费补助县(市、区)数量", "反映宗教管理经费补助县(市、区)数量情况2312222", "", ""]


@pytest.mark.parametrize(("confidence", "blank"), [
    (0.5, []),  # split by a guess: the figures at the description's end are the row's values, unplaced
    (1.0, [("宗教管理经费补助县(市、区)数量", "指标值")]),  # read by its grid: the 指标值 cell is blank
])
def test_figures_glued_to_a_guessed_rows_description_are_its_values(confidence, blank):
    findings = _review({"add_rows": [GLUED]}, "text-run-together", confidence).findings
    assert [(f.indicator, f.location.column) for f in findings if f.rule == "JX107"] == blank
