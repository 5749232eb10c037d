"""A generator of realistic synthetic goal documents, optionally with labelled defects.

Used by the benchmarks (reading throughput per format, the review engine's recall and precision). Content is
drawn from pools modelled on published township and county tables; every choice comes from a seeded
``random.Random`` so runs are repeatable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import Budget, Checkpoint, Document, GoalSheet, Indicator, MoneyUnit, OverallGoals, Unit

__all__ = ["Defect", "DEFECT_KINDS", "generate_document", "generate_sheet"]

PROJECTS = [
    ("农村人居环境整治经费", "用于全乡农村生活垃圾收运处理、村庄保洁和公共厕所管护"),
    ("乡镇维稳经费", "用于社会治安综合治理、矛盾纠纷排查调处和信访接待"),
    ("义务教育学生营养改善计划", "为农村义务教育阶段学生提供营养膳食补助"),
    ("农村公路养护经费", "用于乡村道路日常养护、路面修补和安全设施维护"),
    ("基层医疗卫生机构运行补助", "保障乡镇卫生院基本运转和基本公共卫生服务开展"),
    ("高标准农田建设项目", "新建和改造高标准农田，完善灌排和田间道路设施"),
    ("困难群众救助资金", "用于城乡低保、特困人员供养和临时救助"),
    ("森林防火经费", "用于森林防火宣传、巡护队伍和扑火物资储备"),
]

# (level2, name, description, operator, value, unit); value None means a qualitative target.
INDICATORS = {
    "数量指标": [("村人居环境整治个数", "全乡行政村全覆盖", "≥", 18, "个"), ("培训人次", "开展业务培训", "≥", 500, "人次"),
             ("新建道路里程", "新建硬化道路", "≥", 12, "公里"), ("发放补贴户数", "按标准发放补贴", "≥", 1200, "户")],
    "质量指标": [("设施正常使用率", "垃圾桶等设施正常使用", "≥", 95, "%"), ("验收合格率", "工程验收合格", "=", 100, "%"),
             ("资金使用合规率", "资金按规定使用", "=", 100, "%")],
    "时效指标": [("项目完成时间", "年底前完成", "≤", 12, "月"), ("补贴发放及时率", "按月及时发放", "≥", 95, "%"),
             ("问题处理时限", "群众反映问题处理", "≤", 5, "工作日")],
    "经济成本指标": [("单位建设成本", "每平方米建设成本", "≤", 120, "元/平方米"), ("人均补助标准", "每人每年补助", "≤", 800, "元/人")],
    "经济效益指标": [("带动村集体增收", "村集体经济收入增加", "≥", 5, "万元")],
    "社会效益指标": [("受益人口数", "全乡常住人口受益", "≥", 24400, "人"), ("群众知晓率", "政策宣传知晓", "≥", 90, "%"),
               ("矛盾纠纷调处成功率", "排查纠纷调处成功", "≥", 95, "%")],
    "生态效益指标": [("生活垃圾无害化处理率", "生活垃圾无害化处理", "≥", 95, "%"), ("生活污水处理率", "生活污水得到处理", "≥", 80, "%")],
    "可持续影响指标": [("设施使用年限", "设施正常使用", "≥", 10, "年"), ("长效管护机制", "建立健全长效管护机制", None, "健全", None)],
    "服务对象满意度指标": [("受益群众满意度", "抽样调查受益群众", "≥", 90, "%"), ("服务对象满意度", "问卷调查服务对象", "≥", 85, "%")],
}
# The 2021+ framework (财预〔2021〕101号): the sheets are dated 2025, so cost is a level 1 of its own.
LEVEL1_OF = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "经济成本指标": "成本指标",
             "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标", "可持续影响指标": "效益指标",
             "服务对象满意度指标": "满意度指标"}
BASES = ["计划标准", "行业标准", "历史标准", "《农村人居环境整治提升五年行动方案》", "上年度实际完成情况"]

DEFECT_KINDS = (
    "count_in_percent",      # a count indicator written in %
    "reverse_with_ge",       # a rate that should fall, written with ≥
    "satisfaction_100",      # a satisfaction target of 100%
    "rate_over_100",         # a rate above 100%
    "missing_timeliness",    # no 时效指标 under 产出指标
    "plan_not_ending_100",   # the spending plan ends below 100
    "budget_sum_mismatch",   # 预算数 ≠ 财政资金 + 其他资金
    "wrong_level2",          # 受益人数 under 质量指标
    "placeholder_target",    # template residue such as ≥**
    "prose_in_target",       # the target cell mixes prose
    "swapped_descriptions",  # two rows' descriptions exchanged
    "goal_number_mismatch",  # the goal statement's figure differs from the indicator's
    "heading_name_mismatch", # the title's project name differs from the table's
)


@dataclass(frozen=True, slots=True)
class Defect:
    """A defect injected into a sheet: its kind, the sheet's index and (where it has one) the indicator's."""

    kind: str
    sheet: int
    indicator: int | None = None


def _target_text(operator: str | None, value, unit: str | None) -> str:
    return str(value) if operator is None else f"{operator}{value}{unit}"


def generate_sheet(rng: random.Random, index: int, unit: Unit, indicators_per_sheet: int = 10) -> GoalSheet:
    """One clean, well-formed sheet with about ``indicators_per_sheet`` indicators."""
    name, purpose = rng.choice(PROJECTS)
    total = Decimal(rng.randint(500, 50000)) / 100
    other = Decimal(rng.choice([0, 0, 0, rng.randint(1, int(total))]))
    plan = sorted(rng.sample(range(10, 95), 3)) + [100]
    required = ["数量指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "服务对象满意度指标"]
    # Every (level 2, name) pair at most once: real sheets do not repeat an indicator.
    pool = [(level2, entry) for level2, entries in INDICATORS.items() for entry in entries]
    chosen = [(level2, rng.choice(INDICATORS[level2])) for level2 in required]
    spare = [pair for pair in pool if pair not in chosen]
    chosen += rng.sample(spare, min(max(indicators_per_sheet - len(required), 0), len(spare)))
    chosen.sort(key=lambda pair: list(LEVEL1_OF).index(pair[0]))
    indicators = []
    for level2, (ind_name, description, operator, value, ind_unit) in chosen:
        indicators.append(
            Indicator.from_cells(
                level1=LEVEL1_OF[level2], level2=level2, name=ind_name, description=description,
                target=_target_text(operator, value, ind_unit), basis=rng.choice(BASES),
            )
        )
    return GoalSheet(
        title=f"2025年度{name}绩效目标表", code=f"{unit.code}-{index:05d}", name=name, unit=unit, year=2025,
        money_unit=MoneyUnit.WAN_YUAN, budget=Budget(total=total, fiscal=total - other, other=other or None),
        purpose=purpose, spend_plan=[Checkpoint(label=label, percent=Decimal(p)) for label, p in zip(["3月底", "6月底", "9月底", "12月底"], plan)],
        goals=[f"完成{name}年度任务，{purpose}"], indicators=indicators,
    )


def _inject(rng: random.Random, sheet: GoalSheet, kind: str, index: int) -> Defect:
    indicators = sheet.indicators

    def replace(position: int, **cells) -> Defect:
        old = indicators[position]
        fields = dict(level1=old.level1_raw, level2=old.level2_raw, name=old.name, description=old.description,
                      target=old.target.raw, basis=old.basis)
        fields.update(cells)
        indicators[position] = Indicator.from_cells(**fields)
        return Defect(kind, index, position)

    if kind == "count_in_percent":
        return replace(0, name="培训人次", target="≥90%")
    if kind == "reverse_with_ge":
        return replace(len(indicators) - 2, name="群众投诉率", target="≥5%")
    if kind == "satisfaction_100":
        return replace(len(indicators) - 1, target="=100%")
    if kind == "rate_over_100":
        return replace(1, name="设施正常使用率", target="≥120%")
    if kind == "missing_timeliness":
        sheet.indicators = [i for i in indicators if i.level2 != "时效指标"]
        return Defect(kind, index)
    if kind == "plan_not_ending_100":
        sheet.spend_plan[-1] = Checkpoint(label=sheet.spend_plan[-1].label, percent=Decimal(90))
        return Defect(kind, index)
    if kind == "budget_sum_mismatch":
        sheet.budget = sheet.budget.model_copy(update={"fiscal": (sheet.budget.total or 0) + 1})
        return Defect(kind, index)
    if kind == "wrong_level2":
        return replace(1, level2="质量指标", name="受益人数", target="≥2000人")
    if kind == "placeholder_target":
        return replace(0, target="≥**个")
    if kind == "prose_in_target":
        return replace(0, target="≥18全乡18个行政村全覆盖")
    if kind == "swapped_descriptions":
        first, second = indicators[1], indicators[-1]  # a quality rate and a satisfaction: clearly distinct
        indicators[1] = first.model_copy(update={"description": second.description})
        indicators[-1] = second.model_copy(update={"description": first.description})
        return Defect(kind, index, 1)
    if kind == "goal_number_mismatch":
        replace(0, name="村人居环境整治个数", description="全乡18个行政村全覆盖", target="≥18个")
        sheet.goals = ["完成全乡14个村人居环境整治任务"]
        return Defect(kind, index)
    if kind == "heading_name_mismatch":
        sheet.name = f"{sheet.name[:1]}{sheet.name}"
        return Defect(kind, index)
    raise ValueError(kind)


def generate_document(
    seed: int, sheets: int = 1, indicators_per_sheet: int = 10, defect_rate: float = 0.0
) -> tuple[Document, list[Defect]]:
    """A document of ``sheets`` sheets; each sheet gets one random defect with probability ``defect_rate``."""
    rng = random.Random(seed)
    unit = Unit(code=str(rng.randint(100000, 999999)), name=rng.choice(["西留村乡人民政府", "城关镇人民政府", "县教育局", "县卫生健康局"]))
    documents_sheets, defects = [], []
    for index in range(sheets):
        sheet = generate_sheet(rng, index, unit, indicators_per_sheet)
        if rng.random() < defect_rate:
            defects.append(_inject(rng, sheet, rng.choice(DEFECT_KINDS), index))
        documents_sheets.append(sheet)
    overall = OverallGoals(aims=["保障全乡重点民生项目顺利实施"], duties=["负责全乡财政预算管理"], measures=["加强预算绩效管理"])
    return Document(source=f"synthetic-{seed}", unit=unit, overall=overall, sheets=documents_sheets), defects
