"""Template context: which administrative pages the signed-in member may open (for the navigation)."""

from jixiao.web.organisation.selectors import can_manage_people, can_manage_units, request_member
from jixiao.web.security.audit import can_read_audit


def duties(request):
    """Add ``can_read_audit`` and ``can_manage_people_or_units`` to every template."""
    member = request_member(request) if hasattr(request, "user") else None
    return {"can_read_audit": can_read_audit(member),
            "can_manage_people_or_units": can_manage_units(member) or can_manage_people(member)}
