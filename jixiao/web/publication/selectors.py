"""Reads for the public site: only current, not withdrawn publications, never a live sheet.

Every page reads a fixed number of queries whatever the number of published tables (the tests count them): the
lists read the narrow publication rows or the stored figures of each unit's year, never the snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from jixiao.model import GoalSheet
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.models import Publication, PublishedYear
from jixiao.web.publication.search import search_words, searched

__all__ = ["PublicTable", "SearchPage", "bureau_years", "public_bureau", "public_search", "public_table",
           "public_tables", "same_project_by_year", "unit_summaries", "unit_tables", "versions_of"]

SEARCH_PAGE = 50
SEARCH_PAGES = 20  # 1,000 results at most: a search that matches more wants more specific words


@dataclass
class PublicTable:
    """A publication with its snapshot: the content as the core's model, the 部门整体 goals and the result."""

    publication: Publication
    content: GoalSheet

    @property
    def evaluation(self) -> dict | None:
        return self.publication.body.evaluation

    @property
    def overall(self) -> dict | None:
        return self.publication.body.overall


@dataclass
class SearchPage:
    """One page of search results, and whether there is a next one (found without counting every match)."""

    results: list[Publication]
    number: int
    has_next: bool

    @property
    def first(self) -> int:
        """The position of the page's first result among all (from 1)."""
        return (self.number - 1) * SEARCH_PAGE + 1

    @property
    def last(self) -> int:
        """The position of the page's last result among all."""
        return self.first + len(self.results) - 1


def _base() -> QuerySet[Publication]:
    return Publication.objects.current().select_related("unit", "bureau")


def bureau_years() -> list[tuple[Unit, list[int]]]:
    """Every bureau with published tables, and the years it has published, newest first."""
    rows = PublishedYear.objects.values_list("bureau_id", "year").distinct().order_by("bureau__code", "-year")
    years: dict[int, list[int]] = {}
    for bureau_id, year in rows:
        years.setdefault(bureau_id, []).append(year)
    bureaus = Unit.objects.in_bulk(list(years))
    return [(bureaus[pk], found) for pk, found in years.items()]


def public_bureau(code: str) -> Unit | None:
    """A bureau by its code, if it has published anything."""
    published = PublishedYear.objects.filter(bureau=OuterRef("pk"))
    return Unit.objects.filter(Exists(published), code=code, kind=Unit.Kind.BUREAU).first()


def public_tables(bureau: Unit, year: int) -> QuerySet[Publication]:
    """The current publications of a bureau's year, by unit and project."""
    return _base().filter(bureau=bureau, year=year)


def unit_tables(unit: Unit, year: int) -> QuerySet:
    """The current publications of a unit's year, by project: only what the unit's list shows, as dicts (a
    hundred rows make no model instances)."""
    return (Publication.objects.current().filter(unit=unit, year=year).order_by("code", "name")
            .values("id", "code", "name", "number", "published_at", "score", "score_grade"))


def unit_summaries(bureau: Unit, year: int) -> QuerySet[PublishedYear]:
    """Every unit of the bureau's year with published tables, with its stored figures (one query)."""
    return PublishedYear.objects.filter(bureau=bureau, year=year).select_related("unit").order_by("unit__code")


def public_table(pk: int) -> PublicTable | None:
    """A public version (current or earlier, never withdrawn) by its number in the URL, with its snapshot."""
    publication = Publication.objects.public().select_related("unit", "bureau", "body").filter(pk=pk).first()
    if publication is None:
        return None
    return PublicTable(publication, GoalSheet.model_validate(publication.body.content))


def versions_of(publication: Publication) -> QuerySet[Publication]:
    """Every public version of the same sheet, newest first."""
    return Publication.objects.public().filter(sheet_id=publication.sheet_id).order_by("-number")


def same_project_by_year(publication: Publication) -> list[Publication]:
    """The same project of the same unit in every year it was published, this one included, oldest first.

    A project is matched by its code or by its name (codes are often renumbered from one budget year to the
    next, names retyped); where a year has several candidates, one with the same code wins, then the newest.
    """
    key = Q(pk=publication.pk)
    if publication.code:
        key |= Q(code=publication.code)
    if publication.name:
        key |= Q(name=publication.name)
    by_year: dict[int, Publication] = {publication.year: publication}
    candidates = (Publication.objects.current().filter(key, unit_id=publication.unit_id)
                  .exclude(year=publication.year).order_by("year", "-published_at"))
    for candidate in candidates:
        chosen = by_year.get(candidate.year)
        if chosen is None or (candidate.code == publication.code != chosen.code and publication.code):
            by_year[candidate.year] = candidate
    return [by_year[year] for year in sorted(by_year)]


def public_search(query: str, page: int = 1) -> SearchPage:
    """A page of the current publications whose unit, project or indicators contain every word of ``query``
    (see :mod:`jixiao.web.publication.search`), newest year first."""
    page = min(max(page, 1), SEARCH_PAGES)
    start = (page - 1) * SEARCH_PAGE
    found = list(searched(search_words(query))[start:start + SEARCH_PAGE + 1])
    return SearchPage(found[:SEARCH_PAGE], page, len(found) > SEARCH_PAGE and page < SEARCH_PAGES)
