"""Hypothesis strategies for realistic goal documents: levels from the vocabulary, Chinese names and sentences,
targets built from operator, number and unit (or a qualitative word), 2-decimal budgets, cumulative plans.

Generated text is what a user writes in one cell: trimmed lines, no empty lines, and no line that a reader
would take for something else (a label, a numbered list inside a goal, a sheet title).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from jixiao.documents.interpret.text_lists import split_items
from jixiao.documents.vocabulary import header_label
from jixiao.model import Budget, Checkpoint, Document, GoalSheet, Indicator, MoneyUnit, OverallGoals, Period, Unit

LEVELS = [
    ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标"),
    ("效益指标", "社会效益指标"), ("效益指标", "经济效益指标"), ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"), ("效果指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标"),
    ("成本指标", "经济成本指标"), ("产出指标", "数量"), ("效益指标", "环境效益指标"),
]
NAMES = ["村庄人居环境整治个数", "垃圾清运量", "受益人口数", "道路保洁覆盖率", "设施完好率", "项目完成及时率",
         "群众满意度", "人民调解案件数", "环保设施使用年限", "受援群众投诉率", "生活污水处理率", "社会影响力",
         "培训人次", "资金拨付及时率", "单位成本控制", "说明会场次"]
OPERATORS = ["≥", "≤", "=", "＞＝", ">=", "不低于", "不超过", ""]
UNITS = ["%", "％", "个", "人", "人次", "万元", "天", "项", "次", "吨", "公里"]
QUALITATIVE = ["好", "较好", "明显提升", "达到预期", "按时完成", "长期", "有效改善"]
SENTENCES = [
    "保障我乡主干道等区域配齐环卫设施，推进户分类、组收集、村运转、乡处理垃圾集中收集",
    "改善全乡18个行政村生态环境，群众生活质量明显提高",
    "及时化解矛盾纠纷，维护社会和谐稳定，全年不发生重大群体性事件",
    "落实乡镇财政管理体制改革要求，确保资金使用规范高效",
    "开展环境卫生专项整治行动，清理积存垃圾，实现村庄环境常态化保洁",
    "完善基层治理体系，提升群众安全感和满意度",
]
BASES = ["计划标准", "行业标准", "历史标准", "遵政字〔2017〕16号\n《遵化市乡镇财政管理体制改革暂行办法》"]
DESCRIPTIONS = ["全乡18个行政村全覆盖", "24400人", "垃圾桶正常使用率100%", "反映项目资金按计划拨付情况",
                "受益群众对环境改善的满意程度", "为常住人口提供公共卫生服务"]
PROJECTS = ["乡镇环境治理经费", "乡镇维稳经费", "农村公路养护经费", "村级组织运转经费", "防汛抗旱专项资金"]
UNITS_OF_BUDGET = ["遵化市西留村乡人民政府", "遵化市财政局", "遵化市教育局（本级）"]
CHECKPOINTS = ["3月底", "6月底", "9月底", "10月底", "12月底"]
# sources printed beside 财政资金 and 其他资金, as the reader knows them (the labels the editor offers)
SOURCES = ["政府性基金拨款", "上年结转资金", "国有资本经营预算", "纳入专户管理的非税收入拨款"]
# the words of the sources the reader does not know by name, which the model and the API keep all the same (中央补助,
# 省级补助资金, 社会捐赠): who gives the money, what it is, and an ending or none
_SOURCE_GIVERS = ["中央", "省级", "市级", "县级", "本级", "上级", "社会", "企业", "银行", "乡镇", "对口帮扶", "专项"]
_SOURCE_KINDS = ["补助", "捐赠", "贷款", "配套", "自筹", "转移支付", "奖补", "债券", "彩票公益金", "衔接"]
_SOURCE_ENDINGS = ["", "资金", "补助", "拨款"]


def _number() -> st.SearchStrategy[str]:
    return st.one_of(st.integers(1, 30000).map(str), st.decimals(0, 1000, places=2).map(str))


@st.composite
def targets(draw) -> str:
    """The text of a 指标值 cell."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(QUALITATIVE))
    return draw(st.sampled_from(OPERATORS)) + draw(_number()) + draw(st.sampled_from(UNITS))


@st.composite
def indicators(draw, *, long_term: bool, weights: bool, directions: bool) -> Indicator:
    """One indicator built from its cells, as a reader builds it."""
    level1, level2 = draw(st.sampled_from(LEVELS))
    return Indicator.from_cells(
        level1=level1, level2=level2, name=draw(st.sampled_from(NAMES)),
        description=draw(st.none() | st.sampled_from(DESCRIPTIONS)), target=draw(targets()),
        long_term_target=draw(st.none() | targets()) if long_term else None,
        weight=draw(st.none() | st.integers(1, 30).map(str)) if weights else None,
        direction=draw(st.none() | st.sampled_from(["正向", "反向"])) if directions else None,
        basis=draw(st.none() | st.sampled_from(BASES)),
    )


def _amounts() -> st.SearchStrategy[Decimal | None]:
    return st.none() | st.decimals(0, 99999, places=2)


def source_labels() -> st.SearchStrategy[str]:
    """The label of a source beside 财政资金 and 其他资金: one the reader knows (政府性基金拨款) or any word a user
    writes (中央补助, 省级补助资金, 社会捐赠), but none the reader takes for the money's own rows or another field (as
    the web refuses 财政拨款 for a source: it is 财政资金)."""
    words = st.builds("".join, st.tuples(st.sampled_from(_SOURCE_GIVERS), st.sampled_from(_SOURCE_KINDS),
                                         st.sampled_from(_SOURCE_ENDINGS)))
    return (st.sampled_from(SOURCES) | words).filter(lambda label: header_label(label) in (None, "source"))


@st.composite
def budgets(draw) -> Budget:
    """A budget: each figure optional, and up to three other sources."""
    sources = draw(st.dictionaries(source_labels(), st.decimals(0, 99999, places=2), max_size=3))
    return Budget(total=draw(_amounts()), fiscal=draw(_amounts()), other=draw(_amounts()), sources=sources)


def _span_texts(years: int | None, start: int | None, end: int | None) -> list[str | None]:
    """The ways a 项目期 cell prints a span of that length and those years (none of them printed, too)."""
    named = Period(start=start, end=end).years_text()
    texts: list[str | None] = [None]
    if years:
        texts += [f"{years}年", f"{'一二三四五六七八九十'[years - 1]}年"]
        texts += [f"{years}年（{named}）"] if named else []
    elif start is not None and end is not None and start != end:
        texts += [named, f"{start}-{end}年", f"{start}年至{end}年", f"{start}年1月—{end}年12月"]
    elif named:
        texts.append(named)  # (2024年, 2024年起, 至2026年)
    return texts


@st.composite
def periods(draw) -> Period:
    """A multi-year project's span as the model takes one: its length, first and last year (either may be unknown,
    the last may even come before the first, as a document may print it) and the whole span's budget, each part
    optional, its text none or one a form prints for those parts."""
    years = draw(st.none() | st.integers(1, 10))
    start = draw(st.none() | st.integers(2015, 2030))
    end = draw(st.none() | st.integers(2015, 2035))
    return Period(text=draw(st.sampled_from(_span_texts(years, start, end))), years=years, start=start, end=end,
                  budget=draw(budgets()))


@st.composite
def spend_plans(draw) -> list[Checkpoint]:
    """Cumulative checkpoints in calendar order, ending at most at 100."""
    labels = sorted(draw(st.sets(st.sampled_from(CHECKPOINTS), max_size=4)), key=CHECKPOINTS.index)
    percents = sorted(draw(st.lists(st.integers(0, 10000), min_size=len(labels), max_size=len(labels))))
    return [Checkpoint(label=label, percent=Decimal(p).scaleb(-2)) for label, p in zip(labels, percents)]


def _goal_lists(min_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(SENTENCES), min_size=min_size, max_size=3).filter(
        lambda goals: all(split_items(goal) == [goal] for goal in goals)
    )


@st.composite
def goal_sheets(draw, unit: Unit | None) -> GoalSheet:
    """A goal sheet with 1–8 indicators and the optional parts of real tables."""
    name = draw(st.sampled_from(PROJECTS)) + draw(st.sampled_from(["", "（西留村）", "（第二批）"]))
    year = draw(st.none() | st.integers(2019, 2026))
    long_term, weights, directions = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
    total, fiscal, other = draw(_amounts()), draw(_amounts()), draw(_amounts())
    return GoalSheet(
        title=f"{f'{year}年度' if year else ''}{name}绩效目标表",
        code=draw(st.none() | st.from_regex(r"434-4\.05-JXN-[A-Z0-9]{4}", fullmatch=True)),
        name=name, unit=unit, year=year, money_unit=draw(st.none() | st.sampled_from(list(MoneyUnit))),
        budget=Budget(total=total, fiscal=fiscal, other=other),
        purpose=draw(st.none() | st.sampled_from(SENTENCES)), spend_plan=draw(spend_plans()),
        goals=draw(_goal_lists(1)), long_term_goals=draw(_goal_lists(0)) if long_term else [],
        indicators=draw(st.lists(indicators(long_term=long_term, weights=weights, directions=directions),
                                 min_size=1, max_size=8)),
    )


@st.composite
def documents(draw, overall: bool = True) -> Document:
    """A document of 1–3 sheets of one unit, with the unit's overall goals or without."""
    unit = draw(st.none() | st.builds(Unit, code=st.from_regex(r"4340[0-9]{2}", fullmatch=True),
                                      name=st.sampled_from(UNITS_OF_BUDGET)))
    overall_goals = None
    if overall and draw(st.booleans()):
        parts = st.lists(st.sampled_from(SENTENCES), max_size=3)
        overall_goals = OverallGoals(aims=draw(parts), duties=draw(parts), measures=draw(parts))
        overall_goals = None if overall_goals.is_empty else overall_goals
    return Document(unit=unit, overall=overall_goals, sheets=draw(st.lists(goal_sheets(unit), min_size=1, max_size=3)))
