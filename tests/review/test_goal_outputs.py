"""A 年度目标 held against its indicators (issue 10, “What to build” item 4): a count the goal promises that no indicator
measures (JX931), and a goal that only says the money meets the unit's needs (保障…需要, JX905). Each family is checked
on the dev case that showed it and on made-up sheets of other provinces and kinds of project; clean goals must stay
silent."""

from __future__ import annotations

import pytest

from jixiao.documents import read_bytes
from jixiao.review import load_profile, review_document
from jixiao.review.context import states_output_figure
from tests.review.sheets import build_document, load_data, patched

BASE = load_data("rule_cases.toml")["base"]


def _findings(rule: str, patch: dict):
    document = build_document(patched(BASE, patch))
    return [(f.indicator, f.location.column, f.message) for f in review_document(document, load_profile()).findings
            if f.rule == rule]


def _count_rows(*rows: tuple[str, str]) -> list[list[str]]:
    """Output rows (name, target) under 数量指标, then the base's satisfaction row so that the sheet stays whole."""
    return [["产出指标", "数量指标", name, "", target, "计划标准：实施方案"] for name, target in rows] + [
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "", "≥90%", "历史标准：上年满意度调查89%"]]


# A count the goal promises and no row measures: the part of the goal nothing will check at year end.
@pytest.mark.parametrize(("goal", "rows", "counts"), [
    # corpus 263 (Henan): the goal's 5 archive rooms beside rows counting the equipment installed
    ("完成市档案馆5个标准档案库房消防设备的升级改造安装工作,增强消防救援力量,保证馆库和档案实体安全。",
     [("七氟丙烷式灭火装置及药剂", "10套"), ("烟感、温感控制设备", "160个"), ("气体灭火控制器及报警主机", "4台")],
     "5个标准档案库房"),
    # corpus 225 (Anhui): 64 households to subsidise, the rows count land and livestock
    ("以产业补助的形式对64户脱贫户进行补助,鼓励发展特色产业,增加脱贫户收入10.9304万元。",
     [("梨树种植面积", "6亩"), ("猪养殖数量", "80头"), ("鸡养殖数量", "500只")], "64户脱贫户"),
    # corpus 236 (Hunan): a new room to build, written in Chinese numerals
    ("加强基础设施,完善各功能室,建设一个新功能室;开办特长班,丰富全区青少年业余生活。",
     [("开放功能室", "≥80次"), ("参加培训班学生数", "≥930人")], "一个新功能室"),
    # corpus 147 (Shaanxi): the people whose water the works improve, rows left without figures
    ("完成省级水利发展农村饮水项目投资500,改善提升9200人饮水条件。",
     [("新建堤防、护岸长度", "≥3公里"), ("灌区节水改造面积", "≥1.2万亩")], "9200人饮水条件"),
    # made up (Guizhou): kilometres of road promised, the rows count bridges
    ("2024年新建通组硬化路12公里,解决群众出行难问题。", [("新建便民桥", "≥2座")], "12公里"),
])
def test_a_count_the_goal_promises_without_its_indicator_is_reported(goal, rows, counts):
    found = _findings("JX931", {"goals": [goal], "rows": _count_rows(*rows)})
    assert [(indicator, column) for indicator, column, _ in found] == [(None, "绩效目标")]
    assert f"“{counts}" in found[0][2]


# The row that counts what the goal counts, with another figure: the message names the row and both figures.
@pytest.mark.parametrize(("goal", "rows", "said"), [
    # the seed sample (Hebei): 14 villages in the goal, the row counting villages says 18
    ("保障我乡主干道等区域配齐环卫设施，改善14个村生态环境", [("村人居环境整治个数", "≥18个"), ("垃圾清运车辆", "≥2辆")],
     "年度目标写“14个村生态环境”，指标“村人居环境整治个数”为18个"),
    # made up (Sichuan): households in the goal and in the row's target text
    ("帮扶30户脱贫户发展产业", [("帮扶对象数量", "≥25户脱贫户")], "指标“帮扶对象数量”为25户"),
])
def test_a_count_the_row_of_its_thing_gives_otherwise_names_both_figures(goal, rows, said):
    found = _findings("JX931", {"goals": [goal], "rows": _count_rows(*rows)})
    assert [(indicator, column) for indicator, column, _ in found] == [(None, "绩效目标")]
    assert said in found[0][2]


def _params(patch: dict) -> list[dict[str, str]]:
    document = build_document(patched(BASE, patch))
    return [{k: v for k, v in f.params.items() if k != "sheet"}
            for f in review_document(document, load_profile()).findings if f.rule == "JX931"]


# The finding carries the counts, the rows and their figures as data; the message is rendered from them.
@pytest.mark.parametrize(("goal", "rows", "params", "message"), [
    ("完成5个标准档案库房消防设备的升级改造", [("气体灭火控制器", "4台")], {"counts": "5个标准档案库房消防"},
     "年度目标写“5个标准档案库房消防”，指标中没有哪一项是这个数量，目标的这部分无从考核"),
    ("改善14个村生态环境", [("村人居环境整治个数", "≥18个"), ("垃圾清运车辆", "≥2辆")],
     {"counts": "14个村生态环境", "counted_by": "村人居环境整治个数", "figures": "18个"},
     "年度目标写“14个村生态环境”，指标“村人居环境整治个数”为18个，二者对不上，目标的这部分无从考核"),
    # two counts, each with the row of its thing: the rows and figures in the same order, said of each
    ("改善14个村生态环境，帮扶30户脱贫户发展产业", [("村人居环境整治个数", "≥18个"), ("帮扶对象数量", "≥25户脱贫户")],
     {"counts": "14个村生态环境、30户脱贫户发展产业", "counted_by": "村人居环境整治个数、帮扶对象数量",
      "figures": "18个、25户"},
     "年度目标写“14个村生态环境、30户脱贫户发展产业”，指标“村人居环境整治个数、帮扶对象数量”分别为18个、25户，"
     "与目标对不上，目标的这部分无从考核"),
])
def test_the_finding_carries_its_counts_and_rows_as_data(goal, rows, params, message):
    patch = {"goals": [goal], "rows": _count_rows(*rows)}
    assert _params(patch) == [params]
    assert [said for *_, said in _findings("JX931", patch)] == [message]


@pytest.mark.parametrize(("goal", "rows"), [
    # two rows count in the goal's unit and name its thing: which one the goal means is not known
    ("改善14个村生态环境", [("村人居环境整治个数", "≥18个"), ("村级垃圾站个数", "≥3个")]),
    # a row in another unit is no counterpart (台 beside 5个 rooms)
    ("完成5个标准档案库房消防设备的升级改造", [("气体灭火控制器", "4台")]),
])
def test_a_count_without_one_row_of_its_thing_says_no_row_carries_it(goal, rows):
    found = _findings("JX931", {"goals": [goal], "rows": _count_rows(*rows)})
    assert len(found) == 1 and "指标中没有哪一项是这个数量" in found[0][2] and "为" not in found[0][2].split("，")[1]


@pytest.mark.parametrize(("goal", "rows"), [
    # the count is a row's target
    ("全年补助64户脱贫户发展特色产业", [("补助脱贫户数", "≥64户")]),
    # in 万 in the row, whole in the goal (Sichuan)
    ("改善提升9200人饮水条件", [("农村饮水工程覆盖服务人口数", "≥0.92万人")]),
    # the rows add up to the goal's count (Gansu: 3 + 2 schools)
    ("新建5所幼儿园", [("新建城区幼儿园", "=3所"), ("新建乡镇幼儿园", "=2所")]),
    # a row names what the goal counts: a different figure there is JX603's (corpus 022)
    ("开展7个小型水利工程建设", [("开展小型水利工程建设(个)", "1")]),
    # money, shares, time and the staff the unit keeps are not outputs to count (Jiangxi)
    ("保障在职人员89人正常办公,预算执行率100%,2024年12月底前支付工程款50万元", [("办公设备采购数量", "≥3台")]),
    # a goal describing the works gives specifications, not outputs (corpus 103, Chongqing)
    ("新建中药材晾晒房一座,占地300平方米,硬化室外晒坝420平方米,室内场坪1800平方米", [("新建晾晒房", "=1座")]),
    # ordinals are no count (第七批)
    ("完成第七批水利专项资金项目建设", [("建设项目个数", "≥7个")]),
])
def test_a_goal_whose_counts_the_indicators_carry_is_clean(goal, rows):
    assert _findings("JX931", {"goals": [goal], "rows": _count_rows(*rows)}) == []


def test_a_sheet_whose_rows_were_not_read_is_not_checked():
    # without any row there is nothing a count could be missing from: JX102 reports the empty grid
    assert _findings("JX931", {"goals": ["补助64户脱贫户"], "rows": []}) == []


# A copy cut in or before its 数量指标 rows may have lost the row that counts what the goal promises; cut further on,
# it has shown all its counts. Corpus 286's form (Sichuan 自评表, `cell |` rows, cut in its second 数量 row) and a
# made-up Hunan table of TAB cells cut in its 效益 rows.
_FITNESS = ("中央转移支付全民健身中心项目绩效自评表 |", "转移支付(项目)名称 | 广元市朝天区全民健身中心项目 |",
            "总体目标 | 新建全民健身中心1个,总建筑面积6500平方米,配套室外健身场地 |",
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |", "产出指标 | 数量指标 | 新建全民健身中心数量 | 1个 | 1个 |")
_ROADS = ("通组公路硬化项目绩效目标表", "项目名称\t通组公路硬化项目", "年度目标\t完成通组公路硬化12公里,惠及群众3200人",
          "一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t新建便民桥\t≥2座")


@pytest.mark.parametrize(("lines", "reported"), [
    ((*_FITNESS, "总建"), False),  # cut in the 数量 rows: 6500平方米 may be counted after the cut
    ((*_ROADS, "产出指标\t数量指标\t硬化"), False),
    ((*_ROADS, "产出指标\t质量指标\t工程验收合格率\t=100%", "效益指标\t社会效益指标\t受益群众人数\t≥3200人",
      "效益指标\t生态效益指标\t扬尘"), True),  # cut in the 效益 rows: 12公里 is counted nowhere
])
def test_a_goal_count_is_not_missed_in_rows_a_cut_may_have_lost(lines, reported):
    document = read_bytes("\n".join(lines).encode(), "目标表.txt")
    assert {d.code for d in document.diagnostics} & {"P114", "P119", "P120", "P124"}  # the reader's word: cut
    found = [f.message for f in review_document(document, load_profile()).findings if f.rule == "JX931"]
    assert bool(found) is reported, found


# A goal saying only that the money meets the unit's needs (保障…需要/需求) restates the purpose, like 保障…经费.
@pytest.mark.parametrize(("goal", "reported"), [
    # corpus 218 (Inner Mongolia): a procuratorate's equipment fund
    ("保障我院日常办公办案装备需要,充分发挥部门职能,进一步提高办公效率,让全院干警在得到良好保障的办公氛围中工作。", True),
    ("保障全局信息化运行维护需求,提高服务水平", True),  # made up, Zhejiang
    ("保证乡镇卫生院诊疗设备使用需要", True),  # made up, Yunnan
    ("保障全县1.2万名学生营养餐供应需求,营养餐覆盖率100%", False),  # a figure: the goal says how much
    ("满足群众就医需要,提升基层服务能力", False),  # no 保障…: JX911 judges a vague goal, not this rule
])
def test_a_goal_that_only_meets_the_units_needs_restates_the_spending(goal, reported):
    found = _findings("JX905", {"goals": [goal]})
    assert [(indicator, column) for indicator, column, _ in found] == ([(None, "绩效目标")] if reported else [])


# The dates a goal's work runs over say when, as the budget year does, not how much is done (corpus 124); a deadline
# is a requirement, and a figure that only looks like a date (2000.5亩) is a figure.
@pytest.mark.parametrize(("goal", "states"), [
    ("通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良", False),
    ("于2023-07-01至2023-12-31开展农村公路养护服务，路况保持良好", False),
    ("2023年7月1日起开展送戏下乡，丰富群众文化生活", False),
    ("2023年12月底前完成道路硬化", True),
    ("2023年12月31日前完成道路硬化", True),
    ("完成造林2000.5亩", True),
    ("硬化道路2023.10公里", True),
    ("服务周期2023.07-2024.01，作业180天", True),
])
def test_dates_are_no_output_figure(goal, states):
    assert states_output_figure(goal) is states
