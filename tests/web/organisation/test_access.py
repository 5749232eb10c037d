"""Who sees and edits which unit."""

import pytest
from django.test import Client

from jixiao.web.organisation.selectors import can_edit_unit, can_review_unit, member_get, units_visible
from tests.web.conftest import PASSWORD


@pytest.mark.parametrize(("person", "visible"), [
    ("owner", {"434016"}), ("colleague", {"434016"}), ("sibling", {"434017"}), ("outsider", {"999001"}),
    ("reviewer", {"434016", "434017"}), ("admin", {"434016", "434017"}), ("other_reviewer", {"999001"}),
])
def test_units_visible_follow_role_and_bureau(org, person, visible):
    assert set(units_visible(member_get(org[person])).values_list("code", flat=True)) == visible


@pytest.mark.parametrize(("person", "edit", "review"), [
    ("owner", True, False), ("colleague", True, False), ("sibling", False, False), ("outsider", False, False),
    ("reviewer", False, True), ("admin", True, True), ("other_reviewer", False, False),
])
def test_edit_and_review_rights_on_the_township(org, person, edit, review):
    member = member_get(org[person])
    assert can_edit_unit(member, org["township"].pk) is edit
    assert can_review_unit(member, org["township"].pk) is review


def test_login_logout_and_password_change(org):
    client = Client()
    assert client.get("/sheets/").status_code == 302
    assert client.post("/login/", {"username": "owner", "password": "wrong"}).status_code == 200
    assert client.post("/login/", {"username": "owner", "password": PASSWORD}).status_code == 302
    weak = client.post("/password/", {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"})
    assert "密码" in weak.content.decode() and weak.status_code == 200  # refused by the validators
    strong = "Another-Strong-Pass-9"
    changed = client.post("/password/", {"old_password": PASSWORD, "new_password1": strong, "new_password2": strong})
    assert changed.status_code == 302
    client.post("/logout/")
    assert client.get("/sheets/").status_code == 302
    assert Client().post("/login/", {"username": "owner", "password": strong}).status_code == 302
