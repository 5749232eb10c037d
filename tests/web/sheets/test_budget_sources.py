"""The budget's other sources (Budget.sources: 政府性基金拨款, 上年结转资金 … beside 财政资金 and 其他资金) in the editor
and the API: added, renamed, changed and removed, refused with a message naming the field, recorded in the history,
covered by the optimistic lock, and kept exactly by a save that leaves them alone."""

from decimal import Decimal

import pytest
from django.test import Client

from jixiao.model import Budget
from jixiao.web.organisation.services import token_create
from jixiao.web.sheets.conversion import goal_sheet
from jixiao.web.sheets.errors import StaleSheet
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_create, sheet_update
from tests.web.conftest import small_sheet
from tests.web.sheets.test_history import _form_data

D = Decimal
# A 部门整体-like budget printing two sources beside 财政资金 and 其他资金, adding up to its total.
SOURCES = {"政府性基金拨款": D("118.82"), "上年结转资金": D("5")}
STORED = [["政府性基金拨款", "118.82"], ["上年结转资金", "5.00"]]


@pytest.fixture
def with_sources(org):
    budget = Budget(total=D("2035.12"), fiscal=D("1325.68"), other=D("585.62"), sources=SOURCES)
    return sheet_create(user=org["owner"], unit=org["township"], year=2026,
                        content=small_sheet().model_copy(update={"budget": budget}), source="API")


@pytest.fixture
def api(org):
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}")


def _editor(client, sheet):
    return client.get(f"/sheets/{sheet.pk}/edit/").context


def _sources(**rows) -> dict[str, str]:
    """The sources part of a post: ``rows`` as src-N-field values, with the count of forms."""
    count = 1 + max(int(key.split("_")[1]) for key in rows)
    return {"src-TOTAL_FORMS": str(count),
            **{f"src-{key.split('_')[1]}-{key.split('_')[0]}": value for key, value in rows.items()}}


def test_a_sheet_keeps_its_sources_in_their_order_and_the_editor_shows_them(org, with_sources, login):
    stored = Sheet.objects.get(pk=with_sources.pk)
    assert stored.budget_sources == STORED
    assert list(goal_sheet(stored).budget.sources.items()) == [("政府性基金拨款", D("118.82")), ("上年结转资金", D("5.00"))]
    assert not stored.findings.filter(rule="JX701").exists()  # they add up with 财政资金 and 其他资金 to the total
    page = login(org["owner"]).get(f"/sheets/{with_sources.pk}/edit/").content.decode()
    assert 'name="src-0-label" value="政府性基金拨款"' in page and 'name="src-1-amount" value="5.00"' in page
    assert "另列资金来源" in page and 'id="add-source"' in page


@pytest.mark.parametrize("other_change", [{}, {"name": "改过的名称"}, {"ind-0-value": "20"}])
def test_saving_the_editor_without_touching_the_sources_keeps_them_exactly(org, with_sources, login, other_change):
    client = login(org["owner"])
    data = _form_data(_editor(client, with_sources), **other_change)
    assert client.post(f"/sheets/{with_sources.pk}/edit/", data).status_code == 302
    stored = Sheet.objects.get(pk=with_sources.pk)
    assert stored.budget_sources == STORED
    assert stored.version == (1 if not other_change else 2)
    assert not stored.history.filter(field="另列资金来源").exists()


@pytest.mark.parametrize(("change", "stored", "old", "new"), [
    # added (the label chosen from the suggestions), in the unit's places
    ({**_sources(label_2="国有资本经营预算", amount_2="3.5")},
     [*STORED, ["国有资本经营预算", "3.50"]], "政府性基金拨款：118.82\n上年结转资金：5.00",
     "政府性基金拨款：118.82\n上年结转资金：5.00\n国有资本经营预算：3.50"),
    # renamed
    ({"src-0-label": "政府性基金预算拨款"}, [["政府性基金预算拨款", "118.82"], STORED[1]],
     "政府性基金拨款：118.82\n上年结转资金：5.00", "政府性基金预算拨款：118.82\n上年结转资金：5.00"),
    # the amount changed (a misread figure corrected), as written to the 分
    ({"src-1-amount": "6.125"}, [STORED[0], ["上年结转资金", "6.125"]],
     "政府性基金拨款：118.82\n上年结转资金：5.00", "政府性基金拨款：118.82\n上年结转资金：6.125"),
    # removed
    ({"src-0-DELETE": "on"}, [STORED[1]], "政府性基金拨款：118.82\n上年结转资金：5.00", "上年结转资金：5.00"),
    # all removed
    ({"src-0-DELETE": "on", "src-1-DELETE": "on"}, [], "政府性基金拨款：118.82\n上年结转资金：5.00", ""),
])
def test_the_editor_adds_renames_changes_and_removes_sources_each_change_in_the_history(
        org, with_sources, login, change, stored, old, new):
    client = login(org["owner"])
    data = _form_data(_editor(client, with_sources), **change)
    assert client.post(f"/sheets/{with_sources.pk}/edit/", data).status_code == 302
    sheet = Sheet.objects.get(pk=with_sources.pk)
    assert (sheet.budget_sources, sheet.version) == (stored, 2)
    [entry] = sheet.history.filter(action="edit")
    assert (entry.field, entry.old, entry.new, entry.user.username) == ("另列资金来源", old, new, "owner")
    history = client.get(f"/sheets/{with_sources.pk}/").content.decode().split("修改记录")[1]
    assert "另列资金来源" in history and new.split("\n")[-1 if new else 0] in history


@pytest.mark.parametrize(("change", "message"), [
    ({"src-1-label": ""}, "来源名称：请填写来源名称"),
    ({"src-1-amount": ""}, "金额：请填写金额"),
    ({"src-1-amount": "-5"}, "金额：金额不能小于0"),
    ({"src-1-amount": "五元"}, "金额：输入一个数字"),
    ({"src-1-amount": "1.1234567"}, "金额：确认小数不超过 6 位"),
    # the same source twice, however it is spelt (Traditional, full-width spaces)
    ({"src-1-label": "政府性基金撥款"}, "“另列资金来源”“政府性基金撥款”重复：每项来源只填一行"),
    # a row of the budget's own, in one of its spellings
    ({"src-1-label": "财政拨款"}, "“另列资金来源”“财政拨款”：这是财政资金，已有自己的一栏，不是另列的来源"),
    ({"src-1-label": "其他资金"}, "“另列资金来源”“其他资金”：这是其他资金，已有自己的一栏，不是另列的来源"),
    ({"src-TOTAL_FORMS": "31"}, "另列资金来源最多 30 项"),
])
def test_a_source_the_form_refuses_gets_a_message_naming_the_field_and_nothing_is_saved(
        org, with_sources, login, change, message):
    client = login(org["owner"])
    data = _form_data(_editor(client, with_sources), **change)
    response = client.post(f"/sheets/{with_sources.pk}/edit/", data)
    page = response.content.decode()
    assert response.status_code == 200 and message in page and "有填写错误" in page
    stored = Sheet.objects.get(pk=with_sources.pk)
    assert (stored.version, stored.budget_sources) == (1, STORED)


def test_sources_that_do_not_add_up_are_the_reviews_finding_not_a_refusal(org, with_sources, login):
    """The core's JX701 sums 财政资金, 其他资金 and every source against the 预算数: the form saves a draft that does not
    add up, and the live check and the sheet page show the finding naming each source."""
    client = login(org["owner"])
    data = _form_data(_editor(client, with_sources), **{"src-1-amount": "15"})
    fragment = client.post(f"/sheets/{with_sources.pk}/check/", data, HTTP_HX_REQUEST="true").content.decode()
    assert "JX701" in fragment and "上年结转资金15.00" in fragment and "之和2045.12" in fragment
    assert client.post(f"/sheets/{with_sources.pk}/edit/", data).status_code == 302
    stored = Sheet.objects.get(pk=with_sources.pk)
    assert stored.budget_sources == [STORED[0], ["上年结转资金", "15.00"]]
    assert stored.findings.filter(rule="JX701").exists()
    page = client.get(f"/sheets/{with_sources.pk}/").content.decode()
    assert '<tr><th scope="row">上年结转资金</th><td class="num">15.00</td></tr>' in page


def test_a_concurrent_change_of_the_sources_refuses_the_stale_editor_and_shows_it(org, with_sources, login):
    client = login(org["owner"])
    opened = _editor(client, with_sources)
    sheet_update(user=org["colleague"], sheet_id=with_sources.pk, expected_version=1,
                 fields={"budget_sources": [["政府性基金拨款", "120.00"], STORED[1]]})
    # the owner, in the page opened before, renames a source: refused, the colleague's amount stays
    page = client.post(f"/sheets/{with_sources.pk}/edit/",
                       _form_data(opened, **{"src-0-label": "政府性基金预算"})).content.decode()
    assert "已被他人修改" in page and "另列资金来源" in page and "政府性基金拨款：120.00" in page
    stored = Sheet.objects.get(pk=with_sources.pk)
    assert (stored.version, stored.budget_sources) == (2, [["政府性基金拨款", "120.00"], STORED[1]])


def test_a_stale_save_of_the_sources_is_refused_by_the_service(org, with_sources):
    sheet_update(user=org["colleague"], sheet_id=with_sources.pk, expected_version=1, fields={"name": "同事改的"})
    with pytest.raises(StaleSheet):
        sheet_update(user=org["owner"], sheet_id=with_sources.pk, expected_version=1, fields={"budget_sources": []})
    assert Sheet.objects.get(pk=with_sources.pk).budget_sources == STORED


def test_the_api_reads_the_sources_as_the_core_writes_them(api, with_sources):
    body = api.get(f"/api/sheets/{with_sources.pk}").json()
    assert body["content"]["budget"]["sources"] == {"政府性基金拨款": "118.82", "上年结转资金": "5.00"}
    assert list(body["content"]["budget"]["sources"]) == ["政府性基金拨款", "上年结转资金"]


def test_a_sheet_created_by_the_api_keeps_its_sources(api, org):
    content = small_sheet().model_copy(update={"budget": Budget(total=D("20"), fiscal=D("18"), other=D("0"),
                                                                sources={"上年结转资金": D("2")})})
    response = api.post("/api/sheets/", {"unit_code": "434016", "year": 2026, "content": content.model_dump(mode="json")},
                        content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["content"]["budget"]["sources"] == {"上年结转资金": "2.00"}
    assert not [f for f in response.json()["findings"] if f["rule"] == "JX701"]


@pytest.mark.parametrize(("sources", "stored"), [
    ({"国有资本经营预算": "3.5", "政府性基金拨款": "118.82"}, [["国有资本经营预算", "3.50"], ["政府性基金拨款", "118.82"]]),
    ({}, []),
])
def test_an_api_patch_replaces_the_sources_in_the_order_given_and_records_it(api, with_sources, sources, stored):
    response = api.patch(f"/api/sheets/{with_sources.pk}", {"version": 1, "fields": {"budget_sources": sources}},
                         content_type="application/json")
    assert response.status_code == 200, response.content
    assert list(response.json()["content"]["budget"]["sources"].items()) == [tuple(pair) for pair in stored]
    sheet = Sheet.objects.get(pk=with_sources.pk)
    assert (sheet.budget_sources, sheet.version) == (stored, 2)
    assert sheet.history.get(action="edit").field == "另列资金来源"


def test_an_api_patch_without_the_sources_keeps_them(api, with_sources):
    response = api.patch(f"/api/sheets/{with_sources.pk}", {"version": 1, "fields": {"name": "新名称"}},
                         content_type="application/json")
    assert response.status_code == 200
    assert Sheet.objects.get(pk=with_sources.pk).budget_sources == STORED


@pytest.mark.parametrize(("sources", "message"), [
    ({"中央补助": "-1"}, "“另列资金来源”“中央补助”：金额应为不小于0的数"),
    ({" ": "1"}, "“另列资金来源”第1项：请填写来源名称"),
    ({"一般公共预算": "1"}, "“另列资金来源”“一般公共预算”：这是财政资金"),
    ({"上年结转": "1", "上年結轉": "2"}, "“另列资金来源”“上年結轉”重复"),
    ({"中央补助": "1.1234567"}, "小数最多6位"),
    ({"中央补助": "1" * 15}, "整数部分最多14位"),
    ({"中" * 101: "1"}, "来源名称最多100个字"),
    ({"中央\x00补助": "1"}, "“另列资金来源”：含有不允许的空字符"),  # the columns' own check, as for every field
])
def test_an_api_patch_of_sources_the_editor_would_refuse_is_refused_naming_the_field(api, with_sources, sources,
                                                                                      message):
    response = api.patch(f"/api/sheets/{with_sources.pk}", {"version": 1, "fields": {"budget_sources": sources}},
                         content_type="application/json")
    assert response.status_code == 400
    assert response.json()["field"] == "budget_sources" and message in response.json()["detail"]
    assert Sheet.objects.get(pk=with_sources.pk).budget_sources == STORED


def test_a_stale_api_patch_of_the_sources_is_a_conflict_listing_the_change(api, org, with_sources):
    sheet_update(user=org["colleague"], sheet_id=with_sources.pk, expected_version=1, fields={"budget_sources": []})
    response = api.patch(f"/api/sheets/{with_sources.pk}",
                         {"version": 1, "fields": {"budget_sources": {"中央补助": "1"}}},
                         content_type="application/json")
    assert response.status_code == 409
    assert [(c["field"], c["new"], c["user"]) for c in response.json()["changes"]] == [("另列资金来源", "", "colleague")]
    assert Sheet.objects.get(pk=with_sources.pk).budget_sources == []


def test_sources_stored_with_the_reading_before_move_to_their_column(org, with_sources):
    from importlib import import_module

    from django.apps import apps
    migration = import_module("jixiao.web.sheets.migrations.0017_sheets_keep_their_budget_sources")
    # as an import stored them before: label → amount as read, in the reading beside what else the reader found
    Sheet.objects.filter(pk=with_sources.pk).update(
        budget_sources=[], reading={"sheet": {}, "document": {}, "budget_sources": {"政府性基金拨款": "118.82",
                                                                                   "上年结转资金": "5"}})
    migration.forwards(apps, None)
    stored = Sheet.objects.get(pk=with_sources.pk)
    # (in the order the reading kept them: PostgreSQL's jsonb had reordered an object's keys, the column keeps them)
    assert dict(stored.budget_sources) == dict(STORED) and "budget_sources" not in stored.reading
    migration.backwards(apps, None)
    assert Sheet.objects.get(pk=with_sources.pk).reading["budget_sources"] == {"政府性基金拨款": "118.82",
                                                                             "上年结转资金": "5.00"}
