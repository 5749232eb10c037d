"""The bureau admin's page of units and people: who may use it, what it creates, what it refuses."""

import pytest
from django.contrib.auth import get_user_model

from jixiao.web.organisation.models import Member, Unit

STRONG = "Strong-Enough-Pass-42"


def new_person(**overrides):
    data = {"action": "member", "member-username": "newbie", "member-first_name": "王会计", "member-role": "preparer",
            "member-password1": STRONG, "member-password2": STRONG}
    data.update(overrides)
    return data


@pytest.mark.parametrize(("person", "status"), [
    ("admin", 200), ("reviewer", 403), ("owner", 403), ("outsider", 403), ("other_reviewer", 403),
])
def test_only_admins_open_the_page(org, login, person, status):
    assert login(org[person]).get("/people/").status_code == status


def test_admin_sees_only_its_bureau(org, login):
    page = login(org["admin"]).get("/people/").content.decode()
    assert "乙乡人民政府" in page and "owner" in page
    assert "丁镇人民政府" not in page and "outsider" not in page


def test_admin_adds_a_unit_under_its_bureau(org, login):
    response = login(org["admin"]).post("/people/", {"action": "unit", "unit-code": "434018", "unit-name": "丙乡人民政府"})
    assert response.status_code == 302
    unit = Unit.objects.get(code="434018")
    assert unit.bureau == org["bureau"] and unit.parent == org["bureau"] and unit.kind == Unit.Kind.UNIT


def test_duplicate_unit_code_is_refused_at_the_field(org, login):
    response = login(org["admin"]).post("/people/", {"action": "unit", "unit-code": "999001", "unit-name": "重复"})
    assert response.status_code == 200 and "单位编码" in response.content.decode()
    assert Unit.objects.filter(code="999001").count() == 1


def test_admin_adds_a_preparer_who_can_log_in(org, login, client):
    township = org["township"]
    response = login(org["admin"]).post("/people/", new_person(**{"member-unit": township.pk}))
    assert response.status_code == 302
    member = Member.objects.get(user__username="newbie")
    assert member.unit == township and member.role == "preparer" and member.user.first_name == "王会计"
    assert client.login(username="newbie", password=STRONG)


def test_weak_password_and_reviewer_outside_a_bureau_are_refused(org, login):
    admin = login(org["admin"])
    weak = admin.post("/people/", new_person(**{"member-unit": org["township"].pk, "member-password1": "123",
                                                 "member-password2": "123"}))
    assert weak.status_code == 200 and "密码" in weak.content.decode()
    misplaced = admin.post("/people/", new_person(**{"member-unit": org["township"].pk, "member-role": "reviewer"}))
    assert "审核人和管理员应属于财政局" in misplaced.content.decode()
    assert not get_user_model().objects.filter(username="newbie").exists()


def test_admin_cannot_place_people_in_another_bureau(org, login):
    response = login(org["admin"]).post("/people/", new_person(**{"member-unit": org["other_unit"].pk}))
    assert response.status_code == 200 and not get_user_model().objects.filter(username="newbie").exists()


def test_admin_stops_and_restores_a_login_in_its_bureau_only(org, login, client):
    admin = login(org["admin"])
    owner = org["owner"].member
    assert admin.post("/people/", {"action": "stop", "member": owner.pk}).status_code == 302
    owner.user.refresh_from_db()
    assert not owner.user.is_active
    admin.post("/people/", {"action": "restore", "member": owner.pk})
    owner.user.refresh_from_db()
    assert owner.user.is_active
    outsider = org["outsider"].member
    assert admin.post("/people/", {"action": "stop", "member": outsider.pk}).status_code == 404
    admin.post("/people/", {"action": "stop", "member": org["admin"].member.pk})
    org["admin"].refresh_from_db()
    assert org["admin"].is_active


def test_a_duplicate_unit_code_gets_a_chinese_sentence(org, login):
    page = login(org["admin"]).post("/people/", {"action": "unit", "unit-code": "999001", "unit-name": "重复"}).content.decode()
    assert "这个单位编码已有单位使用" in page and "具有 单位编码 的 单位 已存在" not in page


def test_the_people_form_puts_help_after_the_input_with_chinese_colons(org, login):
    page = login(org["admin"]).get("/people/").content.decode()
    form = page.split("添加人员")[1]
    assert "登录名：" in form and "登录名:" not in form
    label = form.split('name="member-password1"')[0].rsplit("<label", 1)[1]
    assert "help" not in label  # the password rules come after the input, not between label and input
