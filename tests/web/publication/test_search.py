"""Search reads a trigram index of the current public versions, kept in the transaction of every publish,
adjustment and withdrawal, and means the same on SQLite and PostgreSQL (the web tests run on both)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.utils import timezone

from jixiao.web.publication.models import Publication, SearchEntry
from jixiao.web.publication.search import FTS_TABLE, search_words, searched
from jixiao.web.publication.services import publication_publish, publication_withdraw
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.migrations import migrated_back, migrated_forward
from tests.web.publication.conftest import approved_sheet


def _found(anonymous, query: str) -> list[int]:
    page = anonymous.get("/public/search/", {"q": query}).content.decode()
    return [int(pk) for pk in re.findall(r'/public/table/(\d+)/', page)]


# The published table's text: 遵化市西留村乡人民政府 434016 P-001 乡镇环境治理经费 数量指标 整治村数
# 服务对象满意度指标 群众满意度
@pytest.mark.parametrize(("query", "matched"), [
    ("乡", True),  # one character: shorter than a trigram, tested on the entries
    ("村数", True),  # two characters, the common length of a Chinese word
    ("维稳", False),
    ("环境治理", True),  # looked up in the trigram index
    ("环境 满意度", True),  # every word must match
    ("环境 维稳", False),
    ("满意度 村", True),  # a long word found by the index, a short one tested on what it found
    ("满意度 稳", False),
    ("p-001", True),  # case-folded
    ("Ｐ－００１", True),  # full-width forms are the ASCII ones
    ("整治村数群众", False),  # words never run across two fields
    ("%", False), ("_", False), ('"', False), ("100%", False), ("\\", False),  # literal, never a pattern
])
def test_a_word_matches_where_it_occurs_in_the_unit_project_or_indicators(published, anonymous, query, matched):
    assert (published.pk in _found(anonymous, query)) is matched


def test_results_come_newest_year_first_then_by_unit_and_project(org, anonymous):
    tables = {(year, unit, code): publication_publish(user=org["reviewer"], sheet_id=approved_sheet(
        org, year=year, code=code, name=f"环境整治{code}", unit=unit,
        preparer="owner" if unit == "township" else "sibling").pk)
        for year, unit, code in [(2025, "township", "P-2"), (2026, "sibling_unit", "P-1"), (2026, "township", "P-3"),
                                 (2026, "township", "P-1"), (2025, "sibling_unit", "P-0")]}
    order = [(2026, "township", "P-1"), (2026, "township", "P-3"), (2026, "sibling_unit", "P-1"),
             (2025, "township", "P-2"), (2025, "sibling_unit", "P-0")]  # unit codes 434016 < 434017
    assert _found(anonymous, "环境整治") == [tables[key].pk for key in order]


def _entries() -> set[int]:
    return set(SearchEntry.objects.values_list("publication_id", flat=True))


def _current() -> set[int]:
    return set(Publication.objects.current().values_list("pk", flat=True))


def test_the_index_follows_publishing_adjusting_and_withdrawing(org, published, anonymous):
    assert _entries() == _current() == {published.pk}
    sheet_transition(user=org["owner"], sheet_id=published.sheet_id, name="adjust", reason="追加资金")
    sheet_transition(user=org["owner"], sheet_id=published.sheet_id, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=published.sheet_id, name="approve", grade="优")
    second = publication_publish(user=org["reviewer"], sheet_id=published.sheet_id)
    assert _entries() == _current() == {second.pk}
    assert _found(anonymous, "环境治理") == _found(anonymous, "村") == [second.pk]  # the earlier version is not
    publication_withdraw(user=org["reviewer"], sheet_id=published.sheet_id, reason="数据有误")
    assert _entries() == _current() == set()
    assert _found(anonymous, "环境治理") == _found(anonymous, "村") == []


def test_a_long_word_is_looked_up_in_the_trigram_index(published):
    """The index serves the search's condition: SQLite's FTS5 table is in the plan; PostgreSQL's GIN index is
    what its LIKE reads once a scan of the whole table is ruled out (with a handful of rows the planner would
    rightly prefer one; which table drives the joins is the planner's choice by the tables' statistics)."""
    results = searched(search_words("环境治理"))
    assert list(results) == [published]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "publication_search_trigram" in SearchEntry.objects.filter(text__contains="环境治理").explain()
    else:
        assert "VIRTUAL TABLE INDEX" in results.explain() and FTS_TABLE in str(results.query)


@pytest.mark.django_db(transaction=True)
def test_the_migration_indexes_the_current_versions_and_goes_back():
    old = migrated_back([("publication", "0002_snapshot_apart_and_year_figures")])
    Unit, Sheet = old.get_model("organisation", "Unit"), old.get_model("sheets", "Sheet")
    Publication = old.get_model("publication", "Publication")
    bureau = Unit.objects.create(code="X0", name="甲市财政局", kind="bureau")
    unit = Unit.objects.create(code="X1", name="甲乡人民政府", kind="unit", parent=bureau, bureau=bureau)
    sheet = Sheet.objects.create(unit=unit, year=2026, name="环境整治")
    common = {"sheet": sheet, "bureau": bureau, "unit": unit, "year": 2026, "approved_version": 1,
              "approved_at": timezone.now(), "name": "环境整治", "code": "P-1"}
    Publication.objects.create(number=1, is_current=False, search_text="甲乡人民政府 环境整治 旧版", **common)
    current = Publication.objects.create(number=2, search_text="甲乡人民政府 X1 P-1 环境整治 群众满意度", **common)
    migrated_forward()
    assert list(SearchEntry.objects.values_list("publication_id", "unit_code", "text")) == [
        (current.pk, "X1", "甲乡人民政府 x1 p-1 环境整治 群众满意度")]
    assert [p.pk for p in searched(search_words("群众满意度"))] == [current.pk]
    old = migrated_back([("publication", "0002_snapshot_apart_and_year_figures")])
    assert old.get_model("publication", "Publication").objects.get(pk=current.pk).search_text == (
        "甲乡人民政府 x1 p-1 环境整治 群众满意度")
    migrated_forward()
