"""The sheet list, the sheet page, export, delete/restore, workflow transitions and comments."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.views.decorators.http import require_POST

from jixiao.model.amounts import amount
from jixiao.model.sheet import UNNAMED
from jixiao.review import fingerprint_release
from jixiao.web.confirmation import ask_first
from jixiao.web.downloads import attachment
from jixiao.web.jobs.kinds import page_of_year
from jixiao.web.links import id_url, unit_options
from jixiao.web.organisation.models import Unit
from jixiao.web.organisation.selectors import can_edit_unit, can_review_unit, request_member, units_visible
from jixiao.web.pagination import CountedPaginator
from jixiao.web.sheets.actions import action_label
from jixiao.web.sheets.conversion import content_of, goal_sheet
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.forms import CommentForm, TransitionForm
from jixiao.web.sheets.models import ReviewRound, Status
from jixiao.web.sheets.presentation import grid_rows
from jixiao.web.sheets.selectors import budget_year, sheet_count, sheet_get, sheet_rows
from jixiao.web.sheets.services.exports import export_sheets
from jixiao.web.sheets.services.findings import findings_of, sheet_review
from jixiao.web.sheets.services.recheck import review_changed, review_text
from jixiao.web.sheets.services.review import GRADE_MEANINGS, current_fingerprint
from jixiao.web.sheets.services.sheets import sheet_delete, sheet_delete_check, sheet_restore
from jixiao.web.sheets.services.workflow import comment_create, sheet_transition, transition_check
from jixiao.web.sheets.templatetags.rows import month_day_time, problems
from jixiao.web.sheets.views.common import filters_from, refuse, sheet_confirmation
from jixiao.web.sheets.workflow import FINDINGS_STANDING, transitions_available

__all__ = ["sheet_comment", "sheet_delete_view", "sheet_detail", "sheet_export", "sheet_list_view",
           "sheet_restore_view", "sheet_transition_view"]


@login_required
def sheet_list_view(request):
    """Sheets per unit and year with filters and search."""
    member = request_member(request)
    filters = filters_from(request.GET)
    if "year" not in request.GET:
        filters = replace(filters, year=budget_year())
    paginator = CountedPaginator(sheet_rows(member, filters), 50, count=sheet_count(member, filters))
    page = paginator.get_page(request.GET.get("page"))
    units = list(units_visible(member).values_list("pk", "name"))
    # The year's export holds the sheets of every unit the person sees: one whose place is a unit (a preparer) sees
    # only that unit, so the button names it and the job is started for it (its file named for the unit). A bureau's
    # reviewer exports the bureau's year, whatever number of units it has.
    own_unit = member is not None and member.unit.kind == Unit.Kind.UNIT
    export_unit = filters.unit_id or (member.unit_id if own_unit else None)
    return render(request, "sheets/list.html", {
        "page": page, "rows": _rows(page), "filters": filters, "export_unit": export_unit,
        "unit_options": unit_options(units, filters.unit_id),
        "statuses": Status.choices, "query": request.GET.urlencode(),
    })


def _rows(page) -> SafeString:
    """The rows of the page's sheets, escaped and joined here in one pass: the template engine's loop, with its
    lookups, filters and an include on each of the fifty rows, was most of the page's time."""
    detail = id_url("sheets:detail")
    return format_html_join("", _ROW, (
        (sheet.unit.name, sheet.code, detail(sheet.pk), sheet.name or "（未命名项目）",
         "—" if sheet.budget_total is None else f"{localize(amount(sheet.budget_total))} {sheet.money_unit}",
         sheet.status, sheet.get_status_display(), problems(sheet.error_count, sheet.warning_count),
         sheet.suggested_grade or "—", sheet.grade or "—", month_day_time(template_localtime(sheet.updated_at)))
        for sheet in page))


_ROW = ('<tr><td data-label="单位">{}</td><td data-label="项目编码">{}</td>'
        '<td data-label="项目名称" class="title-cell"><a href="{}">{}</a></td><td data-label="预算数" class="num">{}</td>'
        '<td data-label="状态"><span class="status {}">{}</span></td><td data-label="问题">{}</td>'
        '<td data-label="建议等级">{}</td><td data-label="审核等级">{}</td><td data-label="修改时间">{}</td></tr>\n')


@login_required
def sheet_detail(request, pk: int):
    """The sheet as on the paper form, with its findings, comments, workflow and history."""
    member = request_member(request)
    sheet = sheet_get(member, pk, include_deleted=True)
    # Read once for the paper form and the comment form's choice of row.
    prefetch_related_objects([sheet], "indicators")
    content = goal_sheet(sheet)
    findings = findings_of(sheet)
    comments = list(sheet.comments.select_related("author", "indicator"))
    approved = sheet.approved_versions.first()
    approved_content = content_of(approved.content) if approved and sheet.status != Status.APPROVED else None
    history = list(sheet.history.select_related("user")[:200])
    for entry in history:
        entry.label = action_label(entry.action)
    return render(request, "sheets/detail.html", {
        "sheet": sheet, "content": content, "rows": grid_rows(content, findings, comments),
        "sheet_findings": [f for f in findings if not f.row], "findings": findings,
        "findings_standing": FINDINGS_STANDING[sheet.status],
        "comments": [c for c in comments if not c.indicator_id], "history": history,
        "transitions": [(t, t.question(sheet)) for t in transitions_available(member, sheet)],
        "delete_question": DELETE_QUESTION,
        "comment_form": CommentForm(sheet=sheet) if can_review_unit(member, sheet.unit_id) else None,
        "can_edit": can_edit_unit(member, sheet.unit_id) and not sheet.is_locked and not sheet.deleted_at,
        "can_delete": can_edit_unit(member, sheet.unit_id) and not sheet.is_locked,
        "open_review": sheet.reviews.filter(state=ReviewRound.State.OPEN).first(),
        "reviews": sheet.reviews.select_related("reviewer", "submitted_by")[:20],
        "grade_meanings": GRADE_MEANINGS, "approved": approved,
        "approved_rows": grid_rows(approved_content) if approved_content else None,
        "approved_content": approved_content, **_rules_changed(request, member, sheet),
    })


def _rules_changed(request, member, sheet) -> dict:
    """For a sheet whose stored review other rules made: not approved, that a recheck will replace it; approved
    (the review its reviewer signed, kept as it was), the releases of both rule sets and, when a reviewer asks
    (``?rules=current``), the review under the current rules, computed now and not stored (it changes nothing the
    approval rests on)."""
    current = current_fingerprint()
    if sheet.review_fingerprint == current:
        return {}
    if sheet.status != Status.APPROVED:
        return {"recheck_pending": True}
    context = {"rules_changed": True, "signed_release": fingerprint_release(sheet.review_fingerprint),
               "current_release": fingerprint_release(current), "may_recheck": can_review_unit(member, sheet.unit_id)}
    if context["may_recheck"] and request.GET.get("rules") == "current":
        outcome = sheet_review(sheet)
        context.update(current_review=outcome, current_same=not review_changed(sheet, outcome),
                       signed_text=review_text(sheet), current_text=review_text(outcome))
    return context


@login_required
def sheet_export(request, pk: int, fmt: str):
    """Download one sheet as .docx, .xlsx or JSON (the exports of a whole unit's or bureau's year are background
    jobs: :mod:`jixiao.web.sheets.jobs`)."""
    sheet = sheet_get(request_member(request), pk)
    try:
        data = export_sheets([sheet], fmt)
    except SheetError as error:
        return refuse(request, error.message, "sheets:detail", pk=pk)
    return attachment(data, sheet.name or sheet.code or f"sheet-{sheet.pk}", fmt, fallback="sheet")


@login_required
@require_POST
def sheet_transition_view(request, pk: int, name: str):
    """Submit, return, approve or adjust; approving, and submitting a sheet with errors, ask first."""
    form = TransitionForm(request.POST)
    form.is_valid()
    reason, grade = form.cleaned_data.get("reason", ""), form.cleaned_data.get("grade", "")
    try:
        if page := ask_first(request, lambda: _transition_confirmation(request, pk, name, reason, grade)):
            return page
        sheet = sheet_transition(user=request.user, sheet_id=pk, name=name, reason=reason, grade=grade)
    except SheetError as error:
        return refuse(request, error.message, "sheets:detail", pk=pk)
    messages.success(request, f"已{action_label(name)}，当前状态：{sheet.get_status_display()}")
    return redirect("sheets:detail", pk=pk)


def _transition_confirmation(request, pk: int, name: str, reason: str, grade: str):
    """What to ask before the transition (after its checks), None when it is taken without asking."""
    transition, sheet = transition_check(user=request.user, sheet_id=pk, name=name, reason=reason, grade=grade)
    question = transition.question(sheet)
    if not question:
        return None
    facts = (("审核等级", grade),) if grade else ()
    if reason.strip():
        facts += (("审核意见" if transition.needs_grade else "原因", reason.strip()),)
    return sheet_confirmation(sheet, transition.label, question, facts=facts)


@login_required
@require_POST
def sheet_comment(request, pk: int):
    """Add a reviewer's comment."""
    sheet = sheet_get(request_member(request), pk)
    form = CommentForm(request.POST, sheet=sheet)
    if not form.is_valid():
        return refuse(request, "请填写审核意见", "sheets:detail", pk=pk)
    try:
        comment_create(user=request.user, sheet_id=pk, text=form.cleaned_data["text"],
                       indicator_id=form.cleaned_data["indicator"])
    except SheetError as error:
        return refuse(request, error.message, "sheets:detail", pk=pk)
    messages.success(request, "已添加审核意见")
    return redirect("sheets:detail", pk=pk)


DELETE_QUESTION = "删除这张表？删除后可在本年度“已删除的表”中恢复。"


@login_required
@require_POST
def sheet_delete_view(request, pk: int):
    """Move a sheet to the deleted list, after asking."""
    sheet = sheet_get(request_member(request), pk)
    try:
        if page := ask_first(request, lambda: _delete_confirmation(request, sheet)):
            return page
        deleted = sheet_delete(user=request.user, sheet_id=pk)
    except SheetError as error:
        return refuse(request, error.message, "sheets:detail", pk=pk)
    messages.success(request, _deleted_message(deleted))
    # The list of the sheet's year: its “已删除的表” link leads to the year the sheet is now listed under
    return redirect(page_of_year("sheets:list", {"year": deleted.year}))


def _deleted_message(sheet) -> str:
    """What a person is told once ``sheet`` is deleted: which table, where it is now, and that the delete is on
    its record (the history keeps who deleted it and when)."""
    return (f"已删除{sheet.year}年度的“{sheet.name or sheet.code or UNNAMED}”（{sheet.unit.name}）。"
            "这张表已移到本年度的“已删除的表”中，可在那里查看或恢复；删除操作已记入这张表的修改记录")


def _delete_confirmation(request, sheet):
    sheet_delete_check(user=request.user, sheet=sheet)
    return sheet_confirmation(sheet, "删除目标表", DELETE_QUESTION, danger=True)


@login_required
@require_POST
def sheet_restore_view(request, pk: int):
    """Bring a deleted sheet back."""
    sheet_get(request_member(request), pk, include_deleted=True)
    sheet_restore(user=request.user, sheet_id=pk)
    messages.success(request, "已恢复")
    return redirect("sheets:detail", pk=pk)
