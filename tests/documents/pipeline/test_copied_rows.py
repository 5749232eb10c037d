"""Tables copied from PDFs and web pages: spaced rows that lost their empty cells, long cells wrapped onto a row of
their own (rows of the collected documents, rewritten as ``benchmarks/variants.py`` does)."""

from __future__ import annotations

from jixiao.documents.pipeline import read_text
from jixiao.documents.pipeline.labels import join_continued
from jixiao.documents.pipeline.tokens import text_lines


def _read(text: str):
    return read_text(text.encode(), "copied.txt")[0]


def _rows(text: str) -> list[tuple[str | None, str, str]]:
    return [(i.level2, i.name, i.target.raw) for i in _read(text).sheets[0].indicators]


def test_a_spaced_row_opening_with_its_level_names_is_not_placed_by_position_after_the_levels():
    # 146: three cells, as many as the columns after the levels, yet the first is the 二级指标
    text = "\n".join([
        "绩效指标    一级指标    二级指标    三级指标    指标值    指标标准或依据",
        "数量指标    主体班培训人次    280人次",
        "邀请校外名师、领导授课人次    25人次",
        "产出指标    开设课程数量    220",
        "质量指标    培训完成率    100%",
        "情景教学或外训完成率    100%",
        "理论教育和党性教育课时比例完成率    100%",
    ])
    assert _rows(text) == [
        ("数量指标", "主体班培训人次", "280人次"), ("数量指标", "邀请校外名师、领导授课人次", "25人次"),
        ("数量指标", "开设课程数量", "220"), ("质量指标", "培训完成率", "100%"),
        ("质量指标", "情景教学或外训完成率", "100%"), ("质量指标", "理论教育和党性教育课时比例完成率", "100%")]


def test_a_spaced_self_evaluation_row_with_its_level2_first_carries_its_figures_in_their_columns():
    # 125: the 一级指标 stands on a line above; the row's six cells start with the 二级指标
    text = "\n".join([
        "二级指标    三级指标    分值    年度指标值    全年实际值    得分    未完成原因及拟采取的改进措施",
        "产 出 指 标 (50分)",
        "数量指标    ★补助各类瓜果蔬菜种植面积    20    29.5亩    29.5亩    20",
        "其中桃树种植面积    1.5亩    1.5亩",
    ])
    document = _read(text)
    first = document.sheets[0].indicators[0]
    assert (first.level2, first.name, first.target.raw) == ("数量指标", "补助各类瓜果蔬菜种植面积", "29.5亩")


def test_a_long_cell_wrapped_onto_a_pipe_row_of_its_own_joins_the_cell_in_its_column():
    # 128 (the name column first: the rows' merged level cells were dropped) and 158 (the name in the third column)
    text = "\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 |",
        "| 产出指标 | 数量指标 | 保障在职职工人数(人) | = | 116 | 人 | 该指标值数据合理 |",
        "| 林木采伐监管 | = | 6 | 万立方米 | 该指标值数据合理 |  |  |",
        "| (万立方米) |  |  |  |  |  |  |",
        "| 效益指标 | 社会效益指标 | 城乡居民参保网 | = | 100 | % | 该指标值数据合理 |",
        "|  |  | 络宣传群众知晓率 |  |  |  |  |",
    ])
    assert _rows(text) == [("数量指标", "保障在职职工人数(人)", "116"), ("数量指标", "林木采伐监管(万立方米)", "6"),
                           ("社会效益指标", "城乡居民参保网络宣传群众知晓率", "100")]


def test_a_placeholder_or_a_row_under_one_without_figures_is_no_wrapped_cell():
    # 125: the template's …… after a row; 102: a qualitative target under a row that printed none
    text = "\n".join([
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "| 产出指标 | 质量指标 | 养殖家畜家禽成活率 | 95% |",
        "| …… |",
        "| 效益指标 | 经济效益指标 | 减轻贫困学生家庭经济负担 |",
        "| 有效 |",
    ])
    names = [name for _, name, _ in _rows(text)]
    assert names[:2] == ["养殖家畜家禽成活率", "减轻贫困学生家庭经济负担"]


def test_headings_run_together_and_wrapped_inside_a_heading_are_one_header():
    # 155: a narrow page broke the run of headings inside 指标权重
    text = "\n".join([
        "绩效指标指标名称指标权",
        "重计量单位指标性质指标值",
        "预算执行率10%=100",
        "预决算及时编制率10%=100",
        "农村公路养护里程10公里=125",
    ])
    indicators = _read(text).sheets[0].indicators
    assert [(i.name, i.target.operator, i.target.raw, i.target.unit) for i in indicators] == [
        ("预算执行率", "=", "100", "%"), ("预决算及时编制率", "=", "100", "%"), ("农村公路养护里程", "=", "125", "公里")]


def test_a_name_wrapped_before_the_templates_placeholder_target_in_a_stream_is_one_cell():
    # 160: a web table copied one cell per line, 母猪、保育猪舍(≥**平方米) wrapped before its placeholder
    cells = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分", "产出指标", "数量指标",
             "公猪舍(≥**平方米)", "22.8", "22.8", "1", "母猪、保育猪舍\n(≥**平方米)", "180", "180", "3",
             "育肥猪舍(≥**平方米)", "180", "180", "3"]
    indicators = _read("\n\n".join(cells)).sheets[0].indicators
    assert [(i.name, i.target.operator, i.target.raw, i.target.unit) for i in indicators] == [
        ("公猪舍", "≥", "22.8", "平方米"), ("母猪、保育猪舍", "≥", "180", "平方米"), ("育肥猪舍", "≥", "180", "平方米")]



def test_a_cell_wrapped_in_a_stream_whose_cells_stand_between_lone_bars_is_one_cell():
    # 135: a web table copied one cell per line with a bar between cells; 支出符合财务管理制度规定 wrapped
    cells = ["1.资金管理情况", "专账核算", "项目资金管理要求", "专账核算", "项目资金管理要求", "2",
             "专账核算资金/实际投入资金*100%≠100%则不得分", "2", "2.财务管理", "支出符合财务\n管理制度规定", "财务管理规范度",
             "100%", "符合财务管理制度规定", "财务管理规范度", "2"]
    lines = join_continued(text_lines("\n|\n".join(cells)))
    assert [line.texts for line in lines][9:11] == [["支出符合财务管理制度规定"], ["财务管理规范度"]]


def test_first_pipe_rows_that_lost_their_level_cells_are_indicators_when_they_hold_a_name_and_a_target():
    # a web copy dropped the merged level cells of the first group: its rows are a name and a target alone, right
    # under the header; a unit's subtotal there (a code and a bare amount) stays no indicator
    text = "\n".join([
        "项目名称 | 养殖场建设项目 | |",
        "一级指标 | 二级指标 | 三级指标 | 指标值 |",
        "820-某镇部门 | 8,827,620.53 |",
        "新增特色产业数量 | ≥1个 | |",
        "项目验收合格率 | 100% | |",
        "时效指标 | 开工时限 | 2021年7月 |",
        "竣工时限 | 2021年9月 | |",
    ])
    assert _rows(text) == [
        (None, "新增特色产业数量", "≥1个"), (None, "项目验收合格率", "100%"),
        ("时效指标", "开工时限", "2021年7月"), ("时效指标", "竣工时限", "2021年9月")]
