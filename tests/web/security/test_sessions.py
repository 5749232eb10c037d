"""Sessions (idle timeout, absolute lifetime) and running behind HTTPS and nginx (proxy, trusted origins, Secure
cookies, HSTS), with the settings read from the environment."""

from __future__ import annotations

from datetime import timedelta
from unittest.mock import patch

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.utils import timezone

from jixiao.web.security.deployment import SettingError, deployment_settings
from jixiao.web.security.middleware import _SEEN, _STARTED
from jixiao.web.security.network import client_ip
from tests.web.conftest import PASSWORD
from tests.web.security.conftest import events

HOST = "jixiao.example.gov.cn"


def _signed_in(username: str = "owner", **extra) -> Client:
    client = Client(**extra)
    assert client.post("/login/", {"username": username, "password": PASSWORD}).status_code == 302
    return client


def _age(client: Client, **ago: timedelta) -> None:
    session = client.session
    for key, delta in ago.items():
        session[key] = (timezone.now() - delta).isoformat()
    session.save()


def test_a_session_signed_in_before_the_member_backend_stays_signed_in(org):
    import importlib

    from django.apps import apps
    from django.contrib.auth import BACKEND_SESSION_KEY

    upgrade = importlib.import_module("jixiao.web.organisation.migrations.0003_sessions_of_member_backend")
    client = _signed_in()
    session = client.session
    session[BACKEND_SESSION_KEY] = upgrade.MODEL_BACKEND  # as Django's own backend wrote it before the upgrade
    session.save()
    assert client.get("/sheets/").status_code == 302  # without the migration, the upgrade signs the user out
    client = _signed_in()
    session = client.session
    session[BACKEND_SESSION_KEY] = upgrade.MODEL_BACKEND
    session.save()
    upgrade.forwards(apps, None)
    assert client.get("/sheets/").status_code == 200
    assert client.session[BACKEND_SESSION_KEY] == upgrade.MEMBER_BACKEND


def test_an_idle_session_ends(org):
    client = _signed_in()
    assert client.get("/sheets/").status_code == 200
    _age(client, **{_SEEN: timedelta(minutes=31)})
    ended = client.get("/sheets/")
    assert ended.status_code == 302 and ended["Location"].startswith("/login/")
    assert client.get("/sheets/").status_code == 302  # signed out, not just redirected once
    assert [e.details["reason"] for e in events("session_expired", username="owner")] == ["空闲超时"]


def test_activity_keeps_a_session_alive(org):
    client = _signed_in()
    _age(client, **{_SEEN: timedelta(minutes=20)})
    assert client.get("/sheets/").status_code == 200
    seen = timezone.datetime.fromisoformat(client.session[_SEEN])
    assert timezone.now() - seen < timedelta(minutes=1)  # the idle clock restarted
    _age(client, **{_SEEN: timedelta(minutes=20)})
    assert client.get("/sheets/").status_code == 200


def test_a_page_is_served_when_the_idle_clock_cannot_be_saved(org):
    # On SQLite a long import holds the only write lock: the session's save then fails (Django's UpdateError), and
    # a page that changed nothing else in the session is served anyway; the next request saves the clock.
    client = _signed_in()
    assert client.get("/sheets/").status_code == 200  # the first page starts both clocks
    _age(client, **{_SEEN: timedelta(minutes=5)})
    with patch.object(SessionStore, "save", side_effect=UpdateError):
        assert client.get("/sheets/").status_code == 200
    seen = timezone.datetime.fromisoformat(client.session[_SEEN])
    assert timezone.now() - seen > timedelta(minutes=4)  # not saved
    assert client.get("/sheets/").status_code == 200
    seen = timezone.datetime.fromisoformat(client.session[_SEEN])
    assert timezone.now() - seen < timedelta(minutes=1)  # saved now


def test_a_session_ends_after_its_lifetime_however_active(org):
    client = _signed_in()
    _age(client, **{_STARTED: timedelta(hours=8, minutes=1), _SEEN: timedelta(seconds=5)})
    assert client.get("/sheets/").status_code == 302
    assert [e.details["reason"] for e in events("session_expired")] == ["超过会话最长时间"]


def test_the_idle_timeout_is_a_setting(org, settings):
    settings.JIXIAO_SESSION_IDLE = timedelta(minutes=5)
    client = _signed_in()
    _age(client, **{_SEEN: timedelta(minutes=6)})
    assert client.get("/sheets/").status_code == 302


def test_defaults_keep_sessions_short_and_cookies_plain_over_http():
    values = deployment_settings({})
    assert values["SESSION_COOKIE_AGE"] == 8 * 3600 < 14 * 24 * 3600
    assert values["JIXIAO_SESSION_IDLE"] == timedelta(minutes=30)
    assert values["SESSION_COOKIE_SECURE"] is False and values["SECURE_HSTS_SECONDS"] == 0
    assert values["SECURE_PROXY_SSL_HEADER"] is None and values["CSRF_TRUSTED_ORIGINS"] == []


def test_https_behind_a_proxy_from_the_environment():
    values = deployment_settings({"JIXIAO_HTTPS": "1", "JIXIAO_BEHIND_PROXY": "1",
                                  "JIXIAO_TRUSTED_ORIGINS": f"https://{HOST}/, https://10.1.2.3:8443",
                                  "JIXIAO_SESSION_IDLE_MINUTES": "15", "JIXIAO_LOCKOUT_FAILURES": "3"})
    assert values["SESSION_COOKIE_SECURE"] is values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["CSRF_TRUSTED_ORIGINS"] == [f"https://{HOST}", "https://10.1.2.3:8443"]
    assert values["JIXIAO_SESSION_IDLE"] == timedelta(minutes=15) and values["AXES_FAILURE_LIMIT"] == 3


@pytest.mark.parametrize(("env", "message"), [
    ({"JIXIAO_SESSION_IDLE_MINUTES": "半小时"}, "应为整数"),
    ({"JIXIAO_SESSION_MAX_HOURS": "336"}, "短于 14 天"),
    ({"JIXIAO_TRUSTED_ORIGINS": HOST}, "应以 https://"),
    ({"JIXIAO_PASSWORD_MIN_LENGTH": "6"}, "不能小于 8"),
    ({"JIXIAO_PASSWORD_CLASSES": "5"}, "最大为 4"),
])
def test_unusable_settings_are_refused_by_name(env, message):
    with pytest.raises(SettingError, match=message):
        deployment_settings(env)


def _post_login(client: Client, origin: str, host: str, **headers):
    client.get("/login/", HTTP_HOST=host, **headers)
    return client.post("/login/", {"username": "owner", "password": PASSWORD,
                                   "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
                       HTTP_HOST=host, HTTP_ORIGIN=origin, **headers)


def test_a_login_through_nginx_over_https_needs_the_proxy_setting(org, settings):
    settings.ALLOWED_HOSTS = [HOST]
    forwarded = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "192.0.2.7"}
    refused = _post_login(Client(enforce_csrf_checks=True), f"https://{HOST}", HOST, **forwarded)
    assert refused.status_code == 403  # the reported "Origin checking failed"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.JIXIAO_BEHIND_PROXY = True
    assert _post_login(Client(enforce_csrf_checks=True), f"https://{HOST}", HOST, **forwarded).status_code == 302
    assert events("login", username="owner")[-1].ip == "192.0.2.7"  # the client, not nginx


def test_a_proxy_that_rewrites_the_host_needs_the_trusted_origin(org, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    forwarded = {"HTTP_X_FORWARDED_PROTO": "https"}
    assert _post_login(Client(enforce_csrf_checks=True), f"https://{HOST}", "127.0.0.1", **forwarded).status_code == 403
    settings.CSRF_TRUSTED_ORIGINS = [f"https://{HOST}"]
    assert _post_login(Client(enforce_csrf_checks=True), f"https://{HOST}", "127.0.0.1", **forwarded).status_code == 302


def test_over_https_cookies_are_secure_and_hsts_is_sent(org, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31536000
    client = Client()
    response = client.post("/login/", {"username": "owner", "password": PASSWORD}, secure=True)
    assert response.cookies["sessionid"]["secure"] and response.cookies["sessionid"]["httponly"]
    assert client.get("/sheets/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in Client().get("/login/")  # never over plain HTTP


def test_the_client_address_behind_a_proxy_is_the_entry_nginx_added(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7")
    settings.JIXIAO_BEHIND_PROXY = False
    assert client_ip(request) == "127.0.0.1"  # without the setting the header is not believed
    settings.JIXIAO_BEHIND_PROXY = True
    assert client_ip(request) == "192.0.2.7"  # the forged first entry is ignored
