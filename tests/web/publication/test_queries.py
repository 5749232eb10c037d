"""Every public page answers in a fixed number of SQL queries, however many tables are published: the lists read
narrow rows or the stored figures of each unit's year, never one query per table (speed itself is measured in
benchmarks/public_bench.py, not here)."""

from __future__ import annotations

import pytest

from jixiao.web.publication.models import PublishedYear
from jixiao.web.publication.services import publication_publish, publication_withdraw
from tests.web.publication.conftest import approved_sheet

# Page → the queries it makes: each names what it reads.
PAGES = {
    "/public/": 2,  # the bureaus' years from the stored figures, the bureaus
    "/public/B1/2025/": 2,  # the bureau, its units' figures with the units
    "/public/B1/2025/434016/": 4,  # the bureau, the unit, its tables, the 部门整体 goals of one snapshot
    "/public/table/{first}/": 3,  # the table with its snapshot, its versions, the same project in other years
    "/public/search/?q=环境": 1,  # one page of matches with their units
    "/public/feed.atom": 1,  # the newest publications with their units
    # (and no transaction: a request that refused nobody writes nothing, see flush_refusals)
}


def _publish(org, count: int, start: int = 0) -> list:
    """``count`` tables of 2025 spread over the township and its sibling, each a project of its own."""
    return [publication_publish(user=org["reviewer"], sheet_id=approved_sheet(
        org, year=2025, name=f"环境整治项目{n}", code=f"P-{n:03d}", preparer="owner" if n % 2 else "sibling",
        unit="township" if n % 2 else "sibling_unit").pk) for n in range(start + 1, start + count + 1)]


@pytest.mark.parametrize(("page", "queries"), PAGES.items())
def test_a_page_makes_the_same_queries_for_one_table_and_for_many(org, anonymous, django_assert_num_queries,
                                                                  page, queries):
    first, *_ = _publish(org, 1)
    url = page.format(first=first.pk)
    with django_assert_num_queries(queries):
        assert anonymous.get(url).status_code == 200
    _publish(org, 6, start=1)
    with django_assert_num_queries(queries):
        assert anonymous.get(url).status_code == 200


def test_the_stored_figures_follow_publishing_and_withdrawing(org):
    def figures():
        return {(row.unit.code, row.year): (row.tables, row.scored) for row in PublishedYear.objects.all()}

    tables = _publish(org, 3)
    assert figures() == {("434016", 2025): (2, 0), ("434017", 2025): (1, 0)}
    publication_withdraw(user=org["reviewer"], sheet_id=tables[1].sheet_id, reason="数据有误")
    assert figures() == {("434016", 2025): (2, 0)}
    publication_withdraw(user=org["reviewer"], sheet_id=tables[0].sheet_id, reason="数据有误")
    assert figures() == {("434016", 2025): (1, 0)}


def test_the_stored_figures_follow_a_published_result(org, year_2025):
    evaluated, _ = year_2025
    row = PublishedYear.objects.get(unit=org["township"], year=2025)
    assert (row.tables, row.scored, row.average, row.grades) == (
        1, 1, round(float(evaluated.score), 2), {evaluated.score_grade: 1})
    assert (row.targets_met, row.targets_scored) == (evaluated.targets_met, evaluated.targets_scored) == (1, 2)
