"""Every public page answers in a fixed number of SQL queries, however many tables are published: the lists read
narrow rows or the stored figures of each unit's year, never one query per table (speed itself is measured in
benchmarks/public_bench.py, not here)."""

from __future__ import annotations

import pytest

from jixiao.web.publication import selectors
from jixiao.web.publication.models import PublishedBureauYear, PublishedYear
from jixiao.web.publication.services import publication_publish, publication_withdraw
from tests.web.publication.conftest import approved_sheet

# Page → the queries it makes when it is rendered (the first, the site's token, is all a kept page costs): each
# names what it reads.
PAGES = {
    "/public/": 2,  # the bureaus' stored years with the bureaus
    "/public/B1/2025/": 3,  # the bureau's stored year with the bureau, a page of its units' figures with the units
    "/public/B1/2025/?page=2": 3,
    "/public/B1/2025/434016/": 4,  # the unit's stored year with unit and bureau, a page of its tables, the
    "/public/B1/2025/434016/?page=2": 4,  # 部门整体 goals of one snapshot
    "/public/table/{first}/": 3,  # the table with its snapshot, its versions and the same project in other years
    "/public/search/?q=环境整治": 2,  # one page of matches with their units: a word the trigram index looks up,
    "/public/search/?q=环境": 2,  # one tested on the entries,
    "/public/search/?q=环境整治+村&page=2": 2,  # both, a later page
    "/public/feed.atom": 2,  # the newest publications with their units
    # (and no transaction: a request that refused nobody writes nothing, see flush_refusals)
}


def _publish(org, count: int, start: int = 0) -> list:
    """``count`` tables of 2025 spread over the township and its sibling, each a project of its own."""
    return [publication_publish(user=org["reviewer"], sheet_id=approved_sheet(
        org, year=2025, name=f"环境整治项目{n}", code=f"P-{n:03d}", preparer="owner" if n % 2 else "sibling",
        unit="township" if n % 2 else "sibling_unit").pk) for n in range(start + 1, start + count + 1)]


@pytest.mark.parametrize(("page", "queries"), PAGES.items())
def test_a_page_makes_the_same_queries_for_one_table_and_for_many(org, anonymous, django_assert_num_queries,
                                                                  monkeypatch, page, queries):
    # Pages of two rows (one unit), so that the tables published later fill several of every list.
    for name, size in (("SEARCH_PAGE", 2), ("TABLES_PAGE", 2), ("UNITS_PAGE", 1)):
        monkeypatch.setattr(selectors, name, size)
    first, *_ = _publish(org, 1)
    url = page.format(first=first.pk)
    with django_assert_num_queries(queries):
        assert anonymous.get(url).status_code == 200
    _publish(org, 8, start=1)
    with django_assert_num_queries(queries):
        page = anonymous.get(url)
        assert page.status_code == 200
    if "page=2" in url:  # the later tables are there, a page at a time
        assert 'rel="prev"' in page.content.decode()
    with django_assert_num_queries(1):  # kept: only the site's token is read
        again = anonymous.get(url)
    assert (again.status_code, again.content, again["Content-Type"]) == (200, page.content, page["Content-Type"])


def test_the_stored_figures_follow_publishing_and_withdrawing(org):
    def figures():
        units = {(row.unit.code, row.year): (row.tables, row.scored) for row in PublishedYear.objects.all()}
        bureaus = {(row.bureau.code, row.year): (row.units, row.tables) for row in PublishedBureauYear.objects.all()}
        return units, bureaus

    tables = _publish(org, 3)
    assert figures() == ({("434016", 2025): (2, 0), ("434017", 2025): (1, 0)}, {("B1", 2025): (2, 3)})
    publication_withdraw(user=org["reviewer"], sheet_id=tables[1].sheet_id, reason="数据有误")
    assert figures() == ({("434016", 2025): (2, 0)}, {("B1", 2025): (1, 2)})
    publication_withdraw(user=org["reviewer"], sheet_id=tables[0].sheet_id, reason="数据有误")
    assert figures() == ({("434016", 2025): (1, 0)}, {("B1", 2025): (1, 1)})
    publication_withdraw(user=org["reviewer"], sheet_id=tables[2].sheet_id, reason="数据有误")
    assert figures() == ({}, {})


def test_the_stored_figures_follow_a_published_result(org, year_2025):
    evaluated, _ = year_2025
    row = PublishedYear.objects.get(unit=org["township"], year=2025)
    assert (row.tables, row.scored, row.average, row.grades) == (
        1, 1, round(float(evaluated.score), 2), {evaluated.score_grade: 1})
    assert (row.targets_met, row.targets_scored) == (evaluated.targets_met, evaluated.targets_scored) == (1, 2)
