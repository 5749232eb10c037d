"""Template context: whether the signed-in member may open the audit log (for the navigation)."""

from jixiao.web.organisation.selectors import request_member
from jixiao.web.security.audit import can_read_audit


def audit_reader(request):
    """Add ``can_read_audit`` to every template."""
    return {"can_read_audit": hasattr(request, "user") and can_read_audit(request_member(request))}
