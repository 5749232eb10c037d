"""Login throttling (django-axes): by login name and address together, a cool-off, a Chinese lockout page; the
same for guessed API tokens."""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from jixiao.web.organisation.services import token_create
from tests.web.conftest import PASSWORD
from tests.web.security.conftest import events

HOME, ELSEWHERE = "10.0.0.1", "10.0.0.2"


def _login(client: Client, password: str, username: str = "owner", address: str = HOME):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_fifth_wrong_password_locks_the_name_at_that_address_even_against_the_right_one(org):
    client = Client()
    for _ in range(4):
        assert _login(client, "wrong").status_code == 200
    locked = _login(client, "wrong")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "登录已锁定" in page and "连续 5 次登录失败" in page and "30 分钟" in page
    refused = _login(client, PASSWORD)
    assert refused.status_code == 429 and "_auth_user_id" not in client.session
    assert client.get("/sheets/").status_code == 302  # still not signed in


def test_the_lockout_holds_only_for_that_name_and_address(org):
    for _ in range(5):
        _login(Client(), "wrong")
    assert _login(Client(), PASSWORD, address=ELSEWHERE).status_code == 302  # the owner elsewhere
    assert _login(Client(), PASSWORD, username="colleague").status_code == 302  # a colleague at the same desk


def test_after_the_cool_off_the_right_password_logs_in(org):
    for _ in range(5):
        _login(Client(), "wrong")
    assert _login(Client(), PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert _login(Client(), PASSWORD).status_code == 302


def test_the_policy_is_configurable(org, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=10)
    assert _login(Client(), "wrong").status_code == 200
    locked = _login(Client(), "wrong")
    assert locked.status_code == 429 and "连续 2 次" in locked.content.decode() and "10 分钟" in locked.content.decode()


def test_a_successful_login_clears_earlier_failures(org):
    for _ in range(4):
        _login(Client(), "wrong")
    assert _login(Client(), PASSWORD).status_code == 302
    for _ in range(4):
        assert _login(Client(), "wrong").status_code == 200


def test_lockout_and_each_failure_are_audit_events(org):
    for _ in range(5):
        _login(Client(), "wrong")
    failures = events("login_failed", username="owner")
    assert len(failures) == 5 and {e.ip for e in failures} == {HOME}
    assert [e.result for e in failures] == ["failure"] * 4 + ["refused"]
    lockout = events("lockout")
    assert len(lockout) == 1 and lockout[0].username == "owner" and lockout[0].ip == HOME
    assert lockout[0].bureau_id == org["bureau"].pk and lockout[0].object_repr.startswith("owner")


def test_guessed_api_tokens_lock_out_the_address_but_not_a_good_token_elsewhere(org):
    token = token_create(user=org["owner"])
    client = Client()
    for _ in range(4):
        assert client.get("/api/sheets/", HTTP_AUTHORIZATION="Bearer guessed", REMOTE_ADDR=HOME).status_code == 401
    assert client.get("/api/sheets/", HTTP_AUTHORIZATION="Bearer guessed", REMOTE_ADDR=HOME).status_code == 429
    locked = client.get("/api/sheets/", HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=HOME)
    assert locked.status_code == 429 and "锁定" in locked.json()["detail"]
    assert client.get("/api/sheets/", HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR=ELSEWHERE).status_code == 200
    assert len(events("token_refused", ip=HOME)) == 5 and len(events("lockout", ip=HOME)) == 1
