"""The editor: saves what changed, messages at the field, live findings via htmx."""

from jixiao.model import Checkpoint
from jixiao.web.sheets.models import Sheet
from jixiao.web.sheets.services.sheets import sheet_create
from tests.web.conftest import small_sheet
from tests.web.sheets.test_history import _form_data


def _open(client, sheet):
    return client.get(f"/sheets/{sheet.pk}/edit/").context


def test_editor_saves_an_indicator_split_into_operator_number_and_unit(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-0-value": "20"})
    response = client.post(f"/sheets/{sheet.pk}/edit/", data)
    assert response.status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).indicators.first().target == "≥20个"


def test_editor_adds_removes_and_reorders_rows(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{
        "ind-TOTAL_FORMS": "3", "ind-0-DELETE": "on", "ind-1-ORDER": "2",
        "ind-2-ORDER": "1", "ind-2-level1": "产出指标", "ind-2-level2": "时效指标", "ind-2-name": "完成时间",
        "ind-2-operator": "≤", "ind-2-value": "12", "ind-2-unit": "月",
    })
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    names = list(Sheet.objects.get(pk=sheet.pk).indicators.values_list("name", "target"))
    assert names == [("完成时间", "≤12月"), ("群众满意度", "≥90%")]


def test_bad_input_gets_a_message_at_the_field_in_the_form_labels(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-0-operator": "", "ind-1-value": "abc"})
    page = client.post(f"/sheets/{sheet.pk}/edit/", data).content.decode()
    assert "指标性质：请选择指标性质" in page
    assert "指标值：输入一个数字" in page
    assert Sheet.objects.get(pk=sheet.pk).version == 1


def test_findings_never_block_saving_a_draft(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-1-value": "120"})  # a 120% satisfaction target
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).findings.filter(data__indicator="群众满意度").exists()


def test_money_and_plan_mistakes_are_findings_not_form_errors(org, sheet, login):
    """预算数 ≠ 财政资金 + 其他资金 is the engine's JX701: the draft saves and the finding is shown, not refused."""
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), budget_fiscal="10")
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    stored = Sheet.objects.get(pk=sheet.pk)
    assert stored.version == 2 and stored.findings.filter(rule="JX701").exists()


def test_a_sheets_own_plan_checkpoints_survive_an_edit(org, login):
    plan = [("第二季度", "40"), ("9月底", "75"), ("12月底", "100")]
    content = small_sheet().model_copy(update={"spend_plan": [Checkpoint(label=when, percent=p) for when, p in plan]})
    own = sheet_create(user=org["owner"], unit=org["township"], year=2026, content=content, source="test")
    client = login(org["owner"])
    data = _form_data(_open(client, own), name="改过的名称")
    assert client.post(f"/sheets/{own.pk}/edit/", data).status_code == 302
    stored = Sheet.objects.get(pk=own.pk)
    assert stored.name == "改过的名称"
    assert [c["label"] for c in stored.spend_plan] == ["第二季度", "9月底", "12月底"]


def test_live_check_returns_findings_for_the_unsaved_form(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-1-value": "100"})
    fragment = client.post(f"/sheets/{sheet.pk}/check/", data, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-swap-oob="true"' in fragment and "<html" not in fragment
    assert "满意度" in fragment  # a 100% satisfaction target is not credible
    assert Sheet.objects.get(pk=sheet.pk).version == 1


def test_saving_unchanged_rows_records_nothing(org, sheet, login):
    """Levels written in another spelling and CRLF line breaks from the browser are not changes."""
    rows = [{"level1": "产出", "level2": "数量", "name": "整治村数", "description": "第一行\n第二行", "target": "≥18个"}]
    client = login(org["owner"])
    from jixiao.web.sheets.services.sheets import sheet_update
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, indicators=rows)
    data = _form_data(_open(client, sheet), **{"ind-0-description": "第一行\r\n第二行"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).version == sheet.version


def test_editor_suggests_indicators_from_approved_sheets_of_the_bureau(org, sheet, login):
    from jixiao.web.sheets.services.workflow import sheet_transition
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="优")
    other = sheet_create(user=org["sibling"], unit=org["sibling_unit"], year=2026, content=small_sheet("另一项目"))
    suggestions = login(org["sibling"]).get(f"/sheets/{other.pk}/edit/").context["suggestions"]
    assert suggestions == {}  # a preparer sees only its own unit's approved sheets
    suggestions = login(org["admin"]).get(f"/sheets/{other.pk}/edit/").context["suggestions"]
    assert suggestions["数量指标"] == [{"name": "整治村数", "target": "≥18个", "uses": 1}]


def test_an_added_indicator_goes_after_its_siblings_in_framework_order_on_the_page_and_in_exports(org, sheet, login):
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{
        "ind-TOTAL_FORMS": "3", "ind-2-ORDER": "3", "ind-2-level1": "产出指标", "ind-2-level2": "时效指标",
        "ind-2-name": "完成时间", "ind-2-operator": "≤", "ind-2-value": "12", "ind-2-unit": "月",
    })
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    names = list(Sheet.objects.get(pk=sheet.pk).indicators.order_by("position").values_list("name", flat=True))
    assert names == ["整治村数", "完成时间", "群众满意度"]
    exported = client.get(f"/sheets/{sheet.pk}/export/json/").json()
    assert [i["name"] for i in exported["sheets"][0]["indicators"]] == names


def test_the_level2_list_follows_the_chosen_level1():
    from jixiao.web.sheets.ordering import level2_choices_by_level1
    allowed = level2_choices_by_level1()
    assert allowed["产出指标"][:3] == ["数量指标", "质量指标", "时效指标"] and "服务对象满意度指标" not in allowed["产出指标"]
    assert allowed["满意度指标"] == ["服务对象满意度指标"] and "经济成本指标" in allowed["成本指标"]


def test_the_editor_page_carries_the_level2_lists_for_its_script(org, sheet, login):
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/edit/").content.decode()
    assert 'id="level2-by-level1"' in page and "jixiao/editor.js" in page


def test_word_and_excel_name_the_levels_as_the_page_does(org, login):
    import io

    import docx
    from openpyxl import load_workbook

    from jixiao.model import Indicator
    content = small_sheet().model_copy(update={"indicators": [
        Indicator.from_cells(level1="效果指标", level2="社会效益指标", name="受益人数", target="≥100人")]})
    stored = sheet_create(user=org["owner"], unit=org["township"], year=2026, content=content, source="test")
    client = login(org["owner"])
    assert "效益指标" in client.get(f"/sheets/{stored.pk}/").content.decode()
    word = docx.Document(io.BytesIO(client.get(f"/sheets/{stored.pk}/export/docx/").content))
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    book = load_workbook(io.BytesIO(client.get(f"/sheets/{stored.pk}/export/xlsx/").content))
    values = {str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v}
    for found in (cells, values):
        assert "效益指标" in found and "效果指标" not in found
    assert client.get(f"/sheets/{stored.pk}/export/json/").json()["sheets"][0]["indicators"][0]["level1_raw"] == "效果指标"


def test_a_post_claiming_endless_rows_is_refused_without_building_them(org, sheet, login):
    """TOTAL_FORMS is the client's word: a post claiming 10²⁰ rows gets a message and builds at most the editor's
    bound of forms (Django's default was 2,000, most of a minute per request)."""
    from jixiao.web.sheets.forms import MAX_INDICATOR_ROWS

    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-TOTAL_FORMS": "99999999999999999999"})
    response = client.post(f"/sheets/{sheet.pk}/edit/", data)
    assert response.status_code == 200 and len(response.context["grid"].forms) <= MAX_INDICATOR_ROWS
    assert f"一张绩效目标表最多 {MAX_INDICATOR_ROWS} 行指标" in response.content.decode()
    assert Sheet.objects.get(pk=sheet.pk).version == 1


def test_a_row_the_form_refuses_is_checked_as_stored_and_the_rows_after_it_keep_their_numbers(org, sheet, login):
    """Row 1 refused (a number without its operator): the live findings and the refused save's page review it as
    stored instead of leaving it out, so 群众满意度 is still 第2行 under its own row and the sheet counts two rows."""
    client = login(org["owner"])
    data = _form_data(_open(client, sheet), **{"ind-0-operator": "", "ind-1-value": "100"})
    for url in (f"/sheets/{sheet.pk}/check/", f"/sheets/{sheet.pk}/edit/"):
        response = client.post(url, data, HTTP_HX_REQUEST="true")
        rows = {index: {f.row for f in items} for index, items in response.context["row_findings"].items()}
        assert rows[1] == {2}, url  # the 100% satisfaction target, under its own row and numbered as shown
        page = response.content.decode()
        assert "第2行“群众满意度”" in page and "第1行“群众满意度”" not in page
        assert "第1行按已保存的内容检查" in page
    assert Sheet.objects.get(pk=sheet.pk).version == 1
