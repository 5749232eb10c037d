"""The one place where rules are registered. Lists of codes, docs and CLI listings are all derived from here.

To add a rule: write its class in the family module, add it to :data:`RULES` below, add a failing and a
passing case to ``tests/review/rule_cases.toml``, and regenerate the docs (``python -m jixiao.review.docs``).
The docs' bad and good examples are run too (tests/review/test_rule_examples.py): write them in the table
fragments tests/review/examples.py reads.
A rule that is removed moves its code to :data:`RETIRED`; the code is never given to another rule.
"""

from __future__ import annotations

from jixiao.review.rule import Rule
from jixiao.review.rules import (
    appropriateness,
    category,
    completeness,
    consistency,
    direction,
    figures,
    form,
    money,
    prose,
    reader,
    spelling,
    substance,
    units,
)

__all__ = ["RETIRED", "RULES", "by_code", "prose_rules", "sheet_rules"]

RULES: tuple[Rule, ...] = (
    reader.ReaderDiagnostic(),
    # 完整性
    completeness.MissingHeaderField(),
    completeness.NoIndicators(),
    completeness.MissingLevel1(),
    completeness.MissingOutputLevel2(),
    completeness.MissingCostIndicator(),
    completeness.MissingGoals(),
    completeness.EmptyIndicatorCell(),
    completeness.TemplateResidue(),
    completeness.TemplateNotFilled(),
    # 可衡量、规范
    form.MissingOperator(),
    form.MissingUnit(),
    form.ProseInTarget(),
    form.NumbersRunTogether(),
    form.QualitativeInQuantitativeSlot(),
    form.VagueTarget(),
    form.UnreadableTarget(),
    form.ContradictoryOperators(),
    form.UnitWrittenTwice(),
    form.SeveralIndicatorsInOneRow(),
    # 计量单位
    units.RateNotInPercent(),
    units.PercentOver100(),
    units.CountInPercent(),
    units.DurationNotInTimeUnit(),
    units.MoneyNotInMoneyUnit(),
    units.CostAboveBudget(),
    units.PeopleCountInOtherUnit(),
    units.CountInOtherMeasureWord(),
    units.DateInPercent(),
    units.CountInTimeUnit(),
    units.UnitColumnContradictsTarget(),
    units.TimelinessInCount(),
    # 指标方向
    direction.ReverseIndicatorWithLowerBound(),
    direction.DirectionContradictsOperator(),
    direction.ReverseIndicatorMarkedPositive(),
    direction.OutputCountWithUpperBound(),
    # 指标归类
    category.Level2UnderWrongLevel1(),
    category.CountUnderQuality(),
    category.SatisfactionOutsideSatisfaction(),
    category.TimelinessOutsideTimeliness(),
    category.CostOutsideCost(),
    category.QualityRateUnderQuantity(),
    category.ShareUnderQuantity(),
    category.SocialUnderOtherBenefit(),
    category.OutputCountUnderBenefit(),
    category.WorkRateUnderBenefit(),
    category.OtherWorkUnderSatisfaction(),
    category.SatisfactionNamesRespondents(),
    category.TimelessUnderTimeliness(),
    category.UnknownLevelName(),
    # 内部一致
    consistency.NameDescriptionMismatch(),
    consistency.DescriptionsSwapped(),
    consistency.GoalNumberMismatch(),
    consistency.GoalCountNotInIndicators(),
    consistency.ProjectWorksUncovered(),
    consistency.TitleNameMismatch(),
    consistency.DuplicateIndicator(),
    consistency.GenericIndicatorName(),
    consistency.SameBasisEverywhere(),
    consistency.BasisSetsNoStandard(),
    consistency.WeightsNotHundred(),
    consistency.WeightCellEmpty(),
    consistency.TargetContradictsDescription(),
    figures.BeneficiariesFewerThanServed(),
    figures.BenefitRepeatsOutputPeriod(),
    figures.GoalStandardAboveBudget(),
    figures.PartsAboveWhole(),
    figures.OneYearSpanContradicted(),
    figures.SpanCountsNotAboveYear(),
    figures.YearOutsidePeriod(),
    figures.WorksBeyondBudget(),
    # 资金与支出计划
    money.BudgetPartsMismatch(),
    money.YearAbovePeriodBudget(),
    money.PlanDecreasing(),
    money.PlanNotEndingAt100(),
    money.PlanOutOfRange(),
    money.PlanBelowMinimum(),
    # 适当性
    appropriateness.SatisfactionNotCredible(),
    appropriateness.RateTargetTooLow(),
    appropriateness.FullRateAsLowerBound(),
    appropriateness.TargetSetsNothing(),
    appropriateness.FewerTimesThanActivities(),
    # 审核人常提的实质问题
    substance.CostTargetNotMoney(),
    substance.YesNoIndicator(),
    substance.BenefitDenied(),
    substance.QuantityGroupWithoutCount(),
    substance.PartialRateBesideFixedCount(),
    substance.GoalRestatesSpending(),
    substance.GoalNotQuantified(),
    substance.GoalWrittenAsReport(),
    substance.IndicatorRestatesSpending(),
    substance.NumberInNameDiffers(),
    substance.UnselectedOptions(),
    substance.HeaderChoiceUnanswered(),
    substance.SameFigureRepeated(),
    substance.GarbledTarget(),
    substance.UnitCostTimesQuantity(),
    substance.SloganIndicatorName(),
    substance.ToleratedErrorRate(),
    substance.CostRestatesBudget(),
    substance.UnitCostWithoutBase(),
    substance.QualityRestatesQuantity(),
    substance.BenefitsSetNothing(),
    substance.ZeroCost(),
    substance.SameTargetAcrossCategories(),
    substance.GoalDefersElsewhere(),
    substance.BrokenYear(),
    substance.StaleAnnualDocument(),
    substance.DeadlineAfterBudgetYear(),
    substance.GarbledText(),
    spelling.MisspeltTerm(),
    # 没有指标表的报告和通知
    prose.BrokenReference(),
    prose.PartsNotWhole(),
    prose.LostCharacters(),
    prose.AmountWithoutUnit(),
    prose.MisspeltTermInProse(),
    prose.GoalNotQuantifiedInProse(),
    prose.BudgetAboveSources(),
)

# Codes of rules that were removed, with why; never reuse them.
RETIRED: dict[str, str] = {}

_BY_CODE = {rule.code: rule for rule in RULES}


def by_code(code: str) -> Rule | None:
    """The rule with ``code`` (case-insensitive), or None."""
    return _BY_CODE.get(code.upper())


def sheet_rules() -> tuple[Rule, ...]:
    """The rules that check one sheet at a time (all but the reader's and those of a document in prose)."""
    return tuple(rule for rule in RULES if not isinstance(rule, (reader.ReaderDiagnostic, prose.ProseRule)))


def prose_rules() -> tuple[prose.ProseRule, ...]:
    """The rules that check the sentences of a document with no table."""
    return tuple(rule for rule in RULES if isinstance(rule, prose.ProseRule))
