"""Findings keep one shape from the engine to the database, the page and the API (render late)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jixiao.review import Finding, review_sheet
from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.services.review import profile
from jixiao.web.sheets.services.sheets import sheet_create
from tests.web.conftest import small_sheet


@pytest.fixture
def flawed(org):
    """A sheet with findings that have parameters: a satisfaction of 100% and a count written in %."""
    content = small_sheet(target="≥18%")
    return sheet_create(user=org["owner"], unit=org["township"], year=2026, content=content, source="test")


def test_stored_findings_are_the_engines_findings_with_template_and_parameters(flawed):
    engine = review_sheet(goal_sheet(flawed), profile()).findings
    stored = [Finding.model_validate(record.data) for record in flawed.findings.all()]
    assert stored == list(engine) and stored
    assert any(f.params for f in stored) and all("{" not in f.message for f in stored)
    record = flawed.findings.first()
    assert set(record.data) >= {"rule", "severity", "template", "params", "fix", "confidence", "source"}


def test_the_api_finding_equals_the_cli_json_finding(org, flawed, client):
    body = client.get(f"/api/sheets/{flawed.pk}", HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}").json()
    engine = review_sheet(goal_sheet(flawed), profile()).findings
    assert body["findings"] == [f.contract() for f in engine]


def test_the_page_renders_the_stored_finding_late(org, flawed, login):
    page = login(org["owner"]).get(f"/sheets/{flawed.pk}/").content.decode()
    first = Finding.model_validate(flawed.findings.first().data)
    assert first.message in page


@pytest.mark.django_db(transaction=True)
def test_the_migration_turns_flattened_rows_into_findings():
    executor = MigrationExecutor(connection)
    executor.migrate([("sheets", "0001_initial")])
    old = executor.loader.project_state([("sheets", "0001_initial")]).apps
    Unit, Sheet = old.get_model("organisation", "Unit"), old.get_model("sheets", "Sheet")
    unit = Unit.objects.create(code="X1", name="甲乡", kind="unit")
    sheet = Sheet.objects.create(unit=unit, year=2026, name="旧表")
    old.get_model("sheets", "FindingRecord").objects.create(
        sheet=sheet, rule="JX101", name="missing-goal", severity="error", dimension="完整性", indicator="整治村数",
        row=2, field="指标值", message="指标“整治村数”写作{18}", fix="改为 ≥18个", blocking=True)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from jixiao.web.sheets.models import FindingRecord
    finding = Finding.model_validate(FindingRecord.objects.get().data)
    assert finding.message == "指标“整治村数”写作{18}" and finding.fix.summary == "改为 ≥18个"
    assert finding.indicator == "整治村数" and finding.location.row == 2 and finding.location.column == "指标值"


# JX924 as stored before its parameters became data: the wording was passed in 'where', 'said' and 'ask'.
_STORED_BEFORE = {
    "template": "{where}{said}，请核实{ask}",
    "params": {"where": "年度目标", "said": "的期限“2022年12月31日前”在本表的2023年之前", "ask": "是否照抄了往年的目标",
               "sheet": "X1"},
}
_SAID_BEFORE = "年度目标的期限“2022年12月31日前”在本表的2023年之前，请核实是否照抄了往年的目标"


def test_a_finding_stored_in_an_earlier_shape_still_renders_on_the_page_and_the_api(org, flawed, login, client):
    record = flawed.findings.first()
    record.data = {**record.data, **_STORED_BEFORE}
    record.save(update_fields=["data"])
    page = login(org["owner"]).get(f"/sheets/{flawed.pk}/").content.decode()
    body = client.get(f"/api/sheets/{flawed.pk}", HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}").json()
    assert _SAID_BEFORE in page
    assert _SAID_BEFORE in [finding["message"] for finding in body["findings"]]
