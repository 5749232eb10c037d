"""Approved and published versions keep each row's other columns in the form's order (as the sheet's own rows
do): PostgreSQL's jsonb gives an object's keys back in its own order, shortest first, so they are kept as
[heading, cell] pairs."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from jixiao.web.publication.models import PublicationContent
from jixiao.web.publication.services import publication_publish
from jixiao.web.sheets.conversion import content_of
from jixiao.web.sheets.models import ApprovedVersion
from tests.web.conftest import approve

# In the form's order; jsonb would give A, 备注, 评分标准 (by length in bytes).
CELLS = [["评分标准", "未达标酌情扣分"], ["备注", "按季度核对"], ["A", "乙"]]
HEADINGS = [heading for heading, _ in CELLS]


def test_an_approved_and_published_version_keeps_the_other_columns_in_the_forms_order(org, sheet):
    row = sheet.indicators.get(position=1)
    row.extra = CELLS
    row.save()
    approve(org, sheet)
    approved = ApprovedVersion.objects.get(sheet=sheet)
    assert list(content_of(approved.content).indicators[0].extra) == HEADINGS
    publication = publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    published = PublicationContent.objects.get(publication=publication)
    assert list(content_of(published.content).indicators[0].extra) == HEADINGS
    page = Client().get(f"/public/table/{publication.pk}/").content.decode()
    shown = [page.index(f"{heading}：{text}") for heading, text in CELLS]
    assert shown == sorted(shown)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_stored_rows_order_and_goes_back():
    before = [("sheets", "0010_indicator_operator_column"), ("publication", "0005_public_revision")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    unit = old.get_model("organisation", "Unit").objects.create(code="X1", name="甲乡", kind="unit")
    sheet = old.get_model("sheets", "Sheet").objects.create(unit=unit, year=2026, name="旧表")
    old.get_model("sheets", "IndicatorRow").objects.create(sheet=sheet, position=1, name="甲", extra=CELLS)
    old.get_model("sheets", "IndicatorRow").objects.create(sheet=sheet, position=2, name="乙",
                                                           extra=[["备注", "已改"]])
    # as PostgreSQL gave the keys back; the second row's headings are no longer the stored row's
    indicators = [{"name": "甲", "extra": {"A": "乙", "备注": "按季度核对", "评分标准": "未达标酌情扣分"}},
                  {"name": "乙", "extra": {"序号": "2", "评分标准": "无"}}]
    Approved = old.get_model("sheets", "ApprovedVersion")
    Approved.objects.create(sheet=sheet, version=2, grade="良", content={"name": "旧表", "indicators": indicators})
    as_kept = Approved.objects.get().content["indicators"][1]["extra"]  # in the database's order
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    content = ApprovedVersion.objects.get().content
    assert [i["extra"] for i in content["indicators"]] == [CELLS, [[h, text] for h, text in as_kept.items()]]
    assert list(content_of(content).indicators[0].extra) == HEADINGS
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    kept = executor.loader.project_state(before).apps.get_model("sheets", "ApprovedVersion").objects.get().content
    assert [i["extra"] for i in kept["indicators"]] == [dict(CELLS), indicators[1]["extra"]]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
