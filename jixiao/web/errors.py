"""Refusing a request with a Chinese message (an HTML page for the pages, JSON for the API), and error pages in
Chinese with a way back: 403, 404 and 500 through Django's handlers and templates, 405 here.

Django answers a wrong method (``require_POST`` opened by a link) with an empty 405; a person then sees a blank
page. :class:`MethodNotAllowedPage` renders the same Chinese page as the other errors, keeping the ``Allow``
header. The API answers in JSON and is left alone.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import render

__all__ = ["BadQuery", "MethodNotAllowedPage", "bad_request", "refusal"]


class BadQuery(BadRequest):
    """A query parameter or form value that cannot be used; ``field`` names it, ``message`` says why."""

    def __init__(self, field: str, message: str, label: str = "") -> None:
        super().__init__(f"{field}：{message}")
        self.field, self.message, self.label = field, message, label


def refusal(request, message: str, status: int, field: str | None = None):
    """``message`` as the response: JSON ``{"detail", "field"}`` under ``/api/``, a page otherwise."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, **({"field": field} if field else {})}, status=status)
    return render(request, "errors/refused.html", {"message": message}, status=status)


def bad_request(request, exception=None):
    """Django's 400 handler: says what was wrong when jixiao or Django named it."""
    if isinstance(exception, BadQuery):
        label = f"（{exception.label}）" if exception.label else ""
        return refusal(request, f"参数“{exception.field}”{label}无效：{exception.message}", 400, exception.field)
    if isinstance(exception, RequestDataTooBig):
        return refusal(request, "提交的表单内容过大，未接收", 413)
    if isinstance(exception, TooManyFieldsSent):
        return refusal(request, "提交的表单字段过多，未接收", 400)
    return refusal(request, "请求无效，无法处理", 400)


class MethodNotAllowedPage:
    """Replace the empty body of a 405 outside the API with the ``405.html`` page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 405 or request.path.startswith("/api/") or response.content:
            return response
        page = render(request, "405.html", status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
