"""What a locked-out login sees: a Chinese page (or, for the API, a JSON message) with status 429."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

__all__ = ["lockout_message", "lockout_response"]


def lockout_message() -> str:
    """The sentence shown to a locked-out user, naming the policy's numbers."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (f"连续 {settings.AXES_FAILURE_LIMIT} 次登录失败，该账户已在本机地址上锁定 {minutes} 分钟。"
            "请稍后再试；如忘记密码，请联系本财政局的管理员。")


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout callable (``AXES_LOCKOUT_CALLABLE``)."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": lockout_message()}, status=429)
    return render(request, "security/lockout.html", {"message": lockout_message()}, status=429)
