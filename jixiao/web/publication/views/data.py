"""Open data of a bureau's year at stable URLs: data.json, projects.csv, indicators.csv, datapackage.json,
and the Atom feed of newly published tables."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from jixiao.web.publication.models import Publication
from jixiao.web.publication.opendata import collection_of, datapackage, indicators_csv, projects_csv
from jixiao.web.publication.pagecache import kept_per_revision
from jixiao.web.publication.selectors import public_tables
from jixiao.web.publication.views.common import bureau_or_404, year_or_404

__all__ = ["data_csv", "data_json", "data_package", "feed"]

FEED_SIZE = 50


def _publications(bureau_code: str, year: str):
    bureau, year = bureau_or_404(bureau_code), year_or_404(year)
    publications = list(public_tables(bureau, year).select_related("body"))  # the files need the snapshots
    if not publications:
        raise Http404("这一年度没有公开的绩效目标表")
    return bureau, year, publications


@require_GET
def data_json(request, bureau_code: str, year: str):
    """The year's published tables in jixiao's interchange format."""
    _, _, publications = _publications(bureau_code, year)
    return HttpResponse(collection_of(publications).model_dump_json(indent=1), content_type="application/json")


@require_GET
def data_csv(request, bureau_code: str, year: str, name: str):
    """projects.csv or indicators.csv (UTF-8 with BOM so that Excel opens Chinese text correctly)."""
    writers = {"projects": projects_csv, "indicators": indicators_csv}
    if name not in writers:
        raise Http404("没有这个数据文件")
    _, _, publications = _publications(bureau_code, year)
    response = HttpResponse("\ufeff" + writers[name](publications), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return response


@require_GET
def data_package(request, bureau_code: str, year: str):
    """The Frictionless Data Package descriptor of the year's CSV files."""
    bureau, year, _ = _publications(bureau_code, year)
    return JsonResponse(datapackage(bureau, year), json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_GET
@kept_per_revision
def feed(request):
    """Atom feed of the newest published tables (and new versions after an adjustment).

    Written with Django's Atom generator directly: the syndication ``Feed`` view looks up each of a dozen item
    attributes per entry by introspection and writes the response in thousands of small pieces, which made this
    50-entry page cost more than the bureau's year.
    """
    public_url = request.build_absolute_uri(reverse("publication:index"))
    atom = Atom1Feed(title="新公开的预算绩效目标表", subtitle="经财政部门批复并公开的项目绩效目标表", link=public_url,
                     description="", language=settings.LANGUAGE_CODE, feed_url=request.build_absolute_uri())
    for item in Publication.objects.public().select_related("unit").order_by("-published_at")[:FEED_SIZE]:
        version = f"（第{item.number}版）" if item.number > 1 else ""
        reason = f" 调整原因：{item.reason}" if item.reason else ""
        link = f"{public_url}table/{item.pk}/"  # the stable URL of a table (publication:table)
        atom.add_item(title=f"{item.year}年度 {item.unit.name} {item.label}{version}", link=link,
                      unique_id=link, pubdate=item.published_at,
                      updateddate=item.evaluation_published_at or item.published_at,
                      description=f"{item.unit.name}{item.year}年度项目绩效目标表，{item.indicator_count} 个绩效指标。{reason}")
    response = HttpResponse(atom.writeString("utf-8"), content_type=atom.content_type)
    response["Last-Modified"] = http_date(atom.latest_post_date().timestamp())
    return response
