"""Publishing and withdrawing, by the bureau's reviewers and admins. Every write is one transaction, recorded in
the sheet's history (who, when, what)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from jixiao.model.privacy import mask_model, mask_text
from jixiao.web.organisation.models import Unit
from jixiao.web.organisation.selectors import can_review_unit, member_get
from jixiao.web.performance.selectors import sheet_year
from jixiao.web.publication.figures import year_chart
from jixiao.web.publication.models import Publication, PublicationContent, PublishedBureauYear, PublishedYear
from jixiao.web.publication.pagecache import public_revision_bump
from jixiao.web.publication.search import search_entry_remove, search_entry_write
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import EVALUATION_PUBLISHED, PUBLISHED, WITHDRAWN
from jixiao.web.sheets.conversion import content_of, stored_content
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import Sheet, UnitGoals
from jixiao.web.sheets.services.sheets import history_record

__all__ = ["evaluation_publish", "publication_publish", "publication_withdraw", "published_year_refresh",
           "year_has_ended"]


def year_has_ended(year: int) -> bool:
    """Self-evaluation results are published with the final accounts (决算), after the budget year."""
    return timezone.localdate() > dt.date(year, 12, 31)


def _sheet_for_bureau(user, sheet_id: int) -> Sheet:
    sheet = Sheet.objects.select_for_update().select_related("unit").filter(pk=sheet_id,
                                                                             deleted_at__isnull=True).first()
    if sheet is None or not can_review_unit(member_get(user), sheet.unit_id):
        raise PermissionDenied("只有本级财政部门的审核人或管理员可以公开这张表")
    return sheet


@transaction.atomic
def publication_publish(*, user, sheet_id: int) -> Publication:
    """Publish the sheet's latest approved version: a new public version; earlier ones stay visible."""
    sheet = _sheet_for_bureau(user, sheet_id)
    approved = sheet.approved_versions.first()
    if approved is None:
        raise SheetError("这张表尚未批复，批复后才能公开")
    current = sheet.publications.current().first()
    if current is not None and current.approved_version == approved.version:
        raise SheetError(f"这张表的批复版本已于 {timezone.localtime(current.published_at):%Y-%m-%d} 公开；"
                         "调整并重新批复后才能公开新版本")
    content = mask_model(content_of(approved.content))
    number = (sheet.publications.aggregate(n=Max("number"))["n"] or 0) + 1
    # The reason of the adjustment that led to this approval, as the preparer gave it (kept in the history).
    adjustment = sheet.history.filter(action="adjust", field="原因", at__lte=approved.approved_at).first()
    sheet.publications.filter(is_current=True).update(is_current=False)
    publication = Publication.objects.create(
        sheet=sheet, bureau_id=sheet.unit.bureau_id, unit=sheet.unit, year=sheet.year, number=number,
        code=content.code or "", name=content.name or "", approved_version=approved.version,
        approved_at=approved.approved_at, grade=approved.grade,
        reason=mask_text(adjustment.new) if adjustment is not None else "",
        budget_total=content.budget.total, indicator_count=len(content.indicators), published_by=user,
    )
    PublicationContent.objects.create(publication=publication, content=stored_content(content),
                                      overall=_overall(sheet))
    search_entry_write(publication, sheet.unit, content)
    published_year_refresh(sheet.unit_id, sheet.year)
    history_record(sheet, user, "publish", "公开版本", "",
                   f"第{number}版（{timezone.localtime(approved.approved_at):%Y-%m-%d} 批复的版本）")
    audit_record(PUBLISHED, user=user, obj=sheet, details={"publication": publication.pk, "version": number})
    return publication


# The reasons an incomplete self-evaluation gives for its refusal, listed; how many more there are is said.
_REASONS_SHOWN = 5


@transaction.atomic
def evaluation_publish(*, user, sheet_id: int) -> Publication:
    """Publish the year's self-evaluation result (score, grade, each indicator's completion) with the table."""
    sheet = _sheet_for_bureau(user, sheet_id)
    current = sheet.publications.current().first()
    if current is None:
        raise SheetError("请先公开这张表的绩效目标，再公开自评结果")
    if not year_has_ended(sheet.year):
        raise SheetError(f"{sheet.year}年度尚未结束，自评结果随决算公开")
    score, problems = sheet_year(sheet).score()
    if score is None or not score.complete:
        reasons = [p.message for p in problems] or [p.message for p in score.missing]
        shown = reasons[:_REASONS_SHOWN] + ([f"另有 {len(reasons) - _REASONS_SHOWN} 项"] if len(reasons) > _REASONS_SHOWN else [])
        raise SheetError("自评尚不完整，不能公开：" + "；".join(shown))
    scored = [item for item in score.items if item.indicator is not None and not item.not_applicable]
    PublicationContent.objects.filter(publication=current).update(evaluation=mask_model(score).model_dump(mode="json"))
    current.evaluation_published_at = timezone.now()
    current.score, current.score_grade = score.total, score.grade
    current.targets_met, current.targets_scored = sum(item.full_marks for item in scored), len(scored)
    current.save(update_fields=["evaluation_published_at", "score", "score_grade", "targets_met",
                                "targets_scored"])
    published_year_refresh(sheet.unit_id, sheet.year)
    history_record(sheet, user, "publish_evaluation", "自评结果", "", f"{score.total} 分（{score.grade}）")
    audit_record(EVALUATION_PUBLISHED, user=user, obj=sheet, details={"publication": current.pk, "total": str(score.total)})
    return current


@transaction.atomic
def publication_withdraw(*, user, sheet_id: int, reason: str) -> int:
    """Withdraw every public version of the sheet (they leave all pages and data files); returns how many."""
    sheet = _sheet_for_bureau(user, sheet_id)
    if not reason.strip():
        raise SheetError("请填写撤回原因")
    count = sheet.publications.public().update(withdrawn_at=timezone.now(), withdrawn_by=user,
                                               withdraw_reason=reason.strip(), is_current=False)
    if not count:
        raise SheetError("这张表没有公开的版本")
    search_entry_remove(sheet.pk)
    published_year_refresh(sheet.unit_id, sheet.year)
    history_record(sheet, user, "withdraw", "撤回原因", "", reason.strip())
    audit_record(WITHDRAWN, user=user, obj=sheet, details={"versions": count, "reason": reason.strip()})
    return count


def published_year_refresh(unit_id: int, year: int) -> PublishedYear | None:
    """Rewrite the unit's figures of the year from its current publications, and its bureau's year from its
    units' (call inside the write's transaction); a row goes when nothing of its year is public any more. Every
    write that changes what the public site shows calls this, so it also gives the site its new token (the pages
    kept for the earlier state are read no more).

    The unit's row is locked first, then the bureau's: two tables published at once would otherwise each count
    without the other's new row and the later write would keep a wrong figure. Once the lock is had, the counting
    query sees what the other committed.
    """
    Unit.objects.select_for_update().filter(pk=unit_id).values_list("pk").first()
    earlier = PublishedYear.objects.filter(unit_id=unit_id, year=year).values_list("bureau_id", flat=True).first()
    current = Publication.objects.current().filter(unit_id=unit_id, year=year).order_by()
    figures = current.aggregate(tables=Count("id"), scored=Count("score"), score_sum=Sum("score"),
                                targets_met=Sum("targets_met"), targets_scored=Sum("targets_scored"))
    row = None
    if not figures["tables"]:
        PublishedYear.objects.filter(unit_id=unit_id, year=year).delete()
    else:
        grades = dict(current.exclude(score_grade="").values_list("score_grade").annotate(n=Count("id")))
        bureau_id = current.values_list("bureau_id", flat=True).first()
        row, _ = PublishedYear.objects.update_or_create(unit_id=unit_id, year=year, defaults={
            "bureau_id": bureau_id, "tables": figures["tables"], "scored": figures["scored"],
            "score_sum": figures["score_sum"] or 0, "targets_met": figures["targets_met"] or 0,
            "targets_scored": figures["targets_scored"] or 0, "grades": grades})
    for bureau_id in {earlier, row and row.bureau_id} - {None}:
        _bureau_year_refresh(bureau_id, year)
    public_revision_bump()
    return row


def _bureau_year_refresh(bureau_id: int, year: int) -> None:
    Unit.objects.select_for_update().filter(pk=bureau_id).values_list("pk").first()
    units = list(PublishedYear.objects.filter(bureau_id=bureau_id, year=year).select_related("unit")
                 .order_by("unit__code"))
    if not units:
        PublishedBureauYear.objects.filter(bureau_id=bureau_id, year=year).delete()
        return
    PublishedBureauYear.objects.update_or_create(bureau_id=bureau_id, year=year, defaults={
        "units": len(units), "tables": sum(u.tables for u in units), "scored": sum(u.scored for u in units),
        "chart": year_chart(units)})


def _overall(sheet: Sheet) -> dict | None:
    goals = UnitGoals.objects.filter(unit=sheet.unit, year=sheet.year).first()
    if goals is None:
        return None
    return {key: [mask_text(item) for item in getattr(goals, key)] for key in ("aims", "duties", "measures")}
