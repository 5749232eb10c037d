"""Public pages kept as rendered, once per state of the public site.

A public page shows published versions only, and a published version never changes; what changes is which
versions are public and with what result (publish, a new version after an adjustment, a published
self-evaluation, a withdrawal). Each of those writes gives the site a new token in its own transaction
(:func:`public_revision_bump`), and a page is kept under its address and the token it was read with: it is rendered
once per state and server process, a change shows at once on every page of every process, and nothing has to find
and delete the pages a change touched.

A table as published (the official layout and its result) is also kept on its own, per version and published
result (publication/table.html's cache block, in the same cache): it outlives the token, so a change elsewhere
renders a table's page again (its versions and years may have changed) but does not read and lay out the table.

The token is read before the page's rows, so a page rendered across a change is kept under the older token, which
no request reads again. It is random rather than a counter, so that a database restored from a backup, or a test's
rolled-back transaction, never meets pages kept for another state under the same token.
"""

from __future__ import annotations

import functools
import hashlib
import uuid

from django.core.cache import caches
from django.http import HttpResponse

from jixiao.web.publication.models import PublicRevision

__all__ = ["CACHE", "kept_per_revision", "public_revision", "public_revision_bump"]

CACHE = "public"  # the cache alias (settings.CACHES): in each process's memory, the least used pages go first


def public_revision() -> str:
    """The token of what the public site shows now ("" before anything was ever published)."""
    return PublicRevision.objects.values_list("token", flat=True).first() or ""


def public_revision_bump() -> str:
    """Give the public site a new token: call in the transaction of every write that changes what it shows."""
    token = uuid.uuid4().hex
    PublicRevision.objects.update_or_create(pk=1, defaults={"token": token})
    return token


def kept_per_revision(view):
    """Answer a public page from the pages kept under the site's token, rendering and keeping it when it is not
    there. Only a whole 200 answer is kept, with the headers the view set; the address key includes the scheme and
    host, which the Atom feed's absolute links are made of."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        address = f"{public_revision()} {request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = "page:" + hashlib.sha256(address.encode()).hexdigest()
        kept = caches[CACHE].get(key)
        if kept is not None:
            headers, content = kept
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            caches[CACHE].set(key, (dict(response.items()), response.content), timeout=None)
        return response

    return wrapper
