"""Recording and reading the security audit log.

``audit_record`` writes an event at once, inside the caller's transaction, so an action that rolls back leaves
no "done" event. ``audit_refusal`` is different: a refusal usually ends in an exception that rolls the request's
transaction back, so during a request it is kept on the request and written by ``AuditContextMiddleware`` after
the response.
"""

from __future__ import annotations

import ipaddress
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from jixiao.web.organisation.models import Member, Role, Unit
from jixiao.web.security.events import ACCESS_REFUSED, ACTIONS, AUDIT_PRUNED, AuditAction, Result
from jixiao.web.security.models import AuditEvent
from jixiao.web.security.network import client_ip

__all__ = ["AuditFilters", "audit_events", "audit_maintenance", "audit_prune", "audit_record", "audit_refusal", "can_read_audit",
           "flush_refusals", "request_context"]

_current_request: ContextVar = ContextVar("jixiao_audit_request", default=None)


@contextmanager
def request_context(request):
    """Make ``request`` the one whose user and address events are attributed to."""
    token = _current_request.set(request)
    try:
        yield
    finally:
        _current_request.reset(token)


def _bureau_of(user=None, obj=None) -> int | None:
    """The bureau an event belongs to: the acting user's; for anonymous attempts, the object's."""
    member = Member.objects.select_related("unit").filter(user=user).first() if user is not None else None
    if member is not None:
        return member.bureau_id
    if isinstance(obj, Member):
        return obj.bureau_id
    unit = obj if isinstance(obj, Unit) else getattr(obj, "unit", None)
    if isinstance(unit, Unit):
        return unit.pk if unit.kind == Unit.Kind.BUREAU else unit.bureau_id
    return None


def _event(action: AuditAction, *, result: str, user, username: str, obj, details: dict | None,
           request) -> AuditEvent:
    request = request if request is not None else _current_request.get()
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        user = candidate if candidate is not None and candidate.is_authenticated else None
    if user is not None and not user.is_authenticated:
        user = None
    return AuditEvent(
        action=action.code, result=result, user=user,
        username=_text(user.get_username() if user is not None else username)[:150],
        bureau_id=_bureau_of(user, obj), ip=client_ip(request) if request is not None else None,
        object_type=obj._meta.verbose_name if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "", object_repr=_text(str(obj))[:300] if obj is not None else "",
        details=_text(details or {}),
    )


def _text(value):
    """``value`` without NUL characters (a hostile path or name may carry them; PostgreSQL refuses them)."""
    if isinstance(value, str):
        return value.replace("\x00", "\N{REPLACEMENT CHARACTER}")
    if isinstance(value, dict):
        return {key: _text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    return value


def audit_record(action: AuditAction, *, result: str = Result.SUCCESS, user=None, username: str = "", obj=None,
                 details: dict | None = None, request=None) -> AuditEvent:
    """Record ``action`` now. The user and address default to those of the request being served."""
    event = _event(action, result=result, user=user, username=username, obj=obj, details=details, request=request)
    event.save()
    return event


def audit_refusal(obj=None, *, reason: str, request=None) -> None:
    """Record that the request's user was refused ``obj``; written after the response, whatever rolls back."""
    request = request if request is not None else _current_request.get()
    if request is None:
        audit_record(ACCESS_REFUSED, result=Result.REFUSED, obj=obj, details={"reason": reason})
        return
    event = _event(ACCESS_REFUSED, result=Result.REFUSED, user=None, username="", obj=obj, request=request,
                   details={"reason": reason, "method": request.method, "path": request.path[:500]})
    request.__dict__.setdefault("_jixiao_refusals", []).append(event)


def flush_refusals(request) -> bool:
    """Write the refusals kept on ``request``; True when there were any."""
    events = request.__dict__.pop("_jixiao_refusals", [])
    if not events:
        # No transaction for nothing: on SQLite every transaction takes the write lock, and this runs on every
        # request, so an empty one would queue all readers of the site behind each other.
        return False
    with transaction.atomic():
        for event in events:
            event.save()
    return bool(events)


def can_read_audit(member: Member | None) -> bool:
    """The 审计管理员 reads the log; so does the system administrator unless duties are separated."""
    if member is None:
        return False
    return member.role == Role.AUDITOR or (member.role == Role.ADMIN and not settings.JIXIAO_SEPARATE_DUTIES)


@dataclass(frozen=True)
class AuditFilters:
    """What the audit page can be narrowed by."""

    start: date | None = None
    end: date | None = None
    action: str = ""
    result: str = ""
    username: str = ""
    ip: str = ""

    @classmethod
    def from_query(cls, query) -> AuditFilters:
        """The filters of the page's form (``QueryDict`` or a job's stored parameters); a value that does not
        parse (a date, an event, an address) is left out rather than refused."""
        action, result = query.get("action") or "", query.get("result") or ""
        return cls(start=_date(query.get("start")), end=_date(query.get("end")),
                   action=action if action in ACTIONS else "", result=result if result in Result.values else "",
                   username=(query.get("username") or "")[:150], ip=_ip(query.get("ip") or ""))

    def params(self) -> dict[str, str]:
        """The filters as a background job keeps them (JSON), read back by :meth:`from_query`."""
        return {"start": self.start.isoformat() if self.start else "", "end": self.end.isoformat() if self.end else "",
                "action": self.action, "result": self.result, "username": self.username, "ip": self.ip}


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _ip(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip())) if text.strip() else ""
    except ValueError:
        return ""


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_events(member: Member | None, filters: AuditFilters = AuditFilters()) -> QuerySet[AuditEvent]:
    """The events ``member`` may read, newest first: its bureau's and those of no bureau (unknown login names)."""
    if not can_read_audit(member):
        return AuditEvent.objects.none()
    events = AuditEvent.objects.filter(Q(bureau_id=member.bureau_id) | Q(bureau__isnull=True))
    if filters.start:
        events = events.filter(at__gte=_day_start(filters.start))
    if filters.end:
        events = events.filter(at__lt=_day_start(filters.end + timedelta(days=1)))
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.result:
        events = events.filter(result=filters.result)
    if filters.username:
        events = events.filter(username__icontains=filters.username)
    if filters.ip:
        events = events.filter(ip=filters.ip)
    return events.order_by("-at", "-id")


def audit_maintenance(cursor) -> None:
    """Let this transaction change audit rows past PostgreSQL's append-only trigger (migration 0002)."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT set_config('jixiao.audit_maintenance', 'on', true)")


def audit_prune(retention_days: int | None = None, *, now: datetime | None = None) -> int:
    """Delete events older than the retention (``JIXIAO_AUDIT_RETENTION_DAYS``; 0 keeps all); return how many.

    The ORM refuses to delete audit events, so this is the one place that does, in plain SQL, and it records
    that it did.
    """
    days = settings.JIXIAO_AUDIT_RETENTION_DAYS if retention_days is None else retention_days
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    column = connection.ops.quote_name("at")
    with transaction.atomic(), connection.cursor() as cursor:
        audit_maintenance(cursor)
        cursor.execute(f"DELETE FROM {table} WHERE {column} < %s", [cutoff])  # table and column are ours
        removed = cursor.rowcount
        audit_record(AUDIT_PRUNED, details={"before": cutoff.isoformat(), "removed": removed,
                                            "retention_days": days})
    return removed
