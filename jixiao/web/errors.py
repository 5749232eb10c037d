"""Error pages in Chinese with a way back: 403, 404 and 500 through Django's handlers and templates, 405 here.

Django answers a wrong method (``require_POST`` opened by a link) with an empty 405; a person then sees a blank
page. This middleware renders the same Chinese page as the other errors, keeping the ``Allow`` header. The API
answers in JSON and is left alone.
"""

from __future__ import annotations

from django.shortcuts import render

__all__ = ["MethodNotAllowedPage"]


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
