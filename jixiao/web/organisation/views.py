"""The account page: who I am, my unit and role, API tokens."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from jixiao.web.organisation.services import token_create

__all__ = ["account"]


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """Show the account; POST creates an API token, shown once."""
    token = token_create(user=request.user, label="网页创建") if request.method == "POST" else None
    return render(request, "organisation/account.html", {"token": token,
                                                         "tokens": request.user.api_tokens.order_by("-created_at")})
