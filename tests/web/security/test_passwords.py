"""Password rules: length, character classes, no reuse of recent passwords, expiry forcing a change at login."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone, translation

from jixiao.cli.errors import UsageError
from jixiao.cli.serve_command import _demo
from jixiao.web.demo import DEMO_ACCOUNTS, demo_create, demo_password
from jixiao.web.security.models import PasswordRecord
from tests.web.conftest import PASSWORD
from tests.web.security.conftest import events


def _messages(password: str, user=None) -> str:
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as refused:
            validate_password(password, user)
        return "".join(refused.value.messages)


@pytest.mark.parametrize(("password", "why"), [
    ("jixiao2026", "中的 3 类（现有 2 类）"),
    ("Ab1-xyz", "密码太短：至少应有 10 个字符。"),
    ("abcdefghijkl", "（现有 1 类）"),
    ("ABCDEFGH1234", "（现有 2 类）"),
])
def test_weak_passwords_are_refused_with_the_reason(db, password, why):
    assert why in _messages(password)


@pytest.mark.parametrize("password", ["Abcdefgh12", "abcdefgh-12", "ZHONG-hua#2026", "Pa55word-for-tests"])
def test_passwords_with_three_classes_and_ten_characters_pass(db, password):
    validate_password(password)


def test_the_rules_are_settings(db, settings):
    settings.JIXIAO_PASSWORD_CLASSES = 4
    assert "中的 4 类（现有 3 类）" in _messages("Abcdefgh12")
    settings.JIXIAO_PASSWORD_CLASSES = 2
    validate_password("jixiao2026x")


def _change(client: Client, old: str, new: str):
    return client.post("/password/", {"old_password": old, "new_password1": new, "new_password2": new})


def test_recent_passwords_cannot_be_reused(org, login):
    client = login(org["owner"])
    first, second = "Second-Pass-2026", "Third-Pass-2026"
    assert _change(client, PASSWORD, first).status_code == 302
    assert _change(client, first, second).status_code == 302
    for reused in (second, first, PASSWORD):
        refused = _change(client, second, reused)
        assert refused.status_code == 200 and "最近使用过的 5 个密码" in refused.content.decode()
    assert PasswordRecord.objects.filter(user=org["owner"]).count() == 3
    assert not any(PASSWORD in record.password for record in PasswordRecord.objects.all())  # only hashes


def test_the_history_keeps_only_the_configured_number(org, login, settings):
    settings.JIXIAO_PASSWORD_HISTORY = 2
    client = login(org["owner"])
    passwords = [PASSWORD, "Second-Pass-2026", "Third-Pass-2026", "Fourth-Pass-2026"]
    for old, new in pairwise(passwords):
        assert _change(client, old, new).status_code == 302
    assert PasswordRecord.objects.filter(user=org["owner"]).count() == 2
    assert _change(client, passwords[-1], PASSWORD).status_code == 302  # older than the last two


def test_an_expired_password_must_be_changed_at_login(org):
    PasswordRecord.objects.filter(user=org["owner"]).update(set_at=timezone.now() - timedelta(days=91))
    client = Client()
    assert client.post("/login/", {"username": "owner", "password": PASSWORD}).status_code == 302
    for page in ("/sheets/", "/account/", "/performance/"):
        sent = client.get(page)
        assert sent.status_code == 302 and sent["Location"] == "/password/"
    form = client.get("/password/")
    assert form.status_code == 200 and "密码已过期" in form.content.decode()
    assert _change(client, PASSWORD, "Renewed-Pass-2026").status_code == 302
    assert client.get("/sheets/").status_code == 200
    assert len(events("password_expired", username="owner")) == 1
    assert len(events("password_changed", username="owner")) == 1


def test_expiry_is_a_setting_and_zero_turns_it_off(org, settings):
    PasswordRecord.objects.filter(user=org["owner"]).update(set_at=timezone.now() - timedelta(days=40))
    settings.JIXIAO_PASSWORD_MAX_AGE = timedelta(days=30)
    expired = Client()
    expired.post("/login/", {"username": "owner", "password": PASSWORD})
    assert expired.get("/sheets/").status_code == 302
    settings.JIXIAO_PASSWORD_MAX_AGE = timedelta(0)
    fresh = Client()
    fresh.post("/login/", {"username": "owner", "password": PASSWORD})
    assert fresh.get("/sheets/").status_code == 200


def test_demo_accounts_meet_the_rules_and_log_in(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for _ in range(50):
        validate_password(demo_password())
    password = demo_password()
    demo_create(password)
    for username in DEMO_ACCOUNTS:
        assert Client().post("/login/", {"username": username, "password": password}).status_code == 302


def test_serve_refuses_a_weak_demo_password(db):
    with pytest.raises(UsageError, match="不符合密码规则"):
        _demo("jixiao2026")


def test_a_weak_demo_password_is_refused_in_chinese_even_with_no_language_active(db):
    """``jixiao serve`` validates the password after migrating, which leaves no language active."""
    with translation.override(None), pytest.raises(UsageError) as refused:
        _demo("demo12345")
    message = refused.value.message
    assert "密码太短" in message and "This password" not in message and message.endswith("。")
    assert "；" in message  # two reasons, told apart
