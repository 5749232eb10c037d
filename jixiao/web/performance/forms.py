"""Forms for a sheet's year. Validation at the field, with the core models' own Chinese messages."""

from __future__ import annotations

from datetime import date

from django import forms
from pydantic import ValidationError

from jixiao.model import (
    DeviationCause,
    FundSource,
    IndicatorProgress,
    IndicatorResult,
    Likelihood,
    MonitoringAnswer,
    QualitativeTier,
    Target,
    parse_target,
)
from jixiao.scoring import builtin_profiles, load_profile, progress_problem
from jixiao.scoring.messages import validation_reason
from jixiao.web.bounds import MAX_VERSION
from jixiao.web.performance.models import MONEY
from jixiao.web.performance.services import NEGATIVE_SPENDING
from jixiao.web.uploads import validate_upload_size

__all__ = ["AnswerForm", "ActualsImportForm", "MoneyForm", "ProgressForm", "ResultForm", "SettingForm",
           "SpendingForm"]

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ALL_SOURCES = ""


def _choices(enum) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]


def _model_errors(form: forms.Form, error: ValidationError, fields: dict[str, bool]) -> None:
    """Put the model's messages on the fields still empty (``fields``: name → given), else on the form."""
    for entry in error.errors():
        empty = [name for name, given in fields.items() if not given]
        for name in empty or [None]:
            form.add_error(name, validation_reason(entry))


def _number(form: forms.Form, field: str, text: str):
    """A value as written (``16个``, ``95%``, ``12.5``): the number in it, or an error at the field."""
    text = (text or "").strip()
    if not text:
        return None
    parsed = parse_target(text)
    if parsed.value is None or parsed.operator is not None:
        form.add_error(field, f"“{text}”无法识别为数值；请填写数字，可带单位，如 16个、95%")
        return None
    return parsed.value


class VersionForm(forms.Form):
    """The tracking version the page was opened at (stale saves are refused)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION)


class SpendingForm(VersionForm):
    """A payment, or the cumulative amount spent up to a date."""

    kind = forms.ChoiceField(label="填报方式", choices=[("entry", "单笔支出"), ("cumulative", "截至该日累计支出")],
                             initial="entry", widget=forms.RadioSelect)
    day = forms.DateField(label="日期", widget=DATE)
    amount = forms.DecimalField(label="金额", **MONEY)
    source = forms.ChoiceField(label="资金来源", required=False, initial=FundSource.FISCAL.value,
                               choices=[*_choices(FundSource), (ALL_SOURCES, "全部资金（仅累计数）")])
    note = forms.CharField(label="摘要", required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("kind") == "entry" and data.get("source") == ALL_SOURCES:
            self.add_error("source", "单笔支出请选择资金来源（财政资金或其他资金）")
        if data.get("amount") is not None and data["amount"] < 0:
            self.add_error("amount", NEGATIVE_SPENDING)
        return data

    def source_value(self) -> FundSource | None:
        """The fund source chosen, None for all sources."""
        return FundSource(self.cleaned_data["source"]) if self.cleaned_data["source"] else None


class ProgressForm(VersionForm):
    """The value one indicator has reached by a date, with the evidence."""

    indicator = forms.TypedChoiceField(label="指标", coerce=int)
    as_of = forms.DateField(label="截至日期", widget=DATE)
    value = forms.CharField(label="实际完成值", max_length=300, help_text="数字可带单位，如 12个、95%；定性指标可写文字")
    evidence = forms.CharField(label="佐证材料", required=False, max_length=300)

    def __init__(self, *args, indicators: list[tuple[int, str]], targets: dict[int, Target] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = indicators
        self.targets = targets or {}

    def clean(self):
        data = super().clean()
        target = self.targets.get(data.get("indicator"))
        if target is not None and data.get("value") and (problem := progress_problem(target, data["value"])):
            self.add_error("value", problem)
        return data

    def progress(self) -> IndicatorProgress:
        """The core record of what was entered."""
        data = self.cleaned_data
        parsed = parse_target(data["value"])
        number = parsed.value if parsed.operator is None else None
        return IndicatorProgress(indicator=data["indicator"], as_of=data["as_of"], value=number,
                                 text=None if number is not None else data["value"].strip(),
                                 evidence=data.get("evidence") or None)


class AnswerForm(forms.Form):
    """The preparer's answer for one indicator; 偏差原因 and 改进措施 are required unless 确定能.

    Nothing is preselected: an indicator not yet judged has no answer (``answer`` is None) and saves nothing.
    """

    likelihood = forms.ChoiceField(label="完成目标可能性", required=False,
                                   choices=[("", "—（尚未判断）"), *_choices(Likelihood)])
    causes = forms.MultipleChoiceField(label="偏差原因", required=False, choices=_choices(DeviationCause),
                                       widget=forms.CheckboxSelectMultiple)
    cause_note = forms.CharField(label="偏差原因说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    remedy = forms.CharField(label="改进措施", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    expected_value = forms.DecimalField(label="全年预计完成值（可选）", required=False, max_digits=20, decimal_places=4)

    def __init__(self, *args, position: int, name: str, **kwargs):
        super().__init__(*args, prefix=f"a{position}", **kwargs)
        self.position, self.name = position, name

    def clean(self):
        data = super().clean()
        self.answer = None
        if self.errors:
            return data
        if not data.get("likelihood"):
            if data["causes"] or any((data.get(f) or "") != "" for f in ("cause_note", "remedy", "expected_value")):
                self.add_error("likelihood", "请选择完成目标可能性")
            return data  # not judged yet: nothing is saved for this indicator
        try:
            self.answer = MonitoringAnswer(
                indicator=self.position, name=self.name, likelihood=data["likelihood"], causes=data["causes"],
                cause_note=data.get("cause_note") or None, remedy=data.get("remedy") or None,
                expected_value=data.get("expected_value"))
        except ValidationError as error:
            _model_errors(self, error, {"causes": bool(data["causes"]), "remedy": bool((data.get("remedy") or "").strip())})
        return data


class MoneyForm(VersionForm):
    """The money and overall result of the self-evaluation."""

    budget_initial = forms.DecimalField(label="年初预算数", required=False, min_value=0, **MONEY)
    budget_full = forms.DecimalField(label="全年预算数", required=False, min_value=0, **MONEY,
                                     help_text="不填则用批复的预算数")
    spent = forms.DecimalField(label="全年执行数", required=False, min_value=0, **MONEY,
                               help_text="不填则用已记录的支出合计")
    overall_actual = forms.CharField(label="年度总体目标实际完成情况", required=False,
                                     widget=forms.Textarea(attrs={"rows": 3}))


class ResultForm(forms.Form):
    """One indicator's year-end result: the actual value, or a qualitative tier with a score and a reason."""

    actual = forms.CharField(label="实际完成值", required=False, max_length=300)
    not_applicable = forms.BooleanField(label="不适用", required=False)
    tier = forms.ChoiceField(label="定性档次", required=False, choices=[("", "—（按实际值计分）"), *_choices(QualitativeTier)])
    tier_percent = forms.DecimalField(label="得分比例（%）", required=False, min_value=0, max_value=100, decimal_places=2)
    tier_reason = forms.CharField(label="评分理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    deviation = forms.CharField(label="偏差原因分析及改进措施", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, position: int, name: str, **kwargs):
        super().__init__(*args, prefix=f"r{position}", **kwargs)
        self.position, self.name = position, name

    def clean(self):
        data = super().clean()
        actual = _number(self, "actual", data.get("actual"))
        if self.errors:
            return data
        try:
            self.result = IndicatorResult(
                indicator=self.position, name=self.name, actual=actual,
                actual_raw=(data.get("actual") or "").strip() or None, tier=data.get("tier") or None,
                tier_percent=data.get("tier_percent"), tier_reason=data.get("tier_reason") or None,
                not_applicable=data.get("not_applicable", False), deviation=data.get("deviation") or None)
        except ValidationError as error:
            _model_errors(self, error, {"tier": bool(data.get("tier")), "tier_percent": data.get("tier_percent") is not None,
                                        "tier_reason": bool((data.get("tier_reason") or "").strip())})
        return data


class ActualsImportForm(VersionForm):
    """The actuals template filled in."""

    file = forms.FileField(label="自评数据模板（.xlsx）", validators=[validate_upload_size])


class SettingForm(forms.Form):
    """A bureau's profile and monitoring period for one year."""

    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    profile = forms.ChoiceField(label="评分方案")
    period_end = forms.DateField(label="监控截止日期", widget=DATE, help_text="如 6月30日即监控 1-6月")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [(name, load_profile(name).label) for name in builtin_profiles()]

    def clean(self):
        data = super().clean()
        if data.get("year") and isinstance(data.get("period_end"), date) and data["period_end"].year != data["year"]:
            self.add_error("period_end", f"监控截止日期应在 {data['year']} 年内")
        return data
