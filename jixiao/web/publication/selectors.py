"""Reads for the public site: only current, not withdrawn publications, never a live sheet.

Every page reads a fixed number of queries whatever the number of published tables (the tests count them): the
lists read the narrow publication rows or the stored figures of each unit's year, never the snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from jixiao.model import GoalSheet
from jixiao.web.organisation.models import Unit
from jixiao.web.publication.models import Publication, PublishedBureauYear, PublishedYear
from jixiao.web.publication.search import search_words, searched
from jixiao.web.sheets.conversion import content_of

__all__ = ["ListPage", "PublicTable", "bureau_years", "public_bureau", "public_bureau_year", "public_search",
           "public_table", "public_tables", "public_unit_year", "unit_summaries", "unit_tables", "versions_and_years"]

SEARCH_PAGE = 50
SEARCH_PAGES = 20  # 1,000 results at most: a search that matches more wants more specific words
UNITS_PAGE = 50  # a bureau's units on its year's page
TABLES_PAGE = 50  # a unit's tables on its year's page


@dataclass
class PublicTable:
    """A publication with its snapshot: the content as the core's model (read when first asked for: a page that
    shows the table as kept never needs it), the 部门整体 goals and the result."""

    publication: Publication

    @cached_property
    def content(self) -> GoalSheet:
        return content_of(self.publication.body.content)

    @property
    def evaluation(self) -> dict | None:
        return self.publication.body.evaluation

    @property
    def overall(self) -> dict | None:
        return self.publication.body.overall


@dataclass
class ListPage:
    """One page of a list, and whether there is a next one (found by reading one row more, without counting)."""

    results: list
    number: int
    size: int
    has_next: bool

    @property
    def first(self) -> int:
        """The position of the page's first result among all (from 1)."""
        return (self.number - 1) * self.size + 1

    @property
    def last(self) -> int:
        """The position of the page's last result among all."""
        return self.first + len(self.results) - 1


def _pages(count: int, size: int) -> int:
    """How many pages ``count`` rows fill (one at least)."""
    return max(1, -(-count // size))


def _page(rows: QuerySet, number: int, size: int, pages: int) -> ListPage:
    """Page ``number`` (from 1, at most ``pages``) of ``rows``, ``size`` rows a page."""
    number = min(max(number, 1), pages)
    start = (number - 1) * size
    found = list(rows[start:start + size + 1])
    return ListPage(found[:size], number, size, len(found) > size and number < pages)


def _base() -> QuerySet[Publication]:
    return Publication.objects.current().select_related("unit", "bureau")


def bureau_years() -> list[tuple[Unit, list[int]]]:
    """Every bureau with published tables, and the years it has published, newest first."""
    years: dict[Unit, list[int]] = {}
    for row in PublishedBureauYear.objects.select_related("bureau").order_by("bureau__code", "-year"):
        years.setdefault(row.bureau, []).append(row.year)
    return list(years.items())


def public_bureau(code: str) -> Unit | None:
    """A bureau by its code, if it has published anything."""
    published = PublishedBureauYear.objects.filter(bureau=OuterRef("pk"))
    return Unit.objects.filter(Exists(published), code=code, kind=Unit.Kind.BUREAU).first()


def public_bureau_year(code: str, year: int) -> PublishedBureauYear | None:
    """A bureau's year with public tables, by the bureau's code, with its stored figures and the bureau."""
    return (PublishedBureauYear.objects.select_related("bureau")
            .filter(bureau__code=code, bureau__kind=Unit.Kind.BUREAU, year=year).first())


def public_tables(bureau: Unit, year: int) -> QuerySet[Publication]:
    """The current publications of a bureau's year, by unit and project."""
    return _base().filter(bureau=bureau, year=year)


def unit_tables(figures: PublishedYear, page: int = 1) -> ListPage:
    """A page of the current publications of a unit's year, by project: only what the unit's list shows, as
    dicts, with the local day of publication (``published_on``, YYYY-MM-DD)."""
    rows = (Publication.objects.current().filter(unit_id=figures.unit_id, year=figures.year)
            .order_by("code", "name", "pk").values("id", "code", "name", "number", "published_at", "score",
                                                   "score_grade"))
    found = _page(rows, page, TABLES_PAGE, pages=_pages(figures.tables, TABLES_PAGE))
    for row in found.results:  # the local day, as the template's date filter would write it at several times the cost
        row["published_on"] = timezone.localtime(row["published_at"]).date().isoformat()
    return found


def public_unit_year(bureau_code: str, year: int, unit_code: str) -> PublishedYear | None:
    """A unit of the bureau with tables public in the year, with its stored figures of the year, the unit and the
    bureau."""
    return (PublishedYear.objects.select_related("unit", "bureau")
            .filter(bureau__code=bureau_code, bureau__kind=Unit.Kind.BUREAU, year=year, unit__code=unit_code).first())


def unit_summaries(figures: PublishedBureauYear, page: int = 1) -> ListPage:
    """A page of the units of the bureau's year with published tables, with their stored figures."""
    rows = (PublishedYear.objects.filter(bureau_id=figures.bureau_id, year=figures.year).select_related("unit")
            .order_by("unit__code"))
    return _page(rows, page, UNITS_PAGE, pages=_pages(figures.units, UNITS_PAGE))


def public_table(pk: int) -> PublicTable | None:
    """A public version (current or earlier, never withdrawn) by its number in the URL, with its snapshot."""
    publication = Publication.objects.public().select_related("unit", "bureau", "body").filter(pk=pk).first()
    if publication is None:
        return None
    return PublicTable(publication)


def versions_and_years(publication: Publication) -> tuple[list[Publication], list[Publication]]:
    """In one query: every public version of the same sheet, newest first; and the same project of the same unit in
    every year it was published, this one included, oldest first.

    A project is matched by its code or by its name (codes are often renumbered from one budget year to the
    next, names retyped); where a year has several candidates, one with the same code wins, then the newest.
    (A sheet is of one year, so its versions are never among the other years' candidates.)
    """
    key = Q(pk=publication.pk)
    if publication.code:
        key |= Q(code=publication.code)
    if publication.name:
        key |= Q(name=publication.name)
    other_years = Q(key, is_current=True, unit_id=publication.unit_id) & ~Q(year=publication.year)
    rows = list(Publication.objects.public().filter(Q(sheet_id=publication.sheet_id) | other_years)
                .order_by("year", "-published_at"))
    versions = sorted((p for p in rows if p.sheet_id == publication.sheet_id), key=lambda p: -p.number)
    by_year: dict[int, Publication] = {publication.year: publication}
    for candidate in (p for p in rows if p.sheet_id != publication.sheet_id):
        chosen = by_year.get(candidate.year)
        if chosen is None or (candidate.code == publication.code != chosen.code and publication.code):
            by_year[candidate.year] = candidate
    return versions, [by_year[year] for year in sorted(by_year)]


def public_search(query: str, page: int = 1) -> ListPage:
    """A page of the current publications whose unit, project or indicators contain every word of ``query``
    (see :mod:`jixiao.web.publication.search`), newest year first: only what a result shows."""
    found = searched(search_words(query)).only("year", "code", "name", "unit__name")
    return _page(found, page, SEARCH_PAGE, pages=SEARCH_PAGES)
