"""The public site (no login): bureaus and years, a unit's tables, one table with its versions and results,
search. Reading works without JavaScript; only the charts need it."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jixiao.documents import render_document
from jixiao.model import Document, OverallGoals
from jixiao.model import Unit as UnitModel
from jixiao.web.downloads import attachment
from jixiao.web.publication.models import Publication, PublicationContent
from jixiao.web.publication.pagecache import kept_per_revision
from jixiao.web.publication.selectors import (
    bureau_years,
    public_bureau_year,
    public_search,
    public_unit_year,
    unit_summaries,
    unit_tables,
    versions_and_years,
)
from jixiao.web.publication.views.common import table_or_404, year_or_404
from jixiao.web.sheets.presentation import grid_rows

__all__ = ["bureau_year", "index", "search", "table", "table_download", "unit_year"]

TABLE_FORMATS = ("docx", "xlsx", "pdf")
MAX_QUERY = 100


@require_GET
@kept_per_revision
def index(request):
    """Every bureau that has published, with its years, and a search box."""
    return render(request, "publication/index.html", {"bureaus": bureau_years()})


def _page_number(request) -> int:
    """The page the query string asks for (from 1; anything else is the first)."""
    number = request.GET.get("page", "")
    return int(number) if number.isdigit() and len(number) < 4 else 1


@require_GET
@kept_per_revision
def bureau_year(request, bureau_code: str, year: str):
    """A bureau's year: its units with their figures (a page of them), the charts, the open data."""
    figures = public_bureau_year(bureau_code, year_or_404(year))
    if figures is None:
        raise Http404("这一年度没有公开的绩效目标表")
    return render(request, "publication/bureau_year.html", {
        "bureau": figures.bureau, "year": figures.year, "figures": figures, "has_results": figures.scored > 0,
        "units": unit_summaries(figures, _page_number(request)),
    })


@require_GET
@kept_per_revision
def unit_year(request, bureau_code: str, year: str, unit_code: str):
    """A unit's year: its 部门整体 goals and its published tables (a page of them)."""
    figures = public_unit_year(bureau_code, year_or_404(year), unit_code)
    if figures is None:
        raise Http404("这个单位在这一年度没有公开的绩效目标表")
    tables = unit_tables(figures, _page_number(request))
    # The 部门整体 goals are the unit's, the same in every table of the year: read once, from one snapshot.
    overall = (PublicationContent.objects.filter(publication__in=[p["id"] for p in tables.results])
               .exclude(overall=None).values_list("overall", flat=True).first())
    return render(request, "publication/unit_year.html", {
        "bureau": figures.bureau, "year": figures.year, "unit": figures.unit, "overall": overall,
        "figures": figures, "tables": tables,
    })


@require_GET
@kept_per_revision
def table(request, pk: int):
    """One published table in the official layout, with its versions, results and other years."""
    found = table_or_404(pk)
    publication = found.publication
    versions, years = versions_and_years(publication)
    return render(request, "publication/table.html", {
        # The table itself is kept per version (the template's cache block): read and laid out only when it is not.
        "found": found, "publication": publication, "rows": lambda: grid_rows(found.content),
        "versions": versions, "years": years if len(years) > 1 else [],
        "years_chart": _years_chart(years), "formats": TABLE_FORMATS, "is_latest": publication.is_current,
    })


def _years_chart(years: list[Publication]) -> dict:
    """What the year-over-year chart of a project shows: its budget and, where published, its score."""
    return {
        "years": [f"{p.year}年度" for p in years],
        "budget": [None if p.budget_total is None else float(p.budget_total) for p in years],
        "scores": [None if p.score is None else float(p.score) for p in years],
    }


@require_GET
def table_download(request, pk: int, fmt: str):
    """The published table as .docx, .xlsx or .pdf (the official layout)."""
    if fmt not in TABLE_FORMATS:
        raise Http404("不支持的格式")
    found = table_or_404(pk)
    publication = found.publication
    document = Document(source=f"{publication.unit.code}-{publication.year}", format="json",
                        unit=UnitModel(code=publication.unit.code, name=publication.unit.name),
                        overall=OverallGoals(**found.overall) if found.overall else None,
                        sheets=[found.content])
    stem = f"{publication.year}-{publication.unit.name}-{publication.label}-第{publication.number}版"
    return attachment(render_document(document, fmt), stem, fmt, fallback=f"table-{publication.pk}")


@require_GET
@kept_per_revision
def search(request):
    """Search across units, projects and indicators (every word must match), a page of results at a time."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    found = public_search(query, _page_number(request)) if query else None
    return render(request, "publication/search.html", {"query": query, "found": found,
                                                       "params": urlencode({"q": query})})
