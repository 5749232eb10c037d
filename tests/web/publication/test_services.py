"""Publishing, new versions after an adjustment, withdrawal and self-evaluation results: who may, and what it
leaves behind."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from jixiao.web.publication.models import Publication
from jixiao.web.publication.services import evaluation_publish, publication_publish, publication_withdraw
from jixiao.web.sheets.errors import SheetError
from jixiao.web.sheets.services.sheets import sheet_create
from jixiao.web.sheets.services.workflow import sheet_transition
from tests.web.conftest import small_sheet
from tests.web.publication.conftest import SECRETS, approved_sheet, evaluate


@pytest.mark.parametrize("person", ["owner", "colleague", "outsider", "other_reviewer"])
def test_only_the_bureau_publishes(org, person):
    sheet = approved_sheet(org)
    with pytest.raises(PermissionDenied):
        publication_publish(user=org[person], sheet_id=sheet.pk)
    assert not Publication.objects.exists()


@pytest.mark.parametrize("person", ["reviewer", "admin"])
def test_publishing_masks_personal_data_and_is_in_the_history(org, person):
    sheet = approved_sheet(org)
    publication = publication_publish(user=org[person], sheet_id=sheet.pk)
    assert (publication.number, publication.year, publication.unit, publication.grade) == (1, 2026, org["township"], "良")
    stored = str(publication.body.content)
    assert all(secret not in stored for secret in SECRETS) and "〔已隐去〕" in stored
    entry = sheet.history.first()
    assert (entry.action, entry.user) == ("publish", org[person])
    assert entry.new.startswith("第1版（") and entry.new.endswith("批复的版本）")


def test_an_unapproved_sheet_cannot_be_published(org, sheet):
    with pytest.raises(SheetError, match="尚未批复"):
        publication_publish(user=org["reviewer"], sheet_id=sheet.pk)


def test_the_same_approved_version_is_published_once(org, published):
    with pytest.raises(SheetError, match="已于"):
        publication_publish(user=org["reviewer"], sheet_id=published.sheet_id)


def test_an_adjustment_is_published_as_a_new_version_and_the_first_stays(org, published):
    sheet_id = published.sheet_id
    sheet_transition(user=org["owner"], sheet_id=sheet_id, name="adjust", reason="上级追加资金，整治村数增至20个")
    # While the adjustment is under review, the published version does not change.
    published.refresh_from_db()
    assert published.is_current and published.number == 1
    sheet_transition(user=org["owner"], sheet_id=sheet_id, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet_id, name="approve", grade="优")
    second = publication_publish(user=org["reviewer"], sheet_id=sheet_id)
    published.refresh_from_db()
    assert (second.number, second.is_current, second.reason) == (2, True, "上级追加资金，整治村数增至20个")
    assert (published.is_current, published.withdrawn_at) == (False, None)
    assert list(Publication.objects.public().filter(sheet_id=sheet_id).values_list("number", flat=True)) == [2, 1]


def test_publishing_and_withdrawing_are_security_audit_events(org, published):
    from jixiao.web.security.models import AuditEvent
    publication_withdraw(user=org["admin"], sheet_id=published.sheet_id, reason="数据有误")
    events = list(AuditEvent.objects.filter(action__in=["published", "withdrawn"]).order_by("id")
                  .values_list("action", "user__username"))
    assert events == [("published", "reviewer"), ("withdrawn", "admin")]


def test_withdrawing_hides_every_version_and_needs_a_reason(org, published):
    with pytest.raises(SheetError, match="撤回原因"):
        publication_withdraw(user=org["reviewer"], sheet_id=published.sheet_id, reason=" ")
    assert publication_withdraw(user=org["admin"], sheet_id=published.sheet_id, reason="数据有误") == 1
    published.refresh_from_db()
    assert published.withdrawn_at and published.withdrawn_by == org["admin"] and not published.is_current
    assert not Publication.objects.public().exists()
    assert published.sheet.history.first().action == "withdraw"
    # Publishing again after a withdrawal is a new version.
    assert publication_publish(user=org["reviewer"], sheet_id=published.sheet_id).number == 2


def test_results_wait_for_the_end_of_the_year(org, published):
    with pytest.raises(SheetError, match="尚未结束"):
        evaluation_publish(user=org["reviewer"], sheet_id=published.sheet_id)


def test_results_of_an_ended_year_are_published_with_the_table(org, login):
    sheet = approved_sheet(org, year=2025)
    with pytest.raises(SheetError, match="请先公开"):
        evaluation_publish(user=org["reviewer"], sheet_id=sheet.pk)
    publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    with pytest.raises(SheetError, match="自评尚不完整"):
        evaluation_publish(user=org["reviewer"], sheet_id=sheet.pk)
    evaluate(login(org["owner"]), sheet)
    publication = evaluation_publish(user=org["reviewer"], sheet_id=sheet.pk)
    assert publication.body.evaluation["grade"] and publication.evaluation_published_at
    items = {i["name"]: i for i in publication.body.evaluation["items"]}
    assert items["整治村数"]["actual"].startswith("16") and not items["整治村数"]["full_marks"]
    assert sheet.history.first().action == "publish_evaluation"


def test_a_draft_sheet_of_another_year_is_no_publication(org):
    sheet_create(user=org["owner"], unit=org["township"], year=2024, content=small_sheet(), source="test")
    assert not Publication.objects.exists()


def test_an_incomplete_evaluation_refused_says_how_many_reasons_it_leaves_unlisted(org):
    """Five reasons are listed; the refusal of a sheet with eight indicators unevaluated (and no spending) listed five
    as if they were all."""
    from jixiao.model import Indicator
    from jixiao.web.sheets.services.sheets import sheet_create
    from jixiao.web.sheets.services.workflow import sheet_transition
    from tests.web.conftest import small_sheet

    rows = [Indicator.from_cells(level1="产出指标", level2="数量指标", name=f"指标{n}", target="≥1个") for n in range(1, 9)]
    content = small_sheet().model_copy(update={"year": 2025, "indicators": rows})
    sheet = sheet_create(user=org["owner"], unit=org["township"], year=2025, content=content, source="test")
    sheet_transition(user=org["owner"], sheet_id=sheet.pk, name="submit")
    sheet_transition(user=org["reviewer"], sheet_id=sheet.pk, name="approve", grade="良")
    publication_publish(user=org["reviewer"], sheet_id=sheet.pk)
    with pytest.raises(SheetError) as refused:
        evaluation_publish(user=org["reviewer"], sheet_id=sheet.pk)
    reasons = refused.value.message.removeprefix("自评尚不完整，不能公开：").split("；")
    assert len(reasons) == 6 and reasons[-1].startswith("另有 ") and reasons[-1].endswith(" 项")
    assert "缺少全年执行数" in reasons[0] and "第4项指标“指标4”" in reasons[4] and "指标5" not in refused.value.message
    assert reasons[-1] == "另有 4 项"
