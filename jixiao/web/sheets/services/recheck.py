"""Reviewing stored sheets again when the rules changed (a new jixiao version, another profile).

A sheet's findings and suggested grade are stored when it is imported or edited, with the fingerprint of the rule
set that made them (:func:`jixiao.web.sheets.services.review.current_fingerprint`). After an upgrade those of
sheets still being prepared or reviewed (草稿, 已提交, 已退回) are out of date: ``jixiao serve`` queues
:func:`recheck_task` at start when any is (:func:`recheck_enqueue`), and ``jixiao recheck`` runs
:func:`sheets_recheck` on demand. An approved sheet keeps the review its reviewer signed unless asked
(``include_approved``); its page says when the rules changed since and shows the current rules' review on request.

Each review that changes what a sheet shows (its findings, suggested grade, score or the grade's explanation) is
written to the sheet's history as 规则更新后重新复核, with the old and the new; one that changes nothing only
records the new fingerprint. Sheets are reviewed in batches, each read and reviewed outside any transaction (the
slow part) and stored in one short transaction: a batch that fails changes nothing and is logged, the others go
on. A sheet edited or moved along the workflow meanwhile (its ``version`` rose), or stored by another recheck
running at the same time (its fingerprint changed), is left alone: that save reviewed it. Reviewing again what is current changes nothing, so a run may be repeated or interrupted.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q, QuerySet
from django_tasks import task
from django_tasks.backends.database.models import DBTaskResult
from django_tasks.base import TaskResultStatus

from jixiao.review import fingerprint_release
from jixiao.web.performance.summaries import summaries_outdated, summaries_recompute
from jixiao.web.refreshes import refreshes_batched
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import REVIEWS_RECHECKED
from jixiao.web.sheets.models import Sheet, Status
from jixiao.web.sheets.services.findings import review_replace, sheet_review
from jixiao.web.sheets.services.review import Outcome, current_fingerprint
from jixiao.web.sheets.services.sheets import history_record

__all__ = ["BATCH", "RECHECKED", "RecheckSummary", "Stale", "recheck_enqueue", "recheck_task", "review_changed",
           "review_text", "sheets_recheck", "stale_sheets"]

logger = logging.getLogger(__name__)

# The states whose review follows the rules by itself: the sheet is still being prepared or reviewed.
RECHECKED = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

# Sheets reviewed, then stored in one transaction. Reviewing one takes a few milliseconds, so a batch holds the
# write lock (SQLite's is the whole database's) for a fraction of a second.
BATCH = 100


@dataclass
class RecheckSummary:
    """What a recheck did."""

    checked: int = 0  # sheets reviewed again and stored
    changed: int = 0  # of which what the sheet shows changed (each has a history entry)
    skipped: int = 0  # edited or moved along the workflow while being reviewed: left to their own review
    failed: int = 0  # in batches that failed: nothing changed for them (see the log)


def stale_sheets(*, include_approved: bool = False) -> QuerySet[Sheet]:
    """The sheets (deleted ones too: they may be restored) whose stored review another rule set made; approved
    ones only with ``include_approved``."""
    current = current_fingerprint()
    # "other than current" as two ranges, which the (status, fingerprint) index answers without reading the rows.
    other = Q(review_fingerprint__lt=current) | Q(review_fingerprint__gt=current)
    return Sheet.objects.filter(other, status__in=Status.values if include_approved else RECHECKED)


def sheets_recheck(*, include_approved: bool = False, batch: int = BATCH) -> RecheckSummary:
    """Review again every sheet :func:`stale_sheets` selects, in batches of ``batch``. Records the run in the
    audit log when it reviewed or failed anything."""
    summary, after = RecheckSummary(), 0
    while True:
        sheets = list(stale_sheets(include_approved=include_approved).filter(pk__gt=after).order_by("pk")
                      .select_related("unit").prefetch_related("indicators", "findings")[:batch])
        if not sheets:
            break
        after = sheets[-1].pk
        try:
            done = _batch_recheck(sheets, include_approved)
        except Exception:
            logger.exception("recheck: the batch of sheets %s–%s failed; their stored reviews are unchanged",
                             sheets[0].pk, sheets[-1].pk)
            summary.failed += len(sheets)
        else:
            for name, value in asdict(done).items():
                setattr(summary, name, getattr(summary, name) + value)
    if summary.checked or summary.failed:
        audit_record(REVIEWS_RECHECKED, username="系统", details={
            "rules": current_fingerprint(), "include_approved": include_approved, **asdict(summary)})
    return summary


def _batch_recheck(sheets: list[Sheet], include_approved: bool) -> RecheckSummary:
    """Review ``sheets`` and store those still as they were read, all in one transaction."""
    reviews = [(sheet, sheet_review(sheet)) for sheet in sheets]
    done = RecheckSummary()
    with transaction.atomic(), refreshes_batched():
        now = {pk: (version, status, rules) for pk, version, status, rules in Sheet.objects.select_for_update()
               .filter(pk__in=[sheet.pk for sheet in sheets])
               .values_list("pk", "version", "status", "review_fingerprint")}
        for sheet, outcome in reviews:
            version, status, rules = now.get(sheet.pk, (None, None, None))
            # Edited or moved along meanwhile, or reviewed again by another recheck running at the same time (a
            # second worker): that review stands.
            if (version != sheet.version or rules != sheet.review_fingerprint
                    or (status == Status.APPROVED and not include_approved)):
                done.skipped += 1
                continue
            done.checked += 1
            if _store(sheet, outcome):
                done.changed += 1
    return done


def _store(sheet: Sheet, outcome: Outcome) -> bool:
    """Store ``outcome`` as ``sheet``'s review; True (and history entries) when what the sheet shows changed."""
    verdict, explanation = review_changed(sheet, outcome), sheet.grade_explanation != outcome.explanation
    if not (verdict or explanation):
        Sheet.objects.filter(pk=sheet.pk).update(review_fingerprint=outcome.fingerprint)
        return False
    old_text, old_explanation = review_text(sheet), sheet.grade_explanation
    review_replace(sheet, outcome)
    if verdict:
        history_record(sheet, None, "recheck", f"建议等级与审核发现（jixiao {fingerprint_release(outcome.fingerprint)}）",
                       old_text, review_text(sheet))
    if explanation:
        history_record(sheet, None, "recheck", Sheet._meta.get_field("grade_explanation").verbose_name,
                       old_explanation, sheet.grade_explanation)
    return True


def review_changed(sheet: Sheet, outcome: Outcome) -> bool:
    """True when ``outcome`` differs from the review stored for ``sheet`` in its findings (any part of one,
    whether it blocks a submission), its suggested grade or its score."""
    stored = [(record.data, record.blocking) for record in sheet.findings.all()]
    new = [(view.finding.model_dump(mode="json"), view.blocking) for view in outcome.findings]
    return (stored != new or sheet.suggested_grade != outcome.grade
            or (sheet.score is None) != (outcome.score is None)
            or (sheet.score is not None and sheet.score != outcome.score))


def review_text(review: Sheet | Outcome) -> str:
    """A review as the history shows it: ``良（82 分）；错误 0 项、警告 3 项、提示 1 项``."""
    if isinstance(review, Sheet):
        grade, score = review.suggested_grade, review.score
        counts = (review.error_count, review.warning_count, review.info_count)
    else:
        grade, score = review.grade, review.score
        counts = tuple(review.count(severity) for severity in ("error", "warning", "info"))
    shown = (grade or "未评") + (f"（{score.normalize():f} 分）" if score is not None else "")
    return f"{shown}；错误 {counts[0]} 项、警告 {counts[1]} 项、提示 {counts[2]} 项"


# Below the default: an import or export someone waits for goes first when both are queued.
@task(priority=-10)
def recheck_task(include_approved: bool = False) -> dict[str, int]:
    """The background task ``jixiao serve`` queues: :func:`sheets_recheck`, then the stored monitoring and
    self-evaluation summaries other scoring code computed (:func:`summaries_recompute`); returns what it did."""
    summary = sheets_recheck(include_approved=include_approved)
    summaries = summaries_recompute()
    logger.info("recheck: %s; summaries computed again: %s", summary, summaries)
    return {**asdict(summary), "summaries": summaries}


class Stale(NamedTuple):
    """What :func:`recheck_enqueue` found out of date."""

    sheets: int  # being prepared or reviewed, with a review of other rules
    summaries: int  # approved sheets' monitoring and self-evaluation summaries computed by other scoring code


def recheck_enqueue() -> Stale:
    """Queue :func:`recheck_task` when a sheet being prepared or reviewed has a review of other rules, or a stored
    summary was computed by other scoring code, and no recheck waits in the queue yet; returns how many of each
    there are (nothing queued when both are 0). One still running does not count: its worker may have been
    killed, and a second run only finds what the first left."""
    stale = Stale(stale_sheets().count(), summaries_outdated().count())
    waiting = DBTaskResult.objects.filter(task_path=recheck_task.module_path, status=TaskResultStatus.READY)
    if any(stale) and not waiting.exists():
        recheck_task.enqueue()
    return stale
