"""Where a request comes from: the client's address, also behind a reverse proxy."""

from __future__ import annotations

import ipaddress

from django.conf import settings

__all__ = ["client_ip"]


def client_ip(request) -> str | None:
    """The client's IP address.

    Behind a proxy (``JIXIAO_BEHIND_PROXY``) it is the last ``X-Forwarded-For`` entry: the one the proxy itself
    appended (nginx's ``$proxy_add_x_forwarded_for``); earlier entries come from the client and can be forged.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if settings.JIXIAO_BEHIND_PROXY:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if forwarded[-1]:
            address = forwarded[-1]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
