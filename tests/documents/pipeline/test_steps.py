"""The reading pipeline's steps on compact cases taken from real documents (see ../shared/corpus/README.md)."""

from __future__ import annotations

import pytest

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import Role, is_bare_number, is_numbered, label, match_key, segment
from jixiao.documents.pipeline.tokens import Line, LineKind, Token, text_lines


def read(text: str):
    return read_text(text.encode(), "case.txt")[0]


def test_tokenizer_splits_on_every_separator_and_keeps_positions():
    lines = text_lines("一级指标\t二级指标\n| a | b |\n甲  乙\n单独一格 |\n|\n")
    assert [(line.kind, line.texts) for line in lines] == [
        (LineKind.ROW, ["一级指标", "二级指标"]), (LineKind.ROW, ["a", "b"]), (LineKind.ROW, ["甲", "乙"]),
        (LineKind.CELL, ["单独一格"]), (LineKind.CELL, [""]),
    ]
    assert [token.offset for token in lines[2].tokens] == [0, 4]


def test_labels_see_through_traditional_characters_glosses_and_radicals():
    assert match_key("項(xiàng)目名稱") == "项目名称"
    assert label("服務對象滿意度指標").role is Role.LEVEL2
    assert label("⼀级指标").kind == "level1"  # U+2F00 KANGXI RADICAL ONE
    assert label("≧90%").role is Role.TARGET and label("定性").role is Role.OPERATOR
    assert label("不少於12種").role is Role.TARGET and label("萬元").role is Role.UNIT  # corpus 170, 121


def test_a_traditional_row_numbering_opens_a_row():
    # corpus 170 in Traditional: 指標1: begins each row as 指标1: does
    assert is_numbered("指標2:發放健康教育資料") and is_numbered("指标2:发放健康教育资料")


@pytest.mark.parametrize(("text", "bare"), [
    ("10", True), ("2.5", True), (" 12 \n", True), ("\u300030", True), ("0", True),  # a 分值 cell, spaces around it
    ("", False), ("  ", False), ("-5", False), ("1,000", False), ("90%", False), ("12个", False),  # Role.NUMBER's
    (".5", False), ("5.", False), ("1.2.3", False), ("≥90", False), ("10 10", False), ("2.5分", False),
])
def test_a_bare_number_is_an_unsigned_figure_and_nothing_else(text, bare):
    assert is_bare_number(text) is bare


def test_a_bare_number_is_narrower_than_a_number_label():
    # the points of a row (分值, 得分) are bare numbers; a signed, grouped or percent figure is a NUMBER, not bare
    for text in ("-5", "1,000", "90%"):
        assert label(text).role is Role.NUMBER and not is_bare_number(text)


def test_a_traditional_table_that_lost_its_line_breaks_is_not_taken_for_cells_joined_by_single_spaces():
    rows = ["項目名稱 縣級儲備糧", "績 效 指 標一級 指標二級 指標三級指標年度指標 值",
            "產 出 指 標數量 指標庫存數量真實率100%質量 指標儲備糧管理專戶管理率100%"]
    document = read("\n".join(rows))
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "庫存數量真實率", "100%"), ("质量指标", "儲備糧管理專戶管理率", "100%")]  # names as written


def test_a_whole_table_run_together_on_one_line_is_split_by_labels():
    assert segment("一级指标二级指标三级指标指标值产出指标数量指标检测人次1000人次以上") == (
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "检测人次", "1000人次以上")


def test_a_run_of_figures_is_never_cut_after_a_decimal_point():
    # corpus 171 with its cells run together: the money row's 310.2 | 154.74 | 10 | 50% fused, no cut at 310. | 2154.74%
    pieces = segment("一级指标二级指标三级指标得分年度资金总额:310.2154.741050%5执行率*该指标分值")
    assert pieces is not None and pieces[3:5] == ("得分年度资金总额:310.2", "154.741050%")


def test_a_heading_split_over_two_lines_is_one_column():
    document = read("\n".join(["一级指标", "二级指标", "三级指标", "指标值", "(年度)",
                               "产出指标", "数量指标", "改造户数", "≥18户"]))
    (indicator,) = document.sheets[0].indicators
    assert (indicator.name, indicator.target.raw) == ("改造户数", "≥18户")


def test_page_chrome_with_bars_before_a_clean_table_does_not_stop_it():
    document = read("\n".join([
        "首页 | 政务公开 | 财政预算", "分享到 | 微信 | 微博", "字体:大 | 中 | 小", "打印本页 | 关闭窗口", "索引号 | 123",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | 改造户数 | ≥18户 |",
    ]))
    assert [i.name for i in document.sheets[0].indicators] == ["改造户数"]


def test_a_web_table_copied_with_tabs_reads_as_its_pipe_rows_do():
    rows = ["一级指标\t二级指标\t三级指标\t指标值\t备注", "产出指标\t数量指标\t改造户数\t≥18户\t", "改造面积\t≥300平方米",
            "效益指标\t社会效益指标\t受益人数\t\t无"]  # (merged level cells dropped; an empty target between two TABs)
    lines = text_lines("\n".join(rows))
    assert lines[3].texts == ["效益指标", "社会效益指标", "受益人数", "", "无"]
    tabbed = [(i.level2, i.name, i.target.raw) for i in read("\n".join(rows)).sheets[0].indicators]
    piped = [(i.level2, i.name, i.target.raw)
             for i in read("\n".join("| " + row.replace("\t", " | ") + " |" for row in rows)).sheets[0].indicators]
    assert tabbed == piped == [("数量指标", "改造户数", "≥18户"), ("数量指标", "改造面积", "≥300平方米"),
                               ("社会效益指标", "受益人数", "")]


def test_a_cell_wrapped_onto_the_next_line_of_a_stream_whose_cells_stand_between_blank_lines_is_one_cell():
    cells = ["一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "满足辖区居民对\n常用疫苗的需求", "100%",
             "质量指标", "质量符合国家标准,有国家\n颁发的批签发等相关证明文件", "100%",
             "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"]
    document = read("\n\n".join(cells))
    assert [(i.level2, i.name, i.target.raw) for i in document.sheets[0].indicators] == [
        ("数量指标", "满足辖区居民对常用疫苗的需求", "100%"), ("质量指标", "质量符合国家标准,有国家颁发的批签发等相关证明文件", "100%"),
        ("服务对象满意度指标", "服务对象满意度", "≥90%")]


def test_a_sequence_number_column_does_not_make_rows_skip():
    document = read("\n".join([
        "| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 1 | 产出指标 | 数量指标 | 改造户数 | ≥18户 |",
        "| 2 | 效益指标 | 社会效益指标 | 受益人数 | ≥100人 |",
    ]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw) for i in indicators] == [
        ("数量指标", "改造户数", "≥18户"), ("社会效益指标", "受益人数", "≥100人")]
    assert indicators[0].extra == {"序号": "1"}


def test_a_rows_sequence_number_is_not_joined_to_its_name_where_its_level_cells_were_merged_away():
    document = read("\n".join([
        "| 序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 1 | 产出指标 | 数量指标 | 改造户数 | ≥18户 |",
        "| 2 | 改造面积 | ≥300平方米 |",
        "| 3 | 效益指标 | 社会效益指标 | 受益人数 | ≥100人 |",
    ]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw, i.extra) for i in indicators] == [
        ("数量指标", "改造户数", "≥18户", {"序号": "1"}), ("数量指标", "改造面积", "≥300平方米", {"序号": "2"}),
        ("社会效益指标", "受益人数", "≥100人", {"序号": "3"})]


def test_a_page_number_line_is_page_chrome_not_the_text_of_the_cell_above():
    assert label("第 1 页 共 3 页").role is Role.CHROME and label("共3页，第2页").role is Role.CHROME
    assert label("第1页").role is not Role.CHROME  # (a bare 第N页 may be a cell: 详见第1页)
    document = read("\n".join(["一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "改造户数", "≥18户",
                               "第 1 页 共 2 页"]))
    assert [(i.name, i.target.raw) for i in document.sheets[0].indicators] == [("改造户数", "≥18户")]


def test_operator_unit_and_weight_columns_and_2021_cost_level():
    document = read("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 权重 | 备注 |",
        "| 成本指标 | 经济成本指标 | 疾控经费 | ≤ | 70 | 万元 | 10 | 反映经费 |",
        "| 社会成本指标 | 不利影响 | 定性 | 减少 | | | |",
    ]))
    first, second = document.sheets[0].indicators
    assert (first.level1, first.level2, first.target.operator, str(first.target.value), first.target.unit) == (
        "成本指标", "经济成本指标", "≤", "70", "万元")
    assert (first.weight, first.extra) == (10, {"备注": "反映经费"})
    assert (second.level2, second.name, second.target.raw) == ("社会成本指标", "不利影响", "减少")
    assert document.sheets[0].form_fields[-4:] == ["指标值", "度量单位", "权重", "备注"]


def test_rows_after_the_grid_are_not_indicators_and_a_claimed_total_is_kept():
    document = read("\n".join([
        "某项目绩效自评表",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 改造户数 | ≥18户 | 20户 | 50 | 50 |",
        "| 合计 | 100 | 90 |",
        "| 审核意见 | 同意 |",
    ]))
    assert document.kind == "self-eval"
    (indicator,) = document.sheets[0].indicators
    evaluation = document.sheets[0].evaluation
    (item,) = evaluation.items
    assert (item.actual_raw, item.weight, item.score) == ("20户", 50, 50)
    assert evaluation.total == 90  # the 合计 row's score, not the weights' sum before it


def test_a_monitoring_table_gives_its_money_and_likelihoods():
    document = read("\n".join([
        "某项目绩效监控表",
        "| 项目资金 | 年初预算数 | 1-6月执行数 | 全年预计执行数 |",
        "| 年度资金总额 | 220 | 87.57 | 220 |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 1-6月指标执行情况 | 完成目标可能性 |",
        "| 产出指标 | 数量指标 | 举办活动 | ≥5场 | 3场 | 有可能 |",
    ]))
    report = document.sheets[0].monitoring
    assert (str(report.budget), str(report.spent), str(report.projected_spent)) == ("220", "87.57", "220")
    (item,) = report.items
    assert (item.actual_raw, item.likelihood) == ("3场", "有可能")


def test_guessed_placement_lowers_the_confidence_of_review_findings():
    from jixiao.review.context import GUESSED_BELOW

    document = read("\n".join(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值",
                               "产出指标", "数量指标", "维护里程", "县道", "乡道", "≥20公里"]))
    (indicator,) = document.sheets[0].indicators
    assert indicator.confidence < GUESSED_BELOW


@pytest.mark.parametrize("index, text, filled", [
    (0, "产出指标", ["产出指标", "数量指标"]),  # a blank cell filled in
    (1, " ", []),  # the only filled cell emptied
    (-1, "≥60亩", ["数量指标", "≥60亩"]),  # the last cell, counted from the end
])
def test_the_filled_tokens_follow_a_token_put_in_place(index, text, filled):
    # the filled tokens are kept once asked for: replacing a token must not leave the old ones
    line = Line([Token(""), Token("数量指标"), Token("")])
    assert [token.text for token in line.filled] == ["数量指标"]
    line.set_token(index, Token(text))
    assert [token.text for token in line.filled] == filled


def test_a_seal_or_a_total_anywhere_in_a_row_ends_a_grids_body():
    from jixiao.documents.pipeline.regions import ends_body

    def row(*texts: str) -> Line:
        return Line([Token(text, 1, column) for column, text in enumerate(texts)], LineKind.ROW)

    assert ends_body(row("张三", "财政绩效管理科室(盖章)"))  # a signature block, wherever its seal stands
    assert ends_body(row("其他说明", "无", "合计", "100"))  # the total below the grid, after other cells
    assert not ends_body(row("产出指标", "数量指标", "培训人次", "≥500人次"))


def test_the_tab_layout_is_told_by_lines_opening_with_a_tab():
    assert text_lines("\t甲\n\t乙\n\t丙\n\t丁\n\t戊\n")[0].gridded  # five TAB lines: a Word table's text
    assert not text_lines("\t甲\n\t乙\n\t丙\n\t丁\n戊\t己\n")[0].gridded  # a TAB inside a line is a gap


def test_a_rows_further_cells_wrapped_onto_lines_of_their_own_are_the_rows():
    # a PDF's row printed over three lines (corpus 102): the name, then its target, then its actual and points
    document = read("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 分值 | 得分 |",
        "| 产出指标 | 数量指标 | 受资助学生人数 | ≥735人 | 735人 | 10 | 10 |",
        "| 效益指标 | 社会效益指标 | 学生营养状况改善 |",
        "| 明显改善 |",
        "| 明显改善 | 20 | 18 |",
        "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% | 95% | 10 | 10 |",
    ]))
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.raw, i.weight) for i in indicators] == [
        ("数量指标", "受资助学生人数", "≥735人", 10), ("社会效益指标", "学生营养状况改善", "明显改善", 20),
        ("服务对象满意度指标", "家长满意度", "≥90%", 10)]
    assert document.sheets[0].evaluation.items[1].score == 18


def test_a_row_ending_at_its_name_keeps_a_row_of_words_under_it_apart():
    # the next line names an indicator of its own (no value), so it is no tail of the row above
    document = read("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 效益指标 | 社会效益指标 | 学生体质监测覆盖面 |",
        "| 家长满意度 | ≥90% |",
    ]))
    assert [i.name for i in document.sheets[0].indicators] == ["学生体质监测覆盖面", "家长满意度"]


def test_level2_names_printed_one_above_the_other_before_their_rows_share_the_rows_by_their_targets():
    # a spreadsheet's merged level cells, each printed where it begins, all before the rows (corpus 137): the rows
    # take 数量指标 while their targets are counts or quantities, then the next name
    lines = ["项目支出绩效目标申报表", "项目名称", "2024年河道保洁经费", "主管部门", "某县水利局", "一级指标", "二级指标",
             "数量指标", "产出指标", "绩 效 指 标", "质量指标", "三级指标", "指标值", "河道保洁里程", "35公里", "保洁车辆",
             "4辆", "垃圾清运及时率", "100%", "河面漂浮物清除率", "≥95%", "时效指标", "保洁完成时间", "2024年12月"]
    for separator in ("\n", " "):
        document = read(separator.join(lines))
        assert [(i.level2, i.name) for i in document.sheets[0].indicators] == [
            ("数量指标", "河道保洁里程"), ("数量指标", "保洁车辆"), ("质量指标", "垃圾清运及时率"),
            ("质量指标", "河面漂浮物清除率"), ("时效指标", "保洁完成时间")]


def test_a_level2_heading_left_without_rows_does_not_take_the_rows_of_the_next():
    # 数量指标 printed on a row of its own, then a row naming 质量指标 whose target is a rate: the row's level stands
    document = read("\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 数量指标 | | |",
        "| 产出指标 | 质量指标 | 验收合格率 | 100% |",
        "| 效益指标 | 经济效益指标 | | |",
        "| 效益指标 | 社会效益指标 | 受益人口 | ≥500人 |",
    ]))
    assert [(i.level2, i.name) for i in document.sheets[0].indicators] == [
        ("质量指标", "验收合格率"), ("社会效益指标", "受益人口")]


def test_the_pure_tests_asked_of_every_header_cell_and_one_cell_line_are_memoised_within_bounds():
    # (a header block's cells are asked for a label at each of their first dozen prefixes, and every one-cell line
    # whether it holds lone level names or a report's sentence: the second file with the same texts asks nothing new)
    from jixiao.documents.interpret.header_cells import parse_amount
    from jixiao.documents.pipeline.document import _inner_label, _leading_label
    from jixiao.documents.pipeline.labels import is_value
    from jixiao.documents.pipeline.prose import _lone_levels, split_report_sentence

    text = ("2025年度部门项目绩效目标表\n项目名称某项目补助资金\n主管部门某局\n资金总额\t35\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t培训人数\t≥100人\n")
    memoised = (parse_amount, _inner_label, _leading_label, is_value, _lone_levels, split_report_sentence)
    first = read(text)
    before = [function.cache_info() for function in memoised]
    assert read(text) == first
    after = [function.cache_info() for function in memoised]
    assert [(a.misses - b.misses, a.hits > b.hits) for a, b in zip(after, before)] == [(0, True)] * len(memoised)
    assert all(function.cache_parameters()["maxsize"] for function in memoised)


def test_a_goal_tables_sentences_are_read_only_when_the_file_is_titled_a_self_evaluation(monkeypatch):
    # (a goal table's notes state no spending the audit reads: its file's sentences, one a cell in a text copied one
    # cell a line, are not read for money at all; a self-evaluation report's title is looked for first)
    import jixiao.documents.pipeline as pipeline

    def refused(*_):
        raise AssertionError("read")

    monkeypatch.setattr(pipeline, "prose_report", refused)
    goals = "2025年度某项目绩效目标表\n项目名称\n某项目补助资金\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人数\n≥100人\n"
    document = read(goals)
    assert document.sheets and document.prose is None
    with pytest.raises(AssertionError, match="read"):
        read("某项目补助资金2023年度绩效自评报告\n" + goals)
