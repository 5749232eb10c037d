"""The 绩效自评 page of an approved sheet: actual values, qualitative tiers, the core's score explained."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from jixiao.model import SelfEvaluation
from jixiao.model.amounts import amount
from jixiao.scoring import write_template
from jixiao.scoring.reports import REPORT_FORMATS, write_self_evaluation
from jixiao.web.downloads import attachment
from jixiao.web.performance.charts import score_chart
from jixiao.web.performance.forms import ActualsImportForm, MoneyForm, ResultForm
from jixiao.web.performance.selectors import SheetYear
from jixiao.web.performance.services import actuals_import, evaluation_save
from jixiao.web.performance.views.common import history_of, stale_message, year_view
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.views.common import refuse

__all__ = ["evaluation_download", "evaluation_page", "import_view", "template_download"]


def _forms(year: SheetYear, data=None) -> tuple[MoneyForm, list[ResultForm]]:
    evaluation = year.evaluation()
    tracking = year.tracking
    money = MoneyForm(data, initial={
        "version": tracking.version if tracking else 1, "budget_initial": amount(tracking.budget_initial) if tracking else None,
        "budget_full": amount(tracking.budget_full) if tracking else None,
        "spent": amount(tracking.spent) if tracking else None,
        "overall_actual": tracking.overall_actual if tracking else ""})
    results = []
    for position, indicator in enumerate(year.content.indicators, start=1):
        result = evaluation.result_for(position)
        initial = {"actual": _recorded_progress(year, position)}
        if result:
            initial = {**result.model_dump(), "actual": result.actual_raw or (
                f"{result.actual.normalize():f}" if result.actual is not None else "")}
        results.append(ResultForm(data, position=position, name=indicator.name, initial=initial))
    return money, results


def _recorded_progress(year: SheetYear, position: int) -> str:
    """The value recorded during the year for an indicator, as the 实际完成值 to start from."""
    reached = year.record.progress_by(position, date(year.sheet.year, 12, 31))
    if reached is None:
        return ""
    if reached.value is None:
        return reached.text or ""
    return f"{reached.value.normalize():f}{year.content.indicators[position - 1].target.unit or ''}"


def _page(request, year: SheetYear, can_edit: bool, forms=None, status: int = 200):
    money, results = forms or _forms(year)
    score, problems = year.score()
    started = bool(forms) or bool(year.evaluation().results)
    if not started:  # nothing typed yet: what is still to fill in is not an error
        problems = [p for p in problems if p.indicator is None]
    items = {item.indicator: item for item in score.items} if score else {}
    by_indicator = {}
    for problem in problems + (score.missing if score else []):
        by_indicator.setdefault(problem.indicator, []).append(problem.message)
    rows = [{"indicator": indicator, "position": n, "form": form, "item": items.get(n),
             "problems": by_indicator.get(n, [])}
            for n, (indicator, form) in enumerate(zip(year.content.indicators, results, strict=True), start=1)]
    return render(request, "performance/evaluation.html", {
        "year": year, "sheet": year.sheet, "content": year.content, "season": year.season, "can_edit": can_edit,
        "money": money, "rows": rows, "score": score, "execution": items.get(None), "started": started,
        "spending_mismatch": year.spending_mismatch(),
        "sheet_problems": by_indicator.get(None, []), "import_form": ActualsImportForm(initial={"version": money.initial["version"]}),
        "chart": score_chart(score) if score else None, "history": history_of(year), "formats": REPORT_FORMATS,
    }, status=status)


@year_view
def evaluation_page(request, year: SheetYear, can_edit: bool):
    """The self-evaluation form and the core's score; POST saves the form."""
    if request.method != "POST":
        return _page(request, year, can_edit)
    if not can_edit:
        raise PermissionDenied("只有本单位填报人可以填写绩效自评")
    money, results = _forms(year, request.POST)
    if not all([money.is_valid(), *[form.is_valid() for form in results]]):
        messages.error(request, "绩效自评未保存：请按标红的提示修改")
        return _page(request, year, can_edit, (money, results), status=400)
    data = money.cleaned_data
    evaluation = SelfEvaluation(sheet=year.content.key, budget_initial=data["budget_initial"],
                                budget_full=data["budget_full"], spent=data["spent"],
                                overall_actual=data["overall_actual"] or None, results=[f.result for f in results])
    try:
        evaluation_save(user=request.user, sheet_id=year.sheet.pk, expected_version=data["version"],
                        evaluation=evaluation)
    except StaleSheet as error:
        stale_message(request, error)
        return redirect("performance:evaluation", pk=year.sheet.pk)
    except SheetError as error:
        messages.error(request, error.message)
        return _page(request, year, can_edit, (money, results), status=400)
    messages.success(request, "已保存绩效自评")
    return redirect("performance:evaluation", pk=year.sheet.pk)


@year_view
def template_download(request, year: SheetYear, can_edit: bool):
    """The core's actuals template (.xlsx) for this sheet."""
    name = year.content.name or year.content.key
    return attachment(write_template([(year.sheet.source or name, year.content)]), f"{name}-自评数据模板", "xlsx")


@require_POST
@year_view
def import_view(request, year: SheetYear, can_edit: bool):
    """Read a filled template; all or nothing."""
    if not can_edit:
        raise PermissionDenied("只有本单位填报人可以导入自评数据")
    form = ActualsImportForm(request.POST, request.FILES)
    if not form.is_valid():
        chosen = request.FILES.get("file") is not None and "file" in form.errors  # e.g. over the size limit
        why = "；".join(form.errors["file"]) if chosen else "请选择填好的自评数据模板（.xlsx）"
        return refuse(request, why, "performance:evaluation", pk=year.sheet.pk)
    upload = form.cleaned_data["file"]
    try:
        actuals_import(user=request.user, sheet_id=year.sheet.pk, expected_version=form.cleaned_data["version"],
                       data=upload.read(), filename=upload.name)
    except StaleSheet as error:
        stale_message(request, error)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已导入 {upload.name}")
    return redirect("performance:evaluation", pk=year.sheet.pk)


@year_view
def evaluation_download(request, year: SheetYear, can_edit: bool, fmt: str):
    """The 项目支出绩效自评表 as .docx or .xlsx."""
    score, problems = year.score()
    if fmt not in REPORT_FORMATS:
        return refuse(request, f"不支持的格式“{fmt}”", "performance:evaluation", pk=year.sheet.pk)
    if score is None:
        return refuse(request, "尚不能生成自评表：" + "；".join(p.message for p in problems), "performance:evaluation",
                      pk=year.sheet.pk)
    name = year.content.name or year.content.key
    return attachment(write_self_evaluation(score, fmt), f"{name}-绩效自评表", fmt)
