"""Every page × every role: allowed or refused as designed."""

import pytest

from jixiao.web.sheets.services.sheets import sheet_create
from tests.web.conftest import small_sheet
from tests.web.sheets.test_other_cells import _import

READERS = {"owner": 200, "colleague": 200, "reviewer": 200, "admin": 200, "sibling": 404, "outsider": 404,
           "other_reviewer": 404}


@pytest.mark.parametrize(("person", "status"), READERS.items())
@pytest.mark.parametrize("page", ["/sheets/{pk}/", "/sheets/{pk}/export/json/"])
def test_sheet_pages_only_for_its_unit_and_bureau(org, sheet, login, person, status, page):
    assert login(org[person]).get(page.format(pk=sheet.pk)).status_code == status


@pytest.mark.parametrize(("person", "status"), [
    ("owner", 200), ("colleague", 200), ("admin", 200), ("reviewer", 403), ("sibling", 404), ("outsider", 404),
])
def test_editor_only_for_editors(org, sheet, login, person, status):
    assert login(org[person]).get(f"/sheets/{sheet.pk}/edit/").status_code == status


@pytest.mark.parametrize(("person", "listed"), [
    ("owner", True), ("reviewer", True), ("admin", True), ("sibling", False), ("outsider", False),
    ("other_reviewer", False),
])
def test_list_shows_only_visible_sheets(org, sheet, login, person, listed):
    page = login(org[person]).get("/sheets/", {"year": 2026}).content.decode()
    assert (sheet.name in page) is listed


def test_list_filters_by_findings_amount_and_search(org, sheet, login):
    client = login(org["owner"])
    assert sheet.name in client.get("/sheets/", {"year": 2026, "q": "环境"}).content.decode()
    assert sheet.name not in client.get("/sheets/", {"year": 2026, "q": "维稳"}).content.decode()
    assert sheet.name not in client.get("/sheets/", {"year": 2026, "min": "100"}).content.decode()
    assert sheet.name in client.get("/sheets/", {"year": 2026, "max": "18"}).content.decode()


def test_the_amount_filter_is_in_wan_yuan_for_sheets_printed_in_yuan(org, login):
    # 003 prints its budgets in 元: 村组干部报酬 3,309,840.00 元 (330.984 万元), 基层组织活动经费 660,000.00 元 (66 万元)
    _import(org, "003_")
    client = login(org["owner"])
    over = client.get("/sheets/", {"year": 2023, "min": "100"}).content.decode()
    under = client.get("/sheets/", {"year": 2023, "max": "100"}).content.decode()
    assert "村组干部报酬" in over and "基层组织活动经费" not in over and "预算数（万元）" in over
    assert "基层组织活动经费" in under and "村组干部报酬" not in under
    exact = client.get("/sheets/", {"year": 2023, "min": "330.984", "max": "330.984"}).content.decode()
    assert "村组干部报酬" in exact


def test_list_filters_by_an_amount_with_the_places_budgets_keep(org, sheet, login):
    """Budgets keep six places (153.5184 万元 is printed on real tables): so does the filter, without rounding."""
    client = login(org["owner"])
    assert sheet.name in client.get("/sheets/", {"year": 2026, "max": "18.000001"}).content.decode()
    assert sheet.name not in client.get("/sheets/", {"year": 2026, "max": "17.999999"}).content.decode()
    assert sheet.name not in client.get("/sheets/", {"year": 2026, "min": "18.0001"}).content.decode()


@pytest.mark.parametrize(("title", "heading"), [
    ("", "2026年度乡镇环境治理经费绩效目标表"),
    ("雨露计划绩效目标申报表", "雨露计划绩效目标申报表"),  # corpus 200: a form's title, printed as it is
    ("项目支出绩效自评表", "项目支出绩效自评表"),
])
def test_the_paper_form_is_headed_like_the_exported_file(org, sheet, login, title, heading):
    sheet.title = title
    sheet.save(update_fields=["title"])
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert f'<h2 class="paper-title">{heading}</h2>' in page


def test_sheet_page_renders_the_paper_form_with_findings_and_history(org, sheet, login):
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    for text in ("项目编码", "预算规模", "资金支出计划", "一级指标", "指标值确定依据", "整治村数", "修改记录", "审核发现"):
        assert text in page


@pytest.mark.parametrize(("person", "status"), [("reviewer", 200), ("admin", 200), ("owner", 403),
                                                ("outsider", 403)])
def test_dashboard_for_bureau_staff_only(org, sheet, login, person, status):
    assert login(org[person]).get("/sheets/dashboard/", {"year": 2026}).status_code == status


def test_dashboard_names_units_that_have_not_submitted(org, sheet, login):
    page = login(org["reviewer"]).get("/sheets/dashboard/", {"year": 2026}).content.decode()
    assert "乙乡人民政府" in page and "尚未全部提交的单位" in page


def test_dashboard_counts_sheets_not_units(org, sheet, login):
    # the township has four drafts and one submitted sheet: it is not done, and the dashboard says how many are open
    from jixiao.web.sheets.services.workflow import sheet_transition
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    for n in range(4):
        sheet_create(user=org["owner"], unit=org["township"], year=2026,
                     content=small_sheet().model_copy(update={"code": f"P-10{n}"}), source="test")
    response = login(org["reviewer"]).get("/sheets/dashboard/", {"year": 2026})
    listed = {r["unit"].name: r for r in response.context["not_submitted"]}
    assert listed["遵化市西留村乡人民政府"]["draft"] == 4 and listed["遵化市西留村乡人民政府"]["total"] == 5
    page = response.content.decode()
    assert "4 张未提交（草稿 4 张），共 5 张" in page and "全部单位的绩效目标表都已提交" not in page


@pytest.mark.parametrize(("person", "allowed"), [("owner", True), ("colleague", True), ("reviewer", False),
                                                 ("outsider", False)])
def test_delete_and_restore(org, sheet, login, person, allowed):
    client = login(org[person])
    client.post(f"/sheets/{sheet.pk}/delete/", {"confirmed": "1"})
    sheet.refresh_from_db()
    assert (sheet.deleted_at is not None) is allowed
    if allowed:
        assert client.get(f"/sheets/{sheet.pk}/").status_code == 200  # still readable, marked deleted
        assert sheet.name in client.get("/sheets/", {"year": 2026, "deleted": "1"}).content.decode()
        client.post(f"/sheets/{sheet.pk}/restore/")
        sheet.refresh_from_db()
        assert sheet.deleted_at is None
        assert list(sheet.history.values_list("action", flat=True)[:2]) == ["restore", "delete"]


def test_the_approval_box_preselects_no_grade_and_asks_before_approving(org, sheet, login):
    from jixiao.web.sheets.services.workflow import sheet_transition
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    client = login(org["reviewer"])
    page = client.get(f"/sheets/{sheet.pk}/").content.decode()
    box = page.split('name="grade"')[1].split("</select>")[0]
    assert '<option value="" selected>—请选择—</option>' in box and box.count("selected") == 1
    assert "满分 100 分" in page and "系统建议：" in page
    assert 'data-confirm="批复后表格锁定' in page and "jixiao/forms.js" in page
    refused = client.post(f"/sheets/{sheet.pk}/transition/approve/", {"grade": ""}, follow=True)
    assert "请选择审核等级" in refused.content.decode()
    sheet.refresh_from_db()
    assert sheet.status == "submitted"


def test_submitting_a_sheet_with_errors_asks_first(org, sheet, login):
    from jixiao.web.sheets.models import Sheet
    Sheet.objects.filter(pk=sheet.pk).update(error_count=2)
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert 'data-confirm="这张表还有 2 项错误' in page
    Sheet.objects.filter(pk=sheet.pk).update(error_count=0)
    assert "data-confirm=\"这张表还有" not in login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()


def test_the_dashboards_chart_tells_apart_a_rule_seen_at_two_severities(org, login):
    # 003 and 121 draw JX001 as 错误, 警告 and 提示 (and JX107 as 错误 and 警告): three bars all read
    # “JX001 文档读取问题”
    _import(org, "003_")
    _import(org, "121_")
    chart = login(org["reviewer"]).get("/sheets/dashboard/", {"year": 2023}).context["chart"]
    assert len(set(chart["rules"])) == len(chart["rules"])
    assert {"JX001 文档读取问题（错误）", "JX001 文档读取问题（提示）"} <= set(chart["rules"])


@pytest.mark.parametrize(("moves", "said", "not_said"), [
    ((), "不影响保存", "审核期间不能修改"),
    (("submit",), "表已提交，审核期间不能修改", "不影响保存"),
    (("submit", "return"), "表已退回，可修改保存后重新提交", "审核期间不能修改"),
    (("submit", "approve"), "表已批复并锁定，须“申请调整”后才能修改", "不影响保存"),
])
def test_the_findings_say_what_they_mean_in_the_sheets_state(org, sheet, login, moves, said, not_said):
    """Only a draft or a returned sheet is saved at all: a submitted or approved one is not told its findings do not
    stop a save."""
    from jixiao.web.sheets.services.workflow import sheet_transition
    for name in moves:
        by = "owner" if name == "submit" else "reviewer"
        sheet_transition(user=org[by], sheet_id=sheet.pk, name=name, reason="指标不全", grade="良")
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    note = page.split('<section class="card findings">')[1].split("</p>")[0]
    assert said in note and not_said not in note
    assert "草稿阶段" not in page
