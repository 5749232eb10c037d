"""The 执行监控 page of an approved sheet: spending, indicator progress, the monitoring table and its answers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from jixiao.model.amounts import amount
from jixiao.scoring.reports import REPORT_FORMATS, write_monitoring
from jixiao.web.confirmation import ask_first
from jixiao.web.downloads import attachment
from jixiao.web.performance.charts import indicator_chart, spending_chart
from jixiao.web.performance.forms import AnswerForm, ProgressForm, SpendingForm, VersionForm
from jixiao.web.performance.selectors import SheetYear
from jixiao.web.performance.services import answers_save, progress_add, spending_add, spending_label, spending_remove
from jixiao.web.performance.views.common import history_of, stale_message, year_view
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.views.common import refuse, sheet_confirmation

__all__ = ["monitoring_download", "monitoring_view", "progress_view", "spending_delete_view", "spending_view",
           "tracking_page"]


def _version(year: SheetYear) -> int:
    return year.tracking.version if year.tracking else 1


def _indicators(year: SheetYear) -> dict:
    """The ProgressForm's indicator choices and their targets."""
    numbered = list(enumerate(year.content.indicators, start=1))
    return {"indicators": [(n, f"{n}. {i.name}（目标 {i.target.stated}）") for n, i in numbered],
            "targets": {n: i.target for n, i in numbered}}


def _answer_forms(year: SheetYear, statuses, data=None) -> list[AnswerForm]:
    answers = {s.indicator: s.answer for s in statuses}
    forms = []
    for position, indicator in enumerate(year.content.indicators, start=1):
        answer = answers.get(position)
        initial = answer.model_dump() if answer else {}
        forms.append(AnswerForm(data, position=position, name=indicator.name, initial=initial))
    return forms


def _page(request, year: SheetYear, can_edit: bool, *, spending_form=None, progress_form=None, answer_forms=None,
          status: int = 200):
    result, problems = year.monitoring()
    version = _version(year)
    statuses = year.indicator_statuses(result)
    answer_forms = answer_forms or _answer_forms(year, statuses)
    return render(request, "performance/tracking.html", {
        "year": year, "sheet": year.sheet, "content": year.content, "result": result, "problems": problems,
        "season": year.season, "can_edit": can_edit, "version": version,
        "spending": list(year.tracking.spending.all()) if year.tracking else [],
        "progress": list(year.tracking.progress.all()) if year.tracking else [],
        "spending_form": spending_form or SpendingForm(initial={"version": version}),
        "progress_form": progress_form or ProgressForm(**_indicators(year),
                                                       initial={"version": version, "as_of": year.season.period_end}),
        "answer_rows": list(zip(statuses, answer_forms, strict=True)),
        "chart": {"spending": spending_chart(year.content, year.record, year.sheet.year),
                  "indicators": indicator_chart(statuses)},
        "history": history_of(year), "formats": REPORT_FORMATS, "spending_delete_question": SPENDING_DELETE_QUESTION,
    }, status=status)


def _invalid(request, year: SheetYear, can_edit: bool, form, **bound):
    """The page again, with what was wrong also as one message (the version is a hidden field and choices such
    as the kind of entry are radio buttons: the page shows no error beside them)."""
    problems = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        if field is not None and field.widget.is_hidden:
            problems.append("页面已过期或被改动（版本号无效），请重新打开页面后再填报")
        else:
            problems.append(f"{field.label if field else '表单'}：{errors[0]}")
    messages.error(request, "未保存：" + "；".join(problems))
    return _page(request, year, can_edit, status=400, **bound)


@year_view
def tracking_page(request, year: SheetYear, can_edit: bool):
    """Everything recorded so far and the monitoring table at the bureau's period end."""
    return _page(request, year, can_edit)


def _save(request, year: SheetYear, can_edit: bool, write, success: str, ask=None, **bound):
    """Run one service write; on a refusal go back to the page saying why (stale saves with the changes). ``ask``
    makes a confirmation (:func:`jixiao.web.confirmation.ask_first`) for a step that asks first."""
    if not can_edit:
        raise PermissionDenied("只有本单位填报人可以填报执行情况")
    if ask and (page := ask_first(request, ask)):
        return page
    try:
        write()
    except StaleSheet as error:
        stale_message(request, error)
        return redirect("performance:tracking", pk=year.sheet.pk)
    except SheetError as error:
        messages.error(request, error.message)
        return _page(request, year, can_edit, status=400, **bound)
    messages.success(request, success)
    return redirect("performance:tracking", pk=year.sheet.pk)


@require_POST
@year_view
def spending_view(request, year: SheetYear, can_edit: bool):
    """Record a payment or a cumulative figure."""
    form = SpendingForm(request.POST)
    if not form.is_valid():
        return _invalid(request, year, can_edit, form, spending_form=form)
    data = form.cleaned_data
    return _save(request, year, can_edit, lambda: spending_add(
        user=request.user, sheet_id=year.sheet.pk, expected_version=data["version"], day=data["day"],
        amount=data["amount"], source=form.source_value(), cumulative=data["kind"] == "cumulative",
        note=data.get("note", "")), "已记录资金支出", spending_form=form)


SPENDING_DELETE_QUESTION = "删除这条支出记录？"


@require_POST
@year_view
def spending_delete_view(request, year: SheetYear, can_edit: bool, spending_id: int):
    """Delete one spending line, after asking."""
    form = VersionForm(request.POST)
    if not form.is_valid():
        return _invalid(request, year, can_edit, form)
    return _save(request, year, can_edit, lambda: spending_remove(
        user=request.user, sheet_id=year.sheet.pk, expected_version=form.cleaned_data["version"],
        spending_id=spending_id), "已删除这条支出记录", ask=lambda: _spending_delete_confirmation(year, spending_id))


def _spending_delete_confirmation(year: SheetYear, spending_id: int):
    """The line named with its amount; none for a line that is gone (the delete says so, changing nothing)."""
    spending = year.tracking.spending.filter(pk=spending_id).first() if year.tracking else None
    if spending is None:
        return None
    money = f"{amount(spending.amount)} {year.content.money_unit or ''}".strip()
    return sheet_confirmation(year.sheet, "删除支出记录", SPENDING_DELETE_QUESTION,
                              facts=(("支出记录", spending_label(spending)), ("金额", money)),
                              back=reverse("performance:tracking", kwargs={"pk": year.sheet.pk}), danger=True)


@require_POST
@year_view
def progress_view(request, year: SheetYear, can_edit: bool):
    """Record the value an indicator has reached."""
    form = ProgressForm(request.POST, **_indicators(year))
    if not form.is_valid():
        return _invalid(request, year, can_edit, form, progress_form=form)
    return _save(request, year, can_edit, lambda: progress_add(
        user=request.user, sheet_id=year.sheet.pk, expected_version=form.cleaned_data["version"],
        progress=form.progress()), "已记录指标完成值", progress_form=form)


@require_POST
@year_view
def monitoring_view(request, year: SheetYear, can_edit: bool):
    """Save the answers of the monitoring table for the bureau's period end."""
    result, _ = year.monitoring()
    forms = _answer_forms(year, year.indicator_statuses(result), request.POST)
    version = VersionForm(request.POST)
    if not version.is_valid():
        return _invalid(request, year, can_edit, version, answer_forms=forms)
    if not all([form.is_valid() for form in forms]):
        messages.error(request, "运行监控表未保存：请按标红的提示补充（完成目标可能性不是“确定能”时须填写偏差原因和改进措施）")
        return _page(request, year, can_edit, answer_forms=forms, status=400)
    return _save(request, year, can_edit, lambda: answers_save(
        user=request.user, sheet_id=year.sheet.pk, expected_version=version.cleaned_data["version"],
        period_end=year.season.period_end, answers=[form.answer for form in forms if form.answer]),
        "已保存运行监控表", answer_forms=forms)


@year_view
def monitoring_download(request, year: SheetYear, can_edit: bool, fmt: str):
    """The 项目支出绩效目标执行监控表 as .docx or .xlsx."""
    result, problems = year.monitoring()
    if fmt not in REPORT_FORMATS:
        return refuse(request, f"不支持的格式“{fmt}”", "performance:tracking", pk=year.sheet.pk)
    if result is None:
        return refuse(request, "无法生成监控表：" + "；".join(p.message for p in problems), "performance:tracking",
                      pk=year.sheet.pk)
    name = year.content.name or year.content.key
    return attachment(write_monitoring(result, fmt), f"{name}-运行监控表-{result.period_label}", fmt)
