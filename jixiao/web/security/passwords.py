"""Password rules of a government network: length (Django's validator), character classes, no reuse of recent
passwords, and expiry.

Both validators are listed in ``AUTH_PASSWORD_VALIDATORS``; Django calls ``password_changed`` on each of them
whenever a user's password is saved, which is where the history is kept.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils import timezone

from jixiao.web.security.models import PasswordRecord

__all__ = ["EXPIRED_MARK", "CharacterClassesValidator", "LengthValidator", "PasswordHistoryValidator",
           "password_expired", "password_record_initial", "password_set_at"]

# The session key that marks a login whose password has expired (set at login, cleared on change).
EXPIRED_MARK = "jixiao_password_expired"

_CLASSES = {
    "大写字母": str.isupper,
    "小写字母": str.islower,
    "数字": str.isdigit,
    "符号": lambda ch: not ch.isalnum() and not ch.isspace(),
}


class LengthValidator(MinimumLengthValidator):
    """Django's length rule in Chinese: Django 5.2 reworded its message, and its Chinese catalogue lacks the new
    wording, so users read it in English."""

    def get_error_message(self) -> str:
        return f"密码太短：至少应有 {self.min_length} 个字符。"

    def get_help_text(self) -> str:
        return f"密码至少应有 {self.min_length} 个字符。"


class CharacterClassesValidator:
    """At least ``JIXIAO_PASSWORD_CLASSES`` (default 3) of: upper case, lower case, digits, symbols."""

    def __init__(self, classes: int | None = None) -> None:
        self.classes = classes

    @property
    def required(self) -> int:
        return self.classes or settings.JIXIAO_PASSWORD_CLASSES

    def validate(self, password: str, user=None) -> None:
        used = [name for name, test in _CLASSES.items() if any(test(ch) for ch in password)]
        if len(used) < self.required:
            raise ValidationError(
                f"密码应至少包含大写字母、小写字母、数字、符号中的 {self.required} 类（现有 {len(used)} 类）。",
                code="password_too_few_classes")

    def get_help_text(self) -> str:
        return f"密码应至少包含大写字母、小写字母、数字、符号中的 {self.required} 类。"


class PasswordHistoryValidator:
    """Refuses the current password and the ``JIXIAO_PASSWORD_HISTORY`` before it; keeps their hashes."""

    @property
    def depth(self) -> int:
        return settings.JIXIAO_PASSWORD_HISTORY

    def _recent(self, user) -> list[str]:
        if user is None or user.pk is None or self.depth <= 0:
            return []
        hashes = list(PasswordRecord.objects.filter(user=user).values_list("password", flat=True)[:self.depth])
        return [user.password, *hashes] if user.password else hashes

    def validate(self, password: str, user=None) -> None:
        if any(check_password(password, encoded) for encoded in self._recent(user)):
            raise ValidationError(f"新密码不能与最近使用过的 {self.depth} 个密码相同。", code="password_reused")

    def password_changed(self, password: str, user=None) -> None:
        """Remember the new password's hash and when it was set; forget those beyond the history."""
        if user is None or user.pk is None:
            return
        latest = PasswordRecord.objects.filter(user=user).values_list("password", flat=True).first()
        if latest is None or not check_password(password, latest):  # not already kept at the account's creation
            PasswordRecord.objects.create(user=user, password=make_password(password))
        stale = PasswordRecord.objects.filter(user=user).values_list("pk", flat=True)[max(self.depth, 1):]
        PasswordRecord.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self) -> str:
        return f"不能与最近使用过的 {self.depth} 个密码相同。"


def password_record_initial(user) -> None:
    """Keep the hash a new account was created with (Django's ``create_user`` does not call ``password_changed``)."""
    if user.has_usable_password():
        PasswordRecord.objects.create(user=user, password=user.password)


def password_set_at(user) -> datetime:
    """When ``user``'s password was last set (for accounts older than the history: when they joined)."""
    latest = PasswordRecord.objects.filter(user=user).values_list("set_at", flat=True).first()
    return latest or user.date_joined


def password_expired(user) -> bool:
    """True when ``JIXIAO_PASSWORD_MAX_AGE`` is set and ``user``'s password is older than that."""
    max_age = settings.JIXIAO_PASSWORD_MAX_AGE
    return bool(max_age) and timezone.now() - password_set_at(user) > max_age
