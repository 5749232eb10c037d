"""Stored summaries: each approved sheet's monitoring light and self-evaluation score as the core computed them.

Overviews of a whole bureau read :class:`Summary` rows and their units' figures
(:mod:`jixiao.web.performance.figures`); they never ask the core again for every sheet. Every service that changes
an input calls :func:`summary_refresh` inside its own transaction, and so do the receivers below for an approval
and for a sheet moved, recoded, deleted or restored, so a stored summary never disagrees with a fresh computation.

A bureau's setting applies to every sheet of its year: those summaries are computed before the write lock is
taken (:func:`summaries_computed`, reads only) and stored in bulk inside the setting's short transaction
(:func:`summaries_store`), which recomputes there any sheet whose inputs changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from jixiao.model.wording import Worded
from jixiao.scoring.fingerprint import scoring_fingerprint
from jixiao.web.organisation.models import Member
from jixiao.web.organisation.selectors import units_visible
from jixiao.web.performance.figures import figures_refresh
from jixiao.web.performance.models import Summary, Tracking, messages_kept
from jixiao.web.performance.selectors import Season, SheetYear, approved_content, season_of
from jixiao.web.refreshes import refresh, refreshes_batched
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.models import ApprovedVersion, Sheet

__all__ = ["Computed", "bureau_summaries", "summaries_computed", "summaries_outdated", "summaries_recompute",
           "summaries_refresh", "summaries_stale", "summaries_store", "summary_fields", "summary_refresh"]


def summary_fields(year: SheetYear) -> dict[str, object]:
    """The Summary columns of one sheet's year, as the core computes them now."""
    result, problems = year.monitoring()
    score, score_problems = year.score()
    return {
        "period_end": year.season.period_end,
        "before_year": timezone.localdate().year < year.sheet.year,
        "light": result.light.value if result else "",
        "execution_rate": result.execution_rate if result else None,
        "planned": result.planned if result else None,
        "gap": result.gap if result else None,
        "warnings": messages_kept(result.warnings) if result else [],
        "monitoring_problems": messages_kept(problems),
        "score_total": score.total if score else None,
        "grade": score.grade if score else "",
        "score_problems": messages_kept(score_problems),
    }


def summary_refresh(sheet: Sheet) -> Summary | None:
    """Recompute and store the summary of ``sheet``, and have its unit's figures of the year (and of the unit or
    year it left) added up again; None (and no row) before its first approval or while it is deleted.

    A bureau setting the core cannot use leaves the summary with that reason instead of a result.
    """
    fields = _computed(sheet, {})
    if fields is None:
        Summary.objects.filter(sheet=sheet).delete()  # the figures follow (receiver in figures)
        return None
    before = Summary.objects.filter(sheet=sheet).values_list("unit_id", "year").first()
    summary, _ = Summary.objects.update_or_create(sheet=sheet, defaults=fields)
    _figures_refresh(before, sheet)
    return summary


# Seasons of (bureau, year) already read, or why one cannot be used; a setting about to be saved is given here.
Seasons = dict[tuple[int, int], Season | SheetError]


def _season(sheet: Sheet, seasons: Seasons) -> Season | SheetError:
    """The season ``sheet`` is measured in, read once per bureau and year into ``seasons``."""
    key = (sheet.unit.bureau_id, sheet.year)
    if key not in seasons:
        try:
            seasons[key] = season_of(*key)
        except SheetError as error:
            seasons[key] = error
    return seasons[key]


def _mark(season: Season | SheetError) -> tuple:
    """What tells one season from another (the profile is known by its name)."""
    if isinstance(season, SheetError):
        return ("error", season.message)
    return (season.profile_name, season.period_end, season.chosen)


def _computed(sheet: Sheet, seasons: Seasons) -> dict[str, object] | None:
    """The Summary columns of ``sheet`` as the core computes them now (reads only); None for no summary."""
    content = approved_content(sheet) if sheet.deleted_at is None else None
    if content is None:
        return None
    season = _season(sheet, seasons)
    if isinstance(season, SheetError):
        why = messages_kept([Worded.model_validate(season.message)])  # the web's own words, a template of no slots
        fields = {"period_end": timezone.localdate(), "light": "", "execution_rate": None, "planned": None,
                  "gap": None, "warnings": [], "monitoring_problems": why, "score_total": None,
                  "grade": "", "score_problems": why, "before_year": False}
    else:
        tracking = Tracking.objects.filter(sheet=sheet).first()
        fields = summary_fields(SheetYear(sheet=sheet, content=content, tracking=tracking, season=season))
    return {"unit_id": sheet.unit_id, "year": sheet.year, "code": sheet.code, "computed_with": scoring_fingerprint(),
            **fields}


def _figures_refresh(before: tuple[int, int] | None, sheet: Sheet) -> None:
    """Have the figures of the sheet's unit and year, and of those its summary had ``before``, added up again."""
    for unit_id, year in {before, (sheet.unit_id, sheet.year)} - {None}:
        refresh(figures_refresh, unit_id, year)


@dataclass(frozen=True)
class Computed:
    """One sheet's summary computed outside any transaction, with the stamp of the inputs it was computed from."""

    sheet: Sheet
    stamp: tuple
    season: tuple  # the :func:`_mark` of the season it was computed in
    fields: dict[str, object] | None  # None: the sheet has no summary (deleted)


# How many sheets' stamps are read, and rows written, per query (well under SQLite's limit of bound variables).
CHUNK = 200


def summaries_computed(sheets: QuerySet[Sheet], seasons: Seasons | None = None) -> list[Computed]:
    """Compute the summaries of the approved ones of ``sheets`` (reads only: no write lock is taken, however many
    there are), ``seasons`` saying the setting to compute with where it is about to change. The stamps are read
    before the computation, so any input changed meanwhile shows in :func:`summaries_store`."""
    seasons = {} if seasons is None else dict(seasons)
    ids = list(sheets.filter(approved_versions__isnull=False).distinct().order_by("pk").values_list("pk", flat=True))
    computed = []
    for chunk in _chunks(ids):
        stamps = _stamps(chunk)
        for sheet in Sheet.objects.filter(pk__in=chunk).select_related("unit").order_by("pk"):
            fields = _computed(sheet, seasons)
            computed.append(Computed(sheet, stamps[sheet.pk], _mark(_season(sheet, seasons)), fields))
    return computed


def summaries_store(computed: list[Computed]) -> None:
    """Store summaries computed by :func:`summaries_computed`, inside the caller's transaction; the units' figures
    are added up once at the end of the enclosing :func:`refreshes_batched`. A sheet whose inputs changed since
    (an edit saved meanwhile stored its own summary) is recomputed here, under the lock, never overwritten with
    the value computed before; so is one whose bureau's setting is no longer the one it was computed in (another
    change of the setting was saved meanwhile)."""
    seasons: Seasons = {}  # as they are now, in this transaction
    for chunk in _chunks(computed):
        ids = [c.sheet.pk for c in chunk]
        # The sheets are locked first, as every edit of a sheet's year locks its sheet: on PostgreSQL an edit under
        # way ends before the stamps are read, and one starting later waits for this transaction.
        list(Sheet.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
        stamps = _stamps(ids)
        stored = Summary.objects.in_bulk(ids, field_name="sheet_id")
        created, rewritten, gone = [], [], []
        for item in chunk:
            sheet, row = item.sheet, stored.get(item.sheet.pk)
            if stamps.get(sheet.pk) != item.stamp or _mark(_season(sheet, seasons)) != item.season:
                fresh = Sheet.objects.select_related("unit").filter(pk=sheet.pk).first()
                if fresh is not None:  # a sheet removed meanwhile took its summary with it
                    summary_refresh(fresh)
            elif item.fields is None:
                gone += [row.pk] if row else []
            else:
                if row is None:
                    created.append(Summary(sheet=sheet, **item.fields))
                else:
                    rewritten.append((row.pk, item.fields))
                _figures_refresh((row.unit_id, row.year) if row else None, sheet)
        Summary.objects.filter(pk__in=gone).delete()  # the figures follow (receiver in figures)
        Summary.objects.bulk_create(created)
        _rows_update(rewritten)


def summaries_refresh(sheets: QuerySet[Sheet]) -> int:
    """Recompute the summaries of ``sheets`` (e.g. every approved sheet of a bureau's year); returns how many.
    The core computes them before the write lock is taken; they are then stored in one short transaction, so
    other writers wait for the writes only, and stored summaries never lag behind an edit saved meanwhile."""
    computed = summaries_computed(sheets)
    if not computed:  # e.g. a view that found no stale summary: no transaction, so no write lock
        return 0
    with transaction.atomic(), refreshes_batched():  # each unit's figures are added up once, after its summaries
        summaries_store(computed)
    return len(computed)


def _rows_update(rows: list[tuple[int, dict[str, object]]]) -> None:
    """Write each (summary id, columns) of ``rows`` with one statement run for all of them: the write lock is held
    for these writes, and Django's ``update`` (a query built a row) or ``bulk_update`` (a CASE a column, built in
    Python) spend several times as long as the database does."""
    if not rows:
        return
    fields = [Summary._meta.get_field(name) for name in rows[0][1]]  # every row has the columns of _computed
    connection = connections[Summary.objects.db]
    quote = connection.ops.quote_name
    sql = (f"UPDATE {quote(Summary._meta.db_table)} SET {', '.join(f'{quote(f.column)} = %s' for f in fields)} "
           f"WHERE {quote(Summary._meta.pk.column)} = %s")
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[field.get_db_prep_save(values[field.attname], connection) for field in fields] + [pk]
                                 for pk, values in rows])


def _chunks(items: list) -> Iterator[list]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _stamps(sheet_ids: list[int]) -> dict[int, tuple]:
    """What each sheet's summary is computed from, as values that change with every change of it: the sheet's
    unit (and its bureau, whose setting applies), year, code and deletion; its approvals; its tracking's version
    (every save of a sheet's year raises it). The bureau's setting is compared apart (:func:`_mark`): a setting
    change computes in the setting it is about to save."""
    sheets = {pk: rest for pk, *rest in Sheet.objects.filter(pk__in=sheet_ids).values_list(
        "pk", "unit_id", "unit__bureau_id", "year", "code", "deleted_at")}
    approvals = {row["sheet_id"]: (row["count"], row["last"]) for row in ApprovedVersion.objects.filter(
        sheet_id__in=sheet_ids).order_by().values("sheet_id").annotate(count=Count("pk"), last=Max("pk"))}
    versions = dict(Tracking.objects.filter(sheet_id__in=sheet_ids).values_list("sheet_id", "version"))
    return {pk: (*sheets[pk], approvals.get(pk), versions.get(pk)) for pk in sheet_ids if pk in sheets}


def summaries_stale(summaries: QuerySet[Summary]) -> int:
    """Refresh those of ``summaries`` computed before their budget year began, once it has begun (monitoring then
    starts judging progress). Returns how many were refreshed. Only such summaries are read (a partial index holds
    them), so a view pays nothing for a bureau's settled year."""
    stale = Summary.objects.filter(before_year=True).values("sheet_id")
    return summaries_refresh(Sheet.objects.filter(pk__in=stale, year__lte=timezone.localdate().year,
                                                  summary__in=summaries))


def summaries_outdated() -> QuerySet[Summary]:
    """The summaries another release's scoring code or profiles computed (all of them before fingerprints)."""
    current = scoring_fingerprint()
    # "other than current" as two ranges, which the computed_with index answers without reading the rows.
    return Summary.objects.filter(Q(computed_with__lt=current) | Q(computed_with__gt=current))


def summaries_recompute(batch: int = CHUNK) -> int:
    """Compute again every summary :func:`summaries_outdated` finds, a batch of sheets at a time (each stored in
    one short transaction, as :func:`summaries_refresh` does); returns how many were computed."""
    done, after = 0, 0
    while True:
        ids = list(summaries_outdated().filter(sheet_id__gt=after).order_by("sheet_id")
                   .values_list("sheet_id", flat=True)[:batch])
        if not ids:
            return done
        after = ids[-1]
        done += summaries_refresh(Sheet.objects.filter(pk__in=ids))


def bureau_summaries(member: Member | None, year: int, unit_id: int | None = None) -> QuerySet[Summary]:
    """The stored summary of every approved sheet the member may see for ``year`` (one unit's when ``unit_id``),
    by unit and code. Summaries computed before the year began are refreshed first (see :class:`Summary`).

    A summary exists exactly for each approved sheet not deleted (:func:`summary_refresh` on every approval,
    deletion and restoration, migration 0005 for the sheets approved before summaries were kept), and it repeats
    its sheet's unit and year, so the summaries are read without joining their sheets."""
    summaries = Summary.objects.filter(unit__in=units_visible(member), year=year)
    if unit_id:
        summaries = summaries.filter(unit_id=unit_id)
    summaries_stale(summaries)
    return summaries.select_related("sheet__unit").order_by("sheet__unit__code", "code", "sheet_id")


@receiver(post_save, sender=ApprovedVersion, dispatch_uid="summary_on_approval")
def _on_approval(sender, instance: ApprovedVersion, **kwargs) -> None:
    """An approval (first or after an adjustment) sets the targets the year is measured against."""
    summary_refresh(instance.sheet)


# The columns of a sheet its summary depends on or repeats: a save that writes none of them leaves it as it is.
_SUMMARISED = frozenset({"unit", "unit_id", "year", "code", "deleted_at"})


@receiver(post_save, sender=Sheet, dispatch_uid="summary_on_sheet_edit")
def _on_sheet_edit(sender, instance: Sheet, created: bool, update_fields, raw: bool, **kwargs) -> None:
    """A sheet moved to another unit or year (what its year is measured in), recoded, deleted or restored."""
    if created or raw or (update_fields is not None and not _SUMMARISED & set(update_fields)):
        return
    stored = Summary.objects.filter(sheet=instance).values_list("unit_id", "year", "code").first()
    if stored is None:
        restored = instance.deleted_at is None and (update_fields is None or "deleted_at" in update_fields)
        if restored and instance.approved_versions.exists():
            summary_refresh(instance)
    elif instance.deleted_at is not None or stored != (instance.unit_id, instance.year, instance.code):
        summary_refresh(instance)
