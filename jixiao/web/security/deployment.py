"""The security settings a deployment chooses, read from the environment in one place.

``deployment_settings(os.environ)`` returns Django settings (upper-case names) that ``jixiao.web.settings``
adopts. Every variable is documented in the README's 部署与安全 section:

- ``JIXIAO_HTTPS=1``: the site is served over HTTPS: Secure cookies and HSTS (``JIXIAO_HSTS_SECONDS``);
- ``JIXIAO_BEHIND_PROXY=1``: a reverse proxy (nginx) forwards requests: the scheme comes from
  ``X-Forwarded-Proto`` and the client address from the last ``X-Forwarded-For`` entry;
- ``JIXIAO_TRUSTED_ORIGINS``: comma-separated origins allowed to POST (``https://jixiao.example.gov.cn``);
- ``JIXIAO_SESSION_IDLE_MINUTES`` (30) and ``JIXIAO_SESSION_MAX_HOURS`` (8): idle timeout and absolute lifetime;
- ``JIXIAO_LOCKOUT_FAILURES`` (5) and ``JIXIAO_LOCKOUT_MINUTES`` (30): wrong passwords for one login name from
  one address before it is locked, and for how long;
- ``JIXIAO_PASSWORD_MIN_LENGTH`` (10), ``JIXIAO_PASSWORD_CLASSES`` (3 of: upper case, lower case, digits,
  symbols), ``JIXIAO_PASSWORD_HISTORY`` (5 previous passwords not reused), ``JIXIAO_PASSWORD_MAX_AGE_DAYS`` (90;
  0 never expires);
- ``JIXIAO_AUDIT_RETENTION_DAYS`` (180; 0 keeps everything) and ``JIXIAO_SEPARATE_DUTIES=1`` (三员分立: the
  system administrator keeps the units; people and roles are the 安全管理员's, the audit log the 审计管理员's).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

__all__ = ["deployment_settings"]


class SettingError(ValueError):
    """An environment variable with a value that cannot be used."""


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _number(env: Mapping[str, str], name: str, default: int, minimum: int = 0) -> int:
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise SettingError(f"环境变量 {name} 应为整数，现为“{text}”") from None
    if value < minimum:
        raise SettingError(f"环境变量 {name} 不能小于 {minimum}，现为 {value}")
    return value


def _origins(env: Mapping[str, str]) -> list[str]:
    origins = [o.strip().rstrip("/") for o in env.get("JIXIAO_TRUSTED_ORIGINS", "").split(",") if o.strip()]
    for origin in origins:
        if not origin.startswith(("https://", "http://")):
            raise SettingError(f"JIXIAO_TRUSTED_ORIGINS 中的“{origin}”应以 https:// 或 http:// 开头")
    return origins


def deployment_settings(env: Mapping[str, str]) -> dict[str, object]:
    """Django settings for HTTPS, the proxy, sessions, lockout, passwords and the audit log, from ``env``."""
    https = _flag(env, "JIXIAO_HTTPS")
    behind_proxy = _flag(env, "JIXIAO_BEHIND_PROXY")
    idle = _number(env, "JIXIAO_SESSION_IDLE_MINUTES", 30, minimum=1)
    lifetime = _number(env, "JIXIAO_SESSION_MAX_HOURS", 8, minimum=1)
    if lifetime >= 14 * 24:
        raise SettingError("JIXIAO_SESSION_MAX_HOURS 应短于 14 天（336 小时）")
    result: dict[str, object] = {
        "CSRF_TRUSTED_ORIGINS": _origins(env),
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https") if behind_proxy else None,
        "JIXIAO_BEHIND_PROXY": behind_proxy,
        "SESSION_COOKIE_SECURE": https,
        "CSRF_COOKIE_SECURE": https,
        "SECURE_HSTS_SECONDS": _number(env, "JIXIAO_HSTS_SECONDS", 31536000) if https else 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        # The absolute lifetime; the idle timeout is enforced by jixiao.web.security.middleware.
        "SESSION_COOKIE_AGE": lifetime * 3600,
        "JIXIAO_SESSION_IDLE": timedelta(minutes=idle),
        "JIXIAO_SESSION_MAX_AGE": timedelta(hours=lifetime),
        "AXES_FAILURE_LIMIT": _number(env, "JIXIAO_LOCKOUT_FAILURES", 5, minimum=1),
        "AXES_COOLOFF_TIME": timedelta(minutes=_number(env, "JIXIAO_LOCKOUT_MINUTES", 30, minimum=1)),
        "JIXIAO_PASSWORD_MIN_LENGTH": _number(env, "JIXIAO_PASSWORD_MIN_LENGTH", 10, minimum=8),
        "JIXIAO_PASSWORD_CLASSES": _number(env, "JIXIAO_PASSWORD_CLASSES", 3, minimum=1),
        "JIXIAO_PASSWORD_HISTORY": _number(env, "JIXIAO_PASSWORD_HISTORY", 5),
        "JIXIAO_PASSWORD_MAX_AGE": timedelta(days=_number(env, "JIXIAO_PASSWORD_MAX_AGE_DAYS", 90)),
        "JIXIAO_AUDIT_RETENTION_DAYS": _number(env, "JIXIAO_AUDIT_RETENTION_DAYS", 180),
        "JIXIAO_SEPARATE_DUTIES": _flag(env, "JIXIAO_SEPARATE_DUTIES"),
    }
    if result["JIXIAO_PASSWORD_CLASSES"] > 4:
        raise SettingError("JIXIAO_PASSWORD_CLASSES 最大为 4（大写字母、小写字母、数字、符号）")
    return result
