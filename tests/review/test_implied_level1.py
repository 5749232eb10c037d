"""A blank 一级指标 cell is read as the level every framework puts its 二级指标 under (corpus 036, 219): the level is
implied, not named by the column, so a level the column never names still lost its label from a merged cell."""

from __future__ import annotations

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document

# corpus 219's shape: the 产出 and 效益 cells of the 一级指标 column blank, only 满意度 written; a row under 满意度
# carries the 可持续影响 level down (a second table read on)
_TEXT = "\n".join([
    "项目名称 | 吕梁山护工培训 |",
    "一级指标 | 二级指标 | 三级指标 | 指标值 |",
    " | 数量指标 | 培训人数 | 12500名 |",
    " | 可持续影响指标 | 巩固脱贫攻坚成果 | 有效巩固 |",
    "满意度指标 | 可持续影响指标 | 参培学员满意度 | ≥95% |",
])


def test_a_level_only_implied_by_the_framework_is_not_one_the_column_names():
    document = read_bytes(_TEXT.encode(), "护工培训.txt")
    levels = [(i.level1, i.level1_raw) for i in document.sheets[0].indicators]
    assert levels == [("产出指标", ""), ("效益指标", ""), ("满意度指标", "满意度指标")]
    review = review_document(document, load_profile())
    assert [f.message for f in review.findings if f.rule == "JX501"] == []


def test_a_level_the_column_names_still_files_its_rows():
    document = read_bytes(_TEXT.replace(" | 可持续影响指标 | 巩固", "效益指标 | 可持续影响指标 | 巩固").encode(), "护工培训.txt")
    review = review_document(document, load_profile())
    (misfiled,) = [f for f in review.findings if f.rule == "JX501"]
    assert (misfiled.location.row, misfiled.location.column) == (5, "一级指标")  # the text line of its row
    assert "参培学员满意度" in misfiled.message and "效益指标" in misfiled.message
