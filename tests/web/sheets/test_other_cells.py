"""Every cell of an imported indicator row is kept: the form's unit column (度量单位/计量单位) and its other
columns (备注, 评分标准 …), and what the reader understood of the row, so that the web reviews a stored sheet as
``jixiao check`` reviews the file, an edit keeps the cells it did not change, and the API, the JSON export, the
page and the published table carry them."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from benchmarks.corpus_score import document_bytes, load_manifest
from jixiao.documents import read_bytes
from jixiao.model import Document
from jixiao.web.organisation.services import token_create
from jixiao.web.publication.services import publication_publish
from jixiao.web.sheets.conversion import INDICATOR_CELLS, goal_sheet
from jixiao.web.sheets.models import HistoryEntry, Sheet
from jixiao.web.sheets.services.exports import export_sheets
from jixiao.web.sheets.services.imports import import_confirm, import_preview, sheets_import
from jixiao.web.sheets.services.review import check_document
from jixiao.web.sheets.services.sheets import sheet_update
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.office_cells import FORMULA_LINK, FORMULA_TITLE, assert_written_as_text
from tests.web.publication.conftest import PERSONAL, SECRETS
from tests.web.sheets.test_history import _form_data

# 118: a unit column (計量單位) whose cell beside 28.8萬元 says % (JX310), an 评分标准 column, Traditional level
# names. 003: two sheets whose bare values (95) take their unit from the unit column.
UNIT_COLUMN_DOCUMENTS = ("118_", "003_")
AMOUNT = "業務工作支出安排金額"  # 118's row whose unit column contradicts its value (names are kept as written)


def _read(stem: str) -> tuple[str, bytes, Document]:
    entry = next(e for e in load_manifest() if e.split == "dev" and e.path.name.startswith(stem))
    data = document_bytes(entry.path)
    return entry.path.name, data, read_bytes(data, entry.path.name)


def _import(org, stem: str, year: int = 2023) -> tuple[Document, list[Sheet]]:
    name, data, document = _read(stem)
    sheets = sheets_import(user=org["owner"], unit=org["township"], year=year, accept_year=True, accept_unit=True,
                           files=[(name, data)])
    return document, sheets


def _row_findings(findings, rows) -> list[tuple]:
    """The findings about an indicator as (rule, severity, row, message), ``rows`` mapping the finding's row to
    the stored position (the reader numbers the rows of the file's grid, the web its indicators 1, 2, …)."""
    return sorted((f.rule, f.severity, rows[f.row], f.message) for f in findings if f.row is not None)


def _amount_row(sheet: Sheet):
    return sheet.indicators.get(name=AMOUNT)


def test_an_imported_row_keeps_its_unit_column_and_other_cells(org):
    document, [sheet] = _import(org, "118_")
    read = next(i for i in document.sheets[0].indicators if i.name == AMOUNT)
    row = _amount_row(sheet)
    assert row.unit_column == "%" and row.target == "28.8萬元"
    assert row.extra == [[heading, text] for heading, text in read.extra.items()] and len(row.extra) == 2
    content = goal_sheet(sheet).indicators[row.position - 1]
    assert (content.extra, content.unit_column, content.unit_column_raw) == (read.extra, "%", "%")


@pytest.mark.parametrize("stem", UNIT_COLUMN_DOCUMENTS)
def test_the_findings_about_the_rows_are_those_jixiao_check_reports(org, stem):
    # (the findings about the sheet as a whole, the reader's notes among them: test_reading_notes)
    document, sheets = _import(org, stem)
    for read, outcome, sheet in zip(document.sheets, check_document(document), sheets, strict=True):
        rows = {indicator.row: position for position, indicator in enumerate(read.indicators, start=1)}
        stored = [f for f in sheet.findings.all()]
        assert _row_findings(outcome.findings, rows) == sorted(
            (r.rule, r.severity, r.row, r.data["message"]) for r in stored if r.row is not None)
    if stem == "118_":
        assert sheets[0].findings.filter(rule="JX310", row=_amount_row(sheets[0]).position).exists()


def test_an_edit_in_the_editor_keeps_the_cells_it_has_no_field_for(org, login):
    _, [sheet] = _import(org, "118_")
    before = {row.position: (row.unit_column, row.extra, row.weight, row.direction) for row in sheet.indicators.all()}
    client = login(org["owner"])
    page = client.get(f"/sheets/{sheet.pk}/edit/")
    assert "未達指標值酌情扣分" in page.content.decode()  # shown under the row (the converter's pinyin glosses dropped)
    position = _amount_row(sheet).position
    data = _form_data(page.context, **{f"ind-{position - 1}-description": "改写的描述"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    sheet.refresh_from_db()
    after = {row.position: (row.unit_column, row.extra, row.weight, row.direction) for row in sheet.indicators.all()}
    assert after == before and _amount_row(sheet).description == "改写的描述"
    assert list(sheet.history.filter(action="edit").values_list("field", flat=True)) == [f"第{position}行 绩效指标描述"]
    assert sheet.findings.filter(rule="JX310", row=position).exists()


def test_a_row_moved_in_the_editor_takes_its_other_cells_along(org, login):
    _, [sheet] = _import(org, "118_")
    rows = list(sheet.indicators.all())
    client = login(org["owner"])
    # the first row goes to the bottom
    data = _form_data(client.get(f"/sheets/{sheet.pk}/edit/").context,
                      **{f"ind-{i}-ORDER": str(i if i else len(rows)) for i in range(len(rows))})
    assert client.post(f"/sheets/{sheet.pk}/edit/", data).status_code == 302
    moved = list(Sheet.objects.get(pk=sheet.pk).indicators.all())
    assert [(r.name, r.unit_column, r.extra) for r in moved] == [
        (r.name, r.unit_column, r.extra) for r in rows[1:] + rows[:1]]


def test_changing_the_other_cells_through_the_api_is_in_the_history(org):
    _, [sheet] = _import(org, "118_")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}")
    body = client.get(f"/api/sheets/{sheet.pk}").json()
    indicators = body["content"]["indicators"]
    amount = next(i for i in indicators if i["name"] == AMOUNT)
    assert amount["unit_column_raw"] == "%" and amount["extra"]["計量單位"] == "%"
    # rows sent with their official cells only keep their unit column and other cells
    cells = [{name: getattr(row, name) for name in INDICATOR_CELLS} for row in sheet.indicators.all()]
    position = _amount_row(sheet).position
    cells[position - 1] = {**cells[position - 1], "unit_column": "万元", "extra": {"备注": "按季度核对"}}
    patched = client.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "indicators": cells},
                           content_type="application/json")
    assert patched.status_code == 200, patched.content
    stored = {row.position: (row.unit_column, row.extra) for row in Sheet.objects.get(pk=sheet.pk).indicators.all()}
    assert stored[position] == ("万元", [["备注", "按季度核对"]])
    assert all(stored[p][0] for p in stored if p != position)  # the other rows kept theirs
    entries = dict(HistoryEntry.objects.filter(sheet=sheet, action="edit").values_list("field", "new"))
    assert entries == {f"第{position}行 计量单位栏": "万元", f"第{position}行 其他栏": "备注：按季度核对"}
    assert not Sheet.objects.get(pk=sheet.pk).findings.filter(rule="JX310").exists()  # 万元 agrees with 28.8萬元


def test_the_json_export_carries_the_other_cells(org):
    document, [sheet] = _import(org, "118_")
    exported = Document.model_validate(json.loads(export_sheets([sheet], "json")))
    assert [(i.unit_column_raw, i.extra) for i in exported.sheets[0].indicators] == [
        (i.unit_column_raw, i.extra) for i in document.sheets[0].indicators]


def test_a_preview_confirmed_keeps_the_other_columns_in_the_forms_order(org):
    name, data, document = _read("118_")
    pending, _ = import_preview(user=org["owner"], unit=org["township"], year=2023, files=[(name, data)])
    [sheet] = import_confirm(user=org["owner"], pending_id=pending.pk, accept_year=True, accept_unit=True)
    assert [list(map(tuple, row.extra)) for row in sheet.indicators.all()] == [
        list(i.extra.items()) for i in document.sheets[0].indicators]


def test_the_page_shows_the_other_cells_escaped(org, login):
    _, [sheet] = _import(org, "118_")
    row = _amount_row(sheet)
    row.extra = [["备注", "<b>核对</b>"]]
    row.save()
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "计量单位：%" in page and "备注：&lt;b&gt;核对&lt;/b&gt;" in page and "<b>核对</b>" not in page


def test_published_other_cells_are_masked(org):
    _, [sheet] = _import(org, "118_", year=2026)
    row = _amount_row(sheet)
    row.extra = [["联系人：赵六", PERSONAL]]
    row.save()
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": "价格认证业务经费"})
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    publication = publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    stored = json.dumps(publication.body.content, ensure_ascii=False)
    assert all(secret not in stored for secret in SECRETS) and "〔已隐去〕" in stored
    page = Client().get(f"/public/table/{publication.pk}/").content.decode()
    assert "联系人：〔已隐去〕" in page and all(secret not in page for secret in SECRETS)


def test_the_columns_the_reader_found_hold_a_value_stay_so_while_their_cells_stand(org):
    # 135: 项目资金管理要求's 标准值 is empty, its value columns (目标值, 目标完成值, 评价指标值) hold words
    document, [sheet] = _import(org, "135_")
    read = next(i for i in document.sheets[0].indicators if i.name == "项目资金管理要求")
    row = sheet.indicators.get(name=read.name)
    assert read.value_columns == ["目标值", "目标完成值", "评价指标值"]
    assert goal_sheet(sheet).indicators[row.position - 1].value_columns == read.value_columns
    # an edit of an official cell reads the row again: the columns the reader found keep their role
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, indicators=[
        {name: getattr(r, name) for name in INDICATOR_CELLS} | ({"description": "专账核算"} if r.pk == row.pk else {})
        for r in sheet.indicators.all()])
    assert goal_sheet(sheet).indicators[row.position - 1].value_columns == read.value_columns
    # cells no longer under a heading the reader knew are no value of the row
    row.refresh_from_db()
    row.extra = [["评价指标值", "项目资金管理要求"], ["备注", "专账核算"]]
    row.save()
    assert goal_sheet(sheet).indicators[row.position - 1].value_columns == ["评价指标值"]


# 003's rows: 指标性质 | 指标值 | 度量单位 in columns of their own (≥ | 230 | 个)
COUNTED = "村组干部230人"


def test_a_value_edited_in_the_editor_is_read_with_its_operator_and_unit_columns_as_jixiao_check_reads_it(org, login):
    name, data, _ = _read("003_")
    _, [sheet, _other] = _import(org, "003_")
    row = sheet.indicators.get(name=COUNTED)
    assert (row.operator_column, row.target, row.unit_column) == ("≥", "230", "个")
    client = login(org["owner"])
    page = client.get(f"/sheets/{sheet.pk}/edit/")
    assert "指标性质：≥" in page.content.decode()  # shown under the row
    posted = _form_data(page.context, **{f"ind-{row.position - 1}-value": "240"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", posted).status_code == 302
    row.refresh_from_db()
    assert (row.operator_column, row.target, row.unit_column) == ("≥", "240", "个")
    assert list(sheet.history.filter(action="edit").values_list("field", flat=True)) == [f"第{row.position}行 指标值"]
    # the file with that cell changed, as jixiao check reads it
    edited = read_bytes(data.replace("| ≥ | 230 | 个 |".encode(), "| ≥ | 240 | 个 |".encode(), 1), name)
    read = next(i for i in edited.sheets[0].indicators if i.name == COUNTED)
    stored = goal_sheet(Sheet.objects.get(pk=sheet.pk)).indicators[row.position - 1]
    assert stored.target == read.target and stored.target.operator is not None
    assert (stored.operator_column_raw, stored.unit_column_raw) == ("≥", "个")


def test_an_operator_column_changed_through_the_api_is_read_and_recorded(org):
    _, [sheet, _other] = _import(org, "003_")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token_create(user=org['owner'])}")
    cells = [{name: getattr(row, name) for name in INDICATOR_CELLS} for row in sheet.indicators.all()]
    position = sheet.indicators.get(name=COUNTED).position
    cells[position - 1]["operator_column"] = "≤"
    patched = client.patch(f"/api/sheets/{sheet.pk}", {"version": 1, "indicators": cells},
                           content_type="application/json")
    assert patched.status_code == 200, patched.content
    content = Sheet.objects.get(pk=sheet.pk)
    assert [r.operator_column for r in content.indicators.all()] == ["≤" if r.position == position else "≥"
                                                                     for r in content.indicators.all()]
    target = goal_sheet(content).indicators[position - 1].target
    assert (target.operator.value, target.value, target.unit, target.raw) == ("≤", 230, "个", "230")
    entries = dict(HistoryEntry.objects.filter(sheet=sheet, action="edit").values_list("field", "old"))
    assert entries == {f"第{position}行 指标性质栏": "≥"}


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
@pytest.mark.parametrize("stem", UNIT_COLUMN_DOCUMENTS)
def test_the_office_exports_carry_every_cell_of_the_rows(org, login, stem, fmt):
    # after the official columns: the operator and unit columns beside the value, the other columns under their
    # headings; read back, each row has the cells the stored one has
    _, sheets = _import(org, stem)
    client = login(org["owner"])
    for sheet in sheets:
        response = client.get(f"/sheets/{sheet.pk}/export/{fmt}/")
        assert response.status_code == 200
        [back] = read_bytes(response.content, f"export.{fmt}").sheets
        stored = goal_sheet(sheet).indicators
        assert [(i.target.raw, i.operator_column_raw, i.unit_column_raw, i.extra) for i in back.indicators] == [
            (i.target.raw, i.operator_column_raw, i.unit_column_raw, i.extra) for i in stored]
        assert any(i.extra for i in stored) or any(i.operator_column_raw for i in stored)


def test_other_cells_written_like_formulas_are_text_in_the_workbook(org, login):
    _, [sheet] = _import(org, "118_")
    row = _amount_row(sheet)
    row.extra = [*row.extra, [FORMULA_TITLE, FORMULA_LINK]]
    row.save()
    response = login(org["owner"]).get(f"/sheets/{sheet.pk}/export/xlsx/")
    assert response.status_code == 200
    assert_written_as_text(response.content, FORMULA_TITLE, FORMULA_LINK)


def test_an_operator_chosen_in_the_editor_goes_into_the_forms_operator_column(org, login):
    # the editor's 指标性质 field on a row that has the form's own column: the choice is written there, once
    _, [sheet, _other] = _import(org, "003_")
    row = sheet.indicators.get(name=COUNTED)
    client = login(org["owner"])
    posted = _form_data(client.get(f"/sheets/{sheet.pk}/edit/").context, **{
        f"ind-{row.position - 1}-operator": "≤", f"ind-{row.position - 1}-value": "240"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", posted).status_code == 302
    row.refresh_from_db()
    assert (row.operator_column, row.target, row.unit_column) == ("≤", "240", "个")
    target = goal_sheet(Sheet.objects.get(pk=sheet.pk)).indicators[row.position - 1].target
    assert (target.operator.value, target.value, target.unit, target.raw) == ("≤", 240, "个", "240")


def test_the_page_shows_the_weight_and_direction_a_row_was_read_with(org, login):
    # 003: every row has a 权重 (10, 20) and a 指标方向性 (正向指标) column; the rule on weights adding up to 100 judges
    # them, so the preparer must see them (they are kept when the row is edited)
    _, sheets = _import(org, "003_")
    sheet = next(s for s in sheets if s.name == "村组干部报酬")
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    start = page.index('id="row-2"')
    row = page[start:page.index('id="row-3"', start)]  # 维持时效: ≥1年, 权重 20
    assert "权重：20" in row and "指标方向性：正向指标" in row
    edit = login(org["owner"]).get(f"/sheets/{sheet.pk}/edit/").content.decode()
    assert "权重：20" in edit


def test_a_target_joined_from_the_forms_operator_and_unit_columns_is_edited_in_them(org, login):
    # corpus 003 writes ≥ | 230 | 个 in its 指标性质, 指标值 and 计量单位 columns: the editor showed the value alone
    # as a qualitative text (230), and a preparer's ≥230人 left the 计量单位 column saying 个.
    _, sheets = _import(org, "003_")
    sheet = next(s for s in sheets if s.indicators.filter(name="村组干部230人").exists())
    row = sheet.indicators.get(name="村组干部230人")
    assert (row.operator_column, row.target, row.unit_column) == ("≥", "230", "个")
    client = login(org["owner"])
    page = client.get(f"/sheets/{sheet.pk}/edit/")
    form = page.context["grid"].forms[row.position - 1]
    assert (form["operator"].value(), form["value"].value(), form["unit"].value(), form["text"].value()) == (
        "≥", 230, "个", "")
    unchanged = _form_data(page.context)
    assert client.post(f"/sheets/{sheet.pk}/edit/", unchanged).status_code == 302
    assert Sheet.objects.get(pk=sheet.pk).version == sheet.version  # nothing changed, nothing recorded
    edited = _form_data(page.context, **{f"ind-{row.position - 1}-unit": "人"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", edited).status_code == 302
    row = Sheet.objects.get(pk=sheet.pk).indicators.get(name="村组干部230人")
    assert (row.operator_column, row.target, row.unit_column) == ("≥", "230", "人")
    assert str(goal_sheet(row.sheet).indicators[row.position - 1].target.display()) == "≥230人"
    # made qualitative: the columns are emptied with it (they kept ≥ and 人, and the row read as ≥良好人)
    page = client.get(f"/sheets/{sheet.pk}/edit/")
    qualitative = _form_data(page.context, **{f"ind-{row.position - 1}-operator": "", f"ind-{row.position - 1}-value": "",
                                              f"ind-{row.position - 1}-unit": "", f"ind-{row.position - 1}-text": "良好"})
    assert client.post(f"/sheets/{sheet.pk}/edit/", qualitative).status_code == 302
    row = Sheet.objects.get(pk=sheet.pk).indicators.get(name="村组干部230人")
    assert (row.operator_column, row.target, row.unit_column) == ("", "良好", "")
    assert goal_sheet(row.sheet).indicators[row.position - 1].target.raw == "良好"


def test_the_sheet_page_says_how_its_score_became_the_suggested_grade(org, login):
    # corpus 003's 基层组织活动经费 scores 78 yet is suggested 中: an error caps it. The page showed “中（78 分）” alone.
    _, sheets = _import(org, "003_")
    sheet = next(s for s in sheets if s.name == "基层组织活动经费")
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert "（78 分，满分 100 分）" in page
    assert ("建议等级的计算：100 − JX905×1（10） − JX912×3（9） − JX921×1（3） = 78 → 中（因 JX905 最高评为中）</p>"
            in page)


def test_a_sheet_whose_indicators_were_not_read_is_shown_without_a_grade_and_says_why(org, login):
    # corpus 121's 日常办公设备购买和运行维护: no indicator grid read, so nothing was reviewed; it was suggested 良
    _, sheets = _import(org, "121_")
    sheet = next(s for s in sheets if s.name == "日常办公设备购买和运行维护")
    assert (sheet.suggested_grade, sheet.score) == ("", None)
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    assert '<strong class="grade" id="suggested-grade">—</strong>' in page
    assert ">没有读到这张表的绩效指标，无从审核，未评等级<" in page
