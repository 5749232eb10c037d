"""Separation of duties (三员分立, ``JIXIAO_SEPARATE_DUTIES``): the 系统管理员 keeps the units, the 安全管理员
manages people and roles, the 审计管理员 reads the audit log; without the setting the administrator does the
first two and reads the log too."""

from __future__ import annotations

import pytest

from jixiao.web.organisation.models import Member, Unit
from tests.web.conftest import PASSWORD

NEW_UNIT = {"action": "unit", "unit-code": "434099", "unit-name": "新乡"}


def _new_person(unit) -> dict:
    return {"action": "member", "member-username": "newbie", "member-unit": unit.pk, "member-role": "preparer",
            "member-password1": PASSWORD, "member-password2": PASSWORD}


@pytest.mark.parametrize(("person", "separate", "unit", "people", "audit"), [
    ("admin", False, 302, 302, 200),
    ("admin", True, 302, 403, 403),
    ("security", False, 403, 302, 403),
    ("security", True, 403, 302, 403),
    ("auditor", True, 403, 403, 200),
])
def test_who_does_what(org, security, auditor, login, settings, person, separate, unit, people, audit):
    settings.JIXIAO_SEPARATE_DUTIES = separate
    client = login({**org, "security": security, "auditor": auditor}[person])
    assert client.post("/people/", NEW_UNIT).status_code == unit
    assert client.post("/people/", _new_person(org["township"])).status_code == people
    colleague = Member.objects.get(user=org["colleague"])
    assert client.post("/people/", {"action": "stop", "member": colleague.pk}).status_code == people
    assert client.get("/audit/").status_code == audit
    assert Unit.objects.filter(code="434099").exists() is (unit == 302)
    assert Member.objects.filter(user__username="newbie").exists() is (people == 302)


def test_the_page_shows_only_the_forms_of_ones_duty(org, security, login, settings):
    settings.JIXIAO_SEPARATE_DUTIES = True
    admin_page = login(org["admin"]).get("/people/").content.decode()
    security_page = login(security).get("/people/").content.decode()
    assert "添加单位" in admin_page and "添加人员" not in admin_page and "停用" not in admin_page
    assert "添加单位" not in security_page and "添加人员" in security_page and "变更角色" in security_page


def test_security_and_audit_administrators_see_no_sheets(sheet, security, auditor, login):
    for person in (security, auditor):
        assert login(person).get(f"/sheets/{sheet.pk}/").status_code == 404
        assert login(person).get("/sheets/").context["page"].paginator.count == 0
