from decimal import Decimal

import pytest

from jixiao.model import NoteCode, Operator, parse_target

D = Decimal


@pytest.mark.parametrize(
    ("raw", "context", "operator", "value", "unit"),
    [
        ("≥18全乡18个行政村全覆盖", "全乡18个行政村全覆盖", Operator.GE, D(18), "个"),
        ("≥100垃圾桶正常使用率100%", "垃圾桶正常使用率100%", Operator.GE, D(100), "%"),
        ("≥100%百分比,全乡辖区内常住人口", "", Operator.GE, D(100), "%"),
        ("≥24400%百分比,全乡人口24400人", "24400人", Operator.GE, D(24400), "%"),
        ("≥100100%", "受益人口满意度100%", Operator.GE, D(100), "%"),
        ("≥90%,百分比人民调解案件数", "", Operator.GE, D(90), "%"),
        ("≥100接受调解人员满意度", "接受调解人员满意度", Operator.GE, D(100), None),
        ("不低于95％", "", Operator.GE, D(95), "%"),
        ("＞＝95%", "", Operator.GE, D(95), "%"),
        ("≧95%", "", Operator.GE, D(95), "%"),
        (">=95%", "", Operator.GE, D(95), "%"),
        ("不少于3次", "", Operator.GE, D(3), "次"),
        ("95%以上", "", Operator.GE, D(95), "%"),
        ("3天以内", "", Operator.LE, D(3), "天"),
        ("≤5个工作日", "", Operator.LE, D(5), "工作日"),
        ("<=20万元", "", Operator.LE, D(20), "万元"),
        ("不高于2%", "", Operator.LE, D(2), "%"),
        ("不超过120元/亩", "", Operator.LE, D(120), "元/亩"),
        ("=100%", "", Operator.EQ, D(100), "%"),
        ("＝ 1 项", "", Operator.EQ, D(1), "项"),
        ("≥1,200人次", "", Operator.GE, D(1200), "人次"),
        ("十八个", "", None, D(18), "个"),
        ("为零", "", Operator.EQ, D(0), None),  # (a Chinese numeral without unit counts after an operator only as 零)
        ("达到零", "", Operator.EQ, D(0), None),
        ("百分之九十", "", None, D(90), "%"),
        ("30.00", "", None, D("30.00"), None),
    ],
)
def test_quantitative_targets(raw, context, operator, value, unit):
    target = parse_target(raw, context)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert target.raw == raw


def test_range_target():
    target = parse_target("80%-90%")
    assert (target.operator, target.value, target.value_max, target.unit) == (Operator.RANGE, D(80), D(90), "%")
    assert target.display() == "80-90%"


@pytest.mark.parametrize(("raw", "said"), [
    # corpus 219: the 1st to 6th courses, then what is done after them; no figure bounded
    ("1-6期培训结束后及时考核", "1-6期"), ("1-2期未能及时培训", "1-2期")])
def test_a_span_that_a_sentence_goes_on_about_is_a_statement_not_a_range(raw, said):
    target = parse_target(raw)
    assert (target.operator, target.value, target.value_max, target.unit) == (None, None, None, None)
    assert target.qualitative == raw
    assert target.has_note(NoteCode.LEFTOVER) and f"“{said}”后接文字" in target.notes[0].message


@pytest.mark.parametrize("raw", ["18—54周岁", "10-20万元左右"])  # (a word or two after the range qualify it)
def test_a_range_with_at_most_a_word_after_it_stays_a_range(raw):
    assert parse_target(raw).operator is Operator.RANGE


def test_prose_mixed_into_the_cell_is_kept_as_leftover_and_noted():
    target = parse_target("≥18全乡18个行政村全覆盖", "全乡18个行政村全覆盖")
    assert target.leftover == "全乡18个行政村全覆盖"
    assert target.unit_inferred
    assert any(note.code is NoteCode.UNIT_INFERRED and "18个" in note.message for note in target.notes)


def test_glued_numbers_are_split_only_with_evidence_in_the_description():
    glued = parse_target("≥100100%", "受益人口满意度100%")
    assert glued.value == D(100) and glued.leftover == "100%" and glued.has_note(NoteCode.GLUED_NUMBERS)
    without_evidence = parse_target("≥100100%", "")
    assert without_evidence.value == D(100100)


def test_missing_unit_is_noted_not_guessed():
    target = parse_target("≥100接受调解人员满意度", "接受调解人员满意度")
    assert target.unit is None and not target.unit_inferred
    assert target.has_note(NoteCode.UNIT_MISSING) and not target.has_note(NoteCode.UNIT_INFERRED)


@pytest.mark.parametrize("raw", ["明显提升", "按时完成", "达到预期", "一般", "较好", "健全", "正常运行"])
def test_qualitative_targets(raw):
    target = parse_target(raw)
    assert target.value is None and target.qualitative == raw and target.notes == []


@pytest.mark.parametrize("raw", ["零", "为一致", "零。零"])
def test_chinese_numerals_without_unit_or_operator_are_no_figure(raw):
    assert parse_target(raw).value is None


@pytest.mark.parametrize("raw", ["(≥**个)", "指标1:≥**个", "≥XX%"])
def test_template_residue_is_a_placeholder(raw):
    target = parse_target(raw)
    assert target.placeholder and target.qualitative is None


@pytest.mark.parametrize(("raw", "operator", "unit"), [("公里", None, "公里"), ("≧ %", Operator.GE, "%"),
                                                     ("万人", None, "万人"), ("万亩", None, "万亩")])
def test_a_unit_whose_figure_the_template_left_blank_keeps_operator_and_unit_without_a_value(raw, operator, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit, target.qualitative, target.placeholder) == (
        operator, None, unit, None, False)
    assert target.has_note(NoteCode.NOT_UNDERSTOOD)


@pytest.mark.parametrize(("raw", "operator", "unit"), [("≤****000元", Operator.LE, "元"), ("≥＊＊＊万元", Operator.GE, "万元"),
                                                     ("≤***,***元", Operator.LE, "元")])
def test_a_figure_starred_out_for_the_web_keeps_its_operator_and_unit_without_a_value(raw, operator, unit):
    # corpus 154: a tender site masks the figures of what it publishes; the template's own residue is two stars
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit, target.qualitative, target.placeholder) == (
        operator, None, unit, None, True)


def test_empty_cell():
    target = parse_target("  ")
    assert target.is_empty and target.value is None and target.qualitative is None


# Real cells from ../shared/corpus/ (the file number is the document's).
@pytest.mark.parametrize(
    ("raw", "operator", "value", "unit"),
    [
        ("1000人次以上", Operator.GE, D(1000), "人次"),  # 028
        ("2次以上", Operator.GE, D(2), "次"),  # 028
        ("95%以上", Operator.GE, D(95), "%"),  # 030
        ("≧90%", Operator.GE, D(90), "%"),  # 011
        ("2279.048 万元", None, D("2279.048"), "万元"),  # 011: a space inside the cell
        ("≥100百分比", Operator.GE, D(100), "%"),  # 006: the unit as a word
        ("≤90万元", Operator.LE, D(90), "万元"),  # 006
        ("400元/人、天", None, D(400), "元/人·天"),  # 036: per person-day
        ("180元/人、天", None, D(180), "元/人·天"),  # 036
        ("2km", None, D(2), "公里"),  # 020: a Latin unit
        ("≤120万元", Operator.LE, D(120), "万元"),  # 020
        ("≥ 1 人/年", Operator.GE, D(1), "人/年"),  # 003
        ("=300天", Operator.EQ, D(300), "天"),  # 038
        ("不超过5天", Operator.LE, D(5), "天"),
        ("不低于95%", Operator.GE, D(95), "%"),
        ("3天以内", Operator.LE, D(3), "天"),
        ("10%以下", Operator.LE, D(10), "%"),
        ("低于5%", Operator.LT, D(5), "%"),
        ("达到100%", Operator.EQ, D(100), "%"),  # 达到 is "=" (tests/corpus/README.md)
        ("≦5%", Operator.LE, D(5), "%"),
        ("=<5%", Operator.LE, D(5), "%"),
        ("＞90%", Operator.GT, D(90), "%"),
        ("≤2875元/个", Operator.LE, D(2875), "元/个"),
        ("=23万元/个", Operator.EQ, D(23), "万元/个"),
        ("≤400元/人·天", Operator.LE, D(400), "元/人·天"),
        ("12元/人.每天", None, D(12), "元/人·天"),  # a wide form's 指标值: the dot typed for ·, 每 before the day
        ("≤8元/每人", Operator.LE, D(8), "元/人"),
        ("≤300元/平方米", Operator.LE, D(300), "元/平方米"),
        ("≥5000公斤", Operator.GE, D(5000), "公斤"),
        ("≥10吨", Operator.GE, D(10), "吨"),
        ("≥2千米", Operator.GE, D(2), "公里"),
        ("≥3M", Operator.GE, D(3), "米"),
        ("1,200人", None, D(1200), "人"),
        ("≥1，200人", Operator.GE, D(1200), "人"),
        ("各 1 次", None, D(1), "次"),  # 173: one of each item the name lists
        ("各≥2次", Operator.GE, D(2), "次"),
    ],
)
def test_operators_as_words_variants_and_compound_units(raw, operator, value, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert not target.has_note(NoteCode.LEFTOVER) and not target.has_note(NoteCode.UNIT_MISSING)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("≤2875元/个", "≤2875元/个"), ("=23万元/个", "=23万元/个"), ("≥5000公斤", "≥5000公斤"), ("3个月", "3个月"),
     ("180元/人、天", "180元/人·天"), ("≤28.40/株", "≤28.40/株")],
)
def test_display_keeps_everything_the_cell_said(raw, shown):
    assert parse_target(raw).display() == shown


@pytest.mark.parametrize(
    ("raw", "date", "operator", "leftover"),
    [
        ("2025年12月", "2025年12月", None, None),
        ("12月底前", "12月底前", None, None),
        ("2025年底前", "2025年底前", None, None),
        ("年底前", "年底前", None, None),
        ("每年12月底前", "每年12月底前", None, None),
        ("2023年12月31日", "2023年12月31日", None, None),
        ("2021年12月31日", "2021年12月31日", None, None),  # 034
        ("2019年12月(计划标准)", "2019年12月", None, "计划标准"),  # 010: the standard put in the value
        ("≤2025年12月", "2025年12月", Operator.LE, None),
        ("2023-12-31", "2023-12-31", None, None),
    ],
)
def test_dates_and_deadlines_are_not_numbers_of_years(raw, date, operator, leftover):
    target = parse_target(raw)
    assert (target.date, target.operator, target.leftover) == (date, operator, leftover)
    assert target.is_date and target.value is None and target.unit is None


@pytest.mark.parametrize(("raw", "value", "unit"), [("12月", D(12), "月"), ("20年", D(20), "年"), ("3个月", D(3), "个月")])
def test_durations_stay_numbers(raw, value, unit):
    target = parse_target(raw)
    assert (target.value, target.unit, target.date) == (value, unit, None)


@pytest.mark.parametrize(
    ("raw", "operator", "value", "unit", "inferred"),
    [
        ("(≥**株)>=17600株", Operator.GE, D(17600), "株", False),  # 019
        ("(≥**%)>=85", Operator.GE, D(85), "%", True),  # 019: % missing after the value, named by the template
        ("(≥**万元)≥80万元", Operator.GE, D(80), "万元", False),  # 019
    ],
)
def test_template_residue_before_the_real_value(raw, operator, value, unit, inferred):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit, target.unit_inferred) == (operator, value, unit, inferred)
    assert target.has_note(NoteCode.TEMPLATE_RESIDUE) and not target.placeholder


def test_a_per_unit_without_its_money_unit_is_kept_and_noted():
    target = parse_target("≤28.40/株")  # 019: 元 missing; the unit is kept as written (the corpus golden's rule)
    assert (target.operator, target.value, target.unit, target.unit_raw) == (Operator.LE, D("28.40"), "/株", "/株")
    assert any(n.code is NoteCode.UNIT_MISSING and "元/株" in n.message for n in target.notes)


@pytest.mark.parametrize(
    ("raw", "operator", "value", "note"),
    [("二100百分比", Operator.EQ, D(100), NoteCode.OCR_REPAIRED),
     # the % before the operator is the percent unit, written again after the figure
     ("%=99百分比", Operator.EQ, D(99), NoteCode.UNIT_REPEATED)],  # 038
)
def test_certain_conversion_repairs_are_made_and_noted(raw, operator, value, note):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit) == (operator, value, "%")
    assert [n.code for n in target.notes] == [note]


@pytest.mark.parametrize(
    ("raw", "operator", "value", "unit", "said"),
    [("11〇0万元", None, D(1100), "万元", "“〇”或“O”"),  # a zero read as the numeral 〇 between digits
     ("≥9O%", Operator.GE, D(90), "%", "“〇”或“O”"),  # ... or as the letter O
     ("l6.3万亩", None, D("16.3"), "万亩", "“l”或“I”"),  # a one read as l or I before a digit
     ("≥I.2万亩", Operator.GE, D("1.2"), "万亩", "“l”或“I”"),
     ("2，6亿元", None, D("2.6"), "亿元", "逗号是小数点"),  # a decimal point read as a comma: 1 or 2 digits after it
     ("≥99，5%", Operator.GE, D("99.5"), "%", "逗号是小数点"),
     ("≥9 5%", Operator.GE, D(95), "%", "空格")],  # a space inside the figure
)
def test_ocrs_certain_slips_inside_a_figure_are_repaired_and_noted(raw, operator, value, unit, said):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert [n.code for n in target.notes] == [NoteCode.OCR_REPAIRED] and said in target.notes[0].message
    assert raw in target.notes[0].message


@pytest.mark.parametrize(
    ("raw", "value"),
    [("≥1,200人", D(1200)),  # a thousands separator groups three digits: no slip
     ("≤5ml", D(5)),  # l after a digit may be a unit (litres): kept
     ("I级", None)],  # a letter before no digit is a word's (I级, a grade), not a figure's
)
def test_what_is_no_certain_ocr_slip_is_left_as_written(raw, value):
    target = parse_target(raw)
    assert target.value == value and not target.has_note(NoteCode.OCR_REPAIRED)


def test_a_guessed_conversion_error_is_only_noted():
    target = parse_target("292%")  # 004: probably ≥92%, but only the original can tell
    assert (target.operator, target.value, target.unit) == (None, D(292), "%")
    assert any(n.code is NoteCode.OCR_SUSPECTED and "≥92%" in n.message for n in target.notes)
    assert not parse_target("≥292人").has_note(NoteCode.OCR_SUSPECTED)


@pytest.mark.parametrize(("raw", "written", "unit"), [
    ("工5%", "工5", "%"), ("^80%", "^80", "%"), ("到0次", "到0", "次"),  # 106, 157: OCR's slips for ≥
])
def test_a_figure_behind_a_mark_no_operator_reads_keeps_its_unit_and_the_rest_as_written(raw, written, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.qualitative, target.unit) == (None, None, written, unit)
    assert any(n.code is NoteCode.PREFIX_NOT_OPERATOR and raw[0] in n.message and raw in n.message
               for n in target.notes)


@pytest.mark.parametrize("raw", ["约5%", "前3名", "第1名", "超5%", "第O份", "工5", "±10%", "~5%"])
def test_a_word_about_the_figure_or_a_cell_with_no_unit_is_no_mark_before_it(raw):
    # (约, 前, 第, 超, ± say something of the figure; without a unit nothing in the cell is certain)
    target = parse_target(raw)
    assert target.qualitative == raw and target.unit is None


@pytest.mark.parametrize("raw", ["减少", "已完成", "逐步提高"])  # 025, 034
def test_more_qualitative_values(raw):
    target = parse_target(raw)
    assert target.qualitative == raw and not target.has_note(NoteCode.NOT_UNDERSTOOD)


def test_a_period_of_two_dates_is_one_date():
    target = parse_target("2020年1月--2020年11月")  # benchmark document 122: 保障期限
    assert target.date == "2020年1月--2020年11月" and target.value is None and not target.leftover


@pytest.mark.parametrize(("raw", "value", "unit"), [
    ("每亩300", D(300), "/亩"),  # 169: 300 per 亩, its money unit missing as in ≤28.40/株
    ("每人500元", D(500), "元/人"),
])
def test_a_per_unit_written_as_a_word_before_the_figure_is_the_unit_s_denominator(raw, value, unit):
    target = parse_target(raw)
    assert (target.value, target.unit, target.leftover) == (value, unit, None)
    assert not target.has_note(NoteCode.PREFIX_NOT_OPERATOR)  # 每亩 is part of the value, not unread prose


@pytest.mark.parametrize(("raw", "operator", "value", "unit"), [
    ("暂定量按15次作业且总航时不少于30小时测算", Operator.GE, D(30), "小时"),  # 152: the one figure with an operator
    ("按15次作业且总航时30小时测算", None, None, None),  # no operator: which figure is the target is a guess
    ("不少于15次且不少于30小时", Operator.GE, D(15), "次"),  # opens with its operator: read as before
    ("完成时间为2022年12月30日", None, None, None),  # 138: a deadline after 为, not a figure compared with
])
def test_a_target_written_as_a_sentence_is_its_one_figure_with_an_operator(raw, operator, value, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert target.raw == raw


@pytest.mark.parametrize(("raw", "operator", "value", "unit", "conflict"), [
    # reaching the figure named in words (达到目标值, 达到预计值) is reaching the figure (030's 目标值 column)
    ("达到目标值95%", Operator.EQ, D(95), "%", False),
    ("达到预计值2100", Operator.EQ, D(2100), None, False),
    # an equality in words before a bound after the figure is that bound: reaching 95% or more is at least 95%
    ("达到目标值95%以上", Operator.GE, D(95), "%", False),
    ("达到95%以上", Operator.GE, D(95), "%", False),
    ("为10天以内", Operator.LE, D(10), "天", False),
    # the sign itself before a bound still contradicts it
    ("=95%以上", Operator.EQ, D(95), "%", True),
])
def test_reaching_a_figure_written_in_words_and_a_bound_after_it(raw, operator, value, unit, conflict):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit) == (operator, value, unit)
    assert any(note.code is NoteCode.OPERATOR_CONFLICT for note in target.notes) == conflict


@pytest.mark.parametrize(
    ("raw", "operator", "value", "unit"),
    [
        ("不少於12種", Operator.GE, D(12), "种"),  # corpus 170 in Traditional (不少于12 种)
        ("≥9.31萬元", Operator.GE, D("9.31"), "万元"),  # corpus 121
        ("不超過5個工作日", Operator.LE, D(5), "工作日"),
        ("95%以內", Operator.LE, D(95), "%"),
    ],
)
def test_traditional_operator_words_and_units_are_understood_and_the_cell_kept_as_written(raw, operator, value, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit, target.leftover, target.notes) == (operator, value, unit, None, [])
    assert target.raw == raw


def test_a_traditional_qualitative_target_is_a_known_statement_read_in_simplified_and_kept_as_written():
    target = parse_target("按計劃實施")  # corpus 150 in Traditional
    assert (target.qualitative, target.raw, target.notes) == ("按计划实施", "按計劃實施", [])
    glossed = parse_target("應(yīng)保盡保")  # corpus 118, glossed in pinyin
    assert (glossed.qualitative, glossed.raw) == ("应保尽保", "應(yīng)保盡保")


@pytest.mark.parametrize(("raw", "context", "written", "unit"), [
    ("20000", "服务外包在岸(万美元)", "万美元", "万美元"),  # corpus 205
    ("116", "保障在职职工人数(人)", "人", "人"),  # corpus 128
    ("100", "工程质量达标率(%)", "%", "%"),  # corpus 013
    ("≥300", "培训人数（人次） 按年度统计", "人次", "人次"),
])
def test_a_unit_stated_in_brackets_in_the_name_is_taken_and_noted(raw, context, written, unit):
    target = parse_target(raw, context)
    assert target.unit == unit and target.unit_inferred
    assert [note.message for note in target.notes if note.code is NoteCode.UNIT_INFERRED] == [
        f"指标值未写计量单位，按名称或说明中注明的“（{written}）”取单位“{unit}”"]


@pytest.mark.parametrize("context", ["新建高校(校区)", "政府预决算公开率(除涉密信息外)", "建设项目个数(含续建)"])
def test_a_bracket_that_is_not_a_unit_gives_none(context):
    assert parse_target("7", context).unit is None


@pytest.mark.parametrize(("raw", "unit"), [("25TB", "TB"), ("50kW", "千瓦"), ("≥100Mbps", "Mbps"), ("4500万美元", "万美元")])
def test_data_power_and_foreign_currency_units(raw, unit):
    assert parse_target(raw).unit == unit


def test_各_shares_out_a_figure_only_before_one():
    assert parse_target("各地").qualitative == "各地" and parse_target("各地").value is None


@pytest.mark.parametrize(("raw", "value", "unit"), [
    ("完成90%", D(90), "%"),  # corpus 224: 室外市政附属工程 | 全部完成(…) | 完成90%
    ("提升10%", D(10), "%"), ("增加1000人", D(1000), "人")])
def test_a_verb_before_a_figure_ending_the_cell_states_no_operator_and_the_figure_is_the_target(raw, value, unit):
    target = parse_target(raw)
    assert (target.operator, target.value, target.unit, target.qualitative) == (None, value, unit, None)
    assert target.has_note(NoteCode.PREFIX_NOT_OPERATOR)


@pytest.mark.parametrize("raw", ["完成90%以上", "提高服务5%", "全部完成"])
def test_a_verb_before_a_figure_followed_by_more_words_stays_a_statement(raw):
    assert parse_target(raw).qualitative == raw


@pytest.mark.parametrize(("raw", "unit"), [("≥2倍", "倍"), ("18周岁", "周岁")])  # corpus 227, 219
def test_multiples_and_ages_in_full_years_are_units(raw, unit):
    assert parse_target(raw).unit == unit


@pytest.mark.parametrize(("raw", "value", "unit"), [("±2.5%以内", D("2.5"), "%"), ("± 0.3米以下", D("0.3"), "米"),
                                                    ("+/-5天以内", D(5), "天")])
def test_a_tolerance_bounded_both_ways_is_an_upper_bound_on_its_size(raw, value, unit):
    # corpus 290's family (补助款结算误差率 | ±3%以内): the deviation either way stays within the figure
    target = parse_target(raw)
    assert (target.raw, target.operator, target.value, target.unit) == (raw, Operator.LE, value, unit)


def test_a_tolerance_without_its_bound_word_stays_as_written():
    assert parse_target("±10%").qualitative == "±10%"  # (which bound it is, the cell does not say)


@pytest.mark.parametrize(
    ("target", "stated"),
    [
        # a bare 指标值 under the form's 指标性质 and 计量单位 columns (read ≥95%): the columns complete it
        (lambda: parse_target("≥95%").model_copy(update={"raw": "95"}), "≥95%"),
        (lambda: parse_target("12.5万元").model_copy(update={"raw": "12.5"}), "12.5万元"),
        # a cell stating more than the number is named as written, prose and all
        (lambda: parse_target("≥100%,百分比,解决上访问题"), "≥100%,百分比,解决上访问题"),
        (lambda: parse_target("95"), "95"),
        (lambda: parse_target("应保尽保"), "应保尽保"),
        # a unit taken from the surrounding text is no column's
        (lambda: parse_target("≥95人").model_copy(update={"raw": "95", "operator": None, "unit_inferred": True}), "95"),
        (lambda: parse_target("≥95人").model_copy(update={"raw": "95", "unit_inferred": True}), "≥95"),
    ],
)
def test_a_target_is_stated_with_the_columns_that_complete_a_bare_number(target, stated):
    assert target().stated == stated
