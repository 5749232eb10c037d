"""A short word that names a level 1 and a level 2 alike (满意度) standing in a piped row's 二级指标 column, its 一级指标
cell merged away (corpus 219, an OCR'd 目标值/完成值 table: ``| 满意度 | 参培学员满意度 | 95%及以上 | 88.32%及以上 |``
under 效益指标), is the row's level 2, not a level 1 of its own; a level 1 written in full, or a row as wide as the
header, keeps its level 1."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text

_PIPED = (
    "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
    "产出指标 | 产出数量 | 完成护工培训任务 | 12500名 | 12166名 |\n"
    "效益指标 | 社会效益 | 参训学员就业率 | 60%及以上 | 53.53% |\n"
    "| 可持续影响 | 巩固脱贫攻坚成果 | 有效巩固 | 有效巩固 |\n"
    "| 满意度 | 参培学员满意度 | 95%及以上 | 88.32%及以上 |\n"
)


def _indicators(text: str):
    return [indicator for sheet in read_text(text.encode(), "case.txt")[0].sheets for indicator in sheet.indicators]


def test_a_satisfaction_word_in_the_level2_column_is_the_rows_level2():
    last = _indicators(_PIPED)[-1]
    assert (last.level2, last.level2_raw, last.name) == ("服务对象满意度指标", "满意度", "参培学员满意度")
    assert (last.target.operator, last.target.value, last.target.unit) == ("≥", 95, "%")


def test_a_level1_name_with_its_level2_after_it_stays_the_level1():
    # (满意度指标 opens the row, a level-2 name after it: the row's own levels, as the form prints them)
    text = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 培训人数 | ≥100人 |\n"
            "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% |\n")
    last = _indicators(text)[-1]
    assert (last.level1, last.level1_raw, last.level2, last.name) == (
        "满意度指标", "满意度指标", "服务对象满意度指标", "学员满意度")


def test_a_level1_written_in_full_with_its_level2_cell_left_out_stays_the_level1():
    # (a hand-typed table: 满意度指标 in full opens the row, its level-2 cell left out; reported, not guessed)
    text = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 养护里程 | ≥120公里 |\n"
            "| 满意度指标 | 群众满意度 | ≥90% |\n")
    last = _indicators(text)[-1]
    assert (last.level1, last.level2, last.name) == ("满意度指标", None, "群众满意度")


def test_a_satisfaction_word_at_the_rows_start_is_a_level1_when_the_row_fills_every_column():
    # (the row is as wide as the header: 满意度 stands in the 一级指标 column, 服务对象满意度 in the 二级指标 one)
    text = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 培训人数 | ≥100人 |\n"
            "满意度 | 服务对象满意度 | 学员满意度 | ≥95% |\n")
    last = _indicators(text)[-1]
    assert (last.level1, last.level1_raw, last.level2, last.name) == (
        "满意度指标", "满意度", "服务对象满意度指标", "学员满意度")
