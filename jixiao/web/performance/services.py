"""Writing a sheet's year: spending, progress, monitoring answers, self-evaluation, the bureau's settings.

Every write locks the sheet's tracking row, refuses a save made on a stale version (:class:`StaleSheet`, with
the changes made since), bumps the version and records each change in the tracking's history.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction

from jixiao.documents import NotAGoalDocument
from jixiao.documents.limits import check_archive
from jixiao.model import ExecutionRecord, FundSource, GoalSheet, IndicatorProgress, MonitoringAnswer, SelfEvaluation
from jixiao.model.amounts import amount
from jixiao.scoring import ActualsError, ProfileError, load_profile, progress_problem, read_actuals_xlsx
from jixiao.web.bounds import columns_check
from jixiao.web.organisation.models import Role
from jixiao.web.organisation.selectors import can_edit_unit, member_get
from jixiao.web.performance.conversion import answer_fields, record_of, result_fields
from jixiao.web.performance.models import Answer, BureauSetting, Change, Result, Spending, Tracking
from jixiao.web.performance.selectors import approved_content, season_made
from jixiao.web.performance.summaries import summaries_computed, summaries_store, summary_refresh
from jixiao.web.refreshes import refreshes_batched
from jixiao.web.security.audit import audit_record
from jixiao.web.security.events import SETTINGS_CHANGED
from jixiao.web.sheets.errors import SheetError, StaleSheet
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import comparable

__all__ = ["actuals_import", "answers_save", "evaluation_save", "progress_add", "setting_save", "spending_add",
           "spending_label", "spending_remove"]

NEGATIVE_SPENDING = "支出金额不能为负数；记错的支出请删除这条记录后重新记录"

# Every kind of recorded change, with the label the history shows.
ACTIONS = {"spending": "资金支出", "progress": "指标进度", "monitoring": "运行监控", "evaluation": "绩效自评",
           "import": "导入自评数据", "setting": "监控与评分设置"}


def _lock(user, sheet_id: int, expected_version: int) -> tuple[Tracking, GoalSheet]:
    """The tracking of an approved sheet ``user`` may edit, locked, checked against ``expected_version``."""
    sheet = Sheet.objects.select_for_update().select_related("unit").filter(pk=sheet_id, deleted_at__isnull=True).first()
    if sheet is None or not can_edit_unit(member_get(user), sheet.unit_id):
        raise PermissionDenied("无权填报这张表的执行情况")
    content = approved_content(sheet)
    if content is None:
        raise SheetError("这张表尚未批复；批复后才能记录执行情况")
    tracking, _ = Tracking.objects.select_for_update().get_or_create(sheet=sheet)
    if tracking.version != expected_version:
        raise StaleSheet(tracking.version, list(tracking.changes.filter(version__gt=expected_version)
                                                .select_related("user")), user)
    return tracking, content


def _commit(tracking: Tracking, user, action: str, entries: list[tuple[str, object, object]]) -> Tracking:
    if not entries:
        return tracking
    tracking.version += 1
    tracking.save()
    Change.objects.bulk_create(Change(tracking=tracking, version=tracking.version, user=user, action=action,
                                      field=field, old=_show(old), new=_show(new)) for field, old, new in entries)
    summary_refresh(tracking.sheet)
    return tracking


def _in_year(day: date, content: GoalSheet, label: str) -> None:
    if content.year and day.year != content.year:
        raise SheetError(f"{label}应在 {content.year} 年内，填写的是 {day:%Y-%m-%d}")


def _indicator(content: GoalSheet, position: int) -> str:
    if not 1 <= position <= len(content.indicators):
        raise SheetError(f"批复的目标表没有第 {position} 项指标")
    return content.indicators[position - 1].name


@transaction.atomic
def spending_add(*, user, sheet_id: int, expected_version: int, day: date, amount: Decimal,
                 source: FundSource | None, cumulative: bool = False, note: str = "") -> Tracking:
    """Record a payment, or (``cumulative``) the amount spent in all up to ``day`` (``source`` None: all sources)."""
    tracking, content = _lock(user, sheet_id, expected_version)
    _in_year(day, content, "支出日期")
    if amount < 0:
        raise SheetError(NEGATIVE_SPENDING)
    if not cumulative and source is None:
        source = FundSource.FISCAL
    columns_check(Spending, {"amount": amount, "note": note})
    spending = Spending.objects.create(tracking=tracking, cumulative=cumulative, day=day, amount=amount,
                                       source=source.value if source else "", note=note.strip())
    if amount < 0:
        _never_negative(record_of(tracking, content.key))
    return _commit(tracking, user, "spending", [(spending_label(spending), "", f"{amount} {content.money_unit or ''}")])


@transaction.atomic
def spending_remove(*, user, sheet_id: int, expected_version: int, spending_id: int) -> Tracking:
    """Delete one spending line (recorded with its amount in the history)."""
    tracking, content = _lock(user, sheet_id, expected_version)
    spending = tracking.spending.filter(pk=spending_id).first()
    if spending is None:
        raise SheetError("没有这条支出记录")
    spending.delete()
    return _commit(tracking, user, "spending", [(spending_label(spending), f"{amount(spending.amount)}", "（已删除）")])


def _never_negative(record: ExecutionRecord) -> None:
    """A negative payment (a refund or a correction) may not bring the money spent below zero on any day."""
    days = [e.day for e in record.entries] + [c.as_of for c in record.cumulative]
    low = min(days, key=record.spent_by)
    if record.spent_by(low) < 0:
        raise SheetError(f"冲减后截至 {low:%Y-%m-%d} 的支出合计为 {record.spent_by(low)}，不能为负数")


def spending_label(spending: Spending) -> str:
    """The spending line as the history names it: its day, kind, source and note."""
    kind = "累计支出" if spending.cumulative else "支出"
    return f"{spending.day:%Y-%m-%d} {kind}（{spending.source or '全部资金'}）" + (f" {spending.note}" if spending.note else "")


@transaction.atomic
def progress_add(*, user, sheet_id: int, expected_version: int, progress: IndicatorProgress) -> Tracking:
    """Record the value an indicator has reached by a date, with its evidence."""
    tracking, content = _lock(user, sheet_id, expected_version)
    name = _indicator(content, progress.indicator)
    _in_year(progress.as_of, content, "截至日期")
    if progress.value is None and not (progress.text or "").strip():
        raise SheetError(f"指标“{name}”请填写实际完成值")
    target = content.indicators[progress.indicator - 1].target
    written = progress.text if progress.value is None else f"{progress.value.normalize():f}"
    if problem := progress_problem(target, written):
        raise SheetError(f"指标“{name}”：{problem}")
    columns_check(tracking.progress.model, {"value": progress.value, "text": progress.text or "",
                                            "evidence": progress.evidence or ""}, f"指标“{name}”")
    tracking.progress.create(indicator=progress.indicator, name=name, as_of=progress.as_of, value=progress.value,
                             text=progress.text or "", evidence=progress.evidence or "")
    shown = f"{progress.value.normalize():f}" if progress.value is not None else progress.text
    return _commit(tracking, user, "progress", [(f"第{progress.indicator}项 {name}（截至 {progress.as_of:%Y-%m-%d}）",
                                                 "", f"{shown}；佐证：{progress.evidence or '—'}")])


@transaction.atomic
def answers_save(*, user, sheet_id: int, expected_version: int, period_end: date,
                 answers: list[MonitoringAnswer]) -> Tracking:
    """Save the preparer's monitoring answers for ``period_end``; each changed field is one history entry."""
    tracking, content = _lock(user, sheet_id, expected_version)
    existing = {a.indicator: a for a in tracking.answers.filter(period_end=period_end)}
    entries = []
    for answer in answers:
        name = _indicator(content, answer.indicator)
        fields = answer_fields(answer.model_copy(update={"name": name}))
        row = existing.get(answer.indicator) or Answer(tracking=tracking, period_end=period_end,
                                                       indicator=answer.indicator)
        entries += _changed(row, fields, f"{period_end:%Y-%m-%d} 第{answer.indicator}项 {name}")
    return _commit(tracking, user, "monitoring", entries)


@transaction.atomic
def evaluation_save(*, user, sheet_id: int, expected_version: int, evaluation: SelfEvaluation,
                    action: str = "evaluation") -> Tracking:
    """Save the year-end self-evaluation: the money, the overall result and every indicator's result."""
    tracking, content = _lock(user, sheet_id, expected_version)
    entries = _changed(tracking, {"budget_initial": evaluation.budget_initial, "budget_full": evaluation.budget_full,
                                  "spent": evaluation.spent, "overall_actual": evaluation.overall_actual or ""},
                       "", save=False)
    existing = {r.indicator: r for r in tracking.results.all()}
    for result in evaluation.results:
        name = _indicator(content, result.indicator)
        row = existing.get(result.indicator) or Result(tracking=tracking, indicator=result.indicator)
        entries += _changed(row, result_fields(result.model_copy(update={"name": name})),
                            f"第{result.indicator}项 {name}")
    return _commit(tracking, user, action, entries)


def actuals_import(*, user, sheet_id: int, expected_version: int, data: bytes, filename: str) -> Tracking:
    """Read the core's actuals template (.xlsx) and save this sheet's part of it as the self-evaluation."""
    sheet = Sheet.objects.filter(pk=sheet_id).first()
    content = approved_content(sheet) if sheet else None
    if content is None:
        raise SheetError("这张表尚未批复；批复后才能导入自评数据")
    try:
        check_archive(data, filename, "Excel")
        found, _ = read_actuals_xlsx(data, filename)
    except ActualsError as error:
        raise SheetError("导入失败，未保存任何数据：" + "；".join(error.problems)) from None
    except NotAGoalDocument as error:
        raise SheetError(f"导入失败，未保存任何数据：{error.message}") from None
    evaluation = next((e for e in found.evaluations if e.sheet == content.key), None)
    if evaluation is None:
        raise SheetError(f"{filename} 中没有项目标识为“{content.key}”的项目（请下载本表的模板填写）")
    mismatched = [f"第{r.indicator}项“{r.name}”" for r in evaluation.results
                  if r.indicator <= len(content.indicators) and r.name and r.name != content.indicators[r.indicator - 1].name]
    if mismatched:
        raise SheetError(f"{filename} 的三级指标与批复的目标表不一致：{'、'.join(mismatched)}，未保存任何数据")
    return evaluation_save(user=user, sheet_id=sheet_id, expected_version=expected_version, evaluation=evaluation,
                           action="import")


def setting_save(*, user, year: int, profile: str, period_end: date) -> BureauSetting:
    """A bureau's profile and monitoring period for ``year``; only the bureau's reviewers and admins set it.

    Every summary of the bureau's year is recomputed in the new setting before the write lock is taken; the
    setting and the summaries are then stored together in one short transaction."""
    member = member_get(user)
    if member is None or member.role not in (Role.REVIEWER, Role.ADMIN):
        raise PermissionDenied("监控与评分设置由财政局审核人或管理员设定")
    try:
        load_profile(profile)
    except ProfileError as error:
        raise SheetError(str(error)) from None
    if period_end.year != year:
        raise SheetError(f"监控截止日期应在 {year} 年内")
    computed = summaries_computed(Sheet.objects.filter(unit__bureau_id=member.bureau_id, year=year),
                                  {(member.bureau_id, year): season_made(profile, period_end)})
    with transaction.atomic(), refreshes_batched():  # each unit's figures are added up once, at the end
        setting, created = BureauSetting.objects.select_for_update().get_or_create(
            bureau_id=member.bureau_id, year=year, defaults={"period_end": period_end, "profile": profile})
        old = {} if created else {"profile": setting.profile, "period_end": setting.period_end.isoformat()}
        setting.profile, setting.period_end, setting.updated_by = profile, period_end, user
        setting.save()
        audit_record(SETTINGS_CHANGED, user=user, obj=setting, details={
            "year": year, "old": old, "new": {"profile": profile, "period_end": period_end.isoformat()}})
        summaries_store(computed)  # after the setting: a summary computed in another one is recomputed here
    return setting


# Repeats of other fields (the indicator's name; 实际完成值 as written beside its number): kept, not shown as changes.
_QUIET = {"name", "actual_raw"}
# A field shown in the history as written (实际完成值 96%, 全天候), by the number read from it (96) only when nothing
# was written beside it (a number typed in the Excel template); a change of either is a change of the field.
_AS_WRITTEN = {"actual": "actual_raw"}


def _changed(row, fields: dict[str, object], prefix: str, *, save: bool = True) -> list[tuple[str, object, object]]:
    """Set ``fields`` on ``row``; return one history entry per changed field and save the row if anything changed."""
    columns_check(type(row), fields, f"{prefix} " if prefix else "")
    before = {name: getattr(row, name) for name in fields}
    changed = {name for name, value in fields.items() if comparable(before[name]) != comparable(value)}
    for name in changed:
        setattr(row, name, fields[name])
    entries = []
    for name, value in fields.items():
        written = _AS_WRITTEN.get(name) if _AS_WRITTEN.get(name) in fields else None
        if name in _QUIET or not changed & {name, written}:
            continue
        old = before[name]
        if written:
            old, value = before[written] or old, fields[written] or value
        label = row._meta.get_field(name).verbose_name
        entries.append((f"{prefix} {label}".strip(), old, value))
    if changed and save:
        row.save()
    return entries


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
