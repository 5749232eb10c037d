"""A unit's stored summaries of a year added up (:class:`UnitYearSummary`), and the overview's reads of them.

:func:`jixiao.web.performance.summaries.summary_refresh` asks for the figures of the unit's year (and of the one
the sheet left) after every summary it writes, and a summary deleted with its sheet does too (receiver below),
all in the write's transaction. The overview then reads a row per unit; its table of all projects is paged by
these rows' counts (which units a page covers) and read through the summaries' index of a unit's year, and the
projects at risk through their index by light and gap, so no view passes over the year's summaries.
"""

from __future__ import annotations

from decimal import Decimal

from django.apps import apps as live_apps
from django.db.models import Case, Count, F, Q, QuerySet, Sum, When
from django.db.models.signals import post_delete
from django.dispatch import receiver

from jixiao.scoring import Light
from jixiao.web.organisation.models import Unit
from jixiao.web.performance.models import Summary, UnitYearSummary
from jixiao.web.refreshes import refresh
from jixiao.web.sheets.workflow import GRADES

__all__ = ["SummaryPages", "at_risk", "figures_fill", "figures_refresh", "mean", "unit_figures"]

# The light's and the grade's counts are taken under these names and stored as {light: n} and {grade: n}.
_LIGHT, _GRADE = "light_", "grade_"


def _aggregates() -> dict:
    """What one unit's year adds up to, as database aggregates over its summaries (as the overview averaged them:
    execution rate and plan over the sheets the core could monitor, scores over those it could score)."""
    monitored = Q(light__gt="")
    return {
        "sheets": Count("id"),
        "rate_sum": Sum("execution_rate", filter=monitored), "rate_count": Count("execution_rate", filter=monitored),
        "planned_sum": Sum("planned", filter=monitored), "planned_count": Count("planned", filter=monitored),
        "score_sum": Sum("score_total"), "score_count": Count("score_total"),
        **{f"{_LIGHT}{light.value}": Count("id", filter=Q(light=light.value)) for light in Light},
        **{f"{_GRADE}{grade}": Count("id", filter=Q(grade=grade)) for grade in GRADES},
    }


def _fields(row: dict) -> dict:
    """The stored columns from one unit's aggregates."""
    fields = {name: row[name] or 0 for name in ("sheets", "rate_sum", "rate_count", "planned_sum", "planned_count",
                                                 "score_sum", "score_count")}
    fields["lights"] = {light.value: n for light in Light if (n := row[f"{_LIGHT}{light.value}"])}
    fields["grades"] = {grade: n for grade in GRADES if (n := row[f"{_GRADE}{grade}"])}
    return fields


def figures_refresh(unit_id: int, year: int) -> UnitYearSummary | None:
    """Add up the unit's summaries of ``year`` again (inside the write's transaction); the row goes when none is
    left. The unit's row is locked first, as :func:`jixiao.web.sheets.services.counts.counts_refresh` does."""
    Unit.objects.select_for_update().filter(pk=unit_id).values_list("pk").first()
    row = Summary.objects.filter(unit_id=unit_id, year=year).order_by().aggregate(**_aggregates())
    if not row["sheets"]:
        UnitYearSummary.objects.filter(unit_id=unit_id, year=year).delete()
        return None
    figures, _ = UnitYearSummary.objects.update_or_create(unit_id=unit_id, year=year, defaults=_fields(row))
    return figures


def figures_fill(apps=live_apps) -> int:
    """Add up every unit's year afresh in one grouped query (the data migration, with its historical ``apps``, and
    bulk loads that bypass the services); returns how many rows were written."""
    model = apps.get_model("performance", "UnitYearSummary")
    summaries = apps.get_model("performance", "Summary").objects.order_by()
    model.objects.all().delete()
    rows = [model(unit_id=row["unit_id"], year=row["year"], **_fields(row))
            for row in summaries.values("unit_id", "year").annotate(**_aggregates())]
    model.objects.bulk_create(rows, batch_size=500)
    return len(rows)


@receiver(post_delete, sender=Summary, dispatch_uid="figures_on_summary_delete")
def _on_delete(sender, instance: Summary, **kwargs) -> None:
    """A summary gone (its sheet deleted, or never approved after all): its unit's year without it."""
    refresh(figures_refresh, instance.unit_id, instance.year)


def mean(total: Decimal, count: int) -> float | None:
    """An average as the overview shows it, to two places: the exact mean of ``count`` values adding up to
    ``total`` (as the database's AVG), rounded."""
    return round(float(Decimal(total) / count), 2) if count else None


def unit_figures(units: QuerySet[Unit], year: int) -> list[UnitYearSummary]:
    """The stored figures of ``year`` of those of ``units`` with an approved sheet, by unit code, each with its
    unit's name (``unit_name``)."""
    return list(UnitYearSummary.objects.filter(unit__in=units, year=year).annotate(unit_name=F("unit__name"))
                .order_by("unit__code"))


# What the overview's rows show of a summary (with its sheet's name and its unit's, from the units' figures).
_SHOWN = ("light", "execution_rate", "planned", "gap", "warnings", "monitoring_problems", "score_total", "grade",
          "unit_id", "sheet_id")


def _loaded(ids: list[int], unit_names: dict[int, str]) -> list[Summary]:
    """The summaries ``ids``, in that order, with what the overview shows of them: their sheet's name
    (``sheet_name``) and their unit's (``unit_name``, from ``unit_names``); no sheet or unit row is built."""
    found = Summary.objects.only(*_SHOWN).annotate(sheet_name=F("sheet__name")).in_bulk(ids)
    for summary in found.values():
        summary.unit_name = unit_names[summary.unit_id]
    return [found[pk] for pk in ids]


class SummaryPages:
    """The summaries of the units' years in ``figures`` (by unit code), each unit's by project code, as a sequence
    Django's paginator slices: its length is the units' stored counts added up, and a slice reads only the units it
    covers, each through the index of a unit's year (the first from its offset, the units wholly on the page, the
    last to the page's end), so no page sorts or skips over the year's summaries."""

    def __init__(self, figures: list[UnitYearSummary]) -> None:
        self.figures = figures
        self.unit_names = {f.unit_id: f.unit_name for f in figures}

    def __len__(self) -> int:
        return sum(f.sheets for f in self.figures)

    def __getitem__(self, window: slice) -> list[Summary]:
        start, stop, _ = window.indices(len(self))
        spans, before = [], 0  # (figures, first, end) of each unit the window covers, in order
        for figures in self.figures:
            if before >= stop:
                break
            first, end = max(start - before, 0), min(stop - before, figures.sheets)
            if first < end:
                spans.append((figures, first, end))
            before += figures.sheets
        if not spans:
            return []
        ids = self._ids(*spans[0])
        if len(spans) > 2:
            whole = [f.unit_id for f, _, _ in spans[1:-1]]
            position = Case(*(When(unit_id=unit_id, then=n) for n, unit_id in enumerate(whole)))
            ids += self._ids_of(Summary.objects.filter(unit_id__in=whole, year=spans[0][0].year)
                                .order_by(position, "code", "sheet_id"))
        if len(spans) > 1:
            ids += self._ids(*spans[-1])
        return _loaded(ids, self.unit_names)

    @classmethod
    def _ids(cls, figures: UnitYearSummary, first: int, end: int) -> list[int]:
        in_unit = Summary.objects.filter(unit_id=figures.unit_id, year=figures.year).order_by("code", "sheet_id")
        return cls._ids_of(in_unit[first:end])

    @staticmethod
    def _ids_of(summaries: QuerySet[Summary]) -> list[int]:
        return list(summaries.values_list("pk", flat=True))


def at_risk(summaries: QuerySet[Summary], limit: int, figures: list[UnitYearSummary]) -> list[Summary]:
    """The ``limit`` most serious of ``summaries`` (of the units of ``figures``) with a red or yellow light: red
    first, then per light the widest gap; read light by light through the index by light and gap, each stopping at
    ``limit``."""
    ids: list[int] = []
    for light in sorted((Light.RED, Light.YELLOW), key=lambda light: -light.rank):
        if len(ids) < limit:
            ids += summaries.filter(light=light.value).order_by("-gap", "sheet_id").values_list(
                "pk", flat=True)[:limit - len(ids)]
    return _loaded(ids, {f.unit_id: f.unit_name for f in figures})
