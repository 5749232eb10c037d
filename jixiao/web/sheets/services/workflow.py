"""Taking workflow transitions and writing review comments."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from jixiao.web.organisation.selectors import can_review_unit, member_get
from jixiao.web.refreshes import refreshes_batched
from jixiao.web.sheets.conversion import goal_sheet, stored_content
from jixiao.web.sheets.errors import WorkflowRefused
from jixiao.web.sheets.models import ApprovedVersion, Comment, ReviewRound, Sheet
from jixiao.web.sheets.services.findings import findings_of
from jixiao.web.sheets.services.sheets import history_record
from jixiao.web.sheets.workflow import GRADES, TRANSITIONS, Transition

__all__ = ["comment_create", "sheet_transition", "transition_check"]


@transaction.atomic
@refreshes_batched()  # the state and (on approval) the summary change the unit's figures once
def sheet_transition(*, user, sheet_id: int, name: str, reason: str = "", grade: str = "") -> Sheet:
    """Move a sheet along transition ``name`` (submit, return, approve, adjust), checking role, state and input."""
    transition, sheet = transition_check(user=user, sheet_id=sheet_id, name=name, reason=reason, grade=grade,
                                         lock=True)
    reason = reason.strip()
    old_status = sheet.get_status_display()
    if name == "submit":
        _submit(sheet, user)
    else:
        _decide(sheet, user, name, reason, grade)
    sheet.status = transition.target
    sheet.version += 1
    sheet.save(update_fields=["status", "grade", "adjustment_reason", "version", "updated_at"])
    history_record(sheet, user, name, "状态", old_status, sheet.get_status_display())
    if reason:
        history_record(sheet, user, name, "原因", "", reason)
    if grade:
        history_record(sheet, user, name, "审核等级", "", grade)
    if name == "approve":
        ApprovedVersion.objects.create(sheet=sheet, version=sheet.version, grade=grade, approved_by=user,
                                       content=stored_content(goal_sheet(sheet)))
    return sheet


def transition_check(*, user, sheet_id: int, name: str, reason: str = "", grade: str = "",
                     lock: bool = False) -> tuple[Transition, Sheet]:
    """The transition and the sheet (its row locked with ``lock``) if ``user`` may take ``name`` on it now with
    this input; otherwise what :func:`sheet_transition` refuses with, raised (the confirmation before a transition
    checks this, writing nothing)."""
    transition = TRANSITIONS.get(name)
    sheets = Sheet.objects.select_for_update() if lock else Sheet.objects
    sheet = sheets.select_related("unit").filter(pk=sheet_id).first()
    if transition is None or sheet is None:
        raise PermissionDenied("没有这项操作")
    member = member_get(user)
    if not transition.allowed(member, sheet):
        if sheet.status not in transition.sources and transition.allowed_role(member, sheet):
            raise WorkflowRefused(f"这张表{sheet.get_status_display()}，不能“{transition.label}”")
        raise PermissionDenied(f"无权对这张表“{transition.label}”")
    if transition.needs_reason and not reason.strip():
        raise WorkflowRefused(f"“{transition.label}”须填写原因")
    if transition.needs_grade and grade not in GRADES:
        raise WorkflowRefused("请选择审核等级（优、良、中、差）")
    if name == "submit":
        blocking = [f.message for f in findings_of(sheet) if f.blocking]
        if blocking:
            raise WorkflowRefused("这张表还有必须先改正的问题，不能提交：" + "；".join(blocking))
    return transition, sheet


def _submit(sheet: Sheet, user) -> None:
    try:
        with transaction.atomic():
            ReviewRound.objects.create(sheet=sheet, submitted_by=user, suggested_grade=sheet.suggested_grade,
                                       is_adjustment=bool(sheet.adjustment_reason))
    except IntegrityError:
        raise WorkflowRefused("这张表已在审核中") from None


def _decide(sheet: Sheet, user, name: str, reason: str, grade: str) -> None:
    if name == "adjust":
        sheet.adjustment_reason = reason
        return
    review = sheet.reviews.filter(state=ReviewRound.State.OPEN).first()
    if review is None:
        raise WorkflowRefused("这张表没有待审核的提交")
    review.state = ReviewRound.State.APPROVED if name == "approve" else ReviewRound.State.RETURNED
    review.reviewer, review.decided_at, review.reason, review.grade = user, timezone.now(), reason, grade
    review.save(update_fields=["state", "reviewer", "decided_at", "reason", "grade"])
    if name == "approve":
        sheet.grade = grade
        sheet.adjustment_reason = ""


@transaction.atomic
def comment_create(*, user, sheet_id: int, text: str, indicator_id: int | None = None) -> Comment:
    """A reviewer's comment on the sheet or, with ``indicator_id``, on one of its indicators."""
    sheet = Sheet.objects.filter(pk=sheet_id, deleted_at__isnull=True).first()
    if sheet is None or not can_review_unit(member_get(user), sheet.unit_id):
        raise PermissionDenied("无权对这张表提出审核意见")
    text = text.strip()
    if not text:
        raise WorkflowRefused("审核意见不能为空")
    indicator = sheet.indicators.filter(pk=indicator_id).first() if indicator_id else None
    if indicator_id and indicator is None:
        raise WorkflowRefused("这张表没有该指标")
    comment = Comment.objects.create(
        sheet=sheet, review=sheet.reviews.filter(state=ReviewRound.State.OPEN).first(), indicator=indicator,
        indicator_name=indicator.name if indicator else "", author=user, text=text,
    )
    history_record(sheet, user, "comment", f"第{indicator.position}行 {indicator.name}" if indicator else "整表",
                   "", text)
    return comment
