"""Rows of the corpus documents of batch 6 (moved to dev on 2026-12-04), each the shape of a layout family that
recurs in other provinces' documents: a second table after the indicator grid, a level 2 that cannot stand under
the row's level 1, long-term/annual value columns headed 周期指标值/本年度指标值. Where each row was read, and what."""

from __future__ import annotations

from decimal import Decimal

from jixiao.documents.pipeline import read_text


def read(*lines: str):
    return read_text("\n".join(lines).encode(), "case.txt")


def accounted(accounting) -> bool:
    """Every token of the tables placed, diagnosed or marked as chrome."""
    return accounting.tokens == accounting.placed + accounting.diagnosed + accounting.chrome


def rows(document) -> list[tuple]:
    return [(i.level2, i.name, i.target.raw) for sheet in document.sheets for i in sheet.indicators]


def test_a_table_opening_with_xuhao_after_the_grid_is_another_table_whose_rows_are_no_indicators():
    # corpus 219: the self-evaluation grid, then the list of the schools the fund was shared among
    document, accounting = read(
        "一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |",
        "效益指标 | 可持续影响 | 巩固脱贫攻坚成果 | 有效巩固 | 有效巩固 |",
        "序号 | 学校性质 | 培训机构 | 培训补助标准(元/人) | 就业奖补标准(元/人) | 2021年培训人数 | 合格人数 | 补助资金 | 备注 |",
        "① | ② | ③ | ④ | ⑤ | ⑥ | ⑦ | ⑧=④*⑦ | |",
        "1 | 民办 | 吕梁市远航职业培训学校 | 2600 | 400 | 842 | 842 | 218.92 | |",
        "2 | 民办 | 吕梁精准职业培训学校 | 2600 | 400 | 900 | 900 | 234 | |")
    assert rows(document) == [("可持续影响指标", "巩固脱贫攻坚成果", "有效巩固")]
    assert accounted(accounting)


def test_a_grid_whose_own_header_opens_with_xuhao_reads_its_repeated_header_as_a_header():
    document, _ = read(
        "序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "1 | 产出指标 | 数量指标 | 培训人数 | 100人 |",
        "序号 | 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "2 | 产出指标 | 质量指标 | 合格率 | 100% |")
    assert [name for _, name, _ in rows(document)] == ["培训人数", "合格率"]
    assert len(document.sheets) == 1


def test_a_row_naming_a_level_1_does_not_carry_a_level_2_of_another_level_1_down():
    # corpus 219: the grid's 效益指标 cells were lost with its first heading; 满意度 stands in the 二级指标 column (its
    # row's cells fill the columns from there on), the level 2 服务对象满意度指标, not 可持续影响 (the level 2 above)
    document, _ = read(
        "详情见附件一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |",
        "| 可持续影响 | 巩固脱贫攻坚成果 | 有效巩固 | 有效巩固 |",
        "| 满意度 | 参培学员满意度 | 95%及以上 | 88.32%及以上 |")
    sheet = document.sheets[0]
    # the blank level-1 cell of the first row takes the level 1 every framework gives 可持续影响 (not as written)
    assert [(i.level1, i.level2, i.name) for i in sheet.indicators] == [
        ("效益指标", "可持续影响指标", "巩固脱贫攻坚成果"), ("满意度指标", "服务对象满意度指标", "参培学员满意度")]
    assert sheet.indicators[0].level1_raw in (None, "")
    assert sheet.indicators[1].target.operator.value == "≥" and sheet.indicators[1].target.value == Decimal(95)


def test_period_headings_written_as_prefixes_keep_the_annual_set_as_the_targets():
    # corpus 224 (Traditional, one cell per line): 周期指标值 is the long-term set, 本年度指标值 the year's
    document, _ = read(
        "績效指標", "一級指標", "二級指標", "三級指標", "周期指標值", "本年度指標值",
        "產出指標", "數量指標", "新增學位數量(個)", "3000", "1200",
        "室外市政附屬工程", "全部完成(包括運動場、足球場等)", "完成90%")
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.value, i.target.unit, i.long_term_target.raw) for i in indicators] == [
        ("新增學位數量(個)", Decimal(1200), "个", "3000"), ("室外市政附屬工程", Decimal(90), "%", "全部完成(包括運動場、足球場等)")]


def test_a_prose_target_whose_figure_is_followed_by_the_word_of_the_standard_met_is_the_figure():
    # corpus 223 (a Traditional notice): 资助经费发放率100%达标, two indicators in one level-2 sentence
    document, _ = read(
        "七、績效目標", "(一)產出指標", "1、數量指標:資助建檔立卡貧困子女1966人。", "2、質量指標:資助標準100%達標。",
        "3、時效指標:資助經費發放率100%達標,資助經費到位率100%達標。")
    indicators = document.sheets[0].indicators
    assert [(i.level2, i.name, i.target.operator, i.target.value, i.target.unit) for i in indicators] == [
        ("数量指标", "資助建檔立卡貧困子女", None, Decimal(1966), "人"), ("质量指标", "資助標準", None, Decimal(100), "%"),
        ("时效指标", "資助經費發放率", None, Decimal(100), "%"), ("时效指标", "資助經費到位率", None, Decimal(100), "%")]


def test_one_cell_lines_under_a_text_row_that_stopped_before_its_target_are_its_target_and_points():
    # corpus 218 (a PDF's text, cells one space apart): a 定性 row broke after its 指标性质 cell
    document, accounting = read(
        "项目名称 项目单位 预算数 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值",
        "效益指标(30分) 可持续影响 推动人民检察院业务装备建设的标准化规范化配置 定性",
        "长期",
        "15",
        "产出指标(50分) 时效指标 采购计划完成时间 定性",
        "11月底之前",
        "5",
        "设备验收及时率 正向 大于等于 98 % 5")
    indicators = document.sheets[0].indicators
    assert [(i.name, i.target.raw, i.weight) for i in indicators] == [
        ("推动人民检察院业务装备建设的标准化规范化配置", "长期", Decimal(15)),
        ("采购计划完成时间", "11月底之前", Decimal(5)), ("设备验收及时率", "98", Decimal(5))]
    assert accounted(accounting)


def test_a_one_cell_line_that_is_no_target_under_a_row_without_one_is_a_row_of_its_own():
    document, _ = read(
        "一级指标 二级指标 三级指标 指标值 分值",
        "产出指标 数量指标 培训人数",
        "培训合格人数",
        "质量指标 培训合格率 100% 10")
    assert [name for _, name, _ in rows(document)][-1] == "培训合格率"
    assert "培训合格人数" in [name for _, name, _ in rows(document)]


def test_two_bare_figures_ending_a_short_row_are_its_points_though_its_values_stand_between_them():
    # corpus 225 (Anhui's form flattened to spaced lines): ★ rows print 分值 and 得分, their breakdown rows the values
    document, _ = read(
        "二级指标  三级指标  分值  年度指标值  全年实际值  得分  未完成原因及拟采取的改进措施",
        "数量指标  ★补助各类粮食作物种植面积  10  10",
        "        红薯种植面积  5.5亩  5.5亩",
        "★补助家畜家禽养殖数量  10  8",
        "        猪养殖数量  80头  80头")
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw, i.weight) for i in sheet.indicators] == [
        ("补助各类粮食作物种植面积", "", Decimal(10)), ("红薯种植面积", "5.5亩", None),
        ("补助家畜家禽养殖数量", "", Decimal(10)), ("猪养殖数量", "80头", None)]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        (None, Decimal(10)), ("5.5亩", None), (None, Decimal(8)), ("80头", None)]


def test_two_bare_figures_that_cannot_be_points_are_not_read_as_the_weight_and_the_score():
    document, _ = read(
        "二级指标  三级指标  分值  年度指标值  全年实际值  得分",
        "数量指标  培训人次  100  95")
    sheet = document.sheets[0]
    assert sheet.indicators[0].target.raw == "95" and sheet.evaluation.items[0].score is None


def test_rows_run_together_whose_score_ran_onto_the_next_row_s_name_are_cut_there():
    # corpus 226 (a self-evaluation whose whole table is one line): …100%10%10地方配套到位率…, 得分合计100
    document, _ = read(
        "绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标创业担保贷款发放额增长率≥10%115.25%20%20"
        "质量指标创业担保贷款回收率≥90%98.70%20%20资金足额拨付率100%100%10%10地方配套到位率100%100%10%10效益指标"
        "经济效益指标创业担保基金放大倍数≥2倍10倍10%10满意度指标服务对象满意度指标申报创业担保贷款贴息个人满意度≥80%100%5%5"
        "申报创业担保贷款贴息小微企业的满意度≥80%100%5%5得分合计100。")
    sheet = document.sheets[0]
    assert [(i.name, i.target.raw) for i in sheet.indicators] == [
        ("创业担保贷款发放额增长率", "≥10%"), ("创业担保贷款回收率", "≥90%"), ("资金足额拨付率", "100%"),
        ("地方配套到位率", "100%"), ("创业担保基金放大倍数", "≥2倍"), ("申报创业担保贷款贴息个人满意度", "≥80%"),
        ("申报创业担保贷款贴息小微企业的满意度", "≥80%")]
    assert [(item.actual_raw, item.score) for item in sheet.evaluation.items] == [
        ("115.25%", Decimal(20)), ("98.70%", Decimal(20)), ("100%", Decimal(10)), ("100%", Decimal(10)),
        ("10倍", Decimal(10)), ("100%", Decimal(5)), ("100%", Decimal(5))]
    assert sheet.indicators[4].target.unit == "倍"


def test_pingjia_neirong_over_the_names_heads_both_level_columns_and_a_report_s_next_section_ends_the_grid():
    # corpus 220 (Ningde, Traditional, run together): 評價內容 | 績效內容 | 績效目標值 | 實際完成值 | 累計完成率, then the
    # report's (二) section
    document, accounting = read(
        "如下圖:項目年度績效目標(定量目標)評價內容績效內容績效目標值實際完成值累計完成率產出目標數量目標"
        "當年人才驛站組織活動數量>=28次40次143%每年人才驛站服務人次>=500人1700人340%質量目標"
        "人才驛站補助資金到位率>=100%100%100%(二)項目財務管理狀況本項目累計安排資金10萬元,,其中:項目立項6分")
    sheet = document.sheets[0]
    assert [(i.level1_raw, i.level2_raw, i.name, i.target.raw) for i in sheet.indicators] == [
        ("產出目標", "數量目標", "當年人才驛站組織活動數量", ">=28次"), ("產出目標", "數量目標", "每年人才驛站服務人次", ">=500人"),
        ("產出目標", "質量目標", "人才驛站補助資金到位率", ">=100%")]
    assert [item.actual_raw for item in sheet.evaluation.items] == ["40次", "1700人", "100%"]
    assert [i.extra.get("累计完成率") for i in sheet.indicators] == ["143%", "340%", "100%"]
    assert accounted(accounting)


def test_a_regional_form_s_department_labels_and_the_money_unit_its_money_label_names_are_read():
    # corpus 227 (Shaanxi's 区域绩效目标表, one cell per line): 单位:元 above, 资金情况 / (万元) over the amounts
    document, _ = read(
        "2022年第二批中、省普惠金融发展专项资金绩效目标表", "(2022年度)", "单位:元", "专项名称", "普惠金融发展专项资金",
        "市级主管部门", "市人力资源和社会保障局", "资金情况", "(万元)", "年度金额", "112",
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "创业担保贷款发放额", "≥100万元")
    sheet = document.sheets[0]
    assert (sheet.name, sheet.money_unit, sheet.budget.total) == ("普惠金融发展专项资金", "万元", Decimal(112))
    assert "市人力资源和社会保障局" not in (sheet.name or "") and any("主管部门" in field for field in sheet.form_fields)
