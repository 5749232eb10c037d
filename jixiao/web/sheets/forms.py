"""Forms: validation at the field, in the official form's own labels. They never write; services do."""

from __future__ import annotations

from django import forms

from jixiao.documents import target_text
from jixiao.model import Operator, canonical_level1, canonical_level2, parse_target
from jixiao.model.amounts import amount
from jixiao.model.lexicon import fold
from jixiao.model.vocabulary import level1_names, level2_names
from jixiao.web.bounds import MAX_ID, MAX_VERSION, YEARS, InvalidValue
from jixiao.web.sheets.conversion import indicator_of
from jixiao.web.sheets.models import MONEY, IndicatorRow, Sheet, Status
from jixiao.web.sheets.ordering import place_new_rows
from jixiao.web.sheets.periods import PERIOD_COLUMNS, period_errors, period_years
from jixiao.web.sheets.presentation import other_cells
from jixiao.web.sheets.sources import MAX_SOURCES, SOURCE_LABEL_LENGTH, source_cells, sources_check
from jixiao.web.sheets.workflow import GRADES
from jixiao.web.uploads import validate_upload_size

__all__ = ["ImportForm", "IndicatorForm", "IndicatorFormSet", "PeriodSourceFormSet", "SheetFilterForm", "SheetForm",
           "SourceFormSet", "TransitionForm", "CommentForm", "DEFAULT_PLAN_LABELS"]

# The checkpoints offered for a sheet that has no spending plan yet; a sheet's own checkpoints (9月底, 第二季度…)
# are kept as they are, so that saving never drops one.
DEFAULT_PLAN_LABELS = ("3月底", "6月底", "10月底", "12月底")
OPERATORS = [("", "—")] + [(o.value, o.value) for o in Operator if o is not Operator.RANGE]
COMMON_UNITS = ("%", "个", "人", "人次", "户", "次", "项", "万元", "元", "天", "月", "年", "公里", "平方米", "吨")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        return [single(item, initial) for item in data] if isinstance(data, list | tuple) else [single(data, initial)]


class SheetFilterForm(forms.Form):
    """The query parameters of the sheet list (also of the unit export, the dashboard and the overview's year)."""

    year = forms.IntegerField(label="年度", required=False, min_value=YEARS[0], max_value=YEARS[1])
    unit = forms.IntegerField(label="单位", required=False, min_value=1, max_value=MAX_ID)
    status = forms.ChoiceField(label="状态", required=False, choices=[("", "")] + Status.choices)
    q = forms.CharField(label="搜索", required=False, max_length=200)
    findings = forms.ChoiceField(label="审核发现", required=False,
                                 choices=[("", ""), ("errors", "errors"), ("any", "any"), ("none", "none")])
    min = forms.DecimalField(label="最低预算数", required=False, max_digits=MONEY["max_digits"],
                             decimal_places=MONEY["decimal_places"])
    max = forms.DecimalField(label="最高预算数", required=False, max_digits=MONEY["max_digits"],
                             decimal_places=MONEY["decimal_places"])
    deleted = forms.ChoiceField(label="已删除", required=False, choices=[("", ""), ("0", "0"), ("1", "1")])


class ImportForm(forms.Form):
    """Files for one unit and year."""

    unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label=None)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    files = MultipleFileField(label="文件", help_text="可一次选择多个文件：.txt .docx .xlsx .html .pdf，或它们的 .zip 压缩包",
                              validators=[validate_upload_size])
    # A background import has no preview to confirm another year or unit on: it is confirmed here (the preview's
    # box is then ticked already).
    accept_year = forms.BooleanField(label="文件中的年度与所选年度不同时，仍按所选年度导入", required=False,
                                     help_text="后台导入（.zip 或超过 20 个文件）没有预览，须在这里确认")
    accept_unit = forms.BooleanField(label="文件中写的单位与所选单位不同时，仍导入到所选单位", required=False,
                                     help_text="后台导入没有预览，须在这里确认")

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


# The span's fields the editor shows (in their own block, 实施期与中期资金, with the span's other sources in a table
# of their own: :data:`PeriodSourceFormSet`); its years are read from the 实施期 typed.
PERIOD_FIELDS = ("period_text", "period_start", "period_end", "period_total", "period_fiscal", "period_other")
# The amounts the editor shows with the places they need (18.00 stored, 18 shown as 18.00, not 18.000000).
_AMOUNT_FIELDS = ("budget_total", "budget_fiscal", "budget_other", "period_total", "period_fiscal", "period_other")


class SheetForm(forms.ModelForm):
    """The header, money, the span and its money, spending plan and goals of a sheet."""

    goals_text = forms.CharField(label="年度绩效目标", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text="每行一条目标")
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=MAX_VERSION)
    period_start = forms.IntegerField(label="起始年度", required=False, min_value=YEARS[0], max_value=YEARS[1])
    period_end = forms.IntegerField(label="结束年度", required=False, min_value=YEARS[0], max_value=YEARS[1])

    class Meta:
        model = Sheet
        fields = ["code", "name", "title", "money_unit", "budget_total", "budget_fiscal", "budget_other",
                  *PERIOD_FIELDS, "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3}),
                   "period_text": forms.TextInput(attrs={"placeholder": "如 3年、2024年—2026年"})}
        labels = {"period_text": "实施期"}  # (the span's money by the names its history gives them: 中期资金：其他资金)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan_labels = [c["label"] for c in self.instance.spend_plan] or list(DEFAULT_PLAN_LABELS)
        for label in self.plan_labels:
            self.fields[f"plan_{label}"] = forms.DecimalField(
                label=f"资金支出计划 {label}（%）", required=False, min_value=0, max_value=100, decimal_places=2)
        if self.instance.pk and not self.is_bound:
            plan = {c["label"]: c.get("percent") for c in self.instance.spend_plan}
            for label in self.plan_labels:
                self.initial[f"plan_{label}"] = plan.get(label)
            self.initial["goals_text"] = "\n".join(self.instance.goals)
            for name in _AMOUNT_FIELDS:
                self.initial[name] = amount(getattr(self.instance, name))
            self.initial["version"] = self.instance.version

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        # taken before the instance takes the form's values: its stored years and other parts of the span's budget
        self.period = self._period()
        # the span as the core validates one entered (an end year before the start is refused), where it changed: a
        # span read backwards and left alone is saved as printed
        if any(name in self.changed_data for name in PERIOD_FIELDS):
            for column, reason in period_errors(self.period):
                self.add_error(column if column in PERIOD_FIELDS else None, reason)
        return data

    def _period(self) -> dict[str, object]:
        """The span's columns as entered: the fields shown, the years its 实施期 says, the rest as stored."""
        entered = {name: self.cleaned_data[name] for name in PERIOD_FIELDS}
        return {**{name: getattr(self.instance, name) for name in PERIOD_COLUMNS}, **entered,
                "period_years": period_years(entered["period_text"], self.instance)}

    def changes(self) -> dict[str, object]:
        """The sheet fields as the service takes them."""
        data = self.cleaned_data
        fields = {name: data[name] for name in self._meta.fields}
        fields["purpose"] = fields["purpose"].replace("\r\n", "\n")
        fields.update(self.period)
        fields["goals"] = [line.strip() for line in data["goals_text"].splitlines() if line.strip()]
        fields["spend_plan"] = [{"label": label, "percent": f"{data[f'plan_{label}']}"}
                                for label in self.plan_labels if data.get(f"plan_{label}") is not None]
        return fields


class SourceForm(forms.Form):
    """One of the budget's other sources (政府性基金拨款 …): its label as printed and its amount in the sheet's unit."""

    label = forms.CharField(label="来源名称", max_length=SOURCE_LABEL_LENGTH,
                            error_messages={"required": "请填写来源名称"},
                            widget=forms.TextInput(attrs={"list": "source-labels"}))
    amount = forms.DecimalField(label="金额", min_value=0, max_digits=MONEY["max_digits"],
                                decimal_places=MONEY["decimal_places"],
                                error_messages={"required": "请填写金额", "min_value": "金额不能小于0"})


class BaseSourceFormSet(forms.BaseFormSet):
    """The budget's other sources as the editor lists them; a row added and left blank is none."""

    field = "budget_sources"  # the Sheet column they are kept in, which the messages name
    default_error_messages = {"too_many_forms": "另列资金来源最多 %(num)d 项"}

    def clean(self):
        if any(self.errors):
            return
        try:  # the service's own check, so that the page refuses what the API refuses, with the same words
            sources_check(self.cells(), self.field)
        except InvalidValue as error:
            raise forms.ValidationError(error.message) from None

    def cells(self) -> list[list[str]]:
        """The kept sources as ``Sheet.budget_sources`` keeps them, in the order shown."""
        return source_cells((f.cleaned_data["label"], f.cleaned_data["amount"]) for f in self.forms
                            if f.cleaned_data and not self._should_delete_form(f))

    @staticmethod
    def initial_for(cells: list[list[str]]) -> list[dict[str, str]]:
        """The forms' initial values for a stored sheet's sources (the amounts as stored: 118.82, not 118.820000)."""
        return [{"label": label, "amount": text} for label, text in cells]


class BasePeriodSourceFormSet(BaseSourceFormSet):
    """The whole span's other sources (中期资金 beside its 财政资金 and 其他资金), listed as the year's are."""

    field = "period_sources"
    default_error_messages = {"too_many_forms": "中期资金的另列资金来源最多 %(num)d 项"}


SourceFormSet = forms.formset_factory(SourceForm, formset=BaseSourceFormSet, extra=0, can_delete=True,
                                      max_num=MAX_SOURCES, absolute_max=MAX_SOURCES, validate_max=True)
PeriodSourceFormSet = forms.formset_factory(SourceForm, formset=BasePeriodSourceFormSet, extra=0, can_delete=True,
                                            max_num=MAX_SOURCES, absolute_max=MAX_SOURCES, validate_max=True)


class IndicatorForm(forms.Form):
    """One indicator row; the target as operator + number + unit, or as text (qualitative)."""

    # The levels as written in the document: kept when the chosen vocabulary entry is just their canonical name.
    level1_raw = forms.CharField(required=False, widget=forms.HiddenInput)
    level2_raw = forms.CharField(required=False, widget=forms.HiddenInput)
    # The vocabulary entries the core understood them as (產出指標 is 产出指标), which the vocabulary alone may not see.
    level1_read = forms.CharField(required=False, widget=forms.HiddenInput)
    level2_read = forms.CharField(required=False, widget=forms.HiddenInput)
    # The stored row the form shows (none for a row added now): the cells the form has no field for (权重, the
    # form's other columns …) are kept from it, wherever the user moves the row.
    origin = forms.IntegerField(required=False, widget=forms.HiddenInput)
    # The form's own operator (指标性质) and unit (计量单位) columns as the stored row has them: a target the reader
    # joined from them is shown split, and saved back into them, so the exported form keeps its columns and no
    # column contradicts the value (an edited ≥230人 beside a unit column still saying 个).
    operator_column = forms.CharField(required=False, widget=forms.HiddenInput)
    unit_column = forms.CharField(required=False, widget=forms.HiddenInput)
    level1 = forms.ChoiceField(label="一级指标", choices=[("", "—")] + [(n, n) for n in level1_names()], required=False)
    level2 = forms.ChoiceField(label="二级指标", choices=[("", "—")] + [(n, n) for n in level2_names()], required=False)
    name = forms.CharField(label="三级指标", max_length=200, widget=forms.TextInput(attrs={"list": "indicator-names"}))
    description = forms.CharField(label="绩效指标描述", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    operator = forms.ChoiceField(label="指标性质", choices=OPERATORS, required=False)
    value = forms.DecimalField(label="指标值", required=False, max_digits=16, decimal_places=4)
    unit = forms.CharField(label="度量单位", required=False, max_length=20,
                           widget=forms.TextInput(attrs={"list": "units", "size": 4}))
    text = forms.CharField(label="定性指标值", required=False, max_length=300)
    basis = forms.CharField(label="指标值确定依据", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        if data.get("value") is None and not (data.get("text") or "").strip() and not self.errors:
            self.add_error("value", "请填写指标值（数值）或定性指标值")
        if data.get("value") is not None and not data.get("operator"):
            self.add_error("operator", "请选择指标性质（≥ ≤ = > <）")
        return data

    def cells(self) -> dict[str, object]:
        """The row's cells as written in the table, and the stored row it was shown from (``origin``)."""
        data = self.cleaned_data
        value = data.get("value")
        target = f"{data['operator']}{value.normalize():f}{data.get('unit') or ''}" if value is not None else data["text"]
        columns = _column_cells(data, value)
        if columns and value is not None:
            target = (f"{'' if 'operator_column' in columns else data['operator']}{value.normalize():f}"
                      f"{'' if 'unit_column' in columns else data.get('unit') or ''}")
        cells = {"level1": _as_written(data.get("level1"), data.get("level1_raw"), data.get("level1_read"),
                                       canonical_level1),
                 "level2": _as_written(data.get("level2"), data.get("level2_raw"), data.get("level2_read"),
                                       canonical_level2),
                 "name": data["name"], "description": data.get("description") or "", "target": target,
                 "basis": data.get("basis") or "", **columns}
        # Browsers send textarea line breaks as CRLF; the stored text uses LF as the documents do.
        return {**{name: value.replace("\r\n", "\n").strip() for name, value in cells.items()},
                "origin": data.get("origin")}

    @staticmethod
    def initial_for(row: IndicatorRow) -> dict[str, object]:
        """The form's initial values for a stored row: a clean quantitative target splits into its parts."""
        written = target_text(row.target, row.operator_column, row.unit_column)  # as the reader joins the columns
        target = parse_target(written, row.name)
        understood = indicator_of(row)  # the levels as the core understood them (產出指標 is 产出指标)
        initial = {"level1": understood.level1 or row.level1, "level2": understood.level2 or row.level2,
                   "level1_raw": row.level1, "level2_raw": row.level2, "level1_read": understood.level1 or "",
                   "level2_read": understood.level2 or "", "name": row.name, "description": row.description,
                   "basis": row.basis, "text": row.target, "origin": row.pk,
                   # shown read-only under the row (not fields: saving keeps them from the origin)
                   "other_cells": other_cells(understood)}
        # Split only a target the parts rebuild exactly; anything else (prose, run-together numbers) stays text.
        if target.value is not None and target.operator not in (None, Operator.RANGE) \
                and fold(target.display()) == fold(written):
            initial.update(operator=target.operator.value, value=target.value, unit=target.unit or "", text="")
            # the columns the reader joined into the target (a unit column's note that completes nothing is not)
            if target_text(row.target, row.operator_column, "") != row.target:
                initial["operator_column"] = row.operator_column
            if target_text(row.target, "", row.unit_column) != row.target:
                initial["unit_column"] = row.unit_column
        return initial


def _column_cells(data: dict, value) -> dict[str, str]:
    """The operator and unit columns' cells of an edited row whose target was joined from them: a number's operator
    and unit go into them; a qualitative text empties them (a 定性 target beside a column still saying ≥ or 个 would
    read as ≥良好个). A row not split from its columns (a qualitative row whose column may say 定性) leaves them as
    they stand, so an unchanged row does not change. Empty when the row has no such columns."""
    cells = {"operator_column": data["operator"] if value is not None else ""} if data.get("operator_column") else {}
    if data.get("unit_column"):
        cells["unit_column"] = (data.get("unit") or "") if value is not None else ""
    return cells


def _as_written(chosen: str | None, raw: str | None, read: str | None, canonical) -> str:
    """The level as the document wrote it when the user kept it (chose the entry it reads as), else the vocabulary
    entry chosen."""
    return raw if raw and chosen and chosen in (canonical(raw), read) else (chosen or "")


class BaseIndicatorFormSet(forms.BaseFormSet):
    default_error_messages = {"too_many_forms": "一张绩效目标表最多 %(num)d 行指标，请分表填报"}

    def ordered_cells(self) -> list[dict[str, object]]:
        """The kept rows' cells in the order the user arranged them, rows added now placed in framework order."""
        kept = [(i, f) for i, f in enumerate(self.forms) if f.cleaned_data and not self._should_delete_form(f)]
        kept.sort(key=lambda pair: pair[1].cleaned_data.get("ORDER") or 0)
        initial = self.initial_form_count()
        last = max((f.cleaned_data.get("ORDER") or 0 for i, f in kept if i < initial), default=0)
        # A row added at the bottom and not moved is placed by the framework; one the user moved stays put.
        appended = {i for i, f in kept if i >= initial and (f.cleaned_data.get("ORDER") or 0) > last}
        return place_new_rows([f.cells() for i, f in kept if i not in appended],
                              [f.cells() for i, f in kept if i in appended])


# The most rows the sheet editor takes in one post. The posted TOTAL_FORMS decides how many forms Django builds, so
# without a bound one request (TOTAL_FORMS=99999999999) made the server build Django's default of 2,000 forms and
# spend most of a minute on it; real goal sheets have tens of indicators, the largest in the corpus under 50.
MAX_INDICATOR_ROWS = 300

IndicatorFormSet = forms.formset_factory(IndicatorForm, formset=BaseIndicatorFormSet, extra=0, can_delete=True,
                                         can_order=True, max_num=MAX_INDICATOR_ROWS,
                                         absolute_max=MAX_INDICATOR_ROWS, validate_max=True)


class TransitionForm(forms.Form):
    """The reason and grade a transition may need."""

    reason = forms.CharField(label="原因 / 审核意见", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    grade = forms.ChoiceField(label="审核等级", choices=[("", "—")] + [(g, g) for g in GRADES], required=False)


class CommentForm(forms.Form):
    """A reviewer's comment on the sheet or one indicator."""

    indicator = forms.TypedChoiceField(label="针对", coerce=int, required=False, empty_value=None)
    text = forms.CharField(label="审核意见", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, sheet: Sheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", "整张表")] + [
            (row.pk, f"第{row.position}行 {row.name}") for row in sheet.indicators.all()
        ]
