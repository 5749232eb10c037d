"""草稿 → 已提交 → 已退回 / 已批复, adjustments, and who may take each step."""

import pytest
from django.db import IntegrityError, transaction

from jixiao.web.sheets.errors import SheetError, WorkflowRefused
from jixiao.web.sheets.models import ReviewRound, Status
from jixiao.web.sheets.services.sheets import sheet_update
from jixiao.web.sheets.services.workflow import sheet_transition


def _post(client, sheet, name, **data):
    # As the page's dialog sends it once answered (without it, an approval is asked about first: test_confirmation).
    return client.post(f"/sheets/{sheet.pk}/transition/{name}/", {**data, "confirmed": "1"})


@pytest.mark.parametrize(("person", "status"), [
    ("owner", Status.SUBMITTED), ("colleague", Status.SUBMITTED), ("admin", Status.SUBMITTED),
    ("reviewer", Status.DRAFT), ("outsider", Status.DRAFT), ("other_reviewer", Status.DRAFT),
])
def test_who_may_submit(org, sheet, login, person, status):
    _post(login(org[person]), sheet, "submit")
    sheet.refresh_from_db()
    assert sheet.status == status


@pytest.mark.parametrize(("person", "name", "status"), [
    ("reviewer", "approve", Status.APPROVED), ("admin", "approve", Status.APPROVED),
    ("reviewer", "return", Status.RETURNED), ("owner", "approve", Status.SUBMITTED),
    ("owner", "return", Status.SUBMITTED), ("other_reviewer", "approve", Status.SUBMITTED),
    ("sibling", "return", Status.SUBMITTED),
])
def test_who_may_decide(org, sheet, login, person, name, status):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    _post(login(org[person]), sheet, name, reason="指标不完整", grade="良")
    sheet.refresh_from_db()
    assert sheet.status == status


def test_full_cycle_with_comment_return_resubmit_and_approval(org, sheet, login):
    owner, reviewer = login(org["owner"]), login(org["reviewer"])
    _post(owner, sheet, "submit")
    indicator = sheet.indicators.first()
    reviewer.post(f"/sheets/{sheet.pk}/comment/", {"indicator": indicator.pk, "text": "请补充时效指标"})
    _post(reviewer, sheet, "return", reason="缺少时效指标")
    sheet.refresh_from_db()
    assert sheet.status == Status.RETURNED
    assert "请补充时效指标" in owner.get(f"/sheets/{sheet.pk}/").content.decode()
    _post(owner, sheet, "submit")
    _post(reviewer, sheet, "approve", grade="良")
    sheet.refresh_from_db()
    assert (sheet.status, sheet.grade) == (Status.APPROVED, "良")
    assert [r.state for r in sheet.reviews.order_by("id")] == ["returned", "approved"]
    assert sheet.approved_versions.count() == 1


def test_return_needs_a_reason_and_approval_a_grade(org, sheet):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    with pytest.raises(WorkflowRefused, match="原因"):
        sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="return")
    with pytest.raises(WorkflowRefused, match="等级"):
        sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="好")


def test_approved_sheet_is_locked_and_changes_through_an_adjustment(org, sheet):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet = sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="优")
    with pytest.raises(SheetError, match="调整"):
        sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=sheet.version, fields={"name": "新"})
    with pytest.raises(WorkflowRefused, match="原因"):
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="adjust")
    sheet = sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="adjust", reason="预算调减")
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=sheet.version,
                         fields={"name": "调整后的项目"})
    sheet = sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    assert sheet.reviews.get(state="open").is_adjustment
    approved = sheet.approved_versions.get()
    assert approved.content["name"] == "乡镇环境治理经费"  # the approved version stays visible


def test_database_refuses_two_open_reviews_of_one_sheet(org, sheet):
    ReviewRound.objects.create(sheet=sheet)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewRound.objects.create(sheet=sheet)


def test_submitting_twice_is_refused(org, sheet):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    with pytest.raises(WorkflowRefused, match="已提交"):
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")


def test_blocking_findings_stop_a_submission_but_not_a_save(org, sheet):
    sheet = sheet_update(user=org["owner"], sheet_id=sheet.pk, expected_version=sheet.version, indicators=[])
    assert sheet.findings.filter(blocking=True).exists()  # saved despite the findings
    with pytest.raises(WorkflowRefused, match="不能提交"):
        sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")


def test_sheet_page_keeps_showing_the_approved_version_during_an_adjustment(org, sheet, login):
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="优")
    client = login(org["owner"])
    client.post(f"/sheets/{sheet.pk}/transition/adjust/", {"reason": "预算调减"})
    page = client.get(f"/sheets/{sheet.pk}/").content.decode()
    assert "已批复版本" in page and "调整中" in page and "预算调减" in page
