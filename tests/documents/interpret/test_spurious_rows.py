"""Rows that print something in the name column but hold no indicator: they must not become indicator rows (the
review would then report false problems on them). The texts are the corpus documents' own lines."""

from jixiao.documents import read_bytes

# a monitoring form with no level-2 column: 质量 and 时效 stand alone on their rows, nothing beside them
LEVEL_WORDS_ALONE = """黄石市项目支出绩效监控表 (申遗) |
项目名称 | 申遗经费 | |||||
主管部门 | 黄石市文化和旅游局 | 项目执行单位 | 黄石市文物局(湖北水泥遗址博物馆) | |||
绩效指标 | 一级 指标 | 指标名称 | 指标值 |
半年度 指标执行情况 |
完成目标可能性(确定能、有可能、不可能) | 备注 |
产 出 指 标 |
质量 | |||||
时效 | ||||||
成本 | 年度预算220万元 | 按进度执行,已使用约40% | 确定能 | |||
"""


def test_a_level_word_alone_on_its_row_is_no_indicator():
    sheet = read_bytes(LEVEL_WORDS_ALONE.encode(), "申遗监控.txt").sheets[0]
    # (成本 stands in the name column that holds the level-2 names: the row's name and level 2, P184)
    assert [(i.level2, i.name) for i in sheet.indicators] == [("成本指标", "成本")]


# a PDF self-evaluation whose text layer printed every cell as a fragment on one line (年初指 | 标值 | 公 | 里): the
# header finds the levels and names but no value column, and every row holds a name and nothing else
SCRAMBLED = (
    '广水市财政预算支出项目绩效目标自评表 填报日期:2022 年 8 月 10 项目名称 项目主管单 位'
    ' 自评总分: 95 项目实施单位 广水市交通运输局 广水市交通运输局 项目负责人 孙章勇 1、常年性'
    ' 2、延续性□ 3、一次性□ 4、新增性□ 中央 省、地 本级 其他 合计 执行数 执行 (万元) '
    '(万元) (万元) (万元) (万元) (万元) 率 309 309 来源 项目年度目 标 单位领导'
    '审签: 乡村道路建设养护项目 项目属性 项目资金 日 309 100 % 1.完成乡村道路建设养护里'
    '程 300 公里; 2. 3. 项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2'
    ' 复核分 评价标准及依据 有项目年度工作计划或有上级文件或审批报 告计 2 分,没有不得分。 1、单'
    '位财务管理制度 1 分; 财务制度 3 3 2、项目管理制度 1 分; 3、有制度执行佐证资料 1 '
    '分。没有不得分。 组织机构 项目管理 13 分 2 2 有明确的绩效管理机构或专人负责 2 分。没 '
    '有不得分 1、运行监管记录 3 分; 运行监管 4 4 2、填报《项目支出绩效监控表》1 分。没有 '
    '不得分。 1、项目绩效目标全申报的 1 分,缺一项扣 目标申报 4 4 0.5 分,扣完为止; 2、'
    '绩效目标规范 1 分,不规范扣 0.5 分; 3、按时申报绩效目标计 2 分,逾期扣 1 分。 — '
    '1 — 项目年度目标 1:乡村道路建设养护项目 一级 指标 二级 指标名称 年初指 年终完 自评 复'
    '核 评价标准 指标 (三级指标) 标值 成值 分 分 乡村道路建设 300 公 300 公 15 1'
    '、提供三级指标完成程度的佐证资料; 养护里程 里 里 数量指 2、三级指标分值按三级指标个数平均确定'
    ' (15 分÷三级指标个数) ,四舍五入保留整 标 15 分 数。 农村公路建设 验收合格率 质量指'
    ' 农村公路养护 标 12 分 验收合格率 产出 指标 40 分 项目 绩效 85 分 农村'
)


def test_a_grid_too_scrambled_to_place_is_reported_not_read_as_rows():
    document = read_bytes(SCRAMBLED.encode(), "乡村道路项目自评表.txt")
    assert [indicator.name for sheet in document.sheets for indicator in sheet.indicators] == []
    [reported] = [d for d in document.diagnostics if d.code == "P121"]
    assert reported.location.file == "乡村道路项目自评表.txt" and reported.location.row == 3
    # 评价标准, printed among the rows' fragments, is a column of the header: the fragments pair up beside it
    assert "18行只有名称" in reported.message and "年初指｜自评｜指标｜标值" in reported.message
    # what was set aside, in full where the message shortens it: the 18 rows' names (产出 指标 40 分 is a level's
    # name with its points, no row's name)
    assert len(reported.set_aside) == 18 and reported.set_aside[:4] == ("年初指", "自评", "指标", "标值")
    assert reported.set_aside[-2:] == ("验收合格率", "项目") and not reported.message.endswith("项目")



# a self-evaluation copied as text cut into cells by its labels, the file ending on the last row's name
CUT_ON_NAME = (
    '1、重庆市梁平区林业局2023年度部门整体绩效自评表主管部n重庆市梁平区林业局部门联系人李薇联系电话'
    '自评总分(分)97.93年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分年度总金额.'
    '32.06.5其中财政拨款.32.06.579.27107.93年初绩效目标全年(调整)绩效目标全年'
    '目标实际完成情况维护林业、林区安全稳定,全完成维护林业、林区安全稳定,全区森林区森林资源、陆生野生动'
    '物资资源、陆生野生动物资源得到有效保护,源得到有效保护,松材线虫病松材线虫病疫情发生面积和病死松树株'
    '当年绩疫情发生面积和病死松树株树树实现双下降,森林火灾发生率为0;有效实现双下降,森林火灾发生率效保'
    '护全\n2、区湿地资源,成功获得国际湿地目标得到有效控制;有效保护全区城市称号;大力推进植树造林、森林'
    '抚育湿地资源,成功创建国家重要等植绿造林工程,培育优良苗木,成功创湿地;大力推进植树造林、森建国家森'
    '林城市;完成森林生态效益补林抚育等植绿造林工程,培育偿、退耕还林直补兑现;落实林长制责任优良苗木,成'
    '功创建国家森林体系建设。城市;完成森林生态效益补偿、退耕还林直补兑现;落实林长制责任体系建设。绩效指'
    '标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明天然林和公益林管护当期任务'
    '完成率%901010010国家级公益林管护面积万亩2810810森林抚育(营林)面积万亩211011'
    '0天保工程区森林资源管护面积万亩250105010森林火灾受害率%0.910010主要林业有害生物成'
    '灾率%0.4100.110公益林提供管\n'
)


def test_a_last_row_cut_on_its_name_is_reported_not_read():
    document = read_bytes(CUT_ON_NAME.encode(), "部门整体自评表.txt")
    names = [indicator.name for indicator in document.sheets[-1].indicators]
    assert names[-1] == "主要林业有害生物成灾率" and "公益林提供管" not in names
    [cut] = [d for d in document.diagnostics if d.code == "P120"]
    assert cut.message.endswith("公益林提供管") and cut.set_aside == ("公益林提供管",)


# a goal table (copied with its reading aids) whose 经济效益指标 row is empty but for the scoring note every row
# prints under *评(扣)分标准, slid into the name column
NOTE_ALONE = (
    '岳陽樓區(qū)價(jià)格認(rèn)證鑒定中心2023年度整體績效目標(biāo)表 | ||||||||\n'
    '部門(單位)名稱 | 岳陽樓區(qū)價(jià)格認(rèn)證鑒定中心 | |||||||\n'
    '*部門(單位)職責(zé) | 負(fù)責(zé)價(jià)格認(rèn)定工作 | |||||||\n'
    '*年度總體績效目標(biāo) | 做好涉案、價(jià)格認(rèn)定工作。 | |||||||\n'
    '績效指標(biāo) | ||||||||\n'
    '一級(jí)指標(biāo) | 二級(jí)指標(biāo) | 三級(jí)指標(biāo) | 指標(biāo)值類型 | *指標(biāo)值 | 計(jì)量單位 | *指標(biāo)解釋 | *評(píng)(扣)分標(biāo)準(zhǔn) | 備注 |\n'
    '產(chǎn)出指標(biāo) | 數(shù)量指標(biāo) | 業(yè)務(wù)工作支出安排金額 | 定量 | 28.8萬元 | % | 該指標(biāo)主要考察業(yè)務(wù)工作支出安排情況 | 未達(dá)指標(biāo)值酌情扣分 | |\n'
    '質(zhì)量指標(biāo) | 業(yè)務(wù)工作支出到位率 | 定量 | 100 | % | 該指標(biāo)主要考察業(yè)務(wù)工作支出安排到位情況 | 未達(dá)指標(biāo)值酌情扣分 | ||\n'
    '時(shí)效指標(biāo) | 工作安排時(shí)間 | 定量 | 按月安排 | 該指標(biāo)主要考察業(yè)務(wù)工作支出安排時(shí)間 | 未達(dá)指標(biāo)值酌情扣分 | |||\n'
    '成本指標(biāo) | 社會(huì)成本指標(biāo) | 定量 | 100 | % | 該指標(biāo)主要考察總成本控制情況 | 未達(dá)指標(biāo)值酌情扣分 | ||\n'
    '效益指標(biāo) | 經(jīng)濟(jì)效益指標(biāo) | 未達(dá)指標(biāo)值酌情扣分 | ||||||\n'
    '社會(huì)效益指標(biāo) | 保證單位正常運(yùn)轉(zhuǎn) | 定性 | 應(yīng)保盡保 | % | 該指標(biāo)主要考察單位運(yùn)轉(zhuǎn)需要保障范圍應(yīng)保盡保 | 未達(dá)指標(biāo)值酌情扣分 | ||\n'
)


def test_a_row_holding_only_the_note_of_the_rows_around_it_is_no_indicator():
    document = read_bytes(NOTE_ALONE.encode(), "整体绩效目标表.txt")
    names = [indicator.name for indicator in document.sheets[0].indicators]
    assert names == ["業務工作支出安排金額", "業務工作支出到位率", "工作安排時間", "社會成本指標", "保證單位正常運轉"]
    [note] = [d for d in document.diagnostics if d.code == "P108" and "酌情扣分" in d.message]
    assert note.location.row == 9  # the table's ninth row
    assert note.set_aside == ("未達指標值酌情扣分",)


# a 财预〔2011〕285号 scoring table, one cell per line: every level has its points, none has a value to reach
FRAMEWORK = "\n".join([
    "服务贸易项目绩效自评表", "一、项目基本情况", "项目实施单位", "省商务厅服务贸易处", "二、绩效评价指标评分",
    "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
    "项目决策", "20", "项目目标", "4", "目标内容", "4", "4", "决策过程", "8", "决策依据", "3", "3",
    "项目绩效", "55", "项目产出", "15", "产出数量", "5", "5", "产出质量", "4", "4",
    "项目效益", "40", "经济效益", "10", "10", "社会效益", "20", "18", ""])


def test_an_evaluation_frameworks_scoring_table_is_reported_not_read_as_indicators():
    document = read_bytes(FRAMEWORK.encode(), "服务贸易项目绩效自评表.txt")
    assert [indicator.name for sheet in document.sheets for indicator in sheet.indicators] == []
    [reported] = [d for d in document.diagnostics if d.code == "P122"]
    assert reported.location.file == "服务贸易项目绩效自评表.txt" and "评分表" in reported.message
    assert reported.set_aside == ("决策依据",)
    # a row of figures and the levels' names, set aside cell by cell in the row's order (the indicator's points are
    # the 分值 after the names, the levels' before them)
    assert ("项目决策", "20", "项目目标", "4") in [d.set_aside for d in document.diagnostics if d.code == "P108"]


def test_a_grid_with_values_and_points_is_no_scoring_table():
    text = FRAMEWORK.replace("三级指标\n分值\n得分", "三级指标\n指标值\n分值\n得分").replace(
        "目标内容\n4\n4", "目标内容\n明确\n4\n4")
    document = read_bytes(text.encode(), "自评表.txt")
    assert not [d for d in document.diagnostics if d.code == "P122"]


# rows of a scrambled sheet whose names went elsewhere (an .xlsx's text on one line, merged cells out of order): a
# figure with its unit, or a dash, where the name should be
NAMELESS = ("基本公共卫生服务项目支出绩效自评表.xlsx\n某县项目支出绩效自评表 (2021年度) 项目名称 基本公共卫生服务 "
            "主管部门 某县卫生健康局 一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分 产出指标 数量指标 "
            "指标1:发放宣传资料 12种 14种 1 1 28种 1 1 — 开展基本公共卫生服务 开展基本公共卫生服务 年度 实际 "
            "指标2:举办讲座 6次 8次 1 1 指标3:建立预防接种证 221人 221人 2 2\n")


def test_a_figure_or_a_dash_in_the_name_column_names_no_indicator():
    document = read_bytes(NAMELESS.encode(), "自评表.txt")
    assert [i.name for i in document.sheets[0].indicators] == ["发放宣传资料", "举办讲座", "建立预防接种证"]
    reported = [d.message for d in document.diagnostics if d.code == "P108"]
    assert any("28种" in message for message in reported) and any("开展基本公共卫生服务" in message for message in reported)
    cells = [d.set_aside for d in document.diagnostics if d.code == "P108"]
    # (in the row's order: the figure or dash where the name stands first)
    assert cells == [("28种", "1", "1"), ("—", "开展基本公共卫生服务", "开展基本公共卫生服务", "年度", "实际")]
