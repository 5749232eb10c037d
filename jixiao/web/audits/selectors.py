"""Reading the bureau's audited documents: only ever those of the reader's bureau."""

from __future__ import annotations

from django.db.models import QuerySet

from jixiao.web.audits.models import AuditedDocument
from jixiao.web.organisation.models import Member

__all__ = ["audited_documents"]


def audited_documents(member: Member, year: int) -> QuerySet[AuditedDocument]:
    """The audited documents of ``member``'s bureau for ``year``, newest upload first."""
    return AuditedDocument.objects.filter(bureau_id=member.bureau_id, year=year).select_related("unit", "sheet")
