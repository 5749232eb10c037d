"""Reads for the public site: only current, not withdrawn publications, never a live sheet."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet, Sum

from jixiao.model import GoalSheet
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.models import Publication

__all__ = ["PublicTable", "UnitSummary", "bureau_years", "public_bureau", "public_search", "public_table",
           "public_tables", "same_project_other_years", "unit_summaries", "versions_of"]

SEARCH_LIMIT = 200


@dataclass
class PublicTable:
    """A publication with its content as the core's model."""

    publication: Publication
    content: GoalSheet

    @property
    def evaluation(self) -> dict | None:
        return self.publication.evaluation


@dataclass
class UnitSummary:
    """A unit's published tables of a year in figures: how many, and their self-evaluation results."""

    unit: Unit
    tables: int
    scored: int
    average: float | None
    targets_met: int
    targets_scored: int
    grades: dict[str, int]


# The large JSON columns are read only for the one table a page shows, never for lists.
_HEAVY = ("content", "evaluation", "overall", "search_text")


def _base() -> QuerySet[Publication]:
    return Publication.objects.current().select_related("unit", "bureau").defer(*_HEAVY)


def bureau_years() -> list[tuple[Unit, list[int]]]:
    """Every bureau with published tables, and the years it has published, newest first."""
    rows = (Publication.objects.current().values("bureau_id", "year").annotate(n=Count("id"))
            .order_by("bureau__code", "-year"))
    years: dict[int, list[int]] = {}
    for row in rows:
        years.setdefault(row["bureau_id"], []).append(row["year"])
    bureaus = Unit.objects.in_bulk(list(years))
    return [(bureaus[pk], found) for pk, found in years.items()]


def public_bureau(code: str) -> Unit | None:
    """A bureau by its code, if it has published anything."""
    return Unit.objects.filter(code=code, kind=Unit.Kind.BUREAU,
                               pk__in=Publication.objects.current().values("bureau_id")).first()


def public_tables(bureau: Unit, year: int, unit: Unit | None = None) -> QuerySet[Publication]:
    """The current publications of a bureau's year (of one unit, when given), by unit and project."""
    queryset = _base().filter(bureau=bureau, year=year)
    return queryset.filter(unit=unit) if unit is not None else queryset


def unit_summaries(bureau: Unit, year: int) -> list[UnitSummary]:
    """Every unit of the bureau's year with published tables, with its figures (two SQL queries)."""
    figures = (public_tables(bureau, year).order_by().values("unit_id")
               .annotate(tables=Count("id"), scored=Count("score"), average=Avg("score"),
                         met=Sum("targets_met"), of=Sum("targets_scored")))
    grades: dict[int, dict[str, int]] = {}
    for row in (public_tables(bureau, year).exclude(score_grade="").order_by()
                .values("unit_id", "score_grade").annotate(n=Count("id"))):
        grades.setdefault(row["unit_id"], {})[row["score_grade"]] = row["n"]
    units = Unit.objects.in_bulk([row["unit_id"] for row in figures])
    summaries = [UnitSummary(units[row["unit_id"]], row["tables"], row["scored"],
                             None if row["average"] is None else round(float(row["average"]), 2),
                             row["met"] or 0, row["of"] or 0, grades.get(row["unit_id"], {})) for row in figures]
    return sorted(summaries, key=lambda summary: summary.unit.code)


def public_table(pk: int) -> PublicTable | None:
    """A public version (current or earlier, never withdrawn) by its number in the URL."""
    publication = Publication.objects.public().select_related("unit", "bureau").filter(pk=pk).first()
    if publication is None:
        return None
    return PublicTable(publication, GoalSheet.model_validate(publication.content))


def versions_of(publication: Publication) -> QuerySet[Publication]:
    """Every public version of the same sheet, newest first."""
    return Publication.objects.public().filter(sheet_id=publication.sheet_id).defer(*_HEAVY).order_by("-number")


def same_project_other_years(publication: Publication) -> QuerySet[Publication]:
    """The same project of the same unit in other years (matched by project code, or by name without one)."""
    key = Q(code=publication.code) if publication.code else Q(code="", name=publication.name)
    return _base().filter(key, unit=publication.unit).exclude(year=publication.year).order_by("year")


def public_search(query: str, bureau: Unit | None = None, year: int | None = None) -> QuerySet[Publication]:
    """Current publications whose unit, project or indicators mention every word of ``query``."""
    queryset = _base()
    if bureau is not None:
        queryset = queryset.filter(bureau=bureau)
    if year is not None:
        queryset = queryset.filter(year=year)
    for word in query.split()[:8]:
        queryset = queryset.filter(search_text__icontains=word)
    return queryset.order_by("-year", "unit__code", "code")[:SEARCH_LIMIT]
