"""Year-end self-evaluation scoring (绩效自评评分) of one goal sheet under a profile.

Rounding rule: weights and scores are computed exactly (Decimal) and only rounded for display, half up, to the
profile's ``rounding.places``. The total is the exact sum rounded once, so the shown scores may differ from the
total by a unit in the last place; local caps and grades apply to that rounded total.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import GoalSheet, Indicator, IndicatorResult, SelfEvaluation
from jixiao.model.finding import Phrase
from jixiao.model.lexicon import fold
from jixiao.model.wording import Worded
from jixiao.scoring.problems import InputProblem, ScoringInputError, project_title
from jixiao.scoring.profile import Profile
from jixiao.scoring.scores import Adjustment, ItemScore, SheetScore, explained
from jixiao.scoring.target_rules import Sense, attainment, number, plain, sense_of

__all__ = ["execution_cap", "overshoot_rule", "score_sheet"]

_HUNDRED = Decimal(100)


@dataclass
class _Line:
    """An indicator on its way to a score: where its weight came from."""

    position: int
    indicator: Indicator
    result: IndicatorResult
    group_label: str
    nominal: Decimal
    weight_note: Phrase


def score_sheet(sheet: GoalSheet, evaluation: SelfEvaluation, profile: Profile) -> SheetScore:
    """Score ``sheet`` from the preparer's ``evaluation``.

    Raises :class:`ScoringInputError` listing every problem that prevents a score (a missing actual value, a
    qualitative score outside its tier's band, an indicator whose level has no weight, …). Required
    explanations that are merely missing are returned in ``SheetScore.missing``.
    """
    key, title = sheet.key, project_title(sheet)
    problems: list[InputProblem] = []
    budget_full = evaluation.budget_full if evaluation.budget_full is not None else sheet.budget.total
    if not budget_full:
        problems.append(InputProblem.of("项目“{title}”缺少全年预算数（或为 0），无法计算执行率", {"title": title},
                                        sheet=key, field="全年预算数"))
    if evaluation.spent is None:
        problems.append(InputProblem.of("项目“{title}”缺少全年执行数", {"title": title}, sheet=key, field="全年执行数"))
    lines, notes = _weigh(sheet, evaluation, profile, problems)
    if any(p.indicator is not None for p in problems):
        raise ScoringInputError(problems)  # without every indicator placed, no weight can be computed

    applicable = [line for line in lines if not line.result.not_applicable]
    weight_sum = profile.execution.weight + sum(line.nominal for line in applicable)
    factor = _HUNDRED / weight_sum
    if factor != 1:
        notes.append(Worded.of("参与计分的权重合计 {sum}，各项分值按 100 ÷ {sum} 折算为满分 100", {"sum": plain(weight_sum)}))

    items, missing, exact_total = [], [], Decimal(0)
    for line in lines:
        item, exact = _indicator_item(line, profile, factor, key, title, problems)
        items.append(item)
        exact_total += exact
        if item.score is not None and not item.full_marks and not (line.result.deviation or "").strip():
            missing.append(InputProblem.of(
                "项目“{title}”指标“{name}”未得满分，须填写偏差原因分析及改进措施",
                {"title": title, "name": line.indicator.name},
                sheet=key, indicator=line.position, field="偏差原因分析及改进措施",
            ))
    if problems:
        raise ScoringInputError(problems)
    rate = evaluation.spent / budget_full
    execution, exact_execution = _execution_item(profile, budget_full, evaluation.spent, rate, factor)
    items.insert(0, execution)

    subtotal = profile.rounding(exact_total + exact_execution)
    shown = sum((item.score for item in items if item.score is not None), Decimal(0))
    if shown != subtotal:
        notes.append(Worded.of("各项得分为四舍五入后的显示值，合计 {shown}，与按精确值求和后四舍五入的总分 {subtotal} 相差 "
                               "{difference}", {"shown": shown, "subtotal": subtotal, "difference": shown - subtotal}))
    adjustments = execution_cap(profile, rate * _HUNDRED, subtotal)
    total = adjustments[-1].after if adjustments else subtotal
    grade = profile.grade(total)
    explanation = Phrase.joined([
        Phrase("总分 = 各项得分之和 = {subtotal}（精确值求和后四舍五入保留{places}位小数）",
               {"subtotal": subtotal, "places": str(profile.rounding.places)}),
        *(a.explanation_wording.phrase for a in adjustments),
        Phrase("等级：{grade}（{range}）", {"grade": grade, "range": _grade_range(profile, grade)})])
    return SheetScore(
        sheet=key, name=sheet.name, unit=sheet.unit.name if sheet.unit else None, money_unit=sheet.money_unit,
        profile=profile.name, profile_label=profile.label, fiscal=sheet.budget.fiscal, other=sheet.budget.other, budget_initial=evaluation.budget_initial,
        budget_full=budget_full, spent=evaluation.spent, execution_rate=profile.rounding(rate * _HUNDRED),
        goals=sheet.goals, overall_actual=evaluation.overall_actual, items=items, subtotal=subtotal,
        adjustments=adjustments, total=total, grade=grade, **explained(explanation), note_wordings=notes,
        missing=missing,
    )


def _weigh(sheet: GoalSheet, evaluation: SelfEvaluation, profile: Profile,
           problems: list[InputProblem]) -> tuple[list[_Line], list[Worded]]:
    """Each indicator's nominal weight: its group's weight shared by the sheet's 权重 or equally."""
    key, notes = sheet.key, []
    title = project_title(sheet)
    placed: dict[str, list[tuple[int, Indicator, IndicatorResult]]] = {}
    for position, indicator in enumerate(sheet.indicators, start=1):
        result = evaluation.result_for(position)
        label = Phrase("项目“{title}”第{position}项指标“{name}”",
                       {"title": title, "position": str(position), "name": indicator.name})
        if result is None:
            problems.append(InputProblem.of("{label}没有自评结果", {"label": label}, sheet=key, indicator=position))
            continue
        if result.name and fold(result.name) != fold(indicator.name):
            problems.append(InputProblem.of("{label}在自评结果中写作“{written}”，与目标表不一致",
                                            {"label": label, "written": result.name},
                                            sheet=key, indicator=position, field="三级指标"))
            continue
        group = profile.group_of(indicator.level1)
        if group is None:
            problems.append(InputProblem.of(
                "{label}的一级指标“{level1}”不在评分方案“{profile}”的任何权重组中，无法计分",
                {"label": label, "level1": indicator.level1 or indicator.level1_raw, "profile": profile.label},
                sheet=key, indicator=position, field="一级指标"))
            continue
        placed.setdefault(group.label, []).append((position, indicator, result))
    lines = []
    for group in profile.levels:
        members = placed.get(group.label, [])
        if not members:
            notes.append(Worded.of("{group}（权重 {weight}）没有指标，不计分，其余分值折算",
                                   {"group": group.label, "weight": plain(group.weight)}))
            continue
        weights = [indicator.weight for _, indicator, _ in members]
        by_sheet = all(w is not None for w in weights) and sum(weights) > 0
        if not by_sheet and any(w is not None for w in weights):
            notes.append(Worded.of("{group}中只有部分指标写了权重，组内改为平均分配", {"group": group.label}))
        per_level2: dict[str, int] = {}
        for _, indicator, _ in members:
            per_level2[_level2_key(indicator)] = per_level2.get(_level2_key(indicator), 0) + 1
        for position, indicator, result in members:
            if by_sheet:
                share = indicator.weight / sum(weights)
                how = Phrase("× 本项权重 {own} ÷ 组内权重合计 {total}",
                             {"own": plain(indicator.weight), "total": plain(sum(weights))})
            elif profile.sharing.within == "level2":
                siblings = per_level2[_level2_key(indicator)]
                share = Decimal(1) / len(per_level2) / siblings
                how = Phrase("÷ 组内 {level2s} 个二级指标 ÷ 该二级指标下 {siblings} 项，平均分配",
                             {"level2s": str(len(per_level2)), "siblings": str(siblings)})
            else:
                share = Decimal(1) / len(members)
                how = Phrase("÷ 组内 {members} 项平均分配", {"members": str(len(members))})
            note = Phrase("{group}权重 {weight} {how}", {"group": group.label, "weight": plain(group.weight), "how": how})
            lines.append(_Line(position, indicator, result, group.label, group.weight * share, note))
    lines.sort(key=lambda line: line.position)
    return lines, notes


def _level2_key(indicator: Indicator) -> str:
    return indicator.level2 or indicator.level2_raw or ""


def _execution_item(profile: Profile, budget: Decimal, spent: Decimal, rate: Decimal,
                    factor: Decimal) -> tuple[ItemScore, Decimal]:
    weight = profile.execution.weight * factor
    share = min(rate, Decimal(1))
    exact = weight * share
    rounded = profile.rounding
    explanation = Phrase("执行率 = 全年执行数 {spent} ÷ 全年预算数 {budget} = {rate}%；"
                         "得分 = 分值 {weight} × 执行率（超过100%按100%计） = {score}",
                         {"spent": plain(spent), "budget": plain(budget), "rate": rounded(rate * _HUNDRED),
                          "weight": rounded(weight), "score": rounded(exact)})
    flags = [Worded.of("全年执行数 {spent} 超过全年预算数 {budget}（执行率 {rate}%）：预算执行不得突破批复的预算，"
                       "请核实执行数或调整程序",
                       {"spent": plain(spent), "budget": plain(budget), "rate": rounded(rate * _HUNDRED)})] if rate > 1 else []
    item = ItemScore(
        level1=profile.execution.label, name=profile.execution.label, target="100%",
        actual=f"{rounded(rate * _HUNDRED)}%", weight=rounded(weight), score=rounded(exact),
        full_marks=share == 1, **explained(explanation), flag_wordings=flags,
    )
    return item, exact


def _indicator_item(line: _Line, profile: Profile, factor: Decimal, key: str, title: str,
                    problems: list[InputProblem]) -> tuple[ItemScore, Decimal]:
    indicator, result, rounded = line.indicator, line.result, profile.rounding
    common = dict(indicator=line.position, level1=indicator.level1 or indicator.level1_raw,
                  level2=indicator.level2 or indicator.level2_raw or None, name=indicator.name,
                  target=indicator.target.display(), deviation=result.deviation)
    if result.not_applicable:
        return ItemScore(**common, actual="不适用", weight=Decimal(0), score=None, not_applicable=True,
                         **explained(Phrase("不适用，不计分；其余分值按比例折算"))), Decimal(0)
    weight = line.nominal * factor
    if factor != 1:
        weight_text = Phrase("分值 = {note} × 100 ÷ {base}（折算） = {weight}", {
            "note": line.weight_note, "base": plain((_HUNDRED / factor).quantize(Decimal("0.0001"))),
            "weight": rounded(weight)})
    else:
        weight_text = Phrase("分值 = {note} = {weight}", {"note": line.weight_note, "weight": rounded(weight)})
    label = Phrase("项目“{title}”指标“{name}”", {"title": title, "name": indicator.name})
    flags: list[Worded] = []
    quantitative = indicator.target.value is not None and result.actual is not None
    if result.tier is not None and not quantitative:
        band = profile.band(result.tier)
        if not band.low <= result.tier_percent <= band.high:
            problems.append(InputProblem.of(
                "{label}定性档次“{tier}”的得分比例应在 {low}%–{high}% 之间，填写的是 {percent}%",
                {"label": label, "tier": result.tier.value, "low": plain(band.low), "high": plain(band.high),
                 "percent": plain(result.tier_percent)},
                sheet=key, indicator=line.position, field="得分比例"))
            return _placeholder(common), Decimal(0)
        exact = weight * result.tier_percent / _HUNDRED
        formula = Phrase("定性评价“{tier}”（区间 {low}%–{high}%），选定 {percent}%：得分 = {weight} × {percent}% = {score}；"
                         "理由：{reason}",
                         {"tier": result.tier.value, "low": plain(band.low), "high": plain(band.high),
                          "percent": plain(result.tier_percent), "weight": rounded(weight), "score": rounded(exact),
                          "reason": result.tier_reason or ""})
        actual = result.actual_raw or result.tier.value
        full = result.tier_percent == _HUNDRED
    else:
        target = indicator.target
        if target.value is None:
            problems.append(InputProblem.of(
                "{label}的目标“{target}”不是数值，须选择定性评价档次并给出得分比例和理由",
                {"label": label, "target": target.stated or "（空）"}, sheet=key, indicator=line.position, field="定性档次"))
            return _placeholder(common), Decimal(0)
        if result.actual is None:
            problems.append(InputProblem.of("{label}缺少实际完成值", {"label": label},
                                            sheet=key, indicator=line.position, field="实际完成值"))
            return _placeholder(common), Decimal(0)
        sense, sense_note = sense_of(target, indicator.direction, indicator.name)
        reached = attainment(target, sense, result.actual)
        exact = weight * reached.share
        full = reached.share == 1
        formula = Phrase("得分 = {weight} × {reached} = {weight} × {share}% = {score}",
                         {"weight": rounded(weight), "reached": reached.formula,
                          "share": rounded(reached.share * _HUNDRED), "score": rounded(exact)})
        if sense is Sense.LOWER:
            formula = Phrase("反向指标（越低越好）：{formula}", {"formula": formula})
        if sense_note:
            formula = Phrase.joined([sense_note, formula])
        if result.tier is not None:
            formula = Phrase.joined([formula, Phrase("定量指标按实际完成值计分，所选定性档次“{tier}”不适用",
                                                     {"tier": result.tier.value})])
        actual = result.actual_raw or f"{number(result.actual)}{target.unit or ''}"
        exact, full, deduction = overshoot_rule(profile, sense, reached.overshoot, exact, full, flags)
        if deduction is not None:
            formula = Phrase.joined([formula, deduction])
    return ItemScore(**common, actual=actual, weight=rounded(weight), score=rounded(exact), full_marks=full,
                     **explained(Phrase.joined([weight_text, formula])), flag_wordings=flags), exact


def overshoot_rule(profile: Profile, sense: Sense, overshoot: Decimal | None, exact: Decimal, full: bool,
                   flags: list[Worded]) -> tuple[Decimal, bool, Phrase | None]:
    """Flag a large overshoot for a human and apply the local deduction when the profile enables it (the audit of
    printed self-evaluations recomputes with the same rule): the score, whether it is full marks, and the deduction
    in words for the formula (None when none applies).

    Beyond a floor (≥) the target may have been set too low; below a ceiling (≤, a cost or a duration) the
    ceiling may have been too loose, but a saving is never a reason to deduct points.
    """
    if overshoot is None:
        return exact, full, None
    shown = profile.rounding(overshoot)
    if overshoot >= profile.overshoot.flag_share:
        figures = {"overshoot": shown, "line": plain(profile.overshoot.flag_share)}
        if sense is Sense.LOWER:
            flags.append(Worded.of("实际值比上限低 {overshoot}%（提示线 {line}%）：上限可能定得过松，请人工复核", figures))
        else:
            flags.append(Worded.of("实际值超出目标 {overshoot}%（提示线 {line}%）：目标可能定得过低，请人工复核", figures))
    rule = profile.rules.overshoot_deduction
    if sense is Sense.HIGHER and rule.enabled and overshoot >= rule.share and rule.points:
        reduced = max(exact - rule.points, Decimal(0))
        return reduced, False, Phrase("超出目标 {overshoot}% ≥ {share}%，按{citation}扣 {points} 分，得 {reduced}",
                                      {"overshoot": shown, "share": plain(rule.share), "citation": rule.citation,
                                       "points": plain(rule.points), "reduced": profile.rounding(reduced)})
    return exact, full, None


def _placeholder(common: dict) -> ItemScore:
    """Stands in for an item that cannot be scored; the caller raises before it is ever shown."""
    return ItemScore(**common, actual="", weight=Decimal(0), score=None)


def execution_cap(profile: Profile, rate_percent: Decimal, subtotal: Decimal) -> list[Adjustment]:
    """The profile's local cap on the total for a low execution rate, as an adjustment (none when off or not
    reached); the audit of printed self-evaluations applies the same cap."""
    rule = profile.rules.execution_cap
    caps = [cap for cap in rule.caps if rate_percent < cap.below] if rule.enabled else []
    if not caps:
        return []
    cap = min(caps, key=lambda c: c.max_total)
    if subtotal <= cap.max_total:
        return []
    return [Adjustment(
        rule="execution_cap", before=subtotal, after=cap.max_total,
        **explained(Phrase("执行率 {rate}% 低于 {below}%，按{citation}总分不超过 {cap} 分（原 {subtotal} 分）", {
            "rate": _precise(profile, rate_percent, cap.below), "below": plain(cap.below), "citation": rule.citation,
            "cap": profile.rounding(cap.max_total), "subtotal": subtotal})),
    )]


def _precise(profile: Profile, value: Decimal, threshold: Decimal) -> Decimal:
    """``value`` rounded as the profile rounds, unless that would make it equal ``threshold`` (79.996 → 79.996,
    not 80.00, beside “低于 80%”)."""
    rounded = profile.rounding(value)
    return rounded if rounded != threshold else value.quantize(Decimal("0.0001")).normalize()


def _grade_range(profile: Profile, grade: str) -> Phrase:
    ordered = sorted(profile.grades, key=lambda g: g.min)
    for index, item in enumerate(ordered):
        if item.label == grade:
            if index + 1 < len(ordered):
                return Phrase("{low} ≤ 总分 < {high}", {"low": plain(item.min), "high": plain(ordered[index + 1].min)})
            return Phrase("{low} ≤ 总分", {"low": plain(item.min)})
    return Phrase("")
