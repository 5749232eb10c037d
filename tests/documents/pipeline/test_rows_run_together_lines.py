"""A table's rows with their cells run together, one row a line, as a document-sharing site extracts a table (the
``separators_removed`` variant of ``benchmarks/variants.py``, layout family 4 of ../shared/corpus/README.md): the
rows under a merged level cell open with their name, the level names printed once on the first row; a row whose
target has no operator ends with its figure and unit, or with a period; the header's last heading may be one the
vocabulary does not know, run onto a known one; and a level cell may run onto the list of its indicators."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import segment, split_level_prefix


def _read(*lines: str):
    document, accounting = read_text("\n".join(lines).encode(), "rows.txt")
    assert accounting.unaccounted == []
    return document


def _rows(document):
    return [(i.level2, i.name, i.target.raw) for sheet in document.sheets for i in sheet.indicators]


def test_name_rows_under_a_row_run_together_take_their_target_and_the_words_after_it():
    # 目标值 | 度量单位 | 指标值说明: the target written with its unit fills the unit's column, the words are the
    # explanation's (corpus 128's form)
    document = _read(
        "一级指标二级指标三级指标计算符号目标值度量单位指标值说明",
        "产出指标数量指标保障在职职工人数(人)=116人该指标值数据合理",
        "保障退休职工人数(人)=81人该指标值数据合理",
        "保障遗属人数(人)=13人该指标值数据合理",
        "质量指标工资发放准确性(%)≥95%该指标值数据合理")
    assert _rows(document) == [
        ("数量指标", "保障在职职工人数(人)", "=116人"), ("数量指标", "保障退休职工人数(人)", "=81人"),
        ("数量指标", "保障遗属人数(人)", "=13人"), ("质量指标", "工资发放准确性(%)", "≥95%")]
    second = document.sheets[0].indicators[1]
    assert (second.target.value, second.target.unit, second.description) == (Decimal(81), "人", "该指标值数据合理")
    assert [d.location.line for d in document.diagnostics if d.code == "P111"] == [2, 3, 4, 5]  # (where each was read)


def test_a_row_ending_in_a_figure_with_its_unit_or_a_period_is_its_name_and_target():
    document = _read(
        "项目名称城区环境卫生保洁",
        "一级指标二级指标三级指标指标值",
        "产出指标数量指标清扫保洁道路面积1346万平方米",
        "清扫保洁道路条数485条",
        "时效指标城市道路考核频次1次/月",
        "各项费用使用周期2020年1月--2020年11月",
        "成本指标人工成本≤620万/月",
        "满意度指标服务对象满意度指标周围群众满意度≥90%")
    assert _rows(document) == [
        ("数量指标", "清扫保洁道路面积", "1346万平方米"), ("数量指标", "清扫保洁道路条数", "485条"),
        ("时效指标", "城市道路考核频次", "1次/月"), ("时效指标", "各项费用使用周期", "2020年1月--2020年11月"),
        ("成本指标", "人工成本", "≤620万/月"), ("服务对象满意度指标", "周围群众满意度", "≥90%")]
    indicators = document.sheets[0].indicators
    assert [(i.target.value, i.target.unit) for i in indicators[1:3]] == [(Decimal(485), "条"), (Decimal(1), "次/月")]
    assert indicators[4].target.unit == "万/月"  # (what the amount is per stays with its unit)
    assert [d.location.line for d in document.diagnostics if d.code == "P111"] == [3, 4, 5, 6, 7, 8]


def test_a_name_cell_ending_in_a_quantity_in_a_table_one_cell_a_line_stays_a_name():
    # one cell a line, the target on the line after: the name's own figure is no target (only under rows run
    # together is a name row's figure its target)
    document = _read("项目名称村级活动场所", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标",
                     "新建村级活动场所1个", "1个", "质量指标", "验收合格率", "100%")
    assert _rows(document) == [("数量指标", "新建村级活动场所1个", "1个"), ("质量指标", "验收合格率", "100%")]


def test_small_form_operators_cut_a_row_run_together():
    document = _read("项目名称卫片执法", "一级指标二级指标三级指标指标值",
                     "产出指标质量指标项目验收合格率﹦100%", "时效指标项目完成及时率﹥90%")
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.raw, i.target.operator, i.target.value) for i in indicators] == [
        ("项目验收合格率", "﹦100%", "=", Decimal(100)), ("项目完成及时率", "﹥90%", ">", Decimal(90))]


def test_a_heading_the_vocabulary_does_not_know_run_onto_the_last_known_one_is_a_column_of_its_own():
    assert segment("绩效指标一级指标二级指标三级指标指标值指标标准或依据") == (
        "绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标标准或依据")
    # a known heading that goes on into the rows' text is not cut so (a figure: a row's cells)
    document = _read(
        "项目名称主体班", "绩效指标一级指标二级指标三级指标指标值指标标准或依据",
        "产出指标数量指标主体班培训人次280人次", "质量指标培训完成率100%", "成本指标成本控制率100%",
        "满意度指标服务对象满意度指标培训学员对培训效果满意度≥95%")
    assert _rows(document) == [
        ("数量指标", "主体班培训人次", "280人次"), ("质量指标", "培训完成率", "100%"), ("成本指标", "成本控制率", "100%"),
        ("服务对象满意度指标", "培训学员对培训效果满意度", "≥95%")]


def test_a_legacy_level_name_and_the_same_level_word_after_it_open_the_name():
    # 成本指标 is the level 2 (under 产出指标); 成本 after it is the first word of the name, not a second level
    assert split_level_prefix("成本指标成本控制率100%") == ("", "成本指标", "成本控制率100%")
    # another level 2 after it (the newer framework's 成本指标 | 经济成本指标) leaves it the level 1
    assert split_level_prefix("成本指标经济成本指标人均成本") == ("成本指标", "经济成本指标", "人均成本")
