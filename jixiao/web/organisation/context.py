"""Template context: the signed-in member, so every page can show the unit and role."""

from jixiao.web.organisation.selectors import request_member


def member(request):
    """Add ``member`` (or None) to every template."""
    return {"member": request_member(request) if hasattr(request, "user") else None}
