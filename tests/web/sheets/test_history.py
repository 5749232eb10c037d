"""Every change recorded; a stale save refused with what changed."""

from decimal import Decimal

import pytest

from jixiao.web.sheets.errors import StaleSheet
from jixiao.web.sheets.services.sheets import sheet_update


def test_each_changed_field_is_recorded_with_old_and_new(org, sheet):
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1,
                         fields={"budget_total": Decimal("20.00"), "budget_fiscal": Decimal("20.00"),
                                 "name": sheet.name})
    entries = {(e.field, e.old, e.new, e.user.username, e.version) for e in sheet.history.filter(action="edit")}
    assert entries == {("预算数", "18.00", "20.00", "owner", 2), ("其中：财政资金", "18.00", "20.00", "owner", 2)}


def test_indicator_cell_changes_name_the_row_and_column(org, sheet):
    rows = [{"level1": r.level1, "level2": r.level2, "name": r.name, "target": r.target} for r in sheet.indicators.all()]
    rows[0]["target"] = "≥20个"
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, indicators=rows)
    entry = sheet.history.get(action="edit")
    assert (entry.field, entry.old, entry.new) == ("第1行 指标值", "≥18个", "≥20个")


def test_saving_nothing_changed_records_nothing(org, sheet):
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": sheet.name})
    assert sheet.version == 1 and not sheet.history.filter(action="edit").exists()


def test_second_of_two_concurrent_saves_is_refused_with_the_changes(org, sheet):
    sheet_update(user=org["colleague"], sheet_id=sheet.pk, expected_version=1, fields={"name": "同事改的名称"})
    with pytest.raises(StaleSheet) as refused:
        sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": "我改的名称"})
    assert refused.value.current_version == 2
    assert [(e.field, e.new, e.user.username) for e in refused.value.changes] == [("项目名称", "同事改的名称", "colleague")]
    sheet.refresh_from_db()
    assert sheet.name == "同事改的名称"


def test_stale_save_in_the_editor_shows_what_changed(org, sheet, login):
    client = login(org["owner"])
    form = client.get(f"/sheets/{sheet.pk}/edit/").context
    sheet_update(user=org["colleague"], sheet_id=sheet.pk, expected_version=1, fields={"purpose": "同事改的用途"})
    data = _form_data(form, name="我改的名称")
    page = client.post(f"/sheets/{sheet.pk}/edit/", data).content.decode()
    assert "已被他人修改" in page and "同事改的用途" in page


def _form_data(context, **overrides):
    """The editor's form as a browser would post it back."""
    data = {}
    formsets = (context["grid"], context["sources"], context["period_sources"])
    for form in [context["form"], *(form for formset in formsets for form in formset.forms)]:
        for field in form:
            value = field.value()
            data[field.html_name] = "" if value is None else value
    for formset in formsets:
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = value
    data.update(overrides)
    return data


def test_a_conflict_between_two_tabs_of_the_same_person_says_so(org, sheet):
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": "另一个标签页改的名称"})
    with pytest.raises(StaleSheet) as refused:
        sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": "这个标签页的名称"})
    assert "您在另一个窗口或标签页中已经保存过这张表" in refused.value.message and "他人" not in refused.value.message


def test_history_names_people_by_their_name(org, sheet, login):
    org["owner"].first_name = "王会计"
    org["owner"].save()
    sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=1, fields={"name": "新名称"})
    page = login(org["reviewer"]).get(f"/sheets/{sheet.pk}/").content.decode()
    history = page.split("修改记录")[1]
    assert "王会计" in history and ">owner<" not in history


def test_the_return_is_stamped_with_its_own_time(org, sheet, login):
    from datetime import timedelta

    from jixiao.web.sheets.models import ReviewRound
    from jixiao.web.sheets.services.workflow import sheet_transition
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    round_ = ReviewRound.objects.get(sheet=sheet)
    ReviewRound.objects.filter(pk=round_.pk).update(submitted_at=round_.submitted_at - timedelta(days=3))
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="return", reason="请补充时效指标")
    round_.refresh_from_db()
    page = login(org["owner"]).get(f"/sheets/{sheet.pk}/").content.decode()
    from django.utils import timezone
    decided = timezone.localtime(round_.decided_at).strftime("%m-%d %H:%M")
    submitted = timezone.localtime(round_.submitted_at).strftime("%m-%d %H:%M")
    returned = page.split('class="review-decided"')[1].split("</li>")[0]
    assert decided in returned and "退回" in returned and "请补充时效指标" in returned and submitted not in returned
